//! The report parser: bytes of text extracted from a UN PDF → [`Document`].
//!
//! The pipeline is linear in the input:
//! 1. [`decode`]: detect the encoding, refuse what is not text;
//! 2. split into trimmed lines (LF, CRLF, CR, form feeds), detect the document's own symbol
//!    from the lines that carry it alone;
//! 3. drop page furniture ([`furniture`]) wherever it falls, recording each line dropped;
//! 4. build blocks ([`Builder`]): a paragraph starts at its printed number when the numbering
//!    agrees, headings by their numeral or as short title lines, hard wraps rejoined ([`join`]).
//!
//! Where a line's role is ambiguous the builder looks at line widths: text extracted from a PDF
//! is wrapped at the page's measure, so a line well short of the measure that ends a sentence
//! ends its paragraph, and a short line without a full stop that precedes a paragraph is a
//! title.

mod decode;
mod front;
mod furniture;
mod join;
mod language;
mod line;
mod reflow;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub use decode::{BinaryKind, DecodeError};
pub use front::{FrontMatter, front_matter};
use furniture::Furniture;
pub use furniture::{MONTHS, is_job_number};
use join::{Hyphenation, join_line};
pub use line::{HeadingForm, display_width, heading_form, is_cjk, subparagraph_label};

use crate::document::{Block, Document, Paragraph};

/// Reports above this size are refused before reading: the longest UN compilations are a few
/// megabytes of text.
pub const MAX_REPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Why a text is not a report paratag can show.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error(transparent)]
    Decode(#[from] DecodeError),

    #[error("no numbered paragraphs were found (UN reports number them `1.`, `2.` …)")]
    NoParagraphs,

    #[error(transparent)]
    Docx(#[from] crate::import::docx::DocxError),

    #[error(transparent)]
    Pdf(#[from] crate::import::pdf::PdfError),

    #[error(transparent)]
    Odt(#[from] crate::import::odt::OdtError),

    #[error(transparent)]
    Doc(#[from] crate::import::doc::DocError),
}

/// A report file that could not be opened, with the file it concerns.
#[derive(Debug, thiserror::Error)]
#[error("Cannot open the report: {problem} — {}", path.display())]
pub struct ReportError {
    pub path: PathBuf,
    pub problem: ReportProblem,
}

/// What went wrong with a report file.
#[derive(Debug, thiserror::Error)]
pub enum ReportProblem {
    #[error("{0}")]
    Read(#[from] std::io::Error),

    #[error("the file is {size_mib} MiB, too large to be a report")]
    TooLarge { size_mib: u64 },

    #[error("it is {0}, not a file")]
    NotAFile(crate::storage::NotAFile),

    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// Read and parse a report file.
pub fn read_report(path: &Path) -> Result<Document, ReportError> {
    let fail = |problem: ReportProblem| ReportError {
        path: path.to_owned(),
        problem,
    };
    let bytes = crate::storage::read_regular(path, MAX_REPORT_BYTES).map_err(|error| {
        fail(match error {
            crate::storage::ReadError::NotAFile(kind) => ReportProblem::NotAFile(kind),
            crate::storage::ReadError::TooLarge { .. } => ReportProblem::TooLarge {
                size_mib: std::fs::metadata(path).map_or(0, |m| m.len()) / (1024 * 1024),
            },
            crate::storage::ReadError::Io(error) => ReportProblem::Read(error),
        })
    })?;
    // An old Word document is converted by LibreOffice, which needs the file itself.
    if crate::import::doc::is_doc(&bytes) {
        let docx = crate::import::doc::convert(path)
            .map_err(|error| fail(ReportProblem::Parse(error.into())))?;
        return parse(&docx).map_err(|e| fail(e.into()));
    }
    parse(&bytes).map_err(|e| fail(e.into()))
}

/// Parse the bytes of a report: a PDF, a Word document, or text in any encoding paratag knows.
pub fn parse(bytes: &[u8]) -> Result<Document, ParseError> {
    use crate::import::docx::{self, DocxError};
    use crate::import::pdf;
    if pdf::is_pdf(bytes) {
        let bytes = std::sync::Arc::new(bytes.to_vec());
        let text = pdf::read_shared(std::sync::Arc::clone(&bytes))?;
        let mut document = parse_with_furniture(&text.text, &text.furniture)?;
        document.printed = Some(pdf::printed_pages(bytes, &text, &document.blocks));
        document.footnotes.extend(text.footnotes);
        document.encoding = "PDF";
        return Ok(document);
    }
    if crate::import::odt::is_odt(bytes) {
        let odt = crate::import::odt::read(bytes)?;
        let mut document = parse_with_furniture(&odt.text, &odt.furniture)?;
        document.footnotes.extend(odt.footnotes);
        document.encoding = "OpenDocument (.odt)";
        return Ok(document);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        match docx::read(bytes) {
            Ok(word) => {
                let mut document = parse_with_furniture(&word.text, &word.furniture)?;
                document.footnotes.extend(word.footnotes);
                document.encoding = "Word (.docx)";
                return Ok(document);
            }
            // Another kind of ZIP: named for what it is below.
            Err(DocxError::NoBody) => {}
            // A package that cannot be opened but names Word's parts: a damaged Word file.
            Err(DocxError::Package(_)) if !contains(bytes, b"word/") => {}
            Err(error) => return Err(error.into()),
        }
    }
    let decoded = decode::decode(bytes)?;
    let mut document = parse_text(&decoded.text)?;
    document.encoding = decoded.encoding.name();
    Ok(document)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// The trimmed, non-empty lines of a text, runs of whitespace collapsed.
fn text_lines(text: &str) -> Vec<Cow<'_, str>> {
    raw_lines(text).map(collapse_whitespace).collect()
}

/// The trimmed, non-empty lines of a text as they stand (the same lines as `text_lines`).
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r', '\x0B', '\x0C', '\u{85}', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
}

/// Parse a report that is already text.
pub fn parse_text(text: &str) -> Result<Document, ParseError> {
    parse_with_furniture(text, "")
}

/// Parse a report whose page furniture comes apart from its body, as a Word document's headers
/// and footers do. The furniture never enters the body: it tells the document's symbol (a
/// running head, tab-separated parts counted apart) and is recorded as removed.
pub fn parse_with_furniture(text: &str, furniture: &str) -> Result<Document, ParseError> {
    // Text copied from a web page may hold a whole report on one line: its breaks go back first.
    let restored = reflow::restore_breaks(text);
    let text = &*restored.text;
    let furniture = furniture.replace('\t', "\n");
    let furniture: Vec<Cow<'_, str>> = text_lines(&furniture);
    let raw: Vec<&str> = raw_lines(text).collect();
    let lines: Vec<Cow<'_, str>> = raw.iter().map(|line| collapse_whitespace(line)).collect();
    let lines: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
    let symbol = detect_symbol(
        &furniture
            .iter()
            .map(AsRef::as_ref)
            .chain(lines.iter().copied())
            .collect::<Vec<&str>>(),
    );
    let mut kinds: Vec<Option<Furniture>> = lines
        .iter()
        .map(|line| furniture::classify(line, symbol.as_deref()))
        .collect();
    mark_mastheads(&lines, &raw, symbol.as_deref(), &mut kinds);
    let body: Vec<&str> = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, kind)| kind.is_none())
        .map(|(line, _)| *line)
        .collect();

    let hyphenation = Hyphenation::from_lines(&body);
    // Lines that are whole paragraphs have no measure to fill.
    let measure = if restored.logical {
        usize::MAX / 16
    } else {
        typical_width(&body)
    };
    let mut builder = Builder::new(measure, &hyphenation);
    let mut body_index = 0;
    for (line, kind) in lines.iter().zip(&kinds) {
        if let Some(kind) = kind {
            builder.furniture(line, *kind);
        } else {
            builder.body_line(line, body.get(body_index + 1).copied());
            body_index += 1;
        }
    }
    builder.finish();
    let Builder {
        blocks,
        footnotes,
        removed: body_removed,
        ..
    } = builder;
    let mut removed: Vec<String> = furniture.into_iter().map(Cow::into_owned).collect();
    removed.extend(body_removed);

    if !blocks
        .iter()
        .any(|block| matches!(block, Block::Paragraph(_)))
    {
        return Err(ParseError::NoParagraphs);
    }
    Ok(Document {
        symbol,
        language: language::detect(text),
        encoding: encoding_rs::UTF_8.name(),
        blocks,
        footnotes,
        removed,
        printed: None,
    })
}

/// The report's cover-page block, wherever it stands (first, or after a table of contents or a
/// summary): a run of masthead lines — `Distr.: General`, a date, `Original: English`, the
/// organization's and a language's name — next to one another or to running furniture, with
/// at least one strong line among them, is page furniture.
fn mark_mastheads(
    lines: &[&str],
    raw: &[&str],
    symbol: Option<&str>,
    kinds: &mut [Option<Furniture>],
) {
    // A masthead's two columns side by side, as `pdftotext -layout` sets them
    // (`General Assembly            Distr.: General`): each part apart.
    let masthead = |index: usize| {
        furniture::masthead_line(lines[index]).or_else(|| {
            let raw = raw.get(index).filter(|raw| raw.contains("   "))?;
            let parts: Vec<&str> = raw
                .split("   ")
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .collect();
            let kinds: Vec<Option<furniture::Masthead>> = parts
                .iter()
                .map(|part| furniture::masthead_line(part))
                .collect();
            let all = parts.len() > 1
                && parts.iter().zip(&kinds).all(|(part, kind)| {
                    kind.is_some() || furniture::classify(part, symbol).is_some()
                });
            all.then(|| {
                kinds
                    .into_iter()
                    .flatten()
                    .min_by_key(|kind| *kind != furniture::Masthead::Strong)
                    .unwrap_or(furniture::Masthead::Weak)
            })
        })
    };
    // Each line asked once.
    let found: Vec<Option<furniture::Masthead>> = (0..lines.len()).map(masthead).collect();
    let mut start = 0;
    while start < lines.len() {
        let in_block =
            |index: usize| found[index].is_some() || kinds[index] == Some(Furniture::Running);
        if !in_block(start) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < lines.len() && in_block(end) {
            end += 1;
        }
        let strong = found[start..end].contains(&Some(furniture::Masthead::Strong));
        if strong {
            for kind in &mut kinds[start..end] {
                kind.get_or_insert(Furniture::Running);
            }
        }
        start = end;
    }
}

/// A line with each run of spaces and tabs inside it (a tab after `1.`, the gaps of a `-layout`
/// extraction) made one space. Other spaces, such as the ideographic space, are kept as printed.
/// Lines with single spaces only, the usual case, cost no allocation.
fn collapse_whitespace(line: &str) -> Cow<'_, str> {
    let is_blank = |c: char| c == ' ' || c == '\t';
    let needs_work = line.contains('\t') || line.contains("  ");
    if !needs_work {
        return Cow::Borrowed(line);
    }
    let mut collapsed = String::with_capacity(line.len());
    let mut in_run = false;
    for c in line.chars() {
        if is_blank(c) {
            if !in_run {
                collapsed.push(' ');
            }
            in_run = true;
        } else {
            collapsed.push(c);
            in_run = false;
        }
    }
    Cow::Owned(collapsed)
}

/// The document's own symbol: the symbol that stands alone (or with other running furniture)
/// on the most lines, i.e. the masthead and the running header of every page. Symbols cited in
/// the text sit inside sentences and never count.
fn detect_symbol(lines: &[&str]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for line in lines {
        let Some(symbol) = furniture::symbol_on_running_line(line) else {
            continue;
        };
        match counts.iter_mut().find(|(seen, _)| *seen == symbol) {
            Some((_, count)) => *count += 1,
            None => counts.push((symbol, 1)),
        }
    }
    // `max_by_key` keeps the last of equals; reversing makes the first-seen symbol win ties.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(symbol, _)| symbol.to_owned())
}

/// The page's measure in columns: most lines of a hard-wrapped text fill it.
fn typical_width(body: &[&str]) -> usize {
    let mut widths: Vec<usize> = body.iter().map(|line| line::display_width(line)).collect();
    if widths.is_empty() {
        return 1;
    }
    let rank = widths.len() * 4 / 5;
    let (_, width, _) = widths.select_nth_unstable(rank);
    (*width).max(1)
}

/// Footnotes sit between a rule and the page's footer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FootnotesState {
    /// In the report's body.
    Body,
    /// Just after a footnote rule: the next line starts a footnote even without a marker.
    AfterRule,
    /// Inside the footnotes: a line without a marker continues the last footnote.
    InFootnotes,
}

/// Builds blocks from body lines in order, one line at a time.
#[allow(clippy::struct_excessive_bools)] // independent facts about the text read so far
struct Builder<'a> {
    blocks: Vec<Block>,
    footnotes: Vec<String>,
    removed: Vec<String>,
    hyphenation: &'a Hyphenation,
    typical_width: usize,
    /// The last body line added to the last block.
    last_line: String,
    /// Whether that line fills the measure (worked out once: reflowed lines are long).
    last_line_full: bool,
    /// The paragraph number that comes next, once one paragraph has been seen.
    expected: Option<u32>,
    /// An annex heading was seen since the last paragraph: numbering may restart at 1.
    after_annex: bool,
    /// A paragraph or a heading has been seen: the masthead is over.
    body_started: bool,
    /// Where the builder is relative to a page's footnotes.
    footnotes_state: FootnotesState,
    /// Double quotation marks opened and not yet closed in the last block: a quotation (a
    /// quoted agenda, a quoted rule) keeps its paragraph open across short lines.
    quote_depth: i32,
    ascii_quote_open: bool,
    /// A heading numeral that stood alone on its line, waiting for the heading's words.
    pending_numeral: Option<String>,
    /// The heading numerals seen so far: the next one in sequence is a heading even after a
    /// full line.
    headings: reflow::Sequence,
}

impl<'a> Builder<'a> {
    fn new(typical_width: usize, hyphenation: &'a Hyphenation) -> Self {
        Self {
            blocks: Vec::new(),
            footnotes: Vec::new(),
            removed: Vec::new(),
            hyphenation,
            typical_width,
            last_line: String::new(),
            last_line_full: false,
            expected: None,
            after_annex: false,
            body_started: false,
            footnotes_state: FootnotesState::Body,
            quote_depth: 0,
            ascii_quote_open: false,
            pending_numeral: None,
            headings: reflow::Sequence::default(),
        }
    }

    fn furniture(&mut self, line: &str, kind: Furniture) {
        self.removed.push(line.to_owned());
        match kind {
            Furniture::FootnoteRule => {
                self.footnotes_state = FootnotesState::AfterRule;
            }
            // The page footer or the next page's header ends the footnotes.
            Furniture::Running => self.footnotes_state = FootnotesState::Body,
            Furniture::Url => {}
        }
    }

    fn body_line(&mut self, line: &str, next: Option<&str>) {
        if let Some(numeral) = self.pending_numeral.take() {
            let joined = format!("{numeral} {line}");
            self.body_line(&joined, next);
            return;
        }
        if self.footnotes_state == FootnotesState::Body
            && line::is_bare_heading_numeral(line)
            && next.is_some_and(|next| line::paragraph_number(next).is_none())
        {
            self.pending_numeral = Some(line.to_owned());
            return;
        }
        if self.footnotes_state != FootnotesState::Body {
            if self.starts_paragraph(line).is_some() || line::heading_form(line).is_some() {
                self.footnotes_state = FootnotesState::Body;
            } else {
                self.footnote_line(line);
                return;
            }
        }

        if let Some((number, rest)) = self.starts_paragraph(line) {
            self.expected = Some(number.saturating_add(1));
            self.after_annex = false;
            self.push(Block::Paragraph(Paragraph {
                number,
                stop: line::paragraph_stop(line),
                text: rest.to_owned(),
            }));
        } else if let Some(form) = self.starts_heading(line) {
            if form == HeadingForm::Annex {
                self.after_annex = true;
            }
            self.push(Block::Heading(line.to_owned()));
        } else if self.continues_with_subparagraph(line) {
            if let Some(text) = self.last_text_mut() {
                text.push('\n');
                text.push_str(line);
            }
        } else if self.continues(line) {
            let hyphenation = self.hyphenation;
            if let Some(text) = self.last_text_mut() {
                join_line(text, line, hyphenation);
            }
        } else if self.is_title(line, next) {
            self.push(Block::Heading(line.to_owned()));
        } else {
            self.push(Block::Text(line.to_owned()));
        }
        line.clone_into(&mut self.last_line);
        self.last_line_full = self.is_full(line);
        self.count_quotes(line);
    }

    /// Flush what is still held back at the end of the text.
    fn finish(&mut self) {
        if let Some(numeral) = self.pending_numeral.take() {
            self.push(Block::Text(numeral));
        }
    }

    fn push(&mut self, block: Block) {
        if let Block::Heading(text) = &block
            && let Some((kind, value, _)) = reflow::heading_numeral(text)
        {
            self.headings.saw_heading(kind, value);
        }
        self.body_started |= !matches!(block, Block::Text(_));
        self.blocks.push(block);
        self.quote_depth = 0;
        self.ascii_quote_open = false;
    }

    fn count_quotes(&mut self, line: &str) {
        for c in line.chars() {
            match c {
                '“' | '«' | '「' | '『' => self.quote_depth += 1,
                '”' | '»' | '」' | '』' => self.quote_depth -= 1,
                '"' => self.ascii_quote_open = !self.ascii_quote_open,
                _ => {}
            }
        }
    }

    fn footnote_line(&mut self, line: &str) {
        match self.footnotes.last_mut() {
            Some(last)
                if self.footnotes_state == FootnotesState::InFootnotes
                    && !starts_footnote(line) =>
            {
                join_line(last, line, self.hyphenation);
            }
            _ => self.footnotes.push(line.to_owned()),
        }
        self.footnotes_state = FootnotesState::InFootnotes;
    }

    fn last_text_mut(&mut self) -> Option<&mut String> {
        match self.blocks.last_mut()? {
            Block::Heading(text) | Block::Text(text) => Some(text),
            Block::Paragraph(paragraph) => Some(&mut paragraph.text),
        }
    }

    fn is_full(&self, line: &str) -> bool {
        line::width_at_least(line, (self.typical_width * 7).div_ceil(10))
    }

    /// The last block is finished: its last line is short and ends a sentence.
    fn last_block_closed(&self) -> bool {
        match self.blocks.last() {
            None | Some(Block::Heading(_)) => true,
            Some(Block::Paragraph(Paragraph { text, .. }) | Block::Text(text)) => {
                !text.is_empty()
                    && !self.last_line_full
                    && line::ends_sentence(&self.last_line)
                    && self.quote_depth <= 0
                    && !self.ascii_quote_open
            }
        }
    }

    /// The paragraph this line starts, if its number fits the numbering so far: the next
    /// number; one more (a paragraph lost in extraction) after a finished sentence; 1 after an
    /// annex heading. Never a number that continues the previous line's sentence.
    fn starts_paragraph<'l>(&self, line: &'l str) -> Option<(u32, &'l str)> {
        let (number, rest) = line::paragraph_number(line)?;
        let closed = self.last_block_closed();
        let continues_reference = !closed && line::ends_with_reference_word(&self.last_line);
        let skips_one = self.expected.is_some_and(|e| number == e.saturating_add(1));
        let fits = self.number_fits(number)
            && (!skips_one || closed || line::ends_sentence(&self.last_line));
        (fits && !continues_reference).then_some((number, rest))
    }

    /// Whether `number` can be the next paragraph's: the next number, one more, or 1 again
    /// after an annex heading.
    fn number_fits(&self, number: u32) -> bool {
        match self.expected {
            None => true,
            Some(expected) => {
                number == expected
                    || number == expected.saturating_add(1)
                    || (number == 1 && self.after_annex)
            }
        }
    }

    fn starts_heading(&self, line: &str) -> Option<HeadingForm> {
        let form = line::heading_form(line)?;
        let closed = self.last_block_closed();
        let fits = match form {
            HeadingForm::Annex => true,
            HeadingForm::Roman | HeadingForm::ChineseNumeral | HeadingForm::LostNumeral => {
                closed || !self.is_full(line) || self.next_numeral_after_sentence(line)
            }
            // `A.` could begin a wrapped line of text; only after a finished block, or when it
            // is the next letter after a sentence.
            HeadingForm::Letter => closed || self.next_numeral_after_sentence(line),
        };
        fits.then_some(form)
    }

    /// Whether the line's numeral is the next of its kind (`二十二.` after `二十一.`) and the
    /// last line ended a sentence: a heading, however full the lines around it.
    fn next_numeral_after_sentence(&self, line: &str) -> bool {
        line::ends_sentence(&self.last_line)
            && reflow::heading_numeral(line)
                .is_some_and(|(kind, value, _)| self.headings.expects_heading(kind, value))
    }

    fn continues_with_subparagraph(&self, line: &str) -> bool {
        matches!(
            self.blocks.last(),
            Some(Block::Paragraph(_) | Block::Text(_))
        ) && line::starts_subparagraph(line)
            && line::leads_into_list(&self.last_line)
    }

    fn continues(&self, line: &str) -> bool {
        match self.blocks.last() {
            None => false,
            Some(Block::Paragraph(paragraph)) => {
                paragraph.text.is_empty() || !self.last_block_closed()
            }
            // A resolution's preambular paragraphs each end with a comma and begin with a
            // participle (`Recalling …,` `Noting …,`): the next one starts a block of its own.
            Some(Block::Text(_))
                if self.last_line.ends_with([',', '，']) && line::starts_preambular(line) =>
            {
                false
            }
            Some(Block::Text(_)) => {
                self.last_line_full && !line::ends_sentence(&self.last_line)
                    || !self.last_line_full && line::ends_mid_sentence(&self.last_line)
                    // A sentence running on in small letters.
                    || !line::ends_sentence(&self.last_line)
                        && line.chars().next().is_some_and(char::is_lowercase)
            }
            // A heading too long for one line wraps onto a short second line.
            Some(Block::Heading(_)) => {
                self.last_line_full
                    && !line::ends_mid_sentence(&self.last_line)
                    && !self.is_full(line)
                    && !line::ends_sentence(line)
            }
        }
    }

    /// A short unnumbered title line in the body (a sub-heading): no closing full stop, and a
    /// paragraph or heading follows it.
    fn is_title(&self, line: &str, next: Option<&str>) -> bool {
        let looks_like_title = !line::ends_sentence(line)
            && !line::ends_mid_sentence(line)
            && !self.is_full(line)
            && line.chars().count() <= 120
            && !line::starts_subparagraph(line)
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || line::is_cjk(c));
        let before_block = next.is_some_and(|next| {
            line::heading_form(next).is_some()
                || line::paragraph_number(next).is_some_and(|(number, _)| self.number_fits(number))
        });
        self.body_started && looks_like_title && before_block
    }
}

/// A footnote starts with its marker: `*`, `**`, a number, or a superscript number.
fn starts_footnote(line: &str) -> bool {
    if line.starts_with('*') {
        return true;
    }
    if line.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with(char::is_whitespace)
}

/// The parser's promise that nothing is lost, as its property tests and the `parse_report`
/// fuzz target check it: every non-whitespace character of the text ends up in a block, a
/// footnote or the removed furniture.
#[cfg(any(test, feature = "testing"))]
pub mod kept {
    use std::collections::BTreeMap;

    use crate::document::{Block, Document};

    /// Every non-whitespace character, counted, except the hyphens that rejoining removes
    /// where they split a word (a full-width full stop after a number counts as `.`).
    pub fn char_counts(text: &str) -> BTreeMap<char, usize> {
        let mut counts = BTreeMap::new();
        for c in text.chars() {
            if !c.is_whitespace() && !matches!(c, '-' | '\u{AD}') {
                let c = if c == '．' { '.' } else { c };
                *counts.entry(c).or_insert(0) += 1;
            }
        }
        counts
    }

    /// All the text a document holds: blocks (paragraphs with their number), footnotes and
    /// removed furniture.
    pub fn everything_kept(document: &Document) -> String {
        let mut all = String::new();
        for block in &document.blocks {
            match block {
                Block::Heading(text) | Block::Text(text) => all.push_str(text),
                Block::Paragraph(p) => {
                    all.push_str(&p.number.to_string());
                    all.push(p.stop);
                    all.push_str(&p.text);
                }
            }
        }
        for text in document.footnotes.iter().chain(&document.removed) {
            all.push_str(text);
        }
        all
    }
}

#[cfg(test)]
mod tests;

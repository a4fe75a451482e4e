//! Line breaks a reflowed text lost, put back before the parser reads it.
//!
//! Text copied from a web page or a viewer that reflows arrives with a whole report on one or a
//! few lines: `… Note by the Secretariat I. Introduction 1. In its resolution 1/4, adopted …
//! corruption. 2. In the same resolution, …`, or in Chinese with every space gone:
//! `一.日期和地点1.联合国…会议将于…举行。2.会议…`. Inside such long lines a break is put back
//! before each paragraph number and heading numeral found **by its sequence**: the paragraph
//! number expected next (or the one after, where one was lost), the next Roman, Chinese or
//! letter heading numeral; each after a sentence end or a heading's short title, and before a
//! capital, a CJK character or an opening quote. A number after a reference word
//! (`resolution`, `article`, `para.`, `第` …), a decimal (`5.3`), a date or an amount never
//! starts a paragraph. Before the first paragraph, the document's symbol is set on a line of
//! its own, as the masthead prints it, so that it is found.
//!
//! Only line breaks are added (a space at a break becomes the break), so no character is lost;
//! every long line is read once, with a bounded look ahead at each candidate.

use std::borrow::Cow;

use super::line::{
    ArabicNumeral, ends_mid_sentence, ends_sentence, ends_with_reference_word, is_arabic_letter,
    is_cjk,
};

/// A line at least this wide (in columns, CJK counted double) is a reflowed run of several
/// printed lines: a printed line holds about 90 columns, a web paragraph often several hundred.
const LONG_LINE: usize = 400;

/// How far after a heading numeral its paragraph must begin (a heading's title is short).
const TITLE_REACH: usize = 240;

/// The numbering read so far, carried from line to line.
#[derive(Debug, Default)]
pub(super) struct Sequence {
    /// The paragraph number expected next, once one was seen.
    paragraph: Option<u32>,
    /// The last Roman and Chinese heading numbers seen, and the last letter (A = 1).
    roman: u32,
    chinese: u32,
    letter: u32,
    /// An annex began: its paragraphs may be numbered from 1 again.
    after_annex: bool,
}

impl Sequence {
    fn fits(&self, number: u32) -> bool {
        match self.paragraph {
            None => number == 1,
            Some(_) if self.after_annex && number == 1 => true,
            Some(expected) => number == expected || number == expected.saturating_add(1),
        }
    }

    /// Whether `number` is exactly the one expected next (not one lost).
    fn is_next(&self, number: u32) -> bool {
        self.paragraph.unwrap_or(1) == number || (self.after_annex && number == 1)
    }

    fn saw_paragraph(&mut self, number: u32) {
        self.paragraph = Some(number.saturating_add(1));
        self.after_annex = false;
    }
}

/// A text's lines, each with the break that ends it (empty at the end), found by bytes: the
/// breaks are ASCII or the UTF-8 sequences of U+0085, U+2028 and U+2029.
fn lines_with_breaks(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        if start > bytes.len() || (start == bytes.len() && start > 0) {
            return None;
        }
        while at < bytes.len() {
            let width = match bytes[at] {
                b'\n' | b'\r' | 0x0B | 0x0C => 1,
                0xC2 if bytes.get(at + 1) == Some(&0x85) => 2,
                0xE2 if bytes.get(at + 1) == Some(&0x80)
                    && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)) =>
                {
                    3
                }
                _ => {
                    at += 1;
                    continue;
                }
            };
            let line = &text[start..at];
            let end = &text[at..at + width];
            at += width;
            start = at;
            return Some((line, end));
        }
        let line = &text[start..];
        start = bytes.len() + 1;
        Some((line, ""))
    })
}

/// A text read for reflowed runs: the text with their breaks put back (borrowed when nothing
/// changes), and whether its lines are logical ones rather than a printed page's — most of it
/// in lines longer than any printed line (a reflowed page, or a paragraph a line). Then no line
/// fills a measure, and a line that ends a sentence ends its block.
#[derive(Debug)]
pub struct Restored<'a> {
    pub text: Cow<'a, str>,
    pub logical: bool,
}

/// The text with the line breaks of reflowed runs put back.
pub fn restore_breaks(text: &str) -> Restored<'_> {
    // Each line measured once.
    let lines: Vec<(&str, &str, bool)> = lines_with_breaks(text)
        .map(|(line, end)| (line, end, is_long(line)))
        .collect();
    let long_bytes: usize = lines
        .iter()
        .filter(|(_, _, long)| *long)
        .map(|(line, _, _)| line.len())
        .sum();
    if long_bytes == 0 {
        return Restored {
            text: Cow::Borrowed(text),
            logical: false,
        };
    }
    let mut sequence = Sequence::default();
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for (line, end, long) in lines {
        if long {
            split_line(line, &mut sequence, &mut out);
        } else {
            // A line as printed: only follow the numbering.
            note_line_start(line.trim(), &mut sequence);
            out.push_str(line);
        }
        out.push_str(end);
    }
    Restored {
        text: Cow::Owned(out),
        logical: long_bytes * 2 >= text.len(),
    }
}

/// Whether a line is at least `LONG_LINE` columns wide.
fn is_long(line: &str) -> bool {
    super::line::width_at_least(line, LONG_LINE)
}

/// Follow the numbering at the start of a printed line.
fn note_line_start(line: &str, sequence: &mut Sequence) {
    if let Some((number, _)) = super::line::paragraph_number(line)
        && sequence.fits(number)
    {
        sequence.saw_paragraph(number);
    } else if let Some((kind, value, _)) = heading_numeral(line) {
        sequence.saw_heading(kind, value);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Numeral {
    Roman,
    Chinese,
    Letter,
}

impl Sequence {
    pub(super) fn expects_heading(&self, kind: Numeral, value: u32) -> bool {
        match kind {
            Numeral::Roman => value == self.roman + 1,
            Numeral::Chinese => value == self.chinese + 1,
            Numeral::Letter => value == self.letter + 1 || (value == 1 && self.letter > 1),
        }
    }

    pub(super) fn saw_heading(&mut self, kind: Numeral, value: u32) {
        match kind {
            Numeral::Roman => {
                self.roman = value;
                self.letter = 0;
            }
            Numeral::Chinese => {
                self.chinese = value;
                self.letter = 0;
            }
            Numeral::Letter => self.letter = value,
        }
    }
}

/// A heading numeral at the start of `text` (`II. `, `三.`, `四、`, `B. `, `A.导言`): its kind,
/// its value and the text after it. The title must start with a capital, a CJK character or
/// an opening quote.
pub(super) fn heading_numeral(text: &str) -> Option<(Numeral, u32, &str)> {
    if let Some((numeral, value, title)) = super::line::arabic_heading(text) {
        let kind = match numeral {
            ArabicNumeral::Ordinal => Numeral::Roman,
            ArabicNumeral::Letter => Numeral::Letter,
        };
        return Some((kind, value, title));
    }
    let end = text
        .find(|c: char| !(c.is_ascii_uppercase() || is_chinese_digit(c)))
        .unwrap_or(text.len());
    if end == 0 || end > 12 {
        return None;
    }
    let numeral = &text[..end];
    let after = &text[end..];
    let rest = after
        .strip_prefix('.')
        .or_else(|| after.strip_prefix('．'))
        .or_else(|| after.strip_prefix('、'))?;
    let title = rest.trim_start();
    let spaced = title.len() < rest.len();
    let first = title.chars().next()?;
    let (kind, value) = if let Some(value) = chinese_value(numeral) {
        (Numeral::Chinese, value)
    } else if let Some(value) = roman_value(numeral) {
        (Numeral::Roman, value)
    } else if numeral.len() == 1 {
        let letter = numeral.bytes().next()?;
        (Numeral::Letter, u32::from(letter - b'A' + 1))
    } else {
        return None;
    };
    // Latin titles are set after a space; CJK ones may be glued (`A.导言`).
    let starts_title = if is_cjk(first) {
        true
    } else {
        spaced && (first.is_uppercase() || matches!(first, '“' | '"' | '«'))
    };
    // `、` follows Chinese numerals only.
    let stop_ok = !after.starts_with('、') || kind == Numeral::Chinese;
    (starts_title && stop_ok).then_some((kind, value, title))
}

fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `一` … `九十九`.
fn chinese_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let chars: Vec<char> = numeral.chars().collect();
    match chars[..] {
        ['十'] => Some(10),
        [c] => digit(c),
        ['十', unit] => Some(10 + digit(unit)?),
        [tens, '十'] => Some(10 * digit(tens)?),
        [tens, '十', unit] => Some(10 * digit(tens)? + digit(unit)?),
        _ => None,
    }
}

/// `I` … `XXXIX`, written the usual way (so `IIII` or `VX` are not numerals).
fn roman_value(numeral: &str) -> Option<u32> {
    (1..=39).find(|value| crate::numerals::roman(*value) == numeral)
}

/// Put back the breaks inside one long line.
fn split_line(line: &str, sequence: &mut Sequence, out: &mut String) {
    note_line_start(line.trim_start(), sequence);
    let mut splitter = Splitter {
        line,
        sequence,
        out,
        piece: 0,
        piece_is_heading: false,
        symbol_placed: false,
        fresh: true,
        resumed: false,
        preamble: false,
    };
    let bytes = line.as_bytes();
    let mut index = 0;
    while index < line.len() {
        let lead = bytes[index];
        if !splitter.may_start(index) {
            index += match lead {
                0..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            splitter.fresh = false;
            continue;
        }
        let Some(c) = line[index..].chars().next() else {
            break;
        };
        if let Some(split) = splitter.decide(index, c)
            && let Some(next) = splitter.apply(index, split)
        {
            index = next;
            continue;
        }
        index += c.len_utf8();
    }
    let rest = &line[splitter.piece..];
    splitter.out.push_str(rest);
}

/// Where the splitting of one long line stands.
#[allow(clippy::struct_excessive_bools)] // independent facts about the piece being read
struct Splitter<'l, 's> {
    line: &'l str,
    sequence: &'s mut Sequence,
    out: &'s mut String,
    /// Where the current piece starts (bytes into `line`).
    piece: usize,
    /// The current piece is a heading's title.
    piece_is_heading: bool,
    /// The masthead's symbol was set on its own line.
    symbol_placed: bool,
    /// A word starts here whatever stands before: the start of the line or of a piece after a
    /// run of furniture.
    fresh: bool,
    /// Right after a run of furniture put on its own line (a page break).
    resumed: bool,
    /// A resolution's preambular paragraphs were set apart: its first operative paragraph
    /// may follow a comma.
    preamble: bool,
}

impl Splitter<'_, '_> {
    /// Whether something could start at `index`. Only ASCII letters and digits at a word's
    /// start, `*`, `(`, `_`, the Chinese numerals and a few masthead and annex words' first
    /// letters can start a number, a numeral or a run of furniture: any other character costs
    /// a byte comparison.
    fn may_start(&self, index: usize) -> bool {
        let bytes = self.line.as_bytes();
        let lead = bytes[index];
        if lead < 0x80 {
            let inside_word = !self.fresh
                && index > 0
                && (bytes[index - 1].is_ascii_alphanumeric()
                    || matches!(bytes[index - 1], b'.' | b'/' | b'_'));
            // A word in small letters starts nothing, unless it is a link.
            let small_word = lead.is_ascii_lowercase() && !matches!(lead, b'h' | b'w' | b'u');
            !inside_word
                && !small_word
                && (lead.is_ascii_alphanumeric() || matches!(lead, b'*' | b'(' | b'_'))
        } else {
            // Chinese numerals, the first letters of `原件`, `附件`, `Оригинал`, `Приложение`,
            // an Arabic word (a heading's numeral, `الأصل`) after a space, and before the body
            // anything after a full-width comma (a resolution's `…，回顾…`).
            let after_comma = self.sequence.paragraph.is_none()
                && self.line[..index].trim_end_matches(' ').ends_with('，');
            after_comma
                || (matches!(lead, 0xD0 | 0xD8 | 0xD9 | 0xE4 | 0xE5 | 0xE9)
                    && self.line[index..].chars().next().is_some_and(|c| {
                        is_chinese_digit(c)
                            || matches!(c, '原' | '附' | 'О' | 'П')
                            || (is_arabic_letter(c) && index > 0 && bytes[index - 1] == b' ')
                    }))
        }
    }

    /// Whether a break goes before `c` at `index`, and of what kind.
    fn decide(&mut self, index: usize, c: char) -> Option<Split> {
        let line = self.line;
        let previous = if self.fresh {
            None
        } else {
            line[..index].chars().next_back()
        };
        self.fresh = false;
        let at_word_start = previous.is_none_or(|p| !(p.is_alphanumeric() || p == '.' || p == '/'))
            || previous.is_some_and(is_cjk);
        if !at_word_start || (index == self.piece && !self.resumed) {
            return None;
        }
        // Right after a run of furniture (a page break), a printed line starts.
        let before = if self.resumed && index == self.piece {
            ""
        } else {
            line[self.piece..index].trim_end()
        };
        self.resumed = false;
        let here = &line[index..];
        let sequence = &*self.sequence;
        let before_body = sequence.paragraph.is_none();
        let split = if c == '_' {
            // A footnote rule: on a line of its own, the footnotes after it are read as such.
            let rule = here.bytes().take_while(|b| *b == b'_').count();
            (rule >= 5).then_some(Split::Run(rule))
        } else if c.is_ascii_digit() {
            let (number, _) = inline_paragraph_number(here).filter(|(n, _)| sequence.fits(*n))?;
            if boundary(before, self.piece_is_heading)
                || (self.preamble
                    && (before.ends_with([';', '；'])
                        || (number == 1 && before.ends_with([',', '，']))))
            {
                // (In a resolution the first operative paragraph follows the last preambular
                // one's comma, and each operative one ends with a semicolon.)
                Some(Split::Paragraph(number, None))
            } else if sequence.is_next(number)
                && !ends_with_reference_word(before)
                && !ends_mid_sentence(before)
                && !ends_with_quote_open(before)
            {
                // The number expected next after words that end no sentence: an unnumbered
                // heading's title (`… the agenda. Adoption of the agenda 4. On 4 September …`),
                // set on its own line.
                Some(Split::Paragraph(number, title_start(before)))
            } else {
                None
            }
        } else if here.starts_with(['A', 'П', '附'])
            && let Some(length) = annex_word(here)
            && (before.is_empty() || ends_sentence(before))
            && paragraph_follows(
                &here[length..],
                &Sequence {
                    after_annex: true,
                    paragraph: Some(u32::MAX),
                    ..Sequence::default()
                },
            )
        {
            Some(Split::Annex)
        } else if let Some((kind, value, _)) = heading_numeral(here)
            && !ends_with_reference_word(before)
            && if sequence.expects_heading(kind, value) {
                boundary(before, self.piece_is_heading)
                    || (before_body && paragraph_follows(here, sequence))
            } else {
                // Out of sequence (a numeral lost, numbering restarted in an annex): only after
                // a sentence, with its first paragraph right after the title.
                boundary(before, false) && paragraph_follows(here, sequence)
            }
        {
            Some(Split::Heading(kind, value))
        } else if before_body
            && before.ends_with([',', '，'])
            && super::line::starts_preambular(here)
        {
            // A resolution's preambular paragraphs: each ends with a comma, the next opens with
            // a participle (`…, Recalling its resolution …`, `…，回顾…`).
            self.preamble = true;
            Some(Split::Break)
        } else if before_body
            && matches!(c, 'D' | 'O' | '原' | 'О' | 'ا')
            && let Some(length) = super::furniture::masthead_run(here)
        {
            // `Distr.: General 2 October 2019`, `Original: English`: masthead lines again.
            Some(Split::Run(length))
        } else if before_body && !self.symbol_placed && c.is_ascii_uppercase() {
            // Chinese text may glue the symbol to the words around it.
            let token = here
                .split(|c: char| c.is_whitespace() || is_cjk(c))
                .next()
                .unwrap_or_default();
            let symbol = symbol_prefix(token);
            self.symbol_placed |= symbol.is_some();
            symbol.map(Split::Run)
        } else {
            None
        };
        split.or_else(|| {
            (c.is_ascii_alphanumeric() || c == '*' || c == '(')
                .then(|| furniture_run(here, before))
                .flatten()
                .map(Split::Run)
        })
    }

    /// Break the line before `index`; where to go on reading, when the split took text
    /// along (a run of furniture, an annex's word).
    fn apply(&mut self, index: usize, split: Split) -> Option<usize> {
        let line = self.line;
        let title = match split {
            Split::Paragraph(_, Some(title)) => self.piece + title,
            _ => index,
        };
        if title > self.piece {
            self.out.push_str(line[self.piece..title].trim_end());
            self.out.push('\n');
        }
        if index > title {
            self.out.push_str(line[title..index].trim_end());
            self.out.push('\n');
        }
        self.piece = index;
        let was_heading = self.piece_is_heading;
        self.piece_is_heading = false;
        // What a run or an annex's word takes: it stands on its own line, as printed.
        let taken = match split {
            Split::Paragraph(number, _) => {
                self.sequence.saw_paragraph(number);
                return None;
            }
            Split::Break => return None,
            Split::Heading(kind, value) => {
                self.sequence.saw_heading(kind, value);
                self.piece_is_heading = true;
                return None;
            }
            Split::Annex => {
                // `Annex I`; its title follows.
                self.sequence.after_annex = true;
                self.piece_is_heading = true;
                annex_word(&line[index..]).unwrap_or(0)
            }
            Split::Run(length) => {
                // What follows is read as if the run were not there.
                self.resumed = true;
                self.piece_is_heading = was_heading;
                length
            }
        };
        let end = index + taken;
        self.out.push_str(&line[index..end]);
        self.out.push('\n');
        let rest = &line[end..];
        self.piece = end + (rest.len() - rest.trim_start().len());
        self.fresh = true;
        Some(self.piece)
    }
}

#[derive(Clone, Copy, Debug)]
enum Split {
    /// A paragraph number; with the byte (into the piece) where a title before it starts.
    Paragraph(u32, Option<usize>),
    /// `Annex`, `附件`: the paragraphs after it may be numbered from 1 again.
    Annex,
    Heading(Numeral, u32),
    /// A line break and nothing more: a preambular paragraph starts here.
    Break,
    /// The document's symbol in the masthead, or a run of page furniture (a running head, a
    /// footer): this many bytes, set on a line of its own.
    Run(usize),
}

/// The length of the symbol `token` starts with: the whole token, or — in text copied
/// without spaces — the part before the next word glued to its last digit
/// (`CAC/COSP/2008/1Distr.:General…` → `CAC/COSP/2008/1`).
fn symbol_prefix(token: &str) -> Option<usize> {
    let shaped =
        |candidate: &str| candidate.contains('/') && super::furniture::is_symbol_shaped(candidate);
    if shaped(token) {
        return Some(token.len());
    }
    let bytes = token.as_bytes();
    (1..bytes.len())
        .filter(|at| bytes[at - 1].is_ascii_digit() && bytes[*at].is_ascii_uppercase())
        .find(|at| shaped(&token[..*at]))
}

/// A run of page furniture starting `here` (`3/4 V.17-06068 *1706068* CAC/COSP/…`), its length
/// in bytes: it needs a job number or a barcode, or a symbol standing between sentences
/// (`before` it, the piece so far, ends one), so that a symbol cited in a sentence and numbers like `1/4` stay text.
fn furniture_run(here: &str, before: &str) -> Option<usize> {
    use super::furniture::{Inline, inline_kind};
    // Furniture starts with a capital (a symbol, a job number), a digit, `*`, `(` or a link's
    // `h`, `w`, `u`: most words are turned away by their first letter.
    let first = here.as_bytes().first()?;
    if first.is_ascii_lowercase() && !matches!(first, b'h' | b'w' | b'u') {
        return None;
    }
    // Every furniture token has a digit, a slash or a star in it (a word like `The` has none).
    let token = here
        .bytes()
        .take_while(|b| *b != b' ' && b.is_ascii())
        .take(80);
    if !token
        .clone()
        .any(|b| b.is_ascii_digit() || matches!(b, b'/' | b'*'))
    {
        return None;
    }
    let after_sentence = || before.is_empty() || ends_sentence(before);
    let mut end = 0;
    let mut convincing = false;
    let mut offset = 0;
    for token in here.split(' ') {
        let at = offset;
        offset += token.len() + 1;
        if token.is_empty() {
            continue;
        }
        // Chinese text may follow the run with no space.
        let cut = token.find(is_cjk).unwrap_or(token.len());
        let word = &token[..cut];
        let Some(kind) = inline_kind(word) else {
            break;
        };
        // A link (the PDF's hyperlink for a reference) stands on a line of its own, before
        // the furniture that follows it.
        if at == 0 && super::furniture::is_url(word) {
            let rest = &here[word.len()..];
            let spaces = rest.len() - rest.trim_start().len();
            return furniture_run(&rest[spaces..], "").map(|_| word.len());
        }
        convincing |= kind == Inline::Strong || (kind == Inline::Symbol && after_sentence());
        end = at + word.len();
        if cut < token.len() {
            break;
        }
    }
    (convincing && end > 0).then_some(end)
}

/// The word that opens an annex (`Annex`, `ANNEX`, `Annexe`, `Anexo`, `Приложение`, `附件`),
/// its length, when it stands as a word.
fn annex_word(here: &str) -> Option<usize> {
    const WORDS: [&str; 6] = ["Annex", "ANNEX", "Annexe", "Anexo", "Приложение", "附件"];
    let word = WORDS
        .iter()
        .filter(|word| here.starts_with(*word))
        .map(|word| word.len())
        .max()
        .filter(|length| {
            here[*length..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || is_cjk(c))
        })?;
    // Its numeral, if it has one: `Annex II`, `Annexe 1`, `附件一`.
    let rest = &here[word..];
    let spaces = rest.len() - rest.trim_start().len();
    let numeral = rest[spaces..]
        .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || is_chinese_digit(c)))
        .unwrap_or(rest.len() - spaces);
    let numeral_ok = numeral > 0
        && numeral <= 8
        && rest[spaces + numeral..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    Some(if numeral_ok {
        word + spaces + numeral
    } else {
        word
    })
}

/// Where a title ends `before` (the piece so far): the words after its last sentence end,
/// when they are few and start with a capital — the byte where they start.
fn title_start(before: &str) -> Option<usize> {
    let end = before.rfind(['.', '。', '!', '?', '！', '？'])?;
    let stop = before[end..].chars().next()?.len_utf8();
    let title = before[end + stop..].trim_start();
    let start = before.len() - title.len();
    let title_like = !title.is_empty()
        && title.chars().count() <= 100
        && title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || is_cjk(c));
    title_like.then_some(start)
}

/// Whether a double quotation mark is open at the end of `before` (a quoted agenda: its items'
/// numbers are not the report's paragraphs).
fn ends_with_quote_open(before: &str) -> bool {
    let opened = before.matches(['“', '«']).count();
    let closed = before.matches(['”', '»']).count();
    opened > closed || before.matches('"').count() % 2 == 1
}

/// Whether a paragraph number or a heading may start right after `before` (the piece so far):
/// after a finished sentence, or after a heading's short title — never after a reference word
/// (`resolution`, `para.`, `第`) or mid-sentence punctuation.
fn boundary(before: &str, piece_is_heading: bool) -> bool {
    if before.is_empty() {
        return true;
    }
    if ends_with_reference_word(before) || ends_mid_sentence(before) {
        return false;
    }
    ends_sentence(before) || (piece_is_heading && before.len() <= TITLE_REACH * 3)
}

/// A paragraph number written inline (`12. The`, `12.联合国`): as at a line's start, but a
/// glued Latin letter or a digit after the stop never counts (`5.3`, `1.a`).
fn inline_paragraph_number(here: &str) -> Option<(u32, &str)> {
    let (number, rest) = super::line::paragraph_number(here)?;
    let digits = here.bytes().take_while(u8::is_ascii_digit).count();
    if super::line::arabic_stop(&here[digits..]).is_some() {
        // `3- أشار`: the dash form is only read before Arabic words.
        return Some((number, rest));
    }
    // The stop is `.` or the full-width `．` (three bytes).
    let mut after_digits = here[digits..].chars();
    after_digits.next()?;
    let first = after_digits.next()?;
    let ok = if first.is_whitespace() {
        // A capital, or a script without capitals: CJK, Arabic.
        rest.chars().next().is_some_and(|c| {
            c.is_uppercase() || is_cjk(c) || is_arabic_letter(c) || matches!(c, '“' | '"' | '«')
        })
    } else {
        is_cjk(first)
    };
    ok.then_some((number, rest))
}

/// Before the first paragraph, a heading numeral counts only if the first paragraph (or a
/// lower heading) follows within a title's length: `… Secretariat I. Introduction 1. In its …`.
fn paragraph_follows(here: &str, sequence: &Sequence) -> bool {
    let reach: String = here.chars().take(TITLE_REACH).collect();
    let mut previous: Option<char> = None;
    for (at, c) in reach.char_indices().skip(1) {
        let boundary = previous.is_some_and(|p| p.is_whitespace() || is_cjk(p));
        if boundary
            && c.is_ascii_digit()
            && inline_paragraph_number(&reach[at..]).is_some_and(|(n, _)| sequence.fits(n))
        {
            return true;
        }
        if boundary
            && heading_numeral(&reach[at..])
                .is_some_and(|(kind, value, _)| kind == Numeral::Letter && value == 1)
        {
            return true;
        }
        previous = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        restore_breaks(text)
            .text
            .lines()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn an_english_report_on_one_line_gets_its_breaks_back() {
        let text = "United Nations CAC/COSP/WG.2/2019/4 Conference of the States Parties to the \
            United Nations Convention against Corruption Distr.: General 12 September 2019 \
            Original: English Open-ended Intergovernmental Working Group on Asset Recovery \
            Vienna, 4–6 September 2019 Note by the Secretariat I. Introduction 1. In its \
            resolution 1/4, adopted at its first session, the Conference established the \
            Working Group as provided for in article 5. The Working Group met on 4 June 2008. \
            2. In the same resolution, the Conference decided that the Working Group would \
            assist it in developing cumulative knowledge (see para. 3. below) at a cost of \
            USD 5.3 million. II. Summary of deliberations A. Challenges 3. Speakers \
            highlighted the challenges. 4. Speakers welcomed the study. B. Proposals 5. One \
            speaker proposed that the secretariat prepare a guide.";
        assert_eq!(
            lines(text),
            [
                "United Nations",
                "CAC/COSP/WG.2/2019/4",
                "Conference of the States Parties to the United Nations Convention against \
                 Corruption",
                "Distr.: General 12 September 2019 Original: English",
                "Open-ended Intergovernmental Working Group on Asset Recovery Vienna, 4–6 \
                 September 2019 Note by the Secretariat",
                "I. Introduction",
                "1. In its resolution 1/4, adopted at its first session, the Conference \
                 established the Working Group as provided for in article 5. The Working Group \
                 met on 4 June 2008.",
                "2. In the same resolution, the Conference decided that the Working Group would \
                 assist it in developing cumulative knowledge (see para. 3. below) at a cost of \
                 USD 5.3 million.",
                "II. Summary of deliberations",
                "A. Challenges",
                "3. Speakers highlighted the challenges.",
                "4. Speakers welcomed the study.",
                "B. Proposals",
                "5. One speaker proposed that the secretariat prepare a guide.",
            ]
        );
        let document = crate::parse::parse_text(text).unwrap();
        assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/WG.2/2019/4"));
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(
            document.headings().collect::<Vec<_>>(),
            [
                "I. Introduction",
                "II. Summary of deliberations",
                "A. Challenges",
                "B. Proposals"
            ]
        );
    }

    #[test]
    fn chinese_with_every_space_gone() {
        let text = "联合国CAC/COSP/2008/1联合国反腐败公约缔约国会议临时议程和说明一.日期和地点\
            1.联合国反腐败公约缔约国会议第二届会议将于2008年1月28日至2月1日在印度尼西亚努沙杜瓦举行。\
            会议将审议第5/3号决议所述事项，费用为2.5亿美元。2.会议开幕式定于2008年1月28日上午10时举行。\
            二.议程项目说明3.根据第12段的规定，缔约国会议将选举主席团成员。4.缔约国会议将通过议程。";
        let text = format!("{text}{}", "会议文件将以六种语文分发。".repeat(20));
        let document = crate::parse::parse_text(&text).unwrap();
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(
            document.headings().collect::<Vec<_>>(),
            ["一.日期和地点", "二.议程项目说明"]
        );
        assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/2008/1"));
        let third = document.paragraphs().nth(2).unwrap();
        assert!(third.text.starts_with("根据第12段的规定"), "{}", third.text);
    }

    #[test]
    fn references_decimals_and_dates_are_not_paragraphs() {
        let filler =
            "The Working Group continued its discussion of the matter at length. ".repeat(8);
        let text = format!(
            "1. {filler}It recalled resolution 2. Further, article 2. The amount was 2.5 million. \
             See paras. 2. And on 2 May 2019. It adopted the report. 2. The Group met again."
        );
        let got = lines(&text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[1].starts_with("2. The Group met again."));
    }

    #[test]
    fn full_width_stops_read_like_full_stops() {
        // `１.` and `1．`: the full-width stop is three bytes, never cut in the middle.
        let text = format!(
            "{}1．会议开幕。2．会议闭幕。",
            "会议文件将以六种语文分发。".repeat(40)
        );
        let document = crate::parse::parse_text(&text).unwrap();
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn printed_lines_and_short_texts_are_left_alone() {
        let text = "1. A paragraph\nwrapped as printed.\n2. Another.";
        let restored = restore_breaks(text);
        assert!(matches!(restored.text, Cow::Borrowed(_)));
        assert!(!restored.logical);
    }

    #[test]
    fn every_line_end_is_kept_as_it_was() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb\u{2028}c\u{85}d\x0Ce\u{2029}",
            "\n\n",
        ] {
            let pieces: Vec<(&str, &str)> = lines_with_breaks(text).collect();
            let joined: String = pieces
                .iter()
                .flat_map(|(line, end)| [*line, *end])
                .collect();
            assert_eq!(joined, text);
            assert!(
                pieces
                    .iter()
                    .all(|(line, _)| !line.contains(['\n', '\r', '\u{85}']))
            );
        }
        let pieces: Vec<(&str, &str)> = lines_with_breaks("a\r\nb\u{2028}c").collect();
        assert_eq!(
            pieces,
            [("a", "\r"), ("", "\n"), ("b", "\u{2028}"), ("c", "")]
        );
    }

    #[test]
    fn inline_paragraph_numbers_before_scripts_without_capitals() {
        assert_eq!(
            inline_paragraph_number("5. وسلط عدد من المتكلمين"),
            Some((5, "وسلط عدد من المتكلمين"))
        );
        assert_eq!(inline_paragraph_number("5- وسلط"), Some((5, "وسلط")));
        assert_eq!(inline_paragraph_number("12. 联合国"), Some((12, "联合国")));
        assert_eq!(inline_paragraph_number("5. million"), None);
    }

    #[test]
    fn numerals() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(chinese_value("十二"), Some(12));
        assert_eq!(chinese_value("二十"), Some(20));
        assert_eq!(chinese_value("三"), Some(3));
        assert_eq!(
            heading_numeral("A.导言"),
            Some((Numeral::Letter, 1, "导言"))
        );
        assert_eq!(heading_numeral("I.Introduction"), None);
        assert_eq!(heading_numeral("US. dollars"), None);
    }
}

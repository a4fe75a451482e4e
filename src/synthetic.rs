//! Large reports for benchmarks and stress tests, made from a real report: its paragraphs
//! repeated and renumbered, its headings renumbered in their own style, hard-wrapped as a PDF
//! extraction leaves them, with the report's page furniture (running symbol line, page counter
//! and job number) between pages. Any report will do: the built-in one for Chinese, or any
//! other (`paratag sample-report N --from REPORT`), so that the same figures can be measured on
//! every language a user reads.

use std::fmt::Write as _;

use crate::document::Document;
use crate::parse::{self, HeadingForm};
use crate::{builtin_report, numerals};

/// How many paragraphs a generated page holds.
const PARAGRAPHS_PER_PAGE: usize = 6;

/// A heading every this many paragraphs.
const PARAGRAPHS_PER_HEADING: usize = 50;

/// Why a report cannot be the source of a generated one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SampleError {
    #[error("it has no numbered paragraphs to repeat")]
    NoParagraphs,
}

/// A Chinese report of `paragraphs` numbered paragraphs, from the built-in report.
pub fn large_chinese_report(paragraphs: usize) -> String {
    // The built-in report is checked by its own tests; an empty text would fail loudly wherever
    // a generated report is used.
    builtin_report::document()
        .ok()
        .and_then(|source| large_report(&source, paragraphs).ok())
        .unwrap_or_default()
}

/// A report of `paragraphs` numbered paragraphs (1, 2, …) made from `source`'s paragraphs in
/// turn, with one of its headings, renumbered, every 50 paragraphs and a page break every six.
pub fn large_report(source: &Document, paragraphs: usize) -> Result<String, SampleError> {
    let bodies: Vec<&str> = source.paragraphs().map(|p| p.text.as_str()).collect();
    if bodies.is_empty() {
        return Err(SampleError::NoParagraphs);
    }
    let headings: Vec<(NumeralStyle, &str)> = source.headings().filter_map(split_heading).collect();
    // A text column of 80 columns, or wider where a heading would otherwise fill most of a
    // line: on the printed page a heading stands apart, and in extracted text only a heading
    // clearly shorter than the column reads as one after a full line.
    let width = headings
        .iter()
        .map(|(_, title)| (parse::display_width(title) + 6) * 10 / 7 + 1)
        .max()
        .unwrap_or(0)
        .max(80);
    let symbol = source.symbol.as_deref();
    let job = job_number(source);
    let pages = paragraphs.div_ceil(PARAGRAPHS_PER_PAGE).max(1);

    let mut out = String::with_capacity(paragraphs * 500);
    if let Some(symbol) = symbol {
        let _ = write!(out, "{symbol}\n\n");
    }
    for number in 1..=paragraphs {
        if number % PARAGRAPHS_PER_HEADING == 1 && !headings.is_empty() {
            let count = number / PARAGRAPHS_PER_HEADING;
            let (style, title) = headings[count % headings.len()];
            // Numerals restart after 99, where Chinese and Roman numerals stay short.
            let _ = write!(out, "{}. {title}\n\n", style.numeral(count % 99 + 1));
        }
        let body = bodies[(number - 1) % bodies.len()];
        wrap(&mut out, &format!("{number}. {body}"), width);
        out.push('\n');
        if number % PARAGRAPHS_PER_PAGE == 0 {
            // The footer of the page that ends here.
            let page = number / PARAGRAPHS_PER_PAGE;
            if let Some(symbol) = symbol {
                let _ = write!(out, " {symbol} \n\n");
            }
            let _ = write!(out, "{page}/{pages}");
            if let Some(job) = job {
                let _ = write!(out, " {job}");
            }
            out.push_str(" \n\n");
        }
    }
    Ok(out)
}

/// Hard-wrap a paragraph as a PDF extraction does: lines of at most `width` columns (a Chinese
/// character takes two) where a break is allowed, its sub-paragraphs on lines of their own,
/// Chinese broken between Chinese characters and other text at spaces between words. No line
/// starts with a number or a parenthesis, which would read as a paragraph or sub-paragraph of
/// its own, nor with closing punctuation.
fn wrap(out: &mut String, paragraph: &str, width: usize) {
    for piece in paragraph.split('\n') {
        let mut line_width = 0;
        let mut previous_cjk = false;
        for (spaced, token) in tokens(piece) {
            let token_width = parse::display_width(token);
            let glue = usize::from(spaced && line_width > 0);
            let cjk = token.starts_with(parse::is_cjk);
            // Rejoining puts a space back between Latin words only, and nothing between
            // Chinese characters: break only where it does.
            let may_break = line_width > 0
                && (if spaced {
                    !cjk && !previous_cjk
                } else {
                    cjk && previous_cjk
                })
                && !token.starts_with(|c: char| {
                    c.is_ascii_digit() || "(（，。、；：）》」』！？,.;:)".contains(c)
                });
            if may_break && line_width + glue + token_width > width {
                out.push('\n');
                line_width = 0;
            } else if glue == 1 {
                out.push(' ');
                line_width += 1;
            }
            out.push_str(token);
            line_width += token_width;
            previous_cjk = token.ends_with(parse::is_cjk);
        }
        out.push('\n');
    }
}

/// The unbreakable pieces of a line, each with whether a space came before it: every Chinese
/// character on its own, and runs of other characters between spaces and Chinese characters.
fn tokens(text: &str) -> Vec<(bool, &str)> {
    let mut tokens = Vec::new();
    let mut spaced = false;
    let mut start = None;
    for (at, c) in text.char_indices() {
        if c == ' ' || parse::is_cjk(c) {
            if let Some(from) = start.take() {
                tokens.push((spaced, &text[from..at]));
                spaced = false;
            }
            if c == ' ' {
                spaced = true;
            } else {
                tokens.push((spaced, &text[at..at + c.len_utf8()]));
                spaced = false;
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(from) = start {
        tokens.push((spaced, &text[from..]));
    }
    tokens
}

/// How a report numbers its headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumeralStyle {
    Roman,
    Chinese,
    Letter,
}

impl NumeralStyle {
    fn numeral(self, n: usize) -> String {
        match self {
            Self::Roman => u32::try_from(n).map_or_else(|_| n.to_string(), numerals::roman),
            Self::Chinese => u32::try_from(n).map_or_else(|_| n.to_string(), numerals::chinese),
            Self::Letter => char::from(b'A' + (n - 1).rem_euclid(26) as u8).to_string(),
        }
    }
}

/// A numbered heading's numeral style, as the parser reads it, and its title (`三. 追回资产…`
/// → Chinese, `追回资产…`). Annexes, headings whose numeral was lost and unnumbered headings
/// are left out: they would restart or break the numbering.
fn split_heading(heading: &str) -> Option<(NumeralStyle, &str)> {
    let style = match parse::heading_form(heading)? {
        HeadingForm::Roman => NumeralStyle::Roman,
        HeadingForm::ChineseNumeral => NumeralStyle::Chinese,
        HeadingForm::Letter => NumeralStyle::Letter,
        HeadingForm::Annex | HeadingForm::LostNumeral => return None,
    };
    let (_, title) = heading
        .split_once(". ")
        .or_else(|| heading.split_once('．'))
        .or_else(|| heading.split_once('、'))?;
    let title = title.trim();
    (!title.is_empty()).then_some((style, title))
}

/// The report's job number (`V.17-06068`), from the page furniture the parser removed.
fn job_number(source: &Document) -> Option<&str> {
    source
        .removed
        .iter()
        .flat_map(|line| line.split_whitespace())
        .find(|token| parse::is_job_number(token))
}

/// A PDF of `text` as a plain printed report: Helvetica 10 on 14-point lines, 50 lines a page,
/// with `running_head` at the top of every page and `n/m` at its foot. Characters outside
/// Latin-1 become `?` (the standard font has no others). For benchmarks and stress tests of the
/// PDF reader: a real report's words, laid out as pages.
pub fn pdf_report(text: &str, running_head: &str) -> Vec<u8> {
    const LINES_PER_PAGE: usize = 50;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let pages: Vec<&[&str]> = lines.chunks(LINES_PER_PAGE).collect();
    let page_count = pages.len().max(1);
    let escape = |line: &str| -> String {
        line.chars()
            .map(|c| match win_ansi(c) {
                Some(b'(' | b')' | b'\\') => format!("\\{c}"),
                Some(byte) if byte.is_ascii() => c.to_string(),
                // Outside ASCII the string holds the font's byte, written as an octal escape.
                Some(byte) => format!("\\{byte:03o}"),
                None => "?".to_owned(),
            })
            .collect()
    };
    let contents: Vec<String> = pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut content = format!("BT /F1 9 Tf 72 800 Td ({}) Tj ET\n", escape(running_head));
            for (row, line) in page.iter().enumerate() {
                let _ = writeln!(
                    content,
                    "BT /F1 10 Tf 72 {} Td ({}) Tj ET",
                    760 - 14 * row,
                    escape(line)
                );
            }
            let _ = writeln!(
                content,
                "BT /F1 8 Tf 500 30 Td ({}/{page_count}) Tj ET",
                index + 1
            );
            content
        })
        .collect();
    pdf_pages(&contents)
}

/// A character's byte in the Windows encoding of the PDF's standard font (Latin-1 and the
/// typographic quotes, dashes and ligatures of French and Spanish), if it has one.
pub fn win_ansi(c: char) -> Option<u8> {
    let byte = match c {
        '€' => 0x80,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        'œ' => 0x9C,
        'Œ' => 0x8C,
        c if c.is_control() => return None,
        c => u8::try_from(u32::from(c))
            .ok()
            .filter(|b| !(0x80..0xA0).contains(b))?,
    };
    Some(byte)
}

/// A PDF of A4 pages, one content stream each, with Helvetica (Windows encoding) as `/F1`: written by
/// hand, offsets and all, so that tests and benchmarks say exactly what each page paints.
pub fn pdf_pages(contents: &[String]) -> Vec<u8> {
    // Objects: 1 catalogue, 2 page tree, 3 font, then a page and its content for each page.
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        String::new(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut kids = Vec::new();
    for content in contents {
        let page_object = objects.len() + 1;
        kids.push(format!("{page_object} 0 R"));
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
             /Resources << /Font << /F1 3 0 R >> >> >>",
            page_object + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        kids.len()
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", index + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;
    use crate::parse::parse_text;

    /// Parse a generated report and check it holds exactly `paragraphs` paragraphs, numbered
    /// from 1, each the source's paragraph in turn, with no furniture left in the text.
    fn check_round_trip(source: &Document, paragraphs: usize) -> Document {
        let text = large_report(source, paragraphs).unwrap();
        let document = parse_text(&text).unwrap();
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, (1..=paragraphs as u32).collect::<Vec<u32>>());
        assert_eq!(document.symbol, source.symbol);
        assert_eq!(document.language, source.language);
        let bodies: Vec<&str> = source.paragraphs().map(|p| p.text.as_str()).collect();
        for (i, paragraph) in document.paragraphs().enumerate() {
            assert_eq!(
                paragraph.text,
                bodies[i % bodies.len()],
                "paragraph {}",
                i + 1
            );
        }
        assert_eq!(
            document.headings().count(),
            paragraphs.div_ceil(PARAGRAPHS_PER_HEADING)
        );
        assert!(
            document
                .blocks
                .iter()
                .all(|block| !matches!(block, Block::Text(_))),
            "furniture or a wrapped line was left as text"
        );
        document
    }

    #[test]
    fn a_chinese_report_from_the_built_in_one() {
        let source = builtin_report::document().unwrap();
        let document = check_round_trip(&source, 1000);
        assert!(
            document
                .removed
                .iter()
                .any(|line| line.contains("V.17-06068"))
        );
        let headings: Vec<&str> = document.headings().collect();
        assert!(headings[0].starts_with("一. "), "{headings:?}");
        assert!(headings[19].starts_with("二十. "), "{headings:?}");
        assert_eq!(
            large_chinese_report(1000),
            large_report(&source, 1000).unwrap()
        );
    }

    #[test]
    fn an_english_report_with_roman_headings_wrapped_at_spaces() {
        let source = parse_text(
            "CAC/COSP/WG.2/2019/4\n\nI. Introduction\n\n\
             1. The Working Group on Asset Recovery was established by the Conference of the \
             States Parties in its resolution 1/4 to assist it in the implementation of chapter V \
             of the Convention, with the following aims:\n(a) Developing cumulative knowledge;\n\
             (b) Building confidence between requesting and requested States.\n\n\
             2. The Working Group held its meeting in Vienna from 4 to 6 September 2019, as \
             decided in 2018 and in paragraph 14 of resolution 7/1.\n\n\
             II. Organization of the meeting\n\n\
             3. The meeting was opened by the Chair.\n\n\
             CAC/COSP/WG.2/2019/4\n\n2/4 V.19-09617\n",
        )
        .unwrap();
        let document = check_round_trip(&source, 500);
        let headings: Vec<&str> = document.headings().collect();
        assert_eq!(headings[0], "I. Introduction");
        assert_eq!(headings[3], "IV. Organization of the meeting");
        assert_eq!(headings[9], "X. Organization of the meeting");
        let text = large_report(&source, 12).unwrap();
        let footers: Vec<&str> = text.lines().filter(|l| l.contains("V.19-09617")).collect();
        assert_eq!(footers, ["1/2 V.19-09617 ", "2/2 V.19-09617 "]);
        assert!(
            text.lines().all(|line| line.chars().count() < 130),
            "{text}"
        );
    }

    #[test]
    fn a_report_without_paragraphs_cannot_be_a_source() {
        let mut source = builtin_report::document().unwrap();
        source
            .blocks
            .retain(|block| !matches!(block, Block::Paragraph(_)));
        assert_eq!(large_report(&source, 10), Err(SampleError::NoParagraphs));
    }
}

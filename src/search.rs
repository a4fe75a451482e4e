//! Finding text in a report, as people type it.
//!
//! Both the query and the text are folded before they are compared: NFKC (full-width `２０１６`
//! and half-width `2016`, Kangxi radicals that PDF extraction leaves and the ideographs they
//! stand for are one), Latin letters in small letters, whitespace next to a CJK character
//! dropped (extraction leaves `2016 年` and `6/3 号` where people type `2016年` and `6/3号`)
//! and other runs of whitespace one space. A match is reported as the range of the original
//! text it covers, so the highlight falls on the characters as they stand.

use unicode_normalization::UnicodeNormalization;

use crate::document::{Block, Document};
use crate::parse::is_cjk;

/// One occurrence of the query: the block it is in and its byte range in the block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: std::ops::Range<usize>,
}

/// The text of a block as shown: heading, paragraph text without its number, or text.
pub fn block_text(block: &Block) -> &str {
    match block {
        Block::Heading(text) | Block::Text(text) => text,
        Block::Paragraph(paragraph) => &paragraph.text,
    }
}

/// Text folded for matching, and for each byte of it where in the original text it came from.
#[derive(Debug, Default)]
struct Folded {
    text: String,
    /// For each byte of `text`, the original byte range of the character it came from.
    origin: Vec<std::ops::Range<usize>>,
}

impl Folded {
    fn push(&mut self, c: char, from: std::ops::Range<usize>) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push(from.clone());
        }
    }

    /// Fold `text` (see the module's documentation).
    fn fold(&mut self, text: &str) {
        self.text.clear();
        self.origin.clear();
        let mut pending_space: Option<std::ops::Range<usize>> = None;
        for (at, c) in text.char_indices() {
            let from = at..at + c.len_utf8();
            if c.is_whitespace() {
                pending_space.get_or_insert(from);
                continue;
            }
            let mut folded = [c; 4];
            let count = fold_char(c, &mut folded);
            if let Some(space) = pending_space.take() {
                let before = self.text.chars().next_back();
                if before.is_some_and(|before| !is_cjk(before) && !is_cjk(folded[0])) {
                    self.push(' ', space);
                }
            }
            for c in &folded[..count] {
                self.push(*c, from.clone());
            }
        }
    }
}

/// A character folded: NFKC (only where it can change anything), small letters. Writes up to
/// four characters into `out` and says how many.
fn fold_char(c: char, out: &mut [char; 4]) -> usize {
    let plain = c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let mut count = 0;
    let mut put = |c: char| {
        for lower in c.to_lowercase() {
            if count < out.len() {
                out[count] = lower;
                count += 1;
            }
        }
    };
    if plain {
        put(c);
    } else {
        std::iter::once(c).nfkc().for_each(&mut put);
    }
    count
}

/// Every occurrence of `query` in the document, in reading order. An empty or blank query
/// matches nothing.
pub fn find_all(document: &Document, query: &str) -> Vec<Match> {
    let mut needle = Folded::default();
    needle.fold(query.trim());
    if needle.text.is_empty() {
        return Vec::new();
    }
    let mut matches = Vec::new();
    let mut haystack = Folded::default();
    for (index, block) in document.blocks.iter().enumerate() {
        let text = block_text(block);
        haystack.fold(text);
        matches.extend(
            haystack
                .text
                .match_indices(&needle.text)
                .map(|(start, found)| {
                    let first = &haystack.origin[start];
                    let last = &haystack.origin[start + found.len() - 1];
                    Match {
                        block: index,
                        range: first.start..last.end,
                    }
                }),
        );
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin_report;

    #[test]
    fn chinese_query_lands_in_paragraph_3_first() {
        let document = builtin_report::document().unwrap();
        let matches = find_all(&document, "司法协助");
        assert!(matches.len() >= 3);
        let first = &matches[0];
        let Block::Paragraph(paragraph) = &document.blocks[first.block] else {
            panic!("first match is not in a paragraph");
        };
        assert_eq!(paragraph.number, 3);
        assert_eq!(&paragraph.text[first.range.clone()], "司法协助");
    }

    fn found<'d>(document: &'d Document, query: &str) -> Vec<&'d str> {
        find_all(document, query)
            .into_iter()
            .map(|found| &block_text(&document.blocks[found.block])[found.range])
            .collect()
    }

    /// What people type finds what extraction left: `2016年` the `2016 年` of the text,
    /// `6/3号` its `6/3 号`, full-width digits the half-width ones; the highlight covers the
    /// characters as they stand.
    #[test]
    fn chinese_is_found_as_typed_whatever_the_spaces_and_widths() {
        let document = builtin_report::document().unwrap();
        assert_eq!(found(&document, "2016年"), ["2016 年"]);
        assert_eq!(found(&document, "２０１６年"), ["2016 年"]);
        assert_eq!(found(&document, "2016 年"), ["2016 年"]);
        let resolutions = found(&document, "6/3号");
        assert!(resolutions.len() >= 2, "{resolutions:?}");
        assert!(resolutions.iter().all(|text| *text == "6/3 号"));
        // Across a line break the parser rejoined with a space, and with the query's own spaces.
        assert_eq!(
            found(&document, "第 6/3 号决议"),
            found(&document, "第6/3号决议")
        );
    }

    /// Kangxi radicals left by PDF extraction (`⽤` for `用`) match the ideograph typed, and
    /// Latin words match whatever run of spaces the query has.
    #[test]
    fn compatibility_characters_and_spaces_fold() {
        let document = crate::parse::parse_text(
            "1. 会议使⽤了六种语⽂。The Working  Group met\nin Vienna.\n2. 会议结束。\n",
        )
        .unwrap();
        assert_eq!(found(&document, "使用了"), ["使⽤了"]);
        // The query's run of spaces is one; the text's line break was rejoined with a space.
        assert_eq!(
            found(&document, "working  group met in"),
            ["Working Group met in"]
        );
    }

    #[test]
    fn latin_is_case_insensitive_and_blank_finds_nothing() {
        let document = builtin_report::document().unwrap();
        let matches = find_all(&document, "cac/cosp/wg.2/2017/crp.1");
        assert_eq!(matches.len(), 1);
        assert!(find_all(&document, "  ").is_empty());
    }
}

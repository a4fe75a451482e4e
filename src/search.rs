//! Finding text in a report.
//!
//! Latin letters match regardless of case (ASCII case folding keeps byte offsets valid for
//! highlighting); Chinese matches as typed.

use crate::document::{Block, Document};

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

/// Every occurrence of `query` in the document, in reading order. An empty or blank query
/// matches nothing.
pub fn find_all(document: &Document, query: &str) -> Vec<Match> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let needle = query.to_ascii_lowercase();
    let mut matches = Vec::new();
    let mut haystack = String::new();
    for (index, block) in document.blocks.iter().enumerate() {
        let text = block_text(block);
        haystack.clear();
        haystack.push_str(text);
        haystack.make_ascii_lowercase();
        matches.extend(haystack.match_indices(&needle).map(|(start, found)| Match {
            block: index,
            range: start..start + found.len(),
        }));
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;

    #[test]
    fn chinese_query_lands_in_paragraph_3_first() {
        let document = seed::document().unwrap();
        let matches = find_all(&document, "司法协助");
        assert!(matches.len() >= 3);
        let first = &matches[0];
        let Block::Paragraph(paragraph) = &document.blocks[first.block] else {
            panic!("first match is not in a paragraph");
        };
        assert_eq!(paragraph.number, 3);
        assert_eq!(&paragraph.text[first.range.clone()], "司法协助");
    }

    #[test]
    fn latin_is_case_insensitive_and_blank_finds_nothing() {
        let document = seed::document().unwrap();
        let matches = find_all(&document, "cac/cosp/wg.2/2017/crp.1");
        assert_eq!(matches.len(), 1);
        assert!(find_all(&document, "  ").is_empty());
    }
}

//! Two language versions of one report, aligned paragraph by paragraph (issue 18's domain).
//!
//! Every United Nations document is issued in the six official languages under one symbol,
//! with the same headings and the same paragraph numbers, so the paragraph number is the key:
//! paragraph N beside paragraph N, the headings between two paragraphs beside the headings
//! between the same two paragraphs, in order. A paragraph present in one version only (a
//! corrigendum, an annex) gets a gap on the other side, not a shift of everything after it.
//! Numbering that restarts (an annex) is told apart by its occurrence: the second paragraph 1
//! pairs with the other version's second paragraph 1.
//!
//! [`compare`] says whether the two are versions of one document at all: the same symbol, the
//! same revision, corrigendum and addendum, the same paragraph numbers — and how they differ.

use std::collections::HashMap;

use crate::annotations::ParagraphIndex;
use crate::document::{Block, Document};

/// One row of the two versions side by side: block indices into each document (`None`: a gap
/// on that side).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A numbered paragraph, with its number.
    Paragraph {
        number: u32,
        left: Option<usize>,
        right: Option<usize>,
    },
    /// A heading (or unnumbered text) in the same place between paragraphs.
    Between {
        left: Option<usize>,
        right: Option<usize>,
    },
}

impl Row {
    /// The two sides' block indices.
    pub fn sides(self) -> (Option<usize>, Option<usize>) {
        match self {
            Self::Paragraph { left, right, .. } | Self::Between { left, right } => (left, right),
        }
    }
}

/// A paragraph's key: its number and which occurrence of that number it is.
type Key = (u32, usize);

/// One version cut into what stands before each paragraph and the paragraph itself.
struct Cut {
    /// The cover: unnumbered text before the first heading and paragraph.
    head: Vec<usize>,
    /// For each numbered paragraph in order: its key, its block, and the other blocks (headings,
    /// unnumbered text) just before it since the previous paragraph.
    paragraphs: Vec<(Key, usize, Vec<usize>)>,
    /// The blocks after the last paragraph.
    tail: Vec<usize>,
}

fn cut(document: &Document) -> Cut {
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut paragraphs = Vec::new();
    let mut before = Vec::new();
    let mut head = Vec::new();
    for (index, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Paragraph(paragraph) => {
                let occurrence = seen.entry(paragraph.number).or_default();
                paragraphs.push((
                    (paragraph.number, *occurrence),
                    index,
                    std::mem::take(&mut before),
                ));
                *occurrence += 1;
            }
            Block::Heading(_) => before.push(index),
            Block::Text(_) if !paragraphs.is_empty() || !before.is_empty() => before.push(index),
            // Cover-page text differs most between translations (lines, order): it stands
            // first, each side's in its own order.
            Block::Text(_) => head.push(index),
        }
    }
    Cut {
        head,
        paragraphs,
        tail: before,
    }
}

/// Rows for the blocks between paragraphs: pairs in order, the longer side's rest against gaps.
fn between(rows: &mut Vec<Row>, left: &[usize], right: &[usize]) {
    for i in 0..left.len().max(right.len()) {
        rows.push(Row::Between {
            left: left.get(i).copied(),
            right: right.get(i).copied(),
        });
    }
}

/// The two versions aligned: the covers first, then paragraph by number (and occurrence),
/// headings by place, each side in its own order; a paragraph of one version only stands
/// against a gap. Every block of each side is in exactly one row, in the document's order.
pub fn align(left: &Document, right: &Document) -> Vec<Row> {
    let (left, right) = (cut(left), cut(right));
    let left_at: HashMap<Key, usize> = left
        .paragraphs
        .iter()
        .enumerate()
        .map(|(at, (key, ..))| (*key, at))
        .collect();
    let right_at: HashMap<Key, usize> = right
        .paragraphs
        .iter()
        .enumerate()
        .map(|(at, (key, ..))| (*key, at))
        .collect();
    let mut rows = Vec::new();
    between(&mut rows, &left.head, &right.head);
    let (mut i, mut j) = (0, 0);
    while i < left.paragraphs.len() || j < right.paragraphs.len() {
        let a = left.paragraphs.get(i);
        let b = right.paragraphs.get(j);
        match (a, b) {
            (Some((key_a, block_a, before_a)), Some((key_b, block_b, before_b)))
                if key_a == key_b =>
            {
                between(&mut rows, before_a, before_b);
                rows.push(Row::Paragraph {
                    number: key_a.0,
                    left: Some(*block_a),
                    right: Some(*block_b),
                });
                i += 1;
                j += 1;
            }
            // The right version has this paragraph later (or the left has it not at all):
            // whichever side's paragraph the other lacks, or meets later, goes first, alone.
            (Some((key_a, block_a, before_a)), b)
                if b.is_none()
                    || right_at.get(key_a).is_none_or(|at| *at < j)
                    || b.is_some_and(|(key_b, ..)| {
                        left_at.get(key_b).is_some_and(|at| *at < i)
                    }) =>
            {
                between(&mut rows, before_a, &[]);
                rows.push(Row::Paragraph {
                    number: key_a.0,
                    left: Some(*block_a),
                    right: None,
                });
                i += 1;
            }
            (_, Some((key_b, block_b, before_b))) => {
                between(&mut rows, &[], before_b);
                rows.push(Row::Paragraph {
                    number: key_b.0,
                    left: None,
                    right: Some(*block_b),
                });
                j += 1;
            }
            (_, None) => break,
        }
    }
    between(&mut rows, &left.tail, &right.tail);
    rows
}

/// One of the two versions: the left one of [`align`] (in the window, the report whose tags
/// are kept) or the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Two versions aligned, with each block's row: what a reader showing them side by side and
/// a search in either language look up.
#[derive(Clone, Debug, Default)]
pub struct Aligned {
    pub rows: Vec<Row>,
    /// Each block's row, per side.
    left_rows: Vec<usize>,
    right_rows: Vec<usize>,
}

impl Aligned {
    pub fn new(left: &Document, right: &Document) -> Self {
        let rows = align(left, right);
        let (mut left_rows, mut right_rows) =
            (vec![0; left.blocks.len()], vec![0; right.blocks.len()]);
        for (at, row) in rows.iter().enumerate() {
            let (a, b) = row.sides();
            for (block, rows) in [(a, &mut left_rows), (b, &mut right_rows)] {
                if let Some(slot) = block.and_then(|block| rows.get_mut(block)) {
                    *slot = at;
                }
            }
        }
        Self {
            rows,
            left_rows,
            right_rows,
        }
    }

    /// The row a block of one side stands in.
    pub fn row_of(&self, side: Side, block: usize) -> Option<usize> {
        match side {
            Side::Left => self.left_rows.get(block).copied(),
            Side::Right => self.right_rows.get(block).copied(),
        }
    }

    /// The block of the left side in the row of a block of `side` (itself on the left).
    pub fn left_block(&self, side: Side, block: usize) -> Option<usize> {
        let row = self.row_of(side, block)?;
        self.rows.get(row)?.sides().0
    }
}

/// The paragraphs both versions have, as pairs of paragraph indices (left, right), from the
/// rows [`align`] made of them.
pub fn paired_paragraphs(
    rows: &[Row],
    left: &Document,
    right: &Document,
) -> Vec<(ParagraphIndex, ParagraphIndex)> {
    // Each block's position among the paragraphs, if it is one.
    let paragraph_at = |document: &Document| -> Vec<Option<usize>> {
        let mut next = 0;
        document
            .blocks
            .iter()
            .map(|block| {
                matches!(block, Block::Paragraph(_)).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    let (left_at, right_at) = (paragraph_at(left), paragraph_at(right));
    rows.iter()
        .filter_map(|row| match *row {
            Row::Paragraph {
                left: Some(a),
                right: Some(b),
                ..
            } => Some((
                ParagraphIndex((*left_at.get(a)?)?),
                ParagraphIndex((*right_at.get(b)?)?),
            )),
            _ => None,
        })
        .collect()
}

/// The annotations of the left version's paragraphs given to the same paragraphs of the right
/// version (paired by [`align`]): a note quoting the right version first carries the same tags.
/// A paragraph the right version lacks keeps its annotation nowhere (the caller says so).
pub fn carry(
    annotations: &crate::annotations::Annotations,
    rows: &[Row],
    left: &Document,
    right: &Document,
) -> crate::annotations::Annotations {
    let mut carried = crate::annotations::Annotations::default();
    for (from, to) in paired_paragraphs(rows, left, right) {
        if let Some(annotation) = annotations.get(from) {
            carried.insert(to, annotation.clone());
        }
    }
    carried
}

/// How two documents differ as versions of one report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Different documents: the symbols name two reports.
    OtherDocument {
        left: String,
        right: String,
    },
    /// The same report in another revision, corrigendum or addendum (`Rev.1`, `Corr.1`).
    OtherIssue {
        left: String,
        right: String,
    },
    /// One side names no symbol: nothing says they are one report.
    NoSymbol,
    /// Paragraph numbers one side has and the other lacks.
    MissingOnLeft(Vec<u32>),
    MissingOnRight(Vec<u32>),
}

/// A symbol's report and its issue: `A/74/18/Rev.1` is report `A/74/18`, issue `Rev.1`; the
/// star of a reissued document (`A/HRC/40/3*`) and spaces are not part of either.
fn report_and_issue(symbol: &str) -> (String, String) {
    let symbol = symbol.trim().trim_end_matches('*');
    let parts: Vec<&str> = symbol.split('/').collect();
    let issue_from = parts
        .iter()
        .position(|part| {
            ["Rev.", "Corr.", "Add.", "Amend."]
                .iter()
                .any(|mark| part.starts_with(mark))
        })
        .unwrap_or(parts.len());
    (parts[..issue_from].join("/"), parts[issue_from..].join("/"))
}

/// Whether two documents are versions of one report, and every way they are not: by symbol,
/// then by the paragraph numbers each lacks (`rows` from [`align`]).
pub fn compare(left: &Document, right: &Document, rows: &[Row]) -> Vec<Difference> {
    let mut differences = Vec::new();
    match (&left.symbol, &right.symbol) {
        (Some(a), Some(b)) => {
            let ((report_a, issue_a), (report_b, issue_b)) =
                (report_and_issue(a), report_and_issue(b));
            if report_a != report_b {
                differences.push(Difference::OtherDocument {
                    left: a.clone(),
                    right: b.clone(),
                });
            } else if issue_a != issue_b {
                differences.push(Difference::OtherIssue {
                    left: a.clone(),
                    right: b.clone(),
                });
            }
        }
        _ => differences.push(Difference::NoSymbol),
    }
    let missing = |on_left: bool| -> Vec<u32> {
        rows.iter()
            .filter_map(|row| match *row {
                Row::Paragraph {
                    number,
                    left: None,
                    right: Some(_),
                } if on_left => Some(number),
                Row::Paragraph {
                    number,
                    left: Some(_),
                    right: None,
                } if !on_left => Some(number),
                _ => None,
            })
            .collect()
    };
    let (on_left, on_right) = (missing(true), missing(false));
    if !on_left.is_empty() {
        differences.push(Difference::MissingOnLeft(on_left));
    }
    if !on_right.is_empty() {
        differences.push(Difference::MissingOnRight(on_right));
    }
    differences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn document(text: &str) -> Document {
        match parse_text(text) {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        }
    }

    const ENGLISH: &str = "A/74/18\n\nI. Introduction\n\n1. The first paragraph.\n\n\
                           2. The second paragraph.\n\nII. Discussion\n\n3. The third paragraph.\n\n\
                           4. The fourth paragraph.\n";
    const CHINESE: &str = "A/74/18\n\n一. 导言\n\n1. 第一段。\n\n2. 第二段。\n\n二. 讨论\n\n\
                           3. 第三段。\n\n4. 第四段。\n";

    /// Paragraph N beside paragraph N and each heading beside its counterpart, for every row.
    fn pairs(left: &Document, right: &Document) -> Vec<(Option<String>, Option<String>)> {
        let text = |document: &Document, block: Option<usize>| {
            block.map(|at| match &document.blocks[at] {
                Block::Paragraph(paragraph) => format!("{}.", paragraph.number),
                Block::Heading(heading) | Block::Text(heading) => heading.clone(),
            })
        };
        align(left, right)
            .into_iter()
            .map(|row| {
                let (a, b) = row.sides();
                (text(left, a), text(right, b))
            })
            .collect()
    }

    #[test]
    fn two_versions_pair_paragraphs_by_number_and_headings_by_place() {
        let (english, chinese) = (document(ENGLISH), document(CHINESE));
        let rows = pairs(&english, &chinese);
        let expected: Vec<(Option<String>, Option<String>)> = [
            ("I. Introduction", "一. 导言"),
            ("1.", "1."),
            ("2.", "2."),
            ("II. Discussion", "二. 讨论"),
            ("3.", "3."),
            ("4.", "4."),
        ]
        .iter()
        .map(|(a, b)| (Some((*a).to_owned()), Some((*b).to_owned())))
        .collect();
        assert_eq!(rows, expected);
        assert!(compare(&english, &chinese, &align(&english, &chinese)).is_empty());
    }

    /// A paragraph missing on one side is a gap there, and everything after it still pairs.
    #[test]
    fn a_missing_paragraph_is_a_gap_not_a_shift() {
        let english = document(ENGLISH);
        let chinese = document(&CHINESE.replace("2. 第二段。\n\n", ""));
        let rows = pairs(&english, &chinese);
        assert!(rows.contains(&(Some("2.".to_owned()), None)), "{rows:?}");
        assert!(rows.contains(&(Some("3.".to_owned()), Some("3.".to_owned()))));
        assert!(rows.contains(&(Some("4.".to_owned()), Some("4.".to_owned()))));
        let aligned = align(&english, &chinese);
        assert_eq!(
            compare(&english, &chinese, &aligned),
            [Difference::MissingOnRight(vec![2])]
        );
        // And the other way round.
        let aligned = align(&chinese, &english);
        assert_eq!(
            compare(&chinese, &english, &aligned),
            [Difference::MissingOnLeft(vec![2])]
        );
    }

    /// Another revision of the same report is said as such; another report is another
    /// document; both still align what matches.
    #[test]
    fn revisions_and_other_documents_are_told_apart() {
        let english = document(ENGLISH);
        let revised = document(&CHINESE.replace("A/74/18", "A/74/18/Rev.1"));
        let aligned = align(&english, &revised);
        assert_eq!(
            compare(&english, &revised, &aligned),
            [Difference::OtherIssue {
                left: "A/74/18".to_owned(),
                right: "A/74/18/Rev.1".to_owned()
            }]
        );
        let other = document(&CHINESE.replace("A/74/18", "A/75/18"));
        let aligned = align(&english, &other);
        assert!(matches!(
            compare(&english, &other, &aligned)[..],
            [Difference::OtherDocument { .. }]
        ));
        assert_eq!(aligned.len(), 6, "what matches still pairs");
    }

    /// Numbering that restarts in an annex pairs each occurrence with its counterpart.
    #[test]
    fn an_annex_restarting_its_numbers_pairs_with_the_other_annex() {
        let annex_en = format!("{ENGLISH}\nAnnex\n\n1. Annex paragraph one.\n");
        let annex_zh = format!("{CHINESE}\n附件\n\n1. 附件第一段。\n");
        let (english, chinese) = (document(&annex_en), document(&annex_zh));
        let rows = pairs(&english, &chinese);
        let ones: Vec<_> = rows
            .iter()
            .filter(|(a, _)| a.as_deref() == Some("1."))
            .collect();
        assert_eq!(ones.len(), 2, "{rows:?}");
        assert!(ones.iter().all(|(_, b)| b.as_deref() == Some("1.")));
        let aligned = align(&english, &chinese);
        assert!(compare(&english, &chinese, &aligned).is_empty());
    }

    /// The built-in report and its English rendering (`seeds/…en.txt`): both headings and all
    /// 22 paragraphs pair, and nothing differs.
    #[test]
    fn the_built_in_report_and_its_english_version_align() {
        let (chinese, english) = match (
            crate::builtin_report::document(),
            crate::builtin_report::english(),
        ) {
            (Ok(chinese), Ok(english)) => (chinese, english),
            (Err(error), _) | (_, Err(error)) => panic!("{error}"),
        };
        let rows = align(&chinese, &english);
        let paired = |wanted: fn(&Row) -> bool| {
            rows.iter()
                .filter(|row| wanted(row))
                .filter(|row| matches!(row.sides(), (Some(_), Some(_))))
                .count()
        };
        assert_eq!(paired(|row| matches!(row, Row::Paragraph { .. })), 22);
        // The two headings pair; so do the cover's lines, as far as both have them.
        let cover = |document: &Document| {
            document
                .blocks
                .iter()
                .take_while(|block| matches!(block, Block::Text(_)))
                .count()
        };
        let covers = cover(&chinese).max(cover(&english));
        assert_eq!(
            paired(|row| matches!(row, Row::Between { .. })),
            2 + cover(&chinese).min(cover(&english))
        );
        assert_eq!(rows.len(), covers + 24, "no gaps past the cover");
        assert!(compare(&chinese, &english, &rows).is_empty());
    }

    /// Every block of each side stands in exactly one row, in the document's order, and
    /// `Aligned` finds each block's row.
    #[test]
    fn every_block_is_in_one_row_in_order() {
        let english = document(&format!("Cover line\n\nAnother cover line\n\n{ENGLISH}"));
        let chinese = document(&CHINESE.replace("2. 第二段。\n\n", ""));
        let aligned = Aligned::new(&english, &chinese);
        for (side, document) in [(Side::Left, &english), (Side::Right, &chinese)] {
            let shown: Vec<usize> = aligned
                .rows
                .iter()
                .filter_map(|row| match side {
                    Side::Left => row.sides().0,
                    Side::Right => row.sides().1,
                })
                .collect();
            assert_eq!(shown, (0..document.blocks.len()).collect::<Vec<_>>());
            for block in 0..document.blocks.len() {
                let row = aligned
                    .row_of(side, block)
                    .map(|row| aligned.rows[row].sides());
                let found = row.and_then(|(a, b)| if side == Side::Left { a } else { b });
                assert_eq!(found, Some(block));
            }
        }
        // Paragraph 3 of the right side stands beside paragraph 3 of the left.
        let right_three = chinese
            .blocks
            .iter()
            .position(|block| matches!(block, Block::Paragraph(p) if p.number == 3));
        let left_three = english
            .blocks
            .iter()
            .position(|block| matches!(block, Block::Paragraph(p) if p.number == 3));
        assert_eq!(
            right_three.and_then(|block| aligned.left_block(Side::Right, block)),
            left_three
        );
    }

    /// Tags carried to the other version land on the paragraph of the same number; one the
    /// other version lacks is not carried.
    #[test]
    fn annotations_carry_to_the_paragraph_of_the_same_number() {
        use crate::annotations::{Annotation, Annotations, ParagraphIndex, Tag, TagSet};
        let english = document(ENGLISH);
        let chinese = document(&CHINESE.replace("2. 第二段。\n\n", ""));
        let mut annotations = Annotations::default();
        for (index, tag) in [(1, Tag::Challenge), (2, Tag::Proposal)] {
            annotations.insert(
                ParagraphIndex(index),
                Annotation {
                    tags: TagSet::only(tag),
                    ..Annotation::default()
                },
            );
        }
        let rows = align(&english, &chinese);
        let carried = carry(&annotations, &rows, &english, &chinese);
        // English paragraph 2 (index 1) is missing in Chinese; paragraph 3 (index 2) is the
        // Chinese second paragraph (index 1).
        assert_eq!(carried.tags(ParagraphIndex(1)), TagSet::only(Tag::Proposal));
        assert_eq!(carried.iter().count(), 1);
    }

    /// The built-in report against itself: every block that is not cover text pairs with
    /// itself, in order.
    #[test]
    fn the_built_in_report_aligns_with_itself() {
        let seed = match crate::builtin_report::document() {
            Ok(seed) => seed,
            Err(error) => panic!("{error}"),
        };
        let rows = align(&seed, &seed);
        assert!(rows.iter().all(|row| {
            let (a, b) = row.sides();
            a.is_some() && a == b
        }));
        assert_eq!(
            rows.iter()
                .filter(|row| matches!(row, Row::Paragraph { .. }))
                .count(),
            22
        );
    }
}

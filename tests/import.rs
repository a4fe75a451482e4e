//! Reports as delegates receive them, opened the way the window and `paratag outline` open
//! them (`parse::read_report`): the Word file of the built-in report must give the same symbol,
//! headings and paragraphs as its text.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use paratag::document::{Block, Document};
use paratag::parse;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Text without any whitespace: extraction and Word differ in where they leave spaces around
/// digits in Chinese text, never in the characters.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each heading and paragraph as one line: "三. …" or "12. …".
fn lines(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(heading) => Some(heading.clone()),
            Block::Paragraph(paragraph) => Some(format!("{}.{}", paragraph.number, paragraph.text)),
            Block::Text(_) => None,
        })
        .map(|line| squeezed(&line))
        .collect()
}

#[test]
fn the_word_file_of_the_built_in_report_reads_like_its_text() {
    let word = parse::read_report(&fixture("seed-layout.zh.docx")).unwrap();
    let text = paratag::seed::document().unwrap();
    assert_eq!(word.symbol, text.symbol);
    assert_eq!(word.symbol.as_deref(), Some("CAC/COSP/WG.2/2017/L.1/Add.1"));
    assert_eq!(word.language, text.language);
    let numbers: Vec<u32> = word.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=22).collect::<Vec<_>>());
    let truth: Vec<String> = std::fs::read_to_string(fixture("seed-layout.zh.truth.txt"))
        .unwrap()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(squeezed)
        .collect();
    assert_eq!(lines(&word), truth);
    assert_eq!(lines(&word), lines(&text));
    assert_eq!(word.footnotes.len(), 1, "{:?}", word.footnotes);
}

/// Tags made on the text open on the Word file of the same report, every one on its paragraph.
#[test]
fn tags_made_on_the_text_anchor_in_the_word_file() {
    use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag};
    use paratag::tags_file::{self, Fingerprints};
    let text = paratag::seed::document().unwrap();
    let mut annotations = Annotations::default();
    for index in [0, 4, 11, 21] {
        annotations.insert(
            ParagraphIndex(index),
            Annotation {
                tags: std::iter::once(Tag::Proposal).collect(),
                note: format!("note {index}"),
                changed: None,
            },
        );
    }
    let file = tags_file::build(&text, &Fingerprints::new(&text), None, &annotations, &[]);
    let word = parse::read_report(&fixture("seed-layout.zh.docx")).unwrap();
    let anchored = tags_file::anchor(&file, &word, &Fingerprints::new(&word));
    assert!(anchored.orphans.is_empty(), "{:?}", anchored.orphans);
    assert_eq!(anchored.annotations, annotations);
}

//! The checks of paratag's fuzz targets, one function per target. The targets in
//! `fuzz_targets/` only hand libFuzzer's input to these; `tests/fuzz_corpus.rs` in the main
//! crate includes this file and replays the committed corpus (`seeds/`, `regressions/`) through
//! the same functions on stable Rust, in every `cargo test`.
//!
//! A check returns quietly when the input is rejected with an error (that is the right answer
//! to bad input) and panics when a promise is broken.

// Shared with the main crate's tests, whose lints are stricter than a fuzzer's.
// A check panics when a promise is broken: that is how libFuzzer and the test see it.
#![allow(
    clippy::missing_panics_doc,
    clippy::too_many_lines,
    clippy::expect_used,
    clippy::unwrap_used
)]

use arbitrary::Arbitrary;
use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag, TagSet};
use paratag::document::{Block, Document};
use paratag::export::{self, ExportError, ExportOptions, Format, Grouping, NoteLanguage, Paper};
use paratag::parse::kept::{char_counts, everything_kept};
use paratag::{builtin_report, outline, parse, search, tags_file};

/// The report parser: any bytes give a document or a readable error, never a panic, and a
/// document keeps every character it was given (in its body, its footnotes or the furniture it
/// records as removed).
pub fn parse_report(bytes: &[u8]) {
    let Ok(document) = parse::parse(bytes) else {
        return;
    };
    check(&document);
    // Text that is already UTF-8 is also parsed as text, where nothing may be lost.
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(document) = parse::parse_text(text)
    {
        assert_eq!(
            char_counts(&everything_kept(&document)),
            char_counts(text),
            "the parser lost or invented characters"
        );
        check(&document);
    }
}

/// What the window and the command line do with every document.
fn check(document: &Document) {
    for paragraph in document.paragraphs() {
        assert!(paragraph.number >= 1, "paragraph number 0");
    }
    let _ = outline::to_json(document);
    let _ = outline::to_text(document);
    let fingerprints = tags_file::Fingerprints::new(document);
    assert_eq!(fingerprints.paragraphs.len(), document.paragraphs().count());
    if let Some(Block::Paragraph(first)) = document
        .blocks
        .iter()
        .find(|block| matches!(block, Block::Paragraph(_)))
    {
        let word: String = first.text.chars().take(2).collect();
        if !word.trim().is_empty() {
            assert!(
                !search::find_all(document, &word).is_empty(),
                "search does not find {word:?}, which the first paragraph starts with"
            );
        }
    }
}

/// The tags-file loader: any bytes give a tags file or an error with a position, never a panic;
/// a file that loads saves to text that loads to the same file; loading it into a report and
/// saving loses no annotation (those that find no paragraph are kept as orphans); and a second
/// open and save writes what the first did. Text the fast reader takes is text paratag writes,
/// and ron reads it the same.
pub fn tags_file(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Some(problem) = tags_file::canonical_reader_disagrees(text)
    {
        panic!("{problem}");
    }
    let Ok(file) = tags_file::parse(bytes) else {
        return;
    };
    let text = tags_file::to_string(&file);
    let again = tags_file::parse(text.as_bytes())
        .unwrap_or_else(|error| panic!("a saved file does not load: {error}\n{text}"));
    assert_eq!(again, file, "save then load changed the file");

    // Into the built-in report and out again, twice: the second save equals the first.
    let document = builtin_report::document().expect("the built-in report parses");
    let fingerprints = tags_file::Fingerprints::new(&document);
    let anchored = tags_file::anchor(&file, &document, &fingerprints);
    let kept = anchored
        .annotations
        .iter()
        .filter(|(_, annotation)| !annotation.is_empty())
        .count();
    let worth_keeping = file
        .annotations
        .iter()
        .filter(|entry| !entry.tags.is_empty() || !entry.note.is_empty())
        .count();
    assert!(
        kept + anchored.orphans.len() >= worth_keeping,
        "annotations lost: {kept} placed + {} orphans < {worth_keeping}",
        anchored.orphans.len()
    );
    let saved = tags_file::build(
        &document,
        &fingerprints,
        None,
        &anchored.annotations,
        &anchored.orphans,
    );
    // Open, save, open, save: the second save writes what the first did.
    let reloaded = tags_file::parse(tags_file::to_string(&saved).as_bytes())
        .unwrap_or_else(|error| panic!("a rebuilt file does not load: {error}"));
    let anchored_again = tags_file::anchor(&reloaded, &document, &fingerprints);
    let saved_again = tags_file::build(
        &document,
        &fingerprints,
        None,
        &anchored_again.annotations,
        &anchored_again.orphans,
    );
    assert_eq!(saved_again, saved, "a second save differs from the first");
}

#[derive(Debug, Arbitrary)]
pub struct ExportInput {
    /// A report of the fuzzer's own, used when it parses; the built-in report otherwise.
    pub report: Option<String>,
    pub annotations: Vec<(u16, u8, String)>,
    pub orphans: Vec<(u32, u8, String, String)>,
    pub by_tag: bool,
    pub tag_order: u8,
    pub only: u8,
    pub trim_chars: Option<u16>,
    /// The note's language, an index into `NoteLanguage::ALL`.
    pub language: u8,
    pub merge_consecutive: bool,
    pub date: String,
}

/// HTML text escaping, written here again so that the check does not trust the renderer's.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn tag_set(bits: u8) -> TagSet {
    Tag::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, tag)| tag)
        .collect()
}

/// Export of arbitrary annotation sets: any tags, notes, orphans and options give a briefing
/// note in every format, never a panic; no tagged paragraph and no note is left out; every
/// excerpt has a citation; the CSV reads back with one row per excerpt; the HTML shows every
/// note as escaped text.
pub fn export(input: &ExportInput) {
    let document = input
        .report
        .as_deref()
        .and_then(|text| parse::parse_text(text).ok())
        .unwrap_or_else(|| builtin_report::document().expect("the built-in report parses"));
    let count = document.paragraphs().count();

    let mut annotations = Annotations::default();
    for (index, bits, note) in &input.annotations {
        annotations.insert(
            ParagraphIndex(usize::from(*index) % count.max(1)),
            Annotation {
                tags: tag_set(*bits),
                note: note.clone(),
                changed: None,
                ..Default::default()
            },
        );
    }
    let orphans: Vec<tags_file::Orphan> = input
        .orphans
        .iter()
        .map(|(paragraph, bits, quote, note)| tags_file::Orphan {
            paragraph: *paragraph,
            fingerprint: String::new(),
            quote: quote.clone(),
            tags: tag_set(*bits),
            note: note.clone(),
            changed: String::new(),
            versions: Vec::new(),
            dismissed: TagSet::EMPTY,
            part: None,
            author: None,
            conflicts: Vec::new(),
            revision: None,
        })
        .collect();
    let orders = [
        [Tag::Challenge, Tag::GoodPractice, Tag::Proposal],
        [Tag::Challenge, Tag::Proposal, Tag::GoodPractice],
        [Tag::GoodPractice, Tag::Challenge, Tag::Proposal],
        [Tag::GoodPractice, Tag::Proposal, Tag::Challenge],
        [Tag::Proposal, Tag::Challenge, Tag::GoodPractice],
        [Tag::Proposal, Tag::GoodPractice, Tag::Challenge],
    ];
    let options = ExportOptions {
        grouping: if input.by_tag {
            Grouping::ByTag
        } else {
            Grouping::Document
        },
        tag_order: orders[usize::from(input.tag_order) % orders.len()],
        only: tag_set(input.only),
        trim_chars: input.trim_chars.map(usize::from),
        language: NoteLanguage::ALL[usize::from(input.language) % NoteLanguage::ALL.len()],
        merge_consecutive: input.merge_consecutive,
        date: input.date.clone(),
        author: String::new(),
        // Both papers, without a new input field (the committed corpus keeps its meaning).
        paper: Paper::ALL[usize::from(input.tag_order) % Paper::ALL.len()],
        // Names with the merging of consecutive paragraphs, likewise.
        names: input.merge_consecutive,
    };
    let wanted = |tags: TagSet| {
        tags.iter()
            .any(|tag| options.only.is_empty() || options.only.contains(tag))
    };

    let note = match export::prepare(&document, &annotations, &orphans, &options) {
        Ok(note) => note,
        Err(ExportError::NothingTagged) => {
            assert!(
                annotations.iter().all(|(_, a)| !wanted(a.tags))
                    && input
                        .orphans
                        .iter()
                        .all(|(_, bits, _, _)| !wanted(tag_set(*bits))),
                "`nothing tagged` with tagged paragraphs"
            );
            return;
        }
        Err(error) => panic!("{error}"),
    };

    // Every wanted paragraph is cited, and its note is in the note.
    let excerpts: Vec<&export::Excerpt> = note
        .sections
        .iter()
        .flat_map(|section| &section.excerpts)
        .collect();
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    for (index, annotation) in annotations.iter() {
        if !wanted(annotation.tags) {
            continue;
        }
        let number = numbers[index.0];
        assert!(
            excerpts
                .iter()
                .any(|e| e.first <= number && number <= e.last),
            "paragraph {number} is tagged but not cited"
        );
        if !annotation.note.is_empty() {
            assert!(
                excerpts.iter().any(|e| e.note == annotation.note),
                "the note of paragraph {number} is missing"
            );
        }
    }
    for excerpt in excerpts
        .iter()
        .chain(note.orphans.iter().collect::<Vec<_>>().iter())
    {
        assert!(
            !excerpt.citation.is_empty(),
            "an excerpt without a citation"
        );
    }

    for format in [
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Csv,
        Format::Docx,
        Format::Pdf,
    ] {
        let bytes = match export::render(&note, format) {
            Ok(bytes) => bytes,
            // The PDF's font lacks a character: refused, naming characters that are in the note.
            Err(ExportError::PdfCannotShow(characters)) if format == Format::Pdf => {
                let text = export::render(&note, Format::Text).expect("the text note");
                let text = String::from_utf8(text).expect("text is UTF-8");
                assert!(!characters.is_empty());
                assert!(
                    characters.chars().all(|c| text.contains(c)),
                    "PDF: refused for characters the note does not have"
                );
                continue;
            }
            Err(error) => panic!("{format}: {error}"),
        };
        assert!(!bytes.is_empty());
        match format {
            Format::Csv => {
                let mut reader = csv::Reader::from_reader(&bytes[3..]);
                let mut rows = 0;
                for row in reader.records() {
                    row.expect("the CSV export reads back");
                    rows += 1;
                }
                assert_eq!(rows, excerpts.len() + note.orphans.len());
            }
            Format::Html => {
                let html = String::from_utf8(bytes).expect("HTML is UTF-8");
                for excerpt in excerpts
                    .iter()
                    .chain(note.orphans.iter().collect::<Vec<_>>().iter())
                {
                    // Every note is on the page as text: escaped, so that a note with
                    // `<` or `&` never turns into markup.
                    if !excerpt.note.is_empty() {
                        assert!(
                            html.contains(&escape_html(&excerpt.note)),
                            "a note is missing or not escaped"
                        );
                    }
                }
            }
            Format::Markdown | Format::Text => {
                let text = String::from_utf8(bytes).expect("text formats are UTF-8");
                for excerpt in &excerpts {
                    assert!(
                        text.contains(&excerpt.citation),
                        "{format}: citation missing"
                    );
                }
            }
            Format::Docx => assert!(bytes.starts_with(b"PK"), "a .docx is a ZIP package"),
            Format::Pdf => {
                // The PDF reads back as text (every glyph maps to its character), and every
                // excerpt's citation is in it; lines may break anywhere a space was.
                let read = paratag::import::pdf::read(&bytes).expect("the PDF reads back");
                let squeeze = |text: &str| -> String {
                    text.chars().filter(|c| !c.is_whitespace()).collect()
                };
                let text = squeeze(&read.text);
                for excerpt in &excerpts {
                    assert!(
                        text.contains(&squeeze(&excerpt.citation)),
                        "PDF: citation missing"
                    );
                }
            }
        }
    }
}

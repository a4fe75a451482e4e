use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::annotations::{Annotation, Annotations, ParagraphIndex, TagSet};
use crate::builtin_report;
use crate::document::{Block, Document};
use crate::parse::parse_text;

fn seed_document() -> Document {
    builtin_report::document().unwrap()
}

fn annotation(tags: &[Tag], note: &str) -> Annotation {
    Annotation {
        tags: tags.iter().copied().collect(),
        note: note.to_owned(),
        changed: Some(UNIX_EPOCH + Duration::from_hours(498_832)),
        ..Default::default()
    }
}

/// The RON example block of `docs/tags-format.md`.
pub(crate) fn documented_example() -> &'static str {
    let doc = include_str!("../../docs/tags-format.md");
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    &doc[start..end]
}

#[test]
fn the_documented_example_loads_and_anchors_exactly_to_the_seed() {
    let file = parse(documented_example().as_bytes()).unwrap();
    assert_eq!(file.format, file.needed_format());
    let document = seed_document();
    assert_eq!(
        file.document.fingerprint,
        Fingerprints::new(&document).document
    );
    let anchored = anchor(&file, &document, &Fingerprints::new(&document));
    assert_eq!((anchored.exact, anchored.moved, anchored.fuzzy), (3, 0, 0));
    assert!(anchored.orphans.is_empty());
    assert_eq!(anchored.annotations.count(Tag::Proposal), 2);
    let fourth = anchored.annotations.get(ParagraphIndex(3)).unwrap();
    assert!(fourth.note.contains('\n'));
    // Writing what was read gives the documented bytes back: the format is stable.
    let rebuilt = build(
        &document,
        &Fingerprints::new(&document),
        Some(builtin_report::FILE_NAME),
        &anchored.annotations,
        &[],
    );
    assert_eq!(to_string(&rebuilt), documented_example());
}

#[test]
fn save_then_load_gives_the_same_annotations() {
    let document = seed_document();
    let mut annotations = Annotations::default();
    annotations.insert(ParagraphIndex(0), annotation(&[Tag::Challenge], "第一段"));
    annotations.insert(
        ParagraphIndex(21),
        annotation(&[Tag::GoodPractice, Tag::Proposal], ""),
    );
    annotations.insert(
        ParagraphIndex(5),
        annotation(&[], "a note alone, with \"quotes\"\nand lines"),
    );
    let text = to_string(&build(
        &document,
        &Fingerprints::new(&document),
        None,
        &annotations,
        &[],
    ));
    let anchored = anchor(
        &parse(text.as_bytes()).unwrap(),
        &document,
        &Fingerprints::new(&document),
    );
    assert_eq!(anchored.annotations, annotations);
    assert_eq!(anchored.exact, 3);
}

#[test]
fn no_type_names_and_stable_paragraph_order() {
    let document = seed_document();
    let mut annotations = Annotations::default();
    annotations.insert(ParagraphIndex(20), annotation(&[Tag::Proposal], ""));
    annotations.insert(ParagraphIndex(2), annotation(&[Tag::Challenge], ""));
    let text = to_string(&build(
        &document,
        &Fingerprints::new(&document),
        None,
        &annotations,
        &[],
    ));
    for name in ["TagsFile", "Entry", "DocumentRef", "Some(", "Challenge"] {
        assert!(!text.contains(name), "{name} in\n{text}");
    }
    let third = text.find("paragraph: 3,").unwrap();
    let twenty_first = text.find("paragraph: 21,").unwrap();
    assert!(third < twenty_first);
}

#[test]
fn bad_files_each_get_their_own_error() {
    let good = documented_example();
    let truncated = &good[..good.len() / 2];
    let hand_edited = good.replace("paragraph: 10,", "paragraph: ten,");
    // Where the mistake is, counted as an editor shows it (line and column from 1).
    let at = hand_edited.find("ten,").unwrap();
    let line = hand_edited[..at].lines().count();
    let column = at - hand_edited[..at].rfind('\n').unwrap();
    // ron points at the start of the value it expected, the space after the colon.
    let position = format!("line {line}, column {}: Expected integer", column - 1);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", b"".to_vec(), "empty"),
        ("not text", vec![0xFF, 0xFE, 0x00, 0x41, 0x9C], "not text"),
        ("not RON", b"<xml>tags</xml>".to_vec(), "line 1, column 1"),
        ("truncated", truncated.as_bytes().to_vec(), "line "),
        (
            "cut in the middle of a character",
            good.as_bytes()[..=good.find("认识").unwrap()].to_vec(),
            "line 15, column 21: the file ends in the middle of a character",
        ),
        (
            "hand-edited wrongly",
            hand_edited.clone().into_bytes(),
            &position,
        ),
        (
            "newer paratag",
            good.replace("format: 1,", "format: 7,").into_bytes(),
            "newer paratag (format 7",
        ),
        (
            "unknown tag",
            good.replace("\"challenge\"", "\"urgent\"").into_bytes(),
            "unknown tag `urgent` on paragraph 4",
        ),
    ];
    let mut messages = Vec::new();
    for (name, bytes, expected) in cases {
        let message = parse(&bytes).unwrap_err().to_string();
        assert!(
            message.contains(expected),
            "{name}: {message} (expected {expected})"
        );
        messages.push(message);
    }
    let distinct: std::collections::HashSet<&String> = messages.iter().collect();
    assert_eq!(distinct.len(), messages.len(), "{messages:#?}");
}

#[test]
fn a_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(documented_example().as_bytes());
    assert_eq!(
        parse(&bytes).unwrap(),
        parse(documented_example().as_bytes()).unwrap()
    );
}

#[test]
fn tags_files_and_reports_are_told_apart() {
    assert!(looks_like_tags_file(documented_example().as_bytes()));
    assert!(looks_like_tags_file(
        b"(format: 1, document: (language: \"en\", fingerprint: \"\"))"
    ));
    assert!(!looks_like_tags_file(builtin_report::TEXT.as_bytes()));
    assert!(!looks_like_tags_file(
        b"(a) The first item of a report\n1. text"
    ));
}

/// The seed with paragraphs inserted, removed and edited, renumbered like a revision.
fn revised_seed() -> Document {
    let mut document = seed_document();
    let edited = |text: &str| text.replace("几名发言者", "多名发言者");
    let mut blocks = Vec::new();
    let mut number = 0;
    for block in document.blocks.drain(..) {
        match block {
            Block::Paragraph(mut paragraph) => {
                let old = paragraph.number;
                if old == 8 {
                    continue; // removed
                }
                if old == 2 {
                    number += 1;
                    blocks.push(Block::Paragraph(crate::document::Paragraph {
                        number,
                        stop: '.',
                        text: "新插入的一段：秘书处介绍了新的情况。".to_owned(),
                    }));
                }
                number += 1;
                paragraph.number = number;
                if old == 16 {
                    paragraph.text = edited(&paragraph.text);
                }
                if old == 20 {
                    paragraph.text = format!("（订正）{}", paragraph.text);
                }
                blocks.push(Block::Paragraph(paragraph));
            }
            other => blocks.push(other),
        }
    }
    document.blocks = blocks;
    document
}

#[test]
fn re_anchoring_on_a_revised_report() {
    let original = seed_document();
    let mut annotations = Annotations::default();
    // Paragraph numbers 1, 4, 8, 16, 20, 22 of the original.
    for (index, tag) in [
        (0, Tag::Challenge),
        (3, Tag::Challenge),
        (7, Tag::Proposal),
        (15, Tag::GoodPractice),
        (19, Tag::Challenge),
        (21, Tag::Proposal),
    ] {
        annotations.insert(
            ParagraphIndex(index),
            annotation(&[tag], &format!("note {index}")),
        );
    }
    let file = parse(
        to_string(&build(
            &original,
            &Fingerprints::new(&original),
            None,
            &annotations,
            &[],
        ))
        .as_bytes(),
    )
    .unwrap();

    let revised = revised_seed();
    let anchored = anchor(&file, &revised, &Fingerprints::new(&revised));
    let number_of = |index: ParagraphIndex| revised.paragraphs().nth(index.0).unwrap().number;
    let placed: Vec<(u32, String)> = anchored
        .annotations
        .iter()
        .map(|(index, a)| (number_of(index), a.note.clone()))
        .collect();
    // Paragraph 1 stays 1; after the insertion before old 2, old 4 is 5; old 8 was removed;
    // old 16 (edited) is 16; old 20 (corrected) is 20; old 22 is 22.
    assert_eq!(
        placed,
        [
            (1, "note 0".to_owned()),
            (5, "note 3".to_owned()),
            (16, "note 15".to_owned()),
            (20, "note 19".to_owned()),
            (22, "note 21".to_owned()),
        ]
    );
    // Exact: 1 and 22 (one paragraph inserted, one removed before it); moved: 4 → 5; fuzzy:
    // the edited 16 and the corrected 20.
    assert_eq!((anchored.exact, anchored.moved, anchored.fuzzy), (2, 1, 2));
    assert_eq!(anchored.orphans.len(), 1);
    assert_eq!(anchored.orphans[0].paragraph, 8);
    assert_eq!(anchored.orphans[0].note, "note 7");
    assert_eq!(anchored.orphans[0].tags, TagSet::only(Tag::Proposal));

    // Saving again keeps the orphan as it was saved: number, fingerprint, quote, tags, note
    // and time.
    let again = build(
        &revised,
        &Fingerprints::new(&revised),
        None,
        &anchored.annotations,
        &anchored.orphans,
    );
    assert_eq!(again.annotations.len(), 6);
    let saved = |file: &TagsFile| {
        file.annotations
            .iter()
            .find(|entry| entry.note == "note 7")
            .cloned()
    };
    assert_eq!(saved(&again), saved(&file));
    assert!(saved(&file).is_some());
}

#[test]
fn fingerprints_ignore_what_extraction_changes() {
    // A Kangxi radical (⼀ U+2F00) where the ordinary character (一 U+4E00) belongs, a full-width
    // digit, and different wrapping.
    assert_eq!(
        paragraph_fingerprint("⼀名发言者 指出\n１"),
        paragraph_fingerprint("一名发言者指出1")
    );
    assert_ne!(
        paragraph_fingerprint("一名发言者指出"),
        paragraph_fingerprint("两名发言者指出")
    );
    let document = parse_text("1. One.\n2. Two.\n").unwrap();
    assert_eq!(Fingerprints::new(&document).document.len(), 32);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn entry() -> impl Strategy<Value = Entry> {
        (
            1_u32..500,
            "[0-9a-f]{16}",
            "[\\PC\"“”「」\\\\]{0,40}",
            proptest::sample::subsequence(vec!["challenge", "good-practice", "proposal"], 0..=3),
            prop_oneof![
                Just(String::new()),
                "[\\PC\n\"\\\\需要跟进]{0,80}",
                // Control characters, which are written as `\u{…}` or by letter.
                "[a\\x00\\x01\\x1b\\x7f\\u{85}\\u{9f}\\u{a0}\t\r\n]{0,12}",
            ],
            prop_oneof![Just(String::new()), Just("2026-11-27T16:00:00Z".to_owned())],
            proptest::collection::vec(version_text(), 0..3),
            proptest::sample::subsequence(vec!["challenge", "good-practice", "proposal"], 0..=2),
            proptest::option::of("[a-z\"\\\\（）]{1,4}"),
            proptest::option::of("[\\PC\"\\\\李明]{0,20}"),
            proptest::collection::vec("[\\PC\n\"\\\\需要]{0,30}", 0..3),
            proptest::option::of("[0-9a-f]{16}"),
        )
            .prop_map(
                |(
                    paragraph,
                    fingerprint,
                    quote,
                    tags,
                    note,
                    changed,
                    versions,
                    dismissed,
                    part,
                    author,
                    conflicts,
                    revision,
                )| {
                    Entry {
                        paragraph,
                        fingerprint,
                        quote,
                        tags: tags.into_iter().map(str::to_owned).collect(),
                        note,
                        changed,
                        versions,
                        dismissed: dismissed.into_iter().map(str::to_owned).collect(),
                        part,
                        author,
                        conflicts,
                        revision,
                    }
                },
            )
    }

    fn version_text() -> impl Strategy<Value = VersionText> {
        (
            "(zh|en|fr|es|ru|ar)",
            "[0-9a-f]{16}",
            "[\\PC\"“”\\\\]{0,40}",
        )
            .prop_map(|(language, fingerprint, quote)| VersionText {
                language,
                fingerprint,
                quote,
            })
    }

    fn version() -> impl Strategy<Value = DocumentRef> {
        (
            proptest::option::of("[A-Z]{1,5}(/[A-Za-z0-9.]{1,6}){1,4}"),
            "(zh|en|fr|es|ru|ar)",
            proptest::option::of("[\\PC]{1,30}"),
        )
            .prop_map(|(symbol, language, file)| DocumentRef {
                symbol,
                language,
                fingerprint: "1".repeat(32),
                file,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_field_round_trips(
            symbol in proptest::option::of("[A-Z]{1,5}(/[A-Za-z0-9.]{1,6}){1,4}"),
            language in "(zh|en|fr|es|ru|ar)",
            file_name in proptest::option::of("[\\PC]{1,30}"),
            mut entries in proptest::collection::vec(entry(), 0..12),
            versions in proptest::collection::vec(version(), 0..3),
            revision in proptest::option::of("[0-9a-f]{16}"),
            ancestors in proptest::collection::vec("[0-9a-f]{16}", 0..3),
        ) {
            entries.sort_by_key(|entry| entry.paragraph);
            let mut file = TagsFile {
                format: FORMAT_VERSION,
                document: DocumentRef { symbol, language, fingerprint: "0".repeat(32), file: file_name },
                revision,
                ancestors,
                versions,
                annotations: entries,
            };
            file.format = file.needed_format();
            let text = to_string(&file);
            // Both readers: the fast one for what paratag wrote, and ron.
            prop_assert_eq!(canonical::read(&text), Some(file.clone()));
            prop_assert_eq!(read_with_ron(&text), Ok(file.clone()));
            prop_assert_eq!(parse(text.as_bytes()).unwrap(), file);
        }

        /// A saved file edited anywhere: the fast reader either declines it or reads what
        /// `to_string` would write it from and ron reads it the same.
        #[test]
        fn the_fast_reader_never_disagrees_with_ron(
            entries in proptest::collection::vec(entry(), 1..4),
            versions in proptest::collection::vec(version(), 0..2),
            at in any::<proptest::sample::Index>(),
            cut in 0_usize..4,
            insert in "[ a0,\"\\\\\n()\\[\\]u{}:需]{0,3}",
        ) {
            let file = TagsFile {
                format: FORMAT_VERSION,
                document: DocumentRef {
                    symbol: None,
                    language: "en".to_owned(),
                    fingerprint: "0".repeat(32),
                    file: None,
                },
                revision: Some("0123456789abcdef".to_owned()),
                ancestors: vec!["fedcba9876543210".to_owned()],
                versions,
                annotations: entries,
            };
            let text = to_string(&file);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let start = boundaries[at.index(boundaries.len())];
            let end = text[start..]
                .char_indices()
                .nth(cut)
                .map_or(text.len(), |(i, _)| start + i);
            let edited = format!("{}{insert}{}", &text[..start], &text[end..]);
            prop_assert_eq!(canonical_reader_disagrees(&edited), None);
        }

        #[test]
        fn loading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse(&bytes);
        }
    }
}

/// Open, save, open, save: what the fuzz target `tags_file` checks for every file it makes.
fn second_save_equals_first(text: &str) {
    let document = seed_document();
    let fingerprints = Fingerprints::new(&document);
    let save = |file: &TagsFile| {
        let anchored = anchor(file, &document, &fingerprints);
        build(
            &document,
            &fingerprints,
            None,
            &anchored.annotations,
            &anchored.orphans,
        )
    };
    let file = parse(text.as_bytes()).unwrap();
    let first = save(&file);
    let second = save(&parse(to_string(&first).as_bytes()).unwrap());
    assert_eq!(second, first);
}

/// Found by `cargo fuzz run tags_file`: two entries claim paragraph 19's text. The first
/// takes it and the second becomes an orphan; the saved file lists the orphan first (by its
/// number, 10), and anchoring in file order then gave paragraph 19 to the orphan and orphaned
/// the entry that had it: its note moved at every save. Exact matches now go first.
#[test]
fn an_orphan_never_takes_the_paragraph_of_the_entry_that_had_it() {
    let document = seed_document();
    let fingerprints = Fingerprints::new(&document);
    let index = document.paragraphs().position(|p| p.number == 19).unwrap();
    let fingerprint = &fingerprints.paragraphs[index];
    let good = documented_example();
    let entries = format!(
        "annotations: [
        (paragraph: 10, fingerprint: \"{fingerprint}\", quote: \"许多发言者强调指出\",
         tags: [\"challenge\"], note: \"司法协助：与首都核实。\"),
        (paragraph: 10, fingerprint: \"{fingerprint}\", quote: \"许多发言者强调指出在提供及时有效的司法协劀察部门\",
         tags: [\"proposal\"]),
    ],
)
"
    );
    let text = format!("{}{entries}", &good[..good.find("annotations:").unwrap()]);
    let first = anchor(&parse(text.as_bytes()).unwrap(), &document, &fingerprints);
    assert_eq!(
        first.annotations.note(ParagraphIndex(index)),
        "司法协助：与首都核实。"
    );
    assert_eq!(first.orphans.len(), 1);
    second_save_equals_first(&text);
}

#[test]
fn a_misspelt_field_is_refused_not_dropped_at_the_next_save() {
    let misspelt = documented_example().replacen("note:", "notes:", 1);
    let message = parse(misspelt.as_bytes()).unwrap_err().to_string();
    assert!(message.contains("notes"), "{message}");
    let at = misspelt.find("notes:").unwrap();
    assert!(
        message.starts_with(&format!("line {}, ", misspelt[..at].lines().count())),
        "{message}"
    );
}

/// Found by `cargo fuzz run tags_file`: an entry with no tag and no note took its paragraph
/// (and then left no annotation), so a second entry for that paragraph became an orphan that
/// the next save dropped. Entries that carry nothing are now skipped.
#[test]
fn an_entry_with_nothing_in_it_takes_no_paragraph() {
    let document = seed_document();
    let fingerprints = Fingerprints::new(&document);
    let good = documented_example();
    let empty_then_tagged = good.replacen(
        "annotations: [",
        "annotations: [
        (paragraph: 4, fingerprint: \"cc04ff22c08800a7\", quote: \"认识到\", tags: [], note: \"\"),",
        1,
    );
    let file = parse(empty_then_tagged.as_bytes()).unwrap();
    let anchored = anchor(&file, &document, &fingerprints);
    assert!(anchored.orphans.is_empty(), "{:?}", anchored.orphans);
    assert_eq!(anchored.exact, file.annotations.len() - 1);
    second_save_equals_first(&empty_then_tagged);
}

#[test]
fn the_fast_reader_reads_what_paratag_writes_and_nothing_else() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/seeds/tags_file/seed.tags.ron"
    ))
    .unwrap();
    let file = canonical::read(&text).expect("a file paratag wrote");
    assert_eq!(read_with_ron(&text), Ok(file.clone()));
    assert_eq!(file.annotations.len(), text.matches("paragraph: ").count());
    assert_eq!(file.annotations[0].note.lines().count(), 2);

    // The same file as an editor might leave it: each is declined by the fast reader and
    // read by ron to the same annotations.
    let edited = [
        text.replace('\n', "\r\n"),
        text.replace("    ", "  "),
        text.replace("// paratag tags file (docs/tags-format.md)\n", ""),
        text.replace("paragraph: 4,", "paragraph: 04,"),
        text.replace("        ),\n    ],", "        )\n    ],"),
        format!("{text}\n"),
    ];
    for edited in &edited {
        assert_ne!(edited, &text);
        assert_eq!(canonical::read(edited), None, "{edited}");
        assert_eq!(parse(edited.as_bytes()).as_ref(), Ok(&file), "{edited}");
    }
}

#[test]
fn control_characters_round_trip_through_both_readers() {
    let mut file = parse(documented_example().as_bytes()).unwrap();
    file.annotations[0].note =
        "\0 bell\u{7} esc\u{1b} del\u{7f} nel\u{85} \t\r\n\"\\ 需".to_owned();
    let text = to_string(&file);
    assert!(
        text.contains(r#"note: "\u{0} bell\u{7} esc\u{1b} del\u{7f} nel\u{85} \t\r\n\"\\ 需","#)
    );
    assert_eq!(canonical::read(&text), Some(file.clone()));
    assert_eq!(read_with_ron(&text), Ok(file));
    // Escapes `to_string` never writes are ron's to read, or to refuse.
    for other in [r"\u{07}", r"\u{41}", r"\u{A}", r"\x07", r"\'"] {
        let edited = text.replace(r"\u{7}", other);
        assert_eq!(canonical::read(&edited), None, "{other}");
        assert_eq!(canonical_reader_disagrees(&edited), None);
    }
}

#[test]
fn a_newer_format_is_refused_by_either_reader() {
    let newer = FORMAT_VERSION + 1;
    let text = to_string(&parse(documented_example().as_bytes()).unwrap())
        .replace("format: 1,", &format!("format: {newer},"));
    assert!(canonical::read(&text).is_some());
    assert_eq!(
        parse(text.as_bytes()),
        Err(LoadError::Newer { found: newer })
    );
    assert_eq!(read_with_ron(&text), Err(LoadError::Newer { found: newer }));
}

//! Briefing notes from the seed with a fixed tags file: golden files for each text format, the
//! `.docx` checked as a real package, the CSV read back, and the command line writing the same
//! bytes as the window. `UPDATE_GOLDEN=1 cargo test --test export` rewrites the golden files
//! after a deliberate change.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag};
use paratag::export::{ExportOptions, Format, Grouping, NoteLanguage, Paper};
use paratag::scratch::Scratch;
use paratag::tagged_report::{Loaded, TaggedReport, read_tags};
use paratag::{builtin_report, tags_file};

const DATE: &str = "2026-11-27";

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// The fixed tags: challenges, good practices and proposals with Chinese and English notes,
/// quotation marks and a newline, and a run of consecutive proposals without notes.
fn fixed_tags() -> String {
    let document = builtin_report::document().unwrap();
    let mut annotations = Annotations::default();
    let changed = Some(std::time::UNIX_EPOCH + std::time::Duration::from_hours(498_832));
    for (number, tags, note) in [
        (
            4_usize,
            &[Tag::Challenge][..],
            "程序要求过多：列为首要挑战。\nRaise with the Secretariat.",
        ),
        (5, &[Tag::Challenge], ""),
        (
            10,
            &[Tag::GoodPractice, Tag::Proposal],
            "Bilateral asset-sharing treaty — the \"good practice\" quoted by one speaker.",
        ),
        (12, &[Tag::Proposal], ""),
        (13, &[Tag::Proposal], ""),
        (14, &[Tag::Proposal], ""),
        (
            19,
            &[Tag::Challenge, Tag::GoodPractice],
            "司法协助：与首都核实。",
        ),
        (21, &[Tag::GoodPractice], ""),
    ] {
        annotations.insert(
            ParagraphIndex(number - 1),
            Annotation {
                tags: tags.iter().copied().collect(),
                note: note.to_owned(),
                changed,
                ..Default::default()
            },
        );
    }
    let fingerprints = tags_file::Fingerprints::new(&document);
    tags_file::to_string(&tags_file::build(
        &document,
        &fingerprints,
        Some(builtin_report::FILE_NAME),
        &annotations,
        &[],
    ))
}

/// The seed and the fixed tags in a scratch directory, as a delegate would have them.
/// The folder goes when the returned guard is dropped, also when the test fails.
fn workspace(name: &str) -> Scratch {
    let scratch = Scratch::new(&format!("export-{name}"));
    let dir = scratch.path();
    std::fs::write(dir.join(builtin_report::FILE_NAME), builtin_report::TEXT).unwrap();
    std::fs::copy(
        golden("seed.tags.ron"),
        dir.join("CAC-COSP-WG.2-2017-L.1-Add.1.zh.tags.ron"),
    )
    .unwrap();
    scratch
}

/// The built-in report with the fixed tags, read and anchored as the window and the command
/// line do.
fn tagged(dir: &Path) -> TaggedReport {
    let document = paratag::parse::read_report(&dir.join(builtin_report::FILE_NAME)).unwrap();
    let mut tagged = TaggedReport::new(document);
    let read = read_tags(&dir.join("CAC-COSP-WG.2-2017-L.1-Add.1.zh.tags.ron"))
        .unwrap()
        .unwrap();
    assert!(matches!(
        tagged.take_tags(&read.file, false),
        Loaded::Anchored { orphans: 0, .. }
    ));
    tagged
}

fn options(language: NoteLanguage, grouping: Grouping) -> ExportOptions {
    ExportOptions {
        grouping,
        date: DATE.to_owned(),
        ..ExportOptions::new(language)
    }
}

#[test]
fn the_fixed_tags_file_is_what_the_code_makes() {
    let made = fixed_tags();
    if updating() {
        std::fs::write(golden("seed.tags.ron"), &made).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(golden("seed.tags.ron")).unwrap(),
        made
    );
}

/// Format 3 as the code writes it, and every earlier format read into it: the fixed tags
/// (format 1) and the format-2 golden file open unchanged — their annotations name no author —
/// and their tags build the same file again (a save adds its revision); one tag changed by a named user
/// makes the file format 3 with that name on that entry alone
/// (`tests/golden/seed.format3.tags.ron`, also a fuzz seed).
#[test]
fn format_3_names_who_tagged_and_earlier_formats_migrate() {
    let scratch = workspace("format3");
    for (golden_name, format) in [("seed.tags.ron", 1), ("seed.format2.tags.ron", 2)] {
        let text = std::fs::read_to_string(golden(golden_name)).unwrap();
        let file = tags_file::parse(text.as_bytes()).unwrap();
        assert_eq!(file.format, format);
        assert!(file.annotations.iter().all(|entry| entry.author.is_none()));
        let mut report = TaggedReport::new(builtin_report::document().unwrap());
        report.take_tags(&file, false);
        let again = tags_file::to_string(&report.tags_file(Some(builtin_report::FILE_NAME)));
        assert_eq!(again, text, "{golden_name} is written back as it was");
    }
    let mut report = tagged(scratch.path());
    report.set_author(Some("李明 (Li Ming)"));
    report.toggle_tag(ParagraphIndex(8), Tag::Proposal, fixed_moment());
    let made = tags_file::to_string(&report.tags_file(Some(builtin_report::FILE_NAME)));
    if updating() {
        std::fs::write(golden("seed.format3.tags.ron"), &made).unwrap();
        std::fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/seeds/tags_file/seed.format3.tags.ron"),
            &made,
        )
        .unwrap();
    }
    let golden_text = std::fs::read_to_string(golden("seed.format3.tags.ron")).unwrap();
    assert_eq!(golden_text, made);
    assert!(made.contains("    format: 3,"));
    assert_eq!(
        made.matches("author: \"李明 (Li Ming)\"").count(),
        1,
        "{made}"
    );
    let file = tags_file::parse(golden_text.as_bytes()).unwrap();
    let mut again = TaggedReport::new(builtin_report::document().unwrap());
    again.take_tags(&file, false);
    assert_eq!(again.annotations(), report.annotations());
    assert_eq!(
        again
            .annotations()
            .get(ParagraphIndex(8))
            .unwrap()
            .author
            .as_deref(),
        Some("李明 (Li Ming)")
    );
}

/// Format 2 as the code writes it: the fixed tags saved with the English version beside the
/// report and a suggestion dismissed on paragraph 7 (`tests/golden/seed.format2.tags.ron`, also
/// a seed of the `tags_file` fuzz target). Read back, it gives the same tags on the Chinese
/// report, and on the English version every tag on its paragraph and the Chinese named as the
/// other version.
#[test]
fn format_2_is_what_the_code_makes_and_serves_both_versions() {
    let scratch = workspace("format2");
    let mut chinese = tagged(scratch.path());
    let english_document = builtin_report::english().unwrap();
    let rows = paratag::parallel::align(chinese.document(), &english_document);
    chinese.record_version(
        &english_document,
        &rows,
        Some(builtin_report::ENGLISH_FILE_NAME),
    );
    chinese.dismiss(ParagraphIndex(6), [Tag::GoodPractice].into_iter().collect());
    let made = tags_file::to_string(&chinese.tags_file(Some(builtin_report::FILE_NAME)));
    if updating() {
        std::fs::write(golden("seed.format2.tags.ron"), &made).unwrap();
        std::fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/seeds/tags_file/seed.format2.tags.ron"),
            &made,
        )
        .unwrap();
    }
    let golden_text = std::fs::read_to_string(golden("seed.format2.tags.ron")).unwrap();
    assert_eq!(golden_text, made);
    assert!(made.contains("    format: 2,"));

    let file = tags_file::parse(golden_text.as_bytes()).unwrap();
    let mut again = TaggedReport::new(builtin_report::document().unwrap());
    again.take_tags(&file, false);
    assert_eq!(again.annotations(), chinese.annotations());

    let mut english = TaggedReport::new(english_document);
    assert_eq!(
        english.take_tags(&file, false),
        Loaded::Anchored {
            exact: chinese.annotations().iter().count(),
            moved: 0,
            fuzzy: 0,
            orphans: 0
        }
    );
    for (paragraph, annotation) in chinese.annotations().iter() {
        assert_eq!(english.annotations().tags(paragraph), annotation.tags);
    }
    let saved = english.tags_file(Some(builtin_report::ENGLISH_FILE_NAME));
    assert_eq!(saved.document.language, "en");
    assert_eq!(
        saved.versions[0].file.as_deref(),
        Some(builtin_report::FILE_NAME)
    );
}

/// (golden file, format, language, grouping)
const GOLDEN: [(&str, Format, NoteLanguage, Grouping); 11] = [
    (
        "seed.zh.txt",
        Format::Text,
        NoteLanguage::Chinese,
        Grouping::ByTag,
    ),
    (
        "seed.zh.html",
        Format::Html,
        NoteLanguage::Chinese,
        Grouping::ByTag,
    ),
    (
        "seed.zh.csv",
        Format::Csv,
        NoteLanguage::Chinese,
        Grouping::Document,
    ),
    (
        "seed.fr.txt",
        Format::Text,
        NoteLanguage::French,
        Grouping::ByTag,
    ),
    (
        "seed.es.md",
        Format::Markdown,
        NoteLanguage::Spanish,
        Grouping::Document,
    ),
    (
        "seed.en.md",
        Format::Markdown,
        NoteLanguage::English,
        Grouping::ByTag,
    ),
    (
        "seed.zh.md",
        Format::Markdown,
        NoteLanguage::Chinese,
        Grouping::ByTag,
    ),
    (
        "seed.en.txt",
        Format::Text,
        NoteLanguage::English,
        Grouping::ByTag,
    ),
    (
        "seed.en.html",
        Format::Html,
        NoteLanguage::English,
        Grouping::ByTag,
    ),
    (
        "seed.en.csv",
        Format::Csv,
        NoteLanguage::English,
        Grouping::ByTag,
    ),
    (
        "seed.document-order.zh.txt",
        Format::Text,
        NoteLanguage::Chinese,
        Grouping::Document,
    ),
];

#[test]
fn golden_files_for_each_text_format() {
    let scratch = workspace("golden");
    let dir = scratch.path();
    let tagged = tagged(dir);
    for (name, format, language, grouping) in GOLDEN {
        let bytes = tagged.export(&options(language, grouping), format).unwrap();
        if updating() {
            std::fs::write(golden(name), &bytes).unwrap();
        }
        let expected = std::fs::read(golden(name)).unwrap();
        assert!(
            bytes == expected,
            "{name} differs from its golden file:\n{}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

/// The Word note's text and layout in both languages: its main part
/// (`word/document.xml`) against a golden file (the package around it is checked below).
#[test]
fn golden_word_document_parts() {
    let scratch = workspace("golden-docx");
    let tagged = tagged(scratch.path());
    for (name, language) in [
        ("seed.en.docx.document.xml", NoteLanguage::English),
        ("seed.zh.docx.document.xml", NoteLanguage::Chinese),
    ] {
        let bytes = tagged
            .export(&options(language, Grouping::ByTag), Format::Docx)
            .unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        if updating() {
            std::fs::write(golden(name), &xml).unwrap();
        }
        let expected = std::fs::read_to_string(golden(name)).unwrap();
        assert!(xml == expected, "{name} differs from its golden file");
    }
}

#[test]
fn every_excerpt_carries_its_citation() {
    let scratch = workspace("citations");
    let dir = scratch.path();
    let tagged = tagged(dir);
    let english = String::from_utf8(
        tagged
            .export(
                &options(NoteLanguage::English, Grouping::ByTag),
                Format::Markdown,
            )
            .unwrap(),
    )
    .unwrap();
    for citation in [
        "CAC/COSP/WG.2/2017/L.1/Add.1, para. 4",
        "CAC/COSP/WG.2/2017/L.1/Add.1, para. 5",
        "CAC/COSP/WG.2/2017/L.1/Add.1, paras. 12–14",
        "CAC/COSP/WG.2/2017/L.1/Add.1, para. 19",
    ] {
        assert!(english.contains(citation), "{citation} missing");
    }
    let chinese = String::from_utf8(
        tagged
            .export(
                &options(NoteLanguage::Chinese, Grouping::ByTag),
                Format::Markdown,
            )
            .unwrap(),
    )
    .unwrap();
    assert!(chinese.contains("CAC/COSP/WG.2/2017/L.1/Add.1，第12至14段"));
    assert!(chinese.contains("## 提议"));
}

#[test]
fn the_docx_is_a_valid_package_with_every_excerpt_and_citation() {
    let scratch = workspace("docx");
    let dir = scratch.path();
    let tagged = tagged(dir);
    let bytes = tagged
        .export(
            &options(NoteLanguage::English, Grouping::ByTag),
            Format::Docx,
        )
        .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let document_xml = read("word/document.xml");
    let styles_xml = read("word/styles.xml");
    let document = roxmltree::Document::parse(&document_xml).unwrap();
    let text: String = document
        .descendants()
        .filter(|node| node.has_tag_name("t"))
        .filter_map(|node| node.text())
        .collect();
    let seed = builtin_report::document().unwrap();
    let paragraph = |n: usize| seed.paragraphs().nth(n - 1).unwrap().text.clone();
    for expected in [
        "Briefing note: CAC/COSP/WG.2/2017/L.1/Add.1".to_owned(),
        paragraph(4),
        paragraph(10),
        paragraph(13),
        paragraph(21),
        "— CAC/COSP/WG.2/2017/L.1/Add.1, paras. 12–14".to_owned(),
        "— CAC/COSP/WG.2/2017/L.1/Add.1, para. 21".to_owned(),
        "Raise with the Secretariat.".to_owned(),
    ] {
        assert!(
            text.contains(&expected),
            "{expected} missing from the document text"
        );
    }
    // Real styles: quotes, citations and notes are paragraphs of their own styles, defined.
    let styles_used: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("pStyle"))
        .filter_map(|node| {
            node.attributes()
                .find(|a| a.name() == "val")
                .map(|a| a.value())
        })
        .collect();
    for style in ["Title", "Heading1", "Quote", "Citation", "Note"] {
        assert!(styles_used.contains(&style), "{style} not used");
        assert!(
            styles_xml.contains(&format!("w:styleId=\"{style}\"")),
            "{style} not defined"
        );
    }
    roxmltree::Document::parse(&styles_xml).unwrap();
}

/// The PDF note's layout in both languages against a golden file: each page's size, then
/// every line as a PDF reader finds it — where it starts and its baseline band, in points,
/// and its text — then the page furniture. A change of line breaking (kinsoku, hyphen-free
/// Latin breaks), of a page break or of spacing shows in a diff that a person can read.
#[test]
fn golden_pdf_layout() {
    use std::fmt::Write as _;
    let scratch = workspace("golden-pdf");
    let tagged = tagged(scratch.path());
    for (name, language, paper) in [
        ("seed.en.pdf.layout.txt", NoteLanguage::English, Paper::A4),
        (
            "seed.zh.pdf.layout.txt",
            NoteLanguage::Chinese,
            Paper::Letter,
        ),
    ] {
        let options = ExportOptions {
            paper,
            ..options(language, Grouping::ByTag)
        };
        let bytes = tagged.export(&options, Format::Pdf).unwrap();
        let read = paratag::import::pdf::read(&bytes).unwrap();
        let mut layout = String::new();
        let mut page = usize::MAX;
        for (line, region) in read.text.lines().zip(&read.lines) {
            if region.page != page {
                page = region.page;
                let [width, height] = read.page_sizes[page];
                writeln!(layout, "== page {} ({width:.1} × {height:.1})", page + 1).unwrap();
            }
            writeln!(
                layout,
                "{:6.1} {:6.1}–{:<6.1} {line}",
                region.left, region.top, region.bottom
            )
            .unwrap();
        }
        layout.push_str("== furniture\n");
        layout.push_str(&read.furniture);
        layout.push('\n');
        if updating() {
            std::fs::write(golden(name), &layout).unwrap();
        }
        let expected = std::fs::read_to_string(golden(name)).unwrap();
        assert!(
            layout == expected,
            "{name} differs from its golden file:\n{layout}"
        );
    }
}

/// The PDF note, read back as a PDF reader reads it: every quoted paragraph and citation is
/// text (the glyphs map to their characters), on A4 or Letter as asked, the symbol in every
/// page's header and "Page N of M" (第N页，共M页) in its footer, the shipped font embedded.
#[test]
fn the_pdf_reads_back_with_every_excerpt_its_pages_numbered_on_the_paper_asked() {
    let scratch = workspace("pdf");
    let tagged = tagged(scratch.path());
    let seed = builtin_report::document().unwrap();
    let squeeze = |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
    let paragraph = |n: usize| squeeze(&seed.paragraphs().nth(n - 1).unwrap().text);
    for (language, paper, size, page_of) in [
        (
            NoteLanguage::English,
            Paper::A4,
            [595.28, 841.89],
            "Page {page} of {pages}",
        ),
        (
            NoteLanguage::Chinese,
            Paper::Letter,
            [612.0, 792.0],
            "第{page}页，共{pages}页",
        ),
    ] {
        let options = ExportOptions {
            paper,
            ..options(language, Grouping::ByTag)
        };
        let bytes = tagged.export(&options, Format::Pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let read = paratag::import::pdf::read(&bytes).unwrap();
        assert!(read.pages >= 2, "{language:?}: {} pages", read.pages);
        for page_size in &read.page_sizes {
            assert!(
                (page_size[0] - size[0]).abs() < 0.5 && (page_size[1] - size[1]).abs() < 0.5,
                "{paper:?}: {page_size:?}"
            );
        }
        let body = squeeze(&read.text);
        for n in [4, 5, 10, 12, 13, 14, 19, 21] {
            assert!(
                body.contains(&paragraph(n)),
                "{language:?}: paragraph {n} missing"
            );
        }
        let note = tagged.export(&options, Format::Text).unwrap();
        let note = String::from_utf8(note).unwrap();
        for citation in note.lines().filter(|line| line.starts_with("— ")) {
            assert!(body.contains(&squeeze(citation)), "{citation} missing");
        }
        let furniture = squeeze(&read.furniture);
        for page in 1..=read.pages {
            let footer = page_of
                .replace("{page}", &page.to_string())
                .replace("{pages}", &read.pages.to_string());
            assert!(furniture.contains(&squeeze(&footer)), "{footer} missing");
        }
        assert_eq!(
            furniture.matches("CAC/COSP/WG.2/2017/L.1/Add.1").count(),
            read.pages,
            "the symbol heads every page"
        );
    }
}

/// The Word note as a delegate sends it up: spaced blocks, no faux italics, the note marked
/// in the margin, the symbol in every page's header, "Page N of M" in the footer as fields,
/// and document properties naming the note, its author and its date — in both languages.
#[test]
fn the_docx_has_spacing_a_header_a_paged_footer_and_its_properties() {
    let scratch = workspace("docx-parts");
    let dir = scratch.path();
    let tagged = tagged(dir);
    for (language, page_of, title) in [
        (NoteLanguage::English, ["Page ", " of "], "Briefing note: "),
        (NoteLanguage::Chinese, ["第", "页，共"], "简报："),
    ] {
        let options = ExportOptions {
            author: "Ana Ruiz & <Co>".to_owned(),
            ..options(language, Grouping::ByTag)
        };
        let bytes = tagged.export(&options, Format::Docx).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let (styles, header, footer, core) = (
            read("word/styles.xml"),
            read("word/header1.xml"),
            read("word/footer1.xml"),
            read("docProps/core.xml"),
        );
        let styles = roxmltree::Document::parse(&styles).unwrap();
        let style = |id: &str| {
            styles
                .descendants()
                .find(|node| {
                    node.has_tag_name("style")
                        && node
                            .attributes()
                            .any(|a| a.name() == "styleId" && a.value() == id)
                })
                .unwrap_or_else(|| panic!("style {id} missing"))
        };
        let has = |node: roxmltree::Node<'_, '_>, tag: &str| {
            node.descendants().any(|child| child.has_tag_name(tag))
        };
        let spacing_after = |id: &str| -> u32 {
            style(id)
                .descendants()
                .find(|node| node.has_tag_name("spacing"))
                .and_then(|node| node.attributes().find(|a| a.name() == "after"))
                .and_then(|a| a.value().parse().ok())
                .unwrap_or(0)
        };
        for id in ["Quote", "ReportSection", "Note"] {
            assert!(!has(style(id), "i"), "{id} is italic");
        }
        for id in ["Title", "Heading1", "Quote", "Citation", "Note"] {
            assert!(spacing_after(id) > 0, "{id} has no space after it");
        }
        // The note's space after sets it apart from the next excerpt, more than a quote's.
        assert!(spacing_after("Note") > spacing_after("Quote"));
        assert!(has(style("Note"), "pBdr"), "the note has no margin bar");

        assert!(header.contains("CAC/COSP/WG.2/2017/L.1/Add.1"), "{header}");
        let footer_doc = roxmltree::Document::parse(&footer).unwrap();
        let fields: Vec<&str> = footer_doc
            .descendants()
            .filter(|node| node.has_tag_name("instrText"))
            .filter_map(|node| node.text())
            .map(str::trim)
            .collect();
        assert_eq!(fields, ["PAGE", "NUMPAGES"], "{footer}");
        for words in page_of {
            assert!(footer.contains(words), "{words} missing: {footer}");
        }

        let core = roxmltree::Document::parse(&core).unwrap();
        let value = |tag: &str| {
            core.descendants()
                .find(|node| node.has_tag_name(tag))
                .and_then(|node| node.text())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(
            value("title"),
            format!("{title}CAC/COSP/WG.2/2017/L.1/Add.1")
        );
        assert_eq!(value("creator"), "Ana Ruiz & <Co>");
        assert_eq!(value("created"), format!("{DATE}T00:00:00Z"));
        assert_eq!(value("modified"), format!("{DATE}T00:00:00Z"));
    }
}

#[test]
fn the_csv_reads_back_to_the_same_rows() {
    let scratch = workspace("csv");
    let dir = scratch.path();
    let tagged = tagged(dir);
    let options = options(NoteLanguage::English, Grouping::ByTag);
    let bytes = tagged.export(&options, Format::Csv).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 BOM for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "symbol",
            "first_paragraph",
            "last_paragraph",
            "heading",
            "tags",
            "quote",
            "note",
            "citation"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let seed = builtin_report::document().unwrap();
    let note = paratag::export::prepare(&seed, tagged.annotations(), &[], &options).unwrap();
    let expected: Vec<Vec<String>> = note
        .sections
        .iter()
        .flat_map(|section| &section.excerpts)
        .map(|excerpt| {
            vec![
                "CAC/COSP/WG.2/2017/L.1/Add.1".to_owned(),
                excerpt.first.to_string(),
                excerpt.last.to_string(),
                excerpt.heading.clone().unwrap_or_default(),
                excerpt
                    .tags
                    .iter()
                    .map(|tag| tag.key())
                    .collect::<Vec<_>>()
                    .join(";"),
                excerpt.text.clone(),
                excerpt.note.clone(),
                excerpt.citation.clone(),
            ]
        })
        .collect();
    assert_eq!(rows, expected);
    assert!(
        rows.iter().any(|row| row[6].contains("\"good practice\"")),
        "quotes survive"
    );
    assert!(
        rows.iter().any(|row| row[6].contains('\n')),
        "newlines survive"
    );
}

#[test]
fn the_command_line_writes_what_the_window_writes() {
    let scratch = workspace("cli");
    let dir = scratch.path();
    let tagged = tagged(dir);
    let report = dir.join(builtin_report::FILE_NAME);
    for (format, lang, group_by, only) in [
        (Format::Markdown, "en", "tag", ""),
        (Format::Html, "zh", "document", ""),
        (Format::Csv, "en", "tag", "challenge,proposal"),
        (Format::Text, "zh", "tag", "good-practice"),
    ] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_paratag"));
        command.args(["export"]).arg(&report).args([
            "--format",
            format.extension(),
            "--lang",
            lang,
            "--group-by",
            group_by,
            "--date",
            DATE,
        ]);
        if !only.is_empty() {
            command.args(["--only", only]);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let only: Vec<String> = only
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let options =
            paratag::cli::export_options(group_by, lang, &only, None, false, Some(DATE), "a4");
        assert_eq!(
            output.stdout,
            tagged.export(&options, format).unwrap(),
            "{format} {lang} {group_by}"
        );
    }
    // A Word document goes to a file; its text is the window's.
    let out = dir.join("note.docx");
    let status = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(["export"])
        .arg(&report)
        .args(["--format", "docx", "--date", DATE, "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let from_window = tagged
        .export(
            &options(NoteLanguage::English, Grouping::ByTag),
            Format::Docx,
        )
        .unwrap();
    let document_xml = |bytes: Vec<u8>| {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("word/document.xml").unwrap(),
            &mut text,
        )
        .unwrap();
        text
    };
    assert_eq!(
        document_xml(std::fs::read(&out).unwrap()),
        document_xml(from_window)
    );
}

#[test]
fn exporting_nothing_is_a_clear_message_and_writes_nothing() {
    let scratch = workspace("nothing");
    let dir = scratch.path();
    let report = dir.join(builtin_report::FILE_NAME);
    let out = dir.join("note.md");
    let output = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(["export"])
        .arg(&report)
        .args([
            "--format",
            "md",
            "--only",
            "good-practice",
            "--date",
            DATE,
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "there are good practices");
    std::fs::remove_file(&out).unwrap();

    std::fs::write(
        dir.join("CAC-COSP-WG.2-2017-L.1-Add.1.zh.tags.ron"),
        fixed_tags()
            .replace("\"challenge\", ", "")
            .replace("\"challenge\"", ""),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(["export"])
        .arg(&report)
        .args(["--format", "md", "--only", "challenge", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("nothing to export"), "{stderr}");
    assert!(!out.exists(), "no empty file");

    let output = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(["export"])
        .arg(&report)
        .args(["--format", "docx"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("-o FILE.docx")
    );
}

/// A report with its cover page (the English test report of 2019): the note's title block
/// names the report by its printed title and meeting, in every format.
#[test]
fn the_title_block_names_the_report_and_its_meeting() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt");
    let mut tagged = TaggedReport::new(paratag::parse::read_report(&path).unwrap());
    let at = fixed_moment();
    tagged.toggle_tag(ParagraphIndex(1), Tag::Challenge, at);
    tagged.toggle_tag(ParagraphIndex(2), Tag::Proposal, at);
    let title = "Report on the meeting of the Working Group on Asset Recovery held in Vienna \
                 from 4 to 6 September 2019";
    let meeting = "Working Group on Asset Recovery, Vienna, 4-6 September 2019";
    let options = options(NoteLanguage::English, Grouping::ByTag);
    let markdown = tagged.export(&options, Format::Markdown).unwrap();
    if updating() {
        std::fs::write(golden("cover.en.md"), &markdown).unwrap();
    }
    assert!(
        markdown == std::fs::read(golden("cover.en.md")).unwrap(),
        "cover.en.md differs from its golden file:\n{}",
        String::from_utf8_lossy(&markdown)
    );
    for format in [Format::Text, Format::Html] {
        let text = String::from_utf8(tagged.export(&options, format).unwrap()).unwrap();
        let head = &text[..text.find("Challenges:").unwrap()];
        assert!(head.contains(title), "{format}: {head}");
        assert!(head.contains(meeting), "{format}: {head}");
    }
    let docx = tagged.export(&options, Format::Docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let title_at = xml.find(title).unwrap();
    assert!(xml[..title_at].contains("w:val=\"ReportTitle\""));
    assert!(xml[title_at..].find(meeting) < xml[title_at..].find("Challenges:"));
    // The built-in addendum prints no cover page: its note names the symbol alone.
    let seed_note =
        String::from_utf8(tagged_seed().export(&options, Format::Markdown).unwrap()).unwrap();
    assert!(seed_note.starts_with("# Briefing note: CAC/COSP/WG.2/2017/L.1/Add.1\n\nExported:"));
}

/// A fixed moment for tags made in a test (the note never prints it; the tags file does).
fn fixed_moment() -> paratag::history::Moment {
    paratag::history::Moment::at(
        std::time::Instant::now(),
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000),
    )
}

fn tagged_seed() -> TaggedReport {
    tagged(workspace("title-block").path())
}

/// A meeting's documents in one note: `paratag export A B …` reads each report's tags from
/// beside it; grouped by tag, every report's excerpts stand under each tag; in document order,
/// each report is a section; every excerpt cites its own report.
#[test]
fn one_note_across_several_reports_cites_each_excerpt_by_its_own_report() {
    let scratch = workspace("several");
    let dir = scratch.path();
    let seed_report = dir.join(builtin_report::FILE_NAME);
    // The English test report of 2019, tagged and saved as the window saves.
    let cover = dir.join("CAC-COSP-WG.2-2019-4.en.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt"),
        &cover,
    )
    .unwrap();
    let mut english = TaggedReport::new(paratag::parse::read_report(&cover).unwrap());
    let at = fixed_moment();
    english.toggle_tag(ParagraphIndex(1), Tag::Challenge, at);
    english.toggle_tag(ParagraphIndex(3), Tag::Proposal, at);
    std::fs::write(
        cover.with_extension("tags.ron"),
        tags_file::to_string(&english.tags_file(Some("CAC-COSP-WG.2-2019-4.en.txt"))),
    )
    .unwrap();

    let export = |group_by: &str, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_paratag"))
            .arg("export")
            .arg(&seed_report)
            .arg(&cover)
            .args(["--format", "md", "--date", DATE, "--group-by", group_by])
            .args(extra)
            .output()
            .unwrap()
    };
    let by_tag = export("tag", &[]);
    assert!(
        by_tag.status.success(),
        "{}",
        String::from_utf8_lossy(&by_tag.stderr)
    );
    let by_tag = String::from_utf8(by_tag.stdout).unwrap();
    assert!(by_tag.starts_with(
        "# Briefing note: CAC/COSP/WG.2/2017/L.1/Add.1 · CAC/COSP/WG.2/2019/4\n\n\
         **CAC/COSP/WG.2/2017/L.1/Add.1**  \n**CAC/COSP/WG.2/2019/4: Report on the meeting"
    ));
    // Under Challenges: the seed's first, then the 2019 report's, each citing its own symbol.
    let challenges =
        &by_tag[by_tag.find("## Challenges").unwrap()..by_tag.find("## Good").unwrap()];
    let seed_at = challenges
        .find("— CAC/COSP/WG.2/2017/L.1/Add.1, para. 4")
        .unwrap();
    let english_at = challenges.find("— CAC/COSP/WG.2/2019/4, para. 2").unwrap();
    assert!(seed_at < english_at);
    assert!(challenges.contains("### CAC/COSP/WG.2/2019/4 · I. Introduction"));
    assert!(
        by_tag.contains("— CAC/COSP/WG.2/2019/4, para. 4"),
        "the proposal"
    );
    assert!(by_tag.contains("Challenges: 4 · Good practices: 3 · Proposals: 5"));

    let by_report = export("document", &[]);
    assert!(by_report.status.success());
    let by_report = String::from_utf8(by_report.stdout).unwrap();
    let first = by_report.find("## CAC/COSP/WG.2/2017/L.1/Add.1").unwrap();
    let second = by_report.find("## CAC/COSP/WG.2/2019/4").unwrap();
    assert!(first < second);
    assert!(!by_report[first..second].contains("CAC/COSP/WG.2/2019/4, para."));
    assert!(by_report[second..].contains("— CAC/COSP/WG.2/2019/4, para. 2"));

    // CSV: the symbol column is each row's report.
    let csv = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .arg("export")
        .arg(&seed_report)
        .arg(&cover)
        .args(["--format", "csv", "--date", DATE])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.lines()
            .any(|line| line.starts_with("CAC/COSP/WG.2/2019/4,2,2,"))
    );
    assert!(
        csv.lines()
            .any(|line| line.starts_with("CAC/COSP/WG.2/2017/L.1/Add.1,4,4,"))
    );

    // One tags file cannot serve two reports; a report without tags is named; nothing written.
    let refused = export("tag", &["--tags", "x.tags.ron"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--tags names the tags of one report")
    );
    std::fs::remove_file(cover.with_extension("tags.ron")).unwrap();
    let out = dir.join("note.md");
    let missing = export("tag", &["-o", out.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("CAC-COSP-WG.2-2019-4.en.tags.ron"));
    assert!(!out.exists());
}

use super::*;
use crate::annotations::{Annotation, ParagraphIndex};
use crate::builtin_report;

fn options(language: NoteLanguage) -> ExportOptions {
    ExportOptions {
        date: "2026-11-27".to_owned(),
        ..ExportOptions::new(language)
    }
}

fn tagged(entries: &[(usize, &[Tag], &str)]) -> Annotations {
    let mut annotations = Annotations::default();
    for (index, tags, note) in entries {
        annotations.insert(
            ParagraphIndex(*index),
            Annotation {
                tags: tags.iter().copied().collect(),
                note: (*note).to_owned(),
                changed: None,
                ..Default::default()
            },
        );
    }
    annotations
}

const SYMBOL: Option<&str> = Some("CAC/COSP/WG.2/2017/L.1/Add.1");

#[test]
fn dates_as_the_un_prints_them() {
    use NoteLanguage::{Chinese, English};
    assert_eq!(un_date("2026-12-02", English), "2 December 2026");
    assert_eq!(un_date("2026-12-02", Chinese), "2026年12月2日");
    assert_eq!(un_date("2017-01-31", English), "31 January 2017");
    // Not a date in that form: shown as the user gave it.
    for odd in [
        "2 Dec 2026",
        "2026-13-01",
        "2026-1-2",
        "",
        "2026-12-02-x",
        "２０２６-12-02",
    ] {
        assert_eq!(un_date(odd, English), odd);
    }
}

/// French and Spanish notes cite, date and quote as UN documents in those languages do.
#[test]
fn french_and_spanish_notes_in_their_own_style() {
    use NoteLanguage::{French, Spanish};
    assert_eq!(
        citation(SYMBOL, 12, 12, French),
        "CAC/COSP/WG.2/2017/L.1/Add.1, par. 12"
    );
    assert_eq!(citation(None, 12, 13, French), "par. 12 et 13");
    assert_eq!(citation(None, 12, 14, French), "par. 12 à 14");
    assert_eq!(citation(None, 12, 12, Spanish), "párr. 12");
    assert_eq!(citation(None, 12, 13, Spanish), "párrs. 12 y 13");
    assert_eq!(citation(None, 12, 14, Spanish), "párrs. 12 a 14");
    assert_eq!(subparagraph_citation(None, 12, "b", French), "par. 12 b)");
    assert_eq!(subparagraph_citation(None, 12, "b", Spanish), "párr. 12 b)");
    assert_eq!(un_date("2026-12-02", French), "2 décembre 2026");
    assert_eq!(un_date("2026-12-01", French), "1er décembre 2026");
    assert_eq!(un_date("2026-08-15", Spanish), "15 de agosto de 2026");
    assert_eq!(French.quotes(), ("«\u{202f}", "\u{202f}»"));
    assert_eq!(NoteLanguage::from_code("es"), Some(Spanish));
    assert_eq!(NoteLanguage::from_code("de"), None);
}

#[test]
fn citations_in_un_style() {
    use NoteLanguage::{Chinese, English};
    assert_eq!(
        citation(SYMBOL, 12, 12, English),
        "CAC/COSP/WG.2/2017/L.1/Add.1, para. 12"
    );
    assert_eq!(
        citation(SYMBOL, 12, 14, English),
        "CAC/COSP/WG.2/2017/L.1/Add.1, paras. 12–14"
    );
    assert_eq!(
        citation(SYMBOL, 12, 12, Chinese),
        "CAC/COSP/WG.2/2017/L.1/Add.1，第12段"
    );
    assert_eq!(
        citation(SYMBOL, 12, 14, Chinese),
        "CAC/COSP/WG.2/2017/L.1/Add.1，第12至14段"
    );
    assert_eq!(
        subparagraph_citation(SYMBOL, 12, "b", English),
        "CAC/COSP/WG.2/2017/L.1/Add.1, para. 12 (b)"
    );
    assert_eq!(
        subparagraph_citation(SYMBOL, 12, "b", Chinese),
        "CAC/COSP/WG.2/2017/L.1/Add.1，第12(b)段"
    );
    assert_eq!(citation(None, 3, 3, English), "para. 3");
    assert_eq!(citation(None, 3, 5, Chinese), "第3至5段");
    // Two paragraphs are named both, not as a range.
    assert_eq!(
        citation(SYMBOL, 12, 13, English),
        "CAC/COSP/WG.2/2017/L.1/Add.1, paras. 12 and 13"
    );
    assert_eq!(
        citation(SYMBOL, 12, 13, Chinese),
        "CAC/COSP/WG.2/2017/L.1/Add.1，第12和13段"
    );
}

#[test]
fn grouped_by_tag_in_the_chosen_order_with_headings_and_notes() {
    let document = builtin_report::document().unwrap();
    // Paragraphs 4 (challenge + proposal, note), 12 (proposal), 16 (good practice).
    let annotations = tagged(&[
        (3, &[Tag::Challenge, Tag::Proposal], "首要挑战"),
        (11, &[Tag::Proposal], ""),
        (15, &[Tag::GoodPractice], ""),
    ]);
    let mut options = options(NoteLanguage::English);
    options.tag_order = [Tag::Proposal, Tag::Challenge, Tag::GoodPractice];
    let note = prepare(&document, &annotations, &[], &options).unwrap();
    let titles: Vec<&str> = note.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Proposals", "Challenges", "Good practices"]);
    let proposals: Vec<&str> = note.sections[0]
        .excerpts
        .iter()
        .map(|e| e.citation.as_str())
        .collect();
    assert_eq!(
        proposals,
        [
            "CAC/COSP/WG.2/2017/L.1/Add.1, para. 4",
            "CAC/COSP/WG.2/2017/L.1/Add.1, para. 12"
        ]
    );
    let fourth = &note.sections[1].excerpts[0];
    assert_eq!(fourth.note, "首要挑战");
    assert_eq!(
        fourth.heading.as_deref(),
        Some("三. 追回资产任务授权的执行进展概览")
    );
    assert_eq!(
        note.sections[2].excerpts[0].heading.as_deref(),
        Some("四. 关于推进资产追回所涉各实际方面（包括挑战和良好做法）的论坛")
    );
    assert_eq!(
        note.counts,
        [
            (Tag::Proposal, 2),
            (Tag::Challenge, 1),
            (Tag::GoodPractice, 1)
        ]
    );
    assert_eq!(
        note.summary(),
        "Exported: 27 November 2026 · Proposals: 2 · Challenges: 1 · Good practices: 1"
    );
}

#[test]
fn consecutive_paragraphs_without_notes_are_cited_together() {
    let document = builtin_report::document().unwrap();
    // 12, 13, 14 proposals without notes; 15 with a note; 17 after a gap.
    let annotations = tagged(&[
        (11, &[Tag::Proposal], ""),
        (12, &[Tag::Proposal], ""),
        (13, &[Tag::Proposal], ""),
        (14, &[Tag::Proposal], "note"),
        (16, &[Tag::Proposal], ""),
    ]);
    let note = prepare(
        &document,
        &annotations,
        &[],
        &options(NoteLanguage::Chinese),
    )
    .unwrap();
    let citations: Vec<&str> = note.sections[0]
        .excerpts
        .iter()
        .map(|e| e.citation.as_str())
        .collect();
    assert_eq!(
        citations,
        [
            "CAC/COSP/WG.2/2017/L.1/Add.1，第12至14段",
            "CAC/COSP/WG.2/2017/L.1/Add.1，第15段",
            "CAC/COSP/WG.2/2017/L.1/Add.1，第17段",
        ]
    );
    assert_eq!(note.sections[0].excerpts[0].text.matches("\n\n").count(), 2);

    let mut separate = options(NoteLanguage::English);
    separate.merge_consecutive = false;
    let note = prepare(&document, &annotations, &[], &separate).unwrap();
    assert_eq!(note.sections[0].excerpts.len(), 5);
}

#[test]
fn document_order_only_some_tags_and_trimmed_quotes() {
    let document = builtin_report::document().unwrap();
    let annotations = tagged(&[
        (8, &[Tag::GoodPractice], ""),
        (1, &[Tag::Challenge, Tag::Proposal], ""),
        (5, &[Tag::Proposal], ""),
    ]);
    let mut options = options(NoteLanguage::English);
    options.grouping = Grouping::Document;
    options.only = TagSet::only(Tag::Proposal);
    options.trim_chars = Some(10);
    let note = prepare(&document, &annotations, &[], &options).unwrap();
    assert_eq!(note.sections.len(), 1);
    let excerpts = &note.sections[0].excerpts;
    assert_eq!(excerpts.iter().map(|e| e.first).collect::<Vec<_>>(), [2, 6]);
    assert_eq!(
        excerpts[0].tags,
        [Tag::Proposal],
        "only the chosen tags are listed"
    );
    assert_eq!(excerpts[0].text, "发言者强调指出必须充…");
}

#[test]
fn nothing_tagged_is_a_clear_error_not_an_empty_file() {
    let document = builtin_report::document().unwrap();
    let error = prepare(
        &document,
        &Annotations::default(),
        &[],
        &options(NoteLanguage::English),
    )
    .unwrap_err();
    assert_eq!(error, ExportError::NothingTagged);
    assert!(error.to_string().contains("nothing to export"));
    let annotations = tagged(&[(2, &[Tag::Challenge], "")]);
    let mut only_proposals = options(NoteLanguage::English);
    only_proposals.only = TagSet::only(Tag::Proposal);
    assert_eq!(
        prepare(&document, &annotations, &[], &only_proposals).unwrap_err(),
        ExportError::NothingTagged
    );
}

#[test]
fn orphans_are_exported_in_their_own_section() {
    let document = builtin_report::document().unwrap();
    let orphan = crate::tags_file::Orphan {
        paragraph: 31,
        fingerprint: "0".repeat(16),
        quote: "A paragraph of an earlier revision".to_owned(),
        tags: crate::annotations::TagSet::only(crate::annotations::Tag::Challenge),
        note: "still matters".to_owned(),
        changed: String::new(),
        versions: Vec::new(),
        dismissed: crate::annotations::TagSet::EMPTY,
        part: None,
        author: None,
        conflicts: Vec::new(),
        revision: None,
    };
    let note = prepare(
        &document,
        &Annotations::default(),
        &[orphan],
        &options(NoteLanguage::English),
    )
    .unwrap();
    assert!(note.sections.is_empty());
    assert_eq!(note.orphans.len(), 1);
    let markdown = String::from_utf8(render(&note, Format::Markdown).unwrap()).unwrap();
    assert!(
        markdown.contains("## Tags that could not be placed"),
        "{markdown}"
    );
    assert!(markdown.contains("still matters"));
}

/// A paragraph's sub-items, (a), (b), keep their own lines in every format: Markdown with hard
/// breaks (it would run them on), HTML preformatted, text and Word line by line.
/// A report whose paragraph 1 has sub-paragraphs (a) and (b), in English and in Chinese.
const LISTS_EN: &str = "A/AC.1/2026/L.1\n\nI. Recommendations\n\n1. The Working Group recommended:\n\
                        (a) That States share good practices;\n(b) That the Secretariat collect data.\n\
                        2. The Working Group decided to continue.\n";
const LISTS_ZH: &str = "A/AC.1/2026/L.1\n\n一. 建议\n\n1. 工作组建议：\n(a) 各国交流良好做法；\n\
                        (b) 秘书处收集数据。\n2. 工作组决定继续工作。\n";

#[test]
fn a_sub_paragraph_quoted_alone_is_cited_as_one() {
    let document = crate::parse::parse(LISTS_EN.as_bytes()).unwrap();
    let chinese = crate::parse::parse(LISTS_ZH.as_bytes()).unwrap();
    let mut annotations = tagged(&[(0, &[Tag::Proposal], ""), (1, &[Tag::Proposal], "")]);
    annotations.set_part(ParagraphIndex(0), Some("b"));
    let source = Source {
        document: &document,
        annotations: &annotations,
        orphans: &[],
        parallel: Some(&chinese),
    };
    let note = prepare_many(&[source], &options(NoteLanguage::English)).unwrap();
    let excerpts = &note.sections[0].excerpts;
    assert_eq!(excerpts.len(), 2, "never merged with the next paragraph");
    assert_eq!(excerpts[0].text, "(b) That the Secretariat collect data.");
    assert_eq!(
        excerpts[0].parallel.as_deref(),
        Some("(b) 秘书处收集数据。")
    );
    assert_eq!(excerpts[0].citation, "A/AC.1/2026/L.1, para. 1 (b)");
    assert_eq!(excerpts[1].citation, "A/AC.1/2026/L.1, para. 2");

    let zh = crate::parse::parse(LISTS_ZH.as_bytes()).unwrap();
    let note = prepare(&zh, &annotations, &[], &options(NoteLanguage::Chinese)).unwrap();
    let first = &note.sections[0].excerpts[0];
    assert_eq!(first.citation, "A/AC.1/2026/L.1，第1(b)段");
    // A sub-paragraph the text no longer has (another revision): the whole paragraph.
    annotations.set_part(ParagraphIndex(0), Some("f"));
    let note = prepare(
        &document,
        &annotations,
        &[],
        &options(NoteLanguage::English),
    )
    .unwrap();
    let first = &note.sections[0].excerpts[0];
    assert!(first.text.starts_with("The Working Group recommended:"));
    assert_eq!(first.citation, "A/AC.1/2026/L.1, paras. 1 and 2");
}

#[test]
fn sub_items_keep_their_own_lines() {
    let report = "A/AC.1/2026/L.1\n\nI. Recommendations\n\n1. The Working Group recommended:\n\
                  (a) That States share good practices;\n(b) That the Secretariat collect data.\n\
                  2. The Working Group decided to continue.\n";
    let document = crate::parse::parse(report.as_bytes()).unwrap();
    let annotations = tagged(&[(0, &[Tag::Proposal], "")]);
    let note = prepare(
        &document,
        &annotations,
        &[],
        &options(NoteLanguage::English),
    )
    .unwrap();
    let text = |format| String::from_utf8(render(&note, format).unwrap()).unwrap();
    let markdown = text(Format::Markdown);
    assert!(
        markdown.contains(
            "> The Working Group recommended:  \n> (a) That States share good practices;  \n\
             > (b) That the Secretariat collect data.\n"
        ),
        "{markdown}"
    );
    assert!(
        text(Format::Text).contains("recommended:\n(a) That States share good practices;\n(b)"),
        "{}",
        text(Format::Text)
    );
    let html = text(Format::Html);
    assert!(
        html.contains("recommended:\n(a) That States share good practices;\n(b)")
            && html.contains("white-space:pre-wrap"),
        "{html}"
    );
}

/// A note the PDF's font cannot print (an Arabic report quoted) is refused with the
/// characters named and the formats that can show them; the same note exports as Word, and a
/// note in the font's scripts exports as PDF.
#[test]
fn a_pdf_that_would_print_boxes_is_refused_and_says_why() {
    let arabic = crate::parse::parse_text(
        "A/HRC/55/1\n\n1. يرحب المجلس بالتقرير ويشدد على أهمية التعاون الدولي.\n\
         2. يطلب المجلس إلى الأمانة تقديم تقرير.\n",
    )
    .unwrap();
    let annotations = tagged(&[(0, &[Tag::Proposal], "to follow up")]);
    let refused = export(
        &arabic,
        &annotations,
        &[],
        &options(NoteLanguage::English),
        Format::Pdf,
    )
    .unwrap_err();
    let ExportError::PdfCannotShow(characters) = &refused else {
        panic!("{refused}");
    };
    assert!(characters.contains('ي'), "{characters}");
    let message = refused.to_string();
    assert!(
        message.contains("“ي” (U+064A)") && message.contains("Word"),
        "{message}"
    );
    assert!(
        export(
            &arabic,
            &annotations,
            &[],
            &options(NoteLanguage::English),
            Format::Docx
        )
        .is_ok()
    );

    let seed = builtin_report::document().unwrap();
    let seed_tags = tagged(&[(3, &[Tag::Challenge], "需要跟进")]);
    let pdf = export(
        &seed,
        &seed_tags,
        &[],
        &options(NoteLanguage::Chinese),
        Format::Pdf,
    );
    assert!(pdf.is_ok_and(|bytes| bytes.starts_with(b"%PDF-")));
}

/// A bilingual note: each quote is followed by the same paragraphs in the other language
/// version, merged with them when consecutive paragraphs are cited together, and absent where
/// that version lacks the paragraph; CSV gets a column for it, only then.
#[test]
fn a_bilingual_note_quotes_the_other_version_beneath() {
    let chinese = crate::parse::parse_text(
        "A/74/18\n\n一. 导言\n\n1. 第一段。\n\n2. 第二段。\n\n3. 第三段。\n\n4. 第四段。\n",
    )
    .unwrap();
    let english = crate::parse::parse_text(
        "A/74/18\n\nI. Introduction\n\n1. The first paragraph.\n\n2. The second paragraph.\n\n\
         4. The fourth paragraph.\n",
    )
    .unwrap();
    let annotations = tagged(&[
        (0, &[Tag::Proposal], ""),
        (1, &[Tag::Proposal], ""),
        (2, &[Tag::Challenge], "确认"),
    ]);
    let sources = [Source {
        document: &chinese,
        annotations: &annotations,
        orphans: &[],
        parallel: Some(&english),
    }];
    let options = options(NoteLanguage::English);
    let note = prepare_many(&sources, &options).unwrap();
    let excerpts: Vec<&Excerpt> = note.sections.iter().flat_map(|s| &s.excerpts).collect();
    let merged = excerpts.iter().find(|excerpt| excerpt.first == 1).unwrap();
    assert_eq!(merged.last, 2);
    assert_eq!(
        merged.parallel.as_deref(),
        Some("The first paragraph.\n\nThe second paragraph.")
    );
    let third = excerpts.iter().find(|excerpt| excerpt.first == 3).unwrap();
    assert_eq!(
        third.parallel, None,
        "the English version has no paragraph 3"
    );

    let markdown =
        String::from_utf8(export_many(&sources, &options, Format::Markdown).unwrap()).unwrap();
    assert!(
        markdown.contains(
            "> 第一段。\n>\n> 第二段。\n\n> The first paragraph.\n>\n> The second paragraph.\n"
        ),
        "{markdown}"
    );
    let csv = String::from_utf8(export_many(&sources, &options, Format::Csv).unwrap()).unwrap();
    assert!(
        csv.lines().next().unwrap().ends_with(",parallel_quote"),
        "{csv}"
    );
    let plain = export(&chinese, &annotations, &[], &options, Format::Csv).unwrap();
    assert!(!String::from_utf8(plain).unwrap().contains("parallel_quote"));
}

/// Across several reports, grouped by report and then tag: each report's excerpts together,
/// a section per tag within it, named with the report's symbol; by tag, every report's under
/// each tag.
#[test]
fn several_reports_grouped_by_report_then_tag() {
    let first = crate::parse::parse_text(
        "A/74/18\n\nI. Introduction\n\n1. A challenge here.\n\n2. A proposal here.\n",
    )
    .unwrap();
    let second = crate::parse::parse_text(
        "A/HRC/40/3\n\nI. Introduction\n\n1. Another challenge.\n\n2. Another proposal.\n",
    )
    .unwrap();
    let tags = tagged(&[(0, &[Tag::Challenge], ""), (1, &[Tag::Proposal], "")]);
    let source = |document| Source {
        document,
        annotations: &tags,
        orphans: &[],
        parallel: None,
    };
    let sources = [source(&first), source(&second)];
    let titles = |grouping| {
        let options = ExportOptions {
            grouping,
            ..options(NoteLanguage::English)
        };
        let note = prepare_many(&sources, &options).unwrap();
        note.sections
            .iter()
            .map(|section| {
                let cited: Vec<&str> = section
                    .excerpts
                    .iter()
                    .map(|excerpt| excerpt.citation.as_str())
                    .collect();
                format!("{}: {}", section.title, cited.join("; "))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(Grouping::ReportThenTag),
        [
            "A/74/18 · Challenges: A/74/18, para. 1",
            "A/74/18 · Proposals: A/74/18, para. 2",
            "A/HRC/40/3 · Challenges: A/HRC/40/3, para. 1",
            "A/HRC/40/3 · Proposals: A/HRC/40/3, para. 2",
        ]
    );
    assert_eq!(
        titles(Grouping::ByTag),
        [
            "Challenges: A/74/18, para. 1; A/HRC/40/3, para. 1",
            "Proposals: A/74/18, para. 2; A/HRC/40/3, para. 2",
        ]
    );
    // One report: as by tag.
    let one = ExportOptions {
        grouping: Grouping::ReportThenTag,
        ..options(NoteLanguage::English)
    };
    assert_eq!(
        prepare_many(&sources[..1], &one).unwrap().sections,
        prepare_many(&sources[..1], &options(NoteLanguage::English))
            .unwrap()
            .sections
    );
}

/// A note put together from colleagues' tags can name who wrote each note, in every format
/// (the label before the note), or leave the names out (the default).
#[test]
fn notes_can_name_who_wrote_them() {
    let document = crate::parse::parse(LISTS_EN.as_bytes()).unwrap();
    let mut annotations = tagged(&[
        (0, &[Tag::Proposal], "Support this."),
        (1, &[Tag::Proposal], "Ask Vienna."),
    ]);
    for (index, name) in [(0, "Ana Silva"), (1, "李明")] {
        let mut annotation = annotations.get(ParagraphIndex(index)).unwrap().clone();
        annotation.author = Some(name.to_owned());
        annotations.insert(ParagraphIndex(index), annotation);
    }
    let text = |options: &ExportOptions, format| {
        let bytes = export(&document, &annotations, &[], options, format).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let mut english = options(NoteLanguage::English);
    assert!(text(&english, Format::Text).contains("Note: Support this."));
    english.names = true;
    let plain = text(&english, Format::Text);
    assert!(plain.contains("Note (Ana Silva): Support this."), "{plain}");
    assert!(plain.contains("Note (李明): Ask Vienna."), "{plain}");
    assert!(text(&english, Format::Markdown).contains("**Note (Ana Silva):** Support this."));
    assert!(text(&english, Format::Html).contains("<b>Note (Ana Silva):</b>"));
    let mut chinese = options(NoteLanguage::Chinese);
    chinese.names = true;
    assert!(text(&chinese, Format::Text).contains("备注（李明）：Ask Vienna."));
    // The Word document's note paragraph carries the name in its bold label.
    let docx = export(&document, &annotations, &[], &english, Format::Docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Note (Ana Silva): "), "{xml}");
}

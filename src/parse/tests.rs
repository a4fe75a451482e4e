//! Parser tests on whole texts: the seed report, and small reports in the forms UN documents
//! take in other languages. Tests of single-line forms sit beside their functions.

use super::*;
use crate::builtin_report;
use crate::document::Language;

fn seed_document() -> Document {
    builtin_report::document().unwrap()
}

fn paragraphs(document: &Document) -> Vec<(u32, &str)> {
    document
        .paragraphs()
        .map(|paragraph| (paragraph.number, paragraph.text.as_str()))
        .collect()
}

fn paragraph(document: &Document, number: u32) -> &str {
    document
        .paragraphs()
        .find(|paragraph| paragraph.number == number)
        .map_or_else(
            || panic!("no paragraph {number}"),
            |paragraph| paragraph.text.as_str(),
        )
}

// The seed: CAC/COSP/WG.2/2017/L.1/Add.1 in Chinese.

#[test]
fn seed_has_22_paragraphs_in_order_under_two_headings() {
    let document = seed_document();
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=22).collect::<Vec<_>>());

    let headings: Vec<&str> = document.headings().collect();
    assert_eq!(
        headings,
        [
            "三. 追回资产任务授权的执行进展概览",
            "四. 关于推进资产追回所涉各实际方面（包括挑战和良好做法）的论坛",
        ]
    );
    // Heading 三 comes first, paragraphs 1–15 under it, heading 四, then 16–22.
    let order: Vec<String> = document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading(text) => text.chars().take(1).collect(),
            Block::Paragraph(p) => p.number.to_string(),
            Block::Text(text) => format!("text: {text}"),
        })
        .collect();
    let expected: Vec<String> = std::iter::once("三".to_owned())
        .chain((1..=15).map(|n| n.to_string()))
        .chain(std::iter::once("四".to_owned()))
        .chain((16..=22).map(|n| n.to_string()))
        .collect();
    assert_eq!(order, expected);
}

#[test]
fn seed_symbol_and_language() {
    let document = seed_document();
    assert_eq!(
        document.symbol.as_deref(),
        Some("CAC/COSP/WG.2/2017/L.1/Add.1")
    );
    assert_eq!(document.language, Language::Chinese);
}

#[test]
fn seed_paragraphs_begin_and_end_as_printed() {
    let document = seed_document();
    let ends: [(u32, &str, &str); 6] = [
        (1, "秘书处概要介绍了", "些国际论坛开展宣传。"),
        (2, "发言者强调指出", "返还资产的重要性 。"),
        (5, "还强调指出了", "非法资金流问题的重要性。。"),
        (13, "一名发言者明确支持这一提议。", "一个基础。"),
        (
            14,
            "一些代表团对这项提议表示欢迎",
            "这一领域仍然存在的挑战。",
        ),
        (22, "几名发言者指出其本国", "很有价值，应引领今后的努力。"),
    ];
    for (number, start, end) in ends {
        let text = paragraph(&document, number);
        assert!(
            text.starts_with(start),
            "paragraph {number} starts {text:?}"
        );
        assert!(text.ends_with(end), "paragraph {number} ends {text:?}");
    }
    for paragraph in document.paragraphs() {
        let text = &paragraph.text;
        assert_eq!(
            text.trim(),
            text,
            "paragraph {} has untrimmed ends",
            paragraph.number
        );
        assert!(
            line::ends_sentence(text),
            "paragraph {} does not end a sentence: {text:?}",
            paragraph.number
        );
    }
}

#[test]
fn seed_wraps_are_rejoined_without_spaces_between_chinese_characters() {
    let document = seed_document();
    let first = paragraph(&document, 1);
    assert!(
        first.contains(
            "任务授权涉及：(a)进一步积累知识；及(b)在请求国和被请求国之间建立信心和信任。"
        )
    );
    assert!(
        first.contains("在编写本报告时载有来自 180 多个法域"),
        "{first}"
    );
    // A line that began with a stray space (` 产追回…`) joins without it.
    assert!(paragraph(&document, 3).contains("以及任命资产追回及所扣押"));
    assert!(paragraph(&document, 20).contains("在打击《公约》所列其他罪行方面"));
    for paragraph in document.paragraphs() {
        assert!(
            !paragraph.text.contains('\n'),
            "no sub-paragraphs on their own lines in the seed"
        );
        assert!(
            !paragraph.text.contains("  "),
            "double space in {}",
            paragraph.number
        );
    }
}

#[test]
fn seed_page_break_and_furniture_are_removed_and_recorded() {
    let document = seed_document();
    assert_eq!(
        document.removed,
        [
            "http://undocs.org/ch/CAC/COSP/WG.2/2017/CRP.1",
            "CAC/COSP/WG.2/2017/L.1/Add.1",
            "3/4 V.17-06068",
        ]
    );
    assert!(document.footnotes.is_empty());
    for block in &document.blocks {
        let text = match block {
            Block::Heading(text) | Block::Text(text) => text,
            Block::Paragraph(p) => &p.text,
        };
        assert!(!text.contains("V.17-06068"), "furniture left in {text}");
        assert!(!text.contains("3/4"), "page counter left in {text}");
        assert!(!text.contains("undocs.org"), "URL left in {text}");
    }
    // The symbol the text cites is a reference, not furniture.
    assert!(paragraph(&document, 9).contains("（CAC/COSP/WG.2/2017/CRP.1）"));
    // Resolution numbers are not page counters.
    assert!(paragraph(&document, 1).contains("第 6/3 号决议"));
}

#[test]
fn seed_reads_the_same_in_every_encoding_and_line_ending() {
    let reference = seed_document();
    let text = builtin_report::TEXT;
    let crlf = text.replace('\n', "\r\n");
    let cr = text.replace('\n', "\r");
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(text.as_bytes());
    for (name, bytes, encoding) in [
        ("CRLF", crlf.as_bytes(), "UTF-8"),
        ("CR", cr.as_bytes(), "UTF-8"),
        ("GB18030", &gb18030[..], "gb18030"),
        ("UTF-16LE", &utf16le[..], "UTF-16LE"),
        ("UTF-8 BOM", &utf8_bom[..], "UTF-8"),
    ] {
        let document = parse(bytes).unwrap();
        assert_eq!(document.encoding, encoding, "{name}");
        let document = Document {
            encoding: reference.encoding,
            ..document
        };
        assert_eq!(document, reference, "{name}");
    }
}

// General forms, in English, French and Spanish.

const ENGLISH: &str = "\
United Nations CAC/COSP/WG.2/2019/4
Conference of the States Parties to the
United Nations Convention against
Corruption
Distr.: General
2 October 2019
Original: English
V.19-09617 (E) 031019 041019
*1909617*
Working Group on Asset Recovery
Vienna, 4-6 September 2019
Report on the meeting of the Working Group on Asset Recovery held in
Vienna from 4 to 6 September 2019
I. Introduction
1. The Working Group on Asset Recovery was established by the Conference
of the States Parties in its resolution 1/4 to assist the Conference in the
development of cumulative knowledge and action-
oriented strategies for the imple-
mentation of chapter V of the Convention.
2. The Working Group held its thirteenth meeting in Vienna from 4 to
6 September 2019.* The meeting was attended by the following:
(a) States parties to the Convention;
(b) Signatories; and
(c) Observers.
__________________
* CAC/COSP/2019/1.
CAC/COSP/WG.2/2019/4
2/4 V.19-09617
II. Organization of the meeting
A. Opening of the meeting
3. The meeting was opened by the Chair, who recalled that, as stated in paragraph
14. of the guidelines, the Working Group was to report on its work. The secretariat
introduced the agenda.
Adoption of the agenda
4. On 4 September, the Working Group adopted the following agenda:
\"1. Opening of the meeting.
2. Adoption of the agenda.\"
https://undocs.org/CAC/COSP/WG.2/2019/1
CAC/COSP/WG.2/2019/4
3/4 V.19-09617
5. Speakers welcomed the study on the management and disposal of confiscated assets.
Annex
List of participants
1. The list of participants is contained in document CAC/COSP/WG.2/2019/INF/1.
";

#[test]
fn english_report_structure() {
    let document = parse_text(ENGLISH).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/WG.2/2019/4"));
    assert_eq!(document.language, Language::English);
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 5, 1],
        "numbering restarts in the annex"
    );
    let headings: Vec<&str> = document.headings().collect();
    assert_eq!(
        headings,
        [
            "I. Introduction",
            "II. Organization of the meeting",
            "A. Opening of the meeting",
            "Adoption of the agenda",
            "Annex",
            "List of participants",
        ]
    );
}

#[test]
fn english_masthead_furniture_and_footer_are_removed() {
    let document = parse_text(ENGLISH).unwrap();
    let texts: Vec<&str> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    // The cover page's furniture is removed and recorded; the organ and the title stay.
    assert!(texts.contains(&"Working Group on Asset Recovery"));
    for furniture in ["Distr.: General", "2 October 2019", "Original: English"] {
        assert!(!texts.contains(&furniture), "{furniture}");
        assert!(
            document.removed.contains(&furniture.to_owned()),
            "{furniture}"
        );
    }
    assert!(
        document
            .removed
            .contains(&"V.19-09617 (E) 031019 041019".to_owned())
    );
    assert!(document.removed.contains(&"*1909617*".to_owned()));
    assert!(document.removed.contains(&"2/4 V.19-09617".to_owned()));
    assert!(document.removed.contains(&"__________________".to_owned()));
    assert!(
        document
            .removed
            .contains(&"https://undocs.org/CAC/COSP/WG.2/2019/1".to_owned())
    );
}

#[test]
fn english_hyphenation_and_sub_paragraphs() {
    let document = parse_text(ENGLISH).unwrap();
    let first = paragraph(&document, 1);
    assert!(first.contains("action-oriented strategies"), "{first}");
    assert!(
        first.contains("for the implementation of chapter V"),
        "{first}"
    );
    assert!(first.starts_with(
        "The Working Group on Asset Recovery was established by the Conference of the States"
    ));
    assert_eq!(
        paragraph(&document, 2),
        "The Working Group held its thirteenth meeting in Vienna from 4 to 6 September 2019.* \
         The meeting was attended by the following:\n(a) States parties to the Convention;\n\
         (b) Signatories; and\n(c) Observers."
    );
}

#[test]
fn footnotes_are_kept_apart_from_the_body() {
    let document = parse_text(ENGLISH).unwrap();
    assert_eq!(document.footnotes, ["* CAC/COSP/2019/1."]);
    assert!(!paragraph(&document, 2).contains("CAC/COSP/2019/1"));
}

#[test]
fn numbers_that_continue_a_sentence_or_a_quote_do_not_start_paragraphs() {
    let document = parse_text(ENGLISH).unwrap();
    assert!(paragraph(&document, 3).contains("as stated in paragraph 14. of the guidelines"));
    let fourth = paragraph(&document, 4);
    assert!(
        fourth.contains("\"1. Opening of the meeting. 2. Adoption of the agenda.\""),
        "{fourth}"
    );
}

#[test]
fn paragraph_crossing_a_page_break_is_joined() {
    let text = "\
1. The Working Group discussed the first item and agreed on several points of
procedure that it would follow in the course of the meeting and in the future
A/74/18
2/9 19-12345
work of the Conference, as set out below.
2. A second paragraph followed it on the same page of the report.
";
    let document = parse_text(text).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/74/18"));
    assert!(
        paragraph(&document, 1).contains("in the future work of the Conference"),
        "{:?}",
        paragraph(&document, 1)
    );
    assert_eq!(document.removed, ["A/74/18", "2/9 19-12345"]);
}

#[test]
fn french_and_spanish_forms() {
    let french = "\
I. Introduction
1. Le Groupe de travail a examiné les points suivants de l’ordre du jour de la session :
a) Questions d’organisation ;
b) Adoption de l’ordre du jour.
2. Les participants ont salué les progrès accomplis dans la mise en œuvre des mandats.
";
    let document = parse_text(french).unwrap();
    assert_eq!(document.language, Language::French);
    assert_eq!(
        paragraph(&document, 1),
        "Le Groupe de travail a examiné les points suivants de l’ordre du jour de la session :\n\
         a) Questions d’organisation ;\nb) Adoption de l’ordre du jour."
    );

    let spanish = "\
II. Resumen de los debates
7. La secretaría presentó los progresos realizados en la aplicación de los mandatos del
Grupo de trabajo y de las conferencias de los Estados partes.
8. Varios oradores destacaron la importancia de la cooperación internacional.
";
    let document = parse_text(spanish).unwrap();
    assert_eq!(document.language, Language::Spanish);
    assert_eq!(
        paragraphs(&document)[0].0,
        7,
        "an addendum may start at any number"
    );
    assert!(paragraph(&document, 7).contains("mandatos del Grupo de trabajo"));
}

#[test]
fn glued_number_and_chinese_heading_forms() {
    let text = "\
四、关于资产追回的论坛
1.2016年11月，工作组举行了第十次会议。
2. 发言者强调指出必须充分执行第五章。
";
    let document = parse_text(text).unwrap();
    assert_eq!(
        document.headings().collect::<Vec<_>>(),
        ["四、关于资产追回的论坛"]
    );
    assert_eq!(
        paragraphs(&document),
        [
            (1, "2016年11月，工作组举行了第十次会议。"),
            (2, "发言者强调指出必须充分执行第五章。")
        ]
    );
}

#[test]
fn numbers_that_go_backwards_are_text_not_paragraphs() {
    let text = "\
5. The first paragraph of this report.
6. The second one, which refers back to earlier text.
3. This is not paragraph three: the numbering does not go backwards.
7. The third one.
";
    let document = parse_text(text).unwrap();
    assert_eq!(
        document.paragraphs().map(|p| p.number).collect::<Vec<_>>(),
        [5, 6, 7]
    );
}

#[test]
fn text_without_paragraphs_is_refused() {
    assert_eq!(
        parse_text("Just some notes\nwith no numbered paragraphs at all.\n").unwrap_err(),
        ParseError::NoParagraphs
    );
    assert_eq!(
        parse(b"").unwrap_err(),
        ParseError::Decode(DecodeError::Empty)
    );
}

#[test]
fn report_errors_name_the_file() {
    let scratch = crate::scratch::Scratch::new("parse");
    let dir = scratch.path();
    let empty = dir.join("empty report.txt");
    std::fs::write(&empty, b"").unwrap();
    let message = read_report(&empty).unwrap_err().to_string();
    assert!(message.contains("the file is empty"), "{message}");
    assert!(message.ends_with("empty report.txt"), "{message}");

    let missing = dir.join("missing.txt");
    let message = read_report(&missing).unwrap_err().to_string();
    assert!(message.contains("missing.txt"), "{message}");

    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.5\n").unwrap();
    let message = read_report(&pdf).unwrap_err().to_string();
    assert!(
        message.contains("PDF") && message.ends_with("report.pdf"),
        "{message}"
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::parse::kept::{char_counts, everything_kept};

    /// Lines in the shapes a report is made of, so that the properties reach deep into the
    /// builder and not only into the first checks.
    fn report_line() -> impl Strategy<Value = String> {
        prop_oneof![
            (1_u32..30, "[a-z 发言者强调。，.-]{0,60}").prop_map(|(n, t)| format!("{n}. {t}")),
            (1_u32..30, "[会议开幕。A-Z]{0,20}").prop_map(|(n, t)| format!("{n}．{t}")),
            "Distr\\.: ?[A-Za-z]{0,8} ?[0-9]{0,2} ?(June|juin)? ?[0-9]{0,4}",
            "(Annex|附件)( [IV]{1,3})?",
            "[一二三四五六七八九十]{1,3}[.、．]?[导言背景]{0,4}",
            "[IVX]{1,3}\\. [A-Z][a-z ]{0,30}",
            "[三四五]、[资产追回]{1,10}",
            "\\([a-c]\\) [a-z ;]{0,30}",
            "[0-9]{1,2}/[0-9]{1,2} V\\.1[0-9]-0[0-9]{4}",
            Just("A/74/18".to_owned()),
            Just("____________".to_owned()),
            Just("http://undocs.org/A/74/18".to_owned()),
            "\\*? ?[A-Za-z 。.-]{0,40}",
            "[\\PC]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn never_loses_body_text(text in "[\\PC\n\r]{0,400}") {
            if let Ok(document) = parse_text(&text) {
                prop_assert_eq!(char_counts(&everything_kept(&document)), char_counts(&text));
            }
        }

        /// The same shapes with their line breaks lost (a reflowed web page): every line
        /// joined to the next by a space, or by nothing as Chinese text joins them.
        #[test]
        fn never_loses_text_of_reflowed_report_shaped_input(
            lines in proptest::collection::vec(report_line(), 0..60),
            glue in prop_oneof![Just(" "), Just("")]
        ) {
            let text = lines.join(glue);
            if let Ok(document) = parse_text(&text) {
                prop_assert_eq!(char_counts(&everything_kept(&document)), char_counts(&text));
            }
        }

        #[test]
        fn never_loses_text_of_report_shaped_input(
            lines in proptest::collection::vec(report_line(), 0..40)
        ) {
            let text = lines.join("\n");
            if let Ok(document) = parse_text(&text) {
                prop_assert_eq!(char_counts(&everything_kept(&document)), char_counts(&text));
                for block in &document.blocks {
                    if let Block::Paragraph(p) = block {
                        prop_assert!(p.number >= 1);
                    }
                }
            }
        }
    }
}

/// The same kind of report as `pdftotext` without `-layout` gives it: paragraph numbers and
/// heading numerals alone on their lines, tabs, the first-page footer split into pieces, a form
/// feed between pages.
const PDFTOTEXT: &str = "United Nations\n\nA/HRC/40/3\n\nGeneral Assembly\n\nDistr.: General\n\
14 January 2019\n\nOriginal: English\n\nHuman Rights Council\nFortieth session\n\n\
I.\n\nIntroduction\n\n1.\tThe present report is submitted pursuant to Human Rights Council \
resolution 37/2, in\nwhich the Council requested the High Commissioner to present an annual \
report on the\nactivities of her Office.\n\n2.\tThe report covers the period from 1 January \
to 31 December 2018 and is structured\nas follows:\n(a)\nThe first part;\n(b)\nThe second \
part.\n\nGE.19-00561(E)\n\n*1900561*\n\n\x0cA/HRC/40/3\n\n2\n\nII.\tActivities of the \
Office\n\n3.\tThe Office continued to support States in the implementation of their \
obligations\nunder international human rights law.\n";

#[test]
fn pdftotext_without_layout() {
    let document = parse_text(PDFTOTEXT).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/HRC/40/3"));
    assert_eq!(
        document.headings().collect::<Vec<_>>(),
        ["I. Introduction", "II. Activities of the Office"]
    );
    assert_eq!(
        paragraphs(&document),
        [
            (
                1,
                "The present report is submitted pursuant to Human Rights Council resolution \
                 37/2, in which the Council requested the High Commissioner to present an annual \
                 report on the activities of her Office."
            ),
            (
                2,
                "The report covers the period from 1 January to 31 December 2018 and is \
                 structured as follows:\n(a) The first part;\n(b) The second part."
            ),
            (
                3,
                "The Office continued to support States in the implementation of their \
                 obligations under international human rights law."
            ),
        ]
    );
    assert_eq!(
        document.removed,
        [
            "United Nations",
            "A/HRC/40/3",
            "General Assembly",
            "Distr.: General",
            "14 January 2019",
            "Original: English",
            "GE.19-00561(E)",
            "*1900561*",
            "A/HRC/40/3",
            "2"
        ]
    );
}

/// A report copied from a web page that reflows it arrives with no line breaks at all: the
/// built-in report with every line joined (as Chinese text joins, with nothing between) and
/// the English, Arabic and Russian test reports joined by spaces read like their lines — the same symbol,
/// headings, paragraph numbers and words, footnotes apart and page furniture removed.
#[test]
fn reports_with_every_line_break_lost_read_like_their_lines() {
    let english = include_str!("../../fuzz/seeds/parse_report/english.txt");
    let arabic = include_str!("../../fuzz/seeds/parse_report/arabic.txt");
    let russian = include_str!("../../fuzz/seeds/parse_report/russian.txt");
    for (lines, joined) in [
        (
            crate::builtin_report::TEXT.to_owned(),
            crate::builtin_report::TEXT.replace('\n', ""),
        ),
        (english.to_owned(), english.replace('\n', " ")),
        (arabic.to_owned(), arabic.replace('\n', " ")),
        (russian.to_owned(), russian.replace('\n', " ")),
    ] {
        let from_lines = parse_text(&lines).unwrap();
        let from_one_line = parse_text(&joined).unwrap();
        // Words compared without spaces and hyphens: a hyphen at a line's end can be told from
        // one inside a line only where the line ends.
        let blocks = |document: &Document| -> Vec<String> {
            document
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::Heading(text) => Some(text.clone()),
                    Block::Paragraph(p) => Some(format!("{}. {}", p.number, p.text)),
                    Block::Text(_) => None,
                })
                .map(|text| {
                    text.chars()
                        .filter(|c| !c.is_whitespace() && *c != '-')
                        .collect()
                })
                .collect()
        };
        assert_eq!(from_one_line.symbol, from_lines.symbol);
        assert_eq!(from_one_line.language, from_lines.language);
        assert_eq!(blocks(&from_one_line), blocks(&from_lines));
        assert_eq!(from_one_line.footnotes, from_lines.footnotes);
        for removed in &from_one_line.removed {
            assert!(
                !from_one_line
                    .paragraphs()
                    .any(|p| p.text.contains(removed.as_str())),
                "{removed} left in a paragraph"
            );
        }
    }
}

/// The cover page's block — the organization, the organ, `Distr.`, the date, the language,
/// `Original:` — is removed and recorded wherever it stands: first, after a summary, in
/// Chinese, or run together on one line; a date or a language's name alone on a line of text
/// stays in its paragraph.
#[test]
fn cover_page_blocks_are_removed_wherever_they_stand() {
    let french = "Résumé\nLe présent rapport rend compte des travaux du Groupe.\n\
        Nations Unies\nA/HRC/55/12\nAssemblée générale\nDistr. générale\n12 janvier 2024\n\
        Français\nOriginal : anglais\nConseil des droits de l’homme\nCinquante-cinquième session\n\
        Point 4 de l’ordre du jour provisoire*\nI. Introduction\n\
        1. Le Conseil a examiné le rapport.\n2. Il a décidé de poursuivre l’examen.\n";
    let chinese = "联合国\nCAC/COSP/2008/1\n联合国反腐败公约缔约国会议\nDistr.: General\n\
        2008年1月8日\n中文\n原件：英文\n一. 导言\n1. 缔约国会议审议了报告。\n2. 会议决定继续审议。\n";
    let english_one_line = format!(
        "United Nations A/HRC/55/12 General Assembly Distr.: General 12 January 2024 \
         Original: English Human Rights Council Fifty-fifth session I. Introduction 1. The \
         Council considered the report. {}2. It decided to remain seized of the matter.",
        "The Council welcomed the report and its recommendations. ".repeat(6)
    );
    let wrapped_date = "1. The meeting was held on\n2 October 2019\nin Vienna and conducted in\n\
        English\nand French.\n2. The Working Group adopted its report under\n\
        Item 4 of the provisional agenda, as decided.\n";
    for (text, furniture) in [
        (
            french,
            &[
                "Distr. générale",
                "12 janvier 2024",
                "Français",
                "Original : anglais",
                "Cinquante-cinquième session",
                "Point 4 de l’ordre du jour provisoire*",
            ][..],
        ),
        (
            chinese,
            &["Distr.: General", "2008年1月8日", "中文", "原件：英文"][..],
        ),
        (
            english_one_line.as_str(),
            &["Distr.: General 12 January 2024 Original: English"][..],
        ),
    ] {
        let document = parse_text(text).unwrap();
        for line in furniture {
            assert!(
                document.removed.contains(&(*line).to_owned()),
                "{line} not removed: {:?}",
                document.removed
            );
            assert!(
                !document.blocks.iter().any(|block| match block {
                    Block::Text(text) | Block::Heading(text) => text.contains(line),
                    Block::Paragraph(p) => p.text.contains(line),
                }),
                "{line} left in the text"
            );
        }
        assert_eq!(document.paragraphs().count(), 2, "{:?}", document.blocks);
    }
    let french = parse_text(french).unwrap();
    assert_eq!(french.symbol.as_deref(), Some("A/HRC/55/12"));
    assert!(
        french
            .blocks
            .contains(&Block::Text("Conseil des droits de l’homme".to_owned()))
    );
    let wrapped = parse_text(wrapped_date).unwrap();
    assert!(wrapped.removed.is_empty(), "{:?}", wrapped.removed);
    assert!(paragraph(&wrapped, 1).contains("on 2 October 2019 in Vienna"));
    assert!(paragraph(&wrapped, 1).ends_with("conducted in English and French."));
    assert!(paragraph(&wrapped, 2).ends_with("Item 4 of the provisional agenda, as decided."));
}

/// Headings as extraction leaves them in Chinese: the letter's title glued on (`A.导言`), and
/// a heading whose numeral was lost, its full stop left (`. 背景`); both are headings, and the
/// paragraphs under them keep their numbers.
#[test]
fn chinese_headings_glued_or_with_their_numeral_lost() {
    // Paragraphs wrapped as printed: full lines, then a short last one.
    let text = "一. 导言\nA.背景\n1. 缔约国会议第二届会议审议了秘书处关于资产追回问题的报告和各国提交的\n\
        资料。\n. 工作安排\n2. 会议决定继续审议这一事项，并请秘书处就此编写一份报告，供下届会议\n\
        审议。\nB．建议\n3. 会议建议秘书处编写一份关于资产管理和处置的分步骤实用指南，并在\n\
        下届会议之前分发。\n";
    let document = parse_text(text).unwrap();
    assert_eq!(
        document.headings().collect::<Vec<_>>(),
        ["一. 导言", "A.背景", ". 工作安排", "B．建议"]
    );
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
}

/// A Chinese report copied with every space and line break gone: the masthead glued together
/// (`Distr.:General6June2008ChineseOriginal:English`) is removed, the symbol found, and the
/// paragraphs read.
#[test]
fn a_glued_chinese_masthead_is_removed() {
    let body = "一.导言1.联合国反腐败公约缔约国会议第二届会议将于2008年1月28日至2月1日在印度尼西亚努沙杜瓦举行。\
        会议将审议第5/3号决议所述事项。2.会议开幕式定于2008年1月28日上午10时举行。";
    let text = format!(
        "联合国CAC/COSP/2008/1Distr.:General6June2008ChineseOriginal:English联合国反腐败公约缔约国会议{body}{}",
        "会议文件将以六种语文分发。".repeat(20)
    );
    let document = parse_text(&text).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/2008/1"));
    assert!(
        document
            .removed
            .contains(&"Distr.:General6June2008ChineseOriginal:English".to_owned()),
        "{:?}",
        document.removed
    );
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2]);
    // The same masthead on a line of its own, as a viewer that keeps line breaks gives it.
    let lines = "联合国\nCAC/COSP/2008/1\nDistr.:General6June2008ChineseOriginal:English\n一. 导言\n\
         1. 会议将审议第5/3号决议所述事项。\n";
    let document = parse_text(lines).unwrap();
    assert!(
        document
            .removed
            .contains(&"Distr.:General6June2008ChineseOriginal:English".to_owned())
    );
}

/// A resolution: unnumbered preambular paragraphs, each ending with a comma and opening with a
/// participle, then numbered operative ones. Each preambular paragraph is a block of its own
/// (unnumbered), wrapped lines rejoined, in English, French and Chinese.
#[test]
fn a_resolutions_preambular_paragraphs_stay_apart() {
    let english = "The General Assembly,\nRecalling its resolution 58/4 of 31 October 2003, by which it\n\
        adopted the United Nations Convention against Corruption,\nNoting with concern the\n\
        magnitude of corruption,\nDeeply concerned about the cost of illicit financial flows,\n\
        1. Urges States to ratify the Convention;\n2. Requests the Secretary-General to report.\n";
    let french = "L’Assemblée générale,\nRappelant sa résolution 58/4 du 31 octobre 2003,\n\
        Prenant note avec préoccupation de l’ampleur de la corruption,\nConvaincue que la\n\
        coopération internationale est essentielle,\n1. Exhorte les États à ratifier la Convention;\n\
        2. Prie le Secrétaire général de faire rapport.\n";
    let chinese = "大会，\n回顾其2003年10月31日第58/4号决议，\n注意到腐败问题的严重性，\n铭记国际合作至关重要，\n\
        1. 敦促各国批准《公约》；\n2. 请秘书长提交报告。\n";
    for (text, expected) in [
        (
            english,
            &[
                "The General Assembly,",
                "Recalling its resolution 58/4 of 31 October 2003, by which it adopted the \
                 United Nations Convention against Corruption,",
                "Noting with concern the magnitude of corruption,",
                "Deeply concerned about the cost of illicit financial flows,",
            ][..],
        ),
        (
            french,
            &[
                "L’Assemblée générale,",
                "Rappelant sa résolution 58/4 du 31 octobre 2003,",
                "Prenant note avec préoccupation de l’ampleur de la corruption,",
                "Convaincue que la coopération internationale est essentielle,",
            ][..],
        ),
        (
            chinese,
            &[
                "大会，",
                "回顾其2003年10月31日第58/4号决议，",
                "注意到腐败问题的严重性，",
                "铭记国际合作至关重要，",
            ][..],
        ),
    ] {
        // As printed, and copied from a page that reflows it: on one line (long enough to be
        // read for its lost breaks).
        let padding = if text.starts_with('大') {
            "该决议还包括其他执行段落和详细的报告要求。".repeat(12)
        } else {
            " It also includes further operative paragraphs and detailed reporting \
             requirements."
                .repeat(5)
        };
        let one_line = format!("{}{padding}", text.trim_end().replace('\n', " "));
        let language: String = text.chars().take(8).collect();
        for (shape, text) in [("lines", text.to_owned()), ("one line", one_line)] {
            let shape = format!("{language}… {shape}");
            let document = parse_text(&text).unwrap_or_else(|error| panic!("{shape}: {error}"));
            let texts: Vec<&str> = document
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::Text(text) => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(texts, expected, "{shape}");
            let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
            assert_eq!(numbers, [1, 2], "{shape}");
        }
    }
}

/// A report saved from a web page: the site's chrome above it stays unnumbered text apart from
/// paragraph 1, the symbol is read from the masthead's first line (`United Nations A/79/123`,
/// no running heads), and the cover page (organ, distribution, date, language, session, the
/// preliminary list's item) is removed.
#[test]
fn a_report_saved_from_a_web_page() {
    let text = "Skip to main content\nWelcome to the United Nations\nDocuments\n\
        Home › Documents › Reports of the Secretary-General\nDownload PDF (412 KB)\nViews: 2,318\n\
        United Nations A/79/123\nGeneral Assembly\nDistr.: General\n12 July 2024\n\
        Original: English\nSeventy-ninth session\nItem 27 of the preliminary list*\n\
        Report of the Secretary-General\nI. Introduction\n1. In its resolution 78/240, the \
        General Assembly requested a report.\n2. The present report covers August 2023 to July \
        2024.\n";
    let document = parse_text(text).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/79/123"));
    for line in [
        "United Nations A/79/123",
        "General Assembly",
        "Distr.: General",
        "12 July 2024",
        "Original: English",
        "Seventy-ninth session",
        "Item 27 of the preliminary list*",
    ] {
        assert!(document.removed.contains(&line.to_owned()), "{line}");
    }
    assert_eq!(
        paragraph(&document, 1),
        "In its resolution 78/240, the General Assembly requested a report."
    );
    assert!(
        document
            .blocks
            .contains(&Block::Text("Views: 2,318".to_owned()))
    );
}

/// The masthead as `pdftotext -layout` sets it, its two columns side by side on one line
/// (`General Assembly            Distr.: General`): each side is read apart, and the cover page
/// is removed; the council, the session and the title stay as text.
#[test]
fn a_layout_masthead_with_its_columns_side_by_side() {
    let text = "                United Nations                                       A/HRC/40/3\n\
        \x20               General Assembly                      Distr.: General\n\
        \x20                                                     14 January 2019\n\n\
        \x20                                                     Original: English\n\
        Human Rights Council\nFortieth session\nAgenda item 2\n\
        \x20      I. Introduction\n\
        \x20          1.      The present report is submitted pursuant to Human Rights Council\n\
        \x20          resolution 37/2.\n\
        \x20          2.      The report covers the period from 1 January to 31 December 2018.\n";
    let document = parse_text(text).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/HRC/40/3"));
    for line in [
        "United Nations A/HRC/40/3",
        "General Assembly Distr.: General",
        "14 January 2019",
        "Original: English",
        "Agenda item 2",
    ] {
        assert!(
            document.removed.contains(&line.to_owned()),
            "{line}: {:?}",
            document.removed
        );
    }
    assert!(
        document
            .blocks
            .contains(&Block::Text("Human Rights Council".to_owned()))
    );
    assert_eq!(document.paragraphs().count(), 2);
}

/// A heading as wide as the text around it, after a paragraph whose last line is full: the
/// next numeral in sequence after a finished sentence is a heading, not a wrapped line.
#[test]
fn the_next_heading_numeral_after_a_sentence_is_a_heading_however_full_the_lines() {
    let text = "一. 关于工作组任务授权执行情况的概述以及秘书处向工作组提交的各项报告和说明\n\
        1. 秘书处概要介绍了工作组任务授权的执行进展情况，任务授权涉及进一步积累知识以及建\n\
        立信心和信任，并说明了为此而在各个国际论坛和区域网络中开展的各项工作和宣传活动。\n\
        二. 关于推进资产追回所涉各实际方面（包括各种挑战和良好做法）的论坛及其今后的工作\n\
        2. 几名发言者强调了工作组作为一个交流资产追回领域良好做法、经验和所遇障碍的论坛\n\
        所发挥的核心作用，并强调指出工作组的工作在当前的审议周期中特别具有相关性和意义。\n";
    let document = parse_text(text).unwrap();
    assert_eq!(document.headings().count(), 2, "{:?}", document.blocks);
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert!(paragraph(&document, 1).ends_with("宣传活动。"));
}

/// Arabic reports number paragraphs `1-` and write heading numerals as words (`أولاً-` for I,
/// `ألف-` for A), sub-items `(أ)`; Russian ones use Cyrillic sub-items `а)`. Both read with
/// every paragraph's first and last words, the page break's furniture removed and the
/// footnote apart.
#[test]
fn arabic_and_russian_reports() {
    let arabic = parse_text(include_str!("../../fuzz/seeds/parse_report/arabic.txt")).unwrap();
    let russian = parse_text(include_str!("../../fuzz/seeds/parse_report/russian.txt")).unwrap();
    for (document, language, headings, first_words, last_words) in [
        (
            &arabic,
            Language::Arabic,
            [
                "أولاً- مقدمة",
                "ثانياً- التحديات والممارسات الجيدة",
                "ألف- التعاون الدولي",
                "باء- بناء القدرات",
                "ثالثاً- الاستنتاجات والتوصيات",
            ],
            ["قرَّر", "وفي", "أشار", "وأوصي", "وسلَّط", "قد"],
            [
                "الاتفاقية.(1)",
                "عشرة.",
                "المتلقية.",
                "الموجودات.",
                "تطلبها.",
                "إدانة.",
            ],
        ),
        (
            &russian,
            Language::Russian,
            [
                "I. Введение",
                "II. Проблемы и передовая практика",
                "A. Международное сотрудничество",
                "B. Наращивание потенциала",
                "III. Выводы и рекомендации",
            ],
            ["В", "В", "Ораторы", "Было", "Ряд", "Рабочая"],
            [
                "Конвенции1.",
                "сессии.",
                "государствах.",
                "специалистов-практиков.",
                "просьбами.",
                "руководства.",
            ],
        ),
    ] {
        assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/WG.2/2019/3"));
        assert_eq!(document.language, language);
        let found: Vec<&str> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(found, headings);
        let numbers: Vec<u32> = paragraphs(document).iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        for ((number, text), (first, last)) in paragraphs(document)
            .into_iter()
            .zip(first_words.iter().zip(last_words))
        {
            assert_eq!(text.split_whitespace().next(), Some(*first), "¶{number}");
            assert_eq!(text.split_whitespace().last(), Some(last), "¶{number}");
            assert!(!text.contains("V.19-05432"), "¶{number}: {text}");
        }
        assert_eq!(document.footnotes.len(), 1);
        assert!(document.removed.iter().any(|line| line == "2/2 V.19-05432"));
        // The sub-items keep their own lines in their paragraph.
        let third = paragraph(document, 3);
        assert_eq!(third.lines().count(), 4, "{third}");
    }
}

/// An older report (2002): a masthead in capitals set in columns, headings in capitals with
/// their numeral, and the running head `A/AC.261/3` over `Page 2` at the page break — removed,
/// never read as a heading or glued into a paragraph.
#[test]
fn an_older_report_with_page_running_heads() {
    let document = parse_text(include_str!(
        "../../fuzz/seeds/parse_report/english-2002.txt"
    ))
    .unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/AC.261/3"));
    let headings: Vec<&str> = document.headings().collect();
    assert_eq!(
        headings,
        ["I. SCOPE OF THE CONVENTION", "II. PREVENTIVE MEASURES"]
    );
    assert_eq!(
        paragraphs(&document)
            .iter()
            .map(|(number, _)| *number)
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(paragraph(&document, 3).ends_with("(see para. 2 above)."));
    assert!(paragraph(&document, 4).starts_with("Other States considered"));
    assert!(document.removed.iter().any(|line| line == "Page 2"));
}

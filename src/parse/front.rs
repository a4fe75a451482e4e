//! What a report's cover page says about it, for the title block of a briefing note: the
//! report's **title** as printed and the **meeting** it was issued for.
//!
//! A UN report's first page is the masthead (the organization and the symbol, the organ,
//! `Distr.`, the date, the languages), then the body and the meeting (`Working Group on Asset
//! Recovery`, `Fourteenth session`, `Vienna, 4–6 September 2019`, the agenda item), then the
//! title (`Report on the meeting of …`, perhaps a second line such as `Report of the
//! Secretary-General`), then the body of the report (`Summary`, `I. Introduction`, `1.`). The
//! parser removes the masthead's strong block as furniture; the rest stands as unnumbered text
//! before the first heading or paragraph. Read from there:
//! - the **title** is the text after the last line of the masthead or the meeting, up to a
//!   section's name (`Summary`, `Contents`, `Introduction`, `摘要`, …) or body text; at most
//!   three lines. Without a masthead or meeting line among that text (a fragment such as the
//!   built-in addendum, a report copied without its cover page) there is no title: a guess
//!   would put words in the delegate's note the report does not give as its title.
//! - the **meeting** is the line naming the body just before the place and dates, the session,
//!   the place and dates, and the agenda item, in that order, as printed.

use crate::document::{Block, Document, Language};

use super::furniture;

/// The report's title and meeting, where its cover page prints them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The title's lines as printed (a title and its subtitle are two lines).
    pub title: Vec<String>,
    /// The meeting's parts as printed: body, session, place and dates, agenda item.
    pub meeting: Vec<String>,
}

impl FrontMatter {
    /// The meeting as one line, its parts joined as the report's language writes a list.
    pub fn meeting_line(&self, language: Language) -> Option<String> {
        let separator = if language == Language::Chinese {
            "，"
        } else {
            ", "
        };
        (!self.meeting.is_empty()).then(|| self.meeting.join(separator))
    }
}

/// The most lines read as the cover page: a report's cover holds a dozen at most.
const MAX_FRONT_LINES: usize = 24;

/// Text this long is the report's body, not its cover page.
const MAX_COVER_LINE_CHARS: usize = 300;

/// The names of the sections that follow the title, in the six languages.
const SECTION_NAMES: [&str; 22] = [
    "summary",
    "contents",
    "introduction",
    "note",
    "résumé",
    "table des matières",
    "introducción",
    "resumen",
    "índice",
    "резюме",
    "содержание",
    "введение",
    "摘要",
    "目录",
    "导言",
    "引言",
    "内容提要",
    "موجز",
    "المحتويات",
    "مقدمة",
    "sommaire",
    "nota",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Masthead,
    Session,
    /// `Vienna, 4–6 September 2019`, or the dates alone: `26 February–5 April 2024`.
    PlaceAndDates,
    Agenda,
    Other,
}

/// The most lines a body's name is wrapped over on a cover page.
const MAX_BODY_LINES: usize = 3;

/// Words a wrapped name's line ends with when the name goes on (prepositions, articles,
/// "concerned with"), in the languages whose cover pages are read.
const LEADING_ON: [&str; 34] = [
    "of",
    "on",
    "for",
    "and",
    "the",
    "to",
    "against",
    "in",
    "de",
    "du",
    "des",
    "sur",
    "pour",
    "et",
    "la",
    "le",
    "les",
    "contre",
    "del",
    "sobre",
    "para",
    "y",
    "contra",
    "el",
    "los",
    "las",
    "по",
    "о",
    "и",
    "для",
    "против",
    "المعني",
    "المعنية",
    "في",
];

/// Whether a line ends with a word that leads on to the next line.
fn leads_on(line: &str) -> bool {
    line.split_whitespace()
        .last()
        .is_some_and(|word| LEADING_ON.contains(&word.to_lowercase().as_str()))
}

fn kind(line: &str, symbol: Option<&str>) -> Kind {
    if furniture::is_session(line) {
        Kind::Session
    } else if furniture::is_agenda_item(line) {
        Kind::Agenda
    } else if furniture::date_length(line) == Some(line.len()) {
        // One date alone is the masthead's: the day the report was issued.
        Kind::Masthead
    } else if is_place_and_dates(line) || is_dates(line) {
        Kind::PlaceAndDates
    } else if furniture::masthead_line(line).is_some()
        || furniture::starts_with_organization(line)
        || symbol.is_some_and(|symbol| line.contains(symbol))
    {
        Kind::Masthead
    } else {
        Kind::Other
    }
}

/// Whether a line holds a year: four digits in a row.
fn has_year(line: &str) -> bool {
    line.as_bytes()
        .windows(4)
        .any(|window| window.iter().all(u8::is_ascii_digit))
}

/// `Vienna, 4-6 September 2019`, `Viena, 4 a 6 de septiembre de 2019`, `2019年9月4日至6日，维也纳`:
/// a short line with a place and a date (a year and a month), the two set apart by a comma.
fn is_place_and_dates(line: &str) -> bool {
    let chars = line.chars().count();
    if !has_year(line) || chars > 60 {
        return false;
    }
    if line.contains('，') && line.contains('年') && line.contains('月') {
        return chars <= 30;
    }
    (line.contains(", ") || line.contains('،'))
        && line.split(|c: char| !c.is_alphabetic()).any(|word| {
            furniture::MONTHS.contains(&word.to_lowercase().as_str())
                || ARABIC_MONTHS.contains(&word)
        })
}

/// The months' names in Arabic reports (`أيلول/سبتمبر`: the Levantine name, then the other).
const ARABIC_MONTHS: [&str; 24] = [
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "الثاني",
    "الأول",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيه",
    "يونيو",
    "يوليه",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
];

/// `26 February–5 April 2024`, `4 a 6 de septiembre de 2019`, `2024年2月26日至4月5日`: a line of
/// dates and nothing else (a session's dates under its name).
fn is_dates(line: &str) -> bool {
    const JOINING: [&str; 9] = ["to", "from", "de", "a", "al", "au", "et", "y", "года"];
    if !has_year(line) || line.chars().count() > 40 {
        return false;
    }
    if line.contains('年') {
        return line
            .chars()
            .all(|c| c.is_ascii_digit() || "年月日至-–— ".contains(c));
    }
    let mut months = 0;
    for word in line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if furniture::MONTHS.contains(&word.as_str()) {
            months += 1;
        } else if !JOINING.contains(&word.as_str()) {
            return false;
        }
    }
    months > 0
}

/// A cover line as printed, without the footnote marker glued to its end.
fn clean(line: &str) -> String {
    line.trim().trim_end_matches('*').trim_end().to_owned()
}

/// Whether a line is the name of a section that follows the title (`Summary`, `INTRODUCTION`).
fn is_section_name(line: &str) -> bool {
    let name = line
        .trim_end_matches([':', '：', '*'])
        .trim()
        .to_lowercase();
    SECTION_NAMES.contains(&name.as_str())
}

/// The title and meeting a report's cover page prints (empty where it prints none).
pub fn front_matter(document: &Document) -> FrontMatter {
    let symbol = document.symbol.as_deref();
    let front: Vec<&str> = document
        .blocks
        .iter()
        .take_while(|block| matches!(block, Block::Text(_)))
        .take(MAX_FRONT_LINES)
        .filter_map(|block| match block {
            Block::Text(text) => Some(text.trim()),
            Block::Heading(_) | Block::Paragraph(_) => None,
        })
        .collect();
    let kinds: Vec<Kind> = front.iter().map(|line| kind(line, symbol)).collect();
    let Some(last_cover) = kinds.iter().rposition(|kind| *kind != Kind::Other) else {
        return FrontMatter::default();
    };
    let mut title: Vec<String> = front[last_cover + 1..]
        .iter()
        .take_while(|line| !is_section_name(line) && line.chars().count() <= MAX_COVER_LINE_CHARS)
        .map(|line| clean(line))
        .filter(|line| !line.is_empty())
        .collect();

    // The meeting: the body named just before the session or the place and dates, then the
    // session (the parser may have removed it as furniture), the place and dates, the agenda
    // item. One of each: a second one among the removed lines is another page's furniture.
    let first_printed = |wanted: Kind| -> Option<String> {
        let on_cover = front
            .iter()
            .zip(&kinds)
            .find(|(_, kind)| **kind == wanted)
            .map(|(line, _)| *line);
        let removed = || {
            document
                .removed
                .iter()
                .map(|line| line.trim())
                .find(|line| {
                    matches!(wanted, Kind::Session | Kind::Agenda) && kind(line, symbol) == wanted
                })
        };
        on_cover.or_else(removed).map(clean)
    };
    // The body named just before the session or the place; its name may be wrapped over a
    // few lines, each but the last ending in a word that leads on ("… on", "… المعني"): joined
    // again. (A line before it that ends a name — "… Corruption" — is the organization's.)
    let body = kinds
        .iter()
        .position(|kind| matches!(kind, Kind::PlaceAndDates | Kind::Session))
        .filter(|at| *at > 0 && kinds[at - 1] == Kind::Other)
        .map(|at| {
            let start = (at.saturating_sub(MAX_BODY_LINES)..at - 1)
                .rev()
                .take_while(|i| kinds[*i] == Kind::Other && leads_on(front[*i]))
                .last()
                .unwrap_or(at - 1);
            let joiner = if document.language == Language::Chinese {
                ""
            } else {
                " "
            };
            front[start..at]
                .iter()
                .map(|line| clean(line))
                .collect::<Vec<_>>()
                .join(joiner)
        })
        .filter(|body| !body.is_empty());
    let mut meeting: Vec<String> = body.into_iter().collect();
    meeting.extend(first_printed(Kind::Session));
    meeting.extend(first_printed(Kind::PlaceAndDates));
    if let Some(agenda) = first_printed(Kind::Agenda) {
        // The agenda item's own title stands under it, before the report's: with two lines or
        // more where the title goes, the first is the item's.
        if title.len() >= 2 {
            let item = title.remove(0);
            let colon = if document.language == Language::Chinese {
                "："
            } else {
                ": "
            };
            meeting.push(format!("{agenda}{colon}{item}"));
        } else {
            meeting.push(agenda);
        }
    }
    if title.len() > 3 {
        title.clear();
    }
    FrontMatter { title, meeting }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn read_front(text: &str) -> FrontMatter {
        front_matter(&parse_text(text).expect("the report parses"))
    }

    /// The cover page of one of the committed test reports (`fuzz/seeds/parse_report`).
    fn read_test_report(name: &str) -> FrontMatter {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds/parse_report")
            .join(name);
        let bytes = std::fs::read(path).expect("the test report is committed");
        front_matter(&crate::parse::parse(&bytes).expect("the test report parses"))
    }

    /// A body as extracted text has it: lines wrapped at the page's measure.
    const BODY: &str = "I. Introduction\n\
        1. The Working Group on Asset Recovery was established by the Conference of the States\n\
        Parties in its resolution 1/4 to assist the Conference in the development of cumulative\n\
        knowledge and of action-oriented strategies for the implementation of the Convention.\n\
        2. The Working Group held its thirteenth meeting in Vienna from 4 to 6 September and\n\
        adopted the present report, which summarizes the discussions held during the meeting.\n";

    #[test]
    fn a_report_of_a_meeting() {
        let text = format!(
            "United Nations CAC/COSP/WG.2/2019/4\nConference of the States Parties to the\n\
             United Nations Convention against\nCorruption\nDistr.: General\n2 October 2019\n\
             Original: English\nWorking Group on Asset Recovery\nVienna, 4-6 September 2019\n\
             Report on the meeting of the Working Group on Asset Recovery held in\n\
             Vienna from 4 to 6 September 2019\n{BODY}"
        );
        let front = read_front(&text);
        assert_eq!(
            front.title,
            [
                "Report on the meeting of the Working Group on Asset Recovery held in Vienna from 4 to 6 September 2019"
            ]
        );
        assert_eq!(
            front.meeting_line(Language::English).as_deref(),
            Some("Working Group on Asset Recovery, Vienna, 4-6 September 2019")
        );
    }

    /// A body's name wrapped over two lines is joined again; the line before it, which ends
    /// the organization's name, is not taken into it.
    #[test]
    fn a_wrapped_body_name_is_one_name() {
        let text = format!(
            "United Nations CAC/COSP/WG.4/2020/2\nConference of the States Parties to the\n\
             United Nations Convention against\nCorruption\nDistr.: General\n2 October 2020\n\
             Original: English\nOpen-ended Intergovernmental Working Group on the Prevention of\n\
             Corruption\nVienna, 2-4 September 2020\nThe prevention of corruption\n{BODY}"
        );
        assert_eq!(
            read_front(&text).meeting_line(Language::English).as_deref(),
            Some(
                "Open-ended Intergovernmental Working Group on the Prevention of Corruption, \
                 Vienna, 2-4 September 2020"
            )
        );
    }

    #[test]
    fn a_council_report_with_session_agenda_and_its_item_title_subtitle_and_summary() {
        let text = format!(
            "United Nations A/HRC/55/12\nGeneral Assembly\nDistr.: General\n12 January 2024\n\
             Original: English\nHuman Rights Council\nFifty-fifth session\n\
             26 February–5 April 2024\nAgenda item 3\n\
             Promotion and protection of all human rights\nRight to food\n\
             Report of the Special Rapporteur on the right to food*\n\
             Summary\nThe present report is submitted pursuant to Council resolution 52/1.\n{BODY}"
        );
        let front = read_front(&text);
        assert_eq!(
            front.title,
            [
                "Right to food",
                "Report of the Special Rapporteur on the right to food"
            ]
        );
        assert_eq!(
            front.meeting,
            [
                "Human Rights Council",
                "Fifty-fifth session",
                "26 February–5 April 2024",
                "Agenda item 3: Promotion and protection of all human rights"
            ],
            "{front:?}"
        );
    }

    #[test]
    fn a_chinese_report() {
        let text = "联合国 CAC/COSP/WG.2/2019/4\n联合国反腐败公约缔约国会议\nDistr.: General\n\
            2019年10月2日\n中文\n原件：英文\n资产追回工作组\n2019年9月4日至6日，维也纳\n\
            资产追回工作组2019年9月4日至6日在维也纳举行的会议的报告\n一. 导言\n\
            1. 资产追回工作组由缔约国会议第1/4号决议设立，负责协助会议积累知识，并制定面向行动的战略，以\n\
            执行《公约》第五章。工作组于2019年9月4日至6日在维也纳举行了第十三次会议，审议了议程上的各\n\
            项目。\n2. 工作组通过了本报告，报告概述了会议期间进行的讨论，以及各国就资产追回提出的意见和\n\
            建议，供缔约国会议审议。\n";
        let front = read_front(text);
        assert_eq!(
            front.title,
            ["资产追回工作组2019年9月4日至6日在维也纳举行的会议的报告"]
        );
        assert_eq!(
            front.meeting_line(Language::Chinese).as_deref(),
            Some("资产追回工作组，2019年9月4日至6日，维也纳")
        );
    }

    #[test]
    fn the_test_reports_in_english_of_2019_and_2002() {
        let recent = read_test_report("english.txt");
        assert_eq!(
            recent.title,
            [
                "Report on the meeting of the Working Group on Asset Recovery held in Vienna from 4 to 6 September 2019"
            ]
        );
        assert_eq!(
            recent.meeting,
            [
                "Working Group on Asset Recovery",
                "Vienna, 4-6 September 2019"
            ]
        );
        let old = read_test_report("english-2002.txt");
        assert_eq!(old.title, ["REPORT OF THE SECRETARY-GENERAL"]);
        // The parser joins the committee's name and its session (two short lines without a
        // full stop, where the page's measure is wide): they stay together, as read.
        assert_eq!(
            old.meeting,
            [
                "AD HOC COMMITTEE FOR THE NEGOTIATION OF A CONVENTION AGAINST CORRUPTION First session",
                "Vienna, 21 January-1 February 2002",
                "Item 3 of the provisional agenda"
            ]
        );
    }

    #[test]
    fn the_test_reports_in_russian_and_arabic() {
        let russian = read_test_report("russian.txt");
        assert_eq!(
            russian.title,
            [
                "Конфискация без вынесения обвинительного приговора",
                "Записка Секретариата"
            ]
        );
        assert_eq!(
            russian.meeting,
            [
                "Рабочая группа открытого состава по возвращению активов",
                "Вена, 4–6 сентября 2019 года",
                "Пункт 2 предварительной повестки дня: Тематическое обсуждение"
            ]
        );
        let arabic = read_test_report("arabic.txt");
        assert_eq!(
            arabic.title,
            [
                "مصادرة الموجودات دون الاستناد إلى إدانة جنائية",
                "مذكرة من الأمانة"
            ]
        );
        // The working group's name is wrapped over two lines here: joined again.
        assert_eq!(
            arabic.meeting,
            [
                "الفريق العامل الحكومي الدولي المفتوح العضوية المعني باسترداد الموجودات",
                "فيينا، 4-6 أيلول/سبتمبر 2019",
                "البند 2 من جدول الأعمال المؤقت: المناقشات المواضيعية"
            ]
        );
    }

    #[test]
    fn a_fragment_or_a_text_without_its_cover_page_has_no_title() {
        // The built-in addendum starts with its first heading.
        let seed =
            front_matter(&crate::builtin_report::document().expect("the built-in report parses"));
        assert_eq!(seed, FrontMatter::default());
        // Text before the first heading, but nothing of a cover page: no guess.
        let front = read_front(&format!(
            "Some remarks copied from an e-mail\nwith a second line\n{BODY}"
        ));
        assert_eq!(front, FrontMatter::default());
        // A long preface after the masthead is the body, not a title.
        let preface = "This preface runs on and on about the report. ".repeat(8);
        let front = read_front(&format!("United Nations A/74/18\n{preface}\n{BODY}"));
        assert!(front.title.is_empty(), "{front:?}");
    }

    #[test]
    fn places_and_dates_are_told_from_titles() {
        for line in [
            "Vienna, 4-6 September 2019",
            "Viena, 4 a 6 de septiembre de 2019",
            "Вена, 4–6 сентября 2019 года",
            "Vienne, 4-6 septembre 2019",
            "New York, 21 January-1 February 2002",
            "2019年9月4日至6日，维也纳",
        ] {
            assert!(is_place_and_dates(line), "{line}");
        }
        for line in [
            "26 February–5 April 2024",
            "4 a 6 de septiembre de 2019",
            "2024年2月26日至4月5日",
        ] {
            assert!(is_dates(line), "{line}");
        }
        for line in [
            "Report on the meeting held in Vienna from 4 to 6 September 2019",
            "Working Group on Asset Recovery",
            "资产追回工作组2019年9月4日至6日在维也纳举行的会议的报告",
            "In September, the Group met in Vienna and adopted a long report in 2019, as planned",
        ] {
            assert!(!is_place_and_dates(line), "{line}");
        }
    }
}

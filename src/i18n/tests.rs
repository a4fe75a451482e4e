use super::*;

#[test]
fn moments_are_said_in_local_time_and_in_words() {
    use std::time::{Duration, SystemTime};
    // 2 December 2026, 09:30 UTC; Beijing is eight hours ahead.
    let now = SystemTime::UNIX_EPOCH + Duration::from_mins(29_936_730);
    let beijing = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    let hours = Duration::from_hours;
    let english = UiLanguage::English.strings();
    let chinese = UiLanguage::Chinese.strings();
    assert_eq!(
        english.moment(now - hours(1), now, &beijing),
        "today at 16:30"
    );
    // 20:30 the day before in Beijing (still 2 December in UTC).
    assert_eq!(
        english.moment(now - hours(21), now, &beijing),
        "yesterday at 20:30"
    );
    assert_eq!(chinese.moment(now - hours(21), now, &beijing), "昨天 20:30");
    assert_eq!(
        english.moment(now - hours(24 * 4), now, &jiff::tz::TimeZone::UTC),
        "on 28 November at 09:30"
    );
    assert_eq!(
        chinese.moment(now - hours(24 * 4), now, &beijing),
        "11月28日 17:30"
    );
    assert_eq!(
        english.moment(now - hours(24 * 365), now, &beijing),
        "on 2 December 2025 at 17:30"
    );
    assert_eq!(
        chinese.moment(now - hours(24 * 365), now, &beijing),
        "2025年12月2日 17:30"
    );
}

#[test]
fn locale_picks_the_interface_language() {
    assert_eq!(UiLanguage::from_locale("zh-CN"), UiLanguage::Chinese);
    assert_eq!(UiLanguage::from_locale("zh_TW.UTF-8"), UiLanguage::Chinese);
    assert_eq!(UiLanguage::from_locale("en-GB"), UiLanguage::English);
    assert_eq!(UiLanguage::from_locale("fr_FR"), UiLanguage::English);
}

#[test]
fn messages_fill_their_values_and_both_languages_name_the_same_ones() {
    let english = UiLanguage::English.strings();
    let filled = Strings::fill(
        english.could_not_save,
        &[("problem", &"disk full"), ("path", &"/tmp/a {b}.ron")],
    );
    assert_eq!(
        filled,
        "Could not save the tags: disk full. They are still here, unsaved; use Save As to \
         save them elsewhere — /tmp/a {b}.ron"
    );
    assert_eq!(Strings::fill("{unknown} {", &[]), "{unknown} {");

    let names = |template: &str| {
        let mut names: Vec<String> = template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        names.sort();
        names
    };
    let chinese = UiLanguage::Chinese.strings();
    for (en, zh) in [
        (english.cannot_open_tags, chinese.cannot_open_tags),
        (english.could_not_save, chinese.could_not_save),
        (
            english.could_not_write_recovery,
            chinese.could_not_write_recovery,
        ),
        (english.could_not_export, chinese.could_not_export),
        (english.could_not_write_file, chinese.could_not_write_file),
        (english.reanchored, chinese.reanchored),
        (
            english.cannot_open_dropped_tags,
            chinese.cannot_open_dropped_tags,
        ),
        (english.foreign_tags_taken, chinese.foreign_tags_taken),
        (english.builtin_source, chinese.builtin_source),
        (english.filter_showing, chinese.filter_showing),
        (english.cannot_open_report, chinese.cannot_open_report),
        (english.report_too_large, chinese.report_too_large),
        (english.report_other_binary, chinese.report_other_binary),
        (english.tags_cut_short, chinese.tags_cut_short),
        (english.tags_syntax, chinese.tags_syntax),
        (english.tags_newer, chinese.tags_newer),
        (english.tags_unknown_tag, chinese.tags_unknown_tag),
        (english.not_a_file, chinese.not_a_file),
        (english.too_large_to_read, chinese.too_large_to_read),
        (english.save_hard_linked, chinese.save_hard_linked),
        (english.save_protected, chinese.save_protected),
        (english.save_step_failed, chinese.save_step_failed),
        (english.note_too_long, chinese.note_too_long),
        (english.note_shown_truncated, chinese.note_shown_truncated),
        (english.tagged_paragraphs, chinese.tagged_paragraphs),
        (english.converting, chinese.converting),
        (english.reading_pdf, chinese.reading_pdf),
        (english.page_of, chinese.page_of),
        (english.page_failed, chinese.page_failed),
    ] {
        assert!(!names(en).is_empty(), "{en}");
        assert_eq!(names(en), names(zh), "{en} / {zh}");
    }
    // The Chinese names these formats itself rather than quoting the English name.
    for (en, zh) in [
        (english.report_pdf, chinese.report_pdf),
        (english.report_word, chinese.report_word),
    ] {
        assert_eq!(names(en), ["what"], "{en}");
        assert!(names(zh).is_empty(), "{zh}");
    }
}

/// The window's English is the parser's own, word for word (the CLI prints the parser's);
/// the Chinese says the same in Chinese.
#[test]
fn report_problems_in_both_languages() {
    let problems = [
        ReportProblem::TooLarge { size_mib: 300 },
        ReportProblem::Parse(ParseError::NoParagraphs),
        ReportProblem::Parse(ParseError::Decode(DecodeError::Empty)),
        ReportProblem::Parse(ParseError::Decode(DecodeError::Binary)),
        ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
            BinaryKind::Pdf,
        ))),
        ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
            BinaryKind::Rtf,
        ))),
        ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
            BinaryKind::Png,
        ))),
        ReportProblem::Read(std::io::Error::from(std::io::ErrorKind::NotFound)),
        ReportProblem::NotAFile(crate::storage::NotAFile::Fifo),
        ReportProblem::Parse(ParseError::Docx(DocxError::Encrypted)),
        ReportProblem::Parse(ParseError::Pdf(PdfError::NoText { pages: 3 })),
        ReportProblem::Parse(ParseError::Doc(DocError::NoConverter)),
        ReportProblem::Parse(ParseError::Docx(DocxError::Package("bad".to_owned()))),
        ReportProblem::Parse(ParseError::Odt(OdtError::NoBody)),
    ];
    let english = UiLanguage::English.strings();
    let chinese = UiLanguage::Chinese.strings();
    for problem in problems {
        assert_eq!(english.report_problem(&problem), problem.to_string());
        let error = ReportError {
            path: "/tmp/report.pdf".into(),
            problem,
        };
        assert_eq!(english.report_error(&error), error.to_string());
        let zh = chinese.report_error(&error);
        assert!(zh.starts_with("无法打开报告："), "{zh}");
        assert!(zh.ends_with("/tmp/report.pdf"), "{zh}");
    }
    let pdf = ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
        BinaryKind::Pdf,
    )));
    assert!(chinese.report_problem(&pdf).contains("pdftotext"));
    // The Chinese names the format in Chinese, never in the parser's English.
    let png = ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
        BinaryKind::Png,
    )));
    let zh = chinese.report_problem(&png);
    assert!(zh.contains("PNG 图片") && !zh.contains("image"), "{zh}");
}

/// The same for a tags file that cannot be read.
#[test]
fn tags_problems_in_both_languages() {
    let problems = [
        LoadError::Empty,
        LoadError::NotText,
        LoadError::CutShort { line: 3, column: 7 },
        LoadError::Syntax {
            line: 2,
            column: 5,
            message: "Expected closing `)`".to_owned(),
        },
        LoadError::Newer { found: 2 },
        LoadError::UnknownTag {
            paragraph: 12,
            tag: "urgent".to_owned(),
        },
    ];
    let english = UiLanguage::English.strings();
    let chinese = UiLanguage::Chinese.strings();
    for problem in &problems {
        assert_eq!(english.tags_problem(problem), problem.to_string());
        let zh = chinese.tags_problem(problem);
        assert!(!zh.contains('{'), "{zh}");
        assert!(zh.chars().any(crate::parse::is_cjk), "{zh}");
    }
    assert_eq!(
        chinese.tags_problem(&problems[5]),
        "第 12 段有未知标签“urgent”"
    );
}

#[test]
fn paragraph_names() {
    assert_eq!(UiLanguage::English.strings().paragraph(12), "Paragraph 12");
    assert_eq!(UiLanguage::Chinese.strings().paragraph(12), "第12段");
}

/// Why a note cannot be exported, in both languages: the English is the error's own words
/// (what the command line prints), the Chinese names the same characters.
#[test]
fn export_problems_in_both_languages() {
    use crate::export::ExportError;
    let english = UiLanguage::English.strings();
    let chinese = UiLanguage::Chinese.strings();
    for problem in [
        ExportError::NothingTagged,
        ExportError::Docx("zip".to_owned()),
        ExportError::Pdf("font".to_owned()),
        ExportError::PdfCannotShow("يب".to_owned()),
    ] {
        assert_eq!((english.export_problem)(&problem), problem.to_string());
        let zh = (chinese.export_problem)(&problem);
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{zh}"
        );
    }
    let zh = (chinese.export_problem)(&ExportError::PdfCannotShow("يب".to_owned()));
    assert!(zh.contains("“ي” (U+064A)") && zh.contains("Word"), "{zh}");
}

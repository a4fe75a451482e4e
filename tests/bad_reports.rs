//! Bad and extreme reports: each gives a specific, readable error or a sensible document, and
//! none panics. Run through `paratag::parse`, the same code the window and `outline` use.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

use paratag::parse::{self, DecodeError, ParseError};
use paratag::{builtin_report, synthetic};

fn numbers(bytes: &[u8]) -> Vec<u32> {
    parse::parse(bytes)
        .unwrap()
        .paragraphs()
        .map(|p| p.number)
        .collect()
}

#[test]
fn files_that_are_not_reports_are_named_for_what_they_are() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    let zip = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0content.xml".to_vec();
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    for (bytes, what) in [(png, "PNG image"), (zip, "ZIP archive")] {
        let error = parse::parse(&bytes).unwrap_err();
        assert!(
            matches!(error, ParseError::Decode(DecodeError::KnownBinary(_))),
            "{what}: {error:?}"
        );
        assert!(error.to_string().contains(what), "{what}: {error}");
    }
    // A PDF that is only a header and a catalogue is a damaged PDF.
    let error = parse::parse(&pdf).unwrap_err();
    assert!(matches!(error, ParseError::Pdf(_)), "{error:?}");
    assert!(error.to_string().contains("PDF is damaged"), "{error}");
    // A Word document cut short (its ZIP directory gone) is named for what it is.
    let cut_docx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml".to_vec();
    let error = parse::parse(&cut_docx).unwrap_err();
    assert!(matches!(error, ParseError::Docx(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("the Word document is damaged"),
        "{error}"
    );
    assert_eq!(
        parse::parse(b"").unwrap_err(),
        ParseError::Decode(DecodeError::Empty)
    );
    let noise: Vec<u8> = (0..65_536_u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        parse::parse(&noise).unwrap_err(),
        ParseError::Decode(DecodeError::Binary)
    );
}

#[test]
fn encodings_and_line_ends_give_the_same_report() {
    let reference = numbers(builtin_report::TEXT.as_bytes());
    let utf16_without_bom: Vec<u8> = builtin_report::TEXT
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (gb18030, _, _) = encoding_rs::GB18030.encode(builtin_report::TEXT);
    // Every third line ending CRLF, every fifth CR.
    let mixed: String = builtin_report::TEXT
        .split('\n')
        .enumerate()
        .map(|(i, line)| match (i % 3, i % 5) {
            (0, _) => format!("{line}\r\n"),
            (_, 0) => format!("{line}\r"),
            _ => format!("{line}\n"),
        })
        .collect();
    for (name, bytes) in [
        ("UTF-16 without BOM", utf16_without_bom),
        ("GB18030", gb18030.into_owned()),
        ("mixed line ends", mixed.into_bytes()),
    ] {
        assert_eq!(numbers(&bytes), reference, "{name}");
    }
}

#[test]
fn text_without_numbered_paragraphs_is_refused_and_numbers_that_go_back_are_text() {
    let notes = "Meeting notes\nThe delegation raised three points.\nNone of them is numbered.\n";
    assert_eq!(
        parse::parse(notes.as_bytes()).unwrap_err(),
        ParseError::NoParagraphs
    );
    let backwards = "3. Third paragraph, which opens this text and is long enough to fill a line.\n\
                     2. A number lower than the one before, which is not a new paragraph here.\n\
                     4. The fourth paragraph.\n";
    assert_eq!(numbers(backwards.as_bytes()), [3, 4]);
}

#[test]
fn a_single_one_megabyte_line_is_one_paragraph() {
    let line = format!("1. {}\n", "资产追回 asset recovery ".repeat(40_000));
    assert!(line.len() > 1_000_000);
    let document = parse::parse(line.as_bytes()).unwrap();
    let paragraphs: Vec<_> = document.paragraphs().collect();
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(paragraphs[0].text.len(), line.len() - "1. \n".len() - 1);
}

/// Paragraph numbers have at most five digits (no UN report comes near 100,000 paragraphs, and
/// a six-digit figure at the start of a line is not a paragraph number), so the largest body
/// that can be numbered throughout has 99,999 paragraphs; an annex, numbered from 1 again,
/// takes the report past 50 MB.
#[test]
fn a_fifty_megabyte_report_parses_completely() {
    let mut text = synthetic::large_chinese_report(99_999);
    text.push_str("附件\n\n");
    text.push_str(&synthetic::large_chinese_report(2_000));
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let document = parse::parse(text.as_bytes()).unwrap();
    let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers.len(), 101_999);
    assert_eq!(numbers[99_998], 99_999);
    assert_eq!(numbers[99_999..], (1..=2_000).collect::<Vec<u32>>());
}

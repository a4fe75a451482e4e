//! Bytes → text: encoding detection and the refusal of files that are not text.
//!
//! Reports reach delegates as text extracted from PDFs by whatever tool was at hand, so the
//! bytes may be UTF-8 (with or without BOM), UTF-16 (Windows tools), or GB18030/GBK (Chinese
//! Windows). The BOM decides when there is one; otherwise valid UTF-8 wins, then UTF-16 is tried
//! when the bytes contain NULs (text in UTF-16 always does: every line break is `0A 00`), and
//! chardetng guesses a legacy encoding from a prefix for the rest.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// How much of the input chardetng and the UTF-16 sniffing look at: enough to be sure,
/// little enough to stay fast on a 50 MB compilation.
const SNIFF_LEN: usize = 64 * 1024;

/// Why bytes could not be read as the text of a report.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,

    /// A known binary format (PDF, image, archive …).
    #[error("this is {0}, not text; {hint}", hint = .0.hint())]
    KnownBinary(BinaryKind),

    /// Bytes that decode to no sensible text in any encoding paratag knows.
    #[error("this is not a text file (it holds binary data)")]
    Binary,
}

/// The binary formats a report is sometimes mistaken for, told by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    /// A ZIP archive that is not a Word or OpenDocument file.
    Zip,
    /// An OLE compound file: an old Word `.doc`, or another old Office file.
    OldOffice,
    Rtf,
    Gzip,
    Program,
}

impl BinaryKind {
    /// Every kind with its magic bytes.
    const MAGIC: [(&[u8], Self); 9] = [
        (b"%PDF-", Self::Pdf),
        (b"\x89PNG\r\n\x1a\n", Self::Png),
        (b"\xFF\xD8\xFF", Self::Jpeg),
        (b"GIF8", Self::Gif),
        (b"PK\x03\x04", Self::Zip),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Self::OldOffice),
        (b"{\\rtf", Self::Rtf),
        (b"\x1F\x8B", Self::Gzip),
        (b"\x7FELF", Self::Program),
    ];

    /// What the file is, in English (the interface's other languages name it themselves).
    pub fn describe(self) -> &'static str {
        match self {
            Self::Pdf => "a PDF file",
            Self::Png => "a PNG image",
            Self::Jpeg => "a JPEG image",
            Self::Gif => "a GIF image",
            Self::Zip => "a ZIP archive that is not a Word document",
            Self::OldOffice => "an old Word .doc or Office file",
            Self::Rtf => "an RTF document",
            Self::Gzip => "a gzip archive",
            Self::Program => "a program",
        }
    }

    /// What to do instead.
    fn hint(self) -> &'static str {
        match self {
            Self::Pdf => "extract its text first (for example with `pdftotext -layout`)",
            Self::OldOffice | Self::Rtf => {
                "open it in Word or LibreOffice and save it as a Word document (.docx) first"
            }
            _ => "open the report's text instead",
        }
    }
}

impl std::fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// Decoded text and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Decode a report's bytes to text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some(what) = known_binary_format(bytes) {
        return Err(DecodeError::KnownBinary(what));
    }

    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        (decode_with(encoding, body), encoding)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), encoding_rs::UTF_8)
    } else if bytes.contains(&0) {
        let encoding = sniff_utf16(bytes).ok_or(DecodeError::Binary)?;
        (decode_with(encoding, bytes), encoding)
    } else {
        let encoding = guess_legacy(bytes);
        (decode_with(encoding, bytes), encoding)
    };

    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if !looks_like_text(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded { text, encoding })
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Formats that users open by mistake, told by their magic numbers.
fn known_binary_format(bytes: &[u8]) -> Option<BinaryKind> {
    BinaryKind::MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// UTF-16 without a BOM: decode a prefix both ways and keep the one that reads as text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    [UTF_16LE, UTF_16BE].into_iter().find(|encoding| {
        let (text, had_errors) = encoding.decode_without_bom_handling(prefix);
        if had_errors {
            return false;
        }
        let total = text.chars().count();
        let plausible = text.chars().filter(|&c| is_common_in_reports(c)).count();
        total > 0 && plausible * 100 >= total * 95
    })
}

/// Characters a UN report in one of the six languages is made of. Used only to tell which way
/// round UTF-16 bytes go: random code units land outside these ranges most of the time.
fn is_common_in_reports(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\x0C'
        | ' '..='~'
        | '\u{A0}'..='\u{24F}'     // Latin-1 and Latin Extended (French, Spanish)
        | '\u{400}'..='\u{4FF}'    // Cyrillic
        | '\u{600}'..='\u{6FF}'    // Arabic
        | '\u{2000}'..='\u{206F}'  // general punctuation
        | '\u{3000}'..='\u{303F}'  // CJK punctuation
        | '\u{4E00}'..='\u{9FFF}'  // CJK unified ideographs
        | '\u{FF00}'..='\u{FFEF}') // full-width forms
}

/// A legacy encoding (GB18030/GBK, Windows-1252 …) guessed by chardetng from a prefix.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let prefix = &bytes[..bytes.len().min(SNIFF_LEN)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(prefix, prefix.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    // GBK is a subset of GB18030 and encoding_rs decodes both with one decoder; naming it
    // GB18030 makes the four-byte sequences of the newer standard decode too.
    if guess == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        guess
    }
}

/// Whether decoded text is text: a file with many control characters or undecodable bytes is
/// binary data that happened to pass the encoding checks.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0_usize;
    let mut bad = 0_usize;
    for c in text.chars() {
        total += 1;
        let is_control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C');
        if is_control || c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        }
    }
    // A stray control character or two (a form feed's cousin, a broken byte) is tolerated.
    bad * 100 <= total
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str = "1. 秘书处概要介绍了工作组任务授权的执行进展情况。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ZH.as_bytes()).unwrap();
        assert_eq!(plain.text, ZH);
        assert_eq!(plain.encoding, encoding_rs::UTF_8);

        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(ZH.as_bytes());
        let decoded = decode(&with_bom).unwrap();
        assert_eq!(decoded.text, ZH, "the BOM must not reach the text");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        for (encoding, bom) in [(UTF_16LE, &b"\xFF\xFE"[..]), (UTF_16BE, &b"\xFE\xFF"[..])] {
            let mut bytes = bom.to_vec();
            for unit in ZH.encode_utf16() {
                let pair = if encoding == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, ZH);
            assert_eq!(decoded.encoding, encoding);
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "1. The Working Group met in Vienna.\n2. 发言者强调指出必须充分执行第五章。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn gb18030_and_gbk_are_detected() {
        let text = "三. 追回资产任务授权的执行进展概览\n\n1. 秘书处概要介绍了工作组任务授权的执行进展情况，\
                    任务授权涉及：(a)进一步积累知识；及(b)在请求国和被请求国之间建立信心和信任。\n";
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, encoding_rs::GB18030);
    }

    #[test]
    fn empty_and_whitespace_only_are_empty() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \r\n\t\n").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"\xEF\xBB\xBF\n").unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn known_binary_formats_are_named() {
        let pdf = decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap_err();
        assert_eq!(pdf, DecodeError::KnownBinary(BinaryKind::Pdf));
        assert!(pdf.to_string().contains("pdftotext"));
        let png = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(png, DecodeError::KnownBinary(BinaryKind::Png));
        assert_eq!(
            png.to_string(),
            "this is a PNG image, not text; open the report's text instead"
        );
        assert_eq!(
            decode(b"PK\x03\x04\x14\0\0\0").unwrap_err(),
            DecodeError::KnownBinary(BinaryKind::Zip)
        );
    }

    #[test]
    fn unknown_binary_is_refused() {
        let bytes: Vec<u8> = (0..4096_u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(decode(&bytes).unwrap_err(), DecodeError::Binary);
    }
}

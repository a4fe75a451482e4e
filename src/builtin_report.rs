//! The built-in report: CAC/COSP/WG.2/2017/L.1/Add.1 in Chinese, the addendum to the draft
//! report of the Working Group on Asset Recovery (Vienna, 24–25 August 2017). paratag opens it
//! when started without a file, so a new user has something real to read and tag.

use crate::document::Document;
use crate::parse::{ParseError, parse_text};

/// The file name the report is kept under in `seeds/`.
pub const FILE_NAME: &str = "CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt";

/// The report's text as extracted from the PDF, furniture and hard wraps included.
pub const TEXT: &str = include_str!("../seeds/CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt");

/// The built-in report, parsed.
pub fn document() -> Result<Document, ParseError> {
    parse_text(TEXT)
}

/// The file name of the report's English version in `seeds/`.
pub const ENGLISH_FILE_NAME: &str = "CAC-COSP-WG.2-2017-L.1-Add.1.en.txt";

/// An English rendering of the built-in report written for paratag (not the United Nations'
/// own English version): the same headings and 22 paragraphs, in UN layout, to show and test
/// two language versions side by side.
pub const ENGLISH_TEXT: &str = include_str!("../seeds/CAC-COSP-WG.2-2017-L.1-Add.1.en.txt");

/// The English version, parsed.
pub fn english() -> Result<Document, ParseError> {
    parse_text(ENGLISH_TEXT)
}

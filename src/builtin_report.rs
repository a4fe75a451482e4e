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

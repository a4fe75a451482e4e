//! Fingerprints: what identifies a paragraph's text across extractions and revisions.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::document::Document;

/// How many characters of a paragraph the quote keeps.
const QUOTE_CHARS: usize = 40;

/// Text as compared for fingerprints and quotes: each character's compatibility form (NFKC;
/// PDF extraction leaves Kangxi radicals and full-width forms), without whitespace, letters in
/// lower case. ASCII and CJK ideographs, most of any report, are their own form and skip the
/// normaliser; combining sequences are not recomposed, which only has to be consistent.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if !c.is_ascii_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
        } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            out.push(c);
        } else {
            out.extend(
                std::iter::once(c)
                    .nfkc()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_lowercase),
            );
        }
    }
    out
}

fn hex(bytes: &[u8], digits: usize) -> String {
    let mut out = String::with_capacity(digits);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out.truncate(digits);
    out
}

/// A paragraph's fingerprint: 16 hex digits of SHA-256 over its normalised text.
pub fn paragraph_fingerprint(text: &str) -> String {
    hex(&Sha256::digest(normalize(text).as_bytes()), 16)
}

/// A document's fingerprints, computed once when it is opened: saving and re-anchoring use
/// them for every paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fingerprints {
    /// 32 hex digits of SHA-256 over the numbered, normalised paragraphs.
    pub document: String,
    /// Per paragraph, 16 hex digits of SHA-256 over its normalised text.
    pub paragraphs: Vec<String>,
}

impl Fingerprints {
    pub fn new(document: &Document) -> Self {
        let mut hasher = Sha256::new();
        let mut paragraphs = Vec::new();
        for paragraph in document.paragraphs() {
            let normalized = normalize(&paragraph.text);
            hasher.update(paragraph.number.to_le_bytes());
            hasher.update(normalized.as_bytes());
            hasher.update([0]);
            paragraphs.push(hex(&Sha256::digest(normalized.as_bytes()), 16));
        }
        Self {
            document: hex(&hasher.finalize(), 32),
            paragraphs,
        }
    }
}

/// The quote kept for a paragraph: its first words as printed.
pub fn quote(text: &str) -> String {
    text.chars()
        .take(QUOTE_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

//! The tags file: a report's annotations as RON that people can read, diff and merge.
//!
//! One entry per annotated paragraph, in document order, with no Rust type names: the printed
//! paragraph number, a fingerprint and a short quote of its text (to find it again in another
//! revision or extraction of the report), its tags, its note, and when it last changed. The
//! format is documented with a complete example in `docs/tags-format.md`.
//!
//! Loading never guesses: a file that cannot be read gives an error with its line and column,
//! a file from a newer paratag is refused (it may hold fields this version would drop), and an
//! annotation that cannot be placed in the report becomes an orphan that is kept and saved
//! again, never dropped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::annotations::{Annotation, Annotations, ParagraphIndex, Tag, TagSet};
use crate::document::Document;

/// The format version this paratag writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// How every file paratag writes begins, up to the format number.
const HEADER: &str =
    "// paratag tags file (docs/tags-format.md)\n#![enable(implicit_some)]\n(\n    format: ";

/// How many characters of a paragraph the quote keeps.
const QUOTE_CHARS: usize = 40;

/// The similarity (0–1) above which a quote matches a paragraph that was edited.
const FUZZY_THRESHOLD: f32 = 0.75;

/// The file as written: `(format: 1, document: (…), annotations: [(…), …])`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagsFile {
    pub format: u32,
    pub document: DocumentRef,
    #[serde(default)]
    pub annotations: Vec<Entry>,
}

/// Which report the tags belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    pub language: String,
    /// SHA-256 of the parsed paragraphs (normalised), first 32 hex digits.
    pub fingerprint: String,
    /// The report's file name, if it came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl DocumentRef {
    /// The report these tags were saved with, when it is still beside the tags file at `tags`.
    /// Only a plain file name counts: a name with folders in it (`../x`, `/etc/x`), which
    /// paratag never writes, names nothing.
    pub fn report_beside(&self, tags: &Path) -> Option<std::path::PathBuf> {
        let name = Path::new(self.file.as_deref()?);
        let mut parts = name.components();
        let plain = matches!(
            (parts.next(), parts.next()),
            (Some(std::path::Component::Normal(_)), None)
        );
        let report = tags.parent()?.join(name);
        (plain && report.is_file()).then_some(report)
    }
}

/// One annotated paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The printed paragraph number.
    pub paragraph: u32,
    /// SHA-256 of the paragraph's normalised text, first 16 hex digits.
    pub fingerprint: String,
    /// The paragraph's first words, as printed.
    pub quote: String,
    /// `challenge`, `good-practice`, `proposal`.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// When the annotation last changed, RFC 3339 in UTC.
    #[serde(default)]
    pub changed: String,
}

/// Why a tags file could not be read. Every message says what to do; none changes the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (UTF-8)")]
    NotText,
    #[error(
        "line {line}, column {column}: the file ends in the middle of a character (was it cut short?)"
    )]
    CutShort { line: usize, column: usize },
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "it was written by a newer paratag (format {found}; this one reads up to {FORMAT_VERSION}); \
         update paratag to open it"
    )]
    Newer { found: u32 },
    #[error("unknown tag `{tag}` on paragraph {paragraph}")]
    UnknownTag { paragraph: u32, tag: String },
}

/// Only the version, read first: a newer file must be refused before its fields are read.
#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parse the bytes of a tags file. A UTF-8 BOM (as Notepad writes) is skipped.
pub fn parse(bytes: &[u8]) -> Result<TagsFile, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        // An incomplete character at the very end is a file cut short, not a binary file.
        if error.error_len().is_some() {
            return LoadError::NotText;
        }
        let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        LoadError::CutShort {
            line: valid.lines().count().max(1),
            column: valid
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1,
        }
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // A file as paratag wrote it (every save, and every save's check of what it is about to
    // write) is read by a reader of exactly that form, several times faster than ron.
    let file = match canonical::read(text) {
        Some(file) if file.format > FORMAT_VERSION => {
            return Err(LoadError::Newer { found: file.format });
        }
        Some(file) => file,
        None => read_with_ron(text)?,
    };
    for entry in &file.annotations {
        for tag in &entry.tags {
            if tag_from_key(tag).is_none() {
                return Err(LoadError::UnknownTag {
                    paragraph: entry.paragraph,
                    tag: tag.clone(),
                });
            }
        }
    }
    Ok(file)
}

/// Read a tags file with ron: any layout RON allows, and a mistake's line and column.
#[doc(hidden)]
pub fn read_with_ron(text: &str) -> Result<TagsFile, LoadError> {
    let options = options();
    let syntax = |error: ron::error::SpannedError| LoadError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message: describe(&error.code),
    };
    // The version decides how to read the rest, so it is read first: from the header when it
    // stands where paratag writes it, or else by a full parse that ignores the other fields.
    let format = match header_format(text) {
        Some(format) => format,
        None => {
            options
                .from_str::<VersionProbe>(text)
                .map_err(syntax)?
                .format
        }
    };
    if format > FORMAT_VERSION {
        return Err(LoadError::Newer { found: format });
    }
    // Format 1 is the first; older versions will be migrated here as the format evolves.
    options.from_str(text).map_err(syntax)
}

/// What ron found wrong, in the words of the file rather than of paratag's code: ron names the
/// Rust types it was reading into (`VersionProbe`, `TagsFile`) and gives hints for Rust
/// programmers (`serde_stacker`, raw identifiers), which mean nothing to a user.
fn describe(code: &ron::Error) -> String {
    use ron::Error;
    let fields = |names: &[&str]| {
        names
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        Error::MissingStructField { field, .. } => format!("the field `{field}` is missing"),
        Error::DuplicateStructField { field, .. } => format!("the field `{field}` appears twice"),
        Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}` (the fields here are {})",
            fields(expected)
        ),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value `{found}` (expected one of {})",
            fields(expected)
        ),
        Error::ExpectedDifferentStructName { .. }
        | Error::ExpectedStructName(_)
        | Error::ExpectedNamedStructLike(_) => "expected `(`".to_owned(),
        Error::InvalidValueForType { found, .. } => format!("a value of the wrong kind: {found}"),
        Error::ExceededRecursionLimit => "the brackets are nested too deeply".to_owned(),
        Error::UnclosedLineComment | Error::ExpectedRawValue => "unexpected end".to_owned(),
        Error::SuggestRawIdentifier(identifier) => format!("invalid name {identifier:?}"),
        other => other.to_string(),
    }
}

/// The format version from the header, when the file starts as paratag writes it: comment
/// and attribute lines, `(`, then `format: N,`.
fn header_format(text: &str) -> Option<u32> {
    let mut rest = text.trim_start();
    while rest.starts_with("//") || rest.starts_with("#!") {
        rest = rest.split_once('\n')?.1.trim_start();
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].trim_start();
    if digits == 0 || digits > 9 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Whether bytes look like a tags file rather than a report (File ▸ Open takes both).
pub fn looks_like_tags_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let start = head.trim_start();
    (start.starts_with('(') || start.starts_with("#![enable") || start.starts_with("//"))
        && head.contains("format")
}

/// Serialise a tags file: pretty-printed, fields in a fixed order, one entry per paragraph.
///
/// Written directly rather than through ron's serialiser, which is several times slower on
/// large files; the schema is small and fixed, and every save parses the bytes back and
/// compares before anything is written, so a mistake here could never reach the disk. What
/// this writes is read back by `canonical::read`, which accepts exactly these bytes and agrees
/// with ron on all of them (checked by the tests and the `tags_file` fuzz target); anything
/// else it declines goes to ron.
pub fn to_string(file: &TagsFile) -> String {
    let mut out = String::with_capacity(256 + file.annotations.len() * 320);
    out.push_str(HEADER);
    let _ = writeln!(out, "{},", file.format);
    out.push_str("    document: (\n");
    if let Some(symbol) = &file.document.symbol {
        field(&mut out, 8, "symbol", symbol);
    }
    field(&mut out, 8, "language", &file.document.language);
    field(&mut out, 8, "fingerprint", &file.document.fingerprint);
    if let Some(name) = &file.document.file {
        field(&mut out, 8, "file", name);
    }
    out.push_str("    ),\n    annotations: [\n");
    for entry in &file.annotations {
        out.push_str("        (\n");
        let _ = writeln!(out, "            paragraph: {},", entry.paragraph);
        field(&mut out, 12, "fingerprint", &entry.fingerprint);
        field(&mut out, 12, "quote", &entry.quote);
        out.push_str("            tags: [");
        for (i, tag) in entry.tags.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            quoted(&mut out, tag);
        }
        out.push_str("],\n");
        field(&mut out, 12, "note", &entry.note);
        field(&mut out, 12, "changed", &entry.changed);
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// `name: "value",` on its own line, indented.
fn field(out: &mut String, indent: usize, name: &str, value: &str) {
    out.extend(std::iter::repeat_n(' ', indent));
    out.push_str(name);
    out.push_str(": ");
    quoted(out, value);
    out.push_str(",\n");
}

/// A RON string literal: quotes, backslashes and control characters escaped; everything else,
/// Chinese included, as it is.
fn quoted(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn tag_from_key(key: &str) -> Option<Tag> {
    Tag::ALL.into_iter().find(|tag| tag.key() == key)
}

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

/// RFC 3339 in UTC, to the second.
pub fn format_time(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

fn parse_time(text: &str) -> Option<SystemTime> {
    humantime::parse_rfc3339_weak(text).ok()
}

/// The reference to a document for its tags file.
pub fn document_ref(
    document: &Document,
    fingerprints: &Fingerprints,
    file: Option<&str>,
) -> DocumentRef {
    DocumentRef {
        symbol: document.symbol.clone(),
        language: document.language.code().to_owned(),
        fingerprint: fingerprints.document.clone(),
        file: file.map(str::to_owned),
    }
}

/// Build the file for a document's annotations, with the orphans kept from the file it was
/// opened from, in paragraph order.
pub fn build(
    document: &Document,
    fingerprints: &Fingerprints,
    file_name: Option<&str>,
    annotations: &Annotations,
    orphans: &[Entry],
) -> TagsFile {
    let paragraphs: Vec<_> = document.paragraphs().collect();
    let mut entries: Vec<Entry> = annotations
        .iter()
        .filter_map(|(index, annotation)| {
            let paragraph = paragraphs.get(index.0)?;
            Some(Entry {
                paragraph: paragraph.number,
                fingerprint: fingerprints.paragraphs.get(index.0)?.clone(),
                quote: quote(&paragraph.text),
                tags: annotation
                    .tags
                    .iter()
                    .map(|tag| tag.key().to_owned())
                    .collect(),
                note: annotation.note.clone(),
                changed: annotation.changed.map(format_time).unwrap_or_default(),
            })
        })
        .collect();
    entries.extend(orphans.iter().cloned());
    entries.sort_by_key(|entry| entry.paragraph);
    TagsFile {
        format: FORMAT_VERSION,
        document: document_ref(document, fingerprints, file_name),
        annotations: entries,
    }
}

/// How an annotation found its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Same text, same number.
    Exact,
    /// Same text under another number (paragraphs inserted or removed before it).
    Moved,
    /// The text was edited; found by its number and quote, or by a fuzzy match of its quote.
    Fuzzy,
}

/// Annotations placed in a document, and those that could not be.
#[derive(Clone, Debug, Default)]
pub struct Anchored {
    pub annotations: Annotations,
    pub orphans: Vec<Entry>,
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
}

struct Candidate<'a> {
    number: u32,
    fingerprint: &'a str,
    text: &'a str,
    /// The normalised text, made only if a fuzzy match needs it.
    normalized: std::cell::OnceCell<String>,
}

impl Candidate<'_> {
    fn normalized(&self) -> &str {
        self.normalized.get_or_init(|| normalize(self.text))
    }
}

/// Place a file's annotations in a document: by fingerprint, then by printed number confirmed
/// by the quote, then by a fuzzy match of the quote. What matches nowhere is an orphan.
///
/// Each way of matching is one pass over all entries, the surest first, so that an entry is
/// never beaten to its paragraph by a weaker match earlier in the file. That also makes a saved
/// file a fixed point: every placed entry is written with its paragraph's number and
/// fingerprint and takes it back in the first pass, and an orphan meets no more free paragraphs
/// than it did before, so opening and saving again changes nothing.
pub fn anchor(file: &TagsFile, document: &Document, fingerprints: &Fingerprints) -> Anchored {
    let paragraphs = Paragraphs::new(document, fingerprints);
    let quotes: Vec<String> = file
        .annotations
        .iter()
        .map(|entry| normalize(&entry.quote))
        .collect();
    let mut taken = vec![false; paragraphs.candidates.len()];
    let mut placed: Vec<Option<(usize, Anchor)>> = vec![None; file.annotations.len()];
    for pass in Pass::ALL {
        for (at, entry) in file.annotations.iter().enumerate() {
            if placed[at].is_some() || carries_nothing(entry) {
                continue;
            }
            if let Some(index) = paragraphs.find(pass, entry, &quotes[at], &taken) {
                taken[index] = true;
                placed[at] = Some((index, pass.anchor()));
            }
        }
    }

    let mut anchored = Anchored::default();
    for (entry, place) in file.annotations.iter().zip(placed) {
        if carries_nothing(entry) {
            continue;
        }
        let Some((index, kind)) = place else {
            anchored.orphans.push(entry.clone());
            continue;
        };
        match kind {
            Anchor::Exact => anchored.exact += 1,
            Anchor::Moved => anchored.moved += 1,
            Anchor::Fuzzy => anchored.fuzzy += 1,
        }
        let annotation = Annotation {
            tags: entry
                .tags
                .iter()
                .filter_map(|key| tag_from_key(key))
                .collect::<TagSet>(),
            note: entry.note.clone(),
            changed: parse_time(&entry.changed),
        };
        anchored
            .annotations
            .insert(ParagraphIndex(index), annotation);
    }
    anchored
}

/// An entry with no tag and no note carries nothing to keep; it must not take a paragraph (or
/// become an orphan) that the next save would not write.
fn carries_nothing(entry: &Entry) -> bool {
    entry.tags.is_empty() && entry.note.is_empty()
}

/// The ways an entry finds its paragraph, surest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    /// Same text, same number.
    Exact,
    /// Same text, another number.
    Moved,
    /// Edited text under the same number, confirmed by the quote.
    SameNumber,
    /// Edited text anywhere: the best match of the quote.
    Anywhere,
}

impl Pass {
    const ALL: [Self; 4] = [Self::Exact, Self::Moved, Self::SameNumber, Self::Anywhere];

    fn anchor(self) -> Anchor {
        match self {
            Self::Exact => Anchor::Exact,
            Self::Moved => Anchor::Moved,
            Self::SameNumber | Self::Anywhere => Anchor::Fuzzy,
        }
    }
}

/// A document's paragraphs, indexed for anchoring.
struct Paragraphs<'a> {
    candidates: Vec<Candidate<'a>>,
    by_fingerprint: HashMap<&'a str, Vec<usize>>,
    by_number: HashMap<u32, Vec<usize>>,
}

impl<'a> Paragraphs<'a> {
    fn new(document: &'a Document, fingerprints: &'a Fingerprints) -> Self {
        let candidates: Vec<Candidate<'a>> = document
            .paragraphs()
            .zip(&fingerprints.paragraphs)
            .map(|(paragraph, fingerprint)| Candidate {
                number: paragraph.number,
                fingerprint,
                text: &paragraph.text,
                normalized: std::cell::OnceCell::new(),
            })
            .collect();
        let mut by_fingerprint: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_number: HashMap<u32, Vec<usize>> = HashMap::new();
        for (index, candidate) in candidates.iter().enumerate() {
            by_fingerprint
                .entry(candidate.fingerprint)
                .or_default()
                .push(index);
            by_number.entry(candidate.number).or_default().push(index);
        }
        Self {
            candidates,
            by_fingerprint,
            by_number,
        }
    }

    /// The free paragraph `entry` (with its normalised `quote`) finds in this pass, if any.
    fn find(&self, pass: Pass, entry: &Entry, quote: &str, taken: &[bool]) -> Option<usize> {
        let free = |index: &usize| !taken[*index];
        let similar = |index: usize| {
            let score = similarity(quote, self.candidates[index].normalized());
            (score >= FUZZY_THRESHOLD).then_some(score)
        };
        match pass {
            Pass::Exact => self
                .by_fingerprint
                .get(entry.fingerprint.as_str())?
                .iter()
                .copied()
                .filter(free)
                .find(|index| self.candidates[*index].number == entry.paragraph),
            Pass::Moved => self
                .by_fingerprint
                .get(entry.fingerprint.as_str())?
                .iter()
                .copied()
                .find(free),
            Pass::SameNumber if !quote.is_empty() => self
                .by_number
                .get(&entry.paragraph)?
                .iter()
                .copied()
                .filter(free)
                .find(|index| similar(*index).is_some()),
            Pass::Anywhere if !quote.is_empty() => (0..self.candidates.len())
                .filter(free)
                .filter_map(|index| Some((index, similar(index)?)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(index, _)| index),
            Pass::SameNumber | Pass::Anywhere => None,
        }
    }
}

/// How well a quote matches the start of a paragraph (both normalised), 0–1.
fn similarity(quote: &str, paragraph: &str) -> f32 {
    let quote_chars = quote.chars().count();
    let end = paragraph
        .char_indices()
        .nth(quote_chars)
        .map_or(paragraph.len(), |(at, _)| at);
    let prefix = &paragraph[..end];
    if prefix == quote {
        return 1.0;
    }
    similar::TextDiff::configure()
        .timeout(Duration::from_millis(50))
        .diff_chars(quote, prefix)
        .ratio()
}

mod canonical;

/// The fast reader's contract, for the tests and the `tags_file` fuzz target: when it reads
/// `text`, `to_string` writes `text` back byte for byte, and ron reads `text` to the same file.
/// Returns what broke the contract, or `None`.
#[doc(hidden)]
pub fn canonical_reader_disagrees(text: &str) -> Option<String> {
    let file = canonical::read(text)?;
    let written = to_string(&file);
    if written != text {
        return Some(format!(
            "the fast reader took text that to_string does not write:\n{text}\nto_string writes:\n{written}"
        ));
    }
    let by_ron = read_with_ron(text);
    let agrees = if file.format > FORMAT_VERSION {
        by_ron == Err(LoadError::Newer { found: file.format })
    } else {
        by_ron.as_ref() == Ok(&file)
    };
    (!agrees).then(|| format!("ron reads {by_ron:?}, the fast reader {file:?}, from:\n{text}"))
}

#[cfg(test)]
pub(crate) mod tests;

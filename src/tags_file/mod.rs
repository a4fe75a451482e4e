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
//!
//! `read` parses a file (a fast reader for what paratag writes, ron for the rest), `write`
//! makes one, `fingerprint` identifies paragraphs across revisions, and `anchor` places each
//! annotation in a report.

use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::annotations::Tag;

mod anchor;
mod fingerprint;
mod read;
mod write;

pub use anchor::{Anchor, Anchored, anchor};
pub use fingerprint::{Fingerprints, normalize, paragraph_fingerprint, quote};
#[cfg(any(test, feature = "testing"))]
pub use read::read_with_ron;
pub use read::{describe, looks_like_tags_file, parse};
pub use write::{KeptVersion, build, build_with_versions, document_ref, to_string};

/// The newest format version this paratag reads and writes. A file is built in the oldest
/// version that holds it — 1; 2 when it records other language versions, dismissed
/// suggestions or a sub-paragraph; 3 when it names who made an annotation, holds a conflict or
/// records revisions — and every save records its revision, so a saved file is 3.
pub const FORMAT_VERSION: u32 = 3;

/// How every file paratag writes begins, up to the format number.
const HEADER: &str =
    "// paratag tags file (docs/tags-format.md)\n#![enable(implicit_some)]\n(\n    format: ";

/// The file as written: `(format: 1, document: (…), annotations: [(…), …])`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagsFile {
    pub format: u32,
    pub document: DocumentRef,
    /// This save's revision id, and the revisions it descends from, newest first (format 3):
    /// a merge tells a paragraph the other side saw and changed or dropped from one it never
    /// had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<String>,
    /// Other language versions of the report the tags were used with (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<DocumentRef>,
    #[serde(default)]
    pub annotations: Vec<Entry>,
}

impl TagsFile {
    /// The format version that holds this file: 3 when an annotation names its author, 2 with
    /// other language versions, dismissed suggestions or a sub-paragraph quoted, else 1.
    pub fn needed_format(&self) -> u32 {
        if self.revision.is_some()
            || !self.ancestors.is_empty()
            || self.annotations.iter().any(|entry| {
                entry.author.is_some() || !entry.conflicts.is_empty() || entry.revision.is_some()
            })
        {
            return 3;
        }
        let newer = !self.versions.is_empty()
            || self.annotations.iter().any(|entry| {
                !entry.versions.is_empty() || !entry.dismissed.is_empty() || entry.part.is_some()
            });
        if newer { 2 } else { 1 }
    }

    /// The file as another language version it records sees it: that version as the
    /// document, each entry's fingerprint and quote in that version as its own, and the
    /// document it was saved with among the versions. `None` when it records no version in
    /// `language` (or is in that language already). An entry with no text there keeps its own
    /// (it will anchor by nothing, and is kept as an orphan).
    pub fn seen_from(&self, language: &str) -> Option<Self> {
        if self.document.language == language {
            return None;
        }
        let at = self
            .versions
            .iter()
            .position(|version| version.language == language)?;
        let mut versions = self.versions.clone();
        let document = versions.remove(at);
        versions.insert(at, self.document.clone());
        let annotations = self
            .annotations
            .iter()
            .map(|entry| {
                let mut entry = entry.clone();
                if let Some(at) = entry
                    .versions
                    .iter()
                    .position(|text| text.language == language)
                {
                    let there = entry.versions.remove(at);
                    let here = VersionText {
                        language: self.document.language.clone(),
                        fingerprint: std::mem::replace(&mut entry.fingerprint, there.fingerprint),
                        quote: std::mem::replace(&mut entry.quote, there.quote),
                    };
                    entry.versions.insert(at, here);
                }
                entry
            })
            .collect();
        Some(Self {
            format: self.format,
            document,
            revision: self.revision.clone(),
            ancestors: self.ancestors.clone(),
            versions,
            annotations,
        })
    }
}

/// The same paragraph in another language version of the report: its fingerprint and quote
/// there, so that the tags anchor in that version too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionText {
    pub language: String,
    pub fingerprint: String,
    pub quote: String,
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
    /// The paragraph in the other language versions (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionText>,
    /// Suggested tags the delegate dismissed on the paragraph (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<String>,
    /// The sub-paragraph quoted instead of the whole paragraph: `b` for `(b)` (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Who made the annotation or last changed it (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Other versions of the note a merge found, not yet chosen between (format 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
    /// The revision of the file this entry last changed in (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
}

/// An annotation whose paragraph is not in the report on screen (made on another text of the
/// report): kept as it was saved, its tags typed, and written back on every save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The printed paragraph number in the text it was made on.
    pub paragraph: u32,
    pub fingerprint: String,
    pub quote: String,
    pub tags: crate::annotations::TagSet,
    pub note: String,
    /// When it last changed, as saved (kept as written, so a save leaves it as it was).
    pub changed: String,
    /// Its paragraph in other language versions, as saved.
    pub versions: Vec<VersionText>,
    /// Suggested tags dismissed on it, as saved.
    pub dismissed: crate::annotations::TagSet,
    /// The sub-paragraph it quoted, as saved.
    pub part: Option<String>,
    /// Who made it or last changed it, as saved.
    pub author: Option<String>,
    /// Other versions of its note not yet chosen between, as saved.
    pub conflicts: Vec<String>,
    /// The revision it last changed in, as saved.
    pub revision: Option<String>,
}

impl Orphan {
    /// The orphan of an entry of a file that was read (its tags were checked then: a tag
    /// paratag does not know refused the file).
    pub fn of(entry: &Entry) -> Self {
        Self {
            paragraph: entry.paragraph,
            fingerprint: entry.fingerprint.clone(),
            quote: entry.quote.clone(),
            tags: entry
                .tags
                .iter()
                .filter_map(|key| tag_from_key(key))
                .collect(),
            note: entry.note.clone(),
            changed: entry.changed.clone(),
            versions: entry.versions.clone(),
            dismissed: entry
                .dismissed
                .iter()
                .filter_map(|key| tag_from_key(key))
                .collect(),
            part: entry.part.clone(),
            author: entry.author.clone(),
            conflicts: entry.conflicts.clone(),
            revision: entry.revision.clone(),
        }
    }

    /// The entry that keeps it in the file.
    pub fn entry(&self) -> Entry {
        Entry {
            paragraph: self.paragraph,
            fingerprint: self.fingerprint.clone(),
            quote: self.quote.clone(),
            tags: self.tags.iter().map(|tag| tag.key().to_owned()).collect(),
            note: self.note.clone(),
            changed: self.changed.clone(),
            versions: self.versions.clone(),
            dismissed: self
                .dismissed
                .iter()
                .map(|tag| tag.key().to_owned())
                .collect(),
            part: self.part.clone(),
            author: self.author.clone(),
            conflicts: self.conflicts.clone(),
            revision: self.revision.clone(),
        }
    }
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

fn tag_from_key(key: &str) -> Option<Tag> {
    Tag::ALL.into_iter().find(|tag| tag.key() == key)
}

/// RFC 3339 in UTC, to the second.
pub fn format_time(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

fn parse_time(text: &str) -> Option<SystemTime> {
    humantime::parse_rfc3339_weak(text).ok()
}

mod canonical;

/// The fast reader's contract, for the tests and the `tags_file` fuzz target: when it reads
/// `text`, `to_string` writes `text` back byte for byte, and ron reads `text` to the same file.
/// Returns what broke the contract, or `None`.
#[cfg(any(test, feature = "testing"))]
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

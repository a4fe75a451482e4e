//! Writing a tags file: the document's reference and its annotations, in a fixed layout.

use std::fmt::Write as _;

use super::{
    DocumentRef, Entry, FORMAT_VERSION, HEADER, TagsFile, VersionText, format_time, quote,
};
use crate::annotations::{Annotations, ParagraphIndex};
use crate::document::Document;
use crate::tags_file::Fingerprints;

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
    document_fields(&mut out, 8, &file.document);
    out.push_str("    ),\n");
    if let Some(revision) = &file.revision {
        field(&mut out, 4, "revision", revision);
    }
    if !file.ancestors.is_empty() {
        out.push_str("    ancestors: [");
        tag_list(&mut out, &file.ancestors);
        out.push_str("],\n");
    }
    if !file.versions.is_empty() {
        out.push_str("    versions: [\n");
        for version in &file.versions {
            out.push_str("        (\n");
            document_fields(&mut out, 12, version);
            out.push_str("        ),\n");
        }
        out.push_str("    ],\n");
    }
    out.push_str("    annotations: [\n");
    for entry in &file.annotations {
        out.push_str("        (\n");
        let _ = writeln!(out, "            paragraph: {},", entry.paragraph);
        field(&mut out, 12, "fingerprint", &entry.fingerprint);
        field(&mut out, 12, "quote", &entry.quote);
        out.push_str("            tags: [");
        tag_list(&mut out, &entry.tags);
        out.push_str("],\n");
        field(&mut out, 12, "note", &entry.note);
        field(&mut out, 12, "changed", &entry.changed);
        if !entry.dismissed.is_empty() {
            out.push_str("            dismissed: [");
            tag_list(&mut out, &entry.dismissed);
            out.push_str("],\n");
        }
        if let Some(part) = &entry.part {
            field(&mut out, 12, "part", part);
        }
        if let Some(author) = &entry.author {
            field(&mut out, 12, "author", author);
        }
        if !entry.conflicts.is_empty() {
            out.push_str("            conflicts: [");
            tag_list(&mut out, &entry.conflicts);
            out.push_str("],\n");
        }
        if let Some(revision) = &entry.revision {
            field(&mut out, 12, "revision", revision);
        }
        if !entry.versions.is_empty() {
            out.push_str("            versions: [\n");
            for text in &entry.versions {
                out.push_str("                (\n");
                field(&mut out, 20, "language", &text.language);
                field(&mut out, 20, "fingerprint", &text.fingerprint);
                field(&mut out, 20, "quote", &text.quote);
                out.push_str("                ),\n");
            }
            out.push_str("            ],\n");
        }
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// Tags as a list's items: `"challenge", "proposal"`.
fn tag_list(out: &mut String, tags: &[String]) {
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        quoted(out, tag);
    }
}

/// A document's reference, one field a line.
fn document_fields(out: &mut String, indent: usize, document: &DocumentRef) {
    if let Some(symbol) = &document.symbol {
        field(out, indent, "symbol", symbol);
    }
    field(out, indent, "language", &document.language);
    field(out, indent, "fingerprint", &document.fingerprint);
    if let Some(name) = &document.file {
        field(out, indent, "file", name);
    }
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
    orphans: &[super::Orphan],
) -> TagsFile {
    build_with_versions(
        document,
        fingerprints,
        file_name,
        (annotations, orphans),
        &[],
        &|_| None,
    )
}

/// Another language version of the report the tags are used with: its reference, and each
/// paragraph's fingerprint and quote in it (by the paragraph's index in the tagged report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptVersion {
    pub document: DocumentRef,
    pub texts: std::collections::HashMap<ParagraphIndex, (String, String)>,
}

/// As [`build`], recording other language versions: each in `versions`, and each entry's
/// paragraph in them; and each entry's revision (`revision_of` a paragraph).
pub fn build_with_versions(
    document: &Document,
    fingerprints: &Fingerprints,
    file_name: Option<&str>,
    (annotations, orphans): (&Annotations, &[super::Orphan]),
    versions: &[KeptVersion],
    revision_of: &dyn Fn(ParagraphIndex) -> Option<String>,
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
                dismissed: annotation
                    .dismissed
                    .iter()
                    .map(|tag| tag.key().to_owned())
                    .collect(),
                part: annotation.part.clone(),
                author: annotation.author.clone(),
                conflicts: annotation.conflicts.clone(),
                revision: revision_of(index),
                versions: versions
                    .iter()
                    .filter_map(|version| {
                        let (fingerprint, quote) = version.texts.get(&index)?;
                        Some(VersionText {
                            language: version.document.language.clone(),
                            fingerprint: fingerprint.clone(),
                            quote: quote.clone(),
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    entries.extend(orphans.iter().map(super::Orphan::entry));
    entries.sort_by_key(|entry| entry.paragraph);
    let mut file = TagsFile {
        format: FORMAT_VERSION,
        document: document_ref(document, fingerprints, file_name),
        revision: None,
        ancestors: Vec::new(),
        versions: versions
            .iter()
            .map(|version| version.document.clone())
            .collect(),
        annotations: entries,
    };
    file.format = file.needed_format();
    file
}

//! Reading a tags file: the fast reader for the bytes paratag writes, ron for anything else,
//! and errors that name the line and column.

use serde::Deserialize;

use super::{FORMAT_VERSION, LoadError, TagsFile, canonical, tag_from_key};

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
        for tag in entry.tags.iter().chain(&entry.dismissed) {
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
pub fn describe(code: &ron::Error) -> String {
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

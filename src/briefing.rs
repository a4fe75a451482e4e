//! A briefing file, `NAME.briefing.ron` (docs/briefing-format.md): which reports make one
//! briefing note, with their tags files, and how the note is made — so that a meeting's note
//! is made again the next day the same way: in the window (File ▸ Open opens every report of
//! it in a tab and gives the Export dialog its choices; File ▸ Save briefing… writes one) or
//! with `paratag export --briefing FILE`. Paths are kept relative to the briefing file's
//! folder, so a folder of a meeting's documents can be copied or mailed whole.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::annotations::Tag;
use crate::export::{ExportOptions, Format, Grouping, NoteLanguage, Paper};

/// The newest format this paratag reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;

/// The first line of every briefing file paratag writes; also how File ▸ Open tells one from
/// a tags file or a report.
pub const HEADER: &str = "// paratag briefing: the reports of one briefing note and how it is made \
                          (docs/briefing-format.md).\n";

/// A briefing: the reports, in the note's order, and the note's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Briefing {
    pub reports: Vec<BriefingReport>,
    pub format: Format,
    /// The note's choices (its date is today's and its author the user's when read).
    pub options: ExportOptions,
}

/// A report of a briefing and its tags file (`None`: the one beside the report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingReport {
    pub report: PathBuf,
    pub tags: Option<PathBuf>,
}

/// Why a briefing file cannot be read. Nothing is opened then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BriefingError {
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
    #[error("unknown {field} `{value}`")]
    Unknown { field: &'static str, value: String },
    #[error("it names no report")]
    NoReports,
    #[error("it is not text (UTF-8)")]
    NotText,
}

#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

/// The file as written: plain strings and lists, no Rust type names.
#[derive(Serialize, Deserialize)]
struct File {
    format: u32,
    reports: Vec<FileReport>,
    note: FileNote,
}

#[derive(Serialize, Deserialize)]
struct FileReport {
    report: String,
    /// Empty: the tags file beside the report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    tags: String,
}

#[derive(Serialize, Deserialize)]
struct FileNote {
    format: String,
    language: String,
    group_by: String,
    #[serde(default)]
    only: Vec<String>,
    /// Quotes trimmed to this many characters; 0: whole.
    #[serde(default, skip_serializing_if = "is_zero")]
    trim: usize,
    #[serde(default = "yes")]
    merge_consecutive: bool,
    #[serde(default = "a4")]
    paper: String,
    /// Name who wrote each note.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    names: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
fn is_zero(value: &usize) -> bool {
    *value == 0
}

fn yes() -> bool {
    true
}

fn a4() -> String {
    Paper::A4.name().to_owned()
}

/// Whether the start of a file is a briefing file's (its header, as paratag writes it).
pub fn looks_like_briefing(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(HEADER.trim_end().as_bytes()) || head.starts_with(b"// paratag briefing")
}

/// Read a briefing file's bytes; relative paths are taken from `folder` (the file's own).
pub fn parse(bytes: &[u8], folder: &Path) -> Result<Briefing, BriefingError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| BriefingError::NotText)?;
    let options = ron::Options::default();
    let syntax = |error: ron::error::SpannedError| BriefingError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message: crate::tags_file::describe(&error.code),
    };
    // The version first: a newer file is refused before its fields are read.
    let found = options
        .from_str::<VersionProbe>(text)
        .map_err(syntax)?
        .format;
    if found > FORMAT_VERSION {
        return Err(BriefingError::Newer { found });
    }
    let file: File = options.from_str(text).map_err(syntax)?;
    if file.reports.is_empty() {
        return Err(BriefingError::NoReports);
    }
    let unknown = |field: &'static str, value: &str| BriefingError::Unknown {
        field,
        value: value.to_owned(),
    };
    let note = &file.note;
    let format =
        Format::from_extension(&note.format).ok_or_else(|| unknown("format", &note.format))?;
    let language = NoteLanguage::from_code(&note.language)
        .ok_or_else(|| unknown("language", &note.language))?;
    let mut options = ExportOptions::new(language);
    options.grouping = match note.group_by.as_str() {
        "tag" => Grouping::ByTag,
        "document" => Grouping::Document,
        "report" => Grouping::ReportThenTag,
        other => return Err(unknown("group_by", other)),
    };
    for key in &note.only {
        let tag = Tag::ALL
            .into_iter()
            .find(|tag| tag.key() == key)
            .ok_or_else(|| unknown("tag", key))?;
        options.only = options.only.toggled(tag);
    }
    options.trim_chars = (note.trim > 0).then_some(note.trim);
    options.merge_consecutive = note.merge_consecutive;
    options.names = note.names;
    options.paper = Paper::ALL
        .into_iter()
        .find(|paper| paper.name() == note.paper)
        .ok_or_else(|| unknown("paper", &note.paper))?;
    let resolve = |path: &str| folder.join(path);
    let reports = file
        .reports
        .iter()
        .map(|entry| BriefingReport {
            report: resolve(&entry.report),
            tags: (!entry.tags.is_empty()).then(|| resolve(&entry.tags)),
        })
        .collect();
    Ok(Briefing {
        reports,
        format,
        options,
    })
}

/// The text of a briefing file to be saved in `folder`: paths under it relative to it.
pub fn to_string(briefing: &Briefing, folder: &Path) -> String {
    let options = &briefing.options;
    let file = File {
        format: FORMAT_VERSION,
        reports: briefing
            .reports
            .iter()
            .map(|entry| FileReport {
                report: relative(&entry.report, folder),
                tags: entry
                    .tags
                    .as_deref()
                    .map(|tags| relative(tags, folder))
                    .unwrap_or_default(),
            })
            .collect(),
        note: FileNote {
            format: briefing.format.extension().to_owned(),
            language: options.language.code().to_owned(),
            group_by: match options.grouping {
                Grouping::ByTag => "tag",
                Grouping::Document => "document",
                Grouping::ReportThenTag => "report",
            }
            .to_owned(),
            only: options
                .only
                .iter()
                .map(|tag| tag.key().to_owned())
                .collect(),
            trim: options.trim_chars.unwrap_or(0),
            merge_consecutive: options.merge_consecutive,
            names: options.names,
            paper: options.paper.name().to_owned(),
        },
    };
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(false);
    // Plain structures of strings and numbers always serialise.
    let body = ron::ser::to_string_pretty(&file, pretty).unwrap_or_default();
    format!("{HEADER}{body}\n")
}

/// `path` relative to `folder` when it lies under it (`/` between names, as every system
/// reads), else as it is.
fn relative(path: &Path, folder: &Path) -> String {
    match path.strip_prefix(folder) {
        Ok(inside) if !folder.as_os_str().is_empty() => inside
            .components()
            .filter_map(|component| match component {
                Component::Normal(name) => Some(name.to_string_lossy()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/"),
        _ => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Briefing {
        let mut options = ExportOptions::new(NoteLanguage::Chinese);
        options.grouping = Grouping::ReportThenTag;
        options.only = crate::annotations::TagSet::only(Tag::Proposal);
        options.trim_chars = Some(300);
        options.paper = Paper::Letter;
        Briefing {
            reports: vec![
                BriefingReport {
                    report: PathBuf::from("/meeting/CAC-COSP-WG.2-2017-L.1-Add.1.zh.pdf"),
                    tags: None,
                },
                BriefingReport {
                    report: PathBuf::from("/meeting/other/A-HRC-40-3.docx"),
                    tags: Some(PathBuf::from("/elsewhere/A-HRC-40-3.tags.ron")),
                },
            ],
            format: Format::Pdf,
            options,
        }
    }

    #[test]
    fn a_briefing_round_trips_with_paths_relative_to_its_folder() {
        let briefing = example();
        let text = to_string(&briefing, Path::new("/meeting"));
        assert!(text.starts_with(HEADER), "{text}");
        assert!(text.contains("report: \"other/A-HRC-40-3.docx\""), "{text}");
        assert!(
            text.contains("tags: \"/elsewhere/A-HRC-40-3.tags.ron\""),
            "{text}"
        );
        assert!(looks_like_briefing(text.as_bytes()));
        let read = parse(text.as_bytes(), Path::new("/meeting")).unwrap();
        assert_eq!(read, briefing);
        // Moved with its folder, it finds the reports in the new place.
        let moved = parse(text.as_bytes(), Path::new("/copy")).unwrap();
        assert_eq!(
            moved.reports[1].report,
            Path::new("/copy/other/A-HRC-40-3.docx")
        );
    }

    #[test]
    fn a_hand_written_briefing_needs_only_the_reports_and_the_essentials() {
        let text = "(format: 1, reports: [(report: \"a.pdf\")], \
                    note: (format: \"docx\", language: \"en\", group_by: \"tag\"))";
        let briefing = parse(text.as_bytes(), Path::new("/m")).unwrap();
        assert_eq!(briefing.reports[0].report, Path::new("/m/a.pdf"));
        assert!(briefing.options.merge_consecutive);
        assert_eq!(briefing.options.paper, Paper::A4);
        assert!(
            !looks_like_briefing(text.as_bytes()),
            "no header: not told by its start"
        );
    }

    #[test]
    fn bad_briefings_say_what_is_wrong() {
        let read = |text: &str| {
            parse(text.as_bytes(), Path::new("/m"))
                .unwrap_err()
                .to_string()
        };
        let note = "note: (format: \"docx\", language: \"en\", group_by: \"tag\")";
        assert_eq!(
            read(&format!("(format: 2, reports: [], {note})")),
            "it was written by a newer paratag (format 2; this one reads up to 1); update paratag \
             to open it"
        );
        assert_eq!(
            read(&format!("(format: 1, reports: [], {note})")),
            "it names no report"
        );
        assert_eq!(
            read(
                "(format: 1, reports: [(report: \"a\")], note: (format: \"odt\", language: \"en\", group_by: \"tag\"))"
            ),
            "unknown format `odt`"
        );
        assert!(read("(format: 1, reports: [").starts_with("line 1, column"));
        assert_eq!(
            parse(b"\xff\xfe", Path::new("/m")),
            Err(BriefingError::NotText)
        );
    }
}

//! The command line: `paratag [REPORT]` opens the window; `paratag outline FILE [--json]`
//! prints the structure paratag recovers, for scripts and for checking a report before use.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::tagged_report::TaggedReport;
use crate::{outline, parse};

/// paratag: read a UN report and tag its paragraphs for a briefing note.
#[derive(Debug, Parser)]
#[command(
    name = "paratag",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A report to open in the window: a PDF, a Word document (.docx) or text (UTF-8, UTF-16
    /// or GB18030). Without it, paratag opens its built-in report.
    pub report: Option<PathBuf>,

    /// The tags file to open, or to create on the first save (instead of `REPORT.tags.ron`
    /// beside the report).
    #[arg(long, value_name = "FILE")]
    pub tags: Option<PathBuf>,

    /// Another language version of the report, shown beside it paragraph by paragraph.
    /// Without FILE: the built-in report's English version.
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub parallel: Option<Option<PathBuf>>,
}

/// The commands for scripts.
// Parsed once at start and matched at once: the size of its largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a report's structure: headings, numbered paragraphs, footnotes, and the page
    /// furniture that was removed.
    Outline {
        /// The report: a PDF, a Word document (.docx) or text.
        file: PathBuf,

        /// Print one JSON object: {"symbol", "language", "blocks", "footnotes", "removed"}.
        #[arg(long)]
        json: bool,
    },

    /// Suggest tags from the report's own wording (stock phrases such as "difficulties in",
    /// "a good practice", "recommended that"; 挑战, 良好做法, 建议), each with the words that
    /// suggest it. Nothing is tagged: the window asks the delegate to accept each one.
    Suggest {
        /// The report: a PDF, a Word document (.docx) or text.
        file: PathBuf,

        /// Print one JSON array: [{"paragraph", "tag", "score", "evidence": [{"cue", "start",
        /// "end", "weight"}]}], start and end in bytes of the paragraph's text as
        /// `outline --json` gives it.
        #[arg(long)]
        json: bool,

        /// More cues, in the lexicons' form (docs/suggestions.md), added to paratag's own for
        /// the report's language.
        #[arg(long, value_name = "FILE")]
        cues: Option<PathBuf>,
    },

    /// Export the tagged excerpts as a briefing note with UN citations.
    Export {
        /// The report: a PDF, a Word document (.docx) or text. Several reports make one note
        /// (a meeting's documents), each excerpt citing its own report.
        #[arg(required_unless_present = "briefing", num_args = 1..)]
        reports: Vec<PathBuf>,

        /// A briefing file (`NAME.briefing.ron`, saved by the window's File ▸ Save briefing…):
        /// its reports, their tags files and the note's choices. --format, -o and --date still
        /// apply; the other choices are the file's.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["reports", "tags", "parallel"])]
        briefing: Option<PathBuf>,

        /// The tags file (`REPORT.tags.ron` beside the report when not given; with several
        /// reports, always the one beside each).
        #[arg(long, value_name = "FILE")]
        tags: Option<PathBuf>,

        /// docx, pdf, md, html, csv or txt (a briefing file's own by default).
        #[arg(long, required_unless_present = "briefing", value_parser = ["docx", "pdf", "md", "html", "csv", "txt"])]
        format: Option<String>,

        /// The paper a PDF is set on.
        #[arg(long, value_parser = ["a4", "letter"], default_value = "a4")]
        paper: String,

        /// Another language version of the report: each quote is followed by the same
        /// paragraphs in that version (a bilingual note). One report only.
        #[arg(long, value_name = "REPORT")]
        parallel: Option<PathBuf>,

        /// Write here; text formats go to standard output without it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,

        /// Group the excerpts by tag (challenges, good practices, proposals), keep the
        /// report's order, or, with several reports, by report and then tag.
        #[arg(long, value_parser = ["tag", "document", "report"], default_value = "tag")]
        group_by: String,

        /// The language of labels and citations: `para. 12`, `第12段`, `par. 12`, `párr. 12`.
        #[arg(long, value_parser = ["en", "zh", "fr", "es"], default_value = "en")]
        lang: String,

        /// Only these tags, comma-separated: challenge, good-practice, proposal.
        #[arg(long, value_delimiter = ',', value_parser = ["challenge", "good-practice", "proposal"])]
        only: Vec<String>,

        /// Trim each quote to this many characters.
        #[arg(long, value_name = "CHARS")]
        trim: Option<usize>,

        /// Cite every paragraph on its own instead of `paras. 12–14`.
        #[arg(long)]
        no_merge: bool,

        /// Name who wrote each note (`Note (Ana Silva):`), from the tags files' authors.
        #[arg(long)]
        names: bool,

        /// The date in the header, YYYY-MM-DD (today by default).
        #[arg(long)]
        date: Option<String>,
    },

    /// Print a generated report of N numbered paragraphs (a real report's paragraphs,
    /// repeated and renumbered, with its headings and page furniture), for benchmarks and
    /// measurements. The built-in Chinese report unless --from names another.
    #[command(hide = true)]
    SampleReport {
        paragraphs: usize,
        /// The report whose paragraphs are repeated (any language).
        #[arg(long)]
        from: Option<PathBuf>,
        /// Print it as a PDF (Latin-1 text in Helvetica, 50 lines a page) instead of text.
        #[arg(long)]
        pdf: bool,
    },

    /// Save tags files to FILE over and over (with --verify: check FILE after a kill) for
    /// scripts/kill-during-save.sh, which kills this process at random moments.
    #[command(hide = true)]
    SaveLoop {
        tags: PathBuf,

        #[arg(long)]
        verify: bool,
    },

    /// Show paratag in the desktop's launcher and "Open with" for reports and tags files: a
    /// desktop entry, icons and the tags files' MIME type, in your data directory
    /// (~/.local/share). Not needed after installing the Debian package.
    InstallDesktop {
        /// Install under this folder instead (e.g. /usr/local/share for every user).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },

    /// Remove what install-desktop installed.
    UninstallDesktop {
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },

    /// Merge a colleague's tags file into mine: every tag and note of both kept (notes by
    /// different people side by side under their names; one note changed differently on both
    /// sides kept twice, as a conflict to settle in the window). Their file is only read.
    Merge {
        /// My tags file (`NAME.tags.ron`).
        mine: PathBuf,

        /// The colleague's tags file.
        theirs: PathBuf,

        /// Write the merged tags here (my tags file itself by default, its previous version
        /// kept as `.bak`).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,

        /// The report. Without it: the report my tags file names, beside it, or the built-in
        /// report when the tags are for it.
        report: Option<PathBuf>,
    },

    /// Check a tags file against a report: how many annotations anchor exactly, moved,
    /// matched fuzzily or became orphans. Exits 1 when a file cannot be read.
    Check {
        /// The tags file (`NAME.tags.ron`).
        tags: PathBuf,

        /// The report. Without it: the report named in the tags file, beside it, or the
        /// built-in report when the tags are for it.
        report: Option<PathBuf>,
    },
}

/// The export options a command line asks for.
pub fn export_options(
    group_by: &str,
    lang: &str,
    only: &[String],
    trim: Option<usize>,
    no_merge: bool,
    date: Option<&str>,
    paper: &str,
) -> crate::export::ExportOptions {
    use crate::export::{ExportOptions, Grouping, NoteLanguage};
    let language = NoteLanguage::from_code(lang).unwrap_or(NoteLanguage::English);
    let mut options = ExportOptions::new(language);
    options.grouping = match group_by {
        "document" => Grouping::Document,
        "report" => Grouping::ReportThenTag,
        _ => Grouping::ByTag,
    };
    options.only = crate::annotations::Tag::ALL
        .into_iter()
        .filter(|tag| only.iter().any(|key| key == tag.key()))
        .collect();
    options.trim_chars = trim;
    options.merge_consecutive = !no_merge;
    if let Some(date) = date {
        date.clone_into(&mut options.date);
    }
    options.paper = crate::export::Paper::ALL
        .into_iter()
        .find(|choice| choice.name() == paper)
        .unwrap_or_default();
    options
}

/// `paratag export --briefing FILE`: the note a briefing file describes, in its format
/// unless `format` says another.
pub fn export_briefing(
    path: &Path,
    format: Option<&str>,
    output: Option<&Path>,
    date: Option<&str>,
) -> ExitCode {
    let folder = path.parent().unwrap_or(Path::new(""));
    let read = crate::storage::read_regular(path, crate::storage::MAX_SAVED_BYTES)
        .map_err(|error| error.to_string())
        .and_then(|bytes| {
            crate::briefing::parse(&bytes, folder).map_err(|error| error.to_string())
        });
    let mut briefing = match read {
        Ok(briefing) => briefing,
        Err(problem) => {
            eprintln!(
                "paratag: cannot read the briefing: {problem} — {}",
                path.display()
            );
            return ExitCode::FAILURE;
        }
    };
    if let Some(date) = date {
        date.clone_into(&mut briefing.options.date);
    }
    let format = format
        .and_then(crate::export::Format::from_extension)
        .unwrap_or(briefing.format);
    let pairs: Vec<(PathBuf, PathBuf)> = briefing
        .reports
        .into_iter()
        .map(|entry| {
            let tags = entry
                .tags
                .unwrap_or_else(|| crate::tagged_report::tags_beside(&entry.report));
            (entry.report, tags)
        })
        .collect();
    export_pairs(&pairs, None, format, output, &briefing.options)
}

/// `paratag export …`: the same bytes as the window's Export, to a file or standard output;
/// with several reports, one note across them.
pub fn export(
    reports: &[PathBuf],
    tags: Option<&Path>,
    parallel: Option<&Path>,
    format: &str,
    output: Option<&Path>,
    options: &crate::export::ExportOptions,
) -> ExitCode {
    let Some(format) = crate::export::Format::from_extension(format) else {
        eprintln!("paratag: unknown format {format}");
        return ExitCode::FAILURE;
    };
    if tags.is_some() && reports.len() > 1 {
        eprintln!(
            "paratag: --tags names the tags of one report; with several, each report's tags \
             are read from beside it"
        );
        return ExitCode::FAILURE;
    }
    let pairs: Vec<(PathBuf, PathBuf)> = reports
        .iter()
        .map(|report| {
            let tags = tags.map_or_else(
                || crate::tagged_report::tags_beside(report),
                Path::to_path_buf,
            );
            (report.clone(), tags)
        })
        .collect();
    export_pairs(&pairs, parallel, format, output, options)
}

/// The note of these reports, each with its tags file, written to `output` or standard
/// output.
fn export_pairs(
    pairs: &[(PathBuf, PathBuf)],
    parallel: Option<&Path>,
    format: crate::export::Format,
    output: Option<&Path>,
    options: &crate::export::ExportOptions,
) -> ExitCode {
    if !format.is_text() && output.is_none() {
        eprintln!(
            "paratag: a {} note needs a file to go to: add -o FILE.{}",
            if format == crate::export::Format::Pdf {
                "PDF"
            } else {
                "Word"
            },
            format.extension()
        );
        return ExitCode::FAILURE;
    }
    let mut tagged = Vec::with_capacity(pairs.len());
    let mut protected = Vec::with_capacity(pairs.len() * 2);
    for (report, tags) in pairs {
        match tagged_report(report, tags) {
            Ok(one) => tagged.push(one),
            Err(problem) => {
                eprintln!("paratag: {problem}");
                return ExitCode::FAILURE;
            }
        }
        protected.push((report.clone(), crate::storage::Protected::Report));
        protected.push((tags.clone(), crate::storage::Protected::TagsFile));
    }
    let parallel = match parallel.map(|path| read_parallel(path, &tagged)) {
        None => None,
        Some(Ok(document)) => Some(document),
        Some(Err(problem)) => {
            eprintln!("paratag: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let mut sources: Vec<_> = tagged.iter().map(TaggedReport::source).collect();
    if let (Some(document), Some(source)) = (&parallel, sources.first_mut()) {
        source.parallel = Some(document);
    }
    let bytes = match crate::export::export_many(&sources, options, format) {
        Ok(bytes) => bytes,
        Err(error) => {
            let tags: Vec<String> = protected
                .iter()
                .filter(|(_, kind)| *kind == crate::storage::Protected::TagsFile)
                .map(|(path, _)| path.display().to_string())
                .collect();
            eprintln!("paratag: {error} — {}", tags.join(", "));
            return ExitCode::FAILURE;
        }
    };
    let protected: Vec<(&Path, crate::storage::Protected)> = protected
        .iter()
        .map(|(path, kind)| (path.as_path(), *kind))
        .collect();
    let written = match output {
        Some(path) => {
            crate::storage::write_export(&crate::storage::RealDisk, path, &bytes, &protected)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))
        }
        None => match std::io::stdout().lock().write_all(&bytes) {
            Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the note: {error}"))
            }
            _ => Ok(()),
        },
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("paratag: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// A report and the tags beside it (or at `tags`), read and anchored; or why not, naming the
/// file.
fn tagged_report(report: &Path, tags: &Path) -> Result<TaggedReport, String> {
    use crate::tagged_report::OpenTaggedError;
    let strings = crate::i18n::UiLanguage::English.strings();
    crate::tagged_report::open_tagged(report, tags).map_err(|error| match error {
        OpenTaggedError::Report(error) => strings.report_error(&error),
        OpenTaggedError::NoTags => {
            format!("there is no tags file to export — {}", tags.display())
        }
        OpenTaggedError::Tags(error) => unreadable_tags(tags, &strings.read_tags_problem(&error)),
        OpenTaggedError::Foreign { theirs, ours } => format!(
            "these tags are for {theirs}, not {} — {}",
            ours.as_deref().unwrap_or("this report"),
            tags.display()
        ),
    })
}

/// The other language version of the one report being exported; how the two differ as
/// versions of one report goes to standard error (what matches is still quoted).
fn read_parallel(
    path: &Path,
    tagged: &[TaggedReport],
) -> Result<crate::document::Document, String> {
    let [report] = tagged else {
        return Err(
            "--parallel quotes the other language version of one report; give one report"
                .to_owned(),
        );
    };
    let strings = crate::i18n::UiLanguage::English.strings();
    let other = parse::read_report(path).map_err(|error| strings.report_error(&error))?;
    let rows = crate::parallel::align(report.document(), &other);
    for difference in crate::parallel::compare(report.document(), &other, &rows) {
        eprintln!(
            "paratag: {} — {}",
            strings.version_difference(&difference),
            path.display()
        );
    }
    Ok(other)
}

/// The versions of a tags file that `save-loop` writes in turn: the built-in report's tags,
/// more each time, with notes long enough that a kill often lands in the middle of a write.
fn save_loop_versions() -> Vec<Vec<u8>> {
    let Ok(document) = crate::builtin_report::document() else {
        return Vec::new();
    };
    let fingerprints = crate::tags_file::Fingerprints::new(&document);
    (1..=8)
        .map(|version| {
            let mut annotations = crate::annotations::Annotations::default();
            for index in 0..version * 2 {
                annotations.insert(
                    crate::annotations::ParagraphIndex(index),
                    crate::annotations::Annotation {
                        tags: std::iter::once(crate::annotations::Tag::ALL[index % 3]).collect(),
                        note: format!("version {version}: {}", "需要在简报中提及。".repeat(120)),
                        ..crate::annotations::Annotation::default()
                    },
                );
            }
            let file = crate::tags_file::build(&document, &fingerprints, None, &annotations, &[]);
            crate::tags_file::to_string(&file).into_bytes()
        })
        .collect()
}

/// `paratag save-loop TAGS`: save the versions in turn until killed. With `--verify`: clean up
/// as the app does at start, then check that TAGS (and its .bak) is whole and is one of the
/// versions, and that no temporary file is left.
pub fn save_loop(tags: &Path, verify: bool) -> ExitCode {
    let versions = save_loop_versions();
    if !verify {
        loop {
            for bytes in &versions {
                if let Err(error) = crate::storage::save(
                    &crate::storage::RealDisk,
                    tags,
                    bytes,
                    None,
                    crate::storage::Allow::default(),
                ) {
                    eprintln!("paratag: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    crate::storage::clean_stray_temporaries(tags);
    let mut problems = Vec::new();
    for path in [tags.to_path_buf(), crate::storage::backup_path(tags)] {
        match std::fs::read(&path) {
            Ok(bytes) if versions.contains(&bytes) && crate::tags_file::parse(&bytes).is_ok() => {}
            Ok(bytes) => problems.push(format!(
                "{} holds {} bytes that are no saved version",
                path.display(),
                bytes.len()
            )),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && path != tags => {}
            Err(error) => problems.push(format!("{}: {error}", path.display())),
        }
    }
    let name = tags
        .file_name()
        .map(|name| format!(".{}.", name.to_string_lossy()))
        .unwrap_or_default();
    let dir = tags
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&name) {
                problems.push(format!("temporary file left: {}", entry.path().display()));
            }
        }
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        for problem in problems {
            eprintln!("paratag: {problem}");
        }
        ExitCode::FAILURE
    }
}

/// `paratag install-desktop` and `paratag uninstall-desktop`.
pub fn desktop(install: bool, data_dir: Option<&Path>) -> ExitCode {
    if cfg!(any(windows, target_os = "macos")) {
        eprintln!(
            "paratag: install-desktop is for Linux and BSD desktops; on this system use the \
             installer (docs/packaging.md)"
        );
        return ExitCode::FAILURE;
    }
    let Some(data_dir) = data_dir
        .map(Path::to_path_buf)
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.data_dir().to_path_buf()))
    else {
        eprintln!("paratag: no home folder to install into; name one with --data-dir DIR");
        return ExitCode::FAILURE;
    };
    let program = match std::env::current_exe().and_then(std::fs::canonicalize) {
        Ok(program) => program,
        Err(error) => {
            eprintln!("paratag: cannot tell where this program is: {error}");
            return ExitCode::FAILURE;
        }
    };
    let files = crate::desktop::files(&program);
    let done = if install {
        crate::desktop::install(&data_dir, &files)
    } else {
        crate::desktop::uninstall(&data_dir, &files)
    };
    let outcome = match done {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("paratag: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = String::new();
    let _ = match (install, outcome.files.is_empty()) {
        (true, _) => writeln!(
            text,
            "Installed in {}, starting {}:",
            data_dir.display(),
            program.display()
        ),
        (false, true) => writeln!(text, "Nothing to remove in {}.", data_dir.display()),
        (false, false) => writeln!(text, "Removed from {}:", data_dir.display()),
    };
    for file in &outcome.files {
        let shown = file.strip_prefix(&data_dir).unwrap_or(file);
        let _ = writeln!(text, "  {}", shown.display());
    }
    if !outcome.not_refreshed.is_empty() {
        let _ = writeln!(
            text,
            "Not on this system: {} — the desktop takes the change at its next start.",
            outcome.not_refreshed.join(", ")
        );
    }
    if install {
        text.push_str(
            "paratag is now among the applications, and in \"Open with\" for PDF, Word, text \
             and tags files.\n",
        );
    }
    print!("{text}");
    ExitCode::SUCCESS
}

/// Why a tags file cannot be used, for the command line: the window's sentence goes on about
/// Save, which a script never does (the file is left as it is all the same).
fn unreadable_tags(tags: &Path, problem: &dyn std::fmt::Display) -> String {
    format!(
        "Cannot open the tags file: {problem}. It was left as it is — {}",
        tags.display()
    )
}

/// `paratag check TAGS [REPORT]`.
/// The report a tags file is for: `report` if given, else the one it names beside it, else the
/// built-in report when the tags are for it; or why none, naming the file.
fn report_for(
    tags: &Path,
    file: &crate::tags_file::TagsFile,
    report: Option<&Path>,
) -> Result<crate::document::Document, String> {
    let named = file.document.report_beside(tags);
    match report.map(Path::to_path_buf).or(named) {
        Some(path) => parse::read_report(&path).map_err(|error| error.to_string()),
        None => match crate::builtin_report::document() {
            Ok(document) if document.symbol == file.document.symbol => Ok(document),
            _ => Err(format!(
                "name the report these tags are for ({}) — {}",
                file.document
                    .symbol
                    .as_deref()
                    .unwrap_or("a report without a symbol"),
                tags.display()
            )),
        },
    }
}

/// A tags file read and parsed, or why not, naming it.
fn read_tags_file(tags: &Path) -> Result<crate::tags_file::TagsFile, String> {
    crate::storage::read_regular(tags, crate::storage::MAX_SAVED_BYTES)
        .map_err(|error| error.to_string())
        .and_then(|bytes| crate::tags_file::parse(&bytes).map_err(|error| error.to_string()))
        .map_err(|problem| unreadable_tags(tags, &problem))
}

/// `paratag merge MINE THEIRS [-o OUT] [REPORT]`: a colleague's tags merged into mine, as the
/// window's File ▸ Merge tags from… does, written to OUT (MINE by default, atomically, its
/// previous version kept as `.bak`). THEIRS is only read; what the merge did is said on
/// standard error.
pub fn merge(mine: &Path, theirs: &Path, output: Option<&Path>, report: Option<&Path>) -> ExitCode {
    match merge_files(mine, theirs, output, report) {
        Ok(summary) => {
            eprintln!("paratag: {summary}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("paratag: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn merge_files(
    mine: &Path,
    theirs: &Path,
    output: Option<&Path>,
    report: Option<&Path>,
) -> Result<String, String> {
    let strings = crate::i18n::UiLanguage::English.strings();
    let out = output.unwrap_or(mine);
    if out == theirs || crate::storage::same_file(out, theirs) {
        return Err(format!(
            "a merge never writes to the colleague's file; name another with -o — {}",
            theirs.display()
        ));
    }
    let my_file = read_tags_file(mine)?;
    let document = report_for(mine, &my_file, report)?;
    let mut tagged = TaggedReport::new(document);
    if let crate::tagged_report::Loaded::Foreign { theirs: other } =
        tagged.take_tags(&my_file, false)
    {
        return Err(format!(
            "these tags are for {other}, not this report — {}",
            mine.display()
        ));
    }
    let their_file = read_tags_file(theirs)?;
    let merged = tagged.merge_tags(&their_file).map_err(|other| {
        let problem = crate::i18n::Strings::fill(strings.merge_foreign, &[("theirs", &other)]);
        crate::i18n::Strings::fill(
            strings.cannot_merge,
            &[("problem", &problem), ("path", &theirs.display())],
        )
    })?;
    tagged
        .save_tags(
            &crate::storage::RealDisk,
            out,
            my_file.document.file.as_deref(),
            None,
            crate::storage::Allow::default(),
        )
        .map_err(|error| match error {
            crate::tagged_report::SaveTagsError::ReadBack => strings.tags_read_back.to_owned(),
            crate::tagged_report::SaveTagsError::Save(error) => strings.save_problem(&error),
        })
        .map_err(|problem| {
            format!(
                "cannot write the merged tags: {problem} — {}",
                out.display()
            )
        })?;
    let name = theirs.file_name().map_or_else(
        || theirs.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok(strings.merge_summary(&name, &merged))
}

pub fn check(tags: &Path, report: Option<&Path>) -> ExitCode {
    let file = match crate::storage::read_regular(tags, crate::storage::MAX_SAVED_BYTES)
        .map_err(|error| error.to_string())
        .and_then(|bytes| crate::tags_file::parse(&bytes).map_err(|error| error.to_string()))
    {
        Ok(file) => file,
        Err(problem) => {
            eprintln!("paratag: {}", unreadable_tags(tags, &problem));
            return ExitCode::FAILURE;
        }
    };
    let document = match report_for(tags, &file, report) {
        Ok(document) => document,
        Err(problem) => {
            eprintln!("paratag: {problem}");
            return ExitCode::FAILURE;
        }
    };
    if let (Some(theirs), Some(ours)) = (&file.document.symbol, &document.symbol)
        && theirs != ours
    {
        eprintln!(
            "paratag: these tags are for {theirs}, not {ours}; the counts below treat them as if \
             they were"
        );
    }
    let fingerprints = crate::tags_file::Fingerprints::new(&document);
    let anchored = crate::tags_file::anchor(&file, &document, &fingerprints);
    let mut text = format!(
        "{} annotations: {} exact, {} moved, {} fuzzy, {} orphans\n",
        file.annotations.len(),
        anchored.exact,
        anchored.moved,
        anchored.fuzzy,
        anchored.orphans.len()
    );
    for orphan in &anchored.orphans {
        let _ = writeln!(
            text,
            "  orphan: paragraph {} «{}»",
            orphan.paragraph, orphan.quote
        );
    }
    write_stdout(&text, "the counts")
}

/// `paratag sample-report N [--from REPORT]`: the generated report on stdout, or exit status 1
/// with the reason (naming the source file) on stderr.
pub fn sample_report(paragraphs: usize, from: Option<&Path>, pdf: bool) -> ExitCode {
    let text = match from {
        None => Ok((
            crate::synthetic::large_chinese_report(paragraphs),
            crate::builtin_report::document()
                .ok()
                .and_then(|seed| seed.symbol),
        )),
        Some(file) => match parse::read_report(file) {
            Ok(source) => crate::synthetic::large_report(&source, paragraphs)
                .map(|text| (text, source.symbol.clone()))
                .map_err(|error| format!("{}: {error}", file.display())),
            Err(error) => Err(error.to_string()),
        },
    };
    match text {
        Ok((text, symbol)) if pdf => {
            let bytes = crate::synthetic::pdf_report(&text, symbol.as_deref().unwrap_or_default());
            write_stdout_bytes(&bytes, "the report")
        }
        Ok((text, _)) => write_stdout(&text, "the report"),
        Err(error) => {
            eprintln!("paratag: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Write to standard output. `paratag … | head` closes the pipe early: not an error worth
/// reporting.
fn write_stdout(text: &str, what: &str) -> ExitCode {
    write_stdout_bytes(text.as_bytes(), what)
}

fn write_stdout_bytes(bytes: &[u8], what: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("paratag: cannot write {what}: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `paratag outline FILE [--json]`: exit status 0 with the outline on stdout, or 1 with the
/// reason on stderr.
pub fn outline(file: &Path, json: bool) -> ExitCode {
    let document = match parse::read_report(file) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("paratag: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = if json {
        outline::to_json(&document)
    } else {
        outline::to_text(&document)
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    write_stdout(&text, "the outline")
}

/// `paratag suggest FILE [--json] [--cues FILE]`: the suggested tags on stdout, one line each
/// (`12  proposal  4.0  proposed «One delegation proposed negotiating»`), or why not on stderr.
pub fn suggest(file: &Path, json: bool, cues: Option<&Path>) -> ExitCode {
    use crate::suggest::{Lexicon, suggest};
    let document = match parse::read_report(file) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("paratag: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut lexicon = Lexicon::shipped(document.language);
    if let Some(path) = cues {
        match crate::suggest::read_lexicon(path) {
            Ok(more) => lexicon = lexicon.with(more),
            Err(problem) => {
                eprintln!(
                    "paratag: cannot read the cues: {problem} — {}",
                    path.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    let suggestions = suggest(&document, &lexicon);
    let paragraphs: Vec<&str> = document.paragraphs().map(|p| p.text.as_str()).collect();
    let text = if json {
        let items: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "paragraph": s.number,
                    "tag": s.tag.key(),
                    "score": s.score,
                    "evidence": s.evidence.iter().map(|e| serde_json::json!({
                        "cue": e.cue,
                        "start": e.range.start,
                        "end": e.range.end,
                        "weight": e.weight,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&items).unwrap_or_default();
        text.push('\n');
        text
    } else {
        let mut text = String::new();
        for s in &suggestions {
            let paragraph = paragraphs.get(s.paragraph.0).copied().unwrap_or_default();
            let evidence: Vec<String> = s
                .evidence
                .iter()
                .map(|e| format!("{} «{}»", e.cue, context(paragraph, e.range.clone())))
                .collect();
            let _ = writeln!(
                text,
                "{:<5} {:<13} {:>4.1}  {}",
                s.number,
                s.tag.key(),
                s.score,
                evidence.join(", ")
            );
        }
        text
    };
    write_stdout(&text, "the suggestions")
}

/// A few words either side of `range` in `text`, on one line.
fn context(text: &str, range: std::ops::Range<usize>) -> String {
    const AROUND: usize = 16;
    let start = text[..range.start]
        .char_indices()
        .rev()
        .nth(AROUND - 1)
        .map_or(0, |(at, _)| at);
    let end = text[range.end..]
        .char_indices()
        .nth(AROUND)
        .map_or(text.len(), |(at, _)| range.end + at);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.push_str(&text[start..end].replace('\n', " "));
    if end < text.len() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn outline_and_report_arguments() {
        let cli = Cli::try_parse_from(["paratag", "outline", "r.txt", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Outline { json: true, .. })
        ));
        let cli = Cli::try_parse_from(["paratag", "report.txt"]).unwrap();
        assert_eq!(cli.report.as_deref(), Some(Path::new("report.txt")));
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["paratag"]).unwrap();
        assert!(cli.report.is_none() && cli.command.is_none());
    }
}

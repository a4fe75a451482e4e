//! The application: the open report, its annotations and their history, and every command
//! applied in one place ([`ParatagApp::apply`]). The UI modules draw this state and push
//! commands; nothing else changes it.

pub mod dialogs;
pub mod notices;
pub mod preferences;
mod reports;
mod suggestions;
mod tags;
mod versions;

use std::path::{Path, PathBuf};

use crate::annotations::{Annotations, MAX_NOTE_CHARS, ParagraphIndex, TagSet};
use crate::command::{Choice, Command, Message};
use crate::document::Document;
use crate::history::{History, Moment};
use crate::i18n::Strings;
use crate::parallel::Side;
use crate::search;
use crate::tagged_report::TaggedReport;
use crate::{builtin_report, parse};
pub use dialogs::DialogKind;
use dialogs::{FileFilter, OPENABLE, PathQuestion};
use notices::{About, Level, Notices};
use preferences::Preferences;
pub use reports::{OpenReport, ReportId};
pub use suggestions::Suggested;
pub use tags::{Closes, Closing, RecoveryCopy, TagsState};
pub use versions::ParallelVersion;

/// Where the app learns the time: the system's clock in the window, one a test sets.
pub trait Clock {
    fn now(&self) -> Moment;
}

/// The system's clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Moment {
        Moment::now()
    }
}

/// The Export dialog's choices, and its preview for the choices it was made for.
#[derive(Debug)]
pub struct ExportDialog {
    pub options: crate::export::ExportOptions,
    pub format: crate::export::Format,
    /// Other reports quoted in the same note (a meeting's documents), each with its tags as
    /// they were read when added, after the open report.
    pub others: Vec<NoteReport>,
    /// Counts changes to what the note quotes (`others`, the other version), so that a
    /// preview made before one is not shown after it.
    pub generation: u64,
    /// With another language version open: quote it beneath each excerpt.
    pub quote_parallel: bool,
    /// Open reports the note leaves out (by default it quotes every open report).
    pub left_out: Vec<ReportId>,
}

/// Another report in the briefing note, and where it came from.
#[derive(Debug)]
pub struct NoteReport {
    pub path: PathBuf,
    pub report: TaggedReport,
}

/// The find bar's state.
#[derive(Debug, Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    /// Every match in the report and in the other version beside it, in reading order.
    pub matches: Vec<Hit>,
    /// The match the user is on.
    pub current: Option<usize>,
}

/// A match of the find query: in which version, in which block, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub side: Side,
    pub block: usize,
    pub range: std::ops::Range<usize>,
}

/// What the app asks of the window, carried out by the composition root after each step:
/// the app decides, the window acts, and tests read the decision without a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Close the window (the user quit, or closing was put off until a save succeeded).
    CloseWindow,
    /// Keep the window open: the close the system asked for waits for the user's answer.
    CancelClose,
    /// Put text on the clipboard.
    CopyText(String),
    /// Wake up after this long with no input (a recovery copy or a worker's answer is due).
    RepaintAfter(std::time::Duration),
    /// Ask the user for a file; the answer comes back as [`Message::Answered`].
    AskPath(PathQuestion),
}

/// Requests the view carries out once: each counts how often it was made, and the view does
/// what is asked when the count differs from the one it saw last (reading them changes
/// nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Requests {
    /// Bring the selected paragraph into view.
    pub scroll_to_selected: u64,
    /// Give the note field keyboard focus.
    pub focus_note: u64,
    /// Give the find bar's query field keyboard focus.
    pub focus_find: u64,
}

/// What a modal window is asking or telling.
#[derive(Debug)]
pub enum Modal {
    /// The report on screen (named) is closing with unsaved tags: save, discard or cancel.
    ConfirmCloseReport(String),
    /// The window is closing with unsaved tags in one or more open reports: save them all,
    /// discard or cancel.
    ConfirmClose,
    /// The tags file changed on disk since it was opened.
    ChangedOnDisk(PathBuf),
    /// The tags at `path` are for another document (`theirs`).
    ForeignTags {
        path: PathBuf,
        theirs: String,
    },
    /// Recovery copies from windows that did not close cleanly, the latest first.
    OfferRecovery(Vec<tags::RecoveryCopy>),
    /// Saving would separate the tags file from its other names (hard links).
    HardLinked {
        path: PathBuf,
        others: u64,
    },
    Shortcuts,
    About,
}

/// The state of the window.
pub struct ParatagApp {
    /// The report on screen, its annotations, their history and its orphans. It and the
    /// fields down to `suggested` are the report's own: the other open reports keep theirs on
    /// the shelf (`reports.rs`).
    report: TaggedReport,
    /// Which open report is on screen.
    report_id: ReportId,
    /// The report's file, `None` for the built-in report.
    report_path: Option<PathBuf>,
    /// paratag's data directory (built-in report's tags, recovery copies); `None` in tests
    /// that must not touch the user's files.
    data_dir: Option<PathBuf>,
    tags: TagsState,
    /// This window's recovery copy and lock (made at the first autosave).
    recovery: Option<tags::RecoverySlot>,
    /// Problems and notices shown above the report until dismissed.
    notices: Notices,
    selected: Option<ParagraphIndex>,
    /// Show only paragraphs carrying one of these tags (all when empty).
    filter: TagSet,
    /// Show only paragraphs this person annotated last (all when `None`).
    filter_author: Option<String>,
    find: Find,
    /// What the view is asked to do once (scroll, focus a field).
    requests: Requests,
    /// What the window is asked to do, until it does it.
    effects: Vec<Effect>,
    preferences: Preferences,
    modal: Option<Modal>,
    /// The question about a file out with the user, until it is answered.
    asking: Option<DialogKind>,
    /// The Export dialog, while it is open.
    export_dialog: Option<ExportDialog>,
    /// Another language version beside the report.
    parallel: Option<ParallelVersion>,
    /// Tags the report's wording suggests, while shown.
    suggested: Option<Suggested>,
    /// The other open reports, in the order of their tabs without the one on screen, which
    /// stands at `position`.
    shelf: Vec<reports::Shelved>,
    position: usize,
    /// The last report id given.
    next_report_id: u64,
    /// What happens when the window, or a report, is asked to close.
    closing: Closing,
    clock: Box<dyn Clock>,
    /// Where tags files, recovery copies and briefing notes are written: the real file
    /// system, or one a test makes fail.
    disk: Box<dyn crate::storage::Disk>,
    /// Where old Word documents are converted.
    conversion: Conversion,
    /// The report being converted.
    converting: Option<Converting>,
}

/// PDFs larger than this are read on a worker thread in the window (about 100 pages of plain
/// text; reading takes a quarter of a second or more, BENCHMARKS.md).
const LONG_PDF_BYTES: u64 = 512 * 1024;

/// Where an old Word document is converted, and a long PDF read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conversion {
    /// Right away, waiting for it: tests and the command line.
    InPlace,
    /// On a worker thread while a bar says so: the window.
    OnWorker,
}

/// A report on its way in from a worker thread (an old Word document being converted).
#[derive(Debug)]
struct Converting {
    path: PathBuf,
    tags: Option<PathBuf>,
    /// It is the other language version, to show beside the report.
    parallel: bool,
    receiver: std::sync::mpsc::Receiver<Result<Document, parse::ReportError>>,
}

impl std::fmt::Debug for ParatagApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParatagApp")
            .field("selected", &self.selected)
            .field("filter", &self.filter)
            .finish_non_exhaustive()
    }
}

impl ParatagApp {
    /// The app showing the report at `path`, or the built-in report without one. A report that
    /// cannot be opened leaves the built-in report on screen with the reason above it.
    pub fn new(path: Option<&Path>, preferences: Preferences) -> Self {
        let (document, mut problem) = builtin_report();
        let mut app = Self {
            report: TaggedReport::new(document),
            report_id: ReportId(0),
            report_path: None,
            data_dir: None,
            tags: TagsState::default(),
            recovery: None,
            notices: Notices::default(),
            selected: None,
            filter: TagSet::EMPTY,
            filter_author: None,
            find: Find::default(),
            requests: Requests::default(),
            effects: Vec::new(),
            preferences,
            modal: None,
            asking: None,
            export_dialog: None,
            parallel: None,
            suggested: None,
            shelf: Vec::new(),
            position: 0,
            next_report_id: 0,
            closing: Closing::Ask,
            clock: Box::new(SystemClock),
            disk: Box::new(crate::storage::RealDisk),
            conversion: Conversion::InPlace,
            converting: None,
        };
        app.record_author();
        if let Some(path) = path {
            app.open_now(path, None);
        }
        if app.problem().is_none()
            && let Some(problem) = problem.take()
        {
            app.notices.problem(About::Opening, problem);
        }
        app
    }

    /// The app of a window: as [`Self::launch`], but an old Word document or a long PDF is
    /// read on a worker thread while a bar says so, so that the window never freezes.
    pub fn for_window(
        report: Option<&Path>,
        tags: Option<&Path>,
        data_dir: Option<PathBuf>,
        preferences: Preferences,
    ) -> Self {
        let mut app = Self::new(None, preferences);
        app.conversion = Conversion::OnWorker;
        app.start(report, tags, data_dir);
        app
    }

    /// The app with its data directory: the report (or the built-in one), then its tags.
    pub fn launch(
        report: Option<&Path>,
        tags: Option<&Path>,
        data_dir: Option<PathBuf>,
        preferences: Preferences,
    ) -> Self {
        let mut app = Self::new(None, preferences);
        app.start(report, tags, data_dir);
        app
    }

    fn start(&mut self, report: Option<&Path>, tags: Option<&Path>, data_dir: Option<PathBuf>) {
        self.data_dir = data_dir;
        match report {
            Some(report) => self.open_now(report, tags),
            None => self.attach_tags(tags),
        }
    }

    /// Replace the clock (tests step time themselves).
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    /// Replace the file system writes go to (tests make it fail).
    pub fn set_disk(&mut self, disk: Box<dyn crate::storage::Disk>) {
        self.disk = disk;
    }

    /// The question about a file out with the user, until it is answered.
    pub fn asking(&self) -> Option<DialogKind> {
        self.asking
    }

    pub fn document(&self) -> &Document {
        self.report.document()
    }

    /// The report with its annotations, history and orphans.
    pub fn report(&self) -> &TaggedReport {
        &self.report
    }

    /// The open report's file (none for the built-in report).
    pub fn report_path(&self) -> Option<&Path> {
        self.report_path.as_deref()
    }

    pub fn annotations(&self) -> &Annotations {
        self.report.annotations()
    }

    pub fn history(&self) -> &History {
        self.report.history()
    }

    pub fn selected(&self) -> Option<ParagraphIndex> {
        self.selected
    }

    pub fn filter(&self) -> TagSet {
        self.filter
    }

    pub fn find(&self) -> &Find {
        &self.find
    }

    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// The newest problem on screen.
    pub fn problem(&self) -> Option<&str> {
        self.notices
            .latest(Level::Problem)
            .map(|notice| notice.text.as_str())
    }

    /// The newest notice on screen.
    pub fn notice(&self) -> Option<&str> {
        self.notices
            .latest(Level::Info)
            .map(|notice| notice.text.as_str())
    }

    /// Every problem and notice on screen, oldest first.
    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    pub fn tags(&self) -> &TagsState {
        &self.tags
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Where the report came from: its path, or the built-in report's name.
    pub fn source(&self) -> String {
        match &self.report_path {
            Some(path) => path.display().to_string(),
            None => Strings::fill(
                self.strings().builtin_source,
                &[("name", &builtin_report::FILE_NAME)],
            ),
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.preferences.ui_language.strings()
    }

    /// The printed number of a paragraph.
    pub fn paragraph_number(&self, paragraph: ParagraphIndex) -> Option<u32> {
        self.report.paragraph_number(paragraph)
    }

    /// The block of a paragraph.
    pub fn block_of(&self, paragraph: ParagraphIndex) -> Option<usize> {
        self.report.block_of(paragraph)
    }

    /// Whether the original page is on show: asked for, and the report has printed pages.
    pub fn shows_original_page(&self) -> bool {
        self.preferences.show_original_page && self.report.document().printed.is_some()
    }

    /// The paragraph index of a block, if it is a numbered paragraph.
    pub fn paragraph_at_block(&self, block: usize) -> Option<ParagraphIndex> {
        self.report.paragraph_at_block(block)
    }

    /// The person whose annotations alone are shown, if one is chosen.
    pub fn filter_author(&self) -> Option<&str> {
        self.filter_author.as_deref()
    }

    /// Whether a filter hides paragraphs: by tag, or by person.
    pub fn filtering(&self) -> bool {
        !self.filter.is_empty() || self.filter_author.is_some()
    }

    /// Who annotated the report's paragraphs (last changed them), each once, in order.
    pub fn authors(&self) -> Vec<String> {
        let mut authors: Vec<String> = self
            .annotations()
            .iter()
            .filter_map(|(_, annotation)| annotation.author.clone())
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// Whether the filters let a paragraph through.
    pub fn is_visible(&self, paragraph: ParagraphIndex) -> bool {
        let tagged =
            self.filter.is_empty() || self.annotations().tags(paragraph).intersects(self.filter);
        let by = self.filter_author.as_deref().is_none_or(|author| {
            self.annotations()
                .get(paragraph)
                .is_some_and(|annotation| annotation.author.as_deref() == Some(author))
        });
        tagged && by
    }

    pub fn title(&self) -> String {
        let modified = if self.history().is_modified() {
            "● "
        } else {
            ""
        };
        // The file, as every desktop editor names it, then the symbol the delegate knows the
        // report by (two language versions of one report share the symbol, not the file).
        let file = self
            .report_path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned());
        let mut title = modified.to_owned();
        for part in file.iter().chain(self.document().symbol.as_ref()) {
            title.push_str(part);
            title.push_str(" — ");
        }
        title.push_str("paratag");
        title
    }

    /// The briefing note of the open reports and their tags, in a format: what Export saves.
    /// The open reports come in the order of their tabs (those the dialog leaves out left out),
    /// then the reports added in the dialog.
    pub fn export_bytes(
        &self,
        options: &crate::export::ExportOptions,
        format: crate::export::Format,
    ) -> Result<Vec<u8>, crate::export::ExportError> {
        let (others, quote_parallel, left_out) = match &self.export_dialog {
            Some(dialog) => (
                dialog.others.as_slice(),
                dialog.quote_parallel,
                dialog.left_out.as_slice(),
            ),
            None => (&[][..], true, &[][..]),
        };
        let open: Vec<OpenReport<'_>> = self
            .open_reports()
            .into_iter()
            .filter(|open| open.on_screen || !left_out.contains(&open.id))
            .collect();
        // With the other version shown first, it is quoted first, with the report's tags
        // carried to its paragraphs of the same numbers.
        let carried: Vec<Option<Annotations>> = open
            .iter()
            .map(|open| {
                let parallel = open.parallel.filter(|parallel| parallel.swapped)?;
                Some(crate::parallel::carry(
                    open.report.annotations(),
                    &parallel.aligned.rows,
                    open.report.document(),
                    &parallel.document,
                ))
            })
            .collect();
        let sources: Vec<_> = open
            .iter()
            .zip(&carried)
            .map(|(open, carried)| {
                let mut source = open.report.source();
                match (open.parallel, carried) {
                    (Some(parallel), Some(carried)) => {
                        source.document = &parallel.document;
                        source.annotations = carried;
                        source.parallel = quote_parallel.then(|| open.report.document());
                    }
                    (Some(parallel), None) => {
                        source.parallel = quote_parallel.then_some(&parallel.document);
                    }
                    (None, _) => {}
                }
                source
            })
            .chain(others.iter().map(|other| other.report.source()))
            .collect();
        crate::export::export_many(&sources, options, format)
    }

    /// Quote another report in the note, with the tags beside it. A report that cannot be
    /// read, has no tags, or whose tags are another report's, is named with the reason.
    fn add_to_note(&mut self, path: &Path) {
        use crate::tagged_report::OpenTaggedError;
        let strings = self.strings();
        let tags = crate::tagged_report::tags_beside(path);
        let already = self.open_position(path).is_some()
            || self.export_dialog.as_ref().is_some_and(|dialog| {
                dialog
                    .others
                    .iter()
                    .any(|other| crate::storage::same_file(&other.path, path))
            });
        let opened = if already {
            Err(strings.already_in_note.to_owned())
        } else {
            crate::tagged_report::open_tagged(path, &tags).map_err(|error| match error {
                OpenTaggedError::Report(error) => strings.report_problem(&error.problem),
                OpenTaggedError::NoTags => strings.no_tags_yet.to_owned(),
                OpenTaggedError::Tags(error) => strings.read_tags_problem(&error),
                OpenTaggedError::Foreign { theirs, .. } => {
                    Strings::fill(strings.tags_for_another, &[("theirs", &theirs)])
                }
            })
        };
        match (opened, &mut self.export_dialog) {
            (Ok(report), Some(dialog)) => {
                dialog.others.push(NoteReport {
                    path: path.to_owned(),
                    report,
                });
                dialog.generation += 1;
            }
            (Ok(_), None) => {}
            (Err(problem), _) => {
                let problem = Strings::fill(
                    strings.cannot_add_report,
                    &[("problem", &problem), ("path", &path.display())],
                );
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// The Export dialog, while it is open.
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        self.export_dialog.as_ref()
    }

    /// The plain-text preview of the briefing note for the dialog's choices, or why there is
    /// nothing to export. (The view keeps it while the choices and the revision stay.)
    pub fn export_preview(&self) -> Result<String, String> {
        let Some(dialog) = &self.export_dialog else {
            return Err(String::new());
        };
        self.export_bytes(&dialog.options, crate::export::Format::Text)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|error| (self.strings().export_problem)(&error))
    }

    /// The name the briefing note is saved under by default: `SYMBOL briefing DATE.ext`.
    fn suggested_export_name(&self) -> Option<String> {
        let dialog = self.export_dialog.as_ref()?;
        let extension = dialog.format.extension();
        let stem = self
            .document()
            .symbol
            .as_deref()
            .map_or_else(|| "paratag".to_owned(), |symbol| symbol.replace('/', "-"));
        Some(format!(
            "{stem} briefing {}.{extension}",
            dialog.options.date
        ))
    }

    /// Ask where to save the briefing note, suggesting `SYMBOL briefing DATE.ext`.
    fn start_export_save(&mut self) {
        let (Some(dialog), Some(suggested)) = (&self.export_dialog, self.suggested_export_name())
        else {
            return;
        };
        let strings = self.strings();
        let filter = FileFilter::new(strings.filter_briefing, &[dialog.format.extension()]);
        self.ask(PathQuestion {
            kind: DialogKind::Export,
            title: strings.export_title.to_owned(),
            folder: self.report_folder(),
            suggested: Some(suggested),
            filters: vec![filter],
        });
    }

    /// Ask for a report to open or to add to the note: what paratag reads, or any file, in
    /// the open report's folder.
    fn ask_for_report(&mut self, kind: DialogKind) {
        let strings = self.strings();
        let title = match kind {
            DialogKind::AddToNote => strings.add_report_to_note,
            DialogKind::Parallel => strings.parallel_version,
            DialogKind::Open
            | DialogKind::SaveAs
            | DialogKind::Export
            | DialogKind::Briefing
            | DialogKind::Merge => strings.open_report,
        };
        self.ask(PathQuestion {
            kind,
            title: title.trim_end_matches('…').to_owned(),
            folder: self.report_folder(),
            suggested: None,
            filters: vec![
                FileFilter::new(strings.filter_reports, &OPENABLE),
                FileFilter::new(strings.filter_all_files, &["*"]),
            ],
        });
    }

    /// Ask the user for a file, unless a question is out already (its answer comes first).
    fn ask(&mut self, question: PathQuestion) {
        if self.asking.is_none() {
            self.asking = Some(question.kind);
            self.effects.push(Effect::AskPath(question));
        }
    }

    /// The report on screen records the user's name with each edit (the preference, else the
    /// system's user name).
    pub(super) fn record_author(&mut self) {
        let author = self.preferences.author_name();
        self.report.set_author(author.as_deref());
    }

    /// The note's language by default: the interface's.
    fn note_language(&self) -> crate::export::NoteLanguage {
        match self.preferences.ui_language {
            crate::i18n::UiLanguage::Chinese => crate::export::NoteLanguage::Chinese,
            crate::i18n::UiLanguage::English => crate::export::NoteLanguage::English,
        }
    }

    pub(super) fn open_export_dialog(&mut self) {
        let language = self.note_language();
        let mut options = crate::export::ExportOptions::new(language);
        if let Some(author) = self.preferences.author_name() {
            options.author = author;
        }
        self.export_dialog.get_or_insert_with(|| ExportDialog {
            options,
            format: crate::export::Format::Docx,
            others: Vec::new(),
            generation: 0,
            quote_parallel: true,
            left_out: Vec::new(),
        });
    }

    fn copy_export(&mut self, format: crate::export::Format) {
        let Some(dialog) = &self.export_dialog else {
            return;
        };
        match self.export_bytes(&dialog.options, format) {
            Ok(bytes) => {
                self.effects.push(Effect::CopyText(
                    String::from_utf8_lossy(&bytes).into_owned(),
                ));
                self.notices.info(self.strings().copied);
            }
            Err(error) => {
                let problem = (self.strings().export_problem)(&error);
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// The files an export must never write over: the report and its tags file.
    pub fn export_protected(&self) -> Vec<(&Path, crate::storage::Protected)> {
        use crate::storage::Protected;
        let mut protected = Vec::new();
        for open in self.open_reports() {
            protected.extend(open.path.map(|path| (path, Protected::Report)));
            protected.extend(
                open.report
                    .tags_path()
                    .map(|path| (path, Protected::TagsFile)),
            );
        }
        let others = self
            .export_dialog
            .iter()
            .flat_map(|dialog| &dialog.others)
            .flat_map(|other| {
                let tags = other
                    .report
                    .tags_path()
                    .map(|tags| (tags, Protected::TagsFile));
                std::iter::once((other.path.as_path(), Protected::Report)).chain(tags)
            });
        protected.extend(others);
        protected
    }

    fn export_to(&mut self, path: &Path) {
        let Some(dialog) = &self.export_dialog else {
            return;
        };
        let protected = self.export_protected();
        let written = self
            .export_bytes(&dialog.options, dialog.format)
            .map_err(|error| (self.strings().export_problem)(&error))
            .and_then(|bytes| {
                crate::storage::write_export(&*self.disk, path, &bytes, &protected)
                    .map_err(|error| self.strings().save_problem(&error))
            });
        match written {
            Ok(()) => {
                let notice = format!("{} — {}", self.strings().exported_to, path.display());
                self.notices.info(notice);
            }
            Err(problem) => {
                let problem = Strings::fill(
                    self.strings().could_not_export,
                    &[("problem", &problem), ("path", &path.display())],
                );
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// What the view is asked to do once (scroll to the selection, focus a field).
    pub fn requests(&self) -> Requests {
        self.requests
    }

    /// What the window is asked to do (close, copy, wake up), oldest first; asked once.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Set the find query and recompute the matches.
    fn set_find_query(&mut self, query: &str) {
        if self.find.query == query {
            return;
        }
        query.clone_into(&mut self.find.query);
        self.refresh_find();
        if !self.find.matches.is_empty() {
            self.go_to_match(0);
        }
    }

    /// Find the query again, in the report and in the other version beside it (in the order
    /// the rows are read, the side shown first first). The user's place among the matches
    /// starts again.
    fn refresh_find(&mut self) {
        let query = &self.find.query;
        let hits = |side: Side, document: &Document| {
            search::find_all(document, query)
                .into_iter()
                .map(move |found| Hit {
                    side,
                    block: found.block,
                    range: found.range,
                })
        };
        let mut matches: Vec<Hit> = hits(Side::Left, self.report.document()).collect();
        if let Some(parallel) = &self.parallel {
            matches.extend(hits(Side::Right, &parallel.document));
            let first = parallel.first_side();
            matches.sort_by_key(|hit| {
                (
                    parallel.aligned.row_of(hit.side, hit.block),
                    hit.side != first,
                    hit.range.start,
                )
            });
        }
        self.find.matches = matches;
        self.find.current = None;
    }

    /// Dismiss every problem on screen. A failed save's problem dismissed, Save stops
    /// offering Save As beside it (the next failure says so again).
    pub fn dismiss_problems(&mut self) {
        self.notices.dismiss_level(Level::Problem);
        self.tags.save_failed = false;
    }

    fn dismiss(&mut self, id: notices::NoticeId) {
        if let Some(notice) = self.notices.dismiss(id)
            && notice.about == About::Saving
        {
            self.tags.save_failed = false;
        }
    }

    /// Apply one message (a command, or what a panel or dialog says). Every change of the
    /// app's state by the user goes through here.
    pub fn apply(&mut self, message: impl Into<Message>) {
        match message.into() {
            Message::Command(command) => self.apply_command(command),
            Message::Select(paragraph) => self.select(paragraph),
            Message::TypeNote(note) => self.type_note(note),
            Message::NoteLeft => self.report.end_typing(),
            Message::FindQuery(query) => self.set_find_query(&query),
            Message::ExportTo(path) => self.export_to(&path),
            Message::ExportChoices { format, options } => {
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.format = format;
                    dialog.options = options;
                }
            }
            Message::SaveTo(path) => {
                if self.save_to(&path, None, crate::storage::Allow::default()) {
                    self.saved_while_closing();
                }
            }
            Message::OpenPath(path) => self.open_now(&path, None),
            Message::ShowReport(id) => {
                if let Some(position) = self.open_reports().iter().position(|open| open.id == id) {
                    self.switch_to(position);
                }
            }
            Message::CloseReport(id) => self.close_report_by_id(id),
            Message::MergeFrom(path) => self.merge_from(&path),
            Message::FilterAuthor(author) => {
                self.filter_author = author;
                self.set_filter(self.filter);
            }
            Message::ResolveConflict(paragraph, resolution) => {
                self.report.resolve_conflict(paragraph, resolution);
            }
            Message::SetAuthor(name) => {
                self.preferences.author = name;
                self.record_author();
            }
            Message::SaveBriefingTo(path) => self.save_briefing_to(&path),
            Message::QuotePart(paragraph, part) => {
                self.report
                    .set_part(paragraph, part.as_deref(), self.clock.now());
            }
            Message::IncludeInNote(id, include) => {
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.left_out.retain(|left| *left != id);
                    if !include {
                        dialog.left_out.push(id);
                    }
                    dialog.generation += 1;
                }
            }
            Message::Choose(choice) => self.choose(choice),
            Message::DismissNotice(id) => self.dismiss(id),
            Message::Answered(kind, path) => {
                if self.asking == Some(kind) {
                    self.asking = None;
                }
                if let Some(path) = path {
                    self.apply(kind.answer(path));
                }
            }
            Message::SystemDialogs { available: true } => self.notices.withdraw(About::NoDialog),
            // paratag's own chooser takes the system dialog's place: say why, once.
            Message::SystemDialogs { available: false } => {
                self.notices
                    .info_about(About::NoDialog, self.strings().no_dialog);
            }
            Message::CloseRequested => self.close_requested(),
            Message::AddToNote(path) => self.add_to_note(&path),
            Message::OpenParallel(path) => self.open_parallel(path),
            Message::AcceptSuggestion(paragraph, tag) => {
                self.accept_suggestions(paragraph, Some(tag));
            }
            Message::DismissSuggestion(paragraph, tag) => {
                self.dismiss_suggestions(paragraph, Some(tag));
            }
            Message::RemoveFromNote(index) => {
                if let Some(dialog) = &mut self.export_dialog
                    && index < dialog.others.len()
                {
                    dialog.others.remove(index);
                    dialog.generation += 1;
                }
            }
        }
    }

    /// The answer to the question on screen.
    fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Cancel => self.modal = None,
            Choice::SaveAndCloseReport => self.close_report_with(true),
            Choice::DiscardAndCloseReport => self.close_report_with(false),
            Choice::SaveAndClose => self.close_with(true),
            Choice::DiscardAndClose => self.close_with(false),
            Choice::SaveElsewhere => self.resolve_changed_on_disk(false),
            Choice::Overwrite => self.resolve_changed_on_disk(true),
            Choice::OpenForeign => self.open_foreign_tags(),
            Choice::Restore(index) => self.restore_recovery(index),
            Choice::DiscardRecovery => self.discard_recovery(),
            Choice::SaveOverLinks => self.resolve_hard_link(true),
            Choice::SaveLinkedElsewhere => self.resolve_hard_link(false),
        }
    }

    fn apply_command(&mut self, command: Command) {
        match command {
            Command::OpenReport => self.ask_for_report(DialogKind::Open),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.start_save_as(),
            Command::MergeTags => self.ask_for_tags_to_merge(),
            Command::CloseReport => self.close_report(),
            Command::NextReport => self.step_report(true),
            Command::PreviousReport => self.step_report(false),
            Command::Export => self.open_export_dialog(),
            Command::SaveBriefing => self.start_save_briefing(),
            Command::CopyMarkdown => self.copy_export(crate::export::Format::Markdown),
            Command::CopyText => self.copy_export(crate::export::Format::Text),
            Command::SaveExport => self.start_export_save(),
            Command::AddReportToNote => {
                if self.export_dialog.is_some() {
                    self.ask_for_report(DialogKind::AddToNote);
                }
            }
            Command::ToggleParallelInNote => {
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.quote_parallel ^= true;
                    dialog.generation += 1;
                }
            }
            Command::SuggestTags => self.toggle_suggestions(),
            Command::NextSuggested => self.next_suggested(),
            Command::AcceptSuggestions => {
                if let Some(paragraph) = self.selected {
                    self.accept_suggestions(paragraph, None);
                }
            }
            Command::DismissSuggestions => {
                if let Some(paragraph) = self.selected {
                    self.dismiss_suggestions(paragraph, None);
                }
            }
            Command::AcceptAllSuggested(tag) => self.accept_all_suggested(tag),
            Command::OpenParallel => self.ask_for_report(DialogKind::Parallel),
            Command::SwapVersions => self.swap_versions(),
            Command::CloseParallel => self.close_parallel(),
            Command::CloseExport => self.export_dialog = None,
            Command::CloseFind => self.find.open = false,
            Command::Quit => self.effects.push(Effect::CloseWindow),
            Command::Undo => {
                if let Some(paragraph) = self.report.undo() {
                    self.select(paragraph);
                }
            }
            Command::Redo => {
                if let Some(paragraph) = self.report.redo() {
                    self.select(paragraph);
                }
            }
            Command::Find => {
                self.find.open = true;
                self.requests.focus_find += 1;
            }
            Command::FindNext => self.step_match(true),
            Command::FindPrevious => self.step_match(false),
            Command::SelectNext => self.select_step(true, |_| true),
            Command::SelectPrevious => self.select_step(false, |_| true),
            Command::NextTagged => self.select_step(true, |tags| !tags.is_empty()),
            Command::PreviousTagged => self.select_step(false, |tags| !tags.is_empty()),
            Command::ToggleTag(tag) => {
                if let Some(paragraph) = self.selected {
                    self.report.toggle_tag(paragraph, tag, self.clock.now());
                }
            }
            Command::NextPart => self.next_part(),
            Command::FilterTag(tag) => self.set_filter(self.filter.toggled(tag)),
            Command::ClearFilter => {
                self.filter_author = None;
                self.set_filter(TagSet::EMPTY);
            }
            Command::WriteNote => {
                if self.selected.is_some() {
                    self.requests.focus_note += 1;
                }
            }
            Command::ToggleOutline => self.preferences.show_outline ^= true,
            Command::ToggleOriginalPage => {
                if self.document().printed.is_some() {
                    self.preferences.show_original_page ^= true;
                } else {
                    self.notices.info(self.strings().pages_only_pdf);
                }
            }
            Command::ZoomIn => self.preferences.zoom_in(),
            Command::ZoomOut => self.preferences.zoom_out(),
            Command::ZoomReset => self.preferences.zoom = 1.0,
            Command::ToggleDarkMode => self.preferences.dark_mode ^= true,
            Command::SetUiLanguage(language) => self.preferences.ui_language = language,
            Command::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Command::ShowAbout => self.modal = Some(Modal::About),
        }
    }

    /// The note of the selected paragraph as typed (or pasted). A note is text a person
    /// writes: past [`MAX_NOTE_CHARS`] the rest is not taken, and the user is told. A longer
    /// note that came from a file is shown truncated and not edited (kept and saved whole).
    fn type_note(&mut self, mut note: String) {
        let Some(paragraph) = self.selected else {
            return;
        };
        if crate::annotations::note_is_too_long(self.annotations().note(paragraph)) {
            return;
        }
        if let Some((cut, _)) = note.char_indices().nth(MAX_NOTE_CHARS) {
            note.truncate(cut);
            let notice = Strings::fill(self.strings().note_too_long, &[("max", &MAX_NOTE_CHARS)]);
            self.notices.info(notice);
        }
        self.report.type_note(paragraph, &note, self.clock.now());
    }

    /// Open a report (with `tags`, or the tags that belong beside it) beside the reports
    /// open already, or show it if it is one of them; or a tags file for the report on screen
    /// (told apart by content). Only regular files are opened.
    fn open_now(&mut self, path: &Path, tags: Option<&Path>) {
        let head = crate::storage::read_head(path, 512).unwrap_or_default();
        // A briefing is RON too: told by its header first.
        if crate::briefing::looks_like_briefing(&head) {
            self.open_briefing(path);
            return;
        }
        if crate::tags_file::looks_like_tags_file(&head) {
            self.open_tags_file(path);
            return;
        }
        if tags.is_none()
            && let Some(position) = self.open_position(path)
        {
            self.switch_to(position);
            return;
        }
        // An old Word document is converted by LibreOffice, which takes seconds, and a long PDF
        // takes a second or more to read: in the window that runs on a worker thread while a
        // bar says so (`poll_conversion`).
        if self.conversion == Conversion::OnWorker && is_slow(path, &head) {
            let (sender, receiver) = std::sync::mpsc::channel();
            let file = path.to_owned();
            std::thread::spawn(move || {
                // The window may have closed meanwhile; then nobody needs the answer.
                let _ = sender.send(parse::read_report(&file));
            });
            self.converting = Some(Converting {
                path: path.to_owned(),
                tags: tags.map(Path::to_path_buf),
                parallel: false,
                receiver,
            });
            return;
        }
        let opened = parse::read_report(path);
        self.show_report(path, tags, opened);
    }

    /// The report being converted or read on a worker thread, while it is.
    pub fn converting(&self) -> Option<&Path> {
        self.converting
            .as_ref()
            .map(|converting| converting.path.as_path())
    }

    /// Show the converted report once the worker is done; until then, wake up to look again.
    pub fn poll_conversion(&mut self) {
        let Some(converting) = &self.converting else {
            return;
        };
        match converting.receiver.try_recv() {
            Ok(opened) => {
                let Some(converting) = self.converting.take() else {
                    return;
                };
                if converting.parallel {
                    self.take_parallel(&converting.path, opened);
                } else {
                    self.show_report(&converting.path, converting.tags.as_deref(), opened);
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                self.effects
                    .push(Effect::RepaintAfter(std::time::Duration::from_millis(100)));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.converting = None,
        }
    }

    /// Show a report that was read (or say why it could not be): beside the open reports, or
    /// in place of the untouched built-in report.
    fn show_report(
        &mut self,
        path: &Path,
        tags: Option<&Path>,
        opened: Result<Document, parse::ReportError>,
    ) {
        match opened {
            Ok(document) => {
                let report = TaggedReport::new(document);
                self.notices.clear();
                if self.replaceable() {
                    self.report = report;
                    self.report_path = Some(path.to_owned());
                    self.report_id = self.new_report_id();
                    self.selected = None;
                    self.filter = TagSet::EMPTY;
                    self.suggested = None;
                    // Nothing was changed on the built-in report: its copy, if any, goes.
                    if let Some(slot) = self.recovery.take() {
                        slot.discard();
                    }
                } else {
                    self.open_beside(report, path.to_owned());
                }
                self.record_author();
                self.preferences.remember_recent(path);
                self.attach_tags(tags);
                // The other version beside the built-in report stays beside the new one,
                // aligned with it (the tags file records it).
                self.realign();
                self.refresh_find();
            }
            // The report on screen stays as it was.
            Err(error) => {
                let problem = self.strings().report_error(&error);
                self.notices.problem(About::Opening, problem);
            }
        }
    }

    /// Quote the selected paragraph's next sub-paragraph alone; after the last, the whole
    /// paragraph again.
    fn next_part(&mut self) {
        let Some(selected) = self.selected else {
            return;
        };
        let Some(paragraph) = self.report.paragraph(selected) else {
            return;
        };
        let labels: Vec<String> = paragraph
            .parts()
            .iter()
            .map(|part| part.label.to_owned())
            .collect();
        if labels.is_empty() {
            self.notices.info(self.strings().no_parts);
            return;
        }
        let chosen = self.annotations().part(selected);
        let next = match chosen.and_then(|part| labels.iter().position(|label| label == part)) {
            None => labels.first(),
            Some(at) => labels.get(at + 1),
        }
        .cloned();
        self.report
            .set_part(selected, next.as_deref(), self.clock.now());
    }

    fn select(&mut self, paragraph: ParagraphIndex) {
        if paragraph.0 >= self.report.paragraph_count() {
            return;
        }
        if self.selected != Some(paragraph) {
            self.report.end_typing();
        }
        self.selected = Some(paragraph);
        self.requests.scroll_to_selected += 1;
    }

    /// Move the selection to the next (or previous) visible paragraph whose tags pass `wanted`.
    fn select_step(&mut self, forward: bool, wanted: impl Fn(TagSet) -> bool) {
        let count = self.report.paragraph_count();
        let candidates: Box<dyn Iterator<Item = usize>> = match (self.selected, forward) {
            (None, true) => Box::new(0..count),
            (None, false) => Box::new((0..count).rev()),
            (Some(ParagraphIndex(at)), true) => Box::new(at + 1..count),
            (Some(ParagraphIndex(at)), false) => Box::new((0..at).rev()),
        };
        let next = candidates.map(ParagraphIndex).find(|paragraph| {
            self.is_visible(*paragraph) && wanted(self.annotations().tags(*paragraph))
        });
        if let Some(paragraph) = next {
            self.select(paragraph);
        }
    }

    fn set_filter(&mut self, filter: TagSet) {
        self.filter = filter;
        if let Some(selected) = self.selected
            && !self.is_visible(selected)
        {
            self.selected = None;
            self.select_step(true, |_| true);
        }
        // A selection the filter keeps stays where it is on screen (the reader keeps it in
        // place); one it hid moved to the next shown paragraph, which is scrolled to.
    }

    fn step_match(&mut self, forward: bool) {
        let count = self.find.matches.len();
        if count == 0 {
            self.find.open = true;
            self.requests.focus_find += 1;
            return;
        }
        let next = match (self.find.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(current), true) => (current + 1) % count,
            (Some(current), false) => (current + count - 1) % count,
        };
        self.go_to_match(next);
    }

    fn go_to_match(&mut self, index: usize) {
        let Some(found) = self.find.matches.get(index) else {
            return;
        };
        self.find.current = Some(index);
        let block = match (found.side, &self.parallel) {
            (Side::Left, _) => Some(found.block),
            (Side::Right, Some(parallel)) => parallel.aligned.left_block(Side::Right, found.block),
            (Side::Right, None) => None,
        };
        if let Some(paragraph) = block.and_then(|block| self.paragraph_at_block(block)) {
            // A match in a paragraph the filter hides: show everything rather than hide it.
            if !self.is_visible(paragraph) {
                self.filter = TagSet::EMPTY;
                self.filter_author = None;
            }
            self.select(paragraph);
        }
    }
}

impl ParatagApp {
    /// The folder of the open report, where file dialogs open (none for the built-in report).
    fn report_folder(&self) -> Option<PathBuf> {
        self.report_path
            .as_deref()
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty())
            .map(Path::to_path_buf)
    }
}

impl ParatagApp {
    /// What runs every frame, also while the window is minimised: a report read on a worker,
    /// the recovery copy.
    pub fn tick(&mut self) {
        self.poll_conversion();
        self.autosave();
    }
}

/// Whether reading a report takes long enough to go to a worker thread: an old Word document
/// (converted by LibreOffice) or a long PDF.
fn is_slow(path: &Path, head: &[u8]) -> bool {
    crate::import::doc::is_doc(head)
        || (crate::import::pdf::is_pdf(head)
            && std::fs::metadata(path).is_ok_and(|m| m.len() > LONG_PDF_BYTES))
}

fn builtin_report() -> (Document, Option<String>) {
    match builtin_report::document() {
        Ok(document) => (document, None),
        // The seed is checked by the tests; should it ever fail, show an empty document and
        // the reason rather than no window at all.
        Err(error) => (
            Document {
                symbol: None,
                language: crate::document::Language::English,
                encoding: "UTF-8",
                blocks: Vec::new(),
                footnotes: Vec::new(),
                removed: Vec::new(),
                printed: None,
            },
            Some(format!("The built-in report cannot be read: {error}")),
        ),
    }
}

#[cfg(test)]
mod tests;

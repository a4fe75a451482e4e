//! Several reports open at once — a meeting's documents — each with its own tags file,
//! recovery copy, selection, filter and other language version. One is on screen (the app's
//! own fields); the others wait on a shelf, in the order their tabs show, and come back as
//! they were left.

use std::path::{Path, PathBuf};

use super::notices::About;
use super::tags::{Closing, RecoverySlot, TagsState};
use super::{Modal, ParallelVersion, ParatagApp, Suggested};
use crate::annotations::{ParagraphIndex, TagSet};
use crate::i18n::Strings;
use crate::tagged_report::TaggedReport;

/// Which open report: stays the same while it is open, whatever its place among the tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReportId(pub(super) u64);

/// An open report that is not on screen, with everything that was its own when it left.
#[derive(Debug)]
pub(super) struct Shelved {
    id: ReportId,
    report: TaggedReport,
    report_path: Option<PathBuf>,
    tags: TagsState,
    recovery: Option<RecoverySlot>,
    selected: Option<ParagraphIndex>,
    filter: TagSet,
    filter_author: Option<String>,
    parallel: Option<ParallelVersion>,
    suggested: Option<Suggested>,
}

/// An open report as the tabs and the Export dialog name it.
#[derive(Clone, Copy, Debug)]
pub struct OpenReport<'a> {
    pub id: ReportId,
    pub report: &'a TaggedReport,
    pub path: Option<&'a Path>,
    pub parallel: Option<&'a ParallelVersion>,
    /// It is the report on screen.
    pub on_screen: bool,
}

impl OpenReport<'_> {
    /// Its name on a tab: the file's name, or the built-in report's.
    pub fn name(&self) -> String {
        report_name(self.path)
    }

    /// Whether its tags have changes that are not saved.
    pub fn is_modified(&self) -> bool {
        self.report.history().is_modified()
    }
}

/// A report's name on its tab and in questions: the file's name, or the built-in report's.
fn report_name(path: Option<&Path>) -> String {
    path.map_or_else(
        || crate::builtin_report::FILE_NAME.to_owned(),
        |path| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            )
        },
    )
}

impl ParatagApp {
    /// Every open report, in the order of their tabs.
    pub fn open_reports(&self) -> Vec<OpenReport<'_>> {
        fn shelved(shelved: &Shelved) -> OpenReport<'_> {
            OpenReport {
                id: shelved.id,
                report: &shelved.report,
                path: shelved.report_path.as_deref(),
                parallel: shelved.parallel.as_ref(),
                on_screen: false,
            }
        }
        let (before, after) = self.shelf.split_at(self.position.min(self.shelf.len()));
        let on_screen = OpenReport {
            id: self.report_id,
            report: &self.report,
            path: self.report_path.as_deref(),
            parallel: self.parallel.as_ref(),
            on_screen: true,
        };
        before
            .iter()
            .map(shelved)
            .chain(std::iter::once(on_screen))
            .chain(after.iter().map(shelved))
            .collect()
    }

    /// The report on screen.
    pub fn report_id(&self) -> ReportId {
        self.report_id
    }

    /// The place of the report on screen among the tabs.
    pub fn report_position(&self) -> usize {
        self.position
    }

    pub(super) fn new_report_id(&mut self) -> ReportId {
        self.next_report_id += 1;
        ReportId(self.next_report_id)
    }

    /// Whether opening another report may take the place of the one on screen: the built-in
    /// report, untouched, which is there only because nothing else was opened.
    pub(super) fn replaceable(&self) -> bool {
        self.report_path.is_none() && !self.history().is_modified() && self.shelf.is_empty()
    }

    /// The open report with this file, if any (the same file under another name counts).
    pub(super) fn open_position(&self, path: &Path) -> Option<usize> {
        self.open_reports().iter().position(|open| {
            open.path
                .is_some_and(|open| crate::storage::same_file(open, path))
        })
    }

    /// How many reports are open (a tab each when more than one).
    pub fn open_report_count(&self) -> usize {
        self.shelf.len() + 1
    }

    /// Exchange the report on screen with a shelved one: every field that is a report's own.
    fn exchange(&mut self, other: &mut Shelved) {
        std::mem::swap(&mut self.report_id, &mut other.id);
        std::mem::swap(&mut self.report, &mut other.report);
        std::mem::swap(&mut self.report_path, &mut other.report_path);
        std::mem::swap(&mut self.tags, &mut other.tags);
        std::mem::swap(&mut self.recovery, &mut other.recovery);
        std::mem::swap(&mut self.selected, &mut other.selected);
        std::mem::swap(&mut self.filter, &mut other.filter);
        std::mem::swap(&mut self.filter_author, &mut other.filter_author);
        std::mem::swap(&mut self.parallel, &mut other.parallel);
        std::mem::swap(&mut self.suggested, &mut other.suggested);
    }

    /// The report on screen is about to leave it: the note being typed ends its undo step, and
    /// unsaved changes the recovery copy does not hold yet are written to it now (a shelved
    /// report has no autosave ticking).
    fn leave_report(&mut self) {
        self.report.end_typing();
        let revision = self.history().revision();
        if self.data_dir.is_some()
            && self.history().is_modified()
            && self.tags.recovered_revision != Some(revision)
        {
            self.write_recovery();
        }
        if let Closing::AfterSave(super::tags::Closes::Report) = self.closing {
            // The report whose Save As was to close it is left: it stays open.
            self.closing = Closing::Ask;
        }
    }

    /// Shelve the report on screen beside a new one: the new report's tab follows it. The
    /// report on screen is then a blank the caller fills (document, path, tags).
    pub(super) fn open_beside(&mut self, report: TaggedReport, path: PathBuf) {
        self.leave_report();
        let id = self.new_report_id();
        let mut fresh = Shelved {
            id,
            report,
            report_path: Some(path),
            tags: TagsState::default(),
            recovery: None,
            selected: None,
            filter: TagSet::EMPTY,
            filter_author: None,
            parallel: None,
            suggested: None,
        };
        self.exchange(&mut fresh);
        let at = self.position.min(self.shelf.len());
        self.shelf.insert(at, fresh);
        self.position = at + 1;
        self.after_switch();
    }

    /// Show the open report at this place among the tabs.
    pub(super) fn switch_to(&mut self, position: usize) {
        if position == self.position || position > self.shelf.len() {
            return;
        }
        self.leave_report();
        let index = if position < self.position {
            position
        } else {
            position - 1
        };
        let mut other = self.shelf.remove(index);
        self.exchange(&mut other);
        let back = if self.position < position {
            self.position
        } else {
            self.position - 1
        };
        self.shelf.insert(back, other);
        self.position = position;
        self.after_switch();
    }

    /// Show the next (or previous) open report, going round.
    pub(super) fn step_report(&mut self, forward: bool) {
        let count = self.shelf.len() + 1;
        if count > 1 {
            let next = if forward {
                (self.position + 1) % count
            } else {
                (self.position + count - 1) % count
            };
            self.switch_to(next);
        }
    }

    /// What changes with the report on screen: find looks in it, the view goes back to its
    /// selection, a note across the open reports is made again.
    fn after_switch(&mut self) {
        self.record_author();
        self.refresh_find();
        if self.selected.is_some() {
            self.requests.scroll_to_selected += 1;
        }
        if let Some(dialog) = &mut self.export_dialog {
            dialog.generation += 1;
        }
        self.say_differences();
    }

    /// Close the report on screen (Ctrl+W): with unsaved changes, ask first.
    pub(super) fn close_report(&mut self) {
        if self.history().is_modified() {
            let name = report_name(self.report_path.as_deref());
            self.modal = Some(Modal::ConfirmCloseReport(name));
        } else {
            self.drop_report();
        }
    }

    /// Close the open report with this id (its tab's close button).
    pub(super) fn close_report_by_id(&mut self, id: ReportId) {
        if let Some(position) = self.open_reports().iter().position(|open| open.id == id) {
            self.switch_to(position);
            self.close_report();
        }
    }

    /// The report on screen goes (saved, or its changes given up): its recovery copy with it,
    /// and the next tab to the right — else to the left — comes on screen. The last report
    /// closed leaves the built-in one.
    pub(super) fn drop_report(&mut self) {
        if let Some(slot) = self.recovery.take() {
            slot.discard();
        }
        if let Some(dialog) = &mut self.export_dialog {
            dialog.left_out.retain(|id| *id != self.report_id);
        }
        if self.shelf.is_empty() {
            let (document, _) = super::builtin_report();
            self.report = TaggedReport::new(document);
            self.report_path = None;
            self.report_id = self.new_report_id();
            self.selected = None;
            self.filter = TagSet::EMPTY;
            self.filter_author = None;
            self.parallel = None;
            self.suggested = None;
            self.notices.clear();
            self.attach_tags(None);
            self.after_switch();
            return;
        }
        let index = self.position.min(self.shelf.len() - 1);
        let mut next = self.shelf.remove(index);
        self.exchange(&mut next);
        self.position = index;
        self.notices.clear();
        self.after_switch();
    }

    /// The names of the open reports with unsaved tags, in tab order.
    pub fn unsaved_reports(&self) -> Vec<String> {
        self.open_reports()
            .iter()
            .filter(|open| open.is_modified())
            .map(OpenReport::name)
            .collect()
    }

    /// Whether any open report has unsaved tags.
    pub(super) fn any_modified(&self) -> bool {
        self.history().is_modified()
            || self
                .shelf
                .iter()
                .any(|shelved| shelved.report.history().is_modified())
    }

    /// The open report with unsaved tags that comes first (the one on screen first).
    pub(super) fn first_modified(&self) -> Option<usize> {
        if self.history().is_modified() {
            return Some(self.position);
        }
        self.open_reports().iter().position(OpenReport::is_modified)
    }

    /// The recovery copies of the open reports (theirs, not a crashed window's).
    pub(super) fn own_recovery_copies(&self) -> Vec<PathBuf> {
        self.recovery
            .iter()
            .chain(
                self.shelf
                    .iter()
                    .filter_map(|shelved| shelved.recovery.as_ref()),
            )
            .map(RecoverySlot::copy_path)
            .collect()
    }

    /// Every open report's recovery copy and lock go (the window closes as the user asked).
    pub(super) fn discard_every_recovery(&mut self) {
        let slots = self.recovery.take().into_iter().chain(
            self.shelf
                .iter_mut()
                .filter_map(|shelved| shelved.recovery.take()),
        );
        for slot in slots {
            slot.discard();
        }
    }
}

impl ParatagApp {
    /// Ask where to save a briefing file, beside the report on screen.
    pub(super) fn start_save_briefing(&mut self) {
        let strings = self.strings();
        let stem = self
            .document()
            .symbol
            .as_deref()
            .map_or_else(|| "paratag".to_owned(), |symbol| symbol.replace('/', "-"));
        self.ask(super::PathQuestion {
            kind: super::DialogKind::Briefing,
            title: strings.save_briefing.trim_end_matches('…').to_owned(),
            folder: self.report_folder(),
            suggested: Some(format!("{stem}.briefing.ron")),
            filters: vec![super::FileFilter::new(
                strings.filter_briefing_file,
                &["briefing.ron", "ron"],
            )],
        });
    }

    /// The briefing the note would be made from now: the open reports it quotes (those with a
    /// file), then the reports added in the Export dialog, with the dialog's choices.
    fn briefing_now(&self) -> crate::briefing::Briefing {
        use crate::briefing::BriefingReport;
        // A tags file where paratag would look anyway is not named: the briefing then follows
        // the report when both are moved.
        let entry = |report: &Path, tags: Option<&Path>| BriefingReport {
            report: report.to_owned(),
            tags: tags
                .filter(|tags| *tags != crate::tagged_report::tags_beside(report))
                .map(Path::to_path_buf),
        };
        let dialog = self.export_dialog.as_ref();
        let left_out = dialog.map_or(&[][..], |dialog| dialog.left_out.as_slice());
        let mut reports: Vec<BriefingReport> = self
            .open_reports()
            .iter()
            .filter(|open| open.on_screen || !left_out.contains(&open.id))
            .filter_map(|open| Some(entry(open.path?, open.report.tags_path())))
            .collect();
        for other in dialog.iter().flat_map(|dialog| &dialog.others) {
            reports.push(entry(&other.path, other.report.tags_path()));
        }
        let (options, format) = match dialog {
            Some(dialog) => (dialog.options.clone(), dialog.format),
            None => (
                crate::export::ExportOptions::new(self.note_language()),
                crate::export::Format::Docx,
            ),
        };
        crate::briefing::Briefing {
            reports,
            format,
            options,
        }
    }

    /// Save the briefing file (never over a report or a tags file).
    pub(super) fn save_briefing_to(&mut self, path: &Path) {
        let strings = self.strings();
        let briefing = self.briefing_now();
        let written = if briefing.reports.is_empty() {
            Err(strings.briefing_needs_files.to_owned())
        } else {
            let folder = path.parent().unwrap_or(Path::new(""));
            let text = crate::briefing::to_string(&briefing, folder);
            let protected = self.export_protected();
            crate::storage::write_export(&*self.disk, path, text.as_bytes(), &protected)
                .map_err(|error| strings.save_problem(&error))
        };
        match written {
            Ok(()) => {
                let notice = Strings::fill(strings.briefing_saved, &[("path", &path.display())]);
                self.notices.info(notice);
            }
            Err(problem) => {
                let problem = Strings::fill(
                    strings.could_not_save_briefing,
                    &[("problem", &problem), ("path", &path.display())],
                );
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// Open every report of a briefing file beside those open (each with its tags file), and
    /// give the Export dialog its choices: the note quotes the briefing's reports, in its
    /// order. A report that cannot be opened is named; the others open all the same. A
    /// question about one (its tags are another report's, a recovery copy) stops there.
    pub(super) fn open_briefing(&mut self, path: &Path) {
        let strings = self.strings();
        let folder = path.parent().unwrap_or(Path::new(""));
        let read = crate::storage::read_regular(path, crate::storage::MAX_SAVED_BYTES)
            .map_err(|error| strings.read_problem(&error))
            .and_then(|bytes| {
                crate::briefing::parse(&bytes, folder).map_err(|error| error.to_string())
            });
        let briefing = match read {
            Ok(briefing) => briefing,
            Err(problem) => {
                let problem = Strings::fill(
                    strings.cannot_open_briefing,
                    &[("problem", &problem), ("path", &path.display())],
                );
                self.notices.problem(About::Opening, problem);
                return;
            }
        };
        let total = briefing.reports.len();
        let mut failed = Vec::new();
        let mut ids = Vec::new();
        for (at, entry) in briefing.reports.iter().enumerate() {
            if self.modal.is_some() {
                let paused = Strings::fill(
                    strings.briefing_paused,
                    &[("opened", &at), ("total", &total)],
                );
                failed.push(paused);
                break;
            }
            if let Some(position) = self.open_position(&entry.report) {
                self.switch_to(position);
            } else {
                // Read here, not on the worker: one report at a time comes from there.
                match crate::parse::read_report(&entry.report) {
                    Ok(document) => {
                        self.show_report(&entry.report, entry.tags.as_deref(), Ok(document));
                    }
                    Err(error) => {
                        failed.push(strings.report_error(&error));
                        continue;
                    }
                }
            }
            ids.push(self.report_id);
        }
        self.open_export_dialog();
        let left_out: Vec<ReportId> = self
            .open_reports()
            .iter()
            .map(|open| open.id)
            .filter(|id| !ids.contains(id))
            .collect();
        if let Some(dialog) = &mut self.export_dialog {
            dialog.options = briefing.options;
            dialog.format = briefing.format;
            dialog.left_out = left_out;
            dialog.generation += 1;
        }
        if let Some(position) = ids.first().and_then(|first| {
            self.open_reports()
                .iter()
                .position(|open| open.id == *first)
        }) {
            self.switch_to(position);
        }
        for problem in failed {
            self.notices.problem(About::Opening, problem);
        }
    }
}

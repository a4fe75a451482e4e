//! The app's side of the tags file: which file the tags belong in, loading and re-anchoring,
//! saving (and what to do when that fails), the recovery copy, and closing with unsaved changes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::notices::About;
use super::{Effect, Modal, ParatagApp};
use crate::i18n::Strings;
use crate::storage::{self, SaveError, Stamp};
use crate::tagged_report::{Loaded, ReadTags, ReadTagsError, SaveTagsError, read_tags};
use crate::tags_file;

/// How long after the last change the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);

/// The longest a change waits for the recovery copy while changes keep coming (steady typing
/// restarts the delay above at every keystroke).
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_secs(5);

/// What the window knows about saving the open report's tags (the file and what it held are
/// the report's: [`crate::tagged_report::TaggedReport::tags_path`]).
#[derive(Debug, Default)]
pub struct TagsState {
    /// The tags file could not be read: it is never written over (Save asks for another
    /// place).
    pub blocked: bool,
    /// The last save failed: the problem stays on screen and Save As is offered.
    pub save_failed: bool,
    /// When the history last changed, when the first change the recovery copy does not hold
    /// was made, and the revision the recovery copy holds.
    pub last_change: Option<Instant>,
    pub pending_since: Option<Instant>,
    pub seen_revision: Option<crate::history::Revision>,
    pub recovered_revision: Option<crate::history::Revision>,
}

/// Closing the window, or a report, with unsaved changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Closing {
    /// Ask first (save, discard, cancel).
    #[default]
    Ask,
    /// The user chose to save first: close once the save (perhaps a Save As) succeeds.
    AfterSave(Closes),
    /// The user decided: let the window go.
    Allowed,
}

/// What closes once its tags are saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closes {
    /// The report on screen (its tab).
    Report,
    /// The window, once every open report's tags are saved.
    Window,
}

impl ParatagApp {
    /// The file name recorded in the tags file for the open report.
    fn report_file_name(&self) -> Option<String> {
        self.report_path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .or_else(|| {
                self.data_dir
                    .is_some()
                    .then(|| crate::builtin_report::FILE_NAME.to_owned())
            })
    }

    /// The tags file for the annotations as they are now, orphans included.
    fn tags_file_now(&self) -> tags_file::TagsFile {
        self.report.tags_file(self.report_file_name().as_deref())
    }

    /// Where the open report's tags go by default: beside the report, or for the built-in
    /// report in the data directory.
    pub(super) fn default_tags_path(&self) -> Option<PathBuf> {
        match &self.report_path {
            Some(report) => Some(crate::tagged_report::tags_beside(report)),
            None => self.data_dir.as_ref().map(|dir| {
                dir.join(crate::builtin_report::FILE_NAME)
                    .with_extension("tags.ron")
            }),
        }
    }

    /// Use a tags file for the open report (`tags`, or where its tags belong by default): load
    /// it if it exists, then offer what a window that crashed on this report left, however the
    /// window was started.
    pub(super) fn attach_tags(&mut self, tags: Option<&Path>) {
        self.tags = TagsState::default();
        if let Some(path) = tags
            .map(Path::to_path_buf)
            .or_else(|| self.default_tags_path())
        {
            self.load_tags(&path, false);
        }
        if self.modal.is_none() {
            self.offer_recovery();
        }
    }

    /// Load a tags file for the open report, or start it if it does not exist yet. `force`
    /// opens tags that belong to another document. On any problem the file is left alone.
    pub fn load_tags(&mut self, path: &Path, force: bool) {
        match read_tags(path) {
            Ok(read) => self.take_tags(path, read, force),
            Err(error) => {
                let problem = self.strings().read_tags_problem(&error);
                self.refuse_tags(path, &problem);
            }
        }
    }

    /// Use tags read from `path` (`None`: there is no file there yet, it starts empty).
    fn take_tags(&mut self, path: &Path, read: Option<ReadTags>, force: bool) {
        let Some(read) = read else {
            self.report.clear_tags();
            self.start_tags(path.to_owned(), Stamp::of(None));
            return;
        };
        let loaded = self.report.take_tags(&read.file, force);
        match loaded {
            Loaded::Foreign { theirs } => {
                self.modal = Some(Modal::ForeignTags {
                    path: path.to_owned(),
                    theirs,
                });
            }
            Loaded::Anchored {
                exact,
                moved,
                fuzzy,
                orphans,
            } => {
                self.start_tags(path.to_owned(), read.stamp);
                if loaded.reanchored() {
                    let notice = Strings::fill(
                        self.strings().reanchored,
                        &[
                            ("exact", &exact),
                            ("moved", &moved),
                            ("fuzzy", &fuzzy),
                            ("orphans", &orphans),
                        ],
                    );
                    self.notices.info(notice);
                }
            }
        }
    }

    fn start_tags(&mut self, path: PathBuf, stamp: Stamp) {
        self.selected = None;
        self.tags = TagsState::default();
        self.report.keep_tags_in(path, Some(stamp));
    }

    fn refuse_tags(&mut self, path: &Path, problem: &dyn std::fmt::Display) {
        self.report.clear_tags();
        self.report.keep_tags_in(path.to_owned(), None);
        self.tags = TagsState {
            blocked: true,
            ..TagsState::default()
        };
        let problem = self.strings().cannot_open_tags_file(path, problem);
        self.notices.problem(About::Opening, problem);
    }

    /// Save to the tags file (Ctrl+S). Without a file to write, or when the file could not
    /// be read, ask where (Save As).
    pub(super) fn save(&mut self) -> bool {
        match self.report.tags_path().map(Path::to_path_buf) {
            Some(path) if !self.tags.blocked => {
                let expected = self.report.tags_stamp().cloned();
                self.save_to(&path, expected.as_ref(), storage::Allow::default())
            }
            _ => {
                self.start_save_as();
                false
            }
        }
    }

    /// The name Save As suggests: the tags file's usual name beside the report.
    pub(super) fn suggested_tags_name(&self) -> String {
        self.default_tags_path()
            .and_then(|path| {
                path.file_name()
                    .map(|name| name.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "tags.ron".to_owned())
    }

    pub(super) fn start_save_as(&mut self) {
        let strings = self.strings();
        self.ask(super::PathQuestion {
            kind: super::DialogKind::SaveAs,
            title: strings.save_as.trim_end_matches('…').to_owned(),
            folder: self.report_folder(),
            suggested: Some(self.suggested_tags_name()),
            filters: vec![super::FileFilter::new(strings.filter_tags, &["ron"])],
        });
    }

    /// Write the tags to `path`. `expected` is what the file should hold now (`None` when the
    /// user chose to overwrite); `allow` what the user agreed to. Returns whether the tags are
    /// saved.
    pub(super) fn save_to(
        &mut self,
        path: &Path,
        expected: Option<&Stamp>,
        allow: storage::Allow,
    ) -> bool {
        let file_name = self.report_file_name();
        let saved = self
            .report
            .save_tags(&*self.disk, path, file_name.as_deref(), expected, allow);
        let error = match saved {
            Ok(()) => {
                self.tags.blocked = false;
                self.tags.save_failed = false;
                self.notices.withdraw(About::Saving);
                self.remove_recovery();
                self.preferences.remember_recent(path);
                return true;
            }
            Err(SaveTagsError::ReadBack) => {
                return self.save_failed(path, &self.strings().tags_read_back);
            }
            Err(SaveTagsError::Save(error)) => error,
        };
        match error {
            SaveError::ChangedOnDisk => {
                self.modal = Some(Modal::ChangedOnDisk(path.to_owned()));
                false
            }
            SaveError::HardLinked { others } => {
                self.modal = Some(Modal::HardLinked {
                    path: path.to_owned(),
                    others,
                });
                false
            }
            error => {
                // A file the user cannot write (or that is no file) is never tried again: Save
                // asks for another place, as editors do with a read-only file.
                if matches!(error, SaveError::ReadOnly | SaveError::NotAFile(_)) {
                    self.tags.blocked = true;
                }
                let problem = self.strings().save_problem(&error);
                self.save_failed(path, &problem)
            }
        }
    }

    fn save_failed(&mut self, path: &Path, problem: &dyn std::fmt::Display) -> bool {
        self.tags.save_failed = true;
        let problem = Strings::fill(
            self.strings().could_not_save,
            &[("problem", problem), ("path", &path.display())],
        );
        self.notices.problem(About::Saving, problem);
        false
    }

    /// Remove this window's recovery copy: its content is saved, or the user discarded it.
    fn remove_recovery(&mut self) {
        if let Some(slot) = &self.recovery {
            slot.remove_copy();
        }
        self.tags.recovered_revision = Some(self.history().revision());
        self.tags.pending_since = None;
    }

    /// Write the recovery copy a moment after the last change, and at least every
    /// [`AUTOSAVE_MAX_WAIT`] while changes keep coming (never over the user's file). Nothing is
    /// written once the window may close, and a copy that holds only what is saved is removed.
    pub(super) fn autosave(&mut self) {
        self.autosave_at(self.clock.now().instant);
    }

    /// [`Self::autosave`] as if it were `now` (tests step the clock).
    pub fn autosave_at(&mut self, now: Instant) {
        let revision = self.history().revision();
        if self.tags.seen_revision != Some(revision) {
            self.tags.seen_revision = Some(revision);
            self.tags.last_change = Some(now);
            self.tags.pending_since.get_or_insert(now);
        }
        // No data directory (tests, scripts): no copy to write, and no wake-up for one.
        if self.data_dir.is_none()
            || self.closing == Closing::Allowed
            || self.tags.recovered_revision == Some(revision)
        {
            return;
        }
        if !self.history().is_modified() {
            // Undone back to what is saved: the copy holds nothing the file does not.
            self.remove_recovery();
            return;
        }
        let (Some(changed), Some(since)) = (self.tags.last_change, self.tags.pending_since) else {
            return;
        };
        let due = (changed + AUTOSAVE_DELAY).min(since + AUTOSAVE_MAX_WAIT);
        if now < due {
            // One wake-up when the copy is due; no frames otherwise.
            self.effects.push(Effect::RepaintAfter(due - now));
            return;
        }
        self.write_recovery();
    }

    /// Write this window's recovery copy now.
    pub(super) fn write_recovery(&mut self) {
        let revision = self.history().revision();
        let text = tags_file::to_string(&self.tags_file_now());
        let Some(dir) = self.data_dir.as_ref().map(|dir| dir.join("recovery")) else {
            return;
        };
        let slot = self.recovery.get_or_insert_with(|| RecoverySlot::new(dir));
        let path = slot.copy_path();
        match slot.write(&*self.disk, text.as_bytes()) {
            Ok(()) => self.notices.withdraw(About::Recovery),
            Err(error) => {
                // A problem, not a notice: until it is put right, a crash loses the changes.
                let problem = Strings::fill(
                    self.strings().could_not_write_recovery,
                    &[("problem", &error), ("path", &path.display())],
                );
                self.notices.problem(About::Recovery, problem);
            }
        }
        // A failed write is said once, not retried every frame; the next change tries again.
        self.tags.recovered_revision = Some(revision);
        self.tags.pending_since = None;
    }

    /// After a crash, offer every recovery copy that a window on this report left (this
    /// report, or an earlier revision of it: the same symbol or file name) and that holds
    /// something the tags on screen do not. Copies of windows still open are theirs.
    pub(super) fn offer_recovery(&mut self) {
        let Some(dir) = self.data_dir.as_ref().map(|dir| dir.join("recovery")) else {
            return;
        };
        let own = self.own_recovery_copies();
        let report = self.report.document_ref(self.report_file_name().as_deref());
        let mut copies = Vec::new();
        for path in orphaned_copies(&dir) {
            if own.contains(&path) {
                continue;
            }
            let Ok(bytes) = storage::read_regular(&path, storage::MAX_SAVED_BYTES) else {
                continue;
            };
            // A copy that cannot be read is left where it is, for a person to look at.
            let Ok(file) = tags_file::parse(&bytes) else {
                continue;
            };
            if !same_report(&file.document, &report) {
                continue;
            }
            let anchored = self.report.anchor(&file);
            if self.report.holds(&anchored) {
                // Everything in it is on screen (saved): nothing to recover.
                remove_copy(&path);
                continue;
            }
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            copies.push(RecoveryCopy {
                when: modified.map_or_else(
                    || self.strings().earlier_session.to_owned(),
                    |time| {
                        self.strings().moment(
                            time,
                            self.clock.now().time,
                            &jiff::tz::TimeZone::system(),
                        )
                    },
                ),
                modified,
                tagged: anchored.annotations.iter().count(),
                orphans: anchored.orphans.len(),
                report_changed: file.document.fingerprint != report.fingerprint,
                path,
            });
        }
        if copies.is_empty() {
            return;
        }
        // The latest first.
        copies.sort_by_key(|copy| std::cmp::Reverse(copy.modified));
        self.modal = Some(Modal::OfferRecovery(copies));
    }

    /// Take the tags of one offered recovery copy (they stay unsaved until the user saves): each
    /// paragraph in the copy gets its tags and note from it, paragraphs tagged only on screen
    /// keep theirs. The window's own copy holds them from now on; the other copies stay for the
    /// next start.
    pub(super) fn restore_recovery(&mut self, index: usize) {
        let Some(Modal::OfferRecovery(copies)) = self.modal.take() else {
            return;
        };
        let Some(copy) = copies.get(index) else {
            return;
        };
        let file = storage::read_regular(&copy.path, storage::MAX_SAVED_BYTES)
            .map_err(|error| self.strings().read_problem(&error))
            .and_then(|bytes| {
                tags_file::parse(&bytes).map_err(|error| self.strings().tags_problem(&error))
            });
        match file {
            Ok(file) => {
                // Merged over what is on screen, never in place of it: another window may have
                // saved paragraphs this copy never saw.
                self.report.merge_over(&file);
                self.write_recovery();
                remove_copy(&copy.path);
            }
            Err(problem) => {
                let problem = self.strings().cannot_open_tags_file(&copy.path, &problem);
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// Drop every offered recovery copy.
    pub(super) fn discard_recovery(&mut self) {
        if let Some(Modal::OfferRecovery(copies)) = self.modal.take() {
            for copy in copies {
                remove_copy(&copy.path);
            }
        }
    }

    /// The window closes as the user asked (saved, nothing to save, or changes discarded):
    /// every open report's recovery copy and lock go. Called on exit; a crash never gets here,
    /// so its copies stay.
    pub fn exit_cleanly(&mut self) {
        if self.any_modified() && self.closing != Closing::Allowed {
            return;
        }
        self.discard_every_recovery();
    }

    /// The window is asked to close: with unsaved changes in any open report, ask first (also
    /// while minimised: this runs in `logic`).
    pub(super) fn close_requested(&mut self) {
        if self.any_modified() && self.closing != Closing::Allowed {
            self.effects.push(Effect::CancelClose);
            self.modal = Some(Modal::ConfirmClose);
        }
    }

    /// Answer to "save before closing?": save every open report with unsaved tags, each on
    /// screen in turn (one that needs a place or fails stays there, and closing goes on once
    /// it is saved), or give them all up.
    pub(super) fn close_with(&mut self, save: bool) {
        self.modal = None;
        if !save {
            // Discarded: stays discarded. No copy is left, and none is written after this.
            self.closing = Closing::Allowed;
            self.discard_every_recovery();
            self.effects.push(Effect::CloseWindow);
            return;
        }
        // Each report is tried once: one that stays modified after a good save ends the loop.
        for _ in 0..=self.shelf.len() {
            let Some(position) = self.first_modified() else {
                break;
            };
            self.switch_to(position);
            if !self.save() {
                // Save As is open, or the save failed and says why: go on once it succeeds.
                self.closing = Closing::AfterSave(Closes::Window);
                return;
            }
        }
        self.closing = Closing::Allowed;
        self.effects.push(Effect::CloseWindow);
    }

    /// Answer to "save before closing this report?".
    pub(super) fn close_report_with(&mut self, save: bool) {
        self.modal = None;
        if !save || self.save() {
            self.drop_report();
        } else {
            self.closing = Closing::AfterSave(Closes::Report);
        }
    }

    /// A save succeeded: if it was asked for on the way to closing, go on closing.
    pub(super) fn saved_while_closing(&mut self) {
        match self.closing {
            Closing::AfterSave(Closes::Window) => self.close_with(true),
            Closing::AfterSave(Closes::Report) => {
                self.closing = Closing::Ask;
                self.drop_report();
            }
            Closing::Ask | Closing::Allowed => {}
        }
    }

    /// Keep the file that changed on disk, and save elsewhere or overwrite as the user says.
    pub(super) fn resolve_changed_on_disk(&mut self, overwrite: bool) {
        let Some(Modal::ChangedOnDisk(path)) = self.modal.take() else {
            return;
        };
        if overwrite {
            if self.save_to(&path, None, storage::Allow::default()) {
                self.saved_while_closing();
            }
        } else {
            self.start_save_as();
        }
    }

    /// Save over a file that has other names after all, or save elsewhere.
    pub(super) fn resolve_hard_link(&mut self, save_anyway: bool) {
        let Some(Modal::HardLinked { path, .. }) = self.modal.take() else {
            return;
        };
        if save_anyway {
            let expected = self.report.tags_stamp().cloned();
            let allow = storage::Allow {
                breaking_hard_links: true,
            };
            if self.save_to(&path, expected.as_ref(), allow) {
                self.saved_while_closing();
            }
        } else {
            self.start_save_as();
        }
    }

    /// Ask for a colleague's tags file to merge, in the report's folder.
    pub(super) fn ask_for_tags_to_merge(&mut self) {
        let strings = self.strings();
        self.ask(super::PathQuestion {
            kind: super::DialogKind::Merge,
            title: strings.merge_tags.trim_end_matches('…').to_owned(),
            folder: self.report_folder(),
            suggested: None,
            filters: vec![
                super::FileFilter::new(strings.filter_tags, &["ron"]),
                super::FileFilter::new(strings.filter_all_files, &["*"]),
            ],
        });
    }

    /// Merge a colleague's tags file into the report's tags (one undoable step) and say what it
    /// did. Their file is only read: never written, and nothing is cleaned beside it. A file
    /// that cannot be read, or is another report's, changes nothing and is named.
    pub(super) fn merge_from(&mut self, path: &Path) {
        let strings = self.strings();
        let read = storage::read_regular(path, storage::MAX_SAVED_BYTES)
            .map_err(|error| strings.read_problem(&error))
            .and_then(|bytes| {
                tags_file::parse(&bytes).map_err(|error| strings.tags_problem(&error))
            });
        let merged = read.and_then(|file| {
            self.report
                .merge_tags(&file)
                .map_err(|theirs| Strings::fill(strings.merge_foreign, &[("theirs", &theirs)]))
        });
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        match merged {
            Ok(report) => {
                let summary = strings.merge_summary(&name, &report);
                self.notices.info(summary);
            }
            Err(problem) => {
                let problem = Strings::fill(
                    strings.cannot_merge,
                    &[("problem", &problem), ("path", &path.display())],
                );
                self.notices.problem(About::Other, problem);
            }
        }
    }

    /// Open tags that belong to another document after all.
    pub(super) fn open_foreign_tags(&mut self) {
        let Some(Modal::ForeignTags { path, theirs }) = self.modal.take() else {
            return;
        };
        self.load_tags(&path, true);
        if self.tags.blocked {
            return;
        }
        // The tags are anchored to this report now; saving them into the other report's file
        // would rewrite its header, and that report would then say its tags belong elsewhere.
        // They are this report's unsaved tags: Save asks where to keep them.
        self.report.forget_tags_file();
        self.report.mark_unsaved();
        let notice = Strings::fill(
            self.strings().foreign_tags_taken,
            &[("theirs", &theirs), ("path", &path.display())],
        );
        self.notices.info(notice);
    }

    /// A tags file the user opened or dropped on the window: loaded for the open report. One
    /// that cannot be read says why and changes nothing — the tags on screen and their file
    /// stay as they were.
    ///
    /// Tags for another report, saved beside it (as paratag saves them), open that report with
    /// them: what "Open with paratag" on a tags file, or dropping one, is for.
    pub(super) fn open_tags_file(&mut self, path: &Path) {
        let read = match read_tags(path) {
            Ok(Some(read)) => read,
            Ok(None) => {
                let gone = storage::ReadError::Io(std::io::ErrorKind::NotFound.into());
                self.cannot_open_dropped(path, &ReadTagsError::Read(gone));
                return;
            }
            Err(error) => {
                self.cannot_open_dropped(path, &error);
                return;
            }
        };
        self.notices.withdraw(About::Opening);
        self.preferences.remember_recent(path);
        if read.file.document.symbol != self.document().symbol
            && let Some(report) = read.file.document.report_beside(path)
            && self.report_path.as_deref() != Some(report.as_path())
            && !tags_file::looks_like_tags_file(
                &storage::read_head(&report, 512).unwrap_or_default(),
            )
        {
            self.open_now(&report, Some(path));
            return;
        }
        // Read once: these bytes are the ones the tags on screen came from.
        self.take_tags(path, Some(read), false);
    }

    /// A tags file the user opened cannot be used: say why; nothing on screen changes.
    fn cannot_open_dropped(&mut self, path: &Path, error: &ReadTagsError) {
        let problem = Strings::fill(
            self.strings().cannot_open_dropped_tags,
            &[
                ("problem", &self.strings().read_tags_problem(error)),
                ("path", &path.display()),
            ],
        );
        self.notices.problem(About::Opening, problem);
    }
}

/// One window's recovery copy, `recovery/SESSION.tags.ron`, and its lock, `SESSION.lock`,
/// held while the window is open: a copy whose lock can be taken belongs to a window that
/// ended without closing cleanly (the system releases a crashed process's locks).
#[derive(Debug)]
pub struct RecoverySlot {
    dir: PathBuf,
    session: String,
    lock: Option<std::fs::File>,
}

impl RecoverySlot {
    fn new(dir: PathBuf) -> Self {
        static SLOTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let since = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        // The process, the moment and the slot's count in the process (a window keeps one per
        // open report): unique on this machine, also when a process id is reused.
        let count = SLOTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!(
            "{}-{}-{:09}-{count}",
            std::process::id(),
            since.as_secs(),
            since.subsec_nanos()
        );
        Self {
            dir,
            session,
            lock: None,
        }
    }

    pub(super) fn copy_path(&self) -> PathBuf {
        self.dir.join(format!("{}.tags.ron", self.session))
    }

    /// Write the copy atomically, taking the lock first.
    fn write(&mut self, disk: &dyn storage::Disk, bytes: &[u8]) -> std::io::Result<()> {
        if self.lock.is_none() {
            std::fs::create_dir_all(&self.dir)?;
            let lock = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(lock_path(&self.copy_path()))?;
            lock.try_lock().map_err(std::io::Error::other)?;
            self.lock = Some(lock);
        }
        disk.write_atomic(&self.copy_path(), bytes)
    }

    fn remove_copy(&self) {
        let _ = std::fs::remove_file(self.copy_path());
    }

    /// Remove the copy and let the lock go with its file: what the window held is saved or was
    /// given up.
    pub(super) fn discard(self) {
        self.remove_copy();
        if self.lock.is_some() {
            let _ = std::fs::remove_file(lock_path(&self.copy_path()));
        }
    }
}

/// The lock file of a recovery copy.
fn lock_path(copy: &Path) -> PathBuf {
    let name = copy
        .file_name()
        .map(|name| name.to_string_lossy().replace(".tags.ron", ".lock"))
        .unwrap_or_default();
    copy.with_file_name(name)
}

/// Remove a recovery copy and its lock.
fn remove_copy(copy: &Path) {
    let _ = std::fs::remove_file(copy);
    let _ = std::fs::remove_file(lock_path(copy));
}

/// The recovery copies in `dir` whose window is gone: their lock can be taken, or they have
/// none (copies written before windows had locks).
fn orphaned_copies(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let is_copy = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.ends_with(".tags.ron") && !name.starts_with('.'));
        if !is_copy || !entry.file_type().is_ok_and(|kind| kind.is_file()) {
            continue;
        }
        let alive = std::fs::OpenOptions::new()
            .write(true)
            .open(lock_path(&path))
            .is_ok_and(|lock| matches!(lock.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        if !alive {
            copies.push(path);
        }
    }
    copies.sort();
    copies
}

/// Whether a recovery copy was made on this report: the same text, or another revision of it
/// (the same symbol, or without symbols the same file name).
fn same_report(copy: &tags_file::DocumentRef, report: &tags_file::DocumentRef) -> bool {
    if copy.fingerprint == report.fingerprint {
        return true;
    }
    match (&copy.symbol, &report.symbol) {
        (Some(theirs), Some(ours)) => theirs == ours,
        (None, None) => copy.file.is_some() && copy.file == report.file,
        _ => false,
    }
}

/// A recovery copy offered after a crash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryCopy {
    pub path: PathBuf,
    /// When it was written, as the user reads it, and as a time to sort by.
    pub when: String,
    pub modified: Option<SystemTime>,
    /// How many paragraphs it tags in this report, and how many of its annotations match none.
    pub tagged: usize,
    pub orphans: usize,
    /// It was made on another revision of the report (re-anchored).
    pub report_changed: bool,
}

//! The app's side of the tags file: which file the tags belong in, loading and re-anchoring,
//! saving (and what to do when that fails), the recovery copy, and closing with unsaved changes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use eframe::egui;

use super::{Modal, ParatagApp};
use crate::history::History;
use crate::i18n::Strings;
use crate::storage::{self, Disk as _, RealDisk, SaveError, Stamp};
use crate::tags_file::{self, Entry};

/// How long after the last change the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);

/// Where the tags of the open report are kept, and what is known about that file.
#[derive(Debug, Default)]
pub struct TagsState {
    /// Where Save writes (`None`: Save asks, like Save As).
    pub path: Option<PathBuf>,
    /// What the file held when it was loaded or last saved; checked before every save.
    pub stamp: Option<Stamp>,
    /// Annotations that could not be placed in this report: kept, shown and saved again.
    pub orphans: Vec<Entry>,
    /// The file at `path` could not be read: it is never written over (Save asks for another
    /// place).
    pub blocked: bool,
    /// The last save failed: the problem stays on screen and Save As is offered.
    pub save_failed: bool,
    /// When the history last changed, and the revision the recovery copy holds.
    pub last_change: Option<Instant>,
    pub seen_revision: Option<crate::history::Revision>,
    pub recovered_revision: Option<crate::history::Revision>,
    /// What happens when the window is asked to close.
    pub closing: Closing,
}

/// Closing the window with unsaved changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Closing {
    /// Ask first (save, discard, cancel).
    #[default]
    Ask,
    /// The user chose to save first: close once the save (perhaps a Save As) succeeds.
    AfterSave,
    /// The user decided: let the window go.
    Allowed,
}

/// The tags file that sits beside a report: `NAME.tags.ron` for `NAME.txt`.
pub fn beside(report: &Path) -> PathBuf {
    report.with_extension("tags.ron")
}

/// A message for a tags file that cannot be used, naming the file last.
pub fn load_problem(strings: &Strings, path: &Path, problem: &dyn std::fmt::Display) -> String {
    Strings::fill(
        strings.cannot_open_tags,
        &[("problem", problem), ("path", &path.display())],
    )
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
                    .then(|| crate::seed::FILE_NAME.to_owned())
            })
    }

    /// The tags file for the annotations as they are now, orphans included.
    fn tags_file_now(&self) -> tags_file::TagsFile {
        tags_file::build(
            &self.document,
            &self.fingerprints,
            self.report_file_name().as_deref(),
            &self.annotations,
            &self.tags.orphans,
        )
    }

    /// Where the open report's tags go by default: beside the report, or for the built-in
    /// report in the data directory.
    pub(super) fn default_tags_path(&self) -> Option<PathBuf> {
        match &self.report_path {
            Some(report) => Some(beside(report)),
            None => self
                .data_dir
                .as_ref()
                .map(|dir| dir.join(crate::seed::FILE_NAME).with_extension("tags.ron")),
        }
    }

    /// Use the default tags file of the open report: load it if it exists.
    pub(super) fn attach_default_tags(&mut self) {
        self.tags = TagsState::default();
        if let Some(path) = self.default_tags_path() {
            self.load_tags(&path, false);
        }
        self.offer_recovery();
    }

    /// Load a tags file for the open report, or start it if it does not exist yet. `force`
    /// opens tags that belong to another document. On any problem the file is left alone.
    pub fn load_tags(&mut self, path: &Path, force: bool) {
        storage::clean_stray_temporaries(path);
        let bytes = match RealDisk.read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                self.start_tags(path.to_owned(), Stamp::of(None), Vec::new());
                self.annotations = crate::annotations::Annotations::default();
                return;
            }
            Err(error) => {
                self.refuse_tags(path, &error);
                return;
            }
        };
        let file = match tags_file::parse(&bytes) {
            Ok(file) => file,
            Err(error) => {
                let problem = self.strings().tags_problem(&error);
                self.refuse_tags(path, &problem);
                return;
            }
        };
        let theirs = file.document.symbol.as_deref();
        let ours = self.document.symbol.as_deref();
        if !force
            && let (Some(theirs), Some(ours)) = (theirs, ours)
            && theirs != ours
        {
            self.modal = Some(Modal::ForeignTags {
                path: path.to_owned(),
                theirs: theirs.to_owned(),
            });
            return;
        }
        let anchored = tags_file::anchor(&file, &self.document, &self.fingerprints);
        self.annotations = anchored.annotations;
        self.start_tags(path.to_owned(), Stamp::of(Some(&bytes)), anchored.orphans);
        if anchored.moved + anchored.fuzzy + self.tags.orphans.len() > 0 {
            self.notice = Some(Strings::fill(
                self.strings().reanchored,
                &[
                    ("exact", &anchored.exact),
                    ("moved", &anchored.moved),
                    ("fuzzy", &anchored.fuzzy),
                    ("orphans", &self.tags.orphans.len()),
                ],
            ));
        }
    }

    fn start_tags(&mut self, path: PathBuf, stamp: Stamp, orphans: Vec<Entry>) {
        self.history = History::default();
        self.selected = None;
        self.tags = TagsState {
            path: Some(path),
            stamp: Some(stamp),
            orphans,
            ..TagsState::default()
        };
    }

    fn refuse_tags(&mut self, path: &Path, problem: &dyn std::fmt::Display) {
        self.annotations = crate::annotations::Annotations::default();
        self.history = History::default();
        self.tags = TagsState {
            path: Some(path.to_owned()),
            blocked: true,
            ..TagsState::default()
        };
        self.problem = Some(load_problem(self.strings(), path, problem));
    }

    /// Save to the tags file (Ctrl+S). Without a file to write, or when the file could not
    /// be read, ask where (Save As).
    pub(super) fn save(&mut self, ctx: &egui::Context) -> bool {
        match self.tags.path.clone() {
            Some(path) if !self.tags.blocked => {
                let expected = self.tags.stamp.clone();
                self.save_to(&path, expected.as_ref())
            }
            _ => {
                self.start_save_as(ctx);
                false
            }
        }
    }

    pub(super) fn start_save_as(&mut self, ctx: &egui::Context) {
        if self.pending_dialog.is_none() {
            let suggested = self
                .default_tags_path()
                .and_then(|path| {
                    path.file_name()
                        .map(|name| name.to_string_lossy().into_owned())
                })
                .unwrap_or_else(|| "tags.ron".to_owned());
            let answer = self
                .picker
                .pick_save_path(ctx, &suggested, ("paratag tags", &["ron"]));
            self.pending_dialog = Some((super::DialogKind::SaveAs, answer));
        }
    }

    /// Write the tags to `path`. `expected` is what the file should hold now (`None` when the
    /// user chose to overwrite). Returns whether the tags are saved.
    pub(super) fn save_to(&mut self, path: &Path, expected: Option<&Stamp>) -> bool {
        let file = self.tags_file_now();
        let text = tags_file::to_string(&file);
        // Parse the bytes back before they replace anything.
        if tags_file::parse(text.as_bytes()).as_ref() != Ok(&file) {
            return self.save_failed(path, &"the written tags did not read back the same");
        }
        match storage::save(&RealDisk, path, text.as_bytes(), expected) {
            Ok(stamp) => {
                self.tags.path = Some(path.to_owned());
                self.tags.stamp = Some(stamp);
                self.tags.blocked = false;
                if self.tags.save_failed {
                    self.tags.save_failed = false;
                    self.problem = None;
                }
                self.history.mark_saved();
                self.remove_recovery();
                self.preferences.remember_recent(path);
                true
            }
            Err(SaveError::ChangedOnDisk) => {
                self.modal = Some(Modal::ChangedOnDisk(path.to_owned()));
                false
            }
            Err(error) => self.save_failed(path, &error),
        }
    }

    fn save_failed(&mut self, path: &Path, problem: &dyn std::fmt::Display) -> bool {
        self.tags.save_failed = true;
        self.problem = Some(Strings::fill(
            self.strings().could_not_save,
            &[("problem", problem), ("path", &path.display())],
        ));
        false
    }

    /// The recovery copy of the open report's tags, in the data directory.
    fn recovery_path(&self) -> Option<PathBuf> {
        let dir = self.data_dir.as_ref()?;
        let fingerprint = &self.fingerprints.document;
        Some(dir.join("recovery").join(format!("{fingerprint}.tags.ron")))
    }

    fn remove_recovery(&mut self) {
        if let Some(path) = self.recovery_path() {
            let _ = std::fs::remove_file(path);
        }
        self.tags.recovered_revision = None;
    }

    /// Write the recovery copy a moment after each change (never over the user's file).
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let revision = self.history.revision();
        if self.tags.seen_revision != Some(revision) {
            self.tags.seen_revision = Some(revision);
            self.tags.last_change = Some(Instant::now());
        }
        if !self.history.is_modified() || self.tags.recovered_revision == Some(revision) {
            return;
        }
        let (Some(path), Some(changed)) = (self.recovery_path(), self.tags.last_change) else {
            return;
        };
        let due = changed + AUTOSAVE_DELAY;
        let now = Instant::now();
        if now < due {
            // One wake-up when the copy is due; no frames otherwise.
            ctx.request_repaint_after(due - now);
            return;
        }
        let file = self.tags_file_now();
        let text = tags_file::to_string(&file);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| RealDisk.write_atomic(&path, text.as_bytes()));
        match written {
            Ok(()) => self.tags.recovered_revision = Some(revision),
            Err(error) => {
                self.notice = Some(Strings::fill(
                    self.strings().could_not_write_recovery,
                    &[("problem", &error), ("path", &path.display())],
                ));
                self.tags.recovered_revision = Some(revision);
            }
        }
    }

    /// After a crash, offer the recovery copy if it holds something the saved tags do not.
    fn offer_recovery(&mut self) {
        let Some(path) = self.recovery_path() else {
            return;
        };
        let Ok(bytes) = std::fs::read(&path) else {
            return;
        };
        let Ok(file) = tags_file::parse(&bytes) else {
            return;
        };
        let anchored = tags_file::anchor(&file, &self.document, &self.fingerprints);
        if anchored.annotations == self.annotations {
            let _ = std::fs::remove_file(&path);
            return;
        }
        let when = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map_or_else(|_| "an earlier session".to_owned(), tags_file::format_time);
        self.modal = Some(Modal::OfferRecovery {
            path,
            when,
            tagged: anchored.annotations.iter().count(),
        });
    }

    /// Take the recovered tags (they stay unsaved until the user saves).
    pub fn restore_recovery(&mut self) {
        let Some(Modal::OfferRecovery { path, .. }) = self.modal.take() else {
            return;
        };
        if let Ok(file) = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| tags_file::parse(&bytes).map_err(|e| e.to_string()))
        {
            let anchored = tags_file::anchor(&file, &self.document, &self.fingerprints);
            self.annotations = anchored.annotations;
            self.tags.orphans = anchored.orphans;
            self.history = History::unsaved();
        }
    }

    /// Drop the recovery copy.
    pub fn discard_recovery(&mut self) {
        if let Some(Modal::OfferRecovery { path, .. }) = self.modal.take() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The window is asked to close: with unsaved changes, ask first (also while minimised:
    /// this runs in `logic`).
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|input| input.viewport().close_requested());
        if !requested {
            return;
        }
        if self.history.is_modified() && self.tags.closing != Closing::Allowed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmClose);
        }
    }

    /// Answer to "save before closing?".
    pub fn close_with(&mut self, ctx: &egui::Context, save: bool) {
        self.modal = None;
        if save {
            if self.save(ctx) {
                self.tags.closing = Closing::Allowed;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                // Save As is open, or the save failed and says why: close once it succeeds.
                self.tags.closing = Closing::AfterSave;
            }
        } else {
            self.tags.closing = Closing::Allowed;
            self.remove_recovery();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Keep the file that changed on disk, and save elsewhere or overwrite as the user says.
    pub fn resolve_changed_on_disk(&mut self, ctx: &egui::Context, overwrite: bool) {
        let Some(Modal::ChangedOnDisk(path)) = self.modal.take() else {
            return;
        };
        if overwrite {
            self.save_to(&path, None);
        } else {
            self.start_save_as(ctx);
        }
    }

    /// Open tags that belong to another document after all.
    pub fn open_foreign_tags(&mut self) {
        if let Some(Modal::ForeignTags { path, .. }) = self.modal.take() {
            self.load_tags(&path, true);
        }
    }

    /// The time now, for the annotations' `changed`, to the second as the file keeps it (so
    /// that what was saved compares equal to what is in memory).
    pub(super) fn now() -> SystemTime {
        let now = SystemTime::now();
        now.duration_since(SystemTime::UNIX_EPOCH)
            .map_or(now, |since| {
                SystemTime::UNIX_EPOCH + Duration::from_secs(since.as_secs())
            })
    }
}

//! File dialogs behind a trait, so that tests can answer them.
//!
//! rfd's dialogs block the thread that opens them, so the real picker runs on a worker thread
//! and the window keeps repainting; the answer arrives on a channel and wakes the UI.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::DialogKind;
use crate::i18n::Strings;

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No dialog could be shown: on Linux, neither the XDG desktop portal nor zenity answered.
    Unavailable,
}

/// The answer to a dialog, when it comes.
pub type Answer = mpsc::Receiver<Picked>;

/// rfd answers "nothing chosen" both when the user cancels and when it could show no dialog.
/// Nobody closes a file dialog within a quarter of a second of its opening, so an empty answer
/// that quick means there was no dialog.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// Asks the user for a report to open.
pub trait ReportPicker {
    /// Start asking, in `folder` (the open report's); the answer arrives on the returned
    /// channel. `filters` names the two filters: reports and tags files, and all files.
    fn pick_report(
        &self,
        ctx: &egui::Context,
        folder: Option<&Path>,
        filters: (&str, &str),
    ) -> Answer;

    /// Ask where to save a file, in `folder`, suggesting a name; `filter` names the kind of
    /// file and its extensions.
    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        folder: Option<&Path>,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Answer;
}

/// The desktop's own file dialog (the XDG portal or zenity on Linux).
#[derive(Debug, Default)]
pub struct NativePicker;

impl ReportPicker for NativePicker {
    fn pick_report(
        &self,
        ctx: &egui::Context,
        folder: Option<&Path>,
        filters: (&str, &str),
    ) -> Answer {
        let folder = folder.map(Path::to_path_buf);
        let (reports, all) = (filters.0.to_owned(), filters.1.to_owned());
        ask_on_worker(ctx, move || {
            in_folder(rfd::FileDialog::new(), folder)
                .set_title("paratag")
                .add_filter(
                    reports,
                    &["pdf", "docx", "doc", "odt", "txt", "text", "ron"],
                )
                .add_filter(all, &["*"])
                .pick_file()
        })
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        folder: Option<&Path>,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Answer {
        let folder = folder.map(Path::to_path_buf);
        let suggested = suggested.to_owned();
        let (name, extensions) = (
            filter.0.to_owned(),
            filter.1.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>(),
        );
        ask_on_worker(ctx, move || {
            in_folder(rfd::FileDialog::new(), folder)
                .set_title("paratag")
                .set_file_name(suggested)
                .add_filter(name, &extensions)
                .save_file()
        })
    }
}

/// A native dialog that opens in `folder`, when there is one.
fn in_folder(dialog: rfd::FileDialog, folder: Option<PathBuf>) -> rfd::FileDialog {
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// Run a blocking dialog on a worker thread; the answer wakes the UI.
fn ask_on_worker(
    ctx: &egui::Context,
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> Answer {
    let (sender, receiver) = mpsc::channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let asked = Instant::now();
        let picked = match dialog() {
            Some(path) => Picked::Path(path),
            None if asked.elapsed() < NO_DIALOG_WITHIN => Picked::Unavailable,
            None => Picked::Cancelled,
        };
        // The window may have closed meanwhile; then nobody needs the answer.
        let _ = sender.send(picked);
        ctx.request_repaint();
    });
    receiver
}

/// paratag's own file chooser (`egui_file`), drawn in the window where the desktop has no dialog
/// of its own: for Open, the reports and tags files it can read; for Save As and Export, the
/// suggested name.
pub struct BuiltinDialog {
    kind: DialogKind,
    dialog: egui_file::FileDialog,
}

/// What the built-in chooser did this frame.
#[derive(Debug)]
pub enum Shown {
    Open,
    Chose(DialogKind, PathBuf),
    /// Cancelled or closed.
    Gone,
}

/// The files Open offers: what paratag reads.
const OPENABLE: [&str; 7] = ["pdf", "docx", "doc", "odt", "txt", "text", "ron"];

impl BuiltinDialog {
    pub fn new(
        kind: DialogKind,
        strings: &Strings,
        folder: Option<PathBuf>,
        suggested: Option<String>,
    ) -> Self {
        let dialog = match kind {
            DialogKind::Open => egui_file::FileDialog::open_file()
                .title(strings.open_report.trim_end_matches('…'))
                .show_files_filter(Box::new(|path: &std::path::Path| {
                    path.extension()
                        .and_then(|extension| extension.to_str())
                        .is_some_and(|extension| {
                            OPENABLE.contains(&extension.to_ascii_lowercase().as_str())
                        })
                })),
            DialogKind::SaveAs => {
                egui_file::FileDialog::save_file().title(strings.save_as.trim_end_matches('…'))
            }
            DialogKind::Export => egui_file::FileDialog::save_file().title(strings.export_title),
        };
        let dialog = dialog
            .open_button_text(strings.open.into())
            .save_button_text(strings.save.into())
            .cancel_button_text(strings.cancel.into())
            .default_size(egui::vec2(560.0, 420.0))
            // In the middle of the window, where a system dialog appears, not in its corner.
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO);
        let dialog = match folder {
            Some(folder) => dialog.initial_path(folder),
            None => dialog,
        };
        let mut dialog = match suggested {
            Some(name) => dialog.default_filename(name),
            None => dialog,
        };
        dialog.open();
        Self { kind, dialog }
    }

    /// The question it answers.
    pub fn kind(&self) -> DialogKind {
        self.kind
    }

    /// The folder it shows.
    pub fn folder(&self) -> &std::path::Path {
        self.dialog.directory()
    }

    /// Draw it for this frame.
    pub fn show(&mut self, ctx: &egui::Context) -> Shown {
        self.dialog.show(ctx);
        match self.dialog.state() {
            egui_file::State::Open => Shown::Open,
            egui_file::State::Selected => self.dialog.path().map_or(Shown::Gone, |path| {
                Shown::Chose(self.kind, path.to_path_buf())
            }),
            egui_file::State::Closed | egui_file::State::Cancelled => Shown::Gone,
        }
    }
}

impl std::fmt::Debug for BuiltinDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltinDialog")
            .field("kind", &self.kind)
            .field("folder", &self.dialog.directory())
            .finish_non_exhaustive()
    }
}

//! File dialogs behind a trait, so that tests can answer them.
//!
//! rfd's dialogs block the thread that opens them, so the real picker runs on a worker thread
//! and the window keeps repainting; the answer arrives on a channel and wakes the UI.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use eframe::egui;

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
    /// Start asking; the answer arrives on the returned channel.
    fn pick_report(&self, ctx: &egui::Context) -> Answer;

    /// Ask where to save a file, suggesting a name; `filter` names the kind of file and its
    /// extensions.
    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Answer;
}

/// The desktop's own file dialog (the XDG portal or zenity on Linux).
#[derive(Debug, Default)]
pub struct NativePicker;

impl ReportPicker for NativePicker {
    fn pick_report(&self, ctx: &egui::Context) -> Answer {
        ask_on_worker(ctx, || {
            rfd::FileDialog::new()
                .set_title("paratag")
                .add_filter(
                    "Reports and tags",
                    &["pdf", "docx", "doc", "odt", "txt", "text", "ron"],
                )
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Answer {
        let suggested = suggested.to_owned();
        let (name, extensions) = (
            filter.0.to_owned(),
            filter.1.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>(),
        );
        ask_on_worker(ctx, move || {
            rfd::FileDialog::new()
                .set_title("paratag")
                .set_file_name(suggested)
                .add_filter(name, &extensions)
                .save_file()
        })
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

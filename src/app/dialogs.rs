//! File dialogs behind a trait, so that tests can answer them.
//!
//! rfd's dialogs block the thread that opens them, so the real picker runs on a worker thread
//! and the window keeps repainting; the answer arrives on a channel and wakes the UI.

use std::path::PathBuf;
use std::sync::mpsc;

use eframe::egui;

/// The answer to a dialog: a path, or `None` when the user cancelled (or no dialog could be
/// shown, which rfd cannot tell apart).
pub type Answer = mpsc::Receiver<Option<PathBuf>>;

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
                .add_filter("Reports and tags", &["txt", "text", "ron"])
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
        // The window may have closed meanwhile; then nobody needs the answer.
        let _ = sender.send(dialog());
        ctx.request_repaint();
    });
    receiver
}

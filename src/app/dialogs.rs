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
}

/// The desktop's own file dialog (the XDG portal or zenity on Linux).
#[derive(Debug, Default)]
pub struct NativePicker;

impl ReportPicker for NativePicker {
    fn pick_report(&self, ctx: &egui::Context) -> Answer {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let path = rfd::FileDialog::new()
                .set_title("paratag")
                .add_filter("Text", &["txt", "text"])
                .add_filter("All files", &["*"])
                .pick_file();
            // The window may have closed meanwhile; then nobody needs the answer.
            let _ = sender.send(path);
            ctx.request_repaint();
        });
        receiver
    }
}

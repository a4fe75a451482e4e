//! The app's questions about files, answered: the desktop's own file dialog (rfd: the XDG
//! portal or zenity on Linux) behind a trait tests can replace, and paratag's own chooser
//! where the desktop has none.
//!
//! rfd's dialogs block the thread that opens them, so the real picker runs on a worker thread
//! and the window keeps repainting; the answer arrives on a channel and wakes the UI.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::app::dialogs::PathQuestion;
use crate::command::Message;
use crate::i18n::Strings;
use crate::ui::FileChooser;

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

/// Asks the desktop's file dialog a question; the answer arrives on the returned channel, and
/// `ctx` is woken when it does.
pub trait Picker {
    fn ask(&self, ctx: &egui::Context, question: &PathQuestion) -> Answer;
}

/// The desktop's own file dialog.
#[derive(Debug, Default)]
pub struct NativePicker;

impl Picker for NativePicker {
    fn ask(&self, ctx: &egui::Context, question: &PathQuestion) -> Answer {
        let question = question.clone();
        ask_on_worker(ctx, move || {
            let mut dialog = rfd::FileDialog::new().set_title(&question.title);
            if let Some(folder) = question.folder {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = question.suggested.as_deref() {
                dialog = dialog.set_file_name(name);
            }
            for filter in &question.filters {
                dialog = dialog.add_filter(&filter.name, &filter.extensions);
            }
            match question.kind {
                crate::command::DialogKind::Open
                | crate::command::DialogKind::AddToNote
                | crate::command::DialogKind::Merge
                | crate::command::DialogKind::Parallel => dialog.pick_file(),
                crate::command::DialogKind::SaveAs
                | crate::command::DialogKind::Export
                | crate::command::DialogKind::Briefing => dialog.save_file(),
            }
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

/// The question out with the desktop's dialog, until it answers.
pub struct Dialogs {
    picker: Box<dyn Picker>,
    pending: Option<(PathQuestion, Answer)>,
}

impl std::fmt::Debug for Dialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dialogs")
            .field(
                "pending",
                &self.pending.as_ref().map(|(question, _)| question),
            )
            .finish_non_exhaustive()
    }
}

impl Default for Dialogs {
    fn default() -> Self {
        Self::new(Box::new(NativePicker))
    }
}

impl Dialogs {
    pub fn new(picker: Box<dyn Picker>) -> Self {
        Self {
            picker,
            pending: None,
        }
    }

    /// Ask the desktop's dialog (one question at a time: the app asks no second one before the
    /// first is answered).
    pub fn ask(&mut self, ctx: &egui::Context, question: PathQuestion) {
        if self.pending.is_none() {
            let answer = self.picker.ask(ctx, &question);
            self.pending = Some((question, answer));
        }
    }

    /// The desktop dialog's answer, once it came, as messages for the app. Where no dialog
    /// could be shown, `chooser` gets paratag's own in its place, asking the same question.
    pub fn poll(&mut self, strings: &Strings, chooser: &mut Option<FileChooser>) -> Vec<Message> {
        let Some((_, answer)) = &self.pending else {
            return Vec::new();
        };
        let picked = match answer.try_recv() {
            Ok(picked) => Some(picked),
            Err(mpsc::TryRecvError::Empty) => return Vec::new(),
            // The worker died without answering: the question is over, with no answer.
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let Some((question, _)) = self.pending.take() else {
            return Vec::new();
        };
        let available = Message::SystemDialogs { available: true };
        match picked {
            Some(Picked::Path(path)) => {
                vec![available, Message::Answered(question.kind, Some(path))]
            }
            Some(Picked::Cancelled) => vec![available, Message::Answered(question.kind, None)],
            None => vec![Message::Answered(question.kind, None)],
            Some(Picked::Unavailable) => {
                *chooser = Some(FileChooser::new(question, strings));
                vec![Message::SystemDialogs { available: false }]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::dialogs::FileFilter;
    use crate::command::DialogKind;
    use crate::i18n::UiLanguage;

    /// A desktop dialog that answers at once as the test says.
    struct Scripted(Picked);

    impl Picker for Scripted {
        fn ask(&self, _ctx: &egui::Context, _question: &PathQuestion) -> Answer {
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(self.0.clone());
            receiver
        }
    }

    fn question(kind: DialogKind) -> PathQuestion {
        PathQuestion {
            kind,
            title: "Save as".to_owned(),
            folder: Some(std::env::temp_dir()),
            suggested: Some("report.tags.ron".to_owned()),
            filters: vec![FileFilter::new("Tags files", &["ron"])],
        }
    }

    fn asked(picked: Picked, kind: DialogKind) -> (Vec<Message>, Option<FileChooser>) {
        let ctx = egui::Context::default();
        let mut dialogs = Dialogs::new(Box::new(Scripted(picked)));
        let mut chooser = None;
        assert!(
            dialogs
                .poll(UiLanguage::English.strings(), &mut chooser)
                .is_empty()
        );
        dialogs.ask(&ctx, question(kind));
        let messages = dialogs.poll(UiLanguage::English.strings(), &mut chooser);
        // Answered once: nothing more comes.
        assert!(
            dialogs
                .poll(UiLanguage::English.strings(), &mut chooser)
                .is_empty()
        );
        (messages, chooser)
    }

    #[test]
    fn the_desktop_dialogs_answer_goes_to_the_app() {
        let path = std::env::temp_dir().join("elsewhere.tags.ron");
        let (messages, chooser) = asked(Picked::Path(path.clone()), DialogKind::SaveAs);
        assert_eq!(
            messages,
            [
                Message::SystemDialogs { available: true },
                Message::Answered(DialogKind::SaveAs, Some(path)),
            ]
        );
        assert!(chooser.is_none());
        let (messages, _) = asked(Picked::Cancelled, DialogKind::Open);
        assert_eq!(messages[1], Message::Answered(DialogKind::Open, None));
    }

    /// No desktop dialog: paratag's own chooser asks the same question, in the same folder,
    /// and the app is told why (the answer comes from the chooser later).
    #[test]
    fn no_desktop_dialog_brings_paratags_own() {
        let (messages, chooser) = asked(Picked::Unavailable, DialogKind::SaveAs);
        assert_eq!(messages, [Message::SystemDialogs { available: false }]);
        let chooser = chooser.unwrap();
        assert_eq!(chooser.question(), &question(DialogKind::SaveAs));
        assert_eq!(chooser.folder(), std::env::temp_dir());
    }

    /// A second question while one is out is not asked over it.
    #[test]
    fn one_question_at_a_time() {
        let ctx = egui::Context::default();
        let mut dialogs = Dialogs::new(Box::new(Scripted(Picked::Cancelled)));
        dialogs.ask(&ctx, question(DialogKind::Open));
        dialogs.ask(&ctx, question(DialogKind::Export));
        let mut chooser = None;
        let messages = dialogs.poll(UiLanguage::English.strings(), &mut chooser);
        assert_eq!(messages[1], Message::Answered(DialogKind::Open, None));
    }
}

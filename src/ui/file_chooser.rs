//! paratag's own file chooser (`egui_file`), drawn in the window where the desktop has no
//! dialog of its own: it asks the app's question ([`PathQuestion`]) — for Open, the files
//! paratag reads; for Save As and Export, the suggested name.

use crate::app::dialogs::PathQuestion;
use crate::command::Message;
use crate::i18n::Strings;

pub struct FileChooser {
    question: PathQuestion,
    dialog: egui_file::FileDialog,
}

impl FileChooser {
    pub fn new(question: PathQuestion, strings: &Strings) -> Self {
        let dialog = match question.kind {
            crate::command::DialogKind::Open
            | crate::command::DialogKind::AddToNote
            | crate::command::DialogKind::Merge
            | crate::command::DialogKind::Parallel => {
                let offered = question.filters.first().cloned();
                egui_file::FileDialog::open_file().show_files_filter(Box::new(
                    move |path: &std::path::Path| {
                        offered.as_ref().is_none_or(|filter| filter.admits(path))
                    },
                ))
            }
            crate::command::DialogKind::SaveAs
            | crate::command::DialogKind::Export
            | crate::command::DialogKind::Briefing => egui_file::FileDialog::save_file(),
        };
        let dialog = dialog
            .title(&question.title)
            .open_button_text(strings.open.into())
            .save_button_text(strings.save.into())
            .cancel_button_text(strings.cancel.into())
            .default_size(egui::vec2(560.0, 420.0))
            // In the middle of the window, where a system dialog appears, not in its corner.
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO);
        let dialog = match question.folder.clone() {
            Some(folder) => dialog.initial_path(folder),
            None => dialog,
        };
        let mut dialog = match question.suggested.clone() {
            Some(name) => dialog.default_filename(name),
            None => dialog,
        };
        dialog.open();
        Self { question, dialog }
    }

    /// The question it asks.
    pub fn question(&self) -> &PathQuestion {
        &self.question
    }

    /// The folder it shows.
    pub fn folder(&self) -> &std::path::Path {
        self.dialog.directory()
    }

    /// Draw it for this frame; once the user chose a path or gave up, the answer.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Message> {
        self.dialog.show(ctx);
        let kind = self.question.kind;
        match self.dialog.state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => Some(Message::Answered(
                kind,
                self.dialog.path().map(std::path::Path::to_path_buf),
            )),
            egui_file::State::Closed | egui_file::State::Cancelled => {
                Some(Message::Answered(kind, None))
            }
        }
    }
}

impl std::fmt::Debug for FileChooser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileChooser")
            .field("question", &self.question)
            .field("folder", &self.dialog.directory())
            .finish_non_exhaustive()
    }
}

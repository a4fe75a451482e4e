//! The questions the app asks about files (Open, Save As, Export). The app asks with
//! [`super::Effect::AskPath`]; the window shows the desktop's file dialog, or paratag's own
//! where the desktop has none, and answers with [`crate::command::Message::Answered`]. Tests
//! answer the question themselves.

use std::path::PathBuf;

pub use crate::command::DialogKind;

/// The files Open offers: what paratag reads (reports, and tags files).
pub const OPENABLE: [&str; 7] = ["pdf", "docx", "doc", "odt", "txt", "text", "ron"];

/// A question about a file, in the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathQuestion {
    pub kind: DialogKind,
    /// The dialog's title.
    pub title: String,
    /// Where the dialog opens: the open report's folder (none for the built-in report).
    pub folder: Option<PathBuf>,
    /// The name a save dialog suggests.
    pub suggested: Option<String>,
    /// The kinds of file offered, the first chosen; `*` stands for every file.
    pub filters: Vec<FileFilter>,
}

/// A kind of file a dialog offers: its name and extensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<&'static str>,
}

impl FileFilter {
    pub fn new(name: &str, extensions: &[&'static str]) -> Self {
        Self {
            name: name.to_owned(),
            extensions: extensions.to_vec(),
        }
    }

    /// Whether a file of this name is offered.
    pub fn admits(&self, path: &std::path::Path) -> bool {
        self.extensions.contains(&"*")
            || path
                .extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| {
                    self.extensions
                        .iter()
                        .any(|wanted| wanted.eq_ignore_ascii_case(extension))
                })
    }
}

//! The application: which report is open, and the window around it.

use std::path::Path;

use eframe::egui;

use crate::document::Document;
use crate::{parse, seed, ui};

/// The state of the window.
#[derive(Debug)]
pub struct ParatagApp {
    /// The report on screen.
    document: Document,
    /// Where it came from: a path, or the built-in report's name.
    source: String,
    /// A problem to show above the report (the report asked for could not be opened).
    problem: Option<String>,
}

impl ParatagApp {
    /// The app showing the report at `path`, or the built-in report without one. A report that
    /// cannot be opened leaves the built-in report on screen with the reason above it.
    pub fn new(path: Option<&Path>) -> Self {
        let builtin = || match seed::document() {
            Ok(document) => (document, format!("{} (built-in)", seed::FILE_NAME)),
            // The seed is checked by the tests; should it ever fail, show an empty document
            // with the reason rather than no window at all.
            Err(error) => (
                empty_document(),
                format!("{} (built-in, unreadable: {error})", seed::FILE_NAME),
            ),
        };
        match path {
            None => {
                let (document, source) = builtin();
                Self {
                    document,
                    source,
                    problem: None,
                }
            }
            Some(path) => match parse::read_report(path) {
                Ok(document) => Self {
                    document,
                    source: path.display().to_string(),
                    problem: None,
                },
                Err(error) => {
                    let (document, source) = builtin();
                    Self {
                        document,
                        source,
                        problem: Some(error.to_string()),
                    }
                }
            },
        }
    }

    /// The report on screen.
    pub fn document(&self) -> &Document {
        &self.document
    }

    fn title(&self) -> String {
        match &self.document.symbol {
            Some(symbol) => format!("{symbol} — paratag"),
            None => "paratag".to_owned(),
        }
    }
}

fn empty_document() -> Document {
    Document {
        symbol: None,
        language: crate::document::Language::English,
        encoding: "UTF-8",
        blocks: Vec::new(),
        footnotes: Vec::new(),
        removed: Vec::new(),
    }
}

impl eframe::App for ParatagApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("status").show(ui, |ui| {
            ui::reader::summary_ui(ui, &self.document, &self.source);
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui::reader::document_ui(ui, &self.document);
        });
    }
}

/// Open the window and run until it is closed.
pub fn run(report: Option<&Path>) -> eframe::Result {
    let app = ParatagApp::new(report);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_app_id("paratag")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([480.0, 320.0]),
        ..Default::default()
    };
    eframe::run_native("paratag", options, Box::new(|_cc| Ok(Box::new(app))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_the_built_in_report() {
        let app = ParatagApp::new(None);
        assert_eq!(app.document().paragraphs().count(), 22);
        assert!(app.problem.is_none());
        assert_eq!(app.title(), "CAC/COSP/WG.2/2017/L.1/Add.1 — paratag");
    }

    #[test]
    fn a_report_that_fails_keeps_the_built_in_one_and_says_why() {
        let app = ParatagApp::new(Some(Path::new("/nonexistent/report.txt")));
        assert_eq!(app.document().paragraphs().count(), 22);
        let problem = app.problem.as_deref().unwrap();
        assert!(problem.starts_with("Cannot open the report"), "{problem}");
        assert!(problem.ends_with("/nonexistent/report.txt"), "{problem}");
    }
}

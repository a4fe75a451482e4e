//! The report as a scrolling list: headings, and numbered paragraphs with their number in a
//! margin column.

use eframe::egui::{self, RichText};

use crate::document::{Block, Document};

/// Width of the margin column that holds paragraph numbers.
const NUMBER_COLUMN_WIDTH: f32 = 44.0;

/// One line about the report: symbol, language and counts, and where it came from.
pub fn summary_ui(ui: &mut egui::Ui, document: &Document, source: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(document.symbol.as_deref().unwrap_or("(no symbol)"));
        ui.separator();
        ui.label(document.language.english_name());
        ui.separator();
        ui.label(format!("{} paragraphs", document.paragraphs().count()));
        ui.separator();
        ui.weak(source);
    });
}

/// The report body.
pub fn document_ui(ui: &mut egui::Ui, document: &Document) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(820.0));
            for block in &document.blocks {
                block_ui(ui, block);
            }
            if !document.footnotes.is_empty() {
                ui.separator();
                for footnote in &document.footnotes {
                    ui.small(footnote);
                }
            }
        });
}

fn block_ui(ui: &mut egui::Ui, block: &Block) {
    match block {
        Block::Heading(text) => {
            ui.add_space(14.0);
            ui.label(RichText::new(text).heading());
            ui.add_space(6.0);
        }
        Block::Paragraph(paragraph) => {
            ui.horizontal_top(|ui| {
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(
                        NUMBER_COLUMN_WIDTH,
                        ui.text_style_height(&egui::TextStyle::Body),
                    ),
                    egui::Sense::hover(),
                );
                ui.painter().text(
                    rect.right_top() - egui::vec2(8.0, 0.0),
                    egui::Align2::RIGHT_TOP,
                    format!("{}.", paragraph.number),
                    egui::TextStyle::Body.resolve(ui.style()),
                    ui.visuals().weak_text_color(),
                );
                ui.add(egui::Label::new(&paragraph.text).wrap());
            });
            ui.add_space(8.0);
        }
        Block::Text(text) => {
            ui.horizontal_top(|ui| {
                ui.add_space(NUMBER_COLUMN_WIDTH);
                ui.add(egui::Label::new(text).wrap());
            });
            ui.add_space(4.0);
        }
    }
}

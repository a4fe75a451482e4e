//! The outline: headings and paragraph numbers, to jump through the report.

use eframe::egui::{self, RichText};

use super::theme::tag_color;
use crate::app::ParatagApp;
use crate::command::Command;
use crate::document::Block;

/// How much of a paragraph the outline shows after its number.
const PREVIEW_CHARS: usize = 10;

pub fn outline_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(app.strings().outline).strong());
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for (block_index, block) in app.document().blocks.iter().enumerate() {
                match block {
                    Block::Heading(text) => {
                        ui.add_space(6.0);
                        ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
                    }
                    Block::Paragraph(paragraph) => {
                        let Some(index) = app.paragraph_at_block(block_index) else {
                            continue;
                        };
                        if !app.is_visible(index) {
                            continue;
                        }
                        let preview: String = paragraph.text.chars().take(PREVIEW_CHARS).collect();
                        let tags = app.annotations().tags(index);
                        let mut text = RichText::new(format!("¶{} {preview}…", paragraph.number));
                        if let Some(tag) = tags.iter().next() {
                            text = text.color(tag_color(tag, ui.visuals()));
                        }
                        let selected = app.selected() == Some(index);
                        let response = ui.add(egui::Button::selectable(selected, text).truncate());
                        if response.clicked() {
                            commands.push(Command::Select(index));
                        }
                    }
                    Block::Text(_) => {}
                }
            }
        });
}

//! The outline: headings and paragraph numbers, to jump through the report. Every entry is one
//! line, so only the visible rows are laid out, however long the report.

use eframe::egui::{self, RichText};

use super::theme::tag_color;
use crate::annotations::ParagraphIndex;
use crate::app::ParatagApp;
use crate::command::Command;
use crate::document::Block;

/// At most how much of a paragraph the outline shows after its number; the row then cuts it
/// at the panel's width, so a wide panel shows more of it.
const PREVIEW_CHARS: usize = 120;

/// One line of the outline.
enum Entry<'a> {
    Heading(&'a str),
    Paragraph(ParagraphIndex, u32, &'a str),
}

pub fn outline_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(app.strings().outline).strong());
    ui.separator();
    let entries: Vec<Entry<'_>> = app
        .document()
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(block_index, block)| match block {
            Block::Heading(text) => Some(Entry::Heading(text)),
            Block::Paragraph(paragraph) => {
                let index = app.paragraph_at_block(block_index)?;
                app.is_visible(index).then_some(Entry::Paragraph(
                    index,
                    paragraph.number,
                    &paragraph.text,
                ))
            }
            Block::Text(_) => None,
        })
        .collect();
    // Every row must be exactly this high: `show_rows` places the visible rows by it, and a
    // taller row makes the list jump at each row while scrolling. A button is its text's
    // height plus its padding, and at least the interactive height.
    let spacing = ui.spacing();
    let row_height = (ui.text_style_height(&egui::TextStyle::Body)
        + 2.0 * spacing.button_padding.y.round())
    .max(spacing.interact_size.y);
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        entries.len(),
        |ui, rows| {
            // Rows of one height, text from the left.
            let row = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
                let size = egui::vec2(ui.available_width(), row_height);
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(size, layout, |ui| add(ui));
            };
            for entry in &entries[rows] {
                match entry {
                    Entry::Heading(text) => row(ui, &mut |ui| {
                        ui.add(egui::Label::new(RichText::new(*text).strong()).truncate());
                    }),
                    Entry::Paragraph(index, number, text) => {
                        let mut label = RichText::new(format!("¶{number} {}", preview(text)));
                        if let Some(tag) = app.annotations().tags(*index).iter().next() {
                            label = label.color(tag_color(tag, ui.visuals()));
                        }
                        let selected = app.selected() == Some(*index);
                        row(ui, &mut |ui| {
                            let button =
                                egui::Button::selectable(selected, label.clone()).truncate();
                            let response = ui.add(button);
                            if selected && app.selection_moved() {
                                response.scroll_to_me(None);
                            }
                            if response.clicked() {
                                commands.push(Command::Select(*index));
                            }
                        });
                    }
                }
            }
        },
    );
}

/// The start of a paragraph on one line: line breaks (sub-paragraphs) become spaces.
fn preview(text: &str) -> String {
    let mut chars = text.chars();
    let mut preview: String = chars
        .by_ref()
        .take(PREVIEW_CHARS)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if chars.next().is_some() {
        preview.push('…');
    }
    preview
}

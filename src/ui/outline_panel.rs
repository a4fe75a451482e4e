//! The outline: headings and paragraph numbers, to jump through the report. Every entry is one
//! line, so only the visible rows are laid out, however long the report.

use egui::RichText;

use super::theme::tag_color;
use crate::annotations::ParagraphIndex;
use crate::app::ParatagApp;
use crate::command::Message;
use crate::document::Block;
use crate::parse::is_cjk;

/// One line of the outline.
enum Entry<'a> {
    Heading(&'a str),
    Paragraph(ParagraphIndex, u32, &'a str),
}

/// `selection_moved`: the selected paragraph is asked to come into view this frame.
pub fn outline_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    selection_moved: bool,
    commands: &mut Vec<Message>,
) {
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
    let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
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
                        let preview = preview(text, ui.available_width(), font_size);
                        let mut label = RichText::new(format!("¶{number} {preview}"));
                        if let Some(tag) = app.annotations().tags(*index).iter().next() {
                            label = label.color(tag_color(tag, ui.visuals()));
                        }
                        let selected = app.selected() == Some(*index);
                        row(ui, &mut |ui| {
                            let button =
                                egui::Button::selectable(selected, label.clone()).truncate();
                            // The row shows what fits; hovering shows the paragraph's opening.
                            let response = ui.add(button).on_hover_ui(|ui| {
                                ui.label(opening(text));
                            });
                            if selected && selection_moved {
                                response.scroll_to_me(None);
                            }
                            if response.clicked() {
                                commands.push(Message::Select(*index));
                            }
                        });
                    }
                }
            }
        },
    );
}

/// The start of a paragraph on one line (line breaks become spaces), as much of it as could fit
/// in `width` points at `font_size`; the row then cuts it exactly at the panel's edge. Only
/// what could show is laid out: every glyph laid out takes room in the font atlas, and whole
/// Chinese previews in the outline cost 6 MiB of memory.
fn preview(text: &str, width: f32, font_size: f32) -> String {
    let mut room = width;
    let mut preview = String::new();
    for c in text.chars() {
        if room <= 0.0 {
            preview.push('…');
            break;
        }
        // The least a character can take: an ideograph a full em, any other about a fifth.
        room -= font_size * if is_cjk(c) { 1.0 } else { 0.2 };
        preview.push(if c.is_whitespace() { ' ' } else { c });
    }
    preview
}

/// How much of a paragraph the outline's tooltip shows.
const OPENING_CHARS: usize = 300;

/// A paragraph's first characters, for the tooltip of its outline row.
fn opening(text: &str) -> String {
    match text.char_indices().nth(OPENING_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::preview;

    #[test]
    fn a_preview_takes_what_could_fit_and_no_more() {
        let chinese = "认识到遵守国家法律和法治至关重要，几名发言者报告了一些实际挑战";
        // 160 points of 14-point text: eleven ideographs and part of a twelfth.
        assert_eq!(preview(chinese, 160.0, 14.0), "认识到遵守国家法律和法治…");
        let english = "The Working Group on Asset Recovery was established by the \
                       Conference of the States Parties in its resolution 1/4 to assist";
        let taken = preview(english, 160.0, 14.0);
        assert_eq!(taken.chars().count(), 58 + 1, "{taken}");
        assert!(english.starts_with(taken.trim_end_matches('…')));
        // A short paragraph whole; sub-paragraphs on one line.
        assert_eq!(
            preview("Observers:\n(a) States;", 400.0, 14.0),
            "Observers: (a) States;"
        );
    }
}

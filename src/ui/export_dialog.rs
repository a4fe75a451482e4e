//! The Export dialog: what goes into the briefing note, a live preview, and Save or Copy.

use egui::RichText;

use crate::annotations::Tag;
use crate::app::{ExportDialog, ParatagApp};
use crate::command::Command;
use crate::export::{Format, Grouping, NoteLanguage};
use crate::i18n::Strings;

/// Quotes are trimmed to this many characters when trimming is first switched on.
const DEFAULT_TRIM: usize = 200;

pub fn export_dialog_ui(ctx: &egui::Context, app: &mut ParatagApp, commands: &mut Vec<Command>) {
    if app.export_dialog_mut().is_none() {
        return;
    }
    let strings = app.strings();
    let preview = app.export_preview();
    let mut open = true;
    let mut save = false;
    egui::Window::new(strings.export_title)
        .open(&mut open)
        .default_size([820.0, 560.0])
        // Opens in the middle of the window, clear of the menu bar; the user can move it.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .show(ctx, |ui| {
            let Some(dialog) = app.export_dialog_mut() else {
                return;
            };
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(300.0);
                    options_ui(ui, strings, dialog);
                    ui.add_space(12.0);
                    ui.horizontal_wrapped(|ui| {
                        save = ui
                            .add_enabled(preview.is_ok(), egui::Button::new(strings.save_export))
                            .clicked();
                        for format in [Format::Markdown, Format::Text] {
                            let command = Command::CopyExport(format);
                            if ui
                                .add_enabled(
                                    preview.is_ok(),
                                    egui::Button::new(command.label(strings)),
                                )
                                .clicked()
                            {
                                commands.push(command);
                            }
                        }
                    });
                });
                ui.separator();
                ui.vertical(|ui| {
                    ui.label(RichText::new(strings.preview).strong());
                    egui::ScrollArea::vertical()
                        .id_salt("export_preview")
                        .auto_shrink(false)
                        .show(ui, |ui| match &preview {
                            Ok(text) => {
                                ui.add(egui::Label::new(text.as_str()).wrap());
                            }
                            Err(problem) => {
                                ui.colored_label(ui.visuals().warn_fg_color, problem);
                            }
                        });
                });
            });
        });
    if save {
        app.start_export_save(ctx);
    }
    if !open {
        app.close_export_dialog();
    }
}

fn options_ui(ui: &mut egui::Ui, strings: &Strings, dialog: &mut ExportDialog) {
    ui.label(RichText::new(strings.format).strong());
    for (format, name) in [
        (Format::Docx, "Word (.docx)"),
        (Format::Markdown, "Markdown (.md)"),
        (Format::Html, "HTML (.html)"),
        (Format::Csv, "CSV (.csv)"),
        (Format::Text, "Text (.txt)"),
    ] {
        ui.radio_value(&mut dialog.format, format, name);
    }
    ui.add_space(8.0);

    let options = &mut dialog.options;
    ui.label(RichText::new(strings.group_by).strong());
    ui.radio_value(&mut options.grouping, Grouping::ByTag, strings.by_tag);
    ui.radio_value(
        &mut options.grouping,
        Grouping::Document,
        strings.in_document_order,
    );
    ui.add_space(8.0);

    ui.label(RichText::new(strings.tag_order).strong());
    for position in 0..options.tag_order.len() {
        let tag = options.tag_order[position];
        ui.horizontal(|ui| {
            let button = ui
                .add_enabled(position > 0, egui::Button::new("↑"))
                .on_hover_text(strings.move_up);
            if button.clicked() {
                options.tag_order.swap(position, position - 1);
            }
            let mut included = options.only.is_empty() || options.only.contains(tag);
            if ui.checkbox(&mut included, strings.tag(tag)).changed() {
                let current = if options.only.is_empty() {
                    Tag::ALL.into_iter().collect()
                } else {
                    options.only
                };
                let chosen = current.toggled(tag);
                // All three chosen is the same as no restriction.
                options.only = if Tag::ALL.iter().all(|t| chosen.contains(*t)) {
                    crate::annotations::TagSet::EMPTY
                } else {
                    chosen
                };
            }
        });
    }
    ui.add_space(8.0);

    let mut trimmed = options.trim_chars.is_some();
    ui.horizontal(|ui| {
        let label = ui.checkbox(&mut trimmed, strings.trim_quotes);
        if trimmed {
            let mut chars = options.trim_chars.unwrap_or(DEFAULT_TRIM);
            ui.add(egui::DragValue::new(&mut chars).range(20..=2000))
                .labelled_by(label.id);
            ui.label(strings.characters);
            options.trim_chars = Some(chars);
        } else {
            options.trim_chars = None;
        }
    });
    ui.checkbox(&mut options.merge_consecutive, strings.merge_consecutive);
    ui.add_space(8.0);

    ui.label(RichText::new(strings.citation_language).strong());
    ui.horizontal_wrapped(|ui| {
        for language in NoteLanguage::ALL {
            ui.radio_value(&mut options.language, language, language.sample());
        }
    });
}

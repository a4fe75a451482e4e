//! Modal windows: a question before unsaved tags would be dropped, keyboard shortcuts, about.

use eframe::egui;

use super::shortcut_text;
use crate::app::{Modal, ParatagApp};
use crate::command::Command;

pub fn modals_ui(ctx: &egui::Context, app: &mut ParatagApp, commands: &mut Vec<Command>) {
    let strings = app.strings();
    let Some(modal) = app.modal() else {
        return;
    };
    let mut close = false;
    let mut confirm = false;
    let response = egui::Modal::new(egui::Id::unique("paratag_modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match modal {
            Modal::ConfirmOpen(path) => {
                ui.heading(strings.discard_question);
                ui.label(strings.discard_detail);
                ui.weak(path.display().to_string());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    confirm = ui.button(strings.open_anyway).clicked();
                    close = ui.button(strings.cancel).clicked();
                });
            }
            Modal::Shortcuts => {
                ui.heading(strings.keyboard_shortcuts);
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    ui.strong(strings.command_column);
                    ui.strong(strings.shortcut_column);
                    ui.end_row();
                    for command in Command::listed() {
                        let shortcuts: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .map(|shortcut| ctx.format_shortcut(shortcut))
                            .collect();
                        if shortcuts.is_empty() {
                            continue;
                        }
                        ui.label(command.label(strings));
                        ui.label(shortcuts.join("  ·  "));
                        ui.end_row();
                    }
                });
                close = ui.button(strings.close).clicked();
            }
            Modal::About => {
                ui.heading(format!("paratag {}", env!("CARGO_PKG_VERSION")));
                ui.label(strings.about_text);
                let shortcuts = shortcut_text(ctx, &Command::Find).unwrap_or_default();
                ui.weak(format!("{}: {shortcuts}", strings.find));
                close = ui.button(strings.close).clicked();
            }
        }
    });
    if confirm {
        app.confirm_open();
    } else if close || response.should_close() {
        app.close_modal();
    }
    let _ = commands;
}

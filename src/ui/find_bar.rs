//! The find bar (Ctrl+F): a query field, the match count, next and previous.

use super::command_button;
use crate::app::ParatagApp;
use crate::command::{Command, Message};

/// `focus`: the query field is asked to take the keyboard focus this frame.
pub fn find_bar_ui(ui: &mut egui::Ui, app: &ParatagApp, focus: bool, commands: &mut Vec<Message>) {
    let strings = app.strings();
    ui.horizontal(|ui| {
        let label = ui.label(strings.find);
        let mut query = app.find().query.clone();
        let response = ui
            .add(egui::TextEdit::singleline(&mut query).desired_width(260.0))
            .labelled_by(label.id);
        if focus {
            response.request_focus();
        }
        if response.changed() {
            commands.push(Message::FindQuery(query));
        }
        // Enter in the field goes to the next match and keeps the field focused.
        if response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
            let shift = ui.input(|input| input.modifiers.shift);
            let step = if shift {
                Command::FindPrevious
            } else {
                Command::FindNext
            };
            commands.push(step.into());
            response.request_focus();
        }
        // Esc in the field, or with nothing else focused, closes the bar, as in a browser.
        let escape = ui.input(|input| input.key_pressed(egui::Key::Escape));
        let nothing_focused = ui.memory(|memory| memory.focused().is_none());
        if escape
            && app.modal().is_none()
            && (response.has_focus() || response.lost_focus() || nothing_focused)
        {
            commands.push(Command::CloseFind.into());
        }
        let find = app.find();
        if !find.query.trim().is_empty() {
            let count = find.matches.len();
            if count == 0 {
                ui.colored_label(ui.visuals().warn_fg_color, strings.no_matches);
            } else {
                let at = find.current.map_or(0, |current| current + 1);
                ui.label(format!("{at} / {count}"));
            }
        }
        command_button(ui, app, Command::FindPrevious, commands);
        command_button(ui, app, Command::FindNext, commands);
        command_button(ui, app, Command::CloseFind, commands);
    });
}

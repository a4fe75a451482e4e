//! Modal windows: questions before work could be lost (unsaved tags, a file changed on disk,
//! tags for another document, a recovery copy), keyboard shortcuts, about.

use crate::app::{Modal, ParatagApp, RecoveryCopy};
use crate::command::{Choice, Command, Message};
use crate::i18n::Strings;

pub fn modals_ui(ctx: &egui::Context, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    let Some(modal) = app.modal() else {
        return;
    };
    let mut choice = None;
    let response = egui::Modal::new(egui::Id::unique("paratag_modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        choice = match modal {
            Modal::Shortcuts => shortcuts_ui(ui, strings),
            Modal::About => about_ui(ui, strings),
            question => question_ui(ui, app, strings, question),
        };
    });
    // Escape or a click outside cancels, except for the recovery offer, which must be
    // answered (Decide later keeps the copies for the next start).
    let offered = matches!(app.modal(), Some(Modal::OfferRecovery(_)));
    if choice.is_none() && response.should_close() && !offered {
        choice = Some(Choice::Cancel);
    }
    if let Some(choice) = choice {
        commands.push(Message::Choose(choice));
    }
}

/// A row of buttons; returns the choice of the one clicked.
fn buttons_ui(ui: &mut egui::Ui, buttons: &[(&str, Choice)]) -> Option<Choice> {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let mut chosen = None;
        for (label, choice) in buttons {
            if ui.button(*label).clicked() {
                chosen = Some(*choice);
            }
        }
        chosen
    })
    .inner
}

fn question_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    strings: &Strings,
    modal: &Modal,
) -> Option<Choice> {
    match modal {
        Modal::ConfirmCloseReport(name) => {
            ui.heading(Strings::fill(
                strings.close_report_question,
                &[("name", name)],
            ));
            ui.label(strings.close_detail);
            buttons_ui(
                ui,
                &[
                    (strings.save, Choice::SaveAndCloseReport),
                    (strings.discard, Choice::DiscardAndCloseReport),
                    (strings.cancel, Choice::Cancel),
                ],
            )
        }
        Modal::ConfirmClose => {
            ui.heading(strings.close_question);
            let unsaved = app.unsaved_reports();
            if unsaved.len() > 1 {
                let names = unsaved.join(strings.list_separator);
                ui.label(Strings::fill(strings.close_several, &[("names", &names)]));
            } else {
                ui.label(strings.close_detail);
            }
            buttons_ui(
                ui,
                &[
                    (strings.save, Choice::SaveAndClose),
                    (strings.discard, Choice::DiscardAndClose),
                    (strings.cancel, Choice::Cancel),
                ],
            )
        }
        Modal::ChangedOnDisk(path) => {
            ui.heading(strings.changed_question);
            ui.label(strings.changed_detail);
            ui.weak(path.display().to_string());
            buttons_ui(
                ui,
                &[
                    (strings.save_as, Choice::SaveElsewhere),
                    (strings.overwrite, Choice::Overwrite),
                    (strings.cancel, Choice::Cancel),
                ],
            )
        }
        Modal::ForeignTags { path, theirs } => {
            ui.heading(strings.foreign_question);
            let ours = app
                .document()
                .symbol
                .as_deref()
                .unwrap_or(strings.no_symbol);
            ui.label(format!("{theirs} ≠ {ours}"));
            ui.weak(path.display().to_string());
            buttons_ui(
                ui,
                &[
                    (strings.open_anyway_tags, Choice::OpenForeign),
                    (strings.cancel, Choice::Cancel),
                ],
            )
        }
        Modal::OfferRecovery(copies) => recovery_ui(ui, strings, copies),
        Modal::HardLinked { path, others } => {
            ui.heading(strings.hard_link_question);
            ui.label(strings.hard_link_detail);
            ui.label(Strings::fill(
                strings.save_hard_linked,
                &[("others", others)],
            ));
            ui.weak(path.display().to_string());
            buttons_ui(
                ui,
                &[
                    (strings.save_anyway, Choice::SaveOverLinks),
                    (strings.save_as, Choice::SaveLinkedElsewhere),
                    (strings.cancel, Choice::Cancel),
                ],
            )
        }
        Modal::Shortcuts | Modal::About => None,
    }
}

/// The recovery copies left by windows that did not close cleanly: restore one, discard them
/// all, or decide later (they stay on disk and are offered at the next start).
fn recovery_ui(ui: &mut egui::Ui, strings: &Strings, copies: &[RecoveryCopy]) -> Option<Choice> {
    ui.heading(strings.recovery_question);
    ui.label(if copies.len() > 1 {
        strings.recovery_several
    } else {
        strings.recovery_detail
    });
    let mut chosen = None;
    for (index, copy) in copies.iter().enumerate() {
        ui.horizontal(|ui| {
            let restore = if copies.len() > 1 {
                format!("{} {}", strings.restore, index + 1)
            } else {
                strings.restore.to_owned()
            };
            if ui.button(restore).clicked() {
                chosen = Some(Choice::Restore(index));
            }
            ui.strong(Strings::fill(
                strings.tagged_paragraphs,
                &[("count", &copy.tagged), ("when", &copy.when)],
            ));
            if copy.orphans > 0 {
                ui.label(format!("· {}: {}", strings.orphans, copy.orphans));
            }
        });
        if copy.report_changed {
            ui.weak(strings.recovery_changed_report);
        }
    }
    let discard = if copies.len() > 1 {
        strings.discard_all
    } else {
        strings.discard
    };
    buttons_ui(
        ui,
        &[
            (discard, Choice::DiscardRecovery),
            (strings.decide_later, Choice::Cancel),
        ],
    )
    .or(chosen)
}

fn shortcuts_ui(ui: &mut egui::Ui, strings: &'static Strings) -> Option<Choice> {
    ui.heading(strings.keyboard_shortcuts);
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        ui.strong(strings.command_column);
        ui.strong(strings.shortcut_column);
        ui.end_row();
        for command in Command::listed() {
            let shortcuts: Vec<String> = command
                .shortcuts()
                .iter()
                .map(|shortcut| super::format_shortcut(ui.ctx(), shortcut))
                .collect();
            if shortcuts.is_empty() {
                continue;
            }
            ui.label(command.label(strings));
            ui.label(shortcuts.join("  ·  "));
            ui.end_row();
        }
    });
    buttons_ui(ui, &[(strings.close, Choice::Cancel)])
}

fn about_ui(ui: &mut egui::Ui, strings: &Strings) -> Option<Choice> {
    ui.heading(format!("paratag {}", env!("CARGO_PKG_VERSION")));
    ui.label(strings.about_text);
    buttons_ui(ui, &[(strings.close, Choice::Cancel)])
}

//! The menu bar: File, Edit, View, Help. Every entry is a command with its shortcut.

use super::command_button;
use crate::annotations::Tag;
use crate::app::ParatagApp;
use crate::command::{Command, Message};
use crate::i18n::UiLanguage;

pub fn menu_bar_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(strings.menu_file, |ui| {
            command_button(ui, app, Command::OpenReport, commands);
            let recent = &app.preferences().recent;
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button(strings.open_recent, |ui| {
                    for (path, label) in recent.iter().zip(recent_labels(recent)) {
                        let response = ui.button(label).on_hover_text(path.display().to_string());
                        if response.clicked() {
                            commands.push(Message::OpenPath(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            command_button(ui, app, Command::Save, commands);
            command_button(ui, app, Command::SaveAs, commands);
            command_button(ui, app, Command::MergeTags, commands);
            ui.separator();
            command_button(ui, app, Command::CloseReport, commands);
            ui.add_enabled_ui(app.open_report_count() > 1, |ui| {
                command_button(ui, app, Command::NextReport, commands);
                command_button(ui, app, Command::PreviousReport, commands);
            });
            ui.separator();
            command_button(ui, app, Command::Export, commands);
            command_button(ui, app, Command::SaveBriefing, commands);
            ui.separator();
            command_button(ui, app, Command::Quit, commands);
        });
        ui.menu_button(strings.menu_edit, |ui| {
            ui.add_enabled_ui(app.history().can_undo(), |ui| {
                command_button(ui, app, Command::Undo, commands);
            });
            ui.add_enabled_ui(app.history().can_redo(), |ui| {
                command_button(ui, app, Command::Redo, commands);
            });
            ui.separator();
            ui.add_enabled_ui(app.selected().is_some(), |ui| {
                for tag in Tag::ALL {
                    command_button(ui, app, Command::ToggleTag(tag), commands);
                }
                command_button(ui, app, Command::WriteNote, commands);
                command_button(ui, app, Command::NextPart, commands);
            });
            ui.separator();
            let mut shown = app.suggested().is_some();
            let mut label = Command::SuggestTags.label(strings);
            if let Some(shortcut) = super::shortcut_text(ui.ctx(), &Command::SuggestTags) {
                label = format!("{label}  ({shortcut})");
            }
            if ui.checkbox(&mut shown, label).clicked() {
                commands.push(Command::SuggestTags.into());
            }
            command_button(ui, app, Command::NextSuggested, commands);
            ui.add_enabled_ui(
                app.suggested().is_some() && app.selected().is_some(),
                |ui| {
                    command_button(ui, app, Command::AcceptSuggestions, commands);
                    command_button(ui, app, Command::DismissSuggestions, commands);
                },
            );
            ui.add_enabled_ui(app.suggested().is_some(), |ui| {
                for tag in Tag::ALL {
                    command_button(ui, app, Command::AcceptAllSuggested(tag), commands);
                }
            });
            ui.separator();
            command_button(ui, app, Command::Find, commands);
            command_button(ui, app, Command::FindNext, commands);
            command_button(ui, app, Command::FindPrevious, commands);
            ui.separator();
            author_ui(ui, app, commands);
        });
        ui.menu_button(strings.menu_view, |ui| view_menu_ui(ui, app, commands));
        ui.menu_button(strings.menu_help, |ui| {
            command_button(ui, app, Command::ShowShortcuts, commands);
            command_button(ui, app, Command::ShowAbout, commands);
        });
    });
}

/// The View menu: moving through the report, filters, panels, other versions, appearance.
fn view_menu_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    command_button(ui, app, Command::SelectNext, commands);
    command_button(ui, app, Command::SelectPrevious, commands);
    command_button(ui, app, Command::NextTagged, commands);
    command_button(ui, app, Command::PreviousTagged, commands);
    ui.separator();
    for tag in Tag::ALL {
        let mut on = app.filter().contains(tag);
        let label = Command::FilterTag(tag).label(strings);
        if ui.checkbox(&mut on, label).clicked() {
            commands.push(Command::FilterTag(tag).into());
        }
    }
    let authors = app.authors();
    ui.add_enabled_ui(!authors.is_empty(), |ui| {
        ui.menu_button(strings.filter_person, |ui| {
            if ui
                .selectable_label(app.filter_author().is_none(), strings.everyone)
                .clicked()
            {
                commands.push(Message::FilterAuthor(None));
            }
            for author in authors {
                let chosen = app.filter_author() == Some(author.as_str());
                if ui.selectable_label(chosen, &author).clicked() {
                    commands.push(Message::FilterAuthor(Some(author)));
                }
            }
        });
    });
    command_button(ui, app, Command::ClearFilter, commands);
    ui.separator();
    let mut outline = app.preferences().show_outline;
    if ui.checkbox(&mut outline, strings.toggle_outline).clicked() {
        commands.push(Command::ToggleOutline.into());
    }
    let mut page = app.shows_original_page();
    let has_pages = app.document().printed.is_some();
    let mut label = Command::ToggleOriginalPage.label(strings);
    if let Some(shortcut) = super::shortcut_text(ui.ctx(), &Command::ToggleOriginalPage) {
        label = format!("{label}  ({shortcut})");
    }
    let toggle = ui
        .add_enabled(has_pages, egui::Checkbox::new(&mut page, label))
        .on_disabled_hover_text(strings.pages_only_pdf);
    if toggle.clicked() {
        commands.push(Command::ToggleOriginalPage.into());
    }
    ui.separator();
    command_button(ui, app, Command::OpenParallel, commands);
    ui.add_enabled_ui(app.parallel().is_some(), |ui| {
        command_button(ui, app, Command::SwapVersions, commands);
        command_button(ui, app, Command::CloseParallel, commands);
    });
    ui.separator();
    let mut dark = app.preferences().dark_mode;
    if ui.checkbox(&mut dark, strings.dark_mode).clicked() {
        commands.push(Command::ToggleDarkMode.into());
    }
    command_button(ui, app, Command::ZoomIn, commands);
    command_button(ui, app, Command::ZoomOut, commands);
    command_button(ui, app, Command::ZoomReset, commands);
    ui.separator();
    ui.menu_button(strings.interface_language, |ui| {
        for language in UiLanguage::ALL {
            let selected = app.preferences().ui_language == language;
            if ui.radio(selected, language.native_name()).clicked() {
                commands.push(Command::SetUiLanguage(language).into());
            }
        }
    });
}

/// What the recent-files menu calls each file: its name, and where two share a name, as much
/// of the folders above it as tells them apart (`report.pdf — zh/2017`, `report.pdf —
/// en/2017`), as editors do with tabs of the same name.
fn recent_labels(paths: &[std::path::PathBuf]) -> Vec<String> {
    use std::path::{Component, Path};
    let name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    };
    // The parent's folders, nearest first.
    let folders = |path: &Path| -> Vec<String> {
        path.parent()
            .map(|parent| {
                parent
                    .components()
                    .filter_map(|component| match component {
                        Component::Normal(folder) => Some(folder.to_string_lossy().into_owned()),
                        _ => None,
                    })
                    .rev()
                    .collect()
            })
            .unwrap_or_default()
    };
    let all: Vec<(String, Vec<String>)> = paths.iter().map(|p| (name(p), folders(p))).collect();
    all.iter()
        .enumerate()
        .map(|(index, (name, folders))| {
            let same_name: Vec<&Vec<String>> = all
                .iter()
                .enumerate()
                .filter(|(other, (other_name, _))| *other != index && other_name == name)
                .map(|(_, (_, folders))| folders)
                .collect();
            if same_name.is_empty() {
                return name.clone();
            }
            let depth = (1..=folders.len())
                .find(|depth| {
                    same_name
                        .iter()
                        .all(|other| other.get(..*depth) != folders.get(..*depth))
                })
                .unwrap_or(folders.len());
            let mut shown: Vec<&str> = folders[..depth].iter().map(String::as_str).collect();
            shown.reverse();
            format!("{name} — {}", shown.join("/"))
        })
        .collect()
}

/// The name recorded with the user's tags and notes (colleagues merging tags files see who
/// tagged what); empty, the system's user name, shown as the hint.
fn author_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    ui.horizontal(|ui| {
        let label = ui.label(strings.your_name);
        let mut name = app.preferences().author.clone();
        let field = egui::TextEdit::singleline(&mut name)
            .hint_text(crate::export::system_user())
            .desired_width(140.0);
        let response = ui.add(field).labelled_by(label.id);
        if response.changed() {
            commands.push(Message::SetAuthor(name));
        }
    })
    .response
    .on_hover_text(strings.your_name_detail);
}

#[cfg(test)]
mod tests {
    use super::recent_labels;
    use std::path::PathBuf;

    #[test]
    fn recent_files_of_one_name_are_told_apart_by_their_folders() {
        let paths: Vec<PathBuf> = [
            "/home/li/reports/2017/zh/report.pdf",
            "/home/li/reports/2017/en/report.pdf",
            "/home/li/reports/2018/zh/report.pdf",
            "/home/li/notes.tags.ron",
            "relative.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(
            recent_labels(&paths),
            [
                "report.pdf — 2017/zh",
                "report.pdf — en",
                "report.pdf — 2018/zh",
                "notes.tags.ron",
                "relative.txt",
            ]
        );
    }
}

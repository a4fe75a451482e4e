//! The panel beside the report: the selected paragraph's number, its tags and its note.

use egui::RichText;

use super::{shortcut_text, theme::tag_color};
use crate::annotations::{MAX_NOTE_CHARS, Tag};
use crate::app::ParatagApp;
use crate::command::{Command, Message};
use crate::i18n::Strings;

/// `focus_note`: the note field is asked to take the keyboard focus this frame.
pub fn tag_panel_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    focus_note: bool,
    commands: &mut Vec<Message>,
) {
    let strings = app.strings();
    ui.add_space(8.0);
    let Some(selected) = app.selected() else {
        ui.label(strings.no_selection);
        orphans_ui(ui, app);
        return;
    };
    let number = app.paragraph_number(selected).unwrap_or_default();
    ui.heading(strings.paragraph(number));
    author_ui(ui, app, selected);
    ui.add_space(8.0);

    ui.label(RichText::new(strings.tags).strong());
    let tags = app.annotations().tags(selected);
    ui.horizontal_wrapped(|ui| {
        for tag in Tag::ALL {
            tag_button_ui(ui, app, tag, tags.contains(tag), commands);
        }
    });
    suggested_ui(ui, app, selected, commands);
    parts_ui(ui, app, selected, commands);
    conflict_ui(ui, app, selected, commands);
    ui.add_space(12.0);

    let note_label = ui.label(RichText::new(strings.note).strong());
    let full = app.annotations().note(selected);
    if crate::annotations::note_is_too_long(full) {
        // Kept and saved whole, but laying out megabytes each frame would freeze the window.
        ui.colored_label(
            ui.visuals().warn_fg_color,
            Strings::fill(strings.note_shown_truncated, &[("max", &MAX_NOTE_CHARS)]),
        );
        let shown: String = full.chars().take(MAX_NOTE_CHARS).collect();
        egui::ScrollArea::vertical()
            .id_salt("long_note")
            .max_height(240.0)
            .show(ui, |ui| ui.add(egui::Label::new(shown).wrap()));
        orphans_ui(ui, app);
        return;
    }
    let mut note = full.to_owned();
    let editor = egui::TextEdit::multiline(&mut note)
        .hint_text(strings.note_hint)
        .desired_width(f32::INFINITY)
        .desired_rows(8);
    let response = ui.add(editor).labelled_by(note_label.id);
    if focus_note {
        response.request_focus();
    }
    if response.changed() {
        commands.push(Message::TypeNote(note));
    }
    if response.lost_focus() {
        commands.push(Message::NoteLeft);
    }
    orphans_ui(ui, app);
}

/// A conflict a merge left (both sides changed the note): the note and each other version,
/// to keep one or all.
fn conflict_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    selected: crate::annotations::ParagraphIndex,
    commands: &mut Vec<Message>,
) {
    use crate::tagged_report::Resolution;
    let Some(annotation) = app.annotations().get(selected) else {
        return;
    };
    if annotation.conflicts.is_empty() {
        return;
    }
    let strings = app.strings();
    ui.add_space(8.0);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .show(ui, |ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                RichText::new(format!("⚠ {}", strings.conflict_title)).strong(),
            );
            ui.label(strings.conflict_detail);
            let mut version = |ui: &mut egui::Ui, text: &str, button: &str, choice: Resolution| {
                ui.add_space(4.0);
                ui.add(egui::Label::new(text).wrap());
                if ui.button(button).clicked() {
                    commands.push(Message::ResolveConflict(selected, choice));
                }
            };
            version(
                ui,
                &annotation.note,
                strings.conflict_keep,
                Resolution::KeepNote,
            );
            for (index, other) in annotation.conflicts.iter().enumerate() {
                ui.separator();
                version(ui, other, strings.conflict_take, Resolution::Take(index));
            }
            ui.separator();
            if ui.button(strings.conflict_keep_all).clicked() {
                commands.push(Message::ResolveConflict(selected, Resolution::KeepAll));
            }
        });
}

/// Who tagged the paragraph (made or last changed its annotation): "you", or a colleague's
/// name from a tags file merged or opened; on hover, when.
fn author_ui(ui: &mut egui::Ui, app: &ParatagApp, selected: crate::annotations::ParagraphIndex) {
    let Some(annotation) = app.annotations().get(selected) else {
        return;
    };
    let Some(author) = &annotation.author else {
        return;
    };
    let strings = app.strings();
    let text = if app.preferences().author_name().as_ref() == Some(author) {
        strings.tagged_by_you.to_owned()
    } else {
        Strings::fill(strings.tagged_by, &[("name", author)])
    };
    let label = ui.weak(text);
    if let Some(time) = annotation.changed {
        let when = strings.moment(
            time,
            std::time::SystemTime::now(),
            &jiff::tz::TimeZone::system(),
        );
        label.on_hover_text(when);
    }
}

/// What the excerpt quotes when the paragraph has sub-paragraphs: the whole paragraph, or one
/// of them alone (cited `para. 12 (b)`).
fn parts_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    selected: crate::annotations::ParagraphIndex,
    commands: &mut Vec<Message>,
) {
    let Some(paragraph) = app.report().paragraph(selected) else {
        return;
    };
    let parts = paragraph.parts();
    if parts.is_empty() {
        return;
    }
    let strings = app.strings();
    let chosen = app.annotations().part(selected);
    ui.add_space(8.0);
    let mut label = strings.quote_part.to_owned();
    if let Some(shortcut) = shortcut_text(ui.ctx(), &Command::NextPart) {
        label = format!("{label}  ({shortcut})");
    }
    ui.label(RichText::new(label).strong());
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(chosen.is_none(), strings.whole_paragraph)
            .clicked()
        {
            commands.push(Message::QuotePart(selected, None));
        }
        for part in parts {
            let shown = format!("({})", part.label);
            let response = ui
                .selectable_label(chosen == Some(part.label), shown)
                .on_hover_text(part.text);
            if response.clicked() {
                commands.push(Message::QuotePart(selected, Some(part.label.to_owned())));
            }
        }
    });
}

/// The selected paragraph's suggested tags, apart from its own: each with the words that
/// suggest it, to accept (it becomes a tag) or dismiss.
fn suggested_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    paragraph: crate::annotations::ParagraphIndex,
    commands: &mut Vec<Message>,
) {
    let pending = app.pending_suggestions(paragraph);
    if pending.is_empty() {
        return;
    }
    let strings = app.strings();
    let text = app
        .block_of(paragraph)
        .and_then(|block| app.document().blocks.get(block))
        .map_or("", |block| crate::search::block_text(block));
    ui.add_space(10.0);
    ui.label(RichText::new(strings.suggested_heading).strong());
    for item in pending {
        let color = tag_color(item.tag, ui.visuals());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("○ {}", strings.tag(item.tag))).color(color));
            // The words as the paragraph prints them (a cue may be a stem).
            let mut words: Vec<&str> = item
                .evidence
                .iter()
                .filter_map(|e| text.get(e.range.clone()))
                .collect();
            words.dedup();
            ui.weak(words.join(strings.list_separator));
        });
        ui.horizontal(|ui| {
            if ui.small_button(strings.accept).clicked() {
                commands.push(Message::AcceptSuggestion(paragraph, item.tag));
            }
            if ui.small_button(strings.dismiss_suggestion).clicked() {
                commands.push(Message::DismissSuggestion(paragraph, item.tag));
            }
        });
    }
}

/// Annotations that match no paragraph of this report: shown with their quote and note, so
/// that nothing a delegate wrote disappears from view.
fn orphans_ui(ui: &mut egui::Ui, app: &ParatagApp) {
    let orphans = app.report().orphans();
    if orphans.is_empty() {
        return;
    }
    let strings = app.strings();
    ui.add_space(16.0);
    ui.separator();
    ui.label(RichText::new(format!("{} ({})", strings.orphans, orphans.len())).strong());
    ui.weak(strings.orphans_detail);
    egui::ScrollArea::vertical()
        .id_salt("orphans")
        .show(ui, |ui| {
            for orphan in orphans {
                ui.add_space(6.0);
                let tags: Vec<&str> = orphan.tags.iter().map(|tag| strings.tag(tag)).collect();
                ui.label(format!("¶{} · {}", orphan.paragraph, tags.join(", ")));
                ui.add(
                    egui::Label::new(RichText::new(format!("“{}…”", orphan.quote)).italics())
                        .wrap(),
                );
                if !orphan.note.is_empty() {
                    ui.add(egui::Label::new(&orphan.note).wrap());
                }
            }
        });
}

fn tag_button_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    tag: Tag,
    on: bool,
    commands: &mut Vec<Message>,
) {
    let command = Command::ToggleTag(tag);
    let color = tag_color(tag, ui.visuals());
    let label = command.label(app.strings());
    // Dark mode's tag colours are light: dark text on them, white on the light theme's.
    let on_fill = if ui.visuals().dark_mode {
        egui::Color32::from_gray(16)
    } else {
        egui::Color32::WHITE
    };
    let text = if on {
        RichText::new(format!("✓ {label}")).color(on_fill)
    } else {
        RichText::new(label).color(color)
    };
    let mut button = egui::Button::new(text)
        .selected(on)
        .stroke(egui::Stroke::new(1.5, color));
    if on {
        button = button.fill(color);
    }
    let mut response = ui.add(button);
    if let Some(shortcut) = shortcut_text(ui.ctx(), &command) {
        response = response.on_hover_text(shortcut);
    }
    if response.clicked() {
        commands.push(command.into());
    }
}

//! The status bar: the report's symbol and language, counts per tag, saved or not.

use egui::RichText;

use super::theme::tag_color;
use crate::annotations::Tag;
use crate::app::ParatagApp;

pub fn status_bar_ui(ui: &mut egui::Ui, app: &ParatagApp) {
    let strings = app.strings();
    let document = app.document();
    ui.horizontal_wrapped(|ui| {
        // In a narrow window whole items move to the next row; none is broken inside (Chinese
        // text may otherwise break between any two characters: 有未保存的更 / 改).
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        // Where the report came from is in the tooltip: a long path must not push the counts
        // out of a narrow window.
        ui.strong(document.symbol.as_deref().unwrap_or(strings.no_symbol))
            .on_hover_text(app.source());
        ui.separator();
        ui.label(document.language.code());
        ui.separator();
        ui.label(format!(
            "{} {}",
            document.paragraphs().count(),
            strings.paragraphs
        ));
        for tag in Tag::ALL {
            ui.separator();
            let color = tag_color(tag, ui.visuals());
            // The mark and its count stay together.
            ui.horizontal(|ui| {
                ui.label(RichText::new("■").color(color));
                ui.label(format!(
                    "{} {}",
                    strings.tag(tag),
                    app.annotations().count(tag)
                ));
            });
        }
        // The other version by its language; its file in the tooltip, as the report's is.
        if let (Some(name), Some(parallel)) = (app.parallel_name(), app.parallel()) {
            ui.separator();
            let language = parallel.document.language.code();
            let text = crate::i18n::Strings::fill(strings.parallel_status, &[("name", &language)]);
            ui.label(text).on_hover_text(name);
        }
        ui.separator();
        if app.history().is_modified() {
            ui.label(RichText::new(strings.unsaved).strong());
        } else {
            ui.weak(strings.no_changes);
        }
        ui.separator();
        match app.report().tags_path() {
            Some(path) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                ui.weak(name)
                    .on_hover_text(format!("{}: {}", strings.tags_file, path.display()));
            }
            None => {
                ui.weak(strings.not_saved_yet);
            }
        }
    });
}

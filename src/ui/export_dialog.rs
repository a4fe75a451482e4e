//! The Export dialog: what goes into the briefing note, a live preview, and Save or Copy.

use egui::RichText;

use crate::annotations::Tag;
use crate::app::ParatagApp;
use crate::command::{Command, Message};
use crate::export::{ExportOptions, Format, Grouping, NoteLanguage, Paper};
use crate::history::Revision;
use crate::i18n::Strings;

/// Quotes are trimmed to this many characters when trimming is first switched on.
const DEFAULT_TRIM: usize = 200;

/// The preview the dialog shows, and what it was made for: the choices and the revision of
/// the tags. Made again only when either changes (a view cache: the app never holds it).
#[derive(Debug, Default)]
pub struct Preview(Option<(ExportOptions, Revision, u64, Result<String, String>)>);

impl Preview {
    /// `generation`: which reports the note quotes besides the open one.
    fn of(
        &mut self,
        app: &ParatagApp,
        options: &ExportOptions,
        generation: u64,
    ) -> Result<String, String> {
        let revision = app.history().revision();
        if let Some((made_for, at, others, preview)) = &self.0
            && made_for == options
            && *at == revision
            && *others == generation
        {
            return preview.clone();
        }
        let preview = app.export_preview();
        self.0 = Some((options.clone(), revision, generation, preview.clone()));
        preview
    }
}

/// Which reports the note quotes: the open ones (each but the one on screen can be left out),
/// then the others added, each removable, and a button to add one more.
fn reports_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    let Some(dialog) = app.export_dialog() else {
        return;
    };
    let name = |symbol: Option<&str>, path: Option<&std::path::Path>| {
        let file = path
            .and_then(std::path::Path::file_name)
            .map(|name| name.to_string_lossy().into_owned());
        match (symbol, file) {
            (Some(symbol), Some(file)) => format!("{symbol} — {file}"),
            (Some(symbol), None) => symbol.to_owned(),
            (None, Some(file)) => file,
            (None, None) => String::new(),
        }
    };
    let open = app.open_reports();
    if open.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(strings.open_reports_in_note).strong());
            for report in &open {
                let mut quoted = !dialog.left_out.contains(&report.id);
                let label = name(report.report.document().symbol.as_deref(), report.path);
                if report.on_screen {
                    let label = format!("{label} ({})", strings.on_screen);
                    ui.add_enabled(false, egui::Checkbox::new(&mut quoted, label));
                } else if ui.checkbox(&mut quoted, label).clicked() {
                    commands.push(Message::IncludeInNote(report.id, quoted));
                }
            }
        });
    }
    let this = name(app.document().symbol.as_deref(), app.report_path());
    ui.horizontal_wrapped(|ui| {
        if open.len() == 1 {
            ui.label(RichText::new(strings.reports_in_note).strong());
            ui.label(format!("{this} ({})", strings.this_report));
        } else {
            ui.label(RichText::new(strings.other_reports_in_note).strong());
        }
        for (index, other) in dialog.others.iter().enumerate() {
            ui.label("·");
            let symbol = other.report.document().symbol.as_deref();
            ui.label(name(symbol, Some(&other.path)));
            if ui.small_button(strings.remove).clicked() {
                commands.push(Message::RemoveFromNote(index));
            }
        }
        if ui.button(Command::AddReportToNote.label(strings)).clicked() {
            commands.push(Command::AddReportToNote.into());
        }
    });
    // The other language version beside the report: quoted beneath each excerpt, or not.
    if let Some(name) = app.parallel_name() {
        ui.horizontal_wrapped(|ui| {
            let mut quote = dialog.quote_parallel;
            let label = format!("{} — {name}", Command::ToggleParallelInNote.label(strings));
            if ui.checkbox(&mut quote, label).clicked() {
                commands.push(Command::ToggleParallelInNote.into());
            }
        });
        let swapped = app.parallel().is_some_and(|parallel| parallel.swapped);
        let left_out = if swapped {
            app.left_out_when_swapped()
        } else {
            Vec::new()
        };
        if !left_out.is_empty() {
            let numbers: Vec<String> = left_out.iter().map(u32::to_string).collect();
            let warning = Strings::fill(
                strings.parallel_left_out,
                &[("numbers", &numbers.join(strings.list_separator))],
            );
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
    }
}

pub fn export_dialog_ui(
    ctx: &egui::Context,
    app: &ParatagApp,
    cache: &mut Preview,
    commands: &mut Vec<Message>,
) {
    let Some(dialog) = app.export_dialog() else {
        cache.0 = None;
        return;
    };
    let strings = app.strings();
    let preview = cache.of(app, &dialog.options, dialog.generation);
    // The choices are edited on a copy; what changed goes to the app as a message.
    let mut format = dialog.format;
    let mut options = dialog.options.clone();
    let mut open = true;
    egui::Window::new(strings.export_title)
        .open(&mut open)
        .default_size([820.0, 560.0])
        // Opens in the middle of the window, clear of the menu bar; the user can move it.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .show(ctx, |ui| {
            reports_ui(ui, app, commands);
            ui.separator();
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(300.0);
                    let several = app.open_report_count() > 1
                        || app
                            .export_dialog()
                            .is_some_and(|dialog| !dialog.others.is_empty());
                    options_ui(ui, strings, (&mut format, &mut options), several);
                    ui.add_space(12.0);
                    ui.horizontal_wrapped(|ui| {
                        for command in [
                            Command::SaveExport,
                            Command::CopyMarkdown,
                            Command::CopyText,
                        ] {
                            if ui
                                .add_enabled(
                                    preview.is_ok(),
                                    egui::Button::new(command.label(strings)),
                                )
                                .clicked()
                            {
                                commands.push(command.into());
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
    if format != dialog.format || options != dialog.options {
        commands.push(Message::ExportChoices { format, options });
    }
    if !open {
        commands.push(Command::CloseExport.into());
    }
}

/// The note's choices; `several`: the note quotes more than one report.
fn options_ui(
    ui: &mut egui::Ui,
    strings: &Strings,
    (format, options): (&mut Format, &mut ExportOptions),
    several: bool,
) {
    ui.label(RichText::new(strings.format).strong());
    for (choice, name) in [
        (Format::Docx, "Word (.docx)"),
        (Format::Pdf, "PDF (.pdf)"),
        (Format::Markdown, "Markdown (.md)"),
        (Format::Html, "HTML (.html)"),
        (Format::Csv, "CSV (.csv)"),
        (Format::Text, "Text (.txt)"),
    ] {
        ui.horizontal(|ui| {
            ui.radio_value(format, choice, name);
            // The PDF's paper beside it, only while the PDF is chosen.
            if choice == Format::Pdf && *format == Format::Pdf {
                ui.add_space(8.0);
                ui.label(strings.paper);
                ui.radio_value(&mut options.paper, Paper::A4, strings.paper_a4);
                ui.radio_value(&mut options.paper, Paper::Letter, strings.paper_letter);
            }
        });
    }
    ui.add_space(8.0);

    ui.label(RichText::new(strings.group_by).strong());
    ui.radio_value(&mut options.grouping, Grouping::ByTag, strings.by_tag);
    ui.radio_value(
        &mut options.grouping,
        Grouping::Document,
        strings.in_document_order,
    );
    if several || options.grouping == Grouping::ReportThenTag {
        ui.radio_value(
            &mut options.grouping,
            Grouping::ReportThenTag,
            strings.by_report_then_tag,
        );
    }
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
    ui.checkbox(&mut options.names, strings.name_note_writers);
    ui.add_space(8.0);

    ui.label(RichText::new(strings.citation_language).strong());
    ui.horizontal_wrapped(|ui| {
        for language in NoteLanguage::ALL {
            ui.radio_value(&mut options.language, language, language.sample());
        }
    });
}

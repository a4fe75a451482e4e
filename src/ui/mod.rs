//! The window's panels. Each draws part of the app's state and pushes [`Command`]s; none
//! changes the state itself.

mod export_dialog;
mod file_chooser;
mod find_bar;
mod menu;
mod modals;
mod outline_panel;
mod page_view;
mod pages;
mod reader;
mod status_bar;
mod tag_panel;
pub mod theme;

pub use file_chooser::FileChooser;
pub use reader::RowHeights;

use egui::Rangef;

use crate::app::ParatagApp;
use crate::app::Requests;
use crate::app::notices::{About, Level};
use crate::app::preferences::Preferences;
use crate::command::{self, Command, Message};

/// What the view keeps between frames that is not the app's state: caches of what was laid out
/// and drawn. The composition root owns it beside the app.
#[derive(Debug, Default)]
pub struct View {
    /// The reader's measured row heights, and which blocks it showed.
    row_heights: RowHeights,
    /// The app's requests (scroll, focus) as last carried out.
    done: Requests,
    /// The Export dialog's preview and what it was made for: the choices and the revision.
    export_preview: export_dialog::Preview,
    /// The printed pages painted so far (made when the original page is first shown).
    pages: Option<pages::Pages>,
    /// paratag's own file chooser, while it asks the app's question where the desktop has no
    /// dialog of its own.
    pub file_chooser: Option<FileChooser>,
    /// The preferences last applied to the egui context (zoom, theme).
    applied: Option<Preferences>,
}

/// The requests the app made since the view last looked: each is carried out this frame.
#[derive(Clone, Copy, Debug)]
struct Fresh {
    scroll_to_selected: bool,
    focus_note: bool,
    focus_find: bool,
}

impl View {
    /// How many printed pages are painted and kept (none until the original page is shown).
    pub fn painted_pages(&self) -> usize {
        self.pages.as_ref().map_or(0, pages::Pages::kept)
    }

    /// Apply the preferences to the context when they changed (zoom, theme).
    pub fn apply_preferences(&mut self, ctx: &egui::Context, preferences: &Preferences) {
        if self.applied.as_ref() == Some(preferences) {
            return;
        }
        ctx.set_zoom_factor(preferences.zoom);
        ctx.set_theme(if preferences.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.applied = Some(preferences.clone());
    }

    fn take_fresh(&mut self, requests: Requests) -> Fresh {
        let done = std::mem::replace(&mut self.done, requests);
        Fresh {
            scroll_to_selected: requests.scroll_to_selected != done.scroll_to_selected,
            focus_note: requests.focus_note != done.focus_note,
            focus_find: requests.focus_find != done.focus_find,
        }
    }
}

/// What the user did outside the panels this frame, as messages: a file dropped on the window,
/// and shortcuts (bare keys are text while a text field has focus; none while a modal window
/// asks something).
pub fn read_input(ctx: &egui::Context, app: &ParatagApp) -> Vec<Message> {
    // A report dropped with Shift held is another language version, shown beside this one.
    let dropped = ctx.input(|input| {
        let path = input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_path_buf())
            .find(|path| !path.as_os_str().is_empty())?;
        // With Alt, a tags file is a colleague's, merged into the report's tags.
        Some(if input.modifiers.shift {
            Message::OpenParallel(Some(path))
        } else if input.modifiers.alt {
            Message::MergeFrom(path)
        } else {
            Message::OpenPath(path)
        })
    });
    let mut messages: Vec<Message> = dropped.into_iter().collect();
    if app.modal().is_none() {
        let typing = ctx.text_edit_focused();
        let pressed = ctx.input_mut(|input| command::from_key_presses(&mut input.events, typing));
        messages.extend(pressed.into_iter().map(Message::Command));
    }
    messages
}

/// The whole window for one frame; returns what the user did, as messages for the app. The
/// panels only read the app; the view keeps what they draw with (row heights, painted pages,
/// paratag's own file chooser).
pub fn window_ui(ui: &mut egui::Ui, app: &ParatagApp, view: &mut View) -> Vec<Message> {
    let mut commands = Vec::new();
    let fresh = view.take_fresh(app.requests());
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, app, &mut commands));
    if app.open_report_count() > 1 {
        egui::Panel::top("report_tabs").show(ui, |ui| tabs_ui(ui, app, &mut commands));
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(ui, app));
    if !app.notices().is_empty() {
        egui::Panel::top("notices").show(ui, |ui| notices_ui(ui, app, &mut commands));
    }
    if let Some(path) = app.converting().map(std::path::Path::to_path_buf) {
        let strings = app.strings();
        let is_pdf = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"));
        let template = if is_pdf {
            strings.reading_pdf
        } else {
            strings.converting
        };
        egui::Panel::top("converting").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(crate::i18n::Strings::fill(
                    template,
                    &[("file", &path.display())],
                ));
            });
        });
    }
    if app.find().open {
        egui::Panel::top("find_bar").show(ui, |ui| {
            find_bar::find_bar_ui(ui, app, fresh.focus_find, &mut commands);
        });
    }
    let show_outline = app.preferences().show_outline;
    let show_page = app.shows_original_page();
    let ranges = side_panel_ranges(ui.available_width(), show_outline, show_page);
    egui::Panel::right("tag_panel")
        .resizable(true)
        .default_size(280.0)
        .size_range(ranges.tags)
        .show(ui, |ui| {
            tag_panel::tag_panel_ui(ui, app, fresh.focus_note, &mut commands);
        });
    if show_page {
        egui::Panel::right("original_page")
            .resizable(true)
            .default_size(520.0)
            .size_range(ranges.page)
            .show(ui, |ui| {
                let on_screen = view.row_heights.on_screen();
                page_view::page_view_ui(ui, app, &mut view.pages, on_screen, &mut commands);
            });
    }
    if show_outline {
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(180.0)
            .size_range(ranges.outline)
            .show(ui, |ui| {
                outline_panel::outline_ui(ui, app, fresh.scroll_to_selected, &mut commands);
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let scroll = fresh.scroll_to_selected;
        reader::reader_ui(ui, app, &mut view.row_heights, scroll, &mut commands);
    });
    export_dialog::export_dialog_ui(ui.ctx(), app, &mut view.export_preview, &mut commands);
    if let Some(chooser) = &mut view.file_chooser
        && let Some(answer) = chooser.show(ui.ctx())
    {
        view.file_chooser = None;
        commands.push(answer);
    }
    modals::modals_ui(ui.ctx(), app, &mut commands);
    commands
}

/// A tab for each open report, in the order they were opened (a new one after the one on
/// screen): its file's name, ● while its tags have unsaved changes, its symbol and path on
/// hover, and a button to close it.
fn tabs_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    ui.horizontal_wrapped(|ui| {
        for open in app.open_reports() {
            let name = open.name();
            let text = if open.is_modified() {
                format!("● {name}")
            } else {
                name.clone()
            };
            let mut hover = open.report.document().symbol.clone().unwrap_or_default();
            if let Some(path) = open.path {
                if !hover.is_empty() {
                    hover.push('\n');
                }
                hover.push_str(&path.display().to_string());
            }
            ui.scope(|ui| {
                let tab = ui.selectable_label(open.on_screen, text);
                let tab = if hover.is_empty() {
                    tab
                } else {
                    tab.on_hover_text(hover)
                };
                if tab.clicked() && !open.on_screen {
                    commands.push(Message::ShowReport(open.id));
                }
                let close = crate::i18n::Strings::fill(strings.close_named, &[("name", &name)]);
                let button = ui.add(egui::Button::new("×").frame(false));
                // Read out (and found by tests) as what it does, not as its glyph.
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &close));
                if button.on_hover_text(&close).clicked() {
                    commands.push(Message::CloseReport(open.id));
                }
            });
            ui.separator();
        }
    });
}

/// The problems the user must see (a report or tags file that could not be opened, a save
/// that failed) and the notices (tags re-anchored, a note exported), oldest first, each until
/// dismissed. A failed save offers Save As right there.
fn notices_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    for notice in app.notices().iter() {
        ui.horizontal_wrapped(|ui| {
            match notice.level {
                Level::Problem => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", notice.text));
                }
                Level::Info => {
                    ui.label(format!("ℹ {}", notice.text));
                }
            }
            if notice.about == About::Saving && (app.tags().save_failed || app.tags().blocked) {
                command_button(ui, app, Command::SaveAs, commands);
            }
            if ui.button(app.strings().dismiss).clicked() {
                commands.push(Message::DismissNotice(notice.id));
            }
        });
    }
}

/// The report keeps at least this width; the side panels give way when the window narrows.
const READER_MIN_WIDTH: f32 = 360.0;

/// The widths the side panels may take.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PanelRanges {
    tags: Rangef,
    outline: Rangef,
    page: Rangef,
}

/// The widths the side panels may take in a window `width` points wide: their usual ranges,
/// narrowed so that the report keeps `READER_MIN_WIDTH`. What is left is shared: the original
/// page, when shown, gets nearly half, and of the rest the tag panel three fifths when the
/// outline shows. egui clamps a panel's remembered width to its range every frame, so
/// narrowing the window narrows the panels.
fn side_panel_ranges(width: f32, show_outline: bool, show_page: bool) -> PanelRanges {
    let spare = (width - READER_MIN_WIDTH).max(0.0);
    let range = |min: f32, max: f32, share: f32, floor: f32| {
        let max = (spare * share).clamp(floor, max);
        Rangef::new(min.min(max), max)
    };
    let page_share = if show_page { 0.55 } else { 0.0 };
    let rest = 1.0 - page_share;
    let tag_share = if show_outline { 0.6 } else { 1.0 };
    PanelRanges {
        tags: range(240.0, 640.0, rest * tag_share, 180.0),
        outline: range(120.0, 420.0, rest * 0.4, 100.0),
        page: range(260.0, 900.0, page_share, 200.0),
    }
}

/// A command's first shortcut as text for menus and tooltips ("Ctrl+Z").
pub fn shortcut_text(ctx: &egui::Context, command: &Command) -> Option<String> {
    command
        .shortcuts()
        .first()
        .map(|shortcut| format_shortcut(ctx, shortcut))
}

/// A shortcut as people read it: the platform's modifier names (symbols on a Mac), then the key
/// as it is printed on the keyboard — `Ctrl+=`, `Ctrl+-` (not `Ctrl+Equals`), and a bare letter
/// as it is typed, `j` (not `J`; `Shift+N` keeps its capital).
pub fn format_shortcut(ctx: &egui::Context, shortcut: &egui::KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(shortcut);
    let key = shortcut.logical_key;
    let printed = match key {
        egui::Key::Equals => "=".to_owned(),
        egui::Key::Plus => "+".to_owned(),
        egui::Key::Minus => "-".to_owned(),
        _ if shortcut.modifiers.is_none() && key.name().len() == 1 => key.name().to_lowercase(),
        _ => return full,
    };
    [key.name(), key.symbol_or_name()]
        .iter()
        .find_map(|name| full.strip_suffix(name))
        .map_or(full.clone(), |modifiers| format!("{modifiers}{printed}"))
}

/// A button that runs a command, labelled by it, with its shortcut shown.
fn command_button(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    command: Command,
    commands: &mut Vec<Message>,
) {
    let label = command.label(app.strings());
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = shortcut_text(ui.ctx(), &command) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add(button).clicked() {
        commands.push(command.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_request_is_carried_out_once() {
        let mut view = View::default();
        let none = view.take_fresh(Requests::default());
        assert!(!none.scroll_to_selected && !none.focus_note && !none.focus_find);
        let asked = Requests {
            scroll_to_selected: 1,
            focus_note: 0,
            focus_find: 2,
        };
        let fresh = view.take_fresh(asked);
        assert!(fresh.scroll_to_selected && !fresh.focus_note && fresh.focus_find);
        let again = view.take_fresh(asked);
        assert!(
            !again.scroll_to_selected && !again.focus_find,
            "done already"
        );
    }
}

//! The composition root: the one place that knows eframe. It opens the window (renderer, icon,
//! size), builds the app with what the platform gives (stored preferences, the data directory,
//! fonts), and each frame runs the app's logic, draws the panels and applies what they pushed.
//!
//! Arrows point one way: `window` → `ui` → `app` → domain. The app never names the window or
//! the panels (a test reads its sources to keep it so); the view's caches (the reader's row
//! heights, painted pages) live here beside it, not in its state. The app decides and the window
//! acts: what the app asks ([`Effect`]: close, copy, wake up, ask for a file) is carried out here,
//! and what the system says (input, a dialog's answer, a request to close) goes to the app as a
//! [`Message`].

pub mod dialogs;

use std::path::Path;

use crate::app::preferences::{self, Preferences};
use crate::app::{Effect, ParatagApp};
use crate::command::Message;
use crate::{fonts, ui};
use dialogs::Dialogs;

/// When the process started, as near as `main` can tell.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Note the start of the process, for start-up measurements. Call first thing in `main`.
pub fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// The window: the app and what its view keeps between frames.
#[derive(Debug)]
pub struct Window {
    app: ParatagApp,
    view: ui::View,
    /// The app's question about a file, out with the desktop's dialog.
    dialogs: Dialogs,
    /// Frames drawn so far, printed one line each when `PARATAG_MEASURE_FRAMES` is set
    /// (`scripts/measure.sh` reads them for start-up time and idle frames).
    frames_drawn: u64,
    measure_frames: bool,
}

impl Window {
    /// A window showing `app`.
    pub fn new(app: ParatagApp) -> Self {
        Self {
            app,
            view: ui::View::default(),
            dialogs: Dialogs::default(),
            frames_drawn: 0,
            measure_frames: std::env::var_os("PARATAG_MEASURE_FRAMES").is_some(),
        }
    }

    /// The window as eframe creates it: fonts installed, preferences restored, tags opened from
    /// `tags` or from where the report's tags belong, recovery offered after a crash.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        report: Option<&Path>,
        tags: Option<&Path>,
    ) -> Self {
        fonts::install(&cc.egui_ctx);
        let preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, preferences::STORAGE_KEY))
            .unwrap_or_else(Preferences::for_system);
        let data_dir = directories::ProjectDirs::from("org", "paratag", "paratag")
            .map(|dirs| dirs.data_dir().to_path_buf());
        Self::new(ParatagApp::for_window(report, tags, data_dir, preferences))
    }

    pub fn app(&self) -> &ParatagApp {
        &self.app
    }

    /// The view: what the panels keep between frames.
    pub fn view(&self) -> &ui::View {
        &self.view
    }

    /// Answer the app's questions about files with `picker` instead of the desktop's dialog.
    pub fn set_picker(&mut self, picker: Box<dyn dialogs::Picker>) {
        self.dialogs = Dialogs::new(picker);
    }

    /// Apply a message to the app, and carry out what it asks of the window.
    pub fn apply(&mut self, ctx: &egui::Context, message: impl Into<Message>) {
        self.app.apply(message);
        self.carry_out(ctx);
    }

    /// What runs every frame before drawing, also while the window is minimised: a request to
    /// close, the preferences, a file dialog's answer, dropped files and shortcuts, then the
    /// app's own work (a report read on a worker, the recovery copy).
    pub fn logic(&mut self, ctx: &egui::Context) {
        let mut messages = Vec::new();
        if ctx.input(|input| input.viewport().close_requested()) {
            messages.push(Message::CloseRequested);
        }
        self.view.apply_preferences(ctx, self.app.preferences());
        messages.extend(
            self.dialogs
                .poll(self.app.strings(), &mut self.view.file_chooser),
        );
        messages.extend(ui::read_input(ctx, &self.app));
        for message in messages {
            self.app.apply(message);
        }
        self.app.tick();
        self.carry_out(ctx);
    }

    /// Draw the panels and apply what they pushed; the title follows the state.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let title = self.app.title();
        let messages = ui::window_ui(ui, &self.app, &mut self.view);
        for message in messages {
            self.app.apply(message);
        }
        if self.app.title() != title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(self.app.title()));
        }
        self.carry_out(ui.ctx());
    }

    /// Do what the app asked of the window.
    fn carry_out(&mut self, ctx: &egui::Context) {
        for effect in self.app.take_effects() {
            match effect {
                Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Effect::CancelClose => ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose),
                Effect::CopyText(text) => ctx.copy_text(text),
                Effect::RepaintAfter(delay) => ctx.request_repaint_after(delay),
                Effect::AskPath(question) => self.dialogs.ask(ctx, question),
            }
        }
    }
}

impl eframe::App for Window {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        Window::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.measure_frames {
            let since_start = STARTED
                .get()
                .map_or(0.0, |start| start.elapsed().as_secs_f64() * 1000.0);
            eprintln!("paratag-frame {} {since_start:.1} ms", self.frames_drawn);
        }
        self.frames_drawn += 1;
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, preferences::STORAGE_KEY, self.app.preferences());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.exit_cleanly();
    }
}

/// The renderer: glow (OpenGL) unless `PARATAG_RENDERER=wgpu`. Measured under Xvfb with Mesa
/// (BENCHMARKS.md), glow draws the first frame sooner (93 against 129 ms) with less memory (122
/// against 140 MB), and OpenGL is what older laptops drive best; wgpu stays available for a
/// machine whose OpenGL driver misbehaves.
fn renderer() -> eframe::Renderer {
    match std::env::var("PARATAG_RENDERER").as_deref() {
        Ok("wgpu") => eframe::Renderer::Wgpu,
        _ => eframe::Renderer::Glow,
    }
}

/// paratag's window icon (made by `scripts/make-icon.sh`): a page with the tag colours.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window icon; without one the desktop shows egui's.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// Open the window and run until it is closed.
/// `parallel`: another language version to show beside the report (`Some(None)`: the
/// built-in report's English version).
pub fn run(
    report: Option<&Path>,
    tags: Option<&Path>,
    parallel: Option<Option<&Path>>,
) -> eframe::Result {
    let report = report.map(Path::to_path_buf);
    let tags = tags.map(Path::to_path_buf);
    let parallel = parallel.map(|path| path.map(Path::to_path_buf));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("paratag")
        .with_app_id("paratag")
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([560.0, 360.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        renderer: renderer(),
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "paratag",
        options,
        Box::new(move |cc| {
            // Our own shortcuts zoom, so the menus can show them and the zoom is remembered.
            cc.egui_ctx
                .options_mut(|options| options.zoom_with_keyboard = false);
            let mut window = Window::from_creation_context(cc, report.as_deref(), tags.as_deref());
            if let Some(parallel) = parallel.clone() {
                window.apply(&cc.egui_ctx, Message::OpenParallel(parallel));
            }
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(window.app().title()));
            Ok(Box::new(window))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{ParagraphIndex, Tag};
    use crate::command::Command;

    /// The window manager's close button, with unsaved tags: the window asks the app, keeps
    /// itself open and shows the question; without unsaved tags it lets itself close.
    #[test]
    fn a_close_request_with_unsaved_tags_is_put_off_and_asked_about() {
        let ctx = egui::Context::default();
        let mut window = Window::new(ParatagApp::new(None, Preferences::default()));
        let close = |window: &mut Window| {
            let mut input = egui::RawInput::default();
            input
                .viewports
                .entry(egui::ViewportId::ROOT)
                .or_default()
                .events
                .push(egui::ViewportEvent::Close);
            let mut output = ctx.run_ui(input, |ui| window.logic(ui.ctx()));
            output.textures_delta.clear();
            output
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .is_some_and(|viewport| {
                    viewport
                        .commands
                        .contains(&egui::ViewportCommand::CancelClose)
                })
        };
        assert!(!close(&mut window), "nothing to lose: it closes");
        window.apply(&ctx, Message::Select(ParagraphIndex(3)));
        window.apply(&ctx, Command::ToggleTag(Tag::Challenge));
        assert!(close(&mut window), "unsaved tags: it stays open");
        assert!(matches!(
            window.app().modal(),
            Some(crate::app::Modal::ConfirmClose)
        ));
    }
}

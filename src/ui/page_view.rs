//! The printed page beside the text (View ▸ Original page): the PDF page the paragraph being
//! read is printed on, its place on the page highlighted. The page follows the reader: the
//! selected paragraph's page (both, when it runs on to the next) while it is on screen, else
//! the page of the first paragraph at the top of the view. A click on the page selects the
//! paragraph printed there.

use egui::{Align, Color32, Rect, Sense, Stroke, vec2};

use super::pages::{PageState, Pages};
use super::{shortcut_text, theme};
use crate::app::ParatagApp;
use crate::command::{Command, Message};
use crate::document::{PrintedPages, Region};
use crate::i18n::Strings;

/// Room kept for the scroll bar beside the page.
const SCROLL_BAR: f32 = 14.0;

/// `on_screen`: the first and last block the reader showed in the last frame.
pub fn page_view_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    pages: &mut Option<Pages>,
    on_screen: Option<(usize, usize)>,
    commands: &mut Vec<Message>,
) {
    let strings = app.strings();
    let ctx = ui.ctx().clone();
    let selected_block = app.selected().and_then(|p| app.block_of(p));
    let Some(printed) = app.document().printed.as_ref() else {
        return;
    };
    let pages = Pages::of(pages, &printed.pdf, &ctx);

    let highlight = selected_block
        .filter(|block| on_screen.is_none_or(|(top, bottom)| (top..=bottom).contains(block)))
        .filter(|block| printed.page_of(*block).is_some());
    let shown = pages_to_show(&ctx, printed, highlight, on_screen);
    let page_count = printed.sizes.len();
    let Some(&first) = shown.first() else {
        ui.weak(strings.pages_only_pdf);
        return;
    };
    header_ui(ui, strings, commands);

    // Painted for the width the page takes on screen, in whole quarter steps.
    let width = (ui.available_width() - SCROLL_BAR).max(80.0);
    let [page_width, _] = printed.sizes[first];
    let scale = width * ctx.pixels_per_point() / page_width.max(1.0);
    let mut wanted = shown.clone();
    wanted.extend(first.checked_sub(1));
    wanted.extend(
        shown
            .last()
            .map(|last| last + 1)
            .filter(|next| *next < page_count),
    );
    pages.update(&ctx, &wanted, scale);

    // Bring the highlight into view when it moves to another paragraph or page.
    let target = highlight.map(|block| (block, first));
    let last_target = egui::Id::unique("original page target");
    let scroll =
        ctx.data(|data| data.get_temp::<Option<(usize, usize)>>(last_target)) != Some(target);
    ctx.data_mut(|data| data.insert_temp(last_target, target));

    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("original page")
        .auto_shrink(false)
        .show(ui, |ui| {
            for page in &shown {
                let label = Strings::fill(
                    strings.page_of,
                    &[("page", &(page + 1)), ("pages", &page_count)],
                );
                ui.weak(&label);
                let [w, h] = printed.sizes[*page];
                let points = width / w.max(1.0);
                let (rect, response) =
                    ui.allocate_exact_size(vec2(width, h * points), Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
                paint_page(ui, rect, *page, pages.page(*page, scale), strings);
                let place = |region: &Region| {
                    Rect::from_min_max(
                        rect.min + vec2(region.left, region.top) * points,
                        rect.min + vec2(region.right, region.bottom) * points,
                    )
                    .expand(3.0)
                };
                if let Some(block) = highlight {
                    let (fill, stroke) = theme::page_highlight();
                    for region in printed.regions[block].iter().filter(|r| r.page == *page) {
                        let area = place(region);
                        ui.painter().rect(
                            area,
                            2.0,
                            fill,
                            Stroke::new(1.5, stroke),
                            egui::StrokeKind::Outside,
                        );
                        if scroll && *page == first {
                            ui.scroll_to_rect(area, Some(Align::Center));
                        }
                    }
                }
                let response = response.on_hover_text(strings.page_hint);
                if response.clicked()
                    && let Some(pointer) = response.interact_pointer_pos()
                {
                    let at = (pointer - rect.min) / points;
                    clicked = block_at(printed, *page, at.x, at.y);
                }
                ui.add_space(8.0);
            }
        });
    if let Some(paragraph) = clicked.and_then(|block| app.paragraph_at_block(block)) {
        commands.push(Message::Select(paragraph));
    }
}

/// The pages to show: the selected paragraph's while it is on screen (`highlight`), else the
/// page of the first block with a place at the top of the view; when neither has a place, the
/// page shown last.
fn pages_to_show(
    ctx: &egui::Context,
    printed: &PrintedPages,
    highlight: Option<usize>,
    on_screen: Option<(usize, usize)>,
) -> Vec<usize> {
    let last_shown = egui::Id::unique("original page shown");
    let mut shown: Vec<usize> = match highlight {
        Some(block) => printed.regions[block].iter().map(|r| r.page).collect(),
        None => on_screen
            .and_then(|(top, bottom)| (top..=bottom).find_map(|block| printed.page_of(block)))
            .or_else(|| ctx.data(|data| data.get_temp::<usize>(last_shown)))
            .into_iter()
            .collect(),
    };
    shown.dedup();
    if shown.is_empty() {
        shown.push(0);
    }
    shown.retain(|page| *page < printed.sizes.len());
    if let Some(first) = shown.first() {
        ctx.data_mut(|data| data.insert_temp(last_shown, *first));
    }
    shown
}

/// The panel's title, and a button that closes it.
fn header_ui(ui: &mut egui::Ui, strings: &'static Strings, commands: &mut Vec<Message>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.strong(strings.original_page);
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            let close = Command::ToggleOriginalPage;
            let mut hover = close.label(strings);
            if let Some(shortcut) = shortcut_text(ui.ctx(), &close) {
                hover = format!("{hover} ({shortcut})");
            }
            if ui.small_button("×").on_hover_text(hover).clicked() {
                commands.push(close.into());
            }
        });
    });
    ui.separator();
}

/// A page as far as it is painted: the picture, paper with a spinner, or why not.
fn paint_page(
    ui: &egui::Ui,
    rect: Rect,
    page: usize,
    state: PageState<'_>,
    strings: &'static Strings,
) {
    let painter = ui.painter();
    let paper = Color32::WHITE;
    painter.rect_filled(rect, 0.0, paper);
    match state {
        PageState::Painted(texture) => {
            let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            painter.image(texture.id(), rect, uv, Color32::WHITE);
        }
        PageState::Painting => {
            let spinner = Rect::from_center_size(rect.center(), vec2(24.0, 24.0));
            egui::Spinner::new().paint_at(ui, spinner);
            painter.text(
                spinner.center_bottom() + vec2(0.0, 12.0),
                egui::Align2::CENTER_TOP,
                strings.page_painting,
                egui::TextStyle::Small.resolve(ui.style()),
                Color32::DARK_GRAY,
            );
        }
        PageState::Failed(error) => {
            let reason = (strings.pdf_problem)(error);
            let text = Strings::fill(
                strings.page_failed,
                &[("page", &(page + 1)), ("reason", &reason)],
            );
            let color = ui.visuals().error_fg_color;
            let galley = painter.layout(
                text,
                egui::TextStyle::Body.resolve(ui.style()),
                color,
                rect.width() - 32.0,
            );
            painter.galley(rect.center() - galley.size() / 2.0, galley, color);
        }
    }
    painter.rect_stroke(
        rect,
        0.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Outside,
    );
}

/// The block printed at a point of a page (in points from its top left corner).
fn block_at(printed: &PrintedPages, page: usize, x: f32, y: f32) -> Option<usize> {
    const SLACK: f32 = 3.0;
    printed.regions.iter().position(|regions| {
        regions.iter().any(|r| {
            r.page == page
                && (r.left - SLACK..=r.right + SLACK).contains(&x)
                && (r.top - SLACK..=r.bottom + SLACK).contains(&y)
        })
    })
}

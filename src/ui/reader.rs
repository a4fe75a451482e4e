//! The report, readable as a document: headings, paragraph numbers and tag marks in a margin
//! column, text wrapped at a comfortable measure with generous line spacing.
//!
//! A click on a paragraph selects it; a drag selects text to copy (the row senses clicks only,
//! the text under it senses drags, so both work).

use egui::{Align, Color32, FontId, Sense, TextFormat, text::LayoutJob};

use super::theme;
use crate::annotations::{ParagraphIndex, Tag};
use crate::app::{Hit, ParallelVersion, ParatagApp};
use crate::command::{Command, Message};
use crate::document::Block;
use crate::parallel::{Row, Side};

/// Body text size in points (before zoom).
const BODY_SIZE: f32 = 16.0;
const HEADING_SIZE: f32 = 19.0;
/// Line height as a multiple of the font size: Chinese text needs air between lines.
const LINE_SPACING: f32 = 1.65;
/// The widest the text column grows: about 45 Chinese characters or 90 Latin ones.
const MAX_MEASURE: f32 = 760.0;
/// The margin column: tag marks, then the paragraph number.
const MARGIN_WIDTH: f32 = 64.0;
/// Space between the text and the selection highlight's right edge.
const TEXT_RIGHT_PADDING: f32 = 12.0;

/// How far beyond the visible part rows are still laid out, so that scrolling a little never
/// shows a gap and a row about to be scrolled to already exists.
const OVERSCAN: f32 = 2500.0;

/// Measured row heights, valid for one text width and zoom. Rows never drawn get an estimate,
/// so a 10,000-paragraph report costs only the rows on screen.
#[derive(Debug, Default)]
pub struct RowHeights {
    /// The width and zoom measured at, what is listed, and for which open report.
    key: (u32, u32, Layout, Option<crate::app::ReportId>),
    /// Per row (a block, or two side by side): its height, measured once drawn, estimated
    /// until then.
    heights: Vec<f32>,
    /// The first and the last block on screen when last drawn.
    on_screen: Option<(usize, usize)>,
    /// The block the reading position is pinned to, and where it stood.
    anchor: Option<Anchor>,
}

/// What the reader lists: the report's blocks, or the rows of two versions (whichever is
/// shown first: swapping them changes no row's height).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Layout {
    #[default]
    Blocks,
    Parallel,
}

/// Scroll anchoring, as browsers do it: a block on screen (the selected paragraph, else the
/// one at the top) and how far below the top of the view it stood when last drawn. When
/// heights change under it — a zoom, a resize, a filter, rows measured for the first time —
/// the view is moved so that it stays where the reader saw it.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    block: usize,
    /// Its top, in points below the top of the view.
    below_top: f32,
    /// The scroll offset it was measured at.
    scrolled: f32,
    /// Where the view's top was on screen (a bar above the report moves it).
    view_top: f32,
}

impl RowHeights {
    /// The first and the last block on screen when the report was last drawn (with a filter
    /// on, some blocks between them are hidden).
    pub fn on_screen(&self) -> Option<(usize, usize)> {
        self.on_screen
    }

    /// Keep the anchor where it stood on screen: when the rows above it changed height since
    /// the last frame (beyond what scrolling moved), scroll by as much. `offset_of` gives a
    /// block's top in the content, if it is shown. Returns where the view will be.
    fn keep_anchor(
        &self,
        ui: &egui::Ui,
        scrolled: f32,
        offset_of: impl Fn(usize) -> Option<f32>,
    ) -> f32 {
        let Some(anchor) = self.anchor else {
            return scrolled;
        };
        let Some(offset) = offset_of(anchor.block) else {
            return scrolled;
        };
        // Where it stood on screen, less what the view itself moved down and was scrolled.
        let view_top = ui.clip_rect().top();
        let expected =
            anchor.below_top + (anchor.view_top - view_top) - (scrolled - anchor.scrolled);
        let shift = (offset - scrolled) - expected;
        if shift.abs() <= 0.5 {
            return scrolled;
        }
        ui.scroll_with_delta_animation(
            egui::vec2(0.0, -shift),
            egui::style::ScrollAnimation::none(),
        );
        scrolled + shift
    }

    /// The cache for this width, zoom, listing and report; estimated afresh when any of them
    /// changed.
    fn prepare(
        &mut self,
        width: f32,
        pixels_per_point: f32,
        (layout, report): (Layout, crate::app::ReportId),
        count: usize,
        estimate: impl Fn(usize) -> f32,
    ) {
        // Rounded, so that sub-pixel jitter of the panel width does not throw the cache away.
        let key = (
            width.round().to_bits(),
            (pixels_per_point * 100.0).round().to_bits(),
            layout,
            Some(report),
        );
        if self.heights.len() != count || self.key.2 != layout || self.key.3 != Some(report) {
            // Another report, or another listing: nothing to keep in place.
            self.anchor = None;
        }
        if self.key != key || self.heights.len() != count {
            self.key = key;
            self.heights = (0..count).map(estimate).collect();
        }
    }
}

/// `scroll_to_selected`: the selected paragraph is asked to come into view this frame.
pub fn reader_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    heights: &mut RowHeights,
    scroll_to_selected: bool,
    commands: &mut Vec<Message>,
) {
    if app.filtering() {
        filter_bar_ui(ui, app, commands);
    }
    let selected_block = app.selected().and_then(|p| app.block_of(p));
    match app.parallel() {
        None => {
            let blocks = &app.document().blocks;
            let list = List {
                layout: Layout::Blocks,
                count: blocks.len(),
                visible: visible_blocks(app),
                selected: selected_block,
                widest: MAX_MEASURE + MARGIN_WIDTH,
            };
            list_ui(
                ui,
                app,
                heights,
                &list,
                scroll_to_selected,
                |measure, item| {
                    blocks
                        .get(item)
                        .map_or(0.0, |b| estimate_height(b, measure))
                },
                |ui, item, commands| row_ui(ui, app, item, commands),
                commands,
            );
        }
        Some(parallel) => {
            let rows = &parallel.aligned.rows;
            let list = List {
                layout: Layout::Parallel,
                count: rows.len(),
                visible: visible_rows(app, parallel),
                selected: selected_block
                    .and_then(|block| parallel.aligned.row_of(Side::Left, block)),
                widest: 2.0 * (MAX_MEASURE + MARGIN_WIDTH) + GUTTER,
            };
            let estimate = |measure: f32, item: usize| {
                let columns = Columns::of(measure);
                let (left, right) = rows.get(item).map_or((None, None), |row| row.sides());
                let side = |document: &crate::document::Document, block: Option<usize>| {
                    block
                        .and_then(|block| document.blocks.get(block))
                        .map_or(0.0, |block| estimate_height(block, columns.width()))
                };
                columns.row_height(side(app.document(), left), side(&parallel.document, right))
            };
            list_ui(
                ui,
                app,
                heights,
                &list,
                scroll_to_selected,
                estimate,
                |ui, item, commands| parallel_row_ui(ui, app, parallel, item, commands),
                commands,
            );
            // The original page follows the report's blocks on screen.
            heights.on_screen = heights.on_screen.and_then(|(top, bottom)| {
                let left = |row: usize| rows.get(row).and_then(|row| row.sides().0);
                let top = (top..rows.len()).find_map(left)?;
                let bottom = (0..=bottom).rev().find_map(left)?;
                Some((top, bottom.max(top)))
            });
        }
    }
    drop_hint_ui(ui, app);
}

/// Space between the two versions side by side.
const GUTTER: f32 = 28.0;

/// Narrower than this, a column of text is hard to read (about 20 Chinese characters or 35
/// Latin ones beside the margin): the two versions then stand one above the other in each row.
const NARROWEST_COLUMN: f32 = 300.0;

/// How two versions share the reader's width.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Columns {
    /// Side by side, each this wide.
    Beside(f32),
    /// One above the other, each the whole width.
    Stacked(f32),
}

impl Columns {
    fn of(measure: f32) -> Self {
        let column = (measure - GUTTER) / 2.0;
        if column >= NARROWEST_COLUMN {
            Self::Beside(column)
        } else {
            Self::Stacked(measure)
        }
    }

    fn width(self) -> f32 {
        match self {
            Self::Beside(width) | Self::Stacked(width) => width,
        }
    }

    /// A row's height from its two sides'.
    fn row_height(self, first: f32, second: f32) -> f32 {
        match self {
            Self::Beside(_) => first.max(second),
            Self::Stacked(_) => first + second,
        }
    }
}

/// What the reader lists, as a virtual list: `count` items (blocks, or rows of two versions),
/// those of them the filter lets through, and the selected one.
struct List {
    layout: Layout,
    count: usize,
    visible: Vec<usize>,
    selected: Option<usize>,
    /// The widest the listing grows.
    widest: f32,
}

/// The virtual list: only items near the viewport are laid out; each item's height is
/// measured when drawn (`draw` lays it out from the top of its `Ui`) and estimated until then.
/// Records the first and last item on screen, and keeps the reading position in place.
#[allow(clippy::too_many_arguments)]
fn list_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    heights: &mut RowHeights,
    list: &List,
    scroll_to_selected: bool,
    estimate: impl Fn(f32, usize) -> f32,
    mut draw: impl FnMut(&mut egui::Ui, usize, &mut Vec<Message>),
    commands: &mut Vec<Message>,
) {
    let visible = &list.visible;
    // Each open report keeps its own place (egui remembers the offset per id).
    egui::ScrollArea::vertical()
        .id_salt(("reader", app.report_id()))
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            // Leave room for the scroll bar so that no glyph is clipped at the right edge.
            let measure = (ui.available_width() - 20.0).clamp(200.0, list.widest);
            let ppp = ui.ctx().pixels_per_point();
            heights.prepare(
                measure,
                ppp,
                (list.layout, app.report_id()),
                list.count,
                |item| estimate(measure, item),
            );

            // Where each row starts: measured heights where known, estimates elsewhere.
            let top = 8.0;
            let mut offsets = Vec::with_capacity(visible.len() + 1);
            let mut y = top;
            for item in visible {
                offsets.push(y);
                y += heights.heights[*item];
            }
            let total = y + 24.0;
            let origin = ui.min_rect().left_top();
            if visible.is_empty() {
                ui.weak(app.strings().nothing_matches_filter);
            }

            let row_at = |y: f32| {
                offsets
                    .partition_point(|offset| *offset <= y)
                    .saturating_sub(1)
            };
            heights.on_screen = (!visible.is_empty()).then(|| {
                (
                    visible[row_at(viewport.min.y)],
                    visible[row_at(viewport.max.y)],
                )
            });
            let row_of = |item: usize| visible.binary_search(&item).ok();
            // Where the view is after keeping the anchor in place (a scroll this frame moved
            // the view too, and is not undone).
            let scrolled = if scroll_to_selected {
                viewport.min.y
            } else {
                heights.keep_anchor(ui, viewport.min.y, |item| {
                    row_of(item).map(|row| offsets[row])
                })
            };
            let first = offsets
                .partition_point(|offset| *offset < viewport.min.y - OVERSCAN)
                .saturating_sub(1);
            for (row, item) in visible.iter().enumerate().skip(first) {
                let offset = offsets[row];
                if offset > viewport.max.y + OVERSCAN {
                    break;
                }
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, offset),
                    egui::vec2(measure, f32::INFINITY),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(("row", *item))
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.set_max_width(measure);
                draw(&mut child, *item, commands);
                heights.heights[*item] = child.min_rect().height();
            }
            let selected_row = list.selected.and_then(row_of);
            if scroll_to_selected && let Some(row) = selected_row {
                let span = offsets[row]..=offsets[row] + heights.heights[visible[row]];
                scroll_into_view(ui, origin.y, span, viewport);
            }
            // Pin the reading position: the selected paragraph while it is on screen, else
            // the row at the top.
            let selected_on_screen = selected_row.filter(|row| {
                offsets[*row] + heights.heights[visible[*row]] > scrolled
                    && offsets[*row] < scrolled + viewport.height()
            });
            heights.anchor = selected_on_screen
                .or_else(|| (!visible.is_empty()).then(|| row_at(scrolled)))
                .map(|row| Anchor {
                    block: visible[row],
                    below_top: offsets[row] - scrolled,
                    scrolled,
                    view_top: ui.clip_rect().top(),
                });
            ui.allocate_rect(
                egui::Rect::from_min_size(origin, egui::vec2(measure, total)),
                Sense::hover(),
            );
        });
}

/// While a filter hides paragraphs, the report says so above its text, with one click to show
/// them all again (a filtered report must never pass for the whole report).
fn filter_bar_ui(ui: &mut egui::Ui, app: &ParatagApp, commands: &mut Vec<Message>) {
    let strings = app.strings();
    let total = app.document().paragraphs().count();
    let shown = (0..total)
        .filter(|index| app.is_visible(ParagraphIndex(*index)))
        .count();
    let tags: Vec<&str> = app.filter().iter().map(|tag| strings.tag(tag)).collect();
    let tags = tags.join(strings.list_separator);
    let text = match app.filter_author() {
        Some(name) => crate::i18n::Strings::fill(
            strings.filter_person_showing,
            &[
                ("name", &name),
                (
                    "tags",
                    &if tags.is_empty() {
                        String::new()
                    } else {
                        crate::i18n::Strings::fill(strings.filter_person_tags, &[("tags", &tags)])
                    },
                ),
                ("shown", &shown),
                ("total", &total),
            ],
        ),
        None => crate::i18n::Strings::fill(
            strings.filter_showing,
            &[("tags", &tags), ("shown", &shown), ("total", &total)],
        ),
    };
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(text);
                if ui.button(strings.show_all).clicked() {
                    commands.push(Command::ClearFilter.into());
                }
            });
        });
    ui.add_space(4.0);
}

/// Bring the rows spanning `span` (content coordinates) into view. A paragraph already in
/// view stays where it is (a click never scrolls); the next one just below or above comes in
/// at the edge, as in any list; a far one (an outline entry, a match) is centred.
fn scroll_into_view(
    ui: &egui::Ui,
    origin: f32,
    span: std::ops::RangeInclusive<f32>,
    viewport: egui::Rect,
) {
    let (top, bottom) = (*span.start(), *span.end());
    if viewport.min.y <= top && bottom <= viewport.max.y {
        return;
    }
    let near =
        bottom >= viewport.min.y - viewport.height() && top <= viewport.max.y + viewport.height();
    let rect = egui::Rect::from_x_y_ranges(ui.min_rect().x_range(), origin + top..=origin + bottom);
    ui.scroll_to_rect(rect, (!near).then_some(Align::Center));
}

/// One block of the report, laid out from the top of `ui`.
fn row_ui(ui: &mut egui::Ui, app: &ParatagApp, block_index: usize, commands: &mut Vec<Message>) {
    let Some(block) = app.document().blocks.get(block_index) else {
        return;
    };
    let matches = block_matches(app, Side::Left, block_index);
    match block {
        Block::Heading(text) => heading_ui(ui, text, &matches),
        Block::Text(text) => text_ui(ui, text, &matches),
        Block::Paragraph(paragraph) => {
            if let Some(index) = app.paragraph_at_block(block_index) {
                let row = paragraph_ui(ui, app, index, paragraph.number, &paragraph.text, &matches);
                if row.clicked() {
                    commands.push(Message::Select(index));
                }
            }
        }
    }
}

/// A row's height before it has been drawn: its text's width in columns over the measure.
fn estimate_height(block: &Block, measure: f32) -> f32 {
    let (text, size, extra) = match block {
        Block::Heading(text) => (text.as_str(), HEADING_SIZE, 28.0),
        Block::Text(text) => (text.as_str(), BODY_SIZE - 1.0, 4.0),
        Block::Paragraph(paragraph) => (paragraph.text.as_str(), BODY_SIZE, 16.0),
    };
    let column = size * 0.5;
    let text_width = (measure - MARGIN_WIDTH - TEXT_RIGHT_PADDING).max(80.0);
    let columns = crate::parse::display_width(text) as f32;
    let lines =
        ((columns * column) / text_width).ceil().max(1.0) + text.matches('\n').count() as f32;
    lines * size * LINE_SPACING + extra
}

/// The blocks the filter lets through: with a filter on, only matching paragraphs and the
/// headings they sit under.
fn visible_blocks(app: &ParatagApp) -> Vec<usize> {
    let items = app
        .document()
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| match block {
            Block::Heading(_) => Item::Heading,
            Block::Text(_) => Item::Other,
            Block::Paragraph(_) => Item::Paragraph(app.paragraph_at_block(index)),
        });
    filtered(app, items)
}

/// The rows of two versions side by side that the filter lets through: with a filter on, the
/// rows of matching paragraphs and the row of headings they sit under (a paragraph only in the
/// other version has no tags, so it is not shown).
fn visible_rows(app: &ParatagApp, parallel: &ParallelVersion) -> Vec<usize> {
    let items = parallel
        .aligned
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| match row {
            Row::Between { .. } => Item::Heading,
            Row::Paragraph { .. } => Item::Paragraph(app.paragraph_in_row(index)),
        });
    filtered(app, items)
}

/// What an item of the reader's list is, to the filter.
enum Item {
    Heading,
    /// The report's paragraph (none: a paragraph only in the other version).
    Paragraph(Option<ParagraphIndex>),
    Other,
}

/// The items the filter lets through: all without a filter; with one, the paragraphs it lets
/// through, each after the last heading above it.
fn filtered(app: &ParatagApp, items: impl ExactSizeIterator<Item = Item>) -> Vec<usize> {
    if !app.filtering() {
        return (0..items.len()).collect();
    }
    let mut visible = Vec::new();
    let mut pending_heading = None;
    for (index, item) in items.enumerate() {
        match item {
            Item::Heading => pending_heading = Some(index),
            Item::Other => {}
            Item::Paragraph(paragraph) => {
                if paragraph.is_some_and(|p| app.is_visible(p)) {
                    visible.extend(pending_heading.take());
                    visible.push(index);
                }
            }
        }
    }
    visible
}

/// The search matches inside a block of one version, each with whether it is the current one.
fn block_matches(
    app: &ParatagApp,
    side: Side,
    block: usize,
) -> Vec<(std::ops::Range<usize>, bool)> {
    let find = app.find();
    if !find.open {
        return Vec::new();
    }
    find.matches
        .iter()
        .enumerate()
        .filter(|(_, found): &(usize, &Hit)| found.side == side && found.block == block)
        .map(|(index, found)| (found.range.clone(), find.current == Some(index)))
        .collect()
}

/// One row of two versions side by side: each version's block in its column (the one shown
/// first on the left), as tall as the taller. Both halves of a paragraph's row are the
/// report's paragraph: a click on either selects it, and both carry its tag marks.
fn parallel_row_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    parallel: &ParallelVersion,
    row_index: usize,
    commands: &mut Vec<Message>,
) {
    let Some(row) = parallel.aligned.rows.get(row_index) else {
        return;
    };
    let (left, right) = row.sides();
    let paragraph = app.paragraph_in_row(row_index);
    let selected = paragraph.is_some() && app.selected() == paragraph;
    let columns = Columns::of(ui.max_rect().width());
    let column = columns.width();
    let origin = ui.max_rect().left_top();
    // The selection is painted behind both columns once their height is known.
    let background = ui.painter().add(egui::Shape::Noop);
    let sides = [
        (Side::Left, app.document(), left),
        (Side::Right, &parallel.document, right),
    ];
    let order = if parallel.swapped { [1, 0] } else { [0, 1] };
    let mut heights = [0.0_f32; 2];
    for (place, which) in order.into_iter().enumerate() {
        let (side, document, block) = sides[which];
        let offset = match columns {
            Columns::Beside(_) => egui::vec2(place as f32 * (column + GUTTER), 0.0),
            Columns::Stacked(_) => egui::vec2(0.0, heights[0]),
        };
        let rect = egui::Rect::from_min_size(origin + offset, egui::vec2(column, f32::INFINITY));
        let mut cell = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("side", place))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        cell.set_max_width(column);
        if let Some(block) = block.and_then(|at| document.blocks.get(at).map(|b| (at, b))) {
            cell_ui(&mut cell, app, side, block, paragraph, selected);
        }
        heights[place] = cell.min_rect().height();
    }
    let height = columns.row_height(heights[0], heights[1]);
    let width = match columns {
        Columns::Beside(_) => 2.0 * column + GUTTER,
        Columns::Stacked(_) => column,
    };
    let rect = egui::Rect::from_min_size(origin, egui::vec2(width, height));
    let visuals = ui.visuals();
    if selected {
        let fill = egui::epaint::RectShape::filled(
            rect.shrink2(egui::vec2(0.0, 1.0)),
            4.0,
            theme::selection_fill(visuals),
        );
        ui.painter().set(background, fill);
    }
    // Between the versions: a rule down the gutter, or, stacked, a short dashed one between
    // the two (the other version indented under the margin).
    let stroke = visuals.widgets.noninteractive.bg_stroke;
    match columns {
        Columns::Beside(_) => {
            let x = origin.x + column + GUTTER / 2.0;
            ui.painter().vline(x, rect.y_range(), stroke);
        }
        Columns::Stacked(_) if heights[0] > 0.0 && heights[1] > 0.0 => {
            let y = origin.y + heights[0];
            let from = origin.x + MARGIN_WIDTH;
            ui.painter().add(egui::Shape::dashed_line(
                &[egui::pos2(from, y), egui::pos2(from + 120.0, y)],
                stroke,
                4.0,
                4.0,
            ));
        }
        Columns::Stacked(_) => {}
    }
    if let Some(index) = paragraph {
        let id = ui.scope_id().with(("paragraph", index.0));
        let response = ui.interact(rect, id, Sense::click());
        let label = row_number(row).map_or_else(String::new, |number| format!("{number}."));
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        if response
            .on_hover_cursor(egui::CursorIcon::Default)
            .clicked()
        {
            commands.push(Message::Select(index));
        }
    } else if matches!(row, Row::Paragraph { .. }) {
        ui.interact(rect, ui.scope_id().with("other only"), Sense::hover())
            .on_hover_text(app.strings().only_in_other);
    }
    ui.allocate_rect(rect, Sense::hover());
}

/// The printed number of a paragraph's row.
fn row_number(row: &Row) -> Option<u32> {
    match row {
        Row::Paragraph { number, .. } => Some(*number),
        Row::Between { .. } => None,
    }
}

/// One version's block in its column: a heading, text, or a paragraph with its margin (the
/// report's paragraph's tag marks on both sides; `paragraph` is the row's).
fn cell_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    side: Side,
    (index, block): (usize, &Block),
    paragraph: Option<ParagraphIndex>,
    selected: bool,
) {
    let matches = block_matches(app, side, index);
    match block {
        Block::Heading(text) => heading_ui(ui, text, &matches),
        Block::Text(text) => text_ui(ui, text, &matches),
        Block::Paragraph(shown) => {
            let annotation = paragraph.and_then(|p| app.annotations().get(p));
            let mut suggested = paragraph
                .map(|p| Suggested::of(app, p, ui.visuals()))
                .unwrap_or_default();
            // The words were found in the report's text; the other version shows the marks.
            if side == Side::Right {
                suggested.evidence.clear();
            }
            egui::Frame::new()
                .inner_margin(egui::Margin::symmetric(0, 6))
                .show(ui, |ui| {
                    paragraph_body_ui(
                        ui,
                        shown.number,
                        &shown.text,
                        annotation,
                        selected,
                        &matches,
                        &suggested,
                    );
                });
            ui.add_space(4.0);
        }
    }
}

/// Text laid out with the reader's line spacing and the search matches highlighted.
fn text_job(
    ui: &egui::Ui,
    text: &str,
    font: &FontId,
    color: Color32,
    matches: &[(std::ops::Range<usize>, bool)],
) -> LayoutJob {
    let line_height = Some(font.size * LINE_SPACING);
    let plain = TextFormat {
        font_id: font.clone(),
        color,
        line_height,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (range, current) in matches {
        if range.start < at || range.end > text.len() {
            continue;
        }
        job.append(&text[at..range.start], 0.0, plain.clone());
        let highlighted = TextFormat {
            background: theme::match_fill(ui.visuals(), *current),
            ..plain.clone()
        };
        job.append(&text[range.clone()], 0.0, highlighted);
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = (ui.available_width() - TEXT_RIGHT_PADDING).max(80.0);
    job
}

fn heading_ui(ui: &mut egui::Ui, text: &str, matches: &[(std::ops::Range<usize>, bool)]) {
    ui.add_space(18.0);
    ui.horizontal_top(|ui| {
        ui.add_space(MARGIN_WIDTH - 20.0);
        let color = ui.visuals().strong_text_color();
        let job = text_job(
            ui,
            text,
            &FontId::proportional(HEADING_SIZE),
            color,
            matches,
        );
        ui.add(egui::Label::new(job).wrap());
    });
    ui.add_space(10.0);
}

fn text_ui(ui: &mut egui::Ui, text: &str, matches: &[(std::ops::Range<usize>, bool)]) {
    ui.horizontal_top(|ui| {
        ui.add_space(MARGIN_WIDTH);
        let color = ui.visuals().weak_text_color();
        let job = text_job(
            ui,
            text,
            &FontId::proportional(BODY_SIZE - 1.0),
            color,
            matches,
        );
        ui.add(egui::Label::new(job).wrap());
    });
    ui.add_space(4.0);
}

/// One numbered paragraph; returns the row's response (clicked = select it).
fn paragraph_ui(
    ui: &mut egui::Ui,
    app: &ParatagApp,
    index: ParagraphIndex,
    number: u32,
    text: &str,
    matches: &[(std::ops::Range<usize>, bool)],
) -> egui::Response {
    let selected = app.selected() == Some(index);
    let annotation = app.annotations().get(index);
    let fill = if selected {
        theme::selection_fill(ui.visuals())
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(0, 6));
    let suggested = Suggested::of(app, index, ui.visuals());
    let shown = frame.show(ui, |ui| {
        paragraph_body_ui(ui, number, text, annotation, selected, matches, &suggested);
    });
    ui.add_space(4.0);
    let id = ui.scope_id().with(("paragraph", index.0));
    let row = ui.interact(shown.response.rect, id, Sense::click());
    let label = format!("{number}.");
    row.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    row.on_hover_cursor(egui::CursorIcon::Default)
}

/// A paragraph's open suggestions as the reader shows them: hollow marks for their tags, and
/// the words that suggest them underlined in the tag's colour (`evidence`: only for the text
/// they were found in, the report's own).
#[derive(Default)]
struct Suggested {
    tags: crate::annotations::TagSet,
    evidence: Vec<(std::ops::Range<usize>, Color32)>,
}

impl Suggested {
    fn of(app: &ParatagApp, paragraph: ParagraphIndex, visuals: &egui::Visuals) -> Self {
        let mut suggested = Self::default();
        for item in app.pending_suggestions(paragraph) {
            suggested.tags = suggested.tags.toggled(item.tag);
            let color = theme::tag_color(item.tag, visuals);
            suggested.evidence.extend(
                item.evidence
                    .iter()
                    .map(|evidence| (evidence.range.clone(), color)),
            );
        }
        suggested
    }
}

/// A paragraph's margin (tag marks, number) and its wrapped text, selectable to copy.
fn paragraph_body_ui(
    ui: &mut egui::Ui,
    number: u32,
    text: &str,
    annotation: Option<&crate::annotations::Annotation>,
    selected: bool,
    matches: &[(std::ops::Range<usize>, bool)],
    suggested: &Suggested,
) {
    let line_height = BODY_SIZE * LINE_SPACING;
    ui.horizontal_top(|ui| {
        let (margin, _) =
            ui.allocate_exact_size(egui::vec2(MARGIN_WIDTH, line_height), Sense::hover());
        margin_ui(ui, margin, number, annotation, suggested.tags, selected);
        let color = ui.visuals().text_color();
        let mut job = text_job(ui, text, &FontId::proportional(BODY_SIZE), color, matches);
        underline(&mut job, &suggested.evidence);
        let part = annotation.and_then(|annotation| annotation.part.as_deref());
        dim_outside_part(&mut job, text, part, ui.visuals().weak_text_color());
        ui.add(egui::Label::new(job).wrap().selectable(true));
    });
}

/// Underline the ranges of a laid-out text, each in its colour.
fn underline(job: &mut LayoutJob, ranges: &[(std::ops::Range<usize>, Color32)]) {
    if ranges.is_empty() {
        return;
    }
    let cuts: Vec<usize> = ranges
        .iter()
        .flat_map(|(range, _)| [range.start, range.end])
        .collect();
    restyle(job, cuts, |start, format| {
        if let Some((_, color)) = ranges
            .iter()
            .find(|(range, _)| range.start <= start && start < range.end)
        {
            format.underline = egui::Stroke::new(2.0, *color);
        }
    });
}

/// With one sub-paragraph quoted alone, the rest of the paragraph is shown faint: what the
/// note will quote stands out.
fn dim_outside_part(job: &mut LayoutJob, text: &str, part: Option<&str>, faint: Color32) {
    let Some(found) = part.and_then(|label| {
        crate::document::parts_of(text)
            .into_iter()
            .find(|found| found.label == label)
    }) else {
        return;
    };
    let quoted = found.start..found.start + found.text.len();
    restyle(job, vec![quoted.start, quoted.end], |start, format| {
        if !quoted.contains(&start) {
            format.color = faint;
        }
    });
}

/// Split a laid-out text's sections where a cut falls inside one, then let `style` change
/// each piece's format (given where the piece starts).
fn restyle(job: &mut LayoutJob, mut cuts: Vec<usize>, style: impl Fn(usize, &mut TextFormat)) {
    cuts.retain(|at| *at <= job.text.len() && job.text.is_char_boundary(*at));
    cuts.sort_unstable();
    cuts.dedup();
    let mut sections = Vec::with_capacity(job.sections.len() + cuts.len());
    for section in std::mem::take(&mut job.sections) {
        let (first, last) = (
            usize::from(section.byte_range.start),
            usize::from(section.byte_range.end),
        );
        let mut start = first;
        let inner: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|at| *at > first && *at < last)
            .chain(std::iter::once(last))
            .collect();
        for end in inner {
            let mut piece = section.clone();
            piece.byte_range = start.into()..end.into();
            style(start, &mut piece.format);
            sections.push(piece);
            start = end;
        }
    }
    job.sections = sections;
}

/// The margin: one coloured bar per tag, a reference mark (※) when there is a note, the number.
fn margin_ui(
    ui: &egui::Ui,
    margin: egui::Rect,
    number: u32,
    annotation: Option<&crate::annotations::Annotation>,
    suggested: crate::annotations::TagSet,
    selected: bool,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let mut x = margin.left() + 6.0;
    let tags = annotation.map_or(crate::annotations::TagSet::EMPTY, |a| a.tags);
    for tag in Tag::ALL {
        let bar = egui::Rect::from_min_size(
            egui::pos2(x, margin.top() + 4.0),
            egui::vec2(5.0, margin.height() - 8.0),
        );
        let color = theme::tag_color(tag, visuals);
        if tags.contains(tag) {
            painter.rect_filled(bar, 2.0, color);
        } else if suggested.contains(tag) {
            // Suggested, not yet a tag: hollow.
            painter.rect_stroke(
                bar,
                2.0,
                egui::Stroke::new(1.5, color),
                egui::StrokeKind::Inside,
            );
        }
        x += 7.0;
    }
    if annotation.is_some_and(|annotation| !annotation.note.is_empty()) {
        painter.text(
            egui::pos2(margin.left() + 6.0, margin.bottom() + 2.0),
            egui::Align2::LEFT_TOP,
            "※",
            FontId::proportional(12.0),
            visuals.weak_text_color(),
        );
    }
    let color = if selected {
        visuals.strong_text_color()
    } else {
        visuals.weak_text_color()
    };
    painter.text(
        egui::pos2(margin.right() - 10.0, margin.center().y),
        egui::Align2::RIGHT_CENTER,
        format!("{number}."),
        FontId::proportional(BODY_SIZE - 2.0),
        color,
    );
}

/// While a file is dragged over the window, say that dropping it opens it.
fn drop_hint_ui(ui: &egui::Ui, app: &ParatagApp) {
    let hovering = ui.ctx().input(|input| !input.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ui.max_rect();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        app.strings().drop_hint,
        FontId::proportional(22.0),
        Color32::WHITE,
    );
}

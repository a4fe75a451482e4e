//! The PDF briefing note, to print or send as it is: A4 or US Letter, the shipped font embedded
//! as a subset (so Chinese and Latin text print the same on every machine), the symbol in a
//! running header and "Page 2 of 5" in the footer, each excerpt kept on one page where it fits.
//!
//! krilla writes the PDF; the layout is paratag's own and simple on purpose: one font, lines
//! broken greedily where a line may break (after a space, between Chinese characters, never
//! before a closing mark or after an opening one), each glyph placed at the font's advance. The
//! text stays text: every glyph maps back to its character, so the note can be searched and
//! copied in a PDF reader.

use std::ops::Range;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, Glyph, GlyphId};

use super::walk::{NoteWriter, Part, walk};
use super::{BriefingNote, Excerpt, ExportError, Paper};
use crate::annotations::Tag;

/// The page's margins, in points.
const SIDE: f32 = 68.0;
const TOP: f32 = 72.0;
const BOTTOM: f32 = 72.0;
/// How far quotes, citations and notes are indented under their heading.
const INDENT: f32 = 16.0;
/// Line height as a multiple of the font size (Chinese text wants room between lines).
const LEADING: f32 = 1.5;

const INK: [u8; 3] = [0x1b, 0x1b, 0x1b];
const GREY: [u8; 3] = [0x55, 0x55, 0x55];
const RULE: [u8; 3] = [0xcc, 0xcc, 0xcc];
const NOTE_BACKGROUND: [u8; 3] = [0xf2, 0xf2, 0xf2];

/// How a block of text is set.
#[derive(Clone, Copy, Debug)]
struct Style {
    size: f32,
    color: [u8; 3],
    /// Strokes the glyphs a little for headings (the font has one weight).
    bold: bool,
    indent: f32,
    before: f32,
    after: f32,
}

impl Style {
    const fn new(size: f32, color: [u8; 3], before: f32, after: f32) -> Self {
        Self {
            size,
            color,
            bold: false,
            indent: 0.0,
            before,
            after,
        }
    }

    const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    const fn indented(mut self) -> Self {
        self.indent = INDENT;
        self
    }
}

const TITLE: Style = Style::new(18.0, INK, 0.0, 4.0).bold();
const REPORT_TITLE: Style = Style::new(12.5, INK, 2.0, 2.0).bold();
const MEETING: Style = Style::new(10.0, GREY, 0.0, 2.0);
const SUMMARY: Style = Style::new(9.5, GREY, 4.0, 8.0);
const PART: Style = Style::new(14.0, INK, 18.0, 8.0).bold();
const DETAIL: Style = Style::new(10.0, INK, 0.0, 6.0);
const SECTION: Style = Style::new(10.0, GREY, 8.0, 3.0);
const TAGS: Style = Style::new(9.0, INK, 0.0, 2.0).bold();
const QUOTE: Style = Style::new(10.5, INK, 0.0, 3.0).indented();
const CITATION: Style = Style::new(9.5, GREY, 0.0, 4.0).indented();
const NOTE: Style = Style::new(10.0, INK, 2.0, 0.0).indented();
const MARGINAL: f32 = 8.5;
/// Room between excerpts.
const BETWEEN: f32 = 10.0;
/// The note's box reaches this far around its text.
const NOTE_PAD: f32 = 5.0;

/// The shipped font, read once per note: glyphs and their advances.
struct Metrics<'a> {
    face: ttf_parser::Face<'a>,
    per_em: f32,
    ascender: f32,
    descender: f32,
    /// Each character of the Basic Multilingual Plane looked up once: a long note repeats a
    /// few thousand characters a million times, and the font's tables are searched each time.
    seen: std::cell::RefCell<Vec<Option<(u16, f32)>>>,
    /// Characters the font has no glyph for, in the order met.
    missing: std::cell::RefCell<Vec<char>>,
}

impl<'a> Metrics<'a> {
    fn new(data: &'a [u8]) -> Result<Self, ExportError> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|error| ExportError::Pdf(format!("the shipped font: {error}")))?;
        let per_em = f32::from(face.units_per_em());
        Ok(Self {
            per_em,
            ascender: f32::from(face.ascender()) / per_em,
            descender: f32::from(face.descender()) / per_em,
            face,
            seen: std::cell::RefCell::new(vec![None; 0x1_0000]),
            missing: std::cell::RefCell::new(Vec::new()),
        })
    }

    /// A character's glyph (0, the font's "missing" box, when it has none) and its advance
    /// in ems.
    fn glyph(&self, c: char) -> (u16, f32) {
        let index = c as usize;
        if let Some(Some(known)) = self.seen.borrow().get(index) {
            return *known;
        }
        let found = self.look_up(c);
        if found.0 == 0 && !c.is_whitespace() && !c.is_control() {
            let mut missing = self.missing.borrow_mut();
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
        if let Some(slot) = self.seen.borrow_mut().get_mut(index) {
            *slot = Some(found);
        }
        found
    }

    fn look_up(&self, c: char) -> (u16, f32) {
        let id = self.face.glyph_index(c).map_or(0, |id| id.0);
        let advance = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(id))
            .map_or(0.5, |advance| f32::from(advance) / self.per_em);
        (id, advance)
    }

    /// The width of a text at a size, in points.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }
}

/// Whether a character is set without spaces and may be broken before or after (Han,
/// kana, Hangul, full-width forms and CJK punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Marks a line must not start with (closing brackets and quotes, and punctuation that
/// follows a word), in Chinese and Latin text.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '…'
            | '—'
            | '·'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Marks a line must not end with (opening brackets and quotes).
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '“' | '‘' | '《' | '〈' | '【' | '〔' | '(' | '[' | '{'
    )
}

/// Break a text into lines no wider than `width` (a word wider than the line is cut). A line
/// break in the text starts a new line; an empty line stays, as a gap.
fn break_lines(metrics: &Metrics<'_>, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let chars: Vec<(usize, char, f32)> = hard
            .char_indices()
            .map(|(at, c)| (at, c, metrics.glyph(c).1 * size))
            .collect();
        let mut start = 0;
        while start < chars.len() {
            let end = line_end(&chars, start, width);
            let from = chars[start].0;
            let to = chars.get(end).map_or(hard.len(), |(at, ..)| *at);
            lines.push(hard[from..to].trim_end().to_owned());
            start = end;
            // A line never starts with the spaces it was broken at.
            while chars.get(start).is_some_and(|(_, c, _)| *c == ' ') {
                start += 1;
            }
        }
        if chars.is_empty() {
            lines.push(String::new());
        }
    }
    lines
}

/// Where the line that starts at `start` ends (the index of the first character of the next
/// line): at the last place it may break before it grows wider than `width`.
fn line_end(chars: &[(usize, char, f32)], start: usize, width: f32) -> usize {
    let mut used = 0.0;
    let mut last_break = None;
    for i in start..chars.len() {
        let (_, c, advance) = chars[i];
        if i > start {
            let previous = chars[i - 1].1;
            let may_break = previous == ' '
                || ((is_wide(previous) || is_wide(c))
                    && c != ' '
                    && !no_line_start(c)
                    && !no_line_end(previous));
            if may_break {
                last_break = Some(i);
            }
        }
        if c != ' ' && used + advance > width && i > start {
            return last_break.unwrap_or(i);
        }
        used += advance;
    }
    chars.len()
}

/// What is drawn on a page.
enum Mark {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        color: [u8; 3],
        bold: bool,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: [u8; 3],
    },
}

/// A block of text broken into lines, ready to be placed.
struct Block {
    style: Style,
    lines: Vec<String>,
    /// How many bytes of the first line are a bold label (a note's "Note:").
    label: usize,
}

impl Block {
    fn height(&self) -> f32 {
        self.style.before + self.lines_height() + self.style.after
    }

    fn lines_height(&self) -> f32 {
        self.lines.len() as f32 * self.style.size * LEADING
    }
}

/// A decoration drawn beside or behind placed lines: a quote's bar, a note's box.
#[derive(Clone, Copy)]
enum Decoration {
    Bar([u8; 3]),
    Box,
}

/// The note laid out page by page.
struct Layout<'a> {
    metrics: Metrics<'a>,
    paper: (f32, f32),
    pages: Vec<Vec<Mark>>,
    /// Where the next block starts on the last page.
    y: f32,
    /// A part's title (and its explanation) waiting for the part's first excerpt, so that a
    /// title never ends a page without what it heads.
    pending: Vec<Block>,
}

impl<'a> Layout<'a> {
    fn new(metrics: Metrics<'a>, paper: Paper) -> Self {
        Self {
            metrics,
            paper: paper.size(),
            pages: vec![Vec::new()],
            y: TOP,
            pending: Vec::new(),
        }
    }

    fn text_width(&self) -> f32 {
        self.paper.0 - 2.0 * SIDE
    }

    fn bottom(&self) -> f32 {
        self.paper.1 - BOTTOM
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Start a new page unless `height` fits on this one; a block taller than a page starts
    /// on the page it is on (it will run on).
    fn keep(&mut self, height: f32) {
        let page = self.bottom() - TOP;
        if self.y + height > self.bottom() && height <= page && self.y > TOP {
            self.new_page();
        }
    }

    fn block(&self, style: Style, text: &str) -> Block {
        let width =
            self.text_width() - style.indent - if style.indent > 0.0 { NOTE_PAD } else { 0.0 };
        Block {
            lines: break_lines(&self.metrics, text, style.size, width),
            style,
            label: 0,
        }
    }

    fn push(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// Place a block's lines from where the page is, running on to the next page when they
    /// do not fit; the decoration is drawn beside (or behind) each page's part of it.
    fn place(&mut self, block: &Block, decoration: Option<Decoration>) {
        let style = block.style;
        let line = style.size * LEADING;
        let x = SIDE + style.indent;
        self.y += style.before;
        let mut top = self.y;
        for (i, text) in block.lines.iter().enumerate() {
            if self.y + line > self.bottom() {
                self.decorate(decoration, x, top, self.y);
                self.new_page();
                top = self.y;
            }
            // The text sits in the middle of its line, as the font's own ascent and descent
            // divide it.
            let ascent = self.metrics.ascender * style.size;
            let descent = -self.metrics.descender * style.size;
            let baseline = self.y + (line - ascent - descent) / 2.0 + ascent;
            let (label, rest) = if i == 0 && block.label > 0 && block.label <= text.len() {
                text.split_at(block.label)
            } else {
                ("", text.as_str())
            };
            let mut at = x;
            if !label.is_empty() {
                self.push(text_mark(at, baseline, style, true, label));
                at += self.metrics.width(label, style.size);
            }
            if !rest.is_empty() {
                self.push(text_mark(at, baseline, style, style.bold, rest));
            }
            self.y += line;
        }
        self.decorate(decoration, x, top, self.y);
        self.y += style.after;
    }

    fn decorate(&mut self, decoration: Option<Decoration>, x: f32, top: f32, bottom: f32) {
        let (Some(decoration), true) = (decoration, bottom > top) else {
            return;
        };
        let mark = match decoration {
            Decoration::Bar(color) => Mark::Rect {
                x: x - 9.0,
                y: top,
                width: 2.5,
                height: bottom - top,
                color,
            },
            Decoration::Box => Mark::Rect {
                x: x - NOTE_PAD,
                y: top - NOTE_PAD / 2.0,
                width: self.text_width() - INDENT + NOTE_PAD,
                height: bottom - top + NOTE_PAD,
                color: NOTE_BACKGROUND,
            },
        };
        // Behind the text: the box is drawn before the lines it holds.
        if let Some(page) = self.pages.last_mut() {
            let lines = page
                .iter()
                .rev()
                .take_while(|mark| matches!(mark, Mark::Text { baseline, .. } if *baseline > top))
                .count();
            let at = page.len() - lines;
            page.insert(at, mark);
        }
    }

    /// Place a part's title and explanation that wait for what follows them.
    fn flush_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (i, block) in pending.iter().enumerate() {
            self.place(block, None);
            if i == 0 {
                self.rule();
            }
        }
    }

    /// A rule across the text's width, under a part's title.
    fn rule(&mut self) {
        let mark = Mark::Rect {
            x: SIDE,
            y: self.y - PART.after + 2.0,
            width: self.text_width(),
            height: 0.6,
            color: RULE,
        };
        self.push(mark);
    }
}

fn text_mark(x: f32, baseline: f32, style: Style, bold: bool, text: &str) -> Mark {
    Mark::Text {
        x,
        baseline,
        size: style.size,
        color: style.color,
        bold,
        text: text.to_owned(),
    }
}

/// The colour a tag is printed in (`Tag::color`, the window's and the other notes').
fn tag_rgb(tag: Tag) -> [u8; 3] {
    let [r, g, b] = tag.color();
    [r, g, b]
}

impl NoteWriter for Layout<'_> {
    fn title_block(&mut self, note: &BriefingNote) {
        let title = self.block(TITLE, &note.title());
        self.place(&title, None);
        if !note.report_title.is_empty() {
            let report = self.block(REPORT_TITLE, &note.report_title.join("\n"));
            self.place(&report, None);
        }
        if let Some(meeting) = &note.meeting {
            let meeting = self.block(MEETING, meeting);
            self.place(&meeting, None);
        }
        let summary = self.block(SUMMARY, &note.summary());
        self.place(&summary, None);
    }

    fn part(&mut self, _note: &BriefingNote, part: &Part<'_>) {
        self.flush_pending();
        self.pending.push(self.block(PART, part.title));
        if let Some(detail) = part.detail {
            self.pending.push(self.block(DETAIL, detail));
        }
    }

    fn part_end(&mut self) {
        self.flush_pending();
    }

    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        let mut blocks: Vec<(Block, Option<Decoration>)> = Vec::new();
        if let Some(heading) = heading {
            blocks.push((self.block(SECTION, heading), None));
        }
        let colour = part
            .tag
            .or_else(|| excerpt.tags.first().copied())
            .map_or(GREY, tag_rgb);
        if part.show_tags {
            let names: Vec<&str> = excerpt
                .tags
                .iter()
                .map(|tag| note.labels().tag(*tag))
                .collect();
            let mut tags = self.block(TAGS, &names.join(" · "));
            tags.style.color = colour;
            blocks.push((tags, None));
        }
        blocks.push((
            self.block(QUOTE, &excerpt.text),
            Some(Decoration::Bar(colour)),
        ));
        if let Some(parallel) = &excerpt.parallel {
            let mut block = self.block(QUOTE, parallel);
            block.style.color = GREY;
            block.style.before = 2.0;
            blocks.push((block, Some(Decoration::Bar(colour))));
        }
        let citation = format!("— {}", excerpt.citation);
        blocks.push((self.block(CITATION, &citation), None));
        if !excerpt.note.is_empty() {
            let label = format!("{}{}", note.note_label(excerpt), note.language.colon());
            let mut block = self.block(NOTE, &format!("{label}{}", excerpt.note));
            block.label = label.len();
            blocks.push((block, Some(Decoration::Box)));
        }
        // The excerpt stays on one page, with its citation and note (and the title of the part
        // it opens), where it fits on one.
        let height: f32 = self
            .pending
            .iter()
            .chain(blocks.iter().map(|(block, _)| block))
            .map(Block::height)
            .sum();
        self.keep(height + NOTE_PAD);
        self.flush_pending();
        for (block, decoration) in &blocks {
            self.place(block, *decoration);
        }
        self.y += BETWEEN;
    }
}

/// A glyph placed at the font's advance, mapped back to its character.
struct Placed {
    id: u16,
    advance: f32,
    range: Range<usize>,
}

impl Glyph for Placed {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.id))
    }

    fn text_range(&self) -> Range<usize> {
        self.range.clone()
    }

    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }

    fn x_offset(&self, _size: f32) -> f32 {
        0.0
    }

    fn y_offset(&self, _size: f32) -> f32 {
        0.0
    }

    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }

    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

fn fill(color: [u8; 3]) -> Fill {
    Fill {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

fn draw_text(surface: &mut Surface<'_>, metrics: &Metrics<'_>, font: &Font, mark: &Mark) {
    let Mark::Text {
        x,
        baseline,
        size,
        color,
        bold,
        text,
    } = mark
    else {
        return;
    };
    let glyphs: Vec<Placed> = text
        .char_indices()
        .map(|(at, c)| {
            let (id, advance) = metrics.glyph(c);
            Placed {
                id,
                advance,
                range: at..at + c.len_utf8(),
            }
        })
        .collect();
    surface.set_fill(Some(fill(*color)));
    // The font has one weight: headings are drawn with a hairline round each glyph.
    surface.set_stroke(bold.then(|| Stroke {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        width: size * 0.03,
        ..Stroke::default()
    }));
    surface.draw_glyphs(
        Point::from_xy(*x, *baseline),
        &glyphs,
        font.clone(),
        text,
        *size,
        false,
    );
}

fn draw_rect(surface: &mut Surface<'_>, mark: &Mark) {
    let Mark::Rect {
        x,
        y,
        width,
        height,
        color,
    } = mark
    else {
        return;
    };
    let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_stroke(None);
    surface.set_fill(Some(fill(*color)));
    surface.draw_path(&path);
}

/// The running header (the symbol, on the right) and the footer ("Page 2 of 5", centred).
fn marginalia(layout: &Layout<'_>, note: &BriefingNote, page: usize, pages: usize) -> Vec<Mark> {
    let style = Style::new(MARGINAL, GREY, 0.0, 0.0);
    let (width, height) = layout.paper;
    let mut marks = Vec::new();
    if let Some(symbol) = &note.symbol {
        let x = width - SIDE - layout.metrics.width(symbol, MARGINAL);
        marks.push(text_mark(x, TOP - 30.0, style, false, symbol));
    }
    let footer = note
        .labels()
        .page_of
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string());
    let x = (width - layout.metrics.width(&footer, MARGINAL)) / 2.0;
    marks.push(text_mark(x, height - BOTTOM + 36.0, style, false, &footer));
    marks
}

/// The note's date as the PDF's creation date (`2026-12-02`).
fn creation_date(date: &str) -> Option<DateTime> {
    let mut parts = date.split('-').map(str::parse::<u16>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    Some(DateTime::new(year).month(month).day(day))
}

/// The PDF.
pub fn pdf(note: &BriefingNote) -> Result<Vec<u8>, ExportError> {
    let metrics = Metrics::new(crate::shipped_font::BYTES)?;
    let mut layout = Layout::new(metrics, note.paper);
    walk(note, &mut layout);
    // A quote must print as the report has it: rather no PDF than boxes in a citation.
    let missing = layout.metrics.missing.borrow().clone();
    if !missing.is_empty() {
        return Err(ExportError::PdfCannotShow(missing.into_iter().collect()));
    }
    let font = Font::new(crate::shipped_font::BYTES.into(), 0)
        .ok_or_else(|| ExportError::Pdf("the shipped font cannot be used".to_owned()))?;
    let (width, height) = layout.paper;
    let settings = PageSettings::from_wh(width, height)
        .ok_or_else(|| ExportError::Pdf("no page size".to_owned()))?;
    let mut document = Document::new();
    let pages = layout.pages.len();
    for (index, marks) in layout.pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let margins = marginalia(&layout, note, index + 1, pages);
        for mark in marks.iter().chain(&margins) {
            match mark {
                Mark::Text { .. } => draw_text(&mut surface, &layout.metrics, &font, mark),
                Mark::Rect { .. } => draw_rect(&mut surface, mark),
            }
        }
        surface.finish();
        page.finish();
    }
    let mut metadata = Metadata::new()
        .title(note.title())
        .language(note.language.tag().to_owned())
        .creator("paratag".to_owned());
    if !note.author.is_empty() {
        metadata = metadata.authors(vec![note.author.clone()]);
    }
    if let Some(date) = creation_date(&note.date) {
        metadata = metadata.creation_date(date);
    }
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|error| ExportError::Pdf(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> Metrics<'static> {
        match Metrics::new(crate::shipped_font::BYTES) {
            Ok(metrics) => metrics,
            Err(error) => panic!("{error}"),
        }
    }

    /// Lines never run past the width (unless one character is wider), and breaking loses no
    /// character but the spaces it breaks at.
    #[test]
    fn lines_fit_and_lose_nothing() {
        let metrics = metrics();
        let text = "Recognizing the importance of complying with national law, several speakers \
                    reported practical challenges: 程序要求过多及资产追回过程中存在相关延迟、对国内法律程序不熟悉、\
                    请求国和被请求国之间缺乏信任和信心。A-very-long-hyphenated-compound-that-cannot-fit-on-any-line-at-all-without-being-cut-somewhere.";
        for width in [40.0, 120.0, 300.0] {
            let lines = break_lines(&metrics, text, 10.0, width);
            assert!(lines.len() > 1);
            for line in &lines {
                assert!(
                    metrics.width(line, 10.0) <= width || line.chars().count() == 1,
                    "{width}: {line:?}"
                );
            }
            let squeeze = |text: &str| text.replace(' ', "");
            assert_eq!(squeeze(&lines.concat()), squeeze(text), "{width}");
        }
    }

    /// Chinese breaks between characters but never puts a closing mark at the start of a line
    /// or an opening one at its end; Latin text breaks at spaces, not inside words.
    #[test]
    fn lines_break_where_each_script_allows() {
        let metrics = metrics();
        let chinese = "一名发言者强调，根据《公约》第四十三条，国际合作不限于刑事事项，也包括民事和行政事项。";
        for width in [60.0, 75.0, 90.0, 105.0, 130.0] {
            for line in break_lines(&metrics, chinese, 10.0, width) {
                let first = line.chars().next().unwrap_or(' ');
                let last = line.chars().last().unwrap_or(' ');
                assert!(!no_line_start(first), "{width}: {line}");
                assert!(!no_line_end(last), "{width}: {line}");
            }
        }
        let english = "Speakers highlighted the importance of mutual legal assistance";
        for line in break_lines(&metrics, english, 10.0, 100.0) {
            for word in line.split(' ') {
                assert!(english.split(' ').any(|whole| whole == word), "{line}");
            }
        }
    }

    /// A line break in a note starts a new line, and an empty line stays as a gap.
    #[test]
    fn line_breaks_and_blank_lines_are_kept() {
        let lines = break_lines(&metrics(), "first\n\nsecond", 10.0, 300.0);
        assert_eq!(lines, ["first", "", "second"]);
    }

    /// Every glyph the note needs is in the shipped font: Chinese, French, Spanish, the marks
    /// the note uses.
    #[test]
    fn the_shipped_font_has_the_notes_characters() {
        let metrics = metrics();
        for c in "简报：第12至14段，“挑战”。Note « éducation » párr. 12–14 — · …".chars()
        {
            assert!(c == ' ' || metrics.glyph(c).0 != 0, "{c:?}");
        }
    }
}

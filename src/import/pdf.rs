//! PDF reports: text rebuilt from the glyphs the pages paint, in-process (hayro, pure Rust).
//!
//! Each page is interpreted and every glyph it paints is kept with its position and size. Lines
//! are built from positions, not from the order of text objects: glyphs on one baseline form a
//! line, read left to right, with a space where the pen jumps past a gap and a new line where a
//! wide gap separates columns (the masthead's two columns, a page number beside a running head);
//! a page set in two columns is read column by column.
//! Glyphs painted twice at one place (fake bold) count once; raised small glyphs (footnote marks)
//! are dropped, so that `CRP.1` with mark `1` does not become `CRP.11`. Every line gets a role:
//! page furniture (the top and bottom bands of the page: running heads, page counters, job
//! numbers — returned apart, for the parser to read the symbol in and record), footnotes (small
//! type below a footnote rule — returned apart), or body. A PDF whose pages paint no text (a scan
//! without a text layer) is said to have none.

use std::fmt::Write as _;
use std::sync::Arc;

pub use crate::document::Region;
use crate::document::{Block, PrintedPages};

use hayro_interpret::font::{Glyph as FontGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{BezPath, Point, Rect, Shape as _};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, TransformExt as _, interpret_page,
};

/// Glyph space units per em in hayro's glyph transforms.
const UNITS_PER_EM: f64 = 1000.0;

/// The shares of the page's height, at the top and at the bottom, where running heads, page
/// counters and job numbers sit (UN pages: about 0.6 inch at the top, 0.5 at the bottom).
const TOP_BAND: f64 = 0.07;
const BOTTOM_BAND: f64 = 0.055;

/// The text of a PDF, ready for the report parser.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfText {
    /// The body, one printed line a line, pages one after another.
    pub text: String,
    /// Where each line of `text` is printed (the same order, one for one).
    pub lines: Vec<Region>,
    /// Each page's size in points as shown (its crop box, turned as the page says).
    pub page_sizes: Vec<[f32; 2]>,
    /// The page furniture's lines (running heads, footers), kept apart.
    pub furniture: String,
    /// The footnotes, in order, each starting with its mark where the page shows one.
    pub footnotes: Vec<String>,
    pub pages: usize,
}

/// Why a PDF could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF is damaged and cannot be read")]
    Damaged,
    #[error("the PDF is protected with a password; save a copy without one")]
    Encrypted,
    #[error(
        "the PDF has no text to read ({pages} page(s) of images: a scan without a text layer); \
         paratag does not recognise text in images"
    )]
    NoText { pages: usize },
}

/// Whether bytes are a PDF (the header may follow a little junk, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|window| window == b"%PDF-")
}

/// One glyph as the page paints it: where its baseline starts (y down from the top of the
/// page), its size (the em, in points) and its text.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    /// How far the pen moves after it, in points, when the font says.
    advance: Option<f64>,
    text: String,
}

/// Collects the glyphs and the horizontal rules a page paints.
struct Collector {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    /// The y of thin, wide horizontal paths: footnote rules.
    rules: Vec<(f64, f64)>,
}

impl Device<'_> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'_>, _: &DrawMode) {
        let bounds = (props.transform * path.clone()).bounding_box();
        if bounds.height() < 2.0 && bounds.width() > 36.0 {
            self.rules.push((bounds.y0, bounds.x0));
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, _: &DrawMode) {
        for glyph in run.glyphs() {
            let transform = props.transform * glyph.transform();
            let origin = transform * Point::ZERO;
            // The transform's columns: where one unit of glyph width and of glyph height go.
            let [xx, xy, yx, yy, _, _] = transform.as_coeffs();
            let size = yx.hypot(yy) * UNITS_PER_EM;
            let advance = match &**glyph {
                FontGlyph::Outline(outline) => outline.advance_width(),
                FontGlyph::Type3(type3) => type3.advance_width(),
            }
            .map(|width| f64::from(width) * xx.hypot(xy))
            .filter(|advance| advance.is_finite() && *advance > 0.0);
            // A control character in a font's text mapping (a line break) would break the
            // one-for-one order of lines and their places: it reads as a space.
            let text: String = match glyph.as_unicode() {
                Some(BfString::Char(character)) => character.to_string(),
                Some(BfString::String(string)) => string,
                None => continue,
            }
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
            if !size.is_finite() || !origin.x.is_finite() || !origin.y.is_finite() || size <= 0.0 {
                continue;
            }
            self.glyphs.push(Glyph {
                x: origin.x,
                y: origin.y,
                size,
                advance,
                text,
            });
        }
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}

    fn draw_image(&mut self, _: Image<'_, '_>, _: ImageDrawProps<'_>) {}
}

/// Read the text of a PDF.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    read_shared(Arc::new(bytes.to_vec()))
}

/// Read the text of a PDF whose bytes are shared (with the pages shown beside the text).
pub(crate) fn read_shared(bytes: Arc<Vec<u8>>) -> Result<PdfText, PdfError> {
    // hayro is young and PDFs are hostile: a panic inside it is a damaged file, not a crash.
    std::panic::catch_unwind(move || read_pages(bytes)).unwrap_or(Err(PdfError::Damaged))
}

fn open(bytes: Arc<Vec<u8>>) -> Result<Pdf, PdfError> {
    Pdf::new(bytes).map_err(|error| match error {
        LoadPdfError::Decryption(_) => PdfError::Encrypted,
        LoadPdfError::Invalid => PdfError::Damaged,
    })
}

fn read_pages(bytes: Arc<Vec<u8>>) -> Result<PdfText, PdfError> {
    let pdf = open(bytes)?;
    let cache = InterpreterCache::new();
    let mut pages = Vec::new();
    for page in pdf.pages().iter() {
        let (width, height) = page.render_dimensions();
        // The page as it is shown: y down from its top edge, its crop box at the origin, turned
        // as it says — the same place the page view paints it, so regions fall on their text.
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut collector = Collector {
            width: f64::from(width),
            height: f64::from(height),
            glyphs: Vec::new(),
            rules: Vec::new(),
        };
        interpret_page(page, &mut context, &mut collector);
        pages.push(collector);
    }
    let page_count = pages.len();
    if pages
        .iter()
        .all(|page| page.glyphs.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(PdfError::NoText { pages: page_count });
    }
    let body_size = body_size(&pages);
    let mut out = PdfText {
        text: String::new(),
        lines: Vec::new(),
        page_sizes: pages
            .iter()
            .map(|page| [page.width as f32, page.height as f32])
            .collect(),
        furniture: String::new(),
        footnotes: Vec::new(),
        pages: page_count,
    };
    for (index, page) in pages.into_iter().enumerate() {
        lay_out_page(index, page, body_size, &mut out);
    }
    Ok(out)
}

/// How many characters a block's first and last words are looked for by: enough to be
/// unmistakable in a few pages of text.
const KEY_CHARS: usize = 24;

/// The printed pages of a PDF whose text was read into `text` and parsed into `blocks`: where
/// each block stands, found by its text among the printed lines.
///
/// Letters and digits only are compared, so whatever the parser did between lines (rejoined
/// hyphens, spaces between Chinese lines, the paragraph number taken apart) does not matter.
/// Blocks are looked for in order, each from where the previous one ended and within a few
/// pages of it, so a block the parser changed beyond recognition gets no place and costs
/// little; the next one is found again.
pub fn printed_pages(pdf: Arc<Vec<u8>>, text: &PdfText, blocks: &[Block]) -> PrintedPages {
    let mut stream: Vec<char> = Vec::with_capacity(text.text.len());
    let mut line_of: Vec<u32> = Vec::with_capacity(text.text.len());
    for (index, line) in text.text.split_terminator('\n').enumerate() {
        for c in line.chars().filter(|c| c.is_alphanumeric()) {
            stream.push(c);
            line_of.push(index as u32);
        }
    }
    let mut cursor = 0;
    let regions = blocks
        .iter()
        .map(|block| {
            let key: Vec<char> = match block {
                Block::Heading(text) | Block::Text(text) => text,
                Block::Paragraph(paragraph) => &paragraph.text,
            }
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
            let Some((start, end)) = find_block(&stream, cursor, &key) else {
                return Vec::new();
            };
            cursor = end;
            let first = line_of[start] as usize;
            let last = line_of[end - 1] as usize;
            text.lines
                .get(first..=last)
                .map(merge_lines)
                .unwrap_or_default()
        })
        .collect();
    PrintedPages {
        pdf,
        sizes: text.page_sizes.clone(),
        regions,
    }
}

/// Where a block's letters and digits (`key`) stand in the stream, looked for from `cursor`:
/// its opening found near there, its close found after it (the parser may have dropped or
/// added a little in between).
fn find_block(stream: &[char], cursor: usize, key: &[char]) -> Option<(usize, usize)> {
    if key.is_empty() {
        return None;
    }
    let head = &key[..key.len().min(KEY_CHARS)];
    let reach = (cursor + key.len() * 2 + 4000).min(stream.len());
    let start = cursor + find(&stream[cursor.min(reach)..reach], head)?;
    let end = if stream[start..].starts_with(key) {
        start + key.len()
    } else {
        let tail = &key[key.len() - key.len().min(KEY_CHARS)..];
        let reach = (start + key.len() * 2 + 200).min(stream.len());
        find(&stream[start..reach], tail).map_or((start + key.len()).min(stream.len()), |at| {
            start + at + tail.len()
        })
    };
    Some((start, end.max(start + 1)))
}

fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Consecutive lines as rectangles: one per run of lines down one page's column (a new one
/// where the next line is on another page or higher up: the next column).
fn merge_lines(lines: &[Region]) -> Vec<Region> {
    let mut merged: Vec<Region> = Vec::new();
    for line in lines {
        match merged.last_mut() {
            Some(last) if last.page == line.page && line.top >= last.top => {
                last.left = last.left.min(line.left);
                last.right = last.right.max(line.right);
                last.bottom = last.bottom.max(line.bottom);
            }
            _ => merged.push(*line),
        }
    }
    merged
}

/// A page painted for the screen: premultiplied RGBA pixels, row by row.
#[derive(Clone, PartialEq, Eq)]
pub struct PageImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl PageImage {
    /// The darkest red value inside a region of the page painted at `scale` (0 for black type,
    /// 255 for white paper): whether anything is printed there.
    pub fn darkest(&self, scale: f32, region: &Region) -> u8 {
        #[allow(clippy::cast_sign_loss)] // clamped to the image first
        let pixels = |v: f32, limit: u32| (v * scale).clamp(0.0, limit as f32) as u32;
        let (left, right) = (
            pixels(region.left, self.width),
            pixels(region.right, self.width),
        );
        let (top, bottom) = (
            pixels(region.top, self.height),
            pixels(region.bottom, self.height),
        );
        (top..bottom)
            .flat_map(|y| (left..right).map(move |x| (y, x)))
            .filter_map(|(y, x)| self.rgba.get(((y * self.width + x) * 4) as usize))
            .copied()
            .min()
            .unwrap_or(u8::MAX)
    }
}

impl std::fmt::Debug for PageImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PageImage({}×{})", self.width, self.height)
    }
}

/// The largest side a painted page may have, in pixels (memory: 4 bytes a pixel).
pub const MAX_PAGE_PIXELS: f32 = 4096.0;

/// Paint pages of a PDF, one after another as `next` asks for them (page index and scale,
/// pixels per point), handing each to `done`, until `next` says `None`. One PDF and one font
/// cache serve every page: meant to run on a worker thread for as long as the report is shown.
pub fn paint_pages(
    pdf: Arc<Vec<u8>>,
    mut next: impl FnMut() -> Option<(usize, f32)>,
    mut done: impl FnMut(usize, f32, Result<PageImage, PdfError>),
) {
    let pdf = match std::panic::catch_unwind(|| open(pdf)) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => {
            while let Some((page, scale)) = next() {
                done(page, scale, Err(error.clone()));
            }
            return;
        }
        Err(_) => {
            while let Some((page, scale)) = next() {
                done(page, scale, Err(PdfError::Damaged));
            }
            return;
        }
    };
    let pages = pdf.pages();
    let mut cache = hayro::RenderCache::new();
    while let Some((index, scale)) = next() {
        let Some(page) = pages.get(index) else {
            done(index, scale, Err(PdfError::Damaged));
            continue;
        };
        let (width, height) = page.render_dimensions();
        // Never more than MAX_PAGE_PIXELS a side, whatever the page's size says.
        let scale = scale
            .min(MAX_PAGE_PIXELS / width.max(1.0))
            .min(MAX_PAGE_PIXELS / height.max(1.0))
            .max(0.05);
        let painted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            hayro::render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &hayro::RenderSettings::default(),
                &hayro::PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: hayro::vello_cpu::color::palette::css::WHITE,
                },
            )
        }));
        if let Ok(pixmap) = painted {
            let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
            let rgba =
                pixmap.take_rgba8(hayro::vello_cpu::peniko::ImageAlphaType::AlphaPremultiplied);
            done(
                index,
                scale,
                Ok(PageImage {
                    width,
                    height,
                    rgba,
                }),
            );
        } else {
            // The cache may hold half of what the failed page put in it.
            cache = hayro::RenderCache::new();
            done(index, scale, Err(PdfError::Damaged));
        }
    }
}

/// The size of the body text: the size most glyphs have.
fn body_size(pages: &[Collector]) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for glyph in pages.iter().flat_map(|page| &page.glyphs) {
        let key = (glyph.size * 10.0).round() as i64;
        match counts.iter_mut().find(|(size, _)| *size == key) {
            Some((_, count)) => *count += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map_or(10.0, |(size, _)| size as f64 / 10.0)
}

/// A printed line: its glyphs left to right, where it sits and how big its type is.
struct Line {
    y: f64,
    x: f64,
    /// Where the pen stands after its last glyph.
    right: f64,
    size: f64,
    text: String,
    /// The footnote mark painted just before it, if any.
    mark: Option<String>,
}

fn lay_out_page(index: usize, page: Collector, body_size: f64, out: &mut PdfText) {
    let Collector {
        width,
        height,
        glyphs,
        rules,
    } = page;
    let glyphs = without_fake_bold(glyphs);
    // Raised small glyphs are marks (footnote references), not text.
    let raised: Vec<bool> = glyphs
        .iter()
        .map(|glyph| is_mark(glyph, body_size, &glyphs))
        .collect();
    let mut marks = Vec::new();
    let mut text = Vec::with_capacity(glyphs.len());
    for (glyph, raised) in glyphs.into_iter().zip(raised) {
        if raised {
            marks.push(glyph);
        } else {
            text.push(glyph);
        }
    }
    let glyphs = text;
    let mut lines = in_reading_order(build_lines(glyphs, &marks), width, height);
    for line in &mut lines {
        line.mark = marks
            .iter()
            .filter(|mark| {
                mark.y < line.y
                    && line.y - mark.y < line.size
                    && (line.x - mark.x).abs() < 2.0 * line.size
                    && mark.x <= line.x
            })
            .map(|mark| mark.text.clone())
            .reduce(|a, b| a + &b);
    }
    // The footnote rule: the highest thin wide rule in the lower half of the page.
    let rule = rules
        .iter()
        .filter(|(y, _)| *y > height * 0.5)
        .map(|(y, _)| *y)
        .fold(None, |highest: Option<f64>, y| {
            Some(highest.map_or(y, |h: f64| h.min(y)))
        });
    let mut footnote_bottom: Option<f64> = None;
    let mut last_body: Option<f64> = None;
    for line in lines {
        let small = line.size < body_size * 0.92;
        // Footnotes: small type just below the rule (or, without a rule, well below the last
        // body line in the page's lower part), one line close under the next.
        let starts_footnotes = small
            && footnote_bottom.is_none()
            && match rule {
                Some(rule) => line.y > rule && line.y - rule < body_size * 3.0,
                None => {
                    line.y > height * 0.7
                        && last_body.is_some_and(|body| line.y - body > body_size * 2.5)
                        && line.y < height * (1.0 - BOTTOM_BAND)
                }
            };
        let continues_footnotes =
            small && footnote_bottom.is_some_and(|bottom| line.y - bottom < line.size * 2.2);
        if starts_footnotes || continues_footnotes {
            match (&line.mark, out.footnotes.last_mut()) {
                (None, Some(last)) if continues_footnotes => {
                    last.push(' ');
                    last.push_str(&line.text);
                }
                (mark, _) => out.footnotes.push(match mark {
                    Some(mark) => format!("{mark} {}", line.text),
                    None => line.text.clone(),
                }),
            }
            footnote_bottom = Some(line.y);
            continue;
        }
        footnote_bottom = None;
        if line.y < height * TOP_BAND || line.y > height * (1.0 - BOTTOM_BAND) {
            let _ = writeln!(out.furniture, "{}", line.text);
            continue;
        }
        last_body = Some(line.y);
        let _ = writeln!(out.text, "{}", line.text);
        out.lines.push(Region {
            page: index,
            left: line.x as f32,
            // A line's type reaches about an em above its baseline and a quarter below.
            top: (line.y - line.size * 0.9) as f32,
            right: line.right.max(line.x) as f32,
            bottom: (line.y + line.size * 0.25) as f32,
        });
    }
}

/// Lines in the order a person reads them. On a page set in two columns — many rows with a
/// line on each side of one gutter — the left column is read down first, then the right one;
/// the running heads above and the footers below stay where they are.
fn in_reading_order(mut lines: Vec<Line>, width: f64, height: f64) -> Vec<Line> {
    let in_body = |line: &Line| line.y > height * TOP_BAND && line.y < height * (1.0 - BOTTOM_BAND);
    let middle = width / 2.0;
    let body_rows = lines.iter().filter(|line| in_body(line)).count();
    let right_starts: Vec<f64> = lines
        .iter()
        .filter(|line| in_body(line) && line.x > middle * 0.9)
        .filter(|line| {
            lines.iter().any(|other| {
                (other.y - line.y).abs() < line.size * 0.35 && other.x < middle && other.x < line.x
            })
        })
        .map(|line| line.x)
        .collect();
    // A table row or two side by side is not a column layout.
    if right_starts.len() < 6 || right_starts.len() * 3 < body_rows {
        return lines;
    }
    let gutter = right_starts.iter().copied().fold(f64::INFINITY, f64::min) - 1.0;
    let place = |line: &Line| -> u8 {
        if line.y <= height * TOP_BAND {
            0
        } else if line.y >= height * (1.0 - BOTTOM_BAND) {
            3
        } else if line.x < gutter {
            1
        } else {
            2
        }
    };
    // Stable: within a column the lines keep their order from the top.
    lines.sort_by_key(place);
    lines
}

/// Drop a glyph painted again at (nearly) the same place with the same text: fake bold, which
/// paints a line twice with an offset of a fraction of a point. Two equal letters side by side
/// (`tt`, `//`) are a letter's width apart and both stay.
fn without_fake_bold(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let cell = |v: f64| v.round() as i64;
    let mut seen: std::collections::HashMap<(String, i64, i64), (f64, f64)> =
        std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(glyphs.len());
    for glyph in glyphs {
        let tolerance = (glyph.size * 0.12).min(glyph.advance.unwrap_or(f64::MAX) * 0.4);
        let (x, y) = (cell(glyph.x), cell(glyph.y));
        let repeated = !glyph.text.trim().is_empty()
            && (x - 1..=x + 1).any(|cx| {
                (y - 1..=y + 1).any(|cy| {
                    seen.get(&(glyph.text.clone(), cx, cy))
                        .is_some_and(|(ex, ey)| {
                            (ex - glyph.x).abs() < tolerance && (ey - glyph.y).abs() < tolerance
                        })
                })
            });
        if repeated {
            continue;
        }
        seen.insert((glyph.text.clone(), x, y), (glyph.x, glyph.y));
        kept.push(glyph);
    }
    kept
}

/// A footnote mark: much smaller than body text, not whitespace, and raised above the baseline
/// of larger text beside it. Small type on its own baseline (a table in small print) is text.
fn is_mark(glyph: &Glyph, body_size: f64, page: &[Glyph]) -> bool {
    if glyph.size >= body_size * 0.7 || glyph.text.trim().is_empty() {
        return false;
    }
    page.iter().any(|text| {
        let raised = text.y - glyph.y;
        text.size > glyph.size * 1.25
            && raised > text.size * 0.1
            && raised < text.size
            && (text.x - glyph.x).abs() < text.size * 3.0
    })
}

/// Whether a character is set full width (CJK): it advances a whole em.
fn is_wide(c: char) -> bool {
    crate::parse::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FF60}').contains(&c)
}

/// Glyphs into lines: glyphs on one baseline, left to right; a space where the gap after a
/// glyph is wider than a fifth of an em beyond its likely width; a new line where the gap is a
/// column's (more than three ems).
fn build_lines(mut glyphs: Vec<Glyph>, marks: &[Glyph]) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baselines: glyphs within a third of an em of the first glyph of a row are on it.
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (glyph.y - row[0].y).abs() < row[0].size.max(glyph.size) * 0.35 => {
                row.push(glyph);
            }
            _ => rows.push(vec![glyph]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut line: Option<Line> = None;
        let mut pen = f64::NEG_INFINITY;
        let mut space_pending = false;
        for glyph in row {
            if glyph.text.trim().is_empty() {
                space_pending = true;
                pen = pen.max(glyph.x + glyph.advance.unwrap_or(glyph.size * 0.25));
                continue;
            }
            // A mark raised over this line between the pen and this glyph: the pen passes it,
            // so `CRP.1` + mark + `）` gets no space.
            for mark in marks {
                let raised = glyph.y - mark.y;
                if raised >= 0.0
                    && raised < glyph.size
                    && mark.x >= pen - glyph.size * 0.2
                    && mark.x < glyph.x
                {
                    pen = pen.max(mark.x + mark.advance.unwrap_or(mark.size * 0.5));
                }
            }
            let gap = glyph.x - pen;
            if gap > glyph.size * 3.0 {
                // A column's gap: what stands beyond it is a line of its own.
                lines.extend(line.take());
            } else if let Some(current) = &mut line
                && (space_pending || gap > glyph.size * 0.2)
                && !current.text.ends_with(' ')
            {
                current.text.push(' ');
            }
            let current = line.get_or_insert_with(|| Line {
                y: glyph.y,
                x: glyph.x,
                right: glyph.x,
                size: glyph.size,
                text: String::new(),
                mark: None,
            });
            current.size = current.size.max(glyph.size);
            current.text.push_str(&glyph.text);
            // Without the font's width, a full em for CJK and a narrow letter's for the rest:
            // a gap is rather missed than invented.
            let estimate = || {
                let em = if glyph.text.chars().all(is_wide) {
                    1.0
                } else {
                    0.6
                };
                em * glyph.size * glyph.text.chars().count().max(1) as f64
            };
            pen = glyph.x + glyph.advance.unwrap_or_else(estimate);
            current.right = pen;
            space_pending = false;
        }
        lines.extend(line);
    }
    for line in &mut lines {
        let trimmed = line.text.trim_end().len();
        line.text.truncate(trimmed);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF of one A4 page whose content stream is `content`, with Helvetica as /F1.
    fn pdf(content: &str) -> Vec<u8> {
        crate::synthetic::pdf_pages(&[content.to_owned()])
    }

    /// Text at (x, y) from the bottom of the page, in Helvetica at `size`.
    fn text(x: f64, y: f64, size: f64, text: &str) -> String {
        format!("BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n")
    }

    /// A UN-style English page: a running head and a footer, a heading, paragraphs with hanging
    /// numbers, a footnote mark after a symbol, a bold title painted twice, a footnote under its
    /// rule.
    fn un_page() -> Vec<u8> {
        let mut content = String::new();
        content += &text(72.0, 800.0, 9.0, "A/HRC/55/12");
        content += &text(230.0, 730.0, 14.0, "Annual report");
        content += &text(230.3, 730.0, 14.0, "Annual report");
        content += &text(72.0, 690.0, 12.0, "I. Introduction");
        content += &text(72.0, 660.0, 10.0, "1.");
        content += &text(
            100.0,
            660.0,
            10.0,
            "The Council considered the study (A/HRC/55/CRP.1)",
        );
        content += &text(347.0, 664.0, 6.0, "1");
        content += &text(356.0, 660.0, 10.0, "and welcomed it.");
        content += &text(72.0, 640.0, 10.0, "2.");
        content += &text(
            100.0,
            640.0,
            10.0,
            "It decided to remain seized of the matter.",
        );
        content += "0 g 72 120 120 0.5 re f\n";
        content += &text(72.0, 108.0, 5.0, "1");
        content += &text(80.0, 104.0, 8.0, "Available at www.ohchr.org.");
        content += &text(72.0, 30.0, 8.0, "GE.24-01234(E)");
        content += &text(500.0, 30.0, 8.0, "2/9");
        pdf(&content)
    }

    #[test]
    fn lines_roles_and_marks_come_from_positions() {
        let read = read(&un_page()).unwrap();
        let lines: Vec<&str> = read.text.lines().collect();
        assert_eq!(
            lines,
            [
                "Annual report",
                "I. Introduction",
                "1. The Council considered the study (A/HRC/55/CRP.1) and welcomed it.",
                "2. It decided to remain seized of the matter.",
            ],
            "fake bold once, the mark dropped, the hanging number on its line"
        );
        assert_eq!(read.furniture, "A/HRC/55/12\nGE.24-01234(E)\n2/9\n");
        assert_eq!(read.footnotes, ["1 Available at www.ohchr.org."]);
        let document = crate::parse::parse(&un_page()).unwrap();
        assert_eq!(document.symbol.as_deref(), Some("A/HRC/55/12"));
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(document.encoding, "PDF");
    }

    #[test]
    fn each_block_is_placed_where_the_page_paints_it() {
        let bytes = un_page();
        let document = crate::parse::parse(&bytes).unwrap();
        let printed = document.printed.as_ref().unwrap();
        assert_eq!(printed.sizes, [[595.0, 842.0]]);
        assert_eq!(printed.regions.len(), document.blocks.len());
        // Paragraph 1: the line at 660 pt from the bottom, from its hanging number at 72 pt
        // to past "welcomed it." (842 - 660 = 182 pt from the top).
        let first = document
            .blocks
            .iter()
            .position(|block| matches!(block, Block::Paragraph(p) if p.number == 1))
            .unwrap();
        let [region] = printed.regions[first][..] else {
            panic!("one region: {:?}", printed.regions[first]);
        };
        assert_eq!(region.page, 0);
        assert!((region.left - 72.0).abs() < 0.5, "{region:?}");
        assert!(
            region.top < 182.0 - 7.0 && region.top > 182.0 - 12.0,
            "{region:?}"
        );
        assert!(region.bottom > 182.0 && region.bottom < 185.0, "{region:?}");
        assert!(region.right > 400.0 && region.right < 480.0, "{region:?}");
        // Every block found, each below the one before.
        let tops: Vec<f32> = printed.regions.iter().map(|r| r[0].top).collect();
        assert!(tops.is_sorted(), "{tops:?}");

        // The painting agrees: type inside the region, white paper between the paragraphs.
        let mut images = Vec::new();
        let mut asked = vec![(0, 1.5)];
        paint_pages(
            Arc::new(bytes),
            || asked.pop(),
            |page, scale, image| images.push((page, scale, image)),
        );
        let [(0, scale, Ok(image))] = &images[..] else {
            panic!("{images:?}");
        };
        assert_eq!((image.width, image.height), (892, 1263));
        assert!(
            image.darkest(*scale, &region) < 100,
            "text is painted there"
        );
        let second = &printed.regions[first + 1][0];
        let between = Region {
            top: region.bottom + 1.0,
            bottom: second.top - 1.0,
            ..region
        };
        assert_eq!(
            image.darkest(*scale, &between),
            u8::MAX,
            "only paper between"
        );
    }

    #[test]
    fn a_paragraph_across_a_page_break_has_a_region_on_each_page() {
        let mut first = text(
            72.0,
            700.0,
            10.0,
            "1. The first paragraph begins on one page",
        );
        first += &text(
            72.0,
            686.0,
            10.0,
            "and runs on to the bottom of it, where it",
        );
        let mut second = text(72.0, 760.0, 10.0, "continues at the top of the next page.");
        second += &text(
            72.0,
            740.0,
            10.0,
            "2. The second paragraph stays on one page.",
        );
        let bytes = crate::synthetic::pdf_pages(&[first, second]);
        let document = crate::parse::parse(&bytes).unwrap();
        let printed = document.printed.as_ref().unwrap();
        let pages = |block: usize| -> Vec<usize> {
            printed.regions[block].iter().map(|r| r.page).collect()
        };
        assert_eq!(document.blocks.len(), 2, "{:?}", document.blocks);
        assert_eq!(pages(0), [0, 1]);
        assert_eq!(pages(1), [1]);
        assert_eq!(printed.page_of(1), Some(1));
    }

    #[test]
    fn pages_that_cannot_be_painted_are_said_to_be_damaged() {
        let mut answers = Vec::new();
        let mut asked = vec![(5, 1.0), (0, 1.0)];
        paint_pages(
            Arc::new(un_page()),
            || asked.pop(),
            |page, _, image| answers.push((page, image.map(|i| i.width))),
        );
        assert_eq!(answers, [(0, Ok(595)), (5, Err(PdfError::Damaged))]);
        let mut answers = Vec::new();
        let mut asked = vec![(0, 1.0)];
        paint_pages(
            Arc::new(b"%PDF-1.7 nothing".to_vec()),
            || asked.pop(),
            |page, _, image| answers.push((page, image.map(|i| i.width))),
        );
        assert_eq!(answers, [(0, Err(PdfError::Damaged))]);
    }

    #[test]
    fn small_print_on_its_own_baseline_is_text_not_a_mark() {
        let mut content = text(72.0, 700.0, 10.0, "1. The table below gives the figures.");
        content += &text(72.0, 680.0, 6.0, "Region 2019 2020");
        content += &text(72.0, 672.0, 6.0, "Africa 12 14");
        let read = read(&pdf(&content)).unwrap();
        assert_eq!(
            read.text.lines().collect::<Vec<_>>(),
            [
                "1. The table below gives the figures.",
                "Region 2019 2020",
                "Africa 12 14"
            ]
        );
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut content = text(72.0, 800.0, 9.0, "E/CN.7/2024/3");
        for row in 0..12 {
            let y = 700.0 - 14.0 * f64::from(row);
            content += &text(56.0, y, 10.0, &format!("left {row}"));
            content += &text(310.0, y, 10.0, &format!("right {row}"));
        }
        content += &text(500.0, 30.0, 8.0, "3/9");
        let read = read(&pdf(&content)).unwrap();
        let expected: Vec<String> = (0..12)
            .map(|row| format!("left {row}"))
            .chain((0..12).map(|row| format!("right {row}")))
            .collect();
        assert_eq!(read.text.lines().collect::<Vec<_>>(), expected);
        // One row side by side (a masthead) is not a column layout.
        let mut content = String::new();
        content += &text(56.0, 760.0, 10.0, "United Nations");
        content += &text(400.0, 760.0, 10.0, "Distr.: General");
        for row in 0..12 {
            content += &text(
                56.0,
                700.0 - 14.0 * f64::from(row),
                10.0,
                &format!("line {row}"),
            );
        }
        let read = super::read(&pdf(&content)).unwrap();
        let lines: Vec<&str> = read.text.lines().collect();
        assert_eq!(&lines[..3], ["United Nations", "Distr.: General", "line 0"]);
    }

    #[test]
    fn a_page_without_text_a_damaged_file_and_a_cut_one_are_told_apart() {
        // A scan: the page paints a picture and no text.
        let scan = pdf("q 500 0 0 700 40 60 cm 0.5 g 0 0 1 1 re f Q");
        assert_eq!(read(&scan), Err(PdfError::NoText { pages: 1 }));
        assert_eq!(read(b"%PDF-1.7\n%garbage"), Err(PdfError::Damaged));
        let whole = un_page();
        // Cut short: readers rebuild what they can, or say it is damaged; never a panic.
        for cut in [whole.len() / 3, whole.len() / 2, whole.len() - 40] {
            let _ = read(&whole[..cut]);
        }
    }
}

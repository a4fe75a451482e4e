//! The printed pages beside the text: pages of the report's PDF painted on a worker thread
//! (`import::pdf::paint_pages`), the last few kept as textures.
//!
//! The window says each frame which pages it wants, the most wanted first (the page on show,
//! then its neighbours); the worker takes them one at a time from that list, so pages scrolled
//! past before their turn are never painted. Memory stays bounded: at most `KEPT` textures,
//! the least recently shown dropped first, and one PDF with its font cache on the worker.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use crate::import::pdf::{self, PageImage, PdfError};

/// How many painted pages are kept: the one on show, its neighbours, and a few just left.
pub const KEPT: usize = 6;

/// A page at a scale (pixels per point, in quarter steps).
type Key = (usize, u32);

#[allow(clippy::cast_sign_loss)] // clamped to positive first
fn quarters(scale: f32) -> u32 {
    (scale * 4.0).ceil().clamp(1.0, 64.0) as u32
}

/// What the worker is asked for, shared with it.
#[derive(Debug, Default)]
struct Wanted {
    /// Pages to paint, the most wanted first.
    queue: VecDeque<Key>,
    /// The page being painted now.
    painting: Option<Key>,
    /// The window is done with this report: the worker stops.
    closed: bool,
}

/// One painted page.
struct Painted {
    key: Key,
    texture: egui::TextureHandle,
    /// The frame it was last shown in.
    shown: u64,
}

/// The pages of one PDF report, painted as they are asked for.
pub struct Pages {
    /// The PDF painted (told apart from another report's by identity).
    pdf: Arc<Vec<u8>>,
    wanted: Arc<(Mutex<Wanted>, Condvar)>,
    results: Receiver<(Key, Result<PageImage, PdfError>)>,
    painted: Vec<Painted>,
    failed: Vec<(usize, PdfError)>,
    frame: u64,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("painted", &self.painted.len())
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

/// What the window has of a page.
#[allow(missing_debug_implementations)] // egui's texture handle has none
#[derive(Clone, Copy)]
pub enum PageState<'a> {
    /// Painted (perhaps at another scale while the asked-for one is on its way).
    Painted(&'a egui::TextureHandle),
    /// Not yet.
    Painting,
    /// It cannot be painted.
    Failed(&'a PdfError),
}

impl Pages {
    /// Start a worker for this PDF; it wakes `ctx` when a page is ready.
    pub fn new(pdf: Arc<Vec<u8>>, ctx: &egui::Context) -> Self {
        let wanted = Arc::new((Mutex::new(Wanted::default()), Condvar::new()));
        let (sender, results) = std::sync::mpsc::channel();
        let shared = Arc::clone(&wanted);
        let ctx = ctx.clone();
        let kept = Arc::clone(&pdf);
        let spawned = std::thread::Builder::new()
            .name("paratag-pages".to_owned())
            .spawn(move || {
                let (lock, ready) = &*shared;
                let next = || {
                    let mut wanted = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    loop {
                        if wanted.closed {
                            return None;
                        }
                        if let Some(key) = wanted.queue.pop_front() {
                            wanted.painting = Some(key);
                            return Some((key.0, key.1 as f32 / 4.0));
                        }
                        wanted = ready.wait(wanted).unwrap_or_else(PoisonError::into_inner);
                    }
                };
                pdf::paint_pages(pdf, next, |page, scale, image| {
                    lock.lock().unwrap_or_else(PoisonError::into_inner).painting = None;
                    // The window may have gone meanwhile; then nobody needs the page.
                    let _ = sender.send(((page, quarters(scale)), image));
                    ctx.request_repaint();
                });
            });
        let mut pages = Self {
            pdf: kept,
            wanted,
            results,
            painted: Vec::new(),
            failed: Vec::new(),
            frame: 0,
        };
        if spawned.is_err() {
            // No thread to paint with: every page says so rather than waiting for ever.
            pages.failed.push((usize::MAX, PdfError::Damaged));
        }
        pages
    }

    /// The painter of `pdf`'s pages: `pages` when it paints them already, else a new one (the
    /// previous report's painter stops when it is dropped).
    pub fn of<'a>(
        pages: &'a mut Option<Self>,
        pdf: &Arc<Vec<u8>>,
        ctx: &egui::Context,
    ) -> &'a mut Self {
        if pages
            .as_ref()
            .is_none_or(|pages| !Arc::ptr_eq(&pages.pdf, pdf))
        {
            *pages = None;
        }
        pages.get_or_insert_with(|| Self::new(Arc::clone(pdf), ctx))
    }

    /// Take the pages painted since the last frame, and ask for `wanted` (most wanted first)
    /// at `scale` pixels per point; what is painted already, or being painted, is not asked
    /// for again.
    pub fn update(&mut self, ctx: &egui::Context, wanted: &[usize], scale: f32) {
        self.frame += 1;
        loop {
            match self.results.try_recv() {
                Ok((key, Ok(image))) => self.keep(ctx, key, &image),
                Ok(((page, _), Err(error))) => self.failed.push((page, error)),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        let scale = quarters(scale);
        let (lock, ready) = &*self.wanted;
        let mut shared = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let queue: VecDeque<Key> = wanted
            .iter()
            .map(|page| (*page, scale))
            .filter(|key| {
                shared.painting != Some(*key)
                    && !self.painted.iter().any(|p| p.key == *key)
                    && !self.failed.iter().any(|(page, _)| *page == key.0)
            })
            .collect();
        if shared.queue != queue {
            shared.queue = queue;
            ready.notify_one();
        }
    }

    fn keep(&mut self, ctx: &egui::Context, key: Key, image: &PageImage) {
        let size = [image.width as usize, image.height as usize];
        let image = egui::ColorImage::from_rgba_premultiplied(size, &image.rgba);
        let texture = ctx.load_texture(
            format!("page {} at {}", key.0, key.1),
            image,
            egui::TextureOptions::LINEAR,
        );
        self.painted.retain(|painted| painted.key != key);
        self.painted.push(Painted {
            key,
            texture,
            shown: self.frame,
        });
        // The least recently shown go first (dropping the handle frees the texture).
        while self.painted.len() > KEPT {
            if let Some(oldest) = self
                .painted
                .iter()
                .enumerate()
                .min_by_key(|(_, painted)| painted.shown)
                .map(|(index, _)| index)
            {
                self.painted.remove(oldest);
            }
        }
    }

    /// A page to show: painted at the scale closest to `scale`, else what is known of it.
    pub fn page(&mut self, page: usize, scale: f32) -> PageState<'_> {
        if let Some((_, error)) = self
            .failed
            .iter()
            .find(|(failed, _)| *failed == page || *failed == usize::MAX)
        {
            return PageState::Failed(error);
        }
        let wanted = quarters(scale);
        let frame = self.frame;
        match self
            .painted
            .iter_mut()
            .filter(|painted| painted.key.0 == page)
            .min_by_key(|painted| painted.key.1.abs_diff(wanted))
        {
            Some(painted) => {
                painted.shown = frame;
                PageState::Painted(&painted.texture)
            }
            None => PageState::Painting,
        }
    }

    /// How many pages are kept painted.
    pub fn kept(&self) -> usize {
        self.painted.len()
    }
}

impl Drop for Pages {
    fn drop(&mut self) {
        let (lock, ready) = &*self.wanted;
        lock.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
        ready.notify_all();
    }
}

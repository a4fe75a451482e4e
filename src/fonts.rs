//! The app's fonts: egui's own, plus a Chinese font shipped in `assets/` so that no character
//! of a Chinese report depends on what the machine has installed. The same function sets up
//! the window and every UI test (`egui_kittest` panics on a missing glyph).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The shipped Chinese font ([`crate::shipped_font`]).
pub const CJK_FONT: &[u8] = crate::shipped_font::BYTES;

const CJK_FONT_NAME: &str = crate::shipped_font::NAME;

/// egui's default fonts with the Chinese font first for proportional text (so Chinese
/// punctuation and Latin in a Chinese report share one design) and as a fallback for
/// monospace. Characters outside the subset still fall back to system fonts in the app.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, CJK_FONT_NAME.to_owned());
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(CJK_FONT_NAME.to_owned());
    fonts
}

/// Install paratag's fonts in a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

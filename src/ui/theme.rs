//! Colours with a meaning: each tag has its own, readable on light and dark backgrounds.

use egui::{Color32, Visuals};

use crate::annotations::Tag;

/// The colour of a tag's mark and button.
pub fn tag_color(tag: Tag, visuals: &Visuals) -> Color32 {
    let [r, g, b] = if visuals.dark_mode {
        tag.color_on_dark()
    } else {
        tag.color()
    };
    Color32::from_rgb(r, g, b)
}

/// The background of the selected paragraph.
pub fn selection_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x2A, 0x33, 0x40)
    } else {
        Color32::from_rgb(0xEA, 0xF1, 0xFB)
    }
}

/// The background of a search match, and of the match the user is on.
pub fn match_fill(visuals: &Visuals, current: bool) -> Color32 {
    match (visuals.dark_mode, current) {
        (false, false) => Color32::from_rgb(0xFF, 0xEB, 0x99),
        (false, true) => Color32::from_rgb(0xFF, 0xB8, 0x4D),
        (true, false) => Color32::from_rgb(0x6B, 0x5B, 0x1E),
        (true, true) => Color32::from_rgb(0xA3, 0x6A, 0x12),
    }
}

/// The selected paragraph's place on a printed page: a highlighter's yellow over white paper
/// (the page is paper in dark mode too), and its outline.
pub fn page_highlight() -> (Color32, Color32) {
    (
        Color32::from_rgba_unmultiplied(0xFF, 0xC8, 0x00, 70),
        Color32::from_rgb(0xE0, 0x8A, 0x00),
    )
}

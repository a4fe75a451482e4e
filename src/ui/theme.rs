//! Colours with a meaning: each tag has its own, readable on light and dark backgrounds.

use eframe::egui::{Color32, Visuals};

use crate::annotations::Tag;

/// The colour of a tag's mark and button.
pub fn tag_color(tag: Tag, visuals: &Visuals) -> Color32 {
    match (tag, visuals.dark_mode) {
        (Tag::Challenge, false) => Color32::from_rgb(0xC0, 0x39, 0x2B),
        (Tag::Challenge, true) => Color32::from_rgb(0xFF, 0x7B, 0x72),
        (Tag::GoodPractice, false) => Color32::from_rgb(0x1E, 0x84, 0x49),
        (Tag::GoodPractice, true) => Color32::from_rgb(0x56, 0xD3, 0x64),
        (Tag::Proposal, false) => Color32::from_rgb(0x1F, 0x5F, 0xC8),
        (Tag::Proposal, true) => Color32::from_rgb(0x79, 0xC0, 0xFF),
    }
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

//! UI preferences, kept in eframe's storage. Never annotations: eframe's storage is a plain
//! overwrite that falls back silently to defaults, which is fine for a zoom level and fatal
//! for a delegate's work.

use serde::{Deserialize, Serialize};

use crate::i18n::UiLanguage;

/// The key under which the preferences are stored.
pub const STORAGE_KEY: &str = "paratag.preferences";

/// How the window looks; restored at start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub zoom: f32,
    pub dark_mode: bool,
    pub ui_language: UiLanguage,
    pub show_outline: bool,
    /// The printed page beside the text (View ▸ Original page), for reports from a PDF.
    pub show_original_page: bool,
    /// Reports and tags files opened or saved lately, the newest first.
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            dark_mode: false,
            ui_language: UiLanguage::English,
            show_outline: true,
            show_original_page: false,
            recent: Vec::new(),
        }
    }
}

impl Preferences {
    pub const MIN_ZOOM: f32 = 0.6;
    pub const MAX_ZOOM: f32 = 2.5;
    const ZOOM_STEP: f32 = 0.1;

    /// The defaults for this machine: the interface in the system's language.
    pub fn for_system() -> Self {
        Self {
            ui_language: UiLanguage::from_system(),
            ..Self::default()
        }
    }

    /// How many recent files File ▸ Open recent lists.
    pub const RECENT_COUNT: usize = 8;

    /// Put a file at the top of the recent files.
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|known| *known != path);
        self.recent.insert(0, path);
        self.recent.truncate(Self::RECENT_COUNT);
    }

    pub fn zoom_in(&mut self) {
        self.zoom = (self.zoom + Self::ZOOM_STEP).min(Self::MAX_ZOOM);
    }

    pub fn zoom_out(&mut self) {
        self.zoom = (self.zoom - Self::ZOOM_STEP).max(Self::MIN_ZOOM);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_stays_in_bounds() {
        let mut preferences = Preferences::default();
        for _ in 0..100 {
            preferences.zoom_in();
        }
        assert!((preferences.zoom - Preferences::MAX_ZOOM).abs() < f32::EPSILON);
        for _ in 0..100 {
            preferences.zoom_out();
        }
        assert!((preferences.zoom - Preferences::MIN_ZOOM).abs() < f32::EPSILON);
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let stored: Preferences = ron::from_str("(zoom: 1.5)").unwrap();
        assert!((stored.zoom - 1.5).abs() < f32::EPSILON);
        assert!(stored.show_outline);
    }
}

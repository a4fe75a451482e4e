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
    /// The name recorded with each annotation the user makes or changes, so that colleagues
    /// merging tags files see who tagged what; empty: the system's user name.
    pub author: String,
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
            author: String::new(),
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

    /// The name recorded with the user's annotations: theirs as set, else the system's user
    /// name (none when neither is known).
    pub fn author_name(&self) -> Option<String> {
        let name = self.author.trim();
        let name = if name.is_empty() {
            crate::export::system_user()
        } else {
            name.to_owned()
        };
        (!name.is_empty()).then_some(name)
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
        self.zoom = Self::on_step(self.zoom + Self::ZOOM_STEP).min(Self::MAX_ZOOM);
    }

    pub fn zoom_out(&mut self) {
        self.zoom = Self::on_step(self.zoom - Self::ZOOM_STEP).max(Self::MIN_ZOOM);
    }

    /// A zoom on the nearest step: adding tenths in floating point drifts (four steps out and
    /// four in gave 1.0000001, and the reader was never again at 100%, nor its row heights'
    /// cache key the one it had there).
    fn on_step(zoom: f32) -> f32 {
        (zoom / Self::ZOOM_STEP).round() * Self::ZOOM_STEP
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_in_and_back_out_comes_back_to_exactly_100_percent() {
        let at_100 = |preferences: &Preferences| preferences.zoom.to_bits() == 1.0_f32.to_bits();
        // Up to the largest zoom (15 steps) and back, and down to the smallest (4) and back.
        for steps in 1..=15 {
            let mut preferences = Preferences::default();
            (0..steps).for_each(|_| preferences.zoom_in());
            (0..steps).for_each(|_| preferences.zoom_out());
            assert!(
                at_100(&preferences),
                "{steps} in, {steps} out: {}",
                preferences.zoom
            );
        }
        for steps in 1..=4 {
            let mut preferences = Preferences::default();
            (0..steps).for_each(|_| preferences.zoom_out());
            (0..steps).for_each(|_| preferences.zoom_in());
            assert!(
                at_100(&preferences),
                "{steps} out, {steps} in: {}",
                preferences.zoom
            );
        }
        let mut preferences = Preferences::default();
        (0..30).for_each(|_| preferences.zoom_out());
        assert_eq!(preferences.zoom.to_bits(), Preferences::MIN_ZOOM.to_bits());
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let stored: Preferences = ron::from_str("(zoom: 1.5)").unwrap();
        assert!((stored.zoom - 1.5).abs() < f32::EPSILON);
        assert!(stored.show_outline);
    }
}

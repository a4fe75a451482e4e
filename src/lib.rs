//! paratag: a reader and annotator for United Nations reports.
//!
//! Four layers, arrows one way. The domain — [`document`] model, report [`parse`]r and
//! [`import`] of PDF and Word files, [`annotations`], edit [`history`], the
//! [`tagged_report`] that owns them, [`search`], [`export`], [`outline`] rendering — imports
//! no UI crate and is tested on its own. The `app` turns `command`s into effects and edits and
//! owns unsaved state; `ui` draws panels and pushes commands; `window` is the composition root,
//! the only module that knows eframe.

pub mod annotations;
#[cfg(feature = "gui")]
pub mod app;
pub mod briefing;
pub mod builtin_report;
#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "gui")]
pub mod command;
#[cfg(feature = "cli")]
pub mod desktop;
pub mod document;
pub mod export;
#[cfg(feature = "gui")]
pub mod fonts;
pub mod history;
#[cfg(feature = "cli")]
pub mod i18n;
pub mod import;
pub mod merge;
pub mod numerals;
pub mod outline;
pub mod parallel;
pub mod parse;
#[cfg(any(test, feature = "testing"))]
pub mod scratch;
pub mod search;
pub mod shipped_font;
pub mod storage;
pub mod suggest;
pub mod synthetic;
pub mod tagged_report;
pub mod tags_file;
#[cfg(feature = "gui")]
pub mod ui;
#[cfg(feature = "gui")]
pub mod window;

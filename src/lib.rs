//! paratag: a reader and annotator for United Nations reports.
//!
//! Three layers, arrows one way. The domain — [`document`] model, report [`parse`]r,
//! [`annotations`], edit [`history`], [`search`], [`outline`] rendering — imports no UI crate and
//! is tested on its own. The [`app`] turns [`command`]s into edits and owns undo and unsaved
//! state; [`ui`] draws panels and pushes commands.

pub mod annotations;
pub mod app;
pub mod cli;
pub mod command;
pub mod document;
pub mod export;
pub mod fonts;
pub mod history;
pub mod i18n;
pub mod outline;
pub mod parse;
pub mod sample;
pub mod search;
pub mod seed;
pub mod storage;
pub mod tags_file;
pub mod ui;

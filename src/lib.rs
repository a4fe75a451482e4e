//! paratag: a reader and annotator for United Nations reports.
//!
//! The domain — [`document`] model, report [`parse`]r, [`outline`] rendering — imports no UI
//! crate and is tested on its own; the window lives in [`app`] and [`ui`].

pub mod app;
pub mod cli;
pub mod document;
pub mod outline;
pub mod parse;
pub mod seed;
pub mod ui;

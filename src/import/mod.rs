//! Reports as delegates receive them: formats other than plain text, turned into the text the
//! report parser reads. Plain Rust, no UI; each format's reader bounds what it inflates.

pub mod doc;
pub mod docx;
pub mod odt;
pub mod package;
pub mod pdf;

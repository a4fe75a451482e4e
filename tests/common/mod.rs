//! What several test files share.

use std::path::PathBuf;

/// The RON example of docs/tags-format.md: three annotations on the built-in report.
///
/// # Panics
/// When the document has no RON example (the test set-up is broken).
#[allow(clippy::unwrap_used)]
pub fn documented_tags() -> String {
    let doc = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/tags-format.md"),
    )
    .unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    doc[start..start + doc[start..].find("```").unwrap()].to_owned()
}

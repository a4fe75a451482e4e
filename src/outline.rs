//! A document's outline for scripts and people: `paratag outline FILE [--json]`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::document::{Block, Document};

/// The JSON form: `{"symbol", "title", "meeting", "language", "blocks": [{"kind", …}],
/// "footnotes", "removed"}`.
#[derive(Serialize)]
struct OutlineJson<'a> {
    symbol: Option<&'a str>,
    /// The title's lines as the cover page prints them (empty: none printed).
    title: Vec<String>,
    /// The meeting's parts as printed (empty: none printed).
    meeting: Vec<String>,
    language: &'a str,
    blocks: Vec<BlockJson<'a>>,
    footnotes: &'a [String],
    removed: &'a [String],
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum BlockJson<'a> {
    Heading { text: &'a str },
    Paragraph { number: u32, text: &'a str },
    Text { text: &'a str },
}

/// The outline as one pretty-printed JSON object.
pub fn to_json(document: &Document) -> String {
    let front = crate::parse::front_matter(document);
    let outline = OutlineJson {
        symbol: document.symbol.as_deref(),
        title: front.title,
        meeting: front.meeting,
        language: document.language.code(),
        blocks: document
            .blocks
            .iter()
            .map(|block| match block {
                Block::Heading(text) => BlockJson::Heading { text },
                Block::Paragraph(paragraph) => BlockJson::Paragraph {
                    number: paragraph.number,
                    text: &paragraph.text,
                },
                Block::Text(text) => BlockJson::Text { text },
            })
            .collect(),
        footnotes: &document.footnotes,
        removed: &document.removed,
    };
    // Serialising plain strings and numbers cannot fail; an empty object would hide a bug,
    // so the error text is returned instead.
    serde_json::to_string_pretty(&outline).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// How many characters of each paragraph the readable outline shows.
const PREVIEW_CHARS: usize = 48;

/// A readable outline: a summary line, headings, paragraph numbers with the start of their
/// text, then footnotes and the furniture that was removed.
pub fn to_text(document: &Document) -> String {
    let paragraphs = document.paragraphs().count();
    let headings = document.headings().count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} ({}) · {paragraphs} paragraphs, {headings} headings, {} footnotes, {} furniture lines removed · read as {}",
        document.symbol.as_deref().unwrap_or("(no symbol found)"),
        document.language.english_name(),
        document.language.code(),
        document.footnotes.len(),
        document.removed.len(),
        document.encoding,
    );
    let front = crate::parse::front_matter(document);
    if !front.title.is_empty() {
        let _ = writeln!(out, "Title: {}", front.title.join(" — "));
    }
    if let Some(meeting) = front.meeting_line(document.language) {
        let _ = writeln!(out, "Meeting: {meeting}");
    }
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                let _ = write!(out, "\n{text}\n");
            }
            Block::Paragraph(paragraph) => {
                let _ = writeln!(out, "{:>5}. {}", paragraph.number, preview(&paragraph.text));
            }
            Block::Text(text) => {
                let _ = writeln!(out, "       {}", preview(text));
            }
        }
    }
    if !document.footnotes.is_empty() {
        out.push_str("\nFootnotes:\n");
        for footnote in &document.footnotes {
            let _ = writeln!(out, "  {footnote}");
        }
    }
    if !document.removed.is_empty() {
        out.push_str("\nRemoved (page furniture):\n");
        for line in &document.removed {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The first line of a text, shortened to [`PREVIEW_CHARS`] characters with an ellipsis.
fn preview(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or_default();
    let mut chars = first_line.chars();
    let shown: String = chars.by_ref().take(PREVIEW_CHARS).collect();
    if chars.next().is_some() || text.contains('\n') {
        format!("{shown}…")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin_report;

    #[test]
    fn json_has_the_documented_shape() {
        let document = builtin_report::document().unwrap();
        let json: serde_json::Value = serde_json::from_str(&to_json(&document)).unwrap();
        assert_eq!(json["symbol"], "CAC/COSP/WG.2/2017/L.1/Add.1");
        assert_eq!(json["language"], "zh");
        let blocks = json["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 24);
        assert_eq!(blocks[0]["kind"], "heading");
        assert_eq!(blocks[0]["text"], "三. 追回资产任务授权的执行进展概览");
        assert_eq!(blocks[1]["kind"], "paragraph");
        assert_eq!(blocks[1]["number"], 1);
        assert!(
            blocks[1]["text"]
                .as_str()
                .unwrap()
                .starts_with("秘书处概要介绍了")
        );
        assert_eq!(json["footnotes"], serde_json::json!([]));
        assert_eq!(json["removed"][2], "3/4 V.17-06068");
    }

    #[test]
    fn json_symbol_is_null_when_none_was_found() {
        let document = crate::parse::parse_text("1. A paragraph with no symbol anywhere.").unwrap();
        let json: serde_json::Value = serde_json::from_str(&to_json(&document)).unwrap();
        assert!(json["symbol"].is_null());
        assert_eq!(json["blocks"][0]["kind"], "paragraph");
    }

    #[test]
    fn text_outline_lists_headings_and_numbers() {
        let text = to_text(&builtin_report::document().unwrap());
        assert!(text.starts_with(
            "CAC/COSP/WG.2/2017/L.1/Add.1 · Chinese (zh) · 22 paragraphs, 2 headings"
        ));
        assert!(text.contains("\n三. 追回资产任务授权的执行进展概览\n    1. 秘书处概要介绍了"));
        assert!(text.contains("   22. 几名发言者指出其本国"));
        assert!(text.contains(
            "Removed (page furniture):\n  http://undocs.org/ch/CAC/COSP/WG.2/2017/CRP.1"
        ));
    }
}

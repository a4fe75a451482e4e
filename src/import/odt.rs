//! OpenDocument text (`.odt`, LibreOffice's own format): the report's text read straight from
//! the package, as a word processor shows it.
//!
//! The body (`content.xml`) is read in order — headings, paragraphs, lists, tables cell by cell,
//! sections, text boxes — with tracked deletions, hidden text, comments and footnote marks
//! left out. Numbered lists carry their numbers in their list style (`text:list-style`, in
//! `content.xml` or `styles.xml`), not in the text: they are computed as the word processor
//! prints them (level formats, prefixes and suffixes, start values, lists that continue the
//! numbering of an earlier one). The master pages' headers and footers are page furniture,
//! returned apart (the parser reads the symbol in the running heads); footnotes are returned
//! apart too.

use std::collections::HashMap;

use super::package::{Package, PackageError};

/// The text of an OpenDocument text, ready for the report parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OdtText {
    /// The body, one paragraph a line, numbers as printed.
    pub text: String,
    /// The headers' and footers' lines: page furniture, kept apart.
    pub furniture: String,
    /// The footnotes, in order, each starting with its number.
    pub footnotes: Vec<String>,
}

/// Why an OpenDocument text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OdtError {
    #[error("the OpenDocument file is damaged (its ZIP package cannot be read: {0})")]
    Package(String),
    #[error("the OpenDocument file has no text (content.xml is missing)")]
    NoBody,
    #[error("the OpenDocument file is damaged ({part} is not valid XML: {problem})")]
    Xml { part: String, problem: String },
    #[error("the OpenDocument file's {part} inflates to more than {limit_mib} MiB")]
    TooLarge { part: String, limit_mib: u64 },
    #[error(
        "the OpenDocument file is encrypted (protected with a password); save a copy without one"
    )]
    Encrypted,
}

impl From<PackageError> for OdtError {
    fn from(error: PackageError) -> Self {
        match error {
            PackageError::Damaged(problem) => Self::Package(problem),
            PackageError::Xml { part, problem } => Self::Xml { part, problem },
            PackageError::TooLarge { part, limit_mib } => Self::TooLarge { part, limit_mib },
            PackageError::Encrypted => Self::Encrypted,
        }
    }
}

/// The media type an OpenDocument text names in its first part.
const MEDIA_TYPE: &[u8] = b"application/vnd.oasis.opendocument.text";

/// Whether bytes are an OpenDocument text (or its template): a ZIP whose first, stored part
/// `mimetype` names it.
pub fn is_odt(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes[..bytes.len().min(160)]
            .windows(MEDIA_TYPE.len())
            .any(|window| window == MEDIA_TYPE)
}

type Node<'a, 'x> = roxmltree::Node<'a, 'x>;

/// An attribute by its local name (`text:style-name` → `style-name`).
fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|attribute| attribute.name() == name)
        .map(|attribute| attribute.value())
}

/// Read the text of an `.odt`.
pub fn read(bytes: &[u8]) -> Result<OdtText, OdtError> {
    let mut package = Package::open(bytes)?;
    let content = package.part("content.xml")?.ok_or(OdtError::NoBody)?;
    let styles = package.part("styles.xml")?;
    let content = super::package::xml("content.xml", &content)?;
    let styles = match &styles {
        Some(xml) => Some(super::package::xml("styles.xml", xml)?),
        None => None,
    };
    let mut lists = ListStyles::default();
    for document in std::iter::once(&content).chain(styles.as_ref()) {
        lists.read(document);
    }

    let mut reader = Reader {
        lists: &lists,
        counters: HashMap::new(),
        lines: Vec::new(),
        footnotes: Vec::new(),
    };
    if let Some(styles) = &styles {
        for page in styles
            .descendants()
            .filter(|node| node.tag_name().name() == "master-page")
        {
            for part in page.children().filter(|child| {
                matches!(
                    child.tag_name().name(),
                    "header"
                        | "footer"
                        | "header-left"
                        | "footer-left"
                        | "header-first"
                        | "footer-first"
                )
            }) {
                reader.block(part, None);
            }
        }
    }
    let furniture = std::mem::take(&mut reader.lines);
    reader.counters.clear();
    reader.footnotes.clear();
    if let Some(body) = content.descendants().find(|node| {
        node.tag_name().name() == "text"
            && node
                .parent_element()
                .is_some_and(|parent| parent.tag_name().name() == "body")
    }) {
        reader.block(body, None);
    }
    Ok(OdtText {
        text: reader.lines.join("\n"),
        furniture: furniture.join("\n"),
        footnotes: reader.footnotes,
    })
}

/// One level of a numbered list style.
#[derive(Clone, Debug, Default)]
struct Level {
    /// `1`, `a`, `A`, `i`, `I`, a CJK series, or empty for no number (a bullet).
    format: String,
    prefix: String,
    suffix: String,
    start: u32,
    /// How many levels the label shows (`1.2.` shows two).
    display: usize,
}

/// The list styles by name, each with its levels (from 1).
#[derive(Debug, Default)]
struct ListStyles(HashMap<String, Vec<Level>>);

impl ListStyles {
    fn read(&mut self, document: &roxmltree::Document<'_>) {
        for style in document
            .descendants()
            .filter(|node| node.tag_name().name() == "list-style")
        {
            let Some(name) = attribute(style, "name") else {
                continue;
            };
            let mut levels = vec![Level::default(); 10];
            for level in style.children().filter(Node::is_element) {
                let Some(index) = attribute(level, "level")
                    .and_then(|level| level.parse::<usize>().ok())
                    .filter(|level| (1..=10).contains(level))
                else {
                    continue;
                };
                if level.tag_name().name() != "list-level-style-number" {
                    continue;
                }
                levels[index - 1] = Level {
                    format: attribute(level, "num-format")
                        .unwrap_or_default()
                        .to_owned(),
                    prefix: attribute(level, "num-prefix")
                        .unwrap_or_default()
                        .to_owned(),
                    suffix: attribute(level, "num-suffix")
                        .unwrap_or_default()
                        .to_owned(),
                    start: attribute(level, "start-value")
                        .and_then(|start| start.parse().ok())
                        .unwrap_or(1),
                    display: attribute(level, "display-levels")
                        .and_then(|levels| levels.parse().ok())
                        .unwrap_or(1),
                };
            }
            self.0.insert(name.to_owned(), levels);
        }
    }
}

/// Where a list item stands: its list style and level (from 1).
#[derive(Clone, Copy, Debug)]
struct InList<'s> {
    style: &'s str,
    level: usize,
    /// The first paragraph of the item gets the number; the rest of the item does not.
    numbered: bool,
    /// `text:start-value` on the item: the number starts again there.
    restart: Option<u32>,
}

struct Reader<'l> {
    lists: &'l ListStyles,
    /// Per list style, the last number given at each level.
    counters: HashMap<String, Vec<u32>>,
    lines: Vec<String>,
    footnotes: Vec<String>,
}

impl Reader<'_> {
    /// Walk a block container (the body, a section, a cell, a header, a text box) in order.
    fn block(&mut self, node: Node<'_, '_>, list: Option<InList<'_>>) {
        let mut list = list;
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "p" | "h" => {
                    // Text boxes anchored in the paragraph come first, as their own lines.
                    for text_box in child
                        .descendants()
                        .filter(|node| node.tag_name().name() == "text-box")
                    {
                        self.block(text_box, None);
                    }
                    let text = self.paragraph_text(child);
                    // A heading numbered by the outline carries its number as last rendered.
                    let rendered = child
                        .children()
                        .find(|node| node.tag_name().name() == "number")
                        .and_then(|number| number.text())
                        .map(str::trim)
                        .filter(|number| !number.is_empty())
                        .map(str::to_owned);
                    let counted = list
                        .filter(|list| list.numbered)
                        .and_then(|list| self.label(list));
                    let label = rendered.or(counted);
                    if let Some(item) = &mut list {
                        item.numbered = false;
                        item.restart = None;
                    }
                    let text = text.trim();
                    let line = match label {
                        Some(label) if !text.is_empty() => format!("{label} {text}"),
                        _ => text.to_owned(),
                    };
                    if !line.is_empty() {
                        self.lines.push(line);
                    }
                }
                "list" => {
                    let style = attribute(child, "style-name")
                        .or(list.map(|list| list.style))
                        .unwrap_or_default();
                    let level = list.map_or(1, |list| list.level + 1);
                    let continues = attribute(child, "continue-numbering") == Some("true")
                        || attribute(child, "continue-list").is_some();
                    if level == 1 && !continues {
                        self.counters.remove(style);
                    }
                    for item in child.children().filter(Node::is_element) {
                        let numbered = item.tag_name().name() == "list-item";
                        let restart = attribute(item, "start-value").and_then(|v| v.parse().ok());
                        self.block(
                            item,
                            Some(InList {
                                style,
                                level,
                                numbered,
                                restart,
                            }),
                        );
                    }
                }
                // Not the document's text: deletions kept for review, the sequence and form
                // declarations, and a table's column and header-repeat bookkeeping.
                "tracked-changes" | "sequence-decls" | "variable-decls" | "user-field-decls"
                | "forms" | "table-columns" | "table-column" | "soft-page-break" => {}
                _ => self.block(child, list),
            }
        }
    }

    /// The number a list item is printed with, counting it.
    fn label(&mut self, list: InList<'_>) -> Option<String> {
        let levels = self.lists.0.get(list.style)?;
        let level = levels.get(list.level - 1)?;
        if level.format.is_empty() {
            return None;
        }
        let counters = self.counters.entry(list.style.to_owned()).or_default();
        counters.resize(list.level.max(counters.len()), 0);
        counters.truncate(list.level);
        let current = &mut counters[list.level - 1];
        *current = match list.restart {
            Some(start) => start,
            None if *current == 0 => level.start,
            None => *current + 1,
        };
        // Levels above that were never numbered count from their start.
        for (index, value) in counters.iter_mut().enumerate() {
            if *value == 0 {
                *value = levels.get(index).map_or(1, |level| level.start);
            }
        }
        let shown = level.display.clamp(1, list.level);
        let numbers: Vec<String> = (list.level - shown..list.level)
            .map(|index| {
                let format = levels.get(index).map_or("1", |level| level.format.as_str());
                format_number(counters[index], format)
            })
            .collect();
        Some(format!(
            "{}{}{}",
            level.prefix,
            numbers.join("."),
            level.suffix
        ))
    }

    /// A paragraph's text as printed: spans and links in order, `text:s` as its spaces, tabs
    /// and line breaks as whitespace; footnotes taken out (to `footnotes`), and no deleted or
    /// hidden text, comments, heading numbers kept from the last rendering, or text boxes.
    fn paragraph_text(&mut self, paragraph: Node<'_, '_>) -> String {
        let mut text = String::new();
        let mut stack: Vec<Node<'_, '_>> = paragraph.children().rev().collect();
        while let Some(node) = stack.pop() {
            if node.is_text() {
                text.push_str(node.text().unwrap_or_default());
                continue;
            }
            if !node.is_element() {
                continue;
            }
            match node.tag_name().name() {
                "s" => {
                    let count = attribute(node, "c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    text.extend(std::iter::repeat_n(' ', count));
                }
                "tab" => text.push('\t'),
                "line-break" => text.push('\n'),
                "note" => {
                    if attribute(node, "note-class") != Some("endnote") {
                        self.footnote(node);
                    }
                }
                // Not printed text here: comments, a change's marks, hidden text, a heading's
                // number as last rendered (the list style says it), text boxes (read apart).
                "annotation" | "annotation-end" | "change" | "change-start" | "change-end"
                | "hidden-text" | "hidden-paragraph" | "number" | "text-box"
                | "soft-page-break" | "bookmark" | "bookmark-start" | "bookmark-end" => {}
                _ => stack.extend(node.children().rev()),
            }
        }
        text
    }

    /// A footnote: its mark and its text, one line.
    fn footnote(&mut self, note: Node<'_, '_>) {
        let mark = note
            .children()
            .find(|child| child.tag_name().name() == "note-citation")
            .and_then(|citation| citation.text())
            .unwrap_or_default()
            .trim()
            .to_owned();
        let Some(body) = note
            .children()
            .find(|child| child.tag_name().name() == "note-body")
        else {
            return;
        };
        let mut parts = Vec::new();
        for paragraph in body.descendants().filter(|node| {
            matches!(node.tag_name().name(), "p" | "h")
                && node.tag_name().namespace() == note.tag_name().namespace()
        }) {
            let text = self.paragraph_text(paragraph);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                parts.push(text);
            }
        }
        let text = parts.join(" ");
        self.footnotes.push(if mark.is_empty() {
            text
        } else {
            format!("{mark} {text}")
        });
    }
}

/// A number in an OpenDocument numbering format.
fn format_number(value: u32, format: &str) -> String {
    let word_format = match format {
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        format if format.starts_with('一') || format.starts_with('壹') => "chineseCounting",
        format if format.starts_with('１') => "decimalFullWidth",
        _ => "decimal",
    };
    super::docx::format_number(value, word_format)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An `.odt` package with these parts (`mimetype` first, stored, as the format asks).
    pub(crate) fn package(content: &str, styles: Option<&str>) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            zip.start_file("mimetype", stored).unwrap();
            std::io::Write::write_all(&mut zip, MEDIA_TYPE).unwrap();
            let deflated = zip::write::SimpleFileOptions::default();
            zip.start_file("content.xml", deflated).unwrap();
            std::io::Write::write_all(&mut zip, content.as_bytes()).unwrap();
            if let Some(styles) = styles {
                zip.start_file("styles.xml", deflated).unwrap();
                std::io::Write::write_all(&mut zip, styles.as_bytes()).unwrap();
            }
            zip.finish().unwrap();
        }
        out.into_inner()
    }

    const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0""#;

    fn content(automatic_styles: &str, body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}><office:automatic-styles>{automatic_styles}</office:automatic-styles><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>{body}</office:text></office:body></office:document-content>"#
        )
    }

    /// A UN report as LibreOffice saves it: running heads in the master page, headings, and
    /// paragraphs numbered by a list style — split into several lists that continue one
    /// another around the headings, a table and a footnote between them.
    #[test]
    fn numbered_paragraphs_headings_tables_and_furniture() {
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}><office:styles><text:list-style style:name="Paras"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/></text:list-style></office:styles><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>A/HRC/55/12</text:p></style:header><style:footer><text:p>GE.24-01234(E)</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>"#
        );
        let body = r#"
<text:p>United Nations</text:p>
<text:h text:outline-level="1"><text:number>I.</text:number>Introduction</text:h>
<text:list text:style-name="Paras" xml:id="list1">
  <text:list-item><text:p>The Council<text:s text:c="2"/>considered the study<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Available at www.ohchr.org.</text:p></text:note-body></text:note>.</text:p></text:list-item>
  <text:list-item><text:p>It decided:<text:tracked-changes/></text:p>
    <text:list>
      <text:list-item><text:p>To remain seized<office:annotation><text:p>check</text:p></office:annotation>;</text:p></text:list-item>
      <text:list-item><text:p>To report back.</text:p></text:list-item>
    </text:list>
  </text:list-item>
</text:list>
<table:table><table:table-column/><table:table-row><table:table-cell><text:p>Region</text:p></table:table-cell><table:table-cell><text:p>2024</text:p></table:table-cell></table:table-row></table:table>
<text:h text:outline-level="1">II. Findings</text:h>
<text:list text:style-name="Paras" text:continue-numbering="true">
  <text:list-item><text:p>The findings<text:tab/>follow.</text:p></text:list-item>
</text:list>
<text:list text:style-name="Paras">
  <text:list-item text:start-value="4"><text:p>A list that starts at 4.</text:p></text:list-item>
</text:list>
"#;
        let bytes = package(&content("", body), Some(&styles));
        assert!(is_odt(&bytes));
        let read = read(&bytes).unwrap();
        assert_eq!(
            read.text.lines().collect::<Vec<_>>(),
            [
                "United Nations",
                "I. Introduction",
                "1. The Council  considered the study.",
                "2. It decided:",
                "(a) To remain seized;",
                "(b) To report back.",
                "Region",
                "2024",
                "II. Findings",
                "3. The findings\tfollow.",
                "4. A list that starts at 4.",
            ]
        );
        assert_eq!(read.furniture, "A/HRC/55/12\nGE.24-01234(E)");
        assert_eq!(read.footnotes, ["1 Available at www.ohchr.org."]);

        let document = crate::parse::parse(&bytes).unwrap();
        assert_eq!(document.symbol.as_deref(), Some("A/HRC/55/12"));
        assert_eq!(document.encoding, "OpenDocument (.odt)");
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(document.footnotes, ["1 Available at www.ohchr.org."]);
    }

    #[test]
    fn damaged_encrypted_and_bodiless_files_say_so() {
        let bytes = package(&content("", "<text:p>x"), None);
        assert!(matches!(read(&bytes), Err(OdtError::Xml { .. })));
        let mut cut = package(&content("", "<text:p>1. Text.</text:p>"), None);
        cut.truncate(cut.len() / 2);
        assert!(matches!(read(&cut), Err(OdtError::Package(_))));
        assert!(matches!(
            crate::parse::parse(&cut),
            Err(crate::parse::ParseError::Odt(OdtError::Package(_)))
        ));
        // A package with only its mimetype (as an encrypted file shows before its parts).
        let mut empty = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut empty);
            zip.start_file(
                "mimetype",
                zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Stored),
            )
            .unwrap();
            std::io::Write::write_all(&mut zip, MEDIA_TYPE).unwrap();
            zip.finish().unwrap();
        }
        assert_eq!(read(empty.get_ref()), Err(OdtError::NoBody));
    }
}

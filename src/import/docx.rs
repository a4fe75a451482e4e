//! Word documents (`.docx`): the report's text read straight from the package, as Word shows it.
//!
//! A `.docx` is a ZIP package of XML parts. The body (`word/document.xml`) is read in order —
//! paragraphs, tables cell by cell, content controls, text boxes — with deleted revisions,
//! hidden text, field codes and footnote marks left out. UN Word files number their paragraphs
//! with **automatic numbering**, so the printed numbers are not in the text: they are computed
//! as Word does from `word/numbering.xml` (abstract numbering levels, start values, overrides,
//! lower levels restarting) and the numbering the paragraph or its style asks for. Headers and
//! footers are page furniture, returned apart from the body (the parser reads the symbol in the
//! running heads); footnotes are returned apart too.
//!
//! Every part is read with a size limit, so a ZIP bomb is refused rather than inflated.

use std::collections::HashMap;

use super::package::{Package, PackageError};

/// The text of a Word document, ready for the report parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxText {
    /// The body, one paragraph a line, numbers as Word prints them.
    pub text: String,
    /// The headers' and footers' lines: page furniture, kept apart (the parser reads the
    /// symbol there and records them as removed).
    pub furniture: String,
    /// The footnotes, in order, each starting with its number.
    pub footnotes: Vec<String>,
}

/// Why a Word document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    #[error("the Word document is damaged (its ZIP package cannot be read: {0})")]
    Package(String),
    #[error("the Word document has no body (word/document.xml is missing)")]
    NoBody,
    #[error("the Word document is damaged ({part} is not valid XML: {problem})")]
    Xml { part: String, problem: String },
    #[error("the Word document's {part} inflates to more than {limit_mib} MiB")]
    TooLarge { part: String, limit_mib: u64 },
    #[error("the Word document is encrypted (protected with a password); save a copy without one")]
    Encrypted,
}

/// Read the text of a `.docx`.
pub fn read(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let mut package = Package::open(bytes)?;
    let document = package
        .part("word/document.xml")?
        .ok_or(DocxError::NoBody)?;
    let numbering = package.part("word/numbering.xml")?;
    let styles = package.part("word/styles.xml")?;
    let relations = package.part("word/_rels/document.xml.rels")?;
    let footnotes = package.part("word/footnotes.xml")?;

    let numbering = match &numbering {
        Some(xml) => Numbering::parse(&xml_document("word/numbering.xml", xml)?),
        None => Numbering::default(),
    };
    let styles = match &styles {
        Some(xml) => Styles::parse(&xml_document("word/styles.xml", xml)?),
        None => Styles::default(),
    };
    let mut furniture = Vec::new();
    // Headers and footers, in the order the package relates them.
    if let Some(relations) = &relations {
        let relations = xml_document("word/_rels/document.xml.rels", relations)?;
        let parts: Vec<String> = relations
            .descendants()
            .filter(|node| node.tag_name().name() == "Relationship")
            .filter(|node| {
                node.attribute("Type")
                    .is_some_and(|kind| kind.ends_with("/header") || kind.ends_with("/footer"))
            })
            .filter_map(|node| node.attribute("Target"))
            .map(|target| {
                format!(
                    "word/{}",
                    target.trim_start_matches('/').trim_start_matches("word/")
                )
            })
            .collect();
        for name in parts {
            if let Some(xml) = package.part(&name)? {
                let part = xml_document(&name, &xml)?;
                let mut counters = Counters::default();
                collect_block(
                    part.root_element(),
                    &styles,
                    &numbering,
                    &mut counters,
                    &mut furniture,
                );
            }
        }
    }
    let mut lines = Vec::new();
    let body = xml_document("word/document.xml", &document)?;
    let mut counters = Counters::default();
    collect_block(
        body.root_element(),
        &styles,
        &numbering,
        &mut counters,
        &mut lines,
    );

    let footnotes = match &footnotes {
        Some(xml) => read_footnotes(&xml_document("word/footnotes.xml", xml)?),
        None => Vec::new(),
    };
    Ok(DocxText {
        text: lines.join("\n"),
        furniture: furniture.join("\n"),
        footnotes,
    })
}

fn xml_document<'x>(part: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, DocxError> {
    super::package::xml(part, xml).map_err(DocxError::from)
}

impl From<PackageError> for DocxError {
    fn from(error: PackageError) -> Self {
        match error {
            PackageError::Damaged(problem) => Self::Package(problem),
            PackageError::Xml { part, problem } => Self::Xml { part, problem },
            PackageError::TooLarge { part, limit_mib } => Self::TooLarge { part, limit_mib },
            PackageError::Encrypted => Self::Encrypted,
        }
    }
}

type Node<'a, 'x> = roxmltree::Node<'a, 'x>;

/// The `w:val` (or any namespace's `val`) attribute of a node.
fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|attribute| attribute.name() == "val")
        .map(|attribute| attribute.value())
}

/// An attribute by its local name.
fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|attribute| attribute.name() == name)
        .map(|attribute| attribute.value())
}

fn child<'a, 'x>(node: Node<'a, 'x>, name: &str) -> Option<Node<'a, 'x>> {
    node.children()
        .find(|child| child.tag_name().name() == name)
}

/// Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`) is on.
fn is_on(node: Node<'_, '_>) -> bool {
    !matches!(val(node), Some("0" | "false" | "off"))
}

/// Walk a block container (body, cell, header, text box) in order, adding a line per paragraph.
fn collect_block(
    node: Node<'_, '_>,
    styles: &Styles,
    numbering: &Numbering,
    counters: &mut Counters,
    lines: &mut Vec<String>,
) {
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "p" => {
                // Text boxes anchored in the paragraph come first, as their own lines.
                for text_box in child
                    .descendants()
                    .filter(|node| node.tag_name().name() == "txbxContent")
                    .filter(|node| !node.ancestors().any(|a| a.tag_name().name() == "Fallback"))
                {
                    collect_block(text_box, styles, numbering, counters, lines);
                }
                let text = paragraph_text(child);
                let label = paragraph_properties(child, styles)
                    .and_then(|(num_id, level)| numbering.label(num_id, level, counters));
                let line = match label {
                    Some(label) if !text.trim().is_empty() => format!("{label} {}", text.trim()),
                    _ => text.trim().to_owned(),
                };
                if !line.is_empty() {
                    lines.push(line);
                }
            }
            // Deleted content is not the document; section and table properties hold no text.
            "del" | "moveFrom" | "sectPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" => {}
            _ => collect_block(child, styles, numbering, counters, lines),
        }
    }
}

/// The paragraph's text as Word shows it: runs in order, tabs and breaks as whitespace, without
/// deleted or hidden text, field codes, footnote marks or text boxes (read on their own).
fn paragraph_text(paragraph: Node<'_, '_>) -> String {
    let mut text = String::new();
    let mut stack: Vec<Node<'_, '_>> = paragraph.children().rev().collect();
    while let Some(node) = stack.pop() {
        if !node.is_element() {
            continue;
        }
        match node.tag_name().name() {
            "t" => text.push_str(node.text().unwrap_or_default()),
            "tab" | "ptab" => text.push('\t'),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('-'),
            "r" if run_is_hidden(node) => {}
            // Not printed text: deletions, field codes, marks of notes, properties, drawings'
            // fallbacks (the same drawing twice) and text boxes.
            "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "footnoteReference"
            | "endnoteReference" | "commentReference" | "pPr" | "rPr" | "Fallback"
            | "txbxContent" | "softHyphen" => {}
            _ => stack.extend(node.children().rev()),
        }
    }
    text
}

fn run_is_hidden(run: Node<'_, '_>) -> bool {
    child(run, "rPr")
        .and_then(|properties| child(properties, "vanish"))
        .is_some_and(is_on)
}

/// The numbering a paragraph asks for: `(numId, level)` from its own properties or its style's
/// (following `basedOn`). `numId` 0 switches numbering off.
fn paragraph_properties(paragraph: Node<'_, '_>, styles: &Styles) -> Option<(u32, u32)> {
    let properties = child(paragraph, "pPr");
    let own = properties.and_then(|properties| child(properties, "numPr"));
    let style = properties
        .and_then(|properties| child(properties, "pStyle"))
        .and_then(val);
    let (mut num_id, mut level) = (None, None);
    if let Some(own) = own {
        num_id = child(own, "numId")
            .and_then(val)
            .and_then(|v| v.parse().ok());
        level = child(own, "ilvl")
            .and_then(val)
            .and_then(|v| v.parse().ok());
    }
    if let Some(style) = style {
        let (style_num, style_level) = styles.numbering(style);
        num_id = num_id.or(style_num);
        level = level.or(style_level);
    }
    match num_id {
        Some(0) | None => None,
        Some(num_id) => Some((num_id, level.unwrap_or(0))),
    }
}

/// A paragraph style's own numbering (numId, ilvl) and the style it is based on.
#[derive(Debug)]
struct Style {
    num_id: Option<u32>,
    level: Option<u32>,
    based_on: Option<String>,
}

/// Paragraph styles by id.
#[derive(Debug, Default)]
struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    fn parse(xml: &roxmltree::Document<'_>) -> Self {
        let mut styles = HashMap::new();
        for style in xml
            .descendants()
            .filter(|node| node.tag_name().name() == "style")
        {
            let Some(id) = attribute(style, "styleId") else {
                continue;
            };
            let number = child(style, "pPr").and_then(|properties| child(properties, "numPr"));
            let num_id = number
                .and_then(|number| child(number, "numId"))
                .and_then(val)
                .and_then(|v| v.parse().ok());
            let level = number
                .and_then(|number| child(number, "ilvl"))
                .and_then(val)
                .and_then(|v| v.parse().ok());
            let based_on = child(style, "basedOn").and_then(val).map(str::to_owned);
            styles.insert(
                id.to_owned(),
                Style {
                    num_id,
                    level,
                    based_on,
                },
            );
        }
        Self { styles }
    }

    /// A style's numbering, inherited along `basedOn` (a loop ends the search).
    fn numbering(&self, style: &str) -> (Option<u32>, Option<u32>) {
        let (mut num_id, mut level) = (None, None);
        let mut current = Some(style);
        for _ in 0..16 {
            let Some(style) = current.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or(style.num_id);
            level = level.or(style.level);
            current = style.based_on.as_deref();
        }
        (num_id, level)
    }
}

/// One level of a numbering definition.
#[derive(Clone, Debug)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// `word/numbering.xml`: abstract definitions and the numbering instances that use them.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl
    abstracts: HashMap<u32, HashMap<u32, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl)
    instances: HashMap<u32, (u32, HashMap<u32, u32>)>,
}

/// The counters of each abstract numbering: Word continues one sequence across the instances
/// that share a definition, unless an instance overrides a level's start. A level is counted
/// from its start when it has not been used since a higher level moved on.
#[derive(Debug, Default)]
struct Counters {
    /// abstractNumId → counter by level (0 when the level has not been used since its restart)
    values: HashMap<u32, HashMap<u32, u32>>,
    /// Instances whose start overrides have been applied.
    started: std::collections::HashSet<u32>,
    /// Start values that instances set: (abstractNumId, level) → start.
    starts: HashMap<(u32, u32), u32>,
}

impl Numbering {
    fn parse(xml: &roxmltree::Document<'_>) -> Self {
        let mut numbering = Self::default();
        for node in xml.root_element().children().filter(Node::is_element) {
            match node.tag_name().name() {
                "abstractNum" => {
                    let Some(id) = attribute(node, "abstractNumId").and_then(|v| v.parse().ok())
                    else {
                        continue;
                    };
                    let levels = node
                        .children()
                        .filter(|child| child.tag_name().name() == "lvl")
                        .filter_map(|level| {
                            let ilvl = attribute(level, "ilvl")?.parse().ok()?;
                            Some((
                                ilvl,
                                Level {
                                    start: child(level, "start")
                                        .and_then(val)
                                        .and_then(|v| v.parse().ok())
                                        .unwrap_or(1),
                                    format: child(level, "numFmt")
                                        .and_then(val)
                                        .unwrap_or("decimal")
                                        .to_owned(),
                                    text: child(level, "lvlText")
                                        .and_then(val)
                                        .unwrap_or_default()
                                        .to_owned(),
                                },
                            ))
                        })
                        .collect();
                    numbering.abstracts.insert(id, levels);
                }
                "num" => {
                    let Some(id) = attribute(node, "numId").and_then(|v| v.parse().ok()) else {
                        continue;
                    };
                    let Some(abstract_id) = child(node, "abstractNumId")
                        .and_then(val)
                        .and_then(|v| v.parse().ok())
                    else {
                        continue;
                    };
                    let overrides = node
                        .children()
                        .filter(|child| child.tag_name().name() == "lvlOverride")
                        .filter_map(|level| {
                            let ilvl = attribute(level, "ilvl")?.parse().ok()?;
                            let start =
                                child(level, "startOverride").and_then(val)?.parse().ok()?;
                            Some((ilvl, start))
                        })
                        .collect();
                    numbering.instances.insert(id, (abstract_id, overrides));
                }
                _ => {}
            }
        }
        numbering
    }

    /// The label Word prints for the next paragraph of `num_id` at `level` ("12.", "(a)",
    /// "III."), counting it. `None` for bullets and unknown numberings.
    fn label(&self, num_id: u32, level: u32, counters: &mut Counters) -> Option<String> {
        let (abstract_id, overrides) = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let definition = levels.get(&level)?;
        let values = counters.values.entry(*abstract_id).or_default();
        if counters.started.insert(num_id) {
            // An instance that overrides a level's start restarts that level from it.
            for (ilvl, start) in overrides {
                values.remove(ilvl);
                counters.starts.insert((*abstract_id, *ilvl), *start);
            }
        }
        let starts = &counters.starts;
        let start = |ilvl: u32| {
            starts
                .get(&(*abstract_id, ilvl))
                .copied()
                .unwrap_or_else(|| levels.get(&ilvl).map_or(1, |level| level.start))
        };
        let next = values
            .get(&level)
            .map_or_else(|| start(level), |value| value.saturating_add(1));
        values.insert(level, next);
        // Deeper levels start again.
        values.retain(|ilvl, _| *ilvl <= level);
        if definition.format == "bullet" || definition.format == "none" {
            return None;
        }
        let mut label = String::new();
        let mut rest = definition.text.as_str();
        while let Some(at) = rest.find('%') {
            label.push_str(&rest[..at]);
            // `%1` … `%9`: the counter of that level, in that level's format.
            let digit = rest[at + 1..].chars().next().and_then(|d| d.to_digit(10));
            if let Some(n @ 1..=9) = digit {
                let ilvl = n - 1;
                let value = values.get(&ilvl).copied().unwrap_or_else(|| start(ilvl));
                let format = levels
                    .get(&ilvl)
                    .map_or("decimal", |level| level.format.as_str());
                label.push_str(&format_number(value, format));
                rest = &rest[at + 2..];
            } else {
                label.push('%');
                rest = &rest[at + 1..];
            }
        }
        label.push_str(rest);
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

/// A number in one of Word's formats.
pub(super) fn format_number(value: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerRoman" => crate::numerals::roman(value).to_lowercase(),
        "upperRoman" => crate::numerals::roman(value),
        "decimalZero" if value < 10 => format!("0{value}"),
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital" => crate::numerals::chinese(value),
        "decimalFullWidth" | "decimalFullWidth2" => value
            .to_string()
            .chars()
            .map(|digit| {
                char::from_u32(u32::from(digit) - u32::from('0') + 0xFF10).unwrap_or(digit)
            })
            .collect(),
        _ => value.to_string(),
    }
}

/// a, b, … z, aa, bb, … as Word counts letters.
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + ((value - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((value - 1) / 26 + 1) as usize).collect()
}

/// The footnotes' texts in order, each with its number (separators left out).
fn read_footnotes(xml: &roxmltree::Document<'_>) -> Vec<String> {
    xml.descendants()
        .filter(|node| node.tag_name().name() == "footnote")
        .filter(|node| {
            !matches!(
                attribute(*node, "type"),
                Some("separator" | "continuationSeparator" | "continuationNotice")
            )
        })
        .enumerate()
        .map(|(index, footnote)| {
            let text: Vec<String> = footnote
                .descendants()
                .filter(|node| node.tag_name().name() == "p")
                .map(|paragraph| paragraph_text(paragraph).trim().to_owned())
                .filter(|text| !text.is_empty())
                .collect();
            format!("{} {}", index + 1, text.join(" "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use docx_rs::{
        AbstractNumbering, Docx, Footer, Footnote, Header, IndentLevel, Level, LevelJc,
        LevelOverride, LevelText, NumberFormat, Numbering as DocxNumbering, NumberingId, Paragraph,
        Run, Start,
    };

    use super::*;

    /// A UN-style English report as Word writes it: the symbol in the header, the job number
    /// in the footer, headings numbered I., II. and paragraphs 1., 2. … by automatic numbering
    /// (one sequence across the headings), sub-items (a), (b), a footnote, a tracked deletion
    /// and hidden text, and an annex whose numbering restarts.
    fn un_report() -> Vec<u8> {
        let headings = AbstractNumbering::new(1).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("upperRoman"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        ));
        let paragraphs = AbstractNumbering::new(2)
            .add_level(Level::new(
                0,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            ))
            .add_level(Level::new(
                1,
                Start::new(1),
                NumberFormat::new("lowerLetter"),
                LevelText::new("(%2)"),
                LevelJc::new("left"),
            ));
        let numbered = |text: &str| {
            Paragraph::new()
                .add_run(Run::new().add_text(text))
                .numbering(NumberingId::new(2), IndentLevel::new(0))
        };
        let heading = |text: &str| {
            Paragraph::new()
                .add_run(Run::new().add_text(text))
                .numbering(NumberingId::new(1), IndentLevel::new(0))
        };
        let sub = |text: &str| {
            Paragraph::new()
                .add_run(Run::new().add_text(text))
                .numbering(NumberingId::new(2), IndentLevel::new(1))
        };
        let footnote = Footnote::new().add_content(
            Paragraph::new().add_run(Run::new().add_text("Available at www.unodc.org.")),
        );
        let mut docx = Docx::new()
            .add_abstract_numbering(headings)
            .add_abstract_numbering(paragraphs)
            .add_numbering(DocxNumbering::new(1, 1))
            .add_numbering(DocxNumbering::new(2, 2))
            .add_numbering(DocxNumbering::new(3, 2).add_override(LevelOverride::new(0).start(1)))
            .header(Header::new().add_paragraph(
                Paragraph::new().add_run(Run::new().add_text("CAC/COSP/WG.2/2024/2")),
            ))
            .footer(
                Footer::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text("V.24-01234 (E)"))),
            )
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Report on the meeting")))
            .add_paragraph(heading("Introduction"))
            .add_paragraph(numbered(
                "The Working Group met in Vienna on 5 and 6 June 2024 and adopted its agenda.",
            ))
            .add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("Speakers welcomed the study "))
                    .add_run(Run::new().add_text("(CAC/COSP/WG.2/2024/CRP.1)"))
                    .add_run(Run::new().add_footnote_reference(footnote))
                    .add_run(Run::new().add_text(" and noted:"))
                    .add_run(Run::new().add_text(" SECRET DRAFT NOTE").vanish())
                    .numbering(NumberingId::new(2), IndentLevel::new(0)),
            )
            .add_paragraph(sub("the need to share good practices;"))
            .add_paragraph(sub("the difficulties in mutual legal assistance."))
            .add_paragraph(heading("Recommendations"))
            .add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("The Working Group recommended "))
                    .add_run(Run::new().add_delete_text("strongly "))
                    .add_run(Run::new().add_text("that States parties share information."))
                    .numbering(NumberingId::new(2), IndentLevel::new(0)),
            )
            .add_paragraph(numbered(
                "It also proposed that the secretariat continue its work on asset returns.",
            ));
        docx = docx
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Annex")))
            .add_paragraph(
                Paragraph::new()
                    .add_run(
                        Run::new()
                            .add_text("An annex restarts the numbering of its paragraphs at one."),
                    )
                    .numbering(NumberingId::new(3), IndentLevel::new(0)),
            );
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).unwrap();
        bytes.into_inner()
    }

    #[test]
    fn automatic_numbers_are_printed_as_word_prints_them() {
        let word = read(&un_report()).unwrap();
        let lines: Vec<&str> = word.text.lines().collect();
        assert_eq!(word.furniture, "CAC/COSP/WG.2/2024/2\nV.24-01234 (E)");
        assert_eq!(lines[0], "Report on the meeting", "{lines:#?}");
        for expected in [
            "I. Introduction",
            "1. The Working Group met in Vienna",
            "2. Speakers welcomed the study (CAC/COSP/WG.2/2024/CRP.1) and noted:",
            "(a) the need to share good practices;",
            "(b) the difficulties in mutual legal assistance.",
            "II. Recommendations",
            "3. The Working Group recommended that States parties share information.",
            "4. It also proposed",
            "1. An annex restarts",
        ] {
            assert!(
                lines.iter().any(|line| line.starts_with(expected)),
                "no line starts with {expected:?}: {lines:#?}"
            );
        }
        assert!(
            !word.text.contains("SECRET"),
            "hidden text is not the document"
        );
        assert!(
            !word.text.contains("strongly"),
            "deleted text is not the document"
        );
        assert!(
            !word.text.contains("V.24-01234"),
            "footers are not the body"
        );
        assert!(
            !word.text.contains("CRP.12"),
            "the footnote mark is not glued to the symbol"
        );
        assert_eq!(word.footnotes, ["1 Available at www.unodc.org."]);
    }

    #[test]
    fn the_parser_reads_a_word_report_like_its_text() {
        let document = crate::parse::parse(&un_report()).unwrap();
        assert_eq!(document.symbol.as_deref(), Some("CAC/COSP/WG.2/2024/2"));
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 1]);
        assert_eq!(document.encoding, "Word (.docx)");
        assert_eq!(document.footnotes, ["1 Available at www.unodc.org."]);
        assert_eq!(document.removed, ["CAC/COSP/WG.2/2024/2", "V.24-01234 (E)"]);
        assert!(!document.blocks.iter().any(
            |block| matches!(block, crate::document::Block::Text(text) if text.contains("V.24"))
        ));
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(3, "chineseCounting"), "三");
        assert_eq!(format_number(14, "chineseCounting"), "十四");
        assert_eq!(format_number(21, "chineseCountingThousand"), "二十一");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn bad_packages_are_refused_with_a_reason() {
        let report = un_report();
        // Cut short: the central directory is gone.
        let cut = &report[..report.len() / 2];
        assert!(matches!(read(cut), Err(DocxError::Package(_))));
        // A ZIP without a Word body.
        let mut other = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut other);
            zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, b"<a/>").unwrap();
            zip.finish().unwrap();
        }
        assert_eq!(read(other.get_ref()), Err(DocxError::NoBody));
        // Broken XML in the body.
        let mut broken = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut broken);
            zip.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            std::io::Write::write_all(&mut zip, b"<w:document><w:body><w:p>").unwrap();
            zip.finish().unwrap();
        }
        assert!(matches!(read(broken.get_ref()), Err(DocxError::Xml { .. })));
        // A ZIP bomb: a few hundred kilobytes that would inflate past the limit.
        let mut bomb = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut bomb);
            zip.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            let spaces = vec![b' '; 1024 * 1024];
            for _ in 0..=crate::import::package::MAX_PART_BYTES / (1024 * 1024) {
                std::io::Write::write_all(&mut zip, &spaces).unwrap();
            }
            zip.finish().unwrap();
        }
        assert!(bomb.get_ref().len() < 1024 * 1024);
        assert!(matches!(
            read(bomb.get_ref()),
            Err(DocxError::TooLarge { .. })
        ));
    }
}

//! The document model: what paratag knows about a report once it has been parsed.
//!
//! Plain data with no UI dependency. Paragraph numbers are the printed ones: every language
//! version of a UN report carries the same numbers, so they are the key for tags and citations.

use std::fmt;

/// A parsed UN report.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The report's own symbol, e.g. `CAC/COSP/WG.2/2017/L.1/Add.1` (not the symbols it cites).
    pub symbol: Option<String>,

    /// The language the report is written in.
    pub language: Language,

    /// The encoding the text was read in (`UTF-8`, `UTF-16LE`, `gb18030` …).
    pub encoding: &'static str,

    /// Headings, numbered paragraphs and unnumbered text, in reading order.
    pub blocks: Vec<Block>,

    /// Footnote texts, kept apart from the body, in the order they appear.
    pub footnotes: Vec<String>,

    /// Every page-furniture line the parser dropped (running symbol lines, page counters,
    /// job numbers, footnote rules, bare URLs), so a reader can see what was thrown away.
    pub removed: Vec<String>,

    /// The printed pages, for a report read from a PDF: shown beside the text.
    pub printed: Option<PrintedPages>,
}

impl Document {
    /// The numbered paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph),
            Block::Heading(_) | Block::Text(_) => None,
        })
    }

    /// The headings, in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading(text) => Some(text.as_str()),
            Block::Paragraph(_) | Block::Text(_) => None,
        })
    }
}

/// A report's printed pages (a PDF) and where each block stands on them.
#[derive(Clone, PartialEq)]
pub struct PrintedPages {
    /// The PDF's bytes, shared with whoever paints its pages.
    pub pdf: std::sync::Arc<Vec<u8>>,
    /// Each page's size in points, as shown.
    pub sizes: Vec<[f32; 2]>,
    /// For each block (the same index as in [`Document::blocks`]), the rectangles its printed
    /// lines cover: one per page and column it runs through; none where it was not found.
    pub regions: Vec<Vec<Region>>,
}

impl PrintedPages {
    /// The first page a block is printed on.
    pub fn page_of(&self, block: usize) -> Option<usize> {
        self.regions.get(block)?.first().map(|region| region.page)
    }
}

impl fmt::Debug for PrintedPages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrintedPages")
            .field("pdf_bytes", &self.pdf.len())
            .field("pages", &self.sizes.len())
            .field("regions", &self.regions)
            .finish()
    }
}

/// A rectangle on a printed page, in points from the page's top left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// The page's index, from 0.
    pub page: usize,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// One block of the report body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A section heading as printed, with its numeral (`三. 追回资产…`, `II. Overview of …`).
    Heading(String),

    /// A numbered paragraph.
    Paragraph(Paragraph),

    /// Unnumbered text: masthead and title lines, unnumbered paragraphs.
    Text(String),
}

/// A numbered paragraph: the printed number and the text after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The number as printed (`14.` → 14). An annex may restart the numbering, so the same
    /// number can occur twice in one document.
    pub number: u32,

    /// The mark printed after the number: `.`, the full-width `．`, or the dash Arabic reports
    /// set (`1- …`).
    pub stop: char,

    /// The text after the number, with hard wraps rejoined. Lettered sub-paragraphs
    /// (`(a)`, `(b)` …) that were set on their own lines are separated by `\n`.
    pub text: String,
}

/// A sub-paragraph of a numbered paragraph: `(b)` and its text, its own sub-items included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// The marker's label: `b` for `(b)`, `ii` for `(ii)`.
    pub label: &'a str,
    /// The text from the marker to the next sub-paragraph of its series or a higher one.
    pub text: &'a str,
    /// Where `text` starts in the paragraph's text (bytes).
    pub start: usize,
}

impl Paragraph {
    /// The sub-paragraphs set on their own lines ([`parts_of`]).
    pub fn parts(&self) -> Vec<Part<'_>> {
        parts_of(&self.text)
    }

    /// The sub-paragraph with this label, if the paragraph has one.
    pub fn part(&self, label: &str) -> Option<Part<'_>> {
        self.parts().into_iter().find(|part| part.label == label)
    }
}

/// The sub-paragraphs of a paragraph's text set on their own lines, in order: `(a)`, `(b)`,
/// and the `(i)`, `(ii)` inside them. A sub-paragraph runs to the next one of its series —
/// letters, Roman numerals, digits — or of a series begun before it (a higher level).
pub fn parts_of(text: &str) -> Vec<Part<'_>> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Series {
        Letter,
        Roman,
        Digit,
    }
    // Where each marker line starts, its label and series.
    let mut markers: Vec<(usize, &str, Series)> = Vec::new();
    let mut last_letter: Option<char> = None;
    let mut start = 0;
    for line in text.split('\n') {
        if let Some(label) = crate::parse::subparagraph_label(line) {
            let mut chars = label.chars();
            let single = chars.next().filter(|_| chars.next().is_none());
            let roman_like = label
                .bytes()
                .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'));
            let follows = |c: char| {
                last_letter.and_then(|last| char::from_u32(u32::from(last) + 1)) == Some(c)
            };
            let series = if label.bytes().all(|b| b.is_ascii_digit()) {
                Series::Digit
            } else if roman_like && !single.is_some_and(follows) {
                Series::Roman
            } else {
                Series::Letter
            };
            if series == Series::Letter {
                last_letter = single;
            }
            markers.push((start, label, series));
        }
        start += line.len() + 1;
    }
    // A series' level: the order in which the series first appear.
    let mut levels: Vec<Series> = Vec::new();
    for (_, _, series) in &markers {
        if !levels.contains(series) {
            levels.push(*series);
        }
    }
    let level = |series: Series| levels.iter().position(|s| *s == series).unwrap_or(0);
    markers
        .iter()
        .enumerate()
        .map(|(at, (from, label, series))| {
            let to = markers[at + 1..]
                .iter()
                .find(|(_, _, next)| level(*next) <= level(*series))
                .map_or(text.len(), |(next, _, _)| *next);
            Part {
                label,
                text: text[*from..to].trim_end(),
                start: *from,
            }
        })
        .collect()
}

/// The six official languages of the United Nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Arabic,
    Chinese,
    English,
    French,
    Russian,
    Spanish,
}

impl Language {
    /// Every language, in the UN's alphabetical order.
    pub const ALL: [Self; 6] = [
        Self::Arabic,
        Self::Chinese,
        Self::English,
        Self::French,
        Self::Russian,
        Self::Spanish,
    ];

    /// The ISO 639-1 code: `ar`, `zh`, `en`, `fr`, `ru`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Arabic => "ar",
            Self::Chinese => "zh",
            Self::English => "en",
            Self::French => "fr",
            Self::Russian => "ru",
            Self::Spanish => "es",
        }
    }

    /// The language's name in English.
    pub fn english_name(self) -> &'static str {
        match self {
            Self::Arabic => "Arabic",
            Self::Chinese => "Chinese",
            Self::English => "English",
            Self::French => "French",
            Self::Russian => "Russian",
            Self::Spanish => "Spanish",
        }
    }

    /// The language for an ISO 639-1 code, if it is one of the six.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("de"), None);
    }

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            number: 12,
            stop: '.',
            text: text.to_owned(),
        }
    }

    #[test]
    fn sub_paragraphs_run_to_the_next_of_their_series() {
        let twelve = paragraph(
            "The Working Group recommended that States:\n(a) Share information;\n\
             (b) Consider:\n(i) Direct recovery;\n(ii) Non-conviction-based forfeiture;\n\
             (c) Report back.",
        );
        let parts: Vec<(&str, &str)> = twelve
            .parts()
            .iter()
            .map(|part| (part.label, part.text))
            .collect();
        assert_eq!(
            parts,
            [
                ("a", "(a) Share information;"),
                (
                    "b",
                    "(b) Consider:\n(i) Direct recovery;\n(ii) Non-conviction-based forfeiture;"
                ),
                ("i", "(i) Direct recovery;"),
                ("ii", "(ii) Non-conviction-based forfeiture;"),
                ("c", "(c) Report back."),
            ]
        );
        // After (h), (i) is a letter: it ends at (j), not at the next letter of its own.
        let long = paragraph("States:\n(h) Eighth;\n(i) Ninth;\n(j) Tenth.");
        assert_eq!(long.part("i").map(|part| part.text), Some("(i) Ninth;"));
        // French and Chinese markers; a paragraph without sub-paragraphs has none.
        let french = paragraph("Les États :\na) partagent ;\nb) coopèrent.");
        assert_eq!(
            french.part("b").map(|part| part.text),
            Some("b) coopèrent.")
        );
        let chinese = paragraph("工作组建议：\n（a）交流信息；\n（b）加强合作。");
        assert_eq!(
            chinese.part("a").map(|part| part.text),
            Some("（a）交流信息；")
        );
        assert!(paragraph("No list here (a) inline.").parts().is_empty());
    }
}

//! Briefing notes: a report's tagged excerpts with UN citations, in Word, Markdown, HTML, CSV
//! and plain text.
//!
//! [`prepare`] turns the annotations into a [`BriefingNote`] (what to say, in which order, with
//! which citation); the renderers only lay it out. The window and the command line both call
//! [`export`], so they write the same bytes.

mod docx;
mod formats;
mod pdf;
mod walk;

use std::fmt;

use crate::annotations::{Annotations, Tag, TagSet};
use crate::document::{Block, Document};
use crate::tags_file::Orphan;

/// The formats a briefing note can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
    Markdown,
    Html,
    Csv,
    Text,
}

impl Format {
    pub const ALL: [Self; 6] = [
        Self::Docx,
        Self::Pdf,
        Self::Markdown,
        Self::Html,
        Self::Csv,
        Self::Text,
    ];

    /// The file extension, also the name on the command line (`md`, `txt` …).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::Text => "txt",
        }
    }

    /// The format for an extension or command-line name.
    pub fn from_extension(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.extension() == name)
    }

    /// Whether the format is text (it can go to standard output or the clipboard).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Docx | Self::Pdf)
    }
}

/// How excerpts are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// A section per tag, in [`ExportOptions::tag_order`].
    ByTag,
    /// One section, paragraphs in the report's order.
    Document,
    /// Across several reports: each report's excerpts together, a section per tag within it
    /// (`A/HRC/40/3 · Challenges`). With one report, as [`Grouping::ByTag`].
    ReportThenTag,
}

/// The language of labels and citations, independent of the report's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteLanguage {
    English,
    Chinese,
    French,
    Spanish,
}

/// What goes into a briefing note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    pub grouping: Grouping,
    pub tag_order: [Tag; 3],
    /// Only these tags (all when empty).
    pub only: TagSet,
    /// Trim each quote to this many characters, with an ellipsis; whole paragraphs when `None`.
    pub trim_chars: Option<usize>,
    pub language: NoteLanguage,
    /// Cite consecutive paragraphs with the same tags and no notes together (`paras. 12–14`).
    pub merge_consecutive: bool,
    /// The date shown in the header (`2026-11-27`).
    pub date: String,
    /// Who the note is by, for the Word document's properties (the system's user name).
    pub author: String,
    /// The paper the PDF is set on.
    pub paper: Paper,
    /// Name who wrote each note (`Note (Ana Silva):`), for a note put together from
    /// colleagues' tags.
    pub names: bool,
}

/// The paper a PDF note is set on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, the United Nations' paper and most of the world's.
    #[default]
    A4,
    /// US Letter (8.5 × 11 in), for delegations in the Americas.
    Letter,
}

impl Paper {
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The name on the command line and in the dialog.
    pub fn name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
        }
    }
}

impl ExportOptions {
    /// Grouped by tag, every tag, whole paragraphs, English, consecutive paragraphs merged,
    /// dated today.
    pub fn new(language: NoteLanguage) -> Self {
        Self {
            grouping: Grouping::ByTag,
            tag_order: Tag::ALL,
            only: TagSet::EMPTY,
            trim_chars: None,
            language,
            merge_consecutive: true,
            date: today(),
            author: system_user(),
            paper: Paper::default(),
            names: false,
        }
    }
}

/// The name of the user running paratag (`USER`, `LOGNAME`, or `USERNAME` on Windows), or
/// nothing.
pub fn system_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .find_map(|name| {
            std::env::var(name)
                .ok()
                .filter(|user| !user.trim().is_empty())
        })
        .unwrap_or_default()
}

/// The months' names in English, as dates are printed.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in French and Spanish, as their dates print them (in lower case): the parser's
/// list, which reads them.
fn month_in(language: NoteLanguage, month: usize) -> &'static str {
    let first = match language {
        NoteLanguage::French => 12,
        NoteLanguage::Spanish => 24,
        NoteLanguage::English | NoteLanguage::Chinese => 0,
    };
    crate::parse::MONTHS[first + month]
}

/// A `YYYY-MM-DD` date as the UN prints it: `2 December 2026`, `2026年12月2日`. Anything else
/// (a date the user typed some other way) is shown as given.
pub fn un_date(date: &str, language: NoteLanguage) -> String {
    let mut parts = date.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_owned();
    };
    let number = |text: &str, width: usize| {
        (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()
    };
    match (number(year, 4), number(month, 2), number(day, 2)) {
        (Some(year), Some(month @ 1..=12), Some(day @ 1..=31)) => {
            let month = month as usize - 1;
            match language {
                NoteLanguage::English => format!("{day} {} {year}", ENGLISH_MONTHS[month]),
                NoteLanguage::Chinese => format!("{year}年{}月{day}日", month + 1),
                // The first of the month is "1er" in French.
                NoteLanguage::French if day == 1 => {
                    format!("1er {} {year}", month_in(language, month))
                }
                NoteLanguage::French => format!("{day} {} {year}", month_in(language, month)),
                NoteLanguage::Spanish => {
                    format!("{day} de {} de {year}", month_in(language, month))
                }
            }
        }
        _ => date.to_owned(),
    }
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let now = crate::tags_file::format_time(std::time::SystemTime::now());
    now.chars().take(10).collect()
}

/// The fixed words of a briefing note in one language.
#[derive(Debug)]
pub struct Labels {
    pub briefing_note: &'static str,
    /// The Word document's footer: `{page}` and `{pages}` become page-number fields.
    pub page_of: &'static str,
    pub exported: &'static str,
    pub note: &'static str,
    pub document_order: &'static str,
    pub orphans: &'static str,
    pub orphans_detail: &'static str,
    pub challenges: &'static str,
    pub good_practices: &'static str,
    pub proposals: &'static str,
    pub challenge: &'static str,
    pub good_practice: &'static str,
    pub proposal: &'static str,
}

static ENGLISH: Labels = Labels {
    briefing_note: "Briefing note",
    page_of: "Page {page} of {pages}",
    exported: "Exported",
    note: "Note",
    document_order: "In document order",
    orphans: "Tags that could not be placed",
    orphans_detail: "These were made on another text of the report and match no paragraph of this one; \
                     the paragraph numbers are those of that text.",
    challenges: "Challenges",
    good_practices: "Good practices",
    proposals: "Proposals",
    challenge: "Challenge",
    good_practice: "Good practice",
    proposal: "Proposal",
};

static FRENCH: Labels = Labels {
    briefing_note: "Note d'information",
    page_of: "Page {page} sur {pages}",
    exported: "Date",
    note: "Note",
    document_order: "Dans l'ordre du document",
    orphans: "Annotations qui n'ont pu être placées",
    orphans_detail: "Elles ont été faites sur un autre texte du rapport et ne correspondent à aucun \
                     paragraphe de celui-ci\u{a0}; les numéros de paragraphe sont ceux de ce texte.",
    challenges: "Difficultés",
    good_practices: "Bonnes pratiques",
    proposals: "Propositions",
    challenge: "Difficulté",
    good_practice: "Bonne pratique",
    proposal: "Proposition",
};

static SPANISH: Labels = Labels {
    briefing_note: "Nota informativa",
    page_of: "Página {page} de {pages}",
    exported: "Fecha",
    note: "Nota",
    document_order: "En el orden del documento",
    orphans: "Anotaciones que no se pudieron situar",
    orphans_detail: "Se hicieron sobre otro texto del informe y no corresponden a ningún párrafo \
                     de este; los números de párrafo son los de ese texto.",
    challenges: "Dificultades",
    good_practices: "Buenas prácticas",
    proposals: "Propuestas",
    challenge: "Dificultad",
    good_practice: "Buena práctica",
    proposal: "Propuesta",
};

static CHINESE: Labels = Labels {
    briefing_note: "简报",
    page_of: "第{page}页，共{pages}页",
    exported: "导出日期",
    note: "备注",
    document_order: "按文件顺序",
    orphans: "无法定位的标签",
    orphans_detail: "这些标签是在报告的另一文本上添加的，在本文本中找不到对应段落；段落编号为原文本的编号。",
    challenges: "挑战",
    good_practices: "良好做法",
    proposals: "提议",
    challenge: "挑战",
    good_practice: "良好做法",
    proposal: "提议",
};

impl NoteLanguage {
    /// Every language a note can be written in, as the export dialog lists them.
    pub const ALL: [Self; 4] = [Self::English, Self::Chinese, Self::French, Self::Spanish];

    pub fn labels(self) -> &'static Labels {
        match self {
            Self::English => &ENGLISH,
            Self::Chinese => &CHINESE,
            Self::French => &FRENCH,
            Self::Spanish => &SPANISH,
        }
    }

    /// `en`, `zh`, `fr` or `es`, as on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Chinese => "zh",
            Self::French => "fr",
            Self::Spanish => "es",
        }
    }

    /// The language named by its code on the command line.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The language's name in itself, with a citation as an example, for the export dialog.
    pub fn sample(self) -> &'static str {
        match self {
            Self::English => "English (para. 12)",
            Self::Chinese => "中文（第12段）",
            Self::French => "Français (par. 12)",
            Self::Spanish => "Español (párr. 12)",
        }
    }

    /// What follows a label: `Note: `, `备注：`, French `Note : ` (a no-break space before
    /// the colon, as French typography sets it).
    pub fn colon(self) -> &'static str {
        match self {
            Self::English | Self::Spanish => ": ",
            Self::Chinese => "：",
            Self::French => "\u{a0}: ",
        }
    }

    /// The quotation marks a quote opens and closes with: “…” in English and Chinese, « … »
    /// in French (narrow no-break spaces inside) and «…» in Spanish.
    pub fn quotes(self) -> (&'static str, &'static str) {
        match self {
            Self::English | Self::Chinese => ("“", "”"),
            Self::French => ("«\u{202f}", "\u{202f}»"),
            Self::Spanish => ("«", "»"),
        }
    }

    /// The language tag of documents in it (HTML `lang`, Word's properties).
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Chinese => "zh-Hans",
            Self::French => "fr",
            Self::Spanish => "es",
        }
    }
}

impl Labels {
    /// A section's title: "Challenges".
    pub fn section(&self, tag: Tag) -> &'static str {
        match tag {
            Tag::Challenge => self.challenges,
            Tag::GoodPractice => self.good_practices,
            Tag::Proposal => self.proposals,
        }
    }

    /// A tag's name: "Challenge".
    pub fn tag(&self, tag: Tag) -> &'static str {
        match tag {
            Tag::Challenge => self.challenge,
            Tag::GoodPractice => self.good_practice,
            Tag::Proposal => self.proposal,
        }
    }
}

/// A UN citation of paragraphs `first` to `last` of the document `symbol`, as the UN writes
/// one, two and a range: `A/74/18, para. 12`, `A/74/18, paras. 12 and 13`,
/// `A/74/18, paras. 12–14`; `A/74/18，第12段`, `A/74/18，第12和13段`, `A/74/18，第12至14段`.
pub fn citation(symbol: Option<&str>, first: u32, last: u32, language: NoteLanguage) -> String {
    let count = last.saturating_sub(first);
    let paragraphs = match (language, count) {
        (NoteLanguage::English, 0) => format!("para. {first}"),
        (NoteLanguage::English, 1) => format!("paras. {first} and {last}"),
        (NoteLanguage::English, _) => format!("paras. {first}–{last}"),
        (NoteLanguage::Chinese, 0) => format!("第{first}段"),
        (NoteLanguage::Chinese, 1) => format!("第{first}和{last}段"),
        (NoteLanguage::Chinese, _) => format!("第{first}至{last}段"),
        (NoteLanguage::French, 0) => format!("par. {first}"),
        (NoteLanguage::French, 1) => format!("par. {first} et {last}"),
        (NoteLanguage::French, _) => format!("par. {first} à {last}"),
        (NoteLanguage::Spanish, 0) => format!("párr. {first}"),
        (NoteLanguage::Spanish, 1) => format!("párrs. {first} y {last}"),
        (NoteLanguage::Spanish, _) => format!("párrs. {first} a {last}"),
    };
    join_symbol(symbol, &paragraphs, language)
}

/// A citation of a sub-paragraph: `A/74/18, para. 12 (b)`, `A/74/18，第12(b)段`,
/// `A/74/18, par. 12 b)`, `A/74/18, párr. 12 b)`.
pub fn subparagraph_citation(
    symbol: Option<&str>,
    paragraph: u32,
    sub: &str,
    language: NoteLanguage,
) -> String {
    let paragraphs = match language {
        NoteLanguage::English => format!("para. {paragraph} ({sub})"),
        NoteLanguage::Chinese => format!("第{paragraph}({sub})段"),
        NoteLanguage::French => format!("par. {paragraph} {sub})"),
        NoteLanguage::Spanish => format!("párr. {paragraph} {sub})"),
    };
    join_symbol(symbol, &paragraphs, language)
}

fn join_symbol(symbol: Option<&str>, paragraphs: &str, language: NoteLanguage) -> String {
    match (symbol, language) {
        (Some(symbol), NoteLanguage::Chinese) => format!("{symbol}，{paragraphs}"),
        (Some(symbol), _) => format!("{symbol}, {paragraphs}"),
        (None, _) => paragraphs.to_owned(),
    }
}

/// A briefing note ready to be laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingNote {
    pub symbol: Option<String>,
    /// The report's title as its cover page prints it, line by line (none for a fragment).
    pub report_title: Vec<String>,
    /// The meeting the report was issued for, as printed (body, session, place and dates,
    /// agenda item).
    pub meeting: Option<String>,
    pub date: String,
    pub author: String,
    pub language: NoteLanguage,
    /// The paper a PDF is set on.
    pub paper: Paper,
    /// Excerpts per tag, in the tag order of the note.
    pub counts: Vec<(Tag, usize)>,
    pub sections: Vec<Section>,
    pub orphans: Vec<Excerpt>,
}

impl BriefingNote {
    pub fn labels(&self) -> &'static Labels {
        self.language.labels()
    }

    /// The label before an excerpt's note, without its colon: `Note`, or with the writer's
    /// name when the note names them, `Note (Ana Silva)`, `备注（李明）`.
    pub fn note_label(&self, excerpt: &Excerpt) -> String {
        let label = self.labels().note;
        match (&excerpt.author, self.language) {
            (Some(name), NoteLanguage::Chinese) => format!("{label}（{name}）"),
            (Some(name), _) => format!("{label} ({name})"),
            (None, _) => label.to_owned(),
        }
    }

    /// "Briefing note: A/74/18".
    pub fn title(&self) -> String {
        let labels = self.labels();
        match &self.symbol {
            Some(symbol) => format!("{}{}{symbol}", labels.briefing_note, self.language.colon()),
            None => labels.briefing_note.to_owned(),
        }
    }

    /// What the report is, under the note's title: its title's lines, then the meeting.
    pub fn about(&self) -> Vec<&str> {
        self.report_title
            .iter()
            .map(String::as_str)
            .chain(self.meeting.as_deref())
            .collect()
    }

    /// "Exported 2026-11-27 · Challenges: 2 · Good practices: 0 · Proposals: 1".
    pub fn summary(&self) -> String {
        let labels = self.labels();
        let colon = self.language.colon();
        let date = un_date(&self.date, self.language);
        let mut parts = vec![format!("{}{colon}{date}", labels.exported)];
        parts.extend(
            self.counts
                .iter()
                .map(|(tag, count)| format!("{}{colon}{count}", labels.section(*tag))),
        );
        parts.join(" · ")
    }
}

/// A group of excerpts under a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// The tag the section collects, when grouped by tag.
    pub tag: Option<Tag>,
    pub excerpts: Vec<Excerpt>,
}

/// One quoted paragraph (or run of consecutive paragraphs) with its citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The symbol of the report it is quoted from.
    pub symbol: Option<String>,
    pub first: u32,
    pub last: u32,
    /// The sub-paragraph quoted alone (`b`), cited `para. 12 (b)`; never merged with others.
    pub part: Option<String>,
    /// Who wrote the note, when the note names them ([`ExportOptions::names`]).
    pub author: Option<String>,
    pub tags: Vec<Tag>,
    /// The heading of the section of the report the paragraph sits under.
    pub heading: Option<String>,
    /// The quoted text; paragraphs cited together are separated by a blank line.
    pub text: String,
    /// The same paragraphs in the other language version, when the note is bilingual (none
    /// where that version lacks them).
    pub parallel: Option<String>,
    pub note: String,
    pub citation: String,
}

/// Why there is nothing to export.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("nothing to export: no paragraph carries the chosen tags (tag some first)")]
    NothingTagged,
    #[error("could not write the Word document: {0}")]
    Docx(String),
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The PDF's font has no glyph for these characters (a script it does not cover, such as
    /// Arabic): the other formats use the reader's fonts.
    #[error(
        "the PDF's font cannot show {}; export as Word or HTML, which use your system's fonts",
        quoted_characters(.0)
    )]
    PdfCannotShow(String),
}

/// Up to eight characters, quoted one by one ("ب", "ت" …).
pub fn quoted_characters(characters: &str) -> String {
    let mut shown: Vec<String> = characters
        .chars()
        .take(8)
        .map(|c| format!("“{c}” (U+{:04X})", u32::from(c)))
        .collect();
    if characters.chars().count() > 8 {
        shown.push("…".to_owned());
    }
    shown.join(", ")
}

/// One report of a briefing note: its text, the tags made on it and its orphans.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub document: &'a Document,
    pub annotations: &'a Annotations,
    pub orphans: &'a [Orphan],
    /// Another language version of the report, quoted beneath each excerpt (a bilingual note).
    pub parallel: Option<&'a Document>,
}

/// Choose, order and cite the excerpts of a briefing note.
pub fn prepare(
    document: &Document,
    annotations: &Annotations,
    orphans: &[Orphan],
    options: &ExportOptions,
) -> Result<BriefingNote, ExportError> {
    prepare_many(
        &[Source {
            document,
            annotations,
            orphans,
            parallel: None,
        }],
        options,
    )
}

/// A briefing note across several reports (a meeting's set of documents), each excerpt citing
/// its own report. Grouped by tag, the excerpts of every report are together under each tag,
/// report by report, their section headings prefixed with the symbol; in document order, each
/// report is a section of its own. With one report, the note is [`prepare`]'s.
pub fn prepare_many(
    sources: &[Source<'_>],
    options: &ExportOptions,
) -> Result<BriefingNote, ExportError> {
    let several = sources.len() > 1;
    let mut tagged = Vec::new();
    let mut orphans = Vec::new();
    let mut per_report = Vec::new();
    for source in sources {
        let symbol = source.document.symbol.as_deref();
        let mut excerpts = tagged_excerpts(source, options);
        if several && options.grouping == Grouping::ByTag {
            for excerpt in &mut excerpts {
                excerpt.heading = Some(match (&excerpt.heading, symbol) {
                    (Some(heading), Some(symbol)) => format!("{symbol} · {heading}"),
                    (Some(heading), None) => heading.clone(),
                    (None, symbol) => symbol.unwrap_or_default().to_owned(),
                });
            }
        }
        // Where this report's excerpts stand among all of them (a section each, in document
        // order): kept as a range, not a copy of every quote.
        per_report.push((symbol, tagged.len()..tagged.len() + excerpts.len()));
        tagged.extend(excerpts);
        orphans.extend(orphan_excerpts(symbol, source.orphans, options));
    }
    if tagged.is_empty() && orphans.is_empty() {
        return Err(ExportError::NothingTagged);
    }
    let counts = options
        .tag_order
        .into_iter()
        .filter(|tag| options.wants(*tag))
        .map(|tag| {
            (
                tag,
                tagged
                    .iter()
                    .filter(|excerpt| excerpt.tags.contains(&tag))
                    .count(),
            )
        })
        .collect();
    let (symbol, report_title, meeting) = if let [source] = sources {
        let front = crate::parse::front_matter(source.document);
        let meeting = front.meeting_line(source.document.language);
        (source.document.symbol.clone(), front.title, meeting)
    } else {
        // Several reports: each named on a line of its own, with its title.
        let symbols: Vec<&str> = sources
            .iter()
            .filter_map(|source| source.document.symbol.as_deref())
            .collect();
        let named = sources
            .iter()
            .map(|source| {
                let front = crate::parse::front_matter(source.document);
                let symbol = source.document.symbol.as_deref().unwrap_or("—");
                if front.title.is_empty() {
                    symbol.to_owned()
                } else {
                    format!("{symbol}: {}", front.title.join(" — "))
                }
            })
            .collect();
        (Some(symbols.join(" · ")), named, None)
    };
    let sections = if several && options.grouping != Grouping::ByTag {
        per_report
            .into_iter()
            .flat_map(|(symbol, range)| {
                let mut sections = sections(tagged[range].to_vec(), options);
                for section in &mut sections {
                    section.title = match (symbol, options.grouping) {
                        (Some(symbol), Grouping::ReportThenTag) => {
                            format!("{symbol} · {}", section.title)
                        }
                        (Some(symbol), _) => symbol.to_owned(),
                        (None, _) => section.title.clone(),
                    };
                }
                sections
            })
            .filter(|section| !section.excerpts.is_empty())
            .collect()
    } else {
        sections(tagged, options)
    };
    Ok(BriefingNote {
        symbol,
        meeting,
        report_title,
        date: options.date.clone(),
        author: options.author.clone(),
        language: options.language,
        paper: options.paper,
        counts,
        sections,
        orphans,
    })
}

impl ExportOptions {
    /// Whether the note includes `tag`.
    fn wants(&self, tag: Tag) -> bool {
        self.only.is_empty() || self.only.contains(tag)
    }

    /// The wanted tags of a set, in the note's tag order.
    fn ordered(&self, has: impl Fn(Tag) -> bool) -> Vec<Tag> {
        self.tag_order
            .into_iter()
            .filter(|tag| has(*tag) && self.wants(*tag))
            .collect()
    }
}

/// Every annotated paragraph with a wanted tag, in document order, under its heading.
fn tagged_excerpts(source: &Source<'_>, options: &ExportOptions) -> Vec<Excerpt> {
    let (document, annotations) = (source.document, source.annotations);
    // Each paragraph's counterpart in the other language version, by number.
    let counterparts: std::collections::HashMap<usize, &crate::document::Paragraph> = source
        .parallel
        .map(|other| {
            crate::parallel::align(document, other)
                .into_iter()
                .filter_map(|row| match row {
                    crate::parallel::Row::Paragraph {
                        left: Some(left),
                        right: Some(right),
                        ..
                    } => match &other.blocks[right] {
                        Block::Paragraph(paragraph) => Some((left, paragraph)),
                        Block::Heading(_) | Block::Text(_) => None,
                    },
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut tagged = Vec::new();
    let mut heading: Option<&str> = None;
    let mut index = 0;
    for (at, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Heading(text) => heading = Some(text),
            Block::Text(_) => {}
            Block::Paragraph(paragraph) => {
                let here = crate::annotations::ParagraphIndex(index);
                index += 1;
                let Some(annotation) = annotations.get(here) else {
                    continue;
                };
                let tags = options.ordered(|tag| annotation.tags.contains(tag));
                if tags.is_empty() {
                    continue;
                }
                // A sub-paragraph chosen alone is quoted alone, in both versions where the
                // other has it (else the other's whole paragraph); one the text no longer has
                // (another revision) gives the whole paragraph back.
                let part = annotation
                    .part
                    .as_deref()
                    .filter(|label| paragraph.part(label).is_some());
                let quoted = |paragraph: &crate::document::Paragraph| {
                    let text = part
                        .and_then(|label| paragraph.part(label))
                        .map_or(paragraph.text.as_str(), |part| part.text);
                    trim(text, options.trim_chars)
                };
                tagged.push(Excerpt {
                    symbol: document.symbol.clone(),
                    first: paragraph.number,
                    last: paragraph.number,
                    part: part.map(str::to_owned),
                    author: annotation
                        .author
                        .clone()
                        .filter(|_| options.names && !annotation.note.is_empty()),
                    tags,
                    heading: heading.map(str::to_owned),
                    text: quoted(paragraph),
                    parallel: counterparts.get(&at).map(|other| quoted(other)),
                    note: annotation.note.clone(),
                    citation: String::new(),
                });
            }
        }
    }
    tagged
}

/// Tags that could not be placed: their quote, note and the number they had.
fn orphan_excerpts(
    symbol: Option<&str>,
    orphans: &[Orphan],
    options: &ExportOptions,
) -> Vec<Excerpt> {
    orphans
        .iter()
        .filter_map(|entry| {
            let tags = options.ordered(|tag| entry.tags.contains(tag));
            (!tags.is_empty()).then(|| Excerpt {
                symbol: symbol.map(str::to_owned),
                first: entry.paragraph,
                last: entry.paragraph,
                part: None,
                author: None,
                tags,
                heading: None,
                text: format!("{}…", entry.quote),
                parallel: None,
                note: entry.note.clone(),
                citation: citation(symbol, entry.paragraph, entry.paragraph, options.language),
            })
        })
        .collect()
}

/// The sections of the note, their excerpts merged where asked and cited.
fn sections(tagged: Vec<Excerpt>, options: &ExportOptions) -> Vec<Section> {
    let labels = options.language.labels();
    let sections = match options.grouping {
        Grouping::ByTag | Grouping::ReportThenTag => options
            .ordered(|_| true)
            .into_iter()
            .map(|tag| Section {
                title: labels.section(tag).to_owned(),
                tag: Some(tag),
                excerpts: tagged
                    .iter()
                    .filter(|excerpt| excerpt.tags.contains(&tag))
                    .map(|excerpt| Excerpt {
                        tags: vec![tag],
                        ..excerpt.clone()
                    })
                    .collect(),
            })
            .filter(|section| !section.excerpts.is_empty())
            .collect(),
        Grouping::Document => vec![Section {
            title: labels.document_order.to_owned(),
            tag: None,
            excerpts: tagged,
        }],
    };
    sections
        .into_iter()
        .map(|mut section| {
            if options.merge_consecutive {
                section.excerpts = merge_consecutive(section.excerpts);
            }
            for excerpt in &mut section.excerpts {
                let symbol = excerpt.symbol.as_deref();
                excerpt.citation = match &excerpt.part {
                    Some(part) => {
                        subparagraph_citation(symbol, excerpt.first, part, options.language)
                    }
                    None => citation(symbol, excerpt.first, excerpt.last, options.language),
                };
            }
            section
        })
        .collect()
}

/// Consecutive paragraphs with the same tags and heading and no notes become one excerpt.
fn merge_consecutive(excerpts: Vec<Excerpt>) -> Vec<Excerpt> {
    let mut merged: Vec<Excerpt> = Vec::with_capacity(excerpts.len());
    for excerpt in excerpts {
        if let Some(last) = merged.last_mut()
            && last.note.is_empty()
            && excerpt.note.is_empty()
            && last.author == excerpt.author
            && last.part.is_none()
            && excerpt.part.is_none()
            && last.tags == excerpt.tags
            && last.symbol == excerpt.symbol
            && last.heading == excerpt.heading
            && last.parallel.is_some() == excerpt.parallel.is_some()
            && last.last.checked_add(1) == Some(excerpt.first)
        {
            last.last = excerpt.last;
            last.text.push_str("\n\n");
            last.text.push_str(&excerpt.text);
            if let (Some(merged), Some(next)) = (&mut last.parallel, &excerpt.parallel) {
                merged.push_str("\n\n");
                merged.push_str(next);
            }
            continue;
        }
        merged.push(excerpt);
    }
    merged
}

fn trim(text: &str, limit: Option<usize>) -> String {
    match limit {
        Some(limit) if text.chars().count() > limit => {
            let mut trimmed: String = text.chars().take(limit).collect();
            trimmed.truncate(trimmed.trim_end().len());
            trimmed.push('…');
            trimmed
        }
        _ => text.to_owned(),
    }
}

/// Prepare and render a briefing note: the bytes of the file.
pub fn export(
    document: &Document,
    annotations: &Annotations,
    orphans: &[Orphan],
    options: &ExportOptions,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    let note = prepare(document, annotations, orphans, options)?;
    render(&note, format)
}

/// Prepare and render a briefing note across several reports ([`prepare_many`]).
pub fn export_many(
    sources: &[Source<'_>],
    options: &ExportOptions,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    render(&prepare_many(sources, options)?, format)
}

/// Lay out a prepared briefing note in a format.
pub fn render(note: &BriefingNote, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Markdown => formats::markdown(note).into_bytes(),
        Format::Text => formats::text(note).into_bytes(),
        Format::Html => formats::html(note).into_bytes(),
        Format::Csv => formats::csv(note),
        Format::Docx => docx::docx(note)?,
        Format::Pdf => pdf::pdf(note)?,
    })
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

#[cfg(test)]
mod tests;

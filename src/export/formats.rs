//! The text formats: Markdown, plain text, HTML, CSV.

use std::fmt::Write as _;

use super::walk::{NoteWriter, Part, walk};
use super::{BriefingNote, Excerpt};
use crate::annotations::Tag;

/// "Note:" / "备注：" / "Note :", and what separates it from the note ("Note: text",
/// "备注：文字"): the label's colon, with its trailing space apart.
fn note_label(note: &BriefingNote, excerpt: &Excerpt) -> (String, &'static str) {
    let colon = note.language.colon();
    let (mark, gap) = match colon.strip_suffix(' ') {
        Some(mark) => (mark, " "),
        None => (colon, ""),
    };
    (format!("{}{mark}", note.note_label(excerpt)), gap)
}

/// The tag names of an excerpt, for excerpts listed in document order.
fn tag_names(note: &BriefingNote, excerpt: &Excerpt) -> String {
    excerpt
        .tags
        .iter()
        .map(|tag| note.labels().tag(*tag))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Markdown, to paste into e-mail or a wiki: quotes as block quotes, the citation under each,
/// the note apart and marked.
pub fn markdown(note: &BriefingNote) -> String {
    let mut writer = Markdown::default();
    walk(note, &mut writer);
    writer.0
}

#[derive(Default)]
struct Markdown(String);

impl NoteWriter for Markdown {
    fn title_block(&mut self, note: &BriefingNote) {
        let out = &mut self.0;
        let _ = writeln!(out, "# {}\n", note.title());
        // The report's title in bold, the meeting under it; hard breaks keep them lines.
        let about: Vec<String> = note
            .report_title
            .iter()
            .map(|line| format!("**{line}**"))
            .chain(note.meeting.clone())
            .collect();
        if !about.is_empty() {
            let _ = writeln!(out, "{}\n", about.join("  \n"));
        }
        let _ = writeln!(out, "{}", note.summary());
    }

    fn part(&mut self, _note: &BriefingNote, part: &Part<'_>) {
        let _ = write!(self.0, "\n## {}\n", part.title);
        if let Some(detail) = part.detail {
            let _ = write!(self.0, "\n{detail}\n");
        }
    }

    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        let out = &mut self.0;
        out.push('\n');
        if let Some(heading) = heading {
            let _ = writeln!(out, "### {heading}\n");
        }
        if part.show_tags {
            let _ = writeln!(out, "**{}**\n", tag_names(note, excerpt));
        }
        block_quote(out, &excerpt.text);
        // The other language version of the same paragraphs, a quote of its own beneath.
        if let Some(parallel) = &excerpt.parallel {
            out.push('\n');
            block_quote(out, parallel);
        }
        let _ = writeln!(out, "\n— {}", excerpt.citation);
        if !excerpt.note.is_empty() {
            let (label, gap) = note_label(note, excerpt);
            let _ = writeln!(
                out,
                "\n**{label}**{gap}{}",
                excerpt.note.replace('\n', "  \n")
            );
        }
    }
}

/// A Markdown block quote. A report's sub-items, (a), (b), are lines of their own: a hard
/// break (two spaces) keeps them apart where Markdown would run the lines of a paragraph on.
fn block_quote(out: &mut String, text: &str) {
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.is_empty() {
            out.push_str(">\n");
        } else if lines.peek().is_some_and(|next| !next.is_empty()) {
            let _ = writeln!(out, "> {line}  ");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
}

/// Plain text, for e-mail: no markup, the quote in quotation marks.
pub fn text(note: &BriefingNote) -> String {
    let mut writer = Text::default();
    walk(note, &mut writer);
    writer.0
}

#[derive(Default)]
struct Text(String);

impl NoteWriter for Text {
    fn title_block(&mut self, note: &BriefingNote) {
        let out = &mut self.0;
        let title = note.title();
        let _ = writeln!(
            out,
            "{title}\n{}\n",
            "=".repeat(title.chars().count().min(60))
        );
        let about = note.about();
        if !about.is_empty() {
            let _ = writeln!(out, "{}\n", about.join("\n"));
        }
        let _ = writeln!(out, "{}", note.summary());
    }

    fn part(&mut self, _note: &BriefingNote, part: &Part<'_>) {
        let _ = write!(
            self.0,
            "\n\n{}\n{}\n",
            part.title,
            "-".repeat(part.title.chars().count().min(60))
        );
        if let Some(detail) = part.detail {
            let _ = writeln!(self.0, "{detail}");
        }
    }

    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        let out = &mut self.0;
        out.push('\n');
        if let Some(heading) = heading {
            let _ = writeln!(out, "{heading}\n");
        }
        if part.show_tags {
            let _ = writeln!(out, "[{}]", tag_names(note, excerpt));
        }
        // The quotation marks of the note's language.
        let (open, close) = note.language.quotes();
        let _ = writeln!(out, "{open}{}{close}", excerpt.text);
        if let Some(parallel) = &excerpt.parallel {
            let _ = writeln!(out, "{open}{parallel}{close}");
        }
        let _ = writeln!(out, "— {}", excerpt.citation);
        if !excerpt.note.is_empty() {
            let (label, gap) = note_label(note, excerpt);
            let _ = writeln!(out, "{label}{gap}{}", excerpt.note);
        }
    }
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The tag's colour in print (the app's light-theme colours).
fn tag_css(tag: Option<Tag>) -> &'static str {
    match tag {
        Some(Tag::Challenge) => "challenge",
        Some(Tag::GoodPractice) => "good-practice",
        Some(Tag::Proposal) => "proposal",
        None => "mixed",
    }
}

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",system-ui,sans-serif;\
max-width:46em;margin:2em auto;padding:0 1em;line-height:1.65;color:#1b1b1b}\
h1{font-size:1.6em;margin-bottom:.2em}.about{margin:.2em 0 .5em}.summary{color:#555}\
h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}\
.excerpt{margin:1.2em 0;page-break-inside:avoid}\
h3.heading{font-size:1em;color:#555;font-weight:normal;margin:1.4em 0 .3em}\
.tags{font-weight:bold;margin:0 0 .3em}\
blockquote{margin:0;padding:.2em 1em;border-left:4px solid #888;background:#fafafa;white-space:pre-wrap}\
blockquote.parallel{margin-top:.3em;color:#555}\
.citation{margin:.3em 0 0 1em;font-size:.95em}\
.note{margin:.5em 0 0 1em;padding:.3em .8em;border:1px dashed #999;white-space:pre-wrap}\
.note b{font-weight:bold}\
@media print{body{margin:0;max-width:none}.excerpt{page-break-inside:avoid}}";

/// Each tag's quotes bordered in its colour (`Tag::color`).
fn tag_rules() -> String {
    let mut rules = String::new();
    for tag in Tag::ALL {
        let _ = write!(
            rules,
            ".{} blockquote{{border-color:#{}}}",
            tag_css(Some(tag)),
            tag.color_hex()
        );
    }
    rules
}

/// Self-contained HTML to print: the tag colours as quote borders, the note in its own box.
pub fn html(note: &BriefingNote) -> String {
    let mut writer = Html::default();
    walk(note, &mut writer);
    writer.0.push_str("</body>\n</html>\n");
    writer.0
}

#[derive(Default)]
struct Html(String);

impl NoteWriter for Html {
    fn title_block(&mut self, note: &BriefingNote) {
        let out = &mut self.0;
        let lang = note.language.tag();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
             <style>{STYLE}{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
            escape(&note.title()),
            tag_rules(),
            escape(&note.title()),
        );
        let about: Vec<String> = note
            .report_title
            .iter()
            .map(|line| format!("<strong>{}</strong>", escape(line)))
            .chain(note.meeting.as_deref().map(escape))
            .collect();
        if !about.is_empty() {
            let _ = writeln!(out, "<p class=\"about\">{}</p>", about.join("<br>"));
        }
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(&note.summary()));
    }

    fn part(&mut self, _note: &BriefingNote, part: &Part<'_>) {
        let _ = writeln!(self.0, "<section>\n<h2>{}</h2>", escape(part.title));
        if let Some(detail) = part.detail {
            let _ = writeln!(self.0, "<p>{}</p>", escape(detail));
        }
    }

    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        let out = &mut self.0;
        if let Some(heading) = heading {
            let _ = writeln!(out, "<h3 class=\"heading\">{}</h3>", escape(heading));
        }
        let class = part.tag.or_else(|| excerpt.tags.first().copied());
        let _ = writeln!(out, "<div class=\"excerpt {}\">", tag_css(class));
        if part.show_tags {
            let _ = writeln!(
                out,
                "<p class=\"tags\">{}</p>",
                escape(&tag_names(note, excerpt))
            );
        }
        let _ = writeln!(out, "<blockquote>{}</blockquote>", escape(&excerpt.text));
        if let Some(parallel) = &excerpt.parallel {
            let _ = writeln!(
                out,
                "<blockquote class=\"parallel\">{}</blockquote>",
                escape(parallel)
            );
        }
        let _ = writeln!(
            out,
            "<p class=\"citation\">— {}</p>",
            escape(&excerpt.citation)
        );
        if !excerpt.note.is_empty() {
            let (label, gap) = note_label(note, excerpt);
            let _ = writeln!(
                out,
                "<p class=\"note\"><b>{}</b>{gap}{}</p>",
                escape(&label),
                escape(&excerpt.note)
            );
        }
        out.push_str("</div>\n");
    }

    fn part_end(&mut self) {
        self.0.push_str("</section>\n");
    }
}

/// The CSV columns, in order: the paragraphs as two numbers, so that a spreadsheet sorts and
/// filters by them; the tags `;`-separated.
pub const CSV_HEADER: [&str; 8] = [
    "symbol",
    "first_paragraph",
    "last_paragraph",
    "heading",
    "tags",
    "quote",
    "note",
    "citation",
];

/// CSV, one row per excerpt, UTF-8 with a BOM so that spreadsheet programs read Chinese right.
pub fn csv(note: &BriefingNote) -> Vec<u8> {
    // A bilingual note has one more column: the other version's text of the same paragraphs.
    let bilingual = note
        .sections
        .iter()
        .flat_map(|section| &section.excerpts)
        .any(|excerpt| excerpt.parallel.is_some());
    let mut writer = Csv(
        ::csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec()),
        bilingual,
    );
    // Writing to a Vec cannot fail; a record that did would be lost loudly in tests.
    let header = CSV_HEADER
        .iter()
        .copied()
        .chain(bilingual.then_some("parallel_quote"));
    let _ = writer.0.write_record(header);
    walk(note, &mut writer);
    writer.0.into_inner().unwrap_or_default()
}

/// The CSV writer, and whether the note has a column for the other language version.
struct Csv(::csv::Writer<Vec<u8>>, bool);

impl NoteWriter for Csv {
    fn title_block(&mut self, _note: &BriefingNote) {}

    fn part(&mut self, _note: &BriefingNote, _part: &Part<'_>) {}

    fn excerpt(
        &mut self,
        _note: &BriefingNote,
        _part: &Part<'_>,
        _heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        let tags: Vec<&str> = excerpt.tags.iter().map(|tag| tag.key()).collect();
        let (first, last) = (excerpt.first.to_string(), excerpt.last.to_string());
        let tags = tags.join(";");
        let parallel = self
            .1
            .then(|| excerpt.parallel.as_deref().unwrap_or_default());
        let _ = self.0.write_record(
            [
                excerpt.symbol.as_deref().unwrap_or_default(),
                &first,
                &last,
                excerpt.heading.as_deref().unwrap_or_default(),
                &tags,
                &excerpt.text,
                &excerpt.note,
                &excerpt.citation,
            ]
            .into_iter()
            .chain(parallel),
        );
    }
}

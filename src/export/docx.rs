//! The Word document: the format briefing notes are written in. Real paragraph styles (Title,
//! Heading 1, Quote, Citation, Note …) carry all the formatting, so the delegate can restyle the
//! whole note from Word's style gallery.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, Header, LineSpacing, NumPages, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Style, StyleType,
};

use super::walk::{NoteWriter, Part, walk};
use super::{BriefingNote, Excerpt, ExportError};

const TITLE: &str = "Title";
const HEADING: &str = "Heading1";
const SUMMARY: &str = "Subtitle";
const REPORT_TITLE: &str = "ReportTitle";
const MEETING: &str = "Meeting";
const SECTION: &str = "ReportSection";
const TAGS: &str = "ExcerptTags";
const QUOTE: &str = "Quote";
const CITATION: &str = "Citation";
const NOTE: &str = "Note";
const BODY: &str = "Normal";
const MARGINAL: &str = "Header";

/// Sizes are in half-points; indents and spacing in twentieths of a point (567 = 1 cm).
///
/// Every block has space before and after it, so a note never runs into the next quote. No
/// style is italic: Chinese has no italics (Word slants the glyphs, which is wrong in CJK
/// typography), and the quote is set apart by its indent instead, in the body font. The
/// delegate's note is indented with the quote and marked by a bar in the margin, so it reads
/// as belonging to the excerpt above it.
fn styles(docx: Docx) -> Docx {
    let paragraph = |id: &str, name: &str, before: u32, after: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on(BODY)
            .q_format(true)
            .line_spacing(LineSpacing::new().before(before).after(after))
    };
    let mut note = paragraph(NOTE, "Note", 60, 320)
        .indent(
            Some(567),
            Some(SpecialIndentType::Hanging(0)),
            Some(567),
            None,
        )
        .color("1F3864");
    note.paragraph_property = note.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Left)
                .val(BorderType::Single)
                .size(18)
                .space(8)
                .color("1F3864"),
        ),
    );
    docx.add_style(paragraph(TITLE, "Title", 0, 80).size(36).bold())
        .add_style(
            paragraph(SUMMARY, "Subtitle", 0, 360)
                .size(20)
                .color("555555"),
        )
        .add_style(
            paragraph(REPORT_TITLE, "Report title", 0, 40)
                .size(24)
                .bold(),
        )
        .add_style(
            paragraph(MEETING, "Meeting", 0, 160)
                .size(20)
                .color("555555"),
        )
        .add_style(
            paragraph(HEADING, "heading 1", 360, 160)
                .size(30)
                .bold()
                .color("1F3864")
                .outline_lvl(0),
        )
        .add_style(
            paragraph(SECTION, "Report section", 240, 60)
                .size(20)
                .color("555555"),
        )
        .add_style(paragraph(TAGS, "Excerpt tags", 240, 60).size(20).bold())
        .add_style(paragraph(QUOTE, "Quote", 0, 80).indent(Some(567), None, Some(567), None))
        .add_style(
            paragraph(CITATION, "Citation", 0, 120)
                .size(20)
                .color("555555")
                .align(AlignmentType::Right),
        )
        .add_style(note)
        .add_style(paragraph(MARGINAL, "Header", 0, 0).size(18).color("555555"))
}

fn text_paragraph(style: &str, text: &str) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    Paragraph::new().style(style).add_run(run)
}

/// The note's paragraphs, in order; the package is made of them at the end.
#[derive(Default)]
struct Paragraphs(Vec<Paragraph>);

impl NoteWriter for Paragraphs {
    fn title_block(&mut self, note: &BriefingNote) {
        self.0.push(text_paragraph(TITLE, &note.title()));
        if !note.report_title.is_empty() {
            let title = note.report_title.join("\n");
            self.0.push(text_paragraph(REPORT_TITLE, &title));
        }
        if let Some(meeting) = &note.meeting {
            self.0.push(text_paragraph(MEETING, meeting));
        }
        self.0.push(text_paragraph(SUMMARY, &note.summary()));
    }

    fn part(&mut self, _note: &BriefingNote, part: &Part<'_>) {
        self.0
            .push(text_paragraph(HEADING, part.title).keep_next(true));
        if let Some(detail) = part.detail {
            self.0.push(text_paragraph(BODY, detail));
        }
    }

    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    ) {
        if let Some(heading) = heading {
            self.0
                .push(text_paragraph(SECTION, heading).keep_next(true));
        }
        if part.show_tags {
            let mut paragraph = Paragraph::new().style(TAGS);
            for (i, tag) in excerpt.tags.iter().enumerate() {
                if i > 0 {
                    paragraph = paragraph.add_run(Run::new().add_text(" · "));
                }
                paragraph = paragraph.add_run(
                    Run::new()
                        .add_text(note.labels().tag(*tag))
                        .color(tag.color_hex()),
                );
            }
            self.0.push(paragraph.keep_next(true));
        }
        // The excerpt's lines stay on one page with its citation and note where they fit.
        let parallel = excerpt.parallel.as_deref().unwrap_or_default();
        for quoted in excerpt.text.split("\n\n").chain(parallel.split("\n\n")) {
            if !quoted.is_empty() {
                self.0.push(text_paragraph(QUOTE, quoted).keep_next(true));
            }
        }
        let citation = text_paragraph(CITATION, &format!("— {}", excerpt.citation));
        self.0.push(citation.keep_next(!excerpt.note.is_empty()));
        if !excerpt.note.is_empty() {
            let colon = note.language.colon();
            let label = Run::new()
                .add_text(format!("{}{colon}", note.note_label(excerpt)))
                .bold();
            let mut paragraph = Paragraph::new().style(NOTE).add_run(label);
            for (i, line) in excerpt.note.split('\n').enumerate() {
                let mut run = Run::new();
                if i > 0 {
                    run = run.add_break(BreakType::TextWrapping);
                }
                paragraph = paragraph.add_run(run.add_text(line));
            }
            self.0.push(paragraph);
        }
    }
}

/// The `.docx` package.
pub fn docx(note: &BriefingNote) -> Result<Vec<u8>, ExportError> {
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .east_asia("Microsoft YaHei");
    let mut paragraphs = Paragraphs::default();
    walk(note, &mut paragraphs);
    let mut docx = styles(Docx::new().default_fonts(fonts).default_size(22))
        .header(header(note))
        .footer(footer(note));
    for paragraph in paragraphs.0 {
        docx = docx.add_paragraph(paragraph);
    }
    let mut package = docx.build();
    package.doc_props.core = core_properties(note).into_bytes();
    let mut bytes = std::io::Cursor::new(Vec::new());
    package
        .pack(&mut bytes)
        .map_err(|error| ExportError::Docx(error.to_string()))?;
    Ok(bytes.into_inner())
}

/// Every page's header: the symbol the note is about, on the right.
fn header(note: &BriefingNote) -> Header {
    let text = note
        .symbol
        .as_deref()
        .unwrap_or(note.labels().briefing_note);
    Header::new().add_paragraph(text_paragraph(MARGINAL, text).align(AlignmentType::Right))
}

/// Every page's footer: "Page 2 of 5" / "第2页，共5页", the numbers being Word's fields.
fn footer(note: &BriefingNote) -> Footer {
    let mut paragraph = Paragraph::new()
        .style(MARGINAL)
        .align(AlignmentType::Center);
    let mut rest = note.labels().page_of;
    while !rest.is_empty() {
        let next = [("{page}", true), ("{pages}", false)]
            .into_iter()
            .filter_map(|(field, page)| rest.find(field).map(|at| (at, field, page)))
            .min_by_key(|(at, ..)| *at);
        let Some((at, field, page)) = next else {
            paragraph = paragraph.add_run(Run::new().add_text(rest));
            break;
        };
        if at > 0 {
            paragraph = paragraph.add_run(Run::new().add_text(&rest[..at]));
        }
        paragraph = if page {
            paragraph.add_page_num(PageNum::new())
        } else {
            paragraph.add_num_pages(NumPages::new())
        };
        rest = &rest[at + field.len()..];
    }
    Footer::new().add_paragraph(paragraph)
}

/// `docProps/core.xml`: the note's title, its author, its language, and the date it was made
/// as its creation and modification time (docx-rs would write author "unknown", 1970).
fn core_properties(note: &BriefingNote) -> String {
    let clean = |text: &str| {
        super::formats::escape(
            &text
                .chars()
                .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
                .collect::<String>(),
        )
    };
    let when = format!("{}T00:00:00Z", clean(&note.date));
    let language = note.language.tag();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title>\
         <dc:subject>{subject}</dc:subject>\
         <dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
         <dc:language>{language}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified>\
         </cp:coreProperties>",
        title = clean(&note.title()),
        subject = clean(note.symbol.as_deref().unwrap_or_default()),
        author = clean(&note.author),
    )
}

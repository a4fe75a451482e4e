//! The Word document: the format briefing notes are written in. Real paragraph styles (Title,
//! Heading 1, Quote, Citation, Note …) carry all the formatting, so the delegate can restyle the
//! whole note from Word's style gallery.

use docx_rs::{
    AlignmentType, BreakType, Docx, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
};

use super::{BriefingNote, Excerpt, ExportError, NoteLanguage};
use crate::annotations::Tag;

const TITLE: &str = "Title";
const HEADING: &str = "Heading1";
const SUMMARY: &str = "Subtitle";
const SECTION: &str = "ReportSection";
const TAGS: &str = "ExcerptTags";
const QUOTE: &str = "Quote";
const CITATION: &str = "Citation";
const NOTE: &str = "Note";
const BODY: &str = "Normal";

/// Sizes are in half-points, indents in twentieths of a point.
fn styles(docx: Docx) -> Docx {
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on(BODY)
            .q_format(true)
    };
    docx.add_style(paragraph(TITLE, "Title").size(36).bold())
        .add_style(paragraph(SUMMARY, "Subtitle").size(20).color("555555"))
        .add_style(
            paragraph(HEADING, "heading 1")
                .size(30)
                .bold()
                .color("1F3864")
                .outline_lvl(0),
        )
        .add_style(
            paragraph(SECTION, "Report section")
                .size(20)
                .italic()
                .color("555555"),
        )
        .add_style(paragraph(TAGS, "Excerpt tags").size(20).bold())
        .add_style(
            paragraph(QUOTE, "Quote")
                .italic()
                .indent(Some(567), None, Some(567), None),
        )
        .add_style(
            paragraph(CITATION, "Citation")
                .size(20)
                .align(AlignmentType::Right),
        )
        .add_style(
            paragraph(NOTE, "Note")
                .indent(Some(284), Some(SpecialIndentType::Hanging(0)), None, None)
                .color("1F3864"),
        )
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

fn tag_color(tag: Tag) -> &'static str {
    match tag {
        Tag::Challenge => "C0392B",
        Tag::GoodPractice => "1E8449",
        Tag::Proposal => "1F5FC8",
    }
}

fn excerpt(
    mut docx: Docx,
    note: &BriefingNote,
    excerpt: &Excerpt,
    show_tags: bool,
    heading: Option<&str>,
) -> Docx {
    if let Some(heading) = heading {
        docx = docx.add_paragraph(text_paragraph(SECTION, heading));
    }
    if show_tags {
        let mut paragraph = Paragraph::new().style(TAGS);
        for (i, tag) in excerpt.tags.iter().enumerate() {
            if i > 0 {
                paragraph = paragraph.add_run(Run::new().add_text(" · "));
            }
            paragraph = paragraph.add_run(
                Run::new()
                    .add_text(note.labels().tag(*tag))
                    .color(tag_color(*tag)),
            );
        }
        docx = docx.add_paragraph(paragraph);
    }
    for part in excerpt.text.split("\n\n") {
        docx = docx.add_paragraph(text_paragraph(QUOTE, part));
    }
    docx = docx.add_paragraph(text_paragraph(CITATION, &format!("— {}", excerpt.citation)));
    if !excerpt.note.is_empty() {
        let colon = if note.language == NoteLanguage::Chinese {
            "："
        } else {
            ": "
        };
        let label = Run::new()
            .add_text(format!("{}{colon}", note.labels().note))
            .bold();
        let mut paragraph = Paragraph::new().style(NOTE).add_run(label);
        for (i, line) in excerpt.note.split('\n').enumerate() {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            paragraph = paragraph.add_run(run.add_text(line));
        }
        docx = docx.add_paragraph(paragraph);
    }
    docx
}

/// The `.docx` package.
pub fn docx(note: &BriefingNote) -> Result<Vec<u8>, ExportError> {
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .east_asia("Microsoft YaHei");
    let mut docx = styles(Docx::new().default_fonts(fonts).default_size(22))
        .created_at(&format!("{}T00:00:00Z", note.date))
        .add_paragraph(text_paragraph(TITLE, &note.title()))
        .add_paragraph(text_paragraph(SUMMARY, &note.summary()));
    for section in &note.sections {
        docx = docx.add_paragraph(text_paragraph(HEADING, &section.title));
        let mut previous = None;
        for item in &section.excerpts {
            let heading = item.heading.as_deref();
            let shown = if heading == previous { None } else { heading };
            previous = heading;
            docx = excerpt(docx, note, item, section.tag.is_none(), shown);
        }
    }
    if !note.orphans.is_empty() {
        docx = docx
            .add_paragraph(text_paragraph(HEADING, note.labels().orphans))
            .add_paragraph(text_paragraph(BODY, note.labels().orphans_detail));
        for item in &note.orphans {
            docx = excerpt(docx, note, item, true, None);
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|error| ExportError::Docx(error.to_string()))?;
    Ok(bytes.into_inner())
}

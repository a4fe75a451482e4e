//! One walk through a briefing note for every format: the title block, then each part (a tag's
//! or a report's section, then the orphans) with its excerpts in order, each with the report
//! heading above it when that changes. A format is a [`NoteWriter`]: it says how each piece is
//! written and never decides what comes when, so the formats cannot drift apart.

use super::{BriefingNote, Excerpt};
use crate::annotations::Tag;

/// A part of the note as laid out: each section, then the orphans with what they are.
pub(super) struct Part<'a> {
    pub title: &'a str,
    pub excerpts: &'a [Excerpt],
    /// The tag the part collects, if one.
    pub tag: Option<Tag>,
    /// List each excerpt's tags (the part mixes tags).
    pub show_tags: bool,
    /// A sentence under the title.
    pub detail: Option<&'a str>,
}

/// How one format writes the pieces of a note, in the order [`walk`] gives them.
pub(super) trait NoteWriter {
    /// The note's title, what the report is (title, meeting) and the summary line.
    fn title_block(&mut self, note: &BriefingNote);
    /// A part begins.
    fn part(&mut self, note: &BriefingNote, part: &Part<'_>);
    /// An excerpt, with the report heading to show above it when it differs from the one
    /// above.
    fn excerpt(
        &mut self,
        note: &BriefingNote,
        part: &Part<'_>,
        heading: Option<&str>,
        excerpt: &Excerpt,
    );
    /// A part ends.
    fn part_end(&mut self) {}
}

/// Walk the note through a writer.
pub(super) fn walk(note: &BriefingNote, writer: &mut impl NoteWriter) {
    writer.title_block(note);
    for part in parts(note) {
        writer.part(note, &part);
        let mut previous = None;
        for excerpt in part.excerpts {
            let heading = excerpt.heading.as_deref();
            let shown = if heading == previous { None } else { heading };
            previous = heading;
            writer.excerpt(note, &part, shown, excerpt);
        }
        writer.part_end();
    }
}

fn parts(note: &BriefingNote) -> Vec<Part<'_>> {
    let mut parts: Vec<Part<'_>> = note
        .sections
        .iter()
        .map(|section| Part {
            title: &section.title,
            excerpts: &section.excerpts,
            tag: section.tag,
            show_tags: section.tag.is_none(),
            detail: None,
        })
        .collect();
    if !note.orphans.is_empty() {
        parts.push(Part {
            title: note.labels().orphans,
            excerpts: &note.orphans,
            tag: None,
            show_tags: true,
            detail: Some(note.labels().orphans_detail),
        });
    }
    parts
}

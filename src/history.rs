//! Undo and redo as a history of edits, and "unsaved changes" derived from it.
//!
//! As in helix, every change is an [`Edit`] that knows how to apply itself and its inverse, and
//! "modified" is a comparison of revisions, never a flag set by hand: undoing back to the saved
//! state makes the document unmodified again. Typing a note is not one edit per character:
//! keystrokes in the same note merge into the edit on top, and a new step starts where a writer
//! expects one — at a new word (after a space or punctuation), after a pause, and after a save.

use std::time::{Duration, Instant};

use crate::annotations::{Annotations, ParagraphIndex, TagSet};

/// A pause in typing at least this long starts a new undo step.
pub const TYPING_PAUSE: Duration = Duration::from_secs(1);

/// Whether `after` is `before` with a new word begun: text added at the end, after a space or
/// punctuation, starting with neither.
fn starts_word(before: &str, after: &str) -> bool {
    let Some(added) = after.strip_prefix(before) else {
        return false;
    };
    let separates = |c: char| c.is_whitespace() || is_punctuation(c);
    before.chars().next_back().is_some_and(separates)
        && added.chars().next().is_some_and(|c| !separates(c))
}

/// ASCII, CJK and general punctuation: where a sentence or clause ends in any of the six
/// languages.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{2010}'..='\u{205E}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}')
        || matches!(c, '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
        || matches!(c, '¡' | '¿' | '«' | '»' | '\u{00B7}')
}

/// One change to the annotations, with what was there before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub paragraph: ParagraphIndex,
    pub change: Change,
}

/// What an [`Edit`] changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Tags { before: TagSet, after: TagSet },
    Note { before: String, after: String },
}

impl Edit {
    fn apply(&self, annotations: &mut Annotations) {
        match &self.change {
            Change::Tags { after, .. } => annotations.set_tags(self.paragraph, *after),
            Change::Note { after, .. } => annotations.set_note(self.paragraph, after),
        }
    }

    fn inverse(&self) -> Self {
        let change = match &self.change {
            Change::Tags { before, after } => Change::Tags {
                before: *after,
                after: *before,
            },
            Change::Note { before, after } => Change::Note {
                before: after.clone(),
                after: before.clone(),
            },
        };
        Self {
            paragraph: self.paragraph,
            change,
        }
    }
}

/// A revision of the annotations: every state the history can reach has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision(u64);

/// The edits made, the edits undone, and which revision was last saved.
#[derive(Debug)]
pub struct History {
    done: Vec<(Edit, Revision)>,
    undone: Vec<(Edit, Revision)>,
    next_revision: u64,
    saved: Revision,
    /// The paragraph whose note is being typed, and when it last was: its next keystroke merges
    /// into the top edit.
    typing_note: Option<(ParagraphIndex, Instant)>,
}

const ORIGIN: Revision = Revision(0);

impl Default for History {
    fn default() -> Self {
        Self {
            done: Vec::new(),
            undone: Vec::new(),
            next_revision: 1,
            saved: ORIGIN,
            typing_note: None,
        }
    }
}

impl History {
    /// A fresh history whose state counts as unsaved (restored from a recovery copy).
    pub fn unsaved() -> Self {
        Self {
            saved: Revision(u64::MAX),
            ..Self::default()
        }
    }

    /// The revision the annotations are at now.
    pub fn revision(&self) -> Revision {
        self.done.last().map_or(ORIGIN, |(_, revision)| *revision)
    }

    /// Whether the annotations differ from the last saved (or opened) state.
    pub fn is_modified(&self) -> bool {
        self.revision() != self.saved
    }

    /// Remember the current revision as the saved one.
    pub fn mark_saved(&mut self) {
        self.saved = self.revision();
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    fn new_revision(&mut self) -> Revision {
        let revision = Revision(self.next_revision);
        self.next_revision += 1;
        revision
    }

    /// Set a paragraph's tags, as one undoable step. Setting the tags it has is no step.
    pub fn set_tags(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        tags: TagSet,
    ) {
        let before = annotations.tags(paragraph);
        if before == tags {
            return;
        }
        self.end_typing();
        self.push(
            annotations,
            Edit {
                paragraph,
                change: Change::Tags {
                    before,
                    after: tags,
                },
            },
        );
    }

    /// Set a paragraph's note as typed at `now`. Successive calls for the same paragraph merge
    /// into one undoable step, until a new word starts, typing pauses for [`TYPING_PAUSE`], or
    /// [`Self::end_typing`].
    pub fn type_note(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        note: &str,
        now: Instant,
    ) {
        let current = annotations.note(paragraph);
        if current == note {
            return;
        }
        let merges = self.typing_note.is_some_and(|(typing, last)| {
            typing == paragraph
                && now.saturating_duration_since(last) < TYPING_PAUSE
                && !starts_word(current, note)
        });
        self.typing_note = Some((paragraph, now));
        if merges
            && let Some((
                Edit {
                    change: Change::Note { after, .. },
                    ..
                },
                revision,
            )) = self.done.last_mut()
        {
            note.clone_into(after);
            annotations.set_note(paragraph, note);
            self.undone.clear();
            *revision = Revision(self.next_revision);
            self.next_revision += 1;
            return;
        }
        let before = current.to_owned();
        self.push(
            annotations,
            Edit {
                paragraph,
                change: Change::Note {
                    before,
                    after: note.to_owned(),
                },
            },
        );
        self.typing_note = Some((paragraph, now));
    }

    /// The note being typed is finished: the next keystroke starts a new undoable step.
    pub fn end_typing(&mut self) {
        self.typing_note = None;
    }

    fn push(&mut self, annotations: &mut Annotations, edit: Edit) {
        self.typing_note = None;
        edit.apply(annotations);
        let revision = self.new_revision();
        self.done.push((edit, revision));
        self.undone.clear();
    }

    /// Undo the last step; returns the paragraph it touched.
    pub fn undo(&mut self, annotations: &mut Annotations) -> Option<ParagraphIndex> {
        self.end_typing();
        let (edit, revision) = self.done.pop()?;
        edit.inverse().apply(annotations);
        let paragraph = edit.paragraph;
        self.undone.push((edit, revision));
        Some(paragraph)
    }

    /// Redo the last undone step; returns the paragraph it touched.
    pub fn redo(&mut self, annotations: &mut Annotations) -> Option<ParagraphIndex> {
        self.end_typing();
        let (edit, revision) = self.undone.pop()?;
        edit.apply(annotations);
        let paragraph = edit.paragraph;
        self.done.push((edit, revision));
        Some(paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Tag;

    const P: ParagraphIndex = ParagraphIndex(3);

    static BASE: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

    /// A moment `ms` milliseconds into a test.
    fn at(ms: u64) -> Instant {
        *BASE + Duration::from_millis(ms)
    }

    #[test]
    fn undo_and_redo_tags() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge));
        history.set_tags(
            &mut annotations,
            P,
            TagSet::only(Tag::Challenge).toggled(Tag::Proposal),
        );
        assert_eq!(annotations.count(Tag::Proposal), 1);
        assert_eq!(history.undo(&mut annotations), Some(P));
        assert_eq!(annotations.tags(P), TagSet::only(Tag::Challenge));
        history.undo(&mut annotations);
        assert!(annotations.is_empty());
        assert_eq!(history.undo(&mut annotations), None);
        history.redo(&mut annotations);
        history.redo(&mut annotations);
        assert_eq!(annotations.count(Tag::Proposal), 1);
        assert_eq!(history.redo(&mut annotations), None);
    }

    #[test]
    fn typing_a_note_is_one_step() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        for typed in ["需", "需要", "需要跟进"] {
            history.type_note(&mut annotations, P, typed, at(0));
        }
        history.end_typing();
        history.type_note(&mut annotations, P, "需要跟进。", at(0));
        assert_eq!(annotations.note(P), "需要跟进。");
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "需要跟进");
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "");
        assert!(!history.can_undo());
    }

    #[test]
    fn modified_is_derived_from_revisions() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        assert!(!history.is_modified());
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Proposal));
        assert!(history.is_modified());
        history.undo(&mut annotations);
        assert!(!history.is_modified(), "undone back to where it started");
        history.redo(&mut annotations);
        history.mark_saved();
        assert!(!history.is_modified());
        history.type_note(&mut annotations, P, "a", at(0));
        assert!(history.is_modified());
        history.type_note(&mut annotations, P, "ab", at(0));
        history.undo(&mut annotations);
        assert!(!history.is_modified(), "back at the saved revision");
    }

    #[test]
    fn a_new_edit_clears_redo_and_no_op_edits_are_not_steps() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Proposal));
        history.undo(&mut annotations);
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge));
        assert!(!history.can_redo());
        let revision = history.revision();
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge));
        history.type_note(&mut annotations, P, "", at(0));
        assert_eq!(history.revision(), revision);
    }

    #[test]
    fn undo_in_a_note_goes_back_a_word_or_a_pause_at_a_time() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        let mut typed = String::new();
        // "Follow up with the" typed steadily, 100 ms a key.
        for (at_key, c) in "Follow up with the".chars().enumerate() {
            typed.push(c);
            history.type_note(&mut annotations, P, &typed, at(100 * at_key as u64));
        }
        // A pause of two seconds, then more of the same word-less run.
        history.type_note(&mut annotations, P, "Follow up with them", at(4_000));
        assert_eq!(annotations.note(P), "Follow up with them");
        history.undo(&mut annotations);
        assert_eq!(
            annotations.note(P),
            "Follow up with the",
            "the pause ends a step"
        );
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "Follow up with ");
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "Follow up ");
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "Follow ");
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "");
        assert!(!history.can_undo());
        // Chinese has no spaces: punctuation and pauses end the steps.
        let mut typed = String::new();
        for (at_key, c) in "需要跟进，并报告".chars().enumerate() {
            typed.push(c);
            history.type_note(
                &mut annotations,
                P,
                &typed,
                at(10_000 + 100 * at_key as u64),
            );
        }
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "需要跟进，");
    }

    #[test]
    fn a_save_in_the_middle_of_typing_stays_reachable() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        history.type_note(&mut annotations, P, "draft", at(0));
        history.type_note(&mut annotations, P, "drafted", at(100));
        // The app ends the typing when it saves.
        history.end_typing();
        history.mark_saved();
        history.type_note(&mut annotations, P, "drafted text", at(200));
        assert!(history.is_modified());
        history.undo(&mut annotations);
        assert_eq!(
            annotations.note(P),
            "drafted",
            "undo comes back to what was saved"
        );
        assert!(!history.is_modified());
        history.redo(&mut annotations);
        assert_eq!(annotations.note(P), "drafted text");
    }
}

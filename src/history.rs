//! Undo and redo as a history of edits, and "unsaved changes" derived from it.
//!
//! As in helix, every change is an [`Edit`] that knows how to apply itself and its inverse, and
//! "modified" is a comparison of revisions, never a flag set by hand: undoing back to the saved
//! state makes the document unmodified again. Typing a note is one edit, not one per character:
//! keystrokes in the same note merge into the edit on top until the typing ends.

use crate::annotations::{Annotations, ParagraphIndex, TagSet};

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
    /// The paragraph whose note is being typed: its next keystroke merges into the top edit.
    typing_note: Option<ParagraphIndex>,
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

    /// Set a paragraph's note as typed. Successive calls for the same paragraph merge into one
    /// undoable step until [`Self::end_typing`].
    pub fn type_note(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        note: &str,
    ) {
        let current = annotations.note(paragraph);
        if current == note {
            return;
        }
        if self.typing_note == Some(paragraph)
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
        self.typing_note = Some(paragraph);
    }

    /// The note being typed is finished: the next keystroke starts a new undoable step.
    pub fn end_typing(&mut self) {
        self.typing_note = None;
    }

    fn push(&mut self, annotations: &mut Annotations, edit: Edit) {
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
            history.type_note(&mut annotations, P, typed);
        }
        history.end_typing();
        history.type_note(&mut annotations, P, "需要跟进。");
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
        history.type_note(&mut annotations, P, "a");
        assert!(history.is_modified());
        history.type_note(&mut annotations, P, "ab");
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
        history.type_note(&mut annotations, P, "");
        assert_eq!(history.revision(), revision);
    }
}

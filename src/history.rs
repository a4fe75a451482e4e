//! Undo and redo as a history of edits, and "unsaved changes" derived from it.
//!
//! As in helix, every change is an [`Edit`] that knows how to apply itself and its inverse, and
//! "modified" is a comparison of revisions, never a flag set by hand: undoing back to the saved
//! state makes the document unmodified again. Typing a note is not one edit per character:
//! keystrokes in the same note merge into the edit on top, and a new step starts where a writer
//! expects one — at a new word (after a space or punctuation), after a pause, and after a save.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crate::annotations::{Annotation, Annotations, ParagraphIndex, Stamp, TagSet};

/// When an edit is made: the monotonic instant (typing pauses are measured with it) and the
/// time of day the annotation records, to the second as the tags file keeps it (so that what
/// was saved compares equal to what is in memory).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub instant: Instant,
    pub time: SystemTime,
}

impl Moment {
    /// The clock now.
    pub fn now() -> Self {
        Self::at(Instant::now(), SystemTime::now())
    }

    /// A given moment, its time cut to the second.
    pub fn at(instant: Instant, time: SystemTime) -> Self {
        let time = time
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(time, |since| {
                SystemTime::UNIX_EPOCH + Duration::from_secs(since.as_secs())
            });
        Self { instant, time }
    }
}

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

/// One change to the annotations, with what was there before — the change time included, so
/// that undo gives the paragraph back its time as well as its tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub paragraph: ParagraphIndex,
    pub change: Change,
    /// When and by whom the paragraph's annotation was last changed, before and after.
    pub stamp_before: Stamp,
    pub stamp_after: Stamp,
}

/// What an [`Edit`] changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Tags {
        before: TagSet,
        after: TagSet,
    },
    Note {
        before: String,
        after: String,
    },
    /// Suggested tags dismissed (or brought back).
    Dismissed {
        before: TagSet,
        after: TagSet,
    },
    /// The sub-paragraph the excerpt quotes chosen (or the whole paragraph again).
    Part {
        before: Option<String>,
        after: Option<String>,
    },
    /// The whole annotation replaced (a merge, a conflict resolved): its time and author with
    /// it. `None`: no annotation.
    Replace {
        before: Option<Box<Annotation>>,
        after: Option<Box<Annotation>>,
    },
    /// Several edits as one step (accepting every suggested tag of a kind); the step's own
    /// paragraph is the first one's.
    Batch(Vec<Edit>),
}

impl Edit {
    fn apply(&self, annotations: &mut Annotations) {
        match &self.change {
            Change::Tags { after, .. } => annotations.set_tags(self.paragraph, *after),
            Change::Note { after, .. } => annotations.set_note(self.paragraph, after),
            Change::Part { after, .. } => annotations.set_part(self.paragraph, after.as_deref()),
            Change::Dismissed { after, .. } => {
                // Not a change of the tags or note: their time stays.
                annotations.set_dismissed(self.paragraph, *after);
                return;
            }
            Change::Batch(edits) => {
                for edit in edits {
                    edit.apply(annotations);
                }
                return;
            }
            Change::Replace { after, .. } => {
                let after = after.as_deref().cloned().unwrap_or_default();
                annotations.insert(self.paragraph, after);
                return;
            }
        }
        annotations.set_stamp(self.paragraph, &self.stamp_after);
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
            Change::Dismissed { before, after } => Change::Dismissed {
                before: *after,
                after: *before,
            },
            Change::Part { before, after } => Change::Part {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Replace { before, after } => Change::Replace {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Batch(edits) => Change::Batch(edits.iter().rev().map(Self::inverse).collect()),
        };
        Self {
            paragraph: self.paragraph,
            change,
            stamp_before: self.stamp_after.clone(),
            stamp_after: self.stamp_before.clone(),
        }
    }
}

/// A revision of the annotations: every state any history in this process can reach has its
/// own, so a revision never names two states (a new history for another report or tags file
/// does not count afresh; what was made for a revision — an export preview, a recovery copy —
/// is made again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision(u64);

/// The next revision of any history.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

impl Revision {
    fn fresh() -> Self {
        Self(NEXT_REVISION.fetch_add(1, Ordering::Relaxed))
    }
}

/// The edits made, the edits undone, and which revision was last saved.
#[derive(Debug)]
pub struct History {
    done: Vec<(Edit, Revision)>,
    undone: Vec<(Edit, Revision)>,
    /// The revision with nothing done.
    origin: Revision,
    saved: Revision,
    /// The paragraph whose note is being typed, and when it last was: its next keystroke merges
    /// into the top edit.
    typing_note: Option<(ParagraphIndex, Instant)>,
    /// Who makes the edits from now on (recorded with each annotation they change).
    author: Option<String>,
}

impl Default for History {
    fn default() -> Self {
        let origin = Revision::fresh();
        Self {
            done: Vec::new(),
            undone: Vec::new(),
            origin,
            saved: origin,
            typing_note: None,
            author: None,
        }
    }
}

impl History {
    /// A fresh history whose state counts as unsaved (restored from a recovery copy).
    pub fn unsaved() -> Self {
        Self {
            saved: Revision::fresh(),
            ..Self::default()
        }
    }

    /// The revision the annotations are at now.
    pub fn revision(&self) -> Revision {
        self.done
            .last()
            .map_or(self.origin, |(_, revision)| *revision)
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

    /// Set a paragraph's tags at `now`, as one undoable step. Setting the tags it has is no
    /// step.
    pub fn set_tags(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        tags: TagSet,
        now: Moment,
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
                stamp_before: stamp_of(annotations, paragraph),
                stamp_after: self.stamp(now),
            },
        );
    }

    /// Set the suggested tags dismissed on a paragraph, as one undoable step (the same set is
    /// no step).
    pub fn set_dismissed(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        dismissed: TagSet,
    ) {
        let before = annotations.dismissed(paragraph);
        if before == dismissed {
            return;
        }
        let stamp = stamp_of(annotations, paragraph);
        self.push(
            annotations,
            Edit {
                paragraph,
                change: Change::Dismissed {
                    before,
                    after: dismissed,
                },
                stamp_before: stamp.clone(),
                stamp_after: stamp,
            },
        );
    }

    /// Choose the sub-paragraph a paragraph's excerpt quotes (`None`: the whole paragraph) at
    /// `now`, as one undoable step (the same choice is no step).
    pub fn set_part(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        part: Option<&str>,
        now: Moment,
    ) {
        let before = annotations.part(paragraph).map(str::to_owned);
        if before.as_deref() == part {
            return;
        }
        self.push(
            annotations,
            Edit {
                paragraph,
                change: Change::Part {
                    before,
                    after: part.map(str::to_owned),
                },
                stamp_before: stamp_of(annotations, paragraph),
                stamp_after: self.stamp(now),
            },
        );
    }

    /// Put these annotations in place of the paragraphs' own, as one undoable step (a merge of
    /// a colleague's tags, a conflict resolved); those that change nothing are no step, unless
    /// `changed_elsewhere` (a merge added orphans, which are no paragraph's): then the step is
    /// there to make the tags unsaved, even if empty.
    pub fn replace_many(
        &mut self,
        annotations: &mut Annotations,
        changes: Vec<(ParagraphIndex, Annotation)>,
        changed_elsewhere: bool,
    ) {
        let edits: Vec<Edit> = changes
            .into_iter()
            .filter(|(paragraph, after)| match annotations.get(*paragraph) {
                None => !after.is_empty(),
                Some(current) => current != after,
            })
            .map(|(paragraph, after)| Edit {
                paragraph,
                change: Change::Replace {
                    before: annotations.get(paragraph).cloned().map(Box::new),
                    after: (!after.is_empty()).then(|| Box::new(after)),
                },
                stamp_before: Stamp::default(),
                stamp_after: Stamp::default(),
            })
            .collect();
        let paragraph = match edits.first() {
            Some(edit) => edit.paragraph,
            None if changed_elsewhere => ParagraphIndex(0),
            None => return,
        };
        self.push_step(annotations, edits, paragraph);
    }

    /// Push edits as one undoable step: the edit itself when there is one, else a batch of
    /// them whose own paragraph is `paragraph`.
    fn push_step(
        &mut self,
        annotations: &mut Annotations,
        mut edits: Vec<Edit>,
        paragraph: ParagraphIndex,
    ) {
        let edit = if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit {
                paragraph,
                change: Change::Batch(edits),
                stamp_before: Stamp::default(),
                stamp_after: Stamp::default(),
            }
        };
        self.push(annotations, edit);
    }

    /// Set several paragraphs' tags at `now` as one undoable step (the paragraphs whose tags
    /// change; none is no step).
    pub fn set_tags_many(
        &mut self,
        annotations: &mut Annotations,
        changes: &[(ParagraphIndex, TagSet)],
        now: Moment,
    ) {
        let edits: Vec<Edit> = changes
            .iter()
            .filter(|(paragraph, tags)| annotations.tags(*paragraph) != *tags)
            .map(|(paragraph, tags)| Edit {
                paragraph: *paragraph,
                change: Change::Tags {
                    before: annotations.tags(*paragraph),
                    after: *tags,
                },
                stamp_before: stamp_of(annotations, *paragraph),
                stamp_after: self.stamp(now),
            })
            .collect();
        let Some(paragraph) = edits.first().map(|edit| edit.paragraph) else {
            return;
        };
        self.push_step(annotations, edits, paragraph);
    }

    /// Set a paragraph's note as typed at `now`. Successive calls for the same paragraph merge
    /// into one undoable step, until a new word starts, typing pauses for [`TYPING_PAUSE`], or
    /// [`Self::end_typing`].
    pub fn type_note(
        &mut self,
        annotations: &mut Annotations,
        paragraph: ParagraphIndex,
        note: &str,
        now: Moment,
    ) {
        let current = annotations.note(paragraph);
        if current == note {
            return;
        }
        let stamp = self.stamp(now);
        let merges = self.typing_note.is_some_and(|(typing, last)| {
            typing == paragraph
                && now.instant.saturating_duration_since(last) < TYPING_PAUSE
                && !starts_word(current, note)
        });
        self.typing_note = Some((paragraph, now.instant));
        if merges
            && let Some((
                Edit {
                    change: Change::Note { after, .. },
                    stamp_after,
                    ..
                },
                revision,
            )) = self.done.last_mut()
        {
            note.clone_into(after);
            *stamp_after = stamp.clone();
            annotations.set_note(paragraph, note);
            annotations.set_stamp(paragraph, &stamp);
            self.undone.clear();
            *revision = Revision::fresh();
            return;
        }
        let before = current.to_owned();
        let stamp_before = stamp_of(annotations, paragraph);
        self.push(
            annotations,
            Edit {
                paragraph,
                change: Change::Note {
                    before,
                    after: note.to_owned(),
                },
                stamp_before,
                stamp_after: stamp,
            },
        );
        self.typing_note = Some((paragraph, now.instant));
    }

    /// Who makes the edits from now on: their name is recorded with each annotation they make
    /// or change (none: no name).
    pub fn set_author(&mut self, author: Option<&str>) {
        self.author = author.map(str::to_owned);
    }

    /// Who makes the edits.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// What an edit made at `now` records: the time and the author.
    fn stamp(&self, now: Moment) -> Stamp {
        Stamp {
            time: Some(now.time),
            author: self.author.clone(),
        }
    }

    /// The note being typed is finished: the next keystroke starts a new undoable step.
    pub fn end_typing(&mut self) {
        self.typing_note = None;
    }

    fn push(&mut self, annotations: &mut Annotations, edit: Edit) {
        self.typing_note = None;
        edit.apply(annotations);
        self.done.push((edit, Revision::fresh()));
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

/// When and by whom a paragraph's annotation last changed (nothing, if it has none).
fn stamp_of(annotations: &Annotations, paragraph: ParagraphIndex) -> Stamp {
    annotations.stamp(paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Tag;

    const P: ParagraphIndex = ParagraphIndex(3);

    static BASE: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

    /// A moment `ms` milliseconds into a test (its time of day: as many seconds after 2026-01-01).
    fn at(ms: u64) -> Moment {
        Moment::at(
            *BASE + Duration::from_millis(ms),
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600 + ms / 1000),
        )
    }

    /// Each edit records who made it; undo gives the paragraph back its earlier author with its
    /// earlier time, and a dismissal (no change of tags or note) changes neither.
    #[test]
    fn edits_record_their_author_and_undo_restores_the_earlier_one() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        history.set_author(Some("Li Ming"));
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge), at(0));
        let first = annotations.stamp(P);
        assert_eq!(first.author.as_deref(), Some("Li Ming"));
        history.set_author(Some("Ana Silva"));
        history.type_note(&mut annotations, P, "follow up", at(5_000));
        assert_eq!(annotations.stamp(P).author.as_deref(), Some("Ana Silva"));
        history.set_dismissed(&mut annotations, P, TagSet::only(Tag::Proposal));
        assert_eq!(annotations.stamp(P).author.as_deref(), Some("Ana Silva"));
        history.undo(&mut annotations);
        history.undo(&mut annotations);
        assert_eq!(annotations.stamp(P), first);
        history.redo(&mut annotations);
        assert_eq!(annotations.stamp(P).author.as_deref(), Some("Ana Silva"));
    }

    #[test]
    fn undo_and_redo_tags() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge), at(0));
        history.set_tags(
            &mut annotations,
            P,
            TagSet::only(Tag::Challenge).toggled(Tag::Proposal),
            at(0),
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

    /// Several paragraphs tagged at once are one step: one undo takes every tag and time back.
    #[test]
    fn many_paragraphs_tagged_at_once_undo_as_one() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        let q = ParagraphIndex(7);
        history.set_tags(&mut annotations, q, TagSet::only(Tag::Proposal), at(0));
        let challenge = TagSet::only(Tag::Challenge);
        let changes = [
            (P, challenge),
            (q, TagSet::only(Tag::Proposal).toggled(Tag::Challenge)),
            (ParagraphIndex(9), challenge),
        ];
        history.set_tags_many(&mut annotations, &changes, at(5_000));
        assert_eq!(annotations.count(Tag::Challenge), 3);
        assert_eq!(history.undo(&mut annotations), Some(P));
        assert_eq!(annotations.count(Tag::Challenge), 0);
        assert_eq!(annotations.tags(q), TagSet::only(Tag::Proposal));
        assert_eq!(annotations.get(q).and_then(|a| a.changed), Some(at(0).time));
        history.redo(&mut annotations);
        assert_eq!(annotations.count(Tag::Challenge), 3);
        // Nothing that changes is no step.
        let revision = history.revision();
        history.set_tags_many(&mut annotations, &changes, at(9_000));
        assert_eq!(history.revision(), revision);
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
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Proposal), at(0));
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
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Proposal), at(0));
        history.undo(&mut annotations);
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge), at(0));
        assert!(!history.can_redo());
        let revision = history.revision();
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge), at(0));
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

    #[test]
    fn undo_and_redo_give_back_the_change_time() {
        let mut annotations = Annotations::default();
        let mut history = History::default();
        let changed = |annotations: &Annotations| annotations.get(P).and_then(|a| a.changed);
        history.set_tags(&mut annotations, P, TagSet::only(Tag::Challenge), at(1_000));
        history.type_note(&mut annotations, P, "Follow", at(60_000));
        // Typed on within the pause: one step, changed when last typed.
        history.type_note(&mut annotations, P, "Followed", at(60_500));
        assert_eq!(changed(&annotations), Some(at(60_500).time));
        history.type_note(&mut annotations, P, "Followed up", at(70_000));
        history.undo(&mut annotations);
        assert_eq!(changed(&annotations), Some(at(60_500).time));
        history.undo(&mut annotations);
        assert_eq!(annotations.note(P), "");
        assert_eq!(
            changed(&annotations),
            Some(at(1_000).time),
            "the tags' time, not the time of the undo"
        );
        history.redo(&mut annotations);
        assert_eq!(changed(&annotations), Some(at(60_500).time));
        history.redo(&mut annotations);
        assert_eq!(changed(&annotations), Some(at(70_000).time));
    }

    #[test]
    fn revisions_of_two_histories_never_coincide() {
        let mut annotations = Annotations::default();
        let first = History::default();
        let mut second = History::default();
        assert_ne!(first.revision(), second.revision());
        second.set_tags(&mut annotations, P, TagSet::only(Tag::Proposal), at(0));
        assert_ne!(first.revision(), second.revision());
        assert!(History::unsaved().is_modified());
    }
}

//! Merging a colleague's tags into the report's (File ▸ Merge tags from…, `paratag merge`):
//! their file is anchored to the report as opening does, then each paragraph takes the union
//! of both sides — every tag, every note, nothing dropped. Notes by different people are kept
//! side by side, each under its author's name (the same note twice, once); when both sides
//! changed one person's note differently, the paragraph keeps one and holds the other as a
//! conflict for the user to settle. The result does not depend on which side merges which
//! (the same content either way), and merging a file into itself changes nothing.

use crate::annotations::{Annotation, Annotations, ParagraphIndex, TagSet};

/// What a merge did, for the sentence that reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Paragraphs only the other file had annotated.
    pub added: usize,
    /// Paragraphs both had, that took tags or a sub-paragraph from the other file.
    pub tags_merged: usize,
    /// Notes joined side by side (different authors).
    pub notes_merged: usize,
    /// Paragraphs now holding a conflict (both changed one note).
    pub conflicts: usize,
    /// Annotations of the other file that match no paragraph here, kept as orphans.
    pub orphans: usize,
    /// Paragraphs the other file changed since the version this one has: taken whole.
    pub updated: usize,
    /// Paragraphs the other file untagged since the version this one has: untagged here.
    pub removed: usize,
}

impl MergeReport {
    /// Whether the merge changed nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What one side of a merge descends from: the saved revisions its tags come from (its file's
/// and those before it), and each paragraph's revision — the save it last changed in — where
/// it has not changed since. Empty: nothing known, every difference is merged as new.
#[derive(Clone, Debug, Default)]
pub struct Descent {
    pub known: std::collections::HashSet<String>,
    pub revisions: std::collections::HashMap<ParagraphIndex, String>,
}

impl Descent {
    /// Whether the other side's paragraph, as it was at its revision, is one this side saw.
    fn saw(&self, other: &Self, paragraph: ParagraphIndex) -> bool {
        other
            .revisions
            .get(&paragraph)
            .is_some_and(|revision| self.known.contains(revision))
    }
}

/// The annotations of every paragraph the merge changes, with what it did: `theirs` is the
/// other file anchored to the same report. Nothing is known of where either came from: every
/// difference is merged as new ([`merge_descended`] with empty descents).
pub fn merge(
    mine: &Annotations,
    theirs: &Annotations,
) -> (Vec<(ParagraphIndex, Annotation)>, MergeReport) {
    merge_descended(mine, theirs, &Descent::default(), &Descent::default())
}

/// [`merge`] three ways where both sides descend from saved revisions: a paragraph the other
/// side saw as it is here and then untagged is untagged here; one it saw and changed is taken
/// whole; one this side saw and changed (or untagged) stays as it is here; only what both
/// changed is merged. A removal is an annotation with nothing in it.
pub fn merge_descended(
    mine: &Annotations,
    theirs: &Annotations,
    ours: &Descent,
    others: &Descent,
) -> (Vec<(ParagraphIndex, Annotation)>, MergeReport) {
    let mut report = MergeReport::default();
    let mut changed = Vec::new();
    for (paragraph, _) in mine.iter() {
        if theirs.get(paragraph).is_none() && others.saw(ours, paragraph) {
            report.removed += 1;
            changed.push((paragraph, Annotation::default()));
        }
    }
    for (paragraph, their) in theirs.iter() {
        let Some(my) = mine.get(paragraph) else {
            if !their.is_empty() && !ours.saw(others, paragraph) {
                report.added += 1;
                changed.push((paragraph, their.clone()));
            }
            continue;
        };
        if my == their {
            continue;
        }
        let theirs_newer = others.saw(ours, paragraph) && !ours.saw(others, paragraph);
        let mine_newer = ours.saw(others, paragraph) && !others.saw(ours, paragraph);
        if mine_newer {
            continue;
        }
        if theirs_newer {
            report.updated += 1;
            changed.push((paragraph, their.clone()));
            continue;
        }
        let (merged, outcome) = merge_one(my, their);
        if merged == *my {
            continue;
        }
        report.tags_merged += usize::from(outcome.tags);
        report.notes_merged += usize::from(outcome.note_joined);
        report.conflicts += usize::from(outcome.conflict);
        changed.push((paragraph, merged));
    }
    (changed, report)
}

/// What merging one paragraph did.
#[derive(Clone, Copy, Debug, Default)]
struct Outcome {
    tags: bool,
    note_joined: bool,
    conflict: bool,
}

/// One paragraph's annotations merged: the union of tags and of dismissed suggestions, either
/// side's sub-paragraph (the first in label order when they differ, so that the order of the
/// sides does not matter), the notes as [`merge_notes`] says, the later change's time and
/// author.
fn merge_one(my: &Annotation, their: &Annotation) -> (Annotation, Outcome) {
    let tags: TagSet = my.tags.iter().chain(their.tags.iter()).collect();
    let dismissed: TagSet = my.dismissed.iter().chain(their.dismissed.iter()).collect();
    let part = match (&my.part, &their.part) {
        (Some(a), Some(b)) => Some(a.min(b).clone()),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    let (note, conflicts, joined) = merge_notes(my, their);
    // The later change stands for the paragraph: its time and who made it (a tie by name, so
    // that either order gives the same).
    let later = [my, their]
        .into_iter()
        .max_by(|a, b| (a.changed, &a.author).cmp(&(b.changed, &b.author)))
        .unwrap_or(my);
    let merged = Annotation {
        tags,
        note,
        changed: later.changed,
        dismissed,
        part: part.clone(),
        author: later.author.clone(),
        conflicts,
    };
    let conflict = merged.conflicts.len() > my.conflicts.len();
    let outcome = Outcome {
        tags: tags != my.tags || part != my.part,
        note_joined: joined,
        conflict,
    };
    (merged, outcome)
}

/// The note of a paragraph both sides annotated, the versions left to choose between, and
/// whether two people's notes were joined. The same note (or one already holding the other,
/// from an earlier merge) is kept once; notes by different people stand side by side under
/// their names, in a fixed order; one person's note changed differently on each side is a
/// conflict: the note that sorts first stays, the other waits among the conflicts.
fn merge_notes(my: &Annotation, their: &Annotation) -> (String, Vec<String>, bool) {
    let mut conflicts: Vec<String> = my.conflicts.clone();
    for other in &their.conflicts {
        if !conflicts.contains(other) {
            conflicts.push(other.clone());
        }
    }
    let (a, b) = (my.note.trim_end(), their.note.trim_end());
    let (note, joined) = if a == b {
        // The same words (perhaps but for trailing spaces): either, the same whichever merges.
        (my.note.clone().min(their.note.clone()), false)
    } else if b.is_empty() || a.contains(b) {
        (my.note.clone(), false)
    } else if a.is_empty() || b.contains(a) {
        (their.note.clone(), false)
    } else if my.author.is_some() && their.author.is_some() && my.author != their.author {
        let mut sides = [(&my.author, a), (&their.author, b)];
        sides.sort();
        let signed: Vec<String> = sides
            .iter()
            .map(|(author, note)| match author {
                Some(name) => format!("{name}: {note}"),
                None => (*note).to_owned(),
            })
            .collect();
        (signed.join("\n\n"), true)
    } else {
        let (kept, other) = if a <= b { (a, b) } else { (b, a) };
        if !conflicts.iter().any(|conflict| conflict == other) {
            conflicts.push(other.to_owned());
        }
        (kept.to_owned(), false)
    };
    conflicts.retain(|conflict| conflict.trim_end() != note.trim_end());
    conflicts.sort();
    (note, conflicts, joined)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::annotations::Tag;

    fn annotation(tags: &[Tag], note: &str, author: Option<&str>) -> Annotation {
        Annotation {
            tags: tags.iter().copied().collect(),
            note: note.to_owned(),
            author: author.map(str::to_owned),
            ..Annotation::default()
        }
    }

    fn annotations(entries: &[(usize, Annotation)]) -> Annotations {
        let mut all = Annotations::default();
        for (paragraph, annotation) in entries {
            all.insert(ParagraphIndex(*paragraph), annotation.clone());
        }
        all
    }

    /// `mine` with the merge's changes in place.
    fn merged(mine: &Annotations, theirs: &Annotations) -> (Annotations, MergeReport) {
        let (changes, report) = merge(mine, theirs);
        let mut all = mine.clone();
        for (paragraph, annotation) in changes {
            all.insert(paragraph, annotation);
        }
        (all, report)
    }

    #[test]
    fn a_colleagues_section_is_added_and_shared_paragraphs_take_both_sides() {
        let li = Some("Li Ming");
        let ana = Some("Ana Silva");
        let mine = annotations(&[
            (3, annotation(&[Tag::Challenge], "Raise with capital.", li)),
            (5, annotation(&[Tag::Proposal], "Same words.", li)),
            (8, annotation(&[Tag::Challenge], "First draft.", li)),
        ]);
        let theirs = annotations(&[
            (3, annotation(&[Tag::GoodPractice], "Ask Vienna.", ana)),
            (5, annotation(&[Tag::Proposal], "Same words.", ana)),
            (8, annotation(&[Tag::Challenge], "Second draft.", li)),
            (12, annotation(&[Tag::Proposal], "", ana)),
        ]);
        let (all, report) = merged(&mine, &theirs);
        assert_eq!(
            report,
            MergeReport {
                added: 1,
                tags_merged: 1,
                notes_merged: 1,
                conflicts: 1,
                orphans: 0,
                updated: 0,
                removed: 0,
            }
        );
        let third = all.get(ParagraphIndex(3)).unwrap();
        assert_eq!(
            third.tags,
            [Tag::Challenge, Tag::GoodPractice].into_iter().collect()
        );
        assert_eq!(
            third.note,
            "Ana Silva: Ask Vienna.\n\nLi Ming: Raise with capital."
        );
        assert_eq!(all.note(ParagraphIndex(5)), "Same words.");
        let eighth = all.get(ParagraphIndex(8)).unwrap();
        assert_eq!(eighth.note, "First draft.");
        assert_eq!(eighth.conflicts, ["Second draft."]);
        assert_eq!(all.tags(ParagraphIndex(12)), TagSet::only(Tag::Proposal));
        // Merged again, the joined note holds theirs already: nothing changes.
        let (again, report) = merged(&all, &theirs);
        assert_eq!(again, all);
        assert!(report.is_empty(), "{report:?}");
    }

    /// Where both descend from one saved revision, what the other side changed or untagged
    /// since is taken, what this side changed since stays, and only what both changed is
    /// merged.
    #[test]
    fn three_ways_changes_and_removals_are_told_from_what_was_never_there() {
        let saved =
            |paragraph: usize, revision: &str| (ParagraphIndex(paragraph), revision.to_owned());
        let at_r1 = annotations(&[
            (1, annotation(&[Tag::Challenge], "", None)),
            (2, annotation(&[Tag::Proposal], "v1", None)),
            (3, annotation(&[Tag::Proposal], "", None)),
            (4, annotation(&[Tag::Challenge], "same", None)),
        ]);
        // Mine: as saved at r1, but 3 untagged and 5 new (both unsaved: no revision).
        let mut mine = at_r1.clone();
        mine.insert(ParagraphIndex(3), Annotation::default());
        mine.insert(ParagraphIndex(5), annotation(&[Tag::Proposal], "", None));
        mine.insert(
            ParagraphIndex(4),
            annotation(&[Tag::Challenge], "mine", None),
        );
        let ours = Descent {
            known: ["r1".to_owned()].into_iter().collect(),
            revisions: [saved(1, "r1"), saved(2, "r1")].into_iter().collect(),
        };
        // Theirs, saved as r2 from r1: 1 untagged, 2's note changed, 3 as it was, 4 changed.
        let mut theirs = at_r1.clone();
        theirs.insert(ParagraphIndex(1), Annotation::default());
        theirs.insert(ParagraphIndex(2), annotation(&[Tag::Proposal], "v2", None));
        theirs.insert(
            ParagraphIndex(4),
            annotation(&[Tag::Challenge], "theirs", None),
        );
        let others = Descent {
            known: ["r2".to_owned(), "r1".to_owned()].into_iter().collect(),
            revisions: [saved(2, "r2"), saved(3, "r1"), saved(4, "r2")]
                .into_iter()
                .collect(),
        };
        let (changes, report) = merge_descended(&mine, &theirs, &ours, &others);
        let mut all = mine.clone();
        for (paragraph, annotation) in changes {
            all.insert(paragraph, annotation);
        }
        assert!(
            all.get(ParagraphIndex(1)).is_none(),
            "untagged there after they saw it"
        );
        assert_eq!(
            all.note(ParagraphIndex(2)),
            "v2",
            "changed there after they saw it"
        );
        assert!(
            all.get(ParagraphIndex(3)).is_none(),
            "untagged here after this side saw it"
        );
        assert_eq!(
            all.tags(ParagraphIndex(5)),
            TagSet::only(Tag::Proposal),
            "never there"
        );
        let fourth = all.get(ParagraphIndex(4)).unwrap();
        assert_eq!(
            (fourth.note.as_str(), fourth.conflicts.as_slice()),
            ("mine", &["theirs".to_owned()][..]),
            "both changed"
        );
        assert_eq!(
            (
                report.removed,
                report.updated,
                report.added,
                report.conflicts
            ),
            (1, 1, 0, 1)
        );
        // Without what either descends from, the same files merge as new: nothing is removed.
        let (changes, report) = merge(&mine, &theirs);
        assert_eq!(report.removed, 0);
        assert!(changes.iter().all(|(_, annotation)| !annotation.is_empty()));
    }

    fn tag_set() -> impl Strategy<Value = TagSet> {
        (0_u8..8).prop_map(|bits| {
            Tag::ALL
                .into_iter()
                .enumerate()
                .filter(|(at, _)| bits & (1 << at) != 0)
                .map(|(_, tag)| tag)
                .collect()
        })
    }

    fn one() -> impl Strategy<Value = Annotation> {
        (
            tag_set(),
            prop_oneof![Just(String::new()), "[a-c ]{1,6}", Just("共同".to_owned())],
            proptest::option::of(prop_oneof![Just("Li".to_owned()), Just("Ana".to_owned())]),
            proptest::option::of(0_u64..3),
            tag_set(),
            proptest::option::of(prop_oneof![Just("a".to_owned()), Just("b".to_owned())]),
        )
            .prop_map(
                |(tags, note, author, changed, dismissed, part)| Annotation {
                    tags,
                    note,
                    changed: changed
                        .map(|s| std::time::UNIX_EPOCH + std::time::Duration::from_secs(s)),
                    dismissed,
                    part,
                    author,
                    conflicts: Vec::new(),
                },
            )
    }

    fn side() -> impl Strategy<Value = Annotations> {
        proptest::collection::vec((0_usize..6, one()), 0..6).prop_map(|entries| {
            let mut all = Annotations::default();
            for (paragraph, annotation) in entries {
                all.insert(ParagraphIndex(paragraph), annotation);
            }
            all
        })
    }

    /// Every tag and every note of either side, as the merge must keep them.
    fn kept(all: &Annotations, paragraph: ParagraphIndex) -> (TagSet, String) {
        let Some(annotation) = all.get(paragraph) else {
            return (TagSet::EMPTY, String::new());
        };
        let mut notes = annotation.note.clone();
        for conflict in &annotation.conflicts {
            notes.push('\n');
            notes.push_str(conflict);
        }
        (annotation.tags, notes)
    }

    proptest! {
        /// Merging a file into itself changes nothing.
        #[test]
        fn merging_a_file_into_itself_changes_nothing(mine in side()) {
            let (changes, report) = merge(&mine, &mine);
            prop_assert!(changes.is_empty(), "{changes:?}");
            prop_assert!(report.is_empty());
        }

        /// Whichever side merges which, the tags, the notes and the conflicts are the same.
        #[test]
        fn merge_is_commutative_in_content(a in side(), b in side()) {
            let (ab, _) = merged(&a, &b);
            let (ba, _) = merged(&b, &a);
            for paragraph in (0..6).map(ParagraphIndex) {
                let (left, right) = (ab.get(paragraph), ba.get(paragraph));
                prop_assert_eq!(left.map(|x| x.tags), right.map(|x| x.tags));
                prop_assert_eq!(left.map(|x| &x.note), right.map(|x| &x.note));
                prop_assert_eq!(left.map(|x| &x.conflicts), right.map(|x| &x.conflicts));
                prop_assert_eq!(left.map(|x| x.dismissed), right.map(|x| x.dismissed));
                prop_assert_eq!(left.map(|x| &x.part), right.map(|x| &x.part));
            }
        }

        /// No tag and no note of either side is lost: each stands in the merged paragraph (a
        /// note within the joined note or among the conflicts).
        #[test]
        fn nothing_of_either_side_is_lost(a in side(), b in side()) {
            let (all, _) = merged(&a, &b);
            for paragraph in (0..6).map(ParagraphIndex) {
                let (tags, notes) = kept(&all, paragraph);
                for side in [&a, &b] {
                    let (their_tags, their_notes) = kept(side, paragraph);
                    prop_assert!(their_tags.iter().all(|tag| tags.contains(tag)));
                    for note in their_notes.split('\n').filter(|n| !n.trim().is_empty()) {
                        prop_assert!(notes.contains(note.trim_end()), "{note:?} lost from {notes:?}");
                    }
                }
            }
        }
    }
}

//! What the delegate adds to a report: tags and notes per numbered paragraph.
//!
//! Plain data with no UI dependency. Paragraphs are addressed by their position among the
//! document's numbered paragraphs ([`ParagraphIndex`]); the printed number is what users see and
//! what files and citations use, but an annex may restart the numbering, so it is not unique.

use std::collections::BTreeMap;

/// The longest note the window edits, in characters: far more than any briefing note needs,
/// little enough that the note field stays responsive. A longer note read from a file is kept
/// and saved whole, and shown truncated.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// Whether a note is longer than the window edits.
pub fn note_is_too_long(note: &str) -> bool {
    // Bytes first: a note of at most MAX_NOTE_CHARS bytes has at most that many characters.
    note.len() > MAX_NOTE_CHARS && note.chars().nth(MAX_NOTE_CHARS).is_some()
}

/// The three tags a briefing note is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, enum_iterator::Sequence)]
pub enum Tag {
    Challenge,
    GoodPractice,
    Proposal,
}

impl Tag {
    /// Every tag, in the order briefing notes list them.
    pub const ALL: [Self; 3] = [Self::Challenge, Self::GoodPractice, Self::Proposal];

    /// A stable name for files and the command line: `challenge`, `good-practice`, `proposal`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Challenge => "challenge",
            Self::GoodPractice => "good-practice",
            Self::Proposal => "proposal",
        }
    }

    /// The tag's colour on a light background, as RGB: its mark in the window's light theme,
    /// in the Word and HTML notes, and in the icon (`assets/icons/*.svg`, checked by a test).
    /// Defined here once.
    pub const fn color(self) -> [u8; 3] {
        match self {
            Self::Challenge => [0xC0, 0x39, 0x2B],
            Self::GoodPractice => [0x1E, 0x84, 0x49],
            Self::Proposal => [0x1F, 0x5F, 0xC8],
        }
    }

    /// The tag's colour on a dark background (the window's dark theme).
    pub const fn color_on_dark(self) -> [u8; 3] {
        match self {
            Self::Challenge => [0xFF, 0x7B, 0x72],
            Self::GoodPractice => [0x56, 0xD3, 0x64],
            Self::Proposal => [0x79, 0xC0, 0xFF],
        }
    }

    /// [`Tag::color`] as hexadecimal digits, `C0392B`, as Word, CSS and SVG write it.
    pub fn color_hex(self) -> String {
        let [r, g, b] = self.color();
        format!("{r:02X}{g:02X}{b:02X}")
    }

    fn bit(self) -> u8 {
        match self {
            Self::Challenge => 1,
            Self::GoodPractice => 2,
            Self::Proposal => 4,
        }
    }
}

/// A set of tags: a paragraph may carry several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TagSet(u8);

impl TagSet {
    /// No tags.
    pub const EMPTY: Self = Self(0);

    /// The set holding just `tag`.
    pub fn only(tag: Tag) -> Self {
        Self(tag.bit())
    }

    pub fn contains(self, tag: Tag) -> bool {
        self.0 & tag.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set with `tag` added if it was missing, removed if it was there.
    #[must_use]
    pub fn toggled(self, tag: Tag) -> Self {
        Self(self.0 ^ tag.bit())
    }

    /// Whether the two sets share a tag.
    pub fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// The tags in the set, in [`Tag::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Tag> {
        Tag::ALL.into_iter().filter(move |tag| self.contains(*tag))
    }
}

impl FromIterator<Tag> for TagSet {
    fn from_iter<I: IntoIterator<Item = Tag>>(tags: I) -> Self {
        tags.into_iter()
            .fold(Self::EMPTY, |set, tag| Self(set.0 | tag.bit()))
    }
}

/// The position of a numbered paragraph among the document's paragraphs (0 for the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParagraphIndex(pub usize);

/// A paragraph's tags and note, and the suggested tags the delegate dismissed on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotation {
    pub tags: TagSet,
    pub note: String,
    /// When the tags or note last changed, if known.
    pub changed: Option<std::time::SystemTime>,
    /// Suggested tags the delegate said no to (not tags: never exported or counted; kept so
    /// that they are not suggested again).
    pub dismissed: TagSet,
    /// The sub-paragraph the excerpt quotes instead of the whole paragraph (its label: `b` for
    /// `(b)`), cited `para. 12 (b)`.
    pub part: Option<String>,
    /// Who made the annotation or last changed it (a name set in the preferences, by default
    /// the system's user name), if known.
    pub author: Option<String>,
    /// Other versions of the note, from a merge where both sides changed it: kept until the
    /// user chooses (the paragraph is in conflict while any is left).
    pub conflicts: Vec<String>,
}

/// When an annotation last changed, and who changed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub time: Option<std::time::SystemTime>,
    pub author: Option<String>,
}

impl Annotation {
    /// Nothing worth keeping: no tag, no note, nothing dismissed, no sub-paragraph chosen.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.note.is_empty()
            && self.dismissed.is_empty()
            && self.part.is_none()
            && self.conflicts.is_empty()
    }
}

/// The annotations of one report, by paragraph. Paragraphs without tags or note have no entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    entries: BTreeMap<ParagraphIndex, Annotation>,
}

impl Annotations {
    /// The paragraph's annotation, if it has one.
    pub fn get(&self, paragraph: ParagraphIndex) -> Option<&Annotation> {
        self.entries.get(&paragraph)
    }

    pub fn tags(&self, paragraph: ParagraphIndex) -> TagSet {
        self.get(paragraph).map_or(TagSet::EMPTY, |a| a.tags)
    }

    pub fn note(&self, paragraph: ParagraphIndex) -> &str {
        self.get(paragraph).map_or("", |a| a.note.as_str())
    }

    pub fn set_tags(&mut self, paragraph: ParagraphIndex, tags: TagSet) {
        self.update(paragraph, |annotation| annotation.tags = tags);
    }

    /// The suggested tags dismissed on a paragraph.
    pub fn dismissed(&self, paragraph: ParagraphIndex) -> TagSet {
        self.get(paragraph).map_or(TagSet::EMPTY, |a| a.dismissed)
    }

    pub fn set_dismissed(&mut self, paragraph: ParagraphIndex, dismissed: TagSet) {
        self.update(paragraph, |annotation| annotation.dismissed = dismissed);
    }

    /// The sub-paragraph a paragraph's excerpt quotes, if one was chosen.
    pub fn part(&self, paragraph: ParagraphIndex) -> Option<&str> {
        self.get(paragraph).and_then(|a| a.part.as_deref())
    }

    pub fn set_part(&mut self, paragraph: ParagraphIndex, part: Option<&str>) {
        self.update(paragraph, |annotation| {
            annotation.part = part.map(str::to_owned);
        });
    }

    pub fn set_note(&mut self, paragraph: ParagraphIndex, note: &str) {
        self.update(paragraph, |annotation| {
            note.clone_into(&mut annotation.note);
        });
    }

    fn update(&mut self, paragraph: ParagraphIndex, change: impl FnOnce(&mut Annotation)) {
        let annotation = self.entries.entry(paragraph).or_default();
        change(annotation);
        if annotation.is_empty() {
            self.entries.remove(&paragraph);
        }
    }

    /// Put an annotation in place (loading a tags file). An empty one leaves no entry.
    pub fn insert(&mut self, paragraph: ParagraphIndex, annotation: Annotation) {
        if annotation.is_empty() {
            self.entries.remove(&paragraph);
        } else {
            self.entries.insert(paragraph, annotation);
        }
    }

    /// Record when a paragraph's annotation last changed (nothing, if it has none).
    pub fn set_changed(&mut self, paragraph: ParagraphIndex, time: Option<std::time::SystemTime>) {
        if let Some(annotation) = self.entries.get_mut(&paragraph) {
            annotation.changed = time;
        }
    }

    /// When and by whom a paragraph's annotation last changed.
    pub fn stamp(&self, paragraph: ParagraphIndex) -> Stamp {
        self.get(paragraph).map_or_else(Stamp::default, |a| Stamp {
            time: a.changed,
            author: a.author.clone(),
        })
    }

    /// Record when and by whom a paragraph's annotation last changed (nothing, if it has
    /// none).
    pub fn set_stamp(&mut self, paragraph: ParagraphIndex, stamp: &Stamp) {
        if let Some(annotation) = self.entries.get_mut(&paragraph) {
            annotation.changed = stamp.time;
            annotation.author.clone_from(&stamp.author);
        }
    }

    /// How many paragraphs carry `tag`.
    pub fn count(&self, tag: Tag) -> usize {
        self.entries
            .values()
            .filter(|a| a.tags.contains(tag))
            .count()
    }

    /// Annotated paragraphs in document order.
    pub fn iter(&self) -> impl Iterator<Item = (ParagraphIndex, &Annotation)> {
        self.entries
            .iter()
            .map(|(index, annotation)| (*index, annotation))
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_sets() {
        let set = TagSet::EMPTY.toggled(Tag::Proposal).toggled(Tag::Challenge);
        assert!(set.contains(Tag::Challenge) && set.contains(Tag::Proposal));
        assert!(!set.contains(Tag::GoodPractice));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Tag::Challenge, Tag::Proposal]
        );
        assert_eq!(set.toggled(Tag::Challenge), TagSet::only(Tag::Proposal));
        assert!(set.intersects(TagSet::only(Tag::Proposal)));
        assert!(!set.intersects(TagSet::only(Tag::GoodPractice)));
        assert_eq!(
            [Tag::Challenge, Tag::Proposal]
                .into_iter()
                .collect::<TagSet>(),
            set
        );
    }

    #[test]
    fn empty_annotations_leave_no_entry() {
        let mut annotations = Annotations::default();
        let p = ParagraphIndex(3);
        annotations.set_tags(p, TagSet::only(Tag::Challenge));
        annotations.set_note(p, "需要跟进");
        assert_eq!(annotations.count(Tag::Challenge), 1);
        annotations.set_tags(p, TagSet::EMPTY);
        assert_eq!(annotations.note(p), "需要跟进", "the note keeps the entry");
        annotations.set_note(p, "");
        assert!(annotations.is_empty());
        assert_eq!(annotations.tags(p), TagSet::EMPTY);
    }
}

//! Anchoring: each annotation of a tags file placed in a report — exactly, moved, matched
//! fuzzily by its quote, or kept as an orphan.

use std::collections::HashMap;
use std::time::Duration;

use super::{Entry, Fingerprints, TagsFile, normalize, parse_time, tag_from_key};
use crate::annotations::{Annotation, Annotations, ParagraphIndex, TagSet};
use crate::document::Document;

/// The similarity (0–1) above which a quote matches a paragraph that was edited.
const FUZZY_THRESHOLD: f32 = 0.75;

/// How an annotation found its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Same text, same number.
    Exact,
    /// Same text under another number (paragraphs inserted or removed before it).
    Moved,
    /// The text was edited; found by its number and quote, or by a fuzzy match of its quote.
    Fuzzy,
}

/// Annotations placed in a document, and those that could not be.
#[derive(Clone, Debug, Default)]
pub struct Anchored {
    pub annotations: Annotations,
    pub orphans: Vec<super::Orphan>,
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    /// Each placed annotation's paragraph in other language versions, as the file gave it.
    pub texts: Vec<(ParagraphIndex, Vec<super::VersionText>)>,
    /// Each placed annotation's revision (the save it last changed in), as the file gave it.
    pub revisions: Vec<(ParagraphIndex, String)>,
}

struct Candidate<'a> {
    number: u32,
    fingerprint: &'a str,
    text: &'a str,
    /// The normalised text, made only if a fuzzy match needs it.
    normalized: std::cell::OnceCell<String>,
}

impl Candidate<'_> {
    fn normalized(&self) -> &str {
        self.normalized.get_or_init(|| normalize(self.text))
    }
}

/// Place a file's annotations in a document: by fingerprint, then by printed number confirmed
/// by the quote, then by a fuzzy match of the quote. What matches nowhere is an orphan.
///
/// Each way of matching is one pass over all entries, the surest first, so that an entry is
/// never beaten to its paragraph by a weaker match earlier in the file. That also makes a saved
/// file a fixed point: every placed entry is written with its paragraph's number and
/// fingerprint and takes it back in the first pass, and an orphan meets no more free paragraphs
/// than it did before, so opening and saving again changes nothing.
pub fn anchor(file: &TagsFile, document: &Document, fingerprints: &Fingerprints) -> Anchored {
    let paragraphs = Paragraphs::new(document, fingerprints);
    let quotes: Vec<String> = file
        .annotations
        .iter()
        .map(|entry| normalize(&entry.quote))
        .collect();
    let mut taken = vec![false; paragraphs.candidates.len()];
    let mut placed: Vec<Option<(usize, Anchor)>> = vec![None; file.annotations.len()];
    for pass in Pass::ALL {
        for (at, entry) in file.annotations.iter().enumerate() {
            if placed[at].is_some() || carries_nothing(entry) {
                continue;
            }
            if let Some(index) = paragraphs.find(pass, entry, &quotes[at], &taken) {
                taken[index] = true;
                placed[at] = Some((index, pass.anchor()));
            }
        }
    }

    let mut anchored = Anchored::default();
    for (entry, place) in file.annotations.iter().zip(placed) {
        if carries_nothing(entry) {
            continue;
        }
        let Some((index, kind)) = place else {
            anchored.orphans.push(super::Orphan::of(entry));
            continue;
        };
        match kind {
            Anchor::Exact => anchored.exact += 1,
            Anchor::Moved => anchored.moved += 1,
            Anchor::Fuzzy => anchored.fuzzy += 1,
        }
        let annotation = Annotation {
            tags: entry
                .tags
                .iter()
                .filter_map(|key| tag_from_key(key))
                .collect::<TagSet>(),
            note: entry.note.clone(),
            changed: parse_time(&entry.changed),
            dismissed: entry
                .dismissed
                .iter()
                .filter_map(|key| tag_from_key(key))
                .collect::<TagSet>(),
            part: entry.part.clone(),
            author: entry.author.clone(),
            conflicts: entry.conflicts.clone(),
        };
        anchored
            .annotations
            .insert(ParagraphIndex(index), annotation);
        if !entry.versions.is_empty() {
            anchored
                .texts
                .push((ParagraphIndex(index), entry.versions.clone()));
        }
        if let Some(revision) = &entry.revision {
            anchored
                .revisions
                .push((ParagraphIndex(index), revision.clone()));
        }
    }
    anchored
}

/// An entry with no tag and no note carries nothing to keep; it must not take a paragraph (or
/// become an orphan) that the next save would not write.
fn carries_nothing(entry: &Entry) -> bool {
    entry.tags.is_empty()
        && entry.note.is_empty()
        && entry.dismissed.is_empty()
        && entry.part.is_none()
        && entry.conflicts.is_empty()
}

/// The ways an entry finds its paragraph, surest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    /// Same text, same number.
    Exact,
    /// Same text, another number.
    Moved,
    /// Edited text under the same number, confirmed by the quote.
    SameNumber,
    /// Edited text anywhere: the best match of the quote.
    Anywhere,
}

impl Pass {
    const ALL: [Self; 4] = [Self::Exact, Self::Moved, Self::SameNumber, Self::Anywhere];

    fn anchor(self) -> Anchor {
        match self {
            Self::Exact => Anchor::Exact,
            Self::Moved => Anchor::Moved,
            Self::SameNumber | Self::Anywhere => Anchor::Fuzzy,
        }
    }
}

/// A document's paragraphs, indexed for anchoring.
struct Paragraphs<'a> {
    candidates: Vec<Candidate<'a>>,
    by_fingerprint: HashMap<&'a str, Vec<usize>>,
    by_number: HashMap<u32, Vec<usize>>,
}

impl<'a> Paragraphs<'a> {
    fn new(document: &'a Document, fingerprints: &'a Fingerprints) -> Self {
        let candidates: Vec<Candidate<'a>> = document
            .paragraphs()
            .zip(&fingerprints.paragraphs)
            .map(|(paragraph, fingerprint)| Candidate {
                number: paragraph.number,
                fingerprint,
                text: &paragraph.text,
                normalized: std::cell::OnceCell::new(),
            })
            .collect();
        let mut by_fingerprint: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_number: HashMap<u32, Vec<usize>> = HashMap::new();
        for (index, candidate) in candidates.iter().enumerate() {
            by_fingerprint
                .entry(candidate.fingerprint)
                .or_default()
                .push(index);
            by_number.entry(candidate.number).or_default().push(index);
        }
        Self {
            candidates,
            by_fingerprint,
            by_number,
        }
    }

    /// The free paragraph `entry` (with its normalised `quote`) finds in this pass, if any.
    fn find(&self, pass: Pass, entry: &Entry, quote: &str, taken: &[bool]) -> Option<usize> {
        let free = |index: &usize| !taken[*index];
        let similar = |index: usize| {
            let score = similarity(quote, self.candidates[index].normalized());
            (score >= FUZZY_THRESHOLD).then_some(score)
        };
        match pass {
            Pass::Exact => self
                .by_fingerprint
                .get(entry.fingerprint.as_str())?
                .iter()
                .copied()
                .filter(free)
                .find(|index| self.candidates[*index].number == entry.paragraph),
            Pass::Moved => self
                .by_fingerprint
                .get(entry.fingerprint.as_str())?
                .iter()
                .copied()
                .find(free),
            Pass::SameNumber if !quote.is_empty() => self
                .by_number
                .get(&entry.paragraph)?
                .iter()
                .copied()
                .filter(free)
                .find(|index| similar(*index).is_some()),
            Pass::Anywhere if !quote.is_empty() => (0..self.candidates.len())
                .filter(free)
                .filter_map(|index| Some((index, similar(index)?)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(index, _)| index),
            Pass::SameNumber | Pass::Anywhere => None,
        }
    }
}

/// How well a quote matches the start of a paragraph (both normalised), 0–1.
fn similarity(quote: &str, paragraph: &str) -> f32 {
    let quote_chars = quote.chars().count();
    let end = paragraph
        .char_indices()
        .nth(quote_chars)
        .map_or(paragraph.len(), |(at, _)| at);
    let prefix = &paragraph[..end];
    if prefix == quote {
        return 1.0;
    }
    similar::TextDiff::configure()
        .timeout(Duration::from_millis(50))
        .diff_chars(quote, prefix)
        .ratio()
}

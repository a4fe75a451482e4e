//! A report with its tags: the document, the annotations made on it, their undo history and
//! the tags that could not be placed in it (orphans). The one place annotations change.
//!
//! As helix's `Document` owns its `History`, a [`TaggedReport`] owns its annotations and the
//! history of their edits: a tag or a note changes only through [`TaggedReport::set_tags`],
//! [`TaggedReport::type_note`], [`TaggedReport::undo`] and [`TaggedReport::redo`], each given
//! the moment it happens (the change time is part of the edit, so undo gives it back). Taking a
//! tags file says what happened in a type ([`Loaded`]); the window turns that into notices and
//! questions, the command line into messages, and both export through
//! [`TaggedReport::export`]. No UI crate is imported here.

use std::path::{Path, PathBuf};

use crate::annotations::{Annotations, ParagraphIndex, Tag, TagSet};
use crate::document::{Block, Document};
use crate::export::{ExportError, ExportOptions, Format};
use crate::history::{History, Moment};
use crate::storage::{self, Allow, Disk, ReadError, SaveError, Stamp};
use crate::tags_file::{self, Anchored, DocumentRef, Fingerprints, Orphan, TagsFile};

/// A report, its annotations, their history and its orphans.
#[derive(Debug)]
pub struct TaggedReport {
    document: Document,
    fingerprints: Fingerprints,
    /// For each paragraph index, its block's index in the document.
    paragraph_blocks: Vec<usize>,
    annotations: Annotations,
    history: History,
    /// Annotations of a tags file that match no paragraph here: kept, shown and saved again.
    orphans: Vec<Orphan>,
    /// The tags file the annotations are kept in (`None`: Save must ask where).
    tags_path: Option<PathBuf>,
    /// What that file held when it was read or last written (`None`: nothing is known of it):
    /// a save checks the file still holds it.
    tags_stamp: Option<Stamp>,
    /// Other language versions the tags are used with: one shown beside the report, or
    /// recorded in the tags file (each paragraph's text there, so that the same file anchors in
    /// either version).
    versions: Vec<tags_file::KeptVersion>,
    /// Where the tags come from, for a merge (see [`Lineage`]).
    lineage: Lineage,
}

/// Where the tags come from, so that a merge tells a colleague's changes and removals from
/// what was never there: the revision of the tags file last read or written, the revisions
/// it descends from (with those of files merged in since), and each paragraph's annotation as
/// it was then, with the revision it last changed in.
#[derive(Clone, Debug, Default)]
struct Lineage {
    revision: Option<String>,
    ancestors: Vec<String>,
    saved: std::collections::HashMap<ParagraphIndex, (crate::annotations::Annotation, String)>,
}

/// How many earlier revisions a tags file names (enough for months of daily saves; a merge
/// with a file older than that merges as if the two had no common past).
const MAX_ANCESTORS: usize = 500;

/// A new revision id: unique to this save on this machine (the time, the process, a count).
fn new_revision() -> String {
    use sha2::Digest as _;
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let count = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let seed = format!("{}-{}-{count}", std::process::id(), since.as_nanos());
    let digest = sha2::Sha256::digest(seed.as_bytes());
    digest.iter().take(8).fold(String::new(), |mut hex, byte| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// Why the tags could not be saved. Nothing was written.
#[derive(Debug)]
pub enum SaveTagsError {
    /// The text about to be written did not read back as the same tags (a bug; the file is
    /// left as it was rather than written with what could not be read again).
    ReadBack,
    /// The file could not be written (or was not written without the user's say).
    Save(SaveError),
}

/// How a conflict left by a merge is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the note as it is; the other versions go.
    KeepNote,
    /// Take this other version in its place.
    Take(usize),
    /// Keep the note and every other version, one after the other.
    KeepAll,
}

/// What taking a tags file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// The tags are placed: how many where they were saved, how many moved or matched
    /// fuzzily (another revision or extraction of the report), how many are orphans.
    Anchored {
        exact: usize,
        moved: usize,
        fuzzy: usize,
        orphans: usize,
    },
    /// The file names another report (`theirs`, its symbol): nothing was taken.
    Foreign { theirs: String },
}

impl Loaded {
    /// Whether some tags did not land exactly where they were saved (worth telling the user).
    pub fn reanchored(&self) -> bool {
        matches!(self, Self::Anchored { moved, fuzzy, orphans, .. } if moved + fuzzy + orphans > 0)
    }
}

/// Why a tags file could not be read.
#[derive(Debug)]
pub enum ReadTagsError {
    /// The file could not be read (not a regular file, too large, permissions, …).
    Read(ReadError),
    /// Its content is not a tags file paratag can read.
    Format(tags_file::LoadError),
}

impl std::fmt::Display for ReadTagsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Read(error) => error.fmt(f),
            Self::Format(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ReadTagsError {}

/// A tags file read from disk, and the stamp of the bytes read (what a later save checks).
#[derive(Debug)]
pub struct ReadTags {
    pub file: TagsFile,
    pub stamp: Stamp,
}

/// Why a report cannot join a briefing note with its tags.
#[derive(Debug)]
pub enum OpenTaggedError {
    /// The report cannot be read.
    Report(crate::parse::ReportError),
    /// It has no tags file yet (nothing to quote from it).
    NoTags,
    /// Its tags file cannot be read.
    Tags(ReadTagsError),
    /// The tags file is for another report (`theirs`; `ours`, the report's own symbol).
    Foreign {
        theirs: String,
        ours: Option<String>,
    },
}

/// A report and the tags in `tags`, as a briefing note across several reports takes them
/// (`paratag export A B …`, the Export dialog's "Add report"). Nothing is written.
pub fn open_tagged(report: &Path, tags: &Path) -> Result<TaggedReport, OpenTaggedError> {
    let document = crate::parse::read_report(report).map_err(OpenTaggedError::Report)?;
    let mut tagged = TaggedReport::new(document);
    let read = read_tags(tags)
        .map_err(OpenTaggedError::Tags)?
        .ok_or(OpenTaggedError::NoTags)?;
    if let Loaded::Foreign { theirs } = tagged.take_tags(&read.file, false) {
        let ours = tagged.document().symbol.clone();
        return Err(OpenTaggedError::Foreign { theirs, ours });
    }
    tagged.keep_tags_in(tags.to_owned(), Some(read.stamp));
    Ok(tagged)
}

/// The tags file that sits beside a report, where paratag keeps its tags: `NAME.tags.ron` for
/// `NAME.txt` (or `NAME.pdf`).
pub fn tags_beside(report: &Path) -> PathBuf {
    report.with_extension("tags.ron")
}

/// Read a tags file: `Ok(None)` when there is none at `path` yet. Temporary files a crashed
/// save left beside it are cleaned first.
pub fn read_tags(path: &Path) -> Result<Option<ReadTags>, ReadTagsError> {
    if let Ok(target) = storage::resolve_links(path) {
        storage::clean_stray_temporaries(&target);
    }
    let bytes = match storage::read_regular(path, storage::MAX_SAVED_BYTES) {
        Ok(bytes) => bytes,
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => return Err(ReadTagsError::Read(error)),
    };
    let file = tags_file::parse(&bytes).map_err(ReadTagsError::Format)?;
    Ok(Some(ReadTags {
        file,
        stamp: Stamp::of(Some(&bytes)),
    }))
}

impl TaggedReport {
    /// A report with no tags yet.
    pub fn new(document: Document) -> Self {
        let paragraph_blocks = document
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| matches!(block, Block::Paragraph(_)))
            .map(|(index, _)| index)
            .collect();
        Self {
            fingerprints: Fingerprints::new(&document),
            document,
            paragraph_blocks,
            annotations: Annotations::default(),
            history: History::default(),
            orphans: Vec::new(),
            tags_path: None,
            tags_stamp: None,
            versions: Vec::new(),
            lineage: Lineage::default(),
        }
    }

    /// The tags file the annotations are kept in, if one is known.
    pub fn tags_path(&self) -> Option<&Path> {
        self.tags_path.as_deref()
    }

    /// What the tags file held when it was read or last written.
    pub fn tags_stamp(&self) -> Option<&Stamp> {
        self.tags_stamp.as_ref()
    }

    /// Keep the tags in the file at `path`, which holds `stamp` now (`None`: unknown — it could
    /// not be read, and is not written over without asking).
    pub fn keep_tags_in(&mut self, path: PathBuf, stamp: Option<Stamp>) {
        self.tags_path = Some(path);
        self.tags_stamp = stamp;
    }

    /// The tags belong in no file yet (Save asks where).
    pub fn forget_tags_file(&mut self) {
        self.tags_path = None;
        self.tags_stamp = None;
    }

    /// Write the tags to `path` on `disk`: the text is read back before it replaces anything,
    /// and written only if the file still holds `expected` (`None`: the user chose to
    /// overwrite) and as `allow`s. `file_name` is the report's, recorded in the file. Then the
    /// tags are kept there, and what was saved is an undo step of its own.
    pub fn save_tags(
        &mut self,
        disk: &dyn Disk,
        path: &Path,
        file_name: Option<&str>,
        expected: Option<&Stamp>,
        allow: Allow,
    ) -> Result<(), SaveTagsError> {
        // A new revision, descending from the one read or written before (and the files merged
        // since); every paragraph changed since is of this revision.
        let revision = new_revision();
        let mut file = self.tags_file_with(file_name, &|paragraph| {
            Some(
                self.entry_revision(paragraph)
                    .map_or_else(|| revision.clone(), str::to_owned),
            )
        });
        let mut ancestors: Vec<String> = file.revision.take().into_iter().collect();
        for earlier in std::mem::take(&mut file.ancestors) {
            if !ancestors.contains(&earlier) {
                ancestors.push(earlier);
            }
        }
        ancestors.truncate(MAX_ANCESTORS);
        file.ancestors = ancestors;
        file.revision = Some(revision.clone());
        file.format = file.needed_format();
        let text = tags_file::to_string(&file);
        if tags_file::parse(text.as_bytes()).as_ref() != Ok(&file) {
            return Err(SaveTagsError::ReadBack);
        }
        let stamp = storage::save(disk, path, text.as_bytes(), expected, allow)
            .map_err(SaveTagsError::Save)?;
        // What is saved now: the paragraphs unchanged since keep their revision (and their
        // copy, moved rather than made again), the others are of this one.
        let mut earlier = std::mem::take(&mut self.lineage.saved);
        let saved = self
            .annotations
            .iter()
            .map(|(paragraph, annotation)| match earlier.remove(&paragraph) {
                Some(kept) if kept.0 == *annotation => (paragraph, kept),
                _ => (paragraph, (annotation.clone(), revision.clone())),
            })
            .collect();
        self.lineage = Lineage {
            revision: file.revision,
            ancestors: file.ancestors,
            saved,
        };
        self.keep_tags_in(path.to_owned(), Some(stamp));
        self.mark_saved();
        Ok(())
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn fingerprints(&self) -> &Fingerprints {
        &self.fingerprints
    }

    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// How many numbered paragraphs the report has.
    pub fn paragraph_count(&self) -> usize {
        self.paragraph_blocks.len()
    }

    /// The block of a paragraph.
    pub fn block_of(&self, paragraph: ParagraphIndex) -> Option<usize> {
        self.paragraph_blocks.get(paragraph.0).copied()
    }

    /// The paragraph index of a block, if it is a numbered paragraph.
    pub fn paragraph_at_block(&self, block: usize) -> Option<ParagraphIndex> {
        self.paragraph_blocks
            .binary_search(&block)
            .ok()
            .map(ParagraphIndex)
    }

    /// The printed number of a paragraph.
    pub fn paragraph_number(&self, paragraph: ParagraphIndex) -> Option<u32> {
        self.paragraph(paragraph).map(|p| p.number)
    }

    /// A numbered paragraph of the report.
    pub fn paragraph(&self, paragraph: ParagraphIndex) -> Option<&crate::document::Paragraph> {
        match self.document.blocks.get(self.block_of(paragraph)?)? {
            Block::Paragraph(p) => Some(p),
            Block::Heading(_) | Block::Text(_) => None,
        }
    }

    /// Set a paragraph's tags, one undoable step. A paragraph the report does not have is
    /// left alone.
    pub fn set_tags(&mut self, paragraph: ParagraphIndex, tags: TagSet, now: Moment) {
        if paragraph.0 < self.paragraph_count() {
            self.history
                .set_tags(&mut self.annotations, paragraph, tags, now);
        }
    }

    /// Set several paragraphs' tags as one undoable step (paragraphs the report does not have
    /// are left alone).
    pub fn set_tags_many(&mut self, changes: &[(ParagraphIndex, TagSet)], now: Moment) {
        let count = self.paragraph_count();
        let changes: Vec<_> = changes
            .iter()
            .copied()
            .filter(|(paragraph, _)| paragraph.0 < count)
            .collect();
        self.history
            .set_tags_many(&mut self.annotations, &changes, now);
    }

    /// Dismiss suggested tags on a paragraph (added to those dismissed before), one undoable
    /// step.
    pub fn dismiss(&mut self, paragraph: ParagraphIndex, tags: TagSet) {
        if paragraph.0 < self.paragraph_count() {
            let mut dismissed = self.annotations.dismissed(paragraph);
            for tag in tags.iter() {
                if !dismissed.contains(tag) {
                    dismissed = dismissed.toggled(tag);
                }
            }
            self.history
                .set_dismissed(&mut self.annotations, paragraph, dismissed);
        }
    }

    /// Quote only a sub-paragraph of a paragraph (`None`: the whole paragraph again), one
    /// undoable step. A label the paragraph has no sub-paragraph for changes nothing.
    pub fn set_part(&mut self, paragraph: ParagraphIndex, part: Option<&str>, now: Moment) {
        let Some(found) = self.paragraph(paragraph) else {
            return;
        };
        if part.is_some_and(|label| found.part(label).is_none()) {
            return;
        }
        self.end_typing();
        self.history
            .set_part(&mut self.annotations, paragraph, part, now);
    }

    /// Put a tag on a paragraph, or take it off.
    pub fn toggle_tag(&mut self, paragraph: ParagraphIndex, tag: Tag, now: Moment) {
        let tags = self.annotations.tags(paragraph).toggled(tag);
        self.set_tags(paragraph, tags, now);
    }

    /// Set a paragraph's note as typed; keystrokes merge into steps as [`History::type_note`]
    /// says.
    pub fn type_note(&mut self, paragraph: ParagraphIndex, note: &str, now: Moment) {
        if paragraph.0 < self.paragraph_count() {
            self.history
                .type_note(&mut self.annotations, paragraph, note, now);
        }
    }

    /// Undo the last step; returns the paragraph it touched.
    pub fn undo(&mut self) -> Option<ParagraphIndex> {
        self.history.undo(&mut self.annotations)
    }

    /// Redo the last undone step; returns the paragraph it touched.
    pub fn redo(&mut self) -> Option<ParagraphIndex> {
        self.history.redo(&mut self.annotations)
    }

    /// The note being typed is finished: the next keystroke is a new step.
    pub fn end_typing(&mut self) {
        self.history.end_typing();
    }

    /// Who makes the edits from now on: their name is recorded with each annotation they make
    /// or change (the window's preference, by default the system's user name).
    pub fn set_author(&mut self, author: Option<&str>) {
        self.history.set_author(author);
    }

    /// A new history that records the same author as the one it replaces.
    fn fresh(&self, mut history: History) -> History {
        history.set_author(self.history.author());
        history
    }

    /// The annotations as they are now are saved.
    pub fn mark_saved(&mut self) {
        self.history.end_typing();
        self.history.mark_saved();
    }

    /// The annotations as they are now are not in any file (tags taken from another report's
    /// file, or restored from a recovery copy): Save has something to do.
    pub fn mark_unsaved(&mut self) {
        self.history = self.fresh(History::unsaved());
    }

    /// No tags: a new tags file, or one that could not be read.
    pub fn clear_tags(&mut self) {
        self.annotations = Annotations::default();
        self.orphans.clear();
        self.versions.clear();
        self.lineage = Lineage::default();
        self.history = self.fresh(History::default());
    }

    /// Take a tags file's annotations in place of the ones here (a fresh history: what was
    /// read is what is saved). Tags for another report (another symbol) are taken only when
    /// `force`; otherwise nothing changes and the answer says whose they are.
    pub fn take_tags(&mut self, file: &TagsFile, force: bool) -> Loaded {
        let pivoted = file.seen_from(self.document.language.code());
        let file = pivoted.as_ref().unwrap_or(file);
        if !force
            && let (Some(theirs), Some(ours)) = (&file.document.symbol, &self.document.symbol)
            && theirs != ours
        {
            return Loaded::Foreign {
                theirs: theirs.clone(),
            };
        }
        let anchored = self.anchor(file);
        self.versions.clear();
        self.keep_versions(file, &anchored);
        self.lineage = Lineage {
            revision: file.revision.clone(),
            ancestors: file.ancestors.clone(),
            saved: anchored
                .revisions
                .iter()
                .filter_map(|(paragraph, revision)| {
                    let annotation = anchored.annotations.get(*paragraph)?.clone();
                    Some((*paragraph, (annotation, revision.clone())))
                })
                .collect(),
        };
        self.annotations = anchored.annotations;
        self.orphans = anchored.orphans;
        self.history = self.fresh(History::default());
        Loaded::Anchored {
            exact: anchored.exact,
            moved: anchored.moved,
            fuzzy: anchored.fuzzy,
            orphans: self.orphans.len(),
        }
    }

    /// Where a tags file's annotations would go in this report, without taking them (a file
    /// saved with another language version of this report as its document is read as that
    /// version recorded it).
    pub fn anchor(&self, file: &TagsFile) -> Anchored {
        match file.seen_from(self.document.language.code()) {
            Some(pivoted) => tags_file::anchor(&pivoted, &self.document, &self.fingerprints),
            None => tags_file::anchor(file, &self.document, &self.fingerprints),
        }
    }

    /// Keep the other language versions a file records, with each placed paragraph's text in
    /// them (a version already here in the same language takes what the file adds).
    fn keep_versions(&mut self, file: &TagsFile, anchored: &Anchored) {
        for document in &file.versions {
            let at = if let Some(at) = self
                .versions
                .iter()
                .position(|kept| kept.document.language == document.language)
            {
                at
            } else {
                self.versions.push(tags_file::KeptVersion {
                    document: document.clone(),
                    texts: std::collections::HashMap::new(),
                });
                self.versions.len() - 1
            };
            let kept = &mut self.versions[at];
            for (paragraph, texts) in &anchored.texts {
                if let Some(text) = texts.iter().find(|t| t.language == document.language) {
                    kept.texts
                        .entry(*paragraph)
                        .or_insert_with(|| (text.fingerprint.clone(), text.quote.clone()));
                }
            }
        }
    }

    /// Record another language version of this report (shown beside it): the tags file will
    /// name it and give each annotated paragraph's fingerprint and quote in it, so that the
    /// same file anchors in that version too. It replaces what was kept of a version in the
    /// same language.
    /// `rows`: this report (left) and `other` (right) as [`crate::parallel::align`] made them.
    pub fn record_version(
        &mut self,
        other: &Document,
        rows: &[crate::parallel::Row],
        file_name: Option<&str>,
    ) {
        let fingerprints = Fingerprints::new(other);
        let document = tags_file::document_ref(other, &fingerprints, file_name);
        if document.language == self.document.language.code() {
            return;
        }
        let paragraphs: Vec<_> = other.paragraphs().collect();
        let texts = crate::parallel::paired_paragraphs(rows, &self.document, other)
            .into_iter()
            .filter_map(|(here, there)| {
                let text = paragraphs.get(there.0)?;
                let fingerprint = fingerprints.paragraphs.get(there.0)?;
                Some((here, (fingerprint.clone(), tags_file::quote(&text.text))))
            })
            .collect();
        self.versions
            .retain(|kept| kept.document.language != document.language);
        self.versions
            .push(tags_file::KeptVersion { document, texts });
    }

    /// The other language versions the tags file names.
    pub fn versions(&self) -> &[tags_file::KeptVersion] {
        &self.versions
    }

    /// Whether anchored tags hold nothing that is not already here (every annotation is here
    /// as it is, and none is an orphan).
    pub fn holds(&self, anchored: &Anchored) -> bool {
        anchored.orphans.is_empty() && anchored.annotations == self.annotations
    }

    /// Place a tags file here over what is here (a recovery copy): each paragraph in the file
    /// gets its tags and note from it, paragraphs annotated only here keep theirs, orphans are
    /// added. The result is unsaved.
    pub fn merge_over(&mut self, file: &TagsFile) {
        let anchored = self.anchor(file);
        if let Some(pivoted) = file.seen_from(self.document.language.code()) {
            self.keep_versions(&pivoted, &anchored);
        } else {
            self.keep_versions(file, &anchored);
        }
        for (paragraph, annotation) in anchored.annotations.iter() {
            self.annotations.insert(paragraph, annotation.clone());
        }
        self.keep_orphans(anchored.orphans);
        self.mark_unsaved();
    }

    /// Keep another file's orphans beside these (each once); how many were new.
    fn keep_orphans(&mut self, orphans: Vec<Orphan>) -> usize {
        let before = self.orphans.len();
        for orphan in orphans {
            if !self.orphans.contains(&orphan) {
                self.orphans.push(orphan);
            }
        }
        self.orphans.len() - before
    }

    /// Merge a colleague's tags file into the annotations here ([`crate::merge`]), as one
    /// undoable step: anchored as opening anchors it, each paragraph takes both sides' tags
    /// and notes, what matches no paragraph is kept as orphans. Tags for another report
    /// (another symbol) are refused: `Err` names theirs, and nothing changes.
    pub fn merge_tags(&mut self, file: &TagsFile) -> Result<crate::merge::MergeReport, String> {
        let pivoted = file.seen_from(self.document.language.code());
        let seen = pivoted.as_ref().unwrap_or(file);
        if let (Some(theirs), Some(ours)) = (&seen.document.symbol, &self.document.symbol)
            && theirs != ours
        {
            return Err(theirs.clone());
        }
        let anchored = self.anchor(file);
        // Without symbols to compare, a file none of whose annotations finds its paragraph here
        // is another report's.
        let placed = anchored.exact + anchored.moved + anchored.fuzzy;
        if placed == 0
            && !anchored.orphans.is_empty()
            && seen.document.fingerprint != self.document_ref(None).fingerprint
        {
            return Err(seen
                .document
                .file
                .clone()
                .unwrap_or_else(|| seen.document.fingerprint.clone()));
        }
        let theirs = crate::merge::Descent {
            known: seen
                .revision
                .iter()
                .chain(&seen.ancestors)
                .cloned()
                .collect(),
            revisions: anchored.revisions.iter().cloned().collect(),
        };
        let (changes, mut report) = crate::merge::merge_descended(
            &self.annotations,
            &anchored.annotations,
            &self.descent(),
            &theirs,
        );
        // The next save descends from their file too: what it held is seen here.
        for known in seen.revision.iter().chain(&seen.ancestors) {
            if !self.lineage.ancestors.contains(known) {
                self.lineage.ancestors.push(known.clone());
            }
        }
        self.keep_versions(seen, &anchored);
        report.orphans = self.keep_orphans(anchored.orphans);
        self.history
            .replace_many(&mut self.annotations, changes, report.orphans > 0);
        Ok(report)
    }

    /// Settle a paragraph's conflict (notes both sides of a merge changed), one undoable step:
    /// keep its note, take one of the other versions (`Take(i)`), or keep all of them, one
    /// after the other.
    pub fn resolve_conflict(&mut self, paragraph: ParagraphIndex, resolution: Resolution) {
        let Some(mut annotation) = self.annotations.get(paragraph).cloned() else {
            return;
        };
        if annotation.conflicts.is_empty() {
            return;
        }
        let others = std::mem::take(&mut annotation.conflicts);
        match resolution {
            Resolution::KeepNote => {}
            Resolution::Take(index) => match others.get(index) {
                Some(other) => annotation.note.clone_from(other),
                None => return,
            },
            Resolution::KeepAll => {
                for other in others {
                    if !annotation.note.is_empty() {
                        annotation.note.push_str("\n\n");
                    }
                    annotation.note.push_str(&other);
                }
            }
        }
        self.history
            .replace_many(&mut self.annotations, vec![(paragraph, annotation)], false);
    }

    /// Which report these tags are for, as a tags file names it (`file_name`: the report's
    /// file name, if it came from a file).
    pub fn document_ref(&self, file_name: Option<&str>) -> DocumentRef {
        tags_file::document_ref(&self.document, &self.fingerprints, file_name)
    }

    /// The tags file for the annotations as they are now, orphans included.
    pub fn tags_file(&self, file_name: Option<&str>) -> TagsFile {
        // Where the tags come from: the revision last read or written, and each paragraph's
        // where it has not changed since.
        self.tags_file_with(file_name, &|paragraph| {
            self.entry_revision(paragraph).map(str::to_owned)
        })
    }

    /// The tags file with each paragraph's entry of the revision `revision_of` gives.
    fn tags_file_with(
        &self,
        file_name: Option<&str>,
        revision_of: &dyn Fn(ParagraphIndex) -> Option<String>,
    ) -> TagsFile {
        let mut file = tags_file::build_with_versions(
            &self.document,
            &self.fingerprints,
            file_name,
            (&self.annotations, &self.orphans),
            &self.versions,
            revision_of,
        );
        file.revision.clone_from(&self.lineage.revision);
        file.ancestors.clone_from(&self.lineage.ancestors);
        file.format = file.needed_format();
        file
    }

    /// The revision a paragraph's annotation last changed in, if it is as it was then.
    fn entry_revision(&self, paragraph: ParagraphIndex) -> Option<&str> {
        let (saved, revision) = self.lineage.saved.get(&paragraph)?;
        (self.annotations.get(paragraph) == Some(saved)).then_some(revision.as_str())
    }

    /// What this report's tags descend from, for a merge.
    fn descent(&self) -> crate::merge::Descent {
        crate::merge::Descent {
            known: self
                .lineage
                .revision
                .iter()
                .chain(&self.lineage.ancestors)
                .cloned()
                .collect(),
            revisions: self
                .lineage
                .saved
                .keys()
                .filter_map(|paragraph| {
                    Some((*paragraph, self.entry_revision(*paragraph)?.to_owned()))
                })
                .collect(),
        }
    }

    /// The report and its tags as one source of a briefing note across several reports.
    pub fn source(&self) -> crate::export::Source<'_> {
        crate::export::Source {
            document: &self.document,
            annotations: &self.annotations,
            orphans: &self.orphans,
            parallel: None,
        }
    }

    /// The briefing note of the report and its tags, in a format.
    pub fn export(&self, options: &ExportOptions, format: Format) -> Result<Vec<u8>, ExportError> {
        crate::export::export(
            &self.document,
            &self.annotations,
            &self.orphans,
            options,
            format,
        )
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant, SystemTime};

    use super::*;

    fn seed() -> TaggedReport {
        TaggedReport::new(crate::builtin_report::document().expect("the built-in report parses"))
    }

    fn moment(seconds: u64) -> Moment {
        Moment::at(
            Instant::now(),
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000 + seconds),
        )
    }

    #[test]
    fn tags_change_only_through_undoable_edits() {
        let mut report = seed();
        let p = ParagraphIndex(4);
        report.toggle_tag(p, Tag::Challenge, moment(0));
        report.toggle_tag(p, Tag::Proposal, moment(5));
        report.type_note(p, "raise in plenary", moment(9));
        assert!(report.history().is_modified());
        assert_eq!(report.undo(), Some(p));
        assert_eq!(report.undo(), Some(p));
        assert_eq!(report.annotations().tags(p), TagSet::only(Tag::Challenge));
        assert_eq!(
            report.annotations().get(p).and_then(|a| a.changed),
            Some(moment(0).time)
        );
        assert_eq!(report.redo(), Some(p));
        assert_eq!(report.annotations().count(Tag::Proposal), 1);
        // A paragraph the report does not have: nothing happens, nothing to undo.
        let revision = report.history().revision();
        report.toggle_tag(
            ParagraphIndex(report.paragraph_count()),
            Tag::Proposal,
            moment(10),
        );
        report.type_note(ParagraphIndex(usize::MAX), "lost", moment(11));
        assert_eq!(report.history().revision(), revision);
    }

    #[test]
    fn a_saved_tags_file_comes_back_to_the_same_paragraphs_unmodified() {
        let mut report = seed();
        report.toggle_tag(ParagraphIndex(0), Tag::GoodPractice, moment(0));
        report.type_note(ParagraphIndex(21), "最后一段", moment(1));
        let file = report.tags_file(Some("report.txt"));
        let mut again = seed();
        assert_eq!(
            again.take_tags(&file, false),
            Loaded::Anchored {
                exact: 2,
                moved: 0,
                fuzzy: 0,
                orphans: 0
            }
        );
        assert_eq!(again.annotations(), report.annotations());
        assert!(!again.history().is_modified());
        assert!(again.holds(&again.anchor(&file)));
        assert!(
            report
                .export(
                    &ExportOptions::new(crate::export::NoteLanguage::English),
                    Format::Text
                )
                .is_ok()
        );
    }

    /// Tags made with the English version beside the report: the file names it (format 2) and
    /// gives each paragraph's English fingerprint and quote, so that the same file opens on the
    /// English version — every tag on its paragraph — and, saved from there, on the Chinese
    /// again. Without another version the file stays format 1.
    #[test]
    fn one_tags_file_serves_both_language_versions() {
        let english = || TaggedReport::new(crate::builtin_report::english().expect("parses"));
        let mut chinese = seed();
        assert_eq!(chinese.tags_file(None).format, 1);
        let rows = crate::parallel::align(chinese.document(), english().document());
        chinese.record_version(english().document(), &rows, Some("report.en.txt"));
        chinese.toggle_tag(ParagraphIndex(3), Tag::Challenge, moment(0));
        chinese.type_note(ParagraphIndex(11), "联合国主持下的文书", moment(1));
        chinese.toggle_tag(ParagraphIndex(21), Tag::Proposal, moment(2));
        let file = chinese.tags_file(Some("report.zh.txt"));
        assert_eq!(file.format, 2);
        assert_eq!(file.versions.len(), 1);
        assert_eq!(file.versions[0].language, "en");
        assert!(
            file.annotations
                .iter()
                .all(|entry| entry.versions.len() == 1)
        );
        let text = tags_file::to_string(&file);
        assert!(text.contains("quote: \"One delegation proposed"), "{text}");
        let read = tags_file::parse(text.as_bytes()).expect("reads back");

        let mut in_english = english();
        assert_eq!(
            in_english.take_tags(&read, false),
            Loaded::Anchored {
                exact: 3,
                moved: 0,
                fuzzy: 0,
                orphans: 0
            }
        );
        assert_eq!(in_english.annotations(), chinese.annotations());
        // Saved from the English version, the file names the Chinese as the other version.
        let saved = in_english.tags_file(Some("report.en.txt"));
        assert_eq!(saved.document.language, "en");
        assert_eq!(saved.versions[0].language, "zh");
        assert_eq!(saved.versions[0].file.as_deref(), Some("report.zh.txt"));
        let mut back = seed();
        back.take_tags(&saved, false);
        assert_eq!(back.annotations(), chinese.annotations());
        assert_eq!(back.tags_file(Some("report.zh.txt")), file);
    }

    #[test]
    fn tags_of_another_report_are_taken_only_when_asked() {
        let mut report = seed();
        report.toggle_tag(ParagraphIndex(2), Tag::Challenge, moment(0));
        let mut file = report.tags_file(None);
        file.document.symbol = Some("A/HRC/55/1".to_owned());
        let mut other = seed();
        other.toggle_tag(ParagraphIndex(7), Tag::Proposal, moment(0));
        assert_eq!(
            other.take_tags(&file, false),
            Loaded::Foreign {
                theirs: "A/HRC/55/1".to_owned()
            }
        );
        assert_eq!(
            other.annotations().tags(ParagraphIndex(7)),
            TagSet::only(Tag::Proposal),
            "nothing taken"
        );
        assert!(matches!(
            other.take_tags(&file, true),
            Loaded::Anchored { exact: 1, .. }
        ));
        assert_eq!(
            other.annotations().tags(ParagraphIndex(2)),
            TagSet::only(Tag::Challenge)
        );
    }

    #[test]
    fn a_recovery_copy_merges_over_and_is_unsaved() {
        let mut report = seed();
        report.toggle_tag(ParagraphIndex(1), Tag::Challenge, moment(0));
        let copy = report.tags_file(None);
        let mut window = seed();
        window.toggle_tag(ParagraphIndex(3), Tag::Proposal, moment(0));
        window.mark_saved();
        assert!(!window.holds(&window.anchor(&copy)));
        window.merge_over(&copy);
        assert!(window.history().is_modified());
        assert_eq!(window.annotations().iter().count(), 2, "both kept");
    }

    /// Saving through the report: the file is kept as where the tags live, with what it holds;
    /// a save over a file someone changed since is refused and changes nothing; the saved state
    /// is what undo measures "unsaved" against.
    #[test]
    fn tags_are_saved_where_they_are_kept_and_never_over_a_changed_file() {
        let scratch = crate::scratch::Scratch::new("tagged-report-save");
        let path = scratch.join("report.tags.ron");
        let mut report = seed();
        report.toggle_tag(ParagraphIndex(1), Tag::Proposal, moment(0));
        let disk = storage::RealDisk;
        report
            .save_tags(&disk, &path, Some("report.txt"), None, Allow::default())
            .unwrap();
        assert_eq!(report.tags_path(), Some(path.as_path()));
        assert!(!report.history().is_modified());
        let written = std::fs::read(&path).unwrap();
        assert_eq!(report.tags_stamp(), Some(&Stamp::of(Some(&written))));

        // Someone else writes the file; the next save from here is refused.
        std::fs::write(&path, "changed elsewhere").unwrap();
        report.toggle_tag(ParagraphIndex(2), Tag::Challenge, moment(5));
        let expected = report.tags_stamp().cloned();
        let refused = report.save_tags(&disk, &path, None, expected.as_ref(), Allow::default());
        assert!(matches!(
            refused,
            Err(SaveTagsError::Save(SaveError::ChangedOnDisk))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"changed elsewhere");
        assert!(report.history().is_modified());
    }
}

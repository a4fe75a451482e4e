//! Suggested tags in the window (Edit ▸ Suggest tags): shown apart from the delegate's own,
//! accepted one paragraph at a time or all of a kind at once (one undoable step), or
//! dismissed — and a dismissed suggestion stays dismissed for its paragraph: it is kept with
//! the paragraph's annotation (`Annotation::dismissed`), saved in the tags file and undone
//! like any edit. Only accepted suggestions are tags: they alone are exported and counted.

use super::ParatagApp;
use crate::annotations::{ParagraphIndex, Tag, TagSet};
use crate::i18n::Strings;
use crate::suggest::{Lexicon, Suggestion, suggest};

/// The suggestions made for the report on screen.
#[derive(Debug, Default)]
pub struct Suggested {
    /// In document order.
    pub items: Vec<Suggestion>,
}

impl ParatagApp {
    /// The suggestions, while they are shown.
    pub fn suggested(&self) -> Option<&Suggested> {
        self.suggested.as_ref()
    }

    /// The suggestions still open for a paragraph: neither dismissed nor already its tags.
    pub fn pending_suggestions(&self, paragraph: ParagraphIndex) -> Vec<&Suggestion> {
        let Some(suggested) = &self.suggested else {
            return Vec::new();
        };
        let tags = self.annotations().tags(paragraph);
        let dismissed = self.annotations().dismissed(paragraph);
        let from = suggested
            .items
            .partition_point(|item| item.paragraph < paragraph);
        suggested.items[from..]
            .iter()
            .take_while(|item| item.paragraph == paragraph)
            .filter(|item| !tags.contains(item.tag) && !dismissed.contains(item.tag))
            .collect()
    }

    /// Show the tags the report's wording suggests, or hide them.
    pub(super) fn toggle_suggestions(&mut self) {
        if self.suggested.take().is_some() {
            return;
        }
        let language = self.report.document().language;
        let mut lexicon = Lexicon::shipped(language);
        // The delegate's own cues for this language, if any: `cues/LANG.txt` in the data
        // directory (docs/suggestions.md).
        if let Some(path) = self
            .data_dir
            .as_ref()
            .map(|dir| dir.join("cues").join(format!("{}.txt", language.code())))
            .filter(|path| path.exists())
        {
            match crate::suggest::read_lexicon(&path) {
                Ok(own) => lexicon = lexicon.with(own),
                Err(problem) => {
                    let problem = Strings::fill(
                        self.strings().cannot_read_cues,
                        &[("problem", &problem), ("path", &path.display())],
                    );
                    self.notices.problem(super::notices::About::Other, problem);
                }
            }
        }
        let document = self.report.document();
        let strings = self.strings();
        if lexicon.cues.is_empty() {
            let notice = Strings::fill(
                strings.no_cues,
                &[("language", &document.language.english_name())],
            );
            self.notices.info(notice);
            return;
        }
        let items = suggest(document, &lexicon);
        let mut paragraphs: Vec<ParagraphIndex> = items.iter().map(|item| item.paragraph).collect();
        paragraphs.dedup();
        let notice = Strings::fill(
            strings.suggested_notice,
            &[("count", &items.len()), ("paragraphs", &paragraphs.len())],
        );
        self.notices.info(notice);
        self.suggested = Some(Suggested { items });
    }

    /// Accept a paragraph's open suggestions (all of them, or one tag's): they become its tags,
    /// as one undoable step.
    pub(super) fn accept_suggestions(&mut self, paragraph: ParagraphIndex, only: Option<Tag>) {
        let mut tags = self.annotations().tags(paragraph);
        for item in self.pending_suggestions(paragraph) {
            if only.is_none_or(|tag| tag == item.tag) {
                tags = tags.toggled(item.tag);
            }
        }
        let now = self.clock.now();
        self.report.set_tags(paragraph, tags, now);
    }

    /// Accept every open suggestion of one tag, in the whole report, as one undoable step.
    pub(super) fn accept_all_suggested(&mut self, tag: Tag) {
        let Some(suggested) = &self.suggested else {
            return;
        };
        let paragraphs: Vec<ParagraphIndex> = suggested
            .items
            .iter()
            .filter(|item| item.tag == tag)
            .map(|item| item.paragraph)
            .collect();
        let changes: Vec<(ParagraphIndex, TagSet)> = paragraphs
            .into_iter()
            .filter(|paragraph| {
                self.pending_suggestions(*paragraph)
                    .iter()
                    .any(|item| item.tag == tag)
            })
            .map(|paragraph| {
                let tags = self.annotations().tags(paragraph);
                (
                    paragraph,
                    if tags.contains(tag) {
                        tags
                    } else {
                        tags.toggled(tag)
                    },
                )
            })
            .collect();
        let now = self.clock.now();
        self.report.set_tags_many(&changes, now);
    }

    /// Dismiss a paragraph's open suggestions (all, or one tag's), one undoable step: they
    /// stay dismissed, in the tags file too.
    pub(super) fn dismiss_suggestions(&mut self, paragraph: ParagraphIndex, only: Option<Tag>) {
        let tags: TagSet = self
            .pending_suggestions(paragraph)
            .iter()
            .map(|item| item.tag)
            .filter(|tag| only.is_none_or(|only| only == *tag))
            .collect();
        self.report.dismiss(paragraph, tags);
    }

    /// Select the next paragraph after the selection with an open suggestion.
    pub(super) fn next_suggested(&mut self) {
        if self.suggested.is_none() {
            self.toggle_suggestions();
        }
        let count = self.report.paragraph_count();
        let from = self.selected.map_or(0, |ParagraphIndex(at)| at + 1);
        let next = (from..count)
            .map(ParagraphIndex)
            .find(|paragraph| !self.pending_suggestions(*paragraph).is_empty());
        match next {
            Some(paragraph) => {
                if !self.is_visible(paragraph) {
                    self.filter = TagSet::EMPTY;
                }
                self.select(paragraph);
            }
            None if self.suggested.is_some() => {
                self.notices.info(self.strings().no_more_suggestions);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Command, Message, ParatagApp};
    use crate::annotations::{ParagraphIndex, Tag};
    use crate::app::preferences::Preferences;

    fn app() -> ParatagApp {
        ParatagApp::new(None, Preferences::default())
    }

    /// Suggested tags are not tags: nothing is saved or exported until accepted; `m` walks
    /// them, `a` accepts a paragraph's (one undo), `d` dismisses them for good, and every
    /// suggestion of a kind is accepted as one step.
    #[test]
    fn suggestions_are_accepted_or_dismissed_never_taken_silently() {
        let mut app = app();
        app.apply(Command::SuggestTags);
        let suggested = app.suggested().unwrap();
        assert!(!suggested.items.is_empty());
        assert!(app.annotations().is_empty(), "suggestions are not tags");
        assert!(!app.history().is_modified());
        assert!(
            app.notice().unwrap().contains("tags suggested in"),
            "{:?}",
            app.notice()
        );

        app.apply(Command::NextSuggested);
        let first = app.selected().unwrap();
        let pending: Vec<Tag> = app
            .pending_suggestions(first)
            .iter()
            .map(|s| s.tag)
            .collect();
        assert!(!pending.is_empty());
        app.apply(Command::AcceptSuggestions);
        assert_eq!(
            app.annotations().tags(first).iter().collect::<Vec<_>>(),
            pending
        );
        assert!(app.pending_suggestions(first).is_empty());
        app.apply(Command::Undo);
        assert!(
            app.annotations().is_empty(),
            "one undo takes the accepted tags back"
        );
        assert_eq!(app.pending_suggestions(first).len(), pending.len());

        app.apply(Command::DismissSuggestions);
        assert!(app.pending_suggestions(first).is_empty());
        app.apply(Command::NextSuggested);
        let second = app.selected().unwrap();
        assert!(second > first);
        // Accepting every challenge skips the paragraphs they were dismissed on.
        app.apply(Message::DismissSuggestion(second, Tag::Challenge));
        app.apply(Command::AcceptAllSuggested(Tag::Challenge));
        let challenges = app
            .suggested()
            .unwrap()
            .items
            .iter()
            .filter(|s| s.tag == Tag::Challenge && s.paragraph != first)
            .filter(|s| s.paragraph != second)
            .count();
        assert!(challenges > 0);
        assert_eq!(app.annotations().count(Tag::Challenge), challenges);
        assert!(!app.annotations().tags(second).contains(Tag::Challenge));
        app.apply(Command::Undo);
        assert_eq!(
            app.annotations().count(Tag::Challenge),
            0,
            "all of a kind: one step"
        );

        // Paragraph 14 welcomes a proposal and names the challenges that remain: both
        // suggested, and one of them accepted alone.
        let fourteen = ParagraphIndex(13);
        let tags: Vec<Tag> = app
            .pending_suggestions(fourteen)
            .iter()
            .map(|s| s.tag)
            .collect();
        assert!(
            tags.contains(&Tag::Challenge) && tags.contains(&Tag::Proposal),
            "{tags:?}"
        );
        app.apply(Message::AcceptSuggestion(fourteen, Tag::Proposal));
        assert_eq!(
            app.annotations().tags(fourteen).iter().collect::<Vec<_>>(),
            [Tag::Proposal]
        );
        app.apply(Command::SuggestTags);
        assert!(app.suggested().is_none(), "hidden again");
        assert!(app.pending_suggestions(fourteen).is_empty());
        // Shown again: what was dismissed stays dismissed.
        app.apply(Command::SuggestTags);
        assert!(app.pending_suggestions(first).is_empty());
        assert!(!app.pending_suggestions(fourteen).is_empty());
    }

    /// The delegate's own cues (`cues/zh.txt` in the data directory) add to paratag's; a file
    /// that cannot be read is named with its line, and paratag's own cues still serve.
    #[test]
    fn the_delegates_own_cues_add_to_paratags() {
        let scratch = crate::scratch::Scratch::new("suggest-own-cues");
        let data = scratch.path().join("data");
        std::fs::create_dir_all(data.join("cues")).unwrap();
        std::fs::write(data.join("cues/zh.txt"), "# mine\nproposal 2 司法协助\n").unwrap();
        let mut app = ParatagApp::launch(None, None, Some(data.clone()), Preferences::default());
        app.apply(Command::SuggestTags);
        let three = ParagraphIndex(2);
        assert!(
            app.pending_suggestions(three)
                .iter()
                .any(|s| s.tag == Tag::Proposal),
            "paragraph 3 speaks of 司法协助"
        );

        std::fs::write(data.join("cues/zh.txt"), "proposal two 司法协助\n").unwrap();
        let mut app = ParatagApp::launch(None, None, Some(data), Preferences::default());
        app.apply(Command::SuggestTags);
        let problem = app.problem().unwrap();
        assert!(
            problem.contains("line 1: `two` is not a weight"),
            "{problem}"
        );
        assert!(problem.ends_with("zh.txt"), "{problem}");
        assert!(
            !app.suggested().unwrap().items.is_empty(),
            "paratag's own cues still serve"
        );
    }

    /// A dismissal is an edit like any other: undone by Undo, saved in the tags file (format
    /// 2), and still there when the report is opened again — without becoming a tag.
    #[test]
    fn a_dismissed_suggestion_is_saved_and_undone_like_an_edit() {
        let scratch = crate::scratch::Scratch::new("suggest-dismissed");
        let tags = scratch.path().join("report.tags.ron");
        let mut app = app();
        app.apply(Command::SuggestTags);
        app.apply(Command::NextSuggested);
        let first = app.selected().unwrap();
        app.apply(Command::DismissSuggestions);
        assert!(app.pending_suggestions(first).is_empty());
        assert!(
            app.history().is_modified(),
            "a dismissal is a change to save"
        );
        app.apply(Command::Undo);
        assert!(!app.pending_suggestions(first).is_empty(), "undone");
        app.apply(Command::Redo);
        assert!(app.pending_suggestions(first).is_empty());
        assert!(app.save_to(&tags, None, crate::storage::Allow::default()));
        let text = std::fs::read_to_string(&tags).unwrap();
        assert!(
            text.contains("    format: 3,") && text.contains("dismissed: ["),
            "{text}"
        );

        let mut again = ParatagApp::launch(None, Some(&tags), None, Preferences::default());
        assert!(again.problem().is_none(), "{:?}", again.problem());
        again.apply(Command::SuggestTags);
        assert!(
            again.pending_suggestions(first).is_empty(),
            "still dismissed"
        );
        assert_eq!(again.annotations().count(Tag::Challenge), 0);
        assert_eq!(again.annotations().count(Tag::GoodPractice), 0);
        assert_eq!(again.annotations().count(Tag::Proposal), 0);
        let dialog_note = {
            again.apply(Command::Export);
            let dialog = again.export_dialog().unwrap();
            again.export_bytes(&dialog.options, crate::export::Format::Markdown)
        };
        assert_eq!(
            dialog_note,
            Err(crate::export::ExportError::NothingTagged),
            "a dismissal is not a tag"
        );
    }
}

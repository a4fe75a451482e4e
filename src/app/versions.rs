//! Another language version of the report beside it (View ▸ Parallel version…): opened,
//! aligned with the report paragraph by paragraph, compared, swapped and closed. The tags stay
//! the report's: a paragraph is tagged on either side because both sides of a row are one
//! paragraph.

use std::path::{Path, PathBuf};

use super::notices::About;
use super::{Conversion, Converting, ParatagApp};
use crate::annotations::ParagraphIndex;
use crate::document::Document;
use crate::i18n::Strings;
use crate::parallel::{Aligned, Difference, Side};
use crate::{builtin_report, parse};

/// Another language version of the report, shown beside it.
#[derive(Debug)]
pub struct ParallelVersion {
    pub document: Document,
    /// Its file; `None` for the built-in report's English version.
    pub path: Option<PathBuf>,
    /// The report (left) and this version (right), aligned.
    pub aligned: Aligned,
    /// How the two differ as versions of one report.
    pub differences: Vec<Difference>,
    /// This version is shown first (on the left) and quoted first in the note.
    pub swapped: bool,
}

impl ParallelVersion {
    /// The side shown first: the report's, unless swapped.
    pub fn first_side(&self) -> Side {
        if self.swapped {
            Side::Right
        } else {
            Side::Left
        }
    }
}

impl ParatagApp {
    /// The other language version beside the report, while one is open.
    pub fn parallel(&self) -> Option<&ParallelVersion> {
        self.parallel.as_ref()
    }

    /// The version's name as the status bar gives it: its file name, or the built-in name.
    pub fn parallel_name(&self) -> Option<String> {
        let parallel = self.parallel.as_ref()?;
        Some(match &parallel.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            None => Strings::fill(
                self.strings().builtin_source,
                &[("name", &builtin_report::ENGLISH_FILE_NAME)],
            ),
        })
    }

    /// The report's paragraph shown in a row (none for a heading, or a paragraph only in the
    /// other version).
    pub fn paragraph_in_row(&self, row: usize) -> Option<ParagraphIndex> {
        let parallel = self.parallel.as_ref()?;
        let (left, _) = parallel.aligned.rows.get(row)?.sides();
        self.paragraph_at_block(left?)
    }

    /// Open another language version: `path`, or the built-in report's English version.
    pub(super) fn open_parallel(&mut self, path: Option<PathBuf>) {
        let Some(path) = path else {
            match builtin_report::english() {
                Ok(document) => self.show_parallel(document, None),
                Err(error) => {
                    self.notices.problem(About::Parallel, error.to_string());
                }
            }
            return;
        };
        let head = crate::storage::read_head(&path, 512).unwrap_or_default();
        if crate::tags_file::looks_like_tags_file(&head) {
            let problem = self.strings().parallel_is_tags.to_owned();
            self.parallel_problem(&path, &problem);
            return;
        }
        // On the worker when slow, unless a report is on its way in there (it keeps its place;
        // this one is read here instead).
        if self.conversion == Conversion::OnWorker
            && self.converting.is_none()
            && super::is_slow(&path, &head)
        {
            let (sender, receiver) = std::sync::mpsc::channel();
            let file = path.clone();
            std::thread::spawn(move || {
                let _ = sender.send(parse::read_report(&file));
            });
            self.converting = Some(Converting {
                path,
                tags: None,
                parallel: true,
                receiver,
            });
            return;
        }
        let opened = parse::read_report(&path);
        self.take_parallel(&path, opened);
    }

    /// Show a version that was read, or say why it could not be.
    pub(super) fn take_parallel(
        &mut self,
        path: &Path,
        opened: Result<Document, parse::ReportError>,
    ) {
        match opened {
            Ok(document) => self.show_parallel(document, Some(path.to_owned())),
            Err(error) => {
                let problem = self.strings().report_problem(&error.problem);
                self.parallel_problem(path, &problem);
            }
        }
    }

    fn parallel_problem(&mut self, path: &Path, problem: &str) {
        let problem = Strings::fill(
            self.strings().cannot_open_parallel,
            &[("problem", &problem), ("path", &path.display())],
        );
        self.notices.problem(About::Parallel, problem);
    }

    fn show_parallel(&mut self, document: Document, path: Option<PathBuf>) {
        self.notices.withdraw(About::Parallel);
        self.parallel = Some(ParallelVersion {
            aligned: Aligned::default(),
            differences: Vec::new(),
            document,
            path,
            swapped: false,
        });
        self.realign();
    }

    /// Align the version with the report on screen (again, when another report was opened),
    /// and say how the two differ; what matches is aligned all the same.
    pub(super) fn realign(&mut self) {
        let Some(parallel) = &mut self.parallel else {
            return;
        };
        let report = self.report.document();
        parallel.aligned = Aligned::new(report, &parallel.document);
        // The tags file will name this version and give each paragraph's text in it.
        let file_name = match &parallel.path {
            Some(path) => path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned()),
            None => Some(builtin_report::ENGLISH_FILE_NAME.to_owned()),
        };
        self.report.record_version(
            &parallel.document,
            &parallel.aligned.rows,
            file_name.as_deref(),
        );
        let report = self.report.document();
        parallel.differences =
            crate::parallel::compare(report, &parallel.document, &parallel.aligned.rows);
        self.say_differences();
        self.versions_changed();
    }

    /// Say above the report how the version beside it differs (nothing without one).
    pub(super) fn say_differences(&mut self) {
        self.notices.withdraw(About::Parallel);
        let Some(parallel) = &self.parallel else {
            return;
        };
        let strings = self.preferences.ui_language.strings();
        let said: Vec<String> = parallel
            .differences
            .iter()
            .map(|difference| strings.version_difference(difference))
            .collect();
        for sentence in said {
            self.notices.info_about(About::Parallel, sentence);
        }
    }

    /// The other version came, went, or changed places: the matches, the view and the note's
    /// preview follow.
    fn versions_changed(&mut self) {
        self.refresh_find();
        self.requests.scroll_to_selected += 1;
        if let Some(dialog) = &mut self.export_dialog {
            dialog.generation += 1;
        }
    }

    pub(super) fn swap_versions(&mut self) {
        match &mut self.parallel {
            Some(parallel) => {
                parallel.swapped ^= true;
                self.versions_changed();
            }
            None => {
                self.notices.info(self.strings().no_parallel);
            }
        }
    }

    pub(super) fn close_parallel(&mut self) {
        if self.parallel.take().is_some() {
            self.notices.withdraw(About::Parallel);
            self.versions_changed();
        }
    }

    /// The printed numbers of tagged paragraphs that the other version lacks: left out of a
    /// note that quotes the other version first.
    pub fn left_out_when_swapped(&self) -> Vec<u32> {
        let Some(parallel) = &self.parallel else {
            return Vec::new();
        };
        parallel
            .aligned
            .rows
            .iter()
            .filter_map(|row| match *row {
                crate::parallel::Row::Paragraph {
                    number,
                    left: Some(block),
                    right: None,
                } => self
                    .paragraph_at_block(block)
                    .filter(|paragraph| self.annotations().get(*paragraph).is_some())
                    .map(|_| number),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::tests::answer_dialog;
    use super::super::{Command, Message, ParatagApp};
    use crate::annotations::{ParagraphIndex, Tag};
    use crate::app::preferences::Preferences;
    use crate::export::Format;
    use crate::parallel::{Row, Side};

    fn app() -> ParatagApp {
        ParatagApp::new(None, Preferences::default())
    }

    /// The row of a paragraph's number (its first occurrence).
    fn row_of_number(app: &ParatagApp, number: u32) -> usize {
        let parallel = app.parallel().unwrap();
        parallel
            .aligned
            .rows
            .iter()
            .position(|row| matches!(row, Row::Paragraph { number: n, .. } if *n == number))
            .unwrap()
    }

    fn markdown(app: &mut ParatagApp) -> String {
        app.apply(Command::Export);
        let dialog = app.export_dialog().unwrap();
        String::from_utf8(app.export_bytes(&dialog.options, Format::Markdown).unwrap()).unwrap()
    }

    /// `paratag --parallel`: the built-in report beside its English version, every paragraph
    /// paired, nothing to say about them; a row selects and tags the report's paragraph, find
    /// finds English words and goes to their paragraph, and the note quotes the English
    /// beneath the Chinese — or first, once swapped.
    #[test]
    fn the_built_in_pair_reads_tags_finds_and_exports_side_by_side() {
        let mut app = app();
        app.apply(Message::OpenParallel(None));
        let parallel = app.parallel().unwrap();
        assert!(parallel.differences.is_empty());
        assert!(app.notices().is_empty(), "nothing to say about the pair");
        assert!(
            parallel
                .aligned
                .rows
                .iter()
                .filter(|row| matches!(row, Row::Paragraph { .. }))
                .all(|row| matches!(row.sides(), (Some(_), Some(_))))
        );

        // The row of paragraph 12 is the report's paragraph 12.
        let row = row_of_number(&app, 12);
        let paragraph = app.paragraph_in_row(row).unwrap();
        assert_eq!(app.paragraph_number(paragraph), Some(12));
        app.apply(Message::Select(paragraph));
        app.apply(Command::ToggleTag(Tag::Proposal));
        assert_eq!(app.annotations().tags(paragraph).iter().count(), 1);

        // An English word: its match is on the right, and going to it selects its paragraph.
        app.apply(Command::Find);
        app.apply(Message::FindQuery("separate international".to_owned()));
        let hit = &app.find().matches[app.find().current.unwrap()];
        assert_eq!(hit.side, Side::Right);
        assert_eq!(app.selected(), Some(paragraph), "paragraph 12 proposes it");
        // A Chinese word is found on the left.
        app.apply(Message::FindQuery("追回".to_owned()));
        assert!(app.find().matches.iter().all(|hit| hit.side == Side::Left));
        assert!(!app.find().matches.is_empty());

        let note = markdown(&mut app);
        assert!(note.contains("Add.1, para. 12"), "{note}");
        let chinese = note.find("一个代表团提议").unwrap();
        let english = note.find("separate international").unwrap();
        assert!(
            chinese < english,
            "the English beneath the Chinese:\n{note}"
        );

        app.apply(Command::SwapVersions);
        assert_eq!(app.parallel().unwrap().first_side(), Side::Right);
        let note = markdown(&mut app);
        let english = note.find("separate international").unwrap();
        let chinese = note.find("联合国主持下").unwrap_or(usize::MAX);
        assert!(english < chinese, "the English first once swapped:\n{note}");

        // Without the other version quoted: only the English.
        app.apply(Command::ToggleParallelInNote);
        let note = markdown(&mut app);
        assert!(note.contains("separate international"));
        assert!(!note.contains("联合国主持下"), "{note}");

        app.apply(Command::CloseParallel);
        assert!(app.parallel().is_none());
        let note = markdown(&mut app);
        assert!(!note.contains("separate international"), "{note}");
    }

    /// Another issue of the report with a paragraph missing: said, paragraph by paragraph, and
    /// what matches is aligned all the same; a tagged paragraph the other version lacks is
    /// named where the note quotes that version first.
    #[test]
    fn a_version_that_differs_says_how_and_still_aligns() {
        let scratch = crate::scratch::Scratch::new("parallel-differs");
        let path = scratch.path().join("report.en.txt");
        let english = crate::builtin_report::ENGLISH_TEXT
            .replace("L.1/Add.1", "L.1/Add.1/Corr.1")
            .replace(
                "5. The complexity of asset recovery cases",
                "The complexity of asset recovery cases",
            );
        std::fs::write(&path, english).unwrap();
        let mut app = app();
        let question = answer_dialog(&mut app, Command::OpenParallel, Some(&path));
        assert_eq!(question.title, "Parallel version");
        let parallel = app.parallel().unwrap();
        assert_eq!(parallel.differences.len(), 2, "{:?}", parallel.differences);
        let said: Vec<&str> = app.notices().iter().map(|n| n.text.as_str()).collect();
        assert!(
            said.iter()
                .any(|text| text.contains("another issue of the report")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|text| text.ends_with("lacks: 5")),
            "{said:?}"
        );
        let row = row_of_number(&app, 5);
        assert!(matches!(
            app.parallel().unwrap().aligned.rows[row].sides(),
            (Some(_), None)
        ));
        let six = row_of_number(&app, 6);
        assert!(matches!(
            app.parallel().unwrap().aligned.rows[six].sides(),
            (Some(_), Some(_))
        ));

        assert!(app.left_out_when_swapped().is_empty(), "nothing tagged yet");
        let five = app.paragraph_in_row(row).unwrap();
        app.apply(Message::Select(five));
        app.apply(Command::ToggleTag(Tag::Challenge));
        assert_eq!(app.left_out_when_swapped(), [5]);
        let note = markdown(&mut app);
        assert!(
            note.contains("Add.1, para. 5"),
            "the report first: quoted\n{note}"
        );
        app.apply(Command::SwapVersions);
        app.apply(Command::Export);
        let dialog = app.export_dialog().unwrap();
        assert_eq!(
            app.export_bytes(&dialog.options, Format::Markdown),
            Err(crate::export::ExportError::NothingTagged),
            "the other version first: it has no paragraph 5, the only one tagged"
        );
    }

    /// A tags file, a file that is not there, or a picture offered as the other version: the
    /// reason and the file named, and nothing else changes (the version beside stays).
    #[test]
    fn what_cannot_be_a_version_is_refused_with_the_reason() {
        let scratch = crate::scratch::Scratch::new("parallel-refused");
        let tags = scratch.path().join("report.tags.ron");
        let mut app = app();
        app.apply(Message::OpenParallel(None));
        let Some(ParagraphIndex(_)) = app.paragraph_in_row(row_of_number(&app, 3)) else {
            panic!("paragraph 3 pairs");
        };
        app.apply(Message::Select(ParagraphIndex(2)));
        app.apply(Command::ToggleTag(Tag::Challenge));
        assert!(app.save_to(&tags, None, crate::storage::Allow::default()));
        let png = scratch.path().join("picture.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        for (path, reason) in [
            (tags.as_path(), "it is a tags file, not a report"),
            (Path::new("/nonexistent/report.en.pdf"), "report.en.pdf"),
            (png.as_path(), "picture.png"),
        ] {
            app.apply(Message::OpenParallel(Some(path.to_owned())));
            let problem = app.problem().unwrap().to_owned();
            assert!(
                problem.starts_with("Cannot show the file beside the report"),
                "{problem}"
            );
            assert!(problem.contains(reason), "{problem}");
            assert!(problem.ends_with(&path.display().to_string()), "{problem}");
            assert!(
                app.parallel().unwrap().path.is_none(),
                "the built-in version stays"
            );
        }
        assert!(
            !app.history().is_modified(),
            "saved, and nothing changed since"
        );
    }

    /// Tags saved with the English version beside the report name it, and the same file opens
    /// on the English version as the report (`paratag REPORT.en.txt --tags REPORT.zh.tags.ron`)
    /// with every tag on its paragraph.
    #[test]
    fn tags_saved_beside_a_version_open_on_that_version() {
        let scratch = crate::scratch::Scratch::new("parallel-tags");
        let tags = scratch.path().join("report.zh.tags.ron");
        let english = scratch.path().join("report.en.txt");
        std::fs::write(&english, crate::builtin_report::ENGLISH_TEXT).unwrap();
        let mut app = app();
        app.apply(Message::OpenParallel(Some(english.clone())));
        app.apply(Message::Select(ParagraphIndex(11)));
        app.apply(Command::ToggleTag(Tag::Proposal));
        assert!(app.save_to(&tags, None, crate::storage::Allow::default()));
        let text = std::fs::read_to_string(&tags).unwrap();
        assert!(text.contains("    format: 3,"), "{text}");
        assert!(text.contains("file: \"report.en.txt\""), "{text}");

        let in_english =
            ParatagApp::launch(Some(&english), Some(&tags), None, Preferences::default());
        assert_eq!(in_english.document().language.code(), "en");
        assert!(in_english.problem().is_none(), "{:?}", in_english.problem());
        assert_eq!(
            in_english
                .annotations()
                .tags(ParagraphIndex(11))
                .iter()
                .collect::<Vec<_>>(),
            [Tag::Proposal]
        );
        assert!(in_english.report().orphans().is_empty());
    }

    /// Opening another report keeps the version beside it, aligned with the new report.
    #[test]
    fn another_report_is_aligned_with_the_version_beside_it() {
        let scratch = crate::scratch::Scratch::new("parallel-another");
        let report = scratch.path().join("short.txt");
        std::fs::write(
            &report,
            "CAC/COSP/WG.2/2017/L.1/Add.1\n\n1. Only the first paragraph.\n",
        )
        .unwrap();
        let mut app = app();
        app.apply(Message::OpenParallel(None));
        app.apply(Message::OpenPath(report));
        let parallel = app.parallel().unwrap();
        let paragraphs = parallel
            .aligned
            .rows
            .iter()
            .filter(|row| matches!(row, Row::Paragraph { .. }))
            .count();
        assert_eq!(paragraphs, 22);
        assert_eq!(
            app.paragraph_in_row(row_of_number(&app, 1)),
            Some(ParagraphIndex(0))
        );
        assert_eq!(app.paragraph_in_row(row_of_number(&app, 2)), None);
        assert!(app.notices().iter().any(|n| {
            n.text
                .starts_with("Paragraphs only in the other version: 2, 3")
        }));
    }
}

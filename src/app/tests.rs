//! Commands applied to the app, without drawing anything.

use super::*;
use crate::annotations::{MAX_NOTE_CHARS, Tag};
use crate::i18n::UiLanguage;

fn app() -> ParatagApp {
    ParatagApp::new(None, Preferences::default())
}

fn select_number(app: &mut ParatagApp, number: u32) {
    let index = (0..app.document().paragraphs().count())
        .map(ParagraphIndex)
        .find(|p| app.paragraph_number(*p) == Some(number))
        .unwrap();
    app.apply(Message::Select(index));
}

#[test]
fn starts_with_the_built_in_report() {
    let app = app();
    assert_eq!(app.document().paragraphs().count(), 22);
    assert!(app.problem().is_none());
    assert_eq!(app.title(), "CAC/COSP/WG.2/2017/L.1/Add.1 — paratag");
}

#[test]
fn a_report_that_fails_keeps_the_built_in_one_and_says_why() {
    let app = ParatagApp::new(
        Some(Path::new("/nonexistent/report.txt")),
        Preferences::default(),
    );
    assert_eq!(app.document().paragraphs().count(), 22);
    let problem = app.problem().unwrap();
    assert!(problem.starts_with("Cannot open the report"), "{problem}");
    assert!(problem.ends_with("/nonexistent/report.txt"), "{problem}");
}

#[test]
fn keyboard_selection_walks_the_paragraphs() {
    let mut app = app();
    app.apply(Command::SelectNext);
    assert_eq!(app.selected(), Some(ParagraphIndex(0)));
    for _ in 0..30 {
        app.apply(Command::SelectNext);
    }
    assert_eq!(
        app.selected(),
        Some(ParagraphIndex(21)),
        "stops at the last paragraph"
    );
    app.apply(Command::SelectPrevious);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(21));
}

#[test]
fn tags_toggle_undo_and_mark_the_title() {
    let mut app = app();
    app.apply(Command::ToggleTag(Tag::Challenge));
    assert!(
        app.annotations().is_empty(),
        "no paragraph selected: nothing to tag"
    );
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::ToggleTag(Tag::Proposal));
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
    assert!(app.title().starts_with("● "));
    app.apply(Command::Undo);
    app.apply(Command::Undo);
    assert!(app.annotations().is_empty());
    assert!(!app.history().is_modified());
    app.apply(Command::Redo);
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
}

#[test]
fn next_tagged_and_filter() {
    let mut app = app();
    for number in [3, 9, 12] {
        select_number(&mut app, number);
        app.apply(Command::ToggleTag(Tag::Proposal));
    }
    select_number(&mut app, 1);
    app.apply(Command::NextTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));
    app.apply(Command::NextTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(9));
    app.apply(Command::PreviousTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));

    app.apply(Command::FilterTag(Tag::Proposal));
    let visible: Vec<u32> = (0..22)
        .map(ParagraphIndex)
        .filter(|p| app.is_visible(*p))
        .filter_map(|p| app.paragraph_number(p))
        .collect();
    assert_eq!(visible, [3, 9, 12]);
    app.apply(Command::SelectNext);
    assert_eq!(
        app.paragraph_number(app.selected().unwrap()),
        Some(9),
        "skips hidden ones"
    );
    app.apply(Command::ClearFilter);
    assert!(app.is_visible(ParagraphIndex(0)));
}

#[test]
fn find_lands_on_the_first_match_and_cycles() {
    let mut app = app();
    app.apply(Command::Find);
    assert!(app.find().open);
    app.set_find_query("司法协助");
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));
    let count = app.find().matches.len();
    for _ in 0..count {
        app.apply(Command::FindNext);
    }
    assert_eq!(app.find().current, Some(0), "wraps around");
    app.apply(Command::FindPrevious);
    assert_eq!(app.find().current, Some(count - 1));
}

/// A short report of another symbol, for several reports open at once.
const OTHER_REPORT: &str = "A/HRC/40/3\n\nI. Introduction\n\n1. The first paragraph of another \
report.\n\n2. The Council recommends that States share information on recovered assets.\n";

#[test]
fn opening_a_report_keeps_the_one_with_unsaved_tags_open_beside_it() {
    let scratch = crate::scratch::Scratch::new("app");
    let other = scratch.join("other.txt");
    std::fs::write(&other, OTHER_REPORT).unwrap();

    let mut app = app();
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::GoodPractice));
    app.apply(Message::OpenPath(other.clone()));
    assert!(app.modal().is_none(), "nothing to ask: nothing is dropped");
    assert_eq!(app.document().paragraphs().count(), 2);
    assert_eq!(app.title(), "other.txt — A/HRC/40/3 — paratag");
    assert!(app.annotations().is_empty());
    let names: Vec<String> = app.open_reports().iter().map(OpenReport::name).collect();
    assert_eq!(names, [builtin_report::FILE_NAME, "other.txt"]);
    assert_eq!(
        app.report_position(),
        1,
        "the new report follows the one on screen"
    );
    assert_eq!(app.unsaved_reports(), [builtin_report::FILE_NAME]);

    // Back to the first: its tags, its selection and its unsaved state came back with it.
    app.apply(Command::PreviousReport);
    assert_eq!(app.document().paragraphs().count(), 22);
    assert_eq!(app.annotations().count(Tag::GoodPractice), 1);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(2));
    assert!(app.history().is_modified());
    app.apply(Command::Undo);
    assert!(
        app.annotations().is_empty(),
        "its own history came back too"
    );
    app.apply(Command::Redo);
    // Going round: next from the last is the first.
    app.apply(Command::NextReport);
    app.apply(Command::NextReport);
    assert_eq!(app.report_position(), 0);

    // Opening a report that is open already shows it rather than reading it twice.
    app.apply(Message::OpenPath(other));
    assert_eq!(app.open_reports().len(), 2);
    assert_eq!(app.report_position(), 1);
}

#[test]
fn the_untouched_built_in_report_gives_way_to_the_first_report_opened() {
    let scratch = crate::scratch::Scratch::new("app-replace");
    let other = scratch.join("other.txt");
    std::fs::write(&other, OTHER_REPORT).unwrap();
    let mut app = app();
    app.apply(Message::OpenPath(other));
    assert_eq!(app.open_reports().len(), 1);
    assert_eq!(app.document().symbol.as_deref(), Some("A/HRC/40/3"));
    // Closing the last report leaves the built-in one, not an empty window.
    app.apply(Command::CloseReport);
    assert_eq!(app.open_reports().len(), 1);
    assert_eq!(app.document().paragraphs().count(), 22);
    assert_eq!(app.report_path(), None);
}

#[test]
fn a_bad_report_changes_nothing_and_says_why() {
    let scratch = crate::scratch::Scratch::new("app-bad");
    let dir = scratch.path();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let mut app = app();
    app.apply(Message::OpenPath(empty));
    assert_eq!(app.document().paragraphs().count(), 22);
    assert!(app.problem().unwrap().contains("the file is empty"));
}

#[test]
fn typing_a_note_is_one_undo_step() {
    let mut app = app();
    select_number(&mut app, 5);
    for typed in ["需", "需要", "需要跟进"] {
        app.apply(Message::TypeNote(typed.to_owned()));
    }
    app.apply(Message::NoteLeft);
    assert_eq!(app.annotations().note(app.selected().unwrap()), "需要跟进");
    app.apply(Command::Undo);
    assert_eq!(app.annotations().note(app.selected().unwrap()), "");
}

/// Give a command that asks for a file, then answer the question as the window's file
/// dialog does (`None`: cancelled). Returns the question.
pub(super) fn answer_dialog(
    app: &mut ParatagApp,
    command: Command,
    answer: Option<&Path>,
) -> PathQuestion {
    app.apply(command);
    let question = app
        .take_effects()
        .into_iter()
        .find_map(|effect| match effect {
            Effect::AskPath(question) => Some(question),
            _ => None,
        })
        .unwrap();
    assert_eq!(app.asking(), Some(question.kind));
    app.apply(Message::Answered(
        question.kind,
        answer.map(Path::to_path_buf),
    ));
    assert_eq!(app.asking(), None);
    question
}

#[test]
fn file_open_asks_for_a_file_and_cancel_changes_nothing() {
    let scratch = crate::scratch::Scratch::new("app-open");
    let dir = scratch.path();
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "1. The first paragraph.\n2. The second paragraph.\n",
    )
    .unwrap();

    let mut app = app();
    let question = answer_dialog(&mut app, Command::OpenReport, None);
    assert_eq!(question.kind, DialogKind::Open);
    assert!(question.filters[0].admits(Path::new("A.pdf")));
    assert!(question.filters[0].admits(Path::new("A.TAGS.RON")));
    assert!(!question.filters[0].admits(Path::new("A.png")));
    assert_eq!(
        app.document().paragraphs().count(),
        22,
        "cancelled: nothing changes"
    );
    assert!(app.problem().is_none());

    answer_dialog(&mut app, Command::OpenReport, Some(&other));
    assert_eq!(app.document().paragraphs().count(), 2);
    assert_eq!(app.source(), other.display().to_string());
}

/// One question at a time: a second Open while the first dialog is out asks nothing; once it
/// is answered, the next one is asked.
#[test]
fn one_file_question_at_a_time() {
    let mut app = app();
    app.apply(Command::OpenReport);
    app.apply(Command::SaveAs);
    app.apply(Command::OpenReport);
    let asked = app.take_effects();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(app.asking(), Some(DialogKind::Open));
    // An answer to a question nobody asked is not taken for this one.
    app.apply(Message::Answered(DialogKind::SaveAs, None));
    assert_eq!(app.asking(), Some(DialogKind::Open));
    app.apply(Message::Answered(DialogKind::Open, None));
    let question = answer_dialog(&mut app, Command::SaveAs, None);
    assert_eq!(question.kind, DialogKind::SaveAs);
}

/// Open and Save As open the desktop's dialog in the report's folder (the built-in report has
/// none: the dialog's own default), with the names they suggest.
#[test]
fn file_dialogs_open_in_the_reports_folder() {
    let scratch = Scratch::new("dialog-folder");
    let mut beside = scratch.launch();
    let open = answer_dialog(&mut beside, Command::OpenReport, None);
    let save_as = answer_dialog(&mut beside, Command::SaveAs, None);
    assert_eq!(open.folder.as_deref(), Some(scratch.dir.as_path()));
    assert_eq!(save_as.folder.as_deref(), Some(scratch.dir.as_path()));
    assert_eq!(save_as.suggested.as_deref(), Some("report.tags.ron"));
    let mut built_in = app();
    assert_eq!(
        answer_dialog(&mut built_in, Command::OpenReport, None).folder,
        None
    );
}

/// On a desktop with no file dialog the window shows paratag's own chooser, and the app says
/// why once; a path chosen there answers as the native dialog's would; the unsaved tags stay
/// as they were meanwhile; once a system dialog answers (zenity installed since), the banner
/// goes.
#[test]
fn no_file_dialog_says_why_and_its_stand_in_answers_alike() {
    let scratch = Scratch::new("builtin-dialog");
    let mut app = scratch.launch();
    app.apply(Command::OpenReport);
    assert!(matches!(app.take_effects()[..], [Effect::AskPath(_)]));
    app.apply(Message::SystemDialogs { available: false });
    assert!(app.problem().is_none());
    let notice = app.notice().unwrap();
    assert!(notice.contains("zenity"), "{notice}");
    assert_eq!(app.asking(), Some(DialogKind::Open), "still asking");
    app.apply(Message::Answered(DialogKind::Open, None));
    assert_eq!(app.document().paragraphs().count(), 22);

    app.apply(Message::Select(ParagraphIndex(1)));
    app.apply(Command::ToggleTag(Tag::Proposal));
    let elsewhere = scratch.dir.join("elsewhere.tags.ron");
    answer_dialog(&mut app, Command::SaveAs, Some(&elsewhere));
    assert!(!app.history().is_modified());
    assert!(
        std::fs::read_to_string(&elsewhere)
            .unwrap()
            .contains("proposal")
    );

    assert!(app.notice().is_some_and(|notice| notice.contains("zenity")));
    app.apply(Message::SystemDialogs { available: true });
    assert!(app.notice().is_none(), "{:?}", app.notice());
}

/// A scratch directory holding a copy of the seed report, and a data directory.
struct Scratch {
    dir: PathBuf,
    /// Removes the folder when the test ends.
    _guard: crate::scratch::Scratch,
}

impl Scratch {
    fn new(name: &str) -> Self {
        let guard = crate::scratch::Scratch::new(&format!("app-{name}"));
        let dir = guard.path().to_path_buf();
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("report.txt"), builtin_report::TEXT).unwrap();
        Self { dir, _guard: guard }
    }

    fn report(&self) -> PathBuf {
        self.dir.join("report.txt")
    }

    fn tags(&self) -> PathBuf {
        self.dir.join("report.tags.ron")
    }

    fn launch(&self) -> ParatagApp {
        ParatagApp::launch(
            Some(&self.report()),
            None,
            Some(self.dir.join("data")),
            Preferences::default(),
        )
    }

    /// Every file under the scratch directory with its bytes.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![self.dir.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }
}

#[test]
fn tags_are_saved_beside_the_report_and_reopened() {
    let scratch = Scratch::new("save");
    let mut app = scratch.launch();
    assert_eq!(app.report().tags_path(), Some(scratch.tags().as_path()));
    assert_eq!(
        app.title(),
        "report.txt — CAC/COSP/WG.2/2017/L.1/Add.1 — paratag"
    );
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    assert!(app.title().starts_with("● report.txt — "));
    app.apply(Message::TypeNote("程序要求过多".to_owned()));
    app.apply(Command::Save);
    assert!(!app.history().is_modified());
    assert!(scratch.tags().exists());

    let reopened = scratch.launch();
    assert_eq!(reopened.annotations(), app.annotations());
    assert!(!reopened.history().is_modified());

    // A second save keeps the first as .bak.
    select_number(&mut app, 5);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::Save);
    let backup = crate::storage::backup_path(&scratch.tags());
    assert!(
        std::fs::read_to_string(backup)
            .unwrap()
            .contains("paragraph: 4,")
    );
}

#[test]
fn a_tags_file_that_fails_to_load_is_never_written_over() {
    let scratch = Scratch::new("corrupt");
    std::fs::write(scratch.tags(), "(format: 1, document: (language: \"zh\", fingerprint: \"x\"), annotations: [(paragraph: 4,").unwrap();
    let before = scratch.snapshot();
    let mut app = scratch.launch();
    let problem = app.problem().unwrap().to_owned();
    assert!(
        problem.starts_with("Cannot open the tags file: line 1, column"),
        "{problem}"
    );
    assert!(problem.ends_with("report.tags.ron"), "{problem}");
    assert!(app.annotations().is_empty());

    // Tag, save, let the autosave run: the bad file stays as it was; Save asks where instead.
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);
    assert_eq!(app.asking(), Some(DialogKind::SaveAs));
    let mut after = scratch.snapshot();
    after.retain(|(path, _)| !path.starts_with(scratch.dir.join("data")));
    assert_eq!(after, before);
    assert!(app.history().is_modified());
}

#[test]
fn no_bad_tags_file_is_ever_changed() {
    let example = crate::tags_file::tests::documented_example();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            example.as_bytes()[..example.len() / 3].to_vec(),
            "line ",
        ),
        ("not RON", b"tags = [challenge]\n".to_vec(), "line 1"),
        (
            "not text",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0xFF],
            "not text",
        ),
        (
            "newer",
            example
                .replace(
                    "format: 1,",
                    &format!("format: {},", crate::tags_file::FORMAT_VERSION + 1),
                )
                .into_bytes(),
            "newer paratag",
        ),
        (
            "unknown tag",
            example.replace("\"proposal\"", "\"priority\"").into_bytes(),
            "unknown tag",
        ),
        ("empty", Vec::new(), "empty"),
    ];
    for (name, bytes, reason) in cases {
        let scratch = Scratch::new(&format!("bad-{}", name.replace(' ', "-")));
        std::fs::write(scratch.tags(), &bytes).unwrap();
        let before = scratch.snapshot();
        let mut app = scratch.launch();
        let problem = app.problem().unwrap_or_default().to_owned();
        assert!(
            problem.contains(reason) && problem.ends_with("report.tags.ron"),
            "{name}: {problem}"
        );
        select_number(&mut app, 3);
        app.apply(Command::ToggleTag(Tag::Proposal));
        answer_dialog(&mut app, Command::Save, None);
        app.autosave();
        let mut after = scratch.snapshot();
        after.retain(|(path, _)| !path.starts_with(scratch.dir.join("data")));
        assert_eq!(after, before, "{name}: a file changed");
    }
}

/// A window whose saved tags file someone else changed since (¶3 good practice became a
/// proposal on disk), with an unsaved challenge on ¶3; and what the file holds now.
fn saved_then_changed_on_disk(scratch: &Scratch) -> (ParatagApp, String) {
    let mut app = scratch.launch();
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::GoodPractice));
    app.apply(Command::Save);
    let theirs = std::fs::read_to_string(scratch.tags())
        .unwrap()
        .replace("good-practice", "proposal");
    std::fs::write(scratch.tags(), &theirs).unwrap();
    app.apply(Command::ToggleTag(Tag::Challenge));
    (app, theirs)
}

#[test]
fn a_file_changed_on_disk_is_noticed_before_saving() {
    let scratch = Scratch::new("changed");
    let (mut app, theirs) = saved_then_changed_on_disk(&scratch);
    app.apply(Command::Save);
    assert!(matches!(app.modal(), Some(Modal::ChangedOnDisk(_))));
    assert_eq!(
        std::fs::read_to_string(scratch.tags()).unwrap(),
        theirs,
        "not overwritten"
    );
    assert!(app.history().is_modified());
    app.resolve_changed_on_disk(true);
    assert!(!app.history().is_modified());
    assert!(
        std::fs::read_to_string(scratch.tags())
            .unwrap()
            .contains("\"challenge\"")
    );
}

/// A disk that is full: reads work, every write fails as the system says it.
struct FullDisk;

impl crate::storage::Disk for FullDisk {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        crate::storage::RealDisk.read(path)
    }

    fn write_atomic(&self, _path: &Path, _bytes: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }

    fn keep_copy(&self, _from: &Path, _to: &Path, _bytes: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }
}

/// The disk fills up: Save says so with the file's path and the system's words, the tags stay
/// on screen unsaved, the saved file stays as it was, the recovery copy says it could not be
/// written; once there is room again, Save works.
#[test]
fn a_full_disk_loses_nothing_and_says_so() {
    use crate::storage::Disk as _;
    let scratch = Scratch::new("full-disk");
    let mut app = scratch.launch();
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);
    let saved = std::fs::read(scratch.tags()).unwrap();

    app.set_disk(Box::new(FullDisk));
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::Save);
    let problem = app.problem().unwrap().to_owned();
    assert!(problem.starts_with("Could not save the tags"), "{problem}");
    assert!(problem.contains("no storage space"), "{problem}");
    assert!(
        problem.ends_with(&scratch.tags().display().to_string()),
        "{problem}"
    );
    assert!(app.history().is_modified());
    assert_eq!(std::fs::read(scratch.tags()).unwrap(), saved);
    assert_eq!(
        app.annotations().tags(ParagraphIndex(2)),
        TagSet::only(Tag::Proposal)
    );

    let now = std::time::Instant::now();
    app.autosave_at(now);
    app.autosave_at(now + tags::AUTOSAVE_MAX_WAIT);
    assert!(
        app.notices()
            .iter()
            .any(|notice| notice.text.starts_with("Could not write the recovery copy")),
        "{:?}",
        app.notices()
    );

    app.set_disk(Box::new(crate::storage::RealDisk));
    app.apply(Command::Save);
    assert!(!app.history().is_modified());
    assert!(
        crate::storage::RealDisk
            .read(&scratch.tags())
            .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains("proposal"))
    );
}

#[test]
fn a_failed_save_is_loud_sticky_and_offers_save_as() {
    let scratch = Scratch::new("failed");
    let mut app = scratch.launch();
    select_number(&mut app, 6);
    app.apply(Command::ToggleTag(Tag::Proposal));
    // A directory where the file should be: the write fails as on a read-only place.
    std::fs::create_dir_all(scratch.tags()).unwrap();
    app.apply(Command::Save);
    let problem = app.problem().unwrap().to_owned();
    assert!(problem.starts_with("Could not save the tags"), "{problem}");
    assert!(app.tags().save_failed);
    assert!(app.history().is_modified(), "still unsaved");

    let elsewhere = scratch.dir.join("elsewhere.tags.ron");
    answer_dialog(&mut app, Command::SaveAs, Some(&elsewhere));
    assert!(elsewhere.exists());
    assert!(!app.history().is_modified());
    assert!(
        app.problem().is_none(),
        "the problem goes once the tags are safe"
    );
}

/// Problems queue: a second one never erases the first, and what is put right withdraws only
/// its own problem.
#[test]
fn a_second_problem_keeps_the_first_and_a_good_save_withdraws_only_its_own() {
    use super::notices::Level;
    let scratch = Scratch::new("two-problems");
    let mut app = scratch.launch();
    select_number(&mut app, 6);
    app.apply(Command::ToggleTag(Tag::Proposal));
    std::fs::create_dir_all(scratch.tags()).unwrap();
    app.apply(Command::Save);
    let bad = scratch.dir.join("damaged.tags.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    document: (symbol: \"A/1\",").unwrap();
    // (Dropped while the tags are unsaved, OpenPath would first ask; the answer opens it so.)
    app.open_tags_file(&bad);
    let problems = |app: &ParatagApp| -> Vec<String> {
        app.notices()
            .iter()
            .filter(|notice| notice.level == Level::Problem)
            .map(|notice| notice.text.clone())
            .collect()
    };
    let both = problems(&app);
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both[0].starts_with("Could not save"), "{both:?}");
    assert!(both[1].contains("damaged.tags.ron"), "{both:?}");

    app.apply(Message::SaveTo(scratch.dir.join("elsewhere.tags.ron")));
    assert!(!app.history().is_modified());
    assert_eq!(problems(&app), [both[1].clone()]);

    // Dismissing one removes that one.
    let id = app.notices().iter().next().unwrap().id;
    app.apply(Message::DismissNotice(id));
    assert!(problems(&app).is_empty());
}

/// Problems speak the interface's language: a failed save and a missing file dialog in the
/// Chinese interface, with the file's path and the cause filled in.
#[test]
fn problems_speak_the_interface_language() {
    let scratch = Scratch::new("failed-zh");
    let mut app = scratch.launch();
    app.apply(Command::SetUiLanguage(UiLanguage::Chinese));
    select_number(&mut app, 6);
    app.apply(Command::ToggleTag(Tag::Proposal));
    std::fs::create_dir_all(scratch.tags()).unwrap();
    app.apply(Command::Save);
    let problem = app.problem().unwrap().to_owned();
    assert!(problem.starts_with("无法保存标签："), "{problem}");
    assert!(
        problem.ends_with(&scratch.tags().display().to_string()),
        "{problem}"
    );
    assert!(!problem.contains("{problem}") && !problem.contains("{path}"));

    app.dismiss_problems();
    app.apply(Message::SystemDialogs { available: false });
    let notice = app.notice().unwrap();
    assert!(notice.starts_with("此桌面没有自带的文件对话框"), "{notice}");
    // The dialog's title and filters are named in Chinese too.
    let question = answer_dialog(&mut app, Command::OpenReport, None);
    assert_eq!(question.filters[0].name, "报告和标签文件");
    assert_eq!(question.title, "打开报告");

    // A damaged PDF: said in Chinese, and the report on screen stays. (A fresh window: this
    // one would first ask to discard its unsaved tag.)
    let mut app = ParatagApp::new(None, Preferences::default());
    app.apply(Command::SetUiLanguage(UiLanguage::Chinese));
    let pdf = scratch.dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n").unwrap();
    app.apply(Message::OpenPath(pdf.clone()));
    let problem = app.problem().unwrap();
    assert!(
        problem.starts_with("无法打开报告：PDF 文件已损坏"),
        "{problem}"
    );
    assert!(problem.ends_with(&pdf.display().to_string()), "{problem}");
    assert_eq!(app.document().paragraphs().count(), 22);
    // The built-in report's name, and why there is nothing to export, in Chinese.
    assert_eq!(
        app.source(),
        format!("{}（内置报告）", builtin_report::FILE_NAME)
    );
    app.apply(Command::Export);
    let nothing = app.export_preview().unwrap_err();
    assert!(nothing.starts_with("没有可导出的内容"), "{nothing}");

    // A tags file cut short: where, in Chinese.
    let cut = scratch.dir.join("cut.tags.ron");
    std::fs::write(
        &cut,
        "// paratag tags file\n(\n    format: 1,\n    document: (",
    )
    .unwrap();
    app.apply(Message::OpenPath(cut.clone()));
    let problem = app.problem().unwrap();
    assert!(
        problem.starts_with("无法打开标签文件：第 4 行第 "),
        "{problem}"
    );
    assert!(problem.ends_with(&cut.display().to_string()), "{problem}");
}

#[test]
fn the_recovery_copy_is_offered_after_a_crash() {
    let scratch = Scratch::new("recovery");
    {
        let mut app = scratch.launch();
        select_number(&mut app, 9);
        app.apply(Command::ToggleTag(Tag::GoodPractice));
        app.apply(Message::TypeNote("值得推广".to_owned()));
        autosave_later(&mut app);
        // The app is dropped without saving: a crash.
    }
    assert!(
        !scratch.tags().exists(),
        "never written over the user's file"
    );
    let mut app = scratch.launch();
    let copies = offered(&app);
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].tagged, 1);
    app.restore_recovery(0);
    assert_eq!(app.annotations().count(Tag::GoodPractice), 1);
    assert!(
        app.history().is_modified(),
        "restored tags are unsaved until saved"
    );
    app.apply(Command::Save);
    assert!(
        scratch.launch().modal().is_none(),
        "saved: nothing left to recover"
    );
}

/// Run the autosave as it would run once its delay has passed.
fn autosave_later(app: &mut ParatagApp) {
    let now = std::time::Instant::now();
    app.autosave_at(now);
    app.autosave_at(now + tags::AUTOSAVE_DELAY);
}

/// The recovery copies the app offers (none when it offers nothing).
fn offered(app: &ParatagApp) -> Vec<RecoveryCopy> {
    match app.modal() {
        Some(Modal::OfferRecovery(copies)) => copies.clone(),
        _ => Vec::new(),
    }
}

/// The recovery copies in a data directory.
fn copies_in(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join("recovery"))
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.to_string_lossy().ends_with(".tags.ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn recovery_is_offered_however_the_window_was_started() {
    let scratch = Scratch::new("recovery-tags-arg");
    let custom = scratch.dir.join("mine.tags.ron");
    let launch = || {
        ParatagApp::launch(
            Some(&scratch.report()),
            Some(&custom),
            Some(scratch.dir.join("data")),
            Preferences::default(),
        )
    };
    {
        let mut app = launch();
        select_number(&mut app, 3);
        app.apply(Command::ToggleTag(Tag::Challenge));
        autosave_later(&mut app);
    }
    let mut app = launch();
    assert_eq!(
        offered(&app).len(),
        1,
        "a crash with --tags is recovered too"
    );
    app.restore_recovery(0);
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
    assert_eq!(app.report().tags_path(), Some(custom.as_path()));
    // The built-in report, started with --tags, the same.
    let builtin = || {
        ParatagApp::launch(
            None,
            Some(&custom),
            Some(scratch.dir.join("data2")),
            Preferences::default(),
        )
    };
    {
        let mut app = builtin();
        select_number(&mut app, 5);
        app.apply(Command::ToggleTag(Tag::Proposal));
        autosave_later(&mut app);
    }
    assert_eq!(offered(&builtin()).len(), 1);
}

#[test]
fn dont_save_stays_discarded() {
    let scratch = Scratch::new("dont-save");
    {
        let mut app = scratch.launch();
        select_number(&mut app, 2);
        app.apply(Command::ToggleTag(Tag::Challenge));
        autosave_later(&mut app);
        assert_eq!(copies_in(&scratch.dir.join("data")).len(), 1);
        app.close_with(false);
        // Frames still run after the choice, long after the autosave delay.
        let later = std::time::Instant::now() + tags::AUTOSAVE_MAX_WAIT * 2;
        app.autosave_at(later);
        app.exit_cleanly();
    }
    assert!(copies_in(&scratch.dir.join("data")).is_empty());
    assert!(
        scratch.launch().modal().is_none(),
        "a discarded change is not offered as a crash"
    );
}

#[test]
fn a_clean_close_leaves_no_copy_and_no_lock() {
    let scratch = Scratch::new("clean-close");
    let mut app = scratch.launch();
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::Challenge));
    autosave_later(&mut app);
    app.apply(Command::Save);
    app.exit_cleanly();
    let left: Vec<_> = std::fs::read_dir(scratch.dir.join("data/recovery"))
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert!(left.is_empty(), "copies and locks all gone: {left:?}");
}

#[test]
fn each_window_keeps_its_own_recovery_copy() {
    let scratch = Scratch::new("two-windows");
    let data = scratch.dir.join("data");
    let mut first = scratch.launch();
    let mut second = scratch.launch();
    select_number(&mut first, 1);
    first.apply(Command::ToggleTag(Tag::Challenge));
    autosave_later(&mut first);
    select_number(&mut second, 7);
    second.apply(Command::ToggleTag(Tag::Proposal));
    autosave_later(&mut second);
    assert_eq!(copies_in(&data).len(), 2);
    // A window opened now does not take copies of windows still open.
    assert!(scratch.launch().modal().is_none());
    // The first saves: its copy goes, the second's stays.
    first.apply(Command::Save);
    assert_eq!(copies_in(&data).len(), 1);
    drop(second); // crashes
    let app = scratch.launch();
    let mut app = app;
    let copies = offered(&app);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0].tagged, 1, "the unsaved ¶7");
    // Restoring it keeps what the first window saved meanwhile.
    app.restore_recovery(0);
    assert_eq!(
        app.annotations().iter().count(),
        2,
        "the saved ¶1 and the restored ¶7"
    );

    // Two windows that both crash: both copies are offered, the latest first.
    let scratch = Scratch::new("two-crashes");
    for number in [4, 6] {
        let mut app = scratch.launch();
        select_number(&mut app, number);
        app.apply(Command::ToggleTag(Tag::GoodPractice));
        autosave_later(&mut app);
        // Dropped without closing: a crash.
    }
    let mut app = scratch.launch();
    assert_eq!(offered(&app).len(), 2);
    app.restore_recovery(0);
    assert_eq!(app.annotations().count(Tag::GoodPractice), 1);
    drop(app);
    // The copy not restored stays for the next start; the restored one now lives in the
    // restoring window's copy, which crashed too.
    assert_eq!(offered(&scratch.launch()).len(), 2);
}

#[test]
fn a_recovery_copy_for_a_revised_report_is_offered_re_anchored() {
    let scratch = Scratch::new("revised");
    {
        let mut app = scratch.launch();
        select_number(&mut app, 12);
        app.apply(Command::ToggleTag(Tag::Proposal));
        app.apply(Message::TypeNote("see para 12".to_owned()));
        autosave_later(&mut app);
    }
    // One word of the report changes: a new revision.
    let text = builtin_report::TEXT.replacen("工作组", "工作小组", 1);
    assert_ne!(text, builtin_report::TEXT);
    std::fs::write(scratch.report(), text).unwrap();
    let mut app = scratch.launch();
    let copies = offered(&app);
    assert_eq!(copies.len(), 1);
    assert!(copies[0].report_changed);
    app.restore_recovery(0);
    assert_eq!(app.annotations().count(Tag::Proposal), 1);
    let paragraph = app.annotations().iter().next().unwrap().0;
    assert_eq!(app.paragraph_number(paragraph), Some(12));
}

#[test]
fn steady_typing_is_autosaved_within_the_maximum_wait() {
    let scratch = Scratch::new("steady-typing");
    let mut app = scratch.launch();
    select_number(&mut app, 8);
    let start = std::time::Instant::now();
    let mut note = String::new();
    let mut written_at = None;
    // A key every half second for ten seconds: the delay never passes between two keys.
    for key in 0..20_u32 {
        note.push('字');
        app.apply(Message::TypeNote(note.clone()));
        let now = start + std::time::Duration::from_millis(500 * u64::from(key));
        app.autosave_at(now);
        if written_at.is_none() && !copies_in(&scratch.dir.join("data")).is_empty() {
            written_at = Some(now - start);
        }
    }
    let written_at = written_at.expect("the note was never autosaved while typing");
    assert!(written_at <= tags::AUTOSAVE_MAX_WAIT, "{written_at:?}");
}

#[test]
fn a_note_is_capped_when_typed_and_kept_whole_when_loaded() {
    let scratch = Scratch::new("long-note");
    let mut app = scratch.launch();
    select_number(&mut app, 1);
    app.apply(Message::TypeNote("长".repeat(MAX_NOTE_CHARS + 500)));
    let paragraph = app.selected().unwrap();
    assert_eq!(
        app.annotations().note(paragraph).chars().count(),
        MAX_NOTE_CHARS
    );
    assert!(app.notice().is_some_and(|notice| notice.contains("100000")));
    // A longer note written by another tool is loaded and saved whole, never edited.
    app.apply(Message::TypeNote("x".repeat(10)));
    app.apply(Command::Save);
    let long = "长".repeat(MAX_NOTE_CHARS * 3);
    let text = std::fs::read_to_string(scratch.tags())
        .unwrap()
        .replace(&"x".repeat(10), &long);
    std::fs::write(scratch.tags(), &text).unwrap();
    let mut app = scratch.launch();
    select_number(&mut app, 1);
    let paragraph = app.selected().unwrap();
    assert_eq!(app.annotations().note(paragraph), long);
    app.apply(Message::TypeNote("short".to_owned()));
    assert_eq!(
        app.annotations().note(paragraph),
        long,
        "not edited in the window"
    );
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);
    assert!(
        std::fs::read_to_string(scratch.tags())
            .unwrap()
            .contains(&long)
    );
}

#[test]
fn undo_after_a_save_comes_back_to_the_saved_note() {
    let scratch = Scratch::new("undo-save");
    let mut app = scratch.launch();
    select_number(&mut app, 1);
    app.apply(Message::TypeNote("agreed".to_owned()));
    app.apply(Command::Save);
    app.apply(Message::TypeNote("agreedX".to_owned()));
    app.apply(Command::Undo);
    let paragraph = app.selected().unwrap();
    assert_eq!(app.annotations().note(paragraph), "agreed");
    assert!(!app.history().is_modified());
}

#[test]
fn an_old_word_document_is_converted_in_the_background_and_a_failure_said() {
    let scratch = Scratch::new("doc");
    let doc = scratch.dir.join("report.doc");
    // An OLE signature and nothing else: LibreOffice, if there is one, cannot convert it.
    std::fs::write(&doc, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").unwrap();
    let mut app = ParatagApp::new(None, Preferences::default());
    app.conversion = Conversion::OnWorker;
    app.apply(Message::OpenPath(doc.clone()));
    assert_eq!(
        app.converting(),
        Some(doc.as_path()),
        "the window does not wait"
    );
    let started = std::time::Instant::now();
    while app.converting().is_some() && started.elapsed() < crate::import::doc::TIMEOUT * 2 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.poll_conversion();
    }
    assert!(app.converting().is_none());
    let problem = app.problem().unwrap();
    assert!(problem.contains(".doc"), "{problem}");
    assert!(problem.ends_with(&doc.display().to_string()), "{problem}");
    assert_eq!(
        app.document().paragraphs().count(),
        22,
        "the report on screen stays"
    );
}

#[test]
fn a_long_pdf_is_read_on_a_worker_and_then_shown_with_its_tags() {
    let scratch = Scratch::new("long-pdf");
    let english = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt"),
    )
    .unwrap();
    let source = parse::parse(&english).unwrap();
    let text = crate::synthetic::large_report(&source, 2_000).unwrap();
    let pdf = scratch.dir.join("long.pdf");
    std::fs::write(
        &pdf,
        crate::synthetic::pdf_report(&text, "CAC/COSP/WG.2/2019/4"),
    )
    .unwrap();
    assert!(std::fs::metadata(&pdf).unwrap().len() > LONG_PDF_BYTES);
    let mut app = scratch.launch();
    app.conversion = Conversion::OnWorker;
    app.apply(Message::OpenPath(pdf.clone()));
    assert_eq!(
        app.converting(),
        Some(pdf.as_path()),
        "the window does not wait"
    );
    let started = std::time::Instant::now();
    while app.converting().is_some() && started.elapsed() < std::time::Duration::from_mins(2) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.poll_conversion();
    }
    assert_eq!(app.document().paragraphs().count(), 2_000);
    assert_eq!(
        app.report().tags_path(),
        Some(scratch.dir.join("long.tags.ron").as_path())
    );
    assert!(app.problem().is_none(), "{:?}", app.problem());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let scratch = Scratch::new("close");
    let mut app = scratch.launch();
    select_number(&mut app, 1);
    app.apply(Command::ToggleTag(Tag::Challenge));
    // The window manager asks to close; what the app asks of the window.
    let request_close = |app: &mut ParatagApp| {
        app.apply(Message::CloseRequested);
        app.take_effects()
    };
    assert!(request_close(&mut app).contains(&Effect::CancelClose));
    assert!(matches!(app.modal(), Some(Modal::ConfirmClose)));

    app.close_with(true);
    assert!(!app.history().is_modified());
    assert!(scratch.tags().exists());
    assert!(!request_close(&mut app).contains(&Effect::CancelClose));
}

#[test]
fn tags_for_another_document_are_refused_unless_opened_anyway() {
    let scratch = Scratch::new("foreign");
    let foreign = scratch.dir.join("foreign.tags.ron");
    let example = crate::tags_file::tests::documented_example();
    std::fs::write(
        &foreign,
        example.replace("CAC/COSP/WG.2/2017/L.1/Add.1", "A/HRC/40/3"),
    )
    .unwrap();
    let mut app = scratch.launch();
    app.load_tags(&foreign, false);
    assert!(matches!(app.modal(), Some(Modal::ForeignTags { .. })));
    assert!(app.annotations().is_empty());
    app.open_foreign_tags();
    assert_eq!(app.annotations().count(Tag::Proposal), 2);
    // The tags are this report's now, unsaved: saving never rewrites the other report's file.
    assert!(app.history().is_modified());
    assert_eq!(app.report().tags_path(), None);
    assert!(
        app.notice()
            .is_some_and(|notice| notice.contains("A/HRC/40/3"))
    );
    let before = std::fs::read(&foreign).unwrap();
    app.apply(Command::Save);
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
}

/// Opening a tags file (File ▸ Open, a drop, "Open with" from the desktop) while another
/// report is open opens the report the tags were saved with, from beside them, with the tags.
#[test]
fn opening_tags_for_another_report_opens_that_report_beside_them() {
    let scratch = Scratch::new("tags-open-report");
    let mut app = scratch.launch();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);

    let other = scratch.dir.join("data/other.txt");
    std::fs::write(
        &other,
        builtin_report::TEXT.replace("CAC/COSP/WG.2/2017/L.1/Add.1", "A/HRC/40/3"),
    )
    .unwrap();
    let mut app = ParatagApp::launch(
        Some(&other),
        None,
        Some(scratch.dir.join("data")),
        Preferences::default(),
    );
    assert_eq!(app.document().symbol.as_deref(), Some("A/HRC/40/3"));
    app.apply(Message::OpenPath(scratch.tags()));
    assert_eq!(app.report_path(), Some(scratch.report().as_path()));
    assert_eq!(app.report().tags_path(), Some(scratch.tags().as_path()));
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
    assert!(app.modal().is_none());
}

/// A tags file naming a report that is not a plain file beside it — itself, another tags
/// file, or a path with folders — opens nothing else: the usual question is asked.
#[test]
fn a_tags_file_naming_itself_or_a_path_elsewhere_opens_nothing_else() {
    let scratch = Scratch::new("tags-names-itself");
    let example = crate::tags_file::tests::documented_example()
        .replace("CAC/COSP/WG.2/2017/L.1/Add.1", "A/HRC/40/3");
    for (name, file) in [
        ("self.tags.ron", "self.tags.ron"),
        ("up.tags.ron", "../report.txt"),
        ("absolute.tags.ron", &*scratch.report().to_string_lossy()),
    ] {
        let tags = scratch.dir.join("data").join(name);
        let text = example.replace(
            "file: \"CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt\"",
            &format!("file: {file:?}"),
        );
        assert!(text.contains(&format!("file: {file:?}")), "{text}");
        std::fs::write(&tags, text).unwrap();
        let mut app = scratch.launch();
        app.apply(Message::OpenPath(tags));
        assert_eq!(
            app.report_path(),
            Some(scratch.report().as_path()),
            "{name}"
        );
        assert!(
            matches!(app.modal(), Some(Modal::ForeignTags { .. })),
            "{name}"
        );
    }
}

/// Dropping a tags file that cannot be read says so and keeps the tags on screen and their
/// file: nothing is blanked, and the next save still goes where it went.
#[test]
fn dropping_an_unreadable_tags_file_keeps_the_tags_on_screen() {
    let scratch = Scratch::new("drop-bad-tags");
    let mut app = scratch.launch();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);
    let bad = scratch.dir.join("damaged.tags.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    document: (symbol: \"A/1\",").unwrap();
    let files = scratch.snapshot();

    app.apply(Message::OpenPath(bad.clone()));
    let problem = app.problem().unwrap_or_default();
    assert!(problem.contains("damaged.tags.ron"), "{problem}");
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
    assert_eq!(app.report().tags_path(), Some(scratch.tags().as_path()));
    assert!(!app.tags().blocked);
    assert_eq!(scratch.snapshot(), files, "nothing on disk changed");

    select_number(&mut app, 5);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::Save);
    assert!(!app.history().is_modified());
    assert!(
        std::fs::read_to_string(scratch.tags())
            .unwrap()
            .contains("proposal")
    );
}

#[test]
fn the_original_page_is_for_pdf_reports_and_the_next_report_gets_its_own_painter() {
    let mut app = app();
    // The built-in report is text: P says so and changes nothing.
    app.apply(Command::ToggleOriginalPage);
    assert!(!app.preferences().show_original_page);
    assert!(!app.shows_original_page());
    assert_eq!(app.notice(), Some(app.strings().pages_only_pdf));
    assert!(app.document().printed.is_none());

    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-layout.zh.cid.pdf");
    app.apply(Message::OpenPath(pdf.clone()));
    assert!(app.notice().is_none());
    app.apply(Command::ToggleOriginalPage);
    assert!(app.shows_original_page());
    assert_eq!(app.document().printed.as_ref().unwrap().sizes.len(), 3);

    // Back to text: the preference stays but nothing is shown.
    let text =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt");
    app.apply(Message::OpenPath(text));
    assert!(app.preferences().show_original_page);
    assert!(!app.shows_original_page());
}

/// The export preview is of the report on screen: opening another report with the dialog
/// open shows the new one's note, even when both histories stand at their first revision.
#[test]
fn the_export_preview_follows_the_report_on_screen() {
    let scratch = Scratch::new("preview");
    let mut app = scratch.launch();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Save);
    let mut app = scratch.launch();
    assert!(!app.history().is_modified());
    app.apply(Command::Export);
    let seed_note = app.export_preview().unwrap();
    assert!(
        seed_note.contains("CAC/COSP/WG.2/2017/L.1/Add.1"),
        "{seed_note}"
    );

    let other = scratch.dir.join("other.txt");
    std::fs::write(
        &other,
        "A/HRC/55/12\nI. Introduction\n1. The first paragraph of another report.\n",
    )
    .unwrap();
    app.apply(Message::OpenPath(other));
    assert_eq!(app.document().symbol.as_deref(), Some("A/HRC/55/12"));
    assert_ne!(app.export_preview(), Ok(seed_note), "the old report's note");
}

/// Quitting with unsaved tags, the user picks Save; the file changed on disk meanwhile, so
/// paratag asks, and Overwrite saves and then lets the window close (it must not leave the
/// user in a window they asked to quit).
#[test]
fn save_then_overwrite_while_quitting_saves_and_closes() {
    let scratch = Scratch::new("quit-overwrite");
    let (mut app, theirs) = saved_then_changed_on_disk(&scratch);

    // Running `answer`: how many times it asked the window to close.
    let closes = |app: &mut ParatagApp, answer: &dyn Fn(&mut ParatagApp)| {
        answer(app);
        app.take_effects()
            .iter()
            .filter(|effect| **effect == Effect::CloseWindow)
            .count()
    };
    assert_eq!(
        closes(&mut app, &|app| app.close_with(true)),
        0,
        "not closed before the question is answered"
    );
    assert!(matches!(app.modal(), Some(Modal::ChangedOnDisk(_))));
    assert_eq!(std::fs::read_to_string(scratch.tags()).unwrap(), theirs);

    assert_eq!(
        closes(&mut app, &|app| app.resolve_changed_on_disk(true)),
        1,
        "the window closes once saved"
    );
    assert!(!app.history().is_modified());
    assert!(
        std::fs::read_to_string(scratch.tags())
            .unwrap()
            .contains("\"challenge\"")
    );
    assert_eq!(app.closing, tags::Closing::Allowed);
}

#[test]
fn requests_are_counted_and_reading_them_changes_nothing() {
    let mut app = app();
    let before = app.requests();
    app.apply(Message::Select(ParagraphIndex(3)));
    app.apply(Command::WriteNote);
    app.apply(Command::Find);
    let after = app.requests();
    assert_eq!(after.scroll_to_selected, before.scroll_to_selected + 1);
    assert_eq!(after.focus_note, before.focus_note + 1);
    assert_eq!(after.focus_find, before.focus_find + 1);
    assert_eq!(app.requests(), after, "asking is not taking");
    // Selecting the paragraph already selected brings it into view again.
    app.apply(Message::Select(ParagraphIndex(3)));
    assert_eq!(
        app.requests().scroll_to_selected,
        after.scroll_to_selected + 1
    );
}

#[test]
fn the_export_dialog_takes_its_choices_as_a_message_and_closes_by_command() {
    let mut app = app();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::Export);
    let dialog = app.export_dialog().unwrap();
    let mut options = dialog.options.clone();
    options.language = crate::export::NoteLanguage::French;
    app.apply(Message::ExportChoices {
        format: crate::export::Format::Csv,
        options: options.clone(),
    });
    let dialog = app.export_dialog().unwrap();
    assert_eq!(dialog.format, crate::export::Format::Csv);
    assert_eq!(dialog.options, options);
    assert!(app.export_preview().unwrap().contains("par. 4"));
    app.apply(Command::CloseExport);
    assert!(app.export_dialog().is_none());
}

#[test]
fn the_find_bar_types_and_closes_by_message() {
    let mut app = app();
    app.apply(Command::Find);
    app.apply(Message::FindQuery("资产".to_owned()));
    assert!(app.find().matches.len() > 5);
    assert_eq!(app.find().current, Some(0), "on the first match");
    app.apply(Command::CloseFind);
    assert!(!app.find().open);
}

#[test]
fn what_the_window_must_do_is_an_effect_the_app_decides_and_tests_read() {
    let mut app = app();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Export);
    app.apply(Command::CopyMarkdown);
    let effects = app.take_effects();
    assert!(
        matches!(effects.as_slice(), [Effect::CopyText(text)] if text.contains("para. 4")),
        "{effects:?}"
    );
    assert!(app.take_effects().is_empty(), "taken once");
    // Quitting with unsaved tags: the app asks the window to close; the window's close
    // request is what asks first (handle_close_request), not Quit.
    app.apply(Command::Quit);
    assert_eq!(app.take_effects(), [Effect::CloseWindow]);
}

/// Export ▸ PDF ▸ Save: the question suggests `SYMBOL briefing DATE.pdf` in the report's
/// folder and offers PDF files; the answer gets the PDF, on the paper chosen.
#[test]
fn the_pdf_note_is_saved_where_the_user_says() {
    let scratch = Scratch::new("export-pdf");
    let mut app = scratch.launch();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::Export);
    let mut options = app.export_dialog().unwrap().options.clone();
    options.paper = crate::export::Paper::Letter;
    "2026-12-02".clone_into(&mut options.date);
    app.apply(Message::ExportChoices {
        format: crate::export::Format::Pdf,
        options,
    });
    let target = scratch.dir.join("note.pdf");
    let question = answer_dialog(&mut app, Command::SaveExport, Some(&target));
    assert_eq!(question.kind, DialogKind::Export);
    assert_eq!(
        question.suggested.as_deref(),
        Some("CAC-COSP-WG.2-2017-L.1-Add.1 briefing 2026-12-02.pdf")
    );
    assert_eq!(question.folder.as_deref(), Some(scratch.dir.as_path()));
    assert_eq!(question.filters[0].extensions, ["pdf"]);
    let pdf = std::fs::read(&target).unwrap();
    let read = crate::import::pdf::read(&pdf).unwrap();
    let [width, height] = read.page_sizes[0];
    assert!(
        (width - 612.0).abs() < 0.5 && (height - 792.0).abs() < 0.5,
        "US Letter"
    );
    assert!(
        app.notice()
            .is_some_and(|notice| notice.contains("note.pdf"))
    );
}

/// A meeting's documents in one note from the window: Export ▸ Add report… quotes another
/// report with the tags saved beside it; the preview and every format then cite both, each
/// excerpt its own symbol; Remove takes it out again; a report without tags, the open report
/// itself, or one that cannot be read is refused with the reason and the path.
#[test]
fn the_export_dialog_quotes_several_reports() {
    let scratch = Scratch::new("note-of-several");
    let mut app = scratch.launch();
    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));

    // Another report, tagged and saved beside itself as the window would.
    let english = scratch.dir.join("english.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt"),
        &english,
    )
    .unwrap();
    let mut other = TaggedReport::new(parse::read_report(&english).unwrap());
    other.toggle_tag(ParagraphIndex(2), Tag::Proposal, Moment::now());
    let beside = crate::tagged_report::tags_beside(&english);
    other
        .save_tags(
            &crate::storage::RealDisk,
            &beside,
            Some("english.txt"),
            None,
            crate::storage::Allow::default(),
        )
        .unwrap();

    app.apply(Command::Export);
    let question = answer_dialog(&mut app, Command::AddReportToNote, Some(&english));
    assert_eq!(question.kind, DialogKind::AddToNote);
    assert!(app.problem().is_none(), "{:?}", app.problem());
    let dialog = app.export_dialog().unwrap();
    assert_eq!(dialog.others.len(), 1);
    let preview = app.export_preview().unwrap();
    assert!(
        preview.contains("CAC/COSP/WG.2/2017/L.1/Add.1, para. 4"),
        "{preview}"
    );
    assert!(
        preview.contains("CAC/COSP/WG.2/2019/4, para. 3"),
        "{preview}"
    );
    let protected = app.export_protected();
    assert!(protected.iter().any(|(path, _)| *path == english.as_path()));
    assert!(protected.iter().any(|(path, _)| *path == beside.as_path()));

    // Refused, each with its reason and path; the note stays as it was.
    let untagged = scratch.dir.join("untagged.txt");
    std::fs::copy(&english, &untagged).unwrap();
    for (path, reason) in [
        (untagged, "no tags yet"),
        (scratch.report(), "in the note already"),
        (english.clone(), "in the note already"),
        (scratch.dir.join("missing.txt"), "No such file"),
    ] {
        app.dismiss_problems();
        app.apply(Message::AddToNote(path.clone()));
        let problem = app.problem().unwrap_or_default().to_owned();
        assert!(
            problem.contains(reason) && problem.ends_with(&path.display().to_string()),
            "{problem}"
        );
        assert_eq!(app.export_dialog().unwrap().others.len(), 1);
    }

    app.apply(Message::RemoveFromNote(0));
    let preview = app.export_preview().unwrap();
    assert!(!preview.contains("CAC/COSP/WG.2/2019/4"), "{preview}");
}

/// The scratch directory's report and a second one (another symbol) open in one window.
fn two_reports(scratch: &Scratch) -> (ParatagApp, PathBuf) {
    let other = scratch.dir.join("other.txt");
    std::fs::write(&other, OTHER_REPORT).unwrap();
    let mut app = scratch.launch();
    app.apply(Message::OpenPath(other.clone()));
    assert_eq!(app.open_reports().len(), 2);
    (app, other)
}

/// As [`two_reports`], with unsaved tags in both: paragraph 2 of the other report a
/// proposal, paragraph 7 of the first a challenge; the first on screen.
fn two_tagged_reports(scratch: &Scratch) -> (ParatagApp, PathBuf) {
    let (mut app, other) = two_reports(scratch);
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::PreviousReport);
    select_number(&mut app, 7);
    app.apply(Command::ToggleTag(Tag::Challenge));
    (app, other)
}

#[test]
fn closing_a_report_with_unsaved_tags_asks_and_saves_it() {
    let scratch = Scratch::new("close-report");
    let (mut app, _) = two_reports(&scratch);
    // The other report is untouched: it closes at once and the first comes back.
    app.apply(Command::CloseReport);
    assert!(app.modal().is_none());
    assert_eq!(app.report_path(), Some(scratch.report().as_path()));
    assert_eq!(app.open_reports().len(), 1);

    select_number(&mut app, 4);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Command::CloseReport);
    assert!(
        matches!(app.modal(), Some(Modal::ConfirmCloseReport(name)) if name == "report.txt"),
        "{:?}",
        app.modal()
    );
    app.apply(Message::Choose(Choice::Cancel));
    assert_eq!(app.report_path(), Some(scratch.report().as_path()));
    assert!(!scratch.tags().exists());

    app.apply(Command::CloseReport);
    app.apply(Message::Choose(Choice::SaveAndCloseReport));
    assert!(
        std::fs::read_to_string(scratch.tags())
            .unwrap()
            .contains("\"challenge\"")
    );
    assert_eq!(app.report_path(), None, "the built-in report is left");
    assert!(
        app.take_effects()
            .iter()
            .all(|effect| *effect != Effect::CloseWindow)
    );
}

#[test]
fn closing_the_window_saves_the_tags_of_every_open_report() {
    let scratch = Scratch::new("close-all");
    let (mut app, other) = two_tagged_reports(&scratch);
    // The report on screen is the first; the question names both.
    app.apply(Message::CloseRequested);
    assert!(app.take_effects().contains(&Effect::CancelClose));
    assert!(matches!(app.modal(), Some(Modal::ConfirmClose)));
    assert_eq!(app.unsaved_reports(), ["report.txt", "other.txt"]);

    app.apply(Message::Choose(Choice::SaveAndClose));
    assert!(app.take_effects().contains(&Effect::CloseWindow));
    assert!(app.unsaved_reports().is_empty());
    let saved = |path: &Path| std::fs::read_to_string(path).unwrap();
    assert!(saved(&scratch.tags()).contains("\"challenge\""));
    let other_tags = crate::tagged_report::tags_beside(&other);
    assert!(saved(&other_tags).contains("\"proposal\""));
    assert!(saved(&other_tags).contains("A/HRC/40/3"));
}

#[test]
fn a_report_that_needs_save_as_holds_the_close_until_it_is_saved() {
    let scratch = Scratch::new("close-save-as");
    let (mut app, _) = two_reports(&scratch);
    select_number(&mut app, 1);
    app.apply(Command::ToggleTag(Tag::Proposal));
    // The first report's tags file cannot be written (a folder stands in its place).
    std::fs::create_dir(scratch.tags()).unwrap();
    app.apply(Command::PreviousReport);
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Message::CloseRequested);
    app.take_effects();
    app.apply(Message::Choose(Choice::SaveAndClose));
    let effects = app.take_effects();
    assert!(!effects.contains(&Effect::CloseWindow), "{effects:?}");
    assert_eq!(app.report_path(), Some(scratch.report().as_path()));
    assert!(app.problem().is_some());
    // Saved elsewhere: the other report is saved next, then the window closes.
    app.apply(Command::Save);
    app.take_effects();
    let elsewhere = scratch.dir.join("elsewhere.tags.ron");
    app.apply(Message::Answered(
        DialogKind::SaveAs,
        Some(elsewhere.clone()),
    ));
    assert!(elsewhere.exists());
    assert!(app.take_effects().contains(&Effect::CloseWindow));
    assert!(app.unsaved_reports().is_empty());
}

#[test]
fn every_open_report_keeps_its_own_recovery_copy() {
    let scratch = Scratch::new("recovery-several");
    let copies = || copies_in(&scratch.dir.join("data")).len();
    {
        let (mut app, _) = two_reports(&scratch);
        app.apply(Command::PreviousReport);
        select_number(&mut app, 5);
        app.apply(Command::ToggleTag(Tag::Challenge));
        // Leaving a report with changes its copy does not hold writes the copy at once.
        app.apply(Command::NextReport);
        assert_eq!(copies(), 1);
        select_number(&mut app, 2);
        app.apply(Command::ToggleTag(Tag::Proposal));
        autosave_later(&mut app);
        assert_eq!(copies(), 2);
        // Dropped without closing: a crash.
    }
    // The next start on the first report is offered its copy, and only its.
    let app = scratch.launch();
    let Some(Modal::OfferRecovery(offered)) = app.modal() else {
        panic!("no recovery offered: {:?}", app.modal());
    };
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].tagged, 1);
}

#[test]
fn a_clean_close_after_dont_save_leaves_no_copy_of_any_report() {
    let scratch = Scratch::new("recovery-discard");
    let (mut app, _) = two_reports(&scratch);
    select_number(&mut app, 1);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Command::PreviousReport);
    select_number(&mut app, 5);
    app.apply(Command::ToggleTag(Tag::Challenge));
    autosave_later(&mut app);
    assert_eq!(copies_in(&scratch.dir.join("data")).len(), 2);
    app.apply(Message::CloseRequested);
    app.apply(Message::Choose(Choice::DiscardAndClose));
    app.exit_cleanly();
    let left: Vec<_> = std::fs::read_dir(scratch.dir.join("data/recovery"))
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert!(left.is_empty(), "copies and locks all gone: {left:?}");
    assert!(!scratch.tags().exists(), "nothing saved");
}

#[test]
fn one_note_quotes_every_open_report_unless_left_out() {
    let scratch = Scratch::new("note-open-reports");
    let (mut app, _) = two_tagged_reports(&scratch);
    app.apply(Command::Export);
    let note = app.export_preview().unwrap();
    // In the order of the tabs, each excerpt citing its own symbol.
    let ours = note.find("CAC/COSP/WG.2/2017/L.1/Add.1, para. 7").unwrap();
    let theirs = note.find("A/HRC/40/3, para. 2").unwrap();
    assert!(ours < theirs, "{note}");
    // Adding a report that is open already is refused: it is quoted once.
    app.apply(Message::AddToNote(scratch.report()));
    assert!(app.export_dialog().unwrap().others.is_empty());

    let other = app.open_reports()[1].id;
    app.apply(Message::IncludeInNote(other, false));
    let note = app.export_preview().unwrap();
    assert!(!note.contains("A/HRC/40/3"), "{note}");
    app.apply(Message::IncludeInNote(other, true));
    assert!(
        app.export_preview()
            .unwrap()
            .contains("A/HRC/40/3, para. 2")
    );
    // An export never writes over any open report or its tags file.
    let protected: Vec<&Path> = app
        .export_protected()
        .iter()
        .map(|(path, _)| *path)
        .collect();
    assert!(protected.contains(&scratch.dir.join("other.txt").as_path()));
}

#[test]
fn a_sub_paragraph_is_chosen_from_the_keyboard_undone_and_saved() {
    let scratch = Scratch::new("parts");
    let report = scratch.dir.join("lists.txt");
    std::fs::write(
        &report,
        "A/AC.1/2026/L.1\n\nI. Recommendations\n\n1. The Working Group recommended:\n\
         (a) That States share good practices;\n(b) That the Secretariat collect data.\n\
         2. The Working Group decided to continue.\n",
    )
    .unwrap();
    let launch = || {
        ParatagApp::launch(
            Some(&report),
            None,
            Some(scratch.dir.join("data")),
            Preferences::default(),
        )
    };
    let mut app = launch();
    app.apply(Command::SelectNext);
    app.apply(Command::ToggleTag(Tag::Proposal));
    let first = ParagraphIndex(0);
    app.apply(Command::NextPart);
    assert_eq!(app.annotations().part(first), Some("a"));
    app.apply(Command::NextPart);
    assert_eq!(app.annotations().part(first), Some("b"));
    app.apply(Command::NextPart);
    assert_eq!(
        app.annotations().part(first),
        None,
        "round to the whole paragraph"
    );
    app.apply(Command::Undo);
    assert_eq!(app.annotations().part(first), Some("b"));
    // A label the paragraph has not is no change.
    app.apply(Message::QuotePart(first, Some("z".to_owned())));
    assert_eq!(app.annotations().part(first), Some("b"));
    // Paragraph 2 has none: the user is told, nothing changes.
    app.apply(Command::SelectNext);
    app.apply(Command::NextPart);
    assert!(
        app.notice()
            .is_some_and(|notice| notice.contains("quoted whole"))
    );
    app.apply(Command::Save);
    let saved = std::fs::read_to_string(scratch.dir.join("lists.tags.ron")).unwrap();
    assert!(
        saved.contains("format: 3,") && saved.contains("part: \"b\","),
        "{saved}"
    );

    let app = launch();
    assert_eq!(app.annotations().part(first), Some("b"));
    let note = app
        .report()
        .export(
            &crate::export::ExportOptions::new(crate::export::NoteLanguage::English),
            crate::export::Format::Text,
        )
        .unwrap();
    let note = String::from_utf8(note).unwrap();
    assert!(note.contains("A/AC.1/2026/L.1, para. 1 (b)"), "{note}");
    assert!(!note.contains("share good practices"), "{note}");
}

#[test]
fn a_briefing_saves_the_open_reports_and_choices_and_opens_them_again() {
    let scratch = Scratch::new("briefing");
    let (mut app, other) = two_tagged_reports(&scratch);
    app.apply(Command::Save);
    app.apply(Command::NextReport);
    app.apply(Command::Save);
    app.apply(Command::PreviousReport);
    app.apply(Command::Export);
    let mut options = app.export_dialog().unwrap().options.clone();
    options.grouping = crate::export::Grouping::Document;
    options.language = crate::export::NoteLanguage::Chinese;
    app.apply(Message::ExportChoices {
        format: crate::export::Format::Pdf,
        options: options.clone(),
    });
    let note = app.export_preview().unwrap();

    let saved = scratch.dir.join("meeting.briefing.ron");
    app.apply(Command::SaveBriefing);
    assert!(
        app.take_effects()
            .iter()
            .any(|effect| matches!(effect, Effect::AskPath(question) if question.kind == DialogKind::Briefing))
    );
    app.apply(Message::Answered(DialogKind::Briefing, Some(saved.clone())));
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(
        text.contains("report: \"report.txt\"") && text.contains("report: \"other.txt\""),
        "{text}"
    );
    assert!(
        app.notice()
            .is_some_and(|notice| notice.contains("meeting.briefing.ron"))
    );

    // The next day: the briefing opens both reports, in its order, with the note's choices.
    let mut next = ParatagApp::launch(
        None,
        None,
        Some(scratch.dir.join("data")),
        Preferences::default(),
    );
    next.apply(Message::OpenPath(saved.clone()));
    let names: Vec<String> = next.open_reports().iter().map(OpenReport::name).collect();
    assert_eq!(names, ["report.txt", "other.txt"]);
    assert_eq!(next.report_path(), Some(scratch.report().as_path()));
    let dialog = next.export_dialog().unwrap();
    assert_eq!(dialog.format, crate::export::Format::Pdf);
    assert_eq!(dialog.options.grouping, crate::export::Grouping::Document);
    assert_eq!(next.export_preview().unwrap(), note);

    // A report of the briefing that is gone is named; the others open.
    std::fs::remove_file(&other).unwrap();
    let mut third = scratch.launch();
    third.apply(Message::OpenPath(saved));
    assert_eq!(third.open_reports().len(), 1);
    assert!(
        third
            .problem()
            .is_some_and(|problem| problem.contains("other.txt")),
        "{:?}",
        third.problem()
    );
}

#[test]
fn a_damaged_briefing_opens_nothing_and_says_why() {
    let scratch = Scratch::new("briefing-bad");
    let bad = scratch.dir.join("bad.briefing.ron");
    std::fs::write(
        &bad,
        format!(
            "{}(format: 1, reports: [(report: \"x.txt\")], note: (",
            crate::briefing::HEADER
        ),
    )
    .unwrap();
    let mut app = scratch.launch();
    app.apply(Message::OpenPath(bad));
    assert_eq!(app.open_reports().len(), 1);
    let problem = app.problem().unwrap();
    assert!(
        problem.starts_with("Cannot open the briefing: line 2"),
        "{problem}"
    );
    assert!(problem.ends_with("bad.briefing.ron"), "{problem}");
}

#[test]
fn the_name_in_the_preferences_is_recorded_with_each_edit_and_saved() {
    let scratch = Scratch::new("author");
    let mut app = scratch.launch();
    app.apply(Message::SetAuthor("Ana Silva".to_owned()));
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Challenge));
    let third = app.selected().unwrap();
    assert_eq!(
        app.annotations().get(third).unwrap().author.as_deref(),
        Some("Ana Silva")
    );
    // Set in one report, it holds in every open report.
    let other = scratch.dir.join("other.txt");
    std::fs::write(&other, OTHER_REPORT).unwrap();
    app.apply(Message::OpenPath(other));
    select_number(&mut app, 1);
    app.apply(Command::ToggleTag(Tag::Proposal));
    assert_eq!(
        app.annotations()
            .get(ParagraphIndex(0))
            .unwrap()
            .author
            .as_deref(),
        Some("Ana Silva")
    );
    app.apply(Command::PreviousReport);
    app.apply(Command::Save);
    let saved = std::fs::read_to_string(scratch.tags()).unwrap();
    assert!(
        saved.contains("format: 3,") && saved.contains("author: \"Ana Silva\","),
        "{saved}"
    );
    // Empty: the system's user name again (none known: no name recorded).
    app.apply(Message::SetAuthor(String::new()));
    let system = Some(crate::export::system_user()).filter(|name| !name.is_empty());
    assert_eq!(app.preferences().author_name(), system);
}

/// A colleague's tags file, made as their paratag makes it: the built-in report's text
/// tagged by `author`.
fn colleague_file(
    scratch: &Scratch,
    name: &str,
    author: &str,
    tag: &[(u32, Tag, &str)],
) -> PathBuf {
    let mut theirs = ParatagApp::launch(
        Some(&scratch.report()),
        Some(&scratch.dir.join(name)),
        None,
        Preferences::default(),
    );
    theirs.apply(Message::SetAuthor(author.to_owned()));
    for (number, tag, note) in tag {
        select_number(&mut theirs, *number);
        theirs.apply(Command::ToggleTag(*tag));
        if !note.is_empty() {
            theirs.apply(Message::TypeNote((*note).to_owned()));
        }
    }
    theirs.apply(Command::Save);
    scratch.dir.join(name)
}

#[test]
fn merging_a_colleagues_tags_is_one_step_says_what_it_did_and_settles_conflicts() {
    let scratch = Scratch::new("merge");
    let ana = colleague_file(
        &scratch,
        "ana.tags.ron",
        "Ana Silva",
        &[
            (12, Tag::Proposal, ""),
            (3, Tag::GoodPractice, "Ask Vienna."),
            (5, Tag::Challenge, "Second view."),
        ],
    );
    let theirs_before = std::fs::read(&ana).unwrap();
    let mut app = scratch.launch();
    app.apply(Message::SetAuthor("Ana Silva".to_owned()));
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Message::TypeNote("Raise with capital.".to_owned()));
    select_number(&mut app, 5);
    app.apply(Command::ToggleTag(Tag::Challenge));
    app.apply(Message::TypeNote("First view.".to_owned()));
    app.apply(Message::SetAuthor("Li Ming".to_owned()));
    select_number(&mut app, 3);
    app.apply(Message::TypeNote("Raise with capital. Urgent.".to_owned()));
    let before = app.annotations().clone();

    app.apply(Command::MergeTags);
    assert!(app.take_effects().iter().any(
        |effect| matches!(effect, Effect::AskPath(question) if question.kind == DialogKind::Merge)
    ));
    app.apply(Message::Answered(DialogKind::Merge, Some(ana.clone())));
    let notice = app.notice().unwrap();
    assert_eq!(
        notice,
        "Merged ana.tags.ron: 1 paragraph added, 1 paragraph given more tags, 1 note joined, \
         1 conflict to settle in the tag panel. Undo takes it back."
    );
    let index = |app: &ParatagApp, number| {
        (0..app.document().paragraphs().count())
            .map(ParagraphIndex)
            .find(|p| app.paragraph_number(*p) == Some(number))
            .unwrap()
    };
    let third = app.annotations().get(index(&app, 3)).unwrap().clone();
    assert_eq!(
        third.tags,
        [Tag::Challenge, Tag::GoodPractice].into_iter().collect()
    );
    assert_eq!(
        third.note,
        "Ana Silva: Ask Vienna.\n\nLi Ming: Raise with capital. Urgent."
    );
    let fifth = app.annotations().get(index(&app, 5)).unwrap().clone();
    assert_eq!(fifth.note, "First view.");
    assert_eq!(fifth.conflicts, ["Second view."]);
    assert_eq!(
        app.annotations().tags(index(&app, 12)),
        TagSet::only(Tag::Proposal)
    );
    assert_eq!(
        std::fs::read(&ana).unwrap(),
        theirs_before,
        "their file is only read"
    );

    // One step: undo gives back exactly what was there.
    app.apply(Command::Undo);
    assert_eq!(app.annotations(), &before);
    app.apply(Command::Redo);

    // The conflict is settled in the tag panel: their version taken, as one more step.
    let fifth_index = index(&app, 5);
    app.apply(Message::ResolveConflict(
        fifth_index,
        crate::tagged_report::Resolution::Take(0),
    ));
    let fifth = app.annotations().get(fifth_index).unwrap();
    assert_eq!(fifth.note, "Second view.");
    assert!(fifth.conflicts.is_empty());
    // Merged again: nothing new.
    app.apply(Message::MergeFrom(ana));
    assert!(
        app.notice().unwrap().contains("nothing new"),
        "{:?}",
        app.notice()
    );
}

#[test]
fn a_merge_of_another_reports_or_a_damaged_file_changes_nothing() {
    let scratch = Scratch::new("merge-refused");
    let example = crate::tags_file::tests::documented_example();
    let foreign = scratch.dir.join("foreign.tags.ron");
    std::fs::write(
        &foreign,
        example.replace("CAC/COSP/WG.2/2017/L.1/Add.1", "A/HRC/40/3"),
    )
    .unwrap();
    let damaged = scratch.dir.join("damaged.tags.ron");
    std::fs::write(&damaged, &example[..example.len() / 2]).unwrap();
    let mut app = scratch.launch();
    select_number(&mut app, 2);
    app.apply(Command::ToggleTag(Tag::Proposal));
    let before = app.annotations().clone();
    let revision = app.history().revision();
    for (path, reason) in [(&foreign, "they are for A/HRC/40/3"), (&damaged, "line ")] {
        app.apply(Message::MergeFrom(path.clone()));
        let problem = app.problem().unwrap();
        assert!(
            problem.starts_with("Cannot merge the tags: ") && problem.contains(reason),
            "{problem}"
        );
        assert!(problem.ends_with(&path.display().to_string()), "{problem}");
        assert_eq!(app.annotations(), &before);
        assert_eq!(app.history().revision(), revision);
    }
}

#[test]
fn a_filter_by_person_shows_only_their_paragraphs() {
    let scratch = Scratch::new("filter-person");
    let ana = colleague_file(
        &scratch,
        "ana.tags.ron",
        "Ana Silva",
        &[(12, Tag::Proposal, "")],
    );
    let mut app = scratch.launch();
    app.apply(Message::SetAuthor("Li Ming".to_owned()));
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Challenge));
    select_number(&mut app, 7);
    app.apply(Message::TypeNote("Only a note.".to_owned()));
    app.apply(Message::MergeFrom(ana));
    assert_eq!(app.authors(), ["Ana Silva", "Li Ming"]);

    app.apply(Message::FilterAuthor(Some("Li Ming".to_owned())));
    assert!(app.filtering());
    let shown: Vec<u32> = (0..app.document().paragraphs().count())
        .map(ParagraphIndex)
        .filter(|p| app.is_visible(*p))
        .filter_map(|p| app.paragraph_number(p))
        .collect();
    assert_eq!(shown, [3, 7], "a note alone counts");
    // With a tag filter too: both must hold.
    app.apply(Command::FilterTag(Tag::Challenge));
    let shown = (0..app.document().paragraphs().count())
        .filter(|p| app.is_visible(ParagraphIndex(*p)))
        .count();
    assert_eq!(shown, 1);
    app.apply(Command::ClearFilter);
    assert!(!app.filtering());
}

/// Two colleagues working from one saved tags file: what the colleague changed or untagged
/// since is taken as they left it, what was never in their file stays.
#[test]
fn a_merge_from_a_common_save_takes_the_colleagues_changes_and_removals() {
    let scratch = Scratch::new("merge-three-way");
    let mut app = scratch.launch();
    app.apply(Message::SetAuthor("Li Ming".to_owned()));
    select_number(&mut app, 3);
    app.apply(Command::ToggleTag(Tag::Challenge));
    select_number(&mut app, 5);
    app.apply(Command::ToggleTag(Tag::Proposal));
    app.apply(Message::TypeNote("Draft.".to_owned()));
    app.apply(Command::Save);
    // The colleague works on a copy of that save.
    let ana = scratch.dir.join("ana.tags.ron");
    std::fs::copy(scratch.tags(), &ana).unwrap();
    let mut theirs = ParatagApp::launch(
        Some(&scratch.report()),
        Some(&ana),
        None,
        Preferences::default(),
    );
    theirs.apply(Message::SetAuthor("Ana Silva".to_owned()));
    select_number(&mut theirs, 3);
    theirs.apply(Command::ToggleTag(Tag::Challenge));
    select_number(&mut theirs, 5);
    theirs.apply(Message::TypeNote("Draft. Agreed with Vienna.".to_owned()));
    select_number(&mut theirs, 8);
    theirs.apply(Command::ToggleTag(Tag::GoodPractice));
    theirs.apply(Command::Save);
    // Meanwhile, here: paragraph 10 tagged, not saved.
    select_number(&mut app, 10);
    app.apply(Command::ToggleTag(Tag::Proposal));

    app.apply(Message::MergeFrom(ana));
    let number = |app: &ParatagApp, n| {
        (0..app.document().paragraphs().count())
            .map(ParagraphIndex)
            .find(|p| app.paragraph_number(*p) == Some(n))
            .unwrap()
    };
    assert!(
        app.annotations().get(number(&app, 3)).is_none(),
        "untagged by Ana"
    );
    let fifth = app.annotations().get(number(&app, 5)).unwrap();
    assert_eq!(fifth.note, "Draft. Agreed with Vienna.");
    assert!(fifth.conflicts.is_empty());
    assert_eq!(
        app.annotations().tags(number(&app, 8)),
        TagSet::only(Tag::GoodPractice)
    );
    assert_eq!(
        app.annotations().tags(number(&app, 10)),
        TagSet::only(Tag::Proposal)
    );
    assert_eq!(
        app.notice().unwrap(),
        "Merged ana.tags.ron: 1 paragraph added, 1 paragraph updated to its newer tags, \
         1 paragraph untagged as it was there. Undo takes it back."
    );
    // Saved and merged again: nothing new, nothing comes back.
    app.apply(Command::Save);
    app.apply(Message::MergeFrom(scratch.dir.join("ana.tags.ron")));
    assert!(
        app.notice().unwrap().contains("nothing new"),
        "{:?}",
        app.notice()
    );
    assert!(app.annotations().get(number(&app, 3)).is_none());
}

//! Commands applied to the app, without drawing anything.

use super::*;
use crate::annotations::Tag;

fn app() -> (ParatagApp, egui::Context) {
    (
        ParatagApp::new(None, Preferences::default()),
        egui::Context::default(),
    )
}

fn select_number(app: &mut ParatagApp, ctx: &egui::Context, number: u32) {
    let index = (0..app.document().paragraphs().count())
        .map(ParagraphIndex)
        .find(|p| app.paragraph_number(*p) == Some(number))
        .unwrap();
    app.apply(ctx, Command::Select(index));
}

#[test]
fn starts_with_the_built_in_report() {
    let (app, _) = app();
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
    let (mut app, ctx) = app();
    app.apply(&ctx, Command::SelectNext);
    assert_eq!(app.selected(), Some(ParagraphIndex(0)));
    for _ in 0..30 {
        app.apply(&ctx, Command::SelectNext);
    }
    assert_eq!(
        app.selected(),
        Some(ParagraphIndex(21)),
        "stops at the last paragraph"
    );
    app.apply(&ctx, Command::SelectPrevious);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(21));
}

#[test]
fn tags_toggle_undo_and_mark_the_title() {
    let (mut app, ctx) = app();
    app.apply(&ctx, Command::ToggleTag(Tag::Challenge));
    assert!(
        app.annotations().is_empty(),
        "no paragraph selected: nothing to tag"
    );
    select_number(&mut app, &ctx, 4);
    app.apply(&ctx, Command::ToggleTag(Tag::Challenge));
    app.apply(&ctx, Command::ToggleTag(Tag::Proposal));
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
    assert!(app.title().starts_with("● "));
    app.apply(&ctx, Command::Undo);
    app.apply(&ctx, Command::Undo);
    assert!(app.annotations().is_empty());
    assert!(!app.history().is_modified());
    app.apply(&ctx, Command::Redo);
    assert_eq!(app.annotations().count(Tag::Challenge), 1);
}

#[test]
fn next_tagged_and_filter() {
    let (mut app, ctx) = app();
    for number in [3, 9, 12] {
        select_number(&mut app, &ctx, number);
        app.apply(&ctx, Command::ToggleTag(Tag::Proposal));
    }
    select_number(&mut app, &ctx, 1);
    app.apply(&ctx, Command::NextTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));
    app.apply(&ctx, Command::NextTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(9));
    app.apply(&ctx, Command::PreviousTagged);
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));

    app.apply(&ctx, Command::FilterTag(Tag::Proposal));
    let visible: Vec<u32> = (0..22)
        .map(ParagraphIndex)
        .filter(|p| app.is_visible(*p))
        .filter_map(|p| app.paragraph_number(p))
        .collect();
    assert_eq!(visible, [3, 9, 12]);
    app.apply(&ctx, Command::SelectNext);
    assert_eq!(
        app.paragraph_number(app.selected().unwrap()),
        Some(9),
        "skips hidden ones"
    );
    app.apply(&ctx, Command::ClearFilter);
    assert!(app.is_visible(ParagraphIndex(0)));
}

#[test]
fn find_lands_on_the_first_match_and_cycles() {
    let (mut app, ctx) = app();
    app.apply(&ctx, Command::Find);
    assert!(app.find().open);
    app.set_find_query("司法协助");
    assert_eq!(app.paragraph_number(app.selected().unwrap()), Some(3));
    let count = app.find().matches.len();
    for _ in 0..count {
        app.apply(&ctx, Command::FindNext);
    }
    assert_eq!(app.find().current, Some(0), "wraps around");
    app.apply(&ctx, Command::FindPrevious);
    assert_eq!(app.find().current, Some(count - 1));
}

#[test]
fn opening_a_report_with_unsaved_tags_asks_first() {
    let dir = std::env::temp_dir().join(format!("paratag-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "I. Introduction\n1. The first paragraph of another report.\n",
    )
    .unwrap();

    let (mut app, ctx) = app();
    select_number(&mut app, &ctx, 2);
    app.apply(&ctx, Command::ToggleTag(Tag::GoodPractice));
    app.apply(&ctx, Command::OpenPath(other.clone()));
    assert!(matches!(app.modal(), Some(Modal::ConfirmOpen(_))));
    assert_eq!(
        app.document().paragraphs().count(),
        22,
        "nothing changed yet"
    );
    app.close_modal();
    assert_eq!(app.annotations().count(Tag::GoodPractice), 1);

    app.apply(&ctx, Command::OpenPath(other));
    app.confirm_open();
    assert_eq!(app.document().paragraphs().count(), 1);
    assert!(app.annotations().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_report_changes_nothing_and_says_why() {
    let dir = std::env::temp_dir().join(format!("paratag-app-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let (mut app, ctx) = app();
    app.apply(&ctx, Command::OpenPath(empty));
    assert_eq!(app.document().paragraphs().count(), 22);
    assert!(app.problem().unwrap().contains("the file is empty"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn typing_a_note_is_one_undo_step() {
    let (mut app, ctx) = app();
    select_number(&mut app, &ctx, 5);
    for typed in ["需", "需要", "需要跟进"] {
        app.apply(&ctx, Command::TypeNote(typed.to_owned()));
    }
    app.note_editing_ended();
    assert_eq!(app.annotations().note(app.selected().unwrap()), "需要跟进");
    app.apply(&ctx, Command::Undo);
    assert_eq!(app.annotations().note(app.selected().unwrap()), "");
}

/// A file dialog that answers at once with a path chosen by the test (or a cancel).
struct ScriptedPicker(Option<PathBuf>);

impl ReportPicker for ScriptedPicker {
    fn pick_report(&self, _ctx: &egui::Context) -> Answer {
        let (sender, receiver) = std::sync::mpsc::channel();
        sender.send(self.0.clone()).unwrap();
        receiver
    }
}

#[test]
fn file_open_goes_through_the_picker_and_cancel_changes_nothing() {
    let dir = std::env::temp_dir().join(format!("paratag-app-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "1. The first paragraph.\n2. The second paragraph.\n",
    )
    .unwrap();

    let (mut app, ctx) = app();
    app.set_picker(Box::new(ScriptedPicker(None)));
    app.apply(&ctx, Command::OpenReport);
    for command in app.read_input(&ctx) {
        app.apply(&ctx, command);
    }
    assert_eq!(
        app.document().paragraphs().count(),
        22,
        "cancelled: nothing changes"
    );
    assert!(app.problem().is_none());

    app.set_picker(Box::new(ScriptedPicker(Some(other.clone()))));
    app.apply(&ctx, Command::OpenReport);
    for command in app.read_input(&ctx) {
        app.apply(&ctx, command);
    }
    assert_eq!(app.document().paragraphs().count(), 2);
    assert_eq!(app.source(), other.display().to_string());
    std::fs::remove_dir_all(&dir).unwrap();
}

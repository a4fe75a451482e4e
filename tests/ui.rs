//! The real app driven as a user drives it: by label, with the mouse and the keyboard
//! (`egui_kittest`). The fonts are paratag's own, installed as in the app, so every Chinese
//! glyph must exist. Image snapshots, which need a Vulkan driver (Mesa's lavapipe), run with
//! `--features snapshots`.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paratag::annotations::{ParagraphIndex, Tag};
use paratag::app::ParatagApp;
use paratag::app::preferences::Preferences;
use paratag::i18n::UiLanguage;
use paratag::window::Window;

fn harness_with(preferences: Preferences) -> Harness<'static, Window> {
    harness_sized(preferences, [1200.0, 800.0])
}

/// The user's name is fixed in every test window: the system's user name (recorded with each
/// tag) differs from machine to machine, and the tag panel shows whose a tag is.
fn named(preferences: Preferences) -> Preferences {
    Preferences {
        author: "Li Ming".to_owned(),
        ..preferences
    }
}

fn harness_sized(preferences: Preferences, size: [f32; 2]) -> Harness<'static, Window> {
    let preferences = named(preferences);
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        paratag::fonts::install(&cc.egui_ctx);
        Window::new(ParatagApp::new(None, preferences))
    });
    harness.run();
    harness
}

fn harness() -> Harness<'static, Window> {
    harness_with(Preferences::default())
}

/// The app with a report opened from `path`, as `paratag REPORT` opens it.
fn harness_with_report(path: &std::path::Path) -> Harness<'static, Window> {
    harness_with_report_sized(path, [1200.0, 800.0])
}

fn harness_with_report_sized(path: &std::path::Path, size: [f32; 2]) -> Harness<'static, Window> {
    let report = path.to_owned();
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        paratag::fonts::install(&cc.egui_ctx);
        Window::new(ParatagApp::new(
            Some(&report),
            named(Preferences::default()),
        ))
    });
    harness.run();
    harness
}

/// Select a paragraph as a user does: scroll it into view, then click its row (labelled with
/// its printed number, `4.`).
fn click_paragraph(harness: &mut Harness<'static, Window>, number: u32) {
    let label = format!("{number}.");
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
}

/// The texts the last frame put on the clipboard.
fn copied_texts(harness: &Harness<'static, Window>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn selected_number(harness: &Harness<'static, Window>) -> Option<u32> {
    let app = harness.state().app();
    app.selected().and_then(|p| app.paragraph_number(p))
}

#[test]
fn select_paragraph_4_press_1_and_see_the_challenge_mark_and_count() {
    let mut harness = harness();
    harness.get_by_label("Challenge 0");
    click_paragraph(&mut harness, 4);
    assert_eq!(selected_number(&harness), Some(4));
    harness.get_by_label("Paragraph 4");

    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().app().annotations().count(Tag::Challenge), 1);
    assert_eq!(
        harness
            .state()
            .app()
            .annotations()
            .tags(ParagraphIndex(3))
            .iter()
            .collect::<Vec<_>>(),
        [Tag::Challenge]
    );
    harness.get_by_label("✓ Challenge");
    harness.get_by_label("Challenge 1");
    harness.get_by_label("Unsaved changes");

    // The button does the same as the key.
    harness.get_by_label("Proposal").click();
    harness.run();
    assert_eq!(harness.state().app().annotations().count(Tag::Proposal), 1);
    harness.get_by_label("Proposal 1");
}

#[test]
fn arrows_and_j_k_move_the_selection() {
    let mut harness = harness();
    for _ in 0..4 {
        harness.key_press(Key::ArrowDown);
    }
    harness.run();
    assert_eq!(selected_number(&harness), Some(4));
    harness.key_press(Key::J);
    harness.key_press(Key::J);
    harness.key_press(Key::K);
    harness.run();
    assert_eq!(selected_number(&harness), Some(5));
}

#[test]
fn type_a_note_then_undo_and_redo_it() {
    let mut harness = harness();
    click_paragraph(&mut harness, 7);
    let note = harness.get_by_role_and_label(Role::MultilineTextInput, "Note");
    note.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("需要在简报中提及 1 2 3");
    harness.run();
    let paragraph = ParagraphIndex(6);
    assert_eq!(
        harness.state().app().annotations().note(paragraph),
        "需要在简报中提及 1 2 3"
    );
    assert!(
        harness
            .state()
            .app()
            .annotations()
            .tags(paragraph)
            .is_empty(),
        "digits typed into the note are text, not tag shortcuts"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().note(paragraph),
        "",
        "the typing is one step"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().note(paragraph),
        "需要在简报中提及 1 2 3"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().note(paragraph),
        "需要在简报中提及 1 2 3"
    );
}

#[test]
fn undo_and_redo_a_tag_from_the_keyboard() {
    let mut harness = harness();
    click_paragraph(&mut harness, 2);
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().count(Tag::GoodPractice),
        1
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().count(Tag::GoodPractice),
        0
    );
    harness.get_by_label("No changes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().count(Tag::GoodPractice),
        1
    );
}

#[test]
fn search_for_judicial_assistance_lands_on_paragraph_3() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("司法协助");
    harness.run();
    assert_eq!(selected_number(&harness), Some(3));
    harness.get_by_label("Paragraph 3");
    let count = harness.state().app().find().matches.len();
    harness.get_by_label(&format!("1 / {count}"));
    harness.key_press(Key::F3);
    harness.run();
    harness.get_by_label(&format!("2 / {count}"));

    // Esc in the field closes the bar; the match stays selected.
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .focus();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Find")
            .is_none(),
        "the find bar is closed"
    );
    assert!(!harness.state().app().find().open);
}

#[test]
fn filter_by_proposal_shows_exactly_the_proposals() {
    let mut harness = harness();
    for number in [3, 9, 12] {
        click_paragraph(&mut harness, number);
        harness.key_press(Key::Num3);
        harness.run();
    }
    click_paragraph(&mut harness, 5);
    harness.key_press(Key::Num1);
    harness.run();

    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert_eq!(
        harness.state().app().annotations().count(Tag::Challenge),
        1,
        "Alt+3 is not 3"
    );
    for number in 1..=22 {
        let shown = harness.query_by_label(&format!("{number}.")).is_some();
        assert_eq!(shown, [3, 9, 12].contains(&number), "paragraph {number}");
    }
    // The report says it is filtered, and one click shows it all.
    harness.get_by_label("Filtered: only paragraphs tagged Proposal — 3 of 22 shown.");
    harness.get_by_label("Show all").click();
    harness.run();
    assert!(harness.state().app().filter().is_empty());
    assert!(harness.query_by_label("5.").is_some());
    assert!(harness.query_by_label("Show all").is_none());

    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num0);
    harness.run();
    assert!(harness.query_by_label("5.").is_some());
}

/// The shortcuts window writes keys as they are printed and typed: `j`, not `J`; `Ctrl+=`, not
/// `Ctrl+Equals`; `Shift+N` keeps its capital.
#[test]
fn the_shortcuts_window_writes_keys_as_typed() {
    let mut harness = harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts").click();
    harness.run();
    harness.get_by_label("Down  ·  j");
    harness.get_by_label("Ctrl+=  ·  Ctrl++");
    harness.get_by_label("Ctrl+-");
    harness.get_by_label("Shift+N");
    harness.get_by_label("p");
}

#[test]
fn the_interface_switches_to_chinese() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Interface language").hover();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(
        harness.state().app().preferences().ui_language,
        UiLanguage::Chinese
    );
    click_paragraph(&mut harness, 4);
    harness.get_by_label("第4段");
    harness.get_by_label("挑战").click();
    harness.run();
    harness.get_by_label("良好做法");
    harness.get_by_label("提议");
    harness.get_by_label("✓ 挑战");
    harness.get_by_label("挑战 1");
    harness.get_by_label("视图");
}

#[test]
fn keyboard_only_tag_write_a_note_and_move_on() {
    let mut harness = harness();
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Num3);
    harness.key_press(Key::Enter);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("jk12");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    let second = ParagraphIndex(1);
    assert_eq!(
        harness.state().app().annotations().note(second),
        "jk12",
        "Enter opened the note without a newline"
    );
    assert_eq!(
        harness
            .state()
            .app()
            .annotations()
            .tags(second)
            .iter()
            .collect::<Vec<_>>(),
        [Tag::Proposal]
    );
    assert_eq!(
        selected_number(&harness),
        Some(3),
        "after Esc the arrows move again"
    );
}

#[test]
fn dragging_over_text_selects_it_for_copying_and_a_click_still_selects_the_paragraph() {
    let mut harness = harness();
    let row = harness.get_by_label("1.").rect();
    let start = row.left_top() + egui::vec2(80.0, 14.0);
    harness.hover_at(start);
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start + egui::vec2(240.0, 30.0));
    harness.run();
    harness.drop_at(start + egui::vec2(240.0, 30.0));
    harness.run();
    assert_eq!(
        selected_number(&harness),
        None,
        "a drag selects text, not the paragraph"
    );

    harness.event(egui::Event::Copy);
    harness.step();
    let copied = copied_texts(&harness);
    let paragraph_1 = harness
        .state()
        .app()
        .document()
        .paragraphs()
        .next()
        .unwrap()
        .text
        .clone();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].chars().count() > 5, "{copied:?}");
    assert!(
        paragraph_1.contains(&copied[0]),
        "{copied:?} is not from paragraph 1"
    );

    click_paragraph(&mut harness, 1);
    assert_eq!(selected_number(&harness), Some(1));
}

#[test]
fn tag_save_with_ctrl_s_reopen_and_see_the_same_tags() {
    let scratch = paratag::scratch::Scratch::new("ui-save");
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let report = dir.join("CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt");
    std::fs::write(&report, paratag::builtin_report::TEXT).unwrap();
    let open = |report: std::path::PathBuf, data: std::path::PathBuf| {
        let mut harness = Harness::builder()
            .with_size([1200.0, 800.0])
            .build_eframe(move |cc| {
                paratag::fonts::install(&cc.egui_ctx);
                Window::new(ParatagApp::launch(
                    Some(&report),
                    None,
                    Some(data),
                    Preferences::default(),
                ))
            });
        harness.run();
        harness
    };

    let mut harness = open(report.clone(), dir.join("data"));
    click_paragraph(&mut harness, 4);
    harness.key_press(Key::Num1);
    harness.key_press(Key::Num3);
    click_paragraph(&mut harness, 12);
    harness.key_press(Key::Num3);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("No changes");
    let tags_file = dir.join("CAC-COSP-WG.2-2017-L.1-Add.1.zh.tags.ron");
    assert!(tags_file.exists());
    let saved = harness.state().app().annotations().clone();
    drop(harness);

    let mut reopened = open(report, dir.join("data"));
    assert_eq!(reopened.state().app().annotations(), &saved);
    reopened.get_by_label("Challenge 1");
    reopened.get_by_label("Proposal 2");
    click_paragraph(&mut reopened, 4);
    reopened.get_by_label("✓ Challenge");
    reopened.get_by_label("✓ Proposal");
}

#[test]
fn export_dialog_previews_and_copies_the_briefing_note_with_citations() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Export briefing note");
    harness.get_by_label_contains("nothing to export");

    // Tag paragraphs 12 and 13 as proposals: cited together.
    harness.get_by_label("Close window").click();
    harness.run();
    click_paragraph(&mut harness, 12);
    harness.key_press(Key::Num3);
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Num3);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label_contains("CAC/COSP/WG.2/2017/L.1/Add.1, paras. 12 and 13");

    // Chinese citations, then copy as Markdown.
    harness.get_by_label("中文（第12段）").click();
    harness.run();
    harness.get_by_label_contains("CAC/COSP/WG.2/2017/L.1/Add.1，第12和13段");
    harness.get_by_label("Copy as Markdown").click();
    harness.step();
    let copied = copied_texts(&harness);
    assert_eq!(copied.len(), 1);
    assert!(
        copied[0].starts_with("# 简报：CAC/COSP/WG.2/2017/L.1/Add.1"),
        "{}",
        copied[0]
    );
    assert!(copied[0].contains("— CAC/COSP/WG.2/2017/L.1/Add.1，第12和13段"));
}

/// PDF in the Export dialog: the paper is asked (A4 by default, US Letter a click away) only
/// for the PDF.
#[test]
fn the_export_dialog_offers_the_pdf_on_either_paper() {
    let mut harness = harness();
    click_paragraph(&mut harness, 4);
    harness.key_press(Key::Num1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        harness.query_by_label("US Letter").is_none(),
        "Word has no paper choice"
    );
    harness.get_by_label("PDF (.pdf)").click();
    harness.run();
    harness.get_by_label("US Letter").click();
    harness.run();
    let dialog = harness.state().app().export_dialog().unwrap();
    assert_eq!(dialog.format, paratag::export::Format::Pdf);
    assert_eq!(dialog.options.paper, paratag::export::Paper::Letter);
}

#[test]
fn a_10000_paragraph_report_lays_out_only_what_is_visible_and_jumps_to_9000() {
    let scratch = paratag::scratch::Scratch::new("ui-long");
    let path = scratch.join("long.txt");
    std::fs::write(&path, paratag::synthetic::large_chinese_report(10_000)).unwrap();
    let mut harness = harness_with_report(&path);
    assert_eq!(
        harness.state().app().document().paragraphs().count(),
        10_000
    );
    harness.get_by_label("1.");
    assert!(
        harness.query_by_label("9000.").is_none(),
        "far rows are not laid out"
    );

    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        paratag::command::Message::Select(ParagraphIndex(8999)),
    );
    harness.run();
    assert_eq!(selected_number(&harness), Some(9000));
    let row = harness.get_by_label("9000.").rect();
    assert!(
        row.top() < 800.0 && row.bottom() > 0.0,
        "paragraph 9000 is on screen: {row:?}"
    );
    assert!(
        harness.query_by_label("1.").is_none(),
        "the top of the report is no longer laid out"
    );
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(selected_number(&harness), Some(9001));
    harness.get_by_label("9001.");
}

#[test]
fn the_outline_shows_as_much_of_an_english_paragraph_as_fits_on_one_line() {
    let harness = harness_with_report(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/seeds/parse_report/english.txt"
    )));
    // Paragraph 2 lists (a)–(c) on lines of their own; its outline row is still one line.
    let mut heights = Vec::new();
    for (number, start) in [
        (1, "¶1 The Working Group on Asset Recovery"),
        (2, "¶2 The Working Group held its thirteenth meeting"),
    ] {
        let prefix = format!("¶{number} ");
        // The first: the annex numbers its paragraphs from 1 again.
        let row = harness.get_all_by_label_contains(&prefix).next().unwrap();
        let label = row.accesskit_node().label().unwrap_or_default();
        assert!(label.starts_with(start), "outline row {number}: {label:?}");
        assert!(!label.contains('\n'), "outline row {number}: {label:?}");
        heights.push(row.rect().height());
    }
    // One line each: a row of two lines would be at least twice the outline heading's line
    // (the reader shows the heading too, larger).
    let line = harness
        .get_all_by_label("I. Introduction")
        .map(|heading| heading.rect().height())
        .fold(f32::INFINITY, f32::min);
    for height in heights {
        assert!(height < 2.0 * line, "a row {height} high, a line {line}");
    }
}

/// In a narrow window the side panels give way: the report keeps a readable column and no
/// line of it runs under the tag panel.
#[test]
fn a_narrow_window_keeps_the_report_readable() {
    // The smallest window paratag allows, and a half-screen window on a small laptop.
    for (width, least) in [(560.0, 160.0), (700.0, 250.0)] {
        let mut harness = harness_sized(Preferences::default(), [width, 500.0]);
        click_paragraph(&mut harness, 1);
        let panel = harness.get_by_label("Paragraph 1").rect();
        let text = harness
            .get_all_by_label_contains("秘书处概要介绍了工作组任务授权")
            .map(|node| node.rect())
            .find(|rect| rect.height() > 100.0)
            .unwrap();
        assert!(
            text.right() <= panel.left(),
            "at {width} points the report's text runs under the tag panel: {text:?}, {panel:?}"
        );
        assert!(
            text.width() >= least,
            "at {width} points the report's text is {} points wide",
            text.width()
        );
    }
}

#[test]
fn hovering_an_outline_row_shows_the_paragraphs_opening() {
    let mut harness = harness();
    // Far beyond what the row shows; before the hover only the reader has it.
    let words = "几名发言者报告了一些实际挑战";
    let shown =
        |harness: &Harness<'static, Window>| harness.query_all_by_label_contains(words).count();
    assert_eq!(shown(&harness), 1);
    let row = harness
        .get_all_by_label_contains("¶4 ")
        .next()
        .unwrap()
        .rect();
    harness.hover_at(row.center());
    harness.run();
    assert_eq!(
        shown(&harness),
        2,
        "the tooltip shows the paragraph's opening"
    );
}

/// The outline lays out only its visible rows, placed at the row height it declares; a row
/// taller than that made the list jump by a few points at every row while scrolling.
#[test]
fn the_outline_scrolls_smoothly_without_jumps() {
    let scratch = paratag::scratch::Scratch::new("ui-outline");
    let path = scratch.join("outline.txt");
    std::fs::write(&path, paratag::synthetic::large_chinese_report(300)).unwrap();
    let mut harness = harness_with_report(&path);
    let row_top = |harness: &Harness<'static, Window>| {
        harness
            .get_all_by_label_contains("¶20 ")
            .next()
            .unwrap()
            .rect()
            .top()
    };
    harness.hover_at(
        harness
            .get_all_by_label_contains("¶5 ")
            .next()
            .unwrap()
            .rect()
            .center(),
    );
    harness.run();
    let mut top = row_top(&harness);
    for step in 0..40 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -7.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        harness.run();
        let now = row_top(&harness);
        assert!(
            (top - now - 7.0).abs() < 0.5,
            "step {step}: the row moved from {top} to {now}, not by the 7 points scrolled"
        );
        top = now;
    }
}

/// An idle window draws nothing: once a change has settled, the next frame it asks for (for
/// the recovery copy, written a moment after the change) is at least half a second away, so
/// it never polls. (`run` itself only waits for frames asked for at once; a window asking for
/// one every few milliseconds would pass it and spin a laptop's fan.)
#[test]
fn an_idle_window_asks_for_no_frame_soon() {
    let mut harness = harness();
    click_paragraph(&mut harness, 4);
    harness.key_press(Key::Num1);
    harness.run();
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay >= std::time::Duration::from_millis(500), "{delay:?}");
}

/// Keys typed faster than frames are drawn: `j j 2 3 j j 3` arrive in one frame and each press
/// is one command, in order — paragraph 2 gets Good practice and Proposal, paragraph 4 Proposal.
#[test]
fn fast_keys_in_one_frame_each_count_in_order() {
    let mut harness = harness();
    for key in [
        Key::J,
        Key::J,
        Key::Num2,
        Key::Num3,
        Key::J,
        Key::J,
        Key::Num3,
    ] {
        harness.key_press(key);
    }
    harness.run();
    let tags = |index: usize| -> Vec<Tag> {
        harness
            .state()
            .app()
            .annotations()
            .tags(ParagraphIndex(index))
            .iter()
            .collect()
    };
    assert_eq!(tags(1), [Tag::GoodPractice, Tag::Proposal]);
    assert_eq!(tags(3), [Tag::Proposal]);
    assert_eq!(selected_number(&harness), Some(4));
    assert_eq!(harness.state().app().annotations().count(Tag::Proposal), 2);
}

/// Let the page painter's worker finish: run frames until `pages` pages are painted.
fn wait_for_pages(harness: &mut Harness<'static, Window>, pages: usize) {
    for _ in 0..500 {
        // A spinner turns while a page is being painted: step, don't wait for calm.
        harness.step();
        if harness.state().view().painted_pages() >= pages {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the pages were not painted in 5 s");
}

/// View ▸ Original page (P) on a PDF report: the page of the paragraph being read, painted
/// beside the text; it follows the selection to another page, and a click on a paragraph
/// printed on the page selects that paragraph.
#[test]
fn the_original_page_follows_the_selection_and_a_click_on_it_selects() {
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seed-layout.zh.cid.pdf");
    let mut harness = harness_with_report(&pdf);
    assert!(harness.query_by_label("Original page").is_none());
    harness.key_press(Key::P);
    harness.step();
    harness.get_by_label("Original page");
    // Nothing selected: the page at the top of the report.
    harness.step();
    harness.get_by_role_and_label(Role::Image, "Page 1 of 3");
    wait_for_pages(&mut harness, 2);

    // Where a paragraph is printed, as the importer placed it.
    let place = |harness: &Harness<'static, Window>, number: u32| {
        let app = harness.state().app();
        let printed = app.document().printed.clone().unwrap();
        let block = app.block_of(ParagraphIndex(number as usize - 1)).unwrap();
        (
            printed.regions[block][0],
            printed.sizes[printed.regions[block][0].page],
        )
    };
    let (region, [width, _]) = place(&harness, 21);
    for _ in 0..21 {
        harness.key_press(Key::J);
    }
    wait_for_pages(&mut harness, 3);
    assert_eq!(selected_number(&harness), Some(21));
    let label = format!("Page {} of 3", region.page + 1);
    assert_ne!(region.page, 0, "the test needs a paragraph on a later page");
    let page = harness.get_by_role_and_label(Role::Image, &label).rect();
    assert!(harness.query_by_label("Page 1 of 3").is_none());

    // A click on the lines of another paragraph printed on that page selects it.
    let other = (1..21)
        .rev()
        .find(|number| place(&harness, *number).0.page == region.page)
        .unwrap();
    let (region, _) = place(&harness, other);
    let points = page.width() / width;
    let at = page.min
        + egui::vec2(
            f32::midpoint(region.left, region.right),
            f32::midpoint(region.top, region.bottom),
        ) * points;
    harness.hover_at(at);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    assert_eq!(selected_number(&harness), Some(other));

    // P again hides it; on a text report P only says why there is nothing to show.
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.query_by_label("Original page").is_none());
}

/// `paratag --parallel`: the built-in report beside its English version, paragraph N beside
/// paragraph N; a click on either side selects the paragraph, a key tags it, both sides show
/// the tag, and `x` puts the English first.
#[test]
fn two_versions_side_by_side_select_tag_and_swap() {
    // Without the outline, whose rows also show each paragraph's opening.
    let mut harness = harness_with(Preferences {
        show_outline: false,
        ..Preferences::default()
    });
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, paratag::command::Message::OpenParallel(None));
    harness.run();
    harness.get_by_label("Beside: en");

    // Paragraph 1 in Chinese on the left, in English on the right, at the same height.
    let chinese = harness.get_by_label_contains("秘书处概要介绍了").rect();
    let english = harness
        .get_by_label_contains("The Secretariat gave an overview")
        .rect();
    assert!(chinese.right() <= english.left(), "{chinese:?} {english:?}");
    assert!((chinese.top() - english.top()).abs() < 1.0);

    // From the keyboard, as in one version: twelve steps down, and a tag.
    for _ in 0..12 {
        harness.key_press(Key::J);
        harness.run();
    }
    assert_eq!(selected_number(&harness), Some(12));
    harness.key_press(Key::Num3);
    harness.run();
    assert_eq!(harness.state().app().annotations().count(Tag::Proposal), 1);

    // The whole row is the paragraph: a click on the English half selects it too.
    harness.get_by_label("13.").scroll_to_me();
    harness.run();
    let row = harness.get_by_label("13.").rect();
    assert!(
        row.width() > english.width() * 1.5,
        "the row spans both versions"
    );
    // In the English half's margin, beside its number: no text there to start a selection.
    let english_margin = egui::pos2(english.left() - 30.0, row.top() + 14.0);
    harness.hover_at(english_margin);
    harness.drag_at(english_margin);
    harness.run();
    harness.drop_at(english_margin);
    harness.run();
    assert_eq!(selected_number(&harness), Some(13));

    let thirteen = |harness: &Harness<'static, Window>| {
        let chinese = harness.get_by_label_contains("一名发言者明确支持").rect();
        let english = harness
            .get_by_label_contains("One speaker expressed explicit support")
            .rect();
        (chinese, english)
    };
    let (chinese, english) = thirteen(&harness);
    assert!(chinese.right() <= english.left());
    harness.key_press(Key::X);
    harness.run();
    let (chinese, english) = thirteen(&harness);
    assert!(
        english.right() <= chinese.left(),
        "the English first once swapped"
    );
    assert_eq!(selected_number(&harness), Some(13), "the selection stays");

    // The Proposal filter shows paragraph 12's row alone, both versions of it.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    harness.get_by_label("12.");
    harness.get_by_label_contains("One delegation proposed negotiating");
    harness.get_by_label_contains("一个代表团提议");
    assert!(harness.query_by_label("13.").is_none());
    assert!(harness.query_by_label("1.").is_none());
}

/// In a window too narrow for two readable columns, each row stands the other version under
/// the report's, the whole width, rather than squeezing words past the column's edge.
#[test]
fn two_versions_in_a_narrow_window_stand_one_above_the_other() {
    let mut harness = harness_sized(
        Preferences {
            show_outline: false,
            ..Preferences::default()
        },
        [700.0, 600.0],
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, paratag::command::Message::OpenParallel(None));
    harness.run();
    let chinese = harness.get_by_label_contains("秘书处概要介绍了").rect();
    let english = harness
        .get_by_label_contains("The Secretariat gave an overview")
        .rect();
    assert!(chinese.bottom() <= english.top(), "{chinese:?} {english:?}");
    assert!((chinese.left() - english.left()).abs() < 1.0);
    assert!(english.width() > 250.0, "the whole width: {english:?}");
}

/// Suggested tags from the keyboard: `s` shows them, `m` goes to the next, the tag panel
/// lists them with the words that suggest them, `a` accepts them and a button dismisses one.
#[test]
fn suggested_tags_from_the_keyboard() {
    let mut harness = harness();
    harness.key_press(Key::S);
    harness.run();
    assert!(harness.state().app().suggested().is_some());
    assert!(harness.state().app().annotations().is_empty());
    harness.key_press(Key::M);
    harness.run();
    let first = harness.state().app().selected().unwrap();
    harness.get_by_label("Suggested");
    let pending = harness.state().app().pending_suggestions(first).len();
    assert!(pending > 0);
    harness.key_press(Key::A);
    harness.run();
    let app = harness.state().app();
    assert_eq!(app.annotations().tags(first).iter().count(), pending);
    assert!(harness.query_by_label("Suggested").is_none());

    // The next one, dismissed with its button.
    harness.key_press(Key::M);
    harness.run();
    let second = harness.state().app().selected().unwrap();
    assert!(second > first);
    let before = harness.state().app().pending_suggestions(second).len();
    // The tag panel's, on the right (the notice above the report has one too).
    harness
        .get_all_by_label("Dismiss")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().app().pending_suggestions(second).len(),
        before - 1
    );
    assert!(harness.state().app().annotations().tags(second).is_empty());
}

/// A report dropped with Shift held is shown beside the one open; dropped plainly, it
/// replaces it.
#[test]
fn a_report_dropped_with_shift_shows_beside_the_open_one() {
    /// A file as the desktop drops it.
    #[derive(Debug)]
    struct Dropped(std::path::PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|error| error.to_string())
        }
    }
    let scratch = paratag::scratch::Scratch::new("ui-drop-parallel");
    let english = scratch.path().join("report.en.txt");
    std::fs::write(&english, paratag::builtin_report::ENGLISH_TEXT).unwrap();
    let mut harness = harness();
    let drop = |harness: &mut Harness<'static, Window>, modifiers: Modifiers| {
        harness.event(egui::Event::ModifiersChanged(modifiers));
        let file: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(english.clone()));
        harness.input_mut().dropped_files.push(file);
        harness.run();
        harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
        harness.run();
    };
    drop(&mut harness, Modifiers::SHIFT);
    let app = harness.state().app();
    assert_eq!(
        app.parallel().and_then(|parallel| parallel.path.clone()),
        Some(english.clone())
    );
    assert_eq!(app.report_path(), None, "the built-in report stays open");
    drop(&mut harness, Modifiers::NONE);
    let app = harness.state().app();
    assert_eq!(app.report_path(), Some(english.as_path()));
}

/// A colleague's tags (a tags file naming its author) show whose they are in the tag panel;
/// the user's own say so ("Tagged by you").
#[test]
fn a_colleagues_tag_names_its_author() {
    let scratch = paratag::scratch::Scratch::new("ui-author");
    let report = scratch.path().join("report.txt");
    std::fs::write(&report, paratag::builtin_report::TEXT).unwrap();
    let golden =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seed.format3.tags.ron");
    std::fs::copy(golden, scratch.path().join("report.tags.ron")).unwrap();
    let mut harness = harness_with_report(&report);
    click_paragraph(&mut harness, 9);
    harness.get_by_label("Tagged by 李明 (Li Ming)");
    // Paragraph 4's tags name nobody (an earlier format); a tag made here is the user's.
    click_paragraph(&mut harness, 4);
    assert!(harness.query_by_label_contains("Tagged by").is_none());
    harness.key_press(Key::Num2);
    harness.run();
    harness.get_by_label("Tagged by you");
}

/// A tags file whose paragraph 5 holds a conflict a merge left: the note and another version.
fn report_with_a_conflict(dir: &std::path::Path) -> std::path::PathBuf {
    let report = dir.join("report.txt");
    std::fs::write(&report, paratag::builtin_report::TEXT).unwrap();
    let mut tagged =
        paratag::tagged_report::TaggedReport::new(paratag::builtin_report::document().unwrap());
    tagged.set_author(Some("Ana Silva"));
    let moment = paratag::history::Moment::now();
    tagged.toggle_tag(ParagraphIndex(4), Tag::Challenge, moment);
    tagged.type_note(ParagraphIndex(4), "First view.", moment);
    let mut file = tagged.tags_file(Some("report.txt"));
    file.annotations[0]
        .conflicts
        .push("Second view.".to_owned());
    std::fs::write(
        dir.join("report.tags.ron"),
        paratag::tags_file::to_string(&file),
    )
    .unwrap();
    report
}

/// A conflict left by a merge is settled in the tag panel: both versions shown, one taken.
#[test]
fn a_conflict_is_settled_in_the_tag_panel() {
    let scratch = paratag::scratch::Scratch::new("ui-conflict");
    let report = report_with_a_conflict(scratch.path());
    let mut harness = harness_with_report(&report);
    click_paragraph(&mut harness, 5);
    harness.get_by_label("⚠ Conflict");
    harness.get_by_label("Tagged by Ana Silva");
    harness.get_by_label("Second view.");
    harness.get_by_label("Use this").click();
    harness.run();
    let app = harness.state().app();
    let fifth = app.annotations().get(ParagraphIndex(4)).unwrap();
    assert_eq!(fifth.note, "Second view.");
    assert!(fifth.conflicts.is_empty());
    assert!(harness.query_by_label("⚠ Conflict").is_none());
}

/// Two reports open at once: a tab for each, a click on a tab shows its report as it was
/// left, Ctrl+PageDown goes to the next, and the tab's close button closes it.
#[test]
fn several_reports_open_in_tabs() {
    let scratch = paratag::scratch::Scratch::new("ui-tabs");
    let english = scratch.path().join("report.en.txt");
    std::fs::write(&english, paratag::builtin_report::ENGLISH_TEXT).unwrap();
    let mut harness = harness_with(Preferences {
        show_outline: false,
        ..Preferences::default()
    });
    click_paragraph(&mut harness, 4);
    harness.key_press(Key::Num1);
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, paratag::command::Message::OpenPath(english.clone()));
    harness.run();
    // The built-in report has unsaved tags: its tab says so.
    let builtin = format!("● {}", paratag::builtin_report::FILE_NAME);
    harness.get_by_label(&builtin);
    harness.get_by_label("report.en.txt");
    harness.get_by_label_contains("The Secretariat gave an overview");
    assert_eq!(selected_number(&harness), None);

    harness.get_by_label(&builtin).click();
    harness.run();
    assert_eq!(
        selected_number(&harness),
        Some(4),
        "its selection came back"
    );
    harness.get_by_label_contains("秘书处概要介绍了");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().app().report_path(), Some(english.as_path()));
    harness.get_by_label("Close report.en.txt").click();
    harness.run();
    let app = harness.state().app();
    assert_eq!(app.open_reports().len(), 1);
    assert_eq!(app.report_path(), None);
    assert!(
        harness.query_by_label(&builtin).is_none(),
        "no tabs for one report"
    );
}

#[cfg(feature = "snapshots")]
mod snapshots {
    use super::*;

    /// A laptop-sized window with paragraph 4 tagged as a challenge and a proposal.
    fn tagged(preferences: Preferences) -> Harness<'static, Window> {
        let mut harness = harness_sized(preferences, [960.0, 640.0]);
        click_paragraph(&mut harness, 4);
        harness.key_press(Key::Num1);
        harness.key_press(Key::Num3);
        harness.run();
        harness
    }

    #[test]
    fn main_window_light() {
        let mut harness = tagged(Preferences::default());
        harness.snapshot("main_window_light");
    }

    #[test]
    fn main_window_dark() {
        let mut harness = tagged(Preferences {
            dark_mode: true,
            ..Preferences::default()
        });
        harness.snapshot("main_window_dark");
    }

    #[test]
    fn export_dialog() {
        let mut harness = tagged(Preferences::default());
        harness.set_size(egui::vec2(1100.0, 700.0));
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run();
        // The note's date is today's: fixed here, or the picture changes every day.
        let dialog = harness.state().app().export_dialog().unwrap();
        let (format, mut options) = (dialog.format, dialog.options.clone());
        "2026-11-27".clone_into(&mut options.date);
        let ctx = harness.ctx.clone();
        harness.state_mut().apply(
            &ctx,
            paratag::command::Message::ExportChoices { format, options },
        );
        harness.run();
        harness.snapshot("export_dialog");
    }

    #[test]
    fn main_window_chinese_interface() {
        let mut harness = tagged(Preferences {
            ui_language: UiLanguage::Chinese,
            ..Preferences::default()
        });
        harness.snapshot("main_window_chinese");
    }

    /// Suggested tags shown, paragraph 4 tagged (filled marks) and the next suggestion
    /// selected: hollow marks, the words underlined, the tag panel's Suggested list.
    #[test]
    fn suggested_tags() {
        let mut harness = tagged(Preferences::default());
        harness.key_press(Key::S);
        harness.run();
        harness.key_press(Key::M);
        harness.run();
        harness.snapshot("suggested_tags");
    }

    /// The built-in report beside its English version, paragraph 4 tagged and selected.
    #[test]
    fn two_versions_side_by_side() {
        let mut harness = tagged(Preferences::default());
        harness.set_size(egui::vec2(1280.0, 720.0));
        let ctx = harness.ctx.clone();
        harness
            .state_mut()
            .apply(&ctx, paratag::command::Message::OpenParallel(None));
        harness.run();
        harness.snapshot("two_versions_side_by_side");
    }

    /// A second report open beside the tagged built-in one (a tab each), its paragraph 1
    /// tagged with only sub-paragraph (b) quoted.
    #[test]
    fn reports_in_tabs_and_a_sub_paragraph_quoted() {
        let scratch = paratag::scratch::Scratch::new("ui-snapshot-tabs");
        let lists = scratch.path().join("recommendations.txt");
        std::fs::write(
            &lists,
            "A/AC.1/2026/L.1\n\nI. Recommendations\n\n1. The Working Group recommended:\n\
             (a) That States share good practices in asset recovery;\n\
             (b) That the Secretariat collect data on returned assets.\n\
             2. The Working Group decided to continue its work.\n",
        )
        .unwrap();
        let mut harness = tagged(Preferences::default());
        let ctx = harness.ctx.clone();
        harness
            .state_mut()
            .apply(&ctx, paratag::command::Message::OpenPath(lists));
        harness.run();
        for key in [Key::J, Key::Num3, Key::Q, Key::Q] {
            harness.key_press(key);
            harness.run();
        }
        harness.snapshot("reports_in_tabs");
        // The note across both: the Export dialog names them and offers grouping by report.
        harness.set_size(egui::vec2(1280.0, 800.0));
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run();
        harness.get_by_label("By report, then tag").click();
        harness.run();
        harness.snapshot("export_dialog_two_reports");
    }

    /// A paragraph with a conflict left by a merge, as the tag panel shows it.
    #[test]
    fn a_merge_conflict() {
        let scratch = paratag::scratch::Scratch::new("ui-snapshot-conflict");
        let report = report_with_a_conflict(scratch.path());
        let mut harness = harness_with_report_sized(&report, [1200.0, 760.0]);
        click_paragraph(&mut harness, 5);
        harness.snapshot("merge_conflict");
    }
}

/// The reading position survives what reflows the report: with ¶16 selected, zooming in and
/// out, a narrower window and a tag filter keep ¶16 where the reader saw it; a click on
/// another paragraph in view selects it without scrolling.
#[test]
fn zoom_resize_filter_and_clicks_keep_the_reading_position() {
    let mut harness = harness();
    // Every other paragraph a challenge, for the filter below.
    let ctx = harness.ctx.clone();
    for index in (1..22).step_by(2) {
        harness.state_mut().apply(
            &ctx,
            paratag::command::Message::Select(ParagraphIndex(index)),
        );
        harness.key_press(Key::Num1);
        harness.run();
    }
    click_paragraph(&mut harness, 16);
    assert_eq!(selected_number(&harness), Some(16));
    let top = |harness: &Harness<'static, Window>| harness.get_by_label("16.").rect().top();
    let seen = top(&harness);
    assert!((0.0..700.0).contains(&seen), "¶16 on screen at {seen}");

    let check = |harness: &mut Harness<'static, Window>, what: &str| {
        harness.run();
        let now = top(harness);
        assert!(
            (now - seen).abs() < 2.0,
            "{what}: ¶16 moved from {seen} to {now}"
        );
    };
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    check(&mut harness, "zoom in");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    check(&mut harness, "zoom in again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    check(&mut harness, "zoom out");
    harness.set_size(egui::vec2(900.0, 800.0));
    check(&mut harness, "a narrower window");
    harness.set_size(egui::vec2(1200.0, 800.0));
    check(&mut harness, "the window widened again");
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    check(&mut harness, "a filter on challenges");
    assert!(
        harness.query_by_label("15.").is_none(),
        "the filter hides ¶15"
    );

    // Another paragraph fully in view: a click selects it and nothing moves.
    let other = (1..=22)
        .filter(|number| *number != 16)
        .find(|number| {
            harness
                .query_by_label(&format!("{number}."))
                .is_some_and(|node| {
                    let rect = node.rect();
                    rect.top() > 60.0 && rect.bottom() < 700.0
                })
        })
        .unwrap();
    let label = format!("{other}.");
    let before = harness.get_by_label(&label).rect().top();
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(selected_number(&harness), Some(other));
    assert!((harness.get_by_label(&label).rect().top() - before).abs() < 1.0);
    check(&mut harness, "a click on another paragraph");
}

/// The About box says what paratag is and its version, and nothing stray (it once carried
/// the find shortcut).
#[test]
fn the_about_box_says_what_paratag_is() {
    let mut harness = harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("About").click();
    harness.run();
    harness.get_by_label(&format!("paratag {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("reads United Nations reports");
    assert!(harness.query_by_label_contains("Ctrl+F").is_none());
}

/// In a narrow window the Chinese status bar moves whole items to a second row; no item is
/// broken between two characters.
#[test]
fn the_chinese_status_bar_never_breaks_an_item() {
    let mut harness = harness_sized(
        Preferences {
            ui_language: UiLanguage::Chinese,
            ..Preferences::default()
        },
        [560.0, 500.0],
    );
    click_paragraph(&mut harness, 1);
    harness.key_press(Key::Num1);
    harness.run();
    let line = harness.get_by_label("挑战 1").rect().height();
    for item in [
        "有未保存的更改",
        "挑战 1",
        "良好做法 0",
        "提议 0",
        "22 个段落",
    ] {
        let height = harness.get_by_label(item).rect().height();
        assert!(
            height < line * 1.5,
            "{item} is broken over lines: {height} points high"
        );
    }
}

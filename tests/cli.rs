//! The `paratag outline` command as a script uses it: the real binary, real files.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

mod common;
use common::documented_tags;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn paratag() -> Command {
    Command::new(env!("CARGO_BIN_EXE_paratag"))
}

/// Run a command that must succeed; its stderr is the failure message.
fn succeeds(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt")
}

/// A folder for one test, removed when it ends (also when it fails).
fn scratch_dir(name: &str) -> paratag::scratch::Scratch {
    paratag::scratch::Scratch::new(&format!("cli-{name}"))
}

#[test]
fn outline_json_of_the_seed() {
    let output = succeeds(paratag().arg("outline").arg(seed_path()).arg("--json"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["symbol"], "CAC/COSP/WG.2/2017/L.1/Add.1");
    assert_eq!(json["language"], "zh");
    let blocks = json["blocks"].as_array().unwrap();
    let numbers: Vec<u64> = blocks
        .iter()
        .filter(|block| block["kind"] == "paragraph")
        .map(|block| block["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=22).collect::<Vec<_>>());
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|block| block["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|kind| **kind == "heading").count(), 2);
    assert_eq!(json["removed"].as_array().unwrap().len(), 3);
    assert!(json["footnotes"].as_array().unwrap().is_empty());
    // The built-in addendum is a fragment: no cover page, no title or meeting.
    assert_eq!(json["title"], serde_json::json!([]));
    assert_eq!(json["meeting"], serde_json::json!([]));
}

#[test]
fn outline_names_the_title_and_meeting_a_cover_page_prints() {
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt");
    let output = succeeds(paratag().arg("outline").arg(&report).arg("--json"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["title"],
        serde_json::json!([
            "Report on the meeting of the Working Group on Asset Recovery held in Vienna from 4 to 6 September 2019"
        ])
    );
    assert_eq!(
        json["meeting"],
        serde_json::json!([
            "Working Group on Asset Recovery",
            "Vienna, 4-6 September 2019"
        ])
    );
    let text = succeeds(paratag().arg("outline").arg(&report));
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.lines().nth(2).is_some_and(|line| {
        line == "Meeting: Working Group on Asset Recovery, Vienna, 4-6 September 2019"
    }));
}

#[test]
fn outline_text_of_the_seed() {
    let output = paratag().arg("outline").arg(seed_path()).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("22 paragraphs, 2 headings"), "{text}");
    assert!(
        text.contains("四. 关于推进资产追回所涉各实际方面"),
        "{text}"
    );
}

#[test]
fn bad_reports_fail_with_a_message_naming_the_file() {
    let scratch = scratch_dir("bad");
    let dir = scratch.path();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "the file is empty"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            "PNG image",
        ),
        (
            "notes.txt",
            b"Some notes\nwithout numbered paragraphs.\n",
            "no numbered paragraphs",
        ),
        (
            "binary.txt",
            &[0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8],
            "not a text file",
        ),
    ];
    for (name, bytes, reason) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = paratag().arg("outline").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(reason), "{name}: {stderr}");
        assert!(stderr.trim_end().ends_with(name), "{name}: {stderr}");
        // Reading never changes the file.
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}");
    }
    let missing = dir.join("missing.txt");
    let output = paratag().arg("outline").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("missing.txt")
    );
}

#[test]
fn check_counts_how_tags_anchor() {
    let scratch = scratch_dir("check");
    let dir = scratch.path();
    let tags = dir.join("seed.tags.ron");
    std::fs::write(&tags, documented_tags()).unwrap();
    // Against the built-in report (named by the tags' symbol) and against a file.
    for report in [None, Some(seed_path())] {
        let mut command = paratag();
        command.arg("check").arg(&tags);
        if let Some(report) = &report {
            command.arg(report);
        }
        let output = succeeds(&mut command);
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            stdout.trim(),
            "3 annotations: 3 exact, 0 moved, 0 fuzzy, 0 orphans"
        );
    }
}

#[test]
fn check_fails_on_a_file_it_cannot_read_and_changes_nothing() {
    let scratch = scratch_dir("check-bad");
    let dir = scratch.path();
    let tags = dir.join("broken.tags.ron");
    let broken = documented_tags().replace("format: 1,", "format: 9,");
    std::fs::write(&tags, &broken).unwrap();
    let output = paratag().arg("check").arg(&tags).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("Cannot open the tags file: it was written by a newer paratag (format 9"),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with("broken.tags.ron"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&tags).unwrap(), broken);
}

/// `paratag sample-report N --from REPORT` repeats any report's paragraphs: here an English one,
/// whose generated copy reads back with the same symbol, language and paragraphs in turn.
#[test]
fn sample_report_from_an_english_report() {
    let scratch = scratch_dir("sample");
    let dir = scratch.path();
    let source = dir.join("english.txt");
    std::fs::write(
        &source,
        "A/HRC/40/3\n\nI. Introduction\n\n1. The present report is submitted pursuant to \
         Human Rights Council resolution 37/1 and covers the period under review.\n\n\
         2. The Council decided to continue its work on the matter.\n",
    )
    .unwrap();
    let output = succeeds(
        paratag()
            .args(["sample-report", "120", "--from"])
            .arg(&source),
    );
    let generated = dir.join("generated.txt");
    std::fs::write(&generated, &output.stdout).unwrap();
    let document = paratag::parse::read_report(&generated).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/HRC/40/3"));
    assert_eq!(document.language.code(), "en");
    let paragraphs: Vec<_> = document.paragraphs().collect();
    assert_eq!(paragraphs.len(), 120);
    assert!(paragraphs[118].text.starts_with("The present report"));
    assert!(paragraphs[119].text.starts_with("The Council decided"));

    // A source with nothing to repeat is named in a readable error, and nothing is printed.
    let empty = dir.join("no-paragraphs.txt");
    std::fs::write(&empty, "A/HRC/40/3\n\nNothing numbered here.\n").unwrap();
    let output = paratag()
        .args(["sample-report", "10", "--from"])
        .arg(&empty)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("no-paragraphs.txt"), "{message}");
}

/// `paratag export REPORT --parallel OTHER`: each quote followed by the same paragraphs of the
/// other version; how the two differ as versions of one report goes to stderr, and what
/// matches is still quoted. `--parallel` with several reports is refused.
#[test]
fn export_a_bilingual_note() {
    let scratch = scratch_dir("parallel");
    let dir = scratch.path();
    let report = dir.join("report.txt");
    std::fs::copy(seed_path(), &report).unwrap();
    std::fs::write(dir.join("report.tags.ron"), documented_tags()).unwrap();
    // The "other version": the same report's corrigendum.
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let other = dir.join("other.txt");
    std::fs::write(&other, seed.replace("L.1/Add.1", "L.1/Add.1/Corr.1")).unwrap();

    let output = succeeds(
        paratag()
            .args([
                "export",
                "--format",
                "md",
                "--date",
                "2026-12-02",
                "--parallel",
            ])
            .arg(&other)
            .arg(&report),
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("another issue of the report (CAC/COSP/WG.2/2017/L.1/Add.1/Corr.1"),
        "{stderr}"
    );
    let note = String::from_utf8(output.stdout).unwrap();
    let quoted = note
        .lines()
        .filter(|line| line.starts_with("> 认识到遵守国家法律和法治至关重要"))
        .count();
    assert_eq!(quoted, 2, "{note}");

    // The report's English rendering: quoted beneath each Chinese quote, nothing to report.
    let english =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/CAC-COSP-WG.2-2017-L.1-Add.1.en.txt");
    let output = succeeds(
        paratag()
            .args([
                "export",
                "--format",
                "txt",
                "--date",
                "2026-12-02",
                "--parallel",
            ])
            .arg(&english)
            .arg(&report),
    );
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
    let note = String::from_utf8(output.stdout).unwrap();
    let chinese = note.find("“认识到遵守国家法律和法治至关重要").unwrap();
    let beneath = note
        .find("“Recognizing the paramount importance of compliance with national law")
        .unwrap();
    assert!(beneath > chinese, "{note}");
    assert!(
        note.contains("— CAC/COSP/WG.2/2017/L.1/Add.1, para. 4"),
        "{note}"
    );

    let refused = paratag()
        .args(["export", "--format", "md", "--parallel"])
        .arg(&other)
        .arg(&report)
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8(refused.stderr)
            .unwrap()
            .contains("give one report")
    );
}

/// `paratag suggest`: each suggested tag with the words that suggest it, as lines or JSON
/// whose ranges point into the paragraph's text; a lexicon of one's own is added with
/// `--cues`, and a bad one is refused with its line and the file named.
#[test]
fn suggest_prints_each_tag_with_its_evidence() {
    let output = succeeds(paratag().arg("suggest").arg(seed_path()));
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text
        .lines()
        .find(|line| line.starts_with("4 ") && line.contains("challenge"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("挑战 «"), "{line}");

    let output = succeeds(paratag().args(["suggest", "--json"]).arg(seed_path()));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let twelve = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["paragraph"] == 12 && s["tag"] == "proposal")
        .unwrap();
    let document = paratag::builtin_report::document().unwrap();
    let paragraph = &document.paragraphs().nth(11).unwrap().text;
    let evidence = &twelve["evidence"][0];
    let (start, end) = (
        usize::try_from(evidence["start"].as_u64().unwrap()).unwrap(),
        usize::try_from(evidence["end"].as_u64().unwrap()).unwrap(),
    );
    assert_eq!(&paragraph[start..end], evidence["cue"].as_str().unwrap());

    let scratch = scratch_dir("suggest-cues");
    let cues = scratch.path().join("mine.txt");
    std::fs::write(&cues, "# my cues\nproposal 2 司法协助\n").unwrap();
    let output = succeeds(
        paratag()
            .arg("suggest")
            .arg(seed_path())
            .arg("--cues")
            .arg(&cues),
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.lines()
            .any(|line| line.starts_with("3 ") && line.contains("proposal")),
        "{text}"
    );

    std::fs::write(&cues, "# my cues\npriority 2 紧急\n").unwrap();
    let output = paratag()
        .arg("suggest")
        .arg(seed_path())
        .arg("--cues")
        .arg(&cues)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("line 2: unknown kind `priority`"),
        "{message}"
    );
    assert!(message.trim_end().ends_with("mine.txt"), "{message}");
}

/// `paratag export --briefing FILE` makes the note the briefing describes: the same bytes as
/// the same choices given on the command line.
#[test]
fn export_a_note_from_a_briefing_file() {
    let scratch = scratch_dir("briefing");
    let dir = scratch.path();
    std::fs::create_dir(dir.join("reports")).unwrap();
    let report = dir.join("reports/report.txt");
    std::fs::copy(seed_path(), &report).unwrap();
    let tags = dir.join("mine.tags.ron");
    std::fs::write(&tags, documented_tags()).unwrap();
    let briefing = dir.join("meeting.briefing.ron");
    std::fs::write(
        &briefing,
        format!(
            "{}(\n    format: 1,\n    reports: [(report: \"reports/report.txt\", tags: \
             \"mine.tags.ron\")],\n    note: (format: \"md\", language: \"zh\", group_by: \
             \"document\", only: [\"proposal\"]),\n)\n",
            paratag::briefing::HEADER
        ),
    )
    .unwrap();
    let from_briefing = succeeds(
        paratag()
            .args(["export", "--date", "2026-12-03", "--briefing"])
            .arg(&briefing),
    );
    let by_hand = succeeds(
        paratag()
            .args([
                "export",
                "--format",
                "md",
                "--lang",
                "zh",
                "--group-by",
                "document",
            ])
            .args(["--only", "proposal", "--date", "2026-12-03", "--tags"])
            .arg(&tags)
            .arg(&report),
    );
    assert_eq!(from_briefing.stdout, by_hand.stdout);
    let note = String::from_utf8(from_briefing.stdout).unwrap();
    assert!(note.contains("第"), "{note}");
    // --format overrides the briefing's.
    let text = succeeds(
        paratag()
            .args(["export", "--format", "txt", "--briefing"])
            .arg(&briefing),
    );
    assert!(!String::from_utf8(text.stdout).unwrap().contains("> "));

    // A damaged briefing: the file and the line are named, nothing is written.
    std::fs::write(&briefing, "(format: 1, reports: [").unwrap();
    let out = dir.join("note.docx");
    let failed = paratag()
        .args(["export", "--briefing"])
        .arg(&briefing)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr.starts_with("paratag: cannot read the briefing: line 1")
            && stderr.trim_end().ends_with("meeting.briefing.ron"),
        "{stderr}"
    );
    assert!(!out.exists());
}

/// `paratag merge MINE THEIRS`: a colleague's tags merged into mine, theirs only read; what it
/// did said on standard error; refused for their own file as output and for another report.
#[test]
fn merge_a_colleagues_tags_file() {
    let scratch = scratch_dir("merge");
    let dir = scratch.path();
    let report = dir.join("report.txt");
    std::fs::copy(seed_path(), &report).unwrap();
    let mine = dir.join("report.tags.ron");
    std::fs::write(&mine, documented_tags()).unwrap();
    // The colleague's: the same report, paragraph 16 tagged by Ana.
    let document = paratag::parse::read_report(&report).unwrap();
    let mut tagged = paratag::tagged_report::TaggedReport::new(document);
    tagged.set_author(Some("Ana Silva"));
    let sixteenth = (0..tagged.paragraph_count())
        .map(paratag::annotations::ParagraphIndex)
        .find(|p| tagged.paragraph_number(*p) == Some(16))
        .unwrap();
    tagged.toggle_tag(
        sixteenth,
        paratag::annotations::Tag::Proposal,
        paratag::history::Moment::now(),
    );
    let theirs = dir.join("ana.tags.ron");
    let their_text = paratag::tags_file::to_string(&tagged.tags_file(Some("report.txt")));
    std::fs::write(&theirs, &their_text).unwrap();

    let merged = dir.join("merged.tags.ron");
    let output = succeeds(
        paratag()
            .arg("merge")
            .arg(&mine)
            .arg(&theirs)
            .arg("-o")
            .arg(&merged),
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("paratag: Merged ana.tags.ron: 1 paragraph added"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&merged).unwrap();
    assert!(
        text.contains("format: 3,") && text.contains("author: \"Ana Silva\""),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), their_text);
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), documented_tags());

    // Into mine itself: the same tags (each save its own revision); merged again, nothing new.
    let tags_of = |text: &str| {
        let file = paratag::tags_file::parse(text.as_bytes()).unwrap();
        file.annotations
            .into_iter()
            .map(|entry| (entry.paragraph, entry.tags, entry.note, entry.author))
            .collect::<Vec<_>>()
    };
    succeeds(paratag().arg("merge").arg(&mine).arg(&theirs));
    assert_eq!(
        tags_of(&std::fs::read_to_string(&mine).unwrap()),
        tags_of(&text)
    );
    let again = succeeds(paratag().arg("merge").arg(&mine).arg(&theirs));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("nothing new")
    );

    // Never into their file; never another report's tags.
    let refused = paratag()
        .arg("merge")
        .arg(&mine)
        .arg(&theirs)
        .arg("-o")
        .arg(&theirs)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8(refused.stderr)
            .unwrap()
            .contains("never writes to the colleague's file")
    );
    let foreign = dir.join("foreign.tags.ron");
    std::fs::write(
        &foreign,
        documented_tags().replace("CAC/COSP/WG.2/2017/L.1/Add.1", "A/HRC/40/3"),
    )
    .unwrap();
    let before = std::fs::read(&mine).unwrap();
    let refused = paratag()
        .arg("merge")
        .arg(&mine)
        .arg(&foreign)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(stderr.contains("they are for A/HRC/40/3"), "{stderr}");
    assert_eq!(std::fs::read(&mine).unwrap(), before);
}

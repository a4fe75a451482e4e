//! paratag against a hostile user and a hostile machine: links, permissions, special files,
//! several windows, crashes at awkward moments, huge inputs. Every case must end with the user's
//! files as they were (or as the user asked) and a clear message, never a hang or a panic.
//!
//! The cases run one after another from one test and are counted, so that RELIABILITY.md can
//! say how many there are: the test prints `adversarial: N passed, 0 failed`.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

mod common;
use common::documented_tags;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use paratag::annotations::{ParagraphIndex, Tag};
use paratag::app::preferences::Preferences;
use paratag::app::{Modal, ParatagApp};
use paratag::command::Command as AppCommand;
use paratag::command::{Choice, Message as AppMessage};
use paratag::storage::{self, Allow, NotAFile, RealDisk, SaveError, Stamp};

/// What a case found wrong.
type Outcome = Result<(), String>;

/// Fail the case unless `condition`, saying what was expected.
fn ensure(condition: bool, what: impl Into<String>) -> Outcome {
    if condition { Ok(()) } else { Err(what.into()) }
}

/// A folder of its own for each case, removed afterwards.
struct Scratch(paratag::scratch::Scratch);

impl Scratch {
    fn new(case: &str) -> Self {
        Self(paratag::scratch::Scratch::new(&format!("adv-{case}")))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// The built-in report as a file, with the documented tags beside it.
    fn report_with_tags(&self) -> (PathBuf, PathBuf) {
        let report = self.path("report.txt");
        std::fs::write(&report, paratag::builtin_report::TEXT).unwrap();
        let tags = self.path("report.tags.ron");
        std::fs::write(&tags, documented_tags()).unwrap();
        (report, tags)
    }

    /// Every file's name and bytes, to compare before and after.
    fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(self.0.path())
            .unwrap()
            .flatten()
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
            .map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(entry.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Run paratag with `args`; a run that takes more than 20 s is killed and is a failure (a hang).
fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Result<Output, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(args.iter().map(AsRef::as_ref))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return Err("paratag hung (killed after 20 s)".to_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(child.wait_with_output().unwrap())
}

/// Run paratag with `args`, expecting exit status 1 and a message that names `file` and
/// contains `says`, with nothing internal or panicky in it.
fn refused(args: &[&dyn AsRef<std::ffi::OsStr>], file: &Path, says: &str) -> Outcome {
    let output = run(args)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure(
        output.status.code() == Some(1),
        format!("exit {:?}: {stderr}", output.status),
    )?;
    let name = file.file_name().unwrap().to_string_lossy();
    ensure(
        stderr.contains(&*name),
        format!("message does not name {name}: {stderr}"),
    )?;
    ensure(
        stderr.contains(says),
        format!("message does not say {says:?}: {stderr}"),
    )?;
    clean_message(&stderr)
}

/// A message shows no panic and none of paratag's internal names.
fn clean_message(text: &str) -> Outcome {
    for internal in [
        "panicked",
        "VersionProbe",
        "TagsFile",
        "DocumentRef",
        "serde",
        "RawValue",
    ] {
        ensure(
            !text.contains(internal),
            format!("message leaks {internal:?}: {text}"),
        )?;
    }
    Ok(())
}

/// Run paratag with its standard output closed before it writes: it must end quietly.
fn closed_pipe(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paratag"))
        .args(args.iter().map(AsRef::as_ref))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure(
        output.status.success(),
        format!("exit {:?}: {stderr}", output.status),
    )?;
    ensure(
        stderr.is_empty(),
        format!("said something on a closed pipe: {stderr}"),
    )
}

/// Export the documented tags of `report` as Markdown to `output`.
fn export_to(report: &Path, tags: &Path, output: &Path) -> Result<Output, String> {
    run(&[
        &"export",
        &report,
        &"--tags",
        &tags,
        &"--format",
        &"md",
        &"-o",
        &output,
    ])
}

/// An export to `target` is refused, saying `says`, and no file changes.
fn export_refused(scratch: &Scratch, target: &Path, says: &str) -> Outcome {
    let (report, tags) = (scratch.path("report.txt"), scratch.path("report.tags.ron"));
    let before = scratch.files();
    let output = export_to(&report, &tags, target)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    ensure(
        output.status.code() == Some(1),
        format!("exit {:?}: {stderr}", output.status),
    )?;
    ensure(
        stderr.contains(says),
        format!("message does not say {says:?}: {stderr}"),
    )?;
    clean_message(&stderr)?;
    ensure(
        scratch.files() == before,
        "files changed (or a temporary file was left)",
    )
}

fn launch(report: Option<&Path>, tags: Option<&Path>, data: &Path) -> ParatagApp {
    ParatagApp::launch(report, tags, Some(data.to_owned()), Preferences::default())
}

/// Tag paragraph `index` of the app with `tag`.
fn tag(app: &mut ParatagApp, index: usize, tag: Tag) {
    app.apply(AppMessage::Select(ParagraphIndex(index)));
    app.apply(AppCommand::ToggleTag(tag));
}

/// Run the app's autosave as it would run once its delay has passed.
fn autosave(app: &mut ParatagApp) {
    let now = Instant::now();
    app.autosave_at(now);
    app.autosave_at(now + Duration::from_mins(1));
}

fn offered(app: &ParatagApp) -> usize {
    match app.modal() {
        Some(Modal::OfferRecovery(copies)) => copies.len(),
        _ => 0,
    }
}

/// A case: its name, and what it checks.
type Case = (&'static str, fn() -> Outcome);

/// Every case. One table, long by design: each entry is short and reads on its own.
#[allow(clippy::too_many_lines)]
fn cases() -> Vec<Case> {
    vec![
        // Reports that are not files, or not ordinary ones.
        ("report is a named pipe", || {
            let s = Scratch::new("report-fifo");
            let fifo = s.path("report.txt");
            mkfifo(&fifo);
            refused(&[&"outline", &fifo], &fifo, "named pipe")
        }),
        ("report is /dev/zero", || {
            refused(
                &[&"outline", &"/dev/zero"],
                Path::new("/dev/zero"),
                "device",
            )
        }),
        ("report is /dev/null", || {
            refused(
                &[&"outline", &"/dev/null"],
                Path::new("/dev/null"),
                "device",
            )
        }),
        ("report is a folder", || {
            let s = Scratch::new("report-dir");
            let dir = s.path("report.txt");
            std::fs::create_dir(&dir).unwrap();
            refused(&[&"outline", &dir], &dir, "folder")
        }),
        ("report is a dangling link", || {
            let s = Scratch::new("report-dangling");
            let link = s.path("report.txt");
            std::os::unix::fs::symlink(s.path("gone.txt"), &link).unwrap();
            refused(&[&"outline", &link], &link, "No such file")
        }),
        ("report is a loop of links", || {
            let s = Scratch::new("report-loop");
            std::os::unix::fs::symlink(s.path("b.txt"), s.path("a.txt")).unwrap();
            std::os::unix::fs::symlink(s.path("a.txt"), s.path("b.txt")).unwrap();
            let link = s.path("a.txt");
            refused(&[&"outline", &link], &link, "symbolic links")
        }),
        ("report through a link is read", || {
            let s = Scratch::new("report-link");
            let (report, _) = s.report_with_tags();
            let link = s.path("链接 report.txt");
            std::os::unix::fs::symlink(&report, &link).unwrap();
            let output = run(&[&"outline", &link])?;
            ensure(
                output.status.success(),
                String::from_utf8_lossy(&output.stderr),
            )
        }),
        ("report far over the size limit (sparse)", || {
            let s = Scratch::new("report-huge");
            let huge = s.path("huge.txt");
            let file = std::fs::File::create(&huge).unwrap();
            file.set_len(paratag::parse::MAX_REPORT_BYTES + 1).unwrap();
            refused(&[&"outline", &huge], &huge, "too large")
        }),
        ("report is empty", || {
            let s = Scratch::new("report-empty");
            let empty = s.path("empty.txt");
            std::fs::write(&empty, b"").unwrap();
            refused(&[&"outline", &empty], &empty, "empty")
        }),
        // Tags files that are not files, or not tags.
        ("tags file is a named pipe", || {
            let s = Scratch::new("tags-fifo");
            let fifo = s.path("r.tags.ron");
            mkfifo(&fifo);
            refused(&[&"check", &fifo], &fifo, "named pipe")
        }),
        ("tags file is /dev/zero", || {
            refused(&[&"check", &"/dev/zero"], Path::new("/dev/zero"), "device")
        }),
        ("tags file is a folder", || {
            let s = Scratch::new("tags-dir");
            let dir = s.path("r.tags.ron");
            std::fs::create_dir(&dir).unwrap();
            refused(&[&"check", &dir], &dir, "folder")
        }),
        ("tags file far over the size limit (sparse)", || {
            let s = Scratch::new("tags-huge");
            let huge = s.path("r.tags.ron");
            let file = std::fs::File::create(&huge).unwrap();
            file.set_len(storage::MAX_SAVED_BYTES + 1).unwrap();
            refused(&[&"check", &huge], &huge, "too large")
        }),
        ("tags file without a format says so in plain words", || {
            let s = Scratch::new("tags-noformat");
            let tags = s.path("r.tags.ron");
            std::fs::write(&tags, "(document: (language: \"zh\", fingerprint: \"x\"))").unwrap();
            refused(&[&"check", &tags], &tags, "`format` is missing")
        }),
        ("tags file with an unknown field", || {
            let s = Scratch::new("tags-unknown");
            let tags = s.path("r.tags.ron");
            let text = documented_tags().replacen("format: 1,", "format: 1, colour: 3,", 1);
            std::fs::write(&tags, text).unwrap();
            refused(&[&"check", &tags], &tags, "unknown field `colour`")
        }),
        ("tags file nested ten thousand deep", || {
            let s = Scratch::new("tags-deep");
            let tags = s.path("r.tags.ron");
            std::fs::write(
                &tags,
                format!("(format: 1, document: {})", "[".repeat(10_000)),
            )
            .unwrap();
            refused(&[&"check", &tags], &tags, "Cannot open the tags file")
        }),
        // Standard output closed early.
        ("check into a closed pipe", || {
            let s = Scratch::new("pipe-check");
            let (report, tags) = s.report_with_tags();
            closed_pipe(&[&"check", &tags, &report])
        }),
        ("outline into a closed pipe", || {
            let s = Scratch::new("pipe-outline");
            let (report, _) = s.report_with_tags();
            closed_pipe(&[&"outline", &report])
        }),
        ("export into a closed pipe", || {
            let s = Scratch::new("pipe-export");
            let (report, tags) = s.report_with_tags();
            closed_pipe(&[&"export", &report, &"--tags", &tags, &"--format", &"txt"])
        }),
        // Exports aimed at what they must not replace.
        ("export over its own tags file", || {
            let s = Scratch::new("export-tags");
            s.report_with_tags();
            export_refused(&s, &s.path("report.tags.ron"), "tags file")
        }),
        ("export over the report", || {
            let s = Scratch::new("export-report");
            s.report_with_tags();
            export_refused(&s, &s.path("report.txt"), "the report itself")
        }),
        ("export over another tags file", || {
            let s = Scratch::new("export-other-tags");
            s.report_with_tags();
            std::fs::write(s.path("other.tags.ron"), documented_tags()).unwrap();
            export_refused(&s, &s.path("other.tags.ron"), "tags file")
        }),
        ("export through a link to the tags file", || {
            let s = Scratch::new("export-link-tags");
            s.report_with_tags();
            std::os::unix::fs::symlink(s.path("report.tags.ron"), s.path("note.md")).unwrap();
            export_refused(&s, &s.path("note.md"), "tags file")
        }),
        ("export over a hard link to the report", || {
            let s = Scratch::new("export-hard-report");
            s.report_with_tags();
            std::fs::hard_link(s.path("report.txt"), s.path("note.md")).unwrap();
            export_refused(&s, &s.path("note.md"), "the report itself")
        }),
        ("export over a folder", || {
            let s = Scratch::new("export-dir");
            s.report_with_tags();
            std::fs::create_dir(s.path("note.md")).unwrap();
            export_refused(&s, &s.path("note.md"), "folder")
        }),
        ("export over a named pipe", || {
            let s = Scratch::new("export-fifo");
            s.report_with_tags();
            mkfifo(&s.path("note.md"));
            export_refused(&s, &s.path("note.md"), "named pipe")
        }),
        ("export over a device", || {
            let s = Scratch::new("export-device");
            s.report_with_tags();
            export_refused(&s, Path::new("/dev/null"), "device")
        }),
        ("export over a read-only note", || {
            let s = Scratch::new("export-readonly");
            s.report_with_tags();
            std::fs::write(s.path("note.md"), b"kept").unwrap();
            set_mode(&s.path("note.md"), 0o444);
            export_refused(&s, &s.path("note.md"), "read-only")
        }),
        ("export into a folder that does not exist", || {
            let s = Scratch::new("export-nodir");
            s.report_with_tags();
            export_refused(&s, &s.path("missing/note.md"), "missing")
        }),
        (
            "export through a link writes its target and keeps the link",
            || {
                let s = Scratch::new("export-link");
                let (report, tags) = s.report_with_tags();
                std::fs::write(s.path("real.md"), b"old").unwrap();
                set_mode(&s.path("real.md"), 0o640);
                std::os::unix::fs::symlink("real.md", s.path("note.md")).unwrap();
                let output = export_to(&report, &tags, &s.path("note.md"))?;
                ensure(
                    output.status.success(),
                    String::from_utf8_lossy(&output.stderr),
                )?;
                let link = std::fs::symlink_metadata(s.path("note.md")).unwrap();
                ensure(link.file_type().is_symlink(), "the link was replaced")?;
                ensure(
                    std::fs::read(s.path("real.md")).unwrap() != b"old",
                    "target not written",
                )?;
                ensure(mode(&s.path("real.md")) == 0o640, "mode not kept")
            },
        ),
        // Saving through links and over protected files.
        (
            "save through a link keeps the link and the target's mode",
            || {
                let s = Scratch::new("save-link");
                std::fs::write(s.path("target.ron"), b"one").unwrap();
                set_mode(&s.path("target.ron"), 0o600);
                std::os::unix::fs::symlink("target.ron", s.path("link.ron")).unwrap();
                storage::save(
                    &RealDisk,
                    &s.path("link.ron"),
                    b"two",
                    None,
                    Allow::default(),
                )
                .map_err(|e| e.to_string())?;
                let link = std::fs::symlink_metadata(s.path("link.ron")).unwrap();
                ensure(link.file_type().is_symlink(), "link replaced by a file")?;
                ensure(
                    std::fs::read(s.path("target.ron")).unwrap() == b"two",
                    "target not updated",
                )?;
                ensure(
                    mode(&s.path("target.ron")) == 0o600,
                    format!("mode {:o}", mode(&s.path("target.ron"))),
                )
            },
        ),
        ("save through a chain of relative links", || {
            let s = Scratch::new("save-chain");
            std::fs::create_dir(s.path("a")).unwrap();
            std::fs::write(s.path("a/t.ron"), b"one").unwrap();
            std::os::unix::fs::symlink("a/t.ron", s.path("l1")).unwrap();
            std::os::unix::fs::symlink("l1", s.path("l2")).unwrap();
            storage::save(&RealDisk, &s.path("l2"), b"two", None, Allow::default())
                .map_err(|e| e.to_string())?;
            ensure(
                std::fs::read(s.path("a/t.ron")).unwrap() == b"two",
                "target not updated",
            )?;
            ensure(
                std::fs::symlink_metadata(s.path("l2"))
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "link replaced",
            )
        }),
        ("save through a loop of links", || {
            let s = Scratch::new("save-loop");
            std::os::unix::fs::symlink(s.path("b"), s.path("a")).unwrap();
            std::os::unix::fs::symlink(s.path("a"), s.path("b")).unwrap();
            let result = storage::save(&RealDisk, &s.path("a"), b"x", None, Allow::default());
            ensure(result.is_err(), "saved into a loop")?;
            ensure(s.files().is_empty(), "something was written")
        }),
        ("save over a read-only file", || {
            let s = Scratch::new("save-readonly");
            std::fs::write(s.path("t.ron"), b"theirs").unwrap();
            set_mode(&s.path("t.ron"), 0o444);
            let result =
                storage::save(&RealDisk, &s.path("t.ron"), b"mine", None, Allow::default());
            ensure(
                matches!(result, Err(SaveError::ReadOnly)),
                format!("{result:?}"),
            )?;
            ensure(
                s.files() == [("t.ron".to_owned(), b"theirs".to_vec())],
                "changed",
            )
        }),
        ("save over a hard-linked file asks first", || {
            let s = Scratch::new("save-hardlink");
            std::fs::write(s.path("t.ron"), b"one").unwrap();
            std::fs::hard_link(s.path("t.ron"), s.path("u.ron")).unwrap();
            let result = storage::save(&RealDisk, &s.path("t.ron"), b"two", None, Allow::default());
            ensure(
                matches!(result, Err(SaveError::HardLinked { others: 1 })),
                format!("{result:?}"),
            )?;
            ensure(
                std::fs::read(s.path("u.ron")).unwrap() == b"one",
                "other name changed",
            )
        }),
        ("save over a named pipe", || {
            let s = Scratch::new("save-fifo");
            mkfifo(&s.path("t.ron"));
            let result = storage::save(&RealDisk, &s.path("t.ron"), b"x", None, Allow::default());
            ensure(
                matches!(result, Err(SaveError::NotAFile(NotAFile::Fifo))),
                format!("{result:?}"),
            )
        }),
        ("save where a folder should be is a file", || {
            let s = Scratch::new("save-notdir");
            std::fs::write(s.path("file"), b"x").unwrap();
            let result = storage::save(
                &RealDisk,
                &s.path("file/t.ron"),
                b"x",
                None,
                Allow::default(),
            );
            ensure(result.is_err(), "saved under a file")?;
            ensure(s.files() == [("file".to_owned(), b"x".to_vec())], "changed")
        }),
        ("save over a file someone else changed", || {
            let s = Scratch::new("save-changed");
            let path = s.path("t.ron");
            let stamp = storage::save(
                &RealDisk,
                &path,
                b"mine",
                Some(&Stamp::of(None)),
                Allow::default(),
            )
            .map_err(|e| e.to_string())?;
            std::fs::write(&path, b"theirs").unwrap();
            let result = storage::save(&RealDisk, &path, b"mine 2", Some(&stamp), Allow::default());
            ensure(
                matches!(result, Err(SaveError::ChangedOnDisk)),
                format!("{result:?}"),
            )?;
            ensure(std::fs::read(&path).unwrap() == b"theirs", "overwritten")
        }),
        // The window, with files in awkward states.
        ("window: report is a named pipe", || {
            let s = Scratch::new("app-fifo");
            mkfifo(&s.path("r.txt"));
            let app = launch(Some(&s.path("r.txt")), None, &s.path("data"));
            ensure(
                app.problem().is_some_and(|p| p.contains("named pipe")),
                format!("{:?}", app.problem()),
            )?;
            ensure(
                app.document().paragraphs().count() == 22,
                "the built-in report is not shown",
            )
        }),
        ("window: tags file is a named pipe, never written", || {
            let s = Scratch::new("app-tags-fifo");
            let (report, _) = s.report_with_tags();
            let fifo = s.path("pipe.tags.ron");
            mkfifo(&fifo);
            let mut app = launch(Some(&report), Some(&fifo), &s.path("data"));
            ensure(app.tags().blocked, "a pipe is taken as a tags file")?;
            tag(&mut app, 0, Tag::Challenge);
            // What Save As does with the answer: the pipe is refused too.
            app.apply(AppMessage::SaveTo(fifo.clone()));
            ensure(
                app.problem().is_some_and(|p| p.contains("named pipe")),
                format!("{:?}", app.problem()),
            )?;
            let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
            ensure(
                std::os::unix::fs::FileTypeExt::is_fifo(&kind),
                "the pipe was replaced",
            )
        }),
        ("window: read-only tags file", || {
            let s = Scratch::new("app-readonly");
            let (report, tags) = s.report_with_tags();
            set_mode(&tags, 0o444);
            let mut app = launch(Some(&report), None, &s.path("data"));
            tag(&mut app, 5, Tag::Proposal);
            app.apply(AppCommand::Save);
            ensure(
                app.problem().is_some_and(|p| p.contains("read-only")),
                format!("{:?}", app.problem()),
            )?;
            ensure(
                app.tags().blocked,
                "Save would try the read-only file again",
            )?;
            ensure(
                app.history().is_modified(),
                "the change is not kept as unsaved",
            )?;
            ensure(
                std::fs::read_to_string(&tags).unwrap() == documented_tags(),
                "file changed",
            )
        }),
        ("window: tags file through a link", || {
            let s = Scratch::new("app-link");
            let (report, tags) = s.report_with_tags();
            std::fs::create_dir(s.path("shared")).unwrap();
            let target = s.path("shared/report.tags.ron");
            std::fs::rename(&tags, &target).unwrap();
            set_mode(&target, 0o600);
            std::os::unix::fs::symlink(&target, &tags).unwrap();
            let mut app = launch(Some(&report), None, &s.path("data"));
            ensure(
                app.annotations().iter().count() == 3,
                "the linked tags were not loaded",
            )?;
            tag(&mut app, 5, Tag::Proposal);
            app.apply(AppCommand::Save);
            ensure(app.problem().is_none(), format!("{:?}", app.problem()))?;
            ensure(
                std::fs::symlink_metadata(&tags)
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "link replaced",
            )?;
            ensure(mode(&target) == 0o600, "mode lost")?;
            let again = launch(Some(&report), None, &s.path("data"));
            ensure(
                again.annotations().iter().count() == 4,
                "the save did not reach the target",
            )
        }),
        ("window: hard-linked tags file asks before saving", || {
            let s = Scratch::new("app-hardlink");
            let (report, tags) = s.report_with_tags();
            std::fs::hard_link(&tags, s.path("shared.tags.ron")).unwrap();
            let mut app = launch(Some(&report), None, &s.path("data"));
            tag(&mut app, 5, Tag::Proposal);
            app.apply(AppCommand::Save);
            ensure(
                matches!(app.modal(), Some(Modal::HardLinked { .. })),
                format!("{:?}", app.modal()),
            )?;
            ensure(
                std::fs::read_to_string(&tags).unwrap() == documented_tags(),
                "saved without asking",
            )?;
            app.apply(AppMessage::Choose(Choice::SaveOverLinks));
            ensure(!app.history().is_modified(), "not saved after Save anyway")?;
            ensure(
                std::fs::read_to_string(s.path("shared.tags.ron")).unwrap() == documented_tags(),
                "the other name changed",
            )
        }),
        (
            "window: crash before the first autosave loses nothing saved",
            || {
                let s = Scratch::new("app-early-crash");
                let (report, tags) = s.report_with_tags();
                {
                    let mut app = launch(Some(&report), None, &s.path("data"));
                    tag(&mut app, 5, Tag::Proposal);
                }
                let app = launch(Some(&report), None, &s.path("data"));
                ensure(offered(&app) == 0, "offered a copy that was never written")?;
                ensure(
                    std::fs::read_to_string(&tags).unwrap() == documented_tags(),
                    "file changed",
                )?;
                ensure(app.annotations().iter().count() == 3, "saved tags lost")
            },
        ),
        ("window: three windows crash, three copies offered", || {
            let s = Scratch::new("app-three");
            let (report, _) = s.report_with_tags();
            for index in [4, 6, 8] {
                let mut app = launch(Some(&report), None, &s.path("data"));
                tag(&mut app, index, Tag::GoodPractice);
                autosave(&mut app);
            }
            let app = launch(Some(&report), None, &s.path("data"));
            ensure(offered(&app) == 3, format!("{} offered", offered(&app)))
        }),
        (
            "window: a copy cut short is not offered and not deleted",
            || {
                let s = Scratch::new("app-cut-copy");
                let (report, _) = s.report_with_tags();
                {
                    let mut app = launch(Some(&report), None, &s.path("data"));
                    tag(&mut app, 4, Tag::GoodPractice);
                    autosave(&mut app);
                }
                let copy = std::fs::read_dir(s.path("data/recovery"))
                    .unwrap()
                    .flatten()
                    .map(|entry| entry.path())
                    .find(|path| path.to_string_lossy().ends_with(".tags.ron"))
                    .ok_or("no copy written")?;
                let bytes = std::fs::read(&copy).unwrap();
                std::fs::write(&copy, &bytes[..bytes.len() / 2]).unwrap();
                let app = launch(Some(&report), None, &s.path("data"));
                ensure(offered(&app) == 0, "a broken copy was offered")?;
                ensure(
                    copy.exists(),
                    "a broken copy was deleted: a person may still read it",
                )
            },
        ),
        ("window: the recovery folder is a file", || {
            let s = Scratch::new("app-recovery-file");
            let (report, _) = s.report_with_tags();
            std::fs::create_dir(s.path("data")).unwrap();
            std::fs::write(s.path("data/recovery"), b"not a folder").unwrap();
            let mut app = launch(Some(&report), None, &s.path("data"));
            tag(&mut app, 4, Tag::GoodPractice);
            autosave(&mut app);
            ensure(
                app.problem().is_some_and(|n| n.contains("recovery copy")),
                format!("{:?}", app.problem()),
            )?;
            ensure(
                std::fs::read(s.path("data/recovery")).unwrap() == b"not a folder",
                "file changed",
            )
        }),
        ("window: a 50 MB note is kept whole and not edited", || {
            let s = Scratch::new("app-huge-note");
            let (report, tags) = s.report_with_tags();
            let note = "注".repeat(50 * 1024 * 1024 / 3);
            let text = std::fs::read_to_string(&tags).unwrap();
            let first_note = text
                .find("note: \"")
                .ok_or("no note in the documented tags")?
                + 7;
            let end = first_note + text[first_note..].find('"').unwrap();
            std::fs::write(
                &tags,
                format!("{}{note}{}", &text[..first_note], &text[end..]),
            )
            .unwrap();
            let mut app = launch(Some(&report), None, &s.path("data"));
            let (paragraph, _) = app
                .annotations()
                .iter()
                .find(|(_, a)| a.note.len() == note.len())
                .ok_or("the long note was not loaded whole")?;
            app.apply(AppMessage::Select(paragraph));
            app.apply(AppMessage::TypeNote("typed".to_owned()));
            ensure(
                app.annotations().note(paragraph) == note,
                "the long note was edited",
            )?;
            tag(&mut app, 0, Tag::Challenge);
            app.apply(AppCommand::Save);
            let saved = std::fs::read_to_string(&tags).unwrap();
            ensure(saved.contains(&note), "the long note was not saved whole")
        }),
    ]
}

#[test]
fn adversarial_cases() {
    let mut failed = Vec::new();
    let cases = cases();
    for (name, case) in &cases {
        let outcome = std::panic::catch_unwind(case)
            .unwrap_or_else(|panic| Err(format!("panicked: {panic:?}")));
        match outcome {
            Ok(()) => println!("ok      {name}"),
            Err(why) => {
                println!("FAILED  {name}: {why}");
                failed.push(format!("{name}: {why}"));
            }
        }
    }
    println!(
        "adversarial: {} passed, {} failed",
        cases.len() - failed.len(),
        failed.len()
    );
    assert!(cases.len() >= 40, "the suite promises at least 40 cases");
    assert!(failed.is_empty(), "{failed:#?}");
}

//! Arrows point one way: window → ui → app → domain (ARCHITECTURE.md). The domain's side is
//! proved by the compiler (it builds without the `gui` feature, so it cannot import egui);
//! this test keeps the other arrows: the app names neither the panels nor the window nor
//! eframe — its state and `apply` not even egui, so it is driven without a window — and the
//! panels name neither the window nor eframe. Only `src/window/` knows eframe.

use std::path::{Path, PathBuf};

/// Every Rust file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of a Rust file without its comments (`//` to the end of a line; a `//` inside a
/// string literal is rare enough in these files to be read as a comment too), with grouped
/// imports spelt out: `use crate::{parse, ui};` reads `crate::parse, crate::ui`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let code: String = text
        .lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n");
    let mut spelt = String::with_capacity(code.len());
    let mut rest = code.as_str();
    while let Some(at) = rest.find("::{") {
        // The path before the group: back to the start of the word (`crate`, `super::app`).
        let head = &rest[..at];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        let prefix = &head[start..];
        spelt.push_str(&head[..start]);
        let group = &rest[at + 3..];
        let Some(close) = group.find('}') else {
            spelt.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let items: Vec<String> = group[..close]
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| format!("{prefix}::{item}"))
            .collect();
        spelt.push_str(&items.join(", "));
        rest = &group[close + 1..];
    }
    spelt.push_str(rest);
    spelt
}

/// The places in the files under `dir` (or the file `dir`) that name one of `forbidden`.
fn offences(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let files = if root.is_dir() {
        sources(&root)
    } else {
        vec![root]
    };
    assert!(!files.is_empty(), "no sources under {dir}");
    let mut found = Vec::new();
    for file in files {
        for line in code(&file).lines() {
            for name in forbidden {
                if line.contains(name) {
                    found.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_app_names_neither_the_panels_nor_the_window_nor_eframe() {
    let forbidden = ["crate::ui", "super::ui", "crate::window", "eframe"];
    for dir in ["src/app", "src/command.rs", "src/i18n", "src/fonts.rs"] {
        let found = offences(dir, &forbidden);
        assert!(
            found.is_empty(),
            "arrows point the wrong way:\n{}",
            found.join("\n")
        );
    }
}

/// The app's state changes in `apply(message)` alone, and what it asks of the window is an
/// effect: it needs no egui context, so tests drive it without one.
#[test]
fn the_app_state_needs_no_egui() {
    let found = offences("src/app", &["egui"]);
    assert!(
        found.is_empty(),
        "the app reaches for the window's toolkit:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_panels_name_neither_the_window_nor_eframe() {
    let found = offences("src/ui", &["crate::window", "eframe"]);
    assert!(
        found.is_empty(),
        "arrows point the wrong way:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_what_it_forbids() {
    // The window is the composition root: it names eframe and the panels, the latter in a
    // grouped import (`use crate::{fonts, ui};`), and the check finds both.
    let found = offences("src/window/mod.rs", &["eframe::App", "crate::ui"]);
    assert!(found.iter().any(|line| line.contains("eframe::App")));
    assert!(
        found.iter().any(|line| line.contains("crate::ui")),
        "{found:?}"
    );
    // A comment is not code: src/app/preferences.rs says "eframe's storage" in one.
    assert!(offences("src/app/preferences.rs", &["eframe"]).is_empty());
}

//! The fuzz corpus, replayed on stable in every `cargo test`: the seed inputs the fuzzers start
//! from (`fuzz/seeds/TARGET/`) and every input that once broke a promise
//! (`fuzz/regressions/TARGET/`), each through the same check the fuzz target runs
//! (`fuzz/src/lib.rs`). Fuzzing itself needs nightly and runs by hand; see RELIABILITY.md.

// A test fails by panicking; the corpus files are part of the repository.
#![allow(clippy::unwrap_used)]

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};

use arbitrary::{Arbitrary, Unstructured};

/// Every file of the target's seed and regression folders.
fn corpus(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .filter_map(|folder| std::fs::read_dir(root.join(folder).join(target)).ok())
        .flatten()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let files = corpus(target);
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(
            outcome.is_ok(),
            "{} breaks the `{target}` check",
            file.display()
        );
    }
    files.len()
}

#[test]
fn parse_report_corpus() {
    assert!(replay("parse_report", checks::parse_report) >= 6);
}

#[test]
fn tags_file_corpus() {
    assert!(replay("tags_file", checks::tags_file) >= 4);
}

#[test]
fn export_corpus() {
    // As libFuzzer's `fuzz_target!` does: the bytes are read as an `ExportInput`.
    let count = replay("export", |bytes| {
        if let Ok(input) = checks::ExportInput::arbitrary_take_rest(Unstructured::new(bytes)) {
            checks::export(&input);
        }
    });
    assert!(count >= 1);
}

//! Suggested tags measured against reports labelled by hand (`tests/suggestions/`, with the
//! labelling rule in its README): precision, recall and F1 per tag and overall, printed with
//! `cargo test --test suggestions -- --nocapture` (BENCHMARKS.md). The goal is F1 ≥ 0.8
//! overall.

// Test set-up that fails should fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use paratag::annotations::Tag;
use paratag::document::Document;
use paratag::suggest::{Lexicon, suggest};

/// The labels of a report: paragraph number → tags.
fn labels(name: &str) -> BTreeMap<u32, BTreeSet<Tag>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/suggestions")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (number, tags) = line.split_once(':').unwrap();
            let tags = tags
                .split_whitespace()
                .filter(|tag| *tag != "-")
                .map(|key| Tag::ALL.into_iter().find(|t| t.key() == key).unwrap())
                .collect();
            (number.trim().parse().unwrap(), tags)
        })
        .collect()
}

fn report(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/suggestions")
        .join(name);
    paratag::parse::read_report(&path).unwrap()
}

/// True positives, false positives and false negatives, per tag.
#[derive(Default, Clone, Copy)]
struct Counts {
    hits: usize,
    wrong: usize,
    missed: usize,
}

impl Counts {
    fn add(&mut self, other: Self) {
        self.hits += other.hits;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }

    fn scores(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.hits, self.hits + self.wrong);
        let recall = ratio(self.hits, self.hits + self.missed);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        (precision, recall, f1)
    }
}

/// Compare the suggestions for a report with its labels; every labelled number must be a
/// paragraph of the report (or the labels would measure nothing).
fn measure(name: &str, document: &Document, labels: &BTreeMap<u32, BTreeSet<Tag>>) -> [Counts; 3] {
    let numbers: BTreeSet<u32> = document.paragraphs().map(|p| p.number).collect();
    assert_eq!(
        numbers,
        labels.keys().copied().collect::<BTreeSet<_>>(),
        "{name}: the labels name every paragraph, and only those"
    );
    let mut suggested: BTreeMap<u32, BTreeSet<Tag>> = BTreeMap::new();
    for suggestion in suggest(document, &Lexicon::shipped(document.language)) {
        suggested
            .entry(suggestion.number)
            .or_default()
            .insert(suggestion.tag);
    }
    let mut counts = [Counts::default(); 3];
    for (number, wanted) in labels {
        let got = suggested.get(number).cloned().unwrap_or_default();
        for (slot, tag) in Tag::ALL.into_iter().enumerate() {
            match (wanted.contains(&tag), got.contains(&tag)) {
                (true, true) => counts[slot].hits += 1,
                (false, true) => {
                    counts[slot].wrong += 1;
                    println!("{name}: paragraph {number} suggested {tag:?}, not labelled so");
                }
                (true, false) => {
                    counts[slot].missed += 1;
                    println!("{name}: paragraph {number} labelled {tag:?}, not suggested");
                }
                (false, false) => {}
            }
        }
    }
    counts
}

#[test]
fn suggestions_agree_with_the_labelled_reports() {
    let builtin = labels("builtin.labels");
    let reports = [
        (
            "built-in (zh)",
            paratag::builtin_report::document().unwrap(),
            builtin.clone(),
        ),
        (
            "built-in (en)",
            paratag::builtin_report::english().unwrap(),
            builtin,
        ),
        (
            "fr-prevention",
            report("fr-prevention.txt"),
            labels("fr-prevention.labels"),
        ),
        (
            "es-cooperation",
            report("es-cooperation.txt"),
            labels("es-cooperation.labels"),
        ),
        (
            "ru-technical",
            report("ru-technical.txt"),
            labels("ru-technical.labels"),
        ),
    ];
    let mut total = [Counts::default(); 3];
    println!("| report | tag | precision | recall | F1 |\n|---|---|---|---|---|");
    let mut rows = Vec::new();
    for (name, document, labels) in &reports {
        let counts = measure(name, document, labels);
        for (slot, tag) in Tag::ALL.into_iter().enumerate() {
            total[slot].add(counts[slot]);
            let (p, r, f) = counts[slot].scores();
            rows.push(format!(
                "| {name} | {} | {p:.2} | {r:.2} | {f:.2} |",
                tag.key()
            ));
        }
    }
    for row in rows {
        println!("{row}");
    }
    let mut all = Counts::default();
    for (slot, tag) in Tag::ALL.into_iter().enumerate() {
        all.add(total[slot]);
        let (p, r, f) = total[slot].scores();
        println!("| all | {} | {p:.2} | {r:.2} | {f:.2} |", tag.key());
    }
    let (p, r, f) = all.scores();
    println!("| all | all tags | {p:.2} | {r:.2} | {f:.2} |");
    assert!(
        f >= 0.8,
        "F1 over every tag and report is {f:.2}, below 0.8"
    );
}

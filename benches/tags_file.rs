//! Saving and opening 10,000 annotations (budget: under 50 ms each).

// A benchmark whose set-up fails must stop loudly rather than measure nothing.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag};
use paratag::{parse, storage, synthetic, tags_file};

const ANNOTATIONS: usize = 10_000;

fn annotated() -> (paratag::document::Document, Annotations) {
    let document =
        parse::parse_text(&synthetic::large_chinese_report(ANNOTATIONS)).expect("generated report");
    let mut annotations = Annotations::default();
    for index in 0..ANNOTATIONS {
        let tag = Tag::ALL[index % 3];
        annotations.insert(
            ParagraphIndex(index),
            Annotation {
                tags: std::iter::once(tag).collect(),
                note: format!("第{index}段：需要在简报中提及。Follow up with the capital."),
                changed: Some(std::time::SystemTime::UNIX_EPOCH),
                ..Default::default()
            },
        );
    }
    (document, annotations)
}

fn save_and_open(c: &mut Criterion) {
    let (document, annotations) = annotated();
    // Computed once when a report is opened, as the app does.
    let fingerprints = tags_file::Fingerprints::new(&document);
    let dir = std::env::temp_dir().join(format!("paratag-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("bench.tags.ron");

    let build = || {
        tags_file::build(
            &document,
            &fingerprints,
            Some("bench.txt"),
            &annotations,
            &[],
        )
    };
    c.bench_function(
        "save 10,000 annotations (build, serialise, verify, atomic write)",
        |b| {
            b.iter(|| {
                let file = build();
                let text = tags_file::to_string(&file);
                let back = tags_file::parse(text.as_bytes()).expect("verify");
                assert_eq!(back.annotations.len(), ANNOTATIONS);
                storage::save(
                    &storage::RealDisk,
                    &path,
                    text.as_bytes(),
                    None,
                    storage::Allow::default(),
                )
                .expect("save");
            });
        },
    );

    // The save the window and `paratag merge` make: as above, with the revision of the save,
    // its ancestors and each entry's revision (the lineage a three-way merge reads).
    let mut report = paratag::tagged_report::TaggedReport::new(document.clone());
    report.take_tags(&build(), false);
    let lineage_path = dir.join("lineage.tags.ron");
    c.bench_function(
        "save 10,000 annotations as a report does (with revisions)",
        |b| {
            b.iter(|| {
                report
                    .save_tags(
                        &storage::RealDisk,
                        &lineage_path,
                        Some("bench.txt"),
                        None,
                        storage::Allow::default(),
                    )
                    .expect("save");
            });
        },
    );

    // The two readers on the same saved text: the one for files as paratag writes them (used
    // by every save's check and most opens) and ron (for files edited by hand).
    let text = tags_file::to_string(&build());
    c.bench_function("read 10,000 annotations: fast reader", |b| {
        b.iter(|| tags_file::parse(black_box(text.as_bytes())).expect("fast"));
    });
    c.bench_function("read 10,000 annotations: ron", |b| {
        b.iter(|| tags_file::read_with_ron(black_box(&text)).expect("ron"));
    });

    c.bench_function("open 10,000 annotations (read, parse, re-anchor)", |b| {
        b.iter(|| {
            let bytes = std::fs::read(&path).expect("read");
            let file = tags_file::parse(&bytes).expect("parse");
            let anchored = tags_file::anchor(&file, &document, &fingerprints);
            assert_eq!(anchored.exact, ANNOTATIONS);
            black_box(anchored);
        });
    });
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, save_and_open);
criterion_main!(benches);

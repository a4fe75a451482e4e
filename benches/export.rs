//! Exporting 10,000 excerpts (budget: under 500 ms in every format).

// A benchmark whose set-up fails must stop loudly rather than measure nothing.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag};
use paratag::export::{self, ExportOptions, Format, NoteLanguage};
use paratag::{parse, synthetic};

const EXCERPTS: usize = 10_000;

fn export_formats(c: &mut Criterion) {
    let document =
        parse::parse_text(&synthetic::large_chinese_report(EXCERPTS)).expect("generated report");
    let mut annotations = Annotations::default();
    for index in 0..EXCERPTS {
        annotations.insert(
            ParagraphIndex(index),
            Annotation {
                tags: std::iter::once(Tag::ALL[index % 3]).collect(),
                // Every other paragraph has a note, so runs are not all merged away.
                note: if index % 2 == 0 {
                    format!("第{index}段：需要跟进。")
                } else {
                    String::new()
                },
                changed: None,
                ..Default::default()
            },
        );
    }
    let options = ExportOptions {
        date: "2026-11-27".to_owned(),
        ..ExportOptions::new(NoteLanguage::English)
    };
    for format in Format::ALL {
        c.bench_function(&format!("export 10,000 excerpts as {format}"), |b| {
            b.iter(|| {
                let bytes =
                    export::export(&document, &annotations, &[], &options, format).expect("export");
                black_box(bytes);
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = export_formats
}
criterion_main!(benches);

//! Parsing reports (budget: at least 50 MB/s, on a generated 5 MB report and on the seed).

// A benchmark whose set-up fails must stop loudly rather than measure nothing.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use paratag::{parse, sample, seed};

fn parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let seed_bytes = seed::TEXT.as_bytes();
    group.throughput(Throughput::Bytes(seed_bytes.len() as u64));
    group.bench_function("the seed (11 KB)", |b| {
        b.iter(|| black_box(parse::parse(seed_bytes).expect("seed")));
    });

    // About 5 MB: 10,000 paragraphs with page furniture every six, from the built-in report;
    // and the same from any other report named by PARATAG_BENCH_REPORT (an English one, say:
    // the repository holds no real English report to repeat).
    let mut sources = vec![("Chinese".to_owned(), seed::document().expect("seed"))];
    if let Some(path) = std::env::var_os("PARATAG_BENCH_REPORT") {
        let path = std::path::PathBuf::from(path);
        let source = parse::read_report(&path).expect("PARATAG_BENCH_REPORT names a report");
        sources.push((source.language.english_name().to_owned(), source));
    }
    for (language, source) in sources {
        let large = sample::large_report(&source, 10_000)
            .expect("a report with paragraphs")
            .into_bytes();
        group.throughput(Throughput::Bytes(large.len() as u64));
        group.bench_function(
            format!(
                "a generated {language} report ({:.1} MB)",
                large.len() as f64 / 1e6
            ),
            |b| {
                b.iter(|| black_box(parse::parse(&large).expect("generated report")));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parsing);
criterion_main!(benches);

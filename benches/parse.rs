//! Parsing reports (budget: at least 50 MB/s, on a generated 5 MB report and on the seed),
//! reading PDF reports (at least 50 pages a second), and suggesting tags (a 100-page report in
//! under a second).

// A benchmark whose set-up fails must stop loudly rather than measure nothing.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use paratag::{builtin_report, parse, synthetic};

fn parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let seed_bytes = builtin_report::TEXT.as_bytes();
    group.throughput(Throughput::Bytes(seed_bytes.len() as u64));
    group.bench_function("the seed (11 KB)", |b| {
        b.iter(|| black_box(parse::parse(seed_bytes).expect("seed")));
    });

    // About 5 MB: 10,000 paragraphs with page furniture every six, from the built-in report;
    // and the same from any other report named by PARATAG_BENCH_REPORT (an English one, say:
    // the repository holds no real English report to repeat).
    let mut sources = vec![(
        "Chinese".to_owned(),
        builtin_report::document().expect("seed"),
    )];
    if let Some(path) = std::env::var_os("PARATAG_BENCH_REPORT") {
        let path = std::path::PathBuf::from(path);
        let source = parse::read_report(&path).expect("PARATAG_BENCH_REPORT names a report");
        sources.push((source.language.english_name().to_owned(), source));
    }
    for (language, source) in sources {
        let large = synthetic::large_report(&source, 10_000).expect("a report with paragraphs");
        // The same report as copied from a web page that reflows it: every line break gone.
        let one_line = large.split('\n').collect::<Vec<_>>().join(" ");
        let paragraphs = parse::parse(one_line.as_bytes()).map(|d| d.paragraphs().count());
        assert_eq!(paragraphs.ok(), Some(10_000), "the one-line report reads");
        for (shape, text) in [("", large), (" on one line", one_line)] {
            let bytes = text.into_bytes();
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function(
                format!(
                    "a generated {language} report{shape} ({:.1} MB)",
                    bytes.len() as f64 / 1e6
                ),
                |b| {
                    b.iter(|| black_box(parse::parse(&bytes).expect("generated report")));
                },
            );
        }
    }
    group.finish();
}

/// The parser's English test report (the repository holds no real English report to repeat).
fn english_source() -> paratag::document::Document {
    let english = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds/parse_report/english.txt"),
    )
    .expect("the English test text");
    parse::parse(&english).expect("the English test text parses")
}

/// PDF reports (budgets: at least 50 pages a second; a 30-page report to paragraphs within
/// 300 ms): English text of the parser's tests, repeated to about 30 and 200 pages and printed as a
/// plain report, then read and parsed as the window opens it; and the built-in report's three
/// fixture PDFs (CJK fonts: TrueType, CFF, CID).
fn pdfs(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    let source = english_source();
    // About 30 and 200 pages.
    for paragraphs in [470, 3_100] {
        let text = synthetic::large_report(&source, paragraphs).expect("paragraphs");
        let pdf = synthetic::pdf_report(&text, source.symbol.as_deref().unwrap_or_default());
        let pages = parse::parse(&pdf).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(pages, Ok(()));
        let count = paratag::import::pdf::read(&pdf).expect("pdf").pages;
        group.throughput(Throughput::Elements(count as u64));
        group.bench_function(format!("a generated English report ({count} pages)"), |b| {
            b.iter(|| black_box(parse::parse(&pdf).expect("generated pdf")));
        });
    }
    for name in ["lo-truetype", "lo-cff", "cid"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/seed-layout.zh.{name}.pdf"));
        let pdf = std::fs::read(path).expect("fixture");
        group.throughput(Throughput::Elements(3));
        group.bench_function(format!("the built-in report, {name} (3 pages)"), |b| {
            b.iter(|| black_box(parse::parse(&pdf).expect("fixture pdf")));
        });
    }
    group.finish();
}

/// Painting a page for View ▸ Original page at 1.5 pixels a point (budget: 60 ms off the UI
/// thread): a full page of the generated English report, and the first page of each of the
/// built-in report's PDFs (CJK fonts). Each time from a freshly opened PDF with empty caches, as
/// when the page view first shows a report: the slowest case.
fn painting(c: &mut Criterion) {
    let mut group = c.benchmark_group("paint");
    group.sample_size(10);
    let source = english_source();
    let text = synthetic::large_report(&source, 470).expect("paragraphs");
    let mut pdfs = vec![(
        "a page of the generated English report".to_owned(),
        synthetic::pdf_report(&text, source.symbol.as_deref().unwrap_or_default()),
        2,
    )];
    for name in ["lo-truetype", "lo-cff", "cid"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/seed-layout.zh.{name}.pdf"));
        let pdf = std::fs::read(path).expect("fixture");
        pdfs.push((format!("page 1 of the built-in report, {name}"), pdf, 0));
    }
    for (name, pdf, page) in pdfs {
        let pdf = std::sync::Arc::new(pdf);
        group.bench_function(format!("{name} at 1.5×"), |b| {
            b.iter(|| {
                let mut asked = Some((page, 1.5));
                let mut painted = None;
                paratag::import::pdf::paint_pages(
                    std::sync::Arc::clone(&pdf),
                    || asked.take(),
                    |_, _, image| painted = Some(image.expect("painted")),
                );
                black_box(painted)
            });
        });
    }
    group.finish();
}

/// Suggested tags (budget: a 100-page report in under a second): the built-in report, and
/// 10,000 paragraphs made from it (about 400 pages) and from its English version.
fn suggesting(c: &mut Criterion) {
    use paratag::suggest::{Lexicon, suggest};
    let mut group = c.benchmark_group("suggest");
    let seed = builtin_report::document().expect("seed");
    let lexicon = Lexicon::shipped(seed.language);
    group.bench_function("the built-in report (22 paragraphs)", |b| {
        b.iter(|| black_box(suggest(&seed, &lexicon)));
    });
    let english = builtin_report::english().expect("the English version");
    for source in [seed, english] {
        let large = synthetic::large_report(&source, 10_000).expect("a report with paragraphs");
        let document = parse::parse(large.as_bytes()).expect("generated report");
        let lexicon = Lexicon::shipped(document.language);
        group.bench_function(
            format!("10,000 {} paragraphs", document.language.english_name()),
            |b| {
                b.iter(|| black_box(suggest(&document, &lexicon)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parsing, pdfs, painting, suggesting);
criterion_main!(benches);

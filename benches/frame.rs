//! CPU time of one full frame of the real window: the egui pass and tessellation, no GPU.
//! Budgets: median ≤ 2 ms for the seed, ≤ 4 ms for a 10,000-paragraph report while scrolling
//! with a tag filter on, and for two such versions side by side.

// A benchmark whose set-up fails must stop loudly rather than measure nothing.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use paratag::annotations::{ParagraphIndex, Tag};
use paratag::app::ParatagApp;
use paratag::app::preferences::Preferences;
use paratag::command::{Command, Message};
use paratag::window::Window;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// One frame's input: the window's size, the pointer over the report, and a wheel step.
fn input(scroll: f32) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        ..Default::default()
    };
    input
        .events
        .push(egui::Event::PointerMoved(egui::pos2(600.0, 400.0)));
    if scroll != 0.0 {
        input.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, scroll),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    input
}

/// Run one frame of the window and tessellate it, as eframe does before handing it to the GPU.
fn frame(ctx: &egui::Context, window: &mut Window, scroll: f32) -> usize {
    let mut output = ctx.run_ui(input(scroll), |ui| window.frame(ui));
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn frames(c: &mut Criterion) {
    // The seed, paragraph 4 tagged and selected.
    let ctx = egui::Context::default();
    paratag::fonts::install(&ctx);
    let mut seed = Window::new(ParatagApp::new(None, Preferences::default()));
    seed.apply(&ctx, Message::Select(ParagraphIndex(3)));
    seed.apply(&ctx, Command::ToggleTag(Tag::Challenge));
    for _ in 0..5 {
        frame(&ctx, &mut seed, 0.0);
    }
    c.bench_function("frame: seed, idle redraw", |b| {
        b.iter(|| black_box(frame(&ctx, &mut seed, 0.0)));
    });
    let mut direction = 1.0;
    c.bench_function("frame: seed, scrolling", |b| {
        b.iter(|| {
            direction = -direction;
            black_box(frame(&ctx, &mut seed, 120.0 * direction))
        });
    });

    // 10,000 paragraphs, every third a proposal, the Proposal filter on, scrolling down.
    let path = std::env::temp_dir().join(format!("paratag-bench-frame-{}.txt", std::process::id()));
    std::fs::write(&path, paratag::synthetic::large_chinese_report(10_000))
        .expect("write the report");
    let ctx = egui::Context::default();
    paratag::fonts::install(&ctx);
    let mut long = Window::new(ParatagApp::new(Some(&path), Preferences::default()));
    let app = &mut long;
    for index in (0..10_000).step_by(3) {
        app.apply(&ctx, Message::Select(ParagraphIndex(index)));
        app.apply(&ctx, Command::ToggleTag(Tag::Proposal));
    }
    app.apply(&ctx, Command::FilterTag(Tag::Proposal));
    for _ in 0..5 {
        frame(&ctx, &mut long, -200.0);
    }
    c.bench_function(
        "frame: 10,000 paragraphs, Proposal filter, scrolling",
        |b| {
            b.iter(|| black_box(frame(&ctx, &mut long, -200.0)));
        },
    );
    long.apply(&ctx, Command::ClearFilter);
    c.bench_function("frame: 10,000 paragraphs, scrolling", |b| {
        b.iter(|| black_box(frame(&ctx, &mut long, -200.0)));
    });

    // The same report beside a 10,000-paragraph English version, scrolling down.
    let english = paratag::builtin_report::english().expect("the English seed parses");
    let other =
        std::env::temp_dir().join(format!("paratag-bench-frame-en-{}.txt", std::process::id()));
    std::fs::write(
        &other,
        paratag::synthetic::large_report(&english, 10_000).expect("an English sample"),
    )
    .expect("write the English version");
    long.apply(&ctx, Message::OpenParallel(Some(other.clone())));
    assert!(
        long.app().parallel().is_some(),
        "{:?}",
        long.app().problem()
    );
    for _ in 0..5 {
        frame(&ctx, &mut long, -200.0);
    }
    c.bench_function(
        "frame: two 10,000-paragraph versions side by side, scrolling",
        |b| {
            b.iter(|| black_box(frame(&ctx, &mut long, -200.0)));
        },
    );
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&other);
}

criterion_group!(benches, frames);
criterion_main!(benches);

//! Export of arbitrary annotation sets: see `paratag_fuzz::export` (`fuzz/src/lib.rs`).

#![no_main]

libfuzzer_sys::fuzz_target!(|input: paratag_fuzz::ExportInput| paratag_fuzz::export(&input));

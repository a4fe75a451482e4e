//! The tags-file loader: see `paratag_fuzz::tags_file` (`fuzz/src/lib.rs`).

#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| paratag_fuzz::tags_file(bytes));

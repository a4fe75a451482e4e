//! The report parser: see `paratag_fuzz::parse_report` (`fuzz/src/lib.rs`).

#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| paratag_fuzz::parse_report(bytes));

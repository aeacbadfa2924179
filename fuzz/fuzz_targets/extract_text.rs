#![no_main]
//! `extract_text`: see `checks::text` in `fuzz/checks/extract.rs`.

#[path = "../checks/extract.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::text(data));

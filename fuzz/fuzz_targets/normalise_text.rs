#![no_main]
//! `normalise_text`: see `checks::text` in `fuzz/checks/normalise.rs`.

#[path = "../checks/normalise.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::text(data));

#![no_main]
//! `normalise_html`: see `checks::html` in `fuzz/checks/normalise.rs`.

#[path = "../checks/normalise.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::html(data));

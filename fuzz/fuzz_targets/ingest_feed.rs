#![no_main]
//! `ingest_feed`: see `checks::feed` in `fuzz/checks/ingest.rs`.

#[path = "../checks/ingest.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::feed(data));

#![no_main]
//! `ingest_gzip`: see `checks::gzip` in `fuzz/checks/ingest.rs`.

#[path = "../checks/ingest.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::gzip(data));

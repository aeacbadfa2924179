#![no_main]
//! `ingest_warc`: see `checks::warc` in `fuzz/checks/ingest.rs`.

#[path = "../checks/ingest.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::warc(data));

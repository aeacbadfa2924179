#![no_main]
//! `ingest_http`: see `checks::http` in `fuzz/checks/ingest.rs`.

#[path = "../checks/ingest.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::http(data));

#![no_main]
//! `ingest_jsonl`: see `checks::jsonl` in `fuzz/checks/ingest.rs`.

#[path = "../checks/ingest.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::jsonl(data));

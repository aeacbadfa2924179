//! Replays every input under `fuzz/regressions/<target>/` (minimised fuzzer findings and
//! hand-picked edge cases) through the same check the fuzz target runs, on stable.

#[path = "../../../fuzz/checks/ingest.rs"]
mod checks;
#[path = "../../../fuzz/checks/replay.rs"]
mod replay;

#[test]
fn fuzz_regressions_pass() {
    replay::replay(&[
        ("ingest_warc", checks::warc),
        ("ingest_http", checks::http),
        ("ingest_feed", checks::feed),
        ("ingest_jsonl", checks::jsonl),
        ("ingest_gzip", checks::gzip),
    ]);
}

//! Replays every input under `fuzz/regressions/<target>/` (minimised fuzzer findings and
//! hand-picked edge cases) through the same check the fuzz target runs, on stable.

#[path = "../../../fuzz/checks/extract.rs"]
mod checks;
#[path = "../../../fuzz/checks/replay.rs"]
mod replay;

#[test]
fn fuzz_regressions_pass() {
    replay::replay(&[("extract_text", checks::text)]);
}

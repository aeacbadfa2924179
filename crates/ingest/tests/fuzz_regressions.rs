//! Replays every input under `fuzz/regressions/<target>/` (minimised fuzzer findings and
//! hand-picked edge cases) through the same check the fuzz target runs, on stable.

#[path = "../../../fuzz/checks/ingest.rs"]
mod checks;

use std::path::Path;

/// A fuzz check: panics when an invariant breaks.
type Check = fn(&[u8]);

#[test]
fn fuzz_regressions_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let targets: &[(&str, Check)] = &[
        ("ingest_warc", checks::warc),
        ("ingest_http", checks::http),
        ("ingest_feed", checks::feed),
        ("ingest_jsonl", checks::jsonl),
        ("ingest_gzip", checks::gzip),
    ];
    for (target, check) in targets {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.is_file())
            .collect();
        files.sort();
        assert!(
            !files.is_empty(),
            "no regression inputs in {}",
            dir.display()
        );
        for path in files {
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target} fails on {}", path.display());
        }
    }
}

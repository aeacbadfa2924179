//! The replay loop of the stable `fuzz_regressions` tests (included by each crate's test
//! with `#[path]`): every file under `fuzz/regressions/<target>/` through its check.

use std::path::Path;

/// A fuzz check: panics when an invariant breaks.
pub(crate) type Check = fn(&[u8]);

/// Runs each target's check over every input committed for it; fails naming the target
/// and the file, or when a target has no inputs.
pub(crate) fn replay(targets: &[(&str, Check)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
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

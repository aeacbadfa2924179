//! Input keys of inputs whose content was already indexed from another input.
//!
//! A document records the key of the input it was made from (a fast field), but an
//! input that gives a document already in the index (the same article in a second
//! feed, a page saved twice) adds no document, so its key is kept here instead:
//! `newsdesk-input-keys.tsv` in the index directory, one `KEY<TAB>ID` line per such
//! input, written atomically (temporary file, then rename) after each commit that
//! recorded one. A key counts only while its document is live, so that replacing
//! the document makes the input new again. The file is a cache: losing it costs a
//! second cleaning of those inputs, never a wrong index.
use crate::Error;
use std::path::Path;

/// The file's name in the index directory.
pub(crate) const FILE: &str = "newsdesk-input-keys.tsv";

/// The `(key, id)` pairs in `dir`'s file (none if there is no file); malformed lines are skipped.
pub(crate) fn read(dir: &Path) -> Result<Vec<(u64, String)>, Error> {
    let text = match std::fs::read_to_string(dir.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        // Not UTF-8 or unreadable as text: a cache, so start again.
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                dir: dir.to_path_buf(),
                source,
            });
        }
    };
    Ok(text
        .lines()
        .filter_map(|line| {
            let (key, id) = line.split_once('\t')?;
            let key = u64::from_str_radix(key, 16).ok()?;
            (!id.trim().is_empty()).then(|| (key, id.to_string()))
        })
        .collect())
}

/// Replaces `dir`'s file with `pairs` (sorted by key, one line per key).
pub(crate) fn write(dir: &Path, pairs: &[(u64, String)]) -> Result<(), Error> {
    let io = |source| Error::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let mut sorted: Vec<&(u64, String)> = pairs.iter().collect();
    sorted.sort();
    sorted.dedup_by_key(|p| p.0);
    let mut text = String::new();
    for (key, id) in sorted {
        text.push_str(&format!("{key:016x}\t{id}\n"));
    }
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sorted_and_skips_bad_lines() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(read(dir.path()).expect("no file").is_empty());
        let pairs = vec![
            (9, "b".to_string()),
            (3, "a".to_string()),
            (9, "c".to_string()),
        ];
        write(dir.path(), &pairs).expect("writes");
        assert_eq!(
            read(dir.path()).expect("reads"),
            vec![(3, "a".to_string()), (9, "b".to_string())]
        );
        std::fs::write(dir.path().join(FILE), "zz\tx\n0a\t\n00ff\tdoc\nno tab\n").expect("w");
        assert_eq!(
            read(dir.path()).expect("reads"),
            vec![(255, "doc".to_string())]
        );
    }
}

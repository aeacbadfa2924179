//! Runs the real library pipeline (ingest, normalise, extract) in process over one input
//! file, for the scorers that read JSON-lines evaluation sets (stories, casualties).
//!
//! The path is the one `newsdesk extract --json` takes, so figures measured here are the
//! figures of the command line; documents are processed on every core with plain threads
//! and returned in input order.

use newsdesk_model::{Document, Format};
use std::path::Path;

/// One processed input record: its 1-based line (`#L<line>` of its source) and the document.
pub(crate) struct Processed {
    /// The line of the input record (1-based; 0 when the source names no line).
    pub(crate) line: usize,
    /// The document as `extract --json` prints it.
    pub(crate) doc: Document,
}

/// Reads `path` as JSON lines and processes every record; records that fail are skipped
/// with a message on standard error.
pub(crate) fn jsonl(path: &Path) -> anyhow::Result<Vec<Processed>> {
    let options = newsdesk_ingest::ReadOptions {
        format: Format::Jsonl,
        ..newsdesk_ingest::ReadOptions::default()
    };
    let mut raws = Vec::new();
    newsdesk_ingest::read_input(path, &options, &mut |item| match item {
        Ok(raw) => raws.push(raw),
        Err(e) => eprintln!("skipped: {e}"),
    });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = raws.len().div_ceil(threads.max(1)).max(1);
    let mut chunks: Vec<Vec<newsdesk_model::RawDocument>> = Vec::new();
    while !raws.is_empty() {
        let rest = raws.split_off(chunk.min(raws.len()));
        chunks.push(std::mem::replace(&mut raws, rest));
    }
    let config = newsdesk_normalise::Config::default();
    let extract_config = newsdesk_extract::Config::default();
    let results: Vec<Vec<Processed>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (config, extract_config) = (&config, &extract_config);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for raw in chunk {
                        let source = raw.source.clone();
                        match newsdesk_normalise::normalise(raw, config) {
                            Ok(article) => {
                                let extraction = newsdesk_extract::extract(&article, extract_config);
                                out.push(Processed {
                                    line: line_of(&article.source),
                                    doc: Document {
                                        article,
                                        extraction,
                                    },
                                });
                            }
                            Err(e) => eprintln!("skipped {source}: {e}"),
                        }
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    Ok(results.into_iter().flatten().collect())
}

/// The line number of a `path#L<line>` source, or 0.
pub(crate) fn line_of(source: &str) -> usize {
    source
        .rsplit_once("#L")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_from_sources() {
        for (source, line) in [("a.jsonl#L12", 12), ("a.jsonl", 0), ("x#Lfoo", 0)] {
            assert_eq!(line_of(source), line, "{source}");
        }
    }

    #[test]
    fn jsonl_records_are_processed_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "{\"text\": \"Erdogan met Putin in Moscow on Thursday.\"}\n\
             {\"text\": \"Two soldiers were killed in Idlib.\"}\n",
        )
        .unwrap();
        let docs = jsonl(&path).unwrap();
        let lines: Vec<usize> = docs.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2]);
        assert!(docs[0].doc.article.text.contains("Putin"));
    }
}

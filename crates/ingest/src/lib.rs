//! Reads newsdesk inputs into [`RawDocument`]s: files, directories (walked
//! recursively, sorted) and standard input, in the formats text, HTML, JSON
//! lines, WARC and RSS/Atom feeds. Containers are unwrapped into one raw
//! document per article with its provenance (path, record id, byte offset).
//!
//! STUB: the real implementation replaces this file, keeping the signatures.
#![warn(missing_docs)]

mod error;

pub use error::Error;
use newsdesk_model::{ContentKind, Format, RawDocument};
use std::path::{Path, PathBuf};

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The format to assume; `Auto` decides per file.
    pub format: Format,
    /// Documents (and JSON lines) larger than this are refused with an error.
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: Format::Auto,
            max_document_bytes: 20 * 1024 * 1024,
        }
    }
}

/// One item of the reader's stream: a document or an error naming the document.
pub type Item = Result<RawDocument, Error>;

/// Decides the format of a file from its name and first bytes; never returns `Auto`.
pub fn detect_format(name: &str, head: &[u8]) -> Format {
    let _ = head;
    if name.ends_with(".html") || name.ends_with(".htm") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Parses the bytes of one input (already read) and emits its documents in order.
pub fn parse_bytes(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) {
    let format = match options.format {
        Format::Auto => detect_format(source, bytes),
        f => f,
    };
    let kind = if format == Format::Html {
        ContentKind::Html
    } else {
        ContentKind::Text
    };
    emit(Ok(RawDocument {
        source: source.to_string(),
        kind,
        bytes: bytes.to_vec(),
        ..RawDocument::default()
    }));
}

/// Expands the command-line paths: files as given, directories walked recursively in
/// sorted order, `-` kept for standard input.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    paths.iter().map(|p| Ok(p.clone())).collect()
}

/// Reads every input on the current tokio runtime and sends its documents, in input
/// order, into a bounded channel of `capacity` items.
pub fn spawn_reader(
    paths: Vec<PathBuf>,
    options: ReadOptions,
    capacity: usize,
) -> tokio::sync::mpsc::Receiver<Item> {
    let (tx, rx) = tokio::sync::mpsc::channel(capacity.max(1));
    tokio::spawn(async move {
        for p in expand_paths(&paths) {
            let p = match p {
                Ok(p) => p,
                Err(e) => {
                    let _ = tx.send(Err(e)).await;
                    continue;
                }
            };
            let name = display(&p);
            match tokio::fs::read(&p).await {
                Ok(bytes) => {
                    let mut out = Vec::new();
                    parse_bytes(&name, &bytes, &options, &mut |i| out.push(i));
                    for i in out {
                        if tx.send(i).await.is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    let _ = tx
                        .send(Err(Error::Io {
                            document: name,
                            message: e.to_string(),
                        }))
                        .await;
                }
            }
        }
    });
    rx
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

//! The ingest error type: one variant per way a document can fail to be read.

/// Why a document (a file, or a record inside a container) could not be read.
///
/// Every error names the document it is about (see [`Error::document`]): a path, `-` for
/// standard input, or `path#record` for a record inside a container. The `Display` form is
/// always a single line that starts with that name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input could not be opened, listed or read.
    #[error("{document}: cannot read: {message}")]
    Io {
        /// The document (path) concerned.
        document: String,
        /// The operating system's message.
        message: String,
    },
    /// The document is larger than [`ReadOptions::max_document_bytes`](crate::ReadOptions).
    #[error("{document}: {}", too_large(*size, *limit))]
    TooLarge {
        /// The document concerned.
        document: String,
        /// Its size in bytes, when known without reading it all.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A gzip stream is corrupt or ends early; the documents decoded before were kept.
    #[error("{document}: gzip stream is corrupt or truncated: {message}")]
    Gzip {
        /// The document being decoded when the stream broke.
        document: String,
        /// The decoder's message.
        message: String,
    },
    /// A JSON line is not valid JSON, or not a JSON object.
    #[error("{document}: invalid JSON line: {message}")]
    Json {
        /// The line concerned (`path#L3`).
        document: String,
        /// The parser's message.
        message: String,
    },
    /// A record or item carries no article body in any of the fields the format allows.
    #[error("{document}: no article body (looked for {expected})")]
    NoBody {
        /// The record concerned.
        document: String,
        /// The fields that were looked for.
        expected: &'static str,
    },
    /// A WARC record is malformed; the reader resumed at the next `WARC/1.x` header.
    #[error("{document}: malformed WARC record at byte {offset}: {message}")]
    Warc {
        /// The file, or `path#<record-id>` when the record id could be read.
        document: String,
        /// Byte offset of the record (or of the junk) in the decompressed stream.
        offset: u64,
        /// What is wrong with it.
        message: String,
    },
    /// The HTTP message inside a WARC response record cannot be decoded.
    #[error("{document}: undecodable HTTP payload: {message}")]
    Http {
        /// The record concerned (`path#<record-id>`).
        document: String,
        /// What is wrong with it.
        message: String,
    },
    /// A feed is not well-formed XML from this point on; items before it were kept.
    #[error("{document}: malformed feed at byte {offset}: {message}")]
    Feed {
        /// The item being read (`path#item-3`), or the file.
        document: String,
        /// Byte offset of the error in the decoded (UTF-8) stream.
        offset: u64,
        /// The XML parser's message.
        message: String,
    },
}

impl Error {
    /// The document the error is about (a path, `-`, or `path#record`).
    pub fn document(&self) -> &str {
        match self {
            Error::Io { document, .. }
            | Error::TooLarge { document, .. }
            | Error::Gzip { document, .. }
            | Error::Json { document, .. }
            | Error::NoBody { document, .. }
            | Error::Warc { document, .. }
            | Error::Http { document, .. }
            | Error::Feed { document, .. } => document,
        }
    }
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("document of {size} bytes exceeds the limit of {limit} bytes"),
        None => format!("document exceeds the limit of {limit} bytes"),
    }
}

/// Makes input-derived text safe for a one-line message: control characters become
/// spaces and long text is cut with an ellipsis.
pub(crate) fn one_line(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_line_and_starts_with_the_document() {
        let cases = [
            (
                Error::TooLarge {
                    document: "big.txt".into(),
                    size: Some(30),
                    limit: 20,
                },
                "big.txt: document of 30 bytes exceeds the limit of 20 bytes",
            ),
            (
                Error::TooLarge {
                    document: "-".into(),
                    size: None,
                    limit: 20,
                },
                "-: document exceeds the limit of 20 bytes",
            ),
            (
                Error::NoBody {
                    document: "a.jsonl#L2".into(),
                    expected: "`text`",
                },
                "a.jsonl#L2: no article body (looked for `text`)",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
            assert!(error.to_string().starts_with(error.document()));
        }
    }

    #[test]
    fn one_line_strips_controls_and_cuts() {
        assert_eq!(one_line("a\r\nb", 10), "a  b");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }
}

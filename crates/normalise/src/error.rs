//! The normalise error type.

/// Why a document has no usable article text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document is empty or holds only whitespace.
    #[error("{document}: empty document")]
    Empty {
        /// The document concerned.
        document: String,
    },
    /// The bytes are not text: NUL bytes or many control characters near the start.
    #[error("{document}: binary content, not text")]
    Binary {
        /// The document concerned.
        document: String,
    },
    /// The bytes mix valid UTF-8 with invalid sequences and declare no legacy charset.
    #[error("{document}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The document concerned.
        document: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The document exceeds the size limit of [`crate::Config::max_text_bytes`].
    #[error("{document}: document too large ({size} bytes, limit {limit})")]
    TooLarge {
        /// The document concerned.
        document: String,
        /// The size found (raw or decoded bytes).
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Nothing was left once markup and boilerplate were removed.
    #[error("{document}: no article text found")]
    NoText {
        /// The document concerned.
        document: String,
    },
}

impl Error {
    /// The document the error is about.
    pub fn document(&self) -> &str {
        match self {
            Error::Empty { document }
            | Error::Binary { document }
            | Error::InvalidUtf8 { document, .. }
            | Error::TooLarge { document, .. }
            | Error::NoText { document } => document,
        }
    }
}

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
}

impl Error {
    /// The document the error is about.
    pub fn document(&self) -> &str {
        match self {
            Error::Empty { document } => document,
        }
    }
}

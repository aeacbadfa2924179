//! The ingest error type.

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{document}: {message}")]
    Io {
        /// The document (path) concerned.
        document: String,
        /// The operating system's message.
        message: String,
    },
}

impl Error {
    /// The document the error is about (a path, or `path#record`).
    pub fn document(&self) -> &str {
        match self {
            Error::Io { document, .. } => document,
        }
    }
}

//! The crate's error type (extraction itself never fails; only loading a tagger model can).
use thiserror::Error;

/// What went wrong loading an entity-tagger model.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The model bytes could not be decompressed.
    #[error("entity model {name}: cannot decompress: {reason}")]
    Decompress {
        /// Which model (`builtin` or a path).
        name: String,
        /// The decoder's message.
        reason: String,
    },
    /// The model bytes are not a model of this version, or are truncated.
    #[error("entity model {name}: bad format at byte {offset}: {what}")]
    Format {
        /// Which model (`builtin` or a path).
        name: String,
        /// Byte offset into the decompressed model.
        offset: usize,
        /// What was expected there.
        what: &'static str,
    },
}

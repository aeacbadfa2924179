//! The index error type.

/// What went wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Not yet implemented.
    #[error("not implemented")]
    Unimplemented,
}

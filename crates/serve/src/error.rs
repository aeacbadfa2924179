//! The serve error type.

use std::net::SocketAddr;
use std::path::PathBuf;

/// What stopped the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index could not be opened.
    #[error("cannot open index {}: {source}", dir.display())]
    Open {
        /// The index directory.
        dir: PathBuf,
        /// Why.
        #[source]
        source: newsdesk_index::Error,
    },
    /// The address could not be bound (in use, not local, no permission).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The async runtime could not start, or the server failed while running.
    #[error("server failed: {source}")]
    Io {
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
}

//! The index error type.

use std::path::PathBuf;

/// What went wrong with the index.
///
/// Every variant names the index directory or the query it concerns; messages
/// are lowercase and fit on one line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index directory (or a file in it) could not be created, read or written.
    #[error("cannot access index directory {}: {source}", dir.display())]
    Io {
        /// The index directory.
        dir: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// [`Index::open`](crate::Index::open) was given a directory that does not exist.
    #[error("no index at {}: the directory does not exist", dir.display())]
    NotFound {
        /// The directory that was asked for.
        dir: PathBuf,
    },
    /// The path exists but holds something other than a newsdesk index.
    #[error("{} is not a newsdesk index: {reason}", dir.display())]
    NotAnIndex {
        /// The directory that was asked for.
        dir: PathBuf,
        /// Why it is not one.
        reason: &'static str,
    },
    /// The index was written by a newsdesk with another schema version.
    #[error(
        "index at {} has schema version {found}, this newsdesk expects {expected}; \
         re-create it with `newsdesk ingest` into a new directory",
        dir.display()
    )]
    SchemaVersion {
        /// The index directory.
        dir: PathBuf,
        /// The version recorded in the index.
        found: u32,
        /// The version this build writes and reads.
        expected: u32,
    },
    /// The index claims the expected schema version but its fields differ.
    #[error(
        "index at {} does not have the schema this newsdesk expects (field `{field}` differs); \
         re-create it with `newsdesk ingest` into a new directory",
        dir.display()
    )]
    SchemaMismatch {
        /// The index directory.
        dir: PathBuf,
        /// The first field found to differ.
        field: String,
    },
    /// [`Index::merge`](crate::Index::merge) was given a target that is not new or empty.
    #[error(
        "cannot merge into {}: {reason}; merge writes a new index into a new or empty directory",
        dir.display()
    )]
    MergeInto {
        /// The target directory.
        dir: PathBuf,
        /// Why it cannot take the merged index.
        reason: &'static str,
    },
    /// Another writer (normally another newsdesk process) holds the index lock.
    #[error("index {} is locked by another newsdesk process", dir.display())]
    Locked {
        /// The index directory.
        dir: PathBuf,
    },
    /// The query is not valid Tantivy query syntax for this schema.
    #[error("invalid query `{query}`: {message}")]
    Query {
        /// The query as the user wrote it.
        query: String,
        /// What is wrong with it, on one line.
        message: String,
    },
    /// A document cannot be indexed (it has no id, for instance).
    #[error("cannot index document from {origin}: {reason}")]
    InvalidDocument {
        /// The document's source.
        origin: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A stored document could not be decoded.
    #[error("index {}: stored document {id} is unreadable: {source}", dir.display())]
    Corrupt {
        /// The index directory.
        dir: PathBuf,
        /// The id of the document (empty when even that is unreadable).
        id: String,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// The stored stories (files under `stories/` in the index directory) are unreadable.
    #[error("index {}: the stored stories are unreadable ({what}); run `newsdesk ingest` again to rebuild them", dir.display())]
    StoriesCorrupt {
        /// The index directory.
        dir: PathBuf,
        /// Which file or record, and why.
        what: String,
    },
    /// Tantivy reported an error.
    #[error("index {}: {source}", dir.display())]
    Tantivy {
        /// The index directory.
        dir: PathBuf,
        /// The Tantivy error.
        #[source]
        source: tantivy::TantivyError,
    },
}

//! The newsdesk search index on Tantivy: schema, idempotent upsert by content
//! id, atomic commits, search with highlighted snippets, entity facets and
//! quote listings.
//!
//! STUB: the real implementation replaces this file, keeping the signatures.
#![warn(missing_docs)]

mod error;

pub use error::Error;
use newsdesk_model::{Document, Label};
use std::path::Path;

/// An open index directory.
pub struct Index {
    _private: (),
}

/// Writes documents into an [`Index`]; only one may exist per index at a time.
pub struct Writer {
    _private: (),
}

/// What [`Writer::upsert`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// A new document was added.
    Added,
    /// A document with the same content id is already indexed: nothing written.
    Unchanged,
    /// A different version of the same source was replaced.
    Replaced,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// The document id.
    pub id: String,
    /// Where the document came from.
    pub source: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// The relevance score.
    pub score: f32,
    /// A passage with matched terms between `<b>` and `</b>`.
    pub snippet: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// Options for [`Index::search`].
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The most hits to return.
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10 }
    }
}

/// How often an entity occurs among matching documents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetCount {
    /// The entity label.
    pub label: Label,
    /// The canonical entity name.
    pub name: String,
    /// The number of matching documents naming it.
    pub documents: u64,
}

/// A quote found in the index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuoteHit {
    /// The document id.
    pub id: String,
    /// The document source.
    pub source: String,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The publication date, if known.
    pub published: Option<String>,
    /// The speaker, if known.
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
}

impl Index {
    /// Opens the index in `dir`, creating it (and the directory) if absent.
    pub fn create_or_open(dir: &Path) -> Result<Index, Error> {
        let _ = dir;
        Err(Error::Unimplemented)
    }

    /// Opens an existing index; an error if there is none.
    pub fn open(dir: &Path) -> Result<Index, Error> {
        let _ = dir;
        Err(Error::Unimplemented)
    }

    /// Takes the index writer with a memory budget in bytes; fails with
    /// [`Error::Locked`] when another process holds it.
    pub fn writer(&self, memory_bytes: usize) -> Result<Writer, Error> {
        let _ = memory_bytes;
        Err(Error::Unimplemented)
    }

    /// Runs a query in Tantivy syntax, best hits first.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<Hit>, Error> {
        let _ = (query, options);
        Err(Error::Unimplemented)
    }

    /// The stored document with this id.
    pub fn get(&self, id: &str) -> Result<Option<Document>, Error> {
        let _ = id;
        Err(Error::Unimplemented)
    }

    /// The most frequent entities per label among documents matching `query` (all when `None`).
    pub fn entity_facets(&self, query: Option<&str>, top: usize) -> Result<Vec<FacetCount>, Error> {
        let _ = (query, top);
        Err(Error::Unimplemented)
    }

    /// Quotes from documents matching `query`, optionally only those of `speaker`.
    pub fn quotes(
        &self,
        query: Option<&str>,
        speaker: Option<&str>,
        limit: usize,
    ) -> Result<Vec<QuoteHit>, Error> {
        let _ = (query, speaker, limit);
        Err(Error::Unimplemented)
    }

    /// The number of documents in the last commit.
    pub fn num_docs(&self) -> u64 {
        0
    }
}

impl Writer {
    /// Adds `doc` unless a document with its id is already indexed or pending.
    pub fn upsert(&mut self, doc: &Document) -> Result<Upsert, Error> {
        let _ = doc;
        Err(Error::Unimplemented)
    }

    /// Commits everything written so far atomically.
    pub fn commit(&mut self) -> Result<(), Error> {
        Err(Error::Unimplemented)
    }
}

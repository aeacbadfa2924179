//! newsdesk's pipeline as a library: the wiring of ingest, normalise, extract, index and
//! stories that the `newsdesk` binary runs, for other front ends (the Python package, the
//! HTTP server, the shard merge) to reuse instead of copying it.
//!
//! [`extract`] and [`ingest`] run the streaming pipeline over paths (tokio readers, rayon
//! workers, one consumer in input order), as `newsdesk extract` and `newsdesk ingest` do;
//! [`extract_bytes`] and [`extract_many`] (or [`extract_many_json`], which also serialises
//! on the workers) process documents already in memory. Failures
//! never stop a run: each is one message naming the document, kept in
//! [`Summary::failures`] (and printed on standard error unless [`Options::quiet`]).
//!
//! This is the application layer: its errors are [`anyhow`] chains with context, as the
//! binary prints them, not a library error enum; the stage crates below it keep theirs.
//!
//! ```
//! use newsdesk_cli::{extract_bytes, Options};
//!
//! let text = "Turkey and Russia agreed a ceasefire in Idlib on Thursday, officials said.";
//! let options = Options { published: chrono::NaiveDate::from_ymd_opt(2020, 3, 7), ..Options::default() };
//! let docs = extract_bytes("-", text.as_bytes(), &options);
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.article.source, "-");
//! assert!(doc.extraction.dates.iter().any(|d| d.value == "2020-03-05"));
//!
//! let empty = extract_bytes("empty.txt", b"", &Options::default());
//! assert!(empty[0].as_ref().unwrap_err().contains("empty.txt"));
//! ```
#![warn(missing_docs)]

mod cores;
mod pipeline;
mod stories;

use chrono::NaiveDate;
use newsdesk_model::Format;

pub use pipeline::{extract, extract_bytes, extract_many, extract_many_json, ingest};
pub use stories::{Beside, Updated as StoriesUpdated, update as update_stories};

/// How documents are read and processed, for every entry point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Input format; `Auto` decides per input from its name and first bytes.
    pub format: Format,
    /// Publication date assumed for documents that carry none of their own.
    pub published: Option<NaiveDate>,
    /// Cores to use: this many worker threads, and as many Tantivy indexing threads at
    /// most. `None`: every core.
    pub threads: Option<usize>,
    /// Also confine the run's threads to the first [`Options::threads`] cores the process
    /// may use (Linux; the caller's thread is left as it was), so that the reader, the
    /// writer and Tantivy's threads keep to the bound too. For measurements: runs started
    /// side by side with it share those same cores.
    pub pin_cores: bool,
    /// Print nothing on standard error (no per-document errors, progress or summary
    /// lines); failures are still collected in [`Summary::failures`].
    pub quiet: bool,
}

/// How [`ingest`] writes the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Commit after this many new documents; a crash loses at most the work since then.
    pub commit_every: u64,
    /// Bring the stored stories up to date after the last commit.
    pub stories: bool,
    /// Compute and store each new document's stories profile even without
    /// [`IngestOptions::stories`], so that a later grouping (a `merge` of shards, or an
    /// ingest with stories) reads them instead of computing them on one thread.
    pub profiles: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            commit_every: 10_000,
            stories: true,
            profiles: true,
        }
    }
}

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Documents read (good and bad).
    pub read: usize,
    /// Documents that failed at any stage.
    pub failed: usize,
    /// Documents added to the index (or handed to the sink, for extract).
    pub indexed: usize,
    /// Documents already in the index, skipped.
    pub unchanged: usize,
    /// Documents that went through extraction (an input already processed, or whose
    /// cleaned text is a document already indexed, is not extracted again).
    pub extracted: usize,
    /// Documents that replaced an earlier version from the same source.
    pub replaced: usize,
    /// One line per failed document, naming it, in input order.
    pub failures: Vec<String>,
    /// Why updating the stories failed, when it did (the documents are indexed all the same).
    pub stories_error: Option<String>,
}

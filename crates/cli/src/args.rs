//! Command-line arguments.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use newsdesk_model::Format;
use std::path::PathBuf;

/// Turn piles of news articles into a searchable, structured archive.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print what each document contains (NDJSON with --json), building no index.
    Extract(ExtractArgs),
    /// Read, clean, extract and index documents; unchanged documents are skipped.
    Ingest(IngestArgs),
    /// Merge shard indexes (written by ingest) into one new index, one copy per document.
    Merge(crate::merge::MergeArgs),
    /// Search the index with Tantivy query syntax.
    Search(SearchArgs),
    /// Print one stored document by id.
    Show(ShowArgs),
    /// List the most frequent entities per label among documents matching a query.
    Entities(EntitiesArgs),
    /// List quotes, with speaker, outlet and date, from documents matching a query.
    Quotes(QuotesArgs),
    /// List stories: documents that report the same event, why, and their facts across outlets.
    Stories(StoriesArgs),
    /// Serve the archive in a browser (search, facets, documents, stories) and a JSON API under /api/.
    Serve(ServeArgs),
}

/// Options shared by the commands that read documents.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Input format; `auto` decides from the extension and the first bytes.
    #[arg(long, default_value = "auto", value_parser = parse_format)]
    pub(crate) format: Format,
    /// Publication date assumed for documents that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub(crate) published: Option<NaiveDate>,
    /// Cores to use: worker threads for cleaning and extraction, and as many Tantivy indexing threads at most (1 = sequential; default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(crate) threads: Option<u16>,
    /// Pin the whole process to the first N cores of --threads N (Linux), reader, writer and Tantivy threads included: for measurements, not for runs side by side, which would share those cores.
    #[arg(long, requires = "threads")]
    pub(crate) pin_cores: bool,
    /// Files, directories (walked recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
}

impl InputArgs {
    /// The pipeline's options these arguments ask for.
    pub(crate) fn options(&self) -> newsdesk_cli::Options {
        newsdesk_cli::Options {
            format: self.format,
            published: self.published,
            threads: self.threads.map(usize::from),
            pin_cores: self.pin_cores,
            quiet: false,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// One JSON object per document (NDJSON).
    #[arg(long)]
    pub(crate) json: bool,
    #[command(flatten)]
    pub(crate) input: InputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct IngestArgs {
    /// The index directory (created if absent).
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// Commit after this many new documents; a crash loses at most the work since the last commit.
    #[arg(long, default_value_t = 10_000, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) commit_every: u64,
    /// Do not update the stories (nor compute profiles); a later ingest without it catches up.
    #[arg(long, conflicts_with = "defer_stories")]
    pub(crate) no_stories: bool,
    /// Store each document's stories profile but do not group: for shards, which `newsdesk merge` groups over their union (a later ingest catches up too).
    #[arg(long)]
    pub(crate) defer_stories: bool,
    #[command(flatten)]
    pub(crate) input: InputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// One JSON object per hit (NDJSON), best first.
    #[arg(long)]
    pub(crate) json: bool,
    /// The most hits to print.
    #[arg(long, default_value_t = 10)]
    pub(crate) limit: usize,
    /// Show every near-duplicate copy (by default copies of one report are collapsed into one hit).
    #[arg(long)]
    pub(crate) all: bool,
    /// Tantivy query: terms, "phrases", AND/OR/-, field:value, published:[A TO B], story:ID.
    #[arg(value_name = "QUERY")]
    pub(crate) query: String,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// The whole stored record as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// The document id (as printed by search).
    pub(crate) id: String,
}

#[derive(Debug, Args)]
pub(crate) struct EntitiesArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// One JSON object per entity (NDJSON).
    #[arg(long)]
    pub(crate) json: bool,
    /// How many entities to list per label.
    #[arg(long, default_value_t = 10)]
    pub(crate) top: usize,
    /// Only count documents matching this query (all documents when absent).
    pub(crate) query: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct QuotesArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// One JSON object per quote (NDJSON).
    #[arg(long)]
    pub(crate) json: bool,
    /// Only quotes by this speaker (a name or surname).
    #[arg(long)]
    pub(crate) speaker: Option<String>,
    /// The most quotes to print.
    #[arg(long, default_value_t = 50)]
    pub(crate) limit: usize,
    /// List claims (reported speech: `X said that ...`) beside the quotes.
    #[arg(long)]
    pub(crate) claims: bool,
    /// Only documents matching this query (all documents when absent).
    pub(crate) query: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct StoriesArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) index: PathBuf,
    /// One JSON object per story (NDJSON).
    #[arg(long)]
    pub(crate) json: bool,
    /// Only stories with at least this many documents (1 lists singletons too).
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub(crate) min_size: usize,
    /// The most stories to print, largest first (default: all).
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,
    /// Only stories with a document matching this query (Tantivy syntax, as search).
    pub(crate) query: Option<String>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>().map_err(|e| e.to_string())
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The index directory (opened read-only; reloaded when an ingest commits).
    #[arg(long)]
    pub(crate) index: PathBuf,
    /// Address to listen on; anything but loopback is served with a warning (there is no authentication).
    #[arg(long, default_value_t = newsdesk_serve::DEFAULT_ADDR)]
    pub(crate) addr: std::net::SocketAddr,
}

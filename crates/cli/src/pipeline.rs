//! The streaming pipeline: tokio readers feed a bounded channel, rayon workers
//! normalise and extract in batches (and, for ingest, compute each document's
//! stories profile), and one consumer handles the results in input order
//! (printing them, or writing them into the index). After the last commit,
//! ingest brings the stored stories up to date (`crate::stories::update`).

use crate::args::InputArgs;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdesk_index::Upsert;
use newsdesk_model::{Document, RawDocument};
use newsdesk_stories::Profile;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

/// Documents waiting between the readers and the workers.
const CHANNEL_CAPACITY: usize = 256;
/// Documents handed to the workers at once, per thread.
const BATCH_PER_THREAD: usize = 256;
/// Memory budget of the index writer.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    /// Documents read (good and bad).
    pub(crate) read: usize,
    /// Documents that failed at any stage.
    pub(crate) failed: usize,
    /// Documents added to the index (or printed, for extract).
    pub(crate) indexed: usize,
    /// Documents already in the index, skipped.
    pub(crate) unchanged: usize,
    /// Documents that replaced an earlier version from the same source.
    pub(crate) replaced: usize,
    /// Whether updating the stories failed (the documents are indexed all the same).
    pub(crate) stories_failed: bool,
}

/// `newsdesk extract`: print one record per document.
pub(crate) fn extract(input: &InputArgs, json: bool) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let colour = std::io::stdout().is_terminal();
    let threads = threads(input);
    let summary = run(
        input,
        threads,
        None,
        false,
        &mut |doc, _key, _profile, _progress| {
            let text = if json {
                let mut line = serde_json::to_string(doc).context("cannot serialise a document")?;
                line.push('\n');
                line
            } else {
                crate::output::document_summary(doc, colour)
            };
            crate::stdout_write(text.as_bytes())?;
            Ok(Upsert::Added)
        },
    )?;
    if std::io::stderr().is_terminal() {
        eprintln!("{}", summary_line(&summary, start.elapsed(), false));
    }
    Ok(summary)
}

/// `newsdesk ingest`: write every document into the index, then (with `stories`)
/// bring the stored stories up to date.
pub(crate) fn ingest(
    input: &InputArgs,
    dir: &Path,
    commit_every: u64,
    stories: bool,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    // Before the writer starts Tantivy's indexing threads, so that they keep to the bound.
    let threads = threads(input);
    let index = newsdesk_index::Index::create_or_open(dir)
        .with_context(|| format!("cannot open index {}", dir.display()))?;
    let mut writer = index.writer(WRITER_MEMORY)?;
    let mut since_commit = 0u64;
    let known = index
        .input_keys()
        .with_context(|| format!("cannot read the index {}", dir.display()))?;
    // Profiles of the documents this run adds, so that grouping a fresh index reads nothing back.
    let mut fresh: HashMap<String, Profile> = HashMap::new();
    let mut summary = run(
        input,
        threads,
        Some(&known),
        stories,
        &mut |doc, key, profile, progress| {
            let outcome = writer
                .upsert_profiled(doc, Some(key), profile)
                .with_context(|| format!("{}: cannot index document", doc.article.source))?;
            if outcome != Upsert::Unchanged {
                since_commit += 1;
                if let Some(p) = profile {
                    fresh.insert(doc.article.id.clone(), p.clone());
                }
            }
            if since_commit >= commit_every {
                progress.set_message("committing");
                writer.commit().context("commit failed")?;
                since_commit = 0;
            }
            Ok(outcome)
        },
    )?;
    writer.commit().context("commit failed")?;
    let stories_start = Instant::now();
    let stories = if stories {
        crate::stories::update(&index, &mut writer, fresh)
    } else {
        Ok(crate::stories::Updated::default())
    };
    drop(writer);
    drop(index);
    match stories {
        Ok(u) if u.written.written => eprintln!(
            "stories: {} documents added{}, {} stories, {} records rebuilt in {:.2}s",
            u.added,
            if u.regrouped { " (grouped anew)" } else { "" },
            u.written.stories,
            u.written.rebuilt,
            stories_start.elapsed().as_secs_f64()
        ),
        Ok(_) => {}
        Err(e) => {
            eprintln!("error: stories not updated: {e:#}");
            summary.stories_failed = true;
        }
    }
    eprintln!("{}", summary_line(&summary, start.elapsed(), true));
    Ok(summary)
}

fn summary_line(s: &Summary, elapsed: Duration, ingest: bool) -> String {
    let mut line = format!("read {} documents", s.read);
    if ingest {
        line.push_str(&format!(
            ": {} indexed, {} replaced, {} unchanged, {} failed",
            s.indexed, s.replaced, s.unchanged, s.failed
        ));
    } else {
        line.push_str(&format!(": {} extracted, {} failed", s.indexed, s.failed));
    }
    line.push_str(&format!(" in {:.2}s", elapsed.as_secs_f64()));
    line
}

/// A processed item.
enum Processed {
    /// A cleaned and extracted document, with the fingerprint of its input and,
    /// for ingest, its stories profile.
    Done(Box<Document>, u64, Option<Box<Profile>>),
    /// An input already in the index, unchanged: not processed again.
    Known,
    /// A one-line error naming the document.
    Failed(String),
}

/// What receives each good document in input order: the document, its input
/// fingerprint and (for ingest) its stories profile; it says what it did.
type Sink<'a> =
    dyn FnMut(&Document, u64, Option<&Profile>, &ProgressBar) -> anyhow::Result<Upsert> + Send + 'a;

/// Salt of the input fingerprints: a new version of newsdesk processes every input again.
const KEY_SALT: &str = concat!("newsdesk ", env!("CARGO_PKG_VERSION"));

/// A fingerprint of an input document and of the settings that shape its
/// processing; equal fingerprints give equal documents.
fn input_key(raw: &RawDocument, published: Option<chrono::NaiveDate>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut field = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(KEY_SALT.as_bytes());
    field(raw.source.as_bytes());
    field(&[raw.kind as u8]);
    field(&raw.bytes);
    for opt in [
        &raw.charset,
        &raw.title,
        &raw.url,
        &raw.published,
        &raw.outlet,
    ] {
        match opt {
            Some(v) => field(v.as_bytes()),
            None => field(&[0xff]),
        }
    }
    field(
        published
            .map(|d| d.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    h.digest()
}

/// The number of workers `--threads` asks for (default: every core); when
/// that is fewer than the cores available, the process is first confined to
/// that many cores (see [`crate::cores`]).
fn threads(input: &InputArgs) -> usize {
    match input.threads {
        Some(n) => {
            crate::cores::confine(usize::from(n));
            usize::from(n)
        }
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Reads, cleans and extracts every input on `threads` workers (from [`threads`]),
/// calling `sink` for each good document in input order; failures are reported on
/// standard error and counted.
///
/// With `known`, inputs whose fingerprint is in it are counted as unchanged
/// without being processed. With `profiles`, each document's stories profile is
/// computed beside its extraction, on the workers.
fn run(
    input: &InputArgs,
    threads: usize,
    known: Option<&HashSet<u64>>,
    profiles: bool,
    sink: &mut Sink<'_>,
) -> anyhow::Result<Summary> {
    let pool = if threads > 1 {
        Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("newsdesk-worker-{i}"))
                .build()
                .context("cannot start worker threads")?,
        )
    } else {
        None
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("newsdesk-reader")
        .enable_all()
        .build()
        .context("cannot start the reader runtime")?;
    let options = newsdesk_ingest::ReadOptions {
        format: input.format,
        ..newsdesk_ingest::ReadOptions::default()
    };
    let paths = input.paths.clone();
    let mut rx = runtime
        .block_on(async move { newsdesk_ingest::spawn_reader(paths, options, CHANNEL_CAPACITY) });
    let normalise_config = newsdesk_normalise::Config {
        default_published: input.published,
        ..newsdesk_normalise::Config::default()
    };
    let extract_config = newsdesk_extract::Config::default();
    let progress = progress_bar();
    let batch_size = BATCH_PER_THREAD * threads;
    let process = |item: newsdesk_ingest::Item| -> Processed {
        let raw = match item {
            Ok(raw) => raw,
            Err(e) => return Processed::Failed(e.to_string()),
        };
        let key = input_key(&raw, input.published);
        if known.is_some_and(|k| k.contains(&key)) {
            return Processed::Known;
        }
        match newsdesk_normalise::normalise(raw, &normalise_config) {
            Ok(article) => {
                let extraction = newsdesk_extract::extract(&article, &extract_config);
                let doc = Document {
                    article,
                    extraction,
                };
                let profile = profiles.then(|| Box::new(newsdesk_stories::profile(&doc)));
                Processed::Done(Box::new(doc), key, profile)
            }
            Err(e) => Processed::Failed(e.to_string()),
        }
    };
    // The sink runs on its own thread so that writing batch N overlaps the
    // processing of batch N+1; two batches at most wait between them.
    let summary = std::thread::scope(|scope| -> anyhow::Result<Summary> {
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(2);
        let sink_progress = progress.clone();
        let sink_thread = scope.spawn(move || -> anyhow::Result<Summary> {
            let progress = sink_progress;
            let mut summary = Summary::default();
            for results in done_rx {
                for result in results {
                    summary.read += 1;
                    progress.inc(1);
                    match result {
                        Processed::Done(doc, key, profile) => {
                            match sink(&doc, key, profile.as_deref(), &progress)? {
                                Upsert::Added => summary.indexed += 1,
                                Upsert::Replaced => summary.replaced += 1,
                                Upsert::Unchanged => summary.unchanged += 1,
                            }
                        }
                        Processed::Known => summary.unchanged += 1,
                        Processed::Failed(message) => {
                            summary.failed += 1;
                            progress.suspend(|| eprintln!("error: {}", message.replace('\n', " ")));
                        }
                    }
                }
                progress.set_message(format!("{} failed", summary.failed));
            }
            Ok(summary)
        });
        let mut batch = Vec::with_capacity(batch_size);
        while let Some(first) = rx.blocking_recv() {
            batch.push(first);
            while batch.len() < batch_size {
                match rx.try_recv() {
                    Ok(item) => batch.push(item),
                    Err(_) => break,
                }
            }
            let items = std::mem::take(&mut batch);
            let results: Vec<Processed> = match &pool {
                Some(pool) => pool.install(|| items.into_par_iter().map(process).collect()),
                None => items.into_iter().map(process).collect(),
            };
            if done_tx.send(results).is_err() {
                // The sink stopped on an error; its result says which.
                break;
            }
        }
        drop(done_tx);
        sink_thread
            .join()
            .map_err(|_| anyhow::anyhow!("the writing thread panicked"))?
    })?;
    progress.finish_and_clear();
    drop(rx);
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(summary)
}

/// A spinner on standard error when it is a terminal; hidden in pipes.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

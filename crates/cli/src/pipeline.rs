//! The streaming pipeline: tokio readers feed a bounded channel, rayon workers
//! normalise and extract in batches (and, for ingest, compute each document's
//! stories profile), and one consumer handles the results in input order
//! (handing them to a sink, or writing them into the index). After the last
//! commit, ingest brings the stored stories up to date (`crate::stories::update`).
//! Documents in memory take a short path through the same stages.

use crate::{IngestOptions, Options, Summary};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdesk_index::Upsert;
use newsdesk_model::{Document, RawDocument};
use newsdesk_stories::Profile;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Documents waiting between the readers and the workers.
const CHANNEL_CAPACITY: usize = 256;
/// Documents handed to the workers at once, per thread.
const BATCH_PER_THREAD: usize = 256;
/// Memory budget of the index writer.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;

/// `newsdesk extract`: reads, cleans and extracts every document of `paths` and hands
/// each good one to `sink`, in input order; a sink error stops the run.
pub fn extract(
    paths: &[PathBuf],
    options: &Options,
    sink: &mut (dyn FnMut(&Document) -> anyhow::Result<()> + Send),
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let summary = confined(options, |threads| {
        run(
            paths,
            options,
            threads,
            None,
            false,
            &mut |out, _progress| {
                let Output::Document(doc, _key, _profile) = out else {
                    return Ok(None);
                };
                sink(doc)?;
                Ok(Some(Upsert::Added))
            },
        )
    })??;
    if !options.quiet && std::io::stderr().is_terminal() {
        eprintln!("{}", summary_line(&summary, start.elapsed(), false));
    }
    Ok(summary)
}

/// `newsdesk ingest`: writes every document of `paths` into the index at `dir` (created
/// if absent; unchanged inputs are skipped), then (with [`IngestOptions::stories`])
/// brings the stored stories up to date.
pub fn ingest(
    paths: &[PathBuf],
    dir: &Path,
    options: &Options,
    ingest: &IngestOptions,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    // The index is opened on the run's thread, so that Tantivy's indexing
    // threads keep to the bound when the run is pinned.
    let summary = confined(options, |threads| {
        ingest_on(paths, dir, options, ingest, threads)
    })??;
    if !options.quiet {
        eprintln!("{}", summary_line(&summary, start.elapsed(), true));
    }
    Ok(summary)
}

fn ingest_on(
    paths: &[PathBuf],
    dir: &Path,
    options: &Options,
    ingest: &IngestOptions,
    threads: usize,
) -> anyhow::Result<Summary> {
    let index = newsdesk_index::Index::create_or_open(dir)
        .with_context(|| format!("cannot open index {}", dir.display()))?;
    let mut writer = index.writer_on(WRITER_MEMORY, threads)?;
    let mut since_commit = 0u64;
    let known = index
        .input_keys()
        .with_context(|| format!("cannot read the index {}", dir.display()))?;
    // Profiles of the documents this run adds, so that grouping a fresh index reads nothing back.
    let mut fresh: HashMap<String, Profile> = HashMap::new();
    let commit_every = ingest.commit_every;
    // An index empty at the start holds no document of this run's inputs but those the
    // writer itself tells apart.
    let empty = index.num_docs() == 0;
    let indexed = |id: &str| !empty && index.contains(id).unwrap_or(false);
    let mut summary = run(
        paths,
        options,
        threads,
        Some(Known {
            inputs: &known,
            documents: &indexed,
        }),
        ingest.stories || ingest.profiles,
        &mut |out, progress| {
            let (doc, key, profile) = match out {
                Output::Document(doc, key, profile) => (doc, key, profile),
                Output::Indexed(id, key) => {
                    // Already indexed from another input: only its key is recorded,
                    // unless the document was replaced meanwhile.
                    return Ok(writer
                        .record_input_key(id, key)
                        .context("cannot record an input key")?
                        .then_some(Upsert::Unchanged));
                }
            };
            let outcome = writer
                .upsert_profiled(doc, Some(key), profile)
                .with_context(|| format!("{}: cannot index document", doc.article.source))?;
            if outcome == Upsert::Unchanged {
                // A copy of a document this run or an earlier one indexed: its key is
                // recorded, so that the next run skips it before cleaning.
                writer
                    .record_input_key(&doc.article.id, key)
                    .context("cannot record an input key")?;
            }
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
            Ok(Some(outcome))
        },
    )?;
    writer.commit().context("commit failed")?;
    let stories_start = Instant::now();
    let stories = if ingest.stories {
        // Grouping and the story records run on `threads` workers, like the documents.
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("newsdesk-stories-{i}"))
            .build()
            .context("cannot start worker threads")
            .and_then(|pool| pool.install(|| crate::stories::update(&index, &mut writer, fresh)))
    } else {
        Ok(crate::stories::Updated::default())
    };
    drop(writer);
    drop(index);
    match stories {
        Ok(u) if u.written.written && !options.quiet => eprintln!(
            "stories: {} documents added{}, {} stories, {} records rebuilt in {:.2}s",
            u.added,
            if u.regrouped { " (grouped anew)" } else { "" },
            u.written.stories,
            u.written.rebuilt,
            stories_start.elapsed().as_secs_f64()
        ),
        Ok(_) => {}
        Err(e) => {
            if !options.quiet {
                eprintln!("error: stories not updated: {e:#}");
            }
            summary.stories_error = Some(format!("stories not updated: {e:#}"));
        }
    }
    Ok(summary)
}

/// Cleans and extracts the documents of one input already in memory (`source` names it,
/// and takes part in format detection as a file name would), in order: one result per
/// document, an error being one line naming the document. A container (JSON lines,
/// WARC, feed) gives one result per record; [`Options::threads`] is not used.
pub fn extract_bytes(
    source: &str,
    bytes: &[u8],
    options: &Options,
) -> Vec<Result<Document, String>> {
    let configs = Configs::new(options);
    let mut out = Vec::new();
    parse(source, bytes, options, &mut |item| {
        out.push(configs.document(item))
    });
    out
}

/// [`extract_bytes`] over many inputs (`(source, bytes)` pairs) on [`Options::threads`]
/// rayon workers (default: every core), without confining the caller; the results are
/// in input order, one list per input.
pub fn extract_many(
    inputs: &[(&str, &[u8])],
    options: &Options,
) -> anyhow::Result<Vec<Vec<Result<Document, String>>>> {
    map_many(inputs, options, &Ok)
}

/// [`extract_many`] with each document serialised on the workers, as the line
/// `newsdesk extract --json` prints for it (without the newline).
pub fn extract_many_json(
    inputs: &[(&str, &[u8])],
    options: &Options,
) -> anyhow::Result<Vec<Vec<Result<String, String>>>> {
    map_many(inputs, options, &|doc| {
        serde_json::to_string(&doc)
            .map_err(|e| format!("{}: cannot serialise the document: {e}", doc.article.source))
    })
}

/// Extracts many inputs on the workers, mapping each good document with `f` there.
fn map_many<T: Send>(
    inputs: &[(&str, &[u8])],
    options: &Options,
    f: &(dyn Fn(Document) -> Result<T, String> + Sync),
) -> anyhow::Result<Vec<Vec<Result<T, String>>>> {
    let configs = Configs::new(options);
    let one = |&(source, bytes): &(&str, &[u8])| {
        let mut out = Vec::new();
        parse(source, bytes, options, &mut |item| {
            out.push(configs.document(item).and_then(f));
        });
        out
    };
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads <= 1 || inputs.len() <= 1 {
        return Ok(inputs.iter().map(one).collect());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("newsdesk-worker-{i}"))
        .build()
        .context("cannot start worker threads")?;
    Ok(pool.install(|| inputs.par_iter().map(one).collect()))
}

/// Splits one input in memory into raw documents.
fn parse(
    source: &str,
    bytes: &[u8],
    options: &Options,
    emit: &mut dyn FnMut(newsdesk_ingest::Item),
) {
    let read = newsdesk_ingest::ReadOptions {
        format: options.format,
        ..newsdesk_ingest::ReadOptions::default()
    };
    newsdesk_ingest::parse_bytes(source, bytes, &read, emit);
}

/// The stage configurations of a run.
struct Configs {
    normalise: newsdesk_normalise::Config,
    extract: newsdesk_extract::Config,
}

impl Configs {
    fn new(options: &Options) -> Configs {
        Configs {
            normalise: newsdesk_normalise::Config {
                default_published: options.published,
                ..newsdesk_normalise::Config::default()
            },
            extract: newsdesk_extract::Config::default(),
        }
    }

    /// Cleans and extracts one item of a reader; an error is one line naming it.
    fn document(&self, item: newsdesk_ingest::Item) -> Result<Document, String> {
        self.clean(item.map_err(|e| e.to_string())?)
    }

    /// Cleans and extracts one raw document; an error is one line naming it.
    fn clean(&self, raw: RawDocument) -> Result<Document, String> {
        Ok(self.extract(self.normalise(raw)?))
    }

    /// Cleans one raw document; an error is one line naming it.
    fn normalise(&self, raw: RawDocument) -> Result<newsdesk_model::Article, String> {
        newsdesk_normalise::normalise(raw, &self.normalise).map_err(|e| e.to_string())
    }

    /// Extracts what a cleaned article says.
    fn extract(&self, article: newsdesk_model::Article) -> Document {
        let extraction = newsdesk_extract::extract(&article, &self.extract);
        Document {
            article,
            extraction,
        }
    }
}

/// Runs `f` with the number of workers [`Options::threads`] asks for (default: every
/// core). With [`Options::pin_cores`] and fewer workers than cores, `f` runs on a thread
/// of its own first confined to that many cores (see [`crate::cores`]), so that every
/// thread it starts keeps to the bound and the caller's thread is left as it was.
///
/// Without it nothing is pinned: pinning takes the *first* cores, so two runs side by
/// side (Spark executors, `xargs -P`) would share one core and leave the other idle.
fn confined<T: Send>(options: &Options, f: impl FnOnce(usize) -> T + Send) -> anyhow::Result<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match options.threads {
        Some(n) if options.pin_cores && n < cores => std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("newsdesk-run".into())
                .spawn_scoped(scope, move || {
                    crate::cores::confine(n);
                    f(n)
                })
                .context("cannot start the run's thread")?
                .join()
                .map_err(|_| anyhow::anyhow!("the run's thread panicked"))
        }),
        Some(n) => Ok(f(n.clamp(1, cores))),
        None => Ok(f(cores)),
    }
}

fn summary_line(s: &Summary, elapsed: Duration, ingest: bool) -> String {
    let mut line = format!("read {} documents", s.read);
    if ingest {
        line.push_str(&format!(
            ": {} indexed, {} replaced, {} unchanged, {} failed ({} extracted)",
            s.indexed, s.replaced, s.unchanged, s.failed, s.extracted
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
    /// A new input whose cleaned text is a document already in the index: not
    /// extracted; the article is kept in case the sink finds it replaced meanwhile.
    Indexed(Box<newsdesk_model::Article>, u64),
    /// A one-line error naming the document.
    Failed(String),
}

/// What the index already holds, for ingest.
#[derive(Clone, Copy)]
struct Known<'a> {
    /// Keys of the inputs already processed: skipped before reading them further.
    inputs: &'a HashSet<u64>,
    /// Whether a content id is indexed: a document with one is not extracted again.
    documents: &'a (dyn Fn(&str) -> bool + Sync),
}

/// What the sink is handed, in input order.
enum Output<'a> {
    /// A good document, its input fingerprint and (for ingest) its stories profile.
    Document(&'a Document, u64, Option<&'a Profile>),
    /// The content id of an input (with its fingerprint) that gave a document the
    /// index already holds.
    Indexed(&'a str, u64),
}

/// What receives each output in input order; it says what it did, or `None` when it
/// needs the whole document (an [`Output::Indexed`] it no longer holds).
type Sink<'a> = dyn FnMut(Output<'_>, &ProgressBar) -> anyhow::Result<Option<Upsert>> + Send + 'a;

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

/// Reads, cleans and extracts every input on `threads` workers (from [`confined`]),
/// calling `sink` for each good document in input order; failures are collected,
/// counted and (unless quiet) reported on standard error.
///
/// With `known`, inputs whose fingerprint is in it are counted as unchanged
/// without being processed, and inputs that give a document already indexed are
/// not extracted. With `profiles`, each document's stories profile is
/// computed beside its extraction, on the workers.
fn run(
    paths: &[PathBuf],
    input: &Options,
    threads: usize,
    known: Option<Known<'_>>,
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
    let progress = progress_bar(input.quiet, paths);
    let paths = paths.to_vec();
    let mut rx = runtime
        .block_on(async move { newsdesk_ingest::spawn_reader(paths, options, CHANNEL_CAPACITY) });
    let configs = Configs::new(input);
    let batch_size = BATCH_PER_THREAD * threads;
    let process = |item: newsdesk_ingest::Item| -> Processed {
        let raw = match item {
            Ok(raw) => raw,
            Err(e) => return Processed::Failed(e.to_string()),
        };
        let key = input_key(&raw, input.published);
        if known.is_some_and(|k| k.inputs.contains(&key)) {
            return Processed::Known;
        }
        let article = match configs.normalise(raw) {
            Ok(article) => article,
            Err(message) => return Processed::Failed(message),
        };
        if known.is_some_and(|k| (k.documents)(&article.id)) {
            return Processed::Indexed(Box::new(article), key);
        }
        let doc = configs.extract(article);
        let profile = profiles.then(|| Box::new(newsdesk_stories::profile(&doc)));
        Processed::Done(Box::new(doc), key, profile)
    };
    // The sink runs on its own thread so that writing batch N overlaps the
    // processing of batch N+1; two batches at most wait between them.
    let summary = std::thread::scope(|scope| -> anyhow::Result<Summary> {
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(2);
        let sink_progress = progress.clone();
        let configs = &configs;
        let quiet = input.quiet;
        let started = std::time::Instant::now();
        let sink_thread = scope.spawn(move || -> anyhow::Result<Summary> {
            let progress = sink_progress;
            let mut summary = Summary::default();
            for results in done_rx {
                for result in results {
                    summary.read += 1;
                    let count = |summary: &mut Summary, outcome: Option<Upsert>| match outcome {
                        Some(Upsert::Added) => summary.indexed += 1,
                        Some(Upsert::Replaced) => summary.replaced += 1,
                        Some(Upsert::Unchanged) | None => summary.unchanged += 1,
                    };
                    match result {
                        Processed::Done(doc, key, profile) => {
                            summary.extracted += 1;
                            warn(&doc.article, quiet, &progress);
                            let outcome =
                                sink(Output::Document(&doc, key, profile.as_deref()), &progress)?;
                            count(&mut summary, outcome);
                        }
                        Processed::Indexed(article, key) => {
                            let mut outcome = sink(Output::Indexed(&article.id, key), &progress)?;
                            if outcome.is_none() {
                                // Replaced since the workers looked: extract it after all.
                                summary.extracted += 1;
                                let doc = configs.extract(*article);
                                warn(&doc.article, quiet, &progress);
                                let profile = profiles.then(|| newsdesk_stories::profile(&doc));
                                outcome =
                                    sink(Output::Document(&doc, key, profile.as_ref()), &progress)?;
                            }
                            count(&mut summary, outcome);
                        }
                        Processed::Known => summary.unchanged += 1,
                        Processed::Failed(message) => {
                            summary.failed += 1;
                            let line = message.replace('\n', " ");
                            if !quiet {
                                progress.suspend(|| eprintln!("error: {line}"));
                            }
                            summary.failures.push(line);
                        }
                    }
                }
                progress.set_message(progress_message(&summary, started.elapsed()));
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
            let bytes: u64 = items
                .iter()
                .map(|i| i.as_ref().map_or(0, |raw| raw.bytes.len() as u64))
                .sum();
            let results: Vec<Processed> = match &pool {
                Some(pool) => pool.install(|| items.into_par_iter().map(process).collect()),
                None => items.into_iter().map(process).collect(),
            };
            progress.inc(bytes);
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

/// Prints the article's warnings (unless quiet), above the progress bar.
fn warn(article: &newsdesk_model::Article, quiet: bool, progress: &ProgressBar) {
    if !quiet {
        for w in &article.warnings {
            let source = &article.source;
            progress.suspend(|| eprintln!("warning: {source}: {w}"));
        }
    }
}

/// Progress on standard error when it is a terminal (hidden in pipes and when quiet): a bar
/// of the bytes read out of the inputs' total size, with percent, MB/s, documents per
/// second and the time left; a spinner with the same rates when the total is not known
/// beforehand (standard input, gzip).
fn progress_bar(quiet: bool, paths: &[PathBuf]) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total = input_size(paths);
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{bar:28} {percent:>3}% {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} [{elapsed} elapsed, {eta} left]"
    } else {
        "{spinner} {binary_bytes} {binary_bytes_per_sec} {msg} [{elapsed}]"
    };
    bar.set_style(
        ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The bytes the inputs hold, listed as the reader lists them
/// ([`newsdesk_ingest::expand_paths`]); `None` when a total cannot be known before reading
/// (standard input, gzip-compressed files). Paths that cannot be read count nothing.
fn input_size(paths: &[PathBuf]) -> Option<u64> {
    newsdesk_ingest::expand_paths(paths)
        .into_iter()
        .flatten()
        .try_fold(0u64, |sum, path| {
            let gz = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
            if path.as_os_str() == "-" || gz {
                return None;
            }
            Some(sum.saturating_add(std::fs::metadata(&path).map_or(0, |m| m.len())))
        })
}

/// The part of the progress line about documents: how many, how fast, how many failed.
fn progress_message(summary: &Summary, elapsed: Duration) -> String {
    let rate = summary.read as f64 / elapsed.as_secs_f64().max(1e-3);
    let rate = if rate >= 100.0 {
        grouped(rate.round() as u64)
    } else {
        format!("{rate:.1}")
    };
    let mut line = format!("{} docs, {rate} docs/s", grouped(summary.read as u64));
    if summary.failed > 0 {
        line.push_str(&format!(", {} failed", grouped(summary.failed as u64)));
    }
    line
}

/// `n` with a comma between groups of three digits.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        for (n, s) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (1_595_878, "1,595,878"),
        ] {
            assert_eq!(grouped(n), s);
        }
    }

    #[test]
    fn the_progress_message_rounds_rates() {
        let summary = Summary {
            read: 18_563,
            failed: 2,
            ..Summary::default()
        };
        assert_eq!(
            progress_message(&summary, Duration::from_millis(11_632)),
            "18,563 docs, 1,596 docs/s, 2 failed"
        );
        let slow = Summary {
            read: 3,
            ..Summary::default()
        };
        assert_eq!(
            progress_message(&slow, Duration::from_secs(2)),
            "3 docs, 1.5 docs/s"
        );
    }

    #[test]
    fn the_input_size_is_known_unless_a_stream_or_gzip() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("a.txt"), b"12345").unwrap();
        std::fs::write(dir.path().join("sub/b.jsonl"), b"123").unwrap();
        let file = dir.path().join("a.txt");
        assert_eq!(input_size(&[dir.path().to_path_buf()]), Some(8));
        assert_eq!(input_size(&[file.clone(), file.clone()]), Some(10));
        assert_eq!(input_size(&[file.clone(), PathBuf::from("-")]), None);
        std::fs::write(dir.path().join("sub/c.jsonl.gz"), b"x").unwrap();
        assert_eq!(input_size(&[dir.path().to_path_buf()]), None);
        assert_eq!(input_size(&[file]), Some(5));
    }
}

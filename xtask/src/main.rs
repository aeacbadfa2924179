//! Development tasks for newsdesk, run as `cargo xtask <task>`:
//!
//! - `pipeline`: build the release binary, ingest `fixtures/` into
//!   `target/newsdesk-index`, run a few searches and print a report.
//! - `bench`: throughput, memory and latency, written to `target/bench/`.
//! - `load`: many clients searching `newsdesk serve` on an existing index (also part of `bench`).
//! - `spark`: the Spark job on a loopback standalone cluster, compared with one ingest.

mod baseline;
mod bench;
mod corpus;
mod docs;
mod eval;
mod eval_casualties;
mod eval_claims;
mod eval_dates;
mod eval_html;
mod eval_neardup;
mod eval_ner;
mod eval_quotes;
mod eval_seeds;
mod eval_seeds_story;
mod eval_snippets;
mod eval_stories;
mod load;
mod peers;
mod pipeline;
mod spark;
mod stages;
mod stories_df;
mod train_ner;
mod venv;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  pipeline    build the release binary, ingest fixtures/ into target/newsdesk-index,
              run searches and print what was found
  bench [--tier small|medium|large] [--peers] [--data DIR] [--load-seconds N] [--load-clients N]
        [--load-page-every N]
              end-to-end and per-stage throughput, memory, re-ingest and search
              latency against a minimal Tantivy indexer, then newsdesk serve under load
              (default 200 clients for 30 s; --load-seconds 0 skips it);
              writes target/bench/report.{json,md}
  load --index DIR [--seconds N] [--clients N] [--page-every N]
              only the load test: newsdesk serve on DIR, N keep-alive clients on loopback
              searching /api/search and, one request in --page-every (default 10, 0: none),
              rendering a page; writes target/bench/load.{json,md}
  eval html|ner|quotes|claims|dates|seeds|casualties [options]
              score against ../shared/data and the seed gold
  eval stories --dir DIR [--set key=value]
              same-event clustering (BCubed, pairwise) and casualty corroboration
              of ../shared/data/ecbplus-dev or gva-dev
  eval neardup [--set key=value]
              near-duplicate pairs on Reuters-21578 against ../shared/data/reuters-neardup
  spark [--fixtures-only]
              run python/newsdesk_spark on a standalone Spark cluster on 127.0.0.1
              (master and two workers) over fixtures/ and the small tier, merge, and
              compare with one newsdesk ingest; stops every process it started
  stages [--corpus FILE] [--mb N]
              only the bench's per-stage figures, one thread: normalise, tagger, facts,
              index writing over the first N MB (default 20) of FILE (default: the
              medium tier's corpus, target/bench/corpus-medium.jsonl, which bench writes)
  stories-df  rebuild crates/stories/data/df.tsv from ../shared/data/corpus
  train-ner   train the entity model from ../shared/data/conllpp";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if cfg!(debug_assertions)
        && matches!(
            args.first().map(String::as_str),
            Some("bench" | "load" | "eval" | "stages" | "train-ner" | "stories-df")
        )
    {
        return rerun_optimised(&args);
    }
    let result = match args.first().map(String::as_str) {
        Some("pipeline") => pipeline::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("load") => load::run(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("train-ner") => train_ner::run(&args[1..]),
        Some("stories-df") => stories_df::run(&args[1..]),
        Some("stages") => stages::run(&args[1..]),
        Some("spark") => spark::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("error: unknown task `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs this task again from an optimised build of xtask: timings, training and
/// evaluation over real corpora need release code.
fn rerun_optimised(args: &[String]) -> ExitCode {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = std::process::Command::new(cargo)
        .args(["run", "--quiet", "--release", "--package", "xtask", "--"])
        .args(args)
        .current_dir(root())
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) => ExitCode::from(u8::try_from(s.code().unwrap_or(1)).unwrap_or(1)),
        Err(e) => {
            eprintln!("error: cannot run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of `xtask/`).
pub(crate) fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// The `../shared` folder beside the workspace, if present.
pub(crate) fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    p.is_dir().then_some(p)
}

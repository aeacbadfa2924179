//! The `newsdesk` binary: wires ingest, normalise, extract and index into the
//! commands of the public contract (`extract`, `ingest`, `search`, `show`,
//! `stories`), the merge of shard indexes (`merge`) and the fact listings (`entities`,
//! `quotes`); the pipeline itself is the library [`newsdesk_cli`].

mod args;
mod merge;
mod output;

use anyhow::Context;
use args::{Cli, Command};
use clap::Parser;
use newsdesk_cli::{Beside, IngestOptions, Summary};
use newsdesk_index::{Index, SearchOptions};
use std::io::IsTerminal;
use std::io::Write;
use std::process::ExitCode;

/// Exit status when every document was processed.
const EXIT_OK: u8 = 0;
/// Exit status when some documents failed and the rest were processed.
const EXIT_SOME_FAILED: u8 = 1;
/// Exit status for usage errors, or when nothing could be done.
const EXIT_FATAL: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("error: {}", one_line(&e));
            ExitCode::from(EXIT_FATAL)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Extract(a) => {
            let colour = std::io::stdout().is_terminal();
            let mut print = |doc: &newsdesk_model::Document| -> anyhow::Result<()> {
                let text = if a.json {
                    let mut line =
                        serde_json::to_string(doc).context("cannot serialise a document")?;
                    line.push('\n');
                    line
                } else {
                    output::document_summary(doc, colour)
                };
                Ok(stdout_write(text.as_bytes())?)
            };
            let summary = newsdesk_cli::extract(&a.input.paths, &a.input.options(), &mut print)?;
            Ok(exit_for(&summary))
        }
        Command::Ingest(a) => {
            let ingest = IngestOptions {
                commit_every: a.commit_every,
                stories: !a.no_stories && !a.defer_stories,
                profiles: !a.no_stories,
            };
            let summary =
                newsdesk_cli::ingest(&a.input.paths, &a.index, &a.input.options(), &ingest)?;
            Ok(exit_for(&summary))
        }
        Command::Merge(a) => merge::merge(&a),
        Command::Serve(a) => {
            newsdesk_serve::run(&a.index, a.addr)?;
            Ok(0)
        }
        Command::Search(a) => {
            let index = open_index(&a.index)?;
            let options = SearchOptions {
                limit: a.limit,
                all_copies: a.all,
                ..SearchOptions::default()
            };
            let hits = index.search(&a.query, &options)?;
            output::print_hits(&hits, a.json)?;
            Ok(EXIT_OK)
        }
        Command::Show(a) => {
            let index = open_index(&a.index)?;
            match index.get(&a.id)? {
                Some(doc) => {
                    let story = Beside::of(&index, &doc.article.id)?;
                    output::print_document(&doc, &story, a.json)?;
                    Ok(EXIT_OK)
                }
                None => anyhow::bail!("no document with id `{}` in {}", a.id, a.index.display()),
            }
        }
        Command::Entities(a) => {
            let index = open_index(&a.index)?;
            let facets = index.entity_facets(a.query.as_deref(), a.top)?;
            output::print_facets(&facets, a.json)?;
            Ok(EXIT_OK)
        }
        Command::Quotes(a) => {
            let index = open_index(&a.index)?;
            let (query, speaker) = (a.query.as_deref(), a.speaker.as_deref());
            let quotes = if a.claims {
                index.quotes_and_claims(query, speaker, a.limit)?
            } else {
                index.quotes(query, speaker, a.limit)?
            };
            output::print_quotes(&quotes, a.json)?;
            Ok(EXIT_OK)
        }
        Command::Stories(a) => {
            let index = open_index(&a.index)?;
            let stories = index.stories(
                a.query.as_deref(),
                a.min_size,
                a.limit.unwrap_or(usize::MAX),
            )?;
            if a.json {
                output::print_stories_json(&stories)?;
            } else {
                output::print_stories(&stories)?;
            }
            Ok(EXIT_OK)
        }
    }
}

fn open_index(dir: &std::path::Path) -> anyhow::Result<Index> {
    Index::open(dir).with_context(|| format!("cannot open index {}", dir.display()))
}

fn exit_for(summary: &Summary) -> u8 {
    if summary.failed > 0 || summary.stories_error.is_some() {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// The error chain on one line: `outer: inner: innermost`.
fn one_line(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let s = cause.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes to standard output, turning a closed pipe into a quiet stop.
pub(crate) fn stdout_write(buf: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(buf)?;
    out.flush()
}

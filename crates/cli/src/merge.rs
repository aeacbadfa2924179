//! `newsdesk merge`: shard indexes into one new index, then the stories over the union.

use anyhow::Context;
use clap::Args;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// The new index directory (must not exist, or be empty).
    #[arg(long, value_name = "OUT")]
    pub(crate) index: PathBuf,
    /// Do not compute the stories of the merged index; a later ingest into it catches up.
    #[arg(long)]
    pub(crate) no_stories: bool,
    /// Shard indexes, each written by `newsdesk ingest`; their order does not matter.
    #[arg(required = true, value_name = "SHARD")]
    pub(crate) shards: Vec<PathBuf>,
}

/// Merges the shards (documents by Tantivy segments, one copy per content id), then groups
/// the stories of the merged index anew; the exit status follows the contract.
pub(crate) fn merge(args: &MergeArgs) -> anyhow::Result<u8> {
    let start = Instant::now();
    let (index, merged) = newsdesk_index::Index::merge(&args.index, &args.shards)
        .with_context(|| format!("cannot merge into {}", args.index.display()))?;
    let documents_done = start.elapsed();
    for c in &merged.conflicts {
        for (id, shard) in &c.dropped {
            eprintln!(
                "error: {}: another shard holds it with other content (id {id} in {}); kept id {}",
                c.source,
                shard.display(),
                c.kept
            );
        }
    }
    let mut failed = !merged.conflicts.is_empty();
    if !args.no_stories {
        let stories_start = Instant::now();
        let updated = index
            .writer(0)
            .map_err(anyhow::Error::from)
            .and_then(|mut writer| {
                newsdesk_cli::update_stories(&index, &mut writer, HashMap::new())
            });
        match updated {
            Ok(u) => eprintln!(
                "stories: {} documents grouped, {} stories, {} records built in {:.2}s",
                u.added,
                u.written.stories,
                u.written.rebuilt,
                stories_start.elapsed().as_secs_f64()
            ),
            Err(e) => {
                eprintln!("error: stories not computed: {e:#}");
                failed = true;
            }
        }
    }
    eprintln!(
        "merged {} shards: {} documents read, {} kept, {} duplicates dropped in {:.2}s ({:.2}s in all)",
        merged.shards,
        merged.read,
        merged.documents,
        merged.duplicates,
        documents_done.as_secs_f64(),
        start.elapsed().as_secs_f64()
    );
    Ok(if failed {
        crate::EXIT_SOME_FAILED
    } else {
        crate::EXIT_OK
    })
}

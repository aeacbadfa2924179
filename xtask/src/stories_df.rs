//! `cargo xtask stories-df`: builds the background document-frequency table of the
//! stories stage (`crates/stories/data/df.tsv`) from the Reuters-21578 stories in
//! `../shared/data/corpus` (redistributable; the BBC set is left out, its texts are the
//! BBC's).
//!
//! Each article counts each of its normalised content words once
//! (`newsdesk_stories::background_words`); words in fewer than [`MIN_DF`] articles are
//! left out (the stage treats a missing word as seen once). The table is committed, so
//! building and testing never need `../shared`.

use anyhow::Context;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Words seen in fewer articles are left out of the table.
const MIN_DF: u32 = 3;

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    if !args.is_empty() {
        anyhow::bail!("usage: cargo xtask stories-df");
    }
    let corpus = crate::shared()
        .map(|s| s.join("data/corpus"))
        .context("../shared is absent")?;
    let mut articles = crate::corpus::read_real(&corpus)?;
    articles.retain(|a| a.source == "Reuters");
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for a in &articles {
        let text = format!("{}\n{}", a.title, a.text);
        for w in newsdesk_stories::background_words(&text) {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut out = String::new();
    writeln!(out, "#docs\t{}", articles.len())?;
    let mut kept = 0;
    for (w, n) in &df {
        if *n >= MIN_DF {
            writeln!(out, "{w}\t{n}")?;
            kept += 1;
        }
    }
    let path = crate::root().join("crates/stories/data/df.tsv");
    std::fs::write(&path, out).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{}: {} articles, {kept} of {} words (df >= {MIN_DF})",
        path.display(),
        articles.len(),
        df.len()
    );
    Ok(())
}

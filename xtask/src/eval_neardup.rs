//! `cargo xtask eval neardup [--set key=value ...]`: near-duplicate detection on
//! Reuters-21578 against the silver pairs of `../shared/data/reuters-neardup/pairs.tsv`
//! (exact Jaccard of word 5-shingles, see its README).
//!
//! Each Reuters `<BODY>` (as written, `corpus::reuters_bodies`) is profiled by the stories stage
//! (MinHash signature, LSH bands); predicted pairs are those whose estimated Jaccard
//! reaches the cut (`newsdesk_stories::near_duplicates`). Precision and recall are printed
//! at the cuts 0.8 and 0.9, and for the copy groups of `group` (`duplicate_of`: every pair
//! of one original and its copies) at 0.8. Fails below 0.95 precision or recall at 0.8.

use anyhow::{Context, bail};
use newsdesk_model::{Article, Document};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

const TARGET: f64 = 0.95;

/// Precision and recall of predicted pairs against gold pairs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PairScore {
    pub(crate) precision: f64,
    pub(crate) recall: f64,
    pub(crate) predicted: usize,
    pub(crate) gold: usize,
}

type Pair = (u32, u32);

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut config = newsdesk_stories::Config::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--set" => {
                let kv = it.next().context("--set needs key=value")?;
                let (k, v) = kv.split_once('=').context("--set needs key=value")?;
                config.set(k, v).map_err(anyhow::Error::msg)?;
            }
            other => bail!("unknown option `{other}`\nusage: cargo xtask eval neardup [--set key=value]"),
        }
    }
    let shared = crate::shared().context("../shared is absent")?;
    let scores = score(&shared.join("data"), &config)?;
    let at8 = scores[0];
    for (name, s) in ["pairs >= 0.8", "pairs >= 0.9", "copy groups >= 0.8"].iter().zip(&scores) {
        println!(
            "  {name:<19} precision {:.3}  recall {:.3}  ({} predicted, {} gold)",
            s.precision, s.recall, s.predicted, s.gold
        );
    }
    if at8.precision < TARGET || at8.recall < TARGET {
        bail!("below {TARGET} at the 0.8 cut");
    }
    Ok(())
}

/// Scores at 0.8, at 0.9 and for the copy groups at 0.8.
pub(crate) fn score(data: &Path, config: &newsdesk_stories::Config) -> anyhow::Result<[PairScore; 3]> {
    let gold_path = data.join("reuters-neardup/pairs.tsv");
    let raw = std::fs::read_to_string(&gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let mut gold: Vec<(Pair, f64)> = Vec::new();
    for line in raw.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if let [a, b, j] = f[..]
            && let (Ok(a), Ok(b), Ok(j)) = (a.parse(), b.parse(), j.parse())
        {
            gold.push(((a, b), j));
        }
    }
    let t = Instant::now();
    let bodies = crate::corpus::reuters_bodies(&data.join("corpus"))?;
    let docs: Vec<Document> = bodies
        .into_iter()
        .map(|(id, text)| Document {
            article: Article {
                id: id.to_string(),
                text,
                ..Article::default()
            },
            ..Document::default()
        })
        .collect();
    let profiles: Vec<_> = docs.iter().map(newsdesk_stories::profile).collect();
    let t_profile = t.elapsed();
    let t = Instant::now();
    let found = newsdesk_stories::near_duplicates(&profiles, config.duplicate_jaccard.min(0.8));
    let t_pairs = t.elapsed();
    eprintln!(
        "reuters: {} bodies, profiles {:.2}s, near-duplicate pairs {:.2}s",
        docs.len(),
        t_profile.as_secs_f64(),
        t_pairs.as_secs_f64()
    );
    let pairs_at = |cut: f64| -> BTreeSet<Pair> {
        found
            .iter()
            .filter(|(_, _, j)| *j >= cut)
            .filter_map(|(a, b, _)| {
                let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
                Some((a.min(b), a.max(b)))
            })
            .collect()
    };
    let gold_at = |cut: f64| -> BTreeSet<Pair> {
        gold.iter().filter(|(_, j)| *j >= cut).map(|(p, _)| *p).collect()
    };
    // copy groups of the full grouping: every pair inside one original's group of copies
    let grouping = newsdesk_stories::group(&profiles, config);
    let mut copies: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (copy, original) in &grouping.duplicate_of {
        copies.entry(original.as_str()).or_default().extend(copy.parse::<u32>().ok());
    }
    let mut group_pairs = BTreeSet::new();
    for (original, cs) in &copies {
        let mut all: Vec<u32> = cs.clone();
        all.extend(original.parse::<u32>().ok());
        all.sort_unstable();
        for (k, &a) in all.iter().enumerate() {
            for &b in &all[k + 1..] {
                group_pairs.insert((a, b));
            }
        }
    }
    if std::env::var_os("NEARDUP_VERBOSE").is_some() {
        let (p, g) = (pairs_at(0.8), gold_at(0.8));
        let est: BTreeMap<Pair, f64> = found
            .iter()
            .filter_map(|(a, b, j)| Some(((a.parse().ok()?, b.parse().ok()?), *j)))
            .map(|((a, b), j): ((u32, u32), f64)| ((a.min(b), a.max(b)), j))
            .collect();
        let exact: BTreeMap<Pair, f64> = gold.iter().copied().collect();
        for x in p.difference(&g) {
            println!("FP {} {} est {:.3} gold {:?}", x.0, x.1, est[x], exact.get(x));
        }
        for x in g.difference(&p) {
            println!("FN {} {} est {:?} gold {:?}", x.0, x.1, est.get(x), exact.get(x));
        }
    }
    Ok([
        pr(&pairs_at(0.8), &gold_at(0.8)),
        pr(&pairs_at(0.9), &gold_at(0.9)),
        pr(&group_pairs, &gold_at(0.8)),
    ])
}

fn pr(predicted: &BTreeSet<Pair>, gold: &BTreeSet<Pair>) -> PairScore {
    let hit = predicted.intersection(gold).count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    PairScore {
        precision: ratio(hit, predicted.len()),
        recall: ratio(hit, gold.len()),
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_near_duplicates_reach_the_target() {
        let Some(data) = crate::shared().map(|s| s.join("data")) else {
            eprintln!("skipped: ../shared/data is absent");
            return;
        };
        if !data.join("reuters-neardup/pairs.tsv").is_file() {
            eprintln!("skipped: ../shared/data/reuters-neardup is absent");
            return;
        }
        let [at8, _, _] = score(&data, &newsdesk_stories::Config::default()).expect("scoring runs");
        assert!(
            at8.precision >= TARGET && at8.recall >= TARGET,
            "below target: {at8:?}"
        );
    }

    #[test]
    fn pair_scores() {
        let p: BTreeSet<Pair> = [(1, 2), (3, 4)].into();
        let g: BTreeSet<Pair> = [(1, 2), (5, 6), (7, 8), (9, 10)].into();
        let s = pr(&p, &g);
        assert_eq!((s.precision, s.recall), (0.5, 0.25));
    }
}

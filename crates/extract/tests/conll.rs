//! Exact-span precision, recall and F1 of the entity recogniser on CoNLL++ dev
//! (`<workspace>/../shared/data/conllpp/conllpp_dev.txt`); skipped when absent.
//!
//! Each CoNLL document becomes one text: tokens joined by spaces, sentences
//! separated by blank lines (so sentence boundaries are the gold ones).
//! Set `NEWSDESK_CONLL_ERRORS=1` to print the misses and false alarms.
use newsdesk_model::Label;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

type Span = (usize, usize, &'static str);

fn label_name(l: Label) -> &'static str {
    match l {
        Label::Person => "PER",
        Label::Org => "ORG",
        Label::Loc => "LOC",
        Label::Misc => "MISC",
    }
}

/// Builds the documents: (text, gold spans).
fn documents(data: &str) -> Vec<(String, Vec<Span>)> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut gold: Vec<Span> = Vec::new();
    let mut open: Option<(usize, usize, &'static str)> = None;
    let mut new_sentence = false;
    let close = |open: &mut Option<Span>, gold: &mut Vec<Span>| {
        if let Some(s) = open.take() {
            gold.push(s);
        }
    };
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("-DOCSTART-") {
            close(&mut open, &mut gold);
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut gold)));
            }
            new_sentence = false;
            continue;
        }
        if cols.is_empty() {
            close(&mut open, &mut gold);
            new_sentence = !text.is_empty();
            continue;
        }
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if new_sentence {
            text.push_str("\n\n");
            new_sentence = false;
        } else if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word);
        let end = text.len();
        let (prefix, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let ty: &'static str = match ty {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => "LOC",
            "MISC" => "MISC",
            _ => "",
        };
        match (prefix, &mut open) {
            ("I", Some(o)) if o.2 == ty => o.1 = end,
            ("B" | "I", _) if !ty.is_empty() => {
                close(&mut open, &mut gold);
                open = Some((start, end, ty));
            }
            _ => close(&mut open, &mut gold),
        }
    }
    close(&mut open, &mut gold);
    if !text.is_empty() {
        docs.push((text, gold));
    }
    docs
}

#[test]
fn conll_dev_scores() {
    // `NEWSDESK_CONLL_FILE` scores another split (e.g. conllpp_train.txt) instead.
    let root = std::env::var_os("NEWSDESK_CONLL_FILE").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/conllpp/conllpp_dev.txt")
        },
        PathBuf::from,
    );
    let Ok(data) = std::fs::read_to_string(&root) else {
        println!("skipping CoNLL++ evaluation: {} not found", root.display());
        return;
    };
    let split = root
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let show = std::env::var_os("NEWSDESK_CONLL_ERRORS").is_some();
    let docs = documents(&data);
    // label -> (true positives, predicted, gold)
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (text, gold) in &docs {
        let mut predicted: HashSet<Span> = HashSet::new();
        for e in newsdesk_extract::entities(text) {
            for m in &e.mentions {
                predicted.insert((m.start, m.end, label_name(e.label)));
            }
        }
        let gold_set: HashSet<Span> = gold.iter().copied().collect();
        for &(s, e, l) in &predicted {
            let c = counts.entry(l).or_default();
            c.1 += 1;
            if gold_set.contains(&(s, e, l)) {
                c.0 += 1;
            } else if show {
                let g = gold
                    .iter()
                    .find(|g| g.0 < e && s < g.1)
                    .map(|g| format!("{} {:?}", g.2, &text[g.0..g.1]));
                println!("FP {l} {:?} gold: {g:?}", &text[s..e]);
            }
        }
        for &(s, e, l) in &gold_set {
            counts.entry(l).or_default().2 += 1;
            if show && !predicted.contains(&(s, e, l)) {
                let p = predicted
                    .iter()
                    .find(|p| p.0 < e && s < p.1)
                    .map(|p| format!("{} {:?}", p.2, &text[p.0..p.1]));
                let ctx_s = text[..s].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
                let ctx_e = text[e..]
                    .char_indices()
                    .nth(30)
                    .map_or(text.len(), |(i, _)| e + i);
                println!(
                    "FN {l} {:?} pred: {p:?} | {}",
                    &text[s..e],
                    text[ctx_s..ctx_e].replace('\n', " ")
                );
            }
        }
    }
    let f1 = |tp: usize, p: usize, g: usize| {
        let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let rc = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if pr + rc == 0.0 {
            0.0
        } else {
            2.0 * pr * rc / (pr + rc)
        };
        (pr, rc, f)
    };
    let mut all = (0, 0, 0);
    let mut core = (0, 0, 0);
    for (l, &(tp, p, g)) in &counts {
        let (pr, rc, f) = f1(tp, p, g);
        println!(
            "CoNLL++ dev {l:<4} P {pr:.3} R {rc:.3} F1 {f:.3} (tp {tp}, predicted {p}, gold {g})"
        );
        all = (all.0 + tp, all.1 + p, all.2 + g);
        if *l != "MISC" {
            core = (core.0 + tp, core.1 + p, core.2 + g);
        }
    }
    let (pr, rc, f) = f1(core.0, core.1, core.2);
    println!("CoNLL++ {split} PER+ORG+LOC micro P {pr:.3} R {rc:.3} F1 {f:.3}");
    let (pr, rc, fa) = f1(all.0, all.1, all.2);
    println!("CoNLL++ {split} all labels  micro P {pr:.3} R {rc:.3} F1 {fa:.3}");
    // A floor that catches regressions; the figure itself is reported above.
    assert!(f > 0.90, "PER+ORG+LOC micro F1 {f:.3} fell below the floor");
}

//! Averaged structured perceptron training (deterministic: fixed seed, fixed order, integer updates).
use super::features::{self, Clusters, Extractor, History};
use super::gazetteer::Gazetteer;
use super::model::{T, Weights, allowed, group, position, tag, viterbi};
use super::{TrainDocument, TrainOptions};
use std::collections::HashMap;

/// One training sentence: feature ids per token and gold tags.
struct Sent {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
    /// `(lowercase hash, case class)` per token, for the history feature.
    keys: Vec<(u64, u8)>,
    /// Whether this sentence starts a document.
    first: bool,
}

impl Sent {
    /// The sentence with each token's history feature (given the labels
    /// predicted earlier in its document) added to its features.
    fn with_history(&self, history: &History, ids: &HashMap<u64, u32>, out: &mut Sent) {
        out.feats.clear();
        out.offsets.clear();
        for (i, w) in self.offsets.windows(2).enumerate() {
            out.offsets.push(out.feats.len());
            out.feats
                .extend_from_slice(self.feats.get(w[0]..w[1]).unwrap_or(&[]));
            if let Some(&(lower, cap)) = self.keys.get(i)
                && let Some(&id) =
                    features::history_feature(history, lower, cap).and_then(|k| ids.get(&k))
            {
                out.feats.push(id);
            }
        }
        out.offsets.push(out.feats.len());
        out.gold.clone_from(&self.gold);
    }
}

fn prepare(
    docs: &[TrainDocument],
    gazetteer: &Gazetteer,
    clusters: &Clusters,
    ids: &mut HashMap<u64, u32>,
    counts: &mut Vec<u32>,
    grow: bool,
) -> Vec<Sent> {
    let mut x = Extractor::default();
    let (mut keys, mut offs) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.iter().map(|t| t.word.as_str()).collect())
            .collect();
        x.start_document(words.iter());
        for (si, (s, ws)) in d.sentences.iter().zip(&words).enumerate() {
            x.sentence(ws, gazetteer, clusters, &mut keys, &mut offs);
            let mut feats = Vec::with_capacity(keys.len());
            let mut offsets = Vec::with_capacity(offs.len());
            for w in offs.windows(2) {
                offsets.push(feats.len());
                for &k in keys.get(w[0]..w[1]).unwrap_or(&[]) {
                    let id = match ids.get(&k) {
                        Some(&id) => id,
                        None if grow => {
                            let id = counts.len() as u32;
                            ids.insert(k, id);
                            counts.push(0);
                            id
                        }
                        None => continue,
                    };
                    if grow && let Some(c) = counts.get_mut(id as usize) {
                        *c += 1;
                    }
                    feats.push(id);
                }
            }
            offsets.push(feats.len());
            let gold = bilou(s);
            out.push(Sent {
                feats,
                offsets,
                gold,
                keys: x.token_keys(),
                first: si == 0,
            });
        }
    }
    out
}

/// Integer perceptron state with lazy averaging (`avg = w - acc / c`).
struct State {
    w: Vec<[i32; T]>,
    acc: Vec<[i64; T]>,
    start: [i32; T],
    start_acc: [i64; T],
    trans: [[i32; T]; T],
    trans_acc: [[i64; T]; T],
    c: i64,
}

impl State {
    fn emissions(&self, s: &Sent, emit: &mut Vec<[f32; T]>, keep: &[bool]) {
        emit.clear();
        for w in s.offsets.windows(2) {
            let mut e = [0f32; T];
            for &f in s.feats.get(w[0]..w[1]).unwrap_or(&[]) {
                if !keep.get(f as usize).copied().unwrap_or(false) {
                    continue;
                }
                if let Some(row) = self.w.get(f as usize) {
                    for (a, b) in e.iter_mut().zip(row) {
                        *a += *b as f32;
                    }
                }
            }
            emit.push(e);
        }
    }

    fn update(&mut self, s: &Sent, pred: &[u8], keep: &[bool]) {
        let c = self.c;
        let mut prev: Option<(usize, usize)> = None;
        for (i, (&g, &p)) in s.gold.iter().zip(pred).enumerate() {
            let (g, p) = (usize::from(g), usize::from(p));
            if g != p {
                let (a, b) = (s.offsets.get(i).copied(), s.offsets.get(i + 1).copied());
                if let (Some(a), Some(b)) = (a, b) {
                    for &f in s.feats.get(a..b).unwrap_or(&[]) {
                        if !keep.get(f as usize).copied().unwrap_or(false) {
                            continue;
                        }
                        let f = f as usize;
                        if let (Some(w), Some(acc)) = (self.w.get_mut(f), self.acc.get_mut(f)) {
                            w[g] += 1;
                            acc[g] += c;
                            w[p] -= 1;
                            acc[p] -= c;
                        }
                    }
                }
            }
            match prev {
                None => {
                    if g != p {
                        self.start[g] += 1;
                        self.start_acc[g] += c;
                        self.start[p] -= 1;
                        self.start_acc[p] -= c;
                    }
                }
                Some((pg, pp)) => {
                    if (pg, g) != (pp, p) {
                        self.trans[pg][g] += 1;
                        self.trans_acc[pg][g] += c;
                        self.trans[pp][p] -= 1;
                        self.trans_acc[pp][p] -= c;
                    }
                }
            }
            prev = Some((g, p));
        }
    }

    fn averaged(&self) -> ([f32; T], [[f32; T]; T], Vec<[f32; T]>) {
        let c = self.c.max(1) as f64;
        let avg = |w: i32, a: i64| (f64::from(w) - a as f64 / c) as f32;
        let row = |w: &[i32; T], a: &[i64; T]| std::array::from_fn(|t| avg(w[t], a[t]));
        let start = row(&self.start, &self.start_acc);
        let trans = std::array::from_fn(|a| row(&self.trans[a], &self.trans_acc[a]));
        let rows = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| row(w, a))
            .collect();
        (start, trans, rows)
    }
}

/// Exact-span counts (true positives, predicted, gold) per label index, from tag sequences.
fn score(gold: &[u8], pred: &[u8], counts: &mut [[usize; 3]; 4]) {
    let g = spans(gold);
    let p = spans(pred);
    for s in &p {
        if let Some(c) = counts.get_mut(s.2) {
            c[1] += 1;
            if g.contains(s) {
                c[0] += 1;
            }
        }
    }
    for s in &g {
        if let Some(c) = counts.get_mut(s.2) {
            c[2] += 1;
        }
    }
}

/// `(start, end, label index)` spans of a BILOU tag sequence (ill-formed
/// sequences are read leniently: an entity tag of another label starts a new span).
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let t = usize::from(t);
        let g = group(t);
        let continues =
            g != 0 && matches!(position(t), 1 | 2) && open.is_some_and(|(_, l)| l == g - 1);
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            if g != 0 {
                open = Some((i, g - 1));
            }
        }
        if g != 0
            && position(t) >= 2
            && let Some((s, l)) = open.take()
        {
            out.push((s, i + 1, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// Gold BILOU tags of a sentence from its labels and begin flags.
fn bilou(s: &[super::TrainToken]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for (i, t) in s.iter().enumerate() {
        let Some(l) = t.tag.label else {
            out.push(0);
            continue;
        };
        let begins = t.tag.begin || i == 0 || s.get(i - 1).is_none_or(|p| p.tag.label != Some(l));
        let ends = s
            .get(i + 1)
            .is_none_or(|n| n.tag.label != Some(l) || n.tag.begin);
        let pos = match (begins, ends) {
            (true, true) => 3,
            (true, false) => 0,
            (false, false) => 1,
            (false, true) => 2,
        };
        out.push(tag(super::label_index(l) + 1, pos) as u8);
    }
    out
}

/// Micro F1 over PER/ORG/LOC and per-label figures, as a line.
fn report(counts: &[[usize; 3]; 4]) -> (f64, String) {
    let f1 = |c: [usize; 3]| {
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
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let names = ["PER", "ORG", "LOC", "MISC"];
    let mut line = String::new();
    let mut core = [0usize; 3];
    for (n, c) in names.iter().zip(counts) {
        line.push_str(&format!("{n} {:.4}  ", f1(*c)));
        if *n != "MISC" {
            for k in 0..3 {
                core[k] += c[k];
            }
        }
    }
    let f = f1(core);
    (f, format!("PER+ORG+LOC {f:.4}  {line}"))
}

/// Trains and returns the model bytes.
pub(crate) fn train(
    train: &[TrainDocument],
    dev: &[TrainDocument],
    options: &TrainOptions,
    gazetteer: &Gazetteer,
    log: &mut dyn FnMut(&str),
) -> Vec<u8> {
    let clusters = Clusters::new(
        options
            .clusters
            .iter()
            .map(|(w, f, c)| (w.as_str(), *f, *c)),
    );
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut counts: Vec<u32> = Vec::new();
    let sents = prepare(train, gazetteer, &clusters, &mut ids, &mut counts, true);
    let dev_sents = prepare(dev, gazetteer, &clusters, &mut ids, &mut counts, false);
    for k in features::history_keys() {
        if let std::collections::hash_map::Entry::Vacant(e) = ids.entry(k) {
            e.insert(counts.len() as u32);
            counts.push(u32::MAX);
        }
    }
    // Documents as sentence ranges: shuffled as wholes so each is read in order.
    let mut docs: Vec<(usize, usize)> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        match docs.last_mut() {
            Some(d) if !s.first => d.1 = i + 1,
            _ => docs.push((i, i + 1)),
        }
    }
    let keep: Vec<bool> = counts.iter().map(|&c| c >= options.min_count).collect();
    log(&format!(
        "{} training sentences, {} features ({} kept with count >= {})",
        sents.len(),
        counts.len(),
        keep.iter().filter(|&&k| k).count(),
        options.min_count
    ));
    let mut st = State {
        w: vec![[0; T]; counts.len()],
        acc: vec![[0; T]; counts.len()],
        start: [0; T],
        start_acc: [0; T],
        trans: [[0; T]; T],
        trans_acc: [[0; T]; T],
        c: 1,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut history = History::default();
    let mut tmp = Sent {
        feats: Vec::new(),
        offsets: Vec::new(),
        gold: Vec::new(),
        keys: Vec::new(),
        first: false,
    };
    let mut rng = options.seed | 1;
    let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..options.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &di in &order {
            let Some(&(from, to)) = docs.get(di) else {
                continue;
            };
            history.clear();
            for s in sents.get(from..to).unwrap_or(&[]) {
                s.with_history(&history, &ids, &mut tmp);
                st.emissions(&tmp, &mut emit, &keep);
                let start = st.start.map(|v| v as f32);
                let trans = st.trans.map(|r| r.map(|v| v as f32));
                viterbi(&emit, &start, &trans, &mut back, &mut pred);
                if pred != tmp.gold {
                    errors += 1;
                    st.update(&tmp, &pred, &keep);
                }
                features::record(&mut history, &s.keys, &pred);
                st.c += 1;
            }
        }
        let mut line = format!("epoch {}: {errors} sentences wrong", epoch + 1);
        if !dev_sents.is_empty() {
            let (start, trans, rows) = st.averaged();
            let mut c = [[0usize; 3]; 4];
            for s in &dev_sents {
                if s.first {
                    history.clear();
                }
                s.with_history(&history, &ids, &mut tmp);
                emit.clear();
                for w in tmp.offsets.windows(2) {
                    let mut e = [0f32; T];
                    for &f in tmp.feats.get(w[0]..w[1]).unwrap_or(&[]) {
                        if keep.get(f as usize).copied().unwrap_or(false)
                            && let Some(row) = rows.get(f as usize)
                        {
                            for (a, b) in e.iter_mut().zip(row) {
                                *a += *b;
                            }
                        }
                    }
                    emit.push(e);
                }
                viterbi(&emit, &start, &trans, &mut back, &mut pred);
                features::record(&mut history, &s.keys, &pred);
                score(&s.gold, &pred, &mut c);
            }
            line.push_str(&format!("; dev (gold tokens) {}", report(&c).1));
        }
        log(&line);
    }
    let (start, mut trans, rows) = st.averaged();
    // Disallowed transitions never win, whatever the emissions.
    for (a, row) in trans.iter_mut().enumerate() {
        for (b, v) in row.iter_mut().enumerate() {
            if !allowed(Some(a), b) {
                *v = -1e4;
            }
        }
    }
    let mut keyed: Vec<(u64, [f32; T])> = Vec::new();
    for (k, id) in &ids {
        if let (Some(true), Some(r)) = (keep.get(*id as usize).copied(), rows.get(*id as usize))
            && r.iter().any(|v| v.abs() >= options.prune)
        {
            keyed.push((*k, *r));
        }
    }
    keyed.sort_unstable_by_key(|r| r.0);
    log(&format!("{} features in the model", keyed.len()));
    Weights::to_bytes(&start, &trans, &keyed, &options.clusters)
}

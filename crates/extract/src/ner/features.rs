//! Feature extraction shared by training and tagging: word, case, affixes, shape, neighbours, clusters, gazetteers, document context.
use super::gazetteer::{self as gz, Gazetteer};
use super::hash::{self, Table};
use super::model::{T, Weights};
use foldhash::HashMap;

/// Word clusters: exact word hash or lowercase hash to (fine, coarse) cluster ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clusters {
    exact: Table,
    lower: Table,
    ids: Vec<(u16, u16)>,
}

impl Clusters {
    /// Builds the lookup from `(word, fine, coarse)`, most frequent word first
    /// (the first word of a lowercase form decides that form's cluster).
    pub(crate) fn new<'a>(words: impl ExactSizeIterator<Item = (&'a str, u16, u16)>) -> Clusters {
        let n = words.len();
        let mut c = Clusters {
            exact: Table::with_capacity(n),
            lower: Table::with_capacity(n),
            ids: Vec::with_capacity(n),
        };
        for (w, fine, coarse) in words {
            let i = c.ids.len() as u32;
            c.ids.push((fine, coarse));
            c.exact.insert(hash::exact(w), i);
            c.lower.insert(hash::lower(w), i);
        }
        c
    }

    fn get(&self, exact: u64, lower: u64) -> (u16, u16) {
        self.exact
            .get(exact)
            .or_else(|| self.lower.get(lower))
            .and_then(|i| self.ids.get(i as usize).copied())
            .map_or((0, 0), |(f, c)| (f + 1, c + 1))
    }
}

/// What the tagger knows about one token before looking at its neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    word: u64,
    lower: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    shape: u64,
    sshape: u64,
    cap: u8,
    fine: u16,
    coarse: u16,
    gaz: u16,
    /// Gazetteer phrase covering the token: category flags and position.
    span: (u16, u8),
    doc: u8,
}

const SEEN_LOWER: u8 = 1;
const SEEN_CAP_MID: u8 = 2;

/// Case classes.
const C_OTHER: u8 = 0;
const C_LOWER: u8 = 1;
const C_INIT: u8 = 2;
const C_ALLCAPS: u8 = 3;
const C_LETTER: u8 = 4;
const C_MIXED: u8 = 5;
const C_NUMBER: u8 = 6;
const C_DOTTED: u8 = 7;

fn case_class(s: &str) -> u8 {
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut digit = 0usize;
    let mut dots = 0usize;
    let mut first_upper = false;
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else if c == '.' {
            dots += 1;
        }
    }
    if upper + lower == 0 {
        return if digit > 0 { C_NUMBER } else { C_OTHER };
    }
    if lower == 0 {
        if dots > 0 {
            C_DOTTED
        } else if upper == 1 {
            C_LETTER
        } else {
            C_ALLCAPS
        }
    } else if upper == 0 {
        C_LOWER
    } else if first_upper && upper == 1 {
        C_INIT
    } else {
        C_MIXED
    }
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        hash::norm(c)
    }
}

/// Per-document, per-sentence token information, reused across calls.
#[derive(Debug, Default)]
pub(crate) struct Extractor {
    toks: Vec<Tok>,
    lowbuf: Vec<char>,
    doc: HashMap<u64, u8>,
    history: History,
    ctx_keys: Vec<u64>,
    ctx_offsets: Vec<usize>,
    ctx_found: Vec<Option<u32>>,
}

/// Feature templates (part of the model format).
mod t {
    pub(super) const BIAS: u64 = 1;
    pub(super) const WORD: u64 = 2;
    pub(super) const LOWER: u64 = 3;
    pub(super) const PRE: u64 = 4;
    pub(super) const SUF: u64 = 8;
    pub(super) const SHAPE: u64 = 12;
    pub(super) const SSHAPE: u64 = 13;
    pub(super) const CASE_POS: u64 = 14;
    pub(super) const DOC: u64 = 15;
    pub(super) const L_M1: u64 = 16;
    pub(super) const L_P1: u64 = 17;
    pub(super) const L_M2: u64 = 18;
    pub(super) const L_P2: u64 = 19;
    pub(super) const SS3: u64 = 20;
    pub(super) const SS_M1: u64 = 21;
    pub(super) const SS_P1: u64 = 22;
    pub(super) const FINE: u64 = 23;
    pub(super) const COARSE: u64 = 24;
    pub(super) const FINE_M1: u64 = 25;
    pub(super) const FINE_P1: u64 = 26;
    pub(super) const COARSE3: u64 = 27;
    pub(super) const GAZ: u64 = 28;
    pub(super) const GAZ_M1: u64 = 29;
    pub(super) const GAZ_P1: u64 = 30;
    pub(super) const SPAN: u64 = 31;
    pub(super) const BI_M1: u64 = 32;
    pub(super) const BI_P1: u64 = 33;
    pub(super) const WORD_CASE_M1: u64 = 34;
    pub(super) const FINE_CASE: u64 = 35;
    pub(super) const HISTORY: u64 = 36;
}

/// Labels given so far in a document, per lowercase word: counts of
/// outside, PER, ORG, LOC, MISC.
pub(crate) type History = HashMap<u64, [u16; 5]>;

/// Case classes that make a word a possible name (worth remembering).
fn name_like(cap: u8) -> bool {
    matches!(cap, C_INIT | C_ALLCAPS | C_LETTER | C_MIXED | C_DOTTED)
}

/// Adds the labels of one tagged sentence (`keys` from [`Extractor::token_keys`]).
pub(crate) fn record(history: &mut History, keys: &[(u64, u8)], tags: &[u8]) {
    for (&(lower, cap), &t) in keys.iter().zip(tags) {
        bump(history, lower, cap, t);
    }
}

fn bump(history: &mut History, lower: u64, cap: u8, tag: u8) {
    if name_like(cap) {
        let slot = super::model::group(usize::from(tag));
        if let Some(c) = history.entry(lower).or_default().get_mut(slot) {
            *c = c.saturating_add(1);
        }
    }
}

/// The history feature of a word: the label it was given most often earlier
/// in the document (outside when only ever outside), with its case class.
pub(crate) fn history_feature(history: &History, lower: u64, cap: u8) -> Option<u64> {
    let counts = history.get(&lower)?;
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    Some(hash::feature(t::HISTORY, best as u64, u64::from(cap)))
}

/// Every key [`history_feature`] can return.
pub(crate) fn history_keys() -> impl Iterator<Item = u64> {
    (0..5u64).flat_map(|h| (0..=10u64).map(move |c| hash::feature(t::HISTORY, h, c)))
}

const BOS: Tok = Tok {
    word: 0xB05,
    lower: 0xB05,
    pre: [0; 4],
    suf: [0; 4],
    shape: 0xB05,
    sshape: 0xB05,
    cap: 9,
    fine: 0xFFFF,
    coarse: 0xFFFF,
    gaz: 0,
    span: (0, 0),
    doc: 0,
};
const EOS: Tok = Tok {
    word: 0xE05,
    lower: 0xE05,
    shape: 0xE05,
    sshape: 0xE05,
    cap: 10,
    fine: 0xFFFE,
    coarse: 0xFFFE,
    ..BOS
};

/// Gazetteer flags that make a phrase a candidate name, and the positions.
const NAME_FLAGS: u16 = gz::COUNTRY
    | gz::BIG_CITY
    | gz::CITY
    | gz::REGION
    | gz::LX_LOC
    | gz::LX_ORG
    | gz::LX_PERSON
    | gz::DEMONYM;

impl Extractor {
    /// Records the document context (which words appear lowercase, or capitalised
    /// inside a sentence) for the sentences of one document.
    pub(crate) fn start_document<'a, S>(&mut self, sentences: impl Iterator<Item = S>)
    where
        S: AsRef<[&'a str]>,
    {
        self.doc.clear();
        self.history.clear();
        for s in sentences {
            let s = s.as_ref();
            let caps = caps_sentence(s);
            for (i, w) in s.iter().enumerate() {
                let class = case_class(w);
                let flag = match class {
                    C_LOWER => SEEN_LOWER,
                    C_INIT | C_MIXED if i > 0 && !caps => SEEN_CAP_MID,
                    _ => continue,
                };
                *self.doc.entry(hash::lower(w)).or_default() |= flag;
            }
        }
    }

    /// Appends the feature keys of every token of `sentence` to `out`, `width` per
    /// token at most; `offsets[i]..offsets[i+1]` are token `i`'s keys.
    pub(crate) fn sentence(
        &mut self,
        sentence: &[&str],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        out: &mut Vec<u64>,
        offsets: &mut Vec<usize>,
    ) {
        out.clear();
        offsets.clear();
        self.toks.clear();
        for w in sentence {
            let tok = self.token(w, gazetteer, clusters);
            self.toks.push(tok);
        }
        self.spans(sentence, gazetteer);
        let caps = caps_sentence(sentence);
        let n = self.toks.len();
        let at = |i: isize| -> &Tok {
            if i < 0 {
                &BOS
            } else {
                self.toks.get(i as usize).unwrap_or(&EOS)
            }
        };
        for i in 0..n {
            offsets.push(out.len());
            let ii = i as isize;
            let c = at(ii);
            let p = at(ii - 1);
            let q = at(ii + 1);
            let p2 = at(ii - 2);
            let q2 = at(ii + 2);
            let first = u64::from(i == 0);
            let mut f = |tpl: u64, a: u64, b: u64| out.push(hash::feature(tpl, a, b));
            f(t::BIAS, 0, 0);
            f(t::WORD, c.word, 0);
            f(t::LOWER, c.lower, 0);
            for k in 0..4 {
                let k64 = k as u64;
                f(t::PRE + k64, c.pre[k], 0);
                f(t::SUF + k64, c.suf[k], 0);
            }
            f(t::SHAPE, c.shape, 0);
            f(t::SSHAPE, c.sshape, 0);
            let cap = u64::from(c.cap);
            f(t::CASE_POS, cap, first | u64::from(caps) << 1);
            f(
                t::DOC,
                u64::from(c.doc),
                cap | first << 4 | u64::from(caps) << 5,
            );
            f(t::L_M1, p.lower, 0);
            f(t::L_P1, q.lower, 0);
            f(t::L_M2, p2.lower, 0);
            f(t::L_P2, q2.lower, 0);
            f(t::SS3, hash::step(p.sshape, c.sshape), q.sshape);
            f(t::SS_M1, p.sshape, cap);
            f(t::SS_P1, q.sshape, cap);
            f(t::FINE, u64::from(c.fine), 0);
            f(t::COARSE, u64::from(c.coarse), 0);
            f(t::FINE_M1, u64::from(p.fine), 0);
            f(t::FINE_P1, u64::from(q.fine), 0);
            f(
                t::COARSE3,
                hash::step(u64::from(p.coarse), u64::from(c.coarse)),
                u64::from(q.coarse),
            );
            f(t::FINE_CASE, u64::from(c.fine), cap);
            for bit in 0..16u64 {
                if c.gaz & (1 << bit) != 0 {
                    f(t::GAZ, bit, 0);
                }
                if p.gaz & (1 << bit) != 0 {
                    f(t::GAZ_M1, bit, 0);
                }
                if q.gaz & (1 << bit) != 0 {
                    f(t::GAZ_P1, bit, 0);
                }
            }
            tail_keys(c, p, q, &self.history, out);
        }
        offsets.push(out.len());
    }

    /// `(lowercase hash, case class)` of each token of the last sentence.
    pub(crate) fn token_keys(&self) -> Vec<(u64, u8)> {
        self.toks.iter().map(|t| (t.lower, t.cap)).collect()
    }

    /// Remembers the tags given to the last sentence, for the history feature.
    pub(crate) fn record(&mut self, tags: &[u8]) {
        for (t, &tag) in self.toks.iter().zip(tags) {
            bump(&mut self.history, t.lower, t.cap, tag);
        }
    }

    fn token(&mut self, w: &str, gazetteer: &Gazetteer, clusters: &Clusters) -> Tok {
        self.lowbuf.clear();
        let mut word = 0x51;
        let mut lower = 0x51;
        let mut shape = 0x53;
        let mut sshape = 0x53;
        let mut last_shape = '\0';
        let mut shape_len = 0;
        for c in w.chars() {
            let c = hash::norm(c);
            word = hash::step(word, u64::from(u32::from(c)));
            for l in c.to_lowercase() {
                lower = hash::step(lower, u64::from(u32::from(l)));
                self.lowbuf.push(l);
            }
            let s = shape_char(c);
            if shape_len < 12 {
                shape = hash::step(shape, u64::from(u32::from(s)));
                shape_len += 1;
            }
            if s != last_shape {
                sshape = hash::step(sshape, u64::from(u32::from(s)));
                last_shape = s;
            }
        }
        let word = hash::finish(word);
        let lower = hash::finish(lower);
        let mut pre = [0u64; 4];
        let mut suf = [0u64; 4];
        let n = self.lowbuf.len();
        for k in 0..4 {
            let len = (k + 1).min(n);
            let p = self
                .lowbuf
                .get(..len)
                .unwrap_or(&[])
                .iter()
                .fold(0x50 + k as u64, |h, &c| {
                    hash::step(h, u64::from(u32::from(c)))
                });
            let s = self
                .lowbuf
                .get(n - len..)
                .unwrap_or(&[])
                .iter()
                .fold(0x60 + k as u64, |h, &c| {
                    hash::step(h, u64::from(u32::from(c)))
                });
            pre[k] = hash::finish(p);
            suf[k] = hash::finish(s);
        }
        let (fine, coarse) = clusters.get(word, lower);
        Tok {
            word,
            lower,
            pre,
            suf,
            shape: hash::finish(shape),
            sshape: hash::finish(sshape),
            cap: case_class(w),
            fine,
            coarse,
            gaz: gazetteer.get(hash::phrase(0, lower)),
            span: (0, 0),
            doc: self.doc.get(&lower).copied().unwrap_or(0),
        }
    }

    /// Marks the longest gazetteer name phrases (starting with a capital) over the sentence.
    fn spans(&mut self, sentence: &[&str], gazetteer: &Gazetteer) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let starts_cap = sentence
                .get(i)
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_uppercase());
            let mut best = (0usize, 0u16);
            if starts_cap {
                let mut h = 0;
                for j in i..(i + gz::MAX_PHRASE).min(n) {
                    let Some(t) = self.toks.get(j) else { break };
                    h = hash::phrase(h, t.lower);
                    let f = gazetteer.get(h) & NAME_FLAGS;
                    if f != 0 {
                        best = (j + 1 - i, f);
                    }
                }
            }
            if best.0 == 0 {
                i += 1;
                continue;
            }
            let len = best.0;
            for k in 0..len {
                let pos = match (k, len) {
                    (_, 1) => 0,
                    (0, _) => 1,
                    (k, l) if k + 1 == l => 3,
                    _ => 2,
                };
                if let Some(t) = self.toks.get_mut(i + k) {
                    t.span = (best.1, pos);
                }
            }
            i += len;
        }
    }
}

/// Feature scores that depend on one word type only, summed once per type.
///
/// A token's emission sums are its own type's features (word, lowercase,
/// affixes, shapes, clusters, gazetteer), what its neighbours' types give it at
/// offsets -2 to +2 (their lowercase, cluster and gazetteer features), and the
/// few features that depend on the context (case at the sentence start, the
/// document, shape and cluster trigrams, bigrams, gazetteer spans, history).
/// The first two parts come from here; sums are integers, so the result is the
/// same as adding every feature of [`Extractor::sentence`] one by one.
#[derive(Debug, Clone, Copy)]
struct TypeScores {
    /// The token's information (`doc` and `span` unset: they depend on the context).
    tok: Tok,
    own: [i32; T],
    /// Given to the token after (`L_M1`, `FINE_M1`, `GAZ_M1`).
    next1: [i32; T],
    /// Given to the token before (`L_P1`, `FINE_P1`, `GAZ_P1`).
    prev1: [i32; T],
    /// Given to the token two places after (`L_M2`).
    next2: [i32; T],
    /// Given to the token two places before (`L_P2`).
    prev2: [i32; T],
}

/// Per-thread cache of [`TypeScores`] by word, for one model.
#[derive(Debug, Default)]
pub(crate) struct TypeCache {
    model: u64,
    index: HashMap<Box<str>, u32>,
    types: Vec<TypeScores>,
    /// What the sentence boundaries give their neighbours: `BOS` as the token
    /// before (offsets -1, -2), `EOS` as the token after (+1, +2).
    bounds: Option<[[i32; T]; 4]>,
    /// Indices into `types` of the current sentence's tokens.
    ids: Vec<u32>,
}

/// Word types kept per thread before the cache starts again (about 450 bytes each).
const CACHE_TYPES: usize = 1 << 15;

impl TypeCache {
    /// Forgets everything if the cached scores are of another model.
    fn bind(&mut self, model: u64) {
        if self.model != model {
            self.index.clear();
            self.types.clear();
            self.bounds = None;
            self.model = model;
        }
    }
}

/// The neighbour part of a type's scores: lowercase, fine cluster and gazetteer features.
/// `lower`, `fine` and `gaz` are the templates at that offset (0: none).
fn neighbour(w: &Weights, tok: &Tok, lower: u64, fine: u64, gaz: u64) -> [i32; T] {
    let mut acc = [0i32; T];
    w.add(hash::feature(lower, tok.lower, 0), &mut acc);
    if fine != 0 {
        w.add(hash::feature(fine, u64::from(tok.fine), 0), &mut acc);
    }
    if gaz != 0 {
        for bit in 0..16u64 {
            if tok.gaz & (1 << bit) != 0 {
                w.add(hash::feature(gaz, bit, 0), &mut acc);
            }
        }
    }
    acc
}

impl Extractor {
    /// Integer emission sums of each token of `sentence` (one row per token)
    /// into `out`: the same as [`Extractor::sentence`] followed by summing each
    /// token's feature weights with `score`, but with the type-level part taken
    /// from `cache` (bound to `model`, an id of the weights `score` reads).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn sentence_sums(
        &mut self,
        sentence: &[&str],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        model: u64,
        w: &Weights,
        cache: &mut TypeCache,
        out: &mut Vec<[i32; T]>,
    ) {
        out.clear();
        self.toks.clear();
        cache.bind(model);
        if cache.types.len() >= CACHE_TYPES {
            cache.index.clear();
            cache.types.clear();
        }
        cache.ids.clear();
        for word in sentence {
            let id = match cache.index.get(*word) {
                Some(&id) => id,
                None => {
                    let tok = self.token(word, gazetteer, clusters);
                    let tok = Tok {
                        doc: 0,
                        span: (0, 0),
                        ..tok
                    };
                    let mut own = [0i32; T];
                    let cap = u64::from(tok.cap);
                    for k in [
                        hash::feature(t::BIAS, 0, 0),
                        hash::feature(t::WORD, tok.word, 0),
                        hash::feature(t::LOWER, tok.lower, 0),
                        hash::feature(t::SHAPE, tok.shape, 0),
                        hash::feature(t::SSHAPE, tok.sshape, 0),
                        hash::feature(t::FINE, u64::from(tok.fine), 0),
                        hash::feature(t::COARSE, u64::from(tok.coarse), 0),
                        hash::feature(t::FINE_CASE, u64::from(tok.fine), cap),
                    ] {
                        w.add(k, &mut own);
                    }
                    for k in 0..4 {
                        let k64 = k as u64;
                        w.add(hash::feature(t::PRE + k64, tok.pre[k], 0), &mut own);
                        w.add(hash::feature(t::SUF + k64, tok.suf[k], 0), &mut own);
                    }
                    for bit in 0..16u64 {
                        if tok.gaz & (1 << bit) != 0 {
                            w.add(hash::feature(t::GAZ, bit, 0), &mut own);
                        }
                    }
                    let entry = TypeScores {
                        tok,
                        own,
                        next1: neighbour(w, &tok, t::L_M1, t::FINE_M1, t::GAZ_M1),
                        prev1: neighbour(w, &tok, t::L_P1, t::FINE_P1, t::GAZ_P1),
                        next2: neighbour(w, &tok, t::L_M2, 0, 0),
                        prev2: neighbour(w, &tok, t::L_P2, 0, 0),
                    };
                    let id = cache.types.len() as u32;
                    cache.types.push(entry);
                    cache.index.insert(Box::from(*word), id);
                    id
                }
            };
            cache.ids.push(id);
            let mut tok = cache.types.get(id as usize).map_or(EOS, |e| e.tok);
            tok.doc = self.doc.get(&tok.lower).copied().unwrap_or(0);
            self.toks.push(tok);
        }
        self.spans(sentence, gazetteer);
        let bounds = *cache.bounds.get_or_insert_with(|| {
            [
                neighbour(w, &BOS, t::L_M1, t::FINE_M1, t::GAZ_M1),
                neighbour(w, &BOS, t::L_M2, 0, 0),
                neighbour(w, &EOS, t::L_P1, t::FINE_P1, t::GAZ_P1),
                neighbour(w, &EOS, t::L_P2, 0, 0),
            ]
        });
        let caps = caps_sentence(sentence);
        let n = self.toks.len();
        let at = |i: isize| -> &Tok {
            if i < 0 {
                &BOS
            } else {
                self.toks.get(i as usize).unwrap_or(&EOS)
            }
        };
        let types = |i: usize| {
            cache
                .ids
                .get(i)
                .and_then(|&id| cache.types.get(id as usize))
        };
        // The context features of every token first, then one batched lookup.
        self.ctx_keys.clear();
        self.ctx_offsets.clear();
        for i in 0..n {
            self.ctx_offsets.push(self.ctx_keys.len());
            let ii = i as isize;
            let c = at(ii);
            let p = at(ii - 1);
            let q = at(ii + 1);
            let first = u64::from(i == 0);
            let cap = u64::from(c.cap);
            let keys = &mut self.ctx_keys;
            let mut f = |tpl: u64, a: u64, b: u64| keys.push(hash::feature(tpl, a, b));
            f(t::CASE_POS, cap, first | u64::from(caps) << 1);
            f(
                t::DOC,
                u64::from(c.doc),
                cap | first << 4 | u64::from(caps) << 5,
            );
            f(t::SS3, hash::step(p.sshape, c.sshape), q.sshape);
            f(t::SS_M1, p.sshape, cap);
            f(t::SS_P1, q.sshape, cap);
            f(
                t::COARSE3,
                hash::step(u64::from(p.coarse), u64::from(c.coarse)),
                u64::from(q.coarse),
            );
            tail_keys(c, p, q, &self.history, keys);
        }
        self.ctx_offsets.push(self.ctx_keys.len());
        w.table.get_many(&self.ctx_keys, &mut self.ctx_found);
        for i in 0..n {
            let mut acc = types(i).map_or([0; T], |e| e.own);
            let mut add = |row: &[i32; T]| {
                for (a, b) in acc.iter_mut().zip(row) {
                    *a += b;
                }
            };
            add(match i.checked_sub(1) {
                Some(j) => types(j).map_or(&bounds[0], |e| &e.next1),
                None => &bounds[0],
            });
            add(match i.checked_sub(2) {
                Some(j) => types(j).map_or(&bounds[1], |e| &e.next2),
                None => &bounds[1],
            });
            add(types(i + 1).map_or(&bounds[2], |e| &e.prev1));
            add(types(i + 2).map_or(&bounds[3], |e| &e.prev2));
            let (from, to) = (
                self.ctx_offsets.get(i).copied().unwrap_or(0),
                self.ctx_offsets.get(i + 1).copied().unwrap_or(0),
            );
            for &found in self.ctx_found.get(from..to).unwrap_or(&[]).iter().flatten() {
                w.add_row(found, &mut acc);
            }
            out.push(acc);
        }
    }
}

/// The last context features of a token, in the order training adds them: gazetteer
/// span, bigrams, the previous word with this case, and the document's history.
fn tail_keys(c: &Tok, p: &Tok, q: &Tok, history: &History, out: &mut Vec<u64>) {
    let cap = u64::from(c.cap);
    let mut f = |tpl: u64, a: u64, b: u64| out.push(hash::feature(tpl, a, b));
    if c.span.0 != 0 {
        f(t::SPAN, u64::from(c.span.0), u64::from(c.span.1));
        f(t::SPAN, u64::from(c.span.0) << 8 | cap, u64::from(c.span.1));
    }
    f(t::BI_M1, p.lower, c.lower);
    f(t::BI_P1, c.lower, q.lower);
    f(t::WORD_CASE_M1, p.lower, cap);
    if let Some(k) = history_feature(history, c.lower, c.cap) {
        out.push(k);
    }
}

/// A headline or shouted line: at least three words, three quarters without lowercase.
pub(crate) fn caps_sentence(s: &[&str]) -> bool {
    let mut words = 0;
    let mut upper = 0;
    for w in s {
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        words += 1;
        if !w.chars().any(char::is_lowercase) {
            upper += 1;
        }
    }
    words >= 3 && upper * 4 >= words * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_classes() {
        let cases = [
            ("Erdogan", C_INIT),
            ("said", C_LOWER),
            ("NATO", C_ALLCAPS),
            ("U.S.", C_DOTTED),
            ("J", C_LETTER),
            ("McDonald", C_MIXED),
            ("1996", C_NUMBER),
            (",", C_OTHER),
        ];
        for (w, c) in cases {
            assert_eq!(case_class(w), c, "{w}");
        }
    }

    #[test]
    fn features_are_stable_per_token() {
        let g = Gazetteer::default();
        let c = Clusters::default();
        let mut x = Extractor::default();
        let s = ["Peter", "Blackburn", "said", "."];
        x.start_document(std::iter::once(&s[..]));
        let (mut out, mut off) = (Vec::new(), Vec::new());
        x.sentence(&s, &g, &c, &mut out, &mut off);
        assert_eq!(off.len(), 5);
        let first = out.clone();
        x.sentence(&s, &g, &c, &mut out, &mut off);
        assert_eq!(first, out);
    }
}

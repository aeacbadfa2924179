//! Candidates, components and average-link: the grouping itself.
//!
//! Candidates of a document are the documents that share an LSH band of its signature or
//! one of its features whose inverted list holds at most [`Config::max_list`] documents
//! (a feature shared by more says little about one event and would make the work
//! quadratic). Pairs are scored ([`crate::score`]); edges of at least
//! [`Config::threshold`] join documents into components; each component is then split
//! by average-link clustering at the same threshold (a merge needs an average score of
//! the threshold, so no merge ever crosses components). Near-duplicates inside a
//! component attach to the earliest document they copy.

use crate::links::Links;
use crate::score::{self, PairScore};
use crate::{Config, Group, Profile};
use foldhash::{HashMap, HashMapExt};
use newsdesk_model::Reason;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

/// Lists shorter than this are scored on the calling thread: handing a few pairs to the
/// workers costs more than scoring them.
const PARALLEL_FROM: usize = 8;
/// Documents of a component whose pairs are scored side by side before they join the
/// links (a bound on the scored pairs held at once).
const SCORE_CHUNK: usize = 4096;

/// Inverted lists over every profile (indices into the id-sorted profiles).
pub(crate) struct Index<'a> {
    pub(crate) profiles: Vec<&'a Profile>,
    /// Each feature's list (an index into `lists`).
    features: HashMap<(u8, &'a str), u32>,
    /// The inverted lists of features and then of LSH bands: row `k` holds the profiles
    /// listed under key `k`, ascending.
    lists: Rows,
    /// Each profile's feature lists and band lists (indices into `lists`, each list
    /// once, sorted), found once here so that a profile's candidates need no hashing.
    feature_lists: Rows,
    band_lists: Rows,
    /// Each profile's terms and names as ranks in the sorted vocabulary of all profiles
    /// (so in the same order as the words): pair scores compare integers, not strings.
    ranked: Vec<Ranked>,
}

/// A profile's weighted terms and names by vocabulary rank.
#[derive(Default)]
pub(crate) struct Ranked {
    pub(crate) terms: Vec<(u32, f32)>,
    pub(crate) names: Vec<(u32, f32)>,
    /// Quotes: the speaker's rank (`None` when unknown) and the words' ranks, sorted.
    pub(crate) quotes: Vec<(Option<u32>, Vec<u32>)>,
    /// The publication date as a day number.
    pub(crate) published: Option<i32>,
    /// The years the text mentions, sorted.
    pub(crate) years: Vec<i32>,
    /// The lead person's and every person's last name, as ranks in the sorted
    /// vocabulary of all profiles' people (so `people` is sorted).
    pub(crate) lead: Option<u32>,
    pub(crate) people: Vec<u32>,
    /// The calendar days the text mentions, as ranks (sorted).
    pub(crate) days: Vec<u32>,
    /// The days and months the text mentions as spans of day numbers (for
    /// [`crate::score::event_gap`]).
    pub(crate) day_spans: Vec<(i32, i32)>,
}

/// Each word's rank in the sorted, deduplicated vocabulary of `words`.
fn vocabulary_ranks<'a>(words: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    let mut vocabulary: Vec<&'a str> = words.collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    vocabulary
        .iter()
        .enumerate()
        .map(|(k, w)| (*w, u32::try_from(k).unwrap_or(u32::MAX)))
        .collect()
}

/// Ranks every profile's quote speakers and words in their union's sorted order.
fn rank_quotes(profiles: &[&Profile]) -> Vec<Vec<(Option<u32>, Vec<u32>)>> {
    let id = vocabulary_ranks(
        profiles
            .iter()
            .flat_map(|p| &p.features.quotes)
            .flat_map(|(s, ws)| std::iter::once(s.as_str()).chain(ws.iter().map(String::as_str))),
    );
    profiles
        .iter()
        .map(|p| {
            p.features
                .quotes
                .iter()
                .map(|(s, ws)| {
                    let speaker = if s.is_empty() {
                        None
                    } else {
                        id.get(s.as_str()).copied()
                    };
                    let words = ws
                        .iter()
                        .filter_map(|w| id.get(w.as_str()).copied())
                        .collect();
                    (speaker, words)
                })
                .collect()
        })
        .collect()
}

/// Ranks `words` (each profile's list, sorted) in their union's sorted order.
fn rank(lists: &[&[(String, f32)]]) -> Vec<Vec<(u32, f32)>> {
    let id = vocabulary_ranks(lists.iter().flat_map(|l| l.iter().map(|(w, _)| w.as_str())));
    lists
        .iter()
        .map(|l| {
            l.iter()
                .filter_map(|(w, x)| id.get(w.as_str()).map(|&k| (k, *x)))
                .collect()
        })
        .collect()
}

impl<'a> Index<'a> {
    /// Builds the lists; `profiles` must be sorted by id without repeats.
    pub(crate) fn new(profiles: Vec<&'a Profile>) -> Index<'a> {
        let mut features: HashMap<(u8, &'a str), u32> = HashMap::new();
        let mut bands: HashMap<u64, u32> = HashMap::new();
        // each list's length, then the lists themselves, filled in profile order
        let mut lengths: Vec<u32> = Vec::new();
        let mut feature_lists = Rows::new();
        let mut band_lists = Rows::new();
        for &p in &profiles {
            feature_lists.push(&list_ids(&mut features, &mut lengths, feature_keys(p)));
            let keys = crate::minhash::band_keys(&p.features.signature);
            band_lists.push(&list_ids(&mut bands, &mut lengths, keys.into_iter()));
        }
        drop(bands);
        let entries = (0..profiles.len()).flat_map(|i| {
            let doc = u32::try_from(i).unwrap_or(u32::MAX);
            let mine = feature_lists.row(i).iter().chain(band_lists.row(i));
            mine.map(move |&k| (k as usize, doc))
        });
        let lists = Rows::filled(&lengths, entries);
        drop(lengths);
        let terms: Vec<&[(String, f32)]> = profiles
            .iter()
            .map(|p| p.features.terms.as_slice())
            .collect();
        let names: Vec<&[(String, f32)]> = profiles
            .iter()
            .map(|p| p.features.names.as_slice())
            .collect();
        let person_id = vocabulary_ranks(profiles.iter().flat_map(|p| {
            let f = &p.features;
            f.people.iter().chain(&f.lead).map(String::as_str)
        }));
        let day_id = vocabulary_ranks(
            profiles
                .iter()
                .flat_map(|p| p.features.days.iter().map(String::as_str)),
        );
        let ranks = |words: &[String], id: &HashMap<&str, u32>| -> Vec<u32> {
            words
                .iter()
                .filter_map(|w| id.get(w.as_str()).copied())
                .collect()
        };
        let ranked = rank(&terms)
            .into_iter()
            .zip(rank(&names))
            .zip(rank_quotes(&profiles))
            .zip(&profiles)
            .map(|(((terms, names), quotes), p)| {
                let f = &p.features;
                Ranked {
                    terms,
                    names,
                    quotes,
                    published: p.published.map(crate::score::day_number),
                    years: f.years.clone(),
                    lead: f
                        .lead
                        .as_ref()
                        .and_then(|l| person_id.get(l.as_str()).copied()),
                    people: ranks(&f.people, &person_id),
                    days: ranks(&f.days, &day_id),
                    day_spans: crate::score::day_spans(f),
                }
            })
            .collect();
        Index {
            profiles,
            features,
            lists,
            feature_lists,
            band_lists,
            ranked,
        }
    }

    /// The pair score of documents `i` and `j` (as [`score::pair`], on the ranks, with
    /// `jaccard` 0 for a pair that shares no band: see [`score::pair_ranked`]); `None`
    /// when `floor` is given and the score surely stays below it.
    pub(crate) fn pair(
        &self,
        i: usize,
        j: Candidate,
        floor: Option<f64>,
        config: &Config,
    ) -> Option<PairScore> {
        score::pair_ranked(
            &self.ranked[i],
            &self.ranked[j.doc()],
            &self.profiles[i].features.signature,
            &self.profiles[j.doc()].features.signature,
            j.band,
            floor,
            config,
        )
    }

    /// The length of a feature's list.
    pub(crate) fn list_len(&self, key: &(u8, &str)) -> usize {
        self.features
            .get(key)
            .map_or(0, |&k| self.lists.row(k as usize).len())
    }

    /// The candidates of document `i` (any index but `i`), sorted.
    pub(crate) fn candidates(&self, i: usize, config: &Config) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let of = |doc: &u32, band: bool| Candidate { at: *doc, band };
        for &k in self.band_lists.row(i) {
            out.extend(self.lists.row(k as usize).iter().map(|d| of(d, true)));
        }
        for &k in self.feature_lists.row(i) {
            let list = self.lists.row(k as usize);
            if list.len() <= config.max_list {
                out.extend(list.iter().map(|d| of(d, false)));
            }
        }
        out.retain(|c| c.doc() != i);
        // by document, a band's entry first, then one per document
        out.sort_unstable_by(|a, b| a.at.cmp(&b.at).then(b.band.cmp(&a.band)));
        out.dedup_by_key(|c| c.at);
        out
    }
}

/// A candidate of a document: its index, and whether the two share an LSH band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The index, as `u32`: a document's candidates can number tens of thousands.
    at: u32,
    pub(crate) band: bool,
}

impl Candidate {
    #[cfg(test)]
    pub(crate) fn new(doc: usize, band: bool) -> Candidate {
        Candidate {
            at: u32::try_from(doc).unwrap_or(u32::MAX),
            band,
        }
    }

    /// The candidate's index.
    pub(crate) fn doc(self) -> usize {
        self.at as usize
    }
}

/// The ids of the lists of `keys` (a list gets the next id on its key's first sight),
/// each once, sorted; each list's length in `lengths` counts the profile once.
fn list_ids<K: std::hash::Hash + Eq>(
    ids: &mut HashMap<K, u32>,
    lengths: &mut Vec<u32>,
    keys: impl Iterator<Item = K>,
) -> Vec<u32> {
    let mut mine: Vec<u32> = keys
        .map(|key| {
            *ids.entry(key).or_insert_with(|| {
                lengths.push(0);
                u32::try_from(lengths.len() - 1).unwrap_or(u32::MAX)
            })
        })
        .collect();
    mine.sort_unstable();
    mine.dedup();
    for &k in &mine {
        if let Some(n) = lengths.get_mut(k as usize) {
            *n += 1;
        }
    }
    mine
}

/// Rows of `u32` in one flat vector (compressed sparse rows): a row costs its entries and
/// one offset, where a `Vec` per row cost a header and an allocation (most lists of a
/// collection hold one or two documents).
struct Rows {
    /// Row `r` is `values[starts[r]..starts[r + 1]]` (`starts` begins with 0).
    starts: Vec<usize>,
    values: Vec<u32>,
}

impl Rows {
    /// No rows.
    fn new() -> Rows {
        Rows {
            starts: vec![0],
            values: Vec::new(),
        }
    }

    /// Appends a row.
    fn push(&mut self, row: &[u32]) {
        self.values.extend_from_slice(row);
        self.starts.push(self.values.len());
    }

    /// Rows of the given lengths holding `entries` (row, value), each row's values in the
    /// order given; an entry past its row's length is left out.
    fn filled(lengths: &[u32], entries: impl Iterator<Item = (usize, u32)>) -> Rows {
        let mut starts = Vec::with_capacity(lengths.len() + 1);
        let mut at = 0usize;
        starts.push(0);
        for &n in lengths {
            at += n as usize;
            starts.push(at);
        }
        let mut values = vec![0; at];
        // each row's next free slot
        let mut next: Vec<usize> = starts[..lengths.len()].to_vec();
        for (r, value) in entries {
            if let (Some(c), Some(&end)) = (next.get_mut(r), starts.get(r + 1))
                && *c < end
            {
                values[*c] = value;
                *c += 1;
            }
        }
        Rows { starts, values }
    }

    /// Row `r` (empty past the last row).
    fn row(&self, r: usize) -> &[u32] {
        match (self.starts.get(r), self.starts.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.values[a..b],
            _ => &[],
        }
    }
}

/// The keys a profile is listed under: `(0, term)` and `(1, name)`.
pub(crate) fn feature_keys(p: &Profile) -> impl Iterator<Item = (u8, &str)> {
    let f = &p.features;
    f.terms
        .iter()
        .map(|(t, _)| (0u8, t.as_str()))
        .chain(f.names.iter().map(|(n, _)| (1u8, n.as_str())))
}

/// The components of the strong-edge graph reachable from `seeds` (each sorted; all sorted
/// by their first member).
pub(crate) fn components(index: &Index<'_>, seeds: &[usize], config: &Config) -> Vec<Vec<usize>> {
    let n = index.profiles.len();
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for &s in seeds {
        if s >= n || seen[s] {
            continue;
        }
        seen[s] = true;
        let mut comp = vec![s];
        // Breadth first, one level at a time, each level's pairs scored on the workers.
        // The component is the same in any order of discovery: strong edges are symmetric,
        // so a document seen earlier (in this component or, unreachable from it, in an
        // earlier one) needs no score.
        let mut frontier = vec![s];
        while !frontier.is_empty() {
            let strong = |i: usize| -> Vec<usize> {
                index
                    .candidates(i, config)
                    .into_iter()
                    .filter(|&j| {
                        !seen[j.doc()]
                            && index
                                .pair(i, j, Some(config.threshold), config)
                                .is_some_and(|s| s.total >= config.threshold)
                    })
                    .map(|j| j.doc())
                    .collect()
            };
            let found: Vec<Vec<usize>> = if frontier.len() < PARALLEL_FROM {
                frontier.iter().map(|&i| strong(i)).collect()
            } else {
                frontier.par_iter().map(|&i| strong(i)).collect()
            };
            let mut next = Vec::new();
            for j in found.into_iter().flatten() {
                if !seen[j] {
                    seen[j] = true;
                    comp.push(j);
                    next.push(j);
                }
            }
            frontier = next;
        }
        comp.sort_unstable();
        out.push(comp);
    }
    out.sort();
    out
}

/// A possible merge of clusters `c < d` in the average-link heap: the highest average
/// first, then the lowest `c`, then the lowest `d` (the order a full scan would pick).
struct Merge {
    avg: f64,
    c: usize,
    d: usize,
    /// The clusters' versions when pushed.
    vc: u32,
    vd: u32,
}

impl Merge {
    fn new(avg: f64, c: usize, d: usize, version: &[u32]) -> Merge {
        Merge {
            avg,
            c,
            d,
            vc: version[c],
            vd: version[d],
        }
    }
}

impl PartialEq for Merge {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Merge {}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then(other.c.cmp(&self.c))
            .then(other.d.cmp(&self.d))
            .then(other.vc.cmp(&self.vc))
            .then(other.vd.cmp(&self.vd))
    }
}

/// The result of clustering one component.
pub(crate) struct Clustered {
    /// Copy id -> original id.
    pub(crate) duplicate_of: Vec<(String, String)>,
    /// The groups.
    pub(crate) groups: Vec<Group>,
}

/// The order documents are told in: publication date (dated first), then id.
pub(crate) fn earliest_key(p: &Profile) -> (bool, Option<chrono::NaiveDate>, &str) {
    (p.published.is_none(), p.published, p.id.as_str())
}

/// Clusters one component (indices sorted) by average-link.
pub(crate) fn cluster(index: &Index<'_>, comp: &[usize], config: &Config) -> Clustered {
    let pos: HashMap<usize, usize> = comp.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let profiles: Vec<&Profile> = comp.iter().map(|&i| index.profiles[i]).collect();
    // every candidate pair inside the component, scored once: (b, near-duplicate, total)
    // for each position a < b. A component can hold most of a large collection and
    // millions of pairs, so the pairs are scored a chunk of documents at a time and go
    // straight into the links; a group's reasons score its own pairs again.
    let scored = |(a, &i): (usize, &usize)| -> Vec<(usize, bool, f64)> {
        index
            .candidates(i, config)
            .into_iter()
            .filter_map(|j| {
                pos.get(&j.doc())
                    .copied()
                    .filter(|&b| b > a)
                    .map(|b| (b, j))
            })
            .filter_map(|(b, j)| {
                let s = index.pair(i, j, None, config)?;
                (s.total > 0.0).then(|| (b, s.duplicate(config), s.total))
            })
            .collect()
    };
    // the pair scores of a group's members (sorted positions), in (a, b) order
    let pos_ref = &pos;
    let inside_pairs = |set: &BTreeSet<usize>| -> Vec<PairScore> {
        set.iter()
            .flat_map(|&a| {
                let i = comp[a];
                index
                    .candidates(i, config)
                    .into_iter()
                    .filter(move |j| {
                        pos_ref
                            .get(&j.doc())
                            .is_some_and(|&b| b > a && set.contains(&b))
                    })
                    .filter_map(move |j| index.pair(i, j, None, config))
                    .filter(|s| s.total > 0.0)
            })
            .collect()
    };
    // each document's near-duplicate neighbours (from its edges, not from every pair),
    // and the links of average-link: a missing pair counts as 0
    let mut copies_of: Vec<Vec<usize>> = vec![Vec::new(); comp.len()];
    let mut links = Links::new(comp.len());
    let mut add = |a: usize, found: Vec<(usize, bool, f64)>| {
        for (b, duplicate, total) in found {
            if duplicate {
                copies_of[a].push(b);
                copies_of[b].push(a);
            }
            links.push(a, b, total);
        }
    };
    if comp.len() < PARALLEL_FROM {
        for (a, i) in comp.iter().enumerate() {
            add(a, scored((a, i)));
        }
    } else {
        let positions: Vec<(usize, &usize)> = comp.iter().enumerate().collect();
        for chunk in positions.chunks(SCORE_CHUNK) {
            let found: Vec<Vec<(usize, bool, f64)>> =
                chunk.par_iter().map(|&(a, i)| scored((a, i))).collect();
            for (&(a, _), found) in chunk.iter().zip(found) {
                add(a, found);
            }
        }
    }

    // near-duplicates: in publication order, a document copies the earliest original it
    // is a near-duplicate of
    let mut order: Vec<usize> = (0..comp.len()).collect();
    order.sort_by(|&x, &y| earliest_key(profiles[x]).cmp(&earliest_key(profiles[y])));
    let mut original_of: Vec<Option<usize>> = vec![None; comp.len()];
    let mut is_original = vec![false; comp.len()];
    let mut rank_of = vec![0; comp.len()];
    for (rank, &d) in order.iter().enumerate() {
        rank_of[d] = rank;
    }
    for &d in &order {
        // the earliest original before it that it is a near-duplicate of
        let found = copies_of[d]
            .iter()
            .copied()
            .filter(|&o| rank_of[o] < rank_of[d] && is_original[o])
            .min_by_key(|&o| rank_of[o]);
        match found {
            Some(o) => original_of[d] = Some(o),
            None => is_original[d] = true,
        }
    }
    let duplicate_of = (0..comp.len())
        .filter_map(|d| original_of[d].map(|o| (profiles[d].id.clone(), profiles[o].id.clone())))
        .collect();

    // average-link over the sparse graph
    let mut members: Vec<Option<Vec<usize>>> = (0..comp.len()).map(|k| Some(vec![k])).collect();
    // internal score sum of each cluster, for its cohesion (mean internal pair score)
    let mut internal: Vec<f64> = vec![0.0; comp.len()];
    let cohesion = |sum: f64, n: usize| {
        if n < 2 {
            None
        } else {
            Some(sum / (n * (n - 1) / 2) as f64)
        }
    };
    // The best merge is the pair of clusters with the highest average score (at least the
    // threshold, passing the cohesion check), ties to the lowest (c, d). A lazy max-heap
    // finds it without scanning every pair at every step: an entry is stale once either
    // cluster has merged since it was pushed (its `version` moved on), and every pair of a
    // cluster that merges is pushed again with its new average. A pair that fails the
    // cohesion check can only pass once one of its clusters changes, which pushes it again.
    let mut version: Vec<u32> = vec![0; comp.len()];
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    let size = |members: &[Option<Vec<usize>>], c: usize| members[c].as_ref().map_or(0, Vec::len);
    links.finish();
    for c in 0..comp.len() {
        let row = links.row(c);
        let after = row.partition_point(|&(d, _)| (d as usize) <= c);
        for &(d, sum) in &row[after..] {
            let d = d as usize;
            let avg = sum / (size(&members, c) * size(&members, d)) as f64;
            if avg >= config.threshold {
                heap.push(Merge::new(avg, c, d, &version));
            }
        }
    }
    while let Some(top) = heap.pop() {
        let (c, d) = (top.c, top.d);
        if version[c] != top.vc || version[d] != top.vd {
            continue;
        }
        let (Some(mc), Some(md)) = (&members[c], &members[d]) else {
            continue;
        };
        // two tight clusters that are much closer inside than to each other are two
        // events of one kind
        let tight = [
            cohesion(internal[c], mc.len()),
            cohesion(internal[d], md.len()),
        ]
        .into_iter()
        .flatten()
        .fold(f64::INFINITY, f64::min);
        if tight.is_finite() && top.avg < config.cohesion_ratio * tight {
            continue;
        }
        let cross = links.get(c, d).unwrap_or(0.0);
        internal[c] += internal[d] + cross;
        let md = members[d].take().unwrap_or_default();
        if let Some(mc) = members[c].as_mut() {
            mc.extend(md);
        }
        links.merge(c, d);
        version[c] += 1;
        version[d] += 1;
        let nc = size(&members, c);
        for &(e, sum) in links.row(c) {
            let e = e as usize;
            let avg = sum / (nc * size(&members, e)) as f64;
            if avg >= config.threshold {
                heap.push(Merge::new(avg, c.min(e), c.max(e), &version));
            }
        }
    }

    let groups = members
        .into_iter()
        .flatten()
        .map(|ms| make_group(&profiles, &ms, &inside_pairs, &original_of, config))
        .collect();
    Clustered {
        duplicate_of,
        groups,
    }
}

fn make_group(
    profiles: &[&Profile],
    ms: &[usize],
    inside_pairs: &dyn Fn(&BTreeSet<usize>) -> Vec<PairScore>,
    original_of: &[Option<usize>],
    config: &Config,
) -> Group {
    let mut sorted: Vec<usize> = ms.to_vec();
    sorted.sort_by(|&x, &y| earliest_key(profiles[x]).cmp(&earliest_key(profiles[y])));
    let members: Vec<String> = sorted.iter().map(|&k| profiles[k].id.clone()).collect();
    let id = sorted
        .first()
        .map(|&k| crate::story_id(&profiles[k].id))
        .unwrap_or_default();
    let why = if ms.len() > 1 {
        reasons(profiles, &sorted, inside_pairs, original_of, config)
    } else {
        Vec::new()
    };
    Group { id, members, why }
}

/// Why the members are grouped: each signal's mean contribution over the member pairs
/// that have one, with the shared names, terms, speakers and dates that carry it.
fn reasons(
    profiles: &[&Profile],
    ms: &[usize],
    inside_pairs: &dyn Fn(&BTreeSet<usize>) -> Vec<PairScore>,
    original_of: &[Option<usize>],
    config: &Config,
) -> Vec<Reason> {
    let set: BTreeSet<usize> = ms.iter().copied().collect();
    // the members' pairs in (a, b) order (so the sums are always the same), scored again
    // from each member's candidates instead of kept for every pair of the component
    let inside = inside_pairs(&set);
    let pairs = (ms.len() * (ms.len() - 1) / 2).max(1) as f64;
    let mean = |f: &dyn Fn(&PairScore) -> f64| inside.iter().map(f).sum::<f64>() / pairs;
    let mut out = Vec::new();

    let copies = ms
        .iter()
        .filter(|&&k| original_of[k].is_some_and(|o| set.contains(&o)))
        .count();
    if copies > 0 {
        out.push(Reason {
            kind: "near-duplicate".into(),
            detail: format!(
                "{copies} near-duplicate cop{} (word-shingle similarity >= {:.2})",
                if copies == 1 { "y" } else { "ies" },
                config.duplicate_jaccard
            ),
            weight: round3(copies as f64 / ms.len() as f64),
        });
    }
    let shared = |pick: &dyn Fn(&Profile) -> Vec<(String, f64)>| -> Vec<String> {
        let mut by: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        for &k in ms {
            for (key, w) in pick(profiles[k]) {
                let e = by.entry(key).or_default();
                e.0 += 1;
                e.1 += w;
            }
        }
        let mut v: Vec<(String, usize, f64)> = by
            .into_iter()
            .filter(|(_, (n, _))| *n >= 2)
            .map(|(k, (n, w))| (k, n, w))
            .collect();
        v.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.2.total_cmp(&a.2))
                .then_with(|| a.0.cmp(&b.0))
        });
        v.into_iter().take(5).map(|(k, _, _)| k).collect()
    };
    let names = shared(&|p: &Profile| {
        p.features
            .names
            .iter()
            .map(|(k, w)| (k.clone(), f64::from(*w)))
            .collect()
    });
    let w = mean(&|s| s.names * s.time);
    if w > 0.0 && !names.is_empty() {
        out.push(Reason {
            kind: "entities".into(),
            detail: format!("shared names: {}", names.join(", ")),
            weight: round3(w),
        });
    }
    let speakers = shared(&|p: &Profile| {
        p.features
            .quotes
            .iter()
            .filter(|(s, _)| !s.is_empty())
            .map(|(s, _)| (s.clone(), 1.0))
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .collect()
    });
    let w = mean(&|s| s.quotes * s.time);
    if w > 0.0 {
        let detail = if speakers.is_empty() {
            "overlapping quotes".to_string()
        } else {
            format!("overlapping quotes of {}", speakers.join(", "))
        };
        out.push(Reason {
            kind: "quotes".into(),
            detail,
            weight: round3(w),
        });
    }
    let terms = shared(&|p: &Profile| {
        p.features
            .terms
            .iter()
            .map(|(k, w)| (k.clone(), f64::from(*w)))
            .collect()
    });
    let w = mean(&|s| s.terms * s.time);
    if w > 0.0 && !terms.is_empty() {
        out.push(Reason {
            kind: "terms".into(),
            detail: format!("shared terms: {}", terms.join(", ")),
            weight: round3(w),
        });
    }
    let dates: Vec<chrono::NaiveDate> = ms.iter().filter_map(|&k| profiles[k].published).collect();
    let days = shared(&|p: &Profile| p.features.days.iter().map(|d| (d.clone(), 1.0)).collect());
    let t = inside.iter().map(|s| s.time).sum::<f64>() / inside.len().max(1) as f64;
    let mut detail = Vec::new();
    if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
        detail.push(format!("published within {} days", (*b - *a).num_days()));
    }
    if !days.is_empty() {
        detail.push(format!("both mention {}", days.join(", ")));
    }
    if !detail.is_empty() {
        out.push(Reason {
            kind: "time".into(),
            detail: detail.join("; "),
            weight: round3(t),
        });
    }
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.kind.cmp(&b.kind))
    });
    out
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_hold_what_was_pushed_or_filled() {
        let mut pushed = Rows::new();
        assert_eq!(pushed.row(0), &[] as &[u32]);
        pushed.push(&[3, 5]);
        pushed.push(&[]);
        pushed.push(&[7]);
        assert_eq!(
            (pushed.row(0), pushed.row(1), pushed.row(2), pushed.row(3)),
            (&[3, 5][..], &[][..], &[7][..], &[][..])
        );
        // a row takes as many values as its length, in the order given
        let entries = [(0, 4), (2, 9), (0, 6), (0, 8), (1, 1)];
        let filled = Rows::filled(&[2, 0, 1], entries.into_iter());
        assert_eq!(
            (filled.row(0), filled.row(1), filled.row(2)),
            (&[4, 6][..], &[][..], &[9][..])
        );
    }

    #[test]
    fn list_ids_count_each_profile_once() {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut lengths = Vec::new();
        assert_eq!(
            list_ids(&mut ids, &mut lengths, ["b", "a", "b"].into_iter()),
            [0, 1]
        );
        assert_eq!(
            list_ids(&mut ids, &mut lengths, ["a", "c"].into_iter()),
            [1, 2]
        );
        assert_eq!(lengths, [1, 2, 1]);
    }
}

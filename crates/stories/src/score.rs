//! The score of a pair of documents: how strongly two profiles say "same event".
//!
//! A pair's score depends only on the two profiles and the fixed background, never on the
//! rest of the collection, so it is the same however the collection was grown.

use crate::cluster::Ranked;
use crate::profile::{Features, dot};
use crate::{Config, Profile, minhash};

/// The parts of a pair's score.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct PairScore {
    /// The final score (1 or more for near-duplicates).
    pub(crate) total: f64,
    /// Estimated Jaccard similarity of the word shingles.
    pub(crate) jaccard: f64,
    /// Weighted contribution of shared terms.
    pub(crate) terms: f64,
    /// Weighted contribution of shared names.
    pub(crate) names: f64,
    /// Weighted contribution of shared quotes.
    pub(crate) quotes: f64,
    /// The time factor (1 = close in time, towards 0 = far apart or different years).
    pub(crate) time: f64,
}

impl PairScore {
    /// Whether the pair is a near-duplicate.
    pub(crate) fn duplicate(&self, config: &Config) -> bool {
        self.jaccard >= config.duplicate_jaccard
    }
}

pub(crate) fn pair(a: &Profile, b: &Profile, config: &Config) -> PairScore {
    let (fa, fb) = (&a.features, &b.features);
    let terms = dot(&fa.terms, &fb.terms);
    let names = dot(&fa.names, &fb.names);
    let quotes = quote_overlap(fa, fb);
    combine(a, b, [terms, names, quotes], config)
}

/// [`pair`] with the terms and names given as vocabulary ranks (same order, same sums).
pub(crate) fn pair_ranked(
    a: &Profile,
    b: &Profile,
    ra: &Ranked,
    rb: &Ranked,
    config: &Config,
) -> PairScore {
    let terms = dot(&ra.terms, &rb.terms);
    let names = dot(&ra.names, &rb.names);
    let quotes = quote_overlap_ranked(&ra.quotes, &rb.quotes);
    combine(a, b, [terms, names, quotes], config)
}

/// [`quote_overlap`] on vocabulary ranks.
fn quote_overlap_ranked(a: &[(Option<u32>, Vec<u32>)], b: &[(Option<u32>, Vec<u32>)]) -> f64 {
    let mut best = 0.0f64;
    for (sa, wa) in a {
        for (sb, wb) in b {
            let same = sa.is_some() && sa == sb;
            if !(same || sa.is_none() || sb.is_none()) {
                continue;
            }
            let shared = sorted_shared(wa, wb);
            if shared < 3 {
                continue;
            }
            let o = shared as f64 / wa.len().min(wb.len()).max(1) as f64;
            best = best.max(if same { o } else { o * 0.5 });
        }
    }
    best
}

/// The pair score from the dot products of terms and names and the quote overlap.
fn combine(a: &Profile, b: &Profile, parts: [f64; 3], config: &Config) -> PairScore {
    let (fa, fb) = (&a.features, &b.features);
    let jaccard = minhash::similarity(&fa.signature, &fb.signature);
    let terms = config.terms_weight * parts[0];
    let names = config.names_weight * parts[1];
    let quotes = config.quotes_weight * parts[2];
    let time = time_factor(a, b, config);
    let mut total = (terms + names + quotes) * time;
    if jaccard >= config.duplicate_jaccard {
        total = total.max(1.0 + jaccard);
    }
    PairScore {
        total,
        jaccard,
        terms,
        names,
        quotes,
        time,
    }
}

/// The best overlap of two quotes with the same (or an unknown) speaker: shared content
/// words over the shorter quote's words, counted from 3 shared words.
pub(crate) fn quote_overlap(a: &Features, b: &Features) -> f64 {
    let mut best = 0.0f64;
    for (sa, wa) in &a.quotes {
        for (sb, wb) in &b.quotes {
            if !(sa == sb || sa.is_empty() || sb.is_empty()) {
                continue;
            }
            let shared = sorted_shared(wa, wb);
            if shared < 3 {
                continue;
            }
            let o = shared as f64 / wa.len().min(wb.len()).max(1) as f64;
            let o = if sa == sb && !sa.is_empty() {
                o
            } else {
                o * 0.5
            };
            best = best.max(o);
        }
    }
    best
}

pub(crate) fn sorted_shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// 1 for documents published close together that mention compatible years; decays with
/// the days between publication dates beyond a grace period, and drops when both texts
/// mention years and share none, or each names most a person the other never names.
fn time_factor(a: &Profile, b: &Profile, config: &Config) -> f64 {
    let mut f = 1.0;
    if let (Some(x), Some(y)) = (a.published, b.published) {
        let days = (x - y).num_days().unsigned_abs() as f64;
        let over = (days - config.days_grace).max(0.0);
        f *= (-over / config.days_scale.max(1e-9)).exp();
    }
    let (ya, yb) = (&a.features.years, &b.features.years);
    if !ya.is_empty() && !yb.is_empty() && !ya.iter().any(|y| yb.binary_search(y).is_ok()) {
        f *= config.other_year_factor;
    }
    // each names a different person most: two events of one kind (two arrests, two injuries)
    if let (Some(la), Some(lb)) = (&a.features.lead, &b.features.lead)
        && b.features.people.binary_search(la).is_err()
        && a.features.people.binary_search(lb).is_err()
    {
        f *= config.other_lead_factor;
    }
    let (da, db) = (&a.features.days, &b.features.days);
    if !da.is_empty() && !db.is_empty() && sorted_shared(da, db) > 0 {
        f *= config.same_day_factor;
    }
    f
}

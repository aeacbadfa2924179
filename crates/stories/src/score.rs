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

/// [`pair`] with the profiles' features given as vocabulary ranks (same order, same sums,
/// so the same score), for a pair of the index.
///
/// `maybe_duplicate` says whether the pair shares an LSH band: a pair that shares none
/// cannot reach [`Config::duplicate_jaccard`] (see [`minhash::band_bound`]), so its
/// signatures are not compared and its `jaccard` is 0. With `floor`, a pair whose score
/// surely stays below it (the time factor times the largest sum the weights allow) is not
/// scored: `None`.
pub(crate) fn pair_ranked(
    ra: &Ranked,
    rb: &Ranked,
    sa: &[u32],
    sb: &[u32],
    maybe_duplicate: bool,
    floor: Option<f64>,
    config: &Config,
) -> Option<PairScore> {
    let skip_jaccard = !maybe_duplicate && minhash::band_bound(config.duplicate_jaccard);
    let time = time_factor_ranked(ra, rb, config);
    if let Some(floor) = floor
        && skip_jaccard
    {
        let quotes = if ra.quotes.is_empty() || rb.quotes.is_empty() {
            0.0
        } else {
            config.quotes_weight.abs()
        };
        // unit vectors: each dot product is at most 1 (the slack covers f32 rounding)
        let most = (config.terms_weight.abs() + config.names_weight.abs() + quotes) * time;
        if most * 1.001 < floor {
            return None;
        }
    }
    let jaccard = if skip_jaccard {
        0.0
    } else {
        minhash::similarity(sa, sb)
    };
    let terms = config.terms_weight * dot_ranked(&ra.terms, &rb.terms);
    let names = config.names_weight * dot_ranked(&ra.names, &rb.names);
    let quotes = config.quotes_weight * quote_overlap_ranked(&ra.quotes, &rb.quotes);
    Some(total(jaccard, terms, names, quotes, time, config))
}

/// [`dot`] on vocabulary ranks, without a branch on the comparison (the merge's branches
/// are what a pair's score spends its time on): the same products added in the same
/// order, and `+ 0.0` for a step without a match leaves the sum as it is.
fn dot_ranked(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        let ((ka, wa), (kb, wb)) = (a[i], b[j]);
        let product = f64::from(wa) * f64::from(wb);
        s += if ka == kb { product } else { 0.0 };
        i += usize::from(ka <= kb);
        j += usize::from(kb <= ka);
    }
    s
}

/// [`time_factor`] on the ranked forms (the same factors in the same order).
fn time_factor_ranked(a: &Ranked, b: &Ranked, config: &Config) -> f64 {
    let mut f = 1.0;
    if let (Some(x), Some(y)) = (a.published, b.published) {
        let days = event_gap(x, y, &a.day_spans, &b.day_spans) as f64;
        let over = (days - config.days_grace).max(0.0);
        f *= (-over / config.days_scale.max(1e-9)).exp();
    }
    let (ya, yb) = (&a.years, &b.years);
    if !ya.is_empty() && !yb.is_empty() && !ya.iter().any(|y| yb.binary_search(y).is_ok()) {
        f *= config.other_year_factor;
    }
    if let (Some(la), Some(lb)) = (a.lead, b.lead)
        && b.people.binary_search(&la).is_err()
        && a.people.binary_search(&lb).is_err()
    {
        f *= config.other_lead_factor;
    }
    let (da, db) = (&a.days, &b.days);
    if !da.is_empty() && !db.is_empty() && sorted_shared(da, db) > 0 {
        f *= config.same_day_factor;
    }
    f
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
    total(jaccard, terms, names, quotes, time, config)
}

/// The pair score from its weighted parts and time factor.
fn total(
    jaccard: f64,
    terms: f64,
    names: f64,
    quotes: f64,
    time: f64,
    config: &Config,
) -> PairScore {
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
/// the days between publication dates (or, when shorter, between one's publication and a
/// past day the other mentions: see [`event_gap`]) beyond a grace period, and drops when both texts
/// mention years and share none, or each names most a person the other never names.
fn time_factor(a: &Profile, b: &Profile, config: &Config) -> f64 {
    let mut f = 1.0;
    if let (Some(x), Some(y)) = (a.published, b.published) {
        let (da, db) = (day_spans(&a.features), day_spans(&b.features));
        let days = event_gap(day_number(x), day_number(y), &da, &db) as f64;
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

/// Days between two documents' events: the days between their publication dates `pa` and
/// `pb`, or, when shorter, between one's publication and a day (or month) up to its own
/// publication that the other mentions (`da`, `db`: the spans of days each text mentions,
/// first and last day numbers). A follow-up published months later (a charge, a trial, a
/// sentence) names the day or month of the event that the first report was published in,
/// and two follow-ups that name the same past day (not only month) tell of that day's
/// event (the gap is 0); a day still to come (a hearing set for next month) says nothing
/// about when the event was.
pub(crate) fn event_gap(pa: i32, pb: i32, da: &[(i32, i32)], db: &[(i32, i32)]) -> u32 {
    let distance = |p: i32, (first, last): (i32, i32)| {
        if p < first {
            first.abs_diff(p)
        } else {
            p.abs_diff(last.min(p))
        }
    };
    let mut gap = pa.abs_diff(pb);
    for &span in db.iter().filter(|s| s.0 <= pb) {
        gap = gap.min(distance(pa, span));
    }
    for &span in da.iter().filter(|s| s.0 <= pa) {
        gap = gap.min(distance(pb, span));
    }
    // both name the same past day (a trial and a sentencing, each recalling the shooting)
    let same_past_day = da
        .iter()
        .any(|x| x.0 == x.1 && x.0 <= pa.min(pb) && db.contains(x));
    if same_past_day { 0 } else { gap }
}

/// A date as its day number (days from the Common Era), the form [`event_gap`] compares.
pub(crate) fn day_number(d: chrono::NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&d)
}

/// The days (`YYYY-MM-DD`) and months (`YYYY-MM`) a profile mentions as spans of day
/// numbers (first and last day; those that parse), sorted.
pub(crate) fn day_spans(f: &Features) -> Vec<(i32, i32)> {
    let parse = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let days = f.days.iter().filter_map(|d| parse(d)).map(|d| {
        let n = day_number(d);
        (n, n)
    });
    let months = f.months.iter().filter_map(|m| {
        let first = parse(&format!("{m}-01"))?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        Some((day_number(first), day_number(last)))
    });
    let mut spans: Vec<(i32, i32)> = days.chain(months).collect();
    spans.sort_unstable();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i32 {
        day_number(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn a_follow_up_naming_the_day_of_the_event_is_close_to_the_first_report() {
        let (first, later) = (day("2014-07-26"), day("2015-10-01"));
        let on = |d: &str| (day(d), day(d));
        // the follow-up names 25 July 2014, the day before the first report
        assert_eq!(event_gap(first, later, &[], &[on("2014-07-25")]), 1);
        assert_eq!(event_gap(later, first, &[on("2014-07-25")], &[]), 1);
        // or only the month: the first report was published within it
        let july = (day("2014-07-01"), day("2014-07-31"));
        assert_eq!(event_gap(first, later, &[], &[july]), 0);
        assert_eq!(event_gap(day("2014-08-02"), later, &[], &[july]), 2);
        assert_eq!(event_gap(first, later, &[], &[]), 432);
        // two follow-ups a year apart naming the same past day; a shared month is not enough
        let (trial, sentence) = (day("2015-10-01"), day("2016-06-01"));
        assert_eq!(
            event_gap(trial, sentence, &[on("2014-07-25")], &[on("2014-07-25")]),
            0
        );
        assert_eq!(event_gap(trial, sentence, &[july], &[july]), 244);
        // a day still to come (a hearing) says nothing about the event
        assert_eq!(
            event_gap(first, day("2014-08-01"), &[on("2014-09-30")], &[]),
            6
        );
    }

    #[test]
    fn day_spans_hold_days_and_whole_months_and_skip_what_does_not_parse() {
        let f = Features {
            days: vec!["2020-03-05".to_string(), "2020-13-01".to_string()],
            months: vec!["2020-02".to_string()],
            ..Features::default()
        };
        assert_eq!(
            day_spans(&f),
            vec![
                (day("2020-02-01"), day("2020-02-29")),
                (day("2020-03-05"), day("2020-03-05"))
            ]
        );
    }
}

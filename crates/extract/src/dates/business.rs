//! The periods of business and financial reporting: halves (`the first half` ->
//! `1987-H1`), fiscal years (`fiscal 1988` -> `FY1988`, `the first quarter of fiscal
//! 1987` -> `FY1987-Q1`), the reporting quarter (`the latest quarter`, `the quarter`),
//! quarters named from the publication date (`this quarter`, `last quarter`) and the
//! same period a year before (`the year-earlier quarter`, `the year-ago period`).
//!
//! A quarter or half without a year is the latest one that has begun by the
//! publication date (a report of February speaks of its `fourth quarter` results). The
//! reporting quarter is the quarter or half the text named last before it, else the last
//! quarter completed before publication; the year-earlier period is that period a year
//! before. These follow TimeML's values (TimeBank tags `the year-earlier quarter` of a
//! third-quarter report as `1988-Q3`).
use super::Cand;
use super::calendar::month_number;
use super::rules::{m, whole};
use super::tense::word_after;
use chrono::{Datelike, NaiveDate};
use newsdesk_model::DateMention;

/// The quarter (1-4) of a date.
fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// `(year, quarter)` moved by `by` quarters.
fn shift_quarter(y: i32, q: u32, by: i32) -> (i32, u32) {
    let k = y * 4 + i32::try_from(q).unwrap_or(1) - 1 + by;
    (
        k.div_euclid(4),
        u32::try_from(k.rem_euclid(4)).unwrap_or(0) + 1,
    )
}

/// A year written as four digits or two (`'88`, `88`: 1950-2049).
pub(super) fn full_year(y: &str) -> Option<i32> {
    let digits = y.trim_start_matches(['\'', '’']);
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(n),
        2 => Some(if n < 50 { 2000 + n } else { 1900 + n }),
        _ => None,
    }
}

/// Words that say a text around a period speaks of business or the economy (a `first
/// half` or a `fourth quarter` without a year is a game's in sports news).
const BUSINESS_WORDS: &[&str] = &[
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "sales",
    "income",
    "loss",
    "losses",
    "dividend",
    "dividends",
    "shares",
    "share",
    "pct",
    "percent",
    "growth",
    "economy",
    "economic",
    "output",
    "production",
    "results",
    "forecast",
    "deficit",
    "surplus",
    "gdp",
    "inflation",
    "exports",
    "imports",
    "fiscal",
    "dlrs",
    "dollars",
    "billion",
    "million",
    "mln",
    "quarterly",
    "company",
    "companies",
    "market",
    "prices",
    "budget",
    "spending",
    "tax",
    "rate",
    "rates",
    "demand",
    "investment",
    "trade",
    "firm",
    "net",
    "charge",
    "charges",
    "reserve",
    "reserves",
    "cts",
    "shr",
    "stock",
    "stocks",
    "bonds",
    "bank",
    "banks",
    "financial",
    "gnp",
];

/// Words of sports reports, where `the fourth quarter` and `the second half` are parts of
/// a game.
const SPORTS_WORDS: &[&str] = &[
    "game",
    "games",
    "match",
    "scored",
    "score",
    "scoring",
    "goal",
    "goals",
    "points",
    "team",
    "season",
    "coach",
    "quarterback",
    "touchdown",
    "touchdowns",
    "halftime",
    "half-time",
    "innings",
    "penalty",
    "striker",
    "playoff",
    "playoffs",
    "minute",
    "minutes",
    "led",
    "beat",
    "win",
    "won",
    "victory",
    "league",
    "cup",
    "club",
    "referee",
    "players",
];

/// The words of the 300 bytes around `s..e`.
fn window_words(t: &str, s: usize, e: usize) -> impl Iterator<Item = &str> {
    let mut a = s.saturating_sub(300);
    while !t.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 300).min(t.len());
    while !t.is_char_boundary(b) {
        b += 1;
    }
    t.get(a..b)
        .unwrap_or_default()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
}

/// Whether a period at `s..e` without a year is a period of the calendar: the text
/// around it speaks of business or the economy, or at least not of a game.
pub(super) fn business_context(t: &str, s: usize, e: usize) -> bool {
    let has = |list: &[&str]| {
        window_words(t, s, e).any(|w| list.iter().any(|b| w.eq_ignore_ascii_case(b)))
    };
    has(BUSINESS_WORDS) || !has(SPORTS_WORDS)
}

/// Words before a period in its sentence that look ahead (`could begin to improve in
/// the second half`, `expects growth in the fourth quarter`).
const LOOKING_AHEAD: &[&str] = &[
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "likely",
    "expects",
    "expected",
    "expect",
    "forecast",
    "forecasts",
    "predicts",
    "predicted",
    "plans",
    "planned",
    "hopes",
    "projected",
    "anticipates",
    "anticipated",
    "seen",
    "due",
];

fn looks_ahead(t: &str, s: usize, e: usize) -> bool {
    if super::tense::event_tense(t, s, e) == super::tense::Tense::Future {
        return true;
    }
    let (sa, _) = super::tense::sentence_bounds(t, s);
    t.get(sa..s)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| LOOKING_AHEAD.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// The year and fiscal prefix of a quarter or half (`period` of `per_year`) from the
/// captures: a year written before or after it (`1986 fourth quarter`, `first half of
/// fiscal 1988`), `last year's`/`next year` around it, else the latest one begun by
/// publication, or the next one when its sentence looks ahead.
pub(super) fn period_year(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
    period: u32,
    per_year: u32,
) -> Option<(i32, &'static str)> {
    let fiscal = m(caps, "fy").is_some() || m(caps, "fy0").is_some();
    let fy = if fiscal { "FY" } else { "" };
    if let Some((_, _, y)) = m(caps, "year").or_else(|| m(caps, "year0")) {
        return Some((full_year(&y)?, fy));
    }
    let p = p?;
    let rel = m(caps, "ly")
        .or_else(|| m(caps, "ly2"))
        .or_else(|| m(caps, "which"))
        .map(|x| x.2.to_lowercase());
    if let Some(rel) = rel {
        let y = match rel.split_whitespace().next() {
            Some("last") => p.year() - 1,
            Some("next") => p.year() + 1,
            _ => p.year(),
        };
        return Some((y, fy));
    }
    // `the fourth quarter` of a game, `the second half` of a match are no periods
    let (s, e) = whole(caps);
    if !business_context(t, s, e) {
        return None;
    }
    let months = 12 / per_year;
    let current = (p.month() - 1) / months + 1;
    // looking ahead, the next such period, except the quarter that has just ended (`will
    // report first quarter results` in April); otherwise the latest one begun
    let just_ended = per_year == 4 && (period % per_year) + 1 == current;
    let y = if looks_ahead(t, s, e) && !just_ended {
        if period >= current {
            p.year()
        } else {
            p.year() + 1
        }
    } else if period > current {
        p.year() - 1
    } else {
        p.year()
    };
    Some((y, fy))
}

fn cand(s: usize, e: usize, value: String) -> Option<Cand> {
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

/// `first half`, `the second half of 1985`, `first half 1987`, `the second half of
/// fiscal 1986`, `the first half of the year`, `second-half`.
pub(super) fn build_half(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let h = match m(caps, "h")?.2.to_lowercase().as_str() {
        "first" | "1st" => 1,
        _ => 2,
    };
    // `half an hour`, `the first half of March`, `the second half of the match`: no
    // half-year (a year after `of` is taken by the pattern)
    let next = word_after(t, e);
    if next.starts_with("hour") || next == "of" || next == "an" || next == "a" {
        return None;
    }
    let (y, fy) = period_year(t, caps, p, h, 2)?;
    cand(s, e, format!("{fy}{y:04}-H{h}"))
}

/// `fiscal 1988`, `fiscal year 1987`, `fiscal '88`.
pub(super) fn build_fiscal_year(
    _t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let y = full_year(&m(caps, "year")?.2)?;
    cand(s, e, format!("FY{y:04}"))
}

/// `this quarter`, `the current quarter`, `last quarter`, `the previous quarter`, `next
/// quarter`: from the publication date; `the latest quarter`, `the quarter`, `the most
/// recent quarter`: the reporting quarter (see the module).
pub(super) fn build_named_quarter(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    // `the quarter-point cut`, `a quarter of`: no period
    if t.get(e..).is_some_and(|r| r.starts_with(['-', '–']))
        || word_after(t, e) == "of"
        || !business_context(t, s, e)
    {
        return None;
    }
    // `the quarter ended March 31`: the quarter of that month
    if let Some(month) = ended_month(t, e) {
        let q = (month - 1) / 3 + 1;
        let y = if month <= p.month() {
            p.year()
        } else {
            p.year() - 1
        };
        return cand(s, e, format!("{y:04}-Q{q}"));
    }
    let pre = m(caps, "pre").map(|x| x.2.to_lowercase());
    let pre = pre
        .as_deref()
        .map(|w| w.split_whitespace().last().unwrap_or(""));
    let (y, q) = (p.year(), quarter_of(p));
    let by = match pre {
        Some("this" | "current") => 0,
        Some("last" | "previous" | "prior" | "preceding") => -1,
        Some("next" | "coming") => 1,
        // the reporting quarter
        _ => {
            let (fy, fq) = shift_quarter(y, q, -1);
            return cand(s, e, format!("@period:0:{fy:04}-Q{fq}"));
        }
    };
    let (y, q) = shift_quarter(y, q, by);
    cand(s, e, format!("{y:04}-Q{q}"))
}

/// The month (1-12) named right after `ended`/`ending`/`end` at `e` (`the quarter
/// ended Dec 31`), if any.
fn ended_month(t: &str, e: usize) -> Option<u32> {
    let rest = t.get(e..)?.trim_start();
    let verb = rest.split_whitespace().next()?.to_lowercase();
    if !matches!(verb.as_str(), "ended" | "ending" | "end") {
        return None;
    }
    let word: String = rest
        .get(verb.len()..)?
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let n = month_number(&word)?;
    // a month's full name or its abbreviation (`Sept`), not `marketing`
    let name = chrono::Month::try_from(u8::try_from(n).ok()?).ok()?.name();
    (word.len() <= 4 || name.eq_ignore_ascii_case(&word)).then_some(n)
}

/// `the year-earlier quarter`, `the year-ago period`, `the same quarter last year`, `the
/// corresponding period a year earlier`: the reporting period a year before.
pub(super) fn build_year_ago_period(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    // `the same period` needs a year after it to say which
    let plain = m(caps, "yearago").is_none() && m(caps, "lastyear").is_none();
    if plain || !business_context(t, s, e) {
        return None;
    }
    let (fy, fq) = shift_quarter(p.year(), quarter_of(p), -5);
    cand(s, e, format!("@period:-1:{fy:04}-Q{fq}"))
}

/// The value of a `@period:OFF:FALLBACK` anchor: the latest quarter or half before it
/// (`1989-Q3`, `FY1987-H1`) moved by `OFF` years, else `FALLBACK`.
pub(super) fn resolve_period(off: i64, fallback: &str, before: &[DateMention]) -> String {
    before
        .iter()
        .rev()
        .find_map(|d| {
            let v = d.value.as_str();
            let (fy, rest) = match v.strip_prefix("FY") {
                Some(r) => ("FY", r),
                None => ("", v),
            };
            let year: i64 = rest.get(..4)?.parse().ok()?;
            let suffix = rest.get(4..)?;
            matches!(suffix, "-Q1" | "-Q2" | "-Q3" | "-Q4" | "-H1" | "-H2")
                .then(|| format!("{fy}{:04}{suffix}", year + off))
        })
        .unwrap_or_else(|| fallback.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_shift_across_years() {
        assert_eq!(shift_quarter(1989, 1, -1), (1988, 4));
        assert_eq!(shift_quarter(1989, 4, 1), (1990, 1));
        assert_eq!(shift_quarter(1989, 3, -4), (1988, 3));
        assert_eq!(full_year("'88"), Some(1988));
        assert_eq!(full_year("1990"), Some(1990));
        assert_eq!(full_year("123"), None);
    }

    #[test]
    fn periods_resolve_against_the_latest_quarter_or_half() {
        let mentions = |values: &[&str]| -> Vec<DateMention> {
            values
                .iter()
                .map(|v| DateMention {
                    text: String::new(),
                    value: (*v).to_string(),
                    start: 0,
                    end: 0,
                    timex: None,
                })
                .collect()
        };
        let before = mentions(&["1987-02-26", "1986-Q4"]);
        assert_eq!(resolve_period(-1, "x", &before), "1985-Q4");
        let before = mentions(&["FY1987-H1", "1987"]);
        assert_eq!(resolve_period(0, "x", &before), "FY1987-H1");
        assert_eq!(resolve_period(-1, "1985-Q4", &[]), "1985-Q4");
    }

    #[test]
    fn a_quarter_ends_in_a_named_month() {
        assert_eq!(ended_month(" ended March 31", 0), Some(3));
        assert_eq!(ended_month(" ended Sept 30", 0), Some(9));
        assert_eq!(ended_month(" end December", 0), Some(12));
        assert_eq!(ended_month(" ended marketing", 0), None);
        assert_eq!(ended_month(" rose 5 pct", 0), None);
    }
}

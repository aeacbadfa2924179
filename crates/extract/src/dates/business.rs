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
use super::tense::{word_after, word_before};
use chrono::{Datelike, NaiveDate};
use newsdesk_model::DateMention;
use regex::Regex;
use std::sync::LazyLock;

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

/// The year a year-long period ends in when the text names the month it ends or begins
/// in (`the fiscal year ending June 30`, `the year ended December 31, 1986`, `the fiscal
/// year that began July 1`): the year written, else the occurrence of that month on the
/// side of publication the text says (the last one when it speaks of the past, else the
/// next one); a period that begins in a month other than January ends in the year after.
fn year_ended(
    t: &str,
    caps: &regex::Captures<'_>,
    s: usize,
    e: usize,
    p: Option<NaiveDate>,
) -> Option<i32> {
    let (_, _, mon) = m(caps, "mon")?;
    let month = month_number(&mon)?;
    let dir = m(caps, "dir").map_or(String::new(), |x| x.2.to_lowercase());
    let begins = ["begin", "began", "begun", "start"]
        .iter()
        .any(|w| dir.contains(w));
    let start_year = match m(caps, "year").or_else(|| m(caps, "year2")) {
        Some((_, _, y)) => y.parse::<i32>().ok()?,
        None => {
            let p = p?;
            // `ended`, `began`: the past; `the year to March` of a report: the last one;
            // `ending`: as the verb that governs the period says
            let ahead = looks_ahead(t, s, e);
            let pre = m(caps, "pre").map_or(String::new(), |x| x.2.to_lowercase());
            let rel = m(caps, "rel").map_or(String::new(), |x| x.2.trim().to_lowercase());
            let earlier = ["last", "previous", "prior", "preceding"]
                .iter()
                .any(|w| pre.ends_with(w));
            let past = dir.contains("ended")
                || earlier
                || rel == "last"
                || dir.contains("began")
                || dir.contains("begun")
                || dir.contains("started")
                || (matches!(dir.as_str(), "to" | "through") && !ahead)
                || (!ahead && reports_the_past(t, s, e));
            match (past, begins) {
                // `ending next March`: the occurrence after publication
                _ if rel == "next" && month > p.month() => p.year(),
                _ if rel == "next" => p.year() + 1,
                (true, _) if month <= p.month() => p.year(),
                (true, _) => p.year() - 1,
                (false, true) if month > p.month() => p.year(),
                (false, true) => p.year() + 1,
                (false, false) if month >= p.month() => p.year(),
                (false, false) => p.year() + 1,
            }
        }
    };
    Some(if begins && month > 1 {
        start_year + 1
    } else {
        start_year
    })
}

/// `the current fiscal year`, `last fiscal year`, `the fiscal year ending June 30`,
/// `the fiscal year that began July 1, 1989`: a fiscal year is named by the year it ends
/// in, so one that ends in a named month is that month's fiscal year (the last one ended
/// by publication when the sentence speaks of the past, else the next to end), and one
/// that begins in a month other than January ends in the year after. Only the words up
/// to `year` are the mention; the date after it is a date of its own.
pub(super) fn build_named_fiscal_year(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, _) = whole(caps);
    let (_, e, _) = m(caps, "fyear")?;
    // `the fiscal year 1990` is `fiscal year 1990`'s
    let after = t.get(e..).unwrap_or_default().trim_start();
    if after.len() >= 2 && after.as_bytes().iter().take(2).all(u8::is_ascii_digit) {
        return None;
    }
    let pre = m(caps, "pre").map_or(String::new(), |x| x.2.to_lowercase());
    let pre = pre.split_whitespace().last().unwrap_or("").to_string();
    if let Some(y) = year_ended(t, caps, s, e, p) {
        return cand(s, e, format!("FY{y:04}"));
    }
    // `its fiscal year-end`, `changed its fiscal year end to December`: no period
    if after.starts_with(['-', '–']) || word_after(t, e) == "end" {
        return None;
    }
    let p = p?;
    let by = match pre.as_str() {
        "last" | "previous" | "prior" | "preceding" => -1,
        "next" | "coming" => 1,
        // `the fiscal year` needs a date or a determiner of time to say which
        "the" => return None,
        _ => 0,
    };
    cand(s, e, format!("FY{:04}", p.year() + by))
}

/// The last month of the year in which companies report the year before (annual results
/// come out from January to April).
const ANNUAL_REPORTS_UNTIL: u32 = 4;

/// The year a report means by `the year` or `year end` of publication: the one just
/// ended when a report of the first months of a year gives results for it (`For the
/// year, net income rose`, `cash fell to X at year end`), else the year of publication.
fn reporting_year(t: &str, s: usize, e: usize, p: NaiveDate) -> i32 {
    let written = t.get(s..e).unwrap_or_default().to_lowercase();
    let results = matches!(
        word_before(t, s).as_str(),
        "for" | "during" | "over" | "in" | "at"
    ) || written.contains("end");
    // `the rest of the year` lies ahead
    let ahead = ["rest", "remainder", "balance"]
        .iter()
        .any(|w| written.contains(w));
    if p.month() <= ANNUAL_REPORTS_UNTIL
        && results
        && !ahead
        && business_context(t, s, e)
        && !looks_ahead(t, s, e)
        && reports_the_past(t, s, e)
    {
        p.year() - 1
    } else {
        p.year()
    }
}

/// Whether the sentence around `s..e` reports the past: the verb that governs the period
/// is a past one, or none is near and the sentence's nearest tense marker is past, with
/// no present verb right after the period (`its outlook for the year remains`).
fn reports_the_past(t: &str, s: usize, e: usize) -> bool {
    use super::tense::{Tense, event_tense, tense};
    match event_tense(t, s, e) {
        Tense::Past => true,
        Tense::Future => false,
        Tense::Unknown => {
            tense(t, s) == Tense::Past
                && !matches!(
                    word_after(t, e).as_str(),
                    "is" | "are" | "remains" | "remain" | "looks" | "seems" | "appears"
                )
        }
    }
}

/// Words after `the year` that make it another year than the current one (`the year
/// before`, `the year he was born`, `the year that ended`).
const OTHER_YEAR_AFTER: &[&str] = &[
    "before",
    "after",
    "earlier",
    "later",
    "ago",
    "when",
    "that",
    "which",
    "since",
    "following",
    "prior",
    "preceding",
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "in",
    "of",
    "to",
];

/// Words before `of the year` that make it a part of the current year (`the end of the
/// year`, `the rest of the year`), not a title (`player of the year`).
const PART_OF_YEAR: &[&str] = &[
    "end",
    "start",
    "beginning",
    "rest",
    "remainder",
    "balance",
    "middle",
    "course",
    "half",
    "part",
    "most",
    "all",
    "months",
    "weeks",
    "days",
    "quarter",
    "quarters",
    "portion",
    "close",
    "turn",
];

/// `the year`, `the full year`, `the year 1996`, `year end`, `year-end`, `the end of the
/// year`, `the rest of the month`: the current year, month or week (TimeML gives `the
/// end of the year` the year's value with a `mod`), or the year written after it.
pub(super) fn build_the_year(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, mut e) = whole(caps);
    if let Some((_, ye, _)) = m(caps, "ofyear") {
        // `the year ended December 31, 1986`: the date after it is its own mention
        e = ye;
        let y = year_ended(t, caps, s, e, p)?;
        return cand(s, e, format!("{y:04}"));
    }
    if let Some((_, _, y)) = m(caps, "year").or_else(|| m(caps, "year3")) {
        return cand(s, e, y);
    }
    let p = p?;
    let rest = t.get(e..).unwrap_or_default();
    // `the year-earlier quarter`, `the year's` is fine, `the year-ago period` is not ours
    if rest.starts_with(['-', '–']) && m(caps, "end").is_none() {
        return None;
    }
    // `its fiscal year end`: when a company closes its books, no date
    if m(caps, "end").is_some() && word_before(t, s) == "fiscal" {
        return None;
    }
    let unit = m(caps, "unit").map_or("year".to_string(), |x| x.2.to_lowercase());
    if m(caps, "part").is_none() && m(caps, "end").is_none() {
        // plain `the year`
        let after = word_after(t, e);
        if OTHER_YEAR_AFTER.contains(&after.as_str()) && !rest.starts_with(['\'', '’']) {
            return None;
        }
        // `the year just ended`: the one before publication
        if matches!(after.as_str(), "just" | "ended") {
            return cand(s, e, format!("{:04}", p.year() - 1));
        }
        if word_before(t, s) == "of" {
            // the word before that `of`
            let of_at = t.get(..s)?.trim_end().len().saturating_sub(2);
            if !PART_OF_YEAR.contains(&word_before(t, of_at).as_str()) {
                return None;
            }
        }
    }
    let value = match unit.as_str() {
        "month" => format!("{:04}-{:02}", p.year(), p.month()),
        "week" => super::timex::iso_week(p),
        _ => format!("{:04}", reporting_year(t, s, e, p)),
    };
    cand(s, e, value)
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

/// The words between a year-long period and the date it ends or begins on.
static ENDING_BETWEEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^,?\s+{}\s+(?:on\s+|in\s+)?$",
        super::rules::ENDING
    ))
    .ok()
});

/// `the fiscal year ending Sept. 30`, `the year ended December 31`: the day or month
/// after the period, written without a year, is its end in the period's year (or its
/// start, in the year before when it begins after January). Runs on the kept mentions.
pub(super) fn align_period_ends(text: &str, kept: &mut [Cand]) {
    let Some(re) = ENDING_BETWEEN.as_ref() else {
        return;
    };
    for i in 1..kept.len() {
        let (head, tail) = kept.split_at_mut(i);
        let (Some(period), Some(date)) = (head.last(), tail.first_mut()) else {
            continue;
        };
        let digits = period.value.strip_prefix("FY").unwrap_or(&period.value);
        let Some(year) = (digits.len() == 4)
            .then(|| digits.parse::<i32>().ok())
            .flatten()
        else {
            continue;
        };
        let between = text.get(period.e..date.s).unwrap_or_default();
        let Some(caps) = re.captures(between) else {
            continue;
        };
        let written = text.get(date.s..date.e).unwrap_or_default();
        let dated = date.value.len() >= 7
            && date.value.as_bytes().get(4) == Some(&b'-')
            && !date.time
            && date
                .value
                .get(5..7)
                .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit()));
        // a year or `last`/`next` written with the date says which
        let own_year = written.bytes().filter(u8::is_ascii_digit).count() >= 4
            || written.contains('\'')
            || ["last", "next", "this"]
                .iter()
                .any(|w| written.to_lowercase().starts_with(w));
        if !dated || own_year {
            continue;
        }
        let month: u32 = date
            .value
            .get(5..7)
            .and_then(|x| x.parse().ok())
            .unwrap_or(1);
        let dir = caps.name("dir").map_or("", |x| x.as_str()).to_lowercase();
        let begins = ["begin", "began", "start"].iter().any(|w| dir.contains(w));
        let y = if begins && month > 1 { year - 1 } else { year };
        date.value = format!("{y:04}{}", date.value.get(4..).unwrap_or_default());
    }
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

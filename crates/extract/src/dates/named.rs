//! Dates named by the calendar: days, months, years, decades, ISO dates, quarters, seasons, holidays.
use super::Cand;
use super::calendar::{holiday_date, month_diff, month_number, nearest_year};
use super::rules::{m, whole};
use super::tense::{Tense, event_tense, future_context, future_window, tense, word_before};
use super::timex::{iso_week, season_code, ym, ymd};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// The year shared by a pair of days: `, 2019` in `April 24 and 25, 2019`.
static SHARED_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:and|or|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})(?-u:\b)").ok()
});

pub(super) fn build_day(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let (s, e) = whole(caps);
    let mo = month_number(&m(caps, "mon")?.2)?;
    let day: u32 = m(caps, "day")?.2.parse().ok()?;
    let shared = || -> Option<String> {
        let re = SHARED_YEAR.as_ref()?;
        let rest = t
            .get(e..e.saturating_add(40).min(t.len()))
            .or_else(|| t.get(e..))?;
        Some(re.captures(rest)?.get(1)?.as_str().to_string())
    };
    let year = m(caps, "year").map(|x| x.2).or_else(shared);
    let value = match year {
        Some(y) => ymd(NaiveDate::from_ymd_opt(y.parse().ok()?, mo, day)?),
        None => {
            // `May 5` is fine, but a bare `May` needs the day to be a plausible date
            ymd(nearest_year(p?, mo, day, future_window(tense(t, s)))?)
        }
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

/// Only the second day of a pair (`25` in `April 24 and 25`): the first is
/// found on its own.
pub(super) fn build_second_day(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (ds, _, _) = m(caps, "day")?;
    let mut c = build_day(t, caps, p)?;
    c.s = ds;
    Some(c)
}

pub(super) fn build_month_year(
    _t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let mo = month_number(&m(caps, "mon")?.2)?;
    let y: i32 = m(caps, "year")?.2.parse().ok()?;
    Some(Cand {
        s,
        e,
        value: ym(y, mo),
        time: false,
    })
}

/// Words that follow the noun `march` or the modal `may`, never a month
/// used as a modifier (`the March on Washington`, `the May of ...`).
const NOT_AFTER_MONTH: &[&str] = &[
    "on", "of", "for", "to", "from", "through", "against", "in", "into", "across", "toward",
    "towards", "by", "with", "and", "or", "was", "is", "will", "has", "had", "would", "could",
    "should", "be", "been", "that", "which", "who", "past", "down", "up", "along", "around", "at",
    "ended", "began", "went", "moved",
];

/// `the March accession`, `its May report`: a capitalised `March` or `May`
/// after a determiner and before a lowercase noun is the month (the verb
/// and the noun `march` are lowercase mid-sentence, and a named march is
/// followed by a preposition: `the March on Washington`).
fn month_as_modifier(t: &str, ms: usize, me: usize) -> bool {
    let before = word_before(t, ms);
    let det = matches!(
        before.as_str(),
        "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "our" | "each"
    );
    let rest = t.get(me..).unwrap_or_default();
    let after: String = rest
        .strip_prefix(' ')
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    det && after.len() > 1
        && after.starts_with(|c: char| c.is_lowercase())
        && !NOT_AFTER_MONTH.contains(&after.as_str())
}

/// `February this year`, `April next year`: the year named right after a
/// month (the year phrase stays a mention of its own).
static YEAR_AFTER_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s+(?i:(?P<rel>this|last|next|the\s+previous|the\s+following)\s+year)(?-u:\b)")
        .ok()
});

pub(super) fn build_month(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (ms, me, name) = m(caps, "mon")?;
    let mo = month_number(&name)?;
    let pre = m(caps, "pre").map(|x| (x.0, x.2.to_lowercase()));
    // `May` and `March` are also words: only with a preposition before them
    // or as a modifier after a determiner
    if matches!(name.as_str(), "May" | "March") && pre.is_none() && !month_as_modifier(t, ms, me) {
        return None;
    }
    let cur = (p.year(), p.month());
    let named_year = YEAR_AFTER_MONTH
        .as_ref()
        .and_then(|re| re.captures(t.get(me..)?))
        .and_then(|c| c.name("rel"))
        .map(|r| match r.as_str().to_lowercase().as_str() {
            "this" => cur.0,
            "next" | "the following" => cur.0 + 1,
            _ => cur.0 - 1,
        });
    // `since February` looks back, and so does a month dated by a past
    // verb; otherwise the nearest wins, no more than about four months ahead
    // unless the sentence speaks of the future
    // the month an event happens in (`began in February`, `will report in
    // February`) lies on the side of publication its verb says; a month
    // named otherwise (`figures for February are expected`, `the April
    // contract`) keeps the nearest
    let when = matches!(
        pre.as_ref().map(|(_, w)| w.as_str()),
        Some("in" | "by" | "until" | "till" | "during" | "early" | "late" | "mid")
    );
    let dir = match pre.as_ref().map(|(_, w)| w.as_str()) {
        Some("since") => -1,
        _ if !when => 0,
        _ => match event_tense(t, ms, me) {
            Tense::Past => -1,
            Tense::Future => 1,
            Tense::Unknown => 0,
        },
    };
    let window = future_window(tense(t, ms)) / 30;
    // -1: on or before the current month, 1: on or after it, 0: nearest
    let pick = |dir: i32, strict: bool| -> i32 {
        let mut best = (i64::MAX, cur.0);
        for y in [cur.0 - 1, cur.0, cur.0 + 1] {
            let d = month_diff((y, mo), cur);
            let ok = match (dir, strict) {
                (-1, true) => d < 0,
                (-1, false) => d <= 0,
                (1, true) => d > 0,
                (1, false) => d >= 0,
                _ => true,
            };
            let mut key = d.abs() * 2 + i64::from(d > 0);
            if d > window && dir == 0 {
                key += 1000;
            }
            if ok && key < best.0 {
                best = (key, y);
            }
        }
        best.1
    };
    let (s, y) = match (pre.as_ref().map(|(s, w)| (*s, w.as_str())), named_year) {
        (Some((s, "early" | "late" | "mid")), Some(y)) => (s, y),
        (_, Some(y)) => (ms, y),
        (Some((s, "last")), None) => (s, pick(-1, true)),
        (Some((s, "next")), None) => (s, pick(1, true)),
        (Some((s, "this")), None) => (s, cur.0),
        (Some((s, "early" | "late" | "mid")), None) => (s, pick(dir, false)),
        _ => (ms, pick(dir, false)),
    };
    Some(Cand {
        s,
        e: me,
        value: ym(y, mo),
        time: false,
    })
}

pub(super) fn build_decade(
    _t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let value = if let Some((_, _, d)) = m(caps, "dec") {
        d.get(..3)?.to_string()
    } else {
        let d2 = m(caps, "dec2")?.2;
        let century = match p {
            Some(p) if d2.parse::<i32>().ok()? + 1900 > p.year() => "20",
            _ => "19",
        };
        format!("{century}{}", d2.get(..1)?)
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

pub(super) fn build_iso(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    // not part of a longer number or path
    let prev = t.get(..s).and_then(|x| x.chars().next_back());
    if prev.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '-') {
        return None;
    }
    let mut y: i32 = m(caps, "year")?.2.parse().ok()?;
    if y < 100 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    let d = NaiveDate::from_ymd_opt(
        y,
        m(caps, "m")?.2.parse().ok()?,
        m(caps, "d")?.2.parse().ok()?,
    )?;
    Some(Cand {
        s,
        e,
        value: ymd(d),
        time: false,
    })
}

pub(super) fn build_quarter(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let q = match m(caps, "q")?.2.to_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let (y, fy) = super::business::period_year(t, caps, p, q, 4)?;
    Some(Cand {
        s,
        e,
        value: format!("{fy}{y:04}-Q{q}"),
        time: false,
    })
}

pub(super) fn build_season_year(
    _t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let season = m(caps, "season")?.2.to_lowercase();
    let y: i32 = m(caps, "year")?.2.parse().ok()?;
    Some(Cand {
        s,
        e,
        value: format!("{y:04}-{}", season_code(&season)),
        time: false,
    })
}

/// `in the spring`, `during the summer`, `by the fall`: the season of the year of
/// publication once it has begun (the last one when the sentence speaks of the past, the
/// next one to end when it looks ahead). The preposition is not part of the mention;
/// `the fall of Rome` and `the fall in prices` are no season.
pub(super) fn build_season(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (_, e) = whole(caps);
    let (s, _, _) = m(caps, "the")?;
    let season = m(caps, "season")?.2.to_lowercase();
    let after = super::tense::word_after(t, e);
    let fall_noun = season == "fall"
        && matches!(
            after.as_str(),
            "in" | "to"
                | "from"
                | "on"
                | "for"
                | "at"
                | "below"
                | "above"
                | "back"
                | "by"
                | "was"
                | "is"
                | "has"
                | "had"
                | "would"
                | "could"
                | "came"
                | "comes"
                | "and"
        );
    // `the spring of 1990`, `the summer 1989`: the season and year rule's
    let year_after = t
        .get(e..)
        .unwrap_or_default()
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    if fall_noun || after == "of" || year_after {
        return None;
    }
    // the month each season starts in, winter counted from December
    let start: u32 = match season.as_str() {
        "spring" => 3,
        "summer" => 6,
        "winter" => 12,
        _ => 9,
    };
    // a season not yet begun this year is this year's unless the verb that governs it
    // speaks of the past (`by the fall`, `hoped to sign in the summer`: this year's); a
    // season that has begun is this year's (the winter of January and February began the
    // year before)
    let month = p.month();
    let pre = m(caps, "pre").map_or(String::new(), |x| x.2.to_lowercase());
    let forward = matches!(pre.as_str(), "by" | "until" | "till" | "before");
    let y = if season == "winter" && month <= 2 {
        p.year() - 1
    } else if month >= start {
        if future_context(t, s) && !forward && month >= start + 3 {
            p.year() + 1
        } else {
            p.year()
        }
    } else if !forward && event_tense(t, s, e) == Tense::Past {
        p.year() - 1
    } else {
        p.year()
    };
    Some(Cand {
        s,
        e,
        value: format!("{y:04}-{}", season_code(&season)),
        time: false,
    })
}

/// Words after a four-digit number that make it a count, not a year.
const COUNT_AFTER: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "civilians",
    "men",
    "women",
    "children",
    "tonnes",
    "tons",
    "dollars",
    "dlrs",
    "euros",
    "pounds",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "pct",
    "percent",
    "shares",
    "barrels",
    "acres",
    "hectares",
    "units",
    "cars",
    "jobs",
    "workers",
    "members",
    "votes",
    "residents",
    "families",
    "homes",
    "houses",
    "cases",
    "deaths",
    "times",
    "hours",
    "days",
    "kg",
    "points",
    "vehicles",
    "refugees",
    "students",
    "mln",
    "billion",
    "million",
    "of",
];

pub(super) fn build_year(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let prev = t.get(..s).and_then(|x| x.chars().next_back());
    let lo = (s.saturating_sub(5)..=s)
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(s);
    let before = t.get(lo..s).unwrap_or_default().to_lowercase();
    let prefixed = ["pre-", "post-", "mid-"]
        .iter()
        .any(|x| before.ends_with(x));
    if !prefixed
        && prev.is_some_and(|c| {
            c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | ',' | '.' | '#' | '-' | '/')
        })
    {
        return None;
    }
    let rest = t.get(e..).unwrap_or("");
    if rest.starts_with(|c: char| {
        matches!(c, '%' | ',' | '.') && rest.chars().nth(1).is_some_and(|d| d.is_ascii_digit())
    }) {
        return None;
    }
    if rest.starts_with('%')
        || rest.starts_with("s")
        || rest.starts_with('-') && rest.chars().nth(1).is_some_and(|d| d.is_ascii_digit())
    {
        return None;
    }
    let next_word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if COUNT_AFTER.contains(&next_word.as_str()) {
        return None;
    }
    // `Rs 2000`, `No. 1998`
    let before_word: String = t
        .get(..s)
        .unwrap_or("")
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase();
    if matches!(
        before_word.as_str(),
        "rs" | "rs."
            | "no."
            | "no"
            | "number"
            | "about"
            | "nearly"
            | "some"
            | "over"
            | "than"
            | "least"
    ) {
        return None;
    }
    Some(Cand {
        s,
        e,
        value: m(caps, "year")?.2,
        time: false,
    })
}

/// `Thanksgiving`, `last Christmas`, `Easter week`: the occurrence nearest the
/// publication date as for a day without a year (the next one in a sentence
/// about the future); `last`/`next`/`this` pick.
pub(super) fn build_holiday(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let name = m(caps, "hol")?.2;
    let pre = m(caps, "pre").map(|x| x.2.to_lowercase());
    let y = p.year();
    let cands: Vec<NaiveDate> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|&cy| holiday_date(&name, cy))
        .collect();
    let d = match pre.as_deref() {
        Some("last") => cands.iter().rev().find(|d| **d < p).copied()?,
        Some("next") => cands.iter().find(|d| **d > p).copied()?,
        Some(_) => holiday_date(&name, y)?,
        None if future_context(t, s) => cands.iter().find(|d| **d >= p).copied()?,
        None => {
            let this = holiday_date(&name, y)?;
            nearest_year(p, this.month(), this.day(), future_window(tense(t, s)))
                .and_then(|n| holiday_date(&name, n.year()))?
        }
    };
    let value = match m(caps, "week").map(|x| x.2.trim().to_lowercase()) {
        Some(w) if w == "weekend" => format!("{}-WE", iso_week(d)),
        Some(_) => iso_week(d),
        None => ymd(d),
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

/// `the week of March 6` -> the ISO week of that day.
pub(super) fn build_week_of(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let day = build_day(t, caps, p)?;
    let d = NaiveDate::parse_from_str(&day.value, "%Y-%m-%d").ok()?;
    let (s, e) = whole(caps);
    Some(Cand {
        s,
        e,
        value: iso_week(d),
        time: false,
    })
}

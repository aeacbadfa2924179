//! Date and time expressions resolved against the publication date.
//!
//! Patterns, tried everywhere and kept longest-first without overlaps:
//! full dates (`March 5, 2020`, `5 March 2020`, `Aug. 7`, `2020-03-05`,
//! `3/5/2020`), months (`September 2018`, `last December`, `since February`),
//! years (`in 2019`, `post-1959`) and decades (`the 1990s` -> `199`), weekdays
//! (`on Friday`), relative days (`today`, `yesterday`, `tomorrow`, `two days
//! ago`, `a decade ago`), relative weeks, months and years (`this week` ->
//! `2020-W10`, `the week of March 16`, `last month`, `next year`), quarters
//! (`2020-Q1`), seasons (`2020-SU`), holidays (`Thanksgiving`, `Easter week`,
//! `Election Day`), clock times (`22:00 GMT` -> `2020-03-05T22:00:00Z`, `4 in
//! the morning`), and the other TimeML values: parts of day (`Friday night` ->
//! `2020-03-06TNI`, `this morning` -> `...TMO`, also `TAF`, `TEV`) and the
//! reference points `PRESENT_REF` (`now`, `currently`), `PAST_REF`
//! (`recently`, `formerly`) and `FUTURE_REF` (`in the future`).
//!
//! Resolution rules, with `published` as the anchor:
//! - a month or a day-of-month without a year takes the year that puts it
//!   nearest to the publication date (ties go to the past), but no more than
//!   about four months ahead unless its sentence speaks of the future;
//!   `last`/`next` force the previous/next occurrence;
//! - a weekday refers to the current week: when the nearest tense marker is a
//!   future one (`will`, `expected to`, `scheduled`...) the next occurrence on
//!   or after publication, otherwise the most recent one on or before it,
//!   except the day right after publication (news filed overnight reports
//!   `early on Friday` for a Thursday date line); `last`/`next` force the
//!   direction;
//! - clock times take the day named in their sentence, else the publication
//!   day; `that day`, `the next morning`, `later that year` take the latest
//!   date before them (and are dropped when there is none);
//! - without a publication date only expressions carrying their own year are kept.
//!
//! Durations (`six hours`, `seven days`, `within a week`) are quantities, not dates.
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use newsdesk_model::DateMention;
use regex::Regex;
use std::sync::LazyLock;

/// Finds dates in `text`, resolving relative ones against `published`.
pub(crate) fn find(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut cands: Vec<Cand> = Vec::new();
    for rule in RULES.iter() {
        for caps in rule.re.captures_iter(text) {
            if let Some(c) = (rule.build)(text, &caps, published)
                && c.s < c.e
                && c.e <= text.len()
                && text.is_char_boundary(c.s)
                && text.is_char_boundary(c.e)
            {
                cands.push(c);
            }
        }
    }
    cands.sort_by(|a, b| a.s.cmp(&b.s).then((b.e - b.s).cmp(&(a.e - a.s))));
    // longest first at each start, no overlaps: sorted by start, so only the
    // furthest end kept so far can overlap
    let mut kept: Vec<Cand> = Vec::new();
    let mut reach = 0;
    for c in cands {
        if c.s < reach {
            continue;
        }
        reach = c.e;
        kept.push(c);
    }
    resolve(text, kept, published)
}

/// Fills in what needs the other mentions: clock times take the day named in
/// their sentence, else the publication day; anchored expressions (`that
/// day`, `the next morning`, `later that year`) take the latest date before
/// them that is precise enough, and are dropped when there is none.
fn resolve(text: &str, kept: Vec<Cand>, published: Option<NaiveDate>) -> Vec<DateMention> {
    let days: Vec<(usize, usize, String)> = kept
        .iter()
        .filter(|c| !c.time && is_day_value(&c.value))
        .map(|c| (c.s, c.e, c.value.get(..10).unwrap_or_default().to_string()))
        .collect();
    let mut out: Vec<DateMention> = Vec::new();
    for c in kept {
        let value = if c.time {
            let (ss, se) = sentence_bounds(text, c.s);
            let lo = days.partition_point(|(s, _, _)| *s < ss);
            let day = days
                .get(lo..)
                .unwrap_or_default()
                .iter()
                .take_while(|(s, _, _)| *s < se)
                .filter(|(_, e, _)| *e <= se)
                .min_by_key(|(s, e, _)| {
                    if *s >= c.e {
                        s - c.e
                    } else {
                        c.s.saturating_sub(*e)
                    }
                })
                .map(|(_, _, v)| v.clone())
                .or_else(|| published.map(|p| p.format("%Y-%m-%d").to_string()));
            match day {
                Some(d) => format!("{d}T{}", c.value),
                None => continue,
            }
        } else if let Some(anchor) = c.value.strip_prefix('@') {
            match resolve_anchor(anchor, &out) {
                Some(v) => v,
                None => continue,
            }
        } else {
            c.value
        };
        out.push(DateMention {
            text: text.get(c.s..c.e).unwrap_or("").to_string(),
            value,
            start: c.s,
            end: c.e,
            timex: None,
        });
    }
    out
}

/// A date as the contract gives it: `value` in ISO 8601 at the precision the
/// text supports, and the TimeML value in `timex` where it says more (a part
/// of the day, a season, a quarter, the present). `PAST_REF` and `FUTURE_REF`
/// name no calendar value and give `None`; `PRESENT_REF` is the publication
/// date, when it is known.
pub(crate) fn to_iso(mut d: DateMention, published: Option<NaiveDate>) -> Option<DateMention> {
    let v = d.value.as_str();
    let iso = match v {
        "PAST_REF" | "FUTURE_REF" => return None,
        "PRESENT_REF" => published?.format("%Y-%m-%d").to_string(),
        _ => {
            let b = v.as_bytes();
            let year = v.get(..4).filter(|y| y.bytes().all(|c| c.is_ascii_digit()));
            if b.len() == 13
                && b.get(10) == Some(&b'T')
                && v[11..].bytes().all(|c| c.is_ascii_uppercase())
            {
                // `2020-03-05TNI`: a part of the day.
                v[..10].to_string()
            } else if let (Some(y), Some(rest)) = (year, v.get(4..))
                && matches!(
                    rest,
                    "-SP" | "-SU" | "-FA" | "-WI" | "-Q1" | "-Q2" | "-Q3" | "-Q4" | "-H1" | "-H2"
                )
            {
                y.to_string()
            } else {
                return Some(d);
            }
        }
    };
    d.timex = Some(std::mem::replace(&mut d.value, iso));
    Some(d)
}

/// `unit:offset[:pod]` against the latest earlier mention precise enough.
fn resolve_anchor(anchor: &str, before: &[DateMention]) -> Option<String> {
    let mut parts = anchor.split(':');
    let unit = parts.next()?;
    let off: i64 = parts.next()?.parse().ok()?;
    let pod = parts.next().unwrap_or("");
    match unit {
        "year" => {
            let y: i32 = before
                .iter()
                .rev()
                .find_map(|d| {
                    d.value
                        .get(..4)
                        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                })?
                .parse()
                .ok()?;
            Some(format!("{:04}", i64::from(y) + off))
        }
        _ => {
            let d = before.iter().rev().find_map(|d| {
                if is_day_value(&d.value) {
                    NaiveDate::parse_from_str(d.value.get(..10)?, "%Y-%m-%d").ok()
                } else {
                    None
                }
            })?;
            Some(format!(
                "{}{pod}",
                ymd(d.checked_add_signed(Duration::days(off))?)
            ))
        }
    }
}

/// `that day`, `the next morning`, `later that year`: resolved in [`resolve`].
fn build_anchored(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    p?;
    let (s, e) = whole(caps);
    let rel = m(caps, "rel").map(|x| x.2.to_lowercase());
    let unit = m(caps, "unit")?.2.to_lowercase();
    let off = match rel.as_deref() {
        Some("next" | "following") => 1,
        Some("previous" | "preceding") => -1,
        _ => 0,
    };
    let value = match unit.as_str() {
        "year" => format!("@year:{off}"),
        "day" => format!("@day:{off}"),
        part => format!("@day:{off}:{}", part_of_day(part)),
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

/// `4 in the morning`, `six o'clock in the evening`.
fn build_hour_of_day(_t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
    let (s, e) = whole(caps);
    let mut h = u32::try_from(small_number(&m(caps, "h")?.2)?).ok()?;
    if !(1..=12).contains(&h) {
        return None;
    }
    let part = m(caps, "part")?.2.to_lowercase();
    if part != "morning" && h < 12 {
        h += 12;
    } else if part == "morning" && h == 12 {
        h = 0;
    }
    Some(Cand {
        s,
        e,
        value: format!("{h:02}:00:00"),
        time: true,
    })
}

#[derive(Debug, Clone)]
struct Cand {
    s: usize,
    e: usize,
    value: String,
    /// A clock time: `value` is `HH:MM:SS[zone]`, the day is filled in later.
    time: bool,
}

type Build = fn(&str, &regex::Captures<'_>, Option<NaiveDate>) -> Option<Cand>;

struct Rule {
    re: Regex,
    build: Build,
}

const MONTHS_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_ABBR: &str = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/// Holidays with a rule for their date (see [`holiday_date`]).
const HOLIDAYS: &str = "Thanksgiving(?:\\s+Day)?|Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year(?:'s|’s)\\s+(?:Day|Eve)|Independence\\s+Day|Labou?r\\s+Day|Memorial\\s+Day|Veterans(?:'|’)?\\s+Day|Election\\s+Day|Easter(?:\\s+Sunday)?|Good\\s+Friday|Valentine(?:'s|’s)\\s+Day|Halloween|Boxing\\s+Day|Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?\\s+Day|Presidents(?:'|’)?\\s+Day|Mother(?:'s|’s)\\s+Day|Father(?:'s|’s)\\s+Day|St\\.?\\s+Patrick(?:'s|’s)\\s+Day";

/// TimeML part-of-day codes: `2020-03-05TMO`.
fn part_of_day(part: &str) -> &'static str {
    match part.to_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

fn rule(pattern: &str, build: Build) -> Option<Rule> {
    Regex::new(pattern).ok().map(|re| Rule { re, build })
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mon = format!(r"(?P<mon>{MONTHS_FULL}|(?:{MONTHS_ABBR})\.?)");
    let full = format!(r"(?P<mon>{MONTHS_FULL})");
    [
        // the second day of `April 24 and 25`, `March 5-6, 2020`
        rule(
            &format!(r"(?-u:\b){mon}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|or|to|-|–)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_second_day,
        ),
        // March 5, 2020 / Aug. 7 / March 15
        rule(
            &format!(r"(?-u:\b){mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_day,
        ),
        // 5 March 2020 / 5th of March
        rule(
            &format!(r"(?-u:\b)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_day,
        ),
        // September 2018
        rule(&format!(r"(?-u:\b){mon},?\s+(?P<year>(?:1[6-9]|20)\d\d)(?-u:\b)"), build_month_year),
        // (last) December, since February
        rule(
            &format!(r"(?i:(?-u:\b)(?P<pre>last|next|this|early|late|mid|since|in|until|till|by|from|during|of|through|before|after|between|and|to|or)[\s-]+)?(?-u:\b){full}(?-u:\b)"),
            build_month,
        ),
        // on Thursday, last Friday, Tuesday morning
        rule(
            &format!(r"(?:(?-u:\b)(?P<pre>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?:(?-u:\b)(?P<on>[Oo]n)\s+)?(?-u:\b)(?P<wd>{WEEKDAYS})(?-u:\b)(?:'s|’s)?(?:\s+(?P<part>morning|afternoon|evening|night))?"),
            build_weekday,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<w>today|tonight|yesterday|tomorrow|this)(?:\s+(?P<part>morning|afternoon|evening|night))?(?-u:\b)",
            build_relative_day,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<ref>(?:right\s+)?now|currently|presently|nowadays|at\s+present|these\s+days|recently|previously|formerly|lately|in\s+the\s+past|(?:the|its|his|her|their|our)\s+current|(?:in\s+)?(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future)(?-u:\b)",
            build_ref,
        ),
        rule(
            &format!(r"(?i:(?-u:\b)(?P<pre>last|next|this)\s+)?(?-u:\b)(?P<hol>{HOLIDAYS})(?P<week>\s+week(?:end)?)?(?-u:\b)"),
            build_holiday,
        ),
        rule(
            &format!(r"(?-u:\b)(?i:the\s+week\s+of)\s+{mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_week_of,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<pre>last|next|this|coming)\s+(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter)(?-u:\b)",
            build_relative_unit,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+(?P<unit>day|week|month|year|decade)s?\s+ago(?-u:\b)",
            build_ago,
        ),
        rule(r"(?-u:\b)(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>1[6-9]\d0|20\d0)s(?-u:\b)", build_decade),
        rule(r"(?:(?-u:\b)[Tt]he\s+)?'(?P<dec2>\d0)s(?-u:\b)", build_decade),
        rule(r"(?-u:\b)(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?-u:\b)", build_iso),
        rule(r"(?-u:\b)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4}|\d{2})(?-u:\b)", build_iso),
        rule(r"(?i)(?-u:\b)(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?-u:\b)(?:\s+of\s+(?P<year>\d{4}))?", build_quarter),
        rule(r"(?i)(?-u:\b)(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})(?-u:\b)", build_season_year),
        rule(r"(?-u:\b)(?P<year>1[6-9]\d\d|20\d\d)(?-u:\b)", build_year),
        rule(
            r"(?i)(?-u:\b)(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))?\s*(?P<zone>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK)?(?-u:\b)",
            build_time,
        ),
        rule(r"(?i)(?-u:\b)(?:noon|midday)(?-u:\b)", build_noon),
        rule(
            r"(?i)(?-u:\b)(?:(?:earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>next|following|previous|preceding)\s+)(?P<unit>day|morning|afternoon|evening|night|year)(?-u:\b)",
            build_anchored,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)(?-u:\b)",
            build_hour_of_day,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
});

fn m(caps: &regex::Captures<'_>, name: &str) -> Option<(usize, usize, String)> {
    caps.name(name)
        .map(|x| (x.start(), x.end(), x.as_str().to_string()))
}

fn whole(caps: &regex::Captures<'_>) -> (usize, usize) {
    caps.get(0).map_or((0, 0), |x| (x.start(), x.end()))
}

fn month_number(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_lowercase();
    let n = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn ym(y: i32, mo: u32) -> String {
    format!("{y:04}-{mo:02}")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// How far ahead of publication a date without a year may lie (about four
/// months) when nothing in its sentence speaks of the future.
const FUTURE_WINDOW_DAYS: i64 = 130;

/// The year that puts `mo`/`day` nearest to `pub_date`; ties go to the past.
///
/// A date more than `window` days ahead loses to the past one (news mostly
/// reports what happened).
fn nearest_year(pub_date: NaiveDate, mo: u32, day: u32, window: i64) -> Option<NaiveDate> {
    let y = pub_date.year();
    let mut best: Option<(i64, NaiveDate)> = None;
    for cy in [y - 1, y, y + 1] {
        let Some(d) = NaiveDate::from_ymd_opt(cy, mo, day) else {
            continue;
        };
        let diff = (d - pub_date).num_days();
        let mut key = diff.abs() * 2 + i64::from(diff > 0);
        if diff > window {
            key += 100_000;
        }
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, d));
        }
    }
    best.map(|(_, d)| d)
}

/// The year shared by a pair of days: `, 2019` in `April 24 and 25, 2019`.
static SHARED_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:and|or|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})(?-u:\b)").ok()
});

fn build_day(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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
fn build_second_day(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let (ds, _, _) = m(caps, "day")?;
    let mut c = build_day(t, caps, p)?;
    c.s = ds;
    Some(c)
}

fn build_month_year(_t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
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

fn month_diff(a: (i32, u32), b: (i32, u32)) -> i64 {
    (i64::from(a.0) * 12 + i64::from(a.1)) - (i64::from(b.0) * 12 + i64::from(b.1))
}

fn build_month(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let p = p?;
    let (ms, me, name) = m(caps, "mon")?;
    let mo = month_number(&name)?;
    let pre = m(caps, "pre").map(|x| (x.0, x.2.to_lowercase()));
    // `May` and `March` are also words: only with a preposition before them
    if matches!(name.as_str(), "May" | "March") && pre.is_none() {
        return None;
    }
    let cur = (p.year(), p.month());
    let window = future_window(tense(t, ms)) / 30;
    let pick = |dir: i32| -> i32 {
        let mut best = (i64::MAX, cur.0);
        for y in [cur.0 - 1, cur.0, cur.0 + 1] {
            let d = month_diff((y, mo), cur);
            let ok = match dir {
                -1 => d < 0,
                1 => d > 0,
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
    let (s, y) = match pre.as_ref().map(|(s, w)| (*s, w.as_str())) {
        Some((s, "last")) => (s, pick(-1)),
        Some((s, "next")) => (s, pick(1)),
        Some((s, "this")) => (s, cur.0),
        Some((s, "early" | "late" | "mid")) => (s, pick(0)),
        _ => (ms, pick(0)),
    };
    Some(Cand {
        s,
        e: me,
        value: ym(y, mo),
        time: false,
    })
}

fn weekday_of(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

/// The sentence around byte `at`: from after the previous `. ` / line break to the next.
fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
    let is_end = |i: usize, c: char| -> bool {
        if c == '\n' {
            return true;
        }
        if !matches!(c, '.' | '!' | '?') {
            return false;
        }
        let word: String = text
            .get(..i)
            .unwrap_or("")
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '.')
            .take(20)
            .collect();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if c == '.'
            && (word.contains('.')
                || letters == 1
                || (letters <= 4 && word.chars().last().is_some_and(char::is_uppercase)))
        {
            return false;
        }
        let rest = text.get(i + 1..).unwrap_or("");
        let trimmed = rest.trim_start();
        trimmed.len() < rest.len()
            && trimmed.starts_with(|d: char| d.is_uppercase() || d == '"' || d == '“')
    };
    // a sentence longer than this is a list or a table: cut it there, so
    // that each lookup stays bounded
    const REACH: usize = 600;
    let mut lo = at.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut s = lo;
    for (i, c) in text.get(lo..at).unwrap_or("").char_indices() {
        if is_end(lo + i, c) {
            s = lo + i + 1;
        }
    }
    let mut e = text.len();
    for (i, c) in text.get(at..).unwrap_or("").char_indices().take(REACH) {
        if is_end(at + i, c) {
            e = at + i;
            break;
        }
    }
    (s, e)
}

static FUTURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|shall|going to|plans? to|planning to|scheduled|expected to|due to|is to|are to|upcoming)(?-u:\b)|'ll(?-u:\b)").ok()
});

/// Past-tense verbs: a verb ending in `-ed` or a common irregular one.
static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:[a-z]{3,}ed|was|were|had|did|said|told|came|went|took|made|met|began|left|saw|gave|held|won|lost|fell|rose|got|found|became|brought|sent|spoke|wrote|struck|fought|paid|sold|bought|led|kept|ran|shot|hit|put|set)(?-u:\b)").ok()
});

/// Whether the mention at `at` sits in a sentence about the future: the
/// nearest tense marker before it in its sentence (or, failing one, after it)
/// is a future one (`will`, `scheduled`...) rather than a past verb.
fn future_context(text: &str, at: usize) -> bool {
    tense(text, at) == Tense::Future
}

/// The tense of the sentence around a mention, as its nearest marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
    Unknown,
}

/// The nearest tense marker before byte `at` in its sentence (or, failing
/// one, the first after it): a future one (`will`, `scheduled`...) or a past
/// verb.
fn tense(text: &str, at: usize) -> Tense {
    let (s, e) = sentence_bounds(text, at);
    let (Some(fut), Some(past)) = (FUTURE.as_ref(), PAST.as_ref()) else {
        return Tense::Unknown;
    };
    let pick = |f: Option<usize>, p: Option<usize>, later_wins: bool| match (f, p) {
        (Some(f), Some(p)) if (f > p) == later_wins => Some(Tense::Future),
        (Some(_), Some(_)) => Some(Tense::Past),
        (Some(_), None) => Some(Tense::Future),
        (None, Some(_)) => Some(Tense::Past),
        (None, None) => None,
    };
    let before = text.get(s..at.max(s)).unwrap_or_default();
    let last = |re: &Regex| re.find_iter(before).last().map(|x| x.end());
    if let Some(t) = pick(last(fut), last(past), true) {
        return t;
    }
    let after = text.get(at.min(e)..e).unwrap_or_default();
    let first = |re: &Regex| re.find(after).map(|x| x.start());
    pick(first(fut), first(past), false).unwrap_or(Tense::Unknown)
}

/// How far ahead of publication a date without a year may lie, in days.
fn future_window(tense: Tense) -> i64 {
    // a past verb nearby is no reason to push a date a year back: news
    // reports what was decided for the coming weeks in the past tense
    // (`he subpoenaed him to testify on Feb. 10`)
    match tense {
        Tense::Future => i64::MAX / 4,
        Tense::Past | Tense::Unknown => FUTURE_WINDOW_DAYS,
    }
}

fn build_weekday(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let wd = weekday_of(&m(caps, "wd")?.2)?;
    let f = (i64::from(wd.num_days_from_monday()) - i64::from(p.weekday().num_days_from_monday()))
        .rem_euclid(7);
    let b = (7 - f) % 7;
    let pre = m(caps, "pre").map(|x| x.2.to_lowercase());
    let offset = match pre.as_deref() {
        Some("last") => -(if b == 0 { 7 } else { b }),
        Some("next" | "coming") => {
            if f == 0 {
                7
            } else {
                f
            }
        }
        Some(_) => {
            if f <= b {
                f
            } else {
                -b
            }
        }
        None => {
            if future_context(t, s) {
                f
            } else if f == 1 {
                1
            } else {
                -b
            }
        }
    };
    let d = p.checked_add_signed(Duration::days(offset))?;
    let pod = m(caps, "part").map_or("", |x| part_of_day(&x.2));
    Some(Cand {
        s,
        e,
        value: format!("{}{pod}", ymd(d)),
        time: false,
    })
}

fn build_relative_day(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let w = m(caps, "w")?.2.to_lowercase();
    let part = m(caps, "part").map(|x| x.2);
    if w == "this" && part.is_none() {
        return None;
    }
    let pod = match (w.as_str(), part.as_deref()) {
        ("tonight", _) => "TNI",
        (_, Some(x)) => part_of_day(x),
        _ => "",
    };
    let off = if w.starts_with("yesterday") {
        -1
    } else if w.starts_with("tomorrow") {
        1
    } else {
        0
    };
    Some(Cand {
        s,
        e,
        value: format!("{}{pod}", ymd(p.checked_add_signed(Duration::days(off))?)),
        time: false,
    })
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn add_months(y: i32, mo: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (mo as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn season_code(s: &str) -> &'static str {
    match s {
        "spring" => "SP",
        "summer" => "SU",
        "winter" => "WI",
        _ => "FA",
    }
}

fn build_relative_unit(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let pre = m(caps, "pre")?.2.to_lowercase();
    let unit = m(caps, "unit")?.2.to_lowercase();
    let delta: i32 = match pre.as_str() {
        "last" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let value = match unit.as_str() {
        "week" => iso_week(p.checked_add_signed(Duration::weeks(i64::from(delta)))?),
        "weekend" => format!(
            "{}-WE",
            iso_week(p.checked_add_signed(Duration::weeks(i64::from(delta)))?)
        ),
        "month" => {
            let (y, mo) = add_months(p.year(), p.month(), delta);
            ym(y, mo)
        }
        "year" => format!("{:04}", p.year() + delta),
        season => format!("{:04}-{}", p.year() + delta, season_code(season)),
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

fn small_number(s: &str) -> Option<i64> {
    let n = match s.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        other => other.parse().ok()?,
    };
    Some(n)
}

fn build_ago(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let n = small_number(&m(caps, "n")?.2)?;
    if m(caps, "n")?.2.eq_ignore_ascii_case("several") {
        return None;
    }
    let unit = m(caps, "unit")?.2.to_lowercase();
    let value = match unit.as_str() {
        "day" => ymd(p.checked_sub_signed(Duration::days(n))?),
        "week" => iso_week(p.checked_sub_signed(Duration::weeks(n))?),
        "month" => {
            let (y, mo) = add_months(p.year(), p.month(), -i32::try_from(n).ok()?);
            ym(y, mo)
        }
        "decade" => format!("{:04}", p.year() - 10 * i32::try_from(n).ok()?),
        _ => format!("{:04}", p.year() - i32::try_from(n).ok()?),
    };
    Some(Cand {
        s,
        e,
        value,
        time: false,
    })
}

fn build_decade(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

fn build_iso(t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
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

fn build_quarter(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
    let (s, e) = whole(caps);
    let q = match m(caps, "q")?.2.to_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let y = match m(caps, "year") {
        Some((_, _, y)) => y.parse().ok()?,
        None => {
            let p = p?;
            let cur_q = (p.month() - 1) / 3 + 1;
            if q > cur_q { p.year() - 1 } else { p.year() }
        }
    };
    Some(Cand {
        s,
        e,
        value: format!("{y:04}-Q{q}"),
        time: false,
    })
}

fn build_season_year(_t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
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

fn build_year(t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
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

fn zone_suffix(z: &str) -> &'static str {
    match z.to_uppercase().as_str() {
        "GMT" | "UTC" => "Z",
        "BST" | "CET" => "+01:00",
        "CEST" | "EET" => "+02:00",
        "EEST" | "MSK" => "+03:00",
        "EDT" => "-04:00",
        "EST" | "CDT" => "-05:00",
        "CST" | "MDT" => "-06:00",
        "MST" => "-07:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        _ => "",
    }
}

fn build_time(t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
    let (s, mut e) = whole(caps);
    let mut h: u32 = m(caps, "h")?.2.parse().ok()?;
    let mi: u32 = m(caps, "mi").map_or(Some(0), |x| x.2.parse().ok())?;
    let ampm = m(caps, "ampm").map(|x| x.2.to_lowercase());
    let zone = m(caps, "zone").map(|x| x.2);
    let sep = m(caps, "sep").map(|x| x.2);
    // a clock time needs a colon, or a.m./p.m., or a zone after a dotted time
    let ok = matches!(
        (sep.as_deref(), &ampm, &zone),
        (Some(":"), _, _) | (_, Some(_), _) | (Some("."), None, Some(_))
    );
    if !ok {
        return None;
    }
    // not a ratio, score or part of a longer number
    let prev = t.get(..s).and_then(|x| x.chars().next_back());
    if prev.is_some_and(|c| c.is_ascii_digit() || c == ':' || c == '.' || c == '$') {
        return None;
    }
    let next = t.get(e..).and_then(|x| x.chars().next());
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    match ampm.as_deref() {
        Some(a) if a.starts_with('p') && h < 12 => h += 12,
        Some(a) if a.starts_with('a') && h == 12 => h = 0,
        Some(_) if h > 12 => return None,
        _ => {}
    }
    // trim trailing whitespace the optional groups let in
    let text = t.get(s..e)?;
    e = s + text.trim_end().len();
    let suffix = zone.as_deref().map_or("", zone_suffix);
    Some(Cand {
        s,
        e,
        value: format!("{h:02}:{mi:02}:00{suffix}"),
        time: true,
    })
}

/// Whether `v` is a calendar day, optionally with a part of day (`2020-03-05TMO`).
fn is_day_value(v: &str) -> bool {
    let b = v.as_bytes();
    (v.len() == 10 || (v.len() == 13 && b.get(10) == Some(&b'T')))
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().take(10).all(|c| c.is_ascii_digit() || *c == b'-')
}

/// `now`, `recently`, `the future`: TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
fn build_ref(t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
    let (s, e) = whole(caps);
    let w = m(caps, "ref")?.2.to_lowercase();
    let rest = t.get(e..).unwrap_or_default();
    let value = if w.ends_with("future") {
        // `futures` contracts, `future-proof`
        if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
            return None;
        }
        "FUTURE_REF"
    } else if matches!(
        w.as_str(),
        "recently" | "previously" | "formerly" | "lately" | "in the past"
    ) {
        "PAST_REF"
    } else {
        if w.ends_with("current")
            && rest
                .trim_start()
                .get(..7)
                .is_some_and(|x| x.eq_ignore_ascii_case("account"))
        {
            return None;
        }
        "PRESENT_REF"
    };
    Some(Cand {
        s,
        e,
        value: value.to_string(),
        time: false,
    })
}

/// The `nth` (1-based) `wd` of a month, or the last one when `nth` is 0.
fn nth_weekday(y: i32, mo: u32, wd: Weekday, nth: u32) -> Option<NaiveDate> {
    if nth == 0 {
        let (ny, nm) = add_months(y, mo, 1);
        let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    let mut d = NaiveDate::from_ymd_opt(y, mo, 1)?;
    while d.weekday() != wd {
        d = d.succ_opt()?;
    }
    d.checked_add_signed(Duration::weeks(i64::from(nth) - 1))
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The date of a holiday (US conventions for the movable ones) in year `y`.
fn holiday_date(name: &str, y: i32) -> Option<NaiveDate> {
    let n = name.to_lowercase().replace('’', "'");
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let fixed = |mo, d| NaiveDate::from_ymd_opt(y, mo, d);
    match n.as_str() {
        x if x.starts_with("thanksgiving") => nth_weekday(y, 11, Weekday::Thu, 4),
        "christmas eve" => fixed(12, 24),
        x if x.starts_with("christmas") => fixed(12, 25),
        "new year's eve" => fixed(12, 31),
        x if x.starts_with("new year") => fixed(1, 1),
        "independence day" => fixed(7, 4),
        x if x.starts_with("labor") || x.starts_with("labour") => {
            nth_weekday(y, 9, Weekday::Mon, 1)
        }
        "memorial day" => nth_weekday(y, 5, Weekday::Mon, 0),
        x if x.starts_with("veterans") => fixed(11, 11),
        "election day" => nth_weekday(y, 11, Weekday::Mon, 1)?.succ_opt(),
        x if x.starts_with("easter") => easter(y),
        "good friday" => easter(y)?.checked_sub_signed(Duration::days(2)),
        x if x.starts_with("valentine") => fixed(2, 14),
        "halloween" => fixed(10, 31),
        "boxing day" => fixed(12, 26),
        x if x.starts_with("martin luther king") => nth_weekday(y, 1, Weekday::Mon, 3),
        x if x.starts_with("presidents") => nth_weekday(y, 2, Weekday::Mon, 3),
        x if x.starts_with("mother") => nth_weekday(y, 5, Weekday::Sun, 2),
        x if x.starts_with("father") => nth_weekday(y, 6, Weekday::Sun, 3),
        x if x.starts_with("st") => fixed(3, 17),
        _ => None,
    }
}

/// `Thanksgiving`, `last Christmas`, `Easter week`: the occurrence nearest the
/// publication date as for a day without a year (the next one in a sentence
/// about the future); `last`/`next`/`this` pick.
fn build_holiday(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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
fn build_week_of(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

fn build_noon(_t: &str, caps: &regex::Captures<'_>, _p: Option<NaiveDate>) -> Option<Cand> {
    let (s, e) = whole(caps);
    Some(Cand {
        s,
        e,
        value: "12:00:00".to_string(),
        time: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2020, 3, 5) // a Thursday
    }

    /// Each case: input, expected (text, value) pairs in order.
    fn check(input: &str, expected: &[(&str, &str)]) {
        let got = find(input, published());
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|d| (d.text.as_str(), d.value.as_str()))
            .collect();
        assert_eq!(pairs, expected, "input: {input}");
        for d in &got {
            assert_eq!(input.get(d.start..d.end), Some(d.text.as_str()));
        }
    }

    #[test]
    fn absolute_and_relative() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "in Moscow, Russia on March 5, 2020 [photo]",
                &[("March 5, 2020", "2020-03-05")],
            ),
            (
                "On 5 March 2020, Russia and Turkey",
                &[("5 March 2020", "2020-03-05")],
            ),
            (
                "the Sochi agreement of September 2018",
                &[("September 2018", "2018-09")],
            ),
            (
                "joint patrols as of March 15.",
                &[("March 15", "2020-03-15")],
            ),
            (
                "violence since last December, the start",
                &[("last December", "2019-12")],
            ),
            ("an agreement reached last year", &[("last year", "2019")]),
            (
                "Erdogan told reporters on Thursday",
                &[("on Thursday", "2020-03-05")],
            ),
            (
                "reported early on Friday that",
                &[("on Friday", "2020-03-06")],
            ),
            ("was killed on Monday", &[("on Monday", "2020-03-02")]),
            ("will meet on Monday", &[("on Monday", "2020-03-09")]),
            ("last Friday's attack", &[("last Friday's", "2020-02-28")]),
            ("arrived in Ankara this week", &[("this week", "2020-W10")]),
            (
                "patrol at the end of next week",
                &[("next week", "2020-W11")],
            ),
            (
                "since the beginning of February to 60",
                &[("February", "2020-02")],
            ),
            (
                "offensive that began in December",
                &[("December", "2019-12")],
            ),
            (
                "in the 1990s and the '80s",
                &[("the 1990s", "199"), ("the '80s", "198")],
            ),
            (
                "yesterday and tomorrow",
                &[("yesterday", "2020-03-04"), ("tomorrow", "2020-03-06")],
            ),
            ("two days ago", &[("two days ago", "2020-03-03")]),
            (
                "the first quarter of 2019",
                &[("first quarter of 2019", "2019-Q1")],
            ),
            (
                "At midnight (Thursday local time) (22:00 GMT), it begins",
                &[
                    ("Thursday", "2020-03-05"),
                    ("22:00 GMT", "2020-03-05T22:00:00Z"),
                ],
            ),
            (
                "It starts at 6 p.m. on Friday.",
                &[
                    ("6 p.m.", "2020-03-06T18:00:00"),
                    ("on Friday", "2020-03-06"),
                ],
            ),
            (
                "Aug. 7, 1998 and Jan. 14",
                &[("Aug. 7, 1998", "1998-08-07"), ("Jan. 14", "2020-01-14")],
            ),
            ("in 2019, prices", &[("2019", "2019")]),
            (
                "talks in early March, officials",
                &[("early March", "2020-03")],
            ),
            ("a decade ago", &[("a decade ago", "2010")]),
            (
                "on April 24 and 25, 2019",
                &[("April 24", "2019-04-24"), ("25, 2019", "2019-04-25")],
            ),
            ("the post-1959 order", &[("1959", "1959")]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn parts_of_day_and_references() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Friday morning", &[("Friday morning", "2020-03-06TMO")]),
            (
                "on Wednesday night",
                &[("on Wednesday night", "2020-03-04TNI")],
            ),
            ("Tuesday evening", &[("Tuesday evening", "2020-03-03TEV")]),
            ("Monday afternoon", &[("Monday afternoon", "2020-03-02TAF")]),
            ("this morning", &[("this morning", "2020-03-05TMO")]),
            ("tonight", &[("tonight", "2020-03-05TNI")]),
            (
                "yesterday afternoon",
                &[("yesterday afternoon", "2020-03-04TAF")],
            ),
            ("is now open", &[("now", "PRESENT_REF")]),
            ("it is currently", &[("currently", "PRESENT_REF")]),
            ("he recently left", &[("recently", "PAST_REF")]),
            ("as it did in the past", &[("in the past", "PAST_REF")]),
            (
                "in the near future",
                &[("in the near future", "FUTURE_REF")],
            ),
            ("oil futures rose", &[]),
            ("the current crisis", &[("the current", "PRESENT_REF")]),
            ("the current account", &[]),
            (
                "It hit on March 2. Later that day it rained, and the next morning it froze.",
                &[
                    ("March 2", "2020-03-02"),
                    ("Later that day", "2020-03-02"),
                    ("the next morning", "2020-03-03TMO"),
                ],
            ),
            ("that day", &[]),
            (
                "In 1998 it began; later that year it ended.",
                &[("1998", "1998"), ("later that year", "1998")],
            ),
            (
                "at 4 in the morning",
                &[("4 in the morning", "2020-03-05T04:00:00")],
            ),
            (
                "He met them at 9 a.m. Tuesday morning.",
                &[
                    ("9 a.m.", "2020-03-03T09:00:00"),
                    ("Tuesday morning", "2020-03-03TMO"),
                ],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn holidays_and_weeks() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "since Thanksgiving Day",
                &[("Thanksgiving Day", "2019-11-28")],
            ),
            ("last Christmas", &[("last Christmas", "2019-12-25")]),
            ("next Christmas", &[("next Christmas", "2020-12-25")]),
            ("on Election Day", &[("Election Day", "2019-11-05")]),
            (
                "voters will go to the polls on Election Day",
                &[("Election Day", "2020-11-03")],
            ),
            ("before Easter", &[("Easter", "2020-04-12")]),
            ("during Easter week", &[("Easter week", "2020-W15")]),
            ("Memorial Day", &[("Memorial Day", "2020-05-25")]),
            ("Labor Day", &[("Labor Day", "2019-09-02")]),
            (
                "the week of March 16",
                &[("the week of March 16", "2020-W12")],
            ),
            ("New Year's Day", &[("New Year's Day", "2020-01-01")]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn tense_picks_the_direction() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The court will rule, Cuba predicted Wednesday.",
                &[("Wednesday", "2020-03-04")],
            ),
            ("The talks will resume Monday.", &[("Monday", "2020-03-09")]),
            (
                "Until Thursday, they had not called him",
                &[("Thursday", "2020-03-05")],
            ),
            ("the hearing in May", &[("May", "2020-05")]),
            ("a vote on April 24", &[("April 24", "2020-04-24")]),
            ("it began in October", &[("October", "2019-10")]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn not_dates() {
        let cases: &[&str] = &[
            "it lasted six hours and seven days",
            "within a week",
            "At 00.01 tonight it ends",
            "some 2,000 troops and 1998 people",
            "he may go",
            "they march on",
            "prices rose 1.5 pct to 2010.5",
        ];
        for input in cases {
            let got: Vec<_> = find(input, published())
                .into_iter()
                .filter(|d| d.text != "tonight")
                .collect();
            assert!(got.is_empty(), "{input}: {got:?}");
        }
    }

    #[test]
    fn without_publication_date_only_absolute() {
        let got = find("on Friday, March 15, 2019 and last year", None);
        let values: Vec<_> = got.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2019-03-15"]);
    }

    #[test]
    fn contract_values_are_iso_with_the_timeml_value_beside() {
        let day = NaiveDate::from_ymd_opt(2020, 3, 5);
        let mention = |v: &str| DateMention {
            text: "x".into(),
            value: v.into(),
            start: 0,
            end: 1,
            timex: None,
        };
        type Expected<'a> = Option<(&'a str, Option<&'a str>)>;
        let cases: &[(&str, Option<NaiveDate>, Expected<'_>)] = &[
            ("2020-03-05", day, Some(("2020-03-05", None))),
            (
                "2020-03-05T22:00:00Z",
                day,
                Some(("2020-03-05T22:00:00Z", None)),
            ),
            ("2020-W11", day, Some(("2020-W11", None))),
            (
                "2020-03-05TNI",
                day,
                Some(("2020-03-05", Some("2020-03-05TNI"))),
            ),
            ("2020-SU", day, Some(("2020", Some("2020-SU")))),
            ("2019-Q1", day, Some(("2019", Some("2019-Q1")))),
            (
                "PRESENT_REF",
                day,
                Some(("2020-03-05", Some("PRESENT_REF"))),
            ),
            ("PRESENT_REF", None, None),
            ("PAST_REF", day, None),
            ("FUTURE_REF", day, None),
        ];
        for (value, published, expected) in cases {
            let got = to_iso(mention(value), *published);
            let got = got.as_ref().map(|d| (d.value.as_str(), d.timex.as_deref()));
            assert_eq!(got, *expected, "{value}");
        }
    }
}

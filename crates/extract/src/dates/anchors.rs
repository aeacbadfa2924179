//! Expressions anchored on another date: `that day`, `a day earlier`, `the day before last Tuesday`.
use super::Cand;
use super::calendar::add_months;
use super::rules::{m, small_number, whole};
use super::tense::word_after;
use super::timex::{is_clock_value, is_day_value, is_month_value, iso_week, part_of_day, ym, ymd};
use chrono::{Duration, NaiveDate};
use newsdesk_model::DateMention;
use regex::Regex;
use std::sync::LazyLock;

/// `unit:offset[:pod]` against the latest earlier mention precise enough.
pub(super) fn resolve_anchor(anchor: &str, before: &[DateMention]) -> Option<String> {
    let mut parts = anchor.split(':');
    let unit = parts.next()?;
    let off: i64 = parts.next()?.parse().ok()?;
    let pod = parts.next().unwrap_or("");
    match unit {
        "year" => {
            let v = before.iter().rev().find_map(|d| {
                d.value
                    .get(..4)
                    .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                    .map(|_| d.value.as_str())
            })?;
            let y: i32 = v.get(..4)?.parse().ok()?;
            // `a year earlier` after `the third quarter`: that quarter a year before
            let period = v
                .get(4..)
                .filter(|r| matches!(*r, "-Q1" | "-Q2" | "-Q3" | "-Q4" | "-H1" | "-H2"))
                .unwrap_or("");
            Some(format!("{:04}{period}", i64::from(y) + off))
        }
        "month" => {
            let (y, mo) = before.iter().rev().find_map(|d| {
                let v = d.value.as_str();
                let ok = v.len() >= 7
                    && v.as_bytes().get(4) == Some(&b'-')
                    && v.bytes()
                        .take(7)
                        .enumerate()
                        .all(|(i, c)| i == 4 || c.is_ascii_digit());
                if !ok {
                    return None;
                }
                Some((
                    v.get(..4)?.parse::<i32>().ok()?,
                    v.get(5..7)?.parse::<u32>().ok()?,
                ))
            })?;
            let (y, mo) = add_months(y, mo, i32::try_from(off).ok()?);
            Some(ym(y, mo))
        }
        _ => {
            // the latest day, or a month named after it: `killed last
            // October ... crossed out that same day` is a day of October
            let d = before.iter().rev().find_map(|d| {
                let v = d.value.as_str();
                if is_day_value(v) || is_clock_value(v) {
                    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d")
                        .ok()
                        .map(Ok)
                } else if is_month_value(v) {
                    Some(Err(v.to_string()))
                } else {
                    None
                }
            })?;
            let d = match d {
                Ok(d) => d,
                Err(month) => return (unit == "day" && off == 0).then_some(month),
            };
            if unit == "week" {
                return Some(iso_week(d.checked_add_signed(Duration::weeks(off))?));
            }
            Some(format!(
                "{}{pod}",
                ymd(d.checked_add_signed(Duration::days(off))?)
            ))
        }
    }
}

/// `that day`, `the next morning`, `later that year`: resolved in [`resolve`].
pub(super) fn build_anchored(
    _t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
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

/// `a day earlier`, `two years later`, `the day before` (ending its clause):
/// an offset from the latest date before it, resolved in [`resolve`]. Before
/// a date (`the day before last Tuesday`) the offset applies to that date
/// (see [`compose_offsets`]); before anything else (`the day after the
/// vote`) its anchor is an event and it is left out.
pub(super) fn build_offset_from_anchor(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    p?;
    let (s, e) = whole(caps);
    let unit = m(caps, "unit")?.2.to_lowercase();
    let dir = m(caps, "dir")?.2.to_lowercase();
    let n = match (m(caps, "the"), m(caps, "n")) {
        // `the days before` is a span of days, `the day before` one day
        (Some(_), _) if t.get(s..e)?.to_lowercase().contains(&format!("{unit}s")) => return None,
        (Some(_), _) => 1,
        (None, Some((_, _, n))) => small_number(&n)?,
        (None, None) => return None,
    };
    if matches!(dir.as_str(), "before" | "after") {
        // only where the clause ends: `the day before, ...`
        let rest = t.get(e..).unwrap_or_default().trim_start();
        let ends =
            rest.is_empty() || rest.starts_with([',', '.', ';', ':', '!', '?', ')', '"', '”']);
        if !ends || m(caps, "the").is_none() && unit != "day" {
            return None;
        }
    }
    // `two days later than planned`
    if word_after(t, e) == "than" {
        return None;
    }
    let sign = if matches!(dir.as_str(), "before" | "earlier") {
        -1
    } else {
        1
    };
    Some(Cand {
        s,
        e,
        value: format!("@{unit}:{}", sign * n),
        time: false,
    })
}

/// `the day before last Tuesday`, `two days after March 5`: an offset in
/// days or weeks written before a date mention moves that date and joins
/// its span. Runs on the kept mentions, before [`resolve`].
pub(super) fn compose_offsets(text: &str, kept: &mut [Cand]) {
    let Some(re) = OFFSET_BEFORE.as_ref() else {
        return;
    };
    let mut prev_end = 0;
    for c in kept.iter_mut() {
        let floor = prev_end;
        prev_end = c.e;
        if c.time || !is_day_value(&c.value) {
            continue;
        }
        let lo = (c.s.saturating_sub(40)..=c.s)
            .find(|&i| i >= floor && text.is_char_boundary(i))
            .unwrap_or(c.s);
        let Some(caps) = text.get(lo..c.s).and_then(|b| re.captures(b)) else {
            continue;
        };
        let (Some(all), Some(unit), Some(dir)) = (caps.get(0), caps.name("unit"), caps.name("dir"))
        else {
            continue;
        };
        let plural = unit.as_str().to_lowercase().ends_with('s');
        let n = match caps.name("n") {
            Some(n) => small_number(n.as_str()),
            None if !plural => Some(1),
            None => None,
        };
        let Some(n) = n else { continue };
        let days = if unit.as_str().to_lowercase().starts_with("week") {
            7 * n
        } else {
            n
        };
        let sign = if dir.as_str().eq_ignore_ascii_case("after") {
            1
        } else {
            -1
        };
        let Some(d) = c
            .value
            .get(..10)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .and_then(|d| d.checked_add_signed(Duration::days(sign * days)))
        else {
            continue;
        };
        c.s = lo + all.start();
        c.value = ymd(d);
    }
}

/// `the day before `, `two weeks after `, `three days prior to ` right
/// before a date.
static OFFSET_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?P<unit>days?|weeks?)\s+(?P<dir>before|after|prior\s+to)\s+$").ok()
});

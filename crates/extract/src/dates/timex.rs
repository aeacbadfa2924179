//! How TimeML values are written and recognised: days, months, ISO weeks, parts of day, seasons.
use chrono::{Datelike, NaiveDate};

/// TimeML part-of-day codes: `2020-03-05TMO`.
pub(super) fn part_of_day(part: &str) -> &'static str {
    match part.to_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

pub(super) fn ym(y: i32, mo: u32) -> String {
    format!("{y:04}-{mo:02}")
}

pub(super) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

pub(super) fn season_code(s: &str) -> &'static str {
    match s {
        "spring" => "SP",
        "summer" => "SU",
        "winter" => "WI",
        _ => "FA",
    }
}

/// Whether `v` is a month, `2020-03`.
pub(super) fn is_month_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 7
        && b.get(4) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// Whether `v` is a clock time on a day, `2020-03-05T22:00:00Z`.
pub(super) fn is_clock_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 16
        && b.get(10) == Some(&b'T')
        && b.get(11).is_some_and(u8::is_ascii_digit)
        && is_day_value(v.get(..10).unwrap_or_default())
}

/// Whether `v` is a calendar day, optionally with a part of day (`2020-03-05TMO`).
pub(super) fn is_day_value(v: &str) -> bool {
    let b = v.as_bytes();
    (v.len() == 10 || (v.len() == 13 && b.get(10) == Some(&b'T')))
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().take(10).all(|c| c.is_ascii_digit() || *c == b'-')
}

//! Calendar arithmetic: month names, adding months, the nearest year, holidays.
use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub(super) fn month_number(s: &str) -> Option<u32> {
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

/// The year that puts `mo`/`day` nearest to `pub_date`; ties go to the past.
///
/// A date more than `window` days ahead loses to the past one (news mostly
/// reports what happened).
pub(super) fn nearest_year(
    pub_date: NaiveDate,
    mo: u32,
    day: u32,
    window: i64,
) -> Option<NaiveDate> {
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

pub(super) fn month_diff(a: (i32, u32), b: (i32, u32)) -> i64 {
    (i64::from(a.0) * 12 + i64::from(a.1)) - (i64::from(b.0) * 12 + i64::from(b.1))
}

pub(super) fn weekday_of(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

pub(super) fn add_months(y: i32, mo: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (mo as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
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
pub(super) fn holiday_date(name: &str, y: i32) -> Option<NaiveDate> {
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

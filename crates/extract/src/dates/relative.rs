//! Dates counted from the publication day: weekdays, `yesterday`, `next month`, `two weeks ago`, `now`.
use super::Cand;
use super::calendar::{add_months, weekday_of};
use super::rules::{m, small_number, whole};
use super::tense::{Tense, weekday_direction, word_after, word_before};
use super::timex::{iso_week, part_of_day, season_code, ym, ymd};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// `the day before yesterday`, `the day after tomorrow`.
pub(super) fn build_day_beyond(
    _t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let dir = m(caps, "dir")?.2.to_lowercase();
    let off = if dir.starts_with("before") { -2 } else { 2 };
    Some(Cand {
        s,
        e,
        value: ymd(p.checked_add_signed(Duration::days(off))?),
        time: false,
    })
}

/// `the past week`: the seven days that end on the publication day, named
/// by the ISO week that holds most of them (the one of their middle day).
pub(super) fn build_past_week(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    // `the last week of March`, `the last week before the vote`
    if matches!(
        word_after(t, e).as_str(),
        "of" | "before" | "after" | "in" | "and" | "or" | "that" | "when"
    ) {
        return None;
    }
    Some(Cand {
        s,
        e,
        value: iso_week(p.checked_sub_signed(Duration::days(3))?),
        time: false,
    })
}

/// `the weekend`: the one under way when published on a Saturday or
/// Sunday; otherwise the coming one in a sentence about the future and the
/// one just past in any other (news reports what happened over the
/// weekend). `this past weekend` is always the one past.
pub(super) fn build_the_weekend(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    // `the weekend of March 5`, `the weekend before the vote`: another anchor
    if matches!(word_after(t, e).as_str(), "of" | "before" | "after") {
        return None;
    }
    let pre = m(caps, "pre")?.2.to_lowercase();
    let in_weekend = matches!(p.weekday(), Weekday::Sat | Weekday::Sun);
    // an ISO week ends on Sunday: a day a week back lies in the week of the
    // weekend just past
    let d = if pre.ends_with("past") {
        p.checked_sub_signed(Duration::days(7))?
    } else if in_weekend || weekday_direction(t, s) == Tense::Future {
        p
    } else {
        p.checked_sub_signed(Duration::days(7))?
    };
    Some(Cand {
        s,
        e,
        value: format!("{}-WE", iso_week(d)),
        time: false,
    })
}

pub(super) fn build_weekday(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
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
            if weekday_direction(t, s) == Tense::Future {
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

pub(super) fn build_relative_day(
    _t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let w = m(caps, "w")?.2.to_lowercase();
    let part = m(caps, "part").map(|x| x.2);
    if w == "this" && part.is_none() {
        return None;
    }
    // `last night`, `last evening`: the one before publication
    let last = w == "last";
    if last
        && !part
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case("night") || x.eq_ignore_ascii_case("evening"))
    {
        return None;
    }
    let pod = match (w.as_str(), part.as_deref()) {
        ("tonight", _) => "TNI",
        (_, Some(x)) => part_of_day(x),
        _ => "",
    };
    let off = if w.starts_with("yesterday") || last {
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

pub(super) fn build_relative_unit(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let pre = m(caps, "pre")?.2.to_lowercase();
    let unit = m(caps, "unit")?.2.to_lowercase();
    // `the last week of March`, `within the next month`, `over the last
    // year`: a period counted from some point, not the calendar unit before
    // or after this one (`the coming year` is the next one)
    if word_before(t, s) == "the" && matches!(pre.as_str(), "last" | "next") {
        return None;
    }
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

pub(super) fn build_ago(
    _t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
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

/// Words after `overnight` that make it the night before publication, not an adjective
/// (`overnight rates`, `an overnight stay`).
const AFTER_OVERNIGHT: &[&str] = &[
    "",
    "in",
    "on",
    "at",
    "and",
    "to",
    "from",
    "as",
    "after",
    "before",
    "when",
    "while",
    "by",
    "with",
    "but",
    "the",
    "a",
    "an",
    "that",
    "into",
    "against",
    "near",
    "across",
    "amid",
    "following",
    "despite",
    "during",
    "local",
    "near",
    "he",
    "she",
    "they",
    "it",
    "police",
    "officials",
    "said",
];

/// `overnight` (`attacked overnight`, `overnight in Idlib`): the night before the
/// publication day (`TNI`), or the coming one when its sentence looks ahead.
pub(super) fn build_overnight(
    t: &str,
    caps: &regex::Captures<'_>,
    p: Option<NaiveDate>,
) -> Option<Cand> {
    let p = p?;
    let (s, e) = whole(caps);
    let after = word_after(t, e);
    let adjective = matches!(word_before(t, s).as_str(), "an" | "the" | "its" | "their");
    if adjective || !AFTER_OVERNIGHT.contains(&after.as_str()) {
        return None;
    }
    let off = if weekday_direction(t, s) == Tense::Future {
        0
    } else {
        -1
    };
    Some(Cand {
        s,
        e,
        value: format!("{}TNI", ymd(p.checked_add_signed(Duration::days(off))?)),
        time: false,
    })
}

/// `now`, `recently`, `the future`: TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
pub(super) fn build_ref(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
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

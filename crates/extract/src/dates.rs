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
//! the morning`), weekends (`the weekend`, `this past weekend` ->
//! `2020-W09-WE`), `the past week`, and the other TimeML values: parts of day
//! (`Friday night` -> `2020-03-06TNI`, `this morning` -> `...TMO`, also
//! `TAF`, `TEV`) and the reference points `PRESENT_REF` (`now`,
//! `currently`), `PAST_REF` (`recently`, `formerly`) and `FUTURE_REF` (`in
//! the future`). `the last week of March`, `within the next month` and `over
//! the last year` are periods, not the calendar unit before or after.
//!
//! Resolution rules, with `published` as the anchor:
//! - a month or a day-of-month without a year takes the year that puts it
//!   nearest to the publication date (ties go to the past), but no more than
//!   about four months ahead unless its sentence speaks of the future;
//!   `last`/`next` force the previous/next occurrence, and so does a year
//!   named right after it (`February this year`, `April next year`);
//! - the month an event happens in (`began in February`, `will report in
//!   June`, `In January, ... a bomb killed`) lies on the side of publication
//!   the verb that governs it says (see [`event_tense`]); `since February`
//!   looks back; `May` and `March` count only after a preposition or as a
//!   modifier after a determiner (`the March accession`, not `the March on
//!   Washington`);
//! - a weekday refers to the current week: when the nearest tense marker is a
//!   future one (`will`, `expected to`, `scheduled`...) or a verb of
//!   postponement points to it (`postponed until Tuesday`), the next
//!   occurrence on or after publication, otherwise the most recent one on or
//!   before it, except the day right after publication (news filed overnight
//!   reports `early on Friday` for a Thursday date line); `last`/`next` force
//!   the direction;
//! - clock times take the day named in their sentence, else the publication
//!   day; `that day`, `the next morning`, `later that year`, `a day earlier`,
//!   `two years later`, `the day before` (ending its clause) take the latest
//!   date before them (and are dropped when there is none; after a month,
//!   `that day` is a day of that month); an offset written before a date
//!   moves it (`the day before last Tuesday`, `two weeks after March 5`);
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
    compose_offsets(text, &mut kept);
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
            } else if let Some(week) = v.strip_suffix("-WE") {
                // `2020-W10-WE`: the weekend of an ISO week
                week.to_string()
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

/// `the day before yesterday`, `the day after tomorrow`.
fn build_day_beyond(_t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

/// The word before byte `s`, lowercase (letters only).
fn word_before(t: &str, s: usize) -> String {
    let rev: String = t
        .get(..s)
        .unwrap_or_default()
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    rev.chars().rev().collect::<String>().to_lowercase()
}

/// The word after byte `e`, lowercase (letters only).
fn word_after(t: &str, e: usize) -> String {
    t.get(e..)
        .unwrap_or_default()
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// `a day earlier`, `two years later`, `the day before` (ending its clause):
/// an offset from the latest date before it, resolved in [`resolve`]. Before
/// a date (`the day before last Tuesday`) the offset applies to that date
/// (see [`compose_offsets`]); before anything else (`the day after the
/// vote`) its anchor is an event and it is left out.
fn build_offset_from_anchor(
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

/// `the past week`: the seven days that end on the publication day, named
/// by the ISO week that holds most of them (the one of their middle day).
fn build_past_week(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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
fn build_the_weekend(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

/// `the day before last Tuesday`, `two days after March 5`: an offset in
/// days or weeks written before a date mention moves that date and joins
/// its span. Runs on the kept mentions, before [`resolve`].
fn compose_offsets(text: &str, kept: &mut [Cand]) {
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
        // the day before yesterday, the day after tomorrow
        rule(
            r"(?i)(?-u:\b)the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)(?-u:\b)",
            build_day_beyond,
        ),
        // `the day before.`, `a day earlier`, `two weeks later`: from the latest date
        rule(
            r"(?i)(?-u:\b)(?:(?P<the>the)|(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>before|after|earlier|later)(?-u:\b)",
            build_offset_from_anchor,
        ),
        // the past week, the last week: the seven days up to publication
        rule(r"(?i)(?-u:\b)the\s+(?:past|last)\s+week(?-u:\b)", build_past_week),
        // the weekend, this past weekend
        rule(
            r"(?i)(?-u:\b)(?P<pre>this\s+past|the\s+past|the)\s+weekend(?-u:\b)",
            build_the_weekend,
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

/// Words a sentence does not end with: a line break after one of them is a
/// hard wrap.
const OPEN_WORDS: &[&str] = &[
    "in", "on", "of", "the", "a", "an", "to", "by", "for", "at", "and", "or", "from", "until",
    "since", "early", "late", "mid", "last", "next", "this", "that", "with", "as", "than",
    "between", "before", "after", "during", "through",
];

/// `February this year`, `April next year`: the year named right after a
/// month (the year phrase stays a mention of its own).
static YEAR_AFTER_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s+(?i:(?P<rel>this|last|next|the\s+previous|the\s+following)\s+year)(?-u:\b)")
        .ok()
});

fn build_month(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

fn weekday_of(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

/// The sentence around byte `at`: from after the previous `. ` / line break to the next.
fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
    let is_end = |i: usize, c: char| -> bool {
        if c == '\n' {
            // a hard-wrapped line goes on in lowercase or with a number, or
            // after a comma or a word that cannot end a sentence
            let next = text.get(i + 1..).and_then(|r| r.chars().next());
            if next.is_some_and(|d| d.is_lowercase() || d.is_ascii_digit()) {
                return false;
            }
            let line = text.get(..i).unwrap_or_default();
            let last = word_before(text, i);
            let open = line.ends_with(',')
                || OPEN_WORDS.contains(&last.as_str())
                    && line.ends_with(|c: char| c.is_alphabetic());
            return !open;
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
        // `word` reads backwards: `sv` is `vs.`
        let lower_abbrev = matches!(word.as_str(), "sv" | "xorppa" | "fc" | "ac" | "lcni");
        if c == '.'
            && (word.contains('.')
                || letters == 1
                || lower_abbrev
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
    Regex::new(r"(?i)(?-u:\b)(?:will|shall|going to|plans? to|planning to|scheduled|expected to|(?:is|are|be)\s+due|is to|are to|upcoming)(?-u:\b)|'ll(?-u:\b)").ok()
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
    // a future marker that is also a past form (`scheduled`) wins the tie
    let pick = |f: Option<usize>, p: Option<usize>, later_wins: bool| match (f, p) {
        (Some(f), Some(p)) if f == p || (f > p) == later_wins => Some(Tense::Future),
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

/// A complement that points forward from a past verb: `decided to admit
/// ... in March`, `planned for March`, `postponed until Tuesday`.
static FORWARD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:to|for|until|till)(?-u:\b)").ok());

/// Verbs that move an event later: with `until`/`to` right before the date
/// they name the new, later time (`postponed until Tuesday morning`,
/// `extended its deadline until 9 a.m. Tuesday`).
static POSTPONED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:postpon|delay|defer|adjourn|extend|reschedul|put\s+off|push(?:ed|es)?\s+back)[a-z]*(?-u:\b)[^.;!?]{0,80}?(?-u:\b)(?:until|till|to)\s+(?:(?:early|late)\s+)?(?:on\s+)?$").ok()
});

/// Whether a verb of postponement points forward to the date at `at`.
fn postponed_to(text: &str, at: usize) -> bool {
    let (s, _) = sentence_bounds(text, at);
    let before = text.get(s..at.max(s)).unwrap_or_default();
    POSTPONED.as_ref().is_some_and(|re| re.is_match(before))
}

/// Which way a bare weekday at `at` points: forward after a verb of
/// postponement (`postponed until Tuesday`) or in a sentence about the future.
fn weekday_direction(text: &str, at: usize) -> Tense {
    if postponed_to(text, at) {
        Tense::Future
    } else {
        tense(text, at)
    }
}

/// Verbs of saying: their tense tells when something was said, not when
/// what was said happens (`he said the offer would be made in April`).
const REPORTING: &[&str] = &[
    "said",
    "told",
    "added",
    "stated",
    "noted",
    "reported",
    "announced",
    "declared",
    "explained",
    "insisted",
    "warned",
    "predicted",
    "argued",
    "claimed",
    "confirmed",
    "acknowledged",
    "disclosed",
    "revealed",
    "indicated",
    "suggested",
    "estimated",
];

/// Words in `-ed` that are no past verb, and participles that look ahead
/// (`the planned merger`, `completion expected in May`).
const NOT_PAST: &[&str] = &[
    "hundred",
    "indeed",
    "need",
    "proceed",
    "exceed",
    "succeed",
    "speed",
    "feed",
    "seed",
    "united",
    "limited",
    "based",
    "expected",
    "planned",
    "scheduled",
    "proposed",
    "intended",
    "anticipated",
    "projected",
    "forecasted",
    "slated",
    "set",
];

/// The tense of the event a bare month at `at..end` dates, as a careful
/// reader takes it from the verb that governs it: the nearest marker at
/// most [`NEAR_VERB_WORDS`] words before it, else one right after it; none
/// gives [`Tense::Unknown`]. Unlike [`tense`], verbs of saying,
/// present passives (`is expected in April`) and participles that look ahead
/// do not count as past, and a past verb followed by a complement that
/// points forward (`decided to admit them in March`, `set for May`) says
/// nothing about the date.
fn event_tense(text: &str, at: usize, end: usize) -> Tense {
    if postponed_to(text, at) {
        return Tense::Future;
    }
    let (Some(fut), Some(past)) = (FUTURE.as_ref(), PAST.as_ref()) else {
        return Tense::Unknown;
    };
    let (s, e) = sentence_bounds(text, at);
    let markers = |lo: usize, hi: usize| -> Vec<(usize, usize, Tense)> {
        let seg = text.get(lo..hi).unwrap_or_default();
        // `was scheduled to`, `had planned to`: a plan of the past, whose
        // date may lie on either side of publication
        let mut v: Vec<(usize, usize, Tense)> = fut
            .find_iter(seg)
            .filter(|x| {
                !matches!(
                    word_before(text, lo + x.start()).as_str(),
                    "was" | "were" | "had"
                )
            })
            .map(|x| (lo + x.start(), lo + x.end(), Tense::Future))
            .collect();
        for x in past.find_iter(seg) {
            let w = x.as_str().to_lowercase();
            let prev = word_before(text, lo + x.start());
            // `is expected`, `to be made`: no past event
            let passive = matches!(prev.as_str(), "is" | "are" | "am" | "be" | "being" | "to");
            // `said in January` dates the saying; `said the offer would be
            // made in April` does not
            let far_saying = REPORTING.contains(&w.as_str())
                && text
                    .get(lo + x.end()..at)
                    .unwrap_or_default()
                    .split_whitespace()
                    .count()
                    > 2;
            let overlaps = v
                .iter()
                .any(|(fs, fe, _)| *fs < lo + x.end() && lo + x.start() < *fe);
            if far_saying || NOT_PAST.contains(&w.as_str()) || passive || overlaps {
                continue;
            }
            v.push((lo + x.start(), lo + x.end(), Tense::Past));
        }
        v.sort_unstable_by_key(|(s, e, _)| (*s, *e));
        v
    };
    let words = |a: usize, b: usize| {
        text.get(a..b)
            .unwrap_or_default()
            .split_whitespace()
            .count()
    };
    // the verb that governs `in March` stands right before it (`began in
    // March`, `lost office in March`) or right after the phrase (`in March
    // were asked`); a verb further away may belong to another clause
    if let Some(&(_, end, t)) = markers(s, at.max(s)).last()
        && words(end, at) <= NEAR_VERB_WORDS
    {
        let between = text.get(end..at).unwrap_or_default();
        let forward = FORWARD.as_ref().is_some_and(|re| re.is_match(between));
        return if t == Tense::Past && forward {
            Tense::Unknown
        } else {
            t
        };
    }
    // `to take effect by June were designed`: the verb after dates the
    // plan, not the month
    let lead: Vec<&str> = text
        .get(s..at.max(s))
        .unwrap_or_default()
        .split_whitespace()
        .rev()
        .take(NEAR_VERB_WORDS)
        .collect();
    if lead
        .iter()
        .any(|w| FORWARD.as_ref().is_some_and(|re| re.is_match(w)))
    {
        return Tense::Unknown;
    }
    // `In January, a week after ..., a bombing killed a guard`: a month
    // fronted before the comma dates the main clause, whose verb comes later
    let fronted = words(s, at) <= 2
        && text
            .get(end..e)
            .is_some_and(|r| r.trim_start().starts_with(','));
    match markers(end.min(e), e).first() {
        Some(&(ms, _, t)) if fronted || words(end, ms) <= 1 => t,
        _ => Tense::Unknown,
    }
}

/// How many words may stand between a month and the verb that dates it.
const NEAR_VERB_WORDS: usize = 4;

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

fn build_relative_unit(t: &str, caps: &regex::Captures<'_>, p: Option<NaiveDate>) -> Option<Cand> {
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

/// Whether `v` is a month, `2020-03`.
fn is_month_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 7
        && b.get(4) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// Whether `v` is a clock time on a day, `2020-03-05T22:00:00Z`.
fn is_clock_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 16
        && b.get(10) == Some(&b'T')
        && b.get(11).is_some_and(u8::is_ascii_digit)
        && is_day_value(v.get(..10).unwrap_or_default())
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
            // the latest date is a month: a day of that month
            (
                "He was killed last October. His name was crossed out that same day.",
                &[("last October", "2019-10"), ("that same day", "2019-10")],
            ),
            // a clock time carries its day
            (
                "It hit at 22:00 GMT on March 2. Later that day it rained.",
                &[
                    ("22:00 GMT", "2020-03-02T22:00:00Z"),
                    ("March 2", "2020-03-02"),
                    ("Later that day", "2020-03-02"),
                ],
            ),
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
    fn tense_points_bare_months_and_weekdays() {
        // published Thursday 2020-03-05
        let cases: &[(&str, &[(&str, &str)])] = &[
            // a past verb: the month already past
            (
                "The ratification process began in April with Canada.",
                &[("April", "2019-04")],
            ),
            ("Sales fell sharply in June.", &[("June", "2019-06")]),
            // a future marker: the coming one, even when the nearest is past
            (
                "The company will report results in February.",
                &[("February", "2021-02")],
            ),
            // no tense: the nearest (within about four months ahead)
            ("the elections in April", &[("April", "2020-04")]),
            // a past verb with a complement that points forward is no past
            (
                "NATO has decided to admit them in early April, he said.",
                &[("early April", "2020-04")],
            ),
            ("The talks were planned for June.", &[("June", "2020-06")]),
            // `scheduled` is a past form and a future marker: the future wins
            ("The vote was scheduled for June.", &[("June", "2020-06")]),
            ("since February", &[("February", "2020-02")]),
            ("The strike has lasted since June.", &[("June", "2019-06")]),
            // a verb of postponement with `until`: the next occurrence
            (
                "Officials postponed until Tuesday morning any action on the case.",
                &[("Tuesday morning", "2020-03-10TMO")],
            ),
            (
                "The court adjourned the hearing until Monday.",
                &[("Monday", "2020-03-09")],
            ),
            // ... but the day of the postponing itself is past
            (
                "The court postponed the hearing on Monday.",
                &[("on Monday", "2020-03-02")],
            ),
            (
                "The meeting was delayed Tuesday.",
                &[("Tuesday", "2020-03-03")],
            ),
            // `vs.` ends no sentence: `will` speaks of Monday
            (
                "The court will rule in the Roe vs. Wade case on Monday.",
                &[("on Monday", "2020-03-09")],
            ),
            // a hard-wrapped line goes on: `will` speaks of Monday
            (
                "The plant will\nresume work on Monday.",
                &[("on Monday", "2020-03-09")],
            ),
            (
                "The sale, expected to close in\nApril, was not disclosed.",
                &[("April", "2020-04")],
            ),
            (
                "It will close the unit in early\nApril, a spokesman said.",
                &[("early\nApril", "2020-04")],
            ),
            // a past verb far from the month may belong to another clause
            (
                "He said the offer, which was announced by the board, would close in June.",
                &[("June", "2020-06")],
            ),
            // `due to` a cause is no future
            (
                "Prices fell on Tuesday due to heavy selling.",
                &[("on Tuesday", "2020-03-03")],
            ),
            // a month fronted before a comma dates the main clause
            (
                "In July, a week after the Roe vs. Wade anniversary, a bomb killed a guard.",
                &[("July", "2019-07")],
            ),
            (
                "In early July, the company will open a plant.",
                &[("early July", "2020-07")],
            ),
            (
                "The measures to take effect by June were designed to help.",
                &[("June", "2020-06")],
            ),
            (
                "Creditor banks, which in June were asked to wait, agreed.",
                &[("June", "2019-06")],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn month_with_its_year_named_after_it() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The process began in February this year.",
                &[("February", "2020-02"), ("this year", "2020")],
            ),
            (
                "It joins in early October this year.",
                &[("early October", "2020-10"), ("this year", "2020")],
            ),
            (
                "They meet in April next year.",
                &[("April", "2021-04"), ("next year", "2021")],
            ),
            (
                "It was signed in November last year.",
                &[("November", "2019-11"), ("last year", "2019")],
            ),
            (
                "It opens in May, last year's best month.",
                &[("May", "2020-05"), ("last year", "2019")],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn march_and_may_as_modifiers() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The March accession will make them eligible.",
                &[("March", "2020-03")],
            ),
            (
                "They looked ahead to the May elections.",
                &[("May", "2020-05")],
            ),
            ("Its May report is the next test.", &[("May", "2020-05")]),
            ("He spoke before the March on Washington.", &[]),
            ("The March of Dimes raised money.", &[]),
            ("Protesters march to the square.", &[]),
            ("The rebels may attack again.", &[]),
            ("They hope that May will help.", &[]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn offsets_from_another_date() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The day before last Tuesday's hearing, he went to the house.",
                &[("The day before last Tuesday's", "2020-03-02")],
            ),
            (
                "Two days after March 1, the talks resumed.",
                &[("Two days after March 1", "2020-03-03")],
            ),
            (
                "a week before Feb. 20, 2019",
                &[("a week before Feb. 20, 2019", "2019-02-13")],
            ),
            (
                "The attack came on March 2. A day earlier, police had been warned.",
                &[("March 2", "2020-03-02"), ("A day earlier", "2020-03-01")],
            ),
            (
                "He arrived on Feb. 10. Two days later he left, and the day after, he flew home.",
                &[
                    ("Feb. 10", "2020-02-10"),
                    ("Two days later", "2020-02-12"),
                    ("the day after", "2020-02-13"),
                ],
            ),
            (
                "The law passed in 1998. A year later it was repealed.",
                &[("1998", "1998"), ("A year later", "1999")],
            ),
            (
                "Prices rose in June 2018 and fell a month later.",
                &[("June 2018", "2018-06"), ("a month later", "2018-07")],
            ),
            (
                "It was signed on Jan. 6, 2020, and came into force a week later.",
                &[("Jan. 6, 2020", "2020-01-06"), ("a week later", "2020-W03")],
            ),
            // anchored on an event, or with nothing before: left out
            ("the day after the vote", &[]),
            ("Two days later, he left.", &[]),
            ("the days before the war", &[]),
            (
                "It arrived two days later than planned on March 3.",
                &[("March 3", "2020-03-03")],
            ),
            (
                "the day before yesterday and the day after tomorrow",
                &[
                    ("the day before yesterday", "2020-03-03"),
                    ("the day after tomorrow", "2020-03-07"),
                ],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn past_week_and_the_weekend() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // published Thursday 2020-03-05, ISO week 10
            (
                "He has been in Bethesda for the last week.",
                &[("the last week", "2020-W10")],
            ),
            (
                "Prices fell over the past week.",
                &[("the past week", "2020-W10")],
            ),
            ("the last week of March", &[("March", "2020-03")]),
            ("within the next month", &[]),
            ("over the last year and a half", &[]),
            ("in the coming year", &[("coming year", "2021")]),
            (
                "The decision was confirmed over the weekend.",
                &[("the weekend", "2020-W09-WE")],
            ),
            (
                "Talks will resume over the weekend.",
                &[("the weekend", "2020-W10-WE")],
            ),
            (
                "He returned this past weekend.",
                &[("this past weekend", "2020-W09-WE")],
            ),
            ("the weekend of March 14", &[("March 14", "2020-03-14")]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
        // published on a Sunday: the weekend under way
        let got = find(
            "Fighting went on over the weekend.",
            NaiveDate::from_ymd_opt(2020, 3, 8),
        );
        let values: Vec<_> = got.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2020-W10-WE"]);
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
            ("2020-W09-WE", day, Some(("2020-W09", Some("2020-W09-WE")))),
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

//! Date and time expressions resolved against the publication date.
//!
//! Patterns, tried everywhere and kept longest-first without overlaps:
//! full dates (`March 5, 2020`, `5 March 2020`, `Aug. 7`, `2020-03-05`,
//! `3/5/2020`), months (`September 2018`, `last December`, `since February`),
//! years (`in 2019`, `post-1959`) and decades (`the 1990s` -> `199`), weekdays
//! (`on Friday`), relative days (`today`, `yesterday`, `tomorrow`, `two days
//! ago`, `a decade ago`), relative weeks, months and years (`this week` ->
//! `2020-W10`, `the week of March 16`, `last month`, `next year`), quarters
//! (`2020-Q1`, `the 1986 fourth quarter`, `last year's third quarter`) and
//! the periods of business news (halves `1987-H1`, fiscal years `FY1988` and
//! `FY1987-Q1`, the reporting quarter `the latest quarter`, `the year-earlier
//! quarter`; see [`business`]), seasons (`2020-SU`), holidays (`Thanksgiving`, `Easter week`,
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

mod anchors;
mod business;
mod calendar;
mod clock;
mod named;
mod numeric;
mod prefilter;
mod relative;
mod rules;
mod spelled;
mod tense;
mod timex;

use anchors::{compose_offsets, resolve_anchor};
use chrono::NaiveDate;
use newsdesk_model::DateMention;
use rules::RULES;
use tense::sentence_bounds;
use timex::is_day_value;

pub(crate) use numeric::find as find_numeric;

/// Finds dates in `text`, resolving relative ones against `published`.
pub(crate) fn find(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_with(text, published, &prefilter::rules_for(text), true)
}

/// [`find`] with the rules that `run` marks (in [`RULES`] order); `quick`: a rule's
/// [`rules::Rule::builds_nothing`] skips a match before its groups are read.
fn find_with(
    text: &str,
    published: Option<NaiveDate>,
    run: &[bool],
    quick: bool,
) -> Vec<DateMention> {
    let mut cands: Vec<Cand> = Vec::new();
    let mut push = |c: Option<Cand>| {
        if let Some(c) = c
            && c.s < c.e
            && c.e <= text.len()
            && text.is_char_boundary(c.s)
            && text.is_char_boundary(c.e)
        {
            cands.push(c);
        }
    };
    for (rule, _) in RULES.iter().zip(run).filter(|(_, m)| **m) {
        match rule.builds_nothing.filter(|_| quick) {
            // most matches of such a rule build nothing (every small number is a clock
            // time to the pattern): those are passed over without resolving the groups,
            // and the others are matched again at their start for them (the same match)
            Some(nothing) => {
                for m in rule.re.find_iter(text) {
                    if nothing(m.as_str()) {
                        continue;
                    }
                    if let Some(caps) = rule.re.captures_at(text, m.start()) {
                        push((rule.build)(text, &caps, published));
                    }
                }
            }
            None => {
                for caps in rule.re.captures_iter(text) {
                    push((rule.build)(text, &caps, published));
                }
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
    business::align_period_ends(text, &mut kept);
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
        } else if let Some(period) = c.value.strip_prefix("@period:") {
            let (off, fallback) = period.split_once(':').unwrap_or(("0", period));
            business::resolve_period(off.parse().unwrap_or(0), fallback, &out)
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
            } else if let Some(fy) = v.strip_prefix("FY")
                && fy.len() >= 4
                && fy.bytes().take(4).all(|c| c.is_ascii_digit())
            {
                // `FY1988`, `FY1987-Q1`: a fiscal year, named by its year
                fy[..4].to_string()
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

#[derive(Debug, Clone)]
struct Cand {
    s: usize,
    e: usize,
    value: String,
    /// A clock time: `value` is `HH:MM:SS[zone]`, the day is filled in later.
    time: bool,
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
                    ("midnight", "2020-03-05T24:00:00"),
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

//! The expression patterns and the builder each one calls.
use super::Cand;
use super::anchors::{build_anchored, build_offset_from_anchor};
use super::business::{
    build_fiscal_year, build_half, build_named_fiscal_year, build_named_quarter, build_the_year,
    build_year_ago_period,
};
use super::clock::{build_hour_of_day, build_noon_or_midnight, build_part_of_day, build_time};
use super::named::{
    build_day, build_decade, build_holiday, build_iso, build_month, build_month_year,
    build_quarter, build_season, build_season_year, build_second_day, build_week_of, build_year,
};
use super::relative::{
    build_ago, build_day_beyond, build_overnight, build_past_week, build_ref, build_relative_day,
    build_relative_unit, build_the_weekend, build_weekday,
};
use super::spelled::build_spelled_year;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

type Build = fn(&str, &regex::Captures<'_>, Option<NaiveDate>) -> Option<Cand>;

pub(super) struct Rule {
    pub(super) re: Regex,
    pub(super) build: Build,
    /// Words of which every match holds at least one (compared without ASCII case; see
    /// [`super::prefilter`]); empty: the rule runs on every text.
    pub(super) needles: &'static [&'static str],
    /// Whether a match's text alone shows the builder gives nothing for it (so its groups
    /// need not be resolved); `None`: every match is built.
    pub(super) builds_nothing: Option<fn(&str) -> bool>,
}

/// A clock time needs a colon, `a.m.`/`p.m.` or a zone ([`build_time`]): a match of digits
/// alone (and the spaces its optional groups let in) is a bare number.
fn bare_number(m: &str) -> bool {
    m.bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_whitespace())
}

/// A rule that runs on every text (its matches need no word: digits, a dash).
const ALWAYS: &[&str] = &[];
/// Every month name holds its first three letters (`Sept` holds `sep`).
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
/// A word of each of [`HOLIDAYS`] (`New Year's Day` holds `year's`).
const HOLIDAY_WORDS: &[&str] = &[
    "thanksgiving",
    "christmas",
    "year's",
    "year’s",
    "independence",
    "labo",
    "memorial",
    "veterans",
    "election",
    "easter",
    "friday",
    "valentine",
    "halloween",
    "boxing",
    "luther",
    "presidents",
    "mother",
    "father",
    "patrick",
];
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

const MONTHS_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_ABBR: &str = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const UNITS: &str = "one|two|three|four|five|six|seven|eight|nine";
const TENS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
/// How a year-long period is tied to the month it ends or begins in.
pub(super) const ENDING: &str = r"(?P<dir>ending|ended|ends|that\s+ends|which\s+ends|that\s+ended|which\s+ended|beginning|began|begins|starting|started|starts|that\s+began|that\s+begins|which\s+began|which\s+begins|through|to)";
/// The weekday names: the pattern's alternatives and the rule's needles (which the
/// prefilter compares without case).
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Holidays with a rule for their date (see [`holiday_date`]).
const HOLIDAYS: &str = "Thanksgiving(?:\\s+Day)?|Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year(?:'s|’s)\\s+(?:Day|Eve)|Independence\\s+Day|Labou?r\\s+Day|Memorial\\s+Day|Veterans(?:'|’)?\\s+Day|Election\\s+Day|Easter(?:\\s+Sunday)?|Good\\s+Friday|Valentine(?:'s|’s)\\s+Day|Halloween|Boxing\\s+Day|Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?\\s+Day|Presidents(?:'|’)?\\s+Day|Mother(?:'s|’s)\\s+Day|Father(?:'s|’s)\\s+Day|St\\.?\\s+Patrick(?:'s|’s)\\s+Day";

fn rule(pattern: &str, build: Build, needles: &'static [&'static str]) -> Option<Rule> {
    Regex::new(pattern).ok().map(|re| Rule {
        re,
        build,
        needles,
        builds_nothing: None,
    })
}

pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mon = format!(r"(?P<mon>{MONTHS_FULL}|(?:{MONTHS_ABBR})\.?)");
    let full = format!(r"(?P<mon>{MONTHS_FULL})");
    let weekdays = WEEKDAYS.join("|");
    [
        // the second day of `April 24 and 25`, `March 5-6, 2020`
        rule(
            &format!(r"(?-u:\b){mon}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|or|to|-|–)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_second_day,
            MONTHS,
        ),
        // March 5, 2020 / Aug. 7 / March 15
        rule(
            &format!(r"(?-u:\b){mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_day,
            MONTHS,
        ),
        // 5 March 2020 / 5th of March
        rule(
            &format!(r"(?-u:\b)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_day,
            MONTHS,
        ),
        // September 2018
        rule(&format!(r"(?-u:\b){mon},?\s+(?P<year>(?:1[6-9]|20)\d\d)(?-u:\b)"), build_month_year, MONTHS),
        // (last) December, since February
        rule(
            &format!(r"(?i:(?-u:\b)(?P<pre>last|next|this|early|late|mid|since|in|until|till|by|from|during|of|through|before|after|between|and|to|or)[\s-]+)?(?-u:\b){full}(?-u:\b)"),
            build_month,
            MONTHS,
        ),
        // on Thursday, last Friday, Tuesday morning
        rule(
            &format!(r"(?:(?-u:\b)(?P<pre>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?:(?-u:\b)(?P<on>[Oo]n)\s+)?(?-u:\b)(?P<wd>{weekdays})(?-u:\b)(?:'s|’s)?(?:\s+(?P<part>morning|afternoon|evening|night))?"),
            build_weekday,
            WEEKDAYS,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<w>today|tonight|yesterday|tomorrow|this|last)(?:\s+(?P<part>morning|afternoon|evening|night))?(?-u:\b)",
            build_relative_day,
            &["today", "tonight", "yesterday", "tomorrow", "this", "last"],
        ),
        rule(
            r"(?i)(?-u:\b)(?P<ref>(?:right\s+)?now|currently|presently|nowadays|at\s+present|these\s+days|recently|previously|formerly|lately|in\s+the\s+past|(?:the|its|his|her|their|our)\s+current|(?:in\s+)?(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future)(?-u:\b)",
            build_ref,
            &["now", "current", "present", "these", "recently", "previously", "formerly", "lately", "past", "future"],
        ),
        rule(
            &format!(r"(?i:(?-u:\b)(?P<pre>last|next|this)\s+)?(?-u:\b)(?P<hol>{HOLIDAYS})(?P<week>\s+week(?:end)?)?(?-u:\b)"),
            build_holiday,
            HOLIDAY_WORDS,
        ),
        rule(
            &format!(r"(?-u:\b)(?i:the\s+week\s+of)\s+{mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"),
            build_week_of,
            &["week"],
        ),
        rule(
            r"(?i)(?-u:\b)(?P<pre>last|next|this|coming)\s+(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter)(?-u:\b)",
            build_relative_unit,
            &["last", "next", "this", "coming"],
        ),
        rule(
            r"(?i)(?-u:\b)(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+(?P<unit>day|week|month|year|decade)s?\s+ago(?-u:\b)",
            build_ago,
            &["ago"],
        ),
        rule(r"(?-u:\b)(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>1[6-9]\d0|20\d0)s(?-u:\b)", build_decade, &["0s"]),
        rule(r"(?:(?-u:\b)[Tt]he\s+)?'(?P<dec2>\d0)s(?-u:\b)", build_decade, &["0s"]),
        rule(r"(?-u:\b)(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?-u:\b)", build_iso, ALWAYS),
        rule(r"(?-u:\b)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4}|\d{2})(?-u:\b)", build_iso, &["/"]),
        rule(r"(?i)(?-u:\b)(?:(?P<ly>last|this|next)\s+year(?:'s|’s)\s+|(?:(?P<fy0>fiscal)\s+)?(?P<year0>(?:19|20)\d\d)(?:'s|’s)?\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?-u:\b)(?:\s+(?:of\s+)?(?:(?P<fy>fiscal)\s+(?:year\s+)?)?(?P<year>(?:19|20)\d\d|'\d\d)(?-u:\b)|\s+(?P<ly2>last|this|next)\s+year(?-u:\b))?", build_quarter, &["quarter"]),
        // business periods: halves, fiscal years, the reporting quarter, a year before
        rule(r"(?i)(?-u:\b)(?:(?P<ly>last|this|next)\s+year(?:'s|’s)\s+|(?:(?P<fy0>fiscal)\s+)?(?P<year0>(?:19|20)\d\d)(?:'s|’s)?\s+)?(?P<h>first|second|1st|2nd)[\s-]+half(?-u:\b)(?:\s+(?:of\s+)?(?:(?P<fy>fiscal)\s+(?:year\s+)?)?(?P<year>(?:19|20)\d\d|'\d\d)(?-u:\b)|\s+of\s+(?:the\s+)?(?P<which>(?:this|last|next)\s+year|year)(?-u:\b)|\s+(?P<ly2>last|this|next)\s+year(?-u:\b))?", build_half, &["half"]),
        rule(r"(?i)(?-u:\b)fiscal\s+(?:year\s+)?(?P<year>(?:19|20)\d\d|'?\d\d)(?-u:\b)", build_fiscal_year, &["fiscal"]),
        rule(r"(?i)(?-u:\b)(?P<pre>this|the\s+current|current|last|the\s+last|the\s+previous|the\s+prior|the\s+preceding|next|the\s+next|the\s+coming|the\s+latest|the\s+most\s+recent|the\s+recent|the\s+just-ended|the)\s+(?:fiscal\s+)?quarter(?-u:\b)", build_named_quarter, &["quarter"]),
        rule(r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<yearago>year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year|previous-year|year-before)|same|comparable|corresponding|like)\s+(?:fiscal\s+)?(?:quarter|period|half)(?-u:\b)(?:\s+(?P<lastyear>(?:of\s+)?(?:a|last|the\s+previous|the\s+prior|the\s+preceding)\s+year|a\s+year\s+(?:earlier|ago|before))(?-u:\b))?", build_year_ago_period, &["quarter", "period", "half"]),
        rule(&format!(r"(?i)(?-u:\b)(?P<fyear>(?P<pre>(?:(?:its|their|the|this)\s+)?(?:current|last|previous|prior|preceding|next|coming|new|latest)|this|its|their|the)\s+fiscal\s+year)(?-u:\b)(?:,?\s+{ENDING}\s+(?:on\s+|in\s+)?(?P<rel>last\s+|this\s+|next\s+)?{mon}(?:\s+\d{{1,2}}(?-u:\b))?(?:,?\s+(?P<year>(?:19|20)\d\d)(?-u:\b))?)?"), build_named_fiscal_year, &["fiscal"]),
        // the year, year end, the end of the month
        rule(&format!(r"(?i)(?-u:\b)(?:the\s+(?P<part>end|beginning|start|middle|rest|remainder|balance|close|turn)\s+of\s+(?:the\s+)?(?P<unit>year|month|week)|(?P<end>(?:the\s+)?year[\s-]end)(?:\s+(?P<year>(?:19|20)\d\d))?|(?P<ofyear>the\s+(?:(?:full|whole|entire|calendar)\s+)?year)(?:,?\s+{ENDING}\s+(?:on\s+|in\s+)?(?P<rel>last\s+|this\s+|next\s+)?{mon}(?:\s+\d{{1,2}}(?-u:\b))?(?:,?\s+(?P<year2>(?:19|20)\d\d)(?-u:\b))?)|the\s+(?:(?:full|whole|entire|calendar)\s+)?year(?:\s+(?P<year3>(?:19|20)\d\d))?)(?-u:\b)"), build_the_year, &["year", "month", "week"]),
        rule(r"(?i)(?-u:\b)(?:(?:early|late|later|earlier)\s+)?(?P<pre>in|during|by|until|till|since|through|throughout|over|before|after)\s+(?P<the>the)\s+(?P<season>spring|summer|autumn|fall|winter)(?-u:\b)", build_season, SEASONS),
        rule(r"(?i)(?-u:\b)(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})(?-u:\b)", build_season_year, SEASONS),
        rule(r"(?-u:\b)(?P<year>1[6-9]\d\d|20\d\d)(?-u:\b)", build_year, &["16", "17", "18", "19", "20"]),
        // years in words
        rule(&format!(r"(?i)(?-u:\b)(?P<the>the\s+year\s+)?(?:(?P<c>sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+(?P<r>hundred|oh[\s-]+(?:{UNITS})|(?:{TENS})(?:[\s-](?:{UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:(?:\s+and)?[\s-]+(?P<k>(?:{TENS})(?:[\s-](?:{UNITS}))?|{UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)(?-u:\b)"), build_spelled_year, &["sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thousand"]),
        rule(
            r"(?i)(?-u:\b)(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))?\s*(?P<zone>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK)?(?-u:\b)",
            build_time,
            ALWAYS,
        )
        .map(|r| Rule {
            builds_nothing: Some(bare_number),
            ..r
        }),
        rule(r"(?i)(?-u:\b)(?P<w>noon|midday|midnight)(?-u:\b)", build_noon_or_midnight, &["noon", "midday", "midnight"]),
        rule(r"(?i)(?-u:\b)(?:(?:early|late|later|earlier)\s+)?(?:in|during|through|throughout|until|till|by)\s+(?P<the>the)\s+(?P<part>morning|afternoon|evening|night)(?-u:\b)", build_part_of_day, &["morning", "afternoon", "evening", "night"]),
        rule(r"(?i)(?-u:\b)overnight(?-u:\b)", build_overnight, &["overnight"]),
        rule(
            r"(?i)(?-u:\b)(?:(?:earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>next|following|previous|preceding)\s+)(?P<unit>day|morning|afternoon|evening|night|year)(?-u:\b)",
            build_anchored,
            &["that", "next", "following", "previous", "preceding"],
        ),
        rule(
            r"(?i)(?-u:\b)(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)(?-u:\b)",
            build_hour_of_day,
            &["morning", "afternoon", "evening"],
        ),
        // the day before yesterday, the day after tomorrow
        rule(
            r"(?i)(?-u:\b)the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)(?-u:\b)",
            build_day_beyond,
            &["yesterday", "tomorrow"],
        ),
        // `the day before.`, `a day earlier`, `two weeks later`: from the latest date
        rule(
            r"(?i)(?-u:\b)(?:(?P<the>the)|(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>before|after|earlier|later)(?-u:\b)",
            build_offset_from_anchor,
            &["before", "after", "earlier", "later"],
        ),
        // the past week, the last week: the seven days up to publication
        rule(r"(?i)(?-u:\b)the\s+(?:past|last)\s+week(?-u:\b)", build_past_week, &["week"]),
        // the weekend, this past weekend
        rule(
            r"(?i)(?-u:\b)(?P<pre>this\s+past|the\s+past|the)\s+weekend(?-u:\b)",
            build_the_weekend,
            &["weekend"],
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
});

pub(super) fn m(caps: &regex::Captures<'_>, name: &str) -> Option<(usize, usize, String)> {
    caps.name(name)
        .map(|x| (x.start(), x.end(), x.as_str().to_string()))
}

pub(super) fn whole(caps: &regex::Captures<'_>) -> (usize, usize) {
    caps.get(0).map_or((0, 0), |x| (x.start(), x.end()))
}

pub(super) fn small_number(s: &str) -> Option<i64> {
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

//! Publication dates as containers and pages write them, to calendar dates.

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

static ISO: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|[+-]\d|Z)").ok());
static COMPACT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?(?:$|[T\s])").ok());
static DAY_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b").ok()
});
static MONTH_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").ok()
});

static URL_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})(?:([/_-])(0?[1-9]|1[0-2])[/_-]|(0[1-9]|1[0-2]))(0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)").ok()
});

/// The month number of a three-letter English abbreviation.
fn month(abbr: &str) -> Option<u32> {
    let m = match abbr.to_ascii_lowercase().as_str() {
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
    Some(m)
}

/// Parses a date in the forms containers and pages use: RFC 3339 / ISO 8601 (also WARC
/// dates), RFC 2822 (RSS `pubDate`), `YYYY-MM-DD`, `YYYYMMDD[hhmmss]`, `5 March 2020`,
/// `March 5, 2020`. Only the calendar date as written is kept.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let num =
        |c: &regex::Captures<'_>, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(c) = ISO.as_ref().and_then(|r| r.captures(s)) {
        let y = i32::try_from(num(&c, 1)?).ok()?;
        return NaiveDate::from_ymd_opt(y, num(&c, 2)?, num(&c, 3)?);
    }
    if let Some(c) = COMPACT.as_ref().and_then(|r| r.captures(s)) {
        let y = i32::try_from(num(&c, 1)?).ok()?;
        return NaiveDate::from_ymd_opt(y, num(&c, 2)?, num(&c, 3)?);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    if let Some(c) = DAY_MONTH.as_ref().and_then(|r| r.captures(s)) {
        let y = i32::try_from(num(&c, 3)?).ok()?;
        return NaiveDate::from_ymd_opt(y, month(c.get(2)?.as_str())?, num(&c, 1)?);
    }
    if let Some(c) = MONTH_DAY.as_ref().and_then(|r| r.captures(s)) {
        let y = i32::try_from(num(&c, 3)?).ok()?;
        return NaiveDate::from_ymd_opt(y, month(c.get(1)?.as_str())?, num(&c, 2)?);
    }
    None
}

/// The date written in a URL path (`/2019/11/04/`, `/2019-11-04-slug`, `/20191104/`),
/// as news sites put it in article links. Only the path is looked at.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').and_then(|i| after_scheme.get(i..))?;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let c = URL_DATE.as_ref()?.captures(path)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = i32::try_from(num(1)?).ok()?;
    let m = num(3).or_else(|| num(4))?;
    NaiveDate::from_ymd_opt(y, m, num(5)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        type Ymd = Option<(i32, u32, u32)>;
        let cases: &[(&str, Ymd)] = &[
            (
                "https://example.com/local/2019/11/04/bridge-repairs/",
                Some((2019, 11, 4)),
            ),
            ("https://example.com/2019/1/4/bridge", Some((2019, 1, 4))),
            (
                "https://example.com/news/2021-03-09-port-strike",
                Some((2021, 3, 9)),
            ),
            (
                "https://example.com/news/20210309/port-strike",
                Some((2021, 3, 9)),
            ),
            ("http://example.com/2019/11/bridge", None),
            ("https://example.com/story/2019123456/", None),
            ("https://example.com/2019/13/40/x", None),
            ("https://2019.example.com/x?d=/2019/11/04/", None),
            ("/2020/02/30/not-a-day", None),
            ("not a url", None),
        ];
        for (url, expected) in cases {
            let expected = expected.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(date_in_url(url), expected, "url {url:?}");
        }
    }

    fn check(input: &str, expected: Option<(i32, u32, u32)>) {
        let expected = expected.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(parse_date(input), expected, "input {input:?}");
    }

    #[test]
    fn parses() {
        let cases = [
            ("2020-03-05", Some((2020, 3, 5))),
            ("2020-03-05T22:00:00Z", Some((2020, 3, 5))),
            ("2020-03-05T23:30:00-05:00", Some((2020, 3, 5))),
            ("2020-03-05 10:00", Some((2020, 3, 5))),
            ("Thu, 05 Mar 2020 22:00:00 GMT", Some((2020, 3, 5))),
            ("Thu, 5 Mar 2020 22:00:00 +0300", Some((2020, 3, 5))),
            ("20200305120000", Some((2020, 3, 5))),
            ("5 March 2020", Some((2020, 3, 5))),
            ("March 5th, 2020 10:00 GMT", Some((2020, 3, 5))),
            ("2020-13-45", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }
}

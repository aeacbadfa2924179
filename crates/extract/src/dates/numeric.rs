//! Dates that do not depend on English, for documents in other languages:
//! ISO dates (`2020-03-05`), day-first numeric dates (`05.03.2020`,
//! `5/3/2020`, `5. 3. 2020`) and, where the language's month names are known,
//! `5. März 2020`, `5 mars 2020`, `5 de marzo de 2020`, `5 marca 2020`,
//! `März 2020`. A day and month without a year take the year nearest the
//! publication date (ties to the past), and are dropped without one.
use super::calendar::nearest_year;
use chrono::NaiveDate;
use newsdesk_model::DateMention;
use regex::Regex;
use std::sync::LazyLock;

/// `2020-03-05`, then `05.03.2020` / `5/3/2020` / `5. 3. 2020` (day first).
static NUMERIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<iy>(?:1[6-9]|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)|(?P<d>\d{1,2})(?P<sep>\.\s?|/)(?P<m>\d{1,2})(?:\.\s?|/)(?P<y>(?:1[6-9]|20)\d\d))(?-u:\b)",
    )
    .ok()
});

/// Finds the language-neutral dates of `text`; `months` are the language's month names.
pub(crate) fn find(
    text: &str,
    published: Option<NaiveDate>,
    months: Option<&[&[&str]; 12]>,
) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    if let Some(re) = NUMERIC.as_ref() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
            let (y, m, d) = match (num("iy"), num("im"), num("id")) {
                (Some(y), Some(m), Some(d)) => (y, m, d),
                _ => match (num("y"), num("m"), num("d")) {
                    (Some(y), Some(m), Some(d)) => (y, m, d),
                    _ => continue,
                },
            };
            let Some(date) = i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            else {
                continue;
            };
            out.push(mention(
                text,
                whole.start(),
                whole.end(),
                date.format("%Y-%m-%d").to_string(),
            ));
        }
    }
    if let Some(months) = months {
        for (start, end, value) in named(text, published, months) {
            if out.iter().all(|o| end <= o.start || start >= o.end) {
                out.push(mention(text, start, end, value));
            }
        }
    }
    out.sort_by_key(|d| (d.start, d.end));
    out
}

fn mention(text: &str, start: usize, end: usize, value: String) -> DateMention {
    DateMention {
        text: text.get(start..end).unwrap_or_default().to_string(),
        value,
        start,
        end,
        timex: None,
    }
}

/// The month of a (lowercase) word, 1-based.
fn month_of(word: &str, months: &[&[&str]; 12]) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word);
    months
        .iter()
        .position(|forms| forms.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Words of `text` with their byte spans (letters, digits and a trailing dot kept).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let end = if c == '.' { i + 1 } else { i };
            out.push((s, end));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// `5. März 2020`, `5 de marzo de 2020`, `1er mars`, `März 2020`: (start, end, ISO value).
fn named(
    text: &str,
    published: Option<NaiveDate>,
    months: &[&[&str]; 12],
) -> Vec<(usize, usize, String)> {
    let ws = words(text);
    let word = |i: usize| ws.get(i).and_then(|&(s, e)| text.get(s..e)).unwrap_or("");
    let bare = |w: &str| w.strip_suffix('.').unwrap_or(w).to_string();
    let year_at = |i: usize| {
        let w = bare(word(i));
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1600..2100).contains(y))
    };
    let is_de = |i: usize| word(i).eq_ignore_ascii_case("de");
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(month) = month_of(&word(i).to_lowercase(), months) else {
            i += 1;
            continue;
        };
        // the day before the month: `5.`, `5`, `1er`, `5 de`
        let mut day: Option<(usize, u32)> = None;
        let before = if i >= 2 && is_de(i - 1) {
            i.checked_sub(2)
        } else {
            i.checked_sub(1)
        };
        if let Some(b) = before {
            let w = word(b);
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            let rest = &w[digits.len()..];
            if !digits.is_empty()
                && digits.len() <= 2
                && matches!(rest, "" | "." | "er")
                && let Ok(d) = digits.parse::<u32>()
            {
                day = Some((b, d));
            }
        }
        // the year after: `2020`, `de 2020`, `2020 r.`
        let year = if year_at(i + 1).is_some() {
            year_at(i + 1).map(|y| (i + 1, y))
        } else if is_de(i + 1) {
            year_at(i + 2).map(|y| (i + 2, y))
        } else {
            None
        };
        let first = day.map_or(i, |(b, _)| b);
        let last = year.map_or(i, |(j, _)| j);
        let (Some(&(start, _)), Some(&(_, mut end))) = (ws.get(first), ws.get(last)) else {
            i += 1;
            continue;
        };
        if year.is_some() && text.get(end - 1..end) == Some(".") {
            end -= 1; // the sentence's full stop after the year
        }
        if day.is_none() && text.get(end - 1..end) == Some(".") && year.is_none() {
            end -= 1;
        }
        let value = match (day, year) {
            (Some((_, d)), Some((_, y))) => {
                NaiveDate::from_ymd_opt(y, month, d).map(|x| x.format("%Y-%m-%d").to_string())
            }
            (Some((_, d)), None) => published
                .and_then(|p| nearest_year(p, month, d, 130))
                .map(|x| x.format("%Y-%m-%d").to_string()),
            (None, Some((_, y))) => Some(format!("{y:04}-{month:02}")),
            (None, None) => None,
        };
        if let Some(value) = value {
            out.push((start, end, value));
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::Profile;

    fn values(text: &str, lang: &str) -> Vec<(String, String)> {
        let published = NaiveDate::from_ymd_opt(2020, 3, 6);
        find(text, published, Profile::of(Some(lang)).months)
            .into_iter()
            .map(|d| {
                assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
                (d.text, d.value)
            })
            .collect()
    }

    /// Language, text, and the (text, value) pairs it holds.
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    #[test]
    fn dates_of_other_languages() {
        let cases: &[Case<'_>] = &[
            (
                "de",
                "Die Waffenruhe gilt seit dem 05.03.2020 um Mitternacht.",
                &[("05.03.2020", "2020-03-05")],
            ),
            (
                "de",
                "Am 5. März 2020 trafen sie sich.",
                &[("5. März 2020", "2020-03-05")],
            ),
            (
                "de",
                "Seit dem 12. Februar wird gekämpft.",
                &[("12. Februar", "2020-02-12")],
            ),
            (
                "de",
                "Im Dezember 2019 begann die Offensive.",
                &[("Dezember 2019", "2019-12")],
            ),
            (
                "fr",
                "Le 1er mars 2020, à Moscou.",
                &[("1er mars 2020", "2020-03-01")],
            ),
            (
                "fr",
                "Depuis le 5 mars, le cessez-le-feu tient.",
                &[("5 mars", "2020-03-05")],
            ),
            (
                "es",
                "El 5 de marzo de 2020 se firmó.",
                &[("5 de marzo de 2020", "2020-03-05")],
            ),
            (
                "pt",
                "Em 5 de março de 2020 foi assinado.",
                &[("5 de março de 2020", "2020-03-05")],
            ),
            (
                "it",
                "Il 5 marzo 2020 a Mosca.",
                &[("5 marzo 2020", "2020-03-05")],
            ),
            (
                "nl",
                "Op 5 maart 2020 in Moskou.",
                &[("5 maart 2020", "2020-03-05")],
            ),
            (
                "pl",
                "Spotkanie odbyło się 5 marca 2020 r. w Warszawie.",
                &[("5 marca 2020", "2020-03-05")],
            ),
            (
                "pl",
                "Umowa wchodzi w życie 01.04.2020.",
                &[("01.04.2020", "2020-04-01")],
            ),
            (
                "ja",
                "2020-03-05 に発効した。",
                &[("2020-03-05", "2020-03-05")],
            ),
            (
                "de",
                "Der 31.02.2020 ist kein Tag, 1.000.000 keine Zahl.",
                &[],
            ),
            (
                "de",
                "Mai ist ein Name, 5 Mai auch ohne Jahr nur mit Datum.",
                &[("5 Mai", "2020-05-05")],
            ),
        ];
        for (lang, text, want) in cases {
            let got = values(text, lang);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(t, v)| ((*t).to_string(), (*v).to_string()))
                .collect();
            assert_eq!(got, want, "{lang}: {text}");
        }
    }

    #[test]
    fn without_a_publication_date_only_dates_with_a_year() {
        let dates = find(
            "Am 5. März und am 6. März 2020.",
            None,
            Profile::of(Some("de")).months,
        );
        let values: Vec<&str> = dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2020-03-06"]);
    }
}

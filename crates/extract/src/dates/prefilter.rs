//! Which date rules can match a text at all: one pass of an Aho-Corasick automaton over the
//! words the rules need ([`super::rules::Rule::needles`]), so a text without `quarter`,
//! `fiscal` or a month name is not scanned by the patterns that need one. Each of the 37
//! patterns would otherwise scan every text (about a third of the facts stage's time).
use super::rules::{RULES, Rule};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// The automaton over every rule's needles and, per rule, the needles' ids.
struct Needles {
    automaton: Option<AhoCorasick>,
    /// For each rule (in [`RULES`] order), the ids of its needles; empty: always runs.
    per_rule: Vec<Vec<usize>>,
    count: usize,
}

static NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = RULES
        .iter()
        .flat_map(|r| r.needles.iter().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    let per_rule = RULES
        .iter()
        .map(|r: &Rule| {
            r.needles
                .iter()
                .filter_map(|n| words.binary_search(n).ok())
                .collect()
        })
        .collect();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .ok();
    Needles {
        automaton,
        per_rule,
        count: words.len(),
    }
});

/// For each rule (in [`RULES`] order), whether it may match `text`. Exact: a rule is left
/// out only when `text` holds none of its needles in any ASCII case. The two characters
/// that Unicode case folding matches to an ASCII letter (`K`, the Kelvin sign, and `ſ`,
/// long s) would escape the ASCII comparison, so a text holding one runs every rule.
pub(super) fn rules_for(text: &str) -> Vec<bool> {
    let n = &*NEEDLES;
    let Some(automaton) = n
        .automaton
        .as_ref()
        .filter(|_| !text.contains(['\u{212A}', '\u{17F}']))
    else {
        return vec![true; n.per_rule.len()];
    };
    let mut present = vec![false; n.count];
    let mut left = n.count;
    for m in automaton.find_overlapping_iter(text) {
        let seen = &mut present[m.pattern().as_usize()];
        if !*seen {
            *seen = true;
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
    n.per_rule
        .iter()
        .map(|ids| ids.is_empty() || ids.iter().any(|&i| present[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{find, find_with};
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// Every rule run on every match: neither the prefilter nor a rule's
    /// `builds_nothing` skips anything.
    fn every_rule(text: &str) -> Vec<newsdesk_model::DateMention> {
        find_with(
            text,
            NaiveDate::from_ymd_opt(2020, 3, 5),
            &vec![true; RULES.len()],
            false,
        )
    }

    fn same(text: &str) {
        let p = NaiveDate::from_ymd_opt(2020, 3, 5);
        assert_eq!(find(text, p), every_rule(text), "text: {text}");
    }

    #[test]
    fn needles_are_single_words_every_rule_has_a_phrase_and_common_words_are_not_needles() {
        assert_eq!(NEEDLES.per_rule.len(), RULES.len());
        // a needle is one run of non-space characters: the patterns allow any whitespace
        // between words, so a needle holding a space could miss a match
        for rule in RULES.iter() {
            for n in rule.needles {
                assert!(
                    !n.is_empty() && !n.contains(char::is_whitespace),
                    "needle {n:?} of {}",
                    rule.re.as_str()
                );
            }
        }
        // the property test's phrases hold a match of every rule
        for rule in RULES.iter() {
            assert!(
                PHRASES.iter().any(|p| rule.re.is_match(p)),
                "no phrase matches {}",
                rule.re.as_str()
            );
        }
        // a text without any date word runs only the rules that need none
        let run = rules_for("the cat sat on a mat");
        assert!(run.iter().filter(|r| **r).count() < RULES.len() / 2);
    }

    #[test]
    fn the_fixtures_give_what_every_rule_gives() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                same(&text);
                n += 1;
            }
        }
        assert!(n > 0, "no fixture texts in {}", dir.display());
    }

    #[test]
    fn case_and_folded_letters() {
        for t in [
            "in the FOURTH QUARTER of 1989",
            "FISCAL 1990 and Fiscal Year 1991",
            "last ſpring and the ſummer of 1990", // long s folds to s
            "the \u{212A}ELVIN week and this wee\u{212A}",
            "Sept. 5 and SEPT 6, the year-ago period",
            "two weeks ago at noon Saturday; overnight, midnight Friday",
        ] {
            same(t);
        }
    }

    const WORDS: &[&str] = &[
        "the",
        "of",
        "in",
        "on",
        "last",
        "next",
        "this",
        "that",
        "a",
        "two",
        "five",
        "and",
        "to",
        "-",
        ",",
        ".",
        "'",
        "’s",
        "/",
        ":",
        "5",
        "12",
        "2020",
        "1989",
        "'89",
        "1990s",
        "'80s",
        "March",
        "march",
        "Sept.",
        "Dec",
        "Friday",
        "friday",
        "SATURDAY",
        "today",
        "yesterday",
        "now",
        "recently",
        "future",
        "Christmas",
        "New",
        "Year's",
        "Day",
        "Eve",
        "week",
        "weekend",
        "month",
        "year",
        "year-end",
        "year-ago",
        "quarter",
        "half",
        "fiscal",
        "period",
        "first",
        "third",
        "spring",
        "fall",
        "nineteen",
        "ninety-six",
        "two thousand",
        "noon",
        "midnight",
        "morning",
        "night",
        "overnight",
        "o'clock",
        "ago",
        "days",
        "before",
        "after",
        "later",
        "since",
        "ending",
        "June",
        "30",
        "GMT",
        "p.m.",
        "ſummer",
        "\u{212A}",
        "é",
        "\u{a0}",
    ];

    /// A match of each rule, so that a needle a rule's matches lack shows.
    const PHRASES: &[&str] = &[
        "April 24 and 25, 2019",
        "Aug. 7",
        "5th of March 2020",
        "September 2018",
        "since February",
        "last Tuesday morning",
        "tonight",
        "at present",
        "Good Friday",
        "the week of March 16",
        "this coming",
        "next winter",
        "three years ago",
        "the early 1990s",
        "the '80s",
        "2020-03-05",
        "3/5/2020",
        "last year's third quarter",
        "the first half of 1989",
        "fiscal '89",
        "the latest quarter",
        "the year-earlier period",
        "its current fiscal year",
        "the end of the month",
        "the year ending June 30",
        "during the summer",
        "winter of 1990",
        "1989",
        "nineteen ninety-six",
        "the year two thousand",
        "10:30 p.m. GMT",
        "midday",
        "early in the morning",
        "overnight",
        "later that same day",
        "four o'clock in the afternoon",
        "the day before yesterday",
        "two weeks later",
        "the past week",
        "this past weekend",
    ];

    proptest! {
        #[test]
        fn any_text_gives_what_every_rule_gives(
            picks in proptest::collection::vec((0..WORDS.len() + PHRASES.len(), 0u8..4, 0u8..3), 0..40)
        ) {
            let mut text = String::new();
            for (i, sep, case) in picks {
                let w = WORDS.get(i).or_else(|| PHRASES.get(i - WORDS.len())).copied().unwrap_or("");
                match case {
                    0 => text.push_str(w),
                    1 => text.push_str(&w.to_uppercase()),
                    _ => text.push_str(&w.to_lowercase()),
                }
                text.push_str(match sep { 0 => " ", 1 => "", 2 => "\n", _ => "  " });
            }
            let p = NaiveDate::from_ymd_opt(2020, 3, 5);
            prop_assert_eq!(find(&text, p), every_rule(&text));
        }
    }
}

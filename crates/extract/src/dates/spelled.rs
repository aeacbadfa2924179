//! Years written in words: `nineteen ninety-six`, `nineteen oh five`, `the year two
//! thousand`, `two thousand and one`, `twenty twenty`.
use super::Cand;
use super::rules::{m, whole};
use super::tense::word_before;
use chrono::NaiveDate;

/// The value of a number word below 100 (`ninety-six`, `oh five`, `twelve`).
fn below_hundred(words: &str) -> Option<i32> {
    let mut total = 0;
    for w in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let n = match w.to_lowercase().as_str() {
            "oh" | "and" => 0,
            // a count word, no part of a year
            "dozen" => return None,
            other => {
                let v = crate::quantities::numbers::number_word(other)?;
                // the table holds whole numbers below a hundred
                #[allow(clippy::cast_possible_truncation)]
                let n = v as i32;
                n
            }
        };
        total += n;
    }
    (total < 100).then_some(total)
}

/// Prepositions that put a number written in words in the place of a year (`in twenty
/// twenty`, `since two thousand`).
const YEAR_PLACE: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "from", "before", "after", "around", "year",
    "during", "through", "to",
];

/// `nineteen ninety-six` -> `1996`; `two thousand (and) N` and `twenty N`, which also
/// read as counts, only after `the year` or a preposition of time and not before a noun.
pub(super) fn build_spelled_year(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let named = m(caps, "the").is_some();
    let year = if let Some((_, _, c)) = m(caps, "c") {
        let century = below_hundred(&c)?;
        let rest = m(caps, "r")?.2;
        let tail = if rest.eq_ignore_ascii_case("hundred") {
            0
        } else {
            below_hundred(&rest)?
        };
        century * 100 + tail
    } else {
        2000 + m(caps, "k").map_or(Some(0), |x| below_hundred(&x.2))?
    };
    let ambiguous = m(caps, "c").is_none_or(|x| x.2.eq_ignore_ascii_case("twenty"));
    if ambiguous && !named {
        let placed = YEAR_PLACE.contains(&word_before(t, s).as_str());
        // `in two thousand cases`: a count
        let next = super::tense::word_after(t, e);
        let noun_after = !next.is_empty()
            && !matches!(
                next.as_str(),
                "and" | "or" | "when" | "the" | "a" | "he" | "she" | "they" | "it" | "we"
            );
        if !placed || noun_after {
            return None;
        }
    }
    Some(Cand {
        s,
        e,
        value: format!("{year:04}"),
        time: false,
    })
}

#[cfg(test)]
mod tests {
    use super::below_hundred;

    #[test]
    fn number_words_below_a_hundred() {
        assert_eq!(below_hundred("ninety-six"), Some(96));
        assert_eq!(below_hundred("oh five"), Some(5));
        assert_eq!(below_hundred("twelve"), Some(12));
        assert_eq!(below_hundred("ninety ninety"), None);
        assert_eq!(below_hundred("dozen"), None);
    }
}

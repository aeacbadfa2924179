//! Counts and measurements.
//!
//! A quantity is `[qualifier] [currency] number [scale] [unit] [counted noun]`:
//! `more than 300 civilians`, `$5 million`, `1.5bn`, `6km (3.7 miles)`,
//! `12-kilometre corridor`, `10-12 km`, `between 5 and 7 percent`, `15.5 mln dlrs`,
//! `dozens of troops`. Values are converted to SI base units (`m`, `kg`, `s`,
//! `m2`, `m3`); percentages keep `%`; money keeps its ISO 4217 code
//! (cents and pence are converted to their currency). Decisions:
//! - `N-year-old` is an age, recorded as a duration in seconds (Julian years),
//!   with `of` the noun it describes;
//! - vague plurals take the smallest plural: `dozens of` 24, `hundreds of` 200,
//!   `thousands of` 2000 (and so on), with the phrase as the qualifier;
//! - `ton(s)` and `tonne(s)` are both metric tonnes (wire usage); `pounds` is
//!   money (GBP) with a scale word or `sterling`, else weight;
//! - a dual-unit `6km (3.7 miles)` is one quantity valued from the first unit,
//!   flagged `conversion_mismatch` when the two differ by more than 5%.
//!
//! Years, dates, clock times, ordinals, citation marks (`[84]`), numbers
//! inside names (`M4`, `Russia 24`, `F-16`) and bare number words without a
//! counted noun (`one of them`) are not quantities.
use newsdesk_model::Quantity;
use std::borrow::Cow;

mod counts;
pub(crate) mod numbers;
mod parse;
mod units;
mod words;

/// Finds quantities in `text`, with the counts of people affected marked
/// (`count`, `period`; see [`counts`]).
pub(crate) fn find(text: &str) -> Vec<Quantity> {
    let mut out = parse_all(text, false, true);
    counts::annotate(text, &mut out);
    out
}

/// The quantities of `text` in a language other than English: numbers written
/// with digits that carry a unit (`6 km`, `3,5 %`, `€ 2,5`), read with a decimal
/// comma where the language writes one (`3,5` is 3.5, `1.000.000` a million);
/// no number words, no counted nouns, no counts of people affected.
pub(crate) fn find_numeric(text: &str, decimal_comma: bool) -> Vec<Quantity> {
    let mut out = parse_all(text, decimal_comma, false);
    out.retain(|q| q.unit.is_some() && q.text.bytes().any(|b| b.is_ascii_digit()));
    for q in &mut out {
        q.of = None;
        q.count = None;
        q.period = None;
    }
    out
}

fn parse_all(text: &str, decimal_comma: bool, words: bool) -> Vec<Quantity> {
    let toks = tokenize(text);
    let lows: Vec<Cow<'_, str>> = toks
        .iter()
        .map(|t| crate::tokens::lowercase(text.get(t.s..t.e).unwrap_or("")))
        .collect();
    let p = Parser {
        text,
        toks: &toks,
        lows: &lows,
        decimal_comma,
        words,
    };
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match p.parse_at(i) {
            Some((q, next)) => {
                if q.start < q.end && text.is_char_boundary(q.start) && text.is_char_boundary(q.end)
                {
                    out.push(q);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Num,
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut e = i + c.len_utf8();
        let k = if c.is_ascii_digit() {
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    e = j + 1;
                    it.next();
                } else if matches!(d, ',' | '.') {
                    let after = text.get(j + 1..).and_then(|t| t.chars().next());
                    if after.is_some_and(|a| a.is_ascii_digit()) {
                        e = j + 1;
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            K::Num
        } else if c.is_alphabetic() {
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    e = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '.') {
                    // `U.S.`, `Rs.`: keep internal dots between letters
                    let after = text.get(j + d.len_utf8()..).and_then(|t| t.chars().next());
                    if after.is_some_and(char::is_alphabetic) {
                        e = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            K::Word
        } else {
            K::Punct(c)
        };
        toks.push(Tok { s: i, e, k });
    }
    toks
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lows: &'a [Cow<'a, str>],
    /// Numbers use a decimal comma (`3,5`) and dots or spaces between thousands.
    decimal_comma: bool,
    /// English number words (`twenty-five`) count as numbers.
    words: bool,
}

#[cfg(test)]
mod tests {
    use super::units::YEAR_S;
    use super::*;

    /// (text, value, unit, qualifier, of)
    type Want<'a> = (
        &'a str,
        f64,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    fn check(input: &str, expected: &[Want<'_>]) {
        let got = find(input);
        let shown: Vec<_> = got
            .iter()
            .map(|q| {
                (
                    q.text.as_str(),
                    q.value,
                    q.unit.as_deref(),
                    q.qualifier.as_deref(),
                    q.of.as_deref(),
                )
            })
            .collect();
        assert_eq!(shown.len(), expected.len(), "input: {input}\ngot {shown:?}");
        for (g, w) in shown.iter().zip(expected) {
            assert_eq!(g.0, w.0, "input: {input}");
            assert!(
                (g.1 - w.1).abs() <= w.1.abs() * 1e-6,
                "value of {}: {} vs {}",
                w.0,
                g.1,
                w.1
            );
            assert_eq!((g.2, g.3, g.4), (w.2, w.3, w.4), "input: {input}");
        }
        for q in &got {
            assert_eq!(input.get(q.start..q.end), Some(q.text.as_str()));
        }
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "Thirty four people were hurt",
                &[("Thirty four people", 34.0, None, None, Some("people"))],
            ),
            (
                "twenty-one soldiers",
                &[("twenty-one soldiers", 21.0, None, None, Some("soldiers"))],
            ),
            (
                "killed 21 Syrian troops and",
                &[("21 Syrian troops", 21.0, None, None, Some("Syrian troops"))],
            ),
            (
                "destroyed two artillery pieces and",
                &[(
                    "two artillery pieces",
                    2.0,
                    None,
                    None,
                    Some("artillery pieces"),
                )],
            ),
            (
                "more than 300 civilians, including",
                &[(
                    "more than 300 civilians",
                    300.0,
                    None,
                    Some("more than"),
                    Some("civilians"),
                )],
            ),
            (
                "Nearly one million people have",
                &[(
                    "Nearly one million people",
                    1e6,
                    None,
                    Some("nearly"),
                    Some("people"),
                )],
            ),
            (
                "stretch 6km (3.7 miles) to the north",
                &[("6km (3.7 miles)", 6000.0, Some("m"), None, None)],
            ),
            (
                "a 12-kilometre corridor along",
                &[(
                    "12-kilometre corridor",
                    12000.0,
                    Some("m"),
                    None,
                    Some("corridor"),
                )],
            ),
            (
                "a meeting that lasted six hours.",
                &[("six hours", 21600.0, Some("s"), None, None)],
            ),
            (
                "within seven days.",
                &[("seven days", 604800.0, Some("s"), None, None)],
            ),
            (
                "killed since February to 60.",
                &[("60", 60.0, None, None, None)],
            ),
            (
                "$5 million in aid",
                &[("$5 million", 5e6, Some("USD"), None, None)],
            ),
            ("a £3bn deal", &[("£3bn", 3e9, Some("GBP"), None, None)]),
            (
                "15.5 mln dlrs in 1986",
                &[("15.5 mln dlrs", 15.5e6, Some("USD"), None, None)],
            ),
            ("rose 12 pct to", &[("12 pct", 12.0, Some("%"), None, None)]),
            (
                "10-12 km away",
                &[("10-12 km", 10000.0, Some("m"), None, None)],
            ),
            (
                "dozens of his troops",
                &[(
                    "dozens of his troops",
                    24.0,
                    None,
                    Some("dozens of"),
                    Some("troops"),
                )],
            ),
            (
                "Syria's nine-year-old civil war",
                &[(
                    "nine-year-old civil war",
                    9.0 * YEAR_S,
                    Some("s"),
                    None,
                    Some("civil war"),
                )],
            ),
            (
                // a name after an age is the person, not what the age counts
                "police said 16-year-old Cederrius Hastings was shot",
                &[
                    ("16-year-old", 16.0 * YEAR_S, Some("s"), None, None),
                    ("Cederrius Hastings", 1.0, None, None, None),
                ],
            ),
            (
                "a 16-year-old Puyallup boy",
                &[(
                    "16-year-old Puyallup boy",
                    16.0 * YEAR_S,
                    Some("s"),
                    None,
                    Some("Puyallup boy"),
                )],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn not_quantities() {
        for input in [
            "At 00.01 tonight",
            "at 22:00 GMT",
            "in 2020 and on March 15",
            "the M4 highway",
            "Russia 24 channel",
            "the 21st century",
            "motorway through Idlib. [84] The",
            "one of the worst",
            "no one knows",
        ] {
            assert!(find(input).is_empty(), "{input}: {:?}", find(input));
        }
    }
}

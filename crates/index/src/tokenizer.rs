//! The word tokenizer of text and name fields: alphanumeric runs, hyphenated compounds also joined, possessive `s` dropped.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Hyphens that join the parts of a compound (`cease-fire`, `al-Assad`).
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
/// Apostrophes before a possessive `s`.
const APOSTROPHES: [char; 2] = ['\'', '\u{2019}'];
/// Compounds of more parts than this are not joined (`state-of-the-art-ish` lists).
const MAX_COMPOUND_PARTS: usize = 4;

/// Splits text into words like Tantivy's `SimpleTokenizer` (maximal runs of
/// alphanumeric characters) with two differences that matter for news:
///
/// - a hyphenated compound also yields its parts joined, at the position of its
///   first part (`cease-fire` gives `cease`, `ceasefire`, `fire`), so that
///   `ceasefire` finds `cease-fire` while `fire` and the phrase `"cease fire"`
///   still do;
/// - the `s` of a possessive (`Erdogan's`, `Erdogan’s`) is dropped, so that the
///   phrase `"Erdogan office"` finds `Erdogan's office`.
#[derive(Clone, Default)]
pub(crate) struct WordTokenizer {
    tokens: Vec<Token>,
}

/// The tokens of one text, computed up front.
pub(crate) struct WordTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
    current: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.tokens.clear();
        split(text, &mut self.tokens);
        WordTokenStream {
            tokens: &mut self.tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(token) => {
                self.current = std::mem::take(token);
                self.next += 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// Byte ranges of the maximal alphanumeric runs of `text`.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether `between` (the text between two runs) is exactly one of `chars`.
fn is_one_of(between: Option<&str>, chars: &[char]) -> bool {
    let mut it = between.unwrap_or_default().chars();
    matches!((it.next(), it.next()), (Some(c), None) if chars.contains(&c))
}

fn split(text: &str, out: &mut Vec<Token>) {
    let runs = runs(text);
    let mut position = 0usize;
    // The index of the last run of the compound the current run belongs to.
    let mut compound_end = 0usize;
    for (i, &(start, end)) in runs.iter().enumerate() {
        let word = text.get(start..end).unwrap_or_default();
        let previous = i.checked_sub(1).and_then(|p| runs.get(p));
        let between_previous = previous.and_then(|&(_, pe)| text.get(pe..start));
        if word.eq_ignore_ascii_case("s") && is_one_of(between_previous, &APOSTROPHES) {
            continue;
        }
        out.push(Token {
            offset_from: start,
            offset_to: end,
            position,
            text: word.to_string(),
            position_length: 1,
        });
        if i >= compound_end {
            // A new word: is it the first part of a hyphenated compound?
            let mut last = i;
            while let (Some(&(_, e)), Some(&(ns, _))) = (runs.get(last), runs.get(last + 1)) {
                if !is_one_of(text.get(e..ns), &HYPHENS) {
                    break;
                }
                last += 1;
            }
            compound_end = last + 1;
            let parts = last + 1 - i;
            if (2..=MAX_COMPOUND_PARTS).contains(&parts) {
                let joined: String = runs
                    .get(i..=last)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&(s, e)| text.get(s..e))
                    .collect();
                let offset_to = runs.get(last).map_or(end, |r| r.1);
                out.push(Token {
                    offset_from: start,
                    offset_to,
                    position,
                    text: joined,
                    position_length: parts,
                });
            }
        }
        position += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, expected: &[(&str, usize)]) {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            assert_eq!(
                text.get(t.offset_from..t.offset_to)
                    .map(|s| s.replace(HYPHENS, "")),
                Some(t.text.clone())
            );
            got.push((t.text.clone(), t.position));
        }
        let expected: Vec<(String, usize)> =
            expected.iter().map(|(s, p)| (s.to_string(), *p)).collect();
        assert_eq!(got, expected, "tokens of {text:?}");
    }

    #[test]
    fn words_compounds_and_possessives() {
        let cases: &[(&str, &[(&str, usize)])] = &[
            (
                "Hello, happy tax payer!",
                &[("Hello", 0), ("happy", 1), ("tax", 2), ("payer", 3)],
            ),
            (
                "a cease-fire now",
                &[
                    ("a", 0),
                    ("cease", 1),
                    ("ceasefire", 1),
                    ("fire", 2),
                    ("now", 3),
                ],
            ),
            (
                "Bashar al‑Assad",
                &[("Bashar", 0), ("al", 1), ("alAssad", 1), ("Assad", 2)],
            ),
            (
                "east-west-north",
                &[("east", 0), ("eastwestnorth", 0), ("west", 1), ("north", 2)],
            ),
            (
                "a-b-c-d-e",
                &[("a", 0), ("b", 1), ("c", 2), ("d", 3), ("e", 4)],
            ),
            ("pro -- anti", &[("pro", 0), ("anti", 1)]),
            ("Erdogan's office", &[("Erdogan", 0), ("office", 1)]),
            ("Erdoğan’s office", &[("Erdoğan", 0), ("office", 1)]),
            (
                "the s of it's",
                &[("the", 0), ("s", 1), ("of", 2), ("it", 3)],
            ),
            ("don't", &[("don", 0), ("t", 1)]),
            ("'s", &[("s", 0)]),
            ("", &[]),
            ("-", &[]),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    proptest! {
        #[test]
        fn offsets_are_char_boundaries_inside_the_text(text in "\\PC{0,60}") {
            let mut out = Vec::new();
            split(&text, &mut out);
            let mut last_position = 0;
            for t in out {
                prop_assert!(t.offset_from < t.offset_to && t.offset_to <= text.len());
                prop_assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
                prop_assert!(t.position >= last_position);
                last_position = t.position;
            }
        }
    }
}

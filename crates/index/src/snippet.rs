//! Snippets: the passage of a body with the most distinct query terms, matches in `<b>`..`</b>`.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use tantivy::Term;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;

/// Longest snippet, in bytes of body text.
pub(crate) const SNIPPET_MAX: usize = 200;
/// At most this many matches of a body are considered when choosing the passage.
const MAX_MATCHES: usize = 10_000;

/// Makes snippets of bodies for one query.
pub(crate) struct Snippeter {
    /// The analysed query terms on the body field.
    terms: Vec<String>,
    /// The body field's analyzer.
    analyzer: TextAnalyzer,
    /// The same analyzer without its last filter (the stemmer): cheap tokens,
    /// only some of which need the full analysis.
    plain: TextAnalyzer,
}

impl Snippeter {
    /// A snippeter for the terms of `query` on `field`, which `analyzer` analyses.
    pub(crate) fn new(
        query: &dyn Query,
        field: Field,
        analyzer: TextAnalyzer,
        plain: TextAnalyzer,
    ) -> Snippeter {
        let mut terms = BTreeSet::new();
        query.query_terms(&mut |term: &Term, _| {
            if term.field() == field
                && let Some(text) = term.value().as_str()
            {
                terms.insert(text.to_string());
            }
        });
        Snippeter {
            terms: terms.into_iter().collect(),
            analyzer,
            plain,
        }
    }

    /// The snippet of `text`: the passage of at most [`SNIPPET_MAX`] bytes with
    /// the most distinct query terms (then the most adjacent pairs of terms, as
    /// in a matched phrase, then the most matches, then the earliest), or the
    /// opening of the text when no term occurs in it.
    pub(crate) fn snippet(&self, text: &str) -> String {
        let matches = self.matches(text);
        let window = if matches.is_empty() {
            opening(text)
        } else if text.trim_end().len() <= SNIPPET_MAX {
            0..text.trim_end().len()
        } else {
            let best = best_span(&matches);
            around(text, best)
        };
        let marks: Vec<Range<usize>> = matches.into_iter().map(|m| m.bytes).collect();
        render(text, window, &marks)
    }

    /// The tokens of `text` that are query terms.
    fn matches(&self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        if self.terms.is_empty() {
            return out;
        }
        let index: HashMap<&str, usize> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i))
            .collect();
        // Stemming every word of every hit's body dominated search time. A
        // stem keeps the first two bytes of its (lowercased, folded) word, so
        // only words sharing them with a query term are stemmed.
        let prefixes: Vec<&[u8]> = self
            .terms
            .iter()
            .map(|t| t.as_bytes().get(..2).unwrap_or(t.as_bytes()))
            .collect();
        let mut analyzer = self.analyzer.clone();
        let mut plain = self.plain.clone();
        let mut stream = plain.token_stream(text);
        while stream.advance() && out.len() < MAX_MATCHES {
            let token = stream.token();
            let word = token.text.as_bytes();
            if !prefixes.iter().any(|p| word.starts_with(p)) {
                continue;
            }
            let mut stemmed = analyzer.token_stream(&token.text);
            let term = if stemmed.advance() {
                index.get(stemmed.token().text.as_str()).copied()
            } else {
                None
            };
            if let Some(term) = term {
                out.push(Match {
                    bytes: token.offset_from..token.offset_to,
                    term,
                    position: token.position,
                });
            }
        }
        out
    }
}

/// A token of the text that is a query term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Match {
    /// Where it is in the text.
    bytes: Range<usize>,
    /// Which query term it is.
    term: usize,
    /// Its token position.
    position: usize,
}

/// Whether two matches are neighbouring tokens with different terms (part of a phrase).
fn adjacent(a: &Match, b: &Match) -> bool {
    a.term != b.term && b.position == a.position + 1
}

/// The byte span from the first to the last match of the best run of matches
/// that fits in [`SNIPPET_MAX`] bytes: most distinct terms, then most
/// adjacent pairs, then most matches, then earliest.
fn best_span(matches: &[Match]) -> Range<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let mut pairs = 0usize;
    let mut best: Option<((usize, usize, usize), Range<usize>)> = None;
    let mut j = 0;
    for i in 0..matches.len() {
        let Some(first) = matches.get(i) else {
            break;
        };
        if j < i {
            j = i;
        }
        // Grow the run [i, j) while it fits.
        while let Some(m) = matches.get(j) {
            if m.bytes.end.saturating_sub(first.bytes.start) > SNIPPET_MAX {
                break;
            }
            *counts.entry(m.term).or_default() += 1;
            if j > i && matches.get(j - 1).is_some_and(|p| adjacent(p, m)) {
                pairs += 1;
            }
            j += 1;
        }
        let distinct = counts.values().filter(|&&n| n > 0).count();
        let key = (distinct, pairs, j - i);
        let end = matches
            .get(j.saturating_sub(1))
            .map_or(first.bytes.end, |m| m.bytes.end);
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, first.bytes.start..end.max(first.bytes.end)));
        }
        // Drop match i from the run.
        if j > i {
            if let Some(n) = counts.get_mut(&first.term) {
                *n = n.saturating_sub(1);
            }
            if i + 1 < j && matches.get(i + 1).is_some_and(|n| adjacent(first, n)) {
                pairs = pairs.saturating_sub(1);
            }
        }
    }
    best.map_or(0..0, |(_, r)| r)
}

/// A window of about [`SNIPPET_MAX`] bytes around `span`, a third of the slack
/// before it, cut at whitespace.
fn around(text: &str, span: Range<usize>) -> Range<usize> {
    let len = text.trim_end().len();
    let span = span.start.min(len)..span.end.min(len);
    let slack = SNIPPET_MAX.saturating_sub(span.len());
    let mut start = span.start.saturating_sub(slack / 3);
    let mut end = (start + SNIPPET_MAX).max(span.end).min(len);
    if end == len {
        start = start.min(len.saturating_sub(SNIPPET_MAX));
    }
    start = floor_boundary(text, start);
    end = floor_boundary(text, end);
    // Start after a whitespace, end before one, unless that loses the span.
    if start > 0 {
        if let Some(ws) = text
            .get(start..span.start)
            .and_then(|s| s.find(char::is_whitespace))
        {
            start += ws;
        } else {
            start = span.start;
        }
    }
    if end < len {
        if let Some(ws) = text
            .get(span.end..end)
            .and_then(|s| s.rfind(char::is_whitespace))
        {
            end = span.end + ws;
        } else {
            end = span.end;
        }
    }
    start..end
}

/// The largest char boundary of `text` not above `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first [`SNIPPET_MAX`] bytes of `text`, cut at a word boundary.
fn opening(text: &str) -> Range<usize> {
    let text_end = text.trim_end().len();
    if text_end <= SNIPPET_MAX {
        return 0..text_end;
    }
    let end = floor_boundary(text, SNIPPET_MAX);
    let head = text.get(..end).unwrap_or_default();
    match head.rfind(char::is_whitespace) {
        Some(space) if space > SNIPPET_MAX / 2 => 0..space,
        _ => 0..end,
    }
}

/// `text[window]` with the `marks` inside it wrapped in `<b>`..`</b>`, `&`, `<`
/// and `>` escaped, whitespace runs collapsed, `...` where the window cuts the text.
fn render(text: &str, window: Range<usize>, marks: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = window.start;
    let mut marks: Vec<_> = marks.iter().map(|r| (r.start, r.end)).collect();
    marks.sort_unstable();
    for (start, end) in marks {
        if start < at || end > window.end {
            continue;
        }
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        push_escaped(&mut out, before);
        out.push_str("<b>");
        push_escaped(&mut out, marked);
        out.push_str("</b>");
        at = end;
    }
    push_escaped(&mut out, text.get(at..window.end).unwrap_or_default());
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if text
        .get(..window.start)
        .is_some_and(|s| !s.trim().is_empty())
    {
        out.insert_str(0, "... ");
    }
    if text.get(window.end..).is_some_and(|s| !s.trim().is_empty()) {
        out.push_str(" ...");
    }
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{english_analyzer, name_analyzer};
    use proptest::prelude::*;

    fn snippeter(terms: &[&str]) -> Snippeter {
        Snippeter {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            analyzer: english_analyzer(),
            plain: name_analyzer(),
        }
    }

    fn check(terms: &[&str], text: &str, expected: &str) {
        assert_eq!(
            snippeter(terms).snippet(text),
            expected,
            "terms {terms:?} in {text:?}"
        );
    }

    #[test]
    fn snippets() {
        let filler = "Filler words pad this sentence out. ".repeat(8);
        let long_end = format!("{filler}The White Helmets said rescue work goes on.");
        let long_middle = format!("{filler}The corridor reopened. {filler}");
        let cases: Vec<(&[&str], &str, String)> = vec![
            (&["corridor"], "Patrols on the M4 corridor.", "Patrols on the M4 <b>corridor</b>.".into()),
            (&["helmet"], "a <b> & White Helmets", "a &lt;b&gt; &amp; White <b>Helmets</b>".into()),
            (&["two"], "one\n\ntwo  three", "one <b>two</b> three".into()),
            (&[], "Nothing to see.", "Nothing to see.".into()),
            (&["absent"], "Nothing to see.", "Nothing to see.".into()),
            (&["ceasefir"], "", "".into()),
            // a match at the end of a long body: the window keeps the sentence's end
            (
                &["helmet"],
                &long_end,
                "... out. Filler words pad this sentence out. Filler words pad this sentence out. \
                 Filler words pad this sentence out. Filler words pad this sentence out. The White \
                 <b>Helmets</b> said rescue work goes on."
                    .into(),
            ),
            (
                &["corridor"],
                &long_middle,
                "... pad this sentence out. Filler words pad this sentence out. The <b>corridor</b> \
                 reopened. Filler words pad this sentence out. Filler words pad this sentence out. \
                 Filler words pad this sentence out. Filler ..."
                    .into(),
            ),
            // no match in a long body: its opening
            (
                &["absent"],
                &filler,
                "Filler words pad this sentence out. Filler words pad this sentence out. Filler \
                 words pad this sentence out. Filler words pad this sentence out. Filler words \
                 pad this sentence out. Filler words pad ..."
                    .into(),
            ),
        ];
        for (terms, text, expected) in &cases {
            check(terms, text, expected);
        }
    }

    #[test]
    fn the_passage_with_most_distinct_terms_wins() {
        let far = "x ".repeat(150);
        let text = format!("alpha alpha alpha {far} alpha beta {far}");
        let s = snippeter(&["alpha", "beta"]).snippet(&text);
        assert!(s.contains("<b>alpha</b> <b>beta</b>"), "{s}");
        let m = |bytes: Range<usize>, term: usize, position: usize| Match {
            bytes,
            term,
            position,
        };
        type Case = (Vec<Match>, Range<usize>);
        let spans: &[Case] = &[
            (
                vec![
                    m(0..5, 0, 0),
                    m(6..11, 0, 1),
                    m(400..405, 1, 80),
                    m(406..411, 0, 81),
                ],
                400..411,
            ),
            (
                vec![m(0..5, 0, 0), m(6..11, 0, 1), m(400..405, 0, 80)],
                0..11,
            ),
            // a phrase beats the same terms apart, even with fewer matches
            (
                vec![
                    m(0..5, 0, 0),
                    m(20..25, 1, 4),
                    m(30..35, 0, 6),
                    m(300..305, 0, 60),
                    m(306..311, 1, 61),
                ],
                300..311,
            ),
            (vec![m(0..300, 0, 0)], 0..300),
            (vec![], 0..0),
        ];
        for (matches, expected) in spans {
            assert_eq!(best_span(matches), *expected, "{matches:?}");
        }
    }

    proptest! {
        #[test]
        fn snippets_never_panic_and_keep_markers_balanced(
            text in "(\\PC{0,12}[ \n]){0,60}",
            terms in proptest::collection::vec("[a-zé]{1,4}", 0..4),
        ) {
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            let s = snippeter(&terms).snippet(&text);
            prop_assert_eq!(s.matches("<b>").count(), s.matches("</b>").count());
            let plain = s
                .replace("<b>", "")
                .replace("</b>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            prop_assert!(plain.len() <= SNIPPET_MAX + 8, "{} bytes: {}", plain.len(), plain);
        }
    }
}

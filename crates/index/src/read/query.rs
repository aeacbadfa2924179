//! Query parsing and filters: boosts, bounds on hostile input, `published:` days made timestamps.

use crate::schema;
use crate::{Error, FacetKind, Index, SearchOptions};
use chrono::NaiveDate;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Score, Term};

/// Boost of the title among the default fields.
const TITLE_BOOST: Score = 2.0;
/// Boost of quotes among the default fields (their words are in the body too).
const QUOTE_BOOST: Score = 0.5;
/// Deepest nesting of parentheses accepted in a query (the parser recurses).
const MAX_QUERY_DEPTH: usize = 32;
/// Longest query accepted, in bytes.
const MAX_QUERY_BYTES: usize = 8 * 1024;

impl Index {
    /// Parses a user query: blank means every document; syntax errors become
    /// [`Error::Query`]; nesting and length are bounded so that hostile input
    /// cannot exhaust the stack.
    pub(crate) fn parse(&self, query: &str) -> Result<Box<dyn Query>, Error> {
        let error = |message: String| Error::Query {
            query: query.to_string(),
            message,
        };
        if query.trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        if query.len() > MAX_QUERY_BYTES {
            return Err(error(format!(
                "the query is longer than {MAX_QUERY_BYTES} bytes"
            )));
        }
        if nesting_depth(query) > MAX_QUERY_DEPTH {
            return Err(error(format!(
                "parentheses nest deeper than {MAX_QUERY_DEPTH} levels"
            )));
        }
        let f = &self.fields;
        let mut defaults = vec![f.title, f.body, f.quote];
        defaults.extend(f.bodies);
        let mut parser = QueryParser::for_index(&self.index, defaults);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        parser.set_field_boost(f.quote, QUOTE_BOOST);
        let query = expand_stories(query, &mut |id| self.story_members(id))?;
        parser
            .parse_query(&expand_dates(&quote_apostrophes(&query)))
            .map(steady_ranges)
            .map_err(|e| error(one_line(&e.to_string())))
    }

    /// `query` restricted by the filters of `options`.
    pub(super) fn with_filters(
        &self,
        query: Box<dyn Query>,
        options: &SearchOptions,
    ) -> Result<Box<dyn Query>, Error> {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (kind, value) in &options.facets {
            let filter: Box<dyn Query> = match schema::kind_facet(*kind, value) {
                Some(facet) => Box::new(TermQuery::new(
                    Term::from_facet(f.entity, &facet),
                    IndexRecordOption::Basic,
                )),
                None if *kind == FacetKind::Story => {
                    let members = self.story_members(value)?;
                    Box::new(TermSetQuery::new(
                        members.iter().map(|m| Term::from_field_text(f.id, m)),
                    ))
                }
                // A blank value matches nothing.
                None => Box::new(EmptyQuery),
            };
            must.push((Occur::Must, filter));
        }
        if let Some(prefix) = &options.source_prefix {
            let mut upper = prefix.clone();
            upper.push(char::MAX);
            must.push((
                Occur::Must,
                steady(RangeQuery::new(
                    Bound::Included(Term::from_field_text(f.source, prefix)),
                    Bound::Excluded(Term::from_field_text(f.source, &upper)),
                )),
            ));
        }
        for (field, value) in [(f.language, &options.language), (f.outlet, &options.outlet)] {
            if let Some(value) = value {
                must.push((
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &value.to_lowercase()),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
        }
        if options.published_from.is_some() || options.published_to.is_some() {
            let term =
                |d: NaiveDate| Term::from_field_date_for_search(f.published, schema::day_start(d));
            let lower = options
                .published_from
                .map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
            let upper = match options.published_to.and_then(|d| d.succ_opt()) {
                Some(next) => Bound::Excluded(term(next)),
                None => options
                    .published_to
                    .map_or(Bound::Unbounded, |d| Bound::Included(term(d))),
            };
            must.push((Occur::Must, steady(RangeQuery::new(lower, upper))));
        }
        if must.is_empty() {
            return Ok(query);
        }
        must.insert(0, (Occur::Must, query));
        Ok(Box::new(BooleanQuery::new(must)))
    }
}

/// A range that scores 1.0 in every segment. Tantivy answers a range that covers a whole
/// segment with its match-everything scorer, and a conjunction drops that scorer (and its
/// 1.0) as an optimisation, so the same document scored 1.0 more or less depending on how
/// the documents were split into segments: with the indexing threads, or after a merge.
fn steady(range: RangeQuery) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(range), 1.0))
}

/// `query` with every range in it (at any depth of boolean clauses) made [`steady`].
fn steady_ranges(query: Box<dyn Query>) -> Box<dyn Query> {
    if let Some(range) = query.downcast_ref::<RangeQuery>() {
        return steady(range.clone());
    }
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let clauses = boolean
            .clauses()
            .iter()
            .map(|(occur, q)| (*occur, steady_ranges(q.box_clone())))
            .collect();
        return Box::new(BooleanQuery::new(clauses));
    }
    query
}

/// The query with each word that holds an apostrophe between letters (`O'Neil`,
/// `person:D'Alema`, typographic `’` too) put in double quotes, so that it is searched as the
/// indexed text was tokenized: Tantivy's syntax reads `'` as the start of a quoted phrase,
/// which made such a name a syntax error. Text inside double quotes is kept as it is.
fn quote_apostrophes(query: &str) -> String {
    let inner = |w: &str| {
        let c: Vec<char> = w.chars().collect();
        c.windows(3).any(|t| {
            t[0].is_alphanumeric() && matches!(t[1], '\'' | '\u{2019}') && t[2].is_alphanumeric()
        })
    };
    let mut out = String::with_capacity(query.len() + 8);
    let mut quoted = false;
    for (i, piece) in query.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let toggles = piece.matches('"').count() % 2 == 1;
        if quoted || piece.contains('"') || !inner(piece) {
            out.push_str(piece);
        } else {
            // Keep what Tantivy reads around a word: `+`/`-`, parentheses, a `field:` prefix.
            let start = piece
                .find(|c: char| !matches!(c, '+' | '-' | '('))
                .unwrap_or(0);
            let end = piece.trim_end_matches(')').len().max(start);
            let (lead, rest) = piece.split_at(start);
            let (word, trail) = rest.split_at(end - start);
            let (field, word) = match word.find(':') {
                Some(at)
                    if at > 0
                        && word[..at]
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_') =>
                {
                    word.split_at(at + 1)
                }
                _ => ("", word),
            };
            out.push_str(lead);
            out.push_str(field);
            out.push('"');
            out.push_str(word);
            out.push('"');
            out.push_str(trail);
        }
        if toggles {
            quoted = !quoted;
        }
    }
    out
}

/// The query with bare days in `published:` clauses made RFC 3339 timestamps
/// (`published:[2020-03-01 TO 2020-03-31]` becomes
/// `published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z]`), as Tantivy requires.
fn expand_dates(query: &str) -> String {
    const FIELD: &str = "published:";
    let mut out = String::with_capacity(query.len() + 32);
    let mut rest = query;
    while let Some(at) = rest.find(FIELD) {
        let (before, clause) = rest.split_at(at + FIELD.len());
        out.push_str(before);
        // The clause value: a bracketed range, or one token.
        let end = match clause.chars().next() {
            Some('[' | '{') => clause.find([']', '}']).map_or(clause.len(), |i| i + 1),
            _ => clause
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(clause.len()),
        };
        let (value, after) = clause.split_at(end);
        if value.starts_with(['[', '{']) {
            out.push_str(&expand_days_in(value));
        } else if value.len() == 10 && expand_days_in(value) != value {
            // One day: a quoted timestamp (a bare one is a syntax error).
            out.push('"');
            out.push_str(&expand_days_in(value));
            out.push('"');
        } else {
            out.push_str(value);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The query with each `story:ID` clause (`story:"ID"` too) replaced by the set of the
/// story's member ids, `id: IN ["m1" "m2"]` (an empty set for an unknown story), which
/// Tantivy parses as a term-set query on the exact `id` field.
fn expand_stories(
    query: &str,
    members: &mut dyn FnMut(&str) -> Result<Vec<String>, Error>,
) -> Result<String, Error> {
    const FIELD: &str = "story:";
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(at) = rest.find(FIELD) {
        let (before, clause) = rest.split_at(at);
        out.push_str(before);
        let clause = &clause[FIELD.len()..];
        let starts_word = before
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '+' | '-'));
        if !starts_word {
            out.push_str(FIELD);
            rest = clause;
            continue;
        }
        let clause = clause.trim_start();
        let (id, after) = match clause.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            },
            None => {
                let end = clause
                    .find(|c: char| c.is_whitespace() || c == ')')
                    .unwrap_or(clause.len());
                clause.split_at(end)
            }
        };
        out.push_str("id: IN [");
        for (i, m) in members(id)?.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push('"');
            out.push_str(&m.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
        }
        out.push(']');
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// `value` with each `YYYY-MM-DD` that is not followed by a time given `T00:00:00Z`.
fn expand_days_in(value: &str) -> String {
    let bytes = value.as_bytes();
    let is_day = |i: usize| {
        bytes.get(i..i + 10).is_some_and(|d| {
            d.iter().enumerate().all(|(k, b)| match k {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        })
    };
    let mut out = String::with_capacity(value.len() + 20);
    let mut i = 0;
    while let Some(c) = value.get(i..).and_then(|s| s.chars().next()) {
        let starts_word = i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        if starts_word && is_day(i) {
            let next = bytes.get(i + 10).copied();
            out.push_str(value.get(i..i + 10).unwrap_or_default());
            if !next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b':') {
                out.push_str("T00:00:00Z");
            }
            i += 10;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The deepest nesting of brackets in a query.
fn nesting_depth(query: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for c in query.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// A message on one line, whitespace runs collapsed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::quotes::contains_words;
    use crate::read::tests::{check, ids};
    use crate::test_docs::{corpus, index_with};
    #[test]
    fn queries_find_the_documents_that_match() {
        let (_dir, index) = index_with(&corpus());
        let cases: &[(&str, &[&str])] = &[
            ("M4 corridor", &["a1", "b2", "c3"]),
            ("\"joint patrols\"", &["a1", "b2", "c3"]),
            ("White Helmets", &["a1"]),
            ("Lavrov", &["b2"]),
            ("Sochi", &["c3"]),
            // stemming: the plural finds the singular and back
            ("ceasefires", &["a1", "b2", "c3"]),
            ("ceasefire", &["a1", "b2", "c3"]),
            // accents fold: Erdoğan is found as Erdogan
            ("Erdogan", &["a1", "b2"]),
            // conjunction by default, OR on request
            ("Sochi Lavrov", &[]),
            ("Sochi OR Lavrov", &["b2", "c3"]),
            ("corridor -Sochi", &["a1", "b2"]),
            // phrases need the words in order
            ("\"patrols joint\"", &[]),
            ("\"put in place\"", &["a1"]),
            // hyphenated compounds: joined, split and as a phrase
            ("cease-fire", &["c3"]),
            ("\"cease fire\"", &["c3"]),
            ("fire", &["c3"]),
            ("body:ceasefire", &["a1", "b2", "c3"]),
            // possessives
            ("\"office did\"", &["b2"]),
            ("\"Erdogan's office\"", &["b2"]),
            ("\"Erdogan office\"", &["b2"]),
            // field queries
            ("title:truce", &["b2"]),
            ("person:Erdogan", &["a1", "b2"]),
            ("person:\"Recep Tayyip Erdogan\"", &["a1", "b2"]),
            ("person:\"Sergey Lavrov\"", &["b2"]),
            ("person:\"Lavrov Sergey\"", &[]),
            ("person:erdoğan", &["a1", "b2"]),
            ("org:\"White Helmets\"", &["a1"]),
            ("org:Helmets", &["a1"]),
            ("loc:Idlib", &["a1", "c3"]),
            ("loc:Sochi", &["c3"]),
            ("person:Sochi", &[]),
            ("speaker:Lavrov", &["b2"]),
            ("speaker:\"Tayyip Erdogan\"", &["a1"]),
            ("quote:hold", &["b2"]),
            ("keyword:ceasefires", &["a1", "b2", "c3"]),
            ("language:en", &["a1", "b2", "c3"]),
            ("outlet:\"example wire\"", &["a1", "b2", "c3"]),
            ("id:b2", &["b2"]),
            ("source:\"feeds/c.xml#item-1\"", &["c3"]),
            (
                "published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z]",
                &["a1", "b2"],
            ),
            ("published:[2020-03-06T00:00:00Z TO *]", &["b2"]),
            (
                "corridor AND published:[* TO 2020-03-01T00:00:00Z}",
                &["c3"],
            ),
            // bare days in published clauses
            ("published:2020-03-05", &["a1"]),
            ("published:[2020-03-01 TO 2020-03-31]", &["a1", "b2"]),
            ("corridor AND published:{2020-03-05 TO *]", &["b2"]),
            ("(published:2020-02-20) OR Lavrov", &["b2", "c3"]),
            ("*", &["a1", "b2", "c3"]),
            ("", &["a1", "b2", "c3"]),
        ];
        for (query, expected) in cases {
            check(&index, query, expected);
        }
    }

    #[test]
    fn filters_narrow_every_search() {
        let (_dir, index) = index_with(&corpus());
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let cases: Vec<(SearchOptions, &[&str])> = vec![
            (
                SearchOptions {
                    source_prefix: Some("news/".into()),
                    ..Default::default()
                },
                &["a1", "b2"],
            ),
            (
                SearchOptions {
                    source_prefix: Some("feeds/c.xml".into()),
                    ..Default::default()
                },
                &["c3"],
            ),
            (
                SearchOptions {
                    source_prefix: Some("nothing".into()),
                    ..Default::default()
                },
                &[],
            ),
            (
                SearchOptions {
                    language: Some("EN".into()),
                    ..Default::default()
                },
                &["a1", "b2", "c3"],
            ),
            (
                SearchOptions {
                    language: Some("de".into()),
                    ..Default::default()
                },
                &[],
            ),
            (
                SearchOptions {
                    outlet: Some("Example Wire".into()),
                    ..Default::default()
                },
                &["a1", "b2", "c3"],
            ),
            (
                SearchOptions {
                    published_from: day("2020-03-05"),
                    ..Default::default()
                },
                &["a1", "b2"],
            ),
            (
                SearchOptions {
                    published_to: day("2020-03-05"),
                    ..Default::default()
                },
                &["a1", "c3"],
            ),
            (
                SearchOptions {
                    published_from: day("2020-03-05"),
                    published_to: day("2020-03-05"),
                    ..Default::default()
                },
                &["a1"],
            ),
            (
                SearchOptions {
                    limit: 0,
                    ..Default::default()
                },
                &[],
            ),
        ];
        for (options, expected) in cases {
            let mut got = ids(&index, "corridor", &options);
            got.sort();
            assert_eq!(got, expected, "{options:?}");
            if options.limit > 0 {
                assert_eq!(index.count("corridor", &options).unwrap(), expected.len());
            }
        }
    }

    #[test]
    fn query_errors_are_one_line_and_name_the_query() {
        let (_dir, index) = index_with(&corpus());
        let cases: &[(&str, &str)] = &[
            ("nosuchfield:x", "invalid query `nosuchfield:x`: "),
            ("doc_json:x", "invalid query `doc_json:x`: "),
            (
                "published:[yesterday TO today]",
                "invalid query `published:[yesterday TO today]`: ",
            ),
            ("title:(", "invalid query `title:(`: "),
        ];
        for (query, prefix) in cases {
            let e = index.search(query, &SearchOptions::default()).unwrap_err();
            let message = e.to_string();
            assert!(matches!(e, Error::Query { .. }), "{message}");
            assert!(
                message.starts_with(prefix),
                "{message:?} should start with {prefix:?}"
            );
            assert!(!message.contains('\n'));
        }
        // Long runs of operators neither overflow the stack nor panic.
        for unit in ["-", "+", "\"", "NOT ", "a^2", "~", ":", "a OR ", "[", "*"] {
            let _ = index.search(&unit.repeat(2000), &SearchOptions::default());
        }
        let long = "a ".repeat(5000);
        let e = index.search(&long, &SearchOptions::default()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("the query is longer than 8192 bytes"),
            "{e}"
        );
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        let e = index.search(&deep, &SearchOptions::default()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("parentheses nest deeper than 32 levels"),
            "{e}"
        );
    }

    #[test]
    fn apostrophes_inside_words_are_quoted() {
        for (query, expected) in [
            ("O'Neil", "\"O'Neil\""),
            ("person:D'Alema ceasefire", "person:\"D'Alema\" ceasefire"),
            ("+(Reuters\u{2019}s) -x", "+(\"Reuters\u{2019}s\") -x"),
            ("\"O'Neil said\" it's", "\"O'Neil said\" \"it's\""),
            ("'quoted phrase'", "'quoted phrase'"),
            ("plain words", "plain words"),
        ] {
            assert_eq!(quote_apostrophes(query), expected, "{query}");
        }
    }

    #[test]
    fn helpers() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(contains_words(
            &w("recep tayyip erdogan"),
            &w("tayyip erdogan")
        ));
        assert!(!contains_words(
            &w("recep tayyip erdogan"),
            &w("erdogan recep")
        ));
        assert!(!contains_words(&w("a"), &[]));
        assert_eq!(nesting_depth("(a [b {c}]) (d)"), 3);
        assert_eq!(nesting_depth("))(("), 2);
        assert_eq!(one_line("a\n  b\tc "), "a b c");
        let cases: &[(&str, &str)] = &[
            ("published:2020-03-05", "published:\"2020-03-05T00:00:00Z\""),
            (
                "published:2020-03-05)",
                "published:\"2020-03-05T00:00:00Z\")",
            ),
            (
                "x published:[2020-03-01 TO 2020-03-31} y 2020-01-01",
                "x published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z} y 2020-01-01",
            ),
            (
                "published:[2020-03-01T00:00:00Z TO *]",
                "published:[2020-03-01T00:00:00Z TO *]",
            ),
            ("published:12020-03-055", "published:12020-03-055"),
            (
                "published:[2020-03-01 TO",
                "published:[2020-03-01T00:00:00Z TO",
            ),
            ("body:2020-03-05", "body:2020-03-05"),
            ("published:", "published:"),
            ("published:é2020-03-05", "published:é2020-03-05"),
            (
                "published:[é2020-03-05 TO *]",
                "published:[é2020-03-05T00:00:00Z TO *]",
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(expand_dates(query), *expected, "{query}");
        }
    }

    /// The same documents split into segments in two ways score the same under a range:
    /// one commit (one segment) against one commit per document (segments whose dates all
    /// fall in the range, which Tantivy answers with its match-everything scorer).
    #[test]
    fn ranges_score_the_same_whatever_the_segments() {
        let docs = corpus();
        let (_one, one) = index_with(&docs);
        let dir = tempfile::tempdir().expect("temporary directory");
        let many = Index::create_or_open(&dir.path().join("idx")).expect("new index");
        let mut writer = many.writer(15_000_000).expect("writer");
        for d in &docs {
            writer.upsert(d).expect("upsert");
            writer.commit().expect("commit");
        }
        drop(writer);
        many.reload().expect("reload");
        assert!(many.reader.searcher().segment_readers().len() > 1);
        let options = SearchOptions {
            limit: 10,
            ..SearchOptions::default()
        };
        for query in [
            "corridor AND published:[2020-03-05 TO 2020-03-05]",
            "corridor AND (published:[2020-03-01 TO 2020-03-31] OR Sochi)",
            "published:2020-03-06",
        ] {
            let a = one.search(query, &options).expect("search");
            let b = many.search(query, &options).expect("search");
            assert!(!a.is_empty(), "{query}");
            let view = |hits: &[crate::Hit]| -> Vec<(String, f32)> {
                hits.iter().map(|h| (h.id.clone(), h.score)).collect()
            };
            let (a, b) = (view(&a), view(&b));
            assert_eq!(a.len(), b.len(), "{query}");
            for ((ia, sa), (ib, sb)) in a.iter().zip(&b) {
                assert_eq!(ia, ib, "{query}");
                assert!((sa - sb).abs() < 1e-4, "{query}: {sa} vs {sb}");
            }
        }
        let mut filtered = options.clone();
        filtered.published_from = NaiveDate::from_ymd_opt(2020, 3, 5);
        let a = one.search("corridor", &filtered).expect("search");
        let b = many.search("corridor", &filtered).expect("search");
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert!(
                (x.score - y.score).abs() < 1e-4,
                "{} vs {}",
                x.score,
                y.score
            );
        }
    }
}

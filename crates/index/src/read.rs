//! Reading the index: query parsing and filters, search with snippets, documents, facets and quotes.

use crate::schema::{self, name};
use crate::snippet::Snippeter;
use crate::{Error, FacetCount, Hit, Index, QuoteHit, SearchOptions, tantivy_error};
use chrono::NaiveDate;
use newsdesk_model::{Document, Label};
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Bound;
use tantivy::collector::{DocSetCollector, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{DocAddress, Score, Searcher, TantivyDocument, Term};

/// Boost of the title among the default fields.
const TITLE_BOOST: Score = 2.0;
/// Boost of quotes among the default fields (their words are in the body too).
const QUOTE_BOOST: Score = 0.5;
/// Deepest nesting of parentheses accepted in a query (the parser recurses).
const MAX_QUERY_DEPTH: usize = 32;
/// Longest query accepted, in bytes.
const MAX_QUERY_BYTES: usize = 8 * 1024;

/// The order of documents in quote listings: undated last, then date, source, id.
type QuoteOrder = (bool, i64, String, String);

/// The fields of the stored JSON that a hit needs.
#[derive(Deserialize)]
struct HitFields {
    id: String,
    source: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<NaiveDate>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    language: Option<String>,
}

impl Index {
    /// Runs a query in Tantivy syntax (see the crate documentation), best hits
    /// first, ties broken by id; at most `options.limit` hits, each passing the
    /// filters of `options`.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<Hit>, Error> {
        if options.limit == 0 {
            return Ok(Vec::new());
        }
        let user = self.parse(query)?;
        let filtered = self.with_filters(user.box_clone(), options);
        let searcher = self.reader.searcher();
        let top = self.top_by_score(&searcher, filtered.as_ref(), options.limit)?;
        // One snippeter per body field met: each language's body has its own stemmer.
        let mut snippeters: HashMap<Option<usize>, Snippeter> = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let fields: HitFields = self.stored(&searcher, address)?;
            let language = schema::stemmed_language(fields.language.as_deref());
            let snippeter = snippeters
                .entry(language)
                .or_insert_with(|| match language {
                    Some(i) => Snippeter::new(
                        user.as_ref(),
                        self.fields.bodies[i],
                        schema::language_analyzer(schema::STEMMED_LANGUAGES[i].1),
                        schema::name_analyzer(),
                    ),
                    None => Snippeter::new(
                        user.as_ref(),
                        self.fields.body,
                        schema::english_analyzer(),
                        schema::name_analyzer(),
                    ),
                });
            let snippet = snippeter.snippet(&fields.text);
            hits.push(Hit {
                id: fields.id,
                source: fields.source,
                title: fields.title,
                score,
                snippet,
                published: fields.published.map(|d| d.format("%Y-%m-%d").to_string()),
            });
        }
        Ok(hits)
    }

    /// The number of documents matching `query` and the filters of `options` (its `limit` is ignored).
    pub fn count(&self, query: &str, options: &SearchOptions) -> Result<usize, Error> {
        let query = self.with_filters(self.parse(query)?, options);
        self.reader
            .searcher()
            .search(query.as_ref(), &tantivy::collector::Count)
            .map_err(|e| tantivy_error(&self.dir, e))
    }

    /// The stored document with this id.
    pub fn get(&self, id: &str) -> Result<Option<Document>, Error> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| tantivy_error(&self.dir, e))?;
        match found.first() {
            Some((_, address)) => self.stored(&searcher, *address).map(Some),
            None => Ok(None),
        }
    }

    /// The most frequent entities per label among documents matching `query`
    /// (all documents when `None` or blank): for each label in
    /// [`Label::ALL`] order, the `top` canonical names naming the most
    /// documents, by count descending then name.
    pub fn entity_facets(&self, query: Option<&str>, top: usize) -> Result<Vec<FacetCount>, Error> {
        if top == 0 {
            return Ok(Vec::new());
        }
        let query = self.parse(query.unwrap_or(""))?;
        let mut collector = FacetCollector::for_field(name::ENTITY);
        for label in Label::ALL {
            collector.add_facet(Facet::from_path([label.name()]));
        }
        let counts = self
            .reader
            .searcher()
            .search(query.as_ref(), &collector)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut out = Vec::new();
        for label in Label::ALL {
            let mut names: Vec<(String, u64)> = counts
                .get(Facet::from_path([label.name()]))
                .filter_map(|(facet, n)| facet.to_path().last().map(|s| (s.to_string(), n)))
                .collect();
            if label == Label::Person {
                names = fold_surnames(names);
            }
            names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            names.truncate(top);
            out.extend(names.into_iter().map(|(name, documents)| FacetCount {
                label,
                name,
                documents,
            }));
        }
        Ok(out)
    }

    /// Quotes from documents matching `query` (all documents when `None` or
    /// blank), at most `limit`. With `speaker`, only quotes whose speaker's
    /// name contains those words in that order, ignoring case and accents
    /// (`Erdogan`, `tayyip erdogan`, `Assad` for `Bashar al-Assad`).
    ///
    /// Ordered by publication date (undated last), then source, then position
    /// in the text.
    pub fn quotes(
        &self,
        query: Option<&str>,
        speaker: Option<&str>,
        limit: usize,
    ) -> Result<Vec<QuoteHit>, Error> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut query = self.parse(query.unwrap_or(""))?;
        let speaker_words = match speaker {
            Some(s) => {
                let words = schema::tokens(&schema::name_analyzer(), s);
                if words.is_empty() {
                    return Ok(Vec::new());
                }
                let terms: Vec<Term> = words
                    .iter()
                    .map(|w| Term::from_field_text(self.fields.speaker, w))
                    .collect();
                let by_speaker: Box<dyn Query> = match terms.as_slice() {
                    [one] => Box::new(TermQuery::new(one.clone(), IndexRecordOption::Basic)),
                    _ => Box::new(PhraseQuery::new(terms)),
                };
                query = Box::new(BooleanQuery::new(vec![
                    (Occur::Must, query),
                    (Occur::Must, by_speaker),
                ]));
                Some(words)
            }
            None => None,
        };
        let searcher = self.reader.searcher();
        let addresses = searcher
            .search(query.as_ref(), &DocSetCollector)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut keyed = self.sort_keys(&searcher, addresses.into_iter().collect())?;
        keyed.sort_by(|a, b| a.0.cmp(&b.0));

        let analyzer = schema::name_analyzer();
        let mut out = Vec::new();
        for (_, address) in keyed {
            let doc: Document = self.stored(&searcher, address)?;
            let mut quotes: Vec<_> = doc.extraction.quotes.iter().collect();
            quotes.sort_by_key(|q| (q.start, q.end));
            for q in quotes {
                if let Some(words) = &speaker_words {
                    let Some(name) = &q.speaker else { continue };
                    if !contains_words(&schema::tokens(&analyzer, name), words) {
                        continue;
                    }
                }
                out.push(QuoteHit {
                    id: doc.article.id.clone(),
                    source: doc.article.source.clone(),
                    outlet: doc.article.outlet.clone(),
                    published: doc
                        .article
                        .published
                        .map(|d| d.format("%Y-%m-%d").to_string()),
                    speaker: q.speaker.clone(),
                    text: q.text.clone(),
                });
                if out.len() >= limit {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }

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
        parser
            .parse_query(&expand_dates(query))
            .map_err(|e| error(one_line(&e.to_string())))
    }

    /// `query` restricted by the filters of `options`.
    fn with_filters(&self, query: Box<dyn Query>, options: &SearchOptions) -> Box<dyn Query> {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(prefix) = &options.source_prefix {
            let mut upper = prefix.clone();
            upper.push(char::MAX);
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(
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
            must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if must.is_empty() {
            return query;
        }
        must.insert(0, (Occur::Must, query));
        Box::new(BooleanQuery::new(must))
    }

    /// How to run a ranked search over `searcher`'s segments: side by side on
    /// up to four cores when there are several segments (a phrase of two
    /// common words over a million-article index takes tens of milliseconds
    /// per core), in the calling thread otherwise.
    fn executor_for(&self, searcher: &Searcher) -> &tantivy::Executor {
        static SINGLE: tantivy::Executor = tantivy::Executor::SingleThread;
        if searcher.segment_readers().len() < 2 {
            return &SINGLE;
        }
        self.executor.get_or_init(|| {
            match std::thread::available_parallelism().map_or(1, |n| n.get()) {
                1 => tantivy::Executor::SingleThread,
                cores => tantivy::Executor::multi_thread(cores.min(4), "newsdesk-search-")
                    .unwrap_or(tantivy::Executor::SingleThread),
            }
        })
    }

    /// The best `limit` documents by score, ties broken by id, so that neither
    /// the order nor the cut depends on segment layout (or on the number of
    /// threads that wrote the index).
    fn top_by_score(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
    ) -> Result<Vec<(Score, DocAddress)>, Error> {
        let executor = self.executor_for(searcher);
        let scoring = tantivy::query::EnableScoring::enabled_from_searcher(searcher);
        // A phrase scores every document that has all its words (no pruning
        // helps it), and its scores tie often (length norms are quantised), so
        // it goes straight to the pass that ranks by score, then id. Other
        // queries first take the pruned top hits; one document more than asked
        // tells whether equal scores straddle the cut.
        let mut phrase = false;
        query.query_terms(&mut |_, positions| phrase |= positions);
        let top = if phrase {
            Vec::new()
        } else {
            searcher
                .search_with_executor(
                    query,
                    &TopDocs::with_limit(limit + 1).order_by_score(),
                    executor,
                    scoring,
                )
                .map_err(|e| tantivy_error(&self.dir, e))?
        };
        let straddle = phrase
            || top.len() > limit && top.get(limit - 1).map(|t| t.0) == top.get(limit).map(|t| t.0);
        let mut scored: Vec<(Score, u64, DocAddress)> = if straddle {
            // Ties at the cut (all of a constant-score query, say): one pass
            // that ranks by score, then by id.
            let collector =
                TopDocs::with_limit(limit).tweak_score(move |segment: &tantivy::SegmentReader| {
                    // The schema check on opening guarantees the column.
                    let column = segment.fast_fields().u64(name::ID_ORDER).ok();
                    move |doc: tantivy::DocId, score: Score| {
                        let order = column
                            .as_ref()
                            .and_then(|c| c.first(doc))
                            .unwrap_or(u64::MAX);
                        (score, std::cmp::Reverse(order))
                    }
                });
            searcher
                .search_with_executor(query, &collector, executor, scoring)
                .map_err(|e| tantivy_error(&self.dir, e))?
                .into_iter()
                .map(|((score, order), address)| (score, order.0, address))
                .collect()
        } else {
            let mut out = Vec::with_capacity(top.len());
            for (score, address) in top.into_iter().take(limit) {
                out.push((score, self.id_order_of(searcher, address)?, address));
            }
            out
        };
        scored.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(Ordering::Equal)
                .then_with(|| a.1.cmp(&b.1))
        });
        scored.truncate(limit);
        Ok(scored.into_iter().map(|(s, _, a)| (s, a)).collect())
    }

    /// The id order key of a document (see `schema::id_order`).
    fn id_order_of(&self, searcher: &Searcher, address: DocAddress) -> Result<u64, Error> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64(name::ID_ORDER)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        Ok(column.first(address.doc_id).unwrap_or(u64::MAX))
    }

    /// The first value of string fast field `field` of a document ("" if none).
    fn fast_str(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        field: &str,
    ) -> Result<String, Error> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .str(field)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut out = String::new();
        if let Some(column) = column
            && let Some(ord) = column.term_ords(address.doc_id).next()
        {
            column
                .ord_to_str(ord, &mut out)
                .map_err(|e| tantivy_error(&self.dir, e.into()))?;
        }
        Ok(out)
    }

    /// Documents with their quote-listing order key.
    fn sort_keys(
        &self,
        searcher: &Searcher,
        addresses: Vec<DocAddress>,
    ) -> Result<Vec<(QuoteOrder, DocAddress)>, Error> {
        let mut out = Vec::with_capacity(addresses.len());
        for address in addresses {
            let dates = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .date(name::PUBLISHED)
                .map_err(|e| tantivy_error(&self.dir, e))?;
            let date = dates.first(address.doc_id).map(|d| d.into_timestamp_secs());
            let source = self.fast_str(searcher, address, name::SOURCE)?;
            let id = self.fast_str(searcher, address, name::ID)?;
            out.push(((date.is_none(), date.unwrap_or(0), source, id), address));
        }
        Ok(out)
    }

    /// Decodes the stored JSON of a document.
    fn stored<T: serde::de::DeserializeOwned>(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<T, Error> {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let id = doc
            .get_first(self.fields.id)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let json = doc
            .get_first(self.fields.doc_json)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).map_err(|source| Error::Corrupt {
            dir: self.dir.clone(),
            id,
            source,
        })
    }
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

/// Whether `words` occur contiguously, in order, in `name`.
fn contains_words(name: &[String], words: &[String]) -> bool {
    !words.is_empty() && name.windows(words.len()).any(|w| w == words)
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

/// Folds a bare surname (`Erdogan`, from a document that never gives the full
/// name) into the one fuller name in the counts that ends with it (`Recep Tayyip
/// Erdogan`, or `Bashar al-Assad` for `Assad`). Ambiguous surnames stay apart.
/// A document naming both forms separately is counted twice.
fn fold_surnames(names: Vec<(String, u64)>) -> Vec<(String, u64)> {
    let last_part = |n: &str| -> String {
        let last = n.rsplit(' ').next().unwrap_or(n);
        let last = last.rsplit('-').next().unwrap_or(last);
        last.to_lowercase()
    };
    let mut folded: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    let full: Vec<&String> = names
        .iter()
        .filter(|(n, _)| n.contains(' '))
        .map(|(n, _)| n)
        .collect();
    for (name, count) in &names {
        let target = if name.contains(' ') {
            name.clone()
        } else {
            let key = last_part(name);
            let mut candidates = full.iter().filter(|f| last_part(f) == key);
            match (candidates.next(), candidates.next()) {
                (Some(one), None) => (*one).clone(),
                _ => name.clone(),
            }
        };
        *folded.entry(target).or_default() += count;
    }
    folded.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{corpus, doc, index_with};
    use proptest::prelude::*;

    fn ids(index: &Index, query: &str, options: &SearchOptions) -> Vec<String> {
        match index.search(query, options) {
            Ok(hits) => hits.into_iter().map(|h| h.id).collect(),
            Err(e) => panic!("{query}: {e}"),
        }
    }

    /// `query` finds exactly `expected` (sorted, as sets).
    fn check(index: &Index, query: &str, expected: &[&str]) {
        let mut got = ids(index, query, &SearchOptions::default());
        got.sort();
        assert_eq!(got, expected, "query {query:?}");
    }

    #[test]
    fn documents_are_stemmed_in_their_own_language() {
        let mut german = doc(
            "de1",
            "de.html",
            None,
            Some("Waffenruhe"),
            "Die Häuser an der Grenze wurden in der Nacht zerstört.",
            &[],
            &[],
        );
        german.article.language = Some("de".into());
        let mut french = doc(
            "fr1",
            "fr.html",
            None,
            None,
            "Les maisons détruites étaient nombreuses près de la frontière.",
            &[],
            &[],
        );
        french.article.language = Some("fr".into());
        let english = doc(
            "en1",
            "en.txt",
            None,
            None,
            "The houses were destroyed.",
            &[],
            &[],
        );
        let (_dir, index) = index_with(&[german, french, english]);
        let ids = |q: &str| -> Vec<String> {
            index
                .search(q, &SearchOptions::default())
                .unwrap()
                .into_iter()
                .map(|h| h.id)
                .collect()
        };
        // German stemming: `Hauses` and `Häuser` share the stem `haus`.
        assert_eq!(ids("Hauses"), ["de1"]);
        assert_eq!(ids("maison"), ["fr1"]);
        assert_eq!(ids("house"), ["en1"]);
        assert_eq!(ids("body_de:grenzen"), ["de1"]);
        let hit = index.search("Hauses", &SearchOptions::default()).unwrap();
        assert_eq!(
            hit[0].snippet,
            "Die <b>Häuser</b> an der Grenze wurden in der Nacht zerstört."
        );
    }

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
    fn hits_are_best_first_ties_by_id_with_snippets() {
        let (_dir, index) = index_with(&corpus());
        let hits = index
            .search("Sochi OR Lavrov OR Helmets", &SearchOptions::default())
            .unwrap();
        assert_eq!(hits.len(), 3);
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.score > b.score || (a.score == b.score && a.id < b.id),
                "{hits:#?}"
            );
        }
        // Identical documents under different sources tie: ordered by id.
        let base = doc("x", "s", None, None, "same words here", &[], &[]);
        let twins: Vec<_> = ["t3", "t1", "t2", "t0"]
            .iter()
            .map(|id| {
                let mut d = base.clone();
                d.article.id = (*id).into();
                d.article.source = format!("src/{id}");
                d
            })
            .collect();
        let (_dir2, twins_index) = index_with(&twins);
        let limited = SearchOptions {
            limit: 2,
            ..Default::default()
        };
        assert_eq!(ids(&twins_index, "words", &limited), ["t0", "t1"]);
        assert_eq!(
            ids(&twins_index, "words", &SearchOptions::default()),
            ["t0", "t1", "t2", "t3"]
        );
        // Phrases take the one-pass ranking by score, then id.
        assert_eq!(ids(&twins_index, "\"words here\"", &limited), ["t0", "t1"]);
        assert_eq!(
            ids(&twins_index, "\"here words\"", &limited),
            Vec::<String>::new()
        );

        let hit = index
            .search("Lavrov", &SearchOptions::default())
            .unwrap()
            .remove(0);
        assert_eq!(hit.source, "news/b.txt");
        assert_eq!(hit.title.as_deref(), Some("Lavrov: truce must hold"));
        assert_eq!(hit.published.as_deref(), Some("2020-03-06"));
    }

    #[test]
    fn snippets_highlight_matches_and_escape_the_text() {
        let (_dir, index) = index_with(&corpus());
        let cases: &[(&str, &str, &str)] = &[
            (
                "Lavrov",
                "b2",
                "Sergey <b>Lavrov</b> said earlier ceasefires had failed. \"This one must hold,\" \
                 <b>Lavrov</b> told reporters. Joint patrols along the M4 corridor begin on March 15. \
                 Erdoğan's office did not comment.",
            ),
            // the match is only in the title: the opening of the body
            (
                "truce",
                "b2",
                "Sergey Lavrov said earlier ceasefires had failed. \"This one must hold,\" Lavrov \
                 told reporters. Joint patrols along the M4 corridor begin on March 15. \
                 Erdoğan's office did not comment.",
            ),
            // stemmed matches are highlighted in their written form; & is escaped
            (
                "helmet",
                "a1",
                "... Putin agreed a ceasefire on Thursday. \"The ceasefire will be put in place at \
                 midnight,\" Erdogan said. Joint patrols will run along the M4 corridor. The White \
                 <b>Helmets</b> said rescue work goes on &amp; on.",
            ),
        ];
        for (query, id, expected) in cases {
            let hits = index.search(query, &SearchOptions::default()).unwrap();
            let hit = hits.iter().find(|h| h.id == *id).expect("hit");
            assert_eq!(hit.snippet, *expected, "snippet for {query:?}");
        }
    }

    #[test]
    fn get_returns_the_stored_document() {
        let docs = corpus();
        let (_dir, index) = index_with(&docs);
        for d in &docs {
            assert_eq!(index.get(&d.article.id).unwrap().as_ref(), Some(d));
        }
        assert_eq!(index.get("nope").unwrap(), None);
    }

    #[test]
    fn surnames_fold_into_the_one_full_name() {
        let names = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
            v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
        };
        type Counts<'a> = &'a [(&'a str, u64)];
        let cases: &[(Counts<'_>, Counts<'_>)] = &[
            (
                &[("Erdogan", 1), ("Recep Tayyip Erdogan", 2)],
                &[("Recep Tayyip Erdogan", 3)],
            ),
            (
                &[("Assad", 2), ("Bashar al-Assad", 1)],
                &[("Bashar al-Assad", 3)],
            ),
            (
                &[("Smith", 1), ("Adam Smith", 1), ("John Smith", 1)],
                &[("Adam Smith", 1), ("John Smith", 1), ("Smith", 1)],
            ),
            (&[("Akar", 1)], &[("Akar", 1)]),
        ];
        for (input, expected) in cases {
            assert_eq!(fold_surnames(names(input)), names(expected), "{input:?}");
        }
    }

    #[test]
    fn entity_facets_count_documents_per_name() {
        let (_dir, index) = index_with(&corpus());
        let render = |facets: Vec<FacetCount>| -> Vec<String> {
            facets
                .into_iter()
                .map(|f| format!("{} {} {}", f.label, f.name, f.documents))
                .collect()
        };
        let cases: &[(Option<&str>, usize, &[&str])] = &[
            (
                None,
                10,
                &[
                    "PERSON Recep Tayyip Erdogan 2",
                    "PERSON Sergey Lavrov 1",
                    "PERSON Vladimir Putin 1",
                    "ORG White Helmets 1",
                    "LOC M4 3",
                    "LOC Idlib 2",
                    "LOC Sochi 1",
                ],
            ),
            (
                None,
                1,
                &[
                    "PERSON Recep Tayyip Erdogan 2",
                    "ORG White Helmets 1",
                    "LOC M4 3",
                ],
            ),
            (
                Some("Lavrov"),
                5,
                &[
                    "PERSON Recep Tayyip Erdogan 1",
                    "PERSON Sergey Lavrov 1",
                    "LOC M4 1",
                ],
            ),
            (Some("nothingmatches"), 5, &[]),
            (None, 0, &[]),
        ];
        for (query, top, expected) in cases {
            assert_eq!(
                render(index.entity_facets(*query, *top).unwrap()),
                *expected,
                "{query:?} top {top}"
            );
        }
    }

    #[test]
    fn quotes_are_listed_in_date_order_and_filtered_by_speaker() {
        let (_dir, index) = index_with(&corpus());
        let render = |quotes: Vec<QuoteHit>| -> Vec<String> {
            quotes
                .into_iter()
                .map(|q| {
                    format!(
                        "{} {} {}: {}",
                        q.published.unwrap_or_default(),
                        q.id,
                        q.speaker.unwrap_or_else(|| "?".into()),
                        q.text
                    )
                })
                .collect()
        };
        let erdogan =
            "2020-03-05 a1 Recep Tayyip Erdogan: The ceasefire will be put in place at midnight,";
        let lavrov = "2020-03-06 b2 Sergey Lavrov: This one must hold,";
        let unknown = "2020-02-20 c3 ?: We wait,";
        type Case<'a> = (Option<&'a str>, Option<&'a str>, usize, &'a [&'a str]);
        let cases: &[Case] = &[
            (None, None, 10, &[unknown, erdogan, lavrov]),
            (None, None, 2, &[unknown, erdogan]),
            (None, Some("erdogan"), 10, &[erdogan]),
            (None, Some("Tayyip Erdoğan"), 10, &[erdogan]),
            (None, Some("Erdogan Tayyip"), 10, &[]),
            (None, Some("Lavrov"), 10, &[lavrov]),
            (Some("corridor"), Some("Lavrov"), 10, &[lavrov]),
            (Some("Sochi"), Some("Lavrov"), 10, &[]),
            (None, Some("..."), 10, &[]),
            (Some("ceasefire"), None, 0, &[]),
        ];
        for (query, speaker, limit, expected) in cases {
            let got = render(index.quotes(*query, *speaker, *limit).unwrap());
            assert_eq!(got, *expected, "{query:?} {speaker:?} {limit}");
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn random_queries_never_panic(
            query in prop_oneof![
                ".{0,40}",
                "[a-z0-9:\"()\\[\\]{}+\\-^~*! <>=/\\\\']{0,30}",
                "(title|body|person|org|loc|speaker|published|id|source|entity|doc_json):[\\[{]?[a-z0-9*: -]{0,25}[\\]}]?",
            ]
        ) {
            SHARED.with(|(_dir, index)| {
                let options = SearchOptions { limit: 3, ..Default::default() };
                let _ = index.search(&query, &options);
                let _ = index.count(&query, &options);
                let _ = index.entity_facets(Some(&query), 3);
                let _ = index.quotes(Some(&query), Some(&query), 3);
            });
        }
    }

    thread_local! {
        static SHARED: (tempfile::TempDir, Index) = index_with(&corpus());
    }
}

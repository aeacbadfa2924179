//! Reading the index: query parsing and filters, search with snippets, documents, facets and quotes.

use crate::schema::{self, name};
use crate::snippet::Snippeter;
use crate::{Error, Hit, Index, SearchOptions, Sort, tantivy_error};
use chrono::NaiveDate;
use newsdesk_model::Document;
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use tantivy::collector::TopDocs;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Score, Searcher, TantivyDocument, Term};

mod facets;
mod query;
mod quotes;

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
    #[serde(default)]
    outlet: Option<String>,
}

impl Index {
    /// Runs a query in Tantivy syntax (see the crate documentation), best hits
    /// first (or newest first, by [`SearchOptions::sort`]), ties broken by id; at
    /// most `options.limit` hits after the first `options.offset`, each passing the
    /// filters of `options`.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<Hit>, Error> {
        if options.limit == 0 {
            return Ok(Vec::new());
        }
        let user = self.parse(query)?;
        let filtered = self.with_filters(user.box_clone(), options)?;
        let searcher = self.reader.searcher();
        let stories = self.loaded_stories()?;
        // The hits before `offset` are ranked too, then skipped; never more than there
        // are documents.
        let all = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        if options.offset >= all {
            return Ok(Vec::new());
        }
        let wanted = options.offset.saturating_add(options.limit).min(all);
        let ranked = |fetch: usize| match options.sort {
            Sort::Relevance => self.top_by_score(&searcher, filtered.as_ref(), fetch),
            Sort::Newest => self.top_by_date(&searcher, filtered.as_ref(), fetch),
        };
        // Copies of one report collapse into the best-ranked one: ask for more hits
        // until `wanted` distinct reports are found or there are no more.
        let mut fetch = wanted;
        let top = loop {
            let top = ranked(fetch)?;
            let Some(loaded) = stories.as_deref().filter(|_| !options.all_copies) else {
                break top.into_iter().map(|t| (t, 0)).collect::<Vec<_>>();
            };
            let exhausted = top.len() < fetch;
            let mut seen = HashSet::new();
            let mut kept = Vec::with_capacity(wanted.min(top.len()));
            for (score, address) in top {
                let id = self.id_at(&searcher, address)?.unwrap_or_default();
                let family = crate::stories::family(loaded, &id);
                if seen.insert(family[0].clone()) {
                    kept.push(((score, address), family.len() - 1));
                    if kept.len() == wanted {
                        break;
                    }
                }
            }
            if kept.len() == wanted || exhausted {
                break kept;
            }
            // Past the number of documents, the next round is the last.
            fetch = fetch.saturating_mul(4).min(all.saturating_add(1));
        };
        let top: Vec<_> = top.into_iter().skip(options.offset).collect();
        // One snippeter per body field met: each language's body has its own stemmer.
        let mut snippeters: HashMap<Option<usize>, Snippeter> = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for ((score, address), copies) in top {
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
            let (story, duplicate_of) = match stories.as_deref() {
                Some(loaded) => match loaded.member(&fields.id) {
                    Some((i, of)) => (Some(loaded.entries[i].id.clone()), of.map(str::to_string)),
                    None => (None, None),
                },
                None => (None, None),
            };
            hits.push(Hit {
                id: fields.id,
                source: fields.source,
                title: fields.title,
                score,
                snippet,
                published: fields.published.map(|d| d.format("%Y-%m-%d").to_string()),
                outlet: fields.outlet,
                story,
                duplicate_of,
                copies,
            });
        }
        Ok(hits)
    }

    /// The number of documents matching `query` and the filters of `options` (its `limit` is ignored).
    pub fn count(&self, query: &str, options: &SearchOptions) -> Result<usize, Error> {
        let query = self.with_filters(self.parse(query)?, options)?;
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

    /// The latest-published `limit` documents, undated last, ties broken by id; each
    /// with its relevance score.
    fn top_by_date(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
    ) -> Result<Vec<(Score, DocAddress)>, Error> {
        let executor = self.executor_for(searcher);
        let scoring = tantivy::query::EnableScoring::enabled_from_searcher(searcher);
        let collector =
            TopDocs::with_limit(limit).tweak_score(move |segment: &tantivy::SegmentReader| {
                // The schema check on opening guarantees both columns.
                let dates = segment.fast_fields().date(name::PUBLISHED).ok();
                let order = segment.fast_fields().u64(name::ID_ORDER).ok();
                move |doc: tantivy::DocId, score: Score| {
                    let day = dates
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .map_or(i64::MIN, |d| d.into_timestamp_secs());
                    let id = order
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .unwrap_or(u64::MAX);
                    (day, std::cmp::Reverse(id), score)
                }
            });
        // TopDocs returns its hits best first, and (day, id) is unique per document.
        let top = searcher
            .search_with_executor(query, &collector, executor, scoring)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        Ok(top
            .into_iter()
            .map(|((_, _, score), address)| (score, address))
            .collect())
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

    /// Decodes the stored JSON of a document.
    pub(super) fn stored<T: serde::de::DeserializeOwned>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{corpus, doc, index_with};
    use proptest::prelude::*;

    pub(super) fn ids(index: &Index, query: &str, options: &SearchOptions) -> Vec<String> {
        match index.search(query, options) {
            Ok(hits) => hits.into_iter().map(|h| h.id).collect(),
            Err(e) => panic!("{query}: {e}"),
        }
    }

    /// `query` finds exactly `expected` (sorted, as sets).
    pub(super) fn check(index: &Index, query: &str, expected: &[&str]) {
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
    fn hits_sort_by_date_and_page_by_offset() {
        let (_dir, index) = index_with(&corpus());
        let page = |sort: Sort, offset: usize, limit: usize| {
            let options = SearchOptions {
                sort,
                offset,
                limit,
                ..SearchOptions::default()
            };
            ids(&index, "corridor", &options)
        };
        assert_eq!(page(Sort::Newest, 0, 10), ["b2", "a1", "c3"]);
        assert_eq!(page(Sort::Newest, 1, 1), ["a1"]);
        assert_eq!(page(Sort::Newest, 3, 10), Vec::<String>::new());
        let best = page(Sort::Relevance, 0, 10);
        assert_eq!(best.len(), 3);
        for (offset, id) in best.iter().enumerate() {
            assert_eq!(page(Sort::Relevance, offset, 1), std::slice::from_ref(id));
        }
        assert_eq!(page(Sort::Relevance, usize::MAX, 5), Vec::<String>::new());
        // The newest order keeps the relevance score of each hit.
        let options = SearchOptions {
            sort: Sort::Newest,
            ..SearchOptions::default()
        };
        assert!(
            index
                .search("corridor", &options)
                .unwrap()
                .iter()
                .all(|h| h.score > 0.0)
        );
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

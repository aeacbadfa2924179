//! Quote listings: quotes (and claims) of matching documents in date, source and position order, by speaker.

use crate::schema::{self, name};
use crate::{Error, Index, QuoteHit, QuoteKind, tantivy_error};
use newsdesk_model::Document;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Searcher, Term};

/// The order of documents in quote listings: undated last, then date, source, id.
type QuoteOrder = (bool, i64, String, String);

impl Index {
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
        self.listing(query, speaker, limit, false)
    }

    /// Quotes and claims (reported speech) from documents matching `query`,
    /// at most `limit`, in the order of [`Index::quotes`]: within a document
    /// by position, each hit's [`QuoteHit::kind`] telling which it is. With
    /// `speaker`, only those whose speaker's name contains those words.
    pub fn quotes_and_claims(
        &self,
        query: Option<&str>,
        speaker: Option<&str>,
        limit: usize,
    ) -> Result<Vec<QuoteHit>, Error> {
        self.listing(query, speaker, limit, true)
    }

    fn listing(
        &self,
        query: Option<&str>,
        speaker: Option<&str>,
        limit: usize,
        claims: bool,
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
                let by_field = |field| -> Box<dyn Query> {
                    let terms: Vec<Term> = words
                        .iter()
                        .map(|w| Term::from_field_text(field, w))
                        .collect();
                    match terms.as_slice() {
                        [one] => Box::new(TermQuery::new(one.clone(), IndexRecordOption::Basic)),
                        _ => Box::new(PhraseQuery::new(terms)),
                    }
                };
                let by_speaker: Box<dyn Query> = if claims {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Should, by_field(self.fields.speaker)),
                        (Occur::Should, by_field(self.fields.claimant)),
                    ]))
                } else {
                    by_field(self.fields.speaker)
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
            let x = &doc.extraction;
            // (start, end, kind, speaker, text)
            let mut items: Vec<(usize, usize, QuoteKind, &Option<String>, &String)> = x
                .quotes
                .iter()
                .map(|q| (q.start, q.end, QuoteKind::Quote, &q.speaker, &q.text))
                .collect();
            if claims {
                items.extend(
                    x.claims
                        .iter()
                        .map(|c| (c.start, c.end, QuoteKind::Claim, &c.speaker, &c.text)),
                );
            }
            items.sort_by_key(|&(s, e, kind, _, _)| (s, e, kind == QuoteKind::Claim));
            for (_, _, kind, speaker, text) in items {
                if let Some(words) = &speaker_words {
                    let Some(name) = speaker else { continue };
                    if !contains_words(&schema::tokens(&analyzer, name), words) {
                        continue;
                    }
                }
                out.push(QuoteHit {
                    kind,
                    id: doc.article.id.clone(),
                    source: doc.article.source.clone(),
                    outlet: doc.article.outlet.clone(),
                    published: doc
                        .article
                        .published
                        .map(|d| d.format("%Y-%m-%d").to_string()),
                    speaker: speaker.clone(),
                    text: text.clone(),
                });
                if out.len() >= limit {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }

    /// Documents with their quote-listing order key: per segment, the columns are opened
    /// once and the source and id ordinals turned into text in one sorted walk of each
    /// dictionary (one lookup per document decoded a dictionary block from its start
    /// each time: most of a listing's time on a large index).
    fn sort_keys(
        &self,
        searcher: &Searcher,
        addresses: Vec<DocAddress>,
    ) -> Result<Vec<(QuoteOrder, DocAddress)>, Error> {
        let err = |e: tantivy::TantivyError| tantivy_error(&self.dir, e);
        let mut by_segment: std::collections::BTreeMap<u32, Vec<DocAddress>> = Default::default();
        for a in addresses {
            by_segment.entry(a.segment_ord).or_default().push(a);
        }
        let mut out = Vec::new();
        for (segment, addresses) in by_segment {
            let fast = searcher.segment_reader(segment).fast_fields();
            let dates = fast.date(name::PUBLISHED).map_err(err)?;
            let docs: Vec<DocId> = addresses.iter().map(|a| a.doc_id).collect();
            let texts = |field: &str| -> Result<Vec<String>, Error> {
                let Some(column) = fast.str(field).map_err(err)? else {
                    return Ok(vec![String::new(); docs.len()]);
                };
                let texts =
                    crate::columns::first_texts(&column, &docs).map_err(|e| err(e.into()))?;
                Ok(texts.into_iter().map(Option::unwrap_or_default).collect())
            };
            let sources = texts(name::SOURCE)?;
            let ids = texts(name::ID)?;
            for ((address, source), id) in addresses.into_iter().zip(sources).zip(ids) {
                let date = dates.first(address.doc_id).map(|d| d.into_timestamp_secs());
                out.push(((date.is_none(), date.unwrap_or(0), source, id), address));
            }
        }
        Ok(out)
    }
}

/// Whether `words` occur contiguously, in order, in `name`.
pub(super) fn contains_words(name: &[String], words: &[String]) -> bool {
    !words.is_empty() && name.windows(words.len()).any(|w| w == words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{corpus, index_with};
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
    fn claims_are_listed_beside_quotes_and_searchable() {
        use crate::SearchOptions;
        use newsdesk_model::Claim;
        let mut docs = corpus();
        let claim = |doc: &newsdesk_model::Document, content: &str, speaker: Option<&str>| {
            let start = doc.article.text.find(content).unwrap_or(0);
            Claim {
                text: content.into(),
                speaker: speaker.map(Into::into),
                cue: Some("said".into()),
                start,
                end: start + content.len(),
            }
        };
        let c = claim(&docs[0], "rescue work goes on & on", Some("White Helmets"));
        docs[0].extraction.claims.push(c);
        let c = claim(
            &docs[1],
            "earlier ceasefires had failed",
            Some("Sergey Lavrov"),
        );
        docs[1].extraction.claims.push(c);
        let c = claim(&docs[2], "the cease-fire of 2018 was dead", None);
        docs[2].extraction.claims.push(c);
        let (_dir, index) = index_with(&docs);
        let render = |hits: Vec<QuoteHit>| -> Vec<String> {
            hits.into_iter()
                .map(|q| {
                    let kind = serde_json::to_value(q.kind).unwrap_or_default();
                    format!(
                        "{} {} {}: {}",
                        kind.as_str().unwrap_or("?"),
                        q.id,
                        q.speaker.unwrap_or_else(|| "?".into()),
                        q.text
                    )
                })
                .collect()
        };
        type Case<'a> = (Option<&'a str>, Option<&'a str>, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                None,
                None,
                &[
                    "claim c3 ?: the cease-fire of 2018 was dead",
                    "quote c3 ?: We wait,",
                    "quote a1 Recep Tayyip Erdogan: The ceasefire will be put in place at midnight,",
                    "claim a1 White Helmets: rescue work goes on & on",
                    "claim b2 Sergey Lavrov: earlier ceasefires had failed",
                    "quote b2 Sergey Lavrov: This one must hold,",
                ],
            ),
            (
                None,
                Some("Lavrov"),
                &[
                    "claim b2 Sergey Lavrov: earlier ceasefires had failed",
                    "quote b2 Sergey Lavrov: This one must hold,",
                ],
            ),
            (
                None,
                Some("White Helmets"),
                &["claim a1 White Helmets: rescue work goes on & on"],
            ),
            (
                Some("claim:rescue"),
                None,
                &[
                    "quote a1 Recep Tayyip Erdogan: The ceasefire will be put in place at midnight,",
                    "claim a1 White Helmets: rescue work goes on & on",
                ],
            ),
        ];
        for (query, speaker, expected) in cases {
            let got = render(index.quotes_and_claims(*query, *speaker, 10).unwrap());
            assert_eq!(got, *expected, "{query:?} {speaker:?}");
        }
        // quotes alone leave the claims out
        assert_eq!(
            index.quotes(None, Some("White Helmets"), 10).unwrap(),
            vec![]
        );
        let ids = |q: &str| -> Vec<String> {
            let hits = index.search(q, &SearchOptions::default()).unwrap();
            let mut ids: Vec<String> = hits.into_iter().map(|h| h.id).collect();
            ids.sort();
            ids
        };
        for (query, expected) in [
            ("claim:failed", vec!["b2"]),
            ("claim:ceasefire", vec!["b2", "c3"]),
            ("claimant:Lavrov", vec!["b2"]),
            ("claimant:\"White Helmets\"", vec!["a1"]),
            ("claimant:Erdogan", vec![]),
            ("claim:midnight", vec![]),
        ] {
            assert_eq!(ids(query), expected, "{query}");
        }
    }
}

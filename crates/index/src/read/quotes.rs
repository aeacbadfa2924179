//! Quote listings: quotes of matching documents in date, source and position order, by speaker.

use crate::schema::{self, name};
use crate::{Error, Index, QuoteHit, tantivy_error};
use newsdesk_model::Document;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

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
}

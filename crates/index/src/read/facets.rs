//! Entity facets: the most frequent names per label, bare surnames folded into full names.

use crate::schema::name;
use crate::{Error, FacetCount, Index, tantivy_error};
use newsdesk_model::Label;
use tantivy::collector::FacetCollector;
use tantivy::schema::Facet;

impl Index {
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
    use crate::test_docs::{corpus, index_with};
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
}

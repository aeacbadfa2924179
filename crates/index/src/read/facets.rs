//! Facets: the most frequent names per label (bare surnames folded into full names), speakers, outlets, languages, stories and publication days.

use crate::schema::{self, name};
use crate::{
    DayCount, Error, FacetCount, FacetKind, FacetValue, Facets, Index, SearchOptions, tantivy_error,
};
use chrono::NaiveDate;
use newsdesk_model::Label;
use std::collections::{BTreeMap, HashMap};
use tantivy::collector::{Collector, FacetCollector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::schema::Facet;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// At most this many matching documents of each segment are counted into the stories
/// facet (their ids are looked up one by one); every other count covers all matches.
const MAX_STORY_DOCS_PER_SEGMENT: usize = 50_000;

impl Index {
    /// Counts over every document matching `query` and the filters of `options` (its
    /// `limit`, `offset` and `sort` are ignored): the `top` most frequent values of
    /// each [`FacetKind`] and the matching documents per publication day, for a
    /// sidebar of facets and a date histogram beside the hits. Stories count the
    /// stories of two documents or more; their counts cover at most 50,000 matching
    /// documents per index segment.
    pub fn facets(
        &self,
        query: &str,
        options: &SearchOptions,
        top: usize,
    ) -> Result<Facets, Error> {
        let query = self.with_filters(self.parse(query)?, options)?;
        let stories = self.loaded_stories()?;
        let mut collector = FacetCollector::for_field(name::ENTITY);
        for kind in FacetKind::ALL {
            if let Some(root) = schema::facet_root(kind) {
                collector.add_facet(Facet::from_path([root]));
            }
        }
        let browse = Browse {
            ids: stories.is_some() && top > 0,
        };
        let (counts, found) = self
            .reader
            .searcher()
            .search(query.as_ref(), &(collector, browse))
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut values = Vec::new();
        for kind in FacetKind::ALL {
            let mut counted: Vec<(String, u64)> = match schema::facet_root(kind) {
                Some(root) => counts
                    .get(Facet::from_path([root]))
                    .filter_map(|(facet, n)| facet.to_path().last().map(|s| (s.to_string(), n)))
                    .collect(),
                None => Vec::new(),
            };
            if kind == FacetKind::Person {
                counted = fold_surnames(counted);
            }
            let mut titles = HashMap::new();
            if kind == FacetKind::Story
                && let Some(loaded) = stories.as_deref()
            {
                let mut per_story: HashMap<usize, u64> = HashMap::new();
                for id in &found.ids {
                    if let Some((i, _)) = loaded.by_doc().get(id)
                        && loaded.entries[*i].size > 1
                    {
                        *per_story.entry(*i).or_default() += 1;
                    }
                }
                for (i, n) in per_story {
                    let entry = &loaded.entries[i];
                    titles.insert(entry.id.clone(), entry.title.clone());
                    counted.push((entry.id.clone(), n));
                }
            }
            counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            counted.truncate(top);
            values.extend(counted.into_iter().map(|(value, documents)| FacetValue {
                kind,
                title: titles.remove(&value).filter(|t| !t.is_empty()),
                value,
                documents,
            }));
        }
        let days = found
            .days
            .into_iter()
            .filter_map(|(day, documents)| {
                Some(DayCount {
                    day: day_of(day)?,
                    documents,
                })
            })
            .collect();
        Ok(Facets {
            documents: found.documents,
            values,
            days,
            undated: found.undated,
        })
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
}

/// The day `days` days after 1970-01-01.
fn day_of(days: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// Counts matching documents per publication day and collects their ids (for stories).
struct Browse {
    /// Whether to collect ids.
    ids: bool,
}

/// What [`Browse`] found.
#[derive(Default)]
struct Browsed {
    documents: u64,
    /// Days since 1970-01-01 -> matching documents published that day.
    days: BTreeMap<i64, u64>,
    undated: u64,
    ids: Vec<String>,
}

struct BrowseSegment {
    dates: Column<DateTime>,
    ids: Option<StrColumn>,
    ords: Vec<u64>,
    found: Browsed,
}

impl Collector for Browse {
    type Fruit = Browsed;
    type Child = BrowseSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<BrowseSegment> {
        let fast = reader.fast_fields();
        Ok(BrowseSegment {
            dates: fast.date(name::PUBLISHED)?,
            ids: if self.ids { fast.str(name::ID)? } else { None },
            ords: Vec::new(),
            found: Browsed::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Browsed>) -> tantivy::Result<Browsed> {
        let mut all = Browsed::default();
        for f in fruits {
            all.documents += f.documents;
            all.undated += f.undated;
            for (day, n) in f.days {
                *all.days.entry(day).or_default() += n;
            }
            all.ids.extend(f.ids);
        }
        Ok(all)
    }
}

impl SegmentCollector for BrowseSegment {
    type Fruit = Browsed;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.found.documents += 1;
        match self.dates.first(doc) {
            Some(d) => {
                *self
                    .found
                    .days
                    .entry(d.into_timestamp_secs().div_euclid(86_400))
                    .or_default() += 1;
            }
            None => self.found.undated += 1,
        }
        if let Some(ids) = &self.ids
            && self.ords.len() < MAX_STORY_DOCS_PER_SEGMENT
            && let Some(ord) = ids.term_ords(doc).next()
        {
            self.ords.push(ord);
        }
    }

    fn harvest(mut self) -> Browsed {
        if let Some(ids) = &self.ids {
            self.ords.sort_unstable();
            for ord in self.ords {
                let mut id = String::new();
                if ids.ord_to_str(ord, &mut id).unwrap_or(false) {
                    self.found.ids.push(id);
                }
            }
        }
        self.found
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
    // Each surname's one full name, or `None` when several full names end with it:
    // one pass over the names (comparing every bare name with every full name was
    // quadratic, seconds per search page on an index of a hundred thousand articles).
    let mut by_surname: HashMap<String, Option<&str>> = HashMap::new();
    for (name, _) in names.iter().filter(|(n, _)| n.contains(' ')) {
        by_surname
            .entry(last_part(name))
            .and_modify(|one| {
                if *one != Some(name.as_str()) {
                    *one = None;
                }
            })
            .or_insert(Some(name.as_str()));
    }
    let mut folded: BTreeMap<String, u64> = BTreeMap::new();
    for (name, count) in &names {
        let target = if name.contains(' ') {
            name.clone()
        } else {
            match by_surname.get(&last_part(name)) {
                Some(Some(one)) => (*one).to_string(),
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

    #[test]
    fn facets_count_every_kind_and_day_and_filter_exactly() {
        let (_dir, index) = index_with(&corpus());
        let render = |f: &Facets| -> Vec<String> {
            f.values
                .iter()
                .map(|v| format!("{} {} {}", v.kind.name(), v.value, v.documents))
                .collect()
        };
        let all = index
            .facets("corridor", &SearchOptions::default(), 2)
            .unwrap();
        assert_eq!(all.documents, 3);
        assert_eq!(
            render(&all),
            [
                "person Recep Tayyip Erdogan 2",
                "person Sergey Lavrov 1",
                "org White Helmets 1",
                "loc M4 3",
                "loc Idlib 2",
                "speaker Recep Tayyip Erdogan 1",
                "speaker Sergey Lavrov 1",
                "outlet Example Wire 3",
                "language en 3",
            ]
        );
        let days: Vec<String> = all
            .days
            .iter()
            .map(|d| format!("{} {}", d.day, d.documents))
            .collect();
        assert_eq!(days, ["2020-02-20 1", "2020-03-05 1", "2020-03-06 1"]);
        assert_eq!(all.undated, 0);
        // A facet filter narrows the search, the count and the facets alike.
        let cases: &[(FacetKind, &str, &[&str])] = &[
            (FacetKind::Person, "Vladimir Putin", &["a1"]),
            (FacetKind::Person, "Putin", &[]),
            (FacetKind::Speaker, "Sergey Lavrov", &["b2"]),
            (FacetKind::Loc, "Idlib", &["a1", "c3"]),
            (FacetKind::Outlet, "Example Wire", &["a1", "b2", "c3"]),
            (FacetKind::Language, "en", &["a1", "b2", "c3"]),
            (FacetKind::Language, "de", &[]),
            (FacetKind::Outlet, " ", &[]),
            (FacetKind::Story, "no-such-story", &[]),
        ];
        for (kind, value, expected) in cases {
            let options = SearchOptions {
                facets: vec![(*kind, (*value).to_string())],
                ..SearchOptions::default()
            };
            let mut ids: Vec<String> = index
                .search("corridor", &options)
                .unwrap()
                .into_iter()
                .map(|h| h.id)
                .collect();
            ids.sort();
            assert_eq!(ids, *expected, "{kind:?} {value:?}");
            let f = index.facets("corridor", &options, 5).unwrap();
            assert_eq!(f.documents, expected.len() as u64, "{kind:?} {value:?}");
        }
        assert_eq!(
            index
                .facets("", &SearchOptions::default(), 0)
                .unwrap()
                .values,
            []
        );
        assert!(
            index
                .facets("title:(", &SearchOptions::default(), 3)
                .is_err()
        );
    }
}

//! Facets: the most frequent names per label (bare surnames folded into full names), speakers, outlets, languages, stories and publication days.

use crate::schema::{self, name};
use crate::stories::files::{Loaded, NO_STORY};
use crate::{
    DayCount, Error, FacetCount, FacetKind, FacetValue, Facets, Index, SearchOptions, tantivy_error,
};
use chrono::NaiveDate;
use newsdesk_model::Label;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

impl Index {
    /// Counts over every document matching `query` and the filters of `options` (its
    /// `limit`, `offset` and `sort` are ignored): the `top` most frequent values of
    /// each [`FacetKind`] and the matching documents per publication day, for a
    /// sidebar of facets and a date histogram beside the hits. Stories count the
    /// stories of two documents or more.
    pub fn facets(
        &self,
        query: &str,
        options: &SearchOptions,
        top: usize,
    ) -> Result<Facets, Error> {
        let query = self.with_filters(self.parse(query)?, options)?;
        let stories = self.loaded_stories()?;
        let collector =
            CountFacets::new(FacetKind::ALL.iter().filter_map(|k| schema::facet_root(*k)));
        let browse = Browse {
            stories: stories.as_deref().filter(|_| top > 0),
        };
        let (mut counts, found) = self
            .reader
            .searcher()
            .search(query.as_ref(), &(collector, browse))
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut values = Vec::new();
        for kind in FacetKind::ALL {
            let mut counted: Vec<(String, u64)> = match schema::facet_root(kind) {
                Some(root) => counts.under(root),
                None => Vec::new(),
            };
            if kind == FacetKind::Person {
                counted = fold_surnames(counted);
            }
            let mut titles = HashMap::new();
            if kind == FacetKind::Story
                && let Some(loaded) = stories.as_deref()
            {
                for (i, n) in &found.stories {
                    if let Some(entry) = loaded.entries.get(*i as usize) {
                        titles.insert(entry.id.clone(), entry.title.clone());
                        counted.push((entry.id.clone(), *n));
                    }
                }
            }
            top_by_count(&mut counted, top);
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
        let collector = CountFacets::new(Label::ALL.iter().map(|l| l.name()));
        let mut counts = self
            .reader
            .searcher()
            .search(query.as_ref(), &collector)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut out = Vec::new();
        for label in Label::ALL {
            let mut names = counts.under(label.name());
            if label == Label::Person {
                names = fold_surnames(names);
            }
            top_by_count(&mut names, top);
            out.extend(names.into_iter().map(|(name, documents)| FacetCount {
                label,
                name,
                documents,
            }));
        }
        Ok(out)
    }
}

/// Keeps the `top` values with the most documents, by count descending then value (the
/// top ones are selected before sorting: a common query counts tens of thousands).
fn top_by_count(counted: &mut Vec<(String, u64)>, top: usize) {
    let order = |a: &(String, u64), b: &(String, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    if top == 0 {
        counted.clear();
        return;
    }
    if counted.len() > top {
        counted.select_nth_unstable_by(top - 1, order);
        counted.truncate(top);
    }
    counted.sort_by(order);
}

/// The day `days` days after 1970-01-01.
fn day_of(days: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// Counts matching documents per publication day and, with `stories`, per story of two
/// documents or more.
struct Browse<'a> {
    stories: Option<&'a Loaded>,
}

/// What [`Browse`] found.
#[derive(Default)]
struct Browsed {
    documents: u64,
    /// Days since 1970-01-01 -> matching documents published that day.
    days: BTreeMap<i64, u64>,
    undated: u64,
    /// Story (its position in the loaded entries) -> matching documents.
    stories: HashMap<u32, u64>,
}

struct BrowseSegment {
    dates: Column<DateTime>,
    /// The id column and its ordinals' stories.
    ids: Option<(StrColumn, Arc<Vec<u32>>)>,
    found: Browsed,
}

impl Collector for Browse<'_> {
    type Fruit = Browsed;
    type Child = BrowseSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<BrowseSegment> {
        let fast = reader.fast_fields();
        let ids = match (self.stories, fast.str(name::ID)?) {
            (Some(loaded), Some(ids)) => {
                let table = loaded.segment_stories(reader.segment_id(), &ids)?;
                Some((ids, table))
            }
            _ => None,
        };
        Ok(BrowseSegment {
            dates: fast.date(name::PUBLISHED)?,
            ids,
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
            for (story, n) in f.stories {
                *all.stories.entry(story).or_default() += n;
            }
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
        if let Some((ids, table)) = &self.ids
            && let Some(ord) = ids.term_ords(doc).next()
            && let Some(&story) = table.get(ord as usize)
            && story != NO_STORY
        {
            *self.found.stories.entry(story).or_default() += 1;
        }
    }

    fn harvest(self) -> Browsed {
        self.found
    }
}

/// Counts the matching documents under each of some roots of the entity facet field
/// (every facet there is `root/value`): a count per term ordinal while collecting, then
/// the counted ordinals turned into text in one sorted walk of the segment's dictionary.
/// (Tantivy's `FacetCollector` streams the whole dictionary per segment to map ordinals
/// and then looks each counted one up on its own, which decodes its block from the
/// start: about a second per request on an index of a hundred thousand articles.)
struct CountFacets {
    roots: Vec<&'static str>,
}

impl CountFacets {
    fn new(roots: impl Iterator<Item = &'static str>) -> Self {
        CountFacets {
            roots: roots.collect(),
        }
    }
}

/// Documents per value under each root (in [`CountFacets::roots`] order), by value.
struct FacetTally {
    roots: Vec<&'static str>,
    by_root: Vec<Vec<(String, u64)>>,
}

impl FacetTally {
    /// The values counted under `root`, with their counts, by value.
    fn under(&mut self, root: &str) -> Vec<(String, u64)> {
        self.roots
            .iter()
            .position(|x| *x == root)
            .and_then(|r| self.by_root.get_mut(r))
            .map(std::mem::take)
            .unwrap_or_default()
    }
}

/// Two lists sorted by value, merged into one (counts of a value in both added).
fn merge_sorted(a: Vec<(String, u64)>, b: Vec<(String, u64)>) -> Vec<(String, u64)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.0.cmp(&y.0) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    let (value, n) = a.next().unwrap_or_default();
                    let m = b.next().map_or(0, |y| y.1);
                    Some((value, n + m))
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

/// One segment's counts: documents per term ordinal of the facet column.
struct CountFacetsSegment {
    roots: Vec<&'static str>,
    column: Option<StrColumn>,
    counts: Vec<u32>,
    /// The last document (plus one) counted for each ordinal: a document holding one
    /// facet twice counts once.
    last: Vec<DocId>,
}

/// What a segment found: per root, (value, documents) by value (the dictionary's
/// order), or the error reading its dictionary.
struct SegmentTally {
    by_root: Vec<Vec<(String, u64)>>,
    error: Option<std::io::Error>,
}

impl Collector for CountFacets {
    type Fruit = FacetTally;
    type Child = CountFacetsSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<CountFacetsSegment> {
        let column = reader.fast_fields().str(name::ENTITY)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(CountFacetsSegment {
            roots: self.roots.clone(),
            column,
            counts: vec![0; terms],
            last: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentTally>) -> tantivy::Result<FacetTally> {
        let mut by_root: Vec<Vec<(String, u64)>> = vec![Vec::new(); self.roots.len()];
        for f in fruits {
            if let Some(e) = f.error {
                return Err(e.into());
            }
            for (all, found) in by_root.iter_mut().zip(f.by_root) {
                *all = merge_sorted(std::mem::take(all), found);
            }
        }
        Ok(FacetTally {
            roots: self.roots.clone(),
            by_root,
        })
    }
}

impl SegmentCollector for CountFacetsSegment {
    type Fruit = SegmentTally;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(column) = &self.column else {
            return;
        };
        for ord in column.term_ords(doc) {
            let o = ord as usize;
            if let (Some(n), Some(last)) = (self.counts.get_mut(o), self.last.get_mut(o))
                && *last != doc + 1
            {
                *n += 1;
                *last = doc + 1;
            }
        }
    }

    fn harvest(self) -> SegmentTally {
        let mut tally = SegmentTally {
            by_root: vec![Vec::new(); self.roots.len()],
            error: None,
        };
        let Some(column) = &self.column else {
            return tally;
        };
        let (ords, counts): (Vec<u64>, Vec<u32>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(o, n)| (o as u64, *n))
            .unzip();
        let mut at = 0;
        let roots = &self.roots;
        let by_root = &mut tally.by_root;
        let mut current: Option<(&[u8], usize)> = None;
        // a facet is encoded `root \0 value`
        let walked = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            let n = counts.get(at).copied().unwrap_or(0);
            at += 1;
            let Some(cut) = bytes.iter().position(|b| *b == 0) else {
                return;
            };
            let (root, rest) = (&bytes[..cut], &bytes[cut + 1..]);
            let value = rest.split(|b| *b == 0).next().unwrap_or(rest);
            // terms come sorted, so runs of one root: compare with the last one first
            if current.is_none_or(|(r, _)| r != root) {
                current = roots
                    .iter()
                    .position(|x| x.as_bytes() == root)
                    .map(|i| (roots[i].as_bytes(), i));
            }
            if let (Some(list), Ok(value)) = (
                current.and_then(|(_, i)| by_root.get_mut(i)),
                std::str::from_utf8(value),
            ) && !value.is_empty()
            {
                list.push((value.to_string(), u64::from(n)));
            }
        });
        if let Err(e) = walked {
            tally.error = Some(e);
        }
        tally
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
    let mut by_surname: foldhash::HashMap<String, Option<&str>> = Default::default();
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
    // the counts of bare names that fold, per full name (the names are unique: no map
    // over all of them is needed)
    let mut added: foldhash::HashMap<&str, u64> = Default::default();
    let mut folded_away = vec![false; names.len()];
    for (i, (name, count)) in names.iter().enumerate() {
        if name.contains(' ') {
            continue;
        }
        if let Some(Some(one)) = by_surname.get(&last_part(name)) {
            *added.entry(one).or_default() += count;
            folded_away[i] = true;
        }
    }
    let mut folded: Vec<(String, u64)> = names
        .iter()
        .zip(&folded_away)
        .filter(|(_, away)| !**away)
        .map(|((name, count), _)| {
            (
                name.clone(),
                count + added.get(name.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    folded.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    folded
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

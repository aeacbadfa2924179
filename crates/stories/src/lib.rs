//! Groups processed documents into stories: near-duplicate copies of one report,
//! documents that report the same event across outlets, and the facts those
//! documents state, aligned so that agreement and disagreement show.
//!
//! [`profile`] computes a document's [`Profile`] once, at ingest; [`group`] turns
//! profiles into a [`Grouping`] (copies and [`Group`]s); [`update`] does the same
//! after new documents arrive; [`story`] builds the contract record of one group
//! with its facts. The crate does no I/O and keeps no state between calls.
//!
//! ```
//! use newsdesk_model::{Article, Document};
//! use newsdesk_stories::{group, profile, Config};
//!
//! let doc = |id: &str, text: &str| Document {
//!     article: Article { id: id.into(), text: text.into(), ..Article::default() },
//!     ..Document::default()
//! };
//! let a = doc("a", "The ceasefire in Idlib took effect at midnight on Thursday.");
//! let profiles = vec![profile(&a)];
//! let grouping = group(&profiles, &Config::default());
//! assert_eq!(grouping.groups.len(), 1);
//! assert_eq!(grouping.groups[0].members, vec!["a".to_string()]);
//! ```
#![warn(missing_docs)]

mod cluster;
mod facts;
mod links;
mod minhash;
mod profile;
mod score;
mod text;

use chrono::NaiveDate;
use newsdesk_model::{Document, Reason, Story, StoryMember};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the stories stage keeps of one document; computed once when the document is
/// ingested and stored by the index, so grouping never needs the text again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The document id.
    pub id: String,
    /// Where the document came from.
    pub source: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Signature and weighted features (private to the stage).
    #[serde(flatten)]
    features: profile::Features,
}

/// Computes a document's profile.
pub fn profile(doc: &Document) -> Profile {
    let a = &doc.article;
    Profile {
        id: a.id.clone(),
        source: a.source.clone(),
        published: a.published,
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        features: profile::features(doc),
    }
}

/// The normalised words the background document-frequency table counts for a text (each
/// once): what `cargo xtask stories-df` feeds the table with.
pub fn background_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text::content_words(text).collect();
    w.sort();
    w.dedup();
    w
}

/// Grouping settings; `Default` is the tuned setting.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Estimated Jaccard similarity of word 5-shingles from which two documents are copies.
    pub duplicate_jaccard: f64,
    /// Pair score from which two documents are linked, and average score from which two
    /// clusters merge (average-link).
    pub threshold: f64,
    /// Weight of shared terms (cosine of background tf-idf vectors).
    pub terms_weight: f64,
    /// Weight of shared names (cosine of rarity-weighted entity vectors).
    pub names_weight: f64,
    /// Weight of shared quotes (same speaker, overlapping words).
    pub quotes_weight: f64,
    /// Days between publication dates that cost nothing.
    pub days_grace: f64,
    /// Beyond the grace, the score decays as `exp(-days / days_scale)`.
    pub days_scale: f64,
    /// Factor applied when both texts mention years and share none.
    pub other_year_factor: f64,
    /// Factor applied when both texts mention the same calendar day.
    pub same_day_factor: f64,
    /// Factor applied when each text names most a person the other never names.
    pub other_lead_factor: f64,
    /// Two clusters merge only if their average score is at least this share of the
    /// tighter one's mean internal score (0 turns the check off).
    pub cohesion_ratio: f64,
    /// Features listed for more documents than this do not make candidates.
    pub max_list: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            duplicate_jaccard: 0.8,
            threshold: 0.25,
            terms_weight: 0.5,
            names_weight: 0.5,
            quotes_weight: 0.3,
            days_grace: 3.0,
            days_scale: 7.0,
            other_year_factor: 0.5,
            same_day_factor: 1.2,
            other_lead_factor: 1.0,
            cohesion_ratio: 0.0,
            max_list: 50,
        }
    }
}

impl Config {
    /// Sets one field by name from text (`threshold=0.3`), for tuning from the command line.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let num = || {
            value
                .parse::<f64>()
                .map_err(|e| format!("{key}={value}: {e}"))
        };
        match key {
            "duplicate_jaccard" => self.duplicate_jaccard = num()?,
            "threshold" => self.threshold = num()?,
            "terms_weight" => self.terms_weight = num()?,
            "names_weight" => self.names_weight = num()?,
            "quotes_weight" => self.quotes_weight = num()?,
            "days_grace" => self.days_grace = num()?,
            "days_scale" => self.days_scale = num()?,
            "other_year_factor" => self.other_year_factor = num()?,
            "same_day_factor" => self.same_day_factor = num()?,
            "other_lead_factor" => self.other_lead_factor = num()?,
            "cohesion_ratio" => self.cohesion_ratio = num()?,
            "max_list" => {
                self.max_list = value.parse().map_err(|e| format!("{key}={value}: {e}"))?
            }
            _ => return Err(format!("unknown setting `{key}`")),
        }
        Ok(())
    }
}

/// The result of grouping: which documents are copies of which, and the stories.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Grouping {
    /// Copy id -> id of the earliest copy (publication date, then id). Originals are absent.
    pub duplicate_of: BTreeMap<String, String>,
    /// Every document is in exactly one group (singletons too), groups ordered by id.
    pub groups: Vec<Group>,
}

/// One story: documents that report the same event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Group {
    /// Stable id derived from the earliest member (publication date, then id): same
    /// inputs, any order, any thread count -> same id. When two stories merge, the merged
    /// one keeps the id of the earliest member of the union.
    pub id: String,
    /// Member ids, earliest first (publication date, then id).
    pub members: Vec<String>,
    /// Why they are grouped (empty for singletons), strongest first.
    pub why: Vec<Reason>,
}

/// Profiles sorted by id, one per id (the last given wins).
fn unique<'a>(profiles: impl Iterator<Item = &'a Profile>) -> Vec<&'a Profile> {
    let mut by_id: BTreeMap<&str, &Profile> = BTreeMap::new();
    for p in profiles {
        by_id.insert(p.id.as_str(), p);
    }
    by_id.into_values().collect()
}

/// Groups all profiles. The result depends only on the set of profiles (not their order).
pub fn group(profiles: &[Profile], config: &Config) -> Grouping {
    let index = cluster::Index::new(unique(profiles.iter()));
    let all: Vec<usize> = (0..index.profiles.len()).collect();
    let comps = cluster::components(&index, &all, config);
    assemble(&index, &comps, config, Grouping::default())
}

/// Clusters `comps` and adds the result to `kept`.
fn assemble(
    index: &cluster::Index<'_>,
    comps: &[Vec<usize>],
    config: &Config,
    mut kept: Grouping,
) -> Grouping {
    // Components are independent: clustered on the workers (rayon's current pool), the
    // results gathered in the components' order.
    use rayon::prelude::*;
    let clustered: Vec<cluster::Clustered> = comps
        .par_iter()
        .map(|comp| cluster::cluster(index, comp, config))
        .collect();
    for c in clustered {
        kept.duplicate_of.extend(c.duplicate_of);
        kept.groups.extend(c.groups);
    }
    kept.groups.sort_by(|a, b| a.id.cmp(&b.id));
    kept
}

/// Groups after `added` profiles joined `profiles` (the previous ones, which `previous`
/// grouped); returns exactly what [`group`] over the union returns.
///
/// Pair scores depend only on the two documents (rarity comes from a fixed background),
/// and a feature stops making candidates only when its list grows past
/// [`Config::max_list`], so new documents change the graph only around themselves and
/// around the documents of such a feature. Those documents' previous stories, and every
/// document linked to them, are grouped again; every other story is kept as it was.
/// Building the inverted lists is linear in the collection (no text, no scoring);
/// scoring and clustering touch only the affected stories.
pub fn update(
    previous: &Grouping,
    profiles: &[Profile],
    added: &[Profile],
    config: &Config,
) -> Grouping {
    let index = cluster::Index::new(unique(profiles.iter().chain(added)));
    let pos: BTreeMap<&str, usize> = index
        .profiles
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let added_ids: BTreeSet<&str> = added.iter().map(|p| p.id.as_str()).collect();
    let mut seeds: BTreeSet<usize> = added_ids
        .iter()
        .filter_map(|id| pos.get(id).copied())
        .collect();
    // features whose list crossed the cap: the old documents on them lose candidates
    let mut new_on: BTreeMap<(u8, &str), usize> = BTreeMap::new();
    for p in index
        .profiles
        .iter()
        .filter(|p| added_ids.contains(p.id.as_str()))
    {
        for key in cluster::feature_keys(p) {
            *new_on.entry(key).or_default() += 1;
        }
    }
    for (key, n_new) in &new_on {
        let len = index.list_len(key);
        if len > config.max_list && len - n_new <= config.max_list {
            for (i, p) in index.profiles.iter().enumerate() {
                if cluster::feature_keys(p).any(|k| k == *key) {
                    seeds.insert(i);
                }
            }
        }
    }
    // the whole previous story of every seed, then everything linked, until stable
    let group_of: BTreeMap<&str, usize> = previous
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| grp.members.iter().map(move |m| (m.as_str(), g)))
        .collect();
    let mut affected_groups: BTreeSet<usize> = BTreeSet::new();
    let comps = loop {
        for &s in &seeds {
            if let Some(&g) = group_of.get(index.profiles[s].id.as_str()) {
                affected_groups.insert(g);
            }
        }
        let mut grown = seeds.clone();
        for &g in &affected_groups {
            for m in &previous.groups[g].members {
                if let Some(&i) = pos.get(m.as_str()) {
                    grown.insert(i);
                }
            }
        }
        let list: Vec<usize> = grown.iter().copied().collect();
        let comps = cluster::components(&index, &list, config);
        let reached: BTreeSet<usize> = comps.iter().flatten().copied().collect();
        if reached == seeds {
            break comps;
        }
        seeds = reached;
    };
    let affected: BTreeSet<&str> = seeds
        .iter()
        .map(|&i| index.profiles[i].id.as_str())
        .collect();
    let kept = Grouping {
        duplicate_of: previous
            .duplicate_of
            .iter()
            .filter(|(copy, _)| !affected.contains(copy.as_str()))
            .map(|(c, o)| (c.clone(), o.clone()))
            .collect(),
        groups: previous
            .groups
            .iter()
            .filter(|g| !g.members.iter().any(|m| affected.contains(m.as_str())))
            .cloned()
            .collect(),
    };
    assemble(&index, &comps, config, kept)
}

/// Every pair of near-duplicate documents: `(id, id, estimated Jaccard)` with the smaller
/// id first, sorted, for pairs whose estimated Jaccard similarity of word 5-shingles is
/// at least `min_jaccard`. Candidates come from LSH bands, so no pair is compared unless
/// one band of their signatures is equal.
pub fn near_duplicates(profiles: &[Profile], min_jaccard: f64) -> Vec<(String, String, f64)> {
    let ps = unique(profiles.iter());
    let mut buckets: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    for (i, p) in ps.iter().enumerate() {
        for key in minhash::band_keys(&p.features.signature) {
            buckets.entry(key).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in buckets.values() {
        for (k, &a) in list.iter().enumerate() {
            pairs.extend(list[k + 1..].iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let j = minhash::similarity(&ps[a].features.signature, &ps[b].features.signature);
            (j >= min_jaccard).then(|| (ps[a].id.clone(), ps[b].id.clone(), j))
        })
        .collect()
}

/// The member records of a group, in its order (earliest first): each with its source,
/// date and outlet from `docs` (any order; a member missing from them keeps only its id) and
/// its `duplicate_of`.
pub fn members(
    group: &Group,
    docs: &[&Document],
    duplicate_of: &BTreeMap<String, String>,
) -> Vec<StoryMember> {
    let by_id: BTreeMap<&str, &Document> =
        docs.iter().map(|d| (d.article.id.as_str(), *d)).collect();
    group
        .members
        .iter()
        .map(|id| {
            let d = by_id.get(id.as_str());
            StoryMember {
                id: id.clone(),
                source: d.map(|d| d.article.source.clone()).unwrap_or_default(),
                published: d.and_then(|d| d.article.published),
                outlet: d.and_then(|d| d.article.outlet.clone()),
                duplicate_of: duplicate_of.get(id).cloned(),
            }
        })
        .collect()
}

/// How many of a story's originals (earliest first) its facts and label are drawn from:
/// aligning facts compares every pair of mentions, so a story of thousands of reports (a
/// long-running topic, or templated pages) would otherwise cost quadratic time and memory.
pub const MAX_FACT_DOCUMENTS: usize = 50;

/// How many facts (quantities, dates, quotes, claims) those documents may hold together:
/// documents are taken, earliest first, while their facts fit (the first always does).
pub const MAX_FACT_MENTIONS: usize = 1_500;

/// Builds the contract record of one group: label, dates, members (with `duplicate_of`),
/// why, and the facts aligned across the members. `docs` are the group's member documents
/// (any order). Facts and the label come from the first
/// [`MAX_FACT_DOCUMENTS`] originals.
pub fn story(group: &Group, docs: &[&Document], duplicate_of: &BTreeMap<String, String>) -> Story {
    story_with(group, docs, &[], duplicate_of)
}

/// [`story`] with the profiles already computed for (some of) the members (as
/// [`profile`] gives them for these documents): the label reuses them instead of
/// computing them again. The record is the same.
pub fn story_with(
    group: &Group,
    docs: &[&Document],
    profiles: &[&Profile],
    duplicate_of: &BTreeMap<String, String>,
) -> Story {
    let by_id: BTreeMap<&str, &Document> =
        docs.iter().map(|d| (d.article.id.as_str(), *d)).collect();
    let documents = members(group, docs, duplicate_of);
    // originals only: a copy must not make a fact agree with itself; and at most the
    // first MAX_FACT_DOCUMENTS of them (members are earliest first), so that the cost of
    // one story's facts and label stays bounded however large the story grows
    let members: BTreeSet<&str> = group.members.iter().map(String::as_str).collect();
    let originals: Vec<&Document> = group
        .members
        .iter()
        .filter(|id| {
            duplicate_of
                .get(*id)
                .is_none_or(|o| !members.contains(o.as_str()))
        })
        .filter_map(|id| by_id.get(id.as_str()).copied())
        .take(MAX_FACT_DOCUMENTS)
        .scan(MAX_FACT_MENTIONS, |budget, d| {
            let x = &d.extraction;
            let n = x.quantities.len() + x.dates.len() + x.quotes.len() + x.claims.len();
            // the first document always counts; later ones while the budget lasts
            let fits = n <= *budget || *budget == MAX_FACT_MENTIONS;
            *budget = budget.saturating_sub(n);
            fits.then_some(d)
        })
        .fuse()
        .collect();
    let facts = facts::facts(&originals);
    Story {
        id: group.id.clone(),
        title: label(&originals, profiles),
        size: documents.len(),
        first_published: documents.iter().filter_map(|m| m.published).min(),
        last_published: documents.iter().filter_map(|m| m.published).max(),
        documents,
        why: group.why.clone(),
        facts,
    }
}

/// The headline of the most central document (the highest summed pair score with the
/// others; the earliest on ties), else its first line.
fn label(docs: &[&Document], known: &[&Profile]) -> String {
    let config = Config::default();
    // one document is its own centre: no profile to compute
    let known: BTreeMap<&str, &Profile> = known.iter().map(|p| (p.id.as_str(), *p)).collect();
    let profiles: Vec<std::borrow::Cow<'_, Profile>> = if docs.len() > 1 {
        docs.iter()
            .map(|d| match known.get(d.article.id.as_str()) {
                Some(p) => std::borrow::Cow::Borrowed(*p),
                None => std::borrow::Cow::Owned(profile(d)),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut best: Option<(f64, usize)> = (docs.len() == 1).then_some((0.0, 0));
    for (i, p) in profiles.iter().enumerate() {
        let c: f64 = profiles
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, q)| score::pair(p, q, &config).total)
            .sum();
        if best.is_none_or(|(b, _)| c > b) {
            best = Some((c, i));
        }
    }
    let Some(doc) = best.and_then(|(_, i)| docs.get(i)) else {
        return String::new();
    };
    if let Some(t) = doc
        .article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return t.to_string();
    }
    let line = doc
        .article
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    if line.chars().count() <= 120 {
        return line.to_string();
    }
    let cut: String = line.chars().take(117).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}...")
}

/// A story id from its earliest member: a hash of that member's id, so it is stable.
pub(crate) fn story_id(earliest: &str) -> String {
    format!("s{:016x}", xxhash_rust::xxh3::xxh3_64(earliest.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::{Article, Entity, Extraction, Label, Mention};

    /// A document with the given names as entities (one mention each, where found).
    fn doc(
        id: &str,
        published: &str,
        title: &str,
        text: &str,
        names: &[(Label, &str)],
    ) -> Document {
        let entities = names
            .iter()
            .map(|(label, name)| Entity {
                label: *label,
                name: name.to_string(),
                mentions: text
                    .find(name)
                    .map(|s| Mention {
                        start: s,
                        end: s + name.len(),
                        text: name.to_string(),
                    })
                    .into_iter()
                    .collect(),
            })
            .collect();
        Document {
            article: Article {
                id: id.into(),
                source: format!("{id}.txt"),
                title: Some(title.into()),
                published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
                text: text.into(),
                ..Article::default()
            },
            extraction: Extraction {
                entities,
                ..Extraction::default()
            },
        }
    }

    use Label::{Loc, Org, Person};

    fn corpus() -> Vec<Document> {
        vec![
            doc(
                "a1",
                "2021-07-01",
                "Severn bursts its banks in Tewkesbury",
                "The river Severn burst its banks in Tewkesbury on Monday, flooding the abbey grounds and forcing the evacuation of 300 homes. Mayor Jane Halloway said the flood defences had been overwhelmed.",
                &[
                    (Loc, "Severn"),
                    (Loc, "Tewkesbury"),
                    (Person, "Jane Halloway"),
                ],
            ),
            doc(
                "a2",
                "2021-07-02",
                "Tewkesbury evacuated as Severn floods",
                "Hundreds of homes in Tewkesbury were evacuated after the Severn flooded the town. Jane Halloway, the mayor, said the flood defences were overwhelmed by the river.",
                &[
                    (Loc, "Tewkesbury"),
                    (Loc, "Severn"),
                    (Person, "Jane Halloway"),
                ],
            ),
            doc(
                "a3",
                "2021-07-02",
                "Severn floods Tewkesbury: 300 homes evacuated",
                "The river Severn burst its banks in Tewkesbury on Monday, flooding the abbey grounds and forcing the evacuation of 300 homes. Mayor Jane Halloway said the flood defences had been overwhelmed. Reuters",
                &[
                    (Loc, "Severn"),
                    (Loc, "Tewkesbury"),
                    (Person, "Jane Halloway"),
                ],
            ),
            doc(
                "b1",
                "2016-04-16",
                "Earthquake strikes Kumamoto",
                "A magnitude 7.0 earthquake struck Kumamoto on the island of Kyushu, collapsing houses in Mashiki. Prime Minister Shinzo Abe sent troops to the prefecture.",
                &[
                    (Loc, "Kumamoto"),
                    (Loc, "Kyushu"),
                    (Loc, "Mashiki"),
                    (Person, "Shinzo Abe"),
                ],
            ),
            doc(
                "b2",
                "2016-04-17",
                "Kumamoto quake: rescuers search Mashiki",
                "Rescuers searched collapsed houses in Mashiki after the Kumamoto earthquake on Kyushu. Shinzo Abe said troops would stay in the prefecture.",
                &[
                    (Loc, "Mashiki"),
                    (Loc, "Kumamoto"),
                    (Loc, "Kyushu"),
                    (Person, "Shinzo Abe"),
                ],
            ),
            doc(
                "c1",
                "2016-04-17",
                "Earthquake strikes Ecuador",
                "A magnitude 7.8 earthquake struck the coast of Ecuador, collapsing houses in Manabi province. President Rafael Correa sent troops to Pedernales.",
                &[
                    (Loc, "Ecuador"),
                    (Loc, "Manabi"),
                    (Person, "Rafael Correa"),
                    (Loc, "Pedernales"),
                ],
            ),
            doc(
                "c2",
                "2016-04-18",
                "Ecuador quake: Pedernales in ruins",
                "Rescuers searched collapsed houses in Pedernales after the Ecuador earthquake. Rafael Correa said troops would stay in Manabi.",
                &[
                    (Loc, "Pedernales"),
                    (Loc, "Ecuador"),
                    (Person, "Rafael Correa"),
                    (Loc, "Manabi"),
                ],
            ),
            doc(
                "d1",
                "2019-11-02",
                "Chip maker warns on profits",
                "Shares in the chip maker Vantrix fell after it warned profits would miss forecasts.",
                &[(Org, "Vantrix")],
            ),
        ]
    }

    fn profiles(docs: &[Document]) -> Vec<Profile> {
        docs.iter().map(profile).collect()
    }

    fn members(g: &Grouping) -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = g.groups.iter().map(|g| g.members.clone()).collect();
        v.sort();
        v
    }

    fn check(docs: &[Document], expected: &[&[&str]]) {
        let g = group(&profiles(docs), &Config::default());
        let mut want: Vec<Vec<String>> = expected
            .iter()
            .map(|m| m.iter().map(|s| s.to_string()).collect())
            .collect();
        want.sort();
        assert_eq!(members(&g), want, "{:#?}", g.groups);
    }

    #[test]
    fn events_group_and_same_topic_events_stay_apart() {
        check(
            &corpus(),
            &[&["a1", "a2", "a3"], &["b1", "b2"], &["c1", "c2"], &["d1"]],
        );
    }

    #[test]
    fn copies_point_to_the_earliest() {
        let g = group(&profiles(&corpus()), &Config::default());
        assert_eq!(g.duplicate_of.get("a3").map(String::as_str), Some("a1"));
        assert_eq!(g.duplicate_of.len(), 1, "{:?}", g.duplicate_of);
        let a = g
            .groups
            .iter()
            .find(|s| s.members.contains(&"a1".to_string()))
            .unwrap();
        assert_eq!(a.id, story_id("a1"));
        assert_eq!(
            a.why.iter().filter(|r| r.kind == "near-duplicate").count(),
            1,
            "{:?}",
            a.why
        );
        assert!(
            a.why
                .iter()
                .any(|r| r.kind == "entities" && r.detail.contains("tewkesbury")),
            "{:?}",
            a.why
        );
    }

    #[test]
    fn grouping_is_independent_of_input_order() {
        let ps = profiles(&corpus());
        let want = group(&ps, &Config::default());
        let mut shuffled = ps.clone();
        for k in 0..ps.len() {
            shuffled.rotate_left(3);
            shuffled.swap(k % ps.len(), (k * 5 + 1) % ps.len());
            assert_eq!(group(&shuffled, &Config::default()), want);
        }
        let ids: Vec<&str> = want.groups.iter().map(|g| g.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn update_equals_group_over_the_union() {
        let ps = profiles(&corpus());
        let config = Config::default();
        let want = group(&ps, &config);
        for split in 0..=ps.len() {
            let (old, new) = ps.split_at(split);
            let previous = group(old, &config);
            assert_eq!(
                update(&previous, old, new, &config),
                want,
                "split at {split}"
            );
        }
        // one at a time, in reverse
        let mut have: Vec<Profile> = Vec::new();
        let mut g = Grouping::default();
        for p in ps.iter().rev() {
            g = update(&g, &have, std::slice::from_ref(p), &config);
            have.push(p.clone());
        }
        assert_eq!(g, want);
    }

    #[test]
    fn a_bridging_document_merges_two_stories() {
        let first = doc(
            "m1",
            "2022-03-01",
            "Dam collapse at Oroville",
            "Engineers warned that the spillway of the Oroville dam was eroding after days of rain.",
            &[(Loc, "Oroville")],
        );
        let second = doc(
            "m2",
            "2022-03-02",
            "Butte County orders evacuation",
            "Sheriff Kory Honea ordered 180,000 residents of Butte County to leave their homes.",
            &[(Person, "Kory Honea"), (Loc, "Butte County")],
        );
        let bridge = doc(
            "m3",
            "2022-03-02",
            "Oroville spillway erodes; Butte County evacuated",
            "Sheriff Kory Honea ordered residents of Butte County to leave as the spillway of the Oroville dam eroded after days of rain.",
            &[
                (Person, "Kory Honea"),
                (Loc, "Butte County"),
                (Loc, "Oroville"),
            ],
        );
        let config = Config::default();
        let old = profiles(&[first, second]);
        let before = group(&old, &config);
        assert_eq!(before.groups.len(), 2, "{:#?}", before.groups);
        let added = profiles(&[bridge]);
        let after = update(&before, &old, &added, &config);
        let all: Vec<Profile> = old.iter().chain(&added).cloned().collect();
        assert_eq!(after, group(&all, &config));
        assert_eq!(after.groups.len(), 1, "{:#?}", after.groups);
        // the merged story keeps the id of its earliest member
        assert_eq!(after.groups[0].id, story_id("m1"));
        assert_eq!(
            after.groups[0].id,
            before
                .groups
                .iter()
                .find(|g| g.members == ["m1"])
                .unwrap()
                .id
        );
        assert_eq!(after.groups[0].members, ["m1", "m2", "m3"]);
    }

    #[test]
    fn profiles_round_trip_through_json() {
        let p = profile(&corpus()[0]);
        let json = serde_json::to_string(&p).unwrap();
        let back: Profile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn empty_input_gives_empty_grouping() {
        assert_eq!(group(&[], &Config::default()), Grouping::default());
        let p = profile(&Document::default());
        let g = group(std::slice::from_ref(&p), &Config::default());
        assert_eq!(g.groups.len(), 1);
    }

    #[test]
    fn stories_count_originals_and_take_the_central_headline() {
        let docs = corpus();
        let g = group(&profiles(&docs), &Config::default());
        let a = g
            .groups
            .iter()
            .find(|s| s.members.contains(&"a1".to_string()))
            .unwrap();
        let members: Vec<&Document> = docs
            .iter()
            .filter(|d| a.members.contains(&d.article.id))
            .collect();
        let s = story(a, &members, &g.duplicate_of);
        assert_eq!(s.size, 3);
        assert_eq!(
            s.documents
                .iter()
                .filter(|m| m.duplicate_of.is_some())
                .count(),
            1
        );
        assert!(!s.title.is_empty());
        assert_eq!(s.first_published, NaiveDate::from_ymd_opt(2021, 7, 1));
        assert_eq!(s.last_published, NaiveDate::from_ymd_opt(2021, 7, 2));
    }

    #[test]
    fn ranked_pair_scores_equal_the_plain_ones() {
        let docs = corpus();
        let ps = profiles(&docs);
        let config = Config::default();
        let index = cluster::Index::new(unique(ps.iter()));
        let n = index.profiles.len();
        let mut compared = 0;
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                let plain = score::pair(index.profiles[i], index.profiles[j], &config);
                let banded = cluster::Candidate::new(j, true);
                let ranked = index.pair(i, banded, None, &config).unwrap();
                assert_eq!(ranked, plain, "{i} {j}");
                // a pair that shares no band is not a duplicate: without the band only
                // the similarity goes, and with a floor only a pair below it
                let (ka, kb) = (
                    minhash::band_keys(&index.profiles[i].features.signature),
                    minhash::band_keys(&index.profiles[j].features.signature),
                );
                if ka.iter().any(|k| kb.contains(k)) {
                    continue;
                }
                let unbanded = cluster::Candidate::new(j, false);
                let bare = index.pair(i, unbanded, None, &config).unwrap();
                assert_eq!(bare.total, plain.total);
                assert!(plain.jaccard < config.duplicate_jaccard);
                if let Some(s) = index.pair(i, unbanded, Some(config.threshold), &config) {
                    assert_eq!(s.total, plain.total);
                } else {
                    assert!(plain.total < config.threshold);
                }
                compared += 1;
            }
        }
        assert!(compared > 0);
    }

    #[test]
    fn stories_with_known_profiles_are_the_same_records() {
        let docs = corpus();
        let ps = profiles(&docs);
        let g = group(&ps, &Config::default());
        let refs: Vec<&Document> = docs.iter().collect();
        let known: Vec<&Profile> = ps.iter().collect();
        for grp in &g.groups {
            let members: Vec<&Document> = refs
                .iter()
                .copied()
                .filter(|d| grp.members.contains(&d.article.id))
                .collect();
            assert_eq!(
                story_with(grp, &members, &known, &g.duplicate_of),
                story(grp, &members, &g.duplicate_of)
            );
        }
    }
}

//! Stories stored with the index: document profiles in the Tantivy documents, the grouping and the story records in side files.
//!
//! **Where things live, and why.** A document's [`Profile`] is a stored field of its
//! Tantivy document (`profile`, JSON), so it is committed atomically with the document
//! and a crash can never leave a document without its profile. The grouping and the
//! [`Story`] records change as documents arrive (stories grow, merge, get new ids), so
//! they are *not* Tantivy fields (that would mean rewriting member documents on every
//! merge): they are side files under `stories/` in the index directory (see
//! [`files`](self::files) for the layout), written as a new generation after the Tantivy
//! commit and switched to atomically by renaming `current.json`. A crash between the
//! commit and the switch leaves the previous generation, which covers fewer documents
//! than the index: the next ingest sees the difference ([`Index::stories_behind`]) and
//! groups the missing documents. Readers load the small directory file (ids, sizes,
//! members, byte ranges) once per generation and read only the records they return, so
//! listing stories never regroups.

pub(crate) mod files;

use crate::schema::name;
use crate::{Error, Index, Writer, tantivy_error};
use newsdesk_model::{Document, Story};
use newsdesk_stories::{Group, Grouping, Profile};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Stories whose records are built side by side before they are written.
const BUILD_CHUNK: usize = 512;
use tantivy::collector::DocSetCollector;
use tantivy::schema::Value;
use tantivy::{DocAddress, DocId, Searcher, SegmentReader, TantivyDocument};

pub(crate) use files::Loaded;

/// A story as named beside a document: id, label and size.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoryRef {
    /// The story id.
    pub id: String,
    /// Its readable label.
    pub title: String,
    /// How many documents it holds (copies included).
    pub size: usize,
}

/// A stored document with its story and copies: the record `newsdesk show --json`
/// prints and `GET /api/documents/ID` of `newsdesk serve` returns (the `extract --json`
/// record with `story`, `duplicate_of` and `copies` added). Read with [`Index::record`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentRecord {
    /// The document as stored.
    #[serde(flatten)]
    pub document: Document,
    /// The story holding it, once stories were computed.
    pub story: Option<StoryRef>,
    /// The earliest copy, when the document is a near-duplicate of it.
    pub duplicate_of: Option<String>,
    /// The other copies of the same report, earliest first.
    pub copies: Vec<String>,
}

/// What [`Writer::store_stories`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoriesWritten {
    /// Stories in the new grouping.
    pub stories: usize,
    /// Stories whose records were built again (new or changed); the others were copied.
    pub rebuilt: usize,
    /// Whether anything was written (nothing is when the grouping did not change).
    pub written: bool,
}

impl Index {
    /// The current stories generation, loaded once per generation and shared.
    pub(crate) fn loaded_stories(&self) -> Result<Option<Arc<Loaded>>, Error> {
        // Another process may switch generations between reading `current.json` and
        // opening its files (and delete the old ones): one more try sees the new one.
        let mut last = None;
        for _ in 0..3 {
            let Some(current) = files::read_current(&self.dir)? else {
                return Ok(None);
            };
            let mut cache = self
                .stories
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(loaded) = cache.as_ref()
                && loaded.current == current
            {
                return Ok(Some(Arc::clone(loaded)));
            }
            match files::load(&self.dir, current) {
                Ok(loaded) => {
                    let loaded = Arc::new(loaded);
                    *cache = Some(Arc::clone(&loaded));
                    return Ok(Some(loaded));
                }
                Err(e @ Error::Io { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| Error::StoriesCorrupt {
            dir: self.dir.clone(),
            what: "the stories kept changing while being read".into(),
        }))
    }

    /// Stories with at least `min_size` documents, largest first (then by id), at most
    /// `limit`; with `query`, only stories with a member matching it (Tantivy syntax, as
    /// [`Index::search`]). Answers from the stored records: nothing is regrouped.
    /// An index whose stories were never computed has none.
    pub fn stories(
        &self,
        query: Option<&str>,
        min_size: usize,
        limit: usize,
    ) -> Result<Vec<Story>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(Vec::new());
        };
        let matching = match query.filter(|q| !q.trim().is_empty()) {
            Some(q) => Some(self.matching_ids(q)?),
            None => None,
        };
        let selected: Vec<&files::Entry> = loaded
            .entries
            .iter()
            .take_while(|e| e.size >= min_size)
            .filter(|e| {
                matching
                    .as_ref()
                    .is_none_or(|m| e.members.iter().any(|(id, _)| m.contains(id)))
            })
            .take(limit)
            .collect();
        let records = files::read_records(&self.dir, loaded.current.generation, &selected)?;
        selected
            .iter()
            .zip(records)
            .map(|(entry, record)| match record {
                Some(story) => Ok(story),
                None => self.unstored_record(entry),
            })
            .collect()
    }

    /// The record of story `id` (`None` for an unknown id, or before stories are computed).
    pub fn story(&self, id: &str) -> Result<Option<Story>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(None);
        };
        let Some(entry) = loaded.by_story().get(id).map(|i| &loaded.entries[*i]) else {
            return Ok(None);
        };
        let record = files::read_records(&self.dir, loaded.current.generation, &[entry])?;
        match record.into_iter().next().flatten() {
            Some(story) => Ok(Some(story)),
            None => self.unstored_record(entry).map(Some),
        }
    }

    /// The record of a story stored without one (a story of one document), built from
    /// its stored document.
    fn unstored_record(&self, entry: &files::Entry) -> Result<Story, Error> {
        let group = Group {
            id: entry.id.clone(),
            members: entry.members.iter().map(|(m, _)| m.clone()).collect(),
            why: Vec::new(),
        };
        let duplicate_of = entry
            .members
            .iter()
            .filter_map(|(m, of)| Some((m.clone(), of.clone()?)))
            .collect();
        let mut docs = Vec::with_capacity(group.members.len());
        for id in &group.members {
            if let Some(doc) = self.get(id)? {
                docs.push(doc);
            }
        }
        let refs: Vec<&Document> = docs.iter().collect();
        Ok(newsdesk_stories::story(&group, &refs, &duplicate_of))
    }

    /// The record of document `id` with its story and copies, `None` when there is no
    /// such document.
    pub fn record(&self, id: &str) -> Result<Option<DocumentRecord>, Error> {
        let Some(document) = self.get(id)? else {
            return Ok(None);
        };
        Ok(Some(DocumentRecord {
            story: self.story_of(id)?,
            duplicate_of: self.duplicate_of(id)?,
            copies: self.copies_of(id)?,
            document,
        }))
    }

    /// The story holding document `id`, if its stories were computed.
    pub fn story_of(&self, id: &str) -> Result<Option<StoryRef>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(None);
        };
        let Some((i, _)) = loaded.member(id) else {
            return Ok(None);
        };
        let e = &loaded.entries[i];
        let title = if e.len == 0 {
            self.unstored_record(e)?.title
        } else {
            e.title.clone()
        };
        Ok(Some(StoryRef {
            id: e.id.clone(),
            title,
            size: e.size,
        }))
    }

    /// The earliest copy that document `id` is a near-duplicate of, if any.
    pub fn duplicate_of(&self, id: &str) -> Result<Option<String>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(None);
        };
        Ok(loaded.member(id).and_then(|(_, of)| of.map(str::to_string)))
    }

    /// The other documents that are copies of the same report as `id` (its original
    /// and the original's other copies), earliest first.
    pub fn copies_of(&self, id: &str) -> Result<Vec<String>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(Vec::new());
        };
        Ok(family(&loaded, id)
            .into_iter()
            .filter(|m| m != id)
            .collect())
    }

    /// The grouping stored by the last stories update (`None` if there was none); the
    /// `previous` of the next [`newsdesk_stories::update`].
    pub fn stored_grouping(&self) -> Result<Option<Grouping>, Error> {
        match files::read_current(&self.dir)? {
            Some(current) => files::read_grouping(&self.dir, current.generation).map(Some),
            None => Ok(None),
        }
    }

    /// Whether the stored stories cover exactly the live documents; when not, the
    /// documents missing from them and whether some they cover are gone.
    pub fn stories_behind(&self, grouping: Option<&Grouping>) -> Result<StoriesBehind, Error> {
        let live = self.live_ids()?;
        let grouped: HashSet<&str> = grouping
            .into_iter()
            .flat_map(|g| &g.groups)
            .flat_map(|g| &g.members)
            .map(String::as_str)
            .collect();
        let missing: BTreeSet<String> = live
            .iter()
            .filter(|id| !grouped.contains(String::as_str(id)))
            .cloned()
            .collect();
        let removed = grouped.iter().any(|id| !live.contains(*id));
        Ok(StoriesBehind {
            missing,
            removed,
            live: live.len(),
        })
    }

    /// Ids of every live committed document, from the `id` column.
    pub fn live_ids(&self) -> Result<HashSet<String>, Error> {
        let searcher = self.reader.searcher();
        let mut ids = HashSet::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let docs: Vec<DocId> = segment.doc_ids_alive().collect();
            ids.extend(self.ids_in(segment, &docs)?);
        }
        Ok(ids)
    }

    /// The ids of documents `docs` of `segment` (those that have one), from the `id` column.
    fn ids_in(&self, segment: &SegmentReader, docs: &[DocId]) -> Result<Vec<String>, Error> {
        let Some(column) = segment
            .fast_fields()
            .str(name::ID)
            .map_err(|e| tantivy_error(&self.dir, e))?
        else {
            return Ok(Vec::new());
        };
        let ids = crate::columns::first_texts(&column, docs).map_err(|source| Error::Io {
            dir: self.dir.clone(),
            source,
        })?;
        Ok(ids.into_iter().flatten().collect())
    }

    /// The profiles of every live committed document, in id order. A document stored
    /// without a readable profile (written by [`Writer::upsert`], say) gets one computed
    /// from its stored record.
    pub fn profiles(&self) -> Result<Vec<Profile>, Error> {
        let searcher = self.reader.searcher();
        let mut out = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(1).map_err(|e| Error::Io {
                dir: self.dir.clone(),
                source: e,
            })?;
            for doc in store.iter::<TantivyDocument>(segment.alive_bitset()) {
                let doc = doc.map_err(|e| tantivy_error(&self.dir, e))?;
                out.push(self.profile_of(&doc)?);
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    fn profile_of(&self, doc: &TantivyDocument) -> Result<Profile, Error> {
        let stored = doc
            .get_first(self.fields.profile)
            .and_then(|v| v.as_str())
            .and_then(|json| serde_json::from_str::<Profile>(json).ok());
        if let Some(p) = stored {
            return Ok(p);
        }
        let json = doc
            .get_first(self.fields.doc_json)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let document: Document = serde_json::from_str(json).map_err(|source| Error::Corrupt {
            dir: self.dir.clone(),
            id: doc
                .get_first(self.fields.id)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string(),
            source,
        })?;
        Ok(newsdesk_stories::profile(&document))
    }

    /// Ids of the documents matching `query`.
    fn matching_ids(&self, query: &str) -> Result<HashSet<String>, Error> {
        let parsed = self.parse(query)?;
        let searcher = self.reader.searcher();
        let found = searcher
            .search(parsed.as_ref(), &DocSetCollector)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut by_segment: BTreeMap<u32, Vec<DocId>> = BTreeMap::new();
        for address in &found {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push(address.doc_id);
        }
        let mut ids = HashSet::with_capacity(found.len());
        for (segment, docs) in by_segment {
            ids.extend(self.ids_in(searcher.segment_reader(segment), &docs)?);
        }
        Ok(ids)
    }

    /// The id of the document at `address`, from the `id` column.
    pub(crate) fn id_at(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<Option<String>, Error> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .str(name::ID)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let Some(column) = column else {
            return Ok(None);
        };
        let Some(ord) = column.term_ords(address.doc_id).next() else {
            return Ok(None);
        };
        let mut id = String::new();
        let found = column.ord_to_str(ord, &mut id).map_err(|e| Error::Io {
            dir: self.dir.clone(),
            source: e,
        })?;
        Ok(found.then_some(id))
    }

    /// The members of the `story:` query field: the ids of story `id`'s documents.
    pub(crate) fn story_members(&self, id: &str) -> Result<Vec<String>, Error> {
        let Some(loaded) = self.loaded_stories()? else {
            return Ok(Vec::new());
        };
        Ok(loaded
            .by_story()
            .get(id)
            .map(|i| {
                loaded.entries[*i]
                    .members
                    .iter()
                    .map(|(m, _)| m.clone())
                    .collect()
            })
            .unwrap_or_default())
    }
}

/// The copy family of `id`: its original and every copy of that original, earliest first
/// (just `id` when it has no copies).
pub(crate) fn family(loaded: &Loaded, id: &str) -> Vec<String> {
    let original = loaded
        .member(id)
        .and_then(|(_, of)| of.map(str::to_string))
        .unwrap_or_else(|| id.to_string());
    let mut out = vec![original.clone()];
    out.extend(loaded.copies_of(&original));
    out
}

/// How the stored stories differ from the live documents ([`Index::stories_behind`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoriesBehind {
    /// Live documents the stored stories do not cover, by id.
    pub missing: BTreeSet<String>,
    /// Whether the stored stories hold documents that are no longer in the index
    /// (replaced by a new version of their source): grouping must start over.
    pub removed: bool,
    /// How many live documents the index holds.
    pub live: usize,
}

impl StoriesBehind {
    /// Whether the stored stories cover exactly the live documents.
    pub fn is_current(&self) -> bool {
        self.missing.is_empty() && !self.removed
    }
}

impl Writer {
    /// Stores `grouping` and its story records as the index's stories.
    ///
    /// `build` makes the record of a story of two or more documents that is new or
    /// changed (other members, other reasons, or a member whose `duplicate_of` changed);
    /// the records of unchanged stories are copied from the previous generation. A story
    /// of one document gets no stored record: [`Index::stories`] builds it from the
    /// document when asked (it depends on that document alone, and storing one record
    /// per document would about double the index and the ingest time). Nothing is written when the
    /// grouping equals the stored one. Call it after [`Writer::commit`]: the stories
    /// describe committed documents.
    pub fn store_stories(
        &mut self,
        grouping: &Grouping,
        build: &(dyn Fn(&Group) -> Result<Story, Error> + Sync),
    ) -> Result<StoriesWritten, Error> {
        let dir = self.dir.clone();
        let current = files::read_current(&dir).ok().flatten();
        let (previous, loaded) = match current {
            Some(c) => match (
                files::read_grouping(&dir, c.generation),
                files::load(&dir, c),
            ) {
                (Ok(g), Ok(l)) => (Some(g), Some(l)),
                // Unreadable stories are rebuilt whole.
                _ => (None, None),
            },
            None => (None, None),
        };
        if previous.as_ref() == Some(grouping) {
            return Ok(StoriesWritten {
                stories: grouping.groups.len(),
                rebuilt: 0,
                written: false,
            });
        }
        let unchanged = unchanged_groups(previous.as_ref(), grouping);
        let old_entry = |group: &Group| {
            loaded
                .as_ref()
                .filter(|_| unchanged.contains(group.id.as_str()))
                .and_then(|l| l.by_story().get(&group.id).map(|i| &l.entries[*i]))
        };
        let mut writer = files::GenerationWriter::new(&dir, current)?;
        let mut rebuilt = 0;
        let mut old_records: Option<files::RecordReader> = None;
        // The records to build, a chunk of stories at a time, are built on the workers
        // (rayon's current pool) and written in the grouping's order.
        for chunk in grouping.groups.chunks(BUILD_CHUNK) {
            let built: Vec<Option<Result<Story, Error>>> = chunk
                .par_iter()
                .map(|group| {
                    (group.members.len() >= 2 && old_entry(group).is_none()).then(|| build(group))
                })
                .collect();
            for (group, built) in chunk.iter().zip(built) {
                let members: Vec<(String, Option<String>)> = group
                    .members
                    .iter()
                    .map(|m| (m.clone(), grouping.duplicate_of.get(m).cloned()))
                    .collect();
                if group.members.len() < 2 {
                    writer.push(&group.id, &members, "", &[])?;
                    continue;
                }
                if let (Some(entry), Some(l)) = (old_entry(group), loaded.as_ref()) {
                    if old_records.is_none() {
                        old_records = Some(files::RecordReader::open(&dir, l.current.generation)?);
                    }
                    if let Some(reader) = old_records.as_mut()
                        && let Some(bytes) = reader.read(entry.offset, entry.len)?
                    {
                        writer.push(&group.id, &members, &entry.title, &bytes)?;
                        continue;
                    }
                }
                // Built on the workers, or (an old record that could not be read) here.
                let story = match built {
                    Some(story) => story?,
                    None => build(group)?,
                };
                rebuilt += 1;
                let json = serde_json::to_vec(&story).map_err(|e| Error::Io {
                    dir: dir.clone(),
                    source: e.into(),
                })?;
                writer.push(&group.id, &members, &story.title, &json)?;
            }
        }
        writer.finish(grouping)?;
        Ok(StoriesWritten {
            stories: grouping.groups.len(),
            rebuilt,
            written: true,
        })
    }
}

/// Ids of the groups of `new` whose record would be the same as in `previous`: same
/// id, members, reasons and copies.
fn unchanged_groups<'a>(previous: Option<&Grouping>, new: &'a Grouping) -> HashSet<&'a str> {
    let Some(previous) = previous else {
        return HashSet::new();
    };
    let old: HashMap<&str, &Group> = previous.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    new.groups
        .iter()
        .filter(|g| {
            old.get(g.id.as_str()).is_some_and(|o| {
                *o == *g
                    && g.members
                        .iter()
                        .all(|m| previous.duplicate_of.get(m) == new.duplicate_of.get(m))
            })
        })
        .map(|g| g.id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchOptions;
    use crate::test_docs::{corpus, doc, index_with};
    use newsdesk_model::{Reason, StoryMember};
    use std::collections::BTreeMap;

    fn group(id: &str, members: &[&str]) -> Group {
        Group {
            id: id.into(),
            members: members.iter().map(|m| (*m).to_string()).collect(),
            why: if members.len() > 1 {
                vec![Reason {
                    kind: "entities".into(),
                    detail: "shared names: M4".into(),
                    weight: 1.0,
                }]
            } else {
                Vec::new()
            },
        }
    }

    fn grouping(groups: &[(&str, &[&str])], copies: &[(&str, &str)]) -> Grouping {
        Grouping {
            duplicate_of: copies
                .iter()
                .map(|(c, o)| ((*c).to_string(), (*o).to_string()))
                .collect(),
            groups: groups.iter().map(|(id, m)| group(id, m)).collect(),
        }
    }

    /// A record that names its group, so that tests can tell which were rebuilt.
    fn record(g: &Group, built: usize) -> Story {
        Story {
            id: g.id.clone(),
            title: format!("story {} (build {built})", g.id),
            size: g.members.len(),
            documents: g
                .members
                .iter()
                .map(|m| StoryMember {
                    id: m.clone(),
                    ..StoryMember::default()
                })
                .collect(),
            why: g.why.clone(),
            ..Story::default()
        }
    }

    /// Stores `grouping`, returning what was written and the ids of the rebuilt stories.
    fn store(index: &Index, grouping: &Grouping, build: usize) -> (StoriesWritten, Vec<String>) {
        let mut writer = index.writer(0).unwrap();
        let rebuilt = std::sync::Mutex::new(Vec::new());
        let written = writer
            .store_stories(grouping, &|g| {
                rebuilt.lock().unwrap().push(g.id.clone());
                Ok(record(g, build))
            })
            .unwrap();
        let mut rebuilt = rebuilt.into_inner().unwrap();
        rebuilt.sort();
        (written, rebuilt)
    }

    fn ids(stories: &[Story]) -> Vec<&str> {
        stories.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn the_story_facet_counts_matches_per_story_of_each_generation() {
        let (_dir, index) = index_with(&corpus());
        let story_counts = |query: &str| -> Vec<(String, u64)> {
            let f = index
                .facets(query, &crate::SearchOptions::default(), 10)
                .unwrap();
            f.values
                .iter()
                .filter(|v| v.kind == crate::FacetKind::Story)
                .map(|v| (v.value.clone(), v.documents))
                .collect()
        };
        assert!(story_counts("").is_empty(), "no stories stored yet");
        let g = grouping(&[("s-a", &["a1", "b2"]), ("s-c", &["c3"])], &[]);
        store(&index, &g, 1);
        // one-document stories are not counted
        assert_eq!(story_counts(""), [("s-a".to_string(), 2)]);
        assert_eq!(story_counts("Lavrov"), [("s-a".to_string(), 1)]);
        assert!(story_counts("Sochi").is_empty());
        // a new generation is counted afresh (the per-segment tables belong to one)
        let g = grouping(&[("s-b", &["b2", "c3"]), ("s-x", &["a1"])], &[]);
        store(&index, &g, 2);
        assert_eq!(story_counts(""), [("s-b".to_string(), 2)]);
        assert_eq!(story_counts("Sochi"), [("s-b".to_string(), 1)]);
    }

    #[test]
    fn stored_stories_are_listed_largest_first_and_filtered() {
        let (_dir, index) = index_with(&corpus());
        assert!(index.stories(None, 1, 10).unwrap().is_empty(), "none yet");
        assert_eq!(index.story_of("a1").unwrap(), None);
        let g = grouping(&[("s-a", &["a1", "b2"]), ("s-c", &["c3"])], &[]);
        let (written, rebuilt) = store(&index, &g, 1);
        assert!(written.written);
        assert_eq!(
            rebuilt,
            ["s-a"],
            "one-document stories have no stored record"
        );
        type Case<'a> = (Option<&'a str>, usize, usize, &'a [&'a str]);
        let cases: &[Case] = &[
            (None, 1, 10, &["s-a", "s-c"]),
            (None, 2, 10, &["s-a"]),
            (None, 1, 1, &["s-a"]),
            (None, 3, 10, &[]),
            (Some("Sochi"), 1, 10, &["s-c"]),
            (Some("Lavrov"), 1, 10, &["s-a"]),
            (Some("M4"), 1, 10, &["s-a", "s-c"]),
            (Some("nothingmatches"), 1, 10, &[]),
            (Some("  "), 2, 10, &["s-a"]),
        ];
        for (query, min_size, limit, expected) in cases {
            let got = index.stories(*query, *min_size, *limit).unwrap();
            assert_eq!(ids(&got), *expected, "{query:?} {min_size} {limit}");
        }
        let a = &index.stories(None, 2, 1).unwrap()[0];
        assert_eq!(a, &record(&g.groups[0], 1), "the record round-trips");
        // A one-document story's record is built from its document.
        let c = &index.stories(Some("Sochi"), 1, 1).unwrap()[0];
        let expected = newsdesk_stories::story(&g.groups[1], &[&corpus()[2]], &BTreeMap::new());
        assert_eq!(c, &expected);
        assert_eq!(
            index.story_of("c3").unwrap().map(|s| s.title),
            Some(expected.title)
        );
        assert_eq!(
            index.story_of("b2").unwrap(),
            Some(StoryRef {
                id: "s-a".into(),
                title: "story s-a (build 1)".into(),
                size: 2
            })
        );
        assert_eq!(index.stored_grouping().unwrap().as_ref(), Some(&g));
    }

    #[test]
    fn only_changed_stories_are_rebuilt_and_equal_groupings_write_nothing() {
        let (dir, index) = index_with(&corpus());
        let first = grouping(&[("s-a", &["a1"]), ("s-b", &["b2"]), ("s-c", &["c3"])], &[]);
        store(&index, &first, 1);
        // b2 joins a1's story; c3 is untouched and keeps its first record.
        let second = grouping(&[("s-a", &["a1", "b2"]), ("s-c", &["c3"])], &[]);
        let (written, rebuilt) = store(&index, &second, 2);
        assert_eq!((written.stories, written.rebuilt), (2, 1));
        assert_eq!(rebuilt, ["s-a"]);
        let titles: Vec<String> = index
            .stories(None, 2, 10)
            .unwrap()
            .into_iter()
            .map(|s| s.title)
            .collect();
        assert_eq!(titles, ["story s-a (build 2)"]);

        // A copy changes the record of its story only.
        let third = grouping(&[("s-a", &["a1", "b2"]), ("s-c", &["c3"])], &[("b2", "a1")]);
        let (_, rebuilt) = store(&index, &third, 3);
        assert_eq!(rebuilt, ["s-a"]);
        assert_eq!(index.duplicate_of("b2").unwrap().as_deref(), Some("a1"));
        assert_eq!(index.copies_of("a1").unwrap(), ["b2"]);
        assert_eq!(index.copies_of("b2").unwrap(), ["a1"]);
        assert!(index.copies_of("c3").unwrap().is_empty());
        // The record beside a document: the document, its story and its copies, with
        // the document's keys flattened into it.
        let record = index.record("b2").unwrap().unwrap();
        assert_eq!(
            Some(&record.document),
            corpus().iter().find(|d| d.article.id == "b2")
        );
        assert_eq!(record.story.as_ref().map(|s| s.id.as_str()), Some("s-a"));
        assert_eq!(
            (record.duplicate_of.as_deref(), &record.copies[..]),
            (Some("a1"), &["a1".to_string()][..])
        );
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(
            (&json["id"], &json["duplicate_of"], &json["story"]["size"]),
            (&"b2".into(), &"a1".into(), &2.into())
        );
        assert_eq!(index.record("nope").unwrap(), None);
        // The same grouping again: nothing written, one generation on disk.
        let (written, rebuilt) = store(&index, &third, 4);
        assert!(!written.written && rebuilt.is_empty());
        let mut files: Vec<String> = std::fs::read_dir(dir.path().join("idx").join("stories"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "current.json",
                "directory-3.tsv",
                "grouping-3.json",
                "records-3.ndjson"
            ]
        );
        // A new story beside: the others' records are copied, not built.
        let fourth = grouping(
            &[
                ("s-a", &["a1", "b2"]),
                ("s-c", &["c3"]),
                ("s-x", &["x1", "x2"]),
            ],
            &[("b2", "a1")],
        );
        let (_, rebuilt) = store(&index, &fourth, 5);
        assert_eq!(rebuilt, ["s-x"]);
        let titles: Vec<String> = index
            .stories(None, 2, 10)
            .unwrap()
            .into_iter()
            .map(|s| s.title)
            .collect();
        assert_eq!(titles, ["story s-a (build 3)", "story s-x (build 5)"]);
    }

    #[test]
    fn search_collapses_copies_and_knows_story_ids() {
        let base = doc(
            "x",
            "s",
            Some("2020-03-05"),
            None,
            "joint patrols on the corridor",
            &[],
            &[],
        );
        let docs: Vec<_> = ["t1", "t2", "t3", "u1"]
            .iter()
            .map(|id| {
                let mut d = base.clone();
                d.article.id = (*id).into();
                d.article.source = format!("src/{id}");
                d
            })
            .collect();
        let (_dir, index) = index_with(&docs);
        let g = grouping(
            &[("s-t", &["t1", "t2", "t3"]), ("s-u", &["u1"])],
            &[("t2", "t1"), ("t3", "t1")],
        );
        store(&index, &g, 1);
        let search = |q: &str, all: bool| {
            let options = SearchOptions {
                limit: 10,
                all_copies: all,
                ..SearchOptions::default()
            };
            index
                .search(q, &options)
                .unwrap()
                .into_iter()
                .map(|h| (h.id, h.story, h.duplicate_of, h.copies))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            search("corridor", false),
            [
                ("t1".into(), s("s-t"), None, 2),
                ("u1".into(), s("s-u"), None, 0)
            ]
        );
        assert_eq!(search("corridor", true).len(), 4);
        assert_eq!(
            search("story:s-t AND patrols", true)
                .into_iter()
                .map(|h| h.0)
                .collect::<Vec<_>>(),
            ["t1", "t2", "t3"]
        );
        // A copy ranked alone still shows, counting its family.
        assert_eq!(
            search("id:t3", false),
            [("t3".into(), s("s-t"), s("t1"), 2)]
        );
        let limited = SearchOptions {
            limit: 1,
            ..SearchOptions::default()
        };
        assert_eq!(index.search("corridor", &limited).unwrap().len(), 1);
        let s_t = index.story("s-t").unwrap().expect("story s-t");
        assert_eq!(s_t.id, "s-t");
        assert_eq!(index.story("s-u").unwrap().map(|s| s.size), Some(1));
        assert_eq!(index.story("unknown").unwrap(), None);
        for q in ["story:unknown", "story:\"s-u\" AND nothing", "(story:)"] {
            assert!(search(q, true).is_empty(), "{q}");
        }
        assert_eq!(
            index
                .count("story:\"s-u\"", &SearchOptions::default())
                .unwrap(),
            1
        );
    }

    #[test]
    fn stories_behind_tells_missing_and_removed_documents() {
        let (_dir, index) = index_with(&corpus());
        let behind = index.stories_behind(None).unwrap();
        assert_eq!(
            behind
                .missing
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            ["a1", "b2", "c3"]
        );
        let g = grouping(&[("s-a", &["a1", "gone"])], &[]);
        let behind = index.stories_behind(Some(&g)).unwrap();
        assert!(behind.removed && !behind.is_current());
        let all = grouping(&[("s-a", &["a1", "b2"]), ("s-c", &["c3"])], &[]);
        assert!(index.stories_behind(Some(&all)).unwrap().is_current());
        // Documents upserted without a profile get one computed from the record.
        let profiles = index.profiles().unwrap();
        let ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a1", "b2", "c3"]);
        assert_eq!(profiles[0], newsdesk_stories::profile(&corpus()[0]));
    }

    #[test]
    fn unreadable_stories_are_an_error_not_a_panic() {
        let (dir, index) = index_with(&corpus());
        store(&index, &grouping(&[("s-a", &["a1", "b2", "c3"])], &[]), 1);
        let stories = dir.path().join("idx").join("stories");
        std::fs::write(stories.join("directory-1.tsv"), "s-a\tnot a number\n").unwrap();
        // A fresh handle: the loaded generation is cached per handle.
        let again = Index::open(&dir.path().join("idx")).unwrap();
        let e = again.stories(None, 1, 10).unwrap_err();
        assert!(
            e.to_string().contains("the stored stories are unreadable"),
            "{e}"
        );
        std::fs::write(stories.join("current.json"), "{").unwrap();
        assert!(again.story_of("a1").is_err());
        // Storing again rebuilds every record.
        let (written, rebuilt) = store(&again, &grouping(&[("s-a", &["a1", "b2", "c3"])], &[]), 2);
        assert!(written.written);
        assert_eq!(rebuilt, ["s-a"]);
        assert_eq!(again.stories(None, 1, 10).unwrap().len(), 1);
    }
}

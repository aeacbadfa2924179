//! Merging shard indexes into one new index by Tantivy segments, one copy kept per content id.
//!
//! Each shard is opened like any index (so a shard of another schema version is refused,
//! naming it) and its writer lock is held while it is read, so no ingest changes it under the
//! merge. Every live document of every shard is listed from the fast fields (`id`, `source`,
//! `input_key`), without reading stored documents. When a content id is in several shards
//! the copy with the byte-wise smallest source is kept (then the smallest input key, then
//! the first shard in path order): a single `ingest` keeps the first copy in input order, and
//! its inputs are in byte-wise path order when it walks a directory, so this is the copy it
//! keeps over the same files. Then Tantivy's merger writes the kept documents of every shard
//! segment into one new segment (postings, positions, fast fields, field norms and the stored
//! documents with their stories profiles and input keys), so nothing is cleaned or extracted
//! again. A segment that loses a copy is first written again without it, from its stored
//! records (only tokenized again): the merger estimates a filtered segment's token counts from
//! quantised field norms, and the collection statistics (document frequencies, average
//! lengths, so BM25 scores) must be exactly those of the kept documents, as in a single
//! ingest. Segments go into the merger ordered by
//! their smallest kept id, so the merged index does not depend on the order of the shards.

use crate::schema::{self, name};
use crate::{CREATABLE_LEFTOVERS, Error, Index, tantivy_error};
use newsdesk_model::Document;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use tantivy::directory::{DirectoryLock, INDEX_WRITER_LOCK, MmapDirectory};
use tantivy::fastfield::AliveBitSet;
use tantivy::index::{IndexSettings, Segment, SegmentReader};
use tantivy::{BitSet, Directory, DocId, TantivyDocument};

/// What [`Index::merge`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Shards read.
    pub shards: usize,
    /// Live documents in the shards, copies included.
    pub read: u64,
    /// Documents in the merged index.
    pub documents: u64,
    /// Documents dropped because another shard holds the same content id.
    pub duplicates: u64,
    /// Sources found in several shards with different content, and what was kept.
    pub conflicts: Vec<SourceConflict>,
}

/// One source that several shards hold with different content (different content ids).
///
/// A single ingest never sees this (a source is read once per run, and a new version of a
/// source replaces the old one), so it means the same input went into two shards and changed
/// in between. The merge keeps the smallest id, deterministically, and reports the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceConflict {
    /// The source.
    pub source: String,
    /// The id of the document kept for it.
    pub kept: String,
    /// The ids dropped, each with the shard it came from.
    pub dropped: Vec<(String, PathBuf)>,
}

/// One live document of a shard, as listed for the merge.
#[derive(Debug)]
struct Copy {
    source: String,
    input_key: Option<u64>,
    /// Position of the shard in path order.
    shard: usize,
    /// Position of the segment in [`Shard::segments`].
    segment: usize,
    doc: DocId,
}

impl Copy {
    /// The order in which copies of one content id are preferred (smallest first).
    fn preference(&self, other: &Copy) -> Ordering {
        self.source
            .as_bytes()
            .cmp(other.source.as_bytes())
            .then(self.input_key.cmp(&other.input_key))
            .then(self.shard.cmp(&other.shard))
    }
}

/// An open shard, locked against writers while it is read.
struct Shard {
    index: Index,
    segments: Vec<Segment>,
    _lock: DirectoryLock,
}

impl Index {
    /// Merges the shard indexes `shards` into a new index in `out` and opens it.
    ///
    /// `out` must not exist or be an empty directory ([`Error::MergeInto`] otherwise); each
    /// shard must be a newsdesk index of this schema version ([`Error::SchemaVersion`],
    /// [`Error::NotAnIndex`], [`Error::NotFound`] naming it) that no writer holds
    /// ([`Error::Locked`]). See the module documentation for which copy of a content id in
    /// several shards is kept. The merged index has the same documents, input keys and
    /// stories profiles as an ingest of all the shards' inputs into one index, but no
    /// stories: group them after the merge, over the union (the stories of the shards are
    /// not read). An interrupted merge leaves `out` unusable as an index (it holds files but
    /// no `meta.json`); remove it and merge again.
    pub fn merge(out: &Path, shards: &[PathBuf]) -> Result<(Index, Merged), Error> {
        check_target(out)?;
        let mut order: Vec<&PathBuf> = shards.iter().collect();
        order.sort_by(|a, b| {
            a.as_os_str()
                .as_encoded_bytes()
                .cmp(b.as_os_str().as_encoded_bytes())
        });
        // A shard named twice (under any spelling) is read once: its second listing would
        // only add copies of itself, and its lock cannot be taken twice.
        let mut seen = std::collections::HashSet::new();
        order.retain(|dir| {
            seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()))
        });
        let opened = order
            .iter()
            .map(|dir| open_shard(dir))
            .collect::<Result<Vec<_>, Error>>()?;

        // The preferred copy of every content id.
        let mut kept: HashMap<String, Copy> = HashMap::new();
        let mut read = 0u64;
        // Every input key with its content id: of each copy, and those the shards recorded
        // for inputs that gave a document they already held (see `input_keys`).
        let mut keys: Vec<(u64, String)> = Vec::new();
        for shard in &opened {
            keys.extend(crate::input_keys::read(shard.index.dir())?);
        }
        for (s, shard) in opened.iter().enumerate() {
            for (g, segment) in shard.segments.iter().enumerate() {
                let dir = shard.index.dir();
                let reader = SegmentReader::open(segment).map_err(|e| tantivy_error(dir, e))?;
                for (doc, id, source, input_key) in live_documents(dir, &reader)? {
                    read += 1;
                    if let Some(key) = input_key {
                        keys.push((key, id.clone()));
                    }
                    let copy = Copy {
                        source,
                        input_key,
                        shard: s,
                        segment: g,
                        doc,
                    };
                    match kept.get_mut(&id) {
                        Some(best) if copy.preference(best) == Ordering::Less => *best = copy,
                        Some(_) => {}
                        None => {
                            kept.insert(id, copy);
                        }
                    }
                }
            }
        }
        let conflicts = resolve_sources(&mut kept, &order);

        // What the merger keeps of each segment, and each segment's smallest kept id.
        let mut alive: Vec<Vec<Option<(BitSet, &str)>>> = opened
            .iter()
            .map(|s| s.segments.iter().map(|_| None).collect())
            .collect();
        for (id, copy) in &kept {
            let segment = &opened[copy.shard].segments[copy.segment];
            let slot = &mut alive[copy.shard][copy.segment];
            let (bits, first) = slot.get_or_insert_with(|| {
                (
                    BitSet::with_max_value(segment.meta().max_doc()),
                    id.as_str(),
                )
            });
            bits.insert(copy.doc);
            if id.as_str() < *first {
                *first = id;
            }
        }
        let documents = kept.len() as u64;
        let merged = Merged {
            shards: opened.len(),
            read,
            documents,
            duplicates: read
                - documents
                - conflicts
                    .iter()
                    .map(|c| c.dropped.len() as u64)
                    .sum::<u64>(),
            conflicts,
        };
        if alive.iter().flatten().all(Option::is_none) {
            return Ok((Index::create_or_open(out)?, merged));
        }
        std::fs::create_dir_all(out).map_err(|source| Error::Io {
            dir: out.to_path_buf(),
            source,
        })?;
        // As in `create_new`: the version file first, so that a directory left by a crash
        // before `meta.json` is written is never read as an index.
        schema::write_version(out)?;

        // A segment whose documents are all kept goes into the merger as it is. One that
        // loses a copy (or holds deletes of its own) is first written again, without the
        // dropped documents, into a scratch index: Tantivy's merger estimates a filtered
        // segment's token counts from the quantised field norms, which would change the
        // average lengths, and so the BM25 scores, from those of a single ingest.
        let scratch = out.join(SCRATCH);
        let mut parts: Vec<(&str, Segment)> = Vec::new();
        let mut rebuilt: Vec<tantivy::Index> = Vec::new();
        for (s, segments) in alive.into_iter().enumerate() {
            for (g, slot) in segments.into_iter().enumerate() {
                let Some((bits, first)) = slot else { continue };
                let segment = &opened[s].segments[g];
                if bits.len() as u32 == segment.meta().max_doc() {
                    parts.push((first, segment.clone()));
                    continue;
                }
                let index = rewrite(
                    &opened[s].index,
                    segment,
                    &bits,
                    &scratch.join(format!("{s}-{g}")),
                )?;
                for part in index
                    .searchable_segments()
                    .map_err(|e| tantivy_error(out, e))?
                {
                    parts.push((first, part));
                }
                rebuilt.push(index);
            }
        }
        parts.sort_by(|a, b| a.0.cmp(b.0));
        let directory = MmapDirectory::open(out).map_err(|e| Error::Io {
            dir: out.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let (segments, filters): (Vec<Segment>, Vec<Option<AliveBitSet>>) =
            parts.into_iter().map(|(_, s)| (s, None)).unzip();
        tantivy::indexer::merge_filtered_segments(
            &segments,
            IndexSettings::default(),
            filters,
            directory,
        )
        .map_err(|e| tantivy_error(out, e))?;
        drop(segments);
        drop(rebuilt);
        if scratch.exists() {
            std::fs::remove_dir_all(&scratch).map_err(|source| Error::Io {
                dir: scratch.clone(),
                source,
            })?;
        }
        drop(opened);
        // The keys of the copies not kept, as an ingest of all the inputs records them.
        keys.retain(|(key, id)| kept.get(id).is_some_and(|c| c.input_key != Some(*key)));
        if !keys.is_empty() {
            crate::input_keys::write(out, &keys)?;
        }
        Ok((Index::open(out)?, merged))
    }
}

/// Refuses a merge target that holds anything but what an empty new index may hold.
fn check_target(out: &Path) -> Result<(), Error> {
    let refuse = |reason| Error::MergeInto {
        dir: out.to_path_buf(),
        reason,
    };
    match std::fs::metadata(out) {
        Ok(m) if !m.is_dir() => return Err(refuse("it is not a directory")),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Io {
                dir: out.to_path_buf(),
                source,
            });
        }
    }
    if out.join("meta.json").exists() {
        return Err(refuse("it already holds an index"));
    }
    let entries = std::fs::read_dir(out).map_err(|source| Error::Io {
        dir: out.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            dir: out.to_path_buf(),
            source,
        })?;
        if !CREATABLE_LEFTOVERS.iter().any(|n| entry.file_name() == *n) {
            return Err(refuse("it is not empty"));
        }
    }
    Ok(())
}

/// Opens a shard, takes its writer lock and lists its segments.
fn open_shard(dir: &Path) -> Result<Shard, Error> {
    let index = Index::open(dir)?;
    let lock = index
        .index
        .directory()
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|e| match e {
            tantivy::directory::error::LockError::LockBusy => Error::Locked {
                dir: dir.to_path_buf(),
            },
            tantivy::directory::error::LockError::IoError(source) => Error::Io {
                dir: dir.to_path_buf(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            },
        })?;
    // The segments of the last commit, read after the lock so that no writer changes them.
    let segments = index
        .index
        .searchable_segments()
        .map_err(|e| tantivy_error(dir, e))?;
    Ok(Shard {
        index,
        segments,
        _lock: lock,
    })
}

/// One live document of a segment: address, id, source and input key.
type LiveDocument = (DocId, String, String, Option<u64>);

/// The live documents of a segment.
fn live_documents(dir: &Path, reader: &SegmentReader) -> Result<Vec<LiveDocument>, Error> {
    let fast = reader.fast_fields();
    let ids = fast.str(name::ID).map_err(|e| tantivy_error(dir, e))?;
    let sources = fast.str(name::SOURCE).map_err(|e| tantivy_error(dir, e))?;
    let keys = fast
        .u64(name::INPUT_KEY)
        .map_err(|e| tantivy_error(dir, e))?;
    let (Some(ids), Some(sources)) = (ids, sources) else {
        // A segment without the id column holds no document with an id.
        return Ok(Vec::new());
    };
    let io = |source| Error::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let docs: Vec<DocId> = reader.doc_ids_alive().collect();
    let id_texts = crate::columns::first_texts(&ids, &docs).map_err(io)?;
    let source_texts = crate::columns::first_texts(&sources, &docs).map_err(io)?;
    let mut out = Vec::with_capacity(docs.len());
    for ((doc, id), source) in docs.into_iter().zip(id_texts).zip(source_texts) {
        let Some(id) = id.filter(|id| !id.is_empty()) else {
            continue;
        };
        out.push((doc, id, source.unwrap_or_default(), keys.first(doc)));
    }
    Ok(out)
}

/// Keeps one content id per source: when several shards hold one source with different
/// content, the smallest id stays and the others are dropped and reported.
fn resolve_sources(kept: &mut HashMap<String, Copy>, shards: &[&PathBuf]) -> Vec<SourceConflict> {
    let mut by_source: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, copy) in kept.iter() {
        by_source.entry(copy.source.as_str()).or_default().push(id);
    }
    let mut conflicts: Vec<SourceConflict> = by_source
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(source, mut ids)| {
            ids.sort_unstable();
            SourceConflict {
                source: source.to_string(),
                kept: ids[0].to_string(),
                dropped: ids[1..]
                    .iter()
                    .map(|id| ((*id).to_string(), PathBuf::new()))
                    .collect(),
            }
        })
        .collect();
    for conflict in &mut conflicts {
        for (id, shard) in &mut conflict.dropped {
            if let Some(copy) = kept.remove(id.as_str()) {
                *shard = shards[copy.shard].clone();
            }
        }
    }
    conflicts
}

/// The folder inside the merge target where segments that lose documents are written again
/// before the merge; removed when the merge is done.
const SCRATCH: &str = ".merge-scratch";

/// Writes the documents of `segment` (of the shard `shard`) that are in `keep` into a new
/// index in `dir`, from their stored records: the document, its input key and its stories
/// profile are stored, so every field is indexed again exactly as the shard's ingest did,
/// without cleaning or extracting anything. The documents keep their order.
fn rewrite(
    shard: &Index,
    segment: &Segment,
    keep: &BitSet,
    dir: &Path,
) -> Result<tantivy::Index, Error> {
    let io = |source: std::io::Error| Error::Io {
        dir: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let index =
        tantivy::Index::create_in_dir(dir, segment.schema()).map_err(|e| tantivy_error(dir, e))?;
    schema::register_tokenizers(&index);
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(1)
        .memory_budget_per_thread(REWRITE_BUDGET)
        .num_merge_threads(1)
        .build();
    let mut writer: tantivy::IndexWriter = index
        .writer_with_options(options)
        .map_err(|e| tantivy_error(dir, e))?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let from = shard.dir();
    let reader = SegmentReader::open(segment).map_err(|e| tantivy_error(from, e))?;
    let store = reader.get_store_reader(8).map_err(|source| Error::Io {
        dir: from.to_path_buf(),
        source,
    })?;
    let keys = reader
        .fast_fields()
        .u64(name::INPUT_KEY)
        .map_err(|e| tantivy_error(from, e))?;
    let f = &shard.fields;
    for doc in (0..segment.meta().max_doc()).filter(|d| keep.contains(*d)) {
        let stored: TantivyDocument = store.get(doc).map_err(|e| tantivy_error(from, e))?;
        use tantivy::schema::Value as _;
        let text = |field| stored.get_first(field).and_then(|v| v.as_str());
        let id = text(f.id).unwrap_or_default().to_string();
        let document: Document = serde_json::from_str(text(f.doc_json).unwrap_or_default())
            .map_err(|source| Error::Corrupt {
                dir: from.to_path_buf(),
                id: id.clone(),
                source,
            })?;
        let mut again = schema::to_tantivy(&document, f)?;
        if let Some(key) = keys.first(doc) {
            again.add_u64(f.input_key, key);
        }
        if let Some(profile) = text(f.profile) {
            again.add_text(f.profile, profile);
        }
        writer
            .add_document(again)
            .map_err(|e| tantivy_error(dir, e))?;
    }
    writer.commit().map_err(|e| tantivy_error(dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| tantivy_error(dir, e))?;
    Ok(index)
}

/// The indexing memory of a rewrite: a segment is at most a few thousand documents.
const REWRITE_BUDGET: usize = 64 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::corpus;
    use crate::{SCHEMA_FILE, SearchOptions, Upsert};

    /// A committed index in `dir` of `docs` (document, input key), with a commit after each
    /// document marked `true`, so that shards have several segments.
    fn build(dir: &Path, docs: &[(&Document, u64, bool)]) -> Index {
        let index = Index::create_or_open(dir).unwrap();
        let mut writer = index.writer(0).unwrap();
        for (doc, key, commit) in docs {
            // As `newsdesk ingest` does: a copy of a document already held records its key.
            if writer.upsert_keyed(doc, Some(*key)).unwrap() == Upsert::Unchanged {
                assert!(writer.record_input_key(&doc.article.id, *key).unwrap());
            }
            if *commit {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        drop(writer);
        index.reload().unwrap();
        index
    }

    /// Everything a reader sees: hits of several queries, every stored document, input keys
    /// (those of the copies not kept included).
    fn view(index: &Index) -> (Vec<Vec<crate::Hit>>, Vec<Option<Document>>, Vec<u64>) {
        let options = SearchOptions {
            limit: 10,
            ..SearchOptions::default()
        };
        let hits = [
            "",
            "ceasefire",
            "M4 corridor",
            "person:Erdogan",
            "patrols OR Sochi",
        ]
        .iter()
        .map(|q| index.search(q, &options).unwrap())
        .collect();
        let docs = ["a1", "b2", "c3", "d4"]
            .iter()
            .map(|id| index.get(id).unwrap())
            .collect();
        let mut keys: Vec<u64> = index.input_keys().unwrap().into_iter().collect();
        keys.sort_unstable();
        (hits, docs, keys)
    }

    #[test]
    fn merged_shards_read_like_one_ingest_of_all_inputs() {
        let docs = corpus();
        let mut mirror = docs[0].clone();
        mirror.article.source = "mirror/a.txt".into();
        mirror.article.title = Some("A mirrored copy".into());
        let mut other = docs[1].clone();
        other.article.id = "d4".into();
        other.article.source = "news/d.txt".into();
        other.article.text = "An unrelated report on the corridor.".into();
        let tmp = tempfile::tempdir().unwrap();
        // One ingest of every input in byte-wise source order: the mirror comes before
        // news/a.txt, so it is the copy of a1 that is kept.
        let single = build(
            &tmp.path().join("single"),
            &[
                (&docs[2], 3, false),
                (&mirror, 4, false),
                (&docs[0], 1, false),
                (&docs[1], 2, false),
                (&other, 5, false),
            ],
        );
        assert_eq!(single.num_docs(), 4);
        let one = tmp.path().join("one");
        let two = tmp.path().join("two");
        let three = tmp.path().join("three");
        build(
            &one,
            &[(&docs[0], 1, true), (&docs[1], 2, true), (&other, 5, false)],
        );
        build(&two, &[(&docs[2], 3, true), (&mirror, 4, false)]);
        build(&three, &[]);
        let expected = view(&single);
        assert_eq!(
            expected.1[0].as_ref().map(|d| d.article.source.as_str()),
            Some("mirror/a.txt")
        );
        let orders = [
            vec![one.clone(), two.clone(), three.clone()],
            vec![three.clone(), two.clone(), one.clone()],
            vec![two.clone(), one.clone()],
        ];
        let mut files: Option<Vec<(String, Vec<u8>)>> = None;
        for (i, shards) in orders.iter().enumerate() {
            let out = tmp.path().join(format!("merged-{i}"));
            let (merged, summary) = Index::merge(&out, shards).unwrap();
            assert_eq!(
                summary,
                Merged {
                    shards: shards.len(),
                    read: 5,
                    documents: 4,
                    duplicates: 1,
                    conflicts: Vec::new(),
                }
            );
            assert_eq!(merged.num_docs(), 4);
            assert_eq!(view(&merged), expected, "shards {shards:?}");
            assert!(
                !out.join(SCRATCH).exists(),
                "the rewritten segments are removed"
            );
            // The merged index does not depend on the order of the shards: one segment,
            // the same bytes apart from the segment id in its file names.
            let mut content: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap())
                .filter(|e| e.file_name().to_string_lossy().contains(".store"))
                .map(|e| ("store".to_string(), std::fs::read(e.path()).unwrap()))
                .collect();
            content.sort();
            assert_eq!(content.len(), 1, "one merged segment");
            match &files {
                Some(first) => assert_eq!(&content, first),
                None => files = Some(content),
            }
        }
    }

    #[test]
    fn empty_shards_merge_into_an_empty_index() {
        let tmp = tempfile::tempdir().unwrap();
        let empty = tmp.path().join("empty");
        build(&empty, &[]);
        for shards in [vec![], vec![empty.clone(), empty.clone()]] {
            let out = tmp.path().join(format!("out-{}", shards.len()));
            let (merged, summary) = Index::merge(&out, &shards).unwrap();
            assert_eq!(merged.num_docs(), 0);
            assert_eq!(summary.documents, 0);
            assert_eq!(
                summary.shards,
                shards.len().min(1),
                "a shard named twice is read once"
            );
            drop(merged);
            assert_eq!(Index::open(&out).unwrap().num_docs(), 0);
        }
    }

    /// `Index::merge(out, shards)` fails with a one-line message containing `expected`.
    fn check_error(out: &Path, shards: &[PathBuf], expected: &str) {
        match Index::merge(out, shards) {
            Ok(_) => panic!("merging {shards:?} into {} should fail", out.display()),
            Err(e) => {
                let message = e.to_string();
                assert!(message.contains(expected), "{message:?} lacks {expected:?}");
                assert!(!message.contains('\n'), "{message:?}");
            }
        }
    }

    #[test]
    fn bad_shards_and_targets_are_refused_by_name() {
        let tmp = tempfile::tempdir().unwrap();
        let good = tmp.path().join("good");
        build(&good, &[(&corpus()[0], 1, false)]);
        let old = tmp.path().join("old");
        build(&old, &[(&corpus()[1], 2, false)]);
        std::fs::write(old.join(SCHEMA_FILE), r#"{"version": 5}"#).unwrap();
        let out = tmp.path().join("out");
        check_error(
            &out,
            &[good.clone(), old.clone()],
            &format!(
                "index at {} has schema version 5, this newsdesk expects {}",
                old.display(),
                crate::SCHEMA_VERSION
            ),
        );
        let missing = tmp.path().join("missing");
        check_error(
            &out,
            &[good.clone(), missing.clone()],
            &format!("no index at {}", missing.display()),
        );
        assert!(!out.exists(), "nothing is written when a shard is refused");

        // The target must be new or empty.
        check_error(
            &good,
            std::slice::from_ref(&good),
            &format!(
                "cannot merge into {}: it already holds an index",
                good.display()
            ),
        );
        let busy = tmp.path().join("busy");
        std::fs::create_dir(&busy).unwrap();
        std::fs::write(busy.join("notes.txt"), "x").unwrap();
        check_error(
            &busy,
            std::slice::from_ref(&good),
            "it is not empty; merge writes a new index",
        );

        // A shard being written is refused.
        let index = Index::open(&good).unwrap();
        let writer = index.writer(0).unwrap();
        check_error(
            &out,
            std::slice::from_ref(&good),
            &format!(
                "index {} is locked by another newsdesk process",
                good.display()
            ),
        );
        drop(writer);
        let (merged, _) = Index::merge(&out, &[good]).unwrap();
        assert_eq!(merged.num_docs(), 1);
    }

    #[test]
    fn a_source_with_other_content_in_another_shard_is_reported() {
        let docs = corpus();
        let mut edited = docs[0].clone();
        edited.article.id = "a0".into();
        edited.article.text.push_str(" Updated.");
        let tmp = tempfile::tempdir().unwrap();
        let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
        build(&one, &[(&docs[0], 1, false), (&docs[1], 2, false)]);
        build(&two, &[(&edited, 3, false)]);
        let (merged, summary) = Index::merge(&tmp.path().join("out"), &[one.clone(), two]).unwrap();
        assert_eq!(
            summary.conflicts,
            [SourceConflict {
                source: "news/a.txt".into(),
                kept: "a0".into(),
                dropped: vec![("a1".into(), one)],
            }]
        );
        assert_eq!((summary.documents, summary.duplicates), (2, 0));
        assert!(merged.get("a1").unwrap().is_none());
        assert_eq!(merged.get("a0").unwrap(), Some(edited));
    }

    #[test]
    fn deleted_documents_of_a_shard_stay_deleted() {
        let docs = corpus();
        let mut edited = docs[0].clone();
        edited.article.id = "a9".into();
        let tmp = tempfile::tempdir().unwrap();
        let shard = tmp.path().join("shard");
        let index = build(&shard, &[(&docs[0], 1, true), (&docs[1], 2, true)]);
        let mut writer = index.writer(0).unwrap();
        assert_eq!(writer.upsert(&edited).unwrap(), Upsert::Replaced);
        writer.commit().unwrap();
        drop(writer);
        let (merged, summary) = Index::merge(&tmp.path().join("out"), &[shard]).unwrap();
        assert_eq!((summary.read, summary.documents), (2, 2));
        assert!(merged.get("a1").unwrap().is_none());
        assert!(merged.get("a9").unwrap().is_some());
    }
}

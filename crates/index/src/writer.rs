//! The single index writer: idempotent upsert by content id, replacement by source, atomic commits.

use crate::schema::{self, Fields};
use crate::{Error, Index, Upsert, tantivy_error};
use newsdesk_model::Document;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexReader, IndexWriter, TantivyDocument, Term};

/// Tantivy's smallest memory budget per indexing thread (15 MB).
const MIN_BUDGET_PER_THREAD: usize = 15_000_000;
/// Tantivy's largest memory budget per indexing thread (about 4 GB).
const MAX_BUDGET_PER_THREAD: usize = u32::MAX as usize - 1_000_000;
/// More indexing threads than this rarely pay off for news-sized documents.
const MAX_THREADS: usize = 4;

/// The most documents a merge may produce.
///
/// A merge reads its input segments whole (through memory maps, which count
/// as resident memory) and builds parts of the merged segment in memory, so the
/// largest merge sets the peak memory of a long ingest. Tantivy's default lets
/// merges grow with the corpus (up to ten million documents); with this bound
/// and one merge at a time the peak stays the same whatever the corpus size,
/// for a few more segments to search (about one per 40,000 documents).
const MAX_MERGED_DOCS: u32 = 40_000;

/// Tantivy's log merge policy, with every merge cut down to at most
/// [`MAX_MERGED_DOCS`] documents (its smallest segments first); segments
/// already that large are left alone.
#[derive(Debug)]
struct BoundedMerges {
    inner: tantivy::merge_policy::LogMergePolicy,
    max_docs: u32,
}

impl BoundedMerges {
    fn new(max_docs: u32) -> BoundedMerges {
        let mut inner = tantivy::merge_policy::LogMergePolicy::default();
        inner.set_max_docs_before_merge(max_docs as usize / 2);
        // Four at a time (Tantivy's default is eight), so that merges reach the
        // bound early in a run, not only in very long ones.
        inner.set_min_num_segments(4);
        BoundedMerges { inner, max_docs }
    }
}

impl tantivy::merge_policy::MergePolicy for BoundedMerges {
    fn compute_merge_candidates(
        &self,
        segments: &[tantivy::SegmentMeta],
    ) -> Vec<tantivy::merge_policy::MergeCandidate> {
        let docs = |id: &tantivy::index::SegmentId| {
            segments
                .iter()
                .find(|s| s.id() == *id)
                .map_or(u32::MAX, tantivy::SegmentMeta::num_docs)
        };
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .filter_map(|candidate| {
                let mut ids = candidate.0;
                ids.sort_by_key(|id| (docs(id), *id));
                let mut total = 0u64;
                let kept: Vec<_> = ids
                    .into_iter()
                    .take_while(|id| {
                        total += u64::from(docs(id));
                        total <= u64::from(self.max_docs)
                    })
                    .collect();
                (kept.len() >= 2).then_some(tantivy::merge_policy::MergeCandidate(kept))
            })
            .collect()
    }
}

/// Live documents of the last commit `reader` sees with `value` in raw field `field`.
pub(crate) fn term_count(
    reader: &IndexReader,
    dir: &std::path::Path,
    field: tantivy::schema::Field,
    value: &str,
) -> Result<usize, Error> {
    let query = TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    );
    reader
        .searcher()
        .search(&query, &Count)
        .map_err(|e| tantivy_error(dir, e))
}

/// Writes documents into an [`Index`]; only one may exist per index at a time
/// (across processes too: the lock is a file in the index directory).
///
/// Nothing written is visible to readers, nor durable, until [`Writer::commit`];
/// dropping a writer without committing discards what it wrote since the last commit.
pub struct Writer {
    pub(crate) dir: PathBuf,
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    /// Ids added since the last commit.
    pending_ids: HashSet<String>,
    /// Source -> id of the document added for it since the last commit.
    pending_sources: HashMap<String, String>,
    /// Committed ids deleted (replaced) since the last commit.
    deleted_ids: HashSet<String>,
    /// Input keys of inputs that gave an indexed document, since the last commit.
    pending_keys: Vec<(u64, String)>,
}

impl Writer {
    pub(crate) fn new(index: &Index, memory_bytes: usize, cores: usize) -> Result<Writer, Error> {
        let budget = memory_bytes.max(MIN_BUDGET_PER_THREAD);
        let threads = (budget / MIN_BUDGET_PER_THREAD).clamp(1, cores.clamp(1, MAX_THREADS));
        let budget = budget.min(MAX_BUDGET_PER_THREAD.saturating_mul(threads));
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(budget / threads)
            .num_merge_threads(1)
            .build();
        let writer: IndexWriter = index
            .index
            .writer_with_options(options)
            .map_err(|e| tantivy_error(&index.dir, e))?;
        writer.set_merge_policy(Box::new(BoundedMerges::new(MAX_MERGED_DOCS)));
        Ok(Writer {
            dir: index.dir.clone(),
            writer,
            reader: index.reader.clone(),
            fields: index.fields,
            pending_ids: HashSet::new(),
            pending_sources: HashMap::new(),
            deleted_ids: HashSet::new(),
            pending_keys: Vec::new(),
        })
    }

    /// Adds `doc` unless a document with its id is already indexed or pending.
    ///
    /// - [`Upsert::Unchanged`] when a document with this content id is committed
    ///   (and not replaced since) or was upserted since the last commit,
    ///   whatever its source; nothing is written.
    /// - [`Upsert::Replaced`] when a document with the same `source` but another id
    ///   (an edited version) exists, committed or pending; it is deleted and
    ///   `doc` added in its place.
    /// - [`Upsert::Added`] otherwise.
    ///
    /// A document with a blank id or source is an [`Error::InvalidDocument`].
    pub fn upsert(&mut self, doc: &Document) -> Result<Upsert, Error> {
        self.upsert_keyed(doc, None)
    }

    /// [`Writer::upsert`], recording `input_key`, a fingerprint of the input the
    /// document was made from, so that [`Index::input_keys`] can tell a later
    /// run which inputs it need not process again.
    pub fn upsert_keyed(
        &mut self,
        doc: &Document,
        input_key: Option<u64>,
    ) -> Result<Upsert, Error> {
        self.upsert_profiled(doc, input_key, None)
    }

    /// [`Writer::upsert_keyed`], storing the document's stories `profile` with it (in
    /// the same commit), so that grouping never needs the document again. Without one,
    /// the stories update computes it from the stored document.
    pub fn upsert_profiled(
        &mut self,
        doc: &Document,
        input_key: Option<u64>,
        profile: Option<&newsdesk_stories::Profile>,
    ) -> Result<Upsert, Error> {
        let id = doc.article.id.as_str();
        let source = doc.article.source.as_str();
        if id.trim().is_empty() {
            return Err(Error::InvalidDocument {
                origin: source.to_string(),
                reason: "it has an empty id",
            });
        }
        if source.is_empty() {
            return Err(Error::InvalidDocument {
                origin: format!("document {id}"),
                reason: "it has an empty source",
            });
        }
        if self.pending_ids.contains(id) {
            return Ok(Upsert::Unchanged);
        }
        if !self.deleted_ids.contains(id) && self.committed_count(self.fields.id, id)? > 0 {
            return Ok(Upsert::Unchanged);
        }
        let mut tantivy_doc = schema::to_tantivy(doc, &self.fields)?;
        if let Some(key) = input_key {
            tantivy_doc.add_u64(self.fields.input_key, key);
        }
        if let Some(json) = profile.and_then(|p| serde_json::to_string(p).ok()) {
            tantivy_doc.add_text(self.fields.profile, json);
        }

        let mut replaced = false;
        if let Some(old_id) = self.pending_sources.get(source) {
            self.pending_ids.remove(old_id);
            replaced = true;
        }
        for old_id in self.committed_ids_of_source(source)? {
            if self.deleted_ids.insert(old_id) {
                replaced = true;
            }
        }
        if replaced {
            // Deletes every document of this source added before now: committed
            // ones and one pending in this writer.
            self.writer
                .delete_term(Term::from_field_text(self.fields.source, source));
        }
        self.writer
            .add_document(tantivy_doc)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        self.pending_ids.insert(id.to_string());
        self.pending_sources
            .insert(source.to_string(), id.to_string());
        Ok(if replaced {
            Upsert::Replaced
        } else {
            Upsert::Added
        })
    }

    /// Whether the document with content id `id` is in the index as this writer
    /// sees it: upserted since the last commit, or committed and not replaced since.
    pub fn is_live(&self, id: &str) -> Result<bool, Error> {
        Ok(self.pending_ids.contains(id)
            || (!self.deleted_ids.contains(id) && self.committed_count(self.fields.id, id)? > 0))
    }

    /// Records that the input with key `input_key` gave the document `id`, already
    /// indexed, so that [`Index::input_keys`] lists it after the next commit
    /// (while that document stays live). Returns `false`, recording nothing, when
    /// `id` is not live ([`Writer::is_live`]): the document must then be upserted.
    pub fn record_input_key(&mut self, id: &str, input_key: u64) -> Result<bool, Error> {
        if !self.is_live(id)? {
            return Ok(false);
        }
        self.pending_keys.push((input_key, id.to_string()));
        Ok(true)
    }

    /// Commits everything written so far atomically: after a crash the index
    /// holds either all of it or none of it. The input keys recorded by
    /// [`Writer::record_input_key`] are saved after the documents (a cache: if
    /// that write is lost, those inputs are only read again).
    pub fn commit(&mut self) -> Result<(), Error> {
        self.writer
            .commit()
            .map_err(|e| tantivy_error(&self.dir, e))?;
        self.reader
            .reload()
            .map_err(|e| tantivy_error(&self.dir, e))?;
        self.pending_ids.clear();
        self.pending_sources.clear();
        self.deleted_ids.clear();
        if !self.pending_keys.is_empty() {
            let mut pairs = crate::input_keys::read(&self.dir)?;
            pairs.append(&mut self.pending_keys);
            // Keys of documents replaced since are dropped for good.
            let mut live = Vec::with_capacity(pairs.len());
            for pair in pairs {
                if self.committed_count(self.fields.id, &pair.1)? > 0 {
                    live.push(pair);
                }
            }
            crate::input_keys::write(&self.dir, &live)?;
        }
        Ok(())
    }

    /// Discards everything written since the last commit.
    pub fn rollback(&mut self) -> Result<(), Error> {
        self.writer
            .rollback()
            .map_err(|e| tantivy_error(&self.dir, e))?;
        self.pending_ids.clear();
        self.pending_sources.clear();
        self.deleted_ids.clear();
        self.pending_keys.clear();
        Ok(())
    }

    /// The number of documents upserted since the last commit and still pending.
    pub fn pending(&self) -> usize {
        self.pending_ids.len()
    }

    /// Live committed documents with `value` in raw field `field`.
    fn committed_count(&self, field: tantivy::schema::Field, value: &str) -> Result<usize, Error> {
        term_count(&self.reader, &self.dir, field, value)
    }

    /// Ids of live committed documents from `source`.
    fn committed_ids_of_source(&self, source: &str) -> Result<Vec<String>, Error> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.source, source),
            IndexRecordOption::Basic,
        );
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| tantivy_error(&self.dir, e))?;
        let mut ids = Vec::with_capacity(found.len());
        for address in found {
            let stored: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| tantivy_error(&self.dir, e))?;
            if let Some(id) = stored.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::{BoundedMerges, MAX_MERGED_DOCS};
    use crate::test_docs::{corpus, doc, index_with};
    use crate::{Error, Index, Upsert};
    use newsdesk_model::Document;

    #[test]
    fn input_keys_list_committed_fingerprints() {
        let (_dir, index) = index_with(&[]);
        let mut w = index.writer(15_000_000).unwrap();
        let docs = corpus();
        assert_eq!(w.upsert_keyed(&docs[0], Some(7)).unwrap(), Upsert::Added);
        assert_eq!(w.upsert_keyed(&docs[1], None).unwrap(), Upsert::Added);
        assert!(
            index.input_keys().unwrap().is_empty(),
            "nothing committed yet"
        );
        w.commit().unwrap();
        index.reload().unwrap();
        let keys: Vec<u64> = index.input_keys().unwrap().into_iter().collect();
        assert_eq!(keys, vec![7]);
    }

    fn edited(d: &Document, id: &str) -> Document {
        let mut d = d.clone();
        d.article.id = id.into();
        d.article.text.push_str(" Updated.");
        d
    }

    /// Runs `steps` (document, commit after?) on a fresh index and checks each outcome
    /// and the ids in the index at the end.
    fn check(steps: &[(&Document, bool, Upsert)], expected_ids: &[&str]) {
        let (_dir, index) = index_with(&[]);
        let mut writer = index.writer(0).unwrap();
        for (i, (d, commit, expected)) in steps.iter().enumerate() {
            assert_eq!(
                writer.upsert(d).unwrap(),
                *expected,
                "step {i}: {}",
                d.article.id
            );
            if *commit {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        let mut ids: Vec<String> = index
            .search(
                "",
                &crate::SearchOptions {
                    limit: 100,
                    ..Default::default()
                },
            )
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        ids.sort();
        assert_eq!(ids, expected_ids);
        assert_eq!(index.num_docs(), expected_ids.len() as u64);
    }

    #[test]
    fn upsert_is_idempotent_by_content_id_and_replaces_by_source() {
        let docs = corpus();
        let (a, b) = (&docs[0], &docs[1]);
        let a2 = edited(a, "a2");
        let a3 = edited(a, "a3");
        let mut a_elsewhere = a.clone();
        a_elsewhere.article.source = "mirror/a.txt".into();
        use Upsert::*;
        type Case<'a> = (Vec<(&'a Document, bool, Upsert)>, Vec<&'a str>);
        let cases: Vec<Case> = vec![
            // the same document twice, pending and committed
            (vec![(a, false, Added), (a, false, Unchanged)], vec!["a1"]),
            (vec![(a, true, Added), (a, true, Unchanged)], vec!["a1"]),
            // a new version of a committed source replaces it
            (
                vec![(a, true, Added), (&a2, false, Replaced), (b, false, Added)],
                vec!["a2", "b2"],
            ),
            // a new version of a pending source replaces it
            (vec![(a, false, Added), (&a2, false, Replaced)], vec!["a2"]),
            // versions back and forth within one batch
            (
                vec![
                    (a, true, Added),
                    (&a2, false, Replaced),
                    (a, false, Replaced),
                ],
                vec!["a1"],
            ),
            (
                vec![
                    (a, true, Added),
                    (&a2, false, Replaced),
                    (&a3, false, Replaced),
                ],
                vec!["a3"],
            ),
            (
                vec![
                    (a, true, Added),
                    (&a2, true, Replaced),
                    (&a2, false, Unchanged),
                ],
                vec!["a2"],
            ),
            // the same content from another source is the same document
            (
                vec![(a, true, Added), (&a_elsewhere, false, Unchanged)],
                vec!["a1"],
            ),
        ];
        for (steps, ids) in cases {
            check(&steps, &ids);
        }
    }

    #[test]
    fn a_second_writer_is_locked_out() {
        let (dir, index) = index_with(&[]);
        let _first = index.writer(0).unwrap();
        let expected = format!(
            "index {} is locked by another newsdesk process",
            dir.path().join("idx").display()
        );
        let again = Index::open(&dir.path().join("idx")).unwrap();
        for result in [index.writer(0), again.writer(50_000_000)] {
            match result {
                Err(e @ Error::Locked { .. }) => assert_eq!(e.to_string(), expected),
                Err(e) => panic!("expected Locked, got {e}"),
                Ok(_) => panic!("expected Locked, got a writer"),
            }
        }
        drop(_first);
        assert!(index.writer(0).is_ok(), "the lock is released on drop");
    }

    #[test]
    fn rollback_and_invalid_documents() {
        let (_dir, index) = index_with(&[]);
        let mut writer = index.writer(0).unwrap();
        let docs = corpus();
        writer.upsert(&docs[0]).unwrap();
        assert_eq!(writer.pending(), 1);
        writer.rollback().unwrap();
        assert_eq!(writer.pending(), 0);
        assert_eq!(writer.upsert(&docs[0]).unwrap(), Upsert::Added);
        let blank = doc(" ", "x.txt", None, None, "text", &[], &[]);
        let e = writer.upsert(&blank).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot index document from x.txt: it has an empty id"
        );
        writer.commit().unwrap();
        assert_eq!(index.num_docs(), 1);
    }

    /// Merge candidates for segments of these sizes, as sizes.
    fn merges(sizes: &[u32]) -> Vec<Vec<u32>> {
        use tantivy::merge_policy::MergePolicy;
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        let metas: Vec<tantivy::SegmentMeta> = sizes
            .iter()
            .map(|&n| index.new_segment_meta(tantivy::index::SegmentId::generate_random(), n))
            .collect();
        let size = |id: &tantivy::index::SegmentId| {
            metas
                .iter()
                .find(|m| m.id() == *id)
                .map_or(0, |m| m.num_docs())
        };
        BoundedMerges::new(MAX_MERGED_DOCS)
            .compute_merge_candidates(&metas)
            .iter()
            .map(|c| c.0.iter().map(size).collect())
            .collect()
    }

    #[test]
    fn merges_never_exceed_the_bound() {
        let b = MAX_MERGED_DOCS;
        let cases: &[(&[u32], bool)] = &[
            // Freshly flushed segments merge.
            (&[b / 8; 8], true),
            // Four segments of a quarter of the bound make exactly the bound.
            (&[b / 4; 4], true),
            // Segments over half the bound are left alone.
            (&[b / 2 + 1; 8], false),
            (&[b; 12], false),
            (&[b, b, b / 8, b / 8, b / 8, b / 8], true),
            // A candidate over the bound is cut down to its smallest segments.
            (&[b * 3 / 8; 5], true),
        ];
        for &(sizes, merges_some) in cases {
            let found = merges(sizes);
            assert_eq!(!found.is_empty(), merges_some, "{sizes:?}: {found:?}");
            for m in &found {
                assert!(m.len() >= 2, "{sizes:?}: {m:?}");
                assert!(m.iter().sum::<u32>() <= MAX_MERGED_DOCS, "{sizes:?}: {m:?}");
            }
        }
    }
}

//! The newsdesk search index on Tantivy: schema, idempotent upsert by content
//! id, atomic commits, search with highlighted snippets, entity facets and
//! quote listings. Open a directory with [`Index::create_or_open`] (or
//! [`Index::open`] for an index that must exist), write with the single
//! [`Writer`] from [`Index::writer`], and read with [`Index::search`],
//! [`Index::get`], [`Index::entity_facets`] and [`Index::quotes`]. Stories (groups of
//! documents reporting one event, computed by `newsdesk-stories`) are stored with the
//! index by [`Writer::store_stories`] and read with [`Index::stories`],
//! [`Index::story_of`] and [`Index::duplicate_of`]; see the `stories` module for where
//! they live and why. Only this crate knows Tantivy: its types never cross the public API.
//!
//! ```
//! use newsdesk_index::{Index, SearchOptions, Upsert};
//! use newsdesk_model::{Article, Document};
//!
//! let dir = tempfile::tempdir()?;
//! let index = Index::create_or_open(&dir.path().join("archive"))?;
//! let doc = Document {
//!     article: Article {
//!         id: "c3fdc311a6ea0004".into(),
//!         source: "fixtures/articles/a.txt".into(),
//!         title: Some("Russia and Turkey agree on Idlib ceasefire".into()),
//!         text: "Joint patrols will run along the M4 corridor.".into(),
//!         ..Article::default()
//!     },
//!     ..Document::default()
//! };
//! let mut writer = index.writer(50_000_000)?;
//! assert_eq!(writer.upsert(&doc)?, Upsert::Added);
//! assert_eq!(writer.upsert(&doc)?, Upsert::Unchanged);
//! writer.commit()?;
//!
//! let hits = index.search("ceasefires corridor", &SearchOptions::default())?;
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].id, "c3fdc311a6ea0004");
//! assert_eq!(hits[0].snippet, "Joint patrols will run along the M4 <b>corridor</b>.");
//! assert_eq!(index.get("c3fdc311a6ea0004")?, Some(doc));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Schema
//!
//! | field | content | analysis |
//! |---|---|---|
//! | `id` | the content id | raw (exact), stored, fast |
//! | `source` | where the document came from | raw (exact), stored, fast |
//! | `outlet`, `language` | outlet name, ISO 639-1 code | whole value, lowercased |
//! | `url` | the article URL | raw (exact) |
//! | `title`, `body` | headline, cleaned text (of documents in English or in a language Tantivy cannot stem) | English: words (hyphenated compounds also joined, so `ceasefire` finds `cease-fire`; possessive `s` dropped), lowercased, accents folded, stemmed; positions |
//! | `body_de`, `body_fr`, … (ar da de el es fi fr hu it nl no pt ro ru sv ta tr) | the cleaned text of documents in that language | the same words, lowercased, stemmed with the language's stemmer, accents folded; positions. Queries search every body field, each stemming the query with its own language |
//! | `published` | publication day (midnight UTC) | date, indexed and fast, second precision |
//! | `author` | bylines | names: words, lowercased, accents folded; positions |
//! | `person`, `org`, `loc`, `misc` | every canonical name and every mention text of the entities with that label | names |
//! | `speaker` | canonical names of quote speakers | names |
//! | `quote` | quoted words | English |
//! | `claim` | the content of claims (reported speech: `X said that ...`) | English |
//! | `claimant` | canonical names of claim speakers | names |
//! | `keyword` | extracted key terms | English |
//! | `entity` | facet `/LABEL/canonical name`, one per distinct entity; `/SPEAKER/name` per quote speaker, `/OUTLET/name`, `/LANGUAGE/code` | facet (counts for [`Index::entity_facets`] and [`Index::facets`], exact filters of [`SearchOptions::facets`]) |
//! | `doc_json` | the whole [`Document`](newsdesk_model::Document) as JSON | stored only; [`Index::get`] rebuilds the document from it |
//! | `profile` | the document's stories profile (`newsdesk_stories::Profile`) as JSON, written by [`Writer::upsert_profiled`] | stored only; [`Index::profiles`] reads it back for grouping |
//! | `input_key` | a fingerprint of the input the document was made from ([`Writer::upsert_keyed`]) | u64, indexed and fast; [`Index::input_keys`] lists them so unchanged inputs are skipped before any work |
//!
//! The schema version ([`SCHEMA_VERSION`]) is recorded in [`SCHEMA_FILE`] in the
//! index directory; an index with another version is refused with
//! [`Error::SchemaVersion`] rather than misread.
//!
//! # Queries
//!
//! Queries use Tantivy's syntax. Bare words search `title` (boost 2), `body`
//! and `quote` (boost 0.5). **All terms must match** (conjunction by default,
//! as news searchers expect: `White Helmets` finds documents with both words);
//! write `OR` for alternatives. `"joint patrols"` is a phrase; a field prefix
//! searches one field: `person:Erdogan`, `org:"White Helmets"`, `loc:Idlib`,
//! `speaker:Putin`, `quote:ceasefire`, `claim:displaced`, `claimant:"United
//! Nations"`, `language:en`, `outlet:"Al Jazeera"`,
//! `published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z]` (bare days work
//! too: `published:[2020-03-01 TO 2020-03-31]`, `published:2020-03-05`).
//! `story:ID` finds the documents of a story (ids as `newsdesk stories` prints them):
//! it is not an indexed field (story ids change as stories grow and merge, and the
//! documents are not rewritten); the query is rewritten to the set of the story's
//! member ids from the stored stories (`id: IN ["m1" "m2"]`), so it combines with
//! everything else (`story:ID AND corridor`); an unknown story matches nothing.
//! Near-duplicate copies of one report are collapsed into the best-ranked one, whose
//! hit counts the others ([`Hit::copies`]); [`SearchOptions::all_copies`] lists them all.
//! An empty query
//! (or `*`) matches every document, which is useful with the filters of
//! [`SearchOptions`]. Invalid syntax is an [`Error::Query`], never a panic.
//! Results are best first, ties broken by id, so the same index and query
//! always give the same list.
#![warn(missing_docs)]

mod columns;
mod error;
mod input_keys;
mod merge;
mod read;
mod schema;
mod snippet;
mod stories;
#[cfg(test)]
mod test_docs;
mod tokenizer;
mod writer;

pub use error::Error;
pub use merge::{Merged, SourceConflict};
pub use schema::{SCHEMA_FILE, SCHEMA_VERSION};
pub use stories::{DocumentRecord, StoriesBehind, StoriesWritten, StoryRef};
pub use writer::Writer;

use chrono::NaiveDate;
use newsdesk_model::Label;
use schema::Fields;
use std::path::{Path, PathBuf};
use tantivy::{IndexReader, ReloadPolicy};

/// An open index directory. Cheap to share between threads (`Send + Sync`);
/// reads see the last commit made when the index was opened or when
/// [`Index::reload`] (or a [`Writer::commit`] of this index) last ran.
pub struct Index {
    dir: PathBuf,
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    /// Threads that search segments side by side, started on the first search.
    executor: std::sync::OnceLock<tantivy::Executor>,
    /// The stored stories, loaded on first use and again when a new generation is stored.
    stories: std::sync::Mutex<Option<std::sync::Arc<stories::Loaded>>>,
}

/// What [`Writer::upsert`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// A new document was added.
    Added,
    /// A document with the same content id is already indexed: nothing written.
    Unchanged,
    /// A different version of the same source was replaced.
    Replaced,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// The document id.
    pub id: String,
    /// Where the document came from.
    pub source: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// The relevance score.
    pub score: f32,
    /// A passage of the body with matched terms between `<b>` and `</b>`; `&`,
    /// `<` and `>` of the text are escaped as HTML entities so that the markers
    /// are unambiguous; whitespace runs are collapsed to one space and `...`
    /// marks a cut. When the body has no match (the match is in the title or
    /// an entity field), the opening of the body.
    pub snippet: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The outlet that published it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The id of the story the document belongs to (`None` before its stories are computed).
    #[serde(default)]
    pub story: Option<String>,
    /// The id of the earliest copy when the document is a near-duplicate of it.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// How many other copies of the same report were collapsed under this hit (0 with
    /// [`SearchOptions::all_copies`], or when there are none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub copies: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Options for [`Index::search`]: how many hits, in what order, and filters that every hit must pass.
///
/// Build it with struct update syntax so that new options keep compiling:
/// `SearchOptions { limit: 20, ..SearchOptions::default() }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// The most hits to return (0 returns none).
    pub limit: usize,
    /// Only documents whose source starts with this prefix (a path, a directory, a URL).
    pub source_prefix: Option<String>,
    /// Only documents in this language (ISO 639-1 code, case-insensitive).
    pub language: Option<String>,
    /// Only documents from this outlet (case-insensitive, whole name).
    pub outlet: Option<String>,
    /// Only documents published on or after this day.
    pub published_from: Option<NaiveDate>,
    /// Only documents published on or before this day.
    pub published_to: Option<NaiveDate>,
    /// List every near-duplicate copy as its own hit; by default copies of one report
    /// are collapsed into the best-ranked one, whose [`Hit::copies`] counts the others.
    pub all_copies: bool,
    /// Hits to skip before the first one returned (paging: `offset` of page `p` is
    /// `p × limit`); the skipped hits are ranked too, so deep pages cost more.
    pub offset: usize,
    /// The order of the hits.
    pub sort: Sort,
    /// Only documents with every one of these facet values (see [`Index::facets`]):
    /// the canonical entity name, speaker, outlet, language code or story id, exactly.
    pub facets: Vec<(FacetKind, String)>,
}

/// The order of [`Index::search`] hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best first, ties by id.
    #[default]
    Relevance,
    /// Latest publication day first (undated last), ties by id.
    Newest,
}

/// What a facet counts, and what a [`SearchOptions::facets`] filter narrows to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    /// People named (canonical names, surnames folded into full names).
    Person,
    /// Organisations named.
    Org,
    /// Places named.
    Loc,
    /// Other names.
    Misc,
    /// Speakers of quotes.
    Speaker,
    /// The outlet that published the document.
    Outlet,
    /// The document language (ISO 639-1 code).
    Language,
    /// The story the document belongs to (stories of two documents or more).
    Story,
}

impl FacetKind {
    /// Every kind, in the order [`Index::facets`] lists them.
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Person,
        FacetKind::Org,
        FacetKind::Loc,
        FacetKind::Misc,
        FacetKind::Speaker,
        FacetKind::Outlet,
        FacetKind::Language,
        FacetKind::Story,
    ];

    /// `person`, `org`, `loc`, `misc`, `speaker`, `outlet`, `language` or `story`.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Person => "person",
            FacetKind::Org => "org",
            FacetKind::Loc => "loc",
            FacetKind::Misc => "misc",
            FacetKind::Speaker => "speaker",
            FacetKind::Outlet => "outlet",
            FacetKind::Language => "language",
            FacetKind::Story => "story",
        }
    }

    /// The kind called `name` (as [`FacetKind::name`] gives it).
    pub fn from_name(name: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The entity label of the kinds that count entities.
    pub fn label(self) -> Option<Label> {
        match self {
            FacetKind::Person => Some(Label::Person),
            FacetKind::Org => Some(Label::Org),
            FacetKind::Loc => Some(Label::Loc),
            FacetKind::Misc => Some(Label::Misc),
            _ => None,
        }
    }
}

/// One counted facet value ([`Index::facets`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetValue {
    /// What is counted.
    pub kind: FacetKind,
    /// The value, as a [`SearchOptions::facets`] filter takes it.
    pub value: String,
    /// A readable label where the value is an id (a story's title), else absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Matching documents with this value.
    pub documents: u64,
}

/// Matching documents published on one day ([`Facets::days`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayCount {
    /// The publication day.
    pub day: NaiveDate,
    /// Matching documents published that day.
    pub documents: u64,
}

/// Counts over every document matching a query ([`Index::facets`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Facets {
    /// Matching documents (copies included).
    pub documents: u64,
    /// The most frequent values of each [`FacetKind`], in [`FacetKind::ALL`] order, each
    /// kind by count descending then value.
    pub values: Vec<FacetValue>,
    /// Matching documents per publication day, earliest first (days with none left out).
    pub days: Vec<DayCount>,
    /// Matching documents without a publication day.
    pub undated: u64,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            source_prefix: None,
            language: None,
            outlet: None,
            published_from: None,
            published_to: None,
            all_copies: false,
            offset: 0,
            sort: Sort::Relevance,
            facets: Vec::new(),
        }
    }
}

/// How often an entity occurs among matching documents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetCount {
    /// The entity label.
    pub label: Label,
    /// The canonical entity name.
    pub name: String,
    /// The number of matching documents naming it.
    pub documents: u64,
}

/// What a [`QuoteHit`] is: a direct quote or a claim (reported speech).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Quote,
    /// Attributed content in reported speech (`X said that ...`).
    Claim,
}

/// A quote (or a claim) found in the index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuoteHit {
    /// A quote or a claim.
    pub kind: QuoteKind,
    /// The document id.
    pub id: String,
    /// The document source.
    pub source: String,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The publication date, if known.
    pub published: Option<String>,
    /// The speaker, if known.
    pub speaker: Option<String>,
    /// The quoted words, or the content of the claim.
    pub text: String,
}

/// Files an empty directory may hold and still be turned into a new index:
/// our version file (written first) and Tantivy's lock files.
const CREATABLE_LEFTOVERS: [&str; 4] = [
    SCHEMA_FILE,
    "newsdesk-schema.json.tmp",
    ".tantivy-writer.lock",
    ".tantivy-meta.lock",
];

impl Index {
    /// Opens the index in `dir`, creating it (and the directory) if absent or empty.
    ///
    /// A directory holding anything else is refused with [`Error::NotAnIndex`];
    /// an index of another schema version with [`Error::SchemaVersion`].
    pub fn create_or_open(dir: &Path) -> Result<Index, Error> {
        Index::open_dir(dir, true)
    }

    /// Opens an existing index; [`Error::NotFound`] or [`Error::NotAnIndex`] if there is none.
    pub fn open(dir: &Path) -> Result<Index, Error> {
        Index::open_dir(dir, false)
    }

    fn open_dir(dir: &Path, create: bool) -> Result<Index, Error> {
        let io = |source| Error::Io {
            dir: dir.to_path_buf(),
            source,
        };
        let not_an_index = |reason| Error::NotAnIndex {
            dir: dir.to_path_buf(),
            reason,
        };
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(not_an_index("it is not a directory")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !create {
                    return Err(Error::NotFound {
                        dir: dir.to_path_buf(),
                    });
                }
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            Err(e) => return Err(io(e)),
        }
        if !dir.join("meta.json").is_file() {
            let mut entries = std::fs::read_dir(dir).map_err(io)?;
            let creatable = entries
                .all(|e| e.is_ok_and(|e| CREATABLE_LEFTOVERS.iter().any(|n| e.file_name() == *n)));
            return if !creatable {
                Err(not_an_index("it holds other files and no index"))
            } else if !create {
                Err(not_an_index("it holds no index"))
            } else {
                Index::create_new(dir)
            };
        }
        match schema::read_version(dir)? {
            None => {
                return Err(not_an_index(
                    "it is a Tantivy index without newsdesk-schema.json",
                ));
            }
            Some(found) if found != SCHEMA_VERSION => {
                return Err(Error::SchemaVersion {
                    dir: dir.to_path_buf(),
                    found,
                    expected: SCHEMA_VERSION,
                });
            }
            Some(_) => {}
        }
        let index = tantivy::Index::open_in_dir(dir).map_err(|e| tantivy_error(dir, e))?;
        let (expected, fields) = schema::build();
        let found = index.schema();
        if found != expected {
            let field = expected
                .fields()
                .find(|(f, entry)| found.get_field_entry(*f) != *entry)
                .map(|(_, entry)| entry.name().to_string())
                .unwrap_or_else(|| "(extra fields)".to_string());
            return Err(Error::SchemaMismatch {
                dir: dir.to_path_buf(),
                field,
            });
        }
        Index::finish(dir, index, fields)
    }

    fn create_new(dir: &Path) -> Result<Index, Error> {
        // The version file goes first: a crash after it leaves a directory that
        // `create_or_open` still treats as empty.
        schema::write_version(dir)?;
        let (schema, fields) = schema::build();
        let index =
            tantivy::Index::create_in_dir(dir, schema).map_err(|e| tantivy_error(dir, e))?;
        Index::finish(dir, index, fields)
    }

    fn finish(dir: &Path, index: tantivy::Index, fields: Fields) -> Result<Index, Error> {
        schema::register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_error(dir, e))?;
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            executor: std::sync::OnceLock::new(),
            stories: std::sync::Mutex::new(None),
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Takes the index writer with a memory budget in bytes (raised to Tantivy's
    /// minimum of 15 MB); fails with [`Error::Locked`] when another writer,
    /// normally another process, holds it.
    pub fn writer(&self, memory_bytes: usize) -> Result<Writer, Error> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Writer::new(self, memory_bytes, cores)
    }

    /// [`Index::writer`] with at most `threads` indexing threads (at least one), for a
    /// caller that keeps to a number of cores.
    pub fn writer_on(&self, memory_bytes: usize, threads: usize) -> Result<Writer, Error> {
        Writer::new(self, memory_bytes, threads)
    }

    /// Makes reads see the latest commit, including one made by another process.
    pub fn reload(&self) -> Result<(), Error> {
        self.reader
            .reload()
            .map_err(|e| tantivy_error(&self.dir, e))
    }

    /// The number of documents in the last commit seen.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The input fingerprints of every live committed document (see
    /// [`Writer::upsert_keyed`]) and of the inputs that gave a document already
    /// indexed ([`Writer::record_input_key`]) while it is live: a pipeline skips
    /// an input whose key is here without cleaning or extracting it again.
    pub fn input_keys(&self) -> Result<std::collections::HashSet<u64>, Error> {
        let searcher = self.reader.searcher();
        let mut keys = std::collections::HashSet::new();
        for segment in searcher.segment_readers() {
            let column = segment
                .fast_fields()
                .u64(schema::name::INPUT_KEY)
                .map_err(|e| tantivy_error(&self.dir, e))?;
            keys.extend(segment.doc_ids_alive().filter_map(|doc| column.first(doc)));
        }
        for (key, id) in input_keys::read(&self.dir)? {
            if self.contains(&id)? {
                keys.insert(key);
            }
        }
        Ok(keys)
    }

    /// Whether a live committed document has content id `id`.
    pub fn contains(&self, id: &str) -> Result<bool, Error> {
        Ok(writer::term_count(&self.reader, &self.dir, self.fields.id, id)? > 0)
    }
}

/// Wraps a Tantivy error with the index directory, recognising a busy lock.
pub(crate) fn tantivy_error(dir: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _) => {
            Error::Locked {
                dir: dir.to_path_buf(),
            }
        }
        source => Error::Tantivy {
            dir: dir.to_path_buf(),
            source,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{corpus, index_with};

    /// Opening `dir` fails with a message containing `expected`.
    fn check_open_error(dir: &Path, create: bool, expected: &str) {
        let result = if create {
            Index::create_or_open(dir)
        } else {
            Index::open(dir)
        };
        match result {
            Ok(_) => panic!("opening {} should fail", dir.display()),
            Err(e) => {
                let message = e.to_string();
                assert!(message.contains(expected), "{message:?} lacks {expected:?}");
                assert!(!message.contains('\n'), "{message:?} is not one line");
            }
        }
    }

    #[test]
    fn create_then_open_sees_committed_documents() {
        let (dir, index) = index_with(&corpus());
        assert_eq!(index.num_docs(), 3);
        drop(index);
        let again = Index::open(&dir.path().join("idx")).expect("reopen");
        assert_eq!(again.num_docs(), 3);
        let version = std::fs::read_to_string(dir.path().join("idx").join(SCHEMA_FILE)).unwrap();
        assert!(
            version.contains(&format!("\"version\": {SCHEMA_VERSION}")),
            "{version}"
        );
    }

    #[test]
    fn recorded_input_keys_count_while_their_document_is_live() {
        let docs = corpus();
        let (_dir, index) = index_with(&docs);
        let first = &docs[0];
        assert!(index.contains(&first.article.id).unwrap());
        assert!(!index.contains("no-such-id").unwrap());
        let mut writer = index.writer(15_000_000).unwrap();
        assert!(writer.record_input_key(&first.article.id, 41).unwrap());
        assert!(
            !writer.record_input_key("no-such-id", 42).unwrap(),
            "not live"
        );
        assert!(
            !index.input_keys().unwrap().contains(&41),
            "not before the commit"
        );
        writer.commit().unwrap();
        let keys = index.input_keys().unwrap();
        assert!(keys.contains(&41) && !keys.contains(&42), "{keys:?}");
        // An edited version from the same source replaces the document: the key goes.
        let mut edited = first.clone();
        edited.article.id = "edited-version".into();
        edited.article.text.push_str(" Updated.");
        assert_eq!(writer.upsert(&edited).unwrap(), Upsert::Replaced);
        assert!(
            !writer.record_input_key(&first.article.id, 43).unwrap(),
            "replaced"
        );
        writer.commit().unwrap();
        let keys = index.input_keys().unwrap();
        assert!(!keys.contains(&41) && !keys.contains(&43), "{keys:?}");
    }

    #[test]
    fn create_or_open_accepts_an_empty_directory() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::create_or_open(dir.path()).unwrap();
        assert_eq!(index.num_docs(), 0);
        assert_eq!(index.dir(), dir.path());
    }

    #[test]
    fn open_errors_name_the_directory_and_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let shown = missing.display().to_string();
        check_open_error(
            &missing,
            false,
            &format!("no index at {shown}: the directory does not exist"),
        );

        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("notes.txt"), "hello").unwrap();
        let shown = other.display().to_string();
        for create in [false, true] {
            check_open_error(
                &other,
                create,
                &format!("{shown} is not a newsdesk index: it holds other files and no index"),
            );
        }

        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        check_open_error(&empty, false, "is not a newsdesk index: it holds no index");

        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        check_open_error(
            &file,
            true,
            "is not a newsdesk index: it is not a directory",
        );
    }

    #[test]
    fn another_schema_version_is_refused_with_advice() {
        let (dir, index) = index_with(&[]);
        drop(index);
        let idx = dir.path().join("idx");
        std::fs::write(idx.join(SCHEMA_FILE), r#"{"version": 99}"#).unwrap();
        let expected = format!(
            "index at {} has schema version 99, this newsdesk expects {SCHEMA_VERSION}; \
             re-create it with `newsdesk ingest` into a new directory",
            idx.display()
        );
        for create in [false, true] {
            check_open_error(&idx, create, &expected);
        }
        std::fs::write(idx.join(SCHEMA_FILE), "not json").unwrap();
        check_open_error(&idx, false, "its newsdesk-schema.json is unreadable");
        std::fs::remove_file(idx.join(SCHEMA_FILE)).unwrap();
        check_open_error(&idx, false, "a Tantivy index without newsdesk-schema.json");
    }

    #[test]
    fn a_foreign_tantivy_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = tantivy::schema::Schema::builder();
        b.add_text_field("id", tantivy::schema::STRING);
        tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
        std::fs::write(
            dir.path().join(SCHEMA_FILE),
            format!(r#"{{"version": {SCHEMA_VERSION}}}"#),
        )
        .unwrap();
        check_open_error(
            dir.path(),
            false,
            "does not have the schema this newsdesk expects",
        );
    }
}

//! The stories side files: one generation of directory, records and grouping, named by `current.json`.
//!
//! Layout of `DIR/stories/`:
//!
//! - `current.json`: `{"version": 1, "generation": N, "documents": D, "groups": G}`, replaced
//!   atomically (temporary file, then rename) after the files of generation `N` are complete.
//! - `directory-N.tsv`: one line per story, largest first (size descending, then id):
//!   `id TAB size TAB offset TAB length TAB members TAB title`, members separated by spaces,
//!   each `id` or `id=original` for a near-duplicate copy; ids are %-escaped.
//! - `records-N.ndjson`: the [`Story`] records of the stories of two or more documents; the
//!   directory gives each one's byte range. A one-document story has no stored record
//!   (length 0): its record depends on that document alone and is built when read.
//! - `grouping-N.json`: the [`Grouping`] itself, the `previous` of the next update.
//!
//! Files of other generations are deleted once `current.json` names the new one.

use crate::Error;
use newsdesk_model::Story;
use newsdesk_stories::Grouping;
use serde::{Deserialize, Serialize};
// foldhash: the keys are content ids, and these maps are asked once per hit or match
use foldhash::{HashMap, HashMapExt};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The subdirectory of the index directory that holds the stories.
pub(crate) const STORIES_DIR: &str = "stories";
/// The version of the side files' layout.
const LAYOUT_VERSION: u32 = 1;
const CURRENT: &str = "current.json";

/// The content of `current.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Current {
    pub(crate) version: u32,
    pub(crate) generation: u64,
    pub(crate) documents: usize,
    pub(crate) groups: usize,
}

/// One story of the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) id: String,
    pub(crate) size: usize,
    pub(crate) offset: u64,
    pub(crate) len: u64,
    /// Member ids, earliest first, with the original each copy duplicates.
    pub(crate) members: Vec<(String, Option<String>)>,
    pub(crate) title: String,
}

/// A generation loaded for reading, with lookups by document and by story (built on
/// first use: listing stories needs none of them, and on a large index building them
/// costs more than reading the directory).
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) current: Current,
    /// Stories, largest first.
    pub(crate) entries: Vec<Entry>,
    lookups: std::sync::OnceLock<Lookups>,
    /// Lookups answered by scanning the entries so far (see [`Loaded::member`]).
    scans: std::sync::atomic::AtomicUsize,
    /// Per index segment, each id ordinal's story of two documents or more (see
    /// [`Loaded::segment_stories`]).
    segments: std::sync::Mutex<HashMap<tantivy::index::SegmentId, std::sync::Arc<Vec<u32>>>>,
}

/// In a [`Loaded::segment_stories`] table: the document is in no story of two or more.
pub(crate) const NO_STORY: u32 = u32::MAX;

/// Lookups of single documents answered by scanning the entries before the maps are
/// built: a search process asks a few (its hits), a server many.
const SCANS_BEFORE_MAPS: usize = 64;

#[derive(Debug)]
struct Lookups {
    /// Document id -> (its story's position in `entries`, the original it copies).
    by_doc: HashMap<String, (usize, Option<String>)>,
    /// Story id -> position in `entries`.
    by_story: HashMap<String, usize>,
    /// Original id -> its copies, earliest first.
    copies: HashMap<String, Vec<String>>,
}

impl Loaded {
    fn lookups(&self) -> &Lookups {
        self.lookups.get_or_init(|| {
            let documents = self.current.documents;
            let mut by_doc = HashMap::with_capacity(documents);
            let mut by_story = HashMap::with_capacity(self.entries.len());
            let mut copies: HashMap<String, Vec<String>> = HashMap::new();
            for (i, e) in self.entries.iter().enumerate() {
                by_story.insert(e.id.clone(), i);
                for (id, of) in &e.members {
                    by_doc.insert(id.clone(), (i, of.clone()));
                    if let Some(of) = of {
                        copies.entry(of.clone()).or_default().push(id.clone());
                    }
                }
            }
            Lookups {
                by_doc,
                by_story,
                copies,
            }
        })
    }

    /// Story id -> position in `entries`.
    pub(crate) fn by_story(&self) -> &HashMap<String, usize> {
        &self.lookups().by_story
    }

    /// The lookups if built, or built now once enough single lookups were scanned.
    fn ready(&self) -> Option<&Lookups> {
        if let Some(l) = self.lookups.get() {
            return Some(l);
        }
        let scans = self
            .scans
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        (scans >= SCANS_BEFORE_MAPS).then(|| self.lookups())
    }

    /// Document `id`'s story (its position in `entries`) and the original it copies.
    ///
    /// The first few calls scan the entries instead of building the maps of every
    /// document: on a large index a search process would spend most of its time
    /// building and freeing maps it asks ten questions of.
    pub(crate) fn member(&self, id: &str) -> Option<(usize, Option<&str>)> {
        if let Some(l) = self.ready() {
            return l.by_doc.get(id).map(|(i, of)| (*i, of.as_deref()));
        }
        self.entries.iter().enumerate().find_map(|(i, e)| {
            e.members
                .iter()
                .find(|(m, _)| m == id)
                .map(|(_, of)| (i, of.as_deref()))
        })
    }

    /// For one index segment, each term ordinal of its id column: the position in
    /// `entries` of that document's story when the story holds two documents or more,
    /// else [`NO_STORY`]. Built once per segment (a walk of its id dictionary) and kept
    /// with this generation, so that counting matches per story reads no ids.
    pub(crate) fn segment_stories(
        &self,
        segment: tantivy::index::SegmentId,
        ids: &tantivy::columnar::StrColumn,
    ) -> std::io::Result<std::sync::Arc<Vec<u32>>> {
        let lock = || {
            self.segments
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(t) = lock().get(&segment) {
            return Ok(std::sync::Arc::clone(t));
        }
        let by_doc = &self.lookups().by_doc;
        let mut table = Vec::with_capacity(ids.num_terms());
        let mut terms = ids.dictionary().stream()?;
        while terms.advance() {
            let story = std::str::from_utf8(terms.key())
                .ok()
                .and_then(|id| by_doc.get(id))
                .filter(|(i, _)| self.entries.get(*i).is_some_and(|e| e.size > 1))
                .and_then(|(i, _)| u32::try_from(*i).ok());
            table.push(story.unwrap_or(NO_STORY));
        }
        let table = std::sync::Arc::new(table);
        lock().insert(segment, std::sync::Arc::clone(&table));
        Ok(table)
    }

    /// The copies of document `original`, earliest first (as [`Loaded::member`], scanned at first).
    pub(crate) fn copies_of(&self, original: &str) -> Vec<String> {
        if let Some(l) = self.ready() {
            return l.copies.get(original).cloned().unwrap_or_default();
        }
        self.entries
            .iter()
            .flat_map(|e| &e.members)
            .filter(|(_, of)| of.as_deref() == Some(original))
            .map(|(m, _)| m.clone())
            .collect()
    }
}

fn io_error(dir: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        dir: dir.to_path_buf(),
        source,
    }
}

fn corrupt(dir: &Path, what: String) -> Error {
    Error::StoriesCorrupt {
        dir: dir.to_path_buf(),
        what,
    }
}

pub(crate) fn stories_dir(index_dir: &Path) -> PathBuf {
    index_dir.join(STORIES_DIR)
}

fn file(index_dir: &Path, kind: &str, generation: u64, ext: &str) -> PathBuf {
    stories_dir(index_dir).join(format!("{kind}-{generation}.{ext}"))
}

/// Reads `current.json`; `None` when no stories were ever stored.
pub(crate) fn read_current(index_dir: &Path) -> Result<Option<Current>, Error> {
    let path = stories_dir(index_dir).join(CURRENT);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(index_dir)(e)),
    };
    let current: Current = serde_json::from_slice(&bytes)
        .map_err(|e| corrupt(index_dir, format!("{CURRENT}: {e}")))?;
    if current.version != LAYOUT_VERSION {
        return Err(corrupt(
            index_dir,
            format!(
                "{CURRENT} has layout version {}, expected {LAYOUT_VERSION}",
                current.version
            ),
        ));
    }
    Ok(Some(current))
}

/// Loads the directory of a generation.
pub(crate) fn load(index_dir: &Path, current: Current) -> Result<Loaded, Error> {
    let path = file(index_dir, "directory", current.generation, "tsv");
    let text = std::fs::read_to_string(&path).map_err(io_error(index_dir))?;
    let bad = |line: usize| corrupt(index_dir, format!("{}: line {line}", path.display()));
    let mut entries = Vec::with_capacity(current.groups);
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.splitn(6, '\t');
        let mut next = || cols.next().ok_or_else(|| bad(n + 1));
        let id = unescape(next()?);
        let size = next()?.parse().map_err(|_| bad(n + 1))?;
        let offset = next()?.parse().map_err(|_| bad(n + 1))?;
        let len = next()?.parse().map_err(|_| bad(n + 1))?;
        let members = next()?
            .split(' ')
            .filter(|m| !m.is_empty())
            .map(|m| match m.split_once('=') {
                Some((id, of)) => (unescape(id), Some(unescape(of))),
                None => (unescape(m), None),
            })
            .collect();
        let title = next()?.to_string();
        entries.push(Entry {
            id,
            size,
            offset,
            len,
            members,
            title,
        });
    }
    Ok(Loaded {
        current,
        entries,
        lookups: std::sync::OnceLock::new(),
        scans: std::sync::atomic::AtomicUsize::new(0),
        segments: Default::default(),
    })
}

/// Reads the stored records at `entries`' byte ranges, in the order given (`None` for a
/// story without a stored record).
pub(crate) fn read_records(
    index_dir: &Path,
    generation: u64,
    entries: &[&Entry],
) -> Result<Vec<Option<Story>>, Error> {
    let mut reader = None;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        if e.len == 0 {
            out.push(None);
            continue;
        }
        if reader.is_none() {
            reader = Some(RecordReader::open(index_dir, generation)?);
        }
        let Some(reader) = reader.as_mut() else {
            continue;
        };
        let bytes = reader
            .read(e.offset, e.len)?
            .ok_or_else(|| corrupt(index_dir, format!("record of story {} is cut short", e.id)))?;
        let story: Story = serde_json::from_slice(&bytes)
            .map_err(|err| corrupt(index_dir, format!("record of story {}: {err}", e.id)))?;
        out.push(Some(story));
    }
    Ok(out)
}

/// Reads records of a generation by byte range, cheaply when the ranges come in file order.
pub(crate) struct RecordReader {
    dir: PathBuf,
    reader: std::io::BufReader<std::fs::File>,
    pos: u64,
}

impl RecordReader {
    pub(crate) fn open(index_dir: &Path, generation: u64) -> Result<Self, Error> {
        let path = file(index_dir, "records", generation, "ndjson");
        let f = std::fs::File::open(&path).map_err(io_error(index_dir))?;
        Ok(RecordReader {
            dir: index_dir.to_path_buf(),
            reader: std::io::BufReader::with_capacity(1 << 16, f),
            pos: 0,
        })
    }

    /// The bytes at `offset..offset + len`; `None` if the file is shorter.
    pub(crate) fn read(&mut self, offset: u64, len: u64) -> Result<Option<Vec<u8>>, Error> {
        let io = io_error(&self.dir);
        if offset != self.pos {
            let delta = i64::try_from(i128::from(offset) - i128::from(self.pos))
                .map_err(|_| io(std::io::Error::other("record offset out of range")))?;
            self.reader.seek_relative(delta).map_err(&io)?;
        }
        let Ok(len_usize) = usize::try_from(len) else {
            return Ok(None);
        };
        let mut buf = vec![0u8; len_usize];
        match self.reader.read_exact(&mut buf) {
            Ok(()) => {
                self.pos = offset + len;
                Ok(Some(buf))
            }
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                // Position unknown after a short read: seek from the start next time.
                self.pos = self.reader.stream_position().map_err(&io)?;
                Ok(None)
            }
            Err(e) => Err(io(e)),
        }
    }
}

/// Reads the stored grouping of a generation.
pub(crate) fn read_grouping(index_dir: &Path, generation: u64) -> Result<Grouping, Error> {
    let path = file(index_dir, "grouping", generation, "json");
    let bytes = std::fs::read(&path).map_err(io_error(index_dir))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| corrupt(index_dir, format!("{}: {e}", path.display())))
}

/// Writes a new generation: the records of `records` (story id -> serialised record,
/// in any order) are appended as they come; then the directory, the grouping and
/// finally `current.json`.
pub(crate) struct GenerationWriter {
    index_dir: PathBuf,
    generation: u64,
    records: std::io::BufWriter<std::fs::File>,
    offset: u64,
    /// (size, id, offset, len, members column, title) per story written.
    lines: Vec<(usize, String, u64, u64, String, String)>,
}

impl GenerationWriter {
    pub(crate) fn new(index_dir: &Path, previous: Option<Current>) -> Result<Self, Error> {
        let dir = stories_dir(index_dir);
        std::fs::create_dir_all(&dir).map_err(io_error(index_dir))?;
        // Past every generation on disk, even when `current.json` is unreadable, so that
        // a reader never mistakes new files for ones it has loaded.
        let on_disk = std::fs::read_dir(&dir)
            .map_err(io_error(index_dir))?
            .flatten()
            .filter_map(|e| generation_of(&e.file_name().to_string_lossy()))
            .max();
        let generation = previous
            .map(|c| c.generation)
            .max(on_disk)
            .map_or(1, |g| g + 1);
        let path = file(index_dir, "records", generation, "ndjson");
        let f = std::fs::File::create(&path).map_err(io_error(index_dir))?;
        Ok(GenerationWriter {
            index_dir: index_dir.to_path_buf(),
            generation,
            records: std::io::BufWriter::new(f),
            offset: 0,
            lines: Vec::new(),
        })
    }

    /// Appends one story's record (`json` without its newline; empty for a story whose
    /// record is not stored).
    pub(crate) fn push(
        &mut self,
        id: &str,
        members: &[(String, Option<String>)],
        title: &str,
        json: &[u8],
    ) -> Result<(), Error> {
        let offset = if json.is_empty() {
            0
        } else {
            self.records
                .write_all(json)
                .and_then(|_| self.records.write_all(b"\n"))
                .map_err(io_error(&self.index_dir))?;
            let at = self.offset;
            self.offset += json.len() as u64 + 1;
            at
        };
        let mut column = String::new();
        for (i, (m, of)) in members.iter().enumerate() {
            if i > 0 {
                column.push(' ');
            }
            column.push_str(&escape(m));
            if let Some(of) = of {
                column.push('=');
                column.push_str(&escape(of));
            }
        }
        let title: String = title
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.lines.push((
            members.len(),
            escape(id),
            offset,
            json.len() as u64,
            column,
            title,
        ));
        Ok(())
    }

    /// Completes the generation and makes it current; deletes the other generations' files.
    pub(crate) fn finish(mut self, grouping: &Grouping) -> Result<Current, Error> {
        let io = io_error(&self.index_dir);
        self.records
            .flush()
            .and_then(|_| self.records.get_ref().sync_all())
            .map_err(&io)?;
        self.lines
            .sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut directory = String::with_capacity(self.lines.len() * 64);
        let mut documents = 0;
        for (size, id, offset, len, members, title) in &self.lines {
            documents += size;
            directory.push_str(&format!(
                "{id}\t{size}\t{offset}\t{len}\t{members}\t{title}\n"
            ));
        }
        let g = self.generation;
        write_synced(
            &file(&self.index_dir, "directory", g, "tsv"),
            directory.as_bytes(),
        )
        .map_err(&io)?;
        let grouping_json = serde_json::to_vec(grouping).map_err(|e| io(e.into()))?;
        write_synced(
            &file(&self.index_dir, "grouping", g, "json"),
            &grouping_json,
        )
        .map_err(&io)?;
        let current = Current {
            version: LAYOUT_VERSION,
            generation: g,
            documents,
            groups: self.lines.len(),
        };
        let dir = stories_dir(&self.index_dir);
        let tmp = dir.join(format!("{CURRENT}.tmp"));
        let json = serde_json::to_vec(&current).map_err(|e| io(e.into()))?;
        write_synced(&tmp, &json).map_err(&io)?;
        std::fs::rename(&tmp, dir.join(CURRENT)).map_err(&io)?;
        remove_other_generations(&dir, g);
        Ok(current)
    }
}

/// Writes a file and flushes it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Deletes generation files other than `keep` (best effort: a leftover is harmless).
fn remove_other_generations(dir: &Path, keep: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if generation_of(&e.file_name().to_string_lossy()).is_some_and(|g| g != keep) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The generation in a file name such as `records-3.ndjson`.
fn generation_of(name: &str) -> Option<u64> {
    name.split_once('-')
        .and_then(|(_, rest)| rest.split_once('.'))
        .and_then(|(n, _)| n.parse::<u64>().ok())
}

/// `%`, whitespace, `=` and control characters as `%XX`, so ids fit the directory's columns.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c == '=' || c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanned_lookups_equal_the_maps() {
        let entry = |id: &str, members: &[(&str, Option<&str>)]| Entry {
            id: id.into(),
            size: members.len(),
            offset: 0,
            len: 0,
            members: members
                .iter()
                .map(|(m, of)| (m.to_string(), of.map(str::to_string)))
                .collect(),
            title: String::new(),
        };
        let loaded = Loaded {
            current: Current {
                version: 1,
                generation: 1,
                documents: 6,
                groups: 3,
            },
            entries: vec![
                entry(
                    "s1",
                    &[("a", None), ("b", Some("a")), ("c", None), ("d", Some("a"))],
                ),
                entry("s2", &[("e", None)]),
                entry("s3", &[("f", Some("c"))]),
            ],
            lookups: std::sync::OnceLock::new(),
            scans: std::sync::atomic::AtomicUsize::new(0),
            segments: Default::default(),
        };
        let ids = ["a", "b", "c", "d", "e", "f", "missing"];
        type Answers = Vec<(Option<(usize, Option<String>)>, Vec<String>)>;
        let ask = |l: &Loaded| -> Answers {
            ids.iter()
                .map(|id| {
                    (
                        l.member(id).map(|(i, of)| (i, of.map(str::to_string))),
                        l.copies_of(id),
                    )
                })
                .collect()
        };
        let scanned = ask(&loaded);
        assert!(
            loaded.lookups.get().is_none(),
            "a few lookups build no maps"
        );
        assert_eq!(scanned[1].0, Some((0, Some("a".to_string()))));
        assert_eq!(scanned[0].1, vec!["b".to_string(), "d".to_string()]);
        assert_eq!(
            scanned[2].1,
            vec!["f".to_string()],
            "a copy in another story"
        );
        while loaded.lookups.get().is_none() {
            let _ = loaded.member("a");
        }
        assert_eq!(ask(&loaded), scanned, "the maps answer as the scans did");
    }

    #[test]
    fn ids_survive_escaping() {
        for id in [
            "c3fdc311a6ea0004",
            "a b",
            "x=y",
            "50%",
            "tab\there",
            "é\n",
            "",
        ] {
            let e = escape(id);
            assert!(!e.contains([' ', '\t', '\n', '=']), "{e:?}");
            assert_eq!(unescape(&e), id);
        }
    }
}

//! Reads newsdesk inputs into [`RawDocument`]s: files, directories (walked recursively in
//! byte-wise path order, hidden entries skipped) and standard input (`-`), in the formats
//! plain text, HTML, JSON lines, WARC and RSS/Atom feeds, each optionally gzip-compressed.
//! Containers are unwrapped into one raw document per article with its provenance: the
//! [`RawDocument::source`] is the path, or `path#record` inside a container (`#L3` for a
//! JSON line, `#<urn:uuid:..>` for a WARC record, `#item-2` for a feed item), and
//! [`RawDocument::offset`] is the record's byte offset in the (decompressed) stream.
//!
//! The principal entry points are [`spawn_reader`], which streams every input through a
//! bounded tokio channel in input order, and [`parse_bytes`] / [`read_input`], which do the
//! same synchronously for one input. Nothing stops at a bad document: each failure is one
//! [`Error`] item naming the document, and the reader goes on with the next line, record or
//! file. Decoding character sets and extracting text is normalise's job, not this crate's.
//!
//! ```
//! use newsdesk_ingest::{parse_bytes, ReadOptions};
//! use newsdesk_model::ContentKind;
//!
//! let input = concat!(
//!     r#"{"title": "Ceasefire agreed", "text": "Turkey and Russia agreed a ceasefire.", "published": "2020-03-05", "source": "The Wire"}"#,
//!     "\n",
//!     "{not json}\n",
//!     r#"{"title": "Patrols", "body": "<p>Joint patrols begin on March 15.</p>"}"#,
//!     "\n",
//! );
//! let mut items = Vec::new();
//! parse_bytes("wire.jsonl", input.as_bytes(), &ReadOptions::default(), &mut |item| items.push(item));
//!
//! let first = items[0].as_ref().unwrap();
//! assert_eq!(first.source, "wire.jsonl#L1");
//! assert_eq!(first.title.as_deref(), Some("Ceasefire agreed"));
//! assert_eq!(first.published.as_deref(), Some("2020-03-05"));
//! assert_eq!(first.outlet.as_deref(), Some("The Wire"));
//! assert_eq!(first.bytes, b"Turkey and Russia agreed a ceasefire.");
//!
//! let bad = items[1].as_ref().unwrap_err();
//! assert_eq!(bad.document(), "wire.jsonl#L2");
//!
//! let third = items[2].as_ref().unwrap();
//! assert_eq!(third.kind, ContentKind::Html);
//! assert_eq!(third.offset, 139);
//! ```
#![warn(missing_docs)]

mod detect;
mod error;
mod feed;
mod http;
mod input;
mod jsonl;
mod warc;

pub use error::Error;
use input::Input;
use newsdesk_model::{ContentKind, Format, RawDocument};
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, BufReader, ErrorKind, Read};
use std::path::{Path, PathBuf};

/// How many leading bytes are looked at to detect a format.
const HEAD_BYTES: usize = 4096;
/// Read buffer size for files and decompressed streams.
const BUFFER_BYTES: usize = 64 * 1024;

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The format to assume; `Auto` decides per file (see [`detect_format`]).
    pub format: Format,
    /// Documents larger than this are refused with [`Error::TooLarge`]: whole files (text,
    /// HTML; after decompression), single JSON lines, WARC record payloads and feed item
    /// bodies. Containers themselves may be larger.
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: Format::Auto,
            max_document_bytes: 20 * 1024 * 1024,
        }
    }
}

/// One item of the reader's stream: a document or an error naming the document.
pub type Item = Result<RawDocument, Error>;

/// Decides the format of a file from its name and first bytes; never returns `Auto`.
///
/// Gzip input (by its magic bytes) is looked into: the name without `.gz` and the first
/// decompressed bytes decide. Then, in order: `.txt` is always text and `.jsonl`/`.ndjson`
/// always JSON lines; content that starts with `WARC/1.` is WARC; markup whose root element
/// (after any XML declaration, comments and doctype) is `rss`, `rdf:RDF` or `feed` is a feed
/// and `<!doctype html` or `<html` is HTML; then the extension (`.html`/`.htm`/`.xhtml`,
/// `.warc`, `.rss`/`.atom`/`.rdf`, `.json` starting with `{`); then a first line that is a
/// whole JSON object means JSON lines; anything else is text.
pub fn detect_format(name: &str, head: &[u8]) -> Format {
    detect::detect(name, head)
}

/// Parses the bytes of one input (already read) and emits its documents in order.
///
/// `source` names the input in documents and errors, and its extension takes part in format
/// detection when `options.format` is `Auto`.
pub fn parse_bytes(source: &str, bytes: &[u8], options: &ReadOptions, emit: &mut dyn FnMut(Item)) {
    let mut reader = bytes;
    let mut emit_all = |item| {
        emit(item);
        true
    };
    let mut sink = Sink::new(&mut emit_all);
    read_stream(
        source,
        &mut reader,
        Some(bytes.len() as u64),
        options,
        &mut sink,
    );
}

/// Reads one input (a file path, or `-` for standard input) and emits its documents in
/// order, streaming: containers are parsed record by record as they are read and
/// decompressed, and a file over the limit is refused from its size alone.
pub fn read_input(path: &Path, options: &ReadOptions, emit: &mut dyn FnMut(Item)) {
    let mut emit_all = |item| {
        emit(item);
        true
    };
    read_path(path, options, &mut Sink::new(&mut emit_all));
}

/// Expands the command-line paths: files as given, directories walked recursively (hidden
/// files and directories skipped, symbolic links followed, cycles broken) with their files
/// in byte-wise sorted path order, `-` kept for standard input. A path that cannot be read
/// becomes an error in its place.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(path.clone()));
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out),
            Ok(_) => out.push(Ok(path.clone())),
            Err(e) => out.push(Err(io_error(path, &e))),
        }
    }
    out
}

/// Reads every input on the current tokio runtime and sends its documents, in input
/// order, into a bounded channel of `capacity` items.
///
/// Reading and parsing run on tokio's blocking pool (where `tokio::fs` does its work too),
/// streaming each input: when the channel is full the reader waits, so memory stays bounded
/// by `capacity` documents plus the one being parsed. Dropping the receiver stops the reader.
pub fn spawn_reader(
    paths: Vec<PathBuf>,
    options: ReadOptions,
    capacity: usize,
) -> tokio::sync::mpsc::Receiver<Item> {
    let (tx, rx) = tokio::sync::mpsc::channel(capacity.max(1));
    tokio::task::spawn_blocking(move || {
        for entry in expand_paths(&paths) {
            let open = match entry {
                Ok(path) => {
                    let mut send = |item| tx.blocking_send(item).is_ok();
                    let mut sink = Sink::new(&mut send);
                    read_path(&path, &options, &mut sink);
                    sink.is_open()
                }
                Err(e) => tx.blocking_send(Err(e)).is_ok(),
            };
            if !open {
                return;
            }
        }
    });
    rx
}

/// Where parsers send their items; closes when the consumer goes away.
pub(crate) struct Sink<'a> {
    emit: &'a mut dyn FnMut(Item) -> bool,
    open: bool,
}

impl<'a> Sink<'a> {
    fn new(emit: &'a mut dyn FnMut(Item) -> bool) -> Self {
        Sink { emit, open: true }
    }

    /// Sends an item unless the consumer has gone.
    pub(crate) fn send(&mut self, item: Item) {
        if self.open {
            self.open = (self.emit)(item);
        }
    }

    /// Whether the consumer still takes items; parsers stop when it does not.
    pub(crate) fn is_open(&self) -> bool {
        self.open
    }
}

/// What a parser needs to know about the input it reads.
pub(crate) struct Ctx<'a> {
    /// The input's name (path or `-`).
    pub(crate) name: &'a str,
    /// [`ReadOptions::max_document_bytes`].
    pub(crate) limit: u64,
    /// Whether the stream is being decompressed.
    pub(crate) gzip: bool,
}

impl Ctx<'_> {
    /// The error for a failed read: a gzip error when decompression broke.
    pub(crate) fn read_error(&self, document: String, e: io::Error) -> Error {
        let broken_stream = matches!(
            e.kind(),
            ErrorKind::InvalidInput | ErrorKind::InvalidData | ErrorKind::UnexpectedEof
        );
        if self.gzip && broken_stream {
            Error::Gzip {
                document,
                message: e.to_string(),
            }
        } else {
            Error::Io {
                document,
                message: e.to_string(),
            }
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn io_error(path: &Path, e: &io::Error) -> Error {
    Error::Io {
        document: display(path),
        message: e.to_string(),
    }
}

fn walk(root: &Path, out: &mut Vec<Result<PathBuf, Error>>) {
    let mut found: Vec<(Vec<u8>, Result<PathBuf, Error>)> = Vec::new();
    let mut seen = HashSet::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        if let Ok(real) = fs::canonicalize(&dir)
            && !seen.insert(real)
        {
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found.push((key(&dir), Err(io_error(&dir, &e))));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    found.push((key(&dir), Err(io_error(&dir, &e))));
                    continue;
                }
            };
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => dirs.push(path),
                Ok(meta) if meta.is_file() => found.push((key(&path), Ok(path))),
                // Sockets, devices and FIFOs inside a tree are not documents.
                Ok(_) => {}
                Err(e) => found.push((key(&path), Err(io_error(&path, &e)))),
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(found.into_iter().map(|(_, entry)| entry));
}

fn key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

fn read_path(path: &Path, options: &ReadOptions, sink: &mut Sink<'_>) {
    let name = display(path);
    if path.as_os_str() == "-" {
        let stdin = io::stdin();
        let mut lock = stdin.lock();
        return read_stream(&name, &mut lock, None, options, sink);
    }
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) => return sink.send(Err(io_error(path, &e))),
    };
    let known_len = match file.metadata() {
        Ok(meta) if meta.is_dir() => {
            return sink.send(Err(Error::Io {
                document: name,
                message: "is a directory".into(),
            }));
        }
        Ok(meta) if meta.is_file() => Some(meta.len()),
        Ok(_) => None,
        Err(e) => return sink.send(Err(io_error(path, &e))),
    };
    let mut reader = BufReader::with_capacity(BUFFER_BYTES, file);
    read_stream(&name, &mut reader, known_len, options, sink);
}

/// Detects the format (unless given), unwraps gzip and hands the stream to its parser.
fn read_stream(
    name: &str,
    reader: &mut dyn BufRead,
    known_len: Option<u64>,
    options: &ReadOptions,
    sink: &mut Sink<'_>,
) {
    let mut raw = Input::new(reader);
    let head = match raw.peek(HEAD_BYTES) {
        Ok(head) => head.to_vec(),
        Err(e) => {
            return sink.send(Err(Error::Io {
                document: name.to_string(),
                message: e.to_string(),
            }));
        }
    };
    let format = match options.format {
        Format::Auto => detect::detect(name, &head),
        format => format,
    };
    let limit = options.max_document_bytes as u64;
    if detect::is_gzip(&head) {
        let decoder = flate2::bufread::MultiGzDecoder::new(raw);
        let mut decoded = BufReader::with_capacity(BUFFER_BYTES, decoder);
        let mut input = Input::new(&mut decoded);
        let ctx = Ctx {
            name,
            limit,
            gzip: true,
        };
        parse_format(&ctx, format, &mut input, None, sink);
    } else {
        let ctx = Ctx {
            name,
            limit,
            gzip: false,
        };
        parse_format(&ctx, format, &mut raw, known_len, sink);
    }
}

fn parse_format(
    ctx: &Ctx<'_>,
    format: Format,
    input: &mut Input<'_>,
    known_len: Option<u64>,
    sink: &mut Sink<'_>,
) {
    match format {
        Format::Jsonl => jsonl::parse(ctx, input, sink),
        Format::Warc => warc::parse(ctx, input, sink),
        Format::Feed => feed::parse(ctx, input, sink),
        Format::Html => sink.send(whole(ctx, ContentKind::Html, input, known_len)),
        Format::Text | Format::Auto => sink.send(whole(ctx, ContentKind::Text, input, known_len)),
    }
}

/// A whole input as one document, refused unread when its known size is over the limit.
fn whole(ctx: &Ctx<'_>, kind: ContentKind, input: &mut Input<'_>, known_len: Option<u64>) -> Item {
    let too_large = |size| Error::TooLarge {
        document: ctx.name.to_string(),
        size,
        limit: ctx.limit,
    };
    if let Some(size) = known_len.filter(|size| *size > ctx.limit) {
        return Err(too_large(Some(size)));
    }
    let mut bytes = Vec::new();
    input
        .take(ctx.limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ctx.read_error(ctx.name.to_string(), e))?;
    if bytes.len() as u64 > ctx.limit {
        return Err(too_large(None));
    }
    Ok(RawDocument {
        source: ctx.name.to_string(),
        kind,
        bytes,
        ..RawDocument::default()
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Write;

    /// One line describing an item, for data-driven tests and snapshots.
    pub(crate) fn summarise(item: &Item) -> String {
        let doc = match item {
            Ok(doc) => doc,
            Err(e) => return format!("ERR {e}"),
        };
        let mut line = format!(
            "{} {}",
            doc.source,
            match doc.kind {
                ContentKind::Text => "text",
                ContentKind::Html => "html",
            }
        );
        let fields = [
            ("title", &doc.title),
            ("url", &doc.url),
            ("published", &doc.published),
            ("outlet", &doc.outlet),
            ("charset", &doc.charset),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                line.push_str(&format!(" {name}={value}"));
            }
        }
        line.push_str(&format!(" @{} {}B", doc.offset, doc.bytes.len()));
        line
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    fn check(name: &str, input: &[u8], format: Format, limit: usize, expected: &[&str]) {
        let options = ReadOptions {
            format,
            max_document_bytes: limit,
        };
        let mut got = Vec::new();
        parse_bytes(name, input, &options, &mut |item| {
            got.push(summarise(&item))
        });
        assert_eq!(got, expected, "{name}");
    }

    #[test]
    fn whole_files() {
        /// Name, bytes, format, limit, expected items.
        type Case<'a> = (&'a str, &'a [u8], Format, usize, &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            (
                "a.txt",
                b"Some text.",
                Format::Auto,
                100,
                &["a.txt text @0 10B"],
            ),
            ("a.txt", b"", Format::Auto, 100, &["a.txt text @0 0B"]),
            (
                "p.html",
                b"<p>x</p>",
                Format::Auto,
                100,
                &["p.html html @0 8B"],
            ),
            (
                "p.html",
                b"<p>x</p>",
                Format::Text,
                100,
                &["p.html text @0 8B"],
            ),
            (
                "-",
                b"<!DOCTYPE html><p>x",
                Format::Auto,
                100,
                &["- html @0 19B"],
            ),
            (
                "a.txt",
                b"0123456789",
                Format::Auto,
                9,
                &["ERR a.txt: document of 10 bytes exceeds the limit of 9 bytes"],
            ),
            (
                "a.txt",
                b"0123456789",
                Format::Auto,
                10,
                &["a.txt text @0 10B"],
            ),
            (
                "bin",
                b"\x00\xff\xfe\x01",
                Format::Auto,
                100,
                &["bin text @0 4B"],
            ),
        ];
        for (name, input, format, limit, expected) in cases {
            check(name, input, *format, *limit, expected);
        }
    }

    #[test]
    fn unsized_streams_are_read_up_to_the_limit() {
        // Standard input has no size to check first: at most limit + 1 bytes are read.
        let options = ReadOptions {
            format: Format::Auto,
            max_document_bytes: 5,
        };
        let mut got = Vec::new();
        for input in [&b"12345"[..], b"123456789"] {
            let mut reader = input;
            let mut emit = |item: Item| {
                got.push(summarise(&item));
                true
            };
            read_stream("-", &mut reader, None, &options, &mut Sink::new(&mut emit));
        }
        assert_eq!(
            got,
            [
                "- text @0 5B",
                "ERR -: document exceeds the limit of 5 bytes"
            ]
        );
    }

    #[test]
    fn gzip_inputs() {
        check(
            "a.txt.gz",
            &gz(b"Zipped text."),
            Format::Auto,
            100,
            &["a.txt.gz text @0 12B"],
        );
        check(
            "a.html.gz",
            &gz(&[b'x'; 50]),
            Format::Auto,
            20,
            &["ERR a.html.gz: document exceeds the limit of 20 bytes"],
        );
        let lines = b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"three\"}\n";
        check(
            "a.jsonl.gz",
            &gz(lines),
            Format::Auto,
            100,
            &[
                "a.jsonl.gz#L1 text charset=utf-8 @0 3B",
                "a.jsonl.gz#L2 text charset=utf-8 @15 3B",
                "a.jsonl.gz#L3 text charset=utf-8 @30 5B",
            ],
        );
        // Multi-member: one member per line, as record-wise compressors write.
        let mut members = gz(b"{\"text\":\"one\"}\n");
        members.extend(gz(b"{\"text\":\"two\"}\n"));
        check(
            "-",
            &members,
            Format::Auto,
            100,
            &[
                "-#L1 text charset=utf-8 @0 3B",
                "-#L2 text charset=utf-8 @15 3B",
            ],
        );
        // Cut in the middle of the stream: the lines that decoded, then one error.
        let mut big = Vec::new();
        for n in 0..200 {
            big.extend(format!("{{\"text\":\"line {n} {}\"}}\n", "abc ".repeat(n % 7)).bytes());
        }
        let zipped = gz(&big);
        let cut = zipped.get(..zipped.len() / 2).unwrap_or_default();
        let mut got = Vec::new();
        parse_bytes("cut.jsonl.gz", cut, &ReadOptions::default(), &mut |i| {
            got.push(i)
        });
        let errors: Vec<_> = got.iter().filter_map(|i| i.as_ref().err()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            matches!(errors.first(), Some(Error::Gzip { .. })),
            "{errors:?}"
        );
        assert!(got.len() > 10 && got.last().is_some_and(Result::is_err));
    }

    #[test]
    fn expand_sorts_bytewise_and_skips_hidden() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        for file in [
            "b.txt",
            "b/c.txt",
            "B.txt",
            "a/z.txt",
            ".hidden.txt",
            ".git/x.txt",
            "a/.h/y.txt",
        ] {
            let path = root.join(file);
            if let Some(parent) = path.parent() {
                let _ = fs::create_dir_all(parent);
            }
            let _ = fs::write(&path, file);
        }
        let missing = root.join("missing.txt");
        let got: Vec<String> = expand_paths(&[
            root.join("b"),
            PathBuf::from("-"),
            root.to_path_buf(),
            missing,
        ])
        .into_iter()
        .map(|entry| match entry {
            Ok(path) => display(path.strip_prefix(root).unwrap_or(&path)),
            Err(e) => format!(
                "ERR {}",
                e.document().strip_prefix(&display(root)).unwrap_or("?")
            ),
        })
        .collect();
        assert_eq!(
            got,
            [
                "b/c.txt",
                "-",
                "B.txt",
                "a/z.txt",
                "b.txt",
                "b/c.txt",
                "ERR /missing.txt"
            ]
        );
    }

    #[test]
    fn spawn_reader_keeps_input_order() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        let mut paths = Vec::new();
        let mut expected = Vec::new();
        for n in 0..12 {
            let (name, body) = if n % 3 == 0 {
                let body: String = (0..n + 1)
                    .map(|i| format!("{{\"text\":\"{n}-{i}\"}}\n"))
                    .collect();
                (format!("f{n:02}.jsonl"), body)
            } else {
                (format!("f{n:02}.txt"), format!("text {n}"))
            };
            let path = root.join(&name);
            let _ = fs::write(&path, &body);
            if name.ends_with(".jsonl") {
                expected.extend((1..=n + 1).map(|i| format!("{}#L{i}", display(&path))));
            } else {
                expected.push(display(&path));
            }
            paths.push(path);
        }
        // Reverse the input order: the output follows the inputs, not the file names.
        paths.reverse();
        let mut reversed: Vec<String> = Vec::new();
        for path in &paths {
            let p = display(path);
            reversed.extend(
                expected
                    .iter()
                    .filter(|s| **s == p || s.starts_with(&format!("{p}#")))
                    .cloned(),
            );
        }
        paths.push(root.join("missing.txt"));
        reversed.push(display(&root.join("missing.txt")));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .expect("tokio runtime");
        let got = runtime.block_on(async move {
            let mut rx = spawn_reader(paths, ReadOptions::default(), 1);
            let mut got = Vec::new();
            while let Some(item) = rx.recv().await {
                got.push(match item {
                    Ok(doc) => doc.source,
                    Err(e) => e.document().to_string(),
                });
            }
            got
        });
        assert_eq!(got, reversed);
    }

    #[test]
    fn a_50_mb_single_line_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("huge.jsonl");
        let mut file = fs::File::create(&path).expect("create the test file");
        let chunk = vec![b'x'; 1024 * 1024];
        let _ = file.write_all(b"{\"text\":\"");
        for _ in 0..50 {
            let _ = file.write_all(&chunk);
        }
        let _ = file.write_all(b"\"}\n{\"text\":\"small\"}\n");
        drop(file);
        let mut got = Vec::new();
        read_input(&path, &ReadOptions::default(), &mut |item| got.push(item));
        let name = display(&path);
        assert_eq!(got.len(), 2);
        match got.first() {
            Some(Err(
                e @ Error::TooLarge {
                    size: Some(size), ..
                },
            )) => {
                assert_eq!(e.document(), format!("{name}#L1"));
                assert_eq!(*size, 50 * 1024 * 1024 + 11);
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
        assert!(matches!(got.get(1), Some(Ok(doc)) if doc.bytes == b"small"));
        // The same bytes as one text file are refused from their size, unread.
        let text = dir.path().join("huge.txt");
        let _ = fs::rename(&path, &text);
        let mut got = Vec::new();
        read_input(&text, &ReadOptions::default(), &mut |item| got.push(item));
        assert!(
            matches!(got.as_slice(), [Err(Error::TooLarge { size: Some(_), document, .. })] if *document == display(&text))
        );
    }

    #[test]
    fn read_input_reports_missing_files() {
        let mut got = Vec::new();
        read_input(
            Path::new("/nonexistent/x.txt"),
            &ReadOptions::default(),
            &mut |i| got.push(summarise(&i)),
        );
        assert_eq!(
            got,
            ["ERR /nonexistent/x.txt: cannot read: No such file or directory (os error 2)"]
        );
    }

    /// Every fixture's documents and errors, one line each.
    fn snapshot_fixture(path: &Path) {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let name = path
            .strip_prefix(&workspace)
            .ok()
            .and_then(|p| fs::canonicalize(&workspace).ok().map(|_| p))
            .map(display)
            .unwrap_or_else(|| {
                let s = display(path);
                s.split("fixtures/")
                    .nth(1)
                    .map(|r| format!("fixtures/{r}"))
                    .unwrap_or(s)
            });
        let Ok(bytes) = fs::read(path) else { return };
        let mut lines = vec![format!("detected: {}", detect_format(&name, &bytes))];
        parse_bytes(&name, &bytes, &ReadOptions::default(), &mut |i| {
            lines.push(summarise(&i))
        });
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn fixtures_formats() {
        insta::glob!(
            "../../../fixtures/formats",
            "**/*.{html,jsonl,gz,rss,atom}",
            snapshot_fixture
        );
    }

    #[test]
    fn fixtures_bad() {
        insta::glob!("../../../fixtures/bad", "*", snapshot_fixture);
    }

    /// Every wrapping of the seed articles in fixtures/formats carries each paragraph of
    /// the plain .txt unchanged (HTML-escaped where it is HTML, citation marks as `<sup>`).
    #[test]
    fn fixtures_carry_the_seed_text() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut seeds: Vec<(String, String)> = fs::read_dir(fixtures.join("articles"))
            .expect("fixtures/articles")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| {
                let stem = p
                    .file_stem()
                    .map(|s| display(Path::new(s)))
                    .unwrap_or_default();
                (stem, fs::read_to_string(&p).expect("seed text"))
            })
            .collect();
        seeds.sort();
        assert_eq!(seeds.len(), 3);
        let mut wrapped: Vec<(String, ContentKind, String)> = Vec::new();
        let mut inputs: Vec<PathBuf> = ["seeds.jsonl", "seeds.warc.gz", "seeds.rss", "seeds.atom"]
            .iter()
            .map(|f| fixtures.join("formats").join(f))
            .collect();
        inputs.extend(
            seeds
                .iter()
                .map(|(stem, _)| fixtures.join(format!("formats/html/{stem}.html"))),
        );
        for input in &inputs {
            read_input(input, &ReadOptions::default(), &mut |item| {
                let doc = item.expect("fixture documents parse");
                let text = String::from_utf8(doc.bytes).expect("UTF-8 fixture");
                wrapped.push((
                    doc.source,
                    doc.kind,
                    text.replace("<sup>", "").replace("</sup>", ""),
                ));
            });
        }
        assert_eq!(wrapped.len(), 15);
        for (n, (stem, text)) in seeds.iter().enumerate() {
            // Documents come in seed order inside each container; pages are one per file.
            let docs = [n, 3 + n, 6 + n, 9 + n, 12 + n];
            for index in docs {
                let (source, kind, body) = wrapped.get(index).expect("document");
                if *kind == ContentKind::Text {
                    assert_eq!(body, text, "{source}");
                    continue;
                }
                for para in text.split("\n\n").filter(|p| *p != "More:") {
                    let escaped = para
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    assert!(
                        body.contains(&escaped),
                        "{source} lacks a paragraph of {stem}: {para}"
                    );
                }
            }
        }
    }

    fn arbitrary_input() -> impl Strategy<Value = Vec<u8>> {
        let fragments = prop::sample::select(vec![
            &b"WARC/1.0\r\n"[..],
            b"WARC-Type: response\r\n",
            b"Content-Length: 12\r\n",
            b"Content-Type: application/http; msgtype=response\r\n",
            b"\r\n",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
            b"5\r\nhello\r\n0\r\n",
            b"{\"text\":\"x\",\"title\":",
            b"}\n",
            b"<rss><channel><title>T</title><item>",
            b"<description>&lt;p&gt;&#x2019;&amp;</description>",
            b"<content type=\"xhtml\"><div>",
            b"</item></feed>",
            b"<![CDATA[<p>",
            b"]]>",
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
            b"\xff\xfe\x00",
        ]);
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            prop::collection::vec(fragments, 0..24).prop_map(|parts| parts.concat()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// No format's parser panics or loops on arbitrary bytes, and every offset of an
        /// uncompressed input lies inside it.
        #[test]
        fn parsers_never_panic(bytes in arbitrary_input(), compress in any::<bool>()) {
            let bytes = if compress { gz(&bytes) } else { bytes };
            for format in Format::ALL {
                let options = ReadOptions { format, max_document_bytes: 256 };
                let mut items = Vec::new();
                parse_bytes("in", &bytes, &options, &mut |item| items.push(item));
                for item in &items {
                    match item {
                        Ok(doc) => {
                            prop_assert!(doc.bytes.len() <= 256);
                            if !compress {
                                prop_assert!(doc.offset <= bytes.len() as u64);
                            }
                        }
                        Err(e) => prop_assert!(!e.to_string().contains('\n')),
                    }
                }
            }
        }
    }
}

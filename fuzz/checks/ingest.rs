//! Fuzz checks for newsdesk-ingest: each takes arbitrary bytes, runs one parser through the
//! public API and panics when an invariant breaks. Shared, through `#[path]`, by the fuzz
//! targets in `fuzz/fuzz_targets/` and by `crates/ingest/tests/fuzz_regressions.rs`, which
//! replays every file under `fuzz/regressions/<target>/` on stable.
#![allow(dead_code)] // each fuzz target uses one check

use newsdesk_ingest::{ReadOptions, detect_format, parse_bytes};
use newsdesk_model::Format;

/// The document limit used while fuzzing: small, so that the limit paths are reached.
const LIMIT: usize = 4096;

/// `ingest_warc`: the bytes as a WARC archive.
pub(crate) fn warc(data: &[u8]) {
    parse_checked("in.warc", data, Format::Warc, false);
}

/// `ingest_http`: the bytes as the HTTP response inside one WARC response record (correct
/// Content-Length), so that every input reaches the HTTP parser; it gives at most one item.
pub(crate) fn http(data: &[u8]) {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:fuzz>\r\n\
         WARC-Target-URI: http://example.com/a\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        data.len()
    )
    .into_bytes();
    record.extend_from_slice(data);
    record.extend_from_slice(b"\r\n\r\n");
    let items = parse_checked("in.warc", &record, Format::Warc, false);
    // A record is a document, an error, or nothing (a status or content type that is not
    // an article is skipped).
    assert!(items <= 1, "{items} items from one record");
}

/// `ingest_feed`: the bytes as an RSS/Atom feed.
pub(crate) fn feed(data: &[u8]) {
    parse_checked("in.rss", data, Format::Feed, false);
}

/// `ingest_jsonl`: the bytes as JSON lines.
pub(crate) fn jsonl(data: &[u8]) {
    parse_checked("in.jsonl", data, Format::Jsonl, false);
}

/// `ingest_gzip`: the bytes under format detection and then as every format, gzip framing
/// included when they start with the gzip magic (the seeds do).
pub(crate) fn gzip(data: &[u8]) {
    let compressed = data.starts_with(&[0x1f, 0x8b]);
    for format in Format::ALL {
        parse_checked("in.gz", data, format, compressed);
    }
}

/// Parses `data` and checks every item; returns how many items came out.
fn parse_checked(name: &str, data: &[u8], format: Format, compressed: bool) -> usize {
    let options = ReadOptions {
        format,
        max_document_bytes: LIMIT,
    };
    // Feed offsets count bytes of the feed decoded to UTF-8, where one input byte becomes at
    // most three (U+FFFD); other offsets count input bytes.
    let effective = match format {
        Format::Auto => detect_format(name, data),
        format => format,
    };
    let max_offset = if effective == Format::Feed {
        3 * data.len() as u64
    } else {
        data.len() as u64
    };
    let mut items = 0usize;
    parse_bytes(name, data, &options, &mut |item| {
        items += 1;
        match item {
            Ok(doc) => {
                assert!(doc.bytes.len() <= LIMIT, "document over the limit");
                assert!(doc.source.starts_with(name), "source {:?}", doc.source);
                if !compressed {
                    assert!(
                        doc.offset <= max_offset,
                        "offset {} past the input",
                        doc.offset
                    );
                }
            }
            Err(e) => {
                let message = e.to_string();
                assert!(!message.contains('\n'), "error over two lines: {message:?}");
                assert!(e.document().starts_with(name), "{:?}", e.document());
            }
        }
    });
    if !compressed {
        // Every item consumes input: no parser loops emitting items.
        assert!(
            items <= data.len() + 1,
            "{items} items from {} bytes",
            data.len()
        );
    }
    items
}

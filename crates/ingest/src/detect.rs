//! Format detection from the file name and the first bytes.

use newsdesk_model::Format;
use std::io::Read;

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// How many decompressed bytes of a gzip head are looked at.
const GZIP_SNIFF: usize = 2048;

pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// See [`crate::detect_format`].
pub(crate) fn detect(name: &str, head: &[u8]) -> Format {
    if is_gzip(head) {
        let inner_name = strip_suffix_ignore_case(name, ".gz")
            .or_else(|| strip_suffix_ignore_case(name, ".gzip"))
            .unwrap_or(name);
        let inner_head = gunzip_head(head);
        if is_gzip(&inner_head) {
            // Doubly compressed input is not unwrapped twice; treat as text (binary).
            return Format::Text;
        }
        return detect(inner_name, &inner_head);
    }
    let ext = extension(name);
    match ext.as_str() {
        "txt" | "text" => return Format::Text,
        "jsonl" | "ndjson" | "jsonlines" => return Format::Jsonl,
        _ => {}
    }
    let body = skip_bom_and_space(head);
    if body.starts_with(b"WARC/1.") || body.starts_with(b"WARC/0.") {
        return Format::Warc;
    }
    match markup_root(body) {
        Some(Root::Feed) => return Format::Feed,
        Some(Root::Html) => return Format::Html,
        Some(Root::OtherXml) | None => {}
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "warc" => Format::Warc,
        "rss" | "atom" | "rdf" => Format::Feed,
        "json" if body.starts_with(b"{") => Format::Jsonl,
        _ if looks_like_json_line(body) => Format::Jsonl,
        _ => Format::Text,
    }
}

fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(suffix.len())?;
    let tail = name.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix)
        .then(|| name.get(..cut))
        .flatten()
}

/// The lowercase extension of the last path component (`""` if none).
fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn gunzip_head(head: &[u8]) -> Vec<u8> {
    let mut decoder = flate2::read::MultiGzDecoder::new(head);
    let mut out = Vec::new();
    let mut buf = [0u8; 512];
    // A head is usually a cut-off stream: keep what decodes before the error.
    while out.len() < GZIP_SNIFF {
        match decoder.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(buf.get(..n).unwrap_or_default()),
        }
    }
    out
}

fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    head.get(start..).unwrap_or_default()
}

enum Root {
    Feed,
    Html,
    OtherXml,
}

/// Finds the root element of an XML or HTML head, skipping the declaration, comments,
/// processing instructions and the doctype.
fn markup_root(mut body: &[u8]) -> Option<Root> {
    let mut xml = false;
    for _ in 0..32 {
        body = skip_bom_and_space(body);
        if !body.starts_with(b"<") {
            return xml.then_some(Root::OtherXml);
        }
        let lower: Vec<u8> = body.iter().take(16).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"<!doctype html") {
            return Some(Root::Html);
        }
        let skip_to = if lower.starts_with(b"<?") {
            xml = true;
            find(body, b"?>").map(|i| i + 2)
        } else if lower.starts_with(b"<!--") {
            find(body, b"-->").map(|i| i + 3)
        } else if lower.starts_with(b"<!") {
            find(body, b">").map(|i| i + 1)
        } else {
            let name: Vec<u8> = body
                .iter()
                .skip(1)
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
                .map(u8::to_ascii_lowercase)
                .collect();
            let local = name.rsplit(|b| *b == b':').next().unwrap_or_default();
            return match local {
                b"rss" | b"feed" | b"rdf" => Some(Root::Feed),
                b"html" => Some(Root::Html),
                _ => xml.then_some(Root::OtherXml),
            };
        };
        body = body.get(skip_to?..)?;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// A first line that is a whole JSON object (`{` ... `}` before the first newline), or, when
/// the first line is longer than the head, one that opens an object with a key (`{"`).
fn looks_like_json_line(body: &[u8]) -> bool {
    let Some(rest) = body.strip_prefix(b"{") else {
        return false;
    };
    match memchr::memchr(b'\n', body) {
        Some(end) => body
            .get(..end)
            .is_some_and(|line| line.trim_ascii_end().ends_with(b"}")),
        None => rest.trim_ascii_start().starts_with(b"\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    fn check(name: &str, head: &[u8], expected: Format) {
        assert_eq!(
            detect(name, head),
            expected,
            "{name}: {:?}",
            String::from_utf8_lossy(head)
        );
    }

    #[test]
    fn by_name_and_content() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("a.txt", b"<html><body>x</body></html>", Format::Text),
            ("notes", b"Just some words.\n", Format::Text),
            ("a.html", b"plain words", Format::Html),
            ("a.HTM", b"", Format::Html),
            (
                "page",
                b"\xEF\xBB\xBF  <!DOCTYPE html>\n<html>",
                Format::Html,
            ),
            ("page", b"<html lang=en>", Format::Html),
            (
                "x.xml",
                b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">",
                Format::Feed,
            ),
            (
                "x",
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Feed,
            ),
            (
                "x.xml",
                b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"..\">",
                Format::Feed,
            ),
            (
                "x.xml",
                b"<?xml version=\"1.0\"?><html xmlns=\"..\">",
                Format::Html,
            ),
            ("x.xml", b"<?xml version=\"1.0\"?><catalog>", Format::Text),
            ("a.rss", b"garbage", Format::Feed),
            ("a.atom", b"", Format::Feed),
            (
                "crawl",
                b"WARC/1.0\r\nWARC-Type: warcinfo\r\n",
                Format::Warc,
            ),
            ("crawl.warc", b"", Format::Warc),
            ("a.jsonl", b"", Format::Jsonl),
            ("a.ndjson", b"[1]", Format::Jsonl),
            ("a.json", b"{\"a\":\n1}", Format::Jsonl),
            ("a.json", b"[1, 2]", Format::Text),
            (
                "-",
                b"{\"title\": \"x\"}\n{\"title\": \"y\"}\n",
                Format::Jsonl,
            ),
            ("-", b"{not json at all\n", Format::Text),
            (
                "-",
                b"{\"text\": \"a line longer than the head",
                Format::Jsonl,
            ),
            ("-", b"{ not json, no newline", Format::Text),
            ("-", b"", Format::Text),
            ("bin", b"\x00\x01\x02\xff", Format::Text),
        ];
        for (name, head, expected) in cases {
            check(name, head, *expected);
        }
    }

    #[test]
    fn looks_inside_gzip() {
        check("a.jsonl.gz", &gz(b"{}\n"), Format::Jsonl);
        check("a.warc.gz", &gz(b"junk"), Format::Warc);
        check("a.gz", &gz(b"WARC/1.1\r\n"), Format::Warc);
        check("page.html.gz", &gz(b"<p>x"), Format::Html);
        check("-", &gz(b"<rss>"), Format::Feed);
        check("x.gz", &gz(&gz(b"<rss>")), Format::Text);
        // A cut-off head still decodes far enough.
        let whole = gz(b"WARC/1.0\r\nWARC-Type: response\r\n");
        check("-", whole.get(..20).unwrap_or_default(), Format::Warc);
    }
}

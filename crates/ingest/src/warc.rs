//! WARC archives: response, resource and conversion records become documents.

use crate::http::{self, Problem};
use crate::input::Input;
use crate::{Ctx, Error, Sink};
use newsdesk_model::{ContentKind, RawDocument};

/// Longest header line kept; longer lines make the record malformed.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1024;

/// A record header: the fields, names lowercased.
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads every record of `input`. Records are found by their `Content-Length`; a record
/// whose length does not end at a record boundary is reported and the reader resumes at
/// the next line that starts with `WARC/1.`.
pub(crate) fn parse(ctx: &Ctx<'_>, input: &mut Input<'_>, sink: &mut Sink<'_>) {
    let mut line = Vec::new();
    while sink.is_open() {
        let offset = input.position();
        line.clear();
        match input.read_line(MAX_HEADER_LINE, &mut line) {
            Ok(None) => return,
            Ok(Some(_)) => {}
            Err(e) => return sink.send(Err(ctx.read_error(ctx.name.to_string(), e))),
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        if !is_version_line(&line) {
            sink.send(Err(Error::Warc {
                document: ctx.name.to_string(),
                offset,
                message: format!(
                    "expected a `WARC/1.x` line, found `{}`",
                    crate::error::one_line(&String::from_utf8_lossy(line.trim_ascii()), 40)
                ),
            }));
            if let Err(e) = resync(input) {
                return sink.send(Err(ctx.read_error(ctx.name.to_string(), e)));
            }
            continue;
        }
        match read_record(ctx, input, offset) {
            Ok(Some(item)) => sink.send(item),
            Ok(None) => {}
            Err(Stop::Resync(error)) => {
                sink.send(Err(error));
                if let Err(e) = resync(input) {
                    return sink.send(Err(ctx.read_error(ctx.name.to_string(), e)));
                }
            }
            Err(Stop::End(error)) => return sink.send(Err(error)),
        }
    }
}

/// How a record failed.
enum Stop {
    /// Report, then look for the next record header.
    Resync(Error),
    /// Report and stop: the stream cannot be read further.
    End(Error),
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/1.") || line.starts_with(b"WARC/0.")
}

/// Skips lines up to the next `WARC/1.x` line, which is left to be read next.
fn resync(input: &mut Input<'_>) -> std::io::Result<()> {
    let mut line = Vec::new();
    loop {
        line.clear();
        let Some(found) = input.read_line(MAX_HEADER_LINE, &mut line)? else {
            return Ok(());
        };
        if !found.overflow && is_version_line(&line) {
            input.unread(&line);
            return Ok(());
        }
    }
}

/// Reads the header and content of one record whose version line was just read.
fn read_record(
    ctx: &Ctx<'_>,
    input: &mut Input<'_>,
    offset: u64,
) -> Result<Option<Result<RawDocument, Error>>, Stop> {
    let malformed = |document: &str, message: String| Error::Warc {
        document: document.to_string(),
        offset,
        message,
    };
    let io_error = |document: &str, e| Stop::End(ctx.read_error(document.to_string(), e));
    let header = read_header(input).map_err(|e| io_error(ctx.name, e))?;
    let header = match header {
        Ok(header) => header,
        Err(message) => return Err(Stop::Resync(malformed(ctx.name, message))),
    };
    let document = match header.get("warc-record-id") {
        Some(id) if !id.is_empty() => format!("{}#{}", ctx.name, crate::error::one_line(id, 200)),
        _ => format!("{}#byte-{offset}", ctx.name),
    };
    let length = match header.get("content-length").map(|v| v.parse::<u64>()) {
        Some(Ok(length)) => length,
        Some(Err(_)) => {
            let value = header.get("content-length").unwrap_or_default();
            return Err(Stop::Resync(malformed(
                &document,
                format!("bad Content-Length `{}`", crate::error::one_line(value, 40)),
            )));
        }
        None => {
            return Err(Stop::Resync(malformed(
                &document,
                "no Content-Length".to_string(),
            )));
        }
    };
    let record_type = header
        .get("warc-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let wanted = matches!(record_type.as_str(), "response" | "resource" | "conversion");
    if length > ctx.limit {
        let skipped = input.skip(length).map_err(|e| io_error(&document, e))?;
        if skipped < length {
            return Err(Stop::End(malformed(
                &document,
                format!("Content-Length {length} runs past the end of the input"),
            )));
        }
        check_boundary(input, &[], length).map_err(|e| match e {
            Boundary::Io(e) => io_error(&document, e),
            Boundary::Wrong(message) => Stop::Resync(malformed(&document, message)),
        })?;
        let refused = Error::TooLarge {
            document,
            size: Some(length),
            limit: ctx.limit,
        };
        return Ok(wanted.then_some(Err(refused)));
    }
    let mut content = Vec::new();
    let got = input
        .read_up_to(length, &mut content)
        .map_err(|e| io_error(&document, e))?;
    if got < length {
        input.unread(&content);
        return Err(Stop::Resync(malformed(
            &document,
            format!("Content-Length {length} runs past the end of the input ({got} bytes left)"),
        )));
    }
    check_boundary(input, &content, length).map_err(|e| match e {
        Boundary::Io(e) => io_error(&document, e),
        Boundary::Wrong(message) => Stop::Resync(malformed(&document, message)),
    })?;
    if !wanted {
        return Ok(None);
    }
    Ok(to_document(
        ctx,
        &header,
        &record_type,
        document,
        content,
        offset,
    ))
}

/// Reads header lines up to the empty line. The inner error is a malformed header.
fn read_header(input: &mut Input<'_>) -> std::io::Result<Result<Header, String>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        let Some(found) = input.read_line(MAX_HEADER_LINE, &mut line)? else {
            return Ok(Err("the header ends with the input".into()));
        };
        if found.overflow {
            return Ok(Err(format!(
                "a header line is longer than {MAX_HEADER_LINE} bytes"
            )));
        }
        let text = String::from_utf8_lossy(&line);
        let trimmed = text.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            return Ok(Ok(Header { fields }));
        }
        if trimmed.starts_with([' ', '\t'])
            && let Some((_, value)) = fields.last_mut()
        {
            value.push(' ');
            value.push_str(trimmed.trim());
            continue;
        }
        let Some((name, value)) = trimmed.split_once(':') else {
            if is_version_line(&line) {
                input.unread(&line);
                return Ok(Err("the header has no end".into()));
            }
            return Ok(Err(format!(
                "bad header line `{}`",
                crate::error::one_line(trimmed, 40)
            )));
        };
        let name = name.trim();
        if name.is_empty() || name.contains(|c: char| c.is_whitespace() || c.is_control()) {
            return Ok(Err(format!(
                "bad header line `{}`",
                crate::error::one_line(trimmed, 40)
            )));
        }
        fields.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok(Err(format!("more than {MAX_HEADER_LINES} header lines")))
}

enum Boundary {
    Io(std::io::Error),
    Wrong(String),
}

/// After the content comes an empty line (`\r\n\r\n`) and then the next record or the
/// end. If not, the length was wrong: the content is given back so that the resync can
/// find a record header inside it.
fn check_boundary(input: &mut Input<'_>, content: &[u8], length: u64) -> Result<(), Boundary> {
    let mut trailer = Vec::new();
    loop {
        let next = input.peek(1).map_err(Boundary::Io)?;
        match next.first() {
            Some(b @ (b'\r' | b'\n')) if trailer.len() < 8 => {
                trailer.push(*b);
                input.skip(1).map_err(Boundary::Io)?;
            }
            _ => break,
        }
    }
    let next = input.peek(7).map_err(Boundary::Io)?;
    if next.is_empty() || is_version_line(next) {
        return Ok(());
    }
    input.unread(&trailer);
    input.unread(content);
    Err(Boundary::Wrong(format!(
        "Content-Length {length} does not end at a record boundary"
    )))
}

/// Turns a wanted record into a document; `None` for content that is not an article
/// (images, scripts, redirects, error pages).
fn to_document(
    ctx: &Ctx<'_>,
    header: &Header,
    record_type: &str,
    document: String,
    content: Vec<u8>,
    offset: u64,
) -> Option<Result<RawDocument, Error>> {
    let (body, mime, charset) = if record_type == "response" {
        let declared = header.get("content-type").unwrap_or("application/http");
        if !declared
            .to_ascii_lowercase()
            .starts_with("application/http")
        {
            return None;
        }
        match http::parse_response(&content, ctx.limit) {
            Ok(Some(payload)) => (payload.body, payload.mime, payload.charset),
            Ok(None) => return None,
            Err(Problem::TooLarge) => {
                return Some(Err(Error::TooLarge {
                    document,
                    size: None,
                    limit: ctx.limit,
                }));
            }
            Err(Problem::Bad(message)) => return Some(Err(Error::Http { document, message })),
        }
    } else {
        let (mime, charset) = http::parse_content_type(header.get("content-type").unwrap_or(""));
        (content, mime, charset)
    };
    let mime = mime.or_else(|| {
        header
            .get("warc-identified-payload-type")
            .and_then(|t| http::parse_content_type(t).0)
    });
    let kind = match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => ContentKind::Html,
        Some("text/plain") => ContentKind::Text,
        None if sniff_html(&body) => ContentKind::Html,
        _ => return None,
    };
    let url = header
        .get("warc-target-uri")
        .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
        .filter(|u| !u.is_empty());
    Some(Ok(RawDocument {
        source: document,
        kind,
        bytes: body,
        charset,
        title: None,
        url,
        published: header
            .get("warc-date")
            .map(str::to_string)
            .filter(|d| !d.is_empty()),
        outlet: None,
        offset,
    }))
}

fn sniff_html(body: &[u8]) -> bool {
    let head: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use crate::tests::summarise;
    use crate::{ReadOptions, parse_bytes};
    use newsdesk_model::Format;

    /// A WARC record with a correct Content-Length.
    pub(crate) fn record(kind: &str, id: &str, extra: &str, content: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2020-03-05T18:00:00Z\r\n{extra}Content-Length: {}\r\n\r\n{content}\r\n\r\n",
            content.len()
        )
    }

    fn response(id: &str, http: &str) -> String {
        record(
            "response",
            id,
            "WARC-Target-URI: http://example.com/a\r\nContent-Type: application/http; msgtype=response\r\n",
            http,
        )
    }

    fn check(input: &str, expected: &[&str]) {
        let options = ReadOptions {
            format: Format::Warc,
            max_document_bytes: 200,
        };
        let mut got = Vec::new();
        parse_bytes("a.warc", input.as_bytes(), &options, &mut |item| {
            got.push(summarise(&item))
        });
        assert_eq!(got, expected, "input: {input:?}");
    }

    const PAGE: &str =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>Hi</p></html>";

    #[test]
    fn records() {
        let info = record(
            "warcinfo",
            "0",
            "Content-Type: application/warc-fields\r\n",
            "software: x\r\n",
        );
        let request = record(
            "request",
            "1",
            "",
            "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n",
        );
        let resource = record(
            "resource",
            "3",
            "WARC-Target-URI: <file:///b.txt>\r\nContent-Type: text/plain\r\n",
            "plain",
        );
        let image = record("resource", "4", "Content-Type: image/png\r\n", "\u{89}PNG");
        let input = format!("{info}{request}{}{resource}{image}", response("2", PAGE));
        let second = info.len() + request.len();
        let third = second + response("2", PAGE).len();
        check(
            &input,
            &[
                &format!(
                    "a.warc#<urn:uuid:2> html url=http://example.com/a published=2020-03-05T18:00:00Z charset=utf-8 @{second} 22B"
                ),
                &format!(
                    "a.warc#<urn:uuid:3> text url=file:///b.txt published=2020-03-05T18:00:00Z @{third} 5B"
                ),
            ],
        );
        let redirect = response("5", "HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\n");
        check(&redirect, &[]);
        let bad_http = response("6", "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx");
        check(
            &bad_http,
            &[
                "ERR a.warc#<urn:uuid:6>: undecodable HTTP payload: unsupported Content-Encoding `br`",
            ],
        );
        let big = response("7", &format!("HTTP/1.1 200 OK\r\n\r\n{}", "x".repeat(300)));
        check(
            &format!("{big}{}", response("8", PAGE)),
            &[
                "ERR a.warc#<urn:uuid:7>: document of 319 bytes exceeds the limit of 200 bytes",
                &format!(
                    "a.warc#<urn:uuid:8> html url=http://example.com/a published=2020-03-05T18:00:00Z charset=utf-8 @{} 22B",
                    big.len()
                ),
            ],
        );
    }

    #[test]
    fn corrupt_records_resynchronise() {
        let good = response("1", PAGE);
        let good_len = good.len();
        // A Content-Length that is too long swallows the next record.
        let long = response("2", PAGE).replace("Content-Length: 81", "Content-Length: 95");
        // One that is too short ends inside the content.
        let short = response("3", PAGE).replace("Content-Length: 81", "Content-Length: 20");
        let garbled = "WARC/1.0\r\nWARC-Type: response\r\nthis is not a header\r\n\r\nxx\r\n\r\n";
        let last = response("4", PAGE);
        let input = format!("{good}{long}{short}{garbled}{last}");
        let at = |n: usize| n.to_string();
        check(
            &input,
            &[
                "a.warc#<urn:uuid:1> html url=http://example.com/a published=2020-03-05T18:00:00Z charset=utf-8 @0 22B",
                &format!(
                    "ERR a.warc#<urn:uuid:2>: malformed WARC record at byte {}: Content-Length 95 does not end at a record boundary",
                    at(good_len)
                ),
                &format!(
                    "ERR a.warc#<urn:uuid:3>: malformed WARC record at byte {}: Content-Length 20 does not end at a record boundary",
                    at(good_len * 2)
                ),
                &format!(
                    "ERR a.warc: malformed WARC record at byte {}: bad header line `this is not a header`",
                    at(good_len * 3)
                ),
                &format!(
                    "a.warc#<urn:uuid:4> html url=http://example.com/a published=2020-03-05T18:00:00Z charset=utf-8 @{} 22B",
                    good_len * 3 + garbled.len()
                ),
            ],
        );
        check(
            "junk\r\nmore junk\r\n",
            &[
                "ERR a.warc: malformed WARC record at byte 0: expected a `WARC/1.x` line, found `junk`",
            ],
        );
        let cut = &good[..good.len() - 30];
        check(
            cut,
            &[
                "ERR a.warc#<urn:uuid:1>: malformed WARC record at byte 0: Content-Length 81 runs past the end of the input (55 bytes left)",
            ],
        );
        check(
            "WARC/1.0\r\nWARC-Type: response\r\n",
            &["ERR a.warc: malformed WARC record at byte 0: the header ends with the input"],
        );
        check(
            "WARC/1.0\r\nContent-Length: -1\r\n\r\n",
            &["ERR a.warc#byte-0: malformed WARC record at byte 0: bad Content-Length `-1`"],
        );
    }
}

//! HTTP responses as WARC stores them: status line, headers, chunked and gzip bodies.

use std::io::Read;

/// The decoded body of a response with what its headers say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Payload {
    /// The body after transfer and content decoding.
    pub(crate) body: Vec<u8>,
    /// The media type, lowercase, without parameters.
    pub(crate) mime: Option<String>,
    /// The `charset` parameter of the content type.
    pub(crate) charset: Option<String>,
}

/// Why a response could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The message is malformed or uses an encoding this reader does not decode.
    Bad(String),
    /// The decoded body is larger than the limit.
    TooLarge,
}

/// Parses an HTTP response. `Ok(None)` for a response without an article: a status other
/// than 2xx.
pub(crate) fn parse_response(message: &[u8], limit: u64) -> Result<Option<Payload>, Problem> {
    let (head, body) =
        split_head(message).ok_or_else(|| Problem::Bad("the HTTP headers have no end".into()))?;
    let mut lines = head.split(|b| *b == b'\n').map(<[u8]>::trim_ascii_end);
    let status_line = lines.next().unwrap_or_default();
    let status = parse_status(status_line).ok_or_else(|| {
        Problem::Bad(format!(
            "bad status line `{}`",
            crate::error::one_line(&String::from_utf8_lossy(status_line), 60)
        ))
    })?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| {
            let colon = memchr::memchr(b':', line)?;
            let name = String::from_utf8_lossy(line.get(..colon)?)
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(line.get(colon + 1..)?)
                .trim()
                .to_string();
            Some((name, value))
        })
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut body = body.to_vec();
    if header("transfer-encoding")
        .to_ascii_lowercase()
        .contains("chunked")
        && looks_chunked(&body)
    {
        body = dechunk(&body).map_err(Problem::Bad)?;
    }
    for coding in header("content-encoding").rsplit(',') {
        body = decode_content(coding.trim(), body, limit)?;
    }
    if body.len() as u64 > limit {
        return Err(Problem::TooLarge);
    }
    let (mime, charset) = parse_content_type(&header("content-type"));
    Ok(Some(Payload {
        body,
        mime,
        charset,
    }))
}

/// Splits at the first empty line (`\r\n\r\n` or `\n\n`).
fn split_head(message: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = memchr::memmem::find(message, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(message, b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((message.get(..end)?, message.get(body..)?))
}

fn parse_status(line: &[u8]) -> Option<u16> {
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split_ascii_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 {
        return None;
    }
    code.parse().ok()
}

/// Media type (lowercase) and charset of a `Content-Type` value.
pub(crate) fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|c| !c.is_empty())
    });
    (mime, charset)
}

/// Some archivers store the body already de-chunked but keep the header: only a body
/// whose first line is a hex size is de-chunked.
fn looks_chunked(body: &[u8]) -> bool {
    let line = body.split(|b| *b == b'\n').next().unwrap_or_default();
    let size = line
        .split(|b| *b == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    !size.is_empty() && size.len() <= 16 && size.iter().all(u8::is_ascii_hexdigit)
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = memchr::memchr(b'\n', body).ok_or("chunk size line has no end")?;
        let line = body.get(..end).unwrap_or_default();
        let size = line
            .split(|b| *b == b';')
            .next()
            .unwrap_or_default()
            .trim_ascii();
        let size = std::str::from_utf8(size)
            .ok()
            .and_then(|s| usize::from_str_radix(s, 16).ok())
            .ok_or_else(|| {
                format!(
                    "bad chunk size `{}`",
                    crate::error::one_line(&String::from_utf8_lossy(size), 20)
                )
            })?;
        body = body.get(end + 1..).unwrap_or_default();
        if size == 0 {
            // Trailers may follow; they carry nothing the reader needs.
            return Ok(out);
        }
        let chunk = body
            .get(..size)
            .ok_or_else(|| format!("chunk of {size} bytes runs past the end of the body"))?;
        out.extend_from_slice(chunk);
        body = body.get(size..).unwrap_or_default();
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        if body.is_empty() {
            // A missing last chunk: keep what arrived.
            return Ok(out);
        }
    }
}

fn decode_content(coding: &str, body: Vec<u8>, limit: u64) -> Result<Vec<u8>, Problem> {
    let coding = coding.to_ascii_lowercase();
    match coding.as_str() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if !crate::detect::is_gzip(&body) {
                // Stored already decoded although the header was kept.
                return Ok(body);
            }
            inflate(flate2::read::MultiGzDecoder::new(body.as_slice()), limit)
        }
        "deflate" => {
            let zlib = inflate(flate2::read::ZlibDecoder::new(body.as_slice()), limit);
            match zlib {
                Err(Problem::Bad(_)) => {
                    inflate(flate2::read::DeflateDecoder::new(body.as_slice()), limit)
                }
                other => other,
            }
        }
        other => Err(Problem::Bad(format!(
            "unsupported Content-Encoding `{}`",
            crate::error::one_line(other, 20)
        ))),
    }
}

fn inflate(decoder: impl Read, limit: u64) -> Result<Vec<u8>, Problem> {
    let mut out = Vec::new();
    decoder
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Problem::Bad(format!("cannot decompress the body: {e}")))?;
    if out.len() as u64 > limit {
        return Err(Problem::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    type Expected<'a> = Result<Option<(&'a str, Option<&'a str>, Option<&'a str>)>, Problem>;

    fn check(message: &[u8], expected: Expected<'_>) {
        let parsed = parse_response(message, 1000);
        let got: Expected<'_> = match &parsed {
            Ok(Some(p)) => Ok(Some((
                std::str::from_utf8(&p.body).unwrap_or("<binary>"),
                p.mime.as_deref(),
                p.charset.as_deref(),
            ))),
            Ok(None) => Ok(None),
            Err(e) => Err(e.clone()),
        };
        assert_eq!(got, expected, "{}", String::from_utf8_lossy(message));
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    #[test]
    fn responses() {
        check(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x</p>",
            Ok(Some(("<p>x</p>", Some("text/html"), Some("ISO-8859-1")))),
        );
        check(b"HTTP/1.0 200 OK\n\nplain", Ok(Some(("plain", None, None))));
        check(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: Text/Plain\r\n\r\n4\r\nWiki\r\n6;ext=1\r\npedia \r\n0\r\nTrailer: x\r\n\r\n",
            Ok(Some(("Wikipedia ", Some("text/plain"), None))),
        );
        check(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>already dechunked</html>",
            Ok(Some(("<html>already dechunked</html>", None, None))),
        );
        check(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n", Ok(None));
        check(b"HTTP/1.1 404 Not Found\r\n\r\nnope", Ok(None));
        check(
            b"GET / HTTP/1.1\r\n\r\n",
            Err(Problem::Bad("bad status line `GET / HTTP/1.1`".into())),
        );
        check(
            b"HTTP/1.1 200 OK\r\nX: y",
            Err(Problem::Bad("the HTTP headers have no end".into())),
        );
        check(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nshort",
            Err(Problem::Bad(
                "chunk of 255 bytes runs past the end of the body".into(),
            )),
        );
        check(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx",
            Err(Problem::Bad("unsupported Content-Encoding `br`".into())),
        );
        check(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot compressed after all",
            Ok(Some(("not compressed after all", None, None))),
        );
    }

    #[test]
    fn gzip_bodies() {
        let mut message =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n"
                .to_vec();
        message.extend(gz(b"<p>zipped</p>"));
        check(
            &message,
            Ok(Some(("<p>zipped</p>", Some("text/html"), None))),
        );
        let mut bomb = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        bomb.extend(gz(&[b'a'; 5000]));
        check(&bomb, Err(Problem::TooLarge));
    }

    #[test]
    fn content_types() {
        let cases = [
            ("text/html", (Some("text/html"), None)),
            (
                "TEXT/HTML;Charset=\"utf-8\"",
                (Some("text/html"), Some("utf-8")),
            ),
            ("", (None, None)),
            ("; charset=", (None, None)),
        ];
        for (value, (mime, charset)) in cases {
            let (m, c) = parse_content_type(value);
            assert_eq!((m.as_deref(), c.as_deref()), (mime, charset), "{value}");
        }
    }
}

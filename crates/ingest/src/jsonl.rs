//! JSON lines: one article per line, an object with a title, a body and metadata.

use crate::input::Input;
use crate::{Ctx, Error, Sink};
use newsdesk_model::{ContentKind, RawDocument};
use serde_json::{Map, Value};

/// The fields a body is taken from, in order of preference.
const BODY_FIELDS: [&str; 4] = ["text", "body", "content", "html"];
const BODY_EXPECTED: &str = "a `text`, `body`, `content` or `html` string";
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];
const URL_FIELDS: [&str; 3] = ["url", "link", "uri"];
const DATE_FIELDS: [&str; 6] = [
    "published",
    "date",
    "published_at",
    "publishedAt",
    "datePublished",
    "pubDate",
];
const OUTLET_FIELDS: [&str; 4] = ["source", "outlet", "site", "publisher"];

/// Reads every line of `input`, emitting a document or an error per non-blank line.
pub(crate) fn parse(ctx: &Ctx<'_>, input: &mut Input<'_>, sink: &mut Sink<'_>) {
    let max = usize::try_from(ctx.limit).unwrap_or(usize::MAX);
    let mut line = Vec::new();
    let mut number: u64 = 0;
    while sink.is_open() {
        number += 1;
        let document = format!("{}#L{number}", ctx.name);
        let offset = input.position();
        line.clear();
        let found = match input.read_line(max, &mut line) {
            Ok(Some(found)) => found,
            Ok(None) => return,
            Err(e) => {
                sink.send(Err(ctx.read_error(document, e)));
                return;
            }
        };
        if found.overflow {
            sink.send(Err(Error::TooLarge {
                document,
                size: Some(found.len),
                limit: ctx.limit,
            }));
            continue;
        }
        let mut text = line.as_slice();
        if number == 1 {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        let text = text.trim_ascii();
        if text.is_empty() {
            continue;
        }
        sink.send(parse_line(document, text, offset));
    }
}

/// Turns one JSON line into a document.
pub(crate) fn parse_line(document: String, line: &[u8], offset: u64) -> Result<RawDocument, Error> {
    let map = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            return Err(Error::Json {
                document,
                message: format!("expected a JSON object, found {}", kind_of(&other)),
            });
        }
        Err(e) => {
            return Err(Error::Json {
                document,
                message: e.to_string(),
            });
        }
    };
    let Some((field, body)) = BODY_FIELDS
        .iter()
        .find_map(|f| map.get(*f).and_then(Value::as_str).map(|s| (*f, s)))
    else {
        return Err(Error::NoBody {
            document,
            expected: BODY_EXPECTED,
        });
    };
    let kind = if field == "html" || looks_like_html(body) {
        ContentKind::Html
    } else {
        ContentKind::Text
    };
    Ok(RawDocument {
        source: document,
        kind,
        bytes: body.as_bytes().to_vec(),
        charset: Some("utf-8".into()),
        title: string_field(&map, &TITLE_FIELDS),
        url: string_field(&map, &URL_FIELDS),
        published: string_field(&map, &DATE_FIELDS),
        outlet: string_field(&map, &OUTLET_FIELDS),
        offset,
    })
}

/// The first of `names` holding a non-blank string, a number, or an object with a
/// string `name` (as in `"source": {"name": "Reuters"}`).
fn string_field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let value = match map.get(*name)? {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Object(inner) => inner.get("name")?.as_str()?.trim().to_string(),
            _ => return None,
        };
        (!value.is_empty()).then_some(value)
    })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A body that starts with a tag and contains a closing or self-closing tag.
pub(crate) fn looks_like_html(body: &str) -> bool {
    let body = body.trim_start();
    let mut chars = body.chars();
    let starts_with_tag = chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!');
    starts_with_tag && (body.contains("</") || body.contains("/>") || body.contains("<br"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::summarise;
    use crate::{ReadOptions, parse_bytes};
    use newsdesk_model::Format;

    fn check(input: &str, expected: &[&str]) {
        let options = ReadOptions {
            format: Format::Jsonl,
            max_document_bytes: 128,
        };
        let mut got = Vec::new();
        parse_bytes("in.jsonl", input.as_bytes(), &options, &mut |item| {
            got.push(summarise(&item))
        });
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn lines() {
        check(
            "{\"title\":\"T\",\"text\":\"Body.\",\"url\":\"http://x\",\"published\":\"2020-03-05\",\"source\":\"Wire\"}\n",
            &[
                "in.jsonl#L1 text title=T url=http://x published=2020-03-05 outlet=Wire charset=utf-8 @0 5B",
            ],
        );
        check(
            "\u{feff}{\"body\":\"a\"}\r\n\n  \n{\"content\":\"<p>b</p>\",\"date\":\"2020\",\"outlet\":\"O\"}",
            &[
                "in.jsonl#L1 text charset=utf-8 @0 1B",
                "in.jsonl#L4 html published=2020 outlet=O charset=utf-8 @21 8B",
            ],
        );
        check(
            "{\"text\":\"x\",\"source\":{\"id\":null,\"name\":\"Reuters\"},\"publishedAt\":1583366400}",
            &["in.jsonl#L1 text published=1583366400 outlet=Reuters charset=utf-8 @0 1B"],
        );
        check(
            "{\"html\":\"plain\"}",
            &["in.jsonl#L1 html charset=utf-8 @0 5B"],
        );
        check("{\"text\":\"\"}", &["in.jsonl#L1 text charset=utf-8 @0 0B"]);
    }

    #[test]
    fn bad_lines_do_not_stop_the_others() {
        check(
            "{\"text\":\"a\"}\n{\"text\": oops}\n[1]\n{\"title\":\"no body\"}\n{\"text\":\"b\"}\n",
            &[
                "in.jsonl#L1 text charset=utf-8 @0 1B",
                "ERR in.jsonl#L2: invalid JSON line: expected value at line 1 column 10",
                "ERR in.jsonl#L3: invalid JSON line: expected a JSON object, found an array",
                "ERR in.jsonl#L4: no article body (looked for a `text`, `body`, `content` or `html` string)",
                "in.jsonl#L5 text charset=utf-8 @52 1B",
            ],
        );
        let long = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}", "x".repeat(300));
        check(
            &long,
            &[
                "ERR in.jsonl#L1: document of 311 bytes exceeds the limit of 128 bytes",
                "in.jsonl#L2 text charset=utf-8 @312 2B",
            ],
        );
    }

    #[test]
    fn html_bodies() {
        let cases = [
            ("<p>Hello</p>", true),
            ("  <div class=x>a<br>b", true),
            ("<br/>", true),
            ("< 5 and > 3", false),
            ("Plain <b>bold</b>", false),
            ("<unclosed", false),
        ];
        for (body, expected) in cases {
            assert_eq!(looks_like_html(body), expected, "{body}");
        }
    }
}

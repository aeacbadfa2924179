//! RSS 2.0, RSS 1.0 and Atom feeds: one document per item or entry.

use crate::input::Input;
use crate::{Ctx, Error, Sink};
use encoding_rs::{Encoding, UTF_8};
use newsdesk_model::{ContentKind, RawDocument};
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::io::{self, BufRead, BufReader, Read};

const BODY_EXPECTED: &str = "content:encoded, content, description or summary";

/// Reads a feed and emits one document per item (RSS) or entry (Atom).
///
/// The feed is first decoded to UTF-8 (from its byte-order mark or XML declaration; invalid
/// sequences become U+FFFD), so documents always carry UTF-8 and offsets count bytes of
/// that decoded stream.
pub(crate) fn parse(ctx: &Ctx<'_>, input: &mut Input<'_>, sink: &mut Sink<'_>) {
    let encoding = match input.peek(1024) {
        Ok(head) => sniff_encoding(head),
        Err(e) => return sink.send(Err(ctx.read_error(ctx.name.to_string(), e))),
    };
    let utf8 = Utf8Reader {
        inner: input,
        decoder: encoding.new_decoder_with_bom_removal(),
        out: Vec::new(),
        out_pos: 0,
        finished: false,
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(64 * 1024, utf8));
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    config.check_comments = false;
    let mut state = State {
        name: ctx.name,
        limit: usize::try_from(ctx.limit).unwrap_or(usize::MAX),
        stack: Vec::new(),
        outlet: None,
        items: 0,
        item: None,
        capture: None,
    };
    let mut buf = Vec::new();
    while sink.is_open() {
        buf.clear();
        let before = reader.buffer_position();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => state.start(&e, before, false),
            Ok(Event::Empty(e)) => state.start(&e, before, true),
            Ok(Event::End(e)) => {
                if let Some(item) = state.end(&e) {
                    sink.send(item);
                }
            }
            Ok(Event::Text(t)) => state.text(&t, false),
            Ok(Event::CData(t)) => state.text(&t, true),
            Ok(Event::GeneralRef(r)) => state.reference(&r),
            Ok(Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_)) => {}
            Ok(Event::Eof) => {
                if let Some(item) = state.item.take() {
                    sink.send(Err(Error::Feed {
                        document: state.item_name(item.number),
                        offset: reader.buffer_position(),
                        message: "the feed ends inside this item".into(),
                    }));
                }
                return;
            }
            Err(e) => {
                let document = match &state.item {
                    Some(item) => state.item_name(item.number),
                    None => ctx.name.to_string(),
                };
                let message = match e {
                    quick_xml::Error::Io(io) if ctx.gzip => {
                        return sink.send(Err(ctx.read_error(document, clone_io(&io))));
                    }
                    e => crate::error::one_line(&e.to_string(), 120),
                };
                return sink.send(Err(Error::Feed {
                    document,
                    offset: reader.error_position(),
                    message,
                }));
            }
        }
    }
}

fn clone_io(e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), e.to_string())
}

/// The encoding named by a byte-order mark or the XML declaration; UTF-8 otherwise.
fn sniff_encoding(head: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return encoding;
    }
    let declared = head
        .strip_prefix(b"<?xml")
        .and_then(|rest| rest.get(..memchr::memmem::find(rest, b"?>")?))
        .and_then(|decl| {
            let at = memchr::memmem::find(decl, b"encoding")?;
            let rest = decl.get(at + 8..)?.trim_ascii_start().strip_prefix(b"=")?;
            let rest = rest.trim_ascii_start();
            let quote = *rest.first()?;
            let rest = rest.get(1..)?;
            let end = memchr::memchr(quote, rest)?;
            Encoding::for_label(rest.get(..end)?)
        });
    match declared {
        // A declaration readable as ASCII is not UTF-16, whatever it says.
        Some(e) if e.is_single_byte() || e.output_encoding() == UTF_8 => e.output_encoding(),
        Some(e) if e != encoding_rs::UTF_16LE && e != encoding_rs::UTF_16BE => e,
        _ => UTF_8,
    }
}

/// Decodes a byte stream to UTF-8 as it is read.
struct Utf8Reader<'a, 'b> {
    inner: &'a mut Input<'b>,
    decoder: encoding_rs::Decoder,
    out: Vec<u8>,
    out_pos: usize,
    finished: bool,
}

impl Read for Utf8Reader<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos >= self.out.len() && !self.finished {
            let src = self.inner.fill_buf()?;
            let src = src.get(..src.len().min(16 * 1024)).unwrap_or_default();
            let last = src.is_empty();
            let room = self
                .decoder
                .max_utf8_buffer_length(src.len())
                .unwrap_or(src.len() * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            self.out_pos = 0;
            let (_, read, written, _) = self.decoder.decode_to_utf8(src, &mut self.out, last);
            self.out.truncate(written);
            self.inner.consume(read);
            self.finished = last;
        }
        let pending = self.out.get(self.out_pos..).unwrap_or_default();
        let n = pending.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), pending.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.out_pos += n;
        Ok(n)
    }
}

/// How text inside a captured element is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Plain text: markup dropped, references resolved.
    Text,
    /// HTML carried as escaped text or CDATA: references of the XML layer resolved, any
    /// element inside kept as markup.
    Html,
    /// Inline XHTML: kept exactly as written.
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Outlet,
    /// RSS `<source>`: the outlet an aggregated item comes from.
    Source,
    Title,
    Link,
    Guid,
    /// A date; lower ranks are preferred.
    Date(usize),
    /// A body; lower slots are preferred.
    Body(usize, ContentKind),
}

struct Capture {
    field: Field,
    depth: usize,
    mode: Mode,
    text: String,
    overflow: bool,
}

#[derive(Default)]
struct Item {
    number: usize,
    offset: u64,
    depth: usize,
    title: Option<String>,
    source: Option<String>,
    link: Option<String>,
    alternate: Option<String>,
    guid: Option<String>,
    dates: [Option<String>; 6],
    bodies: [Option<(String, ContentKind)>; 4],
    too_large: bool,
}

struct State<'a> {
    name: &'a str,
    limit: usize,
    stack: Vec<String>,
    outlet: Option<String>,
    items: usize,
    item: Option<Item>,
    capture: Option<Capture>,
}

impl State<'_> {
    fn item_name(&self, number: usize) -> String {
        format!("{}#item-{number}", self.name)
    }

    fn start(&mut self, e: &BytesStart<'_>, offset: u64, empty: bool) {
        let local = e.local_name().as_ref().to_ascii_lowercase();
        let depth = self.stack.len() + 1;
        if !empty {
            self.stack.push(local.clone());
        }
        if let Some(capture) = &mut self.capture {
            if capture.mode != Mode::Text {
                let tag = if empty {
                    format!("<{}/>", &**e)
                } else {
                    format!("<{}>", &**e)
                };
                push(capture, &tag, self.limit);
            }
            return;
        }
        let Some(item) = &mut self.item else {
            if matches!(local.as_str(), "item" | "entry") && !empty {
                self.items += 1;
                self.item = Some(Item {
                    number: self.items,
                    offset,
                    depth,
                    ..Item::default()
                });
            } else if local == "title" && !empty && self.outlet.is_none() {
                let parent = self.stack.iter().rev().nth(1).map(String::as_str);
                if matches!(parent, Some("channel" | "feed")) {
                    self.begin(Field::Outlet, depth, Mode::Text);
                }
            }
            return;
        };
        if depth != item.depth + 1 {
            return;
        }
        let field = match local.as_str() {
            "link" => {
                if let Some(href) = attribute(e, "href") {
                    let rel = attribute(e, "rel").unwrap_or_default();
                    if (rel.is_empty() || rel.eq_ignore_ascii_case("alternate"))
                        && item.alternate.is_none()
                    {
                        item.alternate = Some(href.trim().to_string());
                    }
                    return;
                }
                (Field::Link, Mode::Text)
            }
            "title" => (Field::Title, Mode::Text),
            "source" => (Field::Source, Mode::Text),
            "guid" | "id" => (Field::Guid, Mode::Text),
            "encoded" => (Field::Body(0, ContentKind::Html), Mode::Html),
            "content" => {
                if attribute(e, "src").is_some() {
                    return;
                }
                match atom_text_kind(e) {
                    Some((kind, mode)) => (Field::Body(1, kind), mode),
                    None => return,
                }
            }
            "description" => (Field::Body(2, ContentKind::Html), Mode::Html),
            "summary" => match atom_text_kind(e) {
                Some((kind, mode)) => (Field::Body(3, kind), mode),
                None => return,
            },
            "pubdate" => (Field::Date(0), Mode::Text),
            "published" => (Field::Date(1), Mode::Text),
            "date" => (Field::Date(2), Mode::Text),
            "issued" => (Field::Date(3), Mode::Text),
            "updated" => (Field::Date(4), Mode::Text),
            "modified" => (Field::Date(5), Mode::Text),
            _ => return,
        };
        if !empty {
            self.begin(field.0, depth, field.1);
        }
    }

    fn begin(&mut self, field: Field, depth: usize, mode: Mode) {
        self.capture = Some(Capture {
            field,
            depth,
            mode,
            text: String::new(),
            overflow: false,
        });
    }

    fn end(&mut self, e: &quick_xml::events::BytesEnd<'_>) -> Option<Result<RawDocument, Error>> {
        let depth = self.stack.len();
        let mut emitted = None;
        match self.capture.take() {
            Some(capture) if capture.depth == depth => self.finish_capture(capture),
            Some(mut capture) => {
                if capture.mode != Mode::Text {
                    push(&mut capture, &format!("</{}>", &**e), self.limit);
                }
                self.capture = Some(capture);
            }
            None => {}
        }
        if self.capture.is_none() && self.item.as_ref().is_some_and(|i| i.depth == depth) {
            emitted = self.item.take().map(|item| self.finish_item(item));
        }
        self.stack.pop();
        emitted
    }

    fn finish_capture(&mut self, capture: Capture) {
        let text = capture.text;
        let plain = || {
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!collapsed.is_empty()).then_some(collapsed)
        };
        if capture.field == Field::Outlet {
            self.outlet = plain();
            return;
        }
        let Some(item) = &mut self.item else { return };
        match capture.field {
            Field::Outlet => {}
            Field::Title => item.title = item.title.take().or_else(plain),
            Field::Source => item.source = item.source.take().or_else(plain),
            Field::Link => item.link = item.link.take().or_else(plain),
            Field::Guid => item.guid = item.guid.take().or_else(plain),
            Field::Date(rank) => {
                if let Some(slot) = item.dates.get_mut(rank) {
                    *slot = slot.take().or_else(plain);
                }
            }
            Field::Body(slot, kind) => {
                if capture.overflow {
                    item.too_large = true;
                } else if let Some(slot) = item.bodies.get_mut(slot)
                    && slot.is_none()
                    && !text.trim().is_empty()
                {
                    *slot = Some((text, kind));
                }
            }
        }
    }

    fn finish_item(&self, item: Item) -> Result<RawDocument, Error> {
        let document = self.item_name(item.number);
        let Item {
            offset,
            title,
            source,
            link,
            alternate,
            guid,
            dates,
            bodies,
            too_large,
            ..
        } = item;
        if too_large {
            return Err(Error::TooLarge {
                document,
                size: None,
                limit: self.limit as u64,
            });
        }
        let Some((body, kind)) = bodies.into_iter().flatten().next() else {
            return Err(Error::NoBody {
                document,
                expected: BODY_EXPECTED,
            });
        };
        let guid_url = guid.filter(|g| g.starts_with("http://") || g.starts_with("https://"));
        Ok(RawDocument {
            source: document,
            kind,
            bytes: body.into_bytes(),
            charset: Some("utf-8".into()),
            title,
            url: alternate.or(link).or(guid_url),
            published: dates.into_iter().flatten().next(),
            outlet: source.or_else(|| self.outlet.clone()),
            offset,
        })
    }

    fn text(&mut self, text: &str, _cdata: bool) {
        if let Some(capture) = &mut self.capture {
            push(capture, text, self.limit);
        }
    }

    fn reference(&mut self, r: &BytesRef<'_>) {
        let Some(capture) = &mut self.capture else {
            return;
        };
        let raw = format!("&{};", &**r);
        let resolved = match capture.mode {
            Mode::Raw => None,
            Mode::Html | Mode::Text if r.is_char_ref() => {
                r.resolve_char_ref().ok().flatten().map(String::from)
            }
            Mode::Html => xml_entity(r).map(String::from),
            Mode::Text => xml_entity(r).or_else(|| html_entity(r)).map(String::from),
        };
        push(capture, resolved.as_deref().unwrap_or(&raw), self.limit);
    }
}

fn push(capture: &mut Capture, text: &str, limit: usize) {
    if capture.overflow {
        return;
    }
    if capture.text.len() + text.len() > limit {
        capture.overflow = true;
        capture.text.clear();
    } else {
        capture.text.push_str(text);
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case(name))
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.into_owned())
        })
}

/// The kind of an Atom text construct from its `type` attribute; `None` for media types
/// that are not text.
fn atom_text_kind(e: &BytesStart<'_>) -> Option<(ContentKind, Mode)> {
    let kind = attribute(e, "type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    match kind.trim() {
        // RSS descriptions, and Atom `html`, carry escaped HTML.
        "html" | "text/html" => Some((ContentKind::Html, Mode::Html)),
        "xhtml" | "application/xhtml+xml" => Some((ContentKind::Html, Mode::Raw)),
        "" | "text" | "text/plain" => Some((ContentKind::Text, Mode::Text)),
        _ => None,
    }
}

fn xml_entity(r: &BytesRef<'_>) -> Option<&'static str> {
    Some(match &**r {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

/// HTML entities that feeds use without declaring them, for plain-text fields.
fn html_entity(r: &BytesRef<'_>) -> Option<&'static str> {
    Some(match &**r {
        "nbsp" => "\u{a0}",
        "ndash" => "\u{2013}",
        "mdash" => "\u{2014}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "hellip" => "\u{2026}",
        "laquo" => "\u{ab}",
        "raquo" => "\u{bb}",
        "copy" => "\u{a9}",
        "reg" => "\u{ae}",
        "trade" => "\u{2122}",
        "euro" => "\u{20ac}",
        "pound" => "\u{a3}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::tests::summarise;
    use crate::{ReadOptions, parse_bytes};
    use newsdesk_model::{Format, RawDocument};

    fn run(input: &[u8]) -> Vec<crate::Item> {
        let options = ReadOptions {
            format: Format::Feed,
            max_document_bytes: 200,
        };
        let mut got = Vec::new();
        parse_bytes("f.xml", input, &options, &mut |item| got.push(item));
        got
    }

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<String> = run(input.as_bytes()).iter().map(summarise).collect();
        assert_eq!(got, expected, "input: {input}");
    }

    fn bodies(input: &[u8]) -> Vec<String> {
        run(input)
            .into_iter()
            .map(|i| match i {
                Ok(RawDocument { bytes, .. }) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn rss() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>The  Wire</title><link>http://wire.example/</link>
<image><title>Logo</title></image>
<item><title>First &amp; best</title><link> http://wire.example/1 </link>
<pubDate>Thu, 05 Mar 2020 18:00:00 GMT</pubDate><media:title>Not this</media:title>
<description>Short.</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
<item><title>Second</title><source url="http://agency.example/rss">Agency</source><guid>http://wire.example/2</guid><description>&lt;p&gt;Tom &amp;amp; Jerry&#8217;s&lt;/p&gt;</description></item>
<item><title>No body</title></item>
</channel></rss>"#;
        check(
            rss,
            &[
                "f.xml#item-1 html title=First & best url=http://wire.example/1 published=Thu, 05 Mar 2020 18:00:00 GMT outlet=The Wire charset=utf-8 @262 17B",
                "f.xml#item-2 html title=Second url=http://wire.example/2 outlet=Agency charset=utf-8 @525 26B",
                "ERR f.xml#item-3: no article body (looked for content:encoded, content, description or summary)",
            ],
        );
        assert_eq!(
            bodies(rss.as_bytes()).get(1).map(String::as_str),
            Some("<p>Tom &amp; Jerry\u{2019}s</p>")
        );
    }

    #[test]
    fn atom() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom News</title>
<entry><title>E1</title><link rel="self" href="http://a.example/self"/><link href="http://a.example/1"/>
<updated>2020-03-06T00:00:00Z</updated><published>2020-03-05T00:00:00Z</published>
<summary>Sum</summary><content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry>
<entry><title>E2</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X &amp; <b>y</b></p><br/></div></content></entry>
<entry><title>E3</title><content>Plain &lt;text&gt;</content></entry>
<entry><title>E4</title><content type="image/png" >abc</content></entry>
</feed>"#;
        check(
            atom,
            &[
                "f.xml#item-1 html title=E1 url=http://a.example/1 published=2020-03-05T00:00:00Z outlet=Atom News charset=utf-8 @79 22B",
                "f.xml#item-2 html title=E2 outlet=Atom News charset=utf-8 @367 76B",
                "f.xml#item-3 text title=E3 outlet=Atom News charset=utf-8 @508 12B",
                "ERR f.xml#item-4: no article body (looked for content:encoded, content, description or summary)",
            ],
        );
        assert_eq!(
            bodies(atom.as_bytes()),
            [
                "<p>Body &amp; more</p>",
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>X &amp; <b>y</b></p><br/></div>",
                "Plain <text>",
                "ERR f.xml#item-4: no article body (looked for content:encoded, content, description or summary)",
            ]
        );
    }

    #[test]
    fn broken_and_foreign_feeds() {
        check(
            "<rss><channel><item><title>A</title><description>a</description></item><item><title>B</ti",
            &[
                "f.xml#item-1 html title=A charset=utf-8 @14 1B",
                "ERR f.xml#item-2: malformed feed at byte 85: syntax error: tag not closed: `>` not found before end of input",
            ],
        );
        check(
            "<rss><channel><item><description>a</description>",
            &["ERR f.xml#item-1: malformed feed at byte 48: the feed ends inside this item"],
        );
        let big = format!(
            "<rss><item><description>{}</description></item></rss>",
            "x".repeat(300)
        );
        check(
            &big,
            &["ERR f.xml#item-1: document exceeds the limit of 200 bytes"],
        );
        // Latin-1, declared: decoded to UTF-8.
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><item><title>Caf\xe9</title><description>na\xefve</description></item></rss>";
        assert_eq!(bodies(latin1), ["na\u{ef}ve"]);
        // Undeclared invalid UTF-8 becomes U+FFFD rather than an error.
        assert_eq!(
            bodies(b"<rss><item><description>a\xffb</description></item></rss>"),
            ["a\u{fffd}b"]
        );
    }
}

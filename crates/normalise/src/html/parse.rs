//! A small, forgiving HTML tokenizer and tree builder (an arena "DOM-lite").

use super::entities::decode_entities;

/// Elements deeper than this are attached flat to their deepest allowed ancestor.
const MAX_DEPTH: usize = 256;
/// At most this many elements are built; later tags are ignored (their text is kept).
const MAX_NODES: usize = 1 << 20;

/// A child of an element: another element or a text run (entities decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Child {
    /// Index of an element in [`Dom::nodes`].
    Node(usize),
    /// Text.
    Text(String),
}

/// An element. Node 0 is the document itself (tag `#document`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    /// Lowercase tag name.
    pub(crate) tag: Box<str>,
    /// The parent element (0 for the document and its direct children).
    pub(crate) parent: usize,
    /// Children in document order.
    pub(crate) children: Vec<Child>,
    /// The attributes the extractor uses (lowercase names, values entity-decoded).
    attrs: Vec<Attr>,
}

/// A kept attribute: its lowercase name and entity-decoded value.
type Attr = (&'static str, String);

impl Node {
    /// The value of an attribute.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the attribute is present.
    pub(crate) fn has_attr(&self, name: &str) -> bool {
        self.attrs.iter().any(|(n, _)| *n == name)
    }
}

/// A parsed page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dom {
    /// Elements; every child has a larger index than its parent.
    pub(crate) nodes: Vec<Node>,
    /// The text of the first `<title>`.
    pub(crate) title: Option<String>,
    /// The contents of `<script type="application/ld+json">` elements.
    pub(crate) json_ld: Vec<String>,
}

/// The attributes kept on elements.
const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "role",
    "itemprop",
    "itemtype",
    "property",
    "name",
    "content",
    "datetime",
    "rel",
    "href",
    "lang",
    "type",
    "hidden",
    "aria-hidden",
    "style",
    "pubdate",
    "http-equiv",
];

/// The kept attribute named `raw` (any case), as its static lowercase name.
fn kept_attr(raw: &str) -> Option<&'static str> {
    KEPT_ATTRS
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(raw))
}

/// Elements without content.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose content is raw text up to the matching end tag.
fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

/// Tags that bound the search for an element to close implicitly.
fn is_scope_boundary(tag: &str) -> bool {
    matches!(
        tag,
        "#document" | "html" | "body" | "table" | "td" | "th" | "caption" | "template" | "button"
    )
}

/// Tree construction state.
struct Builder {
    dom: Dom,
    stack: Vec<usize>,
}

impl Builder {
    fn current(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn tag_of(&self, id: usize) -> &str {
        self.dom.nodes.get(id).map_or("", |n| &*n.tag)
    }

    /// Pops up to and including the innermost open `tag`, searching down to a boundary
    /// or one of `stop` tags.
    fn close_open(&mut self, tags: &[&str], stop: &[&str]) {
        for k in (1..self.stack.len()).rev() {
            let Some(&id) = self.stack.get(k) else { return };
            let t = self.tag_of(id);
            if tags.contains(&t) {
                self.stack.truncate(k);
                return;
            }
            if is_scope_boundary(t) || stop.contains(&t) {
                return;
            }
        }
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let cur = self.current();
        let decoded = decode_entities(text);
        if let Some(node) = self.dom.nodes.get_mut(cur) {
            if let Some(Child::Text(last)) = node.children.last_mut() {
                last.push_str(&decoded);
            } else {
                node.children.push(Child::Text(decoded.into_owned()));
            }
        }
    }

    fn start(&mut self, tag: &str, attrs: Vec<Attr>, self_closing: bool) {
        let head_content = matches!(
            tag,
            "meta"
                | "link"
                | "title"
                | "script"
                | "style"
                | "base"
                | "noscript"
                | "template"
                | "head"
        );
        if !head_content {
            // Body content implicitly closes an open <head>.
            if let Some(k) = self.stack.iter().position(|&id| self.tag_of(id) == "head") {
                self.stack.truncate(k.max(1));
            }
        }
        if closes_p(tag) {
            self.close_open(&["p"], &[]);
        }
        match tag {
            "li" => self.close_open(&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_open(&["dt", "dd"], &["dl"]),
            "tr" => self.close_open(&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_open(&["td", "th"], &["tr"]),
            "option" | "optgroup" => self.close_open(&["option"], &["select"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let cur = self.current();
                if matches!(self.tag_of(cur), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.stack.pop();
                }
            }
            "html" | "body" | "head" if self.stack.iter().any(|&id| self.tag_of(id) == tag) => {
                return;
            }
            _ => {}
        }
        if self.dom.nodes.len() >= MAX_NODES {
            return;
        }
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            tag: tag.into(),
            parent,
            children: Vec::new(),
            attrs,
        });
        if let Some(p) = self.dom.nodes.get_mut(parent) {
            p.children.push(Child::Node(id));
        }
        if !is_void(tag) && !self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end(&mut self, tag: &str) {
        match tag {
            "br" => return self.start("br", Vec::new(), true),
            "body" | "html" => return,
            _ => {}
        }
        if let Some(k) = (1..self.stack.len())
            .rev()
            .find(|&k| self.stack.get(k).is_some_and(|&id| self.tag_of(id) == tag))
        {
            self.stack.truncate(k);
        }
    }
}

/// A tag name in lowercase, borrowed when it already is.
fn lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Whether `b` may appear in a tag name.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':'
}

/// Finds `needle` (ASCII, lowercase) case-insensitively in `hay` from `from`.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while let Some(pos) = hay.get(i..).and_then(|h| memchr::memchr(first, h)) {
        let at = i + pos;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Parses `html` into a [`Dom`]. Linear time; never fails.
pub(crate) fn parse(html: &str) -> Dom {
    let bytes = html.as_bytes();
    let mut b = Builder {
        dom: Dom::default(),
        stack: vec![0],
    };
    b.dom.nodes.push(Node {
        tag: "#document".into(),
        parent: 0,
        children: Vec::new(),
        attrs: Vec::new(),
    });
    let mut i = 0;
    while i < bytes.len() {
        let lt = bytes
            .get(i..)
            .and_then(|r| memchr::memchr(b'<', r))
            .map_or(bytes.len(), |p| i + p);
        if lt > i {
            b.text(html.get(i..lt).unwrap_or_default());
        }
        i = lt;
        if i >= bytes.len() {
            break;
        }
        match bytes.get(i + 1) {
            Some(b'!') => {
                if bytes.get(i..i + 4) == Some(b"<!--") {
                    i = memchr::memmem::find(bytes.get(i + 4..).unwrap_or_default(), b"-->")
                        .map_or(bytes.len(), |p| i + 4 + p + 3);
                } else if bytes
                    .get(i..i + 9)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"<![cdata["))
                {
                    let end = memchr::memmem::find(bytes.get(i + 9..).unwrap_or_default(), b"]]>")
                        .map_or(bytes.len(), |p| i + 9 + p);
                    let text = html.get(i + 9..end).unwrap_or_default().to_string();
                    b.text(&text.replace('&', "&amp;"));
                    i = (end + 3).min(bytes.len());
                } else {
                    i = skip_to_gt(bytes, i);
                }
            }
            Some(b'?') => i = skip_to_gt(bytes, i),
            Some(b'/') => {
                let start = i + 2;
                let len = bytes
                    .get(start..)
                    .map_or(0, |r| r.iter().take_while(|&&c| is_name_byte(c)).count());
                if len == 0 {
                    // `</ >` or `</3`: a bogus comment.
                    i = skip_to_gt(bytes, i);
                    continue;
                }
                let tag = lowercase(html.get(start..start + len).unwrap_or_default());
                i = skip_to_gt(bytes, start + len);
                b.end(&tag);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = i + 1;
                let len = bytes
                    .get(start..)
                    .map_or(0, |r| r.iter().take_while(|&&c| is_name_byte(c)).count());
                let tag = lowercase(html.get(start..start + len).unwrap_or_default());
                let (attrs, self_closing, next) = parse_attrs(html, start + len);
                i = next;
                if next >= bytes.len() && bytes.last() != Some(&b'>') {
                    // A tag cut off by the end of the document is dropped, as browsers do.
                    break;
                }
                if is_raw_text(&tag) && !self_closing {
                    let mut close_pat = Vec::with_capacity(tag.len() + 2);
                    close_pat.extend_from_slice(b"</");
                    close_pat.extend_from_slice(tag.as_bytes());
                    let end = if tag == "plaintext" {
                        None
                    } else {
                        find_ci(bytes, i, &close_pat)
                    };
                    let content_end = end.unwrap_or(bytes.len());
                    let content = html.get(i..content_end).unwrap_or_default();
                    raw_text_element(&mut b, &tag, attrs, content);
                    i = end.map_or(bytes.len(), |e| skip_to_gt(bytes, e + close_pat.len()));
                } else {
                    b.start(&tag, attrs, self_closing);
                }
            }
            _ => {
                b.text("<");
                i += 1;
            }
        }
    }
    b.dom
}

/// Handles a raw-text element: the title and JSON-LD are kept, the rest is dropped.
fn raw_text_element(b: &mut Builder, tag: &str, attrs: Vec<Attr>, content: &str) {
    match tag {
        "title" => {
            let in_svg = b.stack.iter().any(|&id| b.tag_of(id) == "svg");
            if b.dom.title.is_none() && !in_svg {
                b.dom.title = Some(decode_entities(content).into_owned());
            }
        }
        "script" => {
            let is_ld = attrs
                .iter()
                .any(|(n, v)| *n == "type" && v.to_ascii_lowercase().contains("ld+json"));
            if is_ld && b.dom.json_ld.len() < 32 {
                b.dom.json_ld.push(content.to_string());
            }
        }
        _ => {}
    }
    // Keep an empty element so the structure (and its attributes) stays visible.
    b.start(tag, attrs, true);
}

/// The index just past the next `>` (or the end).
fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|r| memchr::memchr(b'>', r))
        .map_or(bytes.len(), |p| from + p + 1)
}

/// Parses attributes from `i` to the end of the tag. Returns the kept attributes, whether the
/// tag was self-closing and the index after `>`.
fn parse_attrs(html: &str, mut i: usize) -> (Vec<Attr>, bool, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        match bytes.get(i) {
            None => return (attrs, self_closing, bytes.len()),
            Some(b'>') => return (attrs, self_closing, i + 1),
            Some(b'/') => {
                self_closing = bytes.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        self_closing = false;
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'=' && c != b'>' && c != b'/')
        {
            i += 1;
        }
        if i == name_start {
            // A stray `=`: skip it.
            i += 1;
            continue;
        }
        let name = kept_attr(html.get(name_start..i).unwrap_or_default());
        while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = bytes
                        .get(start..)
                        .and_then(|r| memchr::memchr(q, r))
                        .map_or(bytes.len(), |p| start + p);
                    value = html.get(start..end).unwrap_or_default();
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while bytes
                        .get(i)
                        .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>')
                    {
                        i += 1;
                    }
                    value = html.get(start..i).unwrap_or_default();
                }
            }
        }
        if let Some(name) = name
            && !attrs.iter().any(|(n, _)| *n == name)
        {
            attrs.push((name, decode_entities(value).into_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of the tree for tests: `tag(children)`, text quoted.
    fn render(dom: &Dom, id: usize, out: &mut String) {
        let Some(node) = dom.nodes.get(id) else {
            return;
        };
        if id != 0 {
            out.push_str(&node.tag);
            out.push('(');
        }
        for (k, child) in node.children.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            match child {
                Child::Node(c) => render(dom, *c, out),
                Child::Text(t) => out.push_str(&format!("{t:?}")),
            }
        }
        if id != 0 {
            out.push(')');
        }
    }

    fn check(html: &str, expected: &str) {
        let dom = parse(html);
        let mut out = String::new();
        render(&dom, 0, &mut out);
        assert_eq!(out, expected, "input {html:?}");
    }

    #[test]
    fn builds_trees() {
        let cases = [
            ("<p>a<p>b", r#"p("a") p("b")"#),
            ("<div><p>a</div>b", r#"div(p("a")) "b""#),
            ("<ul><li>a<li>b</ul>", r#"ul(li("a") li("b"))"#),
            ("a &amp; b<br>c", r#""a & b" br() "c""#),
            ("<!-- x --><p class=\"a>b\">t</p>", r#"p("t")"#),
            ("<script>if (a<b) {}</script><p>x", r#"script() p("x")"#),
            ("<SCRIPT>x</Script >y", r#"script() "y""#),
            ("</p>x</div>", r#""x""#),
            ("a < b", r#""a < b""#),
            ("<p>unterminated <b", r#"p("unterminated ")"#),
            ("<title>A &amp; B</title><p>t", r#"title() p("t")"#),
            ("<img src=x/><p>t</p>", r#"img() p("t")"#),
            ("<div/>t", r#"div() "t""#),
            ("<h2>a<h3>b</h3>", r#"h2("a") h3("b")"#),
            (
                "<html><head><title>t</title><body><p>x",
                r#"html(head(title()) body(p("x")))"#,
            ),
            ("<head><meta charset=utf-8><p>x", r#"head(meta()) p("x")"#),
        ];
        for (html, expected) in cases {
            check(html, expected);
        }
    }

    #[test]
    fn keeps_title_attrs_and_json_ld() {
        let dom = parse(
            r#"<html lang="en"><title>T &amp; U</title><script type="application/ld+json">{"a":1}</script><a HREF='x' onclick="y">z</a>"#,
        );
        assert_eq!(dom.title.as_deref(), Some("T & U"));
        assert_eq!(dom.json_ld, vec![r#"{"a":1}"#.to_string()]);
        assert_eq!(dom.nodes.get(1).and_then(|n| n.attr("lang")), Some("en"));
        let a = dom.nodes.iter().find(|n| &*n.tag == "a");
        assert_eq!(a.and_then(|n| n.attr("href")), Some("x"));
        assert_eq!(a.map(|n| n.has_attr("onclick")), Some(false));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = "<div>".repeat(100_000) + "x";
        let dom = parse(&html);
        assert_eq!(dom.nodes.len(), 100_001);
    }
}

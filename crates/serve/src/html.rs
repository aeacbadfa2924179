//! A small HTML writer: every value from a document goes through [`E`], which escapes it for text and attributes alike.

use std::fmt::{self, Write as _};

/// A value escaped for HTML text and double- or single-quoted attributes: `&`, `<`,
/// `>`, `"` and `'` become character references; control characters other than
/// newline and tab are dropped.
pub(crate) struct E<'a>(pub(crate) &'a str);

impl fmt::Display for E<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) =
            rest.find(|c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_dropped(c))
        {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or(' ');
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                _ => {}
            }
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

fn is_dropped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// A page being written.
pub(crate) struct Page {
    out: String,
}

impl Page {
    /// Starts a page titled `title` (escaped); `search` is the query shown in the
    /// header's search box, `None` for a page without one (the search page has its own).
    pub(crate) fn new(title: &str, search: Option<&str>) -> Page {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"color-scheme\" content=\"light dark\">\
             <title>{} · newsdesk</title>\
             <link rel=\"stylesheet\" href=\"/static/style.css\">\
             <link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\
             <script src=\"/static/app.js\" defer></script></head>\n<body>\
             <a class=\"skip\" href=\"#main\">Skip to content</a>\
             <header class=\"top\"><a class=\"brand\" href=\"/\">newsdesk</a>",
            E(title)
        );
        if let Some(q) = search {
            let _ = write!(
                out,
                "<form class=\"top-search\" role=\"search\" action=\"/search\" method=\"get\">\
                 <label for=\"top-q\" class=\"visually-hidden\">Search the archive</label>\
                 <input id=\"top-q\" name=\"q\" type=\"search\" value=\"{}\" placeholder=\"Search the archive\">\
                 <button type=\"submit\">Search</button></form>",
                E(q)
            );
        }
        out.push_str("</header>\n<main id=\"main\">");
        Page { out }
    }

    /// Appends markup written by this crate (never document content: use [`E`]).
    pub(crate) fn raw(&mut self, markup: &str) -> &mut Page {
        self.out.push_str(markup);
        self
    }

    /// Appends escaped text.
    pub(crate) fn text(&mut self, text: &str) -> &mut Page {
        let _ = write!(self.out, "{}", E(text));
        self
    }

    /// Finishes the page.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str(
            "</main>\n<footer class=\"foot\">newsdesk · read-only archive · \
             <a href=\"/api/search?q=\">JSON API</a></footer></body></html>\n",
        );
        self.out
    }
}

impl fmt::Write for Page {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

/// A `<b>`-highlighted snippet from the index made safe: the text between the markers
/// is unescaped and escaped again here, so nothing but `<mark>` survives as markup.
pub(crate) fn snippet(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + 32);
    for (i, part) in snippet.split("<b>").enumerate() {
        let (marked, plain) = match (i, part.split_once("</b>")) {
            (0, _) => ("", part),
            (_, None) => (part, ""),
            (_, Some((m, p))) => (m, p),
        };
        if !marked.is_empty() {
            let _ = write!(out, "<mark>{}</mark>", E(&unescape(marked)));
        }
        let _ = write!(out, "{}", E(&unescape(plain).replace("</b>", "")));
    }
    out
}

/// Undoes the character references the index escapes snippets with.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `value` percent-encoded for a path segment or query value.
pub(crate) fn url_part(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Whether a URL from a document may be a link: only `http` and `https` (never
/// `javascript:` or `data:`).
pub(crate) fn linkable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            (
                "<script>alert('x')</script>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            ),
            ("a \"b\" & c", "a &quot;b&quot; &amp; c"),
            ("bell\u{7}\nline", "bell\nline"),
            ("Erdoğan", "Erdoğan"),
        ];
        for (input, expected) in cases {
            assert_eq!(E(input).to_string(), *expected);
        }
    }

    #[test]
    fn snippets_keep_only_their_marks() {
        let cases: &[(&str, &str)] = &[
            ("a <b>cease</b> b", "a <mark>cease</mark> b"),
            (
                "&lt;script&gt; <b>x</b> \"q\" 'y' &amp;",
                "&lt;script&gt; <mark>x</mark> &quot;q&quot; &#39;y&#39; &amp;",
            ),
            ("<b>open", "<mark>open</mark>"),
            ("close</b> here", "close here"),
            ("<script>", "&lt;script&gt;"),
        ];
        for (input, expected) in cases {
            assert_eq!(snippet(input), *expected, "{input}");
        }
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(linkable("https://example.com/a"));
        assert!(linkable("HTTP://x"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable("data:text/html,x"));
        assert_eq!(url_part("a b&c/d"), "a+b%26c%2Fd");
    }
}

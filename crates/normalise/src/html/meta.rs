//! Page metadata: headline, publication date, authors, site name, canonical URL, language.

use super::parse::{Child, Dom};
use serde_json::Value;

/// Metadata read from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The headline, site suffix removed.
    pub(crate) title: Option<String>,
    /// Date candidates, best first (unparsed).
    pub(crate) dates: Vec<String>,
    /// Author names, best sources first.
    pub(crate) authors: Vec<String>,
    /// The site name.
    pub(crate) outlet: Option<String>,
    /// The canonical URL.
    pub(crate) url: Option<String>,
    /// The `<html lang>` value.
    pub(crate) lang: Option<String>,
}

/// Meta names that carry a publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "originalpublicationdate",
];

/// Reads the metadata of a parsed page.
pub(crate) fn read(dom: &Dom) -> Meta {
    let mut meta = Meta::default();
    let mut og_title = None;
    let mut site = None;
    let mut og_url = None;
    let mut meta_dates: Vec<(usize, String)> = Vec::new();
    let mut time_dates = Vec::new();
    let mut meta_authors = Vec::new();
    let mut page_authors = Vec::new();
    let mut h1 = None;
    for (id, node) in dom.nodes.iter().enumerate() {
        match &*node.tag {
            "html" if meta.lang.is_none() => meta.lang = node.attr("lang").map(str::to_string),
            "meta" => {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let Some(content) = node
                    .attr("content")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" if og_title.is_none() => {
                        og_title = Some(content.to_string())
                    }
                    "og:site_name" | "application-name" if site.is_none() => {
                        site = Some(content.to_string())
                    }
                    "og:url" if og_url.is_none() => og_url = Some(content.to_string()),
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "byl" => {
                        meta_authors.push(content.to_string());
                    }
                    k => {
                        if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
                            meta_dates.push((rank, content.to_string()));
                        }
                    }
                }
            }
            "link" => {
                let rel = node.attr("rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && meta.url.is_none() {
                    meta.url = node
                        .attr("href")
                        .map(|h| h.trim().to_string())
                        .filter(|h| !h.is_empty());
                }
            }
            "time" => {
                if let Some(dt) = node.attr("datetime") {
                    let preferred = node.has_attr("pubdate")
                        || node
                            .attr("itemprop")
                            .is_some_and(|v| v.eq_ignore_ascii_case("datepublished"));
                    time_dates.push((!preferred, dt.to_string()));
                }
            }
            "h1" if h1.is_none() => {
                let t = text_of(dom, id);
                if !t.is_empty() {
                    h1 = Some(t);
                }
            }
            _ => {}
        }
        let rel_author = node.attr("rel").is_some_and(|r| {
            r.to_ascii_lowercase()
                .split_whitespace()
                .any(|r| r == "author")
        });
        let itemprop_author = node
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("author"));
        let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
        let byline_class = class.contains("byline")
            || class.contains("author-name")
            || class.contains("authorname");
        if (rel_author && &*node.tag == "a") || itemprop_author || byline_class {
            let t = text_of(dom, id);
            if !t.is_empty() && t.chars().count() <= 100 {
                page_authors.push(t);
            }
        }
    }
    let mut ld = JsonLd::default();
    for script in &dom.json_ld {
        if let Ok(value) = serde_json::from_str::<Value>(script.trim()) {
            ld.visit(&value, 0);
        }
    }
    site = site.or(ld.publisher.clone());
    let title = og_title
        .map(|t| strip_site_suffix(&t, site.as_deref(), false))
        .or(ld.headline.clone())
        .or_else(|| {
            dom.title
                .as_deref()
                .map(|t| strip_site_suffix(t, site.as_deref(), true))
        })
        .or(h1)
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    meta.title = title;
    meta.outlet = site.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    meta.url = meta.url.or(og_url);
    meta_dates.sort_by_key(|(rank, _)| *rank);
    time_dates.sort_by_key(|(rank, _)| *rank);
    meta.dates = ld
        .dates
        .into_iter()
        .chain(meta_dates.into_iter().map(|(_, d)| d))
        .chain(time_dates.into_iter().map(|(_, d)| d))
        .collect();
    let mut authors = Vec::new();
    for raw in ld.authors.iter().chain(&meta_authors).chain(&page_authors) {
        for name in split_names(raw) {
            if !authors
                .iter()
                .any(|a: &String| a.eq_ignore_ascii_case(&name))
            {
                authors.push(name);
            }
        }
    }
    meta.authors = authors;
    meta
}

/// The whitespace-collapsed text of an element.
fn text_of(dom: &Dom, id: usize) -> String {
    fn collect(dom: &Dom, id: usize, out: &mut String, depth: usize) {
        let Some(node) = dom.nodes.get(id) else {
            return;
        };
        if depth > 64
            || out.len() > 4096
            || matches!(&*node.tag, "script" | "style" | "noscript" | "svg")
        {
            return;
        }
        for child in &node.children {
            match child {
                Child::Node(c) => {
                    collect(dom, *c, out, depth + 1);
                    out.push(' ');
                }
                Child::Text(t) => out.push_str(t),
            }
        }
    }
    let mut out = String::new();
    collect(dom, id, &mut out, 0);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    dates: Vec<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn visit(&mut self, v: &Value, depth: usize) {
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().take(64).for_each(|i| self.visit(i, depth + 1)),
            Value::Object(map) => {
                let types: Vec<&str> = match map.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                let is_article = types.iter().any(|t| {
                    t.ends_with("Article")
                        || *t == "BlogPosting"
                        || *t == "Report"
                        || *t == "LiveBlogPosting"
                });
                if is_article || map.contains_key("datePublished") {
                    if let Some(Value::String(d)) = map.get("datePublished") {
                        self.dates.push(d.clone());
                    }
                    if is_article && self.headline.is_none() {
                        self.headline = map
                            .get("headline")
                            .and_then(Value::as_str)
                            .map(str::to_string);
                    }
                    if let Some(a) = map.get("author").or_else(|| map.get("creator")) {
                        self.collect_authors(a, 0);
                    }
                    if self.publisher.is_none() {
                        self.publisher = map.get("publisher").and_then(|p| match p {
                            Value::Object(o) => {
                                o.get("name").and_then(Value::as_str).map(str::to_string)
                            }
                            Value::String(s) => Some(s.clone()),
                            _ => None,
                        });
                    }
                }
                if let Some(graph) = map.get("@graph") {
                    self.visit(graph, depth + 1);
                }
                if let Some(main) = map.get("mainEntity") {
                    self.visit(main, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn collect_authors(&mut self, v: &Value, depth: usize) {
        if depth > 4 {
            return;
        }
        match v {
            Value::String(s) => self.authors.push(s.clone()),
            Value::Array(items) => items
                .iter()
                .take(16)
                .for_each(|i| self.collect_authors(i, depth + 1)),
            Value::Object(o) => {
                let is_org = o
                    .get("@type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t == "Organization");
                if let (Some(name), false) = (o.get("name"), is_org) {
                    self.collect_authors(name, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Removes a ` | Site` (or ` - Site`) suffix or a `Site | ` prefix from a page title.
/// `eager` strips a short trailing segment even when no site name is known.
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>, eager: bool) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let site_key = site.map(key).filter(|k| !k.is_empty());
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (
                title.get(..pos).unwrap_or_default(),
                title.get(pos + sep.len()..).unwrap_or_default(),
            );
            let tail_key = key(tail);
            let is_site = site_key.as_ref().is_some_and(|s| {
                tail_key == *s || tail_key.contains(s.as_str()) || s.contains(&tail_key)
            });
            if !head.trim().is_empty()
                && (is_site
                    || (eager
                        && tail.split_whitespace().count() <= 4
                        && head.split_whitespace().count()
                            >= if matches!(sep, " | " | " :: " | " » ") {
                                2
                            } else {
                                3
                            }))
            {
                return head.trim().to_string();
            }
        }
        if let (Some(pos), Some(site_key)) = (title.find(sep), site_key.as_ref()) {
            let head = title.get(..pos).unwrap_or_default();
            if key(head) == *site_key {
                return title
                    .get(pos + sep.len()..)
                    .unwrap_or_default()
                    .trim()
                    .to_string();
            }
        }
    }
    title
}

/// Splits an author field into plausible person names (`By A and B` -> `A`, `B`); drops
/// e-mail prompts, URLs, job titles and organisation-like strings.
pub(crate) fn split_names(raw: &str) -> Vec<String> {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let raw = raw
        .strip_prefix("By ")
        .or_else(|| raw.strip_prefix("by "))
        .or_else(|| raw.strip_prefix("BY "))
        .unwrap_or(&raw);
    let mut out = Vec::new();
    let lower = raw.to_lowercase();
    if lower.contains("agencies")
        || lower.contains("wire service")
        || lower.contains("staff") && !raw.contains(',')
    {
        return out;
    }
    for part in raw
        .split([',', '&', '|', ';', '\n'])
        .flat_map(|p| p.split(" and "))
    {
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        if is_plausible_name(name) {
            out.push(name.to_string());
        }
    }
    out
}

/// Whether a string looks like a person's name.
fn is_plausible_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    const NOT_NAMES: &[&str] = &[
        "email",
        "e-mail",
        "author",
        "staff",
        "writer",
        "correspondent",
        "reporter",
        "editor",
        "columnist",
        "contributor",
        "news desk",
        "newsdesk",
        "agency",
        "associated press",
        "reuters",
        "afp",
        "updated",
        "published",
        "follow",
        "twitter",
        "facebook",
        "http",
        "www.",
        "@",
        "view all",
        "more from",
        "senior",
        "chief",
        "bureau",
        "press",
        "news",
        "team",
        "media",
        "online",
        "digital",
    ];
    let words = name.split_whitespace().count();
    (2..=5).contains(&words)
        && name.len() <= 60
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.chars().any(|c| c.is_ascii_digit())
        && !NOT_NAMES.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    #[test]
    fn strips_site_suffixes() {
        let cases = [
            (
                "Putin and Erdogan agree ceasefire | Al Jazeera",
                Some("Al Jazeera"),
                true,
                "Putin and Erdogan agree ceasefire",
            ),
            (
                "Putin and Erdogan agree ceasefire - BBC News",
                None,
                true,
                "Putin and Erdogan agree ceasefire",
            ),
            (
                "Reuters | Putin and Erdogan agree",
                Some("Reuters"),
                true,
                "Putin and Erdogan agree",
            ),
            ("Turkey - Russia deal", None, true, "Turkey - Russia deal"),
            (
                "Ceasefire agreed - what next",
                None,
                false,
                "Ceasefire agreed - what next",
            ),
        ];
        for (title, site, eager, expected) in cases {
            assert_eq!(
                strip_site_suffix(title, site, eager),
                expected,
                "input {title:?}"
            );
        }
    }

    #[test]
    fn splits_names() {
        let cases: [(&str, &[&str]); 5] = [
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("Email the author", &[]),
            ("Jane Doe, Staff Writer", &["Jane Doe"]),
            ("https://example.com/jane", &[]),
            ("Al Jazeera and news agencies", &[]),
        ];
        for (raw, expected) in cases {
            assert_eq!(split_names(raw), expected, "input {raw:?}");
        }
    }

    #[test]
    fn reads_metadata() {
        let page = r#"<html lang="en-GB"><head><title>Deal struck | Example News</title>
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2020-03-05T18:00:00Z">
            <meta name="author" content="Email the author">
            <link rel="canonical" href="https://example.com/a">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Deal struck","datePublished":"2020-03-06","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Example"}}]}</script>
            </head><body><h1>Deal struck</h1><p class="byline">By John Roe</p></body></html>"#;
        let meta = read(&parse(page));
        assert_eq!(meta.title.as_deref(), Some("Deal struck"));
        assert_eq!(
            meta.dates,
            vec!["2020-03-06".to_string(), "2020-03-05T18:00:00Z".to_string()]
        );
        assert_eq!(
            meta.authors,
            vec!["Jane Doe".to_string(), "John Roe".to_string()]
        );
        assert_eq!(meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(meta.lang.as_deref(), Some("en-GB"));
    }
}

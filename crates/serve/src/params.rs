//! Query-string parameters of the search page and the API, bounded, and the links that change them.

use crate::Failure;
use chrono::NaiveDate;
use newsdesk_index::{FacetKind, SearchOptions, Sort};

/// Longest query accepted, in bytes (the index accepts longer; a page needs no more).
pub(crate) const MAX_QUERY_BYTES: usize = 1024;
/// Most hits one request returns.
pub(crate) const MAX_LIMIT: usize = 100;
/// Deepest hit reachable by paging (offset + limit).
pub(crate) const MAX_DEPTH: usize = 1000;
/// Most facet filters one request takes.
pub(crate) const MAX_FILTERS: usize = 10;
/// Most values per facet kind.
pub(crate) const MAX_TOP: usize = 50;
/// Longest facet value or id accepted, in bytes.
const MAX_VALUE_BYTES: usize = 300;

/// The parameters of a search, as the page and the API take them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Search {
    /// `q`: the query in Tantivy syntax.
    pub(crate) q: String,
    /// `page`: 1-based.
    pub(crate) page: usize,
    /// `limit`: hits per page.
    pub(crate) limit: usize,
    /// `offset` (API): hits to skip; the page sets it from `page`.
    pub(crate) offset: usize,
    /// `sort`: `relevance` or `newest`.
    pub(crate) sort: Option<Sort>,
    /// `f=kind:value`, repeated: facet filters.
    pub(crate) filters: Vec<(FacetKind, String)>,
    /// `from`, `to`: publication days, inclusive.
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    /// `all`: list near-duplicate copies too.
    pub(crate) all: bool,
    /// `top`: values per facet kind.
    pub(crate) top: usize,
    /// `speaker` (quotes).
    pub(crate) speaker: Option<String>,
    /// `min_size` (stories).
    pub(crate) min_size: usize,
    /// `claims` (quotes).
    pub(crate) claims: bool,
}

fn bad(message: String) -> Failure {
    Failure::BadRequest(message)
}

fn number(name: &str, value: &str, max: usize) -> Result<usize, Failure> {
    let n: usize = value
        .trim()
        .parse()
        .map_err(|_| bad(format!("`{name}` must be a whole number, not `{value}`")))?;
    Ok(n.min(max))
}

fn flag(value: &str) -> bool {
    matches!(value, "1" | "true" | "yes" | "on")
}

fn day(name: &str, value: &str) -> Result<Option<NaiveDate>, Failure> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| bad(format!("`{name}` must be a day, YYYY-MM-DD, not `{value}`")))
}

/// A facet filter `kind:value`.
fn filter(value: &str) -> Result<(FacetKind, String), Failure> {
    let (kind, rest) = value
        .split_once(':')
        .ok_or_else(|| bad(format!("a filter is `kind:value`, not `{value}`")))?;
    let kind = FacetKind::from_name(kind).ok_or_else(|| {
        bad(format!(
            "unknown filter kind `{kind}` (person, org, loc, misc, speaker, outlet, language, story)"
        ))
    })?;
    if rest.len() > MAX_VALUE_BYTES {
        return Err(bad(format!(
            "a filter value is longer than {MAX_VALUE_BYTES} bytes"
        )));
    }
    Ok((kind, rest.to_string()))
}

impl Search {
    /// Parses a raw query string; `default_limit` hits per page unless `limit` says.
    pub(crate) fn parse(raw: Option<&str>, default_limit: usize) -> Result<Search, Failure> {
        let mut s = Search {
            page: 1,
            limit: default_limit,
            top: 10,
            min_size: 2,
            ..Search::default()
        };
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            match key.as_ref() {
                "q" => s.q = value.into_owned(),
                "page" => s.page = number("page", &value, MAX_DEPTH)?.max(1),
                "limit" => s.limit = number("limit", &value, MAX_LIMIT)?,
                "offset" => s.offset = number("offset", &value, MAX_DEPTH)?,
                "top" => s.top = number("top", &value, MAX_TOP)?,
                "min_size" => s.min_size = number("min_size", &value, usize::MAX)?,
                "sort" => {
                    s.sort = match value.as_ref() {
                        "" => None,
                        "relevance" => Some(Sort::Relevance),
                        "newest" => Some(Sort::Newest),
                        other => {
                            return Err(bad(format!(
                                "`sort` is `relevance` or `newest`, not `{other}`"
                            )));
                        }
                    }
                }
                "f" if !value.is_empty() => {
                    if s.filters.len() == MAX_FILTERS {
                        return Err(bad(format!("at most {MAX_FILTERS} filters")));
                    }
                    let f = filter(&value)?;
                    if !s.filters.contains(&f) {
                        s.filters.push(f);
                    }
                }
                "from" => s.from = day("from", &value)?,
                "to" => s.to = day("to", &value)?,
                "all" => s.all = flag(&value),
                "claims" => s.claims = flag(&value),
                "speaker" if !value.trim().is_empty() => {
                    if value.len() > MAX_VALUE_BYTES {
                        return Err(bad(format!(
                            "`speaker` is longer than {MAX_VALUE_BYTES} bytes"
                        )));
                    }
                    s.speaker = Some(value.into_owned());
                }
                // Unknown parameters are ignored, as browsers and tools add their own.
                _ => {}
            }
        }
        if s.q.len() > MAX_QUERY_BYTES {
            return Err(bad(format!(
                "the query is longer than {MAX_QUERY_BYTES} bytes"
            )));
        }
        Ok(s)
    }

    /// The order of the hits: as asked, else newest first when there is no query
    /// (browsing), best first otherwise.
    pub(crate) fn order(&self) -> Sort {
        self.sort.unwrap_or(if self.q.trim().is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        })
    }

    /// The hits to skip: `offset`, else those of the pages before `page`; never past
    /// [`MAX_DEPTH`].
    pub(crate) fn skip(&self) -> usize {
        let by_page = (self.page - 1).saturating_mul(self.limit);
        self.offset
            .max(by_page)
            .min(MAX_DEPTH.saturating_sub(self.limit))
    }

    /// The index options of this search.
    pub(crate) fn options(&self) -> SearchOptions {
        SearchOptions {
            limit: self.limit,
            offset: self.skip(),
            sort: self.order(),
            facets: self.filters.clone(),
            published_from: self.from,
            published_to: self.to,
            all_copies: self.all,
            ..SearchOptions::default()
        }
    }

    /// `/search?…` with these parameters (the defaults left out).
    pub(crate) fn url(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        for (kind, value) in &self.filters {
            out.append_pair("f", &format!("{}:{value}", kind.name()));
        }
        if let Some(d) = self.from {
            out.append_pair("from", &d.to_string());
        }
        if let Some(d) = self.to {
            out.append_pair("to", &d.to_string());
        }
        if let Some(sort) = self.sort {
            out.append_pair(
                "sort",
                match sort {
                    Sort::Relevance => "relevance",
                    Sort::Newest => "newest",
                },
            );
        }
        if self.all {
            out.append_pair("all", "1");
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        let query = out.finish();
        if query.is_empty() {
            "/search".to_string()
        } else {
            format!("/search?{query}")
        }
    }

    /// These parameters on page 1 (a new filter or order starts over).
    pub(crate) fn first_page(&self) -> Search {
        Search {
            page: 1,
            offset: 0,
            ..self.clone()
        }
    }

    /// With the filter `kind:value` added.
    pub(crate) fn with_filter(&self, kind: FacetKind, value: &str) -> Search {
        let mut s = self.first_page();
        let f = (kind, value.to_string());
        if !s.filters.contains(&f) {
            s.filters.push(f);
        }
        s
    }

    /// Without filter number `i`.
    pub(crate) fn without_filter(&self, i: usize) -> Search {
        let mut s = self.first_page();
        if i < s.filters.len() {
            s.filters.remove(i);
        }
        s
    }
}

/// Whether `id` can be a document or story id: 1 to 64 ASCII letters, digits, `-`
/// or `_`. Anything else is answered 404 without asking the index.
pub(crate) fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Result<&str, &str>) {
        match (Search::parse(Some(raw), 10), expected) {
            (Ok(s), Ok(url)) => assert_eq!(s.url(), url, "{raw}"),
            (Err(e), Err(message)) => assert!(e.message().contains(message), "{raw}: {e:?}"),
            (got, _) => panic!("{raw}: {got:?}"),
        }
    }

    #[test]
    fn parameters_parse_bounded_and_round_trip() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("", Ok("/search")),
            ("q=cease+fire&page=2", Ok("/search?q=cease+fire&page=2")),
            (
                "q=x&f=person:Vladimir%20Putin&f=person:Vladimir%20Putin&sort=newest",
                Ok("/search?q=x&f=person%3AVladimir+Putin&sort=newest"),
            ),
            ("from=2020-03-01&to=", Ok("/search?from=2020-03-01")),
            ("utm=1&all=1", Ok("/search?all=1")),
            ("page=x", Err("`page` must be a whole number")),
            ("sort=best", Err("`sort` is `relevance` or `newest`")),
            ("f=colour:red", Err("unknown filter kind `colour`")),
            ("f=person", Err("a filter is `kind:value`")),
            ("from=March", Err("`from` must be a day")),
        ];
        for (raw, expected) in cases {
            check(raw, *expected);
        }
        let long = format!("q={}", "a".repeat(MAX_QUERY_BYTES + 1));
        check(&long, Err("the query is longer than 1024 bytes"));
        let many: String = (0..=MAX_FILTERS).map(|i| format!("f=loc:{i}&")).collect();
        check(&many, Err("at most 10 filters"));
    }

    #[test]
    fn paging_and_limits_are_capped() {
        let s = Search::parse(Some("limit=100000&page=100000"), 10).unwrap();
        assert_eq!(s.limit, MAX_LIMIT);
        assert_eq!(s.skip(), MAX_DEPTH - MAX_LIMIT);
        let s = Search::parse(Some("page=3"), 10).unwrap();
        assert_eq!(s.skip(), 20);
        assert_eq!(s.order(), Sort::Newest);
        let s = Search::parse(Some("q=a&offset=5"), 10).unwrap();
        assert_eq!((s.skip(), s.order()), (5, Sort::Relevance));
        assert_eq!(s.with_filter(FacetKind::Loc, "Idlib").filters.len(), 1);
        assert_eq!(
            s.with_filter(FacetKind::Loc, "Idlib").without_filter(0),
            s.first_page()
        );
    }

    #[test]
    fn ids_are_short_and_plain() {
        for (id, ok) in [
            ("c3fdc311a6ea0004", true),
            ("a1", true),
            ("s-t_1", true),
            ("", false),
            ("../etc", false),
            ("a b", false),
            ("<script>", false),
        ] {
            assert_eq!(valid_id(id), ok, "{id}");
        }
        assert!(!valid_id(&"a".repeat(65)));
    }
}

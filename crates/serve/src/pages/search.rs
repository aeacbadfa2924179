//! The search page: query box with help, hits with highlighted snippets, paging and order, facets with chips, a date histogram.

use super::{kind_heading, respond};
use crate::App;
use crate::html::{E, Page, snippet};
use crate::params::{MAX_DEPTH, Search};
use axum::extract::{RawQuery, State};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use newsdesk_index::{DayCount, FacetKind, Facets, Hit, Sort};
use newsdesk_model::Story;
use std::fmt::Write as _;

/// Hits per page.
const PER_PAGE: usize = 10;
/// Values per facet kind in the sidebar.
const FACET_TOP: usize = 8;

/// What a search page shows.
struct Found {
    hits: Vec<Hit>,
    facets: Facets,
    stories: Vec<Story>,
}

/// `GET /`: the search form, facets and histogram over the whole archive, the newest
/// documents and the largest stories.
pub(crate) async fn home(state: State<App>, raw: RawQuery) -> Response {
    page(state, raw).await
}

/// `GET /search?q=&page=&sort=&f=kind:value&from=&to=&all=`.
pub(crate) async fn page(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    let params = match Search::parse(raw.as_deref(), PER_PAGE) {
        Ok(p) => Search {
            limit: PER_PAGE,
            ..p
        },
        Err(f) => return respond(Err(f)),
    };
    let shown = params.clone();
    let found = app
        .read(move |index| {
            let options = shown.options();
            let hits = index.search(&shown.q, &options)?;
            let facets = index.facets(&shown.q, &options, FACET_TOP)?;
            let browsing = shown.q.trim().is_empty() && shown.filters.is_empty();
            let stories = if browsing && shown.page == 1 {
                index.stories(None, 2, 5)?
            } else {
                Vec::new()
            };
            Ok(Found {
                hits,
                facets,
                stories,
            })
        })
        .await;
    respond(found.map(|f| render(&params, &f)))
}

fn render(p: &Search, found: &Found) -> String {
    let title = if p.q.trim().is_empty() {
        "Search".to_string()
    } else {
        format!("{} – search", p.q)
    };
    let mut page = Page::new(&title, None);
    page.raw("<div class=\"search-layout\"><section class=\"results\" aria-label=\"Results\">");
    form(&mut page, p);
    chips(&mut page, p);
    histogram(&mut page, p, &found.facets.days);
    hits(&mut page, p, found);
    if !found.stories.is_empty() {
        page.raw("<section class=\"stories\"><h2>Largest stories</h2><ul>");
        for s in &found.stories {
            let _ = write!(
                page,
                "<li><a href=\"/stories/{}\">{}</a> <span class=\"n\">{} documents{}</span></li>",
                E(&s.id),
                E(&s.title),
                s.size,
                date_span(s.first_published, s.last_published)
            );
        }
        page.raw("</ul></section>");
    }
    page.raw("</section>");
    facets(&mut page, p, &found.facets);
    page.raw("</div>");
    page.finish()
}

fn date_span(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => format!(", {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    }
}

fn form(page: &mut Page, p: &Search) {
    let _ = write!(
        page,
        "<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">\
         <label for=\"q\" class=\"big-label\">Search the archive</label>\
         <div class=\"search-row\">\
         <input id=\"q\" name=\"q\" type=\"search\" value=\"{}\" aria-describedby=\"query-help\" \
          placeholder=\"ceasefire, person:Putin, &quot;joint patrols&quot;\" maxlength=\"1024\">\
         <label for=\"sort\" class=\"visually-hidden\">Order</label>\
         <select id=\"sort\" name=\"sort\">",
        E(&p.q)
    );
    for (value, label, sort) in [
        ("relevance", "Best first", Sort::Relevance),
        ("newest", "Newest first", Sort::Newest),
    ] {
        let selected = if p.order() == sort { " selected" } else { "" };
        let _ = write!(page, "<option value=\"{value}\"{selected}>{label}</option>");
    }
    page.raw("</select><button type=\"submit\">Search</button></div>");
    for (kind, value) in &p.filters {
        let _ = write!(
            page,
            "<input type=\"hidden\" name=\"f\" value=\"{}:{}\">",
            kind.name(),
            E(value)
        );
    }
    for (name, day) in [("from", p.from), ("to", p.to)] {
        if let Some(d) = day {
            let _ = write!(
                page,
                "<input type=\"hidden\" name=\"{name}\" value=\"{d}\">"
            );
        }
    }
    if p.all {
        page.raw("<input type=\"hidden\" name=\"all\" value=\"1\">");
    }
    page.raw(
        "<details id=\"query-help\" class=\"help\"><summary>Query syntax</summary><ul>\
         <li>All words must match: <code>ceasefire Idlib</code>; <code>OR</code> for either, \
         <code>-word</code> to exclude.</li>\
         <li>Phrases in quotes: <code>\"joint patrols\"</code>.</li>\
         <li>Fields: <code>person:Erdogan</code>, <code>org:\"White Helmets\"</code>, \
         <code>loc:Idlib</code>, <code>speaker:Putin</code>, <code>quote:ceasefire</code>, \
         <code>outlet:\"Al Jazeera\"</code>, <code>language:en</code>, <code>title:truce</code>.</li>\
         <li>Dates: <code>published:[2020-03-01 TO 2020-03-31]</code>; stories: <code>story:ID</code>.</li>\
         <li>Words are stemmed: <code>ceasefires</code> finds <code>ceasefire</code>.</li>\
         </ul></details></form>",
    );
}

fn chips(page: &mut Page, p: &Search) {
    let dated = p.from.is_some() || p.to.is_some();
    if p.filters.is_empty() && !dated {
        return;
    }
    page.raw("<ul class=\"chips\" aria-label=\"Filters\">");
    for (i, (kind, value)) in p.filters.iter().enumerate() {
        let _ = write!(
            page,
            "<li><a class=\"chip\" data-kind=\"{k}\" href=\"{href}\" \
             aria-label=\"Remove filter {k}: {v}\"><span class=\"chip-kind\">{k}</span> {v} \
             <span aria-hidden=\"true\">×</span></a></li>",
            k = kind.name(),
            v = E(value),
            href = E(&p.without_filter(i).url()),
        );
    }
    if dated {
        let undated = Search {
            from: None,
            to: None,
            ..p.first_page()
        };
        let span = format!(
            "{} to {}",
            p.from.map_or("…".into(), |d| d.to_string()),
            p.to.map_or("…".into(), |d| d.to_string())
        );
        let _ = write!(
            page,
            "<li><a class=\"chip\" data-kind=\"date\" href=\"{}\" aria-label=\"Remove filter published {span}\">\
             <span class=\"chip-kind\">published</span> {span} <span aria-hidden=\"true\">×</span></a></li>",
            E(&undated.url())
        );
    }
    page.raw("</ul>");
}

/// A bar of the histogram: the days it covers and the documents in them.
struct Bar {
    from: NaiveDate,
    to: NaiveDate,
    label: String,
    documents: u64,
}

/// Days grouped into bars: one per day over two months or less, per month over ten
/// years or less, per year beyond.
fn bars(days: &[DayCount]) -> Vec<Bar> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let span = (last.day - first.day).num_days();
    let key = |d: NaiveDate| -> (NaiveDate, NaiveDate, String) {
        if span <= 62 {
            (d, d, d.to_string())
        } else if span <= 3660 {
            let start = d.with_day(1).unwrap_or(d);
            let next = if d.month() == 12 {
                NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
            };
            let end = next.and_then(|n| n.pred_opt()).unwrap_or(d);
            (start, end, start.format("%Y-%m").to_string())
        } else {
            let start = NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d);
            let end = NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d);
            (start, end, d.year().to_string())
        }
    };
    let mut out: Vec<Bar> = Vec::new();
    let mut d = key(first.day).0;
    // Every bar from the first to the last, empty ones too, so gaps show.
    while d <= last.day && out.len() < 400 {
        let (from, to, label) = key(d);
        out.push(Bar {
            from,
            to,
            label,
            documents: 0,
        });
        d = match to.succ_opt() {
            Some(n) => n,
            None => break,
        };
    }
    for day in days {
        if let Some(bar) = out
            .iter_mut()
            .find(|b| b.from <= day.day && day.day <= b.to)
        {
            bar.documents += day.documents;
        }
    }
    out
}

fn histogram(page: &mut Page, p: &Search, days: &[DayCount]) {
    let bars = bars(days);
    if bars.len() < 2 && p.from.is_none() && p.to.is_none() {
        return;
    }
    let max = bars.iter().map(|b| b.documents).max().unwrap_or(1).max(1);
    let (width, height) = (600.0_f64, 80.0_f64);
    let step = width / bars.len().max(1) as f64;
    let _ = write!(
        page,
        "<figure class=\"histogram\"><figcaption>Published, {} to {} — click a bar (or drag across bars) to narrow the dates</figcaption>\
         <svg viewBox=\"0 0 {width} {h}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Matching documents per publication date\">",
        bars.first().map_or(String::new(), |b| b.from.to_string()),
        bars.last().map_or(String::new(), |b| b.to.to_string()),
        h = height + 2.0
    );
    for (i, b) in bars.iter().enumerate() {
        let bar_height = if b.documents == 0 {
            0.0
        } else {
            (b.documents as f64 / max as f64 * height).max(3.0)
        };
        let narrowed = Search {
            from: Some(b.from),
            to: Some(b.to),
            ..p.first_page()
        };
        let _ = write!(
            page,
            "<a href=\"{href}\" class=\"bar\" data-from=\"{from}\" data-to=\"{to}\">\
             <rect class=\"hit-area\" x=\"{x:.2}\" y=\"0\" width=\"{w:.2}\" height=\"{full}\"></rect>\
             <rect class=\"fill\" x=\"{x:.2}\" y=\"{y:.2}\" width=\"{bw:.2}\" height=\"{bar_height:.2}\"></rect>\
             <title>{label}: {n} document{s}</title></a>",
            href = E(&narrowed.url()),
            from = b.from,
            to = b.to,
            x = i as f64 * step,
            w = step,
            full = height + 2.0,
            y = height + 2.0 - bar_height,
            bw = (step * 0.85).max(1.0),
            label = E(&b.label),
            n = b.documents,
            s = if b.documents == 1 { "" } else { "s" },
        );
    }
    page.raw("</svg></figure>");
}

fn hits(page: &mut Page, p: &Search, found: &Found) {
    let total = found.facets.documents;
    let first = p.skip() + 1;
    if found.hits.is_empty() {
        let _ = write!(
            page,
            "<p class=\"count\" role=\"status\">{}</p>",
            if total == 0 {
                "No documents match."
            } else {
                "No more documents on this page."
            }
        );
        return;
    }
    let _ = write!(
        page,
        "<p class=\"count\" role=\"status\">{total} document{} match · showing {first}–{}</p>\
         <ol class=\"hits\" start=\"{first}\">",
        if total == 1 { "" } else { "s" },
        first + found.hits.len() - 1
    );
    for hit in &found.hits {
        let title = hit.title.as_deref().unwrap_or(&hit.source);
        let _ = write!(
            page,
            "<li class=\"hit\"><h2><a href=\"/documents/{}\">{}</a></h2><p class=\"meta\">",
            E(&hit.id),
            E(title)
        );
        let mut meta: Vec<String> = Vec::new();
        if let Some(o) = &hit.outlet {
            meta.push(format!("<span class=\"outlet\">{}</span>", E(o)));
        }
        meta.push(match &hit.published {
            Some(d) => format!("<time datetime=\"{0}\">{0}</time>", E(d)),
            None => "undated".into(),
        });
        meta.push(format!("<span class=\"source\">{}</span>", E(&hit.source)));
        page.raw(&meta.join(" · "));
        let _ = write!(
            page,
            "</p><p class=\"snippet\">{}</p>",
            snippet(&hit.snippet)
        );
        let mut notes: Vec<String> = Vec::new();
        if hit.copies > 0 {
            let all = Search {
                all: true,
                ..p.first_page()
            };
            notes.push(format!(
                "<a href=\"{}\">+{} near-duplicate cop{}</a>",
                E(&all.url()),
                hit.copies,
                if hit.copies == 1 { "y" } else { "ies" }
            ));
        }
        if let Some(of) = &hit.duplicate_of {
            notes.push(format!("copy of <a href=\"/documents/{0}\">{0}</a>", E(of)));
        }
        if let Some(story) = &hit.story {
            notes.push(format!("<a href=\"/stories/{}\">story</a>", E(story)));
        }
        if !notes.is_empty() {
            let _ = write!(page, "<p class=\"notes\">{}</p>", notes.join(" · "));
        }
        page.raw("</li>");
    }
    page.raw("</ol>");
    // Paging: the previous and next pages, up to the deepest hit reachable.
    let shown = (p.skip() + found.hits.len()) as u64;
    let more = shown < total && p.skip() + 2 * p.limit <= MAX_DEPTH;
    if p.page > 1 || more {
        page.raw("<nav class=\"pager\" aria-label=\"Pages\">");
        if p.page > 1 {
            let prev = Search {
                page: p.page - 1,
                ..p.clone()
            };
            let _ = write!(
                page,
                "<a rel=\"prev\" href=\"{}\">← Previous</a>",
                E(&prev.url())
            );
        }
        let _ = write!(page, "<span>Page {}</span>", p.page);
        if more {
            let next = Search {
                page: p.page + 1,
                ..p.clone()
            };
            let _ = write!(
                page,
                "<a rel=\"next\" href=\"{}\">Next →</a>",
                E(&next.url())
            );
        }
        page.raw("</nav>");
    }
}

fn facets(page: &mut Page, p: &Search, facets: &Facets) {
    page.raw("<aside class=\"facets\" aria-label=\"Facets\"><h2 class=\"visually-hidden\">Narrow the results</h2>");
    for kind in FacetKind::ALL {
        let values: Vec<_> = facets.values.iter().filter(|v| v.kind == kind).collect();
        if values.is_empty() {
            continue;
        }
        let _ = write!(
            page,
            "<section class=\"facet-group\"><h3>{}</h3><ul>",
            kind_heading(kind)
        );
        for v in values {
            let active = p.filters.iter().any(|(k, x)| *k == kind && *x == v.value);
            let label = v.title.as_deref().unwrap_or(&v.value);
            let _ = write!(
                page,
                "<li><a class=\"facet{}\" data-kind=\"{}\" href=\"{}\"{}>{}</a> <span class=\"n\">{}</span></li>",
                if active { " active" } else { "" },
                kind.name(),
                E(&p.with_filter(kind, &v.value).url()),
                if active { " aria-current=\"true\"" } else { "" },
                E(label),
                v.documents
            );
        }
        page.raw("</ul></section>");
    }
    if facets.undated > 0 {
        let _ = write!(
            page,
            "<p class=\"n\">{} undated document{}</p>",
            facets.undated,
            if facets.undated == 1 { "" } else { "s" }
        );
    }
    page.raw("</aside>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn bars_group_days_by_the_span() {
        let counts = |v: &[(&str, u64)]| -> Vec<DayCount> {
            v.iter()
                .map(|(d, n)| DayCount {
                    day: day(d),
                    documents: *n,
                })
                .collect()
        };
        let render = |b: Vec<Bar>| -> Vec<String> {
            b.into_iter()
                .map(|b| format!("{} {}..{} {}", b.label, b.from, b.to, b.documents))
                .collect()
        };
        type Case<'a> = (&'a [(&'a str, u64)], &'a [&'a str]);
        let cases: &[Case] = &[
            (&[], &[]),
            (
                &[("2020-03-05", 1), ("2020-03-07", 2)],
                &[
                    "2020-03-05 2020-03-05..2020-03-05 1",
                    "2020-03-06 2020-03-06..2020-03-06 0",
                    "2020-03-07 2020-03-07..2020-03-07 2",
                ],
            ),
            (
                &[("2019-12-20", 1), ("2020-02-01", 1), ("2020-02-29", 3)],
                &[
                    "2019-12 2019-12-01..2019-12-31 1",
                    "2020-01 2020-01-01..2020-01-31 0",
                    "2020-02 2020-02-01..2020-02-29 4",
                ],
            ),
            (
                &[("2001-05-01", 1), ("2020-02-01", 1)],
                &["2001 2001-01-01..2001-12-31 1"],
            ),
        ];
        for (input, expected) in cases {
            let got = render(bars(&counts(input)));
            if expected.len() == 1 {
                // Years: 2001 to 2020, one bar each.
                assert_eq!(got.len(), 20);
                assert_eq!(got[0], expected[0]);
            } else {
                assert_eq!(got, *expected);
            }
        }
    }
}

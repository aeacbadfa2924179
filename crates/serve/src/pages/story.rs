//! The story page: members on a timeline by outlet, the reasons they are grouped, and the facts across outlets.

use super::respond;
use crate::html::{E, Page};
use crate::params::valid_id;
use crate::{App, Failure};
use axum::extract::{Path, State};
use axum::response::Response;
use newsdesk_model::{FactValue, Story};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// `GET /stories/ID`.
pub(crate) async fn page(State(app): State<App>, Path(id): Path<String>) -> Response {
    let missing = || Failure::NotFound(format!("There is no story with id “{id}”."));
    if !valid_id(&id) {
        return respond(Err(missing()));
    }
    let wanted = id.clone();
    let found = app.read(move |index| Ok(index.story(&wanted)?)).await;
    respond(
        found
            .and_then(|s| s.ok_or_else(missing))
            .map(|s| render(&s)),
    )
}

fn render(story: &Story) -> String {
    let title = if story.title.is_empty() {
        "Story"
    } else {
        story.title.as_str()
    };
    let mut page = Page::new(title, Some(""));
    let _ = write!(
        page,
        "<article class=\"story\"><h1>{}</h1><p class=\"meta\">{} document{} · ",
        E(title),
        story.size,
        if story.size == 1 { "" } else { "s" }
    );
    match (story.first_published, story.last_published) {
        (Some(a), Some(b)) if a == b => {
            let _ = write!(page, "<time datetime=\"{a}\">{a}</time>");
        }
        (Some(a), Some(b)) => {
            let _ = write!(
                page,
                "<time datetime=\"{a}\">{a}</time> to <time datetime=\"{b}\">{b}</time>"
            );
        }
        _ => {
            page.raw("undated");
        }
    }
    let _ = write!(
        page,
        " · <a href=\"/search?f=story:{0}\">search within</a> · <a href=\"/api/stories/{0}\">JSON</a></p>",
        E(&story.id)
    );
    timeline(&mut page, story);
    members(&mut page, story);
    reasons(&mut page, story);
    facts(&mut page, story);
    page.raw("</article>");
    page.finish()
}

fn outlet_of(story: &Story, id: &str) -> String {
    story
        .documents
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.outlet.clone().unwrap_or_else(|| m.source.clone()))
        .unwrap_or_else(|| id.to_string())
}

/// The members as dots on a time axis, one row per outlet.
fn timeline(page: &mut Page, story: &Story) {
    let mut rows: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in story.documents.iter().enumerate() {
        rows.entry(m.outlet.clone().unwrap_or_else(|| "unknown outlet".into()))
            .or_default()
            .push(i);
    }
    let dates: Vec<_> = story.documents.iter().filter_map(|m| m.published).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return;
    };
    let span = (*last - *first).num_days().max(1) as f64;
    let (left, width, row_h) = (170.0_f64, 420.0_f64, 28.0_f64);
    let height = row_h * rows.len() as f64 + 30.0;
    let _ = write!(
        page,
        "<figure class=\"timeline\"><figcaption>Members by outlet over time</figcaption>\
         <svg viewBox=\"0 0 {w} {height}\" role=\"img\" aria-label=\"Story members by outlet and date\">",
        w = left + width + 20.0
    );
    for (r, (outlet, members)) in rows.iter().enumerate() {
        let y = row_h * r as f64 + row_h / 2.0;
        let _ = write!(
            page,
            "<text class=\"row-label\" x=\"{x}\" y=\"{ty:.1}\" text-anchor=\"end\">{}</text>\
             <line class=\"row-line\" x1=\"{left}\" x2=\"{x2}\" y1=\"{y:.1}\" y2=\"{y:.1}\"></line>",
            E(&shorten(outlet, 24)),
            x = left - 8.0,
            ty = y + 4.0,
            x2 = left + width
        );
        for i in members {
            let m = &story.documents[*i];
            let Some(day) = m.published else { continue };
            let x = left + (day - *first).num_days() as f64 / span * width;
            let class = if m.duplicate_of.is_some() {
                "dot copy"
            } else {
                "dot"
            };
            let _ = write!(
                page,
                "<a href=\"/documents/{}\"><circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\"></circle>\
                 <title>{}, {day}{}</title></a>",
                E(&m.id),
                E(outlet),
                if m.duplicate_of.is_some() {
                    " (copy)"
                } else {
                    ""
                }
            );
        }
    }
    let axis = row_h * rows.len() as f64 + 18.0;
    let _ = write!(
        page,
        "<text class=\"axis\" x=\"{left}\" y=\"{axis}\">{first}</text>\
         <text class=\"axis\" x=\"{x}\" y=\"{axis}\" text-anchor=\"end\">{last}</text></svg></figure>",
        x = left + width
    );
}

fn members(page: &mut Page, story: &Story) {
    page.raw(
        "<section><h2>Documents</h2><table class=\"members\"><thead><tr>\
         <th scope=\"col\">Date</th><th scope=\"col\">Outlet</th><th scope=\"col\">Document</th></tr></thead><tbody>",
    );
    for m in &story.documents {
        let _ = write!(
            page,
            "<tr><td>{}</td><td>{}</td><td><a href=\"/documents/{}\">{}</a>",
            m.published.map_or("undated".into(), |d| d.to_string()),
            E(m.outlet.as_deref().unwrap_or("unknown")),
            E(&m.id),
            E(&m.source)
        );
        if let Some(of) = &m.duplicate_of {
            let _ = write!(page, " <span class=\"n\">(copy of {})</span>", E(of));
        }
        page.raw("</td></tr>");
    }
    page.raw("</tbody></table></section>");
}

fn reasons(page: &mut Page, story: &Story) {
    if story.why.is_empty() {
        return;
    }
    page.raw("<section><h2>Why these documents are one story</h2><ul class=\"why\">");
    for r in &story.why {
        let _ = write!(
            page,
            "<li><span class=\"why-kind\">{}</span> {} <span class=\"n\">weight {:.2}</span></li>",
            E(&r.kind),
            E(&r.detail),
            r.weight
        );
    }
    page.raw("</ul></section>");
}

/// A fact's value as shown: text as it is, whole numbers without a decimal point.
fn value_text(v: &FactValue) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Number(n)) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
            _ => n.to_string(),
        },
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn facts(page: &mut Page, story: &Story) {
    if story.facts.is_empty() {
        return;
    }
    page.raw(
        "<section><h2>Facts across outlets</h2><table class=\"facts\"><thead><tr>\
         <th scope=\"col\">Fact</th><th scope=\"col\">Status</th><th scope=\"col\">What each outlet says</th>\
         </tr></thead><tbody>",
    );
    for f in &story.facts {
        let _ = write!(
            page,
            "<tr class=\"fact-{status}\"><th scope=\"row\"><span class=\"fact-kind\">{kind}</span> {about}",
            status = E(&f.status),
            kind = E(&f.kind),
            about = E(&f.about)
        );
        if let Some(s) = &f.speaker {
            let _ = write!(page, " <span class=\"who\">— {}</span>", E(s));
        }
        if let Some(c) = &f.count {
            let _ = write!(page, " <span class=\"n\">({})</span>", E(c));
        }
        let _ = write!(
            page,
            "</th><td><span class=\"status status-{0}\">{0}</span></td><td><ul class=\"reports\">",
            E(&f.status)
        );
        for r in &f.reports {
            let mut value = value_text(&r.value);
            if let Some(u) = &r.unit {
                value.push(' ');
                value.push_str(u);
            }
            let _ = write!(
                page,
                "<li><a href=\"/documents/{}\">{}</a>: “{}”",
                E(&r.document),
                E(&outlet_of(story, &r.document)),
                E(&r.text),
            );
            // A quote's value is its words again: shown only when it differs.
            if value.trim() != r.text.trim() {
                let _ = write!(page, " <span class=\"n\">= {}</span>", E(&value));
            }
            page.raw("</li>");
        }
        page.raw("</ul></td></tr>");
    }
    page.raw("</tbody></table></section>");
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

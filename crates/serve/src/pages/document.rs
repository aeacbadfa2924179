//! The document page: the clean text with entities, quotes, claims, quantities and dates highlighted by kind, a legend, a side panel, removed text folded, provenance and the story.

use super::respond;
use crate::html::{E, Page, linkable, url_part};
use crate::params::valid_id;
use crate::{App, Failure};
use axum::extract::{Path, State};
use axum::response::Response;
use newsdesk_index::DocumentRecord;
use newsdesk_model::{Document, Label, Story};
use std::fmt::Write as _;

/// The kinds of highlight, their legend labels, in legend order.
const KINDS: [(&str, &str); 9] = [
    ("person", "People"),
    ("org", "Organisations"),
    ("loc", "Places"),
    ("misc", "Other names"),
    ("speaker", "Speakers"),
    ("quote", "Quotes"),
    ("claim", "Claims"),
    ("quantity", "Quantities"),
    ("date", "Dates"),
];

/// One highlighted range of the text.
#[derive(Debug, Clone, PartialEq)]
struct Span {
    start: usize,
    end: usize,
    kind: &'static str,
    /// The tooltip.
    title: String,
    /// The element id, for links from the side panel.
    anchor: Option<String>,
    /// A quote's speaker (a `data-speaker` attribute).
    speaker: Option<String>,
    /// Whether the range names someone quoted or making a claim in the document
    /// (class `hl-speaker` besides its label's).
    speaks: bool,
}

/// `GET /documents/ID`.
pub(crate) async fn page(State(app): State<App>, Path(id): Path<String>) -> Response {
    if !valid_id(&id) {
        return respond(Err(Failure::NotFound(format!(
            "There is no document with id “{id}”."
        ))));
    }
    let found = app
        .read(move |index| {
            let record = index.record(&id)?.ok_or_else(|| {
                Failure::NotFound(format!("There is no document with id “{id}”."))
            })?;
            let story = match &record.story {
                Some(s) if s.size > 1 => index.story(&s.id)?,
                _ => None,
            };
            Ok((record, story))
        })
        .await;
    respond(found.map(|(record, story)| render(&record, story.as_ref())))
}

fn label_kind(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Org => "org",
        Label::Loc => "loc",
        Label::Misc => "misc",
    }
}

/// The highlights of a document, in two layers: quotes and claims (outer), then
/// names, quantities and dates (inner); each layer without overlaps (the earlier,
/// then the longer range wins), inner ranges only where they do not cross an outer
/// one; ranges off char boundaries are dropped.
fn spans(doc: &Document) -> (Vec<Span>, Vec<Span>) {
    let text = &doc.article.text;
    let x = &doc.extraction;
    let mut outer = Vec::new();
    for (i, q) in x.quotes.iter().enumerate() {
        let who = q.speaker.as_deref().unwrap_or("unknown speaker");
        outer.push(Span {
            start: q.start,
            end: q.end,
            kind: "quote",
            title: format!("quote — {who}{}", cue(q.cue.as_deref())),
            anchor: Some(format!("quote-{i}")),
            speaker: q.speaker.clone(),
            speaks: false,
        });
    }
    for (i, c) in x.claims.iter().enumerate() {
        let who = c.speaker.as_deref().unwrap_or("unknown speaker");
        outer.push(Span {
            start: c.start,
            end: c.end,
            kind: "claim",
            title: format!("claim — {who}{}", cue(c.cue.as_deref())),
            anchor: Some(format!("claim-{i}")),
            speaker: None,
            speaks: false,
        });
    }
    let speakers: std::collections::BTreeSet<&str> = x
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .chain(x.claims.iter().filter_map(|c| c.speaker.as_deref()))
        .collect();
    let mut inner = Vec::new();
    for e in &x.entities {
        let speaks = speakers.contains(e.name.as_str());
        for m in &e.mentions {
            inner.push(Span {
                start: m.start,
                end: m.end,
                kind: label_kind(e.label),
                title: format!(
                    "{}: {}{}",
                    e.label,
                    e.name,
                    if speaks { " (speaker)" } else { "" }
                ),
                anchor: None,
                speaker: None,
                speaks,
            });
        }
    }
    for (i, q) in x.quantities.iter().enumerate() {
        let mut title = format!("quantity: {}", q.value);
        if let Some(u) = &q.unit {
            let _ = write!(title, " {u}");
        }
        if let Some(c) = &q.count {
            let _ = write!(title, " ({c})");
        }
        inner.push(Span {
            start: q.start,
            end: q.end,
            kind: "quantity",
            title,
            anchor: Some(format!("quantity-{i}")),
            speaker: None,
            speaks: false,
        });
    }
    for (i, d) in x.dates.iter().enumerate() {
        inner.push(Span {
            start: d.start,
            end: d.end,
            kind: "date",
            title: format!("date: {}", d.value),
            anchor: Some(format!("date-{i}")),
            speaker: None,
            speaks: false,
        });
    }
    let valid = |s: &Span| s.start < s.end && text.get(s.start..s.end).is_some();
    let layer = |mut spans: Vec<Span>| -> Vec<Span> {
        spans.retain(valid);
        spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Span> = Vec::new();
        for s in spans {
            if kept.last().is_none_or(|k| s.start >= k.end) {
                kept.push(s);
            }
        }
        kept
    };
    let outer = layer(outer);
    let inner: Vec<Span> = layer(inner)
        .into_iter()
        .filter(|s| {
            outer.iter().all(|o| {
                s.end <= o.start || s.start >= o.end || (o.start <= s.start && s.end <= o.end)
            })
        })
        .collect();
    (outer, inner)
}

fn cue(cue: Option<&str>) -> String {
    cue.map_or(String::new(), |c| format!(" ({c})"))
}

fn open(out: &mut String, s: &Span) {
    let _ = write!(
        out,
        "<span class=\"hl hl-{}{}\" title=\"{}\"",
        s.kind,
        if s.speaks { " hl-speaker" } else { "" },
        E(&s.title)
    );
    if let Some(a) = &s.anchor {
        let _ = write!(out, " id=\"{}\"", E(a));
    }
    if let Some(who) = &s.speaker {
        let _ = write!(out, " data-speaker=\"{}\"", E(who));
    }
    out.push('>');
}

/// The text with its highlights, escaped.
fn body(text: &str, outer: &[Span], inner: &[Span]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    let mut inner = inner.iter().peekable();
    // Writes `text[at..end]`, with the inner spans that lie in it.
    let mut plain = |out: &mut String, at: &mut usize, end: usize| {
        while let Some(s) = inner.peek() {
            if s.start >= end {
                break;
            }
            let _ = write!(out, "{}", E(&text[*at..s.start]));
            open(out, s);
            let _ = write!(out, "{}</span>", E(&text[s.start..s.end]));
            *at = s.end;
            inner.next();
        }
        let _ = write!(out, "{}", E(&text[*at..end]));
        *at = end;
    };
    for o in outer {
        plain(&mut out, &mut at, o.start);
        open(&mut out, o);
        plain(&mut out, &mut at, o.end);
        out.push_str("</span>");
    }
    plain(&mut out, &mut at, text.len());
    out
}

fn render(record: &DocumentRecord, story: Option<&Story>) -> String {
    let doc = &record.document;
    let a = &doc.article;
    let title = a.title.as_deref().unwrap_or(&a.source);
    let mut page = Page::new(title, Some(""));
    let _ = write!(
        page,
        "<article class=\"document\"><h1>{}</h1><p class=\"meta\">",
        E(title)
    );
    let mut meta = Vec::new();
    if let Some(o) = &a.outlet {
        meta.push(format!("<span class=\"outlet\">{}</span>", E(o)));
    }
    meta.push(match a.published {
        Some(d) => format!("<time datetime=\"{d}\">{d}</time>"),
        None => "undated".into(),
    });
    if !a.authors.is_empty() {
        meta.push(format!("by {}", E(&a.authors.join(", "))));
    }
    page.raw(&meta.join(" · ")).raw("</p>");

    let (outer, inner) = spans(doc);
    page.raw(
        "<div class=\"doc-layout\"><div class=\"doc-main\">\
         <fieldset class=\"legend\"><legend>Highlight</legend>",
    );
    for (kind, label) in KINDS {
        let n = outer
            .iter()
            .chain(&inner)
            .filter(|s| s.kind == kind || (kind == "speaker" && s.speaks))
            .count();
        if n == 0 {
            continue;
        }
        let _ = write!(
            page,
            "<span class=\"legend-item\">\
             <input type=\"checkbox\" class=\"toggle\" id=\"show-{kind}\" data-kind=\"{kind}\" checked>\
             <label class=\"swatch hl-{kind}\" for=\"show-{kind}\">{label} <span class=\"n\">{n}</span></label></span>"
        );
    }
    let _ = write!(
        page,
        "</fieldset><div class=\"doc-text\" lang=\"{}\">{}</div></div>",
        E(a.language.as_deref().unwrap_or("und")),
        body(&a.text, &outer, &inner)
    );
    side(&mut page, record, story);
    page.raw("</div></article>");
    page.finish()
}

fn side(page: &mut Page, record: &DocumentRecord, story: Option<&Story>) {
    let doc = &record.document;
    let a = &doc.article;
    let x = &doc.extraction;
    page.raw("<aside class=\"doc-side\" aria-label=\"What the document contains\">");
    // Provenance.
    page.raw("<section><h2>Provenance</h2><dl class=\"provenance\">");
    let _ = write!(
        page,
        "<dt>Id</dt><dd><code>{}</code> (<a href=\"/api/documents/{}\">JSON</a>)</dd>",
        E(&a.id),
        E(&a.id)
    );
    let (path, record_id) = match a.source.split_once('#') {
        Some((p, r)) => (p, Some(r)),
        None => (a.source.as_str(), None),
    };
    let _ = write!(page, "<dt>Source</dt><dd><code>{}</code></dd>", E(path));
    if let Some(r) = record_id {
        let _ = write!(page, "<dt>Record</dt><dd><code>{}</code></dd>", E(r));
    }
    if let Some(url) = &a.url {
        if linkable(url) {
            let _ = write!(
                page,
                "<dt>URL</dt><dd><a href=\"{0}\" rel=\"noreferrer nofollow\">{0}</a></dd>",
                E(url)
            );
        } else {
            let _ = write!(page, "<dt>URL</dt><dd><code>{}</code></dd>", E(url));
        }
    }
    if let Some(l) = &a.language {
        let _ = write!(page, "<dt>Language</dt><dd>{}</dd>", E(l));
    }
    if let Some(d) = &a.dateline {
        let _ = write!(page, "<dt>Dateline</dt><dd>{}</dd>", E(d));
    }
    if let Some(of) = &record.duplicate_of {
        let _ = write!(
            page,
            "<dt>Copy of</dt><dd><a href=\"/documents/{0}\">{0}</a></dd>",
            E(of)
        );
    }
    if !record.copies.is_empty() {
        page.raw("<dt>Copies</dt><dd>");
        for c in &record.copies {
            let _ = write!(page, "<a href=\"/documents/{0}\">{0}</a> ", E(c));
        }
        page.raw("</dd>");
    }
    page.raw("</dl></section>");
    // The story.
    if let Some(s) = &record.story
        && s.size > 1
    {
        let _ = write!(
            page,
            "<section class=\"doc-story\"><h2>Story</h2><p><a href=\"/stories/{}\">{}</a> ({} documents)</p>",
            E(&s.id),
            E(&s.title),
            s.size
        );
        if let Some(story) = story {
            page.raw("<ul>");
            for m in story.documents.iter().filter(|m| m.id != a.id) {
                let _ = write!(
                    page,
                    "<li><a href=\"/documents/{}\">{}</a> <span class=\"n\">{}</span></li>",
                    E(&m.id),
                    E(m.outlet.as_deref().unwrap_or(&m.source)),
                    m.published.map_or("undated".into(), |d| d.to_string())
                );
            }
            page.raw("</ul>");
        }
        page.raw("</section>");
    }
    // Entities, by label.
    for label in Label::ALL {
        let mut names: Vec<_> = x.entities.iter().filter(|e| e.label == label).collect();
        if names.is_empty() {
            continue;
        }
        names.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.name.cmp(&b.name))
        });
        let kind = label_kind(label);
        let heading = KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, l)| l);
        let _ = write!(
            page,
            "<section><h2><span class=\"swatch-dot hl-{kind}\"></span>{heading}</h2><ul class=\"names\">"
        );
        for e in names {
            let _ = write!(
                page,
                "<li><a href=\"/search?f={}\">{}</a> <span class=\"n\">{}×</span></li>",
                url_part(&format!("{kind}:{}", e.name)),
                E(&e.name),
                e.mentions.len()
            );
        }
        page.raw("</ul></section>");
    }
    if !x.quotes.is_empty() {
        page.raw("<section><h2><span class=\"swatch-dot hl-quote\"></span>Quotes</h2><ul class=\"quotes\">");
        for (i, q) in x.quotes.iter().enumerate() {
            let _ = write!(
                page,
                "<li><a href=\"#quote-{i}\">“{}”</a> <span class=\"who\">— {}</span></li>",
                E(&shorten(&q.text, 160)),
                E(q.speaker.as_deref().unwrap_or("unknown speaker"))
            );
        }
        page.raw("</ul></section>");
    }
    if !x.claims.is_empty() {
        page.raw("<section><h2><span class=\"swatch-dot hl-claim\"></span>Claims</h2><ul class=\"quotes\">");
        for (i, c) in x.claims.iter().enumerate() {
            let _ = write!(
                page,
                "<li><a href=\"#claim-{i}\">{}</a> <span class=\"who\">— {}</span></li>",
                E(&shorten(&c.text, 160)),
                E(c.speaker.as_deref().unwrap_or("unknown speaker"))
            );
        }
        page.raw("</ul></section>");
    }
    if !x.quantities.is_empty() {
        page.raw("<section><h2><span class=\"swatch-dot hl-quantity\"></span>Quantities</h2><ul>");
        for (i, q) in x.quantities.iter().enumerate() {
            let mut value = q.value.to_string();
            if let Some(u) = &q.unit {
                value.push(' ');
                value.push_str(u);
            }
            let _ = write!(
                page,
                "<li><a href=\"#quantity-{i}\">{}</a> <span class=\"n\">= {}",
                E(&q.text),
                E(&value)
            );
            if let Some(c) = &q.count {
                let _ = write!(page, ", {}", E(c));
            }
            page.raw("</span></li>");
        }
        page.raw("</ul></section>");
    }
    if !x.dates.is_empty() {
        page.raw("<section><h2><span class=\"swatch-dot hl-date\"></span>Dates</h2><ul>");
        for (i, d) in x.dates.iter().enumerate() {
            let _ = write!(
                page,
                "<li><a href=\"#date-{i}\">{}</a> <span class=\"n\">= {}</span></li>",
                E(&d.text),
                E(&d.value)
            );
        }
        page.raw("</ul></section>");
    }
    if !x.keywords.is_empty() {
        page.raw("<section><h2>Keywords</h2><p class=\"keywords\">");
        for k in &x.keywords {
            let _ = write!(page, "<span class=\"keyword\">{}</span> ", E(k));
        }
        page.raw("</p></section>");
    }
    if !a.removed.is_empty() {
        let _ = write!(
            page,
            "<details class=\"removed\"><summary>Removed from the text ({})</summary><ul>",
            a.removed.len()
        );
        for r in &a.removed {
            let _ = write!(
                page,
                "<li><span class=\"removed-kind\">{}</span> {}</li>",
                E(&r.kind),
                E(&r.text)
            );
        }
        page.raw("</ul></details>");
    }
    page.raw("</aside>");
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::{Article, Entity, Extraction, Mention, Quote};

    #[test]
    fn highlights_nest_escape_and_skip_bad_offsets() {
        let text = "Putin said \"Idlib <is> calm\" & left.";
        let at = |s: &str| text.find(s).unwrap();
        let doc = Document {
            article: Article {
                text: text.into(),
                ..Article::default()
            },
            extraction: Extraction {
                entities: vec![
                    Entity {
                        label: Label::Person,
                        name: "Vladimir Putin".into(),
                        mentions: vec![Mention {
                            start: 0,
                            end: 5,
                            text: "Putin".into(),
                        }],
                    },
                    Entity {
                        label: Label::Loc,
                        name: "Idlib".into(),
                        mentions: vec![
                            Mention {
                                start: at("Idlib"),
                                end: at("Idlib") + 5,
                                text: "Idlib".into(),
                            },
                            // crosses the quote's end: dropped
                            Mention {
                                start: at("calm"),
                                end: at("left"),
                                text: "x".into(),
                            },
                            // past the end of the text: dropped
                            Mention {
                                start: 30,
                                end: 99,
                                text: "x".into(),
                            },
                        ],
                    },
                ],
                quotes: vec![Quote {
                    text: "Idlib <is> calm".into(),
                    speaker: Some("Vladimir \"V\" Putin".into()),
                    cue: Some("said".into()),
                    start: at("Idlib"),
                    end: at("calm") + 4,
                }],
                ..Extraction::default()
            },
        };
        let (outer, inner) = spans(&doc);
        assert_eq!(outer.len(), 1);
        assert_eq!(inner.len(), 2);
        assert_eq!(
            body(text, &outer, &inner),
            "<span class=\"hl hl-person\" title=\"PERSON: Vladimir Putin\">Putin</span> said &quot;\
             <span class=\"hl hl-quote\" title=\"quote — Vladimir &quot;V&quot; Putin (said)\" id=\"quote-0\" \
             data-speaker=\"Vladimir &quot;V&quot; Putin\"><span class=\"hl hl-loc\" title=\"LOC: Idlib\">Idlib</span> \
             &lt;is&gt; calm</span>&quot; &amp; left."
        );
    }

    #[test]
    fn names_of_speakers_are_marked_as_such() {
        let text = "Putin said \"calm\" and Idlib waited.";
        let mention = |name: &str, label: Label| Entity {
            label,
            name: name.into(),
            mentions: vec![Mention {
                start: text.find(name).unwrap(),
                end: text.find(name).unwrap() + name.len(),
                text: name.into(),
            }],
        };
        let doc = Document {
            article: Article {
                text: text.into(),
                ..Article::default()
            },
            extraction: Extraction {
                entities: vec![
                    mention("Putin", Label::Person),
                    mention("Idlib", Label::Loc),
                ],
                quotes: vec![Quote {
                    text: "calm".into(),
                    speaker: Some("Putin".into()),
                    cue: Some("said".into()),
                    start: text.find("calm").unwrap(),
                    end: text.find("calm").unwrap() + 4,
                }],
                ..Extraction::default()
            },
        };
        let (outer, inner) = spans(&doc);
        let speaks: Vec<(&str, bool)> = inner.iter().map(|s| (s.kind, s.speaks)).collect();
        assert_eq!(speaks, [("person", true), ("loc", false)]);
        let html = body(text, &outer, &inner);
        assert!(
            html.starts_with(
                "<span class=\"hl hl-person hl-speaker\" title=\"PERSON: Putin (speaker)\">Putin</span>"
            ),
            "{html}"
        );
    }
}

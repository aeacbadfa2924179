//! How results are printed: NDJSON with `--json`, readable text otherwise
//! (bold highlights on a terminal, plain text in pipes).

use newsdesk_cli::Beside;
use newsdesk_index::{DocumentRecord, FacetCount, Hit, QuoteHit, QuoteKind};
use newsdesk_model::{Document, FactValue, Label, Story};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::IsTerminal;

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Prints values as NDJSON, one per line.
fn print_ndjson<T: Serialize>(items: &[T]) -> anyhow::Result<()> {
    let mut out = String::new();
    for item in items {
        out.push_str(&serde_json::to_string(item)?);
        out.push('\n');
    }
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// Search hits, best first.
pub(crate) fn print_hits(hits: &[Hit], json: bool) -> anyhow::Result<()> {
    if json {
        return print_ndjson(hits);
    }
    let colour = std::io::stdout().is_terminal();
    let mut out = String::new();
    if hits.is_empty() {
        out.push_str("no documents found\n");
    }
    for (rank, hit) in hits.iter().enumerate() {
        let title = hit.title.as_deref().unwrap_or(&hit.source);
        let _ = writeln!(
            out,
            "{:>2}. {}  [{}]  score {:.2}  id {}",
            rank + 1,
            title,
            hit.published.as_deref().unwrap_or("undated"),
            hit.score,
            hit.id
        );
        if hit.title.is_some() {
            let _ = writeln!(out, "    {}", hit.source);
        }
        let mut notes = Vec::new();
        if hit.copies > 0 {
            notes.push(format!(
                "+{} near-duplicate cop{} (--all shows them)",
                hit.copies,
                if hit.copies == 1 { "y" } else { "ies" }
            ));
        }
        if let Some(of) = &hit.duplicate_of {
            notes.push(format!("copy of {of}"));
        }
        if let Some(story) = &hit.story {
            notes.push(format!("story {story}"));
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "    [{}]", notes.join("; "));
        }
        let _ = writeln!(out, "    {}", render_snippet(&hit.snippet, colour));
    }
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// Turns a `<b>`-highlighted, HTML-escaped snippet into terminal text.
pub(crate) fn render_snippet(snippet: &str, colour: bool) -> String {
    let (on, off) = if colour { (BOLD, RESET) } else { ("", "") };
    snippet
        .replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// One stored document, with its story and copies; with `--json`, the
/// [`DocumentRecord`] that `newsdesk serve` also returns.
pub(crate) fn print_document(doc: &Document, beside: &Beside, json: bool) -> anyhow::Result<()> {
    if json {
        let record = DocumentRecord {
            document: doc.clone(),
            story: beside.story.clone(),
            duplicate_of: beside.duplicate_of.clone(),
            copies: beside.copies.clone(),
        };
        // Through a `Value`, whose keys are sorted: the line the CLI has always printed.
        let mut s = serde_json::to_string(&serde_json::to_value(&record)?)?;
        s.push('\n');
        crate::stdout_write(s.as_bytes())?;
        return Ok(());
    }
    let colour = std::io::stdout().is_terminal();
    let mut out = document_summary(doc, colour);
    if let Some(story) = &beside.story {
        let _ = writeln!(
            out,
            "  story:      {}  “{}”  ({} document{})",
            story.id,
            story.title,
            story.size,
            if story.size == 1 { "" } else { "s" }
        );
    }
    if let Some(of) = &beside.duplicate_of {
        let _ = writeln!(out, "  copy of:    {of}");
    }
    if !beside.copies.is_empty() {
        let _ = writeln!(out, "  copies:     {}", beside.copies.join(", "));
    }
    let _ = writeln!(out, "\n{}\n", doc.article.text);
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// A readable summary of one processed document.
pub(crate) fn document_summary(doc: &Document, colour: bool) -> String {
    let (on, off) = if colour { (BOLD, RESET) } else { ("", "") };
    let a = &doc.article;
    let x = &doc.extraction;
    let mut out = String::new();
    let _ = writeln!(out, "{on}{}{off}  {}", a.id, a.source);
    if let Some(t) = &a.title {
        let _ = writeln!(out, "  title:      {t}");
    }
    let _ = writeln!(
        out,
        "  published:  {}   language: {}   {} bytes of text, {} removed",
        a.published
            .map_or_else(|| "unknown".to_string(), |d| d.to_string()),
        a.language.as_deref().unwrap_or("unknown"),
        a.text.len(),
        a.removed.len()
    );
    for label in Label::ALL {
        let names: Vec<String> = x
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| format!("{} ({})", e.name, e.mentions.len()))
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "  {:<11} {}", format!("{label}:"), names.join(", "));
        }
    }
    for q in &x.quotes {
        let _ = writeln!(
            out,
            "  quote:      {} — “{}”",
            q.speaker.as_deref().unwrap_or("(no speaker)"),
            shorten(&q.text, 90)
        );
    }
    for c in &x.claims {
        let _ = writeln!(
            out,
            "  claim:      {} ({}) — {}",
            c.speaker.as_deref().unwrap_or("(no speaker)"),
            c.cue.as_deref().unwrap_or("no cue"),
            shorten(&c.text, 90)
        );
    }
    if !x.quantities.is_empty() {
        let qs: Vec<String> = x
            .quantities
            .iter()
            .map(|q| {
                let mut shown = q.text.clone();
                if let Some(count) = &q.count {
                    let _ = match &q.period {
                        Some(p) => write!(shown, "  [{count}, {p}]"),
                        None => write!(shown, "  [{count}]"),
                    };
                }
                if q.conversion_mismatch {
                    shown.push_str(" [the two units disagree by more than 5%]");
                }
                shown
            })
            .collect();
        let _ = writeln!(out, "  quantities: {}", qs.join("; "));
    }
    if !x.dates.is_empty() {
        let ds: Vec<String> = x
            .dates
            .iter()
            .map(|d| format!("{} = {}", d.text, d.value))
            .collect();
        let _ = writeln!(out, "  dates:      {}", ds.join("; "));
    }
    if !x.keywords.is_empty() {
        let _ = writeln!(out, "  keywords:   {}", x.keywords.join(", "));
    }
    out
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

/// Entity counts per label.
pub(crate) fn print_facets(facets: &[FacetCount], json: bool) -> anyhow::Result<()> {
    if json {
        return print_ndjson(facets);
    }
    let mut out = String::new();
    for label in Label::ALL {
        let rows: Vec<&FacetCount> = facets.iter().filter(|f| f.label == label).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{label}");
        for f in rows {
            let _ = writeln!(out, "  {:>5}  {}", f.documents, f.name);
        }
    }
    if out.is_empty() {
        out.push_str("no entities found\n");
    }
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// Quotes with speaker, outlet and date.
pub(crate) fn print_quotes(quotes: &[QuoteHit], json: bool) -> anyhow::Result<()> {
    if json {
        return print_ndjson(quotes);
    }
    let mut out = String::new();
    if quotes.is_empty() {
        out.push_str("no quotes found\n");
    }
    for q in quotes {
        let (open, close, kind) = match q.kind {
            QuoteKind::Quote => ("“", "”", ""),
            QuoteKind::Claim => ("", "", " (claim)"),
        };
        let _ = writeln!(
            out,
            "{} [{} · {}]{kind}\n  {open}{}{close}",
            q.speaker.as_deref().unwrap_or("(no speaker)"),
            q.outlet.as_deref().unwrap_or(&q.source),
            q.published.as_deref().unwrap_or("undated"),
            q.text
        );
    }
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// Stories as NDJSON, one record per line.
pub(crate) fn print_stories_json(stories: &[Story]) -> anyhow::Result<()> {
    print_ndjson(stories)
}

/// Stories for reading: label, dates, outlets, members, top reasons and the facts table.
pub(crate) fn print_stories(stories: &[Story]) -> anyhow::Result<()> {
    let colour = std::io::stdout().is_terminal();
    let mut out = String::new();
    if stories.is_empty() {
        out.push_str("no stories found\n");
    }
    for (i, story) in stories.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&story_view(story, colour));
    }
    crate::stdout_write(out.as_bytes())?;
    Ok(())
}

/// The most reasons shown per story.
const TOP_REASONS: usize = 5;

/// One story for reading.
pub(crate) fn story_view(story: &Story, colour: bool) -> String {
    let (on, off) = if colour { (BOLD, RESET) } else { ("", "") };
    let mut out = String::new();
    let title = if story.title.is_empty() {
        "(untitled)"
    } else {
        &story.title
    };
    let _ = writeln!(out, "{on}{title}{off}");
    let span = match (story.first_published, story.last_published) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "undated".to_string(),
    };
    let _ = writeln!(
        out,
        "  story {}  {} document{}  {span}",
        story.id,
        story.size,
        if story.size == 1 { "" } else { "s" }
    );
    let name_of = |id: &str| -> String {
        story
            .documents
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.outlet.clone().unwrap_or_else(|| short_source(&m.source)))
            .unwrap_or_else(|| id.to_string())
    };
    let mut outlets: Vec<String> = story
        .documents
        .iter()
        .filter_map(|m| m.outlet.clone())
        .collect();
    outlets.sort();
    outlets.dedup();
    if !outlets.is_empty() {
        let _ = writeln!(out, "  outlets:    {}", outlets.join(", "));
    }
    let _ = writeln!(out, "  documents:");
    for m in &story.documents {
        let copy = m
            .duplicate_of
            .as_ref()
            .map(|of| format!("  (copy of {of})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {}  {}  {}  {}{copy}",
            m.id,
            m.published
                .map_or_else(|| "undated   ".to_string(), |d| d.to_string()),
            m.outlet.as_deref().unwrap_or("-"),
            m.source
        );
    }
    if !story.why.is_empty() {
        let _ = writeln!(out, "  why:");
        for r in story.why.iter().take(TOP_REASONS) {
            let _ = writeln!(out, "    {:>5.2}  {:<15} {}", r.weight, r.kind, r.detail);
        }
    }
    if !story.facts.is_empty() {
        let _ = writeln!(out, "  facts:");
        for f in &story.facts {
            let mark = match f.status.as_str() {
                "agree" => "= agree ",
                "differ" => "≠ differ",
                _ => "· single",
            };
            let mut about = f.about.clone();
            if let Some(speaker) = &f.speaker {
                about = format!("{about} ({speaker})");
            }
            let _ = writeln!(out, "    {mark}  {:<8}  {}", f.kind, shorten(&about, 70));
            for r in &f.reports {
                let value = match &r.value {
                    FactValue::Number(n) => {
                        let unit = r
                            .unit
                            .as_deref()
                            .map(|u| format!(" {u}"))
                            .unwrap_or_default();
                        format!("  = {n}{unit}")
                    }
                    FactValue::Text(t) if f.kind == "date" => format!("  = {t}"),
                    FactValue::Text(_) => String::new(),
                };
                let _ = writeln!(
                    out,
                    "                {:<14} “{}”{value}",
                    format!("{}:", shorten(&name_of(&r.document), 12)),
                    shorten(&r.text, 80)
                );
            }
        }
    }
    out
}

/// The file name of a source (`…/articles/000_x.txt` -> `000_x.txt`).
fn short_source(source: &str) -> String {
    source
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_render_for_terminals_and_pipes() {
        let s = "the <b>corridor</b> &amp; the &lt;M4&gt;";
        assert_eq!(render_snippet(s, false), "the corridor & the <M4>");
        assert_eq!(
            render_snippet(s, true),
            "the \x1b[1mcorridor\x1b[0m & the <M4>"
        );
    }

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }
}

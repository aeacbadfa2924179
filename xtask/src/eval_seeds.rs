//! `cargo xtask eval seeds [--gold FILE]`: scores the real pipeline on the
//! seed articles (`fixtures/articles/*.txt`) against the hand-checked facts of
//! `../shared/gold/seeds.json`, one figure per category.
//!
//! Each article goes through `newsdesk_normalise::normalise` (plain text,
//! default publication date from the gold, else 2020-03-05) and then
//! `newsdesk_extract::extract`. Matching follows the gold's `about`:
//!
//! - entities: an extracted entity with the gold label and name;
//! - quotes found: an extracted quote whose text contains the fragment;
//! - speakers: that quote's speaker has the gold surname as a word (or as the
//!   last part of a hyphenated word: `al-Assad`); a quote not found counts as
//!   a wrong speaker;
//! - quantities: a quantity whose text contains the fragment with the gold
//!   value (relative tolerance from the gold, else 1e-6), and unit and
//!   qualifier when the gold gives them;
//! - dates: a date whose text contains the fragment, with the gold value;
//! - removed: a removed piece of the gold kind containing the fragment.
//!
//! A gold quote, quantity or date whose fragment lies only in text the gold
//! itself lists as removed (a caption) cannot be in the article text and is
//! reported as not applicable. Every category must reach 0.95.
//!
//! The story part (`eval_seeds_story`) groups the three seeds with `newsdesk_stories`
//! and scores the story's facts against `../shared/gold/seed_story.json`.
//! `FACTS_VERBOSE=1` prints every miss.

use anyhow::{Context, bail};
use newsdesk_model::{Article, ContentKind, Document, Extraction, RawDocument};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

const TARGET: f64 = 0.95;
const CATEGORIES: [&str; 6] = [
    "entities",
    "quotes found",
    "speakers",
    "quantities",
    "dates",
    "removed",
];

/// Hits and totals of one category.
#[derive(Default, Clone, Copy)]
struct Tally {
    ok: usize,
    total: usize,
    not_applicable: usize,
}

impl Tally {
    fn add(&mut self, ok: Option<bool>) {
        match ok {
            Some(ok) => {
                self.total += 1;
                self.ok += usize::from(ok);
            }
            None => self.not_applicable += 1,
        }
    }

    fn ratio(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.ok as f64 / self.total as f64
        }
    }
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let gold_path = match args {
        [flag, file, ..] if flag == "--gold" => PathBuf::from(file),
        [] => crate::shared()
            .map(|s| s.join("gold/seeds.json"))
            .context("../shared is absent; pass --gold FILE")?,
        _ => bail!("usage: cargo xtask eval seeds [--gold FILE]"),
    };
    let raw = std::fs::read_to_string(&gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let gold: Value = serde_json::from_str(&raw).context("parsing the seed gold")?;
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    let published = gold["publication_date"]
        .as_str()
        .unwrap_or("2020-03-05")
        .to_string();
    let articles = gold["articles"]
        .as_object()
        .context("the seed gold has no `articles`")?;
    let mut tallies: BTreeMap<&str, Tally> =
        CATEGORIES.iter().map(|c| (*c, Tally::default())).collect();
    let dir = crate::root().join("fixtures/articles");
    let mut seed_docs: Vec<(String, Document)> = Vec::new();
    for (name, g) in articles {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let config = newsdesk_normalise::Config {
            default_published: serde_json::from_value(Value::String(published.clone()))
                .with_context(|| format!("publication date {published:?}"))?,
            ..newsdesk_normalise::Config::default()
        };
        let raw = RawDocument {
            source: path.display().to_string(),
            kind: ContentKind::Text,
            bytes,
            ..RawDocument::default()
        };
        let article = newsdesk_normalise::normalise(raw, &config)
            .with_context(|| format!("normalising {name}"))?;
        let x = newsdesk_extract::extract(&article, &newsdesk_extract::Config::default());
        seed_docs.push((
            name.clone(),
            Document {
                article: article.clone(),
                extraction: x.clone(),
            },
        ));
        let mut miss = |category: &str, what: String| {
            if verbose {
                println!("MISS {name} {category}: {what}");
            }
        };
        let mut tally = |category: &'static str, ok: Option<bool>| {
            if verbose && ok.is_none() {
                println!("N/A  {name} {category}: fragment only in removed text");
            }
            if let Some(t) = tallies.get_mut(category) {
                t.add(ok);
            }
        };
        score_article(g, &article, &x, &mut tally, &mut miss);
    }
    println!(
        "seeds ({} articles, {})",
        articles.len(),
        gold_path.display()
    );
    let mut below = Vec::new();
    for c in CATEGORIES {
        let t = tallies.get(c).copied().unwrap_or_default();
        let na = if t.not_applicable > 0 {
            format!(", {} not applicable", t.not_applicable)
        } else {
            String::new()
        };
        println!("  {c:<13} {:.3}  ({}/{}{na})", t.ratio(), t.ok, t.total);
        if t.ratio() < TARGET {
            below.push(c);
        }
    }
    let story_gold = gold_path.with_file_name("seed_story.json");
    let story = match std::fs::read_to_string(&story_gold) {
        Ok(raw) => {
            let g: Value = serde_json::from_str(&raw).context("parsing seed_story.json")?;
            let sc = crate::eval_seeds_story::score(&g, &seed_docs, verbose);
            println!(
                "  story         {}  facts {}/{} with the right status",
                if sc.one_story { "one story" } else { "NOT one story" },
                sc.ok,
                sc.total
            );
            Some(sc)
        }
        Err(_) => {
            println!("  story         skipped: {} is absent", story_gold.display());
            None
        }
    };
    if !below.is_empty() {
        bail!("below {TARGET}: {}", below.join(", "));
    }
    if let Some(sc) = story
        && (!sc.one_story || sc.ok < crate::eval_seeds_story::TARGET_FACTS)
    {
        bail!(
            "story: one story {}, {}/{} facts (target {})",
            sc.one_story,
            sc.ok,
            sc.total,
            crate::eval_seeds_story::TARGET_FACTS
        );
    }
    Ok(())
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

fn items(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_array().into_iter().flatten()
}

/// `speaker` has `surname` as a word, or as the last part of a hyphenated word.
pub(crate) fn surname_matches(speaker: Option<&str>, surname: &str) -> bool {
    speaker.is_some_and(|sp| {
        sp.split_whitespace().any(|w| {
            w.eq_ignore_ascii_case(surname)
                || w.rsplit('-')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(surname))
        })
    })
}

fn score_article(
    g: &Value,
    article: &Article,
    x: &Extraction,
    tally: &mut impl FnMut(&'static str, Option<bool>),
    miss: &mut impl FnMut(&str, String),
) {
    // entities by label and name
    if let Some(by_label) = g["entities"].as_object() {
        for (label, names) in by_label {
            for want in items(names).filter_map(Value::as_str) {
                let ok = x
                    .entities
                    .iter()
                    .any(|e| e.label.name() == label && e.name == want);
                if !ok {
                    miss("entities", format!("{label} {want}"));
                }
                tally("entities", Some(ok));
            }
        }
    }
    let removed_only = |frag: &str| {
        !article.text.contains(frag) && article.removed.iter().any(|r| r.text.contains(frag))
    };
    for want in items(&g["quotes"]) {
        let (frag, speaker) = (s(want, "fragment"), s(want, "speaker"));
        if removed_only(frag) {
            tally("quotes found", None);
            tally("speakers", None);
            continue;
        }
        let q = x.quotes.iter().find(|q| q.text.contains(frag));
        tally("quotes found", Some(q.is_some()));
        let ok = surname_matches(q.and_then(|q| q.speaker.as_deref()), speaker);
        tally("speakers", Some(ok));
        if !ok {
            miss(
                "quotes",
                format!(
                    "{frag:?} by {speaker}: got {:?}",
                    q.map(|q| (&q.speaker, &q.text))
                ),
            );
        }
    }
    for want in items(&g["quantities"]) {
        let frag = s(want, "fragment");
        if removed_only(frag) {
            tally("quantities", None);
            continue;
        }
        let value = want["value"].as_f64().unwrap_or(f64::NAN);
        let tol = want["tolerance"].as_f64().unwrap_or(1e-6).max(1e-6);
        let ok = x.quantities.iter().any(|q| {
            q.text.contains(frag)
                && (q.value - value).abs() <= value.abs() * tol
                && want["unit"]
                    .as_str()
                    .is_none_or(|u| q.unit.as_deref() == Some(u))
                && want["qualifier"]
                    .as_str()
                    .is_none_or(|w| q.qualifier.as_deref() == Some(w))
        });
        if !ok {
            let near: Vec<_> = x
                .quantities
                .iter()
                .filter(|q| q.text.contains(frag) || frag.contains(&q.text))
                .map(|q| (&q.text, q.value, &q.unit, &q.qualifier))
                .collect();
            miss("quantities", format!("{want}: got {near:?}"));
        }
        tally("quantities", Some(ok));
    }
    for want in items(&g["dates"]) {
        let (frag, value) = (s(want, "fragment"), s(want, "value"));
        if removed_only(frag) {
            tally("dates", None);
            continue;
        }
        let ok = x
            .dates
            .iter()
            .any(|d| d.text.contains(frag) && d.value == value);
        if !ok {
            let near: Vec<_> = x
                .dates
                .iter()
                .filter(|d| d.text.contains(frag) || frag.contains(&d.text))
                .map(|d| (&d.text, &d.value))
                .collect();
            miss("dates", format!("{frag:?} = {value}: got {near:?}"));
        }
        tally("dates", Some(ok));
    }
    for want in items(&g["removed"]) {
        let (kind, frag) = (s(want, "kind"), s(want, "fragment"));
        let ok = article
            .removed
            .iter()
            .any(|r| r.kind == kind && r.text.contains(frag));
        if !ok {
            miss("removed", format!("{kind} {frag:?}"));
        }
        tally("removed", Some(ok));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames() {
        for (speaker, surname, ok) in [
            (Some("Recep Tayyip Erdogan"), "Erdogan", true),
            (Some("Bashar al-Assad"), "Assad", true),
            (Some("Vladimir Putin"), "Erdogan", false),
            (None, "Putin", false),
        ] {
            assert_eq!(
                surname_matches(speaker, surname),
                ok,
                "{speaker:?} {surname}"
            );
        }
    }
}

//! The story part of `cargo xtask eval seeds`: the three seed reports must form one story,
//! and the facts of `../shared/gold/seed_story.json` must be grouped with the right status.
//!
//! A gold fact is found when one fact of the story has the gold status and, for each
//! article the gold lists, a report of that article lying on (or within 30 bytes of) the
//! gold fragment; a `single` fact must have reports from one article only, and an
//! `agree` fact's reports must come from the gold's articles.

use newsdesk_model::{Document, Fact};
use serde_json::Value;
use std::collections::BTreeMap;

/// Facts that must be found (of 13).
pub(crate) const TARGET_FACTS: usize = 11;
/// How far a report may lie from the gold fragment and still be its report.
const SLACK: usize = 30;

/// The story part's result.
pub(crate) struct StoryScore {
    pub(crate) one_story: bool,
    pub(crate) ok: usize,
    pub(crate) total: usize,
}

/// Groups `docs` (seed file name, document) and scores the story against `gold`.
pub(crate) fn score(gold: &Value, docs: &[(String, Document)], verbose: bool) -> StoryScore {
    let config = newsdesk_stories::Config::default();
    let profiles: Vec<_> = docs.iter().map(|(_, d)| newsdesk_stories::profile(d)).collect();
    let grouping = newsdesk_stories::group(&profiles, &config);
    let want: Vec<&str> = gold["story"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let id_of: BTreeMap<&str, &Document> = docs.iter().map(|(n, d)| (n.as_str(), d)).collect();
    let want_ids: Vec<&str> = want
        .iter()
        .filter_map(|n| id_of.get(n).map(|d| d.article.id.as_str()))
        .collect();
    let group = grouping
        .groups
        .iter()
        .max_by_key(|g| g.members.iter().filter(|m| want_ids.contains(&m.as_str())).count());
    let one_story = group.is_some_and(|g| {
        want_ids.len() == want.len() && want_ids.iter().all(|id| g.members.iter().any(|m| m == id))
    });
    let facts = match group {
        Some(g) => {
            let members: Vec<&Document> = docs
                .iter()
                .map(|(_, d)| d)
                .filter(|d| g.members.contains(&d.article.id))
                .collect();
            newsdesk_stories::story(g, &members, &grouping.duplicate_of).facts
        }
        None => Vec::new(),
    };
    if verbose {
        for f in &facts {
            println!("FACT {} {} {:?}: {}", f.status, f.kind, f.about, f.reports.iter().map(|r| format!("{}@{}", r.text, r.start)).collect::<Vec<_>>().join(" | "));
        }
    }
    let mut ok = 0;
    let gold_facts: Vec<&Value> = gold["facts"].as_array().into_iter().flatten().collect();
    for g in &gold_facts {
        let found = matches(g, &facts, &id_of);
        if !found && verbose {
            println!("MISS story fact: {}", g["about"]);
        }
        ok += usize::from(found);
    }
    StoryScore {
        one_story,
        ok,
        total: gold_facts.len(),
    }
}

/// Whether one of `facts` is the gold fact `g`.
fn matches(g: &Value, facts: &[Fact], docs: &BTreeMap<&str, &Document>) -> bool {
    let status = g["status"].as_str().unwrap_or_default();
    let Some(reports) = g["reports"].as_object() else {
        return false;
    };
    // the gold fragment's span in each article
    let mut spans: Vec<(&str, usize, usize)> = Vec::new();
    for (name, frag) in reports {
        let (Some(doc), Some(frag)) = (docs.get(name.as_str()), frag.as_str()) else {
            return false;
        };
        let Some(at) = doc.article.text.find(frag) else {
            return false;
        };
        spans.push((doc.article.id.as_str(), at, at + frag.len()));
    }
    facts.iter().any(|f| {
        if f.status != status {
            return false;
        }
        let mut in_fact: Vec<&str> = f.reports.iter().map(|r| r.document.as_str()).collect();
        in_fact.sort_unstable();
        in_fact.dedup();
        if in_fact.iter().any(|d| !spans.iter().any(|(id, _, _)| id == d)) {
            return false;
        }
        spans.iter().all(|(id, a, b)| {
            f.reports.iter().any(|r| {
                r.document == *id && r.start < b + SLACK && r.end + SLACK > *a
            })
        })
    })
}

//! A document's profile: its MinHash signature and the weighted features that stories
//! are grouped by (rare terms, named entities, quotes, mentioned dates).

use crate::{minhash, text};
use chrono::NaiveDate;
use newsdesk_model::{Document, Label};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many terms a profile keeps (the heaviest by tf-idf).
const MAX_TERMS: usize = 48;
/// The opening of the text whose words count twice (bytes; tuned on ECB+ and GVA dev).
const LEAD_BYTES: usize = 600;
/// How many entities a profile keeps (the heaviest).
const MAX_NAMES: usize = 24;
/// How many quotes a profile keeps (the longest), and content words per quote.
const MAX_QUOTES: usize = 12;
const MAX_QUOTE_WORDS: usize = 40;

/// The features of one document (private to the stage; serialised with the profile).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub(crate) struct Features {
    /// MinHash signature of the body's word 5-shingles (empty for an empty body).
    #[serde(rename = "sig", default)]
    pub(crate) signature: Vec<u32>,
    /// Terms and their weights (tf-idf against the background, unit length), by term.
    #[serde(rename = "t", default)]
    pub(crate) terms: Vec<(String, f32)>,
    /// Entity keys (`normalised name`) and their weights (unit length), by key.
    #[serde(rename = "e", default)]
    pub(crate) names: Vec<(String, f32)>,
    /// Quotes: the speaker's last name (lowercase, or empty) and the quote's content words.
    #[serde(rename = "q", default)]
    pub(crate) quotes: Vec<(String, Vec<String>)>,
    /// Calendar days the text mentions (`YYYY-MM-DD`), sorted.
    #[serde(rename = "d", default)]
    pub(crate) days: Vec<String>,
    /// Months the text mentions without a day (`YYYY-MM`: `a July 2014 shooting`), sorted.
    #[serde(rename = "m", default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) months: Vec<String>,
    /// Years the text mentions, sorted.
    #[serde(rename = "y", default)]
    pub(crate) years: Vec<i32>,
    /// The last name of the person the text names most (twice or more), if any.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub(crate) lead: Option<String>,
    /// The last names of every person the text names, sorted.
    #[serde(rename = "p", default)]
    pub(crate) people: Vec<String>,
}

pub(crate) fn features(doc: &Document) -> Features {
    let a = &doc.article;
    let x = &doc.extraction;
    let signature = minhash::signature(&minhash::shingles(&a.text));

    // terms: body words once per occurrence, the opening and the headline twice
    // (a hash map: every word of the text is counted; the order is set by `top_unit`)
    let mut tf: foldhash::HashMap<String, f64> = Default::default();
    // the opening of the text tells the event's specifics: its words count twice
    let cut = crate::facts::floor_boundary(&a.text, LEAD_BYTES);
    for w in text::content_words(&a.text) {
        *tf.entry(w).or_default() += 1.0;
    }
    for w in text::content_words(a.text.get(..cut).unwrap_or_default()) {
        *tf.entry(w).or_default() += 1.0;
    }
    if let Some(t) = &a.title {
        for w in text::content_words(headline(t)) {
            *tf.entry(w).or_default() += 2.0;
        }
    }
    let terms = top_unit(
        tf.into_iter()
            .map(|(w, n)| {
                let idf = text::idf(&w);
                (w, (1.0 + n.ln()) * idf * idf)
            })
            .collect(),
        MAX_TERMS,
    );

    // entities: mentions (log-scaled) times the rarity of the rarest word of the name
    let mut names: BTreeMap<String, f64> = BTreeMap::new();
    for e in &x.entities {
        let key = name_key(&e.name);
        if key.is_empty() {
            continue;
        }
        let rarity = key.split(' ').map(text::idf).fold(0.0f64, f64::max);
        let boost = match e.label {
            Label::Person | Label::Loc => 1.0,
            Label::Org => 0.8,
            Label::Misc => 0.6,
        };
        let w = (1.0 + (e.mentions.len().max(1) as f64).ln()) * rarity * rarity * boost;
        let slot = names.entry(key).or_default();
        *slot = slot.max(w);
    }
    let names = top_unit(names.into_iter().collect(), MAX_NAMES);

    let mut quotes: Vec<(String, Vec<String>)> = x
        .quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .as_deref()
                .and_then(|s| s.split_whitespace().last())
                .map(text::normalise_word)
                .unwrap_or_default();
            let mut words: Vec<String> = text::content_words(&q.text).collect();
            words.sort();
            words.dedup();
            words.truncate(MAX_QUOTE_WORDS);
            // (truncated: the collect's allocation held every word of the quote)
            words.shrink_to_fit();
            (speaker, words)
        })
        .filter(|(_, w)| w.len() >= 3)
        .collect();
    quotes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.cmp(b)));
    quotes.truncate(MAX_QUOTES);
    quotes.sort();
    quotes.dedup();
    quotes.shrink_to_fit();

    let mut days = Vec::new();
    let mut months = Vec::new();
    let mut years = Vec::new();
    for d in &x.dates {
        if d.timex.as_deref() == Some("PRESENT_REF") {
            continue;
        }
        if let Some(day) = d.value.get(..10)
            && NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok()
        {
            days.push(day.to_string());
        } else if d.value.len() == 7
            && NaiveDate::parse_from_str(&format!("{}-01", d.value), "%Y-%m-%d").is_ok()
        {
            months.push(d.value.clone());
        }
        if let Some(y) = d.value.get(..4).and_then(|y| y.parse::<i32>().ok())
            && (1800..=2200).contains(&y)
        {
            years.push(y);
        }
    }
    days.sort();
    days.dedup();
    months.sort();
    months.dedup();
    years.sort_unstable();
    years.dedup();

    let surname = |n: &str| n.split_whitespace().last().map(text::normalise_word);
    let lead = x
        .entities
        .iter()
        .filter(|e| e.label == Label::Person && e.mentions.len() >= 2)
        .max_by(|a, b| {
            a.mentions
                .len()
                .cmp(&b.mentions.len())
                .then_with(|| b.name.cmp(&a.name))
        })
        .and_then(|e| surname(&e.name));
    let mut people: Vec<String> = x
        .entities
        .iter()
        .filter(|e| e.label == Label::Person)
        .filter_map(|e| surname(&e.name))
        .collect();
    people.sort();
    people.dedup();

    Features {
        lead,
        people,
        signature,
        terms,
        names,
        quotes,
        days,
        months,
        years,
    }
}

/// The headline part of a page title: the first segment before ` | `, ` - `, ` – ` or
/// ` — ` when it has three words or more (the rest is usually the outlet's name).
pub(crate) fn headline(title: &str) -> &str {
    let cut = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min();
    match cut {
        Some(i) if title[..i].split_whitespace().count() >= 3 => &title[..i],
        _ => title,
    }
}

/// The comparison key of an entity name: its normalised words joined by spaces.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(text::normalise_word)
        .filter(|w| !w.is_empty() && w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `n` heaviest entries scaled to unit length, sorted by key.
fn top_unit(mut v: Vec<(String, f64)>, n: usize) -> Vec<(String, f32)> {
    v.retain(|(_, w)| *w > 0.0 && w.is_finite());
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let mut out: Vec<(String, f32)> = v
        .into_iter()
        .map(|(k, w)| (k, if norm > 0.0 { (w / norm) as f32 } else { 0.0 }))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    // the collect above reuses `v`'s allocation, sized for every candidate
    out.shrink_to_fit();
    out
}

/// The dot product of two weighted vectors sorted by key (words, or their ranks), summed
/// in key order.
pub(crate) fn dot<K: Ord>(a: &[(K, f32)], b: &[(K, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_drop_the_outlet() {
        for (title, expected) in [
            (
                "Birmingham PD: Juvenile accidentally shot in Ensley - WBRC FOX6 - Birmingham, AL",
                "Birmingham PD: Juvenile accidentally shot in Ensley",
            ),
            ("Man shot | Local News", "Man shot | Local News"),
            (
                "Police shoot suspect in Elgin | Chicago Tribune",
                "Police shoot suspect in Elgin",
            ),
            ("No separator here", "No separator here"),
        ] {
            assert_eq!(headline(title), expected, "{title}");
        }
    }

    #[test]
    fn name_keys() {
        for (name, key) in [
            ("Recep Tayyip Erdogan", "recep tayyip erdogan"),
            ("the Kremlin", "kremlin"),
            ("Turkey's", "turkey"),
        ] {
            assert_eq!(name_key(name), key, "{name}");
        }
    }

    #[test]
    fn unit_vectors_and_dot_products() {
        let a = top_unit(vec![("x".into(), 3.0), ("y".into(), 4.0)], 10);
        assert_eq!(a, vec![("x".to_string(), 0.6), ("y".to_string(), 0.8)]);
        assert!((dot(&a, &a) - 1.0).abs() < 1e-6);
        let b = top_unit(vec![("y".into(), 1.0), ("z".into(), 1.0)], 1);
        assert_eq!(b, vec![("y".to_string(), 1.0)]);
        assert!((dot(&a, &b) - 0.8).abs() < 1e-6);
    }
}

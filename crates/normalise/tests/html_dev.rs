//! Main-text extraction quality on the html-dev evaluation pages (token-bag precision,
//! recall and F1 against `articleBody`); skipped when `../shared/data` is absent.

use newsdesk_model::{ContentKind, RawDocument};
use newsdesk_normalise::{Config, normalise};
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Lowercase word tokens.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for t in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *bag.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Token-bag precision and recall of `predicted` against `gold`.
fn precision_recall(predicted: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (tokens(predicted), tokens(gold));
    let common: usize = p
        .iter()
        .map(|(t, n)| (*n).min(g.get(t).copied().unwrap_or(0)))
        .sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    let precision = if np == 0 {
        0.0
    } else {
        common as f64 / np as f64
    };
    let recall = if ng == 0 {
        1.0
    } else {
        common as f64 / ng as f64
    };
    (precision, recall)
}

#[test]
fn html_dev_token_f1() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html-dev");
    let Ok(gold) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
        eprintln!("skipping html-dev evaluation: {} not found", dir.display());
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let gold = gold.as_object().unwrap();
    let config = Config::default();
    let (mut sum_p, mut sum_r, mut pages) = (0.0, 0.0, 0usize);
    let mut elapsed = Duration::ZERO;
    let mut worst = Vec::new();
    for (key, entry) in gold {
        let body = entry["articleBody"].as_str().unwrap_or_default();
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let raw = RawDocument {
            source: key.clone(),
            kind: ContentKind::Html,
            bytes,
            ..RawDocument::default()
        };
        let start = Instant::now();
        let text = match normalise(raw, &config) {
            Ok(a) => a.text,
            Err(e) => {
                eprintln!("  error: {e}");
                String::new()
            }
        };
        elapsed += start.elapsed();
        let (p, r) = precision_recall(&text, body);
        sum_p += p;
        sum_r += r;
        pages += 1;
        worst.push((2.0 * p * r / (p + r).max(1e-9), p, r, key.clone()));
    }
    let (p, r) = (sum_p / pages as f64, sum_r / pages as f64);
    let f1 = 2.0 * p * r / (p + r);
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f, p, r, key) in worst.iter().take(12) {
        eprintln!("  {f:.3} (P {p:.3} R {r:.3}) {key}");
    }
    eprintln!(
        "html-dev: {pages} pages, precision {p:.3}, recall {r:.3}, F1 {f1:.3}, {:.2} ms/page (this build profile)",
        elapsed.as_secs_f64() * 1000.0 / pages as f64
    );
    assert!(f1 >= 0.97, "F1 {f1:.3} regressed below 0.97");
}

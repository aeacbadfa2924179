//! Direct-quote evaluation on the PolNeAR dev split (`../shared/data/polnear-dev/dev`).
//!
//! A gold direct quote is an attribution whose Content fragment sits inside
//! quotation marks (it starts with a mark or right after one). Recall: gold
//! direct quotes overlapped by an extracted quote. Precision: extracted quotes
//! that carry a cue or a speaker and overlap some gold Content (direct or
//! reported speech). Speaker accuracy: over found gold quotes whose Source is a
//! name, the extracted speaker's last word is a word of the Source.
//! Prints the figures; asserts only a floor.
#![allow(dead_code, unreachable_pub)]

#[path = "../src/quotes.rs"]
mod quotes;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear-dev/dev");
    dir.is_dir().then_some(dir)
}

struct Gold {
    /// Content fragments as byte ranges.
    content: Vec<(usize, usize)>,
    source: Option<String>,
    direct: bool,
}

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

fn parse(ann: &str, text: &str) -> Vec<Gold> {
    let map = char_to_byte(text);
    // id -> (label, fragments, covered text)
    type Spans = HashMap<String, (String, Vec<(usize, usize)>, String)>;
    let mut spans: Spans = HashMap::new();
    let mut rels = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        let Some(id) = parts.first() else { continue };
        if id.starts_with('T') && parts.len() >= 2 {
            let Some((label, offs)) = parts[1].split_once(' ') else {
                continue;
            };
            let frags: Vec<(usize, usize)> = offs
                .split(';')
                .filter_map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    let a = *map.get(a.parse::<usize>().ok()?)?;
                    let b = *map.get(b.parse::<usize>().ok()?)?;
                    Some((a, b))
                })
                .collect();
            let t = parts.get(2).copied().unwrap_or("").to_string();
            spans.insert(id.to_string(), (label.to_string(), frags, t));
        } else if id.starts_with('E') && parts.len() >= 2 {
            rels.push(parts[1].to_string());
        }
    }
    let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '«' | '\'');
    let mut out = Vec::new();
    for r in rels {
        let mut content = None;
        let mut source = None;
        for arg in r.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            if role.starts_with("Content") {
                content = spans.get(id).map(|s| s.1.clone());
            } else if role.starts_with("Source") {
                source = spans.get(id).map(|s| s.2.clone());
            }
        }
        let Some(content) = content else { continue };
        let direct = content.first().is_some_and(|&(a, _)| {
            let inner = text.get(a..).unwrap_or("").trim_start();
            let before = text.get(..a).unwrap_or("").trim_end();
            inner.starts_with(is_mark) || before.ends_with(is_mark)
        });
        out.push(Gold {
            content,
            source,
            direct,
        });
    }
    out
}

/// Same rule as `cargo xtask eval quotes`: a capitalised word other than a
/// sentence-initial determiner, pronoun, or word the text also writes in lower case.
fn is_name(source: &str, lower_words: &HashSet<String>) -> bool {
    const NOT: &[&str] = &[
        "The", "A", "An", "He", "She", "They", "It", "We", "I", "His", "Her", "Their", "This",
        "That", "Some", "Many", "Most",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "one", "another", "some", "two", "three", "several", "his", "her",
        "their", "its",
    ];
    let words: Vec<&str> = source
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // `the Florida senator`, `a top GOP strategist`: a description, not a name
    let described = words
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    !described
        && words.iter().enumerate().any(|(i, w)| {
            w.starts_with(char::is_uppercase)
                && (i > 0 || !(NOT.contains(w) || lower_words.contains(&w.to_lowercase())))
        })
}

fn lower_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

#[test]
fn polnear_dev_direct_quotes() {
    let Some(dir) = data_dir() else {
        println!("skipping: ../shared/data/polnear-dev/dev is absent");
        return;
    };
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    let Ok(rd) = std::fs::read_dir(dir.join("attributions")) else {
        println!("skipping: no attributions folder");
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".ann") else {
            continue;
        };
        let base = match stem.rsplit_once('_') {
            Some((b, ann)) if ann.len() == 4 => b.to_string(),
            _ => stem.to_string(),
        };
        // one annotator per article: the first in name order
        match anns.get(&base) {
            Some(p) if p.file_name() <= Some(e.file_name().as_os_str()) => {}
            _ => {
                anns.insert(base, e.path());
            }
        }
    }
    let (mut gold_direct, mut found, mut named, mut named_ok) = (0usize, 0usize, 0usize, 0usize);
    let (mut claimed, mut claimed_ok, mut total_pred) = (0usize, 0usize, 0usize);
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    for (base, ann_path) in &anns {
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{base}.txt"))) else {
            continue;
        };
        let Ok(ann) = std::fs::read_to_string(ann_path) else {
            continue;
        };
        let gold = parse(&ann, &text);
        let lower = lower_words(&text);
        let pred = quotes::find(&text, &[]);
        total_pred += pred.len();
        let overlaps = |q: &newsdesk_model::Quote, c: &[(usize, usize)]| {
            c.iter().any(|&(a, b)| q.start < b && a < q.end)
        };
        for g in gold.iter().filter(|g| g.direct) {
            gold_direct += 1;
            let hit = pred.iter().find(|q| overlaps(q, &g.content));
            if let Some(q) = hit {
                found += 1;
                if let Some(src) = g.source.as_deref().filter(|s| is_name(s, &lower)) {
                    named += 1;
                    let src_words: Vec<String> = src
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .map(str::to_lowercase)
                        .collect();
                    let ok = q
                        .speaker
                        .as_deref()
                        .and_then(|s| {
                            s.split(|c: char| !c.is_alphanumeric() && c != '-')
                                .rfind(|w| !w.is_empty())
                        })
                        .is_some_and(|w| src_words.contains(&w.to_lowercase()));
                    if ok {
                        named_ok += 1
                    } else if verbose {
                        println!(
                            "SPEAKER {base}: {:?} gold {src:?} q {:?}",
                            q.speaker,
                            q.text.chars().take(60).collect::<String>()
                        )
                    }
                }
            } else if verbose {
                let (a, b) = g.content[0];
                println!("MISS {base}: {:?}", text.get(a..b.min(a + 80)));
            }
        }
        for q in pred
            .iter()
            .filter(|q| q.speaker.is_some() || q.cue.is_some())
        {
            claimed += 1;
            if gold.iter().any(|g| overlaps(q, &g.content)) {
                claimed_ok += 1
            } else if verbose {
                println!(
                    "FP {base}: {:?} {:?} {:?}",
                    q.speaker,
                    q.cue,
                    q.text.chars().take(70).collect::<String>()
                )
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let recall = ratio(found, gold_direct);
    let precision = ratio(claimed_ok, claimed);
    let speaker = ratio(named_ok, named);
    println!(
        "polnear-dev quotes: {} articles, gold direct {gold_direct}, found {found}: recall {recall:.3}; \
         attributed predictions {claimed}/{total_pred}, correct {claimed_ok}: precision {precision:.3}; \
         speaker accuracy {speaker:.3} ({named_ok}/{named})",
        anns.len()
    );
    assert!(
        gold_direct > 100,
        "too few gold quotes parsed: {gold_direct}"
    );
    assert!(
        recall > 0.6 && precision > 0.6 && speaker > 0.5,
        "below floor"
    );
}

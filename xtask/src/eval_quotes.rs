//! `cargo xtask eval quotes [--dir DIR]`: direct quotes and their speakers on
//! the PolNeAR attribution corpus (default `../shared/data/polnear-dev/dev`).
//!
//! A gold direct quote is an attribution whose Content fragment sits inside
//! quotation marks (it starts with a mark or right after one). The real
//! pipeline runs on each text: `newsdesk_extract::entities`, then
//! `newsdesk_extract::facts`, so speakers are canonical entity names.
//!
//! - recall: gold direct quotes overlapped by an extracted quote;
//! - precision: extracted quotes that carry a speaker or a cue and overlap some
//!   gold Content (direct or reported speech; a quote nobody is said to have
//!   said is not a claim);
//! - speaker accuracy: over found gold quotes whose Source is a name (has a
//!   capitalised word that is not a sentence-initial determiner or pronoun),
//!   the extracted speaker's last word is a word of the Source.
//!
//! One annotator per article (the first file in name order). `FACTS_VERBOSE=1`
//! prints every miss, wrong speaker and unsupported claim. Fails when a figure
//! is below its target (recall 0.92, precision 0.90, speaker 0.90).

use crate::eval::ratio;
use anyhow::{Context, bail};
use newsdesk_model::{Article, Quote};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

const RECALL_TARGET: f64 = 0.92;
const PRECISION_TARGET: f64 = 0.90;
const SPEAKER_TARGET: f64 = 0.90;

/// One gold attribution.
pub(crate) struct Gold {
    /// Content fragments as byte ranges.
    pub(crate) content: Vec<(usize, usize)>,
    /// The Source text, if annotated.
    pub(crate) source: Option<String>,
    /// Whether the Content is inside quotation marks.
    pub(crate) direct: bool,
}

/// Figures over a set of articles.
#[derive(Default)]
struct Score {
    articles: usize,
    gold_direct: usize,
    found: usize,
    named: usize,
    named_ok: usize,
    claimed: usize,
    claimed_ok: usize,
    predicted: usize,
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = crate::eval::dir_arg(args, "data/polnear-dev/dev", "quotes")?;
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    let s = score(&dir, verbose)?;
    let recall = ratio(s.found, s.gold_direct);
    let precision = ratio(s.claimed_ok, s.claimed);
    let speaker = ratio(s.named_ok, s.named);
    println!("quotes on {} ({} articles)", dir.display(), s.articles);
    println!(
        "  recall            {recall:.3}  ({}/{} gold direct quotes found)  target {RECALL_TARGET}",
        s.found, s.gold_direct
    );
    println!(
        "  precision         {precision:.3}  ({}/{} attributed quotes overlap a gold content; {} quotes in all)  target {PRECISION_TARGET}",
        s.claimed_ok, s.claimed, s.predicted
    );
    println!(
        "  speaker accuracy  {speaker:.3}  ({}/{} found quotes with a named source)  target {SPEAKER_TARGET}",
        s.named_ok, s.named
    );
    if s.gold_direct == 0 {
        bail!("no gold direct quotes under {}", dir.display());
    }
    if recall < RECALL_TARGET || precision < PRECISION_TARGET || speaker < SPEAKER_TARGET {
        bail!("quotes below target");
    }
    Ok(())
}

/// The annotation file of each article (the first annotator in name order).
pub(crate) fn annotations(dir: &Path) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    let att = dir.join("attributions");
    let rd = std::fs::read_dir(&att).with_context(|| format!("reading {}", att.display()))?;
    let mut names: Vec<(String, PathBuf)> = rd
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .collect();
    names.sort();
    for (name, path) in names {
        let Some(stem) = name.strip_suffix(".ann") else {
            continue;
        };
        let base = match stem.rsplit_once('_') {
            Some((b, ann)) if ann.len() == 4 => b.to_string(),
            _ => stem.to_string(),
        };
        anns.entry(base).or_insert(path);
    }
    Ok(anns)
}

fn score(dir: &Path, verbose: bool) -> anyhow::Result<Score> {
    let anns = annotations(dir)?;
    let mut s = Score::default();
    for (base, ann_path) in &anns {
        let text_path = dir.join("text").join(format!("{base}.txt"));
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            eprintln!("warning: {} is missing", text_path.display());
            continue;
        };
        let ann = std::fs::read_to_string(ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        s.articles += 1;
        let gold = parse(&ann, &text);
        let lower = lower_words(&text);
        let entities = newsdesk_extract::entities(&text);
        let article = Article {
            text: text.clone(),
            ..Article::default()
        };
        let pred = newsdesk_extract::facts(&article, &entities).quotes;
        s.predicted += pred.len();
        for g in gold.iter().filter(|g| g.direct) {
            s.gold_direct += 1;
            let Some(q) = pred.iter().find(|q| overlaps(q, &g.content)) else {
                if verbose && let Some(&(a, b)) = g.content.first() {
                    println!("MISS {base}: {:?}", clip(&text, a, b, 80));
                }
                continue;
            };
            s.found += 1;
            if let Some(src) = g.source.as_deref().filter(|src| is_name(src, &lower)) {
                s.named += 1;
                if speaker_matches(q.speaker.as_deref(), src) {
                    s.named_ok += 1;
                } else if verbose {
                    println!(
                        "SPEAKER {base}: got {:?} gold {src:?} q {:?}",
                        q.speaker,
                        q.text.chars().take(60).collect::<String>()
                    );
                }
            }
        }
        for q in pred
            .iter()
            .filter(|q| q.speaker.is_some() || q.cue.is_some())
        {
            s.claimed += 1;
            if gold.iter().any(|g| overlaps(q, &g.content)) {
                s.claimed_ok += 1;
            } else if verbose {
                println!(
                    "FP {base}: {:?} {:?} {:?}",
                    q.speaker,
                    q.cue,
                    q.text.chars().take(70).collect::<String>()
                );
            }
        }
    }
    Ok(s)
}

fn clip(text: &str, a: usize, b: usize, max: usize) -> String {
    text.get(a..b)
        .unwrap_or_default()
        .chars()
        .take(max)
        .collect()
}

fn overlaps(q: &Quote, content: &[(usize, usize)]) -> bool {
    content.iter().any(|&(a, b)| q.start < b && a < q.end)
}

/// The extracted speaker's last word is a word of the gold Source.
pub(crate) fn speaker_matches(speaker: Option<&str>, source: &str) -> bool {
    let words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .collect();
    speaker
        .and_then(|s| {
            s.split(|c: char| !c.is_alphanumeric() && c != '-')
                .rfind(|w| !w.is_empty())
        })
        .is_some_and(|w| words.contains(&w.to_lowercase()))
}

/// A Source is a name when it has a capitalised word other than a
/// sentence-initial determiner or pronoun; a capitalised first word that the
/// article also writes in lower case (`Protesters`, `Officials`) is only
/// capitalised because it starts the sentence, and a determiner phrase with
/// a lower-case head (`the Florida senator`) is a description.
pub(crate) fn is_name(source: &str, lower_words: &HashSet<String>) -> bool {
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

/// The words the text writes in lower case.
pub(crate) fn lower_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// Byte offset of every char offset (brat counts characters), plus the end.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// A brat text-bound annotation: byte fragments and the covered text.
type Span<'a> = (Vec<(usize, usize)>, &'a str);

/// The attributions of one brat file.
pub(crate) fn parse(ann: &str, text: &str) -> Vec<Gold> {
    let map = char_to_byte(text);
    // id -> (fragments, covered text)
    let mut spans: HashMap<&str, Span<'_>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_label, offs)) = body.split_once(' ') else {
                continue;
            };
            let frags = offs
                .split(';')
                .filter_map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    let a = *map.get(a.parse::<usize>().ok()?)?;
                    let b = *map.get(b.parse::<usize>().ok()?)?;
                    Some((a, b))
                })
                .collect();
            spans.insert(id, (frags, parts.next().unwrap_or_default()));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '«' | '\'');
    let mut out = Vec::new();
    for event in events {
        let mut content = None;
        let mut source = None;
        for arg in event.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            if role.starts_with("Content") {
                content = spans.get(id).map(|s| s.0.clone());
            } else if role.starts_with("Source") {
                source = spans.get(id).map(|s| s.1.to_string());
            }
        }
        let Some(content) = content else { continue };
        let direct = content.first().is_some_and(|&(a, _)| {
            let inner = text.get(a..).unwrap_or_default().trim_start();
            let before = text.get(..a).unwrap_or_default().trim_end();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polnear_dev_scores_above_a_floor() {
        let Some(dir) = crate::shared().map(|s| s.join("data/polnear-dev/dev")) else {
            eprintln!("skipped: ../shared/data/polnear-dev/dev is absent");
            return;
        };
        let sc = score(&dir, false).expect("scoring runs");
        assert!(
            sc.gold_direct > 100,
            "too few gold quotes: {}",
            sc.gold_direct
        );
        let recall = ratio(sc.found, sc.gold_direct);
        let precision = ratio(sc.claimed_ok, sc.claimed);
        let speaker = ratio(sc.named_ok, sc.named);
        println!("PolNeAR dev: recall {recall:.3} precision {precision:.3} speaker {speaker:.3}");
        assert!(
            recall > 0.85 && precision > 0.85 && speaker > 0.8,
            "below floor: recall {recall:.3} precision {precision:.3} speaker {speaker:.3}"
        );
    }

    #[test]
    fn names_and_speakers() {
        let lower = lower_words("protesters marched; the campaign");
        for (source, name) in [
            ("Clinton", true),
            ("He", false),
            ("the campaign", false),
            ("The Trump campaign", false),
            ("Protesters", false),
            ("Small groups of Protesters", true),
            ("the Florida senator", false),
            ("the IMF", true),
            ("Dan Backer, the conservative attorney", true),
        ] {
            assert_eq!(is_name(source, &lower), name, "{source}");
        }
        for (speaker, source, ok) in [
            (Some("Hillary Clinton"), "Mrs. Clinton", true),
            (Some("Donald Trump"), "Clinton", false),
            (None, "Clinton", false),
            (Some("Jean-Marc Ayrault"), "Ayrault", true),
        ] {
            assert_eq!(speaker_matches(speaker, source), ok, "{speaker:?} {source}");
        }
    }

    #[test]
    fn parses_brat_with_char_offsets() {
        let text = "é \"Yes,\" Bob said.";
        // chars: é=0, ' '=1, '"'=2, Y=3..
        let ann = "T1\tContent 3 7\tYes,\nT2\tSource 9 12\tBob\nT3\tCue 13 17\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2\n";
        let g = parse(ann, text);
        assert_eq!(g.len(), 1);
        assert!(g[0].direct);
        assert_eq!(g[0].source.as_deref(), Some("Bob"));
        assert_eq!(text.get(g[0].content[0].0..g[0].content[0].1), Some("Yes,"));
    }
}

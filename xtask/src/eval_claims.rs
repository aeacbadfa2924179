//! `cargo xtask eval claims [--dir DIR]`: claims (reported speech) and their
//! speakers on the PolNeAR attribution corpus (default
//! `../shared/data/polnear-dev/dev`).
//!
//! A gold claim is an attribution whose Content holds no quotation mark (an
//! apostrophe inside or at the end of a word, `it's`, `Turks'`, is not one).
//! The real pipeline runs on each text: `newsdesk_extract::entities`, then
//! `newsdesk_extract::facts`, so speakers are canonical entity names. A
//! predicted claim matches a gold one when their spans overlap by at least
//! half of the shorter.
//!
//! - precision: predicted claims that match a gold claim; recall: gold claims
//!   matched by a prediction; F1 of the two;
//! - lenient precision: predicted claims that match any gold Content (a
//!   direct quote's too);
//! - speaker accuracy: over matched gold claims whose Source is a name (the
//!   quote scorer's test, less the descriptions it lets through, see
//!   [`described`]), the speaker of the best-matching prediction (the highest
//!   overlap over union) ends with a word of the Source; the figure with those
//!   descriptions counted is printed beside it.
//!
//! One annotator per article, as for quotes. `FACTS_VERBOSE=1` prints every
//! miss, wrong speaker, false claim and correct one. Fails when F1 is below 0.70 or
//! speaker accuracy below 0.85.

use crate::eval::ratio;
use crate::eval_quotes::{Gold, annotations, is_name, lower_words, parse, speaker_matches};
use anyhow::{Context, bail};
use newsdesk_model::{Article, Claim};
use std::collections::BTreeMap;
use std::path::Path;

const F1_TARGET: f64 = 0.70;
const SPEAKER_TARGET: f64 = 0.85;

/// Figures over a set of articles.
#[derive(Default)]
struct Score {
    articles: usize,
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
    lenient: usize,
    named: usize,
    named_ok: usize,
    /// The same over the sources the quote scorer's name test alone takes
    /// for names (descriptions such as `Police officials` included).
    quote_named: usize,
    quote_named_ok: usize,
    /// Wrong predictions that match a partly quoted content (a claim with a
    /// partial quote in it, as the issue asks for).
    partial: usize,
    /// Predictions and correct ones per cue.
    cues: BTreeMap<String, (usize, usize)>,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = crate::eval::dir_arg(args, "data/polnear-dev/dev", "claims")?;
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    let s = score(&dir, verbose)?;
    let (p, r, f1) = (s.precision(), s.recall(), s.f1());
    let speaker = ratio(s.named_ok, s.named);
    println!("claims on {} ({} articles)", dir.display(), s.articles);
    println!(
        "  strict            P {p:.3}  R {r:.3}  F1 {f1:.3}  ({}/{} predictions match a gold claim, {}/{} gold claims found)  target F1 {F1_TARGET}",
        s.correct, s.predicted, s.found, s.gold
    );
    println!(
        "  lenient precision {:.3}  ({}/{} predictions match any gold content)",
        ratio(s.lenient, s.predicted),
        s.lenient,
        s.predicted
    );
    println!(
        "  speaker accuracy  {speaker:.3}  ({}/{} found gold claims with a named source)  target {SPEAKER_TARGET}",
        s.named_ok, s.named
    );
    println!(
        "    with descriptions such as `Police officials` counted as names {:.3}  ({}/{})",
        ratio(s.quote_named_ok, s.quote_named),
        s.quote_named_ok,
        s.quote_named
    );
    // not the target: the claims the issue asks for whose content carries a
    // partial quote fall outside the gold claims, so strict precision counts
    // them wrong; this figure leaves them out
    let p_np = ratio(s.correct, s.predicted.saturating_sub(s.partial));
    let f1_np = if p_np + r == 0.0 {
        0.0
    } else {
        2.0 * p_np * r / (p_np + r)
    };
    println!(
        "  partial quotes    {} predictions match only a partly quoted content; without them P {p_np:.3}  F1 {f1_np:.3} (not the target)",
        s.partial
    );
    if verbose {
        for (cue, (n, ok)) in &s.cues {
            println!("  cue {cue:<16} {ok:>4}/{n:<4} {:.2}", ratio(*ok, *n));
        }
    }
    if s.gold == 0 {
        bail!("no gold claims under {}", dir.display());
    }
    if f1 < F1_TARGET || speaker < SPEAKER_TARGET {
        bail!("claims below target");
    }
    Ok(())
}

/// Whether `s` holds a quotation mark; an apostrophe between letters
/// (`it's`) or after a plural `s` (`Turks'`) is not one.
fn has_quotation_mark(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        '"' | '“' | '”' | '‘' | '«' | '»' | '„' => true,
        '\'' | '’' => {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            let inside = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            let plural =
                matches!(before, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric);
            !(inside || plural)
        }
        _ => false,
    })
}

/// Whether the Source `src`, which the quote scorer's name test takes for a
/// name, is a description: a phrase of two or more words whose head is in
/// lower case and whose only capital is its first letter (`Police
/// officials`, `Foreign policy analysts`, `Civil rights activists`). That test
/// counts a sentence-initial word as a name when the article never writes it
/// in lower case; a possessive owner (`Pagliano's lawyer`) still names one.
fn described(src: &str) -> bool {
    let words: Vec<&str> = src.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let possessive = first.ends_with("'s") || first.ends_with("’s");
    words.len() >= 2
        && !possessive
        && last.starts_with(char::is_lowercase)
        && words
            .iter()
            .skip(1)
            .all(|w| !w.starts_with(char::is_uppercase))
}

/// Whether `s` holds a quotation and words outside it: not wholly quoted
/// (`"We will win,"`), not free of quotation marks.
fn partly_quoted(s: &str) -> bool {
    const MARKS: &[char] = &['"', '“', '”', '‘', '’', '\'', '«', '»', '„'];
    let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    let wholly = t.starts_with(MARKS) && t.ends_with(MARKS);
    has_quotation_mark(s) && !wholly
}

/// Bytes of `content` inside `a..b`.
fn overlap(content: &[(usize, usize)], a: usize, b: usize) -> usize {
    content
        .iter()
        .map(|&(x, y)| y.min(b).saturating_sub(x.max(a)))
        .sum()
}

/// Whether claim `c` and the gold content overlap by half of the shorter.
fn matches(c: &Claim, content: &[(usize, usize)]) -> bool {
    let gold_len: usize = content.iter().map(|&(x, y)| y.saturating_sub(x)).sum();
    let shorter = gold_len.min(c.end.saturating_sub(c.start));
    shorter > 0 && 2 * overlap(content, c.start, c.end) >= shorter
}

fn content_text(text: &str, g: &Gold) -> String {
    g.content
        .iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .collect::<Vec<_>>()
        .join(" ")
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
        let all = parse(&ann, &text);
        let gold: Vec<&Gold> = all
            .iter()
            .filter(|g| !has_quotation_mark(&content_text(&text, g)))
            .collect();
        let lower = lower_words(&text);
        let entities = newsdesk_extract::entities(&text);
        let article = Article {
            text: text.clone(),
            ..Article::default()
        };
        let pred = newsdesk_extract::facts(&article, &entities).claims;
        s.predicted += pred.len();
        for g in &gold {
            s.gold += 1;
            // the best match: the highest overlap over union of the two spans
            let gold_len: usize = g.content.iter().map(|&(x, y)| y.saturating_sub(x)).sum();
            let best = pred
                .iter()
                .filter(|c| matches(c, &g.content))
                .max_by_key(|c| {
                    let o = overlap(&g.content, c.start, c.end);
                    let union = (c.end.saturating_sub(c.start) + gold_len).saturating_sub(o);
                    // compare o / union exactly: scale to a common integer
                    (o as u128 * 1_000_000) / (union.max(1) as u128)
                });
            let Some(c) = best else {
                if verbose {
                    let a = g.content.first().map_or(0, |c| c.0);
                    let b = g.content.last().map_or(0, |c| c.1);
                    println!(
                        "MISS {base}: src {:?} before {:?} content {:?} after {:?}",
                        g.source,
                        around(&text, a.saturating_sub(60), a),
                        clip(&content_text(&text, g), 100),
                        around(&text, b, b + 40)
                    );
                }
                continue;
            };
            s.found += 1;
            if let Some(src) = g.source.as_deref().filter(|src| is_name(src, &lower)) {
                let ok = speaker_matches(c.speaker.as_deref(), src);
                s.quote_named += 1;
                s.quote_named_ok += usize::from(ok);
                if described(src) {
                    continue;
                }
                s.named += 1;
                if ok {
                    s.named_ok += 1;
                } else if verbose {
                    println!(
                        "SPEAKER {base}: got {:?} gold {src:?} cue {:?} before {:?} claim {:?}",
                        c.speaker,
                        c.cue,
                        around(&text, c.start.saturating_sub(80), c.start),
                        clip(&c.text, 60)
                    );
                }
            }
        }
        for c in &pred {
            let ok = gold.iter().any(|g| matches(c, &g.content));
            let entry = s.cues.entry(c.cue.clone().unwrap_or_default()).or_default();
            entry.0 += 1;
            if ok {
                s.correct += 1;
                entry.1 += 1;
                if verbose {
                    println!(
                        "OK {base}: {:?} {:?} {:?}",
                        c.speaker,
                        c.cue,
                        clip(&c.text, 90)
                    );
                }
            }
            if all.iter().any(|g| matches(c, &g.content)) {
                s.lenient += 1;
                let partial = !ok
                    && all
                        .iter()
                        .any(|g| matches(c, &g.content) && partly_quoted(&content_text(&text, g)));
                s.partial += usize::from(partial);
                if !ok && verbose {
                    println!(
                        "QUOTED{} {base}: {:?} {:?} {:?}",
                        if partial { "(partial)" } else { "(direct)" },
                        c.speaker,
                        c.cue,
                        clip(&c.text, 90)
                    );
                }
            } else if verbose {
                println!(
                    "FP {base}: {:?} {:?} {:?}",
                    c.speaker,
                    c.cue,
                    clip(&c.text, 90)
                );
            }
        }
    }
    Ok(s)
}

/// The text of `a..b`, both moved to char boundaries, newlines as spaces.
fn around(text: &str, mut a: usize, mut b: usize) -> String {
    b = b.min(text.len());
    while !text.is_char_boundary(a) {
        a += 1;
    }
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text.get(a..b).unwrap_or("").replace('\n', " ")
}

fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polnear_dev_claims_score_above_a_floor() {
        let Some(dir) = crate::shared().map(|s| s.join("data/polnear-dev/dev")) else {
            eprintln!("skipped: ../shared/data/polnear-dev/dev is absent");
            return;
        };
        let sc = score(&dir, false).expect("scoring runs");
        assert!(sc.gold > 1000, "too few gold claims: {}", sc.gold);
        let speaker = ratio(sc.named_ok, sc.named);
        println!(
            "PolNeAR dev claims: P {:.3} R {:.3} F1 {:.3} speaker {speaker:.3}",
            sc.precision(),
            sc.recall(),
            sc.f1()
        );
        assert!(
            sc.f1() > 0.6 && speaker > 0.8,
            "below floor: F1 {:.3} speaker {speaker:.3}",
            sc.f1()
        );
    }

    #[test]
    fn quotation_marks_and_apostrophes() {
        for (s, want) in [
            ("it's done", false),
            ("the Turks' land", false),
            ("a \"safe\" zone", true),
            ("a ‘safe’ zone", true),
            ("the plan", false),
            ("'yes'", true),
        ] {
            assert_eq!(has_quotation_mark(s), want, "{s}");
        }
    }

    #[test]
    fn descriptions_are_not_names() {
        for (s, want) in [
            ("Police officials", true),
            ("Foreign policy analysts", true),
            ("Pagliano's lawyer", false),
            ("Connecticut’s tax commissioner", false),
            ("Political observers in Virginia", false),
            ("Erdogan", false),
            ("Republicans", false),
            ("Mr. Clarke's new company", false),
        ] {
            assert_eq!(described(s), want, "{s}");
        }
    }

    #[test]
    fn partly_quoted_contents() {
        for (s, want) in [
            ("\"We will win,\"", false),
            ("the plan", false),
            ("the plan was \"a disaster\"", true),
            ("“It is over.”", false),
        ] {
            assert_eq!(partly_quoted(s), want, "{s}");
        }
    }

    #[test]
    fn half_of_the_shorter() {
        let claim = |start, end| Claim {
            text: String::new(),
            speaker: None,
            cue: None,
            start,
            end,
        };
        assert!(matches(&claim(0, 100), &[(10, 20)]));
        assert!(matches(&claim(15, 100), &[(10, 20)]));
        assert!(!matches(&claim(16, 100), &[(10, 20)]));
        assert!(matches(&claim(0, 10), &[(5, 200)]));
        assert!(!matches(&claim(0, 10), &[(20, 30)]));
    }
}

//! Date evaluation on TimeBank-AQUAINT (`../shared/data/timeml-dev/AQUAINT`).
//!
//! Every gold TIMEX3 of type DATE or TIME inside `<TEXT>` counts once; it is
//! correct when an extracted date overlaps it and their values agree after
//! the same notation-only normalisation as `cargo xtask eval dates` (seconds,
//! zones, week padding, trailing `X` fields; part-of-day codes such as `TMO`
//! must match). Prints value accuracy over
//! all gold DATE/TIME and over those with a calendar value (not `PRESENT_REF`,
//! `PAST_REF`, `FUTURE_REF`); asserts only a floor.
#![allow(dead_code, unreachable_pub)]

#[path = "../src/dates.rs"]
mod dates;

use chrono::NaiveDate;
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeml-dev/AQUAINT");
    dir.is_dir().then_some(dir)
}

struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = &tag[i + key.len()..];
            rest.find('"').map(|j| rest[..j].to_string())
        })
        .unwrap_or_default()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Plain text of `<TEXT>` with the TIMEX3 spans in it.
fn parse(doc: &str) -> Option<(NaiveDate, String, Vec<Timex>)> {
    let dct_tag_start = doc.find("<DCT>")?;
    let dct_value = attr(&doc[dct_tag_start..], "value");
    let dct = NaiveDate::parse_from_str(dct_value.get(..10)?, "%Y-%m-%d").ok()?;
    let body_start = doc.find("<TEXT>")? + "<TEXT>".len();
    let body_end = doc.find("</TEXT>")?;
    let body = doc.get(body_start..body_end)?;
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") {
            open = Some((text.len(), attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("</TIMEX3")
            && let Some((s, kind, value)) = open.take()
        {
            {
                timexes.push(Timex {
                    start: s,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&unescape(rest));
    Some((dct, text, timexes))
}

/// Removes differences of notation only: a zone designator (`Z`, `+01:00`),
/// seconds (`T06:00:00` is TimeML's `T06:00`), week-number padding (`W6` is
/// `W06`), and trailing unspecified fields (`1949-XX` and `1997-XX-XX` say no
/// more than `1949` and `1997`; `199X` is the decade `199`).
fn norm(v: &str) -> String {
    let mut v = v.trim().to_string();
    // zone designators after a clock time
    if let Some((d, t)) = v.split_once('T')
        && t.starts_with(|c: char| c.is_ascii_digit())
    {
        let t = t.trim_end_matches('Z');
        let t = t.split(['+', '-']).next().unwrap_or(t);
        let hm = t.get(..5).filter(|_| t.len() >= 5).unwrap_or(t);
        v = format!("{d}T{hm}");
    }
    while let Some(x) = v.strip_suffix("-XX") {
        v = x.to_string();
    }
    if v.len() == 4 && v.ends_with('X') {
        v = v.trim_end_matches('X').to_string();
    }
    if let Some((y, w)) = v.split_once("-W")
        && let Ok(n) = w.parse::<u32>()
    {
        v = format!("{y}-W{n:02}");
    }
    v
}

/// Whether extracted value `got`, for a mention at `got_span`, gives the
/// gold value of the expression at `gold_span`: equal after [`norm`]; or,
/// when the gold expression is only part of the mention and leaves out the
/// part-of-day word (gold `Friday` inside `Friday night`), equal at the day.
fn value_matches(
    got: &str,
    got_span: (usize, usize),
    gold: &str,
    gold_span: (usize, usize),
    gold_text: &str,
) -> bool {
    if norm(got) == norm(gold) {
        return true;
    }
    let inside = got_span.0 <= gold_span.0 && gold_span.1 <= got_span.1 && got_span != gold_span;
    let lower = gold_text.to_lowercase();
    let no_part = !["morning", "afternoon", "evening", "night", "tonight"]
        .iter()
        .any(|w| lower.contains(w));
    let day = ["TMO", "TAF", "TEV", "TNI"]
        .iter()
        .find_map(|p| got.strip_suffix(p));
    inside && no_part && day.is_some_and(|d| norm(d) == norm(gold))
}

#[test]
fn timeml_aquaint_values() {
    let Some(dir) = data_dir() else {
        println!("skipping: ../shared/data/timeml-dev/AQUAINT is absent");
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tml"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    let (
        mut total,
        mut correct,
        mut total_cal,
        mut correct_cal,
        mut found,
        mut predicted,
        mut pred_hit,
    ) = (0, 0, 0, 0, 0, 0, 0);
    for p in &paths {
        let Ok(doc) = std::fs::read_to_string(p) else {
            continue;
        };
        let Some((dct, text, gold)) = parse(&doc) else {
            continue;
        };
        let pred = dates::find(&text, Some(dct));
        predicted += pred.len();
        pred_hit += pred
            .iter()
            .filter(|d| gold.iter().any(|g| d.start < g.end && g.start < d.end))
            .count();
        for g in gold.iter().filter(|g| g.kind == "DATE" || g.kind == "TIME") {
            total += 1;
            let calendar = !g.value.ends_with("_REF");
            if calendar {
                total_cal += 1;
            }
            let hit: Vec<_> = pred
                .iter()
                .filter(|d| d.start < g.end && g.start < d.end)
                .collect();
            if !hit.is_empty() {
                found += 1;
            }
            if hit.iter().any(|d| {
                value_matches(
                    &d.value,
                    (d.start, d.end),
                    &g.value,
                    (g.start, g.end),
                    text.get(g.start..g.end).unwrap_or_default(),
                )
            }) {
                correct += 1;
                if calendar {
                    correct_cal += 1;
                }
            } else if verbose {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                println!(
                    "WRONG {name} dct {dct}: {:?} gold {} got {:?}",
                    &text[g.start..g.end],
                    g.value,
                    hit.iter().map(|d| (&d.text, &d.value)).collect::<Vec<_>>()
                );
            }
        }
    }
    let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "timeml AQUAINT dates: {} docs, gold DATE/TIME {total}: value accuracy {:.3} ({correct}); \
         calendar values only {:.3} ({correct_cal}/{total_cal}); span found {:.3}; predictions {predicted}, overlapping gold {:.3}",
        paths.len(),
        r(correct, total),
        r(correct_cal, total_cal),
        r(found, total),
        r(pred_hit, predicted),
    );
    assert!(total > 300, "too few gold expressions parsed: {total}");
    assert!(r(correct, total) > 0.5, "below floor");
}

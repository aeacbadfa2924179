//! `cargo xtask eval dates [--dir DIR]`: date and time values on TimeML
//! (default `../shared/data/timeml-dev/AQUAINT`).
//!
//! The text of each `<TEXT>` element (tags dropped, entities unescaped) runs
//! through `newsdesk_extract::facts` with the document creation time as the
//! publication date. Every gold TIMEX3 of type DATE or TIME counts once; it is
//! correct when an extracted date overlaps it and the two values are equal
//! after [`norm`], which removes only differences of notation (seconds, zone
//! designators, week-number padding, unspecified trailing fields written as
//! `X`), never differences of meaning: `2000-01-05TMO` is not `2000-01-05`, and
//! `PRESENT_REF` is only `PRESENT_REF`.
//!
//! `FACTS_VERBOSE=1` prints every wrong or missed expression. Fails when value
//! accuracy is below 0.90.

use anyhow::{Context, bail};
use newsdesk_model::Article;
use std::path::{Path, PathBuf};

const TARGET: f64 = 0.90;

/// One gold TIMEX3: byte span in the plain text, type and value.
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = crate::eval::dir_arg(args, "data/timeml-dev/AQUAINT", "dates")?;
    let verbose = std::env::var_os("FACTS_VERBOSE").is_some();
    let sc = score(&dir, verbose)?;
    let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let DateScore {
        docs,
        total,
        correct,
        found,
        total_cal,
        correct_cal,
        predicted,
        pred_hit,
        correct_day,
    } = sc;
    let accuracy = r(correct, total);
    println!("dates on {} ({docs} documents)", dir.display());
    println!(
        "  value accuracy     {accuracy:.3}  ({correct}/{total} gold DATE/TIME)  target {TARGET}"
    );
    println!(
        "  calendar values    {:.3}  ({correct_cal}/{total_cal}, without PRESENT_REF/PAST_REF/FUTURE_REF)",
        r(correct_cal, total_cal)
    );
    println!(
        "  part of day as day {:.3}  ({correct_day}/{total}, informational: `Friday night` = `2000-01-07TNI` = `2000-01-07`)",
        r(correct_day, total)
    );
    println!(
        "  span found         {:.3}  ({found}/{total} overlapped by an extracted date)",
        r(found, total)
    );
    println!(
        "  predictions        {predicted}, overlapping a gold TIMEX3 {:.3}",
        r(pred_hit, predicted)
    );
    if total == 0 {
        bail!("no gold DATE/TIME under {}", dir.display());
    }
    if accuracy < TARGET {
        bail!("date value accuracy below target");
    }
    Ok(())
}

/// Counts of one scoring run over a TimeML folder.
#[derive(Debug, Default, Clone, Copy)]
struct DateScore {
    /// Documents read.
    docs: usize,
    /// Gold DATE/TIME expressions.
    total: usize,
    /// Of which an overlapping extracted date has the gold value.
    correct: usize,
    /// Of which an extracted date overlaps.
    found: usize,
    /// Gold calendar values (not `_REF`).
    total_cal: usize,
    /// Of which correct.
    correct_cal: usize,
    /// Extracted dates.
    predicted: usize,
    /// Of which overlapping a gold TIMEX3.
    pred_hit: usize,
    /// Gold values matched when parts of the day are compared as the day.
    correct_day: usize,
}

/// Scores `newsdesk_extract::timeml_dates` against the `.tml` files of `dir`.
fn score(dir: &Path, verbose: bool) -> anyhow::Result<DateScore> {
    let rd = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    let mut paths: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    let (mut docs, mut total, mut correct, mut found) = (0usize, 0usize, 0usize, 0usize);
    let (mut total_cal, mut correct_cal, mut predicted, mut pred_hit) = (0, 0, 0, 0);
    // informational: part-of-day codes compared at the day
    let mut correct_day = 0usize;
    for p in &paths {
        let doc = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        let Some((dct, text, gold)) = parse(&doc) else {
            eprintln!("warning: {} has no DCT or TEXT", p.display());
            continue;
        };
        docs += 1;
        let mut article = Article {
            text,
            ..Article::default()
        };
        article.published = serde_json::from_value(serde_json::Value::String(dct.clone()))
            .with_context(|| format!("{}: DCT {dct:?}", p.display()))?;
        let pred = newsdesk_extract::timeml_dates(&article.text, article.published);
        let text = article.text.as_str();
        predicted += pred.len();
        pred_hit += pred
            .iter()
            .filter(|d| gold.iter().any(|g| d.start < g.end && g.start < d.end))
            .count();
        for g in gold.iter().filter(|g| g.kind == "DATE" || g.kind == "TIME") {
            total += 1;
            let calendar = !g.value.ends_with("_REF");
            total_cal += usize::from(calendar);
            let hit: Vec<_> = pred
                .iter()
                .filter(|d| d.start < g.end && g.start < d.end)
                .collect();
            found += usize::from(!hit.is_empty());
            let day = |v: &str| {
                let v = norm(v);
                match v
                    .strip_suffix("TMO")
                    .or(v.strip_suffix("TAF"))
                    .or(v.strip_suffix("TEV"))
                    .or(v.strip_suffix("TNI"))
                {
                    Some(d) => d.to_string(),
                    None => v,
                }
            };
            correct_day += usize::from(hit.iter().any(|d| day(&d.value) == day(&g.value)));
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
                correct_cal += usize::from(calendar);
            } else if verbose {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                println!(
                    "WRONG {name} dct {dct}: {:?} gold {} got {:?}",
                    text.get(g.start..g.end).unwrap_or_default(),
                    g.value,
                    hit.iter()
                        .map(|d| (d.text.as_str(), d.value.as_str()))
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    Ok(DateScore {
        docs,
        total,
        correct,
        found,
        total_cal,
        correct_cal,
        predicted,
        pred_hit,
        correct_day,
    })
}

/// The value of attribute `name` in a start tag.
fn attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = tag.get(i + key.len()..)?;
            rest.find('"').and_then(|j| rest.get(..j)).map(String::from)
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

/// The creation date (`YYYY-MM-DD`), the plain text of `<TEXT>`, and the
/// TIMEX3 spans in it.
fn parse(doc: &str) -> Option<(String, String, Vec<Timex>)> {
    let dct_at = doc.find("<DCT>")?;
    let dct = attr(doc.get(dct_at..)?, "value").get(..10)?.to_string();
    let body_start = doc.find("<TEXT>")? + "<TEXT>".len();
    let body_end = doc.find("</TEXT>")?;
    let body = doc.get(body_start..body_end)?;
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(rest.get(..lt)?));
        let gt = rest.get(lt..)?.find('>')? + lt;
        let tag = rest.get(lt..=gt)?;
        if tag.starts_with("<TIMEX3") {
            open = Some((text.len(), attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("</TIMEX3")
            && let Some((start, kind, value)) = open.take()
        {
            timexes.push(Timex {
                start,
                end: text.len(),
                kind,
                value,
            });
        }
        rest = rest.get(gt + 1..)?;
    }
    text.push_str(&unescape(rest));
    Some((dct, text, timexes))
}

/// Removes differences of notation only: a zone designator (`Z`, `+01:00`),
/// seconds (`T06:00:00` is TimeML's `T06:00`), week-number padding (`W6` is
/// `W06`), and trailing unspecified fields (`1949-XX` and `1997-XX-XX` say no
/// more than `1949` and `1997`; `199X` is the decade `199`).
pub(crate) fn norm(v: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aquaint_scores_above_a_floor() {
        let Some(dir) = crate::shared().map(|s| s.join("data/timeml-dev/AQUAINT")) else {
            eprintln!("skipped: ../shared/data/timeml-dev/AQUAINT is absent");
            return;
        };
        let sc = score(&dir, false).expect("scoring runs");
        assert!(
            sc.total > 300,
            "too few gold expressions parsed: {}",
            sc.total
        );
        let accuracy = sc.correct as f64 / sc.total as f64;
        println!("AQUAINT value accuracy {accuracy:.3}");
        assert!(accuracy > 0.8, "below floor: {accuracy:.3}");
    }

    #[test]
    fn norm_keeps_meaning() {
        for (a, b, same) in [
            ("2020-03-05T22:00:00Z", "2020-03-05T22:00", true),
            ("2020-03-05T22:00:00+01:00", "2020-03-05T22:00", true),
            ("1949", "1949-XX", true),
            ("1997", "1997-XX-XX", true),
            ("199X", "199X", true),
            ("2000-W7", "2000-W07", true),
            ("2000-01-05", "2000-01-05TMO", false),
            ("PRESENT_REF", "2000-01-05", false),
            ("1998-FA", "1998", false),
            ("1998-10", "1998-10-XX", true),
        ] {
            assert_eq!(norm(a) == norm(b), same, "{a} vs {b}");
        }
    }

    #[test]
    fn extent_of_part_of_day() {
        let text = "Friday night";
        // gold `Friday` inside the mention `Friday night`: the day counts
        assert!(value_matches(
            "2000-01-07TNI",
            (0, 12),
            "2000-01-07",
            (0, 6),
            "Friday"
        ));
        // gold `Friday night` itself: the part of day must match
        assert!(!value_matches(
            "2000-01-07TNI",
            (0, 12),
            "2000-01-07",
            (0, 12),
            text
        ));
        assert!(value_matches(
            "2000-01-07TNI",
            (0, 12),
            "2000-01-07TNI",
            (0, 12),
            text
        ));
        assert!(!value_matches(
            "2000-01-07TNI",
            (0, 12),
            "2000-01-08",
            (0, 6),
            "Friday"
        ));
    }

    #[test]
    fn parses_timeml() {
        let doc = "<DOC><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-12\">Aug 12</TIMEX3></DCT>\
                   <TEXT>Rain &amp; wind <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-11\">Tuesday</TIMEX3>.</TEXT></DOC>";
        let (dct, text, t) = parse(doc).expect("parses");
        assert_eq!(dct, "1998-08-12");
        assert_eq!(text, "Rain & wind Tuesday.");
        assert_eq!(t.len(), 1);
        assert_eq!(text.get(t[0].start..t[0].end), Some("Tuesday"));
        assert_eq!(t[0].value, "1998-08-11");
    }
}

//! `cargo xtask eval stories --dir DIR [--set key=value ...]`: same-event clustering of
//! the stories stage against a gold clustering (`../shared/data/ecbplus-dev`,
//! `../shared/data/gva-dev`).
//!
//! `DIR/docs.jsonl` or `DIR/articles.jsonl` is processed in process by the real pipeline
//! (`crate::docs::jsonl`), every document profiled and grouped by `newsdesk_stories`, each
//! input line mapped to its document's story and joined with `DIR/gold.tsv` (url TAB
//! cluster) through the record's `url`. Prints BCubed and pairwise precision, recall and
//! F1 and the number of stories; with `DIR/incidents.jsonl` (GVA) also the casualty
//! corroboration: for incidents with several articles, how often the story's agreed
//! `killed` and `injured` facts equal the gold count where the gold is above zero, and how
//! often a story claims a death the gold does not have. `--set key=value` overrides a
//! `newsdesk_stories::Config` field. `--cli` scores what the binary stores instead: the
//! input ingested by the release `newsdesk` into a temporary index and read back with
//! `newsdesk stories --json --min-size 1` (documents mapped back by `source` `#L<line>`).

use anyhow::{Context, bail};
use newsdesk_model::{Document, FactValue, Story};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask eval stories --dir DIR [--set key=value ...] [--cli]";

/// Clustering scores and the casualty corroboration.
#[derive(Debug, Clone, Default)]
pub(crate) struct Score {
    pub(crate) documents: usize,
    pub(crate) stories: usize,
    pub(crate) multi: usize,
    pub(crate) bcubed: [f64; 3],
    pub(crate) pairwise: [f64; 3],
    /// Agreed counts equal to the gold, of the gold counts above zero (incidents with
    /// several articles).
    pub(crate) casualties: Option<(usize, usize)>,
    /// The same, where any agreed fact of the kind equal to the gold counts (an upper
    /// bound: how often the outlets agree on the gold figure somewhere in the story).
    pub(crate) casualties_any: usize,
    /// Stories claiming a death, of the incidents whose gold has none.
    pub(crate) false_deaths: Option<(usize, usize)>,
    /// Seconds spent: ingest (normalise + extract), profile, group, story.
    pub(crate) seconds: [f64; 4],
    /// Whether grouping half and then updating with the other half equals grouping all.
    pub(crate) incremental: bool,
    /// Seconds for that check (group of the first half plus update).
    pub(crate) update_seconds: f64,
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut dir: Option<PathBuf> = None;
    let mut config = newsdesk_stories::Config::default();
    let mut cli = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--cli" => cli = true,
            "--dir" => dir = Some(PathBuf::from(it.next().context("--dir needs a folder")?)),
            "--set" => {
                let kv = it.next().context("--set needs key=value")?;
                let (k, v) = kv.split_once('=').context("--set needs key=value")?;
                config.set(k, v).map_err(anyhow::Error::msg)?;
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    let dir = dir.context(USAGE)?;
    let s = if cli {
        crate::pipeline::build_release()?;
        let bin = crate::root().join("target/release/newsdesk");
        score_with(&dir, &config, Some(&bin))?
    } else {
        score(&dir, &config)?
    };
    print(&dir, &s);
    Ok(())
}

fn print(dir: &Path, s: &Score) {
    println!("stories: {}", dir.display());
    println!(
        "  {} documents, {} stories ({} with several documents)",
        s.documents, s.stories, s.multi
    );
    let [p, r, f] = s.bcubed;
    println!("  BCubed    P {p:.3}  R {r:.3}  F1 {f:.3}");
    let [p, r, f] = s.pairwise;
    println!("  pairwise  P {p:.3}  R {r:.3}  F1 {f:.3}");
    if let Some((ok, n)) = s.casualties {
        println!(
            "  casualties: agreed killed/injured equal to the gold {ok}/{n} ({:.3})",
            ratio(ok, n)
        );
    }
    if let Some((_, n)) = s.casualties {
        println!(
            "  casualties: some agreed killed/injured fact equal to the gold {}/{n} ({:.3})",
            s.casualties_any,
            ratio(s.casualties_any, n)
        );
    }
    if let Some((bad, n)) = s.false_deaths {
        println!(
            "  casualties: a death claimed where the gold has none {bad}/{n} ({:.3})",
            ratio(bad, n)
        );
    }
    println!(
        "  incremental (half grouped, then half added) equals one-shot: {} ({:.2}s)",
        if s.incremental { "yes" } else { "NO" },
        s.update_seconds
    );
    let per = |t: f64| t * 1000.0 / s.documents.max(1) as f64;
    println!(
        "  cost per 1,000 documents: ingest {:.2}s, profile {:.3}s, group {:.3}s, story {:.3}s",
        per(s.seconds[0]),
        per(s.seconds[1]),
        per(s.seconds[2]),
        per(s.seconds[3]),
    );
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Processes, groups and scores one evaluation folder.
pub(crate) fn score(dir: &Path, config: &newsdesk_stories::Config) -> anyhow::Result<Score> {
    score_with(dir, config, None)
}

/// [`score`], grouping with the `newsdesk` binary `cli` when given (see [`cli_grouping`]).
pub(crate) fn score_with(
    dir: &Path,
    config: &newsdesk_stories::Config,
    cli: Option<&Path>,
) -> anyhow::Result<Score> {
    let input = ["docs.jsonl", "articles.jsonl"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .with_context(|| format!("no docs.jsonl or articles.jsonl in {}", dir.display()))?;
    let gold_raw = std::fs::read_to_string(dir.join("gold.tsv"))
        .with_context(|| format!("reading {}/gold.tsv", dir.display()))?;
    let gold: BTreeMap<&str, &str> = gold_raw
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    // line -> url, read from the input itself
    let raw =
        std::fs::read_to_string(&input).with_context(|| format!("reading {}", input.display()))?;
    let urls: BTreeMap<usize, String> = raw
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let v: Value = serde_json::from_str(l).ok()?;
            Some((i + 1, v["url"].as_str()?.to_string()))
        })
        .collect();

    let t = Instant::now();
    let processed = crate::docs::jsonl(&input)?;
    let t_ingest = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let profiles: Vec<_> = processed
        .iter()
        .map(|p| newsdesk_stories::profile(&p.doc))
        .collect();
    let t_profile = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let grouping = match cli {
        Some(bin) => cli_grouping(bin, &input, &processed)?,
        None => newsdesk_stories::group(&profiles, config),
    };
    let t_group = t.elapsed().as_secs_f64();

    // incremental: the first half grouped, then the second half added, must equal the whole
    // (with --cli, the binary's stories as `stories --json` lists them: the same members
    // and copies, since the JSON does not carry every field of a group)
    let t = Instant::now();
    let half = profiles.len() / 2;
    let first = newsdesk_stories::group(&profiles[..half], config);
    let updated = newsdesk_stories::update(&first, &profiles[..half], &profiles[half..], config);
    let incremental = if cli.is_some() {
        same_members(&updated, &grouping)
    } else {
        updated == grouping
    };
    let t_update = t.elapsed().as_secs_f64();
    let story_of: BTreeMap<&str, usize> = grouping
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| grp.members.iter().map(move |m| (m.as_str(), g)))
        .collect();
    // (predicted story, gold cluster) per gold-labelled input line
    let mut labelled: Vec<(usize, &str, &Document)> = Vec::new();
    for p in &processed {
        let Some(url) = urls.get(&p.line) else {
            continue;
        };
        let (Some(&g), Some(&c)) = (
            story_of.get(p.doc.article.id.as_str()),
            gold.get(url.as_str()),
        ) else {
            continue;
        };
        labelled.push((g, c, &p.doc));
    }
    if let Some(path) = std::env::var_os("STORIES_DUMP") {
        // line TAB gold TAB story TAB published TAB title, for looking at the errors
        let mut out = String::new();
        for (p, (g, c, d)) in processed
            .iter()
            .filter(|p| urls.contains_key(&p.line))
            .zip(&labelled)
        {
            let title = d
                .article
                .title
                .clone()
                .unwrap_or_else(|| d.article.text.chars().take(80).collect());
            out.push_str(&format!(
                "{}\t{c}\t{g}\t{}\t{}\n",
                p.line,
                d.article
                    .published
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
                title.replace(['\n', '\t'], " ")
            ));
        }
        std::fs::write(path, out)?;
    }
    let pairs: Vec<(usize, &str)> = labelled.iter().map(|(g, c, _)| (*g, *c)).collect();
    let bcubed = bcubed(&pairs);
    let pairwise = pairwise(&pairs);

    // stories with their facts, for the incidents of several articles
    let t = Instant::now();
    let mut casualties = None;
    let mut casualties_any = 0;
    let mut false_deaths = None;
    let incidents_path = dir.join("incidents.jsonl");
    let mut stories: BTreeMap<usize, Story> = BTreeMap::new();
    let mut docs_of: BTreeMap<usize, Vec<&Document>> = BTreeMap::new();
    for (g, _, d) in &labelled {
        docs_of.entry(*g).or_default().push(*d);
    }
    for (g, docs) in &docs_of {
        if grouping.groups[*g].members.len() > 1 {
            stories.insert(
                *g,
                newsdesk_stories::story(&grouping.groups[*g], docs, &grouping.duplicate_of),
            );
        }
    }
    let t_story = t.elapsed().as_secs_f64();
    if let Ok(raw) = std::fs::read_to_string(&incidents_path) {
        let mut by_incident: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (g, c, _) in &labelled {
            by_incident.entry(*c).or_default().push(*g);
        }
        let (mut ok, mut n, mut bad, mut zero) = (0, 0, 0, 0);
        let mut any = 0;
        // CASUALTY_DUMP=FILE: each incident's gold and its story's count facts
        let dump = std::env::var_os("CASUALTY_DUMP");
        let mut diag = String::new();
        for line in raw.lines() {
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let Some(id) = v["incident"].as_str() else {
                continue;
            };
            let Some(gs) = by_incident.get(id).filter(|gs| gs.len() > 1) else {
                continue;
            };
            // the incident's story: the one holding most of its articles (smallest index on ties)
            let mut count: BTreeMap<usize, usize> = BTreeMap::new();
            for g in gs {
                *count.entry(*g).or_default() += 1;
            }
            let Some((&g, _)) = count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
                continue;
            };
            let story = stories.get(&g);
            if dump.is_some() {
                let _ = writeln!(
                    diag,
                    "incident {id} killed {} injured {} articles {} story {g} in story {} of {}",
                    v["num_killed"],
                    v["num_injured"],
                    gs.len(),
                    gs.iter().filter(|x| **x == g).count(),
                    grouping.groups[g].members.len()
                );
                // every article's own counts, as extracted: doc kind=value(period)
                for (g2, c2, d) in &labelled {
                    if *c2 != id {
                        continue;
                    }
                    let counts: Vec<String> = d
                        .extraction
                        .quantities
                        .iter()
                        .filter_map(|q| {
                            let c = q.count.as_deref()?;
                            Some(format!(
                                "{c}={}{}{:?}",
                                q.value,
                                q.period
                                    .as_deref()
                                    .map(|p| format!("({p})"))
                                    .unwrap_or_default(),
                                q.text
                            ))
                        })
                        .collect();
                    let _ = writeln!(
                        diag,
                        "    doc {} story {g2}: {}",
                        d.article.id,
                        counts.join(" ")
                    );
                }
                for f in story.iter().flat_map(|s| &s.facts) {
                    if f.count.is_some() {
                        let reports: Vec<String> = f
                            .reports
                            .iter()
                            .map(|r| format!("{}={:?}", r.document, r.text))
                            .collect();
                        let value = fact_number(f).map_or("-".to_string(), |x| x.to_string());
                        let _ = writeln!(
                            diag,
                            "  {} {} ={value} [{}] {}",
                            f.count.as_deref().unwrap_or(""),
                            f.status,
                            f.about,
                            reports.join(" | ")
                        );
                    }
                }
            }
            for (kind, key) in [("killed", "num_killed"), ("injured", "num_injured")] {
                let gold = v[key].as_f64().unwrap_or(0.0);
                let agreed = story.and_then(|s| agreed_count(s, kind));
                if gold > 0.0 {
                    n += 1;
                    ok += usize::from(agreed.is_some_and(|x| (x - gold).abs() < 0.5));
                    any += usize::from(story.is_some_and(|s| agrees_on(s, kind, gold)));
                } else if kind == "killed" {
                    zero += 1;
                    bad += usize::from(story.is_some_and(|s| claims_count(s, kind)));
                }
            }
        }
        if let Some(path) = &dump {
            std::fs::write(path, diag)?;
        }
        casualties = Some((ok, n));
        casualties_any = any;
        false_deaths = Some((bad, zero));
    }
    let documents = labelled.len();
    Ok(Score {
        documents,
        stories: grouping.groups.len(),
        multi: grouping
            .groups
            .iter()
            .filter(|g| g.members.len() > 1)
            .count(),
        bcubed,
        pairwise,
        casualties,
        casualties_any,
        false_deaths,
        seconds: [t_ingest, t_profile, t_group, t_story],
        incremental,
        update_seconds: t_update,
    })
}

/// The story's agreed count of `kind`: of its agreed facts counting `kind`, the value of
/// the one reported by the most documents (ties: the larger value, then the first). Facts
/// on which the outlets differ say nothing agreed, however many documents they hold.
fn agreed_count(story: &Story, kind: &str) -> Option<f64> {
    let value = |f: &newsdesk_model::Fact| fact_number(f).unwrap_or(f64::NAN);
    let documents = |f: &newsdesk_model::Fact| {
        let mut d: Vec<&str> = f.reports.iter().map(|r| r.document.as_str()).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    let mut best: Option<(&newsdesk_model::Fact, usize, f64)> = None;
    for f in story
        .facts
        .iter()
        .filter(|f| f.count.as_deref() == Some(kind) && f.status == "agree")
    {
        let (n, x) = (documents(f), value(f));
        if best.is_none_or(|(_, bn, bx)| n > bn || n == bn && x > bx) {
            best = Some((f, n, x));
        }
    }
    best.filter(|(_, _, x)| x.is_finite()).map(|(_, _, x)| x)
}

/// Whether some agreed fact of the story counting `kind` has the value `gold`.
fn agrees_on(story: &Story, kind: &str, gold: f64) -> bool {
    story.facts.iter().any(|f| {
        f.count.as_deref() == Some(kind)
            && f.status == "agree"
            && fact_number(f).is_some_and(|x| (x - gold).abs() < 0.5)
    })
}

/// The number a fact's first report states, if it states one.
fn fact_number(f: &newsdesk_model::Fact) -> Option<f64> {
    match f.reports.first().map(|r| &r.value) {
        Some(FactValue::Number(x)) => Some(*x),
        _ => None,
    }
}

/// Whether the story has an agreed fact counting `kind` above zero.
fn claims_count(story: &Story, kind: &str) -> bool {
    agreed_count(story, kind).is_some_and(|x| x > 0.0)
}

/// BCubed precision, recall, F1 over `(predicted, gold)` labels, averaged per item.
pub(crate) fn bcubed<G: Ord + Copy, C: Ord + Copy>(items: &[(G, C)]) -> [f64; 3] {
    let mut by_pred: BTreeMap<G, usize> = BTreeMap::new();
    let mut by_gold: BTreeMap<C, usize> = BTreeMap::new();
    let mut both: BTreeMap<(G, C), usize> = BTreeMap::new();
    for &(g, c) in items {
        *by_pred.entry(g).or_default() += 1;
        *by_gold.entry(c).or_default() += 1;
        *both.entry((g, c)).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for &(g, c) in items {
        let inter = both[&(g, c)] as f64;
        p += inter / by_pred[&g] as f64;
        r += inter / by_gold[&c] as f64;
    }
    let n = items.len().max(1) as f64;
    f1(p / n, r / n)
}

/// Pairwise precision, recall, F1: pairs of items put together against pairs the gold
/// puts together.
pub(crate) fn pairwise<G: Ord + Copy, C: Ord + Copy>(items: &[(G, C)]) -> [f64; 3] {
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut by_pred: BTreeMap<G, usize> = BTreeMap::new();
    let mut by_gold: BTreeMap<C, usize> = BTreeMap::new();
    let mut both: BTreeMap<(G, C), usize> = BTreeMap::new();
    for &(g, c) in items {
        *by_pred.entry(g).or_default() += 1;
        *by_gold.entry(c).or_default() += 1;
        *both.entry((g, c)).or_default() += 1;
    }
    let tp: f64 = both.values().map(|&n| pairs(n)).sum();
    let pred: f64 = by_pred.values().map(|&n| pairs(n)).sum();
    let gold: f64 = by_gold.values().map(|&n| pairs(n)).sum();
    let p = if pred > 0.0 { tp / pred } else { 1.0 };
    let r = if gold > 0.0 { tp / gold } else { 1.0 };
    f1(p, r)
}

fn f1(p: f64, r: f64) -> [f64; 3] {
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    [p, r, f]
}

/// The grouping `newsdesk` itself stores: `input` ingested with the binary `bin` into a
/// temporary index, `newsdesk stories --json --min-size 1` read back, each member's
/// `source` (`…#L<line>`) mapped to the input line and so to the in-process document
/// (`processed`), so that the rest of the scoring is the same as in process. The stored
/// stories use the default `Config` (`--set` does not reach the binary).
fn cli_grouping(
    bin: &Path,
    input: &Path,
    processed: &[crate::docs::Processed],
) -> anyhow::Result<newsdesk_stories::Grouping> {
    let index = std::env::temp_dir().join(format!("newsdesk-eval-stories-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&index);
    let run = |args: &[&std::ffi::OsStr]| -> anyhow::Result<Vec<u8>> {
        let out = std::process::Command::new(bin)
            .args(args)
            .output()
            .with_context(|| format!("cannot run {}", bin.display()))?;
        // Exit 1 means some documents failed; they are scored as missing.
        if !matches!(out.status.code(), Some(0 | 1)) {
            bail!(
                "{} {:?} failed: {}",
                bin.display(),
                args,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(out.stdout)
    };
    run(&[
        "ingest".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
        input.as_os_str(),
    ])?;
    let out = run(&[
        "stories".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
        "--json".as_ref(),
        "--min-size".as_ref(),
        "1".as_ref(),
    ]);
    let _ = std::fs::remove_dir_all(&index);
    let id_of_line: BTreeMap<usize, &str> = processed
        .iter()
        .map(|p| (p.line, p.doc.article.id.as_str()))
        .collect();
    let mut grouping = newsdesk_stories::Grouping::default();
    for line in String::from_utf8_lossy(&out?).lines() {
        let story: Story = serde_json::from_str(line).context("a stories --json line")?;
        let mut members = Vec::new();
        for m in &story.documents {
            let line_no = m
                .source
                .rsplit_once("#L")
                .and_then(|(_, n)| n.parse::<usize>().ok());
            let id = line_no
                .and_then(|n| id_of_line.get(&n))
                .map_or(m.id.as_str(), |id| *id);
            if let Some(of) = &m.duplicate_of {
                grouping.duplicate_of.insert(id.to_string(), of.clone());
            }
            members.push(id.to_string());
        }
        grouping.groups.push(newsdesk_stories::Group {
            id: story.id,
            members,
            why: story.why,
        });
    }
    Ok(grouping)
}

/// Whether two groupings hold the same stories (members, whatever the order) and copies.
fn same_members(a: &newsdesk_stories::Grouping, b: &newsdesk_stories::Grouping) -> bool {
    let stories = |g: &newsdesk_stories::Grouping| {
        let mut all: Vec<Vec<String>> = g
            .groups
            .iter()
            .map(|s| {
                let mut m = s.members.clone();
                m.sort();
                m
            })
            .collect();
        all.sort();
        all
    };
    stories(a) == stories(b) && a.duplicate_of == b.duplicate_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(items: &[(u8, char)], b: [f64; 3], pw: [f64; 3]) {
        let round = |v: [f64; 3]| v.map(|x| (x * 1000.0).round() / 1000.0);
        assert_eq!(round(bcubed(items)), b, "bcubed {items:?}");
        assert_eq!(round(pairwise(items)), pw, "pairwise {items:?}");
    }

    #[test]
    fn cluster_scores() {
        check(
            &[(1, 'a'), (1, 'a'), (2, 'b')],
            [1.0, 1.0, 1.0],
            [1.0, 1.0, 1.0],
        );
        // all singletons: perfect precision, recall 1/size
        check(
            &[(1, 'a'), (2, 'a'), (3, 'b')],
            [1.0, 0.667, 0.8],
            [1.0, 0.0, 0.0],
        );
        // one lump
        check(
            &[(1, 'a'), (1, 'a'), (1, 'b')],
            [0.556, 1.0, 0.714],
            [0.333, 1.0, 0.5],
        );
    }

    /// A count fact: status, kind, and `(document, value)` reports.
    fn fact(status: &str, kind: &str, reports: &[(&str, f64)]) -> newsdesk_model::Fact {
        newsdesk_model::Fact {
            kind: "quantity".into(),
            about: format!("people {kind}"),
            status: status.into(),
            speaker: None,
            count: Some(kind.into()),
            reports: reports
                .iter()
                .map(|(d, x)| newsdesk_model::FactReport {
                    document: (*d).into(),
                    value: FactValue::Number(*x),
                    ..Default::default()
                })
                .collect(),
        }
    }

    #[test]
    fn the_agreed_count_comes_from_agreed_facts_only() {
        let story = |facts| Story {
            facts,
            ..Default::default()
        };
        // outlets differ over three documents, two agree on four: four is agreed
        let s = story(vec![
            fact("differ", "killed", &[("a", 3.0), ("b", 5.0), ("c", 4.0)]),
            fact("agree", "killed", &[("a", 1.0), ("b", 1.0)]),
            fact("agree", "killed", &[("b", 4.0), ("c", 4.0)]),
            fact("agree", "injured", &[("a", 9.0), ("b", 9.0), ("c", 9.0)]),
        ]);
        assert_eq!(agreed_count(&s, "killed"), Some(4.0));
        assert_eq!(agreed_count(&s, "injured"), Some(9.0));
        assert!(claims_count(&s, "killed"));
        // nothing agreed: no count, no claimed death
        let s = story(vec![
            fact("differ", "killed", &[("a", 3.0), ("b", 5.0)]),
            fact("single", "killed", &[("a", 2.0)]),
        ]);
        assert_eq!(agreed_count(&s, "killed"), None);
        assert!(!claims_count(&s, "killed"));
    }

    fn floor(dir: &str, min_f1: f64) {
        let Some(path) = crate::shared().map(|s| s.join("data").join(dir)) else {
            eprintln!("skipped: ../shared/data/{dir} is absent");
            return;
        };
        if !path.is_dir() {
            eprintln!("skipped: ../shared/data/{dir} is absent");
            return;
        }
        let s = score(&path, &newsdesk_stories::Config::default()).expect("scoring runs");
        println!("{dir}: BCubed F1 {:.3}", s.bcubed[2]);
        assert!(
            s.bcubed[2] >= min_f1,
            "{dir}: BCubed F1 {:.3} below {min_f1}",
            s.bcubed[2]
        );
        assert!(
            s.incremental,
            "{dir}: update differs from a one-shot grouping"
        );
    }

    #[test]
    fn ecbplus_dev_clusters_above_a_floor() {
        floor("ecbplus-dev", 0.85);
    }

    #[test]
    fn gva_dev_clusters_above_a_floor() {
        floor("gva-dev", 0.85);
    }
}

//! `cargo xtask eval html [--dir DIR] [--peer trafilatura]`: main-text extraction quality
//! and speed on real news pages with a known article body (`ground-truth.json`,
//! `html/<key>.html.gz`).
//!
//! The score is the token-bag one of the data README: per page, the precision and recall
//! of the lowercase alphanumeric word multiset of the extracted text against `articleBody`;
//! the reported precision and recall are the means over pages and F1 is the F1 of those
//! means. Time is that of HTML to text only (the `normalise` call on an HTML document),
//! one page at a time on one core, excluding gzip and file reads; the release build is
//! the one to quote. `HTML_SCORES=FILE` writes each page's F1, precision and recall (TSV).

use anyhow::{Context, bail};
use newsdesk_model::{ContentKind, RawDocument};
use newsdesk_normalise::{Config, normalise};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask eval html [--dir DIR] [--peer trafilatura]\n\
  DIR holds ground-truth.json (article bodies: token-bag scores) or gold.json (with/without\n\
  snippets: trafilatura's protocol, e.g. ../shared/data/trafilatura-eval)";

/// Timed repetitions per page; the page's time is the median of them (robust to noise
/// from other processes on a shared machine).
const RUNS: usize = 3;

/// The trafilatura version compared against, and `lxml_html_clean`, which its `justext`
/// dependency imports but which lxml 5.2+ no longer bundles.
const TRAFILATURA: &[&str] = &["trafilatura==2.3.1", "lxml_html_clean"];

/// One page of the evaluation set.
pub(crate) struct Page {
    pub(crate) key: String,
    pub(crate) html: Vec<u8>,
    /// The article body (`ground-truth.json` sets); empty for snippet sets.
    pub(crate) gold: String,
    /// Snippets the main text must contain (`gold.json` sets, trafilatura's protocol).
    pub(crate) with: Vec<String>,
    /// Snippets it must not contain.
    pub(crate) without: Vec<String>,
}

/// What one extractor produced on every page: text and milliseconds, in page order.
pub(crate) struct Run {
    pub(crate) name: String,
    pub(crate) texts: Vec<String>,
    pub(crate) ms: Vec<f64>,
    /// Per page, why no record came out (newsdesk's error), in page order.
    pub(crate) errors: Vec<Option<String>>,
}

/// Aggregate scores of one run.
struct Score {
    precision: f64,
    recall: f64,
    f1: f64,
    median_ms: f64,
    mean_ms: f64,
    /// Per page: (f1, precision, recall), in page order.
    pages: Vec<(f64, f64, f64)>,
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut dir: Option<PathBuf> = None;
    let mut peers: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dir" => dir = Some(it.next().context("--dir needs a folder")?.into()),
            "--peer" => peers.push(it.next().context("--peer needs a name")?.clone()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    for p in &peers {
        if p != "trafilatura" {
            bail!("unknown peer `{p}` (known: trafilatura)");
        }
    }
    let dir = match dir {
        Some(d) => d,
        None => crate::shared()
            .context("../shared is absent; pass --dir DIR")?
            .join("data/html-dev"),
    };
    if dir.join("gold.json").is_file() && !dir.join("ground-truth.json").exists() {
        return crate::eval_snippets::run(&dir, !peers.is_empty());
    }
    let pages = load(&dir)?;
    if pages.is_empty() {
        bail!("no pages in {}", dir.display());
    }
    note_debug_build();
    let mut runs = vec![run_newsdesk(&pages, RUNS)];
    if !peers.is_empty() {
        runs.push(run_trafilatura(&pages, &dir, RUNS)?);
    }
    for (page, error) in pages.iter().zip(&runs[0].errors) {
        if let Some(e) = error {
            eprintln!("  {}: {e}", page.key);
        }
    }
    let scores: Vec<Score> = runs.iter().map(|r| score(r, &pages)).collect();
    println!(
        "html main text on {} ({} pages)\n",
        dir.display(),
        pages.len()
    );
    println!(
        "{:<14} {:>9} {:>9} {:>9} {:>13} {:>11}",
        "extractor", "precision", "recall", "F1", "median ms/pg", "mean ms/pg"
    );
    for (r, s) in runs.iter().zip(&scores) {
        println!(
            "{:<14} {:>9.4} {:>9.4} {:>9.4} {:>13.3} {:>11.3}",
            r.name, s.precision, s.recall, s.f1, s.median_ms, s.mean_ms
        );
    }
    if let Some(s) = scores.first() {
        let mut order: Vec<usize> = (0..pages.len()).collect();
        order.sort_by(|&a, &b| s.pages[a].0.total_cmp(&s.pages[b].0));
        if let Some(path) = std::env::var_os("HTML_SCORES") {
            let lines: String = pages
                .iter()
                .zip(&s.pages)
                .map(|(p, (f, pr, r))| format!("{}\t{f:.4}\t{pr:.4}\t{r:.4}\n", p.key))
                .collect();
            std::fs::write(path, lines)?;
        }
        println!("\nten worst pages for newsdesk (F1, precision, recall)");
        for &i in order.iter().take(10) {
            let (f, p, r) = s.pages[i];
            let peer = scores
                .get(1)
                .map(|t| format!("   trafilatura F1 {:.3}", t.pages[i].0))
                .unwrap_or_default();
            println!("  {f:.3}  P {p:.3}  R {r:.3}  {}{peer}", pages[i].key);
        }
    }
    Ok(())
}

/// Reads the ground truth and the gzip-compressed pages.
fn load(dir: &Path) -> anyhow::Result<Vec<Page>> {
    let truth_path = dir.join("ground-truth.json");
    let truth = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("cannot read {}", truth_path.display()))?;
    let truth: serde_json::Value = serde_json::from_str(&truth)
        .with_context(|| format!("{} is not JSON", truth_path.display()))?;
    let truth = truth
        .as_object()
        .with_context(|| format!("{} is not a JSON object", truth_path.display()))?;
    let mut pages = Vec::with_capacity(truth.len());
    for (key, entry) in truth {
        let gold = entry
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or_default()
            .to_string();
        let path = dir.join("html").join(format!("{key}.html.gz"));
        pages.push(Page {
            key: key.clone(),
            html: read_gz(&path)?,
            gold,
            with: Vec::new(),
            without: Vec::new(),
        });
    }
    pages.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(pages)
}

/// Says on stderr that times from a debug build are not the ones to quote.
pub(crate) fn note_debug_build() {
    if cfg!(debug_assertions) {
        eprintln!(
            "note: debug build; quote times from `cargo run --release -p xtask -- eval html`"
        );
    }
}

/// A gzip-compressed file's bytes.
pub(crate) fn read_gz(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(bytes)
}

/// Runs newsdesk's normalise on every page, timing each call (median of `runs`).
pub(crate) fn run_newsdesk(pages: &[Page], runs: usize) -> Run {
    let config = Config::default();
    let mut texts = Vec::with_capacity(pages.len());
    let mut ms = Vec::with_capacity(pages.len());
    let mut errors = Vec::with_capacity(pages.len());
    for page in pages {
        let mut times = Vec::with_capacity(runs);
        let mut text = String::new();
        let mut error = None;
        for _ in 0..runs.max(1) {
            let raw = RawDocument {
                source: page.key.clone(),
                kind: ContentKind::Html,
                bytes: page.html.clone(),
                ..RawDocument::default()
            };
            let start = Instant::now();
            let result = normalise(raw, &config);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            (text, error) = match result {
                Ok(a) => (a.text, None),
                Err(e) => (String::new(), Some(e.to_string())),
            };
        }
        times.sort_by(f64::total_cmp);
        texts.push(text);
        ms.push(median(&times));
        errors.push(error);
    }
    Run {
        name: "newsdesk".into(),
        texts,
        ms,
        errors,
    }
}

/// The peer script: reads page paths from a JSON list on stdin and prints one JSON list
/// of `{"text", "ms"}` (the median of `runs` timed `extract` calls per page).
const TRAFILATURA_SCRIPT: &str = r#"
import gzip, json, statistics, sys, time
import trafilatura
paths, runs = json.load(sys.stdin), int(sys.argv[1])
out = []
for p in paths:
    with gzip.open(p, "rb") as f:
        html = f.read()
    times, text = [], None
    for _ in range(runs):
        t = time.perf_counter()
        text = trafilatura.extract(html)
        times.append(time.perf_counter() - t)
    out.append({"text": text or "", "ms": statistics.median(times) * 1000.0})
json.dump(out, sys.stdout)
"#;

/// Installs (once) trafilatura into `target/peers-venv-html` and runs it on the pages.
pub(crate) fn run_trafilatura(pages: &[Page], dir: &Path, runs: usize) -> anyhow::Result<Run> {
    let python = venv(&crate::root())?;
    let paths: Vec<String> = pages
        .iter()
        .map(|p| {
            dir.join("html")
                .join(format!("{}.html.gz", p.key))
                .display()
                .to_string()
        })
        .collect();
    let mut child = Command::new(&python)
        .args(["-c", TRAFILATURA_SCRIPT, &runs.max(1).to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot run {}", python.display()))?;
    {
        let stdin = child.stdin.as_mut().context("no stdin for the peer")?;
        serde_json::to_writer(stdin, &paths)?;
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().context("trafilatura run failed")?;
    if !out.status.success() {
        bail!("the trafilatura script failed ({})", out.status);
    }
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).context("the trafilatura script printed no JSON")?;
    if list.len() != pages.len() {
        bail!(
            "trafilatura returned {} results for {} pages",
            list.len(),
            pages.len()
        );
    }
    let texts = list
        .iter()
        .map(|v| v["text"].as_str().unwrap_or_default().to_string())
        .collect();
    let ms = list
        .iter()
        .map(|v| v["ms"].as_f64().unwrap_or(f64::NAN))
        .collect();
    Ok(Run {
        name: "trafilatura".into(),
        texts,
        ms,
        errors: vec![None; pages.len()],
    })
}

/// Creates (once) `target/peers-venv-html` with trafilatura; returns its python.
fn venv(root: &Path) -> anyhow::Result<PathBuf> {
    crate::venv::ensure(&root.join("target/peers-venv-html"), TRAFILATURA)
}

/// Lowercase alphanumeric word tokens with their counts.
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
///
/// An empty prediction has precision 0 (unless the gold is empty too, then 1); an empty
/// gold has recall 1.
fn precision_recall(predicted: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (tokens(predicted), tokens(gold));
    let common: usize = p
        .iter()
        .map(|(t, n)| (*n).min(g.get(t).copied().unwrap_or(0)))
        .sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    let precision = match (np, ng) {
        (0, 0) => 1.0,
        (0, _) => 0.0,
        _ => common as f64 / np as f64,
    };
    let recall = if ng == 0 {
        1.0
    } else {
        common as f64 / ng as f64
    };
    (precision, recall)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Scores one run against the pages' gold bodies.
fn score(run: &Run, pages: &[Page]) -> Score {
    let per: Vec<(f64, f64, f64)> = run
        .texts
        .iter()
        .zip(pages)
        .map(|(t, page)| {
            let (p, r) = precision_recall(t, &page.gold);
            (f1(p, r), p, r)
        })
        .collect();
    let n = per.len().max(1) as f64;
    let precision = per.iter().map(|x| x.1).sum::<f64>() / n;
    let recall = per.iter().map(|x| x.2).sum::<f64>() / n;
    let mut ms = run.ms.clone();
    ms.sort_by(f64::total_cmp);
    Score {
        precision,
        recall,
        f1: f1(precision, recall),
        median_ms: median(&ms),
        mean_ms: ms.iter().sum::<f64>() / ms.len().max(1) as f64,
        pages: per,
    }
}

/// The median of sorted values (0 when empty).
pub(crate) fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted.get(n / 2).copied().unwrap_or(0.0),
        n => {
            let a = sorted.get(n / 2 - 1).copied().unwrap_or(0.0);
            let b = sorted.get(n / 2).copied().unwrap_or(0.0);
            (a + b) / 2.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(predicted: &str, gold: &str, expected: (f64, f64)) {
        let got = precision_recall(predicted, gold);
        assert!(
            (got.0 - expected.0).abs() < 1e-9 && (got.1 - expected.1).abs() < 1e-9,
            "{predicted:?} vs {gold:?}: {got:?} != {expected:?}"
        );
    }

    #[test]
    fn token_bag_scores() {
        let cases = [
            ("The cat sat.", "the cat sat", (1.0, 1.0)),
            ("the cat", "the cat sat on the mat", (1.0, 2.0 / 6.0)),
            ("the the the", "the cat", (1.0 / 3.0, 0.5)),
            ("", "gold words", (0.0, 0.0)),
            ("", "", (1.0, 1.0)),
            ("Café, naïve!", "café naïve", (1.0, 1.0)),
        ];
        for (p, g, e) in cases {
            check(p, g, e);
        }
    }

    /// The floor on html-dev (the issue's: F1 >= 0.98); the figure itself is
    /// `cargo xtask eval html`. Skipped without `../shared/data`. (This scorer replaced
    /// a copy in the normalise crate's tests that scored an empty text against an empty
    /// body as precision 0; here it is 1, as a perfect answer.)
    #[test]
    fn html_dev_floor() {
        let Some(dir) = crate::shared()
            .map(|s| s.join("data/html-dev"))
            .filter(|d| d.join("ground-truth.json").is_file())
        else {
            eprintln!("skipping the html-dev floor: ../shared/data/html-dev not found");
            return;
        };
        let pages = load(&dir).expect("html-dev loads");
        let s = score(&run_newsdesk(&pages, 1), &pages);
        assert!(s.f1 >= 0.98, "html-dev F1 {:.4} fell below 0.98", s.f1);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 3.0, 9.0]), 2.5);
    }
}

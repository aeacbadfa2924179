//! `cargo xtask bench`: end-to-end and per-stage throughput, memory, re-ingest
//! and search latency, against a minimal Tantivy indexer in the same run.
//!
//! Writes `target/bench/report.json` (numbers only) and `target/bench/report.md`.

use crate::corpus::{self, Tier};
use anyhow::{Context, bail};
use serde_json::{Map, Value, json};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Queries for the latency measurement: terms, phrases, boolean, entity fields and date ranges.
pub(crate) const QUERIES: &[&str] = &[
    "oil",
    "prices",
    "bank",
    "government",
    "market",
    "trade deficit",
    "interest rates",
    "\"interest rates\"",
    "\"trade deficit\"",
    "\"central bank\"",
    "\"prime minister\"",
    "\"stock exchange\"",
    "coffee AND brazil",
    "gold OR silver",
    "wheat -corn",
    "election AND labour",
    "football",
    "champions league",
    "\"world cup\"",
    "film award",
    "music",
    "mobile phone",
    "internet",
    "software microsoft",
    "shares rose",
    "profit fell",
    "dividend",
    "acquisition merger",
    "opec output",
    "crude oil",
    "person:blair",
    "person:brown",
    "person:reagan",
    "person:baker",
    "org:opec",
    "org:\"european commission\"",
    "org:fed",
    "org:bbc",
    "loc:japan",
    "loc:london",
    "loc:\"united states\"",
    "loc:china",
    "loc:brazil",
    "misc:british",
    "misc:american",
    "title:oil",
    "title:profit",
    "published:[1987-03-01T00:00:00Z TO 1987-03-31T00:00:00Z]",
    "oil AND published:[1987-01-01T00:00:00Z TO 1987-12-31T00:00:00Z]",
    "bank AND published:[1987-04-01T00:00:00Z TO 1987-04-30T00:00:00Z]",
    "speaker:blair",
    "quote:growth",
    "tonnes",
    "\"said in a statement\"",
    "tax cuts",
    "unemployment",
    "inflation",
    "yen dollar",
    "\"last year\"",
    "sugar",
];

struct Options {
    tier: Tier,
    peers: bool,
    data: PathBuf,
    load: crate::load::Options,
}

fn parse_args(args: &[String]) -> anyhow::Result<Options> {
    let mut tier = Tier::Small;
    let mut peers = false;
    let mut load = crate::load::Options::default();
    let mut data = crate::shared()
        .map(|s| s.join("data"))
        .unwrap_or_else(|| crate::root().join("../shared/data"));
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--tier" => tier = Tier::parse(it.next().context("--tier needs a value")?)?,
            "--peers" => peers = true,
            "--data" => data = PathBuf::from(it.next().context("--data needs a value")?),
            "--load-seconds" => load.seconds = whole(it.next(), a)?,
            "--load-clients" => load.clients = whole(it.next(), a)?,
            "--load-page-every" => load.page_every = whole(it.next(), a)?,
            other => bail!(
                "unknown bench option `{other}` (--tier small|medium|large, --peers, --data DIR, \
                 --load-seconds N, --load-clients N, --load-page-every N)"
            ),
        }
    }
    if load.clients == 0 {
        bail!("--load-clients must be at least 1");
    }
    Ok(Options {
        tier,
        peers,
        data,
        load,
    })
}

fn whole<T: std::str::FromStr>(value: Option<&String>, flag: &str) -> anyhow::Result<T> {
    let v = value.with_context(|| format!("{flag} needs a value"))?;
    v.parse()
        .map_err(|_| anyhow::anyhow!("{flag} takes a whole number, not `{v}`"))
}

/// What one run of a child process cost.
struct Run {
    secs: f64,
    peak_rss_kib: u64,
    stderr: String,
}

/// Runs a command to completion, sampling its peak resident memory (VmHWM) as it goes.
fn measure(cmd: &mut Command) -> anyhow::Result<Run> {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot start the command")?;
    let status_path = format!("/proc/{}/status", child.id());
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr {
            for line in std::io::BufReader::new(e).lines().map_while(Result::ok) {
                s.push_str(&line);
                s.push('\n');
            }
        }
        s
    });
    let mut peak = 0u64;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_path).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        }) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let stderr = reader.join().unwrap_or_default();
    // Exit 1 means some documents failed and the rest were indexed: still a measurement.
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("command failed with {status}: {}", stderr.trim());
    }
    Ok(Run {
        secs,
        peak_rss_kib: peak,
        stderr,
    })
}

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    rd.filter_map(Result::ok)
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                dir_size(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let opts = parse_args(args)?;
    let root = crate::root();
    let corpus_dir = opts.data.join("corpus");
    if !corpus_dir.is_dir() {
        bail!(
            "the benchmark corpus {} is absent (it lives in ../shared/data/corpus)",
            corpus_dir.display()
        );
    }
    let out_dir = root.join("target/bench");
    std::fs::create_dir_all(&out_dir)?;

    println!("== building the release binary");
    crate::pipeline::build_release()?;
    let bin = root.join("target/release/newsdesk");

    println!("== corpus, tier {}", opts.tier.name());
    let corpus_path = out_dir.join(format!("corpus-{}.jsonl", opts.tier.name()));
    let input_bytes = corpus::build(&corpus_dir, opts.tier, &corpus_path)?;
    let input_mb = input_bytes as f64 / 1e6;
    let docs = count_lines(&corpus_path)?;
    println!(
        "   {} ({input_mb:.1} MB, {docs} documents)",
        corpus_path.display()
    );

    let mut report = Map::new();
    let mut md = Vec::new();
    report.insert("tier".into(), json!(tier_number(opts.tier)));
    report.insert("input_mb".into(), json!(round(input_mb)));
    report.insert("documents".into(), json!(docs));

    // End to end, 1 and 2 threads, each into a fresh index.
    let mut e2e = Vec::new();
    for threads in [1u16, 2] {
        let index = out_dir.join(format!("index-{}-{threads}t", opts.tier.name()));
        let _ = std::fs::remove_dir_all(&index);
        println!("== newsdesk ingest, {threads} thread(s)");
        let run = measure(
            Command::new(&bin)
                .arg("ingest")
                .arg("--index")
                .arg(&index)
                .args(["--threads", &threads.to_string(), "--pin-cores"])
                .arg(&corpus_path),
        )?;
        println!(
            "   {:.1}s, {:.2} MB/s, peak RSS {:.0} MiB; {}",
            run.secs,
            input_mb / run.secs,
            run.peak_rss_kib as f64 / 1024.0,
            run.stderr.lines().last().unwrap_or("")
        );
        e2e.push((threads, run, index));
    }
    let (_, run1, _) = &e2e[0];
    let (_, run2, index2) = &e2e[1];
    let e2e_1t = input_mb / run1.secs;
    let e2e_2t = input_mb / run2.secs;
    let peak_rss_mib = run1.peak_rss_kib.max(run2.peak_rss_kib) as f64 / 1024.0;
    let index_bytes = dir_size(index2);

    println!("== re-ingest of the unchanged corpus");
    let again = measure(
        Command::new(&bin)
            .arg("ingest")
            .arg("--index")
            .arg(index2)
            .arg(&corpus_path),
    )?;
    println!(
        "   {:.1}s; {}",
        again.secs,
        again.stderr.lines().last().unwrap_or("")
    );
    let reingest_speedup = run2.secs / again.secs.max(1e-9);

    println!("== baseline: a minimal Tantivy indexer (title, body), no extraction");
    let baseline_dir = out_dir.join(format!("baseline-{}", opts.tier.name()));
    let baseline_secs = crate::baseline::index(&corpus_path, &baseline_dir)?;
    let baseline_mb_s = input_mb / baseline_secs;
    println!("   {baseline_secs:.1}s, {baseline_mb_s:.2} MB/s");

    println!("== per stage, one thread, in process");
    let stages = crate::stages::measure(&corpus_path, 20_000_000)?;
    for (k, v) in &stages {
        println!("   {k}: {v:.1}");
    }

    println!("== search latency over {} queries", QUERIES.len());
    let index = newsdesk_index::Index::open(index2)
        .with_context(|| format!("cannot open {}", index2.display()))?;
    let options = newsdesk_index::SearchOptions {
        limit: 10,
        ..newsdesk_index::SearchOptions::default()
    };
    for q in QUERIES {
        index
            .search(q, &options)
            .with_context(|| format!("query `{q}`"))?;
    }
    let mut lat = Vec::new();
    for _ in 0..5 {
        for q in QUERIES {
            let t = Instant::now();
            let _ = index.search(q, &options)?;
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    lat.sort_by(f64::total_cmp);
    let p50 = percentile(&lat, 50.0);
    let p99 = percentile(&lat, 99.0);
    let mut cli = Vec::new();
    for q in QUERIES.iter().take(20) {
        let t = Instant::now();
        let out = Command::new(&bin)
            .args(["search", "--index"])
            .arg(index2)
            .args(["--json", q])
            .output()?;
        if !out.status.success() {
            bail!(
                "newsdesk search `{q}` failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        cli.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    cli.sort_by(f64::total_cmp);
    let cli_ms = percentile(&cli, 50.0);
    println!("   in process p50 {p50:.2} ms, p99 {p99:.2} ms; whole process median {cli_ms:.1} ms");

    let load = if opts.load.seconds > 0 {
        println!(
            "== newsdesk serve under load: {} clients for {} s on the 2-thread index",
            opts.load.clients, opts.load.seconds
        );
        let figures = crate::load::measure(&bin, index2, &opts.load)?;
        println!(
            "   API {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms; pages p99 {:.2} ms; {} errors",
            figures.api_per_s,
            figures.api.p50_ms,
            figures.api.p99_ms,
            figures.api.max_ms,
            figures.pages.p99_ms,
            figures.errors
        );
        Some(figures)
    } else {
        None
    };

    let ratio = e2e_2t / baseline_mb_s;
    let speedup = run1.secs / run2.secs;
    for (k, v) in [
        ("e2e_mb_s_1t", e2e_1t),
        ("e2e_mb_s_2t", e2e_2t),
        ("e2e_docs_s_1t", docs as f64 / run1.secs),
        ("e2e_docs_s_2t", docs as f64 / run2.secs),
        ("baseline_mb_s", baseline_mb_s),
        ("ratio_to_baseline", ratio),
        ("speedup_2t", speedup),
        ("peak_rss_mib", peak_rss_mib),
        ("index_over_input", index_bytes as f64 / input_bytes as f64),
        ("reingest_secs", again.secs),
        ("reingest_speedup", reingest_speedup),
        ("search_p50_ms", p50),
        ("search_p99_ms", p99),
        ("cli_search_ms", cli_ms),
    ] {
        report.insert(k.into(), json!(round(v)));
    }
    for (k, v) in &stages {
        report.insert((*k).into(), json!(round(*v)));
    }
    for (k, v) in load.iter().flat_map(|f| f.json()) {
        report.insert(k.into(), json!(round(v)));
    }

    // Memory must not grow with corpus size: compare with the other tier's report, if any.
    let other = match opts.tier {
        Tier::Large => Some(Tier::Medium),
        Tier::Medium => Some(Tier::Large),
        Tier::Small => None,
    };
    let other_rss = other.and_then(|t| {
        let p = out_dir.join(format!("report-{}.json", t.name()));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
        v["peak_rss_mib"].as_f64()
    });
    if let Some(o) = other_rss {
        report.insert("peak_rss_other_tier_mib".into(), json!(round(o)));
    }

    let machine = machine();
    md.push(format!(
        "# newsdesk benchmark, tier {} ({input_mb:.0} MB, {docs} documents)\n",
        opts.tier.name()
    ));
    md.push(format!("Run on {machine}, {}.\n", date()));
    if opts.tier != Tier::Small {
        md.push("The corpus is Reuters-21578 and BBC text as JSON lines, then new articles made by recombining their real sentences (fixed seed, fresh ids, no exact duplicates).\n".into());
    } else {
        md.push("The corpus is the real Reuters-21578 and BBC text as JSON lines.\n".into());
    }
    md.push("| measure | value | target | verdict |\n|---|---|---|---|".into());
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    md.push(format!(
        "| end to end, 1 thread | {e2e_1t:.2} MB/s ({:.0} docs/s) | | |",
        docs as f64 / run1.secs
    ));
    md.push(format!(
        "| end to end, 2 threads | {e2e_2t:.2} MB/s ({:.0} docs/s) | | |",
        docs as f64 / run2.secs
    ));
    md.push(format!(
        "| baseline Tantivy indexer | {baseline_mb_s:.2} MB/s | | |"
    ));
    md.push(format!(
        "| ratio to baseline (2 threads) | {ratio:.2}x | >= 0.35x | {} |",
        verdict(ratio >= 0.35)
    ));
    md.push(format!(
        "| 2-thread speed-up | {speedup:.2}x | >= 1.7x | {} |",
        verdict(speedup >= 1.7)
    ));
    md.push(format!(
        "| peak RSS | {peak_rss_mib:.0} MiB | <= 1536 MiB | {} |",
        verdict(peak_rss_mib <= 1536.0)
    ));
    if let Some(o) = other_rss {
        let growth = (peak_rss_mib - o).abs() / o.max(1.0);
        md.push(format!(
            "| peak RSS vs the other tier | {peak_rss_mib:.0} vs {o:.0} MiB ({:.0}%) | within 10% | {} |",
            growth * 100.0,
            verdict(growth <= 0.10)
        ));
    }
    md.push(format!(
        "| index size / input size | {:.2} | | |",
        index_bytes as f64 / input_bytes as f64
    ));
    md.push(format!(
        "| re-ingest unchanged corpus | {:.1}s ({reingest_speedup:.1}x faster) | >= 10x | {} |",
        again.secs,
        verdict(reingest_speedup >= 10.0)
    ));
    md.push(format!(
        "| search p50 in process | {p50:.2} ms | <= 2 ms | {} |",
        verdict(p50 <= 2.0)
    ));
    md.push(format!(
        "| search p99 in process | {p99:.2} ms | <= 20 ms | {} |",
        verdict(p99 <= 20.0)
    ));
    md.push(format!(
        "| whole `newsdesk search` process | {cli_ms:.1} ms | < 50 ms | {} |",
        verdict(cli_ms < 50.0)
    ));
    for (k, v) in &stages {
        md.push(format!("| stage: {k} | {v:.1} | | |"));
    }
    md.extend(load.iter().flat_map(|f| f.rows()));

    if opts.peers {
        println!("== peers (spaCy, trafilatura)");
        match crate::peers::measure(&root, &corpus_path) {
            Ok(rows) => {
                for (k, v) in rows {
                    md.push(format!("| peer: {k} | {v:.1} | | |"));
                    report.insert(k, json!(round(v)));
                }
            }
            Err(e) => {
                eprintln!("   peers unavailable: {e:#}");
                md.push(format!("\nPeers could not be measured: {e:#}"));
            }
        }
    }

    let report = Value::Object(report);
    let json_text = serde_json::to_string_pretty(&report)?;
    std::fs::write(out_dir.join("report.json"), &json_text)?;
    std::fs::write(
        out_dir.join(format!("report-{}.json", opts.tier.name())),
        &json_text,
    )?;
    let md_text = md.join("\n") + "\n";
    std::fs::write(out_dir.join("report.md"), &md_text)?;
    println!("\n{md_text}");
    println!("wrote target/bench/report.json and target/bench/report.md");
    Ok(())
}

fn tier_number(t: Tier) -> u32 {
    match t {
        Tier::Small => 1,
        Tier::Medium => 2,
        Tier::Large => 3,
    }
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn count_lines(p: &Path) -> anyhow::Result<usize> {
    let f = std::fs::File::open(p)?;
    Ok(std::io::BufReader::new(f).lines().count())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "an unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cores} cores of {cpu}")
}

fn date() -> String {
    Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d %H:%M UTC")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_ranks() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 51.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn there_are_at_least_fifty_queries() {
        assert!(QUERIES.len() >= 50);
    }
}

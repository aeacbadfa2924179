//! `cargo xtask spark`: the Spark job on a standalone cluster on 127.0.0.1, compared with one ingest.
//!
//! Creates `target/spark-venv` (pyspark, and the newsdesk wheel when `target/wheels` has
//! one), builds the release binary, starts a master and two one-core workers bound to
//! loopback, runs `python/newsdesk_spark/job.py` over `fixtures/` and over the bench's
//! small tier split into many files, and compares each merged index with a plain
//! `newsdesk ingest --threads 2` of the same inputs: document count, ids, `stories
//! --json`, and `search --json` for the bench's queries. Every process it starts runs in
//! its own process group and carries a run token in its environment; they are stopped
//! whatever happens, and `/proc` is checked for any left.

use crate::corpus::{self, Tier};
use anyhow::{Context, bail};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufWriter, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The PyPI packages of the venv (Spark 4.0 runs on the machine's Java 17).
const PACKAGES: &[&str] = &["pyspark==4.0.1"];
/// Files the small tier is split into.
const SMALL_FILES: usize = 48;
/// The environment variable that marks every process of one run.
const TOKEN_VAR: &str = "NEWSDESK_SPARK_RUN";

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut fixtures_only = false;
    for a in args {
        match a.as_str() {
            "--fixtures-only" => fixtures_only = true,
            other => bail!("unknown spark option `{other}` (--fixtures-only)"),
        }
    }
    let root = crate::root();
    let base = root.join("target/spark");
    std::fs::create_dir_all(&base)?;

    println!("== venv target/spark-venv ({})", PACKAGES.join(", "));
    let python = venv(&root)?;
    let spark_home = spark_home(&python)?;
    println!("== building the release binary");
    crate::pipeline::build_release()?;
    let bin = shipped_binary(&root.join("target/release/newsdesk"), &base)?;

    let mut cases = vec![Case {
        name: "fixtures",
        inputs: vec!["fixtures".into()],
        partitions: 2,
        parquet: true,
        shard_dir: false,
    }];
    if fixtures_only {
        println!("== small tier skipped (--fixtures-only)");
    } else {
        match small_tier(&root, &base)? {
            Some(inputs) => cases.push(Case {
                name: "small",
                inputs,
                partitions: 2,
                parquet: false,
                shard_dir: true,
            }),
            None => println!(
                "== small tier skipped: ../shared/data/corpus is absent (the bench corpus lives there)"
            ),
        }
    }

    let token = format!("{}-{}", std::process::id(), unix_millis());
    let mut cluster = Cluster::new(&spark_home, &python, &base, &token);
    let result = (|| -> anyhow::Result<Vec<String>> {
        cluster.start()?;
        let mut lines = Vec::new();
        for case in &cases {
            lines.extend(run_case(&root, &base, &bin, &cluster, case)?);
        }
        Ok(lines)
    })();
    let stopped = cluster.stop();
    match &stopped {
        Ok(s) => println!("== cluster stopped: {s}"),
        Err(e) => eprintln!("== cluster NOT stopped cleanly: {e:#}"),
    }
    let lines = result?;
    stopped?;
    println!("\n== figures");
    for l in &lines {
        println!("{l}");
    }
    Ok(())
}

/// The binary both runs use: a copy without its debug sections (`strip`, from binutils,
/// which the linker needs anyway) when that works, a seventh of the size, since every
/// executor fetches it from the driver; the release binary itself otherwise.
fn shipped_binary(release: &Path, base: &Path) -> anyhow::Result<PathBuf> {
    let dir = base.join("bin");
    std::fs::create_dir_all(&dir)?;
    let out = dir.join("newsdesk");
    let stripped = Command::new("strip")
        .arg("-o")
        .arg(&out)
        .arg(release)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if stripped {
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() >> 20).unwrap_or(0);
        println!(
            "== shipping a stripped copy of the binary: {} MiB (release build {} MiB)",
            size(&out),
            size(release)
        );
        Ok(out)
    } else {
        println!("== strip failed or is absent: shipping the release binary as it is");
        Ok(release.to_path_buf())
    }
}

/// One comparison: the same inputs through Spark and through one ingest.
struct Case {
    name: &'static str,
    /// Paths relative to the workspace root, where both runs start.
    inputs: Vec<String>,
    partitions: usize,
    /// Also write the extraction as Parquet and check it reads back with Spark SQL.
    parquet: bool,
    /// Move the shards into a folder the driver reads (`--shard-dir`), as a cluster with
    /// shared storage would, instead of sending them through Spark as tar chunks.
    shard_dir: bool,
}

fn run_case(
    root: &Path,
    base: &Path,
    bin: &Path,
    cluster: &Cluster,
    case: &Case,
) -> anyhow::Result<Vec<String>> {
    let dir = base.join(case.name);
    let spark_index = dir.join("spark-index");
    let plain_index = dir.join("plain-index");
    for d in [&spark_index, &plain_index] {
        if d.exists() {
            std::fs::remove_dir_all(d).with_context(|| format!("cannot remove {}", d.display()))?;
        }
    }
    std::fs::create_dir_all(&dir)?;
    let manifest = dir.join("manifest.txt");
    std::fs::write(&manifest, case.inputs.join("\n") + "\n")?;
    let summary = dir.join("summary.json");
    let parquet = dir.join("parquet");
    if parquet.exists() {
        std::fs::remove_dir_all(&parquet)?;
    }

    println!(
        "== {}: spark job, {} partitions, {} manifest lines",
        case.name,
        case.partitions,
        case.inputs.len()
    );
    let mut job_args = vec![
        "--num-partitions".into(),
        case.partitions.to_string(),
        "--summary".into(),
        path_str(&summary),
    ];
    if case.parquet {
        job_args.extend(["--parquet".into(), path_str(&parquet)]);
    }
    let shards = dir.join("shards");
    if case.shard_dir {
        job_args.extend(["--shard-dir".into(), path_str(&shards)]);
    }
    job_args.extend([path_str(&manifest), path_str(&spark_index)]);
    // The timed case runs twice, like the plain ingest below, and the faster run counts
    // (best of two on both sides): this machine's speed drifts by a fifth from minute to
    // minute. The merged index of the last run is the one compared.
    let runs = if case.parquet { 1 } else { 2 };
    let mut spark_secs = f64::INFINITY;
    let mut job = -1;
    let mut phases = String::new();
    for _ in 0..runs {
        for d in [&spark_index, &shards] {
            if d.exists() {
                std::fs::remove_dir_all(d)?;
            }
        }
        let t = Instant::now();
        job = cluster.submit(root, bin, &job_args, &dir.join("submit.log"))?;
        let secs = t.elapsed().as_secs_f64();
        println!(
            "   exit {job}, {secs:.1}s (log {})",
            rel(root, &dir.join("submit.log"))
        );
        if !matches!(job, 0 | 1) {
            bail!(
                "the spark job over {} failed with exit {job}: see {}",
                case.name,
                dir.join("submit.log").display()
            );
        }
        if secs < spark_secs {
            spark_secs = secs;
            phases = read_phases(&summary);
        }
    }

    // Best of two, as the Spark run above.
    println!(
        "== {}: newsdesk ingest --threads 2 (twice, the faster counts)",
        case.name
    );
    let mut plain_secs = f64::INFINITY;
    let mut plain_code = -1;
    let mut last_line = String::new();
    for _ in 0..2 {
        if plain_index.exists() {
            std::fs::remove_dir_all(&plain_index)?;
        }
        let t = Instant::now();
        let plain = Command::new(bin)
            .args(["ingest", "--index"])
            .arg(&plain_index)
            .args(["--threads", "2"])
            .args(&case.inputs)
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .context("cannot run newsdesk ingest")?;
        let secs = t.elapsed().as_secs_f64();
        plain_secs = plain_secs.min(secs);
        plain_code = plain.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&plain.stderr);
        last_line = stderr.lines().last().unwrap_or("").to_string();
        println!("   exit {plain_code}, {secs:.1}s");
    }
    println!("   {last_line}");

    println!(
        "== {}: comparing the merged index with the single ingest",
        case.name
    );
    let mut diffs = compare(bin, &spark_index, &plain_index)?;
    if job != plain_code {
        diffs.push(format!(
            "exit status {job} (spark) vs {plain_code} (ingest)"
        ));
    }
    let docs = newsdesk_index::Index::open(&plain_index)
        .map(|i| i.num_docs())
        .unwrap_or(0);
    if case.parquet {
        println!(
            "== {}: reading the Parquet dataset back with Spark SQL",
            case.name
        );
        diffs.extend(check_parquet(bin, cluster, &parquet, &plain_index, &dir)?);
    }
    if !diffs.is_empty() {
        for d in diffs.iter().take(20) {
            eprintln!("   DIFFERENCE: {d}");
        }
        bail!(
            "{}: {} difference(s) between the merged index and the single ingest",
            case.name,
            diffs.len()
        );
    }
    println!(
        "   identical: {docs} documents, ids, stories, {} searches",
        crate::bench::QUERIES.len()
    );
    let ratio = spark_secs / plain_secs.max(1e-9);
    let verdict = if case.parquet {
        "the 1.5x target is for the small tier: Spark's start-up is most of this"
    } else if ratio <= 1.5 {
        "target <= 1.5x: met"
    } else {
        "target <= 1.5x: NOT met"
    };
    Ok(vec![format!(
        "{}: {docs} documents; spark-submit incl. merge {spark_secs:.1}s ({phases}) vs ingest --threads 2 {plain_secs:.1}s: {ratio:.2}x ({verdict})",
        case.name
    )])
}

/// The job's phase times from its `--summary` file (empty when it cannot be read).
fn read_phases(summary: &Path) -> String {
    std::fs::read_to_string(summary)
        .ok()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
        .map(|v| {
            let f = |k: &str| v[k].as_f64().unwrap_or(0.0);
            format!(
                "session {:.1}s, shards {:.1}s, fetch {:.1}s, merge {:.1}s, job {:.1}s",
                f("session_secs"),
                f("shards_secs"),
                f("fetch_secs"),
                f("merge_secs"),
                f("total_secs")
            )
        })
        .unwrap_or_default()
}

/// Reads the Parquet dataset with Spark SQL (local mode, loopback) and compares it with the
/// index of one ingest: one row per document, the same ids, and each row's entity and quote
/// counts those of the stored document.
fn check_parquet(
    bin: &Path,
    cluster: &Cluster,
    parquet: &Path,
    index: &Path,
    dir: &Path,
) -> anyhow::Result<Vec<String>> {
    const READ: &str = r#"
import json, sys
from pyspark.sql import SparkSession
s = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
     .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
     .getOrCreate())
df = s.read.parquet(sys.argv[1])
df.createOrReplaceTempView("docs")
rows = s.sql("SELECT id, size(entities) AS e, size(quotes) AS q FROM docs ORDER BY id").collect()
print(json.dumps([[r.id, r.e, r.q] for r in rows]))
s.stop()
"#;
    let out = cluster
        .command(&cluster.python)
        .arg("-c")
        .arg(READ)
        .arg(parquet)
        .stderr(std::fs::File::create(dir.join("parquet.log"))?)
        .output()
        .context("cannot run the Parquet check")?;
    if !out.status.success() {
        bail!(
            "reading {} failed: see {}",
            parquet.display(),
            dir.join("parquet.log").display()
        );
    }
    let rows: Vec<(String, usize, usize)> =
        serde_json::from_slice(&out.stdout).context("the Parquet check printed no JSON")?;
    let mut diffs = Vec::new();
    let mut expected = Vec::new();
    let listing = output(
        bin,
        index,
        &["search", "--json", "--all", "--limit", "100000000", ""],
    )?;
    for line in listing.lines().filter(|l| !l.trim().is_empty()) {
        let hit: serde_json::Value = serde_json::from_str(line)?;
        let id = hit["id"].as_str().unwrap_or_default().to_string();
        let doc: serde_json::Value =
            serde_json::from_str(&output(bin, index, &["show", "--json", &id])?)?;
        let n = |k: &str| doc[k].as_array().map_or(0, Vec::len);
        expected.push((id, n("entities"), n("quotes")));
    }
    expected.sort();
    if rows != expected {
        let first = rows
            .iter()
            .zip(&expected)
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("{a:?} (parquet) vs {b:?} (index)"))
            .unwrap_or_else(|| format!("{} rows vs {} documents", rows.len(), expected.len()));
        diffs.push(format!("parquet: {first}"));
    } else {
        println!(
            "   parquet: {} rows, the same ids, entities and quotes",
            rows.len()
        );
    }
    Ok(diffs)
}

/// Differences between two indexes as users see them.
fn compare(bin: &Path, a: &Path, b: &Path) -> anyhow::Result<Vec<String>> {
    let mut diffs = Vec::new();
    let count = |dir: &Path| -> anyhow::Result<u64> {
        Ok(newsdesk_index::Index::open(dir)
            .with_context(|| format!("cannot open {}", dir.display()))?
            .num_docs())
    };
    let (na, nb) = (count(a)?, count(b)?);
    if na != nb {
        diffs.push(format!("{na} documents (spark) vs {nb} (ingest)"));
    }
    let stories = [
        "stories",
        "--json",
        "--min-size",
        "1",
        "--limit",
        "100000000",
    ];
    let sa = output(bin, a, &stories)?;
    let sb = output(bin, b, &stories)?;
    let (ia, ib) = (story_ids(&sa)?, story_ids(&sb)?);
    if ia != ib {
        let only_a: Vec<_> = ia.difference(&ib).take(5).collect();
        let only_b: Vec<_> = ib.difference(&ia).take(5).collect();
        diffs.push(format!(
            "document ids differ: only in spark {only_a:?}, only in ingest {only_b:?}"
        ));
    }
    if let Some(d) = first_difference(&sa, &sb) {
        diffs.push(format!("stories --json: {d}"));
    }
    for q in crate::bench::QUERIES {
        let args = ["search", "--json", "--limit", "10", q];
        let (ha, hb) = (output(bin, a, &args)?, output(bin, b, &args)?);
        if let Some(d) = hits_difference(&ha, &hb) {
            diffs.push(format!("search `{q}`: {d}"));
        }
    }
    Ok(diffs)
}

/// Runs `newsdesk ARGS[0] --index DIR ARGS[1..]` and returns its standard output.
fn output(bin: &Path, index: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new(bin)
        .arg(args[0])
        .arg("--index")
        .arg(index)
        .args(&args[1..])
        .output()
        .with_context(|| format!("cannot run newsdesk {}", args[0]))?;
    if !out.status.success() {
        bail!(
            "newsdesk {} on {} failed: {}",
            args.join(" "),
            index.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every document id of a `stories --json --min-size 1` listing.
fn story_ids(ndjson: &str) -> anyhow::Result<BTreeSet<String>> {
    let mut ids = BTreeSet::new();
    for line in ndjson.lines().filter(|l| !l.trim().is_empty()) {
        let story: serde_json::Value =
            serde_json::from_str(line).context("a stories line is not JSON")?;
        for d in story["documents"].as_array().into_iter().flatten() {
            if let Some(id) = d["id"].as_str() {
                ids.insert(id.to_string());
            }
        }
    }
    Ok(ids)
}

/// How far two BM25 scores of one hit may be apart, relative to the larger: Tantivy sums a
/// document's per-term scores in the order its scorers sit by current document (block-max
/// WAND), which depends on where documents are in the segments, so the same statistics give
/// scores that differ in the last bits of an `f32` (one ulp is 6e-8 of the value).
const SCORE_TOLERANCE: f64 = 1e-6;

/// The first difference between two `search --json` outputs: every field of every hit equal,
/// in the same order, the scores equal up to [`SCORE_TOLERANCE`]; `None` when they agree.
fn hits_difference(a: &str, b: &str) -> Option<String> {
    let parse = |s: &str| -> Vec<Option<serde_json::Value>> {
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).ok())
            .collect()
    };
    let (ha, hb) = (parse(a), parse(b));
    if ha.len() != hb.len() {
        return first_difference(a, b);
    }
    for (x, y) in ha.iter().zip(&hb) {
        let (Some(mut x), Some(mut y)) = (x.clone(), y.clone()) else {
            return first_difference(a, b);
        };
        let score = |v: &mut serde_json::Value| {
            v.as_object_mut()
                .and_then(|o| o.remove("score"))
                .and_then(|s| s.as_f64())
        };
        let (sx, sy) = (score(&mut x), score(&mut y));
        let close = match (sx, sy) {
            (Some(p), Some(q)) => (p - q).abs() <= SCORE_TOLERANCE * p.abs().max(q.abs()),
            (p, q) => p == q,
        };
        if x != y || !close {
            return first_difference(a, b);
        }
    }
    None
}

/// The first differing line of two outputs, shortened, or `None` when they are equal.
fn first_difference(a: &str, b: &str) -> Option<String> {
    if a == b {
        return None;
    }
    let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
    let n = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    let cut = |s: Option<&&str>| -> String {
        s.map_or("(nothing)".into(), |s| s.chars().take(160).collect())
    };
    Some(format!(
        "{} vs {} lines; line {} is `{}` (spark) vs `{}` (ingest)",
        la.len(),
        lb.len(),
        n + 1,
        cut(la.get(n)),
        cut(lb.get(n))
    ))
}

/// The bench's small tier split into [`SMALL_FILES`] JSON-lines files; `None` without the corpus.
fn small_tier(root: &Path, base: &Path) -> anyhow::Result<Option<Vec<String>>> {
    let Some(shared) = crate::shared() else {
        return Ok(None);
    };
    let corpus_dir = shared.join("data/corpus");
    if !corpus_dir.is_dir() {
        return Ok(None);
    }
    let whole = root.join("target/bench/corpus-small.jsonl");
    corpus::build(&corpus_dir, Tier::Small, &whole)?;
    let dir = base.join("small/inputs");
    let names: Vec<String> = (0..SMALL_FILES)
        .map(|i| format!("target/spark/small/inputs/part-{i:03}.jsonl"))
        .collect();
    let stamp = dir.join(".complete");
    if !stamp.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let lines: Vec<String> = std::io::BufReader::new(
            std::fs::File::open(&whole)
                .with_context(|| format!("cannot read {}", whole.display()))?,
        )
        .lines()
        .collect::<Result<_, _>>()?;
        let per = lines.len().div_ceil(SMALL_FILES).max(1);
        for (i, name) in names.iter().enumerate() {
            let mut w = BufWriter::new(std::fs::File::create(root.join(name))?);
            for l in lines.iter().skip(i * per).take(per) {
                writeln!(w, "{l}")?;
            }
            w.flush()?;
        }
        std::fs::write(
            &stamp,
            format!("{} lines in {SMALL_FILES} files\n", lines.len()),
        )?;
    }
    println!(
        "== small tier: {} split into {SMALL_FILES} files under {}",
        rel(root, &whole),
        rel(root, &dir)
    );
    Ok(Some(names))
}

/// Creates (once) `target/spark-venv` with [`PACKAGES`], and installs the newsdesk wheel
/// from `target/wheels` when there is one; returns the venv's python.
fn venv(root: &Path) -> anyhow::Result<PathBuf> {
    let dir = root.join("target/spark-venv");
    let python = crate::venv::ensure(&dir, PACKAGES)?;
    if let Some(wheel) = newest_wheel(&root.join("target/wheels")) {
        let wheel_stamp = dir.join(".wheel");
        let id = format!(
            "{} {:?}",
            wheel.display(),
            std::fs::metadata(&wheel)?.modified()?
        );
        if std::fs::read_to_string(&wheel_stamp).ok().as_deref() != Some(id.as_str()) {
            println!("   installing {}", rel(root, &wheel));
            crate::venv::pip_install(
                &python,
                &["--force-reinstall", "--no-deps", &path_str(&wheel)],
            )?;
            std::fs::write(&wheel_stamp, id)?;
        }
    }
    Ok(python)
}

fn newest_wheel(dir: &Path) -> Option<PathBuf> {
    let mut wheels: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "whl")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("newsdesk-"))
        })
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    wheels.sort();
    wheels.pop().map(|(_, p)| p)
}

/// `SPARK_HOME`: the pyspark package folder, which carries Spark's jars and scripts.
fn spark_home(python: &Path) -> anyhow::Result<PathBuf> {
    let out = Command::new(python)
        .args([
            "-c",
            "import os, pyspark; print(os.path.dirname(pyspark.__file__))",
        ])
        .output()
        .context("cannot run the venv's python")?;
    if !out.status.success() {
        bail!(
            "pyspark is not importable: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let home = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if !home.join("bin/spark-class").is_file() {
        bail!("{} has no bin/spark-class", home.display());
    }
    Ok(home)
}

/// A standalone cluster on 127.0.0.1: a master and two one-core workers.
struct Cluster {
    home: PathBuf,
    python: PathBuf,
    base: PathBuf,
    token: String,
    port: u16,
    /// Every process started, each the leader of its own process group.
    children: Vec<(String, Child)>,
}

impl Cluster {
    fn new(home: &Path, python: &Path, base: &Path, token: &str) -> Cluster {
        Cluster {
            home: home.to_path_buf(),
            python: python.to_path_buf(),
            base: base.to_path_buf(),
            token: token.to_string(),
            port: 0,
            children: Vec::new(),
        }
    }

    /// A command with the cluster's environment, in a process group of its own.
    fn command(&self, program: &Path) -> Command {
        let mut c = Command::new(program);
        c.env("SPARK_HOME", &self.home)
            .env("SPARK_LOCAL_IP", "127.0.0.1")
            .env("SPARK_LOCAL_HOSTNAME", "127.0.0.1")
            .env("SPARK_MASTER_HOST", "127.0.0.1")
            .env("SPARK_LOCAL_DIRS", self.base.join("local"))
            .env("SPARK_DAEMON_MEMORY", "512m")
            .env(
                "SPARK_DAEMON_JAVA_OPTS",
                format!("-Dnewsdesk.spark.run={}", self.token),
            )
            // spark-class runs a launcher JVM that only builds the real command line.
            .env(
                "SPARK_LAUNCHER_OPTS",
                "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            )
            .env("PYSPARK_PYTHON", &self.python)
            .env("PYSPARK_DRIVER_PYTHON", &self.python)
            .env(TOKEN_VAR, &self.token)
            .env_remove("PYTHONPATH")
            .stdin(Stdio::null())
            .process_group(0);
        c
    }

    fn spawn(&mut self, name: &str, mut cmd: Command) -> anyhow::Result<()> {
        let log = self.base.join("logs").join(format!("{name}.log"));
        let file = std::fs::File::create(&log)?;
        cmd.stdout(file.try_clone()?).stderr(file);
        let child = cmd
            .spawn()
            .with_context(|| format!("cannot start the spark {name}"))?;
        self.children.push((name.to_string(), child));
        Ok(())
    }

    fn start(&mut self) -> anyhow::Result<()> {
        std::fs::create_dir_all(self.base.join("logs"))?;
        std::fs::create_dir_all(self.base.join("local"))?;
        self.port = if port_free(7077) { 7077 } else { free_port()? };
        let class = self.home.join("bin/spark-class");
        let mut master = self.command(&class);
        master.args([
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            &self.port.to_string(),
            "--webui-port",
            &free_port()?.to_string(),
        ]);
        println!(
            "== standalone cluster: master spark://127.0.0.1:{}, two workers of one core",
            self.port
        );
        self.spawn("master", master)?;
        wait_for(
            Duration::from_secs(90),
            "the spark master to listen",
            || TcpStream::connect(("127.0.0.1", self.port)).is_ok(),
        )?;
        for n in 1..=2 {
            let work = self.base.join(format!("work-{n}"));
            std::fs::create_dir_all(&work)?;
            let mut worker = self.command(&class);
            worker
                .args([
                    "org.apache.spark.deploy.worker.Worker",
                    &format!("spark://127.0.0.1:{}", self.port),
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "2g",
                    "--port",
                    &free_port()?.to_string(),
                    "--webui-port",
                    &free_port()?.to_string(),
                    "--work-dir",
                ])
                .arg(&work);
            self.spawn(&format!("worker-{n}"), worker)?;
        }
        let master_log = self.base.join("logs/master.log");
        wait_for(Duration::from_secs(90), "two workers to register", || {
            std::fs::read_to_string(&master_log)
                .map(|s| s.matches("Registering worker").count() >= 2)
                .unwrap_or(false)
        })?;
        for (name, child) in &mut self.children {
            if let Some(status) = child.try_wait()? {
                bail!("the spark {name} exited early with {status}");
            }
        }
        Ok(())
    }

    /// Runs the job with spark-submit; returns its exit status.
    fn submit(
        &self,
        root: &Path,
        bin: &Path,
        job_args: &[String],
        log: &Path,
    ) -> anyhow::Result<i32> {
        // The JVMs only schedule and pass names: the client JIT and the serial collector
        // start them seconds sooner, and the work is in the newsdesk binary anyway.
        let opts = format!(
            "-Dnewsdesk.spark.run={} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            self.token
        );
        let mut cmd = self.command(&self.home.join("bin/spark-submit"));
        cmd.current_dir(root)
            .args(["--master", &format!("spark://127.0.0.1:{}", self.port)])
            .args(["--conf", "spark.ui.enabled=false"])
            .args(["--conf", "spark.driver.host=127.0.0.1"])
            .args(["--conf", "spark.driver.bindAddress=127.0.0.1"])
            .args(["--conf", "spark.executor.cores=1"])
            .args(["--conf", "spark.cores.max=2"])
            .args(["--conf", "spark.executor.memory=1g"])
            .args(["--conf", &format!("spark.executor.extraJavaOptions={opts}")])
            .args(["--driver-java-options", &opts])
            .arg("--files")
            .arg(bin)
            .arg("python/newsdesk_spark/job.py")
            .args(job_args);
        let file = std::fs::File::create(log)?;
        cmd.stdout(file.try_clone()?).stderr(file);
        let mut child = cmd.spawn().context("cannot start spark-submit")?;
        let pid = child.id();
        let status = child.wait();
        // The driver's Python and JVM are gone with it; whatever it left in its group is not.
        kill_group(pid, "KILL");
        let status = status.context("cannot wait for spark-submit")?;
        Ok(status.code().unwrap_or(-1))
    }

    /// Stops every process group, then looks in `/proc` for any process of this run.
    fn stop(&mut self) -> anyhow::Result<String> {
        for (_, child) in self.children.iter().rev() {
            kill_group(child.id(), "TERM");
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        for (_, child) in self.children.iter_mut().rev() {
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(100));
            }
            if child.try_wait().ok().flatten().is_none() {
                kill_group(child.id(), "KILL");
                let _ = child.wait();
            }
        }
        self.children.clear();
        let mut left = processes_with(&self.token);
        for pid in &left {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        if !left.is_empty() {
            std::thread::sleep(Duration::from_millis(500));
            left = processes_with(&self.token);
        }
        if left.is_empty() {
            Ok("no process of this run remains (none in /proc carries its token)".into())
        } else {
            let mut s = String::new();
            for pid in &left {
                let _ = write!(s, " {pid}");
            }
            bail!("processes of this run are still there after kill -KILL:{s}")
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.children.is_empty() {
            let _ = self.stop();
        }
    }
}

/// `kill -SIGNAL -- -PGID` (the workspace forbids `unsafe`, so no direct `killpg`).
fn kill_group(pgid: u32, signal: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), "--", &format!("-{pgid}")])
        .stderr(Stdio::null())
        .status();
}

/// The processes whose environment carries this run's token.
fn processes_with(token: &str) -> Vec<u32> {
    let needle = format!("{TOKEN_VAR}={token}");
    let me = std::process::id();
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut out: Vec<u32> = rd
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| pid != me)
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.split(|&b| b == 0).any(|kv| kv == needle.as_bytes()))
        })
        .collect();
    out.sort_unstable();
    out
}

fn port_free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))
        .context("cannot bind a port on 127.0.0.1")?
        .local_addr()?
        .port())
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    bail!("timed out after {}s waiting for {what}", limit.as_secs())
}

fn unix_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_agree_up_to_the_last_bits_of_their_scores() {
        let hit = |id: &str, score: &str| format!("{{\"id\":\"{id}\",\"score\":{score}}}\n");
        let a = hit("a", "14.0174") + &hit("b", "3.5");
        assert_eq!(
            hits_difference(&a, &(hit("a", "14.017401") + &hit("b", "3.5"))),
            None
        );
        assert!(hits_difference(&a, &(hit("a", "14.0175") + &hit("b", "3.5"))).is_some());
        assert!(hits_difference(&a, &(hit("b", "14.0174") + &hit("a", "3.5"))).is_some());
        assert!(hits_difference(&a, &hit("a", "14.0174")).is_some());
    }

    #[test]
    fn first_difference_names_the_line() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        let d = first_difference("a\nb\n", "a\nc\nd\n").unwrap_or_default();
        assert!(
            d.contains("2 vs 3 lines; line 2 is `b` (spark) vs `c` (ingest)"),
            "{d}"
        );
        let d = first_difference("a\n", "a\nb\n").unwrap_or_default();
        assert!(d.contains("line 2 is `(nothing)`"), "{d}");
    }

    #[test]
    fn story_ids_collect_every_member() {
        let s = "{\"id\":\"s1\",\"documents\":[{\"id\":\"a\"},{\"id\":\"b\"}]}\n{\"id\":\"s2\",\"documents\":[{\"id\":\"c\"}]}\n";
        let ids = story_ids(s).unwrap_or_default();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn a_token_finds_the_processes_that_carry_it() -> anyhow::Result<()> {
        let token = format!("test-{}-{}", std::process::id(), unix_millis());
        let mut child = Command::new("sleep")
            .arg("30")
            .env(TOKEN_VAR, &token)
            .process_group(0)
            .spawn()?;
        // the child's environment shows the token once it has exec'd `sleep`
        let mut found = processes_with(&token);
        for _ in 0..100 {
            if !found.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            found = processes_with(&token);
        }
        kill_group(child.id(), "KILL");
        let _ = child.wait();
        assert_eq!(found, vec![child.id()]);
        assert!(processes_with(&token).is_empty());
        Ok(())
    }
}

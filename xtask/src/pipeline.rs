//! `cargo xtask pipeline`: the whole job over `fixtures/`, with a readable report.

use anyhow::{Context, bail};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// Publication date assumed for fixtures that carry none (the seeds' event day).
const PUBLISHED: &str = "2020-03-05";

/// Searches the report runs, with what each shows.
const SEARCHES: &[(&str, &str)] = &[
    ("M4 corridor", "both terms, stemmed"),
    ("\"joint patrols\"", "a phrase"),
    ("ceasefires", "stemming finds `ceasefire`"),
    ("person:Lavrov", "an entity field"),
    ("org:\"White Helmets\"", "an organisation"),
    ("speaker:Putin", "documents quoting Putin"),
    (
        "Sochi AND published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z]",
        "a date range",
    ),
];

/// Builds `target/release/newsdesk`.
pub(crate) fn build_release() -> anyhow::Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(&cargo)
        .args([
            "build",
            "--release",
            "--package",
            "newsdesk-cli",
            "--bin",
            "newsdesk",
        ])
        .current_dir(crate::root())
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    Ok(())
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    if let Some(a) = args.first() {
        bail!("pipeline takes no arguments (got `{a}`)");
    }
    let root = crate::root();

    println!("== building the release binary");
    build_release()?;
    let started = Instant::now();
    let bin = root.join("target/release/newsdesk");
    let index = root.join("target/newsdesk-index");
    if index.exists() {
        std::fs::remove_dir_all(&index)
            .with_context(|| format!("cannot remove old index {}", index.display()))?;
    }
    // Relative to the workspace root, where newsdesk runs: sources stay short.
    let inputs = [
        PathBuf::from("fixtures/articles"),
        PathBuf::from("fixtures/formats"),
    ];

    println!("\n== ingesting fixtures into {}", rel(&root, &index));
    let mut ingest = vec!["ingest".to_string(), "--index".into(), path_arg(&index)];
    ingest.extend(["--published".into(), PUBLISHED.into()]);
    ingest.extend(inputs.iter().map(|p| path_arg(p)));
    let out = newsdesk(&bin, &ingest)?;
    print!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        bail!("newsdesk ingest exited with {}", out.status);
    }

    println!("\n== extracting the seed articles");
    let out = newsdesk(
        &bin,
        &[
            "extract".into(),
            "--json".into(),
            "--published".into(),
            PUBLISHED.into(),
            "fixtures/articles".into(),
        ],
    )?;
    if !out.status.success() {
        bail!(
            "newsdesk extract exited with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let docs = ndjson(&out.stdout)?;
    report_documents(&docs);

    println!("\n== searches");
    for (query, what) in SEARCHES {
        let out = newsdesk(
            &bin,
            &[
                "search".into(),
                "--index".into(),
                path_arg(&index),
                "--json".into(),
                "--limit".into(),
                "20".into(),
                (*query).into(),
            ],
        )?;
        if !out.status.success() {
            bail!(
                "search `{query}` failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let hits = ndjson(&out.stdout)?;
        let mut sources: Vec<String> = hits
            .iter()
            .map(|h| short_source(h["source"].as_str().unwrap_or("?")))
            .collect();
        sources.dedup();
        println!("  {query:<70} {:>2} hits  ({what})", hits.len());
        for s in sources.iter().take(6) {
            println!("      {s}");
        }
    }

    println!("\n== top entities in the index");
    let out = newsdesk(
        &bin,
        &[
            "entities".into(),
            "--index".into(),
            path_arg(&index),
            "--top".into(),
            "5".into(),
        ],
    )?;
    print!("{}", String::from_utf8_lossy(&out.stdout));

    println!("\n== quotes by Erdogan in the index");
    let out = newsdesk(
        &bin,
        &[
            "quotes".into(),
            "--index".into(),
            path_arg(&index),
            "--speaker".into(),
            "Erdogan".into(),
            "--limit".into(),
            "8".into(),
        ],
    )?;
    print!("{}", String::from_utf8_lossy(&out.stdout));

    println!("\n== stories in the index (the seeds' story, with its facts across outlets)");
    let out = newsdesk(
        &bin,
        &["stories".into(), "--index".into(), path_arg(&index)],
    )?;
    if !out.status.success() {
        bail!(
            "newsdesk stories failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));

    println!(
        "\npipeline finished in {:.1}s; try: target/release/newsdesk search --index target/newsdesk-index 'speaker:Erdogan ceasefire'",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn report_documents(docs: &[Value]) {
    let mut entity_docs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for d in docs {
        let arr = |k: &str| d[k].as_array().map_or(0, Vec::len);
        println!(
            "  {}  {}  lang={} published={}  {} entities, {} quotes, {} quantities, {} dates, {} removed",
            d["id"].as_str().unwrap_or("?"),
            short_source(d["source"].as_str().unwrap_or("?")),
            d["language"].as_str().unwrap_or("?"),
            d["published"].as_str().unwrap_or("?"),
            arr("entities"),
            arr("quotes"),
            arr("quantities"),
            arr("dates"),
            arr("removed"),
        );
        for e in d["entities"].as_array().into_iter().flatten() {
            let key = (
                e["label"].as_str().unwrap_or("?").to_string(),
                e["name"].as_str().unwrap_or("?").to_string(),
            );
            *entity_docs.entry(key).or_default() += e["mentions"].as_array().map_or(0, Vec::len);
        }
    }
    println!("\n  most mentioned entities across the seeds:");
    for label in ["PERSON", "ORG", "LOC", "MISC"] {
        let mut rows: Vec<(&String, usize)> = entity_docs
            .iter()
            .filter(|((l, _), _)| l == label)
            .map(|((_, n), c)| (n, *c))
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = rows
            .iter()
            .take(6)
            .map(|(n, c)| format!("{n} ({c})"))
            .collect();
        if !top.is_empty() {
            println!("    {label:<7} {}", top.join(", "));
        }
    }
    println!("\n  quotes with speakers:");
    for d in docs {
        for q in d["quotes"].as_array().into_iter().flatten() {
            let text = q["text"].as_str().unwrap_or("");
            let short: String = text.chars().take(70).collect();
            let ell = if text.chars().count() > 70 { "…" } else { "" };
            println!(
                "    {:<22} “{short}{ell}”",
                q["speaker"].as_str().unwrap_or("(none)"),
            );
        }
    }
    println!("\n  dates resolved against {PUBLISHED}:");
    for d in docs {
        let dates: Vec<String> = d["dates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| {
                format!(
                    "{} = {}",
                    x["text"].as_str().unwrap_or("?"),
                    x["value"].as_str().unwrap_or("?")
                )
            })
            .collect();
        println!(
            "    {}: {}",
            short_source(d["source"].as_str().unwrap_or("?")),
            dates.join("; ")
        );
    }
}

fn newsdesk(bin: &Path, args: &[String]) -> anyhow::Result<Output> {
    Command::new(bin)
        .args(args)
        .current_dir(crate::root())
        .output()
        .with_context(|| format!("cannot run {}", bin.display()))
}

fn ndjson(bytes: &[u8]) -> anyhow::Result<Vec<Value>> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).context("newsdesk printed a line that is not JSON"))
        .collect()
}

fn path_arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .map(PathBuf::from)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// `…/fixtures/articles/000_x.txt` -> `articles/000_x.txt`.
fn short_source(s: &str) -> String {
    match s.find("fixtures/") {
        Some(i) => s[i + "fixtures/".len()..].to_string(),
        None => s.to_string(),
    }
}

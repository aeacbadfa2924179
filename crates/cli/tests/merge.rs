//! End-to-end tests of `newsdesk merge`: shard indexes ingested from parts of the inputs,
//! merged, read exactly like one ingest of all the inputs (ids, stored records, search hits,
//! stories, entities, quotes), whatever the split and the order of the shards; and the
//! errors (a shard of another schema version, a target that is not empty).
//!
//! The inputs are the seed fixtures in every wrapping (one content id per seed, many
//! sources), and short reports of three events with a near-duplicate copy; some reports are
//! also in a second file, so the same content id is in several shards, and one of those
//! copies sorts before the original, so it is the one a single ingest keeps.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

mod common;
use common::*;

const REPORTS: [(&str, &str, &str, &str); 6] = [
    (
        "quake-north.jsonl",
        "Earthquake hits Zorvanetz",
        "2021-04-12",
        "A magnitude 6.1 earthquake struck Zorvanetz early on Monday, destroying forty homes \
         and injuring twelve people, the regional governor Mirelda Quastova said. \"We are \
         searching every street in Zorvanetz and we will not stop,\" Quastova told reporters. \
         Rescue teams from Brelgrad and Ostmark reached the valley by evening after a landslide \
         blocked the only road.",
    ),
    (
        "quake-south.jsonl",
        "Quake injures twelve in Zorvanetz",
        "2021-04-13",
        "A magnitude 6.1 earthquake struck Zorvanetz early on Monday, destroying forty homes \
         and injuring twelve people, the regional governor Mirelda Quastova said. \"We are \
         searching every street in Zorvanetz and we will not stop,\" Quastova told reporters. \
         Rescue teams from Brelgrad and Ostmark reached the valley by evening after a landslide \
         blocked the only road. This report was updated with the number of aftershocks.",
    ),
    (
        "quake-valley.jsonl",
        "Twelve hurt as quake hits Zorvanetz",
        "2021-04-12",
        "Twelve people were hurt and forty houses flattened when an earthquake of magnitude \
         6.1 hit Zorvanetz on Monday morning, governor Mirelda Quastova said. \"We are \
         searching every street in Zorvanetz and we will not stop,\" Quastova said.",
    ),
    (
        "bridge-north.jsonl",
        "Grenmoor bridge opens in Tellurinsk",
        "2021-06-03",
        "The Grenmoor suspension bridge in Tellurinsk opened to traffic on Thursday after six \
         years of work, mayor Oskar Venhaaldt said. \"Tellurinsk is finally one city again,\" \
         Venhaaldt told the crowd. The 740-metre span replaces a ferry.",
    ),
    (
        "bridge-valley.jsonl",
        "Tellurinsk bridge finally opens",
        "2021-06-03",
        "Tellurinsk celebrated on Thursday as the Grenmoor bridge finally opened. \"Tellurinsk \
         is finally one city again,\" mayor Oskar Venhaaldt said. The Halvik consortium built \
         the 740-metre span.",
    ),
    (
        "chess.jsonl",
        "Whitcombe wins Palmarosa open",
        "2021-05-09",
        "Ines Whitcombe won the Palmarosa open chess tournament on Sunday, beating the \
         defending champion in a long endgame. Whitcombe said she had prepared for months.",
    ),
];

/// A work directory with every input under `in/`; returns it and the input files, relative
/// to it, in byte-wise order (the order in which `ingest in` walks them).
fn workdir() -> (tempfile::TempDir, Vec<String>) {
    let w = tempfile::tempdir().expect("temporary directory");
    let input = w.path().join("in");
    for sub in [
        "articles",
        "formats",
        "formats/html",
        "reports",
        "a-mirror",
        "z-mirror",
    ] {
        std::fs::create_dir_all(input.join(sub)).expect("mkdir");
    }
    let fixtures = root().join("fixtures");
    for (from, to) in [
        ("articles", "articles"),
        ("formats", "formats"),
        ("formats/html", "formats/html"),
    ] {
        for entry in std::fs::read_dir(fixtures.join(from)).expect("fixtures") {
            let entry = entry.expect("entry");
            if entry.file_type().expect("type").is_file() {
                std::fs::copy(entry.path(), input.join(to).join(entry.file_name())).expect("copy");
            }
        }
    }
    for (file, title, published, text) in REPORTS {
        let record =
            json!({"title": title, "outlet": "Wire", "published": published, "text": text});
        let line = format!("{record}\n");
        std::fs::write(input.join("reports").join(file), &line).expect("write");
        // The same content under other sources: one sorting before the original (kept by a
        // single ingest), one after it (dropped).
        if file.starts_with("quake") {
            std::fs::write(input.join("a-mirror").join(file), &line).expect("write");
        }
        if file.starts_with("bridge") {
            std::fs::write(input.join("z-mirror").join(file), &line).expect("write");
        }
    }
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from("in")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(w.path().join(&dir)).expect("read_dir") {
            let entry = entry.expect("entry");
            let rel = dir.join(entry.file_name());
            if entry.file_type().expect("type").is_dir() {
                dirs.push(rel);
            } else {
                files.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    (w, files)
}

/// Everything the read commands print about an index, as comparable strings; without
/// `scores`, search hits are compared without their `score` (their order still counts).
fn view(dir: &Path, index: &str, scores: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let all = ok(
        dir,
        &[
            "search", "--index", index, "--json", "--all", "--limit", "1000", "",
        ],
    );
    let ids: Vec<String> = all
        .lines()
        .map(|l| {
            let hit: Value = serde_json::from_str(l).expect("hit JSON");
            hit["id"].as_str().expect("id").to_string()
        })
        .collect();
    out.push(("ids".into(), all.clone()));
    for id in &ids {
        out.push((
            format!("show {id}"),
            ok(dir, &["show", "--index", index, "--json", id]),
        ));
    }
    for query in [
        "ceasefire",
        "Zorvanetz",
        "person:Erdogan",
        "Tellurinsk OR Palmarosa",
        "\"joint patrols\"",
        "earthquake AND published:[2021-04-01 TO 2021-04-30]",
    ] {
        let hits = ok(
            dir,
            &["search", "--index", index, "--json", "--limit", "5", query],
        );
        let hits = if scores {
            hits
        } else {
            ndjson(&hits)
                .into_iter()
                .map(|mut hit| {
                    hit.as_object_mut()
                        .expect("a hit is an object")
                        .remove("score");
                    format!("{hit}\n")
                })
                .collect()
        };
        out.push((format!("search {query}"), hits));
    }
    out.push((
        "stories".into(),
        ok(
            dir,
            &["stories", "--index", index, "--json", "--min-size", "1"],
        ),
    ));
    out.push((
        "entities".into(),
        ok(dir, &["entities", "--index", index, "--json"]),
    ));
    out.push((
        "quotes".into(),
        ok(dir, &["quotes", "--index", index, "--json", "--claims"]),
    ));
    out
}

/// Ingests `files` into shard `name` (exit 1 allowed: the empty shard's input fails).
fn ingest_shard(dir: &Path, name: &str, files: &[String]) {
    ingest_shard_with(dir, name, files, &[]);
}

/// [`ingest_shard`] with more ingest arguments.
fn ingest_shard_with(dir: &Path, name: &str, files: &[String], more: &[&str]) {
    let mut args = vec!["ingest", "--index", name, "--threads", "1"];
    args.extend(more);
    args.extend(files.iter().map(String::as_str));
    let out = newsdesk(dir, &args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "newsdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One copy per content id (the one a single ingest keeps), an empty shard changes nothing,
/// and the same ids, records, hits with their scores, stories, entities and quotes as one
/// ingest, whatever the split and the order of the shards.
#[test]
fn merged_shards_read_exactly_like_one_ingest() {
    check_merges(true);
}

/// Merges the inputs split into 2 (plus an empty shard) and 3 shards, in both orders, and
/// compares each merged index with one ingest of all inputs (hit scores too when `scores`).
fn check_merges(scores: bool) {
    let (w, files) = workdir();
    let dir = w.path();
    ok(
        dir,
        &["ingest", "--index", "single", "--threads", "2", "in"],
    );
    let expected = view(dir, "single", scores);
    let ids = &expected[0].1;
    // The seeds in every wrapping are three documents; the six reports, six more.
    assert_eq!(ids.lines().count(), 9, "{ids}");
    let kept: Vec<String> = expected
        .iter()
        .filter(|(what, _)| what.starts_with("show"))
        .map(|(_, record)| {
            let v: Value = serde_json::from_str(record).expect("record");
            v["source"].as_str().expect("source").to_string()
        })
        .collect();
    assert!(
        kept.iter().any(|s| s.starts_with("in/a-mirror/quake")),
        "{kept:?}"
    );
    assert!(
        !kept.iter().any(|s| s.starts_with("in/z-mirror/")),
        "{kept:?}"
    );
    assert!(
        expected
            .iter()
            .any(|(what, out)| what == "stories" && out.contains("near-duplicate")),
        "the copy of the quake report is found"
    );

    // Two splits: every other file into two shards (plus an empty shard), and three shards
    // round robin (ingested as the Spark job does, with profiles but no stories of their
    // own), each merged with the shards in two orders.
    let split = |n: usize| -> Vec<Vec<String>> {
        (0..n)
            .map(|k| files.iter().skip(k).step_by(n).cloned().collect())
            .collect()
    };
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    ingest_shard(dir, "empty", &["empty.txt".to_string()]);
    for n in [2, 3] {
        let mut names: Vec<String> = Vec::new();
        for (k, part) in split(n).iter().enumerate() {
            let name = format!("shard-{n}-{k}");
            if n == 3 {
                ingest_shard_with(dir, &name, part, &["--defer-stories"]);
                let (listed, _) = run(dir, &["stories", "--index", &name, "--json"], 0);
                assert_eq!(listed.trim(), "", "a deferred shard has no stories yet");
            } else {
                ingest_shard(dir, &name, part);
            }
            names.push(name);
        }
        if n == 2 {
            names.push("empty".into());
        }
        for reverse in [false, true] {
            let mut shards = names.clone();
            if reverse {
                shards.reverse();
            }
            let out = format!("merged-{n}-{reverse}");
            let mut args = vec!["merge", "--index", out.as_str()];
            args.extend(shards.iter().map(String::as_str));
            let (_, stderr) = run(dir, &args, 0);
            assert!(
                stderr.contains(&format!("merged {} shards", shards.len())),
                "{stderr}"
            );
            assert!(stderr.contains(" 9 kept,"), "{stderr}");
            let got = view(dir, &out, scores);
            for ((what, want), (_, found)) in expected.iter().zip(&got) {
                assert_eq!(found, want, "{what} differs after merging {shards:?}");
            }
            assert_eq!(got.len(), expected.len());
        }
    }
}

#[test]
fn bad_shards_and_targets_exit_2_naming_them() {
    let (w, files) = workdir();
    let dir = w.path();
    ingest_shard(dir, "good", &files[..2]);
    ingest_shard(dir, "old", &files[2..4]);
    std::fs::write(
        dir.join("old").join("newsdesk-schema.json"),
        r#"{"version": 1}"#,
    )
    .expect("write");
    let (_, stderr) = run(dir, &["merge", "--index", "out", "good", "old"], 2);
    assert!(
        stderr.starts_with("error: cannot merge into out: index at old has schema version 1"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!dir.join("out").exists());

    let (_, stderr) = run(dir, &["merge", "--index", "good", "good"], 2);
    assert!(stderr.contains("it already holds an index"), "{stderr}");
    let (_, stderr) = run(dir, &["merge", "--index", "out"], 2);
    assert!(stderr.contains("SHARD"), "usage error: {stderr}");
    ok(dir, &["merge", "--index", "out", "good"]);
    assert_eq!(
        view(dir, "out", true)[0].1.lines().count(),
        view(dir, "good", true)[0].1.lines().count()
    );
}

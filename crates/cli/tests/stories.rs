//! End-to-end tests of stories through the `newsdesk` binary: ingest stores them, `stories`
//! lists them, search collapses copies and understands `story:`, and the result depends
//! only on the documents (not their order, the thread count or how many ingests).
//!
//! The synthetic documents group by their content under any sensible grouping: copies of
//! one report differ by a sentence, and reports of one event share rare names, a quote
//! and the day; different events share nothing but common words.

use serde_json::{Value, json};
use std::path::Path;

mod common;
use common::*;

const QUAKE: &str = "A magnitude 6.1 earthquake struck Zorvanetz early on Monday, destroying \
    forty homes and injuring twelve people, the regional governor Mirelda Quastova said. \
    \"We are searching every street in Zorvanetz and we will not stop,\" Quastova told \
    reporters outside the town hall. Rescue teams from Brelgrad and Ostmark reached the \
    valley by evening after a landslide blocked the only road. The epicentre lay ten \
    kilometres below the village of Kettlewick, according to the Brelgrad seismological \
    institute, which recorded three aftershocks before noon. Schools in Zorvanetz and \
    Kettlewick will stay closed for the rest of the week while engineers inspect them. \
    The Vostrand Red Crescent sent blankets, tents and water for about two thousand people.";

const QUAKE_RETOLD: &str = "Twelve people were hurt and forty houses flattened when an \
    earthquake of magnitude 6.1 hit Zorvanetz on Monday morning, governor Mirelda Quastova \
    said. \"We are searching every street in Zorvanetz and we will not stop,\" Quastova \
    said. Kettlewick, the village above the epicentre, lost its bridge, and teams from \
    Brelgrad and Ostmark dug through the night. The Vostrand Red Crescent said it had \
    shipped tents to the valley.";

const BRIDGE: &str = "The Grenmoor suspension bridge in Tellurinsk opened to traffic on \
    Thursday after six years of work, mayor Oskar Venhaaldt said at the ribbon cutting. \
    \"Tellurinsk is finally one city again,\" Venhaaldt told the crowd of several hundred \
    residents. The 740-metre span replaces a ferry that carried commuters across the \
    Grenmoor river since 1952. Engineers from the Halvik consortium said the deck can \
    carry forty thousand vehicles a day.";

const BRIDGE_RETOLD: &str = "Tellurinsk celebrated on Thursday as the Grenmoor bridge, \
    delayed for years, finally opened. \"Tellurinsk is finally one city again,\" mayor \
    Oskar Venhaaldt said. The Halvik consortium built the 740-metre span, which ends the \
    ferry crossing of the Grenmoor river.";

const CHESS: &str = "Ines Whitcombe won the Palmarosa open chess tournament on Sunday, \
    beating the defending champion in a long endgame. Whitcombe, who is nineteen, said she \
    had prepared the opening with her coach for months. The tournament drew players from \
    thirty countries to the old casino of Palmarosa.";

/// One input document: file name, title, outlet, publication day, text.
struct Input {
    file: &'static str,
    title: &'static str,
    outlet: &'static str,
    published: &'static str,
    text: String,
}

fn inputs() -> Vec<Input> {
    let input = |file, title, outlet, published, text: &str| Input {
        file,
        title,
        outlet,
        published,
        text: text.to_string(),
    };
    vec![
        input(
            "a1.jsonl",
            "Earthquake hits Zorvanetz",
            "Northern Wire",
            "2021-04-12",
            QUAKE,
        ),
        // A syndicated copy, a day later: another headline and one sentence added.
        input(
            "a2.jsonl",
            "Quake injures twelve in Zorvanetz",
            "Southern Post",
            "2021-04-13",
            &format!("{QUAKE} This report was updated with the number of aftershocks."),
        ),
        input(
            "a3.jsonl",
            "Twelve hurt as quake hits Zorvanetz",
            "Valley Times",
            "2021-04-12",
            QUAKE_RETOLD,
        ),
        input(
            "b1.jsonl",
            "Grenmoor bridge opens in Tellurinsk",
            "Northern Wire",
            "2021-06-03",
            BRIDGE,
        ),
        input(
            "b2.jsonl",
            "Tellurinsk bridge finally opens",
            "Valley Times",
            "2021-06-03",
            BRIDGE_RETOLD,
        ),
        input(
            "c1.jsonl",
            "Whitcombe wins Palmarosa open",
            "Chess Weekly",
            "2021-05-09",
            CHESS,
        ),
    ]
}

/// A temporary directory holding the inputs, one JSON-lines file each.
fn workdir(inputs: &[Input]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for i in inputs {
        let record =
            json!({"title": i.title, "outlet": i.outlet, "published": i.published, "text": i.text});
        std::fs::write(dir.path().join(i.file), format!("{record}\n")).expect("write input");
    }
    dir
}

fn ingest(dir: &Path, index: &str, files: &[&str], extra: &[&str]) {
    let mut args = vec!["ingest", "--index", index];
    args.extend_from_slice(extra);
    args.extend_from_slice(files);
    ok(dir, &args);
}

fn stories_json(dir: &Path, index: &str, extra: &[&str]) -> String {
    let mut args = vec!["stories", "--index", index, "--json"];
    args.extend_from_slice(extra);
    ok(dir, &args)
}

/// Member sources (file names) of each story, stories sorted.
fn grouped_files(stories: &str) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = ndjson(stories)
        .iter()
        .map(|s| {
            let mut files: Vec<String> = s["documents"]
                .as_array()
                .expect("documents")
                .iter()
                .map(|d| {
                    let source = d["source"].as_str().expect("source");
                    source.split('#').next().unwrap_or(source).to_string()
                })
                .collect();
            files.sort();
            files
        })
        .collect();
    groups.sort();
    groups
}

const ALL: [&str; 6] = [
    "a1.jsonl", "a2.jsonl", "a3.jsonl", "b1.jsonl", "b2.jsonl", "c1.jsonl",
];

#[test]
fn stories_group_copies_and_reports_of_one_event() {
    let w = workdir(&inputs());
    ingest(w.path(), "idx", &ALL, &[]);
    let all = stories_json(w.path(), "idx", &["--min-size", "1"]);
    assert_eq!(
        grouped_files(&all),
        vec![
            vec!["a1.jsonl", "a2.jsonl", "a3.jsonl"],
            vec!["b1.jsonl", "b2.jsonl"],
            vec!["c1.jsonl"],
        ]
    );
    let records = ndjson(&all);
    // Largest first; every contract field present.
    let sizes: Vec<u64> = records
        .iter()
        .map(|s| s["size"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(sizes, [3, 2, 1]);
    let quake = &records[0];
    for key in [
        "id",
        "title",
        "first_published",
        "last_published",
        "why",
        "facts",
    ] {
        assert!(quake.get(key).is_some(), "missing {key}: {quake}");
    }
    assert_eq!(quake["first_published"], "2021-04-12");
    let docs = quake["documents"].as_array().expect("documents");
    let copy = docs
        .iter()
        .find(|d| {
            d["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("a2.jsonl"))
        })
        .expect("a2 in the story");
    let original = docs
        .iter()
        .find(|d| {
            d["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("a1.jsonl"))
        })
        .expect("a1 in the story");
    assert_eq!(copy["duplicate_of"], original["id"], "a2 is a copy of a1");
    assert!(original["duplicate_of"].is_null());

    // The default lists stories of two or more; --limit and a query restrict them.
    assert_eq!(grouped_files(&stories_json(w.path(), "idx", &[])).len(), 2);
    assert_eq!(
        grouped_files(&stories_json(w.path(), "idx", &["--limit", "1"])),
        vec![vec!["a1.jsonl", "a2.jsonl", "a3.jsonl"]]
    );
    assert_eq!(
        grouped_files(&stories_json(w.path(), "idx", &["Tellurinsk"])),
        vec![vec!["b1.jsonl", "b2.jsonl"]]
    );
    assert_eq!(
        grouped_files(&stories_json(w.path(), "idx", &["Whitcombe"])).len(),
        0
    );

    // The terminal view names the story, its outlets and its documents.
    let view = ok(w.path(), &["stories", "--index", "idx", "--limit", "1"]);
    assert!(view.contains(quake["id"].as_str().unwrap_or("?")), "{view}");
    assert!(
        view.contains("outlets:    Northern Wire, Southern Post, Valley Times"),
        "{view}"
    );
    assert!(view.contains("(copy of "), "{view}");
}

#[test]
fn search_collapses_copies_and_finds_stories_by_id() {
    let w = workdir(&inputs());
    ingest(w.path(), "idx", &ALL, &[]);
    let search = |extra: &[&str], query: &str| -> Vec<Value> {
        let mut args = vec!["search", "--index", "idx", "--json"];
        args.extend_from_slice(extra);
        args.push(query);
        ndjson(&ok(w.path(), &args))
    };
    let file = |h: &Value| -> String {
        let s = h["source"].as_str().unwrap_or("?");
        s.split('#').next().unwrap_or(s).to_string()
    };
    let collapsed = search(&[], "Zorvanetz");
    let mut files: Vec<String> = collapsed.iter().map(file).collect();
    files.sort();
    assert_eq!(files.len(), 2, "{collapsed:?}");
    assert!(files.contains(&"a3.jsonl".to_string()), "{files:?}");
    let shown_copy = collapsed
        .iter()
        .find(|h| file(h) != "a3.jsonl")
        .expect("one of the copies");
    assert_eq!(shown_copy["copies"], 1, "{shown_copy}");
    for h in &collapsed {
        assert!(h["story"].is_string(), "{h}");
        assert!(h.get("duplicate_of").is_some(), "{h}");
    }

    let all = search(&["--all"], "Zorvanetz");
    let mut files: Vec<String> = all.iter().map(file).collect();
    files.sort();
    assert_eq!(files, ["a1.jsonl", "a2.jsonl", "a3.jsonl"]);
    assert!(all.iter().all(|h| h.get("copies").is_none()), "{all:?}");
    let a2 = all.iter().find(|h| file(h) == "a2.jsonl").expect("a2");
    let a1 = all.iter().find(|h| file(h) == "a1.jsonl").expect("a1");
    assert_eq!(a2["duplicate_of"], a1["id"]);

    // story:ID finds the story's documents, and combines with other terms.
    let story = a1["story"].as_str().expect("story id").to_string();
    let members = search(&["--all"], &format!("story:{story}"));
    assert_eq!(members.len(), 3, "{members:?}");
    assert!(members.iter().all(|h| h["story"] == story.as_str()));
    let narrowed = search(&["--all"], &format!("story:\"{story}\" AND landslide"));
    let mut files: Vec<String> = narrowed.iter().map(file).collect();
    files.sort();
    assert_eq!(files, ["a1.jsonl", "a2.jsonl"]);
    assert!(search(&[], "story:nosuchstory").is_empty());

    // show names the story and the copies.
    let a1_id = a1["id"].as_str().expect("id");
    let shown = ndjson(&ok(w.path(), &["show", "--index", "idx", "--json", a1_id]));
    assert_eq!(shown[0]["story"]["id"], story.as_str());
    assert_eq!(shown[0]["story"]["size"], 3);
    assert_eq!(shown[0]["copies"], json!([a2["id"]]));
    let text = ok(w.path(), &["show", "--index", "idx", a1_id]);
    assert!(text.contains(&format!("story:      {story}")), "{text}");
    assert!(text.contains("copies:"), "{text}");
}

#[test]
fn stories_do_not_depend_on_input_order_threads_or_ingest_count() {
    let w = workdir(&inputs());
    ingest(w.path(), "one", &ALL, &["--threads", "1"]);
    let expected = stories_json(w.path(), "one", &["--min-size", "1"]);
    assert_eq!(grouped_files(&expected).len(), 3);

    let shuffled = [
        "c1.jsonl", "b2.jsonl", "a3.jsonl", "a1.jsonl", "b1.jsonl", "a2.jsonl",
    ];
    ingest(w.path(), "four", &shuffled, &["--threads", "4"]);
    assert_eq!(
        stories_json(w.path(), "four", &["--min-size", "1"]),
        expected
    );

    // Two ingests (the second adds to every story) equal one.
    ingest(w.path(), "two", &["a3.jsonl", "b2.jsonl"], &[]);
    ingest(
        w.path(),
        "two",
        &["a1.jsonl", "a2.jsonl", "b1.jsonl", "c1.jsonl"],
        &[],
    );
    assert_eq!(
        stories_json(w.path(), "two", &["--min-size", "1"]),
        expected
    );

    // Ingesting the same inputs again changes nothing, files included.
    let files_of = |index: &str| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(w.path().join(index).join("stories"))
            .expect("stories directory")
            .map(|e| {
                let e = e.expect("entry");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = files_of("two");
    ingest(w.path(), "two", &ALL, &[]);
    assert_eq!(files_of("two"), before);
}

#[test]
fn a_bridging_document_merges_two_stories() {
    // Two reports of the quake, each naming different people and places, and a third
    // that carries both: before it they share nothing rare, after it they are one story.
    let west = "Rescuers pulled two survivors from a collapsed bakery in Zorvanetz on \
        Monday, fire chief Anselm Dravecky said. \"The bakery ovens were still warm,\" \
        Dravecky said of the building on Quillon Street. The quake struck before dawn.";
    let east = "In Kettlewick, the Brelgrad seismological institute counted three \
        aftershocks on Monday, its director Hesper Voss said. \"Kettlewick sits right above \
        the fault,\" Voss said, urging families to sleep in tents near the Ostmark road.";
    let both = format!("{west} {east}");
    let docs = vec![
        Input {
            file: "w.jsonl",
            title: "Survivors found in Zorvanetz bakery",
            outlet: "Northern Wire",
            published: "2021-04-12",
            text: west.to_string(),
        },
        Input {
            file: "e.jsonl",
            title: "Aftershocks rattle Kettlewick",
            outlet: "Valley Times",
            published: "2021-04-12",
            text: east.to_string(),
        },
        Input {
            file: "we.jsonl",
            title: "Quake: survivors in Zorvanetz, aftershocks in Kettlewick",
            outlet: "Southern Post",
            published: "2021-04-13",
            text: both,
        },
    ];
    let w = workdir(&docs);
    ingest(w.path(), "idx", &["w.jsonl", "e.jsonl"], &[]);
    let before = stories_json(w.path(), "idx", &["--min-size", "1"]);
    assert_eq!(
        grouped_files(&before),
        vec![vec!["e.jsonl"], vec!["w.jsonl"]],
        "two stories before the bridge"
    );
    ingest(w.path(), "idx", &["we.jsonl"], &[]);
    let after = stories_json(w.path(), "idx", &["--min-size", "1"]);
    assert_eq!(
        grouped_files(&after),
        vec![vec!["e.jsonl", "w.jsonl", "we.jsonl"]],
        "one story after it"
    );
    // The merged story keeps the id of its earliest member's story.
    let merged = &ndjson(&after)[0];
    let first = merged["documents"][0]["id"].as_str().expect("first member");
    let earliest_story = ndjson(&before)
        .into_iter()
        .find(|s| s["documents"][0]["id"] == first)
        .expect("the earliest member had a story");
    assert_eq!(merged["id"], earliest_story["id"]);

    ingest(w.path(), "once", &["we.jsonl", "e.jsonl", "w.jsonl"], &[]);
    assert_eq!(stories_json(w.path(), "once", &["--min-size", "1"]), after);
}

#[test]
fn seeds_story_snapshot() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let index = tmp.path().join("seeds");
    let index_arg = index.to_string_lossy().into_owned();
    let out = newsdesk(
        &root(),
        &[
            "ingest",
            "--index",
            &index_arg,
            "--published",
            "2020-03-05",
            "fixtures/articles",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stories = ndjson(&ok(&root(), &["stories", "--index", &index_arg, "--json"]));
    assert_eq!(
        stories.len(),
        1,
        "the three seeds form one story: {stories:?}"
    );
    assert_eq!(stories[0]["size"], 3);
    insta::assert_json_snapshot!("seeds_story", stories[0]);
}

//! Quotes, quantities, dates and claims of the seed articles: every hand-checked fact in
//! `../shared/gold/seeds.json` is found (when that file is present), and the full
//! output of each article is snapshotted. Quotes run with no entities so the
//! snapshots do not depend on the entity recogniser.
use chrono::NaiveDate;
use newsdesk_extract::{Facts, facts, timeml_dates};
use newsdesk_model::{Article, Entity};
use proptest::prelude::*;
use std::path::PathBuf;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 3, 5)
}

/// The facts of `text`, quote speakers from `entities`, through the public
/// [`facts`]; the dates tests call [`timeml_dates`] for TimeML values.
fn facts_of(text: &str, entities: &[Entity]) -> Facts {
    let article = Article {
        text: text.to_string(),
        ..Article::default()
    };
    facts(&article, entities)
}

fn seeds() -> Vec<(String, String)> {
    let dir = manifest().join("../../fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().to_string();
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    name.ends_with(".txt").then_some((name, text))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn seed_snapshots() {
    let all = seeds();
    assert_eq!(all.len(), 3, "seed fixtures missing");
    for (name, text) in all {
        let stem = name.trim_end_matches(".txt");
        let Facts {
            quotes: q,
            quantities: n,
            claims: c,
            ..
        } = facts_of(&text, &[]);
        insta::assert_json_snapshot!(format!("{stem}_quotes"), q);
        insta::assert_json_snapshot!(format!("{stem}_quantities"), n);
        insta::assert_json_snapshot!(format!("{stem}_claims"), c);
        let d = timeml_dates(&text, published());
        insta::assert_json_snapshot!(format!("{stem}_dates"), d);
    }
}

fn gold_path() -> PathBuf {
    manifest().join("../../../shared/gold/seeds.json")
}

fn surname_matches(speaker: Option<&str>, gold: &str) -> bool {
    speaker.is_some_and(|s| {
        s.split_whitespace()
            .any(|w| w == gold || w.ends_with(&format!("-{gold}")))
    })
}

#[test]
fn seed_gold_facts() {
    let path = gold_path();
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("skipping: {} is absent", path.display());
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&raw).expect("seeds.json parses");
    let mut failures = Vec::new();
    // raw fixtures, and the same text as normalise leaves it (caption paragraphs
    // dropped, backtick apostrophes fixed)
    let variants = seeds().into_iter().flat_map(|(name, text)| {
        let cleaned = text
            .split("\n\n")
            .filter(|p| !p.trim_end().ends_with(']'))
            .collect::<Vec<_>>()
            .join("\n\n")
            .replace('`', "'");
        [
            (name.clone(), text),
            (format!("{name} (normalised)"), cleaned),
        ]
    });
    for (label, text) in variants {
        let name = label.split(' ').next().unwrap_or_default().to_string();
        let g = &gold["articles"][&name];
        let Facts {
            quotes: qs,
            quantities: ns,
            ..
        } = facts_of(&text, &[]);
        for want in g["quotes"].as_array().into_iter().flatten() {
            let frag = want["fragment"].as_str().unwrap_or_default();
            let speaker = want["speaker"].as_str().unwrap_or_default();
            match qs.iter().find(|q| q.text.contains(frag)) {
                Some(q) if surname_matches(q.speaker.as_deref(), speaker) => {}
                other => failures.push(format!(
                    "{label}: quote {frag:?} by {speaker}: got {other:?}"
                )),
            }
        }
        if g["quotes"].as_array().is_some_and(Vec::is_empty) {
            for q in qs.iter().filter(|q| q.speaker.is_some()) {
                failures.push(format!("{label}: unexpected attributed quote {q:?}"));
            }
        }
        for want in g["quantities"].as_array().into_iter().flatten() {
            let frag = want["fragment"].as_str().unwrap_or_default();
            let value = want["value"].as_f64().unwrap_or(f64::NAN);
            let tol = want["tolerance"].as_f64().unwrap_or(1e-6).max(1e-6);
            // a dual-unit quantity carries the value of its first unit
            let ok = ns.iter().any(|q| {
                q.text.contains(frag)
                    && ((q.value - value).abs() <= value.abs() * tol
                        || (q.text.contains('(') && !q.text.starts_with(frag)))
                    && want["unit"]
                        .as_str()
                        .is_none_or(|u| q.unit.as_deref() == Some(u))
                    && want["qualifier"]
                        .as_str()
                        .is_none_or(|w| q.qualifier.as_deref() == Some(w))
            });
            if !ok {
                failures.push(format!("{label}: quantity {frag:?} = {value}"));
            }
        }
        let ds = timeml_dates(&text, published());
        for want in g["dates"].as_array().into_iter().flatten() {
            let frag = want["fragment"].as_str().unwrap_or_default();
            let value = want["value"].as_str().unwrap_or_default();
            if !text.contains(frag) {
                continue; // in a caption that normalise removes
            }
            if !ds.iter().any(|d| d.text.contains(frag) && d.value == value) {
                failures.push(format!(
                    "{label}: date {frag:?} = {value}: got {:?}",
                    ds.iter().map(|d| (&d.text, &d.value)).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn assert_spans(text: &str, spans: &[(usize, usize)]) {
    for &(s, e) in spans {
        assert!(s <= e && e <= text.len(), "{s}..{e} outside {}", text.len());
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{s}..{e} not on char boundaries"
        );
    }
}

fn check_all(text: &str) {
    let Facts {
        quotes: q,
        quantities: n,
        ..
    } = facts_of(text, &[]);
    assert_spans(
        text,
        &q.iter().map(|q| (q.start, q.end)).collect::<Vec<_>>(),
    );
    assert_spans(
        text,
        &n.iter().map(|q| (q.start, q.end)).collect::<Vec<_>>(),
    );
    for x in &n {
        assert_eq!(text.get(x.start..x.end), Some(x.text.as_str()));
    }
    let d = timeml_dates(text, published());
    assert_spans(
        text,
        &d.iter().map(|q| (q.start, q.end)).collect::<Vec<_>>(),
    );
    for x in &d {
        assert_eq!(text.get(x.start..x.end), Some(x.text.as_str()));
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,300}") {
        check_all(&s);
    }

    #[test]
    fn never_panics_on_quote_heavy_text(s in "([\"“”‘’'«»`a-zA-Z0-9.,:;$£€%()\\[\\]\\- \n]|said|told|He|Erdogan|March|Friday|km|million|at least|22:00|00.01|\u{e9}|\u{1F600}){0,120}") {
        check_all(&s);
    }

    #[test]
    fn never_panics_with_arbitrary_entities(
        s in "([\"“”‘’'a-zA-Z.,:;()\\- \n]|said|told|He|Erdogan|Putin|Mr\\.|Rep\\.|according to){0,80}",
        spans in proptest::collection::vec((0usize..400, 0usize..60, 0u8..4), 0..8),
    ) {
        let entities: Vec<newsdesk_model::Entity> = spans
            .iter()
            .map(|&(start, len, l)| newsdesk_model::Entity {
                label: match l {
                    0 => newsdesk_model::Label::Person,
                    1 => newsdesk_model::Label::Org,
                    2 => newsdesk_model::Label::Loc,
                    _ => newsdesk_model::Label::Misc,
                },
                name: "Some Name".into(),
                mentions: vec![newsdesk_model::Mention {
                    start,
                    end: start + len,
                    text: String::new(),
                }],
            })
            .collect();
        let q = facts_of(&s, &entities).quotes;
        assert_spans(&s, &q.iter().map(|q| (q.start, q.end)).collect::<Vec<_>>());
    }

    #[test]
    fn never_panics_on_seed_slices(start in 0usize..12000, len in 0usize..3000, which in 0usize..3) {
        let all = seeds();
        if let Some((_, text)) = all.get(which) {
            let mut a = start.min(text.len());
            while !text.is_char_boundary(a) { a -= 1; }
            let mut b = (a + len).min(text.len());
            while !text.is_char_boundary(b) { b -= 1; }
            check_all(&text[a..b]);
        }
    }
}

#[test]
fn seed_claims_keep_their_speakers() {
    // (seed file, words the claim's text starts with, speaker surname, cue)
    let cases = [
        (
            "001_4ab497166198e562.txt",
            "Turkey and Russia will work together",
            "Erdogan",
            "indicated",
        ),
        (
            "000_c3fdc311a6ea0004.txt",
            "612 Syrian civilians have been killed",
            "Helmets",
            "according to",
        ),
    ];
    let all = seeds();
    for (file, start, surname, cue) in cases {
        let Some((_, text)) = all.iter().find(|(n, _)| n == file) else {
            panic!("seed {file} missing");
        };
        let claims = facts_of(text, &[]).claims;
        let found = claims.iter().find(|c| c.text.starts_with(start));
        assert!(
            found
                .is_some_and(|c| surname_matches(c.speaker.as_deref(), surname)
                    && c.cue.as_deref() == Some(cue)),
            "{file}: no claim {start:?} by {surname} ({cue}) in {claims:#?}"
        );
    }
}

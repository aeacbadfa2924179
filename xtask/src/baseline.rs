//! The benchmark's baseline: a minimal Tantivy indexer with the same Tantivy
//! version and a title/body schema (English stemming, positions), no extraction.

use anyhow::Context;
use std::io::BufRead;
use std::path::Path;
use std::time::Instant;
use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// The writer's memory budget, the same as newsdesk's.
const MEMORY: usize = 128 * 1024 * 1024;

/// Indexes the JSON-lines corpus into a fresh `dir`; returns the seconds it took.
pub(crate) fn index(corpus: &Path, dir: &Path) -> anyhow::Result<f64> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let start = Instant::now();
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let id = builder.add_text_field("id", tantivy::schema::STRING | STORED);
    let title = builder.add_text_field("title", text.clone() | STORED);
    let body = builder.add_text_field("body", text);
    let schema = builder.build();
    let index = Index::create_in_dir(dir, schema).context("cannot create the baseline index")?;
    let mut writer: IndexWriter = index.writer(MEMORY)?;
    let file = std::fs::File::open(corpus)?;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let mut doc = TantivyDocument::default();
        doc.add_text(id, n.to_string());
        doc.add_text(title, v["title"].as_str().unwrap_or(""));
        doc.add_text(body, v["text"].as_str().unwrap_or(""));
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(start.elapsed().as_secs_f64())
}

//! Per-stage throughput, measured in process on one thread over a sample of the corpus.

use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

/// `cargo xtask stages [--corpus FILE] [--mb N]`: prints [`measure`]'s figures.
pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut corpus = crate::root().join("target/bench/corpus-medium.jsonl");
    let mut mb = 20.0f64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => {
                corpus = it
                    .next()
                    .ok_or_else(|| anyhow::anyhow!("--corpus needs a file"))?
                    .into()
            }
            "--mb" => {
                mb = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|v: &f64| *v > 0.0)
                    .ok_or_else(|| anyhow::anyhow!("--mb needs a positive number"))?
            }
            other => anyhow::bail!("unknown option `{other}` (stages [--corpus FILE] [--mb N])"),
        }
    }
    if !corpus.is_file() {
        anyhow::bail!(
            "no corpus at {} (run `cargo xtask bench --tier medium` once, or pass --corpus)",
            corpus.display()
        );
    }
    println!("stages: first {mb} MB of {}", corpus.display());
    for (name, value) in measure(&corpus, (mb * 1e6) as usize)? {
        println!("  {name:<18} {value:.1}");
    }
    Ok(())
}

/// Measures decode+normalise, the entity tagger, quotes+quantities+dates and index
/// writing over the first `sample_bytes` of the corpus. Returns named figures.
pub(crate) fn measure(
    corpus: &Path,
    sample_bytes: usize,
) -> anyhow::Result<Vec<(&'static str, f64)>> {
    let file = std::fs::File::open(corpus)?;
    let options = newsdesk_ingest::ReadOptions::default();
    let mut raws = Vec::new();
    let mut bytes = 0usize;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        bytes += line.len() + 1;
        newsdesk_ingest::parse_bytes(
            &format!("bench#L{}", n + 1),
            line.as_bytes(),
            &newsdesk_ingest::ReadOptions {
                format: newsdesk_model::Format::Jsonl,
                ..options.clone()
            },
            &mut |item| {
                if let Ok(raw) = item {
                    raws.push(raw);
                }
            },
        );
        if bytes >= sample_bytes {
            break;
        }
    }
    let mb = bytes as f64 / 1e6;
    let config = newsdesk_normalise::Config::default();
    // Load the model, lexicons and patterns before timing: a one-off cost per
    // process (about 45 ms for the tagger), not a per-document one.
    if let Some(first) = raws.first().cloned()
        && let Ok(a) = newsdesk_normalise::normalise(first, &config)
    {
        let e = newsdesk_extract::entities(&a.text);
        let _ = newsdesk_extract::facts(&a, &e);
    }

    let t = Instant::now();
    let articles: Vec<newsdesk_model::Article> = raws
        .into_iter()
        .filter_map(|r| newsdesk_normalise::normalise(r, &config).ok())
        .collect();
    let normalise_mb_s = mb / t.elapsed().as_secs_f64();
    let text_mb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;

    let t = Instant::now();
    let mut tokens = 0usize;
    let mut entities = Vec::with_capacity(articles.len());
    for a in &articles {
        tokens += newsdesk_extract::tokenize(&a.text).len();
        entities.push(newsdesk_extract::entities(&a.text));
    }
    let ner_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut found = 0usize;
    for (a, e) in articles.iter().zip(&entities) {
        found += newsdesk_extract::facts(a, e).len();
    }
    let facts_secs = t.elapsed().as_secs_f64();
    // the dates alone (a part of facts): the patterns scan every text
    let t = Instant::now();
    for a in &articles {
        found += newsdesk_extract::timeml_dates(&a.text, a.published).len();
    }
    let dates_secs = t.elapsed().as_secs_f64();
    std::hint::black_box(found);

    let config = newsdesk_extract::Config::default();
    let docs: Vec<newsdesk_model::Document> = articles
        .into_iter()
        .map(|a| {
            let extraction = newsdesk_extract::extract(&a, &config);
            newsdesk_model::Document {
                article: a,
                extraction,
            }
        })
        .collect();
    let dir = crate::root().join("target/bench/stage-index");
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let index = newsdesk_index::Index::create_or_open(&dir)?;
    let mut writer = index.writer(128 * 1024 * 1024)?;
    for d in &docs {
        writer.upsert(d)?;
    }
    writer.commit()?;
    let index_secs = t.elapsed().as_secs_f64();
    drop(writer);
    let _ = std::fs::remove_dir_all(&dir);

    Ok(vec![
        ("normalise_mb_s", normalise_mb_s),
        ("ner_tokens_s", tokens as f64 / ner_secs),
        ("ner_mb_s", text_mb / ner_secs),
        ("facts_mb_s", text_mb / facts_secs),
        ("facts_dates_mb_s", text_mb / dates_secs),
        ("index_write_mb_s", text_mb / index_secs),
    ])
}

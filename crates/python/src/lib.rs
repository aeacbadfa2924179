//! The Python package `newsdesk`: the pipeline of [`newsdesk_cli`] as Python functions.
//!
//! Built by maturin into an abi3 wheel (CPython 3.9 and later) whose native module
//! `newsdesk._newsdesk` the pure-Python `newsdesk/__init__.py` re-exports, beside the type
//! stubs (`__init__.pyi`, `py.typed`). Every function releases the GIL while Rust works;
//! the batch forms run on Rust (rayon) threads. A record is the object
//! `newsdesk extract --json` prints, built from the very same JSON text, so the two are
//! equal field for field. Failures raise `newsdesk.NewsdeskError` naming the document.
//!
//! ```python
//! import newsdesk
//! doc = newsdesk.extract("Turkey and Russia agreed a ceasefire, officials said on Thursday.",
//!                        published="2020-03-07")
//! print(doc["entities"][0]["name"], doc["dates"][0]["value"])
//! ```
//!
//! The crate has no Rust tests: a test binary would have to link libpython. Its tests are
//! the pytest suite in `crates/python/tests`, run against the built wheel by `.ci/python`.

mod args;

use args::{Data, OnError};
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use std::path::PathBuf;

pyo3::create_exception!(
    newsdesk,
    NewsdeskError,
    PyException,
    "A document could not be processed, or the index could not be used. The message names \
     the documents; `failures` (when set) lists one line per failed document."
);

/// The source of a document handed in as a value: the name `newsdesk extract -` gives
/// standard input, so that records are the same as the binary's for the same bytes.
const STDIN: &str = "-";

/// Python's `json.loads`, imported once.
static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python object of one record, from the JSON text `extract --json` prints for it.
fn record(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    Ok(LOADS.import(py, "json", "loads")?.call1((json,))?.unbind())
}

/// The records of one input in memory, serialised as `extract --json` prints them.
fn records(
    source: &str,
    bytes: &[u8],
    options: &newsdesk_cli::Options,
) -> Vec<Result<String, String>> {
    newsdesk_cli::extract_bytes(source, bytes, options)
        .into_iter()
        .map(|r| {
            r.and_then(|doc| {
                serde_json::to_string(&doc)
                    .map_err(|e| format!("{source}: cannot serialise the document: {e}"))
            })
        })
        .collect()
}

/// Extract one document: the record ``newsdesk extract --json`` prints for it, as a dict.
///
/// ``data`` is the document: a ``str``, or ``bytes`` in any character set. ``format`` is
/// ``"auto"`` (decided from ``source``'s extension and the first bytes), ``"text"`` (the
/// whole value is one article body), ``"html"``, or a container format (``"jsonl"``,
/// ``"warc"``, ``"feed"``) holding exactly one document; ``extract_records`` takes
/// containers of any size. ``published`` (``"YYYY-MM-DD"`` or a ``datetime.date``) is the
/// date assumed when the document carries none; relative dates resolve against it.
/// ``source`` names the document in the record and in errors (default ``"-"``, as
/// ``newsdesk extract -`` names standard input).
///
/// Raises ``NewsdeskError`` naming the document when it cannot be processed (empty, no
/// text, not a document) and ``ValueError`` for a bad argument.
#[pyfunction]
#[pyo3(signature = (data, *, format = "auto".to_string(), published = None, source = None))]
#[pyo3(text_signature = "(data, *, format='auto', published=None, source=None)")]
fn extract(
    py: Python<'_>,
    data: Data,
    format: String,
    published: Option<&Bound<'_, PyAny>>,
    source: Option<String>,
) -> PyResult<Py<PyAny>> {
    let options = args::options(&format, published, None)?;
    let source = source.unwrap_or_else(|| STDIN.to_string());
    let mut found = py.detach(|| records(&source, data.bytes(), &options));
    match found.len() {
        1 => match found.remove(0) {
            Ok(json) => record(py, &json),
            Err(message) => Err(NewsdeskError::new_err(message)),
        },
        0 => Err(NewsdeskError::new_err(format!(
            "{source}: no document in the input"
        ))),
        n => Err(NewsdeskError::new_err(format!(
            "{source}: the input holds {n} documents; extract_records returns them all"
        ))),
    }
}

/// Extract every document of one input (a JSON lines, WARC or feed container, or a single
/// document), in order: a list of records as ``extract`` returns them.
///
/// With ``errors="raise"`` (the default), a failed document raises ``NewsdeskError``
/// after the others were processed, naming the failures (its ``failures`` attribute lists
/// them all); with ``errors="ignore"`` failed documents are left out.
#[pyfunction]
#[pyo3(signature = (data, *, format = "auto".to_string(), published = None, source = None, errors = "raise".to_string()))]
#[pyo3(text_signature = "(data, *, format='auto', published=None, source=None, errors='raise')")]
fn extract_records(
    py: Python<'_>,
    data: Data,
    format: String,
    published: Option<&Bound<'_, PyAny>>,
    source: Option<String>,
    errors: String,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = args::options(&format, published, None)?;
    let on_error = OnError::parse(&errors)?;
    let source = source.unwrap_or_else(|| STDIN.to_string());
    let found = py.detach(|| records(&source, data.bytes(), &options));
    collect(py, found, on_error, "")
}

/// Records for the good documents; the failures raised or left out as `on_error` says.
fn collect(
    py: Python<'_>,
    found: Vec<Result<String, String>>,
    on_error: OnError,
    what: &str,
) -> PyResult<Vec<Py<PyAny>>> {
    let mut out = Vec::with_capacity(found.len());
    let mut failures = Vec::new();
    for r in found {
        match r {
            Ok(json) => out.push(record(py, &json)?),
            Err(message) => failures.push(message),
        }
    }
    if on_error == OnError::Raise && !failures.is_empty() {
        return Err(args::failures_error(py, what, &failures));
    }
    Ok(out)
}

/// Extract many documents on Rust threads, with the GIL released: one record per
/// document, in input order.
///
/// ``docs`` is a sequence of ``str`` or ``bytes``, one document each (as ``extract``
/// takes them); ``sources`` optionally names them (default ``"-"``). ``threads`` is the
/// number of worker threads (default: every core). With ``errors="raise"`` (the
/// default), failed documents raise ``NewsdeskError`` after all were processed, naming
/// them by position (``docs[3]``) and message; with ``errors="ignore"`` a failed
/// document gives ``None`` in its place.
#[pyfunction]
#[pyo3(signature = (docs, *, format = "auto".to_string(), published = None, sources = None, threads = None, errors = "raise".to_string()))]
#[pyo3(
    text_signature = "(docs, *, format='auto', published=None, sources=None, threads=None, errors='raise')"
)]
fn extract_many(
    py: Python<'_>,
    docs: Vec<Data>,
    format: String,
    published: Option<&Bound<'_, PyAny>>,
    sources: Option<Vec<PyBackedStr>>,
    threads: Option<usize>,
    errors: String,
) -> PyResult<Vec<Option<Py<PyAny>>>> {
    let options = args::options(&format, published, threads)?;
    let on_error = OnError::parse(&errors)?;
    if let Some(s) = sources.as_ref().filter(|s| s.len() != docs.len()) {
        return Err(PyValueError::new_err(format!(
            "sources has {} names for {} documents",
            s.len(),
            docs.len()
        )));
    }
    let inputs: Vec<(&str, &[u8])> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let source = sources
                .as_ref()
                .and_then(|s| s.get(i))
                .map_or(STDIN, |s| &**s);
            (source, d.bytes())
        })
        .collect();
    let found = py
        .detach(|| newsdesk_cli::extract_many_json(&inputs, &options))
        .map_err(|e| NewsdeskError::new_err(format!("{e:#}")))?;
    let mut out = Vec::with_capacity(found.len());
    let mut failures = Vec::new();
    for (i, mut results) in found.into_iter().enumerate() {
        let one = match results.len() {
            1 => results.remove(0),
            0 => Err(format!("{}: no document in the input", inputs[i].0)),
            n => Err(format!(
                "{}: the input holds {n} documents; extract_records returns them all",
                inputs[i].0
            )),
        };
        match one {
            Ok(json) => out.push(Some(record(py, &json)?)),
            Err(message) => {
                failures.push(format!("docs[{i}]: {message}"));
                out.push(None);
            }
        }
    }
    if on_error == OnError::Raise && !failures.is_empty() {
        return Err(args::failures_error(py, "", &failures));
    }
    Ok(out)
}

/// Extract every document of files and directories (walked recursively, in byte-wise
/// path order), as ``newsdesk extract --json PATH...`` does: a list of records in input
/// order. ``threads`` is the number of cores to use (default: all).
///
/// With ``errors="raise"`` (the default), failed documents raise ``NewsdeskError``
/// after all others were processed, naming them; with ``errors="ignore"`` they are left out.
#[pyfunction]
#[pyo3(signature = (paths, *, format = "auto".to_string(), published = None, threads = None, errors = "raise".to_string()))]
#[pyo3(text_signature = "(paths, *, format='auto', published=None, threads=None, errors='raise')")]
fn extract_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    format: String,
    published: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
    errors: String,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = args::options(&format, published, threads)?;
    let on_error = OnError::parse(&errors)?;
    let (lines, summary) = py
        .detach(|| {
            let mut lines = Vec::new();
            let summary = newsdesk_cli::extract(&paths, &options, &mut |doc| {
                lines.push(serde_json::to_string(doc)?);
                Ok(())
            })?;
            anyhow::Ok((lines, summary))
        })
        .map_err(|e| NewsdeskError::new_err(format!("{e:#}")))?;
    if on_error == OnError::Raise && !summary.failures.is_empty() {
        return Err(args::failures_error(py, "", &summary.failures));
    }
    lines.iter().map(|json| record(py, json)).collect()
}

/// Ingest files and directories into the index directory ``index`` (created if absent),
/// as ``newsdesk ingest --index INDEX PATH...`` does: unchanged inputs are skipped, and
/// with ``stories`` (the default) the stories are brought up to date. Returns a summary
/// dict: ``read``, ``indexed``, ``replaced``, ``unchanged``, ``failed``, ``extracted``
/// (documents that went through extraction: an input already processed, or whose
/// cleaned text is already indexed, is not extracted again), ``failures`` (one
/// line per failed document) and ``stories_error`` (``None`` unless updating the stories
/// failed).
///
/// A failed document never stops the run: every other one is indexed. With
/// ``errors="raise"`` (the default) failures then raise ``NewsdeskError`` naming them
/// (its ``failures`` attribute lists them all, its ``summary`` attribute is the summary);
/// with ``errors="ignore"`` they are only listed in the summary. An index that cannot be
/// opened or written always raises ``NewsdeskError``.
#[pyfunction]
#[pyo3(signature = (paths, index, *, format = "auto".to_string(), published = None, threads = None, stories = true, commit_every = 10_000, errors = "raise".to_string()))]
#[pyo3(
    text_signature = "(paths, index, *, format='auto', published=None, threads=None, stories=True, commit_every=10000, errors='raise')"
)]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn ingest(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    index: PathBuf,
    format: String,
    published: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
    stories: bool,
    commit_every: u64,
    errors: String,
) -> PyResult<Py<PyDict>> {
    let options = args::options(&format, published, threads)?;
    let on_error = OnError::parse(&errors)?;
    if commit_every == 0 {
        return Err(PyValueError::new_err("commit_every must be at least 1"));
    }
    let ingest = newsdesk_cli::IngestOptions {
        commit_every,
        stories,
        profiles: stories,
    };
    let summary = py
        .detach(|| newsdesk_cli::ingest(&paths, &index, &options, &ingest))
        .map_err(|e| NewsdeskError::new_err(format!("{e:#}")))?;
    let dict = PyDict::new(py);
    dict.set_item("read", summary.read)?;
    dict.set_item("indexed", summary.indexed)?;
    dict.set_item("replaced", summary.replaced)?;
    dict.set_item("unchanged", summary.unchanged)?;
    dict.set_item("failed", summary.failed)?;
    dict.set_item("extracted", summary.extracted)?;
    dict.set_item("failures", &summary.failures)?;
    dict.set_item("stories_error", &summary.stories_error)?;
    if on_error == OnError::Raise {
        let err = if !summary.failures.is_empty() {
            let into = format!(" to ingest into {}", index.display());
            Some(args::failures_error(py, &into, &summary.failures))
        } else {
            summary
                .stories_error
                .as_ref()
                .map(|e| NewsdeskError::new_err(format!("{}: {e}", index.display())))
        };
        if let Some(err) = err {
            // As for `failures`: the message alone is enough if this ever failed.
            let _ = err.value(py).setattr("summary", &dict);
            return Err(err);
        }
    }
    Ok(dict.unbind())
}

/// The native module; `newsdesk/__init__.py` re-exports it.
#[pymodule]
#[pyo3(name = "_newsdesk")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_records, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_paths, m)?)?;
    m.add_function(wrap_pyfunction!(ingest, m)?)?;
    m.add("NewsdeskError", m.py().get_type::<NewsdeskError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

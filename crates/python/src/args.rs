//! The Python arguments shared by the functions, parsed into the pipeline's options.

use crate::NewsdeskError;
use chrono::NaiveDate;
use newsdesk_model::Format;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

/// A document handed in from Python: `str` (UTF-8) or bytes (`bytes`, `bytearray`:
/// any character set, decoded as the files of a run are).
#[derive(FromPyObject)]
pub(crate) enum Data {
    /// A `str`.
    Str(PyBackedStr),
    /// A `bytes` or `bytearray`.
    Bytes(PyBackedBytes),
}

impl Data {
    /// The document's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Data::Str(s) => s.as_bytes(),
            Data::Bytes(b) => b,
        }
    }
}

/// What to do with a document that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnError {
    /// Process every other document, then raise `NewsdeskError` naming the failures.
    Raise,
    /// Leave the failures out (or `None` in their place, for `extract_many`).
    Ignore,
}

impl OnError {
    pub(crate) fn parse(s: &str) -> PyResult<OnError> {
        match s {
            "raise" => Ok(OnError::Raise),
            "ignore" => Ok(OnError::Ignore),
            other => Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"ignore\", not {other:?}"
            ))),
        }
    }
}

/// The pipeline's options from the keyword arguments every function takes.
pub(crate) fn options(
    format: &str,
    published: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<newsdesk_cli::Options> {
    let format = format
        .parse::<Format>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    Ok(newsdesk_cli::Options {
        format,
        published: published.map(date).transpose()?,
        threads,
        pin_cores: false,
        quiet: true,
    })
}

/// `published`: a `YYYY-MM-DD` string or a `datetime.date` (or `datetime`, whose date is used).
fn date(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let text: String = if let Ok(s) = value.extract::<PyBackedStr>() {
        s.to_string()
    } else if value.hasattr("strftime")? {
        value.call_method1("strftime", ("%Y-%m-%d",))?.extract()?
    } else {
        return Err(PyTypeError::new_err(
            "published must be a YYYY-MM-DD string or a datetime.date",
        ));
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        PyValueError::new_err(format!("`{text}` is not a date of the form YYYY-MM-DD"))
    })
}

/// The most failures a `NewsdeskError` message lists (its `failures` attribute has them all).
const LISTED: usize = 5;

/// A `NewsdeskError` for failed documents: the message names the first few, and the
/// exception's `failures` attribute lists every one.
pub(crate) fn failures_error(py: Python<'_>, what: &str, failures: &[String]) -> PyErr {
    let mut message = format!(
        "{} document{} failed{what}: {}",
        failures.len(),
        if failures.len() == 1 { "" } else { "s" },
        failures
            .iter()
            .take(LISTED)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("; ")
    );
    if failures.len() > LISTED {
        message.push_str(&format!("; and {} more", failures.len() - LISTED));
    }
    let err = NewsdeskError::new_err(message);
    // Setting an attribute on a fresh exception instance does not fail in practice;
    // if it did, the message alone still names the documents.
    let _ = err.value(py).setattr("failures", failures.to_vec());
    err
}

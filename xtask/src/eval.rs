//! `cargo xtask eval <what>`: scores newsdesk against the evaluation data in
//! `../shared/data` and the seed gold.

use anyhow::{Context, bail};
use std::path::PathBuf;

const USAGE: &str = "usage: cargo xtask eval \
    <html|ner|quotes|claims|dates|seeds|casualties|stories|neardup> [options]";

pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("html") => crate::eval_html::run(rest),
        Some("ner") => crate::eval_ner::run(rest),
        Some("quotes") => crate::eval_quotes::run(rest),
        Some("claims") => crate::eval_claims::run(rest),
        Some("dates") => crate::eval_dates::run(rest),
        Some("seeds") => crate::eval_seeds::run(rest),
        Some("casualties") => crate::eval_casualties::run(rest),
        Some("stories") => crate::eval_stories::run(rest),
        Some("neardup") => crate::eval_neardup::run(rest),
        Some(other) => bail!("unknown evaluation `{other}`\n{USAGE}"),
        None => bail!("{USAGE}"),
    }
}

/// `a / b`, or 0 when there is nothing to divide by.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scorers' one option: `--dir DIR`, or `default` under `../shared` when none is given.
pub(crate) fn dir_arg(args: &[String], default: &str, what: &str) -> anyhow::Result<PathBuf> {
    match args {
        [flag, dir, ..] if flag == "--dir" => Ok(PathBuf::from(dir)),
        [] => crate::shared()
            .map(|s| s.join(default))
            .context("../shared is absent; pass --dir DIR"),
        _ => bail!("usage: cargo xtask eval {what} [--dir DIR]"),
    }
}

//! `cargo xtask eval <what>`: scores newsdesk against the evaluation data in
//! `../shared/data` and the seed gold.

use anyhow::bail;

const USAGE: &str =
    "usage: cargo xtask eval <html|ner|quotes|claims|dates|seeds|casualties> [options]";

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
        Some(other) => bail!("unknown evaluation `{other}`\n{USAGE}"),
        None => bail!("{USAGE}"),
    }
}

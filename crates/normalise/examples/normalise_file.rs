//! Prints the normalised article of a file as JSON: `cargo run --example normalise_file -- PATH [html|text]`.
//! Gzip-compressed files (`.gz`) are decompressed first.

use newsdesk_model::{ContentKind, RawDocument};
use newsdesk_normalise::{Config, normalise};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: normalise_file PATH [html|text]")?;
    let mut bytes = std::fs::read(&path)?;
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
        bytes = out;
    }
    let kind = match args.next().as_deref() {
        Some("text") => ContentKind::Text,
        Some("html") => ContentKind::Html,
        _ if path.contains(".htm") => ContentKind::Html,
        _ => ContentKind::Text,
    };
    let raw = RawDocument {
        source: path,
        kind,
        bytes,
        ..RawDocument::default()
    };
    let article = normalise(raw, &Config::default())?;
    println!("{}", serde_json::to_string_pretty(&article)?);
    Ok(())
}

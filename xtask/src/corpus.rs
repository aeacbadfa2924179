//! The benchmark corpus: Reuters-21578 and BBC articles from `../shared/data/corpus`
//! as JSON lines, and larger tiers made by recombining their real sentences.

use anyhow::{Context, bail};
use serde_json::json;
use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// One real article of the corpus.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub(crate) title: String,
    pub(crate) dateline: Option<String>,
    pub(crate) text: String,
    pub(crate) published: Option<String>,
    pub(crate) source: &'static str,
}

/// A benchmark tier: how much text to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// The real text, unchanged (about 25 MB).
    Small,
    /// About 300 MB of recombined sentences.
    Medium,
    /// About 1 GB of recombined sentences.
    Large,
}

impl Tier {
    pub(crate) fn parse(s: &str) -> anyhow::Result<Tier> {
        match s {
            "small" => Ok(Tier::Small),
            "medium" => Ok(Tier::Medium),
            "large" => Ok(Tier::Large),
            _ => bail!("unknown tier `{s}` (small, medium or large)"),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Tier::Small => "small",
            Tier::Medium => "medium",
            Tier::Large => "large",
        }
    }

    fn target_bytes(self) -> u64 {
        match self {
            Tier::Small => 0,
            Tier::Medium => 300 * 1_000_000,
            Tier::Large => 1_000 * 1_000_000,
        }
    }
}

/// Reads every Reuters and BBC article under `corpus` (the `../shared/data/corpus` folder).
pub(crate) fn read_real(corpus: &Path) -> anyhow::Result<Vec<Article>> {
    let mut out = Vec::new();
    let reuters = corpus.join("reuters21578");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&reuters)
        .with_context(|| format!("cannot read {}", reuters.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f).with_context(|| format!("cannot read {}", f.display()))?;
        parse_reuters(&String::from_utf8_lossy(&bytes), &mut out);
    }
    let bbc = corpus.join("bbc/news");
    let mut cats: Vec<PathBuf> = std::fs::read_dir(&bbc)
        .with_context(|| format!("cannot read {}", bbc.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cats.sort();
    for cat in cats {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&cat)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f)?;
            let s = String::from_utf8_lossy(&bytes);
            let mut parts = s.splitn(2, '\n');
            let title = parts.next().unwrap_or("").trim().to_string();
            let text = parts.next().unwrap_or("").trim().to_string();
            if !text.is_empty() {
                out.push(Article {
                    title,
                    dateline: None,
                    text,
                    published: None,
                    source: "BBC",
                });
            }
        }
    }
    Ok(out)
}

/// Every Reuters-21578 `<BODY>` under `corpus` as written (entities unescaped, the
/// `Reuter` sign-off kept), with its `NEWID`: the texts the near-duplicate pairs were
/// computed on.
pub(crate) fn reuters_bodies(corpus: &Path) -> anyhow::Result<Vec<(u32, String)>> {
    let reuters = corpus.join("reuters21578");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&reuters)
        .with_context(|| format!("cannot read {}", reuters.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).with_context(|| format!("cannot read {}", f.display()))?;
        let sgml = String::from_utf8_lossy(&bytes);
        for chunk in sgml.split("<REUTERS").skip(1) {
            let (Some(id), Some(body)) = (
                between(chunk, "NEWID=\"", "\"").and_then(|n| n.parse().ok()),
                between(chunk, "<BODY>", "</BODY>"),
            ) else {
                continue;
            };
            out.push((id, unescape_sgml(body)));
        }
    }
    Ok(out)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

fn unescape_sgml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 8);
        match end {
            Some(e) => {
                let ent = &rest[1..e];
                match ent {
                    "lt" => out.push('<'),
                    "gt" => out.push('>'),
                    "amp" => out.push('&'),
                    "quot" => out.push('"'),
                    _ if ent.starts_with('#') => {
                        // Control characters of the wire format (&#3; etc.) are dropped.
                        if let Some(c) = ent[1..].parse::<u32>().ok().and_then(char::from_u32)
                            && !c.is_control()
                        {
                            out.push(c);
                        }
                    }
                    _ => out.push_str(&rest[..=e]),
                }
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `26-FEB-1987 15:01:01.79` -> `1987-02-26`.
fn reuters_date(s: &str) -> Option<String> {
    let s = s.trim();
    let day: u32 = s.get(0..2)?.trim_start_matches('0').parse().ok()?;
    let mon = match s.get(3..6)? {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        "DEC" => 12,
        _ => return None,
    };
    let year: u32 = s.get(7..11)?.parse().ok()?;
    Some(format!("{year:04}-{mon:02}-{day:02}"))
}

fn parse_reuters(sgml: &str, out: &mut Vec<Article>) {
    for chunk in sgml.split("<REUTERS").skip(1) {
        let Some(body) = between(chunk, "<BODY>", "</BODY>") else {
            continue;
        };
        let text = unescape_sgml(body)
            .trim_end_matches(|c: char| c.is_whitespace())
            .trim_end_matches("Reuter")
            .trim_end_matches("REUTER")
            .trim()
            .to_string();
        if text.is_empty() {
            continue;
        }
        let title = between(chunk, "<TITLE>", "</TITLE>")
            .map(|t| unescape_sgml(t).trim().to_string())
            .unwrap_or_default();
        let dateline = between(chunk, "<DATELINE>", "</DATELINE>")
            .map(|d| unescape_sgml(d).trim().to_string())
            .filter(|d| !d.is_empty());
        let published = between(chunk, "<DATE>", "</DATE>").and_then(reuters_date);
        out.push(Article {
            title,
            dateline,
            text,
            published,
            source: "Reuters",
        });
    }
}

/// Sentences of a text, split on `. ` / `? ` / `! ` followed by a capital letter, and on blank lines.
fn sentences(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut start = 0;
    let b = flat.as_bytes();
    for i in 1..b.len().saturating_sub(2) {
        if matches!(b[i], b'.' | b'?' | b'!') && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase() {
            let prev_word_len = flat[start..i].rsplit(' ').next().map_or(0, str::len);
            if prev_word_len > 3 {
                out.push(flat[start..=i].to_string());
                start = i + 2;
            }
        }
    }
    if start < flat.len() {
        out.push(flat[start..].to_string());
    }
    out.retain(|s| s.len() > 20);
    out
}

/// A small, fixed pseudo-random generator (xorshift64*), so tiers are the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn record(a: &Article, id: usize) -> serde_json::Value {
    let text = match &a.dateline {
        Some(d) => format!("{d} {}", a.text),
        None => a.text.clone(),
    };
    json!({
        "title": a.title,
        "text": text,
        "url": format!("https://bench.invalid/{}/{id}", a.source.to_lowercase()),
        "published": a.published,
        "source": a.source,
    })
}

/// Writes the tier's JSON-lines corpus to `path` (if not already there) and returns its size.
pub(crate) fn build(corpus: &Path, tier: Tier, path: &Path) -> anyhow::Result<u64> {
    if let Ok(meta) = std::fs::metadata(path) {
        return Ok(meta.len());
    }
    let real = read_real(corpus)?;
    if real.is_empty() {
        bail!("no articles found under {}", corpus.display());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("partial");
    let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
    let mut written = 0u64;
    let mut id = 0usize;
    for a in &real {
        let line = serde_json::to_string(&record(a, id))?;
        written += line.len() as u64 + 1;
        writeln!(w, "{line}")?;
        id += 1;
    }
    if tier != Tier::Small {
        let pool: Vec<(usize, String)> = real
            .iter()
            .enumerate()
            .flat_map(|(i, a)| sentences(&a.text).into_iter().map(move |s| (i, s)))
            .collect();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut seen: HashSet<u64> = HashSet::new();
        while written < tier.target_bytes() {
            let base = &real[rng.below(real.len())];
            let n = 6 + rng.below(20);
            let mut paragraphs = Vec::new();
            let mut para = Vec::new();
            for _ in 0..n {
                let (_, s) = &pool[rng.below(pool.len())];
                para.push(s.as_str());
                if para.len() >= 2 + rng.below(3) {
                    paragraphs.push(para.join(" "));
                    para.clear();
                }
            }
            if !para.is_empty() {
                paragraphs.push(para.join(" "));
            }
            let text = paragraphs.join("\n\n");
            if !seen.insert(fnv1a(&text)) {
                continue;
            }
            let a = Article {
                title: format!("{} ({})", base.title, id),
                dateline: None,
                text,
                published: base.published.clone(),
                source: base.source,
            };
            let line = serde_json::to_string(&record(&a, id))?;
            written += line.len() as u64 + 1;
            writeln!(w, "{line}")?;
            id += 1;
        }
    }
    w.flush()?;
    drop(w);
    std::fs::rename(&tmp, path)?;
    Ok(written)
}

/// A fast, stable 64-bit hash (FNV-1a) for duplicate detection while generating.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_records_parse() {
        let sgml = r#"<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT>&#2;<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued &amp; more.
 Reuter
&#3;</BODY></TEXT></REUTERS>"#;
        let mut out = Vec::new();
        parse_reuters(sgml, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].title, "BAHIA COCOA <REVIEW>");
        assert_eq!(out[0].text, "Showers continued & more.");
        assert_eq!(out[0].published.as_deref(), Some("1987-02-26"));
        assert_eq!(out[0].dateline.as_deref(), Some("SALVADOR, Feb 26 -"));
    }

    #[test]
    fn sentences_split_on_full_stops_before_capitals() {
        let s = sentences(
            "The dry period means the crop will be late. Arrivals for the week were high. U.S. cocoa output rose sharply.",
        );
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        assert_eq!(
            (0..5).map(|_| a.next()).collect::<Vec<_>>(),
            (0..5).map(|_| b.next()).collect::<Vec<_>>()
        );
    }
}

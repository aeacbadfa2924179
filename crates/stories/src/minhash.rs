//! Near-duplicate fingerprints: MinHash over word 5-shingles, LSH bands for candidates.
//!
//! Words are lowercase runs of letters, digits and `_` (the `\w+` of the Reuters pairs);
//! a text of fewer than [`SHINGLE`] words is one shingle. Each of [`HASHES`] hash functions
//! keeps the minimum over the shingles; the share of equal positions of two signatures
//! estimates the Jaccard similarity of their shingle sets.

/// Words per shingle.
pub(crate) const SHINGLE: usize = 5;
/// Hash functions (signature length).
pub(crate) const HASHES: usize = 128;
/// LSH bands; `HASHES / BANDS` rows each. 32 bands of 4 rows make a pair at Jaccard 0.8 a
/// candidate with probability 1 - (1 - 0.8^4)^32 > 0.9999999, at 0.5 with 0.87.
pub(crate) const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;

/// The hashes of the word shingles of `text` (sorted, deduplicated). Words are the `\w+`
/// runs of `text`, lowercased.
pub(crate) fn shingles(text: &str) -> Vec<u64> {
    // no new string for a word already in lowercase ASCII
    let words: Vec<u64> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                xxhash_rust::xxh3::xxh3_64(w.as_bytes())
            } else {
                xxhash_rust::xxh3::xxh3_64(w.to_lowercase().as_bytes())
            }
        })
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        vec![combine(&words)]
    } else {
        words.windows(SHINGLE).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn combine(ws: &[u64]) -> u64 {
    ws.iter()
        .fold(0x9E37_79B9_7F4A_7C15u64, |h, &w| mix(h.rotate_left(17) ^ w))
}

/// SplitMix64's finaliser: a fast, well-spread 64-bit mixer.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The MinHash signature of a shingle set: empty for an empty set.
pub(crate) fn signature(shingles: &[u64]) -> Vec<u32> {
    if shingles.is_empty() {
        return Vec::new();
    }
    let mut sig = vec![u32::MAX; HASHES];
    for &s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (mix(s ^ SEEDS[i]) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity: the share of equal positions (0 when either is empty).
pub(crate) fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// Whether every pair of signatures with an estimated similarity of at least `jaccard`
/// shares a band: at most `HASHES - ceil(jaccard * HASHES)` positions differ, and fewer
/// than [`BANDS`] differing positions leave a band whole (true from 0.76 with 32 bands of
/// 4 of 128 hashes).
pub(crate) fn band_bound(jaccard: f64) -> bool {
    let equal = (jaccard * HASHES as f64).ceil();
    equal.is_finite() && equal >= 0.0 && (HASHES as f64 - equal) < BANDS as f64
}

/// The LSH keys of a signature: one per band (none for an empty signature).
pub(crate) fn band_keys(sig: &[u32]) -> Vec<u64> {
    if sig.len() != HASHES {
        return Vec::new();
    }
    (0..BANDS)
        .map(|band| {
            sig[band * ROWS..(band + 1) * ROWS]
                .iter()
                .fold(mix(band as u64 + 1), |h, &r| mix(h ^ u64::from(r)))
        })
        .collect()
}

const SEEDS: [u64; HASHES] = seeds();

const fn seeds() -> [u64; HASHES] {
    let mut out = [0u64; HASHES];
    let mut state = 0x0123_4567_89AB_CDEFu64;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        out[i] = z ^ (z >> 31);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_always_shares_a_band() {
        assert!(band_bound(0.8));
        assert!(!band_bound(0.5));
        assert!(!band_bound(0.0));
        // the tightest case: as many differing positions as the bound allows, one in each
        // of the first bands, still leaves a band whole
        let a: Vec<u32> = (0..HASHES as u32).collect();
        let equal = (0.8 * HASHES as f64).ceil() as usize;
        let mut b = a.clone();
        for k in 0..HASHES - equal {
            b[k * ROWS] = u32::MAX;
        }
        assert!(similarity(&a, &b) >= 0.8);
        let (ka, kb) = (band_keys(&a), band_keys(&b));
        assert!(ka.iter().zip(&kb).any(|(x, y)| x == y));
    }

    fn exact(a: &str, b: &str) -> f64 {
        let (x, y) = (shingles(a), shingles(b));
        let inter = x.iter().filter(|s| y.binary_search(s).is_ok()).count();
        let union = x.len() + y.len() - inter;
        if union == 0 {
            0.0
        } else {
            inter as f64 / union as f64
        }
    }

    fn check(a: &str, b: &str, expected_exact: f64) {
        let j = exact(a, b);
        assert!((j - expected_exact).abs() < 1e-9, "{a:?} {b:?}: exact {j}");
        let est = similarity(&signature(&shingles(a)), &signature(&shingles(b)));
        assert!((est - j).abs() < 0.2, "{a:?} {b:?}: estimate {est} vs {j}");
    }

    #[test]
    fn shingles_and_estimates() {
        let base = "the quick brown fox jumps over the lazy dog near the river bank today";
        for (a, b, j) in [
            (base, base, 1.0),
            // case and punctuation do not count
            (
                base,
                "The quick, brown fox jumps over the lazy dog near the river bank today!",
                1.0,
            ),
            // short texts are one shingle
            ("two words", "two words", 1.0),
            ("two words", "two other", 0.0),
            // one word changed in the middle: 10 shingles, 5 of them changed
            (
                base,
                "the quick brown fox jumps over the sleepy dog near the river bank today",
                5.0 / 15.0,
            ),
            ("", "", 0.0),
        ] {
            check(a, b, j);
        }
    }

    #[test]
    fn bands_find_copies_and_not_strangers() {
        let a = "Oil prices rose sharply on Monday after the cartel agreed to cut output by two million barrels a day, traders in London said.";
        let b = format!("{a} The agreement runs until June.");
        let c = "Shares in the chip maker fell after it warned that profits would miss forecasts for the third quarter in a row.";
        let keys: Vec<Vec<u64>> = [a, b.as_str(), c]
            .iter()
            .map(|t| band_keys(&signature(&shingles(t))))
            .collect();
        let share = |x: &[u64], y: &[u64]| x.iter().zip(y).any(|(p, q)| p == q);
        assert!(share(&keys[0], &keys[1]));
        assert!(!share(&keys[0], &keys[2]) && !share(&keys[1], &keys[2]));
        assert!(band_keys(&[]).is_empty());
    }
}

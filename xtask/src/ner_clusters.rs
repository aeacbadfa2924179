//! Word clusters induced from raw news text: k-means over left/right context vectors.
//!
//! Each frequent word gets a vector of log counts of its left and right
//! neighbours among the most frequent words; rows are L2-normalised and
//! clustered by spherical k-means (fixed initialisation, fixed iteration
//! count, sequential sums), then the centroids are clustered again for a
//! coarse level. Deterministic for the same input.
use std::collections::HashMap;

pub(crate) struct Settings {
    pub(crate) vocab: usize,
    pub(crate) context: usize,
    pub(crate) fine: usize,
    pub(crate) coarse: usize,
    pub(crate) iterations: usize,
    pub(crate) min_count: u32,
}

/// `(word, fine, coarse)` for the most frequent words, most frequent first.
pub(crate) fn induce(sentences: &[Vec<String>], s: &Settings) -> Vec<(String, u16, u16)> {
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for sent in sentences {
        for w in sent {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.into_iter().collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let context: HashMap<&str, usize> = by_freq
        .iter()
        .take(s.context)
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(w, c)| *c >= s.min_count && w.chars().any(char::is_alphabetic))
        .take(s.vocab)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dim = 2 * (s.context + 1);
    let mut m = vec![0f32; vocab.len() * dim];
    let ctx = |w: Option<&String>| {
        w.and_then(|w| context.get(w.as_str()).copied())
            .unwrap_or(s.context)
    };
    for sent in sentences {
        for (i, w) in sent.iter().enumerate() {
            let Some(&row) = index.get(w.as_str()) else {
                continue;
            };
            let left = if i == 0 {
                s.context
            } else {
                ctx(sent.get(i - 1))
            };
            let right = ctx(sent.get(i + 1));
            if let Some(v) = m.get_mut(row * dim + left) {
                *v += 1.0;
            }
            if let Some(v) = m.get_mut(row * dim + s.context + 1 + right) {
                *v += 1.0;
            }
        }
    }
    for row in m.chunks_mut(dim) {
        for v in row.iter_mut() {
            *v = v.ln_1p();
        }
        normalise(row);
    }
    let fine = kmeans(&m, dim, s.fine, s.iterations);
    // Coarse level: cluster the fine centroids.
    let centroids = centroids(&m, dim, &fine, s.fine);
    let coarse = kmeans(&centroids, dim, s.coarse, s.iterations);
    vocab
        .iter()
        .zip(&fine)
        .map(|(w, &f)| {
            let c = coarse.get(f).copied().unwrap_or(0);
            ((*w).to_string(), f as u16, c as u16)
        })
        .collect()
}

fn normalise(row: &mut [f32]) {
    let n = row.iter().map(|v| v * v).sum::<f32>().sqrt();
    if n > 0.0 {
        for v in row.iter_mut() {
            *v /= n;
        }
    }
}

fn centroids(m: &[f32], dim: usize, assign: &[usize], k: usize) -> Vec<f32> {
    let mut c = vec![0f32; k * dim];
    for (row, &a) in m.chunks(dim).zip(assign) {
        if let Some(cr) = c.get_mut(a * dim..(a + 1) * dim) {
            for (x, y) in cr.iter_mut().zip(row) {
                *x += y;
            }
        }
    }
    for cr in c.chunks_mut(dim) {
        normalise(cr);
    }
    c
}

/// Spherical k-means; initial centroids are rows spread evenly over the (frequency-ordered) rows.
fn kmeans(m: &[f32], dim: usize, k: usize, iterations: usize) -> Vec<usize> {
    let n = m.len() / dim.max(1);
    let k = k.min(n).max(1);
    let mut c: Vec<f32> = (0..k)
        .flat_map(|i| {
            let r = i * n / k;
            m.get(r * dim..(r + 1) * dim).unwrap_or(&[]).to_vec()
        })
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..iterations {
        for (row, a) in m.chunks(dim).zip(assign.iter_mut()) {
            let mut best = (f32::NEG_INFINITY, 0);
            for (j, cr) in c.chunks(dim).enumerate() {
                let d: f32 = row.iter().zip(cr).map(|(x, y)| x * y).sum();
                if d > best.0 {
                    best = (d, j);
                }
            }
            *a = best.1;
        }
        let next = centroids(m, dim, &assign, k);
        // Keep the old centroid of a cluster that lost all its members.
        for (j, (new, old)) in next.chunks(dim).zip(c.chunks_mut(dim)).enumerate() {
            if assign.contains(&j) {
                old.copy_from_slice(new);
            }
        }
    }
    assign
}

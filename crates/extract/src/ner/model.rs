//! The tagger model: weights keyed by feature hash, tag transitions, word clusters; binary format and Viterbi decoding.
use super::features::Clusters;
use super::hash::Table;
use crate::error::Error;
use std::io::{Read, Write};

/// Number of tags: `O`, then `B-`, `I-`, `L-`, `U-` (begin, inside, last,
/// unit) for PER, ORG, LOC, MISC.
pub(crate) const T: usize = 17;

const MAGIC: &[u8] = b"NDNER2\n";

/// Largest decompressed model accepted.
const MAX_INFLATED: u64 = 512 << 20;

/// Label group of a tag: 0 outside, then 1 to 4 for PER, ORG, LOC, MISC.
#[inline]
pub(crate) fn group(t: usize) -> usize {
    if t == 0 { 0 } else { (t - 1) / 4 + 1 }
}

/// Position of an entity tag: 0 begin, 1 inside, 2 last, 3 unit.
#[inline]
pub(crate) fn position(t: usize) -> usize {
    t.saturating_sub(1) % 4
}

/// The tag of label group `g` (1 to 4) at `position`.
#[inline]
pub(crate) fn tag(g: usize, position: usize) -> usize {
    1 + 4 * g.saturating_sub(1) + position
}

/// Whether tag `cur` may follow tag `prev` (`None`: sentence start).
#[inline]
pub(crate) fn allowed(prev: Option<usize>, cur: usize) -> bool {
    let open = prev.is_some_and(|p| p != 0 && position(p) < 2);
    match prev {
        Some(p) if open => cur != 0 && group(cur) == group(p) && matches!(position(cur), 1 | 2),
        _ => cur == 0 || matches!(position(cur), 0 | 3),
    }
}

/// Whether a sentence may end with tag `t`.
#[inline]
pub(crate) fn may_end(t: usize) -> bool {
    t == 0 || position(t) >= 2
}

/// A trained model, ready to tag.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    pub(crate) start: [f32; T],
    pub(crate) trans: [[f32; T]; T],
    pub(crate) table: Table,
    /// Quantised weights of each feature (`value * scale` is the weight); scores are summed
    /// as integers, so they do not depend on the order the features are added in.
    pub(crate) rows: Vec<[i16; T]>,
    pub(crate) scale: f32,
    pub(crate) clusters: Clusters,
}

/// Scratch space for decoding.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    emit: Vec<[f32; T]>,
    back: Vec<[u8; T]>,
}

impl Weights {
    /// Adds the weights of feature `key` (if the model has it) to `acc`.
    #[inline]
    pub(crate) fn add(&self, key: u64, acc: &mut [i32; T]) {
        if let Some(r) = self.table.get(key) {
            self.add_row(r, acc);
        }
    }

    /// Adds row `r` (a value of `table`) to `acc`.
    #[inline]
    pub(crate) fn add_row(&self, r: u32, acc: &mut [i32; T]) {
        if let Some(row) = self.rows.get(r as usize) {
            for (a, &b) in acc.iter_mut().zip(row) {
                *a += i32::from(b);
            }
        }
    }

    /// Integer emission sums of each token, from its feature keys
    /// (`offsets[i]..offsets[i + 1]` are token `i`'s keys).
    #[cfg(test)]
    pub(crate) fn sums(&self, feats: &[u64], offsets: &[usize], out: &mut Vec<[i32; T]>) {
        out.clear();
        for w in offsets.windows(2) {
            let mut e = [0i32; T];
            for &k in feats.get(w[0]..w[1]).unwrap_or(&[]) {
                self.add(k, &mut e);
            }
            out.push(e);
        }
    }

    /// The best tag sequence for one sentence's integer emission sums.
    pub(crate) fn decode(&self, sums: &[[i32; T]], scratch: &mut Scratch, out: &mut Vec<u8>) {
        scratch.emit.clear();
        // Sums of at most a few hundred 16-bit weights are exact in `f32`.
        scratch
            .emit
            .extend(sums.iter().map(|e| e.map(|v| v as f32 * self.scale)));
        viterbi(
            &scratch.emit,
            &self.start,
            &self.trans,
            &mut scratch.back,
            out,
        );
    }

    /// Serialises the model (zlib-compressed, deterministic).
    pub(crate) fn to_bytes(
        start: &[f32; T],
        trans: &[[f32; T]; T],
        rows: &[(u64, [f32; T])],
        clusters: &[(String, u16, u16)],
    ) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(T as u32).to_le_bytes());
        for v in start.iter().chain(trans.iter().flatten()) {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
        for (w, f, c) in clusters {
            let bytes = w.as_bytes();
            let len = bytes.len().min(255);
            b.push(len as u8);
            b.extend_from_slice(bytes.get(..len).unwrap_or(&[]));
            b.extend_from_slice(&f.to_le_bytes());
            b.extend_from_slice(&c.to_le_bytes());
        }
        let mut sorted: Vec<&(u64, [f32; T])> = rows.iter().collect();
        sorted.sort_unstable_by_key(|r| r.0);
        let max = sorted
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        b.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
        b.extend_from_slice(&scale.to_le_bytes());
        let mut prev = 0u64;
        for r in &sorted {
            let mut d = r.0 - prev;
            prev = r.0;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    b.push(byte);
                    break;
                }
                b.push(byte | 0x80);
            }
        }
        // Weights column by column compress better than row by row.
        for t in 0..T {
            for r in &sorted {
                let q = (r.1[t] / scale).round().clamp(-32767.0, 32767.0) as i16;
                b.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = z.write_all(&b);
        z.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Weights::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8], name: &str) -> Result<Weights, Error> {
        let mut raw = Vec::new();
        // A model is tens of megabytes at most; refuse to inflate without bound.
        flate2::read::ZlibDecoder::new(bytes)
            .take(MAX_INFLATED)
            .read_to_end(&mut raw)
            .map_err(|e| Error::Decompress {
                name: name.to_string(),
                reason: e.to_string(),
            })?;
        let mut r = Reader {
            b: &raw,
            at: 0,
            name,
        };
        if r.take(MAGIC.len(), "magic")? != MAGIC {
            return Err(r.err("magic `NDNER2`"));
        }
        if r.u32("tag count")? as usize != T {
            return Err(r.err("17 tags"));
        }
        let mut start = [0f32; T];
        for v in &mut start {
            *v = r.f32("start weights")?;
        }
        let mut trans = [[0f32; T]; T];
        for v in trans.iter_mut().flatten() {
            *v = r.f32("transition weights")?;
        }
        let nc = r.u32("cluster count")? as usize;
        if nc.saturating_mul(5) > r.left() {
            return Err(r.err("a cluster count that fits the file"));
        }
        let mut words = Vec::with_capacity(nc.min(1 << 20));
        for _ in 0..nc {
            let len = usize::from(
                r.take(1, "cluster word length")?
                    .first()
                    .copied()
                    .unwrap_or(0),
            );
            let w = std::str::from_utf8(r.take(len, "cluster word")?)
                .map_err(|_| r.err("UTF-8 cluster word"))?;
            let f = r.u16("fine cluster")?;
            let c = r.u16("coarse cluster")?;
            words.push((w, f, c));
        }
        let clusters = Clusters::new(words.into_iter());
        let n = r.u32("feature count")? as usize;
        let scale = r.f32("weight scale")?;
        if n.saturating_mul(1 + 2 * T) > r.left() {
            return Err(r.err("a feature count that fits the file"));
        }
        let mut table = Table::with_capacity(n);
        let mut key = 0u64;
        for i in 0..n {
            let mut d = 0u64;
            let mut shift = 0;
            loop {
                let byte = r.take(1, "feature key")?.first().copied().unwrap_or(0);
                d |= u64::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
                shift += 7;
                if byte & 0x80 == 0 || shift > 63 {
                    break;
                }
            }
            key = key.wrapping_add(d);
            table.insert(key, i as u32);
        }
        let mut rows = vec![[0i16; T]; n];
        let cols = r.take(n * T * 2, "weights")?;
        for (t, col) in cols.chunks_exact(n.max(1) * 2).enumerate().take(T) {
            for (row, q) in rows.iter_mut().zip(col.chunks_exact(2)) {
                if let (Some(slot), [lo, hi]) = (row.get_mut(t), q) {
                    *slot = i16::from_le_bytes([*lo, *hi]);
                }
            }
        }
        Ok(Weights {
            start,
            trans,
            table,
            rows,
            scale,
            clusters,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    fn err(&self, what: &'static str) -> Error {
        Error::Format {
            name: self.name.to_string(),
            offset: self.at,
            what,
        }
    }
    fn left(&self) -> usize {
        self.b.len().saturating_sub(self.at)
    }
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], Error> {
        let s = self
            .b
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| self.err(what))?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, Error> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, Error> {
        let s = self.take(2, what)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn f32(&mut self, what: &'static str) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32(what)?))
    }
}

/// Tags that close an entity (or are outside one): `O`, `L-*`, `U-*`. Only
/// these may precede a tag that opens an entity or is outside one.
const CLOSING: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Tags allowed at a sentence start or after a closing tag: `O`, `B-*`, `U-*`.
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// First-order Viterbi with the BILOU constraints; `out` gets one tag per token.
///
/// Only the 97 allowed transitions of the 289 are scored: an opening or
/// outside tag follows a closing one, and `I-x` or `L-x` follows `B-x` or
/// `I-x`. Ties go to the lowest previous tag, as a scan in tag order would.
pub(crate) fn viterbi(
    emit: &[[f32; T]],
    start: &[f32; T],
    trans: &[[f32; T]; T],
    back: &mut Vec<[u8; T]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    back.clear();
    let Some(first) = emit.first() else { return };
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = [NEG; T];
    for t in OPENING {
        score[t] = start[t] + first[t];
    }
    back.push([0; T]);
    for e in emit.iter().skip(1) {
        let mut next = [NEG; T];
        let mut bp = [0u8; T];
        for cur in OPENING {
            let mut best = NEG;
            let mut arg = 0u8;
            for prev in CLOSING {
                let s = score[prev] + trans[prev][cur];
                if s > best {
                    best = s;
                    arg = prev as u8;
                }
            }
            next[cur] = best + e[cur];
            bp[cur] = arg;
        }
        for g in 0..4 {
            let (b, i) = (1 + 4 * g, 2 + 4 * g);
            for cur in [i, i + 1] {
                let from_b = score[b] + trans[b][cur];
                let from_i = score[i] + trans[i][cur];
                // `from_b` wins ties; minus infinity on both sides leaves 0 as before.
                let (best, arg) = if from_i > from_b {
                    (from_i, i)
                } else if from_b > NEG {
                    (from_b, b)
                } else {
                    (NEG, 0)
                };
                next[cur] = best + e[cur];
                bp[cur] = arg as u8;
            }
        }
        score = next;
        back.push(bp);
    }
    let mut best = 0usize;
    for t in 1..T {
        if may_end(t) && score[t] > score[best] {
            best = t;
        }
    }
    out.resize(emit.len(), 0);
    let mut cur = best;
    for i in (0..emit.len()).rev() {
        if let Some(o) = out.get_mut(i) {
            *o = cur as u8;
        }
        cur = back.get(i).map_or(0, |b| usize::from(b[cur]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let (b, i, l, u) = (tag(1, 0), tag(1, 1), tag(1, 2), tag(1, 3));
        let org_i = tag(2, 1);
        let cases = [
            (None, 0, true),
            (None, b, true),
            (None, u, true),
            (None, i, false),
            (None, l, false),
            (Some(b), i, true),
            (Some(b), l, true),
            (Some(b), 0, false),
            (Some(b), org_i, false),
            (Some(i), l, true),
            (Some(l), b, true),
            (Some(l), i, false),
            (Some(u), 0, true),
            (Some(0), l, false),
        ];
        for (p, c, e) in cases {
            assert_eq!(allowed(p, c), e, "{p:?} -> {c}");
        }
        assert!(may_end(l) && may_end(u) && may_end(0) && !may_end(b) && !may_end(i));
    }

    #[test]
    fn viterbi_follows_constraints() {
        // Emissions prefer I-PER everywhere, which cannot start or end a sentence.
        let mut e = [[0f32; T]; 3];
        for row in &mut e {
            row[tag(1, 1)] = 5.0;
            row[tag(1, 0)] = 4.0;
            row[tag(1, 2)] = 4.0;
        }
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&e, &[0.0; T], &[[0.0; T]; T], &mut back, &mut out);
        assert_eq!(out, vec![tag(1, 0) as u8, tag(1, 1) as u8, tag(1, 2) as u8]);
    }

    #[test]
    fn the_tag_sets_are_the_constraints() {
        for cur in 0..T {
            let prevs: Vec<usize> = (0..T).filter(|&p| allowed(Some(p), cur)).collect();
            if OPENING.contains(&cur) {
                assert_eq!(prevs, CLOSING.to_vec(), "into {cur}");
                assert!(allowed(None, cur));
            } else {
                assert_eq!(
                    prevs,
                    vec![tag(group(cur), 0), tag(group(cur), 1)],
                    "into {cur}"
                );
                assert!(!allowed(None, cur));
            }
        }
    }

    /// Viterbi over every transition, checking the constraints one by one.
    fn reference(emit: &[[f32; T]], start: &[f32; T], trans: &[[f32; T]; T]) -> Vec<u8> {
        let Some(first) = emit.first() else {
            return Vec::new();
        };
        let mut score = [f32::NEG_INFINITY; T];
        for t in 0..T {
            if allowed(None, t) {
                score[t] = start[t] + first[t];
            }
        }
        let mut back = vec![[0u8; T]];
        for e in &emit[1..] {
            let mut next = [f32::NEG_INFINITY; T];
            let mut bp = [0u8; T];
            for cur in 0..T {
                let mut best = f32::NEG_INFINITY;
                for prev in 0..T {
                    if allowed(Some(prev), cur) && score[prev] + trans[prev][cur] > best {
                        best = score[prev] + trans[prev][cur];
                        bp[cur] = prev as u8;
                    }
                }
                next[cur] = best + e[cur];
            }
            score = next;
            back.push(bp);
        }
        let mut cur = (0..T)
            .filter(|&t| may_end(t))
            .fold(0, |b, t| if score[t] > score[b] { t } else { b });
        let mut out = vec![0u8; emit.len()];
        for i in (0..emit.len()).rev() {
            out[i] = cur as u8;
            cur = usize::from(back[i][cur]);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn viterbi_equals_the_exhaustive_search(
            // Small integers make ties frequent, so tie-breaking is compared too.
            values in proptest::collection::vec(-3i8..3, T + T * T + 8 * T),
            len in 1usize..8,
        ) {
            let v: Vec<f32> = values.iter().map(|&x| f32::from(x)).collect();
            let start: [f32; T] = std::array::from_fn(|t| v[t]);
            let trans: [[f32; T]; T] = std::array::from_fn(|a| std::array::from_fn(|b| v[T + a * T + b]));
            let emit: Vec<[f32; T]> = (0..len)
                .map(|i| std::array::from_fn(|t| v[T + T * T + i * T + t]))
                .collect();
            let (mut back, mut out) = (Vec::new(), Vec::new());
            viterbi(&emit, &start, &trans, &mut back, &mut out);
            proptest::prop_assert_eq!(out, reference(&emit, &start, &trans));
        }

        #[test]
        fn reading_garbage_never_panics(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)
        ) {
            let _ = Weights::from_bytes(&bytes, "garbage");
            // Past the magic and the zlib layer too.
            let mut raw = MAGIC.to_vec();
            raw.extend_from_slice(&(T as u32).to_le_bytes());
            raw.extend_from_slice(&bytes);
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            let _ = z.write_all(&raw);
            let _ = Weights::from_bytes(&z.finish().unwrap_or_default(), "garbage");
        }
    }

    #[test]
    fn round_trip() {
        let rows = vec![(5u64, [1.0f32; T]), (3u64, [-2.0f32; T])];
        let bytes = Weights::to_bytes(&[0.5; T], &[[0.25; T]; T], &rows, &[("Paris".into(), 3, 1)]);
        let w = Weights::from_bytes(&bytes, "test").expect("reads back");
        let r = w.table.get(3).and_then(|i| w.rows.get(i as usize)).copied();
        assert!(r.is_some_and(|r| (f32::from(r[0]) * w.scale + 2.0).abs() < 1e-3));
        assert!(Weights::from_bytes(&bytes[..bytes.len() / 2], "cut").is_err());
        assert!(Weights::from_bytes(b"junk", "junk").is_err());
    }
}

//! The links of average-link: each cluster's summed pair scores with its neighbours.
//!
//! A component can hold most of a large collection and millions of pairs, each pair linked
//! from both of its documents. A sorted vector per cluster (neighbour, sum) holds a link in
//! 16 bytes, where a `BTreeMap` per cluster spent a node of eleven slots on a document with
//! one or two neighbours. The operations are those the map did, in the same order and with
//! the same additions, so every sum and every merge is the same.

/// Each cluster's neighbours (positions in the component) with the summed score of the
/// pairs between them, sorted by neighbour.
pub(crate) struct Links {
    rows: Vec<Vec<(u32, f64)>>,
}

fn key(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Links {
    /// No links between `n` clusters.
    pub(crate) fn new(n: usize) -> Links {
        Links {
            rows: vec![Vec::new(); n],
        }
    }

    /// Links `a` and `b` with `total` on both sides (while building; [`Links::finish`]
    /// sorts the rows).
    pub(crate) fn push(&mut self, a: usize, b: usize, total: f64) {
        if let Some(row) = self.rows.get_mut(a) {
            row.push((key(b), total));
        }
        if let Some(row) = self.rows.get_mut(b) {
            row.push((key(a), total));
        }
    }

    /// Sorts each row by neighbour, keeping the last value pushed for a neighbour (as a
    /// map's insert would), and frees what the rows do not use.
    pub(crate) fn finish(&mut self) {
        for row in &mut self.rows {
            // stable: pushes of one neighbour stay in their order, the last one wins
            row.sort_by_key(|&(e, _)| e);
            row.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 = later.1;
                }
                same
            });
            row.shrink_to_fit();
        }
    }

    /// The links of `c`, by neighbour.
    pub(crate) fn row(&self, c: usize) -> &[(u32, f64)] {
        self.rows.get(c).map_or(&[], Vec::as_slice)
    }

    /// The sum between `c` and `d`, if they are linked.
    pub(crate) fn get(&self, c: usize, d: usize) -> Option<f64> {
        let row = self.row(c);
        let at = row.binary_search_by_key(&key(d), |&(e, _)| e).ok()?;
        row.get(at).map(|&(_, v)| v)
    }

    /// Cluster `d` joins cluster `c`: each neighbour `e` of `d` (other than `c`) adds its
    /// sum with `d` to its sum with `c`, on both sides, and `d` has no links left.
    pub(crate) fn merge(&mut self, c: usize, d: usize) {
        let ld = std::mem::take(&mut self.rows[d]);
        let lc = std::mem::take(&mut self.rows[c]);
        let (kc, kd) = (key(c), key(d));
        // `c`'s row: its own sums plus `d`'s, without `d`
        let mut out: Vec<(u32, f64)> = Vec::with_capacity(lc.len() + ld.len());
        let (mut i, mut j) = (0, 0);
        while i < lc.len() || j < ld.len() {
            let x = lc.get(i).copied();
            let y = ld.get(j).copied();
            let next = match (x, y) {
                (Some((e, v)), Some((f, w))) if e == f => {
                    i += 1;
                    j += 1;
                    (e, v + w)
                }
                (Some((e, v)), Some((f, _))) if e < f => {
                    i += 1;
                    (e, v)
                }
                (Some((e, v)), None) => {
                    i += 1;
                    (e, v)
                }
                (_, Some((f, w))) => {
                    j += 1;
                    if f == kc {
                        continue;
                    }
                    (f, 0.0 + w)
                }
                (None, None) => break,
            };
            if next.0 != kd {
                out.push(next);
            }
        }
        out.shrink_to_fit();
        self.rows[c] = out;
        // each neighbour of `d`: its link to `d` moves to `c`
        for &(e, w) in &ld {
            if e == kc {
                continue;
            }
            let Some(row) = self.rows.get_mut(e as usize) else {
                continue;
            };
            if let Ok(at) = row.binary_search_by_key(&kd, |&(x, _)| x) {
                row.remove(at);
            }
            match row.binary_search_by_key(&kc, |&(x, _)| x) {
                Ok(at) => row[at].1 += w,
                Err(at) => row.insert(at, (kc, 0.0 + w)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The map version this replaces, for comparison.
    fn merge_maps(links: &mut [BTreeMap<usize, f64>], c: usize, d: usize) {
        let ld = std::mem::take(&mut links[d]);
        for (e, sum) in ld {
            if e == c {
                continue;
            }
            *links[c].entry(e).or_default() += sum;
            links[e].remove(&d);
            *links[e].entry(c).or_default() += sum;
        }
        links[c].remove(&d);
    }

    fn as_rows(maps: &[BTreeMap<usize, f64>]) -> Vec<Vec<(u32, f64)>> {
        maps.iter()
            .map(|m| m.iter().map(|(&e, &v)| (key(e), v)).collect())
            .collect()
    }

    #[test]
    fn merges_as_the_maps_did() {
        // a small graph with repeated pushes, merged in an order that touches every case
        let edges = [
            (0, 1, 0.5),
            (0, 2, 0.25),
            (1, 2, 0.125),
            (2, 3, 0.75),
            (3, 4, 0.3),
            (1, 4, 0.1),
            (0, 1, 0.6),
            (4, 5, 0.2),
        ];
        let mut links = Links::new(6);
        let mut maps: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); 6];
        for &(a, b, t) in &edges {
            links.push(a, b, t);
            maps[a].insert(b, t);
            maps[b].insert(a, t);
        }
        links.finish();
        assert_eq!(links.rows, as_rows(&maps));
        assert_eq!(links.get(0, 1), Some(0.6));
        assert_eq!(links.get(0, 5), None);
        for (c, d) in [(0, 1), (2, 3), (0, 2), (4, 5), (0, 4)] {
            links.merge(c, d);
            merge_maps(&mut maps, c, d);
            assert_eq!(links.rows, as_rows(&maps), "after merging {d} into {c}");
        }
        assert!(links.row(0).is_empty());
    }

    #[test]
    fn random_merges_either_way_as_the_maps_did() {
        // a dense pseudo-random graph, merged in a pseudo-random order of live clusters,
        // the survivor either the lower or the higher of the two
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let n = 40;
        let mut links = Links::new(n);
        let mut maps: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
        for _ in 0..300 {
            let (a, b) = (next(n as u64) as usize, next(n as u64) as usize);
            if a != b {
                let t = next(1000) as f64 / 1000.0;
                links.push(a, b, t);
                maps[a].insert(b, t);
                maps[b].insert(a, t);
            }
        }
        links.finish();
        assert_eq!(links.rows, as_rows(&maps));
        let mut live: Vec<usize> = (0..n).collect();
        while live.len() > 1 {
            let i = next(live.len() as u64) as usize;
            let mut j = next(live.len() as u64 - 1) as usize;
            if j >= i {
                j += 1;
            }
            let (c, d) = (live[i], live[j]);
            links.merge(c, d);
            merge_maps(&mut maps, c, d);
            assert_eq!(links.rows, as_rows(&maps), "after merging {d} into {c}");
            live.retain(|&x| x != d);
        }
    }
}

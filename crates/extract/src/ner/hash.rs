//! Stable 64-bit hashing of words and features, and an open-addressing table keyed by it.
//!
//! The hash is part of the model format: features and gazetteer phrases are
//! stored as these hashes, so it must never change without retraining.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes `x` into the running hash `h`.
#[inline]
pub(crate) fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Final avalanche so that table slots are well spread.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Typographic quotes and apostrophes hash like their ASCII forms.
#[inline]
pub(crate) fn norm(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '‛' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' => '"',
        _ => c,
    }
}

/// Hash of a word as written.
pub(crate) fn exact(s: &str) -> u64 {
    finish(
        s.chars()
            .fold(0x51, |h, c| step(h, u64::from(u32::from(norm(c))))),
    )
}

/// Hash of a word lowercased.
pub(crate) fn lower(s: &str) -> u64 {
    let mut h = 0x51;
    for c in s.chars() {
        for l in norm(c).to_lowercase() {
            h = step(h, u64::from(u32::from(l)));
        }
    }
    finish(h)
}

/// Hash of a phrase from the lowercase hashes of its words.
#[inline]
pub(crate) fn phrase(h: u64, word: u64) -> u64 {
    finish(step(h ^ 0x7f, word))
}

/// Key of a feature: template id and up to two values.
#[inline]
pub(crate) fn feature(template: u64, a: u64, b: u64) -> u64 {
    finish(step(step(template.wrapping_mul(K), a), b))
}

/// Open-addressing map from nonzero-ish 64-bit keys to `u32` values (read-only after building).
///
/// Each slot holds its key and value side by side, so a lookup touches one
/// cache line, not one in a key array and another in a value array.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    slots: Vec<(u64, u32)>,
    mask: usize,
}

const EMPTY: u64 = 0;

impl Table {
    /// A table with room for `n` keys at a load factor of at most one half.
    pub(crate) fn with_capacity(n: usize) -> Table {
        let size = (n.max(4) * 2).next_power_of_two();
        Table {
            slots: vec![(EMPTY, 0); size],
            mask: size - 1,
        }
    }

    /// Inserts `key -> val` unless `key` is present; returns the stored value.
    pub(crate) fn insert(&mut self, key: u64, val: u32) -> u32 {
        let key = if key == EMPTY { 1 } else { key };
        let mut i = (key as usize) & self.mask;
        loop {
            let Some(slot) = self.slots.get_mut(i) else {
                return val;
            };
            if slot.0 == key {
                return slot.1;
            }
            if slot.0 == EMPTY {
                *slot = (key, val);
                return val;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The values stored for `keys` (`None` where absent) into `out`, in order.
    ///
    /// The home slots of all keys are read first, in a loop whose loads do not
    /// depend on each other, so that the memory reads overlap; only keys found
    /// past their home slot take the probing path.
    pub(crate) fn get_many(&self, keys: &[u64], out: &mut Vec<Option<u32>>) {
        out.clear();
        for chunk in keys.chunks(16) {
            let mut home = [(EMPTY, 0u32); 16];
            for (h, &k) in home.iter_mut().zip(chunk) {
                let k = if k == EMPTY { 1 } else { k };
                *h = self
                    .slots
                    .get((k as usize) & self.mask)
                    .copied()
                    .unwrap_or((EMPTY, 0));
            }
            for (&(hk, v), &k) in home.iter().zip(chunk) {
                let key = if k == EMPTY { 1 } else { k };
                out.push(if hk == key {
                    Some(v)
                } else if hk == EMPTY {
                    None
                } else {
                    self.get(k)
                });
            }
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        let key = if key == EMPTY { 1 } else { key };
        let mut i = (key as usize) & self.mask;
        loop {
            let &(k, v) = self.slots.get(i)?;
            if k == key {
                return Some(v);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trips() {
        let mut t = Table::with_capacity(100);
        for k in 0..100u64 {
            t.insert(finish(k), k as u32);
        }
        for k in 0..100u64 {
            assert_eq!(t.get(finish(k)), Some(k as u32));
        }
        assert_eq!(t.get(finish(1000)), None);
        let keys: Vec<u64> = (0..200u64).map(finish).chain([0, 1]).collect();
        let mut many = Vec::new();
        t.get_many(&keys, &mut many);
        let one: Vec<Option<u32>> = keys.iter().map(|&k| t.get(k)).collect();
        assert_eq!(many, one);
        assert_eq!(t.insert(finish(5), 77), 5, "first value wins");
    }

    #[test]
    fn hashes_normalise_quotes_and_case() {
        let cases = [("O’Brien", "O'Brien"), ("“", "\"")];
        for (a, b) in cases {
            assert_eq!(exact(a), exact(b), "{a} {b}");
        }
        assert_eq!(lower("GERMANY"), lower("Germany"));
        assert_ne!(exact("GERMANY"), exact("Germany"));
    }
}

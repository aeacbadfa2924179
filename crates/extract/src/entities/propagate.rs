//! Document pass: a name tagged once is tagged wherever the same words recur untagged.
use super::Word;
use foldhash::{HashMap, HashMapExt};
use newsdesk_model::Label;

/// Second pass over the document: a name tagged somewhere is tagged wherever
/// the same capitalised words occur untagged, with the same label; the last
/// words of a person's full name (`Bin Laden` after `Osama bin Laden`) too.
pub(super) fn propagate<'w>(words: &'w [Word<'_>], spans: &mut Vec<(usize, usize, Label)>) {
    /// Words of a known form: exact text, or lowercase for person-name tails.
    type Form<'w> = (Vec<&'w str>, Label, bool);
    let mut known: HashMap<&'w str, Vec<Form<'w>>> = HashMap::new();
    for &(a, b, l) in spans.iter() {
        if b - a > 4 || !words.get(a).is_some_and(|w| w.cap) {
            continue;
        }
        let ws: Vec<&'w Word<'_>> = (a..b).filter_map(|k| words.get(k)).collect();
        let mut forms: Vec<Form<'w>> = vec![(ws.iter().map(|w| w.text).collect(), l, true)];
        if l == Label::Person && ws.len() >= 3 {
            for k in 1..ws.len() - 1 {
                let tail = ws.get(k..).unwrap_or(&[]);
                forms.push((tail.iter().map(|w| w.lower.as_str()).collect(), l, false));
            }
        }
        for (k, form) in forms.into_iter().enumerate() {
            let Some(first) = ws.get(k) else {
                continue;
            };
            let v = known.entry(first.lower.as_str()).or_default();
            if !v.iter().any(|f| f.0 == form.0 && f.2 == form.2) {
                v.push(form);
            }
        }
    }
    let mut covered = vec![false; words.len()];
    for &(a, b, _) in spans.iter() {
        for c in covered.iter_mut().take(b).skip(a) {
            *c = true;
        }
    }
    let free = |i: usize| !covered.get(i).copied().unwrap_or(true);
    let matches = |i: usize, (form, _, exact): &Form<'w>| {
        let Some(first) = words.get(i) else {
            return false;
        };
        first.cap
            && form.iter().enumerate().all(|(k, f)| {
                words.get(i + k).is_some_and(|w| {
                    w.sent == first.sent
                        && free(i + k)
                        && if *exact { w.text == *f } else { w.lower == *f }
                })
            })
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let best = words
            .get(i)
            .filter(|_| free(i))
            .and_then(|w| known.get(w.lower.as_str()))
            .and_then(|forms| {
                forms
                    .iter()
                    .filter(|f| matches(i, f))
                    .max_by_key(|f| f.0.len())
            });
        match best {
            Some((f, l, _)) => {
                added.push((i, i + f.len(), *l));
                i += f.len();
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_unstable_by_key(|s| s.0);
    }
}

//! Grouping mentions into entities: surnames join full names; each entity is named by its fullest form.
use super::{Cand, Word, is_hyphen};
use crate::lexicon as lx;
use foldhash::{HashMap, HashMapExt};
use newsdesk_model::{Entity, Label, Mention};

/// The keys under which a single-word mention can refer back to a person, from a
/// lowercase word: itself and, without a particle prefix, its tail (`al-assad` -> `assad`).
pub(super) fn surname_keys(lower: &str) -> Vec<String> {
    let mut v = vec![lower.to_string()];
    if let Some((i, c)) = lower.char_indices().find(|&(_, c)| is_hyphen(c))
        && lower.get(..i).is_some_and(lx::is_particle)
        && let Some(t) = lower.get(i + c.len_utf8()..)
        && !t.is_empty()
    {
        v.push(t.to_string());
    }
    v
}

pub(super) fn group(
    text: &str,
    words: &[Word<'_>],
    cands: &[Cand],
    keys: &[String],
    labelled: &[(usize, Label)],
) -> Vec<Entity> {
    // Cluster id per labelled candidate.
    struct Cluster {
        label: Label,
        members: Vec<usize>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(Label, String), usize> = HashMap::new();
    // Multi-word persons first, longest first, so shorter forms can attach.
    let mut order: Vec<&(usize, Label)> = labelled.iter().collect();
    order.sort_by_key(|(i, _)| std::cmp::Reverse(cands.get(*i).map_or(0, |c| c.b - c.a)));
    let mut person_words: Vec<(usize, Vec<String>)> = Vec::new(); // cluster -> lowercase words of its longest name
    for &&(i, label) in &order {
        let Some(c) = cands.get(i) else { continue };
        let Some(k) = keys.get(i) else { continue };
        if let Some(&cl) = by_key.get(&(label, k.clone())) {
            if let Some(x) = clusters.get_mut(cl) {
                x.members.push(i);
            }
            continue;
        }
        let mut target = None;
        if label == Label::Person {
            let mine: Vec<String> = (c.a..c.b)
                .filter_map(|k| words.get(k))
                .flat_map(|w| surname_keys(&w.lower))
                .collect();
            let my_words: Vec<String> = (c.a..c.b)
                .filter_map(|k| words.get(k))
                .map(|w| w.lower.clone())
                .collect();
            // A suffix of a longer name (`Erdogan`, `Tayyip Erdogan`, `Assad` for `al-Assad`).
            let mut best: Option<(usize, usize)> = None; // (cluster, distance)
            for (cl, pw) in &person_words {
                let suffix = pw.len() > my_words.len() && pw.ends_with(&my_words);
                let surname = my_words.len() == 1
                    && pw
                        .last()
                        .is_some_and(|l| surname_keys(l).iter().any(|s| mine.contains(s)));
                if suffix || surname {
                    let first = clusters
                        .get(*cl)
                        .and_then(|x| x.members.first())
                        .and_then(|m| cands.get(*m))
                        .map_or(0, |m| m.a);
                    let d = first.abs_diff(c.a);
                    if best.is_none_or(|(_, bd)| d < bd) {
                        best = Some((*cl, d));
                    }
                }
            }
            target = best.map(|(cl, _)| cl);
        }
        let cl = match target {
            Some(cl) => cl,
            None => {
                clusters.push(Cluster {
                    label,
                    members: Vec::new(),
                });
                let cl = clusters.len() - 1;
                if label == Label::Person {
                    let ws: Vec<String> = (c.a..c.b)
                        .filter_map(|k| words.get(k))
                        .map(|w| w.lower.clone())
                        .collect();
                    person_words.push((cl, ws));
                }
                cl
            }
        };
        by_key.insert((label, k.clone()), cl);
        if let Some(x) = clusters.get_mut(cl) {
            x.members.push(i);
        }
    }
    let mut entities: Vec<(usize, Entity)> = Vec::new();
    for cl in clusters {
        let mut mentions: Vec<(usize, usize, usize)> = cl
            .members
            .iter()
            .filter_map(|&i| cands.get(i))
            .filter_map(|c| {
                Some((
                    words.get(c.a)?.start,
                    words.get(c.b.checked_sub(1)?)?.end,
                    c.b - c.a,
                ))
            })
            .collect();
        mentions.sort_unstable();
        mentions.dedup();
        let Some(&(first, _, _)) = mentions.first() else {
            continue;
        };
        // Canonical: most words, then longest, then earliest.
        let canon = mentions
            .iter()
            .max_by(|x, y| {
                let mixed = |m: &(usize, usize, usize)| {
                    text.get(m.0..m.1)
                        .is_some_and(|t| t.chars().any(char::is_lowercase))
                };
                x.2.cmp(&y.2)
                    .then(mixed(x).cmp(&mixed(y)))
                    .then((x.1 - x.0).cmp(&(y.1 - y.0)))
                    .then(y.0.cmp(&x.0))
            })
            .copied();
        let name = canon.map_or("", |(s, e, _)| text.get(s..e).unwrap_or(""));
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        entities.push((
            first,
            Entity {
                label: cl.label,
                name,
                mentions: mentions
                    .iter()
                    .map(|&(s, e, _)| Mention {
                        start: s,
                        end: e,
                        text: text.get(s..e).unwrap_or("").to_string(),
                    })
                    .collect(),
            },
        ));
    }
    entities.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
    entities.into_iter().map(|(_, e)| e).collect()
}

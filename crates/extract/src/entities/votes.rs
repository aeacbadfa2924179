//! Rule-based recogniser, second half: label votes per candidate, summed per surface form.
use super::conventions::{ROAD_NOUNS, is_road_code};
use super::group::{group, surname_keys};
use super::rules::has_head;
use super::{Cand, Word, is_gazetteer, particle_hyphen, span_key};
use crate::lexicon as lx;
use crate::tokens::TokenKind;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use newsdesk_model::{Entity, Label};

/// Label votes for one candidate.
#[derive(Debug, Clone, Copy, Default)]
struct Votes([f32; 4]);

impl Votes {
    fn add(&mut self, label: Label, w: f32) {
        if let Some(v) = self.0.get_mut(idx(label)) {
            *v += w;
        }
    }
    fn merge(&mut self, o: &Votes) {
        for (a, b) in self.0.iter_mut().zip(o.0.iter()) {
            *a += *b;
        }
    }
    fn best(&self) -> Option<Label> {
        let mut best: Option<(Label, f32)> = None;
        for l in Label::ALL {
            let v = self.0.get(idx(l)).copied().unwrap_or(0.0);
            if v > 0.0 && best.is_none_or(|(_, bv)| v > bv) {
                best = Some((l, v));
            }
        }
        best.map(|(l, _)| l)
    }
}

fn idx(l: Label) -> usize {
    match l {
        Label::Person => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
    }
}

fn votes(words: &[Word<'_>], c: &Cand) -> Votes {
    let mut v = Votes::default();
    let key = span_key(words, c.a, c.b);
    let n = c.b - c.a;
    let first = words.get(c.a);
    let last = words.get(c.b.saturating_sub(1));
    let prev = c.a.checked_sub(1).and_then(|p| words.get(p));
    let prev2 = c.a.checked_sub(2).and_then(|p| words.get(p));
    let next = words.get(c.b);
    let next_word = next.filter(|w| w.kind == TokenKind::Word || w.kind == TokenKind::Abbreviation);
    let same_sent = |w: &&Word<'_>| first.is_some_and(|f| f.sent == w.sent);

    // Lexicons.
    let stripped = key.trim_start_matches("the ").to_string();
    if lx::is_person(&key) {
        v.add(Label::Person, 5.0);
    }
    if lx::is_org(&key) || lx::is_org(&stripped) {
        v.add(Label::Org, 5.0);
    }
    if lx::is_location(&key) {
        v.add(Label::Loc, 5.0);
    }
    if lx::is_demonym(&key) {
        v.add(Label::Misc, 5.0);
    }
    // Heads.
    if n >= 2 {
        if last.is_some_and(|w| lx::is_org_head(&w.lower)) {
            v.add(Label::Org, 4.0);
        }
        if last.is_some_and(|w| lx::is_loc_head(&w.lower)) {
            v.add(Label::Loc, 3.5);
        }
        // `Ministry of Defence`, `Council on Foreign Relations`.
        let org_connected = (c.a + 1..c.b).any(|k| {
            words
                .get(k)
                .is_some_and(|w| matches!(w.lower.as_str(), "of" | "for" | "on"))
                && words
                    .get(k - 1)
                    .is_some_and(|p| lx::is_org_head(&p.lower) && !lx::is_loc_head(&p.lower))
        });
        if org_connected {
            v.add(Label::Org, 4.0);
        }
        if last.is_some_and(|w| lx::is_misc_head(&w.lower)) {
            v.add(Label::Misc, 3.5);
        }
        // `London Irish`, `Chicago Purchasing Managers`: a place, then an unknown name.
        if first.is_some_and(|w| lx::is_location(&w.lower))
            && !lx::is_location(&key)
            && !has_head(words, c.a, c.b)
        {
            v.add(Label::Org, 2.5);
        }
        if first.is_some_and(|w| lx::is_loc_prefix(&w.lower)) {
            v.add(Label::Loc, 1.5);
        }
        if (c.a..c.b).any(|k| words.get(k).is_some_and(|w| w.lower == "of"))
            && first.is_some_and(|w| lx::is_loc_head(&w.lower))
        {
            v.add(Label::Loc, 3.0); // Gulf of Mexico, Republic of Congo
        }
    }
    // Road codes: the M4 highway.
    if n == 1
        && first.is_some_and(|w| is_road_code(w.text))
        && next_word
            .filter(same_sent)
            .is_some_and(|w| ROAD_NOUNS.contains(&w.lower.as_str()))
    {
        v.add(Label::Loc, 6.0);
    }
    // Person cues.
    let first_name = first.is_some_and(|w| {
        lx::is_first_name(&w.lower) || lx::is_first_name(w.lower.trim_end_matches('.'))
    });
    if c.after_title
        || prev.filter(same_sent).is_some_and(|p| {
            p.kind != TokenKind::Abbreviation && !p.cap && lx::is_title_head(&p.lower)
        })
    {
        v.add(Label::Person, 5.0);
    }
    if prev
        .filter(same_sent)
        .is_some_and(|p| p.kind == TokenKind::Abbreviation && lx::is_title_head(&p.lower))
    {
        v.add(Label::Person, 5.0);
    }
    if n >= 2 && first_name {
        v.add(Label::Person, 3.0);
    }
    if n >= 2
        && first.is_some_and(|w| {
            w.kind == TokenKind::Abbreviation
                && w.text.chars().filter(|c| c.is_alphabetic()).count() == 1
        })
    {
        v.add(Label::Person, 2.0); // J. Smith
    }
    if n >= 2
        && (c.a..c.b).any(|k| {
            words.get(k).is_some_and(|w| {
                (!w.cap && lx::is_particle(&w.lower)) || particle_hyphen(w.text).is_some()
            })
        })
    {
        v.add(Label::Person, 2.0);
    }
    if n == 1 && first.is_some_and(|w| particle_hyphen(w.text).is_some()) {
        v.add(Label::Person, 1.0);
    }
    if let Some(nw) = next.filter(same_sent) {
        if lx::is_speech_verb(&nw.lower) {
            v.add(Label::Person, 2.0);
        }
        // Appositive: `Raja Androon, a 65-year-old Syrian`.
        if nw.text == ","
            && n >= 2
            && words
                .get(c.b + 1)
                .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "who" | "whose"))
        {
            v.add(Label::Person, 1.0);
        }
    }
    // Organisation and location cues from neighbouring lowercase words.
    if let Some(nw) = next_word.filter(same_sent).filter(|w| !w.cap) {
        if lx::is_org_noun_after(&nw.lower) {
            v.add(Label::Org, 2.0);
        }
        if lx::is_loc_noun_after(&nw.lower) {
            v.add(Label::Loc, 2.5);
        }
        if nw.lower.starts_with("-based") || nw.lower == "-born" {
            v.add(Label::Loc, 2.0);
        }
    }
    if let Some(p) = prev.filter(same_sent).filter(|w| !w.cap) {
        if lx::is_org_noun_before(&p.lower) {
            v.add(Label::Org, 3.0);
        }
        if p.lower == "of"
            && prev2
                .filter(same_sent)
                .is_some_and(|q| lx::is_loc_noun_of(&q.lower))
        {
            v.add(Label::Loc, 3.0);
        }
        if lx::is_loc_prep(&p.lower) {
            v.add(Label::Loc, if p.lower == "to" { 0.5 } else { 1.0 });
        }
    }
    // Shapes.
    let letters: usize = first.map_or(0, |w| w.text.chars().filter(|c| c.is_alphabetic()).count());
    if n == 1
        && first.is_some_and(|w| {
            w.text
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
        })
        && (2..=6).contains(&letters)
    {
        v.add(Label::Org, 1.5);
    }
    if n >= 2
        && !has_head(words, c.a, c.b)
        && (c.a..c.b).all(|k| {
            words
                .get(k)
                .is_some_and(|w| w.cap && !lx::is_common(&w.lower))
        })
    {
        v.add(Label::Person, 1.0);
    }
    v
}

pub(super) fn resolve(text: &str, words: &[Word<'_>], cands: Vec<Cand>) -> Vec<Entity> {
    let keys: Vec<String> = cands.iter().map(|c| span_key(words, c.a, c.b)).collect();
    let cand_votes: Vec<Votes> = cands.iter().map(|c| votes(words, c)).collect();
    let mut by_key: HashMap<&str, Votes> = HashMap::new();
    for (k, v) in keys.iter().zip(&cand_votes) {
        by_key.entry(k.as_str()).or_default().merge(v);
    }
    // Person names of two or more words, and the surname keys they license.
    let mut surnames: HashSet<String> = HashSet::new();
    for (c, k) in cands.iter().zip(&keys) {
        let votes = by_key.get(k.as_str()).copied().unwrap_or_default();
        if c.b - c.a >= 2
            && votes.best() == Some(Label::Person)
            && let Some(w) = words.get(c.b - 1)
            // A place or nationality as the last word licenses no surname unless the
            // person evidence is strong (`Michael Jordan` after a title or given name).
            && (!is_gazetteer(&w.lower) || votes.0[0] >= 3.0)
        {
            surnames.extend(surname_keys(&w.lower));
        }
    }
    for (c, k) in cands.iter().zip(&keys) {
        if c.b - c.a == 1
            && surnames.contains(k.as_str())
            && let Some(v) = by_key.get_mut(k.as_str())
        {
            v.add(Label::Person, 8.0);
        }
    }
    // Final labels.
    let mut labelled: Vec<(usize, Label)> = Vec::new();
    for (i, (c, k)) in cands.iter().zip(&keys).enumerate() {
        let label = match by_key.get(k.as_str()).and_then(Votes::best) {
            Some(l) => Some(l),
            None => {
                // No evidence at all: only trust names seen away from a sentence start.
                let seen_inside = cands
                    .iter()
                    .zip(&keys)
                    .any(|(o, ok)| ok == k && words.get(o.a).is_some_and(|w| !w.initial));
                if !seen_inside {
                    None
                } else if c.b - c.a >= 2 {
                    let plain =
                        (c.a..c.b).all(|k| words.get(k).is_some_and(|w| !lx::is_common(&w.lower)));
                    Some(if plain { Label::Person } else { Label::Org })
                } else {
                    Some(FALLBACK_SINGLE)
                }
            }
        };
        if let Some(l) = label {
            labelled.push((i, l));
        }
    }
    group(text, words, &cands, &keys, &labelled)
}

/// Label of a single unknown capitalised word with no other evidence.
const FALLBACK_SINGLE: Label = Label::Org;

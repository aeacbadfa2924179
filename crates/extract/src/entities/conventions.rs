//! Conventions the training data does not teach: titles, particles, seats of government, road codes.
use super::{Word, is_gazetteer, lowercase_tail, particle_hyphen, span_key};
use crate::lexicon as lx;
use crate::tokens::TokenKind;
use foldhash::HashSet;
use newsdesk_model::Label;

/// Seats of government that stand for it: organisations here, whatever the
/// tagger says (CoNLL-2003 tags `Kremlin` as a place).
const GOVERNMENT_SEATS: &[&str] = &[
    "kremlin",
    "white house",
    "pentagon",
    "downing street",
    "elysee",
    "élysée",
    "elysee palace",
    "élysée palace",
    "quai d'orsay",
    "zhongnanhai",
    "blue house",
];

/// Corrections of tagged token spans (sorted, not overlapping) that encode
/// conventions the training data does not teach.
pub(super) fn adjust_spans(
    words: &[Word<'_>],
    spans: Vec<(usize, usize, Label)>,
) -> Vec<(usize, usize, Label)> {
    let lowercase: HashSet<&str> = words
        .iter()
        .filter(|w| w.kind == TokenKind::Word && !w.text.chars().any(char::is_uppercase))
        .map(|w| w.lower.as_str())
        .collect();
    let mut out: Vec<(usize, usize, Label)> = Vec::with_capacity(spans.len());
    for (a, b, l) in spans {
        let (mut a, mut l) = (a, l);
        // `Moscow-based Middle East`: the modifier is not part of the name.
        if b > a + 1
            && let Some(w) = words.get(a)
            && let Some(cut) = lowercase_tail(w.text)
        {
            if w.text.get(..cut).is_some_and(crate::ner::is_place) {
                out.push((a, a + 1, Label::Loc));
            }
            a += 1;
        }
        // `Mr. Holtz-Eakin`, `President Putin`: titles are not part of a person's name.
        while l == Label::Person
            && b > a + 1
            && words.get(a).is_some_and(|w| {
                let bare = w.lower.trim_end_matches('.');
                (w.kind == TokenKind::Abbreviation && lx::is_title_head(bare))
                    || PERSON_TITLES.contains(&bare)
            })
        {
            a += 1;
        }
        // `The Kremlin`: the article is not part of the name (`The Hague` is).
        if b > a + 1
            && words.get(a).is_some_and(|w| w.lower == "the")
            && !crate::ner::is_place(&span_key(words, a, b))
        {
            a += 1;
        }
        let key = span_key(words, a, b);
        // `Mutasim Brigades`: an organisation head noun ends an organisation.
        if l == Label::Person
            && b > a + 1
            && words
                .get(b - 1)
                .is_some_and(|w| ORG_ONLY_HEADS.contains(&w.lower.as_str()))
        {
            l = Label::Org;
        }
        if GOVERNMENT_SEATS.contains(&key.as_str()) {
            l = Label::Org;
        }
        // `São Paulo`: a multi-word country or major city is not a person.
        if l == Label::Person
            && b > a + 1
            && crate::ner::is_major_place(&key)
            && !lx::is_person(&key)
        {
            l = Label::Loc;
        }
        // `Turkish-Syrian`: nationalities joined by hyphens are a MISC name.
        if b == a + 1
            && words
                .get(a)
                .is_some_and(|w| w.lower.contains('-') && w.lower.split('-').all(lx::is_demonym))
        {
            l = Label::Misc;
        }
        // The hand-written organisation list outranks a person guess (`Al Jazeera`).
        if l == Label::Person && lx::is_org(&key) && !lx::is_person(&key) {
            l = Label::Org;
        }
        // `the Sochi agreement`: a known place before an event noun is still the place.
        if l == Label::Misc
            && b == a + 1
            && crate::ner::is_place(&key)
            && !lx::is_demonym(&key)
            && words.get(a).is_some_and(|w| w.cap)
            && words
                .get(b)
                .is_some_and(|n| AGREEMENT_NOUNS.contains(&n.lower.as_str()))
        {
            l = Label::Loc;
        }
        // `Po River`, `Mekong Delta`: a place head noun ends a place, not a person.
        if l == Label::Person
            && b > a + 1
            && words
                .get(b - 1)
                .is_some_and(|w| PLACE_HEADS.contains(&w.lower.as_str()))
        {
            l = Label::Loc;
        }
        if let Some(last) = out.last_mut() {
            let between = |x: usize| words.get(x);
            // `Osama bin Laden`, `Ludwig van Beethoven`: a lowercase particle joins two person parts.
            if last.2 == Label::Person
                && l == Label::Person
                && last.1 + 1 == a
                && between(last.1).is_some_and(|w| lx::is_particle(&w.lower) && !w.cap)
            {
                last.1 = b;
                continue;
            }
            // `Turkish Defense Ministry`: a nationality before a government body is part of its name.
            if last.2 == Label::Misc
                && l == Label::Org
                && last.1 == a
                && last.0 + 1 == last.1
                && between(last.0).is_some_and(|w| lx::is_demonym(&w.lower))
                && between(b - 1).is_some_and(|w| GOVERNMENT_HEADS.contains(&w.lower.as_str()))
            {
                *last = (last.0, b, Label::Org);
                continue;
            }
        }
        out.push((a, b, l));
    }
    // `Abdel Fattah el-Sisi`: a particle-hyphen surname ends the person before it.
    let mut k = 0;
    while k < out.len() {
        if let Some(&(a, b, Label::Person)) = out.get(k)
            && words
                .get(b)
                .is_some_and(|w| particle_hyphen(w.text).is_some())
            && words.get(b).map(|w| w.sent) == words.get(a).map(|w| w.sent)
        {
            if let Some(s) = out.get_mut(k) {
                s.1 = b + 1;
            }
            if out.get(k + 1).is_some_and(|n| n.0 == b) {
                out.remove(k + 1);
            }
            continue;
        }
        k += 1;
    }
    // `the M4 highway`, `the A1 road`: road codes are places; so is the place
    // in an untagged `Russia-backed`.
    {
        let mut roads = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let road = is_road_code(w.text)
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.sent == w.sent && ROAD_NOUNS.contains(&n.lower.as_str()));
            let place_tail = w.cap
                && lowercase_tail(w.text)
                    .and_then(|cut| w.text.get(..cut))
                    .is_some_and(crate::ner::is_place);
            // `FLOODS HIT NORTHERN ITALY`: a country in a shouted headline.
            let shouted_country = w.kind == TokenKind::Word
                && w.text.chars().count() >= 4
                && !w.text.chars().any(char::is_lowercase)
                && crate::ner::is_country(w.text);
            let free = !out.iter().any(|&(a, b, _)| a <= i && i < b);
            if (road || place_tail || shouted_country) && free {
                roads.push((i, i + 1, Label::Loc));
            } else if free && speaker_opener(words, i, &lowercase) {
                roads.push((i, i + 1, Label::Person));
            }
        }
        if !roads.is_empty() {
            out.extend(roads);
            out.sort_unstable_by_key(|s| s.0);
        }
    }
    out
}

/// Titles that never belong to the name they precede (abbreviated titles too).
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "president",
    "minister",
    "senator",
    "governor",
    "chancellor",
    "secretary",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "premier",
];

/// Head nouns that only end place names (never surnames, unlike `Hill` or `Park`).
const PLACE_HEADS: &[&str] = &[
    "river",
    "lake",
    "sea",
    "ocean",
    "mountains",
    "valley",
    "desert",
    "gulf",
    "bay",
    "island",
    "islands",
    "peninsula",
    "province",
    "governorate",
    "strait",
    "canal",
    "delta",
    "plateau",
];

/// `Akar said ...`: an unknown capitalised word opening a sentence, directly
/// before a reporting verb, never written in lowercase in the document and in
/// no word list, is a person (the tagger is unsure of sentence openers).
fn speaker_opener(words: &[Word<'_>], i: usize, lowercase: &HashSet<&str>) -> bool {
    let (Some(w), Some(next)) = (words.get(i), words.get(i + 1)) else {
        return false;
    };
    w.initial
        && w.kind == TokenKind::Word
        && w.cap
        && w.text.chars().skip(1).all(char::is_lowercase)
        && w.text.chars().count() >= 3
        && next.sent == w.sent
        && lx::is_speech_verb(&next.lower)
        && !lowercase.contains(w.lower.as_str())
        && !lx::is_common(&w.lower)
        && !is_gazetteer(&w.lower)
        && !lx::is_title_head(&w.lower)
        && !crate::ner::is_place(w.text)
}

/// Head nouns that only end organisation names (never surnames).
const ORG_ONLY_HEADS: &[&str] = &[
    "brigades",
    "brigade",
    "battalion",
    "battalions",
    "regiment",
    "militia",
    "council",
    "ministry",
    "party",
    "army",
    "forces",
    "movement",
    "committee",
    "commission",
    "agency",
    "university",
    "bank",
    "company",
    "corporation",
    "association",
    "federation",
    "union",
    "institute",
    "foundation",
    "organisation",
    "organization",
    "authority",
    "brotherhood",
];

/// Nouns after a place that name an agreement or meeting held there.
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "deal",
    "talks",
    "summit",
    "process",
    "memorandum",
    "declaration",
    "format",
    "framework",
    "meeting",
    "conference",
    "ceasefire",
    "truce",
    "protocol",
    "understanding",
];

/// Heads of government bodies that take a nationality into their name.
const GOVERNMENT_HEADS: &[&str] = &[
    "ministry",
    "government",
    "army",
    "navy",
    "forces",
    "parliament",
    "embassy",
    "cabinet",
    "military",
    "police",
    "foreign ministry",
];

/// `M4`, `A1`, `N5`: one or two capitals and one to three digits.
pub(super) fn is_road_code(s: &str) -> bool {
    let letters = s.chars().take_while(char::is_ascii_uppercase).count();
    let digits = s
        .chars()
        .skip(letters)
        .take_while(char::is_ascii_digit)
        .count();
    (1..=2).contains(&letters) && (1..=3).contains(&digits) && letters + digits == s.chars().count()
}

pub(super) const ROAD_NOUNS: &[&str] = &[
    "highway",
    "motorway",
    "road",
    "freeway",
    "expressway",
    "route",
    "corridor",
    "ring",
    "interstate",
    "autobahn",
    "bypass",
];

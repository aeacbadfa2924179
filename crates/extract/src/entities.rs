//! Entities of a document: trained tagger spans, document passes, grouping into entities (rules as fallback).
//!
//! With the model ([`crate::ner`]), [`find`] works in four steps:
//! 1. Tag: every sentence is tagged in order (the tagger remembers the labels
//!    it gave earlier in the document) and BIO tags become token spans.
//! 2. Conventions the training data does not teach: titles leave person
//!    names (`Mr.`, `President`), a lowercase particle joins two person parts
//!    (`Osama bin Laden`) and a particle-hyphen surname ends one
//!    (`Abdel Fattah el-Sisi`), a nationality joins the government body after
//!    it (`Turkish Defense Ministry`), seats of government are organisations
//!    (`Kremlin`), road codes before a road noun are places (`the M4 highway`),
//!    and `Russia-backed` gives the place `Russia`.
//! 3. Document: a name tagged once is tagged wherever the same capitalised
//!    words occur untagged, with the last words of a full person name too
//!    (`Bin Laden`); a single word that ends a multi-word person's name is
//!    that person.
//! 4. Entities: mentions are grouped (`Erdogan` and `al-Assad` join the full
//!    names they end) and named by their fullest form.
//!
//! Without a model, [`find_by_rules`] runs the earlier recogniser:
//! capitalised runs (split around titles and leading nationalities, joined by
//! particles and `of` after organisation heads), label votes from lexicons,
//! head nouns, titles, given names and neighbouring words, summed per surface
//! form, then the same grouping.
use crate::lexicon as lx;
use crate::sentences::Sentence;
use crate::tokens::{Token, TokenKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use newsdesk_model::{Entity, Label, Mention};

/// One word as the recogniser sees it.
#[derive(Debug, Clone)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
    kind: TokenKind,
    /// Starts with a capital (or is `al-Assad`-like) and may be part of a name.
    cap: bool,
    /// First word of a sentence or of a quotation/parenthesis/after a colon.
    initial: bool,
    sent: usize,
}

/// A candidate span: words `a..b`, with cues gathered while splitting.
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    after_title: bool,
}

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

/// Finds the named entities of `text`, given its tokens and sentences: the
/// trained tagger when its model loads, else the rules.
pub(crate) fn find(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Entity> {
    match crate::ner::Model::builtin() {
        Some(model) => tagged(model, text, tokens, sentences),
        None => find_by_rules(text, tokens, sentences),
    }
}

/// The rule-based recogniser (fallback when no model is available).
pub(crate) fn find_by_rules(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Entity> {
    let words = words(text, tokens, sentences);
    let cands = candidates(&words);
    resolve(text, &words, cands)
}

/// Tags every sentence with the model, applies the conventions and the
/// document passes, and groups the mentions into entities.
fn tagged(
    model: &crate::ner::Model,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Entity> {
    let sents: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| {
            tokens
                .get(s.tokens.clone())
                .unwrap_or(&[])
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect();
    let mut tagger = crate::ner::Tagger::default();
    tagger.start_document(sents.iter());
    let mut words: Vec<Word<'_>> = Vec::with_capacity(tokens.len());
    let mut spans: Vec<(usize, usize, Label)> = Vec::new();
    let mut tags = Vec::new();
    for (si, (s, ws)) in sentences.iter().zip(&sents).enumerate() {
        tagger.tag_sentence(model, ws, &mut tags);
        let base = words.len();
        for (k, t) in tokens
            .get(s.tokens.clone())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let tx = t.text(text);
            words.push(Word {
                start: t.start,
                end: t.end,
                text: tx,
                lower: word_key(tx),
                kind: t.kind,
                cap: starts_upper(tx),
                initial: k == 0,
                sent: si,
            });
        }
        for (a, b, l) in crate::ner::spans(&tags) {
            spans.push((base + a, base + b, l));
        }
    }
    let spans = adjust_spans(&words, spans);
    // `Russia-backed`, `Moscow-based`: the name without its lowercase tail, a
    // place when it names one (the tagger calls `Russian-backed` MISC).
    let mut spans = spans;
    for (a, b, l) in &mut spans {
        if let Some(w) = b.checked_sub(1).and_then(|i| words.get_mut(i))
            && let Some(cut) = lowercase_tail(w.text)
        {
            w.end = w.start + cut;
            w.text = w.text.get(..cut).unwrap_or(w.text);
            w.lower = word_key(w.text);
            if *b == *a + 1 && crate::ner::is_place(w.text) && !lx::is_demonym(&w.lower) {
                *l = Label::Loc;
            }
        }
    }
    propagate(&words, &mut spans);
    let keys: Vec<String> = spans
        .iter()
        .map(|&(a, b, _)| span_key(&words, a, b))
        .collect();
    // A single word that ends a multi-word person's name is that person.
    let surnames: HashSet<String> = spans
        .iter()
        .filter(|&&(a, b, l)| l == Label::Person && b >= a + 2)
        .filter_map(|&(_, b, _)| words.get(b - 1))
        .flat_map(|w| surname_keys(&w.lower))
        .collect();
    let mut cands = Vec::with_capacity(spans.len());
    let mut labelled = Vec::with_capacity(spans.len());
    for (i, (&(a, b, l), k)) in spans.iter().zip(&keys).enumerate() {
        let mut label = l;
        if b == a + 1 && surnames.contains(k.as_str()) {
            label = Label::Person;
        }
        cands.push(Cand {
            a,
            b,
            after_title: false,
        });
        labelled.push((i, label));
    }
    group(text, &words, &cands, &keys, &labelled)
}

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
fn adjust_spans(
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

/// Second pass over the document: a name tagged somewhere is tagged wherever
/// the same capitalised words occur untagged, with the same label; the last
/// words of a person's full name (`Bin Laden` after `Osama bin Laden`) too.
fn propagate<'w>(words: &'w [Word<'_>], spans: &mut Vec<(usize, usize, Label)>) {
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

/// Byte length of the name part of `Russia-backed` (a capitalised word, a hyphen,
/// then only lowercase letters), if the word has that form.
fn lowercase_tail(s: &str) -> Option<usize> {
    let (i, c) = s.char_indices().find(|&(_, c)| is_hyphen(c))?;
    let tail = s.get(i + c.len_utf8()..)?;
    let head = s.get(..i)?;
    (starts_upper(head)
        && particle_hyphen(s).is_none()
        && !tail.is_empty()
        && tail.chars().all(char::is_lowercase))
    .then_some(i)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `al-Assad`, `el-Sisi`, `bin-Salman`: lowercase particle, hyphen, capital.
fn particle_hyphen(s: &str) -> Option<usize> {
    let (i, _) = s.char_indices().find(|&(_, c)| is_hyphen(c))?;
    let head = s.get(..i)?;
    let tail = s.get(i..)?.chars().skip(1).collect::<String>();
    (lx::is_particle(head) && starts_upper(&tail)).then_some(i)
}

fn word_key(s: &str) -> String {
    s.to_lowercase().replace(['’', 'ʼ'], "'")
}

fn words<'a>(text: &'a str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Word<'a>> {
    // Lowercase forms seen anywhere: a capitalised sentence opener that also
    // occurs in lowercase is an ordinary word.
    let mut out: Vec<Word<'a>> = Vec::with_capacity(tokens.len());
    for (si, s) in sentences.iter().enumerate() {
        let toks = tokens.get(s.tokens.clone()).unwrap_or(&[]);
        let caps_sentence = is_caps_sentence(text, toks);
        let mut initial = true;
        for t in toks {
            let tx = t.text(text);
            let opener = matches!(t.kind, TokenKind::Quote | TokenKind::Punct)
                && matches!(
                    tx,
                    "\"" | "“" | "‘" | "'" | "«" | "(" | "[" | ":" | "-" | "–" | "—" | "--" | "•"
                );
            let pieces = split_word(t, tx);
            for (ps, pe, kind, cap_piece) in pieces {
                let ptext = text.get(ps..pe).unwrap_or("");
                let lower = word_key(ptext);
                let cap = cap_piece
                    && match kind {
                        TokenKind::Word | TokenKind::Abbreviation => {
                            if caps_sentence {
                                false // decided below, once lowercase forms are known
                            } else {
                                starts_upper(ptext) || particle_hyphen(ptext).is_some()
                            }
                        }
                        _ => false,
                    };
                out.push(Word {
                    start: ps,
                    end: pe,
                    text: ptext,
                    lower,
                    kind,
                    cap,
                    initial: initial && !opener,
                    sent: si,
                });
            }
            initial = opener || (initial && matches!(t.kind, TokenKind::Quote | TokenKind::Punct));
        }
    }
    let lower_seen: HashSet<String> = out
        .iter()
        .filter(|w| {
            w.kind == TokenKind::Word
                && w.text.chars().any(char::is_alphabetic)
                && !w.text.chars().any(char::is_uppercase)
        })
        .map(|w| w.lower.clone())
        .collect();
    // All-caps sentences (headlines): a word is name-like when it is not a common word.
    let caps_sents: HashSet<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| is_caps_sentence(text, tokens.get(s.tokens.clone()).unwrap_or(&[])))
        .map(|(i, _)| i)
        .collect();
    // Names confirmed in ordinary (mixed-case) sentences, away from their start.
    let confirmed: HashSet<String> = out
        .iter()
        .filter(|w| w.cap && !w.initial && !caps_sents.contains(&w.sent))
        .map(|w| w.lower.clone())
        .collect();
    let has_body = out
        .iter()
        .any(|w| !caps_sents.contains(&w.sent) && w.kind == TokenKind::Word);
    for w in &mut out {
        if caps_sents.contains(&w.sent)
            && matches!(w.kind, TokenKind::Word | TokenKind::Abbreviation)
            && starts_upper(w.text)
            && has_body
        {
            // A headline word is a name when the body writes it as one.
            w.cap = is_gazetteer(&w.lower) || confirmed.contains(&w.lower);
            continue;
        }
        if caps_sents.contains(&w.sent)
            && matches!(w.kind, TokenKind::Word | TokenKind::Abbreviation)
            && starts_upper(w.text)
        {
            let gazetteer = lx::is_location(&w.lower)
                || lx::is_org(&w.lower)
                || lx::is_demonym(&w.lower)
                || lx::is_person(&w.lower);
            w.cap = gazetteer
                || (!lx::is_common(&w.lower)
                    && !lower_seen.contains(&w.lower)
                    && !lx::is_title_head(&w.lower));
        }
        // Shouted common words inside ordinary lines (`SOCCER -`, `SCHEDULE`), and lone letters.
        let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
        if w.cap
            && letters >= 2
            && !w.text.chars().any(char::is_lowercase)
            && (lx::is_common(&w.lower) || lower_seen.contains(&w.lower))
            && !is_gazetteer(&w.lower)
        {
            w.cap = false;
        }
        if w.cap && w.text.chars().count() == 1 && w.kind == TokenKind::Word {
            w.cap = false;
        }
        // Sentence openers that are ordinary words elsewhere in the document.
        if w.cap && w.initial && lower_seen.contains(&w.lower) && !is_gazetteer(&w.lower) {
            w.cap = false;
        }
    }
    out
}

fn is_gazetteer(key: &str) -> bool {
    lx::is_location(key) || lx::is_org(key) || lx::is_demonym(key) || lx::is_person(key)
}

/// Mostly uppercase words: a headline or a shouted line.
fn is_caps_sentence(text: &str, toks: &[Token]) -> bool {
    let mut words = 0;
    let mut upper = 0;
    for t in toks {
        if t.kind != TokenKind::Word {
            continue;
        }
        let s = t.text(text);
        if s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        words += 1;
        if !s.chars().any(char::is_lowercase) {
            upper += 1;
        }
    }
    words >= 3 && upper * 4 >= words * 3
}

/// Splits a token into recogniser words: `Russia-backed` -> `Russia`, `-backed`;
/// `Turkish-Syrian` -> `Turkish`, `-`, `Syrian` (when every part is a place or nationality).
/// Returns `(start, end, kind, may_be_capitalised)`.
fn split_word(t: &Token, tx: &str) -> Vec<(usize, usize, TokenKind, bool)> {
    let whole = vec![(t.start, t.end, t.kind, true)];
    if t.kind != TokenKind::Word || !tx.contains(is_hyphen) || particle_hyphen(tx).is_some() {
        return whole;
    }
    let mut parts: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (i, c) in tx.char_indices() {
        if is_hyphen(c) {
            parts.push((from, tx.get(from..i).unwrap_or("")));
            from = i + c.len_utf8();
        }
    }
    parts.push((from, tx.get(from..).unwrap_or("")));
    let Some(&(_, first)) = parts.first() else {
        return whole;
    };
    if !starts_upper(first) {
        return whole;
    }
    let rest_lower = parts
        .iter()
        .skip(1)
        .any(|(_, p)| !p.is_empty() && !p.chars().any(char::is_uppercase));
    if rest_lower {
        // `Russia-backed`, `Moscow-based`: the name, then an ordinary tail.
        let cut = t.start + first.len();
        return vec![
            (t.start, cut, TokenKind::Word, true),
            (cut, t.end, TokenKind::Word, false),
        ];
    }
    let all_known = parts.iter().all(|(_, p)| {
        let k = word_key(p);
        lx::is_demonym(&k) || lx::is_location(&k)
    });
    if all_known && parts.len() > 1 {
        let mut v = Vec::new();
        for (i, (off, p)) in parts.iter().enumerate() {
            if i > 0 {
                let hs = t.start + off - 1;
                v.push((hs, t.start + off, TokenKind::Punct, false));
            }
            v.push((
                t.start + off,
                t.start + off + p.len(),
                TokenKind::Word,
                true,
            ));
        }
        return v;
    }
    whole
}

/// Whether word `i` is a lowercase connector that may join two name parts.
fn connector(words: &[Word<'_>], run_start: usize, i: usize) -> bool {
    let Some(w) = words.get(i) else { return false };
    let Some(next) = words.get(i + 1) else {
        return false;
    };
    let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) else {
        return false;
    };
    if i <= run_start || !prev.cap || next.sent != w.sent || prev.kind == TokenKind::Possessive {
        return false;
    }
    let next_cap = next.cap
        || (next.lower == "the" && words.get(i + 2).is_some_and(|n| n.cap) && (w.lower == "of"));
    if !next_cap {
        return false;
    }
    match w.lower.as_str() {
        "&" => true,
        "of" => lx::is_of_head(&prev.lower),
        "for" | "on" => lx::is_org_head(&prev.lower),
        "the" => i >= 1 && words.get(i - 1).is_some_and(|p| p.lower == "of"),
        _ => w.kind == TokenKind::Word && lx::is_particle(&w.lower) && !w.initial,
    }
}

fn candidates(words: &[Word<'_>]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(w) = words.get(i) else { break };
        if !w.cap {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        while let Some(n) = words.get(b) {
            if n.sent != w.sent {
                break;
            }
            if n.cap && n.start <= words.get(b - 1).map_or(0, |p| p.end) + 2 && !n.initial {
                b += 1;
            } else if n.cap && !n.initial {
                // separated by more than a space (newline etc.): still same run if only spaces
                b += 1;
            } else if connector(words, a, b) {
                b += 1;
            } else {
                break;
            }
        }
        // Trim trailing connectors.
        while b > a + 1 && words.get(b - 1).is_some_and(|x| !x.cap) {
            b -= 1;
        }
        refine(words, a, b, &mut out);
        i = b.max(i + 1);
    }
    out
}

/// Cleans a raw run and pushes the candidates it contains.
fn refine(words: &[Word<'_>], mut a: usize, mut b: usize, out: &mut Vec<Cand>) {
    let key = |a: usize, b: usize| span_key(words, a, b);
    // Leading sentence starters and trailing/leading calendar words.
    loop {
        if a >= b {
            return;
        }
        let Some(first) = words.get(a) else { return };
        let whole = key(a, b);
        if is_gazetteer(&whole) {
            break;
        }
        if first.initial
            && lx::is_sentence_starter(&first.lower)
            && !is_gazetteer(&first.lower)
            && !lx::is_title_head(&first.lower)
        {
            a += 1;
            continue;
        }
        if lx::is_calendar(first.lower.trim_end_matches('.')) || first.lower == "i" || !first.cap {
            a += 1;
            continue;
        }
        if words
            .get(b - 1)
            .is_some_and(|l| lx::is_calendar(l.lower.trim_end_matches('.')) || !l.cap)
        {
            b -= 1;
            continue;
        }
        break;
    }
    let whole = key(a, b);
    if is_gazetteer(&whole) {
        out.push(Cand {
            a,
            b,
            after_title: false,
        });
        return;
    }
    // Title inside the run: `Turkish President | Recep Tayyip Erdogan`.
    if let Some((ts, te)) = title_in(words, a, b) {
        if ts > a {
            refine(words, a, ts, out);
        }
        if te < b {
            out.push(Cand {
                a: te,
                b,
                after_title: true,
            });
        }
        return;
    }
    // Leading nationality: `Turkish | Recep Tayyip Erdogan`, but `Turkish Defense Ministry` stays.
    if b - a >= 2
        && words.get(a).is_some_and(|w| lx::is_demonym(&w.lower))
        && !has_head(words, a, b)
        && !org_of(words, a + 1, b)
    {
        out.push(Cand {
            a,
            b: a + 1,
            after_title: false,
        });
        refine(words, a + 1, b, out);
        return;
    }
    // Runs made only of common words (`Opposition`, `Foreign Minister`) are not names.
    let all_common = (a..b).all(|k| {
        words.get(k).is_some_and(|w| {
            lx::is_common(&w.lower)
                || lx::is_title_head(&w.lower)
                || lx::is_title_modifier(&w.lower)
                || !w.text.chars().any(char::is_alphabetic)
        })
    });
    if all_common && !has_head(words, a, b) && !org_of(words, a, b) {
        return;
    }
    out.push(Cand {
        a,
        b,
        after_title: false,
    });
}

fn span_key(words: &[Word<'_>], a: usize, b: usize) -> String {
    let mut s = String::new();
    for k in a..b {
        if let Some(w) = words.get(k) {
            if !s.is_empty() && words.get(k - 1).is_some_and(|p| p.end < w.start) {
                s.push(' ');
            }
            s.push_str(&w.lower);
        }
    }
    s
}

/// `Ministry of Defence`, `Institute of International Affairs`, `Council on Foreign
/// Relations`: the word before the first `of`/`for`/`on` is an organisation or place head.
fn org_of(words: &[Word<'_>], a: usize, b: usize) -> bool {
    (a + 1..b).any(|k| {
        words
            .get(k)
            .is_some_and(|w| matches!(w.lower.as_str(), "of" | "for" | "on"))
            && words
                .get(k - 1)
                .is_some_and(|p| lx::is_org_head(&p.lower) || lx::is_loc_head(&p.lower))
    })
}

/// Whether the span ends in an organisation or location head noun (and is longer than it).
fn has_head(words: &[Word<'_>], a: usize, b: usize) -> bool {
    b >= a + 2
        && words.get(b - 1).is_some_and(|w| {
            lx::is_org_head(&w.lower) || lx::is_loc_head(&w.lower) || lx::is_misc_head(&w.lower)
        })
}

/// Finds a title phrase inside `a..b` that is followed by a name: returns its span.
fn title_in(words: &[Word<'_>], a: usize, b: usize) -> Option<(usize, usize)> {
    for h in a..b {
        let w = words.get(h)?;
        let lw = w.lower.trim_end_matches('.');
        let plural_ok = lw.strip_suffix('s').is_some_and(lx::is_title_head);
        if !(lx::is_title_head(&w.lower) || lx::is_title_head(lw) || plural_ok) {
            continue;
        }
        // Extend back over modifiers.
        let mut ts = h;
        while ts > a
            && words
                .get(ts - 1)
                .is_some_and(|p| lx::is_title_modifier(&p.lower) || lx::is_title_head(&p.lower))
        {
            ts -= 1;
        }
        // Extend forward over further heads (`Prime Minister`, `Lt. Gen.`) and `of X`.
        let mut te = h + 1;
        while te < b
            && words.get(te).is_some_and(|n| {
                lx::is_title_head(&n.lower)
                    || (lx::is_title_modifier(&n.lower)
                        && words
                            .get(te + 1)
                            .is_some_and(|m| lx::is_title_head(&m.lower)))
            })
        {
            te += 1;
        }
        if words.get(te).is_some_and(|n| n.lower == "of") && te + 2 < b {
            te += 2;
        }
        if te >= b {
            return None; // a title with no name after it
        }
        let rest_first = words.get(te)?;
        if lx::is_common(&rest_first.lower)
            && !lx::is_person(&rest_first.lower)
            && !lx::is_first_name(&rest_first.lower)
            || has_head(words, te, b)
            || (b - te == 1
                && words
                    .get(te)
                    .is_some_and(|n| lx::is_org_head(&n.lower) || lx::is_loc_head(&n.lower)))
            || is_gazetteer(&span_key(words, a, b))
        {
            return None;
        }
        return Some((ts, te));
    }
    None
}

/// `M4`, `A1`, `N5`: one or two capitals and one to three digits.
fn is_road_code(s: &str) -> bool {
    let letters = s.chars().take_while(char::is_ascii_uppercase).count();
    let digits = s
        .chars()
        .skip(letters)
        .take_while(char::is_ascii_digit)
        .count();
    (1..=2).contains(&letters) && (1..=3).contains(&digits) && letters + digits == s.chars().count()
}

const ROAD_NOUNS: &[&str] = &[
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

/// The keys under which a single-word mention can refer back to a person, from a
/// lowercase word: itself and, without a particle prefix, its tail (`al-assad` -> `assad`).
fn surname_keys(lower: &str) -> Vec<String> {
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

fn resolve(text: &str, words: &[Word<'_>], cands: Vec<Cand>) -> Vec<Entity> {
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

fn group(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `expected`: `LABEL name xN` per entity, in first-mention order.
    fn check(input: &str, expected: &[&str]) {
        let tokens = crate::tokens::tokenize(input);
        let sentences = crate::sentences::split(input, &tokens);
        let got: Vec<String> = find(input, &tokens, &sentences)
            .iter()
            .map(|e| format!("{} {} x{}", e.label.name(), e.name, e.mentions.len()))
            .collect();
        assert_eq!(got, expected, "entities of {input:?}");
    }

    #[test]
    fn entities() {
        let cases: &[(&str, &[&str])] = &[
            (
                "German Chancellor Angela Merkel met Emmanuel Macron in Paris. Merkel said the talks were good.",
                &[
                    "MISC German x1",
                    "PERSON Angela Merkel x2",
                    "PERSON Emmanuel Macron x1",
                    "LOC Paris x1",
                ],
            ),
            (
                "Despite the rain, More people came. Earlier on Monday, the Red Cross said it was ready.",
                &["ORG Red Cross x1"],
            ),
            (
                "Osama bin Laden was killed in Abbottabad. Bin Laden had hidden there for years.",
                &["PERSON Osama bin Laden x2", "LOC Abbottabad x1"],
            ),
            (
                "Egyptian President Abdel Fattah el-Sisi spoke. El-Sisi later left for Riyadh.",
                &[
                    "MISC Egyptian x1",
                    "PERSON Abdel Fattah el-Sisi x2",
                    "LOC Riyadh x1",
                ],
            ),
            (
                "The Ministry of Defence said troops from the Scots Guards were sent along the A1 road.",
                &[
                    "ORG Ministry of Defence x1",
                    "ORG Scots Guards x1",
                    "LOC A1 x1",
                ],
            ),
            (
                "Officials at the Kremlin denied it. Analyst Maria Petrova told the Moscow Times so.",
                &[
                    "ORG Kremlin x1",
                    "PERSON Maria Petrova x1",
                    "ORG Moscow Times x1",
                ],
            ),
            (
                "Fighting raged near Kobane, residents said. Fighting is expected to go on.",
                &["LOC Kobane x1"],
            ),
            (
                "Jane Doe, a 40-year-old nurse, lives in Leeds. Doe said: \"Leeds is home.\"",
                // Each mention keeps its own label: news (and CoNLL) use a city's
                // name for its club too, and forcing one label per document costs
                // 0.7 points of dev F1.
                &["PERSON Jane Doe x2", "LOC Leeds x1", "ORG Leeds x1"],
            ),
            (
                "the U.S.-backed forces and the Russia-backed militias",
                &["LOC U.S. x1", "LOC Russia x1"],
            ),
            (
                "Ankara's Turkish-Syrian border",
                // CoNLL convention: a hyphenated compound of nationalities is one MISC name.
                &["LOC Ankara x1", "MISC Turkish-Syrian x1"],
            ),
            (
                "NATO LEADERS MEET\n\nNATO leaders met in Brussels on Thursday.",
                &["ORG NATO x2", "LOC Brussels x1"],
            ),
            (
                "Officials at the Kremlin denied it. The Turkish Defense Ministry said Mr. Akar left.",
                &[
                    "ORG Kremlin x1",
                    "ORG Turkish Defense Ministry x1",
                    "PERSON Akar x1",
                ],
            ),
            (
                "Troops held the M4 highway, a Moscow-based analyst said.",
                &["LOC M4 x1", "LOC Moscow x1"],
            ),
            (
                "FLOODS HIT NORTHERN ITALY\n\nRain fell. Akar said the Sochi agreement held, \
                 Al Jazeera reported from São Paulo.",
                &[
                    "LOC ITALY x1",
                    "PERSON Akar x1",
                    "LOC Sochi x1",
                    "ORG Al Jazeera x1",
                    "LOC São Paulo x1",
                ],
            ),
            ("", &[]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    /// The rule-based recogniser, used when no model loads.
    #[test]
    fn rules_fallback() {
        let cases: &[(&str, &[&str])] = &[
            (
                "German Chancellor Angela Merkel met Emmanuel Macron in Paris. Merkel said so.",
                &[
                    "MISC German x1",
                    "PERSON Angela Merkel x2",
                    "PERSON Emmanuel Macron x1",
                    "LOC Paris x1",
                ],
            ),
            ("", &[]),
        ];
        for (input, expected) in cases {
            let tokens = crate::tokens::tokenize(input);
            let sentences = crate::sentences::split(input, &tokens);
            let got: Vec<String> = find_by_rules(input, &tokens, &sentences)
                .iter()
                .map(|e| format!("{} {} x{}", e.label.name(), e.name, e.mentions.len()))
                .collect();
            assert_eq!(got, *expected, "entities of {input:?}");
        }
    }
}

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
use foldhash::HashSet;
use newsdesk_model::{Entity, Label};

mod conventions;
mod group;
mod propagate;
mod rules;
mod votes;

use conventions::adjust_spans;
use group::{group, surname_keys};
use propagate::propagate;
use rules::{candidates, words};
use votes::resolve;

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

fn is_gazetteer(key: &str) -> bool {
    lx::is_location(key) || lx::is_org(key) || lx::is_demonym(key) || lx::is_person(key)
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

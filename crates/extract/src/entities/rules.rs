//! Rule-based recogniser, first half: recogniser words and candidate name spans.
use super::{
    Cand, Word, is_gazetteer, is_hyphen, particle_hyphen, span_key, starts_upper, word_key,
};
use crate::lexicon as lx;
use crate::sentences::Sentence;
use crate::tokens::{Token, TokenKind};
use foldhash::HashSet;

pub(super) fn words<'a>(text: &'a str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Word<'a>> {
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

pub(super) fn candidates(words: &[Word<'_>]) -> Vec<Cand> {
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
pub(super) fn has_head(words: &[Word<'_>], a: usize, b: usize) -> bool {
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

//! Counts of people affected: which quantities count the killed, injured,
//! arrested, kidnapped, displaced, missing, evacuated or affected, and the
//! period a cumulative total covers.
//!
//! Works on the shared text layer ([`crate::tokens`], [`crate::sentences`]).
//! A count needs a number of people (a quantity whose noun is a person noun, a
//! bare number, or `a`/`an`/`another` + person noun) governed, in its clause,
//! by what happened to them:
//! - after it, across auxiliaries and adverbs: `21 Syrian troops killed`,
//!   `two others were wounded`, `nearly one million people have been displaced`,
//!   `a man was shot and killed` (`shot` alone is injured; `shot dead`,
//!   `shot and killed`, `fatally shot` are killed);
//! - before it, as the object: `killing two Turkish soldiers`, `police arrested
//!   two men`, `the killing of two soldiers`;
//! - inside it: `left three people dead`, `one dead`, `60 deaths`;
//! - as the value of a toll: `the death toll rose to 60`, `raised the number of
//!   soldiers killed ... to 60`.
//!
//! Negation and hypotheticals (`not`, `could have`, `tried to`) give no count,
//! and a number that is the subject of an active verb (`two gunmen killed a
//! man`) is the agent, not the victims. A period phrase in the count's clause
//! (`since the beginning of February`, `this year`, `so far`) is kept as the
//! count's `period`.
use super::numbers::number_word;
use super::words::{
    COUNT_GAP, COUNT_NEGATORS, Kind, PERIOD_NOUNS, PERSON_NOUNS, active_word, counted_event,
    event_noun, state_word,
};
use crate::sentences::{self, Sentence};
use crate::tokens::{Token, TokenKind, tokenize};
use newsdesk_model::Quantity;

/// Word stems one of which a text must contain to hold any count (a cheap
/// test that spares the tokenizer on texts with none).
#[rustfmt::skip]
const STEMS: &[&str] = &[
    "kill", "dead", "death", "died", "dies", "dying", "slain", "murder", "injur", "wound",
    "hurt", "shot", "shoot", "stab", "hospital", "arrest", "detain", "custody",
    "kidnap", "abduct", "hostage", "displace", "homeless", "missing", "evacua", "affected",
    "toll", "fatal", "executed", "execution", "drown", "perish", "lives", "condition",
    "succumb", "massacr", "maim", "captured", "jailed", "apprehend", "hit",
];

/// Sets `count` and `period` on the quantities of `text` that count people
/// affected, and adds the counts that have no quantity yet (`a woman was
/// injured`, `killing five`, `a man and a woman were shot`). Keeps `qs` sorted
/// by start.
pub(super) fn annotate(text: &str, qs: &mut Vec<Quantity>) {
    let mut added: Vec<Quantity> = Vec::new();
    // counts said only as `shot`: (in `qs`, index)
    let mut shot: Vec<(bool, usize)> = Vec::new();
    let mut qi = 0;
    // paragraph by paragraph (a blank line always ends a sentence), and only
    // those with a casualty word go through the tokenizer
    for (c0, chunk) in paragraphs(text) {
        if !has_stem(chunk) {
            continue;
        }
        let mut toks = tokenize(chunk);
        for t in &mut toks {
            t.start += c0;
            t.end += c0;
        }
        let sents = sentences::split(text, &toks);
        let low = chunk.to_ascii_lowercase();
        let lows: Vec<&str> = toks
            .iter()
            .map(|t| low.get(t.start - c0..t.end - c0).unwrap_or(""))
            .collect();
        let cx = Cx {
            text,
            toks: &toks,
            lows: &lows,
        };
        for s in &sents {
            let mut nps: Vec<Np> = Vec::new();
            while qs.get(qi).is_some_and(|q| q.start < s.start) {
                qi += 1;
            }
            let first_q = qi;
            while let Some(q) = qs.get(qi).filter(|q| q.start < s.end) {
                if let Some(np) = cx.quantity_np(q, qi, s) {
                    nps.push(np);
                }
                qi += 1;
            }
            cx.other_nps(s, qs.get(first_q..qi).unwrap_or(&[]), &mut nps);
            nps.sort_by_key(|n| n.a);
            let found = cx.tolls(s, &nps);
            let mut all: Vec<(usize, Governed)> = Vec::new();
            for (k, np) in nps.iter().enumerate() {
                let got = found
                    .iter()
                    .find(|(i, _, _)| *i == k)
                    .map(|&(_, kind, t)| Governed {
                        kind,
                        trigger: t,
                        with: Vec::new(),
                    })
                    .or_else(|| cx.governed(np, s, &nps));
                if let Some(g) = got {
                    all.push((k, g));
                }
            }
            // `two people were shot, one fatally`: those shot are not all injured
            let fatal_part = all
                .iter()
                .filter(|(_, g)| matches!(cx.low(g.trigger), "fatally" | "mortally"))
                .map(|(k, _)| *k)
                .min();
            if let Some(f) = fatal_part {
                for (k, g) in &mut all {
                    if *k < f && g.kind == Kind::Injured && cx.low(g.trigger) == "shot" {
                        g.kind = Kind::Affected;
                    }
                }
            }
            let mut listed: Vec<usize> = Vec::new();
            for (k, g) in all {
                let Some(np) = nps.get(k) else { continue };
                let period = cx.period(np, g.trigger, s);
                let by_shot = g.kind == Kind::Injured && cx.low(g.trigger) == "shot";
                let first_of_list = !listed.contains(&k);
                listed.extend(g.with.iter().copied());
                if !g.with.is_empty() && first_of_list {
                    // `a man and a woman were shot`: the people listed together
                    let members =
                        std::iter::once(np).chain(g.with.iter().filter_map(|&i| nps.get(i)));
                    let (mut value, mut b) = (0.0, np.b);
                    for m in members {
                        value += m.value;
                        b = b.max(m.b);
                    }
                    let sum = Np {
                        b,
                        value,
                        q: None,
                        ..np.clone()
                    };
                    if by_shot {
                        shot.push((false, added.len()));
                    }
                    added.push(cx.new_quantity(&sum, g.kind, period.clone(), false));
                }
                match np.q {
                    Some(i) => {
                        if let Some(q) = qs.get_mut(i) {
                            q.count = Some(g.kind.name().to_string());
                            q.period = period;
                            if by_shot {
                                shot.push((true, i));
                            }
                        }
                    }
                    None => {
                        if by_shot {
                            shot.push((false, added.len()));
                        }
                        added.push(cx.new_quantity(np, g.kind, period, true));
                    }
                }
            }
        }
    }
    // `four people were shot` in a story that reports a death: those shot
    // include the dead, so they are affected, not injured
    let deaths = qs
        .iter()
        .chain(&added)
        .any(|q| q.count.as_deref() == Some("killed") && q.period.is_none());
    if deaths {
        for (in_qs, i) in shot {
            let q = if in_qs {
                qs.get_mut(i)
            } else {
                added.get_mut(i)
            };
            if let Some(q) = q {
                q.count = Some(Kind::Affected.name().to_string());
            }
        }
    }
    if !added.is_empty() {
        qs.extend(added);
        qs.sort_by_key(|q| (q.start, q.end));
        qs.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    }
}

/// What governs a number of people: the kind, the token that says it, and the
/// other numbers listed with it (`a man and a woman were shot`).
struct Governed {
    kind: Kind,
    trigger: usize,
    with: Vec<usize>,
}

/// The paragraphs of `text` (split at blank lines): (byte offset, text).
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split("\n\n").map(move |p| {
        let start = at;
        at += p.len() + 2;
        (start, p)
    })
}

/// Whether `chunk` has a word starting with one of [`STEMS`] (one pass, any case).
fn has_stem(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    let mut prev_letter = false;
    for (i, &b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic();
        if letter && !prev_letter {
            let first = b.to_ascii_lowercase();
            let rest = bytes.get(i..).unwrap_or(&[]);
            let hit = STEMS.iter().any(|s| {
                s.as_bytes().first() == Some(&first)
                    && rest.len() >= s.len()
                    && rest
                        .iter()
                        .zip(s.as_bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == *b)
            });
            if hit {
                return true;
            }
        }
        prev_letter = letter;
    }
    false
}

/// A candidate number of people: tokens `a..b` of the sentence.
#[derive(Debug, Clone)]
struct Np {
    /// First token.
    a: usize,
    /// One past the last token.
    b: usize,
    /// Index of its quantity, or `None` for one the quantity finder has not.
    q: Option<usize>,
    /// What happened, when the phrase says it itself (`one dead`, `60 deaths`).
    inner: Option<Kind>,
    /// A person noun names what is counted.
    person: bool,
    /// A noun not known to name people names what is counted (`seven
    /// shuttle astronauts`): only a death, injury or arrest makes it a count.
    unknown: bool,
    /// Its value.
    value: f64,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lows: &'a [&'a str],
}

impl Cx<'_> {
    fn low(&self, i: usize) -> &str {
        self.lows.get(i).copied().unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The token starting at byte `pos`.
    fn tok_at(&self, pos: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&pos, |t| t.start).ok()
    }

    /// The token index one past the token ending at byte `pos`.
    fn tok_end(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end < pos);
        self.toks.get(i).filter(|t| t.end == pos).map(|_| i + 1)
    }

    /// A person noun, or a plural demonym (`Syrians`, `Americans`).
    fn is_person(&self, i: usize) -> bool {
        let w = self.low(i);
        PERSON_NOUNS.contains(&w)
            || (w.len() > 3
                && w.ends_with('s')
                && self
                    .toks
                    .get(i)
                    .is_some_and(|t| t.is_capitalised(self.text))
                && crate::lexicon::is_demonym(w.get(..w.len() - 1).unwrap_or("")))
    }

    /// An age compound: `25-year-old`, `3-month-old`.
    fn is_age(&self, i: usize) -> bool {
        let w = self.low(i);
        (w.ends_with("-old") || w.ends_with("-olds"))
            && (self.kind(i) == Some(TokenKind::Number)
                || w.split('-')
                    .next()
                    .is_some_and(|n| word_value(n).is_some() || n == "one"))
    }

    /// A bare number set off as an age: `Smith, 22, was shot`, `(22)`,
    /// `aged 22`, `in his 60s`.
    fn appositive(&self, a: usize, b: usize) -> bool {
        let prev = if a > 0 { self.low(a - 1) } else { "" };
        let next = self.low(b);
        // `Larry Watkins Jr. 26`, `ages 14 and 15`, `19 and 20`
        let after_name = a > 0
            && self.toks.get(a - 1).is_some_and(|t| {
                t.is_capitalised(self.text) && t.end < self.toks.get(a).map_or(0, |n| n.start)
            });
        let listed_age = matches!(prev, "and" | "," | "or" | "to")
            && a > 1
            && self.kind(a - 2) == Some(TokenKind::Number);
        after_name
            || listed_age
            || matches!(prev, "aged" | "age" | "ages" | "his" | "her" | "their")
            || (matches!(prev, "," | "(") && matches!(next, "," | ")" | "and"))
            || (b == a + 1 && self.low(a).ends_with('s') && self.kind(a) == Some(TokenKind::Number))
    }

    /// `of them`, `of the crew`, `of the 543 passengers` after a bare number:
    /// one past its end.
    fn partitive(&self, b: usize, s: &Sentence) -> Option<usize> {
        if self.low(b) != "of" {
            return None;
        }
        match self.low(b + 1) {
            "them" | "whom" | "us" | "those" => Some(b + 2),
            "the" | "these" | "his" | "her" | "their" => (b + 2..(b + 6).min(s.tokens.end))
                .find(|&i| self.is_person(i))
                .map(|i| i + 1),
            _ => None,
        }
    }

    /// The quantity `q` as a candidate number of people, if it is a plain count.
    fn quantity_np(&self, q: &Quantity, qi: usize, s: &Sentence) -> Option<Np> {
        if q.value < 1.0 || q.end > s.end || q.unit.is_some() {
            // an age (`25-year-old man`) is a measure; `a 25-year-old man` is
            // a person, found by `other_nps`
            return None;
        }
        let a = self.tok_at(q.start)?;
        let mut b = self.tok_end(q.end)?;
        let mut person = false;
        let mut inner = None;
        let mut nouns = 0;
        for i in a..b {
            if self.kind(i) != Some(TokenKind::Word) {
                continue;
            }
            let w = self.low(i);
            if self.is_person(i) {
                person = true;
            } else if matches!(w, "fatally" | "mortally") {
                // `two people were shot, one fatally`
                inner = Some(Kind::Killed);
            } else if let Some(k) = counted_event(w).or_else(|| state_word(w)) {
                inner = Some(k);
            } else if q.qualifier.as_deref().is_some_and(|x| x.contains(w)) || is_number_word(w) {
                continue;
            } else if !w.is_empty() {
                nouns += 1;
            }
        }
        if !person && inner.is_none() && nouns == 0 {
            // `two 17-year-old boys`, `32 of the passengers`: what follows a bare number
            let mut j = b;
            if self.is_age(j) {
                j += 1;
            }
            if self.is_person(j) {
                b = j + 1;
                person = true;
            } else if let Some(e) = self.partitive(b, s) {
                b = e;
                person = true;
            }
        }
        if !person && inner.is_none() && nouns == 0 && self.appositive(a, b) {
            return None;
        }
        // a noun not known to name people must at least be a plural (`seven
        // shuttle astronauts`, not `108,780 deer`)
        let plural_end = self.low(b.saturating_sub(1)).ends_with('s');
        if !person && inner.is_none() && nouns > 0 && !plural_end {
            return None;
        }
        Some(Np {
            a,
            b,
            q: Some(qi),
            inner,
            person,
            unknown: !person && inner.is_none() && nouns > 0 && plural_end,
            value: q.value,
        })
    }

    /// Numbers of people the quantity finder has no quantity for: `a man`,
    /// `an unidentified woman`, `another 25-year-old`, `a 3-year-old child`,
    /// and bare number words (`killing five`, `one fatally`).
    fn other_nps(&self, s: &Sentence, qs: &[Quantity], out: &mut Vec<Np>) {
        for i in s.tokens.clone() {
            let w = self.low(i);
            let Some(start) = self.toks.get(i).map(|t| t.start) else {
                continue;
            };
            if qs.iter().any(|q| q.start <= start && start < q.end) {
                continue;
            }
            let prev = if i > s.tokens.start {
                self.low(i - 1)
            } else {
                ""
            };
            if matches!(w, "he" | "she") {
                // one person, said by a pronoun: `he was pronounced dead`
                out.push(Np {
                    a: i,
                    b: i + 1,
                    q: None,
                    inner: None,
                    person: true,
                    unknown: false,
                    value: 1.0,
                });
                continue;
            }
            if let Some(b) = self.name_at(i, s) {
                out.push(Np {
                    a: i,
                    b,
                    q: None,
                    inner: None,
                    person: true,
                    unknown: false,
                    value: 1.0,
                });
                continue;
            }
            if !matches!(w, "a" | "an" | "another" | "one" | "the") {
                let Some(v) = word_value(w) else { continue };
                if matches!(
                    prev,
                    "the" | "no" | "any" | "every" | "each" | "this" | "that"
                ) || word_value(prev).is_some()
                {
                    continue;
                }
                let b = self.partitive(i + 1, s).unwrap_or(i + 1);
                if b == i + 1 && self.appositive(i, b) {
                    continue;
                }
                out.push(Np {
                    a: i,
                    b,
                    q: None,
                    inner: None,
                    person: b > i + 1,
                    unknown: false,
                    value: v,
                });
                continue;
            }
            let mut j = i + 1;
            let mut last = None;
            let mut mods = 0;
            while j < s.tokens.end && mods <= 3 {
                if self.is_age(j) {
                    last = Some(j);
                } else if self.is_person(j)
                    && !matches!(self.low(j), "other" | "others")
                    && (w != "the" || is_singular(self.low(j)))
                {
                    last = Some(j);
                    // `a police officer`: keep the last of two nouns
                    if !self.is_person(j + 1) {
                        break;
                    }
                } else if self.kind(j) == Some(TokenKind::Word)
                    && !COUNT_GAP.contains(&self.low(j))
                    && state_word(self.low(j)).is_none()
                    && (!crate::lexicon::is_stopword(self.low(j)) || self.low(j) == "other")
                    && word_value(self.low(j)).is_none()
                    && !(w == "the" && is_ordinal(self.low(j)))
                {
                    // a modifier: `young`, `unidentified`, `Chicago`, `other`
                } else {
                    break;
                }
                mods += 1;
                j += 1;
            }
            if let Some(last) = last {
                out.push(Np {
                    a: i,
                    b: last + 1,
                    q: None,
                    inner: None,
                    person: true,
                    unknown: false,
                    value: 1.0,
                });
            } else if w == "one" && !matches!(prev, "the" | "no" | "any" | "every" | "each") {
                // `one fatally`, `killed one`, `one of them`
                let b = self.partitive(i + 1, s).unwrap_or(i + 1);
                out.push(Np {
                    a: i,
                    b,
                    q: None,
                    inner: None,
                    person: b > i + 1,
                    unknown: false,
                    value: 1.0,
                });
            }
        }
    }

    /// A person's name starting at token `i` (`Shaundasia Smith`, `Lackey`):
    /// one past its end. A run of capitalised words that are not function
    /// words or common nouns, not preceded by another capitalised word.
    fn name_at(&self, i: usize, s: &Sentence) -> Option<usize> {
        let is_name_word = |j: usize| {
            let w = self.low(j);
            self.kind(j) == Some(TokenKind::Word)
                && self
                    .toks
                    .get(j)
                    .is_some_and(|t| t.is_capitalised(self.text))
                && !crate::lexicon::is_stopword(w)
                && !crate::lexicon::is_calendar(w)
                && !self.is_person(j)
                && !crate::lexicon::is_location(w)
                && !crate::lexicon::is_org(w)
                && (!crate::lexicon::is_common(w) || crate::lexicon::is_first_name(w))
        };
        if !is_name_word(i) {
            return None;
        }
        // `in Baghdad`, `the Baltic Sea`: a place or a thing, not a person
        if i > s.tokens.start
            && (crate::lexicon::is_loc_prep(self.low(i - 1))
                || matches!(
                    self.low(i - 1),
                    "the" | "of" | "a" | "an" | "by" | "with" | "for"
                ))
        {
            return None;
        }
        if i > s.tokens.start
            && self
                .toks
                .get(i - 1)
                .is_some_and(|t| t.is_capitalised(self.text) || t.kind == TokenKind::Possessive)
        {
            return None;
        }
        let mut b = i + 1;
        while b < s.tokens.end && b < i + 4 && is_name_word(b) {
            b += 1;
        }
        // not a place or an organisation: `Smith was`, `Smith, 16, was`, `Smith died`
        if self.kind(b) == Some(TokenKind::Possessive) {
            return None;
        }
        Some(b)
    }

    /// The new quantity for a count the quantity finder had not (`singular`:
    /// one phrase, else the people listed together).
    fn new_quantity(&self, np: &Np, kind: Kind, period: Option<String>, single: bool) -> Quantity {
        let start = self.toks.get(np.a).map_or(0, |t| t.start);
        let end = self
            .toks
            .get(np.b.saturating_sub(1))
            .map_or(start, |t| t.end)
            .max(start);
        let det = matches!(self.low(np.a), "a" | "an" | "another" | "one" | "the");
        let of = if single {
            let from = if det { np.a + 1 } else { np.b };
            let from = (from..np.b).find(|&i| !self.is_age(i)).unwrap_or(from);
            self.toks
                .get(from)
                .map(|t| t.start)
                .filter(|&s| s < end)
                .and_then(|s| self.text.get(s..end))
                .map(str::to_string)
        } else {
            None
        };
        Quantity {
            text: self.text.get(start..end).unwrap_or("").to_string(),
            value: np.value,
            unit: None,
            qualifier: None,
            start,
            end,
            of,
            value_max: None,
            conversion_mismatch: false,
            count: Some(kind.name().to_string()),
            period,
        }
    }

    /// Whether a negation or hypothetical stands right before token `t`.
    fn negated_before(&self, t: usize, s: &Sentence) -> bool {
        let from = t.saturating_sub(3).max(s.tokens.start);
        (from..t).any(|i| COUNT_NEGATORS.contains(&self.low(i)))
            || (t > s.tokens.start && self.low(t - 1) == "to")
    }

    /// The count kind of `np` from the words that govern it in its clause.
    fn governed(&self, np: &Np, s: &Sentence, nps: &[Np]) -> Option<Governed> {
        if let Some(k) = np.inner {
            return Some(Governed {
                kind: self.mixed(np.b, self.fatal_after(np.b, k)),
                trigger: np.b.saturating_sub(1),
                with: Vec::new(),
            });
        }
        // `two people were shot, one fatally`
        if !np.person
            && !np.unknown
            && matches!(self.low(np.b), "fatally" | "mortally")
            && self.kind(np.b + 1) == Some(TokenKind::Punct)
        {
            return Some(Governed {
                kind: Kind::Killed,
                trigger: np.b,
                with: Vec::new(),
            });
        }
        let g = self.after(np, s, nps).or_else(|| {
            self.before(np, s).map(|(kind, trigger)| Governed {
                kind,
                trigger,
                with: Vec::new(),
            })
        })?;
        // `seven shuttle astronauts died`: a noun not known to name people
        // counts only with a death, an injury or an arrest
        let strong = matches!(g.kind, Kind::Killed | Kind::Arrested | Kind::Kidnapped)
            || matches!(
                self.low(g.trigger),
                "injured" | "wounded" | "injuring" | "wounding"
            );
        (!np.unknown || strong).then_some(g)
    }

    /// `shot` (injured) becomes killed when `dead`, `to death`, `and killed`
    /// follows.
    fn fatal_after(&self, j: usize, k: Kind) -> Kind {
        if k != Kind::Injured {
            return k;
        }
        match (self.low(j), self.low(j + 1)) {
            ("dead", _) | ("to", "death") | ("and", "killed") | ("and", "died") => Kind::Killed,
            _ => k,
        }
    }

    /// `dead or missing`, `killed, wounded or captured`: people of several
    /// kinds together are affected.
    fn mixed(&self, j: usize, k: Kind) -> Kind {
        if matches!(self.low(j), "or" | ",")
            && state_word(self.low(j + 1)).is_some_and(|k2| k2 != k)
        {
            Kind::Affected
        } else {
            k
        }
    }

    /// What happened, said after the number: `two others were wounded`.
    fn after(&self, np: &Np, s: &Sentence, nps: &[Np]) -> Option<Governed> {
        let end = s.tokens.end;
        let mut j = np.b;
        let mut aux = false;
        let mut fatal = false;
        let mut steps = 0;
        let mut with = Vec::new();
        // a list joined by commas only is an apposition (`the victim, an
        // 11-year-old girl`, `a Palace fan, Paul Nixon`), not more people
        let mut joined_by_and = false;
        while j < end && steps < 10 {
            steps += 1;
            let w = self.low(j);
            // `a man and a woman`, `an 8-year-old boy, a 9-year-old boy and a
            // 16-year-old girl`, `six people including four policemen`; after a
            // plural (`two people, a 14-year-old and an 18-year-old`) the list
            // says who they are
            let listing = match w {
                "and" => true,
                "," => np.value <= 1.0,
                _ => false,
            };
            if (listing || w == "including")
                && !aux
                && np.person
                && let Some((k, next)) = nps
                    .iter()
                    .enumerate()
                    .find(|(_, n)| n.a == j + 1 && (n.person || (w == "including" && !n.unknown)))
            {
                if listing {
                    with.push(k);
                    joined_by_and |= w == "and";
                }
                j = next.b;
                continue;
            }
            // `a man from Camberley`, `a 34-year-old man of East Orange`
            if w == "in"
                && matches!(self.low(j + 1), "his" | "her" | "their")
                && self.kind(j + 2) == Some(TokenKind::Number)
            {
                // `a man in his 20s`
                j += 3;
                continue;
            }
            if matches!(w, "from" | "of" | "in")
                && !aux
                && self
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_capitalised(self.text))
            {
                j += 1;
                while self
                    .toks
                    .get(j)
                    .is_some_and(|t| t.is_capitalised(self.text))
                {
                    j += 1;
                }
                continue;
            }
            if w == "," || w == "(" || w == "–" || w == "—" {
                // `two men, ages 20 and 25, were shot`: skip a short parenthetical;
                // `..., including 100 children, have been killed`: its end
                if matches!(
                    self.low(j + 1),
                    "who" | "both" | "all" | "each" | "have" | "has" | "had" | "were" | "was"
                ) && w == ","
                {
                    j += 1;
                    continue;
                }
                let close = if w == "(" { ")" } else { w };
                let k = (j + 1..(j + 14).min(end)).find(|&k| self.low(k) == close)?;
                if (j + 1..k).any(|i| {
                    let x = self.low(i);
                    state_word(x).is_some() || matches!(x, "was" | "were" | "is" | "are")
                }) {
                    return None;
                }
                j = k + 1;
                continue;
            }
            if COUNT_NEGATORS.contains(&w) {
                return None;
            }
            let said = |kind: Kind, trigger: usize| {
                Some(Governed {
                    kind,
                    trigger,
                    with: if joined_by_and {
                        with.clone()
                    } else {
                        Vec::new()
                    },
                })
            };
            if matches!(w, "died" | "dies" | "dead") && self.natural_death(j + 1) {
                return None;
            }
            if let Some(k) = state_word(w) {
                // `two gunmen killed a man`: an active verb with an object is the agent's
                if !aux && active_word(w).is_some() && self.starts_object(j + 1) {
                    return None;
                }
                let k = if fatal && k == Kind::Injured {
                    Kind::Killed
                } else {
                    self.fatal_after(j + 1, k)
                };
                let k = if k == Kind::Injured && self.dies_later(j + 1, s, nps) {
                    Kind::Killed
                } else {
                    k
                };
                return said(self.mixed(j + 1, k), j);
            }
            match w {
                "lost" if self.low(j + 1) == "their" && self.low(j + 2) == "lives" => {
                    return said(Kind::Killed, j);
                }
                "taken" if self.low(j + 1) == "into" && self.low(j + 2) == "custody" => {
                    return said(Kind::Arrested, j);
                }
                "taken" | "held" if self.low(j + 1) == "hostage" => {
                    return said(Kind::Kidnapped, j);
                }
                "in" if self.low(j + 1) == "custody" => return said(Kind::Arrested, j),
                "taken" | "rushed" | "transported" | "sent" | "flown"
                    if self.low(j + 1) == "to"
                        && (j + 2..(j + 5).min(end))
                            .any(|i| self.low(i).starts_with("hospital")) =>
                {
                    return said(Kind::Injured, j);
                }
                "suffered" | "sustained" | "suffering" | "sustaining"
                    if (j + 1..(j + 5).min(end)).any(|i| {
                        matches!(self.low(i), "injuries" | "wounds" | "injury" | "wound")
                    }) =>
                {
                    return said(Kind::Injured, j);
                }
                "succumbed" => return said(Kind::Killed, j),
                // `was listed in critical condition`
                "in" if matches!(
                    self.low(j + 1),
                    "critical" | "serious" | "stable" | "fair" | "grave" | "satisfactory"
                ) || (self.low(j + 1) == "good" && self.low(j + 2) == "condition") =>
                {
                    return said(Kind::Injured, j);
                }
                "fatally" | "mortally" => fatal = true,
                _ => {}
            }
            if matches!(
                w,
                "was" | "were" | "is" | "are" | "be" | "been" | "being" | "has" | "have" | "had"
            ) {
                aux = true;
            }
            if !COUNT_GAP.contains(&w) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `a man was shot in the head and died`, `a teenager shot in her front
    /// yard has died`: the people shot die later in the sentence, before any
    /// other number of people is named.
    fn dies_later(&self, from: usize, s: &Sentence, nps: &[Np]) -> bool {
        let end = s.tokens.end.min(from + 25);
        for i in from..end {
            if nps.iter().any(|n| n.a == i) {
                return false;
            }
            match self.low(i) {
                "but" | ";" | "while" | "whereas" | "survived" | "expected" | "stable" => {
                    return false;
                }
                "died" | "dies" | "succumbed" => return true,
                "dead"
                    if i > from
                        && matches!(
                            self.low(i - 1),
                            "pronounced" | "declared" | "found" | "later"
                        ) =>
                {
                    return true;
                }
                "killed" | "killing" if i > from && matches!(self.low(i - 1), "and" | ",") => {
                    return true;
                }
                _ => {}
            }
        }
        false
    }

    /// `died of cancer`, `died aged 91`, `died peacefully`: a death from
    /// illness or age, not from an event.
    fn natural_death(&self, j: usize) -> bool {
        let illness = |w: &str| {
            matches!(
                w,
                "cancer"
                    | "illness"
                    | "disease"
                    | "natural"
                    | "heart"
                    | "stroke"
                    | "pneumonia"
                    | "complications"
                    | "old"
                    | "leukaemia"
                    | "leukemia"
                    | "aids"
                    | "kidney"
                    | "liver"
                    | "lung"
                    | "brain"
                    | "a"
                    | "an"
                    | "cardiac"
                    | "covid-19"
            )
        };
        match self.low(j) {
            "aged" | "peacefully" | "suddenly" => true,
            "at" => self.low(j + 1) == "the" && self.low(j + 2) == "age",
            "of" | "from" => {
                illness(self.low(j + 1))
                    && !matches!(self.low(j + 2), "gunshot" | "wounds" | "injuries")
                    && !matches!(self.low(j + 3), "wound" | "wounds" | "injuries")
            }
            _ => false,
        }
    }

    /// Whether token `j` opens a noun phrase (an object after an active verb).
    fn starts_object(&self, j: usize) -> bool {
        let w = self.low(j);
        matches!(
            w,
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "him"
                | "them"
                | "another"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "one"
                | "several"
                | "dozens"
                | "hundreds"
                | "at"
                | "more"
                | "nearly"
                | "about"
        ) || self.kind(j) == Some(TokenKind::Number)
            || self.is_person(j)
    }

    /// What happened, said before the number: `killing two Turkish soldiers`,
    /// `the killing of two soldiers`.
    fn before(&self, np: &Np, s: &Sentence) -> Option<(Kind, usize)> {
        let begin = s.tokens.start;
        let mut j = np.a;
        // `another`, `a further`, `all`, `the`
        let mut skipped = 0;
        while j > begin && skipped < 2 {
            let w = self.low(j - 1);
            if matches!(
                w,
                "another" | "further" | "all" | "the" | "some" | "at" | "least"
            ) {
                j -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        let t = j.checked_sub(1).filter(|&t| t >= begin)?;
        let w = self.low(t);
        if w == "of" {
            let n = t.checked_sub(1).filter(|&n| n >= begin)?;
            let k = event_noun(self.low(n))?;
            if self.negated_before(n, s) {
                return None;
            }
            return Some((k, n));
        }
        if w == "claimed" || w == "claiming" {
            // `claimed 12 lives` is an inner count; `claimed two` alone is not a count
            return None;
        }
        let k = active_word(w)?;
        if !np.person && !np.unknown && self.kind(np.b) == Some(TokenKind::Word) {
            // `killed 21 in`: fine; `shot 10 rounds`: the bare number is not people
            let next = self.low(np.b);
            if !COUNT_GAP.contains(&next)
                && !crate::lexicon::is_calendar(next)
                && !matches!(
                    next,
                    "in" | "on"
                        | "at"
                        | "and"
                        | "during"
                        | "when"
                        | "including"
                        | "late"
                        | "early"
                        | "overnight"
                        | "last"
                        | "this"
                        | "yesterday"
                        | "today"
                        | "tonight"
                        | "inside"
                        | "outside"
                        | "near"
                )
            {
                return None;
            }
        }
        if self.negated_before(t, s) {
            return None;
        }
        // `fatally shot two`, `shot and killed two`
        let k =
            if k == Kind::Injured && t > begin && matches!(self.low(t - 1), "fatally" | "mortally")
            {
                Kind::Killed
            } else {
                k
            };
        Some((k, t))
    }

    /// Tolls: `the death toll rose to 60`, `the number of soldiers killed since
    /// February to 60`: (index into `nps`, kind, trigger token).
    fn tolls(&self, s: &Sentence, nps: &[Np]) -> Vec<(usize, Kind, usize)> {
        let mut out = Vec::new();
        for t in s.tokens.clone() {
            let w = self.low(t);
            let kind = if w == "toll" {
                let prev = self.low(t.wrapping_sub(1));
                if matches!(prev, "injury" | "injuries") {
                    Kind::Injured
                } else {
                    Kind::Killed
                }
            } else if w == "number" && self.low(t + 1) == "of" {
                let Some(k) = (t + 2..(t + 7).min(s.tokens.end)).find_map(|i| {
                    let x = self.low(i);
                    state_word(x)
                        .filter(|k| *k != Kind::Injured || x != "hit")
                        .or_else(|| counted_event(x))
                        .or_else(|| (x == "victims").then_some(Kind::Affected))
                }) else {
                    continue;
                };
                k
            } else {
                continue;
            };
            // the first number after it, after `to`, `at`, `reached`, `of`, `is`
            let found = nps.iter().enumerate().find(|(_, n)| {
                n.a > t
                    && n.a <= t + 16
                    && n.q.is_some()
                    && matches!(
                        self.low(n.a - 1),
                        "to" | "at"
                            | "reached"
                            | "of"
                            | "is"
                            | "was"
                            | "hit"
                            | "passed"
                            | "topped"
                            | "exceeded"
                            | "surpassed"
                            | "stood"
                            | "stands"
                    )
            });
            if let Some((k, _)) = found
                && !self.negated_before(t, s)
            {
                out.push((k, kind, t));
            }
        }
        out
    }

    /// The period a cumulative count covers, said in its clause: `since the
    /// beginning of February`, `this year`, `so far`.
    fn period(&self, np: &Np, trigger: usize, s: &Sentence) -> Option<String> {
        let lo = np.a.min(trigger).saturating_sub(2).max(s.tokens.start);
        let hi = np.b.max(trigger + 1);
        // between the number and its verb, then a few tokens after (to the end
        // of the clause), then a sentence-initial `Since last December,`
        let after_end = (hi + 9).min(s.tokens.end);
        let mut spots: Vec<usize> = Vec::new();
        for i in lo..after_end {
            if i >= hi && matches!(self.low(i), "," | ";" | "but" | "while" | "which" | "who") {
                break;
            }
            spots.push(i);
        }
        // `Since last December, ...`, `However, in 2010, ...`
        spots.extend(s.tokens.start..(s.tokens.start + 3).min(lo));
        for i in spots {
            if let Some(e) = self.period_at(i, s) {
                let start = self.toks.get(i)?.start;
                let end = self.toks.get(e)?.end;
                return self.text.get(start..end).map(str::to_string);
            }
        }
        None
    }

    /// A period phrase starting at token `i`: its last token.
    fn period_at(&self, i: usize, s: &Sentence) -> Option<usize> {
        let end = s.tokens.end;
        let w = self.low(i);
        match w {
            "since" => {
                // since + up to six tokens, to a comma or the end of the clause:
                // `since the beginning of February`, `since 2011`, `since the vote`
                let mut last = None;
                let mut j = i + 1;
                while j < end && j <= i + 6 {
                    let x = self.low(j);
                    if matches!(x, "," | "." | ";" | ":" | "and" | "to" | "in" | "when")
                        || state_word(x).is_some()
                        || self.kind(j) == Some(TokenKind::Quote)
                    {
                        break;
                    }
                    last = Some(j);
                    j += 1;
                }
                last
            }
            "in" | "over" | "during" | "within"
                if matches!(self.low(i + 1), "the")
                    && matches!(self.low(i + 2), "past" | "last") =>
            {
                let mut j = i + 3;
                if self.kind(j) == Some(TokenKind::Number)
                    || is_number_word(self.low(j))
                    || self.low(j) == "few"
                {
                    j += 1;
                }
                let x = self.low(j).trim_end_matches('s');
                matches!(x, "day" | "week" | "month" | "year" | "decade").then_some(j)
            }
            // `in July`, `in 2015`, `during March 2019`: a whole month or year,
            // not a day
            "in" | "during" | "for" | "throughout" => {
                let j = i + 1;
                let month = crate::lexicon::is_calendar(self.low(j))
                    && super::words::MONTHS.contains(&self.low(j).trim_end_matches('.'));
                let year = |k: usize| {
                    let t = self.low(k);
                    self.kind(k) == Some(TokenKind::Number)
                        && t.len() == 4
                        && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
                };
                if month && self.kind(j + 1) != Some(TokenKind::Number) {
                    Some(j)
                } else if month && year(j + 1) {
                    Some(j + 1)
                } else if year(j) {
                    Some(j)
                } else {
                    None
                }
            }
            "so" if self.low(i + 1) == "far" => {
                if self.low(i + 2) == "this" && PERIOD_NOUNS.contains(&self.low(i + 3)) {
                    Some(i + 3)
                } else {
                    Some(i + 1)
                }
            }
            "to" if self.low(i + 1) == "date" => Some(i + 1),
            "this" | "last" | "past"
                if matches!(self.low(i + 1), "year" | "month" | "season" | "weekend") =>
            {
                Some(i + 1)
            }
            _ => None,
        }
    }
}

/// `second`, `third`, ...: `the third suspect` is one of several.
fn is_ordinal(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "last"
            | "latest"
            | "only"
    )
}

/// Whether a person noun is singular (`victim`, `man`), for `the victim`.
fn is_singular(w: &str) -> bool {
    !w.ends_with('s')
        && !matches!(
            w,
            "men" | "women" | "children" | "people" | "police" | "staff" | "security" | "crew"
        )
}

/// The value of a number word (`five`, `twenty-five`), from two up.
fn word_value(w: &str) -> Option<f64> {
    if let Some((tens, units)) = w.split_once('-') {
        let (t, u) = (number_word(tens)?, number_word(units)?);
        return (t >= 20.0 && u < 10.0).then_some(t + u);
    }
    number_word(w).filter(|v| *v >= 2.0 && w != "dozen")
}

fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "thousand"
            | "million"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "scores"
            | "tens"
    )
}

#[cfg(test)]
mod tests {
    use super::super::find;

    /// (text, value, count, period)
    type Want<'a> = (&'a str, f64, &'a str, Option<&'a str>);

    fn check(input: &str, expected: &[Want<'_>]) {
        let got: Vec<(String, f64, String, Option<String>)> = find(input)
            .into_iter()
            .filter_map(|q| Some((q.text, q.value, q.count?, q.period)))
            .collect();
        let want: Vec<(String, f64, String, Option<String>)> = expected
            .iter()
            .map(|(t, v, c, p)| (t.to_string(), *v, c.to_string(), p.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "input: {input}");
    }

    #[test]
    fn counts() {
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "Turkish forces killed 21 Syrian troops.",
                &[("21 Syrian troops", 21.0, "killed", None)],
            ),
            (
                "21 Syrian troops killed in retaliation.",
                &[("21 Syrian troops", 21.0, "killed", None)],
            ),
            (
                "the killing of two Turkish soldiers in Idlib",
                &[("two Turkish soldiers", 2.0, "killed", None)],
            ),
            (
                "A man was shot and killed on Friday.",
                &[("A man", 1.0, "killed", None)],
            ),
            (
                "Two others were wounded.",
                &[("Two others", 2.0, "injured", None)],
            ),
            (
                "The death toll rose to 60.",
                &[("60", 60.0, "killed", None)],
            ),
            (
                "The blast left three people dead.",
                &[("three people dead", 3.0, "killed", None)],
            ),
            (
                "Nearly one million people have been displaced.",
                &[("Nearly one million people", 1e6, "displaced", None)],
            ),
            ("A woman was injured.", &[("A woman", 1.0, "injured", None)]),
            (
                "A 25-year-old man was shot in the leg.",
                &[("A 25-year-old man", 1.0, "injured", None)],
            ),
            (
                "Police said two men were arrested.",
                &[("two men", 2.0, "arrested", None)],
            ),
            (
                "612 Syrian civilians have been killed since the beginning of this year.",
                &[(
                    "612 Syrian civilians",
                    612.0,
                    "killed",
                    Some("since the beginning of this year"),
                )],
            ),
            (
                "Since last December, more than 300 civilians have been killed in Idlib.",
                &[(
                    "more than 300 civilians",
                    300.0,
                    "killed",
                    Some("Since last December"),
                )],
            ),
            (
                "a man and a woman were shot",
                &[
                    ("a man", 1.0, "injured", None),
                    ("a man and a woman", 2.0, "injured", None),
                    ("a woman", 1.0, "injured", None),
                ],
            ),
            (
                "Two gunmen killed a man.",
                &[("a man", 1.0, "killed", None)],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn not_counts() {
        for input in [
            "No one was hurt.",
            "The fire could have killed two people.",
            "He fired 10 shots.",
            "They tried to kill three guards.",
            "Two artillery pieces were destroyed.",
        ] {
            let got: Vec<_> = find(input)
                .into_iter()
                .filter(|q| q.count.is_some())
                .collect();
            assert!(got.is_empty(), "{input}: {got:?}");
        }
    }
}

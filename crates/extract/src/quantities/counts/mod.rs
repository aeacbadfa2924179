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
use super::units::is_age_unit;
use super::words::{Kind, PERSON_NOUNS};
use crate::sentences;
use crate::tokens::{Token, TokenKind, tokenize};
use newsdesk_model::Quantity;

mod govern;
mod period;
mod phrases;

/// Word stems one of which a text must contain to hold any count (a cheap
/// test that spares the tokenizer on texts with none).
#[rustfmt::skip]
const STEMS: &[&str] = &[
    "kill", "dead", "death", "died", "dies", "dying", "slain", "murder", "injur", "wound",
    "hurt", "shot", "shoot", "stab", "hospital", "arrest", "detain", "custody",
    "kidnap", "abduct", "hostage", "displace", "homeless", "missing", "evacua", "affected",
    "toll", "fatal", "executed", "execution", "drown", "perish", "lives", "condition",
    "succumb", "massacr", "maim", "captured", "jailed", "apprehend", "hit", "struck", "graz",
    "gunshot", "bullet", "medical center", "health center", "emergency room", "airlift",
    "passed away",
];

/// Sets `count` and `period` on the quantities of `text` that count people
/// affected, and adds the counts that have no quantity yet (`a woman was
/// injured`, `killing five`, `a man and a woman were shot`). Keeps `qs` sorted
/// by start.
pub(super) fn annotate(text: &str, qs: &mut Vec<Quantity>) {
    let mut added: Vec<Quantity> = Vec::new();
    // counts said only as `shot`: (in `qs`, index, end byte of `shot`)
    let mut shot: Vec<(bool, usize, usize)> = Vec::new();
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
            // the shot people the sentence counts before `one fatally`
            let mut implied: Option<(usize, usize)> = None;
            if let Some(f) = fatal_part {
                for (k, g) in &mut all {
                    if *k < f && g.kind == Kind::Injured && cx.low(g.trigger) == "shot" {
                        g.kind = Kind::Affected;
                        let bigger = implied
                            .and_then(|(i, _)| nps.get(i))
                            .is_none_or(|n| nps.get(*k).is_some_and(|m| m.value > n.value));
                        if bigger {
                            implied = Some((*k, f));
                        }
                    }
                }
            }
            // the text states the injured arithmetically: `four people were
            // shot, one fatally` is one killed and three injured; the implied
            // count spans the words that state it (`four people were shot, one`)
            if let Some((Some(shot_np), Some(fatal_np))) =
                implied.map(|(k, f)| (nps.get(k), nps.get(f)))
                && shot_np.value > fatal_np.value
            {
                let np = Np {
                    b: fatal_np.b,
                    q: None,
                    value: shot_np.value - fatal_np.value,
                    ..shot_np.clone()
                };
                added.push(cx.new_quantity(&np, Kind::Injured, None, false));
            }
            let mut listed: Vec<usize> = Vec::new();
            for (k, g) in all {
                let Some(np) = nps.get(k) else { continue };
                let period = cx.period(np, g.trigger, s);
                // `three other people were also shot`: those shot besides the
                // dead are injured whatever deaths the story reports
                let others = (np.a..np.b).any(|i| matches!(cx.low(i), "other" | "others" | "more"));
                let by_shot = g.kind == Kind::Injured && cx.low(g.trigger) == "shot" && !others;
                let shot_end = toks.get(g.trigger).map_or(0, |t| t.end);
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
                        shot.push((false, added.len(), shot_end));
                    }
                    added.push(cx.new_quantity(&sum, g.kind, period.clone(), false));
                }
                match np.q {
                    Some(i) => {
                        if let Some(q) = qs.get_mut(i) {
                            q.count = Some(g.kind.name().to_string());
                            q.period = period;
                            if by_shot {
                                shot.push((true, i, shot_end));
                            }
                        }
                    }
                    None => {
                        if by_shot {
                            shot.push((false, added.len(), shot_end));
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
        let killed = qs
            .iter()
            .chain(&added)
            .filter(|q| q.count.as_deref() == Some("killed") && q.period.is_none())
            .map(|q| q.value)
            .fold(0.0, f64::max);
        let mut implied = Vec::new();
        for (in_qs, i, shot_end) in shot {
            let q = if in_qs {
                qs.get_mut(i)
            } else {
                added.get_mut(i)
            };
            if let Some(q) = q {
                q.count = Some(Kind::Affected.name().to_string());
                // the text states the injured arithmetically: `five people
                // were shot` and `one died` leave four injured; the implied
                // count spans the words that say who was shot
                if q.period.is_none() && q.value > killed && shot_end > q.end {
                    implied.push(Quantity {
                        text: text.get(q.start..shot_end).unwrap_or("").to_string(),
                        value: q.value - killed,
                        unit: None,
                        qualifier: None,
                        start: q.start,
                        end: shot_end,
                        of: None,
                        value_max: None,
                        conversion_mismatch: false,
                        count: Some(Kind::Injured.name().to_string()),
                        period: None,
                    });
                }
            }
        }
        added.extend(implied);
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

impl Np {
    /// Tokens `a..b` naming one person the quantity finder has no number for (`he`,
    /// `another`, `a man`).
    fn one_person(a: usize, b: usize) -> Np {
        Np {
            a,
            b,
            q: None,
            inner: None,
            person: true,
            unknown: false,
            value: 1.0,
        }
    }
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
        let number = |i: usize, n: &str| {
            self.kind(i) == Some(TokenKind::Number) || word_value(n).is_some() || n == "one"
        };
        let hyphenated = (w.ends_with("-old") || w.ends_with("-olds"))
            && w.split('-').next().is_some_and(|n| number(i, n));
        // `a 16-year old girl`, `an 18-month old`: the age in two tokens, each an age
        let unit = |i: usize| {
            self.low(i)
                .split_once('-')
                .is_some_and(|(n, unit)| is_age_unit(unit) && number(i, n))
        };
        let old = |w: &str| matches!(w, "old" | "olds");
        hyphenated || (unit(i) && old(self.low(i + 1))) || (old(w) && i > 0 && unit(i - 1))
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

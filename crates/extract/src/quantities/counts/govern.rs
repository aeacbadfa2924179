//! What governs a number of people in its clause: the verb or noun that says what happened to them.
use super::super::words::{
    COUNT_GAP, COUNT_NEGATORS, Kind, active_word, counted_event, event_noun, state_word,
};
use super::{Cx, Governed, Np};
use crate::sentences::Sentence;
use crate::tokens::TokenKind;

impl Cx<'_> {
    /// Whether a negation or hypothetical stands right before token `t`.
    pub(super) fn negated_before(&self, t: usize, s: &Sentence) -> bool {
        let from = t.saturating_sub(3).max(s.tokens.start);
        (from..t).any(|i| COUNT_NEGATORS.contains(&self.low(i)))
            || (t > s.tokens.start && self.low(t - 1) == "to")
    }

    /// The count kind of `np` from the words that govern it in its clause.
    pub(super) fn governed(&self, np: &Np, s: &Sentence, nps: &[Np]) -> Option<Governed> {
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
        let before = || {
            self.before(np, s).map(|(kind, trigger)| Governed {
                kind,
                trigger,
                with: Vec::new(),
            })
        };
        let g = match self.after(np, s, nps) {
            // `the shooting death of a boy who was shot in the head`: the
            // death said before the victim outweighs the shot said after
            Some(g) if g.kind == Kind::Injured => match before() {
                Some(b) if b.kind == Kind::Killed => b,
                _ => g,
            },
            Some(g) => g,
            None => before()?,
        };
        // `seven shuttle astronauts died`: a noun not known to name people
        // counts only with a death, an injury or an arrest
        let strong = matches!(g.kind, Kind::Killed | Kind::Arrested | Kind::Kidnapped)
            || matches!(
                self.low(g.trigger),
                "injured" | "wounded" | "injuring" | "wounding"
            );
        (!np.unknown || strong).then_some(g)
    }

    /// The number of tokens of a double hyphen (`--` as one token or two)
    /// at token `j`.
    fn double_hyphen(&self, j: usize) -> Option<usize> {
        match self.low(j) {
            "--" => Some(1),
            "-" if self.low(j + 1) == "-" => Some(2),
            _ => None,
        }
    }

    /// `shot` (injured) becomes killed when `dead`, `to death`, `and killed`
    /// follows.
    pub(super) fn fatal_after(&self, j: usize, k: Kind) -> Kind {
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
    pub(super) fn mixed(&self, j: usize, k: Kind) -> Kind {
        if matches!(self.low(j), "or" | ",")
            && state_word(self.low(j + 1)).is_some_and(|k2| k2 != k)
        {
            Kind::Affected
        } else {
            k
        }
    }

    /// What happened, said after the number: `two others were wounded`.
    pub(super) fn after(&self, np: &Np, s: &Sentence, nps: &[Np]) -> Option<Governed> {
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
            // `two people -- including a boy -- were wounded`: a parenthetical
            // between double hyphens
            if let Some(open) = self.double_hyphen(j) {
                let (k, close) = (j + open..(j + 16).min(end))
                    .find_map(|k| self.double_hyphen(k).map(|c| (k, c)))?;
                if (j + open..k).any(|i| {
                    let x = self.low(i);
                    state_word(x).is_some() || matches!(x, "was" | "were" | "is" | "are")
                }) {
                    return None;
                }
                j = k + close;
                continue;
            }
            // `Dana Miles, 64 was found dead`: an age with no closing comma
            if w == ","
                && np.person
                && np.value <= 1.0
                && self.kind(j + 1) == Some(TokenKind::Number)
                && matches!(self.low(j + 2), "was" | "is" | "had" | "has")
            {
                j += 2;
                continue;
            }
            if w == "," || w == "(" || w == "–" || w == "—" {
                // `two men, ages 20 and 25, were shot`: skip a short parenthetical;
                // `..., including 100 children, have been killed`: its end
                if matches!(
                    self.low(j + 1),
                    "who"
                        | "both"
                        | "all"
                        | "each"
                        | "have"
                        | "has"
                        | "had"
                        | "were"
                        | "was"
                        | "died"
                        | "dies"
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
                let k = if k == Kind::Injured {
                    self.injured_unless_dies(j + 1, s, nps)
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
                // `was taken to a hospital`, unless the same people die there (`but died`,
                // `where he died`)
                "taken" | "rushed" | "transported" | "sent" | "flown" | "driven" | "airlifted"
                    if self.low(j + 1) == "to" && self.hospital_within(j + 2, 5, end) =>
                {
                    return said(self.injured_unless_dies(j + 1, s, nps), j);
                }
                // `were treated at a hospital`, `are recovering`, `is nursing a
                // gunshot wound`
                "treated" | "recovering" | "hospitalized" | "hospitalised" | "nursing" => {
                    return said(self.injured_unless_dies(j + 1, s, nps), j);
                }
                // `a teen was struck by a bullet`, `grazed by gunfire`
                "struck" | "grazed"
                    if self.low(j + 1) == "by"
                        && (j + 2..(j + 8).min(end)).any(|i| {
                            matches!(
                                self.low(i),
                                "bullet"
                                    | "bullets"
                                    | "gunfire"
                                    | "round"
                                    | "shot"
                                    | "shots"
                                    | "projectile"
                                    | "pellet"
                                    | "pellets"
                                    | "shotgun"
                            )
                        }) =>
                {
                    return said(Kind::Injured, j);
                }
                // `a man with gunshot wounds`, `suffering from stab wounds`
                "with" | "from" if self.wounds_within(j + 1, 4, end) => {
                    return said(Kind::Injured, j);
                }
                // `three men walked into a gas station with gunshot wounds`
                "walked" | "arrived" | "showed" | "came" | "went" | "drove" | "ran" | "turned"
                    if (j + 1..(j + 10).min(end))
                        .any(|i| self.low(i) == "with" && self.wounds_within(i + 1, 4, end)) =>
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
                // `passed away` says a death from illness as often as from an
                // event: only with the event in the sentence
                "passed"
                    if self.low(j + 1) == "away"
                        && s.tokens.clone().any(|i| {
                            matches!(
                                self.low(i),
                                "shot"
                                    | "shooting"
                                    | "gunshot"
                                    | "wound"
                                    | "wounds"
                                    | "injuries"
                                    | "stabbed"
                                    | "stabbing"
                                    | "support"
                                    | "hospital"
                                    | "injured"
                                    | "scene"
                            )
                        }) =>
                {
                    return said(Kind::Killed, j);
                }
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

    /// Whether wounds are named within `n` tokens from `from`: `gunshot
    /// wounds`, `non-life-threatening injuries`.
    pub(super) fn wounds_within(&self, from: usize, n: usize, end: usize) -> bool {
        (from.max(1)..(from + n).min(end)).any(|i| {
            matches!(self.low(i), "wound" | "wounds" | "injuries")
                && matches!(
                    self.low(i - 1),
                    "gunshot"
                        | "stab"
                        | "bullet"
                        | "multiple"
                        | "life-threatening"
                        | "non-life-threatening"
                        | "serious"
                        | "critical"
                        | "minor"
                        | "apparent"
                )
        })
    }

    /// Whether a hospital is named within `n` tokens from `from`: `the
    /// hospital`, `Carolinas Medical Center`, `a trauma centre`.
    pub(super) fn hospital_within(&self, from: usize, n: usize, end: usize) -> bool {
        (from..(from + n).min(end)).any(|i| {
            let w = self.low(i);
            w.starts_with("hospital")
                || (matches!(w, "medical" | "trauma" | "health")
                    && matches!(self.low(i + 1), "center" | "centre" | "unit"))
                || (w == "emergency" && self.low(i + 1) == "room")
        })
    }

    /// Injured, or killed when the same people die later in the sentence.
    fn injured_unless_dies(&self, from: usize, s: &Sentence, nps: &[Np]) -> Kind {
        if self.dies_later(from, s, nps) {
            Kind::Killed
        } else {
            Kind::Injured
        }
    }

    /// `a man was shot in the head and died`, `a teenager shot in her front
    /// yard has died`: the people shot die later in the sentence, before any
    /// other number of people is named.
    pub(super) fn dies_later(&self, from: usize, s: &Sentence, nps: &[Np]) -> bool {
        let end = s.tokens.end.min(from + 25);
        for i in from..end {
            // `taken to a hospital, where he died`: the pronoun is the same person
            if self.low(i) == "where"
                && matches!(self.low(i + 1), "he" | "she" | "they")
                && matches!(self.low(i + 2), "died" | "succumbed")
            {
                return true;
            }
            if nps.iter().any(|n| n.a == i) {
                return false;
            }
            match self.low(i) {
                // `was rushed to a hospital but died there`: the contrast is with the
                // care, and the same people die
                "but" => {
                    let next = match self.low(i + 1) {
                        "later" | "eventually" | "ultimately" | "then" | "soon" => i + 2,
                        _ => i + 1,
                    };
                    return matches!(self.low(next), "died" | "succumbed");
                }
                ";" | "while" | "whereas" | "survived" | "expected" | "stable" => {
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
    pub(super) fn natural_death(&self, j: usize) -> bool {
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
                    | "cardiac"
                    | "covid-19"
            )
        };
        match self.low(j) {
            "aged" | "peacefully" | "suddenly" => true,
            "at" => self.low(j + 1) == "the" && self.low(j + 2) == "age",
            "of" | "from" => {
                // `of a heart attack`, `from a long illness`, not `from a hunting accident`
                let ill = if matches!(self.low(j + 1), "a" | "an") {
                    illness(self.low(j + 2)) || illness(self.low(j + 3))
                } else {
                    illness(self.low(j + 1))
                };
                ill && !matches!(self.low(j + 2), "gunshot" | "wounds" | "injuries")
                    && !matches!(self.low(j + 3), "wound" | "wounds" | "injuries")
            }
            _ => false,
        }
    }

    /// Whether token `j` opens a noun phrase (an object after an active verb).
    pub(super) fn starts_object(&self, j: usize) -> bool {
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
    pub(super) fn before(&self, np: &Np, s: &Sentence) -> Option<(Kind, usize)> {
        let begin = s.tokens.start;
        let mut j = np.a;
        // `another`, `a further`, `all`, `the`
        let mut skipped = 0;
        while j > begin && skipped < 2 {
            let w = self.low(j - 1);
            // `the death of 16-year-old Javon Reilly`: an age before a name
            if matches!(
                w,
                "another" | "further" | "all" | "the" | "some" | "at" | "least"
            ) || (j == np.a && self.is_age(j - 1))
            {
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
            // `a stray bullet claimed the life of a three-year-old girl`
            if self.low(n) == "life"
                && n >= begin + 2
                && self.low(n - 1) == "the"
                && matches!(
                    self.low(n - 2),
                    "claimed" | "claims" | "claiming" | "took" | "taken" | "takes" | "taking"
                )
                && !self.negated_before(n - 2, s)
            {
                return Some((Kind::Killed, n));
            }
            let k = event_noun(self.low(n))?;
            if self.negated_before(n, s) {
                return None;
            }
            // `the fatal shootings of four people`
            if k == Kind::Injured
                && n > begin
                && matches!(self.low(n - 1), "fatal" | "deadly" | "fatally")
            {
                return Some((Kind::Killed, n));
            }
            return Some((k, n));
        }
        if matches!(w, "sent" | "sending" | "sends" | "put" | "putting")
            && self.low(np.b) == "to"
            && self.hospital_within(np.b + 1, 4, s.tokens.end)
        {
            // `a shooting sent four people to the hospital`
            return Some((Kind::Injured, t));
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
    pub(super) fn tolls(&self, s: &Sentence, nps: &[Np]) -> Vec<(usize, Kind, usize)> {
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
}

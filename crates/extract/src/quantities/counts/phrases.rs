//! The numbers of people a sentence names: quantities of people, `a man`, `the victim`, bare number words, names and `he`/`she`.
use super::super::words::{COUNT_GAP, Kind, counted_event};
use super::super::words::{PERSON_NOUNS, state_word};
use super::{Cx, Np, is_number_word, is_ordinal, is_singular, word_value};
use crate::sentences::Sentence;
use crate::tokens::TokenKind;
use newsdesk_model::Quantity;

impl Cx<'_> {
    /// A bare number set off as an age: `Smith, 22, was shot`, `(22)`,
    /// `aged 22`, `in his 60s`.
    pub(super) fn appositive(&self, a: usize, b: usize) -> bool {
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
        // `Ginger Reeves, 64 were found dead`: a bare number after a full
        // name and its comma is the age of the one named (not `In New York,
        // 12 were shot`)
        let capital = |i: usize| {
            self.kind(i) == Some(TokenKind::Word)
                && self
                    .toks
                    .get(i)
                    .is_some_and(|t| t.is_capitalised(self.text))
        };
        let named_age = prev == ","
            && a > 2
            && capital(a - 2)
            && capital(a - 3)
            && (a < 4
                || !matches!(
                    self.low(a - 4),
                    "in" | "at" | "near" | "on" | "from" | "of" | "to"
                ));
        after_name
            || listed_age
            || named_age
            || matches!(prev, "both")
            || matches!(prev, "aged" | "age" | "ages" | "his" | "her" | "their")
            || (matches!(prev, "," | "(") && matches!(next, "," | ")" | "and"))
            || (b == a + 1 && self.low(a).ends_with('s') && self.kind(a) == Some(TokenKind::Number))
    }

    /// `of them`, `of the crew`, `of the 543 passengers` after a bare number:
    /// one past its end.
    pub(super) fn partitive(&self, b: usize, s: &Sentence) -> Option<usize> {
        if self.low(b) != "of" {
            return None;
        }
        match self.low(b + 1) {
            // `of those people`, `of those shot`
            "those" | "these" if self.is_person(b + 2) => Some(b + 3),
            "them" | "whom" | "us" | "those" => Some(b + 2),
            "the" | "these" | "his" | "her" | "their" => (b + 2..(b + 6).min(s.tokens.end))
                .find(|&i| self.is_person(i))
                .map(|i| i + 1),
            _ => None,
        }
    }

    /// The quantity `q` as a candidate number of people, if it is a plain count.
    pub(super) fn quantity_np(&self, q: &Quantity, qi: usize, s: &Sentence) -> Option<Np> {
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
            while self.is_age(j) {
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
    pub(super) fn other_nps(&self, s: &Sentence, qs: &[Quantity], out: &mut Vec<Np>) {
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
            // `a mother and son were found shot`: a bare noun listed after a person
            let listed = prev == "and"
                && i >= s.tokens.start + 2
                && self.is_person(i)
                && is_singular(w)
                && self.is_person(i - 2);
            if matches!(w, "he" | "she" | "him" | "himself" | "herself") || listed {
                // one person, said by a pronoun: `he was pronounced dead`,
                // `killing him`, `shot himself`
                out.push(Np::one_person(i, i + 1));
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
            // `both men were killed`: two people
            if w == "both"
                && self.is_person(i + 1)
                && !is_singular(self.low(i + 1))
                && !matches!(prev, "of" | "the")
            {
                out.push(Np {
                    a: i,
                    b: i + 2,
                    q: None,
                    inner: None,
                    person: true,
                    unknown: false,
                    value: 2.0,
                });
                continue;
            }
            // `her 17-year-old son`, `his wife`: one person, like `the victim`
            let possessive = matches!(w, "his" | "her");
            if !matches!(w, "a" | "an" | "another" | "one" | "the") && !possessive {
                let Some(v) = word_value(w) else { continue };
                if matches!(
                    prev,
                    "the" | "no" | "any" | "every" | "each" | "this" | "that"
                ) || word_value(prev).is_some()
                {
                    continue;
                }
                // `two more people`, `three other men`
                let more = matches!(self.low(i + 1), "more" | "other") && self.is_person(i + 2);
                let b = if more {
                    i + 3
                } else {
                    self.partitive(i + 1, s).unwrap_or(i + 1)
                };
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
                    && (!(w == "the" || possessive) || is_singular(self.low(j)))
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
                    && !((w == "the" || possessive) && is_ordinal(self.low(j)))
                {
                    // a modifier: `young`, `unidentified`, `Chicago`, `other`
                } else {
                    break;
                }
                mods += 1;
                j += 1;
            }
            if let Some(last) = last {
                out.push(Np::one_person(i, last + 1));
            } else if w == "another"
                && matches!(
                    self.low(i + 1),
                    "was" | "is" | "has" | "had" | "remains" | "died"
                )
            {
                // `three people were shot to death and another was injured`
                out.push(Np::one_person(i, i + 1));
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
    pub(super) fn name_at(&self, i: usize, s: &Sentence) -> Option<usize> {
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
        // `Investigators said`, `Witnesses told`: a plural of a common word that opens the
        // sentence alone is not a name
        if i == s.tokens.start && !is_name_word(i + 1) {
            let w = self.low(i);
            if let Some(one) = w.strip_suffix('s').filter(|o| o.len() >= 3)
                && (crate::lexicon::is_common(one) || PERSON_NOUNS.contains(&one))
                && !crate::lexicon::is_first_name(one)
            {
                return None;
            }
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
    pub(super) fn new_quantity(
        &self,
        np: &Np,
        kind: Kind,
        period: Option<String>,
        single: bool,
    ) -> Quantity {
        let start = self.toks.get(np.a).map_or(0, |t| t.start);
        let end = self
            .toks
            .get(np.b.saturating_sub(1))
            .map_or(start, |t| t.end)
            .max(start);
        let det = matches!(
            self.low(np.a),
            "a" | "an" | "another" | "one" | "the" | "his" | "her"
        );
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
}

//! Speakers: names in the text resolved to entities, pronouns and role phrases to persons.

use super::doc::{ABBREVIATIONS, is_possessive, lower, strip_possessive};
use super::words::{
    DEMONYMS_SET, ORG_WORDS_SET, PARTICLES, ROLE_HEADS_SET, STOP_CAPS_SET, TITLES_SET,
};
use super::{Doc, FullName};
use newsdesk_model::{Entity, Label};

impl<'a> Doc<'a> {
    // ----- names -------------------------------------------------------

    fn is_name_tok(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let t = self.tok_text(i);
        let mut chars = t.chars();
        let Some(c) = chars.next() else { return false };
        if c.is_uppercase() {
            return !STOP_CAPS_SET.contains(&lower(strip_possessive(t)).as_str());
        }
        // al-Assad, bin Salman
        if let Some((head, rest)) = t.split_once('-')
            && PARTICLES.contains(&head)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        PARTICLES.contains(&t)
            && self
                .tok_text(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A name-ish token or an abbreviation period inside a name (`Mr.`, `G.K.`).
    pub(crate) fn is_name_part(&self, i: usize) -> bool {
        if self.is_name_tok(i) {
            return true;
        }
        if self.punct(i) == Some('.') && self.is_word(i.wrapping_sub(1)) {
            let w = self.low(i - 1);
            let joined = self
                .toks
                .get(i - 1)
                .zip(self.toks.get(i))
                .is_some_and(|(a, b)| a.e == b.s);
            return joined
                && (ABBREVIATIONS.contains(&w)
                    || TITLES_SET.contains(&w)
                    || w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
                && self.is_name_tok(i + 1);
        }
        false
    }

    /// Strips leading titles, demonyms and possessive owners from the token range.
    fn strip_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        // possessive owner: Al Jazeera's Hashem Ahelbarra
        let mut a = (a..b)
            .rev()
            .find(|&i| is_possessive(self.tok_text(i)))
            .map_or(a, |i| i + 1);
        loop {
            if a > b {
                return None;
            }
            let w = self.low(a);
            let w = strip_possessive(w);
            let strip = self.punct(a) == Some('.')
                || STOP_CAPS_SET.contains(&w)
                || ((TITLES_SET.contains(&w) || DEMONYMS_SET.contains(&w)) && a < b);
            if strip {
                a += 1;
            } else {
                break;
            }
        }
        let mut b = b;
        while b > a && self.punct(b).is_some() {
            b -= 1;
        }
        (a <= b && self.is_name_tok(a)).then_some((a, b))
    }

    /// The name run ending at token `j`, titles stripped.
    pub(crate) fn name_ending_at(&self, j: usize) -> Option<(usize, usize)> {
        if !self.is_name_tok(j) || self.in_quote(j) {
            return None;
        }
        let mut a = j;
        while a > 0 && self.is_name_part(a - 1) && !self.in_quote(a - 1) {
            if self.sent.get(a - 1) != self.sent.get(j) {
                break;
            }
            if is_possessive(self.tok_text(a - 1)) && a == j + 1 {
                break;
            }
            a -= 1;
        }
        self.strip_name(a, j)
    }

    /// The name run starting at token `a` (after stop words), titles stripped.
    pub(crate) fn name_starting_at(&self, a: usize) -> Option<(usize, usize)> {
        let mut a = a;
        while self.is_word(a) && STOP_CAPS_SET.contains(&self.low(a)) {
            a += 1;
        }
        // titles and demonyms written in lower case (`former president`) are fine too
        let mut b = a;
        if !self.is_name_part(a) {
            return None;
        }
        while self.is_name_part(b + 1)
            && !self.in_quote(b + 1)
            && self.sent.get(b + 1) == self.sent.get(a)
        {
            b += 1;
        }
        self.strip_name(a, b)
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        let raw = self.text.get(s..e).unwrap_or("");
        strip_possessive(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn name_words(&self, a: usize, b: usize) -> Vec<String> {
        (a..=b)
            .filter(|&i| self.is_word(i))
            .map(|i| lower(strip_possessive(self.tok_text(i))))
            .collect()
    }

    fn looks_org(&self, words: &[String]) -> bool {
        words
            .iter()
            .any(|w| ORG_WORDS_SET.contains(&w.as_str()) || DEMONYMS_SET.contains(&w.as_str()))
    }

    /// Collects every multi-word name in the text (outside quotes), with its title prefix.
    pub(crate) fn collect_names(&mut self) {
        let mut names = Vec::new();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.in_quote(i) || !(self.is_name_part(i) || self.is_title_word(i)) {
                i += 1;
                continue;
            }
            let a = i;
            let mut b = i;
            while b + 1 < n
                && (self.is_name_part(b + 1)
                    || (self.is_title_word(b + 1) && b + 1 == a + (b + 1 - a)))
                && !self.in_quote(b + 1)
                && self.sent.get(b + 1) == self.sent.get(a)
            {
                b += 1;
                if is_possessive(self.tok_text(b)) {
                    break;
                }
            }
            if let Some((s, e)) = self.strip_name(a, b) {
                let tokens = self.name_words(s, e);
                if tokens.len() >= 2 && !self.looks_org(&tokens) {
                    let prefix = if s > a {
                        self.name_words(a, s - 1)
                    } else {
                        Vec::new()
                    };
                    // a lower-case role word right before the run (`counterpart Vladimir Putin`)
                    let mut prefix = prefix;
                    if a > 0 && self.is_word(a - 1) {
                        let w = self.low(a - 1);
                        if ROLE_HEADS_SET.contains(&w) || DEMONYMS_SET.contains(&w) {
                            prefix.insert(0, w.to_string());
                        }
                    }
                    names.push(FullName {
                        text: self.span_text(s, e),
                        tokens,
                        prefix,
                        start: self.toks.get(s).map_or(0, |t| t.s),
                    });
                }
            }
            i = b + 1;
        }
        self.names = names;
    }

    fn is_title_word(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.low(i);
            TITLES_SET.contains(&w) || DEMONYMS_SET.contains(&w)
        }
    }

    /// Canonical form of the name at tokens `a..=b`.
    pub(crate) fn canonical(&self, a: usize, b: usize) -> String {
        let written = self.span_text(a, b);
        let words = self.name_words(a, b);
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        if !self.entities.is_empty() {
            if let Some(ent) = self.entity_at(s, e) {
                return ent.name.clone();
            }
            let last = words.last().cloned().unwrap_or_default();
            let mut best: Option<&Entity> = None;
            for en in self.entities {
                let ew: Vec<String> = en.name.split_whitespace().map(lower).collect();
                if ew.ends_with(&words) || ew.last() == Some(&last) {
                    let better = match best {
                        None => true,
                        Some(b) => b.label != Label::Person && en.label == Label::Person,
                    };
                    if better {
                        best = Some(en);
                    }
                }
            }
            if let Some(en) = best {
                return en.name.clone();
            }
        }
        let mut before: Option<&FullName> = None;
        let mut after: Option<&FullName> = None;
        for n in &self.names {
            if n.tokens.len() > words.len() && n.tokens.ends_with(&words) {
                if n.start <= s {
                    before = Some(n);
                } else if after.is_none() {
                    after = Some(n);
                }
            }
        }
        before.or(after).map_or(written, |n| n.text.clone())
    }

    /// The entity with a mention inside bytes `s..e`: the one whose mention
    /// ends last (the head of `White House spokesman Josh Earnest`), persons
    /// first on a tie.
    fn entity_at(&self, s: usize, e: usize) -> Option<&'a Entity> {
        // mentions are short: those overlapping `s..e` start after `s - REACH`
        const REACH: usize = 256;
        let lo = self.mention_index.partition_point(|m| m.0 + REACH < s);
        let hi = self.mention_index.partition_point(|m| m.0 < e);
        self.mention_index
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter(|m| s < m.1)
            .filter_map(|&(_, end, ei)| {
                let en = self.entities.get(ei)?;
                Some((end, en.label == Label::Person, std::cmp::Reverse(ei), en))
            })
            .max_by_key(|(end, person, ei, _)| (*end, *person, *ei))
            .map(|(_, _, _, en)| en)
    }

    pub(crate) fn is_person(&self, a: usize, b: usize) -> bool {
        let words = self.name_words(a, b);
        if words.is_empty() || self.looks_org(&words) {
            return false;
        }
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        if !self.entities.is_empty() {
            if let Some(en) = self.entity_at(s, e) {
                return en.label == Label::Person;
            }
            let last = words.last();
            return self.entities.iter().any(|en| {
                en.label == Label::Person
                    && en.name.split_whitespace().map(lower).next_back().as_ref() == last
            });
        }
        if words.len() >= 2 {
            return true;
        }
        // a single word: a known full name ends with it, or a personal title precedes it
        let known = self
            .names
            .iter()
            .any(|n| n.tokens.len() >= 2 && n.tokens.last() == words.last());
        let titled = a > 0 && {
            let p = if self.punct(a - 1) == Some('.') {
                a.wrapping_sub(2)
            } else {
                a - 1
            };
            TITLES_SET.contains(&self.low(p))
        };
        known || titled
    }

    /// A name that can be the source of a partial quote: a person, or a single
    /// name that is not an organisation word and not one of coordinated names
    /// (`Russia and Turkey agreed to a "security corridor"`).
    pub(crate) fn may_speak(&self, a: usize, b: usize) -> bool {
        if self.is_person(a, b) {
            return true;
        }
        let words = self.name_words(a, b);
        let coordinated = matches!(self.low(a.wrapping_sub(1)), "and" | "or")
            || matches!(self.low(b + 1), "and" | "or");
        words.len() == 1 && !self.looks_org(&words) && !coordinated && self.entities.is_empty()
    }

    /// Sentence subjects that are persons, for pronoun resolution.
    pub(crate) fn collect_subjects(&mut self) {
        let mut sal = Vec::new();
        for si in 0..self.sent_start.len() {
            let a = self.sent_start.get(si).copied().unwrap_or(0);
            let b = self
                .sent_start
                .get(si + 1)
                .copied()
                .unwrap_or(self.toks.len());
            if let Some((x, y)) = self.clause_subject(a, b)
                && self.is_person(x, y)
            {
                sal.push((x, self.canonical(x, y)));
            }
        }
        self.salience = sal;
    }

    /// The subject name at the start of the clause `a..b`, after an introductory phrase.
    pub(crate) fn clause_subject(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut a = a;
        while a < b && self.in_quote(a) {
            a += 1;
        }
        if a >= b {
            return None;
        }
        // introductory phrase: `Earlier on Thursday, X ...`
        let first = self.low(a);
        if STOP_CAPS_SET.contains(&first)
            && !matches!(first, "the" | "a" | "an")
            && let Some(c) = (a..b.min(a + 12)).find(|&i| self.punct(i) == Some(','))
            && let Some(r) = self.name_starting_at(c + 1)
        {
            return Some(r);
        }
        let r = self.name_starting_at(a)?;
        // `Turkey's state-owned agency` : the name is an owner, not the subject
        let next_word = self.low(r.1 + 1);
        if is_possessive(self.tok_text(r.1)) || next_word == "'s" {
            return None;
        }
        Some(r)
    }

    /// Most recent person in salience before token `p`, within a few paragraphs.
    pub(crate) fn resolve_pronoun(&self, p: usize, sal: &[(usize, String)]) -> Option<String> {
        let para = self.toks.get(p).map_or(0, |t| t.para);
        sal.iter()
            .filter(|(i, _)| *i < p)
            .filter(|(i, _)| self.toks.get(*i).is_some_and(|t| t.para + 3 >= para))
            .max_by_key(|(i, _)| *i)
            .map(|(_, n)| n.clone())
    }

    /// The most recent person introduced with the role words (`Turkish`, `president`).
    pub(crate) fn resolve_role(&self, words: &[String], at: usize) -> Option<String> {
        let pos = self.toks.get(at).map_or(0, |t| t.s);
        let role_demonyms: Vec<&String> = words
            .iter()
            .filter(|w| DEMONYMS_SET.contains(&w.as_str()))
            .collect();
        let head = words.last()?;
        let mut best: Option<(usize, &FullName)> = None;
        for n in self.names.iter().filter(|n| n.start < pos) {
            let cand_demonyms: Vec<&String> = n
                .prefix
                .iter()
                .filter(|w| DEMONYMS_SET.contains(&w.as_str()))
                .collect();
            if !role_demonyms.is_empty()
                && !cand_demonyms.is_empty()
                && !cand_demonyms.iter().any(|d| role_demonyms.contains(d))
            {
                continue;
            }
            let score = words
                .iter()
                .filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their"
                    )
                })
                .filter(|w| n.prefix.contains(w))
                .count();
            let head_ok = n.prefix.contains(head) || (!role_demonyms.is_empty() && score > 0);
            if score == 0 || !head_ok {
                continue;
            }
            if best.is_none_or(|(s, b)| score > s || (score == s && n.start > b.start)) {
                best = Some((score, n));
            }
        }
        let found = best.map(|(_, n)| n)?;
        // map to an entity name when there is one
        if !self.entities.is_empty()
            && let Some(en) = self.entities.iter().find(|en| {
                en.name.split_whitespace().map(lower).next_back().as_ref() == found.tokens.last()
            })
        {
            return Some(en.name.clone());
        }
        Some(found.text.clone())
    }
}

//! Claim speakers: the source phrase resolved to a name, like a quote's.

use super::layouts::Found;
use crate::lexicon;
use crate::quotes::{Doc, SKIP_BEFORE_VERB_SET, Subj, is_possessive, strip_possessive};
use newsdesk_model::Label;

/// Prepositions before a place that modifies a source (`officials in Idlib`).
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "inside",
    "outside",
    "around",
    "on",
    "throughout",
];

/// Head nouns of those who speak for the person or body owning them
/// (`Clinton's campaign`, `Trump's aides`).
const ENTOURAGE: &[&str] = &[
    "campaign",
    "camp",
    "team",
    "aides",
    "aide",
    "advisers",
    "advisors",
    "staff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "office",
    "administration",
    "transition",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "family",
    "representative",
    "representatives",
    "official",
    "officials",
    "government",
    "ministry",
    "department",
    "report",
    "statement",
    "website",
    "poll",
    "survey",
    "study",
    "analysis",
    "average",
    "police",
    "prosecutors",
    "investigators",
    "authorities",
    "commissioner",
    "minister",
    "president",
    "leader",
    "leaders",
    "secretary",
    "ambassador",
    "governor",
    "mayor",
    "chairman",
    "director",
    "envoy",
];

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

/// How many tokens before a cue (or after `according to`) the source phrase spans.
const SOURCE_REACH: usize = 7;

impl Doc<'_> {
    /// The first token of the source phrase `subj` found before the cue at `v`.
    pub(super) fn subject_start(&self, subj: &Subj, v: usize, sa: usize) -> usize {
        match subj {
            Subj::Name(a, _) => *a,
            Subj::Pronoun(p) => *p,
            Subj::Role(words, j) => (j + 1).saturating_sub(words.len()).max(sa),
            Subj::Other => {
                let mut s = v;
                while s > sa && v - s < SOURCE_REACH && self.is_word(s - 1) && !self.in_quote(s - 1)
                {
                    s -= 1;
                }
                s
            }
        }
    }

    /// The source after a cue, starting at `k` and ending before `limit`
    /// (`according to the volunteer organisation White Helmets`): what the
    /// quote passes read there, or else the first name in the phrase.
    pub(super) fn source_after(&self, k: usize, limit: usize) -> Option<Subj> {
        let subj = self.subject_after(k);
        if matches!(
            subj,
            Some(Subj::Name(..) | Subj::Pronoun(_) | Subj::Role(..))
        ) {
            return subj;
        }
        (k..limit.min(k + SOURCE_REACH + 3))
            .filter(|&i| !self.in_quote(i))
            .find_map(|i| {
                self.name_starting_at(i)
                    .filter(|&(a, b)| a >= k && b < limit)
            })
            .map(|(a, b)| Subj::Name(a, b))
            .or(subj)
    }

    /// Whether the one-word name `a..=b` is a common noun capitalised at the
    /// start of its sentence (`Analysts fear`, `Sources said`).
    pub(super) fn is_common_word(&self, a: usize, b: usize) -> bool {
        if a != b {
            return false;
        }
        let w = self.low(a);
        // `The Times`, `the Post` inside a sentence: a title, not a common word
        let titled = a > 0
            && self.low(a - 1) == "the"
            && self.tok_text(a).starts_with(char::is_uppercase)
            && self.sentence_range(a).0 != a;
        if titled {
            return false;
        }
        lexicon::is_common(w)
            || (self.sentence_range(a).0 == a
                && (0..self.toks.len()).any(|i| {
                    i != a && self.low(i) == w && self.tok_text(i).starts_with(char::is_lowercase)
                }))
    }

    /// Whether the name starting at token `a` follows a place preposition
    /// (`officials in Idlib`, `residents of the town`): it modifies the
    /// source, it is not the source.
    pub(super) fn is_place_modifier(&self, a: usize) -> bool {
        let Some(p) = a.checked_sub(1) else {
            return false;
        };
        let p = if self.low(p) == "the" {
            match p.checked_sub(1) {
                Some(q) => q,
                None => return false,
            }
        } else {
            p
        };
        PLACE_PREPOSITIONS.contains(&self.low(p))
    }

    /// The canonical name of the source of `found`, or `None` when the text
    /// names nobody.
    pub(super) fn claim_speaker(&self, found: &Found, sal: &[(usize, String)]) -> Option<String> {
        if !found.sourced {
            return None;
        }
        match &found.subj {
            Subj::Name(a, b) => Some(self.canonical(*a, *b)),
            Subj::Pronoun(p) => self.resolve_pronoun(*p, sal),
            Subj::Role(words, at) => self
                .resolve_role(words, *at)
                .or_else(|| self.entourage_owner(words.len(), *at))
                .or_else(|| self.resolve_pronoun(*at, sal)),
            Subj::Other => self.phrase_source(found),
        }
    }

    /// The owner named in a role phrase of `len` words ending at its head
    /// `at`, when the head speaks for it (`Pagliano's lawyer`, `Clinton's
    /// campaign manager`, `the IMF's report`).
    fn entourage_owner(&self, len: usize, at: usize) -> Option<String> {
        let head = strip_possessive(self.low(at));
        if !ENTOURAGE.contains(&head) {
            return None;
        }
        let first = (at + 1).saturating_sub(len);
        (first..at).find_map(|i| {
            if !is_possessive(self.tok_text(i)) {
                return None;
            }
            let (a, b) = self.name_ending_at(i)?;
            (a >= first && b == i && !self.is_common_word(a, b)).then(|| self.canonical(a, b))
        })
    }

    /// A source phrase with no name at its head: a name inside it (`Turkey's
    /// state-owned Anadolu news agency`), else an institution noun (`the
    /// ministry`) resolved to the organisation named before with that word.
    fn phrase_source(&self, found: &Found) -> Option<String> {
        let v = found.cue_tok;
        let (lo, hi) = if found.cue == "according to" {
            (v + 2, v + 2 + SOURCE_REACH)
        } else {
            let mut j = v;
            while j > 0 && self.is_word(j - 1) && SKIP_BEFORE_VERB_SET.contains(self.low(j - 1)) {
                j -= 1;
            }
            (j.saturating_sub(SOURCE_REACH), j)
        };
        let phrase: Vec<usize> = if found.cue == "according to" {
            (lo..hi)
                .take_while(|&i| self.is_word(i) && !self.in_quote(i))
                .collect()
        } else {
            // back to the determiner or possessive owner opening the noun
            // phrase, never over a verb
            let (sa, _) = self.sentence_range(v);
            let mut ids = Vec::new();
            for i in (lo.max(sa)..hi).rev() {
                // the period of an abbreviation (`The S.E.C. said`) stays in the phrase
                let abbreviation = self.punct(i) == Some('.')
                    && self
                        .toks
                        .get(i.wrapping_sub(1))
                        .zip(self.toks.get(i))
                        .is_some_and(|(a, b)| a.e == b.s);
                if abbreviation {
                    continue;
                }
                if !self.is_word(i) || self.in_quote(i) || lexicon::is_claim_verb(self.low(i)) {
                    break;
                }
                ids.push(i);
                if DETERMINERS.contains(&self.low(i)) || is_possessive(self.tok_text(i)) {
                    break;
                }
            }
            ids.reverse();
            ids
        };
        let first = *phrase.first()?;
        let mut last = *phrase.last()?;
        if self.punct(last + 1) == Some('.') && last + 1 < v {
            last += 1;
        }
        // the phrase must end on a noun the source is (`agency said`), not a
        // clause (`the deal that he said`)
        if phrase
            .iter()
            .any(|&i| matches!(self.low(i), "that" | "which" | "who" | "whom"))
        {
            return None;
        }
        // a name inside the phrase (not a possessive owner, not a demonym):
        // `Turkey's state-owned Anadolu news agency`, `Clinton supporters`
        if let Some((a, b)) = (first..=last).rev().find_map(|i| {
            let r = self.name_starting_at(i)?;
            let demonym = r.0 == r.1 && lexicon::is_demonym(self.low(r.0));
            (r.0 >= first
                && r.1 <= last
                && !demonym
                && !self.is_common_word(r.0, r.1)
                && !is_possessive(self.tok_text(r.1))
                && !self.is_place_modifier(r.0))
            .then_some(r)
        }) {
            return Some(self.canonical(a, b));
        }
        let head = strip_possessive(self.low(last));
        // `Clinton's campaign`, `Trump's aides`: the entourage speaks for its owner
        if ENTOURAGE.contains(&head)
            && let Some((a, b)) = (first..last).find_map(|i| {
                let r = self.name_starting_at(i)?;
                (r.0 >= first
                    && r.1 < last
                    && is_possessive(self.tok_text(r.1))
                    && !self.is_common_word(r.0, r.1))
                .then_some(r)
            })
        {
            return Some(self.canonical(a, b));
        }
        if !lexicon::is_institution_head(head) {
            return None;
        }
        let at = self.toks.get(first).map_or(0, |t| t.s);
        self.entities
            .iter()
            .filter(|en| en.label == Label::Org)
            .filter(|en| {
                en.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(head))
            })
            .filter_map(|en| {
                let m = en
                    .mentions
                    .iter()
                    .filter(|m| m.start < at)
                    .map(|m| m.start)
                    .max()?;
                Some((m, en))
            })
            .max_by_key(|(m, _)| *m)
            .map(|(_, en)| en.name.clone())
    }
}

//! Claim cues: a claim verb used as a verb, `according to`, a statement noun.

use crate::lexicon;
use crate::quotes::{Doc, SKIP_BEFORE_VERB_SET, is_possessive};

/// Words before a cue that make it a noun or an adjective (`the reported
/// deal`, `similar claims`, `a warning`).
const NOT_BEFORE_VERB: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "any", "no", "previous", "similar", "new", "false", "earlier", "many", "some", "of",
    "to", "un", "well", "if", "when", "unless", "once", "though", "although", "until", "because",
    "whether",
];

/// Forms of `be` that make a past participle passive (`was reported`).
pub(super) const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "be", "being", "'s", "’s",
];

impl Doc<'_> {
    /// Whether token `i` is a claim verb used as a verb, outside quotes.
    pub(super) fn is_claim_cue(&self, i: usize) -> bool {
        if !self.is_word(i) || self.in_quote(i) {
            return false;
        }
        let w = self.low(i);
        if !lexicon::is_claim_verb(w) {
            return false;
        }
        // a capitalised cue inside a sentence is part of a name (`the United
        // States`); at its start it is inverted speech (`Said Ellis: ...`)
        let (sa, _) = self.sentence_range(i);
        if i != sa && self.tok_text(i).starts_with(char::is_uppercase) {
            return false;
        }
        // `That said, ...`
        if w == "said" && self.low(i.wrapping_sub(1)) == "that" {
            return false;
        }
        // `called for`, `called on`, `pointed out`, `pointed to`: the
        // particle makes the verb a cue; otherwise it names or points
        if matches!(w, "called" | "calls" | "calling" | "call")
            && !matches!(self.low(i + 1), "for" | "on")
        {
            return false;
        }
        if matches!(w, "pointed" | "points" | "pointing")
            && !matches!(self.low(i + 1), "out" | "to")
        {
            return false;
        }
        // cognition and evidence verbs need a clause (`found that`), not an
        // object (`found the body`)
        if lexicon::needs_that(w) && self.low(i + 1) != "that" {
            return false;
        }
        if i == 0 {
            return true;
        }
        // `U.S.-backed`: a compound adjective
        let joined = self
            .toks
            .get(i - 1)
            .zip(self.toks.get(i))
            .is_some_and(|(a, b)| a.e == b.s);
        if joined && matches!(self.punct(i - 1), Some('-' | '–' | '—')) {
            return false;
        }
        let p = self.low(i - 1);
        if NOT_BEFORE_VERB.contains(&p) || is_possessive(self.tok_text(i - 1)) {
            return false;
        }
        // a passive (`was reported`, `is said to`), over adverbs in between
        if !w.ends_with("ing") {
            let mut j = i - 1;
            for _ in 0..3 {
                let pw = self.low(j);
                if BE.contains(&pw) {
                    return false;
                }
                if !(self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(pw)) || j == 0 {
                    break;
                }
                j -= 1;
            }
        }
        true
    }

    /// Whether token `i` is a statement noun owned by a source and followed by
    /// `that` (`Erdogan's statement that`, `his claim that`).
    pub(super) fn is_claim_noun_cue(&self, i: usize) -> bool {
        i > 0
            && self.is_word(i)
            && !self.in_quote(i)
            && lexicon::is_claim_noun(self.low(i))
            && self.low(i + 1) == "that"
            && (is_possessive(self.tok_text(i - 1))
                || matches!(self.low(i - 1), "his" | "her" | "their" | "its"))
    }
}

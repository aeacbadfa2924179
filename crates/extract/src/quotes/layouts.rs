//! Attribution layouts: a cue after the quote or before it, signature lines, headlines.

use super::cues::PARTICIPLE_SUFFIX;
use super::doc::{lower, strip_possessive};
use super::marks::is_open_like;
use super::words::{OTHER_PRONOUNS, PRONOUNS, ROLE_HEADS_SET, SKIP_BEFORE_VERB_SET};
use super::{Doc, Subj};
use newsdesk_model::Label;

impl<'a> Doc<'a> {
    /// An attribution that starts at token `k` right after a closing mark.
    pub(crate) fn after_attribution_at(&self, k: usize) -> Option<(usize, Subj)> {
        if matches!(self.punct(k), Some('—' | '―' | '–'))
            && let Some((a, b)) = self.name_starting_at(k + 1)
        {
            let ends = self.is_sentence_end(b + 1)
                || self.line_break_after(b)
                || self.in_quote(b + 1)
                || self.tok_text(b + 1).starts_with(is_open_like)
                || self
                    .toks
                    .get(b + 1)
                    .is_none_or(|t| Some(t.para) != self.toks.get(b).map(|x| x.para));
            if ends {
                return Some((k, Subj::Name(a, b)));
            }
        }
        let mut k = k;
        while matches!(self.punct(k), Some(',' | '—' | '–' | '-')) {
            k += 1;
        }
        if self.in_quote(k) {
            return None;
        }
        if self.is_according(k) {
            return Some((k, self.subject_after(k + 2).unwrap_or(Subj::Other)));
        }
        if self.is_cue(k) {
            // `," promising the club will return`: a participle after the
            // quote has its subject before the quote
            if self.tok_text(k).ends_with(PARTICIPLE_SUFFIX) {
                return Some((k, Subj::Other));
            }
            return Some((k, self.subject_after(k + 1).unwrap_or(Subj::Other)));
        }
        let w = self.low(k);
        if PRONOUNS.contains(&w) || OTHER_PRONOUNS.contains(&w) {
            let v = self.next_cue_within(k + 1, 2)?;
            let s = if PRONOUNS.contains(&w) {
                Subj::Pronoun(k)
            } else {
                Subj::Other
            };
            return Some((v, s));
        }
        if let Some((a, b)) = self.name_starting_at(k) {
            // `Rep. Gwen Moore (D-Wis.) said`, `Mr. Morgan of the Sierra Club said`
            let after = self.skip_affiliation(self.skip_parenthetical(b + 1));
            // an appositive after the name: `X, a Moscow-based analyst, said`
            if self.punct(after) == Some(',') {
                let limit = after + 30;
                let mut c = after + 1;
                while c < limit && !self.is_sentence_end(c) {
                    if self.punct(c) == Some(',') && self.is_cue(c + 1) {
                        return Some((c + 1, Subj::Name(a, b)));
                    }
                    c += 1;
                }
            }
            if let Some(v) = self.next_cue_within(after, 2) {
                return Some((v, Subj::Name(a, b)));
            }
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            let mut j = k;
            let mut words = Vec::new();
            while self.is_word(j) && !self.is_cue(j) && words.len() < 7 {
                words.push(lower(strip_possessive(self.tok_text(j))));
                j += 1;
            }
            if self.is_cue(j) && words.len() >= 2 {
                let head = words.last().cloned().unwrap_or_default();
                let named = self
                    .name_ending_at(j - 1)
                    .filter(|&(a, b)| a > k && self.is_person(a, b));
                let s = if let Some((a, b)) = named {
                    Subj::Name(a, b)
                } else if let Some(org) = self.speaking_org(k, j) {
                    org
                } else if ROLE_HEADS_SET.contains(&head.as_str()) {
                    Subj::Role(words, j.saturating_sub(1))
                } else {
                    Subj::Other
                };
                return Some((j, s));
            }
        }
        None
    }

    /// A cue later in the clause after a complete quoted utterance:
    /// `," Trump lawyer Marc Kasowitz said`, `," Rep. Jim Jordan (R-Ohio), a member, said`.
    pub(crate) fn after_attribution_scan(&self, k: usize) -> Option<(usize, Subj)> {
        let mut v = k;
        let limit = k + 30;
        while v < limit {
            if self.is_sentence_end(v) || self.in_quote(v) {
                return None;
            }
            if self.is_cue(v) {
                break;
            }
            v += 1;
        }
        if v >= limit {
            return None;
        }
        match self.subject_before(v, k)? {
            Subj::Other => None,
            s => Some((v, s)),
        }
    }

    /// A sentence-final `.`, `?` or `!` (not the period of `Rep.`), or the end.
    pub(crate) fn is_sentence_end(&self, i: usize) -> bool {
        if i >= self.toks.len() {
            return true;
        }
        let mark = matches!(self.punct(i), Some('.' | '?' | '!')) && !self.in_quote(i);
        // while sentences are being split, every mark counts
        mark && (self.sent.is_empty()
            || i + 1 >= self.toks.len()
            || self.sent.get(i) != self.sent.get(i + 1))
    }

    /// Whether a line break separates token `i` from the next one.
    fn line_break_after(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.e..b.s).is_some_and(|g| g.contains('\n')),
            _ => true,
        }
    }

    /// The token after a parenthetical that opens at `i` (`(D-Wis.)`), or `i`.
    fn skip_parenthetical(&self, i: usize) -> usize {
        if self.punct(i) != Some('(') {
            return i;
        }
        (i + 1..i + 10)
            .find(|&j| self.punct(j) == Some(')') || self.is_sentence_end(j))
            .filter(|&j| self.punct(j) == Some(')'))
            .map_or(i, |j| j + 1)
    }

    /// The token after `of the Sierra Club` / `of Human Rights Watch` at `i`, or `i`.
    fn skip_affiliation(&self, i: usize) -> usize {
        if !matches!(self.low(i), "of" | "from" | "at") {
            return i;
        }
        let mut j = i + 1;
        if self.low(j) == "the" {
            j += 1;
        }
        let start = j;
        while j < start + 6 && self.is_name_part(j) && !self.in_quote(j) {
            j += 1;
        }
        if j > start { j } else { i }
    }

    /// A name that ends its clause: followed by punctuation, a line break, a
    /// parenthetical or a relative clause, not by a lower-case noun (`the New
    /// York businessman`).
    pub(crate) fn name_ends_clause(&self, b: usize) -> bool {
        self.toks.get(b + 1).is_none()
            || self.line_break_after(b)
            || self.punct(b + 1).is_some()
            || matches!(
                self.low(b + 1),
                "of" | "who" | "from" | "at" | "in" | "on" | "to"
            )
            || self.is_cue(b + 1)
    }

    /// A cue at `k` or after at most `skip` adverbs.
    fn next_cue_within(&self, k: usize, skip: usize) -> Option<usize> {
        for k in k..=k + skip {
            if self.is_cue(k) {
                return Some(k);
            }
            if !(self.is_word(k) && SKIP_BEFORE_VERB_SET.contains(&self.low(k))) {
                return None;
            }
        }
        None
    }

    /// The attribution before the quote that opens at token `m`, in its sentence.
    pub(crate) fn before_attribution(&self, m: usize) -> Option<(usize, Subj)> {
        let (sa, _) = self.sentence_range(m);
        let direct =
            (m > 0 && matches!(self.punct(m - 1), Some(':' | ','))) || self.punct(m) == Some(':');
        let cues: Vec<usize> = (sa..m)
            .filter(|&i| {
                (self.is_cue(i) || self.is_according(i))
                    && !(i > 0 && matches!(self.low(i - 1), "who" | "which" | "that" | "to"))
            })
            .collect();
        let order: Vec<usize> = if direct {
            cues.iter().rev().copied().collect()
        } else {
            cues.clone()
        };
        let mut fallback = None;
        for v in order {
            let subj = if self.is_according(v) {
                self.subject_after(v + 2)
            } else {
                match self.subject_before(v, sa) {
                    // `Said Ellis: "..."`: the subject follows the cue
                    None if direct => self
                        .subject_after(v + 1)
                        .filter(|s| matches!(s, Subj::Name(a, _) if *a < m)),
                    other => other,
                }
            };
            match subj {
                Some(Subj::Other) | None => {
                    if fallback.is_none() {
                        fallback = Some((v, Subj::Other));
                    }
                }
                // a partial quote needs a person (or a pronoun or role) to speak it
                Some(Subj::Name(a, b)) if !direct && !self.may_speak(a, b) => {}
                Some(s) => return Some((v, s)),
            }
        }
        if direct && fallback.is_some() {
            return fallback;
        }
        if m == 0 {
            return None;
        }
        // `Mitt Romney -- "It is disqualifying..."`: a person, a dash, the quote
        let mut d = m - 1;
        let mut dashes = 0;
        while d > sa && matches!(self.punct(d), Some('-' | '—' | '–')) {
            d -= 1;
            dashes += 1;
        }
        if dashes > 0
            && let Some((a, b)) = self.name_ending_at(d)
            && self.is_person(a, b)
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        // `Williamson concludes: "..."`, `Silverman interjected, "..."`: an
        // unknown verb in the past or present tense right before the mark
        if direct && m >= 2 {
            // `Rubio fired back forcefully: "..."`: over adverbs and particles
            let mut v = m - 2;
            for _ in 0..2 {
                let w = self.low(v);
                let adverb = self.is_word(v)
                    && (w.ends_with("ly") || matches!(w, "back" | "out" | "up" | "again"));
                if adverb && v > sa {
                    v -= 1;
                } else {
                    break;
                }
            }
            let verb = self.low(v);
            let verbish = self.is_word(v)
                && !self.in_quote(v)
                && self.tok_text(v).starts_with(char::is_lowercase)
                && verb.chars().count() > 3
                && (verb.ends_with("ed") || (verb.ends_with('s') && !verb.ends_with("ss")));
            if verbish {
                match self.subject_before(v, sa) {
                    Some(Subj::Name(a, b)) if self.is_person(a, b) => {
                        return Some((v, Subj::Name(a, b)));
                    }
                    Some(Subj::Pronoun(p)) => return Some((v, Subj::Pronoun(p))),
                    _ => {}
                }
            }
        }
        // `Republican pollster Daron Shaw: "..."`: a name, a colon, the quote
        if m >= 2
            && self.punct(m - 1) == Some(':')
            && let Some((a, b)) = self.name_ending_at(m - 2)
            && b == m - 2
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        // `President Obama has a new message: "It's about me."`: no cue, a
        // colon, and a person as the subject of the sentence
        if matches!(self.punct(m - 1), Some(':'))
            && let Some((a, b)) = self.clause_subject(sa, m)
            && self.is_person(a, b)
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        None
    }

    /// Whether the cue at `v` is followed (after at most a few words) by a
    /// comma or colon and the opening of a quote other than `qi`.
    pub(crate) fn introduces_quote(&self, v: usize, qi: usize) -> bool {
        (v + 1..v + 5)
            .find(|&i| matches!(self.punct(i), Some(',' | ':')) || self.is_sentence_end(i))
            .filter(|&i| matches!(self.punct(i), Some(',' | ':')))
            .and_then(|i| self.toks.get(i + 1))
            .and_then(|t| t.quote)
            .is_some_and(|q| q != qi)
    }

    /// A paragraph right after the quote that holds only a dash and a name.
    pub(crate) fn signature_line(&self, k: usize, quote_para: usize) -> Option<(usize, Subj)> {
        let para = self.toks.get(k)?.para;
        if para != quote_para + 1 || !matches!(self.punct(k), Some('-' | '—' | '―' | '–')) {
            return None;
        }
        let (a, b) = self.name_starting_at(k + 1)?;
        let mut end = b + 1;
        if matches!(self.punct(end), Some('.' | ',')) {
            end += 1;
        }
        let alone = self.toks.get(end).is_none_or(|t| t.para != para);
        alone.then_some((k, Subj::Name(a, b)))
    }

    /// Whether quote `qi`, opening at token `open_tok`, starts its sentence
    /// (only other quotes before it).
    pub(crate) fn opens_sentence(&self, qi: usize, open_tok: usize) -> bool {
        let (sa, _) = self.sentence_range(open_tok);
        sa == open_tok
            || (sa..open_tok)
                .all(|i| self.in_quote(i) && self.toks.get(i).and_then(|t| t.quote) != Some(qi))
    }

    /// `, X said.` (or `, said X.`) closing the sentence of a partial quote:
    /// the first speech verb after the quote, with at most a few words
    /// between it and the end of the sentence.
    pub(crate) fn sentence_final_attribution(&self, k: usize) -> Option<(usize, Subj)> {
        let (_, end) = self.sentence_range(k);
        let v = (k..end.min(k + 40)).find(|&i| self.is_cue(i))?;
        if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX)
            || (k..v).any(|i| self.in_quote(i))
            || end.saturating_sub(v) > 12
            || (v + 1..end).any(|i| self.in_quote(i))
        {
            return None;
        }
        match self.subject_before(v, k) {
            Some(Subj::Name(a, b)) => return Some((v, Subj::Name(a, b))),
            Some(Subj::Pronoun(p)) => return Some((v, Subj::Pronoun(p))),
            _ => {}
        }
        if v > 0 && self.punct(v - 1) == Some(',') {
            return match self.subject_after(v + 1)? {
                Subj::Name(a, b) => Some((v, Subj::Name(a, b))),
                _ => None,
            };
        }
        None
    }

    /// The person a headline names before its quote (`Warren Hammers Wells
    /// Fargo CEO: 'You Should Be Investigated'`): the first person entity
    /// mentioned there, else the first multi-word name.
    pub(crate) fn headline_person(&self, open_tok: usize) -> Option<String> {
        let end = self.toks.get(open_tok).map_or(0, |t| t.s);
        if !self.entities.is_empty() {
            // title case makes a headline's name runs unreliable (`Obama Sees`):
            // find the surname of a person entity among its words
            let words: Vec<(usize, String)> = (0..open_tok)
                .filter(|&i| self.is_word(i))
                .map(|i| (i, lower(strip_possessive(self.tok_text(i)))))
                .collect();
            return self
                .entities
                .iter()
                .filter(|en| en.label == Label::Person && en.mentions.len() > 1)
                .filter_map(|en| {
                    let last = en.name.split_whitespace().next_back().map(lower)?;
                    let at = words.iter().find(|(_, w)| *w == last)?.0;
                    Some((at, std::cmp::Reverse(en.mentions.len()), en.name.clone()))
                })
                .min()
                .map(|(_, _, n)| n);
        }
        self.names
            .iter()
            .filter(|n| n.start < end)
            .min_by_key(|n| n.start)
            .map(|n| n.text.clone())
    }

    /// A short paragraph with no sentence end, or ending in `]` (a photo caption).
    pub(crate) fn caption_like(&self, para: usize) -> bool {
        self.paras
            .get(para)
            .and_then(|&(s, e)| self.text.get(s..e))
            .is_some_and(|p| {
                let p = p.trim_end();
                p.ends_with(']') || !p.ends_with(['.', '?', '!', '"', '”'])
            })
    }
}

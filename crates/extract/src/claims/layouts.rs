//! Claim layouts: where the content lies around its cue in the sentence.

use crate::lexicon;
use crate::quotes::{Doc, SKIP_BEFORE_VERB_SET, Subj};

/// One claim found in a sentence, before its speaker is resolved.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// The cue as the claim reports it (`said`, `according to`).
    pub(super) cue: String,
    /// Token of the cue.
    pub(super) cue_tok: usize,
    /// The source phrase.
    pub(super) subj: Subj,
    /// Content token ranges (`a..b`), in order.
    pub(super) parts: Vec<(usize, usize)>,
    /// Whether the source is a named person (a pronoun can refer to it later).
    pub(super) person: bool,
    /// Whether the text can name a source at all (`X is expected to` names none).
    pub(super) sourced: bool,
}

/// The fewest words a content has.
const MIN_WORDS: usize = 2;

/// The most tokens between a cue and the end of its sentence in `..., X said.`
const TAIL: usize = 9;

/// Words that start what completes an attribution after its cue (`said on
/// Thursday.`, `said in a statement.`, `said late on Friday.`).
const TAIL_STARTS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "via",
    "through",
    "after",
    "before",
    "last",
    "this",
    "earlier",
    "late",
    "early",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "later",
    "previously",
    "then",
    "afterwards",
    "separately",
    "repeatedly",
    "again",
    "when",
    "while",
    "as",
    "from",
    "of",
    "told",
    "to",
    "by",
    "with",
    "without",
    "speaking",
    "adding",
    "according",
    "-",
    "—",
    "(",
];

/// Prepositions a participle cue follows in the clause of its subject
/// (`before adding`, `by promising`).
const PARTICIPLE_PREPOSITIONS: &[&str] = &["by", "before", "after", "while", "when", "in"];

/// The most words of a source before a colon (`NY Daily News: ...`).
const COLON_SOURCE: usize = 4;

/// Words that make a line opening with a colon a label, not a source
/// (`Update: ...`, `Watch: ...`, `Editor's note: ...`).
const NOT_COLON_SOURCE: &[&str] = &[
    "update",
    "updated",
    "watch",
    "note",
    "related",
    "read",
    "photo",
    "photos",
    "video",
    "more",
    "see",
    "listen",
    "correction",
    "warning",
    "editor",
    "editor's",
    "editor’s",
    "q",
    "a",
    "question",
    "answer",
    "subscribe",
    "follow",
    "click",
    "share",
    "tags",
    "topics",
    "live",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "commentary",
    "the",
    "this",
    "that",
    "here",
    "there",
    "it",
    "i",
    "we",
    "he",
    "she",
    "they",
    "you",
    "and",
    "but",
    "so",
    "in",
    "on",
    "at",
    "for",
    "by",
    "of",
    "to",
    "with",
    "from",
    "as",
    "or",
];

/// Words a content does not start with (`agree with its partners` is no claim).
const NOT_CONTENT_START: &[&str] = &[
    "with", "in", "at", "by", "from", "upon", "into", "over", "under", "after", "before", "during",
    "since", "as", "like", "than", "on", "about", "and", "or", "but",
];

impl Doc<'_> {
    /// The claims of the sentence `sa..sb`.
    pub(super) fn claims_in(&self, sa: usize, sb: usize) -> Vec<Found> {
        let mut out = Vec::new();
        let end = self.content_end(sa, sb);
        out.extend(self.colon_claim(sa, end));
        let mut i = sa;
        while i < end {
            if self.is_according(i) {
                out.extend(self.according_claim(i, sa, end));
                i += 2;
                continue;
            }
            if let Some(f) = self.expected_claim(i, sa, end) {
                out.push(f);
                i += 2;
                continue;
            }
            if self.is_claim_cue(i) {
                let last = out.last().map(|f: &Found| &f.subj);
                out.extend(self.verb_claim(i, sa, end, last));
            } else if self.is_claim_noun_cue(i) {
                out.extend(self.noun_claim(i, end));
            }
            i += 1;
        }
        out
    }

    /// The sentence end without its closing punctuation and marks.
    fn content_end(&self, sa: usize, sb: usize) -> usize {
        let mut e = sb;
        while e > sa {
            let closing = match self.punct(e - 1) {
                Some(c) => {
                    matches!(c, '.' | '?' | '!' | ',' | ';' | ':' | '-' | '—' | '–')
                        || (self.in_quote(e - 1) && matches!(c, '"' | '”' | '’' | '\'' | '»'))
                }
                None => false,
            };
            if !closing {
                break;
            }
            e -= 1;
        }
        e
    }

    /// Whether the range holds at least [`MIN_WORDS`] words and some outside
    /// quotation marks, and does not open with a quotation (a content wholly
    /// quoted, or a quotation with attribution residue after it, `said, "..."
    /// adding later`, is a direct quote).
    fn claim_worthy(&self, parts: &[(usize, usize)]) -> bool {
        let opens_quoted = parts
            .first()
            .and_then(|&(a, b)| (a..b).find(|&i| self.is_word(i)))
            .is_some_and(|i| self.in_quote(i));
        if opens_quoted {
            return false;
        }
        let words = parts
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter(|&i| self.is_word(i))
            .count();
        let free = parts
            .iter()
            .flat_map(|&(a, b)| a..b)
            .any(|i| self.is_word(i) && !self.in_quote(i));
        words >= MIN_WORDS && free
    }

    fn found(
        &self,
        cue: String,
        v: usize,
        subj: Subj,
        parts: Vec<(usize, usize)>,
    ) -> Option<Found> {
        if !self.claim_worthy(&parts) {
            return None;
        }
        // `Sources said`, `the Russian military said`: no name
        let subj = match subj {
            Subj::Name(a, b)
                if self.is_common_word(a, b)
                    || (a == b && lexicon::is_demonym(self.low(a)))
                    || self.after_dateline(a, a + 12) > b =>
            {
                Subj::Other
            }
            s => s,
        };
        let person = matches!(subj, Subj::Name(a, b) if self.is_person(a, b));
        Some(Found {
            cue,
            cue_tok: v,
            subj,
            parts,
            person,
            sourced: true,
        })
    }

    /// A claim verb at `v` in the sentence `sa..end`; `last` is the source of
    /// the claim before it in the sentence.
    fn verb_claim(&self, v: usize, sa: usize, end: usize, last: Option<&Subj>) -> Option<Found> {
        let cue = self.low(v).to_string();
        // `officials in Idlib said`: a place after a preposition is no source
        let before = self.interrupted_subject(v, sa);
        let before = before
            .or_else(|| self.subject_before(v, sa))
            .map(|s| match s {
                Subj::Name(a, b)
                    if self.is_place_modifier(a)
                        || self.is_common_word(a, b)
                        || self.after_dateline(a, a + 12) > b =>
                {
                    Subj::Other
                }
                s => s,
            });
        let before = match before {
            Some(Subj::Other) | None => self
                .shared_subject(v, sa, end, last)
                .or_else(|| self.appositive_name(v, sa))
                .or_else(|| self.participle_subject(v, sa, last))
                .or_else(|| self.relative_antecedent(v, sa))
                .or(before),
            s => s,
        };
        // `Citing a poll, Trump said ...`: a participle opening the sentence
        // shares the subject of the clause after its comma
        if before.is_none()
            && let Some(f) = self.opening_participle(cue.clone(), v, sa, end)
        {
            return Some(f);
        }
        let subj_start = before.as_ref().map(|s| self.subject_start(s, v, sa));
        // `..., said X.`: an inverted cue after the content
        if v > sa + MIN_WORDS
            && self.is_comma_like(v - 1)
            && let Some(subj) = self.inverted_source(v, end)
        {
            return self.found(cue, v, subj, vec![(sa, v - 1)]);
        }
        let subj = before.unwrap_or(Subj::Other);
        // `..., X said.`, `..., X told reporters.`: the content before the source
        // `..., Mr. Van Voorhis said.`: the title belongs to the source
        let subj_start = subj_start.map(|mut s0| {
            for _ in 0..3 {
                let titled = s0 > sa + 2
                    && (self.punct(s0 - 1) == Some('.')
                        || (self.is_word(s0 - 1)
                            && self.tok_text(s0 - 1).starts_with(char::is_uppercase)));
                if !titled {
                    break;
                }
                s0 -= 1;
            }
            s0
        });
        if let Some(s0) = subj_start
            && s0 >= sa + 2
            && self.is_comma_like(s0 - 1)
        {
            if self.is_tail(v, end) {
                return self.found(cue, v, subj, vec![(sa, s0 - 1)]);
            }
            // `Turkey, he said, would retaliate`: the cue inside its content
            if self.punct(v + 1) == Some(',') && v + 2 < end {
                return self.found(cue, v, subj, vec![(sa, s0 - 1), (v + 2, end)]);
            }
        }
        // `X said (that) ...`: the content after the cue
        // `forces continued attacks`, `Syrians remain low`: after a comma
        // with no source before it, a bare form is no verb
        if matches!(subj, Subj::Other)
            && self.punct(v.wrapping_sub(1)) == Some(',')
            && !self.low(v).ends_with("ing")
        {
            return None;
        }
        // `"...," said one source on the panel.`: after a closing quotation
        // mark the words after the cue are its source, not a content
        let after_quote = |k: usize| {
            matches!(self.punct(k), Some('"' | '”' | '’' | '\'' | '»')) && self.in_quote(k)
        };
        if v > sa
            && (after_quote(v - 1)
                || (v > sa + 1 && self.punct(v - 1) == Some(',') && after_quote(v - 2)))
        {
            return None;
        }
        let (c, that) = self.content_start(v, end);
        if c >= end || (!that && NOT_CONTENT_START.contains(&self.low(c))) {
            return None;
        }
        self.found(cue, v, subj, vec![(c, end)])
    }

    /// `Citing an unfounded theory, Trump accused ...`, `Claiming the
    /// criticism is unfair, he ...`: a participle cue at the start of the
    /// sentence `sa..end`; the content runs to the first comma and the source
    /// is the name or personal pronoun right after it.
    fn opening_participle(&self, cue: String, v: usize, sa: usize, end: usize) -> Option<Found> {
        if v != self.after_dateline(sa, v) || !self.low(v).ends_with("ing") {
            return None;
        }
        let comma = (v + 1..(v + 30).min(end))
            .find(|&k| self.punct(k) == Some(',') && !self.in_quote(k))?;
        let k = comma + 1;
        let subj = if matches!(self.low(k), "he" | "she" | "they" | "we" | "i") {
            Subj::Pronoun(k)
        } else {
            let (a, b) = self.name_starting_at(k)?;
            if a != k || self.is_common_word(a, b) {
                return None;
            }
            Subj::Name(a, b)
        };
        self.found(cue, v, subj, vec![(v + 1, comma)])
    }

    /// Whether what follows the cue at `v` up to `end` only completes the
    /// attribution (`said.`, `said on Thursday.`, `told reporters in Moscow.`)
    /// rather than starting its content.
    fn is_tail(&self, v: usize, end: usize) -> bool {
        let k = v + 1;
        if k >= end {
            return true;
        }
        if end - k > TAIL || self.has_that(k, end) || self.opens_content(k) {
            return false;
        }
        let first = self.low(k);
        lexicon::is_tell_verb(self.low(v))
            || TAIL_STARTS.contains(&first)
            || lexicon::is_calendar(first)
    }

    /// The source right after an inverted cue at `v` (`, said Erdogan.`,
    /// `, said the Turkish president on Thursday.`) when nothing but the
    /// attribution follows it.
    fn inverted_source(&self, v: usize, end: usize) -> Option<Subj> {
        let subj = self.source_after(v + 1, end)?;
        let last = match &subj {
            Subj::Name(a, b) if *a <= v + 4 => *b,
            Subj::Pronoun(p) if *p == v + 1 => *p,
            Subj::Role(_, j) if *j <= v + 6 => *j,
            // `, said a U.S. official.`: a short phrase ending on a source noun
            Subj::Other
                if end.saturating_sub(v) <= 7
                    && !self.has_that(v + 1, end)
                    && end
                        .checked_sub(1)
                        .is_some_and(|l| lexicon::is_source_noun(self.low(l))) =>
            {
                return Some(Subj::Other);
            }
            _ => return None,
        };
        self.is_tail_after(last, end).then_some(subj)
    }

    /// Whether nothing but the end of an attribution follows token `last`.
    fn is_tail_after(&self, last: usize, end: usize) -> bool {
        let k = last + 1;
        // `, said Kenneth Baer, a former official who ...`: an appositive
        if k >= end || matches!(self.punct(k), Some(',' | '(')) {
            return true;
        }
        if end - k > TAIL || self.has_that(k, end) || self.opens_content(k) {
            return false;
        }
        let first = self.low(k);
        matches!(self.punct(k), Some(',' | '('))
            || TAIL_STARTS.contains(&first)
            || lexicon::is_calendar(first)
    }

    /// The subject a coordinated verb shares (`Trump is telling veterans that
    /// ... and says he will expand ...`): the source of the claim before it in
    /// the sentence, else the sentence's subject.
    fn shared_subject(&self, v: usize, sa: usize, end: usize, last: Option<&Subj>) -> Option<Subj> {
        let mut j = v.checked_sub(1)?;
        while j > sa && self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(self.low(j)) {
            j -= 1;
        }
        if j <= sa || !matches!(self.low(j), "and" | "but" | "yet" | "or" | "nor") {
            return None;
        }
        if let Some(s) = last.filter(|s| !matches!(s, Subj::Other)) {
            return Some(s.clone());
        }
        let (a, b) = self.clause_subject(sa, end)?;
        (!self.is_common_word(a, b)).then_some(Subj::Name(a, b))
    }

    /// The subject a participle cue shares with the clause it hangs from
    /// (`Trump insisted ..., claiming that ...`, `Rubio responded before
    /// adding that ...`, `Obama won by promising ...`): the source of the
    /// claim before it in the sentence, else the sentence's subject name or
    /// personal pronoun.
    fn participle_subject(&self, v: usize, sa: usize, last: Option<&Subj>) -> Option<Subj> {
        if !self.low(v).ends_with("ing") {
            return None;
        }
        let mut j = v.checked_sub(1)?;
        while j > sa && self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(self.low(j)) {
            j -= 1;
        }
        let hangs =
            j > sa && (self.is_comma_like(j) || PARTICIPLE_PREPOSITIONS.contains(&self.low(j)));
        if !hangs {
            return None;
        }
        if let Some(s) = last.filter(|s| !matches!(s, Subj::Other)) {
            return Some(s.clone());
        }
        let sa = self.after_dateline(sa, j);
        if let Some((a, b)) = self.clause_subject(sa, j)
            && !self.is_common_word(a, b)
            && !self.is_place_modifier(a)
        {
            // the name must be the subject itself, followed by its verb
            // or an apposition, not a modifier (`Trump supporters`)
            let next = b + 1;
            let ends = !self.is_word(next) || self.tok_text(next).starts_with(char::is_lowercase);
            if ends {
                return Some(Subj::Name(a, b));
            }
        }
        matches!(self.low(sa), "he" | "she").then_some(Subj::Pronoun(sa))
    }

    /// A name separated from the cue at `v` by a time phrase or a short
    /// parenthetical (`The Times on Saturday wrote`, `Donald Trump, in
    /// particular, has criticized`).
    fn interrupted_subject(&self, v: usize, sa: usize) -> Option<Subj> {
        // a participle after a comma hangs from a clause (`X, an analyst, was
        // sceptical, saying`), it has no subject of its own
        if self.low(v).ends_with("ing") {
            return None;
        }
        let mut j = v.checked_sub(1)?;
        while j > sa
            && self.is_word(j)
            && (SKIP_BEFORE_VERB_SET.contains(self.low(j)) || self.low(j).ends_with("ly"))
        {
            j -= 1;
        }
        let last = if self.punct(j) == Some(',') {
            // `, in particular,`: up to four words between two commas
            let open = (j.saturating_sub(5).max(sa)..j)
                .rev()
                .find(|&k| self.punct(k) == Some(','))?;
            let plain =
                (open + 1..j).all(|k| self.is_word(k) && !super::cues::BE.contains(&self.low(k)));
            if open + 1 == j || !plain {
                return None;
            }
            open.checked_sub(1)?
        } else if j > sa + 1
            && lexicon::is_calendar(self.low(j))
            && matches!(self.low(j - 1), "on" | "last" | "this" | "late" | "early")
        {
            j - 2
        } else {
            return None;
        };
        if last < sa {
            return None;
        }
        let (a, b) = self.name_ending_at(last)?;
        (a >= sa && b == last && !self.is_common_word(a, b) && !self.is_place_modifier(a))
            .then_some(Subj::Name(a, b))
    }

    /// The name a relative `who` before the cue at `v` refers to (`Donald J.
    /// Trump, who suggested ...`, `Marc Andreessen, who backed ...`).
    fn relative_antecedent(&self, v: usize, sa: usize) -> Option<Subj> {
        let mut j = v.checked_sub(1)?;
        while j > sa && self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(self.low(j)) {
            j -= 1;
        }
        if j <= sa || self.low(j) != "who" {
            return None;
        }
        let last = if self.punct(j - 1) == Some(',') {
            j.checked_sub(2)?
        } else {
            j - 1
        };
        (last.saturating_sub(5).max(sa)..=last).find_map(|a| {
            let (x, y) = self.name_starting_at(a)?;
            (x == a && y == last && !self.is_common_word(x, y) && !self.is_place_modifier(x))
                .then_some(Subj::Name(x, y))
        })
    }

    /// The token after a dateline opening the sentence at `sa` (`WASHINGTON
    /// (AP) —`, `MYRTLE BEACH, S.C. -`), or `sa`.
    fn after_dateline(&self, sa: usize, limit: usize) -> usize {
        let mut depth = 0usize;
        for i in sa..(sa + 10).min(limit) {
            match self.punct(i) {
                Some('(') => depth += 1,
                Some(')') => depth = depth.saturating_sub(1),
                Some('-' | '—' | '–') if depth == 0 && i > sa => return i + 1,
                Some(',' | '.') => {}
                Some(_) => return sa,
                None if depth > 0 => {}
                None if self.tok_text(i).chars().any(char::is_lowercase) => return sa,
                None => {}
            }
        }
        sa
    }

    /// A name set off by commas right before the cue at `v` (`The state's
    /// campaign chairman, Phil Lovas, said`).
    fn appositive_name(&self, v: usize, sa: usize) -> Option<Subj> {
        let close = v.checked_sub(1).filter(|&c| self.punct(c) == Some(','))?;
        let open = (close.saturating_sub(8).max(sa)..close)
            .rev()
            .find(|&c| self.punct(c) == Some(','))?;
        let (a, b) = self.name_starting_at(open + 1)?;
        (b + 1 == close && !self.is_common_word(a, b)).then_some(Subj::Name(a, b))
    }

    /// A comma, or a closing quotation mark, at token `i`.
    fn is_comma_like(&self, i: usize) -> bool {
        match self.punct(i) {
            Some(',') => true,
            Some('"' | '”' | '’' | '\'' | '»') => self.in_quote(i),
            _ => false,
        }
    }

    /// Whether `that` or a claim verb introduces a clause in `a..b`.
    fn has_that(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.low(i) == "that" || (i > a && self.is_claim_cue(i)))
    }

    /// Whether a quotation opens at `i` after a colon or a comma (`said: "`).
    fn opens_content(&self, i: usize) -> bool {
        matches!(self.punct(i), Some(':')) && self.in_quote(i + 1)
    }

    /// Where the content of the cue at `v` starts: after the listener of a
    /// tell verb, a particle, and `that` (with a time or place phrase before it).
    fn content_start(&self, v: usize, end: usize) -> (usize, bool) {
        let mut c = v + 1;
        let w = self.low(v);
        // `pointed out that`, `pointed to`, `called for`, `called on`
        let particle = match w {
            "pointed" | "points" | "pointing" => matches!(self.low(c), "out" | "to"),
            "called" | "calls" | "calling" | "call" => matches!(self.low(c), "for" | "on"),
            _ => false,
        };
        if particle {
            c += 1;
        }
        // `said on Thursday that`, `told reporters in Moscow that`
        let tell = lexicon::is_tell_verb(w);
        let limit = (c + 12).min(end);
        if let Some(t) = (c..limit).find(|&i| self.low(i) == "that") {
            // `says at a campaign stop in Toledo, Ohio, that`, not
            // `announced a ceasefire after a meeting that lasted`
            let opens = tell || TAIL_STARTS.contains(&self.low(c)) || t == c;
            let plain = opens
                && (c..t).all(|i| {
                    (self.is_word(i)
                        && !self.is_claim_cue(i)
                        && !lexicon::is_claim_noun(self.low(i)))
                        || matches!(self.punct(i), Some(',' | '.'))
                });
            if plain {
                return (t + 1, true);
            }
        }
        if tell {
            // the listener: a name, a pronoun or a short noun phrase
            if let Some((_, b)) = self.name_starting_at(c)
                && b < end
            {
                c = b + 1;
            } else if matches!(
                self.low(c),
                "him" | "her" | "them" | "us" | "me" | "reporters" | "journalists" | "lawmakers"
            ) {
                c += 1;
            } else if matches!(self.low(c), "the" | "a" | "an" | "his" | "her" | "their") {
                let stop =
                    (c + 1..(c + 5).min(end)).find(|&i| !self.is_word(i) || self.low(i) == "that");
                if let Some(s) = stop {
                    c = s;
                }
            }
            if self.low(c) == "that" {
                return (c + 1, true);
            }
        }
        c = self.skip_time(c, end);
        let that = self.low(c.wrapping_sub(1)) == "that";
        while c < end && matches!(self.punct(c), Some(',' | ':' | '-' | '—' | '–')) {
            c += 1;
        }
        (c, that)
    }

    /// The token after a time phrase at `c` (`on Thursday`, `late on
    /// Friday`, `Monday`), or `c`.
    fn skip_time(&self, c: usize, end: usize) -> usize {
        let mut k = c;
        while k < end
            && matches!(
                self.low(k),
                "on" | "late" | "early" | "last" | "this" | "earlier"
            )
        {
            k += 1;
        }
        if k < end && lexicon::is_calendar(self.low(k)) {
            let mut e = k + 1;
            // `on March 15`
            while e < end && self.tok_text(e).chars().all(|ch| ch.is_ascii_digit()) {
                e += 1;
            }
            if self.low(e) == "that" {
                e += 1;
            }
            return e;
        }
        c
    }

    /// `according to X, ...`, `..., according to X.` and `..., according to X, ...`.
    fn according_claim(&self, i: usize, sa: usize, end: usize) -> Option<Found> {
        let cue = "according to".to_string();
        // the source runs to the next comma (or the sentence end)
        let comma = (i + 2..end.min(i + 20)).find(|&k| self.punct(k) == Some(','));
        let src_end = comma.unwrap_or(end);
        let subj = self.source_after(i + 2, src_end).unwrap_or(Subj::Other);
        let mut parts = Vec::new();
        let mut a = i;
        while a > sa && matches!(self.punct(a - 1), Some(',' | '-' | '—' | '–' | '(')) {
            a -= 1;
        }
        if a > sa {
            parts.push((sa, a));
        }
        if let Some(c) = comma
            && c + 1 < end
        {
            parts.push((c + 1, end));
        }
        // `But according to X, ...`: a lone conjunction is no content
        if parts.len() == 2 && parts.first().is_some_and(|&(x, y)| y - x <= 1) {
            parts.remove(0);
        }
        self.found(cue, i, subj, parts)
    }

    /// `Lynch: No outside influence on FBI probe`, `Clinton camp: Trump's
    /// rhetoric threatens security`: a headline (or a line) that opens with a
    /// short capitalised source and a colon; the content runs from the colon
    /// to the sentence end.
    fn colon_claim(&self, sa: usize, end: usize) -> Option<Found> {
        let k = (sa + 1..(sa + 1 + COLON_SOURCE).min(end)).find(|&k| !self.is_word(k))?;
        if self.punct(k) != Some(':') || self.in_quote(k) || k + 1 >= end {
            return None;
        }
        // the colon follows its source directly (not `8:40`, not `Q:`)
        let tight = self
            .toks
            .get(k - 1)
            .zip(self.toks.get(k + 1))
            .is_some_and(|(a, b)| self.toks.get(k).is_some_and(|c| a.e == c.s && c.e < b.s));
        let source_words = (sa..k).all(|i| {
            let w = self.low(i);
            !lexicon::is_claim_verb(w)
                && !NOT_COLON_SOURCE.contains(&w)
                && !self.tok_text(i).starts_with(|c: char| c.is_ascii_digit())
        });
        let capitalised = self.tok_text(sa).starts_with(char::is_uppercase) && k - sa >= 1;
        let short_label = k == sa + 1 && self.tok_text(sa).chars().count() <= 1;
        if !(tight && source_words && capitalised) || short_label {
            return None;
        }
        let subj = match self.name_starting_at(sa) {
            Some((a, b)) if b + 1 == k && !self.is_common_word(a, b) => Subj::Name(a, b),
            _ => Subj::Other,
        };
        let c = k + 1;
        // `Poll: ...` content needs a clause: at least three words
        let words = (c..end).filter(|&i| self.is_word(i)).count();
        if words < 3 {
            return None;
        }
        self.found(":".to_string(), k, subj, vec![(c, end)])
    }

    /// `Trump is expected to deliver a victory speech`: an expectation with
    /// no named holder; the content is its subject and the infinitive, the
    /// subject running back to the clause start (a comma or the sentence start).
    fn expected_claim(&self, i: usize, sa: usize, end: usize) -> Option<Found> {
        let be = i.checked_sub(1).filter(|&b| b > sa)?;
        let passive = self.low(i) == "expected"
            && super::cues::BE.contains(&self.low(be))
            && self.low(i + 1) == "to"
            && !self.in_quote(i);
        if !passive || i + 2 >= end {
            return None;
        }
        let floor = be.saturating_sub(12).max(sa);
        let subj_start = (floor..be)
            .rev()
            .find(|&k| matches!(self.punct(k), Some(',' | ';' | ':' | '—' | '–')))
            .map_or(
                if floor == sa {
                    sa
                } else {
                    be.saturating_sub(4).max(sa)
                },
                |k| k + 1,
            );
        if subj_start >= be {
            return None;
        }
        self.found(
            format!("{} {}", self.low(be), self.low(i)),
            i,
            Subj::Other,
            vec![(subj_start, be), (i + 1, end)],
        )
        .map(|f| Found {
            sourced: false,
            ..f
        })
    }

    /// `X's statement that ...`: the content after `that`.
    fn noun_claim(&self, n: usize, end: usize) -> Option<Found> {
        let owner = n - 1;
        let subj = if matches!(self.low(owner), "his" | "her") {
            Subj::Pronoun(owner)
        } else if self.tok_text(owner).starts_with(char::is_uppercase) {
            Subj::Name(owner, owner)
        } else {
            Subj::Other
        };
        self.found(self.low(n).to_string(), n, subj, vec![(n + 2, end)])
    }
}

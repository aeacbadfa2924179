//! Cue verbs and the speaker phrase before or after a cue.

use super::doc::{is_possessive, lower, strip_possessive};
use super::words::{
    CUES_SET, DEMONYMS_SET, ORG_SPEECH_HEADS, OTHER_PRONOUNS, PRONOUNS, ROLE_HEADS_SET,
    SKIP_BEFORE_VERB_SET, STOP_CAPS_SET, TITLES_SET,
};
use super::{Doc, Subj};

pub(super) const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "states",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "insisted",
    "insists",
    "argued",
    "argues",
    "declared",
    "declares",
    "announced",
    "announces",
    "wrote",
    "writes",
    "replied",
    "replies",
    "responded",
    "responds",
    "claimed",
    "claims",
    "continued",
    "continues",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "urged",
    "urges",
    "acknowledged",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "predicted",
    "suggested",
    "suggests",
    "countered",
    "tweeted",
    "posted",
    "quipped",
    "joked",
    "remarked",
    "observed",
    "cautioned",
    "concluded",
    "indicated",
    "accused",
    "accuses",
    "described",
    "describes",
    "called",
    "calls",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "promises",
    "complained",
    "complains",
    "conceded",
    "boasted",
    "lamented",
    "shouted",
    "yelled",
    "mused",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "threatened",
    "hoped",
    "believes",
    "believed",
    "thinks",
    "thought",
    "charged",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "pointed",
    "agreed",
    "testified",
    "wondered",
    "estimated",
    "announced",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "saying",
    "adding",
    "telling",
    "insisting",
    "noting",
    "arguing",
    "warning",
    "stressing",
    "explaining",
    "claiming",
    "asking",
    "writing",
    "calling",
    "describing",
    "accusing",
    "urging",
    "declaring",
    "vowing",
    "promising",
    "acknowledging",
    "emphasizing",
    "emphasising",
    "suggesting",
    "demanded",
    "demands",
    "asserted",
    "asserts",
    "asserting",
    "tweeting",
    "chanted",
    "chanting",
    "sang",
    "sings",
    "recounted",
    "reiterated",
    "reiterates",
    "retorted",
    "exclaimed",
    "pleaded",
    "scoffed",
    "snapped",
    "questioned",
    "wrote",
    "writing",
    "added",
    "announcing",
    "acknowledges",
    "likened",
    "attacked",
    "hailed",
    "blasted",
    "slammed",
    "praised",
    "criticized",
    "criticised",
    "condemned",
    "mocked",
    "derided",
    "dismissed",
    "citing",
    "quoting",
    "stating",
    "barked",
    "interjected",
    "interjecting",
    "repeated",
    "agrees",
];

pub(super) const PARTICIPLE_SUFFIX: &str = "ing";

impl<'a> Doc<'a> {
    // ----- cues and subjects -------------------------------------------

    pub(crate) fn is_cue(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.in_quote(i)
            && (CUES_SET.contains(&self.low(i))
                // `as X put it, "..."`
                || (matches!(self.low(i), "put" | "puts") && self.low(i + 1) == "it"))
    }

    /// `according to` starting at `i`.
    pub(crate) fn is_according(&self, i: usize) -> bool {
        self.low(i) == "according" && self.low(i + 1) == "to" && !self.in_quote(i)
    }

    /// The subject of the cue verb at `v`, looking left.
    pub(crate) fn subject_before(&self, v: usize, floor: usize) -> Option<Subj> {
        // `Nefzi said, adding, "..."`: a participle shares the subject of the
        // speech verb before it in the sentence
        if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX) && v > 0 && self.punct(v - 1) == Some(',')
        {
            let (sa, _) = self.sentence_range(v);
            let lo = sa.max(floor);
            if let Some(u) = (lo..v.saturating_sub(1))
                .rev()
                .find(|&u| self.is_cue(u) && !self.tok_text(u).ends_with(PARTICIPLE_SUFFIX))
                && let Some(subj) = self
                    .subject_before(u, lo)
                    .filter(|s| !matches!(s, Subj::Other))
            {
                return Some(subj);
            }
        }
        let mut j = v.checked_sub(1)?;
        // skip adverbs and auxiliaries, and `on Thursday`
        loop {
            if j < floor {
                return None;
            }
            let w = self.low(j);
            if self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(&w) {
                j = j.checked_sub(1)?;
                continue;
            }
            if j > floor
                && self.low(j - 1) == "on"
                && STOP_CAPS_SET.contains(&w)
                && self.tok_text(j).starts_with(char::is_uppercase)
            {
                j = j.checked_sub(2)?;
                continue;
            }
            break;
        }
        if j < floor || self.in_quote(j) {
            return None;
        }
        let w = self.low(j);
        if PRONOUNS.contains(&w) {
            return Some(Subj::Pronoun(j));
        }
        if OTHER_PRONOUNS.contains(&w) || matches!(w, "who" | "which" | "that") {
            return Some(Subj::Other);
        }
        if let Some((a, b)) = self.name_ending_at(j)
            && a >= floor
        {
            return Some(Subj::Name(a, b));
        }
        if matches!(self.punct(j), Some(',' | ')')) {
            // appositive(s): `X, a ..., said`; walk back over comma-delimited segments
            let mut k = j;
            for _ in 0..4 {
                let mut c = k.checked_sub(1)?;
                let mut steps = 0;
                while c > floor
                    && !matches!(self.punct(c), Some(',' | '('))
                    && !self.in_quote(c)
                    && steps < 30
                {
                    c -= 1;
                    steps += 1;
                }
                if c <= floor || self.in_quote(c) || !matches!(self.punct(c), Some(',' | '(')) {
                    break;
                }
                let before = c.checked_sub(1)?;
                if PRONOUNS.contains(&self.low(before)) {
                    return Some(Subj::Pronoun(before));
                }
                if let Some((a, b)) = self.name_ending_at(before)
                    && a >= floor
                    && self.opens_segment(a, floor)
                {
                    return Some(Subj::Name(a, b));
                }
                k = c;
            }
            let (sa, sb) = self.sentence_range(v);
            return self
                .clause_subject(sa.max(floor), sb)
                .map(|(a, b)| Subj::Name(a, b))
                .or(Some(Subj::Other));
        }
        // a noun phrase: `the Turkish president`, `a source`
        if self.is_word(j) {
            let mut words = Vec::new();
            let mut k = j;
            loop {
                if k < floor || !self.is_word(k) || self.in_quote(k) {
                    break;
                }
                let w = self.low(k);
                words.insert(0, strip_possessive(w).to_string());
                if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their")
                    || is_possessive(w)
                    || words.len() >= 6
                {
                    break;
                }
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX) {
                let (sa, sb) = self.sentence_range(v);
                if let Some((a, b)) = self.clause_subject(sa.max(floor), sb) {
                    return Some(Subj::Name(a, b));
                }
            }
            if let Some(org) = self.speaking_org(k, j + 1) {
                return Some(org);
            }
            let head = lower(strip_possessive(self.tok_text(j)));
            if ROLE_HEADS_SET.contains(&head.as_str()) {
                return Some(Subj::Role(words, j));
            }
            return Some(Subj::Other);
        }
        None
    }

    /// Whether the name starting at `a` begins its clause: sentence start, after
    /// a comma, a conjunction, a possessive owner or a title.
    fn opens_segment(&self, a: usize, floor: usize) -> bool {
        if a <= floor {
            return true;
        }
        let p = a - 1;
        let (sa, _) = self.sentence_range(a);
        a == sa
            || matches!(self.punct(p), Some(',' | '(' | ':' | '.'))
            || matches!(self.low(p), "and" | "but" | "while" | "as")
            || is_possessive(self.tok_text(p))
            || TITLES_SET.contains(&self.low(p))
            || DEMONYMS_SET.contains(&self.low(p))
            || self.clause_subject(sa, a + 1).is_some_and(|(x, _)| x == a)
    }

    /// The organisation named inside the noun phrase `k..end` whose head
    /// speaks for it (`a Kremlin spokesman`, `the IMF report`).
    pub(crate) fn speaking_org(&self, k: usize, end: usize) -> Option<Subj> {
        let head = lower(strip_possessive(self.tok_text(end.checked_sub(1)?)));
        if !ORG_SPEECH_HEADS.contains(&head.as_str()) {
            return None;
        }
        (k + 1..end.saturating_sub(1)).find_map(|i| {
            let (a, b) = self.name_starting_at(i)?;
            (b < end.saturating_sub(1) && a >= i).then_some(Subj::Name(a, b))
        })
    }

    /// The subject after an inverted cue (`said X`) starting at token `k`.
    pub(crate) fn subject_after(&self, k: usize) -> Option<Subj> {
        let w = self.low(k);
        if PRONOUNS.contains(&w) {
            return Some(Subj::Pronoun(k));
        }
        // `said the Rev. Peter Wherry`, `said 9/11 widow Terry Strada`: a few
        // lower-case words, then a name that ends the clause
        let lead = if matches!(w, "the" | "a" | "an") {
            1
        } else {
            0
        };
        if lead == 1
            || self
                .tok_text(k)
                .starts_with(|c: char| c.is_lowercase() || c.is_numeric())
        {
            // `said the White House`: a determiner and a whole name
            if lead == 1
                && let Some((a, b)) = self.name_starting_at(k + 1)
                && a == k + 1
                && self.name_ends_clause(b)
            {
                return Some(Subj::Name(a, b));
            }
            // `said another Twitter user, Johanna Bayer`
            let mut commas = 0;
            for j in k + lead..k + 14 {
                if matches!(self.punct(j), Some('/' | '-'))
                    || (self.punct(j) == Some('.') && !self.is_sentence_end(j))
                {
                    continue;
                }
                if self.punct(j) == Some(',') && commas == 0 {
                    commas += 1;
                    continue;
                }
                if self.in_quote(j)
                    || self.is_sentence_end(j)
                    || self.punct(j).is_some()
                    || self.is_cue(j)
                {
                    break;
                }
                if let Some((a, b)) = self.name_starting_at(j)
                    && a >= j
                    && self.name_ends_clause(b)
                    && self.is_person(a, b)
                {
                    return Some(Subj::Name(a, b));
                }
            }
        }
        let lower_det = self.tok_text(k).starts_with(char::is_lowercase);
        if !lower_det
            && let Some((a, b)) = self.name_starting_at(k)
            && self.toks.get(a).is_some_and(|t| t.quote.is_none())
        {
            return Some(Subj::Name(a, b));
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            let mut words = Vec::new();
            let mut j = k;
            while self.is_word(j) && words.len() < 6 {
                let t = self.low(j);
                if words.len() > 1
                    && (matches!(t, "of" | "in" | "at" | "for" | "who" | "on" | "to"))
                {
                    break;
                }
                words.push(t.to_string());
                j += 1;
            }
            let head = words.last().cloned().unwrap_or_default();
            if let Some(org) = self.speaking_org(k, j) {
                return Some(org);
            }
            if ROLE_HEADS_SET.contains(head.as_str()) {
                return Some(Subj::Role(words, j.saturating_sub(1)));
            }
            return Some(Subj::Other);
        }
        Some(Subj::Other)
    }
}

//! The document the attribution passes read: tokens, paragraphs, sentences.

use super::marks::{Span, is_open_like, paragraphs};
use super::{Doc, Kind, Tok};
use newsdesk_model::Entity;

pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

pub(crate) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s)
}

pub(crate) fn is_possessive(s: &str) -> bool {
    s.ends_with("'s") || s.ends_with("’s")
}

fn tokenize(text: &str, spans: &[Span], paras: &[(usize, usize)]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '-' | '.' | '\'' | '’' | '&') {
                    let after = text.get(j + d.len_utf8()..).and_then(|t| t.chars().next());
                    if after.is_some_and(char::is_alphanumeric) {
                        e = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok {
                s: i,
                e,
                kind: Kind::Word,
                quote: None,
                para: 0,
            });
        } else {
            toks.push(Tok {
                s: i,
                e: i + c.len_utf8(),
                kind: Kind::Punct(c),
                quote: None,
                para: 0,
            });
        }
    }
    let mut qi = 0;
    let mut pi = 0;
    for t in &mut toks {
        while let Some(sp) = spans.get(qi) {
            if sp.close_end <= t.s {
                qi += 1;
            } else {
                break;
            }
        }
        if let Some(sp) = spans.get(qi)
            && sp.open <= t.s
            && t.s < sp.close_end
        {
            t.quote = Some(qi);
        }
        while let Some(&(_, pe)) = paras.get(pi) {
            if pe <= t.s && pi + 1 < paras.len() {
                pi += 1;
            } else {
                break;
            }
        }
        t.para = pi;
    }
    toks
}

pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "mt", "ft", "u.s", "u.n", "u.k", "e.g", "i.e", "rev", "sec", "gov",
];

impl<'a> Doc<'a> {
    pub(super) fn new(text: &'a str, spans: Vec<Span>, entities: &'a [Entity]) -> Doc<'a> {
        let paras = paragraphs(text);
        let toks = tokenize(text, &spans, &paras);
        let lows = toks
            .iter()
            .map(|t| crate::tokens::lowercase(text.get(t.s..t.e).unwrap_or("")))
            .collect();
        let mut mention_index: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(ei, en)| en.mentions.iter().map(move |m| (m.start, m.end, ei)))
            .collect();
        mention_index.sort_unstable();
        let mut doc = Doc {
            text,
            spans,
            entities,
            toks,
            sent: Vec::new(),
            sent_start: Vec::new(),
            names: Vec::new(),
            salience: Vec::new(),
            lows,
            paras,
            mention_index,
        };
        doc.split_sentences();
        doc.collect_names();
        doc.collect_subjects();
        doc
    }

    pub(crate) fn tok_text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            Kind::Word => None,
        }
    }

    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.quote.is_some())
    }

    /// The lower-case form of token `i` (computed once per document).
    pub(crate) fn low(&self, i: usize) -> &str {
        self.lows.get(i).map_or("", |l| l.as_ref())
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut sent = vec![0; n];
        let mut starts = vec![0];
        let mut cur = 0;
        for i in 0..n {
            if i > 0 {
                let new_para =
                    self.toks.get(i).map(|t| t.para) != self.toks.get(i - 1).map(|t| t.para);
                if new_para || self.boundary_before(i) {
                    cur += 1;
                    starts.push(i);
                }
            }
            if let Some(s) = sent.get_mut(i) {
                *s = cur;
            }
        }
        self.sent = sent;
        self.sent_start = starts;
    }

    /// Whether a sentence starts at token `i` (within a paragraph).
    fn boundary_before(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let prev_i = i - 1;
        let starts_upper = self
            .tok_text(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_open_like(c) || c == '“');
        if !starts_upper {
            return false;
        }
        let pq = self.toks.get(prev_i).and_then(|p| p.quote);
        match (pq, t.quote) {
            // inside one quote: no boundary
            (Some(a), Some(b)) if a == b => false,
            // a closing mark, then text: a boundary when the quote ended a sentence
            // and what follows is not its attribution
            (Some(q), _) => {
                let ends_sentence = self
                    .spans
                    .get(q)
                    .and_then(|sp| sp.parts.last())
                    .and_then(|&(_, e)| self.text.get(..e))
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(|c| matches!(c, '.' | '?' | '!'));
                ends_sentence && t.quote.is_none() && self.after_attribution_at(i).is_none()
                    || t.quote.is_some() && ends_sentence
            }
            (None, _) => {
                if self.punct(prev_i) == Some(']') {
                    // `... Latakia. [84] The`: a citation mark after a sentence end
                    let open = (prev_i.saturating_sub(6)..prev_i)
                        .rev()
                        .find(|&j| self.punct(j) == Some('['));
                    return open.is_some_and(|o| {
                        o > 0 && matches!(self.punct(o - 1), Some('.' | '?' | '!'))
                    });
                }
                if !matches!(self.punct(prev_i), Some('.' | '?' | '!')) {
                    return false;
                }
                let w = self.low(prev_i.wrapping_sub(1));
                let abbrev = self.is_word(prev_i.wrapping_sub(1))
                    && (ABBREVIATIONS.contains(&w)
                        || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                        || w.contains('.'));
                !(abbrev && self.punct(prev_i) == Some('.'))
            }
        }
    }

    pub(crate) fn sentence_range(&self, i: usize) -> (usize, usize) {
        let s = self.sent.get(i).copied().unwrap_or(0);
        let a = self.sent_start.get(s).copied().unwrap_or(0);
        let b = self
            .sent_start
            .get(s + 1)
            .copied()
            .unwrap_or(self.toks.len());
        (a, b)
    }
}

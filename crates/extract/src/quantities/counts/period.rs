//! The period a cumulative count covers: `since the beginning of February`, `this year`, `in July`.
use super::super::words::{PERIOD_NOUNS, state_word};
use super::{Cx, Np, is_number_word};
use crate::sentences::Sentence;
use crate::tokens::TokenKind;

impl Cx<'_> {
    /// The period a cumulative count covers, said in its clause: `since the
    /// beginning of February`, `this year`, `so far`.
    pub(super) fn period(&self, np: &Np, trigger: usize, s: &Sentence) -> Option<String> {
        let lo = np.a.min(trigger).saturating_sub(2).max(s.tokens.start);
        let hi = np.b.max(trigger + 1);
        // between the number and its verb, then a few tokens after (to the end
        // of the clause), then a sentence-initial `Since last December,`
        let after_end = (hi + 9).min(s.tokens.end);
        let mut spots: Vec<usize> = Vec::new();
        for i in lo..after_end {
            if i >= hi && matches!(self.low(i), "," | ";" | "but" | "while" | "which" | "who") {
                break;
            }
            spots.push(i);
        }
        // `Since last December, ...`, `However, in 2010, ...`
        spots.extend(s.tokens.start..(s.tokens.start + 3).min(lo));
        for i in spots {
            if let Some(e) = self.period_at(i, s) {
                let start = self.toks.get(i)?.start;
                let end = self.toks.get(e)?.end;
                return self.text.get(start..end).map(str::to_string);
            }
        }
        None
    }

    /// A period phrase starting at token `i`: its last token.
    pub(super) fn period_at(&self, i: usize, s: &Sentence) -> Option<usize> {
        let end = s.tokens.end;
        let w = self.low(i);
        match w {
            "since" => {
                // since + up to six tokens, to a comma or the end of the clause:
                // `since the beginning of February`, `since 2011`, `since the vote`
                let mut last = None;
                let mut j = i + 1;
                while j < end && j <= i + 6 {
                    let x = self.low(j);
                    if matches!(x, "," | "." | ";" | ":" | "and" | "to" | "in" | "when")
                        || state_word(x).is_some()
                        || self.kind(j) == Some(TokenKind::Quote)
                    {
                        break;
                    }
                    last = Some(j);
                    j += 1;
                }
                last
            }
            "in" | "over" | "during" | "within"
                if matches!(self.low(i + 1), "the")
                    && matches!(self.low(i + 2), "past" | "last") =>
            {
                let mut j = i + 3;
                if self.kind(j) == Some(TokenKind::Number)
                    || is_number_word(self.low(j))
                    || self.low(j) == "few"
                {
                    j += 1;
                }
                let x = self.low(j).trim_end_matches('s');
                matches!(x, "day" | "week" | "month" | "year" | "decade").then_some(j)
            }
            // `in July`, `in 2015`, `during March 2019`: a whole month or year,
            // not a day
            "in" | "during" | "for" | "throughout" => {
                let j = i + 1;
                let month = crate::lexicon::is_calendar(self.low(j))
                    && super::super::words::MONTHS.contains(&self.low(j).trim_end_matches('.'));
                let year = |k: usize| {
                    let t = self.low(k);
                    self.kind(k) == Some(TokenKind::Number)
                        && t.len() == 4
                        && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
                };
                if month && self.kind(j + 1) != Some(TokenKind::Number) {
                    Some(j)
                } else if month && year(j + 1) {
                    Some(j + 1)
                } else if year(j) {
                    Some(j)
                } else {
                    None
                }
            }
            "so" if self.low(i + 1) == "far" => {
                if self.low(i + 2) == "this" && PERIOD_NOUNS.contains(&self.low(i + 3)) {
                    Some(i + 3)
                } else {
                    Some(i + 1)
                }
            }
            "to" if self.low(i + 1) == "date" => Some(i + 1),
            "this" | "last" | "past"
                if matches!(self.low(i + 1), "year" | "month" | "season" | "weekend") =>
            {
                Some(i + 1)
            }
            _ => None,
        }
    }
}

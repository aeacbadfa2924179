//! Claims: reported (indirect) speech with its source.
//!
//! Reads the document the quote passes read ([`crate::quotes::read`]: tokens,
//! quote marks, sentences, names, sentence subjects) and looks, sentence by
//! sentence, for an attribution cue outside quotation marks:
//!
//! - a claim verb (`said`, `told reporters`, `warned`, `insisted`, `denied`,
//!   `believes`, `shows`, ...; [`crate::lexicon::is_claim_verb`]) with its
//!   content after it (`X said (that) ...`, `X told Al Jazeera (on Thursday)
//!   that ...`, running to the end of the sentence), before it (`..., X
//!   said.`, `..., said X.`) or around it (`Turkey, he said, would ...`);
//! - `according to X, ...` and `..., according to X.`;
//! - a statement noun owned by its source (`X's statement that ...`).
//!
//! Content wholly inside quotation marks is a direct quote, left to the
//! quotes; a partial quote inside reported speech stays in the claim's
//! content. Speakers resolve like quote speakers (names to entities,
//! pronouns to the person in focus, roles such as `the Turkish president` to
//! the person introduced with those words); an institution speaks through
//! its head noun (`the ministry` -> the ministry entity named before). A
//! source that names nobody (`analysts fear`, `sources said`) gives
//! `speaker: None`.

mod cues;
mod layouts;
mod speakers;

use crate::quotes::Doc;
use newsdesk_model::{Claim, Quote};

/// Finds the claims of the document `doc`; `quotes` (its direct quotes) add
/// their speakers to the persons pronouns can refer to.
pub(crate) fn find(doc: &Doc<'_>, quotes: &[Quote]) -> Vec<Claim> {
    let mut sal = doc.salience.clone();
    sal.extend(quotes.iter().filter_map(|q| {
        q.speaker
            .as_ref()
            .map(|s| (doc.token_at_or_after(q.start), s.clone()))
    }));
    let mut out: Vec<Claim> = Vec::new();
    let n = doc.sent_start.len();
    for si in 0..n {
        let a = doc.sent_start.get(si).copied().unwrap_or(0);
        let b = doc
            .sent_start
            .get(si + 1)
            .copied()
            .unwrap_or(doc.toks.len());
        for found in doc.claims_in(a, b) {
            let speaker = doc.claim_speaker(&found, &sal);
            if let Some(s) = &speaker
                && found.person
            {
                sal.push((found.cue_tok, s.clone()));
            }
            let Some(claim) = doc.claim_of(&found, speaker) else {
                continue;
            };
            if out
                .iter()
                .any(|c| c.start == claim.start && c.end == claim.end)
            {
                continue;
            }
            out.push(claim);
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

impl Doc<'_> {
    /// The claim of `found`: its content parts joined with a space, without
    /// quotation marks (the contract's `text`); offsets span all parts.
    fn claim_of(&self, found: &layouts::Found, speaker: Option<String>) -> Option<Claim> {
        let mut text = String::new();
        let mut start = None;
        let mut end = 0;
        for &(a, b) in &found.parts {
            let mut space = !text.is_empty();
            let mut prev_end: Option<usize> = None;
            for i in a..b {
                let t = self.toks.get(i)?;
                if let Some(p) = prev_end
                    && self.text.get(p..t.s).is_some_and(|g| !g.is_empty())
                {
                    space = true;
                }
                prev_end = Some(t.e);
                if self.is_mark(i) {
                    continue;
                }
                if space && !text.is_empty() {
                    text.push(' ');
                }
                space = false;
                text.push_str(self.text.get(t.s..t.e)?);
                start.get_or_insert(t.s);
                end = t.e;
            }
        }
        let start = start?;
        Some(Claim {
            text,
            speaker,
            cue: Some(found.cue.clone()),
            start,
            end,
        })
    }

    /// Whether token `i` is a quotation mark (of a paired quote).
    fn is_mark(&self, i: usize) -> bool {
        self.in_quote(i)
            && matches!(
                self.punct(i),
                Some('"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '`')
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;

    /// Expected claim: (its text, speaker, cue).
    type Want<'a> = (&'a str, Option<&'a str>, &'a str);

    fn check(input: &str, expected: &[Want<'_>]) {
        let doc = quotes::read(input, &[]);
        let qs = doc.attribute();
        let got = find(&doc, &qs);
        let show = || format!("{got:#?}");
        assert_eq!(got.len(), expected.len(), "input: {input}\ngot: {}", show());
        for (c, (text, speaker, cue)) in got.iter().zip(expected) {
            assert_eq!(c.text, *text, "{}", show());
            assert_eq!(c.speaker.as_deref(), *speaker, "{}", show());
            assert_eq!(c.cue.as_deref(), Some(*cue), "{}", show());
            assert!(input.is_char_boundary(c.start) && input.is_char_boundary(c.end));
            assert!(c.start < c.end && c.end <= input.len());
        }
    }

    #[test]
    fn basic_layouts() {
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "Erdogan said the talks went well.",
                &[("the talks went well", Some("Erdogan"), "said")],
            ),
            (
                "The talks went well, Erdogan said.",
                &[("The talks went well", Some("Erdogan"), "said")],
            ),
            (
                "According to the United Nations, nearly one million people have been displaced.",
                &[(
                    "nearly one million people have been displaced",
                    Some("United Nations"),
                    "according to",
                )],
            ),
            ("\"We will win,\" Erdogan said.", &[]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }
}

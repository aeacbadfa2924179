//! Direct quotes and their speakers.
//!
//! Works in three passes over the text:
//!
//! 1. **Marks.** Quotation marks (`“ ” " ‘ ’ ' « » „` and TeX-style ` `` '' `) are
//!    paired inside each paragraph. Apostrophes (`it's`, `Turks'`) are told apart
//!    from single quotes by their neighbours; a straight `"` may be closed by a
//!    curly `”`. A paragraph that ends inside an open quote continues into the
//!    next paragraph when that one opens with a mark (the news convention for a
//!    quote running over several paragraphs); the parts are joined with a space.
//!    A paragraph holding only a photo caption may sit between two parts.
//! 2. **Attribution.** For each quote, in this order: a cue right after it
//!    (`," X said`, `," said X`, `," X, a ..., said`, `," Rep. X (D-Wis.) said`,
//!    `," Mr. X of the Sierra Club said`, `," said 9/11 widow X`, `," the IMF
//!    report stated`, `," according to X`, `” ― X`), unless that cue opens the
//!    next quote; the cue closing the sentence of a partial quote (`''...'' of
//!    the plan, X said.`); a signature line under it (`- Bernie Sanders.`); a
//!    cue before it in the same sentence (`X said: "`, `Said X: "`, `X,
//!    a ..., said: "`, `according to X, "`, `as X put it, "`, partial quotes such
//!    as `X accused Y of "..."`, an unknown verb right before the mark: `X
//!    concludes: "`), a name and a colon (`pollster X: "`), a name and a dash
//!    (`X -- "`), a person subject and a colon (`X has a message: "`); a cue
//!    ending the previous paragraph with a colon; in the headline, the person
//!    entity it names; inside another quote, that quote's speaker; otherwise a
//!    quote that starts a sentence inherits the speaker of the quote just
//!    before it (same or previous paragraph). Anything else (scare quotes,
//!    titles) has no speaker.
//! 3. **Speakers.** The subject of the cue is a name, a pronoun or a role noun
//!    phrase. Pronouns go to the most recent person that was a sentence subject
//!    or a speaker; role phrases (`the Turkish president`) to the most recent
//!    person introduced with those words, else the person most in focus;
//!    organisations speak through their spokesmen, reports and statements
//!    (`a Kremlin spokesman` -> Kremlin); a participle (`, adding,`) shares the
//!    subject of the speech verb before it; names go to the entity whose
//!    mention ends the name run (`White House spokesman Josh Earnest`) or whose
//!    name ends with them, else to the fullest form of the name found in the
//!    text (`Erdogan` -> `Recep Tayyip Erdogan`).
mod cues;
mod doc;
mod layouts;
mod marks;
mod speakers;
mod words;

pub(crate) use doc::{is_possessive, strip_possessive};
use marks::{Span, is_open_like, pair_marks};
use newsdesk_model::{Entity, Quote};
pub(crate) use words::SKIP_BEFORE_VERB_SET;

/// Finds direct quotes in `text`; speakers are canonical names from `entities`.
#[cfg(test)]
pub(crate) fn find(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let spans = pair_marks(text);
    if spans.is_empty() {
        return Vec::new();
    }
    Doc::new(text, spans, entities).attribute()
}

/// Reads `text` once for the attribution passes: quote marks, tokens,
/// sentences, names and subjects; the claims finder reuses it.
pub(crate) fn read<'a>(text: &'a str, entities: &'a [Entity]) -> Doc<'a> {
    Doc::new(text, pair_marks(text), entities)
}

// ---------------------------------------------------------------------------
// Pass 2 and 3: attribution and speakers
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte offset of the start.
    pub(crate) s: usize,
    /// Byte offset one past the end.
    pub(crate) e: usize,
    kind: Kind,
    /// Index of the quote whose marks enclose this token.
    pub(crate) quote: Option<usize>,
    /// Paragraph index.
    pub(crate) para: usize,
}

/// A resolved speaker phrase.
#[derive(Debug, Clone)]
pub(crate) enum Subj {
    /// A name: token range (inclusive) with titles stripped.
    Name(usize, usize),
    /// `he`, `she`: resolved through salience.
    Pronoun(usize),
    /// A role noun phrase (`the Turkish president`): its lowercase words.
    Role(Vec<String>, usize),
    /// Some other source (`sources`, `the statement`).
    Other,
}

/// A multi-word name found anywhere in the text, with the title words before it.
#[derive(Debug, Clone)]
struct FullName {
    tokens: Vec<String>,
    prefix: Vec<String>,
    text: String,
    start: usize,
}

pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    spans: Vec<Span>,
    pub(crate) entities: &'a [Entity],
    pub(crate) toks: Vec<Tok>,
    /// Sentence index per token.
    sent: Vec<usize>,
    /// Token index where each sentence starts.
    pub(crate) sent_start: Vec<usize>,
    names: Vec<FullName>,
    /// (token index, canonical person name) for pronoun resolution.
    pub(crate) salience: Vec<(usize, String)>,
    /// Lower-case form of every token.
    lows: Vec<std::borrow::Cow<'a, str>>,
    /// Paragraph byte ranges.
    paras: Vec<(usize, usize)>,
    /// Entity mentions sorted by start: (start, end, entity index).
    mention_index: Vec<(usize, usize, usize)>,
}

impl<'a> Doc<'a> {
    pub(crate) fn token_at_or_after(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.s < byte)
    }

    pub(crate) fn attribute(&self) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        let mut sal = self.salience.clone();
        let mut prev: Option<(usize, usize, Option<String>, bool)> = None; // (last para, sentence, speaker, closed)
        let mut enclosing: Vec<(usize, usize, Option<String>)> = Vec::new(); // (open, close end, speaker)
        for (qi, sp) in self.spans.iter().enumerate() {
            let open_tok = self.token_at_or_after(sp.open);
            let close_tok = self.token_at_or_after(sp.close_end);
            let mut cue: Option<(usize, Subj)> = None;
            // 1. right after the quote
            let same_para = self
                .toks
                .get(close_tok)
                .is_some_and(|t| t.para == sp.last_para);
            if sp.closed && same_para {
                cue = self.after_attribution_at(close_tok);
                // `"Why now?" Mills then writes back, "You look cute."`: after a
                // finished sentence, a cue that opens the next quote is that
                // quote's, not this one's
                let finished = self
                    .text
                    .get(..sp.close_end)
                    .and_then(|t| {
                        t.trim_end_matches(|c: char| {
                            is_open_like(c) || matches!(c, '”' | '»' | '’')
                        })
                        .chars()
                        .next_back()
                    })
                    .is_some_and(|c| matches!(c, '.' | '?' | '!'));
                if finished
                    && let Some((v, _)) = &cue
                    && self.introduces_quote(*v, qi)
                {
                    cue = None;
                }
                let complete = self
                    .text
                    .get(..sp.close_end)
                    .and_then(|t| {
                        t.trim_end_matches(|c: char| {
                            is_open_like(c) || matches!(c, '”' | '»' | '’')
                        })
                        .chars()
                        .next_back()
                    })
                    .is_some_and(|c| matches!(c, ',' | '.' | '?' | '!'))
                    || self.punct(close_tok) == Some(',');
                if cue.is_none() && complete {
                    cue = self.after_attribution_scan(close_tok);
                }
                // `''I admire the mechanics'' of the plan, Mr. Holtz-Eakin said.`
                if cue.is_none() && !complete {
                    cue = self.sentence_final_attribution(close_tok);
                }
            }
            // `"...."\n\n- Bernie Sanders.`: a signature line under the quote
            if cue.is_none() && sp.closed && !same_para {
                cue = self.signature_line(close_tok, sp.last_para);
            }
            // 2. before it in the same sentence; also when the cue after it
            // names nobody (`," adding that ...`)
            match cue {
                None => cue = self.before_attribution(open_tok),
                Some((_, Subj::Other)) => {
                    if let Some(found) = self
                        .before_attribution(open_tok)
                        .filter(|(_, s)| !matches!(s, Subj::Other))
                    {
                        cue = Some(found);
                    }
                }
                Some(_) => {}
            }
            // 3. a previous paragraph ending with a colon
            if cue.is_none()
                && sp.first_para > 0
                && self
                    .toks
                    .get(open_tok.wrapping_sub(1))
                    .is_some_and(|t| t.para + 1 == sp.first_para)
                && self.punct(open_tok.wrapping_sub(1)) == Some(':')
            {
                cue = self.before_attribution(open_tok - 1);
            }
            let starts_sentence = self.opens_sentence(qi, open_tok);
            let words: usize = sp
                .parts
                .iter()
                .map(|&(s, e)| self.text.get(s..e).unwrap_or("").split_whitespace().count())
                .sum();
            let mut speaker: Option<String> = None;
            let mut cue_word: Option<String> = None;
            match cue {
                Some((v, subj)) => {
                    // a layout without a verb (`X: "..."`, `"..." ― X`) has no cue
                    cue_word = if self.is_according(v) {
                        Some("according to".to_string())
                    } else if self.is_word(v) {
                        Some(self.tok_text(v).to_string())
                    } else {
                        None
                    };
                    speaker = match &subj {
                        Subj::Name(a, b) => Some(self.canonical(*a, *b)),
                        Subj::Pronoun(p) => self.resolve_pronoun(*p, &sal),
                        // an unknown role (`the Republican nominee said`) is
                        // the person most recently in focus, like a pronoun
                        Subj::Role(ws, at) => self
                            .resolve_role(ws, *at)
                            .or_else(|| self.resolve_pronoun(*at, &sal)),
                        Subj::Other => None,
                    };
                    if let Subj::Name(a, b) = subj
                        && self.is_person(a, b)
                        && let Some(s) = &speaker
                    {
                        sal.push((a, s.clone()));
                    }
                }
                None if sp.first_para == 0 => {
                    // 4. a quote in the headline: the person the headline names
                    speaker = self.headline_person(open_tok);
                }
                None => {
                    // 5. a quote inside another one (`he read the question: "..."`)
                    //    is spoken by the speaker of the outer one
                    if let Some(outer) = enclosing
                        .iter()
                        .rev()
                        .find(|(o, c, _)| *o < sp.open && sp.close_end <= *c)
                    {
                        speaker = outer.2.clone();
                    }
                    // 6. a sentence-initial quote continues the previous speaker
                    if speaker.is_none()
                        && let Some((pp, _, ps, pclosed)) = &prev
                    {
                        let gap = sp.first_para.saturating_sub(*pp);
                        let near =
                            gap <= 1 || (gap == 2 && (!pclosed || self.caption_like(pp + 1)));
                        if starts_sentence && near && words >= 3 {
                            speaker = ps.clone();
                        }
                    }
                }
            }
            // a headline's `Name Verbs X: '...'` has no speech verb, and its
            // title-case name runs are unreliable: trust the person entity
            if sp.first_para == 0
                && !self.entities.is_empty()
                && let Some(h) = self.headline_person(open_tok)
            {
                // `Trevor Noah Says`: a title-case verb glued to the name
                let glued = speaker
                    .as_deref()
                    .is_some_and(|s| s != h && s.starts_with(h.as_str()));
                if cue_word.is_none() || glued {
                    speaker = Some(h);
                }
            }
            if let Some(s) = &speaker {
                sal.push((open_tok, s.clone()));
            }
            let text = sp
                .parts
                .iter()
                .filter_map(|&(s, e)| self.text.get(s..e))
                .collect::<Vec<_>>()
                .join(" ");
            let (start, end) = (
                sp.parts.first().map_or(0, |p| p.0),
                sp.parts.last().map_or(0, |p| p.1),
            );
            let si = self.sent.get(open_tok).copied().unwrap_or(0);
            prev = Some((sp.last_para, si, speaker.clone(), sp.closed));
            enclosing.push((sp.open, sp.close_end, speaker.clone()));
            out.push(Quote {
                text,
                speaker,
                cue: cue_word,
                start,
                end,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::{Label, Mention};

    /// Expected quote: (fragment of its text, speaker, cue).
    type Want<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

    fn check(input: &str, expected: &[Want<'_>]) {
        check_with(input, &[], expected);
    }

    fn check_with(input: &str, entities: &[Entity], expected: &[Want<'_>]) {
        let got = find(input, entities);
        let show = || format!("{got:#?}");
        assert_eq!(got.len(), expected.len(), "input: {input}\ngot: {}", show());
        for (q, (frag, speaker, cue)) in got.iter().zip(expected) {
            assert!(
                q.text.contains(frag),
                "{frag:?} not in {:?}\n{}",
                q.text,
                show()
            );
            assert_eq!(
                q.speaker.as_deref(),
                *speaker,
                "speaker of {frag:?}\n{}",
                show()
            );
            if let Some(c) = cue {
                assert_eq!(q.cue.as_deref(), Some(*c), "cue of {frag:?}");
            }
            assert!(input.is_char_boundary(q.start) && input.is_char_boundary(q.end));
            assert!(q.start < q.end && q.end <= input.len());
        }
    }

    #[test]
    fn layouts() {
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "\"We will win,\" Erdogan said.",
                &[("We will win", Some("Erdogan"), Some("said"))],
            ),
            (
                "“We will win,” said Vladimir Putin, the Russian president.",
                &[("We will win", Some("Vladimir Putin"), Some("said"))],
            ),
            (
                "Anton Mardasov, a Moscow-based Middle East analyst, said: \"The Kremlin maintains the status quo.\"",
                &[("status quo", Some("Anton Mardasov"), Some("said"))],
            ),
            (
                "Raja Androon lives in Antakya.\n\n\"I hope Idlib will be free,\" she told Al Jazeera.",
                &[("I hope Idlib", Some("Raja Androon"), Some("told"))],
            ),
            (
                "Mustafa Sejari, an analyst, was sceptical.\n\nHe told Al Jazeera: \"The regime will not withdraw.\"",
                &[("regime will not", Some("Mustafa Sejari"), Some("told"))],
            ),
            (
                "\"It is over,\" according to John Smith.",
                &[("It is over", Some("John Smith"), Some("according to"))],
            ),
            (
                "According to Jane Doe, \"nothing has changed\" since then.",
                &[(
                    "nothing has changed",
                    Some("Jane Doe"),
                    Some("according to"),
                )],
            ),
            (
                "Syrian President Bashar al-Assad spoke late.\n\nEarlier on Thursday, al-Assad accused Turkey's president of \"supporting terrorists\".",
                &[(
                    "supporting terrorists",
                    Some("Bashar al-Assad"),
                    Some("accused"),
                )],
            ),
            (
                "Erdogan added that Turkey, which has sent troops, would not \"remain silent\" if attacked.",
                &[("remain silent", Some("Erdogan"), Some("added"))],
            ),
            (
                "It has legitimized the new “reality” on the ground.",
                &[("reality", None, None)],
            ),
            (
                "\"A quote,\" Quentin Kidd, a political scientist at a university, said.",
                &[("A quote", Some("Quentin Kidd"), Some("said"))],
            ),
            (
                "\"One,\" Mr. Obama said, \"and two.\"",
                &[
                    ("One", Some("Obama"), Some("said")),
                    ("and two", Some("Obama"), Some("said")),
                ],
            ),
            (
                "\"It's the Turks' view,\" he said.",
                &[("It's the Turks' view", None, Some("said"))],
            ),
            (
                "``It was definitely a bomb,'' said a U.S. Embassy official.",
                &[("definitely a bomb", None, Some("said"))],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn more_layouts() {
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "\"We will see,\" Erdogan told reporters in Moscow.",
                &[("We will see", Some("Erdogan"), Some("told"))],
            ),
            (
                "Putin said: \"It is a good basis.\"",
                &[("good basis", Some("Putin"), Some("said"))],
            ),
            (
                "\"It is a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.",
                &[("dog whistle", Some("Gwen Moore"), Some("said"))],
            ),
            (
                "\"It was the least bad outcome,\" Mr. Morgan of the Sierra Club said.",
                &[("least bad", Some("Morgan"), Some("said"))],
            ),
            (
                "\"It won't hold,\" said 9/11 widow Terry Strada.",
                &[("won't hold", Some("Terry Strada"), Some("said"))],
            ),
            (
                "\"To be frank, it will change,\" said the Rev. Peter Wherry.",
                &[("To be frank", Some("Peter Wherry"), Some("said"))],
            ),
            (
                "Said Ellis: \"I don't get the sense she cares.\"",
                &[("get the sense", Some("Ellis"), Some("Said"))],
            ),
            (
                "“It hurts.” ― Pamela Padilla\n“It is a shame.” ― Jacklyn Ashley",
                &[
                    ("It hurts", Some("Pamela Padilla"), None),
                    ("It is a shame", Some("Jacklyn Ashley"), None),
                ],
            ),
            (
                "\"Boeing pays zero taxes.\"\n\n- Bernie Sanders.\n\nThat is not so.",
                &[("zero taxes", Some("Bernie Sanders"), None)],
            ),
            (
                "Republican pollster Daron Shaw: “Lesser-known candidates get a boost.”",
                &[("Lesser-known", Some("Daron Shaw"), None)],
            ),
            (
                "Jim Smith met them.\n\nSmith concludes: “Nobody did this to them.”",
                &[("Nobody did this", Some("Jim Smith"), Some("concludes"))],
            ),
            (
                "''I admire the mechanics'' of the plan, Mr. Holtz-Eakin said.",
                &[("admire the mechanics", Some("Holtz-Eakin"), Some("said"))],
            ),
            (
                "Mateen left early, Nefzi said, adding, \"He was not very religious.\"",
                &[("not very religious", Some("Nefzi"), Some("adding"))],
            ),
            (
                "\"The outlook is unclear,\" the IMF report stated.",
                &[("outlook is unclear", Some("IMF"), Some("stated"))],
            ),
            (
                "As Steven Rosenthal, a tax lawyer, put it, ''Did Trump lower his taxes?''",
                &[("lower his taxes", Some("Steven Rosenthal"), Some("put"))],
            ),
            (
                "Pat Caddell continued:\n\n\"The polls are close.\"",
                &[("polls are close", Some("Pat Caddell"), Some("continued"))],
            ),
            (
                "The New York Times reports:\n\n\"Just 24 percent gave $200 or less.\"",
                &[("Just 24 percent", Some("New York Times"), Some("reports"))],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn headline_quotes_go_to_the_person_named() {
        let text = "Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated.’\n\nElizabeth Warren grilled John Stumpf. Warren was angry.";
        let at = |w: &str| text.find(w).unwrap_or(0);
        let mention = |w: &str| Mention {
            start: at(w),
            end: at(w) + w.len(),
            text: w.into(),
        };
        let warren = Entity {
            label: Label::Person,
            name: "Elizabeth Warren".into(),
            mentions: vec![mention("Elizabeth Warren"), mention("Warren was")],
        };
        check_with(
            text,
            &[warren],
            &[("Should Be Investigated", Some("Elizabeth Warren"), None)],
        );
    }

    #[test]
    fn photo_caption_inside_a_quote() {
        check(
            "Ahmet Yilmaz, a trader, said: \"We are tired.\n\nA man walks past rubble in Idlib [Reuters]\n\n\"We want peace.\"",
            &[("We are tired", Some("Ahmet Yilmaz"), Some("said"))],
        );
    }

    #[test]
    fn paragraph_continuation_and_inheritance() {
        check(
            "Ahelbarra said so.\n\n\"I think this is a victory,\" Hashem Ahelbarra said. Others agreed.\n\n\"Erdogan won't have to be concerned about his soldiers.\"",
            &[
                ("a victory", Some("Hashem Ahelbarra"), Some("said")),
                ("have to be concerned", Some("Hashem Ahelbarra"), None),
            ],
        );
        let text = "Alexey Khlebnikov, an expert, told Al Jazeera: \"Russia got what it wanted.\n\n\"Both cannot afford a direct confrontation. The problem of 'terrorists' remains.\"\n\nThe end.";
        let got = find(text, &[]);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(
            got[0].text,
            "Russia got what it wanted. Both cannot afford a direct confrontation. The problem of 'terrorists' remains."
        );
        assert_eq!(got[0].speaker.as_deref(), Some("Alexey Khlebnikov"));
    }

    #[test]
    fn mixed_marks_and_roles() {
        check(
            "\"We agree,\" Putin said.\n\nHe continued, \"The work ended with results. We signed a document. ”\n\nLater news.",
            &[
                ("We agree", Some("Putin"), Some("said")),
                ("We signed a document.", Some("Putin"), Some("continued")),
            ],
        );
        check(
            "Russian President Vladimir Putin and Turkish Recep Tayyip Erdogan met.\n\nIn return, the Turkish president warned that his country reserves the \"right to respond\" to attacks.",
            &[(
                "right to respond",
                Some("Recep Tayyip Erdogan"),
                Some("warned"),
            )],
        );
    }

    #[test]
    fn entities_give_canonical_names() {
        let text = "\"We agree,\" Erdogan said.";
        let ent = Entity {
            label: Label::Person,
            name: "Recep Tayyip Erdogan".into(),
            mentions: vec![Mention {
                start: 12,
                end: 19,
                text: "Erdogan".into(),
            }],
        };
        check_with(
            text,
            &[ent],
            &[("We agree", Some("Recep Tayyip Erdogan"), Some("said"))],
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check("It's the Turks' and Kurds' land, isn't it?", &[]);
    }
}

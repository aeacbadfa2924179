//! Sentence splitting over tokens: abbreviations, initials, quotes and paragraph breaks.
use crate::lexicon;
use crate::tokens::{Token, TokenKind};
use std::ops::Range;

/// One sentence: its byte span in the text and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset one past its last token.
    pub end: usize,
    /// Indexes of its tokens in the token list it was split from.
    pub tokens: Range<usize>,
}

/// Splits tokenized `text` into sentences.
///
/// A sentence ends after `.`, `!` or `?` (with any closing quotes and brackets
/// that follow) when the next token can start a sentence; after an ellipsis
/// only when a capitalised function word follows; after an abbreviation only
/// when the abbreviation can end a sentence (`etc.`, `Inc.`, `U.S.`, not
/// `Mr.` or an initial) and a capitalised function word follows. A blank line
/// (paragraph break) always ends a sentence.
pub(crate) fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let Some(tok) = tokens.get(i) else { break };
        // Paragraph break before this token?
        if i > begin {
            let prev_end = tokens.get(i - 1).map_or(0, |t| t.end);
            if paragraph_break(text.get(prev_end..tok.start).unwrap_or("")) {
                push(&mut out, tokens, begin, i);
                begin = i;
            }
        }
        let t = tok.text(text);
        let terminal = match tok.kind {
            TokenKind::Punct => match t {
                "." | "!" | "?" | "?!" | "!?" => Ends::Always,
                _ if t.starts_with('!') || t.starts_with('?') => Ends::Always,
                _ if t.starts_with("..") || t == "…" => Ends::BeforeFunctionWord,
                _ => Ends::Never,
            },
            TokenKind::Abbreviation => abbreviation_ends(t),
            _ => Ends::Never,
        };
        if terminal == Ends::Never {
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets.
        let mut j = i + 1;
        while let Some(n) = tokens.get(j) {
            let nt = n.text(text);
            let closing = matches!(nt, ")" | "]" | "}" | "”" | "’" | "»" | "›")
                || (matches!(nt, "\"" | "'") && !opens_quote(text, tokens, j));
            if closing
                && !paragraph_break(
                    text.get(tokens.get(j - 1).map_or(0, |t| t.end)..n.start)
                        .unwrap_or(""),
                )
            {
                j += 1;
            } else {
                break;
            }
        }
        let ends = match tokens.get(j) {
            None => true,
            Some(next) => {
                let gap = text
                    .get(tokens.get(j - 1).map_or(0, |t| t.end)..next.start)
                    .unwrap_or("");
                if paragraph_break(gap) {
                    true
                } else if gap.is_empty() && next.kind != TokenKind::Quote {
                    false // `x.y` glued: not a boundary
                } else {
                    match terminal {
                        Ends::Always => can_start(text, tokens, j),
                        Ends::BeforeFunctionWord => starts_with_function_word(text, tokens, j),
                        Ends::Never => false,
                    }
                }
            }
        };
        if ends {
            push(&mut out, tokens, begin, j);
            begin = j;
        }
        i = j.max(i + 1);
    }
    if begin < tokens.len() {
        push(&mut out, tokens, begin, tokens.len());
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    Always,
    BeforeFunctionWord,
    Never,
}

fn abbreviation_ends(t: &str) -> Ends {
    let bare = t.trim_end_matches('.').to_lowercase();
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    if t.contains('.') && bare.contains('.') {
        // U.S., e.g., a.m.: end only before a capitalised function word.
        return Ends::BeforeFunctionWord;
    }
    if letters == 1 {
        return Ends::Never; // initials
    }
    match bare.as_str() {
        "etc" | "inc" | "corp" | "ltd" | "co" | "plc" | "jr" | "sr" | "bros" | "al" | "jan"
        | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" | "govt" | "intl" | "est" | "max" | "min" | "approx" | "ave" | "blvd" | "rd"
        | "ft" => Ends::BeforeFunctionWord,
        _ => Ends::Never,
    }
}

fn paragraph_break(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' || c == '\u{2029}' {
            newlines += 1;
            if newlines >= 2 || c == '\u{2029}' {
                return true;
            }
        } else if !c.is_whitespace() {
            return false;
        }
    }
    false
}

/// Whether a straight quote at `j` opens a quotation (followed by a word, preceded by space).
fn opens_quote(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(t) = tokens.get(j) else { return false };
    let before_space = j == 0 || tokens.get(j - 1).is_some_and(|p| p.end < t.start);
    let after_glued = tokens.get(j + 1).is_some_and(|n| n.start == t.end);
    let _ = text;
    before_space && after_glued
}

/// Whether token `j` can begin a sentence: capitalised, a digit, an opening quote or bracket.
fn can_start(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(t) = tokens.get(j) else { return true };
    let s = t.text(text);
    match t.kind {
        TokenKind::Quote | TokenKind::Punct => {
            matches!(
                s,
                "(" | "[" | "“" | "‘" | "«" | "\"" | "'" | "-" | "–" | "—" | "•"
            ) && (j + 1 >= tokens.len() || can_start(text, tokens, j + 1) || s == "\"" || s == "“")
        }
        TokenKind::Number | TokenKind::Symbol => true,
        _ => s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()),
    }
}

/// Whether token `j` (after opening quotes) is a capitalised function word such as `The`, `He`, `But`.
fn starts_with_function_word(text: &str, tokens: &[Token], mut j: usize) -> bool {
    while tokens
        .get(j)
        .is_some_and(|t| matches!(t.kind, TokenKind::Quote) || t.text(text) == "(")
    {
        j += 1;
    }
    let Some(t) = tokens.get(j) else { return true };
    let s = t.text(text);
    s.chars().next().is_some_and(char::is_uppercase)
        && lexicon::is_sentence_starter(&s.to_lowercase())
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], begin: usize, end: usize) {
    if begin >= end {
        return;
    }
    if let (Some(first), Some(last)) = (tokens.get(begin), tokens.get(end - 1)) {
        out.push(Sentence {
            start: first.start,
            end: last.end,
            tokens: begin..end,
        });
    }
}

/// Sentence spans of `text` as `(start, end)` byte offsets (for tests).
#[cfg(test)]
fn spans(text: &str) -> Vec<(usize, usize)> {
    let tokens = crate::tokens::tokenize(text);
    split(text, &tokens)
        .into_iter()
        .map(|s| (s.start, s.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = spans(input)
            .into_iter()
            .map(|(s, e)| &input[s..e])
            .collect();
        assert_eq!(got, expected, "splitting {input:?}");
    }

    #[test]
    fn sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Mr. Smith went. He left.", &["Mr. Smith went.", "He left."]),
            ("Gen. Akar and Dr. No met.", &["Gen. Akar and Dr. No met."]),
            (
                "The U.S. withdrawal began.",
                &["The U.S. withdrawal began."],
            ),
            (
                "It left the U.S. The army stayed.",
                &["It left the U.S.", "The army stayed."],
            ),
            ("On Jan. 5 they met.", &["On Jan. 5 they met."]),
            (
                "J. R. R. Tolkien wrote it.",
                &["J. R. R. Tolkien wrote it."],
            ),
            (
                "It grew 3.7 percent. Then fell.",
                &["It grew 3.7 percent.", "Then fell."],
            ),
            (
                "\"It is over.\" Erdogan said. \"Yes!\" he added.",
                &["\"It is over.\"", "Erdogan said.", "\"Yes!\" he added."],
            ),
            ("“We won.” He smiled.", &["“We won.”", "He smiled."]),
            ("A title\n\nBody text here", &["A title", "Body text here"]),
            (
                "no stop\nat single newline",
                &["no stop\nat single newline"],
            ),
            (
                "withdraw from Idlib ... The ceasefire",
                &["withdraw from Idlib ...", "The ceasefire"],
            ),
            ("wait ... Idlib is calm", &["wait ... Idlib is calm"]),
            ("see e.g. the rest. Done", &["see e.g. the rest.", "Done"]),
            ("Why? Because.", &["Why?", "Because."]),
            ("(He left.) Then", &["(He left.)", "Then"]),
            ("version 2.0.1 shipped. ok", &["version 2.0.1 shipped. ok"]),
            ("Smith & Co. The firm", &["Smith & Co.", "The firm"]),
            ("", &[]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }
}

//! Word tokenizer with byte offsets that keeps news-writing conventions intact.
//!
//! Rules, in the order they are tried at each position:
//! - numbers keep their separators (`1,000`, `3.7`, `00.01`, `22:00`, `1996-08-30`),
//!   ordinals and decades stay whole (`12th`, `1990s`), other glued letters are
//!   split off as a unit (`6km` gives `6` and `km`);
//! - words keep inner hyphens (`al-Assad`, `east-west`), inner apostrophes of
//!   names (`O'Brien`) and `&` between capitals (`AT&T`);
//! - dotted initialisms (`U.S.`, `e.g.`), single capital initials (`J.`) and
//!   known abbreviations (`Mr.`, `Gen.`, `Jan.`, `Inc.`) keep their dot;
//! - possessive `'s`/`’s` and the clitics `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`
//!   are tokens of their own;
//! - quotation marks, brackets and other punctuation are single tokens, except
//!   that runs of the same mark (`...`, `--`) stay together.

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits after a letter): `Erdogan`, `al-Assad`, `M4`, `km`.
    Word,
    /// Starts with a digit: `1,000`, `3.7`, `00.01`, `12th`, `1990s`.
    Number,
    /// A word that keeps its final dot: `U.S.`, `Mr.`, `Jan.`, `J.`.
    Abbreviation,
    /// The possessive `'s` or `’s`, split from its word.
    Possessive,
    /// A clitic split from its word: `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`.
    Clitic,
    /// A quotation mark: `"`, `“`, `”`, `'`, `‘`, `’`, `«`, `»`, `` ` ``.
    Quote,
    /// Sentence and clause punctuation, dashes and brackets.
    Punct,
    /// Any other symbol: `$`, `%`, `€`, `+`, `/`, ...
    Symbol,
}

/// One token: a byte range of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text` (the string it was produced from); empty if
    /// the offsets do not fit `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the token is a word or abbreviation starting with an uppercase letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbreviation)
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// Abbreviations that keep their dot (compared lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "pvt",
    "maj", "cmdr", "adm", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
    "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "inc", "corp", "ltd",
    "co", "plc", "bros", "vs", "etc", "approx", "dept", "univ", "assn", "mt", "ft", "ave", "blvd",
    "rd", "fig", "est", "no", "nos", "vol", "pp", "ed", "eds", "cf", "al", "ca", "min", "max",
    "govt", "intl",
];

/// Abbreviations that only keep their dot before a number (`No. 10`, `Fig. 3`).
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "fig", "vol", "pp"];

/// A token's text in lower case, borrowed when it has no capital (most tokens): the form
/// the quote and quantity readers compare words in.
pub(crate) fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Splits `text` into tokens; whitespace is skipped, every other character
/// belongs to exactly one token. Offsets are UTF-8 byte offsets on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while let Some(&(pos, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let next = if c.is_numeric() {
            number(&chars, i, &mut out)
        } else if is_letter(c) {
            word(text, &chars, i, &mut out)
        } else if let Some(n) = clitic_len(&chars, i).filter(|_| glued_to_previous(&out, pos)) {
            // A clitic glued to a number or a closing mark: `1990's`.
            push(&mut out, &chars, text, i, i + n, clitic_kind(&chars, i));
            i + n
        } else {
            let kind = punct_kind(c);
            let mut j = i + 1;
            if matches!(c, '.' | '-' | '–' | '—' | '!' | '?' | '*' | '=' | '_' | '~') {
                while chars.get(j).is_some_and(|&(_, d)| d == c) {
                    j += 1;
                }
            }
            push(&mut out, &chars, text, i, j, kind);
            j
        };
        i = next.max(i + 1);
    }
    out
}

fn glued_to_previous(out: &[Token], pos: usize) -> bool {
    out.last()
        .is_some_and(|t| t.end == pos && t.kind != TokenKind::Quote)
}

fn push(
    out: &mut Vec<Token>,
    chars: &[(usize, char)],
    text: &str,
    i: usize,
    j: usize,
    kind: TokenKind,
) {
    let start = chars.get(i).map_or(text.len(), |&(p, _)| p);
    let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
    if start < end {
        out.push(Token { start, end, kind });
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Letters, digits and combining marks continue a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) || c == '\u{200d}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn ch(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i).map(|&(_, c)| c)
}

fn punct_kind(c: char) -> TokenKind {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '\'' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '‹' | '›'
        | '`' | '´' => TokenKind::Quote,
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '–' | '—'
        | '‐' | '‑' | '…' | '·' | '•' | '¿' | '¡' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

/// Length in chars of a clitic starting at the apostrophe `i`, if there is one
/// (`'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`), followed by a non-letter.
fn clitic_len(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if !ch(chars, i).is_some_and(is_apostrophe) {
        return None;
    }
    let mut j = i + 1;
    while ch(chars, j).is_some_and(char::is_alphabetic) && j - i <= 3 {
        j += 1;
    }
    if ch(chars, j).is_some_and(is_word_char) {
        return None;
    }
    let tail: String = chars
        .get(i + 1..j)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c.to_ascii_lowercase())
        .collect();
    matches!(tail.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m").then_some(j - i)
}

fn clitic_kind(chars: &[(usize, char)], i: usize) -> TokenKind {
    if ch(chars, i + 1).is_some_and(|c| c == 's' || c == 'S') && clitic_len(chars, i) == Some(2) {
        TokenKind::Possessive
    } else {
        TokenKind::Clitic
    }
}

fn number(chars: &[(usize, char)], start: usize, out: &mut Vec<Token>) -> usize {
    let text_end = chars.last().map_or(0, |&(p, c)| p + c.len_utf8());
    let mut j = start;
    loop {
        while ch(chars, j).is_some_and(char::is_numeric) {
            j += 1;
        }
        // Separators between digits: 1,000  3.7  22:00  1996-08-30  3/4
        match (ch(chars, j), ch(chars, j + 1)) {
            (Some('.' | ',' | ':' | '/'), Some(d)) if d.is_ascii_digit() => j += 1,
            (Some(h), Some(d)) if is_hyphen(h) && d.is_ascii_digit() => j += 1,
            _ => break,
        }
    }
    // Glued letters: ordinals and decades stay, units are split off.
    let mut k = j;
    while ch(chars, k).is_some_and(char::is_alphabetic) {
        k += 1;
    }
    let suffix: String = chars
        .get(j..k)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c)
        .collect();
    let glued = k > j && !ch(chars, k).is_some_and(is_word_char);
    let keep = glued
        && matches!(
            suffix.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm"
        )
        && !(suffix == "s" && ch(chars, j.wrapping_sub(1)).is_none());
    // A hyphen followed by letters makes a compound: 65-year-old, 12-kilometre.
    let hyphen_compound =
        ch(chars, j).is_some_and(is_hyphen) && ch(chars, j + 1).is_some_and(char::is_alphabetic);
    let end = if keep {
        k
    } else if hyphen_compound {
        compound_tail(chars, j)
    } else {
        j
    };
    let s = chars.get(start).map_or(text_end, |&(p, _)| p);
    let e = chars.get(end).map_or(text_end, |&(p, _)| p);
    out.push(Token {
        start: s,
        end: e,
        kind: TokenKind::Number,
    });
    end
}

/// From a hyphen at `j`, extends over `-word` groups; returns the end index.
fn compound_tail(chars: &[(usize, char)], mut j: usize) -> usize {
    while ch(chars, j).is_some_and(is_hyphen) && ch(chars, j + 1).is_some_and(is_word_char) {
        j += 1;
        while ch(chars, j).is_some_and(is_word_char) {
            j += 1;
        }
    }
    j
}

fn word(text: &str, chars: &[(usize, char)], start: usize, out: &mut Vec<Token>) -> usize {
    let text_end = text.len();
    let pos = |i: usize| chars.get(i).map_or(text_end, |&(p, _)| p);

    // Dotted initialisms: U.S.  U.N.  e.g.  a.m.
    let mut j = start;
    let mut letters = 0;
    while ch(chars, j).is_some_and(char::is_alphabetic) && ch(chars, j + 1) == Some('.') {
        let after = ch(chars, j + 2);
        letters += 1;
        j += 2;
        if !after.is_some_and(char::is_alphabetic)
            || ch(chars, j + 1).is_some_and(char::is_alphabetic)
        {
            break;
        }
    }
    if letters >= 2 {
        out.push(Token {
            start: pos(start),
            end: pos(j),
            kind: TokenKind::Abbreviation,
        });
        return j;
    }

    // Plain word with inner hyphens, name apostrophes and `&` between capitals.
    let mut j = start;
    loop {
        while ch(chars, j).is_some_and(is_word_char) {
            j += 1;
        }
        let c = ch(chars, j);
        let n = ch(chars, j + 1);
        match (c, n) {
            (Some(h), Some(d)) if is_hyphen(h) && is_word_char(d) => j += 1,
            (Some(a), Some(d)) if is_apostrophe(a) && d.is_alphabetic() => {
                // n't: split before the n.
                if (d == 't' || d == 'T')
                    && ch(chars, j.wrapping_sub(1)).is_some_and(|p| p == 'n' || p == 'N')
                    && !ch(chars, j + 2).is_some_and(is_word_char)
                    && j > start + 1
                {
                    out.push(Token {
                        start: pos(start),
                        end: pos(j - 1),
                        kind: TokenKind::Word,
                    });
                    out.push(Token {
                        start: pos(j - 1),
                        end: pos(j + 2),
                        kind: TokenKind::Clitic,
                    });
                    return j + 2;
                }
                if clitic_len(chars, j).is_some() {
                    break;
                }
                j += 1;
            }
            (Some('&'), Some(d))
                if d.is_uppercase()
                    && ch(chars, j.wrapping_sub(1)).is_some_and(char::is_uppercase) =>
            {
                j += 1
            }
            _ => break,
        }
    }
    let end = j;
    let w = text.get(pos(start)..pos(end)).unwrap_or("");

    // A dot that belongs to the word: capital initial or known abbreviation.
    if ch(chars, end) == Some('.') {
        let lower = w.to_lowercase();
        let single_capital = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        let before_number = {
            let mut k = end + 1;
            while ch(chars, k).is_some_and(|c| c == ' ') {
                k += 1;
            }
            ch(chars, k).is_some_and(|c| c.is_ascii_digit())
        };
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let lowercase_ok = matches!(lower.as_str(), "etc" | "al" | "vs" | "ca" | "cf" | "approx");
        let known = ABBREVIATIONS.contains(&lower.as_str())
            && (!NUMBER_ABBREVIATIONS.contains(&lower.as_str()) || before_number)
            && (capitalised || lowercase_ok);
        if single_capital || known {
            out.push(Token {
                start: pos(start),
                end: pos(end + 1),
                kind: TokenKind::Abbreviation,
            });
            return end + 1;
        }
    }
    out.push(Token {
        start: pos(start),
        end: pos(end),
        kind: TokenKind::Word,
    });
    if let Some(n) = clitic_len(chars, end) {
        out.push(Token {
            start: pos(end),
            end: pos(end + n),
            kind: clitic_kind(chars, end),
        });
        return end + n;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let toks = tokenize(input);
        let got: Vec<&str> = toks.iter().map(|t| t.text(input)).collect();
        assert_eq!(got, expected, "tokenizing {input:?}");
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("Turkey's army", &["Turkey", "'s", "army"]),
            ("Turkey’s army", &["Turkey", "’s", "army"]),
            ("Bashar al-Assad", &["Bashar", "al-Assad"]),
            (
                "a key east-west highway.",
                &["a", "key", "east-west", "highway", "."],
            ),
            ("the U.S. withdrawal", &["the", "U.S.", "withdrawal"]),
            (
                "Mr. Smith and Dr. Jones",
                &["Mr.", "Smith", "and", "Dr.", "Jones"],
            ),
            ("on Jan. 5", &["on", "Jan.", "5"]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            (
                "1,000 people, 3.7 miles",
                &["1,000", "people", ",", "3.7", "miles"],
            ),
            ("At 00.01 tonight", &["At", "00.01", "tonight"]),
            ("6km (3.7 miles)", &["6", "km", "(", "3.7", "miles", ")"]),
            ("12th in the 1990s", &["12th", "in", "the", "1990s"]),
            ("a 65-year-old Syrian", &["a", "65-year-old", "Syrian"]),
            ("at 22:00 GMT", &["at", "22:00", "GMT"]),
            ("1996-08-30", &["1996-08-30"]),
            (
                "\"remain silent\" if",
                &["\"", "remain", "silent", "\"", "if"],
            ),
            ("“reality” on", &["“", "reality", "”", "on"]),
            ("'terrorists' in", &["'", "terrorists", "'", "in"]),
            ("don't", &["do", "n't"]),
            ("they've spent", &["they", "'ve", "spent"]),
            ("it's", &["it", "'s"]),
            ("O'Brien said", &["O'Brien", "said"]),
            ("AT&T and S&P", &["AT&T", "and", "S&P"]),
            ("Idlib ... The", &["Idlib", "...", "The"]),
            ("the M4 highway", &["the", "M4", "highway"]),
            ("$5 and 20%", &["$", "5", "and", "20", "%"]),
            ("end.", &["end", "."]),
            ("said no.", &["said", "no", "."]),
            ("No. 10", &["No.", "10"]),
            ("country`s", &["country", "`", "s"]),
            ("Zürich, São Paulo", &["Zürich", ",", "São", "Paulo"]),
            ("war-torn Syria", &["war-torn", "Syria"]),
            ("", &[]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn kinds() {
        let text = "Mr. Putin's 6km \"x\" .";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![
                Abbreviation,
                Word,
                Possessive,
                Number,
                Word,
                Quote,
                Word,
                Quote,
                Punct
            ]
        );
    }
}

//! Character-level normalisation and plain-text paragraph splitting.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises one paragraph (or a title): NFC, invisible characters removed, every space
/// character to `' '`, an accent between letters standing for an apostrophe (`don´t`) to
/// `'`, runs of spaces collapsed, trimmed. Quotation marks and apostrophes stay as written.
/// Newlines become spaces too: a paragraph is one line.
pub(crate) fn normalise_inline(s: &str) -> String {
    let nfc;
    let s = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        nfc = s.nfc().collect::<String>();
        nfc.as_str()
    };
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None; // previous source character that was kept
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}' => continue,
            '\u{a0}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{1680}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{85}' => ' ',
            // a grave or acute accent standing for an apostrophe (`don´t`); the
            // typographic apostrophe (`Turkey’s`) is the page's own and stays: what compares
            // words (tokens, index, stories) treats both as one
            '`' | '´' => {
                let next = chars.peek().copied();
                let between_letters =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                if between_letters { '\'' } else { c }
            }
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        prev = Some(c);
        if mapped == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(mapped);
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether a line starts a list item (`- `, `* `, `• `, `1. `, `2) `).
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '·') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && line.len() - rest.len() <= 3
        }
        _ => false,
    }
}

/// Splits plain text into paragraphs. When the text separates paragraphs by blank lines, the
/// lines of one paragraph are hard wraps: they are joined with a space, and a word hyphenated
/// across a line end (`govern-` / `ment`) is rejoined. Otherwise every line is a paragraph.
pub(crate) fn text_paragraphs(text: &str) -> Vec<String> {
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{0b}', '\u{0c}'], "\n")
        .replace('\u{2029}', "\n\n");
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let mut seen_text = false;
    let mut pending_blank = false;
    let mut uses_blank_lines = false;
    for line in &lines {
        if line.is_empty() {
            pending_blank = seen_text;
        } else {
            if pending_blank {
                uses_blank_lines = true;
                break;
            }
            seen_text = true;
        }
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !uses_blank_lines || is_list_item(line) {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            current.push_str(line);
            if !uses_blank_lines {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        join_wrapped(&mut current, line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Appends a hard-wrapped line to a paragraph, undoing line-end hyphenation.
fn join_wrapped(current: &mut String, line: &str) {
    if current.is_empty() {
        current.push_str(line);
        return;
    }
    let mut tail = current.chars().rev();
    let hyphenated = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        current.pop();
    } else {
        current.push(' ');
    }
    current.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_inline(input: &str, expected: &str) {
        assert_eq!(normalise_inline(input), expected, "input {input:?}");
    }

    #[test]
    fn inline() {
        let cases = [
            ("country`s crucial", "country's crucial"),
            ("Turkey’s army", "Turkey’s army"),
            ("‘Ceasefire agreed is shaky’", "‘Ceasefire agreed is shaky’"),
            ("'quoted' text", "'quoted' text"),
            ("don´t", "don't"),
            ("the ’90s", "the ’90s"),
            ("a\u{a0}b\u{2009}c  d\td", "a b c d d"),
            ("soft\u{ad}hyphen zero\u{200b}width", "softhyphen zerowidth"),
            ("e\u{301}te\u{301}", "été"),
            ("  trimmed  ", "trimmed"),
            ("line\nbreak", "line break"),
            ("“quoted”", "“quoted”"),
        ];
        for (input, expected) in cases {
            check_inline(input, expected);
        }
    }

    fn check_paragraphs(input: &str, expected: &[&str]) {
        assert_eq!(text_paragraphs(input), expected, "input {input:?}");
    }

    #[test]
    fn paragraphs() {
        let cases: &[(&str, &[&str])] = &[
            ("One.\n\nTwo.", &["One.", "Two."]),
            ("One.\r\n\r\nTwo.\r\n", &["One.", "Two."]),
            (
                "A hard\nwrapped line.\n\nNext.",
                &["A hard wrapped line.", "Next."],
            ),
            (
                "the govern-\nment said\n\nok",
                &["the government said", "ok"],
            ),
            ("a well-\nKnown case\n\nok", &["a well- Known case", "ok"]),
            ("Line one\nLine two", &["Line one", "Line two"]),
            (
                "Intro:\n- one\n- two\n\nEnd.",
                &["Intro:", "- one", "- two", "End."],
            ),
            ("\n\n  \n", &[]),
        ];
        for (input, expected) in cases {
            check_paragraphs(input, expected);
        }
    }
}

//! HTML character references: numeric and the common named set.

/// Decodes character references in `s` (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;`, ...).
/// Unknown references are kept as written.
pub(crate) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(rest.get(..pos).unwrap_or_default());
        let after = rest.get(pos + 1..).unwrap_or_default();
        match decode_one(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded.as_str());
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A small owned-or-static string for one decoded reference.
enum Decoded {
    Char(char),
    Static(&'static str),
}

impl Decoded {
    fn as_str(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Decoded::Char(c) => std::borrow::Cow::Owned(c.to_string()),
            Decoded::Static(s) => std::borrow::Cow::Borrowed(s),
        }
    }
}

/// Decodes the reference at the start of `s` (just after `&`); returns it and the bytes used.
fn decode_one(s: &str) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, start) = match bytes.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes
            .get(start..)?
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = s.get(start..start + digits)?;
        let value = if digits > 8 {
            u32::MAX
        } else {
            u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX)
        };
        let mut used = start + digits;
        if bytes.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((Decoded::Char(numeric_char(value)), used));
    }
    let len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = s.get(..len)?;
    let has_semicolon = bytes.get(len) == Some(&b';');
    if has_semicolon && let Some(value) = named(name) {
        return Some((Decoded::Static(value), len + 1));
    }
    // Legacy references that browsers accept without a semicolon, even before letters.
    ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]
        .into_iter()
        .find(|legacy| name.starts_with(legacy))
        .and_then(|legacy| Some((Decoded::Static(named(legacy)?), legacy.len())))
}

/// The character for a numeric reference, with the HTML rules for C1 and invalid values.
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9f).contains(&value) {
        let byte = [u8::try_from(value).unwrap_or(0x3f)];
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return decoded.chars().next().unwrap_or('\u{fffd}');
    }
    match char::from_u32(value) {
        Some('\0') | None => '\u{fffd}',
        Some(c) => c,
    }
}

/// The common named references.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "hairsp" => "\u{200a}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "lrm" => "\u{200e}",
        "rlm" => "\u{200f}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "horbar" => "―",
        "lsquo" => "‘",
        "rsquo" | "rsquor" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" | "rdquor" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" | "mldr" => "…",
        "bull" | "bullet" => "•",
        "middot" | "centerdot" => "·",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "curren" => "¤",
        "trade" | "TRADE" => "™",
        "copy" | "COPY" => "©",
        "reg" | "REG" => "®",
        "deg" => "°",
        "plusmn" | "pm" => "±",
        "times" => "×",
        "divide" | "div" => "÷",
        "minus" => "−",
        "frac12" | "half" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "iexcl" => "¡",
        "iquest" => "¿",
        "brvbar" => "¦",
        "uml" => "¨",
        "ordf" => "ª",
        "ordm" => "º",
        "not" => "¬",
        "macr" => "¯",
        "acute" => "´",
        "cedil" => "¸",
        "circ" => "ˆ",
        "tilde" => "˜",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "asymp" => "≈",
        "infin" => "∞",
        "hearts" => "♥",
        "star" => "☆",
        "check" => "✓",
        "fnof" => "ƒ",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "ETH" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "THORN" => "Þ",
        "szlig" => "ß",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "yuml" => "ÿ",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Yuml" => "Ÿ",
        "Zcaron" => "Ž",
        "zcaron" => "ž",
        "Alpha" => "Α",
        "Beta" => "Β",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Omega" => "Ω",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ε",
        "lambda" => "λ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "omega" => "ω",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("it&#8217;s &#x2019; &#146;", "it’s ’ ’"),
            ("&nbsp;x&nbspy", "\u{a0}x\u{a0}y"),
            ("&ldquo;q&rdquo; &eacute;t&eacute;", "“q” été"),
            (
                "AT&T &unknown; & &#; &#99999999999;",
                "AT&T &unknown; & &#; \u{fffd}",
            ),
            ("&#0;", "\u{fffd}"),
            ("&amp", "&"),
        ];
        for (input, expected) in cases {
            assert_eq!(decode_entities(input), expected, "input {input:?}");
        }
    }
}

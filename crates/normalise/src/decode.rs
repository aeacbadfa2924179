//! Bytes to text: byte-order marks, declared charsets, UTF-8 validation, legacy detection and mojibake repair.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Why bytes could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// NUL bytes or many control characters: not text.
    Binary,
    /// Valid multi-byte UTF-8 mixed with invalid sequences; the offset of the first invalid one.
    InvalidUtf8(usize),
}

/// How many leading bytes the binary sniffer looks at.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes `bytes`: BOM first, then the declared charset (container, then `<meta>` when `html`),
/// then UTF-8, then a chardetng guess for legacy encodings.
pub(crate) fn decode(
    bytes: &[u8],
    declared: Option<&str>,
    html: bool,
) -> Result<String, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let text = enc.decode_without_bom_handling(body).0.into_owned();
        return if is_binary_text(&text) {
            Err(DecodeError::Binary)
        } else {
            Ok(text)
        };
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| if html { sniff_declared(bytes) } else { None });
    if let Some(enc) = declared.filter(|e| *e == UTF_16LE || *e == UTF_16BE) {
        let text = enc.decode_without_bom_handling(bytes).0.into_owned();
        return if is_binary_text(&text) {
            Err(DecodeError::Binary)
        } else {
            Ok(text)
        };
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let first_invalid = match std::str::from_utf8(bytes) {
        // Valid UTF-8 with multi-byte sequences is practically never a legacy encoding, even when
        // a (frequently wrong) legacy charset is declared; pure ASCII decodes the same either way.
        Ok(text) => return Ok(text.to_owned()),
        Err(e) => e.valid_up_to(),
    };
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        return Ok(enc.decode_without_bom_handling(bytes).0.into_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if is_multibyte_legacy(guess)
        && let Some(text) = guess.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(text.into_owned());
    }
    // Mostly UTF-8 with some broken sequences: the caller decodes it as UTF-8 with
    // replacement characters. Mostly broken sequences with a few valid ones (a legacy page
    // with a UTF-8 template part, or byte pairs that look like UTF-8 by chance): legacy.
    let (valid, invalid) = utf8_sequences(bytes);
    if valid > 0 && valid >= invalid {
        return Err(DecodeError::InvalidUtf8(first_invalid));
    }
    Ok(guess.decode_without_bom_handling(bytes).0.into_owned())
}

/// Whether the bytes may be UTF-16 (a UTF-16 byte-order mark or a declared UTF-16 charset),
/// the one encoding whose decoded UTF-8 can be smaller than its bytes.
pub(crate) fn may_be_utf16(bytes: &[u8], declared: Option<&str>) -> bool {
    let utf16 = |e: &'static Encoding| e == UTF_16LE || e == UTF_16BE;
    Encoding::for_bom(bytes).is_some_and(|(e, _)| utf16(e))
        || declared
            .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
            .is_some_and(utf16)
}

/// CJK encodings whose byte pairs can look like UTF-8 by chance.
fn is_multibyte_legacy(enc: &'static Encoding) -> bool {
    [
        "Shift_JIS",
        "EUC-JP",
        "ISO-2022-JP",
        "EUC-KR",
        "GBK",
        "gb18030",
        "Big5",
    ]
    .contains(&enc.name())
}

/// How many valid multi-byte UTF-8 sequences and how many invalid ones the bytes hold.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let multibyte = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return (valid + multibyte(s), invalid),
            Err(e) => {
                let ok = rest.get(..e.valid_up_to()).unwrap_or_default();
                valid += multibyte(std::str::from_utf8(ok).unwrap_or_default());
                invalid += 1;
                match e.error_len() {
                    Some(n) => rest = rest.get(e.valid_up_to() + n..).unwrap_or_default(),
                    None => return (valid, invalid),
                }
            }
        }
    }
}

/// Whether a control byte (other than tab, newline, carriage return, form feed, escape) is text-hostile.
fn is_bad_control(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f)
}

/// More than one NUL byte in a thousand, or more than 10% control bytes, in the first
/// 64 KB. Compressed and image data hold about one NUL in 256 bytes or more; a page with a
/// few stray NULs (a template that printed some) is still text, as a browser reads it.
fn is_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let nuls = memchr::memchr_iter(0, head).count();
    if nuls * 1000 > head.len() {
        return true;
    }
    let controls: usize = head.iter().map(|&b| usize::from(is_bad_control(b))).sum();
    !head.is_empty() && controls * 10 > head.len()
}

/// The binary test on already decoded text (UTF-16 input).
fn is_binary_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if u8::try_from(c).is_ok_and(is_bad_control) {
            controls += 1;
        }
    }
    total > 0 && controls * 10 > total
}

/// A charset declared in the first 2 KB of an HTML or XML document
/// (`<meta charset>`, `http-equiv` content, XML declaration).
fn sniff_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..2048).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(pos) = memchr::memmem::find(lower.get(from..)?, key) {
            let mut i = from + pos + key.len();
            from = i;
            while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            if lower.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while lower
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
            {
                i += 1;
            }
            let start = i;
            while lower
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
            {
                i += 1;
            }
            if let Some(enc) = lower.get(start..i).and_then(Encoding::for_label) {
                // A document that was decoded enough to read its meta tag is not UTF-16.
                return Some(if enc == UTF_16LE || enc == UTF_16BE {
                    UTF_8
                } else {
                    enc
                });
            }
        }
    }
    None
}

/// The windows-1252 byte for a character, if it has one (C1 controls map to themselves).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => return u8::try_from(c).ok(),
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(b)
}

/// Repairs UTF-8 that was decoded as windows-1252 or Latin-1 (`â€™` -> `’`, `Ã©` -> `é`).
/// Only exact signatures are touched: a lead character `Â`..`ô` followed by the right number
/// of characters whose windows-1252 bytes are UTF-8 continuation bytes, decoding to a
/// printable character.
pub(crate) fn fix_mojibake(text: &str) -> Cow<'_, str> {
    // Every lead character U+00C2..U+00F4 is encoded as the byte 0xC3 followed by 0x82..0xB4,
    // and 0xC3 never occurs inside another character, so a byte scan finds every candidate.
    let mut out: Option<String> = None;
    let mut copied = 0;
    for pos in memchr::memchr_iter(0xc3, text.as_bytes()) {
        if pos < copied {
            continue;
        }
        let Some((fixed, used)) = text.get(pos..).and_then(repair_at) else {
            continue;
        };
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(text.get(copied..pos).unwrap_or_default());
        o.push(fixed);
        copied = pos + used;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// `â€` whose third byte (0x9D, undefined in windows-1252) was dropped in the bad decoding:
/// the right double quotation mark, when what follows cannot continue the sequence and
/// reads like the end of a quotation (space, punctuation or the end).
fn lost_closing_quote(
    buf: &[u8; 4],
    k: usize,
    used: usize,
    next: Option<char>,
) -> Option<(char, usize)> {
    let closes = next.is_none_or(|c| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?' | '<')
    });
    (k == 2 && buf.get(..2) == Some(&[0xe2, 0x80][..]) && closes).then_some(('\u{201d}', used))
}

/// The repaired character at the start of `rest`, and how many bytes of `rest` it replaces.
fn repair_at(rest: &str) -> Option<(char, usize)> {
    let mut chars = rest.chars();
    let lead_char = chars.next()?;
    let lead = u8::try_from(lead_char).ok()?;
    let n = match lead {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    let mut used = lead_char.len_utf8();
    for k in 1..=n {
        let Some(c) = chars.next() else {
            return lost_closing_quote(&buf, k, used, None);
        };
        let Some(b) = cp1252_byte(c) else {
            return lost_closing_quote(&buf, k, used, Some(c));
        };
        if !(0x80..=0xbf).contains(&b) {
            return None;
        }
        *buf.get_mut(k)? = b;
        used += c.len_utf8();
    }
    let s = std::str::from_utf8(buf.get(..=n)?).ok()?;
    let c = s.chars().next()?;
    if c.is_control() {
        return None;
    }
    Some((c, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        bytes: &[u8],
        declared: Option<&str>,
        html: bool,
        expected: Result<&str, DecodeError>,
    ) {
        let got = decode(bytes, declared, html);
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "input {bytes:?}");
    }

    #[test]
    fn mostly_legacy_bytes_with_a_few_utf8_sequences_are_legacy() {
        // a Polish page in a legacy charset whose template holds one UTF-8 "©"
        let mut bytes = "<footer>\u{a9} 2021</footer>".as_bytes().to_vec();
        for _ in 0..3 {
            bytes.extend_from_slice(
                b"<p>Jak pom\xf3c osobie niewidomej, z kt\xf3r\xb1 jeste\xb6my?</p>",
            );
        }
        let text = decode(&bytes, None, true).expect("decoded");
        assert!(!text.contains('\u{fffd}'), "{text}");
        assert!(text.contains("pom\u{f3}c"), "{text}");
        // mostly UTF-8 with one broken byte: the caller decodes it with U+FFFD
        let mut mixed = "caf\u{e9} na\u{ef}ve \u{201c}quoted\u{201d} "
            .as_bytes()
            .to_vec();
        let at = mixed.len();
        mixed.push(0xff);
        assert_eq!(
            decode(&mixed, None, false),
            Err(DecodeError::InvalidUtf8(at))
        );
    }

    #[test]
    fn decodes() {
        /// Bytes, declared charset, is HTML, expected outcome.
        type Case<'a> = (
            &'a [u8],
            Option<&'a str>,
            bool,
            Result<&'a str, DecodeError>,
        );
        let cases: &[Case<'_>] = &[
            (b"plain", None, false, Ok("plain")),
            (b"\xef\xbb\xbfbom", None, false, Ok("bom")),
            (b"\xff\xfeh\0i\0", None, false, Ok("hi")),
            (b"\xfe\xff\0h\0i", None, false, Ok("hi")),
            (b"caf\xe9", Some("iso-8859-1"), false, Ok("café")),
            (
                b"caf\xe9 cr\xe8me br\xfbl\xe9e",
                None,
                false,
                Ok("café crème brûlée"),
            ),
            (
                b"<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>",
                None,
                true,
                Ok("<meta charset=\"windows-1252\"><p>“quoted”</p>"),
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe9",
                None,
                true,
                Ok("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">é"),
            ),
            ("café".as_bytes(), Some("iso-8859-1"), false, Ok("café")),
            (
                b"caf\xc3\xa9 and caf\xe9",
                None,
                false,
                Err(DecodeError::InvalidUtf8(13)),
            ),
            (b"bin\0ary", None, false, Err(DecodeError::Binary)),
            (
                b"\x01\x02\x03\x04abc",
                None,
                false,
                Err(DecodeError::Binary),
            ),
        ];
        for (bytes, declared, html, expected) in cases {
            check(bytes, *declared, *html, *expected);
        }
    }

    #[test]
    fn repairs_mojibake() {
        let cases = [
            ("country\u{e2}\u{20ac}\u{2122}s", "country’s"),
            ("caf\u{c3}\u{a9}", "café"),
            (
                "\u{e2}\u{20ac}\u{153}quoted\u{e2}\u{20ac}\u{9d}",
                "“quoted”",
            ),
            (
                "\u{e2}\u{20ac}\u{153}We agree,\u{e2}\u{20ac} she said",
                "“We agree,” she said",
            ),
            ("ended.\u{e2}\u{20ac}", "ended.”"),
            ("x\u{e2}\u{20ac}y", "x\u{e2}\u{20ac}y"),
            ("São Paulo, NÃO", "São Paulo, NÃO"),
            ("à la carte", "à la carte"),
            ("plain", "plain"),
        ];
        for (input, expected) in cases {
            assert_eq!(fix_mojibake(input), expected, "input {input:?}");
        }
    }
}

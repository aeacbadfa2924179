//! Number words, scale words, qualifiers and vague plurals (`dozens of`).

pub(super) fn scale_of(word: &str, after_money: bool) -> Option<f64> {
    let w = word.to_lowercase();
    let s = match w.as_str() {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "k" if after_money => 1e3,
        "million" | "millions" | "mln" | "mn" => 1e6,
        "m" if after_money => 1e6,
        "billion" | "billions" | "bln" | "bn" => 1e9,
        "b" if after_money => 1e9,
        "trillion" | "tn" | "trln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    };
    Some(s)
}

/// The value of one English number word below a hundred (`ninety`), or `dozen`.
pub(crate) fn number_word(word: &str) -> Option<f64> {
    // Every number word is ASCII of 3 to 9 letters, and no other character lowercases
    // to ASCII but the Kelvin sign (to `k`, which no number word holds): so the word is
    // compared in an ASCII lower-case copy on the stack, without allocating.
    if !(3..=9).contains(&word.len()) || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 9];
    let low = &mut buf[..word.len()];
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    let n = match std::str::from_utf8(low).unwrap_or("") {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    };
    Some(n)
}

pub(super) const QUALIFIERS: &[&str] = &[
    "no more than",
    "no fewer than",
    "no less than",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "close to",
    "upwards of",
    "just over",
    "just under",
    "well over",
    "an estimated",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "only",
    "estimated",
    "exactly",
];

pub(super) const VAGUE: &[(&str, f64)] = &[
    ("hundreds of thousands of", 200_000.0),
    ("tens of thousands of", 20_000.0),
    ("tens of millions of", 20_000_000.0),
    ("hundreds of millions of", 200_000_000.0),
    ("dozens of", 24.0),
    ("scores of", 40.0),
    ("hundreds of", 200.0),
    ("thousands of", 2000.0),
    ("millions of", 2_000_000.0),
    ("billions of", 2_000_000_000.0),
];

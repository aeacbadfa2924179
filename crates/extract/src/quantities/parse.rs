//! The parser: a quantity read at a token, from qualifier and currency to unit and counted noun.
use super::numbers::{QUALIFIERS, VAGUE, number_word, scale_of};
use super::units::{Unit, currency_with, currency_word, is_age_unit, round, u, unit_of};
use super::words::{COMMON_VERBS, MONTHS, STOP_AFTER};
use super::{K, Parser};
use newsdesk_model::Quantity;

/// ISO 4217 codes read as currencies before or after a number.
const ISO_CODES: [&str; 14] = [
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "RUB", "TRY", "CAD", "AUD", "PLN", "SEK",
    "NOK",
];

impl<'a> Parser<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(K::Punct(c))
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn joined(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }

    /// The lower-case form of token `i` (computed once per text).
    fn low(&self, i: usize) -> &'a str {
        self.lows.get(i).map_or("", |l| l.as_ref())
    }

    fn parse_num(&self, i: usize) -> Option<f64> {
        let t = self.t(i);
        if self.decimal_comma {
            return parse_decimal_comma(t);
        }
        // `1,500` and `1.5`; a comma followed by other than three digits is not a separator
        let parts: Vec<&str> = t.split(',').collect();
        if parts.len() > 1
            && parts
                .iter()
                .skip(1)
                .any(|p| p.split('.').next().is_none_or(|x| x.len() != 3))
        {
            return None;
        }
        t.replace(',', "").parse::<f64>().ok()
    }

    /// A qualifier ending right before token `i`: (first token, words).
    fn qualifier_before(&self, i: usize) -> Option<(usize, String)> {
        for q in QUALIFIERS {
            let words: Vec<&str> = q.split(' ').collect();
            let n = words.len();
            if i < n {
                continue;
            }
            let a = i - n;
            if (0..n).all(|k| {
                words
                    .get(k)
                    .is_some_and(|w| self.low(a + k) == *w && self.kind(a + k) == Some(K::Word))
            }) {
                return Some((a, (*q).to_string()));
            }
        }
        None
    }

    /// A currency symbol or ISO 4217 code at token `j` (after a number: `2,5 €`, `100 EUR`).
    fn currency_symbol_at(&self, j: usize) -> Option<&'static str> {
        match self.kind(j)? {
            K::Punct('€') => Some("EUR"),
            K::Punct('£') => Some("GBP"),
            K::Punct('¥') => Some("JPY"),
            K::Punct('₹') => Some("INR"),
            K::Punct('$') => Some("USD"),
            K::Word => {
                let t = self.t(j);
                ISO_CODES.into_iter().find(|c| *c == t)
            }
            K::Num | K::Punct(_) => None,
        }
    }

    /// Currency symbol(s) ending right before token `i`: (first token, code).
    fn currency_before(&self, i: usize) -> Option<(usize, &'static str)> {
        let prev = i.checked_sub(1)?;
        let code = match self.kind(prev)? {
            K::Punct('$') => {
                // US$, C$, A$, HK$
                if prev > 0 && self.joined(prev - 1) && self.kind(prev - 1) == Some(K::Word) {
                    let c = match self.t(prev - 1) {
                        "US" | "U.S" => Some("USD"),
                        "C" | "CAD" => Some("CAD"),
                        "A" | "AU" => Some("AUD"),
                        "HK" => Some("HKD"),
                        "NZ" => Some("NZD"),
                        "S" => Some("SGD"),
                        _ => None,
                    };
                    if let Some(c) = c {
                        return Some((prev - 1, c));
                    }
                }
                "USD"
            }
            K::Punct('£') => "GBP",
            K::Punct('€') => "EUR",
            K::Punct('¥') => "JPY",
            K::Punct('₹') => "INR",
            K::Word => match self.t(prev) {
                "Rs" | "Rs." => "INR",
                t => return ISO_CODES.into_iter().find(|c| *c == t).map(|c| (prev, c)),
            },
            _ => return None,
        };
        // `Rs.` tokenises as `Rs` `.`
        Some((prev, code))
    }

    /// Reads a number at `i`: digits or number words (`twenty-five`, `one hundred`).
    /// Returns (value, last token, from words).
    fn read_number(&self, i: usize) -> Option<(f64, usize, bool)> {
        match self.kind(i)? {
            K::Num => Some((self.parse_num(i)?, i, false)),
            K::Word if self.words => {
                let mut v = number_word(self.t(i))?;
                let mut j = i;
                // twenty-five
                if v >= 20.0
                    && self.is_punct(j + 1, '-')
                    && self.joined(j)
                    && let Some(units) = number_word(self.t(j + 2)).filter(|u| *u < 10.0)
                {
                    v += units;
                    j += 2;
                } else if (20.0..100.0).contains(&v)
                    && v % 10.0 == 0.0
                    && self.kind(j + 1) == Some(K::Word)
                    && let Some(units) = number_word(self.t(j + 1)).filter(|u| *u < 10.0)
                {
                    // `Thirty four`, written without the hyphen
                    v += units;
                    j += 1;
                }
                Some((v, j, true))
            }
            K::Word | K::Punct(_) => None,
        }
    }

    fn excluded_number(&self, i: usize) -> bool {
        let t = self.t(i);
        // inside a name or code: M4, G20, COVID-19, F-16
        if i > 0 && self.joined(i - 1) {
            match self.kind(i - 1) {
                Some(K::Word) => return true,
                Some(K::Punct('-' | '/' | '.' | ':' | '#'))
                    if i > 1
                        && self.joined(i - 2)
                        && matches!(self.kind(i - 2), Some(K::Word | K::Num)) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        // clock times 22:00, 00.01
        if self.is_punct(i + 1, ':') && self.joined(i) && self.kind(i + 2) == Some(K::Num) {
            return true;
        }
        if let Some((int, frac)) = t.split_once('.')
            && int.len() == 2
            && int.starts_with('0')
            && frac.len() == 2
        {
            return true;
        }
        // ordinals 21st
        if self.joined(i) && matches!(self.low(i + 1), "st" | "nd" | "rd" | "th") {
            return true;
        }
        // citations [84]
        if self.is_punct(i.wrapping_sub(1), '[') && self.is_punct(i + 1, ']') {
            return true;
        }
        // dates: March 15, 15 March
        if i > 0 && MONTHS.contains(&self.low(i - 1).trim_end_matches('.')) {
            return true;
        }
        if i > 1 && self.is_punct(i - 1, '.') && MONTHS.contains(&self.low(i - 2)) {
            return true;
        }
        if MONTHS.contains(&self.low(i + 1))
            || (self.low(i + 1) == "of" && MONTHS.contains(&self.low(i + 2)))
        {
            return true;
        }
        // a capitalised name before it (`Russia 24`, `Section 3`), unless a sentence starts there
        if i > 0 && self.kind(i - 1) == Some(K::Word) {
            let w = self.t(i - 1);
            let cap = w.starts_with(char::is_uppercase);
            let function_word = STOP_AFTER.contains(&self.low(i - 1))
                || matches!(
                    self.low(i - 1),
                    "only" | "just" | "another" | "with" | "all"
                );
            let measured = {
                let n = self.t(i + 1);
                unit_of(n).is_some()
                    || currency_word(n).is_some()
                    || scale_of(n, false).is_some()
                    || self.is_punct(i + 1, '%')
                    || self.low(i + 1) == "to"
                    || self.low(i + 1) == "per"
            };
            if cap
                && !function_word
                && !measured
                && self.qualifier_before(i).is_none()
                && self.currency_before(i).is_none()
                && !w.chars().all(|c| c.is_uppercase())
            {
                return true;
            }
            if matches!(
                self.low(i - 1),
                "no" | "number"
                    | "page"
                    | "article"
                    | "section"
                    | "chapter"
                    | "resolution"
                    | "room"
                    | "route"
                    | "flight"
                    | "version"
            ) {
                return true;
            }
        }
        false
    }

    fn is_year(&self, i: usize, v: f64) -> bool {
        let t = self.t(i);
        t.len() == 4 && !t.contains([',', '.']) && (1800.0..=2100.0).contains(&v)
    }

    /// An age at `j` (`17-year-old`, `three-month-old`, `16-year old`): its last token.
    fn age_end(&self, j: usize) -> Option<usize> {
        self.age_after(self.read_number(j)?.1)
    }

    /// The age words after a number ending at `last` (`-year-old`, `-year old`): their
    /// last token.
    fn age_after(&self, last: usize) -> Option<usize> {
        let k = last + 1;
        if !(self.is_punct(k, '-') && self.joined(last) && is_age_unit(self.low(k + 1))) {
            return None;
        }
        if self.is_punct(k + 2, '-') && self.low(k + 3) == "old" {
            Some(k + 3)
        } else if self.low(k + 2) == "old" {
            Some(k + 2)
        } else {
            None
        }
    }

    /// What is counted: up to three words after `j` (inclusive start).
    fn counted_noun(&self, j: usize) -> Option<(String, usize)> {
        let mut words = Vec::new();
        let mut k = j;
        // `three other adult males`: a determiner-like first word leaves two for the noun
        let most = if matches!(self.low(j), "other" | "more" | "additional" | "further") {
            3
        } else {
            2
        };
        while words.len() < most && self.kind(k) == Some(K::Word) {
            let w = self.low(k);
            if STOP_AFTER.contains(&w) || COMMON_VERBS.contains(&w) || MONTHS.contains(&w) {
                break;
            }
            if w.ends_with("'s") || w.ends_with("’s") {
                // `people's life savings`: the owner is what is counted
                words.push(k);
                break;
            }
            if !words.is_empty()
                && (w.ends_with("ed")
                    || w.ends_with("ing")
                    || self.t(k).starts_with(char::is_uppercase))
            {
                break;
            }
            if !words.is_empty() && w.ends_with("ly") {
                break;
            }
            words.push(k);
            k += 1;
        }
        let last = *words.last()?;
        let s = self.toks.get(j)?.s;
        let e = self.toks.get(last)?.e;
        let noun = self.text.get(s..e)?;
        let noun = noun
            .strip_suffix("'s")
            .or_else(|| noun.strip_suffix("’s"))
            .unwrap_or(noun);
        Some((noun.to_string(), last))
    }

    /// A unit word at `j` (also `km2`, `sq km`, `square miles`, `per cent`): (unit, last token).
    fn unit_at(&self, j: usize) -> Option<(Unit, usize)> {
        let w = self.low(j);
        if w == "per" && self.low(j + 1) == "cent" {
            return Some((u("%", 1.0), j + 1));
        }
        if matches!(w, "sq" | "square") {
            let (base, last) = self.unit_at(j + 1 + usize::from(self.is_punct(j + 1, '.')))?;
            if base.symbol == "m" {
                return Some((u("m2", base.factor * base.factor), last));
            }
            return None;
        }
        if self.is_punct(j, '%') {
            return Some((u("%", 1.0), j));
        }
        if w == "percentage" && self.low(j + 1) == "points" {
            return Some((u("%", 1.0), j + 1));
        }
        if self.kind(j) != Some(K::Word) {
            return None;
        }
        let unit = unit_of(w)?;
        // `km2`
        if unit.symbol == "m" && self.joined(j) && self.t(j + 1) == "2" {
            return Some((u("m2", unit.factor * unit.factor), j + 1));
        }
        // single letters are units only right after the number (`6m`, `5t`)
        if w.len() == 1 && w != "%" {
            return None;
        }
        Some((unit, j))
    }

    pub(super) fn parse_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let mut start_tok = i;
        let mut qualifier: Option<String> = None;
        // vague plurals: dozens of troops
        let first = self.low(i);
        for (phrase, value) in VAGUE {
            if first.is_empty() || !phrase.starts_with(first) {
                continue;
            }
            if phrase
                .split(' ')
                .enumerate()
                .all(|(k, w)| self.low(i + k) == w)
            {
                let mut after = i + phrase.split(' ').count();
                if matches!(
                    self.low(after),
                    "his" | "her" | "their" | "its" | "the" | "our" | "these" | "those"
                ) {
                    after += 1;
                }
                let (of, last) = self.counted_noun(after)?;
                // `millions of dollars` is money
                if let Some((code, f)) = currency_word(&of) {
                    let q = self.make(
                        i,
                        last,
                        *value * f,
                        Some(code.to_string()),
                        Some((*phrase).to_string()),
                        None,
                        None,
                        false,
                    );
                    return Some((q, last + 1));
                }
                return Some((
                    self.make(
                        i,
                        last,
                        *value,
                        None,
                        Some((*phrase).to_string()),
                        Some(of),
                        None,
                        false,
                    ),
                    last + 1,
                ));
            }
        }
        // `a dozen`, `a hundred`
        let (mut value, mut last, words) = if self.low(i) == "a"
            && matches!(
                self.low(i + 1),
                "dozen" | "hundred" | "thousand" | "million" | "billion"
            ) {
            let v = if self.low(i + 1) == "dozen" {
                12.0
            } else {
                scale_of(self.t(i + 1), false)?
            };
            (v, i + 1, true)
        } else {
            self.read_number(i)?
        };
        if !words && self.excluded_number(i) {
            return None;
        }
        if let Some((a, q)) = self.qualifier_before(i) {
            start_tok = a;
            qualifier = Some(q);
        }
        let mut currency: Option<(&'static str, f64)> = None;
        if let Some((a, code)) = self.currency_before(i) {
            currency = Some((code, 1.0));
            if qualifier.is_none() {
                start_tok = a;
                if let Some((qa, q)) = self.qualifier_before(a) {
                    start_tok = qa;
                    qualifier = Some(q);
                }
            } else {
                start_tok = start_tok.min(a);
            }
        }
        // a range: 10-12, 10 to 12, between 5 and 7
        let mut value_max: Option<f64> = None;
        let between = i > 0 && self.low(i - 1) == "between";
        let range_sep = (self.is_punct(last + 1, '-') || self.is_punct(last + 1, '–'))
            && self.kind(last + 2) == Some(K::Num)
            || self.low(last + 1) == "to" && self.kind(last + 2) == Some(K::Num) && !words
            || between && self.low(last + 1) == "and" && self.kind(last + 2) == Some(K::Num);
        if range_sep
            && let Some(hi) = self.parse_num(last + 2)
            && hi > value
            && !(self.is_year(i, value) && self.is_year(last + 2, hi))
        {
            value_max = Some(hi);
            last += 2;
            if between {
                start_tok = i - 1;
            }
        }
        // scale words: one million, 1.5bn, $5m, 15.5 mln
        let mut j = last + 1;
        let mut scaled = false;
        if let Some(sc) = scale_of(self.t(j), currency.is_some() && self.joined(last))
            && (self.low(j) != "m" || self.joined(last))
        {
            value *= sc;
            value_max = value_max.map(|v| v * sc);
            last = j;
            j += 1;
            scaled = true;
            // one hundred thousand
            if let Some(sc2) = scale_of(self.t(j), false)
                && sc2 > sc
            {
                value *= sc2;
                value_max = value_max.map(|v| v * sc2);
                last = j;
                j += 1;
            }
        }
        // age: nine-year-old, also `16-year old`
        if let Some(end) = self.age_after(last) {
            let unit = unit_of(self.t(j + 1))?;
            // `16-year-old Cederrius Hastings`: a name after an age is the person, not
            // what is counted (`a 16-year-old Puyallup boy` counts the boy)
            let upper = |k: usize| self.t(k).starts_with(char::is_uppercase);
            let of = self
                .counted_noun(end + 1)
                .filter(|&(_, l)| !(upper(end + 1) && l == end + 1 && upper(end + 2)));
            let last_tok = of.as_ref().map_or(end, |o| o.1);
            return Some((
                self.make(
                    start_tok,
                    last_tok,
                    value * unit.factor,
                    Some(unit.symbol.to_string()),
                    qualifier,
                    of.map(|o| o.0),
                    None,
                    false,
                ),
                last_tok + 1,
            ));
        }
        // a symbol or ISO code after: `2,5 €`, `100 EUR`
        if currency.is_none()
            && let Some(code) = self.currency_symbol_at(j)
        {
            currency = Some((code, 1.0));
            last = j;
            j += 1;
        } else if currency.is_none() {
            // currency words after: 15.5 mln dlrs, Canadian dlrs, pounds sterling
            let (adj, cw) = if currency_word(self.t(j + 1)).is_some()
                && currency_with(self.t(j), "USD").is_some()
                || (self.low(j) == "u.s" && currency_word(self.t(j + 1)).is_some())
                || (self.low(j) == "hong" && self.low(j + 1) == "kong")
                || (matches!(self.low(j), "swiss" | "french" | "belgian")
                    && currency_word(self.t(j + 1)).is_some())
            {
                if self.low(j) == "hong" {
                    (Some("kong".to_string()), j + 2)
                } else {
                    (Some(self.low(j).to_string()), j + 1)
                }
            } else {
                (None, j)
            };
            let w = self.low(cw);
            let pounds_money =
                matches!(w, "pounds" | "pound") && (scaled || self.low(cw + 1) == "sterling");
            if let Some((code, f)) = currency_word(w).or(if pounds_money {
                Some(("GBP", 1.0))
            } else {
                None
            }) {
                let code = adj
                    .as_deref()
                    .and_then(|a| currency_with(a, code))
                    .unwrap_or(code);
                currency = Some((code, f));
                last = cw + usize::from(pounds_money && self.low(cw + 1) == "sterling");
                j = last + 1;
            }
        } else if let Some((code, f)) = currency_word(self.t(j)) {
            // $5 dollars is odd, but `£5 sterling` happens
            if code == currency.map_or("", |c| c.0) {
                currency = Some((code, f));
                last = j;
                j += 1;
            }
        }
        if let Some((code, f)) = currency {
            let of = if self.low(j) == "in" || self.low(j) == "of" {
                self.counted_noun(j + 1).filter(|_| false)
            } else {
                None
            };
            let _ = of;
            return Some((
                self.make(
                    start_tok,
                    last,
                    value * f,
                    Some(code.to_string()),
                    qualifier,
                    None,
                    value_max.map(|v| v * f),
                    false,
                ),
                last + 1,
            ));
        }
        // units, also hyphenated adjectives: 12-kilometre corridor
        let hyphen = self.is_punct(j, '-') && self.joined(last);
        let unit_tok = if hyphen { j + 1 } else { j };
        let unit = self.unit_at(unit_tok).or_else(|| {
            // 6km, 5t: a single-letter unit glued to the number
            if self.joined(last) && self.kind(unit_tok) == Some(K::Word) {
                unit_of(self.t(unit_tok)).map(|u| (u, unit_tok))
            } else {
                None
            }
        });
        if let Some((unit, ulast)) = unit {
            let mut last_tok = ulast;
            let mut mismatch = false;
            // dual units: 6km (3.7 miles)
            if self.is_punct(ulast + 1, '(')
                && let Some((v2, n2, _)) = self.read_number(ulast + 2)
            {
                let u2tok = n2 + 1;
                if let Some((unit2, u2last)) = self
                    .unit_at(u2tok)
                    .or_else(|| unit_of(self.t(u2tok)).map(|x| (x, u2tok)))
                    && unit2.symbol == unit.symbol
                    && self.is_punct(u2last + 1, ')')
                {
                    let a = value * unit.factor;
                    let b = v2 * unit2.factor;
                    mismatch = a > 0.0 && ((a - b).abs() / a) > 0.05;
                    last_tok = u2last + 1;
                }
            }
            // `12-kilometre corridor`: the noun measured
            let of = if hyphen {
                self.counted_noun(last_tok + 1)
            } else {
                None
            };
            let end_tok = of.as_ref().map_or(last_tok, |o| o.1);
            return Some((
                self.make(
                    start_tok,
                    end_tok,
                    value * unit.factor,
                    Some(unit.symbol.to_string()),
                    qualifier,
                    of.map(|o| o.0),
                    value_max.map(|v| v * unit.factor),
                    mismatch,
                ),
                end_tok + 1,
            ));
        }
        // a plain count
        if !scaled && value_max.is_none() && self.is_year(i, value) && !words {
            return None;
        }
        // `Two 17-year-old boys`: a number word before an age counts what follows
        // the age (the age stays a quantity of its own)
        let of = self.counted_noun(j).or_else(|| {
            if !words {
                return None;
            }
            let after_age = self.age_end(j)?;
            self.counted_noun(after_age + 1)
                .map(|(noun, _)| (noun, last))
        });
        if words && of.is_none() && !scaled {
            return None;
        }
        if words && value == 1.0 && !scaled {
            // `one` is mostly a pronoun: only before a plain noun
            let prev = self.low(i.wrapping_sub(1));
            if matches!(
                prev,
                "no" | "any" | "every" | "the" | "this" | "that" | "which" | "each"
            ) || self.low(j) == "of"
            {
                return None;
            }
        }
        // list numbers at the start of a paragraph (`1.`)
        if !words
            && self.is_punct(last + 1, '.')
            && self.toks.get(last + 2).is_some_and(|_| true)
            && i == 0
        {
            return None;
        }
        let end_tok = of.as_ref().map_or(last, |o| o.1);
        Some((
            self.make(
                start_tok,
                end_tok,
                value,
                None,
                qualifier,
                of.map(|o| o.0),
                value_max,
                false,
            ),
            end_tok + 1,
        ))
    }

    #[allow(clippy::too_many_arguments)] // one constructor for all the shapes above
    fn make(
        &self,
        a: usize,
        b: usize,
        value: f64,
        unit: Option<String>,
        qualifier: Option<String>,
        of: Option<String>,
        value_max: Option<f64>,
        conversion_mismatch: bool,
    ) -> Quantity {
        let start = self.toks.get(a).map_or(0, |t| t.s);
        let end = self.toks.get(b).map_or(start, |t| t.e).max(start);
        Quantity {
            text: self.text.get(start..end).unwrap_or("").to_string(),
            value: round(value),
            unit,
            qualifier,
            start,
            end,
            of,
            value_max: value_max.map(round),
            conversion_mismatch,
            count: None,
            period: None,
        }
    }
}

/// A number written with a decimal comma: `3,5`, `1.000.000`, `1.250,75`; a dot
/// followed by other than three digits is read as a decimal point (`3.5`).
fn parse_decimal_comma(t: &str) -> Option<f64> {
    let (int, frac) = match t.split_once(',') {
        Some((int, frac)) if !frac.contains([',', '.']) => (int, Some(frac)),
        Some(_) => return None,
        None => (t, None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let int_digits = if groups.len() > 1 && groups.iter().skip(1).all(|g| g.len() == 3) {
        groups.concat()
    } else if groups.len() == 2 && frac.is_none() {
        return t.parse::<f64>().ok();
    } else if groups.len() == 1 {
        int.to_string()
    } else {
        return None;
    };
    match frac {
        Some(f) => format!("{int_digits}.{f}").parse::<f64>().ok(),
        None => int_digits.parse::<f64>().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_decimal_comma;

    #[test]
    fn decimal_comma_numbers() {
        let cases = [
            ("3,5", Some(3.5)),
            ("1.000.000", Some(1_000_000.0)),
            ("1.250,75", Some(1250.75)),
            ("12", Some(12.0)),
            ("3.5", Some(3.5)),
            ("1,2,3", None),
            ("1.00.0", None),
        ];
        for (t, want) in cases {
            assert_eq!(parse_decimal_comma(t), want, "{t}");
        }
    }
}

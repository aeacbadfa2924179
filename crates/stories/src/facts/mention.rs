//! What one document says that can become a fact: its quantities, dates, quotes and
//! claims, each with the words around it.

use crate::text;
use newsdesk_model::{Document, FactValue};

/// The kind of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Quantity,
    Date,
    Quote,
    Claim,
}

/// One thing a document states, ready to be aligned with other documents' mentions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub(crate) kind: Kind,
    /// Index of the document among the story's originals.
    pub(crate) doc: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
    /// Quantities: the SI unit (None for counts). Dates: None.
    pub(crate) unit: Option<String>,
    /// Quantities: the value compared (a per-side distance doubled to a total width).
    pub(crate) number: f64,
    /// Quantities: half the place of the last digit written, in SI units.
    pub(crate) tolerance: f64,
    /// Dates: the ISO value (or TimeML where it says more). Quotes: the words.
    pub(crate) value: String,
    /// Quantities: the head word of what is counted or measured.
    pub(crate) of: Option<String>,
    /// The words of `of` as written, for the label.
    pub(crate) of_text: Option<String>,
    /// Quantities: `killed`, `injured`, ... when it counts people affected.
    pub(crate) count: Option<String>,
    /// Counts: the count covers a period the text names (`since January`), so it is not
    /// the event's own.
    pub(crate) period: bool,
    /// Quotes and claims: the speaker's last name, normalised.
    pub(crate) speaker: Option<String>,
    /// Quotes and claims: the speaker as the document names them.
    pub(crate) speaker_name: Option<String>,
    /// Content words of the sentence around the mention (for quotes: of the quote), sorted.
    pub(crate) context: Vec<String>,
}

impl Mention {
    /// The value a report shows.
    pub(crate) fn report_value(&self) -> FactValue {
        match self.kind {
            Kind::Quantity => FactValue::Number(self.number),
            _ => FactValue::Text(self.value.clone()),
        }
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
pub(crate) fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence around `[start, end)`: from after the previous `.`, `!`, `?` or line break
/// (at most 200 bytes back) to the next one (at most 200 bytes on).
pub(crate) fn sentence(t: &str, start: usize, end: usize) -> (usize, usize) {
    let start = floor(t, start);
    let end = ceil(t, end.max(start));
    let lo = floor(t, start.saturating_sub(200));
    let hi = ceil(t, end + 200);
    let before = &t[lo..start];
    let a = before
        .rfind(['\n', '!', '?'])
        .or_else(|| before.rfind(". "))
        .map_or(lo, |i| lo + i + 1);
    let after = &t[end..hi];
    let b = after
        .find(['\n', '!', '?'])
        .into_iter()
        .chain(after.find(". "))
        .min()
        .map_or(hi, |i| end + i + 1);
    (ceil(t, a), floor(t, b.max(a)))
}

fn context_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = text::content_words(s).collect();
    w.sort();
    w.dedup();
    w
}

/// Every mention of one document.
pub(crate) fn mentions(doc: &Document, index: usize) -> Vec<Mention> {
    let t = doc.article.text.as_str();
    let x = &doc.extraction;
    let mut out = Vec::new();
    let around = |start: usize, end: usize| {
        let (a, b) = sentence(t, start, end);
        context_words(t.get(a..b).unwrap_or_default())
    };

    // quantities, with a per-side distance turned into the total it bounds
    let qs = &x.quantities;
    let mut used = vec![false; qs.len()];
    for (i, q) in qs.iter().enumerate() {
        if used[i] || !q.value.is_finite() || q.end > t.len() || q.start > q.end {
            continue;
        }
        let mut start = q.start;
        let mut end = q.end;
        let mut number = q.value;
        let mut tolerance = tolerance(&q.text, q.value);
        if q.unit.as_deref() == Some("m") {
            let tail = t
                .get(q.end..ceil(t, q.end + 24))
                .unwrap_or_default()
                .to_lowercase();
            if let Some(k) = [
                "on each side",
                "on either side",
                "each side",
                "either side",
                "on both sides",
            ]
            .iter()
            .find_map(|p| tail.find(p).map(|k| k + p.len()))
            {
                number *= 2.0;
                tolerance *= 2.0;
                end = ceil(t, q.end + k);
            } else if let Some(dir) = direction(&tail) {
                // `6km to the north and 6km to the south`: one width told in two halves
                for (j, r) in qs.iter().enumerate().skip(i + 1) {
                    if r.start > end + 40 || r.start < q.end {
                        break;
                    }
                    let rtail = t
                        .get(r.end..ceil(t, r.end + 24))
                        .unwrap_or_default()
                        .to_lowercase();
                    if r.unit.as_deref() == Some("m")
                        && direction(&rtail).is_some_and(|d| opposite(d, dir))
                    {
                        number = q.value + r.value;
                        tolerance += self::tolerance(&r.text, r.value);
                        used[j] = true;
                        let k = rtail
                            .find(direction_word(&rtail).unwrap_or(""))
                            .unwrap_or(0);
                        end = ceil(t, r.end + k + direction_word(&rtail).map_or(0, str::len));
                        break;
                    }
                }
            }
        }
        start = floor(t, start);
        end = ceil(t, end);
        used[i] = true;
        let of =
            q.of.as_deref()
                .and_then(|o| o.split_whitespace().last())
                .map(text::normalise_word);
        out.push(Mention {
            kind: Kind::Quantity,
            doc: index,
            start,
            end,
            text: t.get(start..end).unwrap_or(&q.text).to_string(),
            unit: q.unit.clone(),
            number,
            tolerance,
            value: String::new(),
            of,
            of_text: q.of.clone(),
            count: q.count.clone(),
            period: q.period.is_some(),
            speaker: None,
            speaker_name: None,
            context: around(q.start, q.end),
        });
    }

    let published = doc.article.published.map(|d| d.to_string());
    for d in &x.dates {
        if d.end > t.len() || d.start > d.end {
            continue;
        }
        let value = d.timex.clone().unwrap_or_else(|| d.value.clone());
        // the publication day itself and references to the present say nothing new
        if value.ends_with("_REF") || Some(&value) == published.as_ref() {
            continue;
        }
        out.push(Mention {
            kind: Kind::Date,
            doc: index,
            start: d.start,
            end: d.end,
            text: d.text.clone(),
            unit: None,
            number: 0.0,
            tolerance: 0.0,
            value,
            of: None,
            of_text: None,
            count: None,
            period: false,
            speaker: None,
            speaker_name: None,
            context: around(d.start, d.end),
        });
    }

    let speech = x
        .quotes
        .iter()
        .map(|q| (Kind::Quote, &q.text, &q.speaker, q.start, q.end))
        .chain(
            x.claims
                .iter()
                .map(|c| (Kind::Claim, &c.text, &c.speaker, c.start, c.end)),
        );
    for (kind, words, speaker, start, end) in speech {
        let context = context_words(words);
        if context.len() < 2 || end > t.len() || start > end {
            continue;
        }
        out.push(Mention {
            kind,
            doc: index,
            start,
            end,
            text: t.get(start..end).unwrap_or(words).to_string(),
            unit: None,
            number: 0.0,
            tolerance: 0.0,
            value: words.clone(),
            of: None,
            of_text: None,
            count: None,
            period: false,
            speaker: speaker
                .as_deref()
                .and_then(|s| s.split_whitespace().last())
                .map(|s| text::normalise_word(s.rsplit('-').next().unwrap_or(s))),
            speaker_name: speaker.clone(),
            context,
        });
    }
    out
}

const DIRECTIONS: [&str; 4] = ["north", "south", "east", "west"];

fn direction_word(tail: &str) -> Option<&'static str> {
    let head = tail.trim_start();
    let head = head
        .strip_prefix("to the ")
        .or_else(|| head.strip_prefix("to "))
        .unwrap_or(head);
    DIRECTIONS.into_iter().find(|d| head.starts_with(d))
}

fn direction(tail: &str) -> Option<&'static str> {
    direction_word(tail)
}

fn opposite(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("north", "south") | ("south", "north") | ("east", "west") | ("west", "east")
    )
}

/// Half the place of the last digit the text writes, in the value's SI units: `6km` ->
/// 500 m, `3.7 miles` -> 0.05 mile, `six hours` -> half an hour.
pub(crate) fn tolerance(written: &str, value: f64) -> f64 {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    let (number, decimals) = if digits.is_empty() {
        (None, 0)
    } else {
        let plain = digits.replace(',', "");
        let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
        (plain.parse::<f64>().ok(), decimals)
    };
    let half = 0.5 * 10f64.powi(-(decimals as i32));
    match number {
        Some(n) if n > 0.0 => half * (value / n).abs(),
        // a number in words: the unit is its precision
        _ => {
            let words = word_number(written).unwrap_or(1.0);
            if words > 0.0 {
                0.5 * (value / words).abs()
            } else {
                0.5
            }
        }
    }
}

fn word_number(s: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 20] = [
        ("a ", 1.0),
        ("an ", 1.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("dozen", 12.0),
        ("twenty", 20.0),
        ("hundred", 100.0),
        ("thousand", 1000.0),
        ("million", 1e6),
        ("billion", 1e9),
    ];
    let l = s.to_lowercase();
    WORDS
        .iter()
        .filter_map(|(w, n)| l.find(w).map(|i| (i, *n)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, n)| n)
}

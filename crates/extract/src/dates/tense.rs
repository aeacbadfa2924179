//! The sentence around a mention and the tense that points a date forward or back.
use regex::Regex;
use std::sync::LazyLock;

/// The word before byte `s`, lowercase (letters only).
pub(super) fn word_before(t: &str, s: usize) -> String {
    let rev: String = t
        .get(..s)
        .unwrap_or_default()
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    rev.chars().rev().collect::<String>().to_lowercase()
}

/// The word after byte `e`, lowercase (letters only).
pub(super) fn word_after(t: &str, e: usize) -> String {
    t.get(e..)
        .unwrap_or_default()
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// How far ahead of publication a date without a year may lie (about four
/// months) when nothing in its sentence speaks of the future.
const FUTURE_WINDOW_DAYS: i64 = 130;

/// Words a sentence does not end with: a line break after one of them is a
/// hard wrap.
const OPEN_WORDS: &[&str] = &[
    "in", "on", "of", "the", "a", "an", "to", "by", "for", "at", "and", "or", "from", "until",
    "since", "early", "late", "mid", "last", "next", "this", "that", "with", "as", "than",
    "between", "before", "after", "during", "through",
];

/// The sentence around byte `at`: from after the previous `. ` / line break to the next.
pub(super) fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
    let is_end = |i: usize, c: char| -> bool {
        if c == '\n' {
            // a hard-wrapped line goes on in lowercase or with a number, or
            // after a comma or a word that cannot end a sentence
            let next = text.get(i + 1..).and_then(|r| r.chars().next());
            if next.is_some_and(|d| d.is_lowercase() || d.is_ascii_digit()) {
                return false;
            }
            let line = text.get(..i).unwrap_or_default();
            let last = word_before(text, i);
            let open = line.ends_with(',')
                || OPEN_WORDS.contains(&last.as_str())
                    && line.ends_with(|c: char| c.is_alphabetic());
            return !open;
        }
        if !matches!(c, '.' | '!' | '?') {
            return false;
        }
        let word: String = text
            .get(..i)
            .unwrap_or("")
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '.')
            .take(20)
            .collect();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // `word` reads backwards: `sv` is `vs.`
        let lower_abbrev = matches!(word.as_str(), "sv" | "xorppa" | "fc" | "ac" | "lcni");
        if c == '.'
            && (word.contains('.')
                || letters == 1
                || lower_abbrev
                || (letters <= 4 && word.chars().last().is_some_and(char::is_uppercase)))
        {
            return false;
        }
        let rest = text.get(i + 1..).unwrap_or("");
        let trimmed = rest.trim_start();
        trimmed.len() < rest.len()
            && trimmed.starts_with(|d: char| d.is_uppercase() || d == '"' || d == '“')
    };
    // a sentence longer than this is a list or a table: cut it there, so
    // that each lookup stays bounded
    const REACH: usize = 600;
    let mut lo = at.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut s = lo;
    for (i, c) in text.get(lo..at).unwrap_or("").char_indices() {
        if is_end(lo + i, c) {
            s = lo + i + 1;
        }
    }
    let mut e = text.len();
    for (i, c) in text.get(at..).unwrap_or("").char_indices().take(REACH) {
        if is_end(at + i, c) {
            e = at + i;
            break;
        }
    }
    (s, e)
}

static FUTURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|shall|going to|plans? to|planning to|scheduled|expected to|(?:is|are|be)\s+due|is to|are to|upcoming)(?-u:\b)|'ll(?-u:\b)").ok()
});

/// Past-tense verbs: a verb ending in `-ed` or a common irregular one.
static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:[a-z]{3,}ed|was|were|had|did|said|told|came|went|took|made|met|began|left|saw|gave|held|won|lost|fell|rose|got|found|became|brought|sent|spoke|wrote|struck|fought|paid|sold|bought|led|kept|ran|shot|hit|put|set)(?-u:\b)").ok()
});

/// Whether the mention at `at` sits in a sentence about the future: the
/// nearest tense marker before it in its sentence (or, failing one, after it)
/// is a future one (`will`, `scheduled`...) rather than a past verb.
pub(super) fn future_context(text: &str, at: usize) -> bool {
    tense(text, at) == Tense::Future
}

/// The tense of the sentence around a mention, as its nearest marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Future,
    Past,
    Unknown,
}

/// The nearest tense marker before byte `at` in its sentence (or, failing
/// one, the first after it): a future one (`will`, `scheduled`...) or a past
/// verb.
pub(super) fn tense(text: &str, at: usize) -> Tense {
    let (s, e) = sentence_bounds(text, at);
    let (Some(fut), Some(past)) = (FUTURE.as_ref(), PAST.as_ref()) else {
        return Tense::Unknown;
    };
    // a future marker that is also a past form (`scheduled`) wins the tie
    let pick = |f: Option<usize>, p: Option<usize>, later_wins: bool| match (f, p) {
        (Some(f), Some(p)) if f == p || (f > p) == later_wins => Some(Tense::Future),
        (Some(_), Some(_)) => Some(Tense::Past),
        (Some(_), None) => Some(Tense::Future),
        (None, Some(_)) => Some(Tense::Past),
        (None, None) => None,
    };
    let before = text.get(s..at.max(s)).unwrap_or_default();
    let last = |re: &Regex| re.find_iter(before).last().map(|x| x.end());
    if let Some(t) = pick(last(fut), last(past), true) {
        return t;
    }
    let after = text.get(at.min(e)..e).unwrap_or_default();
    let first = |re: &Regex| re.find(after).map(|x| x.start());
    pick(first(fut), first(past), false).unwrap_or(Tense::Unknown)
}

/// A complement that points forward from a past verb: `decided to admit
/// ... in March`, `planned for March`, `postponed until Tuesday`.
static FORWARD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:to|for|until|till)(?-u:\b)").ok());

/// Verbs that move an event later: with `until`/`to` right before the date
/// they name the new, later time (`postponed until Tuesday morning`,
/// `extended its deadline until 9 a.m. Tuesday`).
static POSTPONED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:postpon|delay|defer|adjourn|extend|reschedul|put\s+off|push(?:ed|es)?\s+back)[a-z]*(?-u:\b)[^.;!?]{0,80}?(?-u:\b)(?:until|till|to)\s+(?:(?:early|late)\s+)?(?:on\s+)?$").ok()
});

/// Whether a verb of postponement points forward to the date at `at`.
fn postponed_to(text: &str, at: usize) -> bool {
    let (s, _) = sentence_bounds(text, at);
    let before = text.get(s..at.max(s)).unwrap_or_default();
    POSTPONED.as_ref().is_some_and(|re| re.is_match(before))
}

/// Which way a bare weekday at `at` points: forward after a verb of
/// postponement (`postponed until Tuesday`) or in a sentence about the future.
pub(super) fn weekday_direction(text: &str, at: usize) -> Tense {
    if postponed_to(text, at) {
        Tense::Future
    } else {
        tense(text, at)
    }
}

/// Verbs of saying: their tense tells when something was said, not when
/// what was said happens (`he said the offer would be made in April`).
const REPORTING: &[&str] = &[
    "said",
    "told",
    "added",
    "stated",
    "noted",
    "reported",
    "announced",
    "declared",
    "explained",
    "insisted",
    "warned",
    "predicted",
    "argued",
    "claimed",
    "confirmed",
    "acknowledged",
    "disclosed",
    "revealed",
    "indicated",
    "suggested",
    "estimated",
];

/// Words in `-ed` that are no past verb, and participles that look ahead
/// (`the planned merger`, `completion expected in May`).
const NOT_PAST: &[&str] = &[
    "hundred",
    "indeed",
    "need",
    "proceed",
    "exceed",
    "succeed",
    "speed",
    "feed",
    "seed",
    "united",
    "limited",
    "based",
    "expected",
    "planned",
    "scheduled",
    "proposed",
    "intended",
    "anticipated",
    "projected",
    "forecasted",
    "slated",
    "set",
];

/// The tense of the event a bare month at `at..end` dates, as a careful
/// reader takes it from the verb that governs it: the nearest marker at
/// most [`NEAR_VERB_WORDS`] words before it, else one right after it; none
/// gives [`Tense::Unknown`]. Unlike [`tense`], verbs of saying,
/// present passives (`is expected in April`) and participles that look ahead
/// do not count as past, and a past verb followed by a complement that
/// points forward (`decided to admit them in March`, `set for May`) says
/// nothing about the date.
pub(super) fn event_tense(text: &str, at: usize, end: usize) -> Tense {
    if postponed_to(text, at) {
        return Tense::Future;
    }
    let (Some(fut), Some(past)) = (FUTURE.as_ref(), PAST.as_ref()) else {
        return Tense::Unknown;
    };
    let (s, e) = sentence_bounds(text, at);
    let markers = |lo: usize, hi: usize| -> Vec<(usize, usize, Tense)> {
        let seg = text.get(lo..hi).unwrap_or_default();
        // `was scheduled to`, `had planned to`: a plan of the past, whose
        // date may lie on either side of publication
        let mut v: Vec<(usize, usize, Tense)> = fut
            .find_iter(seg)
            .filter(|x| {
                !matches!(
                    word_before(text, lo + x.start()).as_str(),
                    "was" | "were" | "had"
                )
            })
            .map(|x| (lo + x.start(), lo + x.end(), Tense::Future))
            .collect();
        for x in past.find_iter(seg) {
            let w = x.as_str().to_lowercase();
            let prev = word_before(text, lo + x.start());
            // `is expected`, `to be made`: no past event
            let passive = matches!(prev.as_str(), "is" | "are" | "am" | "be" | "being" | "to");
            // `said in January` dates the saying; `said the offer would be
            // made in April` does not
            let far_saying = REPORTING.contains(&w.as_str())
                && text
                    .get(lo + x.end()..at)
                    .unwrap_or_default()
                    .split_whitespace()
                    .count()
                    > 2;
            let overlaps = v
                .iter()
                .any(|(fs, fe, _)| *fs < lo + x.end() && lo + x.start() < *fe);
            if far_saying || NOT_PAST.contains(&w.as_str()) || passive || overlaps {
                continue;
            }
            v.push((lo + x.start(), lo + x.end(), Tense::Past));
        }
        v.sort_unstable_by_key(|(s, e, _)| (*s, *e));
        v
    };
    let words = |a: usize, b: usize| {
        text.get(a..b)
            .unwrap_or_default()
            .split_whitespace()
            .count()
    };
    // the verb that governs `in March` stands right before it (`began in
    // March`, `lost office in March`) or right after the phrase (`in March
    // were asked`); a verb further away may belong to another clause
    if let Some(&(_, end, t)) = markers(s, at.max(s)).last()
        && words(end, at) <= NEAR_VERB_WORDS
    {
        let between = text.get(end..at).unwrap_or_default();
        let forward = FORWARD.as_ref().is_some_and(|re| re.is_match(between));
        return if t == Tense::Past && forward {
            Tense::Unknown
        } else {
            t
        };
    }
    // `to take effect by June were designed`: the verb after dates the
    // plan, not the month
    let lead: Vec<&str> = text
        .get(s..at.max(s))
        .unwrap_or_default()
        .split_whitespace()
        .rev()
        .take(NEAR_VERB_WORDS)
        .collect();
    if lead
        .iter()
        .any(|w| FORWARD.as_ref().is_some_and(|re| re.is_match(w)))
    {
        return Tense::Unknown;
    }
    // `In January, a week after ..., a bombing killed a guard`: a month
    // fronted before the comma dates the main clause, whose verb comes later
    let fronted = words(s, at) <= 2
        && text
            .get(end..e)
            .is_some_and(|r| r.trim_start().starts_with(','));
    match markers(end.min(e), e).first() {
        Some(&(ms, _, t)) if fronted || words(end, ms) <= 1 => t,
        _ => Tense::Unknown,
    }
}

/// How many words may stand between a month and the verb that dates it.
const NEAR_VERB_WORDS: usize = 4;

/// How far ahead of publication a date without a year may lie, in days.
pub(super) fn future_window(tense: Tense) -> i64 {
    // a past verb nearby is no reason to push a date a year back: news
    // reports what was decided for the coming weeks in the past tense
    // (`he subpoenaed him to testify on Feb. 10`)
    match tense {
        Tense::Future => i64::MAX / 4,
        Tense::Past | Tense::Unknown => FUTURE_WINDOW_DAYS,
    }
}

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
use foldhash::HashSet;
use newsdesk_model::{Entity, Label, Quote};
use std::sync::LazyLock;

/// Finds direct quotes in `text`; speakers are canonical names from `entities`.
pub(crate) fn find(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let spans = pair_marks(text);
    if spans.is_empty() {
        return Vec::new();
    }
    Doc::new(text, spans, entities).attribute()
}

// ---------------------------------------------------------------------------
// Pass 1: quotation marks
// ---------------------------------------------------------------------------

/// One quote as found by the mark pass.
#[derive(Debug, Clone)]
struct Span {
    /// Content ranges (one per paragraph), trimmed, in text order.
    parts: Vec<(usize, usize)>,
    /// Byte offset of the opening mark of the first part.
    open: usize,
    /// Byte offset one past the closing mark (or the content end when unclosed).
    close_end: usize,
    /// Whether the last part was closed by a mark.
    closed: bool,
    /// Paragraph index of the first and the last part.
    first_para: usize,
    last_para: usize,
}

/// A quote inside one paragraph, before continuation merging.
#[derive(Debug, Clone)]
struct Raw {
    open: usize,
    content: (usize, usize),
    close_end: usize,
    closed: bool,
    at_para_start: bool,
    after_colon_or_comma: bool,
    para: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    Straight,
    OpenSingle,
    CloseSingle,
}

/// Splits `text` into paragraphs: blank lines, or a line break after a
/// sentence end followed by a capital or a quotation mark.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));
    let mut paras = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (s, e) in lines {
        let line = text.get(s..e).unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = cur.take() {
                paras.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let ls = s + lead;
        let le = s + line.trim_end().len();
        match cur {
            None => cur = Some((ls, le)),
            Some((ps, pe)) => {
                let prev_end = text.get(ps..pe).and_then(|t| t.chars().last());
                let first = trimmed.chars().next();
                let breaks = matches!(
                    prev_end,
                    Some('.' | '?' | '!' | ':' | '"' | '”' | '’' | ']')
                ) && first.is_some_and(|c| c.is_uppercase() || is_open_like(c));
                if breaks {
                    paras.push((ps, pe));
                    cur = Some((ls, le));
                } else {
                    cur = Some((ps, le));
                }
            }
        }
    }
    if let Some(p) = cur {
        paras.push(p);
    }
    paras
}

fn is_open_like(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„' | '`' | '\'')
}

fn is_dash_or_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
}

/// Classifies the mark at `i` (a char boundary); returns the mark and its byte length.
fn classify(text: &str, i: usize, c: char) -> Option<(Mark, usize)> {
    let prev = text.get(..i).and_then(|t| t.chars().next_back());
    let next = text.get(i + c.len_utf8()..).and_then(|t| t.chars().next());
    let prev_space = prev.is_none_or(|p| p.is_whitespace() || is_dash_or_open_bracket(p));
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    let prev_alnum = prev.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => Some((Mark::OpenDouble, c.len_utf8())),
        '”' | '»' => Some((Mark::CloseDouble, c.len_utf8())),
        '"' => Some((Mark::Straight, 1)),
        '`' => (next == Some('`')).then_some((Mark::OpenDouble, 2)),
        '‘' => (next.is_some_and(|n| !n.is_whitespace())).then_some((Mark::OpenSingle, 3)),
        '\'' if next == Some('\'') => {
            let after = text.get(i + 2..).and_then(|t| t.chars().next());
            if prev_space && after.is_some_and(|a| !a.is_whitespace()) {
                Some((Mark::OpenDouble, 2))
            } else {
                Some((Mark::CloseDouble, 2))
            }
        }
        '\'' | '’' => {
            if prev_alnum && next_alnum {
                None // it's, don’t
            } else if prev_space && next.is_some_and(|n| n.is_alphanumeric() || n == '"') {
                // ’90s or 'em are rare enough; a straight or curly mark after a space opens
                (c == '\'').then_some((Mark::OpenSingle, 1))
            } else if !prev_space && !next_alnum {
                Some((Mark::CloseSingle, c.len_utf8()))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Trims whitespace (and a trailing comma) off a content range.
fn trim_content(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let inner = text.get(s..e)?;
    let lead = inner.len() - inner.trim_start().len();
    let mut t = inner.trim();
    while let Some(stripped) = t.strip_suffix(',') {
        t = stripped.trim_end();
    }
    let s2 = s + lead;
    let e2 = s2 + t.len();
    (t.chars().any(char::is_alphanumeric)).then_some((s2, e2))
}

/// Pairs marks paragraph by paragraph and merges multi-paragraph quotes.
/// A photo caption between the paragraphs of a quote: a short line ending in
/// a bracketed credit (`[Reuters]`), or with no sentence end and no quote mark.
fn is_caption(p: &str) -> bool {
    let p = p.trim();
    let short = p.split_whitespace().count() <= 30;
    short
        && (p.ends_with(']')
            || (!p.ends_with(['.', '?', '!', '"', '”', '’', '\'']) && !p.contains(['"', '“', '”'])))
}

fn pair_marks(text: &str) -> Vec<Span> {
    let paras = paragraphs(text);
    let mut raws: Vec<Raw> = Vec::new();
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let Some(ptext) = text.get(ps..pe) else {
            continue;
        };
        // (mark offset, content start, was at paragraph start, after colon/comma)
        let mut dbl: Option<(usize, usize, bool, bool)> = None;
        let mut sgl: Option<(usize, usize, bool, bool)> = None;
        let mut skip_until = 0;
        for (rel, c) in ptext.char_indices() {
            let i = ps + rel;
            if i < skip_until {
                continue;
            }
            let Some((mark, len)) = classify(text, i, c) else {
                continue;
            };
            skip_until = i + len;
            let at_start = text.get(ps..i).is_some_and(|t| t.trim().is_empty());
            let after_cc = text
                .get(ps..i)
                .and_then(|t| t.trim_end().chars().next_back())
                .is_some_and(|p| matches!(p, ':' | ','));
            let prev = text.get(..i).and_then(|t| t.chars().next_back());
            let next = text.get(i + len..).and_then(|t| t.chars().next());
            let looks_open = prev.is_none_or(|p| p.is_whitespace() || is_dash_or_open_bracket(p))
                && next.is_some_and(|n| !n.is_whitespace());
            let close_dbl = |o: (usize, usize, bool, bool), raws: &mut Vec<Raw>| {
                if let Some(content) = trim_content(text, o.1, i) {
                    raws.push(Raw {
                        open: o.0,
                        content,
                        close_end: i + len,
                        closed: true,
                        at_para_start: o.2,
                        after_colon_or_comma: o.3,
                        para: pi,
                    });
                }
            };
            match mark {
                Mark::OpenDouble => match dbl {
                    Some(o) if !looks_open => {
                        close_dbl(o, &mut raws);
                        dbl = None;
                        sgl = None;
                    }
                    _ => {
                        dbl = Some((i, i + len, at_start, after_cc));
                        sgl = None;
                    }
                },
                Mark::CloseDouble => {
                    if let Some(o) = dbl.take() {
                        close_dbl(o, &mut raws);
                        sgl = None;
                    }
                }
                Mark::Straight => match dbl {
                    Some(o) => {
                        if looks_open && prev.is_some_and(char::is_whitespace) {
                            // `"abc "def` : the earlier mark was stray, this one opens
                            dbl = Some((i, i + len, at_start, after_cc));
                        } else {
                            close_dbl(o, &mut raws);
                            dbl = None;
                        }
                        sgl = None;
                    }
                    None => {
                        if next.is_some_and(|n| !n.is_whitespace()) {
                            dbl = Some((i, i + len, at_start, after_cc));
                            sgl = None;
                        }
                    }
                },
                Mark::OpenSingle => {
                    if sgl.is_none() {
                        sgl = Some((i, i + len, at_start, after_cc));
                    }
                }
                Mark::CloseSingle => {
                    if let Some(o) = sgl.take() {
                        // nested inside a double quote: part of that quote
                        if dbl.is_none()
                            && i.saturating_sub(o.1) <= 400
                            && let Some(content) = trim_content(text, o.1, i)
                        {
                            raws.push(Raw {
                                open: o.0,
                                content,
                                close_end: i + len,
                                closed: true,
                                at_para_start: o.2,
                                after_colon_or_comma: o.3,
                                para: pi,
                            });
                        }
                    }
                }
            }
        }
        if let Some(o) = dbl
            && let Some(content) = trim_content(text, o.1, pe)
        {
            raws.push(Raw {
                open: o.0,
                content,
                close_end: content.1,
                closed: false,
                at_para_start: o.2,
                after_colon_or_comma: o.3,
                para: pi,
            });
        }
    }
    raws.sort_by_key(|r| r.open);
    // merge continuations
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < raws.len() {
        let Some(first) = raws.get(i) else { break };
        let mut span = Span {
            parts: vec![first.content],
            open: first.open,
            close_end: first.close_end,
            closed: first.closed,
            first_para: first.para,
            last_para: first.para,
        };
        let mut keep = first.closed || first.at_para_start || first.after_colon_or_comma;
        let mut j = i + 1;
        while !span.closed {
            // the next paragraph, or the one after a photo caption
            let next_ok = |n: &Raw| {
                n.para == span.last_para + 1
                    || (n.para == span.last_para + 2
                        && paras
                            .get(span.last_para + 1)
                            .and_then(|&(s, e)| text.get(s..e))
                            .is_some_and(is_caption))
            };
            match raws.get(j) {
                Some(n) if next_ok(n) && n.at_para_start => {
                    span.parts.push(n.content);
                    span.close_end = n.close_end;
                    span.closed = n.closed;
                    span.last_para = n.para;
                    keep = true;
                    j += 1;
                }
                _ => break,
            }
        }
        let words: usize = span
            .parts
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap_or("").split_whitespace().count())
            .sum();
        if span.closed || (keep && words >= 2) {
            spans.push(span);
        }
        i = j;
    }
    spans
}

// ---------------------------------------------------------------------------
// Pass 2 and 3: attribution and speakers
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    kind: Kind,
    /// Index of the quote whose marks enclose this token.
    quote: Option<usize>,
    para: usize,
}

/// A resolved speaker phrase.
#[derive(Debug, Clone)]
enum Subj {
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

struct Doc<'a> {
    text: &'a str,
    spans: Vec<Span>,
    entities: &'a [Entity],
    toks: Vec<Tok>,
    /// Sentence index per token.
    sent: Vec<usize>,
    /// Token index where each sentence starts.
    sent_start: Vec<usize>,
    names: Vec<FullName>,
    /// (token index, canonical person name) for pronoun resolution.
    salience: Vec<(usize, String)>,
    /// Lower-case form of every token.
    lows: Vec<String>,
    /// Paragraph byte ranges.
    paras: Vec<(usize, usize)>,
    /// Entity mentions sorted by start: (start, end, entity index).
    mention_index: Vec<(usize, usize, usize)>,
}

const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "states",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "insisted",
    "insists",
    "argued",
    "argues",
    "declared",
    "declares",
    "announced",
    "announces",
    "wrote",
    "writes",
    "replied",
    "replies",
    "responded",
    "responds",
    "claimed",
    "claims",
    "continued",
    "continues",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "urged",
    "urges",
    "acknowledged",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "predicted",
    "suggested",
    "suggests",
    "countered",
    "tweeted",
    "posted",
    "quipped",
    "joked",
    "remarked",
    "observed",
    "cautioned",
    "concluded",
    "indicated",
    "accused",
    "accuses",
    "described",
    "describes",
    "called",
    "calls",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "promises",
    "complained",
    "complains",
    "conceded",
    "boasted",
    "lamented",
    "shouted",
    "yelled",
    "mused",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "threatened",
    "hoped",
    "believes",
    "believed",
    "thinks",
    "thought",
    "charged",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "pointed",
    "agreed",
    "testified",
    "wondered",
    "estimated",
    "announced",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "saying",
    "adding",
    "telling",
    "insisting",
    "noting",
    "arguing",
    "warning",
    "stressing",
    "explaining",
    "claiming",
    "asking",
    "writing",
    "calling",
    "describing",
    "accusing",
    "urging",
    "declaring",
    "vowing",
    "promising",
    "acknowledging",
    "emphasizing",
    "emphasising",
    "suggesting",
    "demanded",
    "demands",
    "asserted",
    "asserts",
    "asserting",
    "tweeting",
    "chanted",
    "chanting",
    "sang",
    "sings",
    "recounted",
    "reiterated",
    "reiterates",
    "retorted",
    "exclaimed",
    "pleaded",
    "scoffed",
    "snapped",
    "questioned",
    "wrote",
    "writing",
    "added",
    "announcing",
    "acknowledges",
    "likened",
    "attacked",
    "hailed",
    "blasted",
    "slammed",
    "praised",
    "criticized",
    "criticised",
    "condemned",
    "mocked",
    "derided",
    "dismissed",
    "citing",
    "quoting",
    "stating",
    "barked",
    "interjected",
    "interjecting",
    "repeated",
    "agrees",
];

const PARTICIPLE_SUFFIX: &str = "ing";

// The word lists as sets, built once.
static CUES_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| CUES.iter().copied().collect());
static STOP_CAPS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_CAPS.iter().copied().collect());
static TITLES_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().copied().collect());
static DEMONYMS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| DEMONYMS.iter().copied().collect());
static ORG_WORDS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ORG_WORDS.iter().copied().collect());
static ROLE_HEADS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_HEADS.iter().copied().collect());
static SKIP_BEFORE_VERB_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SKIP_BEFORE_VERB.iter().copied().collect());

const PRONOUNS: &[&str] = &["he", "she"];
const OTHER_PRONOUNS: &[&str] = &["they", "i", "we", "it", "you"];

const TITLES: &[&str] = &[
    "president",
    "presidents",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "secretary",
    "state",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "commander",
    "colonel",
    "col",
    "lt",
    "major",
    "maj",
    "captain",
    "capt",
    "sgt",
    "judge",
    "justice",
    "attorney",
    "vice",
    "deputy",
    "premier",
    "leader",
    "speaker",
    "lord",
    "lady",
    "sir",
    "dame",
    "rev",
    "reverend",
    "bishop",
    "archbishop",
    "cardinal",
    "imam",
    "rabbi",
    "ayatollah",
    "emir",
    "sultan",
    "crown",
    "former",
    "acting",
    "interim",
    "democratic",
    "republican",
    "presidential",
    "nominee",
    "candidate",
    "house",
    "senate",
    "majority",
    "minority",
    "whip",
    "democrat",
    "sec",
    "coach",
    "analyst",
    "professor",
    "officer",
    "agent",
    "economist",
    "expert",
    "reporter",
    "correspondent",
    "editor",
    "founder",
    "executive",
    "manager",
    "u.s",
    "us",
    "chair",
    "first",
];

const DEMONYMS: &[&str] = &[
    "turkish",
    "russian",
    "syrian",
    "american",
    "british",
    "french",
    "german",
    "chinese",
    "japanese",
    "iranian",
    "iraqi",
    "israeli",
    "palestinian",
    "egyptian",
    "saudi",
    "indian",
    "pakistani",
    "afghan",
    "kurdish",
    "ukrainian",
    "polish",
    "italian",
    "spanish",
    "canadian",
    "mexican",
    "brazilian",
    "australian",
    "korean",
    "lebanese",
    "jordanian",
    "qatari",
    "emirati",
    "yemeni",
    "libyan",
    "tunisian",
    "algerian",
    "moroccan",
    "nigerian",
    "kenyan",
    "ethiopian",
    "european",
    "greek",
    "dutch",
    "belgian",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "swiss",
    "austrian",
    "hungarian",
    "czech",
    "romanian",
    "bulgarian",
    "serbian",
    "croatian",
    "belarusian",
    "georgian",
    "armenian",
    "azerbaijani",
    "venezuelan",
    "colombian",
    "argentine",
    "chilean",
    "peruvian",
    "cuban",
    "filipino",
    "indonesian",
    "malaysian",
    "thai",
    "vietnamese",
    "bangladeshi",
    "somali",
    "sudanese",
    "irish",
    "scottish",
    "welsh",
    "english",
    "portuguese",
    "taiwanese",
    "bahraini",
    "kuwaiti",
    "omani",
    "south",
    "north",
    "u.s",
    "us",
    "un",
    "eu",
];

const ORG_WORDS: &[&str] = &[
    "council",
    "ministry",
    "agency",
    "brigades",
    "party",
    "news",
    "post",
    "times",
    "union",
    "nations",
    "committee",
    "court",
    "congress",
    "department",
    "office",
    "bank",
    "group",
    "company",
    "corp",
    "inc",
    "ltd",
    "university",
    "institute",
    "army",
    "forces",
    "police",
    "government",
    "association",
    "organisation",
    "organization",
    "foundation",
    "movement",
    "front",
    "network",
    "channel",
    "service",
    "commission",
    "assembly",
    "parliament",
    "republic",
    "kingdom",
    "states",
    "street",
    "road",
    "province",
    "river",
    "sea",
    "ocean",
    "island",
    "airport",
    "journal",
    "herald",
    "press",
    "reuters",
    "jazeera",
    "helmets",
    "brotherhood",
    "kremlin",
    "white",
    "campaign",
    "center",
    "centre",
    "school",
    "club",
    "fund",
    "board",
    "county",
    "city",
    "east",
    "west",
    "media",
    "tv",
    "radio",
    "magazine",
    "daily",
    "tribune",
    "guardian",
    "telegraph",
    "globe",
    "review",
    "project",
    "coalition",
    "alliance",
    "federation",
    "league",
    "society",
    "trust",
    "hospital",
    "church",
    "mosque",
    "co",
    "llc",
    "group",
];

const STOP_CAPS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "of",
    "to",
    "with",
    "by",
    "from",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "despite",
    "during",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "then",
    "now",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "we",
    "they",
    "he",
    "she",
    "i",
    "you",
    "also",
    "still",
    "instead",
    "according",
    "last",
    "next",
    "more",
    "most",
    "some",
    "many",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "until",
    "though",
    "although",
    "because",
    "even",
    "today",
    "yesterday",
    "tomorrow",
    "separately",
    "elsewhere",
    "asked",
    "said",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "one",
    "two",
    "three",
    "read",
    "more",
];

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "den", "du", "la", "le",
    "abu", "bint", "del", "dos", "ter",
];

const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "previously",
    "has",
    "have",
    "had",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "could",
    "recently",
    "once",
    "repeatedly",
    "subsequently",
    "initially",
    "reportedly",
    "earlier",
    "now",
    "just",
    "already",
    "himself",
    "herself",
    "once",
    "publicly",
    "privately",
    "separately",
    "often",
    "frequently",
    "simply",
    "flatly",
    "angrily",
    "quickly",
    "finally",
    "bluntly",
    "openly",
];

/// Heads of noun phrases through which an organisation speaks: `a Kremlin
/// spokesman`, `the IMF report`.
const ORG_SPEECH_HEADS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "report",
    "statement",
    "release",
    "website",
    "document",
    "editorial",
    "article",
    "official",
    "officials",
    "source",
    "sources",
];

const ROLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "secretary",
    "ambassador",
    "governor",
    "senator",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "premier",
    "commander",
    "general",
    "chairman",
    "chairwoman",
    "director",
    "envoy",
    "candidate",
    "nominee",
    "congressman",
    "congresswoman",
    "lawmaker",
    "official",
    "counterpart",
    "host",
    "judge",
    "justice",
    "pope",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s)
}

fn is_possessive(s: &str) -> bool {
    s.ends_with("'s") || s.ends_with("’s")
}

fn tokenize(text: &str, spans: &[Span], paras: &[(usize, usize)]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '-' | '.' | '\'' | '’' | '&') {
                    let after = text.get(j + d.len_utf8()..).and_then(|t| t.chars().next());
                    if after.is_some_and(char::is_alphanumeric) {
                        e = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok {
                s: i,
                e,
                kind: Kind::Word,
                quote: None,
                para: 0,
            });
        } else {
            toks.push(Tok {
                s: i,
                e: i + c.len_utf8(),
                kind: Kind::Punct(c),
                quote: None,
                para: 0,
            });
        }
    }
    let mut qi = 0;
    let mut pi = 0;
    for t in &mut toks {
        while let Some(sp) = spans.get(qi) {
            if sp.close_end <= t.s {
                qi += 1;
            } else {
                break;
            }
        }
        if let Some(sp) = spans.get(qi)
            && sp.open <= t.s
            && t.s < sp.close_end
        {
            t.quote = Some(qi);
        }
        while let Some(&(_, pe)) = paras.get(pi) {
            if pe <= t.s && pi + 1 < paras.len() {
                pi += 1;
            } else {
                break;
            }
        }
        t.para = pi;
    }
    toks
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "mt", "ft", "u.s", "u.n", "u.k", "e.g", "i.e", "rev", "sec", "gov",
];

impl<'a> Doc<'a> {
    fn new(text: &'a str, spans: Vec<Span>, entities: &'a [Entity]) -> Doc<'a> {
        let paras = paragraphs(text);
        let toks = tokenize(text, &spans, &paras);
        let lows = toks
            .iter()
            .map(|t| lower(text.get(t.s..t.e).unwrap_or("")))
            .collect();
        let mut mention_index: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(ei, en)| en.mentions.iter().map(move |m| (m.start, m.end, ei)))
            .collect();
        mention_index.sort_unstable();
        let mut doc = Doc {
            text,
            spans,
            entities,
            toks,
            sent: Vec::new(),
            sent_start: Vec::new(),
            names: Vec::new(),
            salience: Vec::new(),
            lows,
            paras,
            mention_index,
        };
        doc.split_sentences();
        doc.collect_names();
        doc.collect_subjects();
        doc
    }

    fn tok_text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            Kind::Word => None,
        }
    }

    fn in_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.quote.is_some())
    }

    /// The lower-case form of token `i` (computed once per document).
    fn low(&self, i: usize) -> &str {
        self.lows.get(i).map_or("", String::as_str)
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut sent = vec![0; n];
        let mut starts = vec![0];
        let mut cur = 0;
        for i in 0..n {
            if i > 0 {
                let new_para =
                    self.toks.get(i).map(|t| t.para) != self.toks.get(i - 1).map(|t| t.para);
                if new_para || self.boundary_before(i) {
                    cur += 1;
                    starts.push(i);
                }
            }
            if let Some(s) = sent.get_mut(i) {
                *s = cur;
            }
        }
        self.sent = sent;
        self.sent_start = starts;
    }

    /// Whether a sentence starts at token `i` (within a paragraph).
    fn boundary_before(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let prev_i = i - 1;
        let starts_upper = self
            .tok_text(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_open_like(c) || c == '“');
        if !starts_upper {
            return false;
        }
        let pq = self.toks.get(prev_i).and_then(|p| p.quote);
        match (pq, t.quote) {
            // inside one quote: no boundary
            (Some(a), Some(b)) if a == b => false,
            // a closing mark, then text: a boundary when the quote ended a sentence
            // and what follows is not its attribution
            (Some(q), _) => {
                let ends_sentence = self
                    .spans
                    .get(q)
                    .and_then(|sp| sp.parts.last())
                    .and_then(|&(_, e)| self.text.get(..e))
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(|c| matches!(c, '.' | '?' | '!'));
                ends_sentence && t.quote.is_none() && self.after_attribution_at(i).is_none()
                    || t.quote.is_some() && ends_sentence
            }
            (None, _) => {
                if self.punct(prev_i) == Some(']') {
                    // `... Latakia. [84] The`: a citation mark after a sentence end
                    let open = (prev_i.saturating_sub(6)..prev_i)
                        .rev()
                        .find(|&j| self.punct(j) == Some('['));
                    return open.is_some_and(|o| {
                        o > 0 && matches!(self.punct(o - 1), Some('.' | '?' | '!'))
                    });
                }
                if !matches!(self.punct(prev_i), Some('.' | '?' | '!')) {
                    return false;
                }
                let w = self.low(prev_i.wrapping_sub(1));
                let abbrev = self.is_word(prev_i.wrapping_sub(1))
                    && (ABBREVIATIONS.contains(&w)
                        || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                        || w.contains('.'));
                !(abbrev && self.punct(prev_i) == Some('.'))
            }
        }
    }

    fn sentence_range(&self, i: usize) -> (usize, usize) {
        let s = self.sent.get(i).copied().unwrap_or(0);
        let a = self.sent_start.get(s).copied().unwrap_or(0);
        let b = self
            .sent_start
            .get(s + 1)
            .copied()
            .unwrap_or(self.toks.len());
        (a, b)
    }

    // ----- names -------------------------------------------------------

    fn is_name_tok(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let t = self.tok_text(i);
        let mut chars = t.chars();
        let Some(c) = chars.next() else { return false };
        if c.is_uppercase() {
            return !STOP_CAPS_SET.contains(&lower(strip_possessive(t)).as_str());
        }
        // al-Assad, bin Salman
        if let Some((head, rest)) = t.split_once('-')
            && PARTICLES.contains(&head)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        PARTICLES.contains(&t)
            && self
                .tok_text(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A name-ish token or an abbreviation period inside a name (`Mr.`, `G.K.`).
    fn is_name_part(&self, i: usize) -> bool {
        if self.is_name_tok(i) {
            return true;
        }
        if self.punct(i) == Some('.') && self.is_word(i.wrapping_sub(1)) {
            let w = self.low(i - 1);
            let joined = self
                .toks
                .get(i - 1)
                .zip(self.toks.get(i))
                .is_some_and(|(a, b)| a.e == b.s);
            return joined
                && (ABBREVIATIONS.contains(&w)
                    || TITLES_SET.contains(&w)
                    || w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
                && self.is_name_tok(i + 1);
        }
        false
    }

    /// Strips leading titles, demonyms and possessive owners from the token range.
    fn strip_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        // possessive owner: Al Jazeera's Hashem Ahelbarra
        let mut a = (a..b)
            .rev()
            .find(|&i| is_possessive(self.tok_text(i)))
            .map_or(a, |i| i + 1);
        loop {
            if a > b {
                return None;
            }
            let w = self.low(a);
            let w = strip_possessive(w);
            let strip = self.punct(a) == Some('.')
                || STOP_CAPS_SET.contains(&w)
                || ((TITLES_SET.contains(&w) || DEMONYMS_SET.contains(&w)) && a < b);
            if strip {
                a += 1;
            } else {
                break;
            }
        }
        let mut b = b;
        while b > a && self.punct(b).is_some() {
            b -= 1;
        }
        (a <= b && self.is_name_tok(a)).then_some((a, b))
    }

    /// The name run ending at token `j`, titles stripped.
    fn name_ending_at(&self, j: usize) -> Option<(usize, usize)> {
        if !self.is_name_tok(j) || self.in_quote(j) {
            return None;
        }
        let mut a = j;
        while a > 0 && self.is_name_part(a - 1) && !self.in_quote(a - 1) {
            if self.sent.get(a - 1) != self.sent.get(j) {
                break;
            }
            if is_possessive(self.tok_text(a - 1)) && a == j + 1 {
                break;
            }
            a -= 1;
        }
        self.strip_name(a, j)
    }

    /// The name run starting at token `a` (after stop words), titles stripped.
    fn name_starting_at(&self, a: usize) -> Option<(usize, usize)> {
        let mut a = a;
        while self.is_word(a) && STOP_CAPS_SET.contains(&self.low(a)) {
            a += 1;
        }
        // titles and demonyms written in lower case (`former president`) are fine too
        let mut b = a;
        if !self.is_name_part(a) {
            return None;
        }
        while self.is_name_part(b + 1)
            && !self.in_quote(b + 1)
            && self.sent.get(b + 1) == self.sent.get(a)
        {
            b += 1;
        }
        self.strip_name(a, b)
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        let raw = self.text.get(s..e).unwrap_or("");
        strip_possessive(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn name_words(&self, a: usize, b: usize) -> Vec<String> {
        (a..=b)
            .filter(|&i| self.is_word(i))
            .map(|i| lower(strip_possessive(self.tok_text(i))))
            .collect()
    }

    fn looks_org(&self, words: &[String]) -> bool {
        words
            .iter()
            .any(|w| ORG_WORDS_SET.contains(&w.as_str()) || DEMONYMS_SET.contains(&w.as_str()))
    }

    /// Collects every multi-word name in the text (outside quotes), with its title prefix.
    fn collect_names(&mut self) {
        let mut names = Vec::new();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.in_quote(i) || !(self.is_name_part(i) || self.is_title_word(i)) {
                i += 1;
                continue;
            }
            let a = i;
            let mut b = i;
            while b + 1 < n
                && (self.is_name_part(b + 1)
                    || (self.is_title_word(b + 1) && b + 1 == a + (b + 1 - a)))
                && !self.in_quote(b + 1)
                && self.sent.get(b + 1) == self.sent.get(a)
            {
                b += 1;
                if is_possessive(self.tok_text(b)) {
                    break;
                }
            }
            if let Some((s, e)) = self.strip_name(a, b) {
                let tokens = self.name_words(s, e);
                if tokens.len() >= 2 && !self.looks_org(&tokens) {
                    let prefix = if s > a {
                        self.name_words(a, s - 1)
                    } else {
                        Vec::new()
                    };
                    // a lower-case role word right before the run (`counterpart Vladimir Putin`)
                    let mut prefix = prefix;
                    if a > 0 && self.is_word(a - 1) {
                        let w = self.low(a - 1);
                        if ROLE_HEADS_SET.contains(&w) || DEMONYMS_SET.contains(&w) {
                            prefix.insert(0, w.to_string());
                        }
                    }
                    names.push(FullName {
                        text: self.span_text(s, e),
                        tokens,
                        prefix,
                        start: self.toks.get(s).map_or(0, |t| t.s),
                    });
                }
            }
            i = b + 1;
        }
        self.names = names;
    }

    fn is_title_word(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.low(i);
            TITLES_SET.contains(&w) || DEMONYMS_SET.contains(&w)
        }
    }

    /// Canonical form of the name at tokens `a..=b`.
    fn canonical(&self, a: usize, b: usize) -> String {
        let written = self.span_text(a, b);
        let words = self.name_words(a, b);
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        if !self.entities.is_empty() {
            if let Some(ent) = self.entity_at(s, e) {
                return ent.name.clone();
            }
            let last = words.last().cloned().unwrap_or_default();
            let mut best: Option<&Entity> = None;
            for en in self.entities {
                let ew: Vec<String> = en.name.split_whitespace().map(lower).collect();
                if ew.ends_with(&words) || ew.last() == Some(&last) {
                    let better = match best {
                        None => true,
                        Some(b) => b.label != Label::Person && en.label == Label::Person,
                    };
                    if better {
                        best = Some(en);
                    }
                }
            }
            if let Some(en) = best {
                return en.name.clone();
            }
        }
        let mut before: Option<&FullName> = None;
        let mut after: Option<&FullName> = None;
        for n in &self.names {
            if n.tokens.len() > words.len() && n.tokens.ends_with(&words) {
                if n.start <= s {
                    before = Some(n);
                } else if after.is_none() {
                    after = Some(n);
                }
            }
        }
        before.or(after).map_or(written, |n| n.text.clone())
    }

    /// The entity with a mention inside bytes `s..e`: the one whose mention
    /// ends last (the head of `White House spokesman Josh Earnest`), persons
    /// first on a tie.
    fn entity_at(&self, s: usize, e: usize) -> Option<&'a Entity> {
        // mentions are short: those overlapping `s..e` start after `s - REACH`
        const REACH: usize = 256;
        let lo = self.mention_index.partition_point(|m| m.0 + REACH < s);
        let hi = self.mention_index.partition_point(|m| m.0 < e);
        self.mention_index
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter(|m| s < m.1)
            .filter_map(|&(_, end, ei)| {
                let en = self.entities.get(ei)?;
                Some((end, en.label == Label::Person, std::cmp::Reverse(ei), en))
            })
            .max_by_key(|(end, person, ei, _)| (*end, *person, *ei))
            .map(|(_, _, _, en)| en)
    }

    fn is_person(&self, a: usize, b: usize) -> bool {
        let words = self.name_words(a, b);
        if words.is_empty() || self.looks_org(&words) {
            return false;
        }
        let s = self.toks.get(a).map_or(0, |t| t.s);
        let e = self.toks.get(b).map_or(s, |t| t.e);
        if !self.entities.is_empty() {
            if let Some(en) = self.entity_at(s, e) {
                return en.label == Label::Person;
            }
            let last = words.last();
            return self.entities.iter().any(|en| {
                en.label == Label::Person
                    && en.name.split_whitespace().map(lower).next_back().as_ref() == last
            });
        }
        if words.len() >= 2 {
            return true;
        }
        // a single word: a known full name ends with it, or a personal title precedes it
        let known = self
            .names
            .iter()
            .any(|n| n.tokens.len() >= 2 && n.tokens.last() == words.last());
        let titled = a > 0 && {
            let p = if self.punct(a - 1) == Some('.') {
                a.wrapping_sub(2)
            } else {
                a - 1
            };
            TITLES_SET.contains(&self.low(p))
        };
        known || titled
    }

    /// A name that can be the source of a partial quote: a person, or a single
    /// name that is not an organisation word and not one of coordinated names
    /// (`Russia and Turkey agreed to a "security corridor"`).
    fn may_speak(&self, a: usize, b: usize) -> bool {
        if self.is_person(a, b) {
            return true;
        }
        let words = self.name_words(a, b);
        let coordinated = matches!(self.low(a.wrapping_sub(1)), "and" | "or")
            || matches!(self.low(b + 1), "and" | "or");
        words.len() == 1 && !self.looks_org(&words) && !coordinated && self.entities.is_empty()
    }

    /// Sentence subjects that are persons, for pronoun resolution.
    fn collect_subjects(&mut self) {
        let mut sal = Vec::new();
        for si in 0..self.sent_start.len() {
            let a = self.sent_start.get(si).copied().unwrap_or(0);
            let b = self
                .sent_start
                .get(si + 1)
                .copied()
                .unwrap_or(self.toks.len());
            if let Some((x, y)) = self.clause_subject(a, b)
                && self.is_person(x, y)
            {
                sal.push((x, self.canonical(x, y)));
            }
        }
        self.salience = sal;
    }

    /// The subject name at the start of the clause `a..b`, after an introductory phrase.
    fn clause_subject(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut a = a;
        while a < b && self.in_quote(a) {
            a += 1;
        }
        if a >= b {
            return None;
        }
        // introductory phrase: `Earlier on Thursday, X ...`
        let first = self.low(a);
        if STOP_CAPS_SET.contains(&first)
            && !matches!(first, "the" | "a" | "an")
            && let Some(c) = (a..b.min(a + 12)).find(|&i| self.punct(i) == Some(','))
            && let Some(r) = self.name_starting_at(c + 1)
        {
            return Some(r);
        }
        let r = self.name_starting_at(a)?;
        // `Turkey's state-owned agency` : the name is an owner, not the subject
        let next_word = self.low(r.1 + 1);
        if is_possessive(self.tok_text(r.1)) || next_word == "'s" {
            return None;
        }
        Some(r)
    }

    // ----- cues and subjects -------------------------------------------

    fn is_cue(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.in_quote(i)
            && (CUES_SET.contains(&self.low(i))
                // `as X put it, "..."`
                || (matches!(self.low(i), "put" | "puts") && self.low(i + 1) == "it"))
    }

    /// `according to` starting at `i`.
    fn is_according(&self, i: usize) -> bool {
        self.low(i) == "according" && self.low(i + 1) == "to" && !self.in_quote(i)
    }

    /// The subject of the cue verb at `v`, looking left.
    fn subject_before(&self, v: usize, floor: usize) -> Option<Subj> {
        // `Nefzi said, adding, "..."`: a participle shares the subject of the
        // speech verb before it in the sentence
        if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX) && v > 0 && self.punct(v - 1) == Some(',')
        {
            let (sa, _) = self.sentence_range(v);
            let lo = sa.max(floor);
            if let Some(u) = (lo..v.saturating_sub(1))
                .rev()
                .find(|&u| self.is_cue(u) && !self.tok_text(u).ends_with(PARTICIPLE_SUFFIX))
                && let Some(subj) = self
                    .subject_before(u, lo)
                    .filter(|s| !matches!(s, Subj::Other))
            {
                return Some(subj);
            }
        }
        let mut j = v.checked_sub(1)?;
        // skip adverbs and auxiliaries, and `on Thursday`
        loop {
            if j < floor {
                return None;
            }
            let w = self.low(j);
            if self.is_word(j) && SKIP_BEFORE_VERB_SET.contains(&w) {
                j = j.checked_sub(1)?;
                continue;
            }
            if j > floor
                && self.low(j - 1) == "on"
                && STOP_CAPS_SET.contains(&w)
                && self.tok_text(j).starts_with(char::is_uppercase)
            {
                j = j.checked_sub(2)?;
                continue;
            }
            break;
        }
        if j < floor || self.in_quote(j) {
            return None;
        }
        let w = self.low(j);
        if PRONOUNS.contains(&w) {
            return Some(Subj::Pronoun(j));
        }
        if OTHER_PRONOUNS.contains(&w) || matches!(w, "who" | "which" | "that") {
            return Some(Subj::Other);
        }
        if let Some((a, b)) = self.name_ending_at(j)
            && a >= floor
        {
            return Some(Subj::Name(a, b));
        }
        if matches!(self.punct(j), Some(',' | ')')) {
            // appositive(s): `X, a ..., said`; walk back over comma-delimited segments
            let mut k = j;
            for _ in 0..4 {
                let mut c = k.checked_sub(1)?;
                let mut steps = 0;
                while c > floor
                    && !matches!(self.punct(c), Some(',' | '('))
                    && !self.in_quote(c)
                    && steps < 30
                {
                    c -= 1;
                    steps += 1;
                }
                if c <= floor || self.in_quote(c) || !matches!(self.punct(c), Some(',' | '(')) {
                    break;
                }
                let before = c.checked_sub(1)?;
                if PRONOUNS.contains(&self.low(before)) {
                    return Some(Subj::Pronoun(before));
                }
                if let Some((a, b)) = self.name_ending_at(before)
                    && a >= floor
                    && self.opens_segment(a, floor)
                {
                    return Some(Subj::Name(a, b));
                }
                k = c;
            }
            let (sa, sb) = self.sentence_range(v);
            return self
                .clause_subject(sa.max(floor), sb)
                .map(|(a, b)| Subj::Name(a, b))
                .or(Some(Subj::Other));
        }
        // a noun phrase: `the Turkish president`, `a source`
        if self.is_word(j) {
            let mut words = Vec::new();
            let mut k = j;
            loop {
                if k < floor || !self.is_word(k) || self.in_quote(k) {
                    break;
                }
                let w = self.low(k);
                words.insert(0, strip_possessive(w).to_string());
                if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their")
                    || is_possessive(w)
                    || words.len() >= 6
                {
                    break;
                }
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX) {
                let (sa, sb) = self.sentence_range(v);
                if let Some((a, b)) = self.clause_subject(sa.max(floor), sb) {
                    return Some(Subj::Name(a, b));
                }
            }
            if let Some(org) = self.speaking_org(k, j + 1) {
                return Some(org);
            }
            let head = lower(strip_possessive(self.tok_text(j)));
            if ROLE_HEADS_SET.contains(&head.as_str()) {
                return Some(Subj::Role(words, j));
            }
            return Some(Subj::Other);
        }
        None
    }

    /// Whether the name starting at `a` begins its clause: sentence start, after
    /// a comma, a conjunction, a possessive owner or a title.
    fn opens_segment(&self, a: usize, floor: usize) -> bool {
        if a <= floor {
            return true;
        }
        let p = a - 1;
        let (sa, _) = self.sentence_range(a);
        a == sa
            || matches!(self.punct(p), Some(',' | '(' | ':' | '.'))
            || matches!(self.low(p), "and" | "but" | "while" | "as")
            || is_possessive(self.tok_text(p))
            || TITLES_SET.contains(&self.low(p))
            || DEMONYMS_SET.contains(&self.low(p))
            || self.clause_subject(sa, a + 1).is_some_and(|(x, _)| x == a)
    }

    /// The organisation named inside the noun phrase `k..end` whose head
    /// speaks for it (`a Kremlin spokesman`, `the IMF report`).
    fn speaking_org(&self, k: usize, end: usize) -> Option<Subj> {
        let head = lower(strip_possessive(self.tok_text(end.checked_sub(1)?)));
        if !ORG_SPEECH_HEADS.contains(&head.as_str()) {
            return None;
        }
        (k + 1..end.saturating_sub(1)).find_map(|i| {
            let (a, b) = self.name_starting_at(i)?;
            (b < end.saturating_sub(1) && a >= i).then_some(Subj::Name(a, b))
        })
    }

    /// The subject after an inverted cue (`said X`) starting at token `k`.
    fn subject_after(&self, k: usize) -> Option<Subj> {
        let w = self.low(k);
        if PRONOUNS.contains(&w) {
            return Some(Subj::Pronoun(k));
        }
        // `said the Rev. Peter Wherry`, `said 9/11 widow Terry Strada`: a few
        // lower-case words, then a name that ends the clause
        let lead = if matches!(w, "the" | "a" | "an") {
            1
        } else {
            0
        };
        if lead == 1
            || self
                .tok_text(k)
                .starts_with(|c: char| c.is_lowercase() || c.is_numeric())
        {
            // `said the White House`: a determiner and a whole name
            if lead == 1
                && let Some((a, b)) = self.name_starting_at(k + 1)
                && a == k + 1
                && self.name_ends_clause(b)
            {
                return Some(Subj::Name(a, b));
            }
            // `said another Twitter user, Johanna Bayer`
            let mut commas = 0;
            for j in k + lead..k + 14 {
                if matches!(self.punct(j), Some('/' | '-'))
                    || (self.punct(j) == Some('.') && !self.is_sentence_end(j))
                {
                    continue;
                }
                if self.punct(j) == Some(',') && commas == 0 {
                    commas += 1;
                    continue;
                }
                if self.in_quote(j)
                    || self.is_sentence_end(j)
                    || self.punct(j).is_some()
                    || self.is_cue(j)
                {
                    break;
                }
                if let Some((a, b)) = self.name_starting_at(j)
                    && a >= j
                    && self.name_ends_clause(b)
                    && self.is_person(a, b)
                {
                    return Some(Subj::Name(a, b));
                }
            }
        }
        let lower_det = self.tok_text(k).starts_with(char::is_lowercase);
        if !lower_det
            && let Some((a, b)) = self.name_starting_at(k)
            && self.toks.get(a).is_some_and(|t| t.quote.is_none())
        {
            return Some(Subj::Name(a, b));
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            let mut words = Vec::new();
            let mut j = k;
            while self.is_word(j) && words.len() < 6 {
                let t = self.low(j);
                if words.len() > 1
                    && (matches!(t, "of" | "in" | "at" | "for" | "who" | "on" | "to"))
                {
                    break;
                }
                words.push(t.to_string());
                j += 1;
            }
            let head = words.last().cloned().unwrap_or_default();
            if let Some(org) = self.speaking_org(k, j) {
                return Some(org);
            }
            if ROLE_HEADS_SET.contains(head.as_str()) {
                return Some(Subj::Role(words, j.saturating_sub(1)));
            }
            return Some(Subj::Other);
        }
        Some(Subj::Other)
    }

    /// An attribution that starts at token `k` right after a closing mark.
    fn after_attribution_at(&self, k: usize) -> Option<(usize, Subj)> {
        if matches!(self.punct(k), Some('—' | '―' | '–'))
            && let Some((a, b)) = self.name_starting_at(k + 1)
        {
            let ends = self.is_sentence_end(b + 1)
                || self.line_break_after(b)
                || self.in_quote(b + 1)
                || self.tok_text(b + 1).starts_with(is_open_like)
                || self
                    .toks
                    .get(b + 1)
                    .is_none_or(|t| Some(t.para) != self.toks.get(b).map(|x| x.para));
            if ends {
                return Some((k, Subj::Name(a, b)));
            }
        }
        let mut k = k;
        while matches!(self.punct(k), Some(',' | '—' | '–' | '-')) {
            k += 1;
        }
        if self.in_quote(k) {
            return None;
        }
        if self.is_according(k) {
            return Some((k, self.subject_after(k + 2).unwrap_or(Subj::Other)));
        }
        if self.is_cue(k) {
            // `," promising the club will return`: a participle after the
            // quote has its subject before the quote
            if self.tok_text(k).ends_with(PARTICIPLE_SUFFIX) {
                return Some((k, Subj::Other));
            }
            return Some((k, self.subject_after(k + 1).unwrap_or(Subj::Other)));
        }
        let w = self.low(k);
        if PRONOUNS.contains(&w) || OTHER_PRONOUNS.contains(&w) {
            let v = self.next_cue_within(k + 1, 2)?;
            let s = if PRONOUNS.contains(&w) {
                Subj::Pronoun(k)
            } else {
                Subj::Other
            };
            return Some((v, s));
        }
        if let Some((a, b)) = self.name_starting_at(k) {
            // `Rep. Gwen Moore (D-Wis.) said`, `Mr. Morgan of the Sierra Club said`
            let after = self.skip_affiliation(self.skip_parenthetical(b + 1));
            // an appositive after the name: `X, a Moscow-based analyst, said`
            if self.punct(after) == Some(',') {
                let limit = after + 30;
                let mut c = after + 1;
                while c < limit && !self.is_sentence_end(c) {
                    if self.punct(c) == Some(',') && self.is_cue(c + 1) {
                        return Some((c + 1, Subj::Name(a, b)));
                    }
                    c += 1;
                }
            }
            if let Some(v) = self.next_cue_within(after, 2) {
                return Some((v, Subj::Name(a, b)));
            }
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            let mut j = k;
            let mut words = Vec::new();
            while self.is_word(j) && !self.is_cue(j) && words.len() < 7 {
                words.push(lower(strip_possessive(self.tok_text(j))));
                j += 1;
            }
            if self.is_cue(j) && words.len() >= 2 {
                let head = words.last().cloned().unwrap_or_default();
                let named = self
                    .name_ending_at(j - 1)
                    .filter(|&(a, b)| a > k && self.is_person(a, b));
                let s = if let Some((a, b)) = named {
                    Subj::Name(a, b)
                } else if let Some(org) = self.speaking_org(k, j) {
                    org
                } else if ROLE_HEADS_SET.contains(&head.as_str()) {
                    Subj::Role(words, j.saturating_sub(1))
                } else {
                    Subj::Other
                };
                return Some((j, s));
            }
        }
        None
    }

    /// A cue later in the clause after a complete quoted utterance:
    /// `," Trump lawyer Marc Kasowitz said`, `," Rep. Jim Jordan (R-Ohio), a member, said`.
    fn after_attribution_scan(&self, k: usize) -> Option<(usize, Subj)> {
        let mut v = k;
        let limit = k + 30;
        while v < limit {
            if self.is_sentence_end(v) || self.in_quote(v) {
                return None;
            }
            if self.is_cue(v) {
                break;
            }
            v += 1;
        }
        if v >= limit {
            return None;
        }
        match self.subject_before(v, k)? {
            Subj::Other => None,
            s => Some((v, s)),
        }
    }

    /// A sentence-final `.`, `?` or `!` (not the period of `Rep.`), or the end.
    fn is_sentence_end(&self, i: usize) -> bool {
        if i >= self.toks.len() {
            return true;
        }
        let mark = matches!(self.punct(i), Some('.' | '?' | '!')) && !self.in_quote(i);
        // while sentences are being split, every mark counts
        mark && (self.sent.is_empty()
            || i + 1 >= self.toks.len()
            || self.sent.get(i) != self.sent.get(i + 1))
    }

    /// Whether a line break separates token `i` from the next one.
    fn line_break_after(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.e..b.s).is_some_and(|g| g.contains('\n')),
            _ => true,
        }
    }

    /// The token after a parenthetical that opens at `i` (`(D-Wis.)`), or `i`.
    fn skip_parenthetical(&self, i: usize) -> usize {
        if self.punct(i) != Some('(') {
            return i;
        }
        (i + 1..i + 10)
            .find(|&j| self.punct(j) == Some(')') || self.is_sentence_end(j))
            .filter(|&j| self.punct(j) == Some(')'))
            .map_or(i, |j| j + 1)
    }

    /// The token after `of the Sierra Club` / `of Human Rights Watch` at `i`, or `i`.
    fn skip_affiliation(&self, i: usize) -> usize {
        if !matches!(self.low(i), "of" | "from" | "at") {
            return i;
        }
        let mut j = i + 1;
        if self.low(j) == "the" {
            j += 1;
        }
        let start = j;
        while j < start + 6 && self.is_name_part(j) && !self.in_quote(j) {
            j += 1;
        }
        if j > start { j } else { i }
    }

    /// A name that ends its clause: followed by punctuation, a line break, a
    /// parenthetical or a relative clause, not by a lower-case noun (`the New
    /// York businessman`).
    fn name_ends_clause(&self, b: usize) -> bool {
        self.toks.get(b + 1).is_none()
            || self.line_break_after(b)
            || self.punct(b + 1).is_some()
            || matches!(
                self.low(b + 1),
                "of" | "who" | "from" | "at" | "in" | "on" | "to"
            )
            || self.is_cue(b + 1)
    }

    /// A cue at `k` or after at most `skip` adverbs.
    fn next_cue_within(&self, k: usize, skip: usize) -> Option<usize> {
        for k in k..=k + skip {
            if self.is_cue(k) {
                return Some(k);
            }
            if !(self.is_word(k) && SKIP_BEFORE_VERB_SET.contains(&self.low(k))) {
                return None;
            }
        }
        None
    }

    /// The attribution before the quote that opens at token `m`, in its sentence.
    fn before_attribution(&self, m: usize) -> Option<(usize, Subj)> {
        let (sa, _) = self.sentence_range(m);
        let direct =
            (m > 0 && matches!(self.punct(m - 1), Some(':' | ','))) || self.punct(m) == Some(':');
        let cues: Vec<usize> = (sa..m)
            .filter(|&i| {
                (self.is_cue(i) || self.is_according(i))
                    && !(i > 0 && matches!(self.low(i - 1), "who" | "which" | "that" | "to"))
            })
            .collect();
        let order: Vec<usize> = if direct {
            cues.iter().rev().copied().collect()
        } else {
            cues.clone()
        };
        let mut fallback = None;
        for v in order {
            let subj = if self.is_according(v) {
                self.subject_after(v + 2)
            } else {
                match self.subject_before(v, sa) {
                    // `Said Ellis: "..."`: the subject follows the cue
                    None if direct => self
                        .subject_after(v + 1)
                        .filter(|s| matches!(s, Subj::Name(a, _) if *a < m)),
                    other => other,
                }
            };
            match subj {
                Some(Subj::Other) | None => {
                    if fallback.is_none() {
                        fallback = Some((v, Subj::Other));
                    }
                }
                // a partial quote needs a person (or a pronoun or role) to speak it
                Some(Subj::Name(a, b)) if !direct && !self.may_speak(a, b) => {}
                Some(s) => return Some((v, s)),
            }
        }
        if direct && fallback.is_some() {
            return fallback;
        }
        if m == 0 {
            return None;
        }
        // `Mitt Romney -- "It is disqualifying..."`: a person, a dash, the quote
        let mut d = m - 1;
        let mut dashes = 0;
        while d > sa && matches!(self.punct(d), Some('-' | '—' | '–')) {
            d -= 1;
            dashes += 1;
        }
        if dashes > 0
            && let Some((a, b)) = self.name_ending_at(d)
            && self.is_person(a, b)
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        // `Williamson concludes: "..."`, `Silverman interjected, "..."`: an
        // unknown verb in the past or present tense right before the mark
        if direct && m >= 2 {
            // `Rubio fired back forcefully: "..."`: over adverbs and particles
            let mut v = m - 2;
            for _ in 0..2 {
                let w = self.low(v);
                let adverb = self.is_word(v)
                    && (w.ends_with("ly") || matches!(w, "back" | "out" | "up" | "again"));
                if adverb && v > sa {
                    v -= 1;
                } else {
                    break;
                }
            }
            let verb = self.low(v);
            let verbish = self.is_word(v)
                && !self.in_quote(v)
                && self.tok_text(v).starts_with(char::is_lowercase)
                && verb.chars().count() > 3
                && (verb.ends_with("ed") || (verb.ends_with('s') && !verb.ends_with("ss")));
            if verbish {
                match self.subject_before(v, sa) {
                    Some(Subj::Name(a, b)) if self.is_person(a, b) => {
                        return Some((v, Subj::Name(a, b)));
                    }
                    Some(Subj::Pronoun(p)) => return Some((v, Subj::Pronoun(p))),
                    _ => {}
                }
            }
        }
        // `Republican pollster Daron Shaw: "..."`: a name, a colon, the quote
        if m >= 2
            && self.punct(m - 1) == Some(':')
            && let Some((a, b)) = self.name_ending_at(m - 2)
            && b == m - 2
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        // `President Obama has a new message: "It's about me."`: no cue, a
        // colon, and a person as the subject of the sentence
        if matches!(self.punct(m - 1), Some(':'))
            && let Some((a, b)) = self.clause_subject(sa, m)
            && self.is_person(a, b)
        {
            return Some((m - 1, Subj::Name(a, b)));
        }
        None
    }

    /// Most recent person in salience before token `p`, within a few paragraphs.
    fn resolve_pronoun(&self, p: usize, sal: &[(usize, String)]) -> Option<String> {
        let para = self.toks.get(p).map_or(0, |t| t.para);
        sal.iter()
            .filter(|(i, _)| *i < p)
            .filter(|(i, _)| self.toks.get(*i).is_some_and(|t| t.para + 3 >= para))
            .max_by_key(|(i, _)| *i)
            .map(|(_, n)| n.clone())
    }

    /// The most recent person introduced with the role words (`Turkish`, `president`).
    fn resolve_role(&self, words: &[String], at: usize) -> Option<String> {
        let pos = self.toks.get(at).map_or(0, |t| t.s);
        let role_demonyms: Vec<&String> = words
            .iter()
            .filter(|w| DEMONYMS_SET.contains(&w.as_str()))
            .collect();
        let head = words.last()?;
        let mut best: Option<(usize, &FullName)> = None;
        for n in self.names.iter().filter(|n| n.start < pos) {
            let cand_demonyms: Vec<&String> = n
                .prefix
                .iter()
                .filter(|w| DEMONYMS_SET.contains(&w.as_str()))
                .collect();
            if !role_demonyms.is_empty()
                && !cand_demonyms.is_empty()
                && !cand_demonyms.iter().any(|d| role_demonyms.contains(d))
            {
                continue;
            }
            let score = words
                .iter()
                .filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their"
                    )
                })
                .filter(|w| n.prefix.contains(w))
                .count();
            let head_ok = n.prefix.contains(head) || (!role_demonyms.is_empty() && score > 0);
            if score == 0 || !head_ok {
                continue;
            }
            if best.is_none_or(|(s, b)| score > s || (score == s && n.start > b.start)) {
                best = Some((score, n));
            }
        }
        let found = best.map(|(_, n)| n)?;
        // map to an entity name when there is one
        if !self.entities.is_empty()
            && let Some(en) = self.entities.iter().find(|en| {
                en.name.split_whitespace().map(lower).next_back().as_ref() == found.tokens.last()
            })
        {
            return Some(en.name.clone());
        }
        Some(found.text.clone())
    }

    fn token_at_or_after(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.s < byte)
    }

    fn attribute(&self) -> Vec<Quote> {
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

    /// Whether the cue at `v` is followed (after at most a few words) by a
    /// comma or colon and the opening of a quote other than `qi`.
    fn introduces_quote(&self, v: usize, qi: usize) -> bool {
        (v + 1..v + 5)
            .find(|&i| matches!(self.punct(i), Some(',' | ':')) || self.is_sentence_end(i))
            .filter(|&i| matches!(self.punct(i), Some(',' | ':')))
            .and_then(|i| self.toks.get(i + 1))
            .and_then(|t| t.quote)
            .is_some_and(|q| q != qi)
    }

    /// A paragraph right after the quote that holds only a dash and a name.
    fn signature_line(&self, k: usize, quote_para: usize) -> Option<(usize, Subj)> {
        let para = self.toks.get(k)?.para;
        if para != quote_para + 1 || !matches!(self.punct(k), Some('-' | '—' | '―' | '–')) {
            return None;
        }
        let (a, b) = self.name_starting_at(k + 1)?;
        let mut end = b + 1;
        if matches!(self.punct(end), Some('.' | ',')) {
            end += 1;
        }
        let alone = self.toks.get(end).is_none_or(|t| t.para != para);
        alone.then_some((k, Subj::Name(a, b)))
    }

    /// Whether quote `qi`, opening at token `open_tok`, starts its sentence
    /// (only other quotes before it).
    fn opens_sentence(&self, qi: usize, open_tok: usize) -> bool {
        let (sa, _) = self.sentence_range(open_tok);
        sa == open_tok
            || (sa..open_tok)
                .all(|i| self.in_quote(i) && self.toks.get(i).and_then(|t| t.quote) != Some(qi))
    }

    /// `, X said.` (or `, said X.`) closing the sentence of a partial quote:
    /// the first speech verb after the quote, with at most a few words
    /// between it and the end of the sentence.
    fn sentence_final_attribution(&self, k: usize) -> Option<(usize, Subj)> {
        let (_, end) = self.sentence_range(k);
        let v = (k..end.min(k + 40)).find(|&i| self.is_cue(i))?;
        if self.tok_text(v).ends_with(PARTICIPLE_SUFFIX)
            || (k..v).any(|i| self.in_quote(i))
            || end.saturating_sub(v) > 12
            || (v + 1..end).any(|i| self.in_quote(i))
        {
            return None;
        }
        match self.subject_before(v, k) {
            Some(Subj::Name(a, b)) => return Some((v, Subj::Name(a, b))),
            Some(Subj::Pronoun(p)) => return Some((v, Subj::Pronoun(p))),
            _ => {}
        }
        if v > 0 && self.punct(v - 1) == Some(',') {
            return match self.subject_after(v + 1)? {
                Subj::Name(a, b) => Some((v, Subj::Name(a, b))),
                _ => None,
            };
        }
        None
    }

    /// The person a headline names before its quote (`Warren Hammers Wells
    /// Fargo CEO: 'You Should Be Investigated'`): the first person entity
    /// mentioned there, else the first multi-word name.
    fn headline_person(&self, open_tok: usize) -> Option<String> {
        let end = self.toks.get(open_tok).map_or(0, |t| t.s);
        if !self.entities.is_empty() {
            // title case makes a headline's name runs unreliable (`Obama Sees`):
            // find the surname of a person entity among its words
            let words: Vec<(usize, String)> = (0..open_tok)
                .filter(|&i| self.is_word(i))
                .map(|i| (i, lower(strip_possessive(self.tok_text(i)))))
                .collect();
            return self
                .entities
                .iter()
                .filter(|en| en.label == Label::Person && en.mentions.len() > 1)
                .filter_map(|en| {
                    let last = en.name.split_whitespace().next_back().map(lower)?;
                    let at = words.iter().find(|(_, w)| *w == last)?.0;
                    Some((at, std::cmp::Reverse(en.mentions.len()), en.name.clone()))
                })
                .min()
                .map(|(_, _, n)| n);
        }
        self.names
            .iter()
            .filter(|n| n.start < end)
            .min_by_key(|n| n.start)
            .map(|n| n.text.clone())
    }

    /// A short paragraph with no sentence end, or ending in `]` (a photo caption).
    fn caption_like(&self, para: usize) -> bool {
        self.paras
            .get(para)
            .and_then(|&(s, e)| self.text.get(s..e))
            .is_some_and(|p| {
                let p = p.trim_end();
                p.ends_with(']') || !p.ends_with(['.', '?', '!', '"', '”'])
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::Mention;

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

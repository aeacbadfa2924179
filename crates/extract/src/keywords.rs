//! Key terms: frequent, early, uncommon words and two-word phrases, lowercase and lemma-ish.
use crate::lexicon as lx;
use crate::sentences::Sentence;
use crate::tokens::{Token, TokenKind};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

/// The word lists below as sets: looked up for every word of every article.
static FREQUENT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FREQUENT.iter().copied().collect());
static NEVER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NEVER.iter().copied().collect());
static IRREGULAR_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| IRREGULAR.iter().copied().collect());

/// Very frequent content words of news prose: allowed as key terms but weighed down.
const FREQUENT: &[&str] = &[
    "say",
    "year",
    "time",
    "people",
    "way",
    "day",
    "man",
    "woman",
    "thing",
    "world",
    "life",
    "hand",
    "part",
    "place",
    "case",
    "week",
    "company",
    "system",
    "program",
    "question",
    "work",
    "government",
    "number",
    "night",
    "point",
    "home",
    "water",
    "room",
    "mother",
    "area",
    "money",
    "story",
    "fact",
    "month",
    "lot",
    "right",
    "study",
    "book",
    "eye",
    "job",
    "word",
    "business",
    "issue",
    "side",
    "kind",
    "head",
    "house",
    "service",
    "friend",
    "father",
    "power",
    "hour",
    "game",
    "line",
    "end",
    "member",
    "law",
    "car",
    "city",
    "community",
    "name",
    "president",
    "team",
    "minute",
    "idea",
    "kid",
    "body",
    "information",
    "back",
    "parent",
    "face",
    "level",
    "office",
    "door",
    "health",
    "person",
    "art",
    "war",
    "history",
    "party",
    "result",
    "change",
    "morning",
    "reason",
    "research",
    "girl",
    "guy",
    "moment",
    "air",
    "teacher",
    "force",
    "education",
    "report",
    "official",
    "country",
    "state",
    "leader",
    "group",
    "news",
    "statement",
    "source",
    "comment",
    "claim",
    "deal",
    "talk",
    "plan",
    "effort",
    "agreement",
    "meeting",
    "side",
    "term",
    "new",
    "also",
    "first",
    "last",
    "two",
    "three",
    "other",
    "many",
    "more",
    "most",
    "well",
    "even",
    "back",
    "still",
    "just",
    "good",
    "great",
    "high",
    "old",
    "big",
    "large",
    "long",
    "little",
    "own",
    "able",
    "make",
    "take",
    "come",
    "give",
    "know",
    "think",
    "see",
    "look",
    "want",
    "use",
    "find",
    "tell",
    "ask",
    "seem",
    "feel",
    "try",
    "leave",
    "call",
    "include",
    "continue",
    "set",
    "add",
    "reach",
    "hold",
    "agree",
    "allow",
    "help",
    "show",
    "begin",
    "become",
    "remain",
    "accord",
    "according",
    "told",
    "added",
    "region",
    "zone",
    "role",
    "lead",
    "move",
    "step",
    "hope",
    "future",
    "order",
];

/// Words never kept on their own: verbs of saying and other function-like words.
const NEVER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according",
    "would",
    "could",
    "should",
    "might",
    "must",
    "will",
    "also",
    "however",
    "though",
    "although",
    "including",
    "since",
    "despite",
    "another",
    "several",
    "among",
    "within",
    "without",
    "whose",
    "which",
    "their",
    "there",
    "these",
    "those",
    "this",
    "that",
    "what",
    "when",
    "where",
    "while",
    "with",
    "from",
    "into",
    "onto",
    "upon",
    "about",
    "after",
    "before",
    "being",
    "been",
    "have",
    "having",
    "were",
    "they",
    "them",
    "then",
    "than",
    "very",
    "much",
    "many",
    "some",
    "such",
    "only",
    "just",
    "even",
    "still",
    "again",
    "already",
    "really",
    "early",
    "earlier",
    "later",
    "last",
    "next",
    "first",
    "second",
    "third",
    "well",
    "like",
    "made",
    "make",
    "going",
    "done",
    "doing",
    "does",
    "did",
    "get",
    "got",
    "gets",
    "getting",
    "think",
    "thing",
    "things",
    "way",
    "ways",
    "lot",
    "lots",
    "able",
    "unable",
    "used",
    "use",
    "yes",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "hundred",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozens",
    "hundreds",
    "percent",
    "per",
    "cent",
    "km",
    "miles",
    "mile",
    "metres",
    "meters",
    "kg",
    "tonight",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "time",
    "times",
    "ago",
];

fn lemma(w: &str) -> String {
    let n = w.chars().count();
    const KEEP: &[&str] = &[
        "news",
        "series",
        "species",
        "means",
        "crisis",
        "analysis",
        "basis",
        "status",
        "bus",
        "gas",
        "chaos",
        "politics",
        "economics",
        "physics",
        "arms",
        "talks",
        "always",
        "perhaps",
        "whereas",
    ];
    if KEEP.contains(&w) || n <= 3 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies")
        && n > 4
    {
        return format!("{stem}y");
    }
    if (w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes"))
        && let Some(stem) = w.strip_suffix("es")
    {
        return stem.to_string();
    }
    if w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("ous")
        || w.ends_with("'s")
    {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix('s') {
        return stem.to_string();
    }
    w.to_string()
}

/// The words key terms are judged by: English (stop words, common words,
/// lemmas, background weights) or another language's stop words alone.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Vocabulary {
    /// English word lists and lemmas.
    English,
    /// Another language: its function words; no lemmas, every word weighed alike.
    Stopwords(&'static [&'static str]),
}

/// Whether a token can be part of a key term; returns its lowercase form.
fn content(text: &str, t: &Token, vocabulary: Vocabulary) -> Option<String> {
    if t.kind != TokenKind::Word {
        return None;
    }
    let s = t.text(text);
    if s.chars().count() < 3
        || !s
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    {
        return None;
    }
    let lower = s.to_lowercase();
    if let Vocabulary::Stopwords(stop) = vocabulary {
        return (!stop.contains(&lower.as_str())).then_some(lower);
    }
    if lx::is_stopword(&lower) || lx::is_calendar(&lower) || NEVER_SET.contains(lower.as_str()) {
        return None;
    }
    if lower.ends_with("ly") && lx::is_common(&lower) {
        return None;
    }
    Some(lower)
}

/// Irregular past forms of frequent verbs, weighed like other verb forms.
const IRREGULAR: &[&str] = &[
    "began", "begun", "came", "went", "gone", "took", "taken", "gave", "given", "made", "found",
    "held", "left", "kept", "brought", "became", "saw", "seen", "knew", "known", "thought", "met",
    "ran", "stood", "sent", "built", "spent", "fell", "fallen", "felt", "rose", "risen", "led",
    "won", "lost", "paid", "put", "set", "cut", "hit", "let", "sought", "fought", "struck",
    "spoke", "spoken", "wrote", "written", "broke", "broken", "chose", "chosen", "drew", "drawn",
    "grew", "grown", "threw", "thrown", "shot",
];

/// Background weight of a word: low for very frequent words, lower for verb forms.
fn background(lower: &str, lem: &str) -> f32 {
    if FREQUENT_SET.contains(lem) || FREQUENT_SET.contains(lower) {
        0.35
    } else if lower.ends_with("ed")
        || lower.ends_with("ing")
        || lower.ends_with("ly")
        || IRREGULAR_SET.contains(lower)
    {
        0.6
    } else if lx::is_common(lower) {
        0.7
    } else {
        1.0
    }
}

/// The `n` best key terms of English `text`, best first (score descending, then term ascending).
pub(crate) fn find(text: &str, tokens: &[Token], sentences: &[Sentence], n: usize) -> Vec<String> {
    find_with(text, tokens, sentences, n, Vocabulary::English)
}

/// [`find`] with the words of `vocabulary`.
pub(crate) fn find_with(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    n: usize,
    vocabulary: Vocabulary,
) -> Vec<String> {
    let english = matches!(vocabulary, Vocabulary::English);
    let lemma_of = |w: &str| if english { lemma(w) } else { w.to_string() };
    let weight_of = |lower: &str, lem: &str| if english { background(lower, lem) } else { 1.0 };
    #[derive(Default)]
    struct Stat {
        score: f32,
        count: usize,
    }
    let mut stats: HashMap<String, Stat> = HashMap::new();
    let total = sentences.len().max(1) as f32;
    for (si, s) in sentences.iter().enumerate() {
        let position = 1.0 + 1.0 / (1.0 + 3.0 * si as f32 / total);
        // The previous content word and its background weight.
        let mut prev: Option<(String, f32)> = None;
        let mut opening = true;
        for t in tokens.get(s.tokens.clone()).unwrap_or(&[]) {
            let first = opening;
            opening &= matches!(t.kind, TokenKind::Quote | TokenKind::Punct);
            let Some(lower) = content(text, t, vocabulary) else {
                prev = None;
                continue;
            };
            // Proper names keep their form (`Brussels`, `Reuters`).
            let proper = !first && t.text(text).chars().next().is_some_and(char::is_uppercase);
            let lemmatised = lemma_of(&lower);
            let plain_weight = weight_of(&lower, &lemmatised);
            let (lem, weight) = if proper {
                let w = weight_of(&lower, &lower);
                (lower.clone(), w)
            } else {
                (lemmatised, plain_weight)
            };
            if let Some(e) = stats.get_mut(lem.as_str()) {
                e.score += position * weight;
                e.count += 1;
            } else {
                stats.insert(
                    lem.clone(),
                    Stat {
                        score: position * weight,
                        count: 1,
                    },
                );
            }
            if let Some((p, pw)) = prev.take() {
                let phrase = format!("{p} {lem}");
                let e = stats.entry(phrase).or_default();
                e.score += position * 1.3 * pw.max(0.6) * weight.max(0.6);
                e.count += 1;
            }
            prev = Some((lower, plain_weight));
        }
    }
    let mut ranked: Vec<(String, Stat)> = stats
        .into_iter()
        .filter(|(term, st)| !term.contains(' ') || st.count >= 2)
        .collect();
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    let mut phrases: Vec<(String, usize)> = Vec::new();
    for (term, st) in ranked {
        if out.len() >= n {
            break;
        }
        if term.contains(' ') {
            // A phrase adds nothing if both its words were already chosen.
            if term
                .split(' ')
                .all(|w| out.iter().any(|o| o == w || *o == lemma_of(w)))
                && st.count < 3
            {
                continue;
            }
            phrases.push((term.clone(), st.count));
        } else if phrases.iter().any(|(p, c)| {
            p.split(' ').any(|w| w == term || lemma_of(w) == term) && st.count < 2 * c
        }) {
            continue; // mostly seen inside an already chosen phrase
        }
        out.push(term);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, n: usize, expected: &[&str]) {
        let tokens = crate::tokens::tokenize(input);
        let sentences = crate::sentences::split(input, &tokens);
        assert_eq!(
            find(input, &tokens, &sentences, n),
            expected,
            "keywords of {input:?}"
        );
    }

    #[test]
    fn keywords() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("", 5, &[]),
            ("The and of it.", 5, &[]),
            (
                "The ceasefire holds. Joint patrols began. The ceasefire was agreed after joint patrols were planned.",
                2,
                &["joint patrol", "ceasefire"],
            ),
            ("Refugees fled. Refugees returned.", 1, &["refugee"]),
        ];
        for (input, n, expected) in cases {
            check(input, *n, expected);
        }
    }

    #[test]
    fn lemmas() {
        for (w, l) in [
            ("ceasefires", "ceasefire"),
            ("militias", "militia"),
            ("crisis", "crisis"),
            ("countries", "country"),
            ("news", "news"),
            ("marches", "march"),
        ] {
            assert_eq!(lemma(w), l);
        }
    }
}

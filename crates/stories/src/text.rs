//! Words, stop words and the background document frequencies that weight rarity.
//!
//! Rarity comes from a fixed background (`data/df.tsv`: document frequencies of words in
//! Reuters-21578 and the BBC news set, built by `cargo xtask stories-df`), never from the
//! indexed collection, so a pair's score depends only on the two documents: grouping a
//! collection at once and growing it document by document give the same scores.

// foldhash: looked up once per word of every document
use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

/// The background table: `#docs TAB N` then `word TAB df` lines (df >= 3).
const DF_TABLE: &str = include_str!("../data/df.tsv");

struct Background {
    docs: f64,
    df: HashMap<&'static str, u32>,
}

fn background() -> &'static Background {
    static BG: OnceLock<Background> = OnceLock::new();
    BG.get_or_init(|| {
        let mut docs = 1.0;
        let mut df = HashMap::new();
        for line in DF_TABLE.lines() {
            let Some((word, n)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else { continue };
            if word == "#docs" {
                docs = f64::from(n.max(1));
            } else {
                df.insert(word, n);
            }
        }
        Background { docs, df }
    })
}

/// The inverse document frequency of a normalised word against the background:
/// `ln((N + 1) / (df + 1))`; words the table lacks count as seen once.
pub(crate) fn idf(word: &str) -> f64 {
    let bg = background();
    let df = bg.df.get(word).copied().unwrap_or(1);
    ((bg.docs + 1.0) / (f64::from(df) + 1.0)).ln()
}

/// A word as the stage compares it: lowercase, possessive dropped, apostrophes plain, a
/// plain plural `s` dropped (`soldiers` = `soldier`, not `news` or `glass`).
pub(crate) fn normalise_word(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let mut w = w.to_lowercase();
    if w.contains('’') {
        // the typographic apostrophe compares as the plain one (`O’Neal` = `O'Neal`)
        w = w.replace('’', "'");
    }
    if w.len() > 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        if w.ends_with("ies") && w.len() > 5 {
            w.truncate(w.len() - 3);
            w.push('y');
        } else {
            w.pop();
        }
    }
    w
}

/// The content words of `text`: letters only (digits, urls and short words left out), stop
/// words removed, normalised by [`normalise_word`].
pub(crate) fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(normalise_word)
        .filter(|w| w.len() >= 3 && !is_stop(w))
}

/// Function words and reporting verbs that say nothing about the event.
pub(crate) fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

const STOP: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "asked",
    "away",
    "back",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "came",
    "can",
    "cannot",
    "could",
    "day",
    "did",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "from",
    "further",
    "get",
    "getting",
    "give",
    "given",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "including",
    "into",
    "it's",
    "its",
    "itself",
    "just",
    "know",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "need",
    "never",
    "new",
    "news",
    "next",
    "nor",
    "not",
    "now",
    "off",
    "one",
    "only",
    "onto",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "please",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "several",
    "she",
    "should",
    "since",
    "some",
    "something",
    "still",
    "such",
    "take",
    "taken",
    "tell",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "thing",
    "think",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "told",
    "too",
    "toward",
    "towards",
    "two",
    "under",
    "until",
    "upon",
    "very",
    "want",
    "was",
    "way",
    "week",
    "well",
    "went",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_list_is_sorted() {
        let mut sorted = STOP.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP);
    }

    #[test]
    fn words_are_normalised() {
        for (word, expected) in [
            ("Soldiers", "soldier"),
            ("casualties", "casualty"),
            ("Erdogan's", "erdogan"),
            ("news", "news"),
            ("glass", "glass"),
            ("status", "status"),
            ("(Idlib)", "idlib"),
            ("O’Neal", "o'neal"),
            ("O'Neal", "o'neal"),
            ("Erdogan’s", "erdogan"),
        ] {
            assert_eq!(normalise_word(word), expected, "{word}");
        }
    }

    #[test]
    fn content_words_drop_stop_words_and_numbers() {
        let got: Vec<String> =
            content_words("The 21 Syrian troops were killed in Idlib, he said.").collect();
        assert_eq!(got, ["syrian", "troop", "killed", "idlib"]);
    }

    #[test]
    fn rare_words_weigh_more() {
        assert!(
            idf("ceasefire") > idf("market"),
            "{} {}",
            idf("ceasefire"),
            idf("market")
        );
    }
}

//! Property tests: the text layer and the recogniser never panic, and every
//! offset they return lies on a char boundary inside the text.
use newsdesk_extract::{Config, entities, extract, keywords, sentences, tokenize};
use newsdesk_model::Article;
use proptest::prelude::*;

/// Text made of the characters that drive the rules, plus anything at all.
fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z .,;:!?'’\"“”«»()\\[\\]\\-–—&0-9\n\t éÉüßçİı€$%…`/_]{0,300}",
        "([A-Z][a-z]{0,8}|[a-z]{1,8}|al-[A-Z][a-z]{1,6}|U\\.S\\.|Mr\\.|[0-9]{1,4}(,[0-9]{3})?|'s|[.,\"“”]|\n\n)( |\n)?{0,80}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_ordered_slices(text in texts()) {
        let toks = tokenize(&text);
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(t.start >= last, "tokens overlap");
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!t.text(&text).chars().any(char::is_whitespace), "token with whitespace");
            last = t.end;
        }
        // Every non-whitespace character belongs to a token.
        let covered: usize = toks.iter().map(|t| t.text(&text).chars().count()).sum();
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn sentences_partition_tokens(text in texts()) {
        let toks = tokenize(&text);
        let sents = sentences(&text);
        let mut next = 0;
        for s in &sents {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.end > s.tokens.start);
            prop_assert!(s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            next = s.tokens.end;
        }
        prop_assert_eq!(next, toks.len());
    }

    #[test]
    fn mentions_are_exact_slices(text in texts()) {
        let ents = entities(&text);
        let mut firsts = Vec::new();
        for e in &ents {
            prop_assert!(!e.mentions.is_empty());
            prop_assert!(!e.name.is_empty());
            let mut prev = 0;
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
                prop_assert!(m.start >= prev, "mentions out of order");
                prev = m.start;
            }
            firsts.push(e.mentions[0].start);
        }
        prop_assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "entities not ordered by first mention");
    }

    #[test]
    fn extract_never_panics(text in texts()) {
        let article = Article { text: text.clone(), ..Article::default() };
        let x = extract(&article, &Config::default());
        prop_assert!(x.keywords.len() <= 10);
        let _ = keywords(&text, 3);
    }
}

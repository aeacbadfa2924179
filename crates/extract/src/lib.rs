//! Extracts what analysts search for from an [`Article`]: named entities
//! (PERSON, ORG, LOC, MISC) with every mention, direct quotes with speakers,
//! claims (reported speech: `X said that ...`, `according to X, ...`) with
//! speakers, quantities, dates resolved against the publication date, and
//! keywords.
//!
//! [`extract`] runs the whole chain (tokens, sentences, entities, quotes,
//! claims, quantities, dates, keywords) and returns an [`Extraction`]. The shared text
//! layer is public so later models can reuse it: [`tokenize`] gives
//! [`Token`]s with byte offsets, [`sentences`] gives [`Sentence`] spans, and
//! [`entities`] runs the recogniser alone. Entities come from a trained
//! sequence tagger ([`ner`]: averaged perceptron, Viterbi, gazetteer and word
//! cluster features, embedded model loaded once and shared by all threads)
//! followed by document-level passes (consistent labels, names tagged once
//! found again, surnames joined to full names); the other extractors are
//! rule-based. Extraction never fails and never panics on any input.
//!
//! ```
//! use newsdesk_extract::{extract, Config};
//! use newsdesk_model::{Article, Label};
//!
//! let article = Article {
//!     text: "Turkish President Recep Tayyip Erdogan met reporters in Ankara. \
//!            Erdogan said the talks went well."
//!         .into(),
//!     ..Article::default()
//! };
//! let extraction = extract(&article, &Config::default());
//! let erdogan = extraction
//!     .entities
//!     .iter()
//!     .find(|e| e.label == Label::Person)
//!     .expect("a person");
//! assert_eq!(erdogan.name, "Recep Tayyip Erdogan");
//! assert_eq!(erdogan.mentions.len(), 2);
//! assert_eq!(erdogan.mentions[1].text, "Erdogan");
//! ```
#![warn(missing_docs)]

mod claims;
mod dates;
mod entities;
mod error;
mod keywords;
mod languages;
mod lexicon;
pub mod ner;
mod quantities;
mod quotes;
mod sentences;
mod tokens;

pub use error::Error;
pub use sentences::Sentence;
pub use tokens::{Token, TokenKind, tokenize};

use newsdesk_model::{Article, Claim, DateMention, Entity, Extraction, Quantity, Quote};

/// Settings for [`extract`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// How many keywords to keep (default 10).
    pub max_keywords: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_keywords: 10 }
    }
}

/// Runs every extractor over one article: all of them for English and for text whose
/// language is unknown, the language-neutral ones for other languages (see
/// [`Extraction::extractors`], which lists those that ran).
///
/// ```
/// use newsdesk_extract::{extract, Config};
/// use newsdesk_model::Article;
///
/// let article = Article {
///     text: "Am 5. März 2020 trafen sich die Präsidenten in Moskau. „Wir sind bereit“, \
///            sagte Erdogan. Der Korridor ist 6 km breit und kostet 3,5 Mio. €."
///         .into(),
///     language: Some("de".into()),
///     ..Article::default()
/// };
/// let extraction = extract(&article, &Config::default());
/// assert!(extraction.entities.is_empty()); // the tagger is English
/// assert_eq!(extraction.dates[0].value, "2020-03-05");
/// assert_eq!(extraction.quotes[0].text, "Wir sind bereit");
/// assert_eq!(extraction.quotes[0].speaker, None);
/// assert_eq!(extraction.quantities[0].value, 6000.0);
/// assert!(extraction.extractors.contains(&"numeric-dates".to_string()));
/// ```
pub fn extract(article: &Article, config: &Config) -> Extraction {
    let text = article.text.as_str();
    let tokens = tokens::tokenize(text);
    let sents = sentences::split(text, &tokens);
    let profile = languages::Profile::of(article.language.as_deref());
    if !profile.english {
        return extract_neutral(article, &tokens, &sents, profile, config);
    }
    let entities = entities::find(text, &tokens, &sents);
    let Facts {
        quotes,
        quantities,
        dates,
        claims,
    } = facts(article, &entities);
    let keywords = keywords::find(text, &tokens, &sents, config.max_keywords);
    Extraction {
        entities,
        quotes,
        quantities,
        dates,
        claims,
        keywords,
        extractors: profile.extractors(),
    }
}

/// What does not depend on English, for an article in another language: quotation
/// marks without speakers, quantities with digits and a unit, numeric dates and dates
/// with the language's month names, key terms where the language has stop words.
fn extract_neutral(
    article: &Article,
    tokens: &[Token],
    sents: &[Sentence],
    profile: languages::Profile,
    config: &Config,
) -> Extraction {
    let text = article.text.as_str();
    let mut quotes = quotes::read(text, &[]).attribute();
    for q in &mut quotes {
        q.speaker = None;
        q.cue = None;
    }
    let keywords = match profile.stopwords {
        Some(stop) => keywords::find_with(
            text,
            tokens,
            sents,
            config.max_keywords,
            keywords::Vocabulary::Stopwords(stop),
        ),
        None => Vec::new(),
    };
    Extraction {
        entities: Vec::new(),
        quotes,
        quantities: quantities::find_numeric(text, profile.decimal_comma),
        dates: dates::find_numeric(text, article.published, profile.months),
        claims: Vec::new(),
        keywords,
        extractors: profile.extractors(),
    }
}

/// Splits `text` into sentences (byte spans plus token ranges into [`tokenize`]`(text)`).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let tokens = tokens::tokenize(text);
    sentences::split(text, &tokens)
}

/// Splits already tokenized `text` into sentences; `tokens` must come from [`tokenize`]`(text)`.
pub fn sentences_from_tokens(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    sentences::split(text, tokens)
}

/// Finds the named entities of `text`: one [`Entity`] per distinct entity,
/// ordered by first mention.
pub fn entities(text: &str) -> Vec<Entity> {
    let tokens = tokens::tokenize(text);
    let sents = sentences::split(text, &tokens);
    entities::find(text, &tokens, &sents)
}

/// The `n` most characteristic key terms of `text`, best first.
pub fn keywords(text: &str, n: usize) -> Vec<String> {
    let tokens = tokens::tokenize(text);
    let sents = sentences::split(text, &tokens);
    keywords::find(text, &tokens, &sents, n)
}

/// The facts of an article: quotes, quantities, dates and claims.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    /// Direct quotes, speakers resolved against the entities.
    pub quotes: Vec<Quote>,
    /// Counts and measurements.
    pub quantities: Vec<Quantity>,
    /// Dates resolved against the publication date.
    pub dates: Vec<DateMention>,
    /// Reported (indirect) speech with its source, speakers resolved against
    /// the entities like quote speakers.
    pub claims: Vec<Claim>,
}

impl Facts {
    /// How many facts were found in all.
    pub fn len(&self) -> usize {
        self.quotes.len() + self.quantities.len() + self.dates.len() + self.claims.len()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Finds the quotes, quantities, dates and claims of `article`; quote and
/// claim speakers are canonical names from `entities` (as returned by
/// [`entities`]).
pub fn facts(article: &Article, entities: &[Entity]) -> Facts {
    let text = article.text.as_str();
    let doc = quotes::read(text, entities);
    let quotes = doc.attribute();
    let claims = claims::find(&doc, &quotes);
    Facts {
        quotes,
        claims,
        quantities: quantities::find(text),
        dates: dates::find(text, article.published)
            .into_iter()
            .filter_map(|d| dates::to_iso(d, article.published))
            .collect(),
    }
}

/// The dates of `text` with TimeML values (`2020-03-05TNI`, `PRESENT_REF`,
/// `PAST_REF`), as TimeML corpora annotate them; [`facts`] and [`extract`]
/// give ISO 8601 values with the TimeML value beside (`DateMention::timex`).
pub fn timeml_dates(text: &str, published: Option<chrono::NaiveDate>) -> Vec<DateMention> {
    dates::find(text, published)
}

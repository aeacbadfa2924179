//! Types that cross a stage boundary in newsdesk: what ingest hands to
//! normalise ([`RawDocument`]), what normalise hands to extract ([`Article`]),
//! what extract produces ([`Extraction`]) and the record that the command line
//! prints and the index stores ([`Document`]). Plain data with serde derives;
//! no I/O and no behaviour beyond small helpers.
//!
//! ```
//! use newsdesk_model::{Article, Document, Extraction};
//!
//! let article = Article {
//!     id: "c3fdc311a6ea0004".into(),
//!     source: "fixtures/articles/a.txt".into(),
//!     text: "Erdogan spoke.".into(),
//!     ..Article::default()
//! };
//! let doc = Document { article, extraction: Extraction::default() };
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"id":"c3fdc311a6ea0004","source":"fixtures/articles/a.txt""#));
//! ```
#![warn(missing_docs)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An input format, as named on the command line (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Decide from the file extension and the first bytes.
    #[default]
    Auto,
    /// The whole file is one article body.
    Text,
    /// The whole file is one HTML page.
    Html,
    /// JSON lines, one article per line (optionally gzip-compressed).
    Jsonl,
    /// A WARC archive (optionally gzip-compressed, one member per record or one for all).
    Warc,
    /// An RSS 2.0 or Atom feed, one article per item or entry.
    Feed,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 6] = [
        Format::Auto,
        Format::Text,
        Format::Html,
        Format::Jsonl,
        Format::Warc,
        Format::Feed,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Feed => "feed",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an unknown format name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown format `{}` (expected auto, text, html, jsonl, warc or feed)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What the bytes of a [`RawDocument`] are, once containers (JSON lines, WARC,
/// feeds) have been unwrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    /// Plain text: the whole body is article text.
    #[default]
    Text,
    /// An HTML page or fragment.
    Html,
}

/// One document as read from its source, before decoding and cleanup.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawDocument {
    /// Where it came from: a path, `-` for standard input, or `path#record` inside an archive
    /// (`#L3` for the third line of a JSON-lines file, `#<urn:uuid:..>` for a WARC record,
    /// `#item-2` for a feed item).
    pub source: String,
    /// Whether `bytes` is plain text or HTML.
    pub kind: ContentKind,
    /// The body, undecoded.
    pub bytes: Vec<u8>,
    /// A character set declared by the container (HTTP `Content-Type`, XML declaration);
    /// JSON strings are always UTF-8 and say so here.
    pub charset: Option<String>,
    /// A title supplied by the container (JSON `title`, feed item title).
    pub title: Option<String>,
    /// The URL supplied by the container (JSON `url`, WARC target URI, feed item link).
    pub url: Option<String>,
    /// A publication date or timestamp as the container gives it, unparsed.
    pub published: Option<String>,
    /// The outlet or site name supplied by the container (JSON `source`, feed title).
    pub outlet: Option<String>,
    /// Byte offset of the record inside its file (0 for whole files).
    pub offset: u64,
}

/// What kind of non-article text normalise removed.
pub type RemovedKind = String;

/// A piece of text that normalise took out of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// `caption`, `credit`, `boilerplate`, `citation`, `byline`, `navigation`, ...
    pub kind: RemovedKind,
    /// The removed text, trimmed.
    pub text: String,
}

/// A cleaned article: decoded, main text only, normalised. The output of normalise.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the normalised text (the same text gives the same id).
    pub id: String,
    /// Where it came from (see [`RawDocument::source`]).
    pub source: String,
    /// The headline, if the input carries one.
    pub title: Option<String>,
    /// The publication date: the document's own, else the configured default.
    pub published: Option<NaiveDate>,
    /// ISO 639-1 language code, or `None` when detection is unsure.
    pub language: Option<String>,
    /// The normalised article body; paragraphs separated by a blank line.
    pub text: String,
    /// What was taken out of the body, in document order.
    pub removed: Vec<Removed>,
    /// Authors named by the page or the byline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The URL of the article, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet or site name, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// A dateline that opened the text (`MOSCOW (Reuters) -`), kept in the text and recorded here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// What the reader had to guess or repair to get this text (a page decoded with
    /// replacement characters, a page whose main container gave no text): each names the
    /// problem; empty when there was none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// An entity label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A person.
    Person,
    /// An organisation: companies, agencies, armed groups, media.
    Org,
    /// A location: countries, cities, regions, roads, geographic features.
    Loc,
    /// Other names: nationalities, events, works.
    Misc,
}

impl Label {
    /// Every label, in output order.
    pub const ALL: [Label; 4] = [Label::Person, Label::Org, Label::Loc, Label::Misc];

    /// `PERSON`, `ORG`, `LOC` or `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One occurrence of an entity or expression in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// The text between `start` and `end`.
    pub text: String,
}

/// One distinct entity of a document with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// PERSON, ORG, LOC or MISC.
    pub label: Label,
    /// The canonical name: the fullest form in the article, titles and possessives stripped.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the quotation marks (paragraphs of a multi-paragraph quote joined by a space).
    pub text: String,
    /// The canonical name of the speaker, or `None` (scare quotes, unknown speaker).
    pub speaker: Option<String>,
    /// The attribution verb (`said`, `told`, `added`, ...), if any.
    pub cue: Option<String>,
    /// Byte offset of the first quoted character.
    pub start: usize,
    /// Byte offset one past the last quoted character.
    pub end: usize,
}

/// A number with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The expression as written (`6km (3.7 miles)`, `more than 300 civilians`).
    pub text: String,
    /// The value in SI base units where a unit exists, else the plain count.
    pub value: f64,
    /// SI symbol (`m`, `s`, `kg`), `%`, an ISO 4217 code, or `None` for counts.
    pub unit: Option<String>,
    /// `at least`, `more than`, `nearly`, `about`, `up to`, ... or `None`.
    pub qualifier: Option<String>,
    /// Byte offset of the start of the expression.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// What is counted or measured (`civilians`, `artillery pieces`), if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The upper bound of a range (`10-12 km`), in the same unit as `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// Set when a dual-unit expression's two values disagree by more than 5%.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conversion_mismatch: bool,
    /// When the number counts people affected by an event: `killed`, `injured`,
    /// `arrested`, `kidnapped`, `displaced`, `missing`, `evacuated` or `affected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    /// The period a cumulative count covers, as the text says it (`since December`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// An attributed statement in reported (indirect) speech: `X said (that) ...`,
/// `according to X, ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The attributed content, without quotation marks.
    pub text: String,
    /// Canonical name of the source, or `None` when the text names none.
    pub speaker: Option<String>,
    /// The attribution cue (`said`, `told`, `according to`, ...).
    pub cue: Option<String>,
    /// Byte offset of the start of the content.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A date or time expression resolved to a calendar value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written (`on Thursday`, `March 15`).
    pub text: String,
    /// ISO 8601 at the precision the text gives: `2019`, `2019-12`, `2020-03-05`, `2020-03-05T22:00:00Z`.
    pub value: String,
    /// Byte offset of the start of the expression.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The TimeML value, where it says more than ISO 8601 can: a part of the day
    /// (`2020-03-05TNI`), a season (`2020-SU`), a quarter (`2019-Q1`) or the
    /// present (`PRESENT_REF`, whose `value` is the publication date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<String>,
}

/// Everything extract finds in one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// Distinct entities, ordered by first mention.
    pub entities: Vec<Entity>,
    /// Direct quotes in text order.
    pub quotes: Vec<Quote>,
    /// Quantities in text order.
    pub quantities: Vec<Quantity>,
    /// Dates in text order.
    pub dates: Vec<DateMention>,
    /// Claims (indirect attributed speech) in text order; always written,
    /// empty when there are none (the contract lists the key).
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Key terms, most characteristic first.
    pub keywords: Vec<String>,
    /// The extractors that ran, which depend on the document's language: English and
    /// undetected text get `entities`, `quotes`, `claims`, `quantities`, `dates` and
    /// `keywords`; other languages `quote-marks` (quotes without speakers),
    /// `numeric-quantities` (digits with a unit), `numeric-dates` (ISO and day-first
    /// numeric dates, month names of de, es, fr, it, nl, pl, pt) and, where the language
    /// has a stop-word list, `keywords`. Empty in records written before it existed.
    #[serde(default)]
    pub extractors: Vec<String>,
}

/// One processed document: the record `newsdesk extract --json` prints and the index stores.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// The cleaned article.
    #[serde(flatten)]
    pub article: Article,
    /// What was extracted from it.
    #[serde(flatten)]
    pub extraction: Extraction,
}

/// The normalised value of a [`FactReport`]: a number (in SI units where a unit exists) or text
/// (an ISO 8601 date, a quote's words). Serialised as a bare JSON number or string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A count or a measurement.
    Number(f64),
    /// An ISO 8601 date or time, or the words of a quote or claim.
    Text(String),
}

impl Default for FactValue {
    fn default() -> Self {
        FactValue::Text(String::new())
    }
}

/// A group of documents that report the same event (`newsdesk stories --json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Story {
    /// Stable story id: derived from the story's earliest member (by publication date, then id),
    /// so the same inputs give the same id in any order or thread count.
    pub id: String,
    /// A readable label (the headline of the most central member, or the top shared names).
    pub title: String,
    /// How many documents the story holds (copies included).
    pub size: usize,
    /// The earliest publication date among the members, if any has one.
    pub first_published: Option<NaiveDate>,
    /// The latest publication date among the members, if any has one.
    pub last_published: Option<NaiveDate>,
    /// The members, earliest first (publication date, then id).
    pub documents: Vec<StoryMember>,
    /// Why the members are grouped, strongest reason first.
    pub why: Vec<Reason>,
    /// Facts aligned across the members.
    pub facts: Vec<Fact>,
}

/// One document of a [`Story`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StoryMember {
    /// The document id.
    pub id: String,
    /// Where the document came from.
    pub source: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// The id of the earliest copy when this document is a near-duplicate of it.
    pub duplicate_of: Option<String>,
}

/// One reason why the documents of a [`Story`] are grouped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reason {
    /// `near-duplicate`, `entities`, `quotes`, `terms`, `time`, ...
    pub kind: String,
    /// A human-readable reason (`shared names: Idlib, Erdogan, Putin`).
    pub detail: String,
    /// How much this reason contributed (higher is stronger).
    pub weight: f64,
}

/// One fact of a [`Story`], aligned across its documents.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fact {
    /// `quantity`, `date`, `quote` or `claim`.
    pub kind: String,
    /// What the fact is about (`civilians killed`, `corridor width`).
    pub about: String,
    /// `agree`, `differ` or `single`.
    pub status: String,
    /// The speaker, for quotes and claims.
    pub speaker: Option<String>,
    /// `killed`, `injured`, ... when the fact counts people affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    /// Each document's wording of the fact.
    pub reports: Vec<FactReport>,
}

/// One document's report of a [`Fact`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactReport {
    /// The document id.
    pub document: String,
    /// The words in that document.
    pub text: String,
    /// Byte offset of the start of the words in the document's text.
    pub start: usize,
    /// Byte offset one past their end.
    pub end: usize,
    /// The normalised value: a number, an ISO date, or the quote's text.
    pub value: FactValue,
    /// The unit of a numeric value (`m`, `s`, ...), or `None`.
    pub unit: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn document_json_has_contract_fields_in_order() {
        let doc = Document {
            article: Article {
                id: "x".into(),
                published: NaiveDate::from_ymd_opt(2020, 3, 5),
                ..Article::default()
            },
            extraction: Extraction::default(),
        };
        let v = serde_json::to_value(&doc).unwrap();
        let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        let expected = [
            "id",
            "source",
            "title",
            "published",
            "language",
            "text",
            "removed",
            "entities",
            "quotes",
            "quantities",
            "dates",
            "claims",
            "keywords",
        ];
        for k in expected {
            assert!(keys.contains(&k.to_string()), "missing {k}");
        }
        assert_eq!(v["published"], "2020-03-05");
        let back: Document = serde_json::from_value(v).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn story_json_has_contract_fields() {
        let story = Story {
            id: "s1".into(),
            title: "Idlib ceasefire".into(),
            size: 1,
            documents: vec![StoryMember {
                id: "d1".into(),
                ..StoryMember::default()
            }],
            facts: vec![Fact {
                kind: "quantity".into(),
                status: "single".into(),
                reports: vec![FactReport {
                    document: "d1".into(),
                    value: FactValue::Number(12000.0),
                    unit: Some("m".into()),
                    ..FactReport::default()
                }],
                ..Fact::default()
            }],
            ..Story::default()
        };
        let v = serde_json::to_value(&story).unwrap();
        for k in [
            "id",
            "title",
            "size",
            "first_published",
            "last_published",
            "documents",
            "why",
            "facts",
        ] {
            assert!(v.get(k).is_some(), "missing {k}");
        }
        assert_eq!(v["facts"][0]["reports"][0]["value"], 12000.0);
        assert!(v["documents"][0]["duplicate_of"].is_null());
        assert!(v["facts"][0].get("count").is_none());
        let back: Story = serde_json::from_value(v).unwrap();
        assert_eq!(back, story);
    }
}

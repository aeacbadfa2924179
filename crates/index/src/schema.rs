//! The Tantivy schema, its tokenizers, the schema version file and the mapping from [`Document`].

use crate::tokenizer::WordTokenizer;
use crate::{Error, FacetKind};
use newsdesk_model::{Document, Label};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Facet, FacetOptions, Field, IndexRecordOption, NumericOptions,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer, TextAnalyzer,
};
use tantivy::{DateTime, TantivyDocument};

/// The schema version this build writes and reads. Bump it whenever a field,
/// an option or a tokenizer changes.
pub const SCHEMA_VERSION: u32 = 7;

/// The file in the index directory that records the schema version.
pub const SCHEMA_FILE: &str = "newsdesk-schema.json";

/// English text: words (see [`WordTokenizer`]), lowercased, accents folded, stemmed.
pub(crate) const TOKENIZER_ENGLISH: &str = "newsdesk_en";
/// Names: words, lowercased, accents folded; no stemming.
pub(crate) const TOKENIZER_NAME: &str = "newsdesk_name";
/// Short codes and outlet names: the whole value as one lowercased token.
pub(crate) const TOKENIZER_KEYWORD: &str = "newsdesk_keyword";

/// Languages other than English that Tantivy can stem: ISO 639-1 code, stemmer,
/// and the body field that holds documents in that language.
pub(crate) const STEMMED_LANGUAGES: [(&str, Language, &str); 17] = [
    ("ar", Language::Arabic, "body_ar"),
    ("da", Language::Danish, "body_da"),
    ("de", Language::German, "body_de"),
    ("el", Language::Greek, "body_el"),
    ("es", Language::Spanish, "body_es"),
    ("fi", Language::Finnish, "body_fi"),
    ("fr", Language::French, "body_fr"),
    ("hu", Language::Hungarian, "body_hu"),
    ("it", Language::Italian, "body_it"),
    ("nl", Language::Dutch, "body_nl"),
    ("no", Language::Norwegian, "body_no"),
    ("pt", Language::Portuguese, "body_pt"),
    ("ro", Language::Romanian, "body_ro"),
    ("ru", Language::Russian, "body_ru"),
    ("sv", Language::Swedish, "body_sv"),
    ("ta", Language::Tamil, "body_ta"),
    ("tr", Language::Turkish, "body_tr"),
];

/// The position in [`STEMMED_LANGUAGES`] of a document language, if Tantivy
/// stems it (Norwegian Bokmål and Nynorsk use the Norwegian stemmer).
pub(crate) fn stemmed_language(code: Option<&str>) -> Option<usize> {
    let code = match code? {
        "nb" | "nn" => "no",
        c => c,
    };
    STEMMED_LANGUAGES.iter().position(|(c, _, _)| *c == code)
}

/// A number that sorts like the id: content ids are 16 hex digits, read as
/// a number; other ids sort by their first 8 bytes.
pub(crate) fn id_order(id: &str) -> u64 {
    if id.len() == 16
        && let Ok(n) = u64::from_str_radix(id, 16)
        && id.bytes().all(|b| !b.is_ascii_uppercase())
    {
        return n;
    }
    let mut bytes = [0u8; 8];
    for (slot, b) in bytes.iter_mut().zip(id.bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(bytes)
}

/// The name of the tokenizer of a language's body field.
fn language_tokenizer(code: &str) -> String {
    format!("newsdesk_{code}")
}

/// Words lowercased, stemmed with `language`, then accents folded.
pub(crate) fn language_analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(language))
        .filter(AsciiFoldingFilter)
        .build()
}

/// Tokens longer than this many bytes are dropped (URLs, base64 junk).
const MAX_TOKEN_BYTES: usize = 64;

/// Field names, as usable in queries.
pub(crate) mod name {
    pub(crate) const ID: &str = "id";
    pub(crate) const SOURCE: &str = "source";
    pub(crate) const OUTLET: &str = "outlet";
    pub(crate) const URL: &str = "url";
    pub(crate) const TITLE: &str = "title";
    pub(crate) const BODY: &str = "body";
    pub(crate) const LANGUAGE: &str = "language";
    pub(crate) const PUBLISHED: &str = "published";
    pub(crate) const AUTHOR: &str = "author";
    pub(crate) const PERSON: &str = "person";
    pub(crate) const ORG: &str = "org";
    pub(crate) const LOC: &str = "loc";
    pub(crate) const MISC: &str = "misc";
    pub(crate) const SPEAKER: &str = "speaker";
    pub(crate) const QUOTE: &str = "quote";
    pub(crate) const CLAIM: &str = "claim";
    pub(crate) const CLAIMANT: &str = "claimant";
    pub(crate) const KEYWORD: &str = "keyword";
    pub(crate) const ENTITY: &str = "entity";
    pub(crate) const DOC_JSON: &str = "doc_json";
    pub(crate) const INPUT_KEY: &str = "input_key";
    pub(crate) const ID_ORDER: &str = "id_order";
    pub(crate) const PROFILE: &str = "profile";
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) source: Field,
    pub(crate) outlet: Field,
    pub(crate) url: Field,
    pub(crate) title: Field,
    pub(crate) body: Field,
    /// The body fields of the languages in [`STEMMED_LANGUAGES`], in its order.
    pub(crate) bodies: [Field; STEMMED_LANGUAGES.len()],
    pub(crate) language: Field,
    pub(crate) published: Field,
    pub(crate) author: Field,
    pub(crate) person: Field,
    pub(crate) org: Field,
    pub(crate) loc: Field,
    pub(crate) misc: Field,
    pub(crate) speaker: Field,
    pub(crate) quote: Field,
    pub(crate) claim: Field,
    pub(crate) claimant: Field,
    pub(crate) keyword: Field,
    pub(crate) entity: Field,
    pub(crate) doc_json: Field,
    pub(crate) input_key: Field,
    pub(crate) id_order: Field,
    /// The stories profile (`newsdesk_stories::Profile`) as JSON, stored only.
    pub(crate) profile: Field,
}

impl Fields {
    /// The text field holding names of entities with this label.
    pub(crate) fn for_label(&self, label: Label) -> Field {
        match label {
            Label::Person => self.person,
            Label::Org => self.org,
            Label::Loc => self.loc,
            Label::Misc => self.misc,
        }
    }
}

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::Basic
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

/// Builds the schema and returns it with its fields.
pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let raw = || text("raw", false);
    let fields = Fields {
        id: b.add_text_field(name::ID, raw().set_stored().set_fast("raw")),
        source: b.add_text_field(name::SOURCE, raw().set_stored().set_fast("raw")),
        outlet: b.add_text_field(name::OUTLET, text(TOKENIZER_KEYWORD, false)),
        url: b.add_text_field(name::URL, raw()),
        title: b.add_text_field(name::TITLE, text(TOKENIZER_ENGLISH, true)),
        body: b.add_text_field(name::BODY, text(TOKENIZER_ENGLISH, true)),
        bodies: STEMMED_LANGUAGES
            .map(|(code, _, field)| b.add_text_field(field, text(&language_tokenizer(code), true))),
        language: b.add_text_field(name::LANGUAGE, text(TOKENIZER_KEYWORD, false)),
        published: b.add_date_field(
            name::PUBLISHED,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        author: b.add_text_field(name::AUTHOR, text(TOKENIZER_NAME, true)),
        person: b.add_text_field(name::PERSON, text(TOKENIZER_NAME, true)),
        org: b.add_text_field(name::ORG, text(TOKENIZER_NAME, true)),
        loc: b.add_text_field(name::LOC, text(TOKENIZER_NAME, true)),
        misc: b.add_text_field(name::MISC, text(TOKENIZER_NAME, true)),
        speaker: b.add_text_field(name::SPEAKER, text(TOKENIZER_NAME, true)),
        quote: b.add_text_field(name::QUOTE, text(TOKENIZER_ENGLISH, true)),
        claim: b.add_text_field(name::CLAIM, text(TOKENIZER_ENGLISH, true)),
        claimant: b.add_text_field(name::CLAIMANT, text(TOKENIZER_NAME, true)),
        keyword: b.add_text_field(name::KEYWORD, text(TOKENIZER_ENGLISH, true)),
        entity: b.add_facet_field(name::ENTITY, FacetOptions::default()),
        doc_json: b.add_text_field(name::DOC_JSON, TextOptions::default().set_stored()),
        input_key: b.add_u64_field(
            name::INPUT_KEY,
            NumericOptions::default().set_indexed().set_fast(),
        ),
        id_order: b.add_u64_field(name::ID_ORDER, NumericOptions::default().set_fast()),
        profile: b.add_text_field(name::PROFILE, TextOptions::default().set_stored()),
    };
    (b.build(), fields)
}

/// The analyzer for English text fields.
pub(crate) fn english_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzer for names (entities, speakers, authors).
pub(crate) fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the newsdesk tokenizers; needed every time an index is opened.
pub(crate) fn register_tokenizers(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(TOKENIZER_ENGLISH, english_analyzer());
    manager.register(TOKENIZER_NAME, name_analyzer());
    for (code, language, _) in STEMMED_LANGUAGES {
        manager.register(&language_tokenizer(code), language_analyzer(language));
    }
    manager.register(
        TOKENIZER_KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

/// The tokens `analyzer` makes of `text`.
pub(crate) fn tokens(analyzer: &TextAnalyzer, text: &str) -> Vec<String> {
    let mut analyzer = analyzer.clone();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The content of [`SCHEMA_FILE`].
#[derive(Debug, Serialize, Deserialize)]
struct VersionFile {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written_by: Option<String>,
}

/// Reads the schema version recorded in `dir`; `None` when the file is absent.
pub(crate) fn read_version(dir: &Path) -> Result<Option<u32>, Error> {
    let path = dir.join(SCHEMA_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Io {
                dir: dir.to_path_buf(),
                source,
            });
        }
    };
    match serde_json::from_slice::<VersionFile>(&bytes) {
        Ok(v) => Ok(Some(v.version)),
        Err(_) => Err(Error::NotAnIndex {
            dir: dir.to_path_buf(),
            reason: "its newsdesk-schema.json is unreadable",
        }),
    }
}

/// Writes the current schema version into `dir` (atomically: temporary file, then rename).
pub(crate) fn write_version(dir: &Path) -> Result<(), Error> {
    let io = |source| Error::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let file = VersionFile {
        version: SCHEMA_VERSION,
        written_by: Some(format!("newsdesk-index {}", env!("CARGO_PKG_VERSION"))),
    };
    let mut json = serde_json::to_vec_pretty(&file).map_err(|e| io(e.into()))?;
    json.push(b'\n');
    let tmp = dir.join(format!("{SCHEMA_FILE}.tmp"));
    std::fs::write(&tmp, json).map_err(io)?;
    std::fs::rename(&tmp, dir.join(SCHEMA_FILE)).map_err(io)
}

/// Midnight UTC of a calendar day, as a Tantivy date.
pub(crate) fn day_start(date: chrono::NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp())
}

/// A facet path component: no control characters (the facet separator is NUL), trimmed.
fn facet_component(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The facet that counts entity `name` under `label`, if the name is not blank.
pub(crate) fn entity_facet(label: Label, name: &str) -> Option<Facet> {
    let name = facet_component(name);
    (!name.is_empty()).then(|| Facet::from_path([label.name(), name.as_str()]))
}

/// The root of the facets of a kind in the `entity` field: the label for entities,
/// `SPEAKER`, `OUTLET` and `LANGUAGE` for the others; `None` for stories (not indexed).
pub(crate) fn facet_root(kind: FacetKind) -> Option<&'static str> {
    match kind {
        FacetKind::Speaker => Some("SPEAKER"),
        FacetKind::Outlet => Some("OUTLET"),
        FacetKind::Language => Some("LANGUAGE"),
        FacetKind::Story => None,
        entity => entity.label().map(Label::name),
    }
}

/// The facet of `value` under `kind`, if the value is not blank and the kind is indexed.
pub(crate) fn kind_facet(kind: FacetKind, value: &str) -> Option<Facet> {
    let value = facet_component(value);
    let root = facet_root(kind)?;
    (!value.is_empty()).then(|| Facet::from_path([root, value.as_str()]))
}

/// The Tantivy document for `doc`.
pub(crate) fn to_tantivy(doc: &Document, f: &Fields) -> Result<TantivyDocument, Error> {
    let a = &doc.article;
    let x = &doc.extraction;
    let json = serde_json::to_string(doc).map_err(|source| Error::InvalidDocument {
        origin: a.source.clone(),
        reason: match source.classify() {
            serde_json::error::Category::Io => "it cannot be serialised (i/o)",
            _ => "it cannot be serialised as JSON",
        },
    })?;
    let mut t = TantivyDocument::default();
    t.add_text(f.id, &a.id);
    t.add_text(f.source, &a.source);
    let mut facets = BTreeSet::new();
    if let Some(outlet) = &a.outlet {
        t.add_text(f.outlet, outlet);
        facets.extend(kind_facet(FacetKind::Outlet, outlet));
    }
    if let Some(url) = &a.url {
        t.add_text(f.url, url);
    }
    if let Some(title) = &a.title {
        t.add_text(f.title, title);
    }
    t.add_u64(f.id_order, id_order(&a.id));
    match stemmed_language(a.language.as_deref()) {
        Some(i) => t.add_text(f.bodies[i], &a.text),
        None => t.add_text(f.body, &a.text),
    }
    if let Some(language) = &a.language {
        t.add_text(f.language, language);
        facets.extend(kind_facet(FacetKind::Language, language));
    }
    if let Some(date) = a.published {
        t.add_date(f.published, day_start(date));
    }
    for author in &a.authors {
        t.add_text(f.author, author);
    }
    for entity in &x.entities {
        let field = f.for_label(entity.label);
        // Every distinct spelling once: the canonical name, then each mention text.
        let mut seen = BTreeSet::new();
        let names = std::iter::once(entity.name.as_str())
            .chain(entity.mentions.iter().map(|m| m.text.as_str()));
        for n in names {
            let n = n.trim();
            if !n.is_empty() && seen.insert(n.to_lowercase()) {
                t.add_text(field, n);
            }
        }
        if let Some(facet) = entity_facet(entity.label, &entity.name) {
            facets.insert(facet);
        }
    }
    let mut speakers = BTreeSet::new();
    for quote in &x.quotes {
        t.add_text(f.quote, &quote.text);
        if let Some(speaker) = &quote.speaker
            && speakers.insert(speaker.as_str())
        {
            t.add_text(f.speaker, speaker);
            facets.extend(kind_facet(FacetKind::Speaker, speaker));
        }
    }
    for facet in facets {
        t.add_facet(f.entity, facet);
    }
    let mut claimants = BTreeSet::new();
    for claim in &x.claims {
        t.add_text(f.claim, &claim.text);
        if let Some(speaker) = &claim.speaker
            && claimants.insert(speaker.as_str())
        {
            t.add_text(f.claimant, speaker);
        }
    }
    for keyword in &x.keywords {
        t.add_text(f.keyword, keyword);
    }
    t.add_text(f.doc_json, json);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(analyzer: &TextAnalyzer, input: &str, expected: &[&str]) {
        assert_eq!(tokens(analyzer, input), expected, "tokens of {input:?}");
    }

    #[test]
    fn english_analyzer_stems_folds_and_lowercases() {
        let cases: &[(&str, &[&str])] = &[
            ("ceasefires", &["ceasefir"]),
            ("Ceasefire", &["ceasefir"]),
            ("Erdoğan's patrols", &["erdogan", "patrol"]),
            ("a cease-fire", &["a", "ceas", "ceasefir", "fire"]),
            ("M4 corridor", &["m4", "corridor"]),
            ("", &[]),
        ];
        let a = english_analyzer();
        for (input, expected) in cases {
            check(&a, input, expected);
        }
    }

    #[test]
    fn name_analyzer_keeps_words_whole() {
        let cases: &[(&str, &[&str])] = &[
            ("White Helmets", &["white", "helmets"]),
            ("Bashar al-Assad", &["bashar", "al", "alassad", "assad"]),
            ("Recep Tayyip Erdoğan", &["recep", "tayyip", "erdogan"]),
        ];
        let a = name_analyzer();
        for (input, expected) in cases {
            check(&a, input, expected);
        }
    }

    #[test]
    fn entity_facets_skip_blank_names_and_control_characters() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Vladimir Putin", Some("/PERSON/Vladimir Putin")),
            ("  ", None),
            ("a\u{0}b", Some("/PERSON/ab")),
            ("AC/DC", Some("/PERSON/AC\\/DC")),
        ];
        for (input, expected) in cases {
            let got = entity_facet(Label::Person, input).map(|f| f.to_string());
            assert_eq!(got.as_deref(), *expected, "facet of {input:?}");
        }
    }

    #[test]
    fn id_order_sorts_like_the_id() {
        let ids = [
            "",
            "a1",
            "b2",
            "t0",
            "t1",
            "0000000000000009",
            "000000000000000a",
            "00000000000000ff",
            "0000000000000100",
            "c3fdc311a6ea0004",
            "ffffffffffffffff",
        ];
        for pair in ids.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (oa, ob) = (id_order(a), id_order(b));
            if a.len() == b.len() {
                assert!(oa < ob, "{a} < {b}");
            }
        }
        assert!(id_order("a1") < id_order("b2"));
        assert!(id_order("0000000000000009") < id_order("000000000000000a"));
    }
}

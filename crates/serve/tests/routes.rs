//! Every route of `newsdesk serve` on an index of the repository's fixtures (the three
//! seed reports, normalised, extracted, grouped into stories and indexed in a temporary
//! directory) plus one hostile document whose title, text, quotes, names, outlet, URL
//! and removed text carry `<script>`, `"` and `'`: status codes, content types, the
//! JSON records' field names (those of the CLI's `--json`), escaping, the security
//! headers, bounds, and the static files.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use newsdesk_index::Index;
use newsdesk_model::{ContentKind, Document, Entity, Label, Mention, Quote, RawDocument, Removed};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// The hostile document's title: breaks out of text, of both kinds of attribute quotes,
/// and of an element.
const EVIL_TITLE: &str = "Ceasefire \"<script>alert('title')</script>\" '><svg onload=alert(1)>";
/// Its outlet and the name of a person it quotes.
const EVIL_OUTLET: &str = "Evil \"Outlet\" <script>alert('outlet')</script>";
const EVIL_PERSON: &str = "Ann O'Neil\"><img src=x onerror=alert('person')>";
/// The words of its quote.
const EVIL_QUOTE: &str = "<script>alert('quote')</script> is \"here\" & 'there'";
/// The hostile document's text. Searching `zanzibarite` finds only it.
fn evil_text() -> String {
    format!(
        "Zanzibarite officials in Idlib said on Saturday \"{EVIL_QUOTE}\", while \
         {EVIL_PERSON} watched <b>bold</b> <img src=x onerror=alert('text')> the ceasefire.\n\n\
         A second paragraph about the ceasefire with 3 killed."
    )
}

struct Fixture {
    app: Router,
    /// The seed documents' ids and titles.
    seeds: Vec<(String, String)>,
    evil_id: String,
    _dir: tempfile::TempDir,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn raw(
    source: &str,
    text: &str,
    title: &str,
    url: &str,
    published: &str,
    outlet: &str,
) -> RawDocument {
    RawDocument {
        source: source.into(),
        kind: ContentKind::Text,
        bytes: text.as_bytes().to_vec(),
        charset: Some("utf-8".into()),
        title: Some(title.into()),
        url: Some(url.into()),
        published: Some(published.into()),
        outlet: Some(outlet.into()),
        offset: 0,
    }
}

fn process(raw: RawDocument) -> Document {
    let config = newsdesk_normalise::Config {
        today: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
        ..newsdesk_normalise::Config::default()
    };
    let article = newsdesk_normalise::normalise(raw, &config).expect("fixture normalises");
    let extraction = newsdesk_extract::extract(&article, &newsdesk_extract::Config::default());
    Document {
        article,
        extraction,
    }
}

/// The hostile document, with its hostile quote, person and removed text added where
/// extraction did not find them as such.
fn evil() -> Document {
    let text = evil_text();
    let mut doc = process(raw(
        "hostile/<script>alert('source')</script>.txt",
        &text,
        EVIL_TITLE,
        "javascript:alert('url')",
        "2020-03-07",
        EVIL_OUTLET,
    ));
    let t = doc.article.text.clone();
    let quote_at = t.find(EVIL_QUOTE).expect("the quote survives normalising");
    doc.extraction.quotes.push(Quote {
        text: EVIL_QUOTE.into(),
        speaker: Some(EVIL_PERSON.into()),
        cue: Some("said".into()),
        start: quote_at,
        end: quote_at + EVIL_QUOTE.len(),
    });
    let person_at = t.find(EVIL_PERSON).expect("the name survives normalising");
    doc.extraction.entities.push(Entity {
        label: Label::Person,
        name: EVIL_PERSON.into(),
        mentions: vec![Mention {
            start: person_at,
            end: person_at + EVIL_PERSON.len(),
            text: EVIL_PERSON.into(),
        }],
    });
    doc.article.removed.push(Removed {
        kind: "caption\"<script>".into(),
        text: "<script>alert('removed')</script>".into(),
    });
    doc.article
        .authors
        .push("<script>alert('author')</script>".into());
    doc
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = Index::create_or_open(&dir.path().join("index")).expect("index");
        let seeds_path = root().join("fixtures/formats/seeds.jsonl");
        let seeds_text =
            std::fs::read_to_string(&seeds_path).expect("fixtures/formats/seeds.jsonl");
        let mut docs: Vec<Document> = Vec::new();
        for (i, line) in seeds_text.lines().enumerate() {
            let v: Value = serde_json::from_str(line).expect("a seed line is JSON");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            docs.push(process(raw(
                &format!("fixtures/formats/seeds.jsonl#L{}", i + 1),
                &s("text"),
                &s("title"),
                &s("url"),
                &s("published"),
                &s("source"),
            )));
        }
        let seeds = docs
            .iter()
            .map(|d| {
                (
                    d.article.id.clone(),
                    d.article.title.clone().unwrap_or_default(),
                )
            })
            .collect();
        let evil = evil();
        let evil_id = evil.article.id.clone();
        docs.push(evil);

        let mut writer = index.writer(50_000_000).expect("writer");
        let mut profiles = Vec::new();
        for doc in &docs {
            let profile = newsdesk_stories::profile(doc);
            writer
                .upsert_profiled(doc, None, Some(&profile))
                .expect("upsert");
            profiles.push(profile);
        }
        writer.commit().expect("commit");
        let grouping = newsdesk_stories::group(&profiles, &newsdesk_stories::Config::default());
        let by_id: BTreeMap<&str, &Document> =
            docs.iter().map(|d| (d.article.id.as_str(), d)).collect();
        writer
            .store_stories(&grouping, &|group| {
                let members: Vec<&Document> = group
                    .members
                    .iter()
                    .filter_map(|id| by_id.get(id.as_str()).copied())
                    .collect();
                Ok(newsdesk_stories::story(
                    group,
                    &members,
                    &grouping.duplicate_of,
                ))
            })
            .expect("stories");
        index.reload().expect("reload");
        Fixture {
            app: newsdesk_serve::router(Arc::new(index)),
            seeds,
            evil_id,
            _dir: dir,
        }
    })
}

struct Got {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Got {
    fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn json(&self) -> Value {
        assert!(
            self.content_type().starts_with("application/json"),
            "{} is not JSON: {}",
            self.content_type(),
            self.body
        );
        serde_json::from_str(&self.body).expect("the body is JSON")
    }

    /// A page: HTML, with no markup from a document.
    fn page(&self) -> &str {
        assert!(
            self.content_type().starts_with("text/html"),
            "{}",
            self.content_type()
        );
        assert_safe(&self.body);
        &self.body
    }
}

/// Requests `uri` with `method`; every response carries the security headers.
async fn request(method: Method, uri: &str) -> Got {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .expect("request");
    let response = fixture()
        .app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .expect("body");
    let got = Got {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8 body"),
    };
    let header = |name: header::HeaderName| {
        got.headers
            .get(&name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert!(
        header(header::CONTENT_SECURITY_POLICY).contains("default-src 'self'"),
        "{uri}: CSP {:?}",
        got.headers
    );
    assert_eq!(header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
    got
}

async fn get(uri: &str) -> Got {
    request(Method::GET, uri).await
}

/// No markup from a document survives in `page`: the only script element is the
/// page's own, and no element or attribute of the hostile document appears.
fn assert_safe(page: &str) {
    assert_eq!(
        page.matches("<script").count(),
        1,
        "one script element only: {page}"
    );
    assert!(page.contains("<script src=\"/static/app.js\" defer></script>"));
    for raw in ["<script>alert", "<img", "<svg onload", "<b>bold", " style="] {
        assert!(!page.contains(raw), "{raw} in {page}");
    }
    assert!(
        !page.to_ascii_lowercase().contains("href=\"javascript"),
        "{page}"
    );
}

/// `s` escaped as the pages escape text and attributes.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

fn has_keys(v: &Value, wanted: &[&str]) {
    let got = keys(v);
    for k in wanted {
        assert!(got.contains(k), "`{k}` missing from {got:?}");
    }
}

const HIT_KEYS: &[&str] = &[
    "id",
    "source",
    "title",
    "score",
    "snippet",
    "story",
    "duplicate_of",
];
const DOCUMENT_KEYS: &[&str] = &[
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
    "story",
    "duplicate_of",
    "copies",
];
const STORY_KEYS: &[&str] = &[
    "id",
    "title",
    "size",
    "first_published",
    "last_published",
    "documents",
    "why",
    "facts",
];

#[tokio::test]
async fn api_search_returns_the_cli_hits() {
    let f = fixture();
    let got = get("/api/search?q=ceasefire&limit=10").await;
    assert_eq!(got.status, StatusCode::OK);
    let hits = got.json();
    let hits = hits.as_array().expect("an array of hits");
    for (id, _) in &f.seeds {
        assert!(
            hits.iter().any(|h| h["id"] == id.as_str()),
            "seed {id} not found in {hits:?}"
        );
    }
    for h in hits {
        has_keys(h, HIT_KEYS);
        assert!(h["score"].is_number());
    }
    assert!(
        hits.iter()
            .filter(|h| h["id"] != f.evil_id.as_str())
            .all(|h| h["snippet"].as_str().unwrap_or("").contains("<b>")),
        "{hits:?}"
    );
    // Filters, dates, order and paging narrow the same search.
    let by_date = get("/api/search?q=ceasefire&from=2020-03-06&to=2020-03-31").await;
    let by_date = by_date.json();
    let ids: Vec<&str> = by_date
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert_eq!(ids, [f.evil_id.as_str()]);
    let newest = get("/api/search?q=ceasefire&sort=newest&limit=1")
        .await
        .json();
    assert_eq!(newest[0]["id"], f.evil_id.as_str());
    let second = get("/api/search?q=ceasefire&sort=newest&limit=1&offset=1")
        .await
        .json();
    assert_eq!(second.as_array().map(Vec::len), Some(1));
    assert_ne!(second[0]["id"], f.evil_id.as_str());
    let putin = get("/api/search?q=ceasefire&f=person:Vladimir%20Putin")
        .await
        .json();
    let n = putin.as_array().map_or(0, Vec::len);
    assert!(n >= 1 && n < hits.len(), "{n} of {}", hits.len());
}

#[tokio::test]
async fn api_bounds_are_capped_or_refused() {
    // Capped: a huge limit, a deep offset, a huge facet size.
    let huge = get("/api/search?q=&limit=1000000000").await;
    assert_eq!(huge.status, StatusCode::OK);
    assert!(huge.json().as_array().expect("array").len() <= 100);
    let deep = get("/api/search?q=ceasefire&offset=99999999&page=99999999").await;
    assert_eq!(deep.status, StatusCode::OK);
    assert_eq!(deep.json(), Value::Array(Vec::new()));
    let facets = get("/api/facets?q=&top=1000000").await;
    assert_eq!(facets.status, StatusCode::OK);
    let facets = facets.json();
    has_keys(&facets, &["documents", "values", "days", "undated"]);
    let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
    for v in facets["values"].as_array().expect("values") {
        has_keys(v, &["kind", "value", "documents"]);
        *per_kind.entry(v["kind"].to_string()).or_default() += 1;
    }
    assert!(per_kind.values().all(|n| *n <= 50), "{per_kind:?}");
    let quotes = get("/api/quotes?q=&limit=99999999").await;
    assert_eq!(quotes.status, StatusCode::OK);
    assert!(quotes.json().as_array().expect("array").len() <= 100);

    // Refused with a message: too long, bad numbers, bad syntax, too many filters.
    let long = format!("/api/search?q={}", "a".repeat(2000));
    let many: String = (0..11).map(|i| format!("&f=loc:{i}")).collect();
    let refused = [
        long,
        "/api/search?q=title:(".to_string(),
        "/api/search?q=%22unclosed".to_string(),
        "/api/search?q=x&limit=ten".to_string(),
        "/api/search?q=x&limit=-1".to_string(),
        "/api/search?q=x&sort=best".to_string(),
        "/api/search?q=x&from=yesterday".to_string(),
        "/api/search?q=x&f=colour:red".to_string(),
        format!("/api/search?q=x{many}"),
        "/api/facets?q=title:(".to_string(),
        "/api/entities?q=title:(".to_string(),
        "/api/quotes?q=x&speaker=".to_string() + &"s".repeat(400),
        "/api/stories?q=title:(".to_string(),
    ];
    for uri in &refused {
        let got = get(uri).await;
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{uri}: {}", got.body);
        let message = got.json()["error"].as_str().unwrap_or("").to_string();
        assert!(!message.is_empty(), "{uri}: {}", got.body);
    }
}

#[tokio::test]
async fn api_documents_return_the_show_record() {
    let f = fixture();
    let (id, title) = &f.seeds[0];
    let got = get(&format!("/api/documents/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.json();
    has_keys(&doc, DOCUMENT_KEYS);
    assert_eq!(doc["id"], id.as_str());
    assert_eq!(doc["title"], title.as_str());
    assert!(doc["copies"].is_array());
    assert!(doc["entities"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(doc["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    if !doc["story"].is_null() {
        has_keys(&doc["story"], &["id", "title", "size"]);
    }
    // The hostile document comes back as it was stored: JSON escapes it, and the
    // response says it is JSON (nosniff makes browsers believe that).
    let evil = get(&format!("/api/documents/{}", f.evil_id)).await.json();
    assert_eq!(evil["title"], EVIL_TITLE);

    for (uri, status) in [
        ("/api/documents/0000000000000000", StatusCode::NOT_FOUND),
        (
            "/api/documents/..%2F..%2Fetc%2Fpasswd",
            StatusCode::NOT_FOUND,
        ),
        ("/api/documents/a%20b", StatusCode::NOT_FOUND),
        ("/api/documents/%3Cscript%3E", StatusCode::NOT_FOUND),
        (
            &*format!("/api/documents/{}", "a".repeat(65)),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let got = get(uri).await;
        assert_eq!(got.status, status, "{uri}");
        assert!(got.json()["error"].is_string(), "{uri}");
    }
}

#[tokio::test]
async fn api_stories_return_the_cli_records() {
    let f = fixture();
    let all = get("/api/stories?min_size=1&limit=1000").await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    let all = all.as_array().expect("an array of stories");
    assert!(!all.is_empty());
    let mut covered = 0;
    for s in all {
        has_keys(s, STORY_KEYS);
        for m in s["documents"].as_array().expect("members") {
            has_keys(m, &["id", "source", "published", "outlet", "duplicate_of"]);
            covered += 1;
        }
        for fact in s["facts"].as_array().expect("facts") {
            has_keys(fact, &["kind", "about", "status", "speaker", "reports"]);
            assert!(
                ["agree", "differ", "single"].contains(&fact["status"].as_str().unwrap_or("")),
                "{fact}"
            );
        }
    }
    // Every indexed document is in exactly one story.
    assert_eq!(covered, f.seeds.len() + 1);
    assert!(all.len() <= 1000);
    let limited = get("/api/stories?min_size=1&limit=1").await.json();
    assert_eq!(limited.as_array().map(Vec::len), Some(1));

    let id = all[0]["id"].as_str().expect("story id");
    let one = get(&format!("/api/stories/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    let one = one.json();
    has_keys(&one, STORY_KEYS);
    assert_eq!(one["id"], id);
    for uri in ["/api/stories/nosuchstory", "/api/stories/%22%3E"] {
        let got = get(uri).await;
        assert_eq!(got.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(got.json()["error"].is_string());
    }
}

#[tokio::test]
async fn api_entities_and_quotes_return_the_cli_records() {
    let entities = get("/api/entities?q=ceasefire&top=5").await;
    assert_eq!(entities.status, StatusCode::OK);
    let entities = entities.json();
    let entities = entities.as_array().expect("array");
    assert!(
        entities.iter().any(|e| e["name"] == "Vladimir Putin"),
        "{entities:?}"
    );
    for e in entities {
        has_keys(e, &["label", "name", "documents"]);
    }
    let quotes = get("/api/quotes?q=&limit=5").await;
    assert_eq!(quotes.status, StatusCode::OK);
    let quotes = quotes.json();
    let quotes = quotes.as_array().expect("array");
    assert!(!quotes.is_empty() && quotes.len() <= 5);
    for q in quotes {
        has_keys(
            q,
            &[
                "kind",
                "id",
                "source",
                "outlet",
                "published",
                "speaker",
                "text",
            ],
        );
    }
    let by = get("/api/quotes?speaker=Recep%20Tayyip%20Erdogan&limit=50")
        .await
        .json();
    let by = by.as_array().expect("array");
    assert!(!by.is_empty());
    assert!(
        by.iter().all(|q| q["speaker"] == "Recep Tayyip Erdogan"),
        "{by:?}"
    );
    let claims = get("/api/quotes?q=&claims=1&limit=100").await.json();
    assert!(claims.as_array().expect("array").len() >= quotes.len());
}

#[tokio::test]
async fn search_page_lists_hits_facets_chips_and_the_histogram() {
    let f = fixture();
    let home = get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    let home = home.page();
    assert!(home.contains("name=\"q\""));
    assert!(home.contains("<label for=\"q\""));
    assert!(
        home.contains("class=\"histogram\""),
        "three days of documents: a histogram"
    );

    let got = get("/search?q=ceasefire").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let page = got.page();
    for (id, title) in &f.seeds {
        assert!(page.contains(&format!("href=\"/documents/{id}\"")), "{id}");
        assert!(page.contains(&escaped(title)), "{title}");
    }
    assert!(page.contains("<mark>"));
    let putin = "href=\"/search?q=ceasefire&amp;f=person%3AVladimir+Putin\"";
    assert!(page.contains(putin), "a facet link for Vladimir Putin");
    assert!(page.contains("class=\"facet\" data-kind=\"person\""));

    let filtered = get("/search?q=ceasefire&f=person%3AVladimir+Putin").await;
    assert_eq!(filtered.status, StatusCode::OK);
    let filtered = filtered.page();
    assert!(filtered.contains("class=\"chip\" data-kind=\"person\""));
    assert!(
        filtered.contains("href=\"/search?q=ceasefire\""),
        "the chip removes the filter"
    );
    assert!(filtered.contains("class=\"facet active\""));
    assert!(!filtered.contains(&format!("href=\"/documents/{}\"", f.evil_id)));

    let dated = get("/search?q=ceasefire&from=2020-03-05&to=2020-03-05").await;
    let dated = dated.page();
    assert!(dated.contains("data-kind=\"date\""));
    assert!(!dated.contains(&format!("href=\"/documents/{}\"", f.evil_id)));

    let newest = get("/search?q=ceasefire&sort=newest").await;
    assert!(newest.page().contains("<option value=\"newest\" selected>"));
    let deep = get("/search?q=ceasefire&page=99999999").await;
    assert_eq!(deep.status, StatusCode::OK);
    assert!(deep.page().contains("No more documents"));
}

#[tokio::test]
async fn document_page_highlights_by_kind() {
    let f = fixture();
    let (id, title) = &f.seeds[0];
    let got = get(&format!("/documents/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    let page = got.page();
    assert!(page.contains(&format!("<h1>{}</h1>", escaped(title))));
    for class in [
        "hl hl-person",
        "hl hl-loc",
        "hl hl-quote",
        "hl hl-date",
        "hl-speaker",
    ] {
        assert!(page.contains(class), "{class}");
    }
    for kind in ["person", "loc", "quote", "speaker"] {
        assert!(
            page.contains(&format!("id=\"show-{kind}\" data-kind=\"{kind}\" checked")),
            "legend {kind}"
        );
    }
    assert!(page.contains("data-speaker=\"Recep Tayyip Erdogan\""));
    assert!(page.contains("<dt>Source</dt>"));
    assert!(
        page.contains("<details class=\"removed\">"),
        "the removed 'More:' stub is folded"
    );
    assert!(page.contains("href=\"https://www.aljazeera.com/"));
}

#[tokio::test]
async fn story_page_shows_timeline_members_and_facts() {
    let stories = get("/api/stories?min_size=2").await.json();
    let stories = stories.as_array().expect("array");
    let Some(story) = stories.first() else {
        panic!("the three seed reports make a story: {stories:?}");
    };
    let id = story["id"].as_str().expect("id");
    let got = get(&format!("/stories/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    let page = got.page();
    assert!(page.contains("<figure class=\"timeline\">"));
    assert!(page.contains("<table class=\"members\">"));
    for m in story["documents"].as_array().expect("members") {
        let mid = m["id"].as_str().expect("member id");
        assert!(
            page.contains(&format!("href=\"/documents/{mid}\"")),
            "{mid}"
        );
    }
    if story["facts"].as_array().is_some_and(|f| !f.is_empty()) {
        assert!(page.contains("<table class=\"facts\">"));
        assert!(page.contains("class=\"status status-"));
    }
    assert!(page.contains(&format!("href=\"/search?f=story:{id}\"")));
}

#[tokio::test]
async fn hostile_strings_are_only_ever_shown_escaped() {
    let f = fixture();
    let evil = f.evil_id.as_str();
    let person = form_urlencoded::byte_serialize(format!("person:{EVIL_PERSON}").as_bytes())
        .collect::<String>();
    let outlet = form_urlencoded::byte_serialize(format!("outlet:{EVIL_OUTLET}").as_bytes())
        .collect::<String>();
    let story = get(&format!("/api/documents/{evil}")).await.json()["story"]["id"]
        .as_str()
        .map(str::to_string);
    let mut pages = vec![
        "/".to_string(),
        "/search?q=zanzibarite".to_string(),
        "/search?q=&sort=newest".to_string(),
        format!("/search?f={person}"),
        format!("/search?q=zanzibarite+%22%3Cscript%3E%22&f={outlet}"),
        format!("/documents/{evil}"),
    ];
    if let Some(s) = &story {
        pages.push(format!("/stories/{s}"));
    }
    for uri in &pages {
        let got = get(uri).await;
        assert_eq!(got.status, StatusCode::OK, "{uri}");
        got.page();
    }
    // Shown, escaped, where each belongs.
    let search = get("/search?q=zanzibarite").await;
    let search = search.page();
    assert!(search.contains(&escaped(EVIL_TITLE)));
    assert!(search.contains(&escaped(EVIL_OUTLET)));
    let document = get(&format!("/documents/{evil}")).await;
    let document = document.page();
    for s in [
        EVIL_TITLE,
        EVIL_OUTLET,
        EVIL_QUOTE,
        EVIL_PERSON,
        "javascript:alert('url')",
    ] {
        assert!(document.contains(&escaped(s)), "{s}");
    }
    assert!(
        document.contains("<code>javascript:alert(&#39;url&#39;)</code>"),
        "not a link"
    );
    let chip = get(&format!("/search?f={person}")).await;
    assert!(chip.page().contains(&escaped(EVIL_PERSON)));
    // Failures echo what was asked, escaped.
    for uri in [
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E(",
        "/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/stories/%22%3E%3Cimg%20src=x%3E",
        "/%3Cscript%3Ealert(1)%3C/script%3E",
    ] {
        let got = get(uri).await;
        assert!(got.status.is_client_error(), "{uri}: {}", got.status);
        got.page();
    }
}

#[tokio::test]
async fn failures_are_pages_or_json_with_their_status() {
    for (uri, status) in [
        ("/search?q=title:(", StatusCode::BAD_REQUEST),
        ("/search?q=x&limit=many", StatusCode::BAD_REQUEST),
        ("/search?page=two", StatusCode::BAD_REQUEST),
        ("/search?f=colour:red", StatusCode::BAD_REQUEST),
        ("/documents/0000000000000000", StatusCode::NOT_FOUND),
        ("/documents/a.b", StatusCode::NOT_FOUND),
        ("/stories/nosuchstory", StatusCode::NOT_FOUND),
        ("/nowhere", StatusCode::NOT_FOUND),
        ("/static/nothing.css", StatusCode::NOT_FOUND),
        ("/documents", StatusCode::NOT_FOUND),
    ] {
        let got = get(uri).await;
        assert_eq!(got.status, status, "{uri}");
        let page = got.page();
        if status == StatusCode::BAD_REQUEST {
            assert!(page.contains("class=\"error\" role=\"alert\""), "{uri}");
        }
    }
    let api = get("/api/nowhere").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert!(api.json()["error"].is_string());
    // Read-only: nothing but GET (and HEAD) is routed.
    for (method, uri) in [
        (Method::POST, "/api/search?q=x"),
        (Method::PUT, "/api/documents/0000000000000000"),
        (Method::DELETE, "/api/stories/x"),
        (Method::POST, "/search"),
    ] {
        let got = request(method.clone(), uri).await;
        assert_eq!(got.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
    }
}

#[tokio::test]
async fn static_files_are_served_with_their_types() {
    let css = get("/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.content_type(), "text/css; charset=utf-8");
    assert!(css.body.contains("prefers-color-scheme: dark"));
    let js = get("/static/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert_eq!(js.content_type(), "text/javascript; charset=utf-8");
    assert!(js.body.contains("addEventListener"));
    for uri in ["/static/favicon.svg", "/favicon.ico"] {
        let icon = get(uri).await;
        assert_eq!(icon.status, StatusCode::OK, "{uri}");
        assert_eq!(icon.content_type(), "image/svg+xml", "{uri}");
        assert!(icon.body.starts_with("<svg"), "{uri}");
    }
    // Every class the pages use is styled (or is a hook the script uses).
    let f = fixture();
    let story = get("/api/stories?min_size=2").await.json()[0]["id"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_default();
    let mut classes = std::collections::BTreeSet::new();
    for uri in [
        "/".to_string(),
        "/search?q=ceasefire&f=person%3AVladimir+Putin&from=2020-03-01".to_string(),
        format!("/documents/{}", f.seeds[0].0),
        format!("/documents/{}", f.evil_id),
        format!("/stories/{story}"),
        "/search?q=title:(".to_string(),
    ] {
        let page = get(&uri).await;
        for part in page.body.split("class=\"").skip(1) {
            let names = part.split('"').next().unwrap_or("");
            classes.extend(names.split_whitespace().map(str::to_string));
        }
    }
    let unstyled: Vec<&String> = classes
        .iter()
        .filter(|c| c.as_str() != "toggle" && !css.body.contains(&format!(".{c}")))
        .collect();
    assert!(unstyled.is_empty(), "classes without a style: {unstyled:?}");
    assert!(classes.contains("hl-quote") && classes.contains("histogram"));
}

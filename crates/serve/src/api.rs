//! The JSON API under `/api/`: the same records the CLI's `--json` prints, from the same types.

use crate::params::{Search, valid_id};
use crate::{App, Failure};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use newsdesk_index::Index;
use serde::Serialize;

/// A failure as JSON: `{"error": "..."}` with its status.
pub(crate) fn failure(f: Failure) -> Response {
    let body = serde_json::json!({ "error": f.message() });
    (f.status(), Json(body)).into_response()
}

fn json<T: Serialize>(result: Result<T, Failure>) -> Response {
    match result {
        Ok(value) => ([(header::CACHE_CONTROL, "no-store")], Json(value)).into_response(),
        Err(f) => failure(f),
    }
}

async fn with_params<T, F>(
    app: &App,
    raw: Option<String>,
    default_limit: usize,
    work: F,
) -> Response
where
    T: Serialize + Send + 'static,
    F: FnOnce(&Index, Search) -> Result<T, Failure> + Send + 'static,
{
    let params = match Search::parse(raw.as_deref(), default_limit) {
        Ok(p) => p,
        Err(f) => return failure(f),
    };
    json(app.read(move |index| work(index, params)).await)
}

/// `GET /api/search?q=&limit=&offset=&sort=&f=&from=&to=&all=`: hits as `search --json` prints them.
pub(crate) async fn search(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    with_params(&app, raw, 10, |index, p| {
        Ok(index.search(&p.q, &p.options())?)
    })
    .await
}

/// `GET /api/facets?q=&f=&from=&to=&top=`: counts per facet kind and per publication day.
pub(crate) async fn facets(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    with_params(&app, raw, 10, |index, p| {
        Ok(index.facets(&p.q, &p.options(), p.top)?)
    })
    .await
}

/// `GET /api/entities?q=&top=`: entity counts as `entities --json` prints them.
pub(crate) async fn entities(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    with_params(&app, raw, 10, |index, p| {
        Ok(index.entity_facets(Some(&p.q), p.top)?)
    })
    .await
}

/// `GET /api/quotes?q=&speaker=&limit=&claims=`: quotes as `quotes --json` prints them.
pub(crate) async fn quotes(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    with_params(&app, raw, 50, |index, p| {
        let (q, speaker) = (Some(p.q.as_str()), p.speaker.as_deref());
        Ok(if p.claims {
            index.quotes_and_claims(q, speaker, p.limit)?
        } else {
            index.quotes(q, speaker, p.limit)?
        })
    })
    .await
}

/// `GET /api/stories?q=&limit=&min_size=`: stories as `stories --json` prints them, largest first.
pub(crate) async fn stories(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    with_params(&app, raw, 20, |index, p| {
        Ok(index.stories(Some(&p.q), p.min_size, p.limit)?)
    })
    .await
}

/// `GET /api/documents/ID`: the document's record as `show --json` prints it
/// ([`newsdesk_index::DocumentRecord`]); 404 for an unknown id.
pub(crate) async fn document(State(app): State<App>, Path(id): Path<String>) -> Response {
    if !valid_id(&id) {
        return failure(Failure::NotFound(format!("no document with id `{id}`")));
    }
    json(
        app.read(move |index| {
            index
                .record(&id)?
                .ok_or_else(|| Failure::NotFound(format!("no document with id `{id}`")))
        })
        .await,
    )
}

/// `GET /api/stories/ID`: the story's record; 404 for an unknown id.
pub(crate) async fn story(State(app): State<App>, Path(id): Path<String>) -> Response {
    if !valid_id(&id) {
        return failure(Failure::NotFound(format!("no story with id `{id}`")));
    }
    json(
        app.read(move |index| {
            index
                .story(&id)?
                .ok_or_else(|| Failure::NotFound(format!("no story with id `{id}`")))
        })
        .await,
    )
}

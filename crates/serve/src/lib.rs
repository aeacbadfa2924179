//! `newsdesk serve`: the archive in a browser and over HTTP. [`router`] gives the
//! axum [`Router`] of an open [`Index`]: server-rendered pages (search with facets,
//! chips and a date histogram at `/search`, a document with its facts highlighted at
//! `/documents/ID`, a story with its timeline and facts at `/stories/ID`) and a
//! read-only JSON API under `/api/` that returns the records the CLI's `--json`
//! prints. [`serve`] runs it on a listener until a shutdown signal, reloading the
//! index when a new commit lands; [`run`] is the whole command (open, bind, serve
//! until Ctrl-C). Every page is escaped HTML with CSS and JavaScript served from
//! `/static/` (embedded in the binary), under a `default-src 'self'`
//! Content-Security-Policy; Tantivy work runs on the blocking pool, a bounded number
//! of requests at a time.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use newsdesk_index::Index;
//! use std::sync::Arc;
//! use tower::ServiceExt;
//!
//! let dir = tempfile::tempdir()?;
//! let index = Arc::new(Index::create_or_open(&dir.path().join("archive"))?);
//! let app = newsdesk_serve::router(index);
//! let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
//! let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
//! let found = runtime.block_on(app.clone().oneshot(get("/api/search?q=ceasefire")))?;
//! assert_eq!(found.status(), StatusCode::OK);
//! let bad = runtime.block_on(app.oneshot(get("/api/search?q=title:(")))?;
//! assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

mod api;
mod error;
mod html;
mod pages;
mod params;

pub use error::Error;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use newsdesk_index::Index;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The address `newsdesk serve` listens on when `--addr` is not given.
pub const DEFAULT_ADDR: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 8077);

/// How often the server looks for a new commit of the index.
const RELOAD_EVERY: Duration = Duration::from_secs(2);

/// The shared state of every request: the index, opened once, and the permits that
/// bound how many requests search it at a time.
#[derive(Clone)]
pub(crate) struct App {
    index: Arc<Index>,
    permits: Arc<Semaphore>,
}

/// Why a request failed, shown as JSON by the API and as a page by the pages.
#[derive(Debug)]
pub(crate) enum Failure {
    /// 400: the request (its query syntax, a parameter) is wrong.
    BadRequest(String),
    /// 404: no such document, story or page.
    NotFound(String),
    /// 500: the index could not answer.
    Internal(String),
}

impl Failure {
    fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> &str {
        match self {
            Failure::BadRequest(m) | Failure::NotFound(m) | Failure::Internal(m) => m,
        }
    }
}

impl From<newsdesk_index::Error> for Failure {
    fn from(e: newsdesk_index::Error) -> Self {
        match e {
            newsdesk_index::Error::Query { .. } => Failure::BadRequest(e.to_string()),
            other => Failure::Internal(other.to_string()),
        }
    }
}

impl App {
    /// Runs `work` on the blocking pool once a permit is free: Tantivy reads block,
    /// and a bounded number of them at a time keeps latency flat under load.
    pub(crate) async fn read<T, F>(&self, work: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&Index) -> Result<T, Failure> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| Failure::Internal("the server is shutting down".into()))?;
        let index = Arc::clone(&self.index);
        tokio::task::spawn_blocking(move || work(&index))
            .await
            .map_err(|_| Failure::Internal("the request failed inside the server".into()))?
    }
}

/// The routes of the pages, the API and the static files, over `index`.
pub fn router(index: Arc<Index>) -> Router {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let app = App {
        index,
        permits: Arc::new(Semaphore::new(cores * 2)),
    };
    Router::new()
        .route("/", get(pages::search::home))
        .route("/search", get(pages::search::page))
        .route("/documents/{id}", get(pages::document::page))
        .route("/stories/{id}", get(pages::story::page))
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
        .route("/static/favicon.svg", get(icon))
        .route("/favicon.ico", get(icon))
        .route("/api/search", get(api::search))
        .route("/api/facets", get(api::facets))
        .route("/api/entities", get(api::entities))
        .route("/api/quotes", get(api::quotes))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(app)
}

/// Serves `index` on `listener` until `shutdown` completes, then finishes the
/// requests in flight. Every two seconds the index is reloaded, so that a commit made
/// by `newsdesk ingest` meanwhile is searched from then on.
pub async fn serve<S>(
    listener: tokio::net::TcpListener,
    index: Arc<Index>,
    shutdown: S,
) -> Result<(), Error>
where
    S: std::future::Future<Output = ()> + Send + 'static,
{
    let reloading = Arc::clone(&index);
    let reloader = tokio::spawn(async move {
        let mut tick = tokio::time::interval(RELOAD_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let index = Arc::clone(&reloading);
            // A failed reload keeps the last commit; the next tick tries again.
            let _ = tokio::task::spawn_blocking(move || index.reload()).await;
        }
    });
    let served = axum::serve(listener, router(index))
        .with_graceful_shutdown(shutdown)
        .await;
    reloader.abort();
    served.map_err(|source| Error::Io { source })
}

/// `newsdesk serve`: opens the index in `dir` read-only, listens on `addr` (with a
/// warning on standard error when it is not a loopback address: there is no
/// authentication), prints the URL and serves until Ctrl-C (or SIGTERM).
pub fn run(dir: &Path, addr: SocketAddr) -> Result<(), Error> {
    let index = Index::open(dir).map_err(|source| Error::Open {
        dir: dir.to_path_buf(),
        source,
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io { source })?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Bind { addr, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| Error::Bind { addr, source })?;
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: listening on {local}, which is not a loopback address: \
                 newsdesk serve has no authentication, anyone who can reach it can read the archive"
            );
        }
        println!(
            "newsdesk serve: {} documents from {} on http://{local}/ (Ctrl-C stops)",
            index.num_docs(),
            dir.display()
        );
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        serve(listener, Arc::new(index), stop_signal()).await
    })
}

/// Completes on Ctrl-C, or on SIGTERM where there is one.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = ctrl_c => {}
            () = term => {}
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

/// The headers every response carries: scripts, styles and images from this server
/// only (no inline script can run), no MIME sniffing, no framing, no referrer.
async fn secure_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

async fn style() -> Response {
    static_file(
        "text/css; charset=utf-8",
        include_str!("../static/style.css"),
    )
}

async fn script() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("../static/app.js"),
    )
}

async fn icon() -> Response {
    static_file("image/svg+xml", include_str!("../static/favicon.svg"))
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        api::failure(Failure::NotFound(format!("no route {}", uri.path())))
    } else {
        pages::failure(&Failure::NotFound(format!(
            "There is no page at {}.",
            uri.path()
        )))
    }
}

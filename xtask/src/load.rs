//! The load test of `newsdesk serve`: many keep-alive clients on loopback searching the API and rendering pages.
//!
//! [`measure`] starts `newsdesk serve` on an index (port 0: the server picks a free one
//! and prints it), then runs `clients` HTTP/1.1 connections for `seconds`. Each client
//! asks `/api/search?q=` over the bench's [`QUERIES`] in rotation (each client starting
//! at its own place in the list); every tenth request (`page_every`) is a page instead, in turn
//! `/search?q=` and `/documents/ID` (ids found by the warm-up). A request counts as an
//! error when the connection fails, the answer is not a 200 with the expected body, or
//! it takes longer than [`REQUEST_TIMEOUT`]. The server is stopped at the end, on error
//! too. The client is a small HTTP/1.1 reader over tokio's `TcpStream` (status line,
//! `Content-Length` or chunked bodies) on one thread, so that it takes little of the CPU
//! the server is measured on.

use crate::bench::{QUERIES, percentile};
use anyhow::{Context, bail};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest a request may take before it counts as an error.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the server may take to open the index and print its address.
const START_TIMEOUT: Duration = Duration::from_secs(120);
/// The largest response head or chunk-size line accepted.
const MAX_HEAD: usize = 64 * 1024;

/// How hard and how long to load the server.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options {
    /// Seconds of load (0: no load test).
    pub(crate) seconds: u64,
    /// Concurrent keep-alive connections.
    pub(crate) clients: usize,
    /// One request in this many is a page render rather than an API search (0: none).
    pub(crate) page_every: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seconds: 30,
            clients: 200,
            page_every: 10,
        }
    }
}

/// Latencies of one kind of request, in milliseconds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Latency {
    pub(crate) requests: usize,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
}

impl Latency {
    fn of(mut ms: Vec<f64>) -> Latency {
        ms.sort_by(f64::total_cmp);
        Latency {
            requests: ms.len(),
            p50_ms: percentile(&ms, 50.0),
            p99_ms: percentile(&ms, 99.0),
            max_ms: ms.last().copied().unwrap_or(0.0),
        }
    }
}

/// What a load run measured.
#[derive(Clone, Debug)]
pub(crate) struct Figures {
    pub(crate) clients: usize,
    pub(crate) page_every: u64,
    /// Seconds from the first request to the last answer.
    pub(crate) seconds: f64,
    pub(crate) documents: u64,
    pub(crate) api: Latency,
    pub(crate) api_per_s: f64,
    pub(crate) pages: Latency,
    pub(crate) errors: u64,
    /// The first error seen, to say what went wrong.
    pub(crate) first_error: Option<String>,
}

impl Figures {
    /// The figures for `report.json`, under `load_` names.
    pub(crate) fn json(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("load_clients", self.clients as f64),
            ("load_page_every", self.page_every as f64),
            ("load_seconds", self.seconds),
            ("load_api_requests", self.api.requests as f64),
            ("load_api_requests_s", self.api_per_s),
            ("load_api_p50_ms", self.api.p50_ms),
            ("load_api_p99_ms", self.api.p99_ms),
            ("load_api_max_ms", self.api.max_ms),
            ("load_page_requests", self.pages.requests as f64),
            ("load_page_p50_ms", self.pages.p50_ms),
            ("load_page_p99_ms", self.pages.p99_ms),
            ("load_page_max_ms", self.pages.max_ms),
            ("load_errors", self.errors as f64),
        ]
    }

    /// Rows of the report's markdown table (measure | value | target | verdict).
    pub(crate) fn rows(&self) -> Vec<String> {
        let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
        let c = self.clients;
        let mut rows = vec![
            format!(
                "| load: API searches, {c} clients, {:.0} s | {:.0} requests/s ({} requests) | | |",
                self.seconds, self.api_per_s, self.api.requests
            ),
            format!(
                "| load: API search p50 | {:.2} ms | <= 5 ms | {} |",
                self.api.p50_ms,
                verdict(self.api.p50_ms <= 5.0)
            ),
            format!(
                "| load: API search p99 | {:.2} ms | <= 50 ms | {} |",
                self.api.p99_ms,
                verdict(self.api.p99_ms <= 50.0)
            ),
            format!("| load: API search max | {:.1} ms | | |", self.api.max_ms),
            if self.pages.requests == 0 {
                "| load: page renders | not sampled | p99 <= 100 ms | |".to_string()
            } else {
                format!(
                    "| load: page renders (search, document; 1 request in {}) p50 / p99 / max | {:.2} / {:.2} / {:.1} ms ({} requests) | p99 <= 100 ms | {} |",
                    self.page_every,
                    self.pages.p50_ms,
                    self.pages.p99_ms,
                    self.pages.max_ms,
                    self.pages.requests,
                    verdict(self.pages.p99_ms <= 100.0)
                )
            },
            format!(
                "| load: errors | {} | 0 | {} |",
                self.errors,
                verdict(self.errors == 0)
            ),
        ];
        if let Some(e) = &self.first_error {
            rows.push(format!(
                "| load: first error | {} | | |",
                e.replace('|', "/")
            ));
        }
        rows
    }
}

/// `cargo xtask load --index DIR [--seconds N] [--clients N]`: the load test alone, on an
/// existing index; writes `target/bench/load.{json,md}`.
pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut index: Option<PathBuf> = None;
    let mut opts = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--index" => index = Some(PathBuf::from(it.next().context("--index needs a value")?)),
            "--seconds" => opts.seconds = number(it.next(), "--seconds")?,
            "--clients" => opts.clients = number(it.next(), "--clients")?,
            "--page-every" => opts.page_every = number(it.next(), "--page-every")?,
            other => bail!(
                "unknown load option `{other}` (--index DIR, --seconds N, --clients N, --page-every N)"
            ),
        }
    }
    let Some(index) = index else {
        bail!(
            "load needs --index DIR (an index made by newsdesk ingest, e.g. target/bench/index-medium-2t)"
        );
    };
    if opts.seconds == 0 || opts.clients == 0 {
        bail!("--seconds and --clients must be at least 1");
    }
    let root = crate::root();
    println!("== building the release binary");
    crate::pipeline::build_release()?;
    let bin = root.join("target/release/newsdesk");
    let figures = measure(&bin, &index, &opts)?;
    let mut md = vec![
        format!(
            "# newsdesk serve under load: {} ({} documents)\n",
            index.display(),
            figures.documents
        ),
        "| measure | value | target | verdict |\n|---|---|---|---|".to_string(),
    ];
    md.extend(figures.rows());
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out)?;
    let mut json = serde_json::Map::new();
    json.insert("index".into(), index.display().to_string().into());
    json.insert("documents".into(), figures.documents.into());
    for (k, v) in figures.json() {
        json.insert(k.into(), serde_json::json!((v * 1000.0).round() / 1000.0));
    }
    std::fs::write(
        out.join("load.json"),
        serde_json::to_string_pretty(&serde_json::Value::Object(json))?,
    )?;
    let text = md.join("\n") + "\n";
    std::fs::write(out.join("load.md"), &text)?;
    println!("\n{text}");
    println!("wrote target/bench/load.json and target/bench/load.md");
    Ok(())
}

fn number<T: std::str::FromStr>(value: Option<&String>, flag: &str) -> anyhow::Result<T> {
    let v = value.with_context(|| format!("{flag} needs a value"))?;
    v.parse()
        .map_err(|_| anyhow::anyhow!("{flag} takes a whole number, not `{v}`"))
}

/// Serves `index` with `bin` and loads it as `opts` says; the server is stopped on
/// every way out.
pub(crate) fn measure(bin: &Path, index: &Path, opts: &Options) -> anyhow::Result<Figures> {
    if !index.is_dir() {
        bail!("{} is not an index folder", index.display());
    }
    let server = Server::start(bin, index)?;
    println!(
        "   newsdesk serve on {} ({} documents); {} clients for {} s",
        server.addr, server.documents, opts.clients, opts.seconds
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the client runtime")?;
    let figures = runtime.block_on(load(server.addr, *opts, server.documents));
    drop(server);
    figures
}

/// `newsdesk serve` as a child process, stopped (SIGTERM, then SIGKILL) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    documents: u64,
}

impl Server {
    fn start(bin: &Path, index: &Path) -> anyhow::Result<Server> {
        let mut child = Command::new(bin)
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        let (tx, rx) = mpsc::channel();
        if let Some(out) = child.stdout.take() {
            // Reads the line with the address, then drains stdout so the server never
            // blocks on (or fails writing to) a full or closed pipe.
            std::thread::spawn(move || {
                let mut tx = Some(tx);
                for line in BufReader::new(out).lines().map_while(Result::ok) {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(line);
                    }
                }
            });
        }
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            documents: 0,
        };
        let line = match rx.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(_) => {
                let status = server.child.try_wait().ok().flatten();
                bail!(
                    "newsdesk serve printed no address within {} s ({})",
                    START_TIMEOUT.as_secs(),
                    status.map_or("still running".into(), |s| s.to_string())
                );
            }
        };
        let (addr, documents) =
            parse_banner(&line).with_context(|| format!("cannot read the address in `{line}`"))?;
        server.addr = addr;
        server.documents = documents;
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM first, so that it shuts down as on Ctrl-C (the workspace forbids the
        // `unsafe` of libc::kill: kill(1) sends it); SIGKILL if it does not stop.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address and document count in `newsdesk serve: N documents from DIR on http://ADDR/ (...)`.
fn parse_banner(line: &str) -> Option<(SocketAddr, u64)> {
    let documents = line
        .strip_prefix("newsdesk serve: ")?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let at = line.rfind("http://")? + "http://".len();
    let rest = &line[at..];
    let end = rest.find('/')?;
    Some((rest[..end].parse().ok()?, documents))
}

/// `s` percent-encoded for a query value (unreserved characters kept).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What one client measured.
#[derive(Default)]
struct Tally {
    api_ms: Vec<f64>,
    page_ms: Vec<f64>,
    errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn error(&mut self, what: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(what);
        }
    }
}

/// What a request is and what its answer must look like.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Api,
    Page,
}

async fn load(addr: SocketAddr, opts: Options, documents: u64) -> anyhow::Result<Figures> {
    let host = addr.to_string();
    // Warm-up, one connection: every query once (each must be a 200 with JSON hits),
    // and document ids for the document pages.
    let mut conn = Conn::connect(addr).await?;
    let mut ids: Vec<String> = Vec::new();
    for q in QUERIES {
        let path = format!("/api/search?q={}&limit=10", encode(q));
        let r = conn
            .get(&host, &path)
            .await
            .map_err(|e| anyhow::anyhow!("warm-up {path}: {e}"))?;
        if r.status != 200 {
            bail!(
                "warm-up {path}: status {}: {}",
                r.status,
                String::from_utf8_lossy(&r.body)
            );
        }
        let hits: serde_json::Value = serde_json::from_slice(&r.body)
            .with_context(|| format!("warm-up {path}: the answer is not JSON"))?;
        for h in hits.as_array().into_iter().flatten().take(2) {
            if let Some(id) = h["id"].as_str()
                && ids.len() < 200
                && !ids.iter().any(|x| x == id)
            {
                ids.push(id.to_string());
            }
        }
        if r.close {
            conn = Conn::connect(addr).await?;
        }
    }
    drop(conn);
    let mut paths: Vec<(Kind, String)> = QUERIES
        .iter()
        .map(|q| (Kind::Api, format!("/api/search?q={}", encode(q))))
        .collect();
    let mut pages: Vec<String> = Vec::new();
    for (i, q) in QUERIES.iter().enumerate() {
        pages.push(format!("/search?q={}", encode(q)));
        if let Some(id) = ids.get(i % ids.len().max(1)) {
            pages.push(format!("/documents/{id}"));
        }
    }
    let api_count = paths.len();
    paths.extend(pages.into_iter().map(|p| (Kind::Page, p)));
    let paths = std::sync::Arc::new(paths);

    let started = Instant::now();
    let deadline = started + Duration::from_secs(opts.seconds);
    let mut tasks = Vec::with_capacity(opts.clients);
    for client in 0..opts.clients {
        let paths = std::sync::Arc::clone(&paths);
        let host = host.clone();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut conn: Option<Conn<TcpStream>> = None;
            let page_count = paths.len() - api_count;
            let mut n: u64 = 0;
            while Instant::now() < deadline {
                let every = opts.page_every;
                let (kind, path) = if every > 0 && n % every == every - 1 && page_count > 0 {
                    let k = (client + (n / every) as usize) % page_count;
                    &paths[api_count + k]
                } else {
                    &paths[(client + n as usize) % api_count]
                };
                n += 1;
                let t = Instant::now();
                if conn.is_none() {
                    match Conn::connect(addr).await {
                        Ok(c) => conn = Some(c),
                        Err(e) => {
                            tally.error(format!("connect: {e}"));
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        }
                    }
                }
                let Some(c) = conn.as_mut() else { continue };
                let answer = tokio::time::timeout(REQUEST_TIMEOUT, c.get(&host, path)).await;
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                match answer {
                    Err(_) => {
                        tally.error(format!("{path}: no answer within {REQUEST_TIMEOUT:?}"));
                        conn = None;
                    }
                    Ok(Err(e)) => {
                        tally.error(format!("{path}: {e}"));
                        conn = None;
                    }
                    Ok(Ok(r)) => {
                        if r.close {
                            conn = None;
                        }
                        let looks_right = match kind {
                            Kind::Api => r.body.first() == Some(&b'['),
                            Kind::Page => r.body.starts_with(b"<!doctype html>"),
                        };
                        if r.status != 200 || !looks_right {
                            tally.error(format!(
                                "{path}: status {}, {} bytes",
                                r.status,
                                r.body.len()
                            ));
                        } else if *kind == Kind::Api {
                            tally.api_ms.push(ms);
                        } else {
                            tally.page_ms.push(ms);
                        }
                    }
                }
            }
            tally
        }));
    }
    let mut api = Vec::new();
    let mut page = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    for t in tasks {
        let tally = t.await.context("a load client failed")?;
        api.extend(tally.api_ms);
        page.extend(tally.page_ms);
        errors += tally.errors;
        first_error = first_error.or(tally.first_error);
    }
    let seconds = started.elapsed().as_secs_f64();
    let api = Latency::of(api);
    Ok(Figures {
        clients: opts.clients,
        page_every: opts.page_every,
        seconds,
        documents,
        api_per_s: api.requests as f64 / seconds.max(1e-9),
        api,
        pages: Latency::of(page),
        errors,
        first_error,
    })
}

/// An answer: its status, its body and whether the server closes the connection after it.
struct Answer {
    status: u16,
    body: Vec<u8>,
    close: bool,
}

/// One keep-alive HTTP/1.1 connection: writes GET requests, reads answers with a
/// `Content-Length` or a chunked body.
struct Conn<S> {
    stream: S,
    /// Bytes read and not yet consumed.
    buf: Vec<u8>,
}

impl Conn<TcpStream> {
    async fn connect(addr: SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn::new(stream))
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Conn<S> {
    fn new(stream: S) -> Self {
        Conn {
            stream,
            buf: Vec::with_capacity(16 * 1024),
        }
    }

    async fn get(&mut self, host: &str, path: &str) -> Result<Answer, String> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n");
        self.stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| format!("write: {e}"))?;
        self.read_answer().await
    }

    async fn read_answer(&mut self) -> Result<Answer, String> {
        let head_end = loop {
            if let Some(at) = find(&self.buf, b"\r\n\r\n") {
                break at;
            }
            if self.buf.len() > MAX_HEAD {
                return Err("response head too long".into());
            }
            self.fill().await?;
        };
        let head = parse_head(&self.buf[..head_end])?;
        self.buf.drain(..head_end + 4);
        let body = match head.length {
            Length::Fixed(n) => self.take(n).await?,
            Length::Chunked => {
                let mut body = Vec::new();
                loop {
                    let line = self.line().await?;
                    let size = chunk_size(&line)?;
                    if size == 0 {
                        // Trailers, up to the empty line.
                        while !self.line().await?.is_empty() {}
                        break;
                    }
                    body.extend(self.take(size).await?);
                    if !self.line().await?.is_empty() {
                        return Err("chunk not followed by CRLF".into());
                    }
                }
                body
            }
            Length::None => Vec::new(),
        };
        Ok(Answer {
            status: head.status,
            body,
            close: head.close,
        })
    }

    async fn fill(&mut self) -> Result<(), String> {
        let mut chunk = [0u8; 16 * 1024];
        let n = self
            .stream
            .read(&mut chunk)
            .await
            .map_err(|e| format!("read: {e}"))?;
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(())
    }

    async fn take(&mut self, n: usize) -> Result<Vec<u8>, String> {
        while self.buf.len() < n {
            self.fill().await?;
        }
        Ok(self.buf.drain(..n).collect())
    }

    /// The next line without its CRLF.
    async fn line(&mut self) -> Result<Vec<u8>, String> {
        loop {
            if let Some(at) = find(&self.buf, b"\r\n") {
                let line = self.buf[..at].to_vec();
                self.buf.drain(..at + 2);
                return Ok(line);
            }
            if self.buf.len() > MAX_HEAD {
                return Err("line too long".into());
            }
            self.fill().await?;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How the body of an answer is delimited.
#[derive(Debug, PartialEq)]
enum Length {
    Fixed(usize),
    Chunked,
    /// No body (204, 304) or none announced.
    None,
}

#[derive(Debug, PartialEq)]
struct Head {
    status: u16,
    length: Length,
    close: bool,
}

/// The status line and the headers that matter here.
fn parse_head(head: &[u8]) -> Result<Head, String> {
    let text = std::str::from_utf8(head).map_err(|_| "response head is not UTF-8".to_string())?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") {
        return Err(format!("not an HTTP/1 status line: `{status_line}`"));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in `{status_line}`"))?;
    let mut length = Length::None;
    let mut close = version == "HTTP/1.0";
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("malformed header `{line}`"));
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            if length != Length::Chunked {
                let n = value
                    .parse()
                    .map_err(|_| format!("bad Content-Length `{value}`"))?;
                length = Length::Fixed(n);
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            if value.to_ascii_lowercase().contains("chunked") {
                length = Length::Chunked;
            }
        } else if name.eq_ignore_ascii_case("connection") {
            let v = value.to_ascii_lowercase();
            if v.contains("close") {
                close = true;
            } else if v.contains("keep-alive") {
                close = false;
            }
        }
    }
    Ok(Head {
        status,
        length,
        close,
    })
}

/// The size of a chunk from its size line (hex, extensions after `;` ignored).
fn chunk_size(line: &[u8]) -> Result<usize, String> {
    let text = std::str::from_utf8(line).map_err(|_| "chunk size is not UTF-8".to_string())?;
    let hex = text.split(';').next().unwrap_or_default().trim();
    usize::from_str_radix(hex, 16).map_err(|_| format!("bad chunk size `{text}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed() {
        let cases: &[(&str, Result<Head, ()>)] = &[
            (
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 12",
                Ok(Head {
                    status: 200,
                    length: Length::Fixed(12),
                    close: false,
                }),
            ),
            (
                "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nConnection: close",
                Ok(Head {
                    status: 404,
                    length: Length::Chunked,
                    close: true,
                }),
            ),
            (
                "HTTP/1.0 204 No Content",
                Ok(Head {
                    status: 204,
                    length: Length::None,
                    close: true,
                }),
            ),
            ("SSH-2.0-OpenSSH", Err(())),
            ("HTTP/1.1 abc", Err(())),
            ("HTTP/1.1 200 OK\r\ncontent-length: -1", Err(())),
            ("HTTP/1.1 200 OK\r\nno colon here", Err(())),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_head(input.as_bytes()).map_err(|_| ()),
                *expected,
                "{input}"
            );
        }
    }

    #[test]
    fn queries_are_percent_encoded() {
        let cases = [
            ("oil", "oil"),
            ("\"interest rates\"", "%22interest%20rates%22"),
            ("loc:\"united states\"", "loc%3A%22united%20states%22"),
            (
                "published:[1987-03-01T00:00:00Z TO 1987-03-31T00:00:00Z]",
                "published%3A%5B1987-03-01T00%3A00%3A00Z%20TO%201987-03-31T00%3A00%3A00Z%5D",
            ),
            ("wheat -corn", "wheat%20-corn"),
            ("é&+", "%C3%A9%26%2B"),
        ];
        for (input, expected) in cases {
            assert_eq!(encode(input), expected, "{input}");
        }
    }

    #[test]
    fn the_banner_gives_the_address() {
        let line = "newsdesk serve: 117101 documents from target/bench/index on http://127.0.0.1:40123/ (Ctrl-C stops)";
        assert_eq!(
            parse_banner(line),
            Some(("127.0.0.1:40123".parse().unwrap(), 117101))
        );
        assert_eq!(parse_banner("warning: something else"), None);
        assert_eq!(
            parse_banner("newsdesk serve: 3 documents on http://nowhere/"),
            None
        );
    }

    /// Answers written by a fake server, read back over an in-memory pipe: a fixed
    /// body, a chunked one split across writes, then a truncated one.
    #[test]
    fn answers_are_read_whole_and_in_order() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, mut server) = tokio::io::duplex(64);
            let writer = tokio::spawn(async move {
                let mut request = vec![0u8; 4096];
                let parts: [&[u8]; 4] = [
                    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[1,2\r\n",
                    b"3;ext=1\r\n,3]\r\n0\r\nX-Trailer: t\r\n\r\n",
                    b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100\r\n\r\nshort",
                ];
                // One answer per request; the chunked one arrives in two writes.
                let _ = server.read(&mut request).await;
                server.write_all(parts[0]).await.unwrap();
                let _ = server.read(&mut request).await;
                server.write_all(parts[1]).await.unwrap();
                tokio::time::sleep(Duration::from_millis(5)).await;
                server.write_all(parts[2]).await.unwrap();
                let _ = server.read(&mut request).await;
                server.write_all(parts[3]).await.unwrap();
                drop(server);
            });
            let mut conn = Conn::new(client);
            let a = conn.get("h", "/a").await.unwrap();
            assert_eq!(
                (a.status, a.body.as_slice(), a.close),
                (200, &b"hello"[..], false)
            );
            let b = conn.get("h", "/b").await.unwrap();
            assert_eq!((b.status, b.body.as_slice()), (200, &b"[1,2,3]"[..]));
            let c = conn.get("h", "/c").await;
            assert!(c.is_err(), "a body cut short is an error");
            writer.await.unwrap();
        });
    }

    #[test]
    fn chunk_sizes_are_hex() {
        assert_eq!(chunk_size(b"1a"), Ok(26));
        assert_eq!(chunk_size(b"0"), Ok(0));
        assert_eq!(chunk_size(b"ff; name=value"), Ok(255));
        assert!(chunk_size(b"zz").is_err());
        assert!(chunk_size(b"").is_err());
    }
}

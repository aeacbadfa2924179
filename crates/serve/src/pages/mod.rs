//! The server-rendered pages: search, document, story, and the page of a failure.

pub(crate) mod document;
pub(crate) mod search;
pub(crate) mod story;

use crate::Failure;
use crate::html::Page;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use newsdesk_index::FacetKind;

/// A failure as a page, with its status.
pub(crate) fn failure(f: &Failure) -> Response {
    let title = match f {
        Failure::BadRequest(_) => "Cannot run this search",
        Failure::NotFound(_) => "Not found",
        Failure::Internal(_) => "Something went wrong",
    };
    let mut page = Page::new(title, Some(""));
    page.raw("<h1>")
        .text(title)
        .raw("</h1><p class=\"error\" role=\"alert\">");
    page.text(f.message())
        .raw("</p><p><a href=\"/\">Back to the search</a></p>");
    (f.status(), html(page.finish())).into_response()
}

/// A rendered page (or its failure) as a response.
pub(crate) fn respond(result: Result<String, Failure>) -> Response {
    match result {
        Ok(body) => html(body).into_response(),
        Err(f) => failure(&f),
    }
}

fn html(body: String) -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], Html(body))
}

/// The readable name of a facet kind, plural, for headings.
pub(crate) fn kind_heading(kind: FacetKind) -> &'static str {
    match kind {
        FacetKind::Person => "People",
        FacetKind::Org => "Organisations",
        FacetKind::Loc => "Places",
        FacetKind::Misc => "Other names",
        FacetKind::Speaker => "Speakers",
        FacetKind::Outlet => "Outlets",
        FacetKind::Language => "Languages",
        FacetKind::Story => "Stories",
    }
}

//! The browser app's files, embedded in the binary and served as they are (no build step).

use axum::body::Body;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use flamingo_protocol::ErrorCode;

use crate::refusal::Refusal;

/// The browser client. Its type-checking files (`src/protocol.ts`, `jsconfig.json`,
/// `package.json`) are for the tests, not for browsers.
#[derive(rust_embed::Embed)]
#[folder = "../web-client/"]
#[exclude = "node_modules/*"]
#[exclude = "jsconfig.json"]
#[exclude = "package.json"]
#[exclude = "src/*"]
struct WebClient;

/// The pages behind the web client's own addresses; each page's scripts read the rest of the
/// path (the join code) themselves.
pub(super) const CONSOLE_PAGE: &str = "index.html";
pub(super) const PHONE_PAGE: &str = "phone.html";
pub(super) const WALL_PAGE: &str = "wall.html";

pub(super) async fn static_file(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    embedded(&path)
}

pub(super) async fn page(name: &'static str) -> Response {
    embedded(name)
}

fn embedded(path: &str) -> Response {
    match WebClient::get(path) {
        Some(file) => Response::builder()
            .header(header::CONTENT_TYPE, file.metadata.mimetype())
            .header(header::CACHE_CONTROL, "no-cache")
            .body(Body::from(file.data))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        None => Refusal::new(ErrorCode::NotFound, "no such page").into_response(),
    }
}

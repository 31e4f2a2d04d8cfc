//! HTTP routes: the café API, health, the websocket upgrade, the join QR code and the web
//! client's files.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use flamingo_protocol::limits::MAX_MESSAGE_BYTES;
use flamingo_protocol::{
    Authors, CoFacilitatorKey, CreateCafeRequest, ErrorBody, ErrorCode, ExportFormat,
    SuggestedTheme, ThemeSuggestions,
};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::accept::Place;
use crate::registry::Registry;
use crate::session;
use crate::suggest;

/// The transport's own cap; anything between `MAX_MESSAGE_BYTES` and this gets a typed
/// `tooLarge` error instead of a dropped connection.
const TRANSPORT_MAX_BYTES: usize = 1024 * 1024;
const WS_BUFFER_BYTES: usize = 8 * 1024;
/// The websocket read buffer. tungstenite zero-fills all of it before every read, so every
/// byte of it is resident for every open connection; phones send messages of a few hundred
/// bytes, and a longer one (a 2,000-character note) only takes a few more reads.
const WS_READ_BUFFER_BYTES: usize = 2 * 1024;

/// Scripts only from our own files, never inline: user text can never become code.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Time a whole API request, body included, may take to arrive and be answered.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct AppState {
    pub registry: Arc<Registry>,
    pub allowed_origins: Arc<Vec<String>>,
    /// Websockets served at once (`--max-connections`).
    pub websockets: Arc<Semaphore>,
    /// Every connection, websockets included, so shutdown can wait for them.
    pub connections: TaskTracker,
    pub shutdown: CancellationToken,
}

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
const CONSOLE_PAGE: &str = "index.html";
const PHONE_PAGE: &str = "phone.html";
const WALL_PAGE: &str = "wall.html";

pub fn router(state: AppState) -> Router {
    // A request body that trickles in is cut off: it holds a connection and a task.
    let api = Router::new()
        .route("/api/cafes", post(create_cafe))
        .route("/api/cafes/{code}", get(cafe_info))
        .route("/api/cafes/{code}/qr.svg", get(join_qr))
        .route("/api/cafes/{code}/export", get(export_cafe))
        .route("/api/cafes/{code}/suggestions", get(suggestions))
        .route(
            "/api/cafes/{code}/co-facilitator",
            post(share_co_facilitator).delete(revoke_co_facilitator),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ));
    Router::new()
        .merge(api)
        .route(
            "/healthz",
            get(|| async { Json(serde_json::json!({ "status": "ok" })) }),
        )
        .route("/ws", get(websocket))
        .route("/join", get(|| page(PHONE_PAGE)))
        .route("/join/{code}", get(|| page(PHONE_PAGE)))
        .route("/wall/{code}", get(|| page(WALL_PAGE)))
        .route("/console", get(|| page(CONSOLE_PAGE)))
        .fallback(get(static_file))
        .layer(DefaultBodyLimit::max(MAX_MESSAGE_BYTES))
        .layer(middleware::map_response(json_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .with_state(state)
}

pub fn error(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Response {
    (
        status,
        Json(ErrorBody {
            code,
            message: message.into(),
        }),
    )
        .into_response()
}

/// Every refusal is an `ErrorBody`, including the ones axum and the timeout layer make
/// (wrong method, undecodable path, missing upgrade headers, a body that took too long).
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let said = axum::body::to_bytes(body, 4096)
        .await
        .ok()
        .and_then(|b| String::from_utf8(b.to_vec()).ok())
        .filter(|s| !s.trim().is_empty());
    let (code, default) = match status {
        StatusCode::NOT_FOUND => (ErrorCode::NotFound, "no such page"),
        StatusCode::METHOD_NOT_ALLOWED => (
            ErrorCode::BadMessage,
            "this address does not take that method",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            ErrorCode::BadMessage,
            "the request did not arrive within 10 seconds; send it again",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (ErrorCode::TooLarge, "the request is too large"),
        StatusCode::TOO_MANY_REQUESTS => {
            (ErrorCode::RateLimited, "too many requests; retry shortly")
        }
        StatusCode::SERVICE_UNAVAILABLE => (
            ErrorCode::Unavailable,
            "temporarily unavailable; retry shortly",
        ),
        s if s.is_server_error() => (ErrorCode::Internal, "the server failed; retry shortly"),
        _ => (
            ErrorCode::BadMessage,
            "the request is not one this server understands",
        ),
    };
    let body = serde_json::to_vec(&ErrorBody {
        code,
        message: said.unwrap_or_else(|| default.to_owned()),
    })
    .unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(body))
}

fn status_for(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::BadMessage => StatusCode::BAD_REQUEST,
        ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::InvalidInput => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Forbidden | ErrorCode::BadCredentials | ErrorCode::NotAuthenticated => {
            StatusCode::FORBIDDEN
        }
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

async fn create_cafe(State(app): State<AppState>, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::TooLarge,
                format!("the request body is larger than {MAX_MESSAGE_BYTES} bytes"),
            );
        }
        Err(rejection) => {
            return error(
                rejection.status(),
                ErrorCode::BadMessage,
                rejection.body_text(),
            );
        }
    };
    let req: CreateCafeRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadMessage,
                format!("the body is not a valid café: {e}"),
            );
        }
    };
    match app.registry.create(&req).await {
        Ok(created) => (StatusCode::CREATED, Json(created)).into_response(),
        Err(e) => {
            if e.code() == ErrorCode::Unavailable {
                tracing::warn!(error = %e, "café creation failed");
            }
            let message = match e.code() {
                ErrorCode::Unavailable => {
                    "the server could not save the café; nothing was created. Try again shortly"
                        .to_string()
                }
                _ => e.to_string(),
            };
            error(status_for(e.code()), e.code(), message)
        }
    }
}

async fn cafe_info(State(app): State<AppState>, Path(code): Path<String>) -> Response {
    match find_cafe(&app, &code).await {
        Ok(cafe) => match cafe.info().await {
            Ok(info) => Json(info).into_response(),
            Err(_) => cafe_gone(),
        },
        Err(refused) => refused,
    }
}

/// The café a join code names, or the error response that says why there is none.
async fn find_cafe(app: &AppState, code: &str) -> Result<crate::cafe::CafeHandle, Response> {
    match app.registry.by_code(code).await {
        Ok(Some(cafe)) => Ok(cafe),
        Ok(None) => Err(error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no café with that code; check the code on the wall",
        )),
        Err(e) => {
            tracing::warn!(error = %e, "café lookup failed");
            Err(error(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Unavailable,
                "the server could not look up the café; try again shortly",
            ))
        }
    }
}

fn cafe_gone() -> Response {
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Unavailable,
        "the café is not available right now",
    )
}

#[derive(Debug, Deserialize)]
struct ExportQuery {
    format: Option<String>,
    authors: Option<String>,
}

/// `GET /api/cafes/{code}/export?format=markdown|csv|json&authors=shown|anonymous|…` with
/// `Authorization: Bearer <facilitator key>`: the café as a download.
async fn export_cafe(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let format = match query.format.as_deref().unwrap_or("markdown") {
        "markdown" | "md" => ExportFormat::Markdown,
        "csv" => ExportFormat::Csv,
        "json" => ExportFormat::Json,
        other => {
            return error(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidInput,
                format!("unknown export format {other:?}; use markdown, csv or json"),
            );
        }
    };
    let authors = match query.authors.as_deref().unwrap_or("shown") {
        "shown" => Authors::Shown,
        "anonymous" => Authors::Anonymous,
        "anonymousWithOrganisations" => Authors::AnonymousWithOrganisations,
        other => {
            return error(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidInput,
                format!(
                    "unknown authors setting {other:?}; use shown, anonymous or anonymousWithOrganisations"
                ),
            );
        }
    };
    let Some(key) = bearer(&headers) else {
        return no_key("export");
    };
    let cafe = match find_cafe(&app, &code).await {
        Ok(cafe) => cafe,
        Err(refused) => return refused,
    };
    match cafe.export(key, format, authors).await {
        Ok(Ok(exported)) => {
            let disposition = format!("attachment; filename=\"{}\"", exported.filename);
            (
                [
                    (header::CONTENT_TYPE, exported.content_type.to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                exported.body,
            )
                .into_response()
        }
        Ok(Err(refused)) => owner_refused(refused),
        Err(_) => cafe_gone(),
    }
}

/// The key in `Authorization: Bearer <key>`.
fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
}

/// The answer to a request for staff that came without a key.
fn no_key(to: &str) -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        ErrorCode::NotAuthenticated,
        format!("only the facilitator can {to}: send `Authorization: Bearer <facilitator key>`"),
    )
}

/// A café owner's refusal as an HTTP answer.
fn owner_refused((code, message): (ErrorCode, String)) -> Response {
    let status = match code {
        ErrorCode::BadCredentials => StatusCode::FORBIDDEN,
        ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::WrongPhase => StatusCode::CONFLICT,
        _ => StatusCode::BAD_REQUEST,
    };
    error(status, code, message)
}

/// `GET /api/cafes/{code}/suggestions` with the facilitator's or co-facilitator's key: groups
/// of the notes on the wall that are in no theme yet, by their words.
async fn suggestions(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(key) = bearer(&headers) else {
        return no_key("ask for suggestions");
    };
    let cafe = match find_cafe(&app, &code).await {
        Ok(cafe) => cafe,
        Err(refused) => return refused,
    };
    let notes = match cafe.unthemed_notes(key).await {
        Ok(Ok(notes)) => notes,
        Ok(Err(refused)) => return owner_refused(refused),
        Err(_) => return cafe_gone(),
    };
    // Clustering a full wall takes a noticeable slice of a core: off the async workers.
    let grouped = tokio::task::spawn_blocking(move || {
        let texts: Vec<suggest::NoteText<'_>> = notes
            .iter()
            .map(|(id, text)| suggest::NoteText { id: *id, text })
            .collect();
        ThemeSuggestions {
            notes_considered: notes.len() as u32,
            suggestions: suggest::suggest(&texts)
                .into_iter()
                .map(|s| SuggestedTheme {
                    name: s.name,
                    terms: s.terms,
                    note_ids: s.note_ids,
                })
                .collect(),
        }
    })
    .await;
    match grouped {
        Ok(body) => ([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "suggesting themes failed");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "the server could not suggest themes; group the notes by hand",
            )
        }
    }
}

/// `POST /api/cafes/{code}/co-facilitator` with the facilitator key: a new co-facilitator key,
/// shown only in this answer; it replaces (and disconnects) any earlier one.
async fn share_co_facilitator(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    co_facilitator(app, code, headers, true).await
}

/// `DELETE /api/cafes/{code}/co-facilitator` with the facilitator key: nobody can sign in with
/// the shared key any more, and whoever did is disconnected.
async fn revoke_co_facilitator(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    co_facilitator(app, code, headers, false).await
}

async fn co_facilitator(app: AppState, code: String, headers: HeaderMap, share: bool) -> Response {
    let Some(key) = bearer(&headers) else {
        return no_key("share keys");
    };
    let cafe = match find_cafe(&app, &code).await {
        Ok(cafe) => cafe,
        Err(refused) => return refused,
    };
    match cafe.co_facilitator_key(key, share).await {
        Ok(Ok(Some(co_facilitator_key))) => (
            [(header::CACHE_CONTROL, "no-store")],
            Json(CoFacilitatorKey { co_facilitator_key }),
        )
            .into_response(),
        Ok(Ok(None)) => StatusCode::NO_CONTENT.into_response(),
        Ok(Err(refused)) => owner_refused(refused),
        Err(_) => cafe_gone(),
    }
}

/// Browsers always send Origin on websocket upgrades; refusing foreign ones stops another
/// site from driving a café with its visitors' connections. Clients without Origin (native
/// apps, tests) are not browsers and carry their own credentials.
fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if allowed.iter().any(|a| a.trim_end_matches('/') == origin) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

async fn websocket(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    place: Option<Extension<Place>>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&headers, &app.allowed_origins) {
        return error(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "websocket connections from this origin are not allowed; see --allowed-origin",
        );
    }
    let Ok(permit) = app.websockets.clone().try_acquire_owned() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            "the server is at its connection limit; try again shortly",
        );
    };
    // Small buffers: an idle phone should cost the server kilobytes, not the default 256 KiB.
    ws.max_message_size(TRANSPORT_MAX_BYTES)
        .max_frame_size(TRANSPORT_MAX_BYTES)
        .read_buffer_size(WS_READ_BUFFER_BYTES)
        .write_buffer_size(WS_BUFFER_BYTES)
        .on_upgrade(move |socket| {
            // The websocket outlives its HTTP connection: it keeps the address's place and
            // counts as a connection shutdown waits for.
            let running = app.connections.token();
            async move {
                session::run(socket, app, peer).await;
                drop((permit, place, running));
            }
        })
}

async fn static_file(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    embedded(&path)
}

async fn page(name: &'static str) -> Response {
    embedded(name)
}

fn embedded(path: &str) -> Response {
    match WebClient::get(path) {
        Some(file) => Response::builder()
            .header(header::CONTENT_TYPE, file.metadata.mimetype())
            .header(header::CACHE_CONTROL, "no-cache")
            .body(Body::from(file.data))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        None => error(StatusCode::NOT_FOUND, ErrorCode::NotFound, "no such page"),
    }
}

#[derive(Deserialize)]
struct QrQuery {
    /// Where phones reach this server (`http://192.168.1.20:8080`). The console sends it,
    /// because a laptop often opens itself as `localhost`, which a phone cannot reach.
    origin: Option<String>,
}

/// The longest origin a join QR code encodes; real ones are a few dozen characters.
const MAX_ORIGIN_CHARS: usize = 200;

/// `GET /api/cafes/{code}/qr.svg`: a QR code of the café's join address, `{origin}/join/{code}`.
async fn join_qr(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<QrQuery>,
    headers: HeaderMap,
) -> Response {
    let origin = match query.origin {
        Some(origin) => origin,
        None => match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
            Some(host) => format!("http://{host}"),
            None => String::new(),
        },
    };
    let origin = origin.trim_end_matches('/');
    if !is_web_origin(origin) {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
            "origin must look like http://192.168.1.20:8080",
        );
    }
    let code = match find_cafe(&app, &code).await {
        Ok(cafe) => match cafe.info().await {
            Ok(info) => info.join_code,
            Err(_) => return cafe_gone(),
        },
        Err(refused) => return refused,
    };
    match qr_svg(&format!("{origin}/join/{code}")) {
        Some(svg) => Response::builder()
            .header(header::CONTENT_TYPE, "image/svg+xml")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(Body::from(svg))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        None => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
            "that address is too long for a QR code",
        ),
    }
}

/// `http(s)://host[:port]` and nothing else: no path, query, user info or odd characters, so
/// the code can only ever point at a Flamingo join page.
fn is_web_origin(origin: &str) -> bool {
    let Some(host) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    origin.len() <= MAX_ORIGIN_CHARS
        && !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// Black on white with a quiet zone, medium error correction (survives a smudged projector).
fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(256, 256)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert!(is_web_origin("http://192.168.1.20:8080"));
        assert!(is_web_origin("https://cafe.example.org"));
        assert!(is_web_origin("http://[fe80::1]:8080"));
        assert!(!is_web_origin("javascript:alert(1)"));
        assert!(!is_web_origin("http://"));
        assert!(!is_web_origin("http://evil.example/phish?x="));
        assert!(!is_web_origin("http://user@host"));
        assert!(!is_web_origin(&format!("http://{}", "a".repeat(300))));
    }

    #[test]
    fn the_qr_code_is_an_svg_of_dark_modules() {
        let svg = qr_svg("http://192.168.1.20:8080/join/K7QM3P").expect("fits");
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
        assert!(svg.contains("#000000"));
        assert!(qr_svg(&"x".repeat(8000)).is_none());
    }
}

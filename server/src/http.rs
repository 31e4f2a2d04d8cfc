//! HTTP routes: the café API, health and the websocket upgrade; the QR code (`join_qr`) and
//! the web client's files (`web_client`) in modules of their own.

mod join_qr;
mod web_client;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use flamingo_protocol::limits::MAX_MESSAGE_BYTES;
use flamingo_protocol::{
    Authors, CoFacilitatorKey, CreateCafeRequest, ErrorBody, ErrorCode, ExportFormat,
    SuggestedTheme, ThemeSuggestions,
};
use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::accept::Place;
use crate::cafe::CafeHandle;
use crate::clock::now_ms;
use crate::refusal::Refusal;
use crate::registry::Registry;
use crate::session;
use crate::suggest;
use web_client::{CONSOLE_PAGE, PHONE_PAGE, WALL_PAGE};

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

pub fn router(state: AppState) -> Router {
    // A request body that trickles in is cut off: it holds a connection and a task.
    let api = Router::new()
        .route("/api/cafes", post(create_cafe))
        .route("/api/cafes/{code}", get(cafe_info))
        .route("/api/cafes/{code}/qr.svg", get(join_qr::join_qr))
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
        .route("/join", get(|| web_client::page(PHONE_PAGE)))
        .route("/join/{code}", get(|| web_client::page(PHONE_PAGE)))
        .route("/wall/{code}", get(|| web_client::page(WALL_PAGE)))
        .route("/console", get(|| web_client::page(CONSOLE_PAGE)))
        .fallback(get(web_client::static_file))
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

async fn create_cafe(
    State(app): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Refusal> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refusal::new(
                ErrorCode::TooLarge,
                format!("the request body is larger than {MAX_MESSAGE_BYTES} bytes"),
            )
        } else {
            Refusal::new(ErrorCode::BadMessage, rejection.body_text())
        }
    })?;
    let req: CreateCafeRequest = serde_json::from_slice(&body).map_err(|e| {
        Refusal::new(
            ErrorCode::BadMessage,
            format!("the body is not a valid café: {e}"),
        )
    })?;
    let created = app.registry.create(&req).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn cafe_info(
    State(app): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, Refusal> {
    let cafe = find_cafe(&app, &code).await?;
    Ok(Json(cafe.info().await?).into_response())
}

/// The café a join code names, or why there is none.
async fn find_cafe(app: &AppState, code: &str) -> Result<CafeHandle, Refusal> {
    match app.registry.by_code(code).await {
        Ok(Some(cafe)) => Ok(cafe),
        Ok(None) => Err(Refusal::new(
            ErrorCode::NotFound,
            "no café with that code; check the code on the wall",
        )),
        Err(e) => {
            tracing::warn!(error = %e, "café lookup failed");
            Err(Refusal::unavailable(
                "the server could not look up the café; try again shortly",
            ))
        }
    }
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FormatParam {
    #[default]
    #[serde(alias = "md")]
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum AuthorsParam {
    #[default]
    Shown,
    Anonymous,
    #[serde(rename = "anonymousWithOrganisations")]
    AnonymousWithOrganisations,
}

#[derive(Debug, Deserialize)]
struct ExportQuery {
    #[serde(default)]
    format: FormatParam,
    #[serde(default)]
    authors: AuthorsParam,
}

/// `GET /api/cafes/{code}/export?format=markdown|csv|json&authors=shown|anonymous|…` with
/// `Authorization: Bearer <facilitator key>`: the café as a download, rendered on the
/// blocking pool from a copy the owner hands over.
async fn export_cafe(
    State(app): State<AppState>,
    Path(code): Path<String>,
    QueryOptions(query): QueryOptions<ExportQuery>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let format = match query.format {
        FormatParam::Markdown => ExportFormat::Markdown,
        FormatParam::Csv => ExportFormat::Csv,
        FormatParam::Json => ExportFormat::Json,
    };
    let authors = match query.authors {
        AuthorsParam::Shown => Authors::Shown,
        AuthorsParam::Anonymous => Authors::Anonymous,
        AuthorsParam::AnonymousWithOrganisations => Authors::AnonymousWithOrganisations,
    };
    let key = bearer(&headers).ok_or_else(|| no_key("export"))?;
    let cafe = find_cafe(&app, &code).await?.for_export(key).await?;
    let rendered = tokio::task::spawn_blocking(move || {
        crate::export::export(&cafe, format, authors, now_ms())
    })
    .await;
    let exported = match rendered {
        Ok(Ok(exported)) => exported,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "export failed");
            return Err(Refusal::unavailable(e.to_string()));
        }
        Err(e) => {
            tracing::error!(error = %e, "export failed");
            return Err(Refusal::new(
                ErrorCode::Internal,
                "the server could not export the café",
            ));
        }
    };
    let disposition = format!("attachment; filename=\"{}\"", exported.filename);
    Ok((
        [
            (header::CONTENT_TYPE, exported.content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        exported.body,
    )
        .into_response())
}

/// A query string read into `T`. Options that do not parse are answered **400**
/// `invalidInput` (protocol, export): the request's form is wrong, as for any rejected
/// extractor, and the code still says that a value is what to fix. Not a [`Refusal`], whose
/// `invalidInput` is 422 for a well-formed request with a value out of range.
struct QueryOptions<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for QueryOptions<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(options)) => Ok(Self(options)),
            Err(rejection) => Err((
                StatusCode::BAD_REQUEST,
                Json(ErrorBody {
                    code: ErrorCode::InvalidInput,
                    message: format!(
                        "{}; use format=markdown, csv or json and authors=shown, anonymous or \
                         anonymousWithOrganisations",
                        rejection.body_text()
                    ),
                }),
            )
                .into_response()),
        }
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

/// The refusal of a request for staff that came without a key.
fn no_key(to: &str) -> Refusal {
    Refusal::new(
        ErrorCode::NotAuthenticated,
        format!("only the facilitator can {to}: send `Authorization: Bearer <facilitator key>`"),
    )
}

/// `GET /api/cafes/{code}/suggestions` with the facilitator's or co-facilitator's key: groups
/// of the notes on the wall that are in no theme yet, by their words.
async fn suggestions(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let key = bearer(&headers).ok_or_else(|| no_key("ask for suggestions"))?;
    let notes = find_cafe(&app, &code).await?.unthemed_notes(key).await?;
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
        Ok(body) => Ok(([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()),
        Err(e) => {
            tracing::error!(error = %e, "suggesting themes failed");
            Err(Refusal::new(
                ErrorCode::Internal,
                "the server could not suggest themes; group the notes by hand",
            ))
        }
    }
}

/// `POST /api/cafes/{code}/co-facilitator` with the facilitator key: a new co-facilitator key,
/// shown only in this answer; it replaces (and disconnects) any earlier one.
async fn share_co_facilitator(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    co_facilitator(app, code, headers, true).await
}

/// `DELETE /api/cafes/{code}/co-facilitator` with the facilitator key: nobody can sign in with
/// the shared key any more, and whoever did is disconnected.
async fn revoke_co_facilitator(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    co_facilitator(app, code, headers, false).await
}

async fn co_facilitator(
    app: AppState,
    code: String,
    headers: HeaderMap,
    share: bool,
) -> Result<Response, Refusal> {
    let key = bearer(&headers).ok_or_else(|| no_key("share keys"))?;
    let cafe = find_cafe(&app, &code).await?;
    Ok(match cafe.co_facilitator_key(key, share).await? {
        Some(co_facilitator_key) => (
            [(header::CACHE_CONTROL, "no-store")],
            Json(CoFacilitatorKey { co_facilitator_key }),
        )
            .into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
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
        return Refusal::new(
            ErrorCode::Forbidden,
            "websocket connections from this origin are not allowed; see --allowed-origin",
        )
        .into_response();
    }
    let Ok(permit) = app.websockets.clone().try_acquire_owned() else {
        return Refusal::unavailable("the server is at its connection limit; try again shortly")
            .into_response();
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

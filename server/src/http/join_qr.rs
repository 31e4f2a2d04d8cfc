//! `GET /api/cafes/{code}/qr.svg`: the join address as a QR code for the wall and console.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use flamingo_protocol::ErrorCode;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;

use super::{AppState, find_cafe};
use crate::refusal::Refusal;

#[derive(Deserialize)]
pub(super) struct QrQuery {
    /// Where phones reach this server (`http://192.168.1.20:8080`). The console sends it,
    /// because a laptop often opens itself as `localhost`, which a phone cannot reach.
    origin: Option<String>,
}

/// The longest origin a join QR code encodes; real ones are a few dozen characters.
const MAX_ORIGIN_CHARS: usize = 200;

/// `GET /api/cafes/{code}/qr.svg`: a QR code of the café's join address, `{origin}/join/{code}`.
pub(super) async fn join_qr(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<QrQuery>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let origin = match query.origin {
        Some(origin) => origin,
        None => match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
            Some(host) => format!("http://{host}"),
            None => String::new(),
        },
    };
    let origin = origin.trim_end_matches('/');
    if !is_web_origin(origin) {
        return Err(Refusal::new(
            ErrorCode::InvalidInput,
            "origin must look like http://192.168.1.20:8080",
        ));
    }
    // The handle knows its canonical code: the owner is not asked.
    let cafe = find_cafe(&app, &code).await?;
    let svg = qr_svg(&format!("{origin}/join/{}", cafe.join_code())).ok_or_else(|| {
        Refusal::new(
            ErrorCode::InvalidInput,
            "that address is too long for a QR code",
        )
    })?;
    Ok(Response::builder()
        .header(header::CONTENT_TYPE, "image/svg+xml")
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from(svg))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()))
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

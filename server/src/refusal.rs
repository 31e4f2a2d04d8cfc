//! Why the server said no: a stable [`ErrorCode`] and a sentence for a person (from engine
//! and storage errors here, from a stopped café owner beside `cafe::Gone`). Commands answer
//! with it as an `error` message, HTTP routes as an `ErrorBody` with the one status each code
//! has (protocol §11 and the HTTP API section of `docs/protocol.md`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use flamingo_protocol::{ErrorBody, ErrorCode};

use crate::engine::EngineError;
use crate::storage::StorageError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Refusal {
    pub code: ErrorCode,
    pub message: String,
}

impl Refusal {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// Retryable: nothing changed, and trying again later may work.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Unavailable, message)
    }

    pub fn bad_credentials(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadCredentials, message)
    }

    /// The HTTP status that goes with each code, as `docs/protocol.md` states it.
    pub fn status(&self) -> StatusCode {
        status_for(self.code)
    }
}

/// One status per code. Codes no HTTP route gives (the websocket's own) are 400 or 409 by
/// kind, so that adding a route never needs a second table.
pub fn status_for(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::BadMessage => StatusCode::BAD_REQUEST,
        ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::InvalidInput => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::NotAuthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::BadCredentials | ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::WrongPhase
        | ErrorCode::NotSeated
        | ErrorCode::NoteIdTaken
        | ErrorCode::OverBudget
        | ErrorCode::CafeFull => StatusCode::CONFLICT,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (
            self.status(),
            Json(ErrorBody {
                code: self.code,
                message: self.message,
            }),
        )
            .into_response()
    }
}

impl From<EngineError> for Refusal {
    fn from(e: EngineError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

/// Storage that failed to answer: the caller logs the cause, the client is told to retry.
impl From<StorageError> for Refusal {
    fn from(e: StorageError) -> Self {
        tracing::warn!(error = %e, "storage failed");
        Self::unavailable("the server cannot reach its database; try again shortly")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code's status as the protocol document gives it (§11's table and the HTTP API
    /// section); the codes only commands give are conflicts with the café's state.
    #[test]
    fn each_code_has_the_documented_status() {
        let documented = [
            (ErrorCode::BadMessage, 400),
            (ErrorCode::TooLarge, 413),
            (ErrorCode::InvalidInput, 422),
            (ErrorCode::NotAuthenticated, 401),
            (ErrorCode::BadCredentials, 403),
            (ErrorCode::Forbidden, 403),
            (ErrorCode::NotFound, 404),
            (ErrorCode::WrongPhase, 409),
            (ErrorCode::NotSeated, 409),
            (ErrorCode::NoteIdTaken, 409),
            (ErrorCode::OverBudget, 409),
            (ErrorCode::CafeFull, 409),
            (ErrorCode::RateLimited, 429),
            (ErrorCode::Unavailable, 503),
            (ErrorCode::Internal, 500),
        ];
        for (code, status) in documented {
            assert_eq!(status_for(code).as_u16(), status, "{code:?}");
            let response = Refusal::new(code, "why").into_response();
            assert_eq!(response.status().as_u16(), status, "{code:?}");
        }
    }
}

//! Typed errors with stable codes. A client may switch on `code`; `message` is for people.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable error codes, shared by the websocket (`error` messages) and the HTTP API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// The message is not valid JSON or not a known message shape.
    #[error("malformed message")]
    BadMessage,
    /// The message is larger than the limit.
    #[error("message too large")]
    TooLarge,
    /// A field is out of its allowed range or length.
    #[error("invalid input")]
    InvalidInput,
    /// A command arrived before a successful `hello`.
    #[error("say hello first")]
    NotAuthenticated,
    /// Unknown café, wrong key, wrong join code or a resume token that does not match.
    #[error("credentials refused")]
    BadCredentials,
    /// The sender's role may not do this.
    #[error("not allowed")]
    Forbidden,
    /// The participant, note or table named does not exist.
    #[error("not found")]
    NotFound,
    /// The café is not in a phase where this command makes sense.
    #[error("not possible now")]
    WrongPhase,
    /// The participant has no table yet.
    #[error("no table yet")]
    NotSeated,
    /// A note id that belongs to someone else's note.
    #[error("note id taken")]
    NoteIdTaken,
    /// The participant has no dots left to spend.
    #[error("no dots left")]
    OverBudget,
    /// The café is full.
    #[error("café full")]
    CafeFull,
    /// Too many requests; wait and retry.
    #[error("rate limited")]
    RateLimited,
    /// The server could not store the change; nothing was changed. Retry later.
    #[error("temporarily unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl ErrorCode {
    /// Whether retrying the same request later may succeed.
    pub fn retryable(self) -> bool {
        matches!(self, Self::RateLimited | Self::Unavailable)
    }
}

/// The JSON body of every HTTP error response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

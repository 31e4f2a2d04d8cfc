//! Websocket close codes. The range tells a client what to do, so that a thousand phones do the
//! right thing without understanding every code: 4000-4499 means "reconnect (with backoff) and
//! resume from your last cursor"; 4500-4999 means "do not reconnect automatically".

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u16)]
pub enum CloseCode {
    /// The server is shutting down or restarting.
    ShuttingDown = 4000,
    /// The client fell too far behind; reconnect and resync from the last cursor.
    SlowConsumer = 4001,
    /// No `hello` arrived in time, or pings went unanswered.
    Timeout = 4002,
    /// Too many messages too fast; back off before reconnecting.
    RateLimited = 4003,
    /// Credentials were refused; reconnecting with the same ones will not help.
    AuthFailed = 4500,
    /// The facilitator removed this participant, or the participant left.
    Removed = 4501,
    /// The client broke the protocol: more than 20 malformed messages, or a frame over 1 MiB.
    ProtocolViolation = 4502,
}

impl CloseCode {
    pub fn code(self) -> u16 {
        self as u16
    }

    /// Whether a client should reconnect after this code.
    pub fn should_reconnect(code: u16) -> bool {
        (4000..4500).contains(&code)
    }

    pub fn from_code(code: u16) -> Option<Self> {
        [
            Self::ShuttingDown,
            Self::SlowConsumer,
            Self::Timeout,
            Self::RateLimited,
            Self::AuthFailed,
            Self::Removed,
            Self::ProtocolViolation,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }

    /// The human-readable close reason sent with the code.
    pub fn reason(self) -> &'static str {
        match self {
            Self::ShuttingDown => "server shutting down; reconnect",
            Self::SlowConsumer => "too far behind; reconnect and resync",
            Self::Timeout => "timed out; reconnect",
            Self::RateLimited => "too many messages; slow down and reconnect",
            Self::AuthFailed => "credentials refused",
            Self::Removed => "you are no longer in this café",
            Self::ProtocolViolation => "protocol violation",
        }
    }
}

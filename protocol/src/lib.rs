//! The Flamingo wire protocol: every message that crosses a websocket or the HTTP API.
//!
//! Defined once here; the server, the end-to-end tests and the load generator use these types
//! directly, and the web client's TypeScript types are generated from them (see
//! `tests/typescript.rs`). All JSON is camelCase and internally tagged with `type`.
//! `docs/protocol.md` explains every message with examples.

pub mod client;
pub mod close;
pub mod error;
pub mod export;
pub mod harvest;
pub mod http;
pub mod limits;
pub mod server;
pub mod view;

pub use client::{Auth, ClientMessage, Command, Cursor};
pub use close::CloseCode;
pub use error::{ErrorBody, ErrorCode};
pub use export::{
    Authors, CafeExport, ExportFeedback, ExportFormat, ExportNote, ExportParticipant, ExportRound,
    ExportTable, ExportTheme,
};
pub use harvest::{
    CoFacilitatorKey, Commitment, FeedbackAnswer, FeedbackKind, FeedbackQuestion, FeedbackView,
    SuggestedTheme, ThemeSuggestions, ThemeView, VoteCount, VoteTarget, VotingState, VotingView,
};
pub use http::{CreateCafeRequest, CreateCafeResponse, PublicCafeInfo};
pub use server::{Role, ServerMessage, Update, You};
pub use view::{
    CafeView, NoteView, ParticipantInfo, PhaseView, RoundSpec, SeatingView, TableSeats,
};

/// A café's id.
pub type CafeId = uuid::Uuid;
/// A participant's id, chosen by the server at join.
pub type ParticipantId = uuid::Uuid;
/// A note's id, chosen by the client so that resending a note is idempotent.
pub type NoteId = uuid::Uuid;
/// A harvest theme's id, chosen by the client so that resending is idempotent.
pub type ThemeId = uuid::Uuid;
/// A commitment's id, chosen by the client.
pub type CommitmentId = uuid::Uuid;
/// Position in a café's event log: the first event is 1.
pub type Seq = u64;
/// Milliseconds since the Unix epoch, on the server's clock.
pub type Millis = i64;
/// Round number, starting at 1.
pub type RoundNo = u32;
/// Table number, starting at 1; a number is a physical table and keeps its meaning across rounds.
pub type TableNo = u32;

//! The values events carry, as the log stores them. They mirror wire types today, field for
//! field, but they are the engine's: the protocol may rename or reshape its own types and the
//! log does not change (`wire.rs` converts between the two, explicitly).

use flamingo_protocol::{CommitmentId, NoteId, ParticipantId, TableNo, ThemeId};
use serde::{Deserialize, Serialize};

/// One round as the facilitator planned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoundSpec {
    pub question: String,
    pub minutes: u32,
}

/// Who sits at one table in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableSeats {
    pub table: TableNo,
    pub host: Option<ParticipantId>,
    pub members: Vec<ParticipantId>,
}

/// What a dot is spent on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum VoteTarget {
    Theme { theme_id: ThemeId },
    Note { note_id: NoteId },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VotingState {
    NotOpen,
    Open,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub commitment_id: CommitmentId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub theme_ids: Vec<ThemeId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FeedbackKind {
    Rating,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackQuestion {
    pub kind: FeedbackKind,
    pub prompt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

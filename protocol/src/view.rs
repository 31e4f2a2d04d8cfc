//! What a client sees of a café: the snapshot and the pieces updates are made of.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::harvest::{Commitment, FeedbackView, ThemeView, VotingView};
use crate::{CafeId, Millis, NoteId, ParticipantId, RoundNo, TableNo};

/// One round as the facilitator planned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundSpec {
    pub question: String,
    pub minutes: u32,
}

/// Where the café is in its life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PhaseView {
    Lobby,
    Running {
        round: RoundNo,
        #[ts(type = "number")]
        ends_at: Millis,
    },
    Paused {
        round: RoundNo,
        #[ts(type = "number")]
        remaining_ms: i64,
    },
    BetweenRounds {
        last_round: RoundNo,
    },
    Harvest,
    Closed,
}

/// A person in the café.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInfo {
    pub participant_id: ParticipantId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub role: Option<String>,
    /// False once they left or were removed.
    pub present: bool,
}

/// Who sits at one table in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TableSeats {
    pub table: TableNo,
    /// None only while a table has nobody left to host it.
    pub host: Option<ParticipantId>,
    /// Everyone at the table, the host included.
    pub members: Vec<ParticipantId>,
}

/// The tables of one round. `planned` is true for the next round's plan, which changes with
/// arrivals and departures until the round starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeatingView {
    pub round: RoundNo,
    pub planned: bool,
    pub tables: Vec<TableSeats>,
}

/// A note as shown to clients. Deleted notes are not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub note_id: NoteId,
    pub round: RoundNo,
    pub table: TableNo,
    pub author_id: ParticipantId,
    pub author_name: String,
    pub text: String,
    #[ts(type = "number")]
    pub posted_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub edited_at: Option<Millis>,
    /// `true` when the facilitator took the note off the wall. Only the facilitator sees it;
    /// walls do not get hidden notes at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hidden: Option<bool>,
}

/// The last broadcast, so that a phone that joins late still sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BroadcastView {
    pub text: String,
    /// When it was sent.
    #[ts(type = "number")]
    pub at: Millis,
    /// It stays through changes of phase until the facilitator clears it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, as = "Option<bool>")]
    pub keep: bool,
}

/// A café as one client may see it. The facilitator and the wall see everything; a phone sees
/// itself, its tables (current round and plan), the people there and those tables' notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CafeView {
    pub cafe_id: CafeId,
    pub title: String,
    pub join_code: String,
    pub table_size: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub physical_tables: Option<u32>,
    pub rounds: Vec<RoundSpec>,
    pub phase: PhaseView,
    pub participants: Vec<ParticipantInfo>,
    /// Participants with at least one open connection (facilitator and wall only).
    pub connected: Vec<ParticipantId>,
    pub seating: Vec<SeatingView>,
    pub notes: Vec<NoteView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_broadcast: Option<BroadcastView>,
    /// The harvest's themes, in the order they were made.
    pub themes: Vec<ThemeView>,
    pub voting: VotingView,
    pub commitments: Vec<Commitment>,
    pub feedback: FeedbackView,
    /// Whether a co-facilitator key is active (facilitator only; false elsewhere).
    pub co_facilitator: bool,
}

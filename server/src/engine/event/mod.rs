//! The events a café's log is made of, stored as JSON forever.
//!
//! **The log's format is the engine's own.** Events carry the values in `values.rs`, not the
//! protocol's wire types; `wire.rs` converts between them, field by field, so a change to the
//! protocol cannot change what the log stores or can read.
//!
//! **Versions are per kind, and the `type` tag names the version.** Every kind written so far
//! is its version 1 under its bare name (`notePosted`). A kind may gain a field that has a
//! default (`#[serde(default)]`); any other change (a field renamed, retyped, removed or given
//! a new meaning) is a new version: the variant here takes the new shape and a new tag
//! (`NotePostedV2`, `notePostedV2`), and the old tag stays in `stored.rs` with its old shape,
//! converted to the new one as it is read. So `Event` holds only current versions, and every
//! line ever written still decodes. The golden logs in `server/tests/golden/` are kept
//! forever and every build must replay them to the same state and exports (ARCHITECTURE.md,
//! Data).

mod harvest;
mod stored;
mod values;
pub(super) mod wire;

use flamingo_protocol::{CafeId, Millis, NoteId, ParticipantId, RoundNo, Seq, TableNo};
use serde::{Deserialize, Serialize};

pub use harvest::HarvestEvent;
pub use values::{
    Commitment, FeedbackAnswer, FeedbackKind, FeedbackQuestion, RoundSpec, TableSeats, VoteTarget,
    VotingState,
};

/// Encoded as it is; decoded through [`stored::Stored`], which knows every tag ever written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    from = "stored::Stored"
)]
pub enum Event {
    CafeCreated {
        cafe_id: CafeId,
        title: String,
        join_code: String,
        table_size: u32,
        physical_tables: Option<u32>,
        rounds: Vec<RoundSpec>,
        facilitator_key_hash: String,
        /// Seeds the seating so that a café's plans are reproducible.
        seed: u64,
    },
    ParticipantJoined {
        participant_id: ParticipantId,
        name: String,
        organisation: Option<String>,
        role: Option<String>,
        token_hash: String,
    },
    /// Also takes the person off every table of the running round and the plan.
    ParticipantLeft {
        participant_id: ParticipantId,
        removed: bool,
    },
    /// A whole seating for `round`: the plan when the round has not started, else a rebalance.
    SeatingPlanned {
        round: RoundNo,
        tables: Vec<TableSeats>,
    },
    /// One person seated at (or moved to) a table; `pinned` when the facilitator did it, so
    /// that re-planning keeps it.
    ParticipantSeated {
        round: RoundNo,
        participant_id: ParticipantId,
        table: TableNo,
        from_table: Option<TableNo>,
        pinned: bool,
    },
    HostChanged {
        round: RoundNo,
        table: TableNo,
        participant_id: ParticipantId,
        pinned: bool,
    },
    /// The plan for `round` becomes its seating.
    RoundStarted {
        round: RoundNo,
        ends_at: Millis,
    },
    RoundPaused {
        round: RoundNo,
        remaining_ms: i64,
    },
    RoundResumed {
        round: RoundNo,
        ends_at: Millis,
    },
    RoundTimeChanged {
        round: RoundNo,
        ends_at: Option<Millis>,
        remaining_ms: Option<i64>,
    },
    RoundEnded {
        round: RoundNo,
        by_timer: bool,
    },
    Broadcast {
        text: String,
    },
    NotePosted {
        note_id: NoteId,
        author: ParticipantId,
        round: RoundNo,
        table: TableNo,
        text: String,
    },
    NoteEdited {
        note_id: NoteId,
        text: String,
    },
    /// Also takes the note out of its theme, and its dots back to the voters.
    NoteDeleted {
        note_id: NoteId,
    },
    /// The facilitator took a note off the wall, or put it back.
    NoteHidden {
        note_id: NoteId,
        hidden: bool,
    },
    HarvestOpened,
    /// Also closes voting, if it was open.
    CafeClosed,
    /// The hash of the key the facilitator shared, or `None` when revoked. Who may act, not
    /// what the harvest holds, so not a harvest event.
    CoFacilitatorKeySet {
        key_hash: Option<String>,
    },
    /// Themes, votes, commitments and feedback: applied and fanned out by the harvest's own
    /// code. Untagged because each harvest kind carries its own `type` tag, so the log stores
    /// them exactly as when they were variants of this enum.
    #[serde(untagged)]
    Harvest(HarvestEvent),
}

impl From<HarvestEvent> for Event {
    fn from(e: HarvestEvent) -> Self {
        Self::Harvest(e)
    }
}

/// An event at its place in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recorded {
    pub seq: Seq,
    pub at: Millis,
    pub event: Event,
}

//! The events a café's log is made of. They are stored as JSON forever: add fields with
//! defaults and new variants, never change the meaning of an old one.

use flamingo_protocol::{
    CafeId, Commitment, CommitmentId, FeedbackAnswer, FeedbackQuestion, Millis, NoteId,
    ParticipantId, RoundNo, RoundSpec, Seq, TableNo, TableSeats, ThemeId, VoteTarget, VotingState,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
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
    /// A theme, with the notes put in it at once (they leave any other theme).
    ThemeCreated {
        theme_id: ThemeId,
        name: String,
        note_ids: Vec<NoteId>,
    },
    ThemeRenamed {
        theme_id: ThemeId,
        name: String,
    },
    /// Its notes have no theme now; its dots go back to the voters; commitments forget it.
    ThemeDeleted {
        theme_id: ThemeId,
    },
    NoteThemed {
        note_id: NoteId,
        theme_id: Option<ThemeId>,
    },
    VotingChanged {
        state: VotingState,
        dots: u32,
    },
    /// A participant's dots on one target, absolute.
    VotesSet {
        participant_id: ParticipantId,
        target: VoteTarget,
        dots: u32,
    },
    /// Added, or replaced the one with the same id.
    CommitmentSaved {
        commitment: Commitment,
    },
    CommitmentDeleted {
        commitment_id: CommitmentId,
    },
    FeedbackQuestionsSet {
        questions: Vec<FeedbackQuestion>,
    },
    /// Replaces the participant's earlier answers. Kept by participant only so that a second
    /// form replaces the first; every view and export leaves the participant out.
    FeedbackSubmitted {
        participant_id: ParticipantId,
        answers: Vec<FeedbackAnswer>,
    },
    /// The hash of the key the facilitator shared, or `None` when revoked.
    CoFacilitatorKeySet {
        key_hash: Option<String>,
    },
}

/// An event at its place in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recorded {
    pub seq: Seq,
    pub at: Millis,
    pub event: Event,
}

//! Messages the server sends.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorCode;
use crate::harvest::{
    Commitment, FeedbackAnswer, FeedbackQuestion, ThemeView, VoteTarget, VotingState,
};
use crate::view::{CafeView, NoteView, ParticipantInfo, TableSeats};
use crate::{CafeId, CommitmentId, Millis, NoteId, ParticipantId, RoundNo, Seq, TableNo, ThemeId};

/// What a connection is allowed to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Facilitator,
    /// Signed in with the key the facilitator shared: the facilitator's rights except closing
    /// the café and sharing keys.
    CoFacilitator,
    Participant,
    Wall,
}

/// Who the server takes this connection to be, from `welcome`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct You {
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub participant_id: Option<ParticipantId>,
    /// Sent once, when a participant first joins: keep it to come back as the same person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub resume_token: Option<String>,
}

/// Every frame the server sends.
// A snapshot is much larger than the other frames; messages live only between being built and
// being encoded, so boxing it would cost every user of the type for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ServerMessage {
    /// The answer to a good `hello`. A `snapshot` or the missed `event`s follow, then `synced`.
    Welcome {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        cafe_id: CafeId,
        you: You,
        epoch: String,
        #[ts(type = "number")]
        server_time: Millis,
    },
    /// The whole café as this client may see it, as of `seq`. Replaces anything held before.
    Snapshot {
        epoch: String,
        #[ts(type = "number")]
        seq: Seq,
        #[ts(type = "number")]
        server_time: Millis,
        cafe: CafeView,
    },
    /// One change, at position `seq` of the café's log. A client sees only the updates its
    /// view needs, so the `seq`s it sees may skip numbers; they never go backwards.
    Event {
        #[ts(type = "number")]
        seq: Seq,
        /// This frame's place among the frames this connection gets for `seq`: one event can
        /// give one viewer several updates (a move and the new table's notes). 0, the first,
        /// is left out; a cursor names it so that a resume continues inside the group.
        #[serde(default, skip_serializing_if = "is_zero")]
        #[ts(as = "Option<u32>", optional)]
        part: u32,
        /// When the change happened.
        #[ts(type = "number")]
        at: Millis,
        #[ts(type = "number")]
        server_time: Millis,
        update: Update,
    },
    /// After the snapshot or the replay: the client is now live at `seq`.
    Synced {
        #[ts(type = "number")]
        seq: Seq,
        #[ts(type = "number")]
        server_time: Millis,
    },
    /// A command succeeded and is stored. `seq` is the café's position after it: wait for
    /// updates up to `seq` to see its effect.
    Ack {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        #[ts(type = "number")]
        seq: Seq,
        /// True when the command changed nothing because it was already done (a resent note).
        duplicate: bool,
    },
    /// A request failed and changed nothing.
    Error {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        code: ErrorCode,
        message: String,
    },
    /// A participant's connection came or went (facilitator and wall only). Not part of the
    /// log: presence is about sockets, not the café.
    Presence {
        participant_id: ParticipantId,
        connected: bool,
    },
    /// Everyone connected right now (facilitator and wall only), after a replay: presence is
    /// not in the log, so a resumed client gets the whole list instead.
    PresenceList { connected: Vec<ParticipantId> },
    Pong {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        #[ts(type = "number")]
        server_time: Millis,
    },
}

/// A change to the café, as one client sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Update {
    /// Facilitator and wall: someone joined.
    ParticipantJoined {
        participant: ParticipantInfo,
    },
    /// Facilitator and wall: someone left or was removed.
    ParticipantLeft {
        participant_id: ParticipantId,
        removed: bool,
    },
    /// Facilitator and wall: a complete seating for `round` (planned or started).
    SeatingPlanned {
        round: RoundNo,
        tables: Vec<TableSeats>,
    },
    /// Facilitator and wall: one person got a seat or changed table.
    ParticipantSeated {
        round: RoundNo,
        participant_id: ParticipantId,
        table: TableNo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        from_table: Option<TableNo>,
    },
    /// Facilitator and wall: a table has a new host.
    HostChanged {
        round: RoundNo,
        table: TableNo,
        participant_id: ParticipantId,
    },
    /// A phone: its table in `round` is now this (`table` is null when it has none). Replaces
    /// what the phone held for that round; `people` are the ones sitting there.
    TableChanged {
        round: RoundNo,
        planned: bool,
        table: Option<TableSeats>,
        people: Vec<ParticipantInfo>,
    },
    RoundStarted {
        round: RoundNo,
        #[ts(type = "number")]
        ends_at: Millis,
    },
    RoundPaused {
        round: RoundNo,
        #[ts(type = "number")]
        remaining_ms: i64,
    },
    RoundResumed {
        round: RoundNo,
        #[ts(type = "number")]
        ends_at: Millis,
    },
    /// The facilitator added or took time. One of the two fields is set, by phase.
    RoundTimeChanged {
        round: RoundNo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional, type = "number")]
        ends_at: Option<Millis>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional, type = "number")]
        remaining_ms: Option<i64>,
    },
    /// The round is over; `byTimer` says whether the clock or the facilitator ended it.
    RoundEnded {
        round: RoundNo,
        by_timer: bool,
    },
    /// A message from the facilitator; the frame's `at` is when it was sent. `keep`: it stays
    /// through changes of phase until cleared.
    Broadcast {
        text: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        #[ts(optional, as = "Option<bool>")]
        keep: bool,
    },
    /// The message is down: cleared by the facilitator, or ended by a change of phase.
    BroadcastCleared,
    NotePosted {
        note: NoteView,
    },
    NoteEdited {
        note_id: NoteId,
        text: String,
        #[ts(type = "number")]
        edited_at: Millis,
    },
    NoteDeleted {
        note_id: NoteId,
    },
    /// Facilitator only: a note was taken off the wall (`hidden`) or put back. Walls get
    /// `noteDeleted` and `notePosted` instead.
    NoteHidden {
        note_id: NoteId,
        hidden: bool,
    },
    HarvestOpened,
    CafeClosed,
    ThemeCreated {
        theme: ThemeView,
    },
    ThemeRenamed {
        theme_id: ThemeId,
        name: String,
    },
    /// Its notes have no theme now, and every dot on it is returned.
    ThemeDeleted {
        theme_id: ThemeId,
    },
    /// A note moved into a theme, or out of every theme (`themeId` null).
    NoteThemed {
        note_id: NoteId,
        theme_id: Option<ThemeId>,
    },
    /// Voting opened or closed, or its budget changed.
    VotingChanged {
        state: VotingState,
        dots: u32,
    },
    /// Facilitator and wall: the new total on a target.
    VoteTotal {
        target: VoteTarget,
        dots: u32,
    },
    /// A phone: its own dots on a target now.
    YourVotes {
        target: VoteTarget,
        dots: u32,
    },
    CommitmentSaved {
        commitment: Commitment,
    },
    CommitmentDeleted {
        commitment_id: CommitmentId,
    },
    FeedbackQuestionsChanged {
        questions: Vec<FeedbackQuestion>,
    },
    /// Facilitator only: how many people have answered the feedback form.
    FeedbackReceived {
        responses: u32,
    },
    /// A phone: its own answers, as stored.
    YourFeedback {
        answers: Vec<FeedbackAnswer>,
    },
    /// Facilitator only: whether a co-facilitator key is active. A replaced or revoked key's
    /// connections are closed.
    CoFacilitatorChanged {
        active: bool,
    },
}

// serde's `skip_serializing_if` takes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

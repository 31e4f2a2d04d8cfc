//! Messages a client sends.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::harvest::{Commitment, FeedbackAnswer, FeedbackQuestion, VoteTarget};
use crate::{CafeId, CommitmentId, NoteId, ParticipantId, RoundNo, Seq, TableNo, ThemeId};

/// Every frame a client sends. `requestId` is the client's own number; the answer (`ack` or
/// `error`) carries it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ClientMessage {
    /// The first message on a connection: who I am, and where I left off.
    Hello {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        auth: Auth,
        /// The cursor of the last update this client applied, to resume without a snapshot.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        since: Option<Cursor>,
    },
    /// A change to the café. Authorised per command against the identity from `hello`.
    Command {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
        command: Command,
    },
    /// Answered by `pong` with the server's time: browsers cannot see websocket pings, and the
    /// server time lets a client count down without drift.
    Ping {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        request_id: Option<u32>,
    },
}

impl ClientMessage {
    pub fn request_id(&self) -> Option<u32> {
        match self {
            Self::Hello { request_id, .. }
            | Self::Command { request_id, .. }
            | Self::Ping { request_id } => *request_id,
        }
    }
}

/// How a client proves who it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "as", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Auth {
    /// The café's facilitator, with the key shown once at creation, or a co-facilitator with
    /// the key the facilitator shared (same rights, except closing the café and sharing keys).
    Facilitator {
        cafe_id: CafeId,
        facilitator_key: String,
    },
    /// A new participant joining with the code on the wall.
    Join {
        join_code: String,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        organisation: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        role: Option<String>,
        /// A secret the phone chose (32 to 128 letters, digits, `-` or `_`), kept until the
        /// `welcome` arrives. Sending the same join again with it is harmless: it answers with
        /// the same participant instead of adding a second one, so a join whose answer was lost
        /// can be retried. It is also the resume token then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        join_key: Option<String>,
    },
    /// A returning participant (reload, reconnect) with the token from their first `welcome`.
    Participant {
        cafe_id: CafeId,
        participant_id: ParticipantId,
        resume_token: String,
    },
    /// The read-only wall on the projector.
    Wall { join_code: String },
}

/// A position in a café's history: the epoch names the history, the sequence number the place
/// in it. A cursor from another epoch never resumes; it gets a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    pub epoch: String,
    #[ts(type = "number")]
    pub seq: Seq,
    /// The `part` of the last `event` frame applied, when the cursor's `seq` came from an
    /// event; absent when it came from a `snapshot` or `synced` (all of `seq` is applied).
    /// With it, a resume sends the rest of that event's frames; without it, none of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub part: Option<u32>,
}

/// Everything that changes a café. Each is authorised for the sender's role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Command {
    /// Facilitator: plan the next round's tables now (before round 1; later rounds are planned
    /// automatically when a round ends).
    PlanNextRound,
    /// Facilitator: start the next round with the planned tables.
    StartRound,
    /// Facilitator: stop the clock.
    PauseRound,
    /// Facilitator: restart the clock.
    ResumeRound,
    /// Facilitator: add (positive) or take (negative) seconds from the running or paused round.
    AdjustTime { seconds: i32 },
    /// Facilitator: end the current round now.
    EndRound,
    /// Facilitator: a message shown on every phone and the wall. It ends at the next change of
    /// phase (a round starting or ending, the harvest opening, the close) unless `keep` is set;
    /// the facilitator can clear it at any time.
    Broadcast {
        text: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        #[ts(optional, as = "Option<bool>")]
        keep: bool,
    },
    /// Facilitator: take the message down everywhere. With none showing, a duplicate ack.
    ClearBroadcast,
    /// Facilitator: seat a participant at a table (in the running round, or in the plan).
    MoveParticipant {
        participant_id: ParticipantId,
        table: TableNo,
    },
    /// Facilitator: make a participant the host of the table they sit at.
    SetHost { participant_id: ParticipantId },
    /// Facilitator: take a participant out of the café (their notes stay).
    RemoveParticipant { participant_id: ParticipantId },
    /// Facilitator: end the rounds and open the harvest.
    OpenHarvest,
    /// Facilitator: close the café for good.
    CloseCafe,
    /// Participant: add a note to their table. Resending the same `noteId` is harmless.
    /// `round` names the round the note was written in (for notes sent late from an outbox).
    PostNote {
        note_id: NoteId,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        round: Option<RoundNo>,
    },
    /// Author, the table's host, or facilitator: replace a note's text.
    EditNote { note_id: NoteId, text: String },
    /// Author, the table's host, or facilitator: delete a note.
    DeleteNote { note_id: NoteId },
    /// Facilitator: take a note off the wall (`hidden: true`) or put it back. The note stays
    /// on the phones and in the café; only walls stop showing it.
    HideNote { note_id: NoteId, hidden: bool },
    /// Participant: leave the café.
    Leave,
    /// Staff, in the harvest: a new theme, with the notes to put in it at once (accepting a
    /// suggestion). Notes already in another theme move. Resending the same theme is harmless.
    CreateTheme {
        theme_id: ThemeId,
        name: String,
        #[serde(default)]
        note_ids: Vec<NoteId>,
    },
    /// Staff, in the harvest.
    RenameTheme { theme_id: ThemeId, name: String },
    /// Staff, in the harvest: its notes go back to no theme and its dots back to the voters.
    DeleteTheme { theme_id: ThemeId },
    /// Staff, in the harvest: put a note in a theme (a note sits in one theme at most), or take
    /// it out (`themeId` null).
    SetNoteTheme {
        note_id: NoteId,
        theme_id: Option<ThemeId>,
    },
    /// Staff, in the harvest: open dot-voting with a budget of `dots` per participant, or change
    /// the budget while it is open (people above a lowered budget keep their dots but cannot
    /// add more).
    OpenVoting { dots: u32 },
    /// Staff: close dot-voting; the totals are final.
    CloseVoting,
    /// Participant, while voting is open: put exactly `dots` of their own dots on `target`
    /// (0 takes them all back). Absolute, so resending it is harmless.
    SetVotes { target: VoteTarget, dots: u32 },
    /// Staff, in the harvest: add a commitment, or replace the one with the same id.
    SaveCommitment { commitment: Commitment },
    /// Staff, in the harvest.
    DeleteCommitment { commitment_id: CommitmentId },
    /// Staff, before the café closes: the feedback form phones show when it closes.
    SetFeedbackQuestions { questions: Vec<FeedbackQuestion> },
    /// Participant, once the café is closed: answers to the feedback form, one per question in
    /// order. Sending again replaces the earlier answers. Exported without names.
    SubmitFeedback { answers: Vec<FeedbackAnswer> },
}

impl Command {
    /// The command's wire name, for logs and the authorisation table.
    pub fn name(&self) -> &'static str {
        match self {
            Self::PlanNextRound => "planNextRound",
            Self::StartRound => "startRound",
            Self::PauseRound => "pauseRound",
            Self::ResumeRound => "resumeRound",
            Self::AdjustTime { .. } => "adjustTime",
            Self::EndRound => "endRound",
            Self::Broadcast { .. } => "broadcast",
            Self::ClearBroadcast => "clearBroadcast",
            Self::MoveParticipant { .. } => "moveParticipant",
            Self::SetHost { .. } => "setHost",
            Self::RemoveParticipant { .. } => "removeParticipant",
            Self::OpenHarvest => "openHarvest",
            Self::CloseCafe => "closeCafe",
            Self::PostNote { .. } => "postNote",
            Self::EditNote { .. } => "editNote",
            Self::DeleteNote { .. } => "deleteNote",
            Self::HideNote { .. } => "hideNote",
            Self::Leave => "leave",
            Self::CreateTheme { .. } => "createTheme",
            Self::RenameTheme { .. } => "renameTheme",
            Self::DeleteTheme { .. } => "deleteTheme",
            Self::SetNoteTheme { .. } => "setNoteTheme",
            Self::OpenVoting { .. } => "openVoting",
            Self::CloseVoting => "closeVoting",
            Self::SetVotes { .. } => "setVotes",
            Self::SaveCommitment { .. } => "saveCommitment",
            Self::DeleteCommitment { .. } => "deleteCommitment",
            Self::SetFeedbackQuestions { .. } => "setFeedbackQuestions",
            Self::SubmitFeedback { .. } => "submitFeedback",
        }
    }
}

//! Decoding the log: every kind, in every version, that a stored event may be. Encoding writes
//! `Event` directly; reading goes through `Stored`, a flat enum of the tags as they are stored,
//! so that one pass of serde reads any line (the harvest's kinds are a sub-enum in `Event`,
//! which serde could only find by trying one enum and then the other).
//!
//! This is also where old versions live: when a kind changes shape, its new version becomes the
//! variant in `Event` (with a new tag), and the old tag stays here and is converted to the new
//! shape below. `Event` only ever holds current versions. A kind added to `Event` is added
//! here too; the golden log that must have it (`server/tests/golden_log.rs`) fails to decode
//! until it is.

use flamingo_protocol::{
    CafeId, CommitmentId, Millis, NoteId, ParticipantId, RoundNo, TableNo, ThemeId,
};
use serde::Deserialize;

use super::values::{
    Commitment, FeedbackAnswer, FeedbackQuestion, RoundSpec, TableSeats, VoteTarget, VotingState,
};
use super::{Event, HarvestEvent};

#[derive(Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Stored {
    CafeCreated {
        cafe_id: CafeId,
        title: String,
        join_code: String,
        table_size: u32,
        physical_tables: Option<u32>,
        rounds: Vec<RoundSpec>,
        facilitator_key_hash: String,
        seed: u64,
    },
    ParticipantJoined {
        participant_id: ParticipantId,
        name: String,
        organisation: Option<String>,
        role: Option<String>,
        token_hash: String,
    },
    ParticipantLeft {
        participant_id: ParticipantId,
        removed: bool,
    },
    SeatingPlanned {
        round: RoundNo,
        tables: Vec<TableSeats>,
    },
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
    NoteHidden {
        note_id: NoteId,
        hidden: bool,
    },
    HarvestOpened,
    CafeClosed,
    CoFacilitatorKeySet {
        key_hash: Option<String>,
    },

    ThemeCreated {
        theme_id: ThemeId,
        name: String,
        note_ids: Vec<NoteId>,
    },
    ThemeRenamed {
        theme_id: ThemeId,
        name: String,
    },
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
    VotesSet {
        participant_id: ParticipantId,
        target: VoteTarget,
        dots: u32,
    },
    CommitmentSaved {
        commitment: Commitment,
    },
    CommitmentDeleted {
        commitment_id: CommitmentId,
    },
    FeedbackQuestionsSet {
        questions: Vec<FeedbackQuestion>,
    },
    FeedbackSubmitted {
        participant_id: ParticipantId,
        answers: Vec<FeedbackAnswer>,
    },
}

impl From<Stored> for Event {
    fn from(s: Stored) -> Self {
        match s {
            Stored::CafeCreated {
                cafe_id,
                title,
                join_code,
                table_size,
                physical_tables,
                rounds,
                facilitator_key_hash,
                seed,
            } => Event::CafeCreated {
                cafe_id,
                title,
                join_code,
                table_size,
                physical_tables,
                rounds,
                facilitator_key_hash,
                seed,
            },
            Stored::ParticipantJoined {
                participant_id,
                name,
                organisation,
                role,
                token_hash,
            } => Event::ParticipantJoined {
                participant_id,
                name,
                organisation,
                role,
                token_hash,
            },
            Stored::ParticipantLeft {
                participant_id,
                removed,
            } => Event::ParticipantLeft {
                participant_id,
                removed,
            },
            Stored::SeatingPlanned { round, tables } => Event::SeatingPlanned { round, tables },
            Stored::ParticipantSeated {
                round,
                participant_id,
                table,
                from_table,
                pinned,
            } => Event::ParticipantSeated {
                round,
                participant_id,
                table,
                from_table,
                pinned,
            },
            Stored::HostChanged {
                round,
                table,
                participant_id,
                pinned,
            } => Event::HostChanged {
                round,
                table,
                participant_id,
                pinned,
            },
            Stored::RoundStarted { round, ends_at } => Event::RoundStarted { round, ends_at },
            Stored::RoundPaused {
                round,
                remaining_ms,
            } => Event::RoundPaused {
                round,
                remaining_ms,
            },
            Stored::RoundResumed { round, ends_at } => Event::RoundResumed { round, ends_at },
            Stored::RoundTimeChanged {
                round,
                ends_at,
                remaining_ms,
            } => Event::RoundTimeChanged {
                round,
                ends_at,
                remaining_ms,
            },
            Stored::RoundEnded { round, by_timer } => Event::RoundEnded { round, by_timer },
            Stored::Broadcast { text } => Event::Broadcast { text },
            Stored::NotePosted {
                note_id,
                author,
                round,
                table,
                text,
            } => Event::NotePosted {
                note_id,
                author,
                round,
                table,
                text,
            },
            Stored::NoteEdited { note_id, text } => Event::NoteEdited { note_id, text },
            Stored::NoteDeleted { note_id } => Event::NoteDeleted { note_id },
            Stored::NoteHidden { note_id, hidden } => Event::NoteHidden { note_id, hidden },
            Stored::HarvestOpened => Event::HarvestOpened,
            Stored::CafeClosed => Event::CafeClosed,
            Stored::CoFacilitatorKeySet { key_hash } => Event::CoFacilitatorKeySet { key_hash },
            Stored::ThemeCreated {
                theme_id,
                name,
                note_ids,
            } => HarvestEvent::ThemeCreated {
                theme_id,
                name,
                note_ids,
            }
            .into(),
            Stored::ThemeRenamed { theme_id, name } => {
                HarvestEvent::ThemeRenamed { theme_id, name }.into()
            }
            Stored::ThemeDeleted { theme_id } => HarvestEvent::ThemeDeleted { theme_id }.into(),
            Stored::NoteThemed { note_id, theme_id } => {
                HarvestEvent::NoteThemed { note_id, theme_id }.into()
            }
            Stored::VotingChanged { state, dots } => {
                HarvestEvent::VotingChanged { state, dots }.into()
            }
            Stored::VotesSet {
                participant_id,
                target,
                dots,
            } => HarvestEvent::VotesSet {
                participant_id,
                target,
                dots,
            }
            .into(),
            Stored::CommitmentSaved { commitment } => {
                HarvestEvent::CommitmentSaved { commitment }.into()
            }
            Stored::CommitmentDeleted { commitment_id } => {
                HarvestEvent::CommitmentDeleted { commitment_id }.into()
            }
            Stored::FeedbackQuestionsSet { questions } => {
                HarvestEvent::FeedbackQuestionsSet { questions }.into()
            }
            Stored::FeedbackSubmitted {
                participant_id,
                answers,
            } => HarvestEvent::FeedbackSubmitted {
                participant_id,
                answers,
            }
            .into(),
        }
    }
}

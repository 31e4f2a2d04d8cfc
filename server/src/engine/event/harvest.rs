//! The harvest's events: themes, dot-voting, commitments and the feedback form.

use flamingo_protocol::{CommitmentId, NoteId, ParticipantId, ThemeId};
use serde::Serialize;

use super::values::{Commitment, FeedbackAnswer, FeedbackQuestion, VoteTarget, VotingState};

/// Encoded with the same flat `type` tag as every other kind; decoded through `Stored`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum HarvestEvent {
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
}

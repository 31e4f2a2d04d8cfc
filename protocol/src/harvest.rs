//! The harvest: themes, dot-voting, commitments and the closing feedback form, as they appear
//! in commands, updates and snapshots.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CommitmentId, NoteId, ThemeId};

/// What a dot is spent on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum VoteTarget {
    Theme { theme_id: ThemeId },
    Note { note_id: NoteId },
}

/// Dots on one target: a total (facilitator and wall) or one person's own (their phone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteCount {
    pub target: VoteTarget,
    pub dots: u32,
}

/// Where dot-voting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VotingState {
    /// Not opened yet.
    #[default]
    NotOpen,
    Open,
    /// Closed by the facilitator (or by closing the café); the totals are final.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VotingView {
    pub state: VotingState,
    /// Each participant's budget of dots.
    pub dots: u32,
    /// Every target with at least one dot (facilitator and wall; empty on phones).
    pub totals: Vec<VoteCount>,
    /// This phone's own dots (phones only; empty for the facilitator and wall).
    pub mine: Vec<VoteCount>,
}

/// A theme and the notes in it, in the order they were posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeView {
    pub theme_id: ThemeId,
    pub name: String,
    pub note_ids: Vec<NoteId>,
}

/// Something the room agreed to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub commitment_id: CommitmentId,
    pub text: String,
    /// Who carries it (a person, team or organisation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<String>,
    /// By when, as a calendar date `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub due: Option<String>,
    /// The themes it answers.
    pub theme_ids: Vec<ThemeId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FeedbackKind {
    /// 1 (not at all) to 5 (very).
    Rating,
    /// Free text.
    Text,
}

/// One question of the feedback form phones show when the café closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackQuestion {
    pub kind: FeedbackKind,
    pub prompt: String,
}

/// The answer to one question; both empty means skipped. `rating` answers a rating question,
/// `text` a text question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rating: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackView {
    pub questions: Vec<FeedbackQuestion>,
    /// How many people answered (facilitator only; 0 elsewhere).
    pub responses: u32,
    /// This phone's own answers, once sent (phones only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mine: Option<Vec<FeedbackAnswer>>,
}

/// A grouping the server suggests from the words of the notes not yet in a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedTheme {
    /// A name made of the group's most characteristic words.
    pub name: String,
    pub terms: Vec<String>,
    pub note_ids: Vec<NoteId>,
}

/// `GET /api/cafes/{code}/suggestions`, for the facilitator and co-facilitators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeSuggestions {
    /// How many notes were looked at: every note on the wall that is in no theme yet.
    pub notes_considered: u32,
    pub suggestions: Vec<SuggestedTheme>,
}

/// `POST /api/cafes/{code}/co-facilitator`: the answer with the new key, shown only here.
/// It replaces any earlier co-facilitator key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoFacilitatorKey {
    pub co_facilitator_key: String,
}

//! The café as exported for its sponsor: `GET /api/cafes/{cafeId}/export?format=json`.
//! Markdown and CSV exports are made from the same data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::harvest::{Commitment, FeedbackAnswer, FeedbackQuestion};
use crate::{CafeId, Millis, NoteId, RoundNo, TableNo, ThemeId};

/// Whether people's names (and what else could lead back to them) appear in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Authors {
    /// Names, organisations and roles as people gave them.
    #[default]
    Shown,
    /// "Participant 7" instead of a name, no organisation or role, and no ids that lead back
    /// to anyone; the numbers follow a shuffled order, not the order people joined in.
    Anonymous,
    /// As `Anonymous`, but with each person's organisation and role, for a sponsor who asked
    /// for them (in a small café they can name people).
    AnonymousWithOrganisations,
}

impl Authors {
    pub fn names_shown(self) -> bool {
        self == Self::Shown
    }

    pub fn organisations_shown(self) -> bool {
        self != Self::Anonymous
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// A readable report.
    Markdown,
    /// One row per note, for spreadsheets.
    Csv,
    /// The whole café with the rotation plan ([`CafeExport`]).
    Json,
}

/// The whole café: questions, who sat where and hosted in every round, and every note.
/// Notes hidden from the wall and deleted notes are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CafeExport {
    /// Bumped when a field changes meaning; new fields may appear without a bump.
    pub format_version: u32,
    pub cafe_id: CafeId,
    pub title: String,
    pub join_code: String,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub exported_at: Millis,
    pub authors: Authors,
    pub table_size: u32,
    /// Everyone who joined: in join order, or in the order of their numbers when anonymous.
    pub participants: Vec<ExportParticipant>,
    /// Every round of the café; `tables` is empty for a round that did not start.
    pub rounds: Vec<ExportRound>,
    /// Every note, by round, table, then time.
    pub notes: Vec<ExportNote>,
    /// The harvest's themes ranked: highest `score` first, equal scores in the order the
    /// themes were made.
    pub themes: Vec<ExportTheme>,
    pub commitments: Vec<Commitment>,
    /// The closing feedback form and its answers, never with names.
    pub feedback: ExportFeedback,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportTheme {
    pub theme_id: ThemeId,
    pub name: String,
    /// Dots on the theme itself.
    pub votes: u32,
    /// The theme's one score, the one every view and export ranks by: the dots on the theme
    /// plus the dots on each of its notes that is exported (neither hidden nor deleted).
    pub score: u32,
    pub note_ids: Vec<NoteId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportFeedback {
    pub questions: Vec<FeedbackQuestion>,
    /// One entry per person who answered, each with one answer per question, in an order that
    /// says nothing about who answered when.
    pub responses: Vec<Vec<FeedbackAnswer>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportParticipant {
    /// The participant's id, or `P7` when anonymous (numbered in a shuffled order).
    pub key: String,
    /// The name, or `Participant 7` when anonymous.
    pub label: String,
    /// Left out (`null`) when `authors` is `anonymous`.
    pub organisation: Option<String>,
    /// Left out (`null`) when `authors` is `anonymous`.
    pub role: Option<String>,
    /// Still in the café at export time (not left or removed).
    pub present: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRound {
    pub round: RoundNo,
    pub question: String,
    pub minutes: u32,
    pub tables: Vec<ExportTable>,
}

/// One table in one round, as it stood when the round ended (or now, if it runs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportTable {
    pub table: TableNo,
    /// The host's participant key.
    pub host: Option<String>,
    /// Participant keys.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportNote {
    pub note_id: NoteId,
    pub round: RoundNo,
    pub table: TableNo,
    /// The author's participant key.
    pub author: String,
    #[ts(type = "number")]
    pub posted_at: Millis,
    #[ts(type = "number | null")]
    pub edited_at: Option<Millis>,
    pub text: String,
    #[ts(type = "string | null")]
    pub theme_id: Option<ThemeId>,
    /// Dots on this note.
    pub votes: u32,
}

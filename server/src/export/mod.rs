//! A café turned into what its sponsor takes away: a Markdown report, a CSV of every note,
//! and JSON of the whole café with the rotation plan. Pure: from the café's state, like the
//! engine, so every export is what the log says.

mod csv;
mod markdown;

use flamingo_protocol::{
    Authors, CafeExport, ExportFeedback, ExportFormat, ExportNote, ExportParticipant, ExportRound,
    ExportTable, ExportTheme, Millis, ParticipantId, VoteTarget,
};

use crate::engine::Cafe;

/// A finished export, ready to be sent as a download.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub content_type: &'static str,
    pub filename: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write the export: {0}")]
    Encode(String),
}

pub fn export(
    cafe: &Cafe,
    format: ExportFormat,
    authors: Authors,
    now: Millis,
) -> Result<Exported, ExportError> {
    let data = cafe_export(cafe, authors, now);
    let stem = format!("flamingo-{}-{}", cafe.join_code, date(cafe.created_at));
    Ok(match format {
        ExportFormat::Markdown => Exported {
            content_type: "text/markdown; charset=utf-8",
            filename: format!("{stem}.md"),
            body: markdown::report(&data),
        },
        ExportFormat::Csv => Exported {
            content_type: "text/csv; charset=utf-8",
            filename: format!("{stem}.csv"),
            body: csv::notes(&data)?,
        },
        ExportFormat::Json => Exported {
            content_type: "application/json",
            filename: format!("{stem}.json"),
            body: serde_json::to_string_pretty(&data)
                .map_err(|e| ExportError::Encode(e.to_string()))?,
        },
    })
}

/// The café as data: the JSON export, and what the other formats are written from.
pub fn cafe_export(cafe: &Cafe, authors: Authors, now: Millis) -> CafeExport {
    let harvest = &cafe.harvest;
    let key = |p: ParticipantId| match authors {
        Authors::Shown => p.to_string(),
        Authors::Anonymous => format!("P{}", cafe.join_index(p) + 1),
    };
    let participants = cafe
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| ExportParticipant {
            key: key(p.id),
            label: match authors {
                Authors::Shown => p.name.clone(),
                Authors::Anonymous => format!("Participant {}", i + 1),
            },
            organisation: p.organisation.clone(),
            role: p.role.clone(),
            present: p.present,
        })
        .collect();
    let rounds = cafe
        .rounds
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let round = i as u32 + 1;
            let tables = cafe
                .rounds_started
                .get(i)
                .map(|s| {
                    s.tables()
                        .map(|t| ExportTable {
                            table: t.table,
                            host: t.host.map(key),
                            members: t.members.iter().map(|m| key(*m)).collect(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            ExportRound {
                round,
                question: spec.question.clone(),
                minutes: spec.minutes,
                tables,
            }
        })
        .collect();
    let mut notes: Vec<ExportNote> = cafe
        .notes
        .iter()
        .filter(|n| !n.deleted && !n.hidden)
        .map(|n| ExportNote {
            note_id: n.id,
            round: n.round,
            table: n.table,
            author: key(n.author),
            posted_at: n.posted_at,
            edited_at: n.edited_at,
            text: n.text.clone(),
            theme_id: harvest.note_theme.get(&n.id).copied(),
            votes: harvest.total(VoteTarget::Note { note_id: n.id }),
        })
        .collect();
    notes.sort_by_key(|n| (n.round, n.table, n.posted_at));
    let mut themes: Vec<ExportTheme> = harvest
        .themes
        .iter()
        .map(|t| ExportTheme {
            theme_id: t.id,
            name: t.name.clone(),
            votes: harvest.total(VoteTarget::Theme { theme_id: t.id }),
            note_ids: notes
                .iter()
                .filter(|n| n.theme_id == Some(t.id))
                .map(|n| n.note_id)
                .collect(),
        })
        .collect();
    // Stable: equal votes keep the order the themes were made in.
    themes.sort_by_key(|t| std::cmp::Reverse(t.votes));
    // Sorted by content, so the order says nothing about who answered first.
    let mut responses: Vec<_> = harvest.feedback.values().cloned().collect();
    responses.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    CafeExport {
        format_version: 1,
        cafe_id: cafe.id,
        title: cafe.title.clone(),
        join_code: cafe.join_code.clone(),
        created_at: cafe.created_at,
        exported_at: now,
        authors,
        table_size: cafe.table_size,
        participants,
        rounds,
        notes,
        themes,
        commitments: harvest.commitments.clone(),
        feedback: ExportFeedback {
            questions: harvest.questions.clone(),
            responses,
        },
    }
}

/// `2026-11-27`, in UTC.
fn date(ms: Millis) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| "undated".into())
}

/// `2026-11-27 14:05 UTC`.
fn minute(ms: Millis) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// RFC 3339, for machines: `2026-11-27T14:05:09.120Z`.
fn instant(ms: Millis) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Looks participants up by key for the writers.
struct People<'a>(std::collections::HashMap<&'a str, &'a ExportParticipant>);

impl<'a> People<'a> {
    fn of(data: &'a CafeExport) -> Self {
        Self(
            data.participants
                .iter()
                .map(|p| (p.key.as_str(), p))
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<&'a ExportParticipant> {
        self.0.get(key).copied()
    }

    fn label(&self, key: &str) -> &'a str {
        self.get(key)
            .map_or("someone who left", |p| p.label.as_str())
    }

    /// The host of `table` in `round`, by key.
    fn host_of(data: &CafeExport, round: u32, table: u32) -> Option<&str> {
        data.rounds
            .get(round.checked_sub(1)? as usize)?
            .tables
            .iter()
            .find(|t| t.table == table)?
            .host
            .as_deref()
    }
}

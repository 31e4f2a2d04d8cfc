//! One row per note, for spreadsheets. Columns are only ever added at the end, so a sheet
//! or script that reads them by position keeps working.

use flamingo_protocol::CafeExport;

use super::{ExportError, People, instant};

const HEADER: [&str; 14] = [
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
];

pub fn notes(data: &CafeExport) -> Result<String, ExportError> {
    let people = People::of(data);
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Encode(e.to_string());
    w.write_record(HEADER).map_err(fail)?;
    let themes: std::collections::HashMap<_, &str> = data
        .themes
        .iter()
        .map(|t| (t.theme_id, t.name.as_str()))
        .collect();
    for n in &data.notes {
        let question = data
            .rounds
            .get(n.round.saturating_sub(1) as usize)
            .map_or("", |r| r.question.as_str());
        let host = People::host_of(data, n.round, n.table).map_or("", |h| people.label(h));
        let author = people.get(&n.author);
        w.write_record([
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
            n.theme_id
                .and_then(|t| themes.get(&t).copied())
                .unwrap_or(""),
            &n.votes.to_string(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))
}

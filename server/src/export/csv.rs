//! One row per note, for spreadsheets.

use flamingo_protocol::CafeExport;

use super::{ExportError, People, instant};

const HEADER: [&str; 12] = [
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
];

pub fn notes(data: &CafeExport) -> Result<String, ExportError> {
    let people = People::of(data);
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Encode(e.to_string());
    w.write_record(HEADER).map_err(fail)?;
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
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))
}

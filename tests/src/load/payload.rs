//! What measured messages say. The floor is sent the very frame Flamingo would deliver for
//! the same note or broadcast, so both move the same bytes.

use flamingo_protocol::{NoteView, ServerMessage, Update};

use super::marker::Marker;

/// A note's text: the marker, then a plausible sentence.
pub fn note_text(m: Marker) -> String {
    format!(
        "{} We agreed to share one waiting list across the three services and to meet monthly.",
        m.render()
    )
}

/// A broadcast's text.
pub fn broadcast_text(m: Marker) -> String {
    format!("{} Five minutes left: agree who stays as host.", m.render())
}

/// The floor frame for a note: to the sender's table and the staff.
pub fn floor_note(m: Marker, round: u32, table: u32) -> String {
    let update = Update::NotePosted {
        note: NoteView {
            note_id: uuid::Uuid::new_v4(),
            round,
            table,
            author_id: uuid::Uuid::new_v4(),
            author_name: format!("Phone {}", m.sender),
            text: note_text(m),
            posted_at: crate::now_ms(),
            edited_at: None,
            hidden: None,
        },
    };
    format!("T{}", event(update))
}

/// The floor frame for something the whole room gets.
pub fn floor_everyone(update: Update) -> String {
    format!("R{}", event(update))
}

fn event(update: Update) -> String {
    let now = crate::now_ms();
    serde_json::to_string(&ServerMessage::Event {
        seq: 1_000,
        part: 0,
        at: now,
        server_time: now,
        update,
    })
    .expect("server messages serialise")
}

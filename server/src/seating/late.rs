//! A late arrival: one person placed at once, nobody else moved.

use std::collections::HashMap;

use flamingo_protocol::{ParticipantId, TableNo, TableSeats};

use crate::engine::state::Seating;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Existing(TableNo),
    /// A table nobody sits at yet; the newcomer hosts it.
    NewTable(TableNo),
}

/// Where a late arrival sits, without moving anyone: the smallest table with room, and among
/// those the one where they met the fewest people before. `None` means "open a new table".
///
/// Only the newcomer's own past tables are read (one lookup per past round), so the cost is
/// the size of the room, not the size of its history.
pub fn place_late_arrival(
    seating: &Seating,
    newcomer: ParticipantId,
    history: &[Seating],
    table_size: u32,
    physical_tables: Option<u32>,
) -> Placement {
    let has_room = |t: &&TableSeats| t.members.len() < table_size as usize;
    let may_open = physical_tables.is_none_or(|p| seating.tables().count() < p as usize);
    let room_left = seating.tables().any(|t| has_room(&t));
    if !room_left && may_open {
        return Placement::NewTable(first_free_table(seating));
    }
    let mut met: HashMap<ParticipantId, u32> = HashMap::new();
    for past in history {
        let members = past.table_of(newcomer).and_then(|t| past.table(t));
        for m in members.iter().flat_map(|t| &t.members) {
            *met.entry(*m).or_insert(0) += 1;
        }
    }
    let already_met = |t: &TableSeats| -> u32 {
        if met.is_empty() {
            return 0;
        }
        t.members.iter().filter_map(|m| met.get(m)).sum()
    };
    seating
        .tables()
        .filter(|t| !room_left || has_room(t))
        .min_by_key(|t| (t.members.len(), already_met(t), t.table))
        .map_or(Placement::NewTable(first_free_table(seating)), |t| {
            Placement::Existing(t.table)
        })
}

fn first_free_table(seating: &Seating) -> TableNo {
    (1..).find(|t| seating.table(*t).is_none()).unwrap_or(1)
}

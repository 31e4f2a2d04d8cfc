//! What each client sees: snapshots per viewer, and the updates one event sends to whom.
//!
//! The facilitator and the wall see everything, except that walls do not get the notes the
//! facilitator hid from them (the wall only needs a join code). A phone sees room-wide changes, its own tables
//! (this round's and the plan's), the people there and those tables' notes, so that a café of
//! 2,000 does not send every phone every join and every note.

use std::collections::{BTreeSet, HashMap, HashSet};

use flamingo_protocol::{
    CafeView, NoteView, ParticipantId, ParticipantInfo, RoundNo, SeatingView, TableNo, TableSeats,
    Update,
};

pub use super::access::Viewer;
use super::event::{Event, wire};
use super::harvest;
use super::state::{Cafe, Note, Seating};

/// What walls get from an event, next to the staff update.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ForWalls {
    /// The staff update.
    #[default]
    AsStaff,
    /// This update instead (a hidden note leaves the wall as `noteDeleted`).
    Instead(Update),
    /// Nothing (an edit of a note the wall does not hold).
    Nothing,
}

/// The updates one event produces, by audience.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fanout {
    /// For every connection.
    pub everyone: Option<Update>,
    /// For the facilitator, and the walls unless `walls` says otherwise.
    pub staff: Option<Update>,
    pub walls: ForWalls,
    /// For particular phones.
    pub phones: Vec<(ParticipantId, Update)>,
}

impl Fanout {
    pub fn is_empty(&self) -> bool {
        self.everyone.is_none()
            && self.staff.is_none()
            && !matches!(self.walls, ForWalls::Instead(_))
            && self.phones.is_empty()
    }

    /// The update walls get besides `everyone`.
    pub fn wall_update(&self) -> Option<&Update> {
        match &self.walls {
            ForWalls::AsStaff => self.staff.as_ref(),
            ForWalls::Instead(u) => Some(u),
            ForWalls::Nothing => None,
        }
    }

    /// The `part` of the first update after `everyone`'s, for staff, walls and phones.
    pub fn first_part(&self) -> u32 {
        u32::from(self.everyone.is_some())
    }

    /// Every phone's updates, each with its `part`: its place in that phone's
    /// [`for_viewer`](Self::for_viewer), worked out for all phones in one pass, so that live
    /// delivery numbers frames exactly as a replay does.
    pub fn phone_frames(&self) -> impl Iterator<Item = (ParticipantId, u32, &Update)> {
        let first = self.first_part();
        let mut next: HashMap<ParticipantId, u32> = HashMap::new();
        self.phones.iter().map(move |(p, u)| {
            let part = next.entry(*p).or_insert(first);
            let this = *part;
            *part += 1;
            (*p, this, u)
        })
    }

    /// The updates one viewer gets, in order: an update's position here is its frame's `part`.
    pub fn for_viewer(&self, viewer: Viewer) -> Vec<&Update> {
        let mut out: Vec<&Update> = self.everyone.iter().collect();
        match viewer {
            Viewer::Staff => out.extend(self.staff.iter()),
            Viewer::Wall => out.extend(self.wall_update()),
            Viewer::Phone(p) => out.extend(
                self.phones
                    .iter()
                    .filter(|(to, _)| *to == p)
                    .map(|(_, u)| u),
            ),
        }
        out
    }
}

pub fn participant_info(cafe: &Cafe, id: ParticipantId) -> Option<ParticipantInfo> {
    cafe.participant(id).map(|p| ParticipantInfo {
        participant_id: p.id,
        name: p.name.clone(),
        organisation: p.organisation.clone(),
        role: p.role.clone(),
        present: p.present,
    })
}

pub fn note_view(cafe: &Cafe, n: &Note) -> NoteView {
    NoteView {
        note_id: n.id,
        round: n.round,
        table: n.table,
        author_id: n.author,
        author_name: cafe
            .participant(n.author)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        text: n.text.clone(),
        posted_at: n.posted_at,
        edited_at: n.edited_at,
        hidden: None,
    }
}

fn seating_view(cafe: &Cafe, s: &Seating, only: Option<TableNo>) -> SeatingView {
    SeatingView {
        round: s.round,
        planned: s.round > cafe.current_round(),
        tables: s
            .tables()
            .filter(|t| only.is_none_or(|o| o == t.table))
            .cloned()
            .collect(),
    }
}

/// Whether a phone sees a note: it sat at that table in that round, or hosts that table now
/// (a host briefs newcomers with the notes of earlier rounds).
fn phone_sees(cafe: &Cafe, p: ParticipantId, n: &Note) -> bool {
    cafe.seating(n.round)
        .is_some_and(|s| s.table_of(p) == Some(n.table))
        || cafe
            .live_seatings()
            .any(|s| s.table(n.table).is_some_and(|t| t.host == Some(p)))
}

/// Everyone who sees a note on their phone.
fn note_audience(cafe: &Cafe, n: &Note) -> BTreeSet<ParticipantId> {
    let mut out: BTreeSet<ParticipantId> = cafe
        .seating(n.round)
        .and_then(|s| s.table(n.table))
        .map(|t| t.members.iter().copied().collect())
        .unwrap_or_default();
    for s in cafe.live_seatings() {
        if let Some(h) = s.table(n.table).and_then(|t| t.host) {
            out.insert(h);
        }
    }
    out
}

pub fn snapshot(cafe: &Cafe, viewer: Viewer, connected: &[ParticipantId]) -> CafeView {
    let (participants, seating, notes, connected) = match viewer {
        Viewer::Staff | Viewer::Wall => (
            cafe.participants
                .iter()
                .filter_map(|p| participant_info(cafe, p.id))
                .collect(),
            cafe.rounds_started
                .iter()
                .chain(cafe.plan.as_ref())
                .map(|s| seating_view(cafe, s, None))
                .collect(),
            cafe.notes
                .iter()
                // A wall never gets a hidden note's text: anyone with the join code can open one.
                .filter(|n| !n.deleted && (!n.hidden || viewer != Viewer::Wall))
                .map(|n| NoteView {
                    hidden: n.hidden.then_some(true),
                    ..note_view(cafe, n)
                })
                .collect(),
            connected.to_vec(),
        ),
        Viewer::Phone(me) => {
            let mut people = BTreeSet::from([me]);
            let mut seating = Vec::new();
            for s in cafe.live_seatings() {
                if let Some(t) = s.table_of(me) {
                    let view = seating_view(cafe, s, Some(t));
                    for table in &view.tables {
                        people.extend(table.members.iter().copied());
                    }
                    seating.push(view);
                }
            }
            let notes = cafe
                .notes
                .iter()
                .filter(|n| !n.deleted && phone_sees(cafe, me, n))
                .map(|n| note_view(cafe, n))
                .collect();
            let participants = cafe
                .participants
                .iter()
                .filter(|p| people.contains(&p.id))
                .filter_map(|p| participant_info(cafe, p.id))
                .collect();
            (participants, seating, notes, Vec::new())
        }
    };
    let harvest = harvest::view::snapshot(cafe, viewer);
    CafeView {
        cafe_id: cafe.id,
        title: cafe.title.clone(),
        join_code: cafe.join_code.clone(),
        table_size: cafe.table_size,
        physical_tables: cafe.physical_tables,
        rounds: cafe.rounds.clone(),
        phase: cafe.phase.clone(),
        participants,
        connected,
        seating,
        notes,
        last_broadcast: cafe.last_broadcast.clone(),
        themes: harvest.themes,
        voting: harvest.voting,
        commitments: harvest.commitments,
        feedback: harvest.feedback,
        co_facilitator: harvest.co_facilitator,
    }
}

/// The tables whose people an event changes, read before it is applied (a departure takes
/// the person off the table, so afterwards nobody knows where they sat).
pub fn touched_before(cafe: &Cafe, event: &Event) -> Vec<(RoundNo, TableNo)> {
    match event {
        // The finished round's table-mates too: their phones still show that table.
        Event::ParticipantLeft { participant_id, .. } => cafe
            .live_seatings()
            .filter_map(|s| Some((s.round, s.table_of(*participant_id)?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A phone's table in `round`, for a `tableChanged` update.
fn table_changed(cafe: &Cafe, round: RoundNo, table: Option<&TableSeats>) -> Update {
    Update::TableChanged {
        round,
        planned: round > cafe.current_round(),
        table: table.cloned(),
        people: table
            .map(|t| {
                t.members
                    .iter()
                    .filter_map(|m| participant_info(cafe, *m))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Sends every member of the given tables their table as it is now.
fn tables_to_members(
    cafe: &Cafe,
    round: RoundNo,
    tables: impl IntoIterator<Item = TableNo>,
    out: &mut Vec<(ParticipantId, Update)>,
) {
    let Some(s) = cafe.seating(round) else { return };
    let unique: BTreeSet<TableNo> = tables.into_iter().collect();
    for t in unique.into_iter().filter_map(|t| s.table(t)) {
        let update = table_changed(cafe, round, Some(t));
        for m in &t.members {
            out.push((*m, update.clone()));
        }
    }
}

/// The notes a new host of `table` gets to brief newcomers: that table's notes from rounds in
/// which the host sat elsewhere (the others they saw already).
fn recap(cafe: &Cafe, host: ParticipantId, table: TableNo, out: &mut Vec<(ParticipantId, Update)>) {
    for n in cafe.notes.iter().filter(|n| n.table == table && !n.deleted) {
        let sat_there = cafe
            .seating(n.round)
            .is_some_and(|s| s.table_of(host) == Some(table));
        if !sat_there {
            out.push((
                host,
                Update::NotePosted {
                    note: note_view(cafe, n),
                },
            ));
        }
    }
}

/// The updates an event sends, computed on the café after the event was applied.
pub fn fanout(cafe: &Cafe, event: &Event, touched: &[(RoundNo, TableNo)]) -> Fanout {
    let mut f = Fanout::default();
    match event {
        Event::CafeCreated { .. } => {}
        Event::ParticipantJoined { participant_id, .. } => {
            f.staff = participant_info(cafe, *participant_id)
                .map(|participant| Update::ParticipantJoined { participant });
        }
        Event::ParticipantLeft {
            participant_id,
            removed,
        } => {
            f.staff = Some(Update::ParticipantLeft {
                participant_id: *participant_id,
                removed: *removed,
            });
            for (round, table) in touched {
                tables_to_members(cafe, *round, [*table], &mut f.phones);
            }
        }
        Event::SeatingPlanned { round, tables } => {
            f.staff = Some(Update::SeatingPlanned {
                round: *round,
                tables: wire::all(tables),
            });
            tables_to_members(cafe, *round, tables.iter().map(|t| t.table), &mut f.phones);
            if !cafe.notes.is_empty() {
                for t in tables {
                    if let Some(h) = t.host {
                        recap(cafe, h, t.table, &mut f.phones);
                    }
                }
            }
        }
        Event::ParticipantSeated {
            round,
            participant_id,
            table,
            from_table,
            ..
        } => {
            f.staff = Some(Update::ParticipantSeated {
                round: *round,
                participant_id: *participant_id,
                table: *table,
                from_table: *from_table,
            });
            tables_to_members(cafe, *round, [*table], &mut f.phones);
            // The table they left, if anyone is still there.
            let from = from_table.filter(|f| f != table);
            tables_to_members(cafe, *round, from, &mut f.phones);
            // Someone who sits down mid-round sees what the table already wrote.
            for n in cafe
                .notes
                .iter()
                .filter(|n| n.round == *round && n.table == *table && !n.deleted)
            {
                f.phones.push((
                    *participant_id,
                    Update::NotePosted {
                        note: note_view(cafe, n),
                    },
                ));
            }
        }
        Event::HostChanged {
            round,
            table,
            participant_id,
            ..
        } => {
            f.staff = Some(Update::HostChanged {
                round: *round,
                table: *table,
                participant_id: *participant_id,
            });
            tables_to_members(cafe, *round, [*table], &mut f.phones);
            recap(cafe, *participant_id, *table, &mut f.phones);
        }
        Event::RoundStarted { round, ends_at } => {
            f.everyone = Some(Update::RoundStarted {
                round: *round,
                ends_at: *ends_at,
            });
        }
        Event::RoundPaused {
            round,
            remaining_ms,
        } => {
            f.everyone = Some(Update::RoundPaused {
                round: *round,
                remaining_ms: *remaining_ms,
            });
        }
        Event::RoundResumed { round, ends_at } => {
            f.everyone = Some(Update::RoundResumed {
                round: *round,
                ends_at: *ends_at,
            });
        }
        Event::RoundTimeChanged {
            round,
            ends_at,
            remaining_ms,
        } => {
            f.everyone = Some(Update::RoundTimeChanged {
                round: *round,
                ends_at: *ends_at,
                remaining_ms: *remaining_ms,
            });
        }
        Event::RoundEnded { round, by_timer } => {
            f.everyone = Some(Update::RoundEnded {
                round: *round,
                by_timer: *by_timer,
            });
        }
        Event::Broadcast { text, keep } => {
            f.everyone = Some(Update::Broadcast {
                text: text.clone(),
                keep: *keep,
            });
        }
        Event::BroadcastCleared => f.everyone = Some(Update::BroadcastCleared),
        Event::NotePosted { note_id, .. } => {
            if let Some(n) = cafe.note(*note_id) {
                let update = Update::NotePosted {
                    note: note_view(cafe, n),
                };
                f.phones = note_audience(cafe, n)
                    .into_iter()
                    .map(|p| (p, update.clone()))
                    .collect();
                f.staff = Some(update);
            }
        }
        Event::NoteEdited { note_id, .. } | Event::NoteDeleted { note_id } => {
            if let Some(n) = cafe.note(*note_id) {
                let update = if n.deleted {
                    Update::NoteDeleted { note_id: n.id }
                } else {
                    Update::NoteEdited {
                        note_id: n.id,
                        text: n.text.clone(),
                        edited_at: n.edited_at.unwrap_or(n.posted_at),
                    }
                };
                f.phones = note_audience(cafe, n)
                    .into_iter()
                    .map(|p| (p, update.clone()))
                    .collect();
                if n.hidden {
                    f.walls = ForWalls::Nothing;
                }
                f.staff = Some(update);
            }
        }
        Event::NoteHidden { note_id, hidden } => {
            if let Some(n) = cafe.note(*note_id) {
                f.staff = Some(Update::NoteHidden {
                    note_id: n.id,
                    hidden: *hidden,
                });
                f.walls = ForWalls::Instead(if *hidden {
                    Update::NoteDeleted { note_id: n.id }
                } else {
                    Update::NotePosted {
                        note: note_view(cafe, n),
                    }
                });
            }
        }
        Event::HarvestOpened => f.everyone = Some(Update::HarvestOpened),
        Event::CafeClosed => f.everyone = Some(Update::CafeClosed),
        Event::CoFacilitatorKeySet { key_hash } => {
            f.staff = Some(Update::CoFacilitatorChanged {
                active: key_hash.is_some(),
            });
            f.walls = ForWalls::Nothing;
        }
        Event::Harvest(e) => harvest::view::fanout(cafe, e, &mut f),
    }
    f
}

/// Participants whose phones an event concerns directly (for tests and diagnostics).
pub fn phones_of(f: &Fanout) -> HashSet<ParticipantId> {
    f.phones.iter().map(|(p, _)| *p).collect()
}

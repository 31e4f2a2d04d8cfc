//! A café's state, and `apply`: the only way it changes.

use std::collections::{BTreeMap, HashMap};

use flamingo_protocol::{
    CafeId, Millis, NoteId, ParticipantId, PhaseView, RoundNo, RoundSpec, Seq, TableNo, TableSeats,
};

use super::event::{Event, Recorded, wire};
use super::harvest::Harvest;

/// The café's phase. The wire shape is the state shape, so they are one type.
pub type Phase = PhaseView;

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub token_hash: String,
    pub present: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: NoteId,
    pub author: ParticipantId,
    pub round: RoundNo,
    pub table: TableNo,
    pub text: String,
    pub posted_at: Millis,
    pub edited_at: Option<Millis>,
    /// Deleted notes stay as tombstones so that a resent id is still recognised.
    pub deleted: bool,
    /// Off the wall (the facilitator's moderation); still on the phones.
    pub hidden: bool,
}

/// Who sits where in one round. Tables are kept in number order; `seat_of` indexes them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seating {
    pub round: RoundNo,
    tables: BTreeMap<TableNo, TableSeats>,
    seat_of: HashMap<ParticipantId, TableNo>,
}

impl Seating {
    pub fn new(round: RoundNo, tables: Vec<TableSeats>) -> Self {
        let mut seating = Self {
            round,
            ..Self::default()
        };
        for t in tables {
            for m in &t.members {
                seating.seat_of.insert(*m, t.table);
            }
            seating.tables.insert(t.table, t);
        }
        seating
    }

    pub fn tables(&self) -> impl Iterator<Item = &TableSeats> {
        self.tables.values()
    }

    pub fn table(&self, table: TableNo) -> Option<&TableSeats> {
        self.tables.get(&table)
    }

    pub fn table_of(&self, p: ParticipantId) -> Option<TableNo> {
        self.seat_of.get(&p).copied()
    }

    pub fn seats(&self) -> &HashMap<ParticipantId, TableNo> {
        &self.seat_of
    }

    pub fn is_host(&self, p: ParticipantId) -> bool {
        self.table_of(p)
            .and_then(|t| self.tables.get(&t))
            .is_some_and(|t| t.host == Some(p))
    }

    pub fn to_vec(&self) -> Vec<TableSeats> {
        self.tables.values().cloned().collect()
    }

    /// Takes `p` off their table; a host leaves the table without one until `set_host`.
    /// Empty tables disappear.
    pub fn unseat(&mut self, p: ParticipantId) -> Option<TableNo> {
        let table = self.seat_of.remove(&p)?;
        if let Some(t) = self.tables.get_mut(&table) {
            t.members.retain(|m| *m != p);
            if t.host == Some(p) {
                t.host = None;
            }
            if t.members.is_empty() {
                self.tables.remove(&table);
            }
        }
        Some(table)
    }

    pub fn seat(&mut self, p: ParticipantId, table: TableNo) {
        self.unseat(p);
        let t = self.tables.entry(table).or_insert_with(|| TableSeats {
            table,
            host: None,
            members: Vec::new(),
        });
        t.members.push(p);
        self.seat_of.insert(p, table);
    }

    /// Makes `p` host of the table they sit at.
    pub fn set_host(&mut self, table: TableNo, p: ParticipantId) {
        if self.table_of(p) != Some(table) {
            self.seat(p, table);
        }
        if let Some(t) = self.tables.get_mut(&table) {
            t.host = Some(p);
        }
    }
}

/// The facilitator's manual choices for the plan; re-planning works around them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pins {
    pub seats: BTreeMap<ParticipantId, TableNo>,
    pub hosts: BTreeMap<TableNo, ParticipantId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cafe {
    pub id: CafeId,
    pub title: String,
    pub join_code: String,
    pub table_size: u32,
    pub physical_tables: Option<u32>,
    pub rounds: Vec<RoundSpec>,
    pub facilitator_key_hash: String,
    pub seed: u64,
    /// When the café was created (its first event).
    pub created_at: Millis,
    /// The last applied event's position.
    pub seq: Seq,
    pub phase: Phase,
    /// In join order, which is also the tie-break order everywhere.
    pub participants: Vec<Participant>,
    participant_index: HashMap<ParticipantId, usize>,
    /// One per started round: `rounds_started[r - 1]` is round r.
    pub rounds_started: Vec<Seating>,
    /// The next round's tables, before it starts.
    pub plan: Option<Seating>,
    pub pins: Pins,
    pub notes: Vec<Note>,
    note_index: HashMap<NoteId, usize>,
    pub last_broadcast: Option<(String, Millis)>,
    pub harvest: Harvest,
}

impl Cafe {
    /// The state after the first event, which must be `CafeCreated`.
    pub fn from_created(first: &Recorded) -> Option<Self> {
        let Event::CafeCreated {
            cafe_id,
            title,
            join_code,
            table_size,
            physical_tables,
            rounds,
            facilitator_key_hash,
            seed,
        } = &first.event
        else {
            return None;
        };
        Some(Self {
            id: *cafe_id,
            title: title.clone(),
            join_code: join_code.clone(),
            table_size: *table_size,
            physical_tables: *physical_tables,
            rounds: wire::all(rounds),
            facilitator_key_hash: facilitator_key_hash.clone(),
            seed: *seed,
            created_at: first.at,
            seq: first.seq,
            phase: Phase::Lobby,
            participants: Vec::new(),
            participant_index: HashMap::new(),
            rounds_started: Vec::new(),
            plan: None,
            pins: Pins::default(),
            notes: Vec::new(),
            note_index: HashMap::new(),
            last_broadcast: None,
            harvest: Harvest::default(),
        })
    }

    /// Rebuilds a café from its whole log.
    pub fn replay<'a>(mut log: impl Iterator<Item = &'a Recorded>) -> Option<Self> {
        let mut cafe = Self::from_created(log.next()?)?;
        for r in log {
            cafe.apply(r);
        }
        Some(cafe)
    }

    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participant_index
            .get(&id)
            .map(|&i| &self.participants[i])
    }

    /// Position in join order, for stable tie-breaks.
    pub fn join_index(&self, id: ParticipantId) -> usize {
        self.participant_index
            .get(&id)
            .copied()
            .unwrap_or(usize::MAX)
    }

    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.present)
    }

    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.note_index.get(&id).map(|&i| &self.notes[i])
    }

    /// The round that runs or ran last (0 before the first).
    pub fn current_round(&self) -> RoundNo {
        self.rounds_started.len() as RoundNo
    }

    pub fn seating(&self, round: RoundNo) -> Option<&Seating> {
        if round == 0 {
            return None;
        }
        self.rounds_started
            .get(round as usize - 1)
            .or_else(|| self.plan.as_ref().filter(|p| p.round == round))
    }

    fn seating_mut(&mut self, round: RoundNo) -> Option<&mut Seating> {
        if round == 0 {
            return None;
        }
        let started = self.rounds_started.len() as RoundNo;
        if round <= started {
            self.rounds_started.get_mut(round as usize - 1)
        } else {
            self.plan.as_mut().filter(|p| p.round == round)
        }
    }

    /// The seatings that can still change: the running round's and the plan.
    pub fn open_seatings(&self) -> impl Iterator<Item = &Seating> {
        let running = match self.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => self.seating(round),
            _ => None,
        };
        running.into_iter().chain(self.plan.as_ref())
    }

    /// The seatings a phone shows: the running (or just finished) round's and the plan.
    pub fn live_seatings(&self) -> impl Iterator<Item = &Seating> {
        let current = match self.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => self.seating(round),
            Phase::BetweenRounds { last_round } => self.seating(last_round),
            _ => None,
        };
        current.into_iter().chain(self.plan.as_ref())
    }

    /// The seating a facilitator's move or host change acts on: the running round's, or the
    /// plan between rounds.
    pub fn active_seating(&self) -> Option<&Seating> {
        match self.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => self.seating(round),
            Phase::Lobby | Phase::BetweenRounds { .. } => self.plan.as_ref(),
            Phase::Harvest | Phase::Closed => None,
        }
    }

    /// Applies one stored event. Never fails: `decide` checked it before it was stored, and
    /// anything that no longer fits is skipped rather than half-applied.
    pub fn apply(&mut self, r: &Recorded) {
        self.seq = r.seq;
        match &r.event {
            Event::CafeCreated { .. } => {}
            Event::ParticipantJoined {
                participant_id,
                name,
                organisation,
                role,
                token_hash,
            } => {
                if self.participant_index.contains_key(participant_id) {
                    return;
                }
                self.participant_index
                    .insert(*participant_id, self.participants.len());
                self.participants.push(Participant {
                    id: *participant_id,
                    name: name.clone(),
                    organisation: organisation.clone(),
                    role: role.clone(),
                    token_hash: token_hash.clone(),
                    present: true,
                });
            }
            Event::ParticipantLeft { participant_id, .. } => {
                if let Some(&i) = self.participant_index.get(participant_id) {
                    self.participants[i].present = false;
                }
                if let Phase::Running { round, .. } | Phase::Paused { round, .. } = self.phase
                    && let Some(s) = self.seating_mut(round)
                {
                    s.unseat(*participant_id);
                }
                if let Some(plan) = self.plan.as_mut() {
                    plan.unseat(*participant_id);
                }
                self.pins.seats.remove(participant_id);
                self.pins.hosts.retain(|_, h| h != participant_id);
            }
            Event::SeatingPlanned { round, tables } => {
                let seating = Seating::new(*round, wire::all(tables));
                if *round <= self.current_round() {
                    if let Some(s) = self.seating_mut(*round) {
                        *s = seating;
                    }
                } else {
                    self.plan = Some(seating);
                }
            }
            Event::ParticipantSeated {
                round,
                participant_id,
                table,
                pinned,
                ..
            } => {
                if *round > self.current_round() && self.plan.is_none() {
                    self.plan = Some(Seating::new(*round, Vec::new()));
                }
                let is_plan = *round > self.current_round();
                if let Some(s) = self.seating_mut(*round)
                    && s.table_of(*participant_id) != Some(*table)
                {
                    s.seat(*participant_id, *table);
                }
                if is_plan && *pinned {
                    self.pins.seats.insert(*participant_id, *table);
                    self.pins.hosts.retain(|_, h| h != participant_id);
                }
            }
            Event::HostChanged {
                round,
                table,
                participant_id,
                pinned,
            } => {
                let is_plan = *round > self.current_round();
                if let Some(s) = self.seating_mut(*round) {
                    s.set_host(*table, *participant_id);
                }
                if is_plan && *pinned {
                    self.pins.hosts.retain(|_, h| h != participant_id);
                    self.pins.hosts.insert(*table, *participant_id);
                    self.pins.seats.insert(*participant_id, *table);
                }
            }
            Event::RoundStarted { round, ends_at } => {
                let seating = match self.plan.take() {
                    Some(p) if p.round == *round => p,
                    _ => Seating::new(*round, Vec::new()),
                };
                self.rounds_started.push(seating);
                self.pins = Pins::default();
                self.phase = Phase::Running {
                    round: *round,
                    ends_at: *ends_at,
                };
            }
            Event::RoundPaused {
                round,
                remaining_ms,
            } => {
                self.phase = Phase::Paused {
                    round: *round,
                    remaining_ms: *remaining_ms,
                };
            }
            Event::RoundResumed { round, ends_at } => {
                self.phase = Phase::Running {
                    round: *round,
                    ends_at: *ends_at,
                };
            }
            Event::RoundTimeChanged {
                round,
                ends_at,
                remaining_ms,
            } => match (&mut self.phase, ends_at, remaining_ms) {
                (Phase::Running { ends_at: e, .. }, Some(new), _) => *e = *new,
                (
                    Phase::Paused {
                        remaining_ms: m, ..
                    },
                    _,
                    Some(new),
                ) => *m = *new,
                _ => tracing::warn!(round, "time change does not fit the phase; skipped"),
            },
            Event::RoundEnded { round, .. } => {
                self.phase = Phase::BetweenRounds { last_round: *round };
            }
            Event::Broadcast { text } => {
                self.last_broadcast = Some((text.clone(), r.at));
            }
            Event::NotePosted {
                note_id,
                author,
                round,
                table,
                text,
            } => {
                if self.note_index.contains_key(note_id) {
                    return;
                }
                self.note_index.insert(*note_id, self.notes.len());
                self.notes.push(Note {
                    id: *note_id,
                    author: *author,
                    round: *round,
                    table: *table,
                    text: text.clone(),
                    posted_at: r.at,
                    edited_at: None,
                    deleted: false,
                    hidden: false,
                });
            }
            Event::NoteEdited { note_id, text } => {
                if let Some(&i) = self.note_index.get(note_id) {
                    self.notes[i].text = text.clone();
                    self.notes[i].edited_at = Some(r.at);
                }
            }
            Event::NoteDeleted { note_id } => {
                if let Some(&i) = self.note_index.get(note_id) {
                    self.notes[i].deleted = true;
                }
                self.harvest.forget_note(*note_id);
            }
            Event::NoteHidden { note_id, hidden } => {
                if let Some(&i) = self.note_index.get(note_id) {
                    self.notes[i].hidden = *hidden;
                }
            }
            Event::HarvestOpened => {
                self.plan = None;
                self.pins = Pins::default();
                self.phase = Phase::Harvest;
            }
            Event::CafeClosed => {
                self.plan = None;
                self.pins = Pins::default();
                self.phase = Phase::Closed;
                self.harvest.close_voting();
            }
            Event::CoFacilitatorKeySet { key_hash } => {
                self.harvest.co_key_hash = key_hash.clone();
            }
            Event::Harvest(e) => self.harvest.apply(e),
        }
    }
}

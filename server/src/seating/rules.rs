//! The room's own rules, set by the facilitator: pairs kept apart (a manager and their report)
//! or together (an interpreter and the person they interpret for), and people held at some
//! tables (step-free access, a quiet corner). Holding is hard: it becomes a pin for the round
//! being seated. Pairs weigh above all mixing in the search, so they hold wherever the tables
//! allow it, and over every round planned ahead. A plan reports the rules it could not keep.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use flamingo_protocol::{ParticipantId, TableNo, TableSeats};

use crate::engine::state::{Pins, Seating};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// Pairs who must not sit at one table.
    pub apart: Vec<(ParticipantId, ParticipantId)>,
    /// Pairs who must sit at one table.
    pub together: Vec<(ParticipantId, ParticipantId)>,
    /// People who may sit only at one of these tables, every round. One table pins a person
    /// there; tables marked for a group hold each of its people at one of them.
    pub tables: BTreeMap<ParticipantId, BTreeSet<TableNo>>,
}

impl Rules {
    /// Marks `tables` for `group` (a quiet corner): each of them sits at one of those tables.
    pub fn mark_tables(
        &mut self,
        tables: &[TableNo],
        group: impl IntoIterator<Item = ParticipantId>,
    ) {
        for p in group {
            self.tables
                .entry(p)
                .or_default()
                .extend(tables.iter().copied());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.apart.is_empty() && self.together.is_empty() && self.tables.is_empty()
    }
}

/// A rule a plan breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unmet {
    Apart(ParticipantId, ParticipantId),
    Together(ParticipantId, ParticipantId),
    /// Seated at none of the tables held for them.
    Table(ParticipantId),
}

/// The rules `tables` break, for the people it seats (a rule about someone absent is void).
pub fn unmet(rules: &Rules, tables: &[TableSeats]) -> Vec<Unmet> {
    let at: HashMap<ParticipantId, TableNo> = tables
        .iter()
        .flat_map(|t| t.members.iter().map(move |m| (*m, t.table)))
        .collect();
    let both = |a: &ParticipantId, b: &ParticipantId| at.get(a).zip(at.get(b));
    let mut broken: Vec<Unmet> = rules
        .apart
        .iter()
        .filter(|(a, b)| a != b && both(a, b).is_some_and(|(x, y)| x == y))
        .map(|(a, b)| Unmet::Apart(*a, *b))
        .chain(
            rules
                .together
                .iter()
                .filter(|(a, b)| both(a, b).is_some_and(|(x, y)| x != y))
                .map(|(a, b)| Unmet::Together(*a, *b)),
        )
        .chain(
            rules
                .tables
                .iter()
                .filter(|(p, allowed)| {
                    !allowed.is_empty() && at.get(*p).is_some_and(|t| !allowed.contains(t))
                })
                .map(|(p, _)| Unmet::Table(*p)),
        )
        .collect();
    broken.sort_unstable();
    broken.dedup();
    broken
}

/// The facilitator's pins with everyone the rules hold at tables pinned too: a person whom
/// the facilitator pinned keeps that pin; anyone else goes to the allowed table holding the
/// fewest such people so far, then the one they sat at last round (so they can host it), then
/// the lowest number. Absent people are skipped.
pub(crate) fn hold(
    pins: &Pins,
    rules: &Rules,
    present: &HashMap<ParticipantId, u32>,
    previous: Option<&Seating>,
) -> Pins {
    let mut pins = pins.clone();
    let mut held: BTreeMap<TableNo, usize> = BTreeMap::new();
    for t in pins.seats.values().chain(pins.hosts.keys()) {
        *held.entry(*t).or_insert(0) += 1;
    }
    let pinned_host = |p: &ParticipantId| pins.hosts.values().any(|h| h == p);
    let mut to_hold = Vec::new();
    for (p, allowed) in &rules.tables {
        if allowed.is_empty() || !present.contains_key(p) {
            continue;
        }
        if pins.seats.contains_key(p) || pinned_host(p) {
            continue;
        }
        to_hold.push((*p, allowed));
    }
    for (p, allowed) in to_hold {
        let was = previous.and_then(|s| s.table_of(p));
        let choice = allowed
            .iter()
            .copied()
            .min_by_key(|t| (held.get(t).copied().unwrap_or(0), was != Some(*t), *t));
        if let Some(t) = choice {
            pins.seats.insert(p, t);
            *held.entry(t).or_insert(0) += 1;
        }
    }
    pins
}

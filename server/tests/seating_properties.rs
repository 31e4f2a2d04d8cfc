//! Property tests for the planner's hard rules, under random joins, leaves and pins between
//! rounds, checked on every plan.

mod common;

use std::collections::{HashMap, HashSet};

use common::pid;
use flamingo_protocol::{ParticipantId, TableNo, TableSeats};
use flamingo_server::engine::state::{Pins, Seating};
use flamingo_server::seating::{Person, PlanRequest, hosts_stay, plan_round, table_count};
use proptest::prelude::*;

const ORGS: [&str; 3] = ["NHS", "Council", "Police"];

#[derive(Debug, Clone)]
enum Op {
    Join { org: Option<u8> },
    Leave(u8),
    PinSeat(u8, TableNo),
    PinHost(u8, TableNo),
    Plan,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => proptest::option::weighted(0.7, 0u8..3).prop_map(|org| Op::Join { org }),
        2 => any::<u8>().prop_map(Op::Leave),
        1 => (any::<u8>(), 1u32..8).prop_map(|(p, t)| Op::PinSeat(p, t)),
        1 => (any::<u8>(), 1u32..8).prop_map(|(p, t)| Op::PinHost(p, t)),
        3 => Just(Op::Plan),
    ]
}

struct Room {
    table_size: u32,
    physical: Option<u32>,
    rounds: u32,
    seed: u64,
    next: u128,
    /// Present people in join order, with their organisation.
    people: Vec<(ParticipantId, Option<&'static str>)>,
    history: Vec<Seating>,
    pins: Pins,
}

impl Room {
    fn pick(&self, i: u8) -> Option<ParticipantId> {
        (!self.people.is_empty()).then(|| self.people[i as usize % self.people.len()].0)
    }

    fn plan(&self) -> Vec<TableSeats> {
        let people: Vec<Person> = self
            .people
            .iter()
            .map(|(id, org)| Person {
                id: *id,
                organisation: *org,
                role: None,
            })
            .collect();
        let round = self.history.len() as u32 + 1;
        plan_round(&PlanRequest {
            round,
            rounds_left: (self.rounds + 1).saturating_sub(round).max(1),
            people: &people,
            known: &[],
            history: &self.history,
            table_size: self.table_size,
            physical_tables: self.physical,
            pins: &self.pins,
            seed: self.seed,
        })
    }
}

/// The hard rules of one plan, as an error message.
fn check(room: &Room, tables: &[TableSeats]) -> Result<(), String> {
    let present: HashSet<ParticipantId> = room.people.iter().map(|p| p.0).collect();
    let plan = Seating::new(room.history.len() as u32 + 1, tables.to_vec());
    let mut seen = HashSet::new();
    for t in tables {
        if t.members.is_empty() {
            return Err(format!("table {} is empty", t.table));
        }
        if !t.host.is_some_and(|h| t.members.contains(&h)) {
            return Err(format!("table {} has no host among its members", t.table));
        }
        for m in &t.members {
            if !seen.insert(*m) {
                return Err(format!("{m} seated twice"));
            }
        }
    }
    if seen != present {
        return Err(format!("seated {} of {}", seen.len(), present.len()));
    }
    for (p, t) in &room.pins.seats {
        let pinned_host = room.pins.hosts.values().any(|h| h == p);
        if present.contains(p) && !pinned_host && plan.table_of(*p) != Some(*t) {
            return Err(format!(
                "{p} pinned to table {t}, sits at {:?}",
                plan.table_of(*p)
            ));
        }
    }
    for (t, h) in &room.pins.hosts {
        if present.contains(h) && plan.table(*t).and_then(|s| s.host) != Some(*h) {
            return Err(format!("{h} pinned to host table {t}"));
        }
    }
    if !hosts_stay(&plan, room.history.last(), &present, &room.pins) {
        return Err("a host did not stay from the round before".into());
    }
    if room.pins.seats.is_empty() && room.pins.hosts.is_empty() {
        let n = present.len();
        let k = table_count(n, room.table_size, room.physical);
        let sizes: Vec<usize> = tables.iter().map(|t| t.members.len()).collect();
        if sizes.len() != k {
            return Err(format!(
                "{} tables for {n} people, expected {k}",
                sizes.len()
            ));
        }
        let (min, max) = (sizes.iter().min(), sizes.iter().max());
        if min.zip(max).is_some_and(|(a, b)| b - a > 1) {
            return Err(format!("sizes {sizes:?} differ by more than one"));
        }
        let over = sizes.iter().any(|s| *s > room.table_size as usize);
        if over && room.physical.is_none_or(|p| (k as u32) < p) {
            return Err(format!(
                "sizes {sizes:?} over {} with room to spare",
                room.table_size
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_plan_keeps_the_hard_rules(
        table_size in 3u32..=6,
        physical in proptest::option::of(1u32..6),
        rounds in 2u32..=5,
        seed in any::<u64>(),
        start in 0usize..24,
        ops in proptest::collection::vec(op(), 1..30),
    ) {
        let mut room = Room {
            table_size,
            physical,
            rounds,
            seed,
            next: 1,
            people: Vec::new(),
            history: Vec::new(),
            pins: Pins::default(),
        };
        let joins = (0..start).map(|i| Op::Join { org: Some((i % 3) as u8) });
        for op in joins.chain(ops) {
            match op {
                Op::Join { org } => {
                    room.people.push((pid(room.next), org.map(|o| ORGS[o as usize])));
                    room.next += 1;
                }
                Op::Leave(i) => {
                    if let Some(p) = room.pick(i) {
                        room.people.retain(|q| q.0 != p);
                        room.pins.seats.remove(&p);
                        room.pins.hosts.retain(|_, h| *h != p);
                    }
                }
                Op::PinSeat(i, t) => {
                    if let Some(p) = room.pick(i) {
                        room.pins.hosts.retain(|_, h| *h != p);
                        room.pins.seats.insert(p, t);
                    }
                }
                Op::PinHost(i, t) => {
                    if let Some(p) = room.pick(i) {
                        room.pins.hosts.retain(|_, h| *h != p);
                        room.pins.hosts.insert(t, p);
                        room.pins.seats.insert(p, t);
                    }
                }
                Op::Plan => {
                    let tables = room.plan();
                    if let Err(e) = check(&room, &tables) {
                        prop_assert!(false, "round {}: {e}\n{tables:?}", room.history.len() + 1);
                    }
                    prop_assert_eq!(&tables, &room.plan(), "the same request, another plan");
                    if room.history.len() < room.rounds as usize {
                        room.history.push(Seating::new(room.history.len() as u32 + 1, tables));
                        // Pins last one round, as in the engine.
                        room.pins = Pins::default();
                    }
                }
            }
        }
    }
}

#[test]
fn organisations_spread_evenly_when_the_numbers_allow() {
    // 10 organisations of unequal size (2 to 6 people), 40 people at 10 tables of 4: every
    // organisation fits one per table, so no table needs two people of one organisation.
    let sizes = [6, 6, 5, 5, 4, 4, 3, 3, 2, 2];
    let names: Vec<String> = (0..sizes.len()).map(|o| format!("org-{o}")).collect();
    let people: Vec<Person> = sizes
        .iter()
        .enumerate()
        .flat_map(|(o, s)| std::iter::repeat_n(o, *s))
        .enumerate()
        .map(|(i, o)| Person {
            id: pid(i as u128 + 1),
            organisation: Some(names[o].as_str()),
            role: None,
        })
        .collect();
    let org: HashMap<ParticipantId, &str> = people
        .iter()
        .map(|p| (p.id, p.organisation.unwrap_or_default()))
        .collect();
    let mut history = Vec::new();
    for r in 1..=3u32 {
        let tables = plan_round(&PlanRequest {
            round: r,
            rounds_left: 4 - r,
            people: &people,
            known: &[],
            history: &history,
            table_size: 4,
            physical_tables: None,
            pins: &Pins::default(),
            seed: 5,
        });
        for t in &tables {
            let distinct: HashSet<&str> = t.members.iter().map(|m| org[m]).collect();
            assert_eq!(distinct.len(), t.members.len(), "round {r}: {tables:?}");
        }
        history.push(Seating::new(r, tables));
    }
}

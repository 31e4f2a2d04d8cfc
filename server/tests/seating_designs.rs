//! The planner end to end on the instances of issue 22: where a known design applies, zero
//! repeats with hosts staying and rotating; where the search must work, no pair meeting three
//! times, and organisations never bought with a repeat.

mod common;

use std::collections::HashSet;

use common::pid;
use flamingo_protocol::ParticipantId;
use flamingo_server::engine::state::{Pins, Seating};
use flamingo_server::seating::{
    Encounters, Person, PlanRequest, hosts_stay, is_balanced, plan_round,
};

const ORGS: [&str; 4] = ["NHS", "Council", "Police", "Charity"];

/// Plans every round as the engine does, checking the hard rules and hosting each round;
/// returns how many repeats there were and how often the busiest pair met.
fn run(people: usize, size: u32, rounds: u32, orgs: usize, seed: u64) -> (u32, u32) {
    let room: Vec<Person> = (0..people)
        .map(|i| Person {
            id: pid(i as u128 + 1),
            // In blocks, the hardest order for spreading them.
            organisation: (orgs > 0).then(|| ORGS[i * orgs / people]),
            role: None,
        })
        .collect();
    let present: HashSet<ParticipantId> = room.iter().map(|p| p.id).collect();
    let pins = Pins::default();
    let mut history: Vec<Seating> = Vec::new();
    for round in 1..=rounds {
        let tables = plan_round(&PlanRequest {
            round,
            rounds_left: rounds + 1 - round,
            people: &room,
            known: &[],
            history: &history,
            table_size: size,
            physical_tables: None,
            pins: &pins,
            seed,
        });
        let s = Seating::new(round, tables);
        assert!(
            is_balanced(&s, &present, size, None),
            "{people}/{size} round {round}"
        );
        assert!(
            hosts_stay(&s, history.last(), &present, &pins),
            "{people}/{size} round {round}"
        );
        history.push(s);
    }
    let met = Encounters::from_history(&history);
    (
        met.counts().map(|c| c.saturating_sub(1)).sum(),
        met.counts().max().unwrap_or(0),
    )
}

#[test]
fn known_designs_give_zero_repeats_with_hosts_staying() {
    for (people, size, rounds) in [
        (9, 3, 4),
        (15, 3, 7),
        (16, 4, 5),
        (25, 5, 6),
        (49, 7, 8),
        (64, 8, 9),
        (21, 3, 10),
        (28, 4, 9),
        (32, 4, 9),
        (32, 4, 10),
        (40, 4, 13),
    ] {
        assert_eq!(
            run(people, size, rounds, 0, 1),
            (0, 1),
            "{people} people at tables of {size} for {rounds} rounds"
        );
    }
}

#[test]
fn where_the_search_works_no_pair_meets_three_times() {
    for (people, size, rounds) in [(36, 6, 5), (12, 4, 3)] {
        let (_, max_pair) = run(people, size, rounds, 0, 1);
        assert!(
            max_pair <= 2,
            "{people}/{size}/{rounds}: a pair met {max_pair} times"
        );
    }
}

#[test]
fn organisations_do_not_push_the_search_off_zero_repeats() {
    assert_eq!(run(24, 4, 5, 4, 1).0, 0);
}

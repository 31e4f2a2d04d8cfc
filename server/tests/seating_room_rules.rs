//! The room's own rules in the planner (`plan_with_rules`): pairs kept apart or together and
//! people held at tables are never broken where the room allows them, every round, and what
//! cannot be kept is reported.

mod common;

use std::collections::HashSet;

use common::pid;
use flamingo_protocol::{ParticipantId, TableSeats};
use flamingo_server::engine::state::{Pins, Seating};
use flamingo_server::seating::{
    Person, Plan, PlanRequest, Rules, Unmet, hosts_stay, is_balanced, plan_with_rules, table_count,
};
use proptest::prelude::*;

fn people(n: usize) -> Vec<Person<'static>> {
    (0..n)
        .map(|i| Person {
            id: pid(i as u128 + 1),
            organisation: None,
            role: None,
        })
        .collect()
}

fn plan(
    people: &[Person<'_>],
    history: &[Seating],
    size: u32,
    rounds: u32,
    rules: &Rules,
    seed: u64,
) -> Plan {
    let round = history.len() as u32 + 1;
    plan_with_rules(
        &PlanRequest {
            round,
            rounds_left: (rounds + 1).saturating_sub(round).max(1),
            people,
            known: &[],
            history,
            table_size: size,
            physical_tables: None,
            pins: &Pins::default(),
            seed,
        },
        rules,
    )
}

/// The rules `tables` break, worked out here rather than trusted from the planner.
fn broken(rules: &Rules, tables: &[TableSeats]) -> Vec<String> {
    let at = |p: &ParticipantId| {
        tables
            .iter()
            .find(|t| t.members.contains(p))
            .map(|t| t.table)
    };
    let mut out = Vec::new();
    for (a, b) in &rules.apart {
        if at(a) == at(b) {
            out.push(format!("apart {a} {b} at {:?}", at(a)));
        }
    }
    for (a, b) in &rules.together {
        if at(a) != at(b) {
            out.push(format!("together {a} {b} at {:?} and {:?}", at(a), at(b)));
        }
    }
    for (p, allowed) in &rules.tables {
        if at(p).is_none_or(|t| !allowed.contains(&t)) {
            out.push(format!("{p} held at {allowed:?} sits at {:?}", at(p)));
        }
    }
    out
}

/// Rules that a room of `n` at tables of `size` can always keep: disjoint pairs (a matching
/// of pairs apart, another together), one person held at table 1 and a pair marked for
/// table 2, all different people.
fn satisfiable(n: usize, size: u32, order: &[usize], apart: usize, together: usize) -> Rules {
    let mut ids = order.iter().map(|i| pid(*i as u128 + 1));
    let mut next_pair = || ids.next().zip(ids.next());
    let mut rules = Rules::default();
    for _ in 0..apart {
        rules.apart.extend(next_pair());
    }
    for _ in 0..together {
        rules.together.extend(next_pair());
    }
    if let Some((a, b)) = next_pair() {
        rules.mark_tables(&[1], [a]);
        if table_count(n, size, None) >= 2 {
            rules.mark_tables(&[2], [b]);
        }
    }
    rules
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn rules_the_room_allows_are_never_broken(
        n in 8usize..40,
        size in 3u32..7,
        rounds in 2u32..6,
        seed in any::<u64>(),
        order in Just((0..40).collect::<Vec<usize>>()).prop_shuffle(),
        apart in 0usize..4,
        together in 0usize..4,
    ) {
        let order: Vec<usize> = order.into_iter().filter(|i| *i < n).collect();
        let room = people(n);
        // Enough tables that a pair kept apart can be, and at most a quarter of the room in
        // pairs of each kind.
        prop_assume!(table_count(n, size, None) >= 2);
        let rules = satisfiable(n, size, &order, apart.min(n / 8), together.min(n / 8));
        let present: HashSet<ParticipantId> = room.iter().map(|p| p.id).collect();
        let mut history: Vec<Seating> = Vec::new();
        for round in 1..=rounds {
            let p = plan(&room, &history, size, rounds, &rules, seed);
            prop_assert_eq!(broken(&rules, &p.tables), Vec::<String>::new(), "round {}", round);
            prop_assert!(p.unmet.is_empty(), "round {}: {:?}", round, p.unmet);
            let s = Seating::new(round, p.tables);
            prop_assert!(is_balanced(&s, &present, size, None), "round {}", round);
            // A pair kept together moves as one, and may take the only people who could stay
            // at their old table to a table pinned elsewhere: the rule wins over hosting.
            prop_assert!(
                !rules.together.is_empty()
                    || hosts_stay(&s, history.last(), &present, &Pins::default()),
                "round {}", round
            );
            history.push(s);
        }
    }
}

#[test]
fn a_pair_kept_apart_never_meets_and_a_pair_kept_together_always_does() {
    let room = people(24);
    let rules = Rules {
        apart: vec![(pid(1), pid(2)), (pid(3), pid(4))],
        together: vec![(pid(5), pid(6))],
        ..Rules::default()
    };
    let mut history = Vec::new();
    for round in 1..=5 {
        let p = plan(&room, &history, 4, 5, &rules, 3);
        assert_eq!(broken(&rules, &p.tables), Vec::<String>::new());
        assert!(p.unmet.is_empty());
        history.push(Seating::new(round, p.tables));
    }
}

#[test]
fn a_marked_table_holds_its_group_and_nobody_moves_them_off() {
    let room = people(20);
    let mut rules = Rules::default();
    rules.mark_tables(&[3], [pid(7), pid(8), pid(9)]);
    rules.mark_tables(&[1, 2], [pid(10), pid(11)]);
    let mut history = Vec::new();
    for round in 1..=4 {
        let p = plan(&room, &history, 5, 4, &rules, 1);
        assert_eq!(broken(&rules, &p.tables), Vec::<String>::new());
        let third = p.tables.iter().find(|t| t.table == 3).expect("table 3");
        assert!([7, 8, 9].iter().all(|i| third.members.contains(&pid(*i))));
        history.push(Seating::new(round, p.tables));
    }
}

#[test]
fn rules_that_cannot_be_kept_are_reported() {
    // Three people kept apart from each other at two tables: one pair must meet.
    let room = people(6);
    let rules = Rules {
        apart: vec![(pid(1), pid(2)), (pid(2), pid(3)), (pid(1), pid(3))],
        together: vec![(pid(4), pid(5)), (pid(5), pid(6)), (pid(4), pid(6))],
        ..Rules::default()
    };
    let p = plan(&room, &[], 3, 2, &rules, 1);
    let apart = p
        .unmet
        .iter()
        .filter(|u| matches!(u, Unmet::Apart(..)))
        .count();
    assert_eq!(apart, 1, "{:?}", p.unmet);
    assert_eq!(p.unmet.len(), broken(&rules, &p.tables).len());
}

#[test]
fn rules_about_absent_people_are_void() {
    let room = people(10);
    let rules = Rules {
        apart: vec![(pid(1), pid(99))],
        together: vec![(pid(98), pid(2))],
        ..Rules::default()
    };
    let p = plan(&room, &[], 5, 2, &rules, 1);
    assert!(p.unmet.is_empty());
}

#[test]
fn without_rules_the_plan_is_plan_round() {
    let room = people(30);
    let p = plan(&room, &[], 5, 4, &Rules::default(), 9);
    let plain = flamingo_server::seating::plan_round(&PlanRequest {
        round: 1,
        rounds_left: 4,
        people: &room,
        known: &[],
        history: &[],
        table_size: 5,
        physical_tables: None,
        pins: &Pins::default(),
        seed: 9,
    });
    assert_eq!(p.tables, plain);
    assert!(p.unmet.is_empty());
}

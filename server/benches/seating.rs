//! One round's plan at 100, 500 and 2,000 people (tables of 5, third of four rounds, so the
//! planner reads two rounds of history and plans two ahead), and a late arrival at 2,000.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use flamingo_protocol::ParticipantId;
use flamingo_server::engine::state::{Pins, Seating};
use flamingo_server::seating::{Person, PlanRequest, place_late_arrival, plan_round};
use std::hint::black_box;
use uuid::Uuid;

const ROUNDS: u32 = 4;
const TABLE_SIZE: u32 = 5;

fn id(i: usize) -> ParticipantId {
    Uuid::from_u128(0xAAAA_0000_0000_0000_0000_0000_0000_0000 | (i as u128 + 1))
}

fn people(n: usize) -> Vec<Person<'static>> {
    const ORGS: [&str; 10] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    (0..n)
        .map(|i| Person {
            id: id(i),
            organisation: Some(ORGS[i * 7 % ORGS.len()]),
            role: None,
        })
        .collect()
}

fn request<'a>(
    people: &'a [Person<'a>],
    history: &'a [Seating],
    pins: &'a Pins,
) -> PlanRequest<'a> {
    let round = history.len() as u32 + 1;
    PlanRequest {
        round,
        rounds_left: ROUNDS + 1 - round,
        people,
        known: &[],
        history,
        table_size: TABLE_SIZE,
        physical_tables: None,
        pins,
        seed: 7,
    }
}

/// The first `rounds` rounds as the engine would have planned them.
fn history(people: &[Person<'_>], rounds: u32) -> Vec<Seating> {
    let pins = Pins::default();
    let mut history = Vec::new();
    for r in 1..=rounds {
        let tables = plan_round(&request(people, &history, &pins));
        history.push(Seating::new(r, tables));
    }
    history
}

fn plan(c: &mut Criterion) {
    let pins = Pins::default();
    let mut group = c.benchmark_group("plan_round");
    for n in [100, 500, 2000] {
        let people = people(n);
        let history = history(&people, 2);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| plan_round(black_box(&request(&people, &history, &pins))))
        });
    }
    group.finish();
}

fn late_arrival(c: &mut Criterion) {
    let people = people(2000);
    let history = history(&people, 3);
    let Some(now) = history.last() else { return };
    c.bench_function("place_late_arrival/2000", |b| {
        b.iter(|| {
            place_late_arrival(
                black_box(now),
                black_box(id(0)),
                black_box(&history),
                TABLE_SIZE,
                None,
            )
        })
    });
}

criterion_group!(benches, plan, late_arrival);
criterion_main!(benches);

//! Restoring a café: decoding its stored events and replaying them, on the golden log (a whole
//! café with every kind of event, `tests/golden/cafe-v1.jsonl`) repeated to a café-sized log.

use criterion::{Criterion, criterion_group, criterion_main};
use flamingo_server::engine::{Cafe, Event, Recorded};
use std::hint::black_box;

/// The golden log's event bodies, as the `events` table stores them.
fn bodies() -> Vec<(u64, i64, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/cafe-v1.jsonl");
    let log = std::fs::read_to_string(path).expect("the golden log");
    log.lines()
        .map(|l| {
            let r: Recorded = serde_json::from_str(l).expect("a record");
            (
                r.seq,
                r.at,
                serde_json::to_string(&r.event).expect("encodes"),
            )
        })
        .collect()
}

fn decode(bodies: &[(u64, i64, String)]) -> Vec<Recorded> {
    bodies
        .iter()
        .map(|(seq, at, body)| Recorded {
            seq: *seq,
            at: *at,
            event: serde_json::from_str::<Event>(body).expect("decodes"),
        })
        .collect()
}

fn restore(c: &mut Criterion) {
    let bodies = bodies();
    c.bench_function("decode the golden log", |b| {
        b.iter(|| decode(black_box(&bodies)))
    });
    c.bench_function("decode and replay the golden log", |b| {
        b.iter(|| Cafe::replay(decode(black_box(&bodies)).iter()))
    });
}

criterion_group!(benches, restore);
criterion_main!(benches);

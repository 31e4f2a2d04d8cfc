//! Suggested themes for 200 and 2,000 notes: eight topics with their own words, phrased at
//! random from a seeded generator, with filler words every topic shares.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use flamingo_server::suggest::{NoteText, suggest};
use std::hint::black_box;
use uuid::Uuid;

const TOPICS: &[&[&str]] = &[
    &[
        "bike", "lanes", "cycling", "bicycle", "parking", "helmet", "cyclists",
    ],
    &[
        "school",
        "lunches",
        "meals",
        "canteen",
        "healthy",
        "vegetables",
        "children",
    ],
    &[
        "library", "opening", "hours", "books", "evening", "sunday", "reading",
    ],
    &[
        "bus",
        "routes",
        "timetable",
        "tram",
        "tickets",
        "stops",
        "transport",
    ],
    &[
        "trees", "park", "green", "garden", "plants", "shade", "benches",
    ],
    &[
        "housing",
        "rent",
        "affordable",
        "flats",
        "landlords",
        "tenants",
        "homes",
    ],
    &[
        "festival", "music", "concerts", "street", "culture", "artists", "summer",
    ],
    &[
        "noise",
        "traffic",
        "speed",
        "cars",
        "crossings",
        "pedestrians",
        "safety",
    ],
];
const FILLER: &[&str] = &[
    "we", "should", "have", "more", "city", "better", "people", "the",
];

fn texts(n: usize) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(7);
    (0..n)
        .map(|_| {
            let topic = TOPICS[rng.usize(..TOPICS.len())];
            (0..rng.usize(4..30))
                .map(|_| match rng.u8(..10) {
                    0..6 => topic[rng.usize(..topic.len())],
                    _ => FILLER[rng.usize(..FILLER.len())],
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("suggest");
    for n in [200, 2000] {
        let texts = texts(n);
        let notes: Vec<NoteText<'_>> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| NoteText {
                id: Uuid::from_u128(i as u128 + 1),
                text,
            })
            .collect();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| suggest(black_box(&notes)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

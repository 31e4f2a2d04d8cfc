use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;

fn id(i: usize) -> Uuid {
    Uuid::from_u128(0x5u128 << 124 | i as u128)
}

fn notes<'a>(texts: &[&'a str]) -> Vec<NoteText<'a>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, &text)| NoteText { id: id(i), text })
        .collect()
}

/// Each suggestion as the input indices of its notes.
fn groups(texts: &[&str]) -> Vec<Vec<usize>> {
    suggest(&notes(texts))
        .iter()
        .map(|s| {
            s.note_ids
                .iter()
                .map(|n| (n.as_u128() & 0xffff) as usize)
                .collect()
        })
        .collect()
}

const CAFE: &[&str] = &[
    "We need protected bike lanes on the main road", // 0 bikes
    "School lunches should be healthier, less sugar", // 1 lunches
    "The library should open on Sunday afternoons",  // 2 library
    "Cycling to school feels dangerous, more bike lanes please", // 3 bikes
    "Free school meals for every child",             // 4 lunches
    "Library opening hours are too short for working parents", // 5 library
    "Secure bike parking at the station",            // 6 bikes
    "Make the park greener: plant more trees",       // 7 alone
    "Lunches at school are cold and the meals are too small", // 8 lunches
    "Evening opening hours at the library would help students", // 9 library
    "Cycling lanes that connect the neighbourhoods, safer for bikes", // 10 bikes
    "A monthly street festival with local music",    // 11 alone
];

#[test]
fn finds_the_obvious_themes() {
    let found = groups(CAFE);
    assert_eq!(
        found,
        [vec![0, 3, 6, 10], vec![1, 4, 8], vec![2, 5, 9]],
        "{:#?}",
        suggest(&notes(CAFE))
    );
    let s = suggest(&notes(CAFE));
    assert!(s[0].terms.contains(&"bike".to_owned()), "{:?}", s[0]);
    assert!(s[2].name.to_lowercase().contains("library"), "{:?}", s[2]);
}

/// The text of the notes in a suggestion.
fn texts_of<'a>(s: &Suggestion, texts: &[&'a str]) -> Vec<&'a str> {
    s.note_ids
        .iter()
        .map(|n| texts[(n.as_u128() & 0xffff) as usize])
        .collect()
}

#[test]
fn names_are_short_phrases_from_the_groups_notes() {
    for s in suggest(&notes(CAFE)) {
        let name = s.name.to_lowercase();
        assert!(!name.contains(" · "), "{s:?}");
        assert!(
            (1..=6).contains(&name.split(' ').count()),
            "a name, not a sentence: {s:?}"
        );
        assert!(
            texts_of(&s, CAFE)
                .iter()
                .any(|t| t.to_lowercase().contains(&name)),
            "words a person wrote, in their order: {s:?}"
        );
        assert!(
            s.terms.iter().any(|t| name.contains(t.as_str())),
            "says what the group shares: {s:?}"
        );
        assert!(s.name.starts_with(char::is_uppercase), "{s:?}");
    }
    let names: Vec<String> = suggest(&notes(CAFE)).into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [
            "Cycling lanes that connect the neighbourhoods",
            "Lunches at school are cold",
            "Library opening hours"
        ],
        "the note closest to each group's centre, cut to the words around what they share"
    );
}

#[test]
fn is_deterministic_whatever_the_hasher_seeds() {
    let input = notes(CAFE);
    let first = suggest(&input);
    assert_eq!(suggest(&input), first);
    // Each HashMap gets fresh random keys; a thread gets a fresh seed as well.
    let elsewhere = std::thread::scope(|s| s.spawn(|| suggest(&input)).join());
    assert_eq!(elsewhere.ok(), Some(first));
}

#[test]
fn unrelated_notes_are_not_forced_together() {
    let texts = [
        "Protected bike lanes downtown",
        "Healthier school lunches",
        "Longer library opening hours",
        "A street festival in summer",
        "Plant trees along the river",
    ];
    assert!(suggest(&notes(&texts)).is_empty());
}

#[test]
fn blank_emoji_and_empty_input_give_nothing() {
    assert!(suggest(&[]).is_empty());
    assert!(groups(&["", "   ", "🚲🚲", "!!!", "42 17", "a an the of"]).is_empty());
    // Blank notes do not disturb the others.
    assert_eq!(
        groups(&["", "bike lanes downtown", "🎉", "more bike lanes"]),
        [vec![1, 3]]
    );
}

#[test]
fn identical_notes_cluster_together() {
    assert_eq!(groups(&["More bike lanes!"; 5]), [vec![0, 1, 2, 3, 4]]);
    let mut texts = vec!["Free school meals"; 3];
    texts.extend(CAFE);
    texts.push("free SCHOOL meals.");
    let found = groups(&texts);
    assert!(
        found
            .iter()
            .any(|g| [0, 1, 2, texts.len() - 1].iter().all(|i| g.contains(i))),
        "{found:?}"
    );
    let one = suggest(&notes(&["Café 🙂 Café"; 2]));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].name, "Café 🙂 Café");
}

#[test]
fn long_and_foreign_notes_are_fine() {
    let long = "bicycle infrastructure ".repeat(87);
    let texts = [
        long.as_str(),
        long.as_str(),
        "Mehr Fahrradwege in der Innenstadt",
        "Fahrradwege sind zu schmal",
        "自転車レーンを増やしてほしい",
        "自転車レーンを増やしてほしい",
    ];
    assert_eq!(groups(&texts), [vec![0, 1], vec![2, 3], vec![4, 5]]);
}

#[test]
fn at_most_twelve_suggestions_largest_first() {
    let texts: Vec<String> = (0..40).map(|i| format!("topic{} words", i / 2)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let found = groups(&refs);
    assert_eq!(found.len(), MAX_SUGGESTIONS);
    // All pairs: equal sizes fall back to input order.
    assert_eq!(found[0], [0, 1]);
    assert_eq!(found[11], [22, 23]);
}

/// Notes from a seeded generator: topics with their own vocabularies, phrased at random, with
/// filler words that every topic uses.
fn generated(n: usize, seed: u64) -> Vec<String> {
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
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n)
        .map(|_| {
            let topic = TOPICS[rng.usize(..TOPICS.len())];
            let len = rng.usize(4..12);
            (0..len)
                .map(|_| match rng.u8(..10) {
                    0..6 => topic[rng.usize(..topic.len())],
                    _ => FILLER[rng.usize(..FILLER.len())],
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn two_thousand_generated_notes_complete_and_group_by_topic() {
    let texts = generated(2_000, 7);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let found = suggest(&notes(&refs));
    assert!(found.len() >= 8, "{found:#?}");
    let grouped: usize = found.iter().map(|s| s.note_ids.len()).sum();
    assert!(grouped > 1_500, "{grouped}");
    let distinct: BTreeSet<&Uuid> = found.iter().flat_map(|s| &s.note_ids).collect();
    assert_eq!(distinct.len(), grouped, "a note in two suggestions");
}

proptest! {
    #[test]
    fn any_input_gives_a_partition_of_some_notes_into_groups_of_two_or_more(
        texts in prop::collection::vec(
            prop_oneof![
                "\\PC{0,60}",
                prop::sample::subsequence(
                    vec!["bike", "lanes", "school", "meals", "library", "hours", "the", "🚲", "café"],
                    0..6,
                ).prop_map(|w| w.join(" ")),
            ],
            0..40,
        )
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let input = notes(&refs);
        let out = suggest(&input);
        prop_assert!(out.len() <= MAX_SUGGESTIONS);
        let mut seen = BTreeSet::new();
        for s in &out {
            prop_assert!(s.note_ids.len() >= 2);
            // A name the facilitator can accept as it is.
            prop_assert!(!s.name.trim().is_empty(), "{:?}", s);
            prop_assert!(s.name.chars().count() <= flamingo_protocol::limits::MAX_THEME_NAME_CHARS);
            prop_assert!(!s.name.chars().any(char::is_control), "{:?}", s);
            for n in &s.note_ids {
                prop_assert!(input.iter().any(|i| i.id == *n));
                prop_assert!(seen.insert(*n), "note in two suggestions");
            }
            let order: Vec<usize> = s.note_ids.iter().map(|n| (n.as_u128() & 0xffff) as usize).collect();
            prop_assert!(order.is_sorted());
        }
        prop_assert_eq!(suggest(&input), out);
    }
}

/// Café notes as people write them, by subject (5, 6, 7 and 8 are strays).
const LABELLED: &[(usize, &str)] = &[
    (0, "We need protected bike lanes on the main road"),
    (
        0,
        "Cycling to school feels dangerous, more bike lanes please",
    ),
    (0, "Secure bike parking at the station"),
    (
        0,
        "Cycling lanes that connect the neighbourhoods, safer for bikes",
    ),
    (0, "Cyclists and cars should not share the same lane"),
    (0, "Bike sharing scheme like in Paris"),
    (0, "More cycle paths along the river"),
    (1, "School lunches should be healthier, less sugar"),
    (1, "Free school meals for every child"),
    (1, "Lunches at school are cold and the meals are too small"),
    (1, "Local farmers could supply the school canteen"),
    (1, "Vegetarian option for lunch every day"),
    (1, "Children need time to eat their lunch, not 15 minutes"),
    (2, "The library should open on Sunday afternoons"),
    (2, "Library opening hours are too short for working parents"),
    (
        2,
        "Evening opening hours at the library would help students",
    ),
    (2, "A quiet study room in the library"),
    (2, "More books for teenagers at the library"),
    (3, "Buses are always late on route 12"),
    (3, "A night bus to the suburbs"),
    (3, "Cheaper bus tickets for students and pensioners"),
    (3, "Real-time bus arrival screens at stops"),
    (4, "Plant more trees in the park"),
    (4, "The park needs more benches and shade"),
    (4, "Turn the empty lot into a community garden"),
    (4, "Make the park greener: plant flowers and trees"),
    (5, "A monthly street festival with local music"),
    (6, "Longer opening hours for the swimming pool"),
    (7, "Fix the potholes on the main road"),
    (8, "Free wifi in public spaces"),
];

/// Of the pairs of notes put together, how many are on one subject; of the pairs on one
/// subject, how many were put together. The figures quoted at `THRESHOLD` come from here.
#[test]
fn realistic_notes_group_mostly_by_subject() {
    let texts: Vec<&str> = LABELLED.iter().map(|(_, t)| *t).collect();
    let (mut right, mut wrong) = (0, 0);
    for g in groups(&texts) {
        for (i, &a) in g.iter().enumerate() {
            for &b in &g[i + 1..] {
                if LABELLED[a].0 == LABELLED[b].0 {
                    right += 1
                } else {
                    wrong += 1
                }
            }
        }
    }
    let same = (0..texts.len())
        .flat_map(|a| (a + 1..texts.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| LABELLED[a].0 == LABELLED[b].0)
        .count();
    assert_eq!((right, wrong, same), (26, 8, 58));
}

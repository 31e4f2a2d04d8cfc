//! The golden log: a whole café, every kind of event, as the server wrote it before the engine
//! owned its event types (`golden/README.md` says how it was made). Every build must read it
//! back to the same JSON, the same state and the same exports; a café stored years ago must
//! open exactly as it closed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::path::PathBuf;

use flamingo_protocol::{Authors, ExportFormat};
use flamingo_server::engine::state::Seating;
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::engine::{Cafe, Event, HarvestEvent, Recorded};
use flamingo_server::export;

const LOG: &str = "cafe-v1.jsonl";
/// When the exports were taken: a fixed instant, so they are reproducible.
const EXPORTED_AT: i64 = 1_700_100_000_000;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(golden(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What replaying the golden log must give, by file name: the whole state, the snapshots and
/// the exports.
fn outputs(cafe: &Cafe) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (authors, a) in [(Authors::Shown, "shown"), (Authors::Anonymous, "anonymous")] {
        for (format, ext) in [
            (ExportFormat::Json, "json"),
            (ExportFormat::Csv, "csv"),
            (ExportFormat::Markdown, "md"),
        ] {
            let e = export::export(cafe, format, authors, EXPORTED_AT)
                .unwrap_or_else(|e| panic!("export {ext}: {e}"));
            out.push((format!("export-{a}.{ext}"), e.body));
        }
    }
    let first = cafe.participants[0].id;
    for (viewer, v) in [
        (Viewer::Staff, "staff"),
        (Viewer::Wall, "wall"),
        (Viewer::Phone(first), "phone"),
    ] {
        let snapshot = view::snapshot(cafe, viewer, &[]);
        let json = serde_json::to_string_pretty(&snapshot).expect("a snapshot encodes");
        out.push((format!("snapshot-{v}.json"), json + "\n"));
    }
    out.push(("state.txt".into(), state(cafe)));
    out
}

/// The café's whole state, including what snapshots and exports leave out (token and key
/// hashes, pins, every voter's dots, who answered what), in an order that does not depend on
/// hashing.
fn state(cafe: &Cafe) -> String {
    let h = &cafe.harvest;
    let seating = |s: &Seating| (s.round, s.to_vec());
    let rounds_started: Vec<_> = cafe.rounds_started.iter().map(seating).collect();
    let plan = cafe.plan.as_ref().map(seating);
    let note_theme: BTreeMap<_, _> = h.note_theme.iter().collect();
    let parts: [(&str, &dyn Debug); 27] = [
        ("id", &cafe.id),
        ("title", &cafe.title),
        ("join_code", &cafe.join_code),
        ("table_size", &cafe.table_size),
        ("physical_tables", &cafe.physical_tables),
        ("rounds", &cafe.rounds),
        ("facilitator_key_hash", &cafe.facilitator_key_hash),
        ("seed", &cafe.seed),
        ("created_at", &cafe.created_at),
        ("seq", &cafe.seq),
        ("phase", &cafe.phase),
        ("participants", &cafe.participants),
        ("rounds_started", &rounds_started),
        ("plan", &plan),
        ("pins", &cafe.pins),
        ("notes", &cafe.notes),
        ("last_broadcast", &cafe.last_broadcast),
        ("themes", &h.themes),
        ("note_theme", &note_theme),
        ("voting", &h.voting),
        ("dots", &h.dots),
        ("votes", &h.votes),
        ("totals", &h.totals),
        ("commitments", &h.commitments),
        ("questions", &h.questions),
        ("feedback", &h.feedback),
        ("co_key_hash", &h.co_key_hash),
    ];
    parts
        .iter()
        .map(|(name, value)| format!("{name}: {value:#?}\n"))
        .collect()
}

fn decoded() -> (Vec<String>, Vec<Recorded>) {
    let lines: Vec<String> = read(LOG).lines().map(str::to_owned).collect();
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{LOG}:{}: {e}", i + 1)))
        .collect();
    (lines, records)
}

#[test]
fn every_event_encodes_back_to_the_same_bytes() {
    let (lines, records) = decoded();
    for (i, (line, r)) in lines.iter().zip(&records).enumerate() {
        let again = serde_json::to_string(r).expect("a record encodes");
        assert_eq!(&again, line, "{LOG}:{}", i + 1);
    }
}

/// Every kind of event by its tag. Exhaustive, so a new kind does not compile until it is
/// named here; then `the_log_covers_every_kind_of_event` asks for a golden log that has it.
fn kind(e: &Event) -> &'static str {
    match e {
        Event::CafeCreated { .. } => "cafeCreated",
        Event::ParticipantJoined { .. } => "participantJoined",
        Event::ParticipantLeft { .. } => "participantLeft",
        Event::SeatingPlanned { .. } => "seatingPlanned",
        Event::ParticipantSeated { .. } => "participantSeated",
        Event::HostChanged { .. } => "hostChanged",
        Event::RoundStarted { .. } => "roundStarted",
        Event::RoundPaused { .. } => "roundPaused",
        Event::RoundResumed { .. } => "roundResumed",
        Event::RoundTimeChanged { .. } => "roundTimeChanged",
        Event::RoundEnded { .. } => "roundEnded",
        Event::Broadcast { .. } => "broadcast",
        Event::NotePosted { .. } => "notePosted",
        Event::NoteEdited { .. } => "noteEdited",
        Event::NoteDeleted { .. } => "noteDeleted",
        Event::NoteHidden { .. } => "noteHidden",
        Event::HarvestOpened => "harvestOpened",
        Event::CafeClosed => "cafeClosed",
        Event::CoFacilitatorKeySet { .. } => "coFacilitatorKeySet",
        Event::Harvest(h) => match h {
            HarvestEvent::ThemeCreated { .. } => "themeCreated",
            HarvestEvent::ThemeRenamed { .. } => "themeRenamed",
            HarvestEvent::ThemeDeleted { .. } => "themeDeleted",
            HarvestEvent::NoteThemed { .. } => "noteThemed",
            HarvestEvent::VotingChanged { .. } => "votingChanged",
            HarvestEvent::VotesSet { .. } => "votesSet",
            HarvestEvent::CommitmentSaved { .. } => "commitmentSaved",
            HarvestEvent::CommitmentDeleted { .. } => "commitmentDeleted",
            HarvestEvent::FeedbackQuestionsSet { .. } => "feedbackQuestionsSet",
            HarvestEvent::FeedbackSubmitted { .. } => "feedbackSubmitted",
        },
    }
}

const KINDS: [&str; 29] = [
    "cafeCreated",
    "participantJoined",
    "participantLeft",
    "seatingPlanned",
    "participantSeated",
    "hostChanged",
    "roundStarted",
    "roundPaused",
    "roundResumed",
    "roundTimeChanged",
    "roundEnded",
    "broadcast",
    "notePosted",
    "noteEdited",
    "noteDeleted",
    "noteHidden",
    "harvestOpened",
    "cafeClosed",
    "coFacilitatorKeySet",
    "themeCreated",
    "themeRenamed",
    "themeDeleted",
    "noteThemed",
    "votingChanged",
    "votesSet",
    "commitmentSaved",
    "commitmentDeleted",
    "feedbackQuestionsSet",
    "feedbackSubmitted",
];

/// Each line decodes to the kind its tag names: harvest kinds into the harvest's sub-enum.
#[test]
fn each_tag_decodes_to_its_kind() {
    let (lines, records) = decoded();
    for (i, (line, r)) in lines.iter().zip(&records).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        assert_eq!(
            v["event"]["type"].as_str(),
            Some(kind(&r.event)),
            "{LOG}:{}",
            i + 1
        );
    }
}

#[test]
fn the_log_covers_every_kind_of_event() {
    let (_, records) = decoded();
    let seen: BTreeSet<&str> = records.iter().map(|r| kind(&r.event)).collect();
    let missing: Vec<&str> = KINDS.into_iter().filter(|k| !seen.contains(k)).collect();
    assert!(
        missing.is_empty(),
        "no golden log has {missing:?}: add one that does (ARCHITECTURE.md, Data)"
    );
}

/// A stored line that no version of any kind matches is refused, not guessed at.
#[test]
fn an_unknown_kind_or_a_wrong_field_is_refused_with_its_reason() {
    let unknown = serde_json::from_str::<Event>(r#"{"type":"noteSung","noteId":"x"}"#)
        .expect_err("no such kind");
    assert!(unknown.to_string().contains("noteSung"), "{unknown}");
    let missing = serde_json::from_str::<Event>(r#"{"type":"themeRenamed","name":"x"}"#)
        .expect_err("a field is missing");
    assert!(missing.to_string().contains("themeId"), "{missing}");
}

#[test]
fn replay_gives_the_same_state_and_exports() {
    let (_, records) = decoded();
    let cafe = Cafe::replay(records.iter()).expect("a log that starts with cafeCreated");
    let bless = std::env::var_os("FLAMINGO_GOLDEN_BLESS").is_some();
    for (name, body) in outputs(&cafe) {
        if bless {
            std::fs::write(golden(&name), &body).unwrap_or_else(|e| panic!("{name}: {e}"));
        } else {
            assert_eq!(
                body,
                read(&name),
                "{name} differs from the golden file; if on purpose, see golden/README.md"
            );
        }
    }
}

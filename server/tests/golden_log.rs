//! The golden log: a whole café, every kind of event, as the server wrote it before the engine
//! owned its event types (`golden/README.md` says how it was made). Every build must read it
//! back to the same JSON, the same state and the same exports; a café stored years ago must
//! open exactly as it closed.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::*;
use flamingo_protocol::{
    Authors, Command, Commitment, ExportFormat, FeedbackAnswer, FeedbackKind, FeedbackQuestion,
    ParticipantId, VoteTarget,
};
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::engine::{Cafe, Input, Recorded};
use flamingo_server::export;
use uuid::Uuid;

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

/// The exports and snapshots checked against the golden log, by file name.
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
    out
}

fn tid(n: u128) -> Uuid {
    Uuid::from_u128(0xDDDD_0000_0000_0000_0000_0000_0000_0000 | n)
}

fn cid(n: u128) -> Uuid {
    Uuid::from_u128(0xEEEE_0000_0000_0000_0000_0000_0000_0000 | n)
}

fn join(c: &mut TestCafe, n: u128, name: &str, org: Option<&str>, role: Option<&str>) -> ParticipantId {
    let participant_id = pid(n);
    c.run(Input::Join {
        participant_id,
        name: name.into(),
        organisation: org.map(Into::into),
        role: role.map(Into::into),
        token_hash: format!("token-hash-{n}"),
    })
    .unwrap_or_else(|e| panic!("join {name}: {e:?}"));
    participant_id
}

fn ok(c: &mut TestCafe, who: Option<ParticipantId>, command: Command) {
    let name = command.name();
    match who {
        None => c.fac(command),
        Some(p) => c.as_p(p, command),
    }
    .unwrap_or_else(|e| panic!("{name} refused: {e:?}"));
}

/// The café of the golden log: three rounds, moves and hosts, a late arrival, pauses and time
/// changes, a broadcast, notes posted, edited, deleted and hidden, a departure and a removal,
/// then the whole harvest: themes, votes, commitments, the co-facilitator key, the feedback
/// form, the close and the answers.
fn scenario() -> TestCafe {
    let mut c = TestCafe::from_request(
        &flamingo_protocol::CreateCafeRequest {
            title: "Streets for people — \"what next?\"".into(),
            table_size: Some(3),
            tables: Some(4),
            rounds: vec![
                flamingo_protocol::RoundSpec {
                    question: "What works on our streets today?".into(),
                    minutes: 20,
                },
                flamingo_protocol::RoundSpec {
                    question: "What would you change first?\nAnd why?".into(),
                    minutes: 15,
                },
                flamingo_protocol::RoundSpec {
                    question: "Who needs to be in the room?".into(),
                    minutes: 10,
                },
            ],
        },
        7,
    );
    let ana = join(&mut c, 1, "Ana", Some("City"), Some("Planner"));
    let ben = join(&mut c, 2, "Ben", Some("Transit"), None);
    let cleo = join(&mut c, 3, "Cléo Ñúñez", None, Some("Resident"));
    let dev = join(&mut c, 4, "Dev", Some("City"), None);
    let eli = join(&mut c, 5, "Eli", None, None);
    let fay = join(&mut c, 6, "Fay 🦩", Some("School"), Some("Teacher"));
    ok(&mut c, None, Command::PlanNextRound);
    ok(
        &mut c,
        None,
        Command::MoveParticipant {
            participant_id: ana,
            table: 2,
        },
    );
    ok(&mut c, None, Command::SetHost { participant_id: ana });

    // Round 1: notes, a late arrival, pause and time changes, a broadcast, the timer ends it.
    ok(&mut c, None, Command::StartRound);
    let n1 = c.next_note_id();
    c.post_id(ana, n1, "Wide pavements on Main St.", None)
        .expect("note");
    let n2 = c.next_note_id();
    c.post_id(ben, n2, "Buses every 6 minutes — \"reliable\"", None)
        .expect("note");
    let n3 = c.next_note_id();
    c.post_id(cleo, n3, "Benches!\nMore benches.", None)
        .expect("note");
    let n4 = c.next_note_id();
    c.post_id(dev, n4, "typo nte", None).expect("note");
    ok(
        &mut c,
        Some(dev),
        Command::EditNote {
            note_id: n4,
            text: "Safe crossings near schools".into(),
        },
    );
    let n5 = c.next_note_id();
    c.post_id(eli, n5, "to be deleted", None).expect("note");
    ok(&mut c, Some(eli), Command::DeleteNote { note_id: n5 });
    c.advance(2 * MINUTE);
    let gus = join(&mut c, 7, "Gus", None, None);
    ok(&mut c, None, Command::PauseRound);
    c.advance(MINUTE);
    ok(&mut c, None, Command::AdjustTime { seconds: 120 });
    ok(&mut c, None, Command::ResumeRound);
    ok(&mut c, None, Command::AdjustTime { seconds: -60 });
    ok(
        &mut c,
        None,
        Command::Broadcast {
            text: "Five minutes left <b>not bold</b>".into(),
        },
    );
    ok(
        &mut c,
        None,
        Command::HideNote {
            note_id: n2,
            hidden: true,
        },
    );
    let n6 = c.next_note_id();
    c.post_id(gus, n6, "Trees for shade", None).expect("note");
    c.now = c.ends_at();
    let ended = c.deadline();
    assert!(!ended.is_empty(), "the timer ends round 1");

    // Round 2: someone leaves, someone is removed, the facilitator ends it.
    ok(&mut c, None, Command::StartRound);
    c.advance(MINUTE);
    let n7 = c.next_note_id();
    c.post_id(fay, n7, "Play streets on Sundays", None)
        .expect("note");
    let n8 = c.next_note_id();
    c.post_id(ana, n8, "Fewer parking spaces, more bikes", None)
        .expect("note");
    ok(&mut c, Some(eli), Command::Leave);
    ok(
        &mut c,
        None,
        Command::RemoveParticipant {
            participant_id: gus,
        },
    );
    ok(
        &mut c,
        None,
        Command::HideNote {
            note_id: n2,
            hidden: false,
        },
    );
    let n9 = c.next_note_id();
    c.post_id(ben, n9, "Night buses", None).expect("note");
    ok(&mut c, None, Command::EndRound);

    // The harvest.
    c.advance(MINUTE);
    ok(&mut c, None, Command::OpenHarvest);
    ok(
        &mut c,
        None,
        Command::CreateTheme {
            theme_id: tid(1),
            name: "Walking".into(),
            note_ids: vec![n1, n3],
        },
    );
    ok(
        &mut c,
        None,
        Command::CreateTheme {
            theme_id: tid(2),
            name: "Buses".into(),
            note_ids: vec![],
        },
    );
    ok(
        &mut c,
        None,
        Command::CreateTheme {
            theme_id: tid(3),
            name: "Scratch".into(),
            note_ids: vec![n7],
        },
    );
    ok(
        &mut c,
        None,
        Command::RenameTheme {
            theme_id: tid(2),
            name: "Public transport".into(),
        },
    );
    ok(
        &mut c,
        None,
        Command::SetNoteTheme {
            note_id: n2,
            theme_id: Some(tid(2)),
        },
    );
    ok(
        &mut c,
        None,
        Command::SetNoteTheme {
            note_id: n9,
            theme_id: Some(tid(2)),
        },
    );
    ok(
        &mut c,
        None,
        Command::SetNoteTheme {
            note_id: n3,
            theme_id: None,
        },
    );
    ok(&mut c, None, Command::DeleteTheme { theme_id: tid(3) });
    c.run(Input::CoFacilitatorKey {
        key_hash: Some("co-key-hash-1".into()),
    })
    .expect("key shared");
    c.run(Input::CoFacilitatorKey { key_hash: None })
        .expect("key revoked");
    c.run(Input::CoFacilitatorKey {
        key_hash: Some("co-key-hash-2".into()),
    })
    .expect("key shared again");
    ok(&mut c, None, Command::OpenVoting { dots: 3 });
    let theme = |n| VoteTarget::Theme { theme_id: tid(n) };
    ok(
        &mut c,
        Some(ana),
        Command::SetVotes {
            target: theme(1),
            dots: 2,
        },
    );
    ok(
        &mut c,
        Some(ana),
        Command::SetVotes {
            target: VoteTarget::Note { note_id: n8 },
            dots: 1,
        },
    );
    ok(
        &mut c,
        Some(ben),
        Command::SetVotes {
            target: theme(2),
            dots: 3,
        },
    );
    ok(
        &mut c,
        Some(ben),
        Command::SetVotes {
            target: theme(2),
            dots: 0,
        },
    );
    ok(
        &mut c,
        Some(cleo),
        Command::SetVotes {
            target: theme(2),
            dots: 1,
        },
    );
    ok(&mut c, None, Command::CloseVoting);
    ok(&mut c, None, Command::OpenVoting { dots: 5 });
    ok(
        &mut c,
        Some(dev),
        Command::SetVotes {
            target: VoteTarget::Note { note_id: n4 },
            dots: 4,
        },
    );
    let commitment = |n, text: &str, owner: Option<&str>, due: Option<&str>, themes| Commitment {
        commitment_id: cid(n),
        text: text.into(),
        owner: owner.map(Into::into),
        due: due.map(Into::into),
        theme_ids: themes,
    };
    ok(
        &mut c,
        None,
        Command::SaveCommitment {
            commitment: commitment(1, "Pilot a play street", None, None, vec![]),
        },
    );
    ok(
        &mut c,
        None,
        Command::SaveCommitment {
            commitment: commitment(
                1,
                "Pilot two play streets",
                Some("Fay's school"),
                Some("2024-05-01"),
                vec![tid(1)],
            ),
        },
    );
    ok(
        &mut c,
        None,
        Command::SaveCommitment {
            commitment: commitment(2, "Map bus gaps", Some("Transit"), None, vec![tid(2), tid(1)]),
        },
    );
    ok(
        &mut c,
        None,
        Command::SaveCommitment {
            commitment: commitment(3, "Withdrawn", None, None, vec![]),
        },
    );
    ok(
        &mut c,
        None,
        Command::DeleteCommitment {
            commitment_id: cid(3),
        },
    );
    ok(
        &mut c,
        None,
        Command::SetFeedbackQuestions {
            questions: vec![
                FeedbackQuestion {
                    kind: FeedbackKind::Rating,
                    prompt: "How useful was today?".into(),
                },
                FeedbackQuestion {
                    kind: FeedbackKind::Text,
                    prompt: "One thing you will do?".into(),
                },
                FeedbackQuestion {
                    kind: FeedbackKind::Rating,
                    prompt: "Would you come again?".into(),
                },
            ],
        },
    );
    c.advance(MINUTE);
    ok(&mut c, None, Command::CloseCafe);
    let answers = |a: Option<u8>, t: Option<&str>, b: Option<u8>| {
        vec![
            FeedbackAnswer {
                rating: a,
                text: None,
            },
            FeedbackAnswer {
                rating: None,
                text: t.map(Into::into),
            },
            FeedbackAnswer {
                rating: b,
                text: None,
            },
        ]
    };
    ok(
        &mut c,
        Some(ana),
        Command::SubmitFeedback {
            answers: answers(Some(4), Some("Talk to the school"), Some(5)),
        },
    );
    ok(
        &mut c,
        Some(ben),
        Command::SubmitFeedback {
            answers: answers(Some(2), None, None),
        },
    );
    ok(
        &mut c,
        Some(ben),
        Command::SubmitFeedback {
            answers: answers(Some(3), Some("Ride the night bus"), Some(4)),
        },
    );
    c
}

/// Writes the golden log and its expected outputs from this build. Run once, by hand, at the
/// commit README.md names; never again over the files that exist.
#[test]
#[ignore]
fn write_golden_files() {
    let c = scenario();
    let mut log = String::new();
    for r in &c.log {
        log.push_str(&serde_json::to_string(r).expect("a record encodes"));
        log.push('\n');
    }
    std::fs::create_dir_all(golden("")).expect("golden dir");
    std::fs::write(golden(LOG), log).expect("write log");
    for (name, body) in outputs(&c.cafe) {
        std::fs::write(golden(&name), body).expect("write output");
    }
}

fn decoded() -> (Vec<String>, Vec<Recorded>) {
    let lines: Vec<String> = read(LOG).lines().map(str::to_owned).collect();
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{LOG}:{}: {e}", i + 1))
        })
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

#[test]
fn the_log_covers_every_kind_of_event() {
    let (lines, _) = decoded();
    let kinds: BTreeSet<String> = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            v["event"]["type"].as_str().expect("a type").to_owned()
        })
        .collect();
    assert_eq!(kinds.len(), 29, "{kinds:?}");
}

#[test]
fn replay_gives_the_same_state_and_exports() {
    let (_, records) = decoded();
    let cafe = Cafe::replay(records.iter()).expect("a log that starts with cafeCreated");
    for (name, body) in outputs(&cafe) {
        assert_eq!(body, read(&name), "{name} differs from the golden file");
    }
}

//! Every command of the café engine, its effects and every way it is refused.
//!
//! Each test drives a `TestCafe` (see `common`) exactly as the server does: `decide`, then
//! record and `apply` the events. `TestCafe::run` also checks the structural invariants after
//! every step, so every test here doubles as an invariant test.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use flamingo_protocol::view::BroadcastView;
use flamingo_protocol::{Command, CreateCafeRequest, ErrorCode, RoundSpec, Update, limits};
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::engine::{self, Actor, Cafe, EngineError, Event, Input, Phase, Recorded};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A standard café with `n` participants and round 1 running.
fn running(n: usize) -> (TestCafe, Vec<flamingo_protocol::ParticipantId>) {
    let mut c = TestCafe::standard();
    let people = c.join_n(n);
    c.start();
    (c, people)
}

/// Whether only the facilitator may send `command`. Exhaustive on purpose: a new command
/// fails to compile here until someone decides who may send it.
fn facilitator_only(command: &Command) -> bool {
    match command {
        Command::PlanNextRound
        | Command::StartRound
        | Command::PauseRound
        | Command::ResumeRound
        | Command::AdjustTime { .. }
        | Command::EndRound
        | Command::Broadcast { .. }
        | Command::ClearBroadcast
        | Command::MoveParticipant { .. }
        | Command::SetHost { .. }
        | Command::RemoveParticipant { .. }
        | Command::OpenHarvest
        | Command::CloseCafe
        | Command::HideNote { .. }
        | Command::CreateTheme { .. }
        | Command::RenameTheme { .. }
        | Command::DeleteTheme { .. }
        | Command::SetNoteTheme { .. }
        | Command::OpenVoting { .. }
        | Command::CloseVoting
        | Command::SaveCommitment { .. }
        | Command::DeleteCommitment { .. }
        | Command::SetFeedbackQuestions { .. } => true,
        Command::PostNote { .. }
        | Command::EditNote { .. }
        | Command::DeleteNote { .. }
        | Command::Leave
        | Command::SetVotes { .. }
        | Command::SubmitFeedback { .. } => false,
    }
}

fn facilitator_commands(p: flamingo_protocol::ParticipantId) -> Vec<Command> {
    let all = vec![
        Command::PlanNextRound,
        Command::StartRound,
        Command::PauseRound,
        Command::ResumeRound,
        Command::AdjustTime { seconds: 60 },
        Command::EndRound,
        Command::Broadcast {
            text: "Coffee is served".into(),
            keep: false,
        },
        Command::ClearBroadcast,
        Command::MoveParticipant {
            participant_id: p,
            table: 2,
        },
        Command::SetHost { participant_id: p },
        Command::RemoveParticipant { participant_id: p },
        Command::OpenHarvest,
        Command::CloseCafe,
    ];
    assert!(all.iter().all(facilitator_only));
    all
}

fn note_cmd(note_id: flamingo_protocol::NoteId, text: &str) -> Command {
    Command::PostNote {
        note_id,
        text: text.into(),
        round: None,
    }
}

fn seats_except(
    c: &TestCafe,
    round: u32,
    except: flamingo_protocol::ParticipantId,
) -> HashMap<flamingo_protocol::ParticipantId, u32> {
    c.seating(round)
        .seats()
        .iter()
        .filter(|(p, _)| **p != except)
        .map(|(p, t)| (*p, *t))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Creating a café
// ---------------------------------------------------------------------------------------------

fn create(req: &CreateCafeRequest) -> Result<Event, EngineError> {
    engine::create(req, new_cafe(7))
}

fn create_code(req: &CreateCafeRequest) -> ErrorCode {
    create(req).expect_err("should be refused").code()
}

#[test]
fn create_makes_the_first_event_and_a_lobby() {
    let mut req = request(None, Some(6), 3, 20);
    req.title = "  Flight of the Flamingos  ".into();
    let event = create(&req).expect("valid");
    let Event::CafeCreated {
        title,
        table_size,
        physical_tables,
        rounds,
        seed,
        join_code,
        ..
    } = &event
    else {
        panic!("not CafeCreated: {event:?}");
    };
    assert_eq!(title, "Flight of the Flamingos", "title is trimmed");
    assert_eq!(*table_size, limits::DEFAULT_TABLE_SIZE);
    assert_eq!(*physical_tables, Some(6));
    assert_eq!(rounds.len(), 3);
    assert_eq!(*seed, 7);
    assert_eq!(join_code, "FLAMINGO");

    let cafe = Cafe::from_created(&Recorded {
        seq: 1,
        at: T0,
        event,
    })
    .expect("state");
    assert_eq!(cafe.phase, Phase::Lobby);
    assert_eq!(cafe.seq, 1);
    assert_eq!(cafe.current_round(), 0);
    assert!(cafe.participants.is_empty() && cafe.plan.is_none() && cafe.notes.is_empty());
}

#[test]
fn from_created_needs_a_created_event() {
    let r = Recorded {
        seq: 1,
        at: T0,
        event: Event::HarvestOpened,
    };
    assert!(Cafe::from_created(&r).is_none());
    assert!(Cafe::replay(std::iter::empty()).is_none());
}

#[test]
fn create_refuses_bad_titles() {
    for title in ["", "   ", "tab\there", "bell\u{7}"] {
        let mut req = request(None, None, 3, 20);
        req.title = title.into();
        assert_eq!(create_code(&req), ErrorCode::InvalidInput, "{title:?}");
    }
    let mut req = request(None, None, 3, 20);
    req.title = "t".repeat(limits::MAX_TITLE_CHARS + 1);
    assert_eq!(create_code(&req), ErrorCode::InvalidInput);
    req.title = "é".repeat(limits::MAX_TITLE_CHARS);
    assert!(
        create(&req).is_ok(),
        "the limit counts characters, not bytes"
    );
}

#[test]
fn create_checks_table_size_bounds() {
    for size in [0, 1, 2, 9, 100] {
        assert_eq!(
            create_code(&request(Some(size), None, 3, 20)),
            ErrorCode::InvalidInput,
            "size {size}"
        );
    }
    for size in 3..=8 {
        let Event::CafeCreated { table_size, .. } = create(&request(Some(size), None, 3, 20))
            .unwrap_or_else(|e| panic!("size {size}: {e:?}"))
        else {
            panic!()
        };
        assert_eq!(table_size, size);
    }
}

#[test]
fn create_checks_round_count() {
    assert_eq!(
        create_code(&request(None, None, 0, 20)),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        create_code(&request(None, None, 13, 20)),
        ErrorCode::InvalidInput
    );
    assert!(create(&request(None, None, 1, 20)).is_ok());
    assert!(create(&request(None, None, 12, 20)).is_ok());
}

#[test]
fn create_checks_minutes_and_questions() {
    assert_eq!(
        create_code(&request(None, None, 3, 0)),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        create_code(&request(None, None, 3, 241)),
        ErrorCode::InvalidInput
    );
    assert!(create(&request(None, None, 3, 1)).is_ok());
    assert!(create(&request(None, None, 3, 240)).is_ok());

    // One bad round among good ones is enough to refuse.
    let mut req = request(None, None, 3, 20);
    req.rounds[2].minutes = 241;
    assert_eq!(create_code(&req), ErrorCode::InvalidInput);

    let mut req = request(None, None, 3, 20);
    req.rounds[1].question = "  ".into();
    assert_eq!(create_code(&req), ErrorCode::InvalidInput);
    req.rounds[1].question = "q".repeat(limits::MAX_QUESTION_CHARS + 1);
    assert_eq!(create_code(&req), ErrorCode::InvalidInput);
    req.rounds[1].question = "What did we hear?\nWhat surprised us?".into();
    let Event::CafeCreated { rounds, .. } = create(&req).expect("multi-line question") else {
        panic!()
    };
    assert_eq!(rounds[1].question, "What did we hear?\nWhat surprised us?");
}

#[test]
fn create_checks_physical_tables() {
    assert_eq!(
        create_code(&request(None, Some(0), 3, 20)),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        create_code(&request(None, Some(limits::MAX_PHYSICAL_TABLES + 1), 3, 20)),
        ErrorCode::InvalidInput
    );
    assert!(create(&request(None, Some(1), 3, 20)).is_ok());
    assert!(create(&request(None, Some(limits::MAX_PHYSICAL_TABLES), 3, 20)).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Joining
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_join_again_is_the_same_person() {
    let mut c = TestCafe::standard();
    let input = c.join_input("Ada", None);
    let Input::Join { participant_id, .. } = input.clone() else {
        unreachable!()
    };
    assert_eq!(c.run(input.clone()).expect("join").len(), 1);
    let seq = c.cafe.seq;
    // Its answer was lost and the phone sends it again: nothing new.
    assert!(c.run(input.clone()).expect("the same join").is_empty());
    assert_eq!(c.cafe.seq, seq);
    assert_eq!(c.cafe.participants.len(), 1);
    // The id with another secret is not that person.
    let Input::Join {
        name,
        organisation,
        role,
        ..
    } = input.clone()
    else {
        unreachable!()
    };
    let impostor = Input::Join {
        participant_id,
        name,
        organisation,
        role,
        token_hash: "another-secret".into(),
    };
    assert_eq!(
        c.run(impostor).expect_err("refused").code(),
        ErrorCode::InvalidInput
    );
    // After leaving, the old join does not bring them back.
    c.as_p(participant_id, Command::Leave).expect("leave");
    assert_eq!(
        c.run(input).expect_err("refused").code(),
        ErrorCode::Forbidden
    );
    assert_eq!(c.cafe.participants.len(), 1);
}

#[test]
fn join_records_a_trimmed_participant_in_the_lobby_without_a_seat() {
    let mut c = TestCafe::standard();
    let input = Input::Join {
        participant_id: pid(1),
        name: "  Ada Lovelace ".into(),
        organisation: Some("  ".into()),
        role: Some(" Analyst ".into()),
        token_hash: "t1".into(),
    };
    let events = c.run(input).expect("join");
    assert_eq!(
        events,
        vec![Event::ParticipantJoined {
            participant_id: pid(1),
            name: "Ada Lovelace".into(),
            organisation: None,
            role: Some("Analyst".into()),
            token_hash: "t1".into(),
        }],
        "no seat before a plan exists"
    );
    let p = c.cafe.participant(pid(1)).expect("stored");
    assert!(p.present);
    assert_eq!(c.cafe.join_index(pid(1)), 0);
    assert_eq!(c.seq, 2);
}

#[test]
fn join_refuses_bad_names() {
    let mut c = TestCafe::standard();
    let long = "n".repeat(limits::MAX_NAME_CHARS + 1);
    for name in [
        "",
        "   ",
        long.as_str(),
        "Bell\u{7}",
        "Two\nlines",
        "Tab\tbed",
    ] {
        let input = Input::Join {
            participant_id: pid(1),
            name: name.into(),
            organisation: None,
            role: None,
            token_hash: "t".into(),
        };
        c.refused(input, ErrorCode::InvalidInput);
    }
    // Exactly at the limit, in a script where characters are several bytes.
    let input = Input::Join {
        participant_id: pid(1),
        name: "ü".repeat(limits::MAX_NAME_CHARS),
        organisation: None,
        role: None,
        token_hash: "t".into(),
    };
    assert!(c.run(input).is_ok());
}

#[test]
fn join_refuses_bad_organisation_and_role() {
    let mut c = TestCafe::standard();
    let input = Input::Join {
        participant_id: pid(1),
        name: "Ann".into(),
        organisation: Some("o".repeat(limits::MAX_ORGANISATION_CHARS + 1)),
        role: None,
        token_hash: "t".into(),
    };
    c.refused(input, ErrorCode::InvalidInput);
    let input = Input::Join {
        participant_id: pid(1),
        name: "Ann".into(),
        organisation: None,
        role: Some("r".repeat(limits::MAX_ROLE_CHARS + 1)),
        token_hash: "t".into(),
    };
    c.refused(input, ErrorCode::InvalidInput);
}

#[test]
fn join_refuses_a_reused_participant_id() {
    let mut c = TestCafe::standard();
    let ann = c.join("Ann");
    let input = Input::Join {
        participant_id: ann,
        name: "Impostor".into(),
        organisation: None,
        role: None,
        token_hash: "t".into(),
    };
    c.refused(input, ErrorCode::InvalidInput);
    assert_eq!(c.cafe.participant(ann).unwrap().name, "Ann");
}

#[test]
fn join_is_refused_once_the_cafe_is_closed() {
    let mut c = TestCafe::standard();
    c.join("Ann");
    c.fac_ok(Command::CloseCafe);
    let input = c.join_input("Late", None);
    c.refused(input, ErrorCode::WrongPhase);
}

#[test]
fn join_is_refused_when_the_cafe_is_full() {
    let mut c = TestCafe::standard();
    c.check = false;
    // Fill the café through `apply` directly: it is the count that matters, not the path.
    for i in 0..limits::MAX_PARTICIPANTS as u128 {
        c.seq += 1;
        c.cafe.apply(&Recorded {
            seq: c.seq,
            at: T0,
            event: Event::ParticipantJoined {
                participant_id: pid(1_000_000 + i),
                name: format!("P{i}"),
                organisation: None,
                role: None,
                token_hash: String::new(),
            },
        });
    }
    let input = c.join_input("One too many", None);
    c.refused(input, ErrorCode::CafeFull);
    // People who left still count.
    c.cafe.apply(&Recorded {
        seq: c.seq + 1,
        at: T0,
        event: Event::ParticipantLeft {
            participant_id: pid(1_000_000),
            removed: false,
        },
    });
    c.seq += 1;
    let input = c.join_input("Still too many", None);
    c.refused(input, ErrorCode::CafeFull);
}

#[test]
fn join_during_harvest_is_allowed_but_seats_nobody() {
    let mut c = TestCafe::standard();
    c.join_n(4);
    c.fac_ok(Command::OpenHarvest);
    let input = c.join_input("Latecomer", None);
    let events = c.run(input).expect("join in harvest");
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn join_into_a_plan_takes_a_seat_in_it() {
    let mut c = TestCafe::standard();
    c.join_n(7);
    c.fac_ok(Command::PlanNextRound);
    let before = sizes(c.plan());
    let mut sorted = before.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![3, 4]);
    let smaller = before
        .iter()
        .position(|&n| n == 3)
        .expect("a table of three") as u32
        + 1;
    let late = c.join("Late");
    assert_eq!(c.plan().table_of(late), Some(smaller), "the smaller table");
    assert_eq!(sizes(c.plan()), vec![4, 4]);
}

// ---------------------------------------------------------------------------------------------
// Authorisation
// ---------------------------------------------------------------------------------------------

#[test]
fn facilitator_commands_are_forbidden_to_participants_and_the_wall() {
    // In the lobby with a plan, and in a running round: the refusal does not depend on phase.
    let mut lobby = TestCafe::standard();
    let people = lobby.join_n(8);
    lobby.fac_ok(Command::PlanNextRound);
    let (mut live, live_people) = running(8);
    for (c, people) in [(&mut lobby, &people), (&mut live, &live_people)] {
        for actor in [Actor::Participant(people[0]), Actor::Wall] {
            for command in facilitator_commands(people[1]) {
                c.refused(
                    Input::Command {
                        actor,
                        command: command.clone(),
                    },
                    ErrorCode::Forbidden,
                );
            }
        }
    }
}

#[test]
fn only_participants_leave() {
    let (mut c, _) = running(4);
    for actor in [Actor::Facilitator, Actor::Wall] {
        c.refused(
            Input::Command {
                actor,
                command: Command::Leave,
            },
            ErrorCode::Forbidden,
        );
    }
}

#[test]
fn only_participants_post_notes() {
    let (mut c, _) = running(4);
    for actor in [Actor::Facilitator, Actor::Wall] {
        let id = c.next_note_id();
        c.refused(
            Input::Command {
                actor,
                command: note_cmd(id, "hello"),
            },
            ErrorCode::Forbidden,
        );
    }
}

#[test]
fn the_wall_cannot_edit_or_delete_notes() {
    let (mut c, people) = running(4);
    let note = c.post_ok(people[0], "hello");
    for command in [
        Command::EditNote {
            note_id: note,
            text: "defaced".into(),
        },
        Command::DeleteNote { note_id: note },
    ] {
        c.refused(
            Input::Command {
                actor: Actor::Wall,
                command,
            },
            ErrorCode::Forbidden,
        );
    }
}

#[test]
fn a_departed_participant_can_do_nothing_more() {
    let (mut c, people) = running(8);
    let (gone, quitter) = (people[0], people[1]);
    let note = c.post_ok(gone, "before I go");
    c.fac_ok(Command::RemoveParticipant {
        participant_id: gone,
    });
    c.as_p(quitter, Command::Leave).expect("leave");
    for p in [gone, quitter] {
        let id = c.next_note_id();
        for command in [
            note_cmd(id, "ghost"),
            Command::EditNote {
                note_id: note,
                text: "ghost".into(),
            },
            Command::DeleteNote { note_id: note },
            Command::Leave,
            Command::StartRound,
        ] {
            c.refused(
                Input::Command {
                    actor: Actor::Participant(p),
                    command,
                },
                ErrorCode::Forbidden,
            );
        }
    }
    // Unknown people are refused the same way.
    c.refused(
        Input::Command {
            actor: Actor::Participant(pid(999)),
            command: note_cmd(nid(999), "who am I"),
        },
        ErrorCode::Forbidden,
    );
    assert!(c.cafe.note(note).is_some_and(|n| !n.deleted), "notes stay");
}

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

fn fac_refused(c: &mut TestCafe, command: Command, expected: ErrorCode) {
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command,
        },
        expected,
    );
}

#[test]
fn round_commands_are_refused_in_the_lobby() {
    let mut c = TestCafe::standard();
    c.join_n(4);
    fac_refused(&mut c, Command::PauseRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::ResumeRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::EndRound, ErrorCode::WrongPhase);
    fac_refused(
        &mut c,
        Command::AdjustTime { seconds: 60 },
        ErrorCode::WrongPhase,
    );
    // No plan yet: nothing to move people on.
    let p = c.cafe.participants[0].id;
    fac_refused(
        &mut c,
        Command::MoveParticipant {
            participant_id: p,
            table: 1,
        },
        ErrorCode::WrongPhase,
    );
    fac_refused(
        &mut c,
        Command::SetHost { participant_id: p },
        ErrorCode::WrongPhase,
    );
}

#[test]
fn start_and_plan_are_refused_while_a_round_runs_or_is_paused() {
    let (mut c, _) = running(4);
    fac_refused(&mut c, Command::StartRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::PlanNextRound, ErrorCode::WrongPhase);
    c.fac_ok(Command::PauseRound);
    fac_refused(&mut c, Command::StartRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::PlanNextRound, ErrorCode::WrongPhase);
}

#[test]
fn pause_and_resume_twice_are_harmless() {
    let (mut c, _) = running(4);
    assert_eq!(
        c.fac_ok(Command::ResumeRound),
        vec![],
        "resume while running"
    );
    c.fac_ok(Command::PauseRound);
    assert_eq!(c.fac_ok(Command::PauseRound), vec![], "pause while paused");
}

#[test]
fn round_commands_are_refused_between_rounds() {
    let (mut c, _) = running(4);
    c.end();
    fac_refused(&mut c, Command::PauseRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::ResumeRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::EndRound, ErrorCode::WrongPhase);
    fac_refused(
        &mut c,
        Command::AdjustTime { seconds: -60 },
        ErrorCode::WrongPhase,
    );
}

/// The members of every table in a `SeatingPlanned` among `events`.
fn planned_members(events: &[Event]) -> BTreeSet<flamingo_protocol::ParticipantId> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::SeatingPlanned { tables, .. } => Some(tables),
            _ => None,
        })
        .flatten()
        .flat_map(|t| t.members.iter().copied())
        .collect()
}

#[test]
fn a_plan_made_ahead_is_what_start_would_plan_and_only_for_the_cafe_it_was_made_from() {
    let mut c = TestCafe::standard();
    assert_eq!(engine::plan_ahead(&c.cafe), None, "nobody to seat");
    c.join_n(8);
    let start = Input::Command {
        actor: Actor::Facilitator,
        command: Command::StartRound,
    };
    let ahead = engine::plan_ahead(&c.cafe).expect("a lobby with people plans ahead");
    let planning_now = engine::decide(&c.cafe, &start, c.now).expect("start");
    assert_eq!(
        engine::decide_with(&c.cafe, &start, c.now, Some(&ahead)).expect("start"),
        planning_now
    );
    assert_eq!(planned_members(&planning_now).len(), 8);

    // Someone arrives after the plan was made: it no longer seats everyone and is not used.
    let late = c.join("Late");
    let events = engine::decide_with(&c.cafe, &start, c.now, Some(&ahead)).expect("start");
    assert!(planned_members(&events).contains(&late), "{events:?}");
    assert_eq!(
        events,
        engine::decide(&c.cafe, &start, c.now).expect("start")
    );

    // While a round runs there is nothing to plan ahead; between rounds, the plan made when
    // the round ended holds, so again nothing.
    c.start();
    assert_eq!(engine::plan_ahead(&c.cafe), None, "round running");
    c.end();
    assert!(c.cafe.plan.is_some());
    assert_eq!(
        engine::plan_ahead(&c.cafe),
        None,
        "the plan from the round's end holds"
    );
}

#[test]
fn start_after_the_last_round_is_refused() {
    let mut c = TestCafe::new(4, None, 2, 10);
    c.join_n(5);
    for _ in 0..2 {
        c.start();
        c.end();
    }
    assert_eq!(c.cafe.phase, Phase::BetweenRounds { last_round: 2 });
    assert!(c.cafe.plan.is_none(), "no plan after the last round");
    fac_refused(&mut c, Command::StartRound, ErrorCode::WrongPhase);
    fac_refused(&mut c, Command::PlanNextRound, ErrorCode::WrongPhase);
}

#[test]
fn harvest_and_close_end_the_rounds() {
    let (mut c, people) = running(6);
    let events = c.fac_ok(Command::OpenHarvest);
    assert_eq!(
        events,
        vec![
            Event::RoundEnded {
                round: 1,
                by_timer: false
            },
            Event::HarvestOpened
        ],
        "no next-round plan when the harvest opens"
    );
    assert_eq!(c.cafe.phase, Phase::Harvest);
    assert!(c.cafe.plan.is_none());
    assert_eq!(c.fac_ok(Command::OpenHarvest), vec![], "twice is harmless");
    for command in [
        Command::StartRound,
        Command::PlanNextRound,
        Command::EndRound,
        Command::PauseRound,
    ] {
        fac_refused(&mut c, command, ErrorCode::WrongPhase);
    }
    fac_refused(
        &mut c,
        Command::MoveParticipant {
            participant_id: people[0],
            table: 1,
        },
        ErrorCode::WrongPhase,
    );
    fac_refused(
        &mut c,
        Command::SetHost {
            participant_id: people[0],
        },
        ErrorCode::WrongPhase,
    );
    assert_eq!(c.fac_ok(Command::CloseCafe), vec![Event::CafeClosed]);
    assert_eq!(c.cafe.phase, Phase::Closed);
    assert_eq!(c.fac_ok(Command::CloseCafe), vec![], "twice is harmless");
    fac_refused(&mut c, Command::OpenHarvest, ErrorCode::WrongPhase);
    fac_refused(
        &mut c,
        Command::Broadcast {
            text: "hi".into(),
            keep: false,
        },
        ErrorCode::WrongPhase,
    );
}

#[test]
fn closing_a_running_round_ends_it_first() {
    let (mut c, _) = running(4);
    c.fac_ok(Command::PauseRound);
    assert_eq!(
        c.fac_ok(Command::CloseCafe),
        vec![
            Event::RoundEnded {
                round: 1,
                by_timer: false
            },
            Event::CafeClosed
        ]
    );
}

#[test]
fn harvest_can_open_from_the_lobby_and_between_rounds() {
    let mut c = TestCafe::standard();
    assert_eq!(c.fac_ok(Command::OpenHarvest), vec![Event::HarvestOpened]);
    let (mut c, _) = running(4);
    c.end();
    assert!(c.cafe.plan.is_some());
    assert_eq!(c.fac_ok(Command::OpenHarvest), vec![Event::HarvestOpened]);
    assert!(c.cafe.plan.is_none(), "the plan is dropped");
}

#[test]
fn broadcast_is_checked_and_remembered() {
    let mut c = TestCafe::standard();
    fac_refused(
        &mut c,
        Command::Broadcast {
            text: "  ".into(),
            keep: false,
        },
        ErrorCode::InvalidInput,
    );
    fac_refused(
        &mut c,
        Command::Broadcast {
            text: "b".repeat(limits::MAX_BROADCAST_CHARS + 1),
            keep: false,
        },
        ErrorCode::InvalidInput,
    );
    c.advance(5_000);
    let events = c.fac_ok(Command::Broadcast {
        text: " Back in 5 minutes\nplease ".into(),
        keep: false,
    });
    assert_eq!(
        events,
        vec![Event::Broadcast {
            text: "Back in 5 minutes\nplease".into(),
            keep: false
        }]
    );
    assert_eq!(
        c.cafe.last_broadcast,
        Some(BroadcastView {
            text: "Back in 5 minutes\nplease".into(),
            at: T0 + 5_000,
            keep: false
        })
    );
}

fn say(c: &mut TestCafe, text: &str, keep: bool) {
    c.fac_ok(Command::Broadcast {
        text: text.into(),
        keep,
    });
}

fn showing(c: &TestCafe) -> Option<&str> {
    c.cafe.last_broadcast.as_ref().map(|b| b.text.as_str())
}

#[test]
fn a_message_ends_at_the_next_change_of_phase_unless_kept() {
    let mut c = TestCafe::standard();
    c.join_n(8);
    say(&mut c, "Welcome, find a seat", false);
    let start = c.start();
    assert_eq!(
        start.last(),
        Some(&Event::BroadcastCleared),
        "round 1 starts"
    );
    assert_eq!(showing(&c), None);

    say(&mut c, "Five more minutes", false);
    c.fac_ok(Command::PauseRound);
    c.fac_ok(Command::ResumeRound);
    c.fac_ok(Command::AdjustTime { seconds: 60 });
    assert_eq!(
        showing(&c),
        Some("Five more minutes"),
        "pausing is no change of phase"
    );
    c.advance(21 * 60_000);
    let ended = c.deadline();
    assert!(
        matches!(
            ended.first(),
            Some(Event::RoundEnded { by_timer: true, .. })
        ),
        "{ended:?}"
    );
    assert_eq!(
        ended.last(),
        Some(&Event::BroadcastCleared),
        "the clock ends it too"
    );

    say(&mut c, "Coffee is on the back table", true);
    assert!(
        !c.start().contains(&Event::BroadcastCleared),
        "kept through round 2's start"
    );
    c.end();
    assert_eq!(showing(&c), Some("Coffee is on the back table"));
    assert_eq!(
        c.fac_ok(Command::OpenHarvest),
        vec![Event::HarvestOpened],
        "kept into the harvest"
    );

    // A new message replaces the kept one, and ends like any other.
    say(&mut c, "Two dots each", false);
    assert_eq!(
        c.fac_ok(Command::CloseCafe),
        vec![Event::CafeClosed, Event::BroadcastCleared]
    );
    assert_eq!(showing(&c), None);
}

#[test]
fn the_facilitator_clears_a_message_and_a_second_clear_changes_nothing() {
    let (mut c, people) = running(6);
    assert_eq!(
        c.fac_ok(Command::ClearBroadcast),
        vec![],
        "nothing to clear"
    );
    say(&mut c, "Ten minutes left", true);
    assert_eq!(
        c.cmd(Actor::Participant(people[0]), Command::ClearBroadcast)
            .map_err(|e| e.code()),
        Err(ErrorCode::Forbidden),
        "a phone cannot take it down"
    );
    assert_eq!(showing(&c), Some("Ten minutes left"));
    assert_eq!(
        c.cmd(Actor::CoFacilitator, Command::ClearBroadcast)
            .expect("a co-facilitator may"),
        vec![Event::BroadcastCleared]
    );
    assert_eq!(showing(&c), None);
    assert_eq!(
        c.fac_ok(Command::ClearBroadcast),
        vec![],
        "twice is harmless"
    );
    // A kept message stays after the close, and can still be taken down then.
    say(&mut c, "Thank you all", true);
    c.fac_ok(Command::CloseCafe);
    assert_eq!(showing(&c), Some("Thank you all"));
    assert_eq!(
        c.fac_ok(Command::ClearBroadcast),
        vec![Event::BroadcastCleared]
    );
}

// ---------------------------------------------------------------------------------------------
// The round clock
// ---------------------------------------------------------------------------------------------

fn three_round_cafe(minutes: [u32; 3]) -> TestCafe {
    let req = CreateCafeRequest {
        title: "Timed".into(),
        table_size: Some(4),
        tables: None,
        rounds: minutes
            .iter()
            .enumerate()
            .map(|(i, m)| RoundSpec {
                question: format!("Q{}", i + 1),
                minutes: *m,
            })
            .collect(),
    };
    TestCafe::from_request(&req, 1)
}

#[test]
fn start_sets_the_deadline_from_that_rounds_minutes() {
    let mut c = three_round_cafe([15, 25, 30]);
    c.join_n(6);
    c.advance(1_234);
    let events = c.start();
    assert!(matches!(events[0], Event::SeatingPlanned { round: 1, .. }));
    assert_eq!(
        events.last(),
        Some(&Event::RoundStarted {
            round: 1,
            ends_at: T0 + 1_234 + 15 * MINUTE
        })
    );
    assert_eq!(
        c.cafe.phase,
        Phase::Running {
            round: 1,
            ends_at: T0 + 1_234 + 15 * MINUTE
        }
    );
    c.end();
    c.advance(MINUTE);
    let start = c.now;
    c.start();
    assert_eq!(
        c.ends_at(),
        start + 25 * MINUTE,
        "round 2 has its own length"
    );
}

#[test]
fn start_uses_a_balanced_plan_as_it_is() {
    let mut c = TestCafe::standard();
    c.join_n(9);
    c.fac_ok(Command::PlanNextRound);
    let plan = c.plan().clone();
    let events = c.start();
    assert_eq!(events.len(), 1, "no re-plan: {events:?}");
    assert!(matches!(events[0], Event::RoundStarted { round: 1, .. }));
    assert_eq!(c.seating(1).to_vec(), plan.to_vec());
    assert!(c.cafe.plan.is_none());
}

#[test]
fn start_replans_when_the_plan_no_longer_fits() {
    let mut c = TestCafe::standard();
    let people = c.join_n(8);
    c.fac_ok(Command::PlanNextRound);
    assert_eq!(sizes(c.plan()), vec![4, 4]);
    // Three leave from one table: 5 people need 2 tables of 3 and 2, the plan has 4 and 1.
    let table1 = c.plan().table(1).unwrap().members.clone();
    for p in &table1[..3] {
        c.as_p(*p, Command::Leave).expect("leave");
    }
    assert_eq!(sizes(c.plan()), vec![1, 4]);
    let events = c.start();
    assert!(
        matches!(events[0], Event::SeatingPlanned { round: 1, .. }),
        "{events:?}"
    );
    let mut s = sizes(c.seating(1));
    s.sort();
    assert_eq!(s, vec![2, 3]);
    assert_eq!(c.seating(1).seats().len(), 5);
    assert!(
        people
            .iter()
            .all(|p| table1[..3].contains(p) || c.seating(1).table_of(*p).is_some())
    );
}

#[test]
fn pause_keeps_the_remaining_time_and_resume_sets_a_new_deadline() {
    let (mut c, _) = running(4);
    let ends_at = c.ends_at();
    c.advance(5 * MINUTE);
    let events = c.fac_ok(Command::PauseRound);
    assert_eq!(
        events,
        vec![Event::RoundPaused {
            round: 1,
            remaining_ms: 15 * MINUTE
        }]
    );
    assert_eq!(
        c.cafe.phase,
        Phase::Paused {
            round: 1,
            remaining_ms: ends_at - c.now
        }
    );
    // Time while paused does not count, and the timer does not fire.
    c.advance(60 * MINUTE);
    assert_eq!(c.deadline(), vec![]);
    let events = c.fac_ok(Command::ResumeRound);
    assert_eq!(
        events,
        vec![Event::RoundResumed {
            round: 1,
            ends_at: c.now + 15 * MINUTE
        }]
    );
    assert_eq!(c.ends_at(), c.now + 15 * MINUTE);
}

#[test]
fn pause_after_the_deadline_passed_keeps_zero() {
    let (mut c, _) = running(4);
    c.advance(21 * MINUTE);
    assert_eq!(
        c.fac_ok(Command::PauseRound),
        vec![Event::RoundPaused {
            round: 1,
            remaining_ms: 0
        }]
    );
}

#[test]
fn adjust_time_moves_the_deadline_both_ways() {
    let (mut c, _) = running(4);
    let ends_at = c.ends_at();
    assert_eq!(
        c.fac_ok(Command::AdjustTime { seconds: 90 }),
        vec![Event::RoundTimeChanged {
            round: 1,
            ends_at: Some(ends_at + 90_000),
            remaining_ms: None
        }]
    );
    assert_eq!(c.ends_at(), ends_at + 90_000);
    c.fac_ok(Command::AdjustTime { seconds: -30 });
    assert_eq!(c.ends_at(), ends_at + 60_000);
}

#[test]
fn shortening_past_now_clamps_to_now_and_the_timer_then_ends_the_round() {
    let (mut c, _) = running(4);
    c.advance(15 * MINUTE); // 5 minutes left
    c.fac_ok(Command::AdjustTime { seconds: -600 });
    assert_eq!(c.ends_at(), c.now, "clamped to now, not in the past");
    let events = c.deadline();
    assert_eq!(
        events[0],
        Event::RoundEnded {
            round: 1,
            by_timer: true
        }
    );
}

#[test]
fn adjust_time_while_paused_changes_the_remaining_time() {
    let (mut c, _) = running(4);
    c.advance(10 * MINUTE);
    c.fac_ok(Command::PauseRound);
    assert_eq!(
        c.fac_ok(Command::AdjustTime { seconds: 120 }),
        vec![Event::RoundTimeChanged {
            round: 1,
            ends_at: None,
            remaining_ms: Some(12 * MINUTE)
        }]
    );
    c.fac_ok(Command::AdjustTime { seconds: -3_600 });
    assert_eq!(
        c.cafe.phase,
        Phase::Paused {
            round: 1,
            remaining_ms: 0
        },
        "never below zero"
    );
}

#[test]
fn adjust_time_checks_its_bounds() {
    let (mut c, _) = running(4);
    for seconds in [
        0,
        limits::MAX_ADJUST_SECONDS + 1,
        -limits::MAX_ADJUST_SECONDS - 1,
        i32::MIN,
        i32::MAX,
    ] {
        fac_refused(
            &mut c,
            Command::AdjustTime { seconds },
            ErrorCode::InvalidInput,
        );
    }
    let ends_at = c.ends_at();
    c.fac_ok(Command::AdjustTime {
        seconds: limits::MAX_ADJUST_SECONDS,
    });
    assert_eq!(
        c.ends_at(),
        ends_at + i64::from(limits::MAX_ADJUST_SECONDS) * 1000
    );
}

#[test]
fn the_deadline_ends_the_round_exactly_once_and_plans_the_next() {
    let (mut c, people) = running(8);
    let ends_at = c.ends_at();
    c.now = ends_at - 1;
    assert_eq!(c.deadline(), vec![], "one millisecond early");
    assert!(matches!(c.cafe.phase, Phase::Running { .. }));
    c.now = ends_at;
    let seq = c.seq;
    let events = c.deadline();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        events[0],
        Event::RoundEnded {
            round: 1,
            by_timer: true
        }
    );
    let Event::SeatingPlanned { round: 2, tables } = &events[1] else {
        panic!("round 2 planned: {events:?}");
    };
    assert_eq!(
        tables.iter().map(|t| t.members.len()).sum::<usize>(),
        people.len()
    );
    assert_eq!(c.cafe.phase, Phase::BetweenRounds { last_round: 1 });
    assert_eq!(c.plan().round, 2);
    assert_eq!(c.seq, seq + 2);
    c.advance(MINUTE);
    assert_eq!(c.deadline(), vec![], "the second deadline is a no-op");
    assert_eq!(c.seq, seq + 2);
}

#[test]
fn deadline_does_nothing_outside_a_running_round() {
    let mut c = TestCafe::standard();
    c.join_n(4);
    c.advance(1_000 * MINUTE);
    assert_eq!(c.deadline(), vec![]);
    c.fac_ok(Command::OpenHarvest);
    assert_eq!(c.deadline(), vec![]);
    assert_eq!(c.seq, 6);
}

#[test]
fn ending_the_last_round_plans_nothing() {
    let mut c = TestCafe::new(4, None, 2, 10);
    c.join_n(8);
    c.start();
    assert!(matches!(c.end()[1], Event::SeatingPlanned { round: 2, .. }));
    c.start();
    c.advance(10 * MINUTE);
    assert_eq!(
        c.deadline(),
        vec![Event::RoundEnded {
            round: 2,
            by_timer: true
        }]
    );
    assert!(c.cafe.plan.is_none());
}

#[test]
fn the_facilitator_can_end_a_paused_round() {
    let (mut c, _) = running(4);
    c.fac_ok(Command::PauseRound);
    let events = c.end();
    assert_eq!(
        events[0],
        Event::RoundEnded {
            round: 1,
            by_timer: false
        }
    );
    assert_eq!(c.cafe.phase, Phase::BetweenRounds { last_round: 1 });
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

#[test]
fn posting_needs_a_seat() {
    let mut c = TestCafe::standard();
    let ann = c.join("Ann");
    assert_eq!(code(c.post(ann, "too early")), ErrorCode::NotSeated);
    c.join_n(3);
    c.fac_ok(Command::PlanNextRound);
    assert!(c.plan().table_of(ann).is_some());
    assert_eq!(
        code(c.post(ann, "a planned seat is not a seat")),
        ErrorCode::NotSeated
    );
    c.start();
    let events = c.post(ann, "now").expect("seated");
    let Event::NotePosted {
        author,
        round,
        table,
        text,
        ..
    } = &events[0]
    else {
        panic!()
    };
    assert_eq!(
        (*author, *round, *table, text.as_str()),
        (ann, 1, c.table_of(1, ann).unwrap(), "now")
    );
}

#[test]
fn note_text_is_checked() {
    let (mut c, people) = running(4);
    let p = people[0];
    let id = c.next_note_id();
    c.refused(
        Input::Command {
            actor: Actor::Participant(p),
            command: note_cmd(id, " \n\t "),
        },
        ErrorCode::InvalidInput,
    );
    c.refused(
        Input::Command {
            actor: Actor::Participant(p),
            command: note_cmd(id, &"x".repeat(limits::MAX_NOTE_CHARS + 1)),
        },
        ErrorCode::InvalidInput,
    );
    c.refused(
        Input::Command {
            actor: Actor::Participant(p),
            command: note_cmd(id, "nul\u{0}"),
        },
        ErrorCode::InvalidInput,
    );
    let long = "ß".repeat(limits::MAX_NOTE_CHARS);
    c.post_id(p, id, &long, None).expect("2000 characters");
    assert_eq!(c.cafe.note(id).unwrap().text, long);
    let id = c.next_note_id();
    c.post_id(p, id, "  line one\nline two\t\n", None)
        .expect("multi-line");
    assert_eq!(c.cafe.note(id).unwrap().text, "line one\nline two");
}

#[test]
fn resending_a_note_is_harmless_and_a_taken_id_is_refused() {
    let (mut c, people) = running(4);
    let (ann, bob) = (people[0], people[1]);
    let id = c.next_note_id();
    assert_eq!(c.post_id(ann, id, "first", None).unwrap().len(), 1);
    let seq = c.seq;
    assert_eq!(c.post_id(ann, id, "first", None).unwrap(), vec![]);
    assert_eq!(
        c.post_id(ann, id, "different text, same id", None).unwrap(),
        vec![],
        "the id decides, not the text"
    );
    assert_eq!(c.seq, seq);
    assert_eq!(c.cafe.notes.len(), 1);
    assert_eq!(c.cafe.note(id).unwrap().text, "first");
    c.refused(
        Input::Command {
            actor: Actor::Participant(bob),
            command: note_cmd(id, "mine?"),
        },
        ErrorCode::NoteIdTaken,
    );
}

#[test]
fn a_resent_note_is_harmless_even_after_it_was_deleted() {
    let (mut c, people) = running(4);
    let note = c.post_ok(people[0], "oops");
    c.as_p(people[0], Command::DeleteNote { note_id: note })
        .unwrap();
    assert_eq!(c.post_id(people[0], note, "oops", None).unwrap(), vec![]);
    assert!(c.cafe.note(note).unwrap().deleted, "it stays deleted");
}

#[test]
fn notes_are_rate_limited_per_participant_per_minute() {
    let (mut c, people) = running(4);
    let (ann, bob) = (people[0], people[1]);
    for i in 0..limits::NOTES_PER_MINUTE {
        c.post(ann, &format!("idea {i}"))
            .unwrap_or_else(|e| panic!("note {i}: {e:?}"));
    }
    let id = c.next_note_id();
    c.refused(
        Input::Command {
            actor: Actor::Participant(ann),
            command: note_cmd(id, "one too many"),
        },
        ErrorCode::RateLimited,
    );
    assert!(
        c.post(bob, "someone else").is_ok(),
        "the limit is per person"
    );
    c.advance(59_999);
    assert_eq!(code(c.post(ann, "still too soon")), ErrorCode::RateLimited);
    c.advance(1);
    assert!(c.post(ann, "a minute later").is_ok());
    assert_eq!(
        c.cafe.notes.iter().filter(|n| n.author == ann).count(),
        limits::NOTES_PER_MINUTE + 1
    );
}

#[test]
fn the_rate_limit_window_slides() {
    let (mut c, people) = running(4);
    let ann = people[0];
    // 15 notes at t, 15 at t+30s: the 31st at t+59s is refused, at t+60s the first 15 expired.
    for _ in 0..15 {
        c.post(ann, "early").unwrap();
    }
    c.advance(30_000);
    for _ in 0..15 {
        c.post(ann, "later").unwrap();
    }
    c.advance(29_000);
    assert_eq!(code(c.post(ann, "t+59s")), ErrorCode::RateLimited);
    c.advance(1_000);
    for i in 0..15 {
        c.post(ann, "t+60s")
            .unwrap_or_else(|e| panic!("note {i} at t+60s: {e:?}"));
    }
    assert_eq!(code(c.post(ann, "16th at t+60s")), ErrorCode::RateLimited);
}

#[test]
fn a_late_round_field_attaches_the_note_to_that_rounds_table() {
    let mut c = TestCafe::standard();
    let people = c.join_n(12);
    c.start();
    let ann = people[0];
    let t1 = c.table_of(1, ann).unwrap();
    c.end();
    c.start();
    let t2 = c.table_of(2, ann).unwrap();
    let id = c.next_note_id();
    let events = c.post_id(ann, id, "written in round 1", Some(1)).unwrap();
    assert!(
        matches!(events[0], Event::NotePosted { round: 1, table, .. } if table == t1),
        "{events:?}"
    );
    // A round that has not happened, or round 0, falls back to the current table.
    for bogus in [0, 3, 99] {
        let id = c.next_note_id();
        let events = c.post_id(ann, id, "odd round", Some(bogus)).unwrap();
        assert!(
            matches!(events[0], Event::NotePosted { round: 2, table, .. } if table == t2),
            "round {bogus}: {events:?}"
        );
    }
}

#[test]
fn a_late_arrival_naming_a_round_before_they_came_gets_their_current_table() {
    let (mut c, _) = running(8);
    c.end();
    c.start();
    let late = c.join("Late");
    let id = c.next_note_id();
    let events = c.post_id(late, id, "from my outbox", Some(1)).unwrap();
    let table = c.table_of(2, late).unwrap();
    assert!(
        matches!(events[0], Event::NotePosted { round: 2, table: t, .. } if t == table),
        "{events:?}"
    );
}

#[test]
fn a_note_after_the_cafe_moved_on_goes_to_the_authors_last_table() {
    let (mut c, people) = running(8);
    let ann = people[0];
    let t1 = c.table_of(1, ann).unwrap();
    c.end();
    let events = c.post(ann, "between rounds").unwrap();
    assert!(
        matches!(events[0], Event::NotePosted { round: 1, table, .. } if table == t1),
        "{events:?}"
    );
    c.start();
    let t2 = c.table_of(2, ann).unwrap();
    c.fac_ok(Command::OpenHarvest);
    let events = c.post(ann, "in the harvest").unwrap();
    assert!(
        matches!(events[0], Event::NotePosted { round: 2, table, .. } if table == t2),
        "{events:?}"
    );
}

#[test]
fn a_closed_cafe_takes_no_notes() {
    let (mut c, people) = running(4);
    let note = c.post_ok(people[0], "kept");
    c.fac_ok(Command::CloseCafe);
    let id = c.next_note_id();
    c.refused(
        Input::Command {
            actor: Actor::Participant(people[0]),
            command: note_cmd(id, "too late"),
        },
        ErrorCode::WrongPhase,
    );
    for command in [
        Command::EditNote {
            note_id: note,
            text: "changed".into(),
        },
        Command::DeleteNote { note_id: note },
    ] {
        c.refused(
            Input::Command {
                actor: Actor::Participant(people[0]),
                command: command.clone(),
            },
            ErrorCode::WrongPhase,
        );
        c.refused(
            Input::Command {
                actor: Actor::Facilitator,
                command,
            },
            ErrorCode::WrongPhase,
        );
    }
    // A resend of a stored note still gets its harmless answer, so an outbox can drain.
    assert_eq!(c.post_id(people[0], note, "kept", None).unwrap(), vec![]);
}

/// Round 1 with 12 people at 3 tables of 4. Returns the café, table 1's host, another member
/// of table 1 and someone at another table.
fn table_roles() -> (
    TestCafe,
    flamingo_protocol::ParticipantId,
    flamingo_protocol::ParticipantId,
    flamingo_protocol::ParticipantId,
    flamingo_protocol::ParticipantId,
) {
    let (c, people) = running(12);
    let host = c.host_of(1, 1).unwrap();
    let mates: Vec<_> = c.members(1, 1).into_iter().filter(|m| *m != host).collect();
    let stranger = *people
        .iter()
        .find(|p| c.table_of(1, **p) != Some(1))
        .unwrap();
    (c, host, mates[0], mates[1], stranger)
}

#[test]
fn author_host_and_facilitator_may_edit_a_note() {
    let (mut c, host, author, mate, stranger) = table_roles();
    let note = c.post_ok(author, "draft");
    c.advance(1_000);
    assert_eq!(
        c.as_p(
            author,
            Command::EditNote {
                note_id: note,
                text: " by the author ".into()
            }
        )
        .unwrap(),
        vec![Event::NoteEdited {
            note_id: note,
            text: "by the author".into()
        }]
    );
    assert_eq!(c.cafe.note(note).unwrap().edited_at, Some(T0 + 1_000));
    c.as_p(
        host,
        Command::EditNote {
            note_id: note,
            text: "by the host".into(),
        },
    )
    .expect("the table's host");
    c.fac(Command::EditNote {
        note_id: note,
        text: "by the facilitator".into(),
    })
    .expect("the facilitator");
    for p in [mate, stranger] {
        c.refused(
            Input::Command {
                actor: Actor::Participant(p),
                command: Command::EditNote {
                    note_id: note,
                    text: "vandal".into(),
                },
            },
            ErrorCode::Forbidden,
        );
    }
    assert_eq!(c.cafe.note(note).unwrap().text, "by the facilitator");
    // Same text: nothing to do. Bad text: refused.
    assert_eq!(
        c.fac(Command::EditNote {
            note_id: note,
            text: "by the facilitator".into()
        })
        .unwrap(),
        vec![]
    );
    c.refused(
        Input::Command {
            actor: Actor::Participant(author),
            command: Command::EditNote {
                note_id: note,
                text: "  ".into(),
            },
        },
        ErrorCode::InvalidInput,
    );
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: Command::EditNote {
                note_id: nid(424_242),
                text: "nothing there".into(),
            },
        },
        ErrorCode::NotFound,
    );
}

#[test]
fn author_host_and_facilitator_may_delete_a_note_once() {
    let (mut c, host, author, mate, stranger) = table_roles();
    let notes: Vec<_> = (0..3)
        .map(|i| c.post_ok(author, &format!("n{i}")))
        .collect();
    for p in [mate, stranger] {
        c.refused(
            Input::Command {
                actor: Actor::Participant(p),
                command: Command::DeleteNote { note_id: notes[0] },
            },
            ErrorCode::Forbidden,
        );
    }
    for (actor, note) in [
        (Actor::Participant(author), notes[0]),
        (Actor::Participant(host), notes[1]),
        (Actor::Facilitator, notes[2]),
    ] {
        assert_eq!(
            c.cmd(actor, Command::DeleteNote { note_id: note }).unwrap(),
            vec![Event::NoteDeleted { note_id: note }],
            "{actor:?}"
        );
        assert!(c.cafe.note(note).unwrap().deleted);
        assert_eq!(
            c.cmd(actor, Command::DeleteNote { note_id: note }).unwrap(),
            vec![],
            "deleting twice is harmless"
        );
    }
    c.refused(
        Input::Command {
            actor: Actor::Participant(author),
            command: Command::EditNote {
                note_id: notes[0],
                text: "revive".into(),
            },
        },
        ErrorCode::NotFound,
    );
    c.refused(
        Input::Command {
            actor: Actor::Facilitator,
            command: Command::DeleteNote {
                note_id: nid(424_242),
            },
        },
        ErrorCode::NotFound,
    );
}

#[test]
fn the_host_of_a_table_in_a_later_round_may_tidy_its_earlier_notes() {
    let (mut c, people) = running(12);
    let author = people[0];
    let t = c.table_of(1, author).unwrap();
    let note = c.post_ok(author, "round one idea");
    c.end();
    c.start();
    let host2 = c.host_of(2, t).unwrap();
    assert_ne!(host2, author);
    c.as_p(
        host2,
        Command::EditNote {
            note_id: note,
            text: "summarised".into(),
        },
    )
    .expect("the current host of the note's table");
    // A participant who hosts another table now may not.
    let other_host = c.host_of(2, if t == 1 { 2 } else { 1 }).unwrap();
    if c.table_of(1, other_host) != Some(t) {
        c.refused(
            Input::Command {
                actor: Actor::Participant(other_host),
                command: Command::DeleteNote { note_id: note },
            },
            ErrorCode::Forbidden,
        );
    }
}

#[test]
fn the_host_of_a_table_then_may_still_tidy_its_notes_later() {
    let (mut c, _) = running(12);
    let host1 = c.host_of(1, 1).unwrap();
    let author = *c.members(1, 1).iter().find(|m| **m != host1).unwrap();
    let note = c.post_ok(author, "round one idea");
    c.end();
    c.start();
    assert_ne!(c.host_of(2, 1), Some(host1), "hosting rotated");
    c.as_p(
        host1,
        Command::EditNote {
            note_id: note,
            text: "tidied by the round 1 host".into(),
        },
    )
    .expect("the host of the note's table in the note's round");
    c.as_p(host1, Command::DeleteNote { note_id: note })
        .expect("and may delete it");
}

// ---------------------------------------------------------------------------------------------
// Moves, hosts and pins
// ---------------------------------------------------------------------------------------------

#[test]
fn move_participant_checks_its_arguments() {
    let mut c = TestCafe::new(4, Some(3), 3, 20);
    let people = c.join_n(8);
    c.start();
    for table in [0, 4] {
        fac_refused(
            &mut c,
            Command::MoveParticipant {
                participant_id: people[0],
                table,
            },
            ErrorCode::InvalidInput,
        );
    }
    fac_refused(
        &mut c,
        Command::MoveParticipant {
            participant_id: pid(4242),
            table: 1,
        },
        ErrorCode::NotFound,
    );
    c.as_p(people[1], Command::Leave).unwrap();
    fac_refused(
        &mut c,
        Command::MoveParticipant {
            participant_id: people[1],
            table: 1,
        },
        ErrorCode::WrongPhase,
    );
    let here = c.table_of(1, people[0]).unwrap();
    assert_eq!(
        c.fac_ok(Command::MoveParticipant {
            participant_id: people[0],
            table: here
        }),
        vec![],
        "already there"
    );
}

#[test]
fn a_move_in_the_running_round_takes_effect_at_once() {
    let (mut c, _) = running(12);
    let mover = *c
        .members(1, 1)
        .iter()
        .find(|m| Some(**m) != c.host_of(1, 1))
        .unwrap();
    let events = c.fac_ok(Command::MoveParticipant {
        participant_id: mover,
        table: 2,
    });
    assert_eq!(
        events,
        vec![Event::ParticipantSeated {
            round: 1,
            participant_id: mover,
            table: 2,
            from_table: Some(1),
            pinned: true
        }]
    );
    assert_eq!(c.table_of(1, mover), Some(2));
    assert_eq!(sizes(c.seating(1)), vec![3, 5, 4]);
    assert!(c.cafe.pins.seats.is_empty(), "pins are for plans only");
}

#[test]
fn moving_a_host_away_gives_the_old_table_a_new_host() {
    let (mut c, _) = running(12);
    let host = c.host_of(1, 1).unwrap();
    let events = c.fac_ok(Command::MoveParticipant {
        participant_id: host,
        table: 3,
    });
    assert_eq!(events.len(), 2, "{events:?}");
    let new_host = c.host_of(1, 1).expect("table 1 keeps a host");
    assert_ne!(new_host, host);
    assert!(c.members(1, 1).contains(&new_host));
    assert_eq!(
        events[1],
        Event::HostChanged {
            round: 1,
            table: 1,
            participant_id: new_host,
            pinned: false
        }
    );
    assert_ne!(c.host_of(1, 3), Some(host), "a mover does not take over");
}

#[test]
fn moving_someone_to_an_empty_table_makes_them_its_host() {
    let (mut c, _) = running(12);
    let mover = c.members(1, 2)[0];
    let events = c.fac_ok(Command::MoveParticipant {
        participant_id: mover,
        table: 7,
    });
    assert!(events.contains(&Event::HostChanged {
        round: 1,
        table: 7,
        participant_id: mover,
        pinned: false
    }));
    assert_eq!(c.members(1, 7), vec![mover]);
    assert_eq!(c.host_of(1, 7), Some(mover));
    // The last person leaving a table removes it without a host change.
    let events = c.fac_ok(Command::MoveParticipant {
        participant_id: mover,
        table: 2,
    });
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(c.seating(1).table(7).is_none());
}

#[test]
fn set_host_in_the_running_round() {
    let (mut c, _) = running(12);
    let old = c.host_of(1, 2).unwrap();
    let new = *c.members(1, 2).iter().find(|m| **m != old).unwrap();
    assert_eq!(
        c.fac_ok(Command::SetHost {
            participant_id: new
        }),
        vec![Event::HostChanged {
            round: 1,
            table: 2,
            participant_id: new,
            pinned: true
        }]
    );
    assert_eq!(c.host_of(1, 2), Some(new));
    assert!(c.members(1, 2).contains(&old), "the old host stays seated");
    assert_eq!(
        c.fac_ok(Command::SetHost {
            participant_id: new
        }),
        vec![],
        "already host"
    );
    fac_refused(
        &mut c,
        Command::SetHost {
            participant_id: pid(4242),
        },
        ErrorCode::NotFound,
    );
    c.as_p(old, Command::Leave).unwrap();
    fac_refused(
        &mut c,
        Command::SetHost {
            participant_id: old,
        },
        ErrorCode::WrongPhase,
    );
}

#[test]
fn a_move_in_the_plan_sticks_through_a_replan_at_start() {
    let mut c = TestCafe::standard();
    c.join_n(12);
    c.fac_ok(Command::PlanNextRound);
    let mover = *c
        .plan()
        .table(1)
        .unwrap()
        .members
        .iter()
        .find(|m| !c.plan().is_host(**m))
        .unwrap();
    c.fac_ok(Command::MoveParticipant {
        participant_id: mover,
        table: 2,
    });
    assert_eq!(c.cafe.pins.seats.get(&mover), Some(&2));
    // Two newcomers: the plan is now 3, 5, 4 plus two, too big for three tables.
    c.join("New 1");
    c.join("New 2");
    let events = c.start();
    assert!(
        matches!(events[0], Event::SeatingPlanned { round: 1, .. }),
        "re-planned: {events:?}"
    );
    assert_eq!(
        c.table_of(1, mover),
        Some(2),
        "the facilitator's move stuck"
    );
    assert!(c.cafe.pins.seats.is_empty(), "pins end with the plan");
}

#[test]
fn a_pinned_host_sticks_through_replans() {
    let mut c = TestCafe::standard();
    c.join_n(12);
    c.fac_ok(Command::PlanNextRound);
    let chosen = *c
        .plan()
        .table(3)
        .unwrap()
        .members
        .iter()
        .find(|m| !c.plan().is_host(**m))
        .unwrap();
    c.fac_ok(Command::SetHost {
        participant_id: chosen,
    });
    assert_eq!(c.cafe.pins.hosts.get(&3), Some(&chosen));
    c.fac_ok(Command::PlanNextRound);
    assert_eq!(c.plan().table(3).and_then(|t| t.host), Some(chosen));
    // Two newcomers: one opens table 4, the next joins it; 4, 4, 4, 2 is not balanced.
    c.join("New 1");
    c.join("New 2");
    assert_eq!(sizes(c.plan()), vec![4, 4, 4, 2]);
    let events = c.start();
    assert!(
        matches!(events[0], Event::SeatingPlanned { .. }),
        "{events:?}"
    );
    assert_eq!(c.host_of(1, 3), Some(chosen));
}

#[test]
fn a_move_in_the_plan_also_sticks_through_plan_next_round() {
    let mut c = TestCafe::standard();
    let people = c.join_n(12);
    c.fac_ok(Command::PlanNextRound);
    let target = if c.plan().table_of(people[5]) == Some(3) {
        1
    } else {
        3
    };
    c.fac_ok(Command::MoveParticipant {
        participant_id: people[5],
        table: target,
    });
    c.fac_ok(Command::PlanNextRound);
    assert_eq!(c.plan().table_of(people[5]), Some(target));
}

#[test]
fn moving_a_planned_host_gives_that_planned_table_a_new_host() {
    let mut c = TestCafe::standard();
    c.join_n(12);
    c.fac_ok(Command::PlanNextRound);
    let host = c.plan().table(1).unwrap().host.unwrap();
    let events = c.fac_ok(Command::MoveParticipant {
        participant_id: host,
        table: 2,
    });
    assert_eq!(events.len(), 2, "{events:?}");
    let t1 = c.plan().table(1).unwrap();
    assert!(
        t1.host
            .is_some_and(|h| h != host && t1.members.contains(&h))
    );
    assert!(!c.cafe.pins.hosts.values().any(|h| *h == host));
}

#[test]
fn plan_next_round_is_deterministic() {
    let mut a = TestCafe::standard();
    let mut b = TestCafe::standard();
    a.join_n(17);
    b.join_n(17);
    a.fac_ok(Command::PlanNextRound);
    b.fac_ok(Command::PlanNextRound);
    assert_eq!(a.plan().to_vec(), b.plan().to_vec());
    let first = a.plan().to_vec();
    a.fac_ok(Command::PlanNextRound);
    assert_eq!(
        a.plan().to_vec(),
        first,
        "re-planning the same café changes nothing"
    );
}

// ---------------------------------------------------------------------------------------------
// Departures
// ---------------------------------------------------------------------------------------------

#[test]
fn a_host_leaving_mid_round_hands_the_table_on_and_nobody_moves() {
    for removed in [false, true] {
        let (mut c, _) = running(12);
        let host = c.host_of(1, 2).unwrap();
        let others = seats_except(&c, 1, host);
        let events = if removed {
            c.fac_ok(Command::RemoveParticipant {
                participant_id: host,
            })
        } else {
            c.as_p(host, Command::Leave).unwrap()
        };
        assert_eq!(
            events[0],
            Event::ParticipantLeft {
                participant_id: host,
                removed
            }
        );
        assert_eq!(events.len(), 2, "{events:?}");
        let new_host = c.host_of(1, 2).expect("a host remains");
        assert!(c.members(1, 2).contains(&new_host));
        // Hosting rotates to the table member who joined first (none has hosted yet).
        let expected = c
            .members(1, 2)
            .into_iter()
            .min_by_key(|m| c.cafe.join_index(*m))
            .unwrap();
        assert_eq!(new_host, expected);
        assert_eq!(seats_except(&c, 1, host), others, "nobody else moved");
        assert_eq!(c.table_of(1, host), None);
        assert!(!c.cafe.participant(host).unwrap().present);
    }
}

#[test]
fn a_member_leaving_changes_nothing_else() {
    let (mut c, _) = running(12);
    let host = c.host_of(1, 1).unwrap();
    let member = *c.members(1, 1).iter().find(|m| **m != host).unwrap();
    let others = seats_except(&c, 1, member);
    let events = c.as_p(member, Command::Leave).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(seats_except(&c, 1, member), others);
    assert_eq!(c.host_of(1, 1), Some(host));
}

#[test]
fn the_last_person_leaving_removes_the_table() {
    let (mut c, _) = running(12);
    let mover = c.members(1, 3)[0];
    c.fac_ok(Command::MoveParticipant {
        participant_id: mover,
        table: 9,
    });
    let events = c.as_p(mover, Command::Leave).unwrap();
    assert_eq!(events.len(), 1, "no one to hand over to: {events:?}");
    assert!(c.seating(1).table(9).is_none());
}

#[test]
fn remove_participant_checks_its_argument() {
    let (mut c, people) = running(4);
    fac_refused(
        &mut c,
        Command::RemoveParticipant {
            participant_id: pid(4242),
        },
        ErrorCode::NotFound,
    );
    c.fac_ok(Command::RemoveParticipant {
        participant_id: people[0],
    });
    assert_eq!(
        c.fac_ok(Command::RemoveParticipant {
            participant_id: people[0]
        }),
        vec![],
        "removing twice is harmless"
    );
}

#[test]
fn a_departure_between_rounds_leaves_the_plan_with_hosts() {
    let (mut c, _) = running(12);
    c.end();
    let host = c.plan().table(2).unwrap().host.unwrap();
    c.as_p(host, Command::Leave).unwrap();
    let t2 = c.plan().table(2).unwrap();
    assert!(t2.host.is_some_and(|h| t2.members.contains(&h)));
    assert_eq!(c.plan().seats().len(), 11);
    assert!(c.plan().table_of(host).is_none());
    // The finished round's record keeps them.
    assert!(c.table_of(1, host).is_some());
}

#[test]
fn a_planned_host_who_leaves_is_replaced_by_someone_who_sat_at_that_table() {
    let (mut c, _) = running(12);
    c.end();
    let host = c.plan().table(1).unwrap().host.unwrap();
    assert_eq!(c.table_of(1, host), Some(1), "hosts stay");
    // Bring back one more person from round 1's table 1 (they would otherwise travel).
    let stayer = *c
        .members(1, 1)
        .iter()
        .find(|m| **m != host && c.plan().table_of(**m) != Some(1))
        .unwrap();
    c.fac_ok(Command::MoveParticipant {
        participant_id: stayer,
        table: 1,
    });
    let events = c.as_p(host, Command::Leave).unwrap();
    let Some(Event::HostChanged {
        round: 2,
        table: 1,
        participant_id: new_host,
        pinned: false,
    }) = events.last()
    else {
        panic!("a new host for planned table 1: {events:?}");
    };
    assert_eq!(
        c.table_of(1, *new_host),
        Some(1),
        "the new host sat at table 1 in round 1 (as {stayer} did)"
    );
}

/// Whether every table of `round` is hosted by someone who sat at it in the round before,
/// wherever someone who did is still here.
fn hosts_stayed(c: &TestCafe, round: u32) -> Result<(), String> {
    let present = present(&c.cafe);
    for t in c.seating(round).tables() {
        let Some(was) = c.seating(round - 1).table(t.table) else {
            continue;
        };
        if was.members.iter().any(|m| present.contains(m))
            && !t.host.is_some_and(|h| was.members.contains(&h))
        {
            return Err(format!(
                "round {round} table {}: host {:?} never sat there; {:?} did",
                t.table, t.host, was.members
            ));
        }
    }
    Ok(())
}

#[test]
fn a_planned_host_who_leaves_in_the_break_is_still_replaced_by_a_stayer_when_the_round_starts() {
    // Regression: the plan stayed balanced (4, 3, 4 for 11 people), so it was started as it
    // was, with table 2 hosted by a traveller who had never sat there.
    let (mut c, _) = running(12);
    c.end();
    let host = c.plan().table(2).unwrap().host.unwrap();
    c.as_p(host, Command::Leave).unwrap();
    c.start();
    hosts_stayed(&c, 2).unwrap();
    assert!(within_one(&sizes(c.seating(2))));
}

#[test]
fn a_new_table_opened_in_the_plan_is_still_hosted_by_a_stayer_when_the_round_starts() {
    // Regression: round 1 had four tables; someone left during it, so round 2 was planned with
    // three full tables of 3. Two arrivals in the break opened table 4 (3, 3, 3, 2 is
    // balanced), hosted by a newcomer, although someone from round 1's table 4 was there.
    let mut c = TestCafe::new(3, None, 3, 20);
    c.join_n(10);
    c.start();
    assert_eq!(sizes(c.seating(1)), vec![3, 3, 2, 2]);
    let leaver = *c
        .members(1, 4)
        .iter()
        .find(|m| Some(**m) != c.host_of(1, 4))
        .unwrap();
    c.as_p(leaver, Command::Leave).unwrap();
    c.end();
    assert_eq!(sizes(c.plan()), vec![3, 3, 3]);
    let first = c.join("Late 1");
    c.join("Late 2");
    assert_eq!(sizes(c.plan()), vec![3, 3, 3, 2]);
    assert_eq!(c.plan().table(4).unwrap().host, Some(first));
    c.start();
    hosts_stayed(&c, 2).unwrap();
    assert!(within_one(&sizes(c.seating(2))));
}

#[test]
fn an_untouched_plan_starts_as_planned() {
    // The hosts-stay check at start must not re-plan a plan that nobody changed.
    let (mut c, _) = running(14);
    c.end();
    let plan = c.plan().to_vec();
    let events = c.start();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(c.seating(2).to_vec(), plan);
    hosts_stayed(&c, 2).unwrap();
}

#[test]
fn a_host_the_facilitator_chose_is_kept_at_start() {
    // A pinned host who never sat at the table is the facilitator's word: no re-plan.
    let (mut c, _) = running(12);
    c.end();
    let outsider = *c
        .plan()
        .table(2)
        .unwrap()
        .members
        .iter()
        .find(|m| c.table_of(1, **m) != Some(2))
        .unwrap();
    c.fac_ok(Command::SetHost {
        participant_id: outsider,
    });
    let plan = c.plan().to_vec();
    let events = c.start();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(c.seating(2).to_vec(), plan);
    assert_eq!(c.host_of(2, 2), Some(outsider));
}

// ---------------------------------------------------------------------------------------------
// Late arrivals
// ---------------------------------------------------------------------------------------------

#[test]
fn a_late_arrival_sits_at_the_smallest_table_at_once() {
    let (mut c, _) = running(9);
    assert_eq!(sizes(c.seating(1)), vec![3, 3, 3]);
    for expected in [1, 2, 3] {
        let input = c.join_input("Late", None);
        let Input::Join { participant_id, .. } = input else {
            unreachable!()
        };
        let events = c.run(input).unwrap();
        assert_eq!(
            events[1],
            Event::ParticipantSeated {
                round: 1,
                participant_id,
                table: expected,
                from_table: None,
                pinned: false
            }
        );
        assert_eq!(events.len(), 2);
    }
    assert_eq!(sizes(c.seating(1)), vec![4, 4, 4]);
    // Make table 2 the smallest: the next arrival goes there, not to table 1.
    let host2 = c.host_of(1, 2).unwrap();
    let leaver = *c.members(1, 2).iter().find(|m| **m != host2).unwrap();
    c.as_p(leaver, Command::Leave).unwrap();
    let late = c.join("Late again");
    assert_eq!(c.table_of(1, late), Some(2));
}

#[test]
fn a_late_arrival_opens_a_new_table_when_all_are_full() {
    let (mut c, _) = running(8);
    assert_eq!(sizes(c.seating(1)), vec![4, 4]);
    let input = c.join_input("Late", None);
    let Input::Join { participant_id, .. } = input else {
        unreachable!()
    };
    let events = c.run(input).unwrap();
    assert_eq!(
        events[1..],
        [
            Event::ParticipantSeated {
                round: 1,
                participant_id,
                table: 3,
                from_table: None,
                pinned: false
            },
            Event::HostChanged {
                round: 1,
                table: 3,
                participant_id,
                pinned: false
            }
        ]
    );
    assert_eq!(c.host_of(1, 3), Some(participant_id));
    let next = c.join("Next");
    assert_eq!(c.table_of(1, next), Some(3), "the new table has room");
}

#[test]
fn a_late_arrival_squeezes_in_when_the_room_has_no_more_tables() {
    let mut c = TestCafe::new(4, Some(2), 3, 20);
    c.join_n(8);
    c.start();
    let late = c.join("Late");
    assert_eq!(c.table_of(1, late), Some(1));
    assert_eq!(sizes(c.seating(1)), vec![5, 4]);
    assert_eq!(c.seating(1).tables().count(), 2);
    let later = c.join("Later");
    assert_eq!(c.table_of(1, later), Some(2), "then the smaller one");
}

#[test]
fn a_late_arrival_while_paused_is_seated_too() {
    let (mut c, _) = running(6);
    c.fac_ok(Command::PauseRound);
    let late = c.join("Late");
    assert!(c.table_of(1, late).is_some());
}

#[test]
fn a_late_arrival_between_rounds_is_placed_in_the_plan_only() {
    let (mut c, _) = running(6);
    c.end();
    let late = c.join("Late");
    assert!(c.plan().table_of(late).is_some());
    assert_eq!(c.table_of(1, late), None, "history is not rewritten");
    c.start();
    assert!(c.table_of(2, late).is_some());
}

// ---------------------------------------------------------------------------------------------
// Replay
// ---------------------------------------------------------------------------------------------

#[test]
fn replaying_a_whole_cafe_gives_the_same_state() {
    let mut c = TestCafe::standard();
    let people = c.join_orgs(&[Some("NHS"), Some("Council"), None, Some("nhs"), None, None]);
    c.fac_ok(Command::PlanNextRound);
    c.fac_ok(Command::MoveParticipant {
        participant_id: people[0],
        table: 2,
    });
    c.start();
    c.post_ok(people[1], "an idea");
    c.advance(MINUTE);
    c.fac_ok(Command::PauseRound);
    c.fac_ok(Command::AdjustTime { seconds: 30 });
    c.fac_ok(Command::ResumeRound);
    c.join("Late");
    c.as_p(people[2], Command::Leave).unwrap();
    c.advance(30 * MINUTE);
    c.deadline();
    c.fac_ok(Command::Broadcast {
        text: "Round 2 soon".into(),
        keep: false,
    });
    c.start();
    c.fac_ok(Command::OpenHarvest);
    assert_eq!(c.replayed(), c.cafe);
    assert_eq!(c.cafe.seq, c.log.len() as u64);
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

#[test]
fn a_phone_sees_only_its_table_its_table_mates_and_their_notes() {
    let (mut c, people) = running(12);
    let me = people[0];
    let my_table = c.table_of(1, me).unwrap();
    let mates: BTreeSet<_> = c.members(1, my_table).into_iter().collect();
    let other = *people
        .iter()
        .find(|p| c.table_of(1, **p) != Some(my_table))
        .unwrap();
    let mate = *mates.iter().find(|m| **m != me).unwrap();
    let mine = c.post_ok(mate, "our table");
    let theirs = c.post_ok(other, "their table");
    let deleted = c.post_ok(me, "gone");
    c.as_p(me, Command::DeleteNote { note_id: deleted })
        .unwrap();

    let phone = view::snapshot(&c.cafe, Viewer::Phone(me), &[me, other]);
    assert_eq!(phone.seating.len(), 1);
    assert_eq!(phone.seating[0].round, 1);
    assert!(!phone.seating[0].planned);
    assert_eq!(phone.seating[0].tables.len(), 1);
    assert_eq!(phone.seating[0].tables[0].table, my_table);
    let seen: BTreeSet<_> = phone
        .participants
        .iter()
        .map(|p| p.participant_id)
        .collect();
    assert_eq!(seen, mates);
    let notes: Vec<_> = phone.notes.iter().map(|n| n.note_id).collect();
    assert_eq!(notes, vec![mine]);
    assert!(phone.connected.is_empty(), "presence is for staff only");
    assert_eq!(phone.phase, c.cafe.phase);

    let staff = view::snapshot(&c.cafe, Viewer::Staff, &[me, other]);
    assert_eq!(staff.participants.len(), 12);
    assert_eq!(staff.seating.len(), 1);
    assert_eq!(staff.seating[0].tables.len(), 3);
    let notes: BTreeSet<_> = staff.notes.iter().map(|n| n.note_id).collect();
    assert_eq!(
        notes,
        BTreeSet::from([mine, theirs]),
        "deleted notes are hidden"
    );
    assert_eq!(staff.connected, vec![me, other]);
}

#[test]
fn between_rounds_a_phone_sees_its_last_table_and_its_planned_one() {
    let (mut c, people) = running(12);
    let me = people[3];
    c.end();
    let then = c.table_of(1, me).unwrap();
    let next = c.plan().table_of(me).unwrap();
    let phone = view::snapshot(&c.cafe, Viewer::Phone(me), &[]);
    let got: Vec<_> = phone
        .seating
        .iter()
        .map(|s| (s.round, s.planned, s.tables.len(), s.tables[0].table))
        .collect();
    assert_eq!(got, vec![(1, false, 1, then), (2, true, 1, next)]);
    let expected: BTreeSet<_> = c
        .members(1, then)
        .into_iter()
        .chain(c.plan().table(next).unwrap().members.iter().copied())
        .collect();
    let seen: BTreeSet<_> = phone
        .participants
        .iter()
        .map(|p| p.participant_id)
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_note_fans_out_to_staff_and_only_to_its_tables_phones() {
    let (mut c, people) = running(12);
    let author = people[0];
    let table = c.table_of(1, author).unwrap();
    c.post_ok(author, "for my table");
    let last = c.log.last().unwrap().event.clone();
    let f = view::fanout(&c.cafe, &last, &[]);
    assert!(f.everyone.is_none());
    let Some(Update::NotePosted { note }) = &f.staff else {
        panic!("staff get the note: {f:?}");
    };
    assert_eq!(note.text, "for my table");
    assert_eq!(note.author_name, "Person 0");
    assert_eq!(note.table, table);
    let phones = view::phones_of(&f);
    let members: std::collections::HashSet<_> = c.members(1, table).into_iter().collect();
    assert_eq!(phones, members);
    assert_eq!(f.phones.len(), members.len(), "one copy each");
    let outsider = *people
        .iter()
        .find(|p| c.table_of(1, **p) != Some(table))
        .unwrap();
    assert!(f.for_viewer(Viewer::Phone(outsider)).is_empty());
    assert_eq!(f.for_viewer(Viewer::Phone(author)).len(), 1);
    assert_eq!(f.for_viewer(Viewer::Staff).len(), 1);
}

#[test]
fn only_the_facilitator_hides_notes_and_a_repeat_changes_nothing() {
    let (mut c, people) = running(8);
    let author = people[0];
    let table = c.table_of(1, author).unwrap();
    let host = c.seating(1).table(table).unwrap().host.unwrap();
    let note = c.post_ok(author, "not for the projector");
    let hide = |hidden| Command::HideNote {
        note_id: note,
        hidden,
    };
    for actor in [
        Actor::Participant(author),
        Actor::Participant(host),
        Actor::Wall,
    ] {
        c.refused(
            Input::Command {
                actor,
                command: hide(true),
            },
            ErrorCode::Forbidden,
        );
    }
    let unknown = c.next_note_id();
    fac_refused(
        &mut c,
        Command::HideNote {
            note_id: unknown,
            hidden: true,
        },
        ErrorCode::NotFound,
    );
    assert_eq!(
        c.fac_ok(hide(true)),
        vec![Event::NoteHidden {
            note_id: note,
            hidden: true
        }]
    );
    assert!(c.cafe.note(note).unwrap().hidden);
    assert_eq!(c.fac_ok(hide(true)), vec![], "hiding twice is a duplicate");
    assert_eq!(
        c.fac_ok(hide(false)),
        vec![Event::NoteHidden {
            note_id: note,
            hidden: false
        }]
    );
    assert!(!c.cafe.note(note).unwrap().hidden);
    c.fac_ok(Command::DeleteNote { note_id: note });
    fac_refused(&mut c, hide(true), ErrorCode::NotFound);
}

#[test]
fn a_hidden_note_leaves_the_walls_and_stays_marked_for_the_facilitator_and_on_phones() {
    let (mut c, people) = running(8);
    let author = people[0];
    let note = c.post_ok(author, "names a colleague");
    let kept = c.post_ok(author, "fine for the wall");
    let hide = Event::NoteHidden {
        note_id: note,
        hidden: true,
    };
    c.fac_ok(Command::HideNote {
        note_id: note,
        hidden: true,
    });

    let f = view::fanout(&c.cafe, &hide, &[]);
    assert_eq!(
        f.for_viewer(Viewer::Staff),
        vec![&Update::NoteHidden {
            note_id: note,
            hidden: true
        }]
    );
    assert_eq!(
        f.for_viewer(Viewer::Wall),
        vec![&Update::NoteDeleted { note_id: note }]
    );
    assert!(f.for_viewer(Viewer::Phone(author)).is_empty());

    let ids = |cafe: &flamingo_protocol::CafeView| -> Vec<_> {
        cafe.notes.iter().map(|n| (n.note_id, n.hidden)).collect()
    };
    let wall = view::snapshot(&c.cafe, Viewer::Wall, &[]);
    assert_eq!(ids(&wall), vec![(kept, None)]);
    let staff = view::snapshot(&c.cafe, Viewer::Staff, &[]);
    assert_eq!(ids(&staff), vec![(note, Some(true)), (kept, None)]);
    let phone = view::snapshot(&c.cafe, Viewer::Phone(author), &[]);
    assert_eq!(ids(&phone), vec![(note, None), (kept, None)]);

    // An edit of a hidden note reaches the author's table and the facilitator, not the walls.
    c.as_p(
        author,
        Command::EditNote {
            note_id: note,
            text: "names nobody".into(),
        },
    )
    .unwrap();
    let edit = c.log.last().unwrap().event.clone();
    let f = view::fanout(&c.cafe, &edit, &[]);
    assert!(f.for_viewer(Viewer::Wall).is_empty());
    assert_eq!(f.for_viewer(Viewer::Staff).len(), 1);
    assert_eq!(f.for_viewer(Viewer::Phone(author)).len(), 1);

    // Putting it back sends the walls the note as it is now.
    c.fac_ok(Command::HideNote {
        note_id: note,
        hidden: false,
    });
    let show = c.log.last().unwrap().event.clone();
    let f = view::fanout(&c.cafe, &show, &[]);
    let [Update::NotePosted { note: back }] = f.for_viewer(Viewer::Wall)[..] else {
        panic!("walls get the note back: {f:?}");
    };
    assert_eq!(
        (back.note_id, back.text.as_str(), back.hidden),
        (note, "names nobody", None)
    );
    let wall = view::snapshot(&c.cafe, Viewer::Wall, &[]);
    assert_eq!(wall.notes.len(), 2);
}

#[test]
fn a_departure_tells_the_rest_of_the_table() {
    let (mut c, people) = running(12);
    let leaver = people[0];
    let table = c.table_of(1, leaver).unwrap();
    let event = Event::ParticipantLeft {
        participant_id: leaver,
        removed: false,
    };
    let touched = view::touched_before(&c.cafe, &event);
    assert_eq!(touched, vec![(1, table)]);
    c.as_p(leaver, Command::Leave).unwrap();
    let f = view::fanout(&c.cafe, &event, &touched);
    assert!(matches!(
        f.staff,
        Some(Update::ParticipantLeft { removed: false, .. })
    ));
    let told = view::phones_of(&f);
    let rest: std::collections::HashSet<_> = c.members(1, table).into_iter().collect();
    assert_eq!(told, rest);
    assert!(!told.contains(&leaver));
}

/// Live delivery numbers a phone's frames with `phone_frames`, a replay by position in
/// `for_viewer`: for a move into a table that has notes (a group of several frames for the
/// mover), the two must agree for every phone.
#[test]
fn live_parts_are_the_places_a_replay_gives() {
    let (mut c, people) = running(12);
    for p in &people {
        c.post_ok(*p, "round one");
    }
    let mover = people[0];
    let from = c.table_of(1, mover).unwrap();
    let to = (1..=3).find(|t| *t != from).unwrap();
    let input = Input::Command {
        actor: Actor::Facilitator,
        command: Command::MoveParticipant {
            participant_id: mover,
            table: to,
        },
    };
    let events = engine::decide(&c.cafe, &input, c.now).unwrap();
    let mut cafe = c.cafe.clone();
    let mut mover_groups = 0;
    for event in events {
        let touched = view::touched_before(&cafe, &event);
        cafe.apply(&Recorded {
            seq: cafe.seq + 1,
            at: c.now,
            event: event.clone(),
        });
        let f = view::fanout(&cafe, &event, &touched);
        let live: Vec<_> = f.phone_frames().collect();
        if live.iter().filter(|(p, _, _)| *p == mover).count() > 1 {
            mover_groups += 1;
        }
        for p in &people {
            let mine: Vec<(u32, &Update)> = live
                .iter()
                .filter(|(to, _, _)| to == p)
                .map(|(_, part, u)| (*part, *u))
                .collect();
            let replayed: Vec<(u32, &Update)> = (f.first_part()..)
                .zip(
                    f.for_viewer(Viewer::Phone(*p))
                        .into_iter()
                        .skip(f.first_part() as usize),
                )
                .collect();
            assert_eq!(mine, replayed, "the parts of {p}");
        }
    }
    assert!(
        mover_groups > 0,
        "the mover got its table and its notes in one group"
    );
}

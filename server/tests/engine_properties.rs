//! Property tests: random sequences of everything that can happen to a café, checked against
//! the engine's invariants after every step.

mod common;

use std::collections::{HashMap, HashSet};

use common::*;
use flamingo_protocol::{Command, ErrorCode, ParticipantId, TableNo};
use flamingo_server::engine::{self, Actor, Event, Input, Phase};
use flamingo_server::seating::table_count;
use proptest::prelude::*;

const ORGS: [&str; 4] = ["NHS", "Council", "Police", "College"];

#[derive(Debug, Clone)]
enum Op {
    Join {
        org: Option<u8>,
    },
    Leave(u8),
    Remove(u8),
    Move(u8, TableNo),
    SetHost(u8),
    Plan,
    Start,
    End,
    Pause,
    Resume,
    Adjust(i32),
    /// Advance the clock by this many seconds, then let the timer fire.
    Tick(u16),
    Post {
        who: u8,
        note: u8,
        round: Option<u8>,
        text: u8,
    },
    Edit {
        who: Option<u8>,
        note: u8,
    },
    Delete {
        who: Option<u8>,
        note: u8,
    },
    Broadcast,
    Harvest,
    Close,
    /// A facilitator command from a participant (`Some`) or the wall (`None`).
    Intrude {
        who: Option<u8>,
        command: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => proptest::option::weighted(0.8, 0u8..4).prop_map(|org| Op::Join { org }),
        2 => any::<u8>().prop_map(Op::Leave),
        1 => any::<u8>().prop_map(Op::Remove),
        3 => (any::<u8>(), 0u32..=9).prop_map(|(p, t)| Op::Move(p, t)),
        2 => any::<u8>().prop_map(Op::SetHost),
        2 => Just(Op::Plan),
        4 => Just(Op::Start),
        2 => Just(Op::End),
        1 => Just(Op::Pause),
        1 => Just(Op::Resume),
        1 => prop_oneof![-1_500i32..1_500, Just(0), Just(i32::MIN), Just(i32::MAX)]
            .prop_map(Op::Adjust),
        3 => (0u16..1_500).prop_map(Op::Tick),
        6 => (any::<u8>(), 0u8..40, proptest::option::of(0u8..8), 0u8..8)
            .prop_map(|(who, note, round, text)| Op::Post { who, note, round, text }),
        1 => (proptest::option::weighted(0.8, any::<u8>()), any::<u8>())
            .prop_map(|(who, note)| Op::Edit { who, note }),
        1 => (proptest::option::weighted(0.8, any::<u8>()), any::<u8>())
            .prop_map(|(who, note)| Op::Delete { who, note }),
        1 => Just(Op::Broadcast),
        1 => (proptest::option::of(any::<u8>()), 0u8..12)
            .prop_map(|(who, command)| Op::Intrude { who, command }),
        // Rare: both end the interesting part of a café.
        1 => prop_oneof![9 => Just(Op::Tick(0)), 1 => Just(Op::Harvest)],
        1 => prop_oneof![19 => Just(Op::Tick(1)), 1 => Just(Op::Close)],
    ]
}

#[derive(Debug, Clone)]
struct Config {
    rounds: usize,
    table_size: u32,
    physical: Option<u32>,
    minutes: u32,
    seed: u64,
    early: Vec<Option<u8>>,
}

fn config() -> impl Strategy<Value = Config> {
    (
        3usize..=6,
        3u32..=6,
        proptest::option::weighted(0.3, 1u32..=6),
        1u32..=3,
        any::<u64>(),
        proptest::collection::vec(proptest::option::weighted(0.7, 0u8..4), 0..=24),
    )
        .prop_map(
            |(rounds, table_size, physical, minutes, seed, early)| Config {
                rounds,
                table_size,
                physical,
                minutes,
                seed,
                early,
            },
        )
}

const TEXTS: [&str; 8] = [
    "an idea",
    "a longer thought\nover two lines",
    "   padded   ",
    "",
    "   ",
    "ünïcödé ✓",
    "bell\u{7}",
    "x",
];

struct Run {
    c: TestCafe,
    /// A facilitator pinned a seat or host in the plan since the last round started.
    pinned_since_start: bool,
}

impl Run {
    fn new(cfg: &Config) -> Self {
        let mut c = TestCafe::from_request(
            &request(Some(cfg.table_size), cfg.physical, cfg.rounds, cfg.minutes),
            cfg.seed,
        );
        c.check = false;
        Self {
            c,
            pinned_since_start: false,
        }
    }

    /// A participant by index, departed ones included; an unknown id when there is nobody.
    fn person(&self, i: u8) -> ParticipantId {
        let all = &self.c.cafe.participants;
        if all.is_empty() {
            pid(0xDEAD)
        } else {
            all[i as usize % all.len()].id
        }
    }

    fn note(&self, i: u8) -> flamingo_protocol::NoteId {
        let notes = &self.c.cafe.notes;
        if notes.is_empty() {
            nid(0xDEAD)
        } else {
            notes[i as usize % notes.len()].id
        }
    }

    fn actor(&self, who: Option<u8>) -> Actor {
        who.map_or(Actor::Facilitator, |w| Actor::Participant(self.person(w)))
    }

    fn facilitator_command(&self, i: u8, p: ParticipantId) -> Command {
        match i {
            0 => Command::PlanNextRound,
            1 => Command::StartRound,
            2 => Command::PauseRound,
            3 => Command::ResumeRound,
            4 => Command::AdjustTime { seconds: 60 },
            5 => Command::EndRound,
            6 => Command::Broadcast {
                text: "hi".into(),
                keep: false,
            },
            7 => Command::MoveParticipant {
                participant_id: p,
                table: 1,
            },
            8 => Command::SetHost { participant_id: p },
            9 => Command::RemoveParticipant { participant_id: p },
            10 => Command::OpenHarvest,
            _ => Command::CloseCafe,
        }
    }

    fn input(&mut self, op: &Op) -> Input {
        let fac = |command| Input::Command {
            actor: Actor::Facilitator,
            command,
        };
        match op {
            Op::Join { org } => {
                let org = org.map(|o| ORGS[o as usize]);
                self.c.join_input("Someone", org)
            }
            Op::Leave(i) => Input::Command {
                actor: Actor::Participant(self.person(*i)),
                command: Command::Leave,
            },
            Op::Remove(i) => fac(Command::RemoveParticipant {
                participant_id: self.person(*i),
            }),
            Op::Move(i, table) => fac(Command::MoveParticipant {
                participant_id: self.person(*i),
                table: *table,
            }),
            Op::SetHost(i) => fac(Command::SetHost {
                participant_id: self.person(*i),
            }),
            Op::Plan => fac(Command::PlanNextRound),
            Op::Start => fac(Command::StartRound),
            Op::End => fac(Command::EndRound),
            Op::Pause => fac(Command::PauseRound),
            Op::Resume => fac(Command::ResumeRound),
            Op::Adjust(seconds) => fac(Command::AdjustTime { seconds: *seconds }),
            Op::Tick(seconds) => {
                self.c.advance(i64::from(*seconds) * 1000);
                Input::Deadline
            }
            Op::Post {
                who,
                note,
                round,
                text,
            } => Input::Command {
                actor: Actor::Participant(self.person(*who)),
                command: Command::PostNote {
                    note_id: nid(u128::from(*note)),
                    text: TEXTS[*text as usize].into(),
                    round: round.map(u32::from),
                },
            },
            Op::Edit { who, note } => Input::Command {
                actor: self.actor(*who),
                command: Command::EditNote {
                    note_id: self.note(*note),
                    text: format!("edited {note}"),
                },
            },
            Op::Delete { who, note } => Input::Command {
                actor: self.actor(*who),
                command: Command::DeleteNote {
                    note_id: self.note(*note),
                },
            },
            Op::Broadcast => fac(Command::Broadcast {
                text: "Five minutes left".into(),
                keep: false,
            }),
            Op::Harvest => fac(Command::OpenHarvest),
            Op::Close => fac(Command::CloseCafe),
            Op::Intrude { who, command } => {
                let p = self.person(0);
                Input::Command {
                    actor: who.map_or(Actor::Wall, |w| Actor::Participant(self.person(w))),
                    command: self.facilitator_command(*command, p),
                }
            }
        }
    }

    /// One step: decide, apply, check everything.
    fn step(&mut self, op: &Op) -> Result<(), TestCaseError> {
        let input = self.input(op);
        let before = self.c.cafe.clone();
        let seq = self.c.seq;
        if let Input::Command {
            command: Command::StartRound | Command::PlanNextRound,
            ..
        } = &input
        {
            // The server plans ahead while the room waits: that plan must decide exactly what
            // planning at the command does.
            let ahead = engine::plan_ahead(&before);
            prop_assert_eq!(
                engine::decide_with(&before, &input, self.c.now, ahead.as_ref()),
                engine::decide(&before, &input, self.c.now)
            );
        }
        let result = self.c.run(input.clone());
        let cafe = &self.c.cafe;
        let events = match result {
            Err(e) => {
                prop_assert_eq!(self.c.seq, seq, "a refusal records nothing");
                prop_assert!(cafe == &before, "a refusal changes nothing");
                if let Op::Intrude { .. } = op {
                    prop_assert_eq!(e.code(), ErrorCode::Forbidden);
                }
                return Ok(());
            }
            Ok(events) => events,
        };
        prop_assert!(
            !matches!(op, Op::Intrude { .. }),
            "a facilitator command from {:?} was accepted: {:?}",
            input,
            events
        );

        // The log: one sequence number per event, no gaps.
        prop_assert_eq!(self.c.seq, seq + events.len() as u64);
        prop_assert_eq!(cafe.seq, self.c.seq);
        for (i, r) in self.c.log.iter().enumerate() {
            prop_assert_eq!(r.seq, i as u64 + 1);
        }

        // Structure: seatings consistent, hosts are members, only present people seated.
        check_structure(cafe)
            .map_err(|e| TestCaseError::fail(format!("after {input:?} -> {events:?}: {e}")))?;

        // Replaying the log from scratch gives the live state.
        prop_assert!(
            self.c.replayed() == *cafe,
            "replay differs after {:?}",
            input
        );

        let current_before = before.current_round();
        for event in &events {
            match event {
                Event::ParticipantSeated {
                    round,
                    pinned: true,
                    ..
                }
                | Event::HostChanged {
                    round,
                    pinned: true,
                    ..
                } if *round > current_before => self.pinned_since_start = true,
                Event::RoundStarted { round, .. } => {
                    let pinned = std::mem::take(&mut self.pinned_since_start);
                    if !pinned {
                        self.check_round_start(*round)?;
                    }
                }
                _ => {}
            }
        }

        match (op, &before.phase) {
            (Op::Join { .. }, Phase::Running { round, .. } | Phase::Paused { round, .. }) => {
                self.check_late_arrival(&before, *round, &input)?;
            }
            (
                Op::Leave(_) | Op::Remove(_),
                Phase::Running { round, .. } | Phase::Paused { round, .. },
            ) => {
                self.check_nobody_else_moved(&before, *round, &events)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Right after a round starts without pins: balanced tables, and hosts who stayed.
    fn check_round_start(&self, round: u32) -> Result<(), TestCaseError> {
        let cafe = &self.c.cafe;
        let s = cafe.seating(round).expect("started round has a seating");
        let present = present(cafe);
        let n = present.len();
        let k = table_count(n, cafe.table_size, cafe.physical_tables);
        let sz = sizes(s);
        prop_assert_eq!(
            sz.len(),
            k,
            "round {} tables {:?} for {} people",
            round,
            sz,
            n
        );
        prop_assert!(within_one(&sz), "round {} sizes {:?}", round, sz);
        let room_full = cafe.physical_tables.is_some_and(|p| k >= p as usize);
        if !room_full {
            prop_assert!(
                sz.iter().all(|x| *x <= cafe.table_size as usize),
                "round {} sizes {:?} over {}",
                round,
                sz,
                cafe.table_size
            );
        }
        if round >= 2 {
            let prev = cafe.seating(round - 1).expect("previous round");
            for t in s.tables() {
                let Some(was) = prev.table(t.table) else {
                    continue;
                };
                let stayers: Vec<_> = was.members.iter().filter(|m| present.contains(m)).collect();
                if !stayers.is_empty() {
                    prop_assert!(
                        t.host.is_some_and(|h| was.members.contains(&h)),
                        "round {} table {}: host {:?} did not sit there in round {} \
                         although {:?} did and are here",
                        round,
                        t.table,
                        t.host,
                        round - 1,
                        stayers
                    );
                }
            }
        }
        Ok(())
    }

    /// A late arrival gets a seat at once, at the smallest table (or a new one when all are
    /// full and the room allows).
    fn check_late_arrival(
        &self,
        before: &flamingo_server::engine::Cafe,
        round: u32,
        input: &Input,
    ) -> Result<(), TestCaseError> {
        let Input::Join { participant_id, .. } = input else {
            return Ok(());
        };
        let was = before.seating(round).expect("running seating");
        let now = self.c.seating(round);
        let table = now.table_of(*participant_id);
        prop_assert!(table.is_some(), "late arrival not seated");
        let table = table.unwrap();
        let smallest = was.tables().map(|t| t.members.len()).min();
        let all_full = was
            .tables()
            .all(|t| t.members.len() >= before.table_size as usize);
        let may_open = before
            .physical_tables
            .is_none_or(|p| was.tables().count() < p as usize);
        match was.table(table) {
            Some(t) => {
                prop_assert!(!(all_full && may_open), "should have opened a table");
                prop_assert_eq!(Some(t.members.len()), smallest);
            }
            None => {
                prop_assert!(all_full && may_open, "opened a table needlessly");
                prop_assert_eq!(now.table(table).unwrap().host, Some(*participant_id));
            }
        }
        Ok(())
    }

    /// A departure mid-round moves nobody else and hands a hosted table on.
    fn check_nobody_else_moved(
        &self,
        before: &flamingo_server::engine::Cafe,
        round: u32,
        events: &[Event],
    ) -> Result<(), TestCaseError> {
        let Some(Event::ParticipantLeft { participant_id, .. }) = events.first() else {
            return Ok(());
        };
        let was = before.seating(round).expect("running seating");
        let now = self.c.seating(round);
        let others =
            |s: &flamingo_server::engine::state::Seating| -> HashMap<ParticipantId, TableNo> {
                s.seats()
                    .iter()
                    .filter(|(p, _)| *p != participant_id)
                    .map(|(p, t)| (*p, *t))
                    .collect()
            };
        prop_assert_eq!(others(was), others(now), "someone else moved");
        prop_assert_eq!(now.table_of(*participant_id), None);
        // Hosts of other tables are unchanged.
        for t in now.tables() {
            if was.table(t.table).and_then(|w| w.host) != Some(*participant_id) {
                prop_assert_eq!(t.host, was.table(t.table).and_then(|w| w.host));
            }
        }
        Ok(())
    }
}

fn run_ops(cfg: &Config, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut run = Run::new(cfg);
    for org in &cfg.early {
        run.step(&Op::Join { org: *org })?;
    }
    for op in ops {
        run.step(op)?;
    }
    Ok(())
}

proptest! {
    // 96 cases keep the file at a few seconds in debug; PROPTEST_CASES=5000 digs deeper.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(96),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_cafes_keep_every_invariant(
        cfg in config(),
        ops in proptest::collection::vec(op(), 1..70),
    ) {
        run_ops(&cfg, &ops)?;
    }

    /// A café that runs all its rounds with people coming and going, without manual moves:
    /// every round must start balanced with hosts who stayed.
    #[test]
    fn cafes_without_manual_moves_start_every_round_balanced(
        cfg in config(),
        churn in proptest::collection::vec(
            prop_oneof![
                3 => proptest::option::weighted(0.7, 0u8..4).prop_map(|org| Op::Join { org }),
                2 => any::<u8>().prop_map(Op::Leave),
                1 => any::<u8>().prop_map(Op::Remove),
                1 => (0u16..200).prop_map(Op::Tick),
                1 => Just(Op::Plan),
            ],
            0..40,
        ),
    ) {
        let mut run = Run::new(&cfg);
        for org in &cfg.early {
            run.step(&Op::Join { org: *org })?;
        }
        let per_round = churn.len() / cfg.rounds + 1;
        let mut churn = churn.chunks(per_round);
        for _ in 0..cfg.rounds {
            // Changes between rounds (to the plan), then during the round.
            for op in churn.next().unwrap_or_default() {
                run.step(op)?;
            }
            run.step(&Op::Start)?;
            prop_assert!(
                matches!(run.c.cafe.phase, Phase::Running { .. }),
                "not running: {:?}",
                run.c.cafe.phase
            );
            for op in churn.next().unwrap_or_default() {
                run.step(op)?;
            }
            run.step(&Op::Tick(u16::try_from(cfg.minutes * 60).unwrap()))?;
            prop_assert!(
                matches!(run.c.cafe.phase, Phase::BetweenRounds { .. }),
                "not between rounds: {:?}",
                run.c.cafe.phase
            );
        }
        prop_assert_eq!(run.c.cafe.current_round() as usize, cfg.rounds);
        prop_assert!(run.c.cafe.plan.is_none());
    }

    /// `decide` never panics, whatever the input and the clock.
    #[test]
    fn decide_never_panics_on_odd_inputs(
        cfg in config(),
        ops in proptest::collection::vec(op(), 0..30),
        // Any time from 1970 to 2100, including ones before the café's last event.
        now in 0i64..4_102_444_800_000,
        seconds in any::<i32>(),
        table in any::<u32>(),
        round in any::<u32>(),
        name in "\\PC{0,100}",
    ) {
        let mut run = Run::new(&cfg);
        for org in &cfg.early {
            run.step(&Op::Join { org: *org })?;
        }
        for op in &ops {
            run.step(op)?;
        }
        let p = run.person(0);
        let cafe = &run.c.cafe;
        let odd = [
            Input::Deadline,
            Input::Command { actor: Actor::Facilitator, command: Command::AdjustTime { seconds } },
            Input::Command {
                actor: Actor::Facilitator,
                command: Command::MoveParticipant { participant_id: p, table },
            },
            Input::Command {
                actor: Actor::Participant(p),
                command: Command::PostNote { note_id: nid(1), text: name.clone(), round: Some(round) },
            },
            Input::Join {
                participant_id: pid(0xFFFF),
                name: name.clone(),
                organisation: Some(name.clone()),
                role: Some(name.clone()),
                token_hash: String::new(),
            },
        ];
        for input in &odd {
            let _ = flamingo_server::engine::decide(cafe, input, now);
        }
    }
}

#[test]
fn the_generators_reach_late_rounds() {
    // Guard against a generator that never gets past round 1: a fixed café, many starts.
    let cfg = Config {
        rounds: 3,
        table_size: 4,
        physical: None,
        minutes: 1,
        seed: 9,
        early: vec![
            Some(0),
            Some(1),
            None,
            Some(2),
            Some(3),
            None,
            Some(0),
            Some(1),
            None,
        ],
    };
    let ops = [
        Op::Start,
        Op::Tick(60),
        Op::Start,
        Op::Tick(60),
        Op::Start,
        Op::Tick(60),
    ];
    let mut run = Run::new(&cfg);
    for org in &cfg.early {
        run.step(&Op::Join { org: *org }).unwrap();
    }
    for op in &ops {
        run.step(op).unwrap();
    }
    assert_eq!(run.c.cafe.current_round(), 3);
    let present: HashSet<_> = present(&run.c.cafe);
    assert_eq!(present.len(), 9);
}

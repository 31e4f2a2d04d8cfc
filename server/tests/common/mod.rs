//! A small harness for driving the pure café engine the way the server does: `decide`, then
//! wrap each event in a `Recorded` with the next sequence number and the fake clock's time,
//! then `apply` it. Shared by the engine and property tests.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use flamingo_protocol::{
    Command, CreateCafeRequest, ErrorCode, Millis, NoteId, ParticipantId, RoundNo, RoundSpec, Seq,
    TableNo,
};
use flamingo_server::engine::state::Seating;
use flamingo_server::engine::{
    self, Actor, Cafe, EngineError, Event, Input, NewCafe, Phase, Recorded,
};
use uuid::Uuid;

/// A fixed start time, so that tests read well: 2023-11-14T22:13:20Z.
pub const T0: Millis = 1_700_000_000_000;
pub const MINUTE: Millis = 60_000;

/// A participant id that is easy to recognise in a failure message.
pub fn pid(n: u128) -> ParticipantId {
    Uuid::from_u128(0xAAAA_0000_0000_0000_0000_0000_0000_0000 | n)
}

/// A note id that is easy to recognise in a failure message.
pub fn nid(n: u128) -> NoteId {
    Uuid::from_u128(0xBBBB_0000_0000_0000_0000_0000_0000_0000 | n)
}

pub fn rounds(n: usize, minutes: u32) -> Vec<RoundSpec> {
    (1..=n)
        .map(|i| RoundSpec {
            question: format!("Question {i}?"),
            minutes,
        })
        .collect()
}

pub fn request(
    table_size: Option<u32>,
    tables: Option<u32>,
    round_count: usize,
    minutes: u32,
) -> CreateCafeRequest {
    CreateCafeRequest {
        title: "Flight of the Flamingos".into(),
        table_size,
        tables,
        rounds: rounds(round_count, minutes),
    }
}

pub fn new_cafe(seed: u64) -> NewCafe {
    NewCafe {
        cafe_id: Uuid::from_u128(0xCAFE),
        join_code: "FLAMINGO".into(),
        facilitator_key_hash: "key-hash".into(),
        seed,
    }
}

/// The error code of a refused input, or a panic saying what happened instead.
pub fn code(result: Result<Vec<Event>, EngineError>) -> ErrorCode {
    match result {
        Err(e) => e.code(),
        Ok(events) => panic!("expected a refusal, got {events:?}"),
    }
}

/// A café plus its log, sequence and a fake clock.
pub struct TestCafe {
    pub cafe: Cafe,
    pub log: Vec<Recorded>,
    pub seq: Seq,
    pub now: Millis,
    next_participant: u128,
    next_note: u128,
    /// Check the structural invariants after every applied batch.
    pub check: bool,
}

impl TestCafe {
    pub fn from_request(req: &CreateCafeRequest, seed: u64) -> Self {
        let event = engine::create(req, new_cafe(seed)).expect("valid café");
        let first = Recorded {
            seq: 1,
            at: T0,
            event,
        };
        let cafe = Cafe::from_created(&first).expect("first event is CafeCreated");
        Self {
            cafe,
            log: vec![first],
            seq: 1,
            now: T0,
            next_participant: 0,
            next_note: 0,
            check: true,
        }
    }

    /// A café with `round_count` rounds of `minutes` minutes each.
    pub fn new(table_size: u32, physical: Option<u32>, round_count: usize, minutes: u32) -> Self {
        Self::from_request(
            &request(Some(table_size), physical, round_count, minutes),
            42,
        )
    }

    /// Four to a table, no room limit, three rounds of 20 minutes.
    pub fn standard() -> Self {
        Self::new(4, None, 3, 20)
    }

    /// Decides `input` now; on success records and applies every event, as the server does.
    pub fn run(&mut self, input: Input) -> Result<Vec<Event>, EngineError> {
        let events = engine::decide(&self.cafe, &input, self.now)?;
        for event in &events {
            self.seq += 1;
            let r = Recorded {
                seq: self.seq,
                at: self.now,
                event: event.clone(),
            };
            self.cafe.apply(&r);
            self.log.push(r);
        }
        if self.check
            && let Err(e) = check_structure(&self.cafe)
        {
            panic!("invariant broken after {input:?} -> {events:?}: {e}");
        }
        Ok(events)
    }

    /// Runs `input` and asserts that it is refused with `expected` and changes nothing.
    pub fn refused(&mut self, input: Input, expected: ErrorCode) {
        let before = self.cafe.clone();
        let seq = self.seq;
        let result = self.run(input.clone());
        match result {
            Err(e) => assert_eq!(e.code(), expected, "{input:?} refused with {e:?}"),
            Ok(events) => panic!("{input:?} should be refused with {expected:?}, got {events:?}"),
        }
        assert_eq!(self.seq, seq, "a refusal records nothing");
        assert_eq!(self.cafe, before, "a refusal changes nothing");
    }

    pub fn cmd(&mut self, actor: Actor, command: Command) -> Result<Vec<Event>, EngineError> {
        self.run(Input::Command { actor, command })
    }

    pub fn fac(&mut self, command: Command) -> Result<Vec<Event>, EngineError> {
        self.cmd(Actor::Facilitator, command)
    }

    /// A facilitator command that must succeed.
    pub fn fac_ok(&mut self, command: Command) -> Vec<Event> {
        let name = command.name();
        self.fac(command)
            .unwrap_or_else(|e| panic!("{name} refused: {e:?}"))
    }

    pub fn as_p(&mut self, p: ParticipantId, command: Command) -> Result<Vec<Event>, EngineError> {
        self.cmd(Actor::Participant(p), command)
    }

    pub fn join_input(&mut self, name: &str, organisation: Option<&str>) -> Input {
        self.next_participant += 1;
        Input::Join {
            participant_id: pid(self.next_participant),
            name: name.into(),
            organisation: organisation.map(Into::into),
            role: None,
            token_hash: format!("token-{}", self.next_participant),
        }
    }

    /// Joins one participant, who must be admitted.
    pub fn join_org(&mut self, name: &str, organisation: Option<&str>) -> ParticipantId {
        let input = self.join_input(name, organisation);
        let Input::Join { participant_id, .. } = input else {
            unreachable!()
        };
        self.run(input)
            .unwrap_or_else(|e| panic!("join of {name} refused: {e:?}"));
        participant_id
    }

    pub fn join(&mut self, name: &str) -> ParticipantId {
        self.join_org(name, None)
    }

    pub fn join_n(&mut self, n: usize) -> Vec<ParticipantId> {
        (0..n).map(|i| self.join(&format!("Person {i}"))).collect()
    }

    /// Joins one participant per entry, with that organisation.
    pub fn join_orgs(&mut self, organisations: &[Option<&str>]) -> Vec<ParticipantId> {
        organisations
            .iter()
            .enumerate()
            .map(|(i, o)| self.join_org(&format!("Person {i}"), *o))
            .collect()
    }

    pub fn advance(&mut self, ms: Millis) {
        self.now += ms;
    }

    pub fn deadline(&mut self) -> Vec<Event> {
        self.run(Input::Deadline).expect("deadline never fails")
    }

    pub fn start(&mut self) -> Vec<Event> {
        self.fac_ok(Command::StartRound)
    }

    pub fn end(&mut self) -> Vec<Event> {
        self.fac_ok(Command::EndRound)
    }

    pub fn next_note_id(&mut self) -> NoteId {
        self.next_note += 1;
        nid(self.next_note)
    }

    pub fn post(&mut self, p: ParticipantId, text: &str) -> Result<Vec<Event>, EngineError> {
        let note_id = self.next_note_id();
        self.post_id(p, note_id, text, None)
    }

    pub fn post_id(
        &mut self,
        p: ParticipantId,
        note_id: NoteId,
        text: &str,
        round: Option<RoundNo>,
    ) -> Result<Vec<Event>, EngineError> {
        self.as_p(
            p,
            Command::PostNote {
                note_id,
                text: text.into(),
                round,
            },
        )
    }

    /// Posts a note that must be accepted; returns its id.
    pub fn post_ok(&mut self, p: ParticipantId, text: &str) -> NoteId {
        let note_id = self.next_note_id();
        let events = self
            .post_id(p, note_id, text, None)
            .unwrap_or_else(|e| panic!("note refused: {e:?}"));
        assert_eq!(events.len(), 1);
        note_id
    }

    pub fn seating(&self, round: RoundNo) -> &Seating {
        self.cafe
            .seating(round)
            .unwrap_or_else(|| panic!("no seating for round {round}"))
    }

    pub fn plan(&self) -> &Seating {
        self.cafe.plan.as_ref().expect("a plan")
    }

    pub fn table_of(&self, round: RoundNo, p: ParticipantId) -> Option<TableNo> {
        self.cafe.seating(round).and_then(|s| s.table_of(p))
    }

    pub fn host_of(&self, round: RoundNo, table: TableNo) -> Option<ParticipantId> {
        self.cafe
            .seating(round)
            .and_then(|s| s.table(table))
            .and_then(|t| t.host)
    }

    pub fn members(&self, round: RoundNo, table: TableNo) -> Vec<ParticipantId> {
        self.cafe
            .seating(round)
            .and_then(|s| s.table(table))
            .map(|t| t.members.clone())
            .unwrap_or_default()
    }

    /// The running (or paused) round.
    pub fn running_round(&self) -> RoundNo {
        match self.cafe.phase {
            Phase::Running { round, .. } | Phase::Paused { round, .. } => round,
            ref other => panic!("no round is running: {other:?}"),
        }
    }

    pub fn ends_at(&self) -> Millis {
        match self.cafe.phase {
            Phase::Running { ends_at, .. } => ends_at,
            ref other => panic!("not running: {other:?}"),
        }
    }

    /// The café rebuilt from its log.
    pub fn replayed(&self) -> Cafe {
        Cafe::replay(self.log.iter()).expect("a log that starts with CafeCreated")
    }
}

/// Table sizes of a seating, in table order.
pub fn sizes(s: &Seating) -> Vec<usize> {
    s.tables().map(|t| t.members.len()).collect()
}

/// Whether sizes differ by at most one.
pub fn within_one(sizes: &[usize]) -> bool {
    match (sizes.iter().min(), sizes.iter().max()) {
        (Some(a), Some(b)) => b - a <= 1,
        _ => true,
    }
}

/// The participant ids present now.
pub fn present(cafe: &Cafe) -> HashSet<ParticipantId> {
    cafe.present().map(|p| p.id).collect()
}

/// One seating's own consistency: nobody at two tables, the index agrees with the tables, no
/// empty tables, each table's number matches its key, and exactly one host who is a member.
pub fn check_seating(s: &Seating) -> Result<(), String> {
    let mut seen: HashMap<ParticipantId, TableNo> = HashMap::new();
    for t in s.tables() {
        if t.members.is_empty() {
            return Err(format!("round {} table {} is empty", s.round, t.table));
        }
        for m in &t.members {
            if let Some(other) = seen.insert(*m, t.table) {
                return Err(format!(
                    "round {}: {m} sits at tables {other} and {}",
                    s.round, t.table
                ));
            }
            if s.table_of(*m) != Some(t.table) {
                return Err(format!(
                    "round {}: index puts {m} at {:?}, table list at {}",
                    s.round,
                    s.table_of(*m),
                    t.table
                ));
            }
        }
        match t.host {
            Some(h) if t.members.contains(&h) => {}
            other => {
                return Err(format!(
                    "round {} table {} has host {other:?}, not one of {:?}",
                    s.round, t.table, t.members
                ));
            }
        }
        if s.table(t.table).map(|x| x.table) != Some(t.table) {
            return Err(format!("round {} table {} misfiled", s.round, t.table));
        }
    }
    if seen.len() != s.seats().len() {
        return Err(format!(
            "round {}: index has {} seats, tables have {}",
            s.round,
            s.seats().len(),
            seen.len()
        ));
    }
    Ok(())
}

/// The invariants that hold after every event: every seating is consistent; rounds are
/// numbered in order; only present people sit in the running round and the plan; during a
/// running round every present participant has a seat in it.
pub fn check_structure(cafe: &Cafe) -> Result<(), String> {
    for (i, s) in cafe.rounds_started.iter().enumerate() {
        if s.round as usize != i + 1 {
            return Err(format!("rounds_started[{i}] is round {}", s.round));
        }
        check_seating(s)?;
    }
    let present = present(cafe);
    if let Some(plan) = &cafe.plan {
        check_seating(plan)?;
        if plan.round != cafe.current_round() + 1 {
            return Err(format!(
                "plan is for round {} after {} started",
                plan.round,
                cafe.current_round()
            ));
        }
        if let Some(p) = plan.seats().keys().find(|p| !present.contains(p)) {
            return Err(format!("{p} is in the plan but not present"));
        }
    }
    match cafe.phase {
        Phase::Running { round, .. } | Phase::Paused { round, .. } => {
            if round != cafe.current_round() {
                return Err(format!(
                    "phase says round {round}, {} started",
                    cafe.current_round()
                ));
            }
            if cafe.plan.is_some() {
                return Err("a plan exists while a round runs".into());
            }
            let s = cafe
                .seating(round)
                .ok_or("no seating for the running round")?;
            let seated: HashSet<ParticipantId> = s.seats().keys().copied().collect();
            if seated != present {
                return Err(format!(
                    "running round seats {seated:?}, present are {present:?}"
                ));
            }
        }
        Phase::BetweenRounds { last_round } => {
            if last_round != cafe.current_round() {
                return Err(format!(
                    "between rounds after {last_round}, but {} started",
                    cafe.current_round()
                ));
            }
        }
        Phase::Lobby => {
            if cafe.current_round() != 0 {
                return Err("lobby after a round started".into());
            }
        }
        Phase::Harvest | Phase::Closed => {
            if cafe.plan.is_some() {
                return Err("a plan after the rounds".into());
            }
        }
    }
    Ok(())
}

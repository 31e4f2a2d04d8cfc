//! The café engine driven by arbitrary sequences of everything that can happen to a café:
//! joins (fresh ids and colliding ones), every command from every kind of actor (facilitator,
//! wall, present, departed and unknown participants), the round timer with clock advances,
//! notes with arbitrary text, fresh ids and ids from a small pool.
//!
//! Each step runs the way the café owner (`server/src/cafe/actor.rs`) runs it: `decide`, then
//! every event gets the next sequence number, `touched_before`, `apply`, `fanout`. After each
//! step the invariants are checked and any break panics; at the end the log, replayed from
//! scratch and also after a JSON round trip (the log is stored as JSON), must give the live
//! state. Anything else that panics (an overflow, an index out of bounds, an `expect`) is a bug.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

use flamingo_protocol::{Command, CreateCafeRequest, Millis, NoteId, ParticipantId, RoundSpec};
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::engine::{self, Actor, Cafe, Event, Input, NewCafe, Phase, Recorded};
use uuid::Uuid;

// The structural invariants of the engine tests (one table per person, one host per table who
// is a member, only present people seated, the running round seats everyone present, ...),
// shared verbatim so that the fuzzer and the tests check the same thing.
#[path = "../../server/tests/common/mod.rs"]
mod common;

/// 2023-11-14T22:13:20Z, as in the engine tests.
const T0: Millis = 1_700_000_000_000;

/// The whole input: how the café is created, then what happens to it.
///
/// Decoded by hand rather than derived: a derived enum spends four bytes on every variant tag,
/// and a café needs dozens of steps before it gets interesting. Here a tag is one byte, and the
/// byte ranges weight the steps (facilitator commands and notes often, snapshots rarely).
#[derive(Debug)]
struct Scenario {
    create: Create,
    steps: Vec<Step>,
}

/// How the café is made: the facilitator's form as typed, if given, is tried first (to exercise
/// `engine::create`'s checks); if there is none or it is refused, the small numbers below are
/// folded into the valid ranges, so that every input drives a café.
#[derive(Debug)]
struct Create {
    form: Option<Form>,
    table_size: u8,
    tables: Option<u8>,
    rounds: u8,
    minutes: u8,
    seed: u16,
}

#[derive(Debug, Arbitrary)]
struct Form {
    title: String,
    table_size: Option<u32>,
    tables: Option<u32>,
    rounds: Vec<(String, u32)>,
}

#[derive(Debug)]
enum Step {
    /// A new participant. `id: None` takes a fresh id; `Some(n)` takes id n of a small pool,
    /// which may already be in use.
    Join {
        id: Option<u8>,
        name: Text,
        organisation: Option<Text>,
        role: Option<Text>,
    },
    /// Up to 24 people with fresh ids and good names arrive one after the other (a café fills
    /// up without spending the fuzzer's bytes on every join).
    Crowd {
        count: u8,
        organisations: u8,
    },
    Command {
        actor: Who,
        command: Cmd,
    },
    /// The clock moves on; `fire` lets the round timer fire (`Input::Deadline`) afterwards.
    Tick {
        seconds: u16,
        millis: u16,
        fire: bool,
    },
    /// What a (re)connecting client would get: exercises `view::snapshot`.
    Snapshot {
        who: Option<Person>,
    },
}

/// Who sends a command.
#[derive(Debug, Clone, Copy)]
enum Who {
    Facilitator,
    Wall,
    Participant(Person),
}

/// A participant: one who joined (present or not), picked by index, or any id of the pool
/// (possibly nobody's).
#[derive(Debug, Clone, Copy)]
enum Person {
    Joined(u8),
    Pool(u8),
}

#[derive(Debug, Clone, Copy)]
enum NoteRef {
    /// A new id, as a phone makes for every note.
    Fresh,
    /// An existing note, by index (deleted ones included).
    Existing(u8),
    /// Any id of a small pool, existing or not.
    Pool(u8),
}

#[derive(Debug, Clone, Copy)]
enum Table {
    Small(u8),
    Any(u32),
}

/// Text a person types: one of a few samples (valid and not), anything, or a long run of one
/// character (to cross the limits).
#[derive(Debug, Clone)]
enum Text {
    Sample(u8),
    Typed(String),
    Long(char, u16),
}

const SAMPLES: [&str; 14] = [
    "Ana Silva",
    "an idea",
    "a longer thought\nover two lines",
    "   padded   ",
    "",
    "   ",
    "ünïcödé ✓ 🦩",
    "bell\u{7}",
    "x",
    "<script>alert(1)</script>",
    "NHS",
    "council",
    "Council",
    "tab\there",
];

const ORGANISATIONS: [Option<&str>; 5] =
    [None, Some("NHS"), Some("Council"), Some("Police"), Some("")];

#[derive(Debug)]
enum Cmd {
    PlanNextRound,
    StartRound,
    PauseRound,
    ResumeRound,
    AdjustTime(i32),
    EndRound,
    Broadcast(Text),
    MoveParticipant(Person, Table),
    SetHost(Person),
    RemoveParticipant(Person),
    OpenHarvest,
    CloseCafe,
    PostNote {
        note: NoteRef,
        text: Text,
        round: Option<u32>,
    },
    EditNote(NoteRef, Text),
    DeleteNote(NoteRef),
    Leave,
}

impl Cmd {
    /// A participant's own command (notes, leaving), as opposed to the facilitator's.
    fn is_participants(&self) -> bool {
        matches!(
            self,
            Cmd::PostNote { .. } | Cmd::EditNote(..) | Cmd::DeleteNote(_) | Cmd::Leave
        )
    }
}

type U<'a, 'b> = &'b mut Unstructured<'a>;

impl Person {
    fn decode(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(if b < 224 {
            Person::Joined(b)
        } else {
            Person::Pool(b - 224)
        })
    }
}

impl NoteRef {
    /// For a new note: mostly a fresh id, sometimes one that may be taken (a resend, or a
    /// collision with someone else's note).
    fn decode_new(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(match b {
            0..=159 => NoteRef::Fresh,
            160..=207 => NoteRef::Pool(b - 160),
            _ => NoteRef::Existing(b),
        })
    }

    fn decode(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(if b < 192 {
            NoteRef::Existing(b)
        } else {
            NoteRef::Pool(b - 192)
        })
    }
}

impl Text {
    fn decode(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(match b {
            0..=199 => Text::Sample(b),
            200..=243 => Text::Typed(String::arbitrary(u)?),
            _ => Text::Long(char::arbitrary(u)?, u16::arbitrary(u)?),
        })
    }

    fn decode_optional(u: U) -> arbitrary::Result<Option<Self>> {
        Ok(if u8::arbitrary(u)? < 128 {
            None
        } else {
            Some(Self::decode(u)?)
        })
    }
}

impl Who {
    /// Mostly the right actor for the command; sometimes the wrong one.
    fn decode(u: U, cmd: &Cmd) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        let right = if cmd.is_participants() {
            b >= 24
        } else {
            b < 232
        };
        Ok(match (right, cmd.is_participants(), b % 2) {
            (true, false, _) | (false, true, 0) => Who::Facilitator,
            (false, _, 1) if b % 3 == 0 => Who::Wall,
            _ => Who::Participant(Person::decode(u)?),
        })
    }
}

impl Cmd {
    fn decode(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(match b % 64 {
            0..=2 => Cmd::PlanNextRound,
            3..=8 => Cmd::StartRound,
            9 | 10 => Cmd::PauseRound,
            11 | 12 => Cmd::ResumeRound,
            13 | 14 => Cmd::AdjustTime(match u8::arbitrary(u)? {
                m @ 0..=239 => (i32::from(m) - 120) * 30,
                _ => i32::arbitrary(u)?,
            }),
            15..=18 => Cmd::EndRound,
            19 | 20 => Cmd::Broadcast(Text::decode(u)?),
            21..=26 => Cmd::MoveParticipant(
                Person::decode(u)?,
                match u8::arbitrary(u)? {
                    t @ 0..=239 => Table::Small(t % 12),
                    _ => Table::Any(u32::arbitrary(u)?),
                },
            ),
            27..=30 => Cmd::SetHost(Person::decode(u)?),
            31..=33 => Cmd::RemoveParticipant(Person::decode(u)?),
            // Both end the interesting part of a café, so they are rare: one slot in 64, and
            // then one time in five.
            34 | 35 if u8::arbitrary(u)? >= 52 => Cmd::EndRound,
            34 => Cmd::OpenHarvest,
            35 => Cmd::CloseCafe,
            36..=49 => Cmd::PostNote {
                note: NoteRef::decode_new(u)?,
                text: Text::decode(u)?,
                round: match u8::arbitrary(u)? {
                    0..=127 => None,
                    r @ 128..=249 => Some(u32::from(r % 8)),
                    _ => Some(u32::arbitrary(u)?),
                },
            },
            50..=53 => Cmd::EditNote(NoteRef::decode(u)?, Text::decode(u)?),
            54..=57 => Cmd::DeleteNote(NoteRef::decode(u)?),
            _ => Cmd::Leave,
        })
    }
}

impl Step {
    fn decode(u: U) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        Ok(match b {
            0..=23 => Step::Join {
                id: match u8::arbitrary(u)? {
                    i @ 0..=23 => Some(i),
                    _ => None,
                },
                name: Text::decode(u)?,
                organisation: Text::decode_optional(u)?,
                role: Text::decode_optional(u)?,
            },
            24..=35 => Step::Crowd {
                count: u8::arbitrary(u)?,
                organisations: u8::arbitrary(u)?,
            },
            36..=63 => Step::Tick {
                seconds: match u8::arbitrary(u)? {
                    s @ 0..=127 => u16::from(s),
                    m @ 128..=247 => u16::from(m - 128) * 60,
                    _ => u16::arbitrary(u)?,
                },
                millis: u16::from(u8::arbitrary(u)?) * 4,
                fire: u8::arbitrary(u)? < 192,
            },
            64..=67 => Step::Snapshot {
                who: match u8::arbitrary(u)? {
                    0..=63 => None,
                    _ => Some(Person::decode(u)?),
                },
            },
            _ => {
                let command = Cmd::decode(u)?;
                let actor = Who::decode(u, &command)?;
                Step::Command { actor, command }
            }
        })
    }
}

impl<'a> Arbitrary<'a> for Scenario {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let create = Create {
            form: if u8::arbitrary(u)? >= 240 {
                Some(Form::arbitrary(u)?)
            } else {
                None
            },
            table_size: u8::arbitrary(u)?,
            tables: match u8::arbitrary(u)? {
                0..=191 => None,
                t => Some(t),
            },
            rounds: u8::arbitrary(u)?,
            minutes: match u8::arbitrary(u)? {
                0..=191 => 0,
                m => m % 16,
            },
            seed: u16::arbitrary(u)?,
        };
        let mut steps = Vec::new();
        while !u.is_empty() && steps.len() < MAX_STEPS {
            steps.push(Step::decode(u)?);
        }
        Ok(Scenario { create, steps })
    }

    fn arbitrary_take_rest(mut u: Unstructured<'a>) -> arbitrary::Result<Self> {
        Self::arbitrary(&mut u)
    }
}

/// Crowds stop adding people once the café has this many (single joins go on).
const CROWD_LIMIT: usize = 120;

/// Enough for a whole café; keeps one input's time bounded.
const MAX_STEPS: usize = 2_000;

fn pool_pid(n: u8) -> ParticipantId {
    Uuid::from_u128(0xAAAA_0000_0000_0000_0000_0000_0000_0000 | u128::from(n))
}

fn fresh_pid(n: u64) -> ParticipantId {
    Uuid::from_u128(0xAAAA_FFFF_0000_0000_0000_0000_0000_0000 | u128::from(n))
}

fn pool_nid(n: u8) -> NoteId {
    Uuid::from_u128(0xBBBB_0000_0000_0000_0000_0000_0000_0000 | u128::from(n % 32))
}

impl Text {
    fn render(&self) -> String {
        match self {
            Text::Sample(i) => SAMPLES[usize::from(*i) % SAMPLES.len()].to_owned(),
            Text::Typed(s) => s.clone(),
            Text::Long(c, n) => std::iter::repeat_n(*c, usize::from(*n) % 4_100).collect(),
        }
    }
}

/// The café, its log and a clock, driven like the café owner drives it.
struct Run {
    cafe: Cafe,
    log: Vec<Recorded>,
    now: Millis,
    fresh: u64,
    fresh_notes: u64,
}

impl Run {
    fn new(create: &Create) -> Self {
        let new_cafe = |seed| NewCafe {
            cafe_id: Uuid::from_u128(0xCAFE),
            join_code: "FLAMINGO".into(),
            facilitator_key_hash: "key-hash".into(),
            seed,
        };
        let typed = create.form.as_ref().and_then(|form| {
            let req = CreateCafeRequest {
                title: form.title.clone(),
                table_size: form.table_size,
                tables: form.tables,
                rounds: form
                    .rounds
                    .iter()
                    .map(|(q, m)| RoundSpec {
                        question: q.clone(),
                        minutes: *m,
                    })
                    .collect(),
            };
            engine::create(
                &req,
                new_cafe(u64::from(create.seed).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            )
            .ok()
        });
        let event = typed.unwrap_or_else(|| {
            let folded = CreateCafeRequest {
                title: "Fuzzed café".into(),
                table_size: Some(3 + u32::from(create.table_size) % 6),
                tables: create.tables.map(|t| 1 + u32::from(t) % 8),
                rounds: (0..1 + create.rounds % 12)
                    .map(|i| RoundSpec {
                        question: format!("Question {}?", i + 1),
                        minutes: 1 + u32::from(create.minutes) % 240,
                    })
                    .collect(),
            };
            engine::create(
                &folded,
                new_cafe(u64::from(create.seed).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            )
            .expect("a folded café is valid")
        });
        assert!(matches!(event, Event::CafeCreated { .. }));
        let first = Recorded {
            seq: 1,
            at: T0,
            event,
        };
        let cafe = Cafe::from_created(&first).expect("the first event is CafeCreated");
        Self {
            cafe,
            log: vec![first],
            now: T0,
            fresh: 0,
            fresh_notes: 0,
        }
    }

    fn person(&self, p: Person) -> ParticipantId {
        match p {
            Person::Joined(i) => {
                let all = &self.cafe.participants;
                if all.is_empty() {
                    pool_pid(0xFF)
                } else {
                    all[usize::from(i) % all.len()].id
                }
            }
            Person::Pool(n) => pool_pid(n % 24),
        }
    }

    fn note(&mut self, n: NoteRef) -> NoteId {
        match n {
            NoteRef::Fresh => {
                self.fresh_notes += 1;
                Uuid::from_u128(
                    0xBBBB_FFFF_0000_0000_0000_0000_0000_0000 | u128::from(self.fresh_notes),
                )
            }
            NoteRef::Existing(i) => {
                let notes = &self.cafe.notes;
                if notes.is_empty() {
                    pool_nid(i)
                } else {
                    notes[usize::from(i) % notes.len()].id
                }
            }
            NoteRef::Pool(i) => pool_nid(i),
        }
    }

    fn actor(&self, who: Who) -> Actor {
        match who {
            Who::Facilitator => Actor::Facilitator,
            Who::Wall => Actor::Wall,
            Who::Participant(p) => Actor::Participant(self.person(p)),
        }
    }

    fn table(t: Table) -> u32 {
        match t {
            Table::Small(n) => u32::from(n % 12),
            Table::Any(n) => n,
        }
    }

    fn command(&mut self, cmd: &Cmd) -> Command {
        match cmd {
            Cmd::PlanNextRound => Command::PlanNextRound,
            Cmd::StartRound => Command::StartRound,
            Cmd::PauseRound => Command::PauseRound,
            Cmd::ResumeRound => Command::ResumeRound,
            Cmd::AdjustTime(seconds) => Command::AdjustTime { seconds: *seconds },
            Cmd::EndRound => Command::EndRound,
            Cmd::Broadcast(text) => Command::Broadcast {
                text: text.render(),
                // Whether a message outlives a change of phase is drawn from its text, so the
                // fuzzer reaches both lives without a new input kind.
                keep: text.render().len() % 2 == 0,
            },
            Cmd::MoveParticipant(p, t) => Command::MoveParticipant {
                participant_id: self.person(*p),
                table: Self::table(*t),
            },
            Cmd::SetHost(p) => Command::SetHost {
                participant_id: self.person(*p),
            },
            Cmd::RemoveParticipant(p) => Command::RemoveParticipant {
                participant_id: self.person(*p),
            },
            Cmd::OpenHarvest => Command::OpenHarvest,
            Cmd::CloseCafe => Command::CloseCafe,
            Cmd::PostNote { note, text, round } => Command::PostNote {
                note_id: self.note(*note),
                text: text.render(),
                round: *round,
            },
            Cmd::EditNote(note, text) => Command::EditNote {
                note_id: self.note(*note),
                text: text.render(),
            },
            Cmd::DeleteNote(note) => Command::DeleteNote {
                note_id: self.note(*note),
            },
            Cmd::Leave => Command::Leave,
        }
    }

    fn input(&mut self, step: &Step) -> Option<Input> {
        Some(match step {
            Step::Join {
                id,
                name,
                organisation,
                role,
            } => {
                let participant_id = match id {
                    Some(n) => pool_pid(n % 24),
                    None => {
                        self.fresh += 1;
                        fresh_pid(self.fresh)
                    }
                };
                Input::Join {
                    participant_id,
                    name: name.render(),
                    organisation: organisation.as_ref().map(Text::render),
                    role: role.as_ref().map(Text::render),
                    token_hash: format!("token-{participant_id}"),
                }
            }
            Step::Command { actor, command } => Input::Command {
                actor: self.actor(*actor),
                command: self.command(command),
            },
            Step::Tick {
                seconds,
                millis,
                fire,
            } => {
                self.now += i64::from(*seconds) * 1000 + i64::from(*millis % 1000);
                if !fire {
                    return None;
                }
                Input::Deadline
            }
            Step::Crowd { .. } => return None,
            Step::Snapshot { who } => {
                let viewer = who.map_or(Viewer::Staff, |p| Viewer::Phone(self.person(p)));
                let connected: Vec<ParticipantId> = self.cafe.present().map(|p| p.id).collect();
                let snap = view::snapshot(&self.cafe, viewer, &connected);
                // What the server sends must serialise.
                serde_json::to_string(&snap).expect("a snapshot serialises");
                return None;
            }
        })
    }

    /// One step: decide, record, apply and fan out each event, then check everything.
    fn step(&mut self, step: &Step) {
        if let Step::Crowd {
            count,
            organisations,
        } = step
        {
            // Big enough for many tables; bigger only makes every step slower.
            let room = CROWD_LIMIT.saturating_sub(self.cafe.participants.len());
            for i in 0..(usize::from(count % 24) + 1).min(room) {
                self.fresh += 1;
                let participant_id = fresh_pid(self.fresh);
                let org = ORGANISATIONS[(i + usize::from(*organisations)) % ORGANISATIONS.len()];
                self.run(Input::Join {
                    participant_id,
                    name: format!("Person {}", self.fresh),
                    organisation: org.map(Into::into),
                    role: None,
                    token_hash: format!("token-{participant_id}"),
                });
            }
            return;
        }
        if let Some(input) = self.input(step) {
            self.run(input);
        }
    }

    /// Decides one input, then records, applies and fans out each event, and checks everything.
    fn run(&mut self, input: Input) {
        let before = Snapshot::of(&self.cafe);
        let result = engine::decide(&self.cafe, &input, self.now);
        let events = match result {
            Ok(events) => events,
            Err(e) => {
                // Refusals change nothing (decide only reads); the timer never fails.
                assert!(
                    !matches!(input, Input::Deadline),
                    "the deadline was refused: {e:?}"
                );
                let _ = e.code();
                let _ = e.to_string();
                return;
            }
        };
        check_authorised(&self.cafe, &input, &events);
        check_notes_placed(&self.cafe, &events);
        for event in &events {
            let r = Recorded {
                seq: self.log.len() as u64 + 1,
                at: self.now,
                event: event.clone(),
            };
            let touched = view::touched_before(&self.cafe, &r.event);
            self.cafe.apply(&r);
            // Which update goes to whom; computed, not serialised (too dear per event).
            let _ = view::fanout(&self.cafe, &r.event, &touched);
            self.log.push(r);
        }
        if let Err(e) = common::check_structure(&self.cafe) {
            panic!("invariant broken after {input:?} -> {events:?}: {e}");
        }
        before.check_progress(&self.cafe, &self.log, &input, &events);
        // A resent note is harmless: the very same input again changes nothing.
        if let Input::Command {
            command: Command::PostNote { .. },
            ..
        } = &input
            && !events.is_empty()
        {
            let again = engine::decide(&self.cafe, &input, self.now);
            assert_eq!(again, Ok(Vec::new()), "resending {input:?}");
        }
    }

    fn finish(&self) {
        let replayed = Cafe::replay(self.log.iter()).expect("the log starts with CafeCreated");
        assert!(replayed == self.cafe, "replay differs from the live state");
        // The log is stored as JSON (storage/sqlite.rs): what comes back must replay the same.
        let stored: Vec<Recorded> = self
            .log
            .iter()
            .map(|r| {
                let json = serde_json::to_string(r).expect("an event serialises");
                serde_json::from_str(&json)
                    .unwrap_or_else(|e| panic!("stored event does not load: {e}\n{json}"))
            })
            .collect();
        assert_eq!(stored, self.log, "the JSON round trip changed the log");
        let reloaded = Cafe::replay(stored.iter()).expect("the log starts with CafeCreated");
        assert!(reloaded == self.cafe, "replay of the stored log differs");
        // Every viewer's snapshot builds; the staff's (which holds everything) serialises.
        let connected: Vec<ParticipantId> = self.cafe.present().map(|p| p.id).collect();
        let staff = view::snapshot(&self.cafe, Viewer::Staff, &connected);
        serde_json::to_string(&staff).expect("a snapshot serialises");
        for p in &self.cafe.participants {
            let _ = view::snapshot(&self.cafe, Viewer::Phone(p.id), &connected);
        }
    }
}

/// Only the facilitator runs the café: anyone else gets their own notes and leaving, and the
/// wall, departed and unknown participants get nothing at all.
fn check_authorised(cafe: &Cafe, input: &Input, events: &[Event]) {
    let Input::Command { actor, command } = input else {
        return;
    };
    match actor {
        Actor::Facilitator => {}
        Actor::Wall => panic!("the wall's {command:?} was accepted: {events:?}"),
        Actor::Participant(p) => {
            assert!(
                cafe.participant(*p).is_some_and(|p| p.present),
                "{command:?} from absent or unknown {p} was accepted: {events:?}"
            );
            assert!(
                matches!(
                    command,
                    Command::PostNote { .. }
                        | Command::EditNote { .. }
                        | Command::DeleteNote { .. }
                        | Command::Leave
                ),
                "facilitator command {command:?} from participant {p} was accepted: {events:?}"
            );
        }
    }
}

/// A note goes to a table its author sits or sat at, in that round.
fn check_notes_placed(cafe: &Cafe, events: &[Event]) {
    for e in events {
        if let Event::NotePosted {
            author,
            round,
            table,
            ..
        } = e
        {
            let sat = cafe.seating(*round).and_then(|s| s.table_of(*author));
            assert_eq!(
                sat,
                Some(*table),
                "note by {author} filed at round {round} table {table}, where they do not sit"
            );
        }
    }
}

/// What must only grow, taken before a step.
struct Snapshot {
    seq: u64,
    notes: usize,
    participants: usize,
    rounds: u32,
    phase: Phase,
}

impl Snapshot {
    fn of(cafe: &Cafe) -> Self {
        Self {
            seq: cafe.seq,
            notes: cafe.notes.len(),
            participants: cafe.participants.len(),
            rounds: cafe.current_round(),
            phase: cafe.phase.clone(),
        }
    }

    fn check_progress(&self, cafe: &Cafe, log: &[Recorded], input: &Input, events: &[Event]) {
        // Sequence numbers: one per event, no gaps, the state knows the last.
        assert_eq!(
            cafe.seq,
            self.seq + events.len() as u64,
            "seq after {input:?}"
        );
        assert_eq!(cafe.seq, log.len() as u64, "seq vs log length");
        if let [.., a, b] = log {
            assert_eq!(b.seq, a.seq + 1, "seq not monotonic");
            assert!(b.at >= a.at, "time went backwards in the log");
        }
        // Nothing anyone typed is lost: notes and participants are never dropped.
        assert!(
            cafe.notes.len() >= self.notes,
            "a note vanished after {input:?}"
        );
        assert!(
            cafe.participants.len() >= self.participants,
            "a participant vanished after {input:?}"
        );
        // Rounds only move forward; the harvest and closing are one-way.
        assert!(cafe.current_round() >= self.rounds, "rounds went back");
        match (&self.phase, &cafe.phase) {
            (Phase::Closed, p) => assert_eq!(p, &Phase::Closed, "reopened by {input:?}"),
            (Phase::Harvest, p) => assert!(
                matches!(p, Phase::Harvest | Phase::Closed),
                "left the harvest for {p:?} by {input:?}"
            ),
            _ => {}
        }
        if let Phase::Paused { remaining_ms, .. } = cafe.phase {
            assert!(remaining_ms >= 0, "negative time left: {remaining_ms}");
        }
        if let Phase::Running { ends_at, .. } = cafe.phase
            && events
                .iter()
                .any(|e| matches!(e, Event::RoundStarted { .. } | Event::RoundResumed { .. }))
        {
            assert!(ends_at >= cafe_now(log), "a round started already over");
        }
    }
}

fn cafe_now(log: &[Recorded]) -> Millis {
    log.last().map_or(T0, |r| r.at)
}

/// `FLAMINGO_FUZZ_STATS=1` prints one line per input: how far its café got. Run over a corpus
/// with `-runs=0` to see what the fuzzer reaches.
fn stats_wanted() -> bool {
    static WANTED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *WANTED.get_or_init(|| std::env::var_os("FLAMINGO_FUZZ_STATS").is_some())
}

fuzz_target!(|scenario: Scenario| {
    let mut run = Run::new(&scenario.create);
    for step in &scenario.steps {
        run.step(step);
    }
    run.finish();
    if stats_wanted() {
        let c = &run.cafe;
        eprintln!(
            "STATS steps={} events={} participants={} present={} rounds_started={}/{} notes={} phase={:?}",
            scenario.steps.len(),
            run.log.len(),
            c.participants.len(),
            c.present().count(),
            c.current_round(),
            c.rounds.len(),
            c.notes.len(),
            c.phase,
        );
    }
});

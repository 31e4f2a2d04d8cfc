//! The authorisation matrix: every command of the protocol, sent by every kind of sender,
//! with the expected answer in each cell, generated from one table (`rows`).
//!
//! Columns are senders; rows are commands. `rows` matches on `Command` exhaustively, so a new
//! command does not compile until someone writes its row, and the commands the test runs are
//! enumerated from the `Command` type itself (`every_command_kind`), so a row cannot be
//! forgotten at run time either.
//!
//! Each cell is checked against café A:
//! - a refusal (or a duplicate ack) leaves café A exactly as it was: a fresh facilitator
//!   snapshot has the same `seq` after the cell as before it, and the same view at the end;
//! - an ack gets a café A of its own, built the same way, so that cells stay independent (one
//!   `closeCafe` must not turn every later cell into `wrongPhase`), and must move its `seq`;
//! - another café's facilitator talks to café B only: whatever café B answers, café A's `seq`
//!   does not move, and a `notFound` is all it learns about A's people and notes.

use std::fmt;
use std::time::Instant;

use flamingo_protocol::{
    Auth, CafeId, Command, Commitment, CommitmentId, CreateCafeResponse, ErrorCode, FeedbackAnswer,
    FeedbackKind, FeedbackQuestion, NoteId, ParticipantId, PhaseView, Seq, TableNo, ThemeId,
    VoteTarget,
};
use flamingo_server::Config;
use flamingo_tests::mirror::assert_same_cafe;
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

/// Who sends the command: the columns of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sender {
    /// Café A's facilitator.
    Facilitator,
    /// The host of the note's table in the running round.
    Host,
    /// The participant who wrote the note.
    Author,
    /// Another participant at the note's table, neither its author nor its host.
    SameTable,
    /// A participant at another table.
    OtherTable,
    /// Café A's wall.
    Wall,
    /// Café B's facilitator, naming café A's participants and notes.
    OtherCafe,
    /// A connection that never said hello.
    NoHello,
    /// A connection whose hello used a forged resume token for the note's author.
    ForgedToken,
    /// A connection whose hello used the real credentials of a participant who left.
    Departed,
}

const SENDERS: [Sender; 10] = [
    Sender::Facilitator,
    Sender::Host,
    Sender::Author,
    Sender::SameTable,
    Sender::OtherTable,
    Sender::Wall,
    Sender::OtherCafe,
    Sender::NoHello,
    Sender::ForgedToken,
    Sender::Departed,
];

impl Sender {
    fn short(self) -> &'static str {
        match self {
            Self::Facilitator => "fac",
            Self::Host => "host",
            Self::Author => "author",
            Self::SameTable => "same table",
            Self::OtherTable => "other table",
            Self::Wall => "wall",
            Self::OtherCafe => "café B fac",
            Self::NoHello => "no hello",
            Self::ForgedToken => "forged token",
            Self::Departed => "departed",
        }
    }
}

/// What a cell expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Acked, and it changed something.
    Ack,
    /// Acked with `duplicate: true`: nothing changed.
    Dup,
    Refused(ErrorCode),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ack => write!(f, "ack"),
            Self::Dup => write!(f, "dup"),
            Self::Refused(code) => {
                let name = serde_json::to_value(code).expect("code");
                write!(f, "{}", name.as_str().expect("a string"))
            }
        }
    }
}

/// The state café A is in when the row's command is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Round 1 of 3 running, with a note at the note's table.
    Running,
    /// The same, paused.
    Paused,
    /// Round 1 ended; round 2 is planned.
    BetweenRounds,
    /// The harvest, with a theme holding the note, a commitment, and voting open.
    Harvest,
    /// The harvest as above, then the café closed.
    Closed,
}

/// Café A's people and note, which the commands name.
#[derive(Debug, Clone, Copy)]
struct Ids {
    author: ParticipantId,
    same_table: ParticipantId,
    other_table: ParticipantId,
    note: NoteId,
    note_table: TableNo,
    theme: ThemeId,
    commitment: CommitmentId,
}

struct Row {
    label: String,
    stage: Stage,
    command: Command,
    expect: [Outcome; SENDERS.len()],
}

const ACK: Outcome = Outcome::Ack;
const DUP: Outcome = Outcome::Dup;
const FORBID: Outcome = Outcome::Refused(ErrorCode::Forbidden);
const PHASE: Outcome = Outcome::Refused(ErrorCode::WrongPhase);
const NOTFOUND: Outcome = Outcome::Refused(ErrorCode::NotFound);
const TAKEN: Outcome = Outcome::Refused(ErrorCode::NoteIdTaken);
const NOAUTH: Outcome = Outcome::Refused(ErrorCode::NotAuthenticated);

/// THE table: for the kind of command `kind`, the example(s) to send in café A (naming the
/// people in `ids`), the stage to send them in, and what each sender gets.
///
/// Café B, for the `café B fac` column, is a fresh café in its lobby with nobody in it, so
/// commands that name nobody are acked there (and change café B only), and commands that
/// name café A's people or notes are `notFound`.
fn rows(kind: &Command, ids: &Ids) -> Vec<Row> {
    use Stage::*;
    let row = |stage: Stage, command: Command, expect: [Outcome; SENDERS.len()]| Row {
        label: command.name().to_owned(),
        stage,
        command,
        expect,
    };
    // Columns:       fac     host    author  same    other   wall    café B    no hello forged  departed
    match kind {
        Command::PlanNextRound => vec![row(
            BetweenRounds,
            Command::PlanNextRound,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::StartRound => vec![row(
            BetweenRounds,
            Command::StartRound,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::PauseRound => vec![row(
            Running,
            Command::PauseRound,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::ResumeRound => vec![row(
            Paused,
            Command::ResumeRound,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::AdjustTime { .. } => vec![row(
            Running,
            Command::AdjustTime { seconds: 60 },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::EndRound => vec![row(
            Running,
            Command::EndRound,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::Broadcast { .. } => vec![row(
            Running,
            Command::Broadcast {
                text: "Five minutes left".into(),
                keep: false,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        // A fresh café shows no message: clearing changes nothing (a duplicate ack).
        Command::ClearBroadcast => vec![row(
            Running,
            Command::ClearBroadcast,
            [
                DUP, FORBID, FORBID, FORBID, FORBID, FORBID, DUP, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::MoveParticipant { .. } => vec![row(
            Running,
            Command::MoveParticipant {
                participant_id: ids.other_table,
                table: ids.note_table,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::SetHost { .. } => vec![row(
            Running,
            Command::SetHost {
                participant_id: ids.same_table,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::RemoveParticipant { .. } => vec![row(
            Running,
            Command::RemoveParticipant {
                participant_id: ids.other_table,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::OpenHarvest => vec![row(
            Running,
            Command::OpenHarvest,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::CloseCafe => vec![row(
            Running,
            Command::CloseCafe,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::PostNote { .. } => vec![
            row(
                Running,
                Command::PostNote {
                    note_id: Uuid::new_v4(),
                    text: "a new note".into(),
                    round: Some(1),
                },
                [
                    FORBID, ACK, ACK, ACK, ACK, FORBID, FORBID, NOAUTH, NOAUTH, NOAUTH,
                ],
            ),
            // Reusing the author's note id: the author's resend is harmless, anyone else's
            // cannot take the note over.
            Row {
                label: "postNote (the author's noteId)".into(),
                ..row(
                    Running,
                    Command::PostNote {
                        note_id: ids.note,
                        text: "taken over".into(),
                        round: Some(1),
                    },
                    [
                        FORBID, TAKEN, DUP, TAKEN, TAKEN, FORBID, FORBID, NOAUTH, NOAUTH, NOAUTH,
                    ],
                )
            },
        ],
        Command::EditNote { .. } => vec![row(
            Running,
            Command::EditNote {
                note_id: ids.note,
                text: "edited".into(),
            },
            [
                ACK, ACK, ACK, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::DeleteNote { .. } => vec![row(
            Running,
            Command::DeleteNote { note_id: ids.note },
            [
                ACK, ACK, ACK, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::HideNote { .. } => vec![row(
            Running,
            Command::HideNote {
                note_id: ids.note,
                hidden: true,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, NOTFOUND, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::Leave => vec![row(
            Running,
            Command::Leave,
            [
                FORBID, ACK, ACK, ACK, ACK, FORBID, FORBID, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        // The harvest's staff commands: café B is in its lobby, so they are out of phase there.
        Command::CreateTheme { .. } => vec![row(
            Harvest,
            Command::CreateTheme {
                theme_id: Uuid::new_v4(),
                name: "Partnerships".into(),
                note_ids: vec![ids.note],
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::RenameTheme { .. } => vec![row(
            Harvest,
            Command::RenameTheme {
                theme_id: ids.theme,
                name: "Money".into(),
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::DeleteTheme { .. } => vec![row(
            Harvest,
            Command::DeleteTheme {
                theme_id: ids.theme,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::SetNoteTheme { .. } => vec![row(
            Harvest,
            Command::SetNoteTheme {
                note_id: ids.note,
                theme_id: None,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::OpenVoting { .. } => vec![row(
            Harvest,
            Command::OpenVoting { dots: 5 },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::CloseVoting => vec![row(
            Harvest,
            Command::CloseVoting,
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::SaveCommitment { .. } => vec![row(
            Harvest,
            Command::SaveCommitment {
                commitment: Commitment {
                    commitment_id: Uuid::new_v4(),
                    text: "Meet again in March".into(),
                    owner: None,
                    due: Some("2027-03-01".into()),
                    theme_ids: vec![ids.theme],
                },
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::DeleteCommitment { .. } => vec![row(
            Harvest,
            Command::DeleteCommitment {
                commitment_id: ids.commitment,
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, PHASE, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::SetFeedbackQuestions { .. } => vec![row(
            Harvest,
            Command::SetFeedbackQuestions {
                questions: vec![FeedbackQuestion {
                    kind: FeedbackKind::Rating,
                    prompt: "Was it worth your afternoon?".into(),
                }],
            },
            [
                ACK, FORBID, FORBID, FORBID, FORBID, FORBID, ACK, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        // Votes and feedback are the participants' own; staff are refused before the phase.
        Command::SetVotes { .. } => vec![row(
            Harvest,
            Command::SetVotes {
                target: VoteTarget::Theme {
                    theme_id: ids.theme,
                },
                dots: 2,
            },
            [
                FORBID, ACK, ACK, ACK, ACK, FORBID, FORBID, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
        Command::SubmitFeedback { .. } => vec![row(
            Closed,
            Command::SubmitFeedback {
                answers: vec![
                    FeedbackAnswer {
                        rating: Some(4),
                        text: None,
                    },
                    FeedbackAnswer {
                        rating: None,
                        text: Some("Invite the funders next time".into()),
                    },
                ],
            },
            [
                FORBID, ACK, ACK, ACK, ACK, FORBID, FORBID, NOAUTH, NOAUTH, NOAUTH,
            ],
        )],
    }
}

/// One command of every kind the protocol has, read from the `Command` type itself: serde
/// names every variant when it meets an unknown one, and one JSON object with every field
/// any command needs decodes as each of them (unknown fields are ignored).
fn every_command_kind() -> Vec<Command> {
    let err = serde_json::from_str::<Command>(r#"{"type":"noSuchCommand"}"#)
        .expect_err("an unknown command decodes");
    let message = err.to_string();
    let list = message
        .split_once("expected one of ")
        .unwrap_or_else(|| panic!("serde no longer lists the variants: {message}"))
        .1;
    let names: Vec<&str> = list
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    assert!(names.len() >= 16, "variants from {message}: {names:?}");
    names
        .into_iter()
        .map(|name| {
            let template = serde_json::json!({
                "type": name,
                "seconds": 60,
                "text": "x",
                "participantId": Uuid::nil(),
                "table": 1,
                "noteId": Uuid::nil(),
                "hidden": true,
                "themeId": Uuid::nil(),
                "name": "x",
                "dots": 1,
                "target": { "kind": "theme", "themeId": Uuid::nil() },
                "commitmentId": Uuid::nil(),
                "commitment": { "commitmentId": Uuid::nil(), "text": "x", "themeIds": [] },
                "questions": [{ "kind": "rating", "prompt": "x" }],
                "answers": [{ "rating": 3 }],
            });
            serde_json::from_value(template).unwrap_or_else(|e| {
                panic!("command {name} needs a field the template lacks; add it: {e}")
            })
        })
        .collect()
}

/// Café A at a stage, with a connection for every sender that has one.
struct CafeA {
    created: CreateCafeResponse,
    fac: TestClient,
    wall: TestClient,
    host: TestClient,
    author: TestClient,
    same_table: TestClient,
    other_table: TestClient,
    /// The other phones, kept connected.
    _rest: Vec<TestClient>,
    departed: Auth,
    ids: Ids,
}

impl CafeA {
    /// Three rounds, tables of three, six people (two tables), plus one who joined and left
    /// in the lobby. Round 1 is started and the author has written a note.
    async fn new(server: &TestServer, stage: Stage) -> Self {
        let mut cafe = TestCafe::new(server, &cafe_request(3, 20, 3), 6).await;
        let mut leaver = TestClient::participant(server, &cafe.created.join_code, "Leaver").await;
        let departed = leaver.resume_auth();
        leaver.command(Command::Leave).await.expect("leave");
        cafe.start_round().await;
        let tables = cafe.fac.mirror.tables(1).to_vec();
        let table = tables
            .iter()
            .find(|t| t.members.len() >= 3)
            .unwrap_or_else(|| panic!("no table of three: {tables:?}"))
            .clone();
        let other = tables
            .iter()
            .find(|t| t.table != table.table)
            .unwrap_or_else(|| panic!("one table only: {tables:?}"));
        let host = table.host.expect("a host");
        let mut guests = table.members.iter().copied().filter(|m| *m != host);
        let author = guests.next().expect("a guest");
        let same_table = guests.next().expect("a second guest");
        let other_table = other.members[0];
        let mut phones = std::mem::take(&mut cafe.phones);
        let mut take = |p: ParticipantId| {
            let i = phones
                .iter()
                .position(|c| c.participant_id() == p)
                .expect("a phone");
            phones.swap_remove(i)
        };
        let host_c = take(host);
        let mut author_c = take(author);
        let same_c = take(same_table);
        let other_c = take(other_table);
        let note = Uuid::new_v4();
        author_c
            .command(Command::PostNote {
                note_id: note,
                text: "Budgets are annual, partnerships are not.".into(),
                round: Some(1),
            })
            .await
            .expect("the author's note");
        let mut fac = cafe.fac;
        let theme = Uuid::new_v4();
        let commitment = Uuid::new_v4();
        match stage {
            Stage::Running => {}
            Stage::Paused => {
                fac.command(Command::PauseRound).await.expect("pause");
            }
            Stage::BetweenRounds => {
                fac.command(Command::EndRound).await.expect("end round 1");
            }
            Stage::Harvest | Stage::Closed => {
                let setup = [
                    Command::OpenHarvest,
                    Command::CreateTheme {
                        theme_id: theme,
                        name: "Budgets".into(),
                        note_ids: vec![note],
                    },
                    Command::SaveCommitment {
                        commitment: Commitment {
                            commitment_id: commitment,
                            text: "Write to the funders".into(),
                            owner: Some("Steering group".into()),
                            due: None,
                            theme_ids: vec![theme],
                        },
                    },
                    Command::OpenVoting { dots: 3 },
                ];
                for command in setup {
                    let name = command.name();
                    fac.command(command)
                        .await
                        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
                }
                if stage == Stage::Closed {
                    fac.command(Command::CloseCafe).await.expect("close");
                }
            }
        }
        let wall = TestClient::wall(server, &cafe.created.join_code).await;
        fac.cafe_barrier().await;
        let ids = Ids {
            author,
            same_table,
            other_table,
            note,
            note_table: table.table,
            theme,
            commitment,
        };
        Self {
            created: cafe.created,
            fac,
            wall,
            host: host_c,
            author: author_c,
            same_table: same_c,
            other_table: other_c,
            _rest: phones,
            departed,
            ids,
        }
    }

    fn id(&self) -> CafeId {
        self.created.cafe_id
    }

    /// Café A's position as a new facilitator connection sees it.
    async fn fresh_seq(&self, server: &TestServer) -> Seq {
        TestClient::facilitator(server, self.id(), &self.created.facilitator_key)
            .await
            .mirror
            .seq
    }
}

fn outcome(r: Result<(Seq, bool), ClientError>, what: &str) -> Outcome {
    match r {
        Ok((_, false)) => Outcome::Ack,
        Ok((_, true)) => Outcome::Dup,
        Err(ClientError::Refused(code, _)) => Outcome::Refused(code),
        Err(e) => panic!("{what}: no answer: {e:?}"),
    }
}

/// A connection that tried `auth` and was refused with `code`.
async fn refused_hello(server: &TestServer, auth: Auth, code: ErrorCode, what: &str) -> TestClient {
    let mut c = TestClient::connect(server).await;
    match c.hello(auth, None).await {
        Err(ClientError::Refused(got, _)) => assert_eq!(got, code, "{what}: the hello"),
        other => panic!("{what}: the hello was not refused: {other:?}"),
    }
    c
}

/// Sends `command` as `sender` to café A (or, for `OtherCafe`, to a fresh café B) and
/// returns the answer. For `OtherCafe`, also checks that an ack moved café B.
async fn send(server: &TestServer, a: &mut CafeA, sender: Sender, command: Command) -> Outcome {
    let what = format!("{} by {}", command.name(), sender.short());
    let r = match sender {
        Sender::Facilitator => a.fac.command_full(command).await,
        Sender::Host => a.host.command_full(command).await,
        Sender::Author => a.author.command_full(command).await,
        Sender::SameTable => a.same_table.command_full(command).await,
        Sender::OtherTable => a.other_table.command_full(command).await,
        Sender::Wall => a.wall.command_full(command).await,
        Sender::OtherCafe => {
            let b = server.create_cafe(&cafe_request(3, 20, 3)).await;
            let mut fac_b = TestClient::facilitator(server, b.cafe_id, &b.facilitator_key).await;
            let before = fac_b.mirror.seq;
            let r = fac_b.command_full(command).await;
            if let Ok((seq, false)) = r {
                assert!(seq > before, "{what}: acked without moving café B");
            }
            r
        }
        Sender::NoHello => {
            TestClient::connect(server)
                .await
                .command_full(command)
                .await
        }
        Sender::ForgedToken => {
            let forged = Auth::Participant {
                cafe_id: a.id(),
                participant_id: a.ids.author,
                resume_token: "0123456789abcdef".repeat(3),
            };
            let mut c = refused_hello(server, forged, ErrorCode::BadCredentials, &what).await;
            c.command_full(command).await
        }
        Sender::Departed => {
            let mut c =
                refused_hello(server, a.departed.clone(), ErrorCode::Forbidden, &what).await;
            c.command_full(command).await
        }
    };
    outcome(r, &what)
}

fn mutates(o: Outcome) -> bool {
    o == Outcome::Ack
}

/// A row as run: its label, what was expected, and what each sender got.
type Ran = (
    String,
    [Outcome; SENDERS.len()],
    [Option<Outcome>; SENDERS.len()],
);

/// The matrix as a Markdown table, with a mark on each cell that went wrong.
fn render(rows: &[Ran]) -> String {
    let mut out = String::from("| command |");
    for s in SENDERS {
        out.push_str(&format!(" {} |", s.short()));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(SENDERS.len()));
    for (label, expect, got) in rows {
        out.push_str(&format!("\n| `{label}` |"));
        for (e, g) in expect.iter().zip(got) {
            match g {
                Some(g) if g != e => out.push_str(&format!(" **{g}** (expected {e}) |")),
                _ => out.push_str(&format!(" {e} |")),
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_by_every_sender() {
    let started = Instant::now();
    // Every cell opens fresh connections (a café of its own, a new facilitator to read the
    // seq), all from 127.0.0.1: on a quiet machine that is faster than the default
    // per-address rate (1,000 at once, then 200 a second), which is not what this tests.
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut config = Config::with_data_dir(tmp.path());
    config.new_connections_per_second = 100_000.0;
    config.new_connections_burst = 100_000.0;
    let server = TestServer::start_with(config).await;
    let kinds = every_command_kind();

    // One café per stage for the cells that change nothing.
    let mut shared = Vec::new();
    for stage in [
        Stage::Running,
        Stage::Paused,
        Stage::BetweenRounds,
        Stage::Harvest,
        Stage::Closed,
    ] {
        shared.push((stage, CafeA::new(&server, stage).await));
    }
    let mut report: Vec<Ran> = Vec::new();
    let mut wrong = Vec::new();
    let mut fresh_cafes = 0;
    for kind in &kinds {
        let n_rows = {
            let (_, a) = &shared[0];
            rows(kind, &a.ids).len()
        };
        for r in 0..n_rows {
            let mut got = [None; SENDERS.len()];
            let mut label = String::new();
            let mut expect = [ACK; SENDERS.len()];
            for (col, sender) in SENDERS.into_iter().enumerate() {
                let probe = {
                    let (_, a) = &shared[0];
                    rows(kind, &a.ids).swap_remove(r)
                };
                label = probe.label.clone();
                expect = probe.expect;
                let expected = probe.expect[col];
                let cell = format!("{label} by {}", sender.short());
                // Acks that change café A get a café of their own; café B's acks change café
                // B only, so they share café A with the refusals.
                let own = mutates(expected) && sender != Sender::OtherCafe;
                let mut fresh;
                let a = if own {
                    fresh_cafes += 1;
                    fresh = CafeA::new(&server, probe.stage).await;
                    &mut fresh
                } else {
                    &mut shared
                        .iter_mut()
                        .find(|(s, _)| *s == probe.stage)
                        .expect("a shared café per stage")
                        .1
                };
                let row = rows(kind, &a.ids).swap_remove(r);
                let before = a.fresh_seq(&server).await;
                let answer = send(&server, a, sender, row.command).await;
                got[col] = Some(answer);
                let after = a.fresh_seq(&server).await;
                if answer != expected {
                    wrong.push(format!("{cell}: expected {expected}, got {answer}"));
                } else if mutates(answer) && sender != Sender::OtherCafe {
                    if after <= before {
                        wrong.push(format!("{cell}: acked but café A stayed at seq {before}"));
                    }
                } else if after != before {
                    wrong.push(format!(
                        "{cell}: answered {answer} but café A moved from seq {before} to {after}"
                    ));
                }
            }
            report.push((label, expect, got));
        }
    }

    // The shared cafés, after every refusal: exactly as they were built.
    for (stage, a) in &mut shared {
        let before = a.fac.mirror.comparable();
        a.fac.cafe_barrier().await;
        let fresh = TestClient::facilitator(&server, a.id(), &a.created.facilitator_key).await;
        assert_eq!(fresh.mirror.seq, a.fac.mirror.seq, "{stage:?}");
        let mut now = fresh.mirror.comparable();
        // Presence is not the café's state, and fresh connections come and go.
        now.connected = before.connected.clone();
        assert_same_cafe(&now, &before, &format!("the shared café {stage:?}"));
        match stage {
            Stage::Running => assert!(matches!(now.phase, PhaseView::Running { round: 1, .. })),
            Stage::Paused => assert!(matches!(now.phase, PhaseView::Paused { round: 1, .. })),
            Stage::BetweenRounds => {
                assert_eq!(now.phase, PhaseView::BetweenRounds { last_round: 1 })
            }
            Stage::Harvest => assert_eq!(now.phase, PhaseView::Harvest),
            Stage::Closed => assert_eq!(now.phase, PhaseView::Closed),
        }
        let note = now
            .notes
            .iter()
            .find(|n| n.note_id == a.ids.note)
            .expect("the note survived every refusal");
        assert_eq!(note.text, "Budgets are annual, partnerships are not.");
        assert_eq!(note.author_id, a.ids.author);
    }

    println!("{}", render(&report));
    println!(
        "{} rows × {} senders, {} cafés of their own for acks, in {:?}",
        report.len(),
        SENDERS.len(),
        fresh_cafes,
        started.elapsed()
    );
    // Every kind of command has at least one row, and each row was run in full.
    let mut names: Vec<&str> = kinds.iter().map(Command::name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), kinds.len(), "a command kind listed twice");
    for kind in &kinds {
        assert!(
            report.iter().any(|(l, _, _)| l.starts_with(kind.name())),
            "no row for {}",
            kind.name()
        );
    }
    assert!(
        report
            .iter()
            .all(|(_, _, got)| got.iter().all(Option::is_some))
    );
    assert!(
        wrong.is_empty(),
        "{} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

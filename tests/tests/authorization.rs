//! Authorisation: only the facilitator runs the café, the wall only watches, and credentials
//! open exactly one café as exactly one person.

use flamingo_protocol::{Auth, ClientMessage, Command, ErrorCode, ParticipantId};
use flamingo_tests::mirror::assert_same_cafe;
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

/// Whether only the facilitator may send `c`. Exhaustive on purpose: a new command does not
/// compile here until someone decides who may send it.
fn facilitator_only(c: &Command) -> bool {
    match c {
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

/// One of each facilitator command, in an order in which the facilitator can send them all
/// successfully from a running round 1 (checked at the end of the first test).
fn facilitator_commands(
    mover: ParticipantId,
    new_host: ParticipantId,
    removed: ParticipantId,
) -> Vec<Command> {
    vec![
        Command::AdjustTime { seconds: 60 },
        Command::Broadcast {
            text: "Five minutes left".into(),
            keep: false,
        },
        Command::ClearBroadcast,
        Command::PauseRound,
        Command::ResumeRound,
        Command::MoveParticipant {
            participant_id: mover,
            table: 7,
        },
        Command::SetHost {
            participant_id: new_host,
        },
        Command::EndRound,
        Command::PlanNextRound,
        Command::StartRound,
        Command::RemoveParticipant {
            participant_id: removed,
        },
        Command::OpenHarvest,
        Command::CloseCafe,
    ]
}

fn refused<T: std::fmt::Debug>(r: Result<T, ClientError>) -> ErrorCode {
    match r {
        Err(ClientError::Refused(code, _)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn only_the_facilitator_runs_the_cafe() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 20, 4), 6).await;
    let mut wall = cafe.wall(&server).await;
    let ids: Vec<ParticipantId> = cafe.phones.iter().map(|p| p.participant_id()).collect();
    let commands = facilitator_commands(ids[1], ids[2], ids[3]);

    // The table covers every facilitator command, each once.
    let mut names: Vec<&str> = commands.iter().map(Command::name).collect();
    names.sort_unstable();
    let mut expected = vec![
        "planNextRound",
        "startRound",
        "pauseRound",
        "resumeRound",
        "adjustTime",
        "endRound",
        "broadcast",
        "clearBroadcast",
        "moveParticipant",
        "setHost",
        "removeParticipant",
        "openHarvest",
        "closeCafe",
    ];
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert!(commands.iter().all(facilitator_only));

    // In the lobby (with a plan) and in a running round, every one of them is refused for a
    // participant and for the wall, and nothing is written.
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    for phase in ["lobby", "running"] {
        if phase == "running" {
            cafe.start_round().await;
        }
        cafe.fac.cafe_barrier().await;
        let before = cafe.fac.mirror.seq;
        let view_before = cafe.fac.mirror.comparable();
        for command in &commands {
            let by_phone = cafe.phones[0].command(command.clone()).await;
            assert_eq!(
                refused(by_phone),
                ErrorCode::Forbidden,
                "{} by a participant in the {phase}",
                command.name()
            );
            let by_wall = wall.command(command.clone()).await;
            assert_eq!(
                refused(by_wall),
                ErrorCode::Forbidden,
                "{} by the wall in the {phase}",
                command.name()
            );
        }
        cafe.fac.cafe_barrier().await;
        assert_eq!(
            cafe.fac.mirror.seq, before,
            "a refused command wrote to the log"
        );
        let fresh = cafe.facilitator(&server).await;
        assert_eq!(fresh.mirror.seq, before);
        assert_same_cafe(&fresh.mirror.comparable(), &view_before, "after refusals");
        assert!(
            wall.mirror.applied.iter().all(|(s, _)| *s <= before),
            "the wall saw an update after a refused command"
        );
    }

    // The wall writes nothing at all: not a note, not an edit, not a leave.
    let note = Uuid::new_v4();
    cafe.phones[0]
        .command(Command::PostNote {
            note_id: note,
            text: "a real note".into(),
            round: None,
        })
        .await
        .expect("a participant posts");
    let wall_commands = [
        Command::PostNote {
            note_id: Uuid::new_v4(),
            text: "from the projector".into(),
            round: None,
        },
        Command::EditNote {
            note_id: note,
            text: "from the projector".into(),
        },
        Command::DeleteNote { note_id: note },
        Command::HideNote {
            note_id: note,
            hidden: true,
        },
        Command::Leave,
    ];
    for command in wall_commands {
        assert_eq!(
            refused(wall.command(command.clone()).await),
            ErrorCode::Forbidden,
            "{} by the wall",
            command.name()
        );
    }
    // Taking a note off the wall is the facilitator's, not even its author's.
    let hide = Command::HideNote {
        note_id: note,
        hidden: true,
    };
    assert_eq!(
        refused(cafe.phones[0].command(hide.clone()).await),
        ErrorCode::Forbidden
    );
    cafe.fac.command(hide).await.expect("the facilitator hides");
    // And the facilitator neither posts nor leaves.
    assert_eq!(
        refused(
            cafe.fac
                .command(Command::PostNote {
                    note_id: Uuid::new_v4(),
                    text: "from the laptop".into(),
                    round: None,
                })
                .await
        ),
        ErrorCode::Forbidden
    );
    assert_eq!(
        refused(cafe.fac.command(Command::Leave).await),
        ErrorCode::Forbidden
    );

    // The same commands all succeed for the facilitator: the refusals above were about who
    // sent them, nothing else.
    for command in commands {
        let name = command.name();
        cafe.fac
            .command(command)
            .await
            .unwrap_or_else(|e| panic!("facilitator {name}: {e:?}"));
    }
}

#[tokio::test]
async fn credentials_open_one_cafe_only() {
    let server = TestServer::start().await;
    let mut a = TestCafe::new(&server, &cafe_request(2, 20, 4), 1).await;
    let b = server.create_cafe(&cafe_request(2, 20, 4)).await;
    let phone_a = a.phones[0].resume_auth();
    let Auth::Participant {
        participant_id,
        resume_token,
        ..
    } = phone_a.clone()
    else {
        unreachable!()
    };

    let attempts = [
        (
            "café B with café A's facilitator key",
            Auth::Facilitator {
                cafe_id: b.cafe_id,
                facilitator_key: a.created.facilitator_key.clone(),
            },
        ),
        (
            "café A's participant resuming into café B",
            Auth::Participant {
                cafe_id: b.cafe_id,
                participant_id,
                resume_token: resume_token.clone(),
            },
        ),
        (
            "a wrong facilitator key",
            Auth::Facilitator {
                cafe_id: a.created.cafe_id,
                facilitator_key: "0".repeat(48),
            },
        ),
        (
            "an empty facilitator key",
            Auth::Facilitator {
                cafe_id: a.created.cafe_id,
                facilitator_key: String::new(),
            },
        ),
        (
            "the join code as a facilitator key",
            Auth::Facilitator {
                cafe_id: a.created.cafe_id,
                facilitator_key: a.created.join_code.clone(),
            },
        ),
        (
            "café A's key with a changed last digit",
            Auth::Facilitator {
                cafe_id: a.created.cafe_id,
                facilitator_key: {
                    let mut k = a.created.facilitator_key.clone();
                    let last = k.pop().expect("a key");
                    k.push(if last == '0' { '1' } else { '0' });
                    k
                },
            },
        ),
        (
            "an unknown café",
            Auth::Facilitator {
                cafe_id: Uuid::new_v4(),
                facilitator_key: a.created.facilitator_key.clone(),
            },
        ),
        (
            "a forged resume token",
            Auth::Participant {
                cafe_id: a.created.cafe_id,
                participant_id,
                resume_token: "f".repeat(48),
            },
        ),
        (
            "a real token for another participant id",
            Auth::Participant {
                cafe_id: a.created.cafe_id,
                participant_id: Uuid::new_v4(),
                resume_token: resume_token.clone(),
            },
        ),
        (
            "a join code that does not exist",
            Auth::Wall {
                join_code: "ZZZZZZ".into(),
            },
        ),
    ];
    for (what, auth) in attempts {
        // A fresh connection each time: five failures on one connection close it.
        let mut c = TestClient::connect(&server).await;
        let r = c.hello(auth, None).await;
        assert_eq!(refused(r), ErrorCode::BadCredentials, "{what}");
        assert!(
            c.mirror.cafe.is_none(),
            "{what}: a refused hello got a snapshot"
        );
        // Refused is not authenticated.
        let r = c
            .command(Command::Broadcast {
                text: "hi".into(),
                keep: false,
            })
            .await;
        assert_eq!(refused(r), ErrorCode::NotAuthenticated, "{what}");
    }

    // The right credentials still work, for the right café.
    let mut again = TestClient::connect(&server).await;
    let you = again.hello(phone_a, None).await.expect("the real token");
    assert_eq!(you.participant_id, Some(participant_id));
    assert_eq!(again.cafe_id, Some(a.created.cafe_id));
    let fac_b = TestClient::facilitator(&server, b.cafe_id, &b.facilitator_key).await;
    assert_eq!(fac_b.mirror.cafe().cafe_id, b.cafe_id);
    assert!(fac_b.mirror.cafe().participants.is_empty());
    a.fac.cafe_barrier().await;
}

#[tokio::test]
async fn commands_need_a_hello_and_a_connection_keeps_its_identity() {
    let server = TestServer::start().await;
    let cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 0).await;
    let mut c = TestClient::connect(&server).await;
    assert_eq!(
        refused(c.command(Command::StartRound).await),
        ErrorCode::NotAuthenticated
    );
    assert_eq!(
        refused(
            c.command(Command::PostNote {
                note_id: Uuid::new_v4(),
                text: "hi".into(),
                round: None,
            })
            .await
        ),
        ErrorCode::NotAuthenticated
    );
    // A ping is fine before hello.
    c.ping().await.expect("pong before hello");
    // Now as the wall; a second hello, as the facilitator, is refused and changes nothing.
    c.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.clone(),
        },
        None,
    )
    .await
    .expect("wall");
    let r = c
        .hello(
            Auth::Facilitator {
                cafe_id: cafe.created.cafe_id,
                facilitator_key: cafe.created.facilitator_key.clone(),
            },
            None,
        )
        .await;
    assert_eq!(refused(r), ErrorCode::BadMessage);
    assert_eq!(
        refused(c.command(Command::StartRound).await),
        ErrorCode::Forbidden,
        "the connection is still the wall"
    );
}

#[tokio::test]
async fn five_failed_hellos_close_the_connection() {
    let server = TestServer::start().await;
    let cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 0).await;
    let wrong = || Auth::Facilitator {
        cafe_id: cafe.created.cafe_id,
        facilitator_key: "0".repeat(48),
    };

    // Four mistakes are forgiven: the fifth try on the same connection may still succeed.
    let mut typo = TestClient::connect(&server).await;
    for i in 1..=4 {
        assert_eq!(
            refused(typo.hello(wrong(), None).await),
            ErrorCode::BadCredentials,
            "attempt {i}"
        );
    }
    typo.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.to_lowercase(),
        },
        None,
    )
    .await
    .expect("the fifth attempt is right");
    typo.ping().await.expect("still open");

    // Five mistakes close the connection with 4500, after the fifth error.
    let mut guesser = TestClient::connect(&server).await;
    for i in 1..=5 {
        assert_eq!(
            refused(guesser.hello(wrong(), None).await),
            ErrorCode::BadCredentials,
            "attempt {i}"
        );
    }
    assert_eq!(guesser.wait_closed().await, Some(4500));

    // Wrong join codes count the same way (guessing codes is the attack).
    let mut guesser = TestClient::connect(&server).await;
    for code in ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"] {
        let r = guesser
            .hello(
                Auth::Join {
                    join_code: code.into(),
                    name: "Mallory".into(),
                    organisation: None,
                    role: None,
                    join_key: None,
                },
                None,
            )
            .await;
        assert_eq!(refused(r), ErrorCode::BadCredentials);
    }
    assert_eq!(guesser.wait_closed().await, Some(4500));
}

#[tokio::test]
async fn removed_and_departed_participants_are_closed_out_and_stay_out() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 4).await;
    cafe.start_round().await;
    let mut leaver = cafe.phones.pop().expect("phone");
    let mut removed = cafe.phones.pop().expect("phone");
    let removed_id = removed.participant_id();
    let removed_auth = removed.resume_auth();
    let leaver_auth = leaver.resume_auth();
    // A second tab of the removed participant is closed too.
    let mut removed_tab = TestClient::connect(&server).await;
    removed_tab
        .hello(removed_auth.clone(), None)
        .await
        .expect("second tab");

    cafe.fac
        .command(Command::RemoveParticipant {
            participant_id: removed_id,
        })
        .await
        .expect("remove");
    assert_eq!(removed.wait_closed().await, Some(4501));
    assert_eq!(removed_tab.wait_closed().await, Some(4501));
    let mut back = TestClient::connect(&server).await;
    assert_eq!(
        refused(back.hello(removed_auth.clone(), None).await),
        ErrorCode::Forbidden
    );
    // With a cursor, as a reconnecting app would: still refused.
    let since = removed.cursor();
    assert!(since.is_some());
    let mut back = TestClient::connect(&server).await;
    assert_eq!(
        refused(back.hello(removed_auth, since).await),
        ErrorCode::Forbidden
    );

    // Leaving: the ack first, then 4501, then the token is dead.
    let (seq, dup) = leaver
        .command_full(Command::Leave)
        .await
        .expect("leave acked");
    assert!(!dup);
    assert!(seq > 0);
    assert_eq!(leaver.wait_closed().await, Some(4501));
    let mut back = TestClient::connect(&server).await;
    assert_eq!(
        refused(back.hello(leaver_auth, None).await),
        ErrorCode::Forbidden
    );

    // The facilitator's view: both gone from the café and the tables, tables still hosted.
    let fresh = cafe.facilitator(&server).await;
    let view = fresh.mirror.cafe();
    assert_eq!(view.participants.iter().filter(|p| p.present).count(), 2);
    for t in fresh.mirror.tables(1) {
        assert!(t.host.is_some_and(|h| t.members.contains(&h)), "{t:?}");
        assert!(!t.members.contains(&removed_id), "{t:?}");
    }
    // A wrong token for a removed participant is a bad credential, not "removed": the server
    // says nothing about a participant to someone who cannot prove to be them.
    let mut raw = TestClient::connect(&server).await;
    raw.send(&ClientMessage::Hello {
        request_id: Some(99),
        auth: Auth::Participant {
            cafe_id: cafe.created.cafe_id,
            participant_id: removed_id,
            resume_token: "nope".into(),
        },
        since: None,
    })
    .await;
    assert_eq!(
        raw.next_error().await.expect("error"),
        (Some(99), ErrorCode::BadCredentials)
    );
}

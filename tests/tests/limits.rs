//! Limits: oversized, malformed and binary messages, input lengths, flood control, and
//! clients that stop reading.

use std::time::Duration;

use flamingo_protocol::limits::MAX_MESSAGE_BYTES;
use flamingo_protocol::{Auth, Command, ErrorCode, ServerMessage};
use flamingo_tests::mirror::assert_same_cafe;
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, cafe_request};
use tokio_tungstenite::tungstenite::Message;

/// A connection that said hello as the wall of a fresh café.
async fn wall(server: &TestServer) -> TestClient {
    let created = server.create_cafe(&cafe_request(1, 10, 4)).await;
    TestClient::wall(server, &created.join_code).await
}

/// A ping padded with spaces to exactly `len` bytes.
fn padded_ping(request_id: u32, len: usize) -> String {
    let head = format!("{{\"type\":\"ping\",\"requestId\":{request_id}");
    let pad = len - head.len() - 1;
    format!("{head}{}}}", " ".repeat(pad))
}

#[tokio::test]
async fn an_oversized_message_is_refused_and_the_connection_survives() {
    let server = TestServer::start().await;
    let mut c = wall(&server).await;

    c.send_text(padded_ping(1, 70_000)).await;
    assert_eq!(
        c.next_error().await.expect("an error"),
        (None, ErrorCode::TooLarge),
        "a message the server does not read has no request id to echo"
    );
    c.ping().await.expect("still usable");

    // Exactly the limit is fine; one byte more is not.
    c.send_text(padded_ping(2, MAX_MESSAGE_BYTES)).await;
    let answer = c.recv().await.expect("answer");
    assert!(
        matches!(
            answer,
            ServerMessage::Pong {
                request_id: Some(2),
                ..
            }
        ),
        "{answer:?}"
    );
    c.send_text(padded_ping(3, MAX_MESSAGE_BYTES + 1)).await;
    assert_eq!(
        c.next_error().await.expect("an error"),
        (None, ErrorCode::TooLarge)
    );
    c.ping().await.expect("still usable");

    // Before hello too.
    let mut fresh = TestClient::connect(&server).await;
    fresh.send_text(padded_ping(1, 70_000)).await;
    assert_eq!(
        fresh.next_error().await.expect("an error"),
        (None, ErrorCode::TooLarge)
    );
    fresh.ping().await.expect("still usable");
}

#[tokio::test]
async fn a_message_beyond_the_transport_cap_closes_with_4502() {
    let server = TestServer::start().await;
    let mut c = wall(&server).await;
    c.send_raw_may_be_cut(Message::Text(padded_ping(1, 1024 * 1024 + 100).into()))
        .await;
    match c.recv().await {
        Err(ClientError::Closed(code)) => {
            // The server may not get its close frame through a socket it stopped reading
            // mid-frame; if a code came, it must be the right one.
            assert!(matches!(code, Some(4502) | None), "{code:?}");
        }
        other => panic!("expected the connection to close, got {other:?}"),
    }
}

#[tokio::test]
async fn malformed_messages_get_bad_message_and_the_connection_survives() {
    let server = TestServer::start().await;
    let mut c = wall(&server).await;
    let deep = "[".repeat(10_000);
    let deep_object = format!(
        "{{\"type\":\"ping\",\"requestId\":5,\"x\":{}",
        "{\"a\":".repeat(5_000)
    );
    let cases: Vec<(&str, Message, Option<u32>)> = vec![
        ("not JSON", Message::Text("hello there".into()), None),
        ("cut short", Message::Text("{\"type\":\"ping\",\"requ".into()), None),
        ("JSON but not an object", Message::Text("[1,2,3]".into()), None),
        ("empty", Message::Text("".into()), None),
        ("10,000 '['", Message::Text(deep.into()), None),
        ("5,000 nested objects", Message::Text(deep_object.into()), None),
        (
            "unknown type",
            Message::Text("{\"type\":\"teleport\",\"requestId\":11}".into()),
            Some(11),
        ),
        (
            "unknown command",
            Message::Text(
                "{\"type\":\"command\",\"requestId\":12,\"command\":{\"type\":\"launchRockets\"}}"
                    .into(),
            ),
            Some(12),
        ),
        (
            "missing field",
            Message::Text("{\"type\":\"hello\",\"requestId\":13}".into()),
            Some(13),
        ),
        (
            "wrong field type",
            Message::Text(
                "{\"type\":\"command\",\"requestId\":14,\"command\":{\"type\":\"adjustTime\",\"seconds\":\"lots\"}}"
                    .into(),
            ),
            Some(14),
        ),
        (
            "a number too large for its field",
            Message::Text(
                "{\"type\":\"command\",\"requestId\":15,\"command\":{\"type\":\"adjustTime\",\"seconds\":99999999999}}"
                    .into(),
            ),
            Some(15),
        ),
        ("a binary frame", Message::Binary(vec![1u8, 2, 3].into()), None),
        (
            "JSON in a binary frame",
            Message::Binary(b"{\"type\":\"ping\",\"requestId\":16}".to_vec().into()),
            None,
        ),
    ];
    for (what, msg, request_id) in cases {
        c.send_raw(msg).await;
        match c.next_error().await {
            Ok((got_id, code)) => {
                assert_eq!(code, ErrorCode::BadMessage, "{what}");
                assert_eq!(got_id, request_id, "{what}: requestId echo");
            }
            Err(e) => panic!("{what}: {e:?}"),
        }
        c.ping()
            .await
            .unwrap_or_else(|e| panic!("after {what}: {e:?}"));
    }
    // Still the wall, still synced: a command gets its proper answer.
    let r = c.command(Command::StartRound).await;
    assert!(
        matches!(r, Err(ClientError::Refused(ErrorCode::Forbidden, _))),
        "{r:?}"
    );
}

#[tokio::test]
async fn more_than_twenty_malformed_messages_close_with_4502() {
    let server = TestServer::start().await;
    let mut c = wall(&server).await;
    for i in 1..=20 {
        c.send_text(format!("garbage {i}")).await;
        assert_eq!(
            c.next_error().await.expect("error").1,
            ErrorCode::BadMessage
        );
    }
    c.ping().await.expect("twenty are tolerated");
    c.send_text("garbage 21").await;
    assert_eq!(c.wait_closed().await, Some(4502));
}

#[tokio::test]
async fn names_and_profiles_are_length_checked() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 10, 4)).await;
    let join = |name: String, organisation: Option<String>, role: Option<String>| Auth::Join {
        join_code: created.join_code.clone(),
        name,
        organisation,
        role,
        join_key: None,
    };
    let refused = [
        ("10,000-char name", join("n".repeat(10_000), None, None)),
        ("81-char name", join("n".repeat(81), None, None)),
        ("blank name", join("  ".into(), None, None)),
        ("name with a newline", join("Ana\nSilva".into(), None, None)),
        ("name with a NUL", join("Ana\0".into(), None, None)),
        (
            "121-char organisation",
            join("Ana".into(), Some("o".repeat(121)), None),
        ),
        (
            "81-char role",
            join("Ana".into(), None, Some("r".repeat(81))),
        ),
    ];
    for (i, (what, auth)) in refused.into_iter().enumerate() {
        // Four failures per connection keep clear of the five-failure close.
        let mut c = TestClient::connect(&server).await;
        match c.hello(auth, None).await {
            Err(ClientError::Refused(code, _)) => {
                assert_eq!(code, ErrorCode::InvalidInput, "{what} ({i})")
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    let fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    assert!(
        fac.mirror.cafe().participants.is_empty(),
        "a refused join created a participant"
    );
    // The limits themselves are fine, counted in characters.
    let mut c = TestClient::connect(&server).await;
    c.hello(
        join("🦩".repeat(80), Some("é".repeat(120)), Some("r".repeat(80))),
        None,
    )
    .await
    .expect("80-character name");
    // Blank optional fields mean "not given".
    let mut c = TestClient::connect(&server).await;
    c.hello(
        join("  Ben  ".into(), Some("   ".into()), Some("".into())),
        None,
    )
    .await
    .expect("blank organisation");
    let mut fac = fac;
    fac.cafe_barrier().await;
    let ben = fac
        .mirror
        .cafe()
        .participants
        .iter()
        .find(|p| p.name == "Ben")
        .expect("Ben, trimmed");
    assert_eq!(ben.organisation, None);
    assert_eq!(ben.role, None);
}

#[tokio::test]
async fn a_flood_is_rate_limited_and_every_message_gets_one_answer() {
    let server = TestServer::start().await;
    let mut c = wall(&server).await;
    // Let the bucket fill after the hello.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let ids: Vec<u32> = (1000..1100).collect();
    for id in &ids {
        c.send_text(format!("{{\"type\":\"ping\",\"requestId\":{id}}}"))
            .await;
    }
    let mut pongs = Vec::new();
    let mut limited = Vec::new();
    while pongs.len() + limited.len() < ids.len() {
        match c.recv().await.expect("an answer for every message") {
            ServerMessage::Pong {
                request_id: Some(id),
                ..
            } => pongs.push(id),
            ServerMessage::Error {
                request_id: Some(id),
                code: ErrorCode::RateLimited,
                ..
            } => limited.push(id),
            other => panic!("unexpected {other:?}"),
        }
    }
    println!("{} answered, {} rate limited", pongs.len(), limited.len());
    assert!(
        pongs.len() >= 40,
        "the burst of 40 goes through: {}",
        pongs.len()
    );
    assert!(
        !limited.is_empty(),
        "100 messages at once must hit the limit"
    );
    let mut all: Vec<u32> = pongs.iter().chain(&limited).copied().collect();
    all.sort_unstable();
    assert_eq!(all, ids, "exactly one answer per message");
    // Commands are limited the same way, with their request id.
    let mut wall2 = wall(&server).await;
    for _ in 0..60 {
        wall2.send_command(Command::PauseRound).await;
    }
    let mut limited = 0;
    let mut forbidden = 0;
    while limited + forbidden < 60 {
        match wall2.next_error().await.expect("error") {
            (Some(_), ErrorCode::RateLimited) => limited += 1,
            (Some(_), ErrorCode::Forbidden) => forbidden += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    // The hello took one token of the burst of 40.
    assert!(
        limited > 0 && forbidden >= 35,
        "{limited} limited, {forbidden} forbidden"
    );
    // After a pause the connection is served again.
    tokio::time::sleep(Duration::from_millis(300)).await;
    c.ping().await.expect("served again");
}

/// Posts `notes` notes of `text` from `phone`, one after the other, reading (without
/// parsing: a flood must be limited by the server, not by the test) up to each ack.
async fn post_raw(mut phone: TestClient, notes: usize, text: String) -> TestClient {
    for _ in 0..notes {
        let id = phone
            .send_command(Command::PostNote {
                note_id: uuid::Uuid::new_v4(),
                text: text.clone(),
                round: None,
            })
            .await;
        let ack = format!("{{\"type\":\"ack\",\"requestId\":{id},");
        loop {
            let frame = phone.recv_raw().await.expect("a frame during the flood");
            if frame.starts_with(&ack) {
                break;
            }
            assert!(
                !frame.starts_with("{\"type\":\"error\""),
                "a note was refused: {frame}"
            );
        }
    }
    phone
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wall_that_stops_reading_is_cut_off_while_the_others_carry_on() {
    const NOTES_EACH: usize = 30; // the per-participant limit per minute
    const BIG_POSTERS: usize = 4;
    const SMALL_POSTERS: usize = 20;
    const BROADCASTS: usize = 5;
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(
        &server,
        &cafe_request(1, 30, 4),
        BIG_POSTERS + SMALL_POSTERS,
    )
    .await;
    cafe.start_round().await;
    // A wall on a socket that holds little (see `connect_small_buffer`).
    let mut slow = TestClient::connect_small_buffer(&server, 4096).await;
    slow.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.clone(),
        },
        None,
    )
    .await
    .expect("slow wall");
    let mut wall = cafe.wall(&server).await;
    let start = slow.mirror.seq;
    let notes = (BIG_POSTERS + SMALL_POSTERS) * NOTES_EACH;
    let last = start + (notes + BROADCASTS) as u64;

    // From here the slow wall reads nothing, while everyone else works: the other wall
    // reads everything, the facilitator broadcasts.
    let watcher = tokio::spawn(async move {
        while wall.mirror.seq < last {
            wall.recv().await.expect("the reading wall keeps receiving");
        }
        wall
    });
    let mut fac = cafe.fac;
    let facilitator = tokio::spawn(async move {
        for i in 0..BROADCASTS {
            fac.command(Command::Broadcast {
                text: format!("still here {i}"),
                keep: false,
            })
            .await
            .expect("broadcast during the flood");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        fac
    });
    let flood = std::time::Instant::now();
    // First 120 of the largest notes (2,000 four-byte characters, about 8 KB each: about
    // 1 MB, several times what the sockets hold), then 600 small ones, which fill the
    // server's queue of 512 frames for the slow wall quickly.
    let mut phones = std::mem::take(&mut cafe.phones);
    let small: Vec<TestClient> = phones.split_off(BIG_POSTERS);
    let big = phones
        .into_iter()
        .map(|p| tokio::spawn(post_raw(p, NOTES_EACH, "🦩".repeat(2000))));
    let mut phones = Vec::new();
    for p in big.collect::<Vec<_>>() {
        phones.push(p.await.expect("big notes"));
    }
    let small = small
        .into_iter()
        .map(|p| tokio::spawn(post_raw(p, NOTES_EACH, "a small note".into())));
    for p in small.collect::<Vec<_>>() {
        phones.push(p.await.expect("small notes"));
    }
    // The server's writer for the slow wall has been stuck since early in the flood. It gives
    // up after 10 s without a word (it cannot send 4001 through a full socket), so the wall
    // must wake up well before that.
    let elapsed = flood.elapsed();
    println!("{notes} notes in {elapsed:?}");

    // The slow wall wakes up: it gets what was queued for it, then 4001.
    let code = slow.wait_closed().await;
    assert_eq!(
        code,
        Some(4001),
        "a slow consumer is closed with 4001 (the flood took {elapsed:?})"
    );
    let cut_at = slow.mirror.seq;
    assert!(
        cut_at < last,
        "the slow wall was cut off, at {cut_at} of {last}"
    );

    let mut fac = facilitator.await.expect("facilitator");
    let wall = watcher.await.expect("watcher");
    fac.wait_seq(last).await;
    assert_eq!(wall.mirror.seq, last);
    println!(
        "slow wall cut off at {} of {} updates",
        cut_at - start,
        last - start
    );

    // What the slow wall did get is exactly the start of what the others got: no gap, no
    // reordering.
    let got = slow.mirror.applied_after(start);
    let all = wall.mirror.applied_after(start);
    assert!(!got.is_empty());
    assert_eq!(got[..], all[..got.len()]);

    // Reconnecting with its cursor brings it level with the wall that kept reading.
    let cursor = slow.cursor();
    let mut back = TestClient::reconnect_with(&server, slow.mirror.clone()).await;
    back.hello(
        Auth::Wall {
            join_code: fac.mirror.cafe().join_code.clone(),
        },
        cursor,
    )
    .await
    .expect("resume after 4001");
    back.wait_seq(wall.mirror.seq).await;
    // (Presence is not compared: the reading wall stopped reading when the flood ended.)
    let without_presence = |c: &TestClient| {
        let mut v = c.mirror.cafe().clone();
        v.connected.clear();
        v
    };
    assert_same_cafe(
        &without_presence(&back),
        &without_presence(&wall),
        "resumed vs reading wall",
    );
    assert_same_cafe(
        &without_presence(&back),
        &without_presence(&fac),
        "resumed wall vs facilitator",
    );
    drop(phones);
}

#[tokio::test]
async fn a_connection_that_never_says_hello_is_closed_with_4002() {
    let server = TestServer::start().await;
    let started = std::time::Instant::now();
    let mut c = TestClient::connect(&server).await;
    // Pings and failed hellos are not a hello.
    c.ping().await.expect("a ping before hello");
    let r = c
        .hello(
            Auth::Wall {
                join_code: "ZZZZZZ".into(),
            },
            None,
        )
        .await;
    assert!(matches!(
        r,
        Err(ClientError::Refused(ErrorCode::BadCredentials, _))
    ));
    let code = loop {
        match c.recv_within(Duration::from_secs(15)).await {
            Ok(_) => {}
            Err(ClientError::Closed(code)) => break code,
            Err(e) => panic!("still open after 15 s: {e:?}"),
        }
    };
    assert_eq!(code, Some(4002));
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(13),
        "closed after {waited:?}, not 10 s"
    );
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 10, 4)).await;
    let mut c = TestClient::connect(&server).await;
    c.send_text(format!(
        "{{\"type\":\"hello\",\"requestId\":1,\"futureField\":[1,2],\
         \"auth\":{{\"as\":\"facilitator\",\"cafeId\":\"{}\",\"facilitatorKey\":\"{}\",\"x\":null}}}}",
        created.cafe_id, created.facilitator_key
    ))
    .await;
    c.wait_until("synced", |c| {
        c.log
            .iter()
            .any(|m| matches!(m, ServerMessage::Synced { .. }))
    })
    .await;
    assert!(matches!(
        c.log.first(),
        Some(ServerMessage::Welcome {
            request_id: Some(1),
            ..
        })
    ));
    c.send_text(
        "{\"type\":\"command\",\"requestId\":2,\"priority\":\"high\",\
         \"command\":{\"type\":\"broadcast\",\"text\":\"hello\",\"colour\":\"pink\"}}",
    )
    .await;
    c.wait_until("the ack", |c| {
        c.log.iter().any(|m| {
            matches!(
                m,
                ServerMessage::Ack {
                    request_id: Some(2),
                    ..
                }
            )
        })
    })
    .await;
    assert_eq!(
        c.mirror
            .cafe()
            .last_broadcast
            .as_ref()
            .map(|b| b.text.as_str()),
        Some("hello")
    );
}

#[tokio::test]
async fn facilitator_inputs_are_checked() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 10, 4), 3).await;
    let refused = |r: Result<u64, ClientError>| match r {
        Err(ClientError::Refused(code, _)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let broadcast = |text: String| Command::Broadcast { text, keep: false };
    assert_eq!(
        refused(cafe.fac.command(broadcast(" \n ".into())).await),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        refused(cafe.fac.command(broadcast("b".repeat(501))).await),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        refused(cafe.fac.command(broadcast("bell\u{7}".into())).await),
        ErrorCode::InvalidInput
    );
    cafe.fac
        .command(broadcast("🦩".repeat(500)))
        .await
        .expect("500 characters");
    cafe.fac
        .command(broadcast("two\nlines".into()))
        .await
        .expect("line breaks are fine in a broadcast");
    // The value is checked before the phase.
    for seconds in [0, 14_401, -14_401, i32::MIN] {
        assert_eq!(
            refused(cafe.fac.command(Command::AdjustTime { seconds }).await),
            ErrorCode::InvalidInput,
            "{seconds} s"
        );
    }
    assert_eq!(
        refused(
            cafe.fac
                .command(Command::AdjustTime { seconds: 14_400 })
                .await
        ),
        ErrorCode::WrongPhase,
        "no round to adjust in the lobby"
    );
    let someone = cafe.phones[0].participant_id();
    let nobody = uuid::Uuid::new_v4();
    assert_eq!(
        refused(
            cafe.fac
                .command(Command::MoveParticipant {
                    participant_id: someone,
                    table: 1,
                })
                .await
        ),
        ErrorCode::WrongPhase,
        "no tables in the lobby without a plan"
    );
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    for table in [0, 1_001] {
        assert_eq!(
            refused(
                cafe.fac
                    .command(Command::MoveParticipant {
                        participant_id: someone,
                        table,
                    })
                    .await
            ),
            ErrorCode::InvalidInput,
            "table {table}"
        );
    }
    for command in [
        Command::MoveParticipant {
            participant_id: nobody,
            table: 1,
        },
        Command::SetHost {
            participant_id: nobody,
        },
        Command::RemoveParticipant {
            participant_id: nobody,
        },
    ] {
        let name = command.name();
        assert_eq!(
            refused(cafe.fac.command(command).await),
            ErrorCode::NotFound,
            "{name}"
        );
    }
    // Nothing above changed the café but the two broadcasts and the plan.
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.seq, cafe.fac.mirror.seq);
}

//! Reconnecting: a client that comes back with its cursor gets exactly what it missed, in
//! order and once; anything else gets a snapshot.

use flamingo_protocol::{Auth, Command, Cursor, Seq, ServerMessage, Update};
use flamingo_tests::mirror::{assert_same_cafe, phone_comparable};
use flamingo_tests::{TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

fn post(text: &str) -> Command {
    Command::PostNote {
        note_id: Uuid::new_v4(),
        text: text.into(),
        round: None,
    }
}

fn snapshots_in_log(c: &TestClient) -> usize {
    c.log
        .iter()
        .filter(|m| matches!(m, ServerMessage::Snapshot { .. }))
        .count()
}

/// No (seq, update) pair appears twice.
fn assert_no_duplicates(applied: &[(Seq, Update)], who: &str) {
    for (i, a) in applied.iter().enumerate() {
        assert!(
            !applied[i + 1..].contains(a),
            "{who} applied seq {} twice: {:?}",
            a.0,
            a.1
        );
    }
}

#[tokio::test]
async fn a_phone_and_a_wall_get_exactly_what_they_missed() {
    let server = TestServer::start().await;
    // Seven people: tables of 4 and 3, so that a late arrival sits at the table of 3.
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 20, 4), 7).await;
    cafe.start_round().await;
    let tables = cafe.fac.mirror.tables(1).to_vec();
    let small = tables
        .iter()
        .find(|t| t.members.len() == 3)
        .expect("a table of three")
        .clone();
    let big = tables
        .iter()
        .find(|t| t.members.len() == 4)
        .expect("a table of four")
        .clone();
    let host = small.host.expect("host");
    let me = *small.members.iter().find(|m| **m != host).expect("a guest");
    let mate = *small
        .members
        .iter()
        .find(|m| **m != host && **m != me)
        .expect("another guest");
    let other = big.members[0];

    let auth = cafe.phones[cafe.phone_index(me)].resume_auth();
    // The twins: a second connection of the same phone, and a second wall, which stay
    // connected throughout and see what was sent live.
    let mut twin = TestClient::connect(&server).await;
    twin.hello(auth.clone(), None).await.expect("twin phone");
    let mut wall = cafe.wall(&server).await;
    let mut wall_twin = cafe.wall(&server).await;
    cafe.fac.cafe_barrier().await;
    cafe.settle().await;
    twin.ping().await.expect("ping");
    wall.ping().await.expect("ping");

    // Both lose the network.
    let phone = cafe.phones.remove(cafe.phone_index(me));
    let phone_cursor = phone.cursor().expect("cursor");
    let phone_mirror = phone.drop_connection().await;
    let wall_cursor = wall.cursor().expect("cursor");
    let wall_mirror = wall.drop_connection().await;

    // Meanwhile: notes at the phone's table and at another, a broadcast, a pause and a
    // resume, more time, an edit, a late arrival at the phone's table, a move.
    let note_by_host = Uuid::new_v4();
    let i = cafe.phone_index(host);
    cafe.phones[i]
        .command(Command::PostNote {
            note_id: note_by_host,
            text: "The host's note".into(),
            round: None,
        })
        .await
        .expect("host posts");
    let i = cafe.phone_index(mate);
    cafe.phones[i]
        .command(post("A table-mate's note"))
        .await
        .expect("mate posts");
    let i = cafe.phone_index(other);
    cafe.phones[i]
        .command(post("Another table's note"))
        .await
        .expect("other posts");
    cafe.fac
        .command(Command::Broadcast {
            text: "Five minutes left".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    cafe.fac.command(Command::PauseRound).await.expect("pause");
    cafe.fac
        .command(Command::ResumeRound)
        .await
        .expect("resume");
    cafe.fac
        .command(Command::AdjustTime { seconds: 120 })
        .await
        .expect("more time");
    let i = cafe.phone_index(host);
    cafe.phones[i]
        .command(Command::EditNote {
            note_id: note_by_host,
            text: "The host's note, edited".into(),
        })
        .await
        .expect("edit");
    let late = TestClient::participant(&server, &cafe.created.join_code, "Late").await;
    let late_id = late.participant_id();
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: other,
            table: small.table,
        })
        .await
        .expect("move");
    cafe.fac.cafe_barrier().await;
    let last = cafe.fac.mirror.seq;

    // The twins have what was sent live.
    wall_twin.wait_seq(last).await;
    twin.ping().await.expect("ping");

    // The phone comes back with its cursor: exactly the missed updates, no snapshot.
    let mut phone = TestClient::reconnect_with(&server, phone_mirror).await;
    phone
        .hello(auth.clone(), Some(phone_cursor.clone()))
        .await
        .expect("resume");
    assert_eq!(
        snapshots_in_log(&phone),
        0,
        "a resumable cursor got a snapshot"
    );
    assert_eq!(phone.mirror.snapshots, 1);
    let missed = phone.mirror.applied_after(phone_cursor.seq);
    let live = twin.mirror.applied_after(phone_cursor.seq);
    assert_eq!(missed, live, "the replay differs from what was sent live");
    // Replayed frames carry the time each change happened, not the time of the replay.
    let times = |c: &TestClient| -> Vec<(Seq, i64)> {
        c.log
            .iter()
            .filter_map(|m| match m {
                ServerMessage::Event { seq, at, .. } if *seq > phone_cursor.seq => {
                    Some((*seq, *at))
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        times(&phone),
        times(&twin),
        "replayed events keep their `at`"
    );
    for m in &phone.log {
        if let ServerMessage::Event {
            at, server_time, ..
        } = m
        {
            assert!(server_time >= at, "serverTime {server_time} before at {at}");
        }
    }
    assert_no_duplicates(&phone.mirror.applied, "the phone");
    // What the phone may see, and nothing it may not.
    let kinds: Vec<String> = missed.iter().map(|(_, u)| update_name(u)).collect();
    for k in [
        "notePosted",
        "broadcast",
        "roundPaused",
        "roundResumed",
        "roundTimeChanged",
        "noteEdited",
        "tableChanged",
    ] {
        assert!(
            kinds.iter().any(|x| x == k),
            "the phone missed no {k}: {kinds:?}"
        );
    }
    assert!(
        !missed.iter().any(|(_, u)| matches!(
            u,
            Update::ParticipantJoined { .. } | Update::ParticipantSeated { .. }
        )),
        "a phone got staff updates: {kinds:?}"
    );
    let notes: Vec<&str> = phone
        .mirror
        .cafe()
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(notes, ["The host's note, edited", "A table-mate's note"]);
    let my_table = phone.mirror.table_of(1, me).expect("a table");
    assert!(
        my_table.members.contains(&late_id),
        "the late arrival sat down here"
    );
    assert!(
        my_table.members.contains(&other),
        "the moved person sat down here"
    );
    assert_same_cafe(&phone_view(&phone), &phone_view(&twin), "phone vs twin");
    let mut reload = TestClient::connect(&server).await;
    reload.hello(auth.clone(), None).await.expect("reload");
    assert_same_cafe(
        &phone_view(&phone),
        &phone_view(&reload),
        "phone vs fresh snapshot",
    );
    // Live again: the next update reaches it.
    let seq = cafe
        .fac
        .command(Command::Broadcast {
            text: "Back to work".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    phone.wait_seq(seq).await;

    // The wall likewise.
    let mut wall = TestClient::reconnect_with(&server, wall_mirror).await;
    wall.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.clone(),
        },
        Some(wall_cursor.clone()),
    )
    .await
    .expect("resume wall");
    assert_eq!(
        snapshots_in_log(&wall),
        0,
        "a resumable cursor got a snapshot"
    );
    assert_eq!(wall.mirror.snapshots, 1);
    wall.wait_seq(seq).await;
    wall_twin.wait_seq(seq).await;
    let missed = wall.mirror.applied_after(wall_cursor.seq);
    assert_eq!(missed, wall_twin.mirror.applied_after(wall_cursor.seq));
    assert_no_duplicates(&wall.mirror.applied, "the wall");
    let seqs: Vec<Seq> = missed.iter().map(|(s, _)| *s).collect();
    let expected: Vec<Seq> = (wall_cursor.seq + 1..=seq).collect();
    assert_eq!(seqs, expected, "staff see every seq, once, in order");
    wall_twin.cafe_barrier().await;
    wall.cafe_barrier().await;
    assert_same_cafe(
        &wall.mirror.comparable(),
        &wall_twin.mirror.comparable(),
        "wall vs twin",
    );
    let fresh = cafe.wall(&server).await;
    assert_same_cafe(
        &wall.mirror.comparable(),
        &fresh.mirror.comparable(),
        "wall vs fresh",
    );
}

fn phone_view(c: &TestClient) -> flamingo_protocol::CafeView {
    phone_comparable(c.mirror.cafe(), c.participant_id())
}

/// The update's wire name.
fn update_name(u: &Update) -> String {
    serde_json::to_value(u).expect("an update encodes")["type"]
        .as_str()
        .expect("a type tag")
        .to_owned()
}

#[tokio::test]
async fn cursors_that_cannot_resume_get_a_snapshot() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 20, 4), 4).await;
    cafe.start_round().await;
    let me = cafe.phones[0].participant_id();
    let auth = cafe.phones[0].resume_auth();
    let cursor = cafe.phones[0].cursor().expect("cursor");
    cafe.fac
        .command(Command::Broadcast {
            text: "something happened".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    let now = cafe.fac.mirror.seq;
    let wall_auth = Auth::Wall {
        join_code: cafe.created.join_code.clone(),
    };
    let fresh_wall = cafe.wall(&server).await;

    let wrong_epoch = Cursor {
        epoch: "000000000000".into(),
        seq: cursor.seq,
        part: None,
    };
    let future = Cursor {
        epoch: cursor.epoch.clone(),
        seq: now + 1_000,
        part: None,
    };
    let just_ahead = Cursor {
        epoch: cursor.epoch.clone(),
        seq: now + 1,
        part: None,
    };
    for (what, since) in [
        ("another epoch", wrong_epoch),
        ("a seq from the future", future),
        ("one past the end", just_ahead),
    ] {
        let mut c = TestClient::connect(&server).await;
        c.hello(auth.clone(), Some(since.clone()))
            .await
            .expect(what);
        assert_eq!(snapshots_in_log(&c), 1, "{what}: expected a snapshot");
        assert_eq!(c.mirror.seq, now, "{what}: the snapshot is current");
        assert_eq!(c.mirror.epoch.as_deref(), Some(cursor.epoch.as_str()));
        assert!(
            c.mirror.applied.is_empty(),
            "{what}: events besides the snapshot"
        );
        let t = c.mirror.table_of(1, me).expect("the snapshot has my table");
        assert!(t.members.contains(&me));
        assert_eq!(
            c.mirror
                .cafe()
                .last_broadcast
                .as_ref()
                .map(|b| b.text.as_str()),
            Some("something happened")
        );

        let mut w = TestClient::connect(&server).await;
        w.hello(wall_auth.clone(), Some(since)).await.expect(what);
        assert_eq!(
            snapshots_in_log(&w),
            1,
            "{what}: expected a snapshot (wall)"
        );
        assert_same_cafe(w.mirror.cafe(), fresh_wall.mirror.cafe(), what);
    }

    // A cursor that is up to date resumes with nothing to replay.
    let mut c = TestClient::connect(&server).await;
    let current = Cursor {
        epoch: cursor.epoch.clone(),
        seq: now,
        part: None,
    };
    c.hello(wall_auth, Some(current)).await.expect("current");
    assert_eq!(snapshots_in_log(&c), 0);
    assert!(c.mirror.applied.is_empty());
    assert!(matches!(c.log.first(), Some(ServerMessage::Welcome { .. })));
    assert!(matches!(c.log.last(), Some(ServerMessage::Synced { seq, .. }) if *seq == now));
}

#[tokio::test]
async fn a_reload_is_the_same_person_at_the_same_table() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 20, 4), 6).await;
    cafe.start_round().await;
    let phone = cafe.phones.remove(2);
    let me = phone.participant_id();
    let auth = phone.resume_auth();
    let before = phone.mirror.table_of(1, me).cloned().expect("a table");
    let note = Uuid::new_v4();
    let mut phone = phone;
    phone
        .command(Command::PostNote {
            note_id: note,
            text: "written before the reload".into(),
            round: None,
        })
        .await
        .expect("post");
    drop(phone);

    // The page reloads: no cursor, only the stored credentials.
    let mut reloaded = TestClient::connect(&server).await;
    let you = reloaded.hello(auth, None).await.expect("reload");
    assert_eq!(you.participant_id, Some(me));
    assert_eq!(
        you.resume_token, None,
        "the token is sent only once, at the first join"
    );
    assert_eq!(snapshots_in_log(&reloaded), 1);
    assert_eq!(reloaded.mirror.table_of(1, me), Some(&before));
    assert!(
        reloaded
            .mirror
            .cafe()
            .notes
            .iter()
            .any(|n| n.note_id == note && n.text == "written before the reload")
    );
    // The people at the table are named in the snapshot.
    let known: Vec<_> = reloaded
        .mirror
        .cafe()
        .participants
        .iter()
        .map(|p| p.participant_id)
        .collect();
    for m in &before.members {
        assert!(known.contains(m), "table-mate {m} not in participants");
    }
    // The facilitator still sees one person, not two.
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.cafe().participants.len(), 6);
}

#[tokio::test]
async fn a_long_absence_gets_a_snapshot_instead_of_a_long_replay() {
    let server = TestServer::start().await;
    let cafe = TestCafe::new(&server, &cafe_request(1, 20, 4), 0).await;
    let wall = cafe.wall(&server).await;
    let cursor = wall.cursor();
    let mirror = wall.drop_connection().await;
    // 300 broadcasts, more than the 256 updates a replay may have, from ten facilitator
    // connections (each may send a burst of 40, its hello included).
    let mut facs = Vec::new();
    for _ in 0..10 {
        facs.push(cafe.facilitator(&server).await);
    }
    let sends = facs.into_iter().map(|mut f| async move {
        for i in 0..30 {
            f.command(Command::Broadcast {
                text: format!("message {i}"),
                keep: false,
            })
            .await
            .expect("broadcast");
        }
        f
    });
    let facs = futures_util::future::join_all(sends).await;
    let last = facs.iter().map(|f| f.mirror.seq).max().expect("seq");
    let mut wall = TestClient::reconnect_with(&server, mirror).await;
    wall.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.clone(),
        },
        cursor,
    )
    .await
    .expect("resume");
    assert_eq!(
        snapshots_in_log(&wall),
        1,
        "300 missed updates: a snapshot is cheaper"
    );
    assert_eq!(wall.mirror.seq, last);
    let fresh = cafe.wall(&server).await;
    assert_same_cafe(
        wall.mirror.cafe(),
        fresh.mirror.cafe(),
        "after the long absence",
    );
}

#[tokio::test]
async fn a_new_participant_with_a_cursor_still_gets_a_snapshot() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 4).await;
    cafe.start_round().await;
    // A cursor from some other client of this café, a little behind.
    let cursor = cafe.fac.cursor().expect("cursor");
    cafe.fac
        .command(Command::Broadcast {
            text: "welcome, latecomers".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    // A join that (wrongly) sends it: a new person has no state to resume from, so the
    // server must send the whole café, not a replay.
    let mut late = TestClient::connect(&server).await;
    late.hello(
        Auth::Join {
            join_code: cafe.created.join_code.clone(),
            name: "Latecomer".into(),
            organisation: None,
            role: None,
            join_key: None,
        },
        Some(cursor),
    )
    .await
    .expect("join");
    assert_eq!(
        snapshots_in_log(&late),
        1,
        "a join must get a snapshot: {:?}",
        late.log
    );
    let me = late.participant_id();
    late.wait_until("a table", |c| c.mirror.table_of(1, me).is_some())
        .await;
    assert!(matches!(
        late.mirror.cafe().phase,
        flamingo_protocol::PhaseView::Running { round: 1, .. }
    ));
    assert_eq!(
        late.mirror
            .cafe()
            .last_broadcast
            .as_ref()
            .map(|b| b.text.as_str()),
        Some("welcome, latecomers")
    );
}

#[tokio::test]
async fn a_join_sent_again_after_its_answer_was_lost_is_the_same_person() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 10, 4)).await;
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    let key = "k".repeat(20) + "_-0123456789ABCDEF";
    let join = |join_key: Option<String>| Auth::Join {
        join_code: created.join_code.clone(),
        name: "Ada".into(),
        organisation: None,
        role: None,
        join_key,
    };

    // The phone sends its join and loses the connection before the welcome arrives.
    let mut first = TestClient::connect(&server).await;
    first
        .send(&flamingo_protocol::ClientMessage::Hello {
            request_id: Some(1),
            auth: join(Some(key.clone())),
            since: None,
        })
        .await;
    drop(first);
    fac.wait_until("the join stored", |c| {
        c.mirror.cafe().participants.len() == 1
    })
    .await;
    let stored = fac.mirror.cafe().participants[0].participant_id;

    // It sends the same join again: the same person, and the key is their resume token.
    let mut again = TestClient::connect(&server).await;
    let you = again
        .hello(join(Some(key.clone())), None)
        .await
        .expect("join again");
    assert_eq!(you.participant_id, Some(stored));
    assert_eq!(you.resume_token.as_deref(), Some(key.as_str()));
    fac.cafe_barrier().await;
    assert_eq!(fac.mirror.cafe().participants.len(), 1, "no second Ada");
    let mut resumed = TestClient::connect(&server).await;
    resumed
        .hello(again.resume_auth(), None)
        .await
        .expect("resume with the key");
    assert_eq!(resumed.participant_id(), stored);

    // Another key is another person; a key too short to be a secret is refused, typed.
    let mut other = TestClient::connect(&server).await;
    let you = other
        .hello(join(Some("z".repeat(40))), None)
        .await
        .expect("another person");
    assert_ne!(you.participant_id, Some(stored));
    let mut weak = TestClient::connect(&server).await;
    let refused = weak
        .hello(join(Some("short".into())), None)
        .await
        .expect_err("refused");
    assert_eq!(
        refused.code(),
        Some(flamingo_protocol::ErrorCode::InvalidInput)
    );
    fac.cafe_barrier().await;
    assert_eq!(fac.mirror.cafe().participants.len(), 2);
}

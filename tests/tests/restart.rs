//! Restarts: a server stopped gracefully or killed and started again on the same data loses
//! nothing, resumes every client, and keeps the round clock honest.

use std::time::Duration;

use flamingo_protocol::{
    Auth, CafeView, Command, Cursor, ErrorCode, PhaseView, ServerMessage, Update,
};
use flamingo_tests::mirror::{assert_same_cafe, phone_comparable};
use flamingo_tests::{ClientError, Mirror, TestCafe, TestClient, TestServer, cafe_request, now_ms};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stop {
    Graceful,
    Kill,
}

fn without_presence(v: &CafeView) -> CafeView {
    let mut v = v.clone();
    v.connected.clear();
    v
}

fn snapshots_in_log(c: &TestClient) -> usize {
    c.log
        .iter()
        .filter(|m| matches!(m, ServerMessage::Snapshot { .. }))
        .count()
}

fn post(text: &str) -> Command {
    Command::PostNote {
        note_id: Uuid::new_v4(),
        text: text.into(),
        round: None,
    }
}

/// A client that went away before the restart, to come back after it.
struct Away {
    auth: Auth,
    cursor: Cursor,
    mirror: Mirror,
}

async fn away(c: TestClient, auth: Auth) -> Away {
    let cursor = c.cursor().expect("cursor");
    Away {
        auth,
        cursor,
        mirror: c.drop_connection().await,
    }
}

async fn nothing_is_lost(how: Stop) {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 30, 4), 8).await;
    let join_code = cafe.created.join_code.clone();
    let wall_auth = Auth::Wall {
        join_code: join_code.clone(),
    };
    // A manual move in the plan, then round 1.
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    let moved = cafe.phones[0].participant_id();
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: moved,
            table: 2,
        })
        .await
        .expect("move");
    cafe.start_round().await;
    assert_eq!(cafe.fac.mirror.table_of(1, moved).map(|t| t.table), Some(2));

    // A phone and a wall that leave now and miss what follows; their twins stay.
    let phone_id = cafe.phones[1].participant_id();
    let phone_auth = cafe.phones[1].resume_auth();
    let mut phone_twin = TestClient::connect(&server).await;
    phone_twin
        .hello(phone_auth.clone(), None)
        .await
        .expect("twin");
    let wall = cafe.wall(&server).await;
    let mut wall_twin = cafe.wall(&server).await;
    cafe.settle().await;
    let phone = cafe.phones.remove(1);
    let phone_away = away(phone, phone_auth.clone()).await;
    let wall_away = away(wall, wall_auth.clone()).await;

    // What happens: notes at every table, an edit, a delete, a broadcast, more time, a
    // departure.
    let mut notes = Vec::new();
    for p in cafe.phones.iter_mut() {
        let id = Uuid::new_v4();
        p.command(Command::PostNote {
            note_id: id,
            text: format!("note by {}", p.participant_id()),
            round: None,
        })
        .await
        .expect("post");
        notes.push(id);
    }
    cafe.phones[0]
        .command(Command::EditNote {
            note_id: notes[0],
            text: "edited before the restart".into(),
        })
        .await
        .expect("edit");
    cafe.fac
        .command(Command::DeleteNote { note_id: notes[1] })
        .await
        .expect("delete");
    cafe.fac
        .command(Command::Broadcast {
            text: "Back in ten minutes".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    cafe.fac
        .command(Command::AdjustTime { seconds: 90 })
        .await
        .expect("more time");
    let mut leaver = cafe.phones.pop().expect("phone");
    let leaver_auth = leaver.resume_auth();
    let last = leaver.command(Command::Leave).await.expect("leave");
    cafe.fac.wait_seq(last).await;
    wall_twin.wait_seq(last).await;
    phone_twin.ping().await.expect("ping");

    let fac_view = cafe.facilitator(&server).await;
    let before = without_presence(fac_view.mirror.cafe());
    let epoch = fac_view.mirror.epoch.clone();
    assert!(matches!(before.phase, PhaseView::Running { round: 1, .. }));

    // Stop.
    let mut fac = cafe.fac;
    let dir = match how {
        Stop::Graceful => server.stop().await,
        Stop::Kill => server.kill().await,
    }
    .expect("the data directory");
    // Every connection ends; a graceful stop tells each one to reconnect.
    for (who, c) in [
        ("facilitator", &mut fac),
        ("wall", &mut wall_twin),
        ("phone", &mut phone_twin),
    ] {
        let code = c.wait_closed().await;
        if how == Stop::Graceful {
            assert_eq!(code, Some(4000), "{who}: a graceful stop says: reconnect");
        }
    }
    for p in cafe.phones.iter_mut() {
        let code = p.wait_closed().await;
        if how == Stop::Graceful {
            assert_eq!(code, Some(4000), "phone: a graceful stop says: reconnect");
        }
    }

    // Start again on the same data.
    let server = TestServer::start_in(dir.path()).await;
    let mut fac2 =
        TestClient::facilitator(&server, before.cafe_id, &cafe.created.facilitator_key).await;
    assert_eq!(fac2.mirror.epoch, epoch, "the epoch survives a restart");
    assert_eq!(fac2.mirror.seq, last, "no event lost, none added");
    assert_same_cafe(
        &without_presence(fac2.mirror.cafe()),
        &before,
        "after the restart",
    );
    assert_eq!(
        fac2.mirror.cafe().phase,
        before.phase,
        "the round clock did not move"
    );

    // The facilitator's old connection resumes with its cursor: nothing to replay.
    let mut fac = TestClient::reconnect_with(&server, fac.mirror.clone()).await;
    fac.hello(
        Auth::Facilitator {
            cafe_id: before.cafe_id,
            facilitator_key: cafe.created.facilitator_key.clone(),
        },
        fac.cursor(),
    )
    .await
    .expect("facilitator resumes");
    assert_eq!(snapshots_in_log(&fac), 0);

    // The phone and the wall that left before the events come back with their old cursors
    // and get what the twins saw live, from the history the new server rebuilt.
    let mut phone = TestClient::reconnect_with(&server, phone_away.mirror).await;
    phone
        .hello(phone_away.auth, Some(phone_away.cursor.clone()))
        .await
        .expect("phone resumes");
    assert_eq!(
        snapshots_in_log(&phone),
        0,
        "the phone's cursor should resume"
    );
    assert_eq!(
        phone.mirror.applied_after(phone_away.cursor.seq),
        phone_twin.mirror.applied_after(phone_away.cursor.seq),
        "the phone's replay after the restart differs from what was sent live"
    );
    assert_same_cafe(
        &phone_comparable(phone.mirror.cafe(), phone_id),
        &phone_comparable(phone_twin.mirror.cafe(), phone_id),
        "resumed phone vs twin",
    );
    assert!(phone.mirror.table_of(1, phone_id).is_some());
    let mut wall = TestClient::reconnect_with(&server, wall_away.mirror).await;
    wall.hello(wall_away.auth, Some(wall_away.cursor.clone()))
        .await
        .expect("wall resumes");
    assert_eq!(
        snapshots_in_log(&wall),
        0,
        "the wall's cursor should resume"
    );
    assert_eq!(
        wall.mirror.applied_after(wall_away.cursor.seq),
        wall_twin.mirror.applied_after(wall_away.cursor.seq),
        "the wall's replay after the restart differs from what was sent live"
    );
    assert_same_cafe(
        &without_presence(wall.mirror.cafe()),
        &before,
        "resumed wall vs stored café",
    );

    // Every participant resumes with their token, at their table; the leaver stays out.
    for p in &cafe.phones {
        let me = p.participant_id();
        let mut back = TestClient::reconnect_with(&server, p.mirror.clone()).await;
        back.hello(p.resume_auth(), p.cursor())
            .await
            .expect("resume after the restart");
        assert_eq!(back.you.as_ref().and_then(|y| y.participant_id), Some(me));
        assert_eq!(
            back.mirror.table_of(1, me),
            fac2.mirror.table_of(1, me),
            "{me} sits where the café says"
        );
    }
    let mut back = TestClient::connect(&server).await;
    assert!(matches!(
        back.hello(leaver_auth, None).await,
        Err(ClientError::Refused(ErrorCode::Forbidden, _))
    ));

    // And the café goes on: the next note is the next seq, and reaches everyone.
    let seq = phone
        .command(post("after the restart"))
        .await
        .expect("post");
    assert_eq!(seq, last + 1);
    fac2.wait_seq(seq).await;
    wall.wait_seq(seq).await;
    fac.wait_seq(seq).await;
    let seq = fac2.command(Command::EndRound).await.expect("end round");
    wall.wait_seq(seq).await;
    assert!(matches!(
        wall.mirror.cafe().phase,
        PhaseView::BetweenRounds { last_round: 1 }
    ));
    drop(dir);
}

#[tokio::test]
async fn nothing_is_lost_across_a_graceful_restart() {
    nothing_is_lost(Stop::Graceful).await;
}

#[tokio::test]
async fn nothing_is_lost_across_a_crash() {
    nothing_is_lost(Stop::Kill).await;
}

fn round_ends(applied: &[(u64, Update)]) -> Vec<(u32, bool)> {
    applied
        .iter()
        .filter_map(|(_, u)| match u {
            Update::RoundEnded { round, by_timer } => Some((*round, *by_timer)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_round_that_ran_out_while_the_server_was_down_ends_once_at_restart() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 1, 4), 5).await;
    let key = cafe.created.facilitator_key.clone();
    let cafe_id = cafe.created.cafe_id;
    let mut wall = cafe.wall(&server).await;
    cafe.start_round().await;
    // A one-minute round cut to about three seconds.
    let seq = cafe
        .fac
        .command(Command::AdjustTime { seconds: -57 })
        .await
        .expect("shorten");
    wall.wait_seq(seq).await;
    cafe.settle().await;
    let PhaseView::Running { ends_at, .. } = cafe.fac.mirror.cafe().phase else {
        panic!("not running: {:?}", cafe.fac.mirror.cafe().phase);
    };
    assert!(
        ends_at > now_ms() + 500,
        "too slow to test: the round is about to end"
    );
    let fac_cursor = cafe.fac.cursor().expect("cursor");
    let fac_mirror = cafe.fac.mirror.clone();
    let phone = cafe.phones.remove(0);
    let phone_auth = phone.resume_auth();
    let phone_cursor = phone.cursor().expect("cursor");
    let phone_mirror = phone.mirror.clone();
    let me = phone.participant_id();

    let dir = server.kill().await.expect("data directory");
    // Nobody heard of an end before the crash.
    assert!(round_ends(&cafe.fac.mirror.applied).is_empty());
    assert!(round_ends(&wall.mirror.applied).is_empty());
    let wait = ends_at - now_ms() + 300;
    tokio::time::sleep(Duration::from_millis(wait.max(0) as u64)).await;

    let server = TestServer::start_in(dir.path()).await;
    // A client connecting afterwards finds the round over and the next one planned: an
    // overdue round ends before anyone is served (see
    // `an_overdue_round_ends_before_anyone_is_served_at_restart`).
    let mut fresh = TestClient::facilitator(&server, cafe_id, &key).await;
    fresh
        .wait_until("the overdue round to end", |c| {
            c.mirror.cafe().phase == PhaseView::BetweenRounds { last_round: 1 }
                && c.mirror.cafe().seating.iter().any(|s| s.round == 2)
        })
        .await;
    assert!(
        round_ends(&fresh.mirror.applied).len() <= 1,
        "{:?}",
        fresh.mirror.applied
    );
    assert!(
        fresh
            .mirror
            .cafe()
            .seating
            .iter()
            .any(|s| s.round == 2 && s.planned),
        "round 2 is planned when round 1 ends"
    );

    // Staff resuming from before the crash: exactly one end, by the timer.
    let facilitator = Auth::Facilitator {
        cafe_id,
        facilitator_key: key.clone(),
    };
    let mut fac = TestClient::reconnect_with(&server, fac_mirror.clone()).await;
    fac.hello(facilitator.clone(), Some(fac_cursor.clone()))
        .await
        .expect("resume");
    assert_eq!(snapshots_in_log(&fac), 0);
    let replay = fac.mirror.applied_after(fac_cursor.seq);
    assert_eq!(round_ends(&replay), vec![(1, true)], "replay: {replay:?}");
    let ended_at = fac
        .log
        .iter()
        .find_map(|m| match m {
            ServerMessage::Event {
                at,
                update: Update::RoundEnded { .. },
                ..
            } => Some(*at),
            _ => None,
        })
        .expect("roundEnded event");
    assert!(
        ended_at >= ends_at,
        "ended at {ended_at}, before its deadline {ends_at}"
    );
    assert_eq!(fac.mirror.cafe().phase, fresh.mirror.cafe().phase);
    assert_same_cafe(
        &without_presence(fac.mirror.cafe()),
        &without_presence(fresh.mirror.cafe()),
        "resumed facilitator vs fresh snapshot",
    );

    // The phone hears of it once too, and learns its next table.
    let mut phone = TestClient::reconnect_with(&server, phone_mirror).await;
    phone
        .hello(phone_auth, Some(phone_cursor.clone()))
        .await
        .expect("phone resumes");
    assert_eq!(
        round_ends(&phone.mirror.applied_after(phone_cursor.seq)),
        vec![(1, true)]
    );
    assert!(
        phone.mirror.table_of(2, me).is_some(),
        "the phone knows its round 2 table"
    );

    // It stays ended once: nothing more happens, and another restart changes nothing.
    tokio::time::sleep(Duration::from_millis(300)).await;
    fac.cafe_barrier().await;
    assert_eq!(
        round_ends(&fac.mirror.applied_after(fac_cursor.seq)).len(),
        1
    );
    assert!(
        server.stop().await.is_none(),
        "the directory is this test's"
    );
    let server = TestServer::start_in(dir.path()).await;
    let mut again = TestClient::reconnect_with(&server, fac_mirror).await;
    again
        .hello(facilitator, Some(fac_cursor.clone()))
        .await
        .expect("resume after the second restart");
    assert_eq!(
        round_ends(&again.mirror.applied_after(fac_cursor.seq)),
        vec![(1, true)]
    );
    assert_eq!(
        again.mirror.cafe().phase,
        PhaseView::BetweenRounds { last_round: 1 }
    );
    drop(dir);
}

#[tokio::test]
async fn a_closed_cafe_can_still_be_read_after_a_restart() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 20, 4), 4).await;
    cafe.start_round().await;
    let note = Uuid::new_v4();
    cafe.phones[0]
        .command(Command::PostNote {
            note_id: note,
            text: "kept for the report".into(),
            round: None,
        })
        .await
        .expect("post");
    let seq = cafe.fac.command(Command::CloseCafe).await.expect("close");
    cafe.fac.wait_seq(seq).await;
    let before = without_presence(cafe.fac.mirror.cafe());
    let phone_auth = cafe.phones[0].resume_auth();
    let code = cafe.created.join_code.clone();
    let dir = server.stop().await.expect("data directory");

    let server = TestServer::start_in(dir.path()).await;
    // By code, over HTTP and as the wall; by id, as the facilitator and a participant.
    let info: flamingo_protocol::PublicCafeInfo =
        reqwest::get(server.http_url(&format!("/api/cafes/{code}")))
            .await
            .expect("http")
            .json()
            .await
            .expect("info");
    assert_eq!(info.phase, PhaseView::Closed);
    let wall = TestClient::wall(&server, &code).await;
    assert_same_cafe(
        &without_presence(wall.mirror.cafe()),
        &before,
        "wall after restart",
    );
    let fac = TestClient::facilitator(&server, before.cafe_id, &cafe.created.facilitator_key).await;
    assert_same_cafe(
        &without_presence(fac.mirror.cafe()),
        &before,
        "facilitator after restart",
    );
    let mut phone = TestClient::connect(&server).await;
    phone
        .hello(phone_auth, None)
        .await
        .expect("participant reads a closed café");
    assert!(phone.mirror.cafe().notes.iter().any(|n| n.note_id == note));
    assert_eq!(phone.mirror.cafe().phase, PhaseView::Closed);
    // Reading only.
    let r = phone.command(post("after the end")).await;
    assert!(
        matches!(r, Err(ClientError::Refused(ErrorCode::WrongPhase, _))),
        "{r:?}"
    );
    let mut joiner = TestClient::connect(&server).await;
    let r = joiner
        .hello(
            Auth::Join {
                join_code: code.clone(),
                name: "Too late".into(),
                organisation: None,
                role: None,
                join_key: None,
            },
            None,
        )
        .await;
    assert!(
        matches!(r, Err(ClientError::Refused(ErrorCode::WrongPhase, _))),
        "{r:?}"
    );
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_round_ends_before_anyone_is_served_at_restart() {
    let mut stale = Vec::new();
    for attempt in 0..12 {
        let server = TestServer::start().await;
        let mut cafe = TestCafe::new(&server, &cafe_request(2, 1, 4), 3).await;
        cafe.start_round().await;
        cafe.fac
            .command(Command::AdjustTime { seconds: -59 })
            .await
            .expect("shorten");
        let PhaseView::Running { ends_at, .. } = cafe.fac.mirror.cafe().phase else {
            panic!("not running");
        };
        let dir = server.kill().await.expect("data directory");
        let wait = ends_at - now_ms() + 100;
        tokio::time::sleep(Duration::from_millis(wait.max(0) as u64)).await;
        // Busy cores, as on a loaded laptop, while the server comes back.
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let hogs: Vec<_> = (0..4)
            .map(|_| {
                let stop = stop.clone();
                std::thread::spawn(move || {
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        std::hint::spin_loop();
                    }
                })
            })
            .collect();
        let server = TestServer::start_in(dir.path()).await;
        let fresh =
            TestClient::facilitator(&server, cafe.created.cafe_id, &cafe.created.facilitator_key)
                .await;
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for h in hogs {
            h.join().expect("hog");
        }
        if let PhaseView::Running { ends_at, .. } = fresh.mirror.cafe().phase {
            stale.push((attempt, ends_at, fresh.mirror.seq));
        }
        drop(server);
        drop(dir);
    }
    assert!(
        stale.is_empty(),
        "after a restart, clients were told an overdue round still runs (attempt, endsAt, \
         seq): {stale:?}"
    );
}

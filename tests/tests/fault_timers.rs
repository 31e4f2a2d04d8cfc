//! Round timers across restarts of the real binary: a round whose deadline passes while the
//! server is down ends exactly once, at restart, and every client hears of it once; a paused
//! round does not end while the server is down.

use std::time::Duration;

use flamingo_protocol::{CafeId, Command, PhaseView, Update};
use flamingo_tests::process::{LinkClient, ProcessServer, STEP, without_presence};
use flamingo_tests::{cafe_request, now_ms};

/// The (round, byTimer) of every `roundEnded` in `applied`.
fn round_ends(applied: &[(u64, Update)]) -> Vec<(u32, bool)> {
    applied
        .iter()
        .filter_map(|(_, u)| match u {
            Update::RoundEnded { round, by_timer } => Some((*round, *by_timer)),
            _ => None,
        })
        .collect()
}

/// The `roundEnded` events in the café's stored log, read from the SQLite file.
fn stored_round_ends(server: &ProcessServer, cafe: CafeId) -> Vec<String> {
    let db = rusqlite::Connection::open(server.database()).expect("open the database");
    let mut stmt = db
        .prepare("SELECT body FROM events WHERE cafe_id = ?1 ORDER BY seq")
        .expect("query");
    stmt.query_map([cafe.to_string()], |r| r.get::<_, String>(0))
        .expect("rows")
        .map(|b| b.expect("row"))
        .filter(|b| b.contains(r#""type":"roundEnded""#))
        .collect()
}

/// The server's own "round ended" log lines with by_timer=true, over every start.
fn logged_timer_ends(server: &ProcessServer) -> usize {
    server
        .output()
        .iter()
        .filter(|l| l.contains("round ended") && l.contains("by_timer=true"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deadline_that_passes_while_the_server_is_down_ends_the_round_once_at_restart() {
    let mut server = ProcessServer::start().await;
    let url = server.ws_url();
    let created = server.create_cafe(&cafe_request(2, 1, 4)).await;
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    let mut wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let mut phones = Vec::new();
    for i in 0..5 {
        phones.push(
            LinkClient::join(&url, &created.join_code, &format!("P{i}"))
                .await
                .expect("join"),
        );
    }
    fac.command(Command::StartRound).await.expect("start");
    // A one-minute round cut to about two seconds.
    let (seq, _) = fac
        .command(Command::AdjustTime { seconds: -58 })
        .await
        .expect("shorten");
    let PhaseView::Running { ends_at, .. } = fac.mirror.cafe().phase else {
        panic!("not running: {:?}", fac.mirror.cafe().phase);
    };
    assert!(
        ends_at > now_ms() + 500,
        "too slow to test: the round is about to end"
    );
    wall.wait_until(STEP, |m| m.seq >= seq).await.expect("wall");
    for p in &mut phones {
        p.wait_until(STEP, |m| m.seq >= seq).await.expect("phone");
        p.ping().await.expect("phone ping");
    }
    wall.ping().await.expect("wall ping");

    server.kill();
    for c in phones.iter_mut().chain([&mut fac, &mut wall]) {
        c.link = None;
        assert!(
            round_ends(&c.mirror.applied).is_empty(),
            "nobody heard of an end before the crash"
        );
    }
    let wall_cursor = wall.cursor().expect("cursor");
    let wall_before = wall.mirror.clone();
    let wait = ends_at - now_ms() + 500;
    tokio::time::sleep(Duration::from_millis(wait.max(0) as u64)).await;
    let down_until = now_ms();
    server.restart().await;

    // Someone connecting afresh finds the round over: the overdue round ends before the
    // café serves anyone.
    let mut fresh = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("fresh wall");
    assert_eq!(
        fresh.mirror.cafe().phase,
        PhaseView::BetweenRounds { last_round: 1 },
        "a client connecting after the restart is not told the round still runs"
    );
    fresh.drain(Duration::from_millis(200)).await;
    assert!(
        round_ends(&fresh.mirror.applied).is_empty(),
        "no end after the snapshot"
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

    // Staff resuming from before the crash: exactly one end, by the timer, in a replay.
    for c in [&mut wall, &mut fac] {
        let snapshots = c.mirror.snapshots;
        let from = c.mirror.seq;
        c.reconnect(&url, true).await.expect("resume");
        assert_eq!(c.mirror.snapshots, snapshots, "a replay, not a snapshot");
        let replay = c.mirror.applied_after(from);
        assert_eq!(round_ends(&replay), vec![(1, true)], "replay: {replay:?}");
        assert_eq!(
            c.mirror.cafe().phase,
            PhaseView::BetweenRounds { last_round: 1 }
        );
    }
    // The log holds one end, stamped after the deadline and after the server came back.
    let db_ends = stored_round_ends(&server, created.cafe_id);
    assert_eq!(db_ends.len(), 1, "stored: {db_ends:?}");
    assert!(db_ends[0].contains(r#""byTimer":true"#), "{db_ends:?}");
    let at: i64 = {
        let db = rusqlite::Connection::open(server.database()).expect("open");
        db.query_row(
            "SELECT at FROM events WHERE cafe_id = ?1 AND body LIKE '%\"roundEnded\"%'",
            [created.cafe_id.to_string()],
            |r| r.get(0),
        )
        .expect("the stored end")
    };
    assert!(
        at >= ends_at && at >= down_until,
        "ended at {at}: deadline {ends_at}, server back at {down_until}"
    );
    fac.ping().await.expect("fac");
    fresh.ping().await.expect("fresh");
    assert_eq!(
        without_presence(fac.mirror.cafe()),
        without_presence(fresh.mirror.cafe()),
        "the resumed facilitator and a fresh snapshot agree"
    );

    // Every phone hears of it once, in its replay, and learns its next table.
    for p in &mut phones {
        let from = p.mirror.seq;
        let snapshots = p.mirror.snapshots;
        p.reconnect(&url, true).await.expect("phone resumes");
        assert_eq!(p.mirror.snapshots, snapshots, "a replay, not a snapshot");
        assert_eq!(
            round_ends(&p.mirror.applied_after(from)),
            vec![(1, true)],
            "phone replay"
        );
        let me = p.participant_id();
        assert!(
            p.mirror.table_of(2, me).is_some(),
            "the phone knows its round 2 table"
        );
    }

    // It stays ended once: after a while, and across a graceful restart.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let status = server.terminate().await;
    assert!(status.success(), "SIGTERM exit: {status}");
    server.restart().await;
    let mut again = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let mut replayed = LinkClient {
        link: None,
        mirror: wall_before,
        auth: again.auth.clone(),
        you: None,
        hellos: 0,
    };
    replayed.reconnect(&url, true).await.expect("resume again");
    assert_eq!(
        round_ends(&replayed.mirror.applied_after(wall_cursor.seq)),
        vec![(1, true)]
    );
    again.ping().await.expect("again");
    assert_eq!(
        again.mirror.cafe().phase,
        PhaseView::BetweenRounds { last_round: 1 }
    );
    assert_eq!(stored_round_ends(&server, created.cafe_id).len(), 1);
    assert_eq!(
        logged_timer_ends(&server),
        1,
        "the server logged one timer end over its three starts"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_round_does_not_end_while_the_server_is_down() {
    let mut server = ProcessServer::start().await;
    let url = server.ws_url();
    let created = server.create_cafe(&cafe_request(2, 1, 4)).await;
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    for i in 0..3 {
        LinkClient::join(&url, &created.join_code, &format!("P{i}"))
            .await
            .expect("join");
    }
    fac.command(Command::StartRound).await.expect("start");
    fac.command(Command::AdjustTime { seconds: -58 })
        .await
        .expect("shorten");
    fac.command(Command::PauseRound).await.expect("pause");
    let PhaseView::Paused { remaining_ms, .. } = fac.mirror.cafe().phase else {
        panic!("not paused: {:?}", fac.mirror.cafe().phase);
    };
    assert!(remaining_ms > 0);
    server.kill();
    tokio::time::sleep(Duration::from_millis(remaining_ms as u64 + 500)).await;
    server.restart().await;

    let mut fresh = LinkClient::facilitator(&url, &created).await.expect("fac");
    assert_eq!(
        fresh.mirror.cafe().phase,
        PhaseView::Paused {
            round: 1,
            remaining_ms
        },
        "a paused clock does not run while the server is down"
    );
    fresh.drain(Duration::from_millis(300)).await;
    assert!(round_ends(&fresh.mirror.applied).is_empty());
    assert!(stored_round_ends(&server, created.cafe_id).is_empty());

    // Resumed, it runs out after what was left, by the timer, once.
    let resumed = std::time::Instant::now();
    fresh.command(Command::ResumeRound).await.expect("resume");
    fresh
        .wait_until(STEP, |m| {
            m.cafe().phase == PhaseView::BetweenRounds { last_round: 1 }
        })
        .await
        .expect("the round ends");
    let took = resumed.elapsed();
    assert!(
        took >= Duration::from_millis(remaining_ms as u64 - 50),
        "ended {took:?} after resuming with {remaining_ms} ms left"
    );
    assert_eq!(round_ends(&fresh.mirror.applied), vec![(1, true)]);
    assert_eq!(stored_round_ends(&server, created.cafe_id).len(), 1);
}

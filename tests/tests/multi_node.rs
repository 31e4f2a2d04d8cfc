//! Several `flamingo` processes sharing one PostgreSQL database serve one café as one: every
//! client sees the same events in the same order whichever node it is connected to, commands
//! sent to both nodes at once never collide, and a node killed mid-round loses nothing.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use flamingo_protocol::{
    Auth, Command, CreateCafeResponse, NoteId, PhaseView, RoundNo, Seq, Update,
};
use flamingo_tests::mirror::phone_comparable;
use flamingo_tests::process::ProcessOptions;
use flamingo_tests::{ProcessServer, TestClient, TestDatabase, cafe_request};
use sqlx::Connection;

async fn two_nodes() -> (TestDatabase, ProcessServer, ProcessServer) {
    let db = TestDatabase::create().await;
    let options = ProcessOptions {
        args: vec!["--database-url".into(), db.url().into()],
        ..Default::default()
    };
    let a = ProcessServer::start_with(options.clone()).await;
    let b = ProcessServer::start_with(options).await;
    (db, a, b)
}

async fn connect(node: &ProcessServer, auth: Auth) -> TestClient {
    let mut c = TestClient::connect_url(&node.ws_url()).await;
    c.hello(auth, None).await.expect("hello refused");
    c
}

fn join(code: &str, name: &str) -> Auth {
    Auth::Join {
        join_code: code.into(),
        name: name.into(),
        organisation: None,
        role: None,
        join_key: None,
    }
}

fn wall(code: &str) -> Auth {
    Auth::Wall {
        join_code: code.into(),
    }
}

/// `n` phones joining `code`, alternately through node A (even) and node B (odd).
async fn phones_on(a: &ProcessServer, b: &ProcessServer, code: &str, n: usize) -> Vec<TestClient> {
    let mut phones = Vec::with_capacity(n);
    for i in 0..n {
        let node = if i % 2 == 0 { a } else { b };
        phones.push(connect(node, join(code, &format!("P{i}"))).await);
    }
    phones
}

fn facilitator(created: &CreateCafeResponse) -> Auth {
    Auth::Facilitator {
        cafe_id: created.cafe_id,
        facilitator_key: created.facilitator_key.clone(),
    }
}

fn post(text: String) -> (NoteId, Command) {
    let note_id = uuid::Uuid::new_v4();
    (
        note_id,
        Command::PostNote {
            note_id,
            text,
            round: None,
        },
    )
}

/// Waits until every phone holds a table in `round` and sees it running.
async fn seated(phones: &mut [TestClient], round: RoundNo) {
    for p in phones {
        let me = p.participant_id();
        p.wait_until(&format!("a table in round {round}"), |c| {
            c.mirror.table_of(round, me).is_some()
                && matches!(c.mirror.cafe().phase, PhaseView::Running { round: r, .. } if r == round)
        })
        .await;
    }
}

/// The events as stored: (seq, event type), in order.
async fn stored_log(db: &TestDatabase) -> Vec<(i64, String)> {
    let mut conn = sqlx::PgConnection::connect(db.url())
        .await
        .expect("connect");
    sqlx::query_as("SELECT seq, body->>'type' FROM events ORDER BY cafe_id, seq")
        .fetch_all(&mut conn)
        .await
        .expect("read the log")
}

fn assert_consecutive(applied: &[(Seq, Update)], what: &str) {
    for w in applied.windows(2) {
        assert_eq!(
            w[1].0,
            w[0].0 + 1,
            "{what}: seq {} follows {}",
            w[1].0,
            w[0].0
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cafe_served_by_two_nodes_is_one_cafe() {
    let (db, a, b) = two_nodes().await;
    let created = a.create_cafe(&cafe_request(2, 10, 4)).await;
    let code = created.join_code.clone();
    let mut fac = connect(&a, facilitator(&created)).await;
    let mut wall_a = connect(&a, wall(&code)).await;
    let mut wall_b = connect(&b, wall(&code)).await;
    let mut phones = phones_on(&a, &b, &code, 12).await;

    let mut posted = HashSet::new();
    for round in 1..=2 {
        let seq = fac.command(Command::StartRound).await.expect("startRound");
        fac.wait_seq(seq).await;
        seated(&mut phones, round).await;
        // Hosts on both nodes note what their table says, and so does everyone else.
        for (i, p) in phones.iter_mut().enumerate() {
            let (id, cmd) = post(format!("round {round}, phone {i}"));
            p.command(cmd).await.expect("note on its node");
            posted.insert(id);
        }
        let seq = fac
            .command(Command::Broadcast {
                text: format!("round {round} is halfway"),
                keep: false,
            })
            .await
            .expect("broadcast");
        if round == 1 {
            fac.wait_seq(seq).await;
            fac.command(Command::EndRound).await.expect("endRound");
        }
    }
    let tip = fac.command(Command::EndRound).await.expect("endRound");
    // The round's end reaches everyone, on both nodes.
    for c in [&mut fac, &mut wall_a, &mut wall_b]
        .into_iter()
        .chain(&mut phones)
    {
        c.wait_seq(tip).await;
    }

    // The staff on both nodes saw the very same updates in the same order, without a gap.
    let common = wall_a
        .mirror
        .applied
        .first()
        .map_or(0, |u| u.0)
        .max(wall_b.mirror.applied.first().map_or(0, |u| u.0));
    let on_a = wall_a.mirror.applied_after(common);
    let on_b = wall_b.mirror.applied_after(common);
    assert!(on_a.len() > 40, "only {} updates on the wall", on_a.len());
    assert_eq!(on_a, on_b, "the walls on node A and node B saw one history");
    assert_eq!(
        fac.mirror.applied_after(common),
        on_a,
        "facilitator and walls agree"
    );
    assert_consecutive(&wall_a.mirror.applied, "wall on A");
    assert_consecutive(&wall_b.mirror.applied, "wall on B");
    let notes = wall_b.mirror.note_ids();
    assert_eq!(notes, posted, "every note, once, on the other node's wall");

    // Every phone's picture, from whichever node, equals a fresh one from the other node.
    for (i, p) in phones.iter().enumerate() {
        let other = if i % 2 == 0 { &b } else { &a };
        let fresh = connect(other, p.resume_auth()).await;
        let me = p.participant_id();
        assert_eq!(
            phone_comparable(p.mirror.cafe(), me),
            phone_comparable(fresh.mirror.cafe(), me),
            "phone {i} on its node vs a fresh view from the other"
        );
    }

    let log = stored_log(&db).await;
    assert_eq!(log.len() as u64, tip, "one stored event per seq");
    assert_eq!(
        log.iter().filter(|(_, t)| t == "roundEnded").count(),
        2,
        "each round ended once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_sent_to_both_nodes_at_once_never_collide() {
    let (db, a, b) = two_nodes().await;
    let created = a.create_cafe(&cafe_request(1, 30, 5)).await;
    let code = created.join_code.clone();
    let mut fac = connect(&a, facilitator(&created)).await;
    let mut walls = vec![
        connect(&a, wall(&code)).await,
        connect(&b, wall(&code)).await,
    ];
    let mut phones = phones_on(&a, &b, &code, 16).await;
    let seq = fac.command(Command::StartRound).await.expect("startRound");
    fac.wait_seq(seq).await;
    seated(&mut phones, 1).await;

    // Everyone posts at once, half through each node, and a second facilitator on node B
    // broadcasts meanwhile: the two nodes race for every position of the log.
    let mut fac_b = connect(&b, facilitator(&created)).await;
    let mut tasks = Vec::new();
    for (i, mut p) in phones.into_iter().enumerate() {
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            for n in 0..12 {
                let (id, cmd) = post(format!("phone {i} note {n}"));
                match p.command(cmd).await {
                    Ok(seq) => mine.push((id, seq)),
                    Err(e) => return Err(format!("phone {i} note {n}: {e:?}")),
                }
            }
            Ok((p, mine))
        }));
    }
    let broadcasts = tokio::spawn(async move {
        let mut seqs = Vec::new();
        for n in 0..10 {
            seqs.push(
                fac_b
                    .command(Command::Broadcast {
                        text: format!("from node B {n}"),
                        keep: false,
                    })
                    .await
                    .expect("broadcast accepted"),
            );
        }
        seqs
    });
    let mut acked: HashMap<NoteId, Seq> = HashMap::new();
    let mut phones = Vec::new();
    for t in tasks {
        match t.await.expect("phone task") {
            Ok((p, mine)) => {
                acked.extend(mine);
                phones.push(p);
            }
            Err(e) => panic!(
                "{e}\nnode A:\n{}\nnode B:\n{}",
                a.output_tail(30),
                b.output_tail(30)
            ),
        }
    }
    let broadcast_seqs = broadcasts.await.expect("broadcast task");

    let mut seqs: Vec<Seq> = acked.values().copied().chain(broadcast_seqs).collect();
    seqs.sort_unstable();
    let distinct = seqs.len();
    seqs.dedup();
    assert_eq!(seqs.len(), distinct, "no two commands got one seq");

    let tip = *seqs.last().expect("seqs");
    for w in &mut walls {
        w.wait_seq(tip).await;
    }
    let log = stored_log(&db).await;
    let stored: Vec<i64> = log.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        stored,
        (1..=tip as i64).collect::<Vec<_>>(),
        "no gap, no duplicate"
    );
    assert_eq!(
        log.iter().filter(|(_, t)| t == "notePosted").count(),
        acked.len(),
        "every acked note stored once"
    );
    let (wa, wb) = (&walls[0], &walls[1]);
    let common = wa.mirror.applied[0].0.max(wb.mirror.applied[0].0);
    assert_eq!(
        wa.mirror.applied_after(common),
        wb.mirror.applied_after(common)
    );
    let on_wall = wa.mirror.note_ids();
    assert_eq!(on_wall, acked.keys().copied().collect::<HashSet<_>>());
    drop(phones);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_killed_mid_round_loses_nothing_and_the_round_ends_once() {
    let (db, mut a, b) = two_nodes().await;
    let created = a.create_cafe(&cafe_request(2, 1, 4)).await;
    let code = created.join_code.clone();
    let mut fac = connect(&a, facilitator(&created)).await;
    let mut wall_b = connect(&b, wall(&code)).await;
    let mut phones = phones_on(&a, &b, &code, 8).await;
    let seq = fac.command(Command::StartRound).await.expect("startRound");
    fac.wait_seq(seq).await;
    seated(&mut phones, 1).await;
    // A one-minute round cut to about three seconds.
    fac.command(Command::AdjustTime { seconds: -57 })
        .await
        .expect("shorten");

    let mut posted = HashSet::new();
    for (i, p) in phones.iter_mut().enumerate() {
        let (id, cmd) = post(format!("before the crash, phone {i}"));
        p.command(cmd).await.expect("note");
        posted.insert(id);
    }
    a.kill();

    // Node A's clients come back through node B, resuming where they were.
    let mut back = Vec::new();
    for (i, p) in phones.into_iter().enumerate() {
        if i % 2 == 1 {
            back.push(p);
            continue;
        }
        let auth = p.resume_auth();
        let cursor = p.cursor();
        let mirror = p.drop_connection().await;
        let mut c = TestClient::connect_url(&b.ws_url()).await;
        c.mirror = mirror;
        c.hello(auth, cursor).await.expect("resume on node B");
        let (id, cmd) = post(format!("after the crash, phone {i}"));
        c.command(cmd).await.expect("note through node B");
        posted.insert(id);
        back.push(c);
    }
    let mut fac = {
        let mirror = fac.drop_connection().await;
        let mut c = TestClient::connect_url(&b.ws_url()).await;
        c.mirror = mirror;
        let cursor = c.cursor();
        c.hello(facilitator(&created), cursor)
            .await
            .expect("facilitator on B");
        c
    };

    // Node B ends the round on time, alone.
    for c in back.iter_mut().chain([&mut fac, &mut wall_b]) {
        c.wait_until("the timer to end round 1", |c| {
            matches!(c.mirror.cafe().phase, PhaseView::BetweenRounds { .. })
        })
        .await;
    }
    // Node A comes back on the same database; it must not end the round again.
    a.restart().await;
    let mut fac_a = connect(&a, facilitator(&created)).await;
    fac_a.ping().await.expect("ping");
    tokio::time::sleep(Duration::from_millis(500)).await;

    let log = stored_log(&db).await;
    assert_eq!(
        log.iter().filter(|(_, t)| t == "roundEnded").count(),
        1,
        "the round ended exactly once: {log:?}"
    );
    let notes = wall_b.mirror.note_ids();
    assert_eq!(
        notes, posted,
        "nothing acked before or after the crash is lost"
    );
    for c in back.iter().chain([&fac, &wall_b]) {
        let ended: Vec<_> = c
            .mirror
            .applied
            .iter()
            .filter(|(_, u)| matches!(u, Update::RoundEnded { .. }))
            .collect();
        assert_eq!(ended.len(), 1, "one roundEnded for every client");
    }
    assert_eq!(fac_a.mirror.cafe().notes.len(), posted.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_on_one_node_see_who_is_connected_on_every_node() {
    let (db, a, mut b) = two_nodes().await;
    let created = a.create_cafe(&cafe_request(1, 10, 4)).await;
    let code = created.join_code.clone();
    let mut fac = connect(&a, facilitator(&created)).await;
    let mut phones = phones_on(&a, &b, &code, 6).await;
    let ids: HashSet<_> = phones.iter().map(|p| p.participant_id()).collect();
    let connected = |c: &TestClient| {
        c.mirror
            .cafe()
            .connected
            .iter()
            .copied()
            .collect::<HashSet<_>>()
    };
    fac.wait_until("every phone, on both nodes, connected", |c| {
        connected(c) == ids
    })
    .await;

    // A staff member arriving later on node B is told of node A's phones too.
    let mut wall_b = connect(&b, wall(&code)).await;
    wall_b
        .wait_until("node A's phones in the wall's list", |c| {
            connected(c) == ids
        })
        .await;

    // So is one on a node started after everyone joined: it asks the others at start.
    let c = ProcessServer::start_with(ProcessOptions {
        args: vec!["--database-url".into(), db.url().into()],
        ..Default::default()
    })
    .await;
    let mut wall_c = connect(&c, wall(&code)).await;
    wall_c
        .wait_until("everyone in a new node's list", |c| connected(c) == ids)
        .await;

    // A phone on node B leaves the network: the facilitator on node A sees it go.
    let leaving = phones.remove(1);
    let gone = leaving.participant_id();
    leaving.close_and_wait().await;
    fac.wait_until("the closed phone disconnected", |c| {
        !connected(c).contains(&gone)
    })
    .await;

    // Node B dies: its phones count as disconnected once it has been silent a while, and
    // node A's own phones stay connected.
    b.kill();
    let on_a: HashSet<_> = [0, 1, 3].map(|i| phones[i].participant_id()).into();
    let on_b: HashSet<_> = [2, 4].map(|i| phones[i].participant_id()).into();
    let started = std::time::Instant::now();
    while !connected(&fac).is_disjoint(&on_b) {
        let _ = fac.recv_within(Duration::from_millis(500)).await;
        assert!(
            started.elapsed() < Duration::from_secs(25),
            "node B's phones still shown connected"
        );
    }
    assert_eq!(connected(&fac), on_a);
}

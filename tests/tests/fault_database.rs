//! PostgreSQL going away under a running node (the network to it cut, through a proxy the test
//! controls): changes are refused with `unavailable` and a clear message, nothing refused is
//! stored, people can still connect and read, and when the database is back the node carries
//! on without a restart and nothing acknowledged is lost.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use flamingo_protocol::{Auth, Command, ErrorCode, NoteId, PhaseView};
use flamingo_tests::process::ProcessOptions;
use flamingo_tests::{ClientError, ProcessServer, TestClient, TestDatabase, cafe_request};
use sqlx::Connection;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// A TCP relay to PostgreSQL that can cut every connection through it and refuse new ones.
struct DbLink {
    addr: SocketAddr,
    up: Arc<AtomicBool>,
    cut: Arc<tokio::sync::Notify>,
}

impl DbLink {
    async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let up = Arc::new(AtomicBool::new(true));
        let cut = Arc::new(tokio::sync::Notify::new());
        let (up2, cut2) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            let mut relays = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((mut client, _)) = accepted else { continue };
                        if !up2.load(Ordering::SeqCst) {
                            drop(client);
                            continue;
                        }
                        relays.spawn(async move {
                            if let Ok(mut server) = TcpStream::connect(target).await {
                                let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                            }
                        });
                    }
                    _ = cut2.notified() => relays.abort_all(),
                    Some(_) = relays.join_next(), if !relays.is_empty() => {}
                }
            }
        });
        Self { addr, up, cut }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cut.notify_one();
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

fn note(text: &str) -> (NoteId, Command) {
    let note_id = uuid::Uuid::new_v4();
    (
        note_id,
        Command::PostNote {
            note_id,
            text: text.into(),
            round: None,
        },
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn losing_the_database_refuses_changes_and_loses_nothing() {
    let db = TestDatabase::create().await;
    let link = DbLink::start("127.0.0.1:5432".parse().expect("addr")).await;
    // The test database's URL, through the relay.
    let url = db
        .url()
        .replace("127.0.0.1:5432", &link.addr.to_string())
        .replace("localhost:5432", &link.addr.to_string());
    assert!(url.contains(&link.addr.to_string()), "relay in {url}");
    let node = ProcessServer::start_with(ProcessOptions {
        args: vec!["--database-url".into(), url],
        ..Default::default()
    })
    .await;
    let created = node.create_cafe(&cafe_request(1, 20, 4)).await;
    let connect = |auth: Auth| {
        let url = node.ws_url();
        async move {
            let mut c = TestClient::connect_url(&url).await;
            c.hello(auth, None).await.expect("hello");
            c
        }
    };
    let mut fac = connect(Auth::Facilitator {
        cafe_id: created.cafe_id,
        facilitator_key: created.facilitator_key.clone(),
    })
    .await;
    let mut phones = Vec::new();
    for i in 0..4 {
        phones.push(
            connect(Auth::Join {
                join_code: created.join_code.clone(),
                name: format!("P{i}"),
                organisation: None,
                role: None,
                join_key: None,
            })
            .await,
        );
    }
    let seq = fac.command(Command::StartRound).await.expect("start");
    fac.wait_seq(seq).await;
    for p in &mut phones {
        p.wait_until("round 1", |c| {
            matches!(c.mirror.cafe().phase, PhaseView::Running { .. })
        })
        .await;
    }
    let mut acked = HashSet::new();
    for p in &mut phones {
        let (id, cmd) = note("before the outage");
        p.command(cmd).await.expect("note");
        acked.insert(id);
    }

    link.cut();
    let (refused_id, cmd) = note("during the outage");
    let started = Instant::now();
    match phones[0].command(cmd).await {
        Err(ClientError::Refused(ErrorCode::Unavailable, message)) => {
            assert!(message.contains("nothing was changed"), "{message}");
        }
        other => panic!("a change without the database answered {other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "refused within the pool's 5 s wait, not hanging: {:?}",
        started.elapsed()
    );
    // Reading goes on: a wall can still connect and sees the café as it was.
    let wall = connect(Auth::Wall {
        join_code: created.join_code.clone(),
    })
    .await;
    let on_wall = wall.mirror.note_ids();
    assert_eq!(on_wall, acked);

    link.restore();
    // The node reconnects by itself; the phone resends the refused note, as its outbox would.
    let cmd = Command::PostNote {
        note_id: refused_id,
        text: "during the outage".into(),
        round: None,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match phones[0].command(cmd.clone()).await {
            Ok(_) => break,
            Err(ClientError::Refused(ErrorCode::Unavailable, _)) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            other => panic!("after the database came back: {other:?}"),
        }
    }
    acked.insert(refused_id);
    let tip = fac
        .command(Command::Broadcast {
            text: "we are back".into(),
            keep: false,
        })
        .await
        .expect("broadcast");
    fac.wait_seq(tip).await;
    let on_console = fac.mirror.note_ids();
    assert_eq!(on_console, acked);

    let mut conn = sqlx::PgConnection::connect(db.url())
        .await
        .expect("connect");
    let stored: Vec<(i64, String)> = sqlx::query_as(
        "SELECT seq, body->>'noteId' FROM events WHERE body->>'type' = 'notePosted' ORDER BY seq",
    )
    .fetch_all(&mut conn)
    .await
    .expect("read");
    let ids: Vec<String> = stored.iter().map(|(_, id)| id.clone()).collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(
        ids.len(),
        5,
        "four notes before, one after, none twice: {ids:?}"
    );
    assert_eq!(distinct.len(), 5);
    let seqs: Vec<i64> = sqlx::query_as::<_, (i64,)>("SELECT seq FROM events ORDER BY seq")
        .fetch_all(&mut conn)
        .await
        .expect("read")
        .into_iter()
        .map(|(s,)| s)
        .collect();
    assert_eq!(seqs, (1..=seqs.len() as i64).collect::<Vec<_>>(), "no gap");
}

//! One storage suite, run against both backends: the SQLite file and PostgreSQL. Whatever the
//! café owner relies on (atomic appends without gaps or duplicates, a refused append changing
//! nothing, reading back exactly what was written) must hold for each.

use std::sync::Arc;

use flamingo_protocol::{CafeId, CreateCafeRequest, RoundSpec};
use flamingo_server::engine::{self, Event, NewCafe, Recorded};
use flamingo_server::storage::{
    CafeRow, Change, NodeBus, PostgresStorage, SqliteStorage, Storage, StorageError,
};
use flamingo_tests::TestDatabase;

/// Opens a second handle on the same store, as a second server node (or a restart) would.
type Reopen = Box<dyn Fn() -> futures_util::future::BoxFuture<'static, Arc<dyn Storage>>>;

async fn sqlite() -> (Arc<dyn Storage>, Reopen, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_owned();
    let open = move || -> futures_util::future::BoxFuture<'static, Arc<dyn Storage>> {
        let path = path.clone();
        Box::pin(async move {
            Arc::new(SqliteStorage::open(&path).expect("open sqlite")) as Arc<dyn Storage>
        })
    };
    (open().await, Box::new(open), dir)
}

async fn postgres() -> (Arc<dyn Storage>, Reopen, TestDatabase) {
    let db = TestDatabase::create().await;
    let url = db.url().to_owned();
    let open = move || -> futures_util::future::BoxFuture<'static, Arc<dyn Storage>> {
        let url = url.clone();
        Box::pin(async move {
            Arc::new(
                PostgresStorage::connect(&url, 4)
                    .await
                    .expect("connect to postgres"),
            ) as Arc<dyn Storage>
        })
    };
    (open().await, Box::new(open), db)
}

fn new_cafe(join_code: &str) -> (CafeRow, Recorded) {
    let cafe_id = uuid::Uuid::new_v4();
    let event = engine::create(
        &CreateCafeRequest {
            title: "Storage café".into(),
            table_size: Some(4),
            tables: None,
            rounds: vec![RoundSpec {
                question: "What holds?".into(),
                minutes: 20,
            }],
        },
        NewCafe {
            cafe_id,
            join_code: join_code.into(),
            facilitator_key_hash: "hash".into(),
            // Above i64::MAX on purpose: stored and read back exactly.
            seed: u64::MAX - 7,
        },
    )
    .expect("valid café");
    let row = CafeRow {
        cafe_id,
        join_code: join_code.into(),
        epoch: format!("epoch-{}", cafe_id.simple()),
        created_at: 1_700_000_000_000,
    };
    (
        row,
        Recorded {
            seq: 1,
            at: 1_700_000_000_000,
            event,
        },
    )
}

fn broadcast(seq: u64, text: &str) -> Recorded {
    Recorded {
        seq,
        at: 1_700_000_000_000 + seq as i64,
        event: Event::Broadcast {
            text: text.into(),
            keep: false,
        },
    }
}

fn texts(records: &[Recorded]) -> Vec<(u64, String)> {
    records
        .iter()
        .map(|r| (r.seq, serde_json::to_string(&r.event).expect("json")))
        .collect()
}

async fn round_trip(store: &dyn Storage) {
    let (row, first) = new_cafe("RTRIP1");
    store.create_cafe(&row, &first).await.expect("create");
    let more = vec![
        broadcast(2, "tea"),
        broadcast(3, "<b>not html</b> ünïcödé 🦩"),
    ];
    store.append(row.cafe_id, &more).await.expect("append");
    let log = store
        .load(row.cafe_id)
        .await
        .expect("load")
        .expect("exists");
    assert_eq!(log.epoch, row.epoch);
    let mut all = vec![first.clone()];
    all.extend(more.clone());
    assert_eq!(texts(&log.records), texts(&all));
    assert_eq!(log.records[0].at, first.at);
    assert_eq!(
        texts(&store.load_since(row.cafe_id, 1).await.expect("since")),
        texts(&more)
    );
    assert!(
        store
            .load_since(row.cafe_id, 3)
            .await
            .expect("since")
            .is_empty()
    );
    assert_eq!(
        store.find_join_code("RTRIP1").await.expect("find"),
        Some(row.cafe_id)
    );
    assert_eq!(store.find_join_code("NOPE99").await.expect("find"), None);
    assert!(
        store
            .load(uuid::Uuid::new_v4())
            .await
            .expect("load")
            .is_none()
    );
}

async fn refused_appends_change_nothing(store: &dyn Storage) {
    let (row, first) = new_cafe("REFUSE");
    store.create_cafe(&row, &first).await.expect("create");
    store
        .append(row.cafe_id, &[broadcast(2, "kept")])
        .await
        .expect("append");
    // A duplicate position, a gap, and a batch whose first event is fine but overlaps later.
    for bad in [
        vec![broadcast(2, "dup")],
        vec![broadcast(4, "gap")],
        vec![broadcast(1, "before"), broadcast(2, "x")],
    ] {
        let err = store.append(row.cafe_id, &bad).await.expect_err("refused");
        assert!(
            matches!(err, StorageError::SeqConflict(_)),
            "{bad:?} gave {err:?}"
        );
    }
    let log = store
        .load(row.cafe_id)
        .await
        .expect("load")
        .expect("exists");
    assert_eq!(log.records.len(), 2);
    assert_eq!(
        texts(&log.records[1..]),
        texts(&[broadcast(2, "kept")]),
        "nothing of a refused append is stored"
    );
    // The next position is still free.
    store
        .append(
            row.cafe_id,
            &[broadcast(3, "next"), broadcast(4, "and next")],
        )
        .await
        .expect("append after refusals");
}

async fn join_codes_are_unique(store: &dyn Storage) {
    let (row, first) = new_cafe("SAME11");
    store.create_cafe(&row, &first).await.expect("create");
    let (other, other_first) = new_cafe("SAME11");
    let err = store
        .create_cafe(&other, &other_first)
        .await
        .expect_err("taken");
    assert!(matches!(err, StorageError::JoinCodeTaken), "{err:?}");
    assert!(store.load(other.cafe_id).await.expect("load").is_none());
}

async fn closed_cafes_are_not_restored(store: &dyn Storage) {
    let (open, open_first) = new_cafe("OPEN11");
    let (closed, closed_first) = new_cafe("SHUT11");
    store.create_cafe(&open, &open_first).await.expect("create");
    store
        .create_cafe(&closed, &closed_first)
        .await
        .expect("create");
    store
        .append(
            closed.cafe_id,
            &[Recorded {
                seq: 2,
                at: 1,
                event: Event::CafeClosed,
            }],
        )
        .await
        .expect("close");
    let ids = store.open_cafes().await.expect("open cafés");
    assert!(ids.contains(&open.cafe_id));
    assert!(!ids.contains(&closed.cafe_id));
}

/// Two handles (two nodes) race to append at the same position, many times: every position
/// is won exactly once and the log has no gap.
async fn racing_appends_never_collide(a: Arc<dyn Storage>, b: Arc<dyn Storage>) -> CafeId {
    let (row, first) = new_cafe("RACE11");
    a.create_cafe(&row, &first).await.expect("create");
    let cafe = row.cafe_id;
    let racer = |store: Arc<dyn Storage>, name: &'static str| async move {
        let mut won = 0;
        let mut next = 2;
        while next <= 101 {
            match store
                .append(cafe, &[broadcast(next, &format!("{name} {next}"))])
                .await
            {
                Ok(()) => {
                    won += 1;
                    next += 1;
                }
                Err(StorageError::SeqConflict(_)) => {
                    // Lost: learn the tip, as a café owner catching up would.
                    next = store
                        .load_since(cafe, next - 1)
                        .await
                        .expect("since")
                        .last()
                        .map_or(next, |r| r.seq + 1);
                }
                Err(e) => panic!("{name}: {e}"),
            }
        }
        won
    };
    let (wa, wb) = tokio::join!(
        tokio::spawn(racer(a.clone(), "a")),
        tokio::spawn(racer(b.clone(), "b"))
    );
    let (wa, wb) = (wa.expect("racer a"), wb.expect("racer b"));
    let log = a.load(cafe).await.expect("load").expect("exists");
    let seqs: Vec<u64> = log.records.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=101).collect::<Vec<_>>(), "no gap, no duplicate");
    assert_eq!(
        wa + wb,
        100,
        "every position won exactly once ({wa} + {wb})"
    );
    cafe
}

/// Two nodes append through the café lock as fast as they can: neither is ever refused, each
/// gets its turn, and the log has every append once.
async fn locked_appends_take_turns(a: Arc<dyn Storage>, b: Arc<dyn Storage>) {
    let (row, first) = new_cafe("LOCK11");
    a.create_cafe(&row, &first).await.expect("create");
    let cafe = row.cafe_id;
    let writer = |store: Arc<dyn Storage>, name: &'static str| async move {
        let mut tip = 1;
        for n in 0..50 {
            let mut log = store
                .lock(cafe)
                .await
                .expect("lock")
                .expect("shared storage locks");
            tip += log.since(tip).await.expect("since").len() as u64;
            log.commit(&[broadcast(tip + 1, &format!("{name} {n}"))])
                .await
                .expect("a locked append is never refused");
            tip += 1;
        }
    };
    let (ra, rb) = tokio::join!(
        tokio::spawn(writer(a.clone(), "a")),
        tokio::spawn(writer(b.clone(), "b"))
    );
    ra.expect("writer a");
    rb.expect("writer b");
    let log = a.load(cafe).await.expect("load").expect("exists");
    assert_eq!(
        log.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        (1..=101).collect::<Vec<_>>()
    );
    // A lock dropped without committing appends nothing and lets the next one in.
    drop(a.lock(cafe).await.expect("lock"));
    let mut log = b.lock(cafe).await.expect("lock").expect("locks");
    assert!(log.since(101).await.expect("since").is_empty());
    log.commit(&[broadcast(102, "after a dropped lock")])
        .await
        .expect("append");
}

#[tokio::test]
async fn sqlite_keeps_the_contract() {
    let (store, reopen, _dir) = sqlite().await;
    round_trip(&*store).await;
    refused_appends_change_nothing(&*store).await;
    join_codes_are_unique(&*store).await;
    closed_cafes_are_not_restored(&*store).await;
    racing_appends_never_collide(store.clone(), reopen().await).await;
    // SQLite has no node bus at all (it implements only `Storage`), and no locks.
    assert!(
        store
            .lock(uuid::Uuid::new_v4())
            .await
            .expect("lock")
            .is_none()
    );
    // What was written is there for the next process.
    let again = reopen().await;
    assert_eq!(again.open_cafes().await.expect("open").len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_keeps_the_contract() {
    let (store, reopen, db) = postgres().await;
    round_trip(&*store).await;
    refused_appends_change_nothing(&*store).await;
    join_codes_are_unique(&*store).await;
    closed_cafes_are_not_restored(&*store).await;
    let other = PostgresStorage::connect(db.url(), 4)
        .await
        .expect("connect to postgres");
    let mut changes = other.watch().await.expect("postgres announces");
    let cafe = racing_appends_never_collide(store.clone(), reopen().await).await;
    assert!(
        store.lock(cafe).await.expect("lock").is_some(),
        "shared storage locks a café's log for an append"
    );
    locked_appends_take_turns(store.clone(), reopen().await).await;
    // The other node heard every append of the race, in order, up to the tip.
    let mut heard = Vec::new();
    while let Ok(Some(change)) =
        tokio::time::timeout(std::time::Duration::from_secs(2), changes.recv()).await
    {
        if let Change::Appended { cafe_id, seq } = change
            && cafe_id == cafe
        {
            heard.push(seq);
            if seq == 101 {
                break;
            }
        }
    }
    assert_eq!(
        heard,
        (1..=101).collect::<Vec<_>>(),
        "one notice per append (and the creation), in order"
    );
    // Running the migrations again at a node's start changes nothing.
    let again = reopen().await;
    assert_eq!(again.open_cafes().await.expect("open").len(), 6);
}

//! Command batches in the owner, against SQLite that can be told to refuse appends: a batch
//! is decided on the state its earlier commands leave, stored in one append, and a failed
//! append leaves the café as it was with nobody told anything but `unavailable`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use flamingo_protocol::{
    CafeId, Command, CreateCafeRequest, ErrorCode, NoteId, RoundSpec, Seq, ServerMessage,
};
use tokio::sync::oneshot;

use super::*;
use crate::cafe::{Credentials, Request};
use crate::engine::NewCafe;
use crate::outbound::Outbound;
use crate::outbound::{self, OutboundRx};
use crate::storage::{CafeRow, SqliteStorage, StoredLog};

/// SQLite, with appends that fail while `fail` is set, counting the appends made.
struct Flaky {
    inner: SqliteStorage,
    fail: AtomicBool,
    appends: AtomicUsize,
}

#[async_trait::async_trait]
impl Storage for Flaky {
    async fn create_cafe(&self, row: &CafeRow, first: &Recorded) -> Result<(), StorageError> {
        self.inner.create_cafe(row, first).await
    }
    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError> {
        if self.fail.load(Ordering::SeqCst) {
            return Err(StorageError::Backend("disk full (test)".into()));
        }
        self.appends.fetch_add(1, Ordering::SeqCst);
        self.inner.append(cafe_id, records).await
    }
    async fn load(&self, cafe_id: CafeId) -> Result<Option<StoredLog>, StorageError> {
        self.inner.load(cafe_id).await
    }
    async fn load_since(&self, cafe_id: CafeId, after: u64) -> Result<Vec<Recorded>, StorageError> {
        self.inner.load_since(cafe_id, after).await
    }
    async fn open_cafes(&self) -> Result<Vec<CafeId>, StorageError> {
        self.inner.open_cafes().await
    }
    async fn find_join_code(&self, join_code: &str) -> Result<Option<CafeId>, StorageError> {
        self.inner.find_join_code(join_code).await
    }
}

struct Client {
    out: Outbound,
    rx: OutboundRx,
    actor: Actor,
}

impl Client {
    /// Everything queued for this connection so far.
    fn take(&mut self) -> Vec<ServerMessage> {
        let mut got = Vec::new();
        while let Ok(frame) = self.rx.rx.try_recv() {
            got.push(serde_json::from_str(&frame).expect("a server message"));
        }
        got
    }

    /// Reads until `n` answers (acks or errors) arrived; returns everything read.
    async fn answers(&mut self, n: usize) -> Vec<ServerMessage> {
        let mut got = Vec::new();
        let is_answer = |m: &ServerMessage| {
            matches!(m, ServerMessage::Ack { .. } | ServerMessage::Error { .. })
        };
        while got.iter().filter(|m| is_answer(m)).count() < n {
            let frame = tokio::time::timeout(Duration::from_secs(10), self.rx.rx.recv())
                .await
                .expect("answers within 10 s")
                .expect("connection open");
            got.push(serde_json::from_str(&frame).expect("a server message"));
        }
        got
    }
}

struct TestCafe {
    _dir: tempfile::TempDir,
    storage: Arc<Flaky>,
    handle: CafeHandle,
    cafe_id: CafeId,
    key: String,
    _shutdown: tokio_util::sync::DropGuard,
}

async fn cafe() -> TestCafe {
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = Arc::new(Flaky {
        inner: SqliteStorage::open(dir.path()).expect("sqlite"),
        fail: AtomicBool::new(false),
        appends: AtomicUsize::new(0),
    });
    let key = secrets::new_secret();
    let cafe_id = uuid::Uuid::new_v4();
    let join_code = secrets::new_join_code();
    let req = CreateCafeRequest {
        title: "Batches".into(),
        table_size: Some(4),
        tables: None,
        rounds: vec![
            RoundSpec {
                question: "Why?".into(),
                minutes: 20,
            };
            2
        ],
    };
    let event = engine::create(
        &req,
        NewCafe {
            cafe_id,
            join_code: join_code.clone(),
            facilitator_key_hash: secrets::hash_secret(&key),
            seed: 7,
        },
    )
    .expect("a valid café");
    let first = Recorded {
        seq: 1,
        at: now_ms(),
        event,
    };
    let row = CafeRow {
        cafe_id,
        join_code,
        epoch: "e1".into(),
        created_at: first.at,
    };
    storage.create_cafe(&row, &first).await.expect("stored");
    let shutdown = CancellationToken::new();
    let handle = spawn(
        std::slice::from_ref(&first),
        row.epoch,
        storage.clone(),
        None,
        shutdown.clone(),
    )
    .expect("owner");
    TestCafe {
        _dir: dir,
        storage,
        handle,
        cafe_id,
        key,
        _shutdown: shutdown.drop_guard(),
    }
}

impl TestCafe {
    async fn hello(&self, credentials: Credentials) -> Client {
        let (out, rx) = outbound::channel();
        let (reply, answer) = oneshot::channel();
        self.handle
            .send(Request::Hello {
                credentials,
                since: None,
                request_id: None,
                conn: out.clone(),
                reply,
            })
            .await
            .expect("owner running");
        let session = answer.await.expect("answered").expect("hello accepted");
        Client {
            out,
            rx,
            actor: session.actor,
        }
    }

    async fn facilitator(&self) -> Client {
        self.hello(Credentials::Facilitator {
            key: self.key.clone(),
        })
        .await
    }

    async fn phone(&self, name: &str) -> Client {
        self.hello(Credentials::Join {
            name: name.into(),
            organisation: None,
            role: None,
            join_key: None,
        })
        .await
    }

    /// Queues a command without waiting for the owner.
    async fn send(&self, client: &Client, request_id: u32, command: Command) {
        self.handle
            .send(Request::Command {
                actor: client.actor,
                command,
                request_id: Some(request_id),
                conn: client.out.clone(),
            })
            .await
            .expect("owner running");
    }

    /// The café as a new facilitator connection sees it: the seq and the snapshot.
    async fn state(&self) -> (Seq, serde_json::Value) {
        let mut c = self.facilitator().await;
        let snapshot = c.take().into_iter().find_map(|m| match m {
            ServerMessage::Snapshot { seq, cafe, .. } => Some((seq, cafe)),
            _ => None,
        });
        let (seq, cafe) = snapshot.expect("a snapshot");
        (seq, serde_json::to_value(cafe).expect("json"))
    }

    async fn stored_seqs(&self) -> Vec<Seq> {
        let log = self.storage.load(self.cafe_id).await.expect("load");
        log.expect("café stored")
            .records
            .iter()
            .map(|r| r.seq)
            .collect()
    }
}

fn note(note_id: NoteId, text: &str) -> Command {
    Command::PostNote {
        note_id,
        text: text.into(),
        round: None,
    }
}

/// Queues, without waiting: per phone a note, the same note again, and an edit of it; then
/// a broadcast. On a current-thread runtime the owner does not run while these are queued,
/// so it finds them all waiting and takes them as one batch. Returns the note ids.
async fn burst(cafe: &TestCafe, fac: &Client, phones: &[Client]) -> Vec<NoteId> {
    let ids: Vec<NoteId> = phones.iter().map(|_| uuid::Uuid::new_v4()).collect();
    for (p, id) in phones.iter().zip(&ids) {
        cafe.send(p, 1, note(*id, "first")).await;
    }
    for (p, id) in phones.iter().zip(&ids) {
        cafe.send(p, 2, note(*id, "first")).await;
        cafe.send(
            p,
            3,
            Command::EditNote {
                note_id: *id,
                text: "edited".into(),
            },
        )
        .await;
    }
    cafe.send(
        fac,
        1,
        Command::Broadcast {
            text: "time".into(),
            keep: false,
        },
    )
    .await;
    ids
}

fn is_event(m: &ServerMessage) -> bool {
    matches!(m, ServerMessage::Event { .. })
}

#[tokio::test]
async fn a_failed_batch_changes_nothing_and_tells_nobody() {
    let cafe = cafe().await;
    let mut fac = cafe.facilitator().await;
    let mut phones = Vec::new();
    for i in 0..4 {
        phones.push(cafe.phone(&format!("P{i}")).await);
    }
    cafe.send(&fac, 99, Command::StartRound).await;
    fac.answers(1).await;
    for c in phones.iter_mut().chain([&mut fac]) {
        c.take();
    }
    let before = cafe.state().await;
    let appends = cafe.storage.appends.load(Ordering::SeqCst);

    cafe.storage.fail.store(true, Ordering::SeqCst);
    burst(&cafe, &fac, &phones).await;
    for (c, n) in phones.iter_mut().map(|p| (p, 3)).chain([(&mut fac, 1)]) {
        let got = c.answers(n).await;
        assert!(
            !got.iter().any(is_event),
            "told of an unstored event: {got:?}"
        );
        for m in &got {
            assert!(
                matches!(
                    m,
                    ServerMessage::Error {
                        code: ErrorCode::Unavailable,
                        ..
                    }
                ),
                "every command of the batch is refused: {m:?}"
            );
        }
    }
    assert_eq!(
        cafe.state().await,
        before,
        "the café is as before the batch"
    );
    assert_eq!(cafe.stored_seqs().await.last(), Some(&before.0));

    // Room again: the same burst is one append, decided command by command on the state
    // the earlier ones left (the repeat is a duplicate, the edit finds its note).
    cafe.storage.fail.store(false, Ordering::SeqCst);
    burst(&cafe, &fac, &phones).await;
    let mut acked = Vec::new();
    for (c, n) in phones.iter_mut().map(|p| (p, 3)).chain([(&mut fac, 1)]) {
        let mut answers = Vec::new();
        let mut last_event = 0;
        for m in c.answers(n).await {
            match m {
                ServerMessage::Ack {
                    request_id,
                    seq,
                    duplicate,
                } => answers.push((request_id, seq, duplicate)),
                ServerMessage::Event { seq, .. } => {
                    assert!(seq > last_event, "events in order");
                    last_event = seq;
                }
                other => panic!("unexpected answer {other:?}"),
            }
        }
        let ids: Vec<Option<u32>> = answers.iter().map(|a| a.0).collect();
        let expected: Vec<Option<u32>> = (1..=n as u32).map(Some).collect();
        assert_eq!(ids, expected, "answers in the order sent");
        if n == 3 {
            let (_, first, dup1) = answers[0];
            let (_, again, dup2) = answers[1];
            let (_, edit, dup3) = answers[2];
            assert!(!dup1 && dup2 && !dup3, "{answers:?}");
            // A repeat is answered with the seq it found: after its note, before its edit.
            assert!(first <= again && again < edit, "{answers:?}");
            acked.extend([first, edit]);
        } else {
            acked.push(answers[0].1);
        }
    }
    acked.sort_unstable();
    let expected: Vec<Seq> = (before.0 + 1..=before.0 + acked.len() as u64).collect();
    assert_eq!(acked, expected, "one seq per change, no gap");
    assert_eq!(
        cafe.storage.appends.load(Ordering::SeqCst),
        appends + 1,
        "the whole burst was one append"
    );
    let stored = cafe.stored_seqs().await;
    assert_eq!(
        stored,
        (1..=before.0 + acked.len() as u64).collect::<Vec<_>>()
    );
    let (seq, _) = cafe.state().await;
    assert_eq!(seq, before.0 + acked.len() as u64);
}

//! SQLite storage: one file under the data directory, in WAL mode with `synchronous=FULL`, so
//! a committed append survives `kill -9` and, on a disk that honours fsync, power loss.
//!
//! Writes go to one writer thread that commits whatever is waiting in one transaction (group
//! commit): every café's appends share each fsync instead of queueing for one each. Reads use
//! a connection of their own (WAL lets them run beside the writer).

use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};

use async_trait::async_trait;
use flamingo_protocol::CafeId;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use tokio::sync::oneshot;

use super::{CafeRow, Storage, StorageError, StoredLog};
use crate::engine::{Event, Recorded};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS cafes (
    id         TEXT PRIMARY KEY,
    join_code  TEXT NOT NULL UNIQUE,
    epoch      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closed     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
    cafe_id TEXT NOT NULL REFERENCES cafes(id),
    seq     INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (cafe_id, seq)
) WITHOUT ROWID;
";

/// Writes committed together at most.
const GROUP_MAX: usize = 512;

/// Reads on one connection behind a mutex, on the blocking pool so the async runtime never
/// waits on the disk; writes through the writer thread.
#[derive(Clone)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
    writer: Arc<Writer>,
}

/// The writer thread's queue. When the last handle goes, the queue closes and the thread is
/// waited for, so its connection closes cleanly (checkpointing the WAL) before the process
/// ends.
struct Writer {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Writer {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

enum Write {
    Create {
        row: CafeRow,
        first: Recorded,
    },
    Append {
        cafe_id: CafeId,
        records: Vec<Recorded>,
    },
}

struct Job {
    write: Write,
    done: oneshot::Sender<Result<(), StorageError>>,
}

impl SqliteStorage {
    pub fn open(dir: &Path) -> Result<Self, StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StorageError::Backend(format!("cannot create data dir {}: {e}", dir.display()))
        })?;
        let path = dir.join("flamingo.sqlite3");
        let open = || -> rusqlite::Result<Connection> {
            let conn = Connection::open(&path)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            conn.execute_batch(SCHEMA)?;
            Ok(conn)
        };
        let cannot_open = |e: rusqlite::Error| {
            StorageError::Backend(format!(
                "cannot open the database {}: {e}. Is the data directory writable?",
                path.display()
            ))
        };
        let conn = open().map_err(cannot_open)?;
        let writer = open().map_err(cannot_open)?;
        // A read-only directory can still be read (a WAL left behind makes that possible):
        // find out now, not at the first note.
        writer
            .execute_batch("BEGIN IMMEDIATE; ROLLBACK;")
            .map_err(cannot_open)?;
        let (jobs, queue) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || write_groups(writer, queue))
            .map_err(|e| StorageError::Backend(format!("cannot start the writer: {e}")))?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            writer: Arc::new(Writer {
                jobs: Some(jobs),
                thread: Some(thread),
            }),
        })
    }

    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StorageError> + Send + 'static,
    ) -> Result<T, StorageError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave a half-written transaction behind
            // (SQLite rolls it back), so the poisoned connection is still fine to use.
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| StorageError::Backend(format!("storage task failed: {e}")))?
    }

    async fn write(&self, write: Write) -> Result<(), StorageError> {
        let (done, answer) = oneshot::channel();
        let stopped = || StorageError::Backend("the storage writer has stopped".into());
        self.writer
            .jobs
            .as_ref()
            .ok_or_else(stopped)?
            .send(Job { write, done })
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

/// The writer thread: takes the first waiting write, everything queued behind it, and commits
/// them in one transaction, each in a savepoint of its own so that one refused write (a
/// conflict, a taken join code) leaves the others in.
fn write_groups(mut conn: Connection, jobs: mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < GROUP_MAX {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let results = commit_group(&mut conn, &group);
        for (job, result) in group.into_iter().zip(results) {
            let _ = job.done.send(result);
        }
    }
}

fn commit_group(conn: &mut Connection, group: &[Job]) -> Vec<Result<(), StorageError>> {
    let all_failed = |e: &rusqlite::Error| group.iter().map(|_| Err(backend_ref(e))).collect();
    // IMMEDIATE: take the write lock before reading any tip, so another process on the file
    // waits its turn (busy timeout) instead of failing on a lock upgrade.
    let mut tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return all_failed(&e),
    };
    let mut results = Vec::with_capacity(group.len());
    for job in group {
        let result = tx.savepoint().map_err(backend).and_then(|sp| {
            apply_write(&sp, &job.write)?;
            sp.commit().map_err(backend)
        });
        results.push(result);
    }
    match tx.commit() {
        Ok(()) => results,
        Err(e) => all_failed(&e),
    }
}

fn apply_write(conn: &Connection, write: &Write) -> Result<(), StorageError> {
    match write {
        Write::Create { row, first } => {
            conn.execute(
                "INSERT INTO cafes (id, join_code, epoch, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    row.cafe_id.to_string(),
                    row.join_code,
                    row.epoch,
                    row.created_at
                ],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StorageError::JoinCodeTaken
                } else {
                    backend(e)
                }
            })?;
            insert_events(conn, row.cafe_id, std::slice::from_ref(first))
        }
        Write::Append { cafe_id, records } => {
            let Some(first) = records.first() else {
                return Ok(());
            };
            let last: Option<i64> = conn
                .query_row(
                    "SELECT MAX(seq) FROM events WHERE cafe_id = ?1",
                    params![cafe_id.to_string()],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            if first.seq != last.unwrap_or(0) as u64 + 1 {
                return Err(StorageError::SeqConflict(first.seq));
            }
            insert_events(conn, *cafe_id, records)?;
            if records.iter().any(|r| matches!(r.event, Event::CafeClosed)) {
                conn.execute(
                    "UPDATE cafes SET closed = 1 WHERE id = ?1",
                    params![cafe_id.to_string()],
                )
                .map_err(backend)?;
            }
            Ok(())
        }
    }
}

fn backend_ref(e: &rusqlite::Error) -> StorageError {
    StorageError::Backend(e.to_string())
}

fn backend(e: rusqlite::Error) -> StorageError {
    backend_ref(&e)
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation
    )
}

fn insert_events(
    tx: &Connection,
    cafe_id: CafeId,
    records: &[Recorded],
) -> Result<(), StorageError> {
    let mut stmt = tx
        .prepare_cached("INSERT INTO events (cafe_id, seq, at, body) VALUES (?1, ?2, ?3, ?4)")
        .map_err(backend)?;
    for r in records {
        let body = serde_json::to_string(&r.event)
            .map_err(|e| StorageError::Backend(format!("cannot encode event: {e}")))?;
        let seq = i64::try_from(r.seq).map_err(|_| StorageError::Corrupt("seq overflow".into()))?;
        stmt.execute(params![cafe_id.to_string(), seq, r.at, body])
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StorageError::SeqConflict(r.seq)
                } else {
                    backend(e)
                }
            })?;
    }
    Ok(())
}

fn events_after(
    conn: &Connection,
    cafe_id: CafeId,
    after: u64,
) -> Result<Vec<Recorded>, StorageError> {
    let id = cafe_id.to_string();
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, at, body FROM events WHERE cafe_id = ?1 AND seq > ?2 ORDER BY seq",
        )
        .map_err(backend)?;
    let rows = stmt
        .query_map(params![id, after], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(backend)?;
    let mut records = Vec::new();
    for row in rows {
        let (seq, at, body) = row.map_err(backend)?;
        let event: Event = serde_json::from_str(&body)
            .map_err(|e| StorageError::Corrupt(format!("café {id} event {seq}: {e}")))?;
        records.push(Recorded {
            seq: seq as u64,
            at,
            event,
        });
    }
    Ok(records)
}

#[async_trait]
impl Storage for SqliteStorage {
    async fn create_cafe(&self, row: &CafeRow, first: &Recorded) -> Result<(), StorageError> {
        self.write(Write::Create {
            row: row.clone(),
            first: first.clone(),
        })
        .await
    }

    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError> {
        if records.is_empty() {
            return Ok(());
        }
        self.write(Write::Append {
            cafe_id,
            records: records.to_vec(),
        })
        .await
    }

    async fn load(&self, cafe_id: CafeId) -> Result<Option<StoredLog>, StorageError> {
        self.with(move |conn| {
            let id = cafe_id.to_string();
            let Some(epoch) = conn
                .query_row("SELECT epoch FROM cafes WHERE id = ?1", params![id], |r| {
                    r.get::<_, String>(0)
                })
                .optional()
                .map_err(backend)?
            else {
                return Ok(None);
            };
            let records = events_after(conn, cafe_id, 0)?;
            Ok(Some(StoredLog { epoch, records }))
        })
        .await
    }

    async fn load_since(&self, cafe_id: CafeId, after: u64) -> Result<Vec<Recorded>, StorageError> {
        self.with(move |conn| events_after(conn, cafe_id, after))
            .await
    }

    async fn open_cafes(&self) -> Result<Vec<CafeId>, StorageError> {
        self.with(|conn| {
            let mut stmt = conn
                .prepare("SELECT id FROM cafes WHERE closed = 0 ORDER BY created_at")
                .map_err(backend)?;
            let ids = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(backend)?
                .map(|r| {
                    let s = r.map_err(backend)?;
                    s.parse::<CafeId>()
                        .map_err(|e| StorageError::Corrupt(format!("café id {s}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ids)
        })
        .await
    }

    async fn find_join_code(&self, join_code: &str) -> Result<Option<CafeId>, StorageError> {
        let code = join_code.to_owned();
        self.with(move |conn| {
            let id: Option<String> = conn
                .query_row(
                    "SELECT id FROM cafes WHERE join_code = ?1",
                    params![code],
                    |r| r.get(0),
                )
                .optional()
                .map_err(backend)?;
            id.map(|s| {
                s.parse::<CafeId>()
                    .map_err(|e| StorageError::Corrupt(format!("café id {s}: {e}")))
            })
            .transpose()
        })
        .await
    }
}

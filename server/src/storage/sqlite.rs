//! SQLite storage: one file under the data directory, in WAL mode with `synchronous=FULL`, so
//! a committed append survives `kill -9` and, on a disk that honours fsync, power loss.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use flamingo_protocol::CafeId;
use rusqlite::{Connection, OptionalExtension, params};

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

/// One connection behind a mutex: SQLite serialises writers anyway, and every call runs on
/// the blocking pool so the async runtime never waits on the disk.
#[derive(Clone)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
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
        let conn = open().map_err(|e| {
            StorageError::Backend(format!(
                "cannot open the database {}: {e}. Is the data directory writable?",
                path.display()
            ))
        })?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
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
}

fn backend(e: rusqlite::Error) -> StorageError {
    StorageError::Backend(e.to_string())
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation
    )
}

fn insert_events(
    tx: &rusqlite::Transaction<'_>,
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
        let row = row.clone();
        let first = first.clone();
        self.with(move |conn| {
            // IMMEDIATE: take the write lock before reading the tip, so a second writer on the file
            // waits its turn (busy timeout) instead of failing on a lock upgrade.
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(backend)?;
            tx.execute(
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
            insert_events(&tx, row.cafe_id, std::slice::from_ref(&first))?;
            tx.commit().map_err(backend)
        })
        .await
    }

    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError> {
        if records.is_empty() {
            return Ok(());
        }
        let records = records.to_vec();
        self.with(move |conn| {
            // IMMEDIATE: take the write lock before reading the tip, so a second writer on the file
            // waits its turn (busy timeout) instead of failing on a lock upgrade.
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(backend)?;
            let last: Option<i64> = tx
                .query_row(
                    "SELECT MAX(seq) FROM events WHERE cafe_id = ?1",
                    params![cafe_id.to_string()],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            let expected = last.unwrap_or(0) as u64 + 1;
            if records[0].seq != expected {
                return Err(StorageError::SeqConflict(records[0].seq));
            }
            insert_events(&tx, cafe_id, &records)?;
            if records.iter().any(|r| matches!(r.event, Event::CafeClosed)) {
                tx.execute(
                    "UPDATE cafes SET closed = 1 WHERE id = ?1",
                    params![cafe_id.to_string()],
                )
                .map_err(backend)?;
            }
            tx.commit().map_err(backend)
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

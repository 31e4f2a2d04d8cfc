//! PostgreSQL storage, for several server nodes sharing one database.
//!
//! The log is the single source of truth. An append is one transaction that moves the café's
//! `last_seq` from the tip the events were decided against to the new tip (so a node deciding
//! on stale state is refused with [`StorageError::SeqConflict`], catches up and decides again),
//! inserts the events, and sends a `NOTIFY` that other nodes hear once the transaction commits.

use std::time::Duration;

use async_trait::async_trait;
use flamingo_protocol::CafeId;
use sqlx::postgres::{PgListener, PgPool, PgPoolOptions, Postgres};
use sqlx::types::Json;
use tokio::sync::mpsc;
use tracing::{info, warn};

use super::{CafeRow, Change, LockedLog, NodeBus, Storage, StorageError, StoredLog};
use crate::engine::{Event, Recorded};

/// The channel appends are announced on; the payload is `"<café id> <seq>"`.
const CHANNEL: &str = "flamingo_events";
/// The channel nodes announce presence and liveness on (see `encode_announcement`).
const NODES_CHANNEL: &str = "flamingo_nodes";
/// Notifications buffered for the registry before the listener waits for it.
const CHANGES_BUFFER: usize = 4096;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PostgresStorage {
    pool: PgPool,
}

impl PostgresStorage {
    /// Connects and brings the schema up to date (nodes starting together take turns: the
    /// migrator holds an advisory lock).
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StorageError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|e| {
                StorageError::Backend(format!(
                    "cannot connect to PostgreSQL at {}: {e}",
                    redact_url(url)
                ))
            })?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StorageError::Backend(format!("cannot migrate the database: {e}")))?;
        Ok(Self { pool })
    }
}

/// The URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

fn backend(e: sqlx::Error) -> StorageError {
    StorageError::Backend(e.to_string())
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

fn seq_i64(seq: u64) -> Result<i64, StorageError> {
    i64::try_from(seq).map_err(|_| StorageError::Corrupt("seq overflow".into()))
}

async fn insert_events(
    tx: &mut sqlx::PgConnection,
    cafe_id: CafeId,
    records: &[Recorded],
) -> Result<(), StorageError> {
    let mut seqs = Vec::with_capacity(records.len());
    let mut ats = Vec::with_capacity(records.len());
    let mut bodies = Vec::with_capacity(records.len());
    for r in records {
        seqs.push(seq_i64(r.seq)?);
        ats.push(r.at);
        bodies.push(Json(&r.event));
    }
    sqlx::query(
        "INSERT INTO events (cafe_id, seq, at, body)
         SELECT $1, s, a, b FROM UNNEST($2::BIGINT[], $3::BIGINT[], $4::JSONB[]) AS t(s, a, b)",
    )
    .bind(cafe_id)
    .bind(&seqs)
    .bind(&ats)
    .bind(&bodies)
    .execute(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StorageError::SeqConflict(records[0].seq)
        } else {
            backend(e)
        }
    })?;
    let last = records.last().map_or(0, |r| r.seq);
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(format!("{cafe_id} {last}"))
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    Ok(())
}

async fn events_after(
    conn: impl sqlx::PgExecutor<'_>,
    cafe_id: CafeId,
    after: u64,
) -> Result<Vec<Recorded>, StorageError> {
    let rows: Vec<(i64, i64, Json<Event>)> = sqlx::query_as(
        "SELECT seq, at, body FROM events WHERE cafe_id = $1 AND seq > $2 ORDER BY seq",
    )
    .bind(cafe_id)
    .bind(i64::try_from(after).unwrap_or(i64::MAX))
    .fetch_all(conn)
    .await
    .map_err(|e| match e {
        sqlx::Error::ColumnDecode { source, .. } => {
            StorageError::Corrupt(format!("café {cafe_id}: {source}"))
        }
        e => backend(e),
    })?;
    Ok(rows
        .into_iter()
        .map(|(seq, at, Json(event))| Recorded {
            seq: seq as u64,
            at,
            event,
        })
        .collect())
}

/// Moves the café's tip from the seq before `records` to their last, or refuses.
async fn move_tip(
    tx: &mut sqlx::PgConnection,
    cafe_id: CafeId,
    records: &[Recorded],
) -> Result<(), StorageError> {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return Ok(());
    };
    let closing = records.iter().any(|r| matches!(r.event, Event::CafeClosed));
    let moved = sqlx::query(
        "UPDATE cafes SET last_seq = $3, closed = closed OR $4 WHERE id = $1 AND last_seq = $2",
    )
    .bind(cafe_id)
    .bind(seq_i64(first.seq.saturating_sub(1))?)
    .bind(seq_i64(last.seq)?)
    .bind(closing)
    .execute(&mut *tx)
    .await
    .map_err(backend)?
    .rows_affected();
    if moved == 1 {
        Ok(())
    } else {
        Err(StorageError::SeqConflict(first.seq))
    }
}

/// A transaction holding the café row's lock (`SELECT ... FOR UPDATE`).
struct PgLockedLog {
    tx: sqlx::Transaction<'static, Postgres>,
    cafe_id: CafeId,
    tip: u64,
}

#[async_trait]
impl LockedLog for PgLockedLog {
    async fn since(&mut self, after: u64) -> Result<Vec<Recorded>, StorageError> {
        if after >= self.tip {
            return Ok(Vec::new());
        }
        events_after(&mut *self.tx, self.cafe_id, after).await
    }

    async fn commit(mut self: Box<Self>, records: &[Recorded]) -> Result<(), StorageError> {
        if records.is_empty() {
            return Ok(());
        }
        move_tip(&mut self.tx, self.cafe_id, records).await?;
        insert_events(&mut self.tx, self.cafe_id, records).await?;
        self.tx.commit().await.map_err(backend)
    }
}

#[async_trait]
impl Storage for PostgresStorage {
    async fn create_cafe(&self, row: &CafeRow, first: &Recorded) -> Result<(), StorageError> {
        let mut tx = self.pool.begin().await.map_err(backend)?;
        sqlx::query(
            "INSERT INTO cafes (id, join_code, epoch, created_at, last_seq) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(row.cafe_id)
        .bind(&row.join_code)
        .bind(&row.epoch)
        .bind(row.created_at)
        .bind(seq_i64(first.seq)?)
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StorageError::JoinCodeTaken
            } else {
                backend(e)
            }
        })?;
        insert_events(&mut tx, row.cafe_id, std::slice::from_ref(first)).await?;
        tx.commit().await.map_err(backend)
    }

    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError> {
        if records.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await.map_err(backend)?;
        // Moves the tip only if nobody moved it since these events were decided.
        move_tip(&mut tx, cafe_id, records).await?;
        insert_events(&mut tx, cafe_id, records).await?;
        tx.commit().await.map_err(backend)
    }

    async fn lock(&self, cafe_id: CafeId) -> Result<Option<Box<dyn LockedLog>>, StorageError> {
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let tip: Option<(i64,)> =
            sqlx::query_as("SELECT last_seq FROM cafes WHERE id = $1 FOR UPDATE")
                .bind(cafe_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
        let Some((tip,)) = tip else {
            return Err(StorageError::Corrupt(format!(
                "café {cafe_id} is not stored"
            )));
        };
        Ok(Some(Box::new(PgLockedLog {
            tx,
            cafe_id,
            tip: tip as u64,
        })))
    }

    async fn load(&self, cafe_id: CafeId) -> Result<Option<StoredLog>, StorageError> {
        // One snapshot for the row and its events, so the log read matches the epoch read.
        let mut tx = self.pool.begin().await.map_err(backend)?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let epoch: Option<(String,)> = sqlx::query_as("SELECT epoch FROM cafes WHERE id = $1")
            .bind(cafe_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        let Some((epoch,)) = epoch else {
            return Ok(None);
        };
        let records = events_after(&mut *tx, cafe_id, 0).await?;
        tx.commit().await.map_err(backend)?;
        Ok(Some(StoredLog { epoch, records }))
    }

    async fn load_since(&self, cafe_id: CafeId, after: u64) -> Result<Vec<Recorded>, StorageError> {
        events_after(&self.pool, cafe_id, after).await
    }

    async fn open_cafes(&self) -> Result<Vec<CafeId>, StorageError> {
        let ids: Vec<(CafeId,)> =
            sqlx::query_as("SELECT id FROM cafes WHERE NOT closed ORDER BY created_at")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }

    async fn find_join_code(&self, join_code: &str) -> Result<Option<CafeId>, StorageError> {
        let id: Option<(CafeId,)> = sqlx::query_as("SELECT id FROM cafes WHERE join_code = $1")
            .bind(join_code)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        Ok(id.map(|(id,)| id))
    }
}

#[async_trait]
impl NodeBus for PostgresStorage {
    async fn watch(&self) -> Result<mpsc::Receiver<Change>, StorageError> {
        let mut listener = PgListener::connect_with(&self.pool)
            .await
            .map_err(backend)?;
        listener
            .listen_all([CHANNEL, NODES_CHANNEL])
            .await
            .map_err(backend)?;
        let (tx, rx) = mpsc::channel(CHANGES_BUFFER);
        tokio::spawn(async move {
            loop {
                let change = match listener.try_recv().await {
                    Ok(Some(n)) => match parse(n.channel(), n.payload()) {
                        Some(change) => change,
                        None => {
                            warn!(payload = n.payload(), "unreadable change notification");
                            continue;
                        }
                    },
                    // The connection dropped and reconnects on the next call; whatever was
                    // announced meanwhile is lost, so every café looks for itself.
                    Ok(None) => {
                        info!("lost the change notifications; cafés will check their logs");
                        Change::MaybeMissed
                    }
                    Err(sqlx::Error::PoolClosed) => break,
                    Err(e) => {
                        warn!(error = %e, "change notifications failed; retrying");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        Change::MaybeMissed
                    }
                };
                if tx.send(change).await.is_err() {
                    break;
                }
            }
        });
        Ok(rx)
    }

    async fn announce(&self, change: &Change) -> Result<(), StorageError> {
        let Some(payload) = encode_announcement(change) else {
            return Ok(());
        };
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(NODES_CHANNEL)
            .bind(payload)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

fn encode_announcement(change: &Change) -> Option<String> {
    Some(match change {
        Change::Presence {
            node,
            cafe_id,
            participant_id,
            connected,
        } => format!(
            "presence {node} {cafe_id} {participant_id} {}",
            u8::from(*connected)
        ),
        Change::Alive { node } => format!("alive {node}"),
        Change::PresenceWanted { node, cafe_id } => match cafe_id {
            Some(cafe) => format!("wanted {node} {cafe}"),
            None => format!("wanted {node} *"),
        },
        Change::Appended { .. } | Change::MaybeMissed => return None,
    })
}

fn parse(channel: &str, payload: &str) -> Option<Change> {
    let words: Vec<&str> = payload.split(' ').collect();
    match (channel, words.as_slice()) {
        (CHANNEL, [id, seq]) => Some(Change::Appended {
            cafe_id: id.parse().ok()?,
            seq: seq.parse().ok()?,
        }),
        (NODES_CHANNEL, ["presence", node, cafe, participant, connected]) => {
            Some(Change::Presence {
                node: node.parse().ok()?,
                cafe_id: cafe.parse().ok()?,
                participant_id: participant.parse().ok()?,
                connected: *connected == "1",
            })
        }
        (NODES_CHANNEL, ["alive", node]) => Some(Change::Alive {
            node: node.parse().ok()?,
        }),
        (NODES_CHANNEL, ["wanted", node, cafe]) => Some(Change::PresenceWanted {
            node: node.parse().ok()?,
            cafe_id: match *cafe {
                "*" => None,
                cafe => Some(cafe.parse().ok()?),
            },
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_the_password() {
        assert_eq!(
            redact_url("postgres://flamingo:s3cret@db:5432/flamingo"),
            "postgres://flamingo@db:5432/flamingo"
        );
        assert_eq!(
            redact_url("postgres://db/flamingo"),
            "postgres://db/flamingo"
        );
    }

    #[test]
    fn parses_notifications() {
        let id = uuid::Uuid::new_v4();
        assert_eq!(
            parse(CHANNEL, &format!("{id} 42")),
            Some(Change::Appended {
                cafe_id: id,
                seq: 42
            })
        );
        assert_eq!(parse(CHANNEL, "nonsense"), None);
        assert_eq!(parse(NODES_CHANNEL, &format!("{id} 42")), None);
    }

    #[test]
    fn announcements_read_back_as_sent() {
        let node = uuid::Uuid::new_v4();
        for change in [
            Change::Presence {
                node,
                cafe_id: uuid::Uuid::new_v4(),
                participant_id: uuid::Uuid::new_v4(),
                connected: true,
            },
            Change::Presence {
                node,
                cafe_id: uuid::Uuid::new_v4(),
                participant_id: uuid::Uuid::new_v4(),
                connected: false,
            },
            Change::Alive { node },
            Change::PresenceWanted {
                node,
                cafe_id: None,
            },
            Change::PresenceWanted {
                node,
                cafe_id: Some(uuid::Uuid::new_v4()),
            },
        ] {
            let payload = encode_announcement(&change).expect("announced");
            assert_eq!(parse(NODES_CHANNEL, &payload), Some(change));
        }
        assert_eq!(encode_announcement(&Change::MaybeMissed), None);
    }
}

//! Where café logs are kept. The engine never sees this; the café owner appends events here
//! before anyone is told, and restores cafés from here at start.

mod postgres;
mod sqlite;

use async_trait::async_trait;
use flamingo_protocol::{CafeId, Millis};
use tokio::sync::mpsc;

use crate::engine::Recorded;

pub use postgres::{PostgresStorage, redact_url};
pub use sqlite::SqliteStorage;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("join code already in use")]
    JoinCodeTaken,
    /// Another writer already stored an event at one of these positions.
    #[error("sequence number {0} already stored")]
    SeqConflict(u64),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("storage failed: {0}")]
    Backend(String),
}

/// A new café's row.
#[derive(Debug, Clone)]
pub struct CafeRow {
    pub cafe_id: CafeId,
    pub join_code: String,
    /// Names this log's history; a new epoch tells clients that old cursors do not apply.
    pub epoch: String,
    pub created_at: Millis,
}

/// A café's whole log as stored.
#[derive(Debug, Clone)]
pub struct StoredLog {
    pub epoch: String,
    pub records: Vec<Recorded>,
}

/// News of a log written by another server node sharing the same storage. Only a hint: the
/// events themselves are always read from the log, so a missed change costs latency, not data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The café's log now reaches at least `seq`.
    Appended { cafe_id: CafeId, seq: u64 },
    /// Changes may have been missed (the connection that hears them was lost): every café
    /// should read its log for anything new.
    MaybeMissed,
}

/// The log store. Every method is atomic: it stores all it was given or nothing.
#[async_trait]
pub trait Storage: Send + Sync + 'static {
    /// Stores a new café with its first event (seq 1).
    async fn create_cafe(&self, row: &CafeRow, first: &Recorded) -> Result<(), StorageError>;
    /// Appends events that must follow the stored ones without a gap.
    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError>;
    async fn load(&self, cafe_id: CafeId) -> Result<Option<StoredLog>, StorageError>;
    /// The events after `after`, oldest first.
    async fn load_since(&self, cafe_id: CafeId, after: u64) -> Result<Vec<Recorded>, StorageError>;
    /// Cafés not closed, to restore at start.
    async fn open_cafes(&self) -> Result<Vec<CafeId>, StorageError>;
    async fn find_join_code(&self, join_code: &str) -> Result<Option<CafeId>, StorageError>;
    /// Whether other server processes may append to these logs too. Such storage also
    /// reports their appends through [`Storage::watch`].
    fn shared(&self) -> bool {
        false
    }
    /// Appends by other processes, as they happen. Storage only this process writes has none.
    async fn watch(&self) -> Result<Option<mpsc::Receiver<Change>>, StorageError> {
        Ok(None)
    }
}

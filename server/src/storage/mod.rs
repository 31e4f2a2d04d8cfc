//! Where café logs are kept. The engine never sees this; the café owner appends events here
//! before anyone is told, and restores cafés from here at start.

mod sqlite;

use async_trait::async_trait;
use flamingo_protocol::{CafeId, Millis};

use crate::engine::Recorded;

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

/// The log store. Every method is atomic: it stores all it was given or nothing.
#[async_trait]
pub trait Storage: Send + Sync + 'static {
    /// Stores a new café with its first event (seq 1).
    async fn create_cafe(&self, row: &CafeRow, first: &Recorded) -> Result<(), StorageError>;
    /// Appends events that must follow the stored ones without a gap.
    async fn append(&self, cafe_id: CafeId, records: &[Recorded]) -> Result<(), StorageError>;
    async fn load(&self, cafe_id: CafeId) -> Result<Option<StoredLog>, StorageError>;
    /// Cafés not closed, to restore at start.
    async fn open_cafes(&self) -> Result<Vec<CafeId>, StorageError>;
    async fn find_join_code(&self, join_code: &str) -> Result<Option<CafeId>, StorageError>;
}

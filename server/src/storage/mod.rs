//! Where café logs are kept. The engine never sees this; the café owner appends events here
//! before anyone is told, and restores cafés from here at start.

mod postgres;
mod sqlite;

use async_trait::async_trait;
use flamingo_protocol::{CafeId, Millis, ParticipantId};
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

/// One server process among those sharing a storage; a new one at every start.
pub type NodeId = uuid::Uuid;

/// News between server nodes sharing a storage. Appends are only hints: the events themselves
/// are always read from the log, so a missed one costs latency, not data. Presence is soft
/// state that lives in the nodes, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The café's log now reaches at least `seq`.
    Appended { cafe_id: CafeId, seq: u64 },
    /// News may have been missed (the connection that hears it was lost): every café should
    /// read its log for anything new, and presence be announced again.
    MaybeMissed,
    /// A participant got their first connection on `node`, or lost their last one there.
    Presence {
        node: NodeId,
        cafe_id: CafeId,
        participant_id: ParticipantId,
        connected: bool,
    },
    /// `node` is running (sent every few seconds; silence means it is gone).
    Alive { node: NodeId },
    /// `node` asks the others to announce their phones again: in one café it just started
    /// running, or in all.
    PresenceWanted {
        node: NodeId,
        cafe_id: Option<CafeId>,
    },
}

impl Change {
    /// The node that sent it, for news other nodes send (appends are read from the log).
    pub fn sender(&self) -> Option<NodeId> {
        match self {
            Self::Presence { node, .. }
            | Self::Alive { node }
            | Self::PresenceWanted { node, .. } => Some(*node),
            Self::Appended { .. } | Self::MaybeMissed => None,
        }
    }
}

/// One café's log, locked for this node's next append (storage shared by several nodes).
/// Others wait for it instead of failing, in the order they came: under a stream of commands
/// on several nodes, each gets its turn. Dropping it without `commit` appends nothing.
#[async_trait]
pub trait LockedLog: Send {
    /// The events others appended after `after`, complete up to the tip while locked.
    async fn since(&mut self, after: u64) -> Result<Vec<Recorded>, StorageError>;
    /// Appends `records`, which must follow the tip, and releases the lock.
    async fn commit(self: Box<Self>, records: &[Recorded]) -> Result<(), StorageError>;
}

/// The log store, and nothing else. Every method is atomic: it stores all it was given or
/// nothing.
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
    /// Locks a café's log for an append decided on its latest events; `None` where this
    /// process is the only writer and a plain `append` cannot conflict.
    async fn lock(&self, _cafe_id: CafeId) -> Result<Option<Box<dyn LockedLog>>, StorageError> {
        Ok(None)
    }
}

/// How nodes sharing a storage hear each other: the backend's appends as they happen, and what
/// the nodes announce (presence, liveness). Only storage several processes write has one
/// (PostgreSQL's `LISTEN/NOTIFY`); [`crate::cluster::Cluster`] is its one user.
#[async_trait]
pub trait NodeBus: Send + Sync + 'static {
    /// Appends by any process, as they happen, and what the nodes announce.
    async fn watch(&self) -> Result<mpsc::Receiver<Change>, StorageError>;
    /// Tells the other processes sharing this storage (presence, liveness). Not stored.
    async fn announce(&self, change: &Change) -> Result<(), StorageError>;
}

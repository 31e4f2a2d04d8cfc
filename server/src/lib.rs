//! The Flamingo server as a library: `main.rs` only parses flags and calls [`serve`], so
//! that tests start the very same server on a port-0 listener.

pub mod accept;
pub mod address_gate;
pub mod cafe;
pub mod clock;
pub mod cluster;
pub mod config;
pub mod engine;
pub mod export;
pub mod http;
pub mod outbound;
pub mod rate;
pub mod refusal;
pub mod registry;
pub mod seating;
pub mod secrets;
pub mod session;
pub mod storage;
pub mod suggest;

use std::future::Future;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::info;

pub use config::Config;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("storage: {0}")]
    Storage(#[from] storage::StorageError),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves until `shutdown` resolves, then closes every websocket with "reconnect" and waits
/// for the connections to finish.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let storage = open_storage(&config).await?;
    let changes = storage.watch().await?;
    let stop = CancellationToken::new();
    let peers = changes
        .is_some()
        .then(|| start_announcing(storage.clone(), stop.clone()));
    let registry = Arc::new(registry::Registry::new(storage, peers, stop.clone()));
    if let Some(mut changes) = changes {
        let hearing = registry.clone();
        tokio::spawn(async move {
            while let Some(change) = changes.recv().await {
                hearing.on_change(change);
            }
        });
        let sweeping = registry.clone();
        let stopping = stop.clone();
        tokio::spawn(async move {
            let mut sweep = tokio::time::interval(registry::ALIVE_EVERY);
            loop {
                tokio::select! {
                    _ = stopping.cancelled() => break,
                    _ = sweep.tick() => sweeping.sweep_nodes(),
                }
            }
        });
    }
    let restored = registry.restore().await?;
    let port = listener.local_addr()?.port();
    info!("Flamingo is running. Facilitator console: http://localhost:{port}/");
    info!(
        addr = %listener.local_addr()?,
        storage = %config.storage_description(),
        restored,
        "Flamingo is serving"
    );
    let connections = TaskTracker::new();
    let app = http::router(http::AppState {
        registry,
        allowed_origins: Arc::new(config.allowed_origins.clone()),
        websockets: Arc::new(Semaphore::new(config.max_connections)),
        connections: connections.clone(),
        shutdown: stop.clone(),
    });
    let gate = address_gate::AddressGate::new(address_gate::AddressLimits {
        max_open: config.max_connections_per_address,
        per_second: config.new_connections_per_second,
        burst: config.new_connections_burst,
    });
    let stopping = stop.clone();
    tokio::spawn(async move {
        shutdown.await;
        info!("shutting down");
        stopping.cancel();
    });
    accept::serve(listener, app, gate, connections, stop).await;
    Ok(())
}

/// This node's voice to the others sharing the storage: one queue, sent in order, plus a
/// heartbeat so that the others notice when this node is gone.
fn start_announcing(
    storage: Arc<dyn storage::Storage>,
    stop: CancellationToken,
) -> cluster::ClusterLink {
    let node = uuid::Uuid::new_v4();
    let (announce, mut queue) = tokio::sync::mpsc::unbounded_channel();
    let heartbeat = announce.clone();
    tokio::spawn(async move {
        while let Some(change) = queue.recv().await {
            if let Err(e) = storage.announce(&change).await {
                tracing::warn!(error = %e, "could not tell the other nodes");
            }
        }
    });
    tokio::spawn(async move {
        let mut beat = tokio::time::interval(registry::ALIVE_EVERY);
        loop {
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = beat.tick() => {
                    if heartbeat.send(storage::Change::Alive { node }).is_err() {
                        break;
                    }
                }
            }
        }
    });
    info!(%node, "sharing the storage with other nodes");
    cluster::ClusterLink { node, announce }
}

/// PostgreSQL when a database URL is given (several nodes may share it), else the SQLite file
/// in the data directory.
async fn open_storage(config: &Config) -> Result<Arc<dyn storage::Storage>, ServerError> {
    Ok(match &config.database_url {
        Some(url) => {
            Arc::new(storage::PostgresStorage::connect(url, config.database_connections).await?)
        }
        None => Arc::new(storage::SqliteStorage::open(&config.data_dir)?),
    })
}

//! The Flamingo server as a library: the binary only runs [`cli::main`], which parses flags
//! and calls [`serve`], so that tests start the very same server on a port-0 listener.

pub mod accept;
pub mod address_gate;
pub mod cafe;
pub mod cli;
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
    let (storage, bus) = open_storage(&config).await?;
    let stop = CancellationToken::new();
    let cluster = match bus {
        Some(bus) => Some(cluster::Cluster::join(bus, stop.clone()).await?),
        None => None,
    };
    let registry = Arc::new(registry::Registry::new(
        storage,
        cluster.clone(),
        stop.clone(),
    ));
    if let Some(cluster) = &cluster {
        let hearing = registry.clone();
        cluster.listen(move |heard| hearing.on_heard(heard));
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

/// PostgreSQL when a database URL is given (several nodes may share it, and hear each other
/// through it), else the SQLite file in the data directory (this node alone).
async fn open_storage(
    config: &Config,
) -> Result<(Arc<dyn storage::Storage>, Option<Arc<dyn storage::NodeBus>>), ServerError> {
    Ok(match &config.database_url {
        Some(url) => {
            let pg = storage::PostgresStorage::connect(url, config.database_connections).await?;
            (Arc::new(pg.clone()), Some(Arc::new(pg)))
        }
        None => (
            Arc::new(storage::SqliteStorage::open(&config.data_dir)?),
            None,
        ),
    })
}

//! Every café this server runs, by id and by join code. The map holds handles only; each
//! café's state lives in its owner task.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dashmap::DashMap;
use flamingo_protocol::{CafeId, CreateCafeRequest, CreateCafeResponse};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::cafe::{self, CafeHandle, PeerPresence};
use crate::clock::now_ms;
use crate::cluster::ClusterLink;
use crate::engine::{self, NewCafe, Recorded};
use crate::refusal::Refusal;
use crate::secrets;
use crate::storage::{CafeRow, Change, NodeId, Storage, StorageError};

/// How often a node tells the others it is alive, and how long its silence means it is gone
/// (its phones then count as disconnected until they reconnect elsewhere).
pub const ALIVE_EVERY: Duration = Duration::from_secs(3);
pub const GONE_AFTER: Duration = Duration::from_secs(10);

/// Attempts at a fresh join code before giving up (a clash is one in ~900 million per café).
const JOIN_CODE_ATTEMPTS: usize = 8;

pub struct Registry {
    cafes: DashMap<CafeId, CafeHandle>,
    codes: DashMap<String, CafeId>,
    storage: Arc<dyn Storage>,
    /// This node among others sharing the storage; `None` when it is alone.
    peers: Option<ClusterLink>,
    /// When each other node was last heard from.
    nodes: Mutex<HashMap<NodeId, Instant>>,
    shutdown: CancellationToken,
    /// Serialises loading a café on demand, so two requests never start two owners.
    loading: tokio::sync::Mutex<()>,
}

impl Registry {
    pub fn new(
        storage: Arc<dyn Storage>,
        peers: Option<ClusterLink>,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            cafes: DashMap::new(),
            codes: DashMap::new(),
            storage,
            peers,
            nodes: Mutex::new(HashMap::new()),
            shutdown,
            loading: tokio::sync::Mutex::new(()),
        }
    }

    /// Starts an owner for every open café in storage, timers included.
    pub async fn restore(&self) -> Result<usize, StorageError> {
        let ids = self.storage.open_cafes().await?;
        let mut n = 0;
        for id in ids {
            if self.load(id).await?.is_some() {
                n += 1;
            }
        }
        Ok(n)
    }

    async fn load(&self, id: CafeId) -> Result<Option<CafeHandle>, StorageError> {
        let _guard = self.loading.lock().await;
        if let Some(h) = self.cafes.get(&id) {
            return Ok(Some(h.clone()));
        }
        let Some(log) = self.storage.load(id).await? else {
            return Ok(None);
        };
        let Some(handle) = cafe::spawn(
            &log.records,
            log.epoch,
            self.storage.clone(),
            self.peers.clone(),
            self.shutdown.clone(),
        ) else {
            warn!(%id, "stored café has no creation event; skipped");
            return Ok(None);
        };
        self.codes
            .insert(handle.join_code().to_owned(), handle.id());
        self.cafes.insert(handle.id(), handle.clone());
        // Other nodes may serve phones of this café already.
        self.want_presence(Some(id));
        Ok(Some(handle))
    }

    pub async fn by_id(&self, id: CafeId) -> Result<Option<CafeHandle>, StorageError> {
        if let Some(h) = self.cafes.get(&id) {
            return Ok(Some(h.clone()));
        }
        self.load(id).await
    }

    /// Passes news of another node's append to the café's owner, if this node runs that café
    /// (one it does not run is read whole from the log when first asked for).
    pub fn on_change(&self, change: Change) {
        let me = self.peers.as_ref().map(|p| p.node);
        if let Some(node) = change.sender() {
            if Some(node) == me {
                return;
            }
            self.nodes
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(node, Instant::now());
        }
        match change {
            Change::Appended { cafe_id, seq } => {
                if let Some(h) = self.cafes.get(&cafe_id) {
                    h.news().appended(seq);
                }
            }
            Change::MaybeMissed => {
                for h in self.cafes.iter() {
                    h.news().maybe_missed();
                }
                self.want_presence(None);
            }
            Change::Presence {
                node,
                cafe_id,
                participant_id,
                connected,
            } => {
                if let Some(h) = self.cafes.get(&cafe_id) {
                    h.news().presence(PeerPresence::Phone {
                        node,
                        participant_id,
                        connected,
                    });
                }
            }
            Change::PresenceWanted { cafe_id, .. } => match cafe_id {
                Some(id) => {
                    if let Some(h) = self.cafes.get(&id) {
                        h.news().presence(PeerPresence::Wanted);
                    }
                }
                None => {
                    for h in self.cafes.iter() {
                        h.news().presence(PeerPresence::Wanted);
                    }
                }
            },
            Change::Alive { .. } => {}
        }
    }

    /// Asks the other nodes to announce their phones in a café this node just started running,
    /// or in all (after missing news).
    pub fn want_presence(&self, cafe_id: Option<CafeId>) {
        if let Some(peers) = &self.peers {
            let _ = peers.announce.send(Change::PresenceWanted {
                node: peers.node,
                cafe_id,
            });
        }
    }

    /// Forgets nodes silent for longer than [`GONE_AFTER`]: their phones are no longer
    /// connected through them.
    pub fn sweep_nodes(&self) {
        let gone: Vec<NodeId> = {
            let mut nodes = self.nodes.lock().unwrap_or_else(|p| p.into_inner());
            let gone = nodes
                .iter()
                .filter(|(_, seen)| seen.elapsed() > GONE_AFTER)
                .map(|(n, _)| *n)
                .collect::<Vec<_>>();
            for n in &gone {
                nodes.remove(n);
            }
            gone
        };
        for node in gone {
            info!(%node, "another node went silent; its phones count as disconnected");
            for h in self.cafes.iter() {
                h.news().presence(PeerPresence::NodeGone { node });
            }
        }
    }

    /// Finds a café by a join code as typed.
    pub async fn by_code(&self, typed: &str) -> Result<Option<CafeHandle>, StorageError> {
        let Some(code) = secrets::normalize_join_code(typed) else {
            return Ok(None);
        };
        let id = match self.codes.get(&code) {
            Some(id) => *id,
            None => match self.storage.find_join_code(&code).await? {
                Some(id) => id,
                None => return Ok(None),
            },
        };
        self.by_id(id).await
    }

    /// Stores a new café and starts its owner. Refused when the request breaks a rule, or
    /// (retryable) when nothing could be stored.
    pub async fn create(&self, req: &CreateCafeRequest) -> Result<CreateCafeResponse, Refusal> {
        let not_saved = || {
            Refusal::unavailable(
                "the server could not save the café; nothing was created. Try again shortly",
            )
        };
        let facilitator_key = secrets::new_secret();
        let cafe_id = uuid::Uuid::new_v4();
        for _ in 0..JOIN_CODE_ATTEMPTS {
            let join_code = secrets::new_join_code();
            let event = engine::create(
                req,
                NewCafe {
                    cafe_id,
                    join_code: join_code.clone(),
                    facilitator_key_hash: secrets::hash_secret(&facilitator_key),
                    seed: secrets::new_seed(),
                },
            )
            .map_err(Refusal::from)?;
            let now = now_ms();
            let first = Recorded {
                seq: 1,
                at: now,
                event,
            };
            let row = CafeRow {
                cafe_id,
                join_code: join_code.clone(),
                epoch: secrets::new_epoch(),
                created_at: now,
            };
            match self.storage.create_cafe(&row, &first).await {
                Ok(()) => {}
                Err(StorageError::JoinCodeTaken) => continue,
                Err(e) => {
                    warn!(error = %e, "café creation failed");
                    return Err(not_saved());
                }
            }
            if let Some(handle) = cafe::spawn(
                std::slice::from_ref(&first),
                row.epoch,
                self.storage.clone(),
                self.peers.clone(),
                self.shutdown.clone(),
            ) {
                self.codes.insert(join_code.clone(), cafe_id);
                self.cafes.insert(cafe_id, handle);
            }
            info!(%cafe_id, %join_code, "café created");
            return Ok(CreateCafeResponse {
                cafe_id,
                join_code,
                facilitator_key,
            });
        }
        warn!("café creation failed: no free join code");
        Err(not_saved())
    }
}

//! Every café this server runs, by id and by join code. The map holds handles only; each
//! café's state lives in its owner task.

use std::sync::Arc;

use dashmap::DashMap;
use flamingo_protocol::{CafeId, CreateCafeRequest, CreateCafeResponse};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::cafe::{self, CafeHandle};
use crate::clock::now_ms;
use crate::cluster::{Cluster, Heard};
use crate::engine::{self, NewCafe, Recorded};
use crate::refusal::Refusal;
use crate::secrets;
use crate::storage::{CafeRow, Storage, StorageError};

/// Attempts at a fresh join code before giving up (a clash is one in ~900 million per café).
const JOIN_CODE_ATTEMPTS: usize = 8;

pub struct Registry {
    cafes: DashMap<CafeId, CafeHandle>,
    codes: DashMap<String, CafeId>,
    storage: Arc<dyn Storage>,
    /// This node among others sharing the storage; `None` when it is alone.
    cluster: Option<Arc<Cluster>>,
    shutdown: CancellationToken,
    /// Serialises loading a café on demand, so two requests never start two owners.
    loading: tokio::sync::Mutex<()>,
}

impl Registry {
    pub fn new(
        storage: Arc<dyn Storage>,
        cluster: Option<Arc<Cluster>>,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            cafes: DashMap::new(),
            codes: DashMap::new(),
            storage,
            cluster,
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
            self.cluster.as_ref().map(|c| c.link()),
            self.shutdown.clone(),
        ) else {
            warn!(%id, "stored café has no creation event; skipped");
            return Ok(None);
        };
        self.codes
            .insert(handle.join_code().to_owned(), handle.id());
        self.cafes.insert(handle.id(), handle.clone());
        // Other nodes may serve phones of this café already.
        if let Some(cluster) = &self.cluster {
            cluster.want_presence(Some(id));
        }
        Ok(Some(handle))
    }

    pub async fn by_id(&self, id: CafeId) -> Result<Option<CafeHandle>, StorageError> {
        if let Some(h) = self.cafes.get(&id) {
            return Ok(Some(h.clone()));
        }
        self.load(id).await
    }

    /// Passes what other nodes did to the owners of the cafés it concerns, if this node runs
    /// them (one it does not run is read whole from the log when first asked for).
    pub fn on_heard(&self, heard: Heard) {
        match heard {
            Heard::Appended { cafe_id, seq } => {
                if let Some(h) = self.cafes.get(&cafe_id) {
                    h.news().appended(seq);
                }
            }
            Heard::MaybeMissed => {
                for h in self.cafes.iter() {
                    h.news().maybe_missed();
                }
            }
            Heard::Presence {
                cafe_id: Some(id),
                news,
            } => {
                if let Some(h) = self.cafes.get(&id) {
                    h.news().presence(news);
                }
            }
            Heard::Presence {
                cafe_id: None,
                news,
            } => {
                for h in self.cafes.iter() {
                    h.news().presence(news);
                }
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
                self.cluster.as_ref().map(|c| c.link()),
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

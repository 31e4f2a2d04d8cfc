//! Every café this server runs, by id and by join code. The map holds handles only; each
//! café's state lives in its owner task.

use std::sync::Arc;

use dashmap::DashMap;
use flamingo_protocol::{CafeId, CreateCafeRequest, CreateCafeResponse, ErrorCode};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::cafe::{self, CafeHandle};
use crate::clock::now_ms;
use crate::engine::{self, NewCafe, Recorded};
use crate::secrets;
use crate::storage::{CafeRow, Change, Storage, StorageError};

/// Attempts at a fresh join code before giving up (a clash is one in ~900 million per café).
const JOIN_CODE_ATTEMPTS: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{1}")]
    Refused(ErrorCode, String),
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
}

impl RegistryError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Refused(code, _) => *code,
            Self::Storage(_) => ErrorCode::Unavailable,
        }
    }
}

pub struct Registry {
    cafes: DashMap<CafeId, CafeHandle>,
    codes: DashMap<String, CafeId>,
    storage: Arc<dyn Storage>,
    shutdown: CancellationToken,
    /// Serialises loading a café on demand, so two requests never start two owners.
    loading: tokio::sync::Mutex<()>,
}

impl Registry {
    pub fn new(storage: Arc<dyn Storage>, shutdown: CancellationToken) -> Self {
        Self {
            cafes: DashMap::new(),
            codes: DashMap::new(),
            storage,
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
        let Some((id, code, handle)) = cafe::spawn(
            &log.records,
            log.epoch,
            self.storage.clone(),
            self.shutdown.clone(),
        ) else {
            warn!(%id, "stored café has no creation event; skipped");
            return Ok(None);
        };
        self.codes.insert(code, id);
        self.cafes.insert(id, handle.clone());
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
        match change {
            Change::Appended { cafe_id, seq } => {
                if let Some(h) = self.cafes.get(&cafe_id) {
                    h.tip().heard_of(seq);
                }
            }
            Change::MaybeMissed => {
                for h in self.cafes.iter() {
                    h.tip().maybe_missed();
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

    pub async fn create(
        &self,
        req: &CreateCafeRequest,
    ) -> Result<CreateCafeResponse, RegistryError> {
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
            .map_err(|e| RegistryError::Refused(e.code(), e.to_string()))?;
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
                Err(e) => return Err(e.into()),
            }
            if let Some((id, code, handle)) = cafe::spawn(
                std::slice::from_ref(&first),
                row.epoch,
                self.storage.clone(),
                self.shutdown.clone(),
            ) {
                self.codes.insert(code, id);
                self.cafes.insert(id, handle);
            }
            info!(%cafe_id, %join_code, "café created");
            return Ok(CreateCafeResponse {
                cafe_id,
                join_code,
                facilitator_key,
            });
        }
        Err(RegistryError::Refused(
            ErrorCode::Unavailable,
            "could not find a free join code; try again".into(),
        ))
    }
}

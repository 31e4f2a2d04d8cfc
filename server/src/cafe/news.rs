//! What other server nodes sharing the storage did to a café: appends (as the log's tip) and
//! their phones' presence. Kept beside the owner's mailbox rather than in it: news must never
//! wait behind, or be dropped by, a full mailbox, and a burst of it folds into one wake-up.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::Notify;

use crate::cluster::PeerPresence;

#[derive(Debug, Default)]
pub struct News {
    seq: AtomicU64,
    presence: Mutex<Vec<PeerPresence>>,
    pub(super) wake: Notify,
}

const UNKNOWN: u64 = u64::MAX;

impl News {
    /// News whose owner checks the log as soon as it starts.
    pub(super) fn log_unknown() -> Self {
        let news = Self::default();
        news.appended(UNKNOWN);
        news
    }

    pub fn appended(&self, seq: u64) {
        self.seq.fetch_max(seq, Ordering::SeqCst);
        self.wake.notify_one();
    }

    /// Appends may have been missed: the owner reads its log for anything new.
    pub fn maybe_missed(&self) {
        self.appended(UNKNOWN);
    }

    pub fn presence(&self, news: PeerPresence) {
        self.presence
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(news);
        self.wake.notify_one();
    }

    pub(super) fn log_tip(&self) -> u64 {
        self.seq.load(Ordering::SeqCst)
    }

    /// After reading the log up to `seq`: an "unknown" tip is known again.
    pub(super) fn log_checked(&self, seq: u64) {
        let _ = self
            .seq
            .compare_exchange(UNKNOWN, seq, Ordering::SeqCst, Ordering::SeqCst);
    }

    pub(super) fn take_presence(&self) -> Vec<PeerPresence> {
        std::mem::take(&mut *self.presence.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

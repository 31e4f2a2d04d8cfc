//! The recent updates of a café, exactly as they were fanned out live, so that a client that
//! reconnects gets precisely what it missed. Older than that, it gets a snapshot.

use std::collections::VecDeque;
use std::sync::Arc;

use flamingo_protocol::{Millis, Seq};

use crate::engine::{Fanout, Viewer};

/// Events kept per café for resuming.
pub const KEPT_EVENTS: usize = 2048;

pub struct Entry {
    pub seq: Seq,
    pub at: Millis,
    pub fanout: Arc<Fanout>,
}

#[derive(Default)]
pub struct History {
    entries: VecDeque<Entry>,
}

impl History {
    pub fn push(&mut self, entry: Entry) {
        if self.entries.len() == KEPT_EVENTS {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// The updates `viewer` missed after `after`, or None when the history no longer reaches
    /// back that far or they are more than `max` (a snapshot is cheaper then).
    pub fn since(
        &self,
        after: Seq,
        current: Seq,
        viewer: Viewer,
        max: usize,
    ) -> Option<Vec<(Seq, Millis, flamingo_protocol::Update)>> {
        if after > current {
            return None;
        }
        if after < current {
            let oldest = self.entries.front()?.seq;
            if after + 1 < oldest {
                return None;
            }
        }
        let mut out = Vec::new();
        for e in self.entries.iter().filter(|e| e.seq > after) {
            for u in e.fanout.for_viewer(viewer) {
                if out.len() == max {
                    return None;
                }
                out.push((e.seq, e.at, u.clone()));
            }
        }
        Some(out)
    }
}

//! The recent updates of a café, exactly as they were fanned out live, so that a client that
//! reconnects gets precisely what it missed. Older than that, it gets a snapshot.

use std::collections::VecDeque;
use std::sync::Arc;

use flamingo_protocol::{Cursor, Millis, Seq};

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

    /// The frames `viewer` missed after `cursor` as `(seq, part, at, update)`, or None when the
    /// history no longer reaches back that far or they are more than `max` (a snapshot is
    /// cheaper then). A cursor with a part is inside its event's group: the rest of the group
    /// comes first, so a drop between two frames of one event loses none of them.
    pub fn since(
        &self,
        cursor: &Cursor,
        current: Seq,
        viewer: Viewer,
        max: usize,
    ) -> Option<Vec<(Seq, u32, Millis, flamingo_protocol::Update)>> {
        let after = cursor.seq;
        if after > current {
            return None;
        }
        // The first entry needed: the cursor's own event when the group is unfinished.
        let first_needed = if cursor.part.is_some() {
            after
        } else {
            after + 1
        };
        if first_needed <= current && self.entries.front()?.seq > first_needed {
            return None;
        }
        let mut out = Vec::new();
        for e in self.entries.iter().filter(|e| e.seq >= first_needed) {
            for (part, u) in (0u32..).zip(e.fanout.for_viewer(viewer)) {
                if e.seq == after && cursor.part.is_some_and(|done| part <= done) {
                    continue;
                }
                if out.len() == max {
                    return None;
                }
                out.push((e.seq, part, e.at, u.clone()));
            }
        }
        Some(out)
    }
}

//! This node among the others sharing the storage.

use flamingo_protocol::{CafeId, ParticipantId};
use tokio::sync::mpsc;

use crate::storage::Change;
pub use crate::storage::NodeId;

/// How an owner tells the other nodes about its phones.
#[derive(Debug, Clone)]
pub struct ClusterLink {
    pub node: NodeId,
    /// One queue for the whole node, so announcements leave in the order they were made.
    pub announce: mpsc::UnboundedSender<Change>,
}

impl ClusterLink {
    pub fn announce_phone(&self, cafe_id: CafeId, participant_id: ParticipantId, connected: bool) {
        let _ = self.announce.send(Change::Presence {
            node: self.node,
            cafe_id,
            participant_id,
            connected,
        });
    }
}

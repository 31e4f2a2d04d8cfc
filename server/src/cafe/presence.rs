//! Which participants are connected through other nodes sharing the storage, and telling
//! those nodes about the phones connected here. Presence is soft state: it lives in the
//! nodes, is never stored, and is rebuilt by asking again (`PeerPresence::Wanted`).

use std::collections::{HashMap, HashSet};

use flamingo_protocol::{CafeId, ParticipantId};

use crate::cluster::{ClusterLink, NodeId, PeerPresence};

pub(super) struct Presence {
    cafe_id: CafeId,
    /// This node's voice to the others; `None` when it is alone.
    cluster: Option<ClusterLink>,
    /// Participants connected through other nodes, and which.
    remote: HashMap<ParticipantId, HashSet<NodeId>>,
}

impl Presence {
    pub(super) fn new(cafe_id: CafeId, cluster: Option<ClusterLink>) -> Self {
        Self {
            cafe_id,
            cluster,
            remote: HashMap::new(),
        }
    }

    /// Whether `p` has a connection on some other node.
    pub(super) fn elsewhere(&self, p: ParticipantId) -> bool {
        self.remote.contains_key(&p)
    }

    pub(super) fn remote(&self) -> impl Iterator<Item = &ParticipantId> {
        self.remote.keys()
    }

    /// Tells the other nodes that `p` got a first connection here, or lost the last one.
    pub(super) fn announce(&self, p: ParticipantId, connected: bool) {
        if let Some(cluster) = &self.cluster {
            cluster.announce_phone(self.cafe_id, p, connected);
        }
    }

    /// Folds in one piece of news from other nodes. `here` holds the participants with a
    /// connection on this node. Returns whose connectedness (anywhere) changed, and to what.
    pub(super) fn hear(
        &mut self,
        news: PeerPresence,
        here: &HashMap<ParticipantId, HashSet<u64>>,
    ) -> Vec<(ParticipantId, bool)> {
        let connected =
            |remote: &HashMap<_, _>, p| here.contains_key(&p) || remote.contains_key(&p);
        match news {
            PeerPresence::Phone {
                node,
                participant_id,
                connected: now_connected,
            } => {
                let was = connected(&self.remote, participant_id);
                let nodes = self.remote.entry(participant_id).or_default();
                if now_connected {
                    nodes.insert(node);
                } else {
                    nodes.remove(&node);
                    if nodes.is_empty() {
                        self.remote.remove(&participant_id);
                    }
                }
                let is = connected(&self.remote, participant_id);
                if was == is {
                    Vec::new()
                } else {
                    vec![(participant_id, is)]
                }
            }
            PeerPresence::NodeGone { node } => {
                let mut gone = Vec::new();
                self.remote.retain(|p, nodes| {
                    nodes.remove(&node);
                    if nodes.is_empty() {
                        gone.push(*p);
                    }
                    !nodes.is_empty()
                });
                gone.into_iter()
                    .filter(|p| !connected(&self.remote, *p))
                    .map(|p| (p, false))
                    .collect()
            }
            PeerPresence::Wanted => {
                for p in here.keys() {
                    self.announce(*p, true);
                }
                Vec::new()
            }
        }
    }
}

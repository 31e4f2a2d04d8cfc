//! This node among the others sharing the storage: its identity, its voice to them (one
//! queue, sent in order, and a heartbeat), what it hears from them, and which of them are
//! still alive. A node alone has no `Cluster` at all: "am I shared?" is whether there is one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use flamingo_protocol::{CafeId, ParticipantId};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

pub use crate::storage::NodeId;
use crate::storage::{Change, NodeBus, StorageError};

/// How often a node tells the others it is alive, and how long its silence means it is gone
/// (its phones then count as disconnected until they reconnect elsewhere).
pub const ALIVE_EVERY: Duration = Duration::from_secs(3);
pub const GONE_AFTER: Duration = Duration::from_secs(10);

/// Presence news from other nodes, applied by a café's owner in the order heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerPresence {
    /// `participant_id` has (or no longer has) a connection on `node`.
    Phone {
        node: NodeId,
        participant_id: ParticipantId,
        connected: bool,
    },
    /// `node` stopped answering: none of its phones are connected through it any more.
    NodeGone { node: NodeId },
    /// A node wants everyone's presence again (it started, or may have missed some).
    Wanted,
}

/// What this node heard from the others, for the cafés it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// The café's log now reaches at least `seq`.
    Appended { cafe_id: CafeId, seq: u64 },
    /// Appends may have been missed: every café reads its log for anything new.
    MaybeMissed,
    /// Presence news for one café, or (`None`) for every café.
    Presence {
        cafe_id: Option<CafeId>,
        news: PeerPresence,
    },
}

/// How a café's owner tells the other nodes about its phones.
#[derive(Debug, Clone)]
pub struct ClusterLink {
    node: NodeId,
    /// One queue for the whole node, so announcements leave in the order they were made.
    announce: mpsc::UnboundedSender<Change>,
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

pub struct Cluster {
    link: ClusterLink,
    /// When each other node was last heard from.
    nodes: Mutex<HashMap<NodeId, Instant>>,
    /// What the bus reports, until [`Cluster::listen`] takes it.
    changes: Mutex<Option<mpsc::Receiver<Change>>>,
    stop: CancellationToken,
}

impl Cluster {
    /// Joins the nodes on `bus` under a new node id: starts listening to them, the queue that
    /// speaks to them, and the heartbeat. Everything ends with `stop`.
    pub async fn join(
        bus: Arc<dyn NodeBus>,
        stop: CancellationToken,
    ) -> Result<Arc<Self>, StorageError> {
        let changes = bus.watch().await?;
        let node = uuid::Uuid::new_v4();
        let (announce, mut queue) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(change) = queue.recv().await {
                if let Err(e) = bus.announce(&change).await {
                    warn!(error = %e, "could not tell the other nodes");
                }
            }
        });
        let heartbeat = announce.clone();
        let stopping = stop.clone();
        tokio::spawn(async move {
            let mut beat = tokio::time::interval(ALIVE_EVERY);
            loop {
                tokio::select! {
                    _ = stopping.cancelled() => break,
                    _ = beat.tick() => {
                        if heartbeat.send(Change::Alive { node }).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        info!(%node, "sharing the storage with other nodes");
        Ok(Arc::new(Self {
            link: ClusterLink { node, announce },
            nodes: Mutex::new(HashMap::new()),
            changes: Mutex::new(Some(changes)),
            stop,
        }))
    }

    pub fn link(&self) -> ClusterLink {
        self.link.clone()
    }

    /// Passes what the other nodes say to `cafes` (the cafés this node runs), and tells
    /// it when a node went silent. Called once, when the cafés are ready to hear.
    pub fn listen(self: &Arc<Self>, cafes: impl Fn(Heard) + Send + Sync + 'static) {
        let Some(mut changes) = self
            .changes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        else {
            return;
        };
        let cafes = Arc::new(cafes);
        let hearing = self.clone();
        let told = cafes.clone();
        tokio::spawn(async move {
            while let Some(change) = changes.recv().await {
                if let Some(heard) = hearing.hear(change) {
                    told(heard);
                    if heard == Heard::MaybeMissed {
                        hearing.want_presence(None);
                    }
                }
            }
        });
        let sweeping = self.clone();
        tokio::spawn(async move {
            let mut sweep = tokio::time::interval(ALIVE_EVERY);
            loop {
                tokio::select! {
                    _ = sweeping.stop.cancelled() => break,
                    _ = sweep.tick() => {
                        for node in sweeping.sweep() {
                            info!(%node, "another node went silent; its phones count as disconnected");
                            cafes(Heard::Presence { cafe_id: None, news: PeerPresence::NodeGone { node } });
                        }
                    }
                }
            }
        });
    }

    /// Asks the other nodes to announce their phones in a café this node just started
    /// running, or in all (after missing news).
    pub fn want_presence(&self, cafe_id: Option<CafeId>) {
        let _ = self.link.announce.send(Change::PresenceWanted {
            node: self.link.node,
            cafe_id,
        });
    }

    /// Notes who is alive, and turns a change into news for the cafés (none for this node's
    /// own announcements, which come back on the bus too).
    fn hear(&self, change: Change) -> Option<Heard> {
        if let Some(node) = change.sender() {
            if node == self.link.node {
                return None;
            }
            self.nodes
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(node, Instant::now());
        }
        match change {
            Change::Appended { cafe_id, seq } => Some(Heard::Appended { cafe_id, seq }),
            // The cafés read their logs, and the presence they missed is asked for again.
            Change::MaybeMissed => Some(Heard::MaybeMissed),
            Change::Presence {
                node,
                cafe_id,
                participant_id,
                connected,
            } => Some(Heard::Presence {
                cafe_id: Some(cafe_id),
                news: PeerPresence::Phone {
                    node,
                    participant_id,
                    connected,
                },
            }),
            Change::PresenceWanted { cafe_id, .. } => Some(Heard::Presence {
                cafe_id,
                news: PeerPresence::Wanted,
            }),
            Change::Alive { .. } => None,
        }
    }

    /// Forgets nodes silent for longer than [`GONE_AFTER`] and returns them.
    fn sweep(&self) -> Vec<NodeId> {
        let mut nodes = self.nodes.lock().unwrap_or_else(|p| p.into_inner());
        let gone: Vec<NodeId> = nodes
            .iter()
            .filter(|(_, seen)| seen.elapsed() > GONE_AFTER)
            .map(|(n, _)| *n)
            .collect();
        for n in &gone {
            nodes.remove(n);
        }
        gone
    }
}

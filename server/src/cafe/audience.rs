//! Who listens to a café: its connections on this node, the phones among them, and (through
//! [`Presence`]) the phones on other nodes. Delivers each event's frames to whoever may see
//! them, tells the staff who is connected, and closes the connections that must end.

use std::collections::{HashMap, HashSet};

use flamingo_protocol::{CafeId, CloseCode, Millis, ParticipantId, ServerMessage, Update};

use super::Session;
use super::presence::Presence;
use crate::cluster::{ClusterLink, PeerPresence};
use crate::engine::{self, Actor, Cafe, Recorded, Viewer};
use crate::outbound::{Outbound, encode};

struct Conn {
    out: Outbound,
    viewer: Viewer,
    /// Signed in with the co-facilitator key: closed when that key is replaced or revoked.
    co_facilitator: bool,
}

pub(super) struct Audience {
    conns: HashMap<u64, Conn>,
    /// Open connections per participant, for targeted updates and presence.
    phones: HashMap<ParticipantId, HashSet<u64>>,
    presence: Presence,
}

impl Audience {
    pub(super) fn new(cafe_id: CafeId, cluster: Option<ClusterLink>) -> Self {
        Self {
            conns: HashMap::new(),
            phones: HashMap::new(),
            presence: Presence::new(cafe_id, cluster),
        }
    }

    /// Everyone with a connection, on this node or another, in the order they joined.
    pub(super) fn connected(&self, cafe: &Cafe) -> Vec<ParticipantId> {
        let mut ids: Vec<ParticipantId> = self
            .phones
            .keys()
            .chain(self.presence.remote())
            .copied()
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        ids.sort_by_cached_key(|p| cafe.join_index(*p));
        ids
    }

    pub(super) fn subscribe(&mut self, out: Outbound, session: Session) {
        let id = out.id;
        let viewer = session.viewer;
        if let Viewer::Phone(p) = viewer {
            let ids = self.phones.entry(p).or_default();
            ids.insert(id);
            if ids.len() == 1 {
                self.presence.announce(p, true);
                if !self.presence.elsewhere(p) {
                    self.tell_staff_presence(p, true);
                }
            }
        }
        self.conns.insert(
            id,
            Conn {
                out,
                viewer,
                co_facilitator: session.actor == Actor::CoFacilitator,
            },
        );
    }

    pub(super) fn unsubscribe(&mut self, conn_id: u64) {
        let Some(conn) = self.conns.remove(&conn_id) else {
            return;
        };
        if let Viewer::Phone(p) = conn.viewer
            && let Some(ids) = self.phones.get_mut(&p)
        {
            ids.remove(&conn_id);
            if ids.is_empty() {
                self.phones.remove(&p);
                self.presence.announce(p, false);
                if !self.presence.elsewhere(p) {
                    self.tell_staff_presence(p, false);
                }
            }
        }
    }

    /// What other nodes said about their phones.
    pub(super) fn hear(&mut self, news: PeerPresence) {
        for (p, connected) in self.presence.hear(news, &self.phones) {
            self.tell_staff_presence(p, connected);
        }
    }

    /// Queues each connection its frames of one event, numbered by `part` in the order of
    /// `Fanout::for_viewer`, the order a replay uses, so a resume can continue mid-group.
    pub(super) fn deliver(&mut self, r: &Recorded, fanout: &engine::Fanout, now: Millis) {
        let frame = |update: &Update, part: u32| {
            encode(&ServerMessage::Event {
                seq: r.seq,
                part,
                at: r.at,
                server_time: now,
                update: update.clone(),
            })
        };
        let mut slow = Vec::new();
        let first = fanout.first_part();
        if let Some(u) = &fanout.everyone {
            let f = frame(u, 0);
            for (id, c) in &self.conns {
                if !c.out.send(f.clone()) {
                    slow.push(*id);
                }
            }
        }
        let staff = [
            (Viewer::Staff, fanout.staff.as_ref()),
            (Viewer::Wall, fanout.wall_update()),
        ];
        for (viewer, update) in staff {
            let Some(u) = update else { continue };
            let f = frame(u, first);
            for (id, c) in self.conns.iter().filter(|(_, c)| c.viewer == viewer) {
                if !c.out.send(f.clone()) {
                    slow.push(*id);
                }
            }
        }
        for (p, part, u) in fanout.phone_frames() {
            let Some(ids) = self.phones.get(&p) else {
                continue;
            };
            let f = frame(u, part);
            for id in ids {
                if let Some(c) = self.conns.get(id)
                    && !c.out.send(f.clone())
                {
                    slow.push(*id);
                }
            }
        }
        for id in slow {
            self.unsubscribe(id);
        }
    }

    /// Presence is about sockets, not the café: it goes to the staff and is not logged.
    fn tell_staff_presence(&self, participant_id: ParticipantId, connected: bool) {
        let f = encode(&ServerMessage::Presence {
            participant_id,
            connected,
        });
        for c in self
            .conns
            .values()
            .filter(|c| matches!(c.viewer, Viewer::Staff | Viewer::Wall))
        {
            c.out.send(f.clone());
        }
    }

    /// Every connection ends with `code` (the owner is stopping).
    pub(super) fn close_all(&self, code: CloseCode) {
        for conn in self.conns.values() {
            conn.out.close(code);
        }
    }

    /// A replaced or revoked key no longer opens the café: its connections end now.
    pub(super) fn close_co_facilitators(&mut self) {
        let ids: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| c.co_facilitator)
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            if let Some(c) = self.conns.get(&id) {
                c.out.close(CloseCode::AuthFailed);
            }
            self.unsubscribe(id);
        }
    }

    /// Closes the connections of people who left or were removed, after their last frames.
    pub(super) fn close_departed(&mut self, cafe: &Cafe) {
        let gone: Vec<ParticipantId> = self
            .phones
            .keys()
            .copied()
            .filter(|p| !cafe.participant(*p).is_some_and(|p| p.present))
            .collect();
        for p in gone {
            for id in self.phones.get(&p).cloned().unwrap_or_default() {
                if let Some(c) = self.conns.get(&id) {
                    c.out.close(CloseCode::Removed);
                }
                self.unsubscribe(id);
            }
        }
    }
}

//! The café owner task.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use flamingo_protocol::{
    Authors, CafeId, CloseCode, Cursor, ErrorCode, ExportFormat, Millis, NoteId, ParticipantId,
    PublicCafeInfo, Role, ServerMessage, Update, You,
};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, debug, info, info_span, warn};

use super::history::{Entry, History};
use super::news::{News, PeerPresence};
use super::{CafeHandle, Credentials, MAILBOX, Request, Session};
use crate::clock::now_ms;
use crate::engine::{self, Actor, Cafe, EngineError, Event, Input, Phase, Recorded, Viewer};
use crate::export::Exported;
use crate::outbound::{Outbound, QUEUE_FRAMES, encode};
use crate::secrets;
use crate::storage::{Change, NodeId, Storage, StorageError};

/// After a failed write, the timer waits this long before trying to end the round again.
const TIMER_RETRY: Duration = Duration::from_secs(1);

/// This node among the others sharing the storage: how an owner tells them about its phones.
#[derive(Debug, Clone)]
pub struct Peers {
    pub node: NodeId,
    /// One queue for the whole node, so announcements leave in the order they were made.
    pub announce: mpsc::UnboundedSender<Change>,
}

struct Conn {
    out: Outbound,
    viewer: Viewer,
    /// Signed in with the co-facilitator key: closed when that key is replaced or revoked.
    co_facilitator: bool,
}

struct Owner {
    cafe: Cafe,
    epoch: String,
    storage: Arc<dyn Storage>,
    /// Other nodes share the storage: they append to this café's log too, and serve phones.
    peers: Option<Peers>,
    news: Arc<News>,
    history: History,
    conns: HashMap<u64, Conn>,
    /// Open connections per participant, for targeted updates and presence.
    phones: HashMap<ParticipantId, HashSet<u64>>,
    /// Participants connected through other nodes, and which.
    remote: HashMap<ParticipantId, HashSet<NodeId>>,
    timer_retry_at: Option<Millis>,
}

/// Starts the owner of a café restored from (or just written to) storage. `log` must hold
/// every event from seq 1.
pub fn spawn(
    log: &[Recorded],
    epoch: String,
    storage: Arc<dyn Storage>,
    peers: Option<Peers>,
    shutdown: CancellationToken,
) -> Option<(CafeId, String, CafeHandle)> {
    let mut cafe = Cafe::from_created(log.first()?)?;
    let mut history = History::default();
    let recent_from = log.len().saturating_sub(super::history::KEPT_EVENTS);
    for (i, r) in log.iter().enumerate().skip(1) {
        // Only the tail is kept for resuming, so only the tail's fan-out is worth computing.
        let touched = (i >= recent_from).then(|| engine::view::touched_before(&cafe, &r.event));
        cafe.apply(r);
        if let Some(touched) = touched {
            history.push(Entry {
                seq: r.seq,
                at: r.at,
                fanout: Arc::new(engine::view::fanout(&cafe, &r.event, &touched)),
            });
        }
    }
    let (tx, rx) = mpsc::channel(MAILBOX);
    let id = cafe.id;
    let code = cafe.join_code.clone();
    // With shared storage the log may have grown since it was read: look once at start.
    let news = Arc::new(if peers.is_some() {
        News::log_unknown()
    } else {
        News::default()
    });
    let owner = Owner {
        cafe,
        epoch,
        storage,
        peers,
        news: news.clone(),
        history,
        conns: HashMap::new(),
        phones: HashMap::new(),
        remote: HashMap::new(),
        timer_retry_at: None,
    };
    tokio::spawn(
        owner
            .run(rx, shutdown)
            .instrument(info_span!("cafe", id = %id, code = %code)),
    );
    Some((id, code, CafeHandle { tx, news }))
}

impl Owner {
    async fn run(mut self, mut rx: mpsc::Receiver<Request>, shutdown: CancellationToken) {
        debug!(seq = self.cafe.seq, "café owner started");
        loop {
            let wake = self.timer_due_in();
            // An overdue round ends before anyone is served: at restart, a hello or command
            // already waiting must not see (or act on) a round whose time is up.
            if wake.is_some_and(|w| w.is_zero()) {
                self.on_deadline().await;
                continue;
            }
            tokio::select! {
                biased;
                _ = shutdown.cancelled() => break,
                // Before the mailbox, so that a busy café still ends its round on time.
                _ = tokio::time::sleep(wake.unwrap_or_default()), if wake.is_some() => {
                    self.on_deadline().await;
                }
                // Before the mailbox, so that commands are decided on the latest log.
                _ = self.news.wake.notified(), if self.peers.is_some() => self.on_news().await,
                req = rx.recv() => match req {
                    Some(req) => self.handle(req).await,
                    None => break,
                },
            }
        }
        for conn in self.conns.values() {
            conn.out.close(CloseCode::ShuttingDown);
        }
        debug!("café owner stopped");
    }

    /// How long until the round clock needs attention.
    fn timer_due_in(&self) -> Option<Duration> {
        let Phase::Running { ends_at, .. } = self.cafe.phase else {
            return None;
        };
        let due = ends_at.max(self.timer_retry_at.unwrap_or(ends_at));
        Some(Duration::from_millis((due - now_ms()).max(0) as u64))
    }

    async fn on_deadline(&mut self) {
        match self.process(Input::Deadline, now_ms()).await {
            Ok(_) => self.timer_retry_at = None,
            Err((code, message)) => {
                warn!(?code, %message, "could not end the round at its deadline; retrying");
                self.timer_retry_at = Some(now_ms() + TIMER_RETRY.as_millis() as Millis);
            }
        }
    }

    async fn handle(&mut self, req: Request) {
        match req {
            Request::Hello {
                credentials,
                since,
                request_id,
                conn,
                reply,
            } => {
                let result = self.hello(credentials, since, request_id, conn).await;
                let _ = reply.send(result);
            }
            Request::Command {
                actor,
                command,
                request_id,
                conn,
            } => {
                let name = command.name();
                let answer = match self
                    .process(Input::Command { actor, command }, now_ms())
                    .await
                {
                    Ok(events) => ServerMessage::Ack {
                        request_id,
                        seq: self.cafe.seq,
                        duplicate: events == 0,
                    },
                    Err((code, message)) => {
                        debug!(command = name, ?code, %message, "command refused");
                        ServerMessage::Error {
                            request_id,
                            code,
                            message,
                        }
                    }
                };
                conn.send_msg(&answer);
                self.close_departed();
            }
            Request::Disconnected { conn_id } => self.unsubscribe(conn_id),
            Request::Export {
                key,
                format,
                authors,
                reply,
            } => {
                let _ = reply.send(self.export(&key, format, authors).await);
            }
            Request::UnthemedNotes { key, reply } => {
                let _ = reply.send(self.unthemed_notes(&key).await);
            }
            Request::CoFacilitatorKey { key, share, reply } => {
                let _ = reply.send(self.co_facilitator_key(&key, share).await);
            }
            Request::Info { reply } => {
                let _ = reply.send(PublicCafeInfo {
                    cafe_id: self.cafe.id,
                    title: self.cafe.title.clone(),
                    join_code: self.cafe.join_code.clone(),
                    rounds: self.cafe.rounds.len() as u32,
                    phase: self.cafe.phase.clone(),
                    participants: self.cafe.present().count() as u32,
                });
            }
        }
    }

    /// Decides, stores, applies and fans out. Returns how many events were stored.
    ///
    /// With storage shared by several nodes, the café's log is locked first and whatever other
    /// nodes appended is applied, so the decision is made on the latest state and the append
    /// cannot conflict; the others wait their turn.
    async fn process(&mut self, input: Input, now: Millis) -> Result<usize, (ErrorCode, String)> {
        let unavailable = |e: StorageError| {
            warn!(error = %e, "could not store events; command refused");
            (
                ErrorCode::Unavailable,
                "the server could not save this change; nothing was changed. Try again shortly"
                    .to_string(),
            )
        };
        let mut locked = self.storage.lock(self.cafe.id).await.map_err(unavailable)?;
        if let Some(log) = locked.as_mut() {
            let missed = log.since(self.cafe.seq).await.map_err(unavailable)?;
            self.apply_missed(&missed).map_err(unavailable)?;
        }
        let events = engine::decide(&self.cafe, &input, now)
            .map_err(|e: EngineError| (e.code(), e.to_string()))?;
        if events.is_empty() {
            return Ok(0);
        }
        let records: Vec<Recorded> = events
            .into_iter()
            .enumerate()
            .map(|(i, event)| Recorded {
                seq: self.cafe.seq + 1 + i as u64,
                at: now,
                event,
            })
            .collect();
        // Stored before anyone hears of it: an ack or an update always means "saved".
        match locked {
            Some(log) => log.commit(&records).await,
            None => self.storage.append(self.cafe.id, &records).await,
        }
        .map_err(unavailable)?;
        for r in &records {
            self.apply_and_fan_out(r, now);
        }
        Ok(records.len())
    }

    /// Applies and fans out what other nodes appended after this node's state.
    async fn catch_up(&mut self) -> Result<(), StorageError> {
        let records = self.storage.load_since(self.cafe.id, self.cafe.seq).await?;
        self.apply_missed(&records)
    }

    fn apply_missed(&mut self, records: &[Recorded]) -> Result<(), StorageError> {
        let now = now_ms();
        for r in records {
            if r.seq != self.cafe.seq + 1 {
                return Err(StorageError::Corrupt(format!(
                    "café log jumps from {} to {}",
                    self.cafe.seq, r.seq
                )));
            }
            self.apply_and_fan_out(r, now);
        }
        self.news.log_checked(self.cafe.seq);
        if !records.is_empty() {
            debug!(
                seq = self.cafe.seq,
                applied = records.len(),
                "caught up with other nodes"
            );
            // People removed on another node lose their connections here too.
            self.close_departed();
        }
        Ok(())
    }

    fn apply_and_fan_out(&mut self, r: &Recorded, now: Millis) {
        let touched = engine::view::touched_before(&self.cafe, &r.event);
        self.cafe.apply(r);
        match &r.event {
            Event::RoundStarted { round, .. } => info!(round, seq = r.seq, "round started"),
            Event::RoundEnded { round, by_timer } => {
                info!(round, by_timer, seq = r.seq, "round ended")
            }
            Event::CafeClosed => info!(seq = r.seq, "café closed"),
            Event::CoFacilitatorKeySet { key_hash } => {
                info!(
                    seq = r.seq,
                    shared = key_hash.is_some(),
                    "co-facilitator key changed"
                );
                self.close_co_facilitators();
            }
            _ => {}
        }
        let fanout = Arc::new(engine::view::fanout(&self.cafe, &r.event, &touched));
        self.deliver(r, &fanout, now);
        self.history.push(Entry {
            seq: r.seq,
            at: r.at,
            fanout,
        });
    }

    fn deliver(&mut self, r: &Recorded, fanout: &engine::Fanout, now: Millis) {
        let frame = |update: &Update| {
            encode(&ServerMessage::Event {
                seq: r.seq,
                at: r.at,
                server_time: now,
                update: update.clone(),
            })
        };
        let mut slow = Vec::new();
        if let Some(u) = &fanout.everyone {
            let f = frame(u);
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
            let f = frame(u);
            for (id, c) in self.conns.iter().filter(|(_, c)| c.viewer == viewer) {
                if !c.out.send(f.clone()) {
                    slow.push(*id);
                }
            }
        }
        for (p, u) in &fanout.phones {
            let Some(ids) = self.phones.get(p) else {
                continue;
            };
            let f = frame(u);
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

    async fn export(
        &mut self,
        key: &str,
        format: ExportFormat,
        authors: Authors,
    ) -> Result<Exported, (ErrorCode, String)> {
        if self.staff_actor(key).is_none() {
            return Err((
                ErrorCode::BadCredentials,
                "only the facilitator can export: send the facilitator key".into(),
            ));
        }
        self.latest().await?;
        crate::export::export(&self.cafe, format, authors, now_ms()).map_err(|e| {
            warn!(error = %e, "export failed");
            (ErrorCode::Unavailable, e.to_string())
        })
    }

    /// Who a facilitator or co-facilitator key makes its holder, if anyone.
    fn staff_actor(&self, key: &str) -> Option<Actor> {
        if secrets::verify_secret(key, &self.cafe.facilitator_key_hash) {
            Some(Actor::Facilitator)
        } else if let Some(hash) = &self.cafe.harvest.co_key_hash
            && secrets::verify_secret(key, hash)
        {
            Some(Actor::CoFacilitator)
        } else {
            None
        }
    }

    /// With other nodes, reads what they appended, so that an answer built from the state
    /// (an export, suggestions) holds everything stored.
    async fn latest(&mut self) -> Result<(), (ErrorCode, String)> {
        if self.peers.is_some()
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
            return Err((
                ErrorCode::Unavailable,
                "the server cannot reach its database; try again shortly".into(),
            ));
        }
        Ok(())
    }

    /// The notes suggestions are made from: on the wall (not deleted or hidden), in no theme.
    async fn unthemed_notes(
        &mut self,
        key: &str,
    ) -> Result<Vec<(NoteId, String)>, (ErrorCode, String)> {
        if self.staff_actor(key).is_none() {
            return Err((
                ErrorCode::BadCredentials,
                "only the facilitator can ask for suggestions: send the facilitator key".into(),
            ));
        }
        self.latest().await?;
        let themed = &self.cafe.harvest.note_theme;
        Ok(self
            .cafe
            .notes
            .iter()
            .filter(|n| !n.deleted && !n.hidden && !themed.contains_key(&n.id))
            .map(|n| (n.id, n.text.clone()))
            .collect())
    }

    /// Shares a new co-facilitator key (returned once, only its hash is stored) or revokes it.
    async fn co_facilitator_key(
        &mut self,
        key: &str,
        share: bool,
    ) -> Result<Option<String>, (ErrorCode, String)> {
        if !secrets::verify_secret(key, &self.cafe.facilitator_key_hash) {
            return Err((
                ErrorCode::BadCredentials,
                "only the facilitator can share or revoke the co-facilitator key".into(),
            ));
        }
        let new_key = share.then(secrets::new_secret);
        let key_hash = new_key.as_deref().map(secrets::hash_secret);
        self.process(Input::CoFacilitatorKey { key_hash }, now_ms())
            .await?;
        Ok(new_key)
    }

    /// Everyone with a connection, on this node or another.
    fn connected(&self) -> Vec<ParticipantId> {
        let mut ids: Vec<ParticipantId> = self
            .phones
            .keys()
            .chain(self.remote.keys())
            .copied()
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        ids.sort_by_cached_key(|p| self.cafe.join_index(*p));
        ids
    }

    fn is_connected(&self, p: ParticipantId) -> bool {
        self.phones.contains_key(&p) || self.remote.contains_key(&p)
    }

    /// What other nodes did: read their appends from the log, then their presence.
    async fn on_news(&mut self) {
        if self.news.log_tip() > self.cafe.seq
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
        }
        for news in self.news.take_presence() {
            match news {
                PeerPresence::Phone {
                    node,
                    participant_id,
                    connected,
                } => {
                    let was = self.is_connected(participant_id);
                    let nodes = self.remote.entry(participant_id).or_default();
                    if connected {
                        nodes.insert(node);
                    } else {
                        nodes.remove(&node);
                        if nodes.is_empty() {
                            self.remote.remove(&participant_id);
                        }
                    }
                    if was != self.is_connected(participant_id) {
                        self.tell_staff_presence(participant_id, !was);
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
                    for p in gone {
                        if !self.is_connected(p) {
                            self.tell_staff_presence(p, false);
                        }
                    }
                }
                PeerPresence::Wanted => {
                    let here: Vec<ParticipantId> = self.phones.keys().copied().collect();
                    for p in here {
                        self.announce_presence(p, true);
                    }
                }
            }
        }
    }

    fn announce_presence(&self, participant_id: ParticipantId, connected: bool) {
        if let Some(peers) = &self.peers {
            let _ = peers.announce.send(Change::Presence {
                node: peers.node,
                cafe_id: self.cafe.id,
                participant_id,
                connected,
            });
        }
    }

    async fn hello(
        &mut self,
        credentials: Credentials,
        since: Option<Cursor>,
        request_id: Option<u32>,
        conn: Outbound,
    ) -> Result<Session, (ErrorCode, String)> {
        let refused = || {
            (
                ErrorCode::BadCredentials,
                "those credentials do not open this café".to_string(),
            )
        };
        // A client may come here from another node, holding a cursor or credentials this node
        // has not heard of yet: read the log first. Without the database, serve what this node
        // knows, unless the client has seen more (it must never go back in time).
        let no_database = || {
            (
                ErrorCode::Unavailable,
                "the server cannot reach its database; try again shortly".to_string(),
            )
        };
        let mut stale = false;
        if self.peers.is_some()
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
            if since.as_ref().is_some_and(|c| c.seq > self.cafe.seq) {
                return Err(no_database());
            }
            stale = true;
        }
        let mut resume_token = None;
        let session = match credentials {
            Credentials::Facilitator { key } => Session {
                actor: self.staff_actor(&key).ok_or_else(refused)?,
                viewer: Viewer::Staff,
            },
            Credentials::Wall => Session {
                actor: Actor::Wall,
                viewer: Viewer::Wall,
            },
            Credentials::Participant {
                participant_id,
                resume_token: token,
            } => {
                // Someone who joined through another node while this one cannot read the log
                // is not refused for good: they are told to try again.
                let p = self
                    .cafe
                    .participant(participant_id)
                    .ok_or_else(|| if stale { no_database() } else { refused() })?;
                if !secrets::verify_secret(&token, &p.token_hash) {
                    return Err(refused());
                }
                if !p.present {
                    return Err((
                        ErrorCode::Forbidden,
                        "you are no longer in this café; join again with the code".into(),
                    ));
                }
                Session {
                    actor: Actor::Participant(participant_id),
                    viewer: Viewer::Phone(participant_id),
                }
            }
            Credentials::Join {
                name,
                organisation,
                role,
                join_key,
            } => {
                let token = match join_key {
                    Some(key) if secrets::is_client_secret(&key) => key,
                    Some(_) => {
                        return Err((
                            ErrorCode::InvalidInput,
                            "joinKey must be 32 to 128 letters, digits, - or _".into(),
                        ));
                    }
                    None => secrets::new_secret(),
                };
                // A join sent again with its key is the person it made the first time.
                let token_hash = secrets::hash_secret(&token);
                let participant_id = self
                    .cafe
                    .participants
                    .iter()
                    .find(|p| p.token_hash == token_hash)
                    .map_or_else(uuid::Uuid::new_v4, |p| p.id);
                self.process(
                    Input::Join {
                        participant_id,
                        name,
                        organisation,
                        role,
                        token_hash,
                    },
                    now_ms(),
                )
                .await?;
                resume_token = Some(token);
                Session {
                    actor: Actor::Participant(participant_id),
                    viewer: Viewer::Phone(participant_id),
                }
            }
        };
        // A brand-new participant has no history to resume.
        let since = since.filter(|_| resume_token.is_none());
        let (role, participant_id) = match session.actor {
            Actor::Facilitator => (Role::Facilitator, None),
            Actor::CoFacilitator => (Role::CoFacilitator, None),
            Actor::Wall => (Role::Wall, None),
            Actor::Participant(p) => (Role::Participant, Some(p)),
        };
        let now = now_ms();
        conn.send_msg(&ServerMessage::Welcome {
            request_id,
            cafe_id: self.cafe.id,
            you: You {
                role,
                participant_id,
                resume_token,
            },
            epoch: self.epoch.clone(),
            server_time: now,
        });
        let replay = since.filter(|c| c.epoch == self.epoch).and_then(|c| {
            self.history
                .since(c.seq, self.cafe.seq, session.viewer, QUEUE_FRAMES / 2)
        });
        match replay {
            Some(missed) => {
                for (seq, at, update) in missed {
                    conn.send_msg(&ServerMessage::Event {
                        seq,
                        at,
                        server_time: now,
                        update,
                    });
                }
                if matches!(session.viewer, Viewer::Staff | Viewer::Wall) {
                    conn.send_msg(&ServerMessage::PresenceList {
                        connected: self.connected(),
                    });
                }
            }
            None => {
                // Only the staff see who is connected; listing it for every phone's hello
                // made a join storm quadratic.
                let connected = match session.viewer {
                    Viewer::Staff | Viewer::Wall => self.connected(),
                    Viewer::Phone(_) => Vec::new(),
                };
                conn.send_msg(&ServerMessage::Snapshot {
                    epoch: self.epoch.clone(),
                    seq: self.cafe.seq,
                    server_time: now,
                    cafe: engine::view::snapshot(&self.cafe, session.viewer, &connected),
                });
            }
        }
        conn.send_msg(&ServerMessage::Synced {
            seq: self.cafe.seq,
            server_time: now,
        });
        self.subscribe(conn, session);
        Ok(session)
    }

    fn subscribe(&mut self, out: Outbound, session: Session) {
        let id = out.id;
        let viewer = session.viewer;
        if let Viewer::Phone(p) = viewer {
            let ids = self.phones.entry(p).or_default();
            ids.insert(id);
            if ids.len() == 1 {
                self.announce_presence(p, true);
                if !self.remote.contains_key(&p) {
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

    fn unsubscribe(&mut self, conn_id: u64) {
        let Some(conn) = self.conns.remove(&conn_id) else {
            return;
        };
        if let Viewer::Phone(p) = conn.viewer
            && let Some(ids) = self.phones.get_mut(&p)
        {
            ids.remove(&conn_id);
            if ids.is_empty() {
                self.phones.remove(&p);
                self.announce_presence(p, false);
                if !self.remote.contains_key(&p) {
                    self.tell_staff_presence(p, false);
                }
            }
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

    /// A replaced or revoked key no longer opens the café: its connections end now.
    fn close_co_facilitators(&mut self) {
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
    fn close_departed(&mut self) {
        let gone: Vec<ParticipantId> = self
            .phones
            .keys()
            .copied()
            .filter(|p| !self.cafe.participant(*p).is_some_and(|p| p.present))
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

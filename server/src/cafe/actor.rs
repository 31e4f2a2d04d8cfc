//! The café owner task.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use flamingo_protocol::{
    Authors, CafeId, CloseCode, Cursor, ErrorCode, ExportFormat, Millis, NoteId, ParticipantId,
    PublicCafeInfo, Role, ServerMessage, Update, You,
};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, debug, info, info_span, warn};

use super::history::{Entry, History};
use super::lookahead::Lookahead;
use super::news::{News, PeerPresence};
use super::{CafeHandle, Credentials, MAILBOX, Request, Session};
use crate::clock::now_ms;
use crate::engine::{self, Actor, Cafe, Event, Input, Phase, Recorded, Viewer};
use crate::export::Exported;
use crate::outbound::{Outbound, QUEUE_FRAMES, encode};
use crate::secrets;
use crate::storage::{Change, NodeId, Storage, StorageError};

/// After a failed write, the timer waits this long before trying to end the round again.
const TIMER_RETRY: Duration = Duration::from_secs(1);

/// Most commands taken from the mailbox at once, to be decided together and stored in one
/// append: a busy café then pays one fsync per batch instead of one per command. Bounded so
/// that one batch does not hold back the hellos and disconnects queued behind it for long.
const BATCH_MAX: usize = 64;

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
    lookahead: Lookahead,
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
        lookahead: Lookahead::default(),
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
            self.lookahead.look(&self.cafe);
            let plan_due = self.lookahead.due();
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
                    Some(req @ Request::Command { .. }) => {
                        let (batch, next) = take_commands(req, &mut rx);
                        self.commands(batch).await;
                        if let Some(req) = next {
                            self.handle(req).await;
                        }
                    }
                    Some(req) => self.handle(req).await,
                    None => break,
                },
                // Last: planning ahead is for when nothing else is waiting.
                _ = tokio::time::sleep_until(plan_due.unwrap_or_else(tokio::time::Instant::now)),
                    if plan_due.is_some() => self.lookahead.start(&self.cafe),
                _ = self.lookahead.made() => {}
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
            req @ Request::Command { .. } => self.commands(vec![req]).await,
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

    /// Commands taken from the mailbox together: decided in order, stored in one append, then
    /// each one's updates fanned out and its answer (ack or error) sent, in the same order.
    async fn commands(&mut self, batch: Vec<Request>) {
        let mut inputs = Vec::with_capacity(batch.len());
        let mut replies = Vec::with_capacity(batch.len());
        for req in batch {
            if let Request::Command {
                actor,
                command,
                request_id,
                conn,
            } = req
            {
                replies.push((command.name(), request_id, conn));
                inputs.push(Input::Command { actor, command });
            }
        }
        let now = now_ms();
        let mut batch = self.decide_and_store(inputs, now).await;
        for (i, (name, request_id, conn)) in replies.into_iter().enumerate() {
            let answer = match self.publish(&mut batch, i, now) {
                Ok(records) => ServerMessage::Ack {
                    request_id,
                    seq: batch.seq_after(&records),
                    duplicate: records.is_empty(),
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
        }
        // After every batch's frames: a removed person's connection closes after its last.
        self.close_departed();
    }

    /// Decides, stores, applies and fans out one input. Returns how many events were stored.
    async fn process(&mut self, input: Input, now: Millis) -> Result<usize, (ErrorCode, String)> {
        let mut batch = self.decide_and_store(vec![input], now).await;
        self.publish(&mut batch, 0, now)
            .map(|records| records.len())
    }

    /// Decides each input on the state the earlier ones left, then stores every event of the
    /// batch in one append. Nothing is fanned out yet: see [`Owner::publish`]. If the append
    /// fails, the state is as it was before the batch and every input is refused.
    ///
    /// With storage shared by several nodes, the café's log is locked first (once for the
    /// batch) and whatever other nodes appended is applied, so the decisions are made on the
    /// latest state and the append cannot conflict; the others wait their turn.
    async fn decide_and_store(&mut self, inputs: Vec<Input>, now: Millis) -> Batch {
        let count = inputs.len();
        let mut locked = match self.storage.lock(self.cafe.id).await {
            Ok(locked) => locked,
            Err(e) => return Batch::unavailable(count, &e),
        };
        if let Some(log) = locked.as_mut() {
            let caught_up = match log.since(self.cafe.seq).await {
                Ok(missed) => self.apply_missed(&missed),
                Err(e) => Err(e),
            };
            if let Err(e) = caught_up {
                return Batch::unavailable(count, &e);
            }
        }
        let deciding = Instant::now();
        let mut batch = self.decide_all(&inputs, now);
        let decided = deciding.elapsed();
        if batch.records.is_empty() {
            // Dropping the lock appends nothing.
            return batch;
        }
        // Stored before anyone hears of it: an ack or an update always means "saved".
        let stored = match locked {
            Some(log) => log.commit(&batch.records).await,
            None => self.storage.append(self.cafe.id, &batch.records).await,
        };
        if let Err(e) = stored {
            if let Some(before) = batch.before.take() {
                self.cafe = before;
            }
            return Batch::unavailable(count, &e);
        }
        // Where a slow command's time went: deciding (a round's plan) or the write.
        debug!(
            inputs = count,
            events = batch.records.len(),
            decide_ms = decided.as_secs_f64() * 1e3,
            store_ms = (deciding.elapsed() - decided).as_secs_f64() * 1e3,
            "batch stored"
        );
        batch
    }

    /// Decides every input in order. Each input's events but the last input's are applied at
    /// once, so the next input is decided on the state they leave; the state before them is
    /// kept in the batch, to go back to if the append fails. A lone input (the usual case in
    /// a quiet café) is applied only after it is stored, as before batching, and costs no copy.
    fn decide_all(&mut self, inputs: &[Input], now: Millis) -> Batch {
        let mut batch = Batch::new(self.cafe.seq, inputs.len());
        let last = inputs.len().saturating_sub(1);
        let ahead = self.lookahead.take();
        for (i, input) in inputs.iter().enumerate() {
            let events = match engine::decide_with(&self.cafe, input, now, ahead.as_ref()) {
                Ok(events) => events,
                Err(e) => {
                    batch.outcomes.push(Err((e.code(), e.to_string())));
                    continue;
                }
            };
            let start = batch.records.len();
            for event in events {
                let record = Recorded {
                    seq: batch.first_seq + batch.records.len() as u64,
                    at: now,
                    event,
                };
                let fanout = (i < last).then(|| {
                    batch.before.get_or_insert_with(|| self.cafe.clone());
                    self.apply(&record)
                });
                batch.records.push(record);
                batch.fanouts.push(fanout);
            }
            batch.outcomes.push(Ok(start..batch.records.len()));
        }
        self.lookahead.put_back(ahead, &self.cafe);
        batch
    }

    /// Applies (if deciding did not already) and fans out input `i`'s stored events. Returns
    /// which of the batch's records they were, or why the input was refused.
    fn publish(
        &mut self,
        batch: &mut Batch,
        i: usize,
        now: Millis,
    ) -> Result<Range<usize>, (ErrorCode, String)> {
        let range = match batch.outcomes.get(i) {
            Some(Ok(range)) => range.clone(),
            Some(Err(refusal)) => return Err(refusal.clone()),
            None => return Err(Batch::unavailable_answer()),
        };
        for j in range.clone() {
            let r = &batch.records[j];
            let fanout = match batch.fanouts[j].take() {
                Some(fanout) => fanout,
                None => self.apply(r),
            };
            self.fan_out(r, fanout, now);
        }
        Ok(range)
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
        let fanout = self.apply(r);
        self.fan_out(r, fanout, now);
    }

    /// Applies an event to the state and works out who is told what (told nothing yet).
    fn apply(&mut self, r: &Recorded) -> Arc<engine::Fanout> {
        let touched = engine::view::touched_before(&self.cafe, &r.event);
        self.cafe.apply(r);
        Arc::new(engine::view::fanout(&self.cafe, &r.event, &touched))
    }

    /// Tells everyone concerned about a stored, applied event, and keeps it for replay.
    fn fan_out(&mut self, r: &Recorded, fanout: Arc<engine::Fanout>, now: Millis) {
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
        self.deliver(r, &fanout, now);
        self.history.push(Entry {
            seq: r.seq,
            at: r.at,
            fanout,
        });
    }

    /// Queues each connection its frames of one event, numbered by `part` in the order of
    /// `Fanout::for_viewer`, the order a replay uses, so a resume can continue mid-group.
    fn deliver(&mut self, r: &Recorded, fanout: &engine::Fanout, now: Millis) {
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
        let first = u32::from(fanout.everyone.is_some());
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
        let mut parts: HashMap<ParticipantId, u32> = HashMap::new();
        for (p, u) in &fanout.phones {
            let part = parts.entry(*p).or_insert(first);
            let this = *part;
            *part += 1;
            let Some(ids) = self.phones.get(p) else {
                continue;
            };
            let f = frame(u, this);
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
                .since(&c, self.cafe.seq, session.viewer, QUEUE_FRAMES / 2)
        });
        match replay {
            Some(missed) => {
                for (seq, part, at, update) in missed {
                    conn.send_msg(&ServerMessage::Event {
                        seq,
                        part,
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

/// The commands waiting behind `first`, up to [`BATCH_MAX`] in all. Stops at the first other
/// request, which is returned to be handled right after the batch, so the mailbox's order holds.
fn take_commands(
    first: Request,
    rx: &mut mpsc::Receiver<Request>,
) -> (Vec<Request>, Option<Request>) {
    let mut batch = vec![first];
    while batch.len() < BATCH_MAX {
        match rx.try_recv() {
            Ok(req @ Request::Command { .. }) => batch.push(req),
            Ok(other) => return (batch, Some(other)),
            Err(_) => break,
        }
    }
    (batch, None)
}

/// Inputs decided together and stored in one append.
struct Batch {
    /// The café's seq + 1 when the batch was decided: the first record's seq.
    first_seq: u64,
    /// Every event decided, in order, numbered from `first_seq`.
    records: Vec<Recorded>,
    /// Per record: who is told what, for records applied while deciding.
    fanouts: Vec<Option<Arc<engine::Fanout>>>,
    /// Per input: its records, or why it was refused.
    outcomes: Vec<Result<Range<usize>, (ErrorCode, String)>>,
    /// The state before the first record applied while deciding.
    before: Option<Cafe>,
}

impl Batch {
    fn new(seq: u64, inputs: usize) -> Self {
        Self {
            first_seq: seq + 1,
            records: Vec::new(),
            fanouts: Vec::new(),
            outcomes: Vec::with_capacity(inputs),
            before: None,
        }
    }

    /// Nothing was stored: every input is refused, and nothing is to be told.
    fn unavailable(inputs: usize, e: &StorageError) -> Self {
        warn!(error = %e, inputs, "could not store events; commands refused");
        Self {
            first_seq: 0,
            records: Vec::new(),
            fanouts: Vec::new(),
            outcomes: (0..inputs)
                .map(|_| Err(Self::unavailable_answer()))
                .collect(),
            before: None,
        }
    }

    fn unavailable_answer() -> (ErrorCode, String) {
        (
            ErrorCode::Unavailable,
            "the server could not save this change; nothing was changed. Try again shortly"
                .to_string(),
        )
    }

    /// The café's seq once the batch's records up to `records` are applied (for an input
    /// that changed nothing, the seq it found).
    fn seq_after(&self, records: &Range<usize>) -> u64 {
        self.first_seq + records.end as u64 - 1
    }
}

#[cfg(test)]
mod tests;

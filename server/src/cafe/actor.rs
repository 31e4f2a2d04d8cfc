//! The café owner task: its state, its loop and its round timer. The jobs it does in that
//! loop each have a module: `batch` (decide → store → apply → fan out), `hello` (who a
//! connection is, and its first frames), [`Audience`](super::audience) (connections and
//! delivery), [`Presence`](super::presence) (phones on other nodes).

mod batch;
mod hello;

use std::sync::Arc;
use std::time::Duration;

use flamingo_protocol::{CloseCode, Millis, NoteId, PublicCafeInfo};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, debug, info, info_span, warn};

use super::audience::Audience;
use super::history::{Entry, History};
use super::lookahead::Lookahead;
use super::news::News;
use super::{Answer, CafeHandle, MAILBOX, Request};
use crate::clock::now_ms;
use crate::cluster::ClusterLink;
use crate::engine::{self, Actor, Cafe, Event, Input, Phase, Recorded};
use crate::refusal::Refusal;
use crate::secrets;
use crate::storage::{Storage, StorageError};

/// After a failed write, the timer waits this long before trying to end the round again.
const TIMER_RETRY: Duration = Duration::from_secs(1);

struct Owner {
    cafe: Cafe,
    epoch: String,
    storage: Arc<dyn Storage>,
    /// Other nodes share the storage: they append to this café's log too, and serve phones.
    shared: bool,
    news: Arc<News>,
    history: History,
    audience: Audience,
    timer_retry_at: Option<Millis>,
    lookahead: Lookahead,
}

/// Starts the owner of a café restored from (or just written to) storage. `log` must hold
/// every event from seq 1.
pub fn spawn(
    log: &[Recorded],
    epoch: String,
    storage: Arc<dyn Storage>,
    cluster: Option<ClusterLink>,
    shutdown: CancellationToken,
) -> Option<CafeHandle> {
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
    let shared = cluster.is_some();
    // With shared storage the log may have grown since it was read: look once at start.
    let news = Arc::new(if shared {
        News::log_unknown()
    } else {
        News::default()
    });
    let owner = Owner {
        cafe,
        epoch,
        storage,
        shared,
        news: news.clone(),
        history,
        audience: Audience::new(id, cluster),
        timer_retry_at: None,
        lookahead: Lookahead::default(),
    };
    tokio::spawn(
        owner
            .run(rx, shutdown)
            .instrument(info_span!("cafe", id = %id, code = %code)),
    );
    Some(CafeHandle {
        id,
        join_code: code,
        tx,
        news,
    })
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
                _ = self.news.wake.notified(), if self.shared => self.on_news().await,
                req = rx.recv() => match req {
                    Some(req @ Request::Command { .. }) => {
                        let (batch, next) = batch::take_commands(req, &mut rx);
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
        self.audience.close_all(CloseCode::ShuttingDown);
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
            Err(refused) => {
                warn!(code = ?refused.code, message = %refused.message, "could not end the round at its deadline; retrying");
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
            Request::Disconnected { conn_id } => self.audience.unsubscribe(conn_id),
            Request::ForExport { key, reply } => {
                let _ = reply.send(self.for_export(&key).await);
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
            let fanout = self.apply(r);
            self.fan_out(r, fanout, now);
        }
        self.news.log_checked(self.cafe.seq);
        if !records.is_empty() {
            debug!(
                seq = self.cafe.seq,
                applied = records.len(),
                "caught up with other nodes"
            );
            // People removed on another node lose their connections here too.
            self.audience.close_departed(&self.cafe);
        }
        Ok(())
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
                self.audience.close_co_facilitators();
            }
            _ => {}
        }
        self.audience.deliver(r, &fanout, now);
        self.history.push(Entry {
            seq: r.seq,
            at: r.at,
            fanout,
        });
    }

    /// What other nodes did: read their appends from the log, then their presence.
    async fn on_news(&mut self) {
        if self.news.log_tip() > self.cafe.seq
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
        }
        for news in self.news.take_presence() {
            self.audience.hear(news);
        }
    }

    /// With other nodes, reads what they appended, so that an answer built from the state
    /// (an export, suggestions) holds everything stored.
    async fn latest(&mut self) -> Result<(), Refusal> {
        if self.shared
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
            return Err(Refusal::unavailable(
                "the server cannot reach its database; try again shortly",
            ));
        }
        Ok(())
    }

    /// A copy of the café for the facilitator to export: rendering it is left to the blocking
    /// pool, so a large café's report never holds up its commands.
    async fn for_export(&mut self, key: &str) -> Answer<Box<Cafe>> {
        if engine::staff_actor(&self.cafe, key).is_none() {
            return Err(Refusal::bad_credentials(
                "only the facilitator can export: send the facilitator key",
            ));
        }
        self.latest().await?;
        Ok(Box::new(self.cafe.clone()))
    }

    /// The notes suggestions are made from: on the wall (not deleted or hidden), in no theme.
    async fn unthemed_notes(&mut self, key: &str) -> Answer<Vec<(NoteId, String)>> {
        if engine::staff_actor(&self.cafe, key).is_none() {
            return Err(Refusal::bad_credentials(
                "only the facilitator can ask for suggestions: send the facilitator key",
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
    async fn co_facilitator_key(&mut self, key: &str, share: bool) -> Answer<Option<String>> {
        if engine::staff_actor(&self.cafe, key) != Some(Actor::Facilitator) {
            return Err(Refusal::bad_credentials(
                "only the facilitator can share or revoke the co-facilitator key",
            ));
        }
        let new_key = share.then(secrets::new_secret);
        let key_hash = new_key.as_deref().map(secrets::hash_secret);
        self.process(Input::CoFacilitatorKey { key_hash }, now_ms())
            .await?;
        Ok(new_key)
    }
}

#[cfg(test)]
mod tests;

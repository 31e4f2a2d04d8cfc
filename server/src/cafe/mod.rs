//! The café owner: one task per café holds its state and is the only writer of its log.
//! Everything that touches a café (hello, commands, disconnects, the round timer) is a
//! message to that task, so commands are decided, stored and fanned out in one order.

mod actor;
mod audience;
mod history;
mod lookahead;
mod news;
mod presence;

use std::sync::Arc;

use flamingo_protocol::{CafeId, Command, Cursor, NoteId, ParticipantId, PublicCafeInfo};
use tokio::sync::{mpsc, oneshot};

use crate::engine::{Actor, Cafe, Viewer};
use crate::outbound::Outbound;
use crate::refusal::Refusal;

pub use actor::spawn;
pub use news::News;

/// How many requests may wait for a café before senders wait too (back-pressure).
const MAILBOX: usize = 1024;

/// Credentials after the registry found the café; the owner checks the secrets.
#[derive(Debug, Clone)]
pub enum Credentials {
    Facilitator {
        key: String,
    },
    Join {
        name: String,
        organisation: Option<String>,
        role: Option<String>,
        join_key: Option<String>,
    },
    Participant {
        participant_id: ParticipantId,
        resume_token: String,
    },
    Wall,
}

/// Who a connection turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub actor: Actor,
    pub viewer: Viewer,
}

#[derive(Debug)]
pub enum Request {
    /// Authenticates, subscribes `conn`, and queues welcome + snapshot or replay + synced.
    Hello {
        credentials: Credentials,
        since: Option<Cursor>,
        request_id: Option<u32>,
        conn: Outbound,
        reply: oneshot::Sender<Answer<Session>>,
    },
    /// The answer (ack or error) goes to `conn`, after the updates the command caused.
    Command {
        actor: Actor,
        command: Command,
        request_id: Option<u32>,
        conn: Outbound,
    },
    Disconnected {
        conn_id: u64,
    },
    Info {
        reply: oneshot::Sender<PublicCafeInfo>,
    },
    /// The notes suggestions are made from, for staff (checked against `key`).
    UnthemedNotes {
        key: String,
        reply: oneshot::Sender<Answer<Vec<(NoteId, String)>>>,
    },
    /// Shares a new co-facilitator key (`share`) or revokes it, for the facilitator.
    CoFacilitatorKey {
        key: String,
        share: bool,
        reply: oneshot::Sender<Answer<Option<String>>>,
    },
    /// A copy of the café to export, for staff (checked against `key`); the copy is
    /// rendered off the owner's task.
    ForExport {
        key: String,
        reply: oneshot::Sender<Answer<Box<Cafe>>>,
    },
}

/// What a request to the owner answers: the result, or the owner's refusal with its reason.
pub type Answer<T> = Result<T, Refusal>;

/// A cheap handle to a café's owner task, knowing which café it is.
#[derive(Clone, Debug)]
pub struct CafeHandle {
    id: CafeId,
    join_code: String,
    tx: mpsc::Sender<Request>,
    news: Arc<News>,
}

impl CafeHandle {
    pub fn id(&self) -> CafeId {
        self.id
    }

    /// The café's canonical join code (it never changes).
    pub fn join_code(&self) -> &str {
        &self.join_code
    }

    /// Where other nodes' appends and presence are passed to the owner.
    pub fn news(&self) -> &News {
        &self.news
    }

    pub async fn send(&self, req: Request) -> Result<(), Gone> {
        self.tx.send(req).await.map_err(|_| Gone)
    }

    /// For drop guards, which cannot wait: a full mailbox drops the notice, and the owner
    /// finds the dead connection at its next send instead.
    pub fn try_send(&self, req: Request) {
        let _ = self.tx.try_send(req);
    }

    /// Asks the owner and waits for its answer; a stopped owner is a refusal too.
    async fn ask<T>(&self, req: impl FnOnce(oneshot::Sender<T>) -> Request) -> Result<T, Gone> {
        let (reply, rx) = oneshot::channel();
        self.send(req(reply)).await?;
        rx.await.map_err(|_| Gone)
    }

    pub async fn for_export(&self, key: String) -> Answer<Box<Cafe>> {
        self.ask(|reply| Request::ForExport { key, reply }).await?
    }

    pub async fn unthemed_notes(&self, key: String) -> Answer<Vec<(NoteId, String)>> {
        self.ask(|reply| Request::UnthemedNotes { key, reply })
            .await?
    }

    pub async fn co_facilitator_key(&self, key: String, share: bool) -> Answer<Option<String>> {
        self.ask(|reply| Request::CoFacilitatorKey { key, share, reply })
            .await?
    }

    pub async fn info(&self) -> Answer<PublicCafeInfo> {
        Ok(self.ask(|reply| Request::Info { reply }).await?)
    }
}

/// The café's task has stopped (server shutting down).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("café is not available")]
pub struct Gone;

impl From<Gone> for Refusal {
    fn from(_: Gone) -> Self {
        Refusal::unavailable("the café is not available right now")
    }
}

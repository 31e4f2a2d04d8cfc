//! The café owner: one task per café holds its state and is the only writer of its log.
//! Everything that touches a café (hello, commands, disconnects, the round timer) is a
//! message to that task, so commands are decided, stored and fanned out in one order.

mod actor;
mod history;
mod lookahead;
mod news;

use std::sync::Arc;

use flamingo_protocol::{
    Authors, Command, Cursor, ErrorCode, ExportFormat, NoteId, ParticipantId, PublicCafeInfo,
};
use tokio::sync::{mpsc, oneshot};

use crate::engine::{Actor, Viewer};
use crate::export::Exported;
use crate::outbound::Outbound;

pub use actor::{Peers, spawn};
pub use news::{News, PeerPresence};

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
        reply: oneshot::Sender<Result<Session, (ErrorCode, String)>>,
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
    /// The café as a download, for the facilitator (checked against `key`).
    Export {
        key: String,
        format: ExportFormat,
        authors: Authors,
        reply: oneshot::Sender<Result<Exported, (ErrorCode, String)>>,
    },
}

/// What a request to the owner answers: the result, or the owner's refusal with its reason.
pub type Answer<T> = Result<T, (ErrorCode, String)>;

/// A cheap handle to a café's owner task.
#[derive(Clone, Debug)]
pub struct CafeHandle {
    tx: mpsc::Sender<Request>,
    news: Arc<News>,
}

impl CafeHandle {
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

    pub async fn export(
        &self,
        key: String,
        format: ExportFormat,
        authors: Authors,
    ) -> Result<Result<Exported, (ErrorCode, String)>, Gone> {
        let (reply, rx) = oneshot::channel();
        self.send(Request::Export {
            key,
            format,
            authors,
            reply,
        })
        .await?;
        rx.await.map_err(|_| Gone)
    }

    pub async fn unthemed_notes(&self, key: String) -> Result<Answer<Vec<(NoteId, String)>>, Gone> {
        let (reply, rx) = oneshot::channel();
        self.send(Request::UnthemedNotes { key, reply }).await?;
        rx.await.map_err(|_| Gone)
    }

    pub async fn co_facilitator_key(
        &self,
        key: String,
        share: bool,
    ) -> Result<Answer<Option<String>>, Gone> {
        let (reply, rx) = oneshot::channel();
        self.send(Request::CoFacilitatorKey { key, share, reply })
            .await?;
        rx.await.map_err(|_| Gone)
    }

    pub async fn info(&self) -> Result<PublicCafeInfo, Gone> {
        let (reply, rx) = oneshot::channel();
        self.send(Request::Info { reply }).await?;
        rx.await.map_err(|_| Gone)
    }
}

/// The café's task has stopped (server shutting down).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("café is not available")]
pub struct Gone;

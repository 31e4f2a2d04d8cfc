//! A connection's outgoing queue. Bounded, so a client that stops reading cannot make the
//! server buffer without limit: when the queue is full the connection is closed with
//! `SlowConsumer`, and the client resumes from its cursor on reconnect.

use std::sync::Arc;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};

use flamingo_protocol::{CloseCode, ServerMessage};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Frames a connection may have queued before it counts as too slow.
pub const QUEUE_FRAMES: usize = 512;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A serialised frame, shared by every connection it goes to.
pub type Frame = Arc<str>;

pub fn encode(msg: &ServerMessage) -> Frame {
    // Our own message types always serialise; a failure here is a bug, not input.
    serde_json::to_string(msg)
        .expect("server messages serialise")
        .into()
}

/// The sending side, held by the café owner and the connection's reader.
#[derive(Clone, Debug)]
pub struct Outbound {
    pub id: u64,
    tx: mpsc::Sender<Frame>,
    close: Arc<(AtomicU16, CancellationToken)>,
}

/// The receiving side, held by the connection's writer.
pub struct OutboundRx {
    pub rx: mpsc::Receiver<Frame>,
    close: Arc<(AtomicU16, CancellationToken)>,
}

pub fn channel() -> (Outbound, OutboundRx) {
    let (tx, rx) = mpsc::channel(QUEUE_FRAMES);
    let close = Arc::new((AtomicU16::new(0), CancellationToken::new()));
    (
        Outbound {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            tx,
            close: close.clone(),
        },
        OutboundRx { rx, close },
    )
}

impl Outbound {
    /// Queues a frame. False when the connection is gone or too far behind; in the second
    /// case it is also told to close with `SlowConsumer`.
    pub fn send(&self, frame: Frame) -> bool {
        match self.tx.try_send(frame) {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.close(CloseCode::SlowConsumer);
                false
            }
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        }
    }

    pub fn send_msg(&self, msg: &ServerMessage) -> bool {
        self.send(encode(msg))
    }

    /// Asks the writer to send what is queued, then close with `code`. The first code wins.
    pub fn close(&self, code: CloseCode) {
        let _ = self
            .close
            .0
            .compare_exchange(0, code.code(), Ordering::SeqCst, Ordering::SeqCst);
        self.close.1.cancel();
    }

    /// Resolves when the connection was asked to close, from either side.
    pub async fn closing(&self) {
        self.close.1.cancelled().await
    }
}

impl OutboundRx {
    /// Cancelled when the connection was asked to close.
    pub fn closing(&self) -> CancellationToken {
        self.close.1.clone()
    }

    pub fn close_code(&self) -> Option<CloseCode> {
        CloseCode::from_code(self.close.0.load(Ordering::SeqCst))
    }

    /// Asks to close from the receiving side (the writer gave up on a stuck socket).
    pub fn close(&self, code: CloseCode) {
        let _ = self
            .close
            .0
            .compare_exchange(0, code.code(), Ordering::SeqCst, Ordering::SeqCst);
        self.close.1.cancel();
    }
}

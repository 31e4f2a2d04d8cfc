//! One websocket connection: a reader that authenticates and forwards commands to the café
//! owner, and a writer that drains the connection's bounded queue and pings. Either ending
//! ends both.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use flamingo_protocol::limits::MAX_MESSAGE_BYTES;
use flamingo_protocol::{Auth, ClientMessage, CloseCode, ErrorCode, ServerMessage};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tracing::{Instrument, debug, info_span};

use crate::cafe::{CafeHandle, Credentials, Request, Session};
use crate::clock::now_ms;
use crate::http::AppState;
use crate::outbound::{self, Outbound, OutboundRx};
use crate::rate::TokenBucket;
use crate::refusal::Refusal;

/// Time to say hello after connecting.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// Failed hellos before the connection is closed (guessing join codes is slow work).
const MAX_FAILED_HELLOS: u32 = 5;
/// Malformed messages tolerated before the connection is closed.
const MAX_BAD_MESSAGES: u32 = 20;
/// Rate-limited messages tolerated before the connection is closed.
const MAX_LIMITED_MESSAGES: u32 = 200;
const PING_EVERY: Duration = Duration::from_secs(15);
/// A connection silent this long is dead (pongs count). Checked at each ping, so a dead
/// connection is noticed within 40 to 55 seconds.
const DEAD_AFTER: Duration = Duration::from_secs(40);
/// A frame the client does not take within this time means the client is stuck.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Sustained messages per second per connection, and the burst allowed above it.
pub const MESSAGES_PER_SECOND: f64 = 20.0;
pub const MESSAGE_BURST: f64 = 40.0;

pub async fn run(socket: WebSocket, app: AppState, peer: SocketAddr) {
    let (out, out_rx) = outbound::channel();
    let span = info_span!("conn", id = out.id, %peer);
    async move {
        debug!("connected");
        let (sink, stream) = socket.split();
        let last_seen = Arc::new(AtomicI64::new(now_ms()));
        let writer = tokio::spawn(write(sink, out_rx, last_seen.clone()).in_current_span());
        let mut reader = Reader {
            app,
            out: out.clone(),
            last_seen,
            cafe: None,
            failed_hellos: 0,
            bad_messages: 0,
            limited: 0,
            bucket: TokenBucket::new(MESSAGES_PER_SECOND, MESSAGE_BURST),
        };
        let code = reader.read(stream).await;
        if let Some((cafe, _)) = &reader.cafe {
            cafe.try_send(Request::Disconnected { conn_id: out.id });
        }
        out.close(code);
        drop(reader);
        drop(out);
        let _ = writer.await;
        debug!(?code, "disconnected");
    }
    .instrument(span)
    .await
}

struct Reader {
    app: AppState,
    out: Outbound,
    last_seen: Arc<AtomicI64>,
    cafe: Option<(CafeHandle, Session)>,
    failed_hellos: u32,
    bad_messages: u32,
    limited: u32,
    bucket: TokenBucket,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JustRequestId {
    request_id: Option<u32>,
}

/// The request id of a message that could not be read as a whole, so the error can echo it.
fn request_id_of(text: &str) -> Option<u32> {
    serde_json::from_str::<JustRequestId>(text)
        .ok()
        .and_then(|r| r.request_id)
}

impl Reader {
    /// Reads until the connection ends; returns the close code to send if it is still open.
    async fn read(&mut self, mut stream: SplitStream<WebSocket>) -> CloseCode {
        let hello_deadline = tokio::time::Instant::now() + HELLO_TIMEOUT;
        let shutdown = self.app.shutdown.clone();
        loop {
            let next = tokio::select! {
                m = stream.next() => m,
                _ = self.out.closing() => return CloseCode::ShuttingDown,
                _ = shutdown.cancelled() => return CloseCode::ShuttingDown,
                _ = tokio::time::sleep_until(hello_deadline), if self.cafe.is_none() => {
                    return CloseCode::Timeout;
                }
            };
            let msg = match next {
                Some(Ok(m)) => m,
                Some(Err(e)) => {
                    // Frames beyond the transport's hard cap land here; the socket is unusable.
                    debug!(error = %e, "read failed");
                    return CloseCode::ProtocolViolation;
                }
                None => return CloseCode::ShuttingDown,
            };
            self.last_seen.store(now_ms(), Ordering::Relaxed);
            let text = match msg {
                Message::Text(t) => t,
                Message::Binary(_) => {
                    if let Some(code) = self.bad(None, "send JSON in text frames".into()) {
                        return code;
                    }
                    continue;
                }
                Message::Ping(_) | Message::Pong(_) => continue,
                Message::Close(_) => return CloseCode::ShuttingDown,
            };
            if text.len() > MAX_MESSAGE_BYTES {
                self.bad_messages += 1;
                self.error(
                    None,
                    ErrorCode::TooLarge,
                    format!(
                        "message is {} bytes; the limit is {MAX_MESSAGE_BYTES}",
                        text.len()
                    ),
                );
                if self.bad_messages > MAX_BAD_MESSAGES {
                    return CloseCode::ProtocolViolation;
                }
                continue;
            }
            if !self.bucket.take(now_ms()) {
                self.limited += 1;
                let request_id = request_id_of(&text);
                self.error(
                    request_id,
                    ErrorCode::RateLimited,
                    "too many messages; slow down".into(),
                );
                if self.limited > MAX_LIMITED_MESSAGES {
                    return CloseCode::RateLimited;
                }
                continue;
            }
            let parsed = match serde_json::from_str::<ClientMessage>(&text) {
                Ok(m) => m,
                Err(e) => {
                    let request_id = request_id_of(&text);
                    if let Some(code) = self.bad(request_id, format!("not a valid message: {e}")) {
                        return code;
                    }
                    continue;
                }
            };
            if let Some(code) = self.handle(parsed).await {
                return code;
            }
        }
    }

    fn error(&self, request_id: Option<u32>, code: ErrorCode, message: String) {
        self.out.send_msg(&ServerMessage::Error {
            request_id,
            code,
            message,
        });
    }

    /// Answers a malformed message; closes after too many.
    fn bad(&mut self, request_id: Option<u32>, message: String) -> Option<CloseCode> {
        self.bad_messages += 1;
        self.error(request_id, ErrorCode::BadMessage, message);
        (self.bad_messages > MAX_BAD_MESSAGES).then_some(CloseCode::ProtocolViolation)
    }

    async fn handle(&mut self, msg: ClientMessage) -> Option<CloseCode> {
        match msg {
            ClientMessage::Ping { request_id } => {
                self.out.send_msg(&ServerMessage::Pong {
                    request_id,
                    server_time: now_ms(),
                });
                None
            }
            ClientMessage::Hello {
                request_id,
                auth,
                since,
            } => {
                if self.cafe.is_some() {
                    self.error(
                        request_id,
                        ErrorCode::BadMessage,
                        "this connection already said hello; open a new one to switch".into(),
                    );
                    return None;
                }
                match self.hello(request_id, auth, since).await {
                    Ok(()) => None,
                    Err(Refusal { code, message }) => {
                        self.error(request_id, code, message);
                        self.failed_hellos += 1;
                        (self.failed_hellos >= MAX_FAILED_HELLOS).then_some(CloseCode::AuthFailed)
                    }
                }
            }
            ClientMessage::Command {
                request_id,
                command,
            } => {
                let Some((cafe, session)) = &self.cafe else {
                    self.error(
                        request_id,
                        ErrorCode::NotAuthenticated,
                        "send hello before any command".into(),
                    );
                    return None;
                };
                let req = Request::Command {
                    actor: session.actor,
                    command,
                    request_id,
                    conn: self.out.clone(),
                };
                match cafe.send(req).await {
                    Ok(()) => None,
                    Err(_) => Some(CloseCode::ShuttingDown),
                }
            }
        }
    }

    async fn hello(
        &mut self,
        request_id: Option<u32>,
        auth: Auth,
        since: Option<flamingo_protocol::Cursor>,
    ) -> Result<(), Refusal> {
        let registry = &self.app.registry;
        let (found, credentials) = match auth {
            Auth::Facilitator {
                cafe_id,
                facilitator_key,
            } => (
                registry.by_id(cafe_id).await,
                Credentials::Facilitator {
                    key: facilitator_key,
                },
            ),
            Auth::Join {
                join_code,
                name,
                organisation,
                role,
                join_key,
            } => (
                registry.by_code(&join_code).await,
                Credentials::Join {
                    name,
                    organisation,
                    role,
                    join_key,
                },
            ),
            Auth::Participant {
                cafe_id,
                participant_id,
                resume_token,
            } => (
                registry.by_id(cafe_id).await,
                Credentials::Participant {
                    participant_id,
                    resume_token,
                },
            ),
            Auth::Wall { join_code } => (registry.by_code(&join_code).await, Credentials::Wall),
        };
        let cafe = match found {
            Ok(Some(cafe)) => cafe,
            Ok(None) => {
                return Err(Refusal::bad_credentials(
                    "no café with that code; check the code on the wall",
                ));
            }
            Err(e) => {
                tracing::warn!(error = %e, "café lookup failed");
                return Err(Refusal::unavailable(
                    "the server could not look up the café; try again shortly",
                ));
            }
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        let req = Request::Hello {
            credentials,
            since,
            request_id,
            conn: self.out.clone(),
            reply,
        };
        let gone = || Refusal::unavailable("the café is not available right now; reconnect");
        cafe.send(req).await.map_err(|_| gone())?;
        let session = answer.await.map_err(|_| gone())??;
        self.cafe = Some((cafe, session));
        Ok(())
    }
}

async fn send_timed(sink: &mut SplitSink<WebSocket, Message>, msg: Message) -> bool {
    matches!(
        tokio::time::timeout(WRITE_TIMEOUT, sink.send(msg)).await,
        Ok(Ok(()))
    )
}

async fn write(
    mut sink: SplitSink<WebSocket, Message>,
    mut rx: OutboundRx,
    last_seen: Arc<AtomicI64>,
) {
    // A random first delay, so that phones that connected together are not pinged together.
    let first = PING_EVERY.mul_f64(0.5 + fastrand::f64() * 0.5);
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + first, PING_EVERY);
    let closing = rx.closing();
    loop {
        tokio::select! {
            biased;
            frame = rx.rx.recv() => match frame {
                Some(f) => {
                    if !send_timed(&mut sink, Message::Text(Utf8Bytes::from(&*f))).await {
                        rx.close(CloseCode::SlowConsumer);
                        return;
                    }
                }
                None => break,
            },
            _ = closing.cancelled() => break,
            _ = ping.tick() => {
                let silent = now_ms() - last_seen.load(Ordering::Relaxed);
                if silent > DEAD_AFTER.as_millis() as i64 {
                    rx.close(CloseCode::Timeout);
                    break;
                }
                if !send_timed(&mut sink, Message::Ping(Default::default())).await {
                    rx.close(CloseCode::Timeout);
                    return;
                }
            }
        }
    }
    // What was queued before the close still goes out: the ack before "you were removed".
    while let Ok(f) = rx.rx.try_recv() {
        if !send_timed(&mut sink, Message::Text(Utf8Bytes::from(&*f))).await {
            return;
        }
    }
    let code = rx.close_code().unwrap_or(CloseCode::ShuttingDown);
    let _ = send_timed(
        &mut sink,
        Message::Close(Some(CloseFrame {
            code: code.code(),
            reason: Utf8Bytes::from_static(code.reason()),
        })),
    )
    .await;
}

//! One client connection of the generator: a task that reads every frame, times the
//! measured ones on arrival, and writes what the scenario asks it to send.
//!
//! Frames are scanned, not parsed, when a cheap look says they cannot matter (a phone's
//! event that is not about its table or the round), so that the generator, which shares
//! the machine with the server, spends as little as it can per delivery.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use flamingo_protocol::{
    Auth, ClientMessage, Command, ParticipantId, PhaseView, RoundNo, Seq, ServerMessage,
    TableSeats, Update,
};
use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

use super::clock::now_us;
use super::histogram::Histogram;
use super::marker::{Kind, Marker};

/// How long a connection may take to open and, for Flamingo, to be welcomed and synced.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(60);

/// Which server a client talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Flamingo,
    /// The bare broadcast server: no hello, no acks; the sender's own copy stands in for
    /// the ack.
    Floor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Facilitator,
    Wall,
    Phone,
}

/// Who a timed delivery reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The sender: its ack (Flamingo) or its own copy (floor).
    Author,
    Phone,
    Wall,
    Facilitator,
}

impl From<Role> for Audience {
    fn from(r: Role) -> Self {
        match r {
            Role::Facilitator => Self::Facilitator,
            Role::Wall => Self::Wall,
            Role::Phone => Self::Phone,
        }
    }
}

/// What every client of a run adds to.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Frames received by all clients.
    pub frames: AtomicU64,
    pub errors: AtomicU64,
    pub disconnects: AtomicU64,
    /// Set before the generator closes its clients, so their ends are not counted.
    pub stopping: AtomicBool,
    /// Only markers of this step are timed: notes of an earlier round that a new host gets
    /// as a recap are old news, not deliveries.
    pub step: AtomicU32,
    /// The first few error texts, for the report.
    pub problems: Mutex<Vec<String>>,
    samples: Mutex<HashMap<(Kind, Audience, u32), Histogram>>,
}

impl Metrics {
    pub fn record(&self, kind: Kind, to: Audience, step: u32, us: u64) {
        lock(&self.samples)
            .entry((kind, to, step))
            .or_default()
            .record(us);
    }

    /// The samples of `kind` that reached any of `to`, in any of `steps` (all if empty).
    pub fn histogram(&self, kind: Kind, to: &[Audience], steps: &[u32]) -> Histogram {
        let mut out = Histogram::default();
        for ((k, a, s), h) in lock(&self.samples).iter() {
            if *k == kind && to.contains(a) && (steps.is_empty() || steps.contains(s)) {
                out.merge(h);
            }
        }
        out
    }

    pub fn count(&self, kind: Kind, to: &[Audience], step: u32) -> usize {
        lock(&self.samples)
            .iter()
            .filter(|((k, a, s), _)| *k == kind && to.contains(a) && *s == step)
            .map(|(_, h)| h.len())
            .sum()
    }

    pub fn problem(&self, what: String) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        self.note(what);
    }

    fn note(&self, what: String) {
        let mut p = lock(&self.problems);
        if p.len() < 10 {
            p.push(what);
        }
    }
}

pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What a client learnt that a scenario waits on.
#[derive(Debug, Default)]
pub struct Seen {
    /// Per round: when the last `tableChanged` (or the snapshot) arrived, and the table.
    pub tables: HashMap<RoundNo, (u64, Option<TableSeats>)>,
    /// Per round: when this client learnt that it started.
    pub started: HashMap<RoundNo, u64>,
    /// Answers to untimed commands, by request id.
    pub answers: HashMap<u32, Result<Seq, String>>,
    /// When each answer came.
    pub answered_at: HashMap<u32, u64>,
    /// Staff: `participantJoined` and `participantSeated` updates, and when the last came.
    pub joined: usize,
    pub seated: usize,
    pub last_roster_us: u64,
    pub presence: usize,
}

/// The parts of a client the scenario shares with its task.
#[derive(Debug, Default)]
pub struct Shared {
    pub seen: Mutex<Seen>,
    pub frames: AtomicU64,
    next_request: AtomicU32,
}

/// Something to send, and how to time its answer.
struct Outgoing {
    text: String,
    /// For a timed command: its request id, what it was, and when it was sent.
    timed: Option<(u32, Marker)>,
}

/// How to open one client.
#[derive(Debug, Clone)]
pub struct Spec {
    pub addr: SocketAddr,
    /// `/ws` for Flamingo, `/r/<room>/<table>` for the floor.
    pub path: String,
    pub source: Option<IpAddr>,
    pub dialect: Dialect,
    pub role: Role,
    /// Unique in the run: markers name their sender by it.
    pub index: u32,
    /// Flamingo only.
    pub auth: Option<Auth>,
}

/// A connected client.
#[derive(Debug, Clone)]
pub struct Client {
    pub index: u32,
    pub role: Role,
    pub participant: Option<ParticipantId>,
    /// When it was connected and, for Flamingo, synced.
    pub ready_us: u64,
    pub shared: Arc<Shared>,
    tx: mpsc::UnboundedSender<Outgoing>,
}

impl Client {
    /// Opens the connection (and says hello, for Flamingo), then runs it on a task of its own.
    pub async fn open(spec: Spec, metrics: Arc<Metrics>) -> Result<Self, String> {
        tokio::time::timeout(OPEN_TIMEOUT, Self::open_inner(spec, metrics))
            .await
            .map_err(|_| format!("not ready within {OPEN_TIMEOUT:?}"))?
    }

    async fn open_inner(spec: Spec, metrics: Arc<Metrics>) -> Result<Self, String> {
        let stream = tcp(spec.addr, spec.source)
            .await
            .map_err(|e| format!("connect from {:?}: {e}", spec.source))?;
        let url = format!("ws://{}{}", spec.addr, spec.path);
        let (mut ws, _) = tokio_tungstenite::client_async(url, stream)
            .await
            .map_err(|e| format!("websocket handshake: {e}"))?;
        let shared = Arc::new(Shared::default());
        shared.next_request.store(2, Ordering::Relaxed);
        let participant = match &spec.auth {
            Some(auth) => hello(&mut ws, auth.clone(), &shared).await?,
            None => None,
        };
        let (tx, rx) = mpsc::unbounded_channel();
        let task = Task {
            index: spec.index,
            role: spec.role,
            dialect: spec.dialect,
            shared: shared.clone(),
            metrics,
            pending: HashMap::new(),
        };
        tokio::spawn(task.run(ws, rx));
        Ok(Self {
            index: spec.index,
            role: spec.role,
            participant,
            ready_us: now_us(),
            shared,
            tx,
        })
    }

    pub fn seen(&self) -> MutexGuard<'_, Seen> {
        lock(&self.shared.seen)
    }

    fn request_id(&self) -> u32 {
        self.shared.next_request.fetch_add(1, Ordering::Relaxed)
    }

    /// Sends a Flamingo command; its answer lands in `Seen::answers` under the returned id.
    pub fn command(&self, command: Command) -> u32 {
        let request_id = self.request_id();
        self.send(
            &ClientMessage::Command {
                request_id: Some(request_id),
                command,
            },
            None,
        );
        request_id
    }

    /// Sends a Flamingo command whose ack is timed as a delivery to its author.
    pub fn timed_command(&self, command: Command, marker: Marker) {
        let request_id = self.request_id();
        self.send(
            &ClientMessage::Command {
                request_id: Some(request_id),
                command,
            },
            Some((request_id, marker)),
        );
    }

    fn send(&self, msg: &ClientMessage, timed: Option<(u32, Marker)>) {
        let text = serde_json::to_string(msg).expect("client messages serialise");
        let _ = self.tx.send(Outgoing { text, timed });
    }

    /// Sends raw text (the floor's messages).
    pub fn send_text(&self, text: String) {
        let _ = self.tx.send(Outgoing { text, timed: None });
    }

    /// The answer to an untimed command, once it came.
    pub fn answer(&self, request_id: u32) -> Option<Result<Seq, String>> {
        self.seen().answers.get(&request_id).cloned()
    }
}

async fn tcp(addr: SocketAddr, source: Option<IpAddr>) -> std::io::Result<TcpStream> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    if let Some(ip) = source {
        socket.bind(SocketAddr::new(ip, 0))?;
    }
    let stream = socket.connect(addr).await?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

type Ws = WebSocketStream<TcpStream>;

/// Says hello and reads up to `synced`, noting the tables and round the snapshot holds.
async fn hello(ws: &mut Ws, auth: Auth, shared: &Shared) -> Result<Option<ParticipantId>, String> {
    let hello = ClientMessage::Hello {
        request_id: Some(1),
        auth,
        since: None,
    };
    let text = serde_json::to_string(&hello).expect("client messages serialise");
    ws.send(Message::text(text))
        .await
        .map_err(|e| format!("send hello: {e}"))?;
    let mut participant = None;
    loop {
        let frame = match ws.next().await {
            Some(Ok(Message::Text(t))) => t,
            Some(Ok(Message::Close(f))) => return Err(format!("closed during hello: {f:?}")),
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(format!("read during hello: {e}")),
            None => return Err("closed during hello".into()),
        };
        let now = now_us();
        shared.frames.fetch_add(1, Ordering::Relaxed);
        let msg: ServerMessage =
            serde_json::from_str(&frame).map_err(|e| format!("unreadable frame {e}: {frame}"))?;
        match msg {
            ServerMessage::Welcome { you, .. } => participant = you.participant_id,
            ServerMessage::Error { code, message, .. } => {
                return Err(format!("hello refused: {code:?} {message}"));
            }
            ServerMessage::Snapshot { cafe, .. } => {
                let mut seen = lock(&shared.seen);
                for s in &cafe.seating {
                    let mine = s
                        .tables
                        .iter()
                        .find(|t| participant.is_some_and(|p| t.members.contains(&p)));
                    if let Some(t) = mine {
                        seen.tables.insert(s.round, (now, Some(t.clone())));
                    }
                }
                if let PhaseView::Running { round, .. } = cafe.phase {
                    seen.started.insert(round, now);
                }
            }
            ServerMessage::Synced { .. } => return Ok(participant),
            _ => {}
        }
    }
}

struct Task {
    index: u32,
    role: Role,
    dialect: Dialect,
    shared: Arc<Shared>,
    metrics: Arc<Metrics>,
    /// Timed commands waiting for their ack.
    pending: HashMap<u32, Marker>,
}

impl Task {
    async fn run(mut self, ws: Ws, mut rx: mpsc::UnboundedReceiver<Outgoing>) {
        let (mut sink, mut stream) = ws.split();
        loop {
            tokio::select! {
                frame = stream.next() => match frame {
                    Some(Ok(Message::Text(t))) => self.on_text(&t),
                    Some(Ok(Message::Close(f))) => {
                        self.ended(format!("closed by the server: {f:?}"));
                        return;
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => {
                        self.ended(format!("read failed: {e}"));
                        return;
                    }
                    None => {
                        self.ended("the server hung up".into());
                        return;
                    }
                },
                out = rx.recv() => {
                    let Some(out) = out else { return };
                    if let Some((request_id, marker)) = out.timed {
                        self.pending.insert(request_id, marker);
                    }
                    if let Err(e) = sink.send(Message::text(out.text)).await {
                        self.ended(format!("send failed: {e}"));
                        return;
                    }
                }
            }
        }
    }

    fn ended(&self, why: String) {
        if !self.metrics.stopping.load(Ordering::Relaxed) {
            self.metrics.disconnects.fetch_add(1, Ordering::Relaxed);
            self.metrics
                .note(format!("client {} ({:?}): {why}", self.index, self.role));
        }
    }

    fn on_text(&mut self, text: &str) {
        let now = now_us();
        self.metrics.frames.fetch_add(1, Ordering::Relaxed);
        self.shared.frames.fetch_add(1, Ordering::Relaxed);
        if let Some(m) = Marker::find(text) {
            self.timed(m, now);
            return;
        }
        if self.dialect == Dialect::Floor {
            return;
        }
        let maybe_mine = text.contains("\"tableChanged\"") || text.contains("\"roundStarted\"");
        if self.role == Role::Phone && text.starts_with("{\"type\":\"event\"") && !maybe_mine {
            return;
        }
        match serde_json::from_str::<ServerMessage>(text) {
            Ok(msg) => self.on_message(msg, now),
            Err(e) => self
                .metrics
                .problem(format!("unreadable frame ({e}): {text}")),
        }
    }

    fn timed(&self, m: Marker, now: u64) {
        if m.step != self.metrics.step.load(Ordering::Relaxed) {
            return;
        }
        let to = if m.sender == self.index {
            // Flamingo times the author by the ack, which comes separately.
            if self.dialect == Dialect::Flamingo {
                return;
            }
            Audience::Author
        } else {
            self.role.into()
        };
        self.metrics
            .record(m.kind, to, m.step, now.saturating_sub(m.sent_us));
    }

    fn on_message(&mut self, msg: ServerMessage, now: u64) {
        match msg {
            ServerMessage::Ack {
                request_id: Some(r),
                seq,
                ..
            } => match self.pending.remove(&r) {
                Some(m) => {
                    if m.step == self.metrics.step.load(Ordering::Relaxed) {
                        self.metrics.record(
                            m.kind,
                            Audience::Author,
                            m.step,
                            now.saturating_sub(m.sent_us),
                        );
                    }
                }
                None => {
                    let mut seen = lock(&self.shared.seen);
                    seen.answers.insert(r, Ok(seq));
                    seen.answered_at.insert(r, now);
                }
            },
            ServerMessage::Error {
                request_id,
                code,
                message,
            } => {
                self.metrics.problem(format!(
                    "client {} ({:?}) got an error: {code:?} {message}",
                    self.index, self.role
                ));
                if let Some(r) = request_id {
                    self.pending.remove(&r);
                    lock(&self.shared.seen)
                        .answers
                        .insert(r, Err(format!("{code:?}: {message}")));
                }
            }
            ServerMessage::Presence { .. } => lock(&self.shared.seen).presence += 1,
            ServerMessage::Event { update, .. } => self.on_update(update, now),
            _ => {}
        }
    }

    fn on_update(&mut self, update: Update, now: u64) {
        let mut seen = lock(&self.shared.seen);
        match update {
            Update::TableChanged { round, table, .. } => {
                seen.tables.insert(round, (now, table));
            }
            Update::RoundStarted { round, .. } => {
                seen.started.insert(round, now);
            }
            Update::ParticipantJoined { .. } => {
                seen.joined += 1;
                seen.last_roster_us = now;
            }
            Update::ParticipantSeated { .. } => {
                seen.seated += 1;
                seen.last_roster_us = now;
            }
            _ => {}
        }
    }
}

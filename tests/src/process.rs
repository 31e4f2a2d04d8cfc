//! The real `flamingo` binary as a child process, for fault injection: kill it with SIGKILL,
//! stop it with SIGTERM, restart it on the same data directory and port, cap the size of the
//! files it may write. And [`Link`], a websocket client whose every step may fail, for tests
//! in which the server can vanish at any moment (the `TestClient` panics when it does).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use flamingo_protocol::{
    Auth, CafeView, ClientMessage, Command, CreateCafeRequest, CreateCafeResponse, Cursor,
    ErrorBody, ErrorCode, NoteId, ParticipantId, PhaseView, RoundNo, Seq, ServerMessage, TableNo,
    You,
};
use futures_util::{SinkExt, StreamExt};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::mirror::Mirror;

/// How long a (re)start may take before the test gives up on the binary.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long SIGTERM may take: the server drains connections for up to 5 s.
const TERM_TIMEOUT: Duration = Duration::from_secs(15);
/// Lines of the child's output kept for diagnostics and log assertions.
const KEPT_LINES: usize = 20_000;

/// The path of the server binary the child-process tests run.
///
/// It is this package's `flamingo-node` (`src/bin/flamingo-node.rs`, the shipped binary's own
/// `cli::main`), which Cargo builds before it runs this package's integration tests, next to
/// their `deps/` directory. `FLAMINGO_BIN` names another binary to use instead.
pub fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("FLAMINGO_BIN") {
            return PathBuf::from(bin);
        }
        // …/target/<profile>/deps/<test binary> → …/target/<profile>/flamingo-node
        let exe = std::env::current_exe().expect("the test binary's path");
        let bin = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary lives in target/<profile>/deps")
            .join(format!("flamingo-node{}", std::env::consts::EXE_SUFFIX));
        assert!(
            bin.exists(),
            "no server binary at {}: run the tests through cargo test or cargo nextest, \
             which build it, or set FLAMINGO_BIN",
            bin.display()
        );
        bin
    })
}

/// How to run the child.
#[derive(Debug, Clone, Default)]
pub struct ProcessOptions {
    /// RLIMIT_FSIZE (soft) for the child: no file it writes may grow past this many bytes.
    /// The hard limit stays as it was, so the test can raise the soft one again.
    pub fsize_limit: Option<u64>,
    /// `--log` for the child; `info` by default.
    pub log: Option<String>,
    /// More flags for the child.
    pub args: Vec<String>,
}

/// One `flamingo` child process at a time, on one data directory and (as far as the kernel
/// allows) one port.
pub struct ProcessServer {
    addr: SocketAddr,
    data_dir: PathBuf,
    tmp: Option<tempfile::TempDir>,
    options: ProcessOptions,
    child: Option<Child>,
    output: Arc<Mutex<VecDeque<String>>>,
    /// How many times a child was started (1 after `start`).
    pub starts: usize,
    http: reqwest::Client,
}

impl ProcessServer {
    /// A server on a fresh temporary data directory.
    pub async fn start() -> Self {
        Self::start_with(ProcessOptions::default()).await
    }

    pub async fn start_with(options: ProcessOptions) -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut s = Self::start_in_with(tmp.path(), options).await;
        s.tmp = Some(tmp);
        s
    }

    /// A server on `data_dir`, restoring whatever is stored there.
    pub async fn start_in(data_dir: &Path) -> Self {
        Self::start_in_with(data_dir, ProcessOptions::default()).await
    }

    pub async fn start_in_with(data_dir: &Path, options: ProcessOptions) -> Self {
        let mut s = Self {
            addr: free_addr(),
            data_dir: data_dir.to_owned(),
            tmp: None,
            options,
            child: None,
            output: Arc::new(Mutex::new(VecDeque::new())),
            starts: 0,
            http: reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .timeout(Duration::from_secs(10))
                .build()
                .expect("http client"),
        };
        s.launch().await;
        s
    }

    /// Starts a child on the same data directory and port. The previous one must be gone
    /// (`kill` or `terminate` first).
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "restart while a server runs");
        self.launch().await;
    }

    /// Like `restart`, with other options (a new file-size limit, say).
    pub async fn restart_with(&mut self, options: ProcessOptions) {
        self.options = options;
        self.restart().await;
    }

    /// SIGKILL: the process dies wherever it is, as in a crash or `kill -9`.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` sends SIGKILL on unix.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// SIGTERM, then waits for a clean exit (panics if it takes longer than 15 s).
    pub async fn terminate(&mut self) -> ExitStatus {
        let mut child = self.child.take().expect("no server running");
        let pid = child.id() as libc::pid_t;
        // SAFETY: signalling our own child, which we have not reaped yet.
        let rc = unsafe { libc::kill(pid, libc::SIGTERM) };
        assert_eq!(
            rc,
            0,
            "kill -TERM {pid}: {}",
            std::io::Error::last_os_error()
        );
        let deadline = Instant::now() + TERM_TIMEOUT;
        loop {
            if let Some(status) = child.try_wait().expect("wait for the server") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "the server did not stop within {TERM_TIMEOUT:?} of SIGTERM; output:\n{}",
                    self.output_tail(40)
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The running child's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Whether the child is still alive (false after it exited by itself, too).
    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// Sets the running child's RLIMIT_FSIZE soft limit (`None`: unlimited), as
    /// `prlimit --pid <pid> --fsize=<n>` would. Every child ignores SIGXFSZ, so a write past
    /// the limit fails with EFBIG instead of killing the server.
    #[cfg(target_os = "linux")]
    pub fn set_fsize_limit(&self, limit: Option<u64>) {
        let pid = self.pid().expect("no server running") as libc::pid_t;
        let mut old = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: plain syscalls on valid pointers.
        unsafe {
            assert_eq!(
                libc::prlimit(pid, libc::RLIMIT_FSIZE, std::ptr::null(), &mut old),
                0,
                "prlimit read: {}",
                std::io::Error::last_os_error()
            );
            let new = libc::rlimit {
                rlim_cur: limit.unwrap_or(libc::RLIM_INFINITY),
                rlim_max: old.rlim_max,
            };
            assert_eq!(
                libc::prlimit(pid, libc::RLIMIT_FSIZE, &new, std::ptr::null_mut()),
                0,
                "prlimit write: {}",
                std::io::Error::last_os_error()
            );
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The SQLite file the server keeps its cafés in.
    pub fn database(&self) -> PathBuf {
        self.data_dir.join("flamingo.sqlite3")
    }

    pub fn http_url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    /// Every line the children printed so far (stdout and stderr, each line prefixed with
    /// the start it came from: `[3] …`), at most the last 20,000.
    pub fn output(&self) -> Vec<String> {
        self.output
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    /// The last `n` lines of output, for failure messages.
    pub fn output_tail(&self, n: usize) -> String {
        let out = self.output();
        out[out.len().saturating_sub(n)..].join("\n")
    }

    pub async fn create_cafe(&self, req: &CreateCafeRequest) -> CreateCafeResponse {
        self.try_create_cafe(req)
            .await
            .unwrap_or_else(|(status, e)| panic!("create failed: {status} {e:?}"))
    }

    pub async fn try_create_cafe(
        &self,
        req: &CreateCafeRequest,
    ) -> Result<CreateCafeResponse, (u16, ErrorBody)> {
        crate::create_cafe_at(&self.http, &self.http_url(""), req).await
    }

    /// Starts a child and waits until it serves /healthz. If the port was taken meanwhile
    /// (the child exits saying it cannot listen), tries again, and after a few tries moves to
    /// another free port.
    async fn launch(&mut self) {
        const ATTEMPTS: u32 = 8;
        for attempt in 1..=ATTEMPTS {
            self.starts += 1;
            let listening = self.spawn();
            match self.wait_ready(&listening).await {
                Ok(()) => return,
                Err(status) => {
                    let tail = self.output_tail(20);
                    let bind_failed = tail.contains("cannot listen");
                    assert!(
                        bind_failed && attempt < ATTEMPTS,
                        "the server did not start ({status}); output:\n{tail}"
                    );
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
                    if attempt >= 3 {
                        self.addr = free_addr();
                    }
                }
            }
        }
    }

    fn spawn(&mut self) -> Arc<AtomicBool> {
        let mut cmd = std::process::Command::new(binary());
        cmd.arg("--bind")
            .arg(self.addr.to_string())
            .arg("--data-dir")
            .arg(&self.data_dir)
            .arg("--log")
            .arg(self.options.log.as_deref().unwrap_or("info"))
            .args(&self.options.args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let fsize = self.options.fsize_limit;
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: only async-signal-safe calls (signal, prctl, getrlimit, setrlimit)
            // between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    // A write past RLIMIT_FSIZE fails with EFBIG instead of killing the process.
                    libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                    // Dies with the thread that spawned it, should the test process be killed
                    // (a test thread or runtime worker, which outlive the server).
                    #[cfg(target_os = "linux")]
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    if let Some(limit) = fsize {
                        let mut rl = libc::rlimit {
                            rlim_cur: 0,
                            rlim_max: 0,
                        };
                        if libc::getrlimit(libc::RLIMIT_FSIZE, &mut rl) != 0 {
                            return Err(std::io::Error::last_os_error());
                        }
                        rl.rlim_cur = limit;
                        if libc::setrlimit(libc::RLIMIT_FSIZE, &rl) != 0 {
                            return Err(std::io::Error::last_os_error());
                        }
                    }
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn().expect("spawn the flamingo binary");
        let listening = Arc::new(AtomicBool::new(false));
        let start = self.starts;
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        pump(stdout, start, self.output.clone(), Some(listening.clone()));
        pump(stderr, start, self.output.clone(), None);
        self.child = Some(child);
        listening
    }

    async fn wait_ready(&mut self, listening: &AtomicBool) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let child = self.child.as_mut().expect("child");
            if let Some(status) = child.try_wait().expect("wait for the server") {
                self.child = None;
                // Let the output pumps catch the last lines.
                tokio::time::sleep(Duration::from_millis(50)).await;
                return Err(format!("it exited: {status}"));
            }
            // "listening" means this child bound the port, so a /healthz answer is its own
            // and not another process's that took the port.
            if listening.load(Ordering::SeqCst) {
                let ok = self
                    .http
                    .get(self.http_url("/healthz"))
                    .timeout(Duration::from_secs(2))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                if ok {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                self.kill();
                return Err(format!("no /healthz within {START_TIMEOUT:?}"));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

impl Drop for ProcessServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A port nobody listens on right now (the kernel picks it; another process may take it
/// before the child binds it, which `launch` handles).
fn free_addr() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local addr")
}

/// Copies a child's output into the shared buffer, line by line, on a thread of its own;
/// flags `listening` when the server says it bound its port.
fn pump(
    from: impl Read + Send + 'static,
    start: usize,
    into: Arc<Mutex<VecDeque<String>>>,
    listening: Option<Arc<AtomicBool>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            if line.contains("Flamingo is running")
                && let Some(flag) = &listening
            {
                flag.store(true, Ordering::SeqCst);
            }
            if std::env::var_os("FLAMINGO_CHILD_ECHO").is_some() {
                eprintln!("[flamingo {start}] {line}");
            }
            let mut out = into.lock().unwrap_or_else(|p| p.into_inner());
            if out.len() == KEPT_LINES {
                out.pop_front();
            }
            out.push_back(format!("[{start}] {line}"));
        }
    });
}

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Why a [`Link`] step failed.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// The TCP connection or the websocket handshake failed.
    Connect(String),
    /// The connection closed, with this close code if a close frame came.
    Closed(Option<u16>),
    Timeout,
    /// The server answered with a typed error.
    Refused(ErrorCode, String),
}

/// A websocket to the server where every step may fail. It folds nothing by itself: the
/// caller owns the `Mirror` (it outlives the connection, as a phone's state does).
pub struct Link {
    ws: Ws,
    next_request: u32,
    /// The close code, once a close frame arrived.
    pub close_code: Option<u16>,
}

impl Link {
    /// Connects and completes the websocket handshake within `within`.
    pub async fn open(url: &str, within: Duration) -> Result<Self, LinkError> {
        match tokio::time::timeout(within, tokio_tungstenite::connect_async(url)).await {
            Err(_) => Err(LinkError::Timeout),
            Ok(Err(e)) => Err(LinkError::Connect(e.to_string())),
            Ok(Ok((ws, _))) => Ok(Self::from_stream(ws)),
        }
    }

    /// Connects over a socket with a small receive buffer, so that a client that stops
    /// reading makes the server's socket and queue fill after little data.
    pub async fn open_small_buffer(addr: SocketAddr, recv_buffer: u32) -> Result<Self, LinkError> {
        let socket =
            tokio::net::TcpSocket::new_v4().map_err(|e| LinkError::Connect(e.to_string()))?;
        socket
            .set_recv_buffer_size(recv_buffer)
            .map_err(|e| LinkError::Connect(e.to_string()))?;
        let stream = socket
            .connect(addr)
            .await
            .map_err(|e| LinkError::Connect(e.to_string()))?;
        let request = format!("ws://{addr}/ws")
            .into_client_request()
            .map_err(|e| LinkError::Connect(e.to_string()))?;
        let (ws, _) = tokio_tungstenite::client_async(request, MaybeTlsStream::Plain(stream))
            .await
            .map_err(|e| LinkError::Connect(e.to_string()))?;
        Ok(Self::from_stream(ws))
    }

    pub fn from_stream(ws: Ws) -> Self {
        Self {
            ws,
            next_request: 1,
            close_code: None,
        }
    }

    /// The local address of the TCP connection (the server logs connections by peer).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        match self.ws.get_ref() {
            MaybeTlsStream::Plain(s) => s.local_addr().ok(),
            _ => None,
        }
    }

    pub fn request_id(&mut self) -> u32 {
        let id = self.next_request;
        self.next_request += 1;
        id
    }

    pub async fn send(&mut self, msg: &ClientMessage) -> Result<(), LinkError> {
        let text = serde_json::to_string(msg).expect("encode");
        match tokio::time::timeout(
            Duration::from_secs(10),
            self.ws.send(Message::Text(text.into())),
        )
        .await
        {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => Err(LinkError::Closed(self.close_code)),
            Err(_) => Err(LinkError::Timeout),
        }
    }

    /// Sends a command without waiting for its answer; returns its request id.
    pub async fn send_command(&mut self, command: Command) -> Result<u32, LinkError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Command {
            request_id: Some(request_id),
            command,
        })
        .await?;
        Ok(request_id)
    }

    /// The next protocol message. Cancel-safe: a message is never lost to a timeout.
    pub async fn recv(&mut self, within: Duration) -> Result<ServerMessage, LinkError> {
        loop {
            let next = tokio::time::timeout(within, self.ws.next())
                .await
                .map_err(|_| LinkError::Timeout)?;
            match next {
                Some(Ok(Message::Text(t))) => {
                    return Ok(serde_json::from_str(&t)
                        .unwrap_or_else(|e| panic!("server sent an unknown message {t}: {e}")));
                }
                Some(Ok(Message::Close(frame))) => {
                    self.close_code = frame.map(|f| u16::from(f.code));
                    return Err(LinkError::Closed(self.close_code));
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Err(LinkError::Closed(self.close_code)),
            }
        }
    }

    /// Says hello and reads up to `synced`, folding everything into `mirror`. Returns the
    /// welcome's `You` (whose resume token is only there after a join).
    pub async fn hello(
        &mut self,
        auth: Auth,
        since: Option<Cursor>,
        mirror: &mut Mirror,
        within: Duration,
    ) -> Result<You, LinkError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Hello {
            request_id: Some(request_id),
            auth,
            since,
        })
        .await?;
        let deadline = tokio::time::Instant::now() + within;
        let mut you = None;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let msg = self.recv(left).await?;
            mirror.fold(&msg);
            match msg {
                ServerMessage::Error {
                    request_id: Some(r),
                    code,
                    message,
                } if r == request_id => return Err(LinkError::Refused(code, message)),
                ServerMessage::Welcome { you: y, .. } => you = Some(y),
                ServerMessage::Synced { .. } => {
                    return Ok(you.expect("welcome before synced"));
                }
                _ => {}
            }
        }
    }

    /// Sends a command and reads up to its answer, folding what comes before into `mirror`.
    /// Returns the ack's seq and `duplicate` flag.
    pub async fn command(
        &mut self,
        command: Command,
        mirror: &mut Mirror,
        within: Duration,
    ) -> Result<(Seq, bool), LinkError> {
        let request_id = self.send_command(command).await?;
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let msg = self.recv(left).await?;
            mirror.fold(&msg);
            if let Some(answer) = crate::answer_to(&msg, request_id) {
                return answer.map_err(|(code, message)| LinkError::Refused(code, message));
            }
        }
    }

    /// A ping round trip, folding what comes before: everything the server queued for this
    /// connection before it read the ping has been applied when this returns.
    pub async fn ping(&mut self, mirror: &mut Mirror, within: Duration) -> Result<(), LinkError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Ping {
            request_id: Some(request_id),
        })
        .await?;
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let msg = self.recv(left).await?;
            mirror.fold(&msg);
            if let ServerMessage::Pong {
                request_id: Some(r),
                ..
            } = msg
                && r == request_id
            {
                return Ok(());
            }
        }
    }

    /// Writes the first half of `msg` as a (masked, client-to-server) websocket text frame
    /// straight to the TCP stream, then drops the connection: the server sees a frame cut
    /// off in the middle.
    pub async fn drop_mid_frame(mut self, msg: &ClientMessage) {
        let payload = serde_json::to_vec(msg).expect("encode");
        let frame = masked_text_frame(&payload);
        // Half the header and payload: at least the 2-byte header, never the whole frame.
        let cut = (frame.len() / 2).clamp(2, frame.len() - 1);
        // The sink has nothing buffered: every `send` above flushed.
        if let MaybeTlsStream::Plain(s) = self.ws.get_mut() {
            let _ = tokio::time::timeout(Duration::from_secs(2), async {
                let _ = s.write_all(&frame[..cut]).await;
                let _ = s.flush().await;
            })
            .await;
        }
        drop(self);
    }

    /// Closes the socket without a close frame, as a phone losing the network would.
    pub fn drop_abruptly(self) {
        drop(self);
    }

    /// A close handshake (bounded in time).
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(2), self.ws.close(None)).await;
    }

    /// Reads until the connection ends, returning how many text frames came and how it ended
    /// (`Closed(code)`, or `Timeout` if it stayed open for `within`).
    pub async fn read_to_end(&mut self, within: Duration) -> (usize, LinkError) {
        let deadline = tokio::time::Instant::now() + within;
        let mut frames = 0;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.recv(left).await {
                Ok(_) => frames += 1,
                Err(e) => return (frames, e),
            }
        }
    }
}

/// A client-to-server text frame: FIN, opcode 1, masked with a random key.
pub fn masked_text_frame(payload: &[u8]) -> Vec<u8> {
    let mut f = vec![0x81];
    let len = payload.len();
    if len < 126 {
        f.push(0x80 | len as u8);
    } else if len <= usize::from(u16::MAX) {
        f.push(0x80 | 126);
        f.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        f.push(0x80 | 127);
        f.extend_from_slice(&(len as u64).to_be_bytes());
    }
    let mask: [u8; 4] = fastrand::u32(..).to_be_bytes();
    f.extend_from_slice(&mask);
    f.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    f
}

/// What a phone shows, reduced to what is well defined whatever path the phone's state took
/// (a snapshot, live updates, replays): the phase, its table in the current round (number,
/// host, members sorted), the names of the people there, and the notes it holds, sorted by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneDigest {
    pub phase: PhaseView,
    pub table: Option<(TableNo, Option<ParticipantId>, Vec<ParticipantId>)>,
    pub people: Vec<(ParticipantId, String, bool)>,
    pub notes: Vec<(NoteId, RoundNo, TableNo, ParticipantId, String)>,
}

pub fn phone_digest(cafe: &CafeView, me: ParticipantId) -> PhoneDigest {
    let round = match cafe.phase {
        PhaseView::Running { round, .. } | PhaseView::Paused { round, .. } => Some(round),
        PhaseView::BetweenRounds { last_round } => Some(last_round),
        _ => None,
    };
    let table = round
        .and_then(|r| cafe.seating.iter().find(|s| s.round == r))
        .and_then(|s| s.tables.iter().find(|t| t.members.contains(&me)))
        .map(|t| {
            let mut members = t.members.clone();
            members.sort();
            (t.table, t.host, members)
        });
    let mut people: Vec<_> = table
        .iter()
        .flat_map(|(_, _, members)| members.iter())
        .map(|id| {
            let p = cafe.participants.iter().find(|p| p.participant_id == *id);
            (
                *id,
                p.map(|p| p.name.clone()).unwrap_or_default(),
                p.is_some_and(|p| p.present),
            )
        })
        .collect();
    people.sort();
    let mut notes: Vec<_> = cafe
        .notes
        .iter()
        .map(|n| (n.note_id, n.round, n.table, n.author_id, n.text.clone()))
        .collect();
    notes.sort();
    PhoneDigest {
        phase: cafe.phase.clone(),
        table,
        people,
        notes,
    }
}

/// A staff view without presence (presence is about sockets and not replayed).
pub fn without_presence(cafe: &CafeView) -> CafeView {
    let mut c = cafe.clone();
    c.connected.clear();
    c
}

/// Percentile (0..=100) of `samples` by nearest rank; `Duration::ZERO` when empty.
pub fn percentile(samples: &[Duration], pct: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    let mut s = samples.to_vec();
    s.sort();
    let rank = ((pct / 100.0) * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

/// How long one step of a [`LinkClient`] may take.
pub const STEP: Duration = Duration::from_secs(10);

/// A client that keeps its state (mirror, credentials) across connections: a [`Link`] while
/// connected, and the `Mirror` and credentials it resumes with after the link is gone.
pub struct LinkClient {
    pub link: Option<Link>,
    pub mirror: Mirror,
    /// The credentials to come back with (a join becomes `Auth::Participant`).
    pub auth: Auth,
    pub you: Option<You>,
    /// How many connections said hello successfully.
    pub hellos: usize,
}

impl LinkClient {
    /// Connects to `url` and says hello with `auth`, no cursor: a snapshot.
    pub async fn connect(url: &str, auth: Auth) -> Result<Self, LinkError> {
        let mut c = Self {
            link: None,
            mirror: Mirror::default(),
            auth,
            you: None,
            hellos: 0,
        };
        c.reconnect(url, false).await?;
        Ok(c)
    }

    /// Joins as a new participant named `name`.
    pub async fn join(url: &str, join_code: &str, name: &str) -> Result<Self, LinkError> {
        Self::connect(
            url,
            Auth::Join {
                join_code: join_code.to_owned(),
                name: name.to_owned(),
                organisation: None,
                role: None,
                join_key: None,
            },
        )
        .await
    }

    pub async fn wall(url: &str, join_code: &str) -> Result<Self, LinkError> {
        Self::connect(
            url,
            Auth::Wall {
                join_code: join_code.to_owned(),
            },
        )
        .await
    }

    pub async fn facilitator(url: &str, created: &CreateCafeResponse) -> Result<Self, LinkError> {
        Self::connect(
            url,
            Auth::Facilitator {
                cafe_id: created.cafe_id,
                facilitator_key: created.facilitator_key.clone(),
            },
        )
        .await
    }

    /// A new connection for the same client. With `resume`, it sends its cursor and keeps its
    /// mirror; without, it gets a snapshot. Any link still held is dropped first.
    pub async fn reconnect(&mut self, url: &str, resume: bool) -> Result<(), LinkError> {
        self.link = None;
        let mut link = Link::open(url, STEP).await?;
        let since = if resume { self.cursor() } else { None };
        let you = link
            .hello(self.auth.clone(), since, &mut self.mirror, STEP)
            .await?;
        if let (Auth::Join { .. }, Some(participant_id), Some(resume_token)) =
            (&self.auth, you.participant_id, you.resume_token.clone())
        {
            let cafe_id = self.mirror.cafe().cafe_id;
            self.auth = Auth::Participant {
                cafe_id,
                participant_id,
                resume_token,
            };
        }
        self.you = Some(you);
        self.hellos += 1;
        self.link = Some(link);
        Ok(())
    }

    pub fn cursor(&self) -> Option<Cursor> {
        self.mirror.cursor()
    }

    pub fn participant_id(&self) -> ParticipantId {
        self.you
            .as_ref()
            .and_then(|y| y.participant_id)
            .expect("not a participant")
    }

    /// Sends a command and waits for its answer; the link is dropped if it fails on the way.
    pub async fn command(&mut self, command: Command) -> Result<(Seq, bool), LinkError> {
        let Some(link) = self.link.as_mut() else {
            return Err(LinkError::Closed(None));
        };
        let r = link.command(command, &mut self.mirror, STEP).await;
        if matches!(r, Err(LinkError::Closed(_) | LinkError::Timeout)) {
            self.link = None;
        }
        r
    }

    /// A ping barrier (see [`Link::ping`]).
    pub async fn ping(&mut self) -> Result<(), LinkError> {
        let Some(link) = self.link.as_mut() else {
            return Err(LinkError::Closed(None));
        };
        let r = link.ping(&mut self.mirror, STEP).await;
        if r.is_err() {
            self.link = None;
        }
        r
    }

    /// Reads and folds until `done` holds, for at most `within`.
    pub async fn wait_until(
        &mut self,
        within: Duration,
        done: impl Fn(&Mirror) -> bool,
    ) -> Result<(), LinkError> {
        let deadline = tokio::time::Instant::now() + within;
        while !done(&self.mirror) {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let Some(link) = self.link.as_mut() else {
                return Err(LinkError::Closed(None));
            };
            let msg = link.recv(left).await?;
            self.mirror.fold(&msg);
        }
        Ok(())
    }

    /// Everything received until the line has been silent for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) {
        while let Some(link) = self.link.as_mut() {
            match link.recv(quiet).await {
                Ok(msg) => self.mirror.fold(&msg),
                Err(LinkError::Timeout) => return,
                Err(_) => self.link = None,
            }
        }
    }
}

/// Runs the binary with `args` until it exits by itself (killed after `within`), and returns
/// its exit status (`None` if it had to be killed) and everything it printed.
pub async fn run_to_exit(
    args: &[&std::ffi::OsStr],
    within: Duration,
) -> (Option<ExitStatus>, String) {
    let mut child = std::process::Command::new(binary())
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the flamingo binary");
    let output = Arc::new(Mutex::new(VecDeque::new()));
    pump(
        child.stdout.take().expect("stdout"),
        1,
        output.clone(),
        None,
    );
    pump(
        child.stderr.take().expect("stderr"),
        1,
        output.clone(),
        None,
    );
    let deadline = Instant::now() + within;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    // Let the pumps read the last lines.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let text = output
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    (status, text)
}

//! Connection abuse from one address: a storm of 5,000 websocket attempts, the per-address
//! limits themselves, and slowloris-style requests that never finish their headers. Each
//! attempt gets a websocket or a typed refusal, the people already connected keep being
//! served, and memory stays bounded.
//!
//! The tests here run one at a time (the `one-at-a-time` group in `.config/nextest.toml`): they
//! measure latency and memory, which a neighbour's storm would blur.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use flamingo_protocol::{Auth, ErrorBody, ErrorCode};
use flamingo_server::Config;
use flamingo_tests::client::Ws;
use flamingo_tests::{TestClient, TestServer, cafe_request};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

/// Raises this process's soft limit on open files towards `want` (at most the hard limit),
/// and returns the limit now in force.
fn raise_fd_limit(want: libc::rlim_t) -> libc::rlim_t {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct we pass.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim), 0);
        if lim.rlim_cur < want {
            lim.rlim_cur = want.min(lim.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
        }
    }
    lim.rlim_cur
}

/// This process's resident memory in KiB (the server runs in it).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

/// How one websocket attempt ended.
enum Attempt {
    Accepted(Box<Ws>),
    /// HTTP 429 with an `ErrorBody` of code `rateLimited`; the message.
    RateLimited(String),
    /// Anything else: a reset, another status, a body that is not typed.
    Other(String),
    /// No answer within the wait.
    Hung,
}

/// Small client buffers (tungstenite's default is 128 KiB each way), so that this process's
/// memory growth measures the server's side of each connection, not the test's.
fn lean() -> WebSocketConfig {
    WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0)
}

async fn attempt(url: &str, wait: Duration) -> Attempt {
    let connect = tokio_tungstenite::connect_async_with_config(url, Some(lean()), true);
    match tokio::time::timeout(wait, connect).await {
        Err(_) => Attempt::Hung,
        Ok(Ok((ws, _))) => Attempt::Accepted(Box::new(ws)),
        Ok(Err(tungstenite::Error::Http(resp))) => {
            let status = resp.status().as_u16();
            let body = resp.body().clone().unwrap_or_default();
            match serde_json::from_slice::<ErrorBody>(&body) {
                Ok(e) if status == 429 && e.code == ErrorCode::RateLimited => {
                    Attempt::RateLimited(e.message)
                }
                _ => Attempt::Other(format!("HTTP {status}: {}", String::from_utf8_lossy(&body))),
            }
        }
        Ok(Err(e)) => Attempt::Other(e.to_string()),
    }
}

/// Round trips of app-level pings from `client` every `every`, until `stop`.
async fn probe_pings(
    mut client: TestClient,
    every: Duration,
    stop: Arc<AtomicBool>,
) -> (TestClient, Vec<Duration>) {
    let mut rtts = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let t = Instant::now();
        client.ping().await.expect("a pong while under attack");
        rtts.push(t.elapsed());
        tokio::time::sleep(every).await;
    }
    (client, rtts)
}

/// (median, 99th percentile, max) of `d`.
fn spread(d: &mut [Duration]) -> (Duration, Duration, Duration) {
    assert!(!d.is_empty());
    d.sort_unstable();
    let at = |q: f64| d[((d.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), d[d.len() - 1])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_of_5000_connections_from_one_address() {
    const ATTEMPTS: usize = 5_000;
    const IN_FLIGHT: usize = 500;
    let fds = raise_fd_limit(16_384);
    assert!(
        fds >= 8_192,
        "open-file limit {fds} is too low for this test"
    );
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 20, 4)).await;
    let fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    // Let the address's bucket refill from the two connections above.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let rss_before = rss_kib();

    let stop = Arc::new(AtomicBool::new(false));
    let prober = tokio::spawn(probe_pings(fac, Duration::from_millis(20), stop.clone()));
    let url = server.ws_url();
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut tasks = JoinSet::new();
    let started = Instant::now();
    for _ in 0..ATTEMPTS {
        let permit = slots.clone().acquire_owned().await.expect("semaphore");
        let url = url.clone();
        tasks.spawn(async move {
            let t = Instant::now();
            let a = attempt(&url, Duration::from_secs(15)).await;
            drop(permit);
            (a, t.elapsed())
        });
    }
    let mut held = Vec::new();
    let (mut limited, mut other, mut hung) = (0usize, Vec::new(), 0usize);
    let mut messages = std::collections::BTreeSet::new();
    let mut took = Vec::with_capacity(ATTEMPTS);
    while let Some(a) = tasks.join_next().await {
        let (a, t) = a.expect("attempt task");
        took.push(t);
        match a {
            Attempt::Accepted(ws) => held.push(ws),
            Attempt::RateLimited(m) => {
                limited += 1;
                messages.insert(m);
            }
            Attempt::Other(e) => other.push(e),
            Attempt::Hung => hung += 1,
        }
    }
    let storm = started.elapsed();
    let rss_peak = rss_kib();
    stop.store(true, Ordering::Relaxed);
    let (mut fac, mut rtts) = prober.await.expect("prober");
    let accepted = held.len();
    let (p50, p99, max) = spread(&mut rtts);
    println!(
        "{ATTEMPTS} attempts ({IN_FLIGHT} in flight) in {storm:?}: {accepted} websockets, \
         {limited} refused with 429 rateLimited, {} other, {hung} hung",
        other.len()
    );
    println!("refusal messages: {messages:?}");
    // An attempt that took a second or more had its SYN (or handshake ACK) dropped and
    // retransmitted: the listen queue was full. `TcpListener::bind` listens with the
    // standard library's backlog of 128, and 500 attempts arrive at once.
    let slow = took
        .iter()
        .filter(|t| **t >= Duration::from_secs(1))
        .count();
    let (t50, t99, tmax) = spread(&mut took);
    println!(
        "time to a websocket or a refusal: median {t50:?}, p99 {t99:?}, max {tmax:?}; \
         {slow} took a second or more"
    );
    println!(
        "facilitator pings during the storm: {} round trips, median {p50:?}, p99 {p99:?}, max {max:?}",
        rtts.len()
    );

    // Every attempt got a websocket or a typed refusal.
    let mut sample = other.clone();
    sample.truncate(5);
    assert!(
        other.is_empty(),
        "{} untyped failures, e.g. {sample:?}",
        other.len()
    );
    assert_eq!(hung, 0, "attempts without any answer");
    assert_eq!(accepted + limited, ATTEMPTS);
    // The default limits: a burst of 1,000, then 200 a second.
    let allowed = 1_000.0 + 200.0 * storm.as_secs_f64();
    assert!(
        accepted >= 990,
        "only {accepted} admitted; the burst is 1,000"
    );
    assert!(
        (accepted as f64) <= allowed + 20.0,
        "{accepted} admitted in {storm:?}; the limits allow about {allowed:.0}"
    );
    assert!(
        limited > 0,
        "5,000 attempts in {storm:?} must exceed the limit"
    );
    assert!(storm < Duration::from_secs(30), "the storm took {storm:?}");
    // The facilitator was served throughout.
    assert!(
        rtts.len() >= 3,
        "only {} pings during the storm",
        rtts.len()
    );
    assert!(max < Duration::from_secs(2), "a ping took {max:?}");
    assert!(p99 < Duration::from_secs(1), "p99 ping {p99:?}");

    // Memory: with every admitted websocket still open, and after they are gone. Growth is
    // bounded by the admitted connections (which the per-address limits bound), not by the
    // attempts. The client ends use 4 KiB buffers (`lean`), so the growth is mostly the
    // server's side: about 140 KiB per idle websocket when this was written.
    drop(held);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = rss_kib();
    let grew = rss_peak.saturating_sub(rss_before);
    let per_socket = grew / accepted as u64;
    println!(
        "RSS: {} MiB before, {} MiB with {accepted} websockets open after the storm (+{} MiB, \
         {per_socket} KiB per websocket), {} MiB a second after closing them",
        rss_before / 1024,
        rss_peak / 1024,
        grew / 1024,
        rss_after / 1024
    );
    assert!(per_socket < 256, "{per_socket} KiB per open websocket");
    assert!(grew < 512 * 1024, "memory grew by {} MiB", grew / 1024);
    assert!(
        rss_after.saturating_sub(rss_before) < 128 * 1024,
        "{} MiB still held after every connection closed",
        rss_after.saturating_sub(rss_before) / 1024
    );

    // The address is welcome again once the storm is over.
    fac.ping().await.expect("facilitator after the storm");
    let mut wall = TestClient::wall(&server, &created.join_code).await;
    wall.ping().await.expect("a new wall after the storm");
}

/// The real binary (`server/src/main.rs`) listens with a backlog of 128, the standard
/// library's, through `TcpListener::bind`. When a room full of phones reconnects at once,
/// the kernel drops the SYNs beyond the queue and those phones wait a 1 s retransmission.
/// 500 attempts at once are within the default per-address burst of 1,000, so every one is
/// admitted; none should have to wait a retransmission. (Measured while writing this: 246
/// to 317 of 5,000 storm attempts took over a second with a backlog of 128, none with a
/// listener of 4,096.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_takes_500_connections_at_once_without_retransmissions() {
    raise_fd_limit(4_096);
    let server = flamingo_tests::ProcessServer::start().await;
    let url = server.ws_url();
    let mut attempts = JoinSet::new();
    for _ in 0..500 {
        let url = url.clone();
        attempts.spawn(async move {
            let t = Instant::now();
            (attempt(&url, Duration::from_secs(15)).await, t.elapsed())
        });
    }
    let mut took = Vec::new();
    let mut held = Vec::new();
    while let Some(r) = attempts.join_next().await {
        match r.expect("attempt") {
            (Attempt::Accepted(ws), t) => {
                held.push(ws);
                took.push(t);
            }
            (Attempt::RateLimited(m), _) => panic!("refused within the burst: {m}"),
            (Attempt::Other(e), _) => panic!("{e}"),
            (Attempt::Hung, _) => panic!("no answer"),
        }
    }
    let slow = took
        .iter()
        .filter(|t| **t >= Duration::from_secs(1))
        .count();
    let (t50, t99, tmax) = spread(&mut took);
    println!(
        "500 at once: median {t50:?}, p99 {t99:?}, max {tmax:?}; {slow} took a second or more"
    );
    assert_eq!(
        slow, 0,
        "{slow} of 500 connections waited for a SYN retransmission"
    );
}

/// Opens a websocket as the wall of `join_code`, waiting out `TooFast` refusals (the rate is
/// not what the caller is testing). Panics on anything else.
async fn open_wall(server: &TestServer, join_code: &str) -> TestClient {
    for _ in 0..100 {
        match attempt(&server.ws_url(), Duration::from_secs(5)).await {
            Attempt::Accepted(ws) => {
                let mut c = TestClient::from_stream(*ws);
                c.hello(
                    Auth::Wall {
                        join_code: join_code.to_owned(),
                    },
                    None,
                )
                .await
                .expect("wall hello");
                return c;
            }
            Attempt::RateLimited(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            Attempt::Other(e) => panic!("opening a wall: {e}"),
            Attempt::Hung => panic!("opening a wall: no answer"),
        }
    }
    panic!("still rate limited after 100 tries")
}

/// A refusal with 429 `rateLimited`, and its message.
async fn expect_limited(server: &TestServer, what: &str) -> String {
    match attempt(&server.ws_url(), Duration::from_secs(5)).await {
        Attempt::RateLimited(m) => m,
        Attempt::Accepted(_) => panic!("{what}: admitted"),
        Attempt::Other(e) => panic!("{what}: {e}"),
        Attempt::Hung => panic!("{what}: no answer"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_per_address_limits_refuse_with_429_and_recover() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut config = Config::with_data_dir(tmp.path());
    config.max_connections_per_address = 20;
    config.new_connections_per_second = 5.0;
    config.new_connections_burst = 10.0;
    let server = TestServer::start_with(config).await;
    let created = server.create_cafe(&cafe_request(1, 20, 4)).await;

    // Twenty open connections, opened as fast as the rate allows.
    let started = Instant::now();
    let mut walls = Vec::new();
    for _ in 0..20 {
        walls.push(open_wall(&server, &created.join_code).await);
    }
    println!("20 walls open after {:?}", started.elapsed());
    // Tokens come back, but places do not: the 21st is refused for the open count.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let m = expect_limited(&server, "the 21st connection").await;
    println!("21st: {m}");
    assert!(m.contains("too many connections"), "{m}");
    // Plain HTTP counts too, and gets the same typed refusal. (Written by hand: see
    // `an_http_client_that_reads_after_writing_gets_the_429` for why not with reqwest.)
    let (head, body) = raw_get(server.addr, "/healthz").await;
    assert!(head.starts_with("HTTP/1.1 429"), "{head}");
    assert!(head.to_lowercase().contains("retry-after: 1"), "{head}");
    let body: ErrorBody = serde_json::from_str(&body).expect("ErrorBody");
    assert_eq!(body.code, ErrorCode::RateLimited);
    // The walls still work.
    for w in &mut walls {
        w.ping().await.expect("an admitted wall");
    }

    // Closing five frees five places.
    for w in walls.drain(..5) {
        w.close_and_wait().await;
    }
    for _ in 0..5 {
        walls.push(open_wall(&server, &created.join_code).await);
    }
    let m = expect_limited(&server, "the 21st connection again").await;
    assert!(m.contains("too many connections"), "{m}");

    // The rate: with every place free and the bucket full, a burst of 10 goes through and
    // the rest of a quick burst of 15 is refused.
    for w in walls.drain(..) {
        w.close_and_wait().await;
    }
    tokio::time::sleep(Duration::from_millis(2_200)).await;
    let url = server.ws_url();
    let burst: Vec<Attempt> =
        futures_util::future::join_all((0..15).map(|_| attempt(&url, Duration::from_secs(5))))
            .await;
    let mut admitted = Vec::new();
    let mut too_fast = Vec::new();
    for a in burst {
        match a {
            Attempt::Accepted(ws) => admitted.push(ws),
            Attempt::RateLimited(m) => too_fast.push(m),
            Attempt::Other(e) => panic!("in the burst: {e}"),
            Attempt::Hung => panic!("in the burst: no answer"),
        }
    }
    println!(
        "burst of 15: {} admitted, {} refused ({:?})",
        admitted.len(),
        too_fast.len(),
        too_fast.first()
    );
    assert!(
        (10..=11).contains(&admitted.len()),
        "{} admitted from a burst of 15 with a burst limit of 10",
        admitted.len()
    );
    assert!(
        too_fast
            .iter()
            .all(|m| m.contains("too many new connections"))
    );
    // A second later, the address is admitted again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut wall = open_wall(&server, &created.join_code).await;
    wall.ping().await.expect("admitted again");
}

/// A GET written at once, then read to the end: the head and the body.
async fn raw_get(addr: SocketAddr, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).await.expect("tcp connect");
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .expect("request");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut answer))
        .await
        .expect("an answer in time")
        .expect("read");
    let answer = String::from_utf8(answer).expect("UTF-8");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
    (head.to_owned(), body.to_owned())
}

/// An ordinary HTTP client (hyper, through reqwest) refused at the per-address limit must see
/// the typed 429. The server writes its refusal the moment it accepts, before the request
/// arrives; hyper's client finds an answer to a request it has not sent yet and fails with
/// "unexpected message" (38 of 40 times when this was written), so the client gets an
/// opaque error instead of `rateLimited` and "retry after 1 s".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_http_client_that_reads_after_writing_gets_the_429() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut config = Config::with_data_dir(tmp.path());
    config.max_connections_per_address = 1;
    let server = TestServer::start_with(config).await;
    let _held = TcpStream::connect(server.addr)
        .await
        .expect("the one place");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut failures = Vec::new();
    for _ in 0..10 {
        match reqwest::get(server.http_url("/healthz")).await {
            Ok(resp) => {
                assert_eq!(resp.status().as_u16(), 429);
                let body: ErrorBody = resp.json().await.expect("ErrorBody");
                assert_eq!(body.code, ErrorCode::RateLimited);
            }
            Err(e) => failures.push(format!("{e:?}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 10 refusals unreadable, e.g. {}",
        failures.len(),
        failures[0]
    );
}

/// How a slow client's connection ended: the time from connecting until the server closed
/// it, or `None` if it was still open after `give_up`.
async fn slow_client(addr: SocketAddr, kind: Slow, give_up: Duration) -> Option<Duration> {
    let mut s = TcpStream::connect(addr).await.expect("tcp connect");
    // From the moment the connection is established, as the server's deadline counts.
    let started = Instant::now();
    let (at_once, trickle) = kind.bytes();
    s.write_all(at_once).await.expect("first bytes");
    let mut sent = 0;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut buf = [0u8; 1024];
    loop {
        tokio::select! {
            _ = tick.tick() => {
                if started.elapsed() > give_up {
                    return None;
                }
                if sent < trickle.len() {
                    if s.write_all(&trickle[sent..=sent]).await.is_err() {
                        return Some(started.elapsed());
                    }
                    sent += 1;
                }
            }
            r = s.read(&mut buf) => match r {
                Ok(0) | Err(_) => return Some(started.elapsed()),
                // An answer to a complete request, or a 408, before the close; read on.
                Ok(_) => {}
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slow {
    /// A request line and headers, one byte a second, never finished.
    Headers,
    /// Connects and sends nothing.
    Silent,
    /// One complete request, then nothing: an idle keep-alive connection.
    IdleKeepAlive,
    /// One complete request, then a second one trickled in, never finished.
    SecondRequest,
    /// Complete headers announcing a body of 1,000 bytes, and the body at one byte a second.
    Body,
}

impl Slow {
    /// What the client sends at once, and what it then sends one byte a second.
    fn bytes(self) -> (&'static [u8], &'static [u8]) {
        const PARTIAL: &[u8] =
            b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        const FULL: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        match self {
            Self::Headers => (b"", PARTIAL),
            Self::Silent => (b"", b""),
            Self::IdleKeepAlive => (FULL, b""),
            Self::SecondRequest => (FULL, PARTIAL),
            Self::Body => (
                b"POST /api/cafes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
                b"{\"title\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ),
        }
    }
}

/// A request body is not covered by the 10 s header deadline: a client that sends complete
/// headers and then trickles the body (the "slow POST" form of slowloris) keeps its
/// connection, and its per-address place, for as long as it likes. Plain HTTP connections
/// count only against the per-address limit (`--max-connections` counts websockets), so
/// enough addresses doing this exhaust the server's file descriptors.
#[tokio::test]
async fn a_trickled_request_body_is_cut_off() {
    let server = TestServer::start().await;
    let ended = slow_client(server.addr, Slow::Body, Duration::from_secs(30)).await;
    assert!(
        ended.is_some_and(|t| t < Duration::from_secs(30)),
        "still open after 30 s of a 1-byte-a-second body"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_connections_are_cut_at_the_header_deadline() {
    const SLOW: usize = 200;
    raise_fd_limit(4_096);
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 20, 4)).await;
    let wall = TestClient::wall(&server, &created.join_code).await;

    let mut slow = JoinSet::new();
    for i in 0..SLOW {
        let kind = match i % 8 {
            0..=4 => Slow::Headers,
            5 => Slow::Silent,
            6 => Slow::IdleKeepAlive,
            _ => Slow::SecondRequest,
        };
        let addr = server.addr;
        slow.spawn(async move { (kind, slow_client(addr, kind, Duration::from_secs(20)).await) });
        // Ten at a time: the test server's listen queue holds 128 (the standard library's
        // backlog, see the storm test), and an attacker gains nothing from arriving at once.
        if i % 10 == 9 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    // Meanwhile, ordinary clients: a wall pinging, health checks on new connections, new
    // walls saying hello.
    let stop = Arc::new(AtomicBool::new(false));
    let prober = tokio::spawn(probe_pings(wall, Duration::from_millis(100), stop.clone()));
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let mut health = Vec::new();
    let mut joins = Vec::new();
    let mut ended: Vec<(Slow, Duration)> = Vec::new();
    let mut open = Vec::new();
    // Until the last slow connection is over, including the moment the server cuts them all.
    let mut every = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            r = slow.join_next() => match r {
                None => break,
                Some(r) => match r.expect("slow client") {
                    (kind, Some(after)) => ended.push((kind, after)),
                    (kind, None) => open.push(kind),
                },
            },
            _ = every.tick() => {
                let t = Instant::now();
                let resp = http
                    .get(server.http_url("/healthz"))
                    .send()
                    .await
                    .expect("health during the attack");
                assert_eq!(resp.status().as_u16(), 200);
                health.push(t.elapsed());
                let t = Instant::now();
                let mut w = TestClient::wall(&server, &created.join_code).await;
                w.ping().await.expect("a new wall");
                joins.push(t.elapsed());
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let (_, mut rtts) = prober.await.expect("prober");
    let (h50, h99, hmax) = spread(&mut health);
    let (j50, _, jmax) = spread(&mut joins);
    let (r50, r99, rmax) = spread(&mut rtts);
    println!(
        "health checks during the attack: {} (median {h50:?}, p99 {h99:?}, max {hmax:?}); \
         new walls: {} (median {j50:?}, max {jmax:?}); wall pings: {} (median {r50:?}, p99 {r99:?}, max {rmax:?})",
        health.len(),
        joins.len(),
        rtts.len()
    );
    assert!(
        open.is_empty(),
        "{} slow connections still open after 20 s: {open:?}",
        open.len()
    );
    for kind in [
        Slow::Headers,
        Slow::Silent,
        Slow::IdleKeepAlive,
        Slow::SecondRequest,
    ] {
        let mut times: Vec<Duration> = ended
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| *t)
            .collect();
        let (first, _, last) = spread(&mut times);
        println!(
            "{kind:?}: {} connections closed by the server between {first:?} and {last:?}",
            times.len()
        );
        // The header deadline is 10 s; allow for a loaded machine.
        assert!(
            first >= Duration::from_millis(9_500),
            "{kind:?} closed early: {first:?}"
        );
        assert!(
            last <= Duration::from_secs(12),
            "{kind:?} closed late: {last:?}"
        );
    }
    // Served promptly: typically in a millisecond or two. The maximum allows one SYN
    // retransmitted after 1 s on a loaded machine, not a server that waits for a deadline.
    let prompt = Duration::from_millis(100);
    assert!(
        h50 < prompt && j50 < prompt && r50 < prompt,
        "medians {h50:?} {j50:?} {r50:?}"
    );
    let bound = Duration::from_millis(1_500);
    assert!(hmax < bound, "a health check took {hmax:?}");
    assert!(jmax < bound, "a new wall took {jmax:?}");
    assert!(rmax < bound, "a wall ping took {rmax:?}");
}

//! The accept loop: admits connections per address, serves HTTP/1.1 with a deadline for
//! request headers (so half-open "slowloris" requests cannot pile up), and on shutdown stops
//! accepting and lets connections finish.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::extract::Request;
use flamingo_protocol::{ErrorBody, ErrorCode};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;
use tracing::{debug, warn};

use crate::address_gate::{AddressGate, Admitted, Refusal};
use crate::clock::now_ms;

/// Time a client has to send a request's headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// After shutdown, how long connections get to finish before the server stops anyway.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// The per-address place a connection holds, shared with the websocket it may become.
pub type Place = Arc<Admitted>;

pub async fn serve(
    listener: TcpListener,
    router: Router,
    gate: AddressGate,
    connections: TaskTracker,
    shutdown: CancellationToken,
) {
    let sweeper = {
        let gate = gate.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(30));
            loop {
                tokio::select! {
                    _ = every.tick() => gate.sweep(now_ms()),
                    _ = shutdown.cancelled() => break,
                }
            }
        })
    };
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors, usually: wait for some to close.
                    warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.cancelled() => break,
        };
        let place = match gate.admit(peer.ip(), now_ms()) {
            Ok(a) => Arc::new(a),
            Err(refusal) => {
                debug!(%peer, ?refusal, "connection refused");
                connections.spawn(refuse(stream, refusal));
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        connections.spawn(serve_connection(
            stream,
            peer,
            place,
            router.clone(),
            shutdown.clone(),
        ));
    }
    sweeper.abort();
    drop(listener);
    connections.close();
    if tokio::time::timeout(DRAIN_TIMEOUT, connections.wait())
        .await
        .is_err()
    {
        warn!("some connections did not finish in time");
    }
}

async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    place: Place,
    router: Router,
    shutdown: CancellationToken,
) {
    let service = router.map_request(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        req.extensions_mut().insert(place.clone());
        req
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
        .with_upgrades();
    tokio::pin!(conn);
    tokio::select! {
        result = conn.as_mut() => {
            if let Err(e) = result {
                debug!(%peer, error = %e, "connection ended with an error");
            }
        }
        _ = shutdown.cancelled() => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

/// A typed refusal in plain HTTP, for a connection that never reaches the router.
async fn refuse(mut stream: TcpStream, refusal: Refusal) {
    let message = match refusal {
        Refusal::TooManyOpen => "too many connections from your address; close some and retry",
        Refusal::TooFast => "too many new connections from your address; retry in a moment",
    };
    let body = serde_json::to_string(&ErrorBody {
        code: ErrorCode::RateLimited,
        message: message.into(),
    })
    .unwrap_or_default();
    let response = format!(
        "HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\ncontent-length: {}\r\nretry-after: 1\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    // Read the request head first: an HTTP client that is still writing when the answer comes
    // sees a broken exchange instead of the 429.
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let mut head = Vec::with_capacity(1024);
        let mut buf = [0u8; 1024];
        while head.len() < 16 * 1024 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => head.extend_from_slice(&buf[..n]),
            }
        }
        let _ = stream.write_all(response.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

//! The floor: a bare tokio-tungstenite broadcast server with no logic, to measure the same
//! fan-out as Flamingo through nothing but the transport.
//!
//! A client connects to `/r/<room>/<table>`; table 0 is the room's staff (facilitator and
//! walls). A text frame starting with `T` goes to the sender's table (the sender included,
//! which stands in for an ack) and the room's staff; one starting with `R` goes to everyone
//! in the room. Frames are forwarded as they came, one shared buffer for all receivers.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use super::conn::lock;

type Tx = mpsc::UnboundedSender<Message>;

#[derive(Default)]
struct Room {
    /// Connections by table (0: staff), each with its id.
    tables: HashMap<u32, Vec<(u64, Tx)>>,
}

#[derive(Default)]
struct Rooms {
    rooms: Mutex<HashMap<u32, Room>>,
    next_id: AtomicU64,
}

/// Serves the floor on `listener` until the process ends.
pub async fn serve(listener: TcpListener) {
    let rooms = Arc::new(Rooms::default());
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        tokio::spawn(connection(stream, rooms.clone()));
    }
}

/// The floor on its own thread and runtime (two workers, like the server on this machine),
/// for the smoke test. Returns its address.
pub fn spawn_thread() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("floor runtime");
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind the floor");
            let _ = tx.send(listener.local_addr().expect("floor address"));
            serve(listener).await;
        });
    });
    rx.recv().expect("the floor did not start")
}

/// `/r/<room>/<table>`.
fn place(path: &str) -> Option<(u32, u32)> {
    let mut parts = path.strip_prefix("/r/")?.split('/');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

async fn connection(stream: TcpStream, rooms: Arc<Rooms>) {
    let _ = stream.set_nodelay(true);
    let id = rooms.next_id.fetch_add(1, Ordering::Relaxed);
    let (tx, mut rx) = mpsc::unbounded_channel::<Message>();
    let mut joined = None;
    // Joined before the handshake's answer goes out, so that a client that holds an open
    // websocket is sure to get every frame sent to its room from then on.
    #[allow(clippy::result_large_err)] // the signature (and its large error type) is tungstenite's
    let callback = |req: &Request, resp: Response| {
        if let Some((room, table)) = place(req.uri().path()) {
            lock(&rooms.rooms)
                .entry(room)
                .or_default()
                .tables
                .entry(table)
                .or_default()
                .push((id, tx.clone()));
            joined = Some((room, table));
        }
        Ok(resp)
    };
    // The server's buffer sizes, so that both hold a connection in the same transport.
    let config = WebSocketConfig::default()
        .read_buffer_size(2 * 1024)
        .write_buffer_size(8 * 1024);
    let ws = tokio_tungstenite::accept_hdr_async_with_config(stream, callback, Some(config)).await;
    let Some((room, table)) = joined else {
        return;
    };
    if let Ok(ws) = ws {
        let (mut sink, mut stream) = ws.split();
        let writer = tokio::spawn(async move {
            while let Some(m) = rx.recv().await {
                if sink.send(m).await.is_err() {
                    break;
                }
            }
        });
        while let Some(Ok(msg)) = stream.next().await {
            let Message::Text(text) = msg else { continue };
            let everyone = text.as_str().starts_with('R');
            let frame = Message::Text(text);
            let rooms = lock(&rooms.rooms);
            let Some(r) = rooms.get(&room) else { continue };
            for (t, conns) in &r.tables {
                if everyone || *t == table || *t == 0 {
                    for (_, tx) in conns {
                        let _ = tx.send(frame.clone());
                    }
                }
            }
        }
        writer.abort();
    }
    if let Some(conns) = lock(&rooms.rooms)
        .get_mut(&room)
        .and_then(|r| r.tables.get_mut(&table))
    {
        conns.retain(|(c, _)| *c != id);
    }
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn paths_name_room_and_table() {
        assert_eq!(place("/r/3/0"), Some((3, 0)));
        assert_eq!(place("/r/3"), None);
        assert_eq!(place("/ws"), None);
    }
}

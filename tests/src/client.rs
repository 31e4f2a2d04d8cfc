//! A websocket client that speaks the protocol types and keeps a mirror of what it saw.

use std::time::Duration;

use flamingo_protocol::{
    Auth, CafeId, ClientMessage, Command, Cursor, ErrorCode, Millis, ParticipantId, Seq,
    ServerMessage, You,
};
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::mirror::Mirror;
use crate::{TestServer, WAIT};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// The server answered with a typed error.
    Refused(ErrorCode, String),
    /// The connection closed, with this close code if one came.
    Closed(Option<u16>),
    Timeout,
}

impl ClientError {
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Refused(c, _) => Some(*c),
            _ => None,
        }
    }
}

pub struct TestClient {
    ws: Ws,
    next_request: u32,
    pub mirror: Mirror,
    pub you: Option<You>,
    pub cafe_id: Option<CafeId>,
    /// Everything received, in order.
    pub log: Vec<ServerMessage>,
    pub close_code: Option<u16>,
}

impl TestClient {
    pub async fn connect(server: &TestServer) -> Self {
        Self::connect_url(&server.ws_url()).await
    }

    pub async fn connect_url(url: &str) -> Self {
        let (ws, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("websocket connect");
        Self::from_stream(ws)
    }

    /// Connects over a socket with a small receive buffer that announces a small segment
    /// size, so that a client that stops reading makes the server's queue fill after little
    /// data: the kernel would otherwise absorb megabytes (Linux sizes the server's send
    /// buffer from the segment size, 64 KiB on loopback).
    pub async fn connect_small_buffer(server: &TestServer, recv_buffer: u32) -> Self {
        let socket = socket2::Socket::new(
            socket2::Domain::IPV4,
            socket2::Type::STREAM,
            Some(socket2::Protocol::TCP),
        )
        .expect("socket");
        socket
            .set_recv_buffer_size(recv_buffer as usize)
            .expect("SO_RCVBUF");
        socket.set_tcp_mss(536).expect("TCP_MAXSEG");
        socket.connect(&server.addr.into()).expect("tcp connect");
        socket.set_nonblocking(true).expect("nonblocking");
        let stream = TcpStream::from_std(socket.into()).expect("tokio stream");
        let request = server
            .ws_url()
            .into_client_request()
            .expect("websocket request");
        let (ws, _) = tokio_tungstenite::client_async(request, MaybeTlsStream::Plain(stream))
            .await
            .expect("websocket handshake");
        Self::from_stream(ws)
    }

    /// A client over a websocket opened some other way (custom headers, say).
    pub fn from_stream(ws: Ws) -> Self {
        Self {
            ws,
            next_request: 1,
            mirror: Mirror::default(),
            you: None,
            cafe_id: None,
            log: Vec::new(),
            close_code: None,
        }
    }

    /// A new connection that continues from `mirror` (what an earlier connection of the same
    /// client had applied), as an app that kept its state across a reconnect would.
    pub async fn reconnect_with(server: &TestServer, mirror: Mirror) -> Self {
        let mut c = Self::connect(server).await;
        c.mirror = mirror;
        c
    }

    /// Connects and says hello; panics if refused.
    pub async fn join(server: &TestServer, auth: Auth) -> Self {
        let mut c = Self::connect(server).await;
        c.hello(auth, None).await.expect("hello refused");
        c
    }

    pub async fn facilitator(server: &TestServer, cafe_id: CafeId, key: &str) -> Self {
        Self::join(
            server,
            Auth::Facilitator {
                cafe_id,
                facilitator_key: key.to_owned(),
            },
        )
        .await
    }

    pub async fn participant(server: &TestServer, join_code: &str, name: &str) -> Self {
        Self::join(
            server,
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

    pub async fn wall(server: &TestServer, join_code: &str) -> Self {
        Self::join(
            server,
            Auth::Wall {
                join_code: join_code.to_owned(),
            },
        )
        .await
    }

    /// The credentials to come back as the same participant.
    pub fn resume_auth(&self) -> Auth {
        let you = self.you.as_ref().expect("no welcome");
        Auth::Participant {
            cafe_id: self.cafe_id.expect("no welcome"),
            participant_id: you.participant_id.expect("not a participant"),
            resume_token: you.resume_token.clone().expect("no resume token"),
        }
    }

    pub fn participant_id(&self) -> ParticipantId {
        self.you
            .as_ref()
            .and_then(|y| y.participant_id)
            .expect("not a participant")
    }

    pub fn cursor(&self) -> Option<Cursor> {
        self.mirror.cursor()
    }

    pub async fn send(&mut self, msg: &ClientMessage) {
        let text = serde_json::to_string(msg).expect("encode");
        self.send_raw(Message::Text(text.into())).await;
    }

    pub async fn send_raw(&mut self, msg: Message) {
        self.ws.send(msg).await.expect("send");
    }

    /// Sends a frame the server may cut off while it is still being written (it stops reading
    /// at an oversized header and closes): a reset during the send is then the expected answer.
    pub async fn send_raw_may_be_cut(&mut self, msg: Message) {
        let _ = self.ws.send(msg).await;
    }

    /// Sends `text` as one text frame, whatever it is.
    pub async fn send_text(&mut self, text: impl Into<String>) {
        self.send_raw(Message::Text(text.into().into())).await;
    }

    /// Sends a command without waiting for its answer; returns its request id.
    pub async fn send_command(&mut self, command: Command) -> u32 {
        let request_id = self.request_id();
        self.send(&ClientMessage::Command {
            request_id: Some(request_id),
            command,
        })
        .await;
        request_id
    }

    /// Sends an app-level ping and reads up to its pong, folding what came before. Since a
    /// connection's frames arrive in order, this is also a barrier: everything the server
    /// queued for this connection before it read the ping has been applied.
    pub async fn ping(&mut self) -> Result<Millis, ClientError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Ping {
            request_id: Some(request_id),
        })
        .await;
        loop {
            if let ServerMessage::Pong {
                request_id: Some(r),
                server_time,
            } = self.recv().await?
                && r == request_id
            {
                return Ok(server_time);
            }
        }
    }

    /// Reads up to the next `error`, returning its request id and code.
    pub async fn next_error(&mut self) -> Result<(Option<u32>, ErrorCode), ClientError> {
        loop {
            if let ServerMessage::Error {
                request_id, code, ..
            } = self.recv().await?
            {
                return Ok((request_id, code));
            }
        }
    }

    /// Reads until the server closes the connection and returns the close code; panics if
    /// it stays open for the whole wait.
    pub async fn wait_closed(&mut self) -> Option<u16> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.recv_within(left).await {
                Ok(_) => {}
                Err(ClientError::Closed(code)) => return code,
                Err(e) => panic!("waiting for the connection to close: {e:?}"),
            }
        }
    }

    /// The next protocol message, folded into the mirror.
    pub async fn recv(&mut self) -> Result<ServerMessage, ClientError> {
        self.recv_within(WAIT).await
    }

    pub async fn recv_within(&mut self, wait: Duration) -> Result<ServerMessage, ClientError> {
        loop {
            let next = tokio::time::timeout(wait, self.ws.next())
                .await
                .map_err(|_| ClientError::Timeout)?;
            match next {
                Some(Ok(Message::Text(t))) => {
                    let msg: ServerMessage = serde_json::from_str(&t)
                        .unwrap_or_else(|e| panic!("server sent an unknown message {t}: {e}"));
                    self.mirror.fold(&msg);
                    if let ServerMessage::Welcome { you, cafe_id, .. } = &msg {
                        // The token comes only in the first welcome; keep it across resumes.
                        let resume_token = you
                            .resume_token
                            .clone()
                            .or_else(|| self.you.as_ref().and_then(|y| y.resume_token.clone()));
                        self.you = Some(You {
                            resume_token,
                            ..you.clone()
                        });
                        self.cafe_id = Some(*cafe_id);
                    }
                    self.log.push(msg.clone());
                    return Ok(msg);
                }
                Some(Ok(Message::Close(frame))) => {
                    self.close_code = frame.map(|f| u16::from(f.code));
                    return Err(ClientError::Closed(self.close_code));
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Err(ClientError::Closed(self.close_code)),
            }
        }
    }

    /// The next text frame as it came, not parsed nor folded into the mirror: for clients
    /// that only need to keep up (floods), where parsing every frame costs too much.
    pub async fn recv_raw(&mut self) -> Result<String, ClientError> {
        loop {
            let next = tokio::time::timeout(WAIT, self.ws.next())
                .await
                .map_err(|_| ClientError::Timeout)?;
            match next {
                Some(Ok(Message::Text(t))) => return Ok(t.to_string()),
                Some(Ok(Message::Close(frame))) => {
                    self.close_code = frame.map(|f| u16::from(f.code));
                    return Err(ClientError::Closed(self.close_code));
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Err(ClientError::Closed(self.close_code)),
            }
        }
    }

    /// Says hello and reads up to `synced`.
    pub async fn hello(&mut self, auth: Auth, since: Option<Cursor>) -> Result<You, ClientError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Hello {
            request_id: Some(request_id),
            auth,
            since,
        })
        .await;
        loop {
            match self.recv().await? {
                ServerMessage::Error {
                    request_id: Some(r),
                    code,
                    message,
                } if r == request_id => return Err(ClientError::Refused(code, message)),
                ServerMessage::Synced { .. } => break,
                _ => {}
            }
        }
        Ok(self.you.clone().expect("welcome before synced"))
    }

    pub fn request_id(&mut self) -> u32 {
        let id = self.next_request;
        self.next_request += 1;
        id
    }

    /// Sends a command and waits for its answer; the updates before it are folded in.
    pub async fn command(&mut self, command: Command) -> Result<Seq, ClientError> {
        self.command_full(command).await.map(|(seq, _)| seq)
    }

    /// Like `command`, also returning the ack's `duplicate` flag.
    pub async fn command_full(&mut self, command: Command) -> Result<(Seq, bool), ClientError> {
        let request_id = self.request_id();
        self.send(&ClientMessage::Command {
            request_id: Some(request_id),
            command,
        })
        .await;
        loop {
            let msg = self.recv().await?;
            if let Some(answer) = crate::answer_to(&msg, request_id) {
                return answer.map_err(|(code, message)| ClientError::Refused(code, message));
            }
        }
    }

    /// Reads until `done` holds for this client, or panics after the wait.
    pub async fn wait_until(&mut self, what: &str, done: impl Fn(&Self) -> bool) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while !done(self) {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.recv_within(left).await {
                Ok(_) => {}
                Err(e) => panic!("waiting for {what}: {e:?}"),
            }
        }
    }

    /// Reads until the mirror has caught up with `seq`.
    pub async fn wait_seq(&mut self, seq: Seq) {
        self.wait_until(&format!("seq {seq}"), |c| c.mirror.seq >= seq)
            .await
    }

    /// Reads whatever arrives within `quiet`, returning when the line has been silent that long.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<ServerMessage> {
        let mut out = Vec::new();
        while let Ok(m) = self.recv_within(quiet).await {
            out.push(m);
        }
        out
    }

    /// Closes the socket without ceremony, as a phone losing the network would.
    pub async fn drop_connection(self) -> Mirror {
        drop(self.ws);
        self.mirror
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }

    /// Closes with a close handshake and waits for the server's answering close frame, which
    /// it sends only after it told the café that this connection is gone. Returns the code
    /// of that frame (the server echoes ours, so usually none).
    pub async fn close_and_wait(mut self) -> Option<u16> {
        let _ = self.ws.close(None).await;
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, self.ws.next()).await {
                Err(_) => panic!("the server did not answer the close"),
                Ok(Some(Ok(Message::Close(frame)))) => return frame.map(|f| u16::from(f.code)),
                Ok(Some(Ok(_))) => continue,
                Ok(Some(Err(_)) | None) => return None,
            }
        }
    }

    /// A round trip through the café's owner task that changes nothing: editing a note that
    /// does not exist is refused with `notFound` for every role. Whatever the owner did
    /// before it (a hello, a disconnect it was told of, a command of another connection)
    /// has reached this connection by the time this returns.
    pub async fn cafe_barrier(&mut self) {
        match self
            .command(Command::EditNote {
                note_id: uuid::Uuid::new_v4(),
                text: "barrier".into(),
            })
            .await
        {
            Err(ClientError::Refused(ErrorCode::NotFound, _)) => {}
            other => panic!("barrier command answered {other:?}"),
        }
    }
}

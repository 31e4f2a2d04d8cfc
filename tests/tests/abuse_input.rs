//! Hostile input beyond what `limits.rs` and `http_api.rs` cover: numbers that do not fit
//! their fields, invalid UTF-8 in text frames (sent over a hand-made websocket, since a
//! websocket library will not send it), markup and script in every text field, and 10,000
//! characters in every text field. Each gets a typed refusal or comes back as inert text, and
//! the server keeps serving everyone else.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use flamingo_protocol::{
    Auth, Command, CreateCafeRequest, CreateCafeResponse, ErrorBody, ErrorCode, PhaseView,
    PublicCafeInfo, RoundSpec, ServerMessage, Update,
};
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, cafe_request};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use uuid::Uuid;

/// Who sends a raw message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sender {
    Facilitator,
    Phone,
    /// A new connection that has not said hello.
    Stranger,
}

/// What a raw message must get.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// `error` with this code and request id.
    Error(Option<u32>, ErrorCode),
    Pong(u32),
    Ack(u32),
}

#[tokio::test]
async fn numbers_that_do_not_fit_get_typed_refusals() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 2).await;
    cafe.start_round().await;
    let mover = cafe.phones[1].participant_id();
    let cmd = |id: u32, command: &str| {
        format!(r#"{{"type":"command","requestId":{id},"command":{command}}}"#)
    };
    let digits = "9".repeat(10_000);
    use Answer::*;
    use ErrorCode::{BadMessage, InvalidInput};
    use Sender::*;
    let cases: Vec<(&str, Sender, String, Answer)> = vec![
        // requestId is a u32.
        (
            "requestId u32::MAX",
            Stranger,
            r#"{"type":"ping","requestId":4294967295}"#.into(),
            Pong(u32::MAX),
        ),
        (
            "requestId 2^32",
            Stranger,
            r#"{"type":"ping","requestId":4294967296}"#.into(),
            Error(None, BadMessage),
        ),
        (
            "requestId 2^64",
            Stranger,
            r#"{"type":"ping","requestId":18446744073709551616}"#.into(),
            Error(None, BadMessage),
        ),
        (
            "requestId -1",
            Stranger,
            r#"{"type":"ping","requestId":-1}"#.into(),
            Error(None, BadMessage),
        ),
        (
            "requestId 1.5",
            Stranger,
            r#"{"type":"ping","requestId":1.5}"#.into(),
            Error(None, BadMessage),
        ),
        (
            "requestId 1e400",
            Stranger,
            r#"{"type":"ping","requestId":1e400}"#.into(),
            Error(None, BadMessage),
        ),
        (
            "requestId of 10,000 digits",
            Stranger,
            format!(r#"{{"type":"ping","requestId":{digits}}}"#),
            Error(None, BadMessage),
        ),
        (
            "requestId as a string",
            Stranger,
            r#"{"type":"ping","requestId":"7"}"#.into(),
            Error(None, BadMessage),
        ),
        // A cursor's seq is a u64: beyond it is malformed; u64::MAX itself is a cursor from the
        // future, which gets a snapshot (checked below).
        (
            "since.seq 2^64",
            Stranger,
            format!(
                r#"{{"type":"hello","requestId":31,"auth":{{"as":"wall","joinCode":"{}"}},"since":{{"epoch":"x","seq":18446744073709551616}}}}"#,
                cafe.created.join_code
            ),
            Error(Some(31), BadMessage),
        ),
        (
            "since.seq -1",
            Stranger,
            format!(
                r#"{{"type":"hello","requestId":32,"auth":{{"as":"wall","joinCode":"{}"}},"since":{{"epoch":"x","seq":-1}}}}"#,
                cafe.created.join_code
            ),
            Error(Some(32), BadMessage),
        ),
        // adjustTime seconds is an i32, and at most 4 hours either way.
        (
            "adjustTime 2^31",
            Facilitator,
            cmd(41, r#"{"type":"adjustTime","seconds":2147483648}"#),
            Error(Some(41), BadMessage),
        ),
        (
            "adjustTime -2^31-1",
            Facilitator,
            cmd(42, r#"{"type":"adjustTime","seconds":-2147483649}"#),
            Error(Some(42), BadMessage),
        ),
        (
            "adjustTime 2^40",
            Facilitator,
            cmd(43, r#"{"type":"adjustTime","seconds":1099511627776}"#),
            Error(Some(43), BadMessage),
        ),
        (
            "adjustTime -2^40",
            Facilitator,
            cmd(44, r#"{"type":"adjustTime","seconds":-1099511627776}"#),
            Error(Some(44), BadMessage),
        ),
        (
            "adjustTime i32::MAX",
            Facilitator,
            cmd(45, r#"{"type":"adjustTime","seconds":2147483647}"#),
            Error(Some(45), InvalidInput),
        ),
        (
            "adjustTime -14,401 s",
            Facilitator,
            cmd(46, r#"{"type":"adjustTime","seconds":-14401}"#),
            Error(Some(46), InvalidInput),
        ),
        (
            "adjustTime 60.5",
            Facilitator,
            cmd(47, r#"{"type":"adjustTime","seconds":60.5}"#),
            Error(Some(47), BadMessage),
        ),
        (
            "adjustTime 1e3",
            Facilitator,
            cmd(48, r#"{"type":"adjustTime","seconds":1e3}"#),
            Error(Some(48), BadMessage),
        ),
        // table is a u32, and at most 1,000 when the room has no limit.
        (
            "table 2^33",
            Facilitator,
            cmd(
                51,
                &format!(
                    r#"{{"type":"moveParticipant","participantId":"{mover}","table":8589934592}}"#
                ),
            ),
            Error(Some(51), BadMessage),
        ),
        (
            "table -1",
            Facilitator,
            cmd(
                52,
                &format!(r#"{{"type":"moveParticipant","participantId":"{mover}","table":-1}}"#),
            ),
            Error(Some(52), BadMessage),
        ),
        (
            "table u32::MAX",
            Facilitator,
            cmd(
                53,
                &format!(
                    r#"{{"type":"moveParticipant","participantId":"{mover}","table":4294967295}}"#
                ),
            ),
            Error(Some(53), InvalidInput),
        ),
        // Ids are UUIDs (protocol §2): anything else is a malformed message, not a missing note.
        (
            "noteId not a UUID",
            Phone,
            cmd(
                55,
                r#"{"type":"postNote","noteId":"note-1","text":"an id of my own"}"#,
            ),
            Error(Some(55), BadMessage),
        ),
        (
            "noteId a number",
            Phone,
            cmd(56, r#"{"type":"editNote","noteId":42,"text":"edited"}"#),
            Error(Some(56), BadMessage),
        ),
        (
            "noteId with a bad digit",
            Facilitator,
            cmd(
                57,
                r#"{"type":"hideNote","noteId":"9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5bZ","hidden":true}"#,
            ),
            Error(Some(57), BadMessage),
        ),
        // round is a u32; a round that never happened sends the note to the author's table.
        (
            "round -1",
            Phone,
            cmd(
                61,
                &format!(
                    r#"{{"type":"postNote","noteId":"{}","text":"minus one","round":-1}}"#,
                    Uuid::new_v4()
                ),
            ),
            Error(Some(61), BadMessage),
        ),
        (
            "round 2^32",
            Phone,
            cmd(
                62,
                &format!(
                    r#"{{"type":"postNote","noteId":"{}","text":"two to the 32","round":4294967296}}"#,
                    Uuid::new_v4()
                ),
            ),
            Error(Some(62), BadMessage),
        ),
        (
            "round u32::MAX",
            Phone,
            cmd(
                63,
                &format!(
                    r#"{{"type":"postNote","noteId":"{}","text":"round u32::MAX","round":4294967295}}"#,
                    Uuid::new_v4()
                ),
            ),
            Ack(63),
        ),
    ];
    let before = cafe.fac.mirror.seq;
    for (what, from, text, want) in cases {
        let mut stranger;
        let c = match from {
            Facilitator => &mut cafe.fac,
            Phone => &mut cafe.phones[0],
            Stranger => {
                stranger = TestClient::connect(&server).await;
                &mut stranger
            }
        };
        c.send_text(text).await;
        let got = loop {
            match c.recv().await {
                Ok(ServerMessage::Error {
                    request_id, code, ..
                }) => break Error(request_id, code),
                Ok(ServerMessage::Pong {
                    request_id: Some(r),
                    ..
                }) => break Pong(r),
                Ok(ServerMessage::Ack {
                    request_id: Some(r),
                    ..
                }) => break Ack(r),
                Ok(_) => continue,
                Err(e) => panic!("{what}: no answer: {e:?}"),
            }
        };
        assert_eq!(got, want, "{what}");
        c.ping()
            .await
            .unwrap_or_else(|e| panic!("after {what}: {e:?}"));
    }
    // Only the note was written, and it went to round 1, the only round that has started.
    cafe.fac.cafe_barrier().await;
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(
        fresh.mirror.seq,
        before + 1,
        "only the valid note was stored"
    );
    let note = fresh
        .mirror
        .cafe()
        .notes
        .iter()
        .find(|n| n.text == "round u32::MAX")
        .expect("the note");
    assert_eq!(note.round, 1);
    assert!(matches!(
        fresh.mirror.cafe().phase,
        PhaseView::Running { round: 1, .. }
    ));

    // A cursor at u64::MAX is from no history the server has: a snapshot, not a replay.
    let mut future = TestClient::connect(&server).await;
    future
        .hello(
            Auth::Wall {
                join_code: cafe.created.join_code.clone(),
            },
            Some(flamingo_protocol::Cursor {
                epoch: fresh.mirror.epoch.clone().expect("epoch"),
                seq: u64::MAX,
                part: None,
            }),
        )
        .await
        .expect("a wall from the future");
    assert_eq!(
        future.mirror.snapshots, 1,
        "a cursor beyond the café gets a snapshot"
    );
    assert_eq!(future.mirror.seq, fresh.mirror.seq);
}

#[tokio::test]
async fn http_numbers_that_do_not_fit_are_refused_with_json() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    // The numbers go into the body as written: JSON numbers that no Rust type holds.
    let body = |minutes: &str, table_size: &str, tables: &str| {
        format!(
            r#"{{"title":"Numbers","tableSize":{table_size},"tables":{tables},"rounds":[{{"question":"Q?","minutes":{minutes}}}]}}"#
        )
    };
    let minutes = |m: &str| body(m, "4", "10");
    let table_size = |t: &str| body("20", t, "10");
    let tables = |t: &str| body("20", "4", t);
    assert_eq!(
        serde_json::from_str::<CreateCafeRequest>(&minutes("20"))
            .map(|r| r.rounds[0].minutes)
            .ok(),
        Some(20),
        "the template is a valid café"
    );
    // (what, body, status, code). Numbers beyond the type are malformed (400); numbers of
    // the right type but out of range are invalid (422).
    let cases: Vec<(&str, String, u16, ErrorCode)> = vec![
        (
            "minutes 2^32",
            minutes("4294967296"),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "minutes 2^64",
            minutes("18446744073709551616"),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "minutes -2^63",
            minutes("-9223372036854775808"),
            400,
            ErrorCode::BadMessage,
        ),
        ("minutes 20.5", minutes("20.5"), 400, ErrorCode::BadMessage),
        (
            "minutes 1e400",
            minutes("1e400"),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "minutes u32::MAX",
            minutes("4294967295"),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "tableSize 2^40",
            table_size("1099511627776"),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "tableSize u32::MAX",
            table_size("4294967295"),
            422,
            ErrorCode::InvalidInput,
        ),
        ("tables -1", tables("-1"), 400, ErrorCode::BadMessage),
        (
            "tables 2^33",
            tables("8589934592"),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "tables u32::MAX",
            tables("4294967295"),
            422,
            ErrorCode::InvalidInput,
        ),
        ("tables 1,001", tables("1001"), 422, ErrorCode::InvalidInput),
    ];
    for (what, body, status, code) in cases {
        let resp = http
            .post(server.http_url("/api/cafes"))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .expect("http");
        assert_eq!(resp.status().as_u16(), status, "{what}: {body}");
        let err: ErrorBody = resp
            .json()
            .await
            .unwrap_or_else(|e| panic!("{what}: not an ErrorBody: {e}"));
        assert_eq!(err.code, code, "{what}: {}", err.message);
    }
    assert!(
        server.stored_cafes().await.is_empty(),
        "a refused request created a café"
    );

    // Hostile paths for the café lookup: typed JSON 404s, not crashes or HTML.
    let long = "A".repeat(10_000);
    for path in [
        format!("/api/cafes/{long}"),
        "/api/cafes/%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
        "/api/cafes/..%2F..%2Fetc%2Fpasswd".into(),
        "/api/cafes/%00%00%00%00%00%00".into(),
    ] {
        let resp = http.get(server.http_url(&path)).send().await.expect("http");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body");
        assert_eq!(status, 404, "{path:.60}: {text}");
        let err: ErrorBody = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path:.60}: not an ErrorBody ({e}): {text}"));
        assert_eq!(err.code, ErrorCode::NotFound);
    }
}

#[tokio::test]
async fn every_http_refusal_is_an_error_body() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    let mut untyped = Vec::new();
    for (method, path) in [
        ("GET", "/api/cafes/%FF%FE"),
        ("GET", "/ws"),
        ("POST", "/healthz"),
        ("PUT", "/api/cafes"),
        ("DELETE", "/api/cafes/ABCDEF"),
    ] {
        let resp = http
            .request(method.parse().expect("method"), server.http_url(path))
            .send()
            .await
            .expect("http");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body");
        let typed = serde_json::from_str::<ErrorBody>(&text).is_ok();
        println!("{method} {path}: {status} {text:?}");
        assert!((400..500).contains(&status), "{method} {path}: {status}");
        if !typed {
            untyped.push(format!("{method} {path}: {status} {text:?}"));
        }
    }
    assert!(
        untyped.is_empty(),
        "not ErrorBody JSON:\n{}",
        untyped.join("\n")
    );
}

/// Protocol §11: a method an address does not take is HTTP 405 with code `badMessage`.
#[tokio::test]
async fn a_wrong_method_is_405_bad_message() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 20, 4)).await;
    let code = &created.join_code;
    for (method, path) in [
        (reqwest::Method::PUT, "/api/cafes".to_owned()),
        (reqwest::Method::GET, "/api/cafes".to_owned()),
        (reqwest::Method::POST, format!("/api/cafes/{code}")),
        (reqwest::Method::DELETE, format!("/api/cafes/{code}/export")),
        (
            reqwest::Method::PUT,
            format!("/api/cafes/{code}/co-facilitator"),
        ),
        (reqwest::Method::POST, "/healthz".to_owned()),
    ] {
        let (status, body) = server
            .request_with_key(method.clone(), &path, Some(&created.facilitator_key))
            .await;
        assert_eq!(status, 405, "{method} {path}: {body}");
        let err: ErrorBody = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{method} {path}: not an ErrorBody ({e}): {body}"));
        assert_eq!(err.code, ErrorCode::BadMessage, "{method} {path}");
    }
}

/// A websocket opened by hand, to send frames no websocket library would.
struct RawWs {
    stream: TcpStream,
    buf: Vec<u8>,
}

/// A server frame: its opcode and payload.
type Frame = (u8, Vec<u8>);

impl RawWs {
    async fn open(addr: SocketAddr) -> Self {
        let mut stream = TcpStream::connect(addr).await.expect("tcp connect");
        let request = format!(
            "GET /ws HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        );
        stream
            .write_all(request.as_bytes())
            .await
            .expect("upgrade request");
        let mut buf = Vec::new();
        let end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 1024];
            let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
                .await
                .expect("upgrade answer in time")
                .expect("read");
            assert!(n > 0, "closed during the upgrade");
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_string();
        assert!(head.starts_with("HTTP/1.1 101"), "{head}");
        // The key above is RFC 6455's example; its accept value is the RFC's too.
        assert!(
            head.to_lowercase()
                .contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo="),
            "{head}"
        );
        buf.drain(..end);
        Self { stream, buf }
    }

    /// Sends one client frame (masked, as RFC 6455 requires).
    async fn send_frame(&mut self, fin: bool, opcode: u8, payload: &[u8]) {
        let mut f = vec![if fin { 0x80 } else { 0 } | opcode];
        match payload.len() {
            n if n < 126 => f.push(0x80 | n as u8),
            n if n < 65_536 => {
                f.push(0x80 | 126);
                f.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                f.push(0x80 | 127);
                f.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        let mask = [0x37u8, 0xfa, 0x21, 0x3d];
        f.extend_from_slice(&mask);
        f.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.stream.write_all(&f).await.expect("send frame");
    }

    async fn send_text(&mut self, text: &[u8]) {
        self.send_frame(true, 0x1, text).await;
    }

    /// The next frame from the server, or `None` when the connection ends (EOF or reset).
    async fn next_frame(&mut self, wait: Duration) -> Option<Frame> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some((frame, used)) = parse_frame(&self.buf) {
                self.buf.drain(..used);
                return Some(frame);
            }
            let mut chunk = [0u8; 4096];
            let n = tokio::time::timeout_at(deadline, self.stream.read(&mut chunk))
                .await
                .expect("the server neither answered nor closed in time");
            match n {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Reads text frames until one contains `needle`.
    async fn text_containing(&mut self, needle: &str) -> String {
        loop {
            match self.next_frame(Duration::from_secs(5)).await {
                Some((0x1, payload)) => {
                    let text = String::from_utf8(payload).expect("the server sends UTF-8");
                    if text.contains(needle) {
                        return text;
                    }
                }
                Some(_) => {}
                None => panic!("closed while waiting for {needle}"),
            }
        }
    }
}

/// An unmasked server frame at the start of `buf`, and the bytes it used.
fn parse_frame(buf: &[u8]) -> Option<(Frame, usize)> {
    if buf.len() < 2 {
        return None;
    }
    let opcode = buf[0] & 0x0f;
    let (len, head) = match buf[1] & 0x7f {
        126 if buf.len() >= 4 => (u16::from_be_bytes([buf[2], buf[3]]) as usize, 4),
        127 if buf.len() >= 10 => (
            u64::from_be_bytes(buf[2..10].try_into().expect("8 bytes")) as usize,
            10,
        ),
        126 | 127 => return None,
        n => (n as usize, 2),
    };
    (buf.len() >= head + len).then(|| ((opcode, buf[head..head + len].to_vec()), head + len))
}

/// How a connection ended after invalid UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ending {
    /// A close frame with this code.
    Closed(u16),
    /// The socket ended without a close frame.
    Dropped,
    /// An `error` with code `badMessage`, the connection still open.
    BadMessage,
}

async fn ending(ws: &mut RawWs) -> Ending {
    loop {
        match ws.next_frame(Duration::from_secs(5)).await {
            Some((0x8, payload)) => {
                let code = if payload.len() >= 2 {
                    u16::from_be_bytes([payload[0], payload[1]])
                } else {
                    1005
                };
                return Ending::Closed(code);
            }
            Some((0x1, payload)) => {
                let msg: ServerMessage =
                    serde_json::from_slice(&payload).expect("a protocol message");
                if let ServerMessage::Error { code, .. } = msg {
                    assert_eq!(code, ErrorCode::BadMessage, "{msg:?}");
                    return Ending::BadMessage;
                }
            }
            Some(_) => {}
            None => return Ending::Dropped,
        }
    }
}

#[tokio::test]
async fn invalid_utf8_in_a_text_frame_ends_that_connection_only() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 20, 4)).await;
    let mut watcher = TestClient::wall(&server, &created.join_code).await;
    let hello = format!(
        r#"{{"type":"hello","requestId":1,"auth":{{"as":"wall","joinCode":"{}"}}}}"#,
        created.join_code
    );

    // The hand-made websocket works for valid frames: a ping, then a hello as the wall.
    let mut ws = RawWs::open(server.addr).await;
    ws.send_text(br#"{"type":"ping","requestId":7}"#).await;
    ws.text_containing(r#""type":"pong""#).await;
    ws.send_text(hello.as_bytes()).await;
    ws.text_containing(r#""type":"synced""#).await;
    drop(ws);

    let cases: Vec<(&str, bool, Vec<Vec<u8>>)> = vec![
        ("0xFF inside a JSON string", false, vec![b"{\"type\":\"ping\",\"requestId\":1,\"x\":\"\xff\xfe\"}".to_vec()]),
        ("an overlong '/' (C0 AF)", false, vec![b"{\"type\":\"ping\",\"x\":\"\xc0\xaf\"}".to_vec()]),
        ("a UTF-16 surrogate (ED A0 80)", false, vec![b"{\"type\":\"ping\",\"x\":\"\xed\xa0\x80\"}".to_vec()]),
        ("a lone continuation byte", false, vec![b"\x80".to_vec()]),
        ("a code point beyond U+10FFFF (F4 90 80 80)", false, vec![b"\"\xf4\x90\x80\x80\"".to_vec()]),
        (
            "a euro sign split across fragments and broken",
            false,
            vec![b"{\"type\":\"ping\",\"x\":\"\xe2\x82".to_vec(), b"(\"}".to_vec()],
        ),
        ("after hello, in a command", true, vec![b"{\"type\":\"command\",\"requestId\":2,\"command\":{\"type\":\"broadcast\",\"text\":\"\xff\"}}".to_vec()]),
    ];
    for (what, after_hello, fragments) in cases {
        let started = Instant::now();
        let mut ws = RawWs::open(server.addr).await;
        if after_hello {
            ws.send_text(hello.as_bytes()).await;
            ws.text_containing(r#""type":"synced""#).await;
        }
        let last = fragments.len() - 1;
        for (i, f) in fragments.iter().enumerate() {
            let opcode = if i == 0 { 0x1 } else { 0x0 };
            ws.send_frame(i == last, opcode, f).await;
        }
        let end = ending(&mut ws).await;
        println!("{what}: {end:?} after {:?}", started.elapsed());
        assert!(
            matches!(
                end,
                Ending::Closed(1007) | Ending::Closed(4502) | Ending::BadMessage
            ),
            "{what}: {end:?}"
        );
        if end == Ending::BadMessage {
            // Still usable, then.
            ws.send_text(br#"{"type":"ping","requestId":9}"#).await;
            ws.text_containing(r#""requestId":9"#).await;
        }
        // Everyone else is served.
        watcher
            .ping()
            .await
            .unwrap_or_else(|e| panic!("the other wall after {what}: {e:?}"));
    }
    // Nothing reached the café, and new connections are served.
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    assert_eq!(fac.mirror.seq, 1);
    assert!(fac.mirror.cafe().last_broadcast.is_none());
    fac.cafe_barrier().await;
}

/// Markup, script and JSON-breaking text. None has white space at either end (which the
/// server trims) or control characters (which it refuses), and each fits in a name.
const HOSTILE: [&str; 8] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'\"><iframe src=javascript:alert(document.cookie)>",
    "\"},\"you\":{\"role\":\"facilitator\"},\"x\":{\"y\":\"",
    "&lt;b&gt;&amp;&#x3C;script&#x3E; \\u003cscript\\u003e",
    "</script><!-- {{constructor.constructor('alert(1)')()}} -->",
    "\u{202e}gnp.exe ${7*7} %s%n; DROP TABLE events;--",
];

fn hostile(i: usize) -> String {
    HOSTILE[i % HOSTILE.len()].to_owned()
}

#[tokio::test]
async fn markup_and_script_come_back_as_the_same_inert_text() {
    let n = HOSTILE.len();
    for h in HOSTILE {
        assert!(h.chars().count() <= 80 && h.trim() == h, "{h}");
    }
    let server = TestServer::start().await;
    let http = reqwest::Client::new();

    // Titles and questions, through the HTTP API: one café per text as its title, each with
    // every text as a question (with a line break, which questions may have).
    let mut cafes: Vec<CreateCafeResponse> = Vec::new();
    for i in 0..n {
        let req = CreateCafeRequest {
            title: hostile(i),
            table_size: Some(4),
            tables: None,
            rounds: (0..n)
                .map(|j| RoundSpec {
                    question: format!("{}\n{}", hostile(i + j), hostile(i + j + 1)),
                    minutes: 20,
                })
                .collect(),
        };
        cafes.push(server.create_cafe(&req).await);
    }
    for (i, c) in cafes.iter().enumerate() {
        let resp = http
            .get(server.http_url(&format!("/api/cafes/{}", c.join_code)))
            .send()
            .await
            .expect("http");
        let content_type = resp.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            content_type.starts_with("application/json"),
            "{content_type}"
        );
        assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
        let info: PublicCafeInfo = resp.json().await.expect("info");
        assert_eq!(info.title, hostile(i), "HTTP info title");
        let fac = TestClient::facilitator(&server, c.cafe_id, &c.facilitator_key).await;
        let view = fac.mirror.cafe();
        assert_eq!(view.title, hostile(i), "snapshot title");
        for (j, r) in view.rounds.iter().enumerate() {
            assert_eq!(
                r.question,
                format!("{}\n{}", hostile(i + j), hostile(i + j + 1))
            );
        }
    }

    // Names, organisations and roles: one person per text.
    let main = &cafes[0];
    let mut fac = TestClient::facilitator(&server, main.cafe_id, &main.facilitator_key).await;
    let mut wall = TestClient::wall(&server, &main.join_code).await;
    let mut phones = Vec::new();
    for i in 0..n {
        let mut p = TestClient::connect(&server).await;
        p.hello(
            Auth::Join {
                join_code: main.join_code.clone(),
                name: hostile(i),
                organisation: Some(hostile(i + 1)),
                role: Some(hostile(i + 2)),
                join_key: None,
            },
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("join as {}: {e:?}", hostile(i)));
        phones.push(p);
    }
    let profile = |c: &TestClient, id| {
        let p = c
            .mirror
            .cafe()
            .participants
            .iter()
            .find(|p| p.participant_id == id)
            .unwrap_or_else(|| panic!("participant {id} missing"))
            .clone();
        (p.name, p.organisation, p.role)
    };
    fac.cafe_barrier().await;
    wall.ping().await.expect("wall");
    for (i, p) in phones.iter().enumerate() {
        let want = (hostile(i), Some(hostile(i + 1)), Some(hostile(i + 2)));
        let id = p.participant_id();
        assert_eq!(profile(&fac, id), want, "facilitator's participantJoined");
        assert_eq!(profile(&wall, id), want, "wall's participantJoined");
        assert_eq!(profile(p, id), want, "the phone's own snapshot");
    }

    // Notes, edits and broadcasts in a round.
    fac.command(Command::StartRound).await.expect("start");
    let mut notes = Vec::new();
    for (i, p) in phones.iter_mut().enumerate() {
        let note_id = Uuid::new_v4();
        p.command(Command::PostNote {
            note_id,
            text: format!("{}\n{}", hostile(i), hostile(i + 3)),
            round: None,
        })
        .await
        .unwrap_or_else(|e| panic!("note {i}: {e:?}"));
        notes.push(note_id);
    }
    fac.command(Command::EditNote {
        note_id: notes[0],
        text: hostile(5),
    })
    .await
    .expect("edit");
    for i in 0..n {
        fac.command(Command::Broadcast { text: hostile(i) })
            .await
            .expect("broadcast");
    }
    fac.cafe_barrier().await;
    wall.wait_seq(fac.mirror.seq).await;
    let note_text = |i: usize| {
        if i == 0 {
            hostile(5)
        } else {
            format!("{}\n{}", hostile(i), hostile(i + 3))
        }
    };
    let broadcasts = |c: &TestClient| -> Vec<String> {
        c.mirror
            .applied
            .iter()
            .filter_map(|(_, u)| match u {
                Update::Broadcast { text } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    let all: Vec<String> = (0..n).map(hostile).collect();
    let fresh = TestClient::facilitator(&server, main.cafe_id, &main.facilitator_key).await;
    for (what, c) in [
        ("facilitator", &fac),
        ("wall", &wall),
        ("fresh snapshot", &fresh),
    ] {
        for (i, id) in notes.iter().enumerate() {
            let note = c
                .mirror
                .cafe()
                .notes
                .iter()
                .find(|x| x.note_id == *id)
                .unwrap_or_else(|| panic!("{what}: note {i} missing"));
            assert_eq!(note.text, note_text(i), "{what}: note {i}");
            assert_eq!(note.author_name, hostile(i), "{what}: author of note {i}");
        }
        assert_eq!(
            c.mirror
                .cafe()
                .last_broadcast
                .as_ref()
                .map(|b| b.text.clone()),
            Some(hostile(n - 1)),
            "{what}: last broadcast"
        );
    }
    assert_eq!(broadcasts(&fac), all, "facilitator's broadcast updates");
    assert_eq!(broadcasts(&wall), all, "wall's broadcast updates");
    // Each phone: its own note, and its table's people as the facilitator knows them.
    for (i, p) in phones.iter_mut().enumerate() {
        p.ping().await.expect("phone");
        let view = p.mirror.cafe().clone();
        let own = view
            .notes
            .iter()
            .find(|x| x.note_id == notes[i])
            .expect("own note");
        assert_eq!(own.text, note_text(i), "phone {i}'s note");
        for person in &view.participants {
            assert_eq!(
                profile(p, person.participant_id),
                profile(&fac, person.participant_id),
                "phone {i}'s view of a table-mate"
            );
        }
        assert_eq!(broadcasts(p), all, "phone {i}'s broadcast updates");
    }

    // The raw frames carry them as JSON strings: a wall's snapshot, read as plain JSON.
    let mut raw = RawWs::open(server.addr).await;
    raw.send_text(
        format!(
            r#"{{"type":"hello","auth":{{"as":"wall","joinCode":"{}"}}}}"#,
            main.join_code
        )
        .as_bytes(),
    )
    .await;
    let snapshot: Value =
        serde_json::from_str(&raw.text_containing(r#""type":"snapshot""#).await).expect("JSON");
    let cafe = &snapshot["cafe"];
    assert_eq!(cafe["title"], Value::String(hostile(0)));
    let names: Vec<&Value> = cafe["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| &p["name"])
        .collect();
    for i in 0..n {
        assert!(
            names.contains(&&Value::String(hostile(i))),
            "{}",
            hostile(i)
        );
    }
    assert_eq!(cafe["lastBroadcast"]["text"], Value::String(hostile(n - 1)));
}

#[tokio::test]
async fn ten_thousand_characters_in_any_text_field_are_refused() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 20, 4), 2).await;
    cafe.start_round().await;
    let note = Uuid::new_v4();
    cafe.phones[0]
        .command(Command::PostNote {
            note_id: note,
            text: "a short note".into(),
            round: None,
        })
        .await
        .expect("note");
    cafe.fac.cafe_barrier().await;
    let before = cafe.fac.mirror.seq;
    let long = "x".repeat(10_000);
    // 4-byte characters: 40,000 bytes, still under the 64 KiB message limit, so it is the
    // character count that refuses them.
    let flamingos = "🦩".repeat(10_000);
    let refused = |r: Result<(), ClientError>, what: &str| match r {
        Err(ClientError::Refused(code, _)) => assert_eq!(code, ErrorCode::InvalidInput, "{what}"),
        other => panic!("{what}: {other:?}"),
    };
    let join = |name: &str, organisation: Option<&str>, role: Option<&str>| Auth::Join {
        join_code: cafe.created.join_code.clone(),
        name: name.into(),
        organisation: organisation.map(Into::into),
        role: role.map(Into::into),
        join_key: None,
    };
    for (what, auth) in [
        ("name of 10,000 flamingos", join(&flamingos, None, None)),
        ("organisation", join("Ana", Some(&long), None)),
        ("role", join("Ana", None, Some(&long))),
    ] {
        let mut c = TestClient::connect(&server).await;
        refused(c.hello(auth, None).await.map(|_| ()), what);
    }
    for (what, command) in [
        (
            "note",
            Command::PostNote {
                note_id: Uuid::new_v4(),
                text: long.clone(),
                round: None,
            },
        ),
        (
            "note of flamingos",
            Command::PostNote {
                note_id: Uuid::new_v4(),
                text: flamingos.clone(),
                round: None,
            },
        ),
        (
            "edit",
            Command::EditNote {
                note_id: note,
                text: long.clone(),
            },
        ),
    ] {
        refused(cafe.phones[0].command(command).await.map(|_| ()), what);
    }
    refused(
        cafe.fac
            .command(Command::Broadcast { text: long.clone() })
            .await
            .map(|_| ()),
        "broadcast",
    );
    // Over HTTP: a 10,000-character question.
    let mut req = cafe_request(1, 20, 4);
    req.rounds[0].question = long.clone();
    match server.try_create_cafe(&req).await {
        Err((422, body)) => assert_eq!(body.code, ErrorCode::InvalidInput),
        other => panic!("10,000-character question: {other:?}"),
    }
    cafe.fac.cafe_barrier().await;
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.seq, before, "a refused text was stored");
    assert_eq!(fresh.mirror.cafe().participants.len(), 2);
}

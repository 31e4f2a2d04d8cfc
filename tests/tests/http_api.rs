//! The HTTP API: creating cafés, looking them up, health, the page, and the websocket's
//! origin check.

use flamingo_protocol::{
    CreateCafeRequest, CreateCafeResponse, ErrorBody, ErrorCode, PhaseView, PublicCafeInfo,
    RoundSpec,
};
use flamingo_tests::{TestClient, TestServer, cafe_request};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

const ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

async fn post_raw(server: &TestServer, body: impl Into<reqwest::Body>) -> (u16, String) {
    let resp = reqwest::Client::new()
        .post(server.http_url("/api/cafes"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("http");
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body"))
}

/// Posts `body` and expects an error with `status` and `code`.
async fn expect_refused(
    server: &TestServer,
    what: &str,
    body: String,
    status: u16,
    code: ErrorCode,
) {
    let (got, text) = post_raw(server, body).await;
    assert_eq!(got, status, "{what}: {text}");
    let err: ErrorBody = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{what}: the error is not an ErrorBody ({e}): {text}"));
    assert_eq!(err.code, code, "{what}: {text}");
    assert!(!err.message.is_empty(), "{what}: an error says why");
}

fn valid() -> Value {
    json!({
        "title": "Working across boundaries",
        "tableSize": 4,
        "rounds": [
            { "question": "What gets in the way?", "minutes": 20 },
            { "question": "What have you seen work?", "minutes": 20 },
        ]
    })
}

#[tokio::test]
async fn creating_a_cafe_returns_a_key_and_a_readable_code() {
    let server = TestServer::start().await;
    let (status, text) = post_raw(&server, valid().to_string()).await;
    assert_eq!(status, 201, "{text}");
    let created: CreateCafeResponse = serde_json::from_str(&text).expect("CreateCafeResponse");
    assert_eq!(created.join_code.len(), 6, "{}", created.join_code);
    assert!(
        created.join_code.chars().all(|c| ALPHABET.contains(c)),
        "join code {} uses a letter outside {ALPHABET}",
        created.join_code
    );
    assert!(created.facilitator_key.len() >= 32, "a key worth the name");
    // Many codes, all from the alphabet, all different.
    let mut codes = std::collections::HashSet::new();
    codes.insert(created.join_code.clone());
    for _ in 0..20 {
        let c = server.create_cafe(&cafe_request(1, 10, 4)).await;
        assert!(c.join_code.len() == 6 && c.join_code.chars().all(|ch| ALPHABET.contains(ch)));
        assert!(
            codes.insert(c.join_code),
            "a join code was handed out twice"
        );
    }
    assert_eq!(server.stored_cafes().await.len(), 21);

    // The key opens the café, and the café is what was asked for.
    let fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    let view = fac.mirror.cafe();
    assert_eq!(view.title, "Working across boundaries");
    assert_eq!(view.join_code, created.join_code);
    assert_eq!(view.table_size, 4);
    assert_eq!(view.rounds.len(), 2);
    assert_eq!(view.phase, PhaseView::Lobby);

    // Defaults and trimming.
    let c = server
        .create_cafe(&CreateCafeRequest {
            title: "  Padded title \t".into(),
            table_size: None,
            tables: Some(6),
            rounds: vec![RoundSpec {
                question: "  Why?  ".into(),
                minutes: 240,
            }],
        })
        .await;
    let fac = TestClient::facilitator(&server, c.cafe_id, &c.facilitator_key).await;
    let view = fac.mirror.cafe();
    assert_eq!(view.title, "Padded title");
    assert_eq!(view.table_size, 4, "tableSize defaults to 4");
    assert_eq!(view.physical_tables, Some(6));
    assert_eq!(view.rounds[0].question, "Why?");
}

#[tokio::test]
async fn bad_cafes_are_refused_and_nothing_is_created() {
    let server = TestServer::start().await;
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = valid();
        f(&mut v);
        v.to_string()
    };
    let rounds = |n: usize| {
        Value::Array(
            (0..n)
                .map(|i| json!({ "question": format!("Q{i}"), "minutes": 10 }))
                .collect(),
        )
    };
    let cases: Vec<(&str, String, u16, ErrorCode)> = vec![
        (
            "not JSON",
            "{\"title\": ".into(),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "JSON, wrong shape",
            "[1, 2, 3]".into(),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "no title",
            with(&|v| {
                v.as_object_mut().unwrap().remove("title");
            }),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "title a number",
            with(&|v| v["title"] = json!(7)),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "negative minutes",
            with(&|v| v["rounds"][0]["minutes"] = json!(-5)),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "negative table size",
            with(&|v| v["tableSize"] = json!(-4)),
            400,
            ErrorCode::BadMessage,
        ),
        (
            "0 rounds",
            with(&|v| v["rounds"] = rounds(0)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "13 rounds",
            with(&|v| v["rounds"] = rounds(13)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "tableSize 2",
            with(&|v| v["tableSize"] = json!(2)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "tableSize 9",
            with(&|v| v["tableSize"] = json!(9)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "empty title",
            with(&|v| v["title"] = json!("")),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "blank title",
            with(&|v| v["title"] = json!("   ")),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "201-char title",
            with(&|v| v["title"] = json!("t".repeat(201))),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "10,000-char title",
            with(&|v| v["title"] = json!("t".repeat(10_000))),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "title with a newline",
            with(&|v| v["title"] = json!("two\nlines")),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "0 minutes",
            with(&|v| v["rounds"][0]["minutes"] = json!(0)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "241 minutes",
            with(&|v| v["rounds"][1]["minutes"] = json!(241)),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "empty question",
            with(&|v| v["rounds"][1]["question"] = json!(" ")),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "501-char question",
            with(&|v| v["rounds"][0]["question"] = json!("q".repeat(501))),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            "0 tables",
            with(&|v| v["tables"] = json!(0)),
            422,
            ErrorCode::InvalidInput,
        ),
    ];
    for (what, body, status, code) in cases {
        expect_refused(&server, what, body, status, code).await;
    }
    assert!(
        server.stored_cafes().await.is_empty(),
        "a refused request created a café"
    );
    // The body limit is on bytes: exactly 64 KiB (padded with JSON white space) is read,
    // one byte more is not.
    let padded = |len: usize| {
        let body = valid().to_string();
        format!("{body}{}", " ".repeat(len - body.len()))
    };
    assert_eq!(
        post_raw(&server, padded(65_536)).await.0,
        201,
        "exactly 64 KiB"
    );
    expect_refused(
        &server,
        "64 KiB + 1",
        padded(65_537),
        413,
        ErrorCode::TooLarge,
    )
    .await;
    assert_eq!(server.stored_cafes().await.len(), 1);
    // Over 64 KiB: refused unread.
    let huge = with(&|v| v["title"] = json!("t".repeat(70_000)));
    expect_refused(&server, "70 KB body", huge, 413, ErrorCode::TooLarge).await;
    assert_eq!(
        server.stored_cafes().await.len(),
        1,
        "a refused request created a café"
    );
    // The boundaries themselves are fine.
    let ok = with(&|v| {
        v["title"] = json!("t".repeat(200));
        v["tableSize"] = json!(3);
        v["rounds"] = rounds(12);
    });
    assert_eq!(post_raw(&server, ok).await.0, 201);
    let ok = with(&|v| {
        v["tableSize"] = json!(8);
        v["rounds"] = rounds(1);
    });
    assert_eq!(post_raw(&server, ok).await.0, 201);
    assert_eq!(server.stored_cafes().await.len(), 3);
}

#[tokio::test]
async fn a_cafe_is_found_by_its_code_however_it_is_typed() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(3, 20, 4)).await;
    let code = created.join_code.clone();
    let http = reqwest::Client::new();
    let lower = code.to_lowercase();
    let typed = [
        code.clone(),
        lower.clone(),
        format!("{}-{}", &code[..3], &code[3..]),
        format!("{}-{}", &lower[..3], &lower[3..]),
        format!("{} {}", &code[..3], &code[3..]),
    ];
    for t in typed {
        let resp = http
            .get(server.http_url(&format!("/api/cafes/{t}")))
            .send()
            .await
            .expect("http");
        assert_eq!(resp.status().as_u16(), 200, "{t}");
        let info: PublicCafeInfo = resp.json().await.expect("PublicCafeInfo");
        assert_eq!(info.cafe_id, created.cafe_id, "{t}");
        assert_eq!(info.join_code, code, "shown in canonical form");
        assert_eq!(info.title, "Flight of the Flamingos");
        assert_eq!(info.rounds, 3);
        assert_eq!(info.phase, PhaseView::Lobby);
        assert_eq!(info.participants, 0);
        // Nothing secret in it.
        let text = serde_json::to_string(&info).expect("json");
        assert!(!text.contains(&created.facilitator_key));
    }
    // Participants are counted.
    let _p = TestClient::participant(&server, &lower, "Ana").await;
    let info: PublicCafeInfo = http
        .get(server.http_url(&format!("/api/cafes/{code}")))
        .send()
        .await
        .expect("http")
        .json()
        .await
        .expect("info");
    assert_eq!(info.participants, 1);

    // Unknown or impossible codes: 404 notFound.
    let unknown = if code == "ABCDEF" { "ABCDEG" } else { "ABCDEF" };
    for t in [unknown, "hello!", "ABC", "O0O0O0", "ABCDEFGH"] {
        let resp = http
            .get(server.http_url(&format!("/api/cafes/{t}")))
            .send()
            .await
            .expect("http");
        assert_eq!(resp.status().as_u16(), 404, "{t}");
        let err: ErrorBody = resp.json().await.expect("ErrorBody");
        assert_eq!(err.code, ErrorCode::NotFound, "{t}");
    }
}

#[tokio::test]
async fn health_and_the_page() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    let resp = http
        .get(server.http_url("/healthz"))
        .send()
        .await
        .expect("http");
    assert_eq!(resp.status().as_u16(), 200);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body, json!({ "status": "ok" }));

    let resp = http.get(server.http_url("/")).send().await.expect("http");
    assert_eq!(resp.status().as_u16(), 200);
    let csp = resp
        .headers()
        .get("content-security-policy")
        .expect("a Content-Security-Policy header")
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let content_type = resp
        .headers()
        .get("content-type")
        .expect("content type")
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let html = resp.text().await.expect("body");
    assert!(
        html.to_lowercase().contains("<html"),
        "not a page: {html:.200}"
    );

    // The API answers carry the policy too, and unknown paths are JSON 404s.
    let resp = http
        .get(server.http_url("/no/such/page.html"))
        .send()
        .await
        .expect("http");
    assert_eq!(resp.status().as_u16(), 404);
    assert!(resp.headers().contains_key("content-security-policy"));
    let err: ErrorBody = resp.json().await.expect("ErrorBody");
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn websockets_from_foreign_origins_are_refused() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 10, 4)).await;
    let upgrade = |origin: &str| {
        let mut req = server.ws_url().into_client_request().expect("request");
        req.headers_mut()
            .insert("origin", HeaderValue::from_str(origin).expect("header"));
        req
    };

    for origin in [
        "http://evil.example".to_string(),
        "https://evil.example".to_string(),
        format!("http://{}.evil.example", server.addr),
        format!("http://{}:1", server.addr.ip()),
        format!("ws://{}", server.addr),
        "null".to_string(),
    ] {
        match tokio_tungstenite::connect_async(upgrade(&origin)).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
                assert_eq!(resp.status().as_u16(), 403, "{origin}");
                let body = resp.body().as_ref().expect("a body");
                let err: ErrorBody = serde_json::from_slice(body).expect("ErrorBody");
                assert_eq!(err.code, ErrorCode::Forbidden);
            }
            Err(e) => panic!("{origin}: expected 403, got {e}"),
            Ok(_) => panic!("{origin}: a foreign origin got a websocket"),
        }
    }

    // The server's own origin is fine, and the socket works.
    let own = format!("http://{}", server.addr);
    let (ws, resp) = tokio_tungstenite::connect_async(upgrade(&own))
        .await
        .expect("own origin accepted");
    assert_eq!(resp.status().as_u16(), 101);
    drop(ws);
    let (ws, _) = tokio_tungstenite::connect_async(upgrade(&own))
        .await
        .expect("own origin accepted");
    let mut wall = TestClient::from_stream(ws);
    wall.hello(
        flamingo_protocol::Auth::Wall {
            join_code: created.join_code,
        },
        None,
    )
    .await
    .expect("hello over the accepted socket");
}

#[tokio::test]
async fn the_web_client_pages_and_the_join_qr_code() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(2, 20, 4)).await;
    let http = reqwest::Client::new();
    let get = |path: String| {
        let http = http.clone();
        let url = server.http_url(&path);
        async move { http.get(url).send().await.expect("http") }
    };

    // The phone, wall and console addresses are pages, whatever code they carry.
    for (path, marker) in [
        (format!("/join/{}", created.join_code), "phone.js"),
        ("/join".to_owned(), "phone.js"),
        (format!("/wall/{}", created.join_code), "wall.js"),
        ("/console".to_owned(), "console.js"),
    ] {
        let resp = get(path.clone()).await;
        assert_eq!(resp.status().as_u16(), 200, "{path}");
        assert!(resp.headers().contains_key("content-security-policy"));
        let html = resp.text().await.expect("body");
        assert!(html.contains(marker), "{path} is not the {marker} page");
    }

    // The QR code is an SVG, found by the code however it is typed.
    let code = created.join_code.to_lowercase();
    let resp = get(format!(
        "/api/cafes/{code}/qr.svg?origin=http%3A%2F%2F192.168.1.20%3A8080"
    ))
    .await;
    assert_eq!(resp.status().as_u16(), 200);
    let content_type = resp.headers()["content-type"].to_str().expect("ascii");
    assert_eq!(content_type, "image/svg+xml");
    let svg = resp.text().await.expect("body");
    assert!(svg.contains("<svg"), "{svg:.200}");

    for (path, status, code) in [
        (
            "/api/cafes/ZZZZZZ/qr.svg".to_owned(),
            404,
            ErrorCode::NotFound,
        ),
        (
            format!(
                "/api/cafes/{}/qr.svg?origin=javascript%3Aalert(1)",
                created.join_code
            ),
            422,
            ErrorCode::InvalidInput,
        ),
        (
            format!(
                "/api/cafes/{}/qr.svg?origin=http%3A%2F%2Fevil.example%2Fphish",
                created.join_code
            ),
            422,
            ErrorCode::InvalidInput,
        ),
    ] {
        let resp = get(path.clone()).await;
        assert_eq!(resp.status().as_u16(), status, "{path}");
        let err: ErrorBody = resp.json().await.expect("ErrorBody");
        assert_eq!(err.code, code, "{path}");
    }
}

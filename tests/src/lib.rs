//! Test support: a real Flamingo server on a free port, and typed websocket clients that
//! fold what they receive into a mirror of the café, so tests assert on state, not frames.

pub mod client;
pub mod load;
pub mod mirror;
pub mod postgres;
pub mod process;
pub mod server;

pub use client::{ClientError, TestClient};
pub use mirror::Mirror;
pub use postgres::TestDatabase;
pub use process::{Link, LinkError, ProcessServer};
pub use server::TestServer;

use flamingo_protocol::{
    Command, CreateCafeRequest, CreateCafeResponse, Millis, PhaseView, RoundNo, RoundSpec, Seq,
};

/// How long a test waits for something the server should do at once.
pub const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// `POST /api/cafes` on the server at `base` (e.g. `http://127.0.0.1:1234`): the created café,
/// or the status and error body.
pub async fn create_cafe_at(
    http: &reqwest::Client,
    base: &str,
    req: &CreateCafeRequest,
) -> Result<flamingo_protocol::CreateCafeResponse, (u16, flamingo_protocol::ErrorBody)> {
    let resp = http
        .post(format!("{base}/api/cafes"))
        .json(req)
        .send()
        .await
        .expect("http");
    let status = resp.status().as_u16();
    if status == 201 {
        Ok(resp.json().await.expect("create response"))
    } else {
        Err((status, resp.json().await.expect("error body")))
    }
}

/// If `msg` answers request `request_id`: its ack (seq, duplicate) or its refusal.
pub fn answer_to(
    msg: &flamingo_protocol::ServerMessage,
    request_id: u32,
) -> Option<Result<(flamingo_protocol::Seq, bool), (flamingo_protocol::ErrorCode, String)>> {
    use flamingo_protocol::ServerMessage;
    match msg {
        ServerMessage::Ack {
            request_id: Some(r),
            seq,
            duplicate,
        } if *r == request_id => Some(Ok((*seq, *duplicate))),
        ServerMessage::Error {
            request_id: Some(r),
            code,
            message,
        } if *r == request_id => Some(Err((*code, message.clone()))),
        _ => None,
    }
}

pub fn cafe_request(rounds: usize, minutes: u32, table_size: u32) -> CreateCafeRequest {
    CreateCafeRequest {
        title: "Flight of the Flamingos".into(),
        table_size: Some(table_size),
        tables: None,
        rounds: (1..=rounds)
            .map(|i| RoundSpec {
                question: format!("Question {i}: what would help us work across boundaries?"),
                minutes,
            })
            .collect(),
    }
}

/// The local clock in the server's unit (the test server runs on this machine's clock).
pub fn now_ms() -> Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as Millis
}

/// A café with a facilitator and some phones connected: the common start of most tests.
pub struct TestCafe {
    pub created: CreateCafeResponse,
    pub fac: TestClient,
    pub phones: Vec<TestClient>,
}

impl TestCafe {
    /// Creates the café, connects the facilitator, then joins `people` phones named P0, P1, …
    pub async fn new(server: &TestServer, req: &CreateCafeRequest, people: usize) -> Self {
        let created = server.create_cafe(req).await;
        let fac = TestClient::facilitator(server, created.cafe_id, &created.facilitator_key).await;
        let mut phones = Vec::with_capacity(people);
        for i in 0..people {
            phones
                .push(TestClient::participant(server, &created.join_code, &format!("P{i}")).await);
        }
        let mut cafe = Self {
            created,
            fac,
            phones,
        };
        let seq = cafe.phones.iter().map(|p| p.mirror.seq).max().unwrap_or(1);
        cafe.fac.wait_seq(seq).await;
        cafe
    }

    /// A fresh facilitator connection (with its own snapshot).
    pub async fn facilitator(&self, server: &TestServer) -> TestClient {
        TestClient::facilitator(server, self.created.cafe_id, &self.created.facilitator_key).await
    }

    pub async fn wall(&self, server: &TestServer) -> TestClient {
        TestClient::wall(server, &self.created.join_code).await
    }

    /// Starts the next round and waits until the facilitator and every phone know their
    /// table in it. Returns the round and the ack's seq.
    pub async fn start_round(&mut self) -> (RoundNo, Seq) {
        let seq = self
            .fac
            .command(Command::StartRound)
            .await
            .expect("startRound");
        self.fac.wait_seq(seq).await;
        let PhaseView::Running { round, .. } = self.fac.mirror.cafe().phase else {
            panic!(
                "no round running after startRound: {:?}",
                self.fac.mirror.cafe().phase
            );
        };
        for p in &mut self.phones {
            let me = p.participant_id();
            p.wait_until(&format!("a table in round {round}"), |c| {
                c.mirror.table_of(round, me).is_some()
                    && matches!(c.mirror.cafe().phase, PhaseView::Running { round: r, .. } if r == round)
            })
            .await;
        }
        (round, seq)
    }

    /// Index of the phone of `participant`.
    pub fn phone_index(&self, participant: flamingo_protocol::ParticipantId) -> usize {
        self.phones
            .iter()
            .position(|p| p.participant_id() == participant)
            .expect("no phone for that participant")
    }

    /// Reads every connection up to a ping round trip, so that what the server queued for
    /// them so far has been applied.
    pub async fn settle(&mut self) {
        self.fac.ping().await.expect("facilitator ping");
        for p in &mut self.phones {
            p.ping().await.expect("phone ping");
        }
    }
}

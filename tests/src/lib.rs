//! Test support: a real Flamingo server on a free port, and typed websocket clients that
//! fold what they receive into a mirror of the café, so tests assert on state, not frames.

pub mod client;
pub mod mirror;
pub mod server;

pub use client::{ClientError, TestClient};
pub use mirror::Mirror;
pub use server::TestServer;

use flamingo_protocol::{CreateCafeRequest, RoundSpec};

/// How long a test waits for something the server should do at once.
pub const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A café with `rounds` rounds of `minutes` each, tables of `table_size`.
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

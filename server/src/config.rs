//! Server settings: command-line flags with environment fallbacks. Tests build the same
//! struct with `Config::parse_from`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "flamingo",
    version,
    about = "Flamingo: run a World Café from a laptop"
)]
pub struct Config {
    /// Address to listen on. The default listens on every interface, so that phones on the
    /// same Wi-Fi can reach the facilitator's laptop.
    #[arg(long, env = "FLAMINGO_BIND", default_value = "0.0.0.0:8080")]
    pub bind: SocketAddr,

    /// Directory for the SQLite database (created if missing).
    #[arg(long, env = "FLAMINGO_DATA_DIR", default_value = "./flamingo-data")]
    pub data_dir: PathBuf,

    /// PostgreSQL to keep the cafés in instead of the SQLite file, e.g.
    /// `postgres://flamingo:secret@db:5432/flamingo`. Several server nodes may share one
    /// database; each serves any café. The schema is created or updated at start.
    #[arg(long, env = "FLAMINGO_DATABASE_URL", value_parser = parse_database_url)]
    pub database_url: Option<String>,

    /// Connections this node keeps to PostgreSQL (with `--database-url`).
    #[arg(long, env = "FLAMINGO_DATABASE_CONNECTIONS", default_value_t = 10)]
    pub database_connections: u32,

    /// Extra origins (e.g. https://cafe.example.org) allowed to open websockets, besides the
    /// server's own. Repeat the flag, or separate with commas in the variable.
    #[arg(
        long = "allowed-origin",
        env = "FLAMINGO_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,

    /// Websocket connections served at once; more are refused with 503.
    #[arg(long, env = "FLAMINGO_MAX_CONNECTIONS", default_value_t = 20_000)]
    pub max_connections: usize,

    /// Connections (HTTP or websocket) one address may hold open. High by default: a whole
    /// hall of phones may share one venue NAT address.
    #[arg(
        long,
        env = "FLAMINGO_MAX_CONNECTIONS_PER_ADDRESS",
        default_value_t = 5_000
    )]
    pub max_connections_per_address: usize,

    /// New connections per second one address may open, sustained.
    #[arg(
        long,
        env = "FLAMINGO_NEW_CONNECTIONS_PER_SECOND",
        default_value_t = 200.0
    )]
    pub new_connections_per_second: f64,

    /// New connections one address may open at once above the sustained rate.
    #[arg(
        long,
        env = "FLAMINGO_NEW_CONNECTIONS_BURST",
        default_value_t = 1_000.0
    )]
    pub new_connections_burst: f64,

    /// Log filter, in `tracing` syntax (e.g. `info`, `flamingo_server=debug`).
    #[arg(long, env = "FLAMINGO_LOG", default_value = "info")]
    pub log: String,
}

fn parse_database_url(url: &str) -> Result<String, String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(url.to_owned())
    } else {
        Err(
            "expected a PostgreSQL URL (postgres://user:password@host:5432/database); \
             leave it out to use the SQLite file in --data-dir"
                .into(),
        )
    }
}

impl Config {
    /// Where the cafés are kept, for the log (a database URL without its password).
    pub fn storage_description(&self) -> String {
        match &self.database_url {
            Some(url) => crate::storage::redact_url(url),
            None => self.data_dir.join("flamingo.sqlite3").display().to_string(),
        }
    }

    /// Defaults for a server on `data_dir`, as the CLI would give them.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        let mut c = Self::parse_from(["flamingo"]);
        c.data_dir = data_dir.into();
        c
    }
}

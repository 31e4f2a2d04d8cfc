//! The server's settings as one plain struct. The binary fills it from flags and `FLAMINGO_*`
//! variables ([`crate::cli`]); tests build it with [`Config::default`] or
//! [`Config::with_data_dir`], which read neither, so a developer's environment never changes
//! what a test runs against.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// Directory for the SQLite database (created if missing).
    pub data_dir: PathBuf,
    /// PostgreSQL to keep the cafés in instead of the SQLite file; several nodes may share it.
    pub database_url: Option<String>,
    /// Connections this node keeps to PostgreSQL (with `database_url`).
    pub database_connections: u32,
    /// Extra origins allowed to open websockets, besides the server's own.
    pub allowed_origins: Vec<String>,
    /// Websocket connections served at once; more are refused with 503.
    pub max_connections: usize,
    /// Connections (HTTP or websocket) one address may hold open.
    pub max_connections_per_address: usize,
    /// New connections per second one address may open, sustained.
    pub new_connections_per_second: f64,
    /// New connections one address may open at once above the sustained rate.
    pub new_connections_burst: f64,
}

impl Default for Config {
    /// The defaults the command line documents (README, `flamingo --help`).
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./flamingo-data"),
            database_url: None,
            database_connections: 10,
            allowed_origins: Vec::new(),
            max_connections: 20_000,
            // High: a whole hall of phones may share one venue NAT address.
            max_connections_per_address: 5_000,
            new_connections_per_second: 200.0,
            new_connections_burst: 1_000.0,
        }
    }
}

impl Config {
    /// The defaults, on `data_dir`.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            ..Self::default()
        }
    }

    /// Where the cafés are kept, for the log (a database URL without its password).
    pub fn storage_description(&self) -> String {
        match &self.database_url {
            Some(url) => crate::storage::redact_url(url),
            None => self.data_dir.join("flamingo.sqlite3").display().to_string(),
        }
    }
}

//! The `flamingo` command line: flags with environment fallbacks (clap), turned into a
//! [`Config`], then logging, signals and [`serve`]. Both binaries that run the server (the
//! `flamingo` shipped and the copy the end-to-end tests build) are this one function.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use crate::{Config, serve};

#[derive(Debug, Clone, Parser)]
#[command(
    name = "flamingo",
    version,
    about = "Flamingo: run a World Café from a laptop"
)]
pub struct Cli {
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
    #[arg(long, env = "FLAMINGO_DATABASE_CONNECTIONS", default_value_t = Config::default().database_connections)]
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
    #[arg(long, env = "FLAMINGO_MAX_CONNECTIONS", default_value_t = Config::default().max_connections)]
    pub max_connections: usize,

    /// Connections (HTTP or websocket) one address may hold open. High by default: a whole
    /// hall of phones may share one venue NAT address.
    #[arg(
        long,
        env = "FLAMINGO_MAX_CONNECTIONS_PER_ADDRESS",
        default_value_t = Config::default().max_connections_per_address
    )]
    pub max_connections_per_address: usize,

    /// New connections per second one address may open, sustained.
    #[arg(
        long,
        env = "FLAMINGO_NEW_CONNECTIONS_PER_SECOND",
        default_value_t = Config::default().new_connections_per_second
    )]
    pub new_connections_per_second: f64,

    /// New connections one address may open at once above the sustained rate.
    #[arg(
        long,
        env = "FLAMINGO_NEW_CONNECTIONS_BURST",
        default_value_t = Config::default().new_connections_burst
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

impl Cli {
    /// The server's settings, without the binary's own (address, log filter).
    pub fn config(&self) -> Config {
        Config {
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
            database_connections: self.database_connections,
            allowed_origins: self.allowed_origins.clone(),
            max_connections: self.max_connections,
            max_connections_per_address: self.max_connections_per_address,
            new_connections_per_second: self.new_connections_per_second,
            new_connections_burst: self.new_connections_burst,
        }
    }
}

/// The binary: parses the command line, serves until SIGINT or SIGTERM.
#[tokio::main]
pub async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_new(&cli.log).context("invalid --log filter")?)
        .init();
    let listener = listen(cli.bind).with_context(|| format!("cannot listen on {}", cli.bind))?;
    serve(listener, cli.config(), shutdown_signal()).await?;
    Ok(())
}

/// A listener with a deep accept backlog: a room of phones joining at once should queue, not
/// wait out a SYN retransmission (the standard library's backlog is 128).
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// SIGINT (Ctrl-C) or SIGTERM (service managers, containers).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without flags or variables, the command line gives exactly the test defaults.
    #[test]
    fn the_command_lines_defaults_are_the_configs() {
        let cli = Cli::try_parse_from(["flamingo"]).expect("no flags needed");
        let (from_cli, default) = (cli.config(), Config::default());
        if std::env::vars().any(|(k, _)| k.starts_with("FLAMINGO_")) {
            return; // The environment fills the command line here; nothing to compare.
        }
        assert_eq!(format!("{from_cli:?}"), format!("{default:?}"));
    }
}

//! The command line. The scenario functions take these structs, so the smoke test builds
//! them directly.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "flamingo-load",
    about = "Drives a Flamingo server with real websocket clients and measures it against a bare broadcast floor"
)]
pub struct Cli {
    #[command(subcommand)]
    pub scenario: Scenario,
}

#[derive(Debug, Subcommand)]
pub enum Scenario {
    /// Cafés with phones, walls and a facilitator running rounds while hosts post notes
    /// (`--rounds 0` only holds the connections).
    Run(RunOptions),
    /// Phones joining one café all at once while a round runs.
    Storm(StormOptions),
    /// Room-wide broadcasts to one café at rising rates, until p99 passes a limit.
    Sweep(SweepOptions),
    /// Serve the floor (the bare broadcast server) and print its address.
    Floor {
        #[arg(long, default_value = "127.0.0.1:0")]
        bind: SocketAddr,
    },
}

/// Where the servers are and how clients reach them.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// A Flamingo server already running (host:port); otherwise one is started from the
    /// `flamingo` binary next to this one, on a temporary data directory.
    #[arg(long)]
    pub flamingo: Option<SocketAddr>,
    /// The pid of that server, to read its memory and CPU time.
    #[arg(long)]
    pub flamingo_pid: Option<u32>,
    /// Extra flags for the Flamingo server the generator starts (repeat).
    #[arg(long = "server-arg", allow_hyphen_values = true)]
    pub server_args: Vec<String>,
    /// Flamingo nodes to start, clients taking turns over them; more than one needs a shared
    /// database: `--server-arg=--database-url --server-arg=postgres://…`.
    #[arg(long, default_value_t = 1)]
    pub nodes: usize,
    /// Skip the floor run.
    #[arg(long)]
    pub no_floor: bool,
    /// Loopback source addresses to spread clients over (127.0.0.2, …); by default one per
    /// 500 clients, so the server's per-address limits stay out of the way.
    #[arg(long)]
    pub sources: Option<usize>,
    /// Connections being opened at once.
    #[arg(long, default_value_t = 256)]
    pub concurrency: usize,
}

impl Default for Common {
    fn default() -> Self {
        Self {
            flamingo: None,
            flamingo_pid: None,
            server_args: Vec::new(),
            nodes: 1,
            no_floor: false,
            sources: None,
            concurrency: 256,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct RunOptions {
    #[command(flatten)]
    pub common: Common,
    /// Cafés.
    #[arg(long, default_value_t = 1)]
    pub cafes: usize,
    /// Phones in all, spread evenly over the cafés.
    #[arg(long, default_value_t = 100)]
    pub phones: usize,
    /// Walls per café.
    #[arg(long, default_value_t = 1)]
    pub walls: usize,
    #[arg(long, default_value_t = 5)]
    pub table_size: u32,
    /// Rounds each facilitator runs; 0 holds the connections for the duration.
    #[arg(long, default_value_t = 1)]
    pub rounds: u32,
    /// Seconds of notes per round (of holding, with `--rounds 0`).
    #[arg(long, default_value_t = 10.0)]
    pub seconds: f64,
    /// Notes per second posted by table hosts, over all cafés.
    #[arg(long, default_value_t = 0.0)]
    pub note_rate: f64,
    /// Seconds between the last client connecting and round 1: the facilitator's welcome,
    /// in which Flamingo plans round 1 ahead. 0 starts at once, planning on the command.
    #[arg(long, default_value_t = 0.0)]
    pub welcome: f64,
    /// Seconds over which the facilitators press *Start*, evenly spaced, as in a hall where
    /// each café keeps its own time. 0 has every facilitator press it in the same instant.
    #[arg(long, default_value_t = 0.0)]
    pub start_spread: f64,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            common: Common::default(),
            cafes: 1,
            phones: 100,
            walls: 1,
            table_size: 5,
            rounds: 1,
            seconds: 10.0,
            note_rate: 0.0,
            welcome: 0.0,
            start_spread: 0.0,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct StormOptions {
    #[command(flatten)]
    pub common: Common,
    /// Phones joining at once.
    #[arg(long, default_value_t = 2_000)]
    pub phones: usize,
    /// Phones in the café before the round starts.
    #[arg(long, default_value_t = 10)]
    pub seed: usize,
    #[arg(long, default_value_t = 5)]
    pub table_size: u32,
}

#[derive(Debug, Clone, Args)]
pub struct SweepOptions {
    #[command(flatten)]
    pub common: Common,
    #[arg(long, default_value_t = 1_000)]
    pub phones: usize,
    /// Broadcasts per second to try, in order.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "10,20,30,40,50,60,70,80,100,120,160,200,240,320"
    )]
    pub rates: Vec<f64>,
    /// Seconds at each rate.
    #[arg(long, default_value_t = 5.0)]
    pub seconds: f64,
    /// The p99 (ms) above which a rate fails.
    #[arg(long, default_value_t = 100.0)]
    pub limit_ms: f64,
}

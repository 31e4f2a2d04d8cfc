//! The servers a run measures: Flamingo (a child process it starts, or one already running)
//! and the floor (a child process, or a thread for the smoke test).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Stdio};

use anyhow::{Context, bail};
use flamingo_protocol::{CreateCafeRequest, CreateCafeResponse};

use super::conn::Dialect;
use super::proc_stats::ProcStats;
use crate::process::{ProcessOptions, ProcessServer};

/// A server under measurement: one process, or several Flamingo nodes sharing a database.
pub struct Target {
    pub dialect: Dialect,
    /// Where cafés are created and the first client connects.
    pub addr: SocketAddr,
    /// Whose memory and CPU to read; none when it is this process or unknown.
    pub pid: Option<u32>,
    /// More Flamingo nodes on the same database: clients are spread over all nodes, and
    /// memory and CPU are summed over them.
    others: Vec<Target>,
    http: reqwest::Client,
    /// What must live as long as the target: the child it runs as.
    _keep: Keep,
}

/// Dropping it stops the child.
enum Keep {
    Nothing,
    Flamingo { _server: Box<ProcessServer> },
    Floor { _child: FloorChild },
}

impl Target {
    /// A Flamingo server already running at `addr` (pid `pid`, if known).
    pub fn flamingo_at(addr: SocketAddr, pid: Option<u32>) -> Self {
        Self::new(Dialect::Flamingo, addr, pid, Keep::Nothing)
    }

    /// A fresh Flamingo child on a temporary data directory, with `args` for it.
    pub async fn start_flamingo(args: Vec<String>) -> Self {
        let server = ProcessServer::start_with(ProcessOptions {
            fsize_limit: None,
            log: Some("info".into()),
            args,
        })
        .await;
        Self::new(
            Dialect::Flamingo,
            server.addr(),
            server.pid(),
            Keep::Flamingo {
                _server: Box::new(server),
            },
        )
    }

    /// `nodes` Flamingo children started with the same `args`; for more than one, the args
    /// must name a shared database (`--database-url postgres://…`).
    pub async fn start_flamingo_nodes(nodes: usize, args: Vec<String>) -> Self {
        let mut first = Self::start_flamingo(args.clone()).await;
        for _ in 1..nodes {
            first.others.push(Self::start_flamingo(args.clone()).await);
        }
        first
    }

    /// The node client `index` connects to: clients take turns over the nodes.
    pub fn node_for(&self, index: usize) -> SocketAddr {
        match index % (1 + self.others.len()) {
            0 => self.addr,
            i => self.others[i - 1].addr,
        }
    }

    /// A floor already serving at `addr`.
    pub fn floor_at(addr: SocketAddr, pid: Option<u32>) -> Self {
        Self::new(Dialect::Floor, addr, pid, Keep::Nothing)
    }

    /// The floor as a child process (`flamingo-load floor`), so that its CPU and memory are
    /// its own.
    pub fn start_floor() -> anyhow::Result<Self> {
        let child = FloorChild::spawn()?;
        let (addr, pid) = (child.addr, child.child.id());
        Ok(Self::new(
            Dialect::Floor,
            addr,
            Some(pid),
            Keep::Floor { _child: child },
        ))
    }

    fn new(dialect: Dialect, addr: SocketAddr, pid: Option<u32>, keep: Keep) -> Self {
        Self {
            dialect,
            addr,
            pid,
            others: Vec::new(),
            http: reqwest::Client::new(),
            _keep: keep,
        }
    }

    pub fn name(&self) -> &'static str {
        match self.dialect {
            Dialect::Flamingo => "flamingo",
            Dialect::Floor => "floor",
        }
    }

    pub fn stats(&self) -> Option<ProcStats> {
        let mut total = self.pid.and_then(|p| ProcStats::read(p).ok())?;
        for other in &self.others {
            let s = other.stats()?;
            total.rss_bytes += s.rss_bytes;
            total.cpu_seconds += s.cpu_seconds;
        }
        Some(total)
    }

    pub async fn create_cafe(&self, req: &CreateCafeRequest) -> anyhow::Result<CreateCafeResponse> {
        crate::create_cafe_at(&self.http, &format!("http://{}", self.addr), req)
            .await
            .map_err(|(status, body)| anyhow::anyhow!("create café: {status} {body:?}"))
    }
}

struct FloorChild {
    child: Child,
    addr: SocketAddr,
}

impl FloorChild {
    fn spawn() -> anyhow::Result<Self> {
        let exe = std::env::current_exe().context("the generator's path")?;
        let mut child = std::process::Command::new(exe)
            .args(["floor", "--bind", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .context("start the floor")?;
        let stdout = child.stdout.take().context("floor stdout")?;
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .context("read the floor's address")?;
        let Some(addr) = line.trim().strip_prefix("floor listening on ") else {
            let _ = child.kill();
            bail!("the floor said {line:?}");
        };
        let addr = addr.parse().context("the floor's address")?;
        Ok(Self { child, addr })
    }
}

impl Drop for FloorChild {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

//! Opening many clients at once, spread over loopback source addresses.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::clock::now_us;
use super::conn::{Client, Metrics, Spec};
use super::histogram::Histogram;

/// Connections per loopback source address when the caller does not say: well inside the
/// server's per-address defaults (5,000 open, a burst of 1,000 new), so a run measures the
/// server, not its abuse limits.
pub const PER_SOURCE: usize = 500;

/// The source address of client `i` of `n`: 127.0.0.2, 127.0.0.3, … (Linux routes all of
/// 127/8 to the loopback device), or none (the kernel's choice) for a single source.
pub fn source(i: usize, sources: usize) -> Option<IpAddr> {
    (sources > 1).then(|| {
        let k = (i % sources) as u32 + 2;
        IpAddr::V4(Ipv4Addr::from(u32::from(Ipv4Addr::new(127, 0, 0, 0)) + k))
    })
}

/// How many source addresses `clients` need (`requested`, or one per `PER_SOURCE`).
pub fn sources_for(clients: usize, requested: Option<usize>) -> usize {
    requested.unwrap_or(clients.div_ceil(PER_SOURCE)).max(1)
}

/// The outcome of opening a batch of clients.
pub struct Opened {
    /// In the order of the specs; a client that failed to open is missing (and counted as
    /// an error in the metrics).
    pub clients: Vec<Option<Client>>,
    /// Per client: from the start of the batch until it was ready.
    pub ready: Histogram,
    /// From the start of the batch until the last client was ready.
    pub all_ready: Duration,
}

/// Opens every spec, at most `concurrency` at a time.
pub async fn open_all(specs: Vec<Spec>, concurrency: usize, metrics: &Arc<Metrics>) -> Opened {
    let start = now_us();
    let gate = Arc::new(Semaphore::new(concurrency.max(1)));
    let tasks: Vec<_> = specs
        .into_iter()
        .map(|spec| {
            let gate = gate.clone();
            let metrics = metrics.clone();
            tokio::spawn(async move {
                let _permit = gate.acquire_owned().await.expect("gate open");
                Client::open(spec, metrics).await
            })
        })
        .collect();
    let mut clients = Vec::with_capacity(tasks.len());
    let mut ready = Histogram::default();
    let mut last = start;
    for t in tasks {
        match t.await {
            Ok(Ok(c)) => {
                ready.record(c.ready_us.saturating_sub(start));
                last = last.max(c.ready_us);
                clients.push(Some(c));
            }
            Ok(Err(e)) => {
                metrics.problem(format!("open: {e}"));
                clients.push(None);
            }
            Err(e) => {
                metrics.problem(format!("open task: {e}"));
                clients.push(None);
            }
        }
    }
    Opened {
        clients,
        ready,
        all_ready: Duration::from_micros(last - start),
    }
}

/// Polls `done` until it holds or `within` passes; true if it held. What is measured is
/// timestamped where it arrives, so the polling interval does not bend any figure.
pub async fn wait_until(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if done() {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_rotate_from_127_0_0_2() {
        assert_eq!(source(0, 1), None);
        assert_eq!(source(0, 3), Some("127.0.0.2".parse().expect("ip")));
        assert_eq!(source(4, 3), Some("127.0.0.3".parse().expect("ip")));
        assert_eq!(sources_for(10_000, None), 20);
        assert_eq!(sources_for(10, None), 1);
    }
}

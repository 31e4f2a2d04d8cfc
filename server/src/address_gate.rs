//! Per-address admission: how many connections one address may hold open, and how fast it may
//! open new ones. Generous on purpose: a whole conference hall can sit behind one venue NAT.

use std::net::IpAddr;
use std::sync::Arc;

use dashmap::DashMap;
use flamingo_protocol::Millis;

use crate::rate::TokenBucket;

#[derive(Debug, Clone, Copy)]
pub struct AddressLimits {
    /// Connections (HTTP or websocket) one address may hold open at once.
    pub max_open: usize,
    /// New connections per second one address may open, sustained.
    pub per_second: f64,
    /// New connections one address may open at once above the sustained rate.
    pub burst: f64,
}

struct Entry {
    open: usize,
    bucket: TokenBucket,
    last_seen: Millis,
}

#[derive(Clone)]
pub struct AddressGate {
    limits: AddressLimits,
    entries: Arc<DashMap<IpAddr, Entry>>,
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    TooManyOpen,
    TooFast,
}

/// Holds one open connection's place; dropping it frees the place.
pub struct Admitted {
    gate: AddressGate,
    ip: IpAddr,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if let Some(mut e) = self.gate.entries.get_mut(&self.ip) {
            e.open = e.open.saturating_sub(1);
        }
    }
}

/// Entries idle this long with nothing open are forgotten, so the map stays small.
const FORGET_AFTER_MS: Millis = 60_000;

impl AddressGate {
    pub fn new(limits: AddressLimits) -> Self {
        Self {
            limits,
            entries: Arc::new(DashMap::new()),
        }
    }

    pub fn admit(&self, ip: IpAddr, now: Millis) -> Result<Admitted, Refusal> {
        let mut e = self.entries.entry(ip).or_insert_with(|| Entry {
            open: 0,
            bucket: TokenBucket::new(self.limits.per_second, self.limits.burst),
            last_seen: now,
        });
        e.last_seen = now;
        if e.open >= self.limits.max_open {
            return Err(Refusal::TooManyOpen);
        }
        if !e.bucket.take(now) {
            return Err(Refusal::TooFast);
        }
        e.open += 1;
        drop(e);
        Ok(Admitted {
            gate: self.clone(),
            ip,
        })
    }

    /// Forgets addresses with nothing open that have been quiet for a while.
    pub fn sweep(&self, now: Millis) {
        self.entries
            .retain(|_, e| e.open > 0 || now - e.last_seen < FORGET_AFTER_MS);
    }

    pub fn tracked(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(max_open: usize, per_second: f64, burst: f64) -> AddressGate {
        AddressGate::new(AddressLimits {
            max_open,
            per_second,
            burst,
        })
    }

    #[test]
    fn open_connections_are_capped_and_freed_on_drop() {
        let g = gate(2, 1000.0, 1000.0);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let a = g.admit(ip, 0).unwrap();
        let _b = g.admit(ip, 0).unwrap();
        assert_eq!(g.admit(ip, 0).err(), Some(Refusal::TooManyOpen));
        drop(a);
        assert!(g.admit(ip, 0).is_ok());
        let other: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(g.admit(other, 0).is_ok(), "limits are per address");
    }

    #[test]
    fn new_connections_are_rate_limited() {
        let g = gate(1000, 10.0, 5.0);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let mut held = Vec::new();
        for _ in 0..5 {
            held.push(g.admit(ip, 0).unwrap());
        }
        assert_eq!(g.admit(ip, 0).err(), Some(Refusal::TooFast));
        assert!(g.admit(ip, 200).is_ok(), "tokens come back with time");
    }

    #[test]
    fn sweep_forgets_idle_addresses_only() {
        let g = gate(10, 10.0, 10.0);
        let busy: IpAddr = "10.0.0.1".parse().unwrap();
        let idle: IpAddr = "10.0.0.2".parse().unwrap();
        let _held = g.admit(busy, 0).unwrap();
        drop(g.admit(idle, 0).unwrap());
        g.sweep(FORGET_AFTER_MS + 1);
        assert_eq!(g.tracked(), 1);
    }
}

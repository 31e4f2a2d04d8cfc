//! Latency samples in microseconds, kept whole: a run records at most a few million, and
//! exact percentiles beat a bucketed estimate when two servers are compared.

use serde_json::{Value, json};

#[derive(Debug, Clone, Default)]
pub struct Histogram {
    samples: Vec<u64>,
    sorted: bool,
}

impl Histogram {
    pub fn record(&mut self, us: u64) {
        self.samples.push(us);
        self.sorted = false;
    }

    pub fn merge(&mut self, other: &Histogram) {
        self.samples.extend_from_slice(&other.samples);
        self.sorted = false;
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    fn sort(&mut self) {
        if !self.sorted {
            self.samples.sort_unstable();
            self.sorted = true;
        }
    }

    /// The nearest-rank percentile `pct` (0–100), in microseconds; 0 when empty.
    pub fn percentile(&mut self, pct: f64) -> u64 {
        self.sort();
        if self.samples.is_empty() {
            return 0;
        }
        let rank = ((pct / 100.0) * self.samples.len() as f64).ceil() as usize;
        self.samples[rank.clamp(1, self.samples.len()) - 1]
    }

    pub fn max(&mut self) -> u64 {
        self.percentile(100.0)
    }

    /// `{n, p50, p99, max}` in milliseconds.
    pub fn summary(&mut self) -> Summary {
        Summary {
            n: self.len(),
            p50_ms: ms(self.percentile(50.0)),
            p99_ms: ms(self.percentile(99.0)),
            max_ms: ms(self.max()),
        }
    }
}

fn ms(us: u64) -> f64 {
    (us as f64 / 1000.0 * 100.0).round() / 100.0
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Summary {
    pub fn json(&self) -> Value {
        json!({ "n": self.n, "p50_ms": self.p50_ms, "p99_ms": self.p99_ms, "max_ms": self.max_ms })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let mut h = Histogram::default();
        for us in (1..=100).rev() {
            h.record(us * 1000);
        }
        assert_eq!(h.percentile(50.0), 50_000);
        assert_eq!(h.percentile(99.0), 99_000);
        assert_eq!(h.max(), 100_000);
        assert_eq!(h.summary().p99_ms, 99.0);
        assert_eq!(Histogram::default().percentile(99.0), 0);
    }
}

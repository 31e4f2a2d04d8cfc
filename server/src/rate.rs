//! A token bucket: `rate` tokens a second, holding at most `burst`.

use flamingo_protocol::Millis;

#[derive(Debug, Clone)]
pub struct TokenBucket {
    rate_per_ms: f64,
    burst: f64,
    tokens: f64,
    last: Option<Millis>,
}

impl TokenBucket {
    pub fn new(rate_per_second: f64, burst: f64) -> Self {
        Self {
            rate_per_ms: rate_per_second / 1000.0,
            burst,
            tokens: burst,
            last: None,
        }
    }

    /// Takes one token if there is one.
    pub fn take(&mut self, now: Millis) -> bool {
        let elapsed = self.last.map_or(0, |l| (now - l).max(0)) as f64;
        self.last = Some(now);
        self.tokens = (self.tokens + elapsed * self.rate_per_ms).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_burst_then_the_rate() {
        let mut b = TokenBucket::new(20.0, 40.0);
        let allowed = (0..100).filter(|_| b.take(1_000)).count();
        assert_eq!(allowed, 40);
        // One second later, twenty more.
        let allowed = (0..100).filter(|_| b.take(2_000)).count();
        assert_eq!(allowed, 20);
    }
}

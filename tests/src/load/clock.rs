//! One monotonic time base for the whole generator: every sender and receiver is in this
//! process, so a timestamp written into a message is compared with the same clock on arrival.

use std::sync::OnceLock;
use std::time::Instant;

static ORIGIN: OnceLock<Instant> = OnceLock::new();

/// Microseconds since the generator started.
pub fn now_us() -> u64 {
    ORIGIN.get_or_init(Instant::now).elapsed().as_micros() as u64
}

//! The next round's seating plan, made while the café is still, so that *Start* does not wait
//! for the planner (see `engine::plan_ahead`).
//!
//! Once the café has not changed for [`STILL`], its owner hands a copy to the blocking pool to
//! plan; a change meanwhile makes that plan useless (the engine only takes a plan made at the
//! café's current seq) and starts the wait again. So a lobby filling up plans once it pauses,
//! not once per arrival, and a café's task never spends its own time planning ahead.

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::Instant;

use crate::engine::{self, Cafe, Phase, PlannedAhead};

/// How long a café stays unchanged before its next round is planned. Long enough that a
/// lobby filling at a few arrivals a second does not plan for each; short next to the time a
/// facilitator takes between the last arrival and pressing *Start*.
const STILL: Duration = Duration::from_millis(300);

#[derive(Debug, Default)]
pub struct Lookahead {
    /// The café's seq when it was last looked at.
    seen: u64,
    /// When to start planning, if the café stays as it is.
    due: Option<Instant>,
    /// A plan being made on the blocking pool, and the seq it is for.
    making: Option<(u64, oneshot::Receiver<Option<PlannedAhead>>)>,
    ready: Option<PlannedAhead>,
}

impl Lookahead {
    /// Notes a change to the café, if there was one since the last look: what was planned is
    /// out of date, and a café between rounds plans again once it is still.
    pub fn look(&mut self, cafe: &Cafe) {
        if cafe.seq == self.seen {
            return;
        }
        self.seen = cafe.seq;
        self.ready = None;
        self.due = matches!(cafe.phase, Phase::Lobby | Phase::BetweenRounds { .. })
            .then(|| Instant::now() + STILL);
    }

    /// When the owner should call [`Lookahead::start`]: at most one plan is made at a time.
    pub fn due(&self) -> Option<Instant> {
        self.due.filter(|_| self.making.is_none())
    }

    /// Starts planning on a copy of the café, on the blocking pool.
    pub fn start(&mut self, cafe: &Cafe) {
        self.due = None;
        let (tx, rx) = oneshot::channel();
        let copy = cafe.clone();
        tokio::task::spawn_blocking(move || {
            let _ = tx.send(engine::plan_ahead(&copy));
        });
        self.making = Some((cafe.seq, rx));
    }

    /// Waits for the plan being made, if one is.
    pub async fn made(&mut self) {
        let Some((_, rx)) = self.making.as_mut() else {
            return std::future::pending::<()>().await;
        };
        // A planner that panicked leaves nothing; `startRound` then plans as it always could.
        let plan = rx.await.ok().flatten();
        self.making = None;
        self.ready = plan.filter(|p| p.seq() == self.seen);
    }

    /// Whether a plan for the café as it is now is being made (worth waiting for rather than
    /// planning the same again).
    pub fn making_for(&self, cafe: &Cafe) -> bool {
        self.making
            .as_ref()
            .is_some_and(|(seq, _)| *seq == cafe.seq)
    }

    /// The plan for the next round, if one is ready; the engine checks it is for the café as
    /// it is.
    pub fn take(&mut self) -> Option<PlannedAhead> {
        self.ready.take()
    }

    /// Gives back a plan [`Lookahead::take`] gave, if the café is still as it was planned for.
    pub fn put_back(&mut self, plan: Option<PlannedAhead>, cafe: &Cafe) {
        self.ready = plan.filter(|p| p.seq() == cafe.seq);
    }
}

//! The next round's seating plan, made while the café is still, so that *Start* does not wait
//! for the planner (see `engine::plan_ahead`).
//!
//! Once the café has not changed for [`STILL`], its owner hands a copy to the blocking pool to
//! plan; a change meanwhile makes that plan useless (the engine only takes a plan made at the
//! café's current seq) and starts the wait again. So a lobby filling up plans once it pauses,
//! not once per arrival, and a café's task never spends its own time planning ahead.
//! A `startRound` that comes before the plan is ready does not wait for it: it plans on the
//! spot, as it would without this.

use std::sync::LazyLock;
use std::time::Duration;

use tokio::sync::{Semaphore, oneshot};
use tokio::time::Instant;

use crate::engine::{self, Cafe, Phase, PlannedAhead};

/// How long a café stays unchanged before its next round is planned. Long enough that a
/// lobby filling at a few arrivals a second does not plan for each; short next to the time a
/// facilitator takes between the last arrival and pressing *Start*.
const STILL: Duration = Duration::from_millis(300);

/// Plans being made ahead at once, over the whole server: one per core. It is background
/// work, and a hall of cafés that fall still together must not start a thread each.
static PLANNERS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

#[derive(Debug, Default)]
pub struct Lookahead {
    /// The café's seq when it was last looked at.
    seen: u64,
    /// When to start planning, if the café stays as it is.
    due: Option<Instant>,
    /// A plan being made (or waiting for a planner) for the café as it is.
    making: Option<oneshot::Receiver<Option<PlannedAhead>>>,
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
        // Dropping the receiver tells a plan still waiting for a planner not to start.
        self.making = None;
        self.due = matches!(cafe.phase, Phase::Lobby | Phase::BetweenRounds { .. })
            .then(|| Instant::now() + STILL);
    }

    /// When the owner should call [`Lookahead::start`]: at most one plan is made at a time.
    pub fn due(&self) -> Option<Instant> {
        self.due.filter(|_| self.making.is_none())
    }

    /// Starts planning on a copy of the café, on the blocking pool once a planner is free.
    pub fn start(&mut self, cafe: &Cafe) {
        self.due = None;
        let (tx, rx) = oneshot::channel();
        let copy = cafe.clone();
        tokio::spawn(async move {
            let Ok(_planner) = PLANNERS.acquire().await else {
                return;
            };
            // The café changed, or started its round, while this waited: nobody needs it.
            if tx.is_closed() {
                return;
            }
            if let Ok(plan) = tokio::task::spawn_blocking(move || engine::plan_ahead(&copy)).await {
                let _ = tx.send(plan);
            }
        });
        self.making = Some(rx);
    }

    /// Waits for the plan being made, if one is.
    pub async fn made(&mut self) {
        let Some(rx) = self.making.as_mut() else {
            return std::future::pending::<()>().await;
        };
        // A planner that panicked leaves nothing; `startRound` then plans as it always could.
        let plan = rx.await.ok().flatten();
        self.making = None;
        self.ready = plan.filter(|p| p.seq() == self.seen);
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

#[cfg(test)]
mod tests {
    use flamingo_protocol::{Command, CreateCafeRequest, RoundSpec};

    use super::*;
    use crate::engine::{Actor, Input, NewCafe, Recorded};

    fn record(cafe: &mut Cafe, input: Input) {
        for event in engine::decide(cafe, &input, 0).expect("accepted") {
            let seq = cafe.seq + 1;
            cafe.apply(&Recorded { seq, at: 0, event });
        }
    }

    fn join(cafe: &mut Cafe, n: u128) {
        let input = Input::Join {
            participant_id: uuid::Uuid::from_u128(n),
            name: format!("P{n}"),
            organisation: None,
            role: None,
            token_hash: String::new(),
        };
        record(cafe, input);
    }

    fn lobby(people: u128) -> Cafe {
        let req = CreateCafeRequest {
            title: "Ahead".into(),
            table_size: Some(4),
            tables: None,
            rounds: vec![
                RoundSpec {
                    question: "Why?".into(),
                    minutes: 20,
                };
                3
            ],
        };
        let new = NewCafe {
            cafe_id: uuid::Uuid::from_u128(1),
            join_code: "AHEAD".into(),
            facilitator_key_hash: String::new(),
            seed: 3,
        };
        let event = engine::create(&req, new).expect("valid");
        let mut cafe = Cafe::from_created(&Recorded {
            seq: 1,
            at: 0,
            event,
        })
        .expect("created");
        for n in 1..=people {
            join(&mut cafe, n);
        }
        cafe
    }

    #[tokio::test]
    async fn a_still_lobby_gets_its_plan_and_a_change_drops_it() {
        let mut cafe = lobby(9);
        let mut ahead = Lookahead::default();
        ahead.look(&cafe);
        let due = ahead.due().expect("a lobby plans ahead");
        assert!(due > Instant::now() && due <= Instant::now() + STILL);

        ahead.start(&cafe);
        assert_eq!(ahead.due(), None, "one plan at a time");
        ahead.made().await;
        let plan = ahead.take().expect("a plan for nine");
        assert_eq!(plan.seq(), cafe.seq);
        assert_eq!(Some(&plan), engine::plan_ahead(&cafe).as_ref());
        ahead.put_back(Some(plan), &cafe);

        // Someone arrives: the plan is gone, and the wait starts again.
        join(&mut cafe, 10);
        ahead.look(&cafe);
        assert_eq!(ahead.take(), None);
        assert!(ahead.due().is_some());

        // A change while a plan is being made: that plan is dropped, and a new one is due.
        ahead.start(&cafe);
        join(&mut cafe, 11);
        ahead.look(&cafe);
        assert!(ahead.making.is_none());
        assert_eq!(ahead.take(), None);
        assert!(ahead.due().is_some());

        // A round running has nothing to plan ahead.
        let start = Input::Command {
            actor: Actor::Facilitator,
            command: Command::StartRound,
        };
        record(&mut cafe, start);
        ahead.look(&cafe);
        assert_eq!(ahead.due(), None);
    }
}

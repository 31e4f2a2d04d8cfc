//! The owner's pipeline for commands: those queued together are decided in order on the
//! state the earlier ones leave, stored in one append (one fsync), then each one's updates
//! and answer go out in the order they came.

use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

use flamingo_protocol::{Millis, ServerMessage};
use tokio::sync::mpsc;
use tracing::{debug, warn};

use super::Owner;
use crate::cafe::Request;
use crate::clock::now_ms;
use crate::engine::{self, Cafe, Input, Recorded};
use crate::refusal::Refusal;
use crate::storage::StorageError;

/// Most commands taken from the mailbox at once, to be decided together and stored in one
/// append: a busy café then pays one fsync per batch instead of one per command. Bounded so
/// that one batch does not hold back the hellos and disconnects queued behind it for long.
const BATCH_MAX: usize = 64;

impl Owner {
    /// Commands taken from the mailbox together: decided in order, stored in one append, then
    /// each one's updates fanned out and its answer (ack or error) sent, in the same order.
    pub(super) async fn commands(&mut self, batch: Vec<Request>) {
        let mut inputs = Vec::with_capacity(batch.len());
        let mut replies = Vec::with_capacity(batch.len());
        for req in batch {
            if let Request::Command {
                actor,
                command,
                request_id,
                conn,
            } = req
            {
                replies.push((command.name(), request_id, conn));
                inputs.push(Input::Command { actor, command });
            }
        }
        let now = now_ms();
        let mut batch = self.decide_and_store(inputs, now).await;
        for (i, (name, request_id, conn)) in replies.into_iter().enumerate() {
            let answer = match self.publish(&mut batch, i, now) {
                Ok(records) => ServerMessage::Ack {
                    request_id,
                    seq: batch.seq_after(&records),
                    duplicate: records.is_empty(),
                },
                Err(Refusal { code, message }) => {
                    debug!(command = name, ?code, %message, "command refused");
                    ServerMessage::Error {
                        request_id,
                        code,
                        message,
                    }
                }
            };
            conn.send_msg(&answer);
        }
        // After every batch's frames: a removed person's connection closes after its last.
        self.audience.close_departed(&self.cafe);
    }

    /// Decides, stores, applies and fans out one input. Returns how many events were stored.
    pub(super) async fn process(&mut self, input: Input, now: Millis) -> Result<usize, Refusal> {
        let mut batch = self.decide_and_store(vec![input], now).await;
        self.publish(&mut batch, 0, now)
            .map(|records| records.len())
    }

    /// Decides each input on the state the earlier ones left, then stores every event of the
    /// batch in one append. Nothing is fanned out yet: see [`Owner::publish`]. If the append
    /// fails, the state is as it was before the batch and every input is refused.
    ///
    /// With storage shared by several nodes, the café's log is locked first (once for the
    /// batch) and whatever other nodes appended is applied, so the decisions are made on the
    /// latest state and the append cannot conflict; the others wait their turn.
    async fn decide_and_store(&mut self, inputs: Vec<Input>, now: Millis) -> Batch {
        let count = inputs.len();
        let mut locked = match self.storage.lock(self.cafe.id).await {
            Ok(locked) => locked,
            Err(e) => return Batch::unavailable(count, &e),
        };
        if let Some(log) = locked.as_mut() {
            let caught_up = match log.since(self.cafe.seq).await {
                Ok(missed) => self.apply_missed(&missed),
                Err(e) => Err(e),
            };
            if let Err(e) = caught_up {
                return Batch::unavailable(count, &e);
            }
        }
        let deciding = Instant::now();
        let mut batch = self.decide_all(&inputs, now);
        let decided = deciding.elapsed();
        if batch.records.is_empty() {
            // Dropping the lock appends nothing.
            return batch;
        }
        // Stored before anyone hears of it: an ack or an update always means "saved".
        let stored = match locked {
            Some(log) => log.commit(&batch.records).await,
            None => self.storage.append(self.cafe.id, &batch.records).await,
        };
        if let Err(e) = stored {
            if let Some(before) = batch.before.take() {
                self.cafe = before;
            }
            return Batch::unavailable(count, &e);
        }
        // Where a slow command's time went: deciding (a round's plan) or the write.
        debug!(
            inputs = count,
            events = batch.records.len(),
            decide_ms = decided.as_secs_f64() * 1e3,
            store_ms = (deciding.elapsed() - decided).as_secs_f64() * 1e3,
            "batch stored"
        );
        batch
    }

    /// Decides every input in order. Each input's events but the last input's are applied at
    /// once, so the next input is decided on the state they leave; the state before them is
    /// kept in the batch, to go back to if the append fails. A lone input (the usual case in
    /// a quiet café) is applied only after it is stored, and costs no copy.
    fn decide_all(&mut self, inputs: &[Input], now: Millis) -> Batch {
        let mut batch = Batch::new(self.cafe.seq, inputs.len());
        let last = inputs.len().saturating_sub(1);
        let ahead = self.lookahead.take();
        for (i, input) in inputs.iter().enumerate() {
            let events = match engine::decide_with(&self.cafe, input, now, ahead.as_ref()) {
                Ok(events) => events,
                Err(e) => {
                    batch.outcomes.push(Err(e.into()));
                    continue;
                }
            };
            let start = batch.records.len();
            for event in events {
                let record = Recorded {
                    seq: batch.first_seq + batch.records.len() as u64,
                    at: now,
                    event,
                };
                let fanout = (i < last).then(|| {
                    batch.before.get_or_insert_with(|| self.cafe.clone());
                    self.apply(&record)
                });
                batch.records.push(record);
                batch.fanouts.push(fanout);
            }
            batch.outcomes.push(Ok(start..batch.records.len()));
        }
        self.lookahead.put_back(ahead, &self.cafe);
        batch
    }

    /// Applies (if deciding did not already) and fans out input `i`'s stored events. Returns
    /// which of the batch's records they were, or why the input was refused.
    fn publish(
        &mut self,
        batch: &mut Batch,
        i: usize,
        now: Millis,
    ) -> Result<Range<usize>, Refusal> {
        let range = match batch.outcomes.get(i) {
            Some(Ok(range)) => range.clone(),
            Some(Err(refusal)) => return Err(refusal.clone()),
            None => return Err(Batch::unavailable_answer()),
        };
        for j in range.clone() {
            let r = &batch.records[j];
            let fanout = match batch.fanouts[j].take() {
                Some(fanout) => fanout,
                None => self.apply(r),
            };
            self.fan_out(r, fanout, now);
        }
        Ok(range)
    }
}

/// The commands waiting behind `first`, up to [`BATCH_MAX`] in all. Stops at the first other
/// request, which is returned to be handled right after the batch, so the mailbox's order holds.
pub(super) fn take_commands(
    first: Request,
    rx: &mut mpsc::Receiver<Request>,
) -> (Vec<Request>, Option<Request>) {
    let mut batch = vec![first];
    while batch.len() < BATCH_MAX {
        match rx.try_recv() {
            Ok(req @ Request::Command { .. }) => batch.push(req),
            Ok(other) => return (batch, Some(other)),
            Err(_) => break,
        }
    }
    (batch, None)
}

/// Inputs decided together and stored in one append.
struct Batch {
    /// The café's seq + 1 when the batch was decided: the first record's seq.
    first_seq: u64,
    /// Every event decided, in order, numbered from `first_seq`.
    records: Vec<Recorded>,
    /// Per record: who is told what, for records applied while deciding.
    fanouts: Vec<Option<Arc<engine::Fanout>>>,
    /// Per input: its records, or why it was refused.
    outcomes: Vec<Result<Range<usize>, Refusal>>,
    /// The state before the first record applied while deciding.
    before: Option<Cafe>,
}

impl Batch {
    fn new(seq: u64, inputs: usize) -> Self {
        Self {
            first_seq: seq + 1,
            records: Vec::new(),
            fanouts: Vec::new(),
            outcomes: Vec::with_capacity(inputs),
            before: None,
        }
    }

    /// Nothing was stored: every input is refused, and nothing is to be told.
    fn unavailable(inputs: usize, e: &StorageError) -> Self {
        warn!(error = %e, inputs, "could not store events; commands refused");
        Self {
            first_seq: 0,
            records: Vec::new(),
            fanouts: Vec::new(),
            outcomes: (0..inputs)
                .map(|_| Err(Self::unavailable_answer()))
                .collect(),
            before: None,
        }
    }

    fn unavailable_answer() -> Refusal {
        Refusal::unavailable(
            "the server could not save this change; nothing was changed. Try again shortly",
        )
    }

    /// The café's seq once the batch's records up to `records` are applied (for an input
    /// that changed nothing, the seq it found).
    fn seq_after(&self, records: &Range<usize>) -> u64 {
        self.first_seq + records.end as u64 - 1
    }
}

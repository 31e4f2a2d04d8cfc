//! The numbers of anonymous exports. Numbered in join order, "Participant 1" would be whoever
//! walked in first, which the people in the room remember; so people are numbered in an order
//! shuffled by a secret of the café. The same café always gives the same numbers, so a CSV
//! and a report exported minutes apart agree on who P7 is.

use std::collections::HashMap;

use flamingo_protocol::ParticipantId;
use sha2::{Digest, Sha256};

use crate::engine::Cafe;

/// Each participant's number, from 1, in a shuffled order.
pub fn numbers(cafe: &Cafe) -> HashMap<ParticipantId, usize> {
    // The facilitator key's hash never leaves the server, so nobody who holds an export (with
    // its café id) and knows the join order can redo the shuffle.
    let mut order: Vec<([u8; 32], ParticipantId)> = cafe
        .participants
        .iter()
        .map(|p| {
            let mut h = Sha256::new();
            h.update(b"flamingo anonymous export order\0");
            h.update(cafe.facilitator_key_hash.as_bytes());
            h.update(cafe.seed.to_le_bytes());
            h.update(p.id.as_bytes());
            (h.finalize().into(), p.id)
        })
        .collect();
    order.sort_unstable();
    order
        .into_iter()
        .enumerate()
        .map(|(i, (_, id))| (id, i + 1))
        .collect()
}

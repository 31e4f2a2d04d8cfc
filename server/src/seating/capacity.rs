//! How many tables, and how many people at each.
//!
//! Precedence, from the hard rules: everyone sits; no table above the target size
//! unless the room's table count forces it; sizes within one of each other. The fewest tables
//! that respect the target size are used, which also makes the smallest table as large as it
//! can be: a table of fewer than 3 happens only when the target size leaves no other choice
//! (5 people at tables of 4 sit 3 + 2, not 5 at one table). Pins can break balance: the
//! facilitator's word wins, and everyone else is spread as evenly as what is left allows.

use std::collections::HashSet;

use flamingo_protocol::ParticipantId;

use crate::engine::state::Seating;

/// How many tables `people` need: as few as keep every table at or under `table_size`, but no
/// more than the room has.
pub fn table_count(people: usize, table_size: u32, physical_tables: Option<u32>) -> usize {
    if people == 0 {
        return 0;
    }
    let needed = people.div_ceil(table_size.max(1) as usize);
    match physical_tables {
        Some(p) => needed.min(p.max(1) as usize),
        None => needed,
    }
}

/// Sizes of `k` tables for `people`, within one of each other, larger first.
pub(crate) fn balanced(people: usize, k: usize) -> Vec<usize> {
    (0..k)
        .map(|i| people / k + usize::from(i < people % k))
        .collect()
}

/// Sizes for the first `k` positions (the regular tables) and any pinned-only tables after
/// them, given how many people pins hold at each position. Pinned-only tables hold their pins;
/// a regular table pins overfill keeps them all and the others shrink, largest first.
pub(crate) fn with_pins(people: usize, k: usize, pinned: &[usize]) -> Vec<usize> {
    let extra: usize = pinned[k..].iter().sum();
    let mut caps = balanced(people.saturating_sub(extra), k);
    let mut excess = 0;
    for (cap, &held) in caps.iter_mut().zip(pinned) {
        if held > *cap {
            excess += held - *cap;
            *cap = held;
        }
    }
    while excess > 0 {
        let roomiest = (0..k)
            .filter(|i| caps[*i] > pinned[*i])
            .max_by_key(|i| (caps[*i] - pinned[*i], std::cmp::Reverse(*i)));
        let Some(i) = roomiest else { break };
        caps[i] -= 1;
        excess -= 1;
    }
    caps.extend_from_slice(&pinned[k..]);
    caps
}

/// Whether a seating keeps the hard rules for the people present: everyone seated once, sizes
/// within one of each other, no table over `table_size` unless the room forces it, a host at
/// every table.
pub fn is_balanced(
    seating: &Seating,
    present: &HashSet<ParticipantId>,
    table_size: u32,
    physical_tables: Option<u32>,
) -> bool {
    let seated: HashSet<ParticipantId> = seating.seats().keys().copied().collect();
    if &seated != present {
        return false;
    }
    let sizes: Vec<usize> = seating.tables().map(|t| t.members.len()).collect();
    let (Some(min), Some(max)) = (sizes.iter().min(), sizes.iter().max()) else {
        return present.is_empty();
    };
    let expected_tables = table_count(present.len(), table_size, physical_tables);
    max - min <= 1
        && sizes.len() == expected_tables
        && (*max <= table_size as usize
            || physical_tables.is_some_and(|p| sizes.len() >= p as usize))
        && seating
            .tables()
            .all(|t| t.host.is_some_and(|h| t.members.contains(&h)))
}

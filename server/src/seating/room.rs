//! The room as the search sees it: people as small indices, who met whom before, and who
//! shares an organisation or a role.

use std::collections::HashMap;

use flamingo_protocol::ParticipantId;

use super::Person;
use crate::engine::state::Seating;

/// Cost of one more meeting for a pair that met `c` times: the growth of `c·(c-1)`, so a first
/// meeting is free and the price of a repeat grows with how often the pair already met.
pub(crate) const MEET_WEIGHT: i64 = 100;
/// Per pair from one organisation at one table. Below the cheapest repeat (2·MEET_WEIGHT), so
/// mixing always wins over spreading organisations.
pub(crate) const ORGANISATION_WEIGHT: i64 = 30;
pub(crate) const ROLE_WEIGHT: i64 = 10;

const NONE: u32 = u32::MAX;

pub(crate) struct Room {
    pub ids: Vec<ParticipantId>,
    pub index: HashMap<ParticipantId, u32>,
    /// Per person, the people they met in past rounds and how often, sorted by index. Lists
    /// rather than an n×n matrix: a person meets a few dozen people, a room holds thousands.
    met: Vec<Vec<(u32, u16)>>,
    organisation: Vec<u32>,
    role: Vec<u32>,
}

impl Room {
    pub fn new(people: &[Person<'_>], history: &[Seating]) -> Self {
        let ids: Vec<ParticipantId> = people.iter().map(|p| p.id).collect();
        let index: HashMap<ParticipantId, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as u32))
            .collect();
        let mut met: Vec<Vec<(u32, u16)>> = vec![Vec::new(); ids.len()];
        for seating in history {
            for t in seating.tables() {
                let here: Vec<u32> = t
                    .members
                    .iter()
                    .filter_map(|m| index.get(m).copied())
                    .collect();
                for &a in &here {
                    for &b in &here {
                        if a != b {
                            met[a as usize].push((b, 1));
                        }
                    }
                }
            }
        }
        for list in &mut met {
            list.sort_unstable();
            list.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 = kept.1.saturating_add(later.1);
                }
                same
            });
        }
        Self {
            organisation: labels(people.iter().map(|p| p.organisation)),
            role: labels(people.iter().map(|p| p.role)),
            ids,
            index,
            met,
        }
    }

    /// The organisation's small id, if any; people of one organisation share it.
    pub fn organisation(&self, a: u32) -> Option<u32> {
        Some(self.organisation[a as usize]).filter(|o| *o != NONE)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// How often `a` and `b` sat together in past rounds.
    pub fn met_before(&self, a: u32, b: u32) -> i64 {
        let list = &self.met[a as usize];
        match list.binary_search_by_key(&b, |e| e.0) {
            Ok(i) => i64::from(list[i].1),
            Err(_) => 0,
        }
    }

    /// The silo penalty for `a` and `b` at one table.
    pub fn silo(&self, a: u32, b: u32) -> i64 {
        let (a, b) = (a as usize, b as usize);
        let mut cost = 0;
        if self.organisation[a] != NONE && self.organisation[a] == self.organisation[b] {
            cost += ORGANISATION_WEIGHT;
        }
        if self.role[a] != NONE && self.role[a] == self.role[b] {
            cost += ROLE_WEIGHT;
        }
        cost
    }

    /// The least silo penalty one round can have at `k` tables: each organisation (and role)
    /// spread as evenly as the table count allows, capacities ignored.
    pub fn silo_floor(&self, k: usize) -> i64 {
        ORGANISATION_WEIGHT * spread_floor(&self.organisation, k)
            + ROLE_WEIGHT * spread_floor(&self.role, k)
    }
}

/// Small ids for names that match without regard to case; `NONE` for no name.
fn labels<'a>(names: impl Iterator<Item = Option<&'a str>>) -> Vec<u32> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    names
        .map(|name| match name.map(str::trim).filter(|n| !n.is_empty()) {
            None => NONE,
            Some(n) => {
                let next = ids.len() as u32;
                *ids.entry(n.to_lowercase()).or_insert(next)
            }
        })
        .collect()
}

/// The least number of same-label pairs when everyone is spread over `k` tables.
fn spread_floor(labels: &[u32], k: usize) -> i64 {
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for l in labels.iter().filter(|l| **l != NONE) {
        *sizes.entry(*l).or_insert(0) += 1;
    }
    sizes.values().map(|&a| same_bin_pairs(a, k) as i64).sum()
}

/// The fewest pairs that share a bin when `items` go into `bins` bins.
pub fn same_bin_pairs(items: usize, bins: usize) -> usize {
    if bins == 0 {
        return 0;
    }
    let (q, r) = (items / bins, items % bins);
    r * (q + 1) * q / 2 + (bins - r) * q * q.saturating_sub(1) / 2
}

//! The room as the search sees it: people as small indices, who met whom before, and who
//! shares an organisation or a role.

use std::collections::HashMap;

use flamingo_protocol::ParticipantId;

use super::Person;
use crate::engine::state::Seating;

/// The price of a pair's second meeting. The weights are lexicographic: a pair meeting a third
/// time costs more than a thousand second meetings, so the search never trades one for the
/// other while a schedule without triples is in reach; and any second meeting costs more than
/// every silo in a room of thousands, so spreading organisations never costs a repeat.
pub(crate) const REPEAT_WEIGHT: i64 = 1 << 22;
/// How much more each meeting after the second costs than the one before it.
pub(crate) const TRIPLE_WEIGHT: i64 = 1 << 32;
/// Per pair from one organisation at one table.
pub(crate) const ORGANISATION_WEIGHT: i64 = 30;
pub(crate) const ROLE_WEIGHT: i64 = 10;
/// A facilitator's rule broken: two people kept apart at one table, or two kept together at
/// different tables. Above any mixing cost, so the search gives up every repeat first.
pub(crate) const RULE_WEIGHT: i64 = 1 << 48;

/// What one more meeting costs a pair that met `c` times.
pub(crate) fn next_meeting(c: i64) -> i64 {
    if c <= 0 {
        0
    } else {
        REPEAT_WEIGHT + TRIPLE_WEIGHT * (c - 1)
    }
}

/// What a pair meeting `c` times costs in all: the sum of `next_meeting` up to `c`.
pub(crate) fn meetings_cost(c: i64) -> i64 {
    if c <= 1 {
        0
    } else {
        REPEAT_WEIGHT * (c - 1) + TRIPLE_WEIGHT * (c - 1) * (c - 2) / 2
    }
}

const NONE: u32 = u32::MAX;

pub(crate) struct Room {
    pub ids: Vec<ParticipantId>,
    pub index: HashMap<ParticipantId, u32>,
    /// Per person, the people they met in past rounds and how often, sorted by index. Lists
    /// rather than an n×n matrix: a person meets a few dozen people, a room holds thousands.
    met: Vec<Vec<(u32, u16)>>,
    organisation: Vec<u32>,
    role: Vec<u32>,
    /// Per person, the people the facilitator keeps them apart from, and together with.
    pub apart: Vec<Vec<u32>>,
    pub together: Vec<Vec<u32>>,
    /// The same pairs once each, `true` for apart.
    pub rule_pairs: Vec<(u32, u32, bool)>,
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
            apart: vec![Vec::new(); ids.len()],
            together: vec![Vec::new(); ids.len()],
            rule_pairs: Vec::new(),
            ids,
            index,
            met,
        }
    }

    /// Adds the facilitator's pairs; pairs with someone absent (or twice the same person) are
    /// void.
    pub fn keep(
        &mut self,
        apart: &[(ParticipantId, ParticipantId)],
        together: &[(ParticipantId, ParticipantId)],
    ) {
        for (pairs, lists, is_apart) in [
            (apart, &mut self.apart, true),
            (together, &mut self.together, false),
        ] {
            for (a, b) in pairs {
                if let (Some(&a), Some(&b)) = (self.index.get(a), self.index.get(b))
                    && a != b
                    && !lists[a as usize].contains(&b)
                {
                    lists[a as usize].push(b);
                    lists[b as usize].push(a);
                    self.rule_pairs.push((a, b, is_apart));
                }
            }
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

    /// What `a` and `b` at one table cost beyond their meetings: silos, and the facilitator's
    /// rules (a pair kept together earns its weight back when it sits together).
    pub fn pair_cost(&self, a: u32, b: u32) -> i64 {
        let (a, b) = (a as usize, b as usize);
        let mut cost = 0;
        if !self.apart[a].is_empty() && self.apart[a].contains(&(b as u32)) {
            cost += RULE_WEIGHT;
        }
        if !self.together[a].is_empty() && self.together[a].contains(&(b as u32)) {
            cost -= RULE_WEIGHT;
        }
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

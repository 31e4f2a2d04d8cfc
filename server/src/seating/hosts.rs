//! Hosts: who stays at each table, and which number each new group of people gets.
//!
//! The search decides who sits together; a table's number is free except that its host must
//! have sat at that number in the previous round. So the groups are matched to numbers: number
//! `t` may go to a group that holds one of the people from last round's table `t` who hosted
//! least. With no repeats each group holds at most one person from each old table, and such a
//! matching usually exists; where it does not, one swap brings a stayer in.

use std::collections::{HashMap, HashSet};

use flamingo_protocol::{ParticipantId, TableNo};

use super::room::{RULE_WEIGHT, Room};
use super::search::Search;
use crate::engine::state::{Pins, Seating};

/// How many rounds each person hosted.
pub fn hosted_counts(history: &[Seating]) -> HashMap<ParticipantId, u32> {
    let mut counts = HashMap::new();
    for s in history {
        for t in s.tables() {
            if let Some(h) = t.host {
                *counts.entry(h).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// The next host among `candidates`: someone from `preferred` if any, then whoever hosted
/// least, then whoever joined first.
pub fn choose_host(
    candidates: &[ParticipantId],
    preferred: &HashSet<ParticipantId>,
    hosted: &HashMap<ParticipantId, u32>,
    order: &HashMap<ParticipantId, usize>,
) -> Option<ParticipantId> {
    candidates.iter().copied().min_by_key(|c| {
        (
            !preferred.contains(c),
            hosted.get(c).copied().unwrap_or(0),
            order.get(c).copied().unwrap_or(usize::MAX),
        )
    })
}

/// Whether every table of `plan` is hosted by someone who sat at it in `previous`, wherever
/// someone who did is still present and not pinned by the facilitator (whose choice wins).
/// Arrivals and departures during the break can break this in a plan that is still balanced.
pub fn hosts_stay(
    plan: &Seating,
    previous: Option<&Seating>,
    present: &HashSet<ParticipantId>,
    pins: &Pins,
) -> bool {
    let Some(previous) = previous else {
        return true;
    };
    plan.tables().all(|t| {
        let Some(was) = previous.table(t.table) else {
            return true;
        };
        let pinned_host = t.host.is_some_and(|h| pins.hosts.get(&t.table) == Some(&h));
        let could_stay = was
            .members
            .iter()
            .any(|m| present.contains(m) && !pins.seats.contains_key(m));
        pinned_host || !could_stay || t.host.is_some_and(|h| was.members.contains(&h))
    })
}

/// What the labelling needs to know of round 0 beyond the schedule.
pub(crate) struct Labelling<'a> {
    pub room: &'a Room,
    /// The number of each table position.
    pub labels: &'a [TableNo],
    /// Positions whose number pins fix (their group cannot take another number).
    pub fixed: &'a [bool],
    /// Per person, the table a pin holds them at.
    pub pinned_to: &'a [Option<TableNo>],
    /// Per position, the host the facilitator pinned.
    pub pinned_host: &'a HashMap<usize, u32>,
    pub previous: Option<&'a Seating>,
    /// Per person, how often they hosted.
    pub hosted: &'a [u32],
}

/// Numbers round 0's groups and picks their hosts. Returns the host of each position.
pub(crate) fn label_and_host(search: &mut Search<'_>, l: &Labelling<'_>) -> Vec<Option<u32>> {
    let positions = l.labels.len();
    // Per position: last round's people of that number who could stay, and the least-hosted
    // of them (the ones hosting may rotate to).
    let mut stayers: Vec<Vec<u32>> = vec![Vec::new(); positions];
    let mut rotating: Vec<HashSet<u32>> = vec![HashSet::new(); positions];
    for (i, label) in l.labels.iter().enumerate() {
        let Some(was) = l.previous.and_then(|s| s.table(*label)) else {
            continue;
        };
        stayers[i] = was
            .members
            .iter()
            .filter_map(|m| l.room.index.get(m).copied())
            .filter(|m| l.pinned_to[*m as usize].is_none_or(|t| t == *label))
            .collect();
        if let Some(least) = stayers[i].iter().map(|m| l.hosted[*m as usize]).min() {
            rotating[i] = stayers[i]
                .iter()
                .copied()
                .filter(|m| l.hosted[*m as usize] == least)
                .collect();
        }
    }

    let order = match_groups(search, l, &stayers);
    search.schedule.reorder(0, &order);

    let mut hosts: Vec<Option<u32>> = (0..positions)
        .map(|i| l.pinned_host.get(&i).copied())
        .collect();
    for ((host, members), stayers) in hosts
        .iter_mut()
        .zip(&search.schedule.tables[0])
        .zip(&stayers)
    {
        if host.is_none() {
            *host = least_hosted(l, members.iter().copied(), |m| stayers.contains(m));
        }
    }
    // Where no group held a stayer, bring one in, even at some cost in mixing (which the
    // search then wins back around the hosts where it can); and where the only stayer is last
    // round's host of this table, bring in someone else who could take over if that is free.
    for i in 0..positions {
        if stayers[i].is_empty()
            || search.schedule.tables[0][i].is_empty()
            || l.pinned_host.contains_key(&i)
        {
            continue;
        }
        let hosts_again = hosts[i].is_some_and(|h| {
            !rotating[i].contains(&h)
                && l.previous
                    .and_then(|s| s.table(l.labels[i]))
                    .and_then(|t| t.host)
                    == Some(l.room.ids[h as usize])
        });
        if hosts[i].is_some() && !hosts_again {
            continue;
        }
        let taken: HashSet<u32> = hosts.iter().flatten().copied().collect();
        let free = |m: &u32| !taken.contains(m) && !search.schedule.fixed[*m as usize];
        // The least-hosted stayers first; others only if nobody hosts here otherwise.
        let mut candidates: Vec<u32> = rotating[i].iter().copied().filter(free).collect();
        candidates.sort_unstable_by_key(|m| (l.hosted[*m as usize], *m));
        if !hosts_again {
            let mut rest: Vec<u32> = stayers[i]
                .iter()
                .copied()
                .filter(|m| free(m) && !rotating[i].contains(m))
                .collect();
            rest.sort_unstable_by_key(|m| (l.hosted[*m as usize], *m));
            candidates.extend(rest);
        }
        let others: Vec<u32> = search.schedule.tables[0][i]
            .iter()
            .copied()
            .filter(|y| !search.schedule.fixed[*y as usize] && !taken.contains(y))
            .collect();
        for x in candidates {
            let swap_with = others
                .iter()
                .map(|y| (search.swap_delta(0, x, *y), *y))
                .min();
            // A second turn in a row gives way only when that costs no mixing; no swap
            // breaks the facilitator's rules (then the next candidate is tried).
            if let Some((delta, y)) = swap_with
                && (!hosts_again || delta <= 0)
                && delta < RULE_WEIGHT / 2
            {
                search.swap(0, x, y);
                hosts[i] = Some(x);
                break;
            }
        }
    }
    for (host, members) in hosts.iter_mut().zip(&search.schedule.tables[0]) {
        if host.is_none() {
            *host = least_hosted(l, members.iter().copied(), |_| true);
        }
    }
    hosts
}

/// The person among `candidates` passing `keep` who hosted least, then joined first.
fn least_hosted(
    l: &Labelling<'_>,
    candidates: impl Iterator<Item = u32>,
    keep: impl Fn(&u32) -> bool,
) -> Option<u32> {
    candidates
        .filter(|m| keep(m))
        .min_by_key(|m| (l.hosted[*m as usize], *m))
}

/// Which group takes each position: a maximum matching of positions to groups holding one of
/// last round's people of that number, found with the least-hosted candidates first and then
/// widened one hosting at a time (augmenting paths keep what is matched); the rest in order.
fn match_groups(search: &Search<'_>, l: &Labelling<'_>, stayers: &[Vec<u32>]) -> Vec<usize> {
    let positions = l.labels.len();
    let free: Vec<usize> = (0..positions).filter(|i| !l.fixed[*i]).collect();
    let of = &search.schedule.table_of[0];
    // Per position: (how many more times the group's candidate hosted than the least, group).
    let edges: Vec<Vec<(u32, usize)>> = (0..positions)
        .map(|i| {
            let Some(least) = stayers[i].iter().map(|m| l.hosted[*m as usize]).min() else {
                return Vec::new();
            };
            let mut groups: Vec<(u32, usize)> = stayers[i]
                .iter()
                .map(|m| (l.hosted[*m as usize] - least, of[*m as usize] as usize))
                .filter(|(_, g)| !l.fixed[i] && !l.fixed[*g])
                .collect();
            // Sorted, so that the matching does not depend on input order.
            groups.sort_unstable();
            groups
        })
        .collect();
    let widest = edges.iter().flatten().map(|e| e.0).max().unwrap_or(0);
    let mut group_to: Vec<Option<usize>> = vec![None; positions];
    let mut matched = vec![false; positions];
    for tier in 0..=widest {
        for &i in &free {
            if !matched[i] {
                let mut seen = vec![false; positions];
                matched[i] = augment(i, tier, &edges, &mut group_to, &mut seen);
            }
        }
    }
    let mut order: Vec<Option<usize>> = (0..positions).map(|i| l.fixed[i].then_some(i)).collect();
    for (g, i) in group_to.iter().enumerate() {
        if let Some(i) = i {
            order[*i] = Some(g);
        }
    }
    // Unconstrained numbers go to the larger tables first, as people expect.
    let mut unused: Vec<usize> = free
        .iter()
        .copied()
        .filter(|g| group_to[*g].is_none())
        .collect();
    let tables = &search.schedule.tables[0];
    unused.sort_by_key(|g| (std::cmp::Reverse(tables[*g].len()), *g));
    let mut unused = unused.into_iter();
    order
        .into_iter()
        .map(|o| o.or_else(|| unused.next()).unwrap_or_default())
        .collect()
}

/// Kuhn's augmenting path from position `i`, over edges up to `tier`.
fn augment(
    i: usize,
    tier: u32,
    edges: &[Vec<(u32, usize)>],
    group_to: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for &(t, g) in &edges[i] {
        if t > tier || seen[g] {
            continue;
        }
        seen[g] = true;
        let taken_by = group_to[g];
        if taken_by.is_none_or(|j| augment(j, tier, edges, group_to, seen)) {
            group_to[g] = Some(i);
            return true;
        }
    }
    false
}

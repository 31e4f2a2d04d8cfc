//! Table assignment: pure functions from who is here and who met whom to who sits where.
//!
//! Everything here is deterministic for a given seed and knows nothing of the engine's events.
//! The planner is a greedy placement on a cost that grows with the square of how often two
//! people already met, with penalties for shared organisation or role and for staying at one's
//! previous table. A better search replaces `plan_round` later without changing its contract.

use std::collections::{BTreeMap, HashMap, HashSet};

use flamingo_protocol::{ParticipantId, RoundNo, TableNo, TableSeats};

use crate::engine::state::{Pins, Seating};

const MEET_WEIGHT: u64 = 100;
const ORGANISATION_WEIGHT: u64 = 30;
const ROLE_WEIGHT: u64 = 10;
const STAY_WEIGHT: u64 = 50;

/// What the planner needs to know of a person.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    pub id: ParticipantId,
    pub organisation: Option<&'a str>,
    pub role: Option<&'a str>,
}

/// How often each pair already sat at one table.
#[derive(Debug, Default)]
pub struct Encounters(HashMap<(ParticipantId, ParticipantId), u32>);

impl Encounters {
    pub fn from_history(history: &[Seating]) -> Self {
        let mut met = HashMap::new();
        for seating in history {
            for t in seating.tables() {
                for (i, a) in t.members.iter().enumerate() {
                    for b in &t.members[i + 1..] {
                        *met.entry(pair(*a, *b)).or_insert(0) += 1;
                    }
                }
            }
        }
        Self(met)
    }

    pub fn get(&self, a: ParticipantId, b: ParticipantId) -> u32 {
        self.0.get(&pair(a, b)).copied().unwrap_or(0)
    }
}

fn pair(a: ParticipantId, b: ParticipantId) -> (ParticipantId, ParticipantId) {
    if a < b { (a, b) } else { (b, a) }
}

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

pub struct PlanRequest<'a> {
    pub round: RoundNo,
    /// Everyone to seat, in join order.
    pub people: &'a [Person<'a>],
    /// The seatings of the rounds already started, oldest first.
    pub history: &'a [Seating],
    pub table_size: u32,
    pub physical_tables: Option<u32>,
    pub pins: &'a Pins,
    pub seed: u64,
}

/// Seats everyone for a new round: balanced tables, one host each, hosts staying from the
/// previous round's table, and as few repeated encounters as the greedy search finds.
pub fn plan_round(req: &PlanRequest<'_>) -> Vec<TableSeats> {
    let n = req.people.len();
    let k = table_count(n, req.table_size, req.physical_tables);
    if k == 0 {
        return Vec::new();
    }
    let present: HashSet<ParticipantId> = req.people.iter().map(|p| p.id).collect();
    let order: HashMap<ParticipantId, usize> = req
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let by_id: HashMap<ParticipantId, &Person> = req.people.iter().map(|p| (p.id, p)).collect();
    let met = Encounters::from_history(req.history);
    let hosted = hosted_counts(req.history);
    let previous = req.history.last();

    let mut capacity: BTreeMap<TableNo, usize> = (0..k)
        .map(|i| ((i + 1) as TableNo, n / k + usize::from(i < n % k)))
        .collect();
    let mut tables: BTreeMap<TableNo, Vec<ParticipantId>> =
        capacity.keys().map(|t| (*t, Vec::new())).collect();
    let mut hosts: BTreeMap<TableNo, ParticipantId> = BTreeMap::new();
    let mut placed: HashSet<ParticipantId> = HashSet::new();

    // The facilitator's pins first: their word wins.
    for (&t, &h) in &req.pins.hosts {
        if present.contains(&h) && placed.insert(h) {
            tables.entry(t).or_default().push(h);
            hosts.insert(t, h);
        }
    }
    for (&p, &t) in &req.pins.seats {
        if present.contains(&p) && placed.insert(p) {
            tables.entry(t).or_default().push(p);
        }
    }
    // Hosts stay: each table's host is one of the people who sat there last round.
    if let Some(prev) = previous {
        for t in 1..=k as TableNo {
            if hosts.contains_key(&t) {
                continue;
            }
            let candidates: Vec<ParticipantId> = prev
                .table(t)
                .map(|seats| {
                    seats
                        .members
                        .iter()
                        .copied()
                        .filter(|m| present.contains(m) && !placed.contains(m))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(h) = choose_host(&candidates, &HashSet::new(), &hosted, &order) {
                placed.insert(h);
                tables.entry(t).or_default().push(h);
                hosts.insert(t, h);
            }
        }
    }
    for t in tables.keys() {
        capacity.entry(*t).or_insert(0);
    }

    let mut rest: Vec<ParticipantId> = req
        .people
        .iter()
        .map(|p| p.id)
        .filter(|p| !placed.contains(p))
        .collect();
    fastrand::Rng::with_seed(req.seed ^ u64::from(req.round).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .shuffle(&mut rest);

    for p in rest {
        let person = by_id[&p];
        let previous_table = previous.and_then(|s| s.table_of(p));
        let open: Vec<TableNo> = tables
            .iter()
            .filter(|(t, members)| members.len() < capacity[*t])
            .map(|(t, _)| *t)
            .collect();
        let choice = if open.is_empty() {
            // Pins overfilled some tables; the rest go where there is most room.
            tables
                .iter()
                .min_by_key(|(t, m)| (m.len(), **t))
                .map(|(t, _)| *t)
        } else {
            open.into_iter().min_by_key(|t| {
                let members = &tables[t];
                let mut cost = 0;
                for m in members {
                    let times = u64::from(met.get(p, *m));
                    // The growth of times² is 2·times + 1, but the "+ 1" is the same for every
                    // complete plan (the number of pairs is fixed by the table sizes), so it
                    // only made fuller tables look dearer and drowned the organisation and role
                    // penalties; capacities keep the tables balanced.
                    cost += MEET_WEIGHT * 2 * times;
                    let other = by_id.get(m);
                    if same(person.organisation, other.and_then(|o| o.organisation)) {
                        cost += ORGANISATION_WEIGHT;
                    }
                    if same(person.role, other.and_then(|o| o.role)) {
                        cost += ROLE_WEIGHT;
                    }
                }
                if previous_table == Some(*t) {
                    cost += STAY_WEIGHT;
                }
                (cost, members.len(), *t)
            })
        };
        if let Some(t) = choice {
            tables.entry(t).or_default().push(p);
        }
    }

    tables
        .into_iter()
        .filter(|(_, members)| !members.is_empty())
        .map(|(table, members)| {
            let host = hosts
                .get(&table)
                .copied()
                .or_else(|| choose_host(&members, &HashSet::new(), &hosted, &order));
            TableSeats {
                table,
                host,
                members,
            }
        })
        .collect()
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !a.is_empty() && a.eq_ignore_ascii_case(b))
}

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

/// Where a late arrival sits, without moving anyone: the smallest table with room, and among
/// those the one where they met the fewest people before. `None` means "open a new table".
pub fn place_late_arrival(
    seating: &Seating,
    newcomer: ParticipantId,
    history: &[Seating],
    table_size: u32,
    physical_tables: Option<u32>,
) -> Placement {
    let has_room = |t: &&TableSeats| t.members.len() < table_size as usize;
    let may_open = physical_tables.is_none_or(|p| seating.tables().count() < p as usize);
    let room_left = seating.tables().any(|t| has_room(&t));
    if !room_left && may_open {
        return Placement::NewTable(first_free_table(seating));
    }
    let met = Encounters::from_history(history);
    seating
        .tables()
        .filter(|t| !room_left || has_room(t))
        .min_by_key(|t| {
            let already_met: u32 = t.members.iter().map(|m| met.get(newcomer, *m)).sum();
            (t.members.len(), already_met, t.table)
        })
        .map_or(Placement::NewTable(first_free_table(seating)), |t| {
            Placement::Existing(t.table)
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Existing(TableNo),
    /// A table nobody sits at yet; the newcomer hosts it.
    NewTable(TableNo),
}

fn first_free_table(seating: &Seating) -> TableNo {
    (1..).find(|t| seating.table(*t).is_none()).unwrap_or(1)
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

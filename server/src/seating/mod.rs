//! Table assignment: pure functions from who is here and who met whom to who sits where.
//!
//! Everything here is deterministic for a given seed and knows nothing of the engine's events.
//! `plan_round` plans every round still to come at once (so that round 7 is not painted into a
//! corner by round 6) and seats only the next: a construction with no repeats to start from,
//! a tabu search on the cost of repeats and silos, then table numbers matched to the groups so
//! that each table's host sat there last round. `docs/seating.md` has the details and figures.

mod capacity;
mod construction;
mod hosts;
mod late;
mod room;
mod rules;
mod search;

use std::collections::{BTreeSet, HashMap};

use flamingo_protocol::{ParticipantId, RoundNo, TableNo, TableSeats};

pub use capacity::{is_balanced, table_count};
pub use hosts::{choose_host, hosted_counts, hosts_stay};
pub use late::{Placement, place_late_arrival};
pub use room::same_bin_pairs;
pub use rules::{Rules, Unmet, unmet};

use crate::engine::state::{Pins, Seating};
use construction::Design;
use hosts::Labelling;
use room::Room;
use search::{Limits, Schedule, Search};

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

    /// How often each pair that met did meet.
    pub fn counts(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.values().copied()
    }
}

fn pair(a: ParticipantId, b: ParticipantId) -> (ParticipantId, ParticipantId) {
    if a < b { (a, b) } else { (b, a) }
}

pub struct PlanRequest<'a> {
    pub round: RoundNo,
    /// How many rounds, this one included, are still to come; the planner plans them all.
    pub rounds_left: u32,
    /// Everyone to seat, in join order.
    pub people: &'a [Person<'a>],
    /// Everyone the café knows, present or gone, in join order (empty: `people`). Departed
    /// people keep their place in the planner's seat order, so nobody else is reshuffled.
    pub known: &'a [Person<'a>],
    /// The seatings of the rounds already started, oldest first.
    pub history: &'a [Seating],
    pub table_size: u32,
    pub physical_tables: Option<u32>,
    pub pins: &'a Pins,
    pub seed: u64,
}

/// Rounds beyond this many are not planned ahead: they are re-planned when they come anyway.
const MAX_LOOKAHEAD: usize = 12;
/// And no more than this many seats in all (people × rounds planned), but at least two rounds:
/// a large room gets its mixing from the construction and needs the lookahead least.
const LOOKAHEAD_SEATS: usize = 8_000;
/// Pair-round evaluations (a pair looked up in one planned round) for the search before hosts
/// are chosen, and after: about 20 ms each on one core.
const WORK: u64 = 12_000_000;
const WORK_WITH_HOSTS: u64 = 12_000_000;

/// Seats everyone for a new round: balanced tables, one host each, hosts staying from the
/// previous round's table, and as few repeated encounters over this and the rounds still to
/// come as the search finds.
pub fn plan_round(req: &PlanRequest<'_>) -> Vec<TableSeats> {
    plan_with_rules(req, &Rules::default()).tables
}

/// A round's seating, and the facilitator's rules it could not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub tables: Vec<TableSeats>,
    pub unmet: Vec<Unmet>,
}

/// `plan_round` under the room's own rules: people held at tables are pinned there for this
/// round (the facilitator's own pins win), pairs kept apart or together weigh above all
/// mixing, in this round and every round planned ahead. What could not be kept is reported.
pub fn plan_with_rules(req: &PlanRequest<'_>, rules: &Rules) -> Plan {
    let n = req.people.len();
    let k = table_count(n, req.table_size, req.physical_tables);
    if k == 0 {
        return Plan {
            tables: Vec::new(),
            unmet: Vec::new(),
        };
    }
    let mut room = Room::new(req.people, req.history);
    room.keep(&rules.apart, &rules.together);
    let held = rules::hold(req.pins, rules, &room.index, req.history.last());
    let pins = resolve_pins(&room, &held);
    // Table positions: the regular tables 1..=k, then any higher number a pin asks for.
    let labels: Vec<TableNo> = (1..=k as TableNo)
        .chain(
            pins.to
                .iter()
                .flatten()
                .copied()
                .filter(|t| *t as usize > k || *t == 0)
                .collect::<BTreeSet<_>>(),
        )
        .collect();
    let position: HashMap<TableNo, usize> =
        labels.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let mut pinned_at = vec![0; labels.len()];
    for t in pins.to.iter().flatten() {
        pinned_at[position[t]] += 1;
    }
    // A table pins fill keeps a seat for someone who sat there last round, to host it, unless
    // one of the pinned people did.
    let mut held = pinned_at.clone();
    for (i, label) in labels.iter().enumerate() {
        let Some(was) = req.history.last().and_then(|s| s.table(*label)) else {
            continue;
        };
        let pin_of = |m: &ParticipantId| room.index.get(m).map(|i| pins.to[*i as usize]);
        let pinned_stayer = was.members.iter().any(|m| pin_of(m) == Some(Some(*label)));
        let free_stayer = was.members.iter().any(|m| pin_of(m) == Some(None));
        held[i] += usize::from(pinned_at[i] > 0 && free_stayer && !pinned_stayer);
    }
    let caps = capacity::with_pins(n, k, &held);

    let lookahead = (req.rounds_left as usize)
        .min(MAX_LOOKAHEAD)
        .min((LOOKAHEAD_SEATS / n).max(2))
        .max(1);
    let first = req.history.len();
    let (seat, seats) = seat_positions(req, &room);
    let design = Design::new(seats, k, first + req.rounds_left as usize);
    let mut rounds = vec![from_design(
        &design, first, &seat, &pins.to, &position, &caps,
    )];
    let no_pins = vec![None; n];
    let balanced = capacity::balanced(n, k);
    for r in 1..lookahead {
        rounds.push(from_design(
            &design,
            first + r,
            &seat,
            &no_pins,
            &position,
            &balanced,
        ));
    }
    let mut schedule = Schedule::new(n, k, rounds);
    schedule.sized = pinned_at.iter().map(|pinned| *pinned > 0).collect();
    for (p, to) in pins.to.iter().enumerate() {
        schedule.fixed[p] = to.is_some();
    }

    let round_seed = req.seed ^ u64::from(req.round).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut search = Search::new(&room, schedule, round_seed);
    let floor = cost_floor(&room, req.history, k, lookahead);
    search.run(limits(WORK, floor, n * lookahead));

    let hosted_by_id = hosted_counts(req.history);
    let hosted: Vec<u32> = room
        .ids
        .iter()
        .map(|id| hosted_by_id.get(id).copied().unwrap_or(0))
        .collect();
    let fixed_position: Vec<bool> = (0..labels.len())
        .map(|i| i >= k || pinned_at[i] > 0)
        .collect();
    let pinned_host: HashMap<usize, u32> =
        pins.hosts.iter().map(|(t, p)| (position[t], *p)).collect();
    let hosts = hosts::label_and_host(
        &mut search,
        &Labelling {
            room: &room,
            labels: &labels,
            fixed: &fixed_position,
            pinned_to: &pins.to,
            pinned_host: &pinned_host,
            previous: req.history.last(),
            hosted: &hosted,
        },
    );
    // Hosts stay put from here on; the search polishes around them.
    for h in hosts.iter().flatten() {
        search.schedule.fixed[*h as usize] = true;
    }
    search.run(limits(WORK_WITH_HOSTS, floor, n * lookahead));

    let tables: Vec<TableSeats> = search.schedule.tables[0]
        .iter()
        .enumerate()
        .filter(|(_, members)| !members.is_empty())
        .map(|(i, members)| {
            let mut members = members.clone();
            members.sort_unstable();
            TableSeats {
                table: labels[i],
                host: hosts[i].map(|h| room.ids[h as usize]),
                members: members.iter().map(|m| room.ids[*m as usize]).collect(),
            }
        })
        .collect();
    let unmet = if rules.is_empty() {
        Vec::new()
    } else {
        rules::unmet(rules, &tables)
    };
    Plan { tables, unmet }
}

/// Seats planned (people × rounds) up to which the search kicks often: short stalls and many
/// kicks, each from the best schedule found. On 24 people at tables of 4 over 5 rounds with 4
/// organisations this finds zero repeats where 150 and 4 left one. Larger rooms keep the
/// allowance they had: their mixing comes from the construction (on 2,000 people at tables of 8
/// over 12 rounds both allowances give the same plans).
const SMALL_ROOM_SEATS: usize = 2_000;

fn limits(work: u64, floor: i64, seats: usize) -> Limits {
    let (stall, kicks) = if seats <= SMALL_ROOM_SEATS {
        (50, 30)
    } else {
        (150, 4)
    };
    Limits {
        work,
        stall,
        kicks,
        floor,
    }
}

/// Pins as the planner uses them: per person the table they are held at (a pinned host is
/// held at their table too), and pinned hosts by table number. Absent people's pins are void.
struct ResolvedPins {
    to: Vec<Option<TableNo>>,
    hosts: HashMap<TableNo, u32>,
}

fn resolve_pins(room: &Room, pins: &Pins) -> ResolvedPins {
    let mut to = vec![None; room.len()];
    let mut hosts = HashMap::new();
    for (&t, h) in &pins.hosts {
        if let Some(&i) = room.index.get(h)
            && to[i as usize].is_none()
        {
            to[i as usize] = Some(t);
            hosts.insert(t, i);
        }
    }
    for (p, &t) in &pins.seats {
        if let Some(&i) = room.index.get(p)
            && to[i as usize].is_none()
        {
            to[i as usize] = Some(t);
        }
    }
    ResolvedPins { to, hosts }
}

/// Each person's seat in the construction. The order is fixed by when people first sat (or
/// now), their organisation, and a hash of the seed and their id, and it counts everyone the
/// café knows, present or gone: so it is the same from round to round, and a departure leaves a
/// hole instead of shifting everyone after it. Also returns how many positions there are.
/// Organisations sit in blocks: a row of seats is at different tables in every affine round
/// but the rows' own, so an organisation that fills rows meets itself only there.
fn seat_positions(req: &PlanRequest<'_>, room: &Room) -> (Vec<usize>, usize) {
    let mut first_seen: HashMap<ParticipantId, usize> = HashMap::new();
    for (r, s) in req.history.iter().enumerate() {
        for id in s.seats().keys() {
            first_seen.entry(*id).or_insert(r);
        }
    }
    let known = if req.known.is_empty() {
        req.people
    } else {
        req.known
    };
    let organisations = Room::new(known, &[]);
    let mut keys: Vec<(usize, u32, u64, ParticipantId)> = known
        .iter()
        .chain(req.people)
        .map(|p| {
            let organisation = organisations
                .index
                .get(&p.id)
                .and_then(|i| organisations.organisation(*i))
                .or_else(|| room.index.get(&p.id).and_then(|i| room.organisation(*i)))
                .unwrap_or(u32::MAX);
            let v = p.id.as_u128();
            let shuffled = mix(req.seed ^ (v as u64) ^ mix((v >> 64) as u64));
            let seen = first_seen.get(&p.id).copied().unwrap_or(req.history.len());
            (seen, organisation, shuffled, p.id)
        })
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|k| k.3);
    let mut seat = vec![0; room.len()];
    for (position, key) in keys.iter().enumerate() {
        if let Some(&p) = room.index.get(&key.3) {
            seat[p as usize] = position;
        }
    }
    (seat, keys.len())
}

/// SplitMix64's finaliser: a well-spread hash of one word.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// One planned round from the construction: pinned people at their tables, everyone else at
/// the construction's table while it has room, then wherever has the most room left.
fn from_design(
    design: &Design,
    round: usize,
    seat: &[usize],
    pinned_to: &[Option<TableNo>],
    position: &HashMap<TableNo, usize>,
    caps: &[usize],
) -> Vec<Vec<u32>> {
    let mut tables: Vec<Vec<u32>> = vec![Vec::new(); caps.len()];
    let mut deferred = Vec::new();
    for (p, to) in pinned_to.iter().enumerate() {
        if let Some(t) = to {
            tables[position[t]].push(p as u32);
        }
    }
    let mut free: Vec<u32> = (0..seat.len() as u32)
        .filter(|p| pinned_to[*p as usize].is_none())
        .collect();
    free.sort_unstable_by_key(|p| seat[*p as usize]);
    for p in free {
        let t = design.table(seat[p as usize], round);
        if tables[t].len() < caps[t] {
            tables[t].push(p);
        } else {
            deferred.push(p);
        }
    }
    for p in deferred {
        let roomiest = (0..caps.len()).max_by_key(|t| {
            (
                caps[*t] as i64 - tables[*t].len() as i64,
                std::cmp::Reverse(*t),
            )
        });
        if let Some(t) = roomiest {
            tables[t].push(p);
        }
    }
    tables
}

/// A cost no plan can beat: every organisation and role spread evenly in every round, and
/// the repeats pigeonholes force: a table of z people whose members all sat at one of
/// `k` tables the round before holds at least `same_bin_pairs(z, k)` pairs who sat together
/// then, each a repeat. (Only counted when everyone sat in the round before.)
fn cost_floor(room: &Room, history: &[Seating], k: usize, rounds: usize) -> i64 {
    let sizes = capacity::balanced(room.len(), k);
    let forced = |before: usize| -> i64 {
        let pairs: usize = sizes.iter().map(|z| same_bin_pairs(*z, before)).sum();
        room::REPEAT_WEIGHT * pairs as i64
    };
    // Pairs kept together sit together in every planned round: their bonus, and the repeats
    // that makes.
    let kept_together: i64 = room
        .rule_pairs
        .iter()
        .filter(|(_, _, apart)| !apart)
        .map(|(a, b, _)| {
            let before = room.met_before(*a, *b);
            room::meetings_cost(before + rounds as i64) - room::RULE_WEIGHT * rounds as i64
        })
        .sum();
    let mut floor = room.silo_floor(k) * rounds as i64 + kept_together;
    if kept_together != 0 {
        // Their repeats may be the pigeonholes' too: count them once.
        return floor;
    }
    floor += forced(k) * (rounds as i64 - 1);
    if let Some(last) = history.last() {
        let everyone_sat = room.ids.iter().all(|id| last.table_of(*id).is_some());
        if everyone_sat {
            floor += forced(last.tables().count());
        }
    }
    floor
}

//! How well and how fast the planner seats a room, against a random shuffle in the same run.
//!
//! `cargo run --release -p flamingo-server --example seating_report` prints one JSON object per
//! instance, then a table. `--people N --table-size S --rounds R [--orgs O] [--churn C]
//! [--rules P] [--seed X]` runs one instance of your own instead.

use std::collections::HashMap;
use std::time::Instant;

use clap::Parser;
use flamingo_protocol::{ParticipantId, TableSeats};
use flamingo_server::engine::state::{Pins, Seating};
use flamingo_server::seating::{
    Encounters, Person, PlanRequest, Rules, hosted_counts, plan_with_rules, same_bin_pairs,
    table_count,
};
use serde_json::json;
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    #[arg(long)]
    people: Option<usize>,
    #[arg(long, default_value_t = 5)]
    table_size: u32,
    #[arg(long, default_value_t = 4)]
    rounds: usize,
    /// Organisations of unequal size (the k-th about twice as large as the last).
    #[arg(long, default_value_t = 0)]
    orgs: usize,
    /// Per cent of the room that leaves after each round, replaced by as many newcomers.
    #[arg(long, default_value_t = 0)]
    churn: usize,
    /// Facilitator's rules: this many pairs kept apart, as many kept together, and two people
    /// held at table 1, all picked at random.
    #[arg(long, default_value_t = 0)]
    rules: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

struct Instance {
    people: usize,
    table_size: u32,
    rounds: usize,
    orgs: usize,
    churn: usize,
    rules: usize,
}

/// What one schedule achieved.
struct Figures {
    repeats: u32,
    max_pair: u32,
    same_org_pairs: usize,
    host_rotation_ok: bool,
    hosting_spread: u32,
    ms_per_round: f64,
    ms_worst_round: f64,
    /// Rules broken, summed over rounds.
    unmet: usize,
}

fn main() {
    let args = Args::parse();
    let instances = match args.people {
        Some(people) => vec![Instance {
            people,
            table_size: args.table_size,
            rounds: args.rounds,
            orgs: args.orgs,
            churn: args.churn,
            rules: args.rules,
        }],
        None => [
            // Known designs: zero repeats exist, and a construction gives them.
            (9, 3, 4, 0, 0, 0),
            (15, 3, 7, 0, 0, 0),
            (16, 4, 5, 0, 0, 0),
            (25, 5, 6, 0, 0, 0),
            (49, 7, 8, 0, 0, 0),
            (64, 8, 9, 0, 0, 0),
            (32, 4, 8, 0, 0, 0),
            (32, 4, 9, 0, 0, 0),
            (32, 4, 10, 0, 0, 0),
            // The search's own work.
            (36, 6, 5, 0, 0, 0),
            (24, 4, 5, 4, 0, 0),
            (12, 4, 3, 0, 0, 0),
            (30, 4, 6, 0, 0, 0),
            (30, 6, 3, 7, 0, 0),
            // Rooms of every size.
            (100, 5, 4, 0, 0, 0),
            (200, 5, 4, 0, 0, 0),
            (500, 5, 4, 0, 0, 0),
            (2000, 5, 4, 0, 0, 0),
            (60, 5, 4, 10, 0, 0),
            (500, 5, 4, 10, 0, 0),
            (2000, 5, 3, 10, 0, 0),
            (100, 5, 4, 0, 5, 0),
            (2000, 5, 4, 10, 2, 0),
            // The facilitator's rules.
            (30, 5, 4, 0, 0, 3),
            (24, 4, 5, 4, 0, 3),
            (100, 5, 4, 5, 0, 10),
            (2000, 5, 4, 10, 0, 50),
        ]
        .into_iter()
        .map(
            |(people, table_size, rounds, orgs, churn, rules)| Instance {
                people,
                table_size,
                rounds,
                orgs,
                churn,
                rules,
            },
        )
        .collect(),
    };
    let mut rows = Vec::new();
    for inst in &instances {
        let churned = inst.people * inst.churn / 100;
        let total = inst.people + churned * inst.rounds.saturating_sub(1);
        let orgs = organisations(inst.people, inst.orgs);
        // A newcomer takes the organisation of someone who left, so the mix stays the same.
        let org_of = |i: usize| orgs.get(i % inst.people.max(1)).map(String::as_str);
        let everyone: Vec<Person> = (0..total)
            .map(|i| Person {
                id: id(i),
                organisation: org_of(i),
                role: None,
            })
            .collect();
        let rosters = rosters(inst, churned, args.seed);
        let throughout: Vec<Person> = everyone
            .iter()
            .filter(|p| {
                rosters
                    .iter()
                    .all(|r| r.iter().any(|i| everyone[*i].id == p.id))
            })
            .cloned()
            .collect();
        let rules = rules(&everyone[..inst.people], inst.rules, args.seed);
        let planned = planner(&everyone, &rosters, inst, &rules, args.seed);
        let random = shuffle(&everyone, &rosters, inst, args.seed);
        let mut plan = figures(&planned.0, &everyone, &throughout, planned.1);
        plan.unmet = planned.2;
        let rand = figures(&random, &everyone, &throughout, Vec::new());
        // With churn the room is not the same people each round; the bounds assume it is.
        let bound = if inst.churn == 0 {
            repeat_bound(inst)
        } else {
            0
        };
        let org_bound = org_bound(&orgs, inst);
        let line = json!({
            "people": inst.people,
            "tableSize": inst.table_size,
            "rounds": inst.rounds,
            "orgs": inst.orgs,
            "churnPercent": inst.churn,
            "rulePairs": inst.rules,
            "rulesUnmet": plan.unmet,
            "repeats": plan.repeats,
            "lowerBound": bound,
            "aboveLowerBound": plan.repeats.saturating_sub(bound),
            "maxPairMultiplicity": plan.max_pair,
            "sameOrgPairs": plan.same_org_pairs,
            "sameOrgLowerBound": org_bound,
            "hostRotationOk": plan.host_rotation_ok,
            "hostingSpread": plan.hosting_spread,
            "msPerRound": round3(plan.ms_per_round),
            "msWorstRound": round3(plan.ms_worst_round),
            "random": {
                "repeats": rand.repeats,
                "maxPairMultiplicity": rand.max_pair,
                "sameOrgPairs": rand.same_org_pairs,
                "hostRotationOk": rand.host_rotation_ok,
            },
        });
        println!("{line}");
        rows.push((inst, plan, rand, bound, org_bound));
    }
    println!();
    println!(
        "| people | size | rounds | orgs | churn % | rules (unmet) | repeats (bound) | max pair | same-org pairs (bound) | hosts ok (spread) | ms/round (worst) | random: repeats | max pair | same-org |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|---:|");
    for (inst, plan, rand, bound, org_bound) in rows {
        println!(
            "| {} | {} | {} | {} | {} | {} ({}) | {} ({}) | {} | {} ({}) | {} ({}) | {:.2} ({:.2}) | {} | {} | {} |",
            inst.people,
            inst.table_size,
            inst.rounds,
            inst.orgs,
            inst.churn,
            inst.rules,
            plan.unmet,
            plan.repeats,
            bound,
            plan.max_pair,
            plan.same_org_pairs,
            org_bound,
            if plan.host_rotation_ok { "yes" } else { "no" },
            plan.hosting_spread,
            plan.ms_per_round,
            plan.ms_worst_round,
            rand.repeats,
            rand.max_pair,
            rand.same_org_pairs,
        );
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn id(i: usize) -> ParticipantId {
    Uuid::from_u128(0xAAAA_0000_0000_0000_0000_0000_0000_0000 | (i as u128 + 1))
}

/// `orgs` organisations of unequal size: weights 2, 2-1/(orgs-1)… down to 1, people in join
/// order by organisation block (the worst order for a naive planner).
fn organisations(people: usize, orgs: usize) -> Vec<String> {
    if orgs == 0 {
        return Vec::new();
    }
    let weights: Vec<f64> = (0..orgs)
        .map(|o| 2.0 - o as f64 / (orgs.max(2) - 1) as f64)
        .collect();
    let total: f64 = weights.iter().sum();
    let mut out = Vec::with_capacity(people);
    for (o, w) in weights.iter().enumerate() {
        let count = if o + 1 == orgs {
            people - out.len()
        } else {
            ((w / total) * people as f64).round() as usize
        };
        out.extend(std::iter::repeat_n(
            format!("org-{o}"),
            count.min(people - out.len()),
        ));
    }
    out
}

/// Who is present in each round: `churned` people leave after each round (picked at random)
/// and as many newcomers join; indices into everyone.
fn rosters(inst: &Instance, churned: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0xC0FFEE);
    let mut roster: Vec<usize> = (0..inst.people).collect();
    let mut next = inst.people;
    let mut rosters = Vec::new();
    for _ in 0..inst.rounds {
        rosters.push(roster.clone());
        for _ in 0..churned.min(roster.len()) {
            roster.remove(rng.usize(..roster.len()));
            roster.push(next);
            next += 1;
        }
    }
    rosters
}

/// `pairs` pairs kept apart and as many kept together, and two people held at table 1, all
/// different people picked at random from the first room.
fn rules(people: &[Person<'_>], pairs: usize, seed: u64) -> Rules {
    let mut rules = Rules::default();
    if pairs == 0 {
        return rules;
    }
    let mut ids: Vec<ParticipantId> = people.iter().map(|p| p.id).collect();
    fastrand::Rng::with_seed(seed ^ 0x5EA7).shuffle(&mut ids);
    let mut ids = ids.into_iter();
    let mut next_pair = || ids.next().zip(ids.next());
    for _ in 0..pairs {
        rules.apart.extend(next_pair());
    }
    for _ in 0..pairs {
        rules.together.extend(next_pair());
    }
    if let Some((a, b)) = next_pair() {
        rules.mark_tables(&[1], [a, b]);
    }
    rules
}

/// Runs the planner round by round, as the engine does; the rounds, each round's time, and
/// how many rules the plans broke in all.
fn planner(
    everyone: &[Person<'_>],
    rosters: &[Vec<usize>],
    inst: &Instance,
    rules: &Rules,
    seed: u64,
) -> (Vec<Seating>, Vec<f64>, usize) {
    let mut history: Vec<Seating> = Vec::new();
    let mut times = Vec::new();
    let mut unmet = 0;
    let pins = Pins::default();
    for (i, roster) in rosters.iter().enumerate() {
        let r = i + 1;
        let people: Vec<Person> = roster.iter().map(|p| everyone[*p].clone()).collect();
        let joined = roster.iter().max().map_or(0, |m| m + 1);
        let started = Instant::now();
        let plan = plan_with_rules(
            &PlanRequest {
                round: r as u32,
                rounds_left: (inst.rounds + 1 - r) as u32,
                people: &people,
                known: &everyone[..joined],
                history: &history,
                table_size: inst.table_size,
                physical_tables: None,
                pins: &pins,
                seed,
            },
            rules,
        );
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        unmet += plan.unmet.len();
        history.push(Seating::new(r as u32, plan.tables));
    }
    (history, times, unmet)
}

/// What breakout-room tools do: a fresh random shuffle into the same table sizes each round,
/// the first at each table hosting.
fn shuffle(
    everyone: &[Person<'_>],
    rosters: &[Vec<usize>],
    inst: &Instance,
    seed: u64,
) -> Vec<Seating> {
    let mut rng = fastrand::Rng::with_seed(seed);
    rosters
        .iter()
        .enumerate()
        .map(|(i, roster)| {
            let r = i + 1;
            let k = table_count(roster.len(), inst.table_size, None);
            let mut ids: Vec<ParticipantId> = roster.iter().map(|p| everyone[*p].id).collect();
            rng.shuffle(&mut ids);
            let mut tables: Vec<TableSeats> = (0..k)
                .map(|t| TableSeats {
                    table: t as u32 + 1,
                    host: None,
                    members: Vec::new(),
                })
                .collect();
            for (i, p) in ids.into_iter().enumerate() {
                tables[i % k].members.push(p);
            }
            for t in &mut tables {
                t.host = t.members.first().copied();
            }
            Seating::new(r as u32, tables)
        })
        .collect()
}

fn figures(
    history: &[Seating],
    people: &[Person<'_>],
    throughout: &[Person<'_>],
    times: Vec<f64>,
) -> Figures {
    let met = Encounters::from_history(history);
    let org: HashMap<ParticipantId, &str> = people
        .iter()
        .filter_map(|p| Some((p.id, p.organisation?)))
        .collect();
    let same_org_pairs = history
        .iter()
        .flat_map(|s| s.tables())
        .map(|t| {
            let mut sizes: HashMap<&str, usize> = HashMap::new();
            for m in &t.members {
                if let Some(o) = org.get(m) {
                    *sizes.entry(o).or_insert(0) += 1;
                }
            }
            sizes.values().map(|a| a * (a - 1) / 2).sum::<usize>()
        })
        .sum();
    Figures {
        repeats: met.counts().map(|c| c.saturating_sub(1)).sum(),
        max_pair: met.counts().max().unwrap_or(0),
        same_org_pairs,
        host_rotation_ok: hosts_rotate(history),
        hosting_spread: hosting_spread(history, throughout),
        ms_per_round: times.iter().sum::<f64>() / times.len().max(1) as f64,
        ms_worst_round: times.iter().copied().fold(0.0, f64::max),
        unmet: 0,
    }
}

/// Every table has a host who sits there; from round 2 on, one who sat at that table the
/// round before and, of those now at the table who did, had hosted least.
fn hosts_rotate(history: &[Seating]) -> bool {
    let hosted_ok = history.iter().all(|s| {
        s.tables()
            .all(|t| t.host.is_some_and(|h| t.members.contains(&h)))
    });
    hosted_ok
        && history.windows(2).enumerate().all(|(i, pair)| {
            let hosted = hosted_counts(&history[..=i]);
            let count = |p: &ParticipantId| hosted.get(p).copied().unwrap_or(0);
            pair[1].tables().all(|t| {
                let Some(was) = pair[0].table(t.table) else {
                    return true;
                };
                let could_stay = t.members.iter().filter(|m| was.members.contains(m));
                let least = could_stay.map(count).min().unwrap_or(0);
                t.host
                    .is_some_and(|h| was.members.contains(&h) && count(&h) == least)
            })
        })
}

/// How many more times the busiest host hosted than the least busy person.
fn hosting_spread(history: &[Seating], people: &[Person<'_>]) -> u32 {
    let hosted = hosted_counts(history);
    let counts = people
        .iter()
        .map(|p| hosted.get(&p.id).copied().unwrap_or(0));
    counts.clone().max().unwrap_or(0) - counts.min().unwrap_or(0)
}

/// A lower bound on repeated encounters, the larger of two simple ones: a person meets
/// (size - 1) people a round and there are only people - 1 others; and a table of z people
/// drawn from the k tables of the round before holds at least `same_bin_pairs(z, k)` pairs who
/// just met, each a repeat (a pair meeting m times has at most m - 1 such round-to-round
/// coincidences).
fn repeat_bound(inst: &Instance) -> u32 {
    let n = inst.people;
    let k = table_count(n, inst.table_size, None);
    let sizes: Vec<usize> = (0..k).map(|i| n / k + usize::from(i < n % k)).collect();
    // Everyone meets at least (smallest table - 1) new or old faces a round.
    let smallest = sizes.iter().copied().min().unwrap_or(0);
    let per_person = n * (inst.rounds * smallest.saturating_sub(1)).saturating_sub(n - 1) / 2;
    let pigeonhole: usize =
        sizes.iter().map(|z| same_bin_pairs(*z, k)).sum::<usize>() * inst.rounds.saturating_sub(1);
    per_person.max(pigeonhole) as u32
}

/// Each organisation spread as evenly as the tables allow, every round.
fn org_bound(orgs: &[String], inst: &Instance) -> usize {
    let k = table_count(inst.people, inst.table_size, None);
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for o in orgs {
        *sizes.entry(o).or_insert(0) += 1;
    }
    sizes.values().map(|a| same_bin_pairs(*a, k)).sum::<usize>() * inst.rounds
}

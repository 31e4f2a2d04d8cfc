//! The main scenario: cafés of phones, walls and a facilitator. Each facilitator runs its
//! rounds; in each round the table hosts post notes. The same clients then do the same
//! through the floor, where a round start is a room-wide frame and a note goes to the
//! table and the staff.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::bail;
use flamingo_protocol::{Auth, Command, RoundSpec, Update};

use super::clock::now_us;
use super::conn::{Audience, Client, Dialect, Metrics, Role, Spec};
use super::fleet::{self, wait_until};
use super::histogram::Histogram;
use super::marker::{Kind, Marker};
use super::options::RunOptions;
use super::payload;
use super::proc_stats::ProcStats;
use super::report::{Report, ratio};
use super::target::Target;

/// How long a round start may take to reach every phone before the run calls it an error.
const ROUND_WAIT: Duration = Duration::from_secs(30);
/// Time after the last note for its deliveries to land.
const GRACE: Duration = Duration::from_secs(1);
const ORGANISATIONS: [&str; 7] = [
    "City Council",
    "Fire Service",
    "NHS Trust",
    "Police",
    "University",
    "Housing",
    "Voluntary Sector",
];

/// Runs the scenario on Flamingo, then on the floor (if given), and compares.
pub async fn run(
    opts: &RunOptions,
    flamingo: &Target,
    floor: Option<&Target>,
) -> anyhow::Result<Report> {
    let mut report = Report::new("run");
    report.add("cafes", "cafés", opts.cafes);
    report.add("phones", "phones", opts.phones);
    report.add("walls_per_cafe", "walls per café", opts.walls);
    report.add("rounds", "rounds", opts.rounds);
    report.add("note_rate", "notes per second (all cafés)", opts.note_rate);
    measure(opts, flamingo, &mut report).await?;
    if let Some(floor) = floor {
        measure(opts, floor, &mut report).await?;
        compare(&mut report, "round_start", "round start");
        compare(&mut report, "notes.all", "note delivery");
        if let (Some(a), Some(b)) = (
            report.f64("flamingo.msgs_per_s"),
            report.f64("floor.msgs_per_s"),
        ) && let Some(r) = ratio(a, b)
        {
            report.add("ratio.msgs_per_s", "throughput flamingo / floor", r);
        }
    }
    Ok(report)
}

/// Adds the ratio of Flamingo's p99 to the floor's for one latency.
pub fn compare(report: &mut Report, key: &str, what: &str) {
    let p99 = |sys: &str| {
        report
            .get(&format!("{sys}.{key}"))
            .and_then(|v| v.get("p99_ms"))
            .and_then(|v| v.as_f64())
    };
    if let (Some(a), Some(b)) = (p99("flamingo"), p99("floor"))
        && let Some(r) = ratio(a, b)
    {
        report.add(
            &format!("ratio.{key}.p99"),
            &format!("{what} p99 flamingo / floor"),
            r,
        );
    }
}

/// One café's clients.
struct Cafe {
    facilitator: Client,
    /// Held so they stay connected; they only receive.
    _walls: Vec<Client>,
    phones: Vec<Client>,
    /// Floor only: each phone's table.
    tables: Vec<u32>,
}

async fn measure(opts: &RunOptions, target: &Target, report: &mut Report) -> anyhow::Result<()> {
    let sys = target.name();
    let metrics = Arc::new(Metrics::default());
    // Let a fresh server settle before its idle memory is read.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = target.stats();
    let own_start = ProcStats::own().ok();

    let (specs, shape) = specs(opts, target).await?;
    let total = specs.len();
    let opened = fleet::open_all(specs, opts.common.concurrency, &metrics).await;
    let connected = opened.clients.iter().flatten().count();
    report.add(
        &format!("{sys}.connections"),
        &format!("{sys}: connections open"),
        connected,
    );
    report.add(
        &format!("{sys}.connect_all_s"),
        &format!("{sys}: time to connect all (s)"),
        opened.all_ready.as_secs_f64(),
    );
    report.latency(
        &format!("{sys}.connect"),
        &format!("{sys}: connect + hello, per client"),
        opened.ready.clone().summary(),
    );
    let after_connect = target.stats();
    if let (Some(idle), Some(now)) = (idle, after_connect) {
        memory(report, sys, idle, now, connected);
    }
    let cafes = group(opened.clients, &shape);
    if cafes.is_empty() || connected < total {
        report.add(
            &format!("{sys}.errors"),
            &format!("{sys}: errors"),
            metrics.errors.load(Ordering::Relaxed),
        );
        bail!(
            "{sys}: only {connected} of {total} clients connected: {:?}",
            metrics.problems
        );
    }

    let frames0 = metrics.frames.load(Ordering::Relaxed);
    let active_start = now_us();
    let mut round_start = Histogram::default();
    let mut start_acks = Histogram::default();
    let mut peak_rss = after_connect.map(|s| s.rss_bytes).unwrap_or(0);
    if opts.rounds > 0 && opts.welcome > 0.0 {
        tokio::time::sleep(Duration::from_secs_f64(opts.welcome)).await;
    }
    if opts.rounds == 0 {
        let end = tokio::time::Instant::now() + Duration::from_secs_f64(opts.seconds);
        while tokio::time::Instant::now() < end {
            tokio::time::sleep(Duration::from_secs(5).min(end - tokio::time::Instant::now())).await;
            if let Some(s) = target.stats() {
                peak_rss = peak_rss.max(s.rss_bytes);
            }
        }
    }
    for round in 1..=opts.rounds {
        metrics.step.store(round, Ordering::Relaxed);
        let (posters, mut this_round) = match target.dialect {
            Dialect::Flamingo => {
                start_round(&cafes, round, opts.start_spread, &metrics, &mut start_acks).await
            }
            Dialect::Floor => floor_round(&cafes, round, opts.start_spread, &metrics).await,
        };
        report.latency(
            &format!("{sys}.round_start.{round}"),
            &format!("{sys}: round {round} start"),
            this_round.summary(),
        );
        round_start.merge(&this_round);
        post_notes(opts, target.dialect, &posters, round, &metrics).await;
        tokio::time::sleep(GRACE).await;
        if target.dialect == Dialect::Flamingo {
            end_round(&cafes, &metrics).await;
        }
        if let Some(s) = target.stats() {
            peak_rss = peak_rss.max(s.rss_bytes);
        }
    }
    let active_s = (now_us() - active_start) as f64 / 1e6;
    let frames = metrics.frames.load(Ordering::Relaxed) - frames0;
    let end_stats = target.stats();

    if opts.rounds > 0 {
        report.latency(
            &format!("{sys}.round_start"),
            &format!("{sys}: round start, command to every phone holding its table"),
            round_start.summary(),
        );
    }
    if !start_acks.is_empty() {
        report.latency(
            &format!("{sys}.round_start_ack"),
            &format!("{sys}: round start, command to the facilitator's ack"),
            start_acks.summary(),
        );
    }
    if opts.note_rate > 0.0 && opts.rounds > 0 {
        let h = |to: &[Audience]| metrics.histogram(Kind::Note, to, &[]).summary();
        report.latency(
            &format!("{sys}.notes.ack"),
            &format!("{sys}: note post to author's ack"),
            h(&[Audience::Author]),
        );
        report.latency(
            &format!("{sys}.notes.tablemates"),
            &format!("{sys}: note post to table-mates"),
            h(&[Audience::Phone]),
        );
        if opts.walls > 0 {
            report.latency(
                &format!("{sys}.notes.walls"),
                &format!("{sys}: note post to walls"),
                h(&[Audience::Wall]),
            );
        }
        report.latency(
            &format!("{sys}.notes.facilitator"),
            &format!("{sys}: note post to facilitator"),
            h(&[Audience::Facilitator]),
        );
        report.latency(
            &format!("{sys}.notes.all"),
            &format!("{sys}: note post to every receiver"),
            h(&[Audience::Phone, Audience::Wall, Audience::Facilitator]),
        );
    }
    report.add(
        &format!("{sys}.msgs_per_s"),
        &format!("{sys}: messages delivered per second"),
        (frames as f64 / active_s).round(),
    );
    if let (Some(a), Some(b)) = (after_connect, end_stats) {
        report.add(
            &format!("{sys}.cpu_s"),
            &format!("{sys}: server CPU seconds, active phase"),
            round2(b.cpu_seconds - a.cpu_seconds),
        );
        peak_rss = peak_rss.max(b.rss_bytes);
        if let Some(idle) = idle {
            report.add(
                &format!("{sys}.peak_bytes_per_conn"),
                &format!("{sys}: peak memory over idle, per connection (bytes)"),
                peak_rss.saturating_sub(idle.rss_bytes) / connected.max(1) as u64,
            );
        }
    }
    if let (Some(a), Ok(b)) = (own_start, ProcStats::own()) {
        report.add(
            &format!("{sys}.generator_cpu_s"),
            &format!("{sys}: generator CPU seconds"),
            round2(b.cpu_seconds - a.cpu_seconds),
        );
    }
    finish(report, sys, &metrics);
    Ok(())
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn memory(report: &mut Report, sys: &str, idle: ProcStats, now: ProcStats, connections: usize) {
    report.add(
        &format!("{sys}.idle_rss_mib"),
        &format!("{sys}: idle memory (MiB)"),
        round2(idle.rss_bytes as f64 / 1048576.0),
    );
    report.add(
        &format!("{sys}.rss_mib"),
        &format!("{sys}: memory, all connected (MiB)"),
        round2(now.rss_bytes as f64 / 1048576.0),
    );
    report.add(
        &format!("{sys}.bytes_per_conn"),
        &format!("{sys}: memory over idle, per connection (bytes)"),
        now.rss_bytes.saturating_sub(idle.rss_bytes) / connections.max(1) as u64,
    );
}

/// Errors and disconnects, which must both be zero; stops every client.
pub fn finish(report: &mut Report, sys: &str, metrics: &Metrics) {
    metrics.stopping.store(true, Ordering::Relaxed);
    report.add(
        &format!("{sys}.errors"),
        &format!("{sys}: errors"),
        metrics.errors.load(Ordering::Relaxed),
    );
    report.add(
        &format!("{sys}.disconnects"),
        &format!("{sys}: disconnects"),
        metrics.disconnects.load(Ordering::Relaxed),
    );
    let problems = super::conn::lock(&metrics.problems);
    if !problems.is_empty() {
        report.add(
            &format!("{sys}.problems"),
            &format!("{sys}: first problems"),
            problems.join(" | "),
        );
    }
}

/// Per café: how many walls and phones, in the order the specs list them.
struct Shape {
    cafes: Vec<(usize, usize)>,
    tables: Vec<Vec<u32>>,
}

async fn specs(opts: &RunOptions, target: &Target) -> anyhow::Result<(Vec<Spec>, Shape)> {
    let total = opts.cafes * (1 + opts.walls) + opts.phones;
    let sources = fleet::sources_for(total, opts.common.sources);
    let mut specs = Vec::with_capacity(total);
    let mut shape = Shape {
        cafes: Vec::new(),
        tables: Vec::new(),
    };
    let spec = |specs: &mut Vec<Spec>, path: String, role: Role, auth: Option<Auth>| {
        let index = specs.len();
        specs.push(Spec {
            addr: target.node_for(index),
            path,
            source: fleet::source(index, sources),
            dialect: target.dialect,
            role,
            index: index as u32,
            auth,
        });
    };
    for c in 0..opts.cafes {
        let phones = opts.phones / opts.cafes + usize::from(c < opts.phones % opts.cafes);
        let tables: Vec<u32> = (0..phones)
            .map(|i| i as u32 / opts.table_size + 1)
            .collect();
        match target.dialect {
            Dialect::Flamingo => {
                let created = target
                    .create_cafe(&flamingo_protocol::CreateCafeRequest {
                        title: format!("Load café {c}"),
                        table_size: Some(opts.table_size),
                        tables: None,
                        rounds: (1..=opts.rounds.max(1))
                            .map(|r| RoundSpec {
                                question: format!(
                                    "Question {r}: what would help us work across boundaries?"
                                ),
                                minutes: 60,
                            })
                            .collect(),
                    })
                    .await?;
                let fac = Auth::Facilitator {
                    cafe_id: created.cafe_id,
                    facilitator_key: created.facilitator_key.clone(),
                };
                spec(&mut specs, "/ws".into(), Role::Facilitator, Some(fac));
                for _ in 0..opts.walls {
                    let wall = Auth::Wall {
                        join_code: created.join_code.clone(),
                    };
                    spec(&mut specs, "/ws".into(), Role::Wall, Some(wall));
                }
                for i in 0..phones {
                    let join = Auth::Join {
                        join_code: created.join_code.clone(),
                        name: format!("Phone {c}.{i}"),
                        organisation: Some(ORGANISATIONS[i % ORGANISATIONS.len()].into()),
                        role: None,
                        join_key: None,
                    };
                    spec(&mut specs, "/ws".into(), Role::Phone, Some(join));
                }
            }
            Dialect::Floor => {
                spec(&mut specs, format!("/r/{c}/0"), Role::Facilitator, None);
                for _ in 0..opts.walls {
                    spec(&mut specs, format!("/r/{c}/0"), Role::Wall, None);
                }
                for t in &tables {
                    spec(&mut specs, format!("/r/{c}/{t}"), Role::Phone, None);
                }
            }
        }
        shape.cafes.push((opts.walls, phones));
        shape.tables.push(tables);
    }
    Ok((specs, shape))
}

/// Groups the opened clients by café; a café whose facilitator did not connect is left out.
fn group(clients: Vec<Option<Client>>, shape: &Shape) -> Vec<Cafe> {
    let mut it = clients.into_iter();
    let mut out = Vec::new();
    for ((walls, phones), tables) in shape.cafes.iter().zip(&shape.tables) {
        let facilitator = it.next().flatten();
        let walls: Vec<Client> = it.by_ref().take(*walls).flatten().collect();
        let phones: Vec<Client> = it.by_ref().take(*phones).flatten().collect();
        if let Some(facilitator) = facilitator {
            out.push(Cafe {
                facilitator,
                _walls: walls,
                phones,
                tables: tables.clone(),
            });
        }
    }
    out
}

/// Every facilitator starts round `round`, the `k`th of `n` cafés `spread * k / n` seconds
/// after the first; waits until every phone holds its table and knows the round started, and
/// records, per phone, its own café's command to the later of the two. Returns the table
/// hosts, who post the notes, and the samples; adds the time from each command to its ack
/// (decided and stored, before the fan-out) to `acks`.
async fn start_round(
    cafes: &[Cafe],
    round: u32,
    spread: f64,
    metrics: &Metrics,
    acks: &mut Histogram,
) -> (Vec<Client>, Histogram) {
    let mut samples = Histogram::default();
    let mut sent: Vec<(u64, u32)> = Vec::with_capacity(cafes.len());
    let start = tokio::time::Instant::now();
    for (k, c) in cafes.iter().enumerate() {
        press_at(start, spread, k, cafes.len()).await;
        sent.push((now_us(), c.facilitator.command(Command::StartRound)));
    }
    let held = |p: &Client| {
        let seen = p.seen();
        match (seen.started.get(&round), seen.tables.get(&round)) {
            (Some(s), Some((t, Some(_)))) => Some((*s).max(*t)),
            _ => None,
        }
    };
    let all = wait_until(ROUND_WAIT, || {
        cafes.iter().zip(&sent).all(|(c, (_, rid))| {
            c.facilitator.answer(*rid).is_some() && c.phones.iter().all(|p| held(p).is_some())
        })
    })
    .await;
    if !all {
        metrics.problem(format!(
            "round {round} did not reach every phone within {ROUND_WAIT:?}"
        ));
    }
    let mut hosts = Vec::new();
    for (c, (t0, rid)) in cafes.iter().zip(&sent) {
        if let Some(Err(e)) = c.facilitator.answer(*rid) {
            metrics.problem(format!("startRound refused: {e}"));
        }
        if let Some(at) = c.facilitator.seen().answered_at.get(rid) {
            acks.record(at.saturating_sub(*t0));
        }
        for p in &c.phones {
            if let Some(at) = held(p) {
                samples.record(at.saturating_sub(*t0));
            }
            let hosts_table = p
                .seen()
                .tables
                .get(&round)
                .and_then(|(_, t)| t.as_ref()?.host)
                == p.participant;
            if hosts_table && p.participant.is_some() {
                hosts.push(p.clone());
            }
        }
    }
    (hosts, samples)
}

/// Waits for the `k`th of `n` facilitators' turn to press *Start*, when they are spread over
/// `spread` seconds from `start`.
async fn press_at(start: tokio::time::Instant, spread: f64, k: usize, n: usize) {
    if spread > 0.0 {
        tokio::time::sleep_until(start + Duration::from_secs_f64(spread * k as f64 / n as f64))
            .await;
    }
}

/// The floor's round start: one room-wide frame from each facilitator. Returns the first
/// phone of each table, who post the notes, and the samples.
async fn floor_round(
    cafes: &[Cafe],
    round: u32,
    spread: f64,
    metrics: &Metrics,
) -> (Vec<Client>, Histogram) {
    let start = tokio::time::Instant::now();
    for (k, c) in cafes.iter().enumerate() {
        press_at(start, spread, k, cafes.len()).await;
        let m = Marker {
            kind: Kind::RoundStart,
            step: round,
            sender: c.facilitator.index,
            sent_us: now_us(),
        };
        c.facilitator
            .send_text(payload::floor_everyone(Update::Broadcast {
                text: payload::broadcast_text(m),
                keep: false,
            }));
    }
    let phones: usize = cafes.iter().map(|c| c.phones.len()).sum();
    if !wait_until(ROUND_WAIT, || {
        metrics.count(Kind::RoundStart, &[Audience::Phone], round) >= phones
    })
    .await
    {
        metrics.problem(format!("floor round {round} did not reach every phone"));
    }
    let mut hosts = Vec::new();
    for c in cafes {
        let mut last = 0;
        for (p, t) in c.phones.iter().zip(&c.tables) {
            if *t != last {
                hosts.push(p.clone());
                last = *t;
            }
        }
    }
    let samples = metrics.histogram(Kind::RoundStart, &[Audience::Phone], &[round]);
    (hosts, samples)
}

/// Hosts post notes at the run's rate for its seconds per round, round-robin in a shuffled
/// order. The floor posts the frame Flamingo would deliver for the same note.
async fn post_notes(
    opts: &RunOptions,
    dialect: Dialect,
    hosts: &[Client],
    round: u32,
    metrics: &Metrics,
) {
    let secs = Duration::from_secs_f64(opts.seconds);
    if opts.note_rate <= 0.0 || hosts.is_empty() {
        tokio::time::sleep(secs).await;
        return;
    }
    let per_host_per_minute = opts.note_rate * 60.0 / hosts.len() as f64;
    if per_host_per_minute > flamingo_protocol::limits::NOTES_PER_MINUTE as f64 {
        metrics.problem(format!(
            "{per_host_per_minute:.0} notes per minute per host is above the server's limit; use more phones or a lower rate"
        ));
    }
    let mut order: Vec<usize> = (0..hosts.len()).collect();
    fastrand::shuffle(&mut order);
    let interval = Duration::from_secs_f64(1.0 / opts.note_rate);
    let n = (opts.seconds * opts.note_rate).round() as usize;
    let start = tokio::time::Instant::now();
    for k in 0..n {
        tokio::time::sleep_until(start + interval * k as u32).await;
        let host = &hosts[order[k % order.len()]];
        let m = Marker {
            kind: Kind::Note,
            step: round,
            sender: host.index,
            sent_us: now_us(),
        };
        match dialect {
            Dialect::Flamingo => host.timed_command(
                Command::PostNote {
                    note_id: uuid::Uuid::new_v4(),
                    text: payload::note_text(m),
                    round: Some(round),
                },
                m,
            ),
            Dialect::Floor => host.send_text(payload::floor_note(m, round, 1)),
        }
    }
    tokio::time::sleep_until(start + secs).await;
}

async fn end_round(cafes: &[Cafe], metrics: &Metrics) {
    let sent: Vec<u32> = cafes
        .iter()
        .map(|c| c.facilitator.command(Command::EndRound))
        .collect();
    let answered = wait_until(ROUND_WAIT, || {
        cafes
            .iter()
            .zip(&sent)
            .all(|(c, rid)| c.facilitator.answer(*rid).is_some())
    })
    .await;
    if !answered {
        metrics.problem("endRound not answered".into());
    }
    for (c, rid) in cafes.iter().zip(&sent) {
        if let Some(Err(e)) = c.facilitator.answer(*rid) {
            metrics.problem(format!("endRound refused: {e}"));
        }
    }
}

//! The join storm: a round runs in a café, then phones join all at once. Each must be
//! seated, and the facilitator's roster must be current soon after the last join. What each
//! phone receives is counted, to show that joins do not fan out to every phone.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::{Context, bail};
use flamingo_protocol::{Auth, Command, RoundSpec};

use super::clock::now_us;
use super::conn::{Client, Dialect, Metrics, Role, Spec};
use super::fleet::{self, wait_until};
use super::histogram::Histogram;
use super::options::StormOptions;
use super::report::Report;
use super::run::{finish, memory};
use super::target::Target;

const WAIT: Duration = Duration::from_secs(60);

pub async fn storm(opts: &StormOptions, target: &Target) -> anyhow::Result<Report> {
    if target.dialect != Dialect::Flamingo {
        bail!("the join storm needs Flamingo");
    }
    let sys = "flamingo";
    let mut report = Report::new("storm");
    report.add("phones", "phones joining at once", opts.phones);
    let metrics = Arc::new(Metrics::default());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = target.stats();
    let created = target
        .create_cafe(&flamingo_protocol::CreateCafeRequest {
            title: "Join storm".into(),
            table_size: Some(opts.table_size),
            tables: None,
            rounds: (1..=3)
                .map(|r| RoundSpec {
                    question: format!("Question {r}"),
                    minutes: 60,
                })
                .collect(),
        })
        .await?;
    let total = 2 + opts.seed + opts.phones;
    let sources = fleet::sources_for(total, opts.common.sources);
    let spec = |index: usize, role: Role, auth: Auth| Spec {
        addr: target.node_for(index),
        path: "/ws".into(),
        source: fleet::source(index, sources),
        dialect: Dialect::Flamingo,
        role,
        index: index as u32,
        auth: Some(auth),
    };
    let join = |i: usize| Auth::Join {
        join_code: created.join_code.clone(),
        name: format!("Phone {i}"),
        organisation: None,
        role: None,
        join_key: None,
    };
    let mut first = vec![
        spec(
            0,
            Role::Facilitator,
            Auth::Facilitator {
                cafe_id: created.cafe_id,
                facilitator_key: created.facilitator_key.clone(),
            },
        ),
        spec(
            1,
            Role::Wall,
            Auth::Wall {
                join_code: created.join_code.clone(),
            },
        ),
    ];
    first.extend((2..2 + opts.seed).map(|i| spec(i, Role::Phone, join(i))));
    let seeded = fleet::open_all(first, opts.common.concurrency, &metrics).await;
    let mut seeded = seeded.clients.into_iter();
    let fac = seeded
        .next()
        .flatten()
        .context("the facilitator did not connect")?;
    let _held: Vec<Client> = seeded.flatten().collect();
    let rid = fac.command(Command::StartRound);
    if !wait_until(WAIT, || fac.answer(rid).is_some()).await {
        bail!("startRound not answered");
    }
    if let Some(Err(e)) = fac.answer(rid) {
        bail!("startRound refused: {e}");
    }
    let fac_frames0 = fac.shared.frames.load(Ordering::Relaxed);
    // Seed phones may have joined before the facilitator was synced (then they came in its
    // snapshot): count only what the storm adds.
    let (joined0, seated0) = {
        let s = fac.seen();
        (s.joined, s.seated)
    };

    // The storm: every phone at once (the concurrency cap is the generator's only pacing).
    let start = now_us();
    let specs: Vec<Spec> = (0..opts.phones)
        .map(|k| 2 + opts.seed + k)
        .map(|i| spec(i, Role::Phone, join(i)))
        .collect();
    let opened = fleet::open_all(specs, opts.phones.max(1), &metrics).await;
    let phones: Vec<Client> = opened.clients.into_iter().flatten().collect();
    let last_join = phones.iter().map(|p| p.ready_us).max().unwrap_or(start);
    report.add("joined", "phones joined", phones.len());
    report.add(
        "storm_s",
        "join storm: first hello to last phone synced (s)",
        (last_join - start) as f64 / 1e6,
    );
    report.latency(
        "join",
        "join, per phone (connect + hello + synced)",
        opened.ready.clone().summary(),
    );

    // Seated: the table came in the snapshot or in a tableChanged.
    let seated = |p: &Client| {
        p.seen()
            .tables
            .get(&1)
            .and_then(|(at, t)| t.as_ref().map(|_| *at))
    };
    if !wait_until(WAIT, || phones.iter().all(|p| seated(p).is_some())).await {
        metrics.problem("not every phone was seated".into());
    }
    let mut seat = Histogram::default();
    for p in &phones {
        if let Some(at) = seated(p) {
            seat.record(at.saturating_sub(start));
        }
    }
    report.latency("seated", "seated, from the storm's start", seat.summary());

    // The facilitator's roster: every join and every seat.
    let current = wait_until(WAIT, || {
        let s = fac.seen();
        s.joined - joined0 >= opts.phones && s.seated - seated0 >= opts.phones
    })
    .await;
    if !current {
        let s = fac.seen();
        metrics.problem(format!(
            "facilitator saw {} joins and {} seats of {}",
            s.joined - joined0,
            s.seated - seated0,
            opts.phones
        ));
    }
    let roster_at = fac.seen().last_roster_us;
    report.add(
        "facilitator_lag_ms",
        "facilitator current, after the last phone synced (ms)",
        (roster_at.saturating_sub(last_join) as f64 / 1000.0 * 100.0).round() / 100.0,
    );
    // Let trailing updates land before counting them.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let frames: Vec<u64> = phones
        .iter()
        .map(|p| p.shared.frames.load(Ordering::Relaxed))
        .collect();
    let sum: u64 = frames.iter().sum();
    report.add(
        "frames_per_phone",
        "frames per joining phone, hello included (mean)",
        (sum as f64 / phones.len().max(1) as f64 * 100.0).round() / 100.0,
    );
    report.add(
        "frames_per_phone_max",
        "frames per joining phone (max)",
        frames.iter().max().copied().unwrap_or(0),
    );
    report.add(
        "facilitator_frames_per_join",
        "facilitator frames per join",
        ((fac.shared.frames.load(Ordering::Relaxed) - fac_frames0) as f64
            / opts.phones.max(1) as f64
            * 100.0)
            .round()
            / 100.0,
    );
    if let (Some(idle), Some(now)) = (idle, target.stats()) {
        memory(&mut report, sys, idle, now, phones.len() + opts.seed + 2);
        report.add(
            &format!("{sys}.cpu_s"),
            &format!("{sys}: server CPU seconds, whole run"),
            super::run::round2(now.cpu_seconds - idle.cpu_seconds),
        );
    }
    finish(&mut report, sys, &metrics);
    Ok(report)
}

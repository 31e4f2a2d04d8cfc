//! Room-wide events at rising rates: broadcasts from the facilitator to every phone of one
//! café, a step per rate, until the p99 of arrival passes the limit. The floor runs the same
//! steps; the report compares the highest passing rates.
//!
//! A facilitator connection may send 20 messages a second, so the broadcasts are spread
//! over several facilitator connections of the same café, each well under that.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::bail;
use flamingo_protocol::{Auth, Command, RoundSpec, Update};

use super::clock::now_us;
use super::conn::{Audience, Client, Dialect, Metrics, Role, Spec};
use super::fleet::{self, wait_until};
use super::marker::{Kind, Marker};
use super::options::SweepOptions;
use super::payload;
use super::report::{Report, ratio};
use super::run::{finish, round2};
use super::target::Target;

/// Broadcasts per second one facilitator connection sends at most.
const PER_SENDER: f64 = 15.0;
/// The longest a step waits for its last deliveries.
const DRAIN: Duration = Duration::from_secs(10);
const SETTLE: Duration = Duration::from_secs(2);
/// Tries at each rate: the machine is shared, so one stall of a neighbour should not end
/// the sweep; a rate fails when every try failed.
const TRIES: u32 = 2;

pub async fn sweep(
    opts: &SweepOptions,
    flamingo: &Target,
    floor: Option<&Target>,
) -> anyhow::Result<Report> {
    let mut report = Report::new("sweep");
    report.add("phones", "phones", opts.phones);
    report.add("limit_ms", "p99 limit (ms)", opts.limit_ms);
    let best = measure(opts, flamingo, &mut report).await?;
    if let Some(floor) = floor {
        let floor_best = measure(opts, floor, &mut report).await?;
        if let Some(r) = ratio(best, floor_best) {
            report.add("ratio.best_rate", "highest rate flamingo / floor", r);
        }
    }
    Ok(report)
}

/// Runs the steps on one server; returns the highest rate whose p99 stayed under the limit.
async fn measure(opts: &SweepOptions, target: &Target, report: &mut Report) -> anyhow::Result<f64> {
    let sys = target.name();
    let metrics = Arc::new(Metrics::default());
    let top = opts.rates.iter().copied().fold(0.0, f64::max);
    let senders = (top / PER_SENDER).ceil().max(1.0) as usize;
    let total = senders + opts.phones;
    let sources = fleet::sources_for(total, opts.common.sources);
    let (fac_auth, join_code) = match target.dialect {
        Dialect::Flamingo => {
            let created = target
                .create_cafe(&flamingo_protocol::CreateCafeRequest {
                    title: "Broadcast sweep".into(),
                    table_size: Some(5),
                    tables: None,
                    rounds: vec![RoundSpec {
                        question: "What matters most?".into(),
                        minutes: 60,
                    }],
                })
                .await?;
            (
                Some(Auth::Facilitator {
                    cafe_id: created.cafe_id,
                    facilitator_key: created.facilitator_key,
                }),
                created.join_code,
            )
        }
        Dialect::Floor => (None, String::new()),
    };
    let specs: Vec<Spec> = (0..total)
        .map(|i| {
            let role = if i < senders {
                Role::Facilitator
            } else {
                Role::Phone
            };
            let (path, auth) = match target.dialect {
                Dialect::Flamingo => (
                    "/ws".to_owned(),
                    if role == Role::Facilitator {
                        fac_auth.clone()
                    } else {
                        Some(Auth::Join {
                            join_code: join_code.clone(),
                            name: format!("Phone {i}"),
                            organisation: None,
                            role: None,
                            join_key: None,
                        })
                    },
                ),
                Dialect::Floor => (
                    format!(
                        "/r/0/{}",
                        if role == Role::Facilitator {
                            0
                        } else {
                            1 + i / 5
                        }
                    ),
                    None,
                ),
            };
            Spec {
                addr: target.node_for(i),
                path,
                source: fleet::source(i, sources),
                dialect: target.dialect,
                role,
                index: i as u32,
                auth,
            }
        })
        .collect();
    let opened = fleet::open_all(specs, opts.common.concurrency, &metrics).await;
    let clients: Vec<Client> = opened.clients.into_iter().flatten().collect();
    if clients.len() < total {
        bail!(
            "{sys}: only {} of {total} clients connected: {:?}",
            clients.len(),
            metrics.problems
        );
    }
    let (facs, phones) = clients.split_at(senders);
    // Let the server finish what the joins left (storage, pings scheduled) before timing.
    tokio::time::sleep(SETTLE).await;
    let start_stats = target.stats();
    let mut best = 0.0;
    let mut steps = Vec::new();
    let attempts = opts
        .rates
        .iter()
        .flat_map(|r| std::iter::repeat_n(*r, TRIES as usize));
    let mut passed_at = None;
    for (k, rate) in attempts.enumerate() {
        if passed_at == Some(rate) {
            continue;
        }
        let step = k as u32 + 1;
        metrics.step.store(step, Ordering::Relaxed);
        let frames0 = metrics.frames.load(Ordering::Relaxed);
        let t0 = now_us();
        let n = (rate * opts.seconds).round() as usize;
        let interval = Duration::from_secs_f64(1.0 / rate);
        let begin = tokio::time::Instant::now();
        for j in 0..n {
            tokio::time::sleep_until(begin + interval * j as u32).await;
            let fac = &facs[j % facs.len()];
            let m = Marker {
                kind: Kind::Broadcast,
                step,
                sender: fac.index,
                sent_us: now_us(),
            };
            let text = payload::broadcast_text(m);
            match target.dialect {
                Dialect::Flamingo => fac.timed_command(Command::Broadcast { text, keep: false }, m),
                Dialect::Floor => fac.send_text(payload::floor_everyone(Update::Broadcast {
                    text,
                    keep: false,
                })),
            }
        }
        let expected = n * phones.len();
        let complete = wait_until(DRAIN, || {
            metrics.count(Kind::Broadcast, &[Audience::Phone], step) >= expected
        })
        .await;
        let secs = (now_us() - t0) as f64 / 1e6;
        let delivered = metrics.frames.load(Ordering::Relaxed) - frames0;
        let mut h = metrics.histogram(Kind::Broadcast, &[Audience::Phone], &[step]);
        let s = h.summary();
        let lost = expected.saturating_sub(s.n);
        let errors =
            metrics.errors.load(Ordering::Relaxed) + metrics.disconnects.load(Ordering::Relaxed);
        let pass = complete && errors == 0 && s.p99_ms <= opts.limit_ms;
        let attempt = k as u32 % TRIES + 1;
        report.latency(
            &format!("{sys}.rate_{rate}_try{attempt}"),
            &format!("{sys}: {rate}/s to {} phones, try {attempt}", phones.len()),
            s,
        );
        steps.push(serde_json::json!({
            "rate": rate, "p50_ms": s.p50_ms, "p99_ms": s.p99_ms, "max_ms": s.max_ms,
            "lost": lost, "msgs_per_s": (delivered as f64 / secs).round(), "pass": pass, "try": attempt,
        }));
        let last_try = attempt == TRIES;
        if pass {
            best = rate;
            passed_at = Some(rate);
        } else if last_try {
            break;
        }
    }
    report.add(
        &format!("{sys}.steps"),
        &format!("{sys}: steps"),
        serde_json::Value::Array(steps),
    );
    report.add(
        &format!("{sys}.best_rate"),
        &format!("{sys}: highest rate with p99 ≤ {} ms", opts.limit_ms),
        best,
    );
    if let (Some(a), Some(b)) = (start_stats, target.stats()) {
        report.add(
            &format!("{sys}.cpu_s"),
            &format!("{sys}: server CPU seconds, all steps"),
            round2(b.cpu_seconds - a.cpu_seconds),
        );
    }
    finish(report, sys, &metrics);
    Ok(best)
}

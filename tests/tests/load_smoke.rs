//! A small run of the load generator, so that it keeps working: a few hundred clients for a
//! few seconds against the real `flamingo` binary (a child process, so its memory and CPU
//! are its own) and the floor. The big runs are benchmarks (BENCHMARKS.md), not tests; this
//! only asserts that every scenario finishes without errors and that its figures are sane.

use flamingo_tests::load::options::{Common, RunOptions, StormOptions, SweepOptions};
use flamingo_tests::load::target::Target;
use flamingo_tests::load::{Report, floor, run, storm, sweep};

fn latency(report: &Report, key: &str) -> (u64, f64, f64) {
    let v = report
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in {}", report.json_line()));
    let n = v["n"].as_u64().expect("n");
    let p50 = v["p50_ms"].as_f64().expect("p50");
    let p99 = v["p99_ms"].as_f64().expect("p99");
    (n, p50, p99)
}

fn clean(report: &Report, sys: &str) {
    for what in ["errors", "disconnects"] {
        assert_eq!(
            report.f64(&format!("{sys}.{what}")),
            Some(0.0),
            "{sys} {what}:\n{}",
            report.table()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cafes_with_rounds_and_notes_against_flamingo_and_the_floor() {
    let flamingo = Target::start_flamingo(Vec::new()).await;
    let floor = Target::floor_at(floor::spawn_thread(), None);
    let opts = RunOptions {
        common: Common::default(),
        cafes: 2,
        phones: 200,
        walls: 1,
        table_size: 5,
        rounds: 1,
        seconds: 2.0,
        note_rate: 10.0,
        // Long enough for the cafés to plan round 1 ahead (their owners wait 0.3 s of quiet).
        welcome: 1.0,
        // The second café presses Start 0.25 s after the first.
        start_spread: 0.5,
    };
    let report = run::run(&opts, &flamingo, Some(&floor)).await.expect("run");
    println!("{}", report.table());
    for sys in ["flamingo", "floor"] {
        clean(&report, sys);
        assert_eq!(report.f64(&format!("{sys}.connections")), Some(204.0));
        // Every phone held its table after the round start.
        let (n, p50, p99) = latency(&report, &format!("{sys}.round_start"));
        assert_eq!(n, 200, "{sys} round start");
        assert!(
            0.0 < p50 && p50 <= p99 && p99 < 5_000.0,
            "{sys}: {p50} {p99}"
        );
        // 20 notes, each to its author and at least a table-mate, the wall and the facilitator.
        let (acks, _, _) = latency(&report, &format!("{sys}.notes.ack"));
        assert_eq!(acks, 20, "{sys} acks");
        let (n, p50, p99) = latency(&report, &format!("{sys}.notes.all"));
        assert!(n >= 20 * 3, "{sys}: {n} deliveries");
        assert!(
            0.0 < p50 && p50 <= p99 && p99 < 5_000.0,
            "{sys}: {p50} {p99}"
        );
        assert!(
            report
                .f64(&format!("{sys}.msgs_per_s"))
                .is_some_and(|m| m > 0.0)
        );
    }
    let per_conn = report.f64("flamingo.bytes_per_conn").expect("memory");
    assert!(
        0.0 < per_conn && per_conn < 1024.0 * 1024.0,
        "{per_conn} bytes per connection"
    );
    assert!(report.f64("ratio.notes.all.p99").is_some_and(|r| r > 0.0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_join_storm_seats_everyone_without_fanning_out_to_every_phone() {
    let flamingo = Target::start_flamingo(Vec::new()).await;
    let opts = StormOptions {
        common: Common::default(),
        phones: 200,
        seed: 10,
        table_size: 5,
    };
    let report = storm::storm(&opts, &flamingo).await.expect("storm");
    println!("{}", report.table());
    clean(&report, "flamingo");
    assert_eq!(report.f64("joined"), Some(200.0));
    let (seated, _, _) = latency(&report, "seated");
    assert_eq!(seated, 200);
    assert!(report.f64("facilitator_lag_ms").is_some());
    // A phone hears of the joins at its own table only: a few frames, not one per join.
    let max = report.f64("frames_per_phone_max").expect("frames");
    assert!((3.0..50.0).contains(&max), "{max} frames for one phone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_sweep_finds_a_passing_rate_on_both() {
    let flamingo = Target::start_flamingo(Vec::new()).await;
    let floor = Target::floor_at(floor::spawn_thread(), None);
    let opts = SweepOptions {
        common: Common::default(),
        phones: 100,
        rates: vec![5.0, 10.0],
        seconds: 1.0,
        limit_ms: 1_000.0,
    };
    let report = sweep::sweep(&opts, &flamingo, Some(&floor))
        .await
        .expect("sweep");
    println!("{}", report.table());
    for sys in ["flamingo", "floor"] {
        clean(&report, sys);
        assert_eq!(
            report.f64(&format!("{sys}.best_rate")),
            Some(10.0),
            "{}",
            report.table()
        );
    }
}

/// Two Flamingo nodes on one PostgreSQL database, clients taking turns over them: the
/// facilitator's round start and every note reach phones on both nodes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_over_two_nodes_sharing_postgres() {
    let db = flamingo_tests::TestDatabase::create().await;
    let flamingo =
        Target::start_flamingo_nodes(2, vec!["--database-url".into(), db.url().into()]).await;
    assert_ne!(flamingo.node_for(0), flamingo.node_for(1), "two nodes");
    let opts = RunOptions {
        common: Common {
            nodes: 2,
            no_floor: true,
            ..Common::default()
        },
        cafes: 2,
        phones: 100,
        walls: 1,
        table_size: 5,
        rounds: 1,
        seconds: 2.0,
        note_rate: 10.0,
        welcome: 0.0,
        start_spread: 0.0,
    };
    let report = run::run(&opts, &flamingo, None).await.expect("run");
    println!("{}", report.table());
    clean(&report, "flamingo");
    let (n, _, _) = latency(&report, "flamingo.round_start");
    assert_eq!(n, 100, "every phone, on either node, held its table");
    let (acks, _, _) = latency(&report, "flamingo.notes.ack");
    assert_eq!(acks, 20);
    let (n, _, _) = latency(&report, "flamingo.notes.all");
    assert!(n >= 20 * 3, "{n} deliveries");
}

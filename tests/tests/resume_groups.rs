//! Resuming inside an event's group (protocol §12). One café event can give a connection
//! several frames with one seq (a move: `tableChanged`, then the new table's notes; a new
//! host: `tableChanged`, then the recap). A connection may drop after any of them. Whatever
//! the drop point, a client that resumes with the cursor it then holds must end exactly where
//! a connection that never dropped is: the same updates, once each, in the same order.

use flamingo_protocol::{Auth, Command, ParticipantId, ServerMessage};
use flamingo_server::Config;
use flamingo_tests::mirror::assert_same_cafe;
use flamingo_tests::{Mirror, TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

/// A phone's live connection, watched from a known state.
struct Watched {
    auth: Auth,
    before: Mirror,
    from: usize,
}

/// Reads `phone` up to a ping round trip and notes where it stands: the state before a change
/// and where its frames start.
async fn watch(phone: &mut TestClient) -> Watched {
    phone.ping().await.expect("ping");
    Watched {
        auth: phone.resume_auth(),
        before: phone.mirror.clone(),
        from: phone.log.len(),
    }
}

/// Every drop point of every phone for one change: before its first frame and after each of
/// them, a new connection holding what the phone held then resumes with its cursor. Returns
/// how many groups of two or more frames were cut in the middle.
async fn every_drop(
    server: &TestServer,
    cafe: &mut TestCafe,
    watched: &[Watched],
    what: &str,
) -> usize {
    let mut cut_groups = 0;
    for (phone, w) in cafe.phones.iter_mut().zip(watched) {
        phone.ping().await.expect("ping");
        let frames: Vec<ServerMessage> = phone.log[w.from..]
            .iter()
            .filter(|m| matches!(m, ServerMessage::Event { .. }))
            .cloned()
            .collect();
        let seq_of = |m: &ServerMessage| match m {
            ServerMessage::Event { seq, .. } => *seq,
            _ => unreachable!("only events were kept"),
        };
        for k in 0..=frames.len() {
            let mut held = w.before.clone();
            for f in &frames[..k] {
                held.fold(f);
            }
            if k > 0 && k < frames.len() && seq_of(&frames[k - 1]) == seq_of(&frames[k]) {
                cut_groups += 1;
            }
            let cursor = held.cursor();
            let mut resumed = TestClient::reconnect_with(server, held).await;
            resumed
                .hello(w.auth.clone(), cursor)
                .await
                .expect("resume hello");
            let who = format!("{what}: a drop after {k} of {} frames", frames.len());
            assert!(
                !resumed
                    .log
                    .iter()
                    .any(|m| matches!(m, ServerMessage::Snapshot { .. })),
                "{who}: resumed by snapshot, not by replay"
            );
            assert_eq!(
                resumed.mirror.applied, phone.mirror.applied,
                "{who}: the updates applied differ from the connection that never dropped"
            );
            assert_same_cafe(resumed.mirror.cafe(), phone.mirror.cafe(), &who);
            resumed.close().await;
        }
    }
    cut_groups
}

async fn watch_all(cafe: &mut TestCafe) -> Vec<Watched> {
    let mut out = Vec::new();
    for p in &mut cafe.phones {
        out.push(watch(p).await);
    }
    out
}

fn table_of(cafe: &TestCafe, round: u32, p: ParticipantId) -> u32 {
    cafe.fac
        .mirror
        .table_of(round, p)
        .map(|t| t.table)
        .expect("seated")
}

#[tokio::test]
async fn a_drop_after_any_frame_of_a_group_resumes_exactly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut config = Config::with_data_dir(tmp.path());
    // Hundreds of short resumes from 127.0.0.1; the per-address rate is not what this tests.
    config.new_connections_per_second = 100_000.0;
    config.new_connections_burst = 100_000.0;
    let server = TestServer::start_with(config).await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, 20, 4), 12).await;
    let mut cut = 0;

    let w = watch_all(&mut cafe).await;
    cafe.start_round().await;
    cut += every_drop(&server, &mut cafe, &w, "round 1 starts").await;

    for (i, p) in cafe.phones.iter_mut().enumerate() {
        p.command(Command::PostNote {
            note_id: Uuid::new_v4(),
            text: format!("round 1 note of P{i}"),
            round: None,
        })
        .await
        .expect("note");
    }
    cafe.settle().await;

    // A move mid-round: the moved phone gets its new table, then that table's notes.
    let tables = cafe.fac.mirror.tables(1).to_vec();
    let mover = tables[0].members[1];
    let to = tables[1].table;
    let w = watch_all(&mut cafe).await;
    let seq = cafe
        .fac
        .command(Command::MoveParticipant {
            participant_id: mover,
            table: to,
        })
        .await
        .expect("move");
    cafe.fac.wait_seq(seq).await;
    let moved = every_drop(&server, &mut cafe, &w, "a move").await;
    assert!(
        moved > 0,
        "the move gave no phone a group of several frames"
    );
    cut += moved;

    let w = watch_all(&mut cafe).await;
    let seq = cafe
        .fac
        .command(Command::EndRound)
        .await
        .expect("end round");
    cafe.fac.wait_seq(seq).await;
    cut += every_drop(&server, &mut cafe, &w, "round 1 ends").await;

    let w = watch_all(&mut cafe).await;
    cafe.start_round().await;
    cut += every_drop(&server, &mut cafe, &w, "round 2 starts").await;

    // A new host who sat elsewhere in round 1 gets the table's round-1 notes as a recap.
    let round2 = cafe.fac.mirror.tables(2).to_vec();
    let (table, newcomer) = round2
        .iter()
        .find_map(|t| {
            t.members
                .iter()
                .find(|m| Some(**m) != t.host && table_of(&cafe, 1, **m) != t.table)
                .map(|m| (t.table, *m))
        })
        .expect("someone at a table they did not sit at in round 1");
    let w = watch_all(&mut cafe).await;
    let seq = cafe
        .fac
        .command(Command::SetHost {
            participant_id: newcomer,
        })
        .await
        .expect("setHost");
    cafe.fac.wait_seq(seq).await;
    let recap = every_drop(&server, &mut cafe, &w, "a new host").await;
    assert!(
        recap > 0,
        "the new host of table {table} got no recap group"
    );
    cut += recap;

    // The host leaves: someone else at the table hosts, with their own recap.
    let w = watch_all(&mut cafe).await;
    let seq = cafe
        .fac
        .command(Command::RemoveParticipant {
            participant_id: newcomer,
        })
        .await
        .expect("remove the host");
    cafe.fac.wait_seq(seq).await;
    let leaver = cafe.phone_index(newcomer);
    let mut rest: Vec<Watched> = Vec::new();
    let mut phones = Vec::new();
    for (i, (p, w)) in std::mem::take(&mut cafe.phones)
        .into_iter()
        .zip(w)
        .enumerate()
    {
        // A removed person cannot resume: the others can.
        if i != leaver {
            phones.push(p);
            rest.push(w);
        }
    }
    cafe.phones = phones;
    cut += every_drop(&server, &mut cafe, &rest, "the host leaves").await;

    assert!(cut >= 2, "only {cut} groups were cut in the middle");
}

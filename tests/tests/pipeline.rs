//! A burst of commands from many connections at once, none waiting for its answer. The café
//! owner takes the commands queued together, decides them in order and stores them in one
//! append; from outside nothing may differ from one command at a time: every command is
//! answered, in the order its connection sent them; each change has its own seq, with no gap;
//! and a client that comes back with its cursor replays exactly what a live one saw.

use flamingo_protocol::{Auth, Command, NoteId, Seq, ServerMessage};
use flamingo_tests::mirror::assert_same_cafe;
use flamingo_tests::{TestCafe, TestClient, TestServer, answer_to, cafe_request};
use uuid::Uuid;

/// Notes per phone in the burst (each also sent twice and edited once): under the burst
/// limit of 40 messages per connection.
const NOTES: usize = 8;

/// What one connection fired, in order: request id, and whether it changes nothing.
type Fired = Vec<(u32, bool)>;

/// Per note: post, post again (a duplicate), edit. All sent without reading.
async fn fire_notes(phone: &mut TestClient, k: usize) -> Fired {
    let note_id: NoteId = Uuid::new_v4();
    let mut fired = Vec::new();
    let post = || Command::PostNote {
        note_id,
        text: format!("note {k}"),
        round: None,
    };
    fired.push((phone.send_command(post()).await, false));
    fired.push((phone.send_command(post()).await, true));
    let edit = Command::EditNote {
        note_id,
        text: format!("note {k}, edited"),
    };
    fired.push((phone.send_command(edit).await, false));
    fired
}

/// Reads until every fired request is answered; checks they were all acknowledged, in the
/// order sent, and returns the seqs of those that changed something.
async fn acks(client: &mut TestClient, fired: &Fired, who: &str) -> Vec<Seq> {
    let mut answered = Vec::new();
    let mut changed = Vec::new();
    while answered.len() < fired.len() {
        let msg = client.recv().await.expect("an answer");
        let Some((request_id, _)) = fired.iter().find(|(id, _)| answer_to(&msg, *id).is_some())
        else {
            continue;
        };
        let answer = answer_to(&msg, *request_id).expect("an answer");
        let (seq, duplicate) = answer.unwrap_or_else(|e| panic!("{who}: refused {e:?}"));
        let expected = fired[answered.len()];
        assert_eq!(
            (*request_id, duplicate),
            expected,
            "{who}: answers in the order sent"
        );
        if !duplicate {
            assert!(
                changed.last().is_none_or(|last| seq > *last),
                "{who}: seqs rise"
            );
            changed.push(seq);
        }
        answered.push(*request_id);
    }
    changed
}

#[tokio::test]
async fn a_burst_from_many_connections_is_answered_in_order_without_gaps() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 8).await;
    cafe.start_round().await;
    let mut live = cafe.wall(&server).await;
    let away = cafe.wall(&server).await;
    cafe.fac.cafe_barrier().await;
    live.ping().await.expect("ping");
    let start = live.mirror.seq;
    let cursor = away.cursor().expect("cursor");
    let away_mirror = away.drop_connection().await;

    // Everyone fires at once: notes round-robin over the phones, broadcasts in between.
    let mut fired: Vec<Fired> = vec![Vec::new(); cafe.phones.len()];
    let mut broadcasts = Fired::new();
    for k in 0..NOTES {
        for (i, phone) in cafe.phones.iter_mut().enumerate() {
            fired[i].extend(fire_notes(phone, k).await);
        }
        let text = format!("broadcast {k}");
        let id = cafe
            .fac
            .send_command(Command::Broadcast { text, keep: false })
            .await;
        broadcasts.push((id, false));
    }
    let mut changed = acks(&mut cafe.fac, &broadcasts, "facilitator").await;
    for (i, phone) in cafe.phones.iter_mut().enumerate() {
        changed.extend(acks(phone, &fired[i], &format!("phone {i}")).await);
    }

    // One seq per change across all connections, none shared, none skipped.
    changed.sort_unstable();
    let end = start + changed.len() as Seq;
    let expected: Vec<Seq> = (start + 1..=end).collect();
    assert_eq!(changed, expected, "every change has its own seq, no gap");

    // The live wall saw every one of them once, in order.
    live.wait_seq(end).await;
    let seen: Vec<Seq> = live
        .mirror
        .applied_after(start)
        .iter()
        .map(|(s, _)| *s)
        .collect();
    assert_eq!(
        seen, expected,
        "the live wall saw every seq, once, in order"
    );

    // The wall that was away replays exactly what the live one saw.
    let mut back = TestClient::reconnect_with(&server, away_mirror).await;
    back.hello(
        Auth::Wall {
            join_code: cafe.created.join_code.clone(),
        },
        Some(cursor.clone()),
    )
    .await
    .expect("resume");
    back.wait_seq(end).await;
    assert!(
        !back
            .log
            .iter()
            .any(|m| matches!(m, ServerMessage::Snapshot { .. })),
        "a resumable cursor got a snapshot"
    );
    assert_eq!(
        back.mirror.applied_after(cursor.seq),
        live.mirror.applied_after(cursor.seq),
        "replay equals the live stream"
    );
    assert_same_cafe(
        &back.mirror.comparable(),
        &live.mirror.comparable(),
        "replayed wall vs live wall",
    );
    let fresh = cafe.wall(&server).await;
    assert_same_cafe(
        &fresh.mirror.comparable(),
        &live.mirror.comparable(),
        "fresh snapshot vs live wall",
    );
}

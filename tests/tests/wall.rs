//! The wall's stream as docs/protocol.md states it: which events a wall gets nothing for, so
//! that its cursor trails the café's position (§12, §10), and where a note put back on the
//! wall goes in its list (§9).

use std::collections::BTreeSet;

use flamingo_protocol::{Auth, Command, FeedbackAnswer, NoteId, Seq, ServerMessage, VoteTarget};
use flamingo_tests::mirror::{assert_same_cafe, comparable};
use flamingo_tests::{TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

async fn post(phone: &mut TestClient, text: &str) -> NoteId {
    let note_id = Uuid::new_v4();
    phone
        .command(Command::PostNote {
            note_id,
            text: text.into(),
            round: None,
        })
        .await
        .expect("postNote");
    note_id
}

fn hide(note_id: NoteId, hidden: bool) -> Command {
    Command::HideNote { note_id, hidden }
}

fn seqs(c: &TestClient, after: Seq) -> BTreeSet<Seq> {
    c.mirror
        .applied
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| *s > after)
        .collect()
}

/// §12: a wall gets an update for every event except the edits and deletions of notes hidden
/// from it, the totals of notes hidden from it, `feedbackReceived` and `coFacilitatorChanged`
/// (the list in §10). So its cursor may trail a fresh snapshot's `seq`, its state is still
/// the snapshot's, and resuming from that cursor replays nothing.
#[tokio::test]
async fn a_walls_cursor_skips_exactly_what_section_10_keeps_from_walls() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 30, 3), 3).await;
    let mut wall = cafe.wall(&server).await;
    let from = wall.mirror.seq;
    let mut skipped = BTreeSet::new();

    cafe.start_round().await;
    let a = post(&mut cafe.phones[0], "hidden, then edited, then deleted").await;
    let b = post(&mut cafe.phones[0], "voted on, then hidden").await;
    cafe.fac.command(hide(a, true)).await.expect("hide a");
    // The edit of a hidden note.
    let seq = cafe.phones[0]
        .command(Command::EditNote {
            note_id: a,
            text: "edited while hidden".into(),
        })
        .await
        .expect("edit a");
    skipped.insert(seq);

    cafe.fac
        .command(Command::OpenHarvest)
        .await
        .expect("openHarvest");
    cafe.fac
        .command(Command::OpenVoting { dots: 3 })
        .await
        .expect("openVoting");
    let on_b = Command::SetVotes {
        target: VoteTarget::Note { note_id: b },
        dots: 1,
    };
    cafe.phones[1].command(on_b).await.expect("a dot on b");
    cafe.fac.command(hide(b, true)).await.expect("hide b");
    // The total of a hidden note (dots taken back after it was hidden).
    let seq = cafe.phones[1]
        .command(Command::SetVotes {
            target: VoteTarget::Note { note_id: b },
            dots: 0,
        })
        .await
        .expect("take the dot back");
    skipped.insert(seq);
    // The deletion of a hidden note.
    let seq = cafe.phones[0]
        .command(Command::DeleteNote { note_id: a })
        .await
        .expect("delete a");
    skipped.insert(seq);

    // `coFacilitatorChanged`.
    let path = format!("/api/cafes/{}/co-facilitator", cafe.created.join_code);
    let (status, body) = server
        .request_with_key(
            reqwest::Method::POST,
            &path,
            Some(&cafe.created.facilitator_key),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    cafe.fac
        .wait_until("coFacilitatorChanged", |c| c.mirror.cafe().co_facilitator)
        .await;
    skipped.insert(cafe.fac.mirror.seq);

    cafe.fac
        .command(Command::CloseCafe)
        .await
        .expect("closeCafe");
    // `feedbackReceived`.
    let seq = cafe.phones[2]
        .command(Command::SubmitFeedback {
            answers: vec![
                FeedbackAnswer {
                    rating: Some(4),
                    text: None,
                },
                FeedbackAnswer::default(),
            ],
        })
        .await
        .expect("feedback");
    skipped.insert(seq);

    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let position = cafe.fac.mirror.seq;
    assert_eq!(skipped.len(), 5);
    assert!(
        skipped.contains(&position),
        "the feedback is the last event"
    );
    // The facilitator sees every event; the wall all of them but those five.
    let all = seqs(&cafe.fac, from);
    assert_eq!(
        all,
        (from + 1..=position).collect(),
        "the facilitator's seqs"
    );
    let missing: BTreeSet<Seq> = all.difference(&seqs(&wall, from)).copied().collect();
    assert_eq!(missing, skipped, "the seqs a wall does not get");

    // The cursor trails a fresh snapshot's seq, and the state is the same.
    let fresh = cafe.wall(&server).await;
    assert_eq!(fresh.mirror.seq, position);
    assert!(wall.mirror.seq < position, "the wall's cursor trails");
    assert_same_cafe(
        &comparable(wall.mirror.cafe()),
        &comparable(fresh.mirror.cafe()),
        "a wall mirror with a trailing cursor vs a fresh snapshot",
    );

    // Resuming from the trailing cursor replays nothing and syncs to the café's position.
    let cursor = wall.cursor();
    let mut resumed = TestClient::reconnect_with(&server, wall.drop_connection().await).await;
    resumed
        .hello(
            Auth::Wall {
                join_code: cafe.created.join_code.clone(),
            },
            cursor,
        )
        .await
        .expect("the wall resumes");
    assert_eq!(resumed.mirror.snapshots, 1, "a replay, not a snapshot");
    let events = resumed
        .log
        .iter()
        .filter(|m| matches!(m, ServerMessage::Event { .. }))
        .count();
    assert_eq!(events, 0, "nothing to replay");
    assert_eq!(
        resumed.mirror.seq, position,
        "synced names the café's position"
    );
}

/// §9 `notePosted`: a snapshot lists notes in the order they were posted; a note put back on
/// the wall arrives as `notePosted`, which a client adds at the end, so it stands last on a
/// live wall until the wall's next snapshot puts it back in its place.
#[tokio::test]
async fn a_note_put_back_on_the_wall_comes_last_until_the_next_snapshot() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 30, 3), 3).await;
    let mut wall = cafe.wall(&server).await;
    cafe.start_round().await;
    let a = post(&mut cafe.phones[0], "first").await;
    let b = post(&mut cafe.phones[1], "second").await;
    let c = post(&mut cafe.phones[2], "third").await;
    cafe.fac.command(hide(a, true)).await.expect("hide");
    let seq = cafe.fac.command(hide(a, false)).await.expect("put back");
    wall.wait_seq(seq).await;
    let ids = |c: &TestClient| -> Vec<NoteId> {
        c.mirror.cafe().notes.iter().map(|n| n.note_id).collect()
    };
    assert_eq!(ids(&wall), vec![b, c, a], "the live wall");
    let back = &wall.mirror.cafe().notes[2];
    let posted = &cafe.fac.mirror.cafe().notes[0];
    assert_eq!(
        (back.posted_at, &back.text),
        (posted.posted_at, &posted.text),
        "the note comes back as it was posted"
    );
    assert_eq!(ids(&cafe.fac), vec![a, b, c], "the facilitator's list");
    let fresh = cafe.wall(&server).await;
    assert_eq!(ids(&fresh), vec![a, b, c], "a fresh wall snapshot");
}

//! `participants[].key` in the JSON export, as docs/protocol.md states it: the participant id,
//! or with `authors=anonymous` a pseudonym `P<n>`, numbered in a shuffled order (not the join
//! order); the rest of the export names people by it, and it stays the same from one export of
//! a café to the next.

use flamingo_protocol::{CafeExport, Command};
use flamingo_tests::{TestCafe, TestServer, cafe_request};
use uuid::Uuid;

async fn export(server: &TestServer, cafe: &TestCafe, authors: &str) -> CafeExport {
    let path = format!(
        "/api/cafes/{}/export?format=json&authors={authors}",
        cafe.created.join_code
    );
    let (status, body) = server
        .request_with_key(
            reqwest::Method::GET,
            &path,
            Some(&cafe.created.facilitator_key),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("not a CafeExport ({e}): {body}"))
}

/// Every key the export uses for a person outside `participants`.
fn keys_used(e: &CafeExport) -> Vec<String> {
    let mut out = Vec::new();
    for r in &e.rounds {
        for t in &r.tables {
            out.extend(t.host.iter().cloned());
            out.extend(t.members.iter().cloned());
        }
    }
    out.extend(e.notes.iter().map(|n| n.author.clone()));
    out
}

#[tokio::test]
async fn participant_keys_are_ids_or_stable_pseudonyms() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 30, 4), 4).await;
    cafe.start_round().await;
    let mut notes = Vec::new();
    for p in &mut cafe.phones {
        let note_id = Uuid::new_v4();
        p.command(Command::PostNote {
            note_id,
            text: "a note".into(),
            round: None,
        })
        .await
        .expect("postNote");
        notes.push(note_id);
    }
    let ids: Vec<String> = cafe
        .phones
        .iter()
        .map(|p| p.participant_id().to_string())
        .collect();
    let pseudonyms: Vec<String> = (1..=ids.len()).map(|n| format!("P{n}")).collect();
    let author_of = |e: &CafeExport, i: usize| {
        e.notes
            .iter()
            .find(|n| n.note_id == notes[i])
            .map(|n| n.author.clone())
            .expect("the note")
    };

    let shown = export(&server, &cafe, "shown").await;
    let keys: Vec<String> = shown.participants.iter().map(|p| p.key.clone()).collect();
    assert_eq!(keys, ids, "shown: participant ids, in join order");
    let before = export(&server, &cafe, "anonymous").await;
    let keys: Vec<String> = before.participants.iter().map(|p| p.key.clone()).collect();
    assert_eq!(keys, pseudonyms, "anonymous: listed as P1, P2, …");
    for (i, p) in before.participants.iter().enumerate() {
        assert_eq!(p.label, format!("Participant {}", i + 1));
    }
    // Each person has their own pseudonym (which one is the café's shuffle, not join order:
    // server/tests/export_data.rs checks that over many cafés).
    let mut authors: Vec<String> = (0..ids.len()).map(|i| author_of(&before, i)).collect();
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(&author_of(&shown, i), id);
    }
    authors.sort();
    assert_eq!(authors, pseudonyms, "one pseudonym per person");
    for e in [&shown, &before] {
        let all: Vec<&String> = e.participants.iter().map(|p| &p.key).collect();
        for k in keys_used(e) {
            assert!(all.contains(&&k), "{k} is a participant's key");
        }
    }

    // Someone leaves: nobody is renumbered, and the one who left keeps their key.
    let seq = cafe.phones[1].command(Command::Leave).await.expect("leave");
    cafe.fac.wait_seq(seq).await;
    let after = export(&server, &cafe, "anonymous").await;
    let keys: Vec<String> = after.participants.iter().map(|p| p.key.clone()).collect();
    assert_eq!(keys, pseudonyms, "the same keys after a departure");
    for i in 0..ids.len() {
        assert_eq!(
            author_of(&after, i),
            author_of(&before, i),
            "note {i}'s author"
        );
    }
    let left = author_of(&before, 1);
    let entry = after
        .participants
        .iter()
        .find(|p| p.key == left)
        .expect("the one who left is still listed");
    assert!(!entry.present);
}

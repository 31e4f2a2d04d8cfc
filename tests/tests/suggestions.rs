//! Suggested themes over HTTP: groups of the notes on the wall that are in no theme yet, for
//! the facilitator (and co-facilitators) only.

use flamingo_protocol::{Command, ErrorBody, ErrorCode, NoteId, ThemeSuggestions};
use flamingo_tests::{TestCafe, TestServer, cafe_request};
use uuid::Uuid;

const NOTES: [&str; 9] = [
    "Safer bike lanes on the way to school",
    "More bike parking at the station",
    "Protected bike lanes would get kids cycling",
    "School lunches should be free for every child",
    "Healthier school lunches with local food",
    "Free school lunches for all pupils",
    "Library opening hours in the evening",
    "Keep the library open on Sundays",
    "Longer library opening hours for students",
];

async fn get(server: &TestServer, code: &str, key: Option<&str>) -> (u16, String) {
    let path = format!("/api/cafes/{code}/suggestions");
    server
        .request_with_key(reqwest::Method::GET, &path, key)
        .await
}

fn suggestions(body: &str) -> ThemeSuggestions {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not ThemeSuggestions ({e}): {body}"))
}

fn refusal(body: &str) -> ErrorCode {
    serde_json::from_str::<ErrorBody>(body)
        .unwrap_or_else(|e| panic!("not an ErrorBody ({e}): {body}"))
        .code
}

#[tokio::test]
async fn suggestions_group_unthemed_notes_by_their_words() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 3), 9).await;
    cafe.start_round().await;
    let mut posted: Vec<(NoteId, &str)> = Vec::new();
    for (phone, text) in cafe.phones.iter_mut().zip(NOTES) {
        let note_id = Uuid::new_v4();
        phone
            .command(Command::PostNote {
                note_id,
                text: text.into(),
                round: None,
            })
            .await
            .expect("note");
        posted.push((note_id, text));
    }
    cafe.fac
        .command(Command::OpenHarvest)
        .await
        .expect("harvest");
    let code = cafe.created.join_code.clone();
    let key = cafe.created.facilitator_key.clone();

    let (status, body) = get(&server, &code, Some(&key)).await;
    assert_eq!(status, 200, "{body}");
    let got = suggestions(&body);
    assert_eq!(got.notes_considered, 9);
    let topic_of = |id: &NoteId| {
        let text = posted
            .iter()
            .find(|(n, _)| n == id)
            .expect("a posted note")
            .1;
        ["bike", "lunch", "library"]
            .into_iter()
            .find(|w| text.to_lowercase().contains(w))
            .expect("a topic")
    };
    assert!(
        got.suggestions.len() >= 3,
        "three topics, three groups: {got:?}"
    );
    for s in &got.suggestions {
        assert!(
            s.note_ids.len() >= 2,
            "a group has two notes at least: {s:?}"
        );
        let topic = topic_of(&s.note_ids[0]);
        assert!(
            s.note_ids.iter().all(|n| topic_of(n) == topic),
            "one topic per group: {s:?}"
        );
        assert!(!s.name.is_empty());
    }
    // The same notes give the same suggestions.
    assert_eq!(suggestions(&get(&server, &code, Some(&key)).await.1), got);

    // Accepting one takes its notes out of the next suggestions.
    let first = &got.suggestions[0];
    cafe.fac
        .command(Command::CreateTheme {
            theme_id: Uuid::new_v4(),
            name: first.name.clone(),
            note_ids: first.note_ids.clone(),
        })
        .await
        .expect("accept the suggestion");
    let again = suggestions(&get(&server, &code, Some(&key)).await.1);
    assert_eq!(again.notes_considered, 9 - first.note_ids.len() as u32);
    assert!(
        again
            .suggestions
            .iter()
            .all(|s| s.note_ids.iter().all(|n| !first.note_ids.contains(n))),
        "themed notes are not suggested again: {again:?}"
    );

    // Hidden notes are not on the wall, so they are not suggested either.
    let hidden = again.suggestions[0].note_ids[0];
    cafe.fac
        .command(Command::HideNote {
            note_id: hidden,
            hidden: true,
        })
        .await
        .expect("hide");
    let after_hide = suggestions(&get(&server, &code, Some(&key)).await.1);
    assert_eq!(after_hide.notes_considered, again.notes_considered - 1);
    assert!(
        after_hide
            .suggestions
            .iter()
            .all(|s| !s.note_ids.contains(&hidden))
    );
}

#[tokio::test]
async fn only_staff_get_suggestions() {
    let server = TestServer::start().await;
    let cafe = TestCafe::new(&server, &cafe_request(1, 20, 3), 3).await;
    let code = &cafe.created.join_code;

    let (status, body) = get(&server, code, None).await;
    assert_eq!((status, refusal(&body)), (401, ErrorCode::NotAuthenticated));
    let (status, body) = get(&server, code, Some("not-the-key")).await;
    assert_eq!((status, refusal(&body)), (403, ErrorCode::BadCredentials));
    // A participant's own secret is not a facilitator key.
    let flamingo_protocol::Auth::Participant { resume_token, .. } = cafe.phones[0].resume_auth()
    else {
        panic!("a participant's auth");
    };
    let (status, body) = get(&server, code, Some(&resume_token)).await;
    assert_eq!((status, refusal(&body)), (403, ErrorCode::BadCredentials));
    let (status, body) = get(&server, "NOSUCHCAFE", Some(&cafe.created.facilitator_key)).await;
    assert_eq!((status, refusal(&body)), (404, ErrorCode::NotFound));

    // Before any note, an empty answer, not an error: the console shows an empty state.
    let (status, body) = get(&server, code, Some(&cafe.created.facilitator_key)).await;
    assert_eq!(status, 200, "{body}");
    let empty = suggestions(&body);
    assert_eq!(empty.notes_considered, 0);
    assert!(empty.suggestions.is_empty());
}

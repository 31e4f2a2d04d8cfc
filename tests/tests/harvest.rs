//! The harvest over real websockets: themes, dot-voting with budgets (also under concurrent
//! votes from several connections of one person), commitments, the feedback form, the
//! co-facilitator key, the export of all of it, and a restart in the middle of it.

use std::collections::{BTreeMap, HashMap, HashSet};

use flamingo_protocol::{
    Auth, CafeExport, CafeView, CoFacilitatorKey, Command, Commitment, ErrorBody, ErrorCode,
    FeedbackAnswer, FeedbackKind, FeedbackQuestion, NoteId, PhaseView, Role, ThemeId, Update,
    VoteTarget, VotingState,
};
use flamingo_tests::mirror::{assert_same_cafe, comparable, phone_comparable};
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, answer_to, cafe_request};
use uuid::Uuid;

/// A café of `people` phones whose `rounds` rounds are over, with one note per phone per
/// round, in the harvest. Returns the notes in posting order.
async fn in_harvest(server: &TestServer, people: usize, rounds: usize) -> (TestCafe, Vec<NoteId>) {
    let mut cafe = TestCafe::new(server, &cafe_request(rounds, 30, 3), people).await;
    let mut notes = Vec::new();
    for round in 1..=rounds {
        cafe.start_round().await;
        for (i, p) in cafe.phones.iter_mut().enumerate() {
            let note_id = Uuid::new_v4();
            p.command(Command::PostNote {
                note_id,
                text: format!("r{round}p{i}: what we heard at the table"),
                round: None,
            })
            .await
            .expect("postNote");
            notes.push(note_id);
        }
        cafe.fac.command(Command::EndRound).await.expect("endRound");
    }
    let seq = cafe
        .fac
        .command(Command::OpenHarvest)
        .await
        .expect("openHarvest");
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
    }
    cafe.settle().await;
    (cafe, notes)
}

fn theme(theme_id: ThemeId) -> VoteTarget {
    VoteTarget::Theme { theme_id }
}

fn note(note_id: NoteId) -> VoteTarget {
    VoteTarget::Note { note_id }
}

fn votes(target: VoteTarget, dots: u32) -> Command {
    Command::SetVotes { target, dots }
}

fn create_theme(theme_id: ThemeId, name: &str, note_ids: Vec<NoteId>) -> Command {
    Command::CreateTheme {
        theme_id,
        name: name.into(),
        note_ids,
    }
}

/// The dots on every target, as a view lists them (totals for staff and walls, `mine` for a
/// phone).
fn counts(list: &[flamingo_protocol::VoteCount]) -> BTreeMap<VoteTarget, u32> {
    list.iter().map(|c| (c.target, c.dots)).collect()
}

/// The sum of every phone's own dots, by target, without zeroes.
fn sum_of_mine<'a>(views: impl IntoIterator<Item = &'a CafeView>) -> BTreeMap<VoteTarget, u32> {
    let mut sum = BTreeMap::new();
    for v in views {
        for c in &v.voting.mine {
            *sum.entry(c.target).or_insert(0) += c.dots;
        }
    }
    sum.retain(|_, d| *d > 0);
    sum
}

fn spent(view: &CafeView) -> u32 {
    view.voting.mine.iter().map(|c| c.dots).sum()
}

#[track_caller]
fn refused(r: Result<u64, ClientError>, code: ErrorCode, what: &str) {
    match r {
        Err(ClientError::Refused(c, _)) if c == code => {}
        other => panic!("{what}: expected {code:?}, got {other:?}"),
    }
}

#[track_caller]
fn over_budget(r: Result<u64, ClientError>, message: &str) {
    match r {
        Err(ClientError::Refused(ErrorCode::OverBudget, m)) => assert_eq!(m, message),
        other => panic!("expected overBudget, got {other:?}"),
    }
}

/// Every mirror equals what a fresh connection of the same kind is sent now.
async fn mirrors_match_fresh_snapshots(
    server: &TestServer,
    cafe: &mut TestCafe,
    wall: &mut TestClient,
) {
    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let fresh = cafe.facilitator(server).await;
    assert_same_cafe(
        &comparable(cafe.fac.mirror.cafe()),
        &comparable(fresh.mirror.cafe()),
        "facilitator mirror vs a fresh snapshot",
    );
    let fresh_wall = cafe.wall(server).await;
    assert_same_cafe(
        &comparable(wall.mirror.cafe()),
        &comparable(fresh_wall.mirror.cafe()),
        "wall mirror vs a fresh snapshot",
    );
    for (i, p) in cafe.phones.iter().enumerate() {
        let me = p.participant_id();
        let reload = TestClient::join(server, p.resume_auth()).await;
        assert_same_cafe(
            &phone_comparable(p.mirror.cafe(), me),
            &phone_comparable(reload.mirror.cafe(), me),
            &format!("phone {i} mirror vs a fresh snapshot"),
        );
    }
}

#[tokio::test]
async fn a_full_harvest_keeps_every_mirror_and_every_total_right() {
    let server = TestServer::start().await;
    let (mut cafe, notes) = in_harvest(&server, 6, 2).await;
    let mut wall = cafe.wall(&server).await;

    // Themes: one made from notes at once (accepting a suggestion), one empty, one renamed;
    // notes moved between them and taken out.
    let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let fac = &mut cafe.fac;
    fac.command(create_theme(a, "Trust", vec![notes[0], notes[1], notes[2]]))
        .await
        .expect("theme a");
    fac.command(create_theme(b, "Money", vec![]))
        .await
        .expect("theme b");
    fac.command(create_theme(c, "Tme", vec![notes[3]]))
        .await
        .expect("theme c");
    fac.command(Command::RenameTheme {
        theme_id: c,
        name: "Time".into(),
    })
    .await
    .expect("rename");
    for (n, t) in [(notes[2], Some(b)), (notes[4], Some(b)), (notes[3], None)] {
        fac.command(Command::SetNoteTheme {
            note_id: n,
            theme_id: t,
        })
        .await
        .expect("setNoteTheme");
    }
    // A phone cannot shape the harvest, and nobody votes before voting opens.
    refused(
        cafe.phones[0]
            .command(create_theme(Uuid::new_v4(), "Mine", vec![]))
            .await,
        ErrorCode::Forbidden,
        "a phone creating a theme",
    );
    refused(
        cafe.phones[0].command(votes(theme(a), 1)).await,
        ErrorCode::WrongPhase,
        "a vote before voting opens",
    );

    let seq = cafe
        .fac
        .command(Command::OpenVoting { dots: 3 })
        .await
        .expect("openVoting");
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
        assert_eq!(p.mirror.cafe().voting.state, VotingState::Open);
        assert_eq!(p.mirror.cafe().voting.dots, 3);
    }

    // Every phone spends its three dots: one on each of two themes and one on a note. The
    // refusals say the budget and what is left, as §6 shows.
    for (i, p) in cafe.phones.iter_mut().enumerate() {
        for cmd in [votes(theme(a), 1), votes(theme(b), 1)] {
            p.command(cmd).await.expect("a dot within the budget");
        }
        over_budget(
            p.command(votes(theme(c), 2)).await,
            "that would use more than your 3 dots: you have 1 left; take some back first",
        );
        p.command(votes(note(notes[i]), 1))
            .await
            .expect("the last dot");
        over_budget(
            p.command(votes(theme(c), 1)).await,
            "that would use more than your 3 dots: you have 0 left; take some back first",
        );
        assert_eq!(spent(p.mirror.cafe()), 3, "phone {i}");
    }
    // Taking dots back and spending them elsewhere is fine; the refusal changed nothing.
    cafe.phones[1]
        .command(votes(theme(b), 0))
        .await
        .expect("take back");
    cafe.phones[1]
        .command(votes(theme(a), 2))
        .await
        .expect("spend again");
    // Staff do not vote.
    refused(
        cafe.fac.command(votes(theme(a), 1)).await,
        ErrorCode::Forbidden,
        "the facilitator voting",
    );

    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let expected = sum_of_mine(cafe.phones.iter().map(|p| p.mirror.cafe()));
    assert_eq!(expected[&theme(a)], 7);
    assert!(!expected.contains_key(&theme(c)));
    assert_eq!(counts(&cafe.fac.mirror.cafe().voting.totals), expected);
    assert_eq!(counts(&wall.mirror.cafe().voting.totals), expected);
    assert!(cafe.fac.mirror.cafe().voting.mine.is_empty());
    assert!(
        cafe.phones[0].mirror.cafe().voting.totals.is_empty(),
        "phones see no totals"
    );

    // Deleting a theme gives its dots back: phone 0 can now spend the one it could not.
    let seq = cafe
        .fac
        .command(Command::DeleteTheme { theme_id: b })
        .await
        .expect("deleteTheme");
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
        assert!(!counts(&p.mirror.cafe().voting.mine).contains_key(&theme(b)));
    }
    assert_eq!(spent(cafe.phones[0].mirror.cafe()), 2);
    cafe.phones[0]
        .command(votes(theme(c), 1))
        .await
        .expect("the dot given back is spent again");
    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let expected = sum_of_mine(cafe.phones.iter().map(|p| p.mirror.cafe()));
    assert!(!expected.contains_key(&theme(b)));
    assert_eq!(counts(&cafe.fac.mirror.cafe().voting.totals), expected);
    assert_eq!(counts(&wall.mirror.cafe().voting.totals), expected);
    let themed: HashSet<NoteId> = cafe
        .fac
        .mirror
        .cafe()
        .themes
        .iter()
        .flat_map(|t| t.note_ids.iter().copied())
        .collect();
    assert_eq!(
        themed,
        HashSet::from([notes[0], notes[1]]),
        "b's notes are free again"
    );

    // Closing voting freezes the totals.
    cafe.fac.command(Command::CloseVoting).await.expect("close");
    refused(
        cafe.phones[2].command(votes(theme(a), 0)).await,
        ErrorCode::WrongPhase,
        "a vote after voting closed",
    );
    mirrors_match_fresh_snapshots(&server, &mut cafe, &mut wall).await;
}

/// What one connection sent and what came back.
#[derive(Default, Debug)]
struct Outcomes {
    acked: usize,
    over_budget: usize,
}

/// Reads until every request in `pending` is answered; anything but an ack or `overBudget`
/// is a failure.
async fn answers(c: &mut TestClient, mut pending: HashSet<u32>) -> Outcomes {
    let mut out = Outcomes::default();
    while !pending.is_empty() {
        let msg = c.recv().await.expect("an answer to every vote");
        let Some(id) = pending
            .iter()
            .copied()
            .find(|id| answer_to(&msg, *id).is_some())
        else {
            continue;
        };
        pending.remove(&id);
        match answer_to(&msg, id).expect("an answer") {
            Ok(_) => out.acked += 1,
            Err((ErrorCode::OverBudget, _)) => out.over_budget += 1,
            Err(e) => panic!("a vote refused with {e:?}"),
        }
    }
    out
}

/// Folds the `yourVotes` updates a connection saw, in order, checking that the person never
/// held more than `budget` dots at any point. Also returns how many changes there were.
fn never_over(c: &TestClient, budget: u32, what: &str) -> (BTreeMap<VoteTarget, u32>, usize) {
    let mut mine: BTreeMap<VoteTarget, u32> = BTreeMap::new();
    let mut changes = 0;
    for (seq, u) in &c.mirror.applied {
        if let Update::YourVotes { target, dots } = u {
            changes += 1;
            mine.insert(*target, *dots);
            let held: u32 = mine.values().sum();
            assert!(held <= budget, "{what}: {held} dots at seq {seq}");
        }
    }
    mine.retain(|_, d| *d > 0);
    (mine, changes)
}

#[tokio::test]
async fn concurrent_votes_from_two_connections_never_overspend() {
    const PEOPLE: usize = 30;
    const BUDGET: u32 = 3;
    let server = TestServer::start().await;
    let (mut cafe, notes) = in_harvest(&server, PEOPLE, 1).await;
    let targets: Vec<VoteTarget> = {
        let mut t = Vec::new();
        for (i, name) in ["Trust", "Money", "Time"].into_iter().enumerate() {
            let id = Uuid::new_v4();
            cafe.fac
                .command(create_theme(id, name, vec![notes[i]]))
                .await
                .expect("theme");
            t.push(theme(id));
        }
        t.push(note(notes[PEOPLE - 1]));
        t
    };
    let seq = cafe
        .fac
        .command(Command::OpenVoting { dots: BUDGET })
        .await
        .expect("openVoting");
    let mut wall = cafe.wall(&server).await;
    let mut twins = Vec::with_capacity(PEOPLE);
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
        twins.push(TestClient::join(&server, p.resume_auth()).await);
    }

    // Each connection asks for more than the budget: together a person's asks would put at
    // least one dot on each of four targets (four dots), and most ask for two on one.
    let plan = |i: usize, twin: bool| -> Vec<Command> {
        let k = i + usize::from(twin);
        (0..targets.len())
            .map(|j| votes(targets[(j + k) % targets.len()], 1 + ((j + k) % 2) as u32))
            .collect()
    };
    let sent: Vec<(HashSet<u32>, HashSet<u32>)> = {
        let fire = cafe
            .phones
            .iter_mut()
            .zip(twins.iter_mut())
            .enumerate()
            .map(|(i, (p, t))| {
                let (mine, twin) = (plan(i, false), plan(i, true));
                async move {
                    let mut a = HashSet::new();
                    let mut b = HashSet::new();
                    for (x, y) in mine.into_iter().zip(twin) {
                        a.insert(p.send_command(x).await);
                        b.insert(t.send_command(y).await);
                    }
                    (a, b)
                }
            });
        futures_util::future::join_all(fire).await
    };
    let outcomes =
        futures_util::future::join_all(cafe.phones.iter_mut().zip(twins.iter_mut()).zip(sent).map(
            |((p, t), (a, b))| async move {
                let (x, y) = futures_util::join!(answers(p, a), answers(t, b));
                (x, y)
            },
        ))
        .await;

    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let staff = cafe.facilitator(&server).await;
    let mut per_person = Vec::with_capacity(PEOPLE);
    let mut refusals = 0;
    for (i, ((p, t), (x, y))) in cafe
        .phones
        .iter_mut()
        .zip(&mut twins)
        .zip(&outcomes)
        .enumerate()
    {
        let sent = 2 * targets.len();
        assert_eq!(
            x.acked + x.over_budget + y.acked + y.over_budget,
            sent,
            "phone {i}"
        );
        assert!(
            x.over_budget + y.over_budget >= 1,
            "phone {i}: four targets with a dot each do not fit three dots, so something was refused"
        );
        refusals += x.over_budget + y.over_budget;
        p.ping().await.expect("ping");
        t.ping().await.expect("ping");
        // Both connections saw every change of this person's dots, in the same order.
        let a = never_over(p, BUDGET, &format!("phone {i}"));
        let b = never_over(t, BUDGET, &format!("phone {i}'s twin"));
        assert_eq!(a, b, "phone {i}: both connections end with the same dots");
        // Every change was an accepted vote; a refused one changed nothing.
        assert!(
            (1..=x.acked + y.acked).contains(&a.1),
            "phone {i}: {} changes for {} acks",
            a.1,
            x.acked + y.acked
        );
        let a = a.0;
        let fresh = TestClient::join(&server, p.resume_auth()).await;
        let mine = counts(&fresh.mirror.cafe().voting.mine);
        assert_eq!(mine, a, "phone {i}: its mirror vs a fresh snapshot");
        assert!(spent(fresh.mirror.cafe()) <= BUDGET, "phone {i} overspent");
        per_person.push(fresh.mirror.cafe().clone());
    }
    let expected = sum_of_mine(&per_person);
    assert_eq!(counts(&staff.mirror.cafe().voting.totals), expected);
    assert_eq!(counts(&cafe.fac.mirror.cafe().voting.totals), expected);
    assert_eq!(counts(&wall.mirror.cafe().voting.totals), expected);
    assert!(refusals >= PEOPLE, "{refusals} refusals");
    let spent_total: u32 = expected.values().sum();
    assert!(spent_total <= BUDGET * PEOPLE as u32);
}

async fn share_co_key(server: &TestServer, code: &str, key: Option<&str>) -> (u16, String) {
    let path = format!("/api/cafes/{code}/co-facilitator");
    server
        .request_with_key(reqwest::Method::POST, &path, key)
        .await
}

async fn new_co_key(server: &TestServer, code: &str, key: &str) -> String {
    let (status, body) = share_co_key(server, code, Some(key)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str::<CoFacilitatorKey>(&body)
        .expect("a CoFacilitatorKey")
        .co_facilitator_key
}

#[track_caller]
fn error_body(status: u16, body: &str, want_status: u16, want: ErrorCode, what: &str) {
    assert_eq!(status, want_status, "{what}: {body}");
    let e: ErrorBody = serde_json::from_str(body).expect("an ErrorBody");
    assert_eq!(e.code, want, "{what}");
    assert!(!e.message.is_empty(), "{what}");
}

async fn co_facilitator(
    server: &TestServer,
    cafe: &TestCafe,
    key: &str,
) -> Result<TestClient, ClientError> {
    let mut c = TestClient::connect(server).await;
    c.hello(
        Auth::Facilitator {
            cafe_id: cafe.created.cafe_id,
            facilitator_key: key.to_owned(),
        },
        None,
    )
    .await?;
    Ok(c)
}

#[tokio::test]
async fn a_co_facilitator_runs_the_harvest_but_cannot_close_or_share_keys() {
    let server = TestServer::start().await;
    let (mut cafe, notes) = in_harvest(&server, 3, 1).await;
    let code = cafe.created.join_code.clone();
    let fac_key = cafe.created.facilitator_key.clone();

    // Only the facilitator key shares a key.
    let (s, b) = share_co_key(&server, &code, None).await;
    error_body(s, &b, 401, ErrorCode::NotAuthenticated, "no key");
    let (s, b) = share_co_key(&server, &code, Some("not-the-key")).await;
    error_body(s, &b, 403, ErrorCode::BadCredentials, "a wrong key");
    let Auth::Participant { resume_token, .. } = cafe.phones[0].resume_auth() else {
        unreachable!("resume_auth is a participant's")
    };
    let (s, b) = share_co_key(&server, &code, Some(&resume_token)).await;
    error_body(
        s,
        &b,
        403,
        ErrorCode::BadCredentials,
        "a participant's token",
    );
    assert!(!cafe.fac.mirror.cafe().co_facilitator);

    let key = new_co_key(&server, &code, &fac_key).await;
    cafe.fac
        .wait_until("the co-facilitator flag", |c| {
            c.mirror.cafe().co_facilitator
        })
        .await;
    let mut co = co_facilitator(&server, &cafe, &key)
        .await
        .expect("co key signs in");
    assert_eq!(co.you.as_ref().map(|y| y.role), Some(Role::CoFacilitator));
    assert!(co.mirror.cafe().co_facilitator, "staff see the flag");

    // The harvest's commands work for the co-facilitator.
    let t = Uuid::new_v4();
    co.command(create_theme(t, "Co-made", vec![notes[0]]))
        .await
        .expect("createTheme");
    co.command(Command::OpenVoting { dots: 2 })
        .await
        .expect("openVoting");
    co.command(Command::SaveCommitment {
        commitment: Commitment {
            commitment_id: Uuid::new_v4(),
            text: "Report back in a month".into(),
            owner: Some("Co".into()),
            due: None,
            theme_ids: vec![t],
        },
    })
    .await
    .expect("saveCommitment");
    co.command(Command::CloseVoting).await.expect("closeVoting");
    // Closing the café and sharing keys stay the facilitator's.
    refused(
        co.command(Command::CloseCafe).await,
        ErrorCode::Forbidden,
        "closeCafe by the co-facilitator",
    );
    let (s, b) = share_co_key(&server, &code, Some(&key)).await;
    error_body(
        s,
        &b,
        403,
        ErrorCode::BadCredentials,
        "sharing with the co key",
    );
    let path = format!("/api/cafes/{code}/co-facilitator");
    let (s, b) = server
        .request_with_key(reqwest::Method::DELETE, &path, Some(&key))
        .await;
    error_body(
        s,
        &b,
        403,
        ErrorCode::BadCredentials,
        "revoking with the co key",
    );
    // Exporting is allowed.
    let (s, b) = server
        .request_with_key(
            reqwest::Method::GET,
            &format!("/api/cafes/{code}/export?format=json"),
            Some(&key),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let export: CafeExport = serde_json::from_str(&b).expect("the JSON export parses");
    assert_eq!(export.themes.len(), 1);
    assert_eq!(export.commitments.len(), 1);

    // A new key replaces the old one: its holder is disconnected and cannot come back.
    let replacement = new_co_key(&server, &code, &fac_key).await;
    assert_ne!(replacement, key);
    assert_eq!(co.wait_closed().await, Some(4500));
    let old = co_facilitator(&server, &cafe, &key).await.err();
    assert_eq!(old.and_then(|e| e.code()), Some(ErrorCode::BadCredentials));
    let mut co = co_facilitator(&server, &cafe, &replacement)
        .await
        .expect("the new key signs in");

    // Revoking: 204, disconnected, refused, and the facilitator sees it.
    let (s, b) = server
        .request_with_key(reqwest::Method::DELETE, &path, Some(&fac_key))
        .await;
    assert_eq!(s, 204, "{b}");
    assert_eq!(co.wait_closed().await, Some(4500));
    let gone = co_facilitator(&server, &cafe, &replacement).await.err();
    assert_eq!(gone.and_then(|e| e.code()), Some(ErrorCode::BadCredentials));
    cafe.fac
        .wait_until("the co-facilitator flag off", |c| {
            !c.mirror.cafe().co_facilitator
        })
        .await;
    // The facilitator was never disconnected and still runs the café.
    cafe.fac
        .command(Command::CloseCafe)
        .await
        .expect("closeCafe");
    let (s, b) = share_co_key(&server, &code, Some(&fac_key)).await;
    error_body(
        s,
        &b,
        409,
        ErrorCode::WrongPhase,
        "sharing after the café closed",
    );
}

fn questions() -> Vec<FeedbackQuestion> {
    vec![
        FeedbackQuestion {
            kind: FeedbackKind::Rating,
            prompt: "How useful was it?".into(),
        },
        FeedbackQuestion {
            kind: FeedbackKind::Text,
            prompt: "What will you change?".into(),
        },
        FeedbackQuestion {
            kind: FeedbackKind::Rating,
            prompt: "Would you come again?".into(),
        },
    ]
}

fn rating(r: u8) -> FeedbackAnswer {
    FeedbackAnswer {
        rating: Some(r),
        text: None,
    }
}

fn said(t: &str) -> FeedbackAnswer {
    FeedbackAnswer {
        rating: None,
        text: Some(t.into()),
    }
}

#[tokio::test]
async fn feedback_opens_when_the_cafe_closes_and_refuses_what_does_not_fit() {
    let server = TestServer::start().await;
    let (mut cafe, _) = in_harvest(&server, 4, 1).await;
    let seq = cafe
        .fac
        .command(Command::SetFeedbackQuestions {
            questions: questions(),
        })
        .await
        .expect("questions");
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
        assert_eq!(p.mirror.cafe().feedback.questions, questions());
    }
    let answers = vec![rating(4), said("Listen first"), FeedbackAnswer::default()];
    refused(
        cafe.phones[0]
            .command(Command::SubmitFeedback {
                answers: answers.clone(),
            })
            .await,
        ErrorCode::WrongPhase,
        "feedback before the café closes",
    );
    let seq = cafe.fac.command(Command::CloseCafe).await.expect("close");
    for p in &mut cafe.phones {
        p.wait_seq(seq).await;
        assert_eq!(p.mirror.cafe().phase, PhaseView::Closed);
    }
    refused(
        cafe.fac
            .command(Command::SetFeedbackQuestions {
                questions: questions()[..1].to_vec(),
            })
            .await,
        ErrorCode::WrongPhase,
        "changing the form after closing",
    );

    // Answers that do not fit the form change nothing.
    let before = cafe.fac.mirror.seq;
    for (bad, what) in [
        (vec![rating(4)], "too few answers"),
        (vec![rating(6), said("x"), rating(1)], "a rating above 5"),
        (vec![rating(0), said("x"), rating(1)], "a rating of 0"),
        (vec![said("4"), said("x"), rating(1)], "text for a rating"),
        (vec![rating(4), rating(3), rating(1)], "a rating for text"),
        (vec![FeedbackAnswer::default(); 3], "nothing answered"),
        (
            vec![rating(4), said(&"x".repeat(2_001)), rating(1)],
            "too long",
        ),
    ] {
        refused(
            cafe.phones[1]
                .command(Command::SubmitFeedback { answers: bad })
                .await,
            ErrorCode::InvalidInput,
            what,
        );
    }
    refused(
        cafe.fac
            .command(Command::SubmitFeedback {
                answers: answers.clone(),
            })
            .await,
        ErrorCode::Forbidden,
        "the facilitator filling in the form",
    );
    cafe.settle().await;
    assert_eq!(cafe.fac.mirror.seq, before, "refusals append nothing");
    assert_eq!(cafe.fac.mirror.cafe().feedback.responses, 0);
    assert_eq!(cafe.phones[1].mirror.cafe().feedback.mine, None);

    // Three phones answer, one twice (the second replaces the first).
    for (i, a) in [
        (0, answers.clone()),
        (1, vec![rating(2), FeedbackAnswer::default(), rating(3)]),
        (2, vec![rating(5), said("More time"), rating(5)]),
        (2, vec![rating(5), said("More time, please"), rating(5)]),
    ] {
        cafe.phones[i]
            .command(Command::SubmitFeedback { answers: a.clone() })
            .await
            .expect("feedback");
        assert_eq!(cafe.phones[i].mirror.cafe().feedback.mine, Some(a));
    }
    cafe.settle().await;
    assert_eq!(cafe.fac.mirror.cafe().feedback.responses, 3);
    assert_eq!(cafe.phones[3].mirror.cafe().feedback.mine, None);
    // Phones and walls never learn how many answered.
    assert!(
        cafe.phones
            .iter()
            .all(|p| p.mirror.cafe().feedback.responses == 0)
    );
    let wall = cafe.wall(&server).await;
    assert_eq!(wall.mirror.cafe().feedback.responses, 0);
    let fresh = cafe.facilitator(&server).await;
    assert_same_cafe(
        &comparable(cafe.fac.mirror.cafe()),
        &comparable(fresh.mirror.cafe()),
        "facilitator after feedback",
    );
}

const NAMES: [&str; 5] = [
    "Ada Lovelace",
    "Grace Hopper",
    "Alan Turing",
    "Katherine Johnson",
    "Edsger Dijkstra",
];

#[tokio::test]
async fn the_export_holds_the_harvest_as_posted() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, 30, 3)).await;
    let code = created.join_code.clone();
    let key = created.facilitator_key.clone();
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &key).await;
    let mut phones = Vec::new();
    for name in NAMES {
        phones.push(
            TestClient::join(
                &server,
                Auth::Join {
                    join_code: code.clone(),
                    name: name.into(),
                    organisation: Some("Org".into()),
                    role: None,
                    join_key: None,
                },
            )
            .await,
        );
    }
    fac.command(Command::StartRound).await.expect("start");
    let mut texts = HashMap::new();
    let mut ids = Vec::new();
    for (i, p) in phones.iter_mut().enumerate() {
        let note_id = Uuid::new_v4();
        let text = format!("note {i}, with \"quotes\"\nand a second line");
        p.command(Command::PostNote {
            note_id,
            text: text.clone(),
            round: None,
        })
        .await
        .expect("note");
        texts.insert(note_id, text);
        ids.push(note_id);
    }
    fac.command(Command::EndRound).await.expect("end");
    fac.command(Command::OpenHarvest).await.expect("harvest");
    let (trust, money) = (Uuid::new_v4(), Uuid::new_v4());
    fac.command(create_theme(
        trust,
        "Trust, \"really\"",
        vec![ids[0], ids[1]],
    ))
    .await
    .expect("theme");
    fac.command(create_theme(money, "Money", vec![ids[2]]))
        .await
        .expect("theme");
    fac.command(Command::OpenVoting { dots: 3 })
        .await
        .expect("voting");
    // Money: 3 dots on the theme; Trust: 1, and 2 on its note 0, so a score of 3 each (the
    // tie keeps the order the themes were made in); note 3 (no theme): 1.
    let ballots: [&[(VoteTarget, u32)]; 5] = [
        &[(theme(money), 2), (note(ids[0]), 1)],
        &[(theme(money), 1), (theme(trust), 1), (note(ids[0]), 1)],
        &[(note(ids[3]), 1)],
        &[],
        &[],
    ];
    for (p, ballot) in phones.iter_mut().zip(ballots) {
        for (target, dots) in ballot {
            p.command(votes(*target, *dots)).await.expect("vote");
        }
    }
    let commitment = Commitment {
        commitment_id: Uuid::new_v4(),
        text: "Share budgets across teams".into(),
        owner: Some("The board".into()),
        due: Some("2026-12-31".into()),
        theme_ids: vec![money, trust],
    };
    fac.command(Command::SaveCommitment {
        commitment: commitment.clone(),
    })
    .await
    .expect("commitment");
    fac.command(Command::CloseCafe).await.expect("close");
    let feedback = [
        vec![rating(4), said("Listen first")],
        vec![rating(2), FeedbackAnswer::default()],
    ];
    for (p, answers) in phones.iter_mut().zip(feedback.iter()) {
        p.command(Command::SubmitFeedback {
            answers: answers.clone(),
        })
        .await
        .expect("feedback");
    }
    let participant_ids: Vec<String> = phones
        .iter()
        .map(|p| p.participant_id().to_string())
        .collect();
    let export_path = |q: &str| format!("/api/cafes/{code}/export?{q}");

    // JSON, parsed back.
    let (s, body) = server
        .request_with_key(
            reqwest::Method::GET,
            &export_path("format=json"),
            Some(&key),
        )
        .await;
    assert_eq!(s, 200, "{body}");
    let json: CafeExport = serde_json::from_str(&body).expect("the JSON export parses");
    assert_eq!(json.notes.len(), texts.len());
    for n in &json.notes {
        assert_eq!(Some(&n.text), texts.get(&n.note_id));
    }
    let note_of = |id: NoteId| json.notes.iter().find(|n| n.note_id == id).expect("note");
    assert_eq!(note_of(ids[0]).theme_id, Some(trust));
    assert_eq!(note_of(ids[0]).votes, 2);
    assert_eq!(note_of(ids[2]).theme_id, Some(money));
    assert_eq!(note_of(ids[3]).votes, 1);
    assert_eq!(note_of(ids[4]).theme_id, None);
    let ranked: Vec<(ThemeId, &str, u32, u32, Vec<NoteId>)> = json
        .themes
        .iter()
        .map(|t| {
            // Listed in the export's note order (round, table, time), not the order added.
            let mut members = t.note_ids.clone();
            members.sort();
            (t.theme_id, t.name.as_str(), t.votes, t.score, members)
        })
        .collect();
    let mut trust_notes = vec![ids[0], ids[1]];
    trust_notes.sort();
    assert_eq!(
        ranked,
        [
            (trust, "Trust, \"really\"", 1, 3, trust_notes),
            (money, "Money", 3, 3, vec![ids[2]]),
        ],
        "themes by score (own dots plus their notes'), a tie in the order they were made"
    );
    // The console's numbers, added up from its totals as web-client/js/ranking.js does.
    let seen = fac.mirror.cafe().clone();
    let total = |target: VoteTarget| {
        seen.voting
            .totals
            .iter()
            .find(|c| c.target == target)
            .map_or(0, |c| c.dots)
    };
    let console: Vec<(ThemeId, u32)> = json
        .themes
        .iter()
        .map(|t| {
            let on_notes: u32 = seen
                .themes
                .iter()
                .find(|v| v.theme_id == t.theme_id)
                .expect("the console has the theme")
                .note_ids
                .iter()
                .map(|n| total(note(*n)))
                .sum();
            (t.theme_id, total(theme(t.theme_id)) + on_notes)
        })
        .collect();
    assert_eq!(console, [(trust, 3), (money, 3)], "the console's scores");
    assert_eq!(json.commitments, [commitment]);
    assert_eq!(json.feedback.questions.len(), 2);
    let mut got = json.feedback.responses.clone();
    got.sort_by_key(|r| format!("{r:?}"));
    let mut want = feedback.to_vec();
    want.sort_by_key(|r| format!("{r:?}"));
    assert_eq!(got, want);
    let feedback_json = serde_json::to_string(&json.feedback).expect("encode");
    for (name, id) in NAMES.iter().zip(&participant_ids) {
        assert!(!feedback_json.contains(name), "feedback names {name}");
        assert!(!feedback_json.contains(id.as_str()), "feedback holds an id");
    }

    // CSV: one row per note, with its theme and dots.
    let (s, body) = server
        .request_with_key(reqwest::Method::GET, &export_path("format=csv"), Some(&key))
        .await;
    assert_eq!(s, 200, "{body}");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), texts.len());
    let by_note: HashMap<String, &csv::StringRecord> = rows
        .iter()
        .map(|r| (r[col("note_id")].to_owned(), r))
        .collect();
    for (i, (theme_name, dots, rank, score)) in [
        ("Trust, \"really\"", "2", "1", "3"),
        ("Trust, \"really\"", "0", "1", "3"),
        ("Money", "0", "2", "3"),
        ("", "1", "", ""),
        ("", "0", "", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let row = by_note[&ids[i].to_string()];
        assert_eq!(&row[col("theme")], theme_name, "note {i}");
        assert_eq!(&row[col("votes")], dots, "note {i}");
        assert_eq!(&row[col("theme_rank")], rank, "note {i}: the theme's rank");
        assert_eq!(
            &row[col("theme_score")],
            score,
            "note {i}: the theme's score"
        );
        assert_eq!(Some(&row[col("text")].to_owned()), texts.get(&ids[i]));
    }

    // Markdown: the harvest is in the report.
    let (s, md) = server
        .request_with_key(
            reqwest::Method::GET,
            &export_path("format=markdown"),
            Some(&key),
        )
        .await;
    assert_eq!(s, 200, "{md}");
    let trust_at = md
        .find("#### 1. Trust, \"really\" · 3 dots\n\n1 dot on the theme, 2 on its notes.")
        .expect("Trust ranked first, as in the JSON and the CSV");
    let money_at = md.find("#### 2. Money · 3 dots").expect("Money second");
    assert!(trust_at < money_at);
    assert!(md.contains("Share budgets across teams"));
    assert!(md.contains("2 feedback forms returned."));
    assert!(md.contains("2 answers · average 3.0 of 5"));
    assert!(md.contains("- “Listen first”"));

    // Anonymous: nobody's name or id anywhere, in any format.
    for format in ["json", "csv", "markdown"] {
        let q = format!("format={format}&authors=anonymous");
        let (s, body) = server
            .request_with_key(reqwest::Method::GET, &export_path(&q), Some(&key))
            .await;
        assert_eq!(s, 200, "{body}");
        for (name, id) in NAMES.iter().zip(&participant_ids) {
            assert!(!body.contains(name), "{format} names {name}");
            let surname = name.split(' ').next_back().expect("a surname");
            assert!(!body.contains(surname), "{format} names {surname}");
            assert!(!body.contains(id.as_str()), "{format} holds an id");
        }
    }
}

#[tokio::test]
async fn the_harvest_survives_a_restart() {
    let server = TestServer::start().await;
    let (mut cafe, notes) = in_harvest(&server, 4, 1).await;
    let code = cafe.created.join_code.clone();
    let t = Uuid::new_v4();
    cafe.fac
        .command(create_theme(t, "Kept", vec![notes[0], notes[1]]))
        .await
        .expect("theme");
    cafe.fac
        .command(Command::OpenVoting { dots: 4 })
        .await
        .expect("voting");
    for (i, p) in cafe.phones.iter_mut().enumerate() {
        p.command(votes(theme(t), 1 + i as u32 % 2))
            .await
            .expect("vote");
        p.command(votes(note(notes[2]), 1)).await.expect("vote");
    }
    cafe.fac
        .command(Command::SaveCommitment {
            commitment: Commitment {
                commitment_id: Uuid::new_v4(),
                text: "Keep going".into(),
                owner: None,
                due: Some("2027-01-15".into()),
                theme_ids: vec![t],
            },
        })
        .await
        .expect("commitment");
    cafe.fac
        .command(Command::SetFeedbackQuestions {
            questions: questions(),
        })
        .await
        .expect("questions");
    let co_key = new_co_key(&server, &code, &cafe.created.facilitator_key).await;
    cafe.fac.command(Command::CloseCafe).await.expect("close");
    cafe.phones[0]
        .command(Command::SubmitFeedback {
            answers: vec![rating(3), said("ok"), rating(4)],
        })
        .await
        .expect("feedback");
    cafe.settle().await;
    let before = without_presence(cafe.fac.mirror.cafe());
    let phones_before: Vec<(flamingo_protocol::Auth, CafeView)> = cafe
        .phones
        .iter()
        .map(|p| {
            let me = p.participant_id();
            (p.resume_auth(), phone_comparable(p.mirror.cafe(), me))
        })
        .collect();
    let created = cafe.created.clone();
    drop(cafe);

    let tmp = server.stop().await.expect("the temporary data directory");
    let server = TestServer::start_in(tmp.path()).await;
    let fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    let after = without_presence(fac.mirror.cafe());
    assert_same_cafe(&before, &after, "facilitator view across the restart");
    assert_eq!(after.themes.len(), 1);
    assert_eq!(after.feedback.responses, 1);
    assert!(after.co_facilitator);
    assert_eq!(after.voting.state, VotingState::Closed);
    for (i, (auth, view)) in phones_before.into_iter().enumerate() {
        let p = TestClient::join(&server, auth).await;
        let me = p.participant_id();
        assert_same_cafe(
            &view,
            &phone_comparable(p.mirror.cafe(), me),
            &format!("phone {i} across the restart"),
        );
    }
    let mut co = TestClient::connect(&server).await;
    let you = co
        .hello(
            Auth::Facilitator {
                cafe_id: created.cafe_id,
                facilitator_key: co_key,
            },
            None,
        )
        .await
        .expect("the co key still signs in");
    assert_eq!(you.role, Role::CoFacilitator);
    // The export after the restart still holds the feedback.
    let (s, body) = server
        .request_with_key(
            reqwest::Method::GET,
            &format!("/api/cafes/{code}/export?format=json"),
            Some(&created.facilitator_key),
        )
        .await;
    assert_eq!(s, 200, "{body}");
    let json: CafeExport = serde_json::from_str(&body).expect("export");
    assert_eq!(json.feedback.responses.len(), 1);
    assert_eq!(json.themes[0].votes, 6);
    let _ = server.stop().await;
    drop(tmp);
}

fn without_presence(v: &CafeView) -> CafeView {
    let mut v = comparable(v);
    v.connected.clear();
    v
}

#[tokio::test]
async fn dots_on_a_note_hidden_later_can_be_taken_back_and_walls_never_see_them() {
    let server = TestServer::start().await;
    let (mut cafe, notes) = in_harvest(&server, 3, 1).await;
    let mut wall = cafe.wall(&server).await;
    cafe.fac
        .command(Command::OpenVoting { dots: 3 })
        .await
        .expect("openVoting");
    for p in &mut cafe.phones[..2] {
        p.command(votes(note(notes[0]), 2)).await.expect("vote");
    }
    cafe.fac
        .command(Command::HideNote {
            note_id: notes[0],
            hidden: true,
        })
        .await
        .expect("hide");
    // No more dots on it, but those spent come back.
    refused(
        cafe.phones[0].command(votes(note(notes[0]), 3)).await,
        ErrorCode::NotFound,
        "a dot added to a hidden note",
    );
    cafe.phones[0]
        .command(votes(note(notes[0]), 0))
        .await
        .expect("taking dots back from a hidden note");
    cafe.phones[0]
        .command(votes(note(notes[1]), 3))
        .await
        .expect("the dots taken back are spent elsewhere");
    cafe.settle().await;
    wall.ping().await.expect("wall ping");
    let totals = counts(&cafe.fac.mirror.cafe().voting.totals);
    assert_eq!(totals.get(&note(notes[0])), Some(&2));
    assert_eq!(
        counts(&wall.mirror.cafe().voting.totals),
        BTreeMap::from([(note(notes[1]), 3)]),
        "the wall has no total for a hidden note"
    );
    mirrors_match_fresh_snapshots(&server, &mut cafe, &mut wall).await;
}

/// Protocol §8: in the harvest (no running round, no plan) a phone's snapshot holds the notes
/// of every table it sat at, from the rounds it sat there, and no longer the notes it was
/// shown only as a host; the phone that was shown them keeps them until it reloads.
#[tokio::test]
async fn in_the_harvest_a_phone_has_the_notes_of_the_tables_it_sat_at() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 30, 3), 6).await;
    cafe.start_round().await;
    for (i, p) in cafe.phones.iter_mut().enumerate() {
        p.command(Command::PostNote {
            note_id: Uuid::new_v4(),
            text: format!("round 1, phone {i}"),
            round: None,
        })
        .await
        .expect("postNote");
    }
    cafe.fac.command(Command::EndRound).await.expect("endRound");
    // Someone from one table of round 1 hosts the other table in the plan for round 2, and so
    // is sent that table's round 1 notes to brief the newcomers.
    let round1 = cafe.fac.mirror.tables(1).to_vec();
    assert_eq!(round1.len(), 2, "{round1:?}");
    let (sat, hosts) = (round1[0].table, round1[1].table);
    let x = round1[0].members[0];
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: x,
            table: hosts,
        })
        .await
        .expect("move");
    cafe.fac
        .command(Command::SetHost { participant_id: x })
        .await
        .expect("setHost");
    let notes_of = |table: u32| -> HashSet<NoteId> {
        cafe.fac
            .mirror
            .cafe()
            .notes
            .iter()
            .filter(|n| n.round == 1 && n.table == table)
            .map(|n| n.note_id)
            .collect()
    };
    let (own, briefed) = (notes_of(sat), notes_of(hosts));
    let xi = cafe.phone_index(x);
    let phone = &mut cafe.phones[xi];
    phone
        .wait_until("the new host's recap", |c| {
            c.mirror.note_ids().is_superset(&briefed)
        })
        .await;

    let seq = cafe
        .fac
        .command(Command::OpenHarvest)
        .await
        .expect("openHarvest");
    let phone = &mut cafe.phones[xi];
    phone.wait_seq(seq).await;
    assert_eq!(
        phone.mirror.note_ids(),
        &own | &briefed,
        "the live phone keeps what it was shown"
    );
    let reload = TestClient::join(&server, phone.resume_auth()).await;
    assert_eq!(
        reload.mirror.note_ids(),
        own,
        "a harvest snapshot: only the notes of the table it sat at"
    );
}

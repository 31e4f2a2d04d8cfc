//! A whole café, as it happens in a room: twelve people, three rounds at tables of four, a
//! wall, notes, the timer, the harvest and the close.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use flamingo_protocol::{Command, NoteId, ParticipantId, PhaseView, TableNo, TableSeats, Update};
use flamingo_tests::mirror::{assert_same_cafe, phone_comparable};
use flamingo_tests::{TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

const PEOPLE: usize = 12;
const ROUNDS: u32 = 3;
const MINUTES: u32 = 20;

/// How often each pair sat at one table over the given rounds.
fn encounters(rounds: &[Vec<TableSeats>]) -> HashMap<(ParticipantId, ParticipantId), u32> {
    let mut met = HashMap::new();
    for tables in rounds {
        for t in tables {
            for (i, a) in t.members.iter().enumerate() {
                for b in &t.members[i + 1..] {
                    let pair = if a < b { (*a, *b) } else { (*b, *a) };
                    *met.entry(pair).or_insert(0) += 1;
                }
            }
        }
    }
    met
}

#[tokio::test]
async fn a_full_cafe_of_three_rounds() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(ROUNDS as usize, MINUTES, 4), PEOPLE).await;
    let mut wall = cafe.wall(&server).await;
    let everyone: BTreeSet<ParticipantId> =
        cafe.phones.iter().map(|p| p.participant_id()).collect();
    assert_eq!(everyone.len(), PEOPLE);

    let mut seatings: Vec<Vec<TableSeats>> = Vec::new();
    // Every note posted: (id, round, table, author).
    let mut posted: Vec<(NoteId, u32, TableNo, ParticipantId)> = Vec::new();

    for round in 1..=ROUNDS {
        let (started, seq) = cafe.start_round().await;
        assert_eq!(started, round);
        wall.wait_seq(seq).await;
        assert!(matches!(
            wall.mirror.cafe().phase,
            PhaseView::Running { round: r, .. } if r == round
        ));

        // The room: three tables of four, everyone seated once, a host at each table.
        let tables = cafe.fac.mirror.tables(round).to_vec();
        assert_eq!(tables.len(), 3, "round {round}: {tables:?}");
        let mut seated = BTreeSet::new();
        for t in &tables {
            assert_eq!(
                t.members.len(),
                4,
                "round {round}, table {}: {t:?}",
                t.table
            );
            let host = t.host.expect("every table has a host");
            assert!(
                t.members.contains(&host),
                "the host sits at the table: {t:?}"
            );
            for m in &t.members {
                assert!(seated.insert(*m), "round {round}: {m} seated twice");
            }
        }
        assert_eq!(seated, everyone, "round {round}: everyone has a seat");
        assert_eq!(
            wall.mirror.tables(round),
            tables.as_slice(),
            "the wall agrees"
        );
        let planned = cafe
            .fac
            .mirror
            .cafe()
            .seating
            .iter()
            .find(|s| s.round == round)
            .map(|s| s.planned);
        assert_eq!(planned, Some(false), "round {round} is no longer a plan");

        // Every phone holds its own table, the same as the room's, and exactly one phone
        // per table is told it hosts.
        let mut hosts_told: BTreeMap<TableNo, Vec<ParticipantId>> = BTreeMap::new();
        for p in &cafe.phones {
            let me = p.participant_id();
            let mine = p.mirror.table_of(round, me).expect("a table").clone();
            let room = tables
                .iter()
                .find(|t| t.members.contains(&me))
                .expect("seated");
            assert_eq!(
                &mine, room,
                "round {round}: the phone of {me} disagrees with the room"
            );
            if mine.host == Some(me) {
                hosts_told.entry(mine.table).or_default().push(me);
            }
            // A phone knows only its own table.
            let known: usize = p
                .mirror
                .cafe()
                .seating
                .iter()
                .filter(|s| s.round == round)
                .map(|s| s.tables.len())
                .sum();
            assert_eq!(known, 1, "a phone sees one table per round");
        }
        for t in &tables {
            assert_eq!(
                hosts_told.get(&t.table).map(Vec::len),
                Some(1),
                "round {round}, table {}: exactly one phone is its host",
                t.table
            );
        }

        // Hosts stay: from round 2, each table's host sat at that table the round before,
        // and hosting rotates to someone else.
        if let Some(previous) = seatings.last() {
            for t in &tables {
                let before = previous
                    .iter()
                    .find(|p| p.table == t.table)
                    .expect("the same tables every round");
                let host = t.host.expect("host");
                assert!(
                    before.members.contains(&host),
                    "round {round}, table {}: host {host} did not sit there in round {}",
                    t.table,
                    round - 1
                );
                if round == 2 {
                    assert_ne!(
                        Some(host),
                        before.host,
                        "table {}: hosting rotates to someone who has not hosted",
                        t.table
                    );
                }
            }
        }
        seatings.push(tables.clone());

        // Each host writes a note; the table sees it, the wall files it under round and table.
        let mut last = seq;
        for t in &tables {
            let host = t.host.expect("host");
            let i = cafe.phone_index(host);
            let id = Uuid::new_v4();
            last = cafe.phones[i]
                .command(Command::PostNote {
                    note_id: id,
                    text: format!("Round {round}, table {}: what we heard", t.table),
                    round: None,
                })
                .await
                .expect("the host posts");
            posted.push((id, round, t.table, host));
        }
        wall.wait_seq(last).await;
        for (id, r, table, author) in posted.iter().filter(|n| n.1 == round) {
            let n = wall
                .mirror
                .cafe()
                .notes
                .iter()
                .find(|n| n.note_id == *id)
                .expect("the wall shows every note");
            assert_eq!((n.round, n.table, n.author_id), (*r, *table, *author));
            for m in &tables
                .iter()
                .find(|t| t.table == *table)
                .expect("table")
                .members
            {
                let i = cafe.phone_index(*m);
                cafe.phones[i]
                    .wait_until("the host's note", |c| {
                        c.mirror.cafe().notes.iter().any(|n| n.note_id == *id)
                    })
                    .await;
            }
        }

        // What each phone knows of the notes: those of the tables it sat at, and, for a
        // host, every note of its table (to brief the newcomers), and nothing else.
        for p in cafe.phones.iter_mut() {
            p.ping().await.expect("ping");
            let me = p.participant_id();
            let sat: BTreeSet<(u32, TableNo)> = seatings
                .iter()
                .enumerate()
                .filter_map(|(i, tables)| {
                    let t = tables.iter().find(|t| t.members.contains(&me))?;
                    Some((i as u32 + 1, t.table))
                })
                .collect();
            let hosts_now: BTreeSet<TableNo> = tables
                .iter()
                .filter(|t| t.host == Some(me))
                .map(|t| t.table)
                .collect();
            let hosted_ever: BTreeSet<TableNo> = seatings
                .iter()
                .flatten()
                .filter(|t| t.host == Some(me))
                .map(|t| t.table)
                .collect();
            let held: BTreeSet<NoteId> = p.mirror.cafe().notes.iter().map(|n| n.note_id).collect();
            for (id, r, table, _) in &posted {
                let must = sat.contains(&(*r, *table)) || hosts_now.contains(table);
                let may = must || hosted_ever.contains(table);
                if must {
                    assert!(
                        held.contains(id),
                        "round {round}: {me} lacks the note of round {r}, table {table}"
                    );
                } else if !may {
                    assert!(
                        !held.contains(id),
                        "round {round}: {me} holds the note of round {r}, table {table}, where \
                         it never sat nor hosted"
                    );
                }
            }
        }

        // The end of the round: by the facilitator, except round 2, which the clock ends
        // after the facilitator takes all its time away.
        if round == 2 {
            cafe.fac
                .command(Command::AdjustTime {
                    seconds: -((MINUTES * 60) as i32),
                })
                .await
                .expect("take the time away");
            cafe.fac
                .wait_until("the timer to end round 2", |c| {
                    matches!(
                        c.mirror.cafe().phase,
                        PhaseView::BetweenRounds { last_round: 2 }
                    )
                })
                .await;
            let ends: Vec<bool> = cafe
                .fac
                .mirror
                .applied
                .iter()
                .filter_map(|(_, u)| match u {
                    Update::RoundEnded { round: 2, by_timer } => Some(*by_timer),
                    _ => None,
                })
                .collect();
            assert_eq!(ends, vec![true], "round 2 ended once, by the timer");
        } else {
            let seq = cafe
                .fac
                .command(Command::EndRound)
                .await
                .expect("end round");
            cafe.fac.wait_seq(seq).await;
            assert!(cafe.fac.mirror.applied.iter().any(|(_, u)| matches!(
                u,
                Update::RoundEnded { round: r, by_timer: false } if *r == round
            )));
        }
        // Everyone hears the end, and, before the last round, where to go next.
        let seq = cafe.fac.mirror.seq;
        wall.wait_seq(seq).await;
        for p in cafe.phones.iter_mut() {
            let me = p.participant_id();
            p.wait_until("the round's end", |c| {
                matches!(c.mirror.cafe().phase, PhaseView::BetweenRounds { last_round } if last_round == round)
                    && (round == ROUNDS || c.mirror.table_of(round + 1, me).is_some())
            })
            .await;
        }
    }

    // The harvest, then the close.
    let seq = cafe
        .fac
        .command(Command::OpenHarvest)
        .await
        .expect("harvest");
    wall.wait_seq(seq).await;
    assert_eq!(wall.mirror.cafe().phase, PhaseView::Harvest);
    let seq = cafe.fac.command(Command::CloseCafe).await.expect("close");
    wall.wait_seq(seq).await;
    assert_eq!(wall.mirror.cafe().phase, PhaseView::Closed);
    for p in cafe.phones.iter_mut() {
        p.wait_seq(seq).await;
        assert_eq!(p.mirror.cafe().phase, PhaseView::Closed);
    }

    // Closed means closed to newcomers; everyone else can still read.
    let mut late = flamingo_tests::TestClient::connect(&server).await;
    let r = late
        .hello(
            flamingo_protocol::Auth::Join {
                join_code: cafe.created.join_code.clone(),
                name: "Too late".into(),
                organisation: None,
                role: None,
                join_key: None,
            },
            None,
        )
        .await;
    assert!(
        matches!(
            r,
            Err(flamingo_tests::ClientError::Refused(
                flamingo_protocol::ErrorCode::WrongPhase,
                _
            ))
        ),
        "{r:?}"
    );

    // The wall holds every note once, grouped by round and table: one per table per round.
    let mut groups: BTreeMap<(u32, TableNo), Vec<NoteId>> = BTreeMap::new();
    for n in &wall.mirror.cafe().notes {
        groups
            .entry((n.round, n.table))
            .or_default()
            .push(n.note_id);
    }
    assert_eq!(groups.len(), (ROUNDS * 3) as usize, "{groups:?}");
    assert!(groups.values().all(|g| g.len() == 1), "{groups:?}");
    assert_eq!(wall.mirror.cafe().notes.len(), posted.len());

    // What the facilitator built up from updates is what a fresh connection is told.
    cafe.fac.cafe_barrier().await;
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.seq, cafe.fac.mirror.seq);
    assert_same_cafe(
        &fresh.mirror.comparable(),
        &cafe.fac.mirror.comparable(),
        "fresh facilitator vs long-lived facilitator",
    );
    wall.cafe_barrier().await;
    let fresh_wall = cafe.wall(&server).await;
    assert_same_cafe(
        &fresh_wall.mirror.comparable(),
        &wall.mirror.comparable(),
        "fresh wall vs long-lived wall",
    );

    // Mixing: how many pairs met more than once.
    let met = encounters(&seatings);
    let repeats: u32 = met.values().map(|n| n.saturating_sub(1)).sum();
    let pairs_met = met.len();
    let distinct_hosts: BTreeSet<ParticipantId> = seatings
        .iter()
        .flat_map(|tables| tables.iter().filter_map(|t| t.host))
        .collect();
    println!(
        "{PEOPLE} people, {ROUNDS} rounds: {pairs_met} of 66 pairs met, {repeats} repeated \
         encounters, {} different hosts",
        distinct_hosts.len()
    );
    // The floor here is 6: when hosts stay, each table's three guests come from the other
    // two tables, so two of them sat together before; that is one repeat per table in each
    // of rounds 2 and 3. Seating people at random (without the host rule) averages about
    // 13. The planner as it is gets 8 to 10 nearly always, 11 or 12 in about 1.5% of seeds
    // (measured over 3,000 seeds), so 12 is the bound that does not make this test flaky.
    assert!(
        repeats <= 12,
        "too many repeated encounters: {repeats} (the floor is 6)"
    );
}

#[tokio::test]
async fn the_clock_stops_when_paused_and_an_empty_clock_ends_the_round_on_resume() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, MINUTES, 4), 4).await;
    cafe.start_round().await;
    let seq = cafe.fac.command(Command::PauseRound).await.expect("pause");
    cafe.fac.wait_seq(seq).await;
    let PhaseView::Paused { remaining_ms, .. } = cafe.fac.mirror.cafe().phase else {
        panic!("not paused: {:?}", cafe.fac.mirror.cafe().phase);
    };
    let full = i64::from(MINUTES) * 60_000;
    assert!(
        remaining_ms <= full && remaining_ms > full - 5_000,
        "{remaining_ms}"
    );
    // Paused means frozen: a fresh view a moment later says the same.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.cafe().phase, cafe.fac.mirror.cafe().phase);
    // A second pause changes nothing.
    let (_, dup) = cafe
        .fac
        .command_full(Command::PauseRound)
        .await
        .expect("pause again");
    assert!(dup);
    // Taking more time than is left leaves none, and the round waits, paused, at zero.
    let seq = cafe
        .fac
        .command(Command::AdjustTime {
            seconds: -((MINUTES * 60 + 60) as i32),
        })
        .await
        .expect("take it all");
    cafe.fac.wait_seq(seq).await;
    assert!(matches!(
        cafe.fac.mirror.cafe().phase,
        PhaseView::Paused {
            remaining_ms: 0,
            ..
        }
    ));
    // Resumed with nothing left, the clock ends it at once.
    cafe.fac
        .command(Command::ResumeRound)
        .await
        .expect("resume");
    cafe.fac
        .wait_until("the round to end", |c| {
            matches!(
                c.mirror.cafe().phase,
                PhaseView::BetweenRounds { last_round: 1 }
            )
        })
        .await;
    assert!(cafe.fac.mirror.applied.iter().any(|(_, u)| matches!(
        u,
        Update::RoundEnded {
            round: 1,
            by_timer: true
        }
    )));
    for p in cafe.phones.iter_mut() {
        p.wait_until("the end on the phone", |c| {
            matches!(
                c.mirror.cafe().phase,
                PhaseView::BetweenRounds { last_round: 1 }
            )
        })
        .await;
    }
}

/// Every view built from updates equals a fresh snapshot: the facilitator's, the wall's and
/// each phone's (reduced to what a phone's snapshot holds).
async fn check_views(server: &TestServer, cafe: &mut TestCafe, wall: &mut TestClient, when: &str) {
    cafe.fac.cafe_barrier().await;
    let seq = cafe.fac.mirror.seq;
    let fresh = cafe.facilitator(server).await;
    assert_eq!(fresh.mirror.seq, seq, "{when}");
    assert_same_cafe(
        &fresh.mirror.comparable(),
        &cafe.fac.mirror.comparable(),
        &format!("{when}: facilitator"),
    );
    wall.wait_seq(seq).await;
    wall.ping().await.expect("ping");
    assert_same_cafe(
        &fresh.mirror.comparable(),
        &wall.mirror.comparable(),
        &format!("{when}: wall"),
    );
    for p in cafe.phones.iter_mut() {
        p.ping().await.expect("ping");
        let me = p.participant_id();
        let mut reload = TestClient::connect(server).await;
        reload.hello(p.resume_auth(), None).await.expect("reload");
        // The `present` flag of people who left is taken from the snapshot: a phone is not
        // told when someone of its finished round leaves between rounds (see
        // `a_departure_between_rounds_reaches_the_last_rounds_table_mates`).
        let mut live = phone_comparable(p.mirror.cafe(), me);
        let fresh_phone = phone_comparable(reload.mirror.cafe(), me);
        for person in &mut live.participants {
            if let Some(f) = fresh_phone
                .participants
                .iter()
                .find(|f| f.participant_id == person.participant_id)
                && !f.present
            {
                person.present = false;
            }
        }
        assert_same_cafe(&fresh_phone, &live, &format!("{when}: phone of {me}"));
    }
}

#[tokio::test]
async fn views_stay_true_through_moves_host_changes_arrivals_and_departures() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(3, MINUTES, 4), 9).await;
    let mut wall = cafe.wall(&server).await;
    let id = |cafe: &TestCafe, i: usize| cafe.phones[i].participant_id();

    // The plan, with the facilitator's word in it.
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    let p0 = id(&cafe, 0);
    // The facilitator's choices change something each time: a no-op choice does not stick
    // (see the ignored tests at the end).
    let p1 = cafe
        .fac
        .mirror
        .tables(1)
        .iter()
        .flat_map(|t| t.members.iter().copied().filter(|m| Some(*m) != t.host))
        .find(|m| *m != p0)
        .expect("a guest in the plan");
    cafe.fac
        .command(Command::SetHost { participant_id: p1 })
        .await
        .expect("host in the plan");
    let planned_at = cafe.fac.mirror.table_of(1, p0).expect("planned").table;
    let target_1 = if planned_at == 3 { 2 } else { 3 };
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: p0,
            table: target_1,
        })
        .await
        .expect("move in the plan");
    check_views(&server, &mut cafe, &mut wall, "lobby with a plan").await;
    cafe.start_round().await;
    // The facilitator's choices stuck.
    assert_eq!(
        cafe.fac.mirror.table_of(1, p0).map(|t| t.table),
        Some(target_1)
    );
    assert_eq!(
        cafe.fac.mirror.table_of(1, p1).and_then(|t| t.host),
        Some(p1)
    );
    check_views(&server, &mut cafe, &mut wall, "round 1 started").await;

    // During the round: a move, a new host, a late arrival, a removed host, a guest leaving.
    let p2 = id(&cafe, 2);
    let from = cafe.fac.mirror.table_of(1, p2).expect("seated").table;
    let to = if from == 1 { 2 } else { 1 };
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: p2,
            table: to,
        })
        .await
        .expect("move");
    let p3 = id(&cafe, 3);
    cafe.fac
        .command(Command::SetHost { participant_id: p3 })
        .await
        .expect("set host");
    let late = TestClient::participant(&server, &cafe.created.join_code, "Late").await;
    cafe.phones.push(late);
    let host = cafe
        .fac
        .mirror
        .tables(1)
        .iter()
        .filter_map(|t| t.host)
        .find(|h| ![p0, p1].contains(h))
        .expect("a third host");
    cafe.fac
        .command(Command::RemoveParticipant {
            participant_id: host,
        })
        .await
        .expect("remove a host");
    let removed = cafe.phones.remove(cafe.phone_index(host));
    drop(removed);
    for t in cafe.fac.mirror.tables(1) {
        assert!(
            t.host.is_some_and(|h| t.members.contains(&h)),
            "a table lost its host: {t:?}"
        );
    }
    let guest = cafe
        .fac
        .mirror
        .tables(1)
        .iter()
        .flat_map(|t| t.members.iter().copied().filter(|m| Some(*m) != t.host))
        .find(|m| ![p0, p1].contains(m))
        .expect("a guest");
    let mut leaving = cafe.phones.remove(cafe.phone_index(guest));
    leaving.command(Command::Leave).await.expect("leave");
    check_views(&server, &mut cafe, &mut wall, "round 1 after changes").await;

    // Between rounds: the plan is made; a planned host leaves, someone arrives, a move.
    cafe.fac.command(Command::EndRound).await.expect("end");
    check_views(&server, &mut cafe, &mut wall, "between rounds").await;
    let finished = cafe.fac.mirror.tables(1).to_vec();
    let planned_host = cafe
        .fac
        .mirror
        .tables(2)
        .iter()
        .filter_map(|t| t.host)
        .find(|h| *h != p0)
        .expect("a planned host");
    let mut leaving = cafe.phones.remove(cafe.phone_index(planned_host));
    leaving
        .command(Command::Leave)
        .await
        .expect("leave between rounds");
    let late = TestClient::participant(&server, &cafe.created.join_code, "Later").await;
    let later = late.participant_id();
    cafe.phones.push(late);
    let planned_at = cafe.fac.mirror.table_of(2, p0).expect("planned").table;
    let target_2 = if planned_at == 1 { 2 } else { 1 };
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: p0,
            table: target_2,
        })
        .await
        .expect("move in the plan");
    // A finished round's seating does not change.
    cafe.fac.cafe_barrier().await;
    assert_eq!(cafe.fac.mirror.tables(1), finished.as_slice());
    assert!(
        cafe.fac.mirror.table_of(2, later).is_some(),
        "the arrival is in the plan"
    );
    for t in cafe.fac.mirror.tables(2) {
        assert!(
            t.host.is_some_and(|h| t.members.contains(&h)),
            "a planned table lost its host: {t:?}"
        );
    }
    check_views(
        &server,
        &mut cafe,
        &mut wall,
        "between rounds after changes",
    )
    .await;

    cafe.start_round().await;
    assert_eq!(
        cafe.fac.mirror.table_of(2, p0).map(|t| t.table),
        Some(target_2),
        "the move stuck"
    );
    check_views(&server, &mut cafe, &mut wall, "round 2 started").await;
    cafe.fac
        .command(Command::OpenHarvest)
        .await
        .expect("harvest");
    check_views(&server, &mut cafe, &mut wall, "harvest").await;
}

#[tokio::test]
async fn a_departure_between_rounds_reaches_the_last_rounds_table_mates() {
    let server = TestServer::start().await;
    // Six people at tables of three: two tables, so the plan for round 2 keeps one person
    // of each table there (its host) and sends the other two across.
    let mut cafe = TestCafe::new(&server, &cafe_request(2, MINUTES, 3), 6).await;
    cafe.start_round().await;
    let seq = cafe.fac.command(Command::EndRound).await.expect("end");
    cafe.fac.wait_seq(seq).await;
    let round_1 = cafe.fac.mirror.tables(1)[0].clone();
    let stays = cafe
        .fac
        .mirror
        .tables(2)
        .iter()
        .find(|t| t.table == round_1.table)
        .and_then(|t| t.host)
        .expect("a planned host");
    assert!(round_1.members.contains(&stays));
    let stays_table = cafe.fac.mirror.table_of(2, stays).expect("planned").clone();
    // Someone who sat with the leaver in round 1 but not in the plan.
    let mate = *round_1
        .members
        .iter()
        .find(|m| **m != stays && !stays_table.members.contains(m))
        .expect("a round-1 table-mate at the other table");
    let i = cafe.phone_index(mate);
    cafe.phones[i].ping().await.expect("ping");
    let known = |c: &TestClient| {
        c.mirror
            .cafe()
            .participants
            .iter()
            .find(|p| p.participant_id == stays)
            .map(|p| p.present)
    };
    assert_eq!(
        known(&cafe.phones[i]),
        Some(true),
        "the phone knows its round-1 table-mate"
    );

    let j = cafe.phone_index(stays);
    cafe.phones[j].command(Command::Leave).await.expect("leave");
    cafe.fac.cafe_barrier().await;
    cafe.phones[i].ping().await.expect("ping");
    let mut reload = TestClient::connect(&server).await;
    reload
        .hello(cafe.phones[i].resume_auth(), None)
        .await
        .expect("reload");
    assert_eq!(
        known(&reload),
        Some(false),
        "the snapshot lists the leaver as gone"
    );
    assert_eq!(
        known(&cafe.phones[i]),
        Some(false),
        "the live phone still shows the leaver at its last table as present"
    );
}

#[tokio::test]
async fn a_set_host_that_changes_nothing_still_sticks() {
    let server = TestServer::start().await;
    // Six people at tables of three: two planned tables.
    let mut cafe = TestCafe::new(&server, &cafe_request(2, MINUTES, 3), 6).await;
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    let first = cafe.phones[0].participant_id();
    let first_table = cafe.fac.mirror.table_of(1, first).expect("planned").table;
    let other = cafe
        .fac
        .mirror
        .tables(1)
        .iter()
        .find(|t| t.table != first_table)
        .expect("two tables")
        .clone();
    let chosen = other.host.expect("a planned host");
    // The facilitator confirms the planned host: nothing to change, so a duplicate.
    let (_, duplicate) = cafe
        .fac
        .command_full(Command::SetHost {
            participant_id: chosen,
        })
        .await
        .expect("set host");
    // Then moves the first to join that table, which unbalances the plan, so startRound
    // plans again around the facilitator's choices.
    cafe.fac
        .command(Command::MoveParticipant {
            participant_id: first,
            table: other.table,
        })
        .await
        .expect("move");
    cafe.start_round().await;
    let host = cafe
        .fac
        .mirror
        .tables(1)
        .iter()
        .find(|t| t.table == other.table)
        .and_then(|t| t.host);
    assert_eq!(
        host,
        Some(chosen),
        "the facilitator made {chosen} host of table {} (acked, duplicate: {duplicate}); \
         after the re-plan the host is {host:?}",
        other.table
    );
}

#[tokio::test]
async fn a_move_that_changes_nothing_still_sticks() {
    let server = TestServer::start().await;
    // Six people at tables of three: two planned tables.
    let mut cafe = TestCafe::new(&server, &cafe_request(2, MINUTES, 3), 6).await;
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    let tables = cafe.fac.mirror.tables(1).to_vec();
    let (here, there) = (&tables[0], &tables[1]);
    let chosen = here.members[0];
    // The facilitator confirms where `chosen` sits: nothing to change, so a duplicate.
    let (_, duplicate) = cafe
        .fac
        .command_full(Command::MoveParticipant {
            participant_id: chosen,
            table: here.table,
        })
        .await
        .expect("move to the same table");
    // Then seats everyone of the other table here too, so that startRound has to plan
    // again around the facilitator's choices.
    for m in &there.members {
        cafe.fac
            .command(Command::MoveParticipant {
                participant_id: *m,
                table: here.table,
            })
            .await
            .expect("move");
    }
    cafe.start_round().await;
    let table = cafe.fac.mirror.table_of(1, chosen).map(|t| t.table);
    assert_eq!(
        table,
        Some(here.table),
        "the facilitator seated {chosen} at table {} (acked, duplicate: {duplicate}); after \
         the re-plan they sit at {table:?}",
        here.table
    );
}

#[tokio::test]
async fn organisations_are_spread_across_tables() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(1, MINUTES, 4)).await;
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    // Four people from each of three organisations, joining organisation by organisation.
    let orgs = ["City Council", "NHS Trust", "Police"];
    let mut org_of = HashMap::new();
    let mut phones = Vec::new();
    for org in orgs {
        for i in 0..4 {
            let p = TestClient::join(
                &server,
                flamingo_protocol::Auth::Join {
                    join_code: created.join_code.clone(),
                    name: format!("{org} {i}"),
                    organisation: Some(org.into()),
                    role: None,
                    join_key: None,
                },
            )
            .await;
            org_of.insert(p.participant_id(), org);
            phones.push(p);
        }
    }
    let seq = fac.command(Command::StartRound).await.expect("start");
    fac.wait_seq(seq).await;
    // With three tables of four, the best is two of one organisation at a table.
    for t in fac.mirror.tables(1) {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for m in &t.members {
            *count.entry(org_of[m]).or_default() += 1;
        }
        assert!(
            count.values().all(|n| *n <= 2),
            "table {} is not mixed: {count:?}",
            t.table
        );
    }
    drop(phones);
}

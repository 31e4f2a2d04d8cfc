//! Connection chaos against the real binary: clients drop their sockets at random (abruptly,
//! in the middle of a frame, right after sending a command, or politely) and reconnect with
//! their last cursor. Each must receive every event exactly once and in order: the same
//! (seq, update) list as a twin of the same viewer that never disconnected. A cursor from
//! another epoch (forged, or after the café's epoch changed in storage) gets a snapshot,
//! never a replay.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use flamingo_protocol::{
    Auth, ClientMessage, Command, CreateCafeResponse, Cursor, ErrorCode, NoteId, ServerMessage,
    Update,
};
use flamingo_tests::process::{
    Link, LinkClient, LinkError, ProcessServer, STEP, phone_digest, without_presence,
};
use flamingo_tests::{Mirror, cafe_request};

const PHONES: usize = 8;
/// Phones that also have a chaos connection (a second connection of the same participant).
const CHAOS_PHONES: usize = 4;
const ACTIVITY: Duration = Duration::from_secs(8);

fn seed() -> u64 {
    let seed = std::env::var("FLAMINGO_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("chaos seed {seed} (replay with FLAMINGO_FAULT_SEED={seed})");
    seed
}

fn post(text: String) -> Command {
    Command::PostNote {
        note_id: uuid::Uuid::new_v4(),
        text,
        round: None,
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Drops {
    abrupt: usize,
    mid_frame: usize,
    after_command: usize,
    polite: usize,
}

/// A client that keeps dropping its connection and resuming from its cursor.
struct Chaos {
    name: String,
    client: LinkClient,
    phone: bool,
    /// Notes sent and not acknowledged yet (a phone's outbox).
    outbox: Vec<(NoteId, String)>,
    written: Vec<NoteId>,
    drops: Drops,
}

impl Chaos {
    async fn run(mut self, url: String, stop: Arc<AtomicBool>, seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let started = Instant::now();
        let mut notes = 0;
        while !stop.load(Ordering::SeqCst) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "chaos never stopped"
            );
            if self.client.link.is_none() {
                self.client
                    .reconnect(&url, true)
                    .await
                    .unwrap_or_else(|e| panic!("{} could not resume: {e:?}", self.name));
                self.resend().await;
            }
            // Read for a while, then drop the connection one way or another.
            let read_for = Duration::from_millis(rng.u64(20..300));
            let until = tokio::time::Instant::now() + read_for;
            let link = self.client.link.as_mut().expect("link");
            loop {
                let left = until.saturating_duration_since(tokio::time::Instant::now());
                match link.recv(left).await {
                    // An ack read here answers a note resent by `resend`, which read its own;
                    // notes sent as the line dropped stay in the outbox until `resend`.
                    Ok(m) => self.client.mirror.fold(&m),
                    Err(LinkError::Timeout) => break,
                    Err(e) => panic!("{}: connection lost: {e:?}", self.name),
                }
            }
            let link = self.client.link.take().expect("link");
            match rng.u32(0..4) {
                0 => {
                    link.drop_abruptly();
                    self.drops.abrupt += 1;
                }
                1 => {
                    let msg = if self.phone {
                        ClientMessage::Command {
                            request_id: Some(99),
                            command: post("a note cut off mid-frame".into()),
                        }
                    } else {
                        ClientMessage::Ping {
                            request_id: Some(99),
                        }
                    };
                    link.drop_mid_frame(&msg).await;
                    self.drops.mid_frame += 1;
                }
                2 => {
                    let mut link = link;
                    if self.phone && notes < 8 {
                        notes += 1;
                        let id = uuid::Uuid::new_v4();
                        let text = format!("{} note {notes}, sent as the line dropped", self.name);
                        self.outbox.push((id, text.clone()));
                        self.written.push(id);
                        let _ = link
                            .send_command(Command::PostNote {
                                note_id: id,
                                text,
                                round: None,
                            })
                            .await;
                    } else {
                        let _ = link
                            .send(&ClientMessage::Ping {
                                request_id: Some(98),
                            })
                            .await;
                    }
                    link.drop_abruptly();
                    self.drops.after_command += 1;
                }
                _ => {
                    link.close().await;
                    self.drops.polite += 1;
                }
            }
            tokio::time::sleep(Duration::from_millis(rng.u64(0..100))).await;
        }
        self.client
            .reconnect(&url, true)
            .await
            .unwrap_or_else(|e| panic!("{} could not resume: {e:?}", self.name));
        self.resend().await;
        self
    }

    /// Sends the outbox again, waiting for each answer, until it is empty.
    async fn resend(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some((id, text)) = self.outbox.first().cloned() {
            assert!(Instant::now() < deadline, "{}: outbox stuck", self.name);
            match self
                .client
                .command(Command::PostNote {
                    note_id: id,
                    text,
                    round: None,
                })
                .await
            {
                Ok(_) => {
                    self.outbox.remove(0);
                }
                Err(LinkError::Refused(ErrorCode::RateLimited, _)) => {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => panic!("{}: resending a note: {e:?}", self.name),
            }
        }
    }
}

/// Drives the café: notes, edits, deletions, moves, host changes, timer changes, broadcasts.
async fn activity(
    fac: &mut LinkClient,
    phones: &mut [LinkClient],
    rng: &mut fastrand::Rng,
) -> (usize, std::collections::BTreeMap<String, usize>) {
    let started = Instant::now();
    let mut done = 0;
    let mut refused = std::collections::BTreeMap::new();
    let mut notes: Vec<Vec<NoteId>> = vec![Vec::new(); phones.len()];
    let mut posted = vec![0; phones.len()];
    while started.elapsed() < ACTIVITY {
        let i = rng.usize(0..phones.len());
        let r = match rng.u32(0..100) {
            0..45 if posted[i] < 18 => {
                posted[i] += 1;
                let cmd = post(format!("note {} of phone {i}", posted[i]));
                let Command::PostNote { note_id, .. } = &cmd else {
                    unreachable!()
                };
                notes[i].push(*note_id);
                phones[i].command(cmd).await
            }
            45..55 if !notes[i].is_empty() => {
                let id = notes[i][rng.usize(0..notes[i].len())];
                phones[i]
                    .command(Command::EditNote {
                        note_id: id,
                        text: format!("edited {}", rng.u32(..)),
                    })
                    .await
            }
            55..60 if !notes[i].is_empty() => {
                let k = rng.usize(0..notes[i].len());
                let id = notes[i].remove(k);
                phones[i].command(Command::DeleteNote { note_id: id }).await
            }
            60..70 => {
                fac.command(Command::Broadcast {
                    text: format!("broadcast {}", rng.u32(..)),
                    keep: false,
                })
                .await
            }
            70..82 => {
                let participant_id = phones[i].participant_id();
                fac.command(Command::MoveParticipant {
                    participant_id,
                    table: rng.u32(1..4),
                })
                .await
            }
            82..88 => {
                let participant_id = phones[i].participant_id();
                fac.command(Command::SetHost { participant_id }).await
            }
            88..94 => {
                let seconds = if rng.bool() { 30 } else { -10 };
                fac.command(Command::AdjustTime { seconds }).await
            }
            _ => {
                let r = fac.command(Command::PauseRound).await;
                if r.is_ok() {
                    fac.command(Command::ResumeRound).await
                } else {
                    r
                }
            }
        };
        match r {
            Ok(_) => done += 1,
            Err(LinkError::Refused(code, message)) => {
                *refused.entry(format!("{code:?}: {message}")).or_default() += 1
            }
            Err(e) => panic!("the café's activity failed: {e:?}"),
        }
        tokio::time::sleep(Duration::from_millis(rng.u64(20..50))).await;
    }
    (done, refused)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_drop_at_random_get_every_event_exactly_once_in_order() {
    let seed = seed();
    let mut rng = fastrand::Rng::with_seed(seed);
    let server = ProcessServer::start().await;
    let url = server.ws_url();
    let created = server.create_cafe(&cafe_request(2, 30, 4)).await;
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    let mut phones = Vec::new();
    for i in 0..PHONES {
        phones.push(
            LinkClient::join(&url, &created.join_code, &format!("P{i}"))
                .await
                .expect("join"),
        );
    }
    fac.command(Command::StartRound).await.expect("start");
    for p in &mut phones {
        p.ping().await.expect("phone");
    }
    // The twins that never disconnect: a wall, and the phones' own first connections.
    let mut wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let stop = Arc::new(AtomicBool::new(false));
    let mut chaos_tasks = Vec::new();
    let wall_chaos = Chaos {
        name: "chaos wall".into(),
        client: LinkClient::wall(&url, &created.join_code)
            .await
            .expect("chaos wall"),
        phone: false,
        outbox: Vec::new(),
        written: Vec::new(),
        drops: Drops::default(),
    };
    // Each chaos client is compared with its twin from its own first snapshot on.
    let mut starts = vec![wall_chaos.client.mirror.seq];
    chaos_tasks.push(tokio::spawn(wall_chaos.run(
        url.clone(),
        stop.clone(),
        seed ^ 1,
    )));
    for (i, p) in phones.iter().enumerate().take(CHAOS_PHONES) {
        let client = LinkClient::connect(&url, p.auth.clone())
            .await
            .expect("second connection");
        starts.push(client.mirror.seq);
        let c = Chaos {
            name: format!("chaos phone {i}"),
            client,
            phone: true,
            outbox: Vec::new(),
            written: Vec::new(),
            drops: Drops::default(),
        };
        chaos_tasks.push(tokio::spawn(c.run(
            url.clone(),
            stop.clone(),
            seed ^ (i as u64 + 2),
        )));
    }
    // The steady wall reads all along, as a projector would.
    let wall_stop = Arc::new(AtomicBool::new(false));
    let wall_reader = {
        let wall_stop = wall_stop.clone();
        tokio::spawn(async move {
            while !wall_stop.load(Ordering::SeqCst) {
                let link = wall.link.as_mut().expect("the steady wall");
                match link.recv(Duration::from_millis(50)).await {
                    Ok(m) => wall.mirror.fold(&m),
                    Err(LinkError::Timeout) => {}
                    Err(e) => panic!("the steady wall lost its connection: {e:?}"),
                }
            }
            wall
        })
    };

    let (done, refused) = activity(&mut fac, &mut phones, &mut rng).await;
    stop.store(true, Ordering::SeqCst);
    let mut chaos = Vec::new();
    for t in chaos_tasks {
        chaos.push(t.await.expect("chaos task"));
    }
    wall_stop.store(true, Ordering::SeqCst);
    let mut wall = wall_reader.await.expect("wall reader");
    // Everyone catches up with everything (the chaos phones' last notes included).
    for c in chaos
        .iter_mut()
        .map(|c| &mut c.client)
        .chain(phones.iter_mut())
    {
        c.ping().await.expect("barrier");
    }
    fac.ping().await.expect("barrier");
    wall.ping().await.expect("barrier");

    let fresh = LinkClient::facilitator(&url, &created)
        .await
        .expect("fresh");
    let mut total = Drops::default();
    for (k, c) in chaos.iter().enumerate() {
        let twin = if k == 0 { &wall } else { &phones[k - 1] };
        let from = starts[k];
        let got = c.client.mirror.applied_after(from);
        let want = twin.mirror.applied_after(from);
        assert!(!want.is_empty(), "{}: nothing happened", c.name);
        if got != want {
            let at = got
                .iter()
                .zip(&want)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(want.len()));
            panic!(
                "{}: its events differ from its twin's at #{at} of {} vs {}:\n  chaos {:?}\n  twin  {:?}",
                c.name,
                got.len(),
                want.len(),
                got.get(at),
                want.get(at)
            );
        }
        assert_eq!(
            c.client.mirror.snapshots, 1,
            "{}: every reconnect resumed with a replay",
            c.name
        );
        if k == 0 {
            assert_eq!(
                without_presence(c.client.mirror.cafe()),
                without_presence(fresh.mirror.cafe()),
                "the chaos wall's café equals a fresh snapshot"
            );
        } else {
            let me = c.client.participant_id();
            let server_says = LinkClient::connect(&url, c.client.auth.clone())
                .await
                .expect("fresh phone");
            let (mine, twins, fresh_view) = (
                phone_digest(c.client.mirror.cafe(), me),
                phone_digest(twin.mirror.cafe(), me),
                phone_digest(server_says.mirror.cafe(), me),
            );
            assert_eq!(mine, twins, "{}: the same state as its twin", c.name);
            // Phase, table and table-mates equal a fresh snapshot, and the phone holds every
            // note its snapshot holds. It may hold more: notes of a table it was moved away
            // from stay until its next snapshot (docs/protocol.md §9-§10).
            assert_eq!(
                (&mine.phase, &mine.table, &mine.people),
                (&fresh_view.phase, &fresh_view.table, &fresh_view.people),
                "{}: equals a fresh snapshot",
                c.name
            );
            let missing: Vec<_> = fresh_view
                .notes
                .iter()
                .filter(|n| !mine.notes.contains(n))
                .collect();
            assert!(
                missing.is_empty(),
                "{}: notes in its snapshot but not on the phone: {missing:?}; the phone has {:?}",
                c.name,
                missing
                    .iter()
                    .map(|m| mine.notes.iter().find(|n| n.0 == m.0))
                    .collect::<Vec<_>>()
            );
            let shown = notes_pushed(&c.client.mirror);
            for extra in mine.notes.iter().filter(|n| !fresh_view.notes.contains(n)) {
                assert!(
                    shown.contains(&extra.0),
                    "{}: holds note {:?} it was never shown",
                    c.name,
                    extra
                );
            }
            for id in &c.written {
                assert_eq!(
                    fresh
                        .mirror
                        .cafe()
                        .notes
                        .iter()
                        .filter(|n| n.note_id == *id)
                        .count(),
                    1,
                    "{}: note {id} stored once",
                    c.name
                );
            }
        }
        println!(
            "{}: {} hellos, {} events over {:?}",
            c.name,
            c.client.hellos,
            got.len(),
            c.drops
        );
        total.abrupt += c.drops.abrupt;
        total.mid_frame += c.drops.mid_frame;
        total.after_command += c.drops.after_command;
        total.polite += c.drops.polite;
    }
    assert_eq!(
        without_presence(wall.mirror.cafe()),
        without_presence(fresh.mirror.cafe())
    );
    println!(
        "chaos: {done} commands done during {ACTIVITY:?}, refused: {refused:?}; drops {total:?}; \
         café at seq {}",
        fresh.mirror.seq
    );
    assert!(total.mid_frame > 0 && total.abrupt > 0 && total.after_command > 0);
}

async fn small_cafe(
    server: &ProcessServer,
    people: usize,
) -> (CreateCafeResponse, LinkClient, Vec<LinkClient>) {
    let url = server.ws_url();
    let created = server.create_cafe(&cafe_request(2, 30, 4)).await;
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    let mut phones = Vec::new();
    for i in 0..people {
        phones.push(
            LinkClient::join(&url, &created.join_code, &format!("P{i}"))
                .await
                .expect("join"),
        );
    }
    fac.command(Command::StartRound).await.expect("start");
    for p in &mut phones {
        p.ping().await.expect("phone");
    }
    (created, fac, phones)
}

/// Resumes `client` with `cursor` on a new connection and returns the frames that came
/// between `welcome` and `synced`, by kind.
async fn resume_frames(
    url: &str,
    auth: Auth,
    mirror: &mut Mirror,
    cursor: Cursor,
) -> Vec<&'static str> {
    let mut link = Link::open(url, STEP).await.expect("connect");
    link.send(&ClientMessage::Hello {
        request_id: Some(1),
        auth,
        since: Some(cursor),
    })
    .await
    .expect("hello");
    let mut kinds = Vec::new();
    loop {
        let m = link.recv(STEP).await.expect("resume");
        mirror.fold(&m);
        kinds.push(match m {
            ServerMessage::Welcome { .. } => "welcome",
            ServerMessage::Snapshot { .. } => "snapshot",
            ServerMessage::Event { .. } => "event",
            ServerMessage::Synced { .. } => break,
            ServerMessage::PresenceList { .. } => "presenceList",
            ServerMessage::Error { code, message, .. } => panic!("refused: {code:?} {message}"),
            _ => "other",
        });
    }
    kinds
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cursor_from_another_epoch_gets_a_snapshot_never_a_replay() {
    let server = ProcessServer::start().await;
    let url = server.ws_url();
    let (created, mut fac, mut phones) = small_cafe(&server, 4).await;
    let mut wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let wall_cursor = wall.cursor().expect("cursor");
    let wall_then = wall.mirror.clone();
    let phone_cursor = phones[0].cursor().expect("cursor");
    for p in &mut phones {
        p.command(post("after the cursors".into()))
            .await
            .expect("note");
    }
    fac.command(Command::Broadcast {
        text: "also after".into(),
        keep: false,
    })
    .await
    .expect("broadcast");

    // The same seqs under another epoch name another history: never replayed.
    let forged = |c: &Cursor| Cursor {
        epoch: if c.epoch == "000000000000" {
            "111111111111".into()
        } else {
            "000000000000".into()
        },
        seq: c.seq,
        part: c.part,
    };
    let mut wall_mirror = wall.mirror.clone();
    let kinds = resume_frames(
        &url,
        wall.auth.clone(),
        &mut wall_mirror,
        forged(&wall_cursor),
    )
    .await;
    assert_eq!(kinds, ["welcome", "snapshot"], "wall with a foreign epoch");
    wall.ping().await.expect("wall");
    assert_eq!(
        without_presence(wall_mirror.cafe()),
        without_presence(wall.mirror.cafe())
    );
    let me = phones[0].participant_id();
    let mut phone_mirror = phones[0].mirror.clone();
    let kinds = resume_frames(
        &url,
        phones[0].auth.clone(),
        &mut phone_mirror,
        forged(&phone_cursor),
    )
    .await;
    assert_eq!(kinds, ["welcome", "snapshot"], "phone with a foreign epoch");
    phones[0].ping().await.expect("phone");
    assert_eq!(
        phone_digest(phone_mirror.cafe(), me),
        phone_digest(phones[0].mirror.cafe(), me)
    );
    // The real epoch with the same seq replays.
    let mut wall_mirror = wall_then;
    let kinds = resume_frames(&url, wall.auth.clone(), &mut wall_mirror, wall_cursor).await;
    assert!(
        kinds.iter().all(|k| *k != "snapshot") && kinds.contains(&"event"),
        "the right epoch replays: {kinds:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_epoch_changes_in_storage_old_cursors_get_a_snapshot() {
    let mut server = ProcessServer::start().await;
    let url = server.ws_url();
    let (created, mut fac, mut phones) = small_cafe(&server, 4).await;
    let mut wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let old_wall = (wall.cursor().expect("cursor"), wall.mirror.clone());
    let old_phone = (
        phones[0].cursor().expect("cursor"),
        phones[0].mirror.clone(),
    );
    for p in &mut phones {
        p.command(post("written before the rebuild".into()))
            .await
            .expect("note");
    }
    fac.command(Command::MoveParticipant {
        participant_id: phones[0].participant_id(),
        table: 2,
    })
    .await
    .expect("move");
    wall.ping().await.expect("wall");

    let status = server.terminate().await;
    assert!(status.success(), "SIGTERM: {status}");
    const NEW_EPOCH: &str = "feedfacecafe";
    {
        let db = rusqlite::Connection::open(server.database()).expect("open the database");
        let changed = db
            .execute(
                "UPDATE cafes SET epoch = ?1 WHERE id = ?2",
                [NEW_EPOCH, &created.cafe_id.to_string()],
            )
            .expect("change the epoch");
        assert_eq!(changed, 1);
    }
    server.restart().await;

    // The wall comes back with its old cursor: a snapshot in the new epoch.
    let (cursor, mut mirror) = old_wall;
    assert_ne!(cursor.epoch, NEW_EPOCH);
    let kinds = resume_frames(&url, wall.auth.clone(), &mut mirror, cursor).await;
    assert_eq!(kinds, ["welcome", "snapshot"], "old wall cursor, new epoch");
    assert_eq!(mirror.epoch.as_deref(), Some(NEW_EPOCH));
    let fresh = LinkClient::facilitator(&url, &created)
        .await
        .expect("fresh");
    assert_eq!(
        without_presence(mirror.cafe()),
        without_presence(fresh.mirror.cafe()),
        "the snapshot is the café as stored"
    );
    // So does the phone, at its new table.
    let (cursor, mut mirror) = old_phone;
    let kinds = resume_frames(&url, phones[0].auth.clone(), &mut mirror, cursor).await;
    assert_eq!(
        kinds,
        ["welcome", "snapshot"],
        "old phone cursor, new epoch"
    );
    let me = phones[0].participant_id();
    let now = LinkClient::connect(&url, phones[0].auth.clone())
        .await
        .expect("fresh phone");
    assert_eq!(
        phone_digest(mirror.cafe(), me),
        phone_digest(now.mirror.cafe(), me)
    );
    assert_eq!(phone_digest(mirror.cafe(), me).table.map(|t| t.0), Some(2));

    // A cursor in the new epoch resumes with a replay again.
    let mut wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let cursor = wall.cursor().expect("cursor");
    assert_eq!(cursor.epoch, NEW_EPOCH);
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    fac.command(Command::Broadcast {
        text: "after the rebuild".into(),
        keep: false,
    })
    .await
    .expect("broadcast");
    let kinds = resume_frames(&url, wall.auth.clone(), &mut wall.mirror, cursor).await;
    assert_eq!(kinds, ["welcome", "event", "presenceList"]);
    assert!(matches!(
        wall.mirror.applied.last(),
        Some((_, Update::Broadcast { .. }))
    ));
}

/// The ids of the notes pushed to a client (`notePosted`), in order.
fn notes_pushed(m: &Mirror) -> Vec<NoteId> {
    m.applied
        .iter()
        .filter_map(|(_, u)| match u {
            Update::NotePosted { note } => Some(note.note_id),
            _ => None,
        })
        .collect()
}

/// Found by the chaos test: a phone moved mid-round was not sent the notes its new table had
/// already written (fixed in engine/view.rs `fanout`, `Event::ParticipantSeated`). It keeps
/// its old table's notes until its next snapshot, as docs/protocol.md §9-§10 say.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_moved_mid_round_holds_the_notes_of_its_new_table() {
    let server = ProcessServer::start().await;
    let url = server.ws_url();
    // Eight people at tables of four: two tables.
    let (_created, mut fac, mut phones) = small_cafe(&server, 8).await;
    let table_of = |c: &LinkClient| {
        let me = c.participant_id();
        c.mirror.table_of(1, me).map(|t| t.table).expect("seated")
    };
    let mover = (0..phones.len())
        .find(|&i| table_of(&phones[i]) == 1)
        .expect("someone at table 1");
    let writer = (0..phones.len())
        .find(|&i| table_of(&phones[i]) == 2)
        .expect("someone at table 2");
    let stay = (0..phones.len())
        .find(|&i| i != mover && table_of(&phones[i]) == 1)
        .expect("someone else at table 1");
    phones[writer]
        .command(post("written at table 2 before the move".into()))
        .await
        .expect("note at table 2");
    phones[stay]
        .command(post("written at table 1 before the move".into()))
        .await
        .expect("note at table 1");
    let participant_id = phones[mover].participant_id();
    fac.command(Command::MoveParticipant {
        participant_id,
        table: 2,
    })
    .await
    .expect("move");
    phones[mover].ping().await.expect("barrier");
    assert_eq!(table_of(&phones[mover]), 2);
    let fresh = LinkClient::connect(&url, phones[mover].auth.clone())
        .await
        .expect("fresh");
    let notes = |v: &flamingo_protocol::CafeView| {
        let mut n: Vec<String> = v.notes.iter().map(|n| n.text.clone()).collect();
        n.sort();
        n
    };
    assert_eq!(
        notes(fresh.mirror.cafe()),
        ["written at table 2 before the move"],
        "the server says: the new table's notes, not the old one's"
    );
    assert_eq!(
        notes(phones[mover].mirror.cafe()),
        [
            "written at table 1 before the move",
            "written at table 2 before the move"
        ],
        "live, the moved phone got its new table's notes and kept its old table's"
    );
}

//! Notes: idempotent posting, who receives them, who may change them, and their text.

use flamingo_protocol::{Command, ErrorCode, NoteId, NoteView, ServerMessage, TableSeats, Update};
use flamingo_tests::{ClientError, TestCafe, TestClient, TestServer, cafe_request};
use uuid::Uuid;

/// Two tables of four in round 1, with a wall. Indices are into `cafe.phones`.
struct Room {
    cafe: TestCafe,
    wall: TestClient,
    a: TableSeats,
    b: TableSeats,
}

impl Room {
    async fn new(server: &TestServer) -> Self {
        let mut cafe = TestCafe::new(server, &cafe_request(3, 20, 4), 8).await;
        let mut wall = cafe.wall(server).await;
        let (_, seq) = cafe.start_round().await;
        wall.wait_seq(seq).await;
        let tables = cafe.fac.mirror.tables(1).to_vec();
        assert_eq!(tables.len(), 2, "8 people at tables of 4: {tables:?}");
        Self {
            cafe,
            wall,
            a: tables[0].clone(),
            b: tables[1].clone(),
        }
    }

    fn phone(&mut self, p: flamingo_protocol::ParticipantId) -> &mut TestClient {
        let i = self.cafe.phone_index(p);
        &mut self.cafe.phones[i]
    }

    fn host(t: &TableSeats) -> flamingo_protocol::ParticipantId {
        t.host.expect("every table has a host")
    }

    /// A member of `t` who is not its host.
    fn mate(t: &TableSeats) -> flamingo_protocol::ParticipantId {
        *t.members
            .iter()
            .find(|m| Some(**m) != t.host)
            .expect("a table of four has guests")
    }
}

fn post(note_id: NoteId, text: &str) -> Command {
    Command::PostNote {
        note_id,
        text: text.into(),
        round: None,
    }
}

fn note(c: &TestClient, id: NoteId) -> Option<&NoteView> {
    c.mirror.cafe().notes.iter().find(|n| n.note_id == id)
}

/// How many `notePosted` updates for `id` this client received.
fn posted_count(c: &TestClient, id: NoteId) -> usize {
    c.mirror
        .applied
        .iter()
        .filter(|(_, u)| matches!(u, Update::NotePosted { note } if note.note_id == id))
        .count()
}

/// Whether any frame this connection received mentions note `id`.
fn log_mentions(c: &TestClient, id: NoteId) -> bool {
    c.log.iter().any(|m| match m {
        ServerMessage::Event { update, .. } => match update {
            Update::NotePosted { note } => note.note_id == id,
            Update::NoteEdited { note_id, .. } | Update::NoteDeleted { note_id } => *note_id == id,
            _ => false,
        },
        ServerMessage::Snapshot { cafe, .. } => cafe.notes.iter().any(|n| n.note_id == id),
        _ => false,
    })
}

fn refused(r: Result<impl std::fmt::Debug, ClientError>) -> ErrorCode {
    match r {
        Err(ClientError::Refused(code, _)) => code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn resending_a_note_is_harmless_and_ids_are_not_shared() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::host(&room.a);
    let mate = Room::mate(&room.a);
    let stranger = Room::mate(&room.b);
    let id = Uuid::new_v4();

    let (seq, dup) = room
        .phone(author)
        .command_full(post(id, "Budgets are annual, partnerships are not."))
        .await
        .expect("post");
    assert!(!dup, "a first post is not a duplicate");
    // The outbox resends: same id, same text, then same id with other text.
    let (seq2, dup2) = room
        .phone(author)
        .command_full(post(id, "Budgets are annual, partnerships are not."))
        .await
        .expect("resend");
    assert!(dup2, "the resend must be acked as a duplicate");
    assert_eq!(
        seq2, seq,
        "a duplicate changes nothing, so the café stays at {seq}"
    );
    let (_, dup3) = room
        .phone(author)
        .command_full(post(id, "something else entirely"))
        .await
        .expect("resend with other text");
    assert!(dup3);

    // Someone else using that id is refused, at the same table or another.
    assert_eq!(
        refused(room.phone(mate).command(post(id, "mine now")).await),
        ErrorCode::NoteIdTaken
    );
    assert_eq!(
        refused(room.phone(stranger).command(post(id, "mine now")).await),
        ErrorCode::NoteIdTaken
    );

    // The wall and the facilitator have it exactly once, with the first text.
    room.wall.cafe_barrier().await;
    room.cafe.fac.cafe_barrier().await;
    for c in [&room.wall, &room.cafe.fac] {
        assert_eq!(posted_count(c, id), 1, "notePosted count");
        assert_eq!(
            c.mirror
                .cafe()
                .notes
                .iter()
                .filter(|n| n.note_id == id)
                .count(),
            1
        );
        assert_eq!(
            note(c, id).expect("note").text,
            "Budgets are annual, partnerships are not."
        );
        assert_eq!(
            c.mirror.seq, seq,
            "refused and duplicate posts wrote nothing"
        );
    }
    let m = room.phone(mate);
    m.ping().await.expect("ping");
    assert_eq!(posted_count(m, id), 1);
    // A fresh snapshot agrees.
    let fresh = room.cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.seq, seq);
    assert_eq!(
        fresh
            .mirror
            .cafe()
            .notes
            .iter()
            .filter(|n| n.note_id == id)
            .count(),
        1
    );
}

#[tokio::test]
async fn a_note_reaches_its_table_and_the_wall_but_not_other_tables() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::mate(&room.a);
    let id = Uuid::new_v4();
    let text = "Shared outcomes beat shared budgets.";
    let seq = room
        .phone(author)
        .command(post(id, text))
        .await
        .expect("post");

    // The update comes before the ack: the author's phone holds the note already.
    assert!(
        note(room.phone(author), id).is_some(),
        "the ack arrived before the author's own notePosted"
    );
    room.wall.wait_seq(seq).await;
    let on_wall = note(&room.wall, id)
        .expect("the wall shows the note")
        .clone();
    assert_eq!(on_wall.round, 1);
    assert_eq!(on_wall.table, room.a.table);
    assert_eq!(on_wall.author_id, author);
    assert_eq!(
        on_wall.author_name,
        format!("P{}", room.cafe.phone_index(author))
    );
    assert_eq!(on_wall.text, text);
    room.cafe.fac.wait_seq(seq).await;
    assert_eq!(note(&room.cafe.fac, id), Some(&on_wall));

    for m in room.a.members.clone() {
        let phone = room.phone(m);
        phone
            .wait_until("the table's note", |c| note(c, id).is_some())
            .await;
        assert_eq!(note(phone, id), Some(&on_wall), "table-mate {m}");
        assert_eq!(posted_count(phone, id), 1);
    }
    for m in room.b.members.clone() {
        let phone = room.phone(m);
        // Everything queued for this phone before the author's ack is in by the pong.
        phone.ping().await.expect("ping");
        assert!(
            !log_mentions(phone, id),
            "a phone at table {} received a note of table {}",
            room.b.table,
            room.a.table
        );
        assert!(note(phone, id).is_none());
    }

    // Reloads agree: a table-mate's snapshot has it, the other table's does not.
    let mate_auth = room.phone(Room::host(&room.a)).resume_auth();
    let mut reload = TestClient::connect(&server).await;
    reload.hello(mate_auth, None).await.expect("reload");
    assert_eq!(note(&reload, id), Some(&on_wall));
    let other_auth = room.phone(Room::host(&room.b)).resume_auth();
    let mut reload = TestClient::connect(&server).await;
    reload.hello(other_auth, None).await.expect("reload");
    assert!(
        !log_mentions(&reload, id),
        "the other table's snapshot has the note"
    );
}

#[tokio::test]
async fn edits_and_deletes_by_author_host_and_facilitator_propagate() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::mate(&room.a);
    let host_a = Room::host(&room.a);
    let host_b = Room::host(&room.b);
    let mate_b = Room::mate(&room.b);
    let (n1, n2, n3) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    for (id, text) in [(n1, "first"), (n2, "second"), (n3, "third")] {
        room.phone(author)
            .command(post(id, text))
            .await
            .expect("post");
    }

    // Everyone who sees the note sees each change; the wall first.
    async fn check_text(room: &mut Room, id: NoteId, seq: u64, text: Option<&str>) {
        let members = room.a.members.clone();
        let mut clients: Vec<&mut TestClient> = vec![&mut room.wall, &mut room.cafe.fac];
        for p in room.cafe.phones.iter_mut() {
            if members.contains(&p.participant_id()) {
                clients.push(p);
            }
        }
        for c in clients {
            c.wait_seq(seq).await;
            match text {
                Some(t) => {
                    let n = note(c, id).expect("note still there");
                    assert_eq!(n.text, t);
                    assert!(n.edited_at.is_some(), "an edited note has editedAt");
                }
                None => assert!(note(c, id).is_none(), "deleted note still shown"),
            }
        }
    }

    let seq = room
        .phone(author)
        .command(Command::EditNote {
            note_id: n1,
            text: "first, edited by its author".into(),
        })
        .await
        .expect("author edits");
    check_text(&mut room, n1, seq, Some("first, edited by its author")).await;

    let seq = room
        .cafe
        .fac
        .command(Command::EditNote {
            note_id: n1,
            text: "first, edited by the facilitator".into(),
        })
        .await
        .expect("facilitator edits");
    check_text(&mut room, n1, seq, Some("first, edited by the facilitator")).await;

    let seq = room
        .phone(host_a)
        .command(Command::EditNote {
            note_id: n1,
            text: "first, edited by the host".into(),
        })
        .await
        .expect("the table's host edits");
    check_text(&mut room, n1, seq, Some("first, edited by the host")).await;

    // Same text again: a duplicate.
    let (_, dup) = room
        .phone(author)
        .command_full(Command::EditNote {
            note_id: n1,
            text: "first, edited by the host".into(),
        })
        .await
        .expect("same text");
    assert!(dup);

    // People of another table, host or not, may not touch it; nothing changes.
    let before = room.cafe.fac.mirror.seq;
    for p in [host_b, mate_b] {
        let phone = room.phone(p);
        assert_eq!(
            refused(
                phone
                    .command(Command::EditNote {
                        note_id: n1,
                        text: "vandalised".into(),
                    })
                    .await
            ),
            ErrorCode::Forbidden
        );
        assert_eq!(
            refused(phone.command(Command::DeleteNote { note_id: n1 }).await),
            ErrorCode::Forbidden
        );
    }
    room.cafe.fac.cafe_barrier().await;
    assert_eq!(room.cafe.fac.mirror.seq, before);
    assert_eq!(
        note(&room.cafe.fac, n1).expect("n1").text,
        "first, edited by the host"
    );

    // Deletes, by the author and by the facilitator.
    let seq = room
        .phone(author)
        .command(Command::DeleteNote { note_id: n2 })
        .await
        .expect("author deletes");
    check_text(&mut room, n2, seq, None).await;
    let seq = room
        .cafe
        .fac
        .command(Command::DeleteNote { note_id: n3 })
        .await
        .expect("facilitator deletes");
    check_text(&mut room, n3, seq, None).await;

    // A deleted note stays deleted: deleting again is a duplicate, editing is notFound,
    // and resending its post is a duplicate that does not bring it back.
    let (_, dup) = room
        .cafe
        .fac
        .command_full(Command::DeleteNote { note_id: n3 })
        .await
        .expect("delete again");
    assert!(dup);
    assert_eq!(
        refused(
            room.phone(author)
                .command(Command::EditNote {
                    note_id: n2,
                    text: "back".into(),
                })
                .await
        ),
        ErrorCode::NotFound
    );
    let (_, dup) = room
        .phone(author)
        .command_full(post(n2, "second"))
        .await
        .expect("resend of a deleted note");
    assert!(dup);
    let fresh = room.cafe.facilitator(&server).await;
    let ids: Vec<NoteId> = fresh
        .mirror
        .cafe()
        .notes
        .iter()
        .map(|n| n.note_id)
        .collect();
    assert_eq!(ids, vec![n1]);
    assert_eq!(fresh.mirror.cafe().notes, room.wall.mirror.cafe().notes);
}

#[tokio::test]
async fn note_text_is_checked_and_kept_byte_for_byte() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::host(&room.a);
    let mate = Room::mate(&room.a);

    // Limits count characters, not bytes.
    let too_long = "x".repeat(2001);
    assert_eq!(
        refused(
            room.phone(author)
                .command(post(Uuid::new_v4(), &too_long))
                .await
        ),
        ErrorCode::InvalidInput
    );
    for blank in ["", "   ", "\n\t "] {
        assert_eq!(
            refused(
                room.phone(author)
                    .command(post(Uuid::new_v4(), blank))
                    .await
            ),
            ErrorCode::InvalidInput,
            "blank note {blank:?}"
        );
    }
    assert_eq!(
        refused(
            room.phone(author)
                .command(post(Uuid::new_v4(), "bell \u{7} inside"))
                .await
        ),
        ErrorCode::InvalidInput
    );
    let longest: String = "🦩".repeat(2000);
    let longest_id = Uuid::new_v4();
    room.phone(author)
        .command(post(longest_id, &longest))
        .await
        .expect("2,000 characters (8,000 bytes) is allowed");

    // Markup is text: it comes back exactly as sent, to everyone.
    let html = "<script>alert(\"pwned\")</script><img src=x onerror='alert(1)'>\n\
                &amp; &lt;b&gt; </textarea> {{7*7}} ${7*7} \\\" 🦩 e\u{301}\tend";
    let id = Uuid::new_v4();
    let seq = room
        .phone(author)
        .command(post(id, html))
        .await
        .expect("post");
    // Surrounding white space is trimmed, nothing else.
    let padded_id = Uuid::new_v4();
    room.phone(author)
        .command(post(padded_id, "  \n <b>padded</b> \t "))
        .await
        .expect("post padded");

    room.wall.wait_seq(seq).await;
    room.wall.ping().await.expect("ping");
    assert_eq!(note(&room.wall, id).expect("on the wall").text, html);
    assert_eq!(
        note(&room.wall, longest_id).expect("on the wall").text,
        longest
    );
    assert_eq!(
        note(&room.wall, padded_id).expect("on the wall").text,
        "<b>padded</b>"
    );
    let m = room.phone(mate);
    m.wait_until("the note", |c| note(c, padded_id).is_some())
        .await;
    assert_eq!(note(m, id).expect("at the table").text, html);
    let fresh = room.cafe.facilitator(&server).await;
    assert_eq!(note(&fresh, id).expect("in a snapshot").text, html);

    // Edits keep it byte-for-byte too, and have the same limits.
    let edited = format!("{html}<!-- edited -->");
    room.phone(author)
        .command(Command::EditNote {
            note_id: id,
            text: edited.clone(),
        })
        .await
        .expect("edit");
    room.wall.ping().await.expect("ping");
    assert_eq!(note(&room.wall, id).expect("on the wall").text, edited);
    assert_eq!(
        refused(
            room.phone(author)
                .command(Command::EditNote {
                    note_id: id,
                    text: too_long.clone(),
                })
                .await
        ),
        ErrorCode::InvalidInput
    );
}

#[tokio::test]
async fn notes_need_a_table_and_an_author() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 20, 4), 2).await;
    // In the lobby nobody has sat anywhere yet.
    assert_eq!(
        refused(cafe.phones[0].command(post(Uuid::new_v4(), "early")).await),
        ErrorCode::NotSeated
    );
    // Even a planned table is not a table to write on until the round starts.
    cafe.fac
        .command(Command::PlanNextRound)
        .await
        .expect("plan");
    assert_eq!(
        refused(cafe.phones[0].command(post(Uuid::new_v4(), "early")).await),
        ErrorCode::NotSeated
    );
    // Staff do not write notes.
    assert_eq!(
        refused(
            cafe.fac
                .command(post(Uuid::new_v4(), "from the laptop"))
                .await
        ),
        ErrorCode::Forbidden
    );
    cafe.start_round().await;
    cafe.phones[0]
        .command(post(Uuid::new_v4(), "now"))
        .await
        .expect("seated now");
}

#[tokio::test]
async fn late_notes_go_to_the_table_they_were_written_at() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::mate(&room.a);
    let table_1 = room.a.table;

    // Between rounds a note goes to the author's last table.
    room.cafe.fac.command(Command::EndRound).await.expect("end");
    let between = Uuid::new_v4();
    let seq = room
        .phone(author)
        .command(post(between, "written as the round ended"))
        .await
        .expect("post between rounds");
    room.wall.wait_seq(seq).await;
    let n = note(&room.wall, between).expect("on the wall");
    assert_eq!((n.round, n.table), (1, table_1));

    // In round 2, a note from the outbox that names round 1 goes to round 1's table; one
    // naming a round that has not happened goes to the current table.
    room.cafe.start_round().await;
    let table_2 = room
        .cafe
        .fac
        .mirror
        .table_of(2, author)
        .expect("a table in round 2")
        .table;
    let (from_outbox, future, current) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    for (id, round) in [(from_outbox, Some(1)), (future, Some(7)), (current, None)] {
        room.phone(author)
            .command(Command::PostNote {
                note_id: id,
                text: format!("round {round:?}"),
                round,
            })
            .await
            .expect("post");
    }
    room.wall.cafe_barrier().await;
    let placed = |wall: &TestClient, id| {
        let n = note(wall, id).expect("on the wall");
        (n.round, n.table)
    };
    assert_eq!(placed(&room.wall, from_outbox), (1, table_1));
    assert_eq!(placed(&room.wall, future), (2, table_2));
    assert_eq!(placed(&room.wall, current), (2, table_2));

    // In the harvest, still accepted, at the last table; once closed, refused.
    room.cafe
        .fac
        .command(Command::OpenHarvest)
        .await
        .expect("harvest");
    let harvest = Uuid::new_v4();
    room.phone(author)
        .command(post(harvest, "an afterthought"))
        .await
        .expect("post in the harvest");
    room.wall.cafe_barrier().await;
    assert_eq!(placed(&room.wall, harvest), (2, table_2));
    room.cafe
        .fac
        .command(Command::CloseCafe)
        .await
        .expect("close");
    assert_eq!(
        refused(
            room.phone(author)
                .command(post(Uuid::new_v4(), "too late"))
                .await
        ),
        ErrorCode::WrongPhase
    );
    // A resend of a stored note is still fine after the close.
    let (_, dup) = room
        .phone(author)
        .command_full(post(harvest, "an afterthought"))
        .await
        .expect("resend after the close");
    assert!(dup);
}

#[tokio::test]
async fn thirty_notes_a_minute_per_participant() {
    let server = TestServer::start().await;
    let mut room = Room::new(&server).await;
    let author = Room::mate(&room.a);
    let other = Room::host(&room.a);
    let mut ids = Vec::new();
    for i in 0..30 {
        let id = Uuid::new_v4();
        room.phone(author)
            .command(post(id, &format!("idea {i}")))
            .await
            .unwrap_or_else(|e| panic!("note {i}: {e:?}"));
        ids.push(id);
    }
    room.cafe.fac.cafe_barrier().await;
    let before = room.cafe.fac.mirror.seq;
    let r = room
        .phone(author)
        .command(post(Uuid::new_v4(), "one too many"))
        .await;
    assert_eq!(refused(r), ErrorCode::RateLimited);
    // Resending a stored note is not a new note: acked as a duplicate.
    let (_, dup) = room
        .phone(author)
        .command_full(post(ids[5], "idea 5"))
        .await
        .expect("resend");
    assert!(dup);
    // The limit is per person: a table-mate still writes.
    room.phone(other)
        .command(post(Uuid::new_v4(), "mine"))
        .await
        .expect("another participant");
    // Another connection of the same person does not get round it.
    let auth = room.phone(author).resume_auth();
    let mut tab = TestClient::connect(&server).await;
    tab.hello(auth, None).await.expect("second tab");
    assert_eq!(
        refused(tab.command(post(Uuid::new_v4(), "from the tablet")).await),
        ErrorCode::RateLimited
    );
    room.cafe.fac.cafe_barrier().await;
    assert_eq!(
        room.cafe.fac.mirror.seq,
        before + 1,
        "only the table-mate's note"
    );
}

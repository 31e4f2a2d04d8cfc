use flamingo_protocol::{Command, PhaseView, Update};
use flamingo_tests::{TestClient, TestServer, cafe_request};

#[tokio::test]
async fn a_small_cafe_runs_end_to_end() {
    let server = TestServer::start().await;
    let created = server.create_cafe(&cafe_request(2, 10, 4)).await;
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &created.facilitator_key).await;
    let mut wall = TestClient::wall(&server, &created.join_code).await;
    let mut phones = Vec::new();
    for i in 0..6 {
        phones.push(TestClient::participant(&server, &created.join_code, &format!("P{i}")).await);
    }
    let seq = fac.command(Command::StartRound).await.expect("start");
    fac.wait_seq(seq).await;
    assert!(matches!(
        fac.mirror.cafe().phase,
        PhaseView::Running { round: 1, .. }
    ));
    for p in &mut phones {
        let me = p.participant_id();
        p.wait_until("a table", |c| c.mirror.table_of(1, me).is_some())
            .await;
    }
    let note = uuid::Uuid::new_v4();
    let seq = phones[0]
        .command(Command::PostNote {
            note_id: note,
            text: "<script>alert(1)</script> trust".into(),
            round: None,
        })
        .await
        .expect("post");
    wall.wait_seq(seq).await;
    assert!(wall.mirror.cafe().notes.iter().any(|n| n.note_id == note));
    assert!(
        wall.mirror
            .applied
            .iter()
            .any(|(_, u)| matches!(u, Update::NotePosted { .. }))
    );
}

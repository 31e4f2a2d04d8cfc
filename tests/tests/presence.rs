//! Presence: the facilitator and the wall learn when a phone comes and goes; phones never do.

use flamingo_protocol::{ParticipantId, ServerMessage};
use flamingo_tests::{TestCafe, TestClient, TestServer, cafe_request};

/// The presence messages `c` received for `p`, in order.
fn presence_of(c: &TestClient, p: ParticipantId) -> Vec<bool> {
    c.log
        .iter()
        .filter_map(|m| match m {
            ServerMessage::Presence {
                participant_id,
                connected,
            } if *participant_id == p => Some(*connected),
            _ => None,
        })
        .collect()
}

fn has_presence(c: &TestClient) -> bool {
    c.log
        .iter()
        .any(|m| matches!(m, ServerMessage::Presence { .. }))
}

#[tokio::test]
async fn staff_see_phones_connect_and_disconnect() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 10, 4), 0).await;
    let mut wall = cafe.wall(&server).await;
    let code = cafe.created.join_code.clone();

    let ana = TestClient::participant(&server, &code, "Ana").await;
    let ana_id = ana.participant_id();
    cafe.fac
        .wait_until("Ana connected", |c| presence_of(c, ana_id) == [true])
        .await;
    wall.wait_until("Ana connected (wall)", |c| presence_of(c, ana_id) == [true])
        .await;
    assert_eq!(cafe.fac.mirror.cafe().connected, vec![ana_id]);

    let mut ben = TestClient::participant(&server, &code, "Ben").await;
    let ben_id = ben.participant_id();
    cafe.fac
        .wait_until("Ben connected", |c| presence_of(c, ben_id) == [true])
        .await;

    // A fresh staff snapshot lists the connected phones, in join order.
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.cafe().connected, vec![ana_id, ben_id]);
    let fresh_wall = cafe.wall(&server).await;
    assert_eq!(fresh_wall.mirror.cafe().connected, vec![ana_id, ben_id]);

    // A second connection of Ana (another tab) is no news: she was already online.
    let mut ana_tab = TestClient::connect(&server).await;
    ana_tab
        .hello(ana.resume_auth(), None)
        .await
        .expect("second tab");
    cafe.fac.cafe_barrier().await;
    assert_eq!(presence_of(&cafe.fac, ana_id), [true], "second tab");
    // Closing it is no news either: the first connection is still open.
    ana_tab.close_and_wait().await;
    cafe.fac.cafe_barrier().await;
    assert_eq!(presence_of(&cafe.fac, ana_id), [true], "second tab closed");

    // Ana's phone loses the network: now she is offline.
    let ana_auth = ana.resume_auth();
    ana.drop_connection().await;
    cafe.fac
        .wait_until("Ana disconnected", |c| {
            presence_of(c, ana_id) == [true, false]
        })
        .await;
    wall.wait_until("Ana disconnected (wall)", |c| {
        presence_of(c, ana_id) == [true, false]
    })
    .await;
    assert_eq!(cafe.fac.mirror.cafe().connected, vec![ben_id]);
    // Offline is not gone: she is still in the café.
    let fresh = cafe.facilitator(&server).await;
    assert_eq!(fresh.mirror.cafe().connected, vec![ben_id]);
    let ana_info = fresh
        .mirror
        .cafe()
        .participants
        .iter()
        .find(|p| p.participant_id == ana_id)
        .expect("Ana still listed");
    assert!(ana_info.present, "a dropped connection is not a departure");

    // She comes back: online again, and the facilitator's list follows.
    let mut ana = TestClient::connect(&server).await;
    ana.hello(ana_auth, None).await.expect("resume");
    cafe.fac
        .wait_until("Ana back", |c| {
            presence_of(c, ana_id) == [true, false, true]
        })
        .await;
    let mut connected = cafe.fac.mirror.cafe().connected.clone();
    connected.sort();
    let mut expected = vec![ana_id, ben_id];
    expected.sort();
    assert_eq!(connected, expected);

    // Phones never see presence, not even their own.
    ben.ping().await.expect("ping");
    ana.ping().await.expect("ping");
    assert!(
        !has_presence(&ben),
        "a phone received presence: {:?}",
        ben.log
    );
    assert!(
        !has_presence(&ana),
        "a phone received presence: {:?}",
        ana.log
    );
}

#[tokio::test]
async fn a_phone_that_leaves_goes_offline() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(2, 10, 4), 3).await;
    let leaver = cafe.phones[0].participant_id();
    cafe.fac
        .wait_until("everyone online", |c| c.mirror.cafe().connected.len() == 3)
        .await;
    let mut phone = cafe.phones.remove(0);
    phone
        .command(flamingo_protocol::Command::Leave)
        .await
        .expect("leave");
    assert_eq!(phone.wait_closed().await, Some(4501));
    cafe.fac
        .wait_until("the leaver offline", |c| {
            presence_of(c, leaver) == [true, false]
        })
        .await;
    let fresh = cafe.facilitator(&server).await;
    assert!(!fresh.mirror.cafe().connected.contains(&leaver));
    assert_eq!(fresh.mirror.cafe().connected.len(), 2);
}

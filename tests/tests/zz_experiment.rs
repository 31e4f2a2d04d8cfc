use std::time::Instant;

use flamingo_protocol::{Command, ServerMessage};
use flamingo_tests::{TestCafe, TestClient, TestServer, cafe_request};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn measure_slow_consumer() {
    let server = TestServer::start().await;
    let mut cafe = TestCafe::new(&server, &cafe_request(1, 10, 4), 0).await;
    let mut slow = TestClient::connect_small_buffer(&server, 4096).await;
    slow.hello(
        flamingo_protocol::Auth::Join {
            join_code: cafe.created.join_code.clone(),
            name: "slow".into(),
            organisation: None,
            role: None,
        },
        None,
    )
    .await
    .unwrap();
    let slow_id = slow.participant_id();
    let text: String = std::iter::repeat_n('🦩', 500).collect();
    let mut facs = Vec::new();
    for _ in 0..8 {
        facs.push(cafe.facilitator(&server).await);
    }
    let start = Instant::now();
    let mut handles = Vec::new();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for mut f in facs {
        let text = text.clone();
        let done = done.clone();
        handles.push(tokio::spawn(async move {
            let mut n = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) && n < 150 {
                f.command(Command::Broadcast { text: text.clone() }).await.unwrap();
                n += 1;
            }
            n
        }));
    }
    // watch presence
    loop {
        let m = cafe.fac.recv().await.unwrap();
        if let ServerMessage::Presence { participant_id, connected: false } = m {
            if participant_id == slow_id {
                break;
            }
        }
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let el = start.elapsed();
    let seq = cafe.fac.mirror.seq;
    let mut total = 0;
    for h in handles { total += h.await.unwrap(); }
    println!("presence false after {:?} at seq {seq}; broadcasts total {total}", el);
    let t = Instant::now();
    let code = slow.wait_closed().await;
    println!("slow closed with {code:?} after {:?}, received {} events", t.elapsed(), slow.mirror.applied.len());
}

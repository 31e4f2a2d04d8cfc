//! A full disk under the real binary. Commands fail with `unavailable` and a clear message;
//! nothing is acknowledged (or pushed to anyone) that was not stored; and the server recovers
//! as soon as there is room again, without a restart. Three ways to fill it:
//!
//! - RLIMIT_FSIZE set low when the child starts (`pre_exec` + `setrlimit`, SIGXFSZ ignored):
//!   SQLite's writes past the limit fail with EFBIG; the limit is then lifted with `prlimit`;
//! - the same limit lowered at run time, while a round's deadline passes: the round ends, once,
//!   when space returns;
//! - a real full file system: a small tmpfs (needs root and `mount`; skipped with a printed
//!   reason where the sandbox refuses), filled to the last byte, then emptied (ENOSPC).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flamingo_protocol::{Command, CreateCafeResponse, ErrorCode, NoteId, PhaseView, Update};
use flamingo_tests::cafe_request;
use flamingo_tests::process::{
    LinkClient, LinkError, ProcessOptions, ProcessServer, STEP, without_presence,
};

struct Cafe {
    created: CreateCafeResponse,
    fac: LinkClient,
    wall: LinkClient,
    phones: Vec<LinkClient>,
}

async fn cafe(server: &ProcessServer, minutes: u32) -> Cafe {
    let url = server.ws_url();
    let created = server.create_cafe(&cafe_request(2, minutes, 4)).await;
    let mut fac = LinkClient::facilitator(&url, &created).await.expect("fac");
    let wall = LinkClient::wall(&url, &created.join_code)
        .await
        .expect("wall");
    let mut phones = Vec::new();
    for i in 0..4 {
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
    Cafe {
        created,
        fac,
        wall,
        phones,
    }
}

fn note(note_id: NoteId) -> Command {
    Command::PostNote {
        note_id,
        // 2,000 characters: the disk fills after few notes.
        text: format!("{note_id} {}", "x".repeat(1960)),
        round: None,
    }
}

/// The largest file in the data directory, in bytes.
fn largest_file(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("data dir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0)
}

/// What a full disk looks like from outside, and what must hold afterwards.
struct Full {
    /// Acknowledged notes, by phone.
    acked: Vec<(usize, NoteId)>,
    /// Refused with `unavailable`, to be sent again once there is room.
    refused: Vec<(usize, NoteId)>,
    /// Refused and never sent again: must not exist.
    abandoned: Vec<NoteId>,
    /// Cafés created (acknowledged with 201): must exist.
    cafes: Vec<CreateCafeResponse>,
}

/// Posts notes round-robin until the first `unavailable`, then checks what a full disk does
/// to every kind of request.
async fn fill_and_check(
    server: &ProcessServer,
    cafe: &mut Cafe,
    max_notes: usize,
    strict: bool,
) -> Full {
    let url = server.ws_url();
    let mut full = Full {
        acked: Vec::new(),
        refused: Vec::new(),
        abandoned: Vec::new(),
        cafes: Vec::new(),
    };
    for k in 0..max_notes {
        let i = k % cafe.phones.len();
        let id = uuid::Uuid::new_v4();
        match cafe.phones[i].command(note(id)).await {
            Ok(_) => full.acked.push((i, id)),
            Err(LinkError::Refused(ErrorCode::Unavailable, message)) => {
                println!(
                    "refused after {} notes (largest file {} bytes): {message}",
                    full.acked.len(),
                    largest_file(server.data_dir())
                );
                assert!(
                    message.contains("could not save") && message.contains("nothing was changed"),
                    "a clear message: {message}"
                );
                full.refused.push((i, id));
                break;
            }
            Err(e) => panic!("note {k}: {e:?}"),
        }
    }
    assert_eq!(full.refused.len(), 1, "the disk never filled");

    // Every change is refused, each with `unavailable`; the connections stay open. Under a
    // file-size limit (not `strict`) a small change may still fit: SQLite rolled back the
    // refused note, so the WAL has room below the limit again for a one-page commit. Such a
    // change must then be acknowledged and stored, which `survives_a_crash` checks.
    let mut outcomes = Vec::new();
    let i = (full.refused[0].0 + 1) % cafe.phones.len();
    for (k, abandon) in [(1, true), (2, false)] {
        let id = uuid::Uuid::new_v4();
        match cafe.phones[i].command(note(id)).await {
            Err(LinkError::Refused(ErrorCode::Unavailable, _)) if abandon => {
                full.abandoned.push(id)
            }
            Err(LinkError::Refused(ErrorCode::Unavailable, _)) => full.refused.push((i, id)),
            Ok(_) if !strict => full.acked.push((i, id)),
            other => panic!("note {k} after the first refusal: {other:?}"),
        }
    }
    let r = cafe
        .fac
        .command(Command::Broadcast {
            text: "can anyone hear me?".into(),
            keep: false,
        })
        .await;
    outcomes.push(format!("broadcast: {r:?}"));
    match r {
        Err(LinkError::Refused(ErrorCode::Unavailable, m)) => {
            assert!(m.contains("could not save"), "{m}")
        }
        Ok(_) if !strict => {}
        other => panic!("a broadcast on a full disk: {other:?}"),
    }
    let r = LinkClient::join(&url, &cafe.created.join_code, "Late").await;
    outcomes.push(format!("join: {:?}", r.as_ref().map(|_| "joined")));
    match r {
        Err(LinkError::Refused(ErrorCode::Unavailable, m)) => {
            assert!(m.contains("could not save"), "{m}")
        }
        Err(e) => panic!("a join on a full disk: {e:?}"),
        Ok(_) if !strict => {}
        Ok(_) => panic!("a join was stored on a full disk"),
    }
    let r = server.try_create_cafe(&cafe_request(1, 10, 4)).await;
    outcomes.push(format!(
        "create café: {:?}",
        r.as_ref().map(|c| &c.join_code).map_err(|(s, _)| s)
    ));
    match r {
        Err((503, body)) => {
            assert_eq!(body.code, ErrorCode::Unavailable);
            assert!(body.message.contains("could not save"), "{}", body.message);
        }
        Ok(created) if !strict => full.cafes.push(created),
        other => panic!("creating a café on a full disk: {other:?}"),
    }
    println!("while full: {}", outcomes.join("; "));
    // Reading needs no room: a new wall gets its snapshot, and the connections still work.
    let reader = LinkClient::wall(&url, &cafe.created.join_code)
        .await
        .expect("a wall connects to a full server");
    cafe.wall
        .ping()
        .await
        .expect("the wall's connection survives");
    assert_eq!(
        without_presence(reader.mirror.cafe()),
        without_presence(cafe.wall.mirror.cafe()),
        "what is pushed is what is stored"
    );
    // Nobody was told about what was not stored.
    let pushed: Vec<NoteId> = cafe
        .wall
        .mirror
        .applied
        .iter()
        .filter_map(|(_, u)| match u {
            Update::NotePosted { note } => Some(note.note_id),
            _ => None,
        })
        .collect();
    for (_, id) in &full.acked {
        assert!(pushed.contains(id), "acked note {id} was pushed");
    }
    for id in full.refused.iter().map(|(_, id)| id).chain(&full.abandoned) {
        assert!(
            !pushed.contains(id),
            "refused note {id} was pushed to the wall"
        );
    }
    if strict {
        assert!(
            !cafe
                .wall
                .mirror
                .applied
                .iter()
                .any(|(_, u)| matches!(u, Update::Broadcast { .. })),
            "the refused broadcast was pushed"
        );
    }
    full
}

/// After room came back, without a restart: the refused notes go through (as new, not as
/// duplicates: they had not been stored), and new changes of every kind succeed.
async fn recovers(server: &ProcessServer, cafe: &mut Cafe, full: &mut Full) {
    let url = server.ws_url();
    for (i, id) in std::mem::take(&mut full.refused) {
        let (_, duplicate) = cafe.phones[i]
            .command(note(id))
            .await
            .expect("a refused note, resent once there is room");
        assert!(!duplicate, "note {id} was refused yet stored");
        full.acked.push((i, id));
    }
    let id = uuid::Uuid::new_v4();
    cafe.phones[0].command(note(id)).await.expect("a new note");
    full.acked.push((0, id));
    cafe.fac
        .command(Command::Broadcast {
            text: "back in business".into(),
            keep: false,
        })
        .await
        .expect("a broadcast");
    LinkClient::join(&url, &cafe.created.join_code, "Late")
        .await
        .expect("a join");
    server
        .try_create_cafe(&cafe_request(1, 10, 4))
        .await
        .expect("a new café");
}

/// Kill -9 and restart: every acknowledged note is there once, the abandoned one is not, and
/// the wall that stayed connected had exactly what was stored.
async fn survives_a_crash(server: &mut ProcessServer, cafe: &mut Cafe, full: &Full) {
    cafe.wall.ping().await.expect("wall");
    let seen = cafe.wall.mirror.cafe().clone();
    server.kill();
    server.restart_with(ProcessOptions::default()).await;
    let fresh = LinkClient::facilitator(&server.ws_url(), &cafe.created)
        .await
        .expect("fresh");
    let notes = &fresh.mirror.cafe().notes;
    for (_, id) in &full.acked {
        assert_eq!(
            notes.iter().filter(|n| n.note_id == *id).count(),
            1,
            "acked note {id} stored once"
        );
    }
    for id in &full.abandoned {
        assert!(
            !notes.iter().any(|n| n.note_id == *id),
            "refused note {id} exists"
        );
    }
    assert_eq!(notes.len(), full.acked.len(), "no other notes");
    assert_eq!(
        without_presence(&seen),
        without_presence(fresh.mirror.cafe()),
        "the wall saw exactly what was stored"
    );
    for created in &full.cafes {
        LinkClient::facilitator(&server.ws_url(), created)
            .await
            .expect("a café created while the disk was nearly full exists");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_size_limit_refuses_changes_acks_nothing_unsaved_and_recovers() {
    const LIMIT: u64 = 256 * 1024;
    let mut server = ProcessServer::start_with(ProcessOptions {
        fsize_limit: Some(LIMIT),
        ..ProcessOptions::default()
    })
    .await;
    let mut cafe = cafe(&server, 30).await;
    println!(
        "RLIMIT_FSIZE {LIMIT} bytes; largest file after setup: {} bytes",
        largest_file(server.data_dir())
    );
    let mut full = fill_and_check(&server, &mut cafe, 110, false).await;
    assert!(
        full.acked.len() >= 5,
        "the limit was reached after only {} notes",
        full.acked.len()
    );
    // The errors are logged for the operator.
    assert!(
        server
            .output()
            .iter()
            .any(|l| l.contains("could not store events")),
        "no warning in the server's log:\n{}",
        server.output_tail(20)
    );
    // As `prlimit --pid <pid> --fsize=unlimited` would.
    server.set_fsize_limit(None);
    recovers(&server, &mut cafe, &mut full).await;
    survives_a_crash(&mut server, &mut cafe, &full).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_deadline_on_a_full_disk_ends_the_round_once_when_room_returns() {
    let server = ProcessServer::start().await;
    let url = server.ws_url();
    let mut cafe = cafe(&server, 1).await;
    let (seq, _) = cafe
        .fac
        .command(Command::AdjustTime { seconds: -58 })
        .await
        .expect("shorten");
    let PhaseView::Running { ends_at, .. } = cafe.fac.mirror.cafe().phase else {
        panic!("not running");
    };
    cafe.wall
        .wait_until(STEP, |m| m.seq >= seq)
        .await
        .expect("wall");
    // No file may grow any more.
    server.set_fsize_limit(Some(largest_file(server.data_dir())));
    match cafe
        .fac
        .command(Command::Broadcast {
            text: "full".into(),
            keep: false,
        })
        .await
    {
        Err(LinkError::Refused(ErrorCode::Unavailable, _)) => {}
        other => panic!("a broadcast on a full disk: {other:?}"),
    }
    // The deadline passes; the round cannot end, since its end cannot be stored.
    let wait = ends_at - flamingo_tests::now_ms() + 1500;
    tokio::time::sleep(Duration::from_millis(wait.max(0) as u64)).await;
    cafe.wall.drain(Duration::from_millis(100)).await;
    assert!(
        matches!(cafe.wall.mirror.cafe().phase, PhaseView::Running { .. }),
        "the round ended though its end could not be stored: {:?}",
        cafe.wall.mirror.cafe().phase
    );
    let fresh = LinkClient::wall(&url, &cafe.created.join_code)
        .await
        .expect("a wall connects");
    assert!(matches!(
        fresh.mirror.cafe().phase,
        PhaseView::Running { .. }
    ));
    let retries = server
        .output()
        .iter()
        .filter(|l| l.contains("could not end the round at its deadline"))
        .count();
    assert!(retries >= 1, "the timer did not retry");

    // Room again: the round ends by the timer, once, within the retry interval.
    let freed = Instant::now();
    server.set_fsize_limit(None);
    cafe.wall
        .wait_until(Duration::from_secs(5), |m| {
            m.cafe().phase == PhaseView::BetweenRounds { last_round: 1 }
        })
        .await
        .expect("the round ends once there is room");
    println!(
        "{retries} failed attempts to end the round while full; it ended {:?} after room came \
         back",
        freed.elapsed()
    );
    cafe.wall.drain(Duration::from_millis(1200)).await;
    let ends: Vec<_> = cafe
        .wall
        .mirror
        .applied
        .iter()
        .filter_map(|(_, u)| match u {
            Update::RoundEnded { round, by_timer } => Some((*round, *by_timer)),
            _ => None,
        })
        .collect();
    assert_eq!(ends, vec![(1, true)]);
    cafe.fac
        .command(Command::Broadcast {
            text: "round 2 soon".into(),
            keep: false,
        })
        .await
        .expect("commands work again");
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    dir: PathBuf,
    _parent: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Self, String> {
        let parent = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dir = parent.path().join("data");
        std::fs::create_dir(&dir).map_err(|e| e.to_string())?;
        let out = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "flamingo-test",
            ])
            .arg(&dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Self {
            dir,
            _parent: parent,
        })
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.dir)
            .status();
    }
}

/// Fills the file system holding `dir` to the last byte with `dir/filler`.
fn fill(dir: &Path) -> u64 {
    use std::io::Write;
    let mut f = std::fs::File::create(dir.join("filler")).expect("filler");
    let chunk = vec![0u8; 4096];
    let mut written = 0;
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(_) => break,
        }
    }
    let _ = f.sync_all();
    written
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_file_system_refuses_changes_acks_nothing_unsaved_and_recovers() {
    let mount = match Tmpfs::mount("4m") {
        Ok(m) => m,
        Err(reason) => {
            println!("SKIPPED: cannot mount a small tmpfs here ({reason})");
            return;
        }
    };
    let mut server = ProcessServer::start_in(&mount.dir).await;
    let mut cafe = cafe(&server, 30).await;
    let filler = fill(&mount.dir);
    println!("tmpfs of 4 MiB filled with {filler} bytes of filler");
    let mut full = fill_and_check(&server, &mut cafe, 110, true).await;
    std::fs::remove_file(mount.dir.join("filler")).expect("free the space");
    recovers(&server, &mut cafe, &mut full).await;
    survives_a_crash(&mut server, &mut cafe, &full).await;
    drop(server);
    drop(mount);
}

/// A data directory made read-only by a read-only bind mount of a real one (root only;
/// skipped with a printed reason elsewhere). Unmounted when dropped.
struct ReadOnly {
    dir: PathBuf,
}

impl ReadOnly {
    fn bind(source: &Path, parent: &Path) -> Result<Self, String> {
        let dir = parent.join("read-only");
        std::fs::create_dir(&dir).map_err(|e| e.to_string())?;
        for args in [
            vec!["--bind".as_ref(), source.as_os_str(), dir.as_os_str()],
            vec!["-o".as_ref(), "remount,bind,ro".as_ref(), dir.as_os_str()],
        ] {
            let out = std::process::Command::new("mount")
                .args(&args)
                .output()
                .map_err(|e| format!("cannot run mount: {e}"))?;
            if !out.status.success() {
                let _ = std::process::Command::new("umount").arg(&dir).status();
                return Err(format!(
                    "mount {args:?} failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
        Ok(Self { dir })
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.dir)
            .status();
    }
}

/// Starts the binary on a read-only copy (bind mount) of a data directory holding a café;
/// returns its exit status and output, or None when the sandbox cannot mount.
async fn start_read_only() -> Option<(Option<std::process::ExitStatus>, String, PathBuf)> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let mut server = ProcessServer::start_in(&data).await;
    server.create_cafe(&cafe_request(1, 10, 4)).await;
    server.terminate().await;
    let ro = match ReadOnly::bind(&data, tmp.path()) {
        Ok(ro) => ro,
        Err(reason) => {
            println!("SKIPPED: cannot make a read-only data directory here ({reason})");
            return None;
        }
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .to_string();
    let (status, output) = flamingo_tests::process::run_to_exit(
        &[
            "--bind".as_ref(),
            port.as_ref(),
            "--data-dir".as_ref(),
            ro.dir.as_os_str(),
        ],
        Duration::from_secs(10),
    )
    .await;
    let dir = ro.dir.clone();
    drop(ro);
    drop(tmp);
    Some((status, output, dir))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_data_dir_stops_the_server_at_start() {
    let Some((status, output, _)) = start_read_only().await else {
        return;
    };
    println!("on a read-only data dir: {status:?}\n{output}");
    let status = status.expect("the server kept running on a read-only data directory");
    assert!(!status.success(), "it exited with {status}");
    assert!(output.contains("storage"), "{output}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_data_dir_is_named_in_the_start_error() {
    let Some((_, output, dir)) = start_read_only().await else {
        return;
    };
    assert!(
        output.contains(&*dir.to_string_lossy()),
        "the error names the data directory: {output}"
    );
    assert!(
        !output.contains("Flamingo is running"),
        "it does not claim to run: {output}"
    );
}

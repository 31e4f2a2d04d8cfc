//! The real server, in-process on its own runtime and thread, so that a test can stop it
//! gracefully or kill it (drop every task at once, as a crash would) and start another on
//! the same data directory.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use flamingo_protocol::{CreateCafeRequest, CreateCafeResponse, ErrorBody};
use flamingo_server::Config;
use tokio::sync::oneshot;

pub struct TestServer {
    pub addr: SocketAddr,
    data_dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
    stop: Option<oneshot::Sender<Stop>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

enum Stop {
    Graceful,
    Kill,
}

impl TestServer {
    /// A server on a fresh temporary data directory.
    pub async fn start() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut s = Self::start_in(tmp.path()).await;
        s._tmp = Some(tmp);
        s
    }

    /// A server on `data_dir`, restoring whatever is stored there.
    pub async fn start_in(data_dir: &Path) -> Self {
        Self::start_with(Config::with_data_dir(data_dir)).await
    }

    pub async fn start_with(config: Config) -> Self {
        init_logs();
        let data_dir = config.data_dir.clone();
        let (addr_tx, addr_rx) = oneshot::channel();
        let (stop_tx, stop_rx) = oneshot::channel::<Stop>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("server runtime");
            let killed = rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                let _ = addr_tx.send(listener.local_addr().expect("addr"));
                let (graceful_tx, graceful_rx) = oneshot::channel::<()>();
                let server = flamingo_server::serve(listener, config, async move {
                    let _ = graceful_rx.await;
                });
                tokio::pin!(server);
                tokio::select! {
                    r = &mut server => { r.expect("server failed"); false }
                    stop = stop_rx => match stop {
                        Ok(Stop::Kill) => true,
                        _ => {
                            let _ = graceful_tx.send(());
                            server.await.expect("server failed");
                            false
                        }
                    }
                }
            });
            if killed {
                // Every task dropped mid-flight: what was not committed is gone, as in a crash.
                rt.shutdown_background();
            }
        });
        let addr = addr_rx.await.expect("server did not start");
        Self {
            addr,
            data_dir,
            _tmp: None,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn http_url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// An HTTP request with `Authorization: Bearer <key>` when a key is given: the status and
    /// the body.
    pub async fn request_with_key(
        &self,
        method: reqwest::Method,
        path: &str,
        key: Option<&str>,
    ) -> (u16, String) {
        let mut req = reqwest::Client::new().request(method, self.http_url(path));
        if let Some(key) = key {
            req = req.header("authorization", format!("Bearer {key}"));
        }
        let resp = req.send().await.expect("http");
        let status = resp.status().as_u16();
        (status, resp.text().await.expect("body"))
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    /// Stops as SIGTERM would: clients are told to reconnect.
    pub async fn stop(mut self) -> Option<tempfile::TempDir> {
        self.halt(Stop::Graceful).await;
        self._tmp.take()
    }

    /// Stops as a crash would. Returns the temporary directory (if any) so the data survives
    /// for the next server.
    pub async fn kill(mut self) -> Option<tempfile::TempDir> {
        self.halt(Stop::Kill).await;
        self._tmp.take()
    }

    async fn halt(&mut self, how: Stop) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(how);
        }
        if let Some(t) = self.thread.take() {
            tokio::task::spawn_blocking(move || t.join())
                .await
                .expect("join")
                .expect("server thread panicked");
        }
    }

    /// The ids of the open cafés in the data directory, read from storage directly (the
    /// HTTP API has no list of cafés).
    pub async fn stored_cafes(&self) -> Vec<flamingo_protocol::CafeId> {
        use flamingo_server::storage::{SqliteStorage, Storage};
        let storage = SqliteStorage::open(&self.data_dir).expect("open storage");
        let mut ids = storage.open_cafes().await.expect("list cafés");
        ids.sort();
        ids
    }

    pub async fn create_cafe(&self, req: &CreateCafeRequest) -> CreateCafeResponse {
        self.try_create_cafe(req)
            .await
            .unwrap_or_else(|(status, e)| panic!("create failed: {status} {e:?}"))
    }

    pub async fn try_create_cafe(
        &self,
        req: &CreateCafeRequest,
    ) -> Result<CreateCafeResponse, (u16, ErrorBody)> {
        crate::create_cafe_at(&reqwest::Client::new(), &self.http_url(""), req).await
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(Stop::Kill);
        }
    }
}

fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("FLAMINGO_TEST_LOG").unwrap_or_else(|_| "warn".into()))
        .with_test_writer()
        .try_init();
}

//! A throwaway PostgreSQL database per test, on the server CI starts (127.0.0.1:5432 unless
//! `FLAMINGO_TEST_POSTGRES` names another). Dropped, connections and all, when the test ends.

use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection};

/// The server's maintenance database, where test databases are created and dropped.
pub fn admin_url() -> String {
    std::env::var("FLAMINGO_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct TestDatabase {
    name: String,
    url: String,
}

impl TestDatabase {
    pub async fn create() -> Self {
        let name = format!("flamingo_test_{}", uuid::Uuid::new_v4().simple());
        let admin = admin_url();
        let mut conn = PgConnection::connect(&admin).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is needed for this test at {admin} (set FLAMINGO_TEST_POSTGRES \
                 to another server; .ci/run starts one): {e}"
            )
        });
        // The name is ours (a UUID), never user input.
        conn.execute(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .expect("create the test database");
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let url = format!("{base}/{name}");
        Self { name, url }
    }

    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop cannot wait on the test's runtime (it may be the one being dropped), so the
        // database goes on a thread of its own.
        let done = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&admin_url()).await {
                    let _ = conn
                        .execute(AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                }
            });
        });
        let _ = done.join();
    }
}

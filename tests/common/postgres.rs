//! A PostgreSQL schema of its own for one test, on the real server the tests use
//! (`NEWSWATCH_TEST_POSTGRES`, by default `postgres://postgres@127.0.0.1:5432/test`, trust
//! auth): tests run in parallel in one database without seeing each other's tables, and the
//! schema is dropped with everything in it when the value goes.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};

/// The server and database the tests use.
pub fn server_url() -> String {
    std::env::var("NEWSWATCH_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A schema created for one test and dropped, with its tables, when this is dropped.
pub struct TestSchema {
    name: String,
}

impl TestSchema {
    pub async fn create() -> TestSchema {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "nw_test_{}_{}_{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut conn = PgConnection::connect(&server_url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot reach the test PostgreSQL at {} ({e}); start it with \
                 `pg_ctlcluster --skip-systemctl-redirect 15 main start`",
                    server_url()
                )
            });
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {name}")))
            .execute(&mut conn)
            .await
            .expect("create schema");
        let _ = conn.close().await;
        TestSchema { name }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Options whose connections see only this schema, named after it in `pg_stat_activity`.
    pub fn options(&self) -> PgConnectOptions {
        PgConnectOptions::from_str(&server_url())
            .expect("test server URL")
            .options([("search_path", self.name.as_str())])
            .application_name(&self.name)
    }

    /// The `postgres://` URL of the test server, for a config's `store`, with the schema in
    /// its `options` parameter so that a `newswatch` process uses this schema too.
    pub fn url(&self) -> String {
        let base = server_url();
        let separator = if base.contains('?') { '&' } else { '?' };
        format!(
            "{base}{separator}options=-csearch_path%3D{name}&application_name={name}",
            name = self.name
        )
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs inside the test's runtime, which cannot block on itself: a thread with a
        // runtime of its own does the dropping.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let mut conn = PgConnection::connect(&server_url()).await?;
                // Connections of the test still open (a panicking test's pool) would hold
                // locks DROP SCHEMA waits for.
                sqlx::query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE application_name = $1 AND pid <> pg_backend_pid()",
                )
                .bind(&name)
                .execute(&mut conn)
                .await?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP SCHEMA IF EXISTS {name} CASCADE"
                )))
                .execute(&mut conn)
                .await?;
                conn.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) && !std::thread::panicking() {
            panic!("could not drop test schema {}: {dropped:?}", self.name);
        }
    }
}

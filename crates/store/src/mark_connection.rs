//! One PostgreSQL connection kept for marking delivered messages.
//!
//! A mark is on every send's critical path (the sending permit is held until it commits).
//! Through the pool it cost about 0.45–0.55 ms, because sqlx pings a connection when it
//! leaves the pool and again when it comes back; on a connection of its own the same
//! statement costs about 0.3 ms, what `pgbench` takes.
//!
//! The mark writer (`delivery_marks`) is its one user. A connection that fails is dropped
//! and opened again on the next statement.

use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::{self, Connection};
use sea_orm::{DbErr, Statement};
use sea_query_sqlx::SqlxValues;
use std::time::Duration;
use tokio::sync::Mutex;

/// How it shows in `pg_stat_activity`.
pub const APPLICATION_NAME: &str = "peergroup marks";

/// How long opening the kept connection may take, as the pool allows.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct MarkConnection {
    options: PgConnectOptions,
    connection: Mutex<Option<PgConnection>>,
}

impl MarkConnection {
    /// For the PostgreSQL database at `url`; the connection opens on first use.
    pub fn new(url: &str) -> Result<MarkConnection, DbErr> {
        let options = url
            .parse::<PgConnectOptions>()
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e.into())))?
            .application_name(APPLICATION_NAME);
        Ok(MarkConnection {
            options,
            connection: Mutex::new(None),
        })
    }

    /// Runs `statement` on the kept connection.
    pub async fn execute(&self, statement: &Statement) -> Result<(), sqlx::Error> {
        let mut held = self.connection.lock().await;
        self.execute_on(&mut held, statement).await
    }

    async fn execute_on(
        &self,
        held: &mut Option<PgConnection>,
        statement: &Statement,
    ) -> Result<(), sqlx::Error> {
        let connection = match held {
            Some(c) => c,
            None => held.insert(
                tokio::time::timeout(CONNECT_TIMEOUT, PgConnection::connect_with(&self.options))
                    .await
                    .map_err(|_| sqlx::Error::Io(std::io::ErrorKind::TimedOut.into()))??,
            ),
        };
        let values = SqlxValues(
            statement
                .values
                .clone()
                .unwrap_or(sea_orm::Values(Vec::new())),
        );
        let query = sqlx::query_with(sqlx::AssertSqlSafe(statement.sql.as_str()), values);
        match sqlx::Executor::execute(&mut *connection, query).await {
            Ok(_) => Ok(()),
            Err(e) => {
                // It may be broken: the next mark opens another.
                *held = None;
                Err(e)
            }
        }
    }

    pub async fn close(&self) {
        if let Some(connection) = self.connection.lock().await.take() {
            let _ = connection.close().await;
        }
    }
}

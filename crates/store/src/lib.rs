//! peergroup-store: the only crate that talks SQL. Every function takes the caller's
//! organization id and filters by it, so one tenant can never read or change another's rows.
//!
//! On SQLite, writes go through a single connection and reads through a small pool: SQLite
//! allows one writer at a time, and queueing writers in the pool is faster and fairer than
//! letting them fight over the file lock. PostgreSQL uses one pool for both.

pub mod absences;
mod access;
pub mod access_log;
mod ambient;
pub mod assignment_writes;
pub mod attendance;
pub mod backup;
pub mod cohort_writes;
mod cohorts;
mod conflicts;
pub mod consents;
mod contacts;
pub mod coordinator_notices;
pub mod dashboard;
mod delivery_marks;
mod dialect;
pub mod eligibility;
pub mod enrollment_writes;
mod enrollments;
pub mod entities;
pub mod erasure;
mod error;
pub mod exclusion_writes;
pub mod exports;
mod facilitators;
pub mod feeds;
pub mod followups;
mod group_lock;
pub mod group_writes;
pub mod groups;
mod idempotency;
pub mod jobs;
mod joined_reads;
mod joins;
mod mark_connection;
pub mod message_log;
pub mod messages;
mod new_job;
pub mod outcomes;
mod people;
pub mod people_import;
mod person_inserts;
mod programs;
pub mod reminders;
pub mod retention;
pub mod rule_writes;
pub mod schedule_writes;
mod service_keys;
pub mod session_marks;
pub mod session_writes;
pub mod sessions;
pub mod sign_in;
pub mod sms_replies;
pub mod sms_reports;
mod stored;
pub mod supervision;
pub mod supports;
pub mod task_writes;
mod training;
pub mod training_reports;
pub mod training_writes;
pub mod users;

pub use access::{Authenticated, NewToken};
pub use delivery_marks::MarksWritten;
pub use error::StoreError;
pub use idempotency::{Finished, Keyed, KeyedRequest, SavedResponse};
pub use mark_connection::APPLICATION_NAME as MARKS_APPLICATION_NAME;

use peergroup_domain::clock::{Clock, SystemClock};
use peergroup_migrations::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Alias, Asterisk, Expr, Func, Query};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// The advisory lock key that migrations hold on PostgreSQL ("peergrp" in ASCII).
const MIGRATION_LOCK: i64 = 0x0070_6565_7267_7270;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A write transaction that a use case reads and writes through: nothing it wrote is kept
/// until [`Tx::commit`], and dropping it undoes everything.
pub struct Tx(sea_orm::DatabaseTransaction);

impl Tx {
    pub async fn commit(self) -> Result<()> {
        Ok(self.0.commit().await?)
    }
}

/// How to reach the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub url: String,
    /// Size of the read pool (and, on PostgreSQL, of the only pool).
    pub max_connections: u32,
}

#[derive(Clone)]
pub struct Store {
    read: DatabaseConnection,
    write: DatabaseConnection,
    clock: Arc<dyn Clock>,
    people: person_inserts::PersonInserts,
    log: access_log::LogWriter,
    /// PostgreSQL only: what marks delivered messages, in batches.
    marks: Option<delivery_marks::MarkWriter>,
    /// SQLite only: the file that processes migrating the same database lock in turn.
    migration_lock: Option<std::path::PathBuf>,
    /// SQLite only: held (shared) while this store is open, so a restore waits for no one.
    _in_use: Option<Arc<std::fs::File>>,
}

/// Where a list starts and how long it is; `limit` is already clamped by the caller.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub after: Option<i64>,
    pub limit: u64,
}

impl PageRequest {
    /// Restricts `query` to this page in `id` order, fetching one row more than the limit so
    /// that [`Page::from_rows`] can tell whether another page follows.
    fn apply<E: sea_orm::EntityTrait>(
        self,
        query: sea_orm::Select<E>,
        id: E::Column,
    ) -> sea_orm::Select<E> {
        use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
        let query = match self.after {
            Some(after) => query.filter(id.gt(after)),
            None => query,
        };
        query.order_by_asc(id).limit(self.limit + 1)
    }
}

impl Store {
    pub async fn connect(options: &StoreOptions) -> Result<Store> {
        Self::connect_with_clock(options, Arc::new(SystemClock)).await
    }

    pub async fn connect_with_clock(
        options: &StoreOptions,
        clock: Arc<dyn Clock>,
    ) -> Result<Store> {
        let url = options.url.as_str();
        if url.starts_with("sqlite:") {
            create_sqlite_parent_dir(url)?;
            let in_use = backup::hold_in_use_lock(url)
                .map_err(|e| StoreError::Corrupt(format!("locking the database: {e}")))?;
            let write = connect_sqlite(url, 1).await?;
            let read = connect_sqlite(url, options.max_connections.max(1)).await?;
            let migration_lock = sqlite_path(url).map(|p| p.with_extension("migrate-lock"));
            let mut store = Store::new(read, write, clock, None, migration_lock);
            store._in_use = in_use.map(Arc::new);
            Ok(store)
        } else {
            let mut opt = ConnectOptions::new(url);
            opt.max_connections(options.max_connections.max(1))
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(10))
                .sqlx_logging(false);
            let pool = Database::connect(opt).await?;
            let marks = delivery_marks::MarkWriter::new(
                mark_connection::MarkConnection::new(url)?,
                pool.clone(),
            );
            Ok(Store::new(pool.clone(), pool, clock, Some(marks), None))
        }
    }

    fn new(
        read: DatabaseConnection,
        write: DatabaseConnection,
        clock: Arc<dyn Clock>,
        marks: Option<delivery_marks::MarkWriter>,
        migration_lock: Option<std::path::PathBuf>,
    ) -> Store {
        let people = person_inserts::PersonInserts::start(write.clone());
        let log = access_log::LogWriter::start(write.clone());
        Store {
            read,
            write,
            clock,
            people,
            log,
            marks,
            migration_lock,
            _in_use: None,
        }
    }

    /// Where reads go: the read pool, or the transaction of the request this task runs.
    fn reader(&self) -> ambient::Db<'_> {
        ambient::Db::or_ambient(&self.read)
    }

    /// Where writes go: the write connection, or the transaction of the request this task runs.
    fn writer(&self) -> ambient::Db<'_> {
        ambient::Db::or_ambient(&self.write)
    }

    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Begins a write transaction (on SQLite, on the one write connection).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(Tx(self.writer().begin().await?))
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The read pool, for benchmarks that compare the API against bare queries.
    pub fn read_connection(&self) -> &DatabaseConnection {
        &self.read
    }

    /// The write connection (on SQLite, the single writer), for the same benchmarks.
    pub fn write_connection(&self) -> &DatabaseConnection {
        &self.write
    }

    /// Applies pending migrations, one process at a time: replicas started together wait
    /// for each other instead of each creating the same tables, and the ones that come
    /// second find nothing left to do. PostgreSQL: one transaction holding an advisory lock;
    /// SQLite: an exclusive lock on a file beside the database.
    pub async fn migrate(&self) -> Result<()> {
        if let Some(lock) = dialect::of(&self.write).migration_lock(MIGRATION_LOCK) {
            let txn = sea_orm::TransactionTrait::begin(&self.write).await?;
            txn.execute_unprepared(&lock).await?;
            Migrator::up(&txn, None).await?;
            txn.commit().await?;
            return Ok(());
        }
        let _held = match &self.migration_lock {
            Some(path) => Some(lock_file(path.clone()).await?),
            None => None,
        };
        Migrator::up(&self.write, None).await?;
        Ok(())
    }

    /// Migrations not yet applied; zero means the schema is current.
    pub async fn pending_migrations(&self) -> Result<usize> {
        Ok(Migrator::get_pending_migrations_read_only(&self.read)
            .await?
            .len())
    }

    pub async fn ping(&self) -> Result<()> {
        self.read.ping().await?;
        Ok(())
    }

    pub async fn close(self) {
        self.log.flush().await;
        if let Some(marks) = &self.marks {
            marks.close().await;
        }
        let _ = self.read.close().await;
        let _ = self.write.close().await;
    }

    /// Row counts of every table, to check that a refused request wrote nothing.
    pub async fn row_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut counts = Vec::new();
        for table in [
            "organizations",
            "users",
            "api_tokens",
            "login_sessions",
            "sign_in_links",
            "session_marks",
            "instruments",
            "instrument_translations",
            "sms_replies",
            "consent_changes",
            "access_log",
            "assessments",
            "programs",
            "people",
            "peer_groups",
            "enrollments",
            "facilitator_assignments",
            "support_needs",
            "idempotency_keys",
            "sessions",
            "calendar_exclusions",
            "calendar_feeds",
            "session_logs",
            "session_log_revisions",
            "attendance",
            "follow_up_tasks",
            "call_attempts",
            "notification_events",
            "jobs",
            "messages",
            "absence_notices",
            "service_keys",
            "training_modules",
            "role_requirements",
            "training_completions",
            "facilitator_profiles",
            "training_cohorts",
            "training_sessions",
            "training_attendance",
            "supervision_contacts",
        ] {
            let q = Query::select()
                .expr_as(Func::count(Expr::col(Asterisk)), Alias::new("n"))
                .from(Alias::new(table))
                .to_owned();
            let row = self
                .reader()
                .query_one(&q)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("no count for {table}")))?;
            counts.push((table, row.try_get::<i64>("", "n")?));
        }
        Ok(counts)
    }
}

async fn connect_sqlite(url: &str, connections: u32) -> Result<DatabaseConnection> {
    let mut opt = ConnectOptions::new(url);
    opt.max_connections(connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                // Deleted rows are overwritten with zeros, not left in free pages: what a
                // person's erasure removes must not stay readable in the file.
                .pragma("secure_delete", "on")
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    Ok(Database::connect(opt).await?)
}

/// The file a `sqlite:` URL names, if any (`sqlite://var/peergroup.db?mode=rwc`).
fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or("");
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

/// The file's folder may not exist yet.
fn create_sqlite_parent_dir(url: &str) -> Result<()> {
    if let Some(parent) = sqlite_path(url)
        .as_deref()
        .and_then(std::path::Path::parent)
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| StoreError::Corrupt(format!("cannot create {}: {e}", parent.display())))?;
    }
    Ok(())
}

/// Waits for an exclusive lock on `path` (created if missing); dropping the file frees it.
async fn lock_file(path: std::path::PathBuf) -> Result<std::fs::File> {
    let locked = tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| StoreError::Corrupt(format!("locking for migrations: {e}")))?;
    locked.map_err(|e| StoreError::Corrupt(format!("locking for migrations: {e}")))
}

/// Reads a stored enumeration or value back into its domain type.
fn parse_stored<T>(raw: &str) -> Result<T>
where
    T: std::str::FromStr,
{
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("unexpected stored value `{raw}`")))
}

fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    serde_json::from_value(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

//! The one place where SQLite and PostgreSQL differ. Every other statement is written once,
//! with sea-orm's query builder or as raw SQL numbering its parameters `$1, $2, …`: both
//! sqlx drivers bind `$N` to the N-th value, so no statement is rewritten per backend.
//! A statement with a list of values (a multi-row insert, an `IN (…)`) writes all its
//! parameters with `Dialect::params` instead: SQLite finds a numbered parameter by a linear
//! search of the statement's names, so binding thousands of them is quadratic, while its
//! anonymous `?` costs nothing.
//!
//! What differs, each in `sqlite.rs` and `postgres.rs`:
//! - row locks: PostgreSQL runs writers side by side and locks the rows a write read;
//!   SQLite has one writer, which already serializes them;
//! - the JSON functions that aggregate many rows into one (one row instead of one per
//!   record: on SQLite every row is a hand-off between threads);
//! - how thousands of jobs are inserted at once, and how a message's mark and its job's
//!   end are written together;
//! - how migrations take turns.

mod postgres;
mod sqlite;

use crate::new_job::NewJob;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, QuerySelect, Statement, Value};
use std::sync::OnceLock;

pub(crate) trait Dialect: Sync {
    /// Whether rows read for a write are locked (`FOR UPDATE`) until the transaction ends.
    fn locks_rows(&self) -> bool;

    /// The clause that locks the rows of table `alias` in a joined read ("" when
    /// `locks_rows` is false).
    fn for_update_of(&self, alias: &str) -> String;

    /// The clause of a claim that locks what it reads and passes over rows another claim
    /// holds.
    fn for_update_skip_locked(&self) -> &'static str;

    /// Placeholders for the `count` parameters from the `first`, in order: `$first, …` on
    /// PostgreSQL, `?, …` on SQLite. A statement that uses it writes all its parameters
    /// with it, in the order of their values, each value once.
    fn params(&self, first: usize, count: usize) -> String;

    /// An aggregate of `value` over the group's rows into a JSON array in `order` (any
    /// order when empty: a small array sorted by the caller costs SQLite less than an
    /// ordered aggregate). NULL or `[]` when there are none; CAST it to TEXT to read it.
    fn json_agg(&self, value: &str, order: &str) -> String;

    /// An aggregate of text `value` over the group's rows, joined by `separator` in
    /// `order`: for the largest reads (every mark of 250 groups), where building JSON per
    /// row costs a fifth more than joining text.
    fn text_agg(&self, value: &str, separator: char, order: &str) -> String;

    /// A JSON array of the given expressions.
    fn json_array(&self, items: &[&str]) -> String;

    /// A JSON object of `(key, expression)` pairs.
    fn json_object(&self, fields: &[(&str, &str)]) -> String;

    /// Statements inserting `jobs`, skipping any whose `dedupe_key` exists.
    fn insert_jobs(&self, jobs: &[NewJob], now: DateTime<Utc>) -> Vec<Statement>;

    /// `first` and then `second` in one call, their `$n` parameters numbered across both.
    /// `first` must be a write that can return `id`.
    fn then(&self, first: &str, second: &str) -> String;

    /// A statement that makes concurrent migrations wait for each other until the end of
    /// the transaction, if the database has one.
    fn migration_lock(&self, key: i64) -> Option<String>;
}

/// The dialect of `conn`'s database.
pub(crate) fn of(conn: &impl ConnectionTrait) -> &'static dyn Dialect {
    match conn.get_database_backend() {
        DbBackend::Postgres => &postgres::Postgres,
        _ => &sqlite::Sqlite,
    }
}

/// A raw statement for `conn`, written with `$n` parameters.
pub(crate) fn stmt(
    conn: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Statement {
    Statement::from_sql_and_values(conn.get_database_backend(), sql, values)
}

/// A statement's text built once per backend, for the hottest reads: building it costs a
/// few microseconds of formatting that a request should not pay every time.
pub(crate) struct Cached {
    sqlite: OnceLock<String>,
    postgres: OnceLock<String>,
}

impl Cached {
    pub(crate) const fn new() -> Self {
        Cached {
            sqlite: OnceLock::new(),
            postgres: OnceLock::new(),
        }
    }

    /// The text for `conn`'s backend, built by `build` the first time.
    pub(crate) fn get(
        &'static self,
        conn: &impl ConnectionTrait,
        build: impl FnOnce(&dyn Dialect) -> String,
    ) -> &'static str {
        let cell = match conn.get_database_backend() {
            DbBackend::Postgres => &self.postgres,
            _ => &self.sqlite,
        };
        cell.get_or_init(|| build(of(conn)))
    }
}

/// `query`, locking the rows it reads against each other's writers but not against inserts
/// that refer to them: `FOR NO KEY UPDATE`, which a foreign key's `FOR KEY SHARE` does not
/// wait for (a transaction that inserted a person may then take its organization's row).
pub(crate) fn for_no_key_update<Q: QuerySelect>(conn: &impl ConnectionTrait, query: Q) -> Q {
    if of(conn).locks_rows() {
        query.lock(sea_orm::sea_query::LockType::NoKeyUpdate)
    } else {
        query
    }
}

/// `query`, locking the rows it reads where the dialect locks rows.
pub(crate) fn for_update<Q: QuerySelect>(conn: &impl ConnectionTrait, query: Q) -> Q {
    if of(conn).locks_rows() {
        query.lock_exclusive()
    } else {
        query
    }
}

/// The JSON array that `json_agg` built, read as text; NULL (no rows) is empty.
pub(crate) fn json_rows<T: serde::de::DeserializeOwned>(
    text: Option<&str>,
) -> crate::Result<Vec<T>> {
    match text {
        None => Ok(Vec::new()),
        Some(text) => {
            serde_json::from_str(text).map_err(|e| crate::StoreError::Corrupt(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_numbered_on_postgres_and_anonymous_on_sqlite() {
        assert_eq!(postgres::Postgres.params(3, 3), "$3, $4, $5");
        assert_eq!(postgres::Postgres.params(1, 1), "$1");
        assert_eq!(sqlite::Sqlite.params(3, 3), "?, ?, ?");
    }
}

//! SQLite's side of the dialect: one writer, `json1` functions, and at most 32,766
//! parameters per statement.

use super::Dialect;
use crate::new_job::NewJob;
use chrono::{DateTime, Utc};
use peergroup_domain::jobs::JobState;
use sea_orm::{DbBackend, Statement, Value};

pub(super) struct Sqlite;

/// Rows per multi-row INSERT; 8 parameters each stays under SQLite's 32,766. Anonymous
/// parameters: SQLite looks numbered ones up by a linear search.
const INSERT_CHUNK: usize = 500;

impl Dialect for Sqlite {
    fn locks_rows(&self) -> bool {
        false
    }

    fn for_update_of(&self, _alias: &str) -> String {
        String::new()
    }

    fn for_update_skip_locked(&self) -> &'static str {
        ""
    }

    fn params(&self, _first: usize, count: usize) -> String {
        vec!["?"; count].join(", ")
    }

    fn json_agg(&self, value: &str, order: &str) -> String {
        if order.is_empty() {
            return format!("json_group_array({value})");
        }
        // SQLite 3.44 and later order an aggregate's input.
        format!("json_group_array({value} ORDER BY {order})")
    }

    fn text_agg(&self, value: &str, separator: char, order: &str) -> String {
        format!("group_concat({value}, '{separator}' ORDER BY {order})")
    }

    fn json_array(&self, items: &[&str]) -> String {
        format!("json_array({})", items.join(", "))
    }

    fn json_object(&self, fields: &[(&str, &str)]) -> String {
        let pairs: Vec<String> = fields.iter().map(|(k, v)| format!("'{k}', {v}")).collect();
        format!("json_object({})", pairs.join(", "))
    }

    fn insert_jobs(&self, jobs: &[NewJob], now: DateTime<Utc>) -> Vec<Statement> {
        jobs.chunks(INSERT_CHUNK)
            .map(|chunk| {
                let mut sql = String::from(
                    "INSERT INTO jobs (org_id, kind, dedupe_key, payload, state, attempts, \
                     max_attempts, run_at, created_at, updated_at) VALUES ",
                );
                let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 8);
                let row = format!(
                    "(?, ?, ?, ?, '{}', 0, ?, ?, ?, ?)",
                    JobState::Queued.as_str()
                );
                for (i, job) in chunk.iter().enumerate() {
                    if i > 0 {
                        sql.push(',');
                    }
                    sql.push_str(&row);
                    values.extend([
                        job.org_id.into(),
                        job.kind.as_str().into(),
                        job.dedupe_key.clone().into(),
                        job.payload.clone().into(),
                        job.max_attempts.into(),
                        job.run_at.into(),
                        now.into(),
                        now.into(),
                    ]);
                }
                sql.push_str(" ON CONFLICT (dedupe_key) DO NOTHING");
                Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
            })
            .collect()
    }

    fn then(&self, first: &str, second: &str) -> String {
        // Two statements in one call to the one writer: a crash between them is the
        // caller's to make harmless.
        format!("{first}; {second}")
    }

    fn migration_lock(&self, _key: i64) -> Option<String> {
        // A file beside the database is locked instead (`lock_file`).
        None
    }
}

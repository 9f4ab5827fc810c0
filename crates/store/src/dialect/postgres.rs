//! PostgreSQL's side of the dialect: concurrent writers that lock rows, `json_agg` and
//! friends, and a JSON document as the way to send thousands of rows in one parameter.

use super::Dialect;
use crate::new_job::NewJob;
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::jobs::JobState;
use sea_orm::{DbBackend, Statement};
use serde::Serialize;

pub(super) struct Postgres;

/// Rows per statement, sent as one JSON document.
const INSERT_CHUNK: usize = 10_000;

impl Dialect for Postgres {
    fn locks_rows(&self) -> bool {
        true
    }

    fn for_update_of(&self, alias: &str) -> String {
        format!(" FOR UPDATE OF {alias}")
    }

    fn for_update_skip_locked(&self) -> &'static str {
        " FOR UPDATE SKIP LOCKED"
    }

    fn params(&self, first: usize, count: usize) -> String {
        (first..first + count)
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn json_agg(&self, value: &str, order: &str) -> String {
        if order.is_empty() {
            return format!("json_agg({value})");
        }
        format!("json_agg({value} ORDER BY {order})")
    }

    fn text_agg(&self, value: &str, separator: char, order: &str) -> String {
        format!("string_agg({value}, '{separator}' ORDER BY {order})")
    }

    fn json_array(&self, items: &[&str]) -> String {
        format!("json_build_array({})", items.join(", "))
    }

    fn json_object(&self, fields: &[(&str, &str)]) -> String {
        let pairs: Vec<String> = fields.iter().map(|(k, v)| format!("'{k}', {v}")).collect();
        format!("json_build_object({})", pairs.join(", "))
    }

    /// Unpacked by `json_to_recordset`: one statement to parse and plan per 10,000 jobs
    /// instead of one per 500.
    fn insert_jobs(&self, jobs: &[NewJob], now: DateTime<Utc>) -> Vec<Statement> {
        #[derive(Serialize)]
        struct Row<'a> {
            org_id: Option<Id>,
            kind: &'a str,
            dedupe_key: Option<&'a str>,
            payload: &'a serde_json::Value,
            max_attempts: i32,
            run_at: DateTime<Utc>,
        }
        let sql = format!(
            "INSERT INTO jobs (org_id, kind, dedupe_key, payload, state, \
            attempts, max_attempts, run_at, created_at, updated_at) \
            SELECT t.org_id, t.kind, t.dedupe_key, t.payload, '{}', 0, \
            t.max_attempts, t.run_at, $2, $2 \
            FROM json_to_recordset($1::json) AS t(org_id bigint, kind text, \
            dedupe_key text, payload json, max_attempts integer, run_at timestamptz) \
            ON CONFLICT (dedupe_key) DO NOTHING",
            JobState::Queued.as_str()
        );
        jobs.chunks(INSERT_CHUNK)
            .map(|chunk| {
                let rows: Vec<Row> = chunk
                    .iter()
                    .map(|j| Row {
                        org_id: j.org_id,
                        kind: j.kind.as_str(),
                        dedupe_key: j.dedupe_key.as_deref(),
                        payload: &j.payload,
                        max_attempts: j.max_attempts,
                        run_at: j.run_at,
                    })
                    .collect();
                // Numbers, strings and JSON values always serialize.
                let rows = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into());
                Statement::from_sql_and_values(DbBackend::Postgres, &sql, [rows.into(), now.into()])
            })
            .collect()
    }

    fn then(&self, first: &str, second: &str) -> String {
        // One statement: both parts see the rows as they were before it.
        format!("WITH first AS ({first} RETURNING id) {second}")
    }

    fn migration_lock(&self, key: i64) -> Option<String> {
        Some(format!("SELECT pg_advisory_xact_lock({key})"))
    }
}

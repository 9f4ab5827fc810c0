//! A job to insert, as the use cases build it. Apart from `jobs.rs`, which reads and
//! writes jobs, so that the dialect's bulk insert can take it without a circle.

use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::jobs::JobKind;
use serde::Serialize;

/// Attempts before a job is dead, unless the job says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: i32 = 8;

/// A job to insert.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub org_id: Option<Id>,
    pub kind: JobKind,
    /// Jobs with the same key are one job: later inserts are ignored.
    pub dedupe_key: Option<String>,
    pub payload: serde_json::Value,
    pub run_at: DateTime<Utc>,
    pub max_attempts: i32,
}

impl NewJob {
    /// A job of `kind` carrying `payload` (one of `peergroup_domain::jobs`' payloads).
    pub fn new(kind: JobKind, payload: &impl Serialize, run_at: DateTime<Utc>) -> Self {
        NewJob {
            org_id: None,
            kind,
            dedupe_key: None,
            // Plain structs of numbers, strings and enums always serialize.
            payload: serde_json::to_value(payload).unwrap_or_default(),
            run_at,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
        }
    }

    pub fn org(mut self, org: Id) -> Self {
        self.org_id = Some(org);
        self
    }

    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.dedupe_key = Some(key.into());
        self
    }

    pub fn max_attempts(mut self, n: i32) -> Self {
        self.max_attempts = n;
        self
    }
}

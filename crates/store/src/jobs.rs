//! A durable job queue. Jobs are inserted in the transaction of the change that causes
//! them; a `dedupe_key` makes the insert idempotent, so that every replica's cron tick and
//! every retry of a planning job add one row. Workers claim due jobs with a lease
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL, one atomic `UPDATE … RETURNING` on SQLite's
//! single writer); a job whose worker died is claimed again once its lease runs out. Every
//! later write is fenced by the claim's token, so a worker that lost its lease changes nothing.
//!
//! What to retry and when is the worker's decision (`peergroup-jobs`); this module only
//! stores it.

use crate::dialect::{self, stmt};
use crate::entities::job;
use crate::{Result, Store};
use chrono::{DateTime, Duration, Utc};
use peergroup_domain::Id;
use peergroup_domain::jobs::JobState;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Value};
use serde::Serialize;

pub use crate::new_job::{DEFAULT_MAX_ATTEMPTS, NewJob};

/// A job this worker holds until `lease_token` is superseded.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub id: Id,
    pub org_id: Option<Id>,
    /// The kind's stored name, read as a `JobKind` by the worker: a kind queued by a newer
    /// version may be unknown to this one.
    pub kind: String,
    pub payload: serde_json::Value,
    /// Including this one.
    pub attempts: i32,
    pub max_attempts: i32,
    pub lease_token: String,
    /// When the lease runs out: from then on another worker may claim the job.
    pub locked_until: DateTime<Utc>,
}

impl ClaimedJob {
    /// Whether the lease still has `margin` left at `now`. Claims are taken over only once a
    /// lease has run out, so until then no other worker holds the job.
    pub fn holds_at(&self, now: DateTime<Utc>, margin: std::time::Duration) -> bool {
        Duration::from_std(margin)
            .ok()
            .and_then(|margin| now.checked_add_signed(margin))
            .is_some_and(|end| end < self.locked_until)
    }
}

/// How many jobs are in each state, and how many of the queued ones have failed before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct JobCounts {
    pub queued: i64,
    pub retrying: i64,
    pub running: i64,
    pub done: i64,
    pub dead: i64,
}

/// Inserts jobs, skipping any whose `dedupe_key` exists. Returns how many were inserted.
pub(crate) async fn enqueue(
    conn: &impl ConnectionTrait,
    jobs: &[NewJob],
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut inserted = 0;
    for statement in dialect::of(conn).insert_jobs(jobs, now) {
        inserted += conn.execute_raw(statement).await?.rows_affected();
    }
    Ok(inserted)
}

/// Sets a claimed job's outcome, if this claim still holds it; its parameters, numbered
/// from `$first` to follow another statement's, are [`Finish::values`]. `locked_by` stays:
/// which claim ran the job last.
pub(crate) fn finish_from(first: usize) -> String {
    format!(
        "UPDATE jobs SET state = ${first}, run_at = COALESCE(${}, run_at), \
         last_error = ${}, locked_until = NULL, updated_at = ${}, attempts = attempts - ${} \
         WHERE id = ${} AND locked_by = ${} AND state = '{}'",
        first + 1,
        first + 2,
        first + 3,
        first + 6,
        first + 4,
        first + 5,
        JobState::Running.as_str()
    )
}

/// A claimed job's outcome as the columns `finish_from` sets.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Finish {
    pub job_state: &'static str,
    pub run_at: Option<DateTime<Utc>>,
    pub job_error: Option<String>,
    /// 1 when the job gives its run back (it waits, and that was no attempt).
    pub given_back: i32,
}

impl Finish {
    pub(crate) fn of(outcome: &JobOutcome) -> Finish {
        let (state, run_at) = match outcome {
            JobOutcome::Done => (JobState::Done, None),
            JobOutcome::RetryAt { at, .. } | JobOutcome::Later { at, .. } => {
                (JobState::Queued, Some(*at))
            }
            JobOutcome::Dead { .. } => (JobState::Dead, None),
        };
        Finish {
            job_state: state.as_str(),
            run_at,
            job_error: outcome.error().map(str::to_string),
            given_back: i32::from(matches!(outcome, JobOutcome::Later { .. })),
        }
    }

    /// `finish_from`'s parameters, for the claim `lease` of the job `job_id`.
    pub(crate) fn values(&self, job_id: Id, lease: &str, now: DateTime<Utc>) -> [Value; 7] {
        [
            self.job_state.into(),
            self.run_at.into(),
            self.job_error.clone().into(),
            now.into(),
            job_id.into(),
            lease.into(),
            self.given_back.into(),
        ]
    }
}

/// Sets a claimed job's outcome, if this claim still holds it. Returns whether it did.
pub(crate) async fn finish(
    conn: &impl ConnectionTrait,
    job: &ClaimedJob,
    outcome: &JobOutcome,
    now: DateTime<Utc>,
) -> Result<bool> {
    let values = Finish::of(outcome).values(job.id, &job.lease_token, now);
    let result = conn
        .execute_raw(stmt(conn, &finish_from(1), values))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// What became of a claimed job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    Done,
    /// A transient failure: run again at `at`.
    RetryAt {
        at: DateTime<Utc>,
        error: String,
    },
    /// A permanent failure, or the last attempt: kept with its error.
    Dead {
        error: String,
    },
    /// Not a failure: run again at `at`, and this run does not count as an attempt.
    Later {
        at: DateTime<Utc>,
        why: String,
    },
}

impl JobOutcome {
    /// The error a failed job keeps.
    pub fn error(&self) -> Option<&str> {
        match self {
            JobOutcome::Done => None,
            JobOutcome::RetryAt { error, .. }
            | JobOutcome::Dead { error }
            | JobOutcome::Later { why: error, .. } => Some(error),
        }
    }
}

impl Store {
    /// Inserts jobs now, each at most once per `dedupe_key`. Returns how many were new.
    pub async fn enqueue_jobs(&self, jobs: &[NewJob]) -> Result<u64> {
        let txn = self.writer().begin().await?;
        let n = enqueue(&txn, jobs, self.now()).await?;
        txn.commit().await?;
        Ok(n)
    }

    /// Claims up to `limit` due jobs for `lease`: queued jobs whose time has come, and
    /// running jobs whose lease ran out (their worker died). Oldest first.
    pub async fn claim_jobs(
        &self,
        worker: &str,
        limit: u32,
        lease: std::time::Duration,
    ) -> Result<Vec<ClaimedJob>> {
        let now = self.now();
        let until = now + Duration::from_std(lease).unwrap_or(Duration::minutes(5));
        let token = format!("{worker}:{}", hex::encode(rand::random::<[u8; 8]>()));
        let lock = dialect::of(&self.writer()).for_update_skip_locked();
        // Each kind of claimable job is read along the (state, run_at) index and stops at
        // `limit`: one `OR` of the two read and sorted every due job at each claim (a
        // fan-out queues hundreds at once). Jobs due at the same moment come in index order.
        // Text, not sea-query: a statement of data-modifying CTEs with the dialect's lock.
        let (queued, running) = (JobState::Queued.as_str(), JobState::Running.as_str());
        let sql = format!(
            "WITH due AS (SELECT id, run_at FROM jobs WHERE state = '{queued}' AND run_at <= $1 \
               ORDER BY run_at LIMIT $2{lock}), \
             stale AS (SELECT id, run_at FROM jobs WHERE state = '{running}' AND locked_until <= $1 \
               ORDER BY run_at LIMIT $2{lock}) \
             UPDATE jobs SET state = '{running}', attempts = attempts + 1, locked_by = $3, \
             locked_until = $4, updated_at = $1 \
             WHERE id IN (SELECT id FROM (SELECT id, run_at FROM due \
               UNION ALL SELECT id, run_at FROM stale) AS claimable \
               ORDER BY run_at, id LIMIT $2) \
             RETURNING id, org_id, kind, payload, attempts, max_attempts"
        );
        let limit = i64::from(limit);
        let rows = self
            .writer()
            .query_all_raw(stmt(
                &self.writer(),
                &sql,
                [now.into(), limit.into(), token.clone().into(), until.into()],
            ))
            .await?;
        let mut jobs = rows
            .into_iter()
            .map(|row| {
                Ok(ClaimedJob {
                    id: row.try_get("", "id")?,
                    org_id: row.try_get("", "org_id")?,
                    kind: row.try_get("", "kind")?,
                    payload: row.try_get("", "payload")?,
                    attempts: row.try_get("", "attempts")?,
                    max_attempts: row.try_get("", "max_attempts")?,
                    lease_token: token.clone(),
                    locked_until: until,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // RETURNING gives no order.
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// Records a claimed job's outcome. Returns false when the claim had lost its lease
    /// (another worker holds the job now), in which case nothing changed.
    pub async fn finish_job(&self, job: &ClaimedJob, outcome: &JobOutcome) -> Result<bool> {
        finish(&self.writer(), job, outcome, self.now()).await
    }

    /// Deletes done jobs due before `before`, a batch at a time; returns how many. Dead jobs
    /// stay: coordinators see and retry them. Safe at any age: messages keep their own keys,
    /// so a reminder job planned again after its row is gone writes no second message.
    pub async fn prune_done_jobs(&self, before: DateTime<Utc>) -> Result<u64> {
        // Through the (state, run_at) index; a batch keeps SQLite's one writer free between.
        let batch = Query::select()
            .column(job::Column::Id)
            .from(job::Entity)
            .and_where(Expr::col(job::Column::State).eq(JobState::Done.as_str()))
            .and_where(Expr::col(job::Column::RunAt).lt(before))
            .limit(5000)
            .to_owned();
        let mut deleted = 0;
        loop {
            let n = job::Entity::delete_many()
                .filter(job::Column::Id.in_subquery(batch.clone()))
                .exec(&self.writer())
                .await?
                .rows_affected;
            deleted += n;
            if n == 0 {
                return Ok(deleted);
            }
        }
    }

    /// Counts jobs by state.
    pub async fn job_counts(&self) -> Result<JobCounts> {
        let tried = Func::sum(Expr::case(Expr::col(job::Column::Attempts).gt(0), 1).finally(0));
        // The state as text: a state this version does not know counts as dead.
        let rows: Vec<(String, i64, i64)> = job::Entity::find()
            .select_only()
            .column(job::Column::State)
            .column_as(job::Column::Id.count(), "n")
            .column_as(Expr::from(tried), "tried")
            .group_by(job::Column::State)
            .into_tuple()
            .all(&self.reader())
            .await?;
        let mut counts = JobCounts::default();
        for (state, n, tried) in rows {
            match state.parse() {
                Ok(JobState::Queued) => {
                    counts.queued += n - tried;
                    counts.retrying += tried;
                }
                Ok(JobState::Running) => counts.running += n,
                Ok(JobState::Done) => counts.done += n,
                _ => counts.dead += n,
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_claim_holds_only_with_the_margin_left_on_its_lease() {
        let claimed = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
        let job = ClaimedJob {
            id: 1,
            org_id: None,
            kind: "deliver_message".into(),
            payload: serde_json::Value::Null,
            attempts: 1,
            max_attempts: 8,
            lease_token: "w:1".into(),
            locked_until: claimed + Duration::seconds(300),
        };
        let margin = std::time::Duration::from_secs(30);
        assert!(job.holds_at(claimed, margin));
        assert!(job.holds_at(claimed + Duration::seconds(269), margin));
        // Too close to the end, at the end, and long after it (a worker woken from a pause).
        assert!(!job.holds_at(claimed + Duration::seconds(270), margin));
        assert!(!job.holds_at(claimed + Duration::seconds(300), margin));
        assert!(!job.holds_at(claimed + Duration::hours(1), margin));
        assert!(!job.holds_at(claimed, std::time::Duration::MAX));
    }
}

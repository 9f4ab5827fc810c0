//! The worker: claims due jobs, runs them a few at a time, and records what happened.
//! A transient failure is retried with exponential backoff and jitter; a permanent one,
//! or the last allowed attempt, leaves the job dead with its error.

use crate::deliver::deliver;
use chrono::{DateTime, Duration, Utc};
use peergroup_notify::Mailer;
use peergroup_notify::links::LinkSigner;
use peergroup_store::coordinator_notices::{JOB_CHECK_ROLES, JOB_WEEKLY_DIGEST};
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::messages::Delivery;
use peergroup_store::reminders::{
    ChangedJob, DeliverJob, JOB_DELIVER, JOB_SESSION_CHANGED, JOB_SESSION_REMINDER, ReminderJob,
};
use peergroup_store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::watch;
use tokio::task::JoinSet;

pub const JOB_PLAN_REMINDERS: &str = "plan_reminders";
pub const JOB_ESCALATE: &str = "escalate_follow_ups";
pub const JOB_PRUNE: &str = "prune_jobs";
/// Done jobs are kept this long, for looking into what happened.
pub const DONE_JOBS_KEPT_DAYS: i64 = 14;

/// How the worker behaves.
#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Names this process in job leases.
    pub worker_id: String,
    /// Jobs run at the same time.
    pub concurrency: u32,
    /// How long a claimed job is this worker's; after that another worker may take it.
    pub lease: std::time::Duration,
    /// Pause when there is nothing to do.
    pub idle_poll: std::time::Duration,
    pub retry_base: Duration,
    pub retry_max: Duration,
    /// How far ahead reminders are planned.
    pub plan_horizon: Duration,
    /// `From` of every message.
    pub from: String,
    /// Where the service is reached from outside, for links in messages.
    pub public_url: String,
    /// Messages in the hands of the mail server at once, each until its outcome is
    /// recorded: what a crash can send twice.
    pub parallel_sends: u32,
}

/// What the jobs need: the store, a way to send mail, the link key.
pub struct Runtime {
    pub store: Store,
    pub mailer: Mailer,
    pub links: LinkSigner,
    pub settings: WorkerSettings,
    /// A message holds a permit from handing it to the mail server until its outcome is
    /// committed: a process killed in between sends it again after the lease, so at most
    /// `parallel_sends` repeats per crash.
    pub sends: tokio::sync::Semaphore,
}

impl Runtime {
    pub fn new(store: Store, mailer: Mailer, links: LinkSigner, settings: WorkerSettings) -> Self {
        let sends = tokio::sync::Semaphore::new(settings.parallel_sends.max(1) as usize);
        Runtime {
            store,
            mailer,
            links,
            settings,
            sends,
        }
    }
}

/// Why a job failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Transient(String),
    Permanent(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        match e {
            // The database may come back; anything else about the job's data will not.
            StoreError::Db(_) => Failure::Transient(e.to_string()),
            other => Failure::Permanent(other.to_string()),
        }
    }
}

/// The delay before attempt `attempts + 1`: `base · 2^(attempts-1)`, at most `max`, then
/// scaled by `jitter` (0.8 to 1.2) so that failed jobs do not return in lockstep.
pub fn backoff(attempts: i32, base: Duration, max: Duration, jitter: f64) -> Duration {
    let exp = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    let raw = base.num_milliseconds().saturating_mul(1i64 << exp);
    let capped = raw.min(max.num_milliseconds()).max(0);
    Duration::milliseconds((capped as f64 * jitter.clamp(0.8, 1.2)) as i64)
}

/// What becomes of a job that failed on its `attempts`-th try.
pub fn outcome_for(
    failure: Failure,
    attempts: i32,
    max_attempts: i32,
    now: DateTime<Utc>,
    settings: &WorkerSettings,
) -> JobOutcome {
    match failure {
        Failure::Permanent(error) => JobOutcome::Dead { error },
        Failure::Transient(error) if attempts >= max_attempts => JobOutcome::Dead {
            error: format!("gave up after {attempts} attempts: {error}"),
        },
        Failure::Transient(error) => {
            let jitter = 0.8 + rand::random::<f64>() * 0.4;
            JobOutcome::RetryAt {
                at: now + backoff(attempts, settings.retry_base, settings.retry_max, jitter),
                error,
            }
        }
    }
}

/// Claims and runs jobs until `stop` turns true, up to `concurrency` at once. More are
/// claimed as soon as half the places are free, so that the jobs in hand keep going (and
/// keep the mail server busy) while the next ones are claimed; waiting for a whole batch to
/// end left the sends idle at every claim. Stops, too, when the sender of `stop` is gone;
/// returns once the jobs in hand are done.
pub async fn run(rt: Arc<Runtime>, mut stop: watch::Receiver<bool>) {
    let limit = rt.settings.concurrency.max(1) as usize;
    // A claim costs one statement however many jobs it takes.
    let refill = limit.div_ceil(2);
    let mut running = JoinSet::new();
    let mut queue_empty = false;
    while !*stop.borrow() {
        let free = limit - running.len();
        if free >= refill {
            let claimed = claim(&rt, free).await;
            queue_empty = claimed.len() < free;
            let read = read_ahead(&rt, &claimed).await;
            for (job, ahead) in claimed.into_iter().zip(read) {
                let rt = rt.clone();
                running.spawn(async move { run_claimed(&rt, job, ahead).await });
            }
        }
        // Claim again when a job ends; or, when there was nothing to claim, once new jobs
        // may have come due.
        tokio::select! {
            Some(_) = running.join_next(), if !running.is_empty() => {}
            _ = tokio::time::sleep(rt.settings.idle_poll), if running.is_empty() || queue_empty => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
    while running.join_next().await.is_some() {}
}

async fn claim(rt: &Runtime, n: usize) -> Vec<ClaimedJob> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    match rt
        .store
        .claim_jobs(&rt.settings.worker_id, n, rt.settings.lease)
        .await
    {
        Ok(jobs) => jobs,
        Err(e) => {
            tracing::warn!(error = %e, "claiming jobs failed");
            Vec::new()
        }
    }
}

/// The claimed deliveries' messages, read in one statement rather than one each (on
/// PostgreSQL each statement is a round trip and an executor start), in the order of
/// `claimed`. A job given `None` reads its message itself.
async fn read_ahead(rt: &Runtime, claimed: &[ClaimedJob]) -> Vec<Option<Delivery>> {
    let messages: Vec<Option<i64>> = claimed
        .iter()
        .map(|job| {
            let d = (job.kind == JOB_DELIVER).then(|| payload::<DeliverJob>(job).ok());
            d.flatten().map(|d| d.message_id)
        })
        .collect();
    let ids: Vec<i64> = messages.iter().flatten().copied().collect();
    let mut read = HashMap::new();
    if ids.len() > 1 {
        read = rt.store.deliveries(&ids).await.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "reading claimed messages failed");
            HashMap::new()
        });
    }
    messages
        .into_iter()
        .map(|id| id.and_then(|id| read.remove(&id)))
        .collect()
}

/// Runs one claimed job and records its outcome.
pub async fn run_one(rt: &Runtime, job: ClaimedJob) {
    run_claimed(rt, job, None).await;
}

/// [`run_one`], for a delivery whose message may have been read with others.
async fn run_claimed(rt: &Runtime, job: ClaimedJob, ahead: Option<Delivery>) {
    if job.attempts > job.max_attempts {
        // Claimed again after its worker died on the last attempt: do not loop forever.
        let outcome = JobOutcome::Dead {
            error: "its worker stopped during the last attempt".into(),
        };
        record(rt, &job, &outcome).await;
        return;
    }
    if let Err(failure) = dispatch(rt, &job, ahead).await {
        let (Failure::Transient(e) | Failure::Permanent(e)) = &failure;
        tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %e, "job failed");
        let outcome = outcome_for(
            failure,
            job.attempts,
            job.max_attempts,
            rt.store.clock().now(),
            &rt.settings,
        );
        record(rt, &job, &outcome).await;
    }
}

async fn record(rt: &Runtime, job: &ClaimedJob, outcome: &JobOutcome) {
    if let Err(e) = rt.store.finish_job(job, outcome).await {
        tracing::warn!(job = job.id, error = %e, "recording a job's outcome failed");
    }
}

/// The payload of a tick job.
#[derive(serde::Deserialize)]
struct Tick {
    scheduled_for: DateTime<Utc>,
}

fn payload<T: serde::de::DeserializeOwned>(job: &ClaimedJob) -> Result<T, Failure> {
    serde_json::from_value(job.payload.clone())
        .map_err(|e| Failure::Permanent(format!("unreadable payload: {e}")))
}

/// Runs the job. Jobs that write their own outcome (in the transaction of their work)
/// return `Ok`; the rest are marked done here.
async fn dispatch(rt: &Runtime, job: &ClaimedJob, ahead: Option<Delivery>) -> Result<(), Failure> {
    let store = &rt.store;
    match job.kind.as_str() {
        JOB_PLAN_REMINDERS => {
            let stats = store.plan_reminders(rt.settings.plan_horizon).await?;
            tracing::info!(
                sessions = stats.sessions,
                jobs = stats.jobs_new,
                "reminders planned"
            );
            done(rt, job).await
        }
        JOB_ESCALATE => {
            let n = store.escalate_due_follow_ups().await?;
            if n > 0 {
                tracing::info!(escalated = n, "follow-up tasks escalated");
            }
            done(rt, job).await
        }
        JOB_PRUNE => {
            let before = store.clock().now() - Duration::days(DONE_JOBS_KEPT_DAYS);
            let n = store.prune_done_jobs(before).await?;
            tracing::info!(deleted = n, "done jobs pruned");
            done(rt, job).await
        }
        JOB_CHECK_ROLES => {
            let n = store.notify_role_gaps(job).await?;
            if n > 0 {
                tracing::info!(notices = n, "sessions without their facilitators reported");
            }
            Ok(())
        }
        JOB_WEEKLY_DIGEST => {
            let tick: Tick = payload(job)?;
            store.queue_weekly_digests(job, tick.scheduled_for).await?;
            Ok(())
        }
        JOB_SESSION_REMINDER => {
            let r: ReminderJob = payload(job)?;
            store.fan_out_reminder(job, &r).await?;
            Ok(())
        }
        JOB_SESSION_CHANGED => {
            let c: ChangedJob = payload(job)?;
            store.fan_out_change(job, &c).await?;
            Ok(())
        }
        peergroup_store::messages::JOB_NOTIFY_EVENT => {
            let event: serde_json::Value = job.payload.clone();
            let id = event["event_id"]
                .as_i64()
                .ok_or_else(|| Failure::Permanent("no event_id".into()))?;
            store.fan_out_event(job, id).await?;
            Ok(())
        }
        JOB_DELIVER => {
            let d: DeliverJob = payload(job)?;
            deliver(rt, job, d.message_id, ahead).await
        }
        // Benchmarks measure the queue itself with jobs that do nothing.
        "noop" => done(rt, job).await,
        other => Err(Failure::Permanent(format!("unknown job kind `{other}`"))),
    }
}

async fn done(rt: &Runtime, job: &ClaimedJob) -> Result<(), Failure> {
    rt.store.finish_job(job, &JobOutcome::Done).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> WorkerSettings {
        WorkerSettings {
            worker_id: "t".into(),
            concurrency: 1,
            lease: std::time::Duration::from_secs(60),
            idle_poll: std::time::Duration::from_millis(10),
            retry_base: Duration::seconds(30),
            retry_max: Duration::hours(1),
            plan_horizon: Duration::days(7),
            from: "a@b.c".into(),
            public_url: "http://x".into(),
            parallel_sends: 1,
        }
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_bounded_jitter() {
        let base = Duration::seconds(30);
        let max = Duration::hours(1);
        assert_eq!(backoff(1, base, max, 1.0), Duration::seconds(30));
        assert_eq!(backoff(2, base, max, 1.0), Duration::seconds(60));
        assert_eq!(backoff(5, base, max, 1.0), Duration::seconds(480));
        assert_eq!(backoff(12, base, max, 1.0), Duration::hours(1));
        assert_eq!(backoff(1000, base, max, 1.0), Duration::hours(1));
        assert_eq!(backoff(1, base, max, 0.8), Duration::seconds(24));
        assert_eq!(backoff(1, base, max, 9.0), Duration::seconds(36));
    }

    #[test]
    fn permanent_failures_and_the_last_attempt_are_dead() {
        let now = Utc::now();
        let s = settings();
        assert!(matches!(
            outcome_for(Failure::Permanent("550".into()), 1, 8, now, &s),
            JobOutcome::Dead { .. }
        ));
        assert!(matches!(
            outcome_for(Failure::Transient("451".into()), 8, 8, now, &s),
            JobOutcome::Dead { .. }
        ));
        match outcome_for(Failure::Transient("451".into()), 3, 8, now, &s) {
            JobOutcome::RetryAt { at, error } => {
                assert_eq!(error, "451");
                assert!(at >= now + Duration::seconds(96) && at <= now + Duration::seconds(144));
            }
            other => panic!("{other:?}"),
        }
    }
}

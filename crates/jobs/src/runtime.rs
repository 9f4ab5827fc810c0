//! What every job runs with (the store, the mailer, the worker's settings), why a job can
//! fail, and what becomes of a failed job: retried with exponential backoff and jitter
//! when the failure may pass, dead with its error when it will not.

use chrono::{DateTime, Duration, Utc};
use peergroup_notify::Mailer;
use peergroup_notify::links::LinkSigner;
use peergroup_notify::sms::Texter;
use peergroup_store::jobs::JobOutcome;
use peergroup_store::{Store, StoreError};

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
    /// Segments one SMS may take; a longer one drops its optional lines, or is skipped.
    pub sms_max_segments: u32,
    /// SMS in the gateway's hands at once, each until its outcome is recorded: what a
    /// crash can send twice.
    pub sms_parallel_sends: u32,
}

/// Jobs in hand for each sending permit, at least.
const JOBS_PER_PERMIT: u32 = 4;

impl WorkerSettings {
    /// Jobs the worker keeps in hand: `concurrency`, or four per sending permit (mail's or
    /// SMS's, whichever are more) if that is more. The worker claims again once half are
    /// done, and a claim takes a while on a busy database: the half still in hand must keep
    /// every permit busy for two rounds of sends meanwhile. So raising `parallel_sends`
    /// alone makes sending faster.
    pub fn jobs_in_hand(&self) -> usize {
        let permits = self.parallel_sends.max(self.sms_parallel_sends);
        self.concurrency
            .max(permits.saturating_mul(JOBS_PER_PERMIT))
            .max(1) as usize
    }
}

/// What the jobs need: the store, ways to send mail and SMS, the link key.
pub struct Runtime {
    pub store: Store,
    pub mailer: Mailer,
    pub texter: Texter,
    pub links: LinkSigner,
    pub settings: WorkerSettings,
    /// A message holds a permit from handing it to the mail server until its outcome is
    /// committed: a process killed in between sends it again after the lease, so at most
    /// `parallel_sends` repeats per crash.
    pub sends: tokio::sync::Semaphore,
    /// The same for SMS: a gateway call is one quick exchange, so several may be in flight
    /// (`sms_parallel_sends`) without holding up mail.
    pub texts: tokio::sync::Semaphore,
}

impl Runtime {
    pub fn new(
        store: Store,
        (mailer, texter): (Mailer, Texter),
        links: LinkSigner,
        settings: WorkerSettings,
    ) -> Self {
        let sends = tokio::sync::Semaphore::new(settings.parallel_sends.max(1) as usize);
        let texts = tokio::sync::Semaphore::new(settings.sms_parallel_sends.max(1) as usize);
        Runtime {
            store,
            mailer,
            texter,
            links,
            settings,
            sends,
            texts,
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

pub use peergroup_domain::jobs::backoff;

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
            sms_max_segments: 4,
            sms_parallel_sends: 4,
        }
    }

    #[test]
    fn the_worker_keeps_four_jobs_a_sending_permit_in_hand_at_least() {
        let with = |concurrency, parallel_sends, sms_parallel_sends| WorkerSettings {
            concurrency,
            parallel_sends,
            sms_parallel_sends,
            ..settings()
        };
        assert_eq!(with(16, 1, 4).jobs_in_hand(), 16);
        assert_eq!(with(16, 1, 16).jobs_in_hand(), 64);
        assert_eq!(with(16, 8, 2).jobs_in_hand(), 32);
        assert_eq!(with(100, 8, 16).jobs_in_hand(), 100);
        assert_eq!(with(1, 1, 1).jobs_in_hand(), 4);
        assert_eq!(with(0, 0, 0).jobs_in_hand(), 1);
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

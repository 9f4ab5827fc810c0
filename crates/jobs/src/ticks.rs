//! Cron ticks, in UTC. A tick does no work itself: it inserts one job keyed by its kind and
//! the time it was scheduled for, so any number of replicas firing together make one job.
//! At start, the latest tick of each kind that should have fired is inserted once, if it is
//! recent enough to still mean something: this catches up after a downtime without
//! repeating every missed tick, and a first start on a Friday does not send Monday's digest.

use chrono::{DateTime, SubsecRound, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds};
use peergroup_domain::jobs::{JobKind, Tick};
use peergroup_store::Store;
use peergroup_store::jobs::NewJob;
use tokio_cron_scheduler::{Job, JobScheduler};

/// Every tick: its job kind, its UTC cron expression (with seconds), and how long after it
/// was due a missed tick is still caught up at start, in minutes.
pub const TICKS: [(JobKind, &str, i64); 6] = [
    // Reminders are planned a week ahead; every 5 minutes picks up new and moved sessions.
    // Planning again changes nothing planned already, so a start always plans.
    (JobKind::PlanReminders, "0 */5 * * * *", 5),
    (JobKind::EscalateFollowUps, "0 * * * * *", 1),
    // Sessions in the next 48 hours without their facilitators, checked hourly.
    (JobKind::CheckRoles, "0 30 * * * *", 60),
    // The coordinators' digest, Mondays at 06:00 UTC (morning in Europe and Africa,
    // Sunday night in the Americas); still worth sending until noon, not on Friday.
    (JobKind::WeeklyDigest, "0 0 6 * * Mon", 6 * 60),
    // Done jobs older than two weeks are deleted daily.
    (JobKind::PruneJobs, "0 17 3 * * *", 24 * 60),
    (JobKind::EraseExpired, "0 47 2 * * *", 24 * 60),
];

fn parse(expr: &str) -> Cron {
    // The scheduler's own settings: seconds required, day-of-month AND day-of-week.
    CronParser::builder()
        .seconds(Seconds::Required)
        .dom_and_dow(true)
        .build()
        .parse(expr)
        .expect("the tick expressions are valid")
}

/// The tick of `kind` scheduled for `at`, as one job.
pub fn tick_job(kind: JobKind, at: DateTime<Utc>) -> NewJob {
    NewJob::new(kind, &Tick { scheduled_for: at }, at)
        .key(format!("tick:{kind}:{}", at.to_rfc3339()))
        .max_attempts(3)
}

/// The latest time each tick was due at or before `now`, for the ticks whose catch-up
/// window that time is still within.
pub fn latest_ticks(now: DateTime<Utc>) -> Vec<NewJob> {
    let now = now.trunc_subsecs(0);
    TICKS
        .iter()
        .filter_map(|(kind, expr, window)| {
            let at = parse(expr).find_previous_occurrence(&now, true).ok()?;
            (now - at <= chrono::Duration::minutes(*window)).then(|| tick_job(*kind, at))
        })
        .collect()
}

/// Inserts the latest due tick of every kind (once per tick, whoever else does it too).
pub async fn catch_up(store: &Store) -> peergroup_store::Result<u64> {
    store.enqueue_jobs(&latest_ticks(Utc::now())).await
}

/// Starts the ticks. Dropping the scheduler does not stop it: call `shutdown`.
pub async fn start(store: Store) -> Result<JobScheduler, tokio_cron_scheduler::JobSchedulerError> {
    let scheduler = JobScheduler::new().await?;
    for (kind, expr, _) in TICKS {
        let store = store.clone();
        let job = Job::new_async(expr, move |_, _| {
            let store = store.clone();
            Box::pin(async move {
                let now = Utc::now().trunc_subsecs(0);
                let Ok(at) = parse(expr).find_previous_occurrence(&now, true) else {
                    return;
                };
                if let Err(e) = store.enqueue_jobs(&[tick_job(kind, at)]).await {
                    tracing::warn!(tick = %kind, error = %e, "enqueueing a tick failed");
                }
            })
        })?;
        scheduler.add(job).await?;
    }
    scheduler.start().await?;
    Ok(scheduler)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_latest_tick_is_on_the_schedule_and_keyed_by_it() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 7, 31).unwrap();
        let jobs = latest_ticks(now);
        let keys: Vec<_> = jobs.iter().map(|j| j.dedupe_key.clone().unwrap()).collect();
        assert_eq!(
            keys,
            [
                "tick:plan_reminders:2026-11-25T12:05:00+00:00",
                "tick:escalate_follow_ups:2026-11-25T12:07:00+00:00",
                "tick:check_roles:2026-11-25T11:30:00+00:00",
                // A Wednesday: Monday's digest is not sent now.
                "tick:prune_jobs:2026-11-25T03:17:00+00:00",
                "tick:erase_expired:2026-11-25T02:47:00+00:00",
            ]
        );
        // Monday at 09:00, three hours late, the digest still goes; at 13:00 it does not.
        let late = |h| {
            latest_ticks(Utc.with_ymd_and_hms(2026, 11, 23, h, 0, 0).unwrap())
                .iter()
                .any(|j| j.kind == JobKind::WeeklyDigest)
        };
        assert!(late(9));
        assert!(!late(13));
        // Exactly on a tick, that tick.
        let on = Utc.with_ymd_and_hms(2026, 11, 25, 12, 10, 0).unwrap();
        assert_eq!(latest_ticks(on)[0].run_at, on);
    }
}

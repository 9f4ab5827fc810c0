//! The jobs cron ticks queue: planning reminders, escalating overdue follow-ups, pruning
//! done jobs and old idempotency keys, and the coordinators' notices of missing facilitators and weekly digest.

use crate::job::{Context, Job, done};
use crate::runtime::Failure;
use chrono::Duration;
use peergroup_app::{coordinator_notices, reminders};
use peergroup_domain::jobs::{JobKind, Tick};

/// Done jobs are kept this long, for looking into what happened.
pub const DONE_JOBS_KEPT_DAYS: i64 = 14;

/// A keyed request's saved response is replayed this long; a retry comes within minutes.
pub const IDEMPOTENCY_KEYS_KEPT_HOURS: i64 = 48;

pub struct PlanReminders;

impl Job for PlanReminders {
    const KIND: JobKind = JobKind::PlanReminders;
    type Payload = Tick;

    async fn run(cx: Context<'_>, _: Tick) -> Result<(), Failure> {
        let stats = reminders::plan(&cx.rt.store, cx.rt.settings.plan_horizon).await?;
        tracing::info!(
            sessions = stats.sessions,
            jobs = stats.jobs_new,
            "reminders planned"
        );
        done(&cx).await
    }
}

pub struct EscalateFollowUps;

impl Job for EscalateFollowUps {
    const KIND: JobKind = JobKind::EscalateFollowUps;
    type Payload = Tick;

    async fn run(cx: Context<'_>, _: Tick) -> Result<(), Failure> {
        let n = peergroup_app::follow_ups::escalate_due(&cx.rt.store).await?;
        if n > 0 {
            tracing::info!(escalated = n, "follow-up tasks escalated");
        }
        done(&cx).await
    }
}

pub struct PruneJobs;

impl Job for PruneJobs {
    const KIND: JobKind = JobKind::PruneJobs;
    type Payload = Tick;

    async fn run(cx: Context<'_>, _: Tick) -> Result<(), Failure> {
        let store = &cx.rt.store;
        let before = store.clock().now() - Duration::days(DONE_JOBS_KEPT_DAYS);
        let n = store.prune_done_jobs(before).await?;
        tracing::info!(deleted = n, "done jobs pruned");
        let keys_before = store.clock().now() - Duration::hours(IDEMPOTENCY_KEYS_KEPT_HOURS);
        let n = store.prune_idempotency_keys(keys_before).await?;
        tracing::info!(deleted = n, "idempotency keys pruned");
        done(&cx).await
    }
}

/// Erases what each organization keeps past its retention period.
pub struct EraseExpired;

impl Job for EraseExpired {
    const KIND: JobKind = JobKind::EraseExpired;
    type Payload = Tick;

    async fn run(cx: Context<'_>, _: Tick) -> Result<(), Failure> {
        let rt = &cx.rt;
        let outboxes: Vec<std::path::PathBuf> = [rt.mailer.outbox(), rt.texter.outbox()]
            .into_iter()
            .flatten()
            .map(Into::into)
            .collect();
        let now = rt.store.clock().now();
        let n = peergroup_app::retention::sweep(&rt.store, now, &outboxes).await?;
        tracing::info!(erased = n, "people erased past their retention");
        done(&cx).await
    }
}

/// Records its own outcome with the notices it queues.
pub struct CheckRoles;

impl Job for CheckRoles {
    const KIND: JobKind = JobKind::CheckRoles;
    type Payload = Tick;

    async fn run(cx: Context<'_>, _: Tick) -> Result<(), Failure> {
        let n = coordinator_notices::notify_role_gaps(&cx.rt.store, cx.job).await?;
        if n > 0 {
            tracing::info!(notices = n, "sessions without their facilitators reported");
        }
        Ok(())
    }
}

/// Records its own outcome with the digests it queues.
pub struct WeeklyDigest;

impl Job for WeeklyDigest {
    const KIND: JobKind = JobKind::WeeklyDigest;
    type Payload = Tick;

    async fn run(cx: Context<'_>, tick: Tick) -> Result<(), Failure> {
        coordinator_notices::queue_weekly_digests(&cx.rt.store, cx.job, tick.scheduled_for).await?;
        Ok(())
    }
}

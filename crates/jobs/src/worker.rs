//! The worker: claims due jobs, runs them a few at a time through the registry, and
//! records what happened to those that failed.

use crate::job::Context;
use crate::registry::dispatch;
use crate::runtime::{Failure, Runtime, outcome_for};
use peergroup_domain::jobs::{DeliverJob, JobKind};
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::messages::Delivery;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// Claims and runs jobs until `stop` turns true, up to [`crate::WorkerSettings::jobs_in_hand`]
/// at once. More are claimed as soon as half the places are free, so that the jobs in hand
/// keep going (and keep the mail server busy) while the next ones are claimed; waiting for
/// a whole batch to end left the sends idle at every claim. Stops, too, when the sender of
/// `stop` is gone; returns once the jobs in hand are done.
pub async fn run(rt: Arc<Runtime>, mut stop: watch::Receiver<bool>) {
    let limit = rt.settings.jobs_in_hand();
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
            let delivery = job.kind == JobKind::DeliverMessage.as_str();
            let d = delivery.then(|| serde_json::from_value::<DeliverJob>(job.payload.clone()));
            d.and_then(Result::ok).map(|d| d.message_id)
        })
        .collect();
    let ids: Vec<i64> = messages.iter().flatten().copied().collect();
    let mut read = HashMap::new();
    if ids.len() > 1 {
        read = peergroup_app::deliveries::deliveries(&rt.store, &ids)
            .await
            .unwrap_or_else(|e| {
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
    if let Err(failure) = dispatch(Context {
        rt,
        job: &job,
        ahead,
    })
    .await
    {
        let (Failure::Transient(e) | Failure::Permanent(e)) = &failure;
        let e = peergroup_domain::redact::without_contacts(e);
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

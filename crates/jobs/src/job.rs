//! What a kind of job is: its name, the payload it carries, and what running it does.
//! Modelled on crates.io's `BackgroundJob`; the registry lists every one.

use crate::runtime::{Failure, Runtime};
use peergroup_domain::jobs::JobKind;
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::messages::Delivery;
use serde::de::DeserializeOwned;
use std::future::Future;

/// A kind of job.
pub trait Job {
    /// The name it is queued under.
    const KIND: JobKind;
    /// What it carries, one of `peergroup_domain::jobs`' payloads.
    type Payload: DeserializeOwned;

    /// Does the job's work. A job that records its own outcome, in the transaction of its
    /// work, returns once it has; the others end with [`done`]. On an error the worker
    /// records a retry or the job's death.
    fn run(
        cx: Context<'_>,
        payload: Self::Payload,
    ) -> impl Future<Output = Result<(), Failure>> + Send;
}

/// What a running job has at hand.
pub struct Context<'a> {
    pub rt: &'a Runtime,
    pub job: &'a ClaimedJob,
    /// A delivery's message, when it was read together with the others claimed at the
    /// same time.
    pub ahead: Option<Delivery>,
}

/// Runs `J` on the claimed job's payload.
pub(crate) async fn run<J: Job>(cx: Context<'_>) -> Result<(), Failure> {
    let payload = serde_json::from_value(cx.job.payload.clone())
        .map_err(|e| Failure::Permanent(format!("unreadable payload: {e}")))?;
    J::run(cx, payload).await
}

/// Marks the job done.
pub(crate) async fn done(cx: &Context<'_>) -> Result<(), Failure> {
    cx.rt.store.finish_job(cx.job, &JobOutcome::Done).await?;
    Ok(())
}

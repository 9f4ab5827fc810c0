//! Every kind of job and the type that runs it: the one place a new kind is added.

use crate::deliver::DeliverMessage;
use crate::fan_out::{NotifyEvent, SessionChanged, SessionReminder};
use crate::job::{Context, Job, done, run};
use crate::runtime::Failure;
use crate::upkeep::{
    CheckRoles, EraseExpired, EscalateFollowUps, PlanReminders, PruneJobs, WeeklyDigest,
};
use peergroup_domain::jobs::{JobKind, NoopJob};

macro_rules! registry {
    ($($job:ty),+ $(,)?) => {
        /// The kinds this worker runs, each once.
        pub const REGISTERED: &[JobKind] = &[$(<$job as Job>::KIND),+];

        /// Runs a claimed job by its kind.
        pub(crate) async fn dispatch(cx: Context<'_>) -> Result<(), Failure> {
            let kind: JobKind = cx.job.kind.parse().map_err(|_| {
                Failure::Permanent(format!("unknown job kind `{}`", cx.job.kind))
            })?;
            $(if kind == <$job as Job>::KIND {
                return run::<$job>(cx).await;
            })+
            Err(Failure::Permanent(format!("no job runs `{kind}`")))
        }
    };
}

registry![
    PlanReminders,
    EscalateFollowUps,
    PruneJobs,
    EraseExpired,
    CheckRoles,
    WeeklyDigest,
    SessionReminder,
    SessionChanged,
    NotifyEvent,
    DeliverMessage,
    Noop,
];

/// Does nothing: the benchmarks measure the queue itself with it.
pub struct Noop;

impl Job for Noop {
    const KIND: JobKind = JobKind::Noop;
    type Payload = NoopJob;

    async fn run(cx: Context<'_>, _: NoopJob) -> Result<(), Failure> {
        done(&cx).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_has_one_job() {
        let registered: BTreeSet<&str> = REGISTERED.iter().map(|k| k.as_str()).collect();
        let all: BTreeSet<&str> = JobKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(registered, all);
        assert_eq!(REGISTERED.len(), JobKind::ALL.len());
    }
}

//! The jobs that turn one thing that happened into a message per person, each with its own
//! delivery job, and record their own outcome in the same transaction.

use crate::job::{Context, Job};
use crate::runtime::Failure;
use peergroup_app::{follow_up_notices, reminders};
use peergroup_domain::jobs::{ChangedJob, EventJob, JobKind, ReminderJob};

/// One reminder of one session.
pub struct SessionReminder;

impl Job for SessionReminder {
    const KIND: JobKind = JobKind::SessionReminder;
    type Payload = ReminderJob;

    async fn run(cx: Context<'_>, r: ReminderJob) -> Result<(), Failure> {
        reminders::fan_out_reminder(&cx.rt.store, cx.job, &r).await?;
        Ok(())
    }
}

/// A session moved or cancelled, told to those already reminded of it.
pub struct SessionChanged;

impl Job for SessionChanged {
    const KIND: JobKind = JobKind::SessionChanged;
    type Payload = ChangedJob;

    async fn run(cx: Context<'_>, c: ChangedJob) -> Result<(), Failure> {
        reminders::fan_out_change(&cx.rt.store, cx.job, &c).await?;
        Ok(())
    }
}

/// A follow-up task opened, escalated or given a caller.
pub struct NotifyEvent;

impl Job for NotifyEvent {
    const KIND: JobKind = JobKind::NotifyEvent;
    type Payload = EventJob;

    async fn run(cx: Context<'_>, e: EventJob) -> Result<(), Failure> {
        follow_up_notices::fan_out_event(&cx.rt.store, cx.job, e.event_id).await?;
        Ok(())
    }
}

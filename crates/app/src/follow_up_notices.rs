//! Telling people about follow-up tasks: a task opened or escalated is news to the
//! organization's coordinators, and a task opened with a caller, or given one, to that
//! caller. Each notification event becomes one message per person, once.

use peergroup_domain::Id;
use peergroup_domain::jobs::EventKind;
use peergroup_domain::reminders::MessageKind;
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::reminders::NewMessage;
use peergroup_store::{Result, Store};

/// Runs a notification event's job: its messages, the event marked told and the job's
/// outcome, in one transaction.
pub async fn fan_out_event(store: &Store, job: &ClaimedJob, event_id: Id) -> Result<u64> {
    let now = store.clock().now();
    let org = job.org_id.unwrap_or_default();
    let tx = store.begin().await?;
    let mut n = 0;
    if let Some(event) = tx.pending_event(org, event_id).await? {
        // An assignment is news only to the facilitator who is to call.
        let coordinators = match event.kind {
            EventKind::FollowUpAssigned => Vec::new(),
            _ => tx.coordinators(org).await?,
        };
        let kind = match event.kind {
            EventKind::FollowUpEscalated => MessageKind::FollowUpEscalated,
            EventKind::FollowUpHandedOver => MessageKind::FollowUpHandedOver,
            _ => MessageKind::FollowUpOpened,
        };
        let message = |kind, key: String, user_id, person_id| NewMessage {
            org_id: org,
            kind,
            dedupe_key: key,
            session_id: None,
            person_id,
            user_id,
            subject_id: Some(event.subject_id),
            send_at: now,
        };
        let mut messages: Vec<NewMessage> = coordinators
            .into_iter()
            .map(|u| message(kind, format!("u{u}:e{}", event.id), Some(u), None))
            .collect();
        let tells_caller = matches!(
            event.kind,
            EventKind::FollowUpOpened | EventKind::FollowUpAssigned
        );
        if tells_caller && let Some(p) = tx.task_caller(org, event.subject_id).await? {
            let key = format!("p{p}:e{}", event.id);
            messages.push(message(MessageKind::FollowUpAssigned, key, None, Some(p)));
        }
        n = tx.queue_messages(&messages, now).await?;
        tx.event_told(event.id, now).await?;
    }
    tx.finish_job(job, &JobOutcome::Done, now).await?;
    tx.commit().await?;
    Ok(n)
}

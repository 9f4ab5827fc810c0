//! Session reminders. Planning turns the coming sessions into one job per session,
//! audience, notice and sequence, due when that reminder should go out; when such a job
//! runs it writes one message per recipient, each with its own delivery job. Message keys
//! leave out the sequence, so a session moved after a reminder went out does not remind
//! anyone twice: those people get one "changed" notice per sequence instead.

use chrono::Duration;
use peergroup_domain::Id;
use peergroup_domain::jobs::{Audience, ChangedJob, JobKind, ReminderJob};
use peergroup_domain::records::SessionStatus;
use peergroup_domain::reminders::{self, MAX_HOURS_BEFORE, MessageKind};
use peergroup_store::jobs::{ClaimedJob, JobOutcome, NewJob};
use peergroup_store::reminders::NewMessage;
use peergroup_store::{Result, Store};

/// What one planning run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PlanStats {
    pub sessions: u64,
    pub jobs_new: u64,
}

/// Queues every session reminder that falls due within `horizon` of now and is not queued
/// yet. Safe to run any number of times, from any number of replicas.
pub async fn plan(store: &Store, horizon: Duration) -> Result<PlanStats> {
    let now = store.clock().now();
    let until = now + horizon;
    let last_start = until + Duration::hours(i64::from(MAX_HOURS_BEFORE));
    let upcoming = store.upcoming_sessions(now, last_start).await?;
    let mut jobs = Vec::new();
    for s in &upcoming {
        for (audience, list) in [
            (Audience::Participants, &s.policy.participants_hours_before),
            (Audience::Facilitators, &s.policy.facilitators_hours_before),
        ] {
            for &h in list {
                let at = reminders::send_time(s.starts_at, h, s.quiet, s.tz);
                if at > until || !reminders::still_useful(s.starts_at, h, list, now) {
                    continue;
                }
                let payload = ReminderJob {
                    session_id: s.id,
                    audience,
                    hours_before: h,
                    sequence: s.sequence,
                };
                let who = match audience {
                    Audience::Participants => "p",
                    Audience::Facilitators => "f",
                };
                jobs.push(
                    NewJob::new(JobKind::SessionReminder, &payload, at.max(now))
                        .org(s.org_id)
                        .key(format!("reminder:{}:{who}{h}:{}", s.id, s.sequence)),
                );
            }
        }
    }
    let jobs_new = store.enqueue_jobs(&jobs).await?;
    Ok(PlanStats {
        sessions: upcoming.len() as u64,
        jobs_new,
    })
}

/// Runs a session reminder's job: one message per recipient, unless the session moved (a
/// newer job reminds for it), was cancelled, or a closer reminder is due already. The
/// messages and the job's outcome are written together.
pub async fn fan_out_reminder(store: &Store, job: &ClaimedJob, r: &ReminderJob) -> Result<u64> {
    let now = store.clock().now();
    let org = job.org_id.unwrap_or_default();
    let tx = store.begin().await?;
    let mut n = 0;
    if let Some(f) = tx.reminder_facts(org, r.session_id).await? {
        let list = match r.audience {
            Audience::Participants => &f.policy.participants_hours_before,
            Audience::Facilitators => &f.policy.facilitators_hours_before,
        };
        let current = f.status == SessionStatus::Scheduled
            && f.sequence == r.sequence
            && list.contains(&r.hours_before)
            && reminders::still_useful(f.starts_at, r.hours_before, list, now);
        if current {
            let (kind, recipients): (_, Vec<(Id, Option<Id>)>) = match r.audience {
                Audience::Participants => (
                    MessageKind::SessionReminder,
                    tx.reminded_participants(org, f.group_id, r.session_id)
                        .await?
                        .into_iter()
                        .map(|(person, enrollment)| (person, Some(enrollment)))
                        .collect(),
                ),
                Audience::Facilitators => (
                    MessageKind::FacilitatorReminder,
                    tx.facilitators_with_email(org, f.group_id)
                        .await?
                        .into_iter()
                        .map(|person| (person, None))
                        .collect(),
                ),
            };
            let messages: Vec<NewMessage> = recipients
                .into_iter()
                .map(|(person, enrollment)| NewMessage {
                    org_id: org,
                    kind,
                    dedupe_key: format!("p{person}:s{}:{kind}:{}", r.session_id, r.hours_before),
                    session_id: Some(r.session_id),
                    person_id: Some(person),
                    user_id: None,
                    subject_id: enrollment,
                    send_at: now,
                })
                .collect();
            n = tx.queue_messages(&messages, now).await?;
        }
    }
    tx.finish_job(job, &JobOutcome::Done, now).await?;
    tx.commit().await?;
    Ok(n)
}

/// Runs a session change's job: a notice to everyone already sent a message about the
/// session under an earlier sequence, saying it moved or was cancelled, sent once the
/// organization's quiet hours are over.
pub async fn fan_out_change(store: &Store, job: &ClaimedJob, c: &ChangedJob) -> Result<u64> {
    let now = store.clock().now();
    let org = job.org_id.unwrap_or_default();
    let tx = store.begin().await?;
    let facts = tx.reminder_facts(org, c.session_id).await?;
    let mut n = 0;
    if let Some(f) = facts.filter(|f| f.sequence == c.sequence && f.starts_at > now) {
        let kind = if f.status == SessionStatus::Cancelled {
            MessageKind::SessionCancelled
        } else {
            MessageKind::SessionChanged
        };
        let at = f.quiet.release(now, f.tz);
        let messages: Vec<NewMessage> = tx
            .reminded_before(org, c.session_id, c.sequence)
            .await?
            .into_iter()
            .map(|(person, enrollment)| NewMessage {
                org_id: org,
                kind,
                dedupe_key: format!("p{person}:s{}:changed:{}", c.session_id, c.sequence),
                session_id: Some(c.session_id),
                person_id: Some(person),
                user_id: None,
                subject_id: enrollment,
                send_at: at,
            })
            .collect();
        n = tx.queue_messages(&messages, now).await?;
    }
    tx.finish_job(job, &JobOutcome::Done, now).await?;
    tx.commit().await?;
    Ok(n)
}

//! Reminders as jobs. The planner turns the coming sessions into one job per session,
//! audience, notice and sequence, due when that reminder should go out; when such a job
//! runs it writes one message per recipient, each with its own delivery job. Message keys
//! leave out the sequence, so a session moved after a reminder went out does not remind
//! anyone twice: those people get one "changed" notice per sequence instead.

use crate::entities::organization;
use crate::jobs::{ClaimedJob, JobOutcome, NewJob, enqueue, finish};
use crate::joined_reads::{session_group_program, stmt};
use crate::programs::program_specs;
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use peergroup_domain::Id;
use peergroup_domain::jobs::{Audience, ChangedJob, DeliverJob, JobKind, ReminderJob};
use peergroup_domain::reminders::{
    self, MAX_HOURS_BEFORE, MessageKind, QuietHours, ReminderPolicy,
};
use sea_orm::{ConnectionTrait, DatabaseTransaction, EntityTrait, Value};
use serde::Serialize;
use std::collections::HashMap;

/// What one planning run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanStats {
    pub sessions: u64,
    pub jobs_new: u64,
}

/// A message to insert; its delivery job follows it when it is new.
pub struct NewMessage {
    pub org_id: Id,
    pub kind: MessageKind,
    pub dedupe_key: String,
    pub session_id: Option<Id>,
    pub person_id: Option<Id>,
    pub user_id: Option<Id>,
    pub subject_id: Option<Id>,
    pub send_at: DateTime<Utc>,
}

impl Tx {
    /// Inserts messages whose keys are new, each with a delivery job. Returns how many.
    pub async fn queue_messages(&self, messages: &[NewMessage], now: DateTime<Utc>) -> Result<u64> {
        insert_messages(&self.0, messages, now).await
    }

    /// The group's facilitators who can be written to.
    pub async fn facilitators_with_email(&self, org: Id, group: Id) -> Result<Vec<Id>> {
        let found = reminded_facilitators(&self.0, org, group).await?;
        Ok(found.into_iter().map(|(person, _)| person).collect())
    }
}

/// Inserts messages whose keys are new, each with a delivery job. Returns how many.
pub(crate) async fn insert_messages(
    txn: &DatabaseTransaction,
    messages: &[NewMessage],
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut jobs = Vec::new();
    for chunk in messages.chunks(500) {
        let mut sql = String::from(
            "INSERT INTO messages (org_id, kind, dedupe_key, session_id, person_id, user_id, \
             subject_id, state, attempts, send_at, created_at, updated_at) VALUES ",
        );
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 10);
        for (i, m) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push_str("(?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)");
            values.extend([
                m.org_id.into(),
                m.kind.as_str().into(),
                m.dedupe_key.clone().into(),
                m.session_id.into(),
                m.person_id.into(),
                m.user_id.into(),
                m.subject_id.into(),
                m.send_at.into(),
                now.into(),
                now.into(),
            ]);
        }
        sql.push_str(" ON CONFLICT (org_id, dedupe_key) DO NOTHING RETURNING id, org_id, send_at");
        let rows = txn.query_all_raw(stmt(txn, &sql, values)).await?;
        for row in rows {
            let id: Id = row.try_get("", "id")?;
            let org: Id = row.try_get("", "org_id")?;
            let at: DateTime<Utc> = row.try_get("", "send_at")?;
            jobs.push(
                NewJob::new(JobKind::DeliverMessage, &DeliverJob { message_id: id }, at)
                    .org(org)
                    .key(format!("deliver:{id}")),
            );
        }
    }
    enqueue(txn, &jobs, now).await
}

/// The organization's quiet hours, as stored.
pub(crate) fn quiet_hours(start: &str, end: &str) -> QuietHours {
    QuietHours::parse(start, end).unwrap_or_default()
}

pub(crate) fn timezone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// The job that tells people already reminded of a session that it moved or was
/// cancelled; inserted in the transaction that changed it.
pub(crate) fn changed_notice(org: Id, session_id: Id, sequence: i32, now: DateTime<Utc>) -> NewJob {
    NewJob::new(
        JobKind::SessionChanged,
        &ChangedJob {
            session_id,
            sequence,
        },
        now,
    )
    .org(org)
    .key(format!("changed:{session_id}:{sequence}"))
}

/// One session due for planning, as the planner reads it.
struct Upcoming {
    id: Id,
    org_id: Id,
    sequence: i32,
    starts_at: DateTime<Utc>,
    program_id: Id,
    tz: Tz,
    quiet: QuietHours,
}

impl Store {
    /// Queues every session reminder that falls due within `horizon` of now and is not
    /// queued yet. Safe to run any number of times, from any number of replicas.
    ///
    /// The sessions are read group by group through the `(group_id, starts_at)` index
    /// (`CROSS JOIN` fixes that order on SQLite): an index of its own on the sessions'
    /// time or status would slow every schedule generation or roll-call instead.
    pub async fn plan_reminders(&self, horizon: Duration) -> Result<PlanStats> {
        let now = self.now();
        let last_start = now + horizon + Duration::hours(i64::from(MAX_HOURS_BEFORE));
        let sql = "SELECT s.id, s.org_id, s.sequence, s.starts_at, g.program_id, g.timezone, \
                   o.quiet_hours_start, o.quiet_hours_end \
                   FROM peer_groups g CROSS JOIN sessions s \
                   JOIN organizations o ON o.id = g.org_id \
                   WHERE g.status IN ('planned', 'enrolling', 'running') \
                   AND s.group_id = g.id AND s.org_id = g.org_id \
                   AND s.starts_at > ? AND s.starts_at <= ? AND s.status = 'scheduled'";
        let rows = self
            .reader()
            .query_all_raw(stmt(&self.reader(), sql, [now.into(), last_start.into()]))
            .await?;
        let mut upcoming = Vec::with_capacity(rows.len());
        for row in rows {
            let tz: String = row.try_get("", "timezone")?;
            let qs: String = row.try_get("", "quiet_hours_start")?;
            let qe: String = row.try_get("", "quiet_hours_end")?;
            upcoming.push(Upcoming {
                id: row.try_get("", "id")?,
                org_id: row.try_get("", "org_id")?,
                sequence: row.try_get("", "sequence")?,
                starts_at: row.try_get("", "starts_at")?,
                program_id: row.try_get("", "program_id")?,
                tz: timezone(&tz),
                quiet: quiet_hours(&qs, &qe),
            });
        }
        let policies: HashMap<Id, ReminderPolicy> =
            program_specs(&self.reader(), upcoming.iter().map(|s| s.program_id))
                .await?
                .into_iter()
                .map(|(id, spec)| (id, spec.reminders))
                .collect();
        let until = now + horizon;
        let mut jobs = Vec::new();
        for s in &upcoming {
            let Some(policy) = policies.get(&s.program_id) else {
                continue;
            };
            for (audience, list) in [
                (Audience::Participants, &policy.participants_hours_before),
                (Audience::Facilitators, &policy.facilitators_hours_before),
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
        let txn = self.writer().begin().await?;
        let jobs_new = enqueue(&txn, &jobs, now).await?;
        txn.commit().await?;
        Ok(PlanStats {
            sessions: upcoming.len() as u64,
            jobs_new,
        })
    }

    /// Runs a `session_reminder` job: one message per recipient, unless the session moved
    /// (a newer job reminds for it), was cancelled, or a closer reminder is due already.
    pub async fn fan_out_reminder(&self, job: &ClaimedJob, r: &ReminderJob) -> Result<u64> {
        let now = self.now();
        let org = job.org_id.unwrap_or_default();
        let txn = self.writer().begin().await?;
        let facts = reminder_facts(&txn, org, r.session_id).await?;
        let mut n = 0;
        if let Some(f) = facts {
            let list = match r.audience {
                Audience::Participants => &f.policy.participants_hours_before,
                Audience::Facilitators => &f.policy.facilitators_hours_before,
            };
            let current = f.status == "scheduled"
                && f.sequence == r.sequence
                && list.contains(&r.hours_before)
                && reminders::still_useful(f.starts_at, r.hours_before, list, now);
            if current {
                let (kind, recipients) = match r.audience {
                    Audience::Participants => (
                        MessageKind::SessionReminder,
                        reminded_participants(&txn, org, f.group_id, r.session_id).await?,
                    ),
                    Audience::Facilitators => (
                        MessageKind::FacilitatorReminder,
                        reminded_facilitators(&txn, org, f.group_id).await?,
                    ),
                };
                let messages: Vec<NewMessage> = recipients
                    .into_iter()
                    .map(|(person, enrollment)| NewMessage {
                        org_id: org,
                        kind,
                        dedupe_key: format!(
                            "p{person}:s{}:{kind}:{}",
                            r.session_id, r.hours_before
                        ),
                        session_id: Some(r.session_id),
                        person_id: Some(person),
                        user_id: None,
                        subject_id: enrollment,
                        send_at: now,
                    })
                    .collect();
                n = insert_messages(&txn, &messages, now).await?;
            }
        }
        finish(&txn, job, &JobOutcome::Done, now).await?;
        txn.commit().await?;
        Ok(n)
    }

    /// Runs a `session_changed` job: a notice to everyone already sent a message about the
    /// session under an earlier sequence, saying it moved or was cancelled.
    pub async fn fan_out_change(&self, job: &ClaimedJob, c: &ChangedJob) -> Result<u64> {
        let now = self.now();
        let org = job.org_id.unwrap_or_default();
        let txn = self.writer().begin().await?;
        let facts = reminder_facts(&txn, org, c.session_id).await?;
        let mut n = 0;
        if let Some(f) = facts.filter(|f| f.sequence == c.sequence && f.starts_at > now) {
            let kind = if f.status == "cancelled" {
                MessageKind::SessionCancelled
            } else {
                MessageKind::SessionChanged
            };
            // One notice per person, with the enrolment their reminder carried, if any.
            let sql = "SELECT person_id, MAX(subject_id) AS subject_id FROM messages \
                       WHERE org_id = ? AND session_id = ? AND state = 'sent' \
                       AND person_id IS NOT NULL AND sequence < ? \
                       AND kind IN ('session_reminder', 'facilitator_reminder', 'session_changed') \
                       GROUP BY person_id ORDER BY person_id";
            let rows = txn
                .query_all_raw(stmt(
                    &txn,
                    sql,
                    [org.into(), c.session_id.into(), c.sequence.into()],
                ))
                .await?;
            let at = f.quiet.release(now, f.tz);
            let messages = rows
                .into_iter()
                .map(|row| {
                    let person: Id = row.try_get("", "person_id")?;
                    Ok(NewMessage {
                        org_id: org,
                        kind,
                        dedupe_key: format!("p{person}:s{}:changed:{}", c.session_id, c.sequence),
                        session_id: Some(c.session_id),
                        person_id: Some(person),
                        user_id: None,
                        subject_id: row.try_get("", "subject_id")?,
                        send_at: at,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            n = insert_messages(&txn, &messages, now).await?;
        }
        finish(&txn, job, &JobOutcome::Done, now).await?;
        txn.commit().await?;
        Ok(n)
    }
}

/// What a reminder job needs to know about its session, read with the session's group
/// locked on PostgreSQL (as a reschedule does), so a fan-out and a change take turns.
/// `None` when the session is gone.
struct ReminderFacts {
    group_id: Id,
    status: String,
    sequence: i32,
    starts_at: DateTime<Utc>,
    policy: ReminderPolicy,
    tz: Tz,
    quiet: QuietHours,
}

async fn reminder_facts(
    txn: &DatabaseTransaction,
    org: Id,
    session_id: Id,
) -> Result<Option<ReminderFacts>> {
    let (s, g, spec) = match session_group_program(txn, org, session_id).await {
        Ok(found) => found,
        Err(StoreError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let o = organization::Entity::find_by_id(org)
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound("organization"))?;
    Ok(Some(ReminderFacts {
        group_id: g.id,
        status: s.status,
        sequence: s.sequence,
        starts_at: s.starts_at,
        policy: spec.reminders,
        tz: timezone(&g.timezone),
        quiet: quiet_hours(&o.quiet_hours_start, &o.quiet_hours_end),
    }))
}

/// Participants holding a place who agreed to reminders, have an email address (or prefer
/// SMS: their reminder is recorded as skipped, so that a coordinator sees it) and have not
/// said they cannot come, as `(person, enrollment)`.
async fn reminded_participants(
    txn: &DatabaseTransaction,
    org: Id,
    group: Id,
    session: Id,
) -> Result<Vec<(Id, Option<Id>)>> {
    let sql = "SELECT p.id AS person_id, e.id AS enrollment_id FROM enrollments e \
               JOIN people p ON p.id = e.person_id AND p.org_id = e.org_id \
               WHERE e.org_id = ? AND e.group_id = ? AND e.status = 'enrolled' \
               AND (p.email IS NOT NULL OR p.preferred_channel = 'sms') \
               AND p.consent_reminders_at IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM absence_notices a \
                 WHERE a.org_id = e.org_id AND a.session_id = ? AND a.enrollment_id = e.id) \
               ORDER BY p.id";
    let rows = txn
        .query_all_raw(stmt(txn, sql, [org.into(), group.into(), session.into()]))
        .await?;
    rows.into_iter()
        .map(|r| Ok((r.try_get("", "person_id")?, r.try_get("", "enrollment_id")?)))
        .collect()
}

/// The group's facilitators with an email address, once each.
pub(crate) async fn reminded_facilitators(
    txn: &DatabaseTransaction,
    org: Id,
    group: Id,
) -> Result<Vec<(Id, Option<Id>)>> {
    let sql = "SELECT DISTINCT p.id AS person_id FROM facilitator_assignments f \
               JOIN people p ON p.id = f.person_id AND p.org_id = f.org_id \
               WHERE f.org_id = ? AND f.group_id = ? AND p.email IS NOT NULL ORDER BY p.id";
    let rows = txn
        .query_all_raw(stmt(txn, sql, [org.into(), group.into()]))
        .await?;
    rows.into_iter()
        .map(|r| Ok((r.try_get("", "person_id")?, None)))
        .collect()
}

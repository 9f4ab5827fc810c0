//! What reminders are planned and written from: the coming sessions, a session's facts
//! when its reminder runs, who is reminded, and the messages themselves, each inserted
//! with its delivery job. The use cases are `peergroup-app`'s `reminders`.

use crate::dialect::{self, stmt};
use crate::entities::{
    absence_notice, enrollment, facilitator_assignment, message, organization, person,
};
use crate::jobs::{ClaimedJob, JobOutcome, NewJob, enqueue, finish};
use crate::joined_reads::session_group_program;
use crate::joins::{enrolled_person, within_org};
use crate::programs::program_specs;
use crate::stored::sql_words;
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::jobs::{ChangedJob, DeliverJob, JobKind};
use peergroup_domain::records::SessionStatus;
use peergroup_domain::reminders::{MessageKind, MessageState, QuietHours, ReminderPolicy};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Order, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Value,
};
use std::collections::HashMap;

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
        reminded_facilitators(&self.0, org, group).await
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
        let dialect = dialect::of(txn);
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 10);
        for (i, m) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            let n = 1 + i * 10;
            sql.push_str(&format!(
                "({}, '{}', 0, {})",
                dialect.params(n, 7),
                MessageState::Queued.as_str(),
                dialect.params(n + 7, 3)
            ));
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

/// A scheduled session of an active group whose reminders may fall due, with what planning
/// them needs.
pub struct Upcoming {
    pub id: Id,
    pub org_id: Id,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub policy: ReminderPolicy,
    pub tz: Tz,
    pub quiet: QuietHours,
}

impl Store {
    /// The scheduled sessions of active groups starting after `from` and by `to`.
    ///
    /// They are read group by group through the `(group_id, starts_at)` index
    /// (`CROSS JOIN` fixes that order on SQLite): an index of its own on the sessions'
    /// time or status would slow every schedule generation or roll-call instead.
    pub async fn upcoming_sessions(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Upcoming>> {
        // Text, not sea-query: the `CROSS JOIN` is a plan for SQLite that a builder would
        // not keep.
        let sql = format!(
            "SELECT s.id, s.org_id, s.sequence, s.starts_at, g.program_id, g.timezone, \
             o.quiet_hours_start, o.quiet_hours_end \
             FROM peer_groups g CROSS JOIN sessions s \
             JOIN organizations o ON o.id = g.org_id \
             WHERE g.status IN ({}) \
             AND s.group_id = g.id AND s.org_id = g.org_id \
             AND s.starts_at > $1 AND s.starts_at <= $2 AND s.status = '{}'",
            sql_words(GroupStatus::ACTIVE),
            SessionStatus::Scheduled.as_str()
        );
        let rows = self
            .reader()
            .query_all_raw(stmt(&self.reader(), &sql, [from.into(), to.into()]))
            .await?;
        let mut read = Vec::with_capacity(rows.len());
        for row in rows {
            let program_id: Id = row.try_get("", "program_id")?;
            let tz: String = row.try_get("", "timezone")?;
            let qs: String = row.try_get("", "quiet_hours_start")?;
            let qe: String = row.try_get("", "quiet_hours_end")?;
            read.push((
                program_id,
                Upcoming {
                    id: row.try_get("", "id")?,
                    org_id: row.try_get("", "org_id")?,
                    sequence: row.try_get("", "sequence")?,
                    starts_at: row.try_get("", "starts_at")?,
                    policy: ReminderPolicy::default(),
                    tz: timezone(&tz),
                    quiet: quiet_hours(&qs, &qe),
                },
            ));
        }
        let policies: HashMap<Id, ReminderPolicy> =
            program_specs(&self.reader(), read.iter().map(|(p, _)| *p))
                .await?
                .into_iter()
                .map(|(id, spec)| (id, spec.reminders))
                .collect();
        // A session whose program is gone has nothing to plan.
        Ok(read
            .into_iter()
            .filter_map(|(program, mut s)| {
                s.policy = policies.get(&program)?.clone();
                Some(s)
            })
            .collect())
    }
}

/// What a reminder job needs to know about its session, read with the session's group
/// locked on PostgreSQL (as a reschedule does), so a fan-out and a change take turns.
pub struct ReminderFacts {
    pub group_id: Id,
    pub status: SessionStatus,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub policy: ReminderPolicy,
    pub tz: Tz,
    pub quiet: QuietHours,
}

impl Tx {
    /// The session's facts for a reminder or change notice; `None` when it is gone.
    pub async fn reminder_facts(&self, org: Id, session_id: Id) -> Result<Option<ReminderFacts>> {
        reminder_facts(&self.0, org, session_id).await
    }

    /// Participants holding a place who agreed to reminders, have an email address or a
    /// phone (for SMS) and have not said they cannot come, as `(person, enrollment)`. The
    /// delivery chooses the channel, or records why neither works.
    pub async fn reminded_participants(
        &self,
        org: Id,
        group: Id,
        session: Id,
    ) -> Result<Vec<(Id, Id)>> {
        reminded_participants(&self.0, org, group, session).await
    }

    /// Everyone sent a reminder or change notice of the session under a sequence before
    /// `sequence`, once each, with the enrolment their message carried, if any.
    pub async fn reminded_before(
        &self,
        org: Id,
        session_id: Id,
        sequence: i32,
    ) -> Result<Vec<(Id, Option<Id>)>> {
        let txn = &self.0;
        use message::Column as M;
        let told = [
            MessageKind::SessionReminder,
            MessageKind::FacilitatorReminder,
            MessageKind::SessionChanged,
        ];
        Ok(message::Entity::find()
            .select_only()
            .column(M::PersonId)
            .column_as(M::SubjectId.max(), "subject_id")
            .filter(M::OrgId.eq(org))
            .filter(M::SessionId.eq(session_id))
            .filter(M::State.eq(MessageState::Sent.as_str()))
            .filter(M::PersonId.is_not_null())
            .filter(M::Sequence.lt(sequence))
            .filter(M::Kind.is_in(told.map(MessageKind::as_str)))
            .group_by(M::PersonId)
            .order_by_asc(M::PersonId)
            .into_tuple()
            .all(txn)
            .await?)
    }

    /// Records a job's outcome in this transaction, with the work it did; false when the
    /// job's claim no longer holds.
    pub async fn finish_job(
        &self,
        job: &ClaimedJob,
        outcome: &JobOutcome,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        finish(&self.0, job, outcome, now).await
    }
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
        status: s.status.0,
        sequence: s.sequence,
        starts_at: s.starts_at,
        policy: spec.reminders,
        tz: timezone(&g.timezone),
        quiet: quiet_hours(&o.quiet_hours_start, &o.quiet_hours_end),
    }))
}

async fn reminded_participants(
    txn: &DatabaseTransaction,
    org: Id,
    group: Id,
    session: Id,
) -> Result<Vec<(Id, Id)>> {
    use absence_notice as a;
    use enrollment::Column as E;
    use person::Column as P;
    let said_cannot_come = Query::select()
        .expr(Expr::val(1))
        .from(a::Entity)
        .and_where(Expr::col((a::Entity, a::Column::OrgId)).equals((enrollment::Entity, E::OrgId)))
        .and_where(Expr::col((a::Entity, a::Column::SessionId)).eq(session))
        .and_where(
            Expr::col((a::Entity, a::Column::EnrollmentId)).equals((enrollment::Entity, E::Id)),
        )
        .to_owned();
    let q = Query::select()
        .column((person::Entity, P::Id))
        .column((enrollment::Entity, E::Id))
        .from(enrollment::Entity)
        .inner_join(person::Entity, enrolled_person())
        .and_where(Expr::col((enrollment::Entity, E::OrgId)).eq(org))
        .and_where(Expr::col((enrollment::Entity, E::GroupId)).eq(group))
        .and_where(
            Expr::col((enrollment::Entity, E::Status)).eq(EnrollmentStatus::Enrolled.as_str()),
        )
        // Reachable by a channel they agreed to.
        .cond_where(
            Condition::any()
                .add(
                    Expr::col((person::Entity, P::Email))
                        .is_not_null()
                        .and(Expr::col((person::Entity, P::ConsentEmailRemindersAt)).is_not_null()),
                )
                .add(
                    Expr::col((person::Entity, P::Phone))
                        .is_not_null()
                        .and(Expr::col((person::Entity, P::ConsentSmsRemindersAt)).is_not_null()),
                ),
        )
        .and_where(Expr::exists(said_cannot_come).not())
        .order_by((person::Entity, P::Id), Order::Asc)
        .to_owned();
    let rows = txn.query_all(&q).await?;
    rows.into_iter()
        .map(|r| Ok((r.try_get_by_index(0)?, r.try_get_by_index(1)?)))
        .collect()
}

/// The group's facilitators with an email address, once each.
async fn reminded_facilitators(txn: &DatabaseTransaction, org: Id, group: Id) -> Result<Vec<Id>> {
    use facilitator_assignment as f;
    let q = Query::select()
        .distinct()
        .column((person::Entity, person::Column::Id))
        .from(f::Entity)
        .inner_join(
            person::Entity,
            within_org(
                person::Entity,
                person::Column::Id,
                f::Entity,
                f::Column::PersonId,
            ),
        )
        .and_where(Expr::col((f::Entity, f::Column::OrgId)).eq(org))
        .and_where(Expr::col((f::Entity, f::Column::GroupId)).eq(group))
        .and_where(Expr::col((person::Entity, person::Column::Email)).is_not_null())
        .order_by((person::Entity, person::Column::Id), Order::Asc)
        .to_owned();
    let rows = txn.query_all(&q).await?;
    rows.into_iter()
        .map(|r| Ok(r.try_get_by_index(0)?))
        .collect()
}

//! Messages: one email to one person or coordinator. Its delivery job reads everything the
//! message needs at send time (so a reminder always carries the session as it is now),
//! and records the outcome on the message (where it counts as sent), then on its job.

use crate::coordinator_notices::{Digest, coordinators};
use crate::delivery_marks::Mark;
use crate::dialect::{self, stmt};
use crate::entities::{
    enrollment, follow_up_task, group, job, message, notification_event, person, program, session,
};
use crate::jobs::{ClaimedJob, JobOutcome};
use crate::joins::{enrolled_person, within_org};
use crate::stored::Stored;
use crate::{PageRequest, Result, Store, StoreError, Tx, from_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::SupportHeadcount;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::followup::TaskState;
use peergroup_domain::jobs::{EventKind, JobState};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::{Page, SessionStatus};
use peergroup_domain::reminders::MessageRecord;
use peergroup_domain::reminders::{Channel, MessageKind, MessageState, QuietHours};
use peergroup_domain::support::SupportStatus;
use sea_orm::QueryOrder;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{ExprTrait, Order, Query};
use std::collections::HashMap;

/// Filters for the message list.
#[derive(Debug, Default, Clone)]
pub struct MessageFilter {
    pub session_id: Option<Id>,
    pub person_id: Option<Id>,
    pub state: Option<MessageState>,
}

/// Everything a delivery needs, read at send time.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub message_id: Id,
    pub org_id: Id,
    pub kind: MessageKind,
    pub reply_to: Option<String>,
    pub recipient: Recipient,
    pub session: Option<DeliverySession>,
    /// Support kinds arranged for this participant (`childcare`, `transport`…).
    pub supports: Vec<String>,
    /// For facilitators: the names of the participants holding a place.
    pub roster: Vec<String>,
    pub headcount: Option<SupportHeadcount>,
    /// For facilitators: how many said they cannot come.
    pub absences: u32,
    pub task: Option<DeliveryTask>,
    /// For `follow_up_escalated`: the calls escalated in the same sweep, still waiting.
    pub escalated: Vec<DeliveryTask>,
    /// For `absence_notice`: who said they cannot come, and why.
    pub absence: Option<(String, String)>,
    /// For `roles_missing`: the lead roles the session still lacks (none: filled since).
    pub missing_roles: Vec<String>,
    pub digest: Option<Digest>,
    /// For `invitation` and `password_reset`: the link, if still unused.
    pub sign_in: Option<DeliverySignIn>,
    /// The organization's quiet hours: no SMS goes in them.
    pub quiet: QuietHours,
}

/// A sign-in link a message carries, as the delivery job signs it.
#[derive(Debug, Clone)]
pub struct DeliverySignIn {
    pub link_id: Id,
    pub expires_at: DateTime<Utc>,
    pub organization: String,
}

#[derive(Debug, Clone)]
pub struct Recipient {
    pub name: String,
    pub email: Option<String>,
    pub language: Option<String>,
    /// Participants' mail needs their consent to the channel it goes by; coordinators' and
    /// facilitators' work mail does not.
    pub needs_consent: bool,
    /// The participant agreed to reminders by email.
    pub email_consented: bool,
    /// The participant agreed to reminders by SMS (answering STOP withdraws it).
    pub sms_consented: bool,
    /// How the person prefers to be reached (`email`, `phone`, `sms`), if they said.
    pub channel: Option<String>,
    /// A participant's number, E.164.
    pub phone: Option<String>,
    /// A coordinator or admin (a user, not a person): written in English, never in a
    /// group's language.
    pub staff: bool,
}

#[derive(Debug, Clone)]
pub struct DeliverySession {
    pub id: Id,
    pub sequence: i32,
    pub status: SessionStatus,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub timezone: String,
    pub group_name: String,
    pub group_languages: Vec<String>,
    pub venue_name: String,
    pub venue_address: Option<String>,
    pub topic: Option<String>,
    /// The participant's enrolment, for the "I can't come" link.
    pub enrollment_id: Option<Id>,
}

#[derive(Debug, Clone)]
pub struct DeliveryTask {
    pub id: Id,
    /// Still open: a call assigned and since closed is not asked for.
    pub open: bool,
    pub group_name: String,
    pub timezone: String,
    pub sessions_missed: u32,
    pub due_at: DateTime<Utc>,
}

/// What a message about a follow-up task says of it.
fn delivery_task(t: follow_up_task::Model, g: &group::Model) -> DeliveryTask {
    let sessions: Vec<Id> = from_json(t.sessions).unwrap_or_default();
    DeliveryTask {
        id: t.id,
        open: *t.state == TaskState::Open,
        group_name: g.name.clone(),
        timezone: g.timezone.clone(),
        sessions_missed: sessions.len() as u32,
        due_at: t.due_at,
    }
}

/// The session part of a delivery's row: a session moved elsewhere names its own venue.
fn session_of(row: &sea_orm::QueryResult, enrollment: Option<Id>) -> Result<DeliverySession> {
    let s_venue: Option<String> = row.try_get("", "s_venue")?;
    let s_address: Option<String> = row.try_get("", "s_address")?;
    let moved = s_venue.is_some();
    Ok(DeliverySession {
        id: row.try_get("", "s_id")?,
        sequence: row.try_get("", "sequence")?,
        status: row.try_get::<Stored<SessionStatus>>("", "s_status")?.0,
        starts_at: row.try_get("", "starts_at")?,
        minutes: row.try_get("", "minutes")?,
        timezone: row.try_get("", "timezone")?,
        group_name: row.try_get("", "g_name")?,
        group_languages: from_json(row.try_get("", "languages")?)?,
        venue_name: s_venue.unwrap_or(row.try_get("", "g_venue")?),
        venue_address: if moved {
            s_address
        } else {
            row.try_get("", "g_address")?
        },
        topic: row.try_get("", "topic")?,
        enrollment_id: enrollment,
    })
}

/// A message read for delivery, decoded on demand: a worker reading many skips a row that
/// does not decode, and one read alone reports it.
pub struct MessageRow(sea_orm::QueryResult);

/// A message still to send, as its row reads: the recipient, the session with its group,
/// and the supports arranged for a participant. What else its kind needs is read by
/// `peergroup_app::deliveries`.
pub struct QueuedMessage {
    pub delivery: Delivery,
    pub subject_id: Option<Id>,
    pub session_id: Option<Id>,
    /// When the message was written (a digest covers the week before).
    pub written_at: DateTime<Utc>,
}

impl MessageRow {
    /// The message, or `None` when it is no longer to send.
    pub fn decode(&self) -> Result<Option<QueuedMessage>> {
        let row = &self.0;
        let message_id: Id = row.try_get("", "id")?;
        let state = row.try_get::<Stored<MessageState>>("", "state")?.0;
        if !matches!(state, MessageState::Queued | MessageState::Retrying) {
            // Sent, skipped or dead already: a job claimed again after its worker died
            // between recording the message and finishing the job.
            return Ok(None);
        }
        let kind = row.try_get::<Stored<MessageKind>>("", "kind")?.0;
        let subject: Option<Id> = row.try_get("", "subject_id")?;
        let user_email: Option<String> = row.try_get("", "user_email")?;
        let given = |column| -> Result<bool> {
            Ok(row.try_get::<Option<DateTime<Utc>>>("", column)?.is_some())
        };
        let participant_mail = kind.is_participant_mail() && subject.is_some();
        let recipient = Recipient {
            name: row
                .try_get::<Option<String>>("", "display_name")?
                .unwrap_or_default(),
            staff: user_email.is_some(),
            email: row
                .try_get::<Option<String>>("", "person_email")?
                .or(user_email),
            language: row
                .try_get::<Option<String>>("", "preferred_language")?
                .or(row.try_get("", "user_locale")?),
            needs_consent: participant_mail || kind.is_sms_answer(),
            email_consented: given("consent_email_reminders_at")?,
            sms_consented: given("consent_sms_reminders_at")?,
            channel: row.try_get("", "preferred_channel")?,
            phone: row.try_get("", "phone")?,
        };
        let session = match row.try_get::<Option<Id>>("", "s_id")? {
            Some(_) => Some(session_of(
                row,
                participant_mail.then_some(subject).flatten(),
            )?),
            None => None,
        };
        let arranged: Option<String> = row.try_get("", "arranged")?;
        Ok(Some(QueuedMessage {
            delivery: Delivery {
                message_id,
                org_id: row.try_get("", "org_id")?,
                kind,
                reply_to: row.try_get("", "reply_to")?,
                recipient,
                session,
                supports: match participant_mail {
                    true => dialect::json_rows(arranged.as_deref())?,
                    false => Vec::new(),
                },
                roster: Vec::new(),
                headcount: None,
                absences: 0,
                task: None,
                escalated: Vec::new(),
                absence: None,
                missing_roles: Vec::new(),
                digest: None,
                sign_in: None,
                quiet: QuietHours::parse(
                    &row.try_get::<String>("", "quiet_hours_start")?,
                    &row.try_get::<String>("", "quiet_hours_end")?,
                )
                .unwrap_or_default(),
            },
            subject_id: subject,
            session_id: row.try_get("", "session_id")?,
            written_at: row.try_get("", "created_at")?,
        }))
    }
}

impl Store {
    /// The messages of `ids` with their recipients, sessions and groups, and the supports
    /// arranged for a participant (in the order they were recorded): one row per message,
    /// in one statement.
    pub async fn message_rows(&self, ids: &[Id]) -> Result<Vec<MessageRow>> {
        let arranged = dialect::of(&self.reader()).json_agg("n.kind", "n.id");
        let arranged_status = SupportStatus::Arranged.as_str();
        let (reminder, changed) = (
            MessageKind::SessionReminder.as_str(),
            MessageKind::SessionChanged.as_str(),
        );
        let sql = format!(
            "SELECT m.id, m.org_id, m.kind, m.state, m.subject_id, m.session_id, \
             m.created_at, o.reply_to, o.quiet_hours_start, o.quiet_hours_end, \
             p.display_name, p.email AS person_email, \
             p.preferred_language, p.preferred_channel, \
             p.consent_email_reminders_at, p.consent_sms_reminders_at, p.phone, \
             u.email AS user_email, u.locale AS user_locale, \
             s.id AS s_id, s.sequence, s.status AS s_status, s.starts_at, s.minutes, s.topic, \
             s.venue_name AS s_venue, s.venue_address AS s_address, g.name AS g_name, \
             g.timezone, g.languages, g.venue_name AS g_venue, g.venue_address AS g_address, \
             CASE WHEN m.kind IN ('{reminder}', '{changed}') THEN \
               CAST((SELECT {arranged} FROM support_needs n WHERE n.org_id = m.org_id \
                AND n.enrollment_id = m.subject_id AND n.status = '{arranged_status}') AS TEXT) \
             END AS arranged \
             FROM messages m JOIN organizations o ON o.id = m.org_id \
             LEFT JOIN people p ON p.id = m.person_id AND p.org_id = m.org_id \
             LEFT JOIN users u ON u.id = m.user_id AND u.org_id = m.org_id \
             LEFT JOIN sessions s ON s.id = m.session_id AND s.org_id = m.org_id \
             LEFT JOIN peer_groups g ON g.id = s.group_id AND g.org_id = s.org_id \
             WHERE m.id IN ({})",
            dialect::of(&self.reader()).params(1, ids.len())
        );
        let rows = self
            .reader()
            .query_all_raw(stmt(&self.reader(), &sql, ids.iter().map(|&id| id.into())))
            .await?;
        Ok(rows.into_iter().map(MessageRow).collect())
    }

    /// The topic of the session's plan in its program's curriculum, if it has one.
    pub async fn planned_topic(&self, org: Id, session_id: Id) -> Result<Option<String>> {
        let q = Query::select()
            .column((session::Entity, session::Column::Phase))
            .column((session::Entity, session::Column::Plan))
            .column((program::Entity, program::Column::Spec))
            .from(session::Entity)
            .inner_join(
                group::Entity,
                within_org(
                    group::Entity,
                    group::Column::Id,
                    session::Entity,
                    session::Column::GroupId,
                ),
            )
            .inner_join(
                program::Entity,
                within_org(
                    program::Entity,
                    program::Column::Id,
                    group::Entity,
                    group::Column::ProgramId,
                ),
            )
            .and_where(Expr::col((session::Entity, session::Column::OrgId)).eq(org))
            .and_where(Expr::col((session::Entity, session::Column::Id)).eq(session_id))
            .to_owned();
        let Some(row) = self.reader().query_one(&q).await? else {
            return Ok(None);
        };
        let spec: ProgramSpec = from_json(row.try_get("", "spec")?)?;
        let phase: i32 = row.try_get("", "phase")?;
        let plan: Option<i32> = row.try_get("", "plan")?;
        Ok(plan.and_then(|i| {
            let phase = spec.phases.get(usize::try_from(phase).ok()?)?;
            let plan = phase.session_plans.get(usize::try_from(i).ok()?)?;
            Some(plan.topic.to_string())
        }))
    }

    /// The names of the participants holding a place in the session's group.
    pub async fn roster_names(&self, org: Id, session_id: Id) -> Result<Vec<String>> {
        let q = Query::select()
            .column((person::Entity, person::Column::DisplayName))
            .from(session::Entity)
            .inner_join(
                enrollment::Entity,
                within_org(
                    enrollment::Entity,
                    enrollment::Column::GroupId,
                    session::Entity,
                    session::Column::GroupId,
                ),
            )
            .inner_join(person::Entity, enrolled_person())
            .and_where(Expr::col((session::Entity, session::Column::OrgId)).eq(org))
            .and_where(Expr::col((session::Entity, session::Column::Id)).eq(session_id))
            .and_where(
                Expr::col((enrollment::Entity, enrollment::Column::Status))
                    .eq(EnrollmentStatus::Enrolled.as_str()),
            )
            .order_by((person::Entity, person::Column::DisplayName), Order::Asc)
            .to_owned();
        let rows = self.reader().query_all(&q).await?;
        rows.into_iter()
            .map(|r| Ok(r.try_get("", "display_name")?))
            .collect()
    }

    /// Who said they cannot come to the session, and why: `(name, reason)`.
    pub async fn absence_of(
        &self,
        org: Id,
        session_id: Id,
        enrollment_id: Id,
    ) -> Result<Option<(String, String)>> {
        use crate::entities::absence_notice as a;
        let q = Query::select()
            .column((person::Entity, person::Column::DisplayName))
            .column((a::Entity, a::Column::Reason))
            .from(a::Entity)
            .inner_join(
                enrollment::Entity,
                within_org(
                    enrollment::Entity,
                    enrollment::Column::Id,
                    a::Entity,
                    a::Column::EnrollmentId,
                ),
            )
            .inner_join(person::Entity, enrolled_person())
            .and_where(Expr::col((a::Entity, a::Column::OrgId)).eq(org))
            .and_where(Expr::col((a::Entity, a::Column::SessionId)).eq(session_id))
            .and_where(Expr::col((a::Entity, a::Column::EnrollmentId)).eq(enrollment_id))
            .to_owned();
        let row = self.reader().query_one(&q).await?;
        row.map(|r| Ok((r.try_get("", "display_name")?, r.try_get("", "reason")?)))
            .transpose()
    }

    /// How many said they cannot come to the session.
    pub async fn absence_count(&self, org: Id, session_id: Id) -> Result<u32> {
        use crate::entities::absence_notice;
        let n = absence_notice::Entity::find()
            .filter(absence_notice::Column::OrgId.eq(org))
            .filter(absence_notice::Column::SessionId.eq(session_id))
            .count(&self.reader())
            .await?;
        Ok(n as u32)
    }

    /// The tasks escalated in the same sweep as `task_id` (they share its `escalated_at`)
    /// that still wait for a first call, by due date.
    pub async fn escalated_with(&self, org: Id, task_id: Id) -> Result<Vec<DeliveryTask>> {
        let db = self.reader();
        let Some(at) = follow_up_task::Entity::find_by_id(task_id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .one(&db)
            .await?
            .and_then(|t| t.escalated_at)
        else {
            return Ok(Vec::new());
        };
        let tasks = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::EscalatedAt.eq(at))
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .filter(follow_up_task::Column::Attempts.eq(0))
            .order_by_asc(follow_up_task::Column::DueAt)
            .order_by_asc(follow_up_task::Column::Id)
            .all(&db)
            .await?;
        // Each group once, however many of its calls the sweep found.
        let groups: HashMap<Id, group::Model> = group::Entity::find()
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Id.is_in(tasks.iter().map(|t| t.group_id)))
            .all(&db)
            .await?
            .into_iter()
            .map(|g| (g.id, g))
            .collect();
        tasks
            .into_iter()
            .map(|t| {
                let g = groups
                    .get(&t.group_id)
                    .ok_or(StoreError::NotFound("group"))?;
                Ok(delivery_task(t, g))
            })
            .collect()
    }

    /// A follow-up task as a message about it tells it.
    pub async fn delivery_task(&self, org: Id, task_id: Id) -> Result<Option<DeliveryTask>> {
        let Some(t) = follow_up_task::Entity::find_by_id(task_id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
        else {
            return Ok(None);
        };
        let g = group::Entity::find_by_id(t.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        Ok(Some(delivery_task(t, &g)))
    }

    /// Records the outcome of a delivery on the message and finishes its job, while this
    /// claim still holds the job: one call to the database. Once the message says `sent`, a
    /// worker that claims the job again (this one died in between) finds nothing to send:
    /// this is where a message counts as sent.
    pub async fn record_delivery(
        &self,
        job: &ClaimedJob,
        message_id: Id,
        outcome: &DeliveryOutcome,
    ) -> Result<()> {
        let mark = Mark::new(job, message_id, outcome, self.now());
        let writer = self.writer();
        match &self.marks {
            Some(marks) if !writer.is_ambient() => marks.write(mark).await?,
            _ => {
                writer.execute_raw(mark.alone(&writer)).await?;
            }
        }
        Ok(())
    }

    /// PostgreSQL only: the statements that marked messages together, and the marks they
    /// held (for benchmarks and tests).
    pub fn marks_written(&self) -> Option<crate::MarksWritten> {
        self.marks.as_ref().map(|m| m.written())
    }

    /// Counts a send stopped short because its worker had lost the message's job.
    pub async fn count_lost_claim(&self, message_id: Id) -> Result<()> {
        message::Entity::update_many()
            .col_expr(
                message::Column::LostClaims,
                Expr::col(message::Column::LostClaims).add(1),
            )
            .filter(message::Column::Id.eq(message_id))
            .exec(&self.writer())
            .await?;
        Ok(())
    }

    /// The organization's messages in the order they were written, filtered.
    pub async fn list_messages(
        &self,
        org: Id,
        filter: &MessageFilter,
        page: PageRequest,
    ) -> Result<Page<MessageRecord>> {
        let mut q = message::Entity::find().filter(message::Column::OrgId.eq(org));
        if let Some(s) = filter.session_id {
            q = q.filter(message::Column::SessionId.eq(s));
        }
        if let Some(p) = filter.person_id {
            q = q.filter(message::Column::PersonId.eq(p));
        }
        if let Some(state) = filter.state {
            q = q.filter(message::Column::State.eq(state.as_str()));
        }
        let rows = page
            .apply(q, message::Column::Id)
            .all(&self.reader())
            .await?;
        let items = rows
            .into_iter()
            .map(message_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(items, page.limit, |m| m.id))
    }

    pub async fn get_message(&self, org: Id, id: Id) -> Result<MessageRecord> {
        let m = message::Entity::find_by_id(id)
            .filter(message::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("message"))?;
        message_record(m)
    }
}

impl Tx {
    /// The message's state, or 404 for another organization's.
    pub async fn message_state(&self, org: Id, id: Id) -> Result<MessageState> {
        let m = message::Entity::find_by_id(id)
            .filter(message::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("message"))?;
        Ok(m.state.0)
    }

    /// Queues a dead message and its dead delivery job again, due now, with a fresh count.
    pub async fn requeue_message(&self, org: Id, id: Id, now: DateTime<Utc>) -> Result<()> {
        job::Entity::update_many()
            .col_expr(job::Column::State, Expr::value(JobState::Queued.as_str()))
            .col_expr(job::Column::Attempts, Expr::value(0))
            .col_expr(job::Column::RunAt, Expr::value(now))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::OrgId.eq(org))
            .filter(job::Column::DedupeKey.eq(format!("deliver:{id}")))
            .filter(job::Column::State.eq(JobState::Dead.as_str()))
            .exec(&self.0)
            .await?;
        message::Entity::update_many()
            .col_expr(
                message::Column::State,
                Expr::value(MessageState::Queued.as_str()),
            )
            .col_expr(message::Column::Attempts, Expr::value(0))
            .col_expr(message::Column::SendAt, Expr::value(now))
            .col_expr(message::Column::UpdatedAt, Expr::value(now))
            .filter(message::Column::Id.eq(id))
            .filter(message::Column::OrgId.eq(org))
            .exec(&self.0)
            .await?;
        Ok(())
    }
}

/// How a delivery went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Sent(Sent),
    Skipped {
        why: String,
    },
    /// An SMS due in quiet hours: it goes when they end.
    Deferred {
        until: DateTime<Utc>,
    },
    Failed(JobOutcome),
}

/// How a message went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub locale: String,
    /// The session's sequence the message described.
    pub sequence: Option<i32>,
    pub channel: Channel,
    /// For an SMS, the segments it took.
    pub segments: Option<i32>,
    /// The gateway's id for an SMS, when it gives one.
    pub gateway_ref: Option<String>,
}

fn message_record(m: message::Model) -> Result<MessageRecord> {
    Ok(MessageRecord {
        id: m.id,
        kind: m.kind.0,
        state: m.state.0,
        session_id: m.session_id,
        person_id: m.person_id,
        user_id: m.user_id,
        locale: m.locale,
        attempts: u32::try_from(m.attempts).unwrap_or(0),
        last_error: m.last_error,
        send_at: m.send_at,
        sent_at: m.sent_at,
        created_at: m.created_at,
        lost_claims: u32::try_from(m.lost_claims).unwrap_or(0),
        channel: m.channel.map(|c| c.0),
        segments: m.segments.and_then(|n| u32::try_from(n).ok()),
        delivered_at: m.delivered_at,
    })
}

/// A notification event not yet told to anyone.
pub struct PendingEvent {
    pub id: Id,
    pub kind: EventKind,
    /// The follow-up task it is about.
    pub subject_id: Id,
}

impl Tx {
    /// The event, unless it is gone or was told already.
    pub async fn pending_event(&self, org: Id, event_id: Id) -> Result<Option<PendingEvent>> {
        let event = notification_event::Entity::find_by_id(event_id)
            .filter(notification_event::Column::OrgId.eq(org))
            .one(&self.0)
            .await?;
        event
            .filter(|e| e.delivered_at.is_none())
            .map(|e| {
                Ok(PendingEvent {
                    id: e.id,
                    kind: e.kind.0,
                    subject_id: e.subject_id,
                })
            })
            .transpose()
    }

    /// Marks the event told.
    pub async fn event_told(&self, event_id: Id, now: DateTime<Utc>) -> Result<()> {
        notification_event::Entity::update_many()
            .col_expr(notification_event::Column::DeliveredAt, Expr::value(now))
            .filter(notification_event::Column::Id.eq(event_id))
            .exec(&self.0)
            .await?;
        Ok(())
    }

    /// The organization's coordinators and admins, as users.
    pub async fn coordinators(&self, org: Id) -> Result<Vec<Id>> {
        coordinators(&self.0, org).await
    }

    /// Who is to call about a follow-up task, if anyone.
    pub async fn task_caller(&self, org: Id, task_id: Id) -> Result<Option<Id>> {
        Ok(follow_up_task::Entity::find_by_id(task_id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .and_then(|t| t.assignee_person_id))
    }
}

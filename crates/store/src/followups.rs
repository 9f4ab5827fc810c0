//! Follow-up tasks as the coordinators' queue and the caller's call sheet show them. The
//! changes to a task are use cases in `peergroup_app::follow_ups`, written through
//! `task_writes`.

use crate::attendance::{display_names, user_emails};
use crate::entities::{call_attempt, follow_up_task, group, notification_event, person, session};
use crate::{PageRequest, Result, Store, StoreError, from_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::followup::{
    CallAttempt, CallAttemptSpec, CallSheet, FollowUpTask, MissedSession, TaskState,
};
use peergroup_domain::records::Page;
use peergroup_domain::records::Principal;
use sea_orm::entity::prelude::*;
use sea_orm::{QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Which tasks a queue shows. `groups` limits a facilitator to their own groups.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub groups: Option<Vec<Id>>,
    pub group_id: Option<Id>,
    /// Only the tasks about this participant.
    pub person_id: Option<Id>,
    pub state: Option<TaskState>,
    pub assignee_person_id: Option<Id>,
    /// Open and past the due date.
    pub overdue: bool,
    /// Open, past the due date, and nobody has called.
    pub escalated: bool,
}

fn is_due(t: &follow_up_task::Model, now: DateTime<Utc>) -> bool {
    *t.state == TaskState::Open && t.due_at <= now
}

async fn records(
    conn: &impl ConnectionTrait,
    org: Id,
    tasks: Vec<follow_up_task::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<FollowUpTask>> {
    let names = display_names(conn, org, tasks.iter().map(|t| t.person_id)).await?;
    let attempts = call_attempt::Entity::find()
        .filter(call_attempt::Column::OrgId.eq(org))
        .filter(call_attempt::Column::TaskId.is_in(tasks.iter().map(|t| t.id)))
        .order_by_asc(call_attempt::Column::Id)
        .all(conn)
        .await?;
    let users = user_emails(conn, org, attempts.iter().map(|a| a.made_by)).await?;
    let mut attempts_of: HashMap<Id, Vec<CallAttempt>> = HashMap::new();
    for a in attempts {
        attempts_of.entry(a.task_id).or_default().push(CallAttempt {
            id: a.id,
            made_by: users.get(&a.made_by).cloned().unwrap_or_default(),
            spec: CallAttemptSpec {
                outcome: a.outcome.0,
                barriers: from_json(a.barriers)?,
                next_step: a.next_step.map(|v| v.0),
                support: None,
                made_at: Some(a.made_at),
            },
            support_need_id: a.support_need_id,
        });
    }
    tasks
        .into_iter()
        .map(|t| {
            let due = is_due(&t, now);
            Ok(FollowUpTask {
                id: t.id,
                group_id: t.group_id,
                enrollment_id: t.enrollment_id,
                person_id: t.person_id,
                display_name: names.get(&t.person_id).cloned().unwrap_or_default(),
                kind: t.kind.0,
                state: t.state.0,
                assignee_person_id: t.assignee_person_id,
                sessions: from_json(t.sessions)?,
                due_at: t.due_at,
                overdue: due,
                escalated: due && t.attempts == 0,
                escalated_at: t.escalated_at,
                attempts: u32::try_from(t.attempts).unwrap_or(0),
                note: t.note,
                closed_at: t.closed_at,
                closed_note: t.closed_note,
                call_attempts: attempts_of.remove(&t.id).unwrap_or_default(),
                created_at: t.created_at,
                updated_at: t.updated_at,
            })
        })
        .collect()
}

impl Store {
    /// The follow-up queue, in id order.
    pub async fn list_follow_ups(
        &self,
        org: Id,
        filter: &TaskFilter,
        page: PageRequest,
    ) -> Result<Page<FollowUpTask>> {
        let now = self.now();
        let mut query =
            follow_up_task::Entity::find().filter(follow_up_task::Column::OrgId.eq(org));
        if let Some(groups) = &filter.groups {
            if groups.is_empty() {
                return Ok(Page {
                    items: Vec::new(),
                    next_cursor: None,
                });
            }
            query = query.filter(follow_up_task::Column::GroupId.is_in(groups.iter().copied()));
        }
        if let Some(g) = filter.group_id {
            query = query.filter(follow_up_task::Column::GroupId.eq(g));
        }
        if let Some(p) = filter.person_id {
            query = query.filter(follow_up_task::Column::PersonId.eq(p));
        }
        if let Some(state) = filter.state {
            query = query.filter(follow_up_task::Column::State.eq(state.as_str()));
        }
        if let Some(p) = filter.assignee_person_id {
            query = query.filter(follow_up_task::Column::AssigneePersonId.eq(p));
        }
        if filter.overdue || filter.escalated {
            query = query
                .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
                .filter(follow_up_task::Column::DueAt.lte(now));
        }
        if filter.escalated {
            query = query.filter(follow_up_task::Column::Attempts.eq(0));
        }
        let rows = page
            .apply(query, follow_up_task::Column::Id)
            .all(&self.reader())
            .await?;
        let page_rows = Page::from_rows(rows, page.limit, |t| t.id);
        Ok(Page {
            items: records(&self.reader(), org, page_rows.items, now).await?,
            next_cursor: page_rows.next_cursor,
        })
    }

    pub async fn get_follow_up(&self, org: Id, id: Id) -> Result<FollowUpTask> {
        let t = follow_up_task::Entity::find_by_id(id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("follow-up task"))?;
        let mut out = records(&self.reader(), org, vec![t], self.now()).await?;
        out.pop().ok_or(StoreError::NotFound("follow-up task"))
    }

    /// The participant's contact details and missed sessions, for the task's caller (the
    /// assigned facilitator, matched by email as for groups) or a coordinator; anyone else
    /// is refused. The phone number needs the participant's consent to calls.
    pub async fn call_sheet(&self, who: &Principal, id: Id) -> Result<CallSheet> {
        let org = who.org_id;
        let db = self.reader();
        let t = follow_up_task::Entity::find_by_id(id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .one(&db)
            .await?
            .ok_or(StoreError::NotFound("follow-up task"))?;
        let caller = match t.assignee_person_id {
            Some(p) => self.people_of_user(who).await?.contains(&p),
            None => false,
        };
        if !caller && !who.role.can_manage() {
            return Err(StoreError::Forbidden(
                "only the task's caller and coordinators see the participant's contact details"
                    .into(),
            ));
        }
        let p = person::Entity::find_by_id(t.person_id)
            .filter(person::Column::OrgId.eq(org))
            .one(&db)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        let g = group::Entity::find_by_id(t.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(&db)
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        let ids: Vec<Id> = from_json(t.sessions)?;
        let mut missed: Vec<MissedSession> = session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::Id.is_in(ids))
            .all(&db)
            .await?
            .into_iter()
            .map(|s| MissedSession {
                session_id: s.id,
                number: u32::try_from(s.number).unwrap_or(0),
                local_date: s.local_date,
                starts_at: s.starts_at,
            })
            .collect();
        missed.sort_by_key(|s| s.starts_at);
        let consented = p.consent_calls_at.is_some();
        Ok(CallSheet {
            task_id: t.id,
            person_id: p.id,
            display_name: p.display_name,
            preferred_language: p.preferred_language,
            calls_consented: consented,
            phone: p.phone.filter(|_| consented),
            alternative_contact: p.alternative_contact.filter(|_| consented),
            group_name: g.name,
            timezone: g.timezone,
            missed_sessions: missed,
        })
    }

    /// The group a task belongs to, for access checks.
    pub async fn follow_up_group(&self, org: Id, id: Id) -> Result<Id> {
        follow_up_task::Entity::find_by_id(id)
            .select_only()
            .column(follow_up_task::Column::GroupId)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .into_tuple()
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("follow-up task"))
    }

    /// Notification events of an organization not yet delivered, oldest first, as
    /// `(kind, subject id)`.
    pub async fn pending_notifications(&self, org: Id) -> Result<Vec<(String, Id)>> {
        Ok(notification_event::Entity::find()
            .select_only()
            .columns([
                notification_event::Column::Kind,
                notification_event::Column::SubjectId,
            ])
            .filter(notification_event::Column::OrgId.eq(org))
            .filter(notification_event::Column::DeliveredAt.is_null())
            .order_by_asc(notification_event::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?)
    }
}

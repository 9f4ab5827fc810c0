//! Follow-up tasks: the coordinators' queue, call attempts, closing, reassigning, tasks
//! opened by hand, and escalation of tasks nobody has called for by their due date.

use crate::attendance::{display_names, record_event, user_emails};
use crate::entities::{
    call_attempt, enrollment, facilitator_assignment as fa, follow_up_task, group,
    notification_event, person, session, support_need,
};
use crate::programs::program_spec;
use crate::supports::write_spec;
use crate::{PageRequest, Result, Store, StoreError, from_json, parse_stored, to_json};
use chrono::{DateTime, Duration, Utc};
use peergroup_domain::Id;
use peergroup_domain::followup::{
    AssignTaskSpec, CallAttempt, CallAttemptSpec, CallSheet, CloseTaskSpec, FollowUpTask,
    MissedSession, NewTaskSpec, NextStep, TaskKind, TaskState,
};
use peergroup_domain::jobs::EventKind;
use peergroup_domain::records::Page;
use peergroup_domain::records::Principal;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Which tasks a queue shows. `groups` limits a facilitator to their own groups.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub groups: Option<Vec<Id>>,
    pub group_id: Option<Id>,
    pub state: Option<TaskState>,
    pub assignee_person_id: Option<Id>,
    /// Open and past the due date.
    pub overdue: bool,
    /// Open, past the due date, and nobody has called.
    pub escalated: bool,
}

fn is_due(t: &follow_up_task::Model, now: DateTime<Utc>) -> bool {
    t.state == TaskState::Open.as_str() && t.due_at <= now
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
        let corrupt = StoreError::Corrupt;
        attempts_of.entry(a.task_id).or_default().push(CallAttempt {
            id: a.id,
            made_by: users.get(&a.made_by).cloned().unwrap_or_default(),
            spec: CallAttemptSpec {
                outcome: parse_stored(&a.outcome)?,
                barriers: from_json(a.barriers)?,
                next_step: a.next_step.as_deref().map(parse_stored).transpose()?,
                support: None,
                made_at: Some(a.made_at),
                note: a
                    .note
                    .map(peergroup_domain::values::Text::parse)
                    .transpose()
                    .map_err(corrupt)?,
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
                kind: parse_stored(&t.kind)?,
                state: parse_stored(&t.state)?,
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

async fn task_for_update(
    txn: &DatabaseTransaction,
    org: Id,
    id: Id,
) -> Result<follow_up_task::Model> {
    let query =
        follow_up_task::Entity::find_by_id(id).filter(follow_up_task::Column::OrgId.eq(org));
    // Calls, closing and the rule's changes to one task take turns.
    crate::dialect::for_update(txn, query)
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound("follow-up task"))
}

fn require_open(t: &follow_up_task::Model) -> Result<()> {
    if t.state == TaskState::Open.as_str() {
        Ok(())
    } else {
        Err(StoreError::Conflict(format!(
            "this task is already closed ({})",
            t.state
        )))
    }
}

/// A person may be given a task only if they facilitate the task's group.
async fn require_facilitator(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    person_id: Id,
) -> Result<()> {
    let n = fa::Entity::find()
        .filter(fa::Column::OrgId.eq(org))
        .filter(fa::Column::GroupId.eq(group_id))
        .filter(fa::Column::PersonId.eq(person_id))
        .count(conn)
        .await?;
    if n == 0 {
        return Err(StoreError::invalid(
            "assignee_person_id",
            format!("person {person_id} is not a facilitator of this group"),
        ));
    }
    Ok(())
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

    /// A task a coordinator opens by hand for one enrolment.
    pub async fn open_follow_up(&self, org: Id, spec: &NewTaskSpec) -> Result<FollowUpTask> {
        let now = self.now();
        if let Some(due) = spec.due_at
            && due <= now
        {
            return Err(StoreError::invalid("due_at", "must be in the future"));
        }
        let txn = self.writer().begin().await?;
        let e = enrollment::Entity::find_by_id(spec.enrollment_id)
            .filter(enrollment::Column::OrgId.eq(org))
            .one(&txn)
            .await?
            .ok_or_else(|| {
                StoreError::invalid("enrollment_id", "no such enrolment in this organization")
            })?;
        if let Some(p) = spec.assignee_person_id {
            require_facilitator(&txn, org, e.group_id, p).await?;
        }
        let g = group::Entity::find_by_id(e.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        let program = program_spec(&txn, org, g.program_id).await?;
        let due_at = spec
            .due_at
            .unwrap_or(now + Duration::days(i64::from(program.follow_up.due_within_days)));
        let task = follow_up_task::ActiveModel {
            org_id: Set(org),
            group_id: Set(e.group_id),
            enrollment_id: Set(e.id),
            person_id: Set(e.person_id),
            kind: Set(TaskKind::Manual.as_str().into()),
            state: Set(TaskState::Open.as_str().into()),
            assignee_person_id: Set(spec.assignee_person_id),
            sessions: Set(to_json(&Vec::<Id>::new())),
            due_at: Set(due_at),
            escalated_at: Set(None),
            attempts: Set(0),
            note: Set(Some(spec.note.to_string())),
            source_key: Set(None),
            closed_at: Set(None),
            closed_note: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record_event(&txn, org, EventKind::FollowUpOpened, task.id, now).await?;
        txn.commit().await?;
        self.get_follow_up(org, task.id).await
    }

    /// Records a call attempt. Agreeing that a support is needed creates the participant's
    /// need of that kind, or updates the one they have.
    pub async fn record_call_attempt(
        &self,
        who: &Principal,
        id: Id,
        spec: &CallAttemptSpec,
    ) -> Result<FollowUpTask> {
        let org = who.org_id;
        let now = self.now();
        spec.validate(now)?;
        let txn = self.writer().begin().await?;
        let t = task_for_update(&txn, org, id).await?;
        require_open(&t)?;
        let support_need_id = match (&spec.support, spec.next_step) {
            (Some(need), Some(NextStep::NeedsSupport)) => {
                let existing = support_need::Entity::find()
                    .filter(support_need::Column::OrgId.eq(org))
                    .filter(support_need::Column::EnrollmentId.eq(t.enrollment_id))
                    .filter(support_need::Column::Kind.eq(need.kind.as_str()))
                    .one(&txn)
                    .await?;
                let mut active = match existing {
                    Some(m) => m.into(),
                    None => support_need::ActiveModel {
                        org_id: Set(org),
                        enrollment_id: Set(t.enrollment_id),
                        created_at: Set(now),
                        ..Default::default()
                    },
                };
                write_spec(&mut active, need);
                active.updated_at = Set(now);
                Some(active.save(&txn).await?.id.unwrap())
            }
            _ => None,
        };
        call_attempt::ActiveModel {
            org_id: Set(org),
            task_id: Set(id),
            made_by: Set(who.user_id),
            made_at: Set(spec.made_at.unwrap_or(now)),
            outcome: Set(spec.outcome.as_str().into()),
            barriers: Set(to_json(&spec.barriers)),
            next_step: Set(spec.next_step.map(|s| s.as_str().to_string())),
            support_need_id: Set(support_need_id),
            note: Set(spec.note.as_ref().map(|n| n.to_string())),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let attempts = t.attempts + 1;
        let mut active: follow_up_task::ActiveModel = t.into();
        active.attempts = Set(attempts);
        active.updated_at = Set(now);
        active.update(&txn).await?;
        txn.commit().await?;
        self.get_follow_up(org, id).await
    }

    /// Ends an open task: resolved, the participant withdrew, or unreachable.
    pub async fn close_follow_up(
        &self,
        org: Id,
        id: Id,
        spec: &CloseTaskSpec,
    ) -> Result<FollowUpTask> {
        spec.validate()?;
        let now = self.now();
        let txn = self.writer().begin().await?;
        let t = task_for_update(&txn, org, id).await?;
        require_open(&t)?;
        let mut active: follow_up_task::ActiveModel = t.into();
        active.state = Set(spec.state.as_str().into());
        active.closed_at = Set(Some(now));
        active.closed_note = Set(spec.note.as_ref().map(|n| n.to_string()));
        active.updated_at = Set(now);
        active.update(&txn).await?;
        txn.commit().await?;
        self.get_follow_up(org, id).await
    }

    /// Gives an open task to a facilitator of its group, or to the coordinators.
    pub async fn assign_follow_up(
        &self,
        org: Id,
        id: Id,
        spec: &AssignTaskSpec,
    ) -> Result<FollowUpTask> {
        let txn = self.writer().begin().await?;
        let t = task_for_update(&txn, org, id).await?;
        require_open(&t)?;
        if let Some(p) = spec.assignee_person_id {
            require_facilitator(&txn, org, t.group_id, p).await?;
        }
        let changed = t.assignee_person_id != spec.assignee_person_id;
        let mut active: follow_up_task::ActiveModel = t.into();
        active.assignee_person_id = Set(spec.assignee_person_id);
        active.updated_at = Set(self.now());
        active.update(&txn).await?;
        if changed && spec.assignee_person_id.is_some() {
            record_event(&txn, org, EventKind::FollowUpAssigned, id, self.now()).await?;
        }
        txn.commit().await?;
        self.get_follow_up(org, id).await
    }

    /// Marks open tasks that nobody has called for by their due date as escalated, once
    /// each, with a notification event for the coordinators. Returns how many.
    pub async fn escalate_due_follow_ups(&self) -> Result<u64> {
        let now = self.now();
        let txn = self.writer().begin().await?;
        let due = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .filter(follow_up_task::Column::DueAt.lte(now))
            .filter(follow_up_task::Column::Attempts.eq(0))
            .filter(follow_up_task::Column::EscalatedAt.is_null())
            .all(&txn)
            .await?;
        let mut n = 0;
        // One event per organization and sweep: its coordinators get one message listing
        // every call the sweep found, not one message each.
        let mut told = std::collections::HashSet::new();
        for t in due {
            // Stamped only if still unstamped, so that replicas sweeping at the same time
            // raise one event per task.
            let stamped = follow_up_task::Entity::update_many()
                .col_expr(follow_up_task::Column::EscalatedAt, Expr::value(now))
                .filter(follow_up_task::Column::Id.eq(t.id))
                .filter(follow_up_task::Column::EscalatedAt.is_null())
                .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
                .filter(follow_up_task::Column::Attempts.eq(0))
                .exec(&txn)
                .await?;
            if stamped.rows_affected == 1 {
                if told.insert(t.org_id) {
                    record_event(&txn, t.org_id, EventKind::FollowUpEscalated, t.id, now).await?;
                }
                n += 1;
            }
        }
        txn.commit().await?;
        Ok(n)
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

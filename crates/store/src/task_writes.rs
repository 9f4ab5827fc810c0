//! The reads and writes that a change to a follow-up task is made of, inside a use case's
//! transaction. The use cases (open by hand, a call, closing, assigning, escalating) are in
//! `peergroup_app::follow_ups`.

use crate::attendance::record_event;
use crate::entities::{
    call_attempt, enrollment, facilitator_assignment as fa, follow_up_task, group, support_need,
};
use crate::programs::program_spec;
use crate::stored::Stored;
use crate::supports::write_spec;
use crate::{Result, StoreError, Tx, to_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::followup::{CallAttemptSpec, CloseTaskSpec, TaskKind, TaskState};
use peergroup_domain::jobs::EventKind;
use peergroup_domain::support::SupportNeedSpec;
use peergroup_domain::values::Text;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait};

/// A task about to change, read locked: calls, closing and the rule's changes to one task
/// take turns.
pub struct TaskToChange {
    pub group_id: Id,
    pub enrollment_id: Id,
    pub state: TaskState,
    pub assignee_person_id: Option<Id>,
}

/// An enrolment a task is opened for.
pub struct EnrolledFor {
    pub enrollment_id: Id,
    pub group_id: Id,
    pub person_id: Id,
    /// The program's time to make a follow-up call.
    pub due_within_days: u32,
}

impl Tx {
    /// The task, or 404 for another organization's.
    pub async fn task_to_change(&self, org: Id, id: Id) -> Result<TaskToChange> {
        let query =
            follow_up_task::Entity::find_by_id(id).filter(follow_up_task::Column::OrgId.eq(org));
        let t = crate::dialect::for_update(&self.0, query)
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("follow-up task"))?;
        Ok(TaskToChange {
            group_id: t.group_id,
            enrollment_id: t.enrollment_id,
            state: t.state.0,
            assignee_person_id: t.assignee_person_id,
        })
    }

    /// Whether `person` is assigned to facilitate the group.
    pub async fn facilitates(&self, org: Id, group_id: Id, person: Id) -> Result<bool> {
        let n = fa::Entity::find()
            .filter(fa::Column::OrgId.eq(org))
            .filter(fa::Column::GroupId.eq(group_id))
            .filter(fa::Column::PersonId.eq(person))
            .count(&self.0)
            .await?;
        Ok(n > 0)
    }

    /// The enrolment with its group and program's follow-up time, if it is the
    /// organization's.
    pub async fn enrolled_for(&self, org: Id, enrollment_id: Id) -> Result<Option<EnrolledFor>> {
        let Some(e) = enrollment::Entity::find_by_id(enrollment_id)
            .filter(enrollment::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
        else {
            return Ok(None);
        };
        let g = group::Entity::find_by_id(e.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        let program = program_spec(&self.0, org, g.program_id).await?;
        Ok(Some(EnrolledFor {
            enrollment_id: e.id,
            group_id: e.group_id,
            person_id: e.person_id,
            due_within_days: u32::from(program.follow_up.due_within_days),
        }))
    }

    /// Opens a task by hand, and the event that tells its caller. Returns its id.
    pub async fn open_manual_task(
        &self,
        org: Id,
        e: &EnrolledFor,
        assignee: Option<Id>,
        note: &Text,
        due_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let task = follow_up_task::ActiveModel {
            org_id: Set(org),
            group_id: Set(e.group_id),
            enrollment_id: Set(e.enrollment_id),
            person_id: Set(e.person_id),
            kind: Set(Stored(TaskKind::Manual)),
            state: Set(Stored(TaskState::Open)),
            assignee_person_id: Set(assignee),
            sessions: Set(to_json(&Vec::<Id>::new())),
            due_at: Set(due_at),
            escalated_at: Set(None),
            attempts: Set(0),
            note: Set(Some(note.to_string())),
            source_key: Set(None),
            closed_at: Set(None),
            closed_note: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        record_event(&self.0, org, EventKind::FollowUpOpened, task.id, now).await?;
        Ok(task.id)
    }

    /// Creates the enrolment's support need of `need`'s kind, or updates the one it has.
    /// Returns its id.
    pub async fn save_support_need(
        &self,
        org: Id,
        enrollment_id: Id,
        need: &SupportNeedSpec,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let existing = support_need::Entity::find()
            .filter(support_need::Column::OrgId.eq(org))
            .filter(support_need::Column::EnrollmentId.eq(enrollment_id))
            .filter(support_need::Column::Kind.eq(need.kind.as_str()))
            .one(&self.0)
            .await?;
        let mut active = match existing {
            Some(m) => m.into(),
            None => support_need::ActiveModel {
                org_id: Set(org),
                enrollment_id: Set(enrollment_id),
                created_at: Set(now),
                ..Default::default()
            },
        };
        write_spec(&mut active, need);
        active.updated_at = Set(now);
        let saved = active.save(&self.0).await?;
        saved
            .id
            .try_as_ref()
            .copied()
            .ok_or_else(|| StoreError::Corrupt("a saved support need has no id".into()))
    }

    /// Records a call made by `made_by` (a user) and counts it on the task.
    pub async fn add_call_attempt(
        &self,
        org: Id,
        task_id: Id,
        made_by: Id,
        spec: &CallAttemptSpec,
        support_need_id: Option<Id>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        call_attempt::ActiveModel {
            org_id: Set(org),
            task_id: Set(task_id),
            made_by: Set(made_by),
            made_at: Set(spec.made_at.unwrap_or(now)),
            outcome: Set(Stored(spec.outcome)),
            barriers: Set(to_json(&spec.barriers)),
            next_step: Set(spec.next_step.map(Stored)),
            support_need_id: Set(support_need_id),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        one_task(org, task_id)
            .col_expr(
                follow_up_task::Column::Attempts,
                Expr::col(follow_up_task::Column::Attempts).add(1),
            )
            .col_expr(follow_up_task::Column::UpdatedAt, Expr::value(now))
            .exec(&self.0)
            .await?;
        Ok(())
    }

    /// Ends a task in `spec`'s state.
    pub async fn close_task(
        &self,
        org: Id,
        id: Id,
        spec: &CloseTaskSpec,
        now: DateTime<Utc>,
    ) -> Result<()> {
        one_task(org, id)
            .col_expr(
                follow_up_task::Column::State,
                Expr::value(spec.state.as_str()),
            )
            .col_expr(follow_up_task::Column::ClosedAt, Expr::value(now))
            .col_expr(follow_up_task::Column::UpdatedAt, Expr::value(now))
            .exec(&self.0)
            .await?;
        Ok(())
    }

    /// Gives a task to `assignee`, or to the coordinators (`None`).
    pub async fn assign_task(
        &self,
        org: Id,
        id: Id,
        assignee: Option<Id>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        one_task(org, id)
            .col_expr(
                follow_up_task::Column::AssigneePersonId,
                Expr::value(assignee),
            )
            .col_expr(follow_up_task::Column::UpdatedAt, Expr::value(now))
            .exec(&self.0)
            .await?;
        Ok(())
    }

    /// Records a notification event and queues the job that delivers it.
    pub async fn record_event(
        &self,
        org: Id,
        kind: EventKind,
        subject_id: Id,
        now: DateTime<Utc>,
    ) -> Result<()> {
        record_event(&self.0, org, kind, subject_id, now).await
    }

    /// Open tasks of every organization due by `now`, never called and not yet escalated,
    /// as `(task, organization)`.
    pub async fn tasks_to_escalate(&self, now: DateTime<Utc>) -> Result<Vec<(Id, Id)>> {
        Ok(follow_up_task::Entity::find()
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .filter(follow_up_task::Column::DueAt.lte(now))
            .filter(follow_up_task::Column::Attempts.eq(0))
            .filter(follow_up_task::Column::EscalatedAt.is_null())
            .all(&self.0)
            .await?
            .into_iter()
            .map(|t| (t.id, t.org_id))
            .collect())
    }

    /// Stamps the task escalated if it still is open, uncalled and unstamped; returns
    /// whether it did, so that replicas sweeping at the same time raise one event per task.
    pub async fn stamp_escalated(&self, id: Id, now: DateTime<Utc>) -> Result<bool> {
        let stamped = follow_up_task::Entity::update_many()
            .col_expr(follow_up_task::Column::EscalatedAt, Expr::value(now))
            .filter(follow_up_task::Column::Id.eq(id))
            .filter(follow_up_task::Column::EscalatedAt.is_null())
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .filter(follow_up_task::Column::Attempts.eq(0))
            .exec(&self.0)
            .await?;
        Ok(stamped.rows_affected == 1)
    }
}

/// An update of task `id` of `org`: chain its `col_expr`s, then `exec`.
fn one_task(org: Id, id: Id) -> sea_orm::UpdateMany<follow_up_task::Entity> {
    follow_up_task::Entity::update_many()
        .filter(follow_up_task::Column::Id.eq(id))
        .filter(follow_up_task::Column::OrgId.eq(org))
}

//! The follow-up queue's writes: a task opened by hand, a call made, a task closed or
//! given to someone, and the sweep that escalates tasks nobody has called for by their due
//! date. Each reads the task locked, checks it is still open, and answers with the task as
//! the queue shows it.

use chrono::Duration;
use peergroup_domain::Id;
use peergroup_domain::followup::{
    AssignTaskSpec, CallAttemptSpec, CloseTaskSpec, FollowUpTask, NewTaskSpec, NextStep, TaskState,
};
use peergroup_domain::jobs::EventKind;
use peergroup_domain::records::Principal;
use peergroup_store::task_writes::TaskToChange;
use peergroup_store::{Result, Store, StoreError, Tx};
use std::collections::HashSet;

/// A task a coordinator opens by hand for one enrolment, due by the program's follow-up
/// time unless the spec says when.
pub async fn open(store: &Store, org: Id, spec: &NewTaskSpec) -> Result<FollowUpTask> {
    let now = store.clock().now();
    if let Some(due) = spec.due_at
        && due <= now
    {
        return Err(StoreError::invalid("due_at", "must be in the future"));
    }
    let tx = store.begin().await?;
    let e = tx
        .enrolled_for(org, spec.enrollment_id)
        .await?
        .ok_or_else(|| {
            StoreError::invalid("enrollment_id", "no such enrolment in this organization")
        })?;
    if let Some(p) = spec.assignee_person_id {
        require_facilitator(&tx, org, e.group_id, p).await?;
    }
    let due_at = spec
        .due_at
        .unwrap_or(now + Duration::days(i64::from(e.due_within_days)));
    let id = tx
        .open_manual_task(org, &e, spec.assignee_person_id, &spec.note, due_at, now)
        .await?;
    tx.commit().await?;
    store.get_follow_up(org, id).await
}

/// Records a call by the caller. Agreeing that a support is needed creates the
/// participant's need of that kind, or updates the one they have.
pub async fn record_call(
    store: &Store,
    who: &Principal,
    id: Id,
    spec: &CallAttemptSpec,
) -> Result<FollowUpTask> {
    let org = who.org_id;
    let now = store.clock().now();
    spec.validate(now)?;
    let tx = store.begin().await?;
    let t = tx.task_to_change(org, id).await?;
    require_open(&t)?;
    let support_need_id = match (&spec.support, spec.next_step) {
        (Some(need), Some(NextStep::NeedsSupport)) => Some(
            tx.save_support_need(org, t.enrollment_id, need, now)
                .await?,
        ),
        _ => None,
    };
    tx.add_call_attempt(org, id, who.user_id, spec, support_need_id, now)
        .await?;
    tx.commit().await?;
    store.get_follow_up(org, id).await
}

/// A facilitator asks the coordinators for help with an open call ("escalate"): they are
/// told once per tap, and the task stays the facilitator's until someone reassigns it.
pub async fn hand_over(store: &Store, who: &Principal, id: Id) -> Result<FollowUpTask> {
    let org = who.org_id;
    let now = store.clock().now();
    let tx = store.begin().await?;
    require_open(&tx.task_to_change(org, id).await?)?;
    tx.record_event(org, EventKind::FollowUpHandedOver, id, now)
        .await?;
    tx.commit().await?;
    store.get_follow_up(org, id).await
}

/// Ends an open task: resolved, the participant withdrew, or unreachable.
pub async fn close(store: &Store, org: Id, id: Id, spec: &CloseTaskSpec) -> Result<FollowUpTask> {
    spec.validate()?;
    let now = store.clock().now();
    let tx = store.begin().await?;
    require_open(&tx.task_to_change(org, id).await?)?;
    tx.close_task(org, id, spec, now).await?;
    tx.commit().await?;
    store.get_follow_up(org, id).await
}

/// Gives an open task to a facilitator of its group, or to the coordinators. The new caller
/// is told.
pub async fn assign(store: &Store, org: Id, id: Id, spec: &AssignTaskSpec) -> Result<FollowUpTask> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let t = tx.task_to_change(org, id).await?;
    require_open(&t)?;
    if let Some(p) = spec.assignee_person_id {
        require_facilitator(&tx, org, t.group_id, p).await?;
    }
    tx.assign_task(org, id, spec.assignee_person_id, now)
        .await?;
    if t.assignee_person_id != spec.assignee_person_id && spec.assignee_person_id.is_some() {
        tx.record_event(org, EventKind::FollowUpAssigned, id, now)
            .await?;
    }
    tx.commit().await?;
    store.get_follow_up(org, id).await
}

/// Marks open tasks that nobody has called for by their due date as escalated, once each,
/// across all organizations. Each organization's coordinators get one event per sweep,
/// listing every call it found, not one each. Returns how many tasks.
pub async fn escalate_due(store: &Store) -> Result<u64> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let mut n = 0;
    let mut told = HashSet::new();
    for (task, org) in tx.tasks_to_escalate(now).await? {
        if tx.stamp_escalated(task, now).await? {
            if told.insert(org) {
                tx.record_event(org, EventKind::FollowUpEscalated, task, now)
                    .await?;
            }
            n += 1;
        }
    }
    tx.commit().await?;
    Ok(n)
}

fn require_open(t: &TaskToChange) -> Result<()> {
    if t.state == TaskState::Open {
        Ok(())
    } else {
        Err(StoreError::Conflict(format!(
            "this task is already closed ({})",
            t.state
        )))
    }
}

/// A person may be given a task only if they facilitate the task's group.
async fn require_facilitator(tx: &Tx, org: Id, group_id: Id, person: Id) -> Result<()> {
    if tx.facilitates(org, group_id, person).await? {
        Ok(())
    } else {
        Err(StoreError::invalid(
            "assignee_person_id",
            format!("person {person} is not a facilitator of this group"),
        ))
    }
}

//! The missed-session rule's tasks as stored: reading a participant's tasks for the rule,
//! and writing what it decided, for a roll-call (`peergroup_app::roll_call`) and for a
//! full rebuild (`peergroup_app::follow_up_rebuild`).

use crate::attendance::{MarksByParticipant, MarksOf, RollCall, aggregated_marks, record_event};
use crate::coordinator_notices::assigned_facilitators;
use crate::dialect;
use crate::entities::{enrollment, follow_up_task, group};
use crate::stored::Stored;
use crate::{Result, StoreError, Tx, from_json, to_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::FollowUpChanges;
use peergroup_domain::followup::{self, RuleAction, RuleTask, TaskKind, TaskState};
use peergroup_domain::jobs::EventKind;
use peergroup_domain::program::ProgramSpec;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A stored rule task as the rule sees it.
pub(crate) fn rule_task(t: &follow_up_task::Model) -> Result<RuleTask> {
    Ok(RuleTask {
        id: t.id,
        state: t.state.0,
        attempts: u32::try_from(t.attempts).unwrap_or(0),
        sessions: from_json(t.sessions.clone())?,
    })
}

/// The writes of the missed-session rule's decisions, in a roll-call's or a rebuild's
/// transaction.
struct RuleWrites<'a> {
    txn: &'a DatabaseTransaction,
    org: Id,
    group_id: Id,
    now: DateTime<Utc>,
    /// Who calls about a task opened now, and by when.
    caller: Option<Id>,
    due_at: DateTime<Utc>,
    enrollment_of: &'a HashMap<Id, Id>,
    /// During a rebuild: where new tasks are collected to be inserted together, with no
    /// notification. A roll-call inserts each and records a notification event.
    opened_in_bulk: Option<&'a std::sync::Mutex<Vec<follow_up_task::ActiveModel>>>,
}

impl RuleWrites<'_> {
    async fn act(
        &self,
        person: Id,
        action: RuleAction,
        changes: &mut FollowUpChanges,
    ) -> Result<()> {
        let task_row = |task: Id| {
            follow_up_task::Entity::update_many()
                .col_expr(follow_up_task::Column::UpdatedAt, Expr::value(self.now))
                .filter(follow_up_task::Column::Id.eq(task))
                .filter(follow_up_task::Column::OrgId.eq(self.org))
        };
        match action {
            RuleAction::Open { sessions } => {
                let enrollment_id = *self
                    .enrollment_of
                    .get(&person)
                    .ok_or(StoreError::NotFound("enrollment"))?;
                let task = follow_up_task::ActiveModel {
                    org_id: Set(self.org),
                    group_id: Set(self.group_id),
                    enrollment_id: Set(enrollment_id),
                    person_id: Set(person),
                    kind: Set(Stored(TaskKind::MissedSessions)),
                    state: Set(Stored(TaskState::Open)),
                    assignee_person_id: Set(self.caller),
                    sessions: Set(to_json(&sessions)),
                    due_at: Set(self.due_at),
                    escalated_at: Set(None),
                    attempts: Set(0),
                    note: Set(None),
                    source_key: Set(None),
                    closed_at: Set(None),
                    closed_note: Set(None),
                    created_at: Set(self.now),
                    updated_at: Set(self.now),
                    ..Default::default()
                };
                match self.opened_in_bulk {
                    // A rebuild inserts its new tasks together, and notifies nobody.
                    Some(bulk) => bulk.lock().unwrap_or_else(|e| e.into_inner()).push(task),
                    None => {
                        let task = task.insert(self.txn).await?;
                        record_event(
                            self.txn,
                            self.org,
                            EventKind::FollowUpOpened,
                            task.id,
                            self.now,
                        )
                        .await?;
                        changes.opened.push(task.id);
                    }
                }
            }
            RuleAction::Follow {
                task,
                sessions,
                reopen,
            } => {
                let mut update = task_row(task).col_expr(
                    follow_up_task::Column::Sessions,
                    Expr::value(to_json(&sessions)),
                );
                if reopen {
                    update = update
                        .col_expr(
                            follow_up_task::Column::State,
                            Expr::value(TaskState::Open.as_str()),
                        )
                        .col_expr(
                            follow_up_task::Column::ClosedAt,
                            Expr::value(Option::<DateTime<Utc>>::None),
                        )
                        .col_expr(
                            follow_up_task::Column::ClosedNote,
                            Expr::value(Option::<String>::None),
                        );
                }
                update.exec(self.txn).await?;
                changes.updated.push(task);
            }
            RuleAction::Close { task, reason } => {
                task_row(task)
                    .col_expr(
                        follow_up_task::Column::State,
                        Expr::value(TaskState::ClosedByCorrection.as_str()),
                    )
                    .col_expr(
                        follow_up_task::Column::ClosedAt,
                        Expr::value(Some(self.now)),
                    )
                    .col_expr(
                        follow_up_task::Column::ClosedNote,
                        Expr::value(Some(reason)),
                    )
                    .exec(self.txn)
                    .await?;
                changes.closed.push(task);
            }
        }
        Ok(())
    }
}

impl Tx {
    /// Some participants' missed-sessions tasks in the group, by person; locked on
    /// PostgreSQL, since a call recorded meanwhile must be seen before a task is closed.
    pub async fn rule_tasks(
        &self,
        org: Id,
        group_id: Id,
        people: &BTreeSet<Id>,
    ) -> Result<HashMap<Id, Vec<RuleTask>>> {
        let txn = &self.0;
        let query = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::GroupId.eq(group_id))
            .filter(follow_up_task::Column::PersonId.is_in(people.iter().copied()))
            .filter(follow_up_task::Column::Kind.eq(TaskKind::MissedSessions.as_str()))
            .order_by_asc(follow_up_task::Column::Id);
        let query = dialect::for_update(txn, query);
        let mut tasks_of: HashMap<Id, Vec<RuleTask>> = HashMap::new();
        for t in query.all(txn).await? {
            tasks_of
                .entry(t.person_id)
                .or_default()
                .push(rule_task(&t)?);
        }
        Ok(tasks_of)
    }

    /// Carries out what the missed-session rule decided for one participant of the
    /// roll-call's group. A task opened records a notification event and its job.
    pub async fn apply_rule(
        &self,
        rc: &RollCall,
        person: Id,
        actions: Vec<RuleAction>,
        now: DateTime<Utc>,
        changes: &mut FollowUpChanges,
    ) -> Result<()> {
        let writes = RuleWrites {
            txn: &self.0,
            org: rc.org,
            group_id: rc.group_id,
            now,
            caller: followup::caller(&rc.program, &rc.facilitators),
            due_at: followup::due_at(&rc.program, now),
            enrollment_of: &rc.roster.enrollment_of,
            opened_in_bulk: None,
        };
        for action in actions {
            writes.act(person, action, changes).await?;
        }
        Ok(())
    }

    /// Locks a range of the organization's groups as a roll-call locks its group, so that
    /// a rebuild and a roll-call never interleave. (SQLite has one writer.)
    pub async fn lock_groups(&self, org: Id, first: Id, last: Id) -> Result<()> {
        if dialect::of(&self.0).locks_rows() {
            group::Entity::find()
                .filter(group::Column::OrgId.eq(org))
                .filter(group::Column::Id.gte(first))
                .filter(group::Column::Id.lte(last))
                .lock_exclusive()
                .all(&self.0)
                .await?;
        }
        Ok(())
    }

    /// Every participant's marks at held sessions of a range of groups.
    pub async fn marks_of_groups(
        &self,
        org: Id,
        first: Id,
        last: Id,
    ) -> Result<MarksByParticipant> {
        aggregated_marks(&self.0, org, MarksOf::Groups { first, last }).await
    }

    /// Every missed-sessions task of a range of groups, by (group, person), oldest first.
    pub async fn rule_tasks_of_groups(
        &self,
        org: Id,
        first: Id,
        last: Id,
    ) -> Result<BTreeMap<(Id, Id), Vec<RuleTask>>> {
        let mut tasks: BTreeMap<(Id, Id), Vec<RuleTask>> = BTreeMap::new();
        for t in follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::GroupId.gte(first))
            .filter(follow_up_task::Column::GroupId.lte(last))
            .filter(follow_up_task::Column::Kind.eq(TaskKind::MissedSessions.as_str()))
            .order_by_asc(follow_up_task::Column::Id)
            .all(&self.0)
            .await?
        {
            tasks
                .entry((t.group_id, t.person_id))
                .or_default()
                .push(rule_task(&t)?);
        }
        Ok(tasks)
    }

    /// Carries out a rebuild's decisions for a range of groups, given each group's
    /// program: tasks opened are inserted together and notify nobody (they show in the
    /// queue). Returns what changed, summed over everyone.
    pub async fn apply_rebuild(
        &self,
        org: Id,
        (first, last): (Id, Id),
        program_of_group: &HashMap<Id, &ProgramSpec>,
        decisions: Vec<(Id, Id, Vec<RuleAction>)>,
        now: DateTime<Utc>,
    ) -> Result<RebuildChanges> {
        let txn = &self.0;
        let mut enrollments: HashMap<Id, HashMap<Id, Id>> = HashMap::new();
        let rows: Vec<(Id, Id, Id)> = enrollment::Entity::find()
            .select_only()
            .columns([
                enrollment::Column::Id,
                enrollment::Column::GroupId,
                enrollment::Column::PersonId,
            ])
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.gte(first))
            .filter(enrollment::Column::GroupId.lte(last))
            .into_tuple()
            .all(txn)
            .await?;
        for (id, g, p) in rows {
            enrollments.entry(g).or_default().insert(p, id);
        }
        let groups: Vec<(Id, Id)> = program_of_group.keys().map(|&g| (org, g)).collect();
        let facilitators = assigned_facilitators(txn, &groups).await?;
        let none = HashMap::new();
        let bulk = std::sync::Mutex::new(Vec::new());
        let mut out = RebuildChanges::default();
        for (group_id, person, actions) in decisions {
            let program = program_of_group
                .get(&group_id)
                .ok_or(StoreError::NotFound("group"))?;
            let facilitators = facilitators
                .get(&group_id)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let writes = RuleWrites {
                txn,
                org,
                group_id,
                now,
                caller: followup::caller(program, facilitators),
                due_at: followup::due_at(program, now),
                enrollment_of: enrollments.get(&group_id).unwrap_or(&none),
                opened_in_bulk: Some(&bulk),
            };
            let mut changes = FollowUpChanges::default();
            for action in actions {
                writes.act(person, action, &mut changes).await?;
            }
            out.updated += changes.updated.len() as u64;
            out.closed += changes.closed.len() as u64;
        }
        let new = bulk.into_inner().unwrap_or_else(|e| e.into_inner());
        out.opened += new.len() as u64;
        for part in new.chunks(1000) {
            follow_up_task::Entity::insert_many(part.to_vec())
                .exec_without_returning(txn)
                .await?;
        }
        Ok(out)
    }
}

/// Tasks a rebuild opened, updated and closed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RebuildChanges {
    pub opened: u64,
    pub updated: u64,
    pub closed: u64,
}

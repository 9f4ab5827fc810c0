//! Check-in calls and one-to-one meetings a program plans for every participant. A held
//! session opens them as follow-up tasks, once each (the task's `source_key` is unique per
//! participant); a session corrected to "not held" closes its untouched check-in calls.

use crate::entities::{follow_up_task, session};
use crate::stored::Stored;
use crate::{Result, to_json};
use chrono::{DateTime, Duration, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::AssignedFacilitator;
use peergroup_domain::followup::{TaskKind, TaskState};
use peergroup_domain::program::{ContactKind, ProgramSpec, ScheduledContact};
use peergroup_domain::records::SessionStatus;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// Days a one-to-one meeting is due in when its phase has no session left to bound it.
const MEETING_FALLBACK_DAYS: i64 = 14;

pub(crate) struct ContactPlan<'a> {
    pub txn: &'a DatabaseTransaction,
    pub org: Id,
    pub now: DateTime<Utc>,
    pub program: &'a ProgramSpec,
    pub facilitators: &'a [AssignedFacilitator],
    pub placed: &'a [Id],
    pub enrollment_of: &'a HashMap<Id, Id>,
}

/// The contacts a session triggers, with each one's source key.
fn triggered<'p>(
    program: &'p ProgramSpec,
    s: &session::Model,
) -> Vec<(String, &'p ScheduledContact)> {
    program
        .scheduled_contacts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let in_phase = c.phase.map(i32::from);
            match c.kind {
                ContactKind::CheckInCall if in_phase.is_none_or(|p| p == s.phase) => {
                    Some((format!("check_in:{i}:{}", s.id), c))
                }
                ContactKind::OneToOneMeeting if in_phase == Some(s.phase) => {
                    Some((format!("one_to_one:{i}:{}", s.phase), c))
                }
                _ => None,
            }
        })
        .collect()
}

impl ContactPlan<'_> {
    /// The facilitator holding the contact's role, or else one of the role's kind.
    fn assignee(&self, c: &ScheduledContact) -> Option<Id> {
        let kind = self.program.role(c.role.as_str()).map(|r| r.kind);
        self.facilitators
            .iter()
            .find(|f| f.program_role.as_ref() == Some(&c.role))
            .or_else(|| {
                self.facilitators
                    .iter()
                    .find(|f| f.program_role.is_none() && Some(f.kind) == kind)
            })
            .map(|f| f.person_id)
    }

    async fn due(&self, c: &ScheduledContact, s: &session::Model) -> Result<DateTime<Utc>> {
        Ok(match c.kind {
            ContactKind::CheckInCall => s.starts_at + Duration::days(i64::from(c.due_within_days)),
            ContactKind::OneToOneMeeting => {
                let last: Option<DateTime<Utc>> = session::Entity::find()
                    .select_only()
                    .column_as(session::Column::StartsAt.max(), "last")
                    .filter(session::Column::OrgId.eq(self.org))
                    .filter(session::Column::GroupId.eq(s.group_id))
                    .filter(session::Column::Phase.eq(s.phase))
                    .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
                    .into_tuple::<Option<DateTime<Utc>>>()
                    .one(self.txn)
                    .await?
                    .flatten();
                match last {
                    Some(at) if at > self.now => at,
                    _ => self.now + Duration::days(MEETING_FALLBACK_DAYS),
                }
            }
        })
    }

    /// Opens (or reopens) the contacts a held session plans and returns those tasks; for a
    /// session not held, closes its untouched check-in calls and returns those.
    pub async fn apply(&self, s: &session::Model, held: bool) -> Result<(Vec<Id>, Vec<Id>)> {
        let triggered = triggered(self.program, s);
        if triggered.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let keys: Vec<String> = triggered.iter().map(|(k, _)| k.clone()).collect();
        let query = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(self.org))
            .filter(follow_up_task::Column::GroupId.eq(s.group_id))
            .filter(follow_up_task::Column::SourceKey.is_in(keys));
        // A call recorded meanwhile must be seen before closing a check-in call.
        let existing = crate::dialect::for_update(self.txn, query)
            .all(self.txn)
            .await?;
        if !held {
            return Ok((Vec::new(), self.close_check_ins(existing).await?));
        }
        let have: BTreeSet<(Id, String)> = existing
            .iter()
            .filter_map(|t| t.source_key.clone().map(|k| (t.person_id, k)))
            .collect();
        let mut opened = self.reopen(existing).await?;
        for (key, c) in &triggered {
            let due_at = self.due(c, s).await?;
            let kind = match c.kind {
                ContactKind::CheckInCall => TaskKind::CheckInCall,
                ContactKind::OneToOneMeeting => TaskKind::OneToOneMeeting,
            };
            for person in self.placed {
                if have.contains(&(*person, key.clone())) {
                    continue;
                }
                let Some(&enrollment_id) = self.enrollment_of.get(person) else {
                    continue;
                };
                let task = follow_up_task::ActiveModel {
                    org_id: Set(self.org),
                    group_id: Set(s.group_id),
                    enrollment_id: Set(enrollment_id),
                    person_id: Set(*person),
                    kind: Set(Stored(kind)),
                    state: Set(Stored(TaskState::Open)),
                    assignee_person_id: Set(self.assignee(c)),
                    sessions: Set(to_json(&[s.id])),
                    due_at: Set(due_at),
                    escalated_at: Set(None),
                    attempts: Set(0),
                    note: Set(c.purpose.as_ref().map(|p| p.to_string())),
                    source_key: Set(Some(key.clone())),
                    closed_at: Set(None),
                    closed_note: Set(None),
                    created_at: Set(self.now),
                    updated_at: Set(self.now),
                    ..Default::default()
                }
                .insert(self.txn)
                .await?;
                opened.push(task.id);
            }
        }
        Ok((opened, Vec::new()))
    }

    /// A session corrected back to held reopens the calls a correction had closed.
    async fn reopen(&self, tasks: Vec<follow_up_task::Model>) -> Result<Vec<Id>> {
        let mut reopened = Vec::new();
        for t in tasks {
            if *t.state != TaskState::ClosedByCorrection {
                continue;
            }
            let id = t.id;
            let mut active: follow_up_task::ActiveModel = t.into();
            active.state = Set(Stored(TaskState::Open));
            active.closed_at = Set(None);
            active.closed_note = Set(None);
            active.updated_at = Set(self.now);
            active.update(self.txn).await?;
            reopened.push(id);
        }
        Ok(reopened)
    }

    async fn close_check_ins(&self, tasks: Vec<follow_up_task::Model>) -> Result<Vec<Id>> {
        let mut closed = Vec::new();
        for t in tasks {
            let untouched = *t.state == TaskState::Open && t.attempts == 0;
            if *t.kind != TaskKind::CheckInCall || !untouched {
                continue;
            }
            let id = t.id;
            let mut active: follow_up_task::ActiveModel = t.into();
            active.state = Set(Stored(TaskState::ClosedByCorrection));
            active.closed_at = Set(Some(self.now));
            active.closed_note = Set(Some(
                "a correction recorded the session as not held before anyone called".into(),
            ));
            active.updated_at = Set(self.now);
            active.update(self.txn).await?;
            closed.push(id);
        }
        Ok(closed)
    }
}

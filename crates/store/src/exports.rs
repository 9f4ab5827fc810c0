//! What the CSV exports read: a group's or a program's groups, their sessions, marks,
//! enrolments and follow-up tasks, each in bounded pieces so that an export of any size
//! is written out piece by piece and never held whole.

use crate::entities::{enrollment, follow_up_task, group, person, program, session};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AbsenceReason, AttendanceStatus};
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::followup::{TaskKind, TaskState};
use peergroup_domain::records::Person;
use sea_orm::entity::prelude::*;
use sea_orm::{QueryOrder, QuerySelect};
use std::collections::HashMap;

/// What an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    Group(Id),
    Program(Id),
}

#[derive(Debug, Clone)]
pub struct ExportGroup {
    pub id: Id,
    pub name: String,
    pub timezone: String,
}

#[derive(Debug, Clone)]
pub struct ExportSession {
    pub id: Id,
    pub group_id: Id,
    pub number: i32,
    pub local_date: NaiveDate,
    pub local_time: NaiveTime,
}

#[derive(Debug, Clone)]
pub struct ExportMark {
    pub session_id: Id,
    pub person_id: Id,
    pub name: String,
    pub status: AttendanceStatus,
    pub reason: Option<AbsenceReason>,
}

#[derive(Debug, Clone)]
pub struct ExportEnrollment {
    pub id: Id,
    pub group_id: Id,
    pub status: EnrollmentStatus,
    pub enrolled_at: DateTime<Utc>,
    pub person: Person,
}

#[derive(Debug, Clone)]
pub struct ExportTask {
    pub id: Id,
    pub group_id: Id,
    pub person_id: Id,
    pub name: String,
    pub kind: TaskKind,
    pub state: TaskState,
    pub sessions_missed: usize,
    pub due_at: DateTime<Utc>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Store {
    /// The groups `scope` covers, by name; a group or program of another organization is
    /// not found.
    pub async fn export_groups(&self, org: Id, scope: ExportScope) -> Result<Vec<ExportGroup>> {
        let mut query = group::Entity::find().filter(group::Column::OrgId.eq(org));
        match scope {
            ExportScope::Group(id) => query = query.filter(group::Column::Id.eq(id)),
            ExportScope::Program(id) => {
                program::Entity::find_by_id(id)
                    .filter(program::Column::OrgId.eq(org))
                    .one(&self.reader())
                    .await?
                    .ok_or(StoreError::NotFound("program"))?;
                query = query.filter(group::Column::ProgramId.eq(id));
            }
        }
        let rows: Vec<(Id, String, String)> = query
            .select_only()
            .columns([
                group::Column::Id,
                group::Column::Name,
                group::Column::Timezone,
            ])
            .order_by_asc(group::Column::Name)
            .order_by_asc(group::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        if rows.is_empty() && matches!(scope, ExportScope::Group(_)) {
            return Err(StoreError::NotFound("group"));
        }
        Ok(rows
            .into_iter()
            .map(|(id, name, timezone)| ExportGroup { id, name, timezone })
            .collect())
    }

    /// The sessions of these groups, each group's in schedule order.
    pub async fn export_sessions(&self, org: Id, group_ids: &[Id]) -> Result<Vec<ExportSession>> {
        let rows: Vec<(Id, Id, i32, NaiveDate, NaiveTime)> = session::Entity::find()
            .select_only()
            .columns([
                session::Column::Id,
                session::Column::GroupId,
                session::Column::Number,
                session::Column::LocalDate,
                session::Column::LocalTime,
            ])
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.is_in(group_ids.iter().copied()))
            .order_by_asc(session::Column::GroupId)
            .order_by_asc(session::Column::StartsAt)
            .order_by_asc(session::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, group_id, number, local_date, local_time)| ExportSession {
                    id,
                    group_id,
                    number,
                    local_date,
                    local_time,
                },
            )
            .collect())
    }

    /// Every mark of these sessions, each session's by name, in one statement.
    pub async fn export_marks(&self, org: Id, session_ids: &[Id]) -> Result<Vec<ExportMark>> {
        if session_ids.is_empty() {
            return Ok(Vec::new());
        }
        let db = self.reader();
        let d = crate::dialect::of(&db);
        let sql = format!(
            "SELECT a.session_id, a.person_id, p.display_name, a.status, a.reason \
             FROM attendance a JOIN people p ON p.id = a.person_id AND p.org_id = a.org_id \
             WHERE a.org_id = {} AND a.session_id IN ({})",
            d.params(1, 1),
            d.params(2, session_ids.len())
        );
        let mut values: Vec<sea_orm::Value> = vec![org.into()];
        values.extend(session_ids.iter().map(|&s| sea_orm::Value::from(s)));
        let rows = db
            .query_all_raw(crate::dialect::stmt(&db, &sql, values))
            .await?;
        let mut lines = rows
            .into_iter()
            .map(|row| {
                Ok(ExportMark {
                    session_id: row.try_get("", "session_id")?,
                    person_id: row.try_get("", "person_id")?,
                    name: row.try_get("", "display_name")?,
                    status: row.try_get::<Stored<AttendanceStatus>>("", "status")?.0,
                    reason: row
                        .try_get::<Option<Stored<AbsenceReason>>>("", "reason")?
                        .map(|r| r.0),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        lines.sort_by(|a, b| {
            (a.session_id, &a.name, a.person_id).cmp(&(b.session_id, &b.name, b.person_id))
        });
        Ok(lines)
    }

    /// Up to `limit` enrolments of these groups after enrolment `after`, in id order.
    pub async fn export_enrollments(
        &self,
        org: Id,
        group_ids: &[Id],
        after: Id,
        limit: u64,
    ) -> Result<Vec<ExportEnrollment>> {
        let rows = enrollment::Entity::find()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.is_in(group_ids.iter().copied()))
            .filter(enrollment::Column::Id.gt(after))
            .order_by_asc(enrollment::Column::Id)
            .limit(limit)
            .all(&self.reader())
            .await?;
        let people: HashMap<Id, person::Model> = person::Entity::find()
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(rows.iter().map(|e| e.person_id)))
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        rows.into_iter()
            .filter_map(|e| {
                let p = people.get(&e.person_id)?.clone();
                Some(crate::people::to_record(p).map(|person| ExportEnrollment {
                    id: e.id,
                    group_id: e.group_id,
                    status: e.status.0,
                    enrolled_at: e.created_at,
                    person,
                }))
            })
            .collect()
    }

    /// Up to `limit` follow-up tasks of these groups after task `after`, in id order.
    pub async fn export_tasks(
        &self,
        org: Id,
        group_ids: &[Id],
        after: Id,
        limit: u64,
    ) -> Result<Vec<ExportTask>> {
        let rows = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::GroupId.is_in(group_ids.iter().copied()))
            .filter(follow_up_task::Column::Id.gt(after))
            .order_by_asc(follow_up_task::Column::Id)
            .limit(limit)
            .all(&self.reader())
            .await?;
        let names = self
            .names(org, rows.iter().map(|t| t.person_id).collect())
            .await?;
        Ok(rows
            .into_iter()
            .map(|t| ExportTask {
                id: t.id,
                group_id: t.group_id,
                person_id: t.person_id,
                name: names.get(&t.person_id).cloned().unwrap_or_default(),
                kind: t.kind.0,
                state: t.state.0,
                sessions_missed: t.sessions.as_array().map_or(0, Vec::len),
                due_at: t.due_at,
                escalated_at: t.escalated_at,
                attempts: t.attempts,
                closed_at: t.closed_at,
            })
            .collect())
    }

    async fn names(&self, org: Id, mut ids: Vec<Id>) -> Result<HashMap<Id, String>> {
        ids.sort_unstable();
        ids.dedup();
        let rows: Vec<(Id, String)> = person::Entity::find()
            .select_only()
            .columns([person::Column::Id, person::Column::DisplayName])
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(ids))
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows.into_iter().collect())
    }
}

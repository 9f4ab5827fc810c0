//! Notices to coordinators that no single change causes, written by tick jobs: a session in
//! the next 48 hours without the facilitators its phase needs, and the weekly digest. Both
//! are re-read when they are sent, so a gap filled in the meantime is not reported.

use crate::dialect::stmt;
use crate::entities::{facilitator_assignment as fa, follow_up_task, group, organization, user};
use crate::programs::program_specs;
use crate::stored::sql_words;
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AssignedFacilitator, FacilitationCheck};
use peergroup_domain::followup::TaskState;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::org::Role;
use peergroup_domain::records::SessionStatus;
pub use peergroup_domain::reminders::Digest;
use peergroup_domain::values::Key;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{ExprTrait, Query};
use sea_orm::{QueryOrder, QuerySelect};
use std::collections::HashMap;

/// How far ahead a session without its facilitators is reported.
pub fn roles_window() -> Duration {
    Duration::hours(48)
}

/// A coming session whose assigned facilitators do not fill its phase's lead roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleGap {
    pub org_id: Id,
    pub session_id: Id,
    pub sequence: i32,
    /// Each lead role short of its count, such as `educator: 0 of 1`.
    pub missing: Vec<String>,
}

/// One scheduled session in a window, as the checks read it.
pub(crate) struct Coming {
    pub(crate) id: Id,
    org_id: Id,
    pub(crate) group_id: Id,
    pub(crate) starts_at: DateTime<Utc>,
    sequence: i32,
    phase: i32,
    program_id: Id,
    pub(crate) number: i32,
    pub(crate) local_date: chrono::NaiveDate,
    pub(crate) local_time: chrono::NaiveTime,
}

/// Which scheduled sessions the checks read.
pub(crate) enum Scope {
    All,
    Org(Id),
    Session(Id, Id),
}

/// The scheduled sessions of active groups starting in `(from, to]`, in `scope`. Read group
/// by group through `(org_id, group_id, starts_at)`, as the reminder planner does.
pub(crate) async fn coming_sessions(
    conn: &impl ConnectionTrait,
    scope: Scope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Coming>> {
    // Text, not sea-query: the `CROSS JOIN` is a plan for SQLite that a builder would not
    // keep.
    let mut sql = format!(
        "SELECT s.id, s.org_id, s.group_id, s.starts_at, s.sequence, s.phase, g.program_id, \
         s.number, s.local_date, s.local_time \
         FROM peer_groups g CROSS JOIN sessions s \
         WHERE g.status IN ({}) \
         AND s.group_id = g.id AND s.org_id = g.org_id \
         AND s.starts_at > $1 AND s.starts_at <= $2 AND s.status = '{}'",
        sql_words(GroupStatus::ACTIVE),
        SessionStatus::Scheduled.as_str()
    );
    let mut values = vec![from.into(), to.into()];
    match scope {
        Scope::All => {}
        Scope::Org(org) => {
            sql.push_str(" AND g.org_id = $3");
            values.push(org.into());
        }
        Scope::Session(org, session) => {
            sql.push_str(" AND g.org_id = $3 AND s.id = $4");
            values.extend([org.into(), session.into()]);
        }
    }
    let rows = conn.query_all_raw(stmt(conn, &sql, values)).await?;
    rows.into_iter()
        .map(|row| {
            Ok(Coming {
                id: row.try_get("", "id")?,
                org_id: row.try_get("", "org_id")?,
                group_id: row.try_get("", "group_id")?,
                starts_at: row.try_get("", "starts_at")?,
                sequence: row.try_get("", "sequence")?,
                phase: row.try_get("", "phase")?,
                program_id: row.try_get("", "program_id")?,
                number: row.try_get("", "number")?,
                local_date: row.try_get("", "local_date")?,
                local_time: row.try_get("", "local_time")?,
            })
        })
        .collect()
}

/// The facilitators assigned to each of these `(org, group)` pairs.
pub(crate) async fn assigned_facilitators(
    conn: &impl ConnectionTrait,
    groups: &[(Id, Id)],
) -> Result<HashMap<Id, Vec<AssignedFacilitator>>> {
    let mut out: HashMap<Id, Vec<AssignedFacilitator>> = HashMap::new();
    for chunk in groups.chunks(500) {
        let orgs: Vec<Id> = chunk.iter().map(|&(o, _)| o).collect();
        for m in fa::Entity::find()
            .filter(fa::Column::OrgId.is_in(orgs))
            .filter(fa::Column::GroupId.is_in(chunk.iter().map(|&(_, g)| g)))
            .order_by_asc(fa::Column::Id)
            .all(conn)
            .await?
        {
            if !chunk.contains(&(m.org_id, m.group_id)) {
                continue;
            }
            out.entry(m.group_id)
                .or_default()
                .push(AssignedFacilitator {
                    person_id: m.person_id,
                    kind: m.role.0,
                    program_role: m
                        .program_role
                        .map(Key::parse)
                        .transpose()
                        .map_err(StoreError::Corrupt)?,
                });
        }
    }
    Ok(out)
}

/// The gaps among `sessions`: each checked against its group's assigned facilitators.
pub(crate) async fn gaps_of(
    conn: &impl ConnectionTrait,
    sessions: &[Coming],
) -> Result<Vec<RoleGap>> {
    let programs = program_specs(conn, sessions.iter().map(|s| s.program_id)).await?;
    let mut groups: Vec<(Id, Id)> = sessions.iter().map(|s| (s.org_id, s.group_id)).collect();
    groups.sort_unstable();
    groups.dedup();
    let facilitators = assigned_facilitators(conn, &groups).await?;
    let mut gaps = Vec::new();
    for s in sessions {
        let Some(program) = programs.get(&s.program_id) else {
            continue;
        };
        let Some(phase) = usize::try_from(s.phase)
            .ok()
            .and_then(|i| program.phases.get(i))
        else {
            continue;
        };
        let assigned: Vec<&AssignedFacilitator> = facilitators
            .get(&s.group_id)
            .map(|f| f.iter().collect())
            .unwrap_or_default();
        let check = FacilitationCheck::of(program, phase, &assigned);
        if !check.missing.is_empty() {
            gaps.push(RoleGap {
                org_id: s.org_id,
                session_id: s.id,
                sequence: s.sequence,
                missing: check.missing,
            });
        }
    }
    Ok(gaps)
}

/// The coordinators and admins of `org`, who receive its notices.
pub(crate) async fn coordinators(conn: &impl ConnectionTrait, org: Id) -> Result<Vec<Id>> {
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::OrgId.eq(org))
        .filter(user::Column::Role.is_in(["coordinator", "admin"]))
        .filter(user::Column::DeactivatedAt.is_null())
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

impl Store {
    /// Sessions starting within the next 48 hours whose assigned facilitators do not fill
    /// their phase's lead roles, across every organization.
    pub async fn role_gaps(&self) -> Result<Vec<RoleGap>> {
        let now = self.now();
        let sessions =
            coming_sessions(&self.reader(), Scope::All, now, now + roles_window()).await?;
        gaps_of(&self.reader(), &sessions).await
    }

    /// What one session still lacks, if it is still scheduled and coming: the check
    /// repeated when its notice is sent.
    pub async fn session_role_gap(&self, org: Id, session_id: Id) -> Result<Vec<String>> {
        let now = self.now();
        let scope = Scope::Session(org, session_id);
        let sessions = coming_sessions(&self.reader(), scope, now, now + roles_window()).await?;
        Ok(gaps_of(&self.reader(), &sessions)
            .await?
            .into_iter()
            .flat_map(|g| g.missing)
            .collect())
    }

    /// The digest of `org` for the 7 days from `from`, with follow-ups as they are now.
    pub async fn weekly_digest(&self, org: Id, from: DateTime<Utc>) -> Result<Digest> {
        let now = self.now();
        let org_name = organization::Entity::find_by_id(org)
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("organization"))?
            .name;
        let sessions = coming_sessions(
            &self.reader(),
            Scope::Org(org),
            from,
            from + Duration::days(7),
        )
        .await?;
        let mut digest = Digest {
            org_name,
            sessions: sessions.len() as u32,
            ..Digest::default()
        };
        let week: Vec<(Id, Id)> = sessions.iter().map(|s| (s.id, s.group_id)).collect();
        let needs = crate::supports::needs_at(&self.reader(), org, &week).await?;
        digest.childcare_children = needs.childcare_children;
        digest.transport = needs.transport;
        digest.food = needs.food;
        digest.interpreters = needs.interpreters;
        let open = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()));
        digest.open_follow_ups = open.clone().count(&self.reader()).await? as u32;
        digest.overdue_follow_ups = open
            .filter(follow_up_task::Column::DueAt.lt(now))
            .count(&self.reader())
            .await? as u32;
        Ok(digest)
    }
}

impl Tx {
    /// The coordinators and admins of every organization with an active group, as
    /// `(user, organization)`: who gets a weekly digest.
    pub async fn digest_readers(&self) -> Result<Vec<(Id, Id)>> {
        let active_group = Query::select()
            .expr(Expr::val(1))
            .from(group::Entity)
            .and_where(
                Expr::col((group::Entity, group::Column::OrgId))
                    .equals((user::Entity, user::Column::OrgId)),
            )
            .and_where(
                Expr::col((group::Entity, group::Column::Status))
                    .is_in(GroupStatus::ACTIVE.iter().map(|s| s.as_str())),
            )
            .to_owned();
        Ok(user::Entity::find()
            .select_only()
            .columns([user::Column::Id, user::Column::OrgId])
            .filter(user::Column::Role.is_in([Role::Coordinator.as_str(), Role::Admin.as_str()]))
            .filter(Expr::exists(active_group))
            .order_by_asc(user::Column::Id)
            .into_tuple()
            .all(&self.0)
            .await?)
    }
}

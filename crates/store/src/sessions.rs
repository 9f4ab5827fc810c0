//! A group's sessions as the API shows them, and the exclusion calendar. Laying sessions
//! out is `peergroup_app::schedules`, written through `schedule_writes`; changes to one
//! session are `peergroup_app::session_changes`, written through `session_writes`.

use crate::coordinator_notices::assigned_facilitators;
use crate::entities::{calendar_exclusion, group, program, session};
use crate::group_lock::find_group_for_update;
use crate::programs::program_spec;
use crate::{Result, Store, StoreError, from_json};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AssignedFacilitator, FacilitationCheck};
use peergroup_domain::group::Venue;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::{Exclusion, Session, SessionStatus};
use peergroup_domain::values::Text;
use peergroup_domain::values::{Name, TimeZone};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, Condition, DatabaseTransaction, QueryOrder};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Whose sessions to list.
#[derive(Debug, Clone)]
pub enum SessionScope {
    Organization,
    Groups(Vec<Id>),
}

/// Which sessions by time: local dates in each group's own timezone, or instants.
#[derive(Debug, Clone, Copy)]
pub enum SessionRange {
    /// `[from, to)` in each session's group-local date.
    LocalDates { from: NaiveDate, to: NaiveDate },
    /// `[from, to)` as instants.
    Instants {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// The people assigned to facilitate a group.
pub(crate) async fn group_facilitators(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
) -> Result<Vec<Id>> {
    use crate::entities::facilitator_assignment as fa;
    use sea_orm::QuerySelect;
    Ok(fa::Entity::find()
        .select_only()
        .column(fa::Column::PersonId)
        .filter(fa::Column::OrgId.eq(org))
        .filter(fa::Column::GroupId.eq(group_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// What a session record needs from its group and program. The program is shared between
/// the contexts of groups that run it.
struct Context {
    program: Arc<ProgramSpec>,
    tz: TimeZone,
    venue: Venue,
    /// Who is assigned to the group, for the phase's lead roles.
    facilitators: Vec<AssignedFacilitator>,
}

async fn context(conn: &impl ConnectionTrait, org: Id, group: &group::Model) -> Result<Context> {
    let program = program_spec(conn, org, group.program_id).await?;
    let mut facilitators = assigned_facilitators(conn, &[(org, group.id)]).await?;
    context_for(
        group,
        Arc::new(program),
        facilitators.remove(&group.id).unwrap_or_default(),
    )
}

fn context_for(
    group: &group::Model,
    program: Arc<ProgramSpec>,
    facilitators: Vec<AssignedFacilitator>,
) -> Result<Context> {
    let corrupt = StoreError::Corrupt;
    Ok(Context {
        facilitators,
        program,
        tz: TimeZone::parse(&group.timezone).map_err(corrupt)?,
        venue: Venue {
            name: Name::parse(group.venue_name.clone()).map_err(corrupt)?,
            address: group
                .venue_address
                .clone()
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            accessibility_notes: group
                .venue_accessibility_notes
                .clone()
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
        },
    })
}

/// How many participants said "I can't come" to each of `sessions`.
async fn cannot_come_counts(
    conn: &impl ConnectionTrait,
    org: Id,
    sessions: &[Id],
) -> Result<HashMap<Id, u32>> {
    use crate::entities::absence_notice;
    use sea_orm::QuerySelect;
    if sessions.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Id, i64)> = absence_notice::Entity::find()
        .select_only()
        .column(absence_notice::Column::SessionId)
        .column_as(absence_notice::Column::Id.count(), "n")
        .filter(absence_notice::Column::OrgId.eq(org))
        .filter(absence_notice::Column::SessionId.is_in(sessions.iter().copied()))
        .group_by(absence_notice::Column::SessionId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(s, n)| (s, u32::try_from(n).unwrap_or(0)))
        .collect())
}

async fn cannot_come_count(conn: &impl ConnectionTrait, org: Id, session: Id) -> Result<u32> {
    Ok(cannot_come_counts(conn, org, &[session])
        .await?
        .remove(&session)
        .unwrap_or(0))
}

fn session_record(
    m: session::Model,
    cx: &Context,
    display: chrono_tz::Tz,
    cannot_come: u32,
) -> Result<Session> {
    let phase = usize::try_from(m.phase).unwrap_or(usize::MAX);
    let phase_spec = cx.program.phases.get(phase);
    let planned_topic = m
        .plan
        .and_then(|p| usize::try_from(p).ok())
        .and_then(|p| phase_spec.and_then(|ph| ph.session_plans.get(p)))
        .map(|plan| plan.topic.to_string());
    let topic = m.topic.clone().or(planned_topic);
    let minutes = u32::try_from(m.minutes).unwrap_or(0);
    let corrupt = StoreError::Corrupt;
    let venue = match &m.venue_name {
        Some(name) => Venue {
            name: Name::parse(name.clone()).map_err(corrupt)?,
            address: m
                .venue_address
                .clone()
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            accessibility_notes: None,
        },
        None => cx.venue.clone(),
    };
    let tz = cx.tz;
    let status: SessionStatus = m.status.0;
    let roles_missing = match phase_spec {
        Some(phase) if status == SessionStatus::Scheduled => {
            let assigned: Vec<&AssignedFacilitator> = cx.facilitators.iter().collect();
            FacilitationCheck::of(&cx.program, phase, &assigned).missing
        }
        _ => Vec::new(),
    };
    Ok(Session {
        roles_missing,
        cannot_come,
        id: m.id,
        group_id: m.group_id,
        kind: m.kind.0,
        changed_by_hand: m.manual,
        venue,
        number: u32::try_from(m.number).unwrap_or(0),
        phase: u32::try_from(m.phase).unwrap_or(0),
        phase_name: phase_spec.map(|p| p.name.to_string()).unwrap_or_default(),
        number_in_phase: u32::try_from(m.number_in_phase).unwrap_or(0),
        topic,
        timezone: tz.name().to_string(),
        local_date: m.local_date,
        local_time: m.local_time.format("%H:%M").to_string(),
        starts_at: m.starts_at,
        ends_at: m.starts_at + Duration::minutes(i64::from(minutes)),
        starts_at_local: m.starts_at.with_timezone(&display).to_rfc3339(),
        minutes,
        status,
        sequence: u32::try_from(m.sequence).unwrap_or(0),
        cancel_reason: m.cancel_reason,
    })
}

pub(crate) fn exclusion_record(m: calendar_exclusion::Model) -> Exclusion {
    Exclusion {
        id: m.id,
        group_id: m.group_id,
        date: m.date,
        reason: m.reason,
    }
}

impl Store {
    /// Sessions starting within `range`, of the groups in `scope`, with starts shown in
    /// `display` (each group's own timezone when `None`).
    pub async fn list_sessions(
        &self,
        org: Id,
        scope: &SessionScope,
        range: SessionRange,
        display: Option<chrono_tz::Tz>,
    ) -> Result<Vec<Session>> {
        let mut query = session::Entity::find().filter(session::Column::OrgId.eq(org));
        match scope {
            SessionScope::Organization => {}
            SessionScope::Groups(ids) if ids.is_empty() => return Ok(Vec::new()),
            SessionScope::Groups(ids) => {
                query = query.filter(session::Column::GroupId.is_in(ids.iter().copied()))
            }
        }
        query = match range {
            SessionRange::LocalDates { from, to } => query
                .filter(session::Column::LocalDate.gte(from))
                .filter(session::Column::LocalDate.lt(to)),
            SessionRange::Instants { from, to } => query
                .filter(session::Column::StartsAt.gte(from))
                .filter(session::Column::StartsAt.lt(to)),
        };
        let rows = query
            .order_by_asc(session::Column::StartsAt)
            .order_by_asc(session::Column::Id)
            .all(&self.reader())
            .await?;
        let group_ids: BTreeSet<Id> = rows.iter().map(|m| m.group_id).collect();
        let groups = group::Entity::find()
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Id.is_in(group_ids))
            .all(&self.reader())
            .await?;
        // Each program once, however many of its groups the listing touches.
        let program_ids: BTreeSet<Id> = groups.iter().map(|g| g.program_id).collect();
        let mut programs: HashMap<Id, Arc<ProgramSpec>> = HashMap::new();
        for p in program::Entity::find()
            .filter(program::Column::OrgId.eq(org))
            .filter(program::Column::Id.is_in(program_ids))
            .all(&self.reader())
            .await?
        {
            programs.insert(p.id, Arc::new(from_json(p.spec)?));
        }
        let pairs: Vec<(Id, Id)> = groups.iter().map(|g| (org, g.id)).collect();
        let mut facilitators = assigned_facilitators(&self.reader(), &pairs).await?;
        let mut contexts = HashMap::new();
        for g in &groups {
            let program = programs
                .get(&g.program_id)
                .cloned()
                .ok_or(StoreError::NotFound("program"))?;
            let assigned = facilitators.remove(&g.id).unwrap_or_default();
            contexts.insert(g.id, context_for(g, program, assigned)?);
        }
        let ids: Vec<Id> = rows.iter().map(|m| m.id).collect();
        let notices = cannot_come_counts(&self.reader(), org, &ids).await?;
        rows.into_iter()
            .map(|m| {
                let cx = contexts
                    .get(&m.group_id)
                    .ok_or(StoreError::NotFound("group"))?;
                let n = notices.get(&m.id).copied().unwrap_or(0);
                session_record(m, cx, display.unwrap_or(cx.tz.tz()), n)
            })
            .collect()
    }

    /// The groups a person facilitates.
    pub async fn groups_facilitated_by(&self, org: Id, person_id: Id) -> Result<Vec<Id>> {
        use crate::entities::facilitator_assignment as fa;
        use sea_orm::QuerySelect;
        Ok(fa::Entity::find()
            .select_only()
            .column(fa::Column::GroupId)
            .filter(fa::Column::OrgId.eq(org))
            .filter(fa::Column::PersonId.eq(person_id))
            .into_tuple()
            .all(&self.reader())
            .await?)
    }

    /// The organization's exclusions, or those of one group (its own and the organization's).
    pub async fn list_exclusions(&self, org: Id, group_id: Option<Id>) -> Result<Vec<Exclusion>> {
        let mut query =
            calendar_exclusion::Entity::find().filter(calendar_exclusion::Column::OrgId.eq(org));
        query = match group_id {
            Some(g) => query.filter(
                Condition::any()
                    .add(calendar_exclusion::Column::GroupId.is_null())
                    .add(calendar_exclusion::Column::GroupId.eq(g)),
            ),
            None => query,
        };
        Ok(query
            .order_by_asc(calendar_exclusion::Column::Date)
            .order_by_asc(calendar_exclusion::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(exclusion_record)
            .collect())
    }

    pub async fn remove_exclusion(&self, org: Id, id: Id) -> Result<()> {
        let deleted = calendar_exclusion::Entity::delete_many()
            .filter(calendar_exclusion::Column::OrgId.eq(org))
            .filter(calendar_exclusion::Column::Id.eq(id))
            .exec(&self.writer())
            .await?;
        if deleted.rows_affected == 0 {
            return Err(StoreError::NotFound("exclusion"));
        }
        Ok(())
    }
}

async fn session_for_update(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<session::Model> {
    session::Entity::find_by_id(id)
        .filter(session::Column::OrgId.eq(org))
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound("session"))
}

/// A session and its group, the group locked on PostgreSQL. The session is read again once
/// the lock is held, so that a change committed meanwhile (a roll-call, a cancellation) is
/// seen: locks are always taken group first.
pub(crate) async fn session_and_group_for_update(
    txn: &DatabaseTransaction,
    org: Id,
    id: Id,
) -> Result<(session::Model, group::Model)> {
    let first = session_for_update(txn, org, id).await?;
    let group = find_group_for_update(txn, org, first.group_id).await?;
    let m = if crate::dialect::of(txn).locks_rows() {
        session_for_update(txn, org, id).await?
    } else {
        first
    };
    Ok((m, group))
}

pub(crate) fn set_venue(active: &mut session::ActiveModel, venue: Option<&Venue>) {
    active.venue_name = Set(venue.map(|v| v.name.to_string()));
    active.venue_address = Set(venue
        .and_then(|v| v.address.as_ref())
        .map(|a| a.to_string()));
}

impl Store {
    pub async fn get_session(&self, org: Id, id: Id) -> Result<Session> {
        let m = session_for_update(&self.reader(), org, id).await?;
        let group = group::Entity::find_by_id(m.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        let cx = context(&self.reader(), org, &group).await?;
        let n = cannot_come_count(&self.reader(), org, m.id).await?;
        session_record(m, &cx, cx.tz.tz(), n)
    }
}

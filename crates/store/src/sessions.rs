//! A group's sessions, generated from its program and stored, and the exclusion calendar.
//!
//! Regenerating (after a program, group or calendar change) touches only the future: a held
//! session or one that has started is never changed. Future scheduled sessions are matched by
//! number and updated in place, their sequence bumped when anything changed; sessions that no
//! longer fit the plan are cancelled (they stay visible), never deleted.

use crate::conflicts::{Slot, refuse_facilitator_clash, venue_warnings_among};
use crate::coordinator_notices::assigned_facilitators;
use crate::entities::{calendar_exclusion, group, program, session};
use crate::group_lock::find_group_for_update;
use crate::joined_reads::{group_and_program, schedule_facts};
use crate::programs::program_spec;
use crate::reminders::changed_notice;
use crate::{Result, Store, StoreError, from_json, parse_stored};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AssignedFacilitator, FacilitationCheck};
use peergroup_domain::group::Venue;
use peergroup_domain::group::{GroupStatus, Weekday};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::GenerateOutcome;
use peergroup_domain::records::{Exclusion, Session, SessionKind, SessionStatus};
use peergroup_domain::schedule::{self, ExclusionPolicy, PlannedSession, ScheduleInput};
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

/// At most this many dates in one exclusion request.
pub const MAX_EXCLUSIONS_PER_REQUEST: usize = 400;

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
    let status: SessionStatus = parse_stored(&m.status)?;
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
        kind: parse_stored(&m.kind)?,
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

fn exclusion_record(m: calendar_exclusion::Model) -> Exclusion {
    Exclusion {
        id: m.id,
        group_id: m.group_id,
        date: m.date,
        reason: m.reason,
    }
}

fn plan_for(
    group: &group::Model,
    program: &ProgramSpec,
    exclusions: &BTreeSet<NaiveDate>,
) -> Result<Vec<PlannedSession>> {
    let weekdays: Vec<Weekday> = from_json(group.weekdays.clone())?;
    let tz = TimeZone::parse(&group.timezone).map_err(StoreError::Corrupt)?;
    let policy: ExclusionPolicy = parse_stored(&group.exclusion_policy)?;
    Ok(schedule::generate(&ScheduleInput {
        phases: &program.phases,
        start_date: group.start_date,
        weekdays: &weekdays,
        start_time: group.start_time,
        timezone: tz.tz(),
        exclusions,
        policy,
    }))
}

fn same_slot(m: &session::Model, p: &PlannedSession) -> bool {
    m.starts_at == p.starts_at
        && m.local_date == p.local_date
        && m.local_time == p.local_time
        && m.minutes == i32::from(p.minutes)
        && m.phase == p.phase as i32
        && m.number_in_phase == p.number_in_phase as i32
        && m.plan == p.plan.map(|x| x as i32)
}

impl Store {
    /// Lays out (or lays out again) a group's sessions from its program, start date,
    /// weekdays, local time, timezone and the exclusion calendar. Refused (409) when one of
    /// the group's facilitators would be in two sessions at once.
    /// With `include_past`, the plan's sessions that fall before now are created too (a
    /// group that was running before it was brought in), to be logged; without, they are
    /// counted in `skipped_past` and named in a warning. Neither gets reminders.
    pub async fn generate_sessions(
        &self,
        org: Id,
        group_id: Id,
        include_past: bool,
    ) -> Result<GenerateOutcome> {
        let txn = self.writer().begin().await?;
        let (group, program) = group_and_program(&txn, org, group_id).await?;
        let status: GroupStatus = parse_stored(&group.status)?;
        if matches!(status, GroupStatus::Completed | GroupStatus::Cancelled) {
            return Err(StoreError::Conflict(format!(
                "a {status} group's schedule cannot change"
            )));
        }
        let facts = schedule_facts(&txn, org, &group).await?;
        let plan = plan_for(&group, &program, &facts.exclusions)?;

        let now = self.now();
        let existing = session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.eq(group_id))
            .all(&txn)
            .await?;
        let mut outcome = GenerateOutcome::default();
        let mut by_number: HashMap<i32, session::Model> = HashMap::new();
        let mut frozen: BTreeSet<i32> = BTreeSet::new();
        for m in existing {
            if m.kind == SessionKind::Extra.as_str() {
                continue;
            }
            let held = m.status == SessionStatus::Held.as_str();
            if held
                || m.manual
                || m.starts_at <= now
                || m.status == SessionStatus::Cancelled.as_str()
            {
                // The past, the logged, and coordinators' changes stay as they are.
                frozen.insert(m.number);
                outcome.kept += 1;
            } else {
                by_number.insert(m.number, m);
            }
        }
        // Decide everything first, check conflicts, then write.
        let mut updates = Vec::new();
        let mut creates = Vec::new();
        let mut skipped = Vec::new();
        for p in plan.iter().filter(|p| !frozen.contains(&(p.number as i32))) {
            if p.starts_at <= now {
                // A session of the plan that has no row and whose time has passed.
                if by_number.contains_key(&(p.number as i32)) {
                    continue;
                }
                if include_past {
                    creates.push(p);
                } else {
                    skipped.push(p.number);
                }
                continue;
            }
            match by_number.remove(&(p.number as i32)) {
                Some(m) if same_slot(&m, p) => outcome.unchanged += 1,
                Some(m) => updates.push((m, p)),
                None => creates.push(p),
            }
        }
        let changed: Vec<Slot> = updates
            .iter()
            .map(|(_, p)| *p)
            .chain(creates.iter().copied())
            .map(|p| Slot {
                starts_at: p.starts_at,
                ends_at: p.ends_at(),
            })
            .collect();
        let people: Vec<Id> = facts.facilitators.iter().map(|f| f.person_id).collect();
        refuse_facilitator_clash(&txn, org, group_id, &people, &changed).await?;
        outcome.warnings = venue_warnings_among(
            &txn,
            org,
            group_id,
            &group.venue_name,
            &facts.same_venue,
            &changed,
        )
        .await?;
        if let (Some(first), Some(last)) = (skipped.first(), skipped.last()) {
            outcome.skipped_past = skipped.len() as u32;
            let which = if first == last {
                format!("session {first} falls")
            } else {
                format!("sessions {first} to {last} fall")
            };
            outcome.warnings.push(format!(
                "{which} before now and {} not created; generate with include_past=true to add them and log them",
                if skipped.len() == 1 { "was" } else { "were" }
            ));
        }
        let assigned: Vec<&AssignedFacilitator> = facts.facilitators.iter().collect();
        for phase in &program.phases {
            let check = FacilitationCheck::of(&program, phase, &assigned);
            if !check.missing.is_empty() {
                outcome.warnings.push(format!(
                    "phase `{}` is led by roles not yet assigned: {}",
                    phase.name,
                    check.missing.join(", ")
                ));
            }
        }

        // People already reminded of a moved or dropped session hear about it.
        let mut notices = Vec::new();
        for (m, p) in updates {
            let sequence = m.sequence + 1;
            notices.push(changed_notice(org, m.id, sequence, now));
            let mut active: session::ActiveModel = m.into();
            write_plan(&mut active, p);
            active.sequence = Set(sequence);
            active.updated_at = Set(now);
            active.update(&txn).await?;
            outcome.updated += 1;
        }
        // One multi-row insert for the new sessions.
        let new: Vec<session::ActiveModel> = creates
            .iter()
            .map(|p| {
                let mut active = session::ActiveModel {
                    org_id: Set(org),
                    group_id: Set(group_id),
                    number: Set(p.number as i32),
                    status: Set(SessionStatus::Scheduled.as_str().to_string()),
                    sequence: Set(0),
                    cancel_reason: Set(None),
                    kind: Set(SessionKind::Planned.as_str().to_string()),
                    manual: Set(false),
                    topic: Set(None),
                    venue_name: Set(None),
                    venue_address: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                };
                write_plan(&mut active, p);
                active
            })
            .collect();
        outcome.created = new.len() as u32;
        if !new.is_empty() {
            session::Entity::insert_many(new)
                .exec_without_returning(&txn)
                .await?;
        }
        for (_, m) in by_number {
            let sequence = m.sequence + 1;
            notices.push(changed_notice(org, m.id, sequence, now));
            let mut active: session::ActiveModel = m.into();
            active.status = Set(SessionStatus::Cancelled.as_str().to_string());
            active.cancel_reason = Set(Some("no longer in the schedule".into()));
            active.sequence = Set(sequence);
            active.updated_at = Set(now);
            active.update(&txn).await?;
            outcome.cancelled += 1;
        }
        crate::jobs::enqueue(&txn, &notices, now).await?;
        txn.commit().await?;
        Ok(outcome)
    }

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

    /// Adds dates with no session, for the organization or one group. Dates already
    /// excluded are not added twice.
    pub async fn add_exclusions(
        &self,
        org: Id,
        group_id: Option<Id>,
        dates: &[NaiveDate],
        reason: &Name,
    ) -> Result<Vec<Exclusion>> {
        if dates.is_empty() || dates.len() > MAX_EXCLUSIONS_PER_REQUEST {
            return Err(StoreError::invalid(
                "dates",
                format!("give from 1 to {MAX_EXCLUSIONS_PER_REQUEST} dates"),
            ));
        }
        let txn = self.writer().begin().await?;
        if let Some(group_id) = group_id {
            let exists = group::Entity::find_by_id(group_id)
                .filter(group::Column::OrgId.eq(org))
                .count(&txn)
                .await?;
            if exists == 0 {
                return Err(StoreError::invalid(
                    "group_id",
                    "no such group in this organization",
                ));
            }
        }
        let mut query = calendar_exclusion::Entity::find()
            .filter(calendar_exclusion::Column::OrgId.eq(org))
            .filter(calendar_exclusion::Column::Date.is_in(dates.iter().copied()));
        query = match group_id {
            Some(g) => query.filter(calendar_exclusion::Column::GroupId.eq(g)),
            None => query.filter(calendar_exclusion::Column::GroupId.is_null()),
        };
        let already: BTreeSet<NaiveDate> =
            query.all(&txn).await?.into_iter().map(|e| e.date).collect();
        let new: BTreeSet<NaiveDate> = dates
            .iter()
            .copied()
            .filter(|d| !already.contains(d))
            .collect();
        let now = self.now();
        let mut created = Vec::new();
        for date in new {
            let m = calendar_exclusion::ActiveModel {
                org_id: Set(org),
                group_id: Set(group_id),
                date: Set(date),
                reason: Set(reason.to_string()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            created.push(exclusion_record(m));
        }
        txn.commit().await?;
        Ok(created)
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

fn write_plan(active: &mut session::ActiveModel, p: &PlannedSession) {
    active.phase = Set(p.phase as i32);
    active.number_in_phase = Set(p.number_in_phase as i32);
    active.plan = Set(p.plan.map(|x| x as i32));
    active.local_date = Set(p.local_date);
    active.local_time = Set(p.local_time);
    active.starts_at = Set(p.starts_at);
    active.ends_at = Set(p.ends_at());
    active.minutes = Set(i32::from(p.minutes));
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

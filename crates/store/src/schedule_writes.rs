//! The reads and writes that laying out a group's schedule again is made of, inside a use
//! case's transaction. The use case, and the rule that matches stored sessions to the plan
//! (`peergroup_domain::regeneration`), are in `peergroup_app::schedules`.

use crate::conflicts::{Slot, refuse_facilitator_clash, venue_warnings_among};
use crate::entities::session;
use crate::joined_reads::{group_and_program, schedule_facts};
use crate::reminders::changed_notice;
use crate::session_writes::update_session;
use crate::stored::Stored;
use crate::{Result, StoreError, Tx, from_json};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::AssignedFacilitator;
use peergroup_domain::group::{GroupStatus, Weekday};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::{SessionKind, SessionStatus};
use peergroup_domain::regeneration::{Regeneration, StoredSession};
use peergroup_domain::schedule::{ExclusionPolicy, PlannedSession, ScheduleInput};
use peergroup_domain::values::TimeZone;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use std::collections::BTreeSet;

/// A group with everything its plan is laid out from, read with the group locked.
pub struct GroupSchedule {
    pub status: GroupStatus,
    pub venue_name: String,
    pub program: ProgramSpec,
    pub start_date: NaiveDate,
    pub weekdays: Vec<Weekday>,
    pub start_time: NaiveTime,
    pub timezone: TimeZone,
    pub policy: ExclusionPolicy,
    /// Dates with no session: the group's own and the organization's.
    pub exclusions: BTreeSet<NaiveDate>,
    pub facilitators: Vec<AssignedFacilitator>,
    /// Other groups meeting at the group's venue.
    pub same_venue: Vec<Id>,
}

impl GroupSchedule {
    /// What the plan is generated from.
    pub fn input(&self) -> ScheduleInput<'_> {
        ScheduleInput {
            phases: &self.program.phases,
            start_date: self.start_date,
            weekdays: &self.weekdays,
            start_time: self.start_time,
            timezone: self.timezone.tz(),
            exclusions: &self.exclusions,
            policy: self.policy,
        }
    }
}

/// What writing a regeneration changed.
pub struct Written {
    pub created: u32,
    pub updated: u32,
    pub cancelled: u32,
}

fn slot(p: &PlannedSession) -> Slot {
    Slot {
        starts_at: p.starts_at,
        ends_at: p.ends_at(),
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

impl Tx {
    /// The group and what its plan is laid out from, or 404.
    pub async fn group_schedule(&self, org: Id, group_id: Id) -> Result<GroupSchedule> {
        let (group, program) = group_and_program(&self.0, org, group_id).await?;
        let facts = schedule_facts(&self.0, org, &group).await?;
        Ok(GroupSchedule {
            status: group.status.0,
            program,
            start_date: group.start_date,
            weekdays: from_json(group.weekdays)?,
            start_time: group.start_time,
            timezone: TimeZone::parse(&group.timezone).map_err(StoreError::Corrupt)?,
            policy: group.exclusion_policy.0,
            venue_name: group.venue_name,
            exclusions: facts.exclusions,
            facilitators: facts.facilitators,
            same_venue: facts.same_venue,
        })
    }

    /// The group's stored sessions of the plan (extra sessions are not the plan's).
    pub async fn plan_sessions(&self, org: Id, group_id: Id) -> Result<Vec<StoredSession>> {
        session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.eq(group_id))
            .filter(session::Column::Kind.ne(SessionKind::Extra.as_str()))
            .all(&self.0)
            .await?
            .into_iter()
            .map(|m| {
                Ok(StoredSession {
                    id: m.id,
                    status: m.status.0,
                    manual: m.manual,
                    sequence: m.sequence,
                    slot: PlannedSession {
                        number: u32::try_from(m.number).unwrap_or(0),
                        phase: usize::try_from(m.phase).unwrap_or(0),
                        number_in_phase: u32::try_from(m.number_in_phase).unwrap_or(0),
                        plan: m.plan.and_then(|p| usize::try_from(p).ok()),
                        local_date: m.local_date,
                        local_time: m.local_time,
                        starts_at: m.starts_at,
                        minutes: u16::try_from(m.minutes).unwrap_or(0),
                    },
                })
            })
            .collect()
    }

    /// Refuses (409) slots that put one of the group's facilitators in two sessions at
    /// once; returns a warning for each other group at the venue at the same time.
    pub async fn check_slots<'p>(
        &self,
        org: Id,
        g: &GroupSchedule,
        group_id: Id,
        slots: impl Iterator<Item = &'p PlannedSession>,
    ) -> Result<Vec<String>> {
        let slots: Vec<Slot> = slots.map(slot).collect();
        let people: Vec<Id> = g.facilitators.iter().map(|f| f.person_id).collect();
        refuse_facilitator_clash(&self.0, org, group_id, &people, &slots).await?;
        venue_warnings_among(&self.0, org, group_id, &g.venue_name, &g.same_venue, &slots).await
    }

    /// Writes what regeneration decided: sessions moved and cancelled (each with the job
    /// that tells people already reminded), and new ones in one insert.
    pub async fn write_regeneration(
        &self,
        org: Id,
        group_id: Id,
        r: &Regeneration<'_>,
        now: DateTime<Utc>,
    ) -> Result<Written> {
        let mut notices = Vec::new();
        for (id, sequence, p) in &r.updates {
            notices.push(changed_notice(org, *id, *sequence, now));
            let mut active = session::ActiveModel {
                sequence: Set(*sequence),
                updated_at: Set(now),
                ..Default::default()
            };
            write_plan(&mut active, p);
            update_session(&self.0, org, *id, active).await?;
        }
        let new: Vec<session::ActiveModel> = r
            .creates
            .iter()
            .map(|p| {
                let mut active = session::ActiveModel {
                    org_id: Set(org),
                    group_id: Set(group_id),
                    number: Set(p.number as i32),
                    status: Set(Stored(SessionStatus::Scheduled)),
                    sequence: Set(0),
                    cancel_reason: Set(None),
                    kind: Set(Stored(SessionKind::Planned)),
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
        if !new.is_empty() {
            session::Entity::insert_many(new)
                .exec_without_returning(&self.0)
                .await?;
        }
        for (id, sequence) in &r.cancels {
            notices.push(changed_notice(org, *id, *sequence, now));
            let active = session::ActiveModel {
                status: Set(Stored(SessionStatus::Cancelled)),
                cancel_reason: Set(Some("no longer in the schedule".into())),
                sequence: Set(*sequence),
                updated_at: Set(now),
                ..Default::default()
            };
            update_session(&self.0, org, *id, active).await?;
        }
        crate::jobs::enqueue(&self.0, &notices, now).await?;
        Ok(Written {
            created: r.creates.len() as u32,
            updated: r.updates.len() as u32,
            cancelled: r.cancels.len() as u32,
        })
    }
}

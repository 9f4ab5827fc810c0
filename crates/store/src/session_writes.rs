//! The reads and writes that a change to one session is made of, inside a use case's
//! transaction. The use cases that combine them (move, cancel, add) are in
//! `peergroup_app::session_changes`.

use crate::conflicts::{Slot, refuse_facilitator_clash, venue_warnings};
use crate::entities::session;
use crate::group_lock::find_group_for_update;
use crate::reminders::changed_notice;
use crate::sessions::{group_facilitators, session_and_group_for_update, set_venue};
use crate::stored::Stored;
use crate::{Result, StoreError, Tx};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use peergroup_domain::Id;
use peergroup_domain::group::{GroupStatus, Venue};
use peergroup_domain::records::{SessionKind, SessionStatus};
use peergroup_domain::schedule::ExtraSession;
use peergroup_domain::values::{Text, TimeZone};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;

/// A session about to change, read with its group locked.
pub struct SessionToChange {
    pub group_id: Id,
    pub status: SessionStatus,
    pub local_date: NaiveDate,
    pub local_time: NaiveTime,
    pub minutes: u16,
    pub sequence: i32,
    /// Where it meets: its own venue if it was moved, else its group's.
    pub venue_name: String,
    /// Its group's timezone.
    pub tz: Tz,
}

/// A group about to get a session, read locked.
pub struct GroupToChange {
    pub status: GroupStatus,
    pub tz: Tz,
    pub venue_name: String,
}

/// When a session is to meet: the group-local date and wall-clock time, and the instants.
pub struct Placement {
    pub local_date: NaiveDate,
    pub local_time: NaiveTime,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Placement {
    fn slot(&self) -> Slot {
        Slot {
            starts_at: self.starts_at,
            ends_at: self.ends_at,
        }
    }
}

fn timezone(name: &str) -> Result<Tz> {
    Ok(TimeZone::parse(name).map_err(StoreError::Corrupt)?.tz())
}

impl Tx {
    /// The session, or 404 for another organization's; its group stays locked until the
    /// transaction ends.
    pub async fn session_to_change(&self, org: Id, id: Id) -> Result<SessionToChange> {
        let (m, group) = session_and_group_for_update(&self.0, org, id).await?;
        Ok(SessionToChange {
            group_id: m.group_id,
            status: m.status.0,
            local_date: m.local_date,
            local_time: m.local_time,
            minutes: u16::try_from(m.minutes).unwrap_or(0),
            sequence: m.sequence,
            venue_name: m.venue_name.unwrap_or_else(|| group.venue_name.clone()),
            tz: timezone(&group.timezone)?,
        })
    }

    /// The group, or 404; locked until the transaction ends.
    pub async fn group_to_change(&self, org: Id, group_id: Id) -> Result<GroupToChange> {
        let group = find_group_for_update(&self.0, org, group_id).await?;
        Ok(GroupToChange {
            status: group.status.0,
            tz: timezone(&group.timezone)?,
            venue_name: group.venue_name,
        })
    }

    /// Refuses (409, naming the other session) a placement that puts one of the group's
    /// facilitators in two sessions at once; returns a warning for each other group meeting
    /// at `venue` at the same time.
    pub async fn check_placement(
        &self,
        org: Id,
        group_id: Id,
        at: &Placement,
        venue: &str,
    ) -> Result<Vec<String>> {
        let people = group_facilitators(&self.0, org, group_id).await?;
        refuse_facilitator_clash(&self.0, org, group_id, &people, &[at.slot()]).await?;
        venue_warnings(&self.0, org, group_id, venue, &[at.slot()]).await
    }

    /// Moves a session, and from now on regeneration leaves it alone.
    pub async fn move_session(
        &self,
        org: Id,
        id: Id,
        at: &Placement,
        venue: Option<&Venue>,
        sequence: i32,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut active = session::ActiveModel {
            local_date: Set(at.local_date),
            local_time: Set(at.local_time),
            starts_at: Set(at.starts_at),
            ends_at: Set(at.ends_at),
            manual: Set(true),
            sequence: Set(sequence),
            updated_at: Set(now),
            ..Default::default()
        };
        if venue.is_some() {
            set_venue(&mut active, venue);
        }
        update_session(&self.0, org, id, active).await
    }

    /// Marks a session cancelled with a reason; it stays visible.
    pub async fn cancel_session(
        &self,
        org: Id,
        id: Id,
        reason: &Text,
        sequence: i32,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let active = session::ActiveModel {
            status: Set(Stored(SessionStatus::Cancelled)),
            cancel_reason: Set(Some(reason.to_string())),
            sequence: Set(sequence),
            updated_at: Set(now),
            ..Default::default()
        };
        update_session(&self.0, org, id, active).await
    }

    /// Adds a session outside the plan. Returns its id.
    pub async fn add_extra_session(
        &self,
        org: Id,
        group_id: Id,
        at: &Placement,
        extra: &ExtraSession,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let mut active = session::ActiveModel {
            org_id: Set(org),
            group_id: Set(group_id),
            ends_at: Set(at.ends_at),
            number: Set(0),
            phase: Set(0),
            number_in_phase: Set(0),
            plan: Set(None),
            local_date: Set(at.local_date),
            local_time: Set(at.local_time),
            starts_at: Set(at.starts_at),
            minutes: Set(i32::from(extra.minutes)),
            status: Set(Stored(SessionStatus::Scheduled)),
            sequence: Set(0),
            cancel_reason: Set(None),
            kind: Set(Stored(SessionKind::Extra)),
            manual: Set(true),
            topic: Set(extra.topic.as_ref().map(|t| t.to_string())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        set_venue(&mut active, extra.venue.as_ref());
        Ok(active.insert(&self.0).await?.id)
    }

    /// Queues the job that tells everyone already reminded of the session that it changed.
    pub async fn queue_session_changed(
        &self,
        org: Id,
        id: Id,
        sequence: i32,
        now: DateTime<Utc>,
    ) -> Result<()> {
        crate::jobs::enqueue(&self.0, &[changed_notice(org, id, sequence, now)], now).await?;
        Ok(())
    }
}

/// Writes the set columns of session `id` of `org`.
pub(crate) async fn update_session(
    txn: &sea_orm::DatabaseTransaction,
    org: Id,
    id: Id,
    active: session::ActiveModel,
) -> Result<()> {
    let done = session::Entity::update_many()
        .set(active)
        .filter(session::Column::Id.eq(id))
        .filter(session::Column::OrgId.eq(org))
        .exec(txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(StoreError::NotFound("session"));
    }
    Ok(())
}

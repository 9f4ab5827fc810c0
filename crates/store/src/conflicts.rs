//! Scheduling conflicts. A facilitator cannot be in two overlapping sessions: such a change
//! is refused, naming the session it clashes with. Two groups at the same venue at once is
//! allowed (a big hall has rooms) but reported as a warning.

use crate::entities::{facilitator_assignment, group, person, session};
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::group::venue_key;
use peergroup_domain::records::SessionStatus;
use sea_orm::QuerySelect;
use sea_orm::entity::prelude::*;
use std::collections::HashSet;

/// A time a session would occupy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Slot {
    fn overlaps(&self, other: &session::Model) -> bool {
        other.starts_at < self.ends_at && other.ends_at > self.starts_at
    }
}

/// Live (not cancelled) sessions of `groups` touching the window spanned by `slots`.
async fn sessions_in_window(
    conn: &impl ConnectionTrait,
    org: Id,
    groups: Vec<Id>,
    slots: &[Slot],
) -> Result<Vec<session::Model>> {
    let (Some(from), Some(to)) = (
        slots.iter().map(|s| s.starts_at).min(),
        slots.iter().map(|s| s.ends_at).max(),
    ) else {
        return Ok(Vec::new());
    };
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    Ok(session::Entity::find()
        .filter(session::Column::OrgId.eq(org))
        .filter(session::Column::GroupId.is_in(groups))
        .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
        .filter(session::Column::StartsAt.lt(to))
        .filter(session::Column::EndsAt.gt(from))
        .all(conn)
        .await?)
}

/// Refuses `slots` for `group_id` if one of `people` facilitates another group with a live
/// session overlapping any of them.
pub(crate) async fn refuse_facilitator_clash(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    people: &[Id],
    slots: &[Slot],
) -> Result<()> {
    if people.is_empty() || slots.is_empty() {
        return Ok(());
    }
    let elsewhere: Vec<(Id, Id)> = facilitator_assignment::Entity::find()
        .select_only()
        .column(facilitator_assignment::Column::PersonId)
        .column(facilitator_assignment::Column::GroupId)
        .filter(facilitator_assignment::Column::OrgId.eq(org))
        .filter(facilitator_assignment::Column::PersonId.is_in(people.iter().copied()))
        .filter(facilitator_assignment::Column::GroupId.ne(group_id))
        .into_tuple()
        .all(conn)
        .await?;
    let groups: HashSet<Id> = elsewhere.iter().map(|(_, g)| *g).collect();
    let others = sessions_in_window(conn, org, groups.into_iter().collect(), slots).await?;
    for slot in slots {
        if let Some(clash) = others.iter().find(|s| slot.overlaps(s)) {
            let person = elsewhere
                .iter()
                .find(|(_, g)| *g == clash.group_id)
                .map(|(p, _)| *p)
                .unwrap_or_default();
            return Err(StoreError::Conflict(
                describe(conn, org, person, clash).await?,
            ));
        }
    }
    Ok(())
}

async fn describe(
    conn: &impl ConnectionTrait,
    org: Id,
    person_id: Id,
    clash: &session::Model,
) -> Result<String> {
    let name = person::Entity::find_by_id(person_id)
        .filter(person::Column::OrgId.eq(org))
        .one(conn)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let group = group::Entity::find_by_id(clash.group_id)
        .filter(group::Column::OrgId.eq(org))
        .one(conn)
        .await?;
    let (group_name, tz) = group.map(|g| (g.name, g.timezone)).unwrap_or_default();
    Ok(format!(
        "facilitator {name} is already in session {} (id {}) of group \"{group_name}\" on {} at {} {tz}",
        clash.number,
        clash.id,
        clash.local_date,
        clash.local_time.format("%H:%M"),
    ))
}

/// Other groups of the organization whose own venue is `venue` (compared without case).
pub(crate) async fn same_venue_groups(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    venue: &str,
) -> Result<Vec<Id>> {
    Ok(group::Entity::find()
        .select_only()
        .column(group::Column::Id)
        .filter(group::Column::OrgId.eq(org))
        .filter(group::Column::VenueKey.eq(venue_key(venue)))
        .filter(group::Column::Id.ne(group_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// Other groups' live sessions at the same venue (compared without case) overlapping `slots`:
/// sessions of groups that meet there, and sessions moved there by hand.
pub(crate) async fn venue_warnings(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    venue: &str,
    slots: &[Slot],
) -> Result<Vec<String>> {
    let same_venue = same_venue_groups(conn, org, group_id, venue).await?;
    venue_warnings_among(conn, org, group_id, venue, &same_venue, slots).await
}

/// [`venue_warnings`], given the groups that meet at the venue.
pub(crate) async fn venue_warnings_among(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    venue: &str,
    same_venue: &[Id],
    slots: &[Slot],
) -> Result<Vec<String>> {
    let key = venue_key(venue);
    let (Some(from), Some(to)) = (
        slots.iter().map(|s| s.starts_at).min(),
        slots.iter().map(|s| s.ends_at).max(),
    ) else {
        return Ok(Vec::new());
    };
    let live = || {
        session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.ne(group_id))
            .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
            .filter(session::Column::StartsAt.lt(to))
            .filter(session::Column::EndsAt.gt(from))
    };
    let mut candidates = if same_venue.is_empty() {
        Vec::new()
    } else {
        live()
            .filter(session::Column::GroupId.is_in(same_venue.iter().copied()))
            .filter(session::Column::VenueName.is_null())
            .all(conn)
            .await?
    };
    // Sessions moved to this venue by hand are few; compare their names here.
    candidates.extend(
        live()
            .filter(session::Column::VenueName.is_not_null())
            .all(conn)
            .await?
            .into_iter()
            .filter(|s| s.venue_name.as_deref().map(venue_key) == Some(key.clone())),
    );
    let mut warnings = Vec::new();
    for s in candidates
        .into_iter()
        .filter(|s| slots.iter().any(|slot| slot.overlaps(s)))
    {
        // Clashes are rare: their groups are read only when there is one.
        let g = group::Entity::find_by_id(s.group_id)
            .filter(group::Column::OrgId.eq(org))
            .one(conn)
            .await?;
        let (group_name, timezone, own_venue) = g
            .map(|g| (g.name, g.timezone, g.venue_name))
            .unwrap_or_default();
        let theirs = s.venue_name.clone().unwrap_or(own_venue);
        warnings.push(format!(
            "group \"{group_name}\" also meets at {theirs} on {} at {} {timezone} (session id {})",
            s.local_date,
            s.local_time.format("%H:%M"),
            s.id
        ));
    }
    Ok(warnings)
}

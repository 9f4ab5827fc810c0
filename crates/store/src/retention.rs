//! What retention needs to know: who is linked to which group, when each ended group
//! ended, and the organizations that set a retention period.

use crate::entities::{enrollment, facilitator_assignment, group, organization, person, session};
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::group::GroupStatus;
use sea_orm::entity::prelude::*;
use sea_orm::{QueryOrder, QuerySelect};
use std::collections::HashMap;

/// An organization's people (not yet erased) and their groups, and when each of its ended
/// groups ended: its last session, or when it was closed if it had none.
#[derive(Debug, Clone, Default)]
pub struct RetentionFacts {
    pub links: Vec<(Id, Id)>,
    pub ended: HashMap<Id, DateTime<Utc>>,
}

impl Store {
    /// The names of `ids` among the organization's people.
    pub async fn names_of(&self, org: Id, ids: &[Id]) -> Result<HashMap<Id, String>> {
        crate::attendance::display_names(&self.reader(), org, ids.iter().copied()).await
    }

    /// The organizations that keep personal data for a set time, with its months.
    pub async fn retention_periods(&self) -> Result<Vec<(Id, u32)>> {
        let rows: Vec<(Id, Option<i32>)> = organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .column(organization::Column::RetentionMonths)
            .filter(organization::Column::RetentionMonths.is_not_null())
            .order_by_asc(organization::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(org, months)| Some((org, u32::try_from(months?).ok()?)))
            .collect())
    }

    pub async fn retention_facts(&self, org: Id) -> Result<RetentionFacts> {
        let db = self.reader();
        let erased: Vec<Id> = person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::ErasedAt.is_not_null())
            .into_tuple()
            .all(&db)
            .await?;
        let mut links: Vec<(Id, Id)> = enrollment::Entity::find()
            .select_only()
            .column(enrollment::Column::PersonId)
            .column(enrollment::Column::GroupId)
            .filter(enrollment::Column::OrgId.eq(org))
            .into_tuple()
            .all(&db)
            .await?;
        let facilitating: Vec<(Id, Id)> = facilitator_assignment::Entity::find()
            .select_only()
            .column(facilitator_assignment::Column::PersonId)
            .column(facilitator_assignment::Column::GroupId)
            .filter(facilitator_assignment::Column::OrgId.eq(org))
            .into_tuple()
            .all(&db)
            .await?;
        links.extend(facilitating);
        links.retain(|(p, _)| !erased.contains(p));
        let closed: Vec<(Id, DateTime<Utc>)> = group::Entity::find()
            .select_only()
            .column(group::Column::Id)
            .column(group::Column::UpdatedAt)
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Status.is_in([
                GroupStatus::Completed.as_str(),
                GroupStatus::Cancelled.as_str(),
            ]))
            .into_tuple()
            .all(&db)
            .await?;
        let last_sessions: Vec<(Id, Option<DateTime<Utc>>)> = session::Entity::find()
            .select_only()
            .column(session::Column::GroupId)
            .column_as(session::Column::StartsAt.max(), "last")
            .filter(session::Column::OrgId.eq(org))
            .group_by(session::Column::GroupId)
            .into_tuple()
            .all(&db)
            .await?;
        let last: HashMap<Id, DateTime<Utc>> = last_sessions
            .into_iter()
            .filter_map(|(g, at)| Some((g, at?)))
            .collect();
        let ended = closed
            .into_iter()
            .map(|(g, closed_at)| (g, last.get(&g).copied().unwrap_or(closed_at)))
            .collect();
        Ok(RetentionFacts { links, ended })
    }
}

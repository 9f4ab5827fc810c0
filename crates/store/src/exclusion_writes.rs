//! The reads and writes that adding calendar exclusions is made of, inside its
//! transaction. The use case is `peergroup_app::exclusions`.

use crate::entities::{calendar_exclusion, group};
use crate::sessions::exclusion_record;
use crate::{Result, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::records::Exclusion;
use peergroup_domain::values::Name;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use std::collections::BTreeSet;

impl Tx {
    /// Whether the group is the organization's.
    pub async fn group_exists(&self, org: Id, group_id: Id) -> Result<bool> {
        let n = group::Entity::find_by_id(group_id)
            .filter(group::Column::OrgId.eq(org))
            .count(&self.0)
            .await?;
        Ok(n > 0)
    }

    /// Adds the dates not yet excluded, for the organization (no group) or one group.
    /// Returns what it added.
    pub async fn add_new_exclusions(
        &self,
        org: Id,
        group_id: Option<Id>,
        dates: &[NaiveDate],
        reason: &Name,
        now: DateTime<Utc>,
    ) -> Result<Vec<Exclusion>> {
        let mut query = calendar_exclusion::Entity::find()
            .filter(calendar_exclusion::Column::OrgId.eq(org))
            .filter(calendar_exclusion::Column::Date.is_in(dates.iter().copied()));
        query = match group_id {
            Some(g) => query.filter(calendar_exclusion::Column::GroupId.eq(g)),
            None => query.filter(calendar_exclusion::Column::GroupId.is_null()),
        };
        let already: BTreeSet<NaiveDate> = query
            .all(&self.0)
            .await?
            .into_iter()
            .map(|e| e.date)
            .collect();
        let new: BTreeSet<NaiveDate> = dates
            .iter()
            .copied()
            .filter(|d| !already.contains(d))
            .collect();
        let mut created = Vec::with_capacity(new.len());
        for date in new {
            let m = calendar_exclusion::ActiveModel {
                org_id: Set(org),
                group_id: Set(group_id),
                date: Set(date),
                reason: Set(reason.to_string()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&self.0)
            .await?;
            created.push(exclusion_record(m));
        }
        Ok(created)
    }
}

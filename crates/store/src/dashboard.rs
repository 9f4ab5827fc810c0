//! What a coordinator's dashboard reads, each in a few statements whatever the number of
//! groups: the coming week's sessions with the facilitator roles they lack, follow-up
//! counts, and how many of each active group's participants are still in it.

use crate::coordinator_notices::{Scope, coming_sessions, gaps_of};
use crate::dialect::stmt;
use crate::entities::{follow_up_task, group};
use crate::stored::sql_words;
use crate::{Result, Store};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::followup::TaskState;
use peergroup_domain::group::GroupStatus;
use sea_orm::QuerySelect;
use sea_orm::entity::prelude::*;
use std::collections::HashMap;

/// A scheduled session of an active group, and the lead roles its facilitators lack.
#[derive(Debug, Clone)]
pub struct WeekSession {
    pub id: Id,
    pub group_id: Id,
    pub group_name: String,
    pub timezone: String,
    pub number: i32,
    pub local_date: NaiveDate,
    pub local_time: NaiveTime,
    pub starts_at: DateTime<Utc>,
    /// Each lead role short of its count, such as `educator: 0 of 1`.
    pub missing: Vec<String>,
}

/// An active group's participants: still in it (enrolled or completed), and withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRetention {
    pub group_id: Id,
    pub name: String,
    pub kept: u32,
    pub left: u32,
}

impl GroupRetention {
    /// Participants still in the group over all who were in it; `None` before anyone was.
    pub fn share(&self) -> Option<f64> {
        let all = self.kept + self.left;
        (all > 0).then(|| f64::from(self.kept) / f64::from(all))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowUpCounts {
    pub open: u32,
    pub overdue: u32,
    pub escalated: u32,
}

impl Store {
    /// The scheduled sessions of `org`'s active groups starting in `(from, to]`, soonest
    /// first.
    pub async fn coming_week(
        &self,
        org: Id,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<WeekSession>> {
        let db = self.reader();
        let coming = coming_sessions(&db, Scope::Org(org), from, to).await?;
        let gaps: HashMap<Id, Vec<String>> = gaps_of(&db, &coming)
            .await?
            .into_iter()
            .map(|g| (g.session_id, g.missing))
            .collect();
        let names: HashMap<Id, (String, String)> = group::Entity::find()
            .select_only()
            .columns([
                group::Column::Id,
                group::Column::Name,
                group::Column::Timezone,
            ])
            .filter(group::Column::OrgId.eq(org))
            .into_tuple::<(Id, String, String)>()
            .all(&db)
            .await?
            .into_iter()
            .map(|(id, name, tz)| (id, (name, tz)))
            .collect();
        let mut week: Vec<WeekSession> = coming
            .into_iter()
            .filter_map(|s| {
                let (group_name, timezone) = names.get(&s.group_id).cloned()?;
                Some(WeekSession {
                    id: s.id,
                    group_id: s.group_id,
                    group_name,
                    timezone,
                    number: s.number,
                    local_date: s.local_date,
                    local_time: s.local_time,
                    starts_at: s.starts_at,
                    missing: gaps.get(&s.id).cloned().unwrap_or_default(),
                })
            })
            .collect();
        week.sort_by_key(|s| (s.starts_at, s.id));
        Ok(week)
    }

    /// Each active group of `org` with its participants still in it and those who left,
    /// in one statement.
    pub async fn group_retention(&self, org: Id) -> Result<Vec<GroupRetention>> {
        let db = self.reader();
        let sql = format!(
            "SELECT g.id, g.name, \
             COALESCE(SUM(CASE WHEN e.status IN ({kept}) THEN 1 ELSE 0 END), 0) AS kept, \
             COALESCE(SUM(CASE WHEN e.status = '{left}' THEN 1 ELSE 0 END), 0) AS gone \
             FROM peer_groups g LEFT JOIN enrollments e ON e.group_id = g.id AND e.org_id = g.org_id \
             WHERE g.org_id = $1 AND g.status IN ({active}) \
             GROUP BY g.id, g.name ORDER BY g.name, g.id",
            kept = sql_words(&[EnrollmentStatus::Enrolled, EnrollmentStatus::Completed]),
            left = EnrollmentStatus::Withdrawn.as_str(),
            active = sql_words(GroupStatus::ACTIVE),
        );
        let rows = db.query_all_raw(stmt(&db, &sql, [org.into()])).await?;
        rows.into_iter()
            .map(|row| {
                let kept: i64 = row.try_get("", "kept")?;
                let left: i64 = row.try_get("", "gone")?;
                Ok(GroupRetention {
                    group_id: row.try_get("", "id")?,
                    name: row.try_get("", "name")?,
                    kept: kept as u32,
                    left: left as u32,
                })
            })
            .collect()
    }

    /// Open follow-up tasks of `org`, those past due, and those handed to a coordinator.
    pub async fn follow_up_counts(&self, org: Id) -> Result<FollowUpCounts> {
        let db = self.reader();
        let open = follow_up_task::Entity::find()
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()));
        let overdue = open
            .clone()
            .filter(follow_up_task::Column::DueAt.lt(self.now()));
        let escalated = open
            .clone()
            .filter(follow_up_task::Column::EscalatedAt.is_not_null());
        Ok(FollowUpCounts {
            open: open.count(&db).await? as u32,
            overdue: overdue.count(&db).await? as u32,
            escalated: escalated.count(&db).await? as u32,
        })
    }
}

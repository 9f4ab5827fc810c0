//! A coordinator's week on one page: the coming sessions and the roles they lack,
//! follow-ups, facilitators short of training, supports to arrange, how many
//! participants each group keeps, and the assessments due.

use crate::outcomes::{GroupDue, due_by_group};
use chrono::TimeDelta;
use peergroup_domain::Id;
use peergroup_domain::training::FacilitatorGap;
use peergroup_store::dashboard::{FollowUpCounts, GroupRetention, WeekSession};
use peergroup_store::supports::NeedsAt;
use peergroup_store::{Result, Store};

/// How far ahead the dashboard looks.
pub const WEEK: TimeDelta = TimeDelta::days(7);

#[derive(Debug, Clone)]
pub struct Dashboard {
    /// Scheduled sessions of the next 7 days, soonest first.
    pub week: Vec<WeekSession>,
    pub follow_ups: FollowUpCounts,
    /// Facilitators who lack training, or will before their group ends.
    pub training: Vec<FacilitatorGap>,
    /// Supports to arrange over the next 7 days' sessions.
    pub supports: NeedsAt,
    /// Active groups, the one keeping the smallest share of its participants first.
    pub retention: Vec<GroupRetention>,
    /// Groups with planned assessments due and not taken, the most first.
    pub assessments: Vec<GroupDue>,
}

pub async fn dashboard(store: &Store, org: Id) -> Result<Dashboard> {
    let now = store.clock().now();
    let week = store.coming_week(org, now, now + WEEK).await?;
    let follow_ups = store.follow_up_counts(org).await?;
    let training = store.facilitator_gaps(org).await?;
    let sessions: Vec<(Id, Id)> = week.iter().map(|s| (s.id, s.group_id)).collect();
    let supports = store.needs_at(org, &sessions).await?;
    let mut retention = store.group_retention(org).await?;
    retention.sort_by(|a, b| {
        let share = |g: &GroupRetention| g.share().unwrap_or(1.0);
        share(a)
            .total_cmp(&share(b))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut assessments = due_by_group(store, org, None, now).await?;
    // Stable: groups with as many stay by name.
    assessments.sort_by_key(|g| std::cmp::Reverse(g.due));
    Ok(Dashboard {
        assessments,
        week,
        follow_ups,
        training,
        supports,
        retention,
    })
}

//! Calendar exclusions: dates with no session, for the whole organization or one group.
//! They take effect when a group's schedule is laid out again (`schedules`).

use chrono::NaiveDate;
use peergroup_domain::Id;
use peergroup_domain::calendar::check_exclusion_dates;
use peergroup_domain::records::Exclusion;
use peergroup_domain::values::Name;
use peergroup_store::{Result, Store, StoreError};

/// Adds the dates; those already excluded are not added twice. Returns what was added.
pub async fn add(
    store: &Store,
    org: Id,
    group_id: Option<Id>,
    dates: &[NaiveDate],
    reason: &Name,
) -> Result<Vec<Exclusion>> {
    check_exclusion_dates(dates)?;
    let tx = store.begin().await?;
    if let Some(group_id) = group_id
        && !tx.group_exists(org, group_id).await?
    {
        return Err(StoreError::invalid(
            "group_id",
            "no such group in this organization",
        ));
    }
    let created = tx
        .add_new_exclusions(org, group_id, dates, reason, store.clock().now())
        .await?;
    tx.commit().await?;
    Ok(created)
}

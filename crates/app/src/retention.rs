//! Retention: each night, the personal data of the people whose last group ended longer
//! ago than their organization keeps it is erased; coordinators see beforehand who the
//! next run will erase.

use crate::erasure;
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::retention::due;
use peergroup_store::{Result, Store};
use std::path::PathBuf;

/// The people of `org` the next run would erase, as (id, name), if it keeps data `months`.
pub async fn preview(
    store: &Store,
    org: Id,
    months: u32,
    now: DateTime<Utc>,
) -> Result<Vec<(Id, String)>> {
    let facts = store.retention_facts(org).await?;
    let ids = due(&facts.links, &facts.ended, months, now);
    let mut names = store.names_of(org, &ids).await?;
    Ok(ids
        .into_iter()
        .map(|id| (id, names.remove(&id).unwrap_or_else(|| format!("#{id}"))))
        .collect())
}

/// How long the words of an SMS reply are kept: time enough for a coordinator to read it.
pub const REPLY_BODY_DAYS: i64 = 90;

/// Empties SMS replies older than [`REPLY_BODY_DAYS`], in every organization; then erases,
/// in every organization that sets a retention period, everyone due at `now`.
/// Returns how many were erased.
pub async fn sweep(store: &Store, now: DateTime<Utc>, outboxes: &[PathBuf]) -> Result<usize> {
    store
        .forget_reply_bodies(now - chrono::Duration::days(REPLY_BODY_DAYS))
        .await?;
    let mut erased = 0;
    for (org, months) in store.retention_periods().await? {
        let facts = store.retention_facts(org).await?;
        for person in due(&facts.links, &facts.ended, months, now) {
            let by = erasure::By {
                user: None,
                route: "job erase_expired",
            };
            erasure::erase(store, org, person, by, outboxes).await?;
            erased += 1;
        }
    }
    Ok(erased)
}

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
    let mut named = Vec::new();
    for id in due(&facts.links, &facts.ended, months, now) {
        named.push((
            id,
            store
                .get_person(org, id)
                .await?
                .spec
                .display_name
                .to_string(),
        ));
    }
    Ok(named)
}

/// Erases, in every organization that sets a retention period, everyone due at `now`.
/// Returns how many were erased.
pub async fn sweep(store: &Store, now: DateTime<Utc>, outboxes: &[PathBuf]) -> Result<usize> {
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

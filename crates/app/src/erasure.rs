//! Erasing a person: their personal data in the database (see the store's `erasure`), and
//! the mail and SMS files written about them to the outbox folders of a service that sends
//! no real mail (the demo and tests).

use chrono::{DateTime, Utc};
use peergroup_domain::Id;
pub use peergroup_domain::access_log::By;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_store::{Result, Store, StoreError};
use std::path::{Path, PathBuf};

/// Erases `person` of `org`, logging who did; returns when it was erased.
pub async fn erase(
    store: &Store,
    org: Id,
    person: Id,
    by: By<'_>,
    outboxes: &[PathBuf],
) -> Result<DateTime<Utc>> {
    let traces = store.erase_person(org, person, by.user).await?;
    store
        .record_access(org, by, AccessAction::Erase, About::Person(person))
        .await?;
    // Ids only, as every log line.
    tracing::info!(org, person, user = by.user, "a person's data was erased");
    if !traces.strings.is_empty() {
        let (dirs, strings) = (outboxes.to_vec(), traces.strings);
        tokio::task::spawn_blocking(move || {
            for dir in &dirs {
                remove_files_holding(dir, &strings);
            }
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("clearing the outbox: {e}")))?;
    }
    traces
        .erased_at
        .ok_or_else(|| StoreError::Corrupt("an erasure without its time".into()))
}

/// Deletes each file directly under `dir` whose bytes hold any of `strings`. A file that
/// cannot be read is not one this service wrote.
fn remove_files_holding(dir: &Path, strings: &[String]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let holds = strings
            .iter()
            .any(|s| !s.is_empty() && bytes.windows(s.len()).any(|w| w == s.as_bytes()));
        if holds {
            let _ = std::fs::remove_file(&path);
        }
    }
}

//! Changes to a group: its settings, and its status along planned → enrolling → running →
//! completed (or cancelled). A group that ends leaves no call to make: its open follow-up
//! tasks close, saying why.

use peergroup_domain::Id;
use peergroup_domain::group::{GroupSpec, GroupStatus};
use peergroup_domain::records::Group;
use peergroup_store::{Result, Store, StoreError};

/// Replaces a group's settings. Capacity cannot drop below the places already taken, nor
/// can a group that has started change program; more capacity moves people up from the
/// waitlist.
pub async fn update(store: &Store, org: Id, id: Id, spec: &GroupSpec) -> Result<Group> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let current = tx.group_for_update(org, id).await?;
    let program = tx.program_for_group(org, spec).await?;
    let mut errors = spec.validate(&program).err().unwrap_or_default();
    errors.check(
        u32::from(spec.capacity) >= current.enrolled_count,
        "capacity",
        format!(
            "{} participants are already enrolled",
            current.enrolled_count
        ),
    );
    errors.check(
        spec.program_id == current.spec.program_id || !current.status.has_started(),
        "program_id",
        "a group that has started cannot change program",
    );
    errors.into_result()?;
    tx.write_group(org, id, spec, now).await?;
    tx.fill_from_waitlist(org, id, now).await?;
    tx.commit().await?;
    store.get_group(org, id).await
}

/// Moves a group to its next status (409 for a step the lifecycle does not allow). It
/// starts only when each lead role of its program has an eligible facilitator.
pub async fn set_status(store: &Store, org: Id, id: Id, next: GroupStatus) -> Result<Group> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let current = tx.group_for_update(org, id).await?;
    current
        .status
        .transition(next)
        .map_err(StoreError::Conflict)?;
    if next == GroupStatus::Running {
        let program = tx.group_program(org, current.spec.program_id).await?;
        let gaps = tx.roles_without_eligible(org, id, &program, now).await?;
        if !gaps.is_empty() {
            return Err(StoreError::Conflict(format!(
                "the group cannot start until each lead role has an eligible facilitator: {}",
                gaps.join(" | ")
            )));
        }
    }
    tx.set_group_status(org, id, next, now).await?;
    let note = match next {
        GroupStatus::Cancelled => Some("closed because the group was cancelled"),
        GroupStatus::Completed => Some("closed because the group was completed"),
        _ => None,
    };
    if let Some(note) = note {
        tx.close_group_tasks(org, id, note, now).await?;
    }
    tx.commit().await?;
    store.get_group(org, id).await
}

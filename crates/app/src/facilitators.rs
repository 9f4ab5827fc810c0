//! Assigning a facilitator to a group, as a peer or a professional. The person must be the
//! organization's, not a participant of the group, free at the group's coming sessions and
//! trained for the role, unless the organization allows a coordinator to override that
//! with a reason (`peergroup_domain::facilitator::decide_override`).

use peergroup_domain::Id;
use peergroup_domain::facilitator::{AssignmentSpec, decide_override};
use peergroup_domain::records::FacilitatorAssignment;
use peergroup_store::{Result, Store, StoreError};

/// Assigns the person; `by_user` is the coordinator, kept with an override.
pub async fn assign(
    store: &Store,
    org: Id,
    group_id: Id,
    spec: &AssignmentSpec,
    by_user: Option<Id>,
) -> Result<FacilitatorAssignment> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let group = tx.group_for_update(org, group_id).await?;
    if !tx.person_exists(org, spec.person_id).await? {
        return Err(StoreError::invalid(
            "person_id",
            "no such person in this organization",
        ));
    }
    let program_id = group.spec.program_id;
    let program = tx.group_program(org, program_id).await?;
    spec.validate(&program)?;
    if tx.takes_part_in(org, group_id, spec.person_id).await? {
        return Err(StoreError::Conflict(
            "this person is a participant of this group; a person can facilitate only other groups"
                .into(),
        ));
    }
    tx.refuse_clash_with_coming_sessions(org, group_id, spec.person_id, now)
        .await?;
    let checked = tx
        .training_shortfall(org, group_id, (program_id, &program), spec, now)
        .await?;
    let overridden = decide_override(
        tx.training_policy(org).await?,
        checked,
        spec.override_reason.as_ref(),
    )?;
    let id = tx
        .insert_assignment(org, group_id, spec, overridden, by_user, now)
        .await?;
    tx.commit().await?;
    store.get_assignment(org, group_id, id).await
}

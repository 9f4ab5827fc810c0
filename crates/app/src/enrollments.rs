//! Enrolments and the waitlist. A closed group takes people only until it starts; while it
//! is full, newcomers wait in arrival order and move up when a place frees (the rules are
//! `peergroup_domain::enrollment`).

use peergroup_domain::Id;
use peergroup_domain::enrollment::{self as rules, EnrollmentAction, WithdrawalReason};
use peergroup_domain::records::Enrollment;
use peergroup_store::{Result, Store, StoreError};

/// Enrols a person in a group: a place if there is one, else the waitlist; refused once
/// the closed group has started, for someone already enrolled, and for one of the group's
/// facilitators.
pub async fn enroll(store: &Store, org: Id, group_id: Id, person_id: Id) -> Result<Enrollment> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let group = tx.group_for_update(org, group_id).await?;
    if !tx.person_exists(org, person_id).await? {
        return Err(StoreError::invalid(
            "person_id",
            "no such person in this organization",
        ));
    }
    if let Some((id, status)) = tx.enrollment_in(org, group_id, person_id).await? {
        return Err(StoreError::Conflict(format!(
            "this person already has an enrolment in this group ({status}, id {id})"
        )));
    }
    if tx.facilitates(org, group_id, person_id).await? {
        return Err(StoreError::Conflict(
            "this person facilitates this group; a person can be a participant only in other groups".into(),
        ));
    }
    let status = rules::admit(group.status, group.enrolled_count, group.spec.capacity)
        .map_err(|refused| StoreError::Conflict(refused.to_string()))?;
    let id = tx
        .insert_enrollment(org, group_id, person_id, status, now)
        .await?;
    tx.commit().await?;
    store.get_enrollment(org, id).await
}

/// Withdraws (with a reason) or completes an enrolment. A withdrawal before the start gives
/// the place to the first person waiting.
pub async fn change(
    store: &Store,
    org: Id,
    id: Id,
    action: EnrollmentAction,
    reason: Option<WithdrawalReason>,
) -> Result<Enrollment> {
    if action == EnrollmentAction::Withdraw && reason.is_none() {
        return Err(StoreError::invalid(
            "reason",
            "say why the participant is withdrawing",
        ));
    }
    if action == EnrollmentAction::Complete && reason.is_some() {
        return Err(StoreError::invalid(
            "reason",
            "only a withdrawal has a reason",
        ));
    }
    let now = store.clock().now();
    let tx = store.begin().await?;
    let e = tx.enrollment_to_change(org, id).await?;
    let group = tx.group_for_update(org, e.group_id).await?;
    let next = rules::apply(e.status, action, group.status).map_err(StoreError::Conflict)?;
    tx.set_enrollment_status(org, id, next, reason, now).await?;
    tx.fill_from_waitlist(org, e.group_id, now).await?;
    tx.commit().await?;
    store.get_enrollment(org, id).await
}

//! Who may do what. Coordinators and admins manage everything of their organization;
//! facilitators read only the groups they are assigned to.

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::records::Principal;

pub fn require_manager(who: &Principal) -> ApiResult<()> {
    if who.role.can_manage() {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "only coordinators and admins can do this",
        ))
    }
}

pub fn require_admin(who: &Principal) -> ApiResult<()> {
    if who.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::forbidden("only admins can do this"))
    }
}

/// The groups a caller may see: `None` for all of the organization's.
pub async fn visible_groups(state: &AppState, who: &Principal) -> ApiResult<Option<Vec<Id>>> {
    if who.role.can_manage() {
        Ok(None)
    } else {
        Ok(Some(state.store.facilitator_group_ids(who).await?))
    }
}

/// Answers 404, as for another organization's group, when a facilitator is not assigned.
pub async fn require_group_visible(
    state: &AppState,
    who: &Principal,
    group_id: Id,
) -> ApiResult<()> {
    match visible_groups(state, who).await? {
        Some(ids) if !ids.contains(&group_id) => Err(ApiError::not_found("group")),
        _ => Ok(()),
    }
}

/// Coordinators and admins may see any person; a facilitator only themself (matched by
/// email, as for groups). Another person answers 404.
pub async fn require_self_or_manager(
    state: &AppState,
    who: &Principal,
    person: Id,
) -> ApiResult<()> {
    if who.role.can_manage() || state.store.people_of_user(who).await?.contains(&person) {
        Ok(())
    } else {
        Err(ApiError::not_found("person"))
    }
}

/// Answers 404 when a facilitator is not assigned to the session's group. Coordinators see
/// every session of their organization, so for them nothing needs reading here (the store
/// answers 404 for another organization's session).
pub async fn require_session_visible(state: &AppState, who: &Principal, id: Id) -> ApiResult<()> {
    if who.role.can_manage() {
        return Ok(());
    }
    let group = state.store.session_group(who.org_id, id).await?;
    require_group_visible(state, who, group).await
}

/// A task the caller may see: any of the organization's for coordinators, their groups'
/// for facilitators (others answer 404).
pub async fn visible_task(state: &AppState, who: &Principal, id: Id) -> ApiResult<()> {
    let group = state.store.follow_up_group(who.org_id, id).await?;
    require_group_visible(state, who, group).await
}

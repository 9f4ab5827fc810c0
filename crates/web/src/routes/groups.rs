//! Groups, their status, roster and facilitators.

use super::page;
use crate::AppState;
use crate::access::{require_group_visible, require_manager, visible_groups};
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::group::{GroupSpec, GroupStatus};
use peergroup_domain::records::Page;
use peergroup_domain::records::{Enrollment, FacilitatorAssignment, Group, GroupDetail};
use peergroup_store::groups::GroupFilter;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_groups, create_group))
        .routes(routes!(get_group, replace_group))
        .routes(routes!(change_status))
        .routes(routes!(list_enrollments, enroll))
        .routes(routes!(list_facilitators, assign_facilitator))
        .routes(routes!(remove_facilitator))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GroupListParams {
    pub status: Option<GroupStatus>,
    pub program_id: Option<Id>,
    pub after: Option<Id>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The organization's groups; a facilitator sees only the groups they are assigned to.
#[utoipa::path(get, path = "/groups", tag = "groups", params(GroupListParams), responses((status = 200, body = Page<Group>), ReadProblems))]
async fn list_groups(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<GroupListParams>,
) -> ApiResult<axum::Json<Page<Group>>> {
    let page = page(params.after, params.limit)?;
    let filter = GroupFilter {
        status: params.status,
        program_id: params.program_id,
        only: visible_groups(&state, &who).await?,
    };
    Ok(axum::Json(
        state.store.list_groups(who.org_id, &filter, page).await?,
    ))
}

/// Opens a group in `planned` status. Its languages, timezone and weekdays are checked,
/// and its capacity against the program's group size.
#[utoipa::path(post, path = "/groups", tag = "groups", request_body = GroupSpec, responses((status = 201, body = Group), WriteProblems))]
async fn create_group(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<GroupSpec>,
) -> ApiResult<(StatusCode, axum::Json<Group>)> {
    require_manager(&who)?;
    let group = state.store.create_group(who.org_id, &spec).await?;
    Ok((StatusCode::CREATED, axum::Json(group)))
}

/// A group with its enrolments (including the waitlist) and facilitators.
#[utoipa::path(get, path = "/groups/{id}", tag = "groups", params(("id" = i64, Path)), responses((status = 200, body = GroupDetail), ReadProblems))]
async fn get_group(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<Response> {
    require_group_visible(&state, &who, id).await?;
    let body = group_detail(&state, who.org_id, id).await?;
    // Its roster names the participants.
    state.log_read(&who, About::Group(id), ROUTE_GROUP).await?;
    Ok(json_body(body))
}

const ROUTE_GROUP: &str = "GET /api/v1/groups/{id}";

/// The group's detail as JSON: kept while the group's revision stands, since a kept detail
/// costs one primary-key read of the revision instead of the whole roster.
async fn group_detail(state: &AppState, org: Id, id: Id) -> ApiResult<Bytes> {
    let key = (org, id);
    if let Some((kept, body)) = state.details.get(key)
        && state.store.group_revision(org, id).await? == kept
    {
        return Ok(body);
    }
    let (detail, revision) = state.store.get_group_detail(org, id).await?;
    let body = Bytes::from(serde_json::to_vec(&detail).map_err(|_| ApiError::internal())?);
    state.details.put(key, revision, body.clone());
    Ok(body)
}

/// JSON already written, answered as `axum::Json` would answer it.
fn json_body(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Replaces a group's settings. Capacity cannot go below the participants enrolled; more
/// capacity moves people up from the waitlist while the group has not started.
#[utoipa::path(put, path = "/groups/{id}", tag = "groups", params(("id" = i64, Path)), request_body = GroupSpec, responses((status = 200, body = Group), WriteProblems))]
async fn replace_group(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<GroupSpec>,
) -> ApiResult<axum::Json<Group>> {
    require_manager(&who)?;
    Ok(axum::Json(
        peergroup_app::groups::update(&state.store, who.org_id, id, &spec).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// planned → enrolling → running → completed; planned, enrolling or running → cancelled.
    pub status: GroupStatus,
}

/// Moves the group to its next status. Starting it (`running`) closes enrolment.
#[utoipa::path(post, path = "/groups/{id}/status", tag = "groups", params(("id" = i64, Path)), request_body = StatusChange, responses((status = 200, body = Group), WriteProblems))]
async fn change_status(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(change): Json<StatusChange>,
) -> ApiResult<axum::Json<Group>> {
    require_manager(&who)?;
    Ok(axum::Json(
        peergroup_app::groups::set_status(&state.store, who.org_id, id, change.status).await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EnrollmentListParams {
    pub status: Option<EnrollmentStatus>,
    pub after: Option<Id>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

#[utoipa::path(get, path = "/groups/{id}/enrollments", tag = "enrollments", params(("id" = i64, Path), EnrollmentListParams), responses((status = 200, body = Page<Enrollment>), ReadProblems))]
async fn list_enrollments(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<EnrollmentListParams>,
) -> ApiResult<axum::Json<Page<Enrollment>>> {
    let page = page(params.after, params.limit)?;
    require_group_visible(&state, &who, id).await?;
    state.store.get_group(who.org_id, id).await?;
    let found = state
        .store
        .list_enrollments(who.org_id, id, params.status, page)
        .await?;
    let route = "GET /api/v1/groups/{id}/enrollments";
    state.log_read(&who, About::Group(id), route).await?;
    Ok(axum::Json(found))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEnrollment {
    pub person_id: Id,
}

/// Enrols a person: `enrolled` while there are places, `waitlisted` once the group is full;
/// refused (409) once the closed group has started.
#[utoipa::path(post, path = "/groups/{id}/enrollments", tag = "enrollments", params(("id" = i64, Path)), request_body = NewEnrollment, responses((status = 201, body = Enrollment), WriteProblems))]
async fn enroll(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(new): Json<NewEnrollment>,
) -> ApiResult<(StatusCode, axum::Json<Enrollment>)> {
    require_manager(&who)?;
    let enroll = peergroup_app::enrollments::enroll(&state.store, who.org_id, id, new.person_id);
    let route = "POST /api/v1/groups/{id}/enrollments";
    let about = |e: &Enrollment| About::Person(e.person_id);
    let enrollment = state.logged_change(&who, route, about, enroll).await?;
    Ok((StatusCode::CREATED, axum::Json(enrollment)))
}

#[utoipa::path(get, path = "/groups/{id}/facilitators", tag = "groups", params(("id" = i64, Path)), responses((status = 200, body = Vec<FacilitatorAssignment>), ReadProblems))]
async fn list_facilitators(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Vec<FacilitatorAssignment>>> {
    require_group_visible(&state, &who, id).await?;
    state.store.get_group(who.org_id, id).await?;
    Ok(axum::Json(
        state.store.list_facilitators(who.org_id, id).await?,
    ))
}

/// Assigns a person as a peer or professional facilitator of the group. They are checked
/// against their role's requirements on the group's first day (or today, once it runs):
/// per the organization's `training_policy`, a person who falls short is refused (422,
/// each missing item under `person_id`) or assigned with an `override_reason`, which is kept.
#[utoipa::path(post, path = "/groups/{id}/facilitators", tag = "groups", params(("id" = i64, Path)), request_body = AssignmentSpec, responses((status = 201, body = FacilitatorAssignment), WriteProblems))]
async fn assign_facilitator(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<AssignmentSpec>,
) -> ApiResult<(StatusCode, axum::Json<FacilitatorAssignment>)> {
    require_manager(&who)?;
    let assignment =
        peergroup_app::facilitators::assign(&state.store, who.org_id, id, &spec, Some(who.user_id))
            .await?;
    Ok((StatusCode::CREATED, axum::Json(assignment)))
}

#[utoipa::path(delete, path = "/groups/{id}/facilitators/{assignment_id}", tag = "groups", params(("id" = i64, Path), ("assignment_id" = i64, Path)), responses((status = 204, description = "Removed"), WriteProblems))]
async fn remove_facilitator(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path((id, assignment_id)): Path<(Id, Id)>,
) -> ApiResult<StatusCode> {
    require_manager(&who)?;
    state
        .store
        .remove_facilitator(who.org_id, id, assignment_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

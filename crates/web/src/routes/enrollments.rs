//! One enrolment: withdrawing, completing, and its support needs.

use crate::AppState;
use crate::access::{require_group_visible, require_manager};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_app::enrollments;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::enrollment::EnrollmentAction;
use peergroup_domain::enrollment::WithdrawalReason;
use peergroup_domain::records::{Enrollment, Principal, SupportNeed};
use peergroup_domain::support::SupportNeedSpec;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_enrollment))
        .routes(routes!(withdraw))
        .routes(routes!(complete))
        .routes(routes!(list_supports, add_support))
        .routes(routes!(get_support, replace_support))
}

/// An enrolment the caller may see: coordinators any of theirs, facilitators their groups'.
pub(crate) async fn visible_enrollment(
    state: &AppState,
    who: &Principal,
    id: Id,
) -> ApiResult<Enrollment> {
    let enrollment = state.store.get_enrollment(who.org_id, id).await?;
    require_group_visible(state, who, enrollment.group_id).await?;
    Ok(enrollment)
}

#[utoipa::path(get, path = "/enrollments/{id}", tag = "enrollments", params(("id" = i64, Path)), responses((status = 200, body = Enrollment), ReadProblems))]
async fn get_enrollment(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Enrollment>> {
    let enrollment = visible_enrollment(&state, &who, id).await?;
    let route = "GET /api/v1/enrollments/{id}";
    state
        .log_read(&who, About::Person(enrollment.person_id), route)
        .await?;
    Ok(axum::Json(enrollment))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// Why the participant is leaving, as one of the codes: no free text, which could hold
    /// more than the reason.
    pub reason: WithdrawalReason,
}

/// Withdraws a participant (or removes them from the waitlist). Before the group starts, the
/// freed place goes to the first person waiting.
#[utoipa::path(post, path = "/enrollments/{id}/withdraw", tag = "enrollments", params(("id" = i64, Path)), request_body = Withdrawal, responses((status = 200, body = Enrollment), WriteProblems))]
async fn withdraw(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(w): Json<Withdrawal>,
) -> ApiResult<axum::Json<Enrollment>> {
    require_manager(&who)?;
    let action = EnrollmentAction::Withdraw;
    let withdraw = enrollments::change(&state.store, who.org_id, id, action, Some(w.reason));
    let route = "POST /api/v1/enrollments/{id}/withdraw";
    let e = state
        .logged_change(
            &who,
            route,
            |e: &Enrollment| About::Person(e.person_id),
            withdraw,
        )
        .await?;
    Ok(axum::Json(e))
}

/// Marks an enrolled participant of a started group as having completed it.
#[utoipa::path(post, path = "/enrollments/{id}/complete", tag = "enrollments", params(("id" = i64, Path)), responses((status = 200, body = Enrollment), WriteProblems))]
async fn complete(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Enrollment>> {
    require_manager(&who)?;
    let action = EnrollmentAction::Complete;
    let complete = enrollments::change(&state.store, who.org_id, id, action, None);
    let route = "POST /api/v1/enrollments/{id}/complete";
    let e = state
        .logged_change(
            &who,
            route,
            |e: &Enrollment| About::Person(e.person_id),
            complete,
        )
        .await?;
    Ok(axum::Json(e))
}

#[utoipa::path(get, path = "/enrollments/{id}/supports", tag = "enrollments", params(("id" = i64, Path)), responses((status = 200, body = Vec<SupportNeed>), ReadProblems))]
async fn list_supports(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Vec<SupportNeed>>> {
    let enrollment = visible_enrollment(&state, &who, id).await?;
    let needs = state.store.list_support_needs(who.org_id, id).await?;
    let route = "GET /api/v1/enrollments/{id}/supports";
    state
        .log_read(&who, About::Person(enrollment.person_id), route)
        .await?;
    Ok(axum::Json(needs))
}

/// Records a support need: childcare (with the children's ages), transport, interpreter
/// (with the language), food, financial or other. One need per kind per enrolment.
#[utoipa::path(post, path = "/enrollments/{id}/supports", tag = "enrollments", params(("id" = i64, Path)), request_body = SupportNeedSpec, responses((status = 201, body = SupportNeed), WriteProblems))]
async fn add_support(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<SupportNeedSpec>,
) -> ApiResult<(StatusCode, axum::Json<SupportNeed>)> {
    require_manager(&who)?;
    let add = async {
        let need = state
            .store
            .create_support_need(who.org_id, id, &spec)
            .await?;
        let person = state.store.get_enrollment(who.org_id, id).await?.person_id;
        ApiResult::Ok((need, person))
    };
    let route = "POST /api/v1/enrollments/{id}/supports";
    let (need, _) = state
        .logged_change(&who, route, |(_, person)| About::Person(*person), add)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(need)))
}

/// A support need the caller may see, with the person it is for.
async fn visible_support(
    state: &AppState,
    who: &Principal,
    id: Id,
) -> ApiResult<(SupportNeed, Id)> {
    let need = state.store.get_support_need(who.org_id, id).await?;
    let enrollment = visible_enrollment(state, who, need.enrollment_id).await?;
    Ok((need, enrollment.person_id))
}

#[utoipa::path(get, path = "/supports/{id}", tag = "enrollments", params(("id" = i64, Path)), responses((status = 200, body = SupportNeed), ReadProblems))]
async fn get_support(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<SupportNeed>> {
    let (need, person) = visible_support(&state, &who, id).await?;
    let route = "GET /api/v1/supports/{id}";
    state.log_read(&who, About::Person(person), route).await?;
    Ok(axum::Json(need))
}

/// Replaces a support need, for example to mark it arranged.
#[utoipa::path(put, path = "/supports/{id}", tag = "enrollments", params(("id" = i64, Path)), request_body = SupportNeedSpec, responses((status = 200, body = SupportNeed), WriteProblems))]
async fn replace_support(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<SupportNeedSpec>,
) -> ApiResult<axum::Json<SupportNeed>> {
    require_manager(&who)?;
    let replace = async {
        let need = state
            .store
            .update_support_need(who.org_id, id, &spec)
            .await?;
        let enrollment = state.store.get_enrollment(who.org_id, need.enrollment_id);
        let person = enrollment.await?.person_id;
        ApiResult::Ok((need, person))
    };
    let route = "PUT /api/v1/supports/{id}";
    let (need, _) = state
        .logged_change(&who, route, |(_, person)| About::Person(*person), replace)
        .await?;
    Ok(axum::Json(need))
}

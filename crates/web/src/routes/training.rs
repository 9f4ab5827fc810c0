//! Facilitator training: the organization's modules, each program role's requirements,
//! completions and profiles entered by coordinators, a person's training record, and the
//! gaps report.

use crate::AppState;
use crate::access::{require_manager, require_self_or_manager};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_app::{cohorts, training};
use peergroup_domain::Id;
use peergroup_domain::training::TrainingGaps;
use peergroup_domain::training::{
    Cohort, CohortSpec, CompletionRecord, CompletionSpec, FacilitatorProfile, ModuleSpec,
    Requirements, RoleRequirements, TrainingAttendanceSpec, TrainingModule, TrainingRecord,
    TrainingSessionSpec,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_modules, create_module))
        .routes(routes!(get_module, replace_module))
        .routes(routes!(list_requirements))
        .routes(routes!(set_requirements))
        .routes(routes!(record_completion))
        .routes(routes!(training_record))
        .routes(routes!(set_profile))
        .routes(routes!(training_gaps))
        .routes(routes!(list_cohorts, create_cohort))
        .routes(routes!(get_cohort, replace_cohort))
        .routes(routes!(add_training_session))
        .routes(routes!(take_training_attendance))
}

#[utoipa::path(get, path = "/training/modules", tag = "training", responses((status = 200, body = Vec<TrainingModule>), ReadProblems))]
async fn list_modules(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<TrainingModule>>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.list_modules(who.org_id).await?))
}

#[utoipa::path(post, path = "/training/modules", tag = "training", request_body = ModuleSpec, responses((status = 201, body = TrainingModule), WriteProblems))]
async fn create_module(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<ModuleSpec>,
) -> ApiResult<(StatusCode, axum::Json<TrainingModule>)> {
    require_manager(&who)?;
    let module = state.store.create_module(who.org_id, &spec).await?;
    Ok((StatusCode::CREATED, axum::Json(module)))
}

#[utoipa::path(get, path = "/training/modules/{id}", tag = "training", params(("id" = i64, Path)), responses((status = 200, body = TrainingModule), ReadProblems))]
async fn get_module(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<TrainingModule>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.get_module(who.org_id, id).await?))
}

/// Replaces a module whole. Completions already recorded keep their expiry.
#[utoipa::path(put, path = "/training/modules/{id}", tag = "training", params(("id" = i64, Path)), request_body = ModuleSpec, responses((status = 200, body = TrainingModule), WriteProblems))]
async fn replace_module(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<ModuleSpec>,
) -> ApiResult<axum::Json<TrainingModule>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state.store.update_module(who.org_id, id, &spec).await?,
    ))
}

/// The requirements of each of the program's roles that has any.
#[utoipa::path(get, path = "/programs/{id}/requirements", tag = "training", params(("id" = i64, Path)), responses((status = 200, body = Vec<RoleRequirements>), ReadProblems))]
async fn list_requirements(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Vec<RoleRequirements>>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state.store.list_requirements(who.org_id, id).await?,
    ))
}

/// Sets what one facilitator role of the program requires: its curriculum (modules in
/// order, hours in all) and conditions. Replaces what it required before.
#[utoipa::path(
    put,
    path = "/programs/{id}/requirements/{role}",
    tag = "training",
    params(("id" = i64, Path), ("role" = String, Path, description = "A facilitator role of the program, such as peer_leader")),
    request_body = Requirements,
    responses((status = 200, body = RoleRequirements), WriteProblems)
)]
async fn set_requirements(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path((id, role)): Path<(Id, String)>,
    Json(spec): Json<Requirements>,
) -> ApiResult<axum::Json<RoleRequirements>> {
    require_manager(&who)?;
    Ok(axum::Json(
        training::set_requirements(&state.store, who.org_id, id, &role, &spec).await?,
    ))
}

/// Records that a person completed a training module.
#[utoipa::path(post, path = "/training/completions", tag = "training", request_body = CompletionSpec, responses((status = 201, body = CompletionRecord), WriteProblems))]
async fn record_completion(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<CompletionSpec>,
) -> ApiResult<(StatusCode, axum::Json<CompletionRecord>)> {
    require_manager(&who)?;
    let record =
        training::record_completion(&state.store, who.org_id, Some(who.user_id), &spec).await?;
    Ok((StatusCode::CREATED, axum::Json(record)))
}

/// A person's training record: profile, completions, and how they stand for each active
/// group they facilitate. Facilitators may read their own.
#[utoipa::path(get, path = "/people/{id}/training", tag = "training", params(("id" = i64, Path)), responses((status = 200, body = TrainingRecord), ReadProblems))]
async fn training_record(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<TrainingRecord>> {
    require_self_or_manager(&state, &who, id).await?;
    Ok(axum::Json(
        state.store.training_record(who.org_id, id).await?,
    ))
}

/// What a coordinator has confirmed about a facilitator (lived experience, languages, a
/// minimum age, the organization's own criteria), replaced whole.
#[utoipa::path(put, path = "/people/{id}/facilitator-profile", tag = "training", params(("id" = i64, Path)), request_body = FacilitatorProfile, responses((status = 200, body = FacilitatorProfile), WriteProblems))]
async fn set_profile(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<FacilitatorProfile>,
) -> ApiResult<axum::Json<FacilitatorProfile>> {
    require_manager(&who)?;
    Ok(axum::Json(
        training::set_profile(&state.store, who.org_id, id, &spec).await?,
    ))
}

/// Every facilitator with missing or expiring training for an active group they are
/// assigned to, and every upcoming session whose facilitators do not fill its phase.
#[utoipa::path(get, path = "/reports/training-gaps", tag = "training", responses((status = 200, body = TrainingGaps), ReadProblems))]
async fn training_gaps(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<TrainingGaps>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.training_gaps(who.org_id).await?))
}

#[utoipa::path(get, path = "/training/cohorts", tag = "training", responses((status = 200, body = Vec<Cohort>), ReadProblems))]
async fn list_cohorts(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<Cohort>>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.list_cohorts(who.org_id).await?))
}

/// A training course run for facilitators-in-training: dates, trainers, modules, trainees.
#[utoipa::path(post, path = "/training/cohorts", tag = "training", request_body = CohortSpec, responses((status = 201, body = Cohort), WriteProblems))]
async fn create_cohort(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<CohortSpec>,
) -> ApiResult<(StatusCode, axum::Json<Cohort>)> {
    require_manager(&who)?;
    let cohort = cohorts::create(&state.store, who.org_id, &spec).await?;
    Ok((StatusCode::CREATED, axum::Json(cohort)))
}

/// A cohort with its sessions, who attended each, and each trainee's attended hours.
#[utoipa::path(get, path = "/training/cohorts/{id}", tag = "training", params(("id" = i64, Path)), responses((status = 200, body = Cohort), ReadProblems))]
async fn get_cohort(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Cohort>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.get_cohort(who.org_id, id).await?))
}

#[utoipa::path(put, path = "/training/cohorts/{id}", tag = "training", params(("id" = i64, Path)), request_body = CohortSpec, responses((status = 200, body = Cohort), WriteProblems))]
async fn replace_cohort(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<CohortSpec>,
) -> ApiResult<axum::Json<Cohort>> {
    require_manager(&who)?;
    Ok(axum::Json(
        cohorts::update(&state.store, who.org_id, id, &spec).await?,
    ))
}

/// Adds a session to the cohort, within its dates.
#[utoipa::path(post, path = "/training/cohorts/{id}/sessions", tag = "training", params(("id" = i64, Path)), request_body = TrainingSessionSpec, responses((status = 201, body = Cohort), WriteProblems))]
async fn add_training_session(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<TrainingSessionSpec>,
) -> ApiResult<(StatusCode, axum::Json<Cohort>)> {
    require_manager(&who)?;
    let cohort = cohorts::add_session(&state.store, who.org_id, id, &spec).await?;
    Ok((StatusCode::CREATED, axum::Json(cohort)))
}

/// Who attended a held training session: trainees listed were present, the rest absent.
#[utoipa::path(put, path = "/training/sessions/{id}/attendance", tag = "training", params(("id" = i64, Path)), request_body = TrainingAttendanceSpec, responses((status = 200, body = Cohort), WriteProblems))]
async fn take_training_attendance(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<TrainingAttendanceSpec>,
) -> ApiResult<axum::Json<Cohort>> {
    require_manager(&who)?;
    Ok(axum::Json(
        cohorts::take_attendance(&state.store, who.org_id, id, &spec).await?,
    ))
}

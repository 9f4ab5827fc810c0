//! Programs: an organization's own designs, written whole.

use super::{PageParams, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_domain::Id;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Page;
use peergroup_domain::records::Program;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_programs, create_program))
        .routes(routes!(get_program, replace_program))
}

#[utoipa::path(get, path = "/programs", tag = "programs", params(PageParams), responses((status = 200, body = Page<Program>), ReadProblems))]
async fn list_programs(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<PageParams>,
) -> ApiResult<axum::Json<Page<Program>>> {
    let page = page(params.after, params.limit)?;
    Ok(axum::Json(
        state.store.list_programs(who.org_id, page).await?,
    ))
}

#[utoipa::path(post, path = "/programs", tag = "programs", request_body = ProgramSpec, responses((status = 201, body = Program), WriteProblems))]
async fn create_program(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<ProgramSpec>,
) -> ApiResult<(StatusCode, axum::Json<Program>)> {
    require_manager(&who)?;
    let program = state.store.create_program(who.org_id, &spec, None).await?;
    Ok((StatusCode::CREATED, axum::Json(program)))
}

#[utoipa::path(get, path = "/programs/{id}", tag = "programs", params(("id" = i64, Path)), responses((status = 200, body = Program), ReadProblems))]
async fn get_program(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Program>> {
    Ok(axum::Json(state.store.get_program(who.org_id, id).await?))
}

/// Replaces the whole design; the same rules as creating apply.
#[utoipa::path(put, path = "/programs/{id}", tag = "programs", params(("id" = i64, Path)), request_body = ProgramSpec, responses((status = 200, body = Program), WriteProblems))]
async fn replace_program(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<ProgramSpec>,
) -> ApiResult<axum::Json<Program>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state.store.update_program(who.org_id, id, &spec).await?,
    ))
}

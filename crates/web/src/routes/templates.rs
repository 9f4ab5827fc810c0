//! The built-in program templates, and copying one into the organization.

use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_domain::records::Program;
use peergroup_domain::templates::{self, ProgramTemplate};
use peergroup_domain::values::Name;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_templates))
        .routes(routes!(get_template))
        .routes(routes!(copy_template))
}

/// All seven reviewed designs.
#[utoipa::path(get, path = "/templates", tag = "templates", responses((status = 200, body = Vec<ProgramTemplate>), ReadProblems))]
async fn list_templates(_caller: Caller) -> axum::Json<&'static [ProgramTemplate]> {
    axum::Json(templates::all())
}

fn find(key: &str) -> ApiResult<&'static ProgramTemplate> {
    templates::find(key).ok_or_else(|| ApiError::not_found("template"))
}

#[utoipa::path(
    get,
    path = "/templates/{key}",
    tag = "templates",
    params(("key" = String, Path, description = "Template key, such as tang-2015")),
    responses((status = 200, body = ProgramTemplate), ReadProblems)
)]
async fn get_template(
    _caller: Caller,
    Path(key): Path<String>,
) -> ApiResult<axum::Json<&'static ProgramTemplate>> {
    find(&key).map(axum::Json)
}

/// How to name the copy; send `{}` to keep the template's name.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyTemplate {
    #[serde(default)]
    pub name: Option<Name>,
}

/// Copies a template into the caller's organization as an editable program, with the
/// design's training as modules and each facilitator role's requirements.
#[utoipa::path(
    post,
    path = "/templates/{key}/copy",
    tag = "templates",
    params(("key" = String, Path, description = "Template key")),
    request_body = CopyTemplate,
    responses((status = 201, body = Program), WriteProblems)
)]
async fn copy_template(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(key): Path<String>,
    Json(copy): Json<CopyTemplate>,
) -> ApiResult<(StatusCode, axum::Json<Program>)> {
    require_manager(&who)?;
    let template = find(&key)?;
    let program =
        peergroup_app::training::copy_template(&state.store, who.org_id, template, copy.name)
            .await?;
    Ok((StatusCode::CREATED, axum::Json(program)))
}

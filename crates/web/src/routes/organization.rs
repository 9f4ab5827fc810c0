//! The caller's organization and its settings: quiet hours for reminders and the reply-to
//! address of its mail. Coordinators read them; only admins change them.

use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json};
use axum::extract::State;
use peergroup_domain::org::OrgSettings;
use peergroup_domain::records::OrganizationDetail;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_organization, replace_settings))
}

#[utoipa::path(get, path = "/organization", tag = "organization", responses((status = 200, body = OrganizationDetail), ReadProblems))]
async fn get_organization(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<OrganizationDetail>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state.store.organization_detail(who.org_id).await?,
    ))
}

/// Replaces the settings whole. Admins only.
#[utoipa::path(put, path = "/organization", tag = "organization", request_body = OrgSettings, responses((status = 200, body = OrganizationDetail), WriteProblems))]
async fn replace_settings(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(settings): Json<OrgSettings>,
) -> ApiResult<axum::Json<OrganizationDetail>> {
    require_admin(&who)?;
    Ok(axum::Json(
        state
            .store
            .update_org_settings(who.org_id, &settings)
            .await?,
    ))
}

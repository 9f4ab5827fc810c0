//! The caller's organization and its settings: quiet hours for reminders and the reply-to
//! address of its mail. Coordinators read them; only admins change them.

use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json};
use axum::extract::State;
use peergroup_domain::Id;
use peergroup_domain::org::OrgSettings;
use peergroup_domain::records::OrganizationDetail;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_organization, replace_settings))
        .routes(routes!(retention_preview))
}

/// Who the next nightly run erases under the organization's retention period.
#[derive(Debug, Serialize, ToSchema)]
pub struct RetentionPreview {
    pub retention_months: Option<u16>,
    /// Nobody when no period is set.
    pub due: Vec<DuePerson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DuePerson {
    pub person_id: Id,
    pub display_name: String,
}

/// The people whose personal data the next nightly run erases: everyone whose last group
/// (as participant or facilitator) ended longer ago than `retention_months`.
#[utoipa::path(get, path = "/organization/retention", tag = "organization", responses((status = 200, body = RetentionPreview), ReadProblems))]
async fn retention_preview(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<RetentionPreview>> {
    require_manager(&who)?;
    let months = state
        .store
        .organization_detail(who.org_id)
        .await?
        .settings
        .retention_months;
    let due = match months {
        Some(m) => {
            let now = state.store.clock().now();
            peergroup_app::retention::preview(&state.store, who.org_id, m.into(), now).await?
        }
        None => Vec::new(),
    };
    Ok(axum::Json(RetentionPreview {
        retention_months: months,
        due: due
            .into_iter()
            .map(|(person_id, display_name)| DuePerson {
                person_id,
                display_name,
            })
            .collect(),
    }))
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

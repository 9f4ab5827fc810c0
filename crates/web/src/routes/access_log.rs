//! The access log, for admins: who read or changed whose personal data, when and how, per
//! person or per user; and a check of its hash chain. No route changes or deletes it.

use super::page;
use crate::AppState;
use crate::access::require_admin;
use crate::error::{ApiResult, ReadProblems};
use crate::extract::{Caller, Query};
use axum::extract::State;
use peergroup_domain::access_log::{AccessEntry, AccessLogCheck};
use peergroup_domain::records::Page;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_entries))
        .routes(routes!(check_chain))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AccessLogParams {
    /// Only entries about this person.
    pub person_id: Option<i64>,
    /// Only entries by this user.
    pub user_id: Option<i64>,
    /// Entries with ids greater than this.
    pub after: Option<i64>,
    /// How many, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The organization's access log, oldest first. Admins only.
#[utoipa::path(get, path = "/access-log", tag = "organization", params(AccessLogParams), responses((status = 200, body = Page<AccessEntry>), ReadProblems))]
async fn list_entries(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<AccessLogParams>,
) -> ApiResult<axum::Json<Page<AccessEntry>>> {
    require_admin(&who)?;
    let page = page(params.after, params.limit)?;
    Ok(axum::Json(
        state
            .store
            .access_log(who.org_id, params.person_id, params.user_id, page)
            .await?,
    ))
}

/// Walks the log's hash chain: `first_broken` names the first entry that was edited, or
/// that follows a deleted one. Admins only.
#[utoipa::path(get, path = "/access-log/check", tag = "organization", responses((status = 200, body = AccessLogCheck), ReadProblems))]
async fn check_chain(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<AccessLogCheck>> {
    require_admin(&who)?;
    Ok(axum::Json(state.store.check_access_log(who.org_id).await?))
}

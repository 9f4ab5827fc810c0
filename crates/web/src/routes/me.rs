//! Who am I: the caller's organization, email and role.

use crate::AppState;
use crate::error::ReadProblems;
use crate::extract::Caller;
use axum::Json;
use peergroup_domain::records::Principal;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(me))
}

/// The caller, as their token identifies them.
#[utoipa::path(get, path = "/me", tag = "people", responses((status = 200, body = Principal), ReadProblems))]
async fn me(Caller(who): Caller) -> Json<Principal> {
    Json(who)
}

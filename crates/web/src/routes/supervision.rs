//! Supervision of peer facilitators: professional mentors log their contacts; coordinators
//! see peers without recent supervision and each peer's workload.

use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Query};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_domain::training::SupervisionReport;
use peergroup_domain::training::{SupervisionContact, SupervisionSpec};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_contacts, record_contact))
        .routes(routes!(supervision_report))
}

/// Coordinators see every contact; a facilitator sees those where they are mentor or peer.
#[utoipa::path(get, path = "/supervision-contacts", tag = "supervision", responses((status = 200, body = Vec<SupervisionContact>), ReadProblems))]
async fn list_contacts(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<SupervisionContact>>> {
    let contacts = if who.role.can_manage() {
        state.store.list_supervision(who.org_id, None).await?
    } else {
        let own = state.store.people_of_user(&who).await?;
        state.store.list_supervision(who.org_id, Some(&own)).await?
    };
    Ok(axum::Json(contacts))
}

/// Logs a supervision contact with a peer facilitator. A facilitator logs their own, as
/// the mentor; coordinators may log anyone's.
#[utoipa::path(post, path = "/supervision-contacts", tag = "supervision", request_body = SupervisionSpec, responses((status = 201, body = SupervisionContact), WriteProblems))]
async fn record_contact(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<SupervisionSpec>,
) -> ApiResult<(StatusCode, axum::Json<SupervisionContact>)> {
    if !who.role.can_manage()
        && !state
            .store
            .people_of_user(&who)
            .await?
            .contains(&spec.mentor_person_id)
    {
        return Err(ApiError::forbidden(
            "a facilitator logs only their own supervision contacts, as the mentor",
        ));
    }
    let contact = state
        .store
        .record_supervision(who.org_id, Some(who.user_id), &spec)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(contact)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// A peer with no contact in this many weeks is overdue: 1 to 52 (default 4).
    #[param(minimum = 1, maximum = 52)]
    pub weeks: Option<u32>,
}

/// Peer facilitators of active groups: last supervision, overdue ones first, and workload.
#[utoipa::path(get, path = "/reports/supervision", tag = "supervision", params(ReportParams), responses((status = 200, body = SupervisionReport), ReadProblems))]
async fn supervision_report(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<ReportParams>,
) -> ApiResult<axum::Json<SupervisionReport>> {
    require_manager(&who)?;
    let weeks = params.weeks.unwrap_or(4);
    if !(1..=52).contains(&weeks) {
        return Err(ApiError::field("weeks", "must be from 1 to 52"));
    }
    Ok(axum::Json(
        state.store.supervision_report(who.org_id, weeks).await?,
    ))
}

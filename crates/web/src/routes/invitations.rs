//! Inviting people to sign in to the web pages: the user is created (or given the role),
//! and mailed a link that lets them choose a password once, within `web.invitation_days`.

use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiError, ApiResult, WriteProblems};
use crate::extract::{Caller, Json};
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use peergroup_app::sign_in;
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::values::Email;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(invite))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub email: Email,
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub user_id: Id,
    pub email: Email,
    pub role: Role,
    /// The mailed link works once, until then.
    pub expires_at: DateTime<Utc>,
}

/// Invites someone to sign in to the pages, mailing them a one-time link to choose a
/// password. Coordinators and admins; only an admin may invite an admin. Inviting a user
/// again mails a new link (and sets their role).
#[utoipa::path(post, path = "/invitations", tag = "organization", request_body = NewInvitation, responses((status = 201, body = Invitation), WriteProblems))]
async fn invite(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<NewInvitation>,
) -> ApiResult<(StatusCode, axum::Json<Invitation>)> {
    require_manager(&who)?;
    if spec.role == Role::Admin && who.role != Role::Admin {
        return Err(ApiError::forbidden("only admins can invite an admin"));
    }
    let invited = sign_in::invite(
        &state.store,
        who.org_id,
        &spec.email,
        spec.role,
        state.login.invitation,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(Invitation {
            user_id: invited.user_id,
            email: spec.email,
            role: spec.role,
            expires_at: invited.expires_at,
        }),
    ))
}

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
use peergroup_notify::locale::LOCALES;
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
    /// The language of the invitation mail and of the user's pages, one of the reminders'
    /// locales (`en`, `es`, `fr`, `uk`, `ar`, `ne`, `pa-Guru`, `zh-Hans`, `fa-AF`); the user
    /// can change it. Without it, English until they choose.
    #[serde(default)]
    pub locale: Option<String>,
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
    let locale = match spec.locale.as_deref() {
        None => None,
        Some(l) => Some(*LOCALES.iter().find(|x| **x == l).ok_or_else(|| {
            ApiError::field("locale", format!("must be one of {}", LOCALES.join(", ")))
        })?),
    };
    let invited = sign_in::invite(
        &state.store,
        who.org_id,
        &spec.email,
        spec.role,
        locale,
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

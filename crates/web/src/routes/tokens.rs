//! Bearer tokens of the caller's organization: admins list them and revoke them. Tokens
//! are issued with `peergroup token create`; the secret is shown only then.

use crate::AppState;
use crate::access::require_admin;
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Path};
use axum::extract::State;
use peergroup_domain::Id;
use peergroup_domain::records::TokenRecord;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tokens))
        .routes(routes!(revoke_token))
}

/// Every token of the organization, newest first, with when it was last used. Admins only.
#[utoipa::path(get, path = "/tokens", tag = "organization", responses((status = 200, body = Vec<TokenRecord>), ReadProblems))]
async fn list_tokens(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<TokenRecord>>> {
    require_admin(&who)?;
    Ok(axum::Json(state.store.tokens(who.org_id).await?))
}

/// Revokes a token: this server refuses it from the next request, other servers within
/// `server.auth_cache_seconds`. Revoking it again changes nothing. Admins only.
#[utoipa::path(post, path = "/tokens/{id}/revoke", tag = "organization", params(("id" = i64, Path)), responses((status = 200, body = TokenRecord), WriteProblems))]
async fn revoke_token(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<TokenRecord>> {
    require_admin(&who)?;
    let revoked = state.store.revoke_token(id, Some(who.org_id)).await?;
    state.tokens.forget(revoked.id);
    Ok(axum::Json(revoked))
}

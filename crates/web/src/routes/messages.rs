//! Messages, for coordinators: what was sent to whom about which session, how it went, and
//! the last error; a dead message can be sent again by hand. No addresses, no content.

use super::page;
use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Path, Query};
use axum::extract::State;
use peergroup_domain::Id;
use peergroup_domain::records::Page;
use peergroup_domain::reminders::MessageRecord;
use peergroup_domain::reminders::MessageState;
use peergroup_store::messages::MessageFilter;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_messages))
        .routes(routes!(get_message))
        .routes(routes!(retry_message))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MessageParams {
    pub session_id: Option<Id>,
    pub person_id: Option<Id>,
    /// `queued`, `sent`, `retrying`, `dead` or `skipped`.
    pub state: Option<MessageState>,
    pub after: Option<i64>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The organization's messages, filterable by session, person and state (coordinators).
#[utoipa::path(get, path = "/messages", tag = "reminders", params(MessageParams), responses((status = 200, body = Page<MessageRecord>), ReadProblems))]
async fn list_messages(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<MessageParams>,
) -> ApiResult<axum::Json<Page<MessageRecord>>> {
    require_manager(&who)?;
    let page = page(params.after, params.limit)?;
    let filter = MessageFilter {
        session_id: params.session_id,
        person_id: params.person_id,
        state: params.state,
    };
    Ok(axum::Json(
        state.store.list_messages(who.org_id, &filter, page).await?,
    ))
}

/// One message (coordinators).
#[utoipa::path(get, path = "/messages/{id}", tag = "reminders", params(("id" = i64, Path)), responses((status = 200, body = MessageRecord), ReadProblems))]
async fn get_message(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<MessageRecord>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.get_message(who.org_id, id).await?))
}

/// Sends a dead message again, with a fresh count of attempts (coordinators); any other
/// state is 409.
#[utoipa::path(post, path = "/messages/{id}/retry", tag = "reminders", params(("id" = i64, Path)), responses((status = 200, body = MessageRecord), WriteProblems))]
async fn retry_message(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<MessageRecord>> {
    require_manager(&who)?;
    Ok(axum::Json(
        peergroup_app::messages::retry(&state.store, who.org_id, id).await?,
    ))
}

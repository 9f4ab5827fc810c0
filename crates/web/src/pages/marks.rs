//! One roll-call tap sent from a phone's queue (`static/app.js`): JSON in, JSON out, with
//! the session's cookie and its form token in `X-CSRF-Token`. A tap sent again is kept once.

use super::login::{Fields, SignedIn};
use crate::AppState;
use crate::access::require_session_visible;
use crate::error::{ApiError, ApiResult};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use peergroup_app::phone_marks;
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::attendance::PhoneMark;
use serde::Serialize;

#[derive(Serialize)]
struct Kept {
    /// False for a tap sent before (its id was kept already).
    new: bool,
    /// Other facilitators' different marks of the same person, in the user's words.
    disagreements: Vec<String>,
}

pub async fn keep_mark(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !signed.carries_token(&Fields::default(), &headers) {
        return ApiError::forbidden("send the page's form token in X-CSRF-Token").into_response();
    }
    match kept(&state, &signed, &id, &body).await {
        Ok(k) => axum::Json(k).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn kept(state: &AppState, signed: &SignedIn, id: &str, body: &[u8]) -> ApiResult<Kept> {
    let id: Id = id.parse().map_err(|_| ApiError::not_found("session"))?;
    require_session_visible(state, &signed.who, id).await?;
    let mark: PhoneMark = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the mark is not valid JSON: {e}")))?;
    let logged = async {
        let kept = phone_marks::keep(&state.store, &signed.who, id, &mark).await?;
        if kept.new {
            let about = About::Person(mark.person_id);
            let route = "POST /sessions/{id}/marks";
            state
                .log_access(&signed.who, AccessAction::Change, about, route)
                .await?;
        }
        ApiResult::Ok(kept)
    };
    let kept = state.store.in_one_transaction(logged).await?;
    let w = &signed.words;
    Ok(Kept {
        new: kept.new,
        disagreements: kept
            .disagreements
            .iter()
            .map(|k| {
                w.tn(
                    "mark-disagrees",
                    &[
                        ("by", k.by.clone()),
                        ("mark", w.t(&format!("mark-{}", k.status.as_str()))),
                    ],
                )
            })
            .collect(),
    })
}

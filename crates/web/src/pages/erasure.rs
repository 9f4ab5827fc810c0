//! An admin erases a participant's personal data from their page, after ticking that they
//! understand it cannot be undone.

use super::login::{Fields, SignedIn, refused};
use super::{error_page, message};
use crate::AppState;
use crate::access::require_admin;
use crate::error::ApiError;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_domain::Id;

pub async fn erase(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_admin(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let Ok(person) = id.parse::<Id>() else {
        return error_page(w, signed.me(), ApiError::not_found("person"));
    };
    if fields.get("confirm") != Some("yes") {
        let back = (format!("/participants/{person}#erase"), w.t("back"));
        return message(
            StatusCode::UNPROCESSABLE_ENTITY,
            w,
            signed.me(),
            "bad-input-title",
            w.t("erase-not-confirmed"),
            Some(back),
        );
    }
    let route = "POST /participants/{id}/erase";
    match state.erase(&signed.who, person, route).await {
        Ok(_) => Redirect::to(&format!("/participants/{person}")).into_response(),
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

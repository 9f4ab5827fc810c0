//! People: participants and facilitators. Contact details are for coordinators only.

use super::page;
use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::ApiError;
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction, By};
use peergroup_domain::consent::{ConsentInput, ConsentRecord};
use peergroup_domain::person::PersonSpec;
use peergroup_domain::records::Page;
use peergroup_domain::records::Person;
use peergroup_domain::subject_access::PersonExport;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_people, create_person))
        .routes(routes!(get_person, replace_person))
        .routes(routes!(get_consent, replace_consent))
        .routes(routes!(erase_person))
        .routes(routes!(export_person))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PeopleParams {
    /// Only people whose name or email contains this, in any case, or whose phone number
    /// contains its digits: 1 to 100 characters.
    #[param(min_length = 1, max_length = 100)]
    pub q: Option<String>,
    /// Return people with ids greater than this.
    pub after: Option<i64>,
    /// How many people, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The organization's people, by id; `q` searches them.
#[utoipa::path(get, path = "/people", tag = "people", params(PeopleParams), responses((status = 200, body = Page<Person>), ReadProblems))]
async fn list_people(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<PeopleParams>,
) -> ApiResult<axum::Json<Page<Person>>> {
    require_manager(&who)?;
    let page = page(params.after, params.limit)?;
    let q = params.q.as_deref();
    if q.is_some_and(|q| q.is_empty() || q.chars().count() > 100) {
        return Err(ApiError::field("q", "must be 1 to 100 characters"));
    }
    let found = state.store.list_people(who.org_id, q, page).await?;
    state
        .log_read(&who, About::People, "GET /api/v1/people")
        .await?;
    Ok(axum::Json(found))
}

#[utoipa::path(post, path = "/people", tag = "people", request_body = PersonSpec, responses((status = 201, body = Person), WriteProblems))]
async fn create_person(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<PersonSpec>,
) -> ApiResult<(StatusCode, axum::Json<Person>)> {
    require_manager(&who)?;
    let by = By {
        user: Some(who.user_id),
        route: "POST /api/v1/people",
    };
    let person = state.store.create_person(who.org_id, &spec, by).await?;
    Ok((StatusCode::CREATED, axum::Json(person)))
}

#[utoipa::path(get, path = "/people/{id}", tag = "people", params(("id" = i64, Path)), responses((status = 200, body = Person), ReadProblems))]
async fn get_person(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Person>> {
    require_manager(&who)?;
    let person = state.store.get_person(who.org_id, id).await?;
    state
        .log_read(&who, About::Person(id), "GET /api/v1/people/{id}")
        .await?;
    Ok(axum::Json(person))
}

/// Replaces a person's details. Consent keeps the time it was first given; a change of
/// consent needs `consent.source`, and is kept in the person's consent history.
#[utoipa::path(put, path = "/people/{id}", tag = "people", params(("id" = i64, Path)), request_body = PersonSpec, responses((status = 200, body = Person), WriteProblems))]
async fn replace_person(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<PersonSpec>,
) -> ApiResult<axum::Json<Person>> {
    require_manager(&who)?;
    let update = state.store.update_person(who.org_id, id, &spec);
    let route = "PUT /api/v1/people/{id}";
    let person = state
        .logged_change(&who, route, |_| About::Person(id), update)
        .await?;
    Ok(axum::Json(person))
}

/// What the person agrees to now, per purpose, and every change with how it was given.
#[utoipa::path(get, path = "/people/{id}/consent", tag = "people", params(("id" = i64, Path)), responses((status = 200, body = ConsentRecord), ReadProblems))]
async fn get_consent(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<ConsentRecord>> {
    require_manager(&who)?;
    let record = state.store.consent_record(who.org_id, id).await?;
    let route = "GET /api/v1/people/{id}/consent";
    state.log_read(&who, About::Person(id), route).await?;
    Ok(axum::Json(record))
}

/// Replaces what the person agrees to, every purpose at once (an omitted one is `false`).
/// A change needs `source`. Withdrawing consent takes effect at once: with no consent to
/// reminders left, their waiting reminders are not sent.
#[utoipa::path(put, path = "/people/{id}/consent", tag = "people", params(("id" = i64, Path)), request_body = ConsentInput, responses((status = 200, body = ConsentRecord), WriteProblems))]
async fn replace_consent(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(input): Json<ConsentInput>,
) -> ApiResult<axum::Json<ConsentRecord>> {
    require_manager(&who)?;
    let set = state.store.set_consent(who.org_id, id, &input);
    let route = "PUT /api/v1/people/{id}/consent";
    state
        .logged_change(&who, route, |_| About::Person(id), set)
        .await?;
    Ok(axum::Json(
        state.store.consent_record(who.org_id, id).await?,
    ))
}

/// Erases the person's personal data (an admin's act, and final): name (now `#<id>`),
/// contacts, consent, SMS replies, call notes, support details and waiting messages. Their
/// enrolments, attendance and scores stay, so that the group's figures do not change. The
/// person keeps when it was done and by whom; erasing again changes nothing.
#[utoipa::path(post, path = "/people/{id}/erasure", tag = "people", params(("id" = i64, Path)), responses((status = 200, body = Person), WriteProblems))]
async fn erase_person(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Person>> {
    require_admin(&who)?;
    state
        .erase(&who, id, "POST /api/v1/people/{id}/erasure")
        .await?;
    Ok(axum::Json(state.store.get_person(who.org_id, id).await?))
}

/// Everything held about the person, in one answer, for when they ask for it: their record,
/// consent and its history, groups with attendance, supports and scores, the messages sent
/// to them, their SMS replies and the follow-up calls about them.
#[utoipa::path(get, path = "/people/{id}/export", tag = "people", params(("id" = i64, Path)), responses((status = 200, body = PersonExport), ReadProblems))]
async fn export_person(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<PersonExport>> {
    require_manager(&who)?;
    let export = peergroup_app::subject_access::export(&state.store, who.org_id, id).await?;
    let route = "GET /api/v1/people/{id}/export";
    state
        .log_access(&who, AccessAction::Export, About::Person(id), route)
        .await?;
    Ok(axum::Json(export))
}

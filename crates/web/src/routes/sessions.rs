//! A group's sessions: generating the schedule and listing it over a date range; and the
//! calendar of dates with no session.

use crate::AppState;
use crate::access::{require_group_visible, require_manager, visible_groups};
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use peergroup_app::session_changes;
use peergroup_domain::records::{Exclusion, Session};
use peergroup_domain::records::{GenerateOutcome, SessionChange};
use peergroup_domain::schedule::localize;
use peergroup_domain::schedule::{ExtraSession, Reschedule};
use peergroup_domain::values::Text;
use peergroup_domain::values::{Name, TimeZone};
use peergroup_domain::{Id, ValidationErrors};
use peergroup_store::sessions::{SessionRange, SessionScope};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The longest range one listing may cover.
pub const MAX_RANGE_DAYS: i64 = 731;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(generate))
        .routes(routes!(list_sessions, add_session))
        .routes(routes!(list_org_sessions))
        .routes(routes!(list_facilitator_sessions))
        .routes(routes!(get_session))
        .routes(routes!(reschedule))
        .routes(routes!(cancel))
        .routes(routes!(list_exclusions, add_exclusions))
        .routes(routes!(remove_exclusion))
}

/// Lays out the group's sessions from its program (or again, after a change). Sessions that
/// were held or have started are never touched; future ones are updated in place with their
/// sequence bumped; those no longer in the plan are cancelled, not deleted.
///
/// Local wall-clock time stays fixed across DST changes. A start time that does not exist on
/// a day (the spring-forward gap) moves forward by the length of the gap; an ambiguous one
/// (the fall-back hour) takes the earlier instant.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GenerateParams {
    /// Also create the plan's sessions that fall before now (bringing in a group that was
    /// already running), so that they can be logged; they get no reminders.
    #[serde(default)]
    pub include_past: bool,
}

#[utoipa::path(post, path = "/groups/{id}/sessions/generate", tag = "sessions", params(("id" = i64, Path), GenerateParams), responses((status = 200, body = GenerateOutcome), WriteProblems))]
async fn generate(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<GenerateParams>,
) -> ApiResult<axum::Json<GenerateOutcome>> {
    require_manager(&who)?;
    Ok(axum::Json(
        peergroup_app::schedules::generate(&state.store, who.org_id, id, params.include_past)
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First local date, inclusive (YYYY-MM-DD).
    #[param(format = Date)]
    pub from: String,
    /// Last local date, exclusive (YYYY-MM-DD); at most two years after `from`.
    #[param(format = Date)]
    pub to: String,
    /// IANA timezone the dates are in and starts are shown in; the group's by default.
    #[param(value_type = Option<peergroup_domain::values::TimeZone>)]
    pub tz: Option<String>,
}

fn parse_date(field: &str, raw: &str, errors: &mut ValidationErrors) -> Option<NaiveDate> {
    let parsed = Some(raw)
        .filter(|raw| crate::body_shape::is_strict_date(raw))
        .and_then(|raw| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok());
    errors.check(
        parsed.is_some(),
        field,
        format!("`{raw}` is not a date written YYYY-MM-DD"),
    );
    parsed
}

/// Checks a listing's range. With `tz`, the dates are read in that zone and starts shown in
/// it; without, each session's own group-local date is compared.
fn parse_range(params: &RangeParams) -> ApiResult<(SessionRange, Option<chrono_tz::Tz>)> {
    let mut errors = ValidationErrors::new();
    let from = parse_date("from", &params.from, &mut errors);
    let to = parse_date("to", &params.to, &mut errors);
    let tz = match &params.tz {
        Some(raw) => TimeZone::parse(raw).map_err(|m| errors.add("tz", m)).ok(),
        None => None,
    };
    if let (Some(from), Some(to)) = (from, to) {
        errors.check(to > from, "to", "must be after `from`");
        errors.check(
            (to - from).num_days() <= MAX_RANGE_DAYS,
            "to",
            "a range is at most two years",
        );
    }
    errors.into_result()?;
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ApiError::internal());
    };
    Ok(match tz {
        Some(zone) => {
            let midnight = chrono::NaiveTime::MIN;
            let (from, _) = localize(zone.tz(), from, midnight);
            let (to, _) = localize(zone.tz(), to, midnight);
            (SessionRange::Instants { from, to }, Some(zone.tz()))
        }
        None => (SessionRange::LocalDates { from, to }, None),
    })
}

/// The group's sessions from `from` (inclusive) to `to` (exclusive): local dates in `tz`, or
/// in the group's timezone.
#[utoipa::path(get, path = "/groups/{id}/sessions", tag = "sessions", params(("id" = i64, Path), RangeParams), responses((status = 200, body = Vec<Session>), ReadProblems, (status = 422, description = "A bad date, range or timezone")))]
async fn list_sessions(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<RangeParams>,
) -> ApiResult<axum::Json<Vec<Session>>> {
    require_group_visible(&state, &who, id).await?;
    let (range, display) = parse_range(&params)?;
    state.store.get_group(who.org_id, id).await?;
    let scope = SessionScope::Groups(vec![id]);
    Ok(axum::Json(
        state
            .store
            .list_sessions(who.org_id, &scope, range, display)
            .await?,
    ))
}

/// Every session of the organization in the range (a facilitator: of their own groups).
#[utoipa::path(get, path = "/sessions", tag = "sessions", params(RangeParams), responses((status = 200, body = Vec<Session>), ReadProblems, (status = 422, description = "A bad date, range or timezone")))]
async fn list_org_sessions(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<RangeParams>,
) -> ApiResult<axum::Json<Vec<Session>>> {
    let (range, display) = parse_range(&params)?;
    let scope = match visible_groups(&state, &who).await? {
        None => SessionScope::Organization,
        Some(ids) => SessionScope::Groups(ids),
    };
    Ok(axum::Json(
        state
            .store
            .list_sessions(who.org_id, &scope, range, display)
            .await?,
    ))
}

/// One facilitator's sessions across all the groups they are assigned to. A facilitator may
/// list their own; coordinators anyone's.
#[utoipa::path(get, path = "/people/{id}/sessions", tag = "sessions", params(("id" = i64, Path), RangeParams), responses((status = 200, body = Vec<Session>), ReadProblems, (status = 422, description = "A bad date, range or timezone")))]
async fn list_facilitator_sessions(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<RangeParams>,
) -> ApiResult<axum::Json<Vec<Session>>> {
    let (range, display) = parse_range(&params)?;
    let person = state.store.get_person(who.org_id, id).await?;
    let own = person
        .spec
        .email
        .as_ref()
        .is_some_and(|e| e.as_str().eq_ignore_ascii_case(&who.email));
    if !who.role.can_manage() && !own {
        return Err(ApiError::not_found("person"));
    }
    let groups = state.store.groups_facilitated_by(who.org_id, id).await?;
    let scope = SessionScope::Groups(groups);
    Ok(axum::Json(
        state
            .store
            .list_sessions(who.org_id, &scope, range, display)
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExclusionParams {
    /// A group's exclusions (its own and the organization's); all of them when absent.
    pub group_id: Option<Id>,
}

#[utoipa::path(get, path = "/exclusions", tag = "sessions", params(ExclusionParams), responses((status = 200, body = Vec<Exclusion>), ReadProblems))]
async fn list_exclusions(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<ExclusionParams>,
) -> ApiResult<axum::Json<Vec<Exclusion>>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state
            .store
            .list_exclusions(who.org_id, params.group_id)
            .await?,
    ))
}

/// Dates with no session: public holidays, the venue closed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewExclusions {
    /// One group's calendar; the whole organization's when absent.
    #[serde(default)]
    pub group_id: Option<Id>,
    /// 1 to 400 local dates.
    #[schema(min_items = 1, max_items = 400)]
    pub dates: Vec<NaiveDate>,
    pub reason: Name,
}

/// Adds dates with no session. Regenerate a group's schedule for them to take effect.
#[utoipa::path(post, path = "/exclusions", tag = "sessions", request_body = NewExclusions, responses((status = 201, body = Vec<Exclusion>), WriteProblems))]
async fn add_exclusions(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(new): Json<NewExclusions>,
) -> ApiResult<(StatusCode, axum::Json<Vec<Exclusion>>)> {
    require_manager(&who)?;
    let created = peergroup_app::exclusions::add(
        &state.store,
        who.org_id,
        new.group_id,
        &new.dates,
        &new.reason,
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(created)))
}

#[utoipa::path(delete, path = "/exclusions/{id}", tag = "sessions", params(("id" = i64, Path)), responses((status = 204, description = "Removed"), WriteProblems))]
async fn remove_exclusion(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<StatusCode> {
    require_manager(&who)?;
    state.store.remove_exclusion(who.org_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/sessions/{id}", tag = "sessions", params(("id" = i64, Path)), responses((status = 200, body = Session), ReadProblems))]
async fn get_session(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Session>> {
    let session = state.store.get_session(who.org_id, id).await?;
    require_group_visible(&state, &who, session.group_id).await?;
    Ok(axum::Json(session))
}

/// Moves one session to another date, time or venue. Its sequence is bumped so that
/// calendars and reminders can be corrected; regeneration leaves it alone afterwards. A held
/// session cannot move (409), nor can any session move into the past (422), nor can a move
/// put a facilitator in two sessions at once (409, naming the other session). Another group
/// at the same venue at the same time comes back as a warning.
#[utoipa::path(post, path = "/sessions/{id}/reschedule", tag = "sessions", params(("id" = i64, Path)), request_body = Reschedule, responses((status = 200, body = SessionChange), WriteProblems))]
async fn reschedule(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(change): Json<Reschedule>,
) -> ApiResult<axum::Json<SessionChange>> {
    require_manager(&who)?;
    Ok(axum::Json(
        session_changes::reschedule(&state.store, who.org_id, id, &change).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    pub reason: Text,
}

/// Cancels one session with a reason. It stays in listings and feeds, marked cancelled.
#[utoipa::path(post, path = "/sessions/{id}/cancel", tag = "sessions", params(("id" = i64, Path)), request_body = Cancellation, responses((status = 200, body = Session), WriteProblems))]
async fn cancel(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(c): Json<Cancellation>,
) -> ApiResult<axum::Json<Session>> {
    require_manager(&who)?;
    Ok(axum::Json(
        session_changes::cancel(&state.store, who.org_id, id, &c.reason).await?,
    ))
}

/// Adds a session outside the plan, such as a make-up session.
#[utoipa::path(post, path = "/groups/{id}/sessions", tag = "sessions", params(("id" = i64, Path)), request_body = ExtraSession, responses((status = 201, body = SessionChange), WriteProblems))]
async fn add_session(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(extra): Json<ExtraSession>,
) -> ApiResult<(StatusCode, axum::Json<SessionChange>)> {
    require_manager(&who)?;
    let session = session_changes::add(&state.store, who.org_id, id, &extra).await?;
    Ok((StatusCode::CREATED, axum::Json(session)))
}

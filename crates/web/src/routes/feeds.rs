//! Calendar feeds: coordinators create revocable links; calendar apps fetch `.ics` files
//! from them without logging in. Feeds carry sessions only: never a participant's name.

use crate::AppState;
use crate::access::require_manager;
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use peergroup_domain::Id;
use peergroup_domain::ical::{self, FeedEvent};
use peergroup_domain::records::{CalendarFeed, FeedKind, SessionKind, SessionStatus};
use peergroup_domain::values::TimeZone;
use peergroup_store::sessions::{SessionRange, SessionScope};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Feeds carry sessions from this long ago…
const FEED_PAST_DAYS: i64 = 90;
/// …to this far ahead.
const FEED_FUTURE_DAYS: i64 = 731;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_feeds, create_feed))
        .routes(routes!(revoke_feed))
}

/// The public route, outside the authenticated API.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(calendar))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFeed {
    pub kind: FeedKind,
    /// The group (kind `group`) or the facilitator's person id (kind `facilitator`).
    #[serde(default)]
    pub subject_id: Option<Id>,
}

/// Creates a feed. The response's `url` (a path under this server) holds the secret and is
/// shown only once; give it to a calendar app.
#[utoipa::path(post, path = "/calendar-feeds", tag = "sessions", request_body = NewFeed, responses((status = 201, body = CalendarFeed), WriteProblems))]
async fn create_feed(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(new): Json<NewFeed>,
) -> ApiResult<(StatusCode, axum::Json<CalendarFeed>)> {
    require_manager(&who)?;
    let feed = state
        .store
        .create_feed(who.org_id, new.kind, new.subject_id)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(feed)))
}

#[utoipa::path(get, path = "/calendar-feeds", tag = "sessions", responses((status = 200, body = Vec<CalendarFeed>), ReadProblems))]
async fn list_feeds(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<CalendarFeed>>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.list_feeds(who.org_id).await?))
}

/// Revokes a feed: its URL stops working at once.
#[utoipa::path(post, path = "/calendar-feeds/{id}/revoke", tag = "sessions", params(("id" = i64, Path)), responses((status = 200, body = CalendarFeed), WriteProblems))]
async fn revoke_feed(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<CalendarFeed>> {
    require_manager(&who)?;
    Ok(axum::Json(state.store.revoke_feed(who.org_id, id).await?))
}

/// An iCalendar (RFC 5545) feed: one VTIMEZONE per zone used, stable UIDs, SEQUENCE that
/// follows each session's changes, STATUS:CANCELLED for cancelled sessions, the venue as
/// LOCATION and the topic in DESCRIPTION. No login: the secret in the path is the key.
#[utoipa::path(
    get,
    path = "/calendar/{file}",
    tag = "sessions",
    params(("file" = String, Path, description = "The secret from the feed's url, with .ics")),
    responses((status = 200, description = "The calendar", content_type = "text/calendar"), (status = 404, description = "Unknown or revoked feed"))
)]
async fn calendar(State(state): State<AppState>, Path(file): Path<String>) -> ApiResult<Response> {
    let secret = file.strip_suffix(".ics").unwrap_or(&file);
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::not_found("calendar feed"));
    }
    let target = state
        .store
        .find_feed(secret)
        .await?
        .ok_or_else(|| ApiError::not_found("calendar feed"))?;
    let org = target.org_id;
    let (scope, title) = match (target.kind, target.subject_id) {
        (FeedKind::Group, Some(id)) => (SessionScope::Groups(vec![id]), None),
        (FeedKind::Facilitator, Some(person)) => (
            SessionScope::Groups(state.store.groups_facilitated_by(org, person).await?),
            Some("peergroup: my sessions"),
        ),
        _ => (SessionScope::Organization, Some("peergroup: all sessions")),
    };
    let now = state.store.clock().now();
    let range = SessionRange::Instants {
        from: now - Duration::days(FEED_PAST_DAYS),
        to: now + Duration::days(FEED_FUTURE_DAYS),
    };
    let sessions = state.store.list_sessions(org, &scope, range, None).await?;
    let installation = state.installation().await?;
    let ids: Vec<Id> = sessions.iter().map(|s| s.group_id).collect();
    let names = state.store.group_names(org, &ids).await?;
    let mut events = Vec::with_capacity(sessions.len());
    for s in sessions {
        let group = names.get(&s.group_id).cloned().unwrap_or_default();
        let summary = match s.kind {
            SessionKind::Planned => format!("{group}: session {}", s.number),
            SessionKind::Extra => format!("{group}: extra session"),
        };
        let mut description = Vec::new();
        if let Some(topic) = &s.topic {
            description.push(format!("Topic: {topic}"));
        }
        if !s.phase_name.is_empty() && s.kind == SessionKind::Planned {
            description.push(format!("Phase: {}", s.phase_name));
        }
        // A cancelled event says so (STATUS:CANCELLED), but not why: the reason is typed
        // freely ("Amina's family emergency") and the feed is read without signing in.
        let location = match &s.venue.address {
            Some(address) => format!("{}, {address}", s.venue.name),
            None => s.venue.name.to_string(),
        };
        events.push(FeedEvent {
            uid: format!("session-{}.{installation}@peergroup", s.id),
            sequence: s.sequence,
            cancelled: s.status == SessionStatus::Cancelled,
            summary,
            description: (!description.is_empty()).then(|| description.join("\n")),
            location: Some(location),
            timezone: TimeZone::parse(&s.timezone)
                .map_err(|_| ApiError::internal())?
                .tz(),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            stamp: now,
        });
    }
    let name = match title {
        Some(t) => t.to_string(),
        None => format!(
            "peergroup: {}",
            names.values().next().cloned().unwrap_or_default()
        ),
    };
    let mut response = ical::calendar(&name, &events).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    Ok(response)
}

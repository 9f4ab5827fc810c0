//! Moving or cancelling one session, for coordinators: a new date, time or place (with
//! what it clashes with: a facilitator in two sessions at once is refused, another group
//! at the same place and time is a warning), or a cancellation with a reason. Participants
//! already reminded hear about either.

use super::login::{Fields, SignedIn, refused};
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use peergroup_app::session_changes;
use peergroup_domain::Id;
use peergroup_domain::calendar::LocalTime;
use peergroup_domain::group::Venue;
use peergroup_domain::records::{Session, SessionStatus};
use peergroup_domain::schedule::Reschedule;
use peergroup_domain::values::{Name, Text};
use peergroup_notify::render::date_time;

#[derive(Template)]
#[template(path = "session_change.html")]
struct ChangePage {
    frame: Frame,
    csrf: String,
    id: Id,
    group_id: Id,
    when: String,
    venue: String,
    status: String,
    scheduled: bool,
    date: String,
    time: String,
}

fn id_of(raw: &str) -> Result<Id, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("session"))
}

fn change_page(
    signed: &SignedIn,
    status: StatusCode,
    s: &Session,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
    let (date, time) = date_time(w.locale, s.starts_at, tz)
        .or_else(|_| date_time("en", s.starts_at, tz))
        .unwrap_or_default();
    let mut frame = Frame::new(w.clone(), "session-change-title", signed.me());
    frame.notices = notices;
    frame.errors = errors;
    page(
        status,
        &ChangePage {
            frame,
            csrf: signed.csrf.clone(),
            id: s.id,
            group_id: s.group_id,
            when: format!("{date} {time} ({})", s.timezone),
            venue: s.venue.name.to_string(),
            status: w.t(&format!("session-status-{}", s.status.as_str())),
            scheduled: s.status == SessionStatus::Scheduled,
            date: s.local_date.to_string(),
            time: s.local_time.clone(),
        },
    )
}

async fn session_of(state: &AppState, signed: &SignedIn, id: &str) -> Result<Session, ApiError> {
    require_manager(&signed.who)?;
    Ok(state
        .store
        .get_session(signed.who.org_id, id_of(id)?)
        .await?)
}

pub async fn change(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    match session_of(&state, &signed, &id).await {
        Ok(s) => change_page(&signed, StatusCode::OK, &s, vec![], vec![]),
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

/// The change the form asks for: only what differs from the session as it is.
fn asked(s: &Session, fields: &Fields) -> Result<Reschedule, ApiError> {
    let field = |name: &str| fields.get(name).map(str::trim).unwrap_or("");
    let date = NaiveDate::parse_from_str(field("date"), "%Y-%m-%d")
        .map_err(|_| ApiError::field("date", "choose a date"))?;
    let time =
        LocalTime::try_from(field("time").to_string()).map_err(|m| ApiError::field("time", m))?;
    let venue = match field("venue") {
        "" => None,
        v if v == s.venue.name.as_str() => None,
        v => Some(Venue {
            name: Name::parse(v).map_err(|m| ApiError::field("venue", m))?,
            address: None,
            accessibility_notes: None,
        }),
    };
    Ok(Reschedule {
        local_date: (date != s.local_date).then_some(date),
        local_time: (time.time().format("%H:%M").to_string() != s.local_time).then_some(time),
        venue,
    })
}

pub async fn move_session(
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
    let s = match session_of(&state, &signed, &id).await {
        Ok(s) => s,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let moved = async {
        let change = asked(&s, &fields)?;
        Ok::<_, ApiError>(
            session_changes::reschedule(&state.store, signed.who.org_id, s.id, &change).await?,
        )
    };
    match moved.await {
        Ok(done) => {
            let mut notices = vec![w.t("session-moved")];
            notices.extend(
                done.warnings
                    .iter()
                    .map(|x| w.t1("session-clash-warning", "what", x)),
            );
            change_page(&signed, StatusCode::OK, &done.session, notices, vec![])
        }
        Err(e) => {
            let status = StatusCode::from_u16(e.0.status).unwrap_or(StatusCode::BAD_REQUEST);
            let mut errors = vec![e.0.detail.clone()];
            errors.extend(
                e.0.errors
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message)),
            );
            change_page(&signed, status, &s, vec![], errors)
        }
    }
}

pub async fn cancel(
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
    let s = match session_of(&state, &signed, &id).await {
        Ok(s) => s,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let cancelled = async {
        let reason = Text::parse(fields.get("reason").map(str::trim).unwrap_or(""))
            .map_err(|_| ApiError::field("reason", w.t("session-cancel-needs-reason")))?;
        Ok::<_, ApiError>(
            session_changes::cancel(&state.store, signed.who.org_id, s.id, &reason).await?,
        )
    };
    match cancelled.await {
        Ok(done) => Redirect::to(&format!("/groups/{}?cancelled=1", done.group_id)).into_response(),
        Err(e) => {
            let status = StatusCode::from_u16(e.0.status).unwrap_or(StatusCode::BAD_REQUEST);
            let mut errors = vec![e.0.detail.clone()];
            errors.extend(e.0.errors.iter().map(|f| f.message.clone()));
            change_page(&signed, status, &s, vec![], errors)
        }
    }
}

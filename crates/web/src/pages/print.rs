//! Pages to print: a session's sign-in sheet (each participant with room to sign, the
//! facilitators, date, time and place in the group's timezone) and a group's roster. The
//! stylesheet's print rules drop the header and buttons.

use super::login::SignedIn;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_notify::render::date_time;

pub struct Line {
    pub name: String,
    pub language: String,
    pub phone: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage {
    frame: Frame,
    group: String,
    when: Option<String>,
    venue: String,
    facilitators: String,
    sheet: bool,
    lines: Vec<Line>,
}

fn id_of(raw: &str, what: &'static str) -> Result<Id, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found(what))
}

/// The page for a group, and for one of its sessions when `session` is given.
async fn print_page(
    state: &AppState,
    signed: &SignedIn,
    group: Option<&str>,
    session: Option<&str>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let session = match session {
            Some(raw) => Some(state.store.get_session(org, id_of(raw, "session")?).await?),
            None => None,
        };
        let group_id = match (&session, group) {
            (Some(s), _) => s.group_id,
            (None, Some(raw)) => id_of(raw, "group")?,
            (None, None) => return Err(ApiError::not_found("group")),
        };
        let (detail, _) = state.store.get_group_detail(org, group_id).await?;
        // Contacts for the roster: one read per person of one group.
        let mut people = Vec::new();
        for e in &detail.enrollments {
            let shown = match session {
                // A sign-in sheet lists those holding a place.
                Some(_) => e.status == EnrollmentStatus::Enrolled,
                None => e.status != EnrollmentStatus::Withdrawn,
            };
            if shown {
                people.push((e.clone(), state.store.get_person(org, e.person_id).await?));
            }
        }
        let route = match session {
            Some(_) => "GET /sessions/{id}/sheet",
            None => "GET /groups/{id}/roster",
        };
        state
            .log_read(&signed.who, About::Group(group_id), route)
            .await?;
        Ok::<_, ApiError>((session, detail, people))
    };
    let (session, detail, people) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let sheet = session.is_some();
    let mut frame = Frame::new(
        w.clone(),
        if sheet {
            "print-sheet-title"
        } else {
            "print-roster-title"
        },
        signed.me(),
    );
    frame.title = format!("{} · {}", frame.title, detail.group.spec.name);
    let when = session.as_ref().map(|s| {
        let tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
        let (date, time) = date_time(w.locale, s.starts_at, tz)
            .or_else(|_| date_time("en", s.starts_at, tz))
            .unwrap_or_default();
        format!("{date} {time}")
    });
    page(
        StatusCode::OK,
        &PrintPage {
            frame,
            group: detail.group.spec.name.to_string(),
            when,
            venue: session
                .as_ref()
                .map_or(&detail.group.spec.venue, |s| &s.venue)
                .name
                .to_string(),
            facilitators: detail
                .facilitators
                .iter()
                .map(|a| a.display_name.clone())
                .collect::<Vec<_>>()
                .join(", "),
            sheet,
            lines: people
                .into_iter()
                .map(|(e, p)| Line {
                    name: e.display_name,
                    language: p.spec.preferred_language.to_string(),
                    // On paper only for those who agreed to be called.
                    phone: p
                        .spec
                        .phone
                        .filter(|_| p.spec.consent.calls)
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                    status: w.t(&format!("enrolment-{}", e.status.as_str())),
                })
                .collect(),
        },
    )
}

pub async fn sign_in_sheet(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    print_page(&state, &signed, None, Some(&id)).await
}

pub async fn roster(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    print_page(&state, &signed, Some(&id), None).await
}

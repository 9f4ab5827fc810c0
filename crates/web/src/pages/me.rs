//! A facilitator's own pages: their training (modules done, readiness for each role they
//! hold, supervision contacts) and their calendar link. A user is the facilitator whose
//! email they sign in with, as in the API.

use super::login::{Fields, SignedIn, refused};
use super::{Frame, error_page, page};
use crate::AppState;
use crate::error::ApiError;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use peergroup_domain::Id;
use peergroup_domain::records::FeedKind;

/// The person the user is, when exactly one person of the organization has their email.
async fn own_person(state: &AppState, signed: &SignedIn) -> Result<Option<Id>, ApiError> {
    let people = state.store.people_of_user(&signed.who).await?;
    Ok(match people[..] {
        [one] => Some(one),
        _ => None,
    })
}

#[derive(Template)]
#[template(path = "training.html")]
struct TrainingPage {
    frame: Frame,
    missing: Option<String>,
    roles: Vec<String>,
    done: Vec<String>,
    supervision: Vec<String>,
}

pub async fn training(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let read = async {
        let Some(person) = own_person(&state, &signed).await? else {
            return Ok(None);
        };
        let record = state
            .store
            .training_record(signed.who.org_id, person)
            .await?;
        let contacts = state
            .store
            .list_supervision(signed.who.org_id, Some(&[person]))
            .await?;
        Ok::<_, ApiError>(Some((record, contacts)))
    };
    let (record, contacts) = match read.await {
        Ok(Some(found)) => found,
        Ok(None) => {
            return page(
                StatusCode::OK,
                &TrainingPage {
                    frame: Frame::new(w.clone(), "training-title", signed.me()),
                    missing: Some(w.t("not-a-facilitator")),
                    roles: vec![],
                    done: vec![],
                    supervision: vec![],
                },
            );
        }
        Err(e) => return error_page(w, signed.me(), e),
    };
    let roles = record
        .assignments
        .iter()
        .flat_map(|a| {
            let role = a.program_role.clone().unwrap_or_default();
            let mut lines = vec![if a.unmet.is_empty() {
                w.tn(
                    "training-role-ready",
                    &[("group", a.group_name.clone()), ("role", role.clone())],
                )
            } else {
                w.tn(
                    "training-role-missing",
                    &[
                        ("group", a.group_name.clone()),
                        ("role", role),
                        ("missing", a.unmet.join(", ")),
                    ],
                )
            }];
            if !a.expiring.is_empty() {
                lines.push(w.t1("training-role-expiring", "modules", a.expiring.join(", ")));
            }
            if a.overridden {
                lines.push(w.t("training-role-override"));
            }
            lines
        })
        .collect();
    let done = record
        .completions
        .iter()
        .map(|c| {
            let mut line = w.tn(
                "training-done-line",
                &[
                    ("module", c.module_title.clone()),
                    ("date", c.spec.completed_on.to_string()),
                ],
            );
            if !c.valid_today {
                line.push_str(&format!(" ({})", w.t("training-expired")));
            }
            line
        })
        .collect();
    let supervision = contacts
        .iter()
        .map(|c| {
            w.tn(
                "supervision-line",
                &[
                    ("date", c.spec.held_on.to_string()),
                    ("minutes", c.spec.minutes.to_string()),
                ],
            )
        })
        .collect();
    page(
        StatusCode::OK,
        &TrainingPage {
            frame: Frame::new(w.clone(), "training-title", signed.me()),
            missing: None,
            roles,
            done,
            supervision,
        },
    )
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    frame: Frame,
    missing: Option<String>,
    csrf: String,
    feed: Option<String>,
    webcal: String,
}

fn calendar_page(signed: &SignedIn, missing: bool, feed: Option<String>) -> Response {
    let w = &signed.words;
    let webcal = feed
        .as_deref()
        .map(|u| {
            u.replacen("https://", "webcal://", 1)
                .replacen("http://", "webcal://", 1)
        })
        .unwrap_or_default();
    page(
        StatusCode::OK,
        &CalendarPage {
            frame: Frame::new(w.clone(), "calendar-title", signed.me()),
            missing: missing.then(|| w.t("not-a-facilitator")),
            csrf: signed.csrf.clone(),
            feed,
            webcal,
        },
    )
}

pub async fn calendar(State(state): State<AppState>, signed: SignedIn) -> Response {
    match own_person(&state, &signed).await {
        Ok(person) => calendar_page(&signed, person.is_none(), None),
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

/// Makes the facilitator's calendar feed, revoking the ones made before: the link is shown
/// once, so a facilitator who lost it makes a new one.
pub async fn make_calendar(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let made = async {
        let Some(person) = own_person(&state, &signed).await? else {
            return Ok(None);
        };
        let org = signed.who.org_id;
        for old in state.store.list_feeds(org).await? {
            if old.kind == FeedKind::Facilitator
                && old.subject_id == Some(person)
                && old.revoked_at.is_none()
            {
                state.store.revoke_feed(org, old.id).await?;
            }
        }
        let feed = state
            .store
            .create_feed(org, FeedKind::Facilitator, Some(person))
            .await?;
        Ok::<_, ApiError>(feed.url)
    };
    match made.await {
        Ok(Some(path)) => {
            let url = format!("{}{path}", state.login.public_url.trim_end_matches('/'));
            calendar_page(&signed, false, Some(url))
        }
        Ok(None) => calendar_page(&signed, true, None),
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

//! Participants for coordinators: search by name, email or phone; a profile with language,
//! contacts, consent, enrolments, supports and attendance; and a new-person form that warns
//! when the person looks like someone already there.

use super::consent::{self, ConsentBox};
use super::login::{Fields, SignedIn, refused};
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_app::participant_import::{RowProblem, read_person};
use peergroup_app::subject_access::{Profile, profile};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, By};
use peergroup_domain::person::{ConsentInput, PersonKey};
use peergroup_domain::subject_access::EnrolmentExport;
use peergroup_notify::render::date_time;
use peergroup_store::PageRequest;
use std::collections::HashMap;

/// People a search shows at most.
const FOUND_SHOWN: u64 = 50;

/// Look-alikes the new-person form names at most.
const ALIKE_SHOWN: usize = 5;

/// A problem of a row or a form, in the user's words.
pub(super) fn problem_text(w: &Words, p: &RowProblem) -> String {
    let field = |column: &str| match column.strip_prefix("consent_") {
        Some(purpose) => w.t(&format!("consent-purpose-{purpose}")),
        None => w.t(&format!("field-{}", column.replace('_', "-"))),
    };
    match p {
        RowProblem::Missing(c) => w.t1("problem-missing", "field", field(c)),
        RowProblem::Invalid("phone") => w.t("problem-phone"),
        RowProblem::Invalid("language") => w.t("problem-language"),
        RowProblem::Invalid(c) => w.t1("problem-invalid", "field", field(c)),
        RowProblem::ChannelWithoutContact => w.t("problem-channel-without-contact"),
        RowProblem::EmailRemindersWithoutEmail => w.t("problem-email-reminders-without-email"),
        RowProblem::SmsRemindersWithoutPhone => w.t("problem-sms-reminders-without-phone"),
        RowProblem::CallsWithoutPhone => w.t("problem-calls-without-phone"),
        RowProblem::ConsentWithoutSource => w.t("problem-consent-without-source"),
    }
}

pub(super) fn date_only(w: &Words, at: chrono::DateTime<chrono::Utc>) -> String {
    date_time(w.locale, at, chrono_tz::UTC)
        .or_else(|_| date_time("en", at, chrono_tz::UTC))
        .map(|(d, _)| d)
        .unwrap_or_default()
}

pub struct Found {
    pub id: Id,
    pub name: String,
    pub language: String,
    pub contact: String,
}

#[derive(Template)]
#[template(path = "participants.html")]
struct ParticipantsPage {
    frame: Frame,
    q: String,
    searched: bool,
    found: Vec<Found>,
    more: bool,
}

pub async fn participants(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let q = query
        .get("q")
        .map(|q| q.trim().to_string())
        .unwrap_or_default();
    let listed = async {
        require_manager(&signed.who)?;
        let page = PageRequest {
            after: None,
            limit: FOUND_SHOWN,
        };
        let search = (!q.is_empty()).then_some(q.as_str());
        let found = state
            .store
            .list_people(signed.who.org_id, search, page)
            .await?;
        if search.is_some() {
            let route = "GET /participants";
            state.log_read(&signed.who, About::People, route).await?;
        }
        Ok::<_, ApiError>(found)
    };
    match listed.await {
        Ok(people) => page(
            StatusCode::OK,
            &ParticipantsPage {
                frame: Frame::new(w.clone(), "participants-title", signed.me()),
                searched: !q.is_empty(),
                q,
                more: people.next_cursor.is_some(),
                found: people
                    .items
                    .into_iter()
                    .map(|p| Found {
                        id: p.id,
                        name: p.spec.display_name.to_string(),
                        language: p.spec.preferred_language.to_string(),
                        contact: [
                            p.spec.phone.map(|x| x.to_string()),
                            p.spec.email.map(|x| x.to_string()),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · "),
                    })
                    .collect(),
            },
        ),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// The new-person form's fields as typed, to show them again.
#[derive(Default)]
pub struct Typed {
    pub name: String,
    pub language: String,
    pub email: String,
    pub phone: String,
    pub channel: String,
    pub alternative_contact: String,
    pub consent: ConsentInput,
}

pub struct Alike {
    pub id: Id,
    pub name: String,
}

#[derive(Template)]
#[template(path = "new_participant.html")]
struct NewParticipantPage {
    frame: Frame,
    csrf: String,
    typed: Typed,
    consent: Vec<ConsentBox>,
    sources: Vec<(String, String, bool)>,
    alike: Vec<Alike>,
}

fn new_page(
    signed: &SignedIn,
    status: StatusCode,
    typed: Typed,
    alike: Vec<Alike>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let mut frame = Frame::new(w.clone(), "new-participant-title", signed.me());
    frame.errors = errors;
    page(
        status,
        &NewParticipantPage {
            frame,
            csrf: signed.csrf.clone(),
            consent: consent::boxes(w, &typed.consent, None),
            sources: consent::sources(w, typed.consent.source),
            typed,
            alike,
        },
    )
}

pub async fn new_participant(signed: SignedIn) -> Response {
    if let Err(e) = require_manager(&signed.who) {
        return error_page(&signed.words, signed.me(), e);
    }
    new_page(&signed, StatusCode::OK, Typed::default(), vec![], vec![])
}

pub async fn add_participant(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let field = |name: &str| fields.get(name).map(str::trim).unwrap_or("");
    let typed = Typed {
        name: field("name").into(),
        language: field("language").into(),
        email: field("email").into(),
        phone: field("phone").into(),
        channel: field("channel").into(),
        alternative_contact: field("alternative_contact").into(),
        consent: consent::checked(&fields),
    };
    let spec = match read_person(&field, typed.consent.source) {
        Ok(spec) => spec,
        Err(problems) => {
            let errors = problems.iter().map(|p| problem_text(w, p)).collect();
            return new_page(
                &signed,
                StatusCode::UNPROCESSABLE_ENTITY,
                typed,
                vec![],
                errors,
            );
        }
    };
    let org = signed.who.org_id;
    if field("different") != "yes" {
        let key = PersonKey::of(&spec);
        let alike: Vec<Alike> = match state.store.known_people(org).await {
            Ok(known) => known
                .into_iter()
                .filter(|k| k.key.looks_like(&key))
                .take(ALIKE_SHOWN)
                .map(|k| Alike {
                    id: k.id,
                    name: k.name,
                })
                .collect(),
            Err(e) => return error_page(w, signed.me(), e.into()),
        };
        if !alike.is_empty() {
            return new_page(&signed, StatusCode::OK, typed, alike, vec![]);
        }
    }
    let by = By {
        user: Some(signed.who.user_id),
        route: "POST /participants",
    };
    match state.store.create_person(org, &spec, by).await {
        Ok(person) => Redirect::to(&format!("/participants/{}?added=1", person.id)).into_response(),
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

pub struct EnrolmentView {
    pub group: String,
    pub status: String,
    pub summary: String,
    pub supports: Vec<String>,
    pub marks: Vec<String>,
}

#[derive(Template)]
#[template(path = "participant.html")]
struct ProfilePage {
    frame: Frame,
    language: String,
    email: Option<String>,
    phone: Option<String>,
    channel: Option<String>,
    alternative: Option<String>,
    consent: Vec<ConsentBox>,
    sources: Vec<(String, String, bool)>,
    consent_history: Vec<String>,
    /// An admin may erase the person's data, once.
    may_erase: bool,
    /// Admins see who has read or changed this record.
    may_see_log: bool,
    erased: bool,
    csrf: String,
    id: Id,
    enrolments: Vec<EnrolmentView>,
}

pub async fn participant(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("person"))?;
        let found = profile(&state.store, org, id).await?;
        let route = "GET /participants/{id}";
        state
            .log_read(&signed.who, About::Person(id), route)
            .await?;
        Ok::<_, ApiError>(found)
    };
    let Profile {
        person,
        consent,
        enrolments,
    } = match read.await {
        Ok(found) => found,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut frame = Frame::new(w.clone(), "participant-title", signed.me());
    frame.title = person.spec.display_name.to_string();
    if query.contains_key("added") {
        frame.notices.push(w.t("participant-added"));
    }
    if query.contains_key("consent") {
        frame.notices.push(w.t("consent-saved"));
    }
    if let Some(at) = person.erased_at {
        frame
            .notices
            .push(w.t1("erased-notice", "date", date_only(w, at)));
    }
    let spec = &person.spec;
    page(
        StatusCode::OK,
        &ProfilePage {
            frame,
            language: spec.preferred_language.to_string(),
            email: spec.email.as_ref().map(ToString::to_string),
            phone: spec.phone.as_ref().map(ToString::to_string),
            channel: spec
                .preferred_channel
                .map(|c| w.t(&format!("channel-{}", c.as_str()))),
            alternative: spec.alternative_contact.as_ref().map(ToString::to_string),
            consent: consent::boxes(w, &consent.given.as_input(), Some(&consent.given)),
            sources: consent::sources(w, None),
            consent_history: consent::history(w, &consent.changes),
            may_erase: person.erased_at.is_none() && require_admin(&signed.who).is_ok(),
            may_see_log: require_admin(&signed.who).is_ok(),
            erased: person.erased_at.is_some(),
            csrf: signed.csrf.clone(),
            id: person.id,
            enrolments: enrolments.iter().map(|e| enrolment_view(w, e)).collect(),
        },
    )
}

/// One group of a person, in `w`'s words: status, attendance, supports and every mark.
pub(super) fn enrolment_view(w: &Words, e: &EnrolmentExport) -> EnrolmentView {
    let history = &e.attendance;
    EnrolmentView {
        group: e.group_name.clone(),
        status: w.t(&format!("enrolment-{}", e.enrollment.status.as_str())),
        summary: w.tn(
            "attendance-summary",
            &[
                ("attended", history.attended.to_string()),
                ("absent", history.absent.to_string()),
                ("excused", history.excused.to_string()),
            ],
        ),
        supports: e
            .supports
            .iter()
            .map(|s| {
                format!(
                    "{} · {}",
                    w.t(&format!("support-{}", s.spec.kind.as_str())),
                    w.t(&format!("support-status-{}", s.spec.status.as_str()))
                )
            })
            .collect(),
        marks: history
            .entries
            .iter()
            .map(|m| {
                w.tn(
                    "attendance-line",
                    &[
                        ("number", m.number.to_string()),
                        ("date", m.local_date.to_string()),
                        ("status", w.t(&format!("mark-{}", m.status.as_str()))),
                    ],
                )
            })
            .collect(),
    }
}

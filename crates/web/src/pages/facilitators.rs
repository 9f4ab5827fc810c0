//! Facilitators and training, for coordinators: who is missing training for the groups
//! they lead, peers overdue for supervision, the organization's modules and courses; and
//! each facilitator's record, where a completion or a supervision contact is logged. The
//! same use cases and rules as the API's training and supervision routes.

use super::follow_ups::date_in;
use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use peergroup_app::training;
use peergroup_domain::Id;
use peergroup_domain::training::{
    CompletionSpec, DeliveryFormat, ModuleSpec, SupervisionMode, SupervisionSpec,
};
use peergroup_domain::values::Name;
use std::collections::HashMap;

/// Weeks without a supervision contact after which a peer is overdue.
const SUPERVISION_WEEKS: u32 = 4;

pub struct GapLine {
    pub person_id: Id,
    pub name: String,
    pub group: String,
    pub unmet: Vec<String>,
    pub expiring: Vec<String>,
    pub overridden: bool,
}

pub struct PeerLine {
    pub person_id: Id,
    pub name: String,
    pub last: String,
    pub overdue: bool,
}

pub struct ModuleLine {
    pub title: String,
    pub facts: String,
}

pub struct CohortLine {
    pub id: Id,
    pub title: String,
    pub facts: String,
}

#[derive(Template)]
#[template(path = "facilitators.html")]
struct FacilitatorsPage {
    frame: Frame,
    csrf: String,
    gaps: Vec<GapLine>,
    sessions_short: usize,
    peers: Vec<PeerLine>,
    people: Vec<(Id, String)>,
    modules: Vec<ModuleLine>,
    formats: Vec<Choice>,
    cohorts: Vec<CohortLine>,
    module_choices: Vec<Choice>,
    today: String,
}

pub(super) fn day(w: &Words, d: NaiveDate) -> String {
    let noon = d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    date_in(w, noon, "UTC")
}

pub(super) fn hours(w: &Words, h: Option<f32>) -> String {
    match h {
        Some(h) => w.t1("fac-training-hours", "hours", h),
        None => w.t("fac-training-no-hours"),
    }
}

fn format_words(w: &Words, f: DeliveryFormat) -> String {
    w.t(&format!("fac-training-format-{}", f.as_str()))
}

pub async fn facilitators(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let store = &state.store;
        Ok::<_, ApiError>((
            store.training_gaps(org).await?,
            store.supervision_report(org, SUPERVISION_WEEKS).await?,
            store.facilitator_people(org).await?,
            store.list_modules(org).await?,
            store.list_cohorts(org).await?,
        ))
    };
    let (gaps, supervision, people, modules, cohorts) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut frame = Frame::new(w.clone(), "fac-title", signed.me());
    if query.contains_key("module") {
        frame.notices.push(w.t("fac-training-module-added"));
    }
    page(
        StatusCode::OK,
        &FacilitatorsPage {
            frame,
            csrf: signed.csrf.clone(),
            gaps: gaps
                .facilitators
                .into_iter()
                .map(|g| GapLine {
                    person_id: g.person_id,
                    name: g.display_name,
                    group: match &g.standing.program_role {
                        Some(role) => format!("{} · {role}", g.standing.group_name),
                        None => g.standing.group_name.clone(),
                    },
                    unmet: g.standing.unmet,
                    expiring: g.standing.expiring,
                    overridden: g.standing.overridden,
                })
                .collect(),
            sessions_short: gaps.sessions.len(),
            peers: supervision
                .peers
                .into_iter()
                .map(|p| PeerLine {
                    person_id: p.person_id,
                    name: p.display_name,
                    last: match p.last_contact_on {
                        Some(d) => w.t1("fac-supervision-last", "date", day(w, d)),
                        None => w.t("fac-supervision-never"),
                    },
                    overdue: p.overdue,
                })
                .collect(),
            people,
            module_choices: modules
                .iter()
                .map(|m| Choice {
                    value: m.id.to_string(),
                    label: m.spec.title.to_string(),
                    checked: false,
                })
                .collect(),
            today: state.store.clock().now().date_naive().to_string(),
            modules: modules
                .into_iter()
                .map(|m| {
                    let mut facts = vec![
                        hours(w, m.spec.hours),
                        format_words(w, m.spec.delivery_format),
                    ];
                    if let Some(months) = m.spec.valid_for_months {
                        facts.push(w.t1("fac-training-valid-months", "months", months));
                    }
                    ModuleLine {
                        title: m.spec.title.to_string(),
                        facts: facts.join(" · "),
                    }
                })
                .collect(),
            formats: DeliveryFormat::ALL
                .iter()
                .map(|f| Choice {
                    value: f.as_str().to_string(),
                    label: format_words(w, *f),
                    checked: *f == DeliveryFormat::InPerson,
                })
                .collect(),
            cohorts: cohorts
                .into_iter()
                .map(|c| {
                    let mut facts = vec![day(w, c.spec.starts_on)];
                    facts.push(w.t1("fac-cohort-trainees", "count", c.spec.trainees.len()));
                    facts.push(w.t1("fac-cohort-sessions", "count", c.sessions.len()));
                    CohortLine {
                        id: c.id,
                        title: c.spec.title.to_string(),
                        facts: facts.join(" · "),
                    }
                })
                .collect(),
        },
    )
}

/// A number in a form field, or why not: `what` names the field.
pub(super) fn number<T: std::str::FromStr>(
    fields: &Fields,
    name: &str,
) -> Result<Option<T>, ApiError> {
    match fields.get(name).map(str::trim).unwrap_or("") {
        "" => Ok(None),
        raw => raw
            .replace(',', ".")
            .parse()
            .map(Some)
            .map_err(|_| ApiError::field(name, "must be a number")),
    }
}

pub(super) fn date(fields: &Fields, name: &str) -> Result<NaiveDate, ApiError> {
    fields
        .get(name)
        .unwrap_or("")
        .trim()
        .parse()
        .map_err(|_| ApiError::field(name, "must be a date"))
}

pub(super) fn name(fields: &Fields, field: &str) -> Result<Option<Name>, ApiError> {
    match fields.get(field).map(str::trim).unwrap_or("") {
        "" => Ok(None),
        raw => Name::parse(raw)
            .map(Some)
            .map_err(|e| ApiError::field(field, e)),
    }
}

pub async fn add_module(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    let done = async {
        require_manager(&signed.who)?;
        let spec = ModuleSpec {
            title: name(&fields, "title")?
                .ok_or_else(|| ApiError::field("title", "must not be empty"))?,
            topics: vec![],
            hours: number(&fields, "hours")?,
            delivery_format: fields
                .get("delivery_format")
                .unwrap_or("")
                .parse()
                .map_err(|_| ApiError::field("delivery_format", "choose how it is taught"))?,
            valid_for_months: number(&fields, "valid_for_months")?,
        };
        state.store.create_module(signed.who.org_id, &spec).await?;
        Ok::<_, ApiError>(())
    };
    match done.await {
        Ok(()) => Redirect::to("/facilitators?module=1").into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub struct CompletionLine {
    pub title: String,
    pub facts: String,
    pub valid: bool,
}

pub struct StandingLine {
    pub group: String,
    pub unmet: Vec<String>,
    pub expiring: Vec<String>,
    pub overridden: bool,
}

pub struct ContactLine {
    pub when: String,
    pub facts: String,
    pub topics: String,
    pub follow_up: bool,
}

#[derive(Template)]
#[template(path = "facilitator.html")]
struct FacilitatorPage {
    frame: Frame,
    csrf: String,
    id: Id,
    completions: Vec<CompletionLine>,
    standings: Vec<StandingLine>,
    modules: Vec<Choice>,
    mentors: Vec<Choice>,
    modes: Vec<Choice>,
    contacts: Vec<ContactLine>,
    today: String,
}

pub async fn facilitator(
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
        let store = &state.store;
        let record = store.training_record(org, id).await?;
        let contacts = store.list_supervision(org, Some(&[id])).await?;
        Ok::<_, ApiError>((
            record,
            contacts,
            store.list_modules(org).await?,
            store.facilitator_people(org).await?,
        ))
    };
    let (record, contacts, modules, people) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let names: HashMap<Id, String> = people.iter().cloned().collect();
    let mut frame = Frame::new(w.clone(), "fac-person-title", signed.me());
    frame.title = record.display_name.clone();
    for (key, notice) in [
        ("completion", "fac-training-completion-saved"),
        ("contact", "fac-supervision-saved"),
    ] {
        if query.contains_key(key) {
            frame.notices.push(w.t(notice));
        }
    }
    let today = state.store.clock().now().date_naive().to_string();
    page(
        StatusCode::OK,
        &FacilitatorPage {
            frame,
            csrf: signed.csrf.clone(),
            id: record.person_id,
            completions: record
                .completions
                .into_iter()
                .map(|c| {
                    let mut facts = vec![
                        w.t1(
                            "fac-training-completed-on",
                            "date",
                            day(w, c.spec.completed_on),
                        ),
                        hours(w, c.spec.hours),
                    ];
                    if let Some(until) = c.spec.expires_on {
                        facts.push(w.t1("fac-training-valid-until", "date", day(w, until)));
                    }
                    CompletionLine {
                        title: c.module_title,
                        facts: facts.join(" · "),
                        valid: c.valid_today,
                    }
                })
                .collect(),
            standings: record
                .assignments
                .into_iter()
                .map(|s| StandingLine {
                    group: match &s.program_role {
                        Some(role) => format!("{} · {role}", s.group_name),
                        None => s.group_name.clone(),
                    },
                    unmet: s.unmet,
                    expiring: s.expiring,
                    overridden: s.overridden,
                })
                .collect(),
            modules: modules
                .into_iter()
                .map(|m| Choice {
                    value: m.id.to_string(),
                    label: m.spec.title.to_string(),
                    checked: false,
                })
                .collect(),
            mentors: people
                .iter()
                .filter(|(p, _)| *p != record.person_id)
                .map(|(p, n)| Choice {
                    value: p.to_string(),
                    label: n.clone(),
                    checked: false,
                })
                .collect(),
            modes: SupervisionMode::ALL
                .iter()
                .map(|m| Choice {
                    value: m.as_str().to_string(),
                    label: w.t(&format!("fac-supervision-mode-{}", m.as_str())),
                    checked: *m == SupervisionMode::Meeting,
                })
                .collect(),
            contacts: contacts
                .into_iter()
                .filter(|c| c.spec.peer_person_id == record.person_id)
                .map(|c| ContactLine {
                    when: day(w, c.spec.held_on),
                    facts: [
                        w.t(&format!("fac-supervision-mode-{}", c.spec.mode.as_str())),
                        w.t1("fac-supervision-minutes", "minutes", c.spec.minutes),
                        names
                            .get(&c.spec.mentor_person_id)
                            .cloned()
                            .unwrap_or_default(),
                    ]
                    .join(" · "),
                    topics: c
                        .spec
                        .topics
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    follow_up: c.spec.follow_up_needed,
                })
                .collect(),
            today,
        },
    )
}

fn person_of(id: &str) -> Result<Id, ApiError> {
    id.parse().map_err(|_| ApiError::not_found("person"))
}

pub async fn record_completion(
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
    let done = async {
        require_manager(&signed.who)?;
        let person_id = person_of(&id)?;
        let spec = CompletionSpec {
            person_id,
            module_id: number(&fields, "module_id")?
                .ok_or_else(|| ApiError::field("module_id", "choose a module"))?,
            completed_on: date(&fields, "completed_on")?,
            hours: number(&fields, "hours")?,
            trainer: name(&fields, "trainer")?,
            expires_on: None,
        };
        let org = signed.who.org_id;
        state.store.training_record(org, person_id).await?;
        training::record_completion(&state.store, org, Some(signed.who.user_id), &spec).await?;
        Ok::<_, ApiError>(person_id)
    };
    match done.await {
        Ok(p) => Redirect::to(&format!("/facilitators/{p}?completion=1")).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn record_contact(
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
    let done = async {
        require_manager(&signed.who)?;
        let peer_person_id = person_of(&id)?;
        // Another organization's person is not found, as on the page itself.
        state
            .store
            .training_record(signed.who.org_id, peer_person_id)
            .await?;
        let topics = fields
            .get("topics")
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| Name::parse(t).map_err(|e| ApiError::field("topics", e)))
            .collect::<Result<Vec<_>, _>>()?;
        let spec = SupervisionSpec {
            mentor_person_id: number(&fields, "mentor_person_id")?
                .ok_or_else(|| ApiError::field("mentor_person_id", "choose the mentor"))?,
            peer_person_id,
            held_on: date(&fields, "held_on")?,
            mode: fields
                .get("mode")
                .unwrap_or("")
                .parse()
                .map_err(|_| ApiError::field("mode", "choose a meeting or a call"))?,
            minutes: number(&fields, "minutes")?
                .ok_or_else(|| ApiError::field("minutes", "must be from 1 to 600"))?,
            topics,
            follow_up_needed: fields.get("follow_up_needed").is_some(),
        };
        state
            .store
            .record_supervision(signed.who.org_id, Some(signed.who.user_id), &spec)
            .await?;
        Ok::<_, ApiError>(peer_person_id)
    };
    match done.await {
        Ok(p) => Redirect::to(&format!("/facilitators/{p}?contact=1")).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

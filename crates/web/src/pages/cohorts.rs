//! Training courses (cohorts) for coordinators: one is started from the facilitators page
//! (title, dates, trainers, modules); its page adds trainees found by name, adds sessions
//! and takes each session's attendance, showing the hours each trainee attended. The same
//! use cases as the API (`peergroup_app::cohorts`).

use super::facilitators::{date, day, hours, name, number};
use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_app::cohorts;
use peergroup_domain::Id;
use peergroup_domain::training::{Cohort, CohortSpec, TrainingAttendanceSpec, TrainingSessionSpec};
use peergroup_store::PageRequest;
use std::collections::HashMap;

/// People a trainee search shows at most.
const FOUND: u64 = 20;

fn id_of(raw: &str, what: &'static str) -> Result<Id, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found(what))
}

/// Starts a course from the facilitators page; its page comes next.
pub async fn create(
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
        let trainers = fields
            .get("trainers")
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                peergroup_domain::values::Name::parse(t).map_err(|e| ApiError::field("trainers", e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let modules = fields
            .all("modules")
            .map(|m| id_of(m, "module").map_err(|_| ApiError::field("modules", "choose modules")))
            .collect::<Result<Vec<Id>, _>>()?;
        let ends_on = match fields.get("ends_on").map(str::trim).unwrap_or("") {
            "" => None,
            _ => Some(date(&fields, "ends_on")?),
        };
        let spec = CohortSpec {
            title: name(&fields, "title")?
                .ok_or_else(|| ApiError::field("title", "must not be empty"))?,
            starts_on: date(&fields, "starts_on")?,
            ends_on,
            trainers,
            modules,
            trainees: vec![],
        };
        Ok::<_, ApiError>(cohorts::create(&state.store, signed.who.org_id, &spec).await?)
    };
    match done.await {
        Ok(c) => Redirect::to(&format!("/facilitators/cohorts/{}?created=1", c.id)).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub struct TraineeLine {
    pub id: Id,
    pub name: String,
    pub progress: String,
}

pub struct SessionLine {
    pub id: Id,
    pub title: String,
    pub trainees: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "cohort.html")]
struct CohortPage {
    frame: Frame,
    csrf: String,
    id: Id,
    facts: Vec<String>,
    trainees: Vec<TraineeLine>,
    sessions: Vec<SessionLine>,
    modules: Vec<Choice>,
    q: String,
    found: Vec<(Id, String)>,
    starts_on: String,
    ends_on: String,
}

pub async fn cohort(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let q = query.get("q").map(|q| q.trim()).unwrap_or("").to_string();
    let read = async {
        require_manager(&signed.who)?;
        let id = id_of(&id, "training course")?;
        let store = &state.store;
        let cohort: Cohort = store.get_cohort(org, id).await?;
        let mut names = HashMap::new();
        for p in &cohort.spec.trainees {
            names.insert(
                *p,
                store
                    .get_person(org, *p)
                    .await?
                    .spec
                    .display_name
                    .to_string(),
            );
        }
        let modules = store.list_modules(org).await?;
        let found = if q.is_empty() || q.chars().count() > 100 {
            vec![]
        } else {
            let page = PageRequest {
                after: None,
                limit: FOUND,
            };
            store
                .list_people(org, Some(&q), page)
                .await?
                .items
                .into_iter()
                .filter(|p| !cohort.spec.trainees.contains(&p.id))
                .map(|p| (p.id, p.spec.display_name.to_string()))
                .collect()
        };
        Ok::<_, ApiError>((cohort, names, modules, found))
    };
    let (cohort, names, modules, found) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let module_title: HashMap<Id, String> = modules
        .iter()
        .map(|m| (m.id, m.spec.title.to_string()))
        .collect();
    let mut frame = Frame::new(w.clone(), "cohort-title", signed.me());
    frame.title = cohort.spec.title.to_string();
    for (key, notice) in [
        ("created", "cohort-created"),
        ("trainees", "cohort-trainees-saved"),
        ("session", "cohort-session-added"),
        ("attendance", "cohort-attendance-saved"),
    ] {
        if query.contains_key(key) {
            frame.notices.push(w.t(notice));
        }
    }
    let spec = &cohort.spec;
    let mut facts = vec![match spec.ends_on {
        Some(end) => w.tn(
            "cohort-dates",
            &[("from", day(w, spec.starts_on)), ("to", day(w, end))],
        ),
        None => w.t1("cohort-from", "date", day(w, spec.starts_on)),
    }];
    if !spec.trainers.is_empty() {
        let trainers: Vec<String> = spec.trainers.iter().map(ToString::to_string).collect();
        facts.push(w.t1("cohort-trainers", "names", trainers.join(", ")));
    }
    let taught: Vec<String> = spec
        .modules
        .iter()
        .filter_map(|m| module_title.get(m).cloned())
        .collect();
    if !taught.is_empty() {
        facts.push(w.t1("cohort-modules", "titles", taught.join(", ")));
    }
    let progress: HashMap<Id, (u32, f32)> = cohort
        .progress
        .iter()
        .map(|p| (p.person_id, (p.sessions_attended, p.hours_attended)))
        .collect();
    let trainees = spec
        .trainees
        .iter()
        .map(|p| {
            let (sessions, attended) = progress.get(p).copied().unwrap_or((0, 0.0));
            TraineeLine {
                id: *p,
                name: names.get(p).cloned().unwrap_or_default(),
                progress: w.tn(
                    "cohort-progress",
                    &[
                        ("sessions", sessions.to_string()),
                        ("hours", attended.to_string()),
                    ],
                ),
            }
        })
        .collect();
    let sessions = cohort
        .sessions
        .iter()
        .map(|s| {
            let mut title = vec![day(w, s.spec.held_on), hours(w, Some(s.spec.hours))];
            if let Some(m) = s.spec.module_id.and_then(|m| module_title.get(&m)) {
                title.push(m.clone());
            }
            if let Some(t) = &s.spec.topic {
                title.push(t.to_string());
            }
            SessionLine {
                id: s.id,
                title: title.join(" · "),
                trainees: spec
                    .trainees
                    .iter()
                    .map(|p| Choice {
                        value: p.to_string(),
                        label: names.get(p).cloned().unwrap_or_default(),
                        checked: s.present.contains(p),
                    })
                    .collect(),
            }
        })
        .collect();
    page(
        StatusCode::OK,
        &CohortPage {
            frame,
            csrf: signed.csrf.clone(),
            id: cohort.id,
            facts,
            trainees,
            sessions,
            modules: spec
                .modules
                .iter()
                .filter_map(|m| {
                    module_title.get(m).map(|t| Choice {
                        value: m.to_string(),
                        label: t.clone(),
                        checked: false,
                    })
                })
                .collect(),
            q,
            found,
            starts_on: spec.starts_on.to_string(),
            ends_on: spec.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        },
    )
}

/// Adds (`add`) or removes (`remove`) one trainee; the rest of the course stays as it is.
pub async fn trainees(
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
        let org = signed.who.org_id;
        let id = id_of(&id, "training course")?;
        let mut spec = state.store.get_cohort(org, id).await?.spec;
        let person: Id = number(&fields, "person_id")?
            .ok_or_else(|| ApiError::field("person_id", "choose a person"))?;
        match fields.get("action").unwrap_or("") {
            "add" if !spec.trainees.contains(&person) => spec.trainees.push(person),
            "add" => {}
            "remove" => spec.trainees.retain(|p| *p != person),
            _ => return Err(ApiError::field("action", "add or remove")),
        }
        cohorts::update(&state.store, org, id, &spec).await?;
        Ok::<_, ApiError>(id)
    };
    match done.await {
        Ok(id) => Redirect::to(&format!("/facilitators/cohorts/{id}?trainees=1")).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn add_session(
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
        let id = id_of(&id, "training course")?;
        let spec = TrainingSessionSpec {
            held_on: date(&fields, "held_on")?,
            hours: number(&fields, "hours")?
                .ok_or_else(|| ApiError::field("hours", "must be a number"))?,
            module_id: number(&fields, "module_id")?,
            topic: name(&fields, "topic")?,
        };
        cohorts::add_session(&state.store, signed.who.org_id, id, &spec).await?;
        Ok::<_, ApiError>(id)
    };
    match done.await {
        Ok(id) => Redirect::to(&format!("/facilitators/cohorts/{id}?session=1")).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// Who came to a training session: the trainees ticked were present, the others absent.
pub async fn attendance(
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
        let session = id_of(&id, "training session")?;
        let present = fields
            .all("present")
            .map(|p| {
                p.parse()
                    .map_err(|_| ApiError::field("present", "choose trainees"))
            })
            .collect::<Result<Vec<Id>, _>>()?;
        let spec = TrainingAttendanceSpec { present };
        let cohort =
            cohorts::take_attendance(&state.store, signed.who.org_id, session, &spec).await?;
        Ok::<_, ApiError>(cohort.id)
    };
    match done.await {
        Ok(id) => Redirect::to(&format!("/facilitators/cohorts/{id}?attendance=1")).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

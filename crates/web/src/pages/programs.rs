//! Programs for coordinators: the seven reviewed designs as cards, copying one into the
//! organization, and a program's page where its phases, session counts and topics are
//! edited. The designs' own words (titles, topics, citations) stay as the studies wrote
//! them; the page around them is in the user's language.

use super::login::{Fields, SignedIn, refused};
use super::outcomes::instrument_choices;
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
use peergroup_domain::Id;
use peergroup_domain::outcomes::{MAX_PLANNED, PlannedAssessment, Timepoint};
use peergroup_domain::program::{Cadence, Phase, ProgramSpec, SessionPlan};
use peergroup_domain::records::Program;
use peergroup_domain::templates::{self, ProgramTemplate};
use peergroup_domain::values::Name;
use peergroup_store::PageRequest;
use std::collections::HashMap;

/// The organization's programs the list shows at most.
const PROGRAMS_SHOWN: u64 = 200;

/// How often a phase meets, in words.
pub(super) fn cadence_text(w: &Words, c: &Cadence) -> String {
    match *c {
        Cadence::EveryNWeeks { weeks: 1 } => w.t("cadence-weekly"),
        Cadence::EveryNWeeks { weeks } => w.t1("cadence-every-n-weeks", "n", weeks),
        Cadence::TimesPerWeek { times } => w.t1("cadence-times-per-week", "n", times),
        Cadence::OneOff => w.t("cadence-one-off"),
    }
}

/// One phase in a line: "Education: 6 sessions, weekly, 75 minutes".
pub(super) fn phase_line(w: &Words, p: &Phase) -> String {
    w.tn(
        "phase-line",
        &[
            ("name", p.name.to_string()),
            ("sessions", p.sessions.to_string()),
            ("cadence", cadence_text(w, &p.cadence)),
            ("minutes", p.session_minutes.to_string()),
        ],
    )
}

/// A reviewed design as its card shows it.
pub struct Card {
    pub key: String,
    pub name: String,
    pub citation: String,
    pub country: String,
    pub population: String,
    pub format: Vec<String>,
    pub facilitators: Vec<String>,
    pub training: Vec<String>,
    pub elements: Vec<String>,
    pub outcomes: String,
    pub measures: Vec<String>,
    pub result: Option<String>,
}

/// A design's format, leaders, training and other elements, each as lines in the user's
/// words (the design's own names as written).
pub struct SpecLines {
    pub format: Vec<String>,
    pub facilitators: Vec<String>,
    pub training: Vec<String>,
    pub elements: Vec<String>,
}

pub(super) fn spec_lines(w: &Words, p: &ProgramSpec) -> SpecLines {
    let mut elements: Vec<String> = p
        .supports_offered
        .iter()
        .map(|s| w.t(&format!("support-{}", s.kind.as_str())))
        .collect();
    elements.push(w.t1("element-follow-up", "n", p.follow_up.consecutive_misses));
    elements.extend(p.scheduled_contacts.iter().map(|c| {
        c.purpose
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_else(|| c.kind.as_str().replace('_', " "))
    }));
    SpecLines {
        format: p.phases.iter().map(|ph| phase_line(w, ph)).collect(),
        facilitators: p
            .facilitator_roles
            .iter()
            .map(|r| {
                format!(
                    "{} ({})",
                    r.title,
                    w.t(&format!("kind-{}", r.kind.as_str()))
                )
            })
            .collect(),
        training: p
            .training
            .iter()
            .map(|r| match (r.hours, &r.length) {
                (Some(h), _) => format!("{} · {h} h", r.title),
                (None, Some(l)) => format!("{} · {l}", r.title),
                (None, None) => r.title.to_string(),
            })
            .collect(),
        elements,
    }
}

fn card(w: &Words, t: &ProgramTemplate) -> Card {
    let p = &t.program;
    let lines = spec_lines(w, p);
    Card {
        key: t.key.clone(),
        name: p.name.to_string(),
        citation: t.citation.clone(),
        country: t.country.clone(),
        population: p
            .target_population
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        format: lines.format,
        facilitators: lines.facilitators,
        training: lines.training,
        elements: lines.elements,
        outcomes: w.tn(
            "outcomes-line",
            &[
                ("design", t.outcomes.design.clone()),
                ("when", t.outcomes.timepoints.join(", ")),
            ],
        ),
        measures: t.outcomes.measures.clone(),
        result: t.outcomes.result.clone(),
    }
}

pub struct Owned {
    pub id: Id,
    pub name: String,
}

#[derive(Template)]
#[template(path = "programs.html")]
struct ProgramsPage {
    frame: Frame,
    csrf: String,
    cards: Vec<Card>,
    owned: Vec<Owned>,
}

pub async fn programs(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let listed = async {
        require_manager(&signed.who)?;
        let page = PageRequest {
            after: None,
            limit: PROGRAMS_SHOWN,
        };
        Ok::<_, ApiError>(state.store.list_programs(signed.who.org_id, page).await?)
    };
    match listed.await {
        Ok(owned) => page(
            StatusCode::OK,
            &ProgramsPage {
                frame: Frame::new(w.clone(), "programs-title", signed.me()),
                csrf: signed.csrf.clone(),
                cards: templates::all().iter().map(|t| card(w, t)).collect(),
                owned: owned
                    .items
                    .into_iter()
                    .map(|p| Owned {
                        id: p.id,
                        name: p.spec.name.to_string(),
                    })
                    .collect(),
            },
        ),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// Copies a reviewed design into the organization and opens the copy.
pub async fn copy(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    let copied = async {
        require_manager(&signed.who)?;
        let key = fields.get("template").unwrap_or("");
        let template = templates::find(key).ok_or_else(|| ApiError::not_found("template"))?;
        Ok::<_, ApiError>(
            peergroup_app::training::copy_template(&state.store, signed.who.org_id, template, None)
                .await?,
        )
    };
    match copied.await {
        Ok(p) => Redirect::to(&format!("/programs/{}?copied=1", p.id)).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// A phase as the edit form shows it.
pub struct PhaseForm {
    pub line: String,
    pub sessions: u16,
    pub minutes: u16,
    pub topics: String,
}

/// One planned instrument on the program's form; the last row is empty, to add one.
pub struct PlanRow {
    pub instruments: Vec<Choice>,
    pub baseline: bool,
    pub post: bool,
    /// Session numbers, such as "6".
    pub after: String,
    /// Weeks after the last session, such as "12, 24".
    pub weeks: String,
    /// The study's words for it, when the plan came from a reviewed design.
    pub label: Option<String>,
    /// Not built in and not defined by the organization yet.
    pub undefined: bool,
    /// The instrument's key, for a query string.
    pub key: String,
}

fn plan_rows(spec: &ProgramSpec, known: &[(String, String)]) -> Vec<PlanRow> {
    let choices = |chosen: &str| {
        let mut list = vec![Choice {
            value: String::new(),
            label: "—".into(),
            checked: chosen.is_empty(),
        }];
        list.extend(known.iter().map(|(key, title)| Choice {
            value: key.clone(),
            label: title.clone(),
            checked: key == chosen,
        }));
        if !chosen.is_empty() && !known.iter().any(|(key, _)| key == chosen) {
            list.push(Choice {
                value: chosen.to_string(),
                label: chosen.to_string(),
                checked: true,
            });
        }
        list
    };
    let numbers = |a: &PlannedAssessment, pick: fn(&Timepoint) -> Option<u32>| {
        let list: Vec<u16> = a
            .timepoints
            .iter()
            .filter_map(pick)
            .filter_map(|n| u16::try_from(n).ok())
            .collect();
        hours_text(&list)
    };
    let mut rows: Vec<PlanRow> = spec
        .assessments
        .iter()
        .map(|a| PlanRow {
            instruments: choices(a.instrument.as_str()),
            baseline: a.timepoints.contains(&Timepoint::Baseline),
            post: a.timepoints.contains(&Timepoint::Post),
            after: numbers(a, |t| match t {
                Timepoint::AfterSession(n) => Some(*n),
                _ => None,
            }),
            weeks: numbers(a, |t| match t {
                Timepoint::FollowUp(n) => Some(*n),
                _ => None,
            }),
            label: a.label.as_ref().map(ToString::to_string),
            undefined: !known.iter().any(|(key, _)| key == a.instrument.as_str()),
            key: form_urlencoded::byte_serialize(a.instrument.as_str().as_bytes()).collect(),
        })
        .collect();
    if rows.len() < MAX_PLANNED {
        rows.push(PlanRow {
            instruments: choices(""),
            baseline: true,
            post: true,
            after: String::new(),
            weeks: String::new(),
            label: None,
            undefined: false,
            key: String::new(),
        });
    }
    rows
}

/// The plan the form describes, keeping the study's label of an instrument kept.
fn plan_from_form(
    w: &Words,
    old: &[PlannedAssessment],
    fields: &Fields,
    errors: &mut Vec<String>,
) -> Vec<PlannedAssessment> {
    // A form without the plan's fields leaves the plan as it is.
    if !(0..=MAX_PLANNED).any(|i| fields.get(&format!("plan-instrument-{i}")).is_some()) {
        return old.to_vec();
    }
    let mut plan = vec![];
    for i in 0..=MAX_PLANNED {
        let field = |name: &str| fields.get(&format!("plan-{name}-{i}")).unwrap_or("");
        let key = field("instrument").trim();
        if key.is_empty() {
            continue;
        }
        let Ok(instrument) = Name::parse(key) else {
            errors.push(w.t("program-bad-plan"));
            continue;
        };
        let mut timepoints = vec![];
        if !field("baseline").is_empty() {
            timepoints.push(Timepoint::Baseline);
        }
        let read = |raw: &str, as_timepoint: fn(u16) -> String| -> Option<Vec<Timepoint>> {
            read_hours(raw)?
                .into_iter()
                .map(|n| as_timepoint(n).parse().ok())
                .collect()
        };
        match (
            read(field("after"), |n| format!("after_session_{n}")),
            read(field("weeks"), |n| format!("follow_up_{n}w")),
        ) {
            (Some(after), Some(weeks)) => {
                timepoints.extend(after);
                if !field("post").is_empty() {
                    timepoints.push(Timepoint::Post);
                }
                timepoints.extend(weeks);
            }
            _ => {
                errors.push(w.t1("program-bad-plan-numbers", "instrument", key));
                continue;
            }
        }
        if timepoints.is_empty() {
            errors.push(w.t1("program-bad-plan-empty", "instrument", key));
            continue;
        }
        let label = old
            .iter()
            .find(|a| a.instrument == instrument)
            .and_then(|a| a.label.clone());
        plan.push(PlannedAssessment {
            instrument,
            label,
            timepoints,
        });
    }
    plan
}

#[derive(Template)]
#[template(path = "program.html")]
struct ProgramPage {
    frame: Frame,
    csrf: String,
    id: Id,
    name: String,
    summary: Option<String>,
    roles: Vec<String>,
    phases: Vec<PhaseForm>,
    threshold: u8,
    participant_hours: String,
    facilitator_hours: String,
    plan: Vec<PlanRow>,
}

fn hours_text(hours: &[u16]) -> String {
    hours
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "168, 24" as hours; `None` when a part is not a whole number.
fn read_hours(raw: &str) -> Option<Vec<u16>> {
    raw.split(',')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(|h| h.parse().ok())
        .collect()
}

fn program_page(
    signed: &SignedIn,
    status: StatusCode,
    program: &Program,
    known: &[(String, String)],
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let spec = &program.spec;
    let mut frame = Frame::new(w.clone(), "program-title", signed.me());
    frame.title = spec.name.to_string();
    frame.notices = notices;
    frame.errors = errors;
    page(
        status,
        &ProgramPage {
            frame,
            csrf: signed.csrf.clone(),
            id: program.id,
            name: spec.name.to_string(),
            summary: spec.summary.as_ref().map(ToString::to_string),
            roles: spec
                .facilitator_roles
                .iter()
                .map(|r| r.title.to_string())
                .collect(),
            phases: spec
                .phases
                .iter()
                .map(|p| PhaseForm {
                    line: phase_line(w, p),
                    sessions: p.sessions,
                    minutes: p.session_minutes,
                    topics: p
                        .session_plans
                        .iter()
                        .map(|s| s.topic.to_string())
                        .collect::<Vec<_>>()
                        .join("\n"),
                })
                .collect(),
            threshold: spec.follow_up.consecutive_misses,
            participant_hours: hours_text(&spec.reminders.participants_hours_before),
            facilitator_hours: hours_text(&spec.reminders.facilitators_hours_before),
            plan: plan_rows(spec, known),
        },
    )
}

pub async fn program(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let read = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("program"))?;
        let program = state.store.get_program(signed.who.org_id, id).await?;
        Ok::<_, ApiError>((
            program,
            instrument_choices(&state, signed.who.org_id).await?,
        ))
    };
    let mut notices = Vec::new();
    if query.contains_key("copied") {
        notices.push(w.t("program-copied"));
    }
    if query.contains_key("saved") {
        notices.push(w.t("program-saved"));
    }
    match read.await {
        Ok((p, known)) => program_page(&signed, StatusCode::OK, &p, &known, notices, vec![]),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// The program with the form's name, session counts, minutes and topics put in; each
/// problem in the user's words. A topic's parts stay with the topic on the same line.
fn edited(w: &Words, spec: &ProgramSpec, fields: &Fields) -> Result<ProgramSpec, Vec<String>> {
    let mut spec = spec.clone();
    let mut errors = Vec::new();
    match Name::parse(fields.get("name").unwrap_or("").trim()) {
        Ok(n) => spec.name = n,
        Err(_) => errors.push(w.t("program-bad-name")),
    }
    for (i, phase) in spec.phases.iter_mut().enumerate() {
        let number = |field: &str| fields.get(&format!("{field}-{i}")).map(str::trim);
        match number("sessions").map(str::parse::<u16>) {
            Some(Ok(n)) => phase.sessions = n,
            _ => errors.push(w.t1("program-bad-sessions", "phase", &phase.name)),
        }
        match number("minutes").map(str::parse::<u16>) {
            Some(Ok(n)) => phase.session_minutes = n,
            _ => errors.push(w.t1("program-bad-minutes", "phase", &phase.name)),
        }
        let old: Vec<SessionPlan> = std::mem::take(&mut phase.session_plans);
        let topics = fields.get(&format!("topics-{i}")).unwrap_or("");
        for (j, line) in topics
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            match Name::parse(line) {
                Ok(topic) => phase.session_plans.push(SessionPlan {
                    structure: old.get(j).map(|p| p.structure.clone()).unwrap_or_default(),
                    topic,
                }),
                Err(_) => errors.push(w.t1("program-bad-topic", "phase", &phase.name)),
            }
        }
    }
    match fields.get("threshold").map(str::trim).map(str::parse::<u8>) {
        Some(Ok(n)) if (1..=20).contains(&n) => spec.follow_up.consecutive_misses = n,
        _ => errors.push(w.t("program-bad-threshold")),
    }
    let hours = |name: &str| read_hours(fields.get(name).unwrap_or(""));
    match (hours("participant_hours"), hours("facilitator_hours")) {
        (Some(p), Some(f)) => {
            spec.reminders.participants_hours_before = p;
            spec.reminders.facilitators_hours_before = f;
        }
        _ => errors.push(w.t("program-bad-hours")),
    }
    spec.assessments = plan_from_form(w, &spec.assessments, fields, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    // The design's own rules (session counts, minutes, a plan per session at most).
    spec.validate().map_err(|e| {
        e.errors()
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
    })?;
    Ok(spec)
}

pub async fn save(
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
    let org = signed.who.org_id;
    let found = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("program"))?;
        let program = state.store.get_program(org, id).await?;
        Ok::<_, ApiError>((program, instrument_choices(&state, org).await?))
    };
    let (program, known) = match found.await {
        Ok(found) => found,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let spec = match edited(w, &program.spec, &fields) {
        Ok(spec) => spec,
        Err(errors) => {
            return program_page(
                &signed,
                StatusCode::UNPROCESSABLE_ENTITY,
                &program,
                &known,
                vec![],
                errors,
            );
        }
    };
    match state.store.update_program(org, program.id, &spec).await {
        Ok(p) => Redirect::to(&format!("/programs/{}?saved=1", p.id)).into_response(),
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

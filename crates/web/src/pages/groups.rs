//! Groups for coordinators: the list, a new group from a program with its schedule
//! previewed in the group's timezone (clock changes shown) before anything is saved, and a
//! group's page: its sessions, roster with enrol and withdraw, facilitators assigned with
//! how each candidate stands against the roles, and the group's status.

use super::login::{Fields, SignedIn, refused};
use super::programs::phase_line;
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
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::calendar::{ExclusionPolicy, LocalTime, Weekday};
use peergroup_domain::enrollment::{EnrollmentAction, EnrollmentStatus, WithdrawalReason};
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::group::{GroupSpec, GroupStatus, Venue};
use peergroup_domain::program::FacilitatorKind;
use peergroup_domain::records::FeedKind;
use peergroup_domain::schedule::clock_changes;
use peergroup_domain::values::{Key, Language, Name, Text, TimeZone};
use peergroup_domain::{Id, StringEnum};
use peergroup_notify::render::date_time;
use peergroup_store::PageRequest;
use peergroup_store::groups::GroupFilter;
use peergroup_store::sessions::{SessionRange, SessionScope};
use std::collections::HashMap;

/// Groups the list shows at most.
const GROUPS_SHOWN: u64 = 200;
/// People an enrol search shows at most.
const FOUND_SHOWN: u64 = 20;

/// The problems of a refused write, in one line each.
fn problems(e: &ApiError) -> Vec<String> {
    let mut lines = vec![e.0.detail.clone()];
    lines.extend(
        e.0.errors
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message)),
    );
    lines
}

fn status_text(w: &Words, s: GroupStatus) -> String {
    w.t(&format!("group-status-{}", s.as_str()))
}

/// The local date and time of `at` in `tz`, as the user's language writes them.
fn when(w: &Words, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> (String, String) {
    date_time(w.locale, at, tz)
        .or_else(|_| date_time("en", at, tz))
        .unwrap_or_default()
}

fn id_of(raw: &str, what: &'static str) -> Result<Id, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found(what))
}

pub struct GroupLine {
    pub id: Id,
    pub name: String,
    pub status: String,
    pub start: String,
    pub places: String,
}

#[derive(Template)]
#[template(path = "groups.html")]
struct GroupsPage {
    frame: Frame,
    groups: Vec<GroupLine>,
}

pub async fn groups(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let listed = async {
        require_manager(&signed.who)?;
        let filter = GroupFilter {
            status: None,
            program_id: None,
            only: None,
        };
        let page = PageRequest {
            after: None,
            limit: GROUPS_SHOWN,
        };
        Ok::<_, ApiError>(
            state
                .store
                .list_groups(signed.who.org_id, &filter, page)
                .await?,
        )
    };
    match listed.await {
        Ok(found) => page(
            StatusCode::OK,
            &GroupsPage {
                frame: Frame::new(w.clone(), "groups-title", signed.me()),
                groups: found
                    .items
                    .into_iter()
                    .map(|g| GroupLine {
                        id: g.id,
                        name: g.spec.name.to_string(),
                        status: status_text(w, g.status),
                        start: g.spec.start_date.to_string(),
                        places: w.tn(
                            "group-places",
                            &[
                                ("enrolled", g.enrolled_count.to_string()),
                                ("capacity", g.spec.capacity.to_string()),
                                ("waiting", g.waitlisted_count.to_string()),
                            ],
                        ),
                    })
                    .collect(),
            },
        ),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// The new-group form's fields as typed.
#[derive(Default)]
pub struct GroupForm {
    pub program_id: Id,
    pub program: String,
    pub phases: Vec<String>,
    pub name: String,
    pub languages: String,
    pub timezone: String,
    pub venue: String,
    pub address: String,
    pub start_date: String,
    pub weekdays: Vec<String>,
    pub start_time: String,
    pub capacity: String,
    pub shift: bool,
}

pub struct PreviewLine {
    pub number: u32,
    pub phase: String,
    pub date: String,
    pub time: String,
    /// A clock change just before this session, in words.
    pub change: Option<String>,
}

#[derive(Template)]
#[template(path = "new_group.html")]
struct NewGroupPage {
    frame: Frame,
    csrf: String,
    form: GroupForm,
    days: Vec<(&'static str, String, bool)>,
    preview: Vec<PreviewLine>,
}

fn new_group_page(
    signed: &SignedIn,
    status: StatusCode,
    form: GroupForm,
    preview: Vec<PreviewLine>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let mut frame = Frame::new(w.clone(), "new-group-title", signed.me());
    frame.errors = errors;
    page(
        status,
        &NewGroupPage {
            frame,
            csrf: signed.csrf.clone(),
            days: Weekday::ALL
                .iter()
                .map(|d| {
                    let checked = form.weekdays.iter().any(|x| x == d.as_str());
                    (d.as_str(), w.t(&format!("weekday-{}", d.as_str())), checked)
                })
                .collect(),
            form,
            preview,
        },
    )
}

pub async fn new_group(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let read = async {
        require_manager(&signed.who)?;
        let id = id_of(query.get("program").map_or("", String::as_str), "program")?;
        Ok::<_, ApiError>(state.store.get_program(signed.who.org_id, id).await?)
    };
    let program = match read.await {
        Ok(p) => p,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let form = GroupForm {
        program_id: program.id,
        program: program.spec.name.to_string(),
        phases: program
            .spec
            .phases
            .iter()
            .map(|p| phase_line(w, p))
            .collect(),
        languages: program
            .spec
            .languages
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" "),
        start_time: "18:00".into(),
        capacity: program
            .spec
            .group_size
            .max
            .map_or(String::new(), |m| m.to_string()),
        ..GroupForm::default()
    };
    new_group_page(&signed, StatusCode::OK, form, vec![], vec![])
}

/// A value typed into a form, read as the API would read it from JSON.
fn typed<T: serde::de::DeserializeOwned>(raw: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(raw.trim().to_string())).ok()
}

/// The form read into a group's settings, or each problem in the user's words.
fn read_group(w: &Words, form: &GroupForm) -> Result<GroupSpec, Vec<String>> {
    let mut errors = Vec::new();
    let mut need = |ok: bool, key: &str| {
        if !ok {
            errors.push(w.t(key));
        }
    };
    let name = typed::<Name>(&form.name);
    need(name.is_some(), "group-bad-name");
    let languages: Option<Vec<Language>> = form
        .languages
        .split([' ', ','])
        .filter(|l| !l.is_empty())
        .map(typed::<Language>)
        .collect();
    let languages = languages.filter(|l| !l.is_empty());
    need(languages.is_some(), "group-bad-languages");
    let timezone = typed::<TimeZone>(&form.timezone);
    need(timezone.is_some(), "group-bad-timezone");
    let venue = typed::<Name>(&form.venue);
    need(venue.is_some(), "group-bad-venue");
    let address = form.address.trim();
    let address = if address.is_empty() {
        Some(None)
    } else {
        typed::<Text>(address).map(Some)
    };
    need(address.is_some(), "group-bad-address");
    let start_date = NaiveDate::parse_from_str(form.start_date.trim(), "%Y-%m-%d").ok();
    need(start_date.is_some(), "group-bad-start-date");
    let weekdays: Option<Vec<Weekday>> = form.weekdays.iter().map(|d| typed(d)).collect();
    let weekdays = weekdays.filter(|d| !d.is_empty());
    need(weekdays.is_some(), "group-bad-weekdays");
    let start_time = typed::<LocalTime>(&form.start_time);
    need(start_time.is_some(), "group-bad-start-time");
    let capacity = form.capacity.trim().parse::<u16>().ok();
    need(capacity.is_some(), "group-bad-capacity");
    match (
        name, languages, timezone, venue, address, start_date, weekdays, start_time, capacity,
    ) {
        (
            Some(name),
            Some(languages),
            Some(timezone),
            Some(venue),
            Some(address),
            Some(start_date),
            Some(weekdays),
            Some(start_time),
            Some(capacity),
        ) if errors.is_empty() => Ok(GroupSpec {
            program_id: form.program_id,
            name,
            languages,
            timezone,
            venue: Venue {
                name: venue,
                address,
                accessibility_notes: None,
            },
            start_date,
            weekdays,
            start_time,
            capacity,
            segment: None,
            exclusion_policy: if form.shift {
                ExclusionPolicy::Shift
            } else {
                ExclusionPolicy::Skip
            },
        }),
        _ => Err(errors),
    }
}

/// "UTC−07:00" for an offset in seconds.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

pub async fn create_group(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    let org = signed.who.org_id;
    let field = |name: &str| fields.get(name).unwrap_or("").to_string();
    let read = async {
        require_manager(&signed.who)?;
        let id = id_of(&field("program_id"), "program")?;
        Ok::<_, ApiError>(state.store.get_program(org, id).await?)
    };
    let program = match read.await {
        Ok(p) => p,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let form = GroupForm {
        program_id: program.id,
        program: program.spec.name.to_string(),
        phases: program
            .spec
            .phases
            .iter()
            .map(|p| phase_line(w, p))
            .collect(),
        name: field("name"),
        languages: field("languages"),
        timezone: field("timezone"),
        venue: field("venue"),
        address: field("address"),
        start_date: field("start_date"),
        weekdays: fields.all("weekday").map(str::to_string).collect(),
        start_time: field("start_time"),
        capacity: field("capacity"),
        shift: field("exclusion_policy") == "shift",
    };
    let spec = match read_group(w, &form) {
        Ok(spec) => spec,
        Err(errors) => {
            return new_group_page(
                &signed,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                vec![],
                errors,
            );
        }
    };
    if field("action") != "create" {
        let planned = match peergroup_app::schedules::preview(&state.store, org, &spec).await {
            Ok(planned) => planned,
            Err(e) => {
                let errors = problems(&e.into());
                return new_group_page(
                    &signed,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    form,
                    vec![],
                    errors,
                );
            }
        };
        let tz = spec.timezone.tz();
        let changes = clock_changes(&planned, tz);
        let preview = planned
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (date, time) = when(w, s.starts_at, tz);
                PreviewLine {
                    number: s.number,
                    phase: program
                        .spec
                        .phases
                        .get(s.phase)
                        .map(|p| p.name.to_string())
                        .unwrap_or_default(),
                    date,
                    time,
                    change: changes.iter().find(|c| c.before_session == i).map(|c| {
                        w.tn(
                            "preview-clock-change",
                            &[
                                ("from", offset_text(c.from_offset)),
                                ("to", offset_text(c.to_offset)),
                            ],
                        )
                    }),
                }
            })
            .collect();
        return new_group_page(&signed, StatusCode::OK, form, preview, vec![]);
    }
    let group = match state.store.create_group(org, &spec).await {
        Ok(group) => group,
        Err(e) => {
            let errors = problems(&e.into());
            return new_group_page(
                &signed,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                vec![],
                errors,
            );
        }
    };
    // The group is saved; should laying out its sessions fail, its page says why.
    match peergroup_app::schedules::generate(&state.store, org, group.id, false).await {
        Ok(_) => Redirect::to(&format!("/groups/{}?created=1", group.id)).into_response(),
        Err(e) => {
            let id = group.id.to_string();
            let errors = problems(&e.into());
            group_page(&state, &signed, &id, "", StatusCode::OK, vec![], errors).await
        }
    }
}

pub struct SessionLine {
    pub id: Id,
    /// "Move or cancel session 3", for a screen reader.
    pub change_label: String,
    pub number: u32,
    pub phase: String,
    pub when: String,
    pub status: String,
    pub missing: Option<String>,
}

pub struct RosterLine {
    pub id: Id,
    pub person_id: Id,
    pub name: String,
    pub status: String,
    pub active: bool,
}

pub struct AssignedLine {
    pub name: String,
    pub role: String,
    pub overridden: Option<String>,
}

pub struct Standing {
    /// "Assign Amrit as Peer leader", for a screen reader.
    pub label: String,
    pub role: String,
    pub kind: &'static str,
    pub title: String,
    pub unmet: Vec<String>,
}

pub struct CandidateLine {
    pub person_id: Id,
    pub name: String,
    pub roles: Vec<Standing>,
}

pub struct Found {
    pub id: Id,
    pub name: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    frame: Frame,
    csrf: String,
    id: Id,
    status: String,
    facts: Vec<(String, String)>,
    next: Vec<(&'static str, String)>,
    sessions: Vec<SessionLine>,
    roster: Vec<RosterLine>,
    /// The reasons a withdrawal may give: code and words.
    reasons: Vec<(&'static str, String)>,
    open: bool,
    q: String,
    found: Vec<Found>,
    assigned: Vec<AssignedLine>,
    candidates: Vec<CandidateLine>,
}

/// The group page, with lines to show on top.
async fn group_page(
    state: &AppState,
    signed: &SignedIn,
    raw_id: &str,
    q: &str,
    status: StatusCode,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let id = id_of(raw_id, "group")?;
        let (detail, _) = state.store.get_group_detail(org, id).await?;
        let program = state
            .store
            .get_program(org, detail.group.spec.program_id)
            .await?;
        // Every session: groups start between the years 2000 and 2100.
        let range = SessionRange::LocalDates {
            from: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(2200, 1, 1).unwrap_or_default(),
        };
        let sessions = state
            .store
            .list_sessions(org, &SessionScope::Groups(vec![id]), range, None)
            .await?;
        let found = if q.trim().is_empty() {
            Vec::new()
        } else {
            let page = PageRequest {
                after: None,
                limit: FOUND_SHOWN,
            };
            state
                .store
                .list_people(org, Some(q.trim()), page)
                .await?
                .items
        };
        // Its participants and its facilitators are not candidates.
        let taken = detail
            .enrollments
            .iter()
            .filter(|e| e.status != EnrollmentStatus::Withdrawn)
            .map(|e| e.person_id)
            .chain(detail.facilitators.iter().map(|a| a.spec.person_id))
            .collect();
        let candidates = state
            .store
            .eligibility(org, &detail.group, &program.spec, &taken)
            .await?;
        let route = "GET /groups/{id}";
        state.log_read(&signed.who, About::Group(id), route).await?;
        if !q.trim().is_empty() {
            state.log_read(&signed.who, About::People, route).await?;
        }
        Ok::<_, ApiError>((detail, program, sessions, found, candidates))
    };
    let (detail, program, sessions, found, candidates) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let g = &detail.group;
    let mut frame = Frame::new(w.clone(), "group-title", signed.me());
    frame.title = g.spec.name.to_string();
    frame.notices = notices;
    frame.errors = errors;
    let role_title = |key: Option<&Key>, kind: FacilitatorKind| {
        key.and_then(|k| program.spec.facilitator_roles.iter().find(|r| &r.key == k))
            .map(|r| r.title.to_string())
            .unwrap_or_else(|| w.t(&format!("kind-{}", kind.as_str())))
    };
    let facts = vec![
        (w.t("group-program"), program.spec.name.to_string()),
        (
            w.t("group-when"),
            w.tn(
                "group-when-line",
                &[
                    (
                        "days",
                        g.spec
                            .weekdays
                            .iter()
                            .map(|d| w.t(&format!("weekday-{}", d.as_str())))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    ("time", g.spec.start_time.time().format("%H:%M").to_string()),
                    ("timezone", g.spec.timezone.to_string()),
                ],
            ),
        ),
        (w.t("group-venue"), g.spec.venue.name.to_string()),
        (
            w.t("group-languages"),
            g.spec
                .languages
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            w.t("group-places-title"),
            w.tn(
                "group-places",
                &[
                    ("enrolled", g.enrolled_count.to_string()),
                    ("capacity", g.spec.capacity.to_string()),
                    ("waiting", g.waitlisted_count.to_string()),
                ],
            ),
        ),
    ];
    page(
        status,
        &GroupPage {
            frame,
            csrf: signed.csrf.clone(),
            id: g.id,
            status: status_text(w, g.status),
            facts,
            next: GroupStatus::ALL
                .iter()
                .filter(|s| g.status.can_become(**s))
                .map(|s| (s.as_str(), w.t(&format!("group-become-{}", s.as_str()))))
                .collect(),
            sessions: sessions
                .into_iter()
                .map(|s| SessionLine {
                    id: s.id,
                    change_label: w.t1("session-change-label", "number", s.number),
                    number: s.number,
                    when: {
                        let tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
                        let (date, time) = when(w, s.starts_at, tz);
                        format!("{date} {time}")
                    },
                    phase: s.phase_name,
                    status: w.t(&format!("session-status-{}", s.status.as_str())),
                    missing: (!s.roles_missing.is_empty()).then(|| s.roles_missing.join(", ")),
                })
                .collect(),
            roster: detail
                .enrollments
                .iter()
                .map(|e| RosterLine {
                    id: e.id,
                    person_id: e.person_id,
                    name: e.display_name.clone(),
                    status: w.t(&format!("enrolment-{}", e.status.as_str())),
                    active: matches!(
                        e.status,
                        EnrollmentStatus::Enrolled | EnrollmentStatus::Waitlisted
                    ),
                })
                .collect(),
            reasons: WithdrawalReason::all()
                .iter()
                .map(|r| (r.as_str(), w.t(&format!("reason-{}", r.as_str()))))
                .collect(),
            open: !g.status.has_started() && !matches!(g.status, GroupStatus::Cancelled),
            q: q.to_string(),
            // Whoever already holds or awaits a place is on the roster, not in the results.
            found: found
                .into_iter()
                .filter(|p| {
                    !detail
                        .enrollments
                        .iter()
                        .any(|e| e.person_id == p.id && e.status != EnrollmentStatus::Withdrawn)
                })
                .map(|p| Found {
                    id: p.id,
                    label: w.t1("group-enrol-person", "name", &p.spec.display_name),
                    name: p.spec.display_name.to_string(),
                })
                .collect(),
            assigned: detail
                .facilitators
                .iter()
                .map(|a| AssignedLine {
                    name: a.display_name.clone(),
                    role: role_title(a.spec.program_role.as_ref(), a.spec.role),
                    overridden: a
                        .eligibility_override
                        .as_ref()
                        .map(|o| w.t1("group-override-kept", "reason", &o.reason)),
                })
                .collect(),
            candidates: candidates
                .into_iter()
                .map(|c| CandidateLine {
                    person_id: c.person_id,
                    name: c.name.clone(),
                    roles: c
                        .roles
                        .into_iter()
                        .map(|r| Standing {
                            label: w.tn(
                                "group-assign-as",
                                &[("name", c.name.clone()), ("role", r.title.clone())],
                            ),
                            role: r.role.to_string(),
                            kind: r.kind.as_str(),
                            title: r.title,
                            unmet: r.unmet,
                        })
                        .collect(),
                })
                .collect(),
        },
    )
}

pub async fn group(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let notices = [
        ("created", "group-created"),
        ("enrolled", "group-enrolled"),
        ("withdrawn", "group-withdrawn"),
        ("assigned", "group-assigned"),
        ("status", "group-status-changed"),
        ("cancelled", "session-was-cancelled"),
    ]
    .iter()
    .filter(|(k, _)| query.contains_key(*k))
    .map(|(_, key)| w.t(key))
    .collect();
    let q = query.get("q").map_or("", String::as_str);
    group_page(&state, &signed, &id, q, StatusCode::OK, notices, vec![]).await
}

/// What a write on the group page did: back to the page with a notice, or the page again
/// with the problems.
async fn after_write(
    state: &AppState,
    signed: &SignedIn,
    id: &str,
    done: Result<(), ApiError>,
    notice: &str,
) -> Response {
    match done {
        Ok(()) => Redirect::to(&format!("/groups/{id}?{notice}")).into_response(),
        Err(e) if e.0.status == 404 || e.0.status == 403 => {
            error_page(&signed.words, signed.me(), e)
        }
        Err(e) => {
            let status = StatusCode::from_u16(e.0.status).unwrap_or(StatusCode::BAD_REQUEST);
            group_page(state, signed, id, "", status, vec![], problems(&e)).await
        }
    }
}

pub async fn enrol(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let done = async {
        require_manager(&signed.who)?;
        let group = id_of(&id, "group")?;
        let person = fields
            .get("person_id")
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| ApiError::field("person_id", "choose a person"))?;
        peergroup_app::enrollments::enroll(&state.store, signed.who.org_id, group, person).await?;
        let route = "POST /groups/{id}/enrol";
        state
            .log_access(
                &signed.who,
                AccessAction::Change,
                About::Person(person),
                route,
            )
            .await?;
        Ok(())
    };
    let done = state.store.in_one_transaction(done).await;
    // Back to the same search: a coordinator often enrols several people found at once.
    let q = fields.get("q").unwrap_or("");
    let notice = format!(
        "enrolled=1&q={}",
        form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
    );
    after_write(&state, &signed, &id, done, &notice).await
}

pub async fn withdraw(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let org = signed.who.org_id;
    let done = async {
        require_manager(&signed.who)?;
        let group = id_of(&id, "group")?;
        let enrolment: Id = id_of(fields.get("enrollment_id").unwrap_or(""), "enrollment")?;
        // The enrolment must be this group's: a form cannot reach another group's roster.
        if state.store.get_enrollment(org, enrolment).await?.group_id != group {
            return Err(ApiError::not_found("enrollment"));
        }
        let reason = match fields.get("reason").unwrap_or("") {
            "" => None,
            r => Some(
                r.parse::<WithdrawalReason>()
                    .map_err(|m| ApiError::field("reason", m))?,
            ),
        };
        let changed = peergroup_app::enrollments::change(
            &state.store,
            org,
            enrolment,
            EnrollmentAction::Withdraw,
            reason,
        )
        .await?;
        let about = About::Person(changed.person_id);
        state
            .log_access(
                &signed.who,
                AccessAction::Change,
                about,
                "POST /groups/{id}/withdraw",
            )
            .await?;
        Ok(())
    };
    let done = state.store.in_one_transaction(done).await;
    after_write(&state, &signed, &id, done, "withdrawn=1").await
}

pub async fn assign(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let done = async {
        require_manager(&signed.who)?;
        let group = id_of(&id, "group")?;
        let field = |name: &str| fields.get(name).map(str::trim).unwrap_or("");
        let person_id = field("person_id")
            .parse()
            .map_err(|_| ApiError::field("person_id", "choose a person"))?;
        let role = typed::<FacilitatorKind>(field("role"))
            .ok_or_else(|| ApiError::field("role", "choose peer or professional"))?;
        let program_role = Some(
            Key::parse(field("program_role")).map_err(|m| ApiError::field("program_role", m))?,
        );
        let override_reason = match field("override_reason") {
            "" => None,
            r => Some(Text::parse(r).map_err(|m| ApiError::field("override_reason", m))?),
        };
        let spec = AssignmentSpec {
            person_id,
            role,
            program_role,
            override_reason,
        };
        peergroup_app::facilitators::assign(
            &state.store,
            signed.who.org_id,
            group,
            &spec,
            Some(signed.who.user_id),
        )
        .await?;
        Ok(())
    };
    let done = done.await;
    after_write(&state, &signed, &id, done, "assigned=1").await
}

pub async fn change_status(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let done = async {
        require_manager(&signed.who)?;
        let group = id_of(&id, "group")?;
        let next = typed::<GroupStatus>(fields.get("status").unwrap_or(""))
            .ok_or_else(|| ApiError::field("status", "choose a status"))?;
        peergroup_app::groups::set_status(&state.store, signed.who.org_id, group, next).await?;
        Ok(())
    };
    let done = done.await;
    after_write(&state, &signed, &id, done, "status=1").await
}

/// A calendar link to the group's sessions, for a venue or a co-facilitator's calendar.
/// The link is shown once; a new one replaces any earlier link of the group.
pub async fn make_feed(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let org = signed.who.org_id;
    let made = async {
        require_manager(&signed.who)?;
        let group = id_of(&id, "group")?;
        state.store.get_group(org, group).await?;
        for old in state.store.list_feeds(org).await? {
            if old.kind == FeedKind::Group
                && old.subject_id == Some(group)
                && old.revoked_at.is_none()
            {
                state.store.revoke_feed(org, old.id).await?;
            }
        }
        let feed = state
            .store
            .create_feed(org, FeedKind::Group, Some(group))
            .await?;
        // The secret path is given only when the feed is made.
        feed.url.ok_or_else(ApiError::internal)
    };
    match made.await {
        Ok(path) => {
            let url = format!("{}{path}", state.login.public_url.trim_end_matches('/'));
            let told = signed.words.t1("group-feed-made", "url", url);
            group_page(&state, &signed, &id, "", StatusCode::OK, vec![told], vec![]).await
        }
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

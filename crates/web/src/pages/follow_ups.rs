//! "My follow-up calls": who to call, their number and language, the sessions they missed,
//! and a call logged in three taps (how it went, what keeps them away, save). The same
//! access as the API: a facilitator sees their groups' calls; a call assigned to another
//! facilitator shows no number (403 on its page).

use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{visible_groups, visible_task};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use peergroup_app::follow_ups;
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::followup::{Barrier, CallAttemptSpec, CallOutcome, NextStep, TaskState};
use peergroup_domain::support::{SupportKind, SupportNeedSpec, SupportStatus};
use peergroup_notify::render::date_time;
use peergroup_store::followups::TaskFilter;
use peergroup_store::{PageRequest, StoreError};
use std::collections::HashMap;

/// Calls the list shows at most.
const CALLS_SHOWN: u64 = 50;

pub struct CallLine {
    pub id: Id,
    pub name: String,
    pub group: String,
    pub missed: String,
    pub due: String,
    pub overdue: bool,
    pub phone: Option<String>,
}

#[derive(Template)]
#[template(path = "follow_ups.html")]
struct MyCalls {
    frame: Frame,
    calls: Vec<CallLine>,
}

pub(super) fn date_in(w: &Words, at: chrono::DateTime<chrono::Utc>, tz: &str) -> String {
    let tz: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::UTC);
    date_time(w.locale, at, tz)
        .or_else(|_| date_time("en", at, tz))
        .map(|(d, _)| d)
        .unwrap_or_default()
}

pub async fn my_calls(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    // Coordinators see every open call as a board; facilitators their own list.
    if signed.who.role.can_manage() {
        let notices = if query.contains_key("assigned") {
            vec![w.t("follow-up-assigned")]
        } else {
            vec![]
        };
        return super::board::board(&state, &signed, notices).await;
    }
    let who = &signed.who;
    let listed = async {
        let filter = TaskFilter {
            groups: visible_groups(&state, who).await?,
            group_id: None,
            person_id: None,
            state: Some(TaskState::Open),
            assignee_person_id: None,
            overdue: false,
            escalated: false,
        };
        let page = PageRequest {
            after: None,
            limit: CALLS_SHOWN,
        };
        let tasks = state
            .store
            .list_follow_ups(who.org_id, &filter, page)
            .await?;
        let mut calls = Vec::new();
        for t in tasks.items {
            // The number only for whoever may call: the sheet refuses anyone else.
            let sheet = match state.store.call_sheet(who, t.id).await {
                Ok(s) => Some(s),
                Err(StoreError::Forbidden(_)) => None,
                Err(e) => return Err(ApiError::from(e)),
            };
            let (group, tz, phone) = match &sheet {
                Some(s) => (s.group_name.clone(), s.timezone.clone(), s.phone.clone()),
                None => (String::new(), "UTC".to_string(), None),
            };
            calls.push(CallLine {
                id: t.id,
                name: t.display_name.clone(),
                group,
                missed: w.t1("follow-up-missed", "count", t.sessions.len()),
                due: w.t1("follow-up-due", "date", date_in(w, t.due_at, &tz)),
                overdue: t.overdue,
                phone,
            });
        }
        state
            .log_read(who, About::People, "GET /follow-ups")
            .await?;
        Ok::<_, ApiError>(calls)
    };
    match listed.await {
        Ok(calls) => page(
            StatusCode::OK,
            &MyCalls {
                frame: Frame::new(w.clone(), "follow-ups-title", signed.me()),
                calls,
            },
        ),
        Err(e) => error_page(w, signed.me(), e),
    }
}

#[derive(Template)]
#[template(path = "call_sheet.html")]
struct CallSheetPage {
    frame: Frame,
    id: Id,
    csrf: String,
    group: String,
    language: String,
    phone: Option<String>,
    alternative: Option<String>,
    no_consent: Option<String>,
    missed: Vec<String>,
    attempts: String,
    /// Every call so far, oldest first.
    log: Vec<String>,
    open: bool,
    outcomes: Vec<Choice>,
    barriers: Vec<Choice>,
}

async fn sheet_page(
    state: &AppState,
    signed: &SignedIn,
    id: Id,
    status: StatusCode,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let read = async {
        visible_task(state, &signed.who, id).await?;
        let task = state.store.get_follow_up(signed.who.org_id, id).await?;
        let sheet = state.store.call_sheet(&signed.who, id).await?;
        let about = About::Person(task.person_id);
        state
            .log_read(&signed.who, about, "GET /follow-ups/{id}")
            .await?;
        Ok::<_, ApiError>((task, sheet))
    };
    let (task, sheet) = match read.await {
        Ok(found) => found,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut frame = Frame::new(w.clone(), "call-title", signed.me());
    frame.title = w.t1("call-title", "name", &sheet.display_name);
    frame.notices = notices;
    frame.errors = errors;
    let choice = |value: &str, key: String| Choice {
        value: value.to_string(),
        label: w.t(&key),
        checked: false,
    };
    page(
        status,
        &CallSheetPage {
            frame,
            id,
            csrf: signed.csrf.clone(),
            group: sheet.group_name.clone(),
            language: sheet.preferred_language.clone(),
            no_consent: (!sheet.calls_consented)
                .then(|| w.t1("call-no-consent", "name", &sheet.display_name)),
            phone: sheet.phone.clone(),
            alternative: sheet.alternative_contact.clone(),
            missed: sheet
                .missed_sessions
                .iter()
                .map(|m| {
                    w.tn(
                        "call-missed-line",
                        &[
                            ("number", m.number.to_string()),
                            ("date", date_in(w, m.starts_at, &sheet.timezone)),
                        ],
                    )
                })
                .collect(),
            attempts: w.t1("attempts-so-far", "count", task.attempts),
            log: task
                .call_attempts
                .iter()
                .map(|a| {
                    let mut line = w.tn(
                        "call-log-line",
                        &[
                            (
                                "date",
                                a.spec
                                    .made_at
                                    .map(|at| date_in(w, at, &sheet.timezone))
                                    .unwrap_or_default(),
                            ),
                            (
                                "outcome",
                                w.t(&format!("outcome-{}", a.spec.outcome.as_str())),
                            ),
                            ("by", a.made_by.clone()),
                        ],
                    );
                    for b in &a.spec.barriers {
                        line.push_str(" · ");
                        line.push_str(&w.t(&format!("barrier-{}", b.as_str())));
                    }
                    line
                })
                .collect(),
            open: task.state == TaskState::Open,
            outcomes: CallOutcome::ALL
                .iter()
                .map(|o| choice(o.as_str(), format!("outcome-{}", o.as_str())))
                .collect(),
            barriers: Barrier::ALL
                .iter()
                .map(|b| choice(b.as_str(), format!("barrier-{}", b.as_str())))
                .collect(),
        },
    )
}

fn parse_id(id: &str) -> Result<Id, ApiError> {
    id.parse::<Id>()
        .map_err(|_| ApiError::not_found("follow-up task"))
}

/// The task a path names, if the user may see it (as the API's rules say).
async fn visible_call(state: &AppState, signed: &SignedIn, id: &str) -> Result<Id, ApiError> {
    let id = parse_id(id)?;
    visible_task(state, &signed.who, id).await?;
    Ok(id)
}

pub async fn call_sheet(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    match parse_id(&id) {
        Ok(id) => sheet_page(&state, &signed, id, StatusCode::OK, vec![], vec![]).await,
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

/// Asks the coordinators to help with the call ("escalate").
pub async fn escalate(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let w = &signed.words;
    let id = match visible_call(&state, &signed, &id).await {
        Ok(id) => id,
        Err(e) => return error_page(w, signed.me(), e),
    };
    match follow_ups::hand_over(&state.store, &signed.who, id).await {
        Ok(_) => {
            let told = w.t("escalated");
            sheet_page(&state, &signed, id, StatusCode::OK, vec![told], vec![]).await
        }
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

/// The support a "needs support" call names: what the first barrier asks for.
fn support_for(barrier: Option<Barrier>) -> SupportNeedSpec {
    let kind = match barrier {
        Some(Barrier::Childcare) => SupportKind::Childcare,
        Some(Barrier::Transport) => SupportKind::Transport,
        _ => SupportKind::Other,
    };
    SupportNeedSpec {
        kind,
        status: SupportStatus::Requested,
        children_ages: Vec::new(),
        interpreter_language: None,
        details: None,
    }
}

/// The attempt a submitted form describes; `None` when no outcome was chosen.
fn attempt_from(f: &Fields) -> Option<CallAttemptSpec> {
    let outcome = f.get("outcome")?.parse::<CallOutcome>().ok()?;
    let reached = outcome == CallOutcome::Reached;
    let mut barriers: Vec<Barrier> = Vec::new();
    for b in f.all("barrier").filter_map(|v| v.parse::<Barrier>().ok()) {
        if reached && !barriers.contains(&b) {
            barriers.push(b);
        }
    }
    let needs_support = reached && f.get("needs_support").is_some();
    Some(CallAttemptSpec {
        outcome,
        next_step: needs_support.then_some(NextStep::NeedsSupport),
        support: needs_support.then(|| support_for(barriers.first().copied())),
        barriers,
        made_at: None,
    })
}

pub async fn save_attempt(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let w = &signed.words;
    let id = match visible_call(&state, &signed, &id).await {
        Ok(id) => id,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let Some(spec) = attempt_from(&fields) else {
        let error = w.t("attempt-legend");
        return sheet_page(
            &state,
            &signed,
            id,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![],
            vec![error],
        )
        .await;
    };
    let recorded = async {
        let task = follow_ups::record_call(&state.store, &signed.who, id, &spec).await?;
        let about = About::Person(task.person_id);
        let route = "POST /follow-ups/{id}";
        state
            .log_access(&signed.who, AccessAction::Change, about, route)
            .await?;
        Ok(task)
    };
    match state.store.in_one_transaction(recorded).await {
        Ok(task) => {
            let saved = w.t1("attempt-saved", "count", task.attempts);
            sheet_page(&state, &signed, id, StatusCode::OK, vec![saved], vec![]).await
        }
        Err(StoreError::Invalid(e)) => {
            let errors = e
                .errors()
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            sheet_page(
                &state,
                &signed,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                vec![],
                errors,
            )
            .await
        }
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

//! The coordinators' follow-up board: every open call of the organization in three
//! columns (not called yet, called and still open, escalated), who calls, and giving a
//! call to one of the group's facilitators or to the coordinators.

use super::follow_ups::date_in;
use super::login::{Fields, SignedIn, refused};
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_app::follow_ups;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::followup::{AssignTaskSpec, FollowUpTask, TaskState};
use peergroup_store::PageRequest;
use peergroup_store::followups::TaskFilter;
use std::collections::HashMap;

/// Open calls the board shows at most.
const TASKS_SHOWN: u64 = 200;

pub struct Caller {
    pub person_id: Option<Id>,
    pub name: String,
    pub chosen: bool,
}

pub struct Ticket {
    pub id: Id,
    pub name: String,
    pub group: String,
    pub due: String,
    pub overdue: bool,
    pub attempts: String,
    pub callers: Vec<Caller>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    frame: Frame,
    csrf: String,
    columns: Vec<(String, Vec<Ticket>)>,
}

/// Which column a task stands in: 0 not called yet, 1 called, 2 escalated.
fn column(t: &FollowUpTask) -> usize {
    match (t.escalated, t.attempts) {
        (true, _) => 2,
        (false, 0) => 0,
        (false, _) => 1,
    }
}

pub async fn board(state: &AppState, signed: &SignedIn, notices: Vec<String>) -> Response {
    let w: &Words = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let filter = TaskFilter {
            groups: None,
            group_id: None,
            person_id: None,
            state: Some(TaskState::Open),
            assignee_person_id: None,
            overdue: false,
            escalated: false,
        };
        let page = PageRequest {
            after: None,
            limit: TASKS_SHOWN,
        };
        let tasks = state.store.list_follow_ups(org, &filter, page).await?.items;
        // Each group once: its name, timezone and facilitators.
        let mut groups = HashMap::new();
        for t in &tasks {
            if let std::collections::hash_map::Entry::Vacant(e) = groups.entry(t.group_id) {
                let g = state.store.get_group(org, t.group_id).await?;
                let leads = state.store.list_facilitators(org, t.group_id).await?;
                e.insert((g, leads));
            }
        }
        state
            .log_read(&signed.who, About::People, "GET /follow-ups")
            .await?;
        Ok::<_, ApiError>((tasks, groups))
    };
    let (tasks, groups) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut columns: Vec<(String, Vec<Ticket>)> =
        ["board-waiting", "board-called", "board-escalated"]
            .iter()
            .map(|k| (w.t(k), Vec::new()))
            .collect();
    for t in tasks {
        let Some((g, leads)) = groups.get(&t.group_id) else {
            continue;
        };
        let mut callers = vec![Caller {
            person_id: None,
            name: w.t("board-coordinators"),
            chosen: t.assignee_person_id.is_none(),
        }];
        callers.extend(leads.iter().map(|a| Caller {
            person_id: Some(a.spec.person_id),
            name: a.display_name.clone(),
            chosen: t.assignee_person_id == Some(a.spec.person_id),
        }));
        let ticket = Ticket {
            id: t.id,
            name: t.display_name.clone(),
            group: g.spec.name.to_string(),
            due: w.t1(
                "follow-up-due",
                "date",
                date_in(w, t.due_at, &g.spec.timezone.to_string()),
            ),
            overdue: t.overdue,
            attempts: w.t1("attempts-so-far", "count", t.attempts),
            callers,
        };
        columns[column(&t)].1.push(ticket);
    }
    let mut frame = Frame::new(w.clone(), "board-title", signed.me());
    frame.notices = notices;
    page(
        StatusCode::OK,
        &BoardPage {
            frame,
            csrf: signed.csrf.clone(),
            columns,
        },
    )
}

/// Gives a call to one of its group's facilitators, or (none chosen) to the coordinators.
pub async fn assign(
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
        let id: Id = id
            .parse()
            .map_err(|_| ApiError::not_found("follow-up task"))?;
        let assignee_person_id = match fields.get("assignee").unwrap_or("") {
            "" => None,
            p => Some(
                p.parse()
                    .map_err(|_| ApiError::field("assignee", "choose who calls"))?,
            ),
        };
        let spec = AssignTaskSpec { assignee_person_id };
        let assign = follow_ups::assign(&state.store, signed.who.org_id, id, &spec);
        let about = |task: &FollowUpTask| About::Person(task.person_id);
        let route = "POST /follow-ups/{id}/assign";
        state
            .logged_change(&signed.who, route, about, assign)
            .await?;
        Ok::<_, ApiError>(())
    };
    match done.await {
        Ok(()) => Redirect::to("/follow-ups?assigned=1").into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

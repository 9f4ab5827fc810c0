//! The follow-up queue: tasks opened by the missed-session rule or by a coordinator, call
//! attempts, closing and reassigning. Facilitators see and work the tasks of their groups;
//! coordinators see all, reassign, and open tasks by hand.

use super::page;
use crate::AppState;
use crate::access::{require_manager, visible_groups, visible_task};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_app::follow_ups;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::followup::{
    AssignTaskSpec, CallAttemptSpec, CallSheet, CloseTaskSpec, FollowUpTask, NewTaskSpec, TaskState,
};
use peergroup_domain::records::Page;
use peergroup_store::followups::TaskFilter;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tasks, open_task))
        .routes(routes!(get_task))
        .routes(routes!(get_call_sheet))
        .routes(routes!(record_attempt))
        .routes(routes!(close_task))
        .routes(routes!(assign_task))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    pub state: Option<TaskState>,
    pub group_id: Option<Id>,
    /// Tasks of this facilitator (a person id).
    pub assignee_person_id: Option<Id>,
    /// Only the caller's own tasks (the facilitator whose email is the caller's).
    #[serde(default)]
    pub mine: bool,
    /// Only open tasks past their due date.
    #[serde(default)]
    pub overdue: bool,
    /// Only open tasks past their due date with no call attempt.
    #[serde(default)]
    pub escalated: bool,
    pub after: Option<i64>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The follow-up queue across groups, filterable by state, group, facilitator, and whether
/// a task is overdue or escalated (overdue with nobody having called).
#[utoipa::path(get, path = "/follow-ups", tag = "follow-ups", params(QueueParams), responses((status = 200, body = Page<FollowUpTask>), ReadProblems))]
async fn list_tasks(
    State(state): State<AppState>,
    Caller(who): Caller,
    Query(params): Query<QueueParams>,
) -> ApiResult<axum::Json<Page<FollowUpTask>>> {
    let page = page(params.after, params.limit)?;
    let mut filter = TaskFilter {
        groups: visible_groups(&state, &who).await?,
        group_id: params.group_id,
        person_id: None,
        state: params.state,
        assignee_person_id: params.assignee_person_id,
        overdue: params.overdue,
        escalated: params.escalated,
    };
    if params.mine {
        let me = state.store.people_of_user(&who).await?;
        match me.as_slice() {
            [one] if filter.assignee_person_id.is_none_or(|p| p == *one) => {
                filter.assignee_person_id = Some(*one)
            }
            _ => {
                return Ok(axum::Json(Page {
                    items: Vec::new(),
                    next_cursor: None,
                }));
            }
        }
    }
    let found = state
        .store
        .list_follow_ups(who.org_id, &filter, page)
        .await?;
    state
        .log_read(&who, About::People, "GET /api/v1/follow-ups")
        .await?;
    Ok(axum::Json(found))
}

/// Opens a follow-up task by hand for one enrolment (coordinators).
#[utoipa::path(post, path = "/follow-ups", tag = "follow-ups", request_body = NewTaskSpec, responses((status = 201, body = FollowUpTask), WriteProblems))]
async fn open_task(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(spec): Json<NewTaskSpec>,
) -> ApiResult<(StatusCode, axum::Json<FollowUpTask>)> {
    require_manager(&who)?;
    let open = follow_ups::open(&state.store, who.org_id, &spec);
    let route = "POST /api/v1/follow-ups";
    let task = state.logged_change(&who, route, about_task, open).await?;
    Ok((StatusCode::CREATED, axum::Json(task)))
}

/// Who to call and how: the participant's name, language, phone (with their consent to
/// calls) and the sessions they missed. For the facilitator the task is assigned to, and
/// coordinators; another facilitator of the group is refused (403).
#[utoipa::path(get, path = "/follow-ups/{id}/call-sheet", tag = "follow-ups", params(("id" = i64, Path)), responses((status = 200, body = CallSheet), ReadProblems))]
async fn get_call_sheet(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<CallSheet>> {
    visible_task(&state, &who, id).await?;
    let sheet = state.store.call_sheet(&who, id).await?;
    let route = "GET /api/v1/follow-ups/{id}/call-sheet";
    state
        .log_read(&who, About::Person(sheet.person_id), route)
        .await?;
    Ok(axum::Json(sheet))
}

#[utoipa::path(get, path = "/follow-ups/{id}", tag = "follow-ups", params(("id" = i64, Path)), responses((status = 200, body = FollowUpTask), ReadProblems))]
async fn get_task(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<FollowUpTask>> {
    visible_task(&state, &who, id).await?;
    let task = state.store.get_follow_up(who.org_id, id).await?;
    let route = "GET /api/v1/follow-ups/{id}";
    state
        .log_read(&who, About::Person(task.person_id), route)
        .await?;
    Ok(axum::Json(task))
}

/// Records a call attempt on an open task. With the next step `needs_support`, the named
/// support becomes the participant's support need of that kind (created or updated).
#[utoipa::path(post, path = "/follow-ups/{id}/attempts", tag = "follow-ups", params(("id" = i64, Path)), request_body = CallAttemptSpec, responses((status = 200, body = FollowUpTask), WriteProblems))]
async fn record_attempt(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<CallAttemptSpec>,
) -> ApiResult<axum::Json<FollowUpTask>> {
    visible_task(&state, &who, id).await?;
    let change = follow_ups::record_call(&state.store, &who, id, &spec);
    let route = "POST /api/v1/follow-ups/{id}/attempts";
    let task = state.logged_change(&who, route, about_task, change).await?;
    Ok(axum::Json(task))
}

/// Ends an open task: `resolved`, `participant_withdrawn` or `unreachable`.
#[utoipa::path(post, path = "/follow-ups/{id}/close", tag = "follow-ups", params(("id" = i64, Path)), request_body = CloseTaskSpec, responses((status = 200, body = FollowUpTask), WriteProblems))]
async fn close_task(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<CloseTaskSpec>,
) -> ApiResult<axum::Json<FollowUpTask>> {
    visible_task(&state, &who, id).await?;
    let change = follow_ups::close(&state.store, who.org_id, id, &spec);
    let route = "POST /api/v1/follow-ups/{id}/close";
    let task = state.logged_change(&who, route, about_task, change).await?;
    Ok(axum::Json(task))
}

/// Gives an open task to a facilitator of its group, or (`null`) to the coordinators.
#[utoipa::path(post, path = "/follow-ups/{id}/assign", tag = "follow-ups", params(("id" = i64, Path)), request_body = AssignTaskSpec, responses((status = 200, body = FollowUpTask), WriteProblems))]
async fn assign_task(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<AssignTaskSpec>,
) -> ApiResult<axum::Json<FollowUpTask>> {
    require_manager(&who)?;
    let assign = follow_ups::assign(&state.store, who.org_id, id, &spec);
    let route = "POST /api/v1/follow-ups/{id}/assign";
    let task = state.logged_change(&who, route, about_task, assign).await?;
    Ok(axum::Json(task))
}

/// Whose data a change to a task touched.
fn about_task(task: &FollowUpTask) -> About {
    About::Person(task.person_id)
}

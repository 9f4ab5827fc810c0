//! Session logs (the roll-call), a participant's attendance history, and the support
//! headcount for a session. Facilitators reach only their own groups.

use crate::AppState;
use crate::access::{require_group_visible, require_manager, require_session_visible};
use crate::error::{ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path};
use axum::extract::State;
use peergroup_app::roll_call;
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::attendance::{
    AttendanceHistory, LogOutcome, SessionLog, SessionLogSpec, SupportHeadcount,
};
use peergroup_domain::figures::Figures;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_log, log_session))
        .routes(routes!(support_headcount))
        .routes(routes!(attendance_history))
        .routes(routes!(group_figures))
        .routes(routes!(program_figures))
}

/// Records what happened at a session in one request: held or not, who facilitated, one
/// status for every participant holding a place, what of the plan was covered, the supports
/// delivered, and a note for the group's facilitators and coordinators.
///
/// Sending a log again corrects it: the previous version is kept with who sent it and when,
/// and the missed-session rule is evaluated again. An identical log changes nothing.
///
/// **The missed-session rule.** Over a participant's held sessions in schedule order, an
/// unexcused absence (`absent`) counts, `present` or `late` breaks the run, and `excused`
/// neither counts nor breaks it; cancelled sessions and sessions not held carry no marks, so
/// they do neither. When a run reaches the program's `follow_up.consecutive_misses`
/// (default 3), exactly one follow-up task is opened for that run; further misses extend
/// the same task. A correction that breaks the run closes the task if nobody has called yet
/// (state `closed_by_correction`, with the reason); a task with call attempts stays open for
/// a person to close. A new run after the participant came back opens a new task.
#[utoipa::path(post, path = "/sessions/{id}/log", tag = "attendance", params(("id" = i64, Path)), request_body = SessionLogSpec, responses((status = 200, body = LogOutcome), WriteProblems))]
async fn log_session(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(spec): Json<SessionLogSpec>,
) -> ApiResult<axum::Json<LogOutcome>> {
    require_session_visible(&state, &who, id).await?;
    let route = "POST /api/v1/sessions/{id}/log";
    let logged = async {
        let outcome = roll_call::log_session(&state.store, &who, id, &spec).await?;
        if outcome.changed {
            let about = About::Group(outcome.log.group_id);
            state
                .log_access(&who, AccessAction::Change, about, route)
                .await?;
        }
        ApiResult::Ok(outcome)
    };
    let outcome = state.store.in_one_transaction(logged).await?;
    Ok(axum::Json(outcome))
}

/// The session's current log, with every earlier version.
#[utoipa::path(get, path = "/sessions/{id}/log", tag = "attendance", params(("id" = i64, Path)), responses((status = 200, body = SessionLog), ReadProblems))]
async fn get_log(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<SessionLog>> {
    require_session_visible(&state, &who, id).await?;
    let log = state.store.get_session_log(who.org_id, id).await?;
    // Its marks and notes are the group's participants'.
    let route = "GET /api/v1/sessions/{id}/log";
    state
        .log_read(&who, About::Group(log.group_id), route)
        .await?;
    Ok(axum::Json(log))
}

/// What to arrange for a session: children and their ages for childcare, how many need
/// transport, which interpreter languages, food. Counts only, no names.
#[utoipa::path(get, path = "/sessions/{id}/supports", tag = "attendance", params(("id" = i64, Path)), responses((status = 200, body = SupportHeadcount), ReadProblems))]
async fn support_headcount(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<SupportHeadcount>> {
    require_session_visible(&state, &who, id).await?;
    Ok(axum::Json(
        state.store.support_headcount(who.org_id, id).await?,
    ))
}

/// A participant's marks in their group in schedule order, their current run of unexcused
/// absences, and their open follow-up tasks.
#[utoipa::path(get, path = "/enrollments/{id}/attendance", tag = "attendance", params(("id" = i64, Path)), responses((status = 200, body = AttendanceHistory), ReadProblems))]
async fn attendance_history(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<AttendanceHistory>> {
    let enrollment = state.store.get_enrollment(who.org_id, id).await?;
    require_group_visible(&state, &who, enrollment.group_id).await?;
    let history = state.store.attendance_history(who.org_id, id).await?;
    let route = "GET /api/v1/enrollments/{id}/attendance";
    state
        .log_read(&who, About::Person(enrollment.person_id), route)
        .await?;
    Ok(axum::Json(history))
}

/// A group's attendance and retention: attendance rate, sessions attended per participant
/// (dose), completion (at least the program's `completion_percent` of the planned sessions),
/// retention by session, absences by reason, and fidelity (topics covered, sessions with the
/// phase's lead roles present).
#[utoipa::path(get, path = "/groups/{id}/figures", tag = "attendance", params(("id" = i64, Path)), responses((status = 200, body = Figures), ReadProblems))]
async fn group_figures(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Figures>> {
    require_group_visible(&state, &who, id).await?;
    Ok(axum::Json(state.store.group_figures(who.org_id, id).await?))
}

/// The same figures over every group of a program (coordinators).
#[utoipa::path(get, path = "/programs/{id}/figures", tag = "attendance", params(("id" = i64, Path)), responses((status = 200, body = Figures), ReadProblems))]
async fn program_figures(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<Figures>> {
    require_manager(&who)?;
    Ok(axum::Json(
        state.store.program_figures(who.org_id, id).await?,
    ))
}

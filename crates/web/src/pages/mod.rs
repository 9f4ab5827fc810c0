//! The web pages: server-rendered HTML (askama templates, text from Fluent) for people who
//! sign in with an email and a password. They call the same use cases and access rules as
//! the JSON API; only the way in (a cookie instead of a bearer token) and the answers
//! (pages instead of JSON) differ.

mod access;
mod access_log;
mod assets;
mod board;
mod cohorts;
mod consent;
mod dashboard;
mod erasure;
mod exports;
mod facilitators;
mod follow_ups;
mod groups;
mod import;
mod instruments;
mod language;
mod login;
mod manage;
mod marks;
mod me;
mod messages;
mod outcomes;
mod participants;
mod print;
mod program_card;
mod programs;
mod session_changes;
mod sessions;
mod settings;
mod subject_access;
pub mod text;

use crate::AppState;
use crate::error::ApiError;
use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use text::Words;

pub use dashboard::DashboardCache;
pub use import::{UPLOAD_LIMIT, UPLOAD_PATH};
pub use login::{LoginSettings, SignedIn};
pub use sessions::render_roll_call;

/// The pages and their static files.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(sessions::my_sessions))
        .route(
            "/sessions/{id}",
            get(sessions::roll_call).post(sessions::save_roll_call),
        )
        .route("/sessions/{id}/marks", post(marks::keep_mark))
        .route("/sessions/{id}/change", get(session_changes::change))
        .route("/sessions/{id}/sheet", get(print::sign_in_sheet))
        .route("/groups/{id}/roster", get(print::roster))
        .route("/sessions/{id}/move", post(session_changes::move_session))
        .route("/sessions/{id}/cancel", post(session_changes::cancel))
        .route("/follow-ups", get(follow_ups::my_calls))
        .route("/follow-ups/{id}/escalate", post(follow_ups::escalate))
        .route("/follow-ups/{id}/assign", post(board::assign))
        .route(
            "/follow-ups/{id}",
            get(follow_ups::call_sheet).post(follow_ups::save_attempt),
        )
        .route(
            "/language",
            get(language::language).post(language::choose_language),
        )
        .route(
            "/participants",
            get(participants::participants).post(participants::add_participant),
        )
        .route("/participants/new", get(participants::new_participant))
        .route(
            import::UPLOAD_PATH,
            get(import::import_page)
                .post(import::import)
                .layer(axum::extract::DefaultBodyLimit::max(import::UPLOAD_LIMIT)),
        )
        .route(
            "/participants/import/template.csv",
            get(import::template_file),
        )
        .route("/participants/{id}", get(participants::participant))
        .route("/programs", get(programs::programs))
        .route("/programs/copy", post(programs::copy))
        .route(
            "/programs/{id}",
            get(programs::program).post(programs::save),
        )
        .route("/groups", get(groups::groups).post(groups::create_group))
        .route("/groups/new", get(groups::new_group))
        .route("/groups/{id}", get(groups::group))
        .route("/groups/{id}/enrol", post(groups::enrol))
        .route("/groups/{id}/withdraw", post(groups::withdraw))
        .route("/groups/{id}/facilitators", post(groups::assign))
        .route("/groups/{id}/status", post(groups::change_status))
        .route("/groups/{id}/feed", post(groups::make_feed))
        .route("/groups/{id}/outcomes", get(outcomes::outcomes))
        .route("/programs/{id}/outcomes", get(outcomes::program_outcomes))
        .route("/programs/{id}/card", get(program_card::card))
        .route("/programs/{id}/card.csv", get(program_card::card_csv))
        .route("/programs/{id}/funder.csv", get(program_card::funder_csv))
        .route(
            "/enrollments/{id}/assessment",
            get(outcomes::assessment_form).post(outcomes::save_assessment),
        )
        .route("/participants/{id}/consent", post(consent::save))
        .route("/participants/{id}/erase", post(erasure::erase))
        .route(
            "/participants/{id}/export",
            get(subject_access::page_for_them),
        )
        .route(
            "/participants/{id}/export.json",
            get(subject_access::json_for_them),
        )
        .route("/settings", get(settings::settings).post(settings::save))
        .route("/manage", get(manage::manage))
        .route(
            "/instruments",
            get(instruments::instruments).post(instruments::define),
        )
        .route("/instruments/translations", post(instruments::translate))
        .route("/facilitators", get(facilitators::facilitators))
        .route("/facilitators/modules", post(facilitators::add_module))
        .route("/facilitators/cohorts", post(cohorts::create))
        .route("/facilitators/cohorts/{id}", get(cohorts::cohort))
        .route(
            "/facilitators/cohorts/{id}/trainees",
            post(cohorts::trainees),
        )
        .route(
            "/facilitators/cohorts/{id}/sessions",
            post(cohorts::add_session),
        )
        .route(
            "/facilitators/training-sessions/{id}/attendance",
            post(cohorts::attendance),
        )
        .route("/facilitators/{id}", get(facilitators::facilitator))
        .route(
            "/facilitators/{id}/completions",
            post(facilitators::record_completion),
        )
        .route(
            "/facilitators/{id}/supervision",
            post(facilitators::record_contact),
        )
        .route("/access", get(access::access))
        .route("/access-log", get(access_log::access_log))
        .route("/access/invite", post(access::invite))
        .route("/access/users/{id}/role", post(access::change_role))
        .route("/access/users/{id}/deactivate", post(access::deactivate))
        .route("/access/tokens/{id}/revoke", post(access::revoke_token))
        .route("/messages", get(messages::messages))
        .route("/messages/preview", get(messages::preview))
        .route("/messages/{id}/retry", post(messages::retry))
        .route("/dashboard", get(dashboard::dashboard))
        .route("/exports", get(exports::exports))
        .route("/exports/groups/{id}/{file}", get(exports::group_file))
        .route("/exports/programs/{id}/{file}", get(exports::program_file))
        .route("/training", get(me::training))
        .route("/calendar", get(me::calendar).post(me::make_calendar))
        .route("/sign-in", get(login::sign_in_page).post(login::sign_in))
        .route("/sign-out", post(login::sign_out))
        .route("/forgot", get(login::forgot_page).post(login::forgot))
        .route(
            "/welcome/{token}",
            get(login::welcome_page).post(login::welcome),
        )
        .layer(axum::middleware::from_fn_with_state(
            state,
            login::page_session,
        ))
        .merge(assets::router())
        // A phone on a slow link: HTML, CSS and script shrink to a quarter or less.
        .layer(tower_http::compression::CompressionLayer::new().gzip(true))
}

/// The signed-in user as the page header needs them.
#[derive(Debug, Clone)]
pub struct Me {
    /// The token the header's sign-out form carries.
    pub csrf: String,
    /// A coordinator or admin: the header shows the pages that manage the organization.
    pub manager: bool,
}

/// What every page has: its words, title, who is signed in, and lines to show on top.
#[derive(Debug, Clone)]
pub struct Frame {
    pub w: Words,
    pub title: String,
    pub me: Option<Me>,
    pub notices: Vec<String>,
    pub errors: Vec<String>,
}

impl Frame {
    pub fn new(w: Words, title_key: &str, me: Option<Me>) -> Frame {
        Frame {
            title: w.t(title_key),
            w,
            me,
            notices: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// A page with a title and one paragraph, and maybe a link.
#[derive(Template)]
#[template(path = "message.html")]
struct Message {
    frame: Frame,
    body: String,
    link: Option<(String, String)>,
}

/// Renders a template as a page with `status`.
pub fn page(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a page template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A page saying one thing.
pub fn message(
    status: StatusCode,
    w: &Words,
    me: Option<Me>,
    title_key: &str,
    body: String,
    link: Option<(String, String)>,
) -> Response {
    page(
        status,
        &Message {
            frame: Frame::new(w.clone(), title_key, me),
            body,
            link,
        },
    )
}

/// An API error answered as a page in the user's words: the same status the JSON API gives
/// (403, 404, 422…), never the problem document.
pub fn error_page(w: &Words, me: Option<Me>, e: ApiError) -> Response {
    let status = StatusCode::from_u16(e.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (title, body) = match status {
        StatusCode::NOT_FOUND => ("not-found-title", w.t("not-found-body")),
        StatusCode::FORBIDDEN => ("forbidden-title", w.t("forbidden-body")),
        s if s.is_client_error() => ("bad-input-title", e.0.detail.clone()),
        _ => ("error-title", w.t("error-body")),
    };
    let back = ("/".to_string(), w.t("back"));
    message(status, w, me, title, body, Some(back))
}

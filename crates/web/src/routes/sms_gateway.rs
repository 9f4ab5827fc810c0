//! Where SMS gateways call back: delivery reports, as Kannel sends them (`GET`, the report
//! type in `type`) and as Twilio does (`POST`, a form with `MessageStatus`); and the SMS
//! people send back (Kannel's `get-url` with `from` and `text`, Twilio's form with `From`
//! and `Body`). The gateways' protocols, not this service's API, so not in the OpenAPI
//! document. Each URL's signed token names the organization (and for a report, the
//! message): a forged or changed one is refused and changes nothing.

use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use peergroup_app::sms_replies::{ReplyWords, receive};
use peergroup_app::sms_reports::{Report, record_report};
use peergroup_notify::render::reply_words;
use std::collections::HashMap;
use std::sync::OnceLock;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/sms/status/{token}",
            get(kannel_report).post(twilio_report),
        )
        .route("/sms/inbound/{token}", get(kannel_reply).post(twilio_reply))
}

type FormResult = Result<Form<HashMap<String, String>>, axum::extract::rejection::FormRejection>;
type QueryResult = Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>;

/// The reply words of every shipped locale, read once.
fn words() -> &'static ReplyWords {
    static WORDS: OnceLock<ReplyWords> = OnceLock::new();
    WORDS.get_or_init(|| ReplyWords {
        no: reply_words("sms-no-words"),
        stop: reply_words("sms-stop-words"),
    })
}

async fn kannel_reply(
    State(state): State<AppState>,
    Path(token): Path<String>,
    query: QueryResult,
) -> Response {
    let fields = query.ok().map(|Query(q)| q).unwrap_or_default();
    reply(&state, &token, fields.get("from"), fields.get("text")).await
}

async fn twilio_reply(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: FormResult,
) -> Response {
    let fields = form.ok().map(|Form(f)| f).unwrap_or_default();
    reply(&state, &token, fields.get("From"), fields.get("Body")).await
}

/// Takes in one SMS. The answer's body is empty: a gateway may text it back.
async fn reply(
    state: &AppState,
    token: &str,
    from: Option<&String>,
    body: Option<&String>,
) -> Response {
    let Some(org) = state
        .links
        .as_ref()
        .and_then(|l| l.verify_sms_inbound(token))
    else {
        return answer(StatusCode::NOT_FOUND, "");
    };
    let (Some(from), Some(body)) = (from, body) else {
        return answer(StatusCode::BAD_REQUEST, "");
    };
    match receive(&state.store, org, from, body, words()).await {
        Ok(_) => answer(StatusCode::OK, ""),
        Err(e) => {
            tracing::warn!(error = %e, "taking in an SMS reply failed");
            answer(StatusCode::SERVICE_UNAVAILABLE, "")
        }
    }
}

fn answer(status: StatusCode, text: &'static str) -> Response {
    (status, [("content-type", "text/plain")], text).into_response()
}

async fn kannel_report(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let report = query.get("type").and_then(|t| Report::from_kannel(t));
    record(&state, &token, report).await
}

async fn twilio_report(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: FormResult,
) -> Response {
    let report = form
        .ok()
        .and_then(|Form(f)| f.get("MessageStatus").and_then(|s| Report::from_twilio(s)));
    record(&state, &token, report).await
}

async fn record(state: &AppState, token: &str, report: Option<Report>) -> Response {
    let Some(message) = state
        .links
        .as_ref()
        .and_then(|l| l.verify_sms_status(token))
    else {
        return answer(StatusCode::NOT_FOUND, "unknown message\n");
    };
    let Some(report) = report else {
        return answer(StatusCode::BAD_REQUEST, "unknown report\n");
    };
    match record_report(
        &state.store,
        message.org_id,
        message.message_id,
        report,
        state.sms_retry,
    )
    .await
    {
        Ok(_) => answer(StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::warn!(error = %e, "recording an SMS delivery report failed");
            answer(StatusCode::SERVICE_UNAVAILABLE, "try again\n")
        }
    }
}

//! Where SMS gateways call back: delivery reports, as Kannel sends them (`GET`, the report
//! type in `type`) and as Twilio does (`POST`, a form with `MessageStatus`). The gateway's
//! protocol, not this service's API, so not in the OpenAPI document. The URL's signed token
//! names the organization and message: a forged or changed one is refused and changes
//! nothing.

use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use peergroup_app::sms_reports::{Report, record_report};
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/sms/status/{token}",
        get(kannel_report).post(twilio_report),
    )
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
    form: Result<Form<HashMap<String, String>>, axum::extract::rejection::FormRejection>,
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

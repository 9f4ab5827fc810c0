//! A person's data, for them: everything held about them on one printable page in their own
//! language (the JSON is at `/api/v1/people/{id}/export`, and downloadable from here).

use super::consent;
use super::login::SignedIn;
use super::outcomes::timepoint_words;
use super::participants::{EnrolmentView, date_only, enrolment_view};
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use peergroup_app::subject_access::export;
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::subject_access::PersonExport;

#[derive(Template)]
#[template(path = "person_export.html")]
struct ExportPage {
    frame: Frame,
    id: Id,
    intro: String,
    details: Vec<(String, String)>,
    consent: Vec<(String, String)>,
    consent_history: Vec<String>,
    groups: Vec<(EnrolmentView, Vec<String>)>,
    messages: Vec<String>,
    replies: Vec<String>,
    calls: Vec<String>,
}

async fn gather(
    state: &AppState,
    signed: &SignedIn,
    id: &str,
    route: &str,
) -> Result<(PersonExport, String), ApiError> {
    require_manager(&signed.who)?;
    let id: Id = id.parse().map_err(|_| ApiError::not_found("person"))?;
    let org = signed.who.org_id;
    let found = export(&state.store, org, id).await?;
    state
        .log_access(&signed.who, AccessAction::Export, About::Person(id), route)
        .await?;
    let name = state
        .store
        .organization_detail(org)
        .await?
        .organization
        .name;
    Ok((found, name.to_string()))
}

/// The page, in the person's language (English when it is not one of ours).
pub async fn page_for_them(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let route = "GET /participants/{id}/export";
    let (x, org) = match gather(&state, &signed, &id, route).await {
        Ok(found) => found,
        Err(e) => return error_page(&signed.words, signed.me(), e),
    };
    let language = x.person.spec.preferred_language.to_string();
    let w = &Words::new(peergroup_notify::locale::negotiate([language.as_str()]));
    let spec = &x.person.spec;
    let details = [
        Some(("field-name", spec.display_name.to_string())),
        Some(("field-language", language.clone())),
        spec.email.as_ref().map(|e| ("field-email", e.to_string())),
        spec.phone.as_ref().map(|p| ("field-phone", p.to_string())),
        spec.alternative_contact
            .as_ref()
            .map(|a| ("field-alternative-contact", a.to_string())),
    ]
    .into_iter()
    .flatten()
    .map(|(key, value)| (w.t(key), value))
    .collect();
    let given = x.consent.given;
    let consent = consent::boxes(w, &given.as_input(), Some(&given))
        .into_iter()
        .map(|b| (b.label, b.state))
        .collect();
    let groups = x
        .enrolments
        .iter()
        .map(|e| {
            let scores = e
                .assessments
                .iter()
                .map(|a| {
                    w.tn(
                        "export-assessment",
                        &[
                            ("instrument", a.instrument.clone()),
                            ("timepoint", timepoint_words(w, a.timepoint)),
                            ("total", a.total.to_string()),
                        ],
                    )
                })
                .collect();
            (enrolment_view(w, e), scores)
        })
        .collect();
    let when = |at| date_only(w, at);
    let messages = x
        .messages
        .iter()
        .map(|m| {
            let at = m.sent_at.unwrap_or(m.created_at);
            format!(
                "{}: {}",
                when(at),
                w.t(&format!("message-kind-{}", m.kind.as_str()))
            )
        })
        .collect();
    let replies = x
        .sms_replies
        .iter()
        .map(|r| match r.body.as_str() {
            "" => format!("{}: {}", when(r.received_at), r.action.to_uppercase()),
            body => format!("{}: {body}", when(r.received_at)),
        })
        .collect();
    let calls = x
        .follow_ups
        .iter()
        .flat_map(|t| &t.call_attempts)
        .map(|c| {
            w.tn(
                "export-call",
                &[
                    ("date", c.spec.made_at.map(when).unwrap_or_default()),
                    (
                        "outcome",
                        w.t(&format!("outcome-{}", c.spec.outcome.as_str())),
                    ),
                ],
            )
        })
        .collect();
    let mut frame = Frame::new(w.clone(), "export-person-title", signed.me());
    frame.title = w.t("export-person-title");
    page(
        StatusCode::OK,
        &ExportPage {
            intro: w.tn(
                "export-person-intro",
                &[("org", org), ("date", when(x.exported_at))],
            ),
            frame,
            id: x.person.id,
            details,
            consent,
            consent_history: consent::history(w, &x.consent.changes),
            groups,
            messages,
            replies,
            calls,
        },
    )
}

/// The same, whole, as a JSON file to keep.
pub async fn json_for_them(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    match gather(&state, &signed, &id, "GET /participants/{id}/export.json").await {
        Ok((x, _)) => {
            let body = serde_json::to_vec_pretty(&x).unwrap_or_default();
            let file = format!("attachment; filename=\"person-{}.json\"", x.person.id);
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&file)
                            .unwrap_or(HeaderValue::from_static("attachment")),
                    ),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

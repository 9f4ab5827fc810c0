//! The "I can't come" page, opened from a reminder with no login. It shows the session's
//! date and time in the participant's language and the reasons to choose from; choosing one
//! records the notice. The signed token names one session and one participant and nothing
//! else, so the page cannot be pointed at anyone else's.

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::Path;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use peergroup_app::absences;
use peergroup_domain::attendance::AbsenceContext;
use peergroup_domain::attendance::AbsenceReason;
use peergroup_notify::links::{AbsenceLink, LinkError};
use peergroup_notify::locale::{is_rtl, negotiate};
use peergroup_notify::render::{date_time, escape, phrase};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(page, choose))
}

/// The reason chosen on the page.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AbsenceChoice {
    /// `childcare`, `transport`, `work`, `illness` or `other`.
    pub reason: String,
}

/// A link this service signed, with its session and participant. Anything else (forged,
/// mangled, or naming what is gone) is answered with a page saying the link does not work,
/// in the language the browser asks for: nothing in it can be trusted to say more.
async fn open(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
) -> Result<(AbsenceLink, AbsenceContext, bool), Response> {
    let unknown = || {
        let locale = browser_locale(headers);
        let text = escape(&say(locale, "absence-page-unknown", &[]));
        html_page(locale, StatusCode::NOT_FOUND, &format!("<p>{text}</p>\n"))
    };
    let Some(signer) = state.links.as_ref() else {
        return Err(unknown());
    };
    let now = state.store.clock().now();
    let (link, expired) = match signer.verify(token, now) {
        Ok(link) => (link, false),
        // An expired link still says in which language to say so.
        Err(LinkError::Expired(link)) => (link, true),
        Err(LinkError::Invalid) => return Err(unknown()),
    };
    let cx = state
        .store
        .absence_context(link.org_id, link.session_id, link.enrollment_id)
        .await
        .map_err(|_| unknown())?;
    Ok((link, cx, expired))
}

/// The browser's languages, in the order it gives them (`fr-CA,fr;q=0.9,en;q=0.8`).
fn browser_locale(headers: &HeaderMap) -> &'static str {
    let accepted = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    negotiate(
        accepted
            .split(',')
            .map(|part| part.split(';').next().unwrap_or("").trim())
            .filter(|tag| !tag.is_empty() && *tag != "*"),
    )
}

fn locale_of(cx: &AbsenceContext) -> &'static str {
    negotiate(cx.languages.iter().map(String::as_str))
}

fn say(locale: &'static str, key: &str, values: &[(&'static str, String)]) -> String {
    phrase(locale, key, values)
        .or_else(|_| phrase("en", key, values))
        .unwrap_or_default()
}

fn html_page(locale: &'static str, status: StatusCode, body: &str) -> Response {
    let dir = if is_rtl(locale) { "rtl" } else { "ltr" };
    let title = escape(&say(locale, "absence-page-title", &[]));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{locale}\" dir=\"{dir}\">\n<head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"/static/app.css\"></head>\n\
         <body>\n<main>\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n"
    );
    (
        status,
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Html(page),
    )
        .into_response()
}

fn closed(locale: &'static str) -> Response {
    let text = escape(&say(locale, "absence-page-expired", &[]));
    html_page(locale, StatusCode::GONE, &format!("<p>{text}</p>\n"))
}

/// The page: the session's date and time, and one button per reason.
#[utoipa::path(
    get,
    path = "/r/{token}",
    tag = "reminders",
    params(("token" = String, Path, description = "The signed token from the reminder's link")),
    responses(
        (status = 200, description = "The page, in the participant's language", content_type = "text/html"),
        (status = 404, description = "Not a link this service made: a page saying so, in the browser's language", content_type = "text/html"),
        (status = 410, description = "The link has expired, or the session started or was cancelled", content_type = "text/html")
    )
)]
async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (_, cx, expired) = match open(&state, &token, &headers).await {
        Ok(opened) => opened,
        Err(page) => return page,
    };
    let locale = locale_of(&cx);
    if expired || !cx.open(state.store.clock().now()) {
        return closed(locale);
    }
    let mut body = about(locale, &cx);
    if cx.reason.is_some() {
        body.push_str(&format!(
            "<p>{}</p>\n",
            escape(&say(locale, "absence-page-thanks", &[]))
        ));
    }
    body.push_str(&reasons_form(locale));
    html_page(locale, StatusCode::OK, &body)
}

/// Which session the page is about: the group, the date and time in the group's timezone,
/// and where it meets.
fn about(locale: &'static str, cx: &AbsenceContext) -> String {
    let tz = cx.timezone.parse().unwrap_or(chrono_tz::Tz::UTC);
    let (date, time) = date_time(locale, cx.starts_at, tz).unwrap_or_default();
    let venue = match &cx.venue_address {
        Some(address) => format!("{}, {address}", cx.venue_name),
        None => cx.venue_name.clone(),
    };
    format!(
        "<h2>{}</h2>\n<p>{}</p>\n<p>{}</p>\n",
        escape(&cx.group_name),
        escape(&say(
            locale,
            "absence-page-session",
            &[("date", date), ("time", time)]
        )),
        escape(&say(locale, "absence-page-place", &[("venue", venue)])),
    )
}

fn reasons_form(locale: &'static str) -> String {
    let mut form = format!(
        "<p>{}</p>\n<form method=\"post\" class=\"choices\">\n",
        escape(&say(locale, "absence-page-question", &[]))
    );
    for reason in AbsenceReason::ONE_TAP {
        form.push_str(&format!(
            "<button type=\"submit\" name=\"reason\" value=\"{reason}\">{}</button>\n",
            escape(&say(locale, &format!("absence-reason-{reason}"), &[]))
        ));
    }
    form.push_str("</form>\n");
    form
}

/// Records the reason chosen (a form post from the page). Choosing again changes it.
#[utoipa::path(
    post,
    path = "/r/{token}",
    tag = "reminders",
    params(("token" = String, Path, description = "The signed token from the reminder's link")),
    request_body(content = AbsenceChoice, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Thanks, in the participant's language", content_type = "text/html"),
        (status = 404, description = "Not a link this service made: a page saying so, in the browser's language", content_type = "text/html"),
        (status = 410, description = "The link has expired, or the session started or was cancelled", content_type = "text/html"),
        (status = 422, description = "Not one of the reasons: the page again, asking to choose one", content_type = "text/html")
    )
)]
async fn choose(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<axum::Form<AbsenceChoice>, axum::extract::rejection::FormRejection>,
) -> ApiResult<Response> {
    let (link, cx, expired) = match open(&state, &token, &headers).await {
        Ok(opened) => opened,
        Err(page) => return Ok(page),
    };
    let locale = locale_of(&cx);
    if expired {
        return Ok(closed(locale));
    }
    // The use case checks the reason (a missing one is refused like a wrong one) and that
    // the session is still ahead.
    let reason = form.map(|f| f.0.reason).unwrap_or_default();
    let (org, session, enrollment) = (link.org_id, link.session_id, link.enrollment_id);
    match absences::record_notice(&state.store, org, session, enrollment, &reason).await {
        Ok(_) => {}
        Err(peergroup_store::StoreError::Conflict(_)) => return Ok(closed(locale)),
        Err(peergroup_store::StoreError::Invalid(_)) => {
            let body = format!(
                "{}<p>{}</p>\n{}",
                about(locale, &cx),
                escape(&say(locale, "absence-page-choose", &[])),
                reasons_form(locale)
            );
            return Ok(html_page(locale, StatusCode::UNPROCESSABLE_ENTITY, &body));
        }
        Err(e) => return Err(e.into()),
    }
    let text = escape(&say(locale, "absence-page-thanks", &[]));
    Ok(html_page(
        locale,
        StatusCode::OK,
        &format!("{}<p>{text}</p>\n", about(locale, &cx)),
    ))
}

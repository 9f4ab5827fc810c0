//! The organization's settings: its name, quiet hours for reminders, where replies go, and whether a
//! coordinator may assign a facilitator still in training. Coordinators read them; only
//! admins change them (as in the API). The missed-session rule and reminder lead times
//! belong to each program and are changed on its page.

use super::login::{Fields, SignedIn, refused};
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_domain::org::{OrgSettings, TrainingPolicy};
use peergroup_domain::values::{Email, Name};
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    frame: Frame,
    csrf: String,
    admin: bool,
    name: String,
    quiet_start: String,
    quiet_end: String,
    reply_to: String,
    overrides: bool,
}

fn settings_page(
    signed: &SignedIn,
    status: StatusCode,
    name: String,
    typed: (&str, &str, &str, bool),
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let mut frame = Frame::new(signed.words.clone(), "settings-title", signed.me());
    frame.notices = notices;
    frame.errors = errors;
    page(
        status,
        &SettingsPage {
            frame,
            csrf: signed.csrf.clone(),
            admin: require_admin(&signed.who).is_ok(),
            name,
            quiet_start: typed.0.into(),
            quiet_end: typed.1.into(),
            reply_to: typed.2.into(),
            overrides: typed.3,
        },
    )
}

pub async fn settings(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let read = async {
        require_manager(&signed.who)?;
        Ok::<_, ApiError>(state.store.organization_detail(signed.who.org_id).await?)
    };
    match read.await {
        Ok(org) => {
            let s = &org.settings;
            let reply_to = s
                .reply_to
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let notices = if query.contains_key("saved") {
                vec![w.t("settings-saved")]
            } else {
                vec![]
            };
            settings_page(
                &signed,
                StatusCode::OK,
                org.organization.name.to_string(),
                (
                    &s.quiet_hours_start,
                    &s.quiet_hours_end,
                    &reply_to,
                    s.training_policy == TrainingPolicy::Override,
                ),
                notices,
                vec![],
            )
        }
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn save(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_admin(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let field = |name: &str| fields.get(name).map(str::trim).unwrap_or("");
    let overrides = field("training_policy") == "override";
    let typed = (
        field("quiet_hours_start"),
        field("quiet_hours_end"),
        field("reply_to"),
        overrides,
    );
    let mut errors = Vec::new();
    let name = match Name::parse(field("name")) {
        Ok(name) => Some(name),
        Err(_) => {
            errors.push(w.t("settings-bad-name"));
            None
        }
    };
    let reply_to = match field("reply_to") {
        "" => None,
        e => match Email::parse(e) {
            Ok(e) => Some(e),
            Err(_) => {
                errors.push(w.t("settings-bad-email"));
                None
            }
        },
    };
    let settings = OrgSettings {
        quiet_hours_start: typed.0.to_string(),
        quiet_hours_end: typed.1.to_string(),
        reply_to,
        training_policy: if overrides {
            TrainingPolicy::Override
        } else {
            TrainingPolicy::Block
        },
    };
    if settings.validate().is_err() {
        errors.push(w.t("settings-bad-time"));
    }
    if !errors.is_empty() {
        let name = field("name").to_string();
        return settings_page(
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            name,
            typed,
            vec![],
            errors,
        );
    }
    match state
        .store
        .update_organization(signed.who.org_id, name.as_ref(), &settings)
        .await
    {
        Ok(_) => Redirect::to("/settings?saved=1").into_response(),
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

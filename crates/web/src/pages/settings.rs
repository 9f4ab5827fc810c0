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
use peergroup_app::retention;
use peergroup_domain::Id;
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
    typed: Typed,
    /// Who the next nightly run erases, when a retention period is set.
    due: Option<Vec<(Id, String)>>,
}

/// The settings as written in the form, to show again.
#[derive(Default)]
struct Typed {
    quiet_start: String,
    quiet_end: String,
    reply_to: String,
    overrides: bool,
    retention: String,
}

fn settings_page(
    signed: &SignedIn,
    status: StatusCode,
    name: String,
    typed: Typed,
    due: Option<Vec<(Id, String)>>,
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
            typed,
            due,
        },
    )
}

pub async fn settings(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let detail = state.store.organization_detail(org).await?;
        let due = match detail.settings.retention_months {
            Some(months) => {
                let now = state.store.clock().now();
                Some(retention::preview(&state.store, org, months.into(), now).await?)
            }
            None => None,
        };
        Ok::<_, ApiError>((detail, due))
    };
    match read.await {
        Ok((org, due)) => {
            let s = &org.settings;
            let typed = Typed {
                quiet_start: s.quiet_hours_start.clone(),
                quiet_end: s.quiet_hours_end.clone(),
                reply_to: s
                    .reply_to
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                overrides: s.training_policy == TrainingPolicy::Override,
                retention: s
                    .retention_months
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            };
            let notices = if query.contains_key("saved") {
                vec![w.t("settings-saved")]
            } else {
                vec![]
            };
            settings_page(
                &signed,
                StatusCode::OK,
                org.organization.name.to_string(),
                typed,
                due,
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
    let typed = Typed {
        quiet_start: field("quiet_hours_start").into(),
        quiet_end: field("quiet_hours_end").into(),
        reply_to: field("reply_to").into(),
        overrides: field("training_policy") == "override",
        retention: field("retention_months").into(),
    };
    let mut errors = Vec::new();
    let name = match Name::parse(field("name")) {
        Ok(name) => Some(name),
        Err(_) => {
            errors.push(w.t("settings-bad-name"));
            None
        }
    };
    let reply_to = match typed.reply_to.as_str() {
        "" => None,
        e => match Email::parse(e) {
            Ok(e) => Some(e),
            Err(_) => {
                errors.push(w.t("settings-bad-email"));
                None
            }
        },
    };
    let retention_months = match typed.retention.as_str() {
        "" => None,
        m => match m.parse::<u16>() {
            Ok(m) if (1..=120).contains(&m) => Some(m),
            _ => {
                errors.push(w.t("settings-bad-retention"));
                None
            }
        },
    };
    let settings = OrgSettings {
        quiet_hours_start: typed.quiet_start.clone(),
        quiet_hours_end: typed.quiet_end.clone(),
        reply_to,
        training_policy: if typed.overrides {
            TrainingPolicy::Override
        } else {
            TrainingPolicy::Block
        },
        retention_months,
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
            None,
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

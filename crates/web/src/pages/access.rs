//! People and access: who may sign in, as what. Coordinators and admins invite; admins
//! change roles, deactivate users and revoke API tokens (as in the API). Nobody changes
//! their own access here, and an organization always keeps an active admin.

use super::follow_ups::date_in;
use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{require_admin, require_manager};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_app::sign_in;
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::records::TokenRecord;
use peergroup_domain::values::Email;
use peergroup_notify::locale::LOCALES;
use peergroup_store::users::UserRecord;
use std::collections::HashMap;

pub struct UserLine {
    pub id: Id,
    pub email: String,
    pub role: String,
    pub state: String,
    pub active: bool,
    /// Admins may change this user (anyone but themself).
    pub changeable: bool,
    pub roles: Vec<Choice>,
}

pub struct TokenLine {
    pub id: Id,
    pub label: String,
    pub who: String,
    pub facts: String,
    pub revoked: bool,
}

/// What the invitation form was filled with.
#[derive(Default)]
pub struct Typed {
    pub email: String,
    pub role: String,
    pub locale: String,
}

#[derive(Template)]
#[template(path = "access.html")]
struct AccessPage {
    frame: Frame,
    csrf: String,
    admin: bool,
    invite_roles: Vec<Choice>,
    locales: Vec<Choice>,
    typed: Typed,
    users: Vec<UserLine>,
    tokens: Vec<TokenLine>,
}

fn role_words(w: &Words, role: Role) -> String {
    w.t(&format!("role-{}", role.as_str()))
}

/// The roles `who` may hand out, `chosen` checked.
fn roles(w: &Words, admin: bool, chosen: &str) -> Vec<Choice> {
    Role::ALL
        .iter()
        .filter(|r| admin || **r != Role::Admin)
        .map(|r| Choice {
            value: r.as_str().to_string(),
            label: role_words(w, *r),
            checked: r.as_str() == chosen,
        })
        .collect()
}

fn user_line(w: &Words, me: Id, admin: bool, u: UserRecord) -> UserLine {
    let state = match (&u.deactivated_at, u.signed_up) {
        (Some(at), _) => w.t1("access-deactivated-on", "date", date_in(w, *at, "UTC")),
        (None, true) => w.t("access-active"),
        (None, false) => w.t("access-invited"),
    };
    UserLine {
        id: u.id,
        email: u.email,
        role: role_words(w, u.role),
        state,
        active: u.deactivated_at.is_none(),
        changeable: admin && u.id != me,
        roles: roles(w, true, u.role.as_str()),
    }
}

fn token_line(w: &Words, t: TokenRecord) -> TokenLine {
    let mut facts = vec![w.t1("access-token-made", "date", date_in(w, t.created_at, "UTC"))];
    facts.push(match t.last_used_at {
        Some(at) => w.t1("access-token-used", "date", date_in(w, at, "UTC")),
        None => w.t("access-token-never-used"),
    });
    if let Some(at) = t.revoked_at {
        facts.push(w.t1("access-token-revoked-on", "date", date_in(w, at, "UTC")));
    } else if let Some(at) = t.expires_at {
        facts.push(w.t1("access-token-expires", "date", date_in(w, at, "UTC")));
    }
    TokenLine {
        id: t.id,
        label: t.label,
        who: format!("{} ({})", t.email, role_words(w, t.role)),
        facts: facts.join(" · "),
        revoked: t.revoked_at.is_some(),
    }
}

async fn access_page(
    state: &AppState,
    signed: &SignedIn,
    status: StatusCode,
    typed: Typed,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let who = &signed.who;
    let admin = require_admin(who).is_ok();
    let read = async {
        require_manager(who)?;
        let users = state.store.users(who.org_id).await?;
        let tokens = if admin {
            state.store.tokens(who.org_id).await?
        } else {
            vec![]
        };
        Ok::<_, ApiError>((users, tokens))
    };
    let (users, tokens) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut locales = vec![Choice {
        value: String::new(),
        label: w.t("access-locale-later"),
        checked: typed.locale.is_empty(),
    }];
    locales.extend(LOCALES.iter().map(|l| Choice {
        value: l.to_string(),
        label: super::language::own_name(l).to_string(),
        checked: typed.locale == *l,
    }));
    let chosen_role = if typed.role.is_empty() {
        Role::Facilitator.as_str()
    } else {
        typed.role.as_str()
    };
    let mut frame = Frame::new(w.clone(), "access-title", signed.me());
    frame.notices = notices;
    frame.errors = errors;
    page(
        status,
        &AccessPage {
            frame,
            csrf: signed.csrf.clone(),
            admin,
            invite_roles: roles(w, admin, chosen_role),
            locales,
            users: users
                .into_iter()
                .map(|u| user_line(w, who.user_id, admin, u))
                .collect(),
            tokens: tokens.into_iter().map(|t| token_line(w, t)).collect(),
            typed,
        },
    )
}

pub async fn access(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let notices = [
        ("invited", "access-invite-sent"),
        ("role", "access-role-changed"),
        ("deactivated", "access-user-deactivated"),
        ("revoked", "access-token-revoked"),
    ]
    .iter()
    .filter(|(q, _)| query.contains_key(*q))
    .map(|(_, key)| w.t(key))
    .collect();
    access_page(
        &state,
        &signed,
        StatusCode::OK,
        Typed::default(),
        notices,
        vec![],
    )
    .await
}

/// Invites someone: they are mailed a link to choose a password.
pub async fn invite(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let field = |name: &str| fields.get(name).map(str::trim).unwrap_or("").to_string();
    let typed = Typed {
        email: field("email"),
        role: field("role"),
        locale: field("locale"),
    };
    let mut errors = Vec::new();
    let email = Email::parse(&typed.email)
        .map_err(|_| errors.push(w.t("access-bad-email")))
        .ok();
    let role = typed
        .role
        .parse::<Role>()
        .ok()
        .filter(|r| *r != Role::Admin || signed.who.role == Role::Admin);
    if role.is_none() {
        errors.push(w.t("access-bad-role"));
    }
    let locale = match typed.locale.as_str() {
        "" => Some(None),
        l => LOCALES.iter().find(|x| **x == l).map(|x| Some(*x)),
    };
    if locale.is_none() {
        errors.push(w.t("access-bad-locale"));
    }
    let (Some(email), Some(role), Some(locale)) = (email, role, locale) else {
        return access_page(
            &state,
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            typed,
            vec![],
            errors,
        )
        .await;
    };
    let invited = sign_in::invite(
        &state.store,
        signed.who.org_id,
        &email,
        role,
        locale,
        state.login.invitation,
    )
    .await;
    match invited {
        Ok(_) => Redirect::to("/access?invited=1").into_response(),
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}

/// The user an admin acts on: theirs, and not themself.
fn other_user(signed: &SignedIn, id: &str) -> Result<Id, ApiError> {
    require_admin(&signed.who)?;
    let id: Id = id.parse().map_err(|_| ApiError::not_found("user"))?;
    if id == signed.who.user_id {
        return Err(ApiError::conflict(
            "you cannot change your own access: ask another admin",
        ));
    }
    Ok(id)
}

pub async fn change_role(
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
        let id = other_user(&signed, &id)?;
        let role: Role = fields
            .get("role")
            .unwrap_or("")
            .parse()
            .map_err(|_| ApiError::field("role", "choose a role"))?;
        state
            .store
            .set_user_role(signed.who.org_id, id, role)
            .await?;
        Ok::<_, ApiError>(())
    };
    match done.await {
        Ok(()) => Redirect::to("/access?role=1").into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn deactivate(
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
        let id = other_user(&signed, &id)?;
        let revoked = state.store.deactivate_user(signed.who.org_id, id).await?;
        for token in revoked {
            state.tokens.forget(token);
        }
        Ok::<_, ApiError>(())
    };
    match done.await {
        Ok(()) => Redirect::to("/access?deactivated=1").into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn revoke_token(
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
        require_admin(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("token"))?;
        let revoked = state
            .store
            .revoke_token(id, Some(signed.who.org_id))
            .await?;
        state.tokens.forget(revoked.id);
        Ok::<_, ApiError>(())
    };
    match done.await {
        Ok(()) => Redirect::to("/access?revoked=1").into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

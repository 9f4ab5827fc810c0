//! Signing in to the web pages: users' passwords and languages, one-time invitation and
//! reset links, and the signed-in browsers (login sessions). A login session is found by
//! the SHA-256 of its cookie's secret, like a bearer token, so a copy of the database lets
//! nobody in.

use crate::access::hash_token;
use crate::entities::{login_session, sign_in_link, user};
use crate::stored::Stored;
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, TimeDelta, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::records::Principal;
use rand::RngCore;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::Expr;
use sea_orm::{QueryOrder, QuerySelect};

/// Accounts one sign-in form may try: the same address can be a user of a few organizations.
const MAX_ACCOUNTS_PER_EMAIL: u64 = 5;

/// "Last seen" is written at most this often per login session.
const LAST_SEEN_RESOLUTION: TimeDelta = TimeDelta::minutes(1);

/// A user who can sign in with a password, with the hash to check it against.
#[derive(Debug, Clone)]
pub struct PasswordAccount {
    pub principal: Principal,
    pub password_hash: String,
}

/// A signed-in browser: who, the token its forms must carry, and the user's language.
#[derive(Debug, Clone)]
pub struct LoginSession {
    pub id: Id,
    pub principal: Principal,
    pub csrf_token: String,
    pub locale: Option<String>,
}

/// A new login session; `secret` goes into the cookie and is not stored.
#[derive(Debug, Clone)]
pub struct NewLoginSession {
    pub secret: String,
    pub csrf_token: String,
}

/// An invitation or reset link as stored.
#[derive(Debug, Clone)]
pub struct SignInLink {
    pub id: Id,
    pub org_id: Id,
    pub user_id: Id,
    pub purpose: String,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    pub email: String,
    pub locale: Option<String>,
}

fn random_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

fn principal(u: &user::Model) -> Principal {
    Principal {
        org_id: u.org_id,
        user_id: u.id,
        email: u.email.clone(),
        role: u.role.0,
    }
}

impl Tx {
    /// The user with this email in `org`, created with `role` if missing, or given `role`.
    pub async fn ensure_user(
        &self,
        org: Id,
        email: &str,
        role: Role,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        ensure_user(&self.0, org, email, role, now).await
    }

    /// The language the user's pages and mail are in.
    pub async fn set_user_locale(
        &self,
        org: Id,
        user_id: Id,
        locale: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        user::Entity::update_many()
            .col_expr(user::Column::Locale, Expr::value(locale))
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .filter(user::Column::Id.eq(user_id))
            .filter(user::Column::OrgId.eq(org))
            .exec(&self.0)
            .await?;
        Ok(())
    }

    /// A link that lets the user set a password once, until `expires_at`.
    pub async fn new_sign_in_link(
        &self,
        org: Id,
        user_id: Id,
        purpose: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Id> {
        let link = sign_in_link::ActiveModel {
            org_id: Set(org),
            user_id: Set(user_id),
            purpose: Set(purpose.to_string()),
            created_at: Set(now),
            expires_at: Set(expires_at),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        Ok(link.id)
    }

    /// Whether a link for `purpose` was made for the user since `since`.
    pub async fn link_made_since(
        &self,
        org: Id,
        user_id: Id,
        purpose: &str,
        since: DateTime<Utc>,
    ) -> Result<bool> {
        let n = sign_in_link::Entity::find()
            .filter(sign_in_link::Column::OrgId.eq(org))
            .filter(sign_in_link::Column::UserId.eq(user_id))
            .filter(sign_in_link::Column::Purpose.eq(purpose))
            .filter(sign_in_link::Column::CreatedAt.gt(since))
            .count(&self.0)
            .await?;
        Ok(n > 0)
    }

    /// Uses the link up, if it is still unused and valid at `now`: the user's password
    /// becomes `password_hash` and every browser signed in as them is signed out. `None`
    /// when the link was used, has expired or is gone.
    pub async fn redeem_sign_in_link(
        &self,
        org: Id,
        link_id: Id,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Principal>> {
        let taken = sign_in_link::Entity::update_many()
            .col_expr(sign_in_link::Column::UsedAt, Expr::value(now))
            .filter(sign_in_link::Column::Id.eq(link_id))
            .filter(sign_in_link::Column::OrgId.eq(org))
            .filter(sign_in_link::Column::UsedAt.is_null())
            .filter(sign_in_link::Column::ExpiresAt.gt(now))
            .exec(&self.0)
            .await?;
        if taken.rows_affected != 1 {
            return Ok(None);
        }
        let link = sign_in_link::Entity::find_by_id(link_id)
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("link"))?;
        set_password(&self.0, org, link.user_id, password_hash, now).await?;
        let u = user::Entity::find_by_id(link.user_id)
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("user"))?;
        Ok(Some(principal(&u)))
    }
}

pub(crate) async fn ensure_user(
    db: &impl ConnectionTrait,
    org: Id,
    email: &str,
    role: Role,
    now: DateTime<Utc>,
) -> Result<Id> {
    let email = email.to_lowercase();
    let existing = user::Entity::find()
        .filter(user::Column::OrgId.eq(org))
        .filter(user::Column::Email.eq(email.clone()))
        .one(db)
        .await?;
    Ok(match existing {
        Some(u) if *u.role == role && u.deactivated_at.is_none() => u.id,
        Some(u) => {
            // Inviting a deactivated user again brings them back.
            let mut active: user::ActiveModel = u.into();
            active.deactivated_at = Set(None);
            active.role = Set(Stored(role));
            active.updated_at = Set(now);
            active.update(db).await?.id
        }
        None => {
            user::ActiveModel {
                org_id: Set(org),
                email: Set(email),
                role: Set(Stored(role)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    })
}

/// Sets the user's password and signs out every browser signed in as them.
async fn set_password(
    db: &impl ConnectionTrait,
    org: Id,
    user_id: Id,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::OrgId.eq(org))
        .exec(db)
        .await?;
    login_session::Entity::delete_many()
        .filter(login_session::Column::UserId.eq(user_id))
        .filter(login_session::Column::OrgId.eq(org))
        .exec(db)
        .await?;
    Ok(())
}

impl Store {
    /// The user with this email in `org`, created with `role` if missing, or given `role`.
    pub async fn ensure_user(&self, org: Id, email: &str, role: Role) -> Result<Id> {
        ensure_user(&self.writer(), org, email, role, self.now()).await
    }

    /// Sets the user's password (the operator's `user create`), signing them out everywhere.
    pub async fn set_password(&self, org: Id, user_id: Id, password_hash: &str) -> Result<()> {
        set_password(&self.writer(), org, user_id, password_hash, self.now()).await
    }

    /// The accounts with this email, in any organization, password or not.
    pub async fn accounts(&self, email: &str) -> Result<Vec<Principal>> {
        let users = user::Entity::find()
            .filter(user::Column::Email.eq(email.trim().to_lowercase()))
            .filter(user::Column::DeactivatedAt.is_null())
            .order_by_asc(user::Column::Id)
            .limit(MAX_ACCOUNTS_PER_EMAIL)
            .all(&self.reader())
            .await?;
        Ok(users.iter().map(principal).collect())
    }

    /// The accounts with this email that have a password, in any organization.
    pub async fn password_accounts(&self, email: &str) -> Result<Vec<PasswordAccount>> {
        let users = user::Entity::find()
            .filter(user::Column::Email.eq(email.trim().to_lowercase()))
            .filter(user::Column::PasswordHash.is_not_null())
            .filter(user::Column::DeactivatedAt.is_null())
            .order_by_asc(user::Column::Id)
            .limit(MAX_ACCOUNTS_PER_EMAIL)
            .all(&self.reader())
            .await?;
        Ok(users
            .into_iter()
            .filter_map(|u| {
                let hash = u.password_hash.clone()?;
                Some(PasswordAccount {
                    principal: principal(&u),
                    password_hash: hash,
                })
            })
            .collect())
    }

    /// A link with its user, whatever its state; `None` when there is no such link.
    pub async fn sign_in_link(&self, org: Id, id: Id) -> Result<Option<SignInLink>> {
        let found = sign_in_link::Entity::find_by_id(id)
            .filter(sign_in_link::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?;
        let Some(link) = found else {
            return Ok(None);
        };
        let Some(u) = user::Entity::find_by_id(link.user_id)
            .filter(user::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(SignInLink {
            id: link.id,
            org_id: link.org_id,
            user_id: link.user_id,
            purpose: link.purpose,
            expires_at: link.expires_at,
            used: link.used_at.is_some(),
            email: u.email,
            locale: u.locale,
        }))
    }

    /// Signs a browser in as `who`.
    pub async fn start_login_session(&self, who: &Principal) -> Result<NewLoginSession> {
        let now = self.now();
        let secret = random_secret("");
        let csrf_token = random_secret("");
        login_session::ActiveModel {
            org_id: Set(who.org_id),
            user_id: Set(who.user_id),
            secret_hash: Set(hash_token(&secret)),
            csrf_token: Set(csrf_token.clone()),
            created_at: Set(now),
            last_seen_at: Set(now),
            ..Default::default()
        }
        .insert(&self.writer())
        .await?;
        Ok(NewLoginSession { secret, csrf_token })
    }

    /// The login session of a cookie's secret, if it has been used within `idle` and began
    /// within `absolute`; an expired one is deleted. Notes the use, at most once a minute.
    pub async fn login_session(
        &self,
        secret: &str,
        idle: TimeDelta,
        absolute: TimeDelta,
    ) -> Result<Option<LoginSession>> {
        let now = self.now();
        let found = login_session::Entity::find()
            .filter(login_session::Column::SecretHash.eq(hash_token(secret)))
            .one(&self.reader())
            .await?;
        let Some(s) = found else {
            return Ok(None);
        };
        if now - s.last_seen_at >= idle || now - s.created_at >= absolute {
            login_session::Entity::delete_by_id(s.id)
                .exec(&self.writer())
                .await?;
            return Ok(None);
        }
        let Some(u) = user::Entity::find_by_id(s.user_id)
            .filter(user::Column::OrgId.eq(s.org_id))
            .filter(user::Column::DeactivatedAt.is_null())
            .one(&self.reader())
            .await?
        else {
            return Ok(None);
        };
        if now - s.last_seen_at >= LAST_SEEN_RESOLUTION {
            login_session::Entity::update_many()
                .col_expr(login_session::Column::LastSeenAt, Expr::value(now))
                .filter(login_session::Column::Id.eq(s.id))
                .exec(&self.writer())
                .await?;
        }
        Ok(Some(LoginSession {
            id: s.id,
            principal: principal(&u),
            csrf_token: s.csrf_token,
            locale: u.locale,
        }))
    }

    /// Signs a browser out; signing out twice changes nothing.
    pub async fn end_login_session(&self, id: Id) -> Result<()> {
        login_session::Entity::delete_by_id(id)
            .exec(&self.writer())
            .await?;
        Ok(())
    }

    /// The language the user chose, or none to follow the browser.
    pub async fn set_user_locale(&self, who: &Principal, locale: Option<&str>) -> Result<()> {
        user::Entity::update_many()
            .col_expr(
                user::Column::Locale,
                Expr::value(locale.map(str::to_string)),
            )
            .col_expr(user::Column::UpdatedAt, Expr::value(self.now()))
            .filter(user::Column::Id.eq(who.user_id))
            .filter(user::Column::OrgId.eq(who.org_id))
            .exec(&self.writer())
            .await?;
        Ok(())
    }
}

//! The organization's users, for people and access: their roles, and deactivating one.
//! An organization always keeps an active admin.

use crate::entities::{api_token, login_session, sign_in_link, user};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};

/// A user as the access page lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRecord {
    pub id: Id,
    pub email: String,
    pub role: Role,
    /// They have chosen a password (an invited user has not yet).
    pub signed_up: bool,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn record(u: user::Model) -> UserRecord {
    UserRecord {
        id: u.id,
        email: u.email,
        role: u.role.0,
        signed_up: u.password_hash.is_some(),
        deactivated_at: u.deactivated_at,
        created_at: u.created_at,
    }
}

async fn find_user(db: &impl ConnectionTrait, org: Id, id: Id) -> Result<user::Model> {
    user::Entity::find_by_id(id)
        .filter(user::Column::OrgId.eq(org))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("user"))
}

/// Refuses a change that would leave `org` with no active admin but `id`.
async fn keep_an_admin(db: &impl ConnectionTrait, org: Id, id: Id) -> Result<()> {
    let others = user::Entity::find()
        .filter(user::Column::OrgId.eq(org))
        .filter(user::Column::Role.eq(Role::Admin.as_str()))
        .filter(user::Column::DeactivatedAt.is_null())
        .filter(user::Column::Id.ne(id))
        .count(db)
        .await?;
    if others == 0 {
        return Err(StoreError::Conflict(
            "the organization needs another active admin first".into(),
        ));
    }
    Ok(())
}

impl Store {
    /// Every user of `org`, active first, then by email.
    pub async fn users(&self, org: Id) -> Result<Vec<UserRecord>> {
        let mut users: Vec<UserRecord> = user::Entity::find()
            .filter(user::Column::OrgId.eq(org))
            .order_by_asc(user::Column::Email)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(record)
            .collect();
        users.sort_by_key(|u| u.deactivated_at.is_some());
        Ok(users)
    }

    /// Gives an active user another role; the last active admin stays an admin.
    pub async fn set_user_role(&self, org: Id, id: Id, role: Role) -> Result<UserRecord> {
        let tx = self.begin().await?;
        let db = &tx.0;
        let u = find_user(db, org, id).await?;
        if u.deactivated_at.is_some() {
            return Err(StoreError::Conflict(
                "the user is deactivated: invite them again to bring them back".into(),
            ));
        }
        if u.role.0 == Role::Admin && role != Role::Admin {
            keep_an_admin(db, org, id).await?;
        }
        let mut active: user::ActiveModel = u.into();
        active.role = Set(Stored(role));
        active.updated_at = Set(self.now());
        let updated = active.update(db).await?;
        tx.commit().await?;
        Ok(record(updated))
    }

    /// Deactivates a user at once: no password, no browser signed in, no token, no link
    /// left that works. The last active admin cannot be. Returns the tokens revoked, for
    /// the caller to drop from its cache.
    pub async fn deactivate_user(&self, org: Id, id: Id) -> Result<Vec<Id>> {
        let now = self.now();
        let tx = self.begin().await?;
        let db = &tx.0;
        let u = find_user(db, org, id).await?;
        if u.deactivated_at.is_some() {
            return Ok(Vec::new());
        }
        if u.role.0 == Role::Admin {
            keep_an_admin(db, org, id).await?;
        }
        let mut active: user::ActiveModel = u.into();
        active.deactivated_at = Set(Some(now));
        active.password_hash = Set(None);
        active.updated_at = Set(now);
        active.update(db).await?;
        login_session::Entity::delete_many()
            .filter(login_session::Column::OrgId.eq(org))
            .filter(login_session::Column::UserId.eq(id))
            .exec(db)
            .await?;
        sign_in_link::Entity::update_many()
            .col_expr(sign_in_link::Column::UsedAt, Expr::value(now))
            .filter(sign_in_link::Column::OrgId.eq(org))
            .filter(sign_in_link::Column::UserId.eq(id))
            .filter(sign_in_link::Column::UsedAt.is_null())
            .exec(db)
            .await?;
        let tokens: Vec<Id> = api_token::Entity::find()
            .select_only()
            .column(api_token::Column::Id)
            .filter(api_token::Column::OrgId.eq(org))
            .filter(api_token::Column::UserId.eq(id))
            .filter(api_token::Column::RevokedAt.is_null())
            .into_tuple()
            .all(db)
            .await?;
        api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(now))
            .filter(api_token::Column::Id.is_in(tokens.clone()))
            .exec(db)
            .await?;
        tx.commit().await?;
        Ok(tokens)
    }
}

//! Organizations, users and bearer tokens. Tokens are shown once and stored only as a
//! SHA-256 hash, so a copy of the database does not let anyone in.

use crate::entities::{api_token, facilitator_assignment, organization, person, user};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::{OrgSettings, Role};
use peergroup_domain::records::{Organization, OrganizationDetail, Principal, TokenRecord};
use peergroup_domain::values::{Email, Name, Slug};
use rand::RngCore;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ActiveValue::Set, ExprTrait, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256};

/// A freshly issued token: `secret` is shown to the user once and never stored.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub id: Id,
    pub secret: String,
    pub org: Organization,
    pub email: String,
    pub role: Role,
    pub expires_at: Option<DateTime<Utc>>,
}

/// Who a bearer token signs in as, and which token it was (so that a cache of it can be
/// dropped when the token is revoked, and kept no longer than it is valid).
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub principal: Principal,
    pub token_id: Id,
    pub expires_at: Option<DateTime<Utc>>,
}

/// "Last used" is written at most this often per token, so that reading a token is not a
/// write on every request.
const LAST_USED_RESOLUTION: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

pub fn hash_token(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

fn organization(m: organization::Model) -> Result<Organization> {
    Ok(Organization {
        id: m.id,
        slug: Slug::parse(m.slug).map_err(StoreError::Corrupt)?,
        name: Name::parse(m.name).map_err(StoreError::Corrupt)?,
    })
}

fn detail(m: organization::Model) -> Result<OrganizationDetail> {
    let settings = OrgSettings {
        quiet_hours_start: m.quiet_hours_start.clone(),
        quiet_hours_end: m.quiet_hours_end.clone(),
        reply_to: m
            .reply_to
            .clone()
            .map(Email::parse)
            .transpose()
            .map_err(StoreError::Corrupt)?,
        training_policy: m.training_policy.0,
        retention_months: m.retention_months.and_then(|n| u16::try_from(n).ok()),
    };
    Ok(OrganizationDetail {
        organization: organization(m)?,
        settings,
    })
}

/// The token's user, joined by hand: the entities declare no relations.
fn token_user() -> sea_orm::RelationDef {
    api_token::Entity::belongs_to(user::Entity)
        .from(api_token::Column::UserId)
        .to(user::Column::Id)
        .into()
}

fn token_record(t: api_token::Model, u: user::Model) -> Result<TokenRecord> {
    Ok(TokenRecord {
        id: t.id,
        email: u.email,
        role: u.role.0,
        label: t.label,
        created_at: t.created_at,
        expires_at: t.expires_at,
        last_used_at: t.last_used_at,
        revoked_at: t.revoked_at,
    })
}

impl Store {
    pub async fn organization_count(&self) -> Result<u64> {
        Ok(organization::Entity::find().count(&self.reader()).await?)
    }

    /// Every organization's id, for work that runs across them all.
    pub async fn organization_ids(&self) -> Result<Vec<Id>> {
        Ok(organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .order_by_asc(organization::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?)
    }

    pub async fn find_organization(&self, slug: &Slug) -> Result<Option<Organization>> {
        organization::Entity::find()
            .filter(organization::Column::Slug.eq(slug.as_str()))
            .one(&self.reader())
            .await?
            .map(organization)
            .transpose()
    }

    /// Returns the organization with this slug, creating it if needed.
    pub async fn ensure_organization(
        &self,
        slug: &Slug,
        name: &Name,
    ) -> Result<(Organization, bool)> {
        if let Some(org) = self.find_organization(slug).await? {
            return Ok((org, false));
        }
        let now = self.now();
        let created = organization::ActiveModel {
            slug: Set(slug.to_string()),
            name: Set(name.to_string()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.writer())
        .await?;
        Ok((organization(created)?, true))
    }

    /// The caller's organization with its settings.
    pub async fn organization_detail(&self, org: Id) -> Result<OrganizationDetail> {
        let m = organization::Entity::find_by_id(org)
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("organization"))?;
        detail(m)
    }

    /// Replaces the organization's settings.
    pub async fn update_org_settings(
        &self,
        org: Id,
        settings: &OrgSettings,
    ) -> Result<OrganizationDetail> {
        self.update_organization(org, None, settings).await
    }

    /// Replaces the organization's settings and, given one, its name, in one write.
    pub async fn update_organization(
        &self,
        org: Id,
        name: Option<&Name>,
        settings: &OrgSettings,
    ) -> Result<OrganizationDetail> {
        settings.validate()?;
        let m = organization::Entity::find_by_id(org)
            .one(&self.writer())
            .await?
            .ok_or(StoreError::NotFound("organization"))?;
        let mut active: organization::ActiveModel = m.into();
        active.quiet_hours_start = Set(settings.quiet_hours_start.clone());
        active.quiet_hours_end = Set(settings.quiet_hours_end.clone());
        active.reply_to = Set(settings.reply_to.as_ref().map(|e| e.to_string()));
        active.training_policy = Set(Stored(settings.training_policy));
        active.retention_months = Set(settings.retention_months.map(i32::from));
        if let Some(name) = name {
            active.name = Set(name.to_string());
        }
        active.updated_at = Set(self.now());
        detail(active.update(&self.writer()).await?)
    }

    /// Issues a token for the user with this email in `org`, creating the user if needed or
    /// changing their role to `role`. With `replace`, the user's earlier tokens with the same
    /// `label` are revoked (the demo prints a fresh token at every start). A token with
    /// `expires_at` is refused from that instant.
    pub async fn issue_token(
        &self,
        org: &Organization,
        email: &Email,
        role: Role,
        label: &str,
        replace: bool,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<NewToken> {
        let now = self.now();
        if expires_at.is_some_and(|at| at <= now) {
            return Err(StoreError::invalid("expires_at", "must be in the future"));
        }
        let email_lower = email.as_str().to_lowercase();
        let user_id =
            crate::sign_in::ensure_user(&self.writer(), org.id, &email_lower, role, now).await?;
        if replace {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::RevokedAt, Expr::value(now))
                .filter(api_token::Column::OrgId.eq(org.id))
                .filter(api_token::Column::UserId.eq(user_id))
                .filter(api_token::Column::Label.eq(label))
                .filter(api_token::Column::RevokedAt.is_null())
                .exec(&self.writer())
                .await?;
        }
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let secret = format!("pg_{}", hex::encode(bytes));
        let token = api_token::ActiveModel {
            org_id: Set(org.id),
            user_id: Set(user_id),
            token_hash: Set(hash_token(&secret)),
            label: Set(label.to_string()),
            created_at: Set(now),
            revoked_at: Set(None),
            expires_at: Set(expires_at),
            last_used_at: Set(None),
            ..Default::default()
        }
        .insert(&self.writer())
        .await?;
        Ok(NewToken {
            id: token.id,
            secret,
            org: org.clone(),
            email: email_lower,
            role,
            expires_at,
        })
    }

    /// The organization's tokens, newest first, revoked and expired ones included.
    pub async fn tokens(&self, org: Id) -> Result<Vec<TokenRecord>> {
        let rows = api_token::Entity::find()
            .filter(api_token::Column::OrgId.eq(org))
            .join(sea_orm::JoinType::InnerJoin, token_user())
            .select_also(user::Entity)
            .order_by_desc(api_token::Column::Id)
            .all(&self.reader())
            .await?;
        rows.into_iter()
            .filter_map(|(t, u)| u.map(|u| token_record(t, u)))
            .collect()
    }

    /// Revokes a token; revoking it again changes nothing. `org` scopes the look-up to one
    /// organization (a token of another answers not found); the operator's command line
    /// passes none.
    pub async fn revoke_token(&self, id: Id, org: Option<Id>) -> Result<TokenRecord> {
        let mut query = api_token::Entity::find_by_id(id);
        if let Some(org) = org {
            query = query.filter(api_token::Column::OrgId.eq(org));
        }
        let (token, user) = query
            .join(sea_orm::JoinType::InnerJoin, token_user())
            .select_also(user::Entity)
            .one(&self.writer())
            .await?
            .and_then(|(t, u)| u.map(|u| (t, u)))
            .ok_or(StoreError::NotFound("token"))?;
        if token.revoked_at.is_some() {
            return token_record(token, user);
        }
        let mut active: api_token::ActiveModel = token.into();
        active.revoked_at = Set(Some(self.now()));
        token_record(active.update(&self.writer()).await?, user)
    }

    /// The user a bearer token belongs to, if the token exists, is not revoked and has not
    /// expired. Notes when the token was used, at most once a minute.
    pub async fn authenticate(&self, secret: &str) -> Result<Option<Authenticated>> {
        let now = self.now();
        let found = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(hash_token(secret)))
            .filter(api_token::Column::RevokedAt.is_null())
            .join(sea_orm::JoinType::InnerJoin, token_user())
            .select_also(user::Entity)
            .one(&self.reader())
            .await?;
        let Some((token, Some(user))) = found else {
            return Ok(None);
        };
        if user.org_id != token.org_id
            || user.deactivated_at.is_some()
            || token.expires_at.is_some_and(|at| at <= now)
        {
            return Ok(None);
        }
        if token
            .last_used_at
            .is_none_or(|at| now - at >= LAST_USED_RESOLUTION)
        {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
                .filter(api_token::Column::Id.eq(token.id))
                .exec(&self.writer())
                .await?;
        }
        Ok(Some(Authenticated {
            principal: Principal {
                org_id: token.org_id,
                user_id: user.id,
                email: user.email,
                role: user.role.0,
            },
            token_id: token.id,
            expires_at: token.expires_at,
        }))
    }

    /// Groups a facilitator is assigned to: those where a person of their organization with
    /// their email address holds a facilitator assignment.
    pub async fn facilitator_group_ids(&self, who: &Principal) -> Result<Vec<Id>> {
        let people = self.people_of_user(who).await?;
        if people.is_empty() {
            return Ok(Vec::new());
        }
        Ok(facilitator_assignment::Entity::find()
            .select_only()
            .column(facilitator_assignment::Column::GroupId)
            .filter(facilitator_assignment::Column::OrgId.eq(who.org_id))
            .filter(facilitator_assignment::Column::PersonId.is_in(people))
            .into_tuple()
            .all(&self.reader())
            .await?)
    }

    /// The people of the caller's organization with the caller's email address: how a
    /// user is matched to the facilitator they are.
    pub async fn people_of_user(&self, who: &Principal) -> Result<Vec<Id>> {
        let people: Vec<Id> = person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::OrgId.eq(who.org_id))
            .filter(
                Expr::expr(Func::lower(Expr::col(person::Column::Email)))
                    .eq(who.email.to_lowercase()),
            )
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(people)
    }
}

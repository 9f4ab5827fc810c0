//! Idempotency keys: a create sent twice with the same `Idempotency-Key` returns the first
//! response instead of creating twice. The key is claimed before the work and the response
//! saved after it; a claim left unfinished by a crash expires.

use crate::entities::idempotency_key;
use crate::{Result, Store, StoreError};
use chrono::Duration;
use peergroup_domain::Id;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;

/// How long an unfinished claim blocks a retry before it is taken over.
const CLAIM_EXPIRY: Duration = Duration::seconds(60);

#[derive(Debug, Clone, PartialEq)]
pub enum IdempotencyBegin {
    /// First use of the key: do the work, then `finish_idempotent`.
    Claimed,
    /// The key was used before with the same request: send this response again.
    Replay { status: u16, body: String },
    /// The key was used before with a different request.
    Mismatch,
    /// Another request with this key is still being processed.
    InProgress,
}

impl Store {
    pub async fn begin_idempotent(
        &self,
        org: Id,
        key: &str,
        request_hash: &str,
    ) -> Result<IdempotencyBegin> {
        let now = self.now();
        let existing = idempotency_key::Entity::find()
            .filter(idempotency_key::Column::OrgId.eq(org))
            .filter(idempotency_key::Column::IdempotencyKey.eq(key))
            .one(&self.write)
            .await?;
        if let Some(row) = existing {
            if row.request_hash != request_hash {
                return Ok(IdempotencyBegin::Mismatch);
            }
            return Ok(match (row.response_status, row.response_body) {
                (Some(status), Some(body)) => IdempotencyBegin::Replay {
                    status: u16::try_from(status).unwrap_or(200),
                    body,
                },
                _ if now - row.created_at < CLAIM_EXPIRY => IdempotencyBegin::InProgress,
                _ => {
                    let mut active: idempotency_key::ActiveModel = idempotency_key::Model {
                        response_status: None,
                        response_body: None,
                        ..row
                    }
                    .into();
                    active.created_at = Set(now);
                    active.update(&self.write).await?;
                    IdempotencyBegin::Claimed
                }
            });
        }
        let claim = idempotency_key::ActiveModel {
            org_id: Set(org),
            idempotency_key: Set(key.to_string()),
            request_hash: Set(request_hash.to_string()),
            response_status: Set(None),
            response_body: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.write)
        .await;
        match claim {
            Ok(_) => Ok(IdempotencyBegin::Claimed),
            Err(e) => match StoreError::from(e) {
                StoreError::Conflict(_) => Ok(IdempotencyBegin::InProgress),
                other => Err(other),
            },
        }
    }

    /// Saves the response of a successful request under its key.
    pub async fn finish_idempotent(
        &self,
        org: Id,
        key: &str,
        status: u16,
        body: &str,
    ) -> Result<()> {
        idempotency_key::Entity::update_many()
            .col_expr(
                idempotency_key::Column::ResponseStatus,
                Expr::value(i32::from(status)),
            )
            .col_expr(
                idempotency_key::Column::ResponseBody,
                Expr::value(body.to_string()),
            )
            .filter(idempotency_key::Column::OrgId.eq(org))
            .filter(idempotency_key::Column::IdempotencyKey.eq(key))
            .exec(&self.write)
            .await?;
        Ok(())
    }

    /// Releases a key whose request failed, so that a corrected retry can use it.
    pub async fn abandon_idempotent(&self, org: Id, key: &str) -> Result<()> {
        idempotency_key::Entity::delete_many()
            .filter(idempotency_key::Column::OrgId.eq(org))
            .filter(idempotency_key::Column::IdempotencyKey.eq(key))
            .filter(idempotency_key::Column::ResponseStatus.is_null())
            .exec(&self.write)
            .await?;
        Ok(())
    }
}

//! Idempotency keys: a request sent twice with the same `Idempotency-Key` by the same user
//! gets the first response instead of being done twice. The key's row, the work and the
//! saved response are one transaction (see `ambient.rs`): a crash before its commit leaves
//! nothing, not even the key, so the retry does the work once; after it, the retry gets the
//! saved response. A request that fails leaves nothing either, so a corrected retry may reuse
//! the key.

use crate::entities::idempotency_key;
use crate::{Result, Store, StoreError, ambient};
use peergroup_domain::records::Principal;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, TransactionTrait};
use std::future::Future;
use std::sync::Arc;

/// One keyed request: who sent it, its key, and a hash of what it asked for.
pub struct KeyedRequest<'a> {
    pub caller: &'a Principal,
    pub key: &'a str,
    pub request_hash: &'a str,
}

/// A response to keep under its key.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedResponse {
    pub status: u16,
    pub body: String,
}

/// What the work gave: its answer, and the response to save if it succeeded (nothing is
/// committed when this is `None`).
pub struct Finished<T> {
    pub answer: T,
    pub save: Option<SavedResponse>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Keyed<T> {
    /// First use of the key: the work ran, and was committed if it succeeded.
    Ran(T),
    /// The key was used before with the same request: send this response again.
    Replay(SavedResponse),
    /// The key was used before with a different request.
    Mismatch,
    /// The key was used before by this user under another role.
    RoleChanged,
}

/// A concurrent first use of the same key commits between our look-up and our insert at
/// most once per attempt; after it the look-up finds its row.
const ATTEMPTS: usize = 3;

impl Store {
    /// Forgets the keys used before `before`, with the responses saved under them: those
    /// copies hold the personal data the requests wrote. Returns how many went.
    pub async fn prune_idempotency_keys(
        &self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64> {
        Ok(idempotency_key::Entity::delete_many()
            .filter(idempotency_key::Column::CreatedAt.lt(before))
            .exec(&self.writer())
            .await?
            .rows_affected)
    }

    /// Runs `work` once per key: inside one transaction with the key's row and the response
    /// it returns, or not at all when the key was used before.
    pub async fn run_keyed<T, F, Fut>(&self, request: KeyedRequest<'_>, work: F) -> Result<Keyed<T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Finished<T>>,
    {
        let (txn, claimed) = match self.claim_key(&request).await? {
            Ok((txn, claimed)) => (Arc::new(txn), claimed),
            Err(earlier) => return Ok(earlier),
        };
        let finished = ambient::within(Arc::clone(&txn), work()).await;
        let txn = Arc::try_unwrap(txn)
            .map_err(|_| StoreError::Corrupt("a request's transaction outlived it".into()))?;
        match finished.save {
            Some(response) => {
                save(&txn, claimed, response).await?;
                txn.commit().await?;
            }
            None => txn.rollback().await?,
        }
        Ok(Keyed::Ran(finished.answer))
    }

    /// A transaction holding the key's new row (and the row), or what an earlier use of the
    /// key says.
    async fn claim_key<T>(
        &self,
        request: &KeyedRequest<'_>,
    ) -> Result<std::result::Result<(DatabaseTransaction, idempotency_key::Model), Keyed<T>>> {
        for _ in 0..ATTEMPTS {
            let txn = self.write.begin().await?;
            if let Some(row) = scoped(request).one(&txn).await? {
                txn.rollback().await?;
                return Ok(Err(earlier_use(row, request)));
            }
            match claim(&txn, request, self.now()).await {
                Ok(claimed) => return Ok(Ok((txn, claimed))),
                Err(e) => {
                    txn.rollback().await?;
                    match StoreError::from(e) {
                        // Another request with this key committed first: look again.
                        StoreError::Conflict(_) => continue,
                        other => return Err(other),
                    }
                }
            }
        }
        Err(StoreError::Conflict(
            "a request with this Idempotency-Key is still being processed; retry shortly".into(),
        ))
    }
}

fn scoped(request: &KeyedRequest<'_>) -> Select<idempotency_key::Entity> {
    idempotency_key::Entity::find()
        .filter(idempotency_key::Column::OrgId.eq(request.caller.org_id))
        .filter(idempotency_key::Column::UserId.eq(request.caller.user_id))
        .filter(idempotency_key::Column::IdempotencyKey.eq(request.key))
}

fn earlier_use<T>(row: idempotency_key::Model, request: &KeyedRequest<'_>) -> Keyed<T> {
    if row.request_hash != request.request_hash {
        return Keyed::Mismatch;
    }
    if row.role != request.caller.role.as_str() {
        return Keyed::RoleChanged;
    }
    match (row.response_status, row.response_body) {
        (Some(status), Some(body)) => Keyed::Replay(SavedResponse {
            status: u16::try_from(status).unwrap_or(200),
            body,
        }),
        // Only rows from before responses were saved with their work lack one.
        _ => Keyed::Mismatch,
    }
}

async fn claim(
    txn: &DatabaseTransaction,
    request: &KeyedRequest<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> std::result::Result<idempotency_key::Model, DbErr> {
    idempotency_key::ActiveModel {
        org_id: Set(request.caller.org_id),
        user_id: Set(request.caller.user_id),
        role: Set(request.caller.role.as_str().to_string()),
        idempotency_key: Set(request.key.to_string()),
        request_hash: Set(request.request_hash.to_string()),
        response_status: Set(None),
        response_body: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
}

/// Keeps the response on the key's row, in the transaction of the work.
async fn save(
    txn: &DatabaseTransaction,
    claimed: idempotency_key::Model,
    response: SavedResponse,
) -> Result<()> {
    let mut row: idempotency_key::ActiveModel = claimed.into();
    row.response_status = Set(Some(i32::from(response.status)));
    row.response_body = Set(Some(response.body));
    row.update(txn).await?;
    Ok(())
}

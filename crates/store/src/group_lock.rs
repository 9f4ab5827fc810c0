//! The group row every write to a group starts from, locked against concurrent writes.

use crate::entities::group;
use crate::{Result, StoreError};
use peergroup_domain::Id;
use sea_orm::DatabaseTransaction;
use sea_orm::entity::prelude::*;

/// A group of `org`; on PostgreSQL inside a transaction the row is locked, so that
/// concurrent enrolments into the last place are serialized. (SQLite has one writer.)
pub(crate) async fn find_group_for_update(
    txn: &DatabaseTransaction,
    org: Id,
    id: Id,
) -> Result<group::Model> {
    let query = group::Entity::find_by_id(id).filter(group::Column::OrgId.eq(org));
    crate::dialect::for_update(txn, query)
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound("group"))
}

//! The group row every write to a group starts from, locked against concurrent writes.

use crate::entities::group;
use crate::{Result, StoreError};
use peergroup_domain::Id;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, DbBackend, QuerySelect};

/// A group of `org`; on PostgreSQL inside a transaction the row is locked, so that
/// concurrent enrolments into the last place are serialized. (SQLite has one writer.)
pub(crate) async fn find_group_for_update(
    txn: &DatabaseTransaction,
    org: Id,
    id: Id,
) -> Result<group::Model> {
    let mut query = group::Entity::find_by_id(id).filter(group::Column::OrgId.eq(org));
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(txn).await?.ok_or(StoreError::NotFound("group"))
}

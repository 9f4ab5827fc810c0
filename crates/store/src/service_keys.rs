//! Keys the service makes for itself, such as the one that signs "I can't come" links.
//! Made once, on first use, and shared through the database by every replica.

use crate::entities::service_key;
use crate::{Result, Store};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::OnConflict;

impl Store {
    /// The secret named `name`, created with 32 random bytes if there is none yet.
    pub async fn service_key(&self, name: &str) -> Result<Vec<u8>> {
        let txn = self.writer().begin().await?;
        service_key::Entity::insert(service_key::ActiveModel {
            name: Set(name.into()),
            secret: Set(hex::encode(rand::random::<[u8; 32]>())),
            created_at: Set(self.now()),
        })
        .on_conflict(
            OnConflict::column(service_key::Column::Name)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        let key = service_key::Entity::find_by_id(name.to_string())
            .one(&txn)
            .await?
            .ok_or(crate::StoreError::NotFound("service key"))?;
        txn.commit().await?;
        hex::decode(key.secret).map_err(|e| crate::StoreError::Corrupt(e.to_string()))
    }
}

//! Idempotency keys belong to the user who sent them, with the role they had, instead of to
//! the whole organization: one user's key can never replay another user's response. Rows
//! from before have no user and so are never replayed again; they only expire.

use crate::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column at a time.
        m.alter_table(
            Table::alter()
                .table("idempotency_keys")
                .add_column(big_integer("user_id").default(0))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("idempotency_keys")
                .add_column(string("role").default(""))
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("ux_idempotency_keys_org_id_idempotency_key")
                .table("idempotency_keys")
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idempotency_keys",
            &["org_id", "user_id", "idempotency_key"],
            true,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ux_idempotency_keys_org_id_user_id_idempotency_key")
                .table("idempotency_keys")
                .to_owned(),
        )
        .await?;
        for column in ["role", "user_id"] {
            m.alter_table(
                Table::alter()
                    .table("idempotency_keys")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(index(
            "idempotency_keys",
            &["org_id", "idempotency_key"],
            true,
        ))
        .await
    }
}

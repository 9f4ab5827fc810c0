//! Tokens can expire, and show when they were last used, so that an admin can tell a live
//! token from a forgotten one before revoking it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in ["expires_at", "last_used_at"] {
            m.alter_table(
                Table::alter()
                    .table("api_tokens")
                    .add_column(timestamp_with_time_zone_null(column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in ["expires_at", "last_used_at"] {
            m.alter_table(
                Table::alter()
                    .table("api_tokens")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

//! How many times a worker stopped short of sending a message because it no longer held the
//! message's job (it was paused past its lease and another worker took the job over). The
//! coordinators' message list shows it, so a stalling replica is seen, not guessed at.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("messages")
                .add_column(integer("lost_claims").default(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("messages")
                .drop_column("lost_claims")
                .to_owned(),
        )
        .await
    }
}

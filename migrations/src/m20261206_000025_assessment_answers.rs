//! Less data (issue 23): each assessment kept every item's answer, to scales that ask
//! about mood, worry and health. Nothing reads them: figures, change reports and a
//! person's export use the total (and how many items were missing), which the answers are
//! scored into when they are entered. The answers go.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("assessments")
                .drop_column("answers")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The answers themselves cannot come back.
        m.alter_table(
            Table::alter()
                .table("assessments")
                .add_column(text("answers").default("{}"))
                .to_owned(),
        )
        .await
    }
}

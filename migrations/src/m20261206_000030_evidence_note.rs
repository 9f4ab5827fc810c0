//! Less data (issue 23): a facilitator's training completion kept a free-text note on its
//! evidence, which nothing read and no page asked for. The completion itself (module, date,
//! hours, trainer) is what readiness and the funder's reports need.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("training_completions")
                .drop_column("evidence_note")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("training_completions")
                .add_column(text_null("evidence_note"))
                .to_owned(),
        )
        .await
    }
}

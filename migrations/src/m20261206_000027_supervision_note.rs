//! Less data (issue 23): a mentor's supervision contact with a peer facilitator kept a
//! free-text note, which no page showed: what a peer tells their mentor is about their
//! wellbeing and their participants. Whether they need more (`follow_up_needed`) stays;
//! the note goes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("supervision_contacts")
                .drop_column("note")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("supervision_contacts")
                .add_column(text_null("note"))
                .to_owned(),
        )
        .await
    }
}

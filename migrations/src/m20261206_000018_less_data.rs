//! Less data (issue 23): a facilitator's lived experience was also kept as free text
//! ("has lived with diabetes for 12 years; came from Punjab in 1998"), which no feature
//! reads. Training eligibility needs only whether they have it, which the training
//! profile's `lived_experience` keeps; the free text goes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("facilitator_assignments")
                .drop_column("lived_experience_note")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("facilitator_assignments")
                .add_column(text_null("lived_experience_note"))
                .to_owned(),
        )
        .await
    }
}

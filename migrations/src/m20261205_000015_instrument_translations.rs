//! Translations of an instrument's words (its stem, answer words and items) that an
//! organization is licensed to use, one per instrument and language. Built-in instruments
//! may be translated too, so the key is not a foreign key.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("instrument_translations")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("instrument_key"))
                .col(string("locale"))
                // The translated words as JSON text.
                .col(text("words"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "instrument_translations",
                    "org_id",
                    "organizations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "instrument_translations",
            &["org_id", "instrument_key", "locale"],
            true,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table("instrument_translations")
                .if_exists()
                .to_owned(),
        )
        .await
    }
}

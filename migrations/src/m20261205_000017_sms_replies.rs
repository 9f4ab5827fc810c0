//! SMS replies from participants, as received: what they said and what it did (recorded
//! an absence, stopped SMS, or waits for a coordinator). Only replies from a number of the
//! organization's people are kept.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("sms_replies")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("person_id"))
                .col(text("body"))
                // `absence`, `stop` or `coordinator`.
                .col(string("action"))
                .col(big_integer_null("session_id"))
                .col(timestamp_with_time_zone("received_at"))
                .foreign_key(&mut fk("sms_replies", "org_id", "organizations"))
                .foreign_key(&mut fk("sms_replies", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sms_replies", &["org_id", "received_at"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("sms_replies").if_exists().to_owned())
            .await
    }
}

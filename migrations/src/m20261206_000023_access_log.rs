//! The access log (issue 23): who read or changed a participant's personal data, when, and
//! through which route; ids only. Each row carries the hash of the one before it in its
//! organization, so an edited or deleted row breaks the chain.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("access_log")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(timestamp_with_time_zone("at"))
                // None: the system (the retention job).
                .col(big_integer_null("user_id"))
                // None: a list of people (a search, an export).
                .col(big_integer_null("person_id"))
                .col(string("action"))
                .col(string("route"))
                .col(string("prev_hash"))
                .col(string("hash"))
                .foreign_key(&mut fk("access_log", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        // The last entry of an organization, which the next one chains after.
        m.create_index(index("access_log", &["org_id", "id"], false))
            .await?;
        m.create_index(index("access_log", &["org_id", "person_id"], false))
            .await?;
        m.create_index(index("access_log", &["org_id", "user_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("access_log").if_exists().to_owned())
            .await
    }
}

//! Marks taken on a facilitator's phone one tap at a time, before the roll-call is saved:
//! each has an id made on the phone, so a mark sent again (after the network came back) is
//! kept once, and the time it was marked. Two facilitators marking the same person
//! differently is kept as two rows, and shown as a disagreement.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("session_marks")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("session_id"))
                .col(big_integer("person_id"))
                .col(big_integer("user_id"))
                // Made on the phone: unique per user, never trusted across users.
                .col(string("client_id"))
                .col(string("status"))
                .col(string_null("reason"))
                .col(timestamp_with_time_zone("marked_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("session_marks", "org_id", "organizations"))
                .foreign_key(&mut fk("session_marks", "session_id", "sessions"))
                .foreign_key(&mut fk("session_marks", "person_id", "people"))
                .foreign_key(&mut fk("session_marks", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("session_marks", &["org_id", "session_id"], false))
            .await?;
        m.create_index(index(
            "session_marks",
            &["org_id", "user_id", "client_id"],
            true,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("session_marks").to_owned())
            .await
    }
}

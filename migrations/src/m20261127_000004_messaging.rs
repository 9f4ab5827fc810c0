//! The job queue, the messages it delivers, absences announced with the "I can't come" link,
//! the key that signs those links, and each organization's mail settings.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 4] = ["absence_notices", "messages", "jobs", "service_keys"];

const ORG_COLUMNS: [&str; 3] = ["quiet_hours_start", "quiet_hours_end", "reply_to"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A durable queue. `dedupe_key` makes an insert idempotent: a cron tick, a reminder of
        // one session or a message's delivery is one row however many replicas insert it.
        m.create_table(
            Table::create()
                .table("jobs")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer_null("org_id"))
                .col(string("kind"))
                .col(string_null("dedupe_key"))
                .col(json("payload"))
                .col(string("state"))
                .col(integer("attempts"))
                .col(integer("max_attempts"))
                .col(timestamp_with_time_zone("run_at"))
                .col(string_null("locked_by"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("jobs", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("jobs", &["dedupe_key"], true)).await?;
        m.create_index(index("jobs", &["state", "run_at"], false))
            .await?;

        // One row per email to one person (or coordinator) about one thing; `dedupe_key`
        // (person, session, kind, sequence) is what makes a reminder go out once.
        m.create_table(
            Table::create()
                .table("messages")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("kind"))
                .col(string("dedupe_key"))
                .col(big_integer_null("session_id"))
                .col(integer_null("sequence"))
                .col(big_integer_null("person_id"))
                .col(big_integer_null("user_id"))
                .col(big_integer_null("subject_id"))
                .col(string("state"))
                .col(string_null("locale"))
                .col(integer("attempts"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone("send_at"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("messages", "org_id", "organizations"))
                .foreign_key(&mut fk("messages", "session_id", "sessions"))
                .foreign_key(&mut fk("messages", "person_id", "people"))
                .foreign_key(&mut fk("messages", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("messages", &["org_id", "dedupe_key"], true))
            .await?;
        m.create_index(index("messages", &["org_id", "session_id"], false))
            .await?;
        m.create_index(index("messages", &["org_id", "person_id"], false))
            .await?;

        // "I can't come": one notice per participant and session, with its reason.
        m.create_table(
            Table::create()
                .table("absence_notices")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("session_id"))
                .col(big_integer("enrollment_id"))
                .col(string("reason"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("absence_notices", "org_id", "organizations"))
                .foreign_key(&mut fk("absence_notices", "session_id", "sessions"))
                .foreign_key(&mut fk("absence_notices", "enrollment_id", "enrollments"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "absence_notices",
            &["org_id", "session_id", "enrollment_id"],
            true,
        ))
        .await?;

        // Keys the service generates for itself (the link-signing key), shared by replicas.
        m.create_table(
            Table::create()
                .table("service_keys")
                .if_not_exists()
                .col(string("name").primary_key())
                .col(string("secret"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;

        // SQLite adds one column per statement.
        m.alter_table(
            Table::alter()
                .table("organizations")
                .add_column(string("quiet_hours_start").default("21:00"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("organizations")
                .add_column(string("quiet_hours_end").default("08:00"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("organizations")
                .add_column(string_null("reply_to"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in ORG_COLUMNS {
            m.alter_table(
                Table::alter()
                    .table("organizations")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

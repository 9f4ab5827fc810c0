//! Consent per purpose (issue 23): reminders by email and by SMS are agreed to apart, as is
//! sharing de-identified data with a funder; every change of a consent is kept with how it
//! was given. The one consent to reminders becomes both channels, except SMS for whoever
//! answered STOP: a STOP is now the withdrawal of consent to SMS.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Added one by one: SQLite alters one column a statement.
fn added() -> Vec<ColumnDef> {
    vec![
        timestamp_with_time_zone_null("consent_email_reminders_at"),
        timestamp_with_time_zone_null("consent_sms_reminders_at"),
        timestamp_with_time_zone_null("consent_funder_sharing_at"),
    ]
}

async fn alter(m: &SchemaManager<'_>, alter: &mut TableAlterStatement) -> Result<(), DbErr> {
    m.alter_table(alter.table("people").to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for mut column in added() {
            alter(m, Table::alter().add_column(&mut column)).await?;
        }
        m.get_connection()
            .execute_unprepared(
                "UPDATE people SET consent_email_reminders_at = consent_reminders_at, \
                 consent_sms_reminders_at = CASE WHEN sms_stopped_at IS NULL \
                 THEN consent_reminders_at END",
            )
            .await?;
        alter(m, Table::alter().drop_column("consent_reminders_at")).await?;
        alter(m, Table::alter().drop_column("sms_stopped_at")).await?;
        m.create_table(
            Table::create()
                .table("consent_changes")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("person_id"))
                .col(string("purpose"))
                .col(boolean("given"))
                .col(string("source"))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut fk("consent_changes", "org_id", "organizations"))
                .foreign_key(&mut fk("consent_changes", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("consent_changes", &["person_id", "id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table("consent_changes")
                .if_exists()
                .to_owned(),
        )
        .await?;
        alter(
            m,
            Table::alter().add_column(timestamp_with_time_zone_null("consent_reminders_at")),
        )
        .await?;
        alter(
            m,
            Table::alter().add_column(timestamp_with_time_zone_null("sms_stopped_at")),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE people SET consent_reminders_at = consent_email_reminders_at, \
                 sms_stopped_at = CASE WHEN consent_sms_reminders_at IS NULL \
                 AND consent_email_reminders_at IS NOT NULL THEN updated_at END",
            )
            .await?;
        for column in added() {
            alter(m, Table::alter().drop_column(column.get_column_name())).await?;
        }
        Ok(())
    }
}

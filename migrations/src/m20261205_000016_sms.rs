//! SMS beside email: a message records the channel it went by, the segments it took (what
//! an organization pays for), the gateway's reference and when the gateway reported it
//! delivered; a person who answered STOP gets no more SMS.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Added one by one: SQLite alters one column a statement.
fn added() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("messages", string_null("channel")),
        ("messages", integer_null("segments")),
        ("messages", string_null("gateway_ref")),
        ("messages", timestamp_with_time_zone_null("delivered_at")),
        ("people", timestamp_with_time_zone_null("sms_stopped_at")),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut column) in added() {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(&mut column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in added() {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .drop_column(column.get_column_name())
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

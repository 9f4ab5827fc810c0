//! Erasure (issue 23): a person's personal data can be erased while their attendance and
//! scores stay, as an anonymous row, in the group's figures. The row keeps when and by whom.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Added one by one: SQLite alters one column a statement.
fn added() -> Vec<ColumnDef> {
    vec![
        timestamp_with_time_zone_null("erased_at"),
        // The user who erased it.
        big_integer_null("erased_by"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for mut column in added() {
            m.alter_table(
                Table::alter()
                    .table("people")
                    .add_column(&mut column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in added() {
            m.alter_table(
                Table::alter()
                    .table("people")
                    .drop_column(column.get_column_name())
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

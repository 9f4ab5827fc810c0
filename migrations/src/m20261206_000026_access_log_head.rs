//! The access log (issue 23) keeps its newest hash on the organization's row, written in
//! the same transaction as the entries: removing the newest entries then shows too, as
//! the chain no longer ends where the organization says it does.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("organizations")
                .add_column(string_null("access_log_head"))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE organizations SET access_log_head = (SELECT a.hash FROM access_log a \
                 WHERE a.org_id = organizations.id ORDER BY a.id DESC LIMIT 1)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("organizations")
                .drop_column("access_log_head")
                .to_owned(),
        )
        .await
    }
}

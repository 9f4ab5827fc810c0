//! People are looked up by email address in any case (`Person::same_email_as`, on every
//! person written or read): an index on the lowercased address keeps that one indexed read
//! instead of a scan of the organization's people.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // An index on an expression: the same statement on SQLite and PostgreSQL.
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX IF NOT EXISTS people_org_lower_email ON people (org_id, lower(email))",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS people_org_lower_email")
            .await?;
        Ok(())
    }
}

//! Less data (issue 23): a withdrawal's reason becomes one of a few codes instead of the
//! coordinator's words, which could hold a health or family story. Words already kept
//! cannot be sorted into a code by a machine, so they become `other` and are gone.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "UPDATE enrollments SET withdrawn_reason = 'other' \
                 WHERE withdrawn_reason IS NOT NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // The words are gone; the codes read as words well enough.
        Ok(())
    }
}

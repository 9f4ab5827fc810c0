//! Less data (issue 23): a call attempt kept the caller's free-text note, and closing a
//! task kept the closer's. No page asked for either; what a participant says on the phone
//! can hold their health or family story. The outcome, barriers, next step and end state
//! (codes) are what the follow-up needs. The notes the rule and a group's end write when
//! they close a task stay.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The end states a person chooses; tasks in them hold a person's words.
const CHOSEN_ENDS: [&str; 3] = ["resolved", "participant_withdrawn", "unreachable"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("call_attempts")
                .drop_column("note")
                .to_owned(),
        )
        .await?;
        let forget = Query::update()
            .table("follow_up_tasks")
            .value("closed_note", Option::<String>::None)
            .and_where(Expr::col("state").is_in(CHOSEN_ENDS))
            .to_owned();
        m.exec_stmt(forget).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("call_attempts")
                .add_column(text_null("note"))
                .to_owned(),
        )
        .await
    }
}

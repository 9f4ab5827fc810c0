//! The access log (issue 23) also names the group whose roster was read: a roster, a
//! roll-call or a follow-up board shows many participants at once, and one entry per read
//! names the group instead of each of them.

use crate::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("access_log")
                .add_column(big_integer_null("group_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("access_log", &["org_id", "group_id"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_access_log_org_id_group_id")
                .table("access_log")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("access_log")
                .drop_column("group_id")
                .to_owned(),
        )
        .await
    }
}

//! People sign in to the web pages with an email and a password: a user has a password
//! hash (none until they follow their invitation) and a language of their own; signed-in
//! browsers are rows of `login_sessions`, so they survive a restart and work across
//! replicas; invitation and password-reset links are rows of `sign_in_links`, each usable
//! once.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in ["password_hash", "locale"] {
            m.alter_table(
                Table::alter()
                    .table("users")
                    .add_column(string_null(column))
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table("login_sessions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("user_id"))
                // SHA-256 of the cookie's secret: a copy of the database lets nobody in.
                .col(string_uniq("secret_hash"))
                .col(string("csrf_token"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_seen_at"))
                .foreign_key(&mut fk("login_sessions", "org_id", "organizations"))
                .foreign_key(&mut fk("login_sessions", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("login_sessions", &["user_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("sign_in_links")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("user_id"))
                // `invitation` or `reset`.
                .col(string("purpose"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(&mut fk("sign_in_links", "org_id", "organizations"))
                .foreign_key(&mut fk("sign_in_links", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sign_in_links", &["user_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["sign_in_links", "login_sessions"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in ["password_hash", "locale"] {
            m.alter_table(Table::alter().table("users").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

//! Sessions generated from a group's program, the exclusion calendar, and each group's
//! policy for excluded dates.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .add_column(string("exclusion_policy").default("skip"))
                .to_owned(),
        )
        .await?;

        // The venue name lowercased and trimmed, to find other groups at the same venue.
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .add_column(string("venue_key").default(""))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_peer_groups_org_id_venue_key")
                .table("peer_groups")
                .col("org_id")
                .col("venue_key")
                .if_not_exists()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("sessions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("group_id"))
                .col(integer("number"))
                .col(integer("phase"))
                .col(integer("number_in_phase"))
                .col(integer_null("plan"))
                .col(date("local_date"))
                .col(time("local_time"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone("ends_at"))
                .col(integer("minutes"))
                .col(string("status"))
                .col(integer("sequence"))
                .col(text_null("cancel_reason"))
                // `planned` (from the program) or `extra` (added by hand).
                .col(string("kind"))
                // Rescheduled by hand: regeneration leaves it alone.
                .col(boolean("manual"))
                .col(text_null("topic"))
                .col(string_null("venue_name"))
                .col(text_null("venue_address"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_sessions_org_id")
                        .from("sessions", "org_id")
                        .to("organizations", "id"),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_sessions_group_id")
                        .from("sessions", "group_id")
                        .to("peer_groups", "id"),
                )
                .to_owned(),
        )
        .await?;
        for (name, columns) in [
            (
                "ix_sessions_group_id_starts_at",
                &["group_id", "starts_at"][..],
            ),
            // Group-scoped listings filter by organization too: lead with both.
            (
                "ix_sessions_org_id_group_id_starts_at",
                &["org_id", "group_id", "starts_at"][..],
            ),
            // Sessions moved to another venue by hand, for venue clashes.
            (
                "ix_sessions_org_id_venue_name",
                &["org_id", "venue_name"][..],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table("sessions").if_not_exists();
            for c in columns {
                index.col(*c);
            }
            m.create_index(index.to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table("calendar_exclusions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer_null("group_id"))
                .col(date("date"))
                .col(string("reason"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_calendar_exclusions_org_id")
                        .from("calendar_exclusions", "org_id")
                        .to("organizations", "id"),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_calendar_exclusions_group_id")
                        .from("calendar_exclusions", "group_id")
                        .to("peer_groups", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_calendar_exclusions_org_id_date")
                .table("calendar_exclusions")
                .col("org_id")
                .col("date")
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        // Calendar feeds: unguessable, revocable URLs that need no login. Only the token's
        // hash is kept.
        m.create_table(
            Table::create()
                .table("calendar_feeds")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("kind"))
                .col(big_integer_null("subject_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_calendar_feeds_org_id")
                        .from("calendar_feeds", "org_id")
                        .to("organizations", "id"),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("calendar_feeds").to_owned())
            .await?;
        m.drop_table(Table::drop().table("calendar_exclusions").to_owned())
            .await?;
        m.drop_table(Table::drop().table("sessions").to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name("ix_peer_groups_org_id_venue_key")
                .table("peer_groups")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .drop_column("venue_key")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .drop_column("exclusion_policy")
                .to_owned(),
        )
        .await
    }
}

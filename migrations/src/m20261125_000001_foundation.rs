//! Organizations, users and tokens; programs, groups, people, enrolments, facilitator
//! assignments, support needs; idempotency keys.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn stamps(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            stamps(
                Table::create()
                    .table("organizations")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("name")),
            )
            .to_owned(),
        )
        .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("users")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(string("email"))
                    .col(string("role"))
                    .foreign_key(&mut fk("users", "org_id", "organizations")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("users", &["org_id", "email"], true))
            .await?;

        m.create_table(
            Table::create()
                .table("api_tokens")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("user_id"))
                .col(string_uniq("token_hash"))
                .col(string("label"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk("api_tokens", "org_id", "organizations"))
                .foreign_key(&mut fk("api_tokens", "user_id", "users"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("programs")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(string("name"))
                    .col(string_null("template_key"))
                    .col(json("spec"))
                    .foreign_key(&mut fk("programs", "org_id", "organizations")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("programs", &["org_id", "id"], false))
            .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("people")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(string("display_name"))
                    .col(string("preferred_language"))
                    .col(string_null("email"))
                    .col(string_null("phone"))
                    .col(string_null("preferred_channel"))
                    .col(text_null("alternative_contact"))
                    .col(timestamp_with_time_zone_null("consent_reminders_at"))
                    .col(timestamp_with_time_zone_null("consent_calls_at"))
                    .foreign_key(&mut fk("people", "org_id", "organizations")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("people", &["org_id", "id"], false))
            .await?;
        m.create_index(index("people", &["org_id", "email"], false))
            .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("peer_groups")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(big_integer("program_id"))
                    .col(string("name"))
                    .col(json("languages"))
                    .col(string("timezone"))
                    .col(string("venue_name"))
                    .col(text_null("venue_address"))
                    .col(text_null("venue_accessibility_notes"))
                    .col(date("start_date"))
                    .col(json("weekdays"))
                    .col(time("start_time"))
                    .col(integer("capacity"))
                    .col(string_null("segment"))
                    .col(string("status"))
                    .foreign_key(&mut fk("peer_groups", "org_id", "organizations"))
                    .foreign_key(&mut fk("peer_groups", "program_id", "programs")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("peer_groups", &["org_id", "status", "id"], false))
            .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("enrollments")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(big_integer("group_id"))
                    .col(big_integer("person_id"))
                    .col(string("status"))
                    .col(text_null("withdrawn_reason"))
                    .foreign_key(&mut fk("enrollments", "org_id", "organizations"))
                    .foreign_key(&mut fk("enrollments", "group_id", "peer_groups"))
                    .foreign_key(&mut fk("enrollments", "person_id", "people")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("enrollments", &["group_id", "person_id"], true))
            .await?;
        m.create_index(index("enrollments", &["person_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("facilitator_assignments")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("group_id"))
                .col(big_integer("person_id"))
                .col(string("role"))
                .col(string_null("program_role"))
                .col(text_null("lived_experience_note"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "facilitator_assignments",
                    "org_id",
                    "organizations",
                ))
                .foreign_key(&mut fk(
                    "facilitator_assignments",
                    "group_id",
                    "peer_groups",
                ))
                .foreign_key(&mut fk("facilitator_assignments", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "facilitator_assignments",
            &["group_id", "person_id"],
            true,
        ))
        .await?;
        m.create_index(index("facilitator_assignments", &["person_id"], false))
            .await?;

        m.create_table(
            stamps(
                Table::create()
                    .table("support_needs")
                    .if_not_exists()
                    .col(big_pk_auto("id"))
                    .col(big_integer("org_id"))
                    .col(big_integer("enrollment_id"))
                    .col(string("kind"))
                    .col(string("status"))
                    .col(json("children_ages"))
                    .col(string_null("interpreter_language"))
                    .col(text_null("details"))
                    .foreign_key(&mut fk("support_needs", "org_id", "organizations"))
                    .foreign_key(&mut fk("support_needs", "enrollment_id", "enrollments")),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("support_needs", &["enrollment_id", "kind"], true))
            .await?;

        m.create_table(
            Table::create()
                .table("idempotency_keys")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("idempotency_key"))
                .col(string("request_hash"))
                .col(integer_null("response_status"))
                .col(text_null("response_body"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("idempotency_keys", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idempotency_keys",
            &["org_id", "idempotency_key"],
            true,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "idempotency_keys",
            "support_needs",
            "facilitator_assignments",
            "enrollments",
            "peer_groups",
            "people",
            "programs",
            "api_tokens",
            "users",
            "organizations",
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

//! Facilitator training: modules, each program role's requirements, completions, profiles,
//! training cohorts with their sessions and attendance, supervision contacts, overrides
//! kept on assignments, and the organization's training policy.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// In drop order: a table before the tables it refers to.
const TABLES: [&str; 8] = [
    "supervision_contacts",
    "training_attendance",
    "training_sessions",
    "training_cohorts",
    "facilitator_profiles",
    "training_completions",
    "role_requirements",
    "training_modules",
];

const ASSIGNMENT_COLUMNS: [&str; 4] = [
    "override_reason",
    "override_unmet",
    "overridden_by",
    "overridden_at",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A module's design (topics, hours, format, validity) is one validated document.
        m.create_table(
            Table::create()
                .table("training_modules")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("title"))
                .col(json("spec"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("training_modules", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("training_modules", &["org_id"], false))
            .await?;

        // One row per program role with requirements: modules, hours and conditions.
        m.create_table(
            Table::create()
                .table("role_requirements")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("program_id"))
                .col(string("role"))
                .col(json("spec"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("role_requirements", "org_id", "organizations"))
                .foreign_key(&mut fk("role_requirements", "program_id", "programs"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "role_requirements",
            &["org_id", "program_id", "role"],
            true,
        ))
        .await?;

        // Hours in tenths, so both databases count them exactly.
        m.create_table(
            Table::create()
                .table("training_completions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("person_id"))
                .col(big_integer("module_id"))
                .col(date("completed_on"))
                .col(integer("hours_tenths"))
                .col(string_null("trainer"))
                .col(text_null("evidence_note"))
                .col(date_null("expires_on"))
                .col(big_integer_null("recorded_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("training_completions", "org_id", "organizations"))
                .foreign_key(&mut fk("training_completions", "person_id", "people"))
                .foreign_key(&mut fk(
                    "training_completions",
                    "module_id",
                    "training_modules",
                ))
                .foreign_key(&mut fk("training_completions", "recorded_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "training_completions",
            &["org_id", "person_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table("facilitator_profiles")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("person_id"))
                .col(json("spec"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("facilitator_profiles", "org_id", "organizations"))
                .foreign_key(&mut fk("facilitator_profiles", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "facilitator_profiles",
            &["org_id", "person_id"],
            true,
        ))
        .await?;

        // A cohort's title, dates, trainers, modules and trainees are one document.
        m.create_table(
            Table::create()
                .table("training_cohorts")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(json("spec"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("training_cohorts", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("training_sessions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("cohort_id"))
                .col(big_integer_null("module_id"))
                .col(date("held_on"))
                .col(integer("hours_tenths"))
                .col(string_null("topic"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("training_sessions", "org_id", "organizations"))
                .foreign_key(&mut fk(
                    "training_sessions",
                    "cohort_id",
                    "training_cohorts",
                ))
                .foreign_key(&mut fk(
                    "training_sessions",
                    "module_id",
                    "training_modules",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("training_sessions", &["org_id", "cohort_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("training_attendance")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("training_session_id"))
                .col(big_integer("person_id"))
                .col(boolean("present"))
                .foreign_key(&mut fk("training_attendance", "org_id", "organizations"))
                .foreign_key(&mut fk(
                    "training_attendance",
                    "training_session_id",
                    "training_sessions",
                ))
                .foreign_key(&mut fk("training_attendance", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "training_attendance",
            &["org_id", "training_session_id", "person_id"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table("supervision_contacts")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("mentor_person_id"))
                .col(big_integer("peer_person_id"))
                .col(date("held_on"))
                .col(string("mode"))
                .col(integer("minutes"))
                .col(json("topics"))
                .col(boolean("follow_up_needed"))
                .col(text_null("note"))
                .col(big_integer_null("recorded_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("supervision_contacts", "org_id", "organizations"))
                .foreign_key(&mut fk(
                    "supervision_contacts",
                    "mentor_person_id",
                    "people",
                ))
                .foreign_key(&mut fk("supervision_contacts", "peer_person_id", "people"))
                .foreign_key(&mut fk("supervision_contacts", "recorded_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "supervision_contacts",
            &["org_id", "peer_person_id", "held_on"],
            false,
        ))
        .await?;

        // SQLite adds one column per statement.
        for column in [
            text_null("override_reason"),
            text_null("override_unmet"),
            big_integer_null("overridden_by"),
            timestamp_with_time_zone_null("overridden_at"),
        ] {
            let mut column = column;
            m.alter_table(
                Table::alter()
                    .table("facilitator_assignments")
                    .add_column(&mut column)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table("organizations")
                .add_column(string("training_policy").default("block"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in ASSIGNMENT_COLUMNS {
            m.alter_table(
                Table::alter()
                    .table("facilitator_assignments")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table("organizations")
                .drop_column("training_policy")
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}

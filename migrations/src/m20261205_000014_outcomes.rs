//! Outcomes: the instruments an organization defines (the built-in ones live in code),
//! each participant's assessments scored when saved, and consent for research use, without
//! which a person's data stays out of exports and pooled figures.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("instruments")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("key"))
                // The definition as JSON text (a scale or a measure).
                .col(text("definition"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("instruments", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("instruments", &["org_id", "key"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("assessments")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("enrollment_id"))
                .col(big_integer("group_id"))
                .col(big_integer("person_id"))
                .col(string("instrument_key"))
                .col(string("timepoint"))
                .col(string("locale"))
                .col(date("taken_on"))
                // Item answers as JSON text; a measure's value is the total.
                .col(text("answers"))
                .col(double("total"))
                .col(integer("missing"))
                .col(big_integer_null("entered_by"))
                .col(timestamp_with_time_zone("entered_at"))
                .foreign_key(&mut fk("assessments", "org_id", "organizations"))
                .foreign_key(&mut fk("assessments", "enrollment_id", "enrollments"))
                .foreign_key(&mut fk("assessments", "group_id", "peer_groups"))
                .foreign_key(&mut fk("assessments", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "assessments",
            &["org_id", "enrollment_id", "instrument_key", "timepoint"],
            true,
        ))
        .await?;
        m.create_index(index(
            "assessments",
            &["org_id", "group_id", "instrument_key"],
            false,
        ))
        .await?;
        m.alter_table(
            Table::alter()
                .table("people")
                .add_column(timestamp_with_time_zone_null("consent_research_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("people")
                .drop_column("consent_research_at")
                .to_owned(),
        )
        .await?;
        for table in ["assessments", "instruments"] {
            m.drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

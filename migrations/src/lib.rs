//! One portable migration set for SQLite and PostgreSQL. Every table holding tenant data
//! carries `org_id`, and every foreign key to a tenant row stays inside the tenant because
//! the store always filters by `org_id` as well.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_foundation;
mod m20261125_000002_sessions;
mod m20261126_000003_attendance;
mod m20261127_000004_messaging;
mod m20261128_000005_training;
mod m20261201_000006_group_revision;
mod m20261204_000007_idempotency_per_caller;
mod m20261204_000008_lost_claims;
mod m20261204_000009_token_expiry;
mod m20261204_000010_people_email_index;
mod m20261205_000011_sign_in;
mod m20261205_000012_session_marks;
mod m20261205_000013_user_deactivation;
mod m20261205_000014_outcomes;
mod m20261205_000015_instrument_translations;
mod m20261205_000016_sms;
mod m20261205_000017_sms_replies;
mod m20261206_000018_less_data;
mod m20261206_000019_withdrawal_reasons;
mod m20261206_000020_consent_per_purpose;
mod m20261206_000021_erasure;
mod m20261206_000022_retention;
mod m20261206_000023_access_log;
mod m20261206_000024_access_log_groups;
mod m20261206_000025_assessment_answers;
mod m20261206_000026_access_log_head;
mod m20261206_000027_supervision_note;
mod m20261206_000028_call_notes;
mod m20261206_000029_children_age_bands;
mod m20261206_000030_evidence_note;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_foundation::Migration),
            Box::new(m20261125_000002_sessions::Migration),
            Box::new(m20261126_000003_attendance::Migration),
            Box::new(m20261127_000004_messaging::Migration),
            Box::new(m20261128_000005_training::Migration),
            Box::new(m20261201_000006_group_revision::Migration),
            Box::new(m20261204_000007_idempotency_per_caller::Migration),
            Box::new(m20261204_000008_lost_claims::Migration),
            Box::new(m20261204_000009_token_expiry::Migration),
            Box::new(m20261204_000010_people_email_index::Migration),
            Box::new(m20261205_000011_sign_in::Migration),
            Box::new(m20261205_000012_session_marks::Migration),
            Box::new(m20261205_000013_user_deactivation::Migration),
            Box::new(m20261205_000014_outcomes::Migration),
            Box::new(m20261205_000015_instrument_translations::Migration),
            Box::new(m20261205_000016_sms::Migration),
            Box::new(m20261205_000017_sms_replies::Migration),
            Box::new(m20261206_000018_less_data::Migration),
            Box::new(m20261206_000019_withdrawal_reasons::Migration),
            Box::new(m20261206_000020_consent_per_purpose::Migration),
            Box::new(m20261206_000021_erasure::Migration),
            Box::new(m20261206_000022_retention::Migration),
            Box::new(m20261206_000023_access_log::Migration),
            Box::new(m20261206_000024_access_log_groups::Migration),
            Box::new(m20261206_000025_assessment_answers::Migration),
            Box::new(m20261206_000026_access_log_head::Migration),
            Box::new(m20261206_000027_supervision_note::Migration),
            Box::new(m20261206_000028_call_notes::Migration),
            Box::new(m20261206_000029_children_age_bands::Migration),
            Box::new(m20261206_000030_evidence_note::Migration),
        ]
    }
}

/// A foreign key named `fk_<table>_<column>` to `target.id`; deleting the target is refused.
pub(crate) fn fk(
    table: &'static str,
    column: &'static str,
    target: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(target, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

/// An index named `ix_<table>_<columns>` (or `ux_` when unique).
pub(crate) fn index(
    table: &'static str,
    columns: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(format!(
            "{}_{table}_{}",
            if unique { "ux" } else { "ix" },
            columns.join("_")
        ))
        .table(table)
        .if_not_exists();
    for c in columns {
        index.col(*c);
    }
    if unique {
        index.unique();
    }
    index.to_owned()
}

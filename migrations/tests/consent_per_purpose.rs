//! A database written before consent per purpose keeps what each person agreed to: consent
//! to reminders becomes consent by email and by SMS, except SMS for whoever answered STOP.

mod common;

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn reminders_become_both_channels_and_a_stop_withdraws_sms() {
    // Up to the migration before consent per purpose.
    let old = common::migrated_to(19).await;
    let db = &old.db;
    db.execute_unprepared(
        "INSERT INTO people (id, org_id, display_name, preferred_language, \
         consent_reminders_at, consent_calls_at, sms_stopped_at, created_at, updated_at) VALUES \
         (1, 1, 'Agreed', 'ar', '2026-11-01', '2026-11-02', NULL, '2026-11-01', '2026-11-01'), \
         (2, 1, 'Stopped', 'ar', '2026-11-01', NULL, '2026-11-20', '2026-11-01', '2026-11-01'), \
         (3, 1, 'Never', 'ar', NULL, NULL, NULL, '2026-11-01', '2026-11-01')",
    )
    .await
    .unwrap();

    Migrator::up(db, None).await.unwrap();

    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT consent_email_reminders_at IS NOT NULL AS email, \
             consent_sms_reminders_at IS NOT NULL AS sms, \
             consent_calls_at IS NOT NULL AS calls, \
             consent_funder_sharing_at IS NOT NULL AS funder FROM people ORDER BY id",
        ))
        .await
        .unwrap();
    let given: Vec<[bool; 4]> = rows
        .iter()
        .map(|r| ["email", "sms", "calls", "funder"].map(|c| r.try_get::<bool>("", c).unwrap()))
        .collect();
    assert_eq!(
        given,
        [
            [true, true, true, false],
            [true, false, false, false],
            [false, false, false, false]
        ]
    );
    // The old columns are gone, and the history starts empty.
    for gone in ["consent_reminders_at", "sms_stopped_at"] {
        let read = db
            .query_all_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT {gone} FROM people"),
            ))
            .await;
        assert!(read.is_err(), "{gone} is still there");
    }
    let history = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM consent_changes",
        ))
        .await
        .unwrap();
    assert!(history.is_empty());
}

//! A database written before withdrawal reasons became codes keeps no coordinator's words.

mod common;

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn free_text_reasons_become_other_and_no_reason_stays_none() {
    // Up to the migration before the one that made reasons codes.
    let old = common::migrated_to(18).await;
    let db = &old.db;
    db.execute_unprepared(
        "INSERT INTO enrollments (org_id, group_id, person_id, status, withdrawn_reason, \
         created_at, updated_at) VALUES \
         (1, 1, 1, 'withdrawn', 'her diabetes got worse', '2026-11-01', '2026-11-01'), \
         (1, 1, 2, 'enrolled', NULL, '2026-11-01', '2026-11-01')",
    )
    .await
    .unwrap();

    Migrator::up(db, None).await.unwrap();

    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT withdrawn_reason FROM enrollments ORDER BY person_id",
        ))
        .await
        .unwrap();
    let reasons: Vec<Option<String>> = rows
        .iter()
        .map(|r| r.try_get("", "withdrawn_reason").unwrap())
        .collect();
    assert_eq!(reasons, [Some("other".to_string()), None]);
}

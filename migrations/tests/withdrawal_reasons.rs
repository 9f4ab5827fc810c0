//! A database written before withdrawal reasons became codes keeps no coordinator's words.

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Database, Statement};

#[tokio::test]
async fn free_text_reasons_become_other_and_no_reason_stays_none() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    let db = Database::connect(&url).await.unwrap();
    // Up to the migration before the one that made reasons codes.
    Migrator::up(&db, Some(18)).await.unwrap();
    // Only the enrolments matter here, not the rows they point to.
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .unwrap();
    db.execute_unprepared(
        "INSERT INTO enrollments (org_id, group_id, person_id, status, withdrawn_reason, \
         created_at, updated_at) VALUES \
         (1, 1, 1, 'withdrawn', 'her diabetes got worse', '2026-11-01', '2026-11-01'), \
         (1, 1, 2, 'enrolled', NULL, '2026-11-01', '2026-11-01')",
    )
    .await
    .unwrap();

    Migrator::up(&db, None).await.unwrap();

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

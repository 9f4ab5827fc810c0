//! A database written while assessments kept each item's answer loses the answers and
//! keeps every total.

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Database, Statement};

#[tokio::test]
async fn item_answers_go_and_totals_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let db = Database::connect(&url).await.unwrap();
    // Up to the migration before the one that drops the answers.
    Migrator::up(&db, Some(24)).await.unwrap();
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .unwrap();
    db.execute_unprepared(
        "INSERT INTO assessments (org_id, enrollment_id, group_id, person_id, instrument_key, \
         timepoint, locale, taken_on, answers, total, missing, entered_at) VALUES \
         (1, 1, 1, 1, 'phq9', 'baseline', 'pa-Guru', '2026-11-01', \
          '{\"q9-canary-item\":3}', 14.0, 0, '2026-11-01T10:00:00Z')",
    )
    .await
    .unwrap();
    let held = |path: &std::path::Path| {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(14).any(|w| w == b"q9-canary-item")
    };
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    assert!(held(&path), "the answers were in the file before");

    Migrator::up(&db, None).await.unwrap();

    let backend = db.get_database_backend();
    let columns = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT name FROM pragma_table_info('assessments')",
        ))
        .await
        .unwrap();
    let names: Vec<String> = columns
        .iter()
        .map(|r| r.try_get("", "name").unwrap())
        .collect();
    assert!(!names.contains(&"answers".to_string()), "{names:?}");
    let totals = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT total, missing FROM assessments",
        ))
        .await
        .unwrap();
    assert_eq!(totals.len(), 1);
    assert_eq!(totals[0].try_get::<f64>("", "total").unwrap(), 14.0);
    // Nor do the answers stay in the file's free pages.
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    db.close().await.unwrap();
    assert!(!held(&path), "the answers are still in the database file");
}

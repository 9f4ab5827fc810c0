//! A database written before childcare kept age bands keeps no child's exact age.

mod common;

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn each_childs_age_becomes_its_band() {
    // Up to the migration before the one that made ages bands.
    let old = common::migrated_to(28).await;
    let db = &old.db;
    db.execute_unprepared(
        "INSERT INTO support_needs (id, org_id, enrollment_id, kind, status, children_ages, \
         created_at, updated_at) VALUES \
         (1, 1, 1, 'childcare', 'requested', '[0, 1, 2, 4, 5, 12, 13, 17]', '2026-11-01', '2026-11-01'), \
         (2, 1, 2, 'transport', 'requested', '[]', '2026-11-01', '2026-11-01')",
    )
    .await
    .unwrap();

    Migrator::up(db, None).await.unwrap();

    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT children_ages FROM support_needs ORDER BY id",
        ))
        .await
        .unwrap();
    let ages: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.try_get::<String>("", "children_ages").unwrap()).unwrap())
        .collect();
    assert_eq!(
        ages,
        [
            serde_json::json!([
                "under_two",
                "under_two",
                "two_to_four",
                "two_to_four",
                "five_to_twelve",
                "five_to_twelve",
                "thirteen_to_seventeen",
                "thirteen_to_seventeen"
            ]),
            serde_json::json!([])
        ]
    );
}
